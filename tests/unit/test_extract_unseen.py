"""Issuer and number of documents whose header is missing or damaged (issue 23): copies pasted from a portal,
two-column headers merged with the motto column, a number given only by the closing line. Invented examples."""

from __future__ import annotations

import pytest

from loa.core.importing.bodies import compose_issuer
from loa.core.importing.convert import suggested_path
from loa.core.importing.extract import extract

NO_HEADER = """KẾ HOẠCH
tuyên truyền kỷ niệm ngày thành lập Đảng năm 2023

Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Bình ban hành kế hoạch tuyên truyền như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, đảng viên.

Trên đây là Kế hoạch số 31-KH/ĐUK của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Bình.

Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy;
- Lưu VP.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Lê Thị Hằng
"""


def test_the_opening_sentence_names_the_issuer_without_a_header():
    found = extract(NO_HEADER)
    assert found.issuer == "Đảng ủy Khối các cơ quan tỉnh Hòa Bình"


def test_the_closing_line_names_the_issuer_without_a_header():
    text = NO_HEADER.replace(
        "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Bình ban hành kế hoạch", "Triển khai"
    )
    assert extract(text).issuer == "Đảng ủy Khối các cơ quan tỉnh Hòa Bình"


def test_the_signature_block_names_the_issuer_without_a_header():
    text = (
        NO_HEADER.replace(
            "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Bình ban hành kế hoạch", "Triển khai"
        )
        .replace(" của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Bình", "")
        .replace("T/M BAN THƯỜNG VỤ\n", "T/M BAN THƯỜNG VỤ ĐẢNG ỦY XÃ MỸ HÒA\n")
    )
    assert extract(text).issuer == "Đảng ủy xã Mỹ Hòa"


def test_a_committee_named_beside_a_bare_authority_line():
    text = (
        NO_HEADER.replace(
            "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Bình ban hành kế hoạch", "Triển khai"
        )
        .replace(" của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Bình", "")
        .replace("T/M BAN THƯỜNG VỤ\n", "T/M BAN THƯỜNG VỤ\nHUYỆN ỦY LẠC SƠN\n")
    )
    assert extract(text).issuer == "Huyện ủy Lạc Sơn"


def test_the_header_wins_over_the_closing_line():
    text = "HUYỆN ỦY TÂN LẠC                    ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-KH/HU\n\n" + NO_HEADER
    found = extract(text)
    assert found.issuer == "Huyện ủy Tân Lạc"
    assert found.number == "12-KH/HU"


def test_the_number_of_the_closing_line_is_the_documents_not_a_reference():
    found = extract(NO_HEADER)
    assert found.number == "31-KH/ĐUK"
    assert [r["number"] for r in found.references] == []


def test_a_number_of_another_type_in_the_closing_line_is_not_taken():
    text = NO_HEADER.replace("Trên đây là Kế hoạch số 31-KH/ĐUK", "Trên đây là Hướng dẫn số 31-HD/ĐUK")
    assert extract(text).number is None


def test_the_motto_column_merged_into_a_state_header_is_left_out():
    text = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI
HUYỆN KIM BÔI CHỦ NGHĨA VIỆT NAM
Số: 45/KH-UBND Độc lập - Tự do - Hạnh phúc
                                        Kim Bôi, ngày 10 tháng 4 năm 2023

KẾ HOẠCH
phòng, chống thiên tai năm 2023

Căn cứ tình hình thực tế, Ủy ban nhân dân huyện ban hành kế hoạch.
"""
    found = extract(text)
    assert found.issuer == "Ủy ban nhân dân huyện Kim Bôi"
    assert found.number == "45/KH-UBND"


def test_the_motto_merged_before_the_place_is_left_out():
    text = """HUYỆN ỦY ĐÀ BẮC ĐẢNG CỘNG SẢN VIỆT NAM
Số 07-KH/HU

KẾ HOẠCH
học tập chuyên đề năm 2023

