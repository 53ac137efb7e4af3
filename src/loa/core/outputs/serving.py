"""What a web server needs to serve a built site: the Content-Security-Policy and the nginx configuration.

The policy allows scripts from the site itself and the inline scripts Material writes into every page, by their
sha256 hashes taken from each page as the build writes it, never ``'unsafe-inline'``; nothing from another origin. The hashes (and
redirects of renamed documents) are written at the end of the build into ``<site>/.nginx/``, inside the site so they
are swapped in with the pages they describe and can never disagree with them. They hold nothing that the pages do
not already show, and the shipped nginx configuration refuses every path that starts with a dot, so they are not
served. ``loa/deploy/nginx.conf`` (the public edition) and ``nginx-internal.conf`` (the internal one, behind a
password over TLS) are the shipped configurations, installed with the package and copied in the repository's
``deploy/``: ``render_nginx_config`` substitutes their placeholders, nothing else, so what is tested is what is
shipped.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = [
    "NGINX_DIR",
    "content_security_policy",
    "precompressed",
    "render_nginx_config",
    "restrict_edition",
    "script_hashes",
    "write_nginx_includes",
]

NGINX_DIR = ".nginx"
_PLACEHOLDER = re.compile(r"@LOA_([A-Z_]+)@")
_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def _is_executable(attributes: str) -> bool:
    if _SRC.search(attributes):
        return False
    match = _TYPE.search(attributes)
    return (match[1].lower() if match else "") in _EXECUTABLE_TYPES


def script_hashes(html: str) -> set[str]:
    """Return the CSP source expressions (``'sha256-…'``) of the inline scripts one page runs.

    Scripts with ``src`` and data blocks (``type="application/json"``) are not counted.
    """
    return {
        f"'sha256-{base64.b64encode(hashlib.sha256(match[2].encode('utf-8')).digest()).decode('ascii')}'"
        for match in _SCRIPT.finditer(html)
        if _is_executable(match[1] or "")
    }


def precompressed(data: bytes) -> bytes:
    """The gzip file nginx's ``gzip_static`` serves instead of compressing ``data`` on every request.

    No name and no time in the header: the same bytes give the same file.
    """
    return gzip.compress(data, compresslevel=9, mtime=0)


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """Return the site's Content-Security-Policy: its own origin only, inline scripts by hash.

    Styles allow ``'unsafe-inline'``: Markdown writes table alignment as ``style`` attributes and the single-file
    copies carry their CSS inline; styles cannot run script.
    """
    scripts = " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def write_nginx_includes(
    site: Path, hashes: Iterable[str], *, redirects: dict[str, str] | None = None
) -> Path:
    """Write ``<site>/.nginx/csp.conf`` (the policy header) and ``redirects.conf`` (old URL → new URL).

    Arguments:
        site: The built site.
        hashes: The `script_hashes` of every page written, gathered as the pages were.
        redirects: Site-relative old paths (``/a/b/``) mapped to site-relative new ones.

    Returns:
        The directory written.
    """
    policy = content_security_policy(sorted(set(hashes)))
    folder = site / NGINX_DIR
    folder.mkdir(exist_ok=True)
    (folder / "csp.conf").write_text(
        "# Written by Loa at build time from the site's inline scripts; do not edit.\n"
        f'add_header Content-Security-Policy "{policy}" always;\n',
        encoding="utf-8",
    )
    lines = ["# Written by Loa at build time from the documents' aliases; do not edit.\n"]
    for old, new in sorted((redirects or {}).items()):
        lines.append(f'"{_nginx_quote(old)}" "{_nginx_quote(new)}";\n')
    (folder / "redirects.conf").write_text("".join(lines), encoding="utf-8")
    return folder


def restrict_edition(site: Path, edition: str) -> None:
    """Keep search engines out of an edition that is not public: no sitemap, a robots.txt that disallows all.

    The pages say so too (``<meta name="robots">``, from the theme) and the internal edition's nginx
    configuration sends ``X-Robots-Tag``; this covers the files a crawler reads first.
    """
    if edition == "public":
        return
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site / name).unlink(missing_ok=True)
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")


def _nginx_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "")


def render_nginx_config(
    template: str, *, root: Path, listen: str, values: Mapping[str, str] | None = None
) -> str:
    """Return a shipped nginx configuration with its placeholders substituted, nothing else.

    Arguments:
        template: The text of ``nginx.conf`` or ``nginx-internal.conf`` (``loa/deploy/``).
        root: The built site (absolute; Loa's link, not the release it points to).
        listen: What ``listen`` takes: ``80``, ``127.0.0.1:8080``.
        values: The other placeholders by name (``TLS_CERT`` for ``@LOA_TLS_CERT@``). Every placeholder of the
            template needs a value and every value a placeholder.

    Raises:
        ValueError: A placeholder without a value, or a value without a placeholder.
    """
    given = {"ROOT": str(root), "LISTEN": listen, **(values or {})}
    wanted = set(_PLACEHOLDER.findall(template))
    if wanted != set(given):
        names = ", ".join(f"@LOA_{name}@" for name in sorted(wanted ^ set(given)))
        raise ValueError(f"the nginx template and the values disagree on {names}")
    return _PLACEHOLDER.sub(lambda match: given[match[1]], template)
