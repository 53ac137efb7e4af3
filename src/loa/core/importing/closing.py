"""What a document says about itself outside its header: the issuer and number named by the closing line
("Trên đây là Kế hoạch số 25-KH/ĐUK của Ban Thường vụ Đảng ủy Khối …"), by the opening sentence ("Ban Thường vụ
Đảng ủy Khối … ban hành kế hoạch …") or by the signature block ("T/M BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI …"), for copies
pasted without their header; and the motto column of a two-column header taken out of a merged line
("HUYỆN BẢO THẮNG CHỦ NGHĨA VIỆT NAM").
"""

from __future__ import annotations

import re

from loa.core.importing.bodies import COMMITTEES, UNITS, org_name, org_style
from loa.core.importing.segments import is_upper
from loa.core.importing.signature import AUTHORITY_PREFIX
from loa.core.text.citation import TYPE_WORDS
from loa.core.text.document_numbers import DASH, canonical_number
from loa.core.text.skeleton import skeleton

__all__ = [
    "best_issuer",
    "issuer_in_closing",
    "issuer_in_signature",
    "number_in_closing",
    "strip_motto",
    "year_in_title",
]

_MOTTO = re.compile(
    rf"(?:\bcong\s+hoa\s+)?(?:\bxa\s+hoi\s+)?\bchu\s+nghia\s+viet\s+nam\b|\bcong\s+hoa\s+xa\s+hoi\b"
    rf"|\bdang\s+cong\s+san\s+viet\s+nam\b|\bdoc\s+lap\s*(?:{DASH}\s*tu\s+do\s*(?:{DASH}\s*hanh\s+phuc)?)?"
)


def strip_motto(segment: str) -> str:
    """An upper-case header segment without the words of the motto column merged into it."""
    skel = skeleton(segment)
    spans = [m.span() for m in _MOTTO.finditer(skel)]
    if not spans:
        return segment
    kept, last = [], 0
    for start, end in spans:
        kept.append(segment[last:start])
        last = end
    kept.append(segment[last:])
    return " ".join(" ".join(kept).split()).strip(" -–,")


# Who leads a committee's work signs for it; the document is the committee's ("Huyện ủy Bảo Thắng").
_COMMITTEE_WORDS = "|".join((*COMMITTEES, r"dang\s+uy"))
_LEADERSHIP = re.compile(
    rf"^(?:ban\s+thuong\s+vu|thuong\s+truc|ban\s+chap\s+hanh)\s+(?=(?:{_COMMITTEE_WORDS})\b)"
)
_BODY_WORDS = re.compile(
    rf"\b(?:{_COMMITTEE_WORDS}|uy\s+ban|hoi\s+dong|so|phong|ban|trung\s+tam|doan|hoi|mat\s+tran|truong|cong\s+an)\b"
)


def _committee(name: str) -> str | None:
    """The body a name of the issuer's leadership stands for, written as in running text, or None."""
    name = " ".join(name.split()).strip(" ,.;:")
    skel = skeleton(name)
    lead = _LEADERSHIP.match(skel)
    if lead:
        name, skel = name[lead.end() :], skel[lead.end() :]
    if not name or not _BODY_WORDS.search(skel) or len(name.split()) > 14:
        return None
    if skel.startswith(("ban thuong vu", "thuong truc")):
        return None  # the leadership without its committee
    if not any(re.search(rf"\b{u}\b", skel) for u in (*COMMITTEES, *UNITS, "khoi", "trung uong")):
        return None  # "Ban Tuyên giáo" alone does not say whose
    return org_name(name) if is_upper(name) else org_style(name)


_TYPES = "|".join(sorted(TYPE_WORDS, key=len, reverse=True))
_CLOSING = re.compile(
    rf"\btren\s+day\s+la\s+(?:{_TYPES})\b[^.;]*?\bcua\s+(?P<body>[^.;:()]{{3,120}}?)\s*(?:[.;:(]|$)"
)
_OPENING = re.compile(
    rf"(?:^|[,.;]\s+)(?P<body>(?:ban|thuong|dang|tinh|huyen|thi|thanh|quan|uy|so|phong|hoi|doan|trung)"
    rf"[^,.;:]{{3,120}}?)\s+(?:ban\s+hanh|xay\s+dung|de\s+ra)\s+(?:{_TYPES})\b"
)


def issuer_in_closing(lines: list[str]) -> str | None:
    """The issuer a closing line or an opening sentence names, written as in running text."""
    text = " ".join(line.strip() for line in lines)
    skel = skeleton(text)
    for pattern in (_CLOSING, _OPENING):
        for found in pattern.finditer(skel):
            body = text[found.start("body") : found.end("body")]
            if body[:1].isupper():
                name = _committee(body)
                if name:
                    return name
    return None


def issuer_in_signature(tail: list[str]) -> str | None:
    """The issuer a signature block names: "T/M BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI …", or a committee's name in capitals
    just above or below a bare "T/M BAN THƯỜNG VỤ"."""
    for index, segment in enumerate(tail):
        prefix = AUTHORITY_PREFIX.match(skeleton(segment))
        if not prefix:
            continue
        name = _committee(segment[prefix.end() :])
        if name:
            return name
        for near in (tail[index - 1] if index else "", tail[index + 1] if index + 1 < len(tail) else ""):
            if near and is_upper(near) and not AUTHORITY_PREFIX.match(skeleton(near)):
                name = _committee(near)
                if name:
                    return name
    return None


_OWN_NUMBER = re.compile(
    rf"\b(?:tren\s+day\s+la|ban\s+hanh)\s+(?P<type>{_TYPES})\s+so\s*:?\s*"
    rf"(?P<n>\d+\s*(?:{DASH}|/)\s*[^\W_][\w/{DASH[1:-1]}]*[^\W_])"
)


def number_in_closing(lines: list[str], doc_type: str | None) -> str | None:
    """The document's own number when only its closing or opening line gives it ("Trên đây là Kế hoạch số …")."""
    text = " ".join(line.strip() for line in lines)
    skel = skeleton(text)
    for found in _OWN_NUMBER.finditer(skel):
        if doc_type and TYPE_WORDS.get(found["type"]) != doc_type:
            continue
        written = re.sub(r"\s+", "", text[found.start("n") : found.end("n")])
        return canonical_number(written)
    return None


_TITLE_YEAR = re.compile(
    rf"\b(?:giai\s+doan|nhiem\s+ky)\s+(?P<first>(?:19|20)\d\d)\s*{DASH}\s*(?:19|20)\d\d\b|\bnam\s+(?P<y>(?:19|20)\d\d)\b"
)


def year_in_title(title: str | None) -> int | None:
    """The year a title names: "năm 2022", or the first of "giai đoạn 2021 - 2025"; None when it names several."""
    years = {int(m["first"] or m["y"]) for m in _TITLE_YEAR.finditer(skeleton(title or ""))}
    return years.pop() if len(years) == 1 else None


def best_issuer(found: list[str | None]) -> str | None:
    """Of the issuers the text names outside its header (in the order opening, closing line, signature), the first
    that names its place ("Huyện ủy Lạc Sơn" rather than "Ban Thường vụ Huyện ủy"), its leadership left out."""
    names = [_committee(name) or name for name in found if name]
    placed = [name for name in names if _has_place(name)]
    return (placed or names)[0] if names else None


def _has_place(name: str) -> bool:
    """Whether a name ends with a place name: capitalised words after a unit word or a committee."""
    words = name.split()
    return (
        len(words) > 1
        and words[-1][:1].isupper()
        and not re.search(r"\b(?:uy|dang|trung uong)$", skeleton(name))
    )
