"""The history of a build: starts the process that reads the documents' history and writes the revision pages."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from loa.core.history.history_process import HistoryJob, HistoryProcess
from loa.core.history.revision_pages import PageOptions
from loa.core.loading.catalog import Layout
from loa.core.model.document import Document

__all__ = ["history_enabled", "report_notice", "start_history"]


def start_history(
    layout: Layout,
    documents: Sequence[Document],
    *,
    at: dt.datetime,
    target: str,
    site_dir: Path,
    options: PageOptions,
) -> HistoryProcess:
    """Start reading the history of the published ``documents`` and writing their revision pages.

    Raises:
        HistoryError: The process could not start.
    """
    return HistoryProcess(HistoryJob(layout, tuple(documents), at, target, site_dir, options), report_notice)


def report_notice(notice: str) -> None:
    """Show a notice of the history process: a cache Loa would not use or had to repair, a corrupt git object.

    Printed as a warning, outside MkDocs' log on purpose: it says nothing about the content, the build already
    worked around it (the cache was ignored or rebuilt, the document's history marked unavailable), and a strict
    build, which fails on any logged warning, must not fail for it.
    """
    print(f"CẢNH BÁO: {notice}", file=sys.stderr)


def history_enabled(enabled: bool) -> bool:
    """Whether the build shows history: on in the config and not turned off by ``LOA_HISTORY=0``."""
    return enabled and os.environ.get("LOA_HISTORY") != "0"
