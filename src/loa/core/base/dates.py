"""Dates and moments as Vietnamese readers expect them: the one place that spells a date for a page, feed or message.

``ngày 15/12/2021``, ``08:00 ngày 15/12/2021``, ``tháng 01/2022``, ``Quý I/2022``, ``năm 2022``. Days and months
always have two digits; quarters are Roman numerals. This module imports nothing from Loa, so every layer may use it.
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "QUARTER_NUMERALS",
    "administrative_date",
    "format_day_number",
    "format_day_parts",
    "format_month",
    "format_quarter",
    "format_year",
    "vietnamese_date",
    "vietnamese_datetime",
]

QUARTER_NUMERALS = ("I", "II", "III", "IV")
"""How a quarter is written: ``Quý I`` … ``Quý IV``."""


def format_day_number(day: dt.date) -> str:
    """A day as bare digits, for a range inside a sentence: ``15/12/2021``."""
    return _digits(day.year, day.month, day.day)


def format_day_parts(year: int, month: int, day: int) -> str:
    """A day given as numbers (a source date not yet checked against the calendar): ``ngày 15/12/2021``."""
    return f"ngày {_digits(year, month, day)}"


def vietnamese_date(day: dt.date) -> str:
    """A day as Vietnamese readers expect it: ``ngày 15/12/2021``."""
    return format_day_parts(day.year, day.month, day.day)


def vietnamese_datetime(moment: dt.datetime) -> str:
    """A moment as Vietnamese readers expect it: ``08:00 ngày 15/12/2021``."""
    return f"{moment.hour:02d}:{moment.minute:02d} {vietnamese_date(moment)}"


def format_month(year: int, month: int, *, capital: bool = False) -> str:
    """A month: ``tháng 01/2022``, or ``Tháng 01/2022`` to open a heading or a label."""
    word = "Tháng" if capital else "tháng"
    return f"{word} {month:02d}/{year}"


def format_quarter(year: int, quarter: int) -> str:
    """A quarter (1–4): ``Quý I/2022``."""
    return f"Quý {QUARTER_NUMERALS[quarter - 1]}/{year}"


def format_year(year: int) -> str:
    """A year: ``năm 2022``."""
    return f"năm {year}"


def administrative_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """A date as a document's header writes it: ``ngày 15 tháng 12 năm 2021``, ``ngày 05 tháng 02 năm 2022``.

    As Nghị định 30/2020/NĐ-CP prescribes: a day below 10 and the months 1 and 2 take a leading zero. A part the
    document left blank stays blank (``ngày    tháng 01 năm 2022``).
    """
    day_text = f"{day:02d}" if day else "\u2002\u2002"
    month_text = (f"{month:02d}" if month < 3 else str(month)) if month else "\u2002\u2002"
    return f"ngày {day_text} tháng {month_text} năm {year}"


def _digits(year: int, month: int, day: int) -> str:
    return f"{day:02d}/{month:02d}/{year}"
