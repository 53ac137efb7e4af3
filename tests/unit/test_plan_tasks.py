"""Plans as data: canonical deadlines, tasks and budgets read from front matter, the agenda and its calendars."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from loa.core.model.budget import parse_budget
from loa.core.model.deadlines import parse_deadline
from loa.core.model.document import Document, PartialDate
from loa.core.model.tasks import format_amount, parse_tasks
from loa.core.outputs.agenda import build_agenda
from loa.core.outputs.ical import task_calendar

BODY = (
    "Các chi, đảng bộ trực thuộc **tổ chức** triển khai hoàn thành trong tháng 01/2022.\n\n"
    "Báo cáo kết quả trước ngày 25/3/2022.\n\nTổ chức hội nghị tuyên vận hằng tháng.\n"
)
UNITS = {"ban-tuyen-giao-thi-uy-sa-pa": object(), "cac-chi-dang-bo-truc-thuoc-thi-uy-sa-pa": object()}


@pytest.mark.parametrize(
    ("value", "kind", "due", "label"),
    [
        (dt.date(2022, 3, 25), "date", dt.date(2022, 3, 25), "ngày 25/03/2022"),
        ("2022-03-25", "date", dt.date(2022, 3, 25), "ngày 25/03/2022"),
        ("2022-01", "month", dt.date(2022, 1, 31), "tháng 01/2022"),
        ("2024-02", "month", dt.date(2024, 2, 29), "tháng 02/2024"),
        ("2022-Q1", "quarter", dt.date(2022, 3, 31), "Quý I/2022"),
        ("2022-q4", "quarter", dt.date(2022, 12, 31), "Quý IV/2022"),
        (2022, "year", dt.date(2022, 12, 31), "năm 2022"),
        ("2022-02-15/2022-04-30", "interval", dt.date(2022, 4, 30), "từ ngày 15/02/2022 đến ngày 30/04/2022"),
        ("R/P1M", "recurrence", None, "hằng tháng"),
        ("R/P3M", "recurrence", None, "hằng quý"),
        ("R/P6M", "recurrence", None, "6 tháng một lần"),
        ("R/P1Y", "recurrence", None, "hằng năm"),
    ],
)
def test_canonical_deadlines(value, kind, due, label):
    deadline = parse_deadline(value)
    assert (deadline.kind, deadline.due, deadline.label()) == (kind, due, label)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2022-02-30", "không có trong lịch"),
        ("2022-13", "không có tháng 13"),
        ("2022-Q5", "không hợp lệ"),
        ("tháng 1/2022", "không hợp lệ"),
        ("2022-04-30/2022-02-15", "phải sau"),
        ("2022-01/2022-03", "hai ngày"),
        ("R/P2W", "không hợp lệ"),
        (dt.datetime(2022, 1, 1, 8, 0), "có giờ"),  # noqa: DTZ001 - the input under test
        (True, "không hợp lệ"),
    ],
)
def test_impossible_or_unknown_deadlines_are_refused(value, message):
    with pytest.raises(ValueError, match=message):
        parse_deadline(value)


def test_recurrences_fall_due_at_the_end_of_each_period_within_the_plan_years():
    assert parse_deadline("R/P3M").occurrences(range(2022, 2023)) == [
        dt.date(2022, 3, 31),
        dt.date(2022, 6, 30),
        dt.date(2022, 9, 30),
        dt.date(2022, 12, 31),
    ]
    assert parse_deadline("R/P6M").occurrences(range(2021, 2023)) == [
        dt.date(2021, 6, 30),
        dt.date(2021, 12, 31),
        dt.date(2022, 6, 30),
        dt.date(2022, 12, 31),
    ]
    assert len(parse_deadline("R/P1M").occurrences(range(2022, 2023))) == 12
    assert parse_deadline("2022-Q2").occurrences(range(2000, 2001)) == [dt.date(2022, 6, 30)]


def _tasks(value, years=range(2022, 2023)):
    errors: list[tuple[str, str, str]] = []
    tasks = parse_tasks(
        value, body=BODY, issuers=UNITS, years=years, lines={}, report=lambda *e: errors.append(e)
    )
    return tasks, errors


def test_tasks_quote_the_text_whatever_its_emphasis_and_line_breaks():
    tasks, errors = _tasks(
        [
            {
                "task": "Các chi, đảng bộ trực thuộc tổ chức triển khai\n hoàn thành trong tháng 01/2022.",
                "lead": "cac-chi-dang-bo-truc-thuoc-thi-uy-sa-pa",
                "deadline": "2022-01",
                "targets": [{"count": 5, "unit": "hội nghị"}, {"count": 1.5, "unit": "tỷ đồng"}],
            }
        ]
    )
    assert errors == []
    (task,) = tasks
    assert task.lead == ("cac-chi-dang-bo-truc-thuoc-thi-uy-sa-pa",) and task.deadline.canonical == "2022-01"
    assert [t.label() for t in task.targets] == ["5 hội nghị", "1,5 tỷ đồng"]


@pytest.mark.parametrize(
    ("item", "code", "field", "words"),
    [
        ({"task": "Một câu văn bản không có."}, "task.quote", "tasks.0.task", "trích nguyên văn"),
        (
            {"task": "Báo cáo kết quả trước ngày 25/3/2022.", "lead": ["ban-tuyen-giao-thi-uy"]},
            "task.unit",
            "tasks.0.lead.0",
            "ban-tuyen-giao-thi-uy-sa-pa",
        ),
        (
            {"task": "Báo cáo kết quả trước ngày 25/3/2022.", "deadline": "2022-03-32"},
            "task.deadline",
            "tasks.0.deadline",
            "không có trong lịch",
        ),
        (
            {"task": "Báo cáo kết quả trước ngày 25/3/2022.", "deadline": "2021-Q4"},
            "task.quarter",
            "tasks.0.deadline",
            "năm 2022",
        ),
        (
            {"task": "Báo cáo kết quả trước ngày 25/3/2022.", "targets": [{"count": 5}]},
            "task.target",
            "tasks.0.targets.0",
            "unit",
        ),
        (
            {"task": "Báo cáo kết quả trước ngày 25/3/2022.", "han": "2022-03"},
            "task.field",
            "tasks.0.han",
            "deadline",
        ),
        ({"lead": "ban-tuyen-giao-thi-uy-sa-pa"}, "task.field", "tasks.0", "'task'"),
    ],
)
def test_bad_tasks_are_diagnosed_by_field(item, code, field, words):
    _, errors = _tasks([item])
    assert [(f, c) for f, c, _ in errors] == [(field, code)]
    assert words in errors[0][2]


def test_a_recurrence_needs_the_plan_years_and_a_repeated_task_an_id():
    _, errors = _tasks([{"task": "Tổ chức hội nghị tuyên vận hằng tháng.", "deadline": "R/P1M"}], years=None)
    assert [c for _, c, _ in errors] == ["task.deadline"] and "period" in errors[0][2]
    same = {"task": "Tổ chức hội nghị tuyên vận hằng tháng."}
    _, errors = _tasks([same, same])
    assert [c for _, c, _ in errors] == ["task.duplicate"]
    tasks, errors = _tasks([same, {**same, "id": "quy-2"}])
    assert errors == [] and len({t.key for t in tasks}) == 2


def _budget(value, years=range(2022, 2023)):
    errors: list[tuple[str, str, str]] = []
    return parse_budget(value, years=years, report=lambda *e: errors.append(e)), errors


def test_seed_003_budget_adds_up():
    budget, errors = _budget(
        {
            "total": 6505490000,
            "lines": [
                {"source": "Ngân sách của Thị xã", "amount": 6145490000},
                {"source": "Xã hội hoá", "amount": 360000000},
            ],
            "years": {"2022": 1750060000},
        }
    )
    assert errors == [] and budget.years == ((2022, 1750060000),)
    assert format_amount(budget.total) == "6.505.490.000 đ"


def test_budget_mismatches_are_diagnosed():
    _, errors = _budget(
        {
            "total": 6505490000,
            "lines": [
                {"source": "Ngân sách của Thị xã", "amount": 6145490000},
                {"source": "Xã hội hoá", "amount": 300000000},
            ],
        }
    )
    assert [(f, c) for f, c, _ in errors] == [("budget.total", "budget.total")]
    assert "6.145.490.000 đ + 300.000.000 đ = 6.445.490.000 đ" in errors[0][2]
    _, errors = _budget({"total": 100, "years": {"2022": 150, "2030": 10}})
    assert sorted(c for _, c, _ in errors) == ["budget.year", "budget.year", "budget.year"]
    _, errors = _budget({"total": "6.505.490.000đ"})
    assert [c for _, c, _ in errors] == ["budget.field"]


def _plan(path: str, tasks, **fields) -> Document:
    return Document(
        path=path,
        src_uri=path,
        kind="plan",
        title="thử",
        body="",
        id=f"urn:uuid:{path}",
        date=PartialDate(2022, 1),
        tasks=tasks,
        **fields,
    )


def test_agenda_orders_units_and_calendar_by_due_day():
    tasks, errors = _tasks(
        [
            {
                "task": "Báo cáo kết quả trước ngày 25/3/2022.",
                "lead": "cac-chi-dang-bo-truc-thuoc-thi-uy-sa-pa",
                "cooperate": "ban-tuyen-giao-thi-uy-sa-pa",
                "deadline": "2022-03-25",
            },
            {
                "task": "Tổ chức hội nghị tuyên vận hằng tháng.",
                "lead": "ban-tuyen-giao-thi-uy-sa-pa",
                "deadline": "R/P3M",
            },
            {"task": "Các chi, đảng bộ trực thuộc tổ chức triển khai", "lead": "ban-tuyen-giao-thi-uy-sa-pa"},
        ]
    )
    assert errors == []
    agenda = build_agenda([_plan("plans/a.md", tasks)])
    btg = agenda.units["ban-tuyen-giao-thi-uy-sa-pa"]
    assert [(d.isoformat(), a.number, a.role("ban-tuyen-giao-thi-uy-sa-pa")) for d, a in btg.dated] == [
        ("2022-03-25", 1, "Phối hợp"),
        ("2022-03-31", 2, "Chủ trì"),
        ("2022-06-30", 2, "Chủ trì"),
        ("2022-09-30", 2, "Chủ trì"),
        ("2022-12-31", 2, "Chủ trì"),
    ]
    assert [a.number for a in btg.undated] == [3] and btg.count == 3
    (year,) = agenda.calendar
    assert [q.label for q in year.quarters] == ["Quý I/2022", "Quý II/2022", "Quý III/2022", "Quý IV/2022"]
    assert [m.label for m in year.quarters[0].months] == ["Tháng 03/2022"]
    assert [d.isoformat() for d, _ in agenda.upcoming(dt.date(2022, 6, 1), 2)] == ["2022-06-30", "2022-09-30"]
    assert agenda.assignments[0].anchor == "plans/a/#nhiem-vu-1"


def test_ical_events_are_all_day_with_rrule_and_stable_uids():
    tasks, _ = _tasks(
        [
            {"task": "Báo cáo kết quả trước ngày 25/3/2022.", "deadline": "2022-03-25"},
            {"task": "Tổ chức hội nghị tuyên vận hằng tháng.", "deadline": "R/P1M"},
            {"task": "Các chi, đảng bộ trực thuộc tổ chức triển khai", "deadline": "2022-02-15/2022-04-30"},
            {"task": "Báo cáo kết quả", "deadline": "2022-Q1"},
        ]
    )
    built = dt.datetime(2022, 1, 10, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))

    def ics() -> bytes:
        agenda = build_agenda([_plan("plans/a.md", tasks)])
        return task_calendar(
            agenda.assignments, name="Thử", site_url="https://loa.example/", built=built, issuers={}
        )

    data = ics()
    assert data == ics() and b"\r\n" in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"
    events = {str(e["summary"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    report = events["Báo cáo kết quả trước ngày 25/3/2022."]
    assert (report.decoded("dtstart"), report.decoded("dtend")) == (
        dt.date(2022, 3, 25),
        dt.date(2022, 3, 26),
    )
    monthly = events["Tổ chức hội nghị tuyên vận hằng tháng."]
    assert monthly.decoded("dtstart") == dt.date(2022, 1, 31)
    assert monthly["rrule"].to_ical() == b"FREQ=MONTHLY;UNTIL=20221231;INTERVAL=1;BYMONTHDAY=-1"
    interval = events["Các chi, đảng bộ trực thuộc tổ chức triển khai"]
    assert (interval.decoded("dtstart"), interval.decoded("dtend")) == (
        dt.date(2022, 2, 15),
        dt.date(2022, 5, 1),
    )
    assert events["Báo cáo kết quả"].decoded("dtstart") == dt.date(2022, 3, 31)
    assert len({str(e["uid"]) for e in events.values()}) == 4
    assert all(str(e["uid"]).endswith("@loa.example") for e in events.values())
    assert str(report["url"]) == "https://loa.example/plans/a/#nhiem-vu-1"
