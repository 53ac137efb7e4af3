"""iCalendar feeds of task deadlines (RFC 5545): one for every task, one per unit.

Each task with a deadline is one all-day event: on its day, on the last day of its month, quarter or year, over
the days of an interval, or repeating (RRULE) at the end of each period of a recurrence within the plan's years.
The UID is the task's own (`loa.core.model.tasks.task_uid`) and DTSTAMP is the build time, so the same sources give
the same bytes and a calendar application updates an event rather than adding it twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vRecur

from loa.core.base.writer import SiteWriter
from loa.core.model.registry import Issuer
from loa.core.outputs.agenda import Agenda, Assignment
from loa.core.routing.routes import all_calendar, unit_calendar
from loa.core.safety.trust import no_markup

__all__ = ["CalendarSpec", "calendar_specs", "task_calendar", "write_calendars"]

_SUMMARY_LENGTH = 120


@dataclass(frozen=True)
class CalendarSpec:
    """One iCalendar file: its site-relative path, its name and the unit it covers (None: every unit)."""

    path: str
    name: str
    unit: str | None


def calendar_specs(agenda: Agenda, issuers: Mapping[str, Issuer]) -> list[CalendarSpec]:
    """The calendar of all tasks, then one per unit that has a task with a deadline."""
    specs = [CalendarSpec(all_calendar(), "Thời hạn nhiệm vụ: tất cả đơn vị", None)]
    for unit, tasks in agenda.units.items():
        if tasks.dated:
            name = issuers[unit].name if unit in issuers else unit
            specs.append(CalendarSpec(unit_calendar(unit), f"Thời hạn nhiệm vụ: {name}", unit))
    return specs


def _summary(quote: str) -> str:
    if len(quote) <= _SUMMARY_LENGTH:
        return quote
    cut = quote[:_SUMMARY_LENGTH].rsplit(" ", 1)[0]
    return f"{cut.rstrip(',;:')} …"


def _names(ids: Iterable[str], issuers: Mapping[str, Issuer]) -> str:
    return ", ".join(issuers[i].name if i in issuers else i for i in ids)


def _event(
    assignment: Assignment, *, site_url: str, host: str, stamp: dt.datetime, issuers: Mapping[str, Issuer]
) -> Event | None:
    task, deadline = assignment.task, assignment.task.deadline
    if deadline is None or not assignment.due:
        return None
    event = Event()
    event.add("uid", f"{assignment.uid}@{host}")
    event.add("dtstamp", stamp)
    # Some calendars (Google, Outlook) show descriptions as HTML: no element may start in them.
    event.add("summary", no_markup(_summary(task.quote)))
    if deadline.kind == "recurrence":
        start, end = assignment.due[0], assignment.due[-1]
        rule = (
            {"freq": "yearly"}
            if deadline.every == 12
            else {"freq": "monthly", "interval": deadline.every, "bymonthday": -1}
        )
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=1))
        event.add("rrule", vRecur({**rule, "until": end}))
    else:
        assert deadline.due is not None
        assert deadline.start is not None
        first = deadline.start if deadline.kind == "interval" else deadline.due
        event.add("dtstart", first)
        event.add("dtend", deadline.due + dt.timedelta(days=1))
    lines = [task.quote, "", f"Thời hạn: {deadline.label()}"]
    if task.lead:
        lines.append(f"Chủ trì: {_names(task.lead, issuers)}")
    if task.cooperate:
        lines.append(f"Phối hợp: {_names(task.cooperate, issuers)}")
    if task.targets:
        lines.append("Chỉ tiêu: " + "; ".join(t.label() for t in task.targets))
    lines.append(f"Văn bản: {assignment.document.full_title}")
    event.add("description", no_markup("\n".join(lines)))
    event.add("url", site_url + assignment.anchor)
    event.add("transp", "TRANSPARENT")
    return event


def task_calendar(
    assignments: Iterable[Assignment],
    *,
    name: str,
    site_url: str,
    built: dt.datetime,
    issuers: Mapping[str, Issuer],
) -> bytes:
    """The iCalendar file of ``assignments``."""
    calendar = Calendar()
    calendar.add("prodid", "-//Loa//Văn bản và nhiệm vụ//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", no_markup(name))
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    host = urlsplit(site_url).hostname or "localhost"
    stamp = built.astimezone(dt.UTC)
    for assignment in sorted(assignments, key=lambda a: a.uid):
        event = _event(assignment, site_url=site_url, host=host, stamp=stamp, issuers=issuers)
        if event is not None:
            calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_calendars(
    site: Path,
    agenda: Agenda,
    specs: Iterable[CalendarSpec],
    *,
    site_url: str,
    built: dt.datetime,
    issuers: Mapping[str, Issuer],
) -> None:
    """Write every calendar of ``specs`` into the built ``site``."""
    writer = SiteWriter(site)
    for spec in specs:
        chosen = agenda.assignments if spec.unit is None else agenda.units[spec.unit].with_deadline
        writer.write_bytes(
            spec.path, task_calendar(chosen, name=spec.name, site_url=site_url, built=built, issuers=issuers)
        )
