"""The route table: the one module that knows the site's addresses.

Every page and output of a build has its place here: documents (their own ``url``), listings and their later
pages, unit pages, calendar pages by year, feeds (and their ``.gz``), calendars (``.ics``), the search index,
revision pages, sharing cards, standalone copies, redirects, the pages of cited registry entries, the feeds page
and the search page. Other modules ask for an address here instead of formatting one
(`tests/unit/test_routes.py` checks that no other core module spells these roots).

A "source path" (``src_uri``) is the virtual Markdown path a page is rendered from, e.g.
``danh-muc/nam/2022/index.md``; its URL is directory-style (``danh-muc/nam/2022/``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from loa.core.model.document import Document, url_of

__all__ = [
    "AGENDA_ROOT",
    "ARTICLES_PAGE",
    "ARTICLES_URL",
    "ASSETS_ROOT",
    "CALENDAR_PAGE",
    "CALENDAR_ROOT",
    "CARDS_ROOT",
    "DEFAULT_CARD",
    "EXTERNAL_ROOT",
    "FEEDS_HOME",
    "FEEDS_PAGE",
    "FEED_ROOT",
    "HOME_PAGE",
    "LISTINGS_PAGE",
    "LISTING_ROOT",
    "RESERVED_ROOTS",
    "REVISIONS_DIR",
    "SEARCH_PAGE",
    "SEARCH_ROOT",
    "UNDATED",
    "UNITS_PAGE",
    "Route",
    "RouteTable",
    "all_calendar",
    "all_feed",
    "article_listing_bases",
    "calendar_year_page",
    "card_of",
    "channel_base",
    "external_page",
    "external_url",
    "feed_of",
    "generated_pages",
    "later_page",
    "listing_page",
    "month_base",
    "page_of",
    "plan_listing_keys",
    "revision_url",
    "standalone_name",
    "topic_base",
    "unit_calendar",
    "unit_page",
    "unit_url",
]

HOME_PAGE = "index.md"
"""Virtual source path of the home page (the newest documents are shown under its text)."""
LISTING_ROOT = "danh-muc"
"""Listings of official documents: ``danh-muc/`` the overview, ``danh-muc/<family>/<key>/`` each listing."""
LISTINGS_PAGE = f"{LISTING_ROOT}/index.md"
ARTICLES_ROOT = "tin-bai"
ARTICLES_URL = f"{ARTICLES_ROOT}/"
ARTICLES_PAGE = f"{ARTICLES_URL}index.md"
CHANNELS_ROOT = "kenh"
MONTHS_ROOT = "luu-tru"
TOPICS_ROOT = "chuyen-de"
UNDATED = "khong-ro-nam"
"""The year key of documents without a date."""
FEEDS_PAGE = "nguon-tin/index.md"
"""Virtual source path of the page that lists the feeds."""
SEARCH_PAGE = "tim-kiem/index.md"
"""Virtual source path of the search page."""
AGENDA_ROOT = "don-vi"
"""Unit pages: ``don-vi/`` lists the units, ``don-vi/<unit id>/`` each unit's tasks."""
UNITS_PAGE = f"{AGENDA_ROOT}/index.md"
CALENDAR_ROOT = "lich"
"""The calendar page and the iCalendar files (``lich/tat-ca.ics``, ``lich/<unit id>.ics``)."""
CALENDAR_PAGE = f"{CALENDAR_ROOT}/index.md"
FEED_ROOT = "feeds"
FEEDS_HOME = f"{FEED_ROOT}/"
SEARCH_ROOT = "search"
"""The folder of the search index shards."""
EXTERNAL_ROOT = "tham-chieu"
"""Pages of cited registry entries: ``tham-chieu/<id>/``."""
ASSETS_ROOT = "assets/loa"
"""Loa's own scripts and styles."""
CARDS_ROOT = "assets/cards"
DEFAULT_CARD = f"{CARDS_ROOT}/trang.png"
REVISIONS_DIR = "phien-ban"
"""Revision pages live under the document's own address: ``<document url>phien-ban/<commit>/``."""
RESERVED_ROOTS = frozenset(
    {
        "assets",
        SEARCH_ROOT,
        FEED_ROOT,
        ".nginx",  # the theme's and Loa's files, the search index, the feeds, nginx
        LISTING_ROOT,
        FEEDS_PAGE.split("/")[0],
        SEARCH_PAGE.split("/")[0],
        EXTERNAL_ROOT,
        AGENDA_ROOT,
        CALENDAR_ROOT,  # pages Loa generates
    }
)
"""First folders of the site that belong to the theme or Loa."""


def page_of(base: str) -> str:
    """The source path of the page at folder ``base`` (``a/b/`` → ``a/b/index.md``)."""
    return base + "index.md"


def later_page(base: str, number: int) -> str:
    """The source path of page ``number`` (from 2) of the listing at ``base``."""
    return base + f"trang-{number}/index.md"


def listing_page(family: str, key: str) -> str:
    """The folder of the listing of official documents ``key`` of ``family`` (``nam``, ``loai``, ``co-quan``)."""
    return f"{LISTING_ROOT}/{family}/{key}/"


def channel_base(channel: str) -> str:
    """The folder of a channel's listing of articles."""
    return f"{CHANNELS_ROOT}/{channel}/"


