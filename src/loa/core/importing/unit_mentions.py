"""Units a plan assigns work to ("Ban Tuyên giáo Thị ủy chủ trì, phối hợp với …"), given their registry id when the
registry knows them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from loa.core.model.registry import Issuer
from loa.core.text.normalize import nfc
from loa.core.text.skeleton import skeleton

__all__ = ["COOPERATE", "UnitRegistry", "unit_list"]


_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "btg": "ban tuyen giao",
}
_SEPARATOR = re.compile(r"\s*(?:,|;|&|\bva\b|\bcung\b)\s*")
_ORG_START = re.compile(
    r"(?:ban|phong|trung\s+tam|uy\s+ban|ubnd|hdnd|hoi\s+dong|dang\s+uy|dang\s+bo|chi\s+bo|"
    r"(?:thi|huyen|tinh|thanh|quan)\s+(?:uy|doan)|van\s+phong|hoi(?!\s+(?:nghi|thi|thao))|doan|cong\s+an|"
    r"mat\s+tran|mttq|so|cac\s+(?:chi|co\s+quan|to\s+chuc|doan\s+the|phong|ban|nganh)|dai|truong|benh\s+vien|"
    r"chi\s+cuc|vien|toa\s+an|lien\s+doan|khoi|ngan\s+hang|kho\s+bac)\b"
)
_ORG_END = re.compile(
    r"\s*[:;(.,]|\s(?:chu\s+tri|phoi\s+hop|chi\s+dao|thuc\s+hien|to\s+chuc|xay\s+dung|co\s+trach|"
    r"can\s+cu|tham\s+muu|huong\s+dan|trien\s+khai|theo\s+doi|la\s+co\s+quan|bao\s+cao|ban\s+hanh|"
    r"chu\s+dong|tang\s+cuong|day\s+manh|kiem\s+tra|trong|tai|ve|de|theo|nham|va|cung|voi)\b"
)
_GENERIC = re.compile(r"lien\s+quan|dia\s+phuong|\bdon\s+vi\b")
COOPERATE = re.compile(r"\bphoi\s+hop(?:\s+(?:chat\s+che|thuong\s+xuyen|tot)\s*,?)*\s*(?:voi|cung)?\s+")


def _key(name: str) -> str:
    words = re.sub(r"[-–,;&.:()/]", " ", skeleton(name)).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words if w not in ("va", "viet", "nam"))


def _strip_place(name: str) -> str:
    """ "Trung tâm Chính trị thị xã Sa Pa" → "Trung tâm Chính trị": no place name, no "thị xã"."""
    words = name.split()
    while len(words) > 1 and words[-1][:1].isupper() and not words[-1].isupper() and words[-2][-1].isalpha():
        words.pop()
    level = (
        2
        if skeleton(" ".join(words[-2:])) in ("thi xa", "thanh pho")
        else skeleton(words[-1]) in ("huyen", "quan")
    )
    return " ".join(words[: len(words) - level] if len(words) > level else words)


class UnitRegistry:
    """Registry names by skeleton, a name with its place name left out matching when that is unambiguous."""

    def __init__(self, issuers: Mapping[str, Issuer], issuer: str | None) -> None:
        self._exact: dict[str, set[str]] = {}
        self._loose: dict[str, set[str]] = {}
        for issuer_id, entry in issuers.items():
            # Only names of two words or more that start like a body's name are looked for in running text.
            for name in (
                n
                for n in entry.names
                if (len(n.split()) > 1 and _ORG_START.match(skeleton(n))) or n.isupper()
            ):
                self._exact.setdefault(_key(nfc(name)), set()).add(issuer_id)
                self._loose.setdefault(_key(_strip_place(nfc(name))), set()).add(issuer_id)
        own = issuers.get(issuer or "")
        self.committee = own.short_name if own and own.short_name else None

    def lookup(self, name: str) -> str | None:
        ids = self._exact.get(_key(name)) or self._loose.get(_key(_strip_place(name))) or set()
        return next(iter(ids)) if len(ids) == 1 else None

    def prefix(self, text: str, pos: int) -> tuple[str, int] | None:
        """The longest registry name at ``pos``: (id, end)."""
        words = list(re.finditer(r"\S+", text[pos : pos + 160]))[:14]  # not over ":;(", not ending with "và"
        words = words[: next((i + 1 for i, w in enumerate(words) if re.search(r"[:;(]", w[0])), len(words))]
        for count in range(len(words), 0, -1):
            end = pos + len(text[pos : pos + words[count - 1].end()].rstrip(",;:.)"))
            found = skeleton(words[count - 1][0]) not in ("va", "cung", "voi") and self.lookup(text[pos:end])
            if found:
                return found, end
        return None


def unit_list(text: str, pos: int, registry: UnitRegistry) -> list[tuple[str | None, str, int]]:
    """Units named one after another from ``pos``: "Ban Tuyên giáo, Ban Dân vận Thị ủy và UBND thị xã"."""
    skel, items = skeleton(text), []
    while pos < len(text):
        hit = registry.prefix(text, pos)
        if hit:
            unit_id, end = hit
        else:
            stop = _ORG_END.search(skel, pos)
            end = stop.start() if stop else len(text)
            if (
                not (text[pos : pos + 1].isupper() and _ORG_START.match(skel, pos))
                or _GENERIC.search(skel, pos, end)
                or not 1 + skel.startswith("cac", pos) < len(text[pos:end].split()) <= 12
            ):
                break
            unit_id = None
        items.append((unit_id, text[pos:end], pos))
        if not (separator := _SEPARATOR.match(skel, end)):
            break
        pos = separator.end()
    for index, (unit_id, name, start) in enumerate(items):  # "Ban Tuyên giáo, Ban Dân vận Thị ủy"
        tails = [" ".join(n.split()[-2:]) for i, n, _ in items[index + 1 :] if i] + [registry.committee or ""]
        found = (registry.lookup(f"{name} {tail}") for tail in tails if tail and unit_id is None)
        items[index] = (unit_id or next((i for i in found if i), None), name, start)
    return items
