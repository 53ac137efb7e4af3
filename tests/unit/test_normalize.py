"""The one normalisation module: what search, citations and slugs compare Vietnamese text by."""

from __future__ import annotations

import json
import random
import sys
import unicodedata

import pytest

from loa.core.text.normalize import (
    TokenMemo,
    canonical_tones,
    fold,
    nfc,
    number_key,
    search_key,
    slugify,
    tokens,
)
from tests.conftest import FIXTURES

SHARED = json.loads((FIXTURES / "normalize.json").read_text(encoding="utf-8"))
FUNCTIONS = {
    "search_key": search_key,
    "canonical_tones": canonical_tones,
    "number_key": number_key,
    "tokens": tokens,
}


@pytest.mark.parametrize(
    ("function", "case"),
    [(f, c) for f, cases in SHARED.items() for c in cases],
    ids=lambda v: v if isinstance(v, str) else v["input"],
)
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


@pytest.mark.parametrize(
    ("old", "new"),
    [("hòa", "hoà"), ("khóa", "khoá"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hòa", "Hoà"), ("thúy", "thuý")],
)
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


def test_token_memo_gives_the_tokens_of_the_whole_text():
    memo = TokenMemo(limit=50)
    alphabet = [
        "Nghị",
        "quyết",
        "ĐẠI",
        "hoà",
        "85-KH/TU,",
        "x" * 45,
        "Σ",
        "ΑΣ",
        "İ",
        "Ðại",
        "e\u0301",
        "\u0301",
        "=\u0338",
        "\u1100\u1161",
        "_",
        "2022",
        " ",
        "  ",
        "\n",
        "\t",
        "\u00a0",
        "\u2000",
        "\u3000",
        "\x1c",
    ]
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert memo(text) == tokens(text), repr(text)
    assert len(memo) <= 51 + 30


def test_folding_never_reaches_across_white_space():
    # What TokenMemo relies on: white space is cased, decomposed and composed only into itself, and nothing else
    # is cased, decomposed or composed into white space.
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        parts = (
            "" if decomposition.startswith("<") else "".join(chr(int(h, 16)) for h in decomposition.split())
        )
        if char.isspace():
            assert not unicodedata.combining(char) and char.lower() == char, hex(code)
            assert unicodedata.normalize("NFD", char).isspace(), hex(code)
        else:
            assert not any(c.isspace() for c in parts + char.lower() + unicodedata.normalize("NFC", char)), (
                hex(code)
            )
