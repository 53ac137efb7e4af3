"""Plans as data: the tasks a plan assigns, with their units, deadlines and targets, and its budget.

Kept in front matter so that the official text reads exactly as issued: each task quotes the plan's own words
(``task``), which must be found in its body. Units are registry ids (``data/issuers.yml``); deadlines are in the
canonical form of `loa.core.model.deadlines`. The plan's budget is read by `loa.core.model.budget`.

    period: 2022                 # the years the plan covers: 2022, or 2021/2025 (default: the year of its date)
    tasks:
      - task: "Các chi, đảng bộ trực thuộc Thị ủy tổ chức triển khai tuyên truyền ở cấp cơ sở hoàn thành trong
          tháng 01/2022"
        lead: [cac-chi-dang-bo-truc-thuoc-thi-uy-sa-pa]
        cooperate: [ban-tuyen-giao-thi-uy-sa-pa]
        deadline: 2022-01
        targets: [{count: 5, unit: hội nghị}]
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from loa.core.base.bounds import (
    COUNT_MAX,
    PERIOD_MAX,
    TEXT_MAX,
    YEAR_MAX,
    YEAR_MIN,
    count_problem,
    too_many,
)
from loa.core.base.diagnostics import suggest
from loa.core.model.deadlines import Deadline, parse_deadline
from loa.core.safety.trust import strip_invisible

__all__ = [
    "Report",
    "Target",
    "Task",
    "format_amount",
    "parse_period",
    "parse_tasks",
    "quotes",
    "task_uid",
    "too_long",
]


Report = Callable[[str, str, str], None]
"""Records an error: (dotted field, code, message)."""

_TASK_KEYS = ("task", "id", "lead", "cooperate", "deadline", "targets")
_TARGET_KEYS = ("count", "unit")
_PERIOD = re.compile(r"^(\d{4})(?:/(\d{4}))?$")
_NAMESPACE = uuid.UUID("6f1c2b8e-5a0d-4c7e-9d3a-2b1e8f4a6c50")


@dataclass(frozen=True)
class Target:
    """A quantified target: ``count`` of ``unit`` (05 hội nghị → 5, "hội nghị")."""

    count: int | float
    unit: str

    def label(self) -> str:
        """``5 hội nghị``, ``100%``, ``1,5 km``."""
        count = f"{self.count:g}".replace(".", ",") if isinstance(self.count, float) else str(self.count)
        return f"{count}{self.unit}" if self.unit == "%" else f"{count} {self.unit}"


@dataclass(frozen=True)
class Task:
    """One task of a plan.

    Attributes:
        key: Stable within the plan: the ``id`` given, or the quote's own words.
        quote: The task as the plan words it.
        lead: Registry ids of the units in charge (chủ trì).
        cooperate: Registry ids of the cooperating units (phối hợp).
        deadline: When it is due, if the plan says.
        targets: Its quantified targets.
        line: Line of the task in the file.
    """

    key: str
    quote: str
    lead: tuple[str, ...]
    cooperate: tuple[str, ...]
    deadline: Deadline | None
    targets: tuple[Target, ...]
    line: int

    @property
    def units(self) -> tuple[str, ...]:
        """Every unit the task names, the leads first."""
        return self.lead + tuple(u for u in self.cooperate if u not in self.lead)


def task_uid(document_id: str, task: Task) -> str:
    """A task's identity across builds: UUID5 of the document's guid and the task's key."""
    return str(uuid.uuid5(_NAMESPACE, f"{document_id}\0{task.key}"))


def format_amount(amount: int) -> str:
    """Đồng as Vietnamese documents write them: ``6.505.490.000 đ``."""
    return f"{amount:,}".replace(",", ".") + " đ"


def parse_period(value: object, report: Report) -> range | None:
    """The years a plan covers (``2022`` or ``2021/2025``), or None with an error."""
    match = _PERIOD.match(str(value).strip()) if isinstance(value, (str, int)) else None
    first, last = (int(match[1]), int(match[2] or match[1])) if match else (0, -1)
    if last < first:
        report(
            "period",
            "task.period",
            f"'period' phải là một năm (2022) hoặc hai năm đầu và cuối (2021/2025), nhận được '{value}'",
        )
        return None
    if not (first >= YEAR_MIN and last <= YEAR_MAX and last - first < PERIOD_MAX):
        report(
            "period",
            "task.period",
            f"'period' ({value}) phải gồm các năm trong khoảng {YEAR_MIN}–{YEAR_MAX}, "
            f"nhiều nhất {PERIOD_MAX} năm",
        )
        return None
    return range(first, last + 1)


def _words(text: str) -> str:
    """Text for comparing a quote with the body: NFC, no Markdown emphasis or escapes, no invisible characters (the
    body keeps those of the original, a quote in front matter may not have them), single spaces."""
    text = unicodedata.normalize("NFC", strip_invisible(text))
    text = re.sub(r"[*_`\\]|<[^>]+>", "", text)
    return " ".join(text.split())


def quotes(body: str, quote: str) -> bool:
    """Whether ``body`` contains ``quote`` word for word (emphasis, escapes and line breaks aside)."""
    return _words(quote) in _words(body)


def _ids(value: Any, field: str, issuers: Mapping[str, object], report: Report) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if values is None:
        report(field, "task.unit", f"'{field}' phải là mã đơn vị hoặc danh sách mã trong data/issuers.yml")
        return ()
    if problem := too_many(field, values):
        report(field, "meta.too-many", f"{problem}; hãy bỏ bớt")
        return ()
    ids = []
    for index, unit in enumerate(values):
        if not isinstance(unit, str) or unit not in issuers:
            report(
                f"{field}.{index}" if isinstance(value, list) else field,
                "task.unit",
                f"không có đơn vị mã '{unit}' trong data/issuers.yml.{suggest(str(unit), sorted(issuers))}",
            )
        elif unit not in ids:
            ids.append(unit)
    return tuple(ids)


