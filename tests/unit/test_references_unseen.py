"""References of a plan the project has never seen (issue 23): later mentions complete earlier ones, aliases the text
defines in brackets, conclusions named by their conference. Invented examples."""

from __future__ import annotations

from pathlib import Path

from loa.core.importing.extract import extract
from loa.core.loading.catalog import Layout, load_catalog
from loa.core.references.xref import build_reference_graph
from loa.core.text.citations import detect_citations
from tests.conftest import plan_text

BODY = """KẾ HOẠCH
thực hiện Đề án năm 2022

Thực hiện Đề án số 17-ĐA/TU của Ban Thường vụ Tỉnh ủy (Đề án 17), Ban Thường vụ Huyện ủy xây dựng kế hoạch.

1. Triển khai các nhiệm vụ của Đề án 17 trong năm 2022.

2. Sơ kết Đề án số 17-ĐA/TU, ngày 10/3/2021 của Ban Thường vụ Tỉnh ủy.
"""


def test_a_later_mention_gives_the_date_of_an_earlier_one():
    (reference,) = extract(BODY).references
    assert reference["number"] == "17-ĐA/TU"
    assert reference["date"] == "2021-03-10"
    assert reference["issuer"] == "Ban Thường vụ Tỉnh ủy"


def test_a_bracketed_alias_resolves_to_the_citation_before_it():
    aliases = [c for c in detect_citations(BODY) if (c.name or "").startswith("alias:")]
    assert [(c.as_written, c.number) for c in aliases] == [("Đề án 17", "17-ĐA/TU"), ("Đề án 17", "17-ĐA/TU")]


def test_a_bracketed_alias_of_another_number_is_not_bound():
    text = "Thực hiện Đề án số 17-ĐA/TU của Tỉnh ủy (Đề án 18). Đề án 18 gồm:"
    assert [c for c in detect_citations(text) if (c.name or "").startswith("alias:")] == []


def test_a_conclusion_named_by_its_conference():
    (citation,) = detect_citations("Thực hiện Kết luận Hội nghị Trung ương 4 khóa XIII về xây dựng Đảng")
    assert (citation.type, citation.name) == ("Kết luận", "KL-TW4-XIII")
    (citation,) = detect_citations("theo Kết luận của Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XIII")
    assert citation.name == "KL-TW4-XIII"


def test_a_named_conclusion_resolves_through_the_registry(project):
    body = "Thực hiện Kết luận Hội nghị Trung ương 4 khóa XIII, Thị ủy xây dựng kế hoạch.\n"
    root: Path = project({"plans/a.md": plan_text(body=body)})
    catalog = load_catalog(Layout(root, root / "content", root / "plans", root / "data"))
    plans = [d for d in catalog.documents if d.kind == "plan"]
    graph = build_reference_graph(
        plans, catalog.external, catalog.issuers, bodies={d.src_uri: d.body for d in plans}
    )
    (reference,) = graph.outgoing["plans/a.md"]
    assert reference.target is not None and reference.target.number == "21-KL/TW"


def test_conclusions_in_general_are_not_one_document():
    for text in (
        "tuyên truyền các kết luận Hội nghị Trung ương 4 khóa XIII",
        "các nghị quyết, kết luận của Hội nghị Trung ương 4 khóa XIII",
    ):
        assert detect_citations(text) == []
