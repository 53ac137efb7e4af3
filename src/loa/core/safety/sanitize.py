"""Body HTML sanitising: what an editor's Markdown may put on a page.

Markdown passes raw HTML through, and ``attr_list`` adds any attribute to any element (``{ onclick=... }``). Every
body is therefore cleaned with nh3 (ammonia) after Markdown and before Loa adds its own markup: no ``<script>``,
``<iframe>``, ``<object>``, ``<style>``, event handler, ``javascript:`` or ``data:`` link, or HTML comment reaches
a page, while what Markdown and its extensions write (tables, admonitions, images, footnotes, permalinks) stays.

Two things the allowlist of tags cannot decide are settled per attribute. An image whose ``src`` has a scheme or a
host would load from another origin (tracking): the ``src`` is dropped (``loa check`` refuses it first, this is
the second defence). And an ``id`` written in a body must not take one of the page's own (``__config``, which
Material reads its configuration from, ``__search``…): every ``id`` but a heading's is prefixed with
``ID_PREFIX``, as forges do with ``user-content-``, and the body's in-page links ``href="#x"`` follow. Heading ids
(Python-Markdown's toc anchors, which old links depend on) stay as they are, unless they start with ``__``, the
theme's own prefix, or ``loa-search``, the ids Loa's search script looks up. So do the old anchors that
`loa.core.outputs.headings` puts inside a heading whose anchor changed (``<span class="loa-old-anchor" id="muc-ich"></span>``,
recognised in the exact form that extension writes, with an id of Python-Markdown's old slug), so that links to
them still land: written by hand, such an anchor can take no id a heading could not take with ``{#id}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

import nh3

from loa.core.safety.trust import LINK_SCHEMES, is_external

__all__ = ["ID_PREFIX", "OLD_ANCHOR_CLASS", "sanitize_body"]

ID_PREFIX = "nd-"
OLD_ANCHOR_CLASS = "loa-old-anchor"
"""The class of the empty element that keeps a heading's old anchor (`loa.core.outputs.headings`)."""
# Python-Markdown's old slugs are lower-case ASCII letters, digits, "_" and "-"; its serialiser sorts attributes.
_OLD_ANCHOR = re.compile(rf'<span class="{OLD_ANCHOR_CLASS}" id="([a-z0-9_-]+)"></span>')
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Ids that scripts look up: the theme's (Material's all start with "__") and Loa's search page's.
_RESERVED_ID_PREFIXES = ("__", "loa-search")

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type", "reversed"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
# Markdown's tables write column alignment as style="text-align: …"; nothing else may be styled.
_STYLE_PROPERTIES = {"text-align"}
_URL_SCHEMES = set(LINK_SCHEMES)


def sanitize_body(html: str) -> str:
    """Return a page body's HTML with everything that could run script or load a third party removed.

    Arguments:
        html: The body as Markdown rendered it.

    Returns:
        The cleaned HTML. Text, tables, admonitions, images, footnotes and links (relative, http(s), mailto, tel)
        are kept; links keep their ``rel`` as written.
    """
    prefixed: set[str] = set()
    kept: set[str] = (
        set()
    )  # heading ids and old anchors: a link to one of them goes there, whatever else shares it
    old_anchors = set(_OLD_ANCHOR.findall(html)) if OLD_ANCHOR_CLASS in html else set()

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name == "src" and is_external(value):
            return None
        if name == "id":
            if not value.startswith(_RESERVED_ID_PREFIXES):
                if tag in _HEADINGS:
                    kept.add(value)
                    return value
                if tag == "span" and value in old_anchors:
                    old_anchors.discard(value)  # one element per old anchor: the first, inside its heading
                    kept.add(value)
                    return value
            prefixed.add(value)
            return ID_PREFIX + value
        return value

    cleaned = _clean(html, attribute)
    if not prefixed or 'href="#' not in cleaned:
        return cleaned

    def link(tag: str, name: str, value: str) -> str | None:
        target = unquote(value[1:]) if name == "href" and value.startswith("#") else None
        if target is not None and (value[1:] in prefixed or target in prefixed) and target not in kept:
            return "#" + ID_PREFIX + value[1:]
        return value

    # The ids are known once the whole body is read: a link may come before its target.
    return _clean(cleaned, link)


def _clean(html: str, attribute: Callable[[str, str, str], str | None]) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        strip_comments=True,
        link_rel=None,
        url_schemes=_URL_SCHEMES,
        filter_style_properties=_STYLE_PROPERTIES,
        attribute_filter=attribute,
    )
