"""Heading anchors: the slug keeps every Vietnamese letter, and each changed anchor keeps its old id inside."""

from __future__ import annotations

import unicodedata

import markdown
import pytest
from lxml import html as lxml_html

from loa.core.safety.sanitize import ID_PREFIX, OLD_ANCHOR_CLASS, sanitize_body
from loa.core.text.normalize import heading_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("MỤC ĐÍCH, YÊU CẦU", "muc-dich-yeu-cau"),
        ("Đảng bộ", "dang-bo"),
        ("I. MỤC ĐÍCH", "i-muc-dich"),
        ("II. NHIỆM VỤ VÀ GIẢI PHÁP", "ii-nhiem-vu-va-giai-phap"),
        ("1.2. Đối tượng", "1-2-doi-tuong"),
        ("hoà giải", "hoa-giai"),
        ("hòa giải", "hoa-giai"),
        (unicodedata.normalize("NFD", "Điều 3. Tổ chức thực hiện"), "dieu-3-to-chuc-thuc-hien"),
        ("Ðảng ủy", "dang-uy"),  # Icelandic eth pasted for Đ
        ("  Phụ lục — “Biểu mẫu” (kèm theo)  ", "phu-luc-bieu-mau-kem-theo"),
        ("Nội_dung", "noi-dung"),
        ("——", ""),
    ],
)
def test_heading_slug(text, slug):
    assert heading_slug(text) == slug


def test_heading_slug_joins_words_with_the_tocs_separator():
    assert heading_slug("Mục đích chung", "_") == "muc_dich_chung"


def _convert(body: str, **toc: object) -> tuple[lxml_html.HtmlElement, list[dict[str, object]]]:
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "loa.core.outputs.headings"],
        extension_configs={"toc": {"permalink": True, **toc}},
    )
    root = lxml_html.fragment_fromstring(sanitize_body(md.convert(body)), create_parent="div")
    return root, md.toc_tokens


def _anchors(root: lxml_html.HtmlElement) -> list[tuple[str, str | None]]:
    """(heading id, old anchor id or None) of every heading."""
    found = []
    for heading in root.xpath("//h1|//h2|//h3|//h4"):
        old = heading.find(f"span[@class='{OLD_ANCHOR_CLASS}']")
        found.append((heading.get("id"), None if old is None else old.get("id")))
    return found


def test_changed_anchors_keep_their_old_id_inside_the_heading():
    root, tokens = _convert("## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\n### 2. Yêu cầu\n\n## Đảng bộ\n")
    assert _anchors(root) == [
        ("i-muc-dich-yeu-cau", "i-muc-ich-yeu-cau"),
        ("1-muc-dich", "1-muc-ich"),
        ("2-yeu-cau", None),
        ("dang-bo", "ang-bo"),
    ]
    # The old anchor is empty and comes first: the heading's text and its permalink are as before.
    heading = root.get_element_by_id("i-muc-dich-yeu-cau")
    old = heading[0]
    assert (
        old.tag == "span"
        and old.get("class") == OLD_ANCHOR_CLASS
        and not old.text
        and old.get("href") is None
    )
    assert heading.text_content() == "I. MỤC ĐÍCH, YÊU CẦU¶"
    assert heading.find("a[@class='headerlink']").get("href") == "#i-muc-dich-yeu-cau"
    # The table of contents leads to the new anchors.
    assert [t["id"] for t in tokens] == ["i-muc-dich-yeu-cau", "dang-bo"]
    assert [c["id"] for c in tokens[0]["children"]] == ["1-muc-dich", "2-yeu-cau"]


def test_repeated_headings_are_numbered_as_the_toc_numbers_them_old_and_new():
    body = "## Mục đích\n\n## Mục đích\n\n## Mục đích\n"
    root, _ = _convert(body)
    assert _anchors(root) == [
        ("muc-dich", "muc-ich"),
        ("muc-dich_1", "muc-ich_1"),
        ("muc-dich_2", "muc-ich_2"),
    ]
    # The old numbering is exactly what Python-Markdown alone gave these headings.
    plain = markdown.Markdown(extensions=["toc"])
    plain.convert(body)
    assert [t["id"] for t in plain.toc_tokens] == ["muc-ich", "muc-ich_1", "muc-ich_2"]


def test_an_old_anchor_never_takes_an_id_the_page_already_has():
    # "Mục ich" now owns muc-ich: the heading that used to have it does not get a second element with that id.
    # Old ids are numbered among every id of the page, as the toc numbered them (here muc-ich_1 was a paragraph's).
    root, _ = _convert("## Mục đích\n\n## Mục ich\n\nĐoạn.\n{: #muc-ich_1 }\n")
    assert _anchors(root) == [("muc-dich", None), ("muc-ich", "muc-ich_2")]
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), ids


def test_nfd_text_and_either_tone_placement_give_the_same_anchor():
    root, _ = _convert(unicodedata.normalize("NFD", "## Hoà giải\n\n## Hòa giải\n"))
    assert [h for h, _ in _anchors(root)] == ["hoa-giai", "hoa-giai_1"]


def test_ids_an_editor_wrote_are_kept_and_get_no_old_anchor():
    root, _ = _convert("## Mục đích {#muc-dich-rieng}\n")
    assert _anchors(root) == [("muc-dich-rieng", None)]


def test_an_operators_own_slugify_stands():
    def upper(value: str, separator: str) -> str:
        return value.upper().replace(" ", separator)

    root, _ = _convert("## Mục đích\n", slugify=upper)
    assert _anchors(root) == [("MỤC-ĐÍCH", None)]
    # Naming Loa's rule there is the same as leaving it out.
    root, _ = _convert("## Mục đích\n", slugify=heading_slug)
    assert _anchors(root) == [("muc-dich", "muc-ich")]


def test_without_the_toc_headings_get_no_id():
    md = markdown.Markdown(extensions=["loa.core.outputs.headings"])
    assert md.convert("## Mục đích\n") == "<h2>Mục đích</h2>"


def test_the_sanitiser_keeps_one_old_anchor_per_id_and_never_a_theme_id():
    raw = (
        f'<h2 id="muc-dich"><span class="{OLD_ANCHOR_CLASS}" id="muc-ich"></span>Mục đích</h2>'
        f'<p><span class="{OLD_ANCHOR_CLASS}" id="muc-ich"></span><a id="muc-ich">x</a></p>'
        f'<h2 id="config"><span class="{OLD_ANCHOR_CLASS}" id="__config"></span>__config</h2>'
        f'<p><span class="loa-other" id="khac"></span></p>'
    )
    root = lxml_html.fragment_fromstring(sanitize_body(raw), create_parent="div")
    assert [e.get("id") for e in root.iter("span", "a")] == [
        "muc-ich",
        f"{ID_PREFIX}muc-ich",
        f"{ID_PREFIX}muc-ich",
        f"{ID_PREFIX}__config",
        f"{ID_PREFIX}khac",
    ]
