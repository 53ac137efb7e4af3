"""Pages of past revisions: the text as it was, and what changed since the public revision before it.

A revision page is an archive view, written straight to the site in a light layout of its own (the document
stylesheet, no site chrome and no script), not through the renderer's page pipeline: a site of 5,000 documents
with three revisions each has 15,000 of them, and they must not cost what the documents' own pages cost. They are
written by a second process (`loa.core.history_process`) while the build renders the current pages on the first core. They
are never in the search index, the sitemap or the feeds, and they ask search engines not to index them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import os
import posixpath
import re
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loa.core.bundle import LINK, is_relative
from loa.core.document import vietnamese_datetime
from loa.core.history import field_changes, word_diff
from loa.core.sanitize import sanitize_body

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
        cache: Folder keeping rendered texts and diffs between builds (a revision never changes), or None.
        targets: Source path of each page and file of the published site → its site-relative URL.
    """

    extensions: Sequence[str]
    extension_configs: Mapping[str, Any]
    site_name: str
    site_url: str
    stylesheets: Sequence[str]
    cache: Path | None = None
    targets: Mapping[str, str] = field(default_factory=dict)


def _relative(target: str, page_url: str) -> str:
    """``target`` relative to the directory-style ``page_url`` (both site-relative)."""
    relative = posixpath.relpath(target.rstrip("/") or ".", page_url.rstrip("/") or ".")
    return relative + "/" if target.endswith("/") or not target else relative


def rebase_links(body_html: str, src_uri: str, page_url: str, targets: Mapping[str, str]) -> str:
    """Point the relative links of a document's text, written from its source file, at the published site.

    A link to a page or file the site publishes now is made relative to ``page_url``; any other relative link
    (to a document since withdrawn, or one that was never public) loses its address and keeps its text.
    """
    folder = posixpath.dirname(src_uri)

    def fix(match: re.Match[str]) -> str:
        url = html.unescape(match["url"])
        if not is_relative(url):
            return match[0]
        path, hash_mark, fragment = url.partition("#")
        source = posixpath.normpath(posixpath.join(folder, path))
        target = _target(targets, source)
        if not target:
            return ""
        return f'{match["attr"]}="{html.escape(_relative(target, page_url) + hash_mark + fragment)}"'

    return LINK.sub(fix, body_html)


def linked_sources(body_html: str, src_uri: str) -> list[str]:
    """The source paths the relative links of a text, written from ``src_uri``, point at."""
    folder = posixpath.dirname(src_uri)
    return [posixpath.normpath(posixpath.join(folder, html.unescape(m["url"]).partition("#")[0]))
            for m in LINK.finditer(body_html) if is_relative(html.unescape(m["url"]))]


def _value(value: Any) -> str:
    if value is None:
        return "(không có)"
    if isinstance(value, list):
        return "; ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items())
    return str(value)


def _changes(page: RevisionPage, diff: str | None) -> str:
    if page.previous is None:
        return "<p>Bản đầu tiên được đăng công khai.</p>\n"
    since, url, body, front = page.previous
    link = html.escape(_relative(url, page.url))
    parts = [f'<p>So với <a href="{link}">bản {vietnamese_datetime(since)}</a>:</p>\n']
    changes = field_changes(front, page.front, ignore=_QUIET_FIELDS)
    if changes:
        rows = "".join(f"<tr><th scope=\"row\">{html.escape(c.field)}</th><td><del>{html.escape(_value(c.before))}"
                       f"</del></td><td><ins>{html.escape(_value(c.after))}</ins></td></tr>\n" for c in changes)
        parts.append("<table class=\"loa-changes\">\n<caption>Thông tin văn bản đã thay đổi</caption>\n"
                     "<thead><tr><th scope=\"col\">Trường</th><th scope=\"col\">Trước</th>"
                     f"<th scope=\"col\">Sau</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n")
    if body == page.body:
        parts.append("<p>Nội dung văn bản không thay đổi.</p>\n")
    else:
        parts.append("<details open>\n<summary>Nội dung thay đổi (chữ bị bỏ gạch ngang, chữ thêm tô màu)</summary>\n"
                     f"<div class=\"loa-diff\">{word_diff(body, page.body) if diff is None else diff}</div>\n"
                     "</details>\n")
    return "".join(parts)


