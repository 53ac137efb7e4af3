"""Feeds for the portal and the fanpages: RSS 2.0 and Atom 1.0 through feedgen, and JSON Feed 1.1.

Tools such as IFTTT, Zapier or Make read these feeds and post each item once, keyed by its guid; link previews
come from the pages themselves. So a guid never changes (it is the document's permanent ``id``), every URL is
absolute, dates are RFC 822 with ``+0700`` in RSS, and the output is byte-identical for the same sources.

feedgen 1.0 has traps, each handled here: the RSS channel link is the last ``link()`` set (the alternate link is
set last); an enclosure without length writes ``length="None"`` (a length is always given); Atom entry links lose
their ``rel`` and ``type`` (restored after rendering); ``add_entry`` prepends (``order="append"``); naive
datetimes raise (all are aware, +07:00); ``lastBuildDate`` and Atom ``updated`` default to now (set to the newest
item). The media extension is not used: it wraps a single item in ``media:group``.

Text stays text in every reader. RSS 2.0 has no content types: readers render ``description`` as HTML, and many
render ``title`` and ``dc:creator`` as HTML too. So in RSS a description is written HTML-escaped (``<`` is sent as
``&amp;lt;``: a reader decodes the XML, then the HTML, and shows ``<``), and a title, feed title or author gets its
``<`` and ``>`` escaped the same way (a lone ``&`` is left as it is, so that readers that show titles as plain text
show "Văn hóa & Thể thao"). Atom titles and summaries are text (Atom's default type) and JSON Feed's are plain
text by definition; HTML goes only into Atom ``content type="html"``, RSS ``content:encoded`` and JSON ``content_html``,
always through the sanitiser (`absolute_html`) or escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import nh3
from feedgen.feed import FeedGenerator
from lxml import etree

from loa.core.model.document import CATEGORY_NAMES, DOC_TYPES, TIMEZONE, Document
from loa.core.routing.routes import FEEDS_HOME, all_feed, channel_base, feed_of
from loa.core.safety.trust import no_markup

__all__ = [
    "FEED_FORMATS",
    "Enclosure",
    "FeedItem",
    "FeedSpec",
    "absolute_html",
    "feed_time",
    "guid_of",
    "plan_feeds",
    "render_feed",
]

FEED_FORMATS = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
_ATOM = "{http://www.w3.org/2005/Atom}"
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')
_ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "*": {"id"},
}


@dataclass(frozen=True)
class Enclosure:
    """A media file attached to an item: its absolute URL, real byte length and MIME type."""

    url: str
    length: int
    type: str


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed.

    Attributes:
        guid: Permanent, globally unique id (``urn:uuid:…`` or ``tag:…``).
        url: Absolute URL of the page.
        title: Title.
        summary: Plain-text summary.
        content: Full HTML with absolute URLs, sanitised (no script, iframe or event handler), if available.
        published: First publication, aware.
        updated: Last modification, aware.
        authors: Names of the authors (units), written as dc:creator in RSS.
        categories: Category labels.
        image: Cover or card image.
    """

    guid: str
    url: str
    title: str
    summary: str
    content: str | None
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    image: Enclosure | None = None


@dataclass(frozen=True)
class FeedSpec:
    """A feed to write: where, what it is called, and its documents, newest first.

    Attributes:
        path: Output path without extension, e.g. ``feeds/kenh/anh-duong``.
        title: Feed title.
        description: Feed description.
        home: Site-relative URL of the HTML page the feed mirrors.
        documents: Its documents, newest first, at most the limit.
    """

    path: str
    title: str
    description: str
    home: str
    documents: tuple[Document, ...]


_TAG_YEAR = 2020


def guid_of(document: Document, site_url: str) -> str:
    """The document's permanent guid: its ``id``, else a tag URI from its number, else one from its path.

    Only the ``id`` survives every change; the number-based tag survives renames and title changes; the path-based
    one (documents with neither ``id`` nor number) changes when the file is renamed.
    """
    if document.id:
        return document.id
    host = urlsplit(site_url).hostname or "loa"
    if document.number and document.issuer:
        # A tag URI's date must be a real year (RFC 4151): an undated document takes the path form's year.
        year = document.date.year if document.date else _TAG_YEAR
        return f"tag:{host},{year}:{document.issuer}/{document.number}"
    return f"tag:{host},{_TAG_YEAR}:{document.src_uri}"


def feed_time(document: Document) -> dt.datetime | None:
    """When a document entered the feeds: its publication time, else its date of issue at midnight."""
    if document.publish_at:
        return document.publish_at
    if document.date:
        return dt.datetime(
            document.date.year, document.date.month or 1, document.date.day or 1, tzinfo=TIMEZONE
        )
    return None


