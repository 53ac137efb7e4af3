"""Responsible units read as full names (issue 23): "và" and commas inside a name, no following verb, lettered
lists, "Đề nghị …" sentences and a Công văn's addressees. Invented examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from loa.core.base.diagnostics import Diagnostics
from loa.core.importing.extract import extract
from loa.core.importing.taskextract import extract_plan
from loa.core.model.document import PartialDate
from loa.core.model.registry import load_issuers

REPO = Path(__file__).parents[2]
ISSUERS = load_issuers(REPO / "data" / "issuers.yml", "data/issuers.yml", Diagnostics())


def _units(body: str) -> list[str]:
    text = f"IV. TỔ CHỨC THỰC HIỆN\n{body}\n"
    return [u.name for u in extract_plan(text, date=PartialDate(2023, 3)).units]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (
            (
                "1. Phòng Nông nghiệp và Phát triển nông thôn huyện chủ trì, phối hợp với Phòng Tài nguyên và "
                "Môi trường hướng dẫn các xã thực hiện trước ngày 30/6/2023."
            ),
            ["Phòng Nông nghiệp và Phát triển nông thôn huyện", "Phòng Tài nguyên và Môi trường"],
        ),
        (
            "2. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức các hoạt động trong tháng 5/2023.",
            ["Sở Văn hóa, Thể thao và Du lịch"],
        ),
        ("3. Ban Tuyên giáo Huyện ủy lãnh đạo, chỉ đạo công tác tuyên truyền.", ["Ban Tuyên giáo Huyện ủy"]),
        (
            "4. Ban Tuyên giáo, Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện thực hiện.",
            ["Ban Tuyên giáo", "Ban Dân vận Huyện ủy", "Ủy ban nhân dân huyện"],
        ),
        # A verb the list of verbs does not hold still ends the name after a committee or a place.
        ("6. Huyện ủy Tân Lạc treo băng rôn.", ["Huyện ủy Tân Lạc"]),
        ("7. Ban Dân vận Huyện ủy treo băng rôn.", ["Ban Dân vận Huyện ủy"]),
        (
            "8. Ban Tuyên giáo các huyện ủy, thị ủy trực thuộc tổ chức cuộc thi trong quý II.",
            ["Ban Tuyên giáo các huyện ủy, thị ủy trực thuộc"],
        ),
        (
            "5. Giao Ủy ban nhân dân các xã, thị trấn tháo dỡ biển quảng cáo sai phép.",
            ["Ủy ban nhân dân các xã, thị trấn"],
        ),
    ],
)
def test_a_unit_is_read_to_the_end_of_its_name(body, names):
    assert _units(body) == names


def test_units_of_a_lettered_list():
    body = (
        "a) Ban Dân vận Huyện ủy: hướng dẫn các xã triển khai trong quý II.\n"
        "b) Ủy ban Mặt trận Tổ quốc Việt Nam huyện: vận động nhân dân tham gia.\n"
        "c) Huyện đoàn: tổ chức 05 lớp tập huấn cho đoàn viên."
    )
    assert _units(body) == ["Ban Dân vận Huyện ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Huyện đoàn"]


def test_units_of_a_request_sentence_outside_the_section():
    text = (
        "Đề nghị Ủy ban nhân dân huyện chỉ đạo các phòng, ban liên quan thực hiện trong tháng 6/2023.\n"
        "Đề nghị Mặt trận Tổ quốc huyện tuyên truyền, vận động nhân dân.\n"
        "Giao cho Phòng Tư pháp huyện hướng dẫn.\n"
    )
    names = [u.name for u in extract_plan(text, date=PartialDate(2023, 3)).units]
    assert names == ["Ủy ban nhân dân huyện", "Mặt trận Tổ quốc huyện", "Phòng Tư pháp huyện"]


def test_a_plural_body_is_not_the_registry_body_it_begins_like():
    text = "IV. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các xã, phường thực hiện trong quý II.\n"
    units = extract_plan(text, ISSUERS, date=PartialDate(2023, 3)).units
    assert [(u.id, u.name) for u in units] == [(None, "Ủy ban nhân dân các xã, phường")]


CONG_VAN = """ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN LẠC THỦY            Độc lập - Tự do - Hạnh phúc
Số: 210/UBND-VX           Lạc Thủy, ngày 12 tháng 5 năm 2023
V/v tổ chức Tháng hành động vì trẻ em

Kính gửi:
- Phòng Lao động - Thương binh và Xã hội huyện;
- Phòng Giáo dục và Đào tạo;
- Ủy ban nhân dân các xã, thị trấn.

Thực hiện Kế hoạch của tỉnh, Ủy ban nhân dân huyện đề nghị các đơn vị triển khai trước ngày 31/5/2023.
"""


def test_the_addressees_of_a_cong_van_are_units():
    found = extract(CONG_VAN)
    assert [(u.name, u.line) for u in found.plan.units] == [
        ("Phòng Lao động - Thương binh và Xã hội huyện", 7),
        ("Phòng Giáo dục và Đào tạo", 8),
        ("Ủy ban nhân dân các xã, thị trấn", 9),
    ]


def test_addressees_on_the_kinh_gui_line():
    text = CONG_VAN.replace("Kính gửi:\n- Phòng Lao động", "Kính gửi: Phòng Lao động")
    assert [u.name for u in extract(text).plan.units][:1] == ["Phòng Lao động - Thương binh và Xã hội huyện"]


def test_units_in_the_columns_of_a_task_table():
    text = (
        "III. NHIỆM VỤ CỤ THỂ\n"
        "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Tổ chức hội nghị quán triệt | Ban Tuyên giáo Huyện ủy | Trung tâm Chính trị huyện | Tháng 3/2023 |\n"
        "| 2 | Tuyên truyền trên loa | Phòng Văn hóa và Thông tin huyện | Ủy ban nhân dân các xã, thị trấn | Quý II |\n"
    )
    units = extract_plan(text, date=PartialDate(2023, 3)).units
    assert [(u.name, u.line) for u in units] == [
        ("Ban Tuyên giáo Huyện ủy", 4),
        ("Trung tâm Chính trị huyện", 4),
        ("Phòng Văn hóa và Thông tin huyện", 5),
        ("Ủy ban nhân dân các xã, thị trấn", 5),
    ]


def test_units_in_a_table_cut_at_wide_gaps():
    text = "TT    Nội dung    Đơn vị chủ trì    Thời gian\n1    Tổ chức 05 hội nghị    Ban Dân vận Huyện ủy    Tháng 3/2023\n"
    assert [u.name for u in extract_plan(text, date=PartialDate(2023, 3)).units] == ["Ban Dân vận Huyện ủy"]


def test_a_longer_name_is_not_the_registry_name_it_begins_with():
    # The registry knows "Các chi, đảng bộ trực thuộc" of Sa Pa; Mường Khương's group is another body.
    text = "Đề nghị Các chi, đảng bộ trực thuộc Huyện ủy Mường Khương triển khai.\n"
    units = extract_plan(text, ISSUERS, date=PartialDate(2023, 3)).units
    assert [(u.id, u.name) for u in units] == [(None, "Các chi, đảng bộ trực thuộc Huyện ủy Mường Khương")]
