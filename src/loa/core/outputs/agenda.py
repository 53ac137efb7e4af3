"""Who must do what, by when: the tasks of the published plans, by unit and by month.

Built from the published documents only, so a task of a withheld plan never appears on a unit page, the calendar
or an iCalendar feed. A task falls due on its deadline's last day; a recurring task on the last day of each of its
periods within the plan's years. Tasks without a deadline are listed after the dated ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from loa.core.base.dates import format_month, format_quarter
from loa.core.model.document import Document
from loa.core.model.tasks import Task, task_uid
from loa.core.routing.routes import unit_url

__all__ = [
    "Agenda",
    "Assignment",
    "CalendarMonth",
    "CalendarQuarter",
    "CalendarYear",
    "UnitTasks",
    "build_agenda",
    "plan_years",
]


def plan_years(document: Document) -> range | None:
    """The years a plan covers: its ``period``, else the year of its date; None when neither is known."""
    if document.period is not None:
        return document.period
    return range(document.date.year, document.date.year + 1) if document.date else None


@dataclass(frozen=True)
class Assignment:
    """A task of a published plan.

    Attributes:
        task: The task.
        document: The plan (without its body).
        number: The task's position in the plan, from 1 (its row ``#nhiem-vu-<number>`` on the plan's page).
        uid: Stable identity across builds (`task_uid`).
        due: The days it falls due, in order; empty without a deadline.
    """

    task: Task
    document: Document
    number: int
    uid: str
    due: tuple[dt.date, ...]

    @property
    def anchor(self) -> str:
        """The task's row on the plan's page, site-relative."""
        return f"{self.document.url}#nhiem-vu-{self.number}"

    def role(self, unit: str) -> str:
        """``Chủ trì`` or ``Phối hợp`` for ``unit``."""
        return "Chủ trì" if unit in self.task.lead else "Phối hợp"


@dataclass(frozen=True)
class UnitTasks:
    """One unit's tasks across plans: dated ones by their first due day, then the undated."""

    unit: str
    dated: tuple[tuple[dt.date, Assignment], ...]
    undated: tuple[Assignment, ...]

    @property
    def url(self) -> str:
        """The unit's page."""
        return unit_url(self.unit)

    @property
    def with_deadline(self) -> list[Assignment]:
        """Its tasks that have a deadline, each once."""
        return list({a.uid: a for _, a in self.dated}.values())

    @property
    def count(self) -> int:
        """How many tasks."""
        return len(self.with_deadline) + len(self.undated)


@dataclass(frozen=True)
class CalendarMonth:
    """The days falling due in one month."""

    year: int
    month: int
    items: tuple[tuple[dt.date, Assignment], ...]

    @property
    def label(self) -> str:
        """``Tháng 01/2022``."""
        return format_month(self.year, self.month, capital=True)


@dataclass(frozen=True)
class CalendarQuarter:
    """The months of a quarter that have something due."""

    year: int
    quarter: int
    months: tuple[CalendarMonth, ...]

    @property
    def label(self) -> str:
        """``Quý I/2022``."""
        return format_quarter(self.year, self.quarter)


@dataclass(frozen=True)
class CalendarYear:
    """The quarters of a year that have something due."""

    year: int
    quarters: tuple[CalendarQuarter, ...]


@dataclass(frozen=True)
class Agenda:
    """Every task of the published plans, by plan, by unit and by month."""

    assignments: tuple[Assignment, ...] = ()
    by_document: Mapping[str, tuple[Assignment, ...]] = field(default_factory=dict)
    units: Mapping[str, UnitTasks] = field(default_factory=dict)
    calendar: tuple[CalendarYear, ...] = ()

    def upcoming(self, today: dt.date, limit: int) -> list[tuple[dt.date, Assignment]]:
        """The next ``limit`` days falling due from ``today`` on."""
        days = sorted(((day, a) for a in self.assignments for day in a.due if day >= today), key=_order)
        return days[:limit]


def _order(item: tuple[dt.date, Assignment]) -> tuple[dt.date, str, int]:
    day, assignment = item
    return day, assignment.document.path, assignment.number


def build_agenda(documents: Iterable[Document]) -> Agenda:
    """Collect the tasks of the published ``documents``."""
    assignments: list[Assignment] = []
    by_document: dict[str, tuple[Assignment, ...]] = {}
    for document in sorted(documents, key=lambda d: d.path):
        years = plan_years(document)
        own = tuple(
            Assignment(
                task,
                document,
                number,
                task_uid(document.id or document.path, task),
                tuple(task.deadline.occurrences(years or range(0))) if task.deadline else (),
            )
            for number, task in enumerate(document.tasks, start=1)
        )
        if own:
            by_document[document.src_uri] = own
            assignments.extend(own)
    return Agenda(tuple(assignments), by_document, _by_unit(assignments), _calendar(assignments))


def _by_unit(assignments: list[Assignment]) -> dict[str, UnitTasks]:
    units: dict[str, tuple[list[tuple[dt.date, Assignment]], list[Assignment]]] = {}
    for assignment in assignments:
        for unit in assignment.task.units:
            dated, undated = units.setdefault(unit, ([], []))
            if assignment.due:
                dated.extend((day, assignment) for day in assignment.due)
            else:
                undated.append(assignment)
    return {
        unit: UnitTasks(unit, tuple(sorted(dated, key=_order)), tuple(undated))
        for unit, (dated, undated) in sorted(units.items())
    }


def _calendar(assignments: list[Assignment]) -> tuple[CalendarYear, ...]:
    days = sorted(((day, a) for a in assignments for day in a.due), key=_order)
    months: dict[tuple[int, int], list[tuple[dt.date, Assignment]]] = {}
    for day, assignment in days:
        months.setdefault((day.year, day.month), []).append((day, assignment))
    years: dict[int, dict[int, list[CalendarMonth]]] = {}
    for (year, month), items in months.items():
        years.setdefault(year, {}).setdefault((month - 1) // 3 + 1, []).append(
            CalendarMonth(year, month, tuple(items))
        )
    return tuple(
        CalendarYear(year, tuple(CalendarQuarter(year, q, tuple(ms)) for q, ms in sorted(quarters.items())))
        for year, quarters in sorted(years.items())
    )
