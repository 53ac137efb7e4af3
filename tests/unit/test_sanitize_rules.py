"""The body sanitiser: what Markdown and its extensions write stays, what could run or load elsewhere goes,
body ids are prefixed with ``nd-`` (in-page links follow) and heading anchors stay as old links know them."""

from __future__ import annotations

import pytest

from loa.core.safety.sanitize import ID_PREFIX, sanitize_body

KEPT = [
    '<div class="admonition note"><p class="admonition-title">Ghi chú</p><p>Nội dung</p></div>',
    '<details open=""><summary>Xem thêm</summary><p>Chi tiết</p></details>',
    '<pre><code class="language-python">a &lt; b &amp;&amp; c</code></pre>',
    '<p><img src="anh/hoi-nghi.png" alt="Hội nghị" width="640" height="480" loading="lazy"></p>',
    '<p><img src="../anh/a.png" alt=""> <img src="/assets/a.png" alt=""></p>',
    (
        '<p><a href="../ke-hoach/">nội bộ</a> <a href="https://sapa.lao-cai.vn/">cổng</a> '
        '<a href="mailto:btg@sapa.vn">thư</a> <a href="tel:+842143871234">gọi</a> <a href="?q=1">hỏi</a></p>'
    ),
    (
        '<table><thead><tr><th colspan="2" scope="col">Đơn vị</th></tr></thead>'
        '<tbody><tr><td rowspan="2">1</td><td>Phường Sa Pa</td></tr></tbody></table>'
    ),
    '<ol start="3" type="a" reversed=""><li>ba</li></ol>',
    '<blockquote cite="https://e.vn/"><p>trích</p></blockquote><p><q cite="https://e.vn/">dẫn</q></p>',
    (
        '<p><abbr title="Ban Thường vụ">BTV</abbr> <kbd>Ctrl</kbd> <mark>đánh dấu</mark> <del>bỏ</del> <ins>thêm</ins> '
        '<sub>2</sub><sup>3</sup> <time datetime="2022-03-15">15/3</time> <span lang="en" dir="ltr">en</span></p>'
    ),
    '<figure><img src="a.png" alt="a"><figcaption>Chú thích</figcaption></figure><hr><p>a<br>b<wbr>c</p>',
    (
        '<h2 id="i-muc-dich-yeu-cau">I. MỤC ĐÍCH<a class="headerlink" href="#i-muc-dich-yeu-cau" '
        'title="Permanent link">¶</a></h2>'
    ),
]


@pytest.mark.parametrize("html", KEPT)
def test_what_markdown_and_its_extensions_write_is_kept_as_is(html):
    assert sanitize_body(html) == html


def test_table_alignment_is_the_only_style_kept():
    html = (
        '<table><tr><th style="text-align: center;">A</th><td style="text-align: right; color: red; '
        'background: url(https://e.vn/t.png)">1</td></tr></table><p style="color:red">p</p>'
    )
    assert sanitize_body(html) == (
        '<table><tbody><tr><th style="text-align:center">A</th>'
        '<td style="text-align:right">1</td></tr></tbody></table><p>p</p>'
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>alert(1)</script><p>a</p>", "<p>a</p>"),
        ('<p onclick="alert(1)" onmouseover="x()">a</p>', "<p>a</p>"),
        ('<iframe src="https://e.vn/"></iframe><p>a</p>', "<p>a</p>"),
        ('<object data="x.swf"></object><embed src="x.swf"><p>a</p>', "<p>a</p>"),
        ("<style>p{color:red}</style><p>a</p>", "<p>a</p>"),
        ("<!-- ghi chú nội bộ --><p>a</p>", "<p>a</p>"),
        ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="JaVaScRiPt:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="data:text/html,x">a</a>', "<a>a</a>"),
        (
            '<a href="vbscript:x">a</a><a href="sms:1">b</a><a href="ftp://e.vn/">c</a>',
            "<a>a</a><a>b</a><a>c</a>",
        ),
        ('<img src="https://e.vn/theo-doi.png" alt="t">', '<img alt="t">'),
        ('<img src="//e.vn/theo-doi.png" alt="t">', '<img alt="t">'),
        ('<img src="data:image/png;base64,AAAA" alt="t">', '<img alt="t">'),
        ('<a href="https://e.vn/" target="_blank">a</a>', '<a href="https://e.vn/">a</a>'),
        ('<p data-x="1" hidden="" contenteditable="true" tabindex="1">a</p>', "<p>a</p>"),
        ('<form action="https://e.vn/"><input name="q"><button>Gửi</button></form>', "Gửi"),
        (
            '<base href="https://e.vn/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x.css">',
            "",
        ),
        ('<svg><a href="x">s</a></svg><math><mi>x</mi></math>', ""),
    ],
)
def test_what_could_run_script_or_load_a_third_party_goes(html, expected):
    assert sanitize_body(html) == expected


