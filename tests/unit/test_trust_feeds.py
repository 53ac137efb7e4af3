"""Feeds carry editors' text as text: no payload in a title, summary, topic, channel or unit name becomes markup in
any field a reader renders as HTML, in RSS, Atom or JSON Feed, as feedparser and lxml decode them."""

from __future__ import annotations

import datetime as dt
import html
import json

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from loa.core.model.document import TIMEZONE, Document
from loa.core.outputs.feeds import FeedItem, absolute_html, plan_feeds, render_feed

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    '</title><script>alert("t")</script>',
    "&lt;script&gt;alert(2)&lt;/script&gt;",
    "&amp;lt;img src=x onerror=alert(3)&amp;gt;",
    "]]><script>alert(4)</script><![CDATA[",
    '"><svg onload=alert(5)>',
    "&#60;img src=x onerror=alert(6)&#62;",
    "<![CDATA[<img src=x onerror=alert(7)>]]>",
    "<!--<img src=x onerror=alert(8)>-->",
]
SITE = "https://loa.example/"
WHEN = dt.datetime(2025, 1, 8, 8, 0, tzinfo=TIMEZONE)
RSS_DC = "{http://purl.org/dc/elements/1.1/}creator"
RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM = "{http://www.w3.org/2005/Atom}"


def _elements(markup: str) -> list[str]:
    """Tags and event attributes that ``markup`` yields once a reader renders it as HTML."""
    root = lxml_html.fragment_fromstring(f"<div>{markup}</div>") if markup.strip() else None
    if root is None:
        return []
    found = [element.tag for element in root.iterdescendants() if isinstance(element.tag, str)]
    found += [
        name
        for element in root.iter()
        if isinstance(element.tag, str)
        for name in element.attrib
        if name.lower().startswith("on")
    ]
    return found


def _rendered_text(markup: str) -> str:
    return lxml_html.fragment_fromstring(f"<div>{markup}</div>").text_content()


def _feeds(payload: str) -> dict[str, bytes]:
    article = Document(
        path="content/tin-bai/a.md",
        src_uri="tin-bai/a.md",
        kind="article",
        title=payload,
        body="",
        status="published",
        access="public",
        publish_at=WHEN,
        summary=payload,
        topics=("chu-de",),
        channels=("kenh",),
        category="tin",
        id="urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    )
    topic = Document(
        path="content/chuyen-de/chu-de.md",
        src_uri="chuyen-de/chu-de.md",
        kind="topic",
        title=payload,
        body="",
    )
    specs = plan_feeds([article], topics={"chu-de": topic}, channels={"kenh": payload})
    body = f"<p>Nội dung <b>đậm</b> {html.escape(payload, quote=False)}</p>"  # the payload as body text
    item = FeedItem(
        guid=article.id or "",
        url=SITE + "tin-bai/a/",
        title=payload,
        summary=payload,
        content=absolute_html(body, SITE + "tin-bai/a/"),
        published=WHEN,
        updated=WHEN,
        authors=(payload,),
        categories=("Tin",),
    )
    out = {}
    for spec in specs:
        for fmt in ("rss", "atom", "json"):
            out[f"{spec.path}.{fmt}"] = render_feed(spec, [item], fmt=fmt, site_url=SITE, built=WHEN)
    assert {p.split("/")[1].split(".")[0] for p in out} == {"tat-ca", "kenh", "chuyen-de", "loai"}
    return out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rss_fields_decode_to_text(payload):
    for path, data in _feeds(payload).items():
        if not path.endswith(".rss"):
            continue
        channel = etree.fromstring(data).find("channel")
        items = channel.findall("item")
        texts = [channel.findtext("title"), channel.findtext("description")]
        for item in items:
            texts += [item.findtext("title"), item.findtext("description"), item.findtext(RSS_DC)]
        for text in texts:
            assert _elements(text or "") == [], (path, text)
        for item in items:
            # The description is HTML in RSS: rendered, it reads exactly as the editor wrote it.
            assert _rendered_text(item.findtext("description") or "") == payload
            assert _elements(item.findtext(RSS_CONTENT) or "") == ["p", "b"], path
            assert payload in _rendered_text(item.findtext(RSS_CONTENT) or "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_atom_text_stays_text_and_html_is_clean(payload):
    for path, data in _feeds(payload).items():
        if not path.endswith(".atom"):
            continue
        root = etree.fromstring(data)
        for element in root.iter(f"{ATOM}title", f"{ATOM}subtitle", f"{ATOM}summary", f"{ATOM}name"):
            assert element.get("type") in (None, "text"), (path, element.tag)
            assert element.text and (
                payload in element.text
                or element.tag == f"{ATOM}subtitle"
                or "Tất cả" in element.text
                or element.text == "Tin"
            )
        for content in root.iter(f"{ATOM}content"):
            assert content.get("type") == "html"
            assert _elements(content.text or "") == ["p", "b"]
            assert payload in _rendered_text(content.text or "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_feed_content_html_is_clean(payload):
    for path, data in _feeds(payload).items():
        if not path.endswith(".json"):
            continue
        assert b"<" not in data and b">" not in data, (
            "plain text fields stay text for a careless consumer too"
        )
        feed = json.loads(data)
        assert payload in feed["title"] or "Tất cả" in feed["title"] or feed["title"] == "Tin"
        for item in feed["items"]:
            assert item["title"] == item["summary"] == payload
            assert _elements(item["content_html"]) == ["p", "b"]
            assert [a["name"] for a in item["authors"]] == [payload]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_feedparser_finds_no_markup_from_the_payload(payload):
    for path, data in _feeds(payload).items():
        if path.endswith(".json"):
            continue
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        details = [
            parsed.feed.title_detail,
            *([parsed.feed.subtitle_detail] if "subtitle_detail" in parsed.feed else []),
        ]
        for entry in parsed.entries:
            details += [entry.title_detail, entry.summary_detail]
            details += [{"type": "text/html", "value": c.value} for c in entry.get("content", [])]
            details += [{"type": "text/plain", "value": a.get("name", "")} for a in entry.get("authors", [])]
        for detail in details:
            if detail["type"] in ("text/html", "application/xhtml+xml"):
                assert set(_elements(detail["value"])) <= {"p", "b"}, (path, detail)
            else:
                assert detail["type"] == "text/plain", detail


def test_a_plain_ampersand_title_stays_readable():
    data = _feeds("Văn hóa & Thể thao")["feeds/tat-ca.rss"]
    item = etree.fromstring(data).find("channel/item")
    assert item.findtext("title") == "Văn hóa & Thể thao"
    assert _rendered_text(item.findtext("description") or "") == "Văn hóa & Thể thao"
    assert feedparser.parse(data).entries[0].title == "Văn hóa & Thể thao"
