"""Document numbers ("số ký hiệu"): the one canonical form, the one identity key and the one symbol reader.

Party documents are numbered ``85-KH/TU`` (number, symbol of the type, issuer); State documents ``01/KH-BTCKN``
or ``30/2020/NĐ-CP`` (number, optional year, type, issuer). The identity key decides both which documents share a
number (the duplicate check) and which document a citation names (the resolver), so the two always agree.

Named difference: search compares numbers with :func:`loa.core.text.normalize.number_key`, which also ignores the order
of the parts ("KH/TU 85" finds 85-KH/TU) and has a twin in the browser's script.
"""

from __future__ import annotations

import re

from loa.core.text.normalize import fold, nfc

__all__ = ["canonical_number", "number_identity", "number_symbol"]

_DASHES = re.compile(r"[‐‑–—]")
_PARTY = re.compile(r"^\s*\d+\s*-\s*([^/\s]+)\s*/")
_STATE = re.compile(r"^\s*\d+(?:/\d{4})?\s*/\s*([^-\s]+)\s*-")


def canonical_number(number: str) -> str:
    """Return a document number without spaces and with ASCII hyphens, Vietnamese letters kept (``72-KH/TU``)."""
    return re.sub(r"\s+", "", _DASHES.sub("-", nfc(number)))


def number_identity(number: str) -> str:
    """The key two numbers share when they name the same document: no whitespace, folded (``85-kh/tu``)."""
    return fold("".join(number.split()))


def number_symbol(number: str) -> str | None:
    """The type's symbol in a number (``KH`` in ``85-KH/TU`` and ``01/KH-BTCKN``), or None without one."""
    match = _PARTY.match(number) or _STATE.match(number)
    return match[1] if match else None
