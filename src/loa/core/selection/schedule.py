"""When the public output changes by itself: the instants at which the publication rule lets a document in.

The publication rule (`loa.core.selection.publication.exclusion_reason`) depends on time through one field only:
``publish_at``. A published document whose ``publish_at`` lies ahead is withheld until that instant and shown from
then on; nothing else in the rule expires or lifts with time. Dates shown on pages (deadlines, "upcoming") move by
the day, which the daily rebuild covers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from loa.core.model.document import TIMEZONE, Document
from loa.core.selection.publication import exclusion_reason

__all__ = ["next_change", "scheduled"]


def scheduled(documents: Iterable[Document], *, at: dt.datetime, target: str = "public") -> list[Document]:
    """The documents ``target`` withholds at ``at`` only because their ``publish_at`` has not come, soonest first."""
    found = []
    for document in documents:
        if document.publish_at is None or document.publish_at <= at:
            continue
        later = document.publish_at + dt.timedelta(seconds=1)
        if exclusion_reason(document, at=later, target=target) is None:
            found.append(document)
    return sorted(found, key=lambda d: (d.publish_at or at, d.path))


def next_change(
    documents: Iterable[Document], *, at: dt.datetime, target: str = "public"
) -> dt.datetime | None:
    """The first instant after ``at`` at which ``target``'s selection of ``documents`` changes (+07:00), or None."""
    due = scheduled(documents, at=at, target=target)
    if not due or due[0].publish_at is None:
        return None
    return due[0].publish_at.astimezone(TIMEZONE)
