"""Front-matter values are escaped wherever they are printed: <title>, <meta>, header, listings, search index."""

from __future__ import annotations

import gzip
import json

from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, plan_text, run_loa

HOSTILE = '</title><script>alert("xss")</script><img src=x onerror=alert(1)>'


def test_hostile_front_matter_renders_inert(project, tmp_path):
    mkdocs = (
        "site_name: Thử <b>nghiệm</b>\nsite_url: https://loa.example/\ndocs_dir: site-root\n"
        "theme:\n  name: !ENV [LOA_THEME, material]\n  custom_dir: "
        + str(__import__("tests.conftest").conftest.REPO / "theme")
        + "\n  language: vi\n  font: false\n"
        "nav:\n  - Trang chủ: index.md\n  - Danh mục: danh-muc/index.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\nplugins:\n  - loa\n"
    )
    root = project(
        {
            "plans/2022/doc.md": plan_text(
                title=f"về việc {HOSTILE}",
                number="7-KH/TU",
                place=HOSTILE,
                signer={"authority": HOSTILE, "role": "BÍ THƯ", "name": HOSTILE},
                recipients=[HOSTILE],
                topics=["doc-hai"],
                description=f"Mô tả {HOSTILE}"[:300],
            ),
            "content/chuyen-de/doc-hai.md": f"---\nkind: topic\ntitle: '{HOSTILE}'\n---\n\nGiới thiệu.\n",
        },
        mkdocs=mkdocs,
    )
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    pages = {
        "plan": site / "plans/2022/doc/index.html",
        "home": site / "index.html",
        "listing": site / "danh-muc/index.html",
        "year": site / "danh-muc/nam/2022/index.html",
        "topic": site / "chuyen-de/doc-hai/index.html",
        "feeds": site / "nguon-tin/index.html",
    }
    for name, path in pages.items():
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        for script in soup.find_all("script"):
            assert "xss" not in script.get_text(), f"{name}: injected script element"
        assert not soup.find_all(attrs={"onerror": True}), f"{name}: injected event handler"
        assert "<script>alert" not in html and "<img src=x" not in html, name
    plan = BeautifulSoup(pages["plan"].read_text(encoding="utf-8"), "html.parser")
    assert HOSTILE in plan.title.get_text()
    assert HOSTILE in plan.find("meta", attrs={"name": "description"})["content"]
    assert HOSTILE in plan.find(class_="loa-title").get_text()
    assert (
        HOSTILE
        in plan.find(class_="md-header__topic", attrs={"data-md-component": "header-topic"}).get_text()
    )
    listing = BeautifulSoup(pages["year"].read_text(encoding="utf-8"), "html.parser")
    assert HOSTILE in listing.find(class_="loa-list__title").get_text()
    for feed in (site / "feeds").rglob("*.*"):
        raw = feed.read_bytes()
        data = (gzip.decompress(raw) if feed.suffix == ".gz" else raw).decode("utf-8")
        assert "<script>alert" not in data and "<img src=x" not in data, feed
    og = {t["property"]: t["content"] for t in plan.find_all("meta", attrs={"property": True})}
    assert HOSTILE in og["og:title"] or HOSTILE[:20] in og["og:title"]
    # Search data is text: the browser shows it with textContent, and it holds the title exactly as written.
    records = [(path.read_text(encoding="utf-8")) for path in (site / "search").rglob("d/*.js")]
    titles = [json.loads(r[r.index(",") + 1 : -3])["t"] for r in records]
    assert any(HOSTILE in t for t in titles), titles


# Hostile, but nothing loads from elsewhere and no link has a script scheme: `loa check` refuses those
# (tests/build/test_bodies.py); the sanitiser's handling of them is tested in tests/unit/test_trust_bodies.py.
HOSTILE_BODY = """\
Đoạn mở đầu.

<script>alert("body-script")</script>
<iframe src="khung-evil.example.html"></iframe>
<!-- ghi chú nội bộ không được lộ -->
<img src="anh.png" onerror="alert('img')" alt="Ảnh minh họa">

Đoạn có sự kiện.
{: onclick="alert('attr')" onmouseover="alert('attr2')" }

[Liên kết](#muc) và <a href="https://vanban.example/" onclick="alert(2)">một liên kết khác</a>.

<div markdown="1" onclick="alert('div')" style="color:expression(alert(3))">
Khối **có** Markdown.
</div>

| Cột A | Cột B |
|:--|--:|
| ô 1 | ô 2 |

!!! note "Lưu ý"
    Nội dung lưu ý.

![Ảnh](anh.png){ width="120" onload="alert('load')" }
"""


def test_hostile_body_is_sanitised(project):
    mkdocs = (
        "site_name: Thử nghiệm\nsite_url: https://loa.example/\ndocs_dir: site-root\n"
        "theme:\n  name: !ENV [LOA_THEME, material]\n  language: vi\n  font: false\n"
        "nav:\n  - Trang chủ: index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n"
        "markdown_extensions:\n  - tables\n  - attr_list\n  - md_in_html\n  - admonition\n  - loa.core.outputs.headings\n"
        "plugins:\n  - loa\n"
    )
    root = project(
        {
            "plans/2022/doc.md": plan_text(body=HOSTILE_BODY, number="7-KH/TU"),
            "plans/2022/anh.png": b"\x89PNG\r\n\x1a\n",
        },
        mkdocs=mkdocs,
    )
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    html = (root / "site/plans/2022/doc/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find(class_="md-content")
    for marker in ("body-script", "alert(", "evil.example", "ghi chú nội bộ", "javascript:", "JaVaScRiPt"):
        assert marker not in html, marker
    assert not article.find_all(["script", "iframe", "object", "embed", "style"])
    for element in soup.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on")], element
    assert article.find("table") and article.find("td", string="ô 1")
    assert article.find(class_="admonition") and "Nội dung lưu ý." in article.get_text()
    images = [img for img in article.find_all("img") if img.get("alt") in ("Ảnh minh họa", "Ảnh")]
    assert len(images) == 2 and all(img["src"].endswith("anh.png") for img in images)
    assert "Khối" in article.get_text() and article.find("a", string="một liên kết khác")
    standalone = (root / "site/plans/2022/doc/doc.html").read_text(encoding="utf-8")
    assert "alert(" not in standalone and "ghi chú nội bộ" not in standalone
