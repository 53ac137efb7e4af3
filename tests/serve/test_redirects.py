"""Renamed documents: their old addresses lead to the new page, through nginx and through plain files."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, SITE_ROOT, plan_text, run_loa, start_nginx
from tests.serve.test_nginx import fetch

MOVED = plan_text(aliases=["plans/2022/ke-hoach-cu.md", "/van-ban/12-kh-tu/", "/tin-cu.html"])
DRAFT = plan_text(
    number="13-KH/TU", title="về việc dự thảo", status="draft", aliases=["plans/2022/du-thao-cu.md"]
)


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import MINIMAL_MKDOCS, REPO, write_files

    root = tmp_path_factory.mktemp("moved") / "project"
    write_files(
        root,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            **SITE_ROOT,
            "plans/2022/ke-hoach-moi.md": MOVED,
            "plans/2022/du-thao.md": DRAFT,
            "content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n",
            "data/issuers.yml": (REPO / "data" / "issuers.yml").read_text(encoding="utf-8"),
        },
    )
    site = root.parent / "site"
    result = run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def moved_nginx(moved_site: Path, tmp_path_factory: pytest.TempPathFactory):
    process, url = start_nginx(moved_site, tmp_path_factory.mktemp("nginx-moved"))
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_old_addresses_get_pages_that_send_the_reader_on(moved_site):
    for old, depth in [
        ("plans/2022/ke-hoach-cu/index.html", 3),
        ("van-ban/12-kh-tu/index.html", 2),
        ("tin-cu.html", 0),
    ]:
        soup = BeautifulSoup((moved_site / old).read_text(encoding="utf-8"), "html.parser")
        assert (
            soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
            == f"0; url={'../' * depth}plans/2022/ke-hoach-moi/"
        ), old
        assert soup.find("link", rel="canonical")["href"] == "https://loa.example/plans/2022/ke-hoach-moi/"
    sitemap = (moved_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "ke-hoach-moi" in sitemap and "ke-hoach-cu" not in sitemap and "12-kh-tu" not in sitemap


def test_a_withheld_documents_old_address_is_not_written(moved_site):
    assert not (moved_site / "plans" / "2022" / "du-thao-cu").exists()
    everything = b"".join(p.read_bytes() for p in moved_site.rglob("*") if p.is_file())
    assert b"du-thao" not in everything


@pytest.mark.parametrize(
    "old",
    [
        "/plans/2022/ke-hoach-cu/",
        "/plans/2022/ke-hoach-cu",
        "/plans/2022/ke-hoach-cu/index.html",
        "/van-ban/12-kh-tu/",
        "/tin-cu.html",
    ],
)
def test_nginx_moves_old_addresses_permanently(moved_nginx, old):
    status, headers, _ = fetch(moved_nginx, old)
    assert status == 301, old
    assert headers["location"] == "/plans/2022/ke-hoach-moi/"
    assert "content-security-policy" in headers and headers["x-content-type-options"] == "nosniff"
    status, _, body = fetch(moved_nginx, headers["location"])
    assert status == 200 and "về việc thử nghiệm" in body.decode("utf-8")


def test_nginx_does_not_know_the_drafts_old_address(moved_nginx):
    status, _, _ = fetch(moved_nginx, "/plans/2022/du-thao-cu/")
    assert status == 404
