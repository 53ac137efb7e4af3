"""Old addresses of renamed documents (front matter ``aliases``) and the redirects that keep them working.

An alias is written either as the document's old file (``plans/2021/ten-cu.md``, ``content/gioi-thieu.md``) or as
its old address (``/plans/2021/ten-cu/``). Both become a site-relative directory URL (``plans/2021/ten-cu/``).
The build then answers every old address twice over: a small HTML page at the old place (meta refresh and
canonical link, for hosts without nginx and for offline copies) and a line of ``.nginx/redirects.conf`` that the
shipped nginx configuration turns into a 301. Only published documents' aliases are written: the old address of
a withheld document must not reveal it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from loa.core.base.writer import SiteWriter
from loa.core.model.document import Document, url_of

__all__ = ["alias_url", "nginx_redirects", "redirect_map", "redirect_page", "write_redirect_pages"]

_ALLOWED = re.compile(r"[A-Za-z0-9._~%/-]+")


def alias_url(value: str) -> str | None:
    """Return the site-relative URL an alias names, or None when it cannot be one of this site's addresses.

    Examples:
        ``plans/2021/cu.md`` → ``plans/2021/cu/``; ``content/a/index.md`` → ``a/``; ``/plans/2021/cu`` →
        ``plans/2021/cu/``; ``/tin-cu.html`` → ``tin-cu.html``.
    """
    text = value.strip()
    if not text or not _ALLOWED.fullmatch(text) or "//" in text:
        return None
    path = text.lstrip("/")
    parts = PurePosixPath(path).parts
    if not parts or any(part in (".", "..") or part.startswith(".") for part in parts):
        return None
    if path.endswith(".md"):
        if path.startswith("content/"):
            path = path[len("content/") :]
        elif not path.startswith("plans/"):
            return None
        return url_of(path)
    if path.endswith(".html"):
        return (
            path[: -len("index.html")]
            if path.endswith("index.html") and (path == "index.html" or path.endswith("/index.html"))
            else path
        )
    return path.rstrip("/") + "/"


def redirect_map(documents: Iterable[Document]) -> dict[str, str]:
    """Old URL → current URL of the given (published) documents, site-relative, in a stable order."""
    return dict(sorted((alias, document.url) for document in documents for alias in document.aliases))


def redirect_page(old: str, new: str, *, site_url: str) -> str:
    """Return the HTML page left at ``old``: it sends the reader on at once and names the new address.

    It carries no script (the site's CSP stays as it is), asks search engines to index the new page instead and
    links there relatively, so it works on a site served from a sub-path and from a copied folder.
    """
    relative = "../" * old.count("/") + new
    canonical = site_url.rstrip("/") + "/" + new
    href, absolute = html.escape(relative or "./"), html.escape(canonical)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        "<title>Văn bản đã chuyển địa chỉ</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{absolute}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>Văn bản đã chuyển sang địa chỉ mới: <a href="{href}">{absolute}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def write_redirect_pages(site: Path, redirects: dict[str, str], *, site_url: str) -> None:
    """Write the `redirect_page` of every old URL into the built site."""
    writer = SiteWriter(site)
    for old, new in redirects.items():
        writer.write_text(
            old + "index.html" if old.endswith("/") else old, redirect_page(old, new, site_url=site_url)
        )


def nginx_redirects(redirects: dict[str, str]) -> dict[str, str]:
    """The request paths nginx sees for each old URL (with and without the slash, ``index.html``) → new path."""
    paths: dict[str, str] = {}
    for old, new in redirects.items():
        variants = [f"/{old}"]
        if old.endswith("/"):
            variants += [f"/{old.rstrip('/')}", f"/{old}index.html"]
        for variant in variants:
            paths[variant] = f"/{new}"
    return dict(sorted(paths.items()))
