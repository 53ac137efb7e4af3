"""Generated index pages: documents by year, by type and by issuer, paginated; and the latest documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from loa.core.base.dates import format_month
from loa.core.model.document import DOC_TYPES, Document, url_of
from loa.core.model.registry import Issuer
from loa.core.routing.routes import (
    ARTICLES_URL,
    LISTINGS_PAGE,
    UNDATED,
    channel_base,
    later_page,
    listing_page,
    month_base,
    page_of,
    plan_listing_keys,
    topic_base,
)

__all__ = [
    "Listing",
    "ListingGroup",
    "build_article_listings",
    "build_listings",
    "describe",
    "latest_documents",
]


@dataclass(frozen=True)
class Listing:
    """One generated page of a listing.

    Attributes:
        src_uri: Virtual source path, e.g. ``danh-muc/nam/2022/index.md``.
        title: Vietnamese page title.
        documents: The documents on this page, newest first.
        number: Page number, from 1.
        pages: Virtual source paths of every page of this listing, in order.
        total: Number of documents in the whole listing.
    """

    src_uri: str
    title: str
    documents: tuple[Document, ...]
    number: int = 1
    pages: tuple[str, ...] = ()
    total: int = 0

    @property
    def url(self) -> str:
        """The page URL relative to the site root."""
        return url_of(self.src_uri)

    @property
    def page_urls(self) -> tuple[str, ...]:
        """URLs of every page of this listing, in order."""
        return tuple(url_of(uri) for uri in self.pages)


@dataclass(frozen=True)
class ListingGroup:
    """A family of listings shown on the overview page, e.g. "Theo năm"."""

    title: str
    entries: tuple[tuple[str, str, int], ...]
    """(label, first page URL, document count) for each listing of the family."""


def describe(document: Document, issuers: Mapping[str, Issuer], *, limit: int = 300) -> str:
    """Return a one-line description: the document's own, or its type, number, issuer and date."""
    if document.description:
        return document.description
    issuer = issuers.get(document.issuer or "")
    parts = [document.full_title]
    if document.number:
        parts.append(f"Số {document.number}")
    if issuer:
        parts.append(issuer.name)
    if document.date:
        parts.append(document.date.vietnamese())
    text = ". ".join(parts)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def latest_documents(documents: Iterable[Document], count: int) -> tuple[Document, ...]:
    """Return the ``count`` newest official documents."""
    plans = [d for d in documents if d.kind == "plan"]
    return tuple(sorted(plans, key=lambda d: d.sort_key, reverse=True)[:count])


def build_listings(
    documents: Iterable[Document], issuers: Mapping[str, Issuer], *, page_size: int = 50
) -> tuple[Listing | None, tuple[Listing, ...], tuple[ListingGroup, ...]]:
    """Group the published official documents into listing pages.

    Arguments:
        documents: Documents that may be shown (already filtered by the publication rules).
        issuers: Registry of issuing bodies, for names.
        page_size: Documents per page.

    Returns:
        The overview page (None when there is no document), every listing page, and the groups for the overview.
    """
    plans = sorted((d for d in documents if d.kind == "plan"), key=lambda d: d.sort_key, reverse=True)
    by_year: dict[str, list[Document]] = defaultdict(list)
    by_type: dict[str, list[Document]] = defaultdict(list)
    by_issuer: dict[str, list[Document]] = defaultdict(list)
    families_of = {"nam": by_year, "loai": by_type, "co-quan": by_issuer}
    for document in plans:
        for family, key in plan_listing_keys(document):
            families_of[family][key].append(document)
    type_names = {t.slug: t.name for t in DOC_TYPES}
    type_order = [t.slug for t in DOC_TYPES]
    families: tuple[
        tuple[str, str, list[tuple[str, list[Document]]], Callable[[str], str], Callable[[str], str]], ...
    ] = (
        (
            "Theo năm",
            "nam",
            sorted(by_year.items(), key=lambda kv: (kv[0] != UNDATED, kv[0]), reverse=True),
            lambda key: "Không rõ năm" if key == UNDATED else f"Năm {key}",
            lambda key: "Văn bản không rõ năm ban hành" if key == UNDATED else f"Văn bản năm {key}",
        ),
        (
            "Theo thể loại",
            "loai",
            sorted(by_type.items(), key=lambda kv: type_order.index(kv[0])),
            lambda key: type_names[key],
            lambda key: type_names[key],
        ),
        (
            "Theo cơ quan ban hành",
            "co-quan",
            sorted(by_issuer.items(), key=lambda kv: issuers[kv[0]].name),
            lambda key: issuers[key].name,
            lambda key: f"Văn bản của {issuers[key].name}",
        ),
    )
    listings: list[Listing] = []
    groups: list[ListingGroup] = []
    for family_title, segment, items, label_of, title_of in families:
        entries = []
        for key, docs in items:
            pages = _paginate(listing_page(segment, key), title_of(key), docs, page_size)
            listings.extend(pages)
            entries.append((label_of(key), pages[0].url, len(docs)))
        groups.append(ListingGroup(family_title, tuple(entries)))
    overview = None
    if plans:
        overview = Listing(
            LISTINGS_PAGE,
            "Danh mục văn bản",
            tuple(plans[:page_size]),
            pages=(LISTINGS_PAGE,),
            total=len(plans),
        )
    return overview, tuple(listings), tuple(groups)


