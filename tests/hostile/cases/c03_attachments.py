"""Class 3: active files committed next to documents, and files that take a path the theme or Loa writes.

Paths with {BUNDLE} / {MAIN_CSS} are filled in from the theme's real asset names in a good build."""

from __future__ import annotations

from tests.hostile.cases.base import ARTICLES, EITHER, IMAGES, REFUSED, Case, article_text, plan
from tests.hostile.harness import png

JS = "window.__pwned='hxc3z'; alert('hxc3z');\n"
HTML = "<!doctype html><html><body><script>window.__pwned='hxc3z'</script></body></html>\n"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=\'{t}\'" width="10" height="10">'
    "<script>window.__pwned='{t}'</script><a href=\"javascript:window.__pwned='{t}'\"><rect width=\"10\" "
    'height="10"/></a></svg>\n'
)


def _file(id: str, path: str, content: str | bytes, what: str, **extra: str) -> Case:
    files: dict[str, str | bytes] = {path: content, **extra}
    return Case(id=id, cls=3, outcome=REFUSED, what=what, files=files, path=(path,))


def _linked(id: str, path: str, content: str | bytes, link: str, what: str) -> Case:
    """The file is referenced by a published article, so it would be published if accepted."""
    return _file(
        id,
        path,
        content,
        what,
        **{
            f"{ARTICLES}/a-link.md": article_text(
                f"Tải về [tệp đính kèm]({link}).\n", title="Tin có tệp đính kèm"
            )
        },
    )


CASES = [
    _file("c3-js-in-content", f"{ARTICLES}/hx.js", JS, ".js next to an article"),
    _file("c3-js-in-plans", "plans/2022/hx.js", JS, ".js next to a plan"),
    _file("c3-mjs-in-content", "content/hx.mjs", JS, "ES module file"),
    _linked(
        "c3-html-linked", f"{ARTICLES}/hx.html", HTML, "hx.html", ".html linked from a published article"
    ),
    _file("c3-htm-in-plans", "plans/2022/hx.htm", HTML, ".htm next to a plan"),
    _file(
        "c3-xhtml",
        "content/hx.xhtml",
        HTML.replace("<!doctype html><html>", '<html xmlns="http://www.w3.org/1999/xhtml">'),
        ".xhtml file",
    ),
    _file(
        "c3-css",
        "content/hx.css",
        "@import url(https://evil.example/x.css); body{display:none}\n",
        ".css file",
    ),
    _linked(
        "c3-png-is-html",
        f"{IMAGES}/hx-html.png",
        HTML,
        "../../images/hx-html.png",
        ".png whose bytes are HTML",
    ),
    _linked("c3-pdf-is-html", f"{ARTICLES}/hx-html.pdf", HTML, "hx-html.pdf", ".pdf whose bytes are HTML"),
    _file(
        "c3-theme-bundle",
        "content/assets/javascripts/{BUNDLE}",
        JS,
        "Material's bundle.<hash>.min.js replaced",
    ),
    _file(
        "c3-theme-stylesheet",
        "content/assets/stylesheets/{MAIN_CSS}",
        "body{display:none}\n",
        "Material's main.<hash>.min.css replaced",
    ),
    _file(
        "c3-theme-favicon",
        "content/assets/images/favicon.png",
        png("hxc3faviconz"),
        "a passive PNG at the theme's favicon path",
    ),
    _file("c3-loa-search-js", "content/assets/loa/loa-search.js", JS, "Loa's search script replaced"),
    _file("c3-loa-card", "content/assets/cards/trang.png", png("hxc3cardz"), "Loa's share card replaced"),
    _file(
        "c3-search-index", "content/search/index.js", "loaSearchData({});" + JS, "the search index replaced"
    ),
    _file(
        "c3-feed",
        "content/feeds/tat-ca.rss",
        "<rss><channel><title>x</title></channel></rss>\n",
        "the all-items feed replaced",
    ),
    _file("c3-404", "content/404.html", HTML, "the 404 page replaced"),
    _file("c3-sitemap", "content/sitemap.xml", "<urlset/>\n", "the sitemap replaced"),
    _file(
        "c3-page-search-path",
        "content/tim-kiem.md",
        "---\nkind: page\ntitle: Tìm kiếm giả\n---\n\nGiả mạo.\n",
        "a page at Loa's search page address",
    ),
    _file(
        "c3-page-listing-path",
        "content/danh-muc/index.md",
        "---\nkind: page\ntitle: Danh mục giả\n---\n\nGiả.\n",
        "a page at Loa's listing address",
    ),
    Case(
        id="c3-nginx-include",
        cls=3,
        outcome=EITHER,
        what="a file at .nginx/csp.conf (refused or never published)",
        files={"content/.nginx/csp.conf": "add_header X-Hx hxc3nginxincludez;\n"},
        path=("content/.nginx/csp.conf",),
        canaries=("hxc3nginxincludez",),
    ),
    Case(
        id="c3-svg-script",
        cls=3,
        outcome=EITHER,
        what="SVG with script linked from a published plan",
        files={
            "plans/2022/hx.svg": SVG.format(t="hxc3svgscriptz"),
            "plans/2022/p-svg.md": plan("Sơ đồ: [tải về](hx.svg).\n"),
        },
        path=("plans/2022/hx.svg",),
    ),
    Case(
        id="c3-svg-image",
        cls=3,
        outcome=EITHER,
        what="SVG with onload shown as an image in an article",
        files={
            f"{IMAGES}/hx-anh.svg": SVG.format(t="hxc3svgimagez"),
            f"{ARTICLES}/a-svg.md": article_text("![Sơ đồ](../../images/hx-anh.svg)\n", title="Tin ảnh SVG"),
        },
        path=(f"{IMAGES}/hx-anh.svg",),
    ),
]