def render_revision_page(page: RevisionPage, body_html: str, options: PageOptions, *, diff: str | None = None,
                         sanitized: bool = False) -> str:
    """Return the whole HTML page of one revision, ``body_html`` being its rendered text.

    ``diff`` is the `word_diff` of the previous body and this one, when already known; ``sanitized`` says that
    ``body_html`` has been through `sanitize_body` already.
    """
    current = html.escape(_relative(page.document_url, page.url))
    canonical = html.escape(options.site_url + page.url)
    state = ("Đây là bản hiện hành." if page.newest else "Đây không phải bản hiện hành.")
    message = f" Ghi chú: {html.escape(page.message)}." if page.message else ""
    body = rebase_links(body_html if sanitized else sanitize_body(body_html), page.src_uri, page.url,
                        options.targets)
    return (
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
        f"<title>{html.escape(page.title)} (bản {vietnamese_datetime(page.since)}) - {html.escape(options.site_name)}</title>\n"
        f"<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        + "".join(f"<link rel=\"stylesheet\" href=\"{html.escape(_relative(s, page.url))}\">\n"
                  for s in options.stylesheets)
        + "</head>\n<body>\n<main class=\"loa-standalone loa-revision\">\n"
        f"<p class=\"loa-revision__banner\"><strong>Bản lưu {vietnamese_datetime(page.since)}</strong> của "
        f"{html.escape(options.site_name)}. {state} <a href=\"{current}\">Xem bản hiện hành</a> · "
        f"<a href=\"{current}#lich-su\">Lịch sử thay đổi</a></p>\n"
        f"<p class=\"loa-revision__commit\">Người cập nhật: {html.escape(page.author)}.{message}</p>\n"
        f"<section class=\"loa-revision__changes\">\n<h2>Thay đổi</h2>\n{_changes(page, diff)}</section>\n"
        f"<article class=\"loa-revision__text\">\n<h1>{html.escape(page.title)}</h1>\n{body}\n</article>\n"
        "</main>\n</body>\n</html>\n")


class _Cache:
    """Rendered texts, diffs and pages by the digest of what they are made from; a miss is computed and kept.

    Texts and diffs are kept compressed. Pages are kept as they are written, and linked into the site rather than
    copied (a revision page, once written, is never changed in place).
    """

    def __init__(self, folder: Path | None, salt: str) -> None:
        self.folder = folder
        self.salt = salt.encode("utf-8")

    def _path(self, kind: str, parts: Sequence[str]) -> Path:
        assert self.folder is not None
        digest = hashlib.sha256(self.salt + kind.encode() + b"\0" + b"\0".join(p.encode("utf-8") for p in parts))
        return self.folder / kind / digest.hexdigest()[:2] / digest.hexdigest()

    @staticmethod
    def _keep(path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            temporary.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def get(self, kind: str, parts: Sequence[str], make: Callable[[], str]) -> str:
        if self.folder is None:
            return make()
        path = self._path(kind, parts)
        try:
            return zlib.decompress(path.read_bytes()).decode("utf-8")
        except (OSError, zlib.error):
            value = make()
            self._keep(path, zlib.compress(value.encode("utf-8"), 1))
            return value

    def place(self, target: Path, parts: Sequence[str], make: Callable[[], str]) -> None:
        """Put the page made from ``parts`` at ``target``: linked from the cache, or made and kept."""
        if self.folder is not None:
            path = self._path("page", parts)
            try:
                os.link(path, target)
                return
            except OSError:
                pass
        data = make().encode("utf-8")
        target.write_bytes(data)
        if self.folder is not None:
            self._keep(path, data)


def write_revision_pages(site: Path, pages: Sequence[RevisionPage], options: PageOptions) -> None:
    """Render and write every revision page into the built ``site``."""
    import markdown

    renderer = markdown.Markdown(extensions=list(options.extensions),
                                 extension_configs=dict(options.extension_configs))
    # Markdown's output depends on its version and settings; Loa's on its version and on the code that renders.
    salt = repr((markdown.__version__, _loa_version(), sorted(options.extensions),
                 sorted((k, repr(v)) for k, v in options.extension_configs.items())))
    cache = _Cache(options.cache, salt)
    shared = [options.site_name, options.site_url, *options.stylesheets]

    def text(body: str) -> str:
        renderer.reset()
        return sanitize_body(renderer.convert(body))

    def page_html(page: RevisionPage) -> str:
        body_html = cache.get("text", [page.body], functools.partial(text, page.body))
        diff = None
        if page.previous is not None and page.previous[2] != page.body:
            before = page.previous[2]
            diff = cache.get("diff", [before, page.body], functools.partial(word_diff, before, page.body))
        return render_revision_page(page, body_html, options, diff=diff, sanitized=True)

    def sources(page: RevisionPage) -> str:
        return "\n".join(linked_sources(cache.get("text", [page.body], functools.partial(text, page.body)),
                                         page.src_uri))

    for page in pages:
        # A page is kept whole, under everything it shows, the current targets of its links included.
        linked = cache.get("links", [page.src_uri, page.body], functools.partial(sources, page)).split("\n")
        key = [*shared, page.url, page.document_url, page.title, page.since.isoformat(), page.author, page.message,
               repr(page.front), str(page.newest), repr(page.previous), page.body,
               *(f"{source}\0{_target(options.targets, source)}" for source in linked if source)]
        target = site / page.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        cache.place(target, key, functools.partial(page_html, page))


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
    for module in ("revision_pages", "history", "sanitize", "bundle", "document"):
        digest.update((Path(__file__).parent / f"{module}.py").read_bytes())
    return f"{number}+{digest.hexdigest()[:16]}"
