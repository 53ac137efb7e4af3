"""Outputs besides the pages: feeds, share cards and the Open Graph data of every page.

The decisions live in `loa.core.outputs.feeds` and `loa.core.outputs.cards`; this module gathers what the build
knows (site URL, rendered HTML) and writes the files through the site's writer.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from loa.core.base.writer import SiteWriter
from loa.core.loading.catalog import Layout, cover_path, topics_by_id
from loa.core.model.document import CATEGORY_NAMES, Document
from loa.core.model.registry import Channel, Issuer
from loa.core.outputs.amendments import Amendment, amendment_item
from loa.core.outputs.cards import CARD_SIZE, render_card
from loa.core.outputs.feeds import (
    FEED_FORMATS,
    Enclosure,
    FeedItem,
    FeedSpec,
    absolute_html,
    feed_time,
    guid_of,
    plan_feeds,
    render_feed,
)
from loa.core.outputs.serving import precompressed
from loa.core.routing.routes import DEFAULT_CARD, card_of

__all__ = ["Outputs"]


@dataclass
class Outputs:
    """Feeds and cards of one build.

    Arguments:
        documents: Published documents.
        issuers: Registry of units.
        channels: Registry of channels.
        layout: Where the sources are (for cover images).
        site_url: Absolute site URL.
        site_name: The site's name, printed on cards.
        built: Build time.
        limit: Items per feed.
        amendments: Amendments among the documents, each announced by an item of its own.
    """

    documents: Mapping[str, Document]
    issuers: Mapping[str, Issuer]
    channels: Mapping[str, Channel]
    layout: Layout
    site_url: str
    site_name: str
    built: dt.datetime
    limit: int = 50
    amendments: Sequence[Amendment] = ()
    specs: list[FeedSpec] = field(init=False)
    _content: dict[str, bytes] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.site_url = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        topics = topics_by_id(self.documents.values())
        self.specs = plan_feeds(
            self.documents.values(),
            topics=topics,
            limit=self.limit,
            channels={k: c.name for k, c in self.channels.items()},
        )
        self.in_feeds = {d.src_uri for spec in self.specs for d in spec.documents}

    def capture(self, src_uri: str, html: str) -> None:
        """Keep the body HTML of a document that appears in a feed (compressed until the feeds are written)."""
        if src_uri in self.in_feeds:
            self._content[src_uri] = zlib.compress(html.encode("utf-8"), 1)

    def card_path(self, document: Document | None) -> str:
        """Site path of the share image of a page: the cover, the article's own card or the site's card."""
        if document is not None and document.kind == "article":
            if document.cover:
                return document.cover.src.lstrip("/")
            return card_of(document)
        return DEFAULT_CARD

    def open_graph(
        self, document: Document | None, *, title: str, description: str, page_url: str
    ) -> dict[str, str]:
        """The Open Graph and Twitter card values of a page (escaped by the template)."""
        image = self.card_path(document)
        values = {
            "og:type": "article"
            if document is not None and document.kind in ("article", "plan")
            else "website",
            "og:title": (document.short_title if document and document.short_title else title)[:150],
            "og:description": description[:300],
            "og:url": urljoin(self.site_url, page_url),
            "og:site_name": self.site_name,
            "og:locale": "vi_VN",
            "og:image": urljoin(self.site_url, image),
            "og:image:alt": document.cover.alt if document and document.cover else title[:150],
        }
        if document is None or not (document.kind == "article" and document.cover):
            values |= {"og:image:width": str(CARD_SIZE[0]), "og:image:height": str(CARD_SIZE[1])}
        published = feed_time(document) if document else None
        if published:
            values["article:published_time"] = published.isoformat()
            values["article:modified_time"] = (document.updated or published).isoformat() if document else ""
        values |= {
            "twitter:card": "summary_large_image",
            "twitter:title": values["og:title"],
            "twitter:description": values["og:description"],
            "twitter:image": values["og:image"],
        }
        return values

    def write(self, writer: SiteWriter) -> None:
        """Write the cards and the feeds into the built site."""
        site_dir = writer.site
        cards = {DEFAULT_CARD: render_card(self.site_name, kicker="Trang thông tin", site_name=self.site_url)}
        for document in self.documents.values():
            if document.kind == "article" and not document.cover:
                kicker = CATEGORY_NAMES.get(document.category or "", "Tin bài")
                cards[self.card_path(document)] = render_card(
                    document.short_title or document.title, kicker=kicker, site_name=self.site_name
                )
        for path, data in sorted(cards.items()):
            writer.write_bytes(path, data)
        # A document in several feeds (all, its channels, topics, type) is made into an item once.
        unique = {d.src_uri: d for spec in self.specs for d in spec.documents}
        items_by_document = {src_uri: self._item(d, site_dir) for src_uri, d in unique.items()}
        # An amendment is news about the amended document too: an item of its own in the amending one's feeds.
        amended: dict[str, list[FeedItem]] = {}
        for amendment in self.amendments:
            item = amendment_item(amendment, self.site_url)
            if item is not None:
                amended.setdefault(amendment.source.src_uri, []).append(item)
        for spec in self.specs:
            items = [items_by_document[document.src_uri] for document in spec.documents]
            extra = [item for document in spec.documents for item in amended.get(document.src_uri, ())]
            if extra:
                items = sorted(items + extra, key=lambda item: item.published, reverse=True)[: self.limit]
            for fmt in FEED_FORMATS:
                data = render_feed(spec, items, fmt=fmt, site_url=self.site_url, built=self.built)
                writer.write_bytes(f"{spec.path}.{fmt}", data)
                # Feeds are the most requested files after pages (every fanpage polls them): compressed once here.
                writer.write_bytes(f"{spec.path}.{fmt}.gz", precompressed(data))

    def _item(self, document: Document, site_dir: Path) -> FeedItem:
        url = urljoin(self.site_url, document.url)
        html = self._content.get(document.src_uri)
        published = feed_time(document) or self.built
        authors = [
            self.issuers[u].name for u in (document.author, document.issuer) if u and u in self.issuers
        ]
        categories = [CATEGORY_NAMES.get(document.category or "", "")] if document.category else []
        if document.doc_type:
            categories.append(document.doc_type.name)
        return FeedItem(
            guid=guid_of(document, self.site_url),
            url=url,
            title=document.full_title,
            summary=document.summary or document.description or document.full_title,
            content=absolute_html(zlib.decompress(html).decode("utf-8"), url) if html else None,
            published=published,
            updated=document.updated or published,
            authors=tuple(authors),
            categories=tuple(c for c in categories if c),
            image=self._enclosure(document, site_dir),
        )

    def _enclosure(self, document: Document, site_dir: Path) -> Enclosure:
        path = self.card_path(document)
        source = cover_path(document, self.layout) if document.cover else site_dir / path
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return Enclosure(urljoin(self.site_url, path), source.stat().st_size, mime)
