"""The *skeleton* of a text: every character lower-cased and stripped of its diacritics (đ→d), one character for one,
so that spans found in the skeleton are spans of the original. Citations and the importer match on skeletons.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["skeleton"]


def skeleton(text: str) -> str:
    """Return ``text`` lower-cased without diacritics, with exactly one character per input character."""
    # Fast path, all in C: decompose, drop the combining marks. It keeps one character per character for NFC
    # Vietnamese; anything else (Hangul, special casings) takes the table.
    fast = _MARKS.sub("", unicodedata.normalize("NFD", text)).lower().replace("đ", "d")
    return fast if len(fast) == len(text) else text.translate(_SKELETON)


def _skeleton_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    if ord(char) < 128:
        return char.lower()
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


# Latin letters with diacritics live below U+0250 and in Latin Extended Additional (U+1E00–U+1EFF).
_SKELETON = {
    code: mapped
    for code in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    if (mapped := _skeleton_char(chr(code))) != chr(code)
}
_MARKS = re.compile("[\u0300-\u036f]")
