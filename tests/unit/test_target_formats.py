"""Targets in Vietnamese number formats, units as phrases, past results left out (issue 23). Invented examples."""

from __future__ import annotations

import pytest

from loa.core.importing.taskextract import extract_plan
from loa.core.model.document import PartialDate


def _targets(text: str) -> list[tuple[int | float, str]]:
    return [(t.count, t.unit) for t in extract_plan(text, date=PartialDate(2023, 3)).targets]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Năm 2023 phấn đấu hỗ trợ 5.200 hộ thoát nghèo.", [(5200, "hộ")]),
        ("Làm mới 8,5 km đường giao thông nông thôn.", [(8.5, "km")]),
        ("Vận động nhân dân ủng hộ 1,5 tỷ đồng xây nhà đại đoàn kết.", [(1.5, "tỷ đồng")]),
        ("Tổ chức 12 lớp tập huấn cho cán bộ cơ sở.", [(12, "lớp tập huấn")]),
        ("Đăng tải ít nhất 150 tin, bài trên Trang thông tin điện tử.", [(150, "tin, bài")]),
        ("Phấn đấu 600 hộ gia đình đạt danh hiệu gia đình văn hóa.", [(600, "hộ gia đình")]),
    ],
)
def test_a_target_in_a_vietnamese_number_format(text, targets):
    assert _targets(text) == targets


@pytest.mark.parametrize(
    "text",
    [
        "Năm qua, toàn huyện tổ chức được 30 hội nghị quán triệt.",
        "Qua 5 năm thực hiện, có 120 mô hình được công nhận.",
        "Giai đoạn 2018 - 2022, toàn tỉnh có 2.500 hộ thoát nghèo.",
        "Kết quả năm 2022: 45 lớp tập huấn, 3.200 lượt người tham gia.",
        "Toàn huyện tổ chức được 30 hội nghị.",
        "Mức hỗ trợ: 5.000.000 đồng/đội/năm.",
        "Cự ly: 21 km, 42 km và 70 km.",
        "Làm mới đường giao thông với kinh phí 1,5 tỷ đồng.",
    ],
)
def test_a_past_result_a_rate_or_a_description_is_not_a_target(text):
    assert _targets(text) == []


def test_the_period_of_the_nearest_clause_decides():
    text = "Giai đoạn 2018 - 2022, toàn tỉnh có 2.500 hộ thoát nghèo; năm 2023 phấn đấu 600 hộ thoát nghèo."
    assert _targets(text) == [(600, "hộ")]
    assert _targets("Giai đoạn 2021 - 2025 phấn đấu 3.000 hộ thoát nghèo.") == [(3000, "hộ")]
