"""The citation linker: a mention in a text node is wrapped in a link, never one inside a tag, a link or code,
and the text of the page is unchanged character for character."""

from __future__ import annotations

import re

import pytest

from loa.core.model.document import PartialDate
from loa.core.references.linking import CitationLinker
from loa.core.references.xref import Reference, Target
from loa.core.text.citations import detect_citations

MENTION = "Kế hoạch số 85-KH/TU"
TARGET = Target(
    key="doc:plans/2021/a.md",
    label="Kế hoạch số 85-KH/TU",
    number="85-KH/TU",
    type="Kế hoạch",
    issuer="thi-uy-sa-pa",
    date=PartialDate(2021, 12, 15),
    title="về việc tuyên truyền",
    url="plans/2021/a/",
)
LINK = (
    '<a class="loa-cite" href="../../2021/a/" title="Kế hoạch số 85-KH/TU – ngày 15/12/2021 – về việc tuyên '
    f'truyền">{MENTION}</a>'
)


def _references(
    text: str, *, target: Target | None = TARGET, candidates: tuple[Target, ...] = (), in_title: bool = False
) -> list[Reference]:
    return [
        Reference(
            source="plans/2022/b.md",
            citation=c,
            relation="cites",
            target=target,
            candidates=candidates,
            in_title=in_title,
        )
        for c in detect_citations(text)
    ]


def _link(markup: str, text: str | None = None, **kwargs: object) -> str:
    references = _references(text if text is not None else re.sub(r"<[^>]*>", "", markup), **kwargs)  # type: ignore[arg-type]
    return CitationLinker(references, href=lambda r: "../../2021/a/" if r.target else None).link(markup)


def _text(markup: str) -> str:
    return re.sub(r"<[^>]*>", "", markup)


def test_a_mention_in_text_is_linked_and_the_text_is_unchanged():
    markup = f"<p>Thực hiện {MENTION}, Thị ủy tổ chức.</p>"
    linked = _link(markup)
    assert linked == f"<p>Thực hiện {LINK}, Thị ủy tổ chức.</p>"
    assert _text(linked) == _text(markup)


@pytest.mark.parametrize(
    "markup",
    [
        f'<p><a href="../x/" title="{MENTION}">xem</a></p>',
        f'<p><img src="anh.png" alt="Ảnh chụp {MENTION} ngày ký"></p>',
        f'<p><abbr title="{MENTION}">KH 85</abbr></p>',
        f'<p><span title="a &gt; b {MENTION}">x</span></p>',
        f'<p><img alt="a &lt; b {MENTION}" src="x.png"></p>',
    ],
)
def test_a_mention_inside_a_tag_attribute_is_not_wrapped(markup):
    assert _link(markup, text=MENTION) == markup


def test_a_mention_in_an_attribute_then_in_text_links_the_text_one():
    markup = f'<p><img alt="{MENTION}" src="a.png"> Theo {MENTION}.</p>'
    assert _link(markup, text=MENTION) == f'<p><img alt="{MENTION}" src="a.png"> Theo {LINK}.</p>'


@pytest.mark.parametrize(
    "markup",
    [
        f'<p><a href="../x/">{MENTION}</a></p>',
        f'<p><a href="../x/"><strong>{MENTION}</strong></a></p>',
        f'<p><a class="headerlink" href="#x" title="t">{MENTION}</a></p>',
        f'<p><a id="nd-x">{MENTION}</a></p>',
        f"<p><code>{MENTION}</code></p>",
        f"<pre><code>dòng 1\n{MENTION}\n</code></pre>",
    ],
)
def test_a_mention_inside_a_link_or_code_is_not_wrapped(markup):
    assert _link(markup, text=MENTION) == markup


def test_a_mention_inside_an_anchor_without_attributes_is_not_wrapped():
    markup = f"<p><a>{MENTION}</a></p>"
    assert _link(markup, text=MENTION) == markup


def test_a_mention_after_a_closed_link_or_code_is_linked():
    markup = f'<p><a href="../x/">xem</a> <code>x</code> {MENTION}</p>'
    assert _link(markup, text=MENTION) == f'<p><a href="../x/">xem</a> <code>x</code> {LINK}</p>'


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Kế hoạch số <em>85</em>-KH/TU</p>",
        "<p><strong>Kế hoạch</strong> số 85-KH/TU</p>",
        "<p>Kế hoạch số 85-<span>KH</span>/TU</p>",
    ],
)
def test_a_mention_split_by_inline_markup_stays_plain_text(markup):
    assert _link(markup, text=MENTION) == markup


def test_a_split_mention_does_not_shift_the_next_ones():
    text = f"{MENTION} và Kết luận số 21-KL/TW"
    markup = "<p>Kế hoạch số <em>85</em>-KH/TU và Kết luận số 21-KL/TW</p>"
    linked = _link(markup, text=text)
    assert linked.startswith('<p>Kế hoạch số <em>85</em>-KH/TU và <a class="loa-cite"')
    assert linked.endswith(">Kết luận số 21-KL/TW</a></p>")


def test_each_mention_is_linked_once_in_order():
    markup = f"<p>{MENTION}; lại {MENTION}.</p>"
    assert _link(markup) == f"<p>{LINK}; lại {LINK}.</p>"


def test_unresolved_and_ambiguous_mentions_are_marked_not_linked():
    markup = f"<p>{MENTION}</p>"
    assert _link(markup, target=None) == (
        '<p><span class="loa-cite loa-cite--unresolved" '
        f'title="Văn bản này chưa có trên trang">{MENTION}</span></p>'
    )
    assert _link(markup, target=None, candidates=(TARGET, TARGET)) == (
        '<p><span class="loa-cite loa-cite--ambiguous" title="Chưa xác định: có nhiều văn bản cùng số">'
        f"{MENTION}</span></p>"
    )


def test_title_mentions_and_body_mentions_are_kept_apart():
    references = _references(MENTION, in_title=True)
    linker = CitationLinker(references, href=lambda r: "../../2021/a/")
    assert linker.link(f"<p>{MENTION}</p>") == f"<p>{MENTION}</p>"
    assert linker.link(MENTION, title=True) == LINK


def test_a_mention_with_an_ampersand_is_found_in_escaped_html():
    markup = "<p>Quyết định số 12/QĐ-UBND &amp; Kế hoạch số 85-KH/TU</p>"
    linked = _link(markup, text="Quyết định số 12/QĐ-UBND & Kế hoạch số 85-KH/TU")
    assert linked.endswith(f"&amp; {LINK}</p>")
    assert _text(linked) == _text(markup)


def test_markup_without_references_is_returned_unchanged():
    markup = f'<p title="{MENTION}">x</p>'
    assert CitationLinker([], href=lambda r: "x").link(markup) == markup
