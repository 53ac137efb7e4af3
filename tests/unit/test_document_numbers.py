"""Document numbers: the canonical form, the identity key, the symbol and the one pattern family of raw text.

The identity key decides two things that must agree: which documents share a number (the duplicate check) and
which document a citation names (the resolver). Search has its own looser key (``normalize.number_key``, mirrored
in the browser), which ignores order: "KH/TU 85" finds 85-KH/TU. A number written with an en dash, an em dash, a
no-break hyphen or a minus sign ("85–KH/TU") is the same number everywhere: citations, the importer, xref keys.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loa.core.importing.extract import extract
from loa.core.loading import numbers
from loa.core.loading.catalog import Layout, load_catalog
from loa.core.references import xref
from loa.core.references.xref import build_reference_graph
from loa.core.text import citations
from loa.core.text.citations import detect_citations
from loa.core.text.document_numbers import (
    DASH,
    canonical_number,
    number_identity,
    number_symbol,
    party_pattern,
    state_pattern,
)
from loa.core.text.normalize import number_key
from tests.conftest import plan_text


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
        ("85–KH/TU", "85-kh/tu"),  # en dash
        ("85—KH/TU", "85-kh/tu"),  # em dash
        ("85\u2011KH/TU", "85-kh/tu"),  # no-break hyphen
        ("01/KH\u2212BTCKN", "01/kh-btckn"),  # minus sign
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
    # Both keys see through dashes: search's ignores every mark between the parts.
    assert number_key("85–KH/TU") == number_key("85—KH/TU") == "85khtu"
    assert number_identity("85–KH/TU") == number_identity("85-KH/TU")


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
        ("85–ĐA/TU", "ĐA"),
        ("01/KH—BTCKN", "KH"),
    ],
)
def test_symbol(number: str, symbol: str | None) -> None:
    assert number_symbol(number) == symbol


DASHES = ["-", "\u2010", "\u2011", "\u2012", "–", "—", "\u2015", "\u2212"]


@pytest.mark.parametrize("dash", DASHES)
def test_every_dash_is_one_class(dash: str) -> None:
    assert re.fullmatch(DASH, dash)
    assert canonical_number(f"85{dash}KH/TU") == "85-KH/TU"
    assert number_identity(f"01/KH{dash}BTCKN") == "01/kh-btckn"


@pytest.mark.parametrize("dash", ["–", "—"])
@pytest.mark.parametrize(
    "written",
    [
        "Kế hoạch số 85{d}KH/TU",
        "Kế hoạch số 85 {d} KH/TU",
        "Công văn số 123/UBND{d}VP",
        "Nghị định 30/2020/NĐ{d}CP",
    ],
)
def test_citations_read_a_dashed_number_as_a_hyphenated_one(dash: str, written: str) -> None:
    (hyphen,) = detect_citations(f"Thực hiện {written.format(d='-')} ngày 05/3/2022.")
    (dashed,) = detect_citations(f"Thực hiện {written.format(d=dash)} ngày 05/3/2022.")
    assert (dashed.number, dashed.type, dashed.date) == (hyphen.number, hyphen.type, hyphen.date)
    assert "-" in dashed.number and dash not in dashed.number


@pytest.mark.parametrize("dash", ["–", "—"])
def test_a_dashed_issuer_symbol_is_one_citation(dash: str) -> None:
    (citation,) = detect_citations(f"Theo Kế hoạch số 12-KH/TWĐTN{dash}ĐKT ngày 01/02/2023.")
    assert citation.number == "12-KH/TWĐTN-ĐKT"


@pytest.mark.parametrize("dash", ["–", "—"])
def test_a_bare_number_followed_by_a_dashed_range_is_not_a_citation(dash: str) -> None:
    # Like "Đề án số 11-12", a dashed range is not document 11.
    assert [c.number for c in detect_citations("Theo Đề án số 11 của Thị ủy.")] == ["11"]
    assert detect_citations(f"Theo Đề án số 11{dash}12 của Thị ủy.") == []


HEADER = """\
THỊ ỦY SA PA                      ĐẢNG CỘNG SẢN VIỆT NAM
Số {number}            Sa Pa, ngày 15 tháng 3 năm 2022

