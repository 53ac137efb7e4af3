"""Citations in the built site: linked or listed as unresolved, with backlinks on both ends."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, FIXTURES, REPO, plan_text, run_loa

FIXTURE = yaml.safe_load((FIXTURES / "citations" / "seeds.yml").read_text(encoding="utf-8"))


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _plan_for(seed: str) -> Path:
    return next(p for p in (REPO / "plans").rglob("*.md") if seed in p.read_text(encoding="utf-8"))


def test_every_seed_citation_is_linked_or_listed_as_unresolved(sapa_site):
    for seed, expected in FIXTURE.items():
        plan = _plan_for(seed)
        soup = _soup(sapa_site / plan.relative_to(REPO).with_suffix("").as_posix() / "index.html")
        marked = soup.select(".loa-title .loa-cite, .loa-body .loa-cite")
        linked = [m for m in marked if m.name == "a"]
        unresolved = {m.get_text() for m in marked if m.name != "a"}
        listed = {s.get_text() for s in soup.select(".loa-related__unresolved .loa-cite--unresolved")}
        assert unresolved <= listed, "an unresolved citation in the text is missing from the list under it"
        numbered = [e["number"] for e in expected["numbered"]]
        marked_numbers = [re.sub(r"\s", "", m.get_text()) for m in marked]
        for number in set(numbered):
            count = sum(number in text for text in marked_numbers)
            assert count >= numbered.count(number), (seed, number, count)
        assert len(marked) >= len(expected["numbered"]) + len(expected.get("named") or []) - 1
        for link in linked:
            target = (sapa_site / plan.relative_to(REPO).with_suffix("").as_posix() / link["href"]).resolve()
            assert (target / "index.html").is_file() or target.is_file(), link["href"]


def test_registry_pages_list_the_citing_plans(sapa_site):
    page = _soup(sapa_site / "tham-chieu/21-kl-tw-2021/index.html")
    assert "Kết luận số 21-KL/TW" in page.select_one("h1").get_text()
    citing = [a["href"] for a in page.select(".loa-related--citing a")]
    assert citing == ["../../plans/2021/ke-hoach-tuyen-truyen-hoi-nghi-trung-uong-4-khoa-xiii/"]


def test_chain_from_the_central_document_down(sapa_site):
    page = _soup(sapa_site / "plans/2021/ke-hoach-tuyen-truyen-sau-dai-hoi-xiii/index.html")
    chain = [li.get_text(" ", strip=True) for li in page.select(".loa-chain__list > li")]
    assert chain[0].startswith("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII")
    assert chain[1].startswith("Kế hoạch số 42-KH/TU")
    assert "(văn bản này)" in chain[2]


def test_site_documents_link_each_other_both_ways(project):
    root = project(
        {
            "plans/2021/tinh.md": plan_text(
                number="85-KH/TU", issuer="tinh-uy-lao-cai", date="2021-12-15", title="về tuyên truyền"
            ),
            "plans/2022/thi.md": plan_text(
                body="Thực hiện Kế hoạch số 85-KH/TU, ngày 15/12/2021 của Tỉnh ủy Lào Cai.\n",
                number="3-KH/TU",
                date="2022-01-05",
            ),
        }
    )
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    citing = _soup(root / "site/plans/2022/thi/index.html")
    assert citing.select_one(".loa-body a.loa-cite")["href"] == "../../2021/tinh/"
    assert citing.select_one(".loa-related--implements a")["href"] == "../../2021/tinh/"
    cited = _soup(root / "site/plans/2021/tinh/index.html")
    assert [a["href"] for a in cited.select(".loa-related--citing a")] == ["../../2022/thi/"]
    assert not (root / "site/tham-chieu/85-kh-tu-2021").exists(), (
        "the registry entry is the published document"
    )


def test_unresolved_citations_are_warnings_in_the_build_and_in_check(project):
    root = project({"plans/a.md": plan_text(body="Theo Quy định 60-QĐ/TU.\n")})
    build = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert build.returncode == 1 and "plans/a.md:" in build.stderr and "[xref.unresolved]" in build.stderr
    check = run_loa("check", cwd=root)
    assert "CẢNH BÁO: plans/a.md:" in check.stdout and "[xref.unresolved]" in check.stdout
