"""The closing of a document (Nơi nhận, signature) put in two columns without changing a character."""

from __future__ import annotations

import re

import pytest

from loa.core.base.dates import administrative_date
from loa.core.outputs.closing import mark_closing

CLOSING = (
    "<p>Nơi nhận:</p>\n<ul>\n<li>TT Tỉnh ủy,</li>\n<li>Lưu Văn phòng Thị ủy.</li>\n</ul>\n"
    "<p><strong>T/M BAN THƯỜNG VỤ<br>\nPHÓ BÍ THƯ THƯỜNG TRỰC</strong></p>\n<p><strong>Thào A Sinh</strong></p>\n"
)
TEXT = "<h2>V. CHẾ ĐỘ BÁO CÁO</h2>\n<p>Yêu cầu các cơ quan thực hiện./.</p>\n"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_the_closing_is_wrapped_in_two_columns_and_no_character_changes():
    marked = mark_closing(TEXT + CLOSING)
    assert marked.startswith(TEXT + '<div class="loa-closing">')
    recipients = marked.split('<div class="loa-closing__recipients">')[1].split("</div>")[0]
    signature = marked.split('<div class="loa-closing__signature">')[1].split("</div>")[0]
    assert "Nơi nhận:" in recipients and "Lưu Văn phòng" in recipients and "Thào" not in recipients
    assert "T/M BAN THƯỜNG VỤ" in signature and "Thào A Sinh" in signature
    assert _text(marked) == _text(TEXT + CLOSING)


@pytest.mark.parametrize(
    "body",
    [
        TEXT,  # no closing
        CLOSING.replace("Nơi nhận:", "Nơi gửi:"),
        CLOSING + "<p>Một đoạn sau chữ ký.</p>\n<p>Và một đoạn nữa, rất dài. " + "x" * 400 + "</p>\n",
        CLOSING.replace("<ul>", "<ul><li><ul><li>lồng</li></ul></li>", 1),
        CLOSING + "<table><tr><td>bảng</td></tr></table>\n",
        TEXT + "<p>Nơi nhận:</p>\n<ul>\n<li>A</li>\n</ul>\n",  # no signature after the list
    ],
)
def test_anything_else_is_left_as_it_is(body):
    assert mark_closing(body) == body


def test_only_the_closing_at_the_very_end_counts():
    quoted = "<p>Nơi nhận:</p>\n<ul>\n<li>A</li>\n</ul>\n<p>B</p>\n" + TEXT + CLOSING
    marked = mark_closing(quoted)
    assert marked.count('<div class="loa-closing">') == 1
    assert marked.index('<div class="loa-closing">') > marked.index("V. CHẾ ĐỘ BÁO CÁO")


@pytest.mark.parametrize(
    ("parts", "written"),
    [
        ((2021, 12, 15), "ngày 15 tháng 12 năm 2021"),
        ((2022, 2, 5), "ngày 05 tháng 02 năm 2022"),
        ((2022, 3, 5), "ngày 05 tháng 3 năm 2022"),
        ((2022, 1, None), "ngày \u2002\u2002 tháng 01 năm 2022"),
        ((2022, None, None), "ngày \u2002\u2002 tháng \u2002\u2002 năm 2022"),
    ],
)
def test_a_header_date_is_written_as_the_decree_prescribes(parts, written):
    assert administrative_date(*parts) == written


def test_the_registry_gives_each_issuer_its_header_lines_and_rules(tmp_path):
    from loa.core.base.diagnostics import Diagnostics
    from loa.core.model.registry import load_issuers

    path = tmp_path / "issuers.yml"
    path.write_text(
        "thi-uy:\n  name: Thị ủy Sa Pa\n  level: huyen\n  header: [ĐẢNG BỘ TỈNH LÀO CAI, THỊ ỦY SA PA]\n"
        "ubnd:\n  name: Ủy ban nhân dân thị xã Sa Pa\n  level: huyen\n  system: nha-nuoc\n",
        encoding="utf-8",
    )
    diagnostics = Diagnostics()
    issuers = load_issuers(path, "data/issuers.yml", diagnostics)
    assert list(diagnostics.items) == []
    assert issuers["thi-uy"].header_lines == ("ĐẢNG BỘ TỈNH LÀO CAI", "THỊ ỦY SA PA")
    assert (issuers["thi-uy"].system, issuers["ubnd"].system) == ("dang", "nha-nuoc")
    assert issuers["ubnd"].header_lines == ("ỦY BAN NHÂN DÂN THỊ XÃ SA PA",)


def test_the_outline_lists_the_headings_with_their_anchors():
    from loa.core.outputs.outline import Heading, outline

    body = (
        '<h2 id="i-muc-dich"><span class="loa-old-anchor" id="i-muc-ich"></span>I. MỤC ĐÍCH'
        '<a class="headerlink" href="#i-muc-dich" title="Permanent link">¶</a></h2>\n<p>x</p>\n'
        '<h3 id="1-muc-dich">1. Mục &amp; đích</h3>\n<h4 id="sau">sâu</h4>\n<h2>không có id</h2>\n<h3 id="rong"> </h3>'
    )
    assert outline(body) == [
        Heading(2, "i-muc-dich", "I. MỤC ĐÍCH"),
        Heading(3, "1-muc-dich", "1. Mục & đích"),
    ]
