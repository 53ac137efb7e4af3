"""Feeds as the portal and the fanpages' posting tools read them: every rule checked on every feed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree

from tests.conftest import BUILD_TIME, run_loa

RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} \+0700$"
)
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://sapa.loa.example/"


def _feeds(site: Path, ext: str) -> list[Path]:
    found = sorted((site / "feeds").rglob(f"*.{ext}"))
    assert found, f"no .{ext} feed"
    return found


def _absolute(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc)


def _self_url(site: Path, path: Path) -> str:
    return SITE + path.relative_to(site).as_posix()


def test_every_feed_parses_without_bozo(sapa_site):
    for ext in ("rss", "atom"):
        for path in _feeds(sapa_site, ext):
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
            assert parsed.entries or "chuyen-de" in path.as_posix(), path
    for path in _feeds(sapa_site, "json"):
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["feed_url"] == _self_url(sapa_site, path)
        for item in feed["items"]:
            assert {"id", "url", "title", "content_html", "date_published"} <= item.keys()
            assert _absolute(item["url"]) and item["date_published"].endswith("+07:00")


def test_rss_rules(sapa_site):
    for path in _feeds(sapa_site, "rss"):
        root = etree.fromstring(path.read_bytes())
        channel = root.find("channel")
        assert channel.findtext("language") == "vi"
        assert _absolute(channel.findtext("link"))
        self_link = channel.find(f"{ATOM}link[@rel='self']")
        assert self_link.get("href") == _self_url(sapa_site, path)
        assert RFC822.match(channel.findtext("lastBuildDate")), channel.findtext("lastBuildDate")
        assert root.find(".//{http://search.yahoo.com/mrss/}group") is None
        for item in channel.findall("item"):
            tags = [child.tag for child in item]
            assert "author" not in tags, "names go in dc:creator, never in RSS <author>"
            assert item.find("{http://purl.org/dc/elements/1.1/}creator").text
            assert tags.index("description") < tags.index("{http://purl.org/rss/1.0/modules/content/}encoded")
            guid = item.find("guid")
            assert guid.get("isPermaLink") == "false" and guid.text.startswith(("urn:uuid:", "tag:"))
            assert RFC822.match(item.findtext("pubDate"))
            assert _absolute(item.findtext("link"))
            enclosure = item.find("enclosure")
            assert _absolute(enclosure.get("url")) and enclosure.get("type") == "image/png"
            local = sapa_site / urlsplit(enclosure.get("url")).path.lstrip("/")
            assert int(enclosure.get("length")) == local.stat().st_size
            content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
            description = item.findtext("description") or ""
            for text in (content, description):
                assert not re.search(r"<\s*(script|iframe)", text, re.IGNORECASE)
                assert not re.search(r"<[^>]+\son\w+\s*=", text, re.IGNORECASE), (
                    "event handler attribute in a feed"
                )
            for url in re.findall(r'(?:href|src)="([^"]*)"', content):
                assert _absolute(url), url


def test_atom_rules(sapa_site):
    for path in _feeds(sapa_site, "atom"):
        root = etree.fromstring(path.read_bytes())
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
        assert root.find(f"{ATOM}link[@rel='self']").get("href") == _self_url(sapa_site, path)
        assert root.findtext(f"{ATOM}updated").endswith("+07:00")
        for entry in root.findall(f"{ATOM}entry"):
            links = entry.findall(f"{ATOM}link")
            assert all(link.get("rel") for link in links), "feedgen #135: entry links must keep rel"
            alternate = [link for link in links if link.get("rel") == "alternate"]
            assert (
                alternate and alternate[0].get("type") == "text/html" and _absolute(alternate[0].get("href"))
            )
            enclosure = [link for link in links if link.get("rel") == "enclosure"]
            assert enclosure and enclosure[0].get("length") not in (None, "None")


def test_feeds_list_only_published_items_newest_first(sapa_site):
    parsed = feedparser.parse((sapa_site / "feeds/tat-ca.rss").read_bytes())
    times = [entry.published_parsed for entry in parsed.entries]
    assert times == sorted(times, reverse=True)
    titles = " ".join(entry.title for entry in parsed.entries)
    assert "CANARY" not in titles


def test_guid_survives_renaming_the_source_file(project):
    article = """---
kind: article
id: "urn:uuid:3f0b1c52-7f0e-4e51-9d64-0b7a1c2d3e4f"
category: tin
title: Tin thử nghiệm
summary: Tóm tắt thử nghiệm.
author: ban-bien-tap
channels: [anh-duong]
status: published
approved_by: Ban biên tập
publish_at: 2025-01-02T08:00:00+07:00
access: public
---

Nội dung thử nghiệm.
"""
    root = project(
        {
            "content/tin-bai/ten-cu.md": article,
            "data/channels.yml": (Path(__file__).parents[2] / "data/channels.yml").read_text(
                encoding="utf-8"
            ),
        }
    )

    def guids() -> list[str]:
        assert run_loa("build", "--at", BUILD_TIME, cwd=root).returncode == 0
        return [e.id for e in feedparser.parse((root / "site/feeds/kenh/anh-duong.rss").read_bytes()).entries]

    before = guids()
    (root / "content/tin-bai/ten-cu.md").rename(root / "content/tin-bai/ten-moi.md")
    renamed = root / "content/tin-bai/ten-moi.md"
    renamed.write_text(
        renamed.read_text(encoding="utf-8").replace("Tin thử nghiệm", "Tiêu đề đã sửa"), encoding="utf-8"
    )
    after = guids()
    assert before == after == ["urn:uuid:3f0b1c52-7f0e-4e51-9d64-0b7a1c2d3e4f"]


@pytest.mark.parametrize("ext", ["rss", "atom", "json"])
def test_feed_dates_do_not_depend_on_the_clock(sapa_site, ext):
    data = (sapa_site / f"feeds/tat-ca.{ext}").read_text(encoding="utf-8")
    assert "2026-11-22" not in data and "22 Nov 2026" not in data  # the build time, never "now"
