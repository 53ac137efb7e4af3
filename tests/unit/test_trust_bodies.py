"""Bodies load nothing from elsewhere, and their ids cannot take the page's own: refused first, then sanitised."""

from __future__ import annotations

import markdown
import pytest
from lxml import html as lxml_html

from loa.core.safety.sanitize import ID_PREFIX, sanitize_body
from loa.core.safety.trust import external_resources
from tests.conftest import plan_text
from tests.unit.test_loading import _load

# (body, line of the resource in the body): each loads one thing from elsewhere.
EXTERNAL = [
    ('<img src="https://evil.example/t.gif" alt="">', 1),
    ("<IMG SRC='HTTPS://evil.example/t.gif'>", 1),
    ("<img src=//evil.example/t.gif>", 1),
    ('Đoạn.\n\n<img\n  alt="a"\n  src=" https://evil.example/t.gif">', 3),
    ('<img src="&#104;ttps://evil.example/t.gif">', 1),
    ('<img src="h&#x74;tps://evil.example/t.gif">', 1),
    ('<img src="\\\\evil.example\\t.gif">', 1),
    ('<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x">', 1),
    ('<picture><source srcset="https://evil.example/a.webp"><img src="a.png"></picture>', 1),
    ('<video src="https://evil.example/v.mp4"></video>', 1),
    ('<video poster="https://evil.example/p.jpg"></video>', 1),
    ('<audio src="https://evil.example/a.mp3"></audio>', 1),
    ('<audio>\n<source src="https://evil.example/a.ogg">\n</audio>', 2),
    ('<track src="https://evil.example/t.vtt">', 1),
    ('<iframe src="https://evil.example/"></iframe>', 1),
    ('<embed src="https://evil.example/x.swf">', 1),
    ('<object data="https://evil.example/x.pdf"></object>', 1),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', 1),
    ('<script src="https://evil.example/x.js"></script>', 1),
    ('<svg><image href="https://evil.example/x.png"/></svg>', 1),
    ('<svg><use xlink:href="https://evil.example/s.svg#a"/></svg>', 1),
    ('<table background="https://evil.example/b.png"><tr><td>a</td></tr></table>', 1),
    ('<p style="background:url(https://evil.example/b.png)">a</p>', 1),
    ("<p style=\"background-image: URL( 'https://evil.example/b.png' )\">a</p>", 1),
    ('<p style="background:url(&quot;//evil.example/b.png&quot;)">a</p>', 1),
    ('<p style="background:u\\72l(https://evil.example/b.png)">a</p>', 1),
    ("<div style=\"background-image:image-set('https://evil.example/a.png' 1x)\">a</div>", 1),
    ("<style>\np { background: url(https://evil.example/b.png) }\n</style>", 1),
    ('<style>@import "https://evil.example/x.css";</style>', 1),
    ('Đoạn có ảnh.\n{: style="background:url(https://evil.example/b.png)" }', 2),
    ('![Ảnh](a.png){: src="https://evil.example/t.gif" }', 1),
    ('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">', 1),
]
# Nothing here loads from elsewhere.
LOCAL = [
    '<img src="anh.png" alt="Ảnh">',
    '<a href="https://vanban.example/">một liên kết</a> là một liên kết, không tải gì.',
    "[Văn bản gốc](https://vanban.example/a.pdf)",
    '```html\n<img src="https://evil.example/t.gif">\n```',
    '~~~\n<iframe src="https://evil.example/"></iframe>\n~~~',
    'Mã `<img src="https://evil.example/t.gif">` trong dòng.',
    'Đoạn.\n\n    <img src="https://evil.example/t.gif">\n',
    '<!-- <img src="https://evil.example/t.gif"> -->',
    '<p style="text-align: center">giữa</p>',
    "Địa chỉ https://evil.example/t.gif viết trong chữ.",
    "{: #muc-mot }",
]


@pytest.mark.parametrize(("body", "line"), EXTERNAL, ids=[b[:50] for b, _ in EXTERNAL])
def test_each_external_resource_is_found_at_its_line(body, line):
    found = external_resources(body)
    assert [at for at, _ in found] == [line], found
    assert "evil.example" in found[0][1] or "data:" in found[0][1]


@pytest.mark.parametrize("body", LOCAL, ids=[b[:50] for b in LOCAL])
def test_local_resources_links_and_code_are_left_alone(body):
    assert external_resources(body) == []


