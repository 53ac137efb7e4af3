"""Page kinds as data: for each kind of page on the route table, how it is titled and how it is rendered.

A document's page takes its title from the document (`SitePlan.meta`); a generated page takes it from its kind.
``wraps`` says whether Loa writes the page's heading itself (the theme then adds none).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from loa.core.routing.routes import ARTICLES_PAGE, ARTICLES_URL, standalone_name

if TYPE_CHECKING:
    from loa.core.site.plan import SitePlan

__all__ = ["KINDS", "PageKind", "Rendering"]


@dataclass(frozen=True)
class Rendering:
    """One page being rendered: its source path, its URL, the body HTML and the plan's linked title."""

    src_uri: str
    url: str
    html: str
    title: str | None


@dataclass(frozen=True)
class PageKind:
    """How one kind of page is titled (None: by its document) and rendered (None: the body as it is)."""

    wraps: bool
    title: Callable[[SitePlan, str], str | None] | None = None
    render: Callable[[SitePlan, Rendering], str | None] | None = None


def _plan(site: SitePlan, page: Rendering) -> str:
    document = site.documents[page.src_uri]
    return site.renderer.plan(
        document, page.html, page.url, graph=site.graph, title=page.title, download=standalone_name(document)
    )


def _article(site: SitePlan, page: Rendering) -> str:
    document = site.documents[page.src_uri]
    return site.renderer.article(
        document, page.html, page.url, graph=site.graph, download=standalone_name(document)
    )


def _topic(site: SitePlan, page: Rendering) -> str:
    document = site.documents[page.src_uri]
    return site.renderer.topic(document, page.html, page.url, site.listings.get(page.src_uri))


def _home(site: SitePlan, page: Rendering) -> str:
    articles = site.listings.get(ARTICLES_PAGE)
    count = site.options.latest_count
    newest = articles.documents[:count] if articles else ()
    return page.html + site.renderer.latest(site.latest, page.url, site.overview_url, newest, upcoming=count)


def _listing(site: SitePlan, page: Rendering) -> str:
    listing = site.listings[page.src_uri]
    groups = site.groups if listing.url == site.overview_url else ()
    if listing.url == ARTICLES_URL:
        groups = site.article_groups
    return site.renderer.listing(listing, page.url, groups)


def _external_title(site: SitePlan, src_uri: str) -> str | None:
    return site.graph.targets[site.external_pages[src_uri]].label if site.graph else None


def _external(site: SitePlan, page: Rendering) -> str | None:
    if site.graph is None:
        return None
    return site.renderer.external(site.graph, site.external_pages[page.src_uri], page.url)


KINDS: dict[str, PageKind] = {
    # Documents
    "plan": PageKind(wraps=True, render=_plan),
    "article": PageKind(wraps=True, render=_article),
    "topic": PageKind(wraps=True, render=_topic),
    "home": PageKind(wraps=False, render=_home),
    "page": PageKind(wraps=False),
    "index": PageKind(wraps=False),
    # Generated pages
    "listing": PageKind(True, lambda site, src_uri: site.listings[src_uri].title, _listing),
    "feeds-page": PageKind(
        True,
        lambda site, _: "Nguồn tin RSS, Atom, JSON",
        lambda site, page: site.renderer.feeds(site.specs, page.url),
    ),
    "search-page": PageKind(
        True, lambda site, _: "Tìm kiếm văn bản", lambda site, page: site.renderer.search(page.url)
    ),
    "external": PageKind(True, _external_title, _external),
    "agenda": PageKind(
        True,
        lambda site, src_uri: site.agenda.title(src_uri),
        lambda site, page: site.agenda.render(page.src_uri, site.renderer, page.url),
    ),
}
"""Every kind of page, by the name the route table gives it."""
