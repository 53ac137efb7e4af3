"""The slug rule for file names, the paths the build owns, and what a published document uses."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from loa.core.loading.attachments import referenced_files
from loa.core.loading.catalog import Layout, load_catalog
from loa.core.loading.filenames import clean_name, is_clean, reserved_reason
from tests.conftest import REPO, plan_text, write_files


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Kế hoạch số 12.md", "ke-hoach-so-12.md"),
        (unicodedata.normalize("NFD", "Ảnh hội nghị.JPG"), "anh-hoi-nghi.jpg"),
        ("Đề án #3?.pdf", "de-an-3.pdf"),
        ("bao_cao  2021.docx", "bao-cao-2021.docx"),
        ("a.b.png", "a-b.png"),
        ("100%.png", "100.png"),
        ("ke-hoach.md", "ke-hoach.md"),
    ],
)
def test_clean_name_is_the_slug_of_loa_new(name, clean):
    assert clean_name(name) == clean
    assert is_clean(clean) and is_clean(name) is (name == clean)


def test_folders_are_cleaned_whole():
    assert clean_name("Tin Bài 2025", folder=True) == "tin-bai-2025" and not is_clean("2025.bak", folder=True)


@pytest.mark.parametrize(
    "site_path",
    [
        "assets/javascripts/bundle.js",
        "search/index.js",
        "feeds/tat-ca.rss",
        "404.html",
        "sitemap.xml.gz",
        "robots.txt",
        "danh-muc/nam/index.md",
        "lich/2022/a.png",
        "plans/2021/x/phien-ban/abc.md",
        "tin-bai/trang-2.md",
        "tin-bai/trang-3/index.md",
    ],
)
def test_paths_the_build_owns(site_path):
    assert reserved_reason(site_path)


def test_paths_an_editor_may_use():
    assert [
        p
        for p in (
            "index.md",
            "gioi-thieu.md",
            "images/a.png",
            "plans/2021/assets.png",
            "tin-bai/2025/a.md",
            "chuyen-de/a.md",
        )
        if reserved_reason(p, {"tin-bai/"})
    ] == []
    assert reserved_reason("tin-bai/index.md", {"tin-bai/"}) and reserved_reason("tin-bai.md", {"tin-bai/"})


def test_references_are_resolved_as_the_renderer_and_the_browser_do(tmp_path: Path):
    body = (
        '![Sơ đồ](so-do.png "tiêu đề") [Phụ lục](../2021/phu%20luc.pdf#trang-2) [Ngoài](https://a.vn/x.png)\n\n'
        "[Tuyệt đối](/images/a.png) [thư](mailto:a@b.vn) [neo](#muc)\n\n[tham chiếu][r]\n\n[r]: <bieu-mau.docx>\n\n"
        '<p><img src="../am.png" alt="a"> <a href=\'../../images/b.pdf?x=1\'>b</a></p>\n'
    )
    write_files(
        tmp_path,
        {
            "plans/2022/a.md": plan_text(body),
            "content/index.md": "# Trang chủ\n",
            "data/issuers.yml": (REPO / "data" / "issuers.yml").read_text(encoding="utf-8"),
        },
    )
    layout = Layout(tmp_path, tmp_path / "content", tmp_path / "plans", tmp_path / "data")
    (document,) = [d for d in load_catalog(layout).documents if d.kind == "plan"]
    assert referenced_files([document]) == {
        "plans/2022/so-do.png",
        "plans/2021/phu luc.pdf",
        "images/a.png",
        "plans/2022/bieu-mau.docx",
        "plans/2022/am.png",
        "plans/images/b.pdf",
    }