def month_base(month: str) -> str:
    """The folder of the articles of ``month`` (``2022/05``)."""
    return f"{MONTHS_ROOT}/{month}/"


def topic_base(topic: str) -> str:
    """The folder of a topic's later listing pages (its first page is the topic document itself)."""
    return f"{TOPICS_ROOT}/{topic}/"


def plan_listing_keys(document: Document) -> list[tuple[str, str]]:
    """The (family, key) of every listing an official document belongs to: its year, type and issuer."""
    keys = [("nam", str(document.date.year) if document.date else UNDATED)]
    if document.doc_type:
        keys.append(("loai", document.doc_type.slug))
    if document.issuer:
        keys.append(("co-quan", document.issuer))
    return keys


def article_listing_bases(document: Document) -> list[str]:
    """The folders of the article listings a published article belongs to: its channels and its month."""
    if document.kind != "article" or document.publish_at is None:
        return []
    return [channel_base(c) for c in document.channels] + [month_base(f"{document.publish_at:%Y/%m}")]


def unit_page(unit: str) -> str:
    """The source path of a unit's page of tasks."""
    return f"{AGENDA_ROOT}/{unit}/index.md"


def unit_url(unit: str) -> str:
    """The URL of a unit's page of tasks."""
    return f"{AGENDA_ROOT}/{unit}/"


def calendar_year_page(year: int) -> str:
    """The source path of the calendar page of ``year``."""
    return f"{CALENDAR_ROOT}/{year}/index.md"


def all_calendar() -> str:
    """The iCalendar file of every unit's deadlines."""
    return f"{CALENDAR_ROOT}/tat-ca.ics"


def unit_calendar(unit: str) -> str:
    """The iCalendar file of one unit's deadlines."""
    return f"{CALENDAR_ROOT}/{unit}.ics"


def all_feed() -> str:
    """The path, without format suffix, of the feed of everything."""
    return f"{FEED_ROOT}/tat-ca"


def feed_of(family: str, key: str) -> str:
    """The path, without format suffix, of a feed of ``family`` (``kenh``, ``chuyen-de``, ``loai``)."""
    return f"{FEED_ROOT}/{family}/{key}"


def external_page(key: str) -> str:
    """The source path of the page of registry entry ``key`` (its id, without ``ext:``)."""
    return f"{EXTERNAL_ROOT}/{key}/index.md"


def external_url(key: str) -> str:
    """The URL of the page of registry entry ``key``."""
    return f"{EXTERNAL_ROOT}/{key}/"


def card_of(document: Document) -> str:
    """The site path of the generated sharing card of an article without a cover."""
    return f"{CARDS_ROOT}/{PurePosixPath(document.src_uri).with_suffix('').as_posix().replace('/', '-')}.png"


def standalone_name(document: Document) -> str:
    """The document saved as one file, in its page's folder: ``plans/2021/x/`` → ``x.html``."""
    return PurePosixPath(document.src_uri).stem + ".html"


def revision_url(page_url: str, short: str) -> str:
    """The page of revision ``short`` of the document at ``page_url``."""
    return f"{page_url}{REVISIONS_DIR}/{short}/"


def generated_pages(
    documents: Iterable[Document], *, topics: Mapping[str, Document], external_ids: Iterable[str]
) -> frozenset[str]:
    """Virtual source paths of the pages a build generates from ``documents``, later pages of listings aside.

    Arguments:
        documents: Every document that a build may show.
        topics: Topic pages by id (a topic's listing starts on the topic page itself).
        external_ids: Ids of the registry entries, which get a page when a document cites them.
    """
    pages = {ARTICLES_PAGE, FEEDS_PAGE, SEARCH_PAGE}
    for document in documents:
        if document.kind == "plan":
            pages.add(LISTINGS_PAGE)
            pages.update(page_of(listing_page(family, key)) for family, key in plan_listing_keys(document))
        if document.kind in ("article", "plan") and document.publish_at:
            pages.update(page_of(base) for base in article_listing_bases(document))
            pages.update(topics[t].src_uri for t in document.topics if t in topics)
    pages.update(external_page(key) for key in external_ids)
    return frozenset(pages)


@dataclass(frozen=True)
class Route:
    """One page of the site: its source path, its URL, what kind of page it is and its title."""

    src_uri: str
    url: str
    kind: str
    title: str | None = None


class RouteTable:
    """Every page of one build, by source path, in the order they were laid out."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}

    def add(self, src_uri: str, kind: str, title: str | None = None) -> Route:
        """Lay out a page (the first kind given to a source path wins: a topic is its own first listing)."""
        route = self._routes.get(src_uri)
        if route is None:
            route = self._routes[src_uri] = Route(src_uri, url_of(src_uri), kind, title)
        return route

    def get(self, src_uri: str) -> Route | None:
        """The page at ``src_uri``, or None."""
        return self._routes.get(src_uri)

    def kind(self, src_uri: str) -> str | None:
        """The kind of the page at ``src_uri``, or None when the build has no such page."""
        route = self._routes.get(src_uri)
        return route.kind if route else None

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self._routes

    def __iter__(self) -> Iterator[Route]:
        return iter(self._routes.values())

    def __len__(self) -> int:
        return len(self._routes)

    def of_kind(self, *kinds: str) -> list[Route]:
        """The pages of the given kinds, in layout order."""
        return [r for r in self._routes.values() if r.kind in kinds]
