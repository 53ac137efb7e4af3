"""MkDocs event handlers. Each one adapts an event to calls into `loa.core`; no content logic lives here."""

from __future__ import annotations

import os
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from loa.core.base.diagnostics import Severity, collapse
from loa.core.base.relative_url import relative_url
from loa.core.history.history_process import HistoryError, HistoryProcess
from loa.core.loading.attachments import published_attachments
from loa.core.loading.catalog import Catalog, Layout, is_backup_file, load_catalog, topics_by_id
from loa.core.model.document import Document
from loa.core.outputs.amendments import find_amendments
from loa.core.outputs.bundle import absolute_links, inline_images
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
    ARTICLES_PAGE,
    ARTICLES_URL,
    ASSETS_ROOT,
    FEEDS_PAGE,
    SEARCH_PAGE,
    SEARCH_ROOT,
    external_page,
    standalone_name,
)
from loa.core.safety.frontmatter import read_body
from loa.core.safety.sanitize import sanitize_body
from loa.core.selection.publication import (
    find_leaked_pages,
    parse_build_time,
    preview_watermark,
    select_published,
    source_problem,
)
from loa.plugin.agenda import AgendaPages
from loa.plugin.config import LoaConfig
from loa.plugin.host import (
    BasePlugin,
    File,
    Files,
    MkDocsConfig,
    Page,
    PluginError,
    event_priority,
    get_plugin_logger,
)
from loa.plugin.outputs import Outputs
from loa.plugin.render import Renderer
from loa.plugin.revisions import history_enabled, start_history

__all__ = ["LoaPlugin"]

log = get_plugin_logger(__name__)
_PAGE_OPEN, _PAGE_CLOSE = "<!--loa:page-->", "<!--/loa:page-->"


def _pack(html: str) -> bytes:
    return zlib.compress(html.encode("utf-8"), 1)


def _unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"
STANDALONE_CSS = (STATIC / "loa-document.css").read_text(encoding="utf-8") + (
    STATIC / "loa-print.css"
).read_text(encoding="utf-8")
# Loa's own scripts and styles, copied into every site under assets/loa/.
ASSETS = ("loa-normalize.js", "loa-search.js", "loa-search.css", "loa-print.css", "loa-document.css")


