"""The issuing body a citation names after "của" ("… của Ban Thường vụ Thị ủy"), recognised from the registry's names
and aliases, or read as written when the registry does not know it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from loa.core.text.normalize import nfc
from loa.core.text.skeleton import skeleton

__all__ = ["KHOA", "NO_NAMES", "OF_BODY", "IssuerNames", "issuer_after"]

# "… của <body>" right behind a citation, a "(khóa XI)" possibly between.
OF_BODY = re.compile(r"\s*,?\s*(?:\(\s*khoa\s+[ivxl]+\s*\)\s*)?cua\s+")
# The Party term given with a citation: "khóa XII", "(khóa XIII)".
KHOA = re.compile(r"\s*,?\s*\(?\s*khoa\s+(?P<term>[ivxl]+)\b\s*\)?")


class IssuerNames:
    """Recognises issuing bodies named after "của", from the registry's names and aliases.

    Arguments:
        names: (name or alias as written, issuer id) pairs.
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        by_skeleton: dict[str, str] = {}
        for name, issuer in names:
            by_skeleton.setdefault(" ".join(skeleton(nfc(name)).split()), issuer)
        alternatives = sorted(by_skeleton, key=len, reverse=True)
        self._ids = by_skeleton
        body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives) or r"(?!x)x"
        self._pattern = re.compile(rf"(?:{body})(?![\w])")

    def match(self, skel: str, position: int) -> tuple[str, int] | None:
        """Return (issuer id, end) of the longest name starting at ``position``."""
        found = self._pattern.match(skel, position)
        if not found:
            return None
        return self._ids[" ".join(found.group().split())], found.end()


NO_NAMES = IssuerNames(())
# A plenum ("Hội nghị Trung ương 7 (khóa XII)", "Hội nghị lần thứ Tư, Ban Chấp hành Trung ương Đảng khóa XIII")
# issues in the name of the Central Committee.
_PLENUM = re.compile(
    r"hoi\s+nghi\s+(?:lan\s+thu\s+[a-z]+|trung\s+uong\s+(?:\d{1,2}|lan\s+thu\s+[a-z]+))\s*,?\s*"
)
_BODY_WORDS = frozenset(
    {
        "an",
        "ban",
        "bi",
        "binh",
        "bo",
        "chap",
        "chi",
        "chien",
        "chinh",
        "chuc",
        "cong",
        "cuu",
        "dan",
        "dang",
        "dao",
        "doan",
        "dong",
        "du",
        "duc",
        "giao",
        "hanh",
        "hiep",
        "ho",
        "hoa",
        "hoc",
        "hoi",
        "huyen",
        "khoa",
        "kiem",
        "lao",
        "lich",
        "lien",
        "mat",
        "minh",
        "nghe",
        "nhan",
        "nien",
        "noi",
        "nong",
        "nu",
        "phap",
        "pho",
        "phong",
        "phu",
        "phuong",
        "quan",
        "quoc",
        "san",
        "so",
        "su",
        "tai",
        "tao",
        "te",
        "thanh",
        "the",
        "thi",
        "thong",
        "thu",
        "thuong",
        "tin",
        "tinh",
        "to",
        "toa",
        "tra",
        "tran",
        "tri",
        "truc",
        "trung",
        "truyen",
        "tu",
        "tuong",
        "tuyen",
        "uong",
        "uy",
        "van",
        "vien",
        "vu",
        "xa",
        "y",
    }
)
_CAPITALISED = re.compile(r"\s*[^\s,;:(“\"”.*]+")


def issuer_after(text: str, skel: str, end: int, names: IssuerNames) -> tuple[str | None, str | None, int]:
    """Return (issuer as written, issuer id, end of mention) for "của <body>" right behind a citation."""
    of = OF_BODY.match(skel, end)
    if not of:
        # "…, ngày 01/11/2012, Hội nghị Trung ương 6 khóa XI": a plenum named without "của".
        of = re.compile(r"\s*,\s*(?=hoi\s+nghi\s+)").match(skel, end)
        if not of or not _PLENUM.match(skel, of.end()):
            return None, None, end
    start = position = of.end()
    plenum = _PLENUM.match(skel, position)
    if plenum:
        position = plenum.end()
        khoa = KHOA.match(skel, position)
        if khoa:
            position = khoa.end()
            position += len(skel[position:]) - len(skel[position:].lstrip(" ,"))
    issuer_id: str | None
    named = names.match(skel, position)
    following = _CAPITALISED.match(text, named[1]) if named else None
    if named and following and following.group().strip()[0].isupper():
        # "Tỉnh ủy Yên Bái" is not the registry's "Tỉnh ủy": the name goes on, so the body is another one.
        named = None
    if named:
        issuer_id, position = named
    elif plenum:
        # "Hội nghị Trung ương 7" alone: the registry lists "Hội nghị Trung ương" as a name of the committee.
        hit = names.match(skel, start)
        issuer_id, position = (hit[0] if hit else None), plenum.end()
    else:
        # Unknown body: take its name, capitalised words and the words bodies are named with ("Ủy ban nhân dân
        # huyện Bảo Thắng", "Ban Thường vụ Huyện ủy", "Bộ Nội vụ"), up to the first other word or punctuation.
        issuer_id = None
        capitals = 0  # capitalised words in a row just before this one
        for _ in range(12):
            word = _CAPITALISED.match(text, position)
            if not word:
                break
            token = word.group().strip()
            if skeleton(token) == "va":
                # "Sở Văn hóa và Thể thao", "Bộ Thông tin và Truyền thông": "và" inside a name, before a capital.
                following = _CAPITALISED.match(text, word.end())
                if not following or not following.group().strip()[0].isupper():
                    break
            elif not (token[0].isupper() or skeleton(token) in _BODY_WORDS or capitals == 1):
                # A lower-case word goes on a name only as the second syllable of a single capitalised one
                # ("Thể thao", "Giám đốc"), never after a place name ("Sa Pa về …").
                break
            capitals = capitals + 1 if token[0].isupper() else 0
            position = word.end()
    issuer = text[start:position].strip().rstrip(",")
    return (issuer or None), issuer_id, (start + len(text[start:position].rstrip(" ,")) if issuer else end)
