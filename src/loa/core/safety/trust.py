"""Checks on what editors write that a browser or a reader would act on: addresses, invisible characters and
resources that bodies would load from elsewhere.

Editors are trusted to write text, not to run code or to track readers. So:

- every address an editor supplies (registry entries, channels, covers) is an ``http:``/``https:`` address with a
  host, or a path of the site starting with ``/``; anything else, and any address hiding characters that browsers
  drop (tabs, line ends, controls, invisible format characters), is refused (`url_problem`);
- a text field may not carry invisible format characters (bidirectional overrides and isolates, zero-width
  characters, soft hyphens, tag characters, other Unicode ``Cf``): they make a title read differently from what it
  is (`invisible_characters`). Bodies keep what the original text has;
- a body may not load anything from another origin (``<img src="https://…">``, ``srcset``, ``<video>``,
  ``<iframe>``, ``style="…url(…)"``, ``![…](https://…)``): `external_resources` finds them, with their lines, before
  rendering; the sanitiser (`loa.core.safety.sanitize`) drops what gets through anyway. Links whose scheme could run
  code (``javascript:``, ``data:``, ``vbscript:``, however written) are refused the same way (`unsafe_links`);
- a plain-text value that some readers render as HTML (RSS titles, calendar descriptions) can open no element
  (`no_markup`).
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from loa.core.text.links import mask_code

__all__ = [
    "LINK_SCHEMES",
    "MAX_URL_LENGTH",
    "character_label",
    "external_resources",
    "invisible_characters",
    "is_external",
    "link_scheme",
    "no_markup",
    "strip_invisible",
    "unsafe_links",
    "url_problem",
]

MAX_URL_LENGTH = 2000
LINK_SCHEMES = frozenset(("http", "https", "mailto", "tel"))
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# Invisible characters outside the Cf category that render as nothing (Hangul fillers, the grapheme joiner).
_INVISIBLE_OTHER = frozenset((0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0))
# What browsers remove from an address before reading it: leading and trailing C0 controls and spaces, and tabs
# and line ends anywhere.
_BROWSER_STRIPPED = re.compile(r"[\t\n\r]")
# The scanners below run in linear time on any body (tests/unit/test_trust_bodies.py): no two parts of a pattern
# can match the same text, and no class runs over a "<" or "{" that could start the next match.
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)(?=[\s/>])((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_STYLE_ELEMENT = re.compile(r"<style\b[^<>]*>(.*?)(?:</style\s*>|\Z)", re.DOTALL | re.IGNORECASE)
_CSS_URL = re.compile(
    r"(?:url|image-set)\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\s]+))|@import\s*(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
_RESOURCE_ATTRIBUTES = frozenset(
    (
        "src",
        "poster",
        "background",
        "lowsrc",
        "dynsrc",
        "codebase",
        "archive",
        "longdesc",
        "data",
        "xlink:href",
    )
)
_HREF_LOADS = frozenset(("link", "image", "use", "base", "feimage"))
_SRCSET = frozenset(("srcset", "imagesrcset"))


def character_label(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the code point and its Unicode name."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".strip()


def _is_invisible(char: str) -> bool:
    code = ord(char)
    return unicodedata.category(char) == "Cf" or code in _INVISIBLE_OTHER or 0xE0000 <= code <= 0xE007F


def invisible_characters(text: str) -> list[str]:
    """The invisible format characters of ``text``, each once, in order of appearance."""
    found: list[str] = []
    for char in text:
        if not char.isascii() and char not in found and _is_invisible(char):
            found.append(char)
    return found


def no_markup(text: str) -> str:
    """Plain text for a field that some readers render as HTML (RSS titles, calendar descriptions): ``<`` and
    ``>`` written as character references, so that no element can start; a lone ``&`` is left as it is."""
    return text.replace("<", "&lt;").replace(">", "&gt;")


def strip_invisible(text: str) -> str:
    """``text`` without its invisible format characters (for metadata proposed from a text, and comparisons)."""
    return "".join(c for c in text if c.isascii() or not _is_invisible(c))


def url_problem(value: object) -> str | None:
    """Why ``value`` is not an acceptable address (Vietnamese), or None if it is.

    Accepted: ``https://host/…`` and ``http://host/…``, and a path of the site starting with a single ``/``.
    """
    if not isinstance(value, str) or not value:
        return "địa chỉ phải là một chuỗi không rỗng"
    if len(value) > MAX_URL_LENGTH:
        return f"địa chỉ dài {len(value)} ký tự, tối đa {MAX_URL_LENGTH} ký tự"
    hidden = next(
        (c for c in value if c.isspace() or unicodedata.category(c)[0] == "C" or _is_invisible(c)), None
    )
    if hidden is not None:
        return (
            f"địa chỉ có ký tự {character_label(hidden)} (khoảng trắng, ký tự điều khiển hoặc ký tự vô hình); "
            "trình duyệt bỏ qua ký tự này nên địa chỉ có thể thành một lệnh chạy trên trang"
        )
    if "\\" in value:
        return "địa chỉ có dấu '\\'; hãy dùng dấu '/'"
    scheme = _SCHEME.match(value)
    if scheme:
        if scheme[1].lower() not in ("http", "https"):
            return f"giao thức '{scheme[1]}:' không được phép (chỉ https: hoặc http:)"
        try:
            host = urlsplit(value).hostname
        except ValueError:
            host = None
        if not value[scheme.end() :].startswith("//") or not host:
            return "địa chỉ thiếu tên máy chủ (dạng đúng: https://ten-may-chu/duong-dan)"
        return None
    if value.startswith("//"):
        return "địa chỉ bắt đầu bằng '//' dẫn tới một máy chủ khác mà không ghi giao thức"
    if value.startswith("/"):
        return None
    return "địa chỉ không bắt đầu bằng https://, http:// hay '/' (đường dẫn trong trang)"


def _as_browsers_read(url: str) -> str:
    return _BROWSER_STRIPPED.sub("", html.unescape(url)).strip("".join(map(chr, range(0x21))) + "\x7f")


def is_external(url: str) -> bool:
    """Whether a browser would load ``url`` from somewhere else than the site: it has a scheme or a host."""
    url = _as_browsers_read(url)
    return bool(_SCHEME.match(url)) or url.startswith(("//", "\\\\", "/\\", "\\/"))


def link_scheme(url: str) -> str | None:
    """The scheme of a link that the page may not keep (``javascript``, ``data``, ``vbscript``…), as a browser
    reads the address; None for http(s), mailto, tel and addresses without a scheme."""
    scheme = _SCHEME.match(_as_browsers_read(url))
    return scheme[1] if scheme and scheme[1].lower() not in LINK_SCHEMES else None


def unsafe_links(body: str) -> list[tuple[int, str]]:
    """Links of raw HTML (``<a href>``, ``<area href>``) whose scheme the page may not keep, as (line in the body,
    address as written). Markdown links are left to the link checker."""
    text = mask_code(body)
    starts = [m.end() for m in re.finditer("\n", text)]
    found = []
    for match in _TAG.finditer(text):
        if match[1].lower() not in ("a", "area"):
            continue
        original = _TAG.match(body, match.start()) or match
        for attribute in _ATTRIBUTE.finditer(original[2] or ""):
            value = next((v for v in attribute.groups()[1:] if v is not None), "")
            if attribute[1].lower() == "href" and link_scheme(value):
                found.append((bisect.bisect_right(starts, match.start()) + 1, _shown(value)))
    return found


def external_resources(body: str) -> list[tuple[int, str]]:
    """The resources a body would load from elsewhere, as (line in the body, Vietnamese description).

    Raw HTML tags, attr_list attributes and ``<style>`` blocks are read outside code; Markdown images are left
    to the link checker, which knows them already.
    """
    text = mask_code(body)
    starts = [m.end() for m in re.finditer("\n", text)]

    def line(offset: int) -> int:
        return bisect.bisect_right(starts, offset) + 1

    found: list[tuple[int, str]] = []
    for match in _TAG.finditer(text):
        # Found in the masked text, read in the original (escapes blanked in the mask are kept in raw HTML).
        original = _TAG.match(body, match.start()) or match
        tag = original[1].lower()
        for what in _external_in_attributes(tag, original[2] or ""):
            found.append((line(match.start()), f"thẻ <{tag}> {what}"))
    for match in _ATTR_LIST.finditer(text):
        if "=" not in match[1] or len(match[1]) > 2000:
            continue
        original = _ATTR_LIST.match(body, match.start()) or match
        for what in _external_in_attributes("", original[1]):
            found.append((line(match.start()), f"thuộc tính {{ … }} {what}"))
    for match in _STYLE_ELEMENT.finditer(text):
        for url in _css_urls(match[1]):
            found.append((line(match.start()), f"khối <style> tải '{url}'"))
    return found


def _external_in_attributes(tag: str, attributes: str) -> Iterator[str]:
    for attribute in _ATTRIBUTE.finditer(attributes):
        name = attribute[1].lower()
        value = next((v for v in attribute.groups()[1:] if v is not None), "")
        if name in _RESOURCE_ATTRIBUTES or (name == "href" and tag in _HREF_LOADS):
            urls = [value]
        elif name in _SRCSET:
            urls = [
                candidate.split()[0] for candidate in html.unescape(value).split(",") if candidate.split()
            ]
        elif name == "style":
            urls = list(_css_urls(html.unescape(value)))
        else:
            continue
        for url in urls:
            if is_external(url):
                yield f'{name}="{_shown(url)}"'


def _css_urls(css: str) -> Iterator[str]:
    css = _CSS_ESCAPE.sub(
        lambda m: chr(int(m[1], 16)) if m[1] and int(m[1], 16) < 0x110000 else (m[2] or ""), css
    )
    for match in _CSS_URL.finditer(css):
        url = next(group for group in match.groups() if group is not None)
        if is_external(url):
            yield _shown(url)


def _shown(url: str) -> str:
    """An address as a message may print it: invisible characters named, long ones cut."""
    shown = "".join(f"<U+{ord(c):04X}>" if not c.isprintable() or _is_invisible(c) else c for c in url)
    return shown if len(shown) <= 120 else shown[:117] + "…"
