"""Publication rules: which documents a build target may show at a given time. Everything else is withheld."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from loa.core.document import TIMEZONE, Document

__all__ = [
    "TARGETS",
    "exclusion_reason",
    "find_leaked_pages",
    "parse_build_time",
    "preview_watermark",
    "select_published",
]

TARGETS = ("public", "internal", "preview")
"""``public``: the open website. ``internal``: the cadres' build, which adds ``access: internal`` documents.
``preview``: the editors' build, with every document, non-public ones watermarked; never deployed."""


def exclusion_reason(document: Document, *, at: dt.datetime, target: str) -> str | None:
    """Return why ``document`` must not appear in ``target`` at time ``at``, or None if it may.

    The rule is an allowlist: a document is shown only when it is published, its publication time has passed and
    its access level is allowed for the target.
    """
    if target not in TARGETS:
        raise ValueError(f"unknown build target {target!r}")
    if target == "preview":
        return None
    if document.status != "published":
        return f"trạng thái '{document.status}', chưa được duyệt đăng"
    if document.publish_at is not None and document.publish_at > at:
        return f"hẹn đăng lúc {document.publish_at.isoformat()}"
    if document.access != "public" and target != "internal":
        return f"phạm vi '{document.access}', chỉ có trong bản nội bộ"
    return None


def select_published(documents: Iterable[Document], *, at: dt.datetime, target: str) -> tuple[Document, ...]:
    """Return the documents ``target`` may show at ``at``, in their given order."""
    return tuple(d for d in documents if exclusion_reason(d, at=at, target=target) is None)


def parse_build_time(value: str | None, *, now: dt.datetime | None = None) -> dt.datetime:
    """Parse a build time given by an editor (ISO 8601; naive means +07:00); None means now.

    Raises:
        ValueError: The text is not an ISO 8601 date or datetime.
    """
    if value is None or not value.strip():
        moment = now or dt.datetime.now(TIMEZONE)
    else:
        moment = dt.datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIMEZONE)
    return moment.astimezone(TIMEZONE)


def find_leaked_pages(site_dir: Path, withheld: Iterable[Document]) -> tuple[Document, ...]:
    """Return the withheld documents that nevertheless have a page under ``site_dir`` (a last line of defence)."""
    return tuple(d for d in withheld if (site_dir / d.url / "index.html").exists())


def preview_watermark(document: Document, *, at: dt.datetime) -> str | None:
    """In a preview build, why a document is not on the public site (shown over its page), or None."""
    return exclusion_reason(document, at=at, target="public")
