"""Publication rules: which documents a build target may show at a given time. Everything else is withheld."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from loa.core.base.settings import ConfigLoader
from loa.core.model.document import TIMEZONE, Document

if TYPE_CHECKING:
    from loa.core.loading.catalog import Layout

__all__ = [
    "TARGETS",
    "configured_site_dir",
    "docs_dir_problem",
    "edition_site_problem",
    "exclusion_reason",
    "find_leaked_pages",
    "parse_build_time",
    "preview_watermark",
    "select_published",
    "source_problem",
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


def configured_site_dir(config_file: Path) -> Path:
    """The public site folder ``config_file`` names (``site_dir``, by default ``site``), as an absolute path."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=ConfigLoader)  # noqa: S506 (a SafeLoader)
    except (OSError, yaml.YAMLError):
        config = None
    value = config.get("site_dir") if isinstance(config, dict) else None
    return (config_file.resolve().parent / (value if isinstance(value, str) and value else "site")).resolve()


def edition_site_problem(target: str, site_dir: Path, public_site_dir: Path) -> str | None:
    """Why a build of ``target`` may not write into ``site_dir``, or None.

    Only the public edition may take the public site folder: a preview holds every document, drafts included, and
    the internal edition the cadres' documents, however the target was chosen (``loa build --preview``,
    ``LOA_TARGET`` left in the environment, ``target:`` in mkdocs.yml).
    """
    if target == "public" or site_dir.resolve() != public_site_dir.resolve():
        return None
    edition, command, folder = (
        ("bản xem trước có cả văn bản chưa được đăng", "loa build --preview", "site-preview")
        if target == "preview"
        else ("bản nội bộ có văn bản chỉ dành cho cán bộ", "loa build --target internal", "site-internal")
    )
    return (
        f"{edition}, không được dựng vào thư mục của trang công khai ({public_site_dir}); hãy dùng {command} "
        f"(ghi vào {folder}/) hoặc chỉ định một thư mục khác bằng --site-dir"
    )


def docs_dir_problem(docs_dir: Path, roots: Iterable[Path]) -> str | None:
    """Why MkDocs' ``docs_dir`` would let a build that bypasses Loa publish documents, or None.

    MkDocs publishes its docs_dir as it is when the plugin is off (``enabled: false``) or ignored (a renderer that
    skips unknown plugins): documents must sit outside it, and it outside them.
    """
    docs = docs_dir.resolve()
    for root in roots:
        folder = root.resolve()
        if docs.is_relative_to(folder) or folder.is_relative_to(docs):
            return (
                f"docs_dir của mkdocs.yml ({docs_dir}) không được chứa hay nằm trong thư mục tài liệu {root}: "
                "khi dựng mà không qua Loa, MkDocs sẽ đăng mọi văn bản trong đó, kể cả bản nháp và bài nội bộ; "
                "hãy đặt docs_dir: site-root (thư mục chỉ có trang thông báo index.md) và để tài liệu trong "
                "content/ (tùy chọn content_dir của plugin loa)"
            )
    return None


def source_problem(
    layout: Layout, config_file: Path, docs_dir: Path, target: str, site_dir: Path
) -> str | None:
    """Why a build of ``target`` into ``site_dir`` may not run with this configuration and layout, or None."""
    if target not in TARGETS:
        return f"LOA_TARGET phải là một trong {', '.join(TARGETS)} (nhận được '{target}')"
    problem = docs_dir_problem(docs_dir, (layout.content_dir, layout.plans_dir))
    if problem is None:
        problem = edition_site_problem(target, site_dir, configured_site_dir(config_file))
    return problem
