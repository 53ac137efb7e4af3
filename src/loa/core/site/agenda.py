"""The pages and files made from the agenda: the unit pages, the calendar pages and the iCalendar files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from loa.core.base.dates import format_year
from loa.core.model.document import Document
from loa.core.model.registry import Issuer
from loa.core.outputs.agenda import build_agenda
from loa.core.outputs.ical import calendar_specs, write_calendars
from loa.core.routing.routes import CALENDAR_PAGE, UNITS_PAGE, calendar_year_page, unit_page
from loa.core.site.render import Renderer

__all__ = ["AgendaPages"]


class AgendaPages:
    """The pages and calendars made from the tasks of the published plans (none when no plan has a task)."""

    def __init__(self, documents: Iterable[Document], issuers: Mapping[str, Issuer]) -> None:
        self.agenda = build_agenda(documents)
        self.issuers = issuers
        self.specs = calendar_specs(self.agenda, issuers) if self.agenda.assignments else []
        self.pages: dict[str, str | None] = {}
        """Generated page → the unit it shows (None for the list of units and the calendar's first page)."""
        self.years = {calendar_year_page(year.year): year for year in self.agenda.calendar}
        """A calendar page per year, so that no page grows with the archive."""
        if self.agenda.assignments:
            self.pages = {UNITS_PAGE: None, CALENDAR_PAGE: None}
            self.pages |= {unit_page(unit): unit for unit in self.agenda.units}
            self.pages |= dict.fromkeys(self.years)

    def title(self, src_uri: str) -> str | None:
        """The title of a generated page, or None when it is not one of them."""
        if src_uri not in self.pages:
            return None
        unit = self.pages[src_uri]
        if unit is not None:
            return f"Nhiệm vụ của {self.issuers[unit].name if unit in self.issuers else unit}"
        if src_uri in self.years:
            return f"Lịch thực hiện nhiệm vụ {format_year(self.years[src_uri].year)}"
        return "Nhiệm vụ theo đơn vị" if src_uri == UNITS_PAGE else "Lịch thực hiện nhiệm vụ"

    def render(self, src_uri: str, renderer: Renderer, page_url: str) -> str | None:
        """The HTML of a generated page, or None when it is not one of them."""
        if src_uri not in self.pages:
            return None
        unit = self.pages[src_uri]
        if unit is not None:
            return renderer.unit(self.agenda.units[unit], page_url)
        if src_uri == UNITS_PAGE:
            return renderer.units(list(self.agenda.units.values()), page_url)
        if src_uri in self.years:
            return renderer.calendar(self.years[src_uri], self.agenda.calendar, page_url)
        return renderer.calendar(None, self.agenda.calendar, page_url)

    def write(self, site: Path, *, site_url: str, built: dt.datetime) -> None:
        """Write the iCalendar files."""
        write_calendars(site, self.agenda, self.specs, site_url=site_url, built=built, issuers=self.issuers)
