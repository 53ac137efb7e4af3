"""What a build is asked to do (`BuildOptions`), where it reports (`Log`), how it stops (`SiteError`), and the
files Loa adds to every site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from loa.core.loading.catalog import Layout
from loa.core.routing.routes import ASSETS_ROOT

__all__ = [
    "ASSETS",
    "DOCUMENT_STYLESHEETS",
    "SITE_STYLESHEETS",
    "STANDALONE_CSS",
    "STATIC",
    "BuildOptions",
    "Log",
    "SiteError",
]

STATIC = Path(__file__).resolve().parents[2] / "static"
ASSETS = ("loa-normalize.js", "loa-search.js", "loa-search.css", "loa-print.css", "loa-document.css")
"""Loa's own scripts and styles, copied into every site under ``assets/loa/``."""
SITE_STYLESHEETS = [f"{ASSETS_ROOT}/loa-search.css", f"{ASSETS_ROOT}/loa-print.css"]
"""The stylesheets every page of the theme links."""
DOCUMENT_STYLESHEETS = [f"{ASSETS_ROOT}/loa-document.css", f"{ASSETS_ROOT}/loa-print.css"]
"""The stylesheets of the revision pages."""
STANDALONE_CSS = (STATIC / "loa-document.css").read_text(encoding="utf-8") + (
    STATIC / "loa-print.css"
).read_text(encoding="utf-8")


class SiteError(Exception):
    """The build cannot go on; the message, in Vietnamese, says why."""


class Log(Protocol):
    """Where the plan reports (the host's log: its warnings count against a strict build)."""

    def error(self, msg: str) -> None: ...
    def warning(self, msg: str) -> None: ...
    def info(self, msg: str) -> None: ...


@dataclass(frozen=True)
class BuildOptions:
    """What one build is asked to do: sources, edition, time, site, and the project's options."""

    layout: Layout
    target: str
    build_time: dt.datetime
    site_dir: Path
    site_url: str
    site_name: str
    site_description: str = ""
    page_size: int = 50
    feed_items: int = 50
    latest_count: int = 10
    history: bool = True
    xref: bool = True
    xref_levels: Mapping[str, str] = field(default_factory=dict)
