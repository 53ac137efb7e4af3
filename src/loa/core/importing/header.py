"""The header lines of an official document: its own number ("Số 12-KH/HU"), the place and date line and the type line
("KẾ HOẠCH"). The number line follows the one pattern family of :mod:`loa.core.text.document_numbers`.
"""

from __future__ import annotations

import datetime as dt
import re

from loa.core.importing.segments import is_upper
from loa.core.model.document import PartialDate
from loa.core.text.citation import SYMBOL_TYPES, TYPE_WORDS
from loa.core.text.document_numbers import DASH, canonical_number, party_pattern, state_pattern
from loa.core.text.skeleton import skeleton

__all__ = ["date_in", "number_line", "type_of", "type_rest"]


_NUMBER_LINE = re.compile(r"^so\s*:?(?![a-z])\s*(?P<rest>.*)$")
_PARTY_NUMBER = re.compile(
    "^" + party_pattern(r"(?P<n>\d[\d ]*)?", r"(?P<abbr>[^\W\d_]{1,6})", rf"(?P<iss>[^\W\d_](?:\w|{DASH})*)")
)
_STATE_NUMBER = re.compile(
    "^"
    + state_pattern(
        r"(?P<n>\d[\d ]*)?", r"(?P<y>\d{4})", r"(?P<abbr>[^\W\d_]\w*)", rf"(?P<iss>\w+(?:\s*{DASH}\s*\w+)*)"
    )
)
_BLANK = r"[\s._…\-]*"
_DATE = re.compile(
    rf"ngay{_BLANK}(?P<d>\d[\d ]?)?{_BLANK}"
    r"(?:thang\s*(?P<m>\d[\d ]?)?[\s._…]*nam\s*(?P<y>\d[\d ]{2,5}\d)"
    r"|[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d[\d ]{2,5}\d))"
)


def number_line(segment: str) -> tuple[str | None, str | None] | None:
    """Return (canonical number or None when blank, symbol type) for a "Số ..." segment, or None."""
    skel = skeleton(segment)
    line = _NUMBER_LINE.match(skel)
    if not line:
        return None
    rest = segment[line.start("rest") :].strip().rstrip(".,;")
    for pattern in (_PARTY_NUMBER, _STATE_NUMBER):
        found = pattern.match(rest)
        if not found:
            continue
        digits = (found["n"] or "").replace(" ", "")
        abbr = found["abbr"]
        if pattern is _PARTY_NUMBER:
            symbol = f"{abbr}/{found['iss']}"
        else:
            symbol = re.sub(r"\s+", "", f"{abbr}-{found['iss']}")
            if found["y"]:
                symbol = f"{found['y']}/{symbol}"
        symbol_type = SYMBOL_TYPES.get(skeleton(abbr))
        if pattern is _PARTY_NUMBER and skeleton(abbr) == "tt":
            symbol_type = "Thông tri"  # TT is a Thông tri in Party numbering, a Thông tư in State numbering
        if symbol_type is None and pattern is _STATE_NUMBER:
            symbol_type = "Công văn"
        if not digits:
            return None, symbol_type
        separator = "-" if pattern is _PARTY_NUMBER else "/"
        return canonical_number(f"{digits}{separator}{symbol}"), symbol_type
    return None


def date_in(text: str) -> tuple[PartialDate, int, int] | None:
    """Return the date of a "<place>, ngày … tháng … năm …" line and its span in ``text``."""
    skel = skeleton(text)
    for found in _DATE.finditer(skel):
        year_text = (found["y"] or found["y2"] or "").replace(" ", "")
        month_text = (found["m"] or found["m2"] or "").replace(" ", "")
        day_text = (found["d"] or "").replace(" ", "")
        if len(year_text) != 4:
            continue
        if not (found["m"] or found["y"]) and not re.search(r",\s*$", skel[: found.start()]):
            continue
        year = int(year_text)
        month = int(month_text) if month_text else None
        day = int(day_text) if day_text and month else None
        try:
            if month:
                dt.date(year, month, day or 1)
        except ValueError:
            continue
        return PartialDate(year, month, day), found.start(), found.end()
    return None


_TYPE_START = re.compile(
    rf"^(?P<type>{'|'.join(sorted(TYPE_WORDS, key=len, reverse=True))})(?:\s+(?P<rest>.+))?$"
)


def type_of(segment: str) -> str | None:
    """The type a type line names: "KẾ HOẠCH", or "CHƯƠNG TRÌNH HÀNH ĐỘNG" (the rest begins the trích yếu)."""
    if not is_upper(segment) or len(segment) > 60:
        return None
    skel = " ".join(skeleton(segment).split())
    if all(len(word) == 1 for word in skel.split()):
        # Letter-spaced: "K Ế   H O Ạ C H".
        skel = next((word for word in TYPE_WORDS if word.replace(" ", "") == skel.replace(" ", "")), skel)
    found = _TYPE_START.match(skel)
    return TYPE_WORDS[found["type"]] if found else None


def type_rest(segment: str) -> str | None:
    """The words after the type word on a type line, as written."""
    found = _TYPE_START.match(" ".join(skeleton(segment).split()))
    if not found or not found["rest"] or found["rest"] == "lien tich":
        return None
    return " ".join(segment.split()[len(found["type"].split()) :])