KẾ HOẠCH
về việc thử nghiệm

Nội dung.
"""


@pytest.mark.parametrize("dash", ["–", "—", "\u2212"])
@pytest.mark.parametrize(
    ("written", "number"), [("12{d}KH/TU", "12-KH/TU"), ("115/KH{d}UBND", "115/KH-UBND")]
)
def test_the_importer_reads_a_dashed_number_line(dash: str, written: str, number: str) -> None:
    hyphen = extract(HEADER.format(number=written.format(d="-")))
    dashed = extract(HEADER.format(number=written.format(d=dash)))
    assert (dashed.number, dashed.type) == (hyphen.number, hyphen.type) == (number, "Kế hoạch")


def test_the_raw_text_patterns_share_the_shape_of_a_number() -> None:
    party = re.compile(party_pattern(r"\d+", "[A-Z]+", "[A-Z]+"))
    state = re.compile(state_pattern(r"\d+", r"\d{4}", "[A-Z]+", "[A-Z]+"))
    for dash in DASHES:
        assert party.fullmatch(f"85 {dash} KH/TU") and state.fullmatch(f"30/2020/ND{dash}CP")
    assert not party.fullmatch("85 KH TU")  # spaces for dash and slash only in running text
    assert re.fullmatch(party_pattern(r"\d+", "[A-Z]+", "[A-Z]+", spaced=True), "85 KH TU")


def test_a_dashed_citation_resolves_to_a_hyphenated_document_and_back(project) -> None:
    # The xref key: a plan numbered with an en dash is the one "85-KH/TU" names, and the reverse.
    root: Path = project(
        {
            "plans/a.md": plan_text(number="85–KH/TU"),
            "plans/b.md": plan_text(
                number="86-KH/TU", body="Thực hiện Kế hoạch số 85-KH/TU của Thị ủy Sa Pa.\n"
            ),
            "plans/c.md": plan_text(
                number="87-KH/TU", body="Thực hiện Kế hoạch số 86–KH/TU của Thị ủy Sa Pa.\n"
            ),
        }
    )
    loaded = load_catalog(Layout(root, root / "content", root / "plans", root / "data"))
    assert not loaded.errors, [d.format() for d in loaded.errors]
    plans = [d for d in loaded.documents if d.kind == "plan"]
    graph = build_reference_graph(
        plans, loaded.external, loaded.issuers, bodies={d.src_uri: d.body for d in plans}
    )
    (b_cites,) = graph.outgoing["plans/b.md"]
    (c_cites,) = graph.outgoing["plans/c.md"]
    assert b_cites.target is not None and b_cites.target.key == "doc:plans/a.md"
    assert c_cites.target is not None and c_cites.target.key == "doc:plans/b.md"


def test_the_duplicate_check_sees_through_a_dash(project) -> None:
    root: Path = project(
        {"plans/a.md": plan_text(number="85-KH/TU"), "plans/b.md": plan_text(number="85—KH/TU")}
    )
    loaded = load_catalog(Layout(root, root / "content", root / "plans", root / "data"))
    assert "doc.duplicate-number" in {d.code for d in loaded.diagnostics}


def test_a_document_does_not_cite_its_own_number_written_another_way() -> None:
    text = "Đề án số 17-ĐA/TU ngày 05/3/2022 của Thị ủy Sa Pa."
    assert [c.number for c in detect_citations(text)] == ["17-ĐA/TU"]
    assert detect_citations(text, own_number="17–DA/TU") == []


def test_the_importer_lists_a_document_cited_two_ways_once() -> None:
    # The references are keyed by the identity key: a dash or a missing diacritic makes no second document.
    body = "Thực hiện Đề án số 17–ĐA/TU; theo Đề án số 17-DA/TU ngày 05/3/2022 của Thị ủy Sa Pa.\n"
    (reference,) = extract(HEADER.format(number="12-KH/TU") + body).references
    assert (reference["number"], reference["date"]) == ("17-ĐA/TU", "2022-03-05")
