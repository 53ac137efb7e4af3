"""A plan's budget as data: its total, its sources (``lines``) and its years, checked so that the sources add up to
the total and no year asks for more than it.

    budget:
      total: 6505490000
      lines: [{source: Ngân sách của Thị xã, amount: 6145490000}, {source: Xã hội hoá, amount: 360000000}]
      years: {2022: 1750060000}
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from loa.core.base.bounds import (
    AMOUNT_MAX,
    count_problem,
    too_many,
)
from loa.core.base.diagnostics import suggest
from loa.core.model.tasks import Report, format_amount, too_long

__all__ = ["Budget", "BudgetLine", "parse_budget"]

_BUDGET_KEYS = ("total", "lines", "years")
_LINE_KEYS = ("source", "amount")
_YEARS_FIELD = "budget.years"


@dataclass(frozen=True)
class BudgetLine:
    """A source of funds (nguồn kinh phí) and its amount in đồng."""

    source: str
    amount: int


@dataclass(frozen=True)
class Budget:
    """A plan's budget: the stated total, its sources, and what is needed in given years."""

    total: int
    lines: tuple[BudgetLine, ...]
    years: tuple[tuple[int, int], ...]


def _amount(value: Any, where: str, report: Report) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        report(
            where,
            "budget.field",
            f"số tiền phải là số đồng, không có dấu chấm (6505490000 hoặc "
            f"6_505_490_000), nhận được '{str(value)[:80]}'",
        )
        return None
    if problem := count_problem(value, AMOUNT_MAX):
        report(where, "budget.field", f"số tiền {problem} đồng")
        return None
    return value


def parse_budget(value: Any, *, years: range | None, report: Report) -> Budget | None:
    """Read a plan's ``budget`` and check that its sources add up to the total, and each year within it."""
    if not isinstance(value, dict):
        report(
            "budget", "budget.field", "'budget' phải gồm total (tổng kinh phí), lines (các nguồn) và years"
        )
        return None
    for key in value:
        if key not in _BUDGET_KEYS:
            report(
                f"budget.{key}",
                "budget.field",
                f"kinh phí: trường '{key}' không hợp lệ."
                f"{suggest(str(key), _BUDGET_KEYS)} Các trường hợp lệ: {', '.join(_BUDGET_KEYS)}",
            )
    total = _amount(value.get("total"), "budget.total", report)
    sources: list[BudgetLine] = []
    for name in ("lines", "years"):
        listed = value.get(name)
        if isinstance(listed, (list, dict)) and (problem := too_many(f"budget.{name}", listed)):
            report(f"budget.{name}", "meta.too-many", f"{problem}; hãy bỏ bớt")
            return None
    if not isinstance(value.get("lines") or [], list) or not isinstance(value.get("years") or {}, dict):
        report(
            "budget",
            "budget.field",
            "'lines' phải là danh sách nguồn kinh phí, 'years' là các cặp năm: số đồng",
        )
        return None
    for index, item in enumerate(value.get("lines") or []):
        where = f"budget.lines.{index}"
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("source"), str)
            or set(item) - set(_LINE_KEYS)
        ):
            report(where, "budget.field", "mỗi nguồn kinh phí có dạng {source: tên nguồn, amount: số đồng}")
            continue
        if problem := too_long(item["source"], "source"):
            report(where, "meta.too-long", f"nguồn kinh phí: {problem}")
            continue
        amount = _amount(item.get("amount"), f"{where}.amount", report)
        if amount is not None:
            sources.append(BudgetLine(unicodedata.normalize("NFC", item["source"]), amount))
    needs: list[tuple[int, int]] = []
    for year, amount in (value.get("years") or {}).items():
        where = f"budget.years.{year}"
        checked = _amount(amount, where, report)
        number = int(year) if str(year).isdigit() and len(str(year)) == 4 else None
        if number is None or (years is not None and number not in years):
            report(where, "budget.year", f"năm '{year}' không thuộc thời gian của kế hoạch")
        elif checked is not None:
            needs.append((number, checked))
    if total is None:
        return None
    if sources and sum(s.amount for s in sources) != total:
        added = " + ".join(format_amount(s.amount) for s in sources)
        report(
            "budget.total",
            "budget.total",
            f"tổng kinh phí {format_amount(total)} khác tổng các nguồn: {added} "
            f"= {format_amount(sum(s.amount for s in sources))}",
        )
    for year, amount in needs:
        if amount > total:
            report(
                f"budget.years.{year}",
                "budget.year",
                f"kinh phí năm {year} ({format_amount(amount)}) lớn hơn tổng kinh phí {format_amount(total)}",
            )
    if sum(a for _, a in needs) > total:
        report(_YEARS_FIELD, "budget.year", "tổng kinh phí các năm lớn hơn tổng kinh phí của kế hoạch")
    return Budget(total, tuple(sources), tuple(sorted(needs)))