@pytest.mark.parametrize(
    "image",
    [
        "![Ảnh](https://evil.example/t.gif)",
        "![Ảnh](<//evil.example/t.gif>)",
        "![Ảnh][t]\n\n[t]: HTTP://evil.example/t.gif",
    ],
)
def test_markdown_images_from_elsewhere_are_refused_by_the_loader(project, image):
    body = f"Đoạn mở đầu.\n\n{image}\n"
    text = plan_text(body)
    root = project({"plans/a.md": text})
    found = [d for d in _load(root).diagnostics if d.code == "body.external"]
    assert [(d.path, d.line) for d in found] == [
        ("plans/a.md", text.split("\n").index(image.split("\n")[-1]) + 1)
    ]
    assert "ảnh" in found[0].message


def test_raw_html_resources_are_refused_by_the_loader_with_their_lines(project):
    body = "Đoạn một.\n\n" + "\n\n".join(b for b, _ in EXTERNAL) + "\n"
    text = plan_text(body)
    root = project({"plans/a.md": text})
    found = [d for d in _load(root).diagnostics if d.code == "body.external"]
    assert len(found) == len(EXTERNAL), [d.format() for d in found]
    lines = text.split("\n")
    for diagnostic in found:
        assert diagnostic.path == "plans/a.md" and "trang khác" in diagnostic.message
        assert any(x in lines[diagnostic.line - 1] for x in ("evil", "<", "{:")), diagnostic.format()


OBFUSCATED_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A&#x61&#x76&#x61script:alert(1)",
    " javascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "jav&#x0A;ascript:alert(1)",
    "\x01javascript:alert(1)",
]


@pytest.mark.parametrize("href", OBFUSCATED_LINKS, ids=repr)
def test_body_links_with_other_schemes_lose_their_address(href):
    cleaned = sanitize_body(f'<p><a href="{href}">bấm</a></p>')
    anchor = lxml_html.fragment_fromstring(cleaned, create_parent="div").find(".//a")
    assert anchor is not None and anchor.get("href") is None, cleaned


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/t.gif",
        "//evil.example/t.gif",
        "HTTP://evil.example/t.gif",
        " https://evil.example/t.gif",
        "&#104;ttps://evil.example/t.gif",
        "\\\\evil.example\\t.gif",
        "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
    ],
)
def test_the_sanitiser_drops_what_would_load_from_elsewhere(src):
    cleaned = sanitize_body(f'<p><img src="{src}" alt="Ảnh"><img src="anh.png" alt="Ảnh 2"></p>')
    images = lxml_html.fragment_fromstring(cleaned, create_parent="div").findall(".//img")
    assert [img.get("src") for img in images] == [None, "anh.png"], cleaned


def _render(body: str) -> str:
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "md_in_html", "tables", "loa.core.outputs.headings"],
        extension_configs={"toc": {"permalink": True}},
    )
    return sanitize_body(md.convert(body))


CLOBBER = """\
## Điều một

## Phạm vi {#pham-vi}

## __config

<div id="__config">giả</div>

<p id="__search" name="__search">giả</p>

<a name="__config">neo</a> <img name="getElementById" src="anh.png" alt="">

<form id="__drawer"><input name="__toc"></form>

<h2 id="loa-search">Tìm</h2>

Đoạn có neo.
{: #diem-a }

<span id="ghi-chu">ghi chú</span>

Xem [điều một](#ieu-mot), [phạm vi](#pham-vi), [điểm a](#diem-a), [ghi chú](#ghi-chu), [cấu hình](#__config),
[Loa](#lich-su) và [ngoài](https://vanban.example/#diem-a).
"""


def test_body_ids_are_prefixed_and_in_page_links_follow():
    root = lxml_html.fragment_fromstring(_render(CLOBBER), create_parent="div")
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert not [i for i in ids if not i.startswith(ID_PREFIX) and i.startswith("__")], ids
    assert not [e for e in root.iter() if e.get("name")], "no name attribute reaches the page"
    # Heading anchors and the old anchors kept inside headings are unchanged; the rest is prefixed.
    assert {"dieu-mot", "ieu-mot", "pham-vi", "config"} <= set(ids)
    assert {
        f"{ID_PREFIX}diem-a",
        f"{ID_PREFIX}ghi-chu",
        f"{ID_PREFIX}__config",
        f"{ID_PREFIX}__search",
        f"{ID_PREFIX}loa-search",
    } <= set(ids)
    assert "loa-search" not in ids
    links = {a.text: a.get("href") for a in root.iter("a") if a.text}
    assert links["điều một"] == "#ieu-mot" and links["phạm vi"] == "#pham-vi", "a link to an old anchor stays"
    assert links["điểm a"] == f"#{ID_PREFIX}diem-a" and links["ghi chú"] == f"#{ID_PREFIX}ghi-chu"
    assert links["cấu hình"] == f"#{ID_PREFIX}__config"
    assert links["Loa"] == "#lich-su", "links to Loa's own sections stay"
    assert links["ngoài"] == "https://vanban.example/#diem-a"
    for anchor in root.iter("a"):
        href = anchor.get("href") or ""
        if href.startswith("#") and href != "#lich-su":
            assert href[1:] in ids, href
    headerlinks = [a.get("href") for a in root.iter("a") if a.get("class") == "headerlink"]
    assert headerlinks == ["#dieu-mot", "#pham-vi", "#config"]
    # An old anchor can no more take a theme id than a heading can.
    assert root.xpath("//h2[@id='config']/span[@class='loa-old-anchor']/@id") == [f"{ID_PREFIX}__config"]


