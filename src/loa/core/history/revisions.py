"""What the public site shows of each document's history: its public revisions, their addresses, the last update.

`loa.core.history.git` reads the repository; this module decides, per published document, which revisions readers
may see (`public_revisions`), gives each a stable address under the document's own (``…/phien-ban/<commit>/``)
and keeps them in order: each is diffed against the public revision before it.

A revision is public only when the catalog's own strict loader (`loa.core.loading.catalog.load_document`, every
diagnostic counted: `StrictLoader`) accepts its text and the one publication rule
(`loa.core.selection.publication.exclusion_reason`) lets the target show the document it makes, and only for the time it
was live: from its commit (or its ``publish_at``, if later) until the next commit of the file. A revision with a
misspelt, duplicated or unknown key, a YAML error, any other error, or a draft, scheduled or internal state is not
in the list: neither shown, nor diffed against, nor named. A document with a revision git cannot read has no
history at all (never a silently shorter one).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import yaml

from loa.core.base.diagnostics import Diagnostics
from loa.core.history.git import Revision
from loa.core.history.revision_pages import RevisionPage
from loa.core.loading.catalog import Layout, load_document
from loa.core.loading.content_cache import CacheStore
from loa.core.model.document import TIMEZONE, Document, doc_type_by_name
from loa.core.model.registry import Issuer, load_issuers
from loa.core.routing.routes import revision_url
from loa.core.selection.publication import exclusion_reason

__all__ = [
    "DocumentHistory",
    "HistorySubject",
    "PublicRevision",
    "RevisionEntry",
    "StrictLoader",
    "document_histories",
    "public_revisions",
    "revision_pages",
    "without_texts",
]


class HistorySubject(Protocol):
    """What the history needs of a published document (a `loa.core.model.document.Document` is one)."""

    @property
    def path(self) -> str: ...
    @property
    def src_uri(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def full_title(self) -> str: ...


@dataclass
class StrictLoader:
    """The catalog's strict loader applied to past revisions: a revision's `Document`, or None if refused.

    Loading a plan's text (its tasks, its budget) costs milliseconds, and a site has thousands of revisions that
    never change: what the loader decided of each text is kept across builds (`prime`, `keep`) under a
    fingerprint of the registry, the content roots and the code of the core. A kept decision gives back the
    fields the publication rule reads (kind, status, access, publish_at).

    Attributes:
        issuers: The registry of issuing bodies (today's: a revision naming a body it no longer has is refused).
        roots: ``(folder, site prefix, default kind)`` of each content root: ``("content", "", "page")``,
            ``("plans", "plans/", "plan")``.
        fingerprint: What the decisions depend on besides the text; empty: nothing is kept.
    """

    issuers: Mapping[str, Issuer]
    roots: tuple[tuple[str, str, str], ...] = (("content", "", "page"), ("plans", "plans/", "plan"))
    fingerprint: str = ""
    _known: dict[str, Any] = field(default_factory=dict, repr=False)
    _used: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def for_layout(cls, layout: Layout) -> StrictLoader:
        """The loader of a project: its registry and its content roots."""
        registry = layout.data_dir / "issuers.yml"
        issuers = load_issuers(registry, layout.relative(registry), Diagnostics())
        roots = (
            (layout.relative(layout.content_dir), "", "page"),
            (layout.relative(layout.plans_dir), "plans/", "plan"),
        )
        digest = hashlib.sha256(yaml.__version__.encode() + repr(roots).encode())
        for module in sorted(Path(__file__).resolve().parents[1].rglob("*.py")):
            digest.update(module.read_bytes())
        with contextlib.suppress(OSError):
            digest.update(registry.read_bytes())
        return cls(issuers, roots, digest.hexdigest())

    def prime(self, store: CacheStore | None) -> None:
        """Take the decisions kept by the last build."""
        payload = store.read("verdicts", self.fingerprint) if store is not None and self.fingerprint else None
        if payload is not None and store is not None:
            try:
                self._known = dict(json.loads(zlib.decompress(payload)))
            except (zlib.error, ValueError, TypeError):
                store.rejected += 1  # signed here, yet unreadable: decided again

    def keep(self, store: CacheStore | None) -> None:
        """Keep the decisions this build used."""
        if store is not None and self.fingerprint and self._used.keys() != self._known.keys():
            data = json.dumps(self._used, ensure_ascii=False).encode("utf-8")
            store.write("verdicts", self.fingerprint, zlib.compress(data, 1))

    def __call__(self, revision: Revision) -> Document | None:
        if revision.broken or not revision.readable:
            return None
        key = f"{hashlib.sha256(revision.text.encode('utf-8')).hexdigest()} {revision.path}"
        if key in self._known:
            kept = self._used[key] = self._known[key]
            try:
                return None if kept is None else _summary(revision, *kept)
            except (TypeError, ValueError):
                pass
        document = self._load(revision)
        self._used[key] = (
            None
            if document is None
            else [
                document.kind,
                document.status,
                document.access,
                document.publish_at.isoformat() if document.publish_at else None,
            ]
        )
        return document

    def _load(self, revision: Revision) -> Document | None:
        if revision.parsed.errors:
            return None
        for folder, prefix, kind in self.roots:
            if revision.path.startswith(folder + "/"):
                rel = revision.path[len(folder) + 1 :]
                kind = "index" if rel == "index.md" and not prefix else kind
                diagnostics = Diagnostics()
                document = load_document(
                    revision.text,
                    path=revision.path,
                    src_uri=prefix + rel,
                    default_kind=kind,
                    issuers=self.issuers,
                    diagnostics=diagnostics,
                    front=revision.parsed.front,
                )
                return document if document is not None and not diagnostics.errors else None
        return None


def _summary(revision: Revision, kind: str, status: str, access: str, publish_at: str | None) -> Document:
    """The fields of a kept decision that the publication rule reads, as a document."""
    when = dt.datetime.fromisoformat(publish_at).astimezone(TIMEZONE) if publish_at else None
    return Document(
        revision.path,
        revision.path,
        str(kind),
        "",
        "",
        status=str(status),
        access=str(access),
        publish_at=when,
    )


@dataclass(frozen=True)
class PublicRevision:
    """A revision readers saw, and ``since`` when: its commit, or its ``publish_at`` if later (+07:00)."""

    revision: Revision
    since: dt.datetime


def public_revisions(
    revisions: Sequence[Revision], *, at: dt.datetime, load: StrictLoader, target: str = "public"
) -> list[PublicRevision]:
    """The revisions readers of ``target`` could have seen by ``at``, oldest first.

    A revision counts when ``load`` accepts it, the publication rule lets ``target`` show the document it makes
    at ``at``, and the time it was live, from its commit (or its ``publish_at``, if later) to the next commit,
    began by ``at`` and is not empty. A preview build shows the public history.
    """
    rule = "public" if target == "preview" else target
    shown = []
    for index, revision in enumerate(revisions):
        document = load(revision)
        if document is None or exclusion_reason(document, at=at, target=rule) is not None:
            continue
        start = max(revision.date, document.publish_at or revision.date)
        end = revisions[index + 1].date if index + 1 < len(revisions) else None
        if start <= at and (end is None or start < end):
            shown.append(PublicRevision(revision, start))
    return shown


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
    history: Mapping[str, list[Revision]] | None,
    documents: Iterable[HistorySubject],
    *,
    at: dt.datetime,
    target: str,
    load: StrictLoader,
    notices: list[str] | None = None,
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
                notices.append(
                    f"{document.path}: kho git có bản lưu của văn bản này không đọc được (đối tượng git "
                    "bị hỏng hoặc bị thiếu); trang văn bản ghi lịch sử thay đổi không có. Hãy kiểm tra kho "
                    "bằng 'git fsck' và lấy lại đối tượng hỏng từ một bản sao khác của kho."
                )
            result[document.src_uri] = DocumentHistory(available=False)
            continue
        shown = public_revisions(revisions, at=at, target=target, load=load)
        entries = tuple(
            RevisionEntry(
                item.revision,
                revision_url(document.url, item.revision.short),
                item.since,
                index == len(shown) - 1,
            )
            for index, item in enumerate(shown)
        )
        result[document.src_uri] = DocumentHistory(available=True, entries=entries)
    return result


def without_texts(histories: Mapping[str, DocumentHistory]) -> dict[str, DocumentHistory]:
    """The same histories without the revisions' texts, once their pages no longer need them."""
    return {
        key: replace(
            history, entries=tuple(replace(e, revision=replace(e.revision, text="")) for e in history.entries)
        )
        for key, history in histories.items()
    }


def _title(front: Mapping[str, object], fallback: str) -> str:
    title = str(front.get("title") or "")
    doc_type = doc_type_by_name(str(front["type"])) if front.get("type") else None
    return f"{doc_type.name} {title}" if doc_type and title else title or fallback


def revision_pages(
    histories: Mapping[str, DocumentHistory], documents: Mapping[str, HistorySubject]
) -> list[RevisionPage]:
    """A page for every public revision, each knowing the public revision before it."""
    pages = []
    for src_uri, history in sorted(histories.items()):
        document = documents[src_uri]
        for index, entry in enumerate(history.entries):
            before = history.entries[index - 1] if index else None
            previous = (
                (before.since, before.url, before.revision.body, before.revision.front) if before else None
            )
            pages.append(
                RevisionPage(
                    url=entry.url,
                    document_url=document.url,
                    src_uri=src_uri,
                    title=_title(entry.revision.front, document.full_title),
                    since=entry.since,
                    author=entry.revision.author,
                    message=entry.revision.message,
                    body=entry.revision.body,
                    front=entry.revision.front,
                    newest=entry.newest,
                    previous=previous,
                )
            )
    return pages
