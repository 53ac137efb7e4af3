"""Document numbers: the canonical form, the identity key and the symbol, pinned as the build uses them today.

The identity key decides two things that must agree: which documents share a number (the duplicate check) and
which document a citation names (the resolver). Search has its own looser key (``normalize.number_key``, mirrored
in the browser), which ignores order: "KH/TU 85" finds 85-KH/TU.
"""

from __future__ import annotations

import pytest

from loa.core.loading import numbers
from loa.core.references import xref
from loa.core.text import citations
from loa.core.text.document_numbers import canonical_number, number_identity, number_symbol
from loa.core.text.normalize import number_key


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("72 - KH/TU", "72-KH/TU"),
        ("06– QC/TU", "06-QC/TU"),
        ("01/KH-BTCKN", "01/KH-BTCKN"),
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP"),
        ("17\u00a0-\u00a0ĐA/TU", "17-ĐA/TU"),
        ("11", "11"),
        ("Quy\u0300", "Quỳ"),  # NFC
    ],
)
def test_canonical_number(written: str, canonical: str) -> None:
    assert canonical_number(written) == canonical


# Numbers as the front matter gives them: whitespace already collapsed to single spaces.
@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("85-KH/TU", "85-kh/tu"),
        ("85 - KH/TU", "85-kh/tu"),
        ("17-ĐA/TU", "17-da/tu"),
        ("30/2020/NĐ-CP", "30/2020/nd-cp"),
        ("- KH/TU", "-kh/tu"),
        ("85–KH/TU", "85–kh/tu"),  # today an en dash is kept: it does not match 85-KH/TU
    ],
)
def test_identity_key(number: str, key: str) -> None:
    assert number_identity(number) == key


def test_the_duplicate_check_and_the_resolver_share_the_key() -> None:
    assert numbers.number_identity is xref.number_identity is number_identity
    assert citations.canonical_number is canonical_number


def test_identity_key_is_not_the_search_key() -> None:
    assert number_identity("KH/TU 85") != number_identity("85-KH/TU")
    assert number_key("KH/TU 85") == number_key("85-KH/TU") == "85khtu"


@pytest.mark.parametrize(
    ("number", "symbol"),
    [
        ("85-KH/TU", "KH"),
        ("85 - ĐA/TU", "ĐA"),
        ("01/KH-BTCKN", "KH"),
        ("30/2020/NĐ-CP", "NĐ"),
        ("123/QĐ-UBND", "QĐ"),
        ("11", None),
        ("- KH/TU", None),
    ],
)
def test_symbol(number: str, symbol: str | None) -> None:
    assert number_symbol(number) == symbol
