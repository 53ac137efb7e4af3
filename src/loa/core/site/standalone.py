"""The standalone copy of a document: one HTML file next to its page, to save, print or send."""

from __future__ import annotations

from markupsafe import Markup

from loa.core.base.writer import SiteWriter
from loa.core.model.document import Document
from loa.core.outputs.bundle import absolute_links, inline_images
from loa.core.routing.routes import standalone_name
from loa.core.site.options import STANDALONE_CSS, BuildOptions
from loa.core.site.render import Renderer

__all__ = ["write_standalone"]


def write_standalone(
    writer: SiteWriter,
    renderer: Renderer,
    options: BuildOptions,
    document: Document,
    content: str,
    *,
    page_url: str,
    title: str | None,
) -> None:
    """Save the document as one file next to its page: images inline, links to the portal's addresses."""
    site = options.site_dir.resolve()
    folder = site / page_url

    def load(src: str) -> bytes | None:
        path = (folder / src).resolve()
        return path.read_bytes() if path.is_relative_to(site) and path.is_file() else None

    url = options.site_url + page_url
    html = renderer.standalone(
        title=Markup(str(title or document.title)).unescape(),  # noqa: S704 - unescapes
        url=url,
        content=absolute_links(inline_images(content, load), url),
        site_name=options.site_name,
        built=options.build_time,
        css=STANDALONE_CSS,
    )
    writer.write_text(page_url + standalone_name(document), html)
