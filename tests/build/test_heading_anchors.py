"""Heading anchors in a real build: Vietnamese letters kept ("MỤC ĐÍCH" → #muc-dich), old anchors still landing,
on the page, in its table of contents and on its revision pages (rendered by the history process)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, base_files, plan_text, run_loa
from tests.unit.test_history import Repo

MKDOCS = MINIMAL_MKDOCS.replace(
    "markdown_extensions:\n", "markdown_extensions:\n  - toc:\n      permalink: true\n"
)
BODY = """\
## I. MỤC ĐÍCH, YÊU CẦU

### 1. Mục đích

### 2. Yêu cầu

## II. NHIỆM VỤ

### 1. Mục đích

## Đảng bộ các xã

Xem [mục đích](#i-muc-ich-yeu-cau) và [đảng bộ](#ang-bo-cac-xa).
"""
# (new id, old id or None) of each heading, in order.
ANCHORS = [
    ("i-muc-dich-yeu-cau", "i-muc-ich-yeu-cau"),
    ("1-muc-dich", "1-muc-ich"),
    ("2-yeu-cau", None),
    ("ii-nhiem-vu", None),
    ("1-muc-dich_1", "1-muc-ich_1"),
    ("dang-bo-cac-xa", "ang-bo-cac-xa"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = Repo(tmp_path_factory.mktemp("anchors") / "project")
    repo.commit(
        "2022-03-16T08:00:00+07:00",
        "Ban hành",
        {**base_files(MKDOCS), "plans/2022/ke-hoach.md": plan_text(BODY)},
    )
    site = repo.root.parent / "site"
    result = run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=repo.root)
    assert result.returncode == 0, result.stderr
    return site


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _anchors(body: BeautifulSoup) -> list[tuple[str, str | None]]:
    found = []
    for heading in body.find_all(["h2", "h3"]):
        old = heading.find("span", class_="loa-old-anchor")
        found.append((heading["id"], old["id"] if old else None))
    return found


def test_the_page_has_the_new_anchors_and_keeps_the_old_ones(site):
    page = _soup(site / "plans/2022/ke-hoach/index.html")
    body = page.select_one(".loa-body")
    assert _anchors(body) == ANCHORS
    ids = [e["id"] for e in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), "every id once"
    # The old anchor is empty and opens the heading, so that #i-muc-ich-yeu-cau lands on it.
    old = body.find(id="i-muc-ich-yeu-cau")
    assert old.name == "span" and old.parent["id"] == "i-muc-dich-yeu-cau" and not old.get_text()
    assert old.parent.contents[0] is old
    # In-page links written to the old anchors still have a target.
    links = {a.get_text(): a["href"] for a in body.find_all("a", href=True)}
    assert links["mục đích"] == "#i-muc-ich-yeu-cau" and links["đảng bộ"] == "#ang-bo-cac-xa"
    # The theme's table of contents and the permalinks lead to the new anchors.
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc == [f"#{new}" for new, _ in ANCHORS]
    assert [a["href"] for a in body.select("a.headerlink")] == [f"#{new}" for new, _ in ANCHORS]


def test_revision_pages_have_the_same_anchors(site):
    (revision,) = (site / "plans/2022/ke-hoach/phien-ban").glob("*/index.html")
    text = _soup(revision).select_one(".loa-revision__text")
    assert _anchors(text) == ANCHORS
