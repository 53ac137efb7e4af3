"""What the public site shows of each document's history: its public revisions, their addresses, the last update.

`loa.core.history` reads the repository; this module decides, per published document, which revisions readers
may see (`public_revisions`), gives each a stable address under the document's own (``…/phien-ban/<commit>/``)
and keeps them in order: each is diffed against the public revision before it. A revision written while the
document was a draft, scheduled or internal is not in the list, so it is neither shown nor diffed against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from loa.core.document import doc_type_by_name
from loa.core.history import Revision, StrictLoader, public_revisions
from loa.core.revision_pages import RevisionPage

__all__ = ["REVISIONS_DIR", "DocumentHistory", "HistorySubject", "RevisionEntry", "document_histories",
           "revision_pages", "without_texts"]

REVISIONS_DIR = "phien-ban"


class HistorySubject(Protocol):
    """What the history needs of a published document (a `loa.core.document.Document` is one)."""

    @property
    def path(self) -> str: ...
    @property
    def src_uri(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def full_title(self) -> str: ...


@dataclass(frozen=True)
class RevisionEntry:
    """One public revision of a document.

    Attributes:
        revision: The commit's state of the file.
        url: Its page, site-relative (``plans/2021/x/phien-ban/0123456789/``).
        since: When readers first saw it: the commit, or its ``publish_at`` if later (+07:00).
        newest: Whether it is the newest public revision (the text the document's page shows, when committed).
    """

    revision: Revision
    url: str
    since: dt.datetime
    newest: bool


@dataclass(frozen=True)
class DocumentHistory:
    """The public history of one document; ``available`` is False when the build has no git history."""

    available: bool
    entries: tuple[RevisionEntry, ...] = ()

    @property
    def last_updated(self) -> dt.datetime | None:
        """When the newest public revision reached readers."""
        return self.entries[-1].since if self.entries else None


def document_histories(
    history: Mapping[str, list[Revision]] | None, documents: Iterable[HistorySubject], *, at: dt.datetime,
    target: str, load: StrictLoader, notices: list[str] | None = None,
) -> dict[str, DocumentHistory]:
    """Each document's public history, by ``src_uri``.

    Arguments:
        history: `read_history` of the project, keyed by project-relative path; None when unavailable.
        documents: The published documents.
        at: The build time: a revision scheduled later is not shown yet.
        target: ``public``, ``internal`` or ``preview``.
        load: The strict loader that decides whether a revision's text is a valid document at all.
        notices: Where to say which documents have a revision git cannot read (their history is unavailable).
    """
    result: dict[str, DocumentHistory] = {}
    for document in documents:
        revisions = history.get(document.path, []) if history is not None else []
        if history is None or any(r.broken for r in revisions):
            if history is not None and notices is not None:
                notices.append(f"{document.path}: kho git có bản lưu của văn bản này không đọc được (đối tượng git "
                               "bị hỏng hoặc bị thiếu); trang văn bản ghi lịch sử thay đổi không có. Hãy kiểm tra kho "
                               "bằng 'git fsck' và lấy lại đối tượng hỏng từ một bản sao khác của kho.")
            result[document.src_uri] = DocumentHistory(available=False)
            continue
        shown = public_revisions(revisions, at=at, target=target, load=load)
        entries = tuple(
            RevisionEntry(item.revision, f"{document.url}{REVISIONS_DIR}/{item.revision.short}/", item.since,
                          index == len(shown) - 1)
            for index, item in enumerate(shown))
        result[document.src_uri] = DocumentHistory(available=True, entries=entries)
    return result


def without_texts(histories: Mapping[str, DocumentHistory]) -> dict[str, DocumentHistory]:
    """The same histories without the revisions' texts, once their pages no longer need them."""
    return {key: replace(history, entries=tuple(replace(e, revision=replace(e.revision, text=""))
                                                for e in history.entries))
            for key, history in histories.items()}


def _title(front: Mapping[str, object], fallback: str) -> str:
    title = str(front.get("title") or "")
    doc_type = doc_type_by_name(str(front["type"])) if front.get("type") else None
    return f"{doc_type.name} {title}" if doc_type and title else title or fallback


def revision_pages(histories: Mapping[str, DocumentHistory],
                   documents: Mapping[str, HistorySubject]) -> list[RevisionPage]:
    """A page for every public revision, each knowing the public revision before it."""
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
    return pages
