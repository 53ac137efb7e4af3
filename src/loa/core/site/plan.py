"""The site plan: the whole build of a Loa site, in the order it happens.

1. `SitePlan.load`: load and validate the sources (`load_catalog`: any error stops here, the old site stays),
   select what the edition publishes at the build time, resolve the references between published documents,
   and lay out every page and output on the route table (`loa.core.routing.routes`): documents, attachments,
   listings, unit and calendar pages, the feeds and search pages, the pages of cited registry entries. The
   search index starts building in a second process.
2. `SitePlan.start`: the renderer (Loa's Jinja fragments in the host's environment) and the history process,
   which writes the revision pages in a second process while the pages render.
3. For each page, as the host renders it: its source (`source`), its title and sharing data (`meta`), its body
   cleaned and cited documents linked (`content`, kept compressed until the page is written: the host renders
   every page before writing any), a placeholder the theme lays out (`placeholder`), then the body rendered by
   its page kind (`loa.core.site.kinds`) spliced into the theme's page (`page`), the standalone copy written
   and the page's inline scripts hashed for the CSP.
4. `SitePlan.finish`: search index, cards and feeds, calendars, revision pages, redirects, nginx includes (CSP
   last, from the pages as written), and the leak check: no withheld document may have a page.

Everything Loa itself writes goes through one `SiteWriter`; the host writes the theme's pages.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from loa.core.base.relative_url import relative_url
from loa.core.base.writer import SiteWriter
from loa.core.history.history_process import HistoryError, HistoryProcess
from loa.core.history.revision_pages import PageOptions
from loa.core.loading.attachments import published_attachments
from loa.core.loading.catalog import Catalog, load_catalog, topics_by_id
from loa.core.model.document import Document
from loa.core.outputs.amendments import Amendment, find_amendments
from loa.core.outputs.feeds import FeedSpec
from loa.core.outputs.listing import (
    Listing,
    ListingGroup,
    build_article_listings,
    build_listings,
    describe,
    latest_documents,
)
from loa.core.outputs.search import search_entries
from loa.core.outputs.search_process import SearchIndexError, SearchIndexProcess
from loa.core.outputs.serving import script_hashes, write_nginx_includes
from loa.core.references.linking import CitationLinker
from loa.core.references.xref import Reference, ReferenceGraph, build_reference_graph
from loa.core.routing.redirects import nginx_redirects, redirect_map, write_redirect_pages
from loa.core.routing.routes import (
    ASSETS_ROOT,
    FEEDS_PAGE,
    HOME_PAGE,
    SEARCH_PAGE,
    SEARCH_ROOT,
    RouteTable,
    external_page,
)
from loa.core.safety.frontmatter import read_body
from loa.core.safety.sanitize import sanitize_body
from loa.core.selection.publication import find_leaked_pages, preview_watermark, select_published
from loa.core.site.agenda import AgendaPages
from loa.core.site.history import history_enabled, start_history
from loa.core.site.kinds import KINDS, PageKind, Rendering
from loa.core.site.options import ASSETS, DOCUMENT_STYLESHEETS, STATIC, BuildOptions, Log, SiteError
from loa.core.site.outputs import Outputs
from loa.core.site.render import Renderer
from loa.core.site.reporting import report_catalog, report_xref
from loa.core.site.standalone import write_standalone

__all__ = ["SitePlan"]

_PAGE_OPEN, _PAGE_CLOSE = "<!--loa:page-->", "<!--/loa:page-->"
_PLAIN = PageKind(wraps=False)


class SitePlan:
    """One build of the site, from the sources to the written files (see the module's docstring)."""

    catalog: Catalog
    published: tuple[Document, ...]
    withheld: tuple[Document, ...]
    groups: tuple[ListingGroup, ...]
    article_groups: tuple[ListingGroup, ...]
    overview_url: str | None
    latest: tuple[Document, ...]
    amendments: tuple[Amendment, ...]
    outputs: Outputs
    specs: list[FeedSpec]
    agenda: AgendaPages
    renderer: Renderer

    def __init__(self, options: BuildOptions, log: Log) -> None:
        self.options, self.log = options, log
        self.writer = SiteWriter(options.site_dir)
        self.routes = RouteTable()
        self.files: list[tuple[str, Path | None]] = []
        """Every source the host renders or copies, in order: (source path, file on disk or None)."""
        self.documents: dict[str, Document] = {}
        self.listings: dict[str, Listing] = {}
        self.external_pages: dict[str, str] = {}
        self.graph: ReferenceGraph | None = None
        self.search: SearchIndexProcess | None = None
        self.revisions: HistoryProcess | None = None
        self.script_hashes: set[str] = set()  # of the inline scripts in the pages written, for the CSP
        self._parked: dict[str, tuple[bytes, str | None]] = {}
        self._writing: dict[str, str] = {}

    # 1. Load, select, resolve, lay out.
    def load(self) -> None:
        """Load and validate the sources, select the published, resolve references, lay out the site."""
        o = self.options
        catalog = load_catalog(o.layout)
        report_catalog(self.log, catalog)
        published = select_published(catalog.documents, at=o.build_time, target=o.target)
        if o.xref:  # only published documents take part: a withheld one is neither a target nor a backlink
            self.graph = build_reference_graph(
                published, catalog.external, catalog.issuers, bodies={d.src_uri: d.body for d in published}
            )
            report_xref(self.log, self.graph, o.xref_levels)
        attachments = published_attachments(catalog.assets, published)
        # From here on no body stays in memory: the host reads each one when it renders the page.
        published = tuple(d.without_body() for d in published)
        shown = {d.src_uri for d in published}
        self.withheld = tuple(d.without_body() for d in catalog.documents if d.src_uri not in shown)
        self.catalog, self.published = replace(catalog, documents=()), published
        self.documents = {d.src_uri: d for d in published}
        for document in published:
            source = Path(document.source_path) if document.source_path is not None else None
            title = document.full_title if document.title else None
            self._lay_out(document.src_uri, self._document_kind(document), source, title)
        # Only what a published document points at: a file that withheld documents alone use would reveal them.
        self.files += [(src_uri, path) for path, src_uri in attachments]
        overview, listings, self.groups = build_listings(published, catalog.issuers, page_size=o.page_size)
        article_listings, self.article_groups = build_article_listings(
            published,
            topics=topics_by_id(published),
            channel_names={k: c.name for k, c in catalog.channels.items()},
            page_size=o.page_size,
        )
        self.listings = {
            x.src_uri: x for x in (*listings, *([overview] if overview else []), *article_listings)
        }
        self.overview_url = overview.url if overview else None
        for src_uri in self.listings:  # a topic's first listing page is the topic page itself
            self._lay_out(src_uri, "listing")
        self.amendments = find_amendments(published)
        self.outputs = Outputs(
            self.documents,
            catalog.issuers,
            catalog.channels,
            o.layout,
            o.site_url,
            o.site_name,
            o.build_time,
            limit=o.feed_items,
            amendments=self.amendments,
        )
        self.specs = self.outputs.specs
        self.agenda = AgendaPages(published, catalog.issuers)
        for src_uri in self.agenda.pages:
            self._lay_out(src_uri, "agenda")
        self._lay_out(FEEDS_PAGE, "feeds-page")
        self._lay_out(SEARCH_PAGE, "search-page")
        self.files += [(f"{ASSETS_ROOT}/{name}", STATIC / name) for name in ASSETS]
        # Indexing runs in a second process, on another core than the host's rendering.
        self.search = SearchIndexProcess(
            o.site_dir / SEARCH_ROOT, search_entries(published, catalog.issuers, self.graph)
        )
        self.latest = latest_documents(published, o.latest_count)
        if self.graph is not None:
            keys = [key for key in self.graph.incoming if not key.startswith("doc:")]
            self.external_pages = {external_page(key[4:]): key for key in keys}
            for src_uri in self.external_pages:
                self._lay_out(src_uri, "external")

    def _document_kind(self, document: Document) -> str:
        if document.src_uri == HOME_PAGE and document.kind not in ("plan", "article", "topic"):
            return "home"
        return document.kind

    def _lay_out(self, src_uri: str, kind: str, source: Path | None = None, title: str | None = None) -> None:
        """Put a page on the route table, titled by its document (``title``) or by its kind."""
        if src_uri in self.routes:  # a topic is its own first listing page
            return
        titled = KINDS.get(kind, _PLAIN).title
        self.files.append((src_uri, source))
        self.routes.add(src_uri, kind, title if titled is None else titled(self, src_uri))

    # 2. Renderer and history.
    def start(
        self,
        env: Environment,
        *,
        urls: Mapping[str, str],
        extensions: Sequence[str],
        mdx_configs: Mapping[str, Any],
    ) -> None:
        """Set up rendering in the host's Jinja environment; start the history (``urls``: every file's URL)."""
        o = self.options
        self.renderer = Renderer(
            env,
            self.catalog.issuers,
            self.documents,
            self.catalog.channels,
            self.amendments,
            self.agenda.agenda,
            o.build_time.date(),
            o.target,
        )
        if history_enabled(o.history):
            banner = (
                env.get_template("fragments/loa/internal.html").render() if o.target == "internal" else ""
            )
            cache = None if os.environ.get("LOA_CACHE") == "0" else o.layout.root / ".cache" / "loa"
            pages = PageOptions(
                extensions,
                dict(mdx_configs),
                o.site_name,
                o.site_url,
                DOCUMENT_STYLESHEETS,
                cache,
                urls,
                banner,
            )
            try:  # read and written by a second process while this one renders the current pages
                self.revisions = start_history(
                    o.layout,
                    self.published,
                    at=o.build_time,
                    target=o.target,
                    site_dir=o.site_dir,
                    options=pages,
                )
            except HistoryError as error:
                raise SiteError(str(error)) from None
        self.log.info(
            f"{len(self.published)}/{len(self.published) + len(self.withheld)} tài liệu được đăng ({o.target}, "
            f"thời điểm {o.build_time.isoformat()})"
        )

    # 3. Pages.
    def kind(self, src_uri: str) -> PageKind | None:
        """The kind of the page at ``src_uri``, or None when the page is not Loa's."""
        route = self.routes.get(src_uri)
        return KINDS.get(route.kind, _PLAIN) if route else None

    def source(self, src_uri: str) -> str | None:
        """The Markdown body of a document's page (None: not a document; generated pages are empty)."""
        document = self.documents.get(src_uri)
        if document is None or document.source_path is None:
            return None
        # The leading newline keeps the host from taking a body that opens with "---" for front matter.
        return "\n" + read_body(Path(document.source_path).read_text(encoding="utf-8"))

    def meta(self, src_uri: str, page_url: str, meta: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        """The page's metadata for the theme: title, description, sharing data; ``meta`` when not Loa's page.

        Only these keys reach the theme. Values are pre-escaped: Material prints title and description raw.
        """
        document, route = self.documents.get(src_uri), self.routes.get(src_uri)
        issuers = self.catalog.issuers
        if document:
            meta = {"title": Markup.escape(route.title)} if route and route.title else {}
            meta["description"] = Markup.escape(describe(document, issuers))
        elif route and route.title:
            meta = {"title": Markup.escape(route.title), "hide": ["toc"]}
        title = str(meta.get("title") or self.options.site_name)
        if document:
            description = document.summary or describe(document, issuers)
        else:
            description = str(meta.get("title") or self.options.site_description or "")
        title = Markup(title).unescape()  # noqa: S704 - unescapes
        meta["loa_og"] = self.outputs.open_graph(
            document, title=title, description=description, page_url=page_url
        )
        return meta

    def content(self, src_uri: str, html: str, page_url: str) -> None:
        """Take the page's final body HTML: cleaned, citations linked, kept compressed until the page is written."""
        # Editors' Markdown may carry raw HTML and attr_list attributes: cleaned before Loa adds its own markup.
        html = sanitize_body(html)
        document = self.documents.get(src_uri)
        title = None
        if document and document.kind in ("plan", "article") and self.graph is not None:
            href: Callable[[Reference], str | None] = lambda ref: (  # noqa: E731
                relative_url(ref.target.page_url, page_url) if ref.target else None
            )
            linker = CitationLinker(self.graph.outgoing.get(document.src_uri, ()), href=href)
            title = linker.link(str(Markup.escape(document.title)), title=True)
            html = linker.link(html)
        if document:
            self.outputs.capture(document.src_uri, html)
        self._parked[src_uri] = (zlib.compress(html.encode("utf-8"), 1), title)

    def placeholder(self, src_uri: str) -> str | None:
        """What the theme lays out in place of the body (None: not a page Loa took)."""
        parked = self._parked.get(src_uri)
        if parked is None:
            return None
        body = self._writing[src_uri] = zlib.decompress(parked[0]).decode("utf-8")
        # The theme adds an <h1> to content without one. Pages Loa presents get theirs when written.
        kind = self.kind(src_uri)
        heading = "<h1></h1>" if (kind and kind.wraps) or "<h1" in body else ""
        return _PAGE_OPEN + heading + _PAGE_CLOSE

    def template(self, output: str) -> None:
        """Take a page the host rendered from a template alone (404.html): its inline scripts are allowed."""
        self.script_hashes |= script_hashes(output)

    def page(self, output: str, src_uri: str, page_url: str, title: str | None) -> str | None:
        """The theme's page with the body in place of the placeholder (None: leave ``output`` as it is)."""
        # The CSP allows the theme's inline scripts, taken from the page before its body goes in: a script that
        # reached a body anyway (the sanitiser is the first defence) is never allowed by its hash.
        start, end = output.find(_PAGE_OPEN), output.find(_PAGE_CLOSE)
        self.script_hashes |= script_hashes(output[:start] + output[end:] if 0 <= start <= end else output)
        parked, body = self._parked.pop(src_uri, None), self._writing.pop(src_uri, None)
        if parked is None or body is None or start < 0 or end < start:
            return None
        if self.search is not None:  # the document's own text: not the card, relations and listings around it
            try:
                self.search.add(src_uri, body)
            except SearchIndexError as error:
                raise SiteError(str(error)) from None
        kind = self.kind(src_uri) or _PLAIN
        rendered = kind.render(self, Rendering(src_uri, page_url, body, parked[1])) if kind.render else None
        full = rendered or body
        document = self.documents.get(src_uri)
        if document is not None and self.options.history:
            try:
                histories = self.revisions.histories() if self.revisions is not None else {}
            except HistoryError as error:
                raise SiteError(str(error)) from None
            full += self.renderer.history(document, histories.get(document.src_uri), page_url)
        if document is not None and document.kind in ("plan", "article"):
            write_standalone(
                self.writer, self.renderer, self.options, document, full, page_url=page_url, title=title
            )
        if self.options.target == "preview" and document is not None:
            reason = preview_watermark(document, at=self.options.build_time)
            if reason:
                full = self.renderer.watermark(reason) + full
        return output[:start] + full + output[end + len(_PAGE_CLOSE) :]

    # 4. Outputs, then the checks.
    def finish(self) -> None:
        """Write every output besides the pages, then check that no withheld document has a page."""
        o = self.options
        search, self.search = self.search, None
        try:
            try:
                if search is not None:
                    search.finish()  # the index is written while the feeds are
                self.outputs.write(self.writer)
                self.agenda.write(o.site_dir, site_url=o.site_url, built=o.build_time)
            finally:
                if search is not None:
                    search.wait()
        except SearchIndexError as error:
            raise SiteError(str(error)) from None
        revisions, self.revisions = self.revisions, None
        if revisions is not None:
            try:
                revisions.wait()
            except HistoryError as error:
                raise SiteError(str(error)) from None
        redirects = redirect_map(self.documents.values())
        write_redirect_pages(o.site_dir, redirects, site_url=o.site_url)
        # Last: the CSP hashes are taken from the pages as written.
        write_nginx_includes(o.site_dir, self.script_hashes, redirects=nginx_redirects(redirects))
        leaked = find_leaked_pages(o.site_dir, self.withheld)
        if leaked:
            raise SiteError(
                "trang của tài liệu không được đăng vẫn có trong bản dựng: "
                + ", ".join(d.path for d in leaked)
            )

    def abandon(self) -> None:
        """Stop the second processes of a build that will not finish."""
        revisions, self.revisions = self.revisions, None
        if revisions is not None:
            revisions.discard()
        search, self.search = self.search, None
        if search is not None:
            search.discard()
