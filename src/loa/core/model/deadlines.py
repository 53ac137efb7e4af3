"""Deadlines of plan tasks, in one canonical form.

An exact date (``2022-03-25``), a month (``2022-01``), a quarter (``2022-Q1``), a year (``2022``), an interval
(``2022-02-15/2022-04-30``) or a recurrence (``R/P1M`` hằng tháng, ``R/P3M`` hằng quý, ``R/P6M`` 6 tháng một lần,
``R/P1Y`` hằng năm). A period is due on its last day. A recurrence falls due at the end of each of its periods
within the plan's years.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from loa.core.base.bounds import PERIOD_MAX, YEAR_MAX, YEAR_MIN
from loa.core.base.dates import format_month, format_quarter, format_year, vietnamese_date

__all__ = ["RECURRENCES", "Deadline", "parse_deadline"]

RECURRENCES = {
    "P1M": ("hằng tháng", 1),
    "P3M": ("hằng quý", 3),
    "P6M": ("6 tháng một lần", 6),
    "P1Y": ("hằng năm", 12),
}
"""Recurrence → (Vietnamese label, months between occurrences)."""

_YEAR = re.compile(r"^(\d{4})$")
_LEADING_YEAR = re.compile(r"^(\d{4})(?!\d)")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RECURRENCE = re.compile(r"^R/(P1M|P3M|P6M|P1Y)$", re.IGNORECASE)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Deadline:
    """A task's deadline.

    Attributes:
        due: The day it falls due (the last day of a month, quarter, year or interval); for a recurrence, None.
        start: The first day of the period or interval it covers; for a recurrence, None.
        kind: ``date``, ``month``, ``quarter``, ``year``, ``interval`` or ``recurrence``.
        canonical: The canonical text (``2022-Q1``).
        every: For a recurrence, the months between two occurrences (1, 3, 6 or 12).
    """

    due: dt.date | None
    start: dt.date | None
    kind: str
    canonical: str
    every: int = 0

    @property
    def years(self) -> range:
        """The calendar years the deadline's period touches (empty for a recurrence)."""
        if self.start is None or self.due is None:
            return range(0)
        return range(self.start.year, self.due.year + 1)

    def label(self) -> str:
        """As Vietnamese readers expect it: ``ngày 25/03/2022``, ``tháng 01/2022``, ``Quý I/2022``, ``hằng quý``."""
        if self.kind == "recurrence":
            return RECURRENCES[self.canonical[2:]][0]
        assert self.due is not None
        assert self.start is not None
        if self.kind == "date":
            return vietnamese_date(self.due)
        if self.kind == "month":
            return format_month(self.due.year, self.due.month)
        if self.kind == "quarter":
            return format_quarter(self.due.year, (self.due.month - 1) // 3 + 1)
        if self.kind == "year":
            return format_year(self.due.year)
        return f"từ {vietnamese_date(self.start)} đến {vietnamese_date(self.due)}"

    def occurrences(self, years: range) -> list[dt.date]:
        """The days it falls due within ``years``: one for a period, each period's last day for a recurrence."""
        if self.kind != "recurrence":
            return [self.due] if self.due is not None else []
        return [_last_day(year, month) for year in years for month in range(self.every, 13, self.every)]


def parse_deadline(value: object) -> Deadline:
    """Read a deadline as front matter gives it (a string, or the date or year YAML made of it).

    Raises:
        ValueError: With a Vietnamese message saying what is wrong and what is expected.
    """
    deadline = _parse(value)
    if (
        deadline.start is not None
        and deadline.due is not None
        and not (
            deadline.start.year >= YEAR_MIN
            and deadline.due.year <= YEAR_MAX
            and deadline.due.year - deadline.start.year < PERIOD_MAX
        )
    ):
        raise ValueError(
            f"thời hạn '{deadline.canonical}' phải nằm trong các năm {YEAR_MIN}–{YEAR_MAX} và không "
            f"dài quá {PERIOD_MAX} năm"
        )
    return deadline


def _parse(value: object) -> Deadline:
    if isinstance(value, dt.datetime):
        # A value the editor wrote, not a programming error: the caller reports it as a diagnostic.
        raise ValueError(f"thời hạn '{value}' có giờ; chỉ ghi ngày (YYYY-MM-DD)")
    if isinstance(value, dt.date):
        return Deadline(value, value, "date", value.isoformat())
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if not text or len(text) > 60:
        raise ValueError(f"thời hạn '{str(value)[:60]}' không hợp lệ; {_EXPECTED}")
    if (leading := _LEADING_YEAR.match(text)) and not YEAR_MIN <= int(leading[1]) <= YEAR_MAX:
        raise ValueError(
            f"thời hạn '{text}': năm {leading[1]} nằm ngoài khoảng cho phép {YEAR_MIN}–{YEAR_MAX}"
        )
    if "/" in text and not text.upper().startswith("R"):
        first, _, last = text.partition("/")
        start, end = _parse(first.strip()), _parse(last.strip())
        if start.kind != "date" or end.kind != "date":
            raise ValueError(f"khoảng thời gian '{text}' phải gồm hai ngày YYYY-MM-DD/YYYY-MM-DD")
        assert start.due is not None
        assert end.due is not None
        if end.due <= start.due:
            raise ValueError(f"khoảng thời gian '{text}': ngày kết thúc phải sau ngày bắt đầu")
        return Deadline(end.due, start.start, "interval", f"{start.canonical}/{end.canonical}")
    if match := _RECURRENCE.match(text):
        period = match[1].upper()
        return Deadline(None, None, "recurrence", f"R/{period}", RECURRENCES[period][1])
    if match := _YEAR.match(text):
        year = int(match[1])
        return Deadline(dt.date(year, 12, 31), dt.date(year, 1, 1), "year", text)
    if match := _QUARTER.match(text):
        year, quarter = int(match[1]), int(match[2])
        return Deadline(
            _last_day(year, 3 * quarter), dt.date(year, 3 * quarter - 2, 1), "quarter", f"{year}-Q{quarter}"
        )
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"thời hạn '{text}': không có tháng {month}")
        return Deadline(_last_day(year, month), dt.date(year, month, 1), "month", text)
    if match := _DATE.match(text):
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise ValueError(f"thời hạn '{text}': ngày này không có trong lịch") from None
        return Deadline(day, day, "date", text)
    raise ValueError(f"thời hạn '{text}' không hợp lệ; {_EXPECTED}")


_EXPECTED = (
    "ghi một ngày (2022-03-25), một tháng (2022-01), một quý (2022-Q1), một năm (2022), một khoảng "
    "(2022-02-15/2022-04-30) hoặc định kỳ (R/P1M hằng tháng, R/P3M hằng quý, R/P6M 6 tháng, R/P1Y hằng năm)"
)
