"""Document numbers ("số ký hiệu"): the one canonical form, the one identity key and the one symbol reader.

Party documents are numbered ``85-KH/TU`` (number, symbol of the type, issuer); State documents ``01/KH-BTCKN``
or ``30/2020/NĐ-CP`` (number, optional year, type, issuer). The identity key decides both which documents share a
number (the duplicate check) and which document a citation names (the resolver), so the two always agree.

Numbers are written with any dash: a hyphen, an en dash or an em dash ("85–KH/TU" is 85-KH/TU), a non-breaking
hyphen or a minus sign pasted from Word or a PDF. :data:`DASH` is the one class of them; the raw-text patterns of
citations (:mod:`loa.core.text.citations`) and of the importer's number line (:mod:`loa.core.importing.header`) are
built from :func:`party_pattern` and :func:`state_pattern`, so a number one of them reads the other reads too, and
:func:`canonical_number` and :func:`number_identity` give every dash as ``-``.

Named difference: search compares numbers with :func:`loa.core.text.normalize.number_key`, which also ignores the order
of the parts ("KH/TU 85" finds 85-KH/TU) and has a twin in the browser's script.
"""

from __future__ import annotations

import re

from loa.core.text.normalize import fold, nfc

__all__ = [
    "DASH",
    "canonical_number",
    "number_identity",
    "number_symbol",
    "party_pattern",
    "state_pattern",
]

_DASH_CHARS = (
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphen, no-break hyphen, figure, en, em, bar, minus
)
DASH = f"[-{_DASH_CHARS}]"
"""A regular-expression class matching any dash a number may be written with, the ASCII hyphen included."""
_DASHES = re.compile(f"[{_DASH_CHARS}]")


def party_pattern(number: str, symbol: str, issuer: str, *, spaced: bool = False) -> str:
    """The regular expression of a Party number ``85-KH/TU`` from the patterns of its three parts.

    Arguments:
        number: Pattern of the number.
        symbol: Pattern of the type's symbol.
        issuer: Pattern of the issuer's symbol.
        spaced: Also accept plain spaces for the dash and the slash, as running text writes them ("09-NQ HU",
            "298 KH/HĐTN"); a number line ("Số 85-KH/TU") needs both.
    """
    dash = rf"(?:\s*{DASH}\s*|\s+)" if spaced else rf"\s*{DASH}\s*"
    slash = r"(?:\s*/\s*|\s+)" if spaced else r"\s*/\s*"
    return f"{number}{dash}{symbol}{slash}{issuer}"


def state_pattern(number: str, year: str, symbol: str, issuer: str) -> str:
    """The regular expression of a State number ``30/2020/NĐ-CP``: number, optional year, symbol, dash, issuer."""
    return rf"{number}(?:\s*/\s*{year})?\s*/\s*{symbol}\s*{DASH}\s*{issuer}"


_PARTY = re.compile(r"^\s*" + party_pattern(r"\d+", r"([^/\s]+)", ""))
_STATE = re.compile(r"^\s*" + state_pattern(r"\d+", r"\d{4}", rf"([^\s{_DASH_CHARS}-]+)", ""))


def canonical_number(number: str) -> str:
    """Return a document number without spaces and with ASCII hyphens, Vietnamese letters kept (``72-KH/TU``)."""
    return re.sub(r"\s+", "", _DASHES.sub("-", nfc(number)))


def number_identity(number: str) -> str:
    """The key two numbers share when they name the same document: no whitespace, any dash, folded (``85-kh/tu``)."""
    return fold("".join(_DASHES.sub("-", number).split()))


def number_symbol(number: str) -> str | None:
    """The type's symbol in a number (``KH`` in ``85-KH/TU`` and ``01/KH-BTCKN``), or None without one."""
    match = _PARTY.match(number) or _STATE.match(number)
    return match[1] if match else None
