"""Bodies in a real build: an attacker's ids never take the theme's, and whatever an editor supplies that would load
from elsewhere or run (external resources, addresses, invisible characters) stops the build, with the same
diagnostics as ``loa check``, leaving the previous site byte for byte."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from loa.core.safety.sanitize import ID_PREFIX
from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, plan_text, run_loa
from tests.unit.test_trust_bodies import CLOBBER

MKDOCS = MINIMAL_MKDOCS.replace(
    "markdown_extensions:\n",
    "markdown_extensions:\n  - toc:\n      permalink: true\n  - attr_list\n  - md_in_html\n  - tables\n",
)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _theme_ids(soup: BeautifulSoup) -> Counter[str]:
    return Counter(e["id"] for e in soup.find_all(id=True) if e["id"].startswith("__"))


def test_an_attacker_body_cannot_take_the_themes_ids(project):
    root = project(
        {
            "plans/2022/doc.md": plan_text(CLOBBER, number="7-KH/TU"),
            "plans/2022/sach.md": plan_text(
                "## Điều một\n\nNội dung.\n", number="8-KH/TU", title="về việc đối chứng"
            ),
            "plans/2022/anh.png": b"\x89PNG\r\n\x1a\n",
            "content/anh.png": b"\x89PNG\r\n\x1a\n",
        },
        mkdocs=MKDOCS,
    )
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    page = _soup(root / "site/plans/2022/doc/index.html")
    clean = _soup(root / "site/plans/2022/sach/index.html")
    (config,) = page.find_all(id="__config")
    assert config.name == "script" and config.get("type") == "application/json", "only Material's own"
    json.loads(config.get_text())
    assert _theme_ids(page) == _theme_ids(clean), "the page has exactly the theme's own __ ids"
    body = page.find(class_="loa-body")
    assert not body.find_all(attrs={"name": True}), "no name attribute from the body"
    ids = {e["id"] for e in page.find_all(id=True)}
    assert {"dieu-mot", "pham-vi"} <= ids, "heading anchors are the toc's"
    assert clean.select_one("h2#dieu-mot > span.loa-old-anchor#ieu-mot"), "the old anchor still lands"
    assert {
        f"{ID_PREFIX}diem-a",
        f"{ID_PREFIX}ghi-chu",
        f"{ID_PREFIX}__config",
        f"{ID_PREFIX}__search",
    } <= ids
    for anchor in body.find_all("a", href=re.compile("^#")):
        target = anchor["href"][1:]
        assert target in ids, f"in-page link {anchor['href']} has no target"
    assert body.find("a", string="điểm a")["href"] == f"#{ID_PREFIX}diem-a"
    # The table of contents of the theme still leads to the headings.
    toc = {a["href"] for a in page.select("nav.md-nav--secondary a[href^='#']")}
    assert {"#dieu-mot", "#pham-vi"} <= toc
    copy = _soup(root / "site/plans/2022/doc/doc.html")
    assert not [e for e in copy.find_all(id=True) if e["id"].startswith("__")]
    assert not [e for e in copy.find_all(attrs={"name": True}) if e.name != "meta"]
    assert copy.find(id=f"{ID_PREFIX}__config") and copy.find(id="pham-vi")


HOSTILE_BODY = """\
Đoạn mở đầu.

<img src="https://evil.example/theo-doi.gif" alt="">

![Ảnh ngoài](https://evil.example/anh.png)

<video poster="//evil.example/p.jpg"></video>

<p style="background:url('https://evil.example/b.png')">chữ</p>
"""


def _diagnostics(stderr: str) -> set[tuple[str, int, str]]:
    found = re.findall(r"(\S+?):(\d+): .*? \[([a-z]+\.[a-z-]+)\]", stderr)
    return {(path.split("loa: ")[-1], int(line), code) for path, line, code in found}


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_refused_inputs_stop_the_build_and_check_agrees(project, capsys):
    from loa.cli import main

    root = project({"plans/2022/doc.md": plan_text(number="7-KH/TU")}, mkdocs=MKDOCS)
    assert run_loa("build", "--at", BUILD_TIME, cwd=root).returncode == 0
    before = _snapshot(root / "site")
    hostile = plan_text(HOSTILE_BODY, number="9-KH/TU", title="về việc\u202e thử")
    external = (root / "data/external.yml").read_text(encoding="utf-8")
    (root / "plans/2022/hostile.md").write_text(hostile, encoding="utf-8")
    (root / "data/external.yml").write_text(
        external + "- number: 1-KH/TU\n  url: ' JaVaScRiPt:alert(1)'\n", encoding="utf-8"
    )
    (root / "data/channels.yml").write_text(
        "kenh:\n  name: Kênh\n  platform: website\n  url: //evil.example/\n", encoding="utf-8"
    )
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode != 0
    lines = hostile.split("\n")
    line = {
        needle: next(i for i, x in enumerate(lines, 1) if needle in x)
        for needle in ("<img", "![Ảnh", "<video", "<p style", "title:")
    }
    expected = {
        ("plans/2022/hostile.md", line["<img"], "body.external"),
        ("plans/2022/hostile.md", line["![Ảnh"], "body.external"),
        ("plans/2022/hostile.md", line["<video"], "body.external"),
        ("plans/2022/hostile.md", line["<p style"], "body.external"),
        ("plans/2022/hostile.md", line["title:"], "text.invisible-char"),
        ("data/external.yml", external.count("\n") + 2, "registry.url"),
        ("data/channels.yml", 4, "registry.url"),
    }
    assert _diagnostics(result.stderr) == expected, result.stderr
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in result.stderr
    assert _snapshot(root / "site") == before, "the previous site is intact"
    status = main(["check", "-f", str(root / "mkdocs.yml"), "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    assert status == 1
    assert {(d["path"], d["line"], d["code"]) for d in payload["diagnostics"]} == expected
