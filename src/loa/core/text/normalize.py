"""Vietnamese text normalisation shared by every part of Loa.

One place decides how Vietnamese text is compared: NFC, look-alike letters, tone-mark placement, accent folding
(đ→d included), document numbers and URL slugs. The browser side of search must follow the same rules, checked
against a shared fixture (``tests/fixtures/normalize.json``).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

__all__ = [
    "MAX_TOKEN",
    "TokenMemo",
    "canonical_tones",
    "fold",
    "heading_slug",
    "nfc",
    "number_key",
    "search_key",
    "slugify",
    "tokens",
]

# Letters that look like Đ/đ but are other code points (Icelandic eth, African D), as pasted from Word or PDFs.
_LOOKALIKES = str.maketrans({"Ð": "Đ", "Ɖ": "Đ", "ð": "đ", "ɖ": "đ"})
_LOOKALIKE_CHARS = re.compile("[ÐƉðɖ]")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_WORD = re.compile(r"[^\W\d_]+")
# Syllables that end in oa, oe or uy with no final consonant, whose tone mark has two accepted placements
# ("hòa"/"hoà", "khỏe"/"khoẻ", "thủy"/"thuỷ"). The initial may not end in q: in "quý" the u is a consonant.
_OPEN_DIPHTHONG = re.compile(
    r"^((?:[bcdđghklmnprstvx]|ch|gh|gi|kh|ng|ngh|nh|ph|th|tr)?)(o)([ae])$|"
    r"^((?:[bcdđghklmnprstvx]|ch|gh|kh|ng|ngh|nh|ph|th|tr)?)(u)(y)$"
)
_NUMBER_PART = re.compile(r"\d+|[^\W\d_]+")
# Combining diacritical marks: the range the browser strips too (every Vietnamese mark is in it).
_MARKS = re.compile("[\u0300-\u036f]+")
MAX_TOKEN = 40
"""Longer runs of letters and digits are not words anyone types: search cuts them into pieces this long."""
_TOKEN = re.compile(rf"[^\W_]{{1,{MAX_TOKEN}}}")


def nfc(text: str) -> str:
    """Return ``text`` in NFC with look-alike letters replaced by the Vietnamese ones."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_LOOKALIKES) if _LOOKALIKE_CHARS.search(text) else text


def fold(text: str) -> str:
    """Return ``text`` lower-cased without diacritics, with đ folded to d.

    Examples:
        >>> fold("Nghị quyết Đại hội")
        'nghi quyet dai hoi'
    """
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


def slugify(text: str, max_length: int | None = None) -> str:
    """Return an ASCII URL slug for Vietnamese ``text``, cut at a word boundary to ``max_length`` if given.

    Examples:
        >>> slugify("Thị ủy Sa Pa")
        'thi-uy-sa-pa'
        >>> slugify("Thị ủy Sa Pa", max_length=8)
        'thi-uy'
    """
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if max_length is None or len(slug) <= max_length:
        return slug
    cut = slug.rfind("-", 0, max_length + 1)
    return slug[:cut] if cut > 0 else slug.split("-")[0]


def heading_slug(value: str, separator: str = "-") -> str:
    """The anchor of a heading: its URL slug, words joined by ``separator`` (Python-Markdown's toc ``slugify``).

    Examples:
        >>> heading_slug("I. MỤC ĐÍCH, YÊU CẦU")
        'i-muc-dich-yeu-cau'
    """
    slug = slugify(value)
    return slug if separator == "-" else slug.replace("-", separator)


def canonical_tones(text: str) -> str:
    """Put the tone mark of "oa", "oe", "uy" syllables on the first vowel, as official texts mostly do.

    Examples:
        >>> canonical_tones("Hoà khoá thuỷ")
        'Hòa khóa thủy'
        >>> canonical_tones("hoàng quý")
        'hoàng quý'
    """
    return _WORD.sub(_move_tone, nfc(text))


def _move_tone(match: re.Match[str]) -> str:
    word = match.group()
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return word
    bare = "".join(c for c in decomposed if c not in _TONES)
    shape = _OPEN_DIPHTHONG.match(unicodedata.normalize("NFC", bare).lower())
    if not shape:
        return word
    vowel = len(shape[1] if shape[1] is not None else shape[4])  # index of o/u in the bare syllable
    letters = list(unicodedata.normalize("NFC", bare))
    letters[vowel] = unicodedata.normalize("NFC", letters[vowel] + tones[0])
    return "".join(letters)


def search_key(text: str) -> str:
    """The form search compares: NFC, canonical tone placement, folded (no diacritics, đ→d), lower case.

    Examples:
        >>> search_key("Nghị quyết ĐẠI HỘI khoá XIII")
        'nghi quyet dai hoi khoa xiii'
    """
    return fold(canonical_tones(text))


def number_key(text: str) -> str:
    """A document number reduced to what identifies it, whatever its spacing, order or diacritics.

    Digits come first, then the letters in their order: "85-KH/TU", "85 - KH/TU" and "KH/TU 85" all give
    ``85khtu``; "17-ĐA/TU" and "17 da tu" give ``17datu``; "30/2020/NĐ-CP" gives ``302020ndcp``.
    """
    parts = _NUMBER_PART.findall(fold(text))
    return "".join(p for p in parts if p.isdigit()) + "".join(p for p in parts if not p.isdigit())


def tokens(text: str) -> list[str]:
    """The words search matches: runs of letters and digits in the folded text (cut every ``MAX_TOKEN``).

    Tone placement needs no canonicalising here: folding drops the tone mark wherever it sits.

    Examples:
        >>> tokens("Số 85-KH/TU, hoà giải")
        ['so', '85', 'kh', 'tu', 'hoa', 'giai']
    """
    return _TOKEN.findall(fold(text))


class TokenMemo(dict[str, list[str]]):
    """:func:`tokens` of long texts, each distinct whitespace-separated piece folded once and remembered.

    The same list as ``tokens(text)``: no step of :func:`fold` crosses whitespace (white space is never composed,
    decomposed into something else or cased by its neighbours), and no token contains any. Indexing thousands of
    pages spends most of its time folding text; the pieces of a site's text ("nghị", "quyết,") repeat.

    Arguments:
        limit: Forget everything when this many pieces are remembered, so that memory stays bounded.
    """

    def __init__(self, limit: int = 200_000) -> None:
        super().__init__()
        self.limit = limit

    def __call__(self, text: str) -> list[str]:
        if len(self) > self.limit:
            self.clear()
        return list(chain.from_iterable(map(self.__getitem__, text.split())))

    def __missing__(self, piece: str) -> list[str]:
        found = self[piece] = tokens(piece)
        return found