def plan_feeds(
    documents: Iterable[Document],
    *,
    topics: Mapping[str, Document],
    channels: Mapping[str, str],
    limit: int = 50,
) -> list[FeedSpec]:
    """Group published documents into feeds: everything, per channel, per topic, per type.

    Arguments:
        documents: Published documents (plans and articles).
        topics: Topic pages by id.
        channels: Channel names by id.
        limit: Items per feed (the newest).

    Returns:
        The feeds, in a stable order.
    """
    dated = [d for d in documents if d.kind in ("plan", "article") and feed_time(d) is not None]
    dated.sort(key=lambda d: (feed_time(d), d.path), reverse=True)
    groups: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for document in dated:
        groups[("all", "")].append(document)
        for channel in document.channels:
            groups[("kenh", channel)].append(document)
        for topic in document.topics:
            if topic in topics:
                groups[("chuyen-de", topic)].append(document)
        kind = document.doc_type.slug if document.doc_type else document.category
        if kind:
            groups[("loai", kind)].append(document)
    type_names = {t.slug: t.name for t in DOC_TYPES} | CATEGORY_NAMES
    specs = [
        FeedSpec(
            all_feed(),
            "Tất cả tin bài và văn bản",
            "Tin bài và văn bản mới đăng",
            "",
            tuple(groups.pop(("all", ""), [])[:limit]),
        )
    ]
    for (family, key), members in sorted(groups.items()):
        if family == "kenh":
            title, home = f"Kênh {channels.get(key, key)}", channel_base(key)
        elif family == "chuyen-de":
            title, home = f"Chuyên đề {topics[key].title}", topics[key].url
        else:
            title, home = type_names.get(key, key), FEEDS_HOME
        specs.append(
            FeedSpec(
                feed_of(family, key),
                title,
                f"{title}: tin bài và văn bản mới đăng",
                home,
                tuple(members[:limit]),
            )
        )
    return specs


def absolute_html(html: str, page_url: str) -> str:
    """Return ``html`` with every href and src absolute (feed readers have no base URL) and sanitised."""
    absolute = _URL_ATTRIBUTE.sub(
        lambda m: m[1] + urljoin(page_url, m[2].replace("&amp;", "&")).replace("&", "&amp;") + m[3],
        _HEADERLINK.sub("", html),
    )
    return nh3.clean(
        absolute,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        strip_comments=True,
        link_rel=None,
        url_schemes={"http", "https", "mailto"},
    )


def render_feed(
    spec: FeedSpec, items: list[FeedItem], *, fmt: str, site_url: str, built: dt.datetime
) -> bytes:
    """Render one feed in ``fmt`` (``rss``, ``atom`` or ``json``).

    Arguments:
        spec: The feed.
        items: Its items, newest first.
        fmt: Output format.
        site_url: Absolute site URL, ending with a slash.
        built: Build time, used as the feed's date when it has no item.

    Returns:
        The feed's bytes.
    """
    feed_url = urljoin(site_url, f"{spec.path}.{fmt}")
    home = urljoin(site_url, spec.home)
    updated = max((i.updated for i in items), default=built)
    if fmt == "json":
        return _render_json(spec, items, feed_url=feed_url, home=home)
    rss = fmt == "rss"
    text, html_text = (no_markup, _rss_html) if rss else (str, str)
    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(feed_url)
    generator.title(text(spec.title))
    generator.description(html_text(spec.description))
    generator.language("vi")
    generator.generator("Loa")
    generator.link(href=feed_url, rel="self", type=FEED_FORMATS[fmt])
    generator.link(href=home, rel="alternate", type="text/html")  # last: it is the RSS channel link
    generator.updated(updated)
    for item in items:
        entry = generator.add_entry(order="append")
        entry.id(item.guid)
        entry.guid(item.guid, permalink=False)
        entry.title(text(item.title))
        entry.link(href=item.url, rel="alternate", type="text/html")
        entry.description(html_text(item.summary))
        entry.summary(item.summary)
        if item.content:
            entry.content(item.content, type="CDATA" if rss else "html")
        entry.published(item.published)
        entry.updated(item.updated)
        for name in item.authors:
            entry.author(name=name)
            entry.dc.dc_creator(text(name))
        for label in item.categories:
            entry.category(term=text(label), label=label)
        if item.image:
            entry.enclosure(item.image.url, str(item.image.length), item.image.type)
    if fmt == "rss":
        return bytes(generator.rss_str(pretty=True))
    return _restore_atom_links(bytes(generator.atom_str(pretty=True)), items)


def _rss_html(value: str) -> str:
    """A plain-text value in an RSS field that readers render as HTML (``description``)."""
    return html.escape(value, quote=False)


def _restore_atom_links(data: bytes, items: list[FeedItem]) -> bytes:
    """Put back the rel, type and length that feedgen 1.0 drops from Atom entry links (feedgen issue #135)."""
    root = etree.fromstring(data)
    for entry, item in zip(root.iter(f"{_ATOM}entry"), items, strict=False):
        for link in entry.iter(f"{_ATOM}link"):
            if item.image and link.get("href") == item.image.url:
                link.attrib.update(
                    {"rel": "enclosure", "type": item.image.type, "length": str(item.image.length)}
                )
            elif link.get("href") == item.url:
                link.attrib.update({"rel": "alternate", "type": "text/html"})
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _render_json(spec: FeedSpec, items: list[FeedItem], *, feed_url: str, home: str) -> bytes:
    """JSON Feed 1.1 (feedgen has none)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": spec.title,
        "home_page_url": home,
        "feed_url": feed_url,
        "description": spec.description,
        "language": "vi",
        "items": [_json_item(item) for item in items],
    }
    text = json.dumps(feed, ensure_ascii=False, indent=2)
    # Plain-text fields stay text even for a consumer that pastes them into HTML.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


def _json_item(item: FeedItem) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": item.guid,
        "url": item.url,
        "title": item.title,
        "summary": item.summary,
        "content_html": item.content or f"<p>{nh3.clean_text(item.summary)}</p>",
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
    }
    if item.authors:
        entry["authors"] = [{"name": name} for name in item.authors]
    if item.categories:
        entry["tags"] = list(item.categories)
    if item.image:
        entry["image"] = item.image.url
        entry["attachments"] = [
            {"url": item.image.url, "mime_type": item.image.type, "size_in_bytes": item.image.length}
        ]
    return entry
