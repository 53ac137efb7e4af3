"""Detection of citations of other documents in Vietnamese official text.

Detection runs on a *skeleton* of the text: every character lower-cased and stripped of its diacritics (đ→d), one
character for one, so that spans found in the skeleton are spans of the original. This makes detection blind to
NFD input (the text is NFC-normalised first), to tone-mark placement ("khóa"/"khoá") and to case, while the
original text is what gets reported and linked.

This module finds numbered citations ("Kế hoạch số 85-KH/TU ngày 05/3/2022 của Thị ủy Sa Pa"), their numbers built
from the one pattern family of :mod:`loa.core.text.document_numbers`. The parts live beside it: the record
(:mod:`~loa.core.text.citation`), the skeleton (:mod:`~loa.core.text.skeleton`), the issuer after "của"
(:mod:`~loa.core.text.issuer_mentions`) and citations by name or alias (:mod:`~loa.core.text.named_citations`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from loa.core.text.citation import SYMBOL_TYPES, TYPE_WORDS, Citation
from loa.core.text.document_numbers import (
    DASH,
    canonical_number,
    number_identity,
    party_pattern,
    state_pattern,
)
from loa.core.text.issuer_mentions import KHOA, NO_NAMES, OF_BODY, IssuerNames, issuer_after
from loa.core.text.named_citations import find_aliases, find_named
from loa.core.text.normalize import nfc
from loa.core.text.skeleton import skeleton

__all__ = ["detect_citations"]


_TYPE = "|".join(sorted(TYPE_WORDS, key=len, reverse=True)).replace(" ", r"\s+")
_ABBR = "|".join(sorted(SYMBOL_TYPES, key=len, reverse=True))
# Party style: 85-KH/TU, 72 - KH/TU, 06- QC/TU, 09-NQ HU, 298 KH/HĐTN, KH/TWĐTN-ĐKT. State style: 01/KH-BTCKN,
# 30/2020/NĐ-CP. The symbol letters must be upper case in the original (checked after matching).
_PARTY = party_pattern(
    r"(?P<pn>\d{1,4})", f"(?P<pa>{_ABBR})", rf"(?P<pi>[a-z]{{1,10}}(?:{DASH}[a-z]{{1,10}})*)", spaced=True
)
_STATE = state_pattern(
    r"(?P<sn>\d{1,5})",
    r"(?P<sy>\d{4})",
    f"(?P<sa>{_ABBR})",
    rf"(?P<si>[a-z]{{1,12}}(?:{DASH}[a-z0-9]{{1,12}})*)",
)
# A number without symbol counts only after "số" or before "của" ("Đề án số 11", "Đề án 11 của Thị ủy").
_BARE = (
    rf"(?P<bn>(?<=so\s)\d{{1,4}}|\d{{1,4}}(?=\s+cua\b))(?!(?:[\d/.,]|{DASH})*\d)(?!\s*(?:{DASH}|/)\s*[a-z])"
)
_DATE = (
    r"(?:\s*,?\s*(?:ngay|ban\s+hanh\s+ngay)\s*|\s*,\s*|\s+)"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{2} ?\d{2})(?!\d)"
    r"|(?P<ld>\d{1,2})\s+thang\s+(?P<lm>\d{1,2})\s+nam\s+(?P<ly>\d{4}))"
)
# The number comes first in the pattern (a digit is cheap to look for); the type word before it is matched on a
# short window behind the number.
# Công văn and other State papers without a type abbreviation: 123/UBND-VP (only after a type word).
_GENERIC = rf"(?P<gn>\d{{1,5}})\s*/\s*(?P<gs>[a-z]{{2,10}}(?:{DASH}[a-z0-9]{{1,10}})+)"
_NUMBERED = re.compile(rf"(?=\d)(?<![\w/.]|{DASH})(?:{_PARTY}|{_STATE}|{_GENERIC}|{_BARE})(?:{_DATE})?")
_BEFORE = re.compile(rf"(?:(?P<type>{_TYPE})\s+(?:so\s+)?|(?<![\w/-])so\s+)$")
_HINT = re.compile(r"\d|nghi\s+quyet|hien\s+phap")


def detect_citations(
    text: str, *, own_number: str | None = None, names: IssuerNames | None = None
) -> list[Citation]:
    """Find every citation of another document in ``text``.

    Arguments:
        text: Document text (Markdown or plain); normalised to NFC first.
        own_number: The document's own number, never reported as a citation of another document.
        names: The registry's issuer names, to recognise "của <body>".

    Returns:
        Citations in order of appearance.
    """
    text = nfc(text)
    skel = skeleton(text)
    if not _HINT.search(skel):
        return []
    own = number_identity(own_number) if own_number else None
    found = [
        c
        for c in _numbered(text, skel, names or NO_NAMES)
        if not (own and c.number and number_identity(c.number) == own)
    ]
    found += find_named(text, skel, found)
    found += find_aliases(text, skel, found)
    found.sort(key=lambda c: c.start)
    return found


def _numbered(text: str, skel: str, names: IssuerNames) -> Iterator[Citation]:
    for match in _NUMBERED.finditer(skel):
        number = _number_of(match, text)
        if number is None:
            continue
        window = max(0, match.start() - 40)
        before = _BEFORE.search(skel, window, match.start())
        type_word = before["type"] if before else None
        # A number without symbol ("Đề án số 11") needs a type word and "số" or "của" to be a citation.
        if (match["bn"] or match["gn"]) and not type_word:
            continue
        start = before.start() if before else match.start()
        symbol_type = SYMBOL_TYPES.get((match["pa"] or match["sa"] or "").lower())
        word_type = TYPE_WORDS.get(" ".join(type_word.split())) if type_word else None
        doc_type = _reconcile_type(word_type, symbol_type)
        end = match.end()
        date = _date_of(match)
        term = None
        khoa = KHOA.match(skel, end)
        if khoa and not OF_BODY.match(skel, end):
            term, end = khoa["term"].upper(), khoa.end()
        issuer, issuer_id, end = issuer_after(text, skel, end, names)
        if issuer and not term:
            khoa = KHOA.match(skel, end)
            if khoa:
                term = khoa["term"].upper()
        yield Citation(
            start,
            end,
            text[start:end],
            doc_type,
            number,
            date,
            issuer,
            term,
            issuer=issuer_id,
            line=text.count("\n", 0, start) + 1,
        )


def _number_of(match: re.Match[str], text: str) -> str | None:
    """Return the canonical number of a match, or None when the symbol is not written in capitals."""
    if match["pn"]:
        abbr = text[match.start("pa") : match.end("pa")]
        issuer = text[match.start("pi") : match.end("pi")]
        if not _is_symbol(abbr) or not issuer.replace("-", "").replace("‐", "").isupper():
            return None
        return canonical_number(f"{match['pn']}-{abbr}/{issuer}")
    if match["sn"]:
        abbr = text[match.start("sa") : match.end("sa")]
        issuer = text[match.start("si") : match.end("si")]
        if not _is_symbol(abbr) or not any(c.isupper() for c in issuer):
            return None
        year = f"/{match['sy']}" if match["sy"] else ""
        return canonical_number(f"{match['sn']}{year}/{abbr}-{issuer}")
    if match["gn"]:
        symbol = text[match.start("gs") : match.end("gs")]
        return canonical_number(f"{match['gn']}/{symbol}") if symbol.replace("-", "").isupper() else None
    return match["bn"]


def _is_symbol(abbr: str) -> bool:
    """Symbols are capitals, except the lower-case tails of QĐi and CTr."""
    return abbr[0].isupper() and (abbr.isupper() or (abbr[-1] in "ir" and abbr[:-1].isupper()))


def _reconcile_type(word_type: str | None, symbol_type: str | None) -> str | None:
    # QĐ is Quyết định in today's rules but older Party rules wrote Quy định with QĐ too: the word decides.
    if symbol_type == "Quyết định" and word_type == "Quy định":
        return word_type
    return symbol_type or word_type


def _date_of(match: re.Match[str]) -> dt.date | None:
    day, month, year = match["d"] or match["ld"], match["m"] or match["lm"], match["y"] or match["ly"]
    if not day:
        return None
    try:
        return dt.date(int(year.replace(" ", "")), int(month), int(day))
    except ValueError:
        return None
