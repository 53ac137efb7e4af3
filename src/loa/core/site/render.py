"""Rendering of Loa's HTML fragments through the theme's Jinja environment.

Fragments live in ``loa/templates/fragments/loa/`` and can be overridden by the project's ``theme/fragments/loa/``.
They render in an overlay of the theme's environment with autoescaping on, because MkDocs' own has it off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import Environment

from loa.core.base.dates import vietnamese_date, vietnamese_datetime
from loa.core.base.relative_url import relative_url
from loa.core.history.revisions import DocumentHistory
from loa.core.loading.catalog import topics_by_id
from loa.core.model.document import CATEGORY_NAMES, TIMEZONE, Document
from loa.core.model.registry import Channel, Issuer
from loa.core.model.tasks import format_amount
from loa.core.outputs.agenda import Agenda, CalendarYear, UnitTasks
from loa.core.outputs.amendments import Amendment, amendments_by_document
from loa.core.outputs.closing import mark_closing
from loa.core.outputs.feeds import FeedSpec
from loa.core.outputs.listing import Listing, ListingGroup
from loa.core.outputs.outline import outline
from loa.core.references.xref import ReferenceGraph

__all__ = ["Renderer"]


class Renderer:
    """Renders the plan page, listing pages and the home page's latest documents."""

    def __init__(
        self,
        env: Environment,
        issuers: Mapping[str, Issuer],
        documents: Mapping[str, Document],
        channels: Mapping[str, Channel],
        amendments: Sequence[Amendment] = (),
        agenda: Agenda | None = None,
        today: dt.date | None = None,
        edition: str = "public",
    ) -> None:
        self.env = env.overlay(autoescape=True)
        self.issuers = issuers
        self.documents = documents
        self.topics = topics_by_id(documents.values())
        self.by_path = {d.path: d for d in documents.values()}
        self.channels = channels
        self.amended_by, self.amending = amendments_by_document(amendments)
        self.agenda = agenda or Agenda()
        self.today = today or dt.datetime.now(TIMEZONE).date()
        self.edition = edition

    def _render(self, name: str, page_url: str, **context: Any) -> str:
        template = self.env.get_template(f"fragments/loa/{name}")
        return template.render(
            link=lambda url: relative_url(url or "", page_url or ""),
            issuers=self.issuers,
            format_datetime=vietnamese_datetime,
            format_day=vietnamese_date,
            format_amount=format_amount,
            today=self.today,
            issuer_name=lambda issuer_id: self.issuers[issuer_id].name if issuer_id in self.issuers else "",
            topics=self.topics,
            categories=CATEGORY_NAMES,
            edition=self.edition,
            **context,
        )

    def plan(
        self,
        document: Document,
        body_html: str,
        page_url: str,
        graph: ReferenceGraph | None = None,
        title: str | None = None,
        download: str | None = None,
    ) -> str:
        """Return the HTML of an official document page: title, metadata card, the text as issued, relations.

        Arguments:
            document: The document.
            body_html: Its rendered body.
            page_url: URL of the page, for relative links.
            graph: References, for the relations sections.
            title: The title as HTML (with its citations linked); escaped from the document by default.
            download: File name of the document saved as one file, next to the page.
        """
        related = _related(graph, f"doc:{document.src_uri}", self.documents) if graph else None
        incoming = self.amended_by.get(document.src_uri, [])
        assignments = self.agenda.by_document.get(document.src_uri, ())
        tasks = self._render("tasks.html", page_url, assignments=assignments, budget=document.budget)
        return self._render(
            "plan.html",
            page_url,
            doc=document,
            body=mark_closing(body_html),
            contents=outline(body_html),
            title_html=title,
            tasks=tasks,
            has_tasks=bool(assignments),
            issuer=self.issuers.get(document.issuer or ""),
            related=related,
            download=download,
            amended_by=incoming,
            amends=self.amending.get(document.src_uri, []),
            replaced_by=[a.source for a in incoming if a.relation == "replaces"],
        )

    def article(
        self,
        document: Document,
        body_html: str,
        page_url: str,
        graph: ReferenceGraph | None,
        download: str | None = None,
    ) -> str:
        """Return the HTML of an article: title, its facts, the text, related plans and relations."""
        related_plans = [self.by_path[p] for p in document.related_plans if p in self.by_path]
        related = _related(graph, f"doc:{document.src_uri}", self.documents) if graph else None
        return self._render(
            "article.html",
            page_url,
            doc=document,
            body=body_html,
            related_plans=related_plans,
            related=related,
            channels=self.channels,
            download=download,
        )

    def topic(self, document: Document, intro_html: str, page_url: str, listing: Listing | None) -> str:
        """Return a topic (chuyên đề) page: its introduction, then its articles and plans, newest first."""
        return self._render("topic.html", page_url, doc=document, body=intro_html, listing=listing)

    def history(self, document: Document, history: DocumentHistory | None, page_url: str) -> str:
        """Return the page's last update and its list of public revisions (or that history is unavailable)."""
        return self._render("history.html", page_url, document=document, history=history)

    def watermark(self, reason: str) -> str:
        """Return the banner of a preview page whose document is not public."""
        return self._render("watermark.html", "", reason=reason)

    def feeds(self, specs: Sequence[FeedSpec], page_url: str) -> str:
        """Return the page that lists every feed, for the people who connect fanpages to the site."""
        return self._render("feeds.html", page_url, specs=specs)

    def standalone(
        self, *, title: str, url: str, content: str, site_name: str, built: dt.datetime, css: str
    ) -> str:
        """Return a document as one self-contained HTML file: styles inline, links to the portal."""
        return self._render(
            "standalone.html",
            "",
            title=title,
            url=url,
            content=content,
            site_name=site_name,
            built=built,
            css=css,
        )

    def search(self, page_url: str) -> str:
        """Return the search page: the box, the filters and the place for results, filled by loa-search.js."""
        return self._render("search.html", page_url)

    def external(self, graph: ReferenceGraph, key: str, page_url: str) -> str:
        """Return the page of a registry entry: what it is and which documents of the site cite it."""
        return self._render(
            "external.html", page_url, target=graph.targets[key], related=_related(graph, key, self.documents)
        )

    def listing(self, listing: Listing, page_url: str, groups: tuple[ListingGroup, ...] = ()) -> str:
        """Return the HTML of a generated listing page."""
        return self._render("listing.html", page_url, listing=listing, groups=groups)

    def latest(
        self,
        documents: tuple[Document, ...],
        page_url: str,
        overview_url: str | None,
        articles: Sequence[Document] = (),
        upcoming: int = 0,
    ) -> str:
        """Return the home page's lists of the newest documents and articles, and the next ``upcoming`` deadlines."""
        deadlines = (
            self._render("upcoming.html", page_url, upcoming=self.agenda.upcoming(self.today, upcoming))
            if upcoming and self.agenda.assignments
            else ""
        )
        return deadlines + self._render(
            "latest.html", page_url, documents=documents, overview_url=overview_url, articles=articles
        )

    def units(self, units: Sequence[UnitTasks], page_url: str) -> str:
        """Return the page listing the units that have tasks."""
        return self._render("units.html", page_url, units=units)

    def unit(self, tasks: UnitTasks, page_url: str) -> str:
        """Return a unit's page: its tasks across plans, by deadline."""
        return self._render("unit.html", page_url, tasks=tasks)

    def calendar(self, year: CalendarYear | None, years: Sequence[CalendarYear], page_url: str) -> str:
        """Return a year of the calendar of deadlines by quarter and month, or (``year`` None) its first page."""
        upcoming = self.agenda.upcoming(self.today, 20) if year is None else []
        return self._render("calendar.html", page_url, year=year, years=years, upcoming=upcoming)


def _related(graph: ReferenceGraph, key: str, documents: Mapping[str, Document]) -> dict[str, Any]:
    """What a page shows about a document's relations: cited, citing, unresolved, and its chain."""
    src_uri = key[4:] if key.startswith("doc:") else None
    outgoing = graph.outgoing.get(src_uri, ()) if src_uri else ()
    unresolved: dict[str, Any] = {}
    for reference in outgoing:
        if reference.target is None:
            unresolved.setdefault(reference.citation.as_written, reference)
    citing = [
        (documents[source], relation) for source, relation in graph.citing_sources(key) if source in documents
    ]
    return {
        "cited": graph.cited_targets(src_uri) if src_uri else [],
        "citing": citing,
        "unresolved": list(unresolved.values()),
        "chain": graph.chain(key) if key in graph.targets else [],
        "children": [doc for doc, relation in citing if relation == "implements"],
    }
