"""Revision diffs name fields and show values as readers read them, not as YAML."""

from __future__ import annotations

import datetime as dt

import pytest

from loa.core.history.field_values import FIELD_LABELS, field_label, readable_value
from loa.core.model.document import TIMEZONE
from loa.core.model.fields import FIELDS

NAMES = {"ban-tuyen-giao-thi-uy": "Ban Tuyên giáo Thị ủy", "mttq-thi-xa": "Ủy ban MTTQ Việt Nam thị xã"}


def test_every_front_matter_field_has_a_vietnamese_name():
    assert sorted(FIELD_LABELS) == sorted(f.name for f in FIELDS)
    assert field_label("acess") == "acess"  # a slip in an old revision keeps its key


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("status", "published", "Đã duyệt đăng"),
        ("status", "draft", "Bản nháp"),
        ("access", "internal", "Nội bộ"),
        ("kind", "article", "Tin, bài"),
        ("category", "hoi-dap", "Hỏi - đáp"),
        ("issuer", "ban-tuyen-giao-thi-uy", "Ban Tuyên giáo Thị ủy"),
        ("issuer", "khong-co", "khong-co"),
        ("date", dt.date(2021, 5, 10), "ngày 10/05/2021"),
        ("date", "2022-01", "tháng 01/2022"),
        ("publish_at", dt.datetime(2021, 5, 10, 1, 0, tzinfo=dt.UTC), "08:00 ngày 10/05/2021"),
        ("publish_at", "2021-05-10T08:00:00+07:00", "08:00 ngày 10/05/2021"),
        ("sample", True, "có"),
        ("period", "2021/2025", "2021–2025"),
        (
            "signer",
            {"authority": "T/M BAN THƯỜNG VỤ", "role": "BÍ THƯ", "name": "Nguyễn Văn A"},
            "T/M BAN THƯỜNG VỤ, BÍ THƯ, Nguyễn Văn A",
        ),
        (
            "budget",
            {"total": 6505490000, "lines": [{"source": "Ngân sách thị xã", "amount": 6505490000}]},
            "tổng 6.505.490.000 đ; Ngân sách thị xã: 6.505.490.000 đ",
        ),
        ("recipients", ["Ban Thường vụ Tỉnh ủy", "Lưu VPTU"], "Ban Thường vụ Tỉnh ủy; Lưu VPTU"),
        ("title", None, "(không có)"),
        ("date", "2021-ba", "2021-ba"),  # unreadable: as written
    ],
)
def test_values_read_as_a_reader_reads_them(field, value, shown):
    assert readable_value(field, value, NAMES) == shown


def test_tasks_read_as_sentences_one_per_line():
    tasks = [
        {"task": "Tổ chức quán triệt", "lead": "ban-tuyen-giao-thi-uy", "deadline": "R/P1M"},
        {
            "task": "Mở lớp tập huấn",
            "lead": ["ban-tuyen-giao-thi-uy"],
            "cooperate": ["mttq-thi-xa"],
            "deadline": "2022-Q1",
            "targets": [{"count": 5, "unit": "lớp"}],
        },
    ]
    assert readable_value("tasks", tasks, NAMES) == (
        "1. Tổ chức quán triệt; chủ trì: Ban Tuyên giáo Thị ủy; thời hạn: hằng tháng\n"
        "2. Mở lớp tập huấn; chủ trì: Ban Tuyên giáo Thị ủy; phối hợp: Ủy ban MTTQ Việt Nam thị xã; "
        "thời hạn: Quý I/2022; chỉ tiêu: 5 lớp"
    )
    assert "lead:" not in readable_value("tasks", tasks, NAMES)
    assert readable_value("tasks", [{"lead": "x"}], NAMES) == "lead: x"  # malformed: as written


def test_a_moment_without_offset_is_vietnam_time():
    assert readable_value("updated", dt.datetime(2021, 5, 10, 8, 0), {}) == "08:00 ngày 10/05/2021"  # noqa: DTZ001
    assert TIMEZONE.utcoffset(None) == dt.timedelta(hours=7)
