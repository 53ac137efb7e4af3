"""Text fields carrying markup, through a real build and the offline bundle: article titles and summaries, topic,
channel and unit names, task text in calendars. Every output that a reader renders as HTML shows them as text."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup
from lxml import html as lxml_html

from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, REPO, plan_text, run_loa

PAYLOAD = "<img src=x onerror=alert(1)></title><script>alert(2)</script>&lt;script&gt;alert(3)&lt;/script&gt;"
RAW = ("<img src=x", "<script>alert", "onerror=alert(1)>")
ARTICLE = f"""\
---
kind: article
id: "urn:uuid:6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"
category: tin
title: 'Tin {PAYLOAD}'
short_title: 'Ngắn {PAYLOAD}'
summary: 'Tóm tắt {PAYLOAD}'
author: don-vi-doc
channels: [kenh-doc]
topics: [chu-de-doc]
status: published
approved_by: 'Duyệt {PAYLOAD}'
publish_at: 2025-01-08T08:00:00+07:00
access: public
---

Nội dung tin.
"""
TASK = "Tổ chức hội nghị quán triệt."
MKDOCS = MINIMAL_MKDOCS.replace(
    "  name: !ENV [LOA_THEME, material]\n",
    f"  name: !ENV [LOA_THEME, material]\n  custom_dir: {REPO / 'theme'}\n",
)


def _hostile_project(project) -> Path:
    issuers = (REPO / "data/issuers.yml").read_text(encoding="utf-8")
    return project(
        {
            "data/issuers.yml": issuers + f"\ndon-vi-doc:\n  name: 'Đơn vị {PAYLOAD}'\n  level: xa\n",
            "data/channels.yml": f"kenh-doc:\n  name: 'Kênh {PAYLOAD}'\n  platform: website\n",
            "content/tin-bai/a.md": ARTICLE,
            "content/chuyen-de/chu-de-doc.md": f"---\nkind: topic\ntitle: 'Chuyên đề {PAYLOAD}'\n---\n\nGiới thiệu.\n",
            "plans/2022/doc.md": plan_text(
                f"{TASK}\n",
                number="7-KH/TU",
                description=f"Mô tả {PAYLOAD}"[:300],
                tasks=[{"task": TASK, "lead": ["don-vi-doc"], "deadline": "2022-06"}],
            ),
        },
        mkdocs=MKDOCS,
    )


def _elements(markup: str) -> set[str]:
    if not markup.strip():
        return set()
    root = lxml_html.fragment_fromstring(f"<div>{markup}</div>")
    tags = {e.tag for e in root.iterdescendants() if isinstance(e.tag, str)}
    return tags | {a for e in root.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")}


def _check_feed(name: str, data: bytes) -> int:
    if name.endswith(".json"):
        feed = json.loads(data)
        for item in feed["items"]:
            assert not {"img", "script", "onerror"} & _elements(item["content_html"]), name
        assert b"<" not in data, name
        return len(feed["items"])
    parsed = feedparser.parse(data)
    assert not parsed.bozo, name
    for entry in parsed.entries:
        details = [entry.title_detail, entry.summary_detail, *entry.get("content", [])]
        for detail in details:
            if detail.type != "text/plain":
                assert not {"img", "script", "onerror"} & _elements(detail.value), (name, detail)
    return len(parsed.entries)


def test_hostile_text_is_text_in_every_output(project, tmp_path):
    root = _hostile_project(project)
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    items = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in (".png", ".jpg", ".ico", ".woff", ".woff2", ".ttf"):
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data, name = gzip.decompress(data), path.stem
        else:
            name = path.name
        text = data.decode("utf-8", errors="replace")
        for raw in RAW:
            assert raw not in text, (path, raw)
        if name.endswith((".rss", ".atom", ".json")) and "/feeds/" in path.as_posix():
            items += _check_feed(name, data)
        if name.endswith(".ics"):
            assert "<" not in text, path
    assert items > 0
    page = BeautifulSoup((site / "tin-bai/a/index.html").read_text(encoding="utf-8"), "html.parser")
    assert PAYLOAD in page.find(class_="loa-title").get_text()
    assert PAYLOAD in page.find(class_="loa-summary").get_text()
    og = {t["property"]: t["content"] for t in page.find_all("meta", attrs={"property": True})}
    assert og["og:title"].startswith("Ngắn <img src=x") and og["og:description"].startswith("Tóm tắt <img")
    assert not page.find_all(attrs={"onerror": True})
    scripts = " ".join(s.get_text() for s in page.find_all("script"))
    assert "alert(" not in scripts
    calendars = list(site.rglob("*.ics"))
    unfolded = [p.read_text(encoding="utf-8").replace("\r\n ", "") for p in calendars]
    assert calendars and all("Chủ trì: Đơn vị &lt\\;img src=x" in text for text in unfolded), unfolded
    bundle = tmp_path / "bundle.zip"
    result = run_loa(
        "bundle", "-f", str(root / "mkdocs.yml"), "-o", str(bundle), "--at", BUILD_TIME, cwd=root
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            text = archive.read(info).decode("utf-8", errors="replace")
            for raw in RAW:
                assert raw not in text, (info.filename, raw)
