"""The one Vietnamese date formatter: the exact strings pages, feeds, search and messages show."""

from __future__ import annotations

import datetime as dt

import pytest

from loa.core.base.dates import (
    format_day_number,
    format_day_parts,
    format_month,
    format_quarter,
    format_year,
    vietnamese_date,
    vietnamese_datetime,
)
from loa.core.model.deadlines import parse_deadline
from loa.core.model.document import TIMEZONE, PartialDate

MOMENT = dt.datetime(2026, 11, 20, 8, 5, tzinfo=TIMEZONE)


def test_days_and_moments_have_two_digit_parts() -> None:
    assert vietnamese_date(dt.date(2022, 3, 5)) == "ngày 05/03/2022"
    assert vietnamese_date(MOMENT) == "ngày 20/11/2026"
    assert vietnamese_datetime(MOMENT) == "08:05 ngày 20/11/2026"
    assert format_day_number(dt.date(2021, 12, 15)) == "15/12/2021"
    assert format_day_parts(2021, 1, 2) == "ngày 02/01/2021"


def test_months_quarters_years() -> None:
    assert format_month(2022, 1) == "tháng 01/2022"
    assert format_month(2022, 12, capital=True) == "Tháng 12/2022"
    assert [format_quarter(2022, q) for q in (1, 2, 3, 4)] == [
        "Quý I/2022",
        "Quý II/2022",
        "Quý III/2022",
        "Quý IV/2022",
    ]
    assert format_year(2022) == "năm 2022"


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        (PartialDate(2022), "năm 2022"),
        (PartialDate(2022, 1), "tháng 01/2022"),
        (PartialDate(2021, 12, 5), "ngày 05/12/2021"),
    ],
)
def test_partial_dates_use_the_formatter(date: PartialDate, shown: str) -> None:
    assert date.vietnamese() == shown


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("2022-03-25", "ngày 25/03/2022"),
        ("2022-01", "tháng 01/2022"),
        ("2022-Q3", "Quý III/2022"),
        ("2022", "năm 2022"),
        ("2022-02-15/2022-04-30", "từ ngày 15/02/2022 đến ngày 30/04/2022"),
    ],
)
def test_deadline_labels_use_the_formatter(value: str, label: str) -> None:
    assert parse_deadline(value).label() == label
