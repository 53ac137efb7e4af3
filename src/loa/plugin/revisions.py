"""Adapts the build to the history in `loa.core`: reads it once, and starts the writing of the revision pages."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from loa.core.document import Document, doc_type_by_name
from loa.core.history import read_history
from loa.core.revision_pages import PageOptions, RevisionPage, RevisionWriter
from loa.core.revisions import DocumentHistory, document_histories, without_texts

__all__ = ["histories", "start_revision_pages", "without_texts"]


def histories(root: Path, documents: Iterable[Document], *, enabled: bool, at: dt.datetime,
              target: str) -> dict[str, DocumentHistory]:
    """The public history of each published document (empty when turned off in the config or by ``LOA_HISTORY=0``)."""
    if not enabled or os.environ.get("LOA_HISTORY") == "0":
        return {}
    return document_histories(read_history(root), documents, at=at, target=target)


def _title(front: dict[str, object], fallback: str) -> str:
    title = str(front.get("title") or "")
    doc_type = doc_type_by_name(str(front["type"])) if front.get("type") else None
    return f"{doc_type.name} {title}" if doc_type and title else title or fallback


def start_revision_pages(config: MkDocsConfig, files: Files, documents: dict[str, Document],
                         histories: dict[str, DocumentHistory], stylesheets: list[str],
                         cache: Path | None) -> RevisionWriter | None:
    """Start writing a page for every public revision, in a second process; None when there is none to write."""
    pages = []
    for src_uri, history in sorted(histories.items()):
        document = documents[src_uri]
        for index, entry in enumerate(history.entries):
            before = history.entries[index - 1] if index else None
            previous = (before.since, before.url, before.revision.body, before.revision.front) if before else None
            pages.append(RevisionPage(
                url=entry.url, document_url=document.url, src_uri=src_uri,
                title=_title(entry.revision.front, document.full_title), since=entry.since,
                author=entry.revision.author, message=entry.revision.message, body=entry.revision.body,
                front=entry.revision.front, newest=entry.newest, previous=previous))
    if not pages:
        return None
    extensions = [e for e in config.markdown_extensions if isinstance(e, str)]
    options = PageOptions(extensions, dict(config.mdx_configs), config.site_name,
                          config.site_url or "http://localhost/", stylesheets, cache,
                          {f.src_uri: f.url for f in files})
    return RevisionWriter(Path(config.site_dir), pages, options)
