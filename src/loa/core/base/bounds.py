"""Bounds of every front-matter value, so that no value an editor writes can make a build slow or crash it.

Years lie within `YEAR_MIN`–`YEAR_MAX` (the documents Loa publishes start after 1945; 2100 leaves room for long
plans), a plan covers at most `PERIOD_MAX` years (calendar pages grow with the square of the years they span), and
every list, count and amount has a largest value. Paths written in front matter (cover images, amended, replaced
and related plans, old addresses) stay inside the content roots: no ``..``, no backslash, no percent-encoding.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sized

__all__ = [
    "AMOUNT_MAX",
    "COUNT_MAX",
    "LIST_MAX",
    "PERIOD_MAX",
    "TEXT_MAX",
    "YEAR_MAX",
    "YEAR_MIN",
    "count_problem",
    "date_problem",
    "is_blank",
    "not_scalar",
    "path_problem",
    "too_many",
    "year_problem",
]

YEAR_MIN = 1945
YEAR_MAX = 2100
PERIOD_MAX = 20
"""Most years one plan covers (``period``), and longest interval of a deadline."""
AMOUNT_MAX = 10**15
"""Largest amount of money, in đồng (a million billion)."""
COUNT_MAX = 10**9
"""Largest count of a target."""
LIST_MAX = {
    "recipients": 200,
    "topics": 20,
    "channels": 20,
    "aliases": 50,
    "amends": 50,
    "replaces": 50,
    "related_plans": 50,
    "tasks": 300,
    "targets": 20,
    "lead": 50,
    "cooperate": 50,
    "lines": 50,
    "years": PERIOD_MAX,
}
"""Longest list of each list field (``targets``, ``lead``… within a task, ``lines``, ``years`` within a budget)."""
TEXT_MAX = {"task": 5000, "id": 200, "unit": 120, "source": 300}
"""Longest text of the fields of tasks and budgets."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def is_blank(value: object) -> bool:
    """Whether a required value is missing: absent, empty, or only spaces (which the schema reads as nothing)."""
    return value in (None, "", []) or (isinstance(value, str) and not value.split())


def year_problem(year: int) -> str | None:
    """Why ``year`` is not accepted, or None."""
    if YEAR_MIN <= year <= YEAR_MAX:
        return None
    return f"năm {year} nằm ngoài khoảng cho phép {YEAR_MIN}–{YEAR_MAX}"


def count_problem(value: float, largest: int) -> str | None:
    """Why a count or amount is not accepted (negative, not finite or above ``largest``), or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return "phải là một số hữu hạn"
    if value < 0:
        return "không được là số âm"
    if value > largest:
        return f"lớn hơn giới hạn {_number(largest)}"
    return None


def too_many(name: str, value: Sized) -> str | None:
    """Why the list ``value`` of field ``name`` is too long, or None."""
    largest = LIST_MAX.get(name.rsplit(".", 1)[-1], 100)
    if len(value) <= largest:
        return None
    return f"trường '{name}' có {_number(len(value))} mục, tối đa {largest} mục"


def path_problem(value: str) -> str | None:
    """Why ``value``, a path written in front matter, could point outside the content roots, or None.

    A value with a scheme (``https:``, ``javascript:``) is an address, which the checks of addresses judge.
    """
    text = value.strip()
    if _SCHEME.match(text) and "\\" not in text:
        return None
    if "\\" in text:
        return f"đường dẫn '{value}' có dấu '\\'; hãy dùng dấu '/' (ví dụ images/anh.jpg)"
    if "%" in text:
        return f"đường dẫn '{value}' có mã '%…'; hãy ghi tên tệp trực tiếp, không mã hóa"
    if text.startswith(("//", "~")):
        return (
            f"đường dẫn '{value}' trỏ ra ngoài thư mục nội dung; hãy ghi đường dẫn trong content/ hoặc plans/"
        )
    if any(part == ".." for part in text.split("/")):
        return (
            f"đường dẫn '{value}' có '..' trỏ ra ngoài thư mục nội dung; hãy ghi đường dẫn tính từ content/ "
            "(ảnh) hoặc plans/… (văn bản)"
        )
    return None


def not_scalar(entry: Mapping[object, object], lists: Iterable[str] = ()) -> list[str]:
    """The fields of a registry entry that hold a list or group where a single value is expected.

    Fields named in ``lists`` may also hold a list of single values.
    """
    wrong = []
    for key, value in entry.items():
        items = value if str(key) in lists and isinstance(value, list) else [value]
        if any(isinstance(item, (dict, list)) for item in items):
            wrong.append(str(key))
    return wrong


def date_problem(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Why a date of a registry (some parts possibly blank) is not accepted, or None."""
    if problem := year_problem(year):
        return problem
    try:
        dt.date(year, month or 1, day or 1)
    except (ValueError, OverflowError):
        return "ngày này không có trong lịch"
    return None
