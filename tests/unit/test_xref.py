"""Resolution of citations: decided by number, date, issuer, term and the citing document's date; never guessed."""

from __future__ import annotations

from pathlib import Path

from loa.core.loading.catalog import Layout, load_catalog
from loa.core.references.xref import build_reference_graph
from tests.conftest import plan_text

REGISTRY = """\
- number: 11-ĐA/TU
  type: Đề án
  issuer: thi-uy-sa-pa
  date: 2020-11-08
- number: 11-ĐA/TU
  type: Đề án
  issuer: tinh-uy-lao-cai
  date: 2016-05-02
- number: 20-NQ/TW
  type: Nghị quyết
  issuer: ban-chap-hanh-trung-uong
  date: 2012-11-01
  term: XI
- number: 20-NQ/TW
  type: Nghị quyết
  issuer: ban-chap-hanh-trung-uong
  date: 2017-10-25
  term: XII
  implements: [NQ-DH-XII]
- name: NQ-DH-XII
  type: Nghị quyết
  title: Nghị quyết Đại hội XII
"""


def _graph(project, body: str, **fields):
    root: Path = project({"plans/a.md": plan_text(body=body, **fields), "data/external.yml": REGISTRY})
    catalog = load_catalog(Layout(root, root / "content", root / "plans", root / "data"))
    assert not catalog.errors, [d.format() for d in catalog.errors]
    plans = [d for d in catalog.documents if d.kind == "plan"]
    graph = build_reference_graph(
        plans, catalog.external, catalog.issuers, bodies={d.src_uri: d.body for d in plans}
    )
    return graph, graph.outgoing["plans/a.md"]


def test_issuer_decides_between_tinh_uy_and_thi_uy(project):
    _, (ref,) = _graph(project, "Thực hiện Đề án số 11-ĐA/TU của Thị ủy Sa Pa.\n")
    assert ref.target.key == "ext:11-da-tu-2020" and ref.relation == "implements"
    _, (ref,) = _graph(project, "Theo Đề án số 11-ĐA/TU của Tỉnh ủy Lào Cai.\n")
    assert ref.target.key == "ext:11-da-tu-2016" and ref.relation == "cites"


def test_undecidable_citation_is_reported_not_guessed(project):
    graph, (ref,) = _graph(project, "Dòng một.\n\nTheo Đề án số 11-ĐA/TU.\n")
    assert ref.target is None and len(ref.candidates) == 2
    (warning,) = graph.diagnostics
    assert warning.code == "xref.ambiguous" and warning.path == "plans/a.md"
    assert warning.line == plan_text(body="Dòng một.\n\nTheo").split("\n").index("Theo") + 1
    assert "Thị ủy" not in warning.message or "08/11/2020" in warning.message


def test_party_numbers_restart_each_term(project):
    _, refs = _graph(
        project,
        "Theo Nghị quyết số 20-NQ/TW ngày 25/10/2017 và Nghị quyết số 20-NQ/TW của Ban Chấp "
        "hành Trung ương khóa XI.\n",
        date="2022-03-15",
    )
    assert [r.target.key for r in refs] == ["ext:20-nq-tw-2017", "ext:20-nq-tw-2012"]


def test_later_mention_means_the_document_named_earlier(project):
    _, refs = _graph(
        project, "Theo Nghị quyết số 20-NQ/TW ngày 01/11/2012.\n\nSơ kết Nghị quyết số 20-NQ/TW.\n"
    )
    assert [r.target.key for r in refs] == ["ext:20-nq-tw-2012", "ext:20-nq-tw-2012"]


def test_a_document_cannot_cite_a_later_one(project):
    _, (ref,) = _graph(project, "Theo Nghị quyết số 20-NQ/TW.\n", date="2015-06-01")
    assert ref.target.key == "ext:20-nq-tw-2012"


def test_unknown_document_is_unresolved_with_file_and_line(project):
    graph, (ref,) = _graph(project, "Theo Quy định 60-QĐ/TU.\n")
    assert ref.target is None and not ref.candidates
    (warning,) = graph.diagnostics
    assert warning.code == "xref.unresolved" and "Quy định 60-QĐ/TU" in warning.message


def test_chain_follows_what_each_document_implements(project):
    graph, _ = _graph(
        project, "Thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.\n"
    )
    assert [t.label for t in graph.chain("doc:plans/a.md")] == [
        "Nghị quyết Đại hội XII",
        "Nghị quyết số 20-NQ/TW",
        "Kế hoạch số 12-KH/TU",
    ]


def test_site_documents_cite_each_other_both_ways(project):
    root = project(
        {
            "plans/a.md": plan_text(number="85-KH/TU", issuer="tinh-uy-lao-cai", date="2021-12-15"),
            "plans/b.md": plan_text(
                body="Thực hiện Kế hoạch số 85-KH/TU, ngày 15/12/2021 của Tỉnh ủy Lào Cai.\n",
                number="3-KH/TU",
                date="2022-01-05",
            ),
        }
    )
    catalog = load_catalog(Layout(root, root / "content", root / "plans", root / "data"))
    plans = [d for d in catalog.documents if d.kind == "plan"]
    graph = build_reference_graph(
        plans, catalog.external, catalog.issuers, bodies={d.src_uri: d.body for d in plans}
    )
    (ref,) = graph.outgoing["plans/b.md"]
    assert ref.target.key == "doc:plans/a.md"
    assert graph.citing_sources("doc:plans/a.md") == [("plans/b.md", "implements")]
