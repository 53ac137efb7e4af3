"""Pages of past revisions: the text as it was, and what changed since the public revision before it.

A revision page is an archive view, written straight to the site in a light layout of its own (the document
stylesheet, no site chrome and no script), not through the renderer's page pipeline: a site of 5,000 documents
with three revisions each has 15,000 of them, and they must not cost what the documents' own pages cost. They are
written by a second process (`loa.core.history.history_process`) while the build renders the current pages on the first
core, and kept between builds (`loa.core.loading.content_cache`). They are never in the search index, the sitemap or the
feeds, and they ask search engines not to index them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loa.core.base.dates import vietnamese_datetime
from loa.core.base.relative_url import relative_url
from loa.core.history.diffs import field_changes, word_diff
from loa.core.history.field_values import field_label, readable_value
from loa.core.loading.content_cache import CacheStore, ContentCache
from loa.core.outputs.bundle import LINK, is_relative
from loa.core.safety.sanitize import sanitize_body

__all__ = ["PageOptions", "RevisionPage", "rebase_links", "render_revision_page", "write_revision_pages"]

# Front-matter fields that say nothing to a reader about the text.
_QUIET_FIELDS = ("id", "source", "number_as_written", "date_as_written")


@dataclass(frozen=True)
class RevisionPage:
    """Everything one revision page shows; plain data, sent to the writing process.

    Attributes:
        url: The page, site-relative.
        document_url: The document's current page, site-relative.
        src_uri: The document's source path, which relative links in its text start from.
        title: The document's title in this revision (type word and trích yếu).
        since: When the revision reached readers.
        author: Who committed it.
        message: The commit message.
        body: The Markdown text as it was.
        front: Its front matter.
        newest: Whether it is the text the document's page shows now.
        previous: ``(since, url, body, front)`` of the public revision before it, if any.
    """

    url: str
    document_url: str
    src_uri: str
    title: str
    since: dt.datetime
    author: str
    message: str
    body: str
    front: dict[str, Any]
    newest: bool
    previous: tuple[dt.datetime, str, str, dict[str, Any]] | None = None


@dataclass(frozen=True)
class PageOptions:
    """What every revision page shares: the Markdown set-up, the site, and what links may point at.

    Attributes:
        extensions: Python-Markdown extensions, by name, as the site's configuration lists them.
        extension_configs: Their settings.
        site_name: The site's name.
        site_url: Its address, ending in ``/``.
        stylesheets: Site-relative URLs of the stylesheets each page links.
        cache: The project's cache folder (rendered texts, diffs and pages between builds: a revision never
            changes), or None; it is used only through a `CacheStore` that `loa.core.loading.cache_trust` opened.
        targets: Source path of each page and file of the published site → its site-relative URL.
        banner: HTML put at the top of every page (the internal edition's mark), or empty.
    """

    extensions: Sequence[str]
    extension_configs: Mapping[str, Any]
    site_name: str
    site_url: str
    stylesheets: Sequence[str]
    cache: Path | None = None
    targets: Mapping[str, str] = field(default_factory=dict)
    banner: str = ""


def _relative(target: str, page_url: str) -> str:
    """``target`` relative to the directory-style ``page_url``; the site root (``""``) is a folder, so ends in ``/``."""
    return relative_url(target or "/", page_url)


def _link_source(url: str, folder: str) -> str | None:
    """The source path a link written in ``folder`` points at, or None when it is not relative."""
    return posixpath.normpath(posixpath.join(folder, url.partition("#")[0])) if is_relative(url) else None


def rebase_links(body_html: str, src_uri: str, page_url: str, targets: Mapping[str, str]) -> str:
    """Point the relative links of a document's text, written from its source file, at the published site.

    A link to a page or file the site publishes now is made relative to ``page_url``; any other relative link
    (to a document since withdrawn, or one that was never public) loses its address and keeps its text.
    """
    folder = posixpath.dirname(src_uri)

    def fix(match: re.Match[str]) -> str:
        url = html.unescape(match["url"])
        source = _link_source(url, folder)
        if source is None:
            return match[0]
        _, hash_mark, fragment = url.partition("#")
        target = _target(targets, source)
        if not target:
            return ""
        return f'{match["attr"]}="{html.escape(_relative(target, page_url) + hash_mark + fragment)}"'

    return LINK.sub(fix, body_html)


def linked_sources(body_html: str, src_uri: str) -> list[str]:
    """The source paths the relative links of a text, written from ``src_uri``, point at."""
    folder = posixpath.dirname(src_uri)
    sources = (_link_source(html.unescape(match["url"]), folder) for match in LINK.finditer(body_html))
    return [source for source in sources if source is not None]


def _changes(page: RevisionPage, diff: str | None, names: Mapping[str, str]) -> str:
    if page.previous is None:
        return "<p>Bản đầu tiên được đăng công khai.</p>\n"
    since, url, body, front = page.previous
    link = html.escape(_relative(url, page.url))
    parts = [f'<p>So với <a href="{link}">bản {vietnamese_datetime(since)}</a>:</p>\n']
    changes = field_changes(front, page.front, ignore=_QUIET_FIELDS)
    if changes:
        rows = "".join(
            f'<tr><th scope="row">{html.escape(field_label(c.field))}</th>'
            f"<td><del>{html.escape(readable_value(c.field, c.before, names))}</del></td>"
            f"<td><ins>{html.escape(readable_value(c.field, c.after, names))}</ins></td></tr>\n"
            for c in changes
        )
        parts.append(
            '<table class="loa-changes">\n<caption>Thông tin văn bản đã thay đổi</caption>\n'
            '<thead><tr><th scope="col">Mục</th><th scope="col">Trước</th>'
            f'<th scope="col">Sau</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n'
        )
    if body == page.body:
        parts.append("<p>Nội dung văn bản không thay đổi.</p>\n")
    else:
        parts.append(
            "<details open>\n<summary>Nội dung thay đổi (chữ bị bỏ gạch ngang, chữ thêm tô màu)</summary>\n"
            f'<div class="loa-diff">{diff}</div>\n'
            "</details>\n"
        )
    return "".join(parts)


def render_revision_page(
    page: RevisionPage,
    body_html: str,
    options: PageOptions,
    *,
    diff: str | None = None,
    names: Mapping[str, str] | None = None,
) -> str:
    """Return the whole HTML page of one revision, ``body_html`` being its rendered and sanitised text.

    ``diff`` is the `word_diff` of the previous body and this one (None when there is no change to show);
    ``names`` the registry's unit names by id, for the changed fields.
    """
    current = html.escape(_relative(page.document_url, page.url))
    canonical = html.escape(options.site_url + page.url)
    state = "Đây là bản hiện hành." if page.newest else "Đây không phải bản hiện hành."
    message = f" Ghi chú: {html.escape(page.message)}." if page.message else ""
    body = rebase_links(body_html, page.src_uri, page.url, options.targets)
    # A site page's text carries its own heading, as on its current page.
    heading = f"<h1>{html.escape(page.title)}</h1>\n" if page.title and "<h1" not in body else ""
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{html.escape(page.title)} (bản {vietnamese_datetime(page.since)}) - {html.escape(options.site_name)}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n<meta name="robots" content="noindex, nofollow">\n'
        + "".join(
            f'<link rel="stylesheet" href="{html.escape(_relative(s, page.url))}">\n'
            for s in options.stylesheets
        )
        + f'</head>\n<body>\n{options.banner}<main class="loa-standalone loa-revision">\n'
        f'<p class="loa-revision__banner"><strong>Bản lưu {vietnamese_datetime(page.since)}</strong> của '
        f'{html.escape(options.site_name)}. {state} <a href="{current}">Xem bản hiện hành</a> · '
        f'<a href="{current}#lich-su">Lịch sử thay đổi</a></p>\n'
        f'<p class="loa-revision__commit">Người cập nhật: {html.escape(page.author)}.{message}</p>\n'
        f'<section class="loa-revision__changes">\n<h2>Thay đổi</h2>\n{_changes(page, diff, names or {})}</section>\n'
        f'<article class="loa-revision__text">\n{heading}{body}\n</article>\n'
        "</main>\n</body>\n</html>\n"
    )


def write_revision_pages(
    site: Path,
    pages: Sequence[RevisionPage],
    options: PageOptions,
    *,
    store: CacheStore | None = None,
    names: Mapping[str, str] | None = None,
) -> None:
    """Render and write every revision page into the built ``site``, with the verified entries of ``store``.

    ``names`` are the registry's unit names by id, for the fields a revision changed.
    """
    names = dict(names or {})
    import markdown

    renderer = markdown.Markdown(
        extensions=list(options.extensions), extension_configs=dict(options.extension_configs)
    )
    # Markdown's output depends on its version and settings; Loa's on its version and on the code that renders.
    salt = repr(
        (
            markdown.__version__,
            _loa_version(),
            sorted(options.extensions),
            sorted((k, repr(v)) for k, v in options.extension_configs.items()),
        )
    )
    cache = ContentCache(store, salt)
    shared = [
        options.site_name,
        options.site_url,
        options.banner,
        *options.stylesheets,
        repr(sorted(names.items())),
    ]

    def text(body: str) -> str:
        renderer.reset()
        return sanitize_body(renderer.convert(body))

    def page_html(page: RevisionPage, body_html: Callable[[], str]) -> str:
        diff = None
        if page.previous is not None and page.previous[2] != page.body:
            before = page.previous[2]
            diff = cache.get("diff", [before, page.body], functools.partial(word_diff, before, page.body))
        return render_revision_page(page, body_html(), options, diff=diff, names=names)

    def sources(page: RevisionPage, body_html: Callable[[], str]) -> str:
        return "\n".join(linked_sources(body_html(), page.src_uri))

    for page in pages:
        # The text is read from the cache, or rendered, at most once, and only when something needs it.
        body_html = functools.cache(
            functools.partial(cache.get, "text", [page.body], functools.partial(text, page.body))
        )
        # A page is kept whole, under everything it shows, the current targets of its links included.
        linked = cache.get(
            "links", [page.src_uri, page.body], functools.partial(sources, page, body_html)
        ).split("\n")
        key = [
            *shared,
            page.url,
            page.document_url,
            page.title,
            page.since.isoformat(),
            page.author,
            page.message,
            repr(page.front),
            str(page.newest),
            repr(page.previous),
            page.body,
            *(f"{source}\0{_target(options.targets, source)}" for source in linked if source),
        ]
        target = site / page.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        cache.place(target, key, functools.partial(page_html, page, body_html))


def _target(targets: Mapping[str, str], source: str) -> str:
    return targets.get(source) or targets.get(posixpath.join(source, "index.md")) or ""


def _loa_version() -> str:
    """Loa's version and a digest of the modules whose code shapes a revision page."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("loa")
    except PackageNotFoundError:
        number = "0"
    digest = hashlib.sha256()
    core = Path(__file__).resolve().parents[1]
    for module in (
        "history/revision_pages",
        "loading/content_cache",
        "history/git",
        "history/diffs",
        "safety/sanitize",
        "safety/trust",
        "outputs/bundle",
        "model/document",
        "outputs/headings",
        "text/normalize",
        "history/field_values",
    ):
        digest.update((core / f"{module}.py").read_bytes())
    return f"{number}+{digest.hexdigest()[:16]}"
