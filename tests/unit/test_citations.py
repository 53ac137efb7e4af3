"""Citation detection: every variant real documents have, and the look-alikes that are not citations."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from loa.core.base.diagnostics import Diagnostics
from loa.core.model.registry import load_issuers
from loa.core.text.citations import detect_citations
from loa.core.text.document_numbers import canonical_number
from loa.core.text.issuer_mentions import IssuerNames
from tests.conftest import REPO

NAMES = IssuerNames(
    (n, i.id) for i in load_issuers(REPO / "data/issuers.yml", "x", Diagnostics()).values() for n in i.names
)


def _one(text: str):
    found = detect_citations(text, names=NAMES)
    assert len(found) == 1, [(c.as_written, c.number) for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "number", "doc_type", "date", "issuer"),
    [
        (
            "Thực hiện Kế hoạch số 85-KH/TU, ngày 15/12/2021 của Tỉnh ủy Lào Cai về việc",
            "85-KH/TU",
            "Kế hoạch",
            dt.date(2021, 12, 15),
            "tinh-uy-lao-cai",
        ),
        (
            "theo Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị lần thứ Tư, Ban Chấp hành Trung ương Đảng khóa XIII",
            "21-KL/TW",
            "Kết luận",
            dt.date(2021, 10, 25),
            "ban-chap-hanh-trung-uong",
        ),
        ("Đề án số 17 - ĐA/TU của Tỉnh ủy Lào Cai", "17-ĐA/TU", "Đề án", None, "tinh-uy-lao-cai"),
        ("theo Quy chế 06- QC/TU hoàn thành", "06-QC/TU", "Quy chế", None, None),
        (
            "Hướng dẫn số 115- HD/BTGTW, ngày 08 tháng 01 năm 2020 của Ban Tuyên giáo Trung ương",
            "115-HD/BTGTW",
            "Hướng dẫn",
            dt.date(2020, 1, 8),
            "ban-tuyen-giao-trung-uong",
        ),
        (
            "Kế hoạch số 01/KH-BTCKN ngày 05/7/2021 của Ban Tổ chức",
            "01/KH-BTCKN",
            "Kế hoạch",
            dt.date(2021, 7, 5),
            None,
        ),
        ("theo Kế hoạch 115/KH-UBND của", "115/KH-UBND", "Kế hoạch", None, None),
        (
            "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
            "30/2020/NĐ-CP",
            "Nghị định",
            dt.date(2020, 3, 5),
            "chinh-phu",
        ),
        ("thực hiện Nghị quyết số 09-NQ HU của", "09-NQ/HU", "Nghị quyết", None, None),
        ("theo Kế hoạch 298 KH/HĐTN ngày 3/2/2022", "298-KH/HĐTN", "Kế hoạch", dt.date(2022, 2, 3), None),
        (
            "Thông báo kết luận số 173-TB/TW ngày 06/4/2020 của Ban Bí thư",
            "173-TB/TW",
            "Thông báo",
            dt.date(2020, 4, 6),
            "ban-bi-thu",
        ),
        ("Quy định số 37-QĐ/TW ngày 25/10/2021", "37-QĐ/TW", "Quy định", dt.date(2021, 10, 25), None),
        ("Quyết định số 12-QĐ/TU ngày 1/2/2021", "12-QĐ/TU", "Quyết định", dt.date(2021, 2, 1), None),
        ("Quy định số 08-QĐi/TW ngày 25/10/2018", "08-QĐi/TW", "Quy định", dt.date(2018, 10, 25), None),
        (
            "Kế hoạch số 12-KH/TWĐTN-ĐKT ngày 2/3/2022",
            "12-KH/TWĐTN-ĐKT",
            "Kế hoạch",
            dt.date(2022, 3, 2),
            None,
        ),
        ("Chương trình số 05-CTr/TU", "05-CTr/TU", "Chương trình", None, None),
        ("Đề án số 11 của Thị ủy Sa Pa", "11", "Đề án", None, "thi-uy-sa-pa"),
        (
            "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khoá XII về",
            "05-CT/TW",
            "Chỉ thị",
            dt.date(2016, 5, 15),
            "bo-chinh-tri",
        ),
    ],
)
def test_numbered_variants(text, number, doc_type, date, issuer):
    citation = _one(text)
    assert (citation.number, citation.type, citation.date, citation.issuer) == (
        number,
        doc_type,
        date,
        issuer,
    )
    assert citation.as_written == text[citation.start : citation.end]


def test_nfd_text_and_either_tone_placement():
    nfd = unicodedata.normalize("NFD", "Kế hoạch số 85-KH/TU ngày 15/12/2021 của Tỉnh ủy Lào Cai")
    assert _one(nfd).issuer == "tinh-uy-lao-cai"
    old_style = "Kế họach số 85-KH/TU ngày 15/12/2021 của Tỉnh uỷ Lào Cai"
    citation = _one(old_style)
    assert (citation.type, citation.issuer) == ("Kế hoạch", "tinh-uy-lao-cai")
    assert _one("Chỉ thị số 05-CT/TW của Bộ Chính trị khoá XII").term == "XII"


def test_term_after_the_issuer():
    citation = _one("Quy định số 47-QĐ/TW ngày 01/11/2011 của Ban Chấp hành Trung ương khóa XI về")
    assert citation.term == "XI"
    assert _one("Nghị quyết số 27-NQ/TW ngày 21/5/2018 của Hội nghị Trung ương 7 (khóa XII) về").term == "XII"


def test_plenum_without_cua():
    citation = _one("Nghị quyết số 20-NQ/TW, ngày 01/11/2012, Hội nghị Trung ương 6 khóa XI “Về phát triển”")
    assert (citation.issuer, citation.date) == ("ban-chap-hanh-trung-uong", dt.date(2012, 11, 1))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("thực hiện Nghị quyết Trung ương 4 khóa XII và", "NQ-TW4-XII"),
        ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", "NQ-TW4-XII"),
        ("thực hiện Nghị quyết Đại hội XIII của Đảng", "NQ-DH-XIII"),
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "NQ-DH-XIII"),
        ("theo Hiến pháp năm 2013", "HP-2013"),
    ],
)
def test_named_citations(text, name):
    assert _one(text).name == name


def test_two_resolutions_in_one_mention():
    found = detect_citations("Nghị quyết Trung ương 4 khóa XI, XII và", names=NAMES)
    assert sorted(c.name for c in found) == ["NQ-TW4-XI", "NQ-TW4-XII"]


def test_alias_defined_in_the_text_is_followed():
    text = (
        "Thực hiện Đề án số 11-ĐA/TU ngày 8/11/2020 của Thị ủy Sa Pa (gọi tắt là Đề án 11).\n\n"
        "Các nhiệm vụ của Đề án 11 gồm:"
    )
    found = detect_citations(text, names=NAMES)
    aliases = [c for c in found if (c.name or "").startswith("alias:")]
    assert [c.as_written for c in aliases] == ["Đề án 11", "Đề án 11"]
    assert all(c.number == "11-ĐA/TU" and c.issuer == "thi-uy-sa-pa" for c in aliases)
    assert aliases[1].line == 3


@pytest.mark.parametrize(
    "text",
    [
        "Trên đây là Kế hoạch tuyên truyền kết quả Hội nghị. Yêu cầu các chi, đảng bộ thực hiện./.",
        "kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2020)",
        "Tổ chức ít nhất 05 hội nghị, 16 trang tuyên truyền, đạt 95/100 điểm",
        "nhiệm kỳ 2020-2025, giai đoạn 2021 - 2025",
        "Số - KH/TU",
        "tổ dân phố số 4, thôn số 12 của xã",
        "kinh phí 6.145.490.000đ, năm 2022",
        "các nghị quyết, kết luận, quy định của Hội nghị Trung ương 4 khóa XIII",
    ],
)
def test_not_citations(text):
    assert detect_citations(text, names=NAMES) == []


def test_own_number_is_not_a_citation():
    text = "Trên đây là Kế hoạch số 12-KH/TU của Thị ủy Sa Pa; thực hiện Kế hoạch số 85-KH/TU"
    assert [c.number for c in detect_citations(text, own_number="12 - KH/TU", names=NAMES)] == ["85-KH/TU"]


def test_lower_case_symbols_are_not_numbers():
    assert detect_citations("trong 5 năm/lần, 3 kh/tu", names=NAMES) == []


def test_canonical_number():
    assert canonical_number("72 - KH/TU") == "72-KH/TU"
    assert canonical_number("06– QC/TU") == "06-QC/TU"


@pytest.mark.parametrize(
    ("text", "number", "issuer_text"),
    [
        (
            "Căn cứ Công văn số 123/UBND-VP ngày 5/3/2022 của UBND tỉnh Lào Cai về việc",
            "123/UBND-VP",
            "UBND tỉnh Lào Cai",
        ),
        (
            "Thực hiện Kế hoạch số 12-KH/HU ngày 5/3/2022 của Ban Thường vụ Huyện ủy Bảo Thắng về việc",
            "12-KH/HU",
            "Ban Thường vụ Huyện ủy Bảo Thắng",
        ),
        (
            "Căn cứ Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ hướng dẫn",
            "01/2011/TT-BNV",
            "Bộ Nội vụ",
        ),
        (
            "Thực hiện Kế hoạch số 115/KH-UBND của Ủy ban nhân dân huyện Bảo Thắng.",
            "115/KH-UBND",
            "Ủy ban nhân dân huyện Bảo Thắng",
        ),
    ],
)
def test_bodies_outside_the_registry_are_named_as_written(text, number, issuer_text):
    citation = _one(text)
    assert (citation.number, citation.issuer, citation.issuer_text) == (number, None, issuer_text)


def test_a_short_registry_name_does_not_swallow_another_province():
    citation = _one("Thực hiện Kế hoạch số 40-KH/TU ngày 2/3/2022 của Tỉnh ủy Yên Bái về việc")
    assert citation.issuer is None and citation.issuer_text == "Tỉnh ủy Yên Bái"
    assert (
        _one("Thực hiện Kế hoạch số 40-KH/TU ngày 2/3/2022 của Tỉnh ủy về việc").issuer == "tinh-uy-lao-cai"
    )


def test_numbers_without_type_abbreviation_need_a_type_word():
    assert detect_citations("đạt 12/15 xã, 123/UBND-VP", names=NAMES) == []
