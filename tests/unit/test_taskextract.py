"""Deadlines, targets, units, tasks and budget of a plan (loa.core.importing.taskextract), on sentences and on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from loa.bench.importeval import evaluate_tasks
from loa.core.base.diagnostics import Diagnostics
from loa.core.importing.amounts import parse_amount, parse_vietnamese_number
from loa.core.importing.extract import extract
from loa.core.importing.taskextract import extract_plan
from loa.core.model.document import PartialDate
from loa.core.model.registry import load_issuers

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
REPO = Path(__file__).parents[2]
TASKS = REPO / "tests" / "fixtures" / "import" / "tasks"
ISSUERS = load_issuers(REPO / "data" / "issuers.yml", "data/issuers.yml", Diagnostics())
YEAR_2022 = PartialDate(2022, 1)


def _seed(prefix: str) -> dict:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract(path.read_text(encoding="utf-8"), ISSUERS).as_json()


def _deadlines(text: str, date: PartialDate | None = YEAR_2022) -> list[str]:
    return [d.deadline for d in extract_plan(text, date=date).deadlines]


def _targets(text: str, date: PartialDate | None = YEAR_2022) -> list[tuple[int | float, str]]:
    return [(t.count, t.unit) for t in extract_plan(text, date=date).targets]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.200", 5200),
        ("1,5", 1.5),
        ("05", 5),
        ("100%", 100),
        ("95,5%", 95.5),
        ("1.200.000", 1200000),
        ("1,5 tỷ", 1500000000),
        ("hai", 2),
        ("mười hai", 12),
        ("hai mươi lăm", 25),
        ("một trăm hai mươi", 120),
        ("không", 0),
        ("tổ dân phố", None),
        ("", None),
    ],
)
def test_vietnamese_numbers_are_decoded(text, value):
    assert parse_vietnamese_number(text) == value


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("6.505.490.000đ", 6505490000),
        ("360.000.000 đồng", 360000000),
        ("1,5 tỷ đồng", 1500000000),
        ("200 triệu", 200000000),
        ("1.750.060.000", 1750060000),
        ("50 nghìn đồng", 50000),
        ("Sáu tỷ năm trăm linh lăm triệu bốn trăm chín mươi ngàn đồng", 6505490000),
        ("kinh phí", None),
    ],
)
def test_amounts_of_money_are_decoded(text, amount):
    assert parse_amount(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        # anniversaries
        "Tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2024).",
        "Tổ chức các hoạt động kỷ niệm 90 năm ngày thành lập (1930 - 2020).",
        # cited documents
        "Thực hiện Kế hoạch số 85-KH/TU, ngày 15/12/2021 của Tỉnh ủy Lào Cai về công tác tuyên truyền.",
        "Sơ kết 05 năm thực hiện Chỉ thị số 12-CT/TU, ngày 15/3/2016 của Ban Thường vụ Tỉnh ủy.",
        # horizons and subject years
        "Thực hiện Nghị quyết Đại hội nhiệm kỳ 2020-2025, kế hoạch giai đoạn 2021 - 2025, tầm nhìn đến năm 2045.",
        "Xây dựng kế hoạch năm 2022 gắn với kết quả phát triển kinh tế - xã hội năm 2021.",
        # the document's own date line, past events
        "Sa Pa, ngày 20 tháng 12 năm 2021",
        "Từ ngày 10/4/2023 đến ngày 12/5/2023, Đoàn kiểm tra đã tiến hành kiểm tra tại 05 chi bộ.",
        "Năm 2021, toàn thị xã đã tổ chức 12 hội nghị, khen thưởng 15 tập thể; năm 2021 đạt 95%.",
        "Đảng ra đời vào ngày 03/02/1930.",
    ],
)
def test_no_deadline_is_read_where_none_is_set(text):
    assert _deadlines(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tuyên truyền kỷ niệm 90 năm Ngày thành lập Đảng.",
        "Quán triệt Nghị quyết Hội nghị Trung ương 4 khóa XIII, Đại hội lần thứ XIII của Đảng.",
        "Tổ dân phố số 4 phối hợp thực hiện Nghị quyết 20-NQ/TW, Quyết định 274-QĐ/TU; Ban Chỉ đạo 35 thị xã theo dõi.",
        "Thực hiện Kế hoạch số 85-KH/TU của Tỉnh ủy.",
        "Đảng viên trên 50 tuổi và đoàn viên dưới 18 tuổi được miễn; mỗi lớp không quá 40 học viên.",
        "Năm 2021, toàn thị xã đã tổ chức 12 hội nghị, khen thưởng 15 tập thể; năm 2021 đạt 95%.",
        "Sơ kết 05 năm thực hiện Chỉ thị; tổng kết 10 năm thực hiện Nghị quyết; kế hoạch tài chính 3 năm 2022-2024.",
        "Nhấn mạnh 2 nhóm nhiệm vụ, giải pháp và 12 nội dung định hướng phát triển.",
        "Kinh phí hỗ trợ 200 triệu đồng, tổng cộng 1,5 tỷ đồng.",
        "Điều tra: (1) Công tác giáo dục; (2) Công tác quản lý tài nguyên năm 2022.",
    ],
)
def test_no_target_is_read_where_none_is_set(text):
    assert _targets(text) == []


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        ("Báo cáo kết quả về Thị ủy trước ngày 25/3/2022.", ["2022-03-25"]),
        ("Tổ chức triển khai hoàn thành trong tháng 01/2022.", ["2022-01"]),
        ("Mở đợt sinh hoạt chính trị trong Quý I năm 2022.", ["2022-Q1"]),
        ("Tổ chức 03 lớp tập huấn (Hoàn thành trong quý 2,3).", ["2022-Q2", "2022-Q3"]),
        ("Xây dựng kế hoạch phối hợp, hoàn thành trong quý I.", ["2022-Q1"]),
        ("Phấn đấu đến hết năm 2025, 100% thôn có nhà văn hóa.", ["2025"]),
        ("Treo cờ Tổ quốc từ ngày 15/02/2022 đến ngày 30/4/2022.", ["2022-02-15/2022-04-30"]),
        ("Tổ chức trưng bày sách từ ngày 15/4 đến ngày 25/4/2022.", ["2022-04-15/2022-04-25"]),
        ("Chiếu phim lưu động từ tháng 4 đến tháng 6/2022.", ["2022-04/2022-06"]),
        ("Tổ chức hội nghị báo cáo viên hằng tháng.", ["R/P1M"]),
        ("Tổ chức hội nghị tuyên vận hàng tháng.", ["R/P1M"]),
        ("Các chi bộ báo cáo tình hình tư tưởng hằng quý.", ["R/P3M"]),
        ("Báo cáo định kỳ 6 tháng một lần.", ["R/P6M"]),
        ("Tổ chức tốt Lễ hội Đền Thượng hằng năm.", ["R/P1Y"]),
        ("Sáu tháng, một năm Ban Tuyên giáo tổng hợp báo cáo.", ["R/P6M", "R/P1Y"]),
        ("Hội nghị báo cáo viên các cấp (tháng 01/2022), trên các trang thông tin.", ["2022-01"]),
        ("Hoàn thành chậm nhất ngày 30/6/2022.", ["2022-06-30"]),
        ("Thời gian thực hiện: Quý II/2022.", ["2022-Q2"]),
    ],
)
def test_each_canonical_form(text, deadlines):
    assert _deadlines(text) == deadlines


def test_a_quarter_without_a_year_takes_the_plan_year_or_is_left_out():
    text = "- Quý I\n\n+ Ban hành chương trình công tác.\n\nTổ chức sơ kết, hoàn thành trong quý 2.\n"
    assert _deadlines(text, None) == []
    assert _deadlines(text + "Báo cáo trước ngày 25/3/2023.\n", None) == ["2023-Q1", "2023-Q2", "2023-03-25"]
    plan = extract_plan(text, date=YEAR_2022)
    assert [(t.task, t.deadline, t.line) for t in plan.tasks] == [
        ("Ban hành chương trình công tác.", "2022-Q1", 3),
        ("Tổ chức sơ kết, hoàn thành trong quý 2.", "2022-Q2", 5),
    ]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Tổ chức ít nhất 05 hội nghị học tập.", [(5, "hội nghị")]),
        ("Tổ chức **01** Hội thi Giảng viên lý luận chính trị giỏi.", [(1, "hội thi")]),
        ("Tổ chức 03 lớp tập huấn nghiệp vụ.", [(3, "lớp tập huấn")]),
        ("Khen thưởng 02 tập thể, 07 cá nhân có thành tích.", [(2, "tập thể"), (7, "cá nhân")]),
        ("Duy trì 16 trang tuyên truyền trên mạng xã hội tại 16 phường, xã.", [(16, "trang tuyên truyền")]),
        (
            "Phấn đấu 100% chi bộ có chuyên đề sinh hoạt; 95,5% hộ gia đình được tiếp cận.",
            [(100, "%"), (95.5, "%")],
        ),
        ("Biên soạn 5.200 tờ rơi và 07 cuốn sách lịch sử.", [(5200, "tờ rơi"), (7, "cuốn")]),
        ("Mở hai lớp bồi dưỡng cho tuyên truyền viên.", [(2, "lớp bồi dưỡng")]),
        ("Tổ chức 02 đợt tuyên truyền cao điểm.", [(2, "đợt tuyên truyền")]),
    ],
)
def test_targets_are_counted_outputs(text, targets):
    assert _targets(text) == targets


def test_seed_000_deadlines():
    found = _seed("000")
    assert [(d["deadline"], d["line"]) for d in found["deadlines"]] == [
        ("2022-01", 103),
        ("2022-01", 105),
        ("2022-Q1", 105),
        ("2022-01", 139),
        ("2022-03-25", 197),
    ]
    assert [d["text"] for d in found["deadlines"]][3:] == ["(tháng 01/2022)", "trước ngày 25/3/2022"]
    assert found["targets"] == [] and found["budget"] is None


def test_seed_003_quarters_recurrences_and_budget():
    found = _seed("003")
    deadlines = {(d["deadline"], d["line"]) for d in found["deadlines"]}
    assert {
        ("2022-Q1", 73),
        ("2022-Q2", 95),
        ("2022-Q3", 111),
        ("2022-Q4", 121),
        ("2022-Q2", 69),
        ("2022-Q3", 69),
        ("2022-Q1", 197),
        ("R/P1M", 245),
        ("R/P1M", 173),
        ("R/P6M", 267),
        ("R/P1Y", 267),
    } <= deadlines
    assert found["budget"] == {
        "total": 6505490000,
        "lines": [
            {"source": "Ngân sách của Thị xã", "amount": 6145490000},
            {"source": "Xã hội hoá", "amount": 360000000},
        ],
        "years": {"2022": 1750060000},
    }
    assert {"count": 5, "unit": "hội nghị", "text": "ít nhất 05 hội nghị", "line": 35} in found["targets"]


def test_seed_003_units_and_tasks_map_to_the_registry():
    found = _seed("003")
    ids = [u["id"] for u in found["units"]]
    assert {
        "ban-tuyen-giao-thi-uy-sa-pa",
        "phong-van-hoa-thong-tin-thi-xa-sa-pa",
        "trung-tam-van-hoa-the-thao-truyen-thong-thi-xa-sa-pa",
        "phong-tai-chinh-ke-hoach-thi-xa-sa-pa",
        "trung-tam-chinh-tri-thi-xa-sa-pa",
        "cac-chi-dang-bo-truc-thuoc-thi-uy-sa-pa",
        "ubnd-thi-xa-sa-pa",
    } <= set(ids)
    assert len(ids) == len(set(ids))
    tasks = {t["line"]: t for t in found["tasks"]}
    assert tasks[77]["deadline"] == "2022-Q1" and tasks[69]["targets"] == [
        {"count": 3, "unit": "lớp tập huấn"}
    ]
    assert (tasks[197]["lead"], tasks[197]["cooperate"]) == (
        ["ubnd-thi-xa-sa-pa"],
        ["ban-tuyen-giao-thi-uy-sa-pa"],
    )
    assert tasks[245]["lead"] == ["dang-uy-cac-xa-phuong-sa-pa"] and tasks[245]["deadline"] == "R/P1M"


def test_seed_001_has_no_budget_and_reports_twice_a_year():
    found = _seed("001")
    assert [(d["deadline"], d["line"]) for d in found["deadlines"]] == [
        ("2021", 29),
        ("R/P6M", 135),
        ("R/P1Y", 135),
    ]
    assert found["budget"] is None


def test_precision_and_recall_do_not_regress():
    scores = evaluate_tasks(TASKS)
    assert {"000", "001", "003"} <= set(scores) and len(scores) >= 7
    for kind in ("deadlines", "targets"):
        matched = sum(s[kind].matched for s in scores.values())
        assert matched >= 0.9 * sum(s[kind].found for s in scores.values())
        assert matched >= 0.9 * sum(s[kind].expected for s in scores.values())
        for name in ("000", "001", "003"):
            assert scores[name][kind].precision >= 0.9 and scores[name][kind].recall >= 0.9, (name, kind)
