"""Adapts the build to the history in `loa.core`: starts the process that reads it and writes the revision pages."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from loa.core.document import Document
from loa.core.history_process import HistoryJob, HistoryProcess
from loa.core.revision_pages import PageOptions

__all__ = ["history_enabled", "start_history"]


def start_history(config: MkDocsConfig, files: Files, root: Path, documents: Sequence[Document], *,
                  at: dt.datetime, target: str, stylesheets: list[str], cache: Path | None) -> HistoryProcess:
    """Start reading the history of the published ``documents`` and writing their revision pages."""
    extensions = [e for e in config.markdown_extensions if isinstance(e, str)]
    banner = config.theme.get_env().get_template("fragments/loa/internal.html").render() if target == "internal" \
        else ""
    options = PageOptions(extensions, dict(config.mdx_configs), config.site_name,
                          config.site_url or "http://localhost/", stylesheets, cache,
                          {f.src_uri: f.url for f in files}, banner)
    return HistoryProcess(HistoryJob(root, tuple(documents), at, target, Path(config.site_dir), options))


def history_enabled(enabled: bool) -> bool:
    """Whether the build shows history: on in the config and not turned off by ``LOA_HISTORY=0``."""
    return enabled and os.environ.get("LOA_HISTORY") != "0"
