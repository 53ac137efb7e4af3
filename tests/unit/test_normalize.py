"""The one normalisation module: what search, citations and slugs compare Vietnamese text by."""

from __future__ import annotations

import json
import unicodedata

import pytest

from loa.core.normalize import canonical_tones, fold, nfc, number_key, search_key, slugify, tokens
from tests.conftest import FIXTURES

SHARED = json.loads((FIXTURES / "normalize.json").read_text(encoding="utf-8"))
FUNCTIONS = {"search_key": search_key, "canonical_tones": canonical_tones, "number_key": number_key,
             "tokens": tokens}


@pytest.mark.parametrize(("function", "case"), [(f, c) for f, cases in SHARED.items() for c in cases],
                         ids=lambda v: v if isinstance(v, str) else v["input"])
def test_shared_fixture(function, case):
    # The browser's implementation is checked against the same file.
    assert FUNCTIONS[function](case["input"]) == case["output"]


def test_nfd_and_lookalikes_become_nfc_vietnamese():
    assert nfc(unicodedata.normalize("NFD", "Đại hội")) == "Đại hội"
    assert nfc("Ðại hội Ɖảng") == "Đại hội Đảng"
    assert unicodedata.is_normalized("NFC", nfc(unicodedata.normalize("NFD", "khuyến khích")))


def test_folding_includes_d_with_stroke():
    assert fold("Đảng đoàn ĐẠI") == "dang doan dai"
    assert search_key("nghị quyết đại hội") == search_key("nghi quyet dai hoi") == "nghi quyet dai hoi"


@pytest.mark.parametrize(("old", "new"), [("hòa", "hoà"), ("khóa", "khoá"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"),
                                          ("Hòa", "Hoà"), ("thúy", "thuý")])
def test_either_tone_placement_is_the_same_word(old, new):
    assert canonical_tones(new) == old and canonical_tones(old) == old


@pytest.mark.parametrize("word", ["hoàng", "toán", "quý", "quỳnh", "khuyết", "xoắn", "người"])
def test_tone_stays_where_only_one_placement_exists(word):
    assert canonical_tones(word) == word


def test_document_numbers_in_any_spacing_or_order():
    assert {number_key(n) for n in ("85-KH/TU", "85 - KH/TU", "KH/TU 85", "85 kh tu")} == {"85khtu"}
    assert number_key("17-ĐA/TU") == number_key("17 da tu") == "17datu"
    assert number_key("20-NQ/TW") != number_key("20-CT/TW")


def test_slugs_are_ascii():
    assert slugify("Phường Sa Pả – Đảng ủy") == "phuong-sa-pa-dang-uy"