Thực hiện chỉ đạo của cấp trên, Ban Thường vụ Huyện ủy xây dựng kế hoạch.
"""
    assert extract(text).issuer == "Huyện ủy Đà Bắc"


def test_the_year_of_the_title_files_an_undated_plan_and_dates_its_quarters():
    text = NO_HEADER.replace("1. Nâng cao nhận thức", "1. Tổ chức hội nghị quán triệt trong Quý II")
    found = extract(text)
    assert found.date is None and found.year == 2023
    assert suggested_path(found).startswith("plans/2023/")
    assert [d.deadline for d in found.plan.deadlines] == ["2023-Q2"]


def test_a_title_naming_several_years_gives_none():
    text = NO_HEADER.replace("năm 2023", "năm 2022 và năm 2023")
    assert extract(text).year is None


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        # "QUẢN LÝ", "CƠ QUAN" and "XÃ HỘI" are not the unit words "quận" and "xã".
        (
            ["UBND TỈNH HÒA BÌNH", "BAN QUẢN LÝ DI TÍCH"],
            "Ban Quản lý Di tích tỉnh Hòa Bình",
        ),
        (
            ["UBND HUYỆN MAI CHÂU", "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"],
            "Phòng Lao động - Thương binh và Xã hội huyện Mai Châu",
        ),
        (["TỈNH ĐOÀN HÒA BÌNH", "BCH ĐOÀN HUYỆN YÊN THỦY"], "Ban Chấp hành Đoàn huyện Yên Thủy"),
        (["TỈNH ỦY HÒA BÌNH", "TRƯỜNG CHÍNH TRỊ HOÀNG VĂN THỤ"], "Trường Chính trị Hoàng Văn Thụ"),
        # A joint header: the body named first leads.
        (
            ["SỞ Y TẾ", "TỈNH HÒA BÌNH", "HỘI CHỮ THẬP ĐỎ", "TỈNH HÒA BÌNH"],
            "Sở Y tế tỉnh Hòa Bình",
        ),
    ],
)
def test_header_lines_compose_the_issuer(lines, issuer):
    assert compose_issuer(lines) == issuer


def test_a_letter_spaced_type_line_cut_at_its_gap_is_the_type_line():
    text = "BCH ĐOÀN HUYỆN YÊN THỦY\nSố: 24-KH/HĐ\n\n                K Ế   H O Ạ C H\nhoạt động Tháng Thanh niên năm 2024\n\nThực hiện chỉ đạo của Tỉnh đoàn, Ban Thường vụ Huyện đoàn xây dựng kế hoạch.\n"
    found = extract(text)
    assert (found.type, found.title, found.issuer) == (
        "Kế hoạch",
        "hoạt động Tháng Thanh niên năm 2024",
        "Ban Chấp hành Đoàn huyện Yên Thủy",
    )


def test_the_source_naming_the_place_wins_and_the_leadership_is_left_out():
    text = (
        "KẾ HOẠCH\nhọc tập chuyên đề năm 2023\n\nThực hiện chỉ đạo của cấp trên, Ban Thường vụ Huyện ủy xây dựng "
        "kế hoạch.\n\nNơi nhận:\n- Lưu VP.\n\nT/M BAN THƯỜNG VỤ HUYỆN ỦY LẠC SƠN\nBÍ THƯ\n\nHà Văn Sơn\n"
    )
    assert extract(text).issuer == "Huyện ủy Lạc Sơn"
    assert extract(text.replace(" HUYỆN ỦY LẠC SƠN", "")).issuer == "Huyện ủy"


def test_the_title_under_a_type_line_in_a_table_cell():
    text = (
        "HỘI LHPN QUẬN BÌNH THỦY\nSố: 05-KH/HPN\n\n| KẾ HOẠCH |\n|---|\n| Tổ chức Hội thi “Nữ công khéo tay” |\n"
        "| chào mừng Ngày Phụ nữ Việt Nam 20/10 |\n\nThực hiện chương trình công tác năm, Ban Thường vụ Hội xây dựng "
        "kế hoạch.\n"
    )
    assert extract(text).title == "Tổ chức Hội thi “Nữ công khéo tay” chào mừng Ngày Phụ nữ Việt Nam 20/10"
