"""A document's lines cut into *segments* at ``|`` cells and at wide gaps, because Word's two-column header tables
arrive flattened ("HUYỆN ỦY BẢO THẮNG      ĐẢNG CỘNG SẢN VIỆT NAM"), with Markdown marks and rules told apart from text.
"""

from __future__ import annotations

import re

from loa.core.text.document_numbers import DASH
from loa.core.text.skeleton import skeleton

__all__ = ["SKIP_HEADER", "clean_segment", "cut_segments", "is_rule", "is_upper"]


_GAP = re.compile(r"\s*\|\s*|\t+|\s{3,}")
_MARKS = re.compile(r"^(?:#{1,6}\s+|>\s*)+|^\\?\*+|\\?\*+$|^_+|_+$")


def clean_segment(text: str) -> str:
    """Strip Markdown marks around a segment: headings, bold and italics, escaped stars."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        text = _MARKS.sub("", text).strip()
    text = re.sub(r"\s[-_=]{3,}$", "", text)  # a header line underlined on the same line
    return re.sub(r"\*\*|__", "", text).strip()


_JOINS_LEFT = re.compile(r"(?:\bngay|\bthang|\bso\s*:?)\s*$")
_JOINS_RIGHT = re.compile(rf"^(?:thang|{DASH}|/)")
_YEAR_AFTER_MONTH = re.compile(r"thang\s*\d{0,2}\s*$")


def cut_segments(line: str) -> list[str]:
    """Cut a line at cell borders and wide gaps, except inside a date or number left blank for the day."""
    line = line.strip().strip("|")
    parts: list[str] = []
    start = 0
    for gap in _GAP.finditer(line):
        left, right = skeleton(line[start : gap.start()]), skeleton(line[gap.end() :])
        year = (right.startswith("nam") and _YEAR_AFTER_MONTH.search(left)) or (
            right[:1].isdigit() and re.search(r"\bnam\s*$", left)
        )
        if "|" not in gap.group() and (_JOINS_LEFT.search(left) or _JOINS_RIGHT.match(right) or year):
            continue
        parts.append(line[start : gap.start()])
        start = gap.end()
    parts.append(line[start:])
    # Markdown table rules ("|---|---|") are not text.
    return [s for s in (clean_segment(part) for part in parts) if s and not re.fullmatch(r":?-{2,}:?", s)]


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_rule(text: str) -> bool:
    """Separator lines: stars, dashes, underscores, "---oOo---"."""
    return bool(re.fullmatch(r"[\s*\\\-_=–—~.oO]*", text)) and not re.search(r"[a-zA-NP-Z]", text)


SKIP_HEADER = re.compile(r"cong\s+hoa\s+xa\s+hoi|doc\s+lap\s*[-–]\s*tu\s+do|dang\s+cong\s+san\s+viet\s+nam")
