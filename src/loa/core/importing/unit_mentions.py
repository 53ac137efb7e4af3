"""Units a plan assigns work to ("Ban Tuyên giáo Thị ủy chủ trì, phối hợp với …"), given their registry id when the
registry knows them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from loa.core.model.registry import Issuer
from loa.core.text.normalize import nfc
from loa.core.text.skeleton import skeleton

__all__ = ["COOPERATE", "UnitRegistry", "addressed_units", "name_end", "unit_list"]


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
_ORG_START = re.compile(_ORG_START.pattern.replace(r"|so|", r"|so|bo(?!\s+phan)|buu\s+dien|"))
# Verbs and prepositions that end a name when written in lower case ("Ban Tuyên giáo Huyện ủy lãnh đạo …").
_AFTER_NAME = re.compile(
    r"(?:chu\s+tri|phoi\s+hop|chi\s+dao|thuc\s+hien|to\s+chuc|xay\s+dung|co\s+trach|can\s+cu|tham\s+muu|"
    r"huong\s+dan|trien\s+khai|theo\s+doi|la|bao\s+cao|ban\s+hanh|chu\s+dong|tang\s+cuong|day\s+manh|"
    r"kiem\s+tra|lanh\s+dao|quan\s+triet|tuyen\s+truyen|van\s+dong|phat\s+dong|don\s+doc|giam\s+sat|"
    r"ra\s+soat|tham\s+gia|cung\s+cap|bo\s+tri|dam\s+bao|bao\s+dam|phu\s+trach|nam|tap\s+trung|"
    r"quan\s+tam|tiep\s+tuc|thong\s+tin|phan\s+cong|cu|gui|tong\s+hop|duoc|se|can|phai|nghien\s+cuu|"
    r"ho\s+tro|dang\s+tai|dua\s+tin|phan\s+anh|bien\s+soan|phat\s+hanh|chuan\s+bi|xu\s+ly|giai\s+quyet|"
    r"tham\s+dinh|lap|co|tiep\s+nhan|quan\s+ly|hoan\s+thanh|moi|bo\s+sung|danh\s+gia|thong\s+bao|"
    r"trong|tai|ve|de|theo|nham|cua|cho|tu|den|tren|voi|cung|khi|neu|ngay|truoc|sau|dong\s+thoi|"
    r"phan\s+dau|day|hang|moi)\b"
)
_LEVEL = re.compile(
    r"(?:(?:huyen|thi|thanh|tinh|quan|dang)\s+uy|thi\s+tran|thi\s+xa|thanh\s+pho|xa|phuong|huyen|quan|tinh)\b"
)
_GROUP = re.compile(r"(?:dang\s+bo|chi\s+bo|co\s+quan|don\s+vi|ban|nganh|doan\s+the|to\s+chuc)\b")
_UNDER = re.compile(r"truc\s+thuoc\b")  # "các huyện ủy, thị ủy trực thuộc"
_COMMITTEE_HEAD = re.compile(r"huyen|tinh|thi|thanh|quan|dang")
_TOKEN = re.compile(r"[^\s,;:.()]+|[,;:.()]")


def _joins(text: str, skel: str, pos: int) -> bool:
    """Whether the word at ``pos`` continues a name after "và" or a comma: capitalised, not a new body."""
    return (
        text[pos : pos + 1].isupper() and not _ORG_START.match(skel, pos) and not skel.startswith("cac ", pos)
    )


def name_end(text: str, skel: str, pos: int) -> int:
    """Where the name of a body that starts at ``pos`` ends: "và" and commas inside it are kept ("Phòng Nông nghiệp
    và Phát triển nông thôn", "Sở Văn hóa, Thể thao và Du lịch"), a verb in lower case ends it."""
    end = level_end = pos
    tokens = list(_TOKEN.finditer(text, pos, min(len(text), pos + 240)))
    for index, token in enumerate(tokens):
        word, start = token[0], token.start()
        following = tokens[index + 1].start() if index + 1 < len(tokens) else len(text)
        if index == 0:
            end = token.end()
            continue
        if word in (";", ":", ".", "(", ")") or index > 16:
            break
        if word == "," or skel.startswith("va ", start) or word in ("&",):
            plural = re.search(r"\bcac\s", skel[pos:start]) and (
                _LEVEL.match(skel, following) or _GROUP.match(skel, following)
            )
            if not (_joins(text, skel, following) or plural):  # "Ủy ban nhân dân các xã, thị trấn"
                break
            continue
        if start < level_end:
            end = token.end()
            continue
        committee = (
            skel.startswith("uy", start)
            and len(word) == 2
            and index > 0
            and _COMMITTEE_HEAD.fullmatch(skel[tokens[index - 1].start() : tokens[index - 1].end()])
        )
        level = (_LEVEL.match(skel, start) or _UNDER.match(skel, start)) if word[:1].islower() else None
        if word[:1].islower() and (
            _AFTER_NAME.match(skel, start) or (level_end > pos and not level and not committee)
        ):
            break  # a lower-case word after "huyện" or "các xã, thị trấn" is not part of the name
        level_end = level.end() if level else token.end() if committee else level_end  # "… Huyện ủy treo …"
        end = token.end()
    return end


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
            split = count < len(words) and skeleton(words[count][0]).rstrip(",;:.)") == "uy"  # "Huyện | ủy"
            found = (
                not split
                and skeleton(words[count - 1][0]) not in ("va", "cung", "voi")
                and self.lookup(text[pos:end])
            )
            if found:
                return found, end
        return None


def unit_list(text: str, pos: int, registry: UnitRegistry) -> list[tuple[str | None, str, int]]:
    """Units named one after another from ``pos``: "Ban Tuyên giáo, Ban Dân vận Thị ủy và UBND thị xã"."""
    skel, items = skeleton(text), []
    while pos < len(text):
        hit = registry.prefix(text, pos)
        if hit and (
            re.match(r"\s+cac\s", skel[hit[1] :])
            or (
                re.match(r" [^\W\d_]", text[hit[1] :])
                and text[hit[1] + 1].isupper()
                and name_end(text, skel, pos) > hit[1]
            )
        ):
            hit = (
                None  # "Ủy ban nhân dân các xã", "… trực thuộc Huyện ủy" are not the registry's shorter name
            )
        if hit:
            unit_id, end = hit
        else:
            end = name_end(text, skel, pos)
            if (
                not (text[pos : pos + 1].isupper() and _ORG_START.match(skel, pos))
                or _GENERIC.search(skel, pos, end)
                or not 1 + skel.startswith("cac", pos) < len(text[pos:end].split()) <= 16
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


def addressed_units(
    rows: list[tuple[int, list[str]]], registry: UnitRegistry
) -> list[tuple[str | None, str, int]]:
    """The bodies a Công văn is addressed to ("Kính gửi: - Phòng Văn hóa và Thông tin huyện; - …"), with lines."""
    found: list[tuple[str | None, str, int]] = []
    for line, segments in rows:
        for segment in segments:
            text = re.sub(r"^\s*kính\s+gửi\s*:?\s*", "", nfc(segment), flags=re.IGNORECASE)
            text = re.sub(r"^\s*[-+•–]\s*", "", text).strip()
            found += [(i, n.rstrip(" ;,."), line) for i, n, _ in unit_list(text, 0, registry)] if text else []
    return found