class LoaPlugin(BasePlugin[LoaConfig]):
    """Publishes the documents the core allows, and only those, through MkDocs."""

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.listings: dict[str, Listing] = {}
        self.groups: tuple[ListingGroup, ...] = ()
        self.latest: tuple[Document, ...] = ()
        self.overview_url: str | None = None
        self.catalog: Catalog | None = None
        self.withheld: tuple[Document, ...] = ()
        self.outputs: Outputs | None = None
        self.article_groups: tuple[ListingGroup, ...] = ()
        self.renderer: Renderer | None = None
        self.graph: ReferenceGraph | None = None
        self.external_pages: dict[str, str] = {}
        self._saved_epoch: tuple[str | None] | None = None
        self._parked: dict[str, tuple[bytes, str | None]] = {}
        self._writing: dict[str, str] = {}
        self.search: SearchIndexProcess | None = None
        self.script_hashes: set[str] = set()  # of the inline scripts in the pages written, for the CSP
        self.revisions: HistoryProcess | None = None
        self.agenda: AgendaPages | None = None

    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path or ".").resolve().parent
        self.layout = Layout(
            root,
            root / self.config.content_dir,
            root / self.config.plans_dir,
            root / self.config.data_dir,
            self.config.max_file_size,
        )
        self.target = os.environ.get("LOA_TARGET") or self.config.target
        if problem := source_problem(
            self.layout,
            Path(config.config_file_path or root / "mkdocs.yml"),
            Path(config.docs_dir),
            self.target,
            Path(config.site_dir),
        ):
            raise PluginError(problem)
        build_time = os.environ.get("LOA_BUILD_TIME") or self.config.build_time
        try:
            self.build_time = parse_build_time(build_time)
        except ValueError:
            raise PluginError(
                f"thời điểm dựng '{build_time}' không hợp lệ; dùng dạng 2022-01-10T08:00:00+07:00"
            ) from None
        if build_time:
            # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: the same build time must give the same bytes.
            self._saved_epoch = (os.environ.get("SOURCE_DATE_EPOCH"),)
            os.environ["SOURCE_DATE_EPOCH"] = str(int(self.build_time.timestamp()))
        # Before Material's templates (Loa's header carries its search box), after the project's own overrides.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        config.extra_css.extend(["assets/loa/loa-search.css", "assets/loa/loa-print.css"])
        config.extra["loa_edition"] = self.target  # the templates mark and de-index other editions
        if "material/search" in config.plugins:
            log.warning(
                "Loa có tìm kiếm tiếng Việt riêng (trang /tim-kiem/): bỏ plugin 'search' khỏi mkdocs.yml "
                "để trang không có hai ô tìm kiếm và bản dựng không phải lập chỉ mục hai lần."
            )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        catalog = load_catalog(self.layout)
        self._report(catalog)
        self.script_hashes = set()
        published = select_published(catalog.documents, at=self.build_time, target=self.target)
        if self.config.xref.enabled:
            # Only published documents take part: a withheld document is neither a link target nor a backlink.
            self.graph = build_reference_graph(
                published, catalog.external, catalog.issuers, bodies={d.src_uri: d.body for d in published}
            )
            self._report_xref(self.graph)
        attachments = published_attachments(catalog.assets, published)
        # From here on no body stays in memory: MkDocs reads each one when it renders the page.
        published = tuple(d.without_body() for d in published)
        shown = {d.src_uri for d in published}
        self.withheld = tuple(d.without_body() for d in catalog.documents if d.src_uri not in shown)
        self.catalog = replace(catalog, documents=())
        # Nothing of docs_dir (a notice for builds without Loa): the pages are the core's documents.
        for file in [
            f
            for f in files
            if f.src_dir == config.docs_dir or f.is_documentation_page() or is_backup_file(f.name)
        ]:
            files.remove(file)
        self.documents = {d.src_uri: d for d in published}
        for document in published:
            files.append(File.generated(config, document.src_uri, abs_src_path=str(document.source_path)))
        # Only what a published document points at: a file that withheld documents alone use would reveal them.
        for path, src_uri in attachments:
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        overview, listings, self.groups = build_listings(
            published, catalog.issuers, page_size=self.config.page_size
        )
        topics = topics_by_id(published)
        article_listings, self.article_groups = build_article_listings(
            published,
            topics=topics,
            channel_names={k: c.name for k, c in catalog.channels.items()},
            page_size=self.config.page_size,
        )
        self.listings = {
            listing.src_uri: listing
            for listing in (*listings, *([overview] if overview else []), *article_listings)
        }
        self.overview_url = overview.url if overview else None
        for src_uri in self.listings:
            if src_uri not in self.documents:  # a topic's first listing page is the topic page itself
                files.append(File.generated(config, src_uri, content=""))
        amendments = find_amendments(published)
        self.outputs = Outputs(
            self.documents,
            catalog.issuers,
            catalog.channels,
            self.layout,
            config.site_url or "http://localhost/",
            config.site_name,
            self.build_time,
            limit=self.config.feed_items,
            amendments=amendments,
        )
        self.agenda = AgendaPages(published, catalog.issuers)
        self.agenda.add_files(config, files)
        files.append(File.generated(config, FEEDS_PAGE, content=""))
        files.append(File.generated(config, SEARCH_PAGE, content=""))
        for name in ASSETS:
            files.append(File.generated(config, f"{ASSETS_ROOT}/{name}", abs_src_path=str(STATIC / name)))
        if self.search is not None:  # a rebuild under "mkdocs serve" that never reached its end
            self.search.discard()
        # Indexing runs in a second process, on another core than MkDocs' rendering.
        self.search = SearchIndexProcess(
            Path(config.site_dir) / SEARCH_ROOT, search_entries(published, catalog.issuers, self.graph)
        )
        self.latest = latest_documents(published, self.config.latest_count)
        if self.graph is not None:
            self.external_pages = {
                external_page(key[4:]): key for key in self.graph.incoming if not key.startswith("doc:")
            }
            for src_uri in self.external_pages:
                files.append(File.generated(config, src_uri, content=""))
        self.renderer = Renderer(
            config.theme.get_env(),
            catalog.issuers,
            self.documents,
            catalog.channels,
            amendments,
            self.agenda.agenda,
            self.build_time.date(),
            self.target,
        )
        self._discard_revisions()
        if history_enabled(self.config.history):
            # Read and written by a second process while this one renders the current pages.
            self.revisions = start_history(
                config,
                files,
                self.layout,
                published,
                at=self.build_time,
                target=self.target,
                stylesheets=["assets/loa/loa-document.css", "assets/loa/loa-print.css"],
                cache=None if os.environ.get("LOA_CACHE") == "0" else self.layout.root / ".cache" / "loa",
            )
        log.info(
            f"{len(published)}/{len(catalog.documents)} tài liệu được đăng ({self.target}, "
            f"thời điểm {self.build_time.isoformat()})"
        )
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        document = self.documents.get(page.file.src_uri)
        if document is None or document.source_path is None:
            return None
        # The leading newline keeps MkDocs from taking a body that opens with "---" for front matter.
        return "\n" + read_body(Path(document.source_path).read_text(encoding="utf-8"))

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        document = self.documents.get(page.file.src_uri)
        listing = self.listings.get(page.file.src_uri)
        # Only these keys reach the theme. Values are pre-escaped: Material prints title and description raw.
        if document:
            page.meta = {"title": Markup.escape(document.full_title)} if document.title else {}
            page.meta["description"] = Markup.escape(
                describe(document, self.catalog.issuers if self.catalog else {})
            )
        elif listing:
            page.meta = {"title": Markup.escape(listing.title), "hide": ["toc"]}
        elif page.file.src_uri == FEEDS_PAGE:
            page.meta = {"title": Markup.escape("Nguồn tin RSS, Atom, JSON"), "hide": ["toc"]}
        elif page.file.src_uri == SEARCH_PAGE:
            page.meta = {"title": Markup.escape("Tìm kiếm văn bản"), "hide": ["toc"]}
        elif page.file.src_uri in self.external_pages and self.graph:
            target = self.graph.targets[self.external_pages[page.file.src_uri]]
            page.meta = {"title": Markup.escape(target.label), "hide": ["toc"]}
        elif self.agenda is not None and self.agenda.title(page.file.src_uri):
            page.meta = {"title": Markup.escape(self.agenda.title(page.file.src_uri)), "hide": ["toc"]}
        if self.outputs is not None:
            title = str(page.meta.get("title") or config.site_name)
            description = (
                document.summary or describe(document, self.catalog.issuers if self.catalog else {})
                if document
                else str(page.meta.get("title") or config.site_description or "")
            )
            page.meta["loa_og"] = self.outputs.open_graph(
                document,
                title=Markup(title).unescape(),  # noqa: S704 - unescapes
                description=description,
                page_url=page.url,
            )
        return None

    # Last of all plugins: the HTML is final here. It is parked compressed until its page is written: MkDocs
    # renders every page before writing any, and at 20,000 documents the HTML alone would take gigabytes.
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        # Editors' Markdown may carry raw HTML and attr_list attributes: cleaned before Loa adds its own markup.
        html = sanitize_body(html)
        document = self.documents.get(page.file.src_uri)
        title = None
        if document and document.kind in ("plan", "article") and self.graph is not None:
            linker = CitationLinker(
                self.graph.outgoing.get(document.src_uri, ()),
                href=lambda reference: self._href(reference, page.url),
            )
            title = linker.link(str(Markup.escape(document.title)), title=True)
            html = linker.link(html)
        if document and self.outputs is not None:
            self.outputs.capture(document.src_uri, html)
        self._parked[page.file.src_uri] = (_pack(html), title)
        page.markdown = ""
        return ""

    # The theme sees a placeholder; the page's HTML replaces it when the page is written.
    @event_priority(100)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if not self.config.enabled:
            return None
        parked = self._parked.get(page.file.src_uri)
        if parked is not None:
            body = self._writing[page.file.src_uri] = _unpack(parked[0])
            # Material adds an <h1> to content without one. Pages Loa presents get theirs when written.
            heading = "<h1></h1>" if self._wraps(page) or "<h1" in body else ""
            page.content = _PAGE_OPEN + heading + _PAGE_CLOSE
            context["page"] = page
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        # The CSP allows the theme's inline scripts, taken from the page before its body goes in: a script that
        # reached a body anyway (the sanitiser is the first defence) is never allowed by its hash.
        start, end = output.find(_PAGE_OPEN), output.find(_PAGE_CLOSE)
        self.script_hashes |= script_hashes(output[:start] + output[end:] if 0 <= start <= end else output)
        return self._post_page(output, page=page, config=config)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if self.config.enabled and template_name.endswith(".html"):  # 404.html
            self.script_hashes |= script_hashes(output_content)
        return None

    def _post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.renderer is None:
            return None
        parked = self._parked.pop(page.file.src_uri, None)
        body = self._writing.pop(page.file.src_uri, None)
        page.content = None  # written: free it
        start, end = output.find(_PAGE_OPEN), output.find(_PAGE_CLOSE)
        if parked is None or body is None or start < 0 or end < start:
            return None
        if self.search is not None:
            # The document's own text: not the card, the relations and the listings around it.
            try:
                self.search.add(page.file.src_uri, body)
            except SearchIndexError as error:
                raise PluginError(str(error)) from None
        full = self._render_content(body, page, self.renderer, title=parked[1]) or body
        document = self.documents.get(page.file.src_uri)
        if document is not None and self.config.history:
            try:
                histories = self.revisions.histories() if self.revisions is not None else {}
            except HistoryError as error:
                raise PluginError(str(error)) from None
            full += self.renderer.history(document, histories.get(document.src_uri), page.url)
        if document is not None and document.kind in ("plan", "article"):
            self._write_standalone(document, full, page, config)
        if self.target == "preview" and document is not None:
            reason = preview_watermark(document, at=self.build_time)
            if reason:
                full = self.renderer.watermark(reason) + full
        return output[:start] + full + output[end + len(_PAGE_CLOSE) :]

    def _write_standalone(self, document: Document, content: str, page: Page, config: MkDocsConfig) -> None:
        """Save the document as one file next to its page: images inline, links to the portal's addresses."""
        if self.renderer is None:
            return
        site = Path(config.site_dir).resolve()
        folder = site / page.url

        def load(src: str) -> bytes | None:
            path = (folder / src).resolve()
            return path.read_bytes() if path.is_relative_to(site) and path.is_file() else None

        url = (config.site_url or "http://localhost/") + page.url
        html = self.renderer.standalone(
            title=Markup(str(page.meta.get("title") or document.title)).unescape(),  # noqa: S704 - unescapes
            url=url,
            content=absolute_links(inline_images(content, load), url),
            site_name=config.site_name,
            built=self.build_time,
            css=STANDALONE_CSS,
        )
        folder.mkdir(parents=True, exist_ok=True)
        (folder / standalone_name(document)).write_text(html, encoding="utf-8")

    def _wraps(self, page: Page) -> bool:
        """Whether Loa renders this page's title itself (documents it presents, generated pages)."""
        src_uri = page.file.src_uri
        document = self.documents.get(src_uri)
        return bool(
            (document and document.kind in ("plan", "article", "topic"))
            or src_uri in self.listings
            or src_uri in self.external_pages
            or src_uri in (FEEDS_PAGE, SEARCH_PAGE)
            or (self.agenda is not None and src_uri in self.agenda.pages)
        )

    def _render_content(self, html: str, page: Page, renderer: Renderer, *, title: str | None) -> str | None:
        document = self.documents.get(page.file.src_uri)
        if document and document.kind == "plan":
            return renderer.plan(
                document, html, page.url, graph=self.graph, title=title, download=standalone_name(document)
            )
        if document and document.kind == "article":
            return renderer.article(
                document, html, page.url, graph=self.graph, download=standalone_name(document)
            )
        if document and document.kind == "topic":
            return renderer.topic(document, html, page.url, self.listings.get(document.src_uri))
        if page.file.src_uri == SEARCH_PAGE:
            return renderer.search(page.url)
        if page.file.src_uri == FEEDS_PAGE and self.outputs is not None:
            return renderer.feeds(self.outputs.specs, page.url)
        if page.file.src_uri in self.external_pages and self.graph:
            return renderer.external(self.graph, self.external_pages[page.file.src_uri], page.url)
        generated = self.agenda.render(page.file.src_uri, renderer, page.url) if self.agenda else None
        if generated is not None:
            return generated
        listing = self.listings.get(page.file.src_uri)
        if listing:
            groups = self.groups if listing.url == self.overview_url else ()
            if listing.url == ARTICLES_URL:
                groups = self.article_groups
            return renderer.listing(listing, page.url, groups)
        if page.is_homepage:
            articles = self.listings.get(ARTICLES_PAGE)
            newest = articles.documents[: self.config.latest_count] if articles else ()
            return html + renderer.latest(
                self.latest, page.url, self.overview_url, newest, upcoming=self.config.latest_count
            )
        return None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.config.enabled:
            return None
        for directory in (self.layout.content_dir, self.layout.plans_dir, self.layout.data_dir):
            if directory.is_dir():
                server.watch(str(directory))
        return server

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._restore_epoch()
        search, self.search = self.search, None
        try:
            try:
                if search is not None:
                    search.finish()  # the index is written while the feeds are
                if self.outputs is not None:
                    self.outputs.write(Path(config.site_dir))
                if self.agenda is not None:
                    self.agenda.write(
                        Path(config.site_dir),
                        site_url=config.site_url or "http://localhost/",
                        built=self.build_time,
                    )
            finally:
                if search is not None:
                    search.wait()
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        revisions, self.revisions = self.revisions, None
        if revisions is not None:
            try:
                revisions.wait()
            except HistoryError as error:
                raise PluginError(str(error)) from None
        if self.catalog is None:
            return
        site = Path(config.site_dir)
        redirects = redirect_map(self.documents.values())
        write_redirect_pages(site, redirects, site_url=config.site_url or "http://localhost/")
        # Last: the CSP hashes are taken from the pages as written.
        write_nginx_includes(site, self.script_hashes, redirects=nginx_redirects(redirects))
        leaked = find_leaked_pages(site, self.withheld)
        if leaked:
            raise PluginError(
                "trang của tài liệu không được đăng vẫn có trong bản dựng: "
                + ", ".join(d.path for d in leaked)
            )

    def on_build_error(self, *, error: Exception) -> None:
        if not self.config.enabled:
            return
        self._restore_epoch()
        self._discard_revisions()
        if self.search is not None:
            self.search.discard()
            self.search = None

    def _discard_revisions(self) -> None:
        if self.revisions is not None:
            self.revisions.discard()
            self.revisions = None

    def _restore_epoch(self) -> None:
        if self._saved_epoch is None:
            return
        (previous,), self._saved_epoch = self._saved_epoch, None
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous

    @staticmethod
    def _href(reference: Reference, page_url: str) -> str | None:
        return relative_url(reference.target.page_url, page_url) if reference.target else None

    def _report_xref(self, graph: ReferenceGraph) -> None:
        """Log unresolved and ambiguous citations at the configured level."""
        levels = {
            "xref.unresolved": self.config.xref.unresolved,
            "xref.ambiguous": self.config.xref.ambiguous,
        }
        shown, summaries = collapse(graph.diagnostics)
        lines = [(d.code, d.format()) for d in shown] + [(code, line) for _, code, line in summaries]
        for code, line in lines:
            level = levels.get(code, "warn")
            if level == "warn":
                log.warning(line)
            elif level == "info":
                log.info(line)

    def _report(self, catalog: Catalog) -> None:
        """Log the diagnostics (repeats of a code collapsed); errors abort the build after all are shown."""
        shown, summaries = collapse(catalog.diagnostics)
        for diagnostic in shown:
            if diagnostic.severity is Severity.ERROR:
                log.error(diagnostic.format())
            else:
                log.warning(diagnostic.format())
        for severity, _, summary in summaries:
            (log.error if severity is Severity.ERROR else log.warning)(summary)
        if catalog.errors:
            raise PluginError(
                f"{len(catalog.errors)} lỗi trong nội dung; không dựng trang. "
                "Sửa các lỗi trên rồi dựng lại (loa check để kiểm tra nhanh)."
            )