def _targets(value: Any, where: str, report: Report) -> tuple[Target, ...]:
    if not isinstance(value, list):
        report(where, "task.target", "'targets' phải là danh sách chỉ tiêu {count: số, unit: đơn vị tính}")
        return ()
    if problem := too_many(where, value):
        report(where, "meta.too-many", f"{problem}; hãy bỏ bớt")
        return ()
    targets = []
    for index, item in enumerate(value):
        field = f"{where}.{index}"
        count = item.get("count") if isinstance(item, dict) else None
        unit = item.get("unit") if isinstance(item, dict) else None
        extra = [k for k in item if k not in _TARGET_KEYS] if isinstance(item, dict) else []
        if (
            isinstance(count, bool)
            or not isinstance(count, (int, float))
            or count < 0
            or not isinstance(unit, str)
            or not unit.strip()
            or extra
        ):
            report(
                field,
                "task.target",
                f"chỉ tiêu phải có dạng {{count: số, unit: đơn vị tính}}, ví dụ "
                f"{{count: 5, unit: hội nghị}} (nhận được {str(item)[:200]!r})",
            )
            continue
        if problem := count_problem(count, COUNT_MAX) or too_long(unit, "unit"):
            report(field, "task.target", f"chỉ tiêu {problem}")
            continue
        targets.append(Target(count, unicodedata.normalize("NFC", unit.strip())))
    return tuple(targets)


def parse_tasks(
    value: Any,
    *,
    body: str,
    issuers: Mapping[str, object],
    years: range | None,
    lines: Mapping[str, int],
    report: Report,
) -> tuple[Task, ...]:
    """Read and check the ``tasks`` of a plan.

    Arguments:
        value: The front matter's ``tasks``.
        body: The plan's text, which each task must quote.
        issuers: The registry of units.
        years: The years the plan covers, if known; a quarter outside them is an error.
        lines: Line of each dotted front-matter key.
        report: Records an error.
    """
    if not isinstance(value, list):
        report(
            "tasks",
            "task.field",
            "'tasks' phải là danh sách nhiệm vụ, mỗi mục có 'task', 'lead', 'deadline'…",
        )
        return ()
    if problem := too_many("tasks", value):
        report("tasks", "meta.too-many", f"{problem}; hãy tách kế hoạch hoặc bỏ bớt")
        return ()
    text = _words(body)
    tasks: list[Task] = []
    keys: set[str] = set()
    for index, item in enumerate(value):
        where = f"tasks.{index}"
        if not isinstance(item, dict) or not isinstance(item.get("task"), str) or not item["task"].strip():
            report(
                where,
                "task.field",
                "mỗi nhiệm vụ phải có 'task': câu giao nhiệm vụ trích nguyên văn từ văn bản",
            )
            continue
        for key in item:
            if key not in _TASK_KEYS:
                report(
                    f"{where}.{key}",
                    "task.field",
                    f"nhiệm vụ: trường '{key}' không hợp lệ."
                    f"{suggest(str(key), _TASK_KEYS)} Các trường hợp lệ: {', '.join(_TASK_KEYS)}",
                )
        if problem := too_long(item["task"], "task") or too_long(str(item.get("id") or ""), "id"):
            report(where, "meta.too-long", f"nhiệm vụ: {problem}")
            continue
        quote = _words(item["task"])
        if quote not in text:
            report(
                f"{where}.task",
                "task.quote",
                f"không tìm thấy câu nhiệm vụ trong nội dung văn bản: "
                f"'{quote[:80]}…'; 'task' phải trích nguyên văn một đoạn của văn bản",
            )
        deadline = _deadline(item.get("deadline"), f"{where}.deadline", years, report)
        key = str(item.get("id") or quote)
        if key in keys:
            report(
                where, "task.duplicate", "nhiệm vụ này trùng với một nhiệm vụ trước; thêm 'id' để phân biệt"
            )
        keys.add(key)
        tasks.append(
            Task(
                key,
                quote,
                _ids(item.get("lead", []), f"{where}.lead", issuers, report),
                _ids(item.get("cooperate", []), f"{where}.cooperate", issuers, report),
                deadline,
                _targets(item.get("targets", []), f"{where}.targets", report),
                lines.get(where, 1),
            )
        )
    return tuple(tasks)


def _deadline(value: Any, where: str, years: range | None, report: Report) -> Deadline | None:
    if value is None:
        return None
    try:
        deadline = parse_deadline(value)
    except ValueError as error:
        report(where, "task.deadline", str(error))
        return None
    if deadline.kind == "quarter" and years is not None and deadline.due and deadline.due.year not in years:
        span = f"năm {years[0]}" if len(years) == 1 else f"các năm {years[0]}–{years[-1]}"
        report(
            where,
            "task.quarter",
            f"quý {deadline.label()} nằm ngoài thời gian của kế hoạch ({span}); "
            "sửa năm của quý, hoặc ghi 'period' của kế hoạch",
        )
        return None
    if deadline.kind == "recurrence" and years is None:
        report(
            where,
            "task.deadline",
            f"thời hạn định kỳ '{deadline.canonical}' cần biết kế hoạch áp dụng cho "
            "những năm nào: ghi 'period' (2022 hoặc 2021/2025) hoặc ngày ban hành 'date'",
        )
        return None
    return deadline


def too_long(text: str, name: str) -> str | None:
    """Why the text of field ``name`` of a task or budget is too long, or None."""
    largest = TEXT_MAX[name]
    return f"trường '{name}' dài {len(text)} ký tự, tối đa {largest} ký tự" if len(text) > largest else None
