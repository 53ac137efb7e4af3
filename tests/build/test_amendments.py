"""Amendments and replacements: both directions on the pages, a banner on the replaced document, feed items."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, SITE_ROOT, plan_text, run_loa

ORIGINAL = plan_text(
    number="12-KH/TU",
    title="về công tác tuyên truyền năm 2022",
    date="2022-01-05",
    publish_at="2022-01-06T08:00:00+07:00",
)
AMENDING = plan_text(
    number="20-KH/TU",
    title="sửa đổi, bổ sung Kế hoạch số 12-KH/TU",
    date="2022-05-02",
    publish_at="2022-05-03T08:00:00+07:00",
    amends=["plans/2022/goc.md"],
)
REPLACING = plan_text(
    number="31-KH/TU",
    title="về công tác tuyên truyền (thay thế)",
    date="2022-09-01",
    publish_at="2022-09-02T08:00:00+07:00",
    replaces=["plans/2022/goc.md"],
)
DRAFT = plan_text(
    number="40-KH/TU", title="dự thảo sửa đổi chưa ban hành", status="draft", amends=["plans/2022/goc.md"]
)


@pytest.fixture(scope="module")
def amended_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import MINIMAL_MKDOCS, REPO, write_files

    root = tmp_path_factory.mktemp("amended") / "project"
    write_files(
        root,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            **SITE_ROOT,
            "content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n",
            "data/issuers.yml": (REPO / "data" / "issuers.yml").read_text(encoding="utf-8"),
            "plans/2022/goc.md": ORIGINAL,
            "plans/2022/sua-doi.md": AMENDING,
            "plans/2022/thay-the.md": REPLACING,
            "plans/2022/du-thao.md": DRAFT,
        },
    )
    result = run_loa("build", "--site-dir", str(root.parent / "site"), "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    return root.parent / "site"


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_replaced_document_says_so_and_lists_its_amendments(amended_site):
    page = _soup(amended_site, "plans/2022/goc")
    banner = page.select_one(".loa-replaced")
    assert " ".join(banner.get_text().split()) == (
        "Văn bản này đã được thay thế bằng Kế hoạch về công tác tuyên truyền (thay thế) (số 31-KH/TU)."
    )
    assert banner.a["href"] == "../thay-the/"
    section = page.find(id="sua-doi").find_parent("section")
    items = [" ".join(li.get_text().split()) for li in section.find_all("li")]
    assert items == [
        "Được sửa đổi, bổ sung bởi Kế hoạch sửa đổi, bổ sung Kế hoạch số 12-KH/TU (số 20-KH/TU), ngày 02/05/2022",
        "Được thay thế bởi Kế hoạch về công tác tuyên truyền (thay thế) (số 31-KH/TU), ngày 01/09/2022",
    ]
    assert [a["href"] for a in section.find_all("a")] == ["../sua-doi/", "../thay-the/"]


def test_the_amending_document_names_what_it_amends(amended_site):
    card = _soup(amended_site, "plans/2022/sua-doi").select_one(".loa-card")
    terms = [dt.get_text() for dt in card.find_all("dt")]
    assert "Sửa đổi, bổ sung" in terms
    link = card.find("dt", string="Sửa đổi, bổ sung").find_next_sibling("dd").a
    assert link["href"] == "../goc/" and "12-KH/TU" in link.get_text()
    assert _soup(amended_site, "plans/2022/sua-doi").select_one(".loa-replaced") is None


def test_feeds_carry_an_item_per_amendment_with_its_own_guid(amended_site):
    feed = feedparser.parse((amended_site / "feeds" / "tat-ca.rss").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    by_title = {entry.title: entry for entry in feed.entries}
    original = next(
        e for e in feed.entries if e.title.startswith("Kế hoạch về công tác tuyên truyền năm 2022")
    )
    amended = by_title["Được sửa đổi, bổ sung: Kế hoạch về công tác tuyên truyền năm 2022 (số 12-KH/TU)"]
    replaced = by_title["Được thay thế: Kế hoạch về công tác tuyên truyền năm 2022 (số 12-KH/TU)"]
    guids = [e.id for e in feed.entries]
    assert len(set(guids)) == len(guids) and original.id not in (amended.id, replaced.id)
    assert amended.link == "https://loa.example/plans/2022/goc/#sua-doi"
    assert amended.published_parsed[:3] == (2022, 5, 3)
    assert "được sửa đổi, bổ sung bởi" in amended.description and "20-KH/TU" in amended.description
    assert 'href="https://loa.example/plans/2022/sua-doi/"' in amended.content[0].value
    atom = feedparser.parse((amended_site / "feeds" / "tat-ca.atom").read_bytes())
    assert not atom.bozo and {e.id for e in atom.entries} == set(guids)


def test_a_draft_amendment_marks_nothing(amended_site):
    everything = b"".join(
        p.read_bytes() for p in amended_site.rglob("*") if p.is_file() and p.suffix != ".gz"
    )
    assert b"40-KH/TU" not in everything and "dự thảo sửa đổi".encode() not in everything
