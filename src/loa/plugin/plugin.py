"""MkDocs event handlers: each one forwards its event to the site plan (`loa.core.site.plan`).

No content or output logic lives here: only what MkDocs knows (its configuration, its files, its pages) is handed
to the plan, and what the plan returns is handed back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from loa.core.loading.catalog import Layout, is_backup_file
from loa.core.selection.publication import parse_build_time, source_problem
from loa.core.site.options import SITE_STYLESHEETS, BuildOptions, SiteError
from loa.core.site.plan import SitePlan
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

__all__ = ["LoaPlugin"]

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class LoaPlugin(BasePlugin[LoaConfig]):
    """Publishes the documents the core allows, and only those, through MkDocs."""

    def __init__(self) -> None:
        self.plan: SitePlan | None = None
        self._saved_epoch: tuple[str | None] | None = None

    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path or ".").resolve().parent
        c = self.config
        self.layout = Layout(
            root, root / c.content_dir, root / c.plans_dir, root / c.data_dir, c.max_file_size
        )
        self.target = os.environ.get("LOA_TARGET") or c.target
        config_file = Path(config.config_file_path or root / "mkdocs.yml")
        site_dir = Path(config.site_dir)
        if problem := source_problem(self.layout, config_file, Path(config.docs_dir), self.target, site_dir):
            raise PluginError(problem)
        build_time = os.environ.get("LOA_BUILD_TIME") or c.build_time
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
        config.extra_css.extend(SITE_STYLESHEETS)
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
        if self.plan is not None:  # a rebuild under "mkdocs serve" that never reached its end
            self.plan.abandon()
        c = self.config
        options = BuildOptions(
            self.layout,
            self.target,
            self.build_time,
            Path(config.site_dir),
            config.site_url or "http://localhost/",
            config.site_name,
            config.site_description or "",
            page_size=c.page_size,
            feed_items=c.feed_items,
            latest_count=c.latest_count,
            history=c.history,
            xref=c.xref.enabled,
            xref_levels=c.xref.levels,
        )
        self.plan = plan = SitePlan(options, log)
        _guarded(plan.load)
        # Nothing of docs_dir (a notice for builds without Loa): the pages are the plan's.
        for file in [
            f
            for f in files
            if f.src_dir == config.docs_dir or f.is_documentation_page() or is_backup_file(f.name)
        ]:
            files.remove(file)
        for src_uri, path in plan.files:
            if path is None:
                files.append(File.generated(config, src_uri, content=""))
            else:
                files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        _guarded(
            plan.start,
            config.theme.get_env(),
            urls={f.src_uri: f.url for f in files},
            extensions=[e for e in config.markdown_extensions if isinstance(e, str)],
            mdx_configs=config.mdx_configs,
        )
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.plan.source(page.file.src_uri) if self.plan else None

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.plan:
            page.meta = self.plan.meta(page.file.src_uri, page.url, page.meta)
        return None

    # Last of all plugins: the HTML is final here. The plan keeps it until the page is written.
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.plan:
            return None
        self.plan.content(page.file.src_uri, html, page.url)
        page.markdown = ""
        return ""

    # The theme sees a placeholder; the page's HTML replaces it when the page is written.
    @event_priority(100)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if not self.plan:
            return None
        placeholder = self.plan.placeholder(page.file.src_uri)
        if placeholder is not None:
            page.content = placeholder
            context["page"] = page
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.plan:
            return None
        title = page.meta.get("title")
        written: str | None = _guarded(self.plan.page, output, page.file.src_uri, page.url, title)
        page.content = None  # written: free it
        return written

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if self.plan and template_name.endswith(".html"):  # 404.html
            self.plan.template(output_content)
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
        plan, self.plan = self.plan, None
        if plan is not None:
            _guarded(plan.finish)

    def on_build_error(self, *, error: Exception) -> None:
        if not self.config.enabled:
            return
        self._restore_epoch()
        plan, self.plan = self.plan, None
        if plan is not None:
            plan.abandon()

    def _restore_epoch(self) -> None:
        if self._saved_epoch is None:
            return
        (previous,), self._saved_epoch = self._saved_epoch, None
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _guarded(step: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a step of the plan; a `SiteError` stops the build as MkDocs expects, with the plan's message."""
    try:
        return step(*args, **kwargs)
    except SiteError as error:
        raise PluginError(str(error)) from None
