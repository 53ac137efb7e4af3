"""The editors' preview shows every document, watermarks the ones that are not public, and is never indexed."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, REPO, run_loa


def test_preview_watermarks_non_public_pages_only(tmp_path):
    site = tmp_path / "preview"
    result = run_loa(
        "build",
        "-f",
        str(REPO / "mkdocs.yml"),
        "--preview",
        "--site-dir",
        str(site),
        "--at",
        BUILD_TIME,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    pages = {
        p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in site.joinpath("tin-bai").rglob("index.html")
    }
    marked = {name for name, soup in pages.items() if soup.select_one(".loa-watermark")}
    assert {name.split("/")[2] for name in marked} == {
        "bai-nhap-mau-canarybannhap-hoc-tap-va-lam-theo-bac-tu-viec-lam-hang-ngay",
        "bai-noi-bo-mau-canarynoibo-goi-y-chuan-bi-tai-lieu-sinh-hoat-chuyen-de",
        "thong-bao-mau-canarylichhen-ve-bai-duoc-hen-gio-dang",
    }
    draft = next(soup for name, soup in pages.items() if "canarybannhap" in name)
    assert "Trạng thái 'draft'" in draft.select_one(".loa-watermark").get_text()
    for soup in pages.values():
        assert soup.find("meta", attrs={"name": "robots", "content": "noindex, nofollow"})


def test_preview_never_writes_the_public_site(project):
    root = project({})
    result = run_loa("build", "--preview", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "site-preview/index.html").is_file() and not (root / "site").exists()