def build_article_listings(
    documents: Iterable[Document],
    *,
    topics: Mapping[str, Document],
    channel_names: Mapping[str, str],
    page_size: int = 20,
) -> tuple[tuple[Listing, ...], tuple[ListingGroup, ...]]:
    """Listings of articles: all, per channel, per month; and per topic, whose first page is the topic page.

    Arguments:
        documents: Published documents; a topic's listing also holds the plans of that topic.
        topics: Topic pages by id.
        channel_names: Channel names by id.
        page_size: Documents per page.

    Returns:
        Every listing page, and the groups shown on the articles' overview (channels, months).
    """
    chosen = [d for d in documents if d.kind in ("article", "plan") and d.publish_at]
    chosen.sort(key=lambda d: (d.publish_at, d.path), reverse=True)
    articles = [d for d in chosen if d.kind == "article"]
    listings = _paginate(ARTICLES_URL, "Tin bài", articles, page_size)
    by_channel: dict[str, list[Document]] = defaultdict(list)
    by_month: dict[str, list[Document]] = defaultdict(list)
    by_topic: dict[str, list[Document]] = defaultdict(list)
    for document in chosen:
        for topic in document.topics:
            if topic in topics:
                by_topic[topic].append(document)
        if document.kind != "article" or document.publish_at is None:
            continue
        for channel in document.channels:
            by_channel[channel].append(document)
        by_month[f"{document.publish_at:%Y/%m}"].append(document)
    channel_entries, month_entries = [], []
    for channel, members in sorted(by_channel.items()):
        name = channel_names.get(channel, channel)
        pages = _paginate(channel_base(channel), f"Kênh {name}", members, page_size)
        listings += pages
        channel_entries.append((name, pages[0].url, len(members)))
    for month, members in sorted(by_month.items(), reverse=True):
        year, number = month.split("/")
        pages = _paginate(
            month_base(month), f"Tin bài {format_month(int(year), int(number))}", members, page_size
        )
        listings += pages
        month_entries.append((format_month(int(year), int(number), capital=True), pages[0].url, len(members)))
    for topic, members in sorted(by_topic.items()):
        page = topics[topic]
        listings += _paginate(topic_base(topic), page.title, members, page_size, first=page.src_uri)
    groups = (
        ListingGroup("Theo kênh", tuple(channel_entries)),
        ListingGroup("Theo tháng", tuple(month_entries)),
    )
    return tuple(listings), groups


def _paginate(
    base: str, title: str, documents: list[Document], page_size: int, *, first: str | None = None
) -> list[Listing]:
    chunks = [documents[i : i + page_size] for i in range(0, len(documents), page_size)] or [[]]
    uris = tuple((first or page_of(base)) if i == 0 else later_page(base, i + 1) for i in range(len(chunks)))
    return [
        Listing(
            uri, title if i == 0 else f"{title} (trang {i + 1})", tuple(chunk), i + 1, uris, len(documents)
        )
        for i, (uri, chunk) in enumerate(zip(uris, chunks, strict=False))
    ]
