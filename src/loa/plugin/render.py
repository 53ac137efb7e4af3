"""Rendering of Loa's HTML fragments through the theme's Jinja environment.

Fragments live in ``loa/templates/fragments/loa/`` and can be overridden by the project's ``theme/fragments/loa/``.
They render in an overlay of the theme's environment with autoescaping on, because MkDocs' own has it off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from jinja2 import Environment
from mkdocs.utils import get_relative_url

from loa.core.document import Document
from loa.core.listing import Listing, ListingGroup
from loa.core.registry import Issuer

__all__ = ["Renderer"]


class Renderer:
    """Renders the plan page, listing pages and the home page's latest documents."""

    def __init__(self, env: Environment, issuers: Mapping[str, Issuer]) -> None:
        self.env = env.overlay(autoescape=True)
        self.issuers = issuers

    def _render(self, name: str, page_url: str, **context: Any) -> str:
        template = self.env.get_template(f"fragments/loa/{name}")
        return template.render(
            link=lambda url: get_relative_url(url or ".", page_url or "."),
            issuers=self.issuers,
            format_datetime=_format_datetime,
            format_day=_format_day,
            **context,
        )

    def plan(self, document: Document, body_html: str, page_url: str) -> str:
        """Return the HTML of an official document page: title, metadata card, then the text as issued."""
        return self._render("plan.html", page_url, doc=document, body=body_html,
                            issuer=self.issuers.get(document.issuer or ""))

    def listing(self, listing: Listing, page_url: str, groups: tuple[ListingGroup, ...] = ()) -> str:
        """Return the HTML of a generated listing page."""
        return self._render("listing.html", page_url, listing=listing, groups=groups)

    def latest(self, documents: tuple[Document, ...], page_url: str, overview_url: str | None) -> str:
        """Return the home page's list of the newest documents."""
        return self._render("latest.html", page_url, documents=documents, overview_url=overview_url)


def _format_datetime(moment: dt.datetime) -> str:
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


def _format_day(day: dt.date) -> str:
    return f"ngày {day:%d/%m/%Y}"
