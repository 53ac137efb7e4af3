"""Offline copies of the site: a zip that works opened from file://, and single-file documents.

A site with directory URLs ("plans/2021/x/") cannot be browsed from file://: the browser shows a folder listing
instead of ``index.html``. The bundle rewrites every relative link that names a directory so that it names the
``index.html`` inside; search already loads its index through ``<script>`` tags and knows to do the same. The zip
is reproducible: sorted entries, one fixed timestamp, fixed permissions.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

__all__ = ["LINK", "absolute_links", "inline_images", "is_relative", "offline_links", "write_bundle"]

# href/src/action attributes in double quotes, as MkDocs, Material and Loa's templates write them.
LINK = re.compile(r'(?P<attr>\s(?:href|src|action))="(?P<url>[^"]*)"')
_SKIPPED = ("sitemap.xml", "sitemap.xml.gz")
_IMAGE = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]+)(")')
_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}


def is_relative(url: str) -> bool:
    """Whether ``url`` is relative to the page it is on (not absolute, not a fragment, no scheme)."""
    return (
        bool(url)
        and not url.startswith(("#", "/", "data:", "mailto:", "tel:", "javascript:"))
        and not urlsplit(url).scheme
    )


def offline_links(html: str) -> str:
    """Point relative links at directories (``x/``, ``.``, ``..``) to the ``index.html`` inside them.

    Examples:
        >>> offline_links('<a href="../plans/x/#muc-1">')
        '<a href="../plans/x/index.html#muc-1">'
    """

    def fix(match: re.Match[str]) -> str:
        url = match["url"]
        if not is_relative(url):
            return match[0]
        path, mark, rest = url.partition("#") if "#" in url else url.partition("?")
        if path.endswith("/"):
            path += "index.html"
        elif path in (".", ".."):
            path += "/index.html"
        else:
            return match[0]
        return f'{match["attr"]}="{path}{mark}{rest}"'

    return LINK.sub(fix, html)


def absolute_links(html: str, page_url: str, *, keep: Callable[[str], bool] = lambda url: False) -> str:
    """Make relative links absolute against ``page_url`` (the page's address on the portal).

    Arguments:
        html: The HTML.
        page_url: Absolute URL of the page the HTML comes from.
        keep: Relative URLs to leave as they are (images already inlined, anchors).
    """

    def fix(match: re.Match[str]) -> str:
        url = match["url"]
        if not is_relative(url) or keep(url):
            return match[0]
        return f'{match["attr"]}="{urljoin(page_url, url)}"'

    return LINK.sub(fix, html)


# An image with no bytes: the browser shows the alternative text and asks the network for nothing.
_NO_IMAGE = "data:image/gif;base64,"


def inline_images(html: str, load: Callable[[str], bytes | None]) -> str:
    """Replace the relative ``src`` of each ``<img>`` by a data: URI of the bytes ``load(src)`` returns.

    A relative image that cannot be inlined (missing, not an image) gets an empty one (`_NO_IMAGE`), so that its
    alternative text shows: the copy is read offline, and never reaches the network for a file the site lacks.
    """

    def fix(match: re.Match[str]) -> str:
        src = match[2]
        if not is_relative(src):
            return match[0]
        kind = _IMAGE_TYPES.get(Path(urlsplit(src).path).suffix.lower())
        data = load(src) if kind else None
        if data is None:
            return f"{match[1]}{_NO_IMAGE}{match[3]}"
        return f"{match[1]}data:{kind};base64,{base64.b64encode(data).decode('ascii')}{match[3]}"

    return _IMAGE.sub(fix, html)


def _files(site: Path) -> Iterator[Path]:
    for directory, folders, names in os.walk(site):
        # Hidden folders hold the web server's build files (.nginx/), not pages.
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith("."):  # the build's marker (.loa-site)
                continue
            # A precompressed copy (feeds/x.rss.gz beside feeds/x.rss) is for the web server only.
            if name.endswith(".gz") and name[: -len(".gz")] in names:
                continue
            yield Path(directory) / name


def write_bundle(site: Path, out: Path, *, built: dt.datetime, prefix: str = "") -> tuple[int, int]:
    """Zip the built ``site`` into ``out`` for reading offline; return (files, bytes of the zip).

    Arguments:
        site: A built site.
        out: The zip file to write (replaced atomically).
        built: The build time: every entry carries it, so the same site gives the same bytes.
        prefix: Folder inside the zip that holds the site.
    """
    stamp = built.timetuple()[:6]
    entries = sorted(
        (path.relative_to(site).as_posix(), path) for path in _files(site) if path.name not in _SKIPPED
    )
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            for name, path in entries:
                data = path.read_bytes()
                if path.suffix == ".html":
                    data = offline_links(data.decode("utf-8")).encode("utf-8")
                info = zipfile.ZipInfo(prefix + name, date_time=stamp)
                info.external_attr = 0o644 << 16
                info.create_system = 3
                compress = (
                    zipfile.ZIP_STORED
                    if path.suffix in (".png", ".jpg", ".jpeg", ".gz", ".woff2")
                    else zipfile.ZIP_DEFLATED
                )
                archive.writestr(info, data, compress_type=compress, compresslevel=9)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return len(entries), out.stat().st_size
