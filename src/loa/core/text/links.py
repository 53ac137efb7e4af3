"""Links and images in Markdown bodies, found without rendering.

The scanner finds what Python-Markdown renders as ``<a href>`` and ``<img src>`` (inline links, images, reference
definitions in use), skipping code, comments and raw HTML, with the line of each. Where it cannot tell without
parsing as Python-Markdown does (an indented block, raw HTML), it leaves the text alone: it may miss a link, never
report one that is not there. `loa.core.loading.linkcheck` resolves what it finds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Link", "find_links", "mask_code"]

_CANDIDATE = re.compile(r"\][(:]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A list item or an admonition: the indented lines after it are Markdown, not code.
_CONTAINER = re.compile(r"^ {0,3}(?:[*+-]|\d+[.)])(?:[ \t]|$)|^ {0,3}(?:!!!|\?\?\?\+?)[ \t]")
_HTML_BLOCK = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)([^>]*)")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()>#+\-.!]")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
# Python-Markdown's own pattern of a reference definition (markdown.blockprocessors.ReferenceProcessor).
_DEFINITION = re.compile(
    r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?"
    r"(([\"'])(.*)\4[ ]*|\((.*)\)[ ]*)?$",
    re.MULTILINE,
)
_REFERENCE = re.compile(r"(!?)\[([^\[\]]*)\][ ]?(?:\n[ ]*)?\[([^\[\]]*)\]|(!?)\[([^\[\]]+)\](?![\[(:])")
_TITLE = re.compile(r"^(.*?)\s+([\"'])(.*)\2$", re.DOTALL)
# Python-Markdown's markdown.util.BLOCK_LEVEL_ELEMENTS: a line that opens one of these starts raw HTML.
_BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "canvas",
        "colgroup",
        "dd",
        "body",
        "dt",
        "group",
        "html",
        "iframe",
        "li",
        "legend",
        "math",
        "map",
        "noscript",
        "output",
        "object",
        "option",
        "progress",
        "script",
        "style",
        "summary",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "video",
        "center",
    )
)


@dataclass(frozen=True)
class Link:
    """A link or an image written in a Markdown body.

    Attributes:
        line: 1-based line in the body (of the definition, for a reference-style link).
        url: The address as Markdown gives it to the renderer.
        image: Whether it is an image.
        text: The link text, or an image's alternative text.
    """

    line: int
    url: str
    image: bool
    text: str


def find_links(body: str) -> list[Link]:
    """Return the links and images of a Markdown body, in order, outside code, comments and raw HTML."""
    if not _CANDIDATE.search(body):
        return []
    text = _mask(body)
    found = [*_inline_links(body, text), *_reference_links(text)]
    return sorted(found, key=lambda link: link.line)


def _blank(text: str) -> str:
    """Spaces in place of every character but line ends: offsets and line numbers stay valid."""
    return re.sub(r"[^\n]", " ", text)


def mask_code(body: str) -> str:
    """Blank out comments, code blocks and code spans, keeping raw HTML: what a browser would parse as markup."""
    return _mask(body, keep_html=True)


def _mask(body: str, *, keep_html: bool = False) -> str:
    """Blank out comments, code blocks, raw HTML blocks (unless ``keep_html``), code spans and backslash escapes."""
    text = _COMMENT.sub(lambda m: _blank(m[0]), body)
    lines = text.split("\n")
    index, in_container, previous_blank, previous_code = 0, False, True, False
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        fence = _FENCE.match(line)
        html = _HTML_BLOCK.match(line)
        indented = line.startswith(("    ", "\t"))
        if fence:
            end = next(
                (
                    i
                    for i in range(index + 1, len(lines))
                    if lines[i].strip().startswith(fence[1]) and not lines[i].strip().strip(fence[1][0])
                ),
                len(lines) - 1,
            )
            lines[index : end + 1] = [_blank(x) for x in lines[index : end + 1]]
            index, previous_blank, previous_code = end + 1, True, False
            continue
        if html and not indented and html[1].lower() in _BLOCK_TAGS and "markdown" not in html[2]:
            end = _closing_line(lines, index, html[1].lower())
            if not keep_html:
                lines[index : end + 1] = [_blank(x) for x in lines[index : end + 1]]
            index, previous_blank, previous_code = end + 1, False, False
            continue
        if indented and stripped and (previous_blank or previous_code) and not in_container:
            lines[index] = _blank(line)
            index, previous_blank, previous_code = index + 1, False, True
            continue
        if stripped and not indented:
            in_container = bool(_CONTAINER.match(line))
        previous_blank, previous_code = not stripped, False
        index += 1
    text = "\n".join(lines)
    text = _CODE_SPAN.sub(lambda m: _blank(m[0]), text)
    return _ESCAPE.sub("  ", text)


def _closing_line(lines: list[str], start: int, tag: str) -> int:
    """Last line of a raw HTML block opened by ``<tag`` on line ``start``."""
    if tag == "hr" or re.search(r"/>\s*$", lines[start]):
        return start
    opening, closing = (
        re.compile(rf"<{tag}(?=[\s/>]|$)", re.IGNORECASE),
        re.compile(rf"</{tag}\s*>", re.IGNORECASE),
    )
    depth = 0
    for index in range(start, len(lines)):
        depth += len(opening.findall(lines[index])) - len(closing.findall(lines[index]))
        if depth <= 0:
            return index
    return len(lines) - 1


def _inline_links(body: str, text: str) -> Iterator[Link]:
    """``[text](url)`` and ``![alt](url)``, nested ones included."""
    blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
    for match in re.finditer(r"\]\(", text):
        at = bisect.bisect_left(blanks, match.start())
        start = blanks[at - 1] if at else 0
        end = blanks[at] if at < len(blanks) else len(text)
        opening = _opening_bracket(text, match.start(), start)
        closing = _closing_paren(text, match.end(), end)
        if opening is None or closing is None:
            continue
        url = _destination(body[match.end() : closing])
        image = opening > 0 and text[opening - 1] == "!"
        line = text.count("\n", 0, opening) + 1
        yield Link(line, url, image, " ".join(text[opening + 1 : match.start()].split()))


def _opening_bracket(text: str, close: int, start: int) -> int | None:
    depth = 0
    for index in range(close - 1, start - 1, -1):
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            if depth == 0:
                return index
            depth -= 1
    return None


def _closing_paren(text: str, start: int, end: int) -> int | None:
    """The ``)`` that closes a link destination; parentheses in a quoted title do not count, unless it is unclosed."""
    for titles in (True, False):
        depth, quote = 0, ""
        for index in range(start, end):
            char = text[index]
            if quote:
                quote = "" if char == quote else quote
            elif titles and char in "\"'" and text[index - 1].isspace():
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    return index
                depth -= 1
    return None


def _destination(inner: str) -> str:
    """The URL between the parentheses of an inline link, without its title and backslash escapes."""
    inner = inner.strip()
    if inner.startswith("<") and ">" in inner:
        inner = inner[1 : inner.index(">")]
    else:
        titled = _TITLE.match(inner)
        inner = titled[1] if titled else inner
    return re.sub(r"\\(.)", r"\1", inner.strip())


def _reference_links(text: str) -> Iterator[Link]:
    """Reference definitions (``[id]: url``) that a link or an image uses, at the line of the definition."""
    definitions = list(_DEFINITION.finditer(text))
    if not definitions:
        return
    uses: dict[str, list[tuple[bool, str]]] = {}
    for match in _REFERENCE.finditer(text):
        if match[2] is not None:
            image, label, key = match[1] == "!", match[2], match[3] or match[2]
        else:
            image, label, key = match[4] == "!", match[5], match[5]
        uses.setdefault(_reference_key(key), []).append((image, " ".join(label.split())))
    for definition in definitions:
        used = uses.get(_reference_key(definition[1]))
        if not used:
            continue
        images = [alt for image, alt in used if image]
        line = text.count("\n", 0, definition.start(2)) + 1
        url = definition[2].lstrip("<").rstrip(">")
        yield Link(line, url, bool(images), min(images, key=len) if images else used[0][1])


def _reference_key(label: str) -> str:
    return " ".join(label.split()).lower()