def test_heading_anchors_are_unchanged_by_the_sanitiser():
    body = "# Kế hoạch\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n## ——\n"
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "loa.core.outputs.headings"],
        extension_configs={"toc": {"permalink": True}},
    )
    raw = md.convert(body)
    assert _render(body) == sanitize_body(raw)
    before = [
        e.get("id") for e in lxml_html.fragment_fromstring(raw, create_parent="div").iter() if e.get("id")
    ]
    after = [
        e.get("id")
        for e in lxml_html.fragment_fromstring(sanitize_body(raw), create_parent="div").iter()
        if e.get("id")
    ]
    # Each heading whose anchor changed opens with its old one (Python-Markdown's slug), kept as it is.
    assert (
        before
        == after
        == [
            "ke-hoach",
            "i-muc-dich-yeu-cau",
            "i-muc-ich-yeu-cau",
            "1-muc-dich",
            "1-muc-ich",
            "i-muc-dich-yeu-cau_1",
            "i-muc-ich-yeu-cau_1",
            "_1",
        ]
    )


@pytest.mark.parametrize(
    "body",
    [
        "<a" + " " * 200_000,
        "<a " * 70_000,
        "{: a=" * 40_000,
        '<a x="' * 35_000,
        "<style>" + "url(" * 50_000,
        "<style" * 35_000,
        '<p style="' + 'url("' * 40_000,
        '<img src="https://e.example/x">\n' * 7_000,
    ],
    ids=["spaces", "tags", "attr-lists", "quotes", "css", "styles", "style-quotes", "images"],
)
def test_the_scan_is_linear_on_hostile_bodies(body):
    import time

    start = time.monotonic()
    found = external_resources(body)
    assert time.monotonic() - start < 1.0
    assert len(found) == (7_000 if body.startswith("<img") else 0)


@pytest.mark.parametrize("href", OBFUSCATED_LINKS, ids=repr)
def test_raw_html_links_with_other_schemes_are_refused(project, href):
    body = f'Đoạn một.\n\nĐoạn có <a href="{href}">liên kết</a>.\n'
    text = plan_text(body)
    root = project({"plans/a.md": text})
    found = [d for d in _load(root).diagnostics if d.code == "body.link-scheme"]
    assert [(d.path, d.line) for d in found] == [
        ("plans/a.md", text.split("\n").index(body.split("\n")[2]) + 1)
    ]


@pytest.mark.parametrize(
    "link",
    [
        "[bấm](javascript:alert(1))",
        "[bấm](<JaVaScRiPt:alert(1)>)",
        "[bấm](data:text/html,x)",
        "[bấm][r]\n\n[r]: vbscript:msgbox(1)",
        "[bấm](&#106;avascript:alert(1))",
    ],
)
def test_markdown_links_with_other_schemes_are_refused(project, link):
    text = plan_text(f"Đoạn một.\n\n{link}\n")
    root = project({"plans/a.md": text})
    found = [d for d in _load(root).diagnostics if d.code == "body.link-scheme"]
    assert len(found) == 1 and "không được phép" in found[0].message, [
        d.format() for d in _load(root).diagnostics
    ]


@pytest.mark.parametrize(
    "link",
    [
        "[văn bản](https://vanban.example/a)",
        "[thư](mailto:vp@example.org)",
        "[gọi](tel:+842143871234)",
        "[mục](#muc)",
        '<a href="https://vanban.example/">a</a>',
        '<a href="#muc">mục</a>',
        "`[mã](javascript:x)`",
    ],
)
def test_ordinary_links_pass(project, link):
    root = project({"plans/a.md": plan_text(f"Đoạn một.\n\n{link}\n")})
    assert not [d for d in _load(root).diagnostics if d.code == "body.link-scheme"]