def test_body_ids_are_prefixed_and_their_in_page_links_follow_even_before_the_target():
    html = (
        '<p><a href="#bang-1">xem bảng</a> <a href="#fn%3A1">1</a></p><table id="bang-1"><tr><td>x</td></tr>'
        '</table><p id="fn:1">chú thích</p>'
    )
    assert sanitize_body(html) == (
        f'<p><a href="#{ID_PREFIX}bang-1">xem bảng</a> <a href="#{ID_PREFIX}fn%3A1">1</a>'
        f'</p><table id="{ID_PREFIX}bang-1"><tbody><tr><td>x</td></tr></tbody></table>'
        f'<p id="{ID_PREFIX}fn:1">chú thích</p>'
    )


def test_footnotes_keep_working_after_prefixing():
    html = (
        '<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p><div class="footnote"><ol>'
        '<li id="fn:1"><p>y<a class="footnote-backref" href="#fnref:1" title="Về chỗ cũ">↩</a></p></li></ol>'
        "</div>"
    )
    assert sanitize_body(html) == html.replace('id="', f'id="{ID_PREFIX}').replace(
        'href="#', f'href="#{ID_PREFIX}'
    )


def test_heading_ids_and_links_to_them_are_unchanged():
    html = '<h2 id="muc-dich">Mục đích</h2><h6 id="x">x</h6><p><a href="#muc-dich">lên</a> <a href="#x">x</a></p>'
    assert sanitize_body(html) == html


def test_links_to_ids_the_body_does_not_have_are_unchanged():
    html = '<p id="a">a</p><p><a href="#khac">khác</a> <a href="../b/#a">trang khác</a></p>'
    assert (
        sanitize_body(html)
        == f'<p id="{ID_PREFIX}a">a</p><p><a href="#khac">khác</a> <a href="../b/#a">trang khác</a></p>'
    )


@pytest.mark.parametrize("reserved", ["__config", "__search", "__drawer", "loa-search", "loa-search-results"])
def test_ids_the_page_scripts_read_are_never_taken_even_by_a_heading(reserved):
    html = f'<h2 id="{reserved}">x</h2><p id="{reserved}-p">y</p><a href="#{reserved}">z</a>'
    assert sanitize_body(html) == (
        f'<h2 id="{ID_PREFIX}{reserved}">x</h2><p id="{ID_PREFIX}{reserved}-p">y</p>'
        f'<a href="#{ID_PREFIX}{reserved}">z</a>'
    )


def test_text_is_kept_character_for_character():
    html = "<p>Thị ủy Sa Pa &amp; UBND: 5 &lt; 6, “trích dẫn” – ‘nháy’ … 1.750.060.000 đ</p>"
    assert sanitize_body(html) == html


def test_links_keep_their_rel_as_written():
    html = '<a href="https://e.vn/" rel="nofollow">a</a>'
    assert sanitize_body(html) == html


def test_a_link_to_a_heading_still_reaches_the_heading_when_another_element_has_its_id():
    html = '<p><a href="#muc-dich">lên</a></p><h2 id="muc-dich">Mục đích</h2><p id="muc-dich">x</p>'
    assert sanitize_body(html).startswith('<p><a href="#muc-dich">')
