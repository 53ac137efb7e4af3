"""Body HTML sanitising: what an editor's Markdown may put on a page.

Markdown passes raw HTML through, and ``attr_list`` adds any attribute to any element (``{ onclick=... }``). Every
body is therefore cleaned with nh3 (ammonia) after Markdown and before Loa adds its own markup: no ``<script>``,
``<iframe>``, ``<object>``, ``<style>``, event handler, ``javascript:`` or ``data:`` link, or HTML comment reaches
a page, while what Markdown and its extensions write (tables, admonitions, images, footnotes, permalinks) stays.
"""

from __future__ import annotations

import nh3

__all__ = ["sanitize_body"]

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
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
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_body(html: str) -> str:
    """Return a page body's HTML with everything that could run script or load a third party removed.

    Arguments:
        html: The body as Markdown rendered it.

    Returns:
        The cleaned HTML. Text, tables, admonitions, images, footnotes and links (relative, http(s), mailto, tel)
        are kept; links keep their ``rel`` as written.
    """
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, strip_comments=True, link_rel=None,
                     url_schemes=_URL_SCHEMES, filter_style_properties=_STYLE_PROPERTIES)
