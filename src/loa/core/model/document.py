"""The document model: frozen data types for official documents, articles and site pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from loa.core.base.dates import (
    administrative_date,
    format_day_parts,
    format_month,
    format_year,
    vietnamese_date,
    vietnamese_datetime,
)
from loa.core.model.budget import Budget
from loa.core.model.tasks import Task

__all__ = [
    "ACCESS_LEVELS",
    "CATEGORIES",
    "CATEGORY_NAMES",
    "DOC_TYPES",
    "KINDS",
    "RELATIONS",
    "STATUSES",
    "TIMEZONE",
    "Cover",
    "DocType",
    "Document",
    "PartialDate",
    "Signer",
    "doc_type_by_name",
    "url_of",
    "vietnamese_date",
    "vietnamese_datetime",
]

TIMEZONE = dt.timezone(dt.timedelta(hours=7), "+07:00")
"""Asia/Ho_Chi_Minh has had no daylight saving since 1975: a fixed +07:00 offset is exact."""

KINDS = ("plan", "article", "topic", "index", "page")
CATEGORIES = ("tin", "bai", "khau-hieu", "hoi-dap", "guong-dien-hinh")
CATEGORY_NAMES = {
    "tin": "Tin",
    "bai": "Bài viết",
    "khau-hieu": "Khẩu hiệu",
    "hoi-dap": "Hỏi - đáp",
    "guong-dien-hinh": "Gương người tốt, việc tốt",
}
STATUSES = ("draft", "review", "published")
RELATIONS = {"replaces": "thay thế", "amends": "sửa đổi, bổ sung"}
"""Front-matter fields naming documents this one changes, with the Vietnamese verb of each."""
ACCESS_LEVELS = ("public", "internal")


@dataclass(frozen=True)
class DocType:
    """A type of official document (thể loại văn bản) and its symbol abbreviation.

    Attributes:
        name: Vietnamese name as written in front matter, e.g. ``Kế hoạch``.
        abbreviation: Abbreviation used in the document number, e.g. ``KH`` in ``85-KH/TU``.
        slug: ASCII identifier used in URLs.
    """

    name: str
    abbreviation: str
    slug: str


# Party documents use these abbreviations (Hướng dẫn 36-HD/VPTW); State documents use the same letters.
DOC_TYPES: tuple[DocType, ...] = (
    DocType("Kế hoạch", "KH", "ke-hoach"),
    DocType("Đề án", "ĐA", "de-an"),
    DocType("Hướng dẫn", "HD", "huong-dan"),
    DocType("Chương trình", "CTr", "chuong-trinh"),
    DocType("Nghị quyết", "NQ", "nghi-quyet"),
    DocType("Chỉ thị", "CT", "chi-thi"),
    DocType("Kết luận", "KL", "ket-luan"),
    DocType("Quy định", "QĐi", "quy-dinh"),
    DocType("Quyết định", "QĐ", "quyet-dinh"),
    DocType("Thông báo", "TB", "thong-bao"),
    DocType("Báo cáo", "BC", "bao-cao"),
    DocType("Công văn", "CV", "cong-van"),
    DocType("Quy chế", "QC", "quy-che"),
)
_BY_NAME = {t.name.casefold(): t for t in DOC_TYPES}


def url_of(src_uri: str) -> str:
    """The directory-style URL of a source path: ``plans/2021/x.md`` → ``plans/2021/x/``, ``a/index.md`` → ``a/``."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def doc_type_by_name(name: str) -> DocType | None:
    """Return the document type called ``name`` (case-insensitive), or None."""
    return _BY_NAME.get(name.casefold())


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day, or day and month, may be blank in the source ("ngày   tháng 01 năm 2022").

    Attributes:
        year: Four-digit year.
        month: 1–12, or None.
        day: 1–31, or None (always None when month is None).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """Return ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def administrative(self) -> str:
        """The date as the document's header writes it: ``ngày 15 tháng 12 năm 2021`` (blank parts left blank)."""
        return administrative_date(self.year, self.month, self.day)

    def vietnamese(self) -> str:
        """Return the date as Vietnamese readers expect: ``ngày 15/12/2021``, ``tháng 01/2022``, ``năm 2022``."""
        if self.month is None:
            return format_year(self.year)
        if self.day is None:
            return format_month(self.year, self.month)
        return format_day_parts(self.year, self.month, self.day)

    @property
    def is_complete(self) -> bool:
        """Whether day, month and year are all known."""
        return self.day is not None


@dataclass(frozen=True)
class Signer:
    """The signature block: authority line, role and name, each as written."""

    authority: str | None = None
    role: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Cover:
    """An article's cover image: a path under content/ and its alternative text."""

    src: str
    alt: str


@dataclass(frozen=True)
class Document:
    """One Markdown file with validated front matter.

    Attributes:
        path: Project-relative path, e.g. ``plans/2021/ke-hoach-x.md``.
        src_uri: Path as the renderer sees it, e.g. ``plans/2021/ke-hoach-x.md`` or ``index.md``.
        kind: ``plan``, ``index`` or ``page``.
        title: The title; for plans the trích yếu, without the type word.
        body: Markdown body, NFC.
        body_line: Line of the file where the body starts.
        status: ``draft``, ``review`` or ``published``.
        access: ``public`` or ``internal``.
        publish_at: When the document becomes visible (aware, +07:00), or None for "as soon as published".
        doc_type: Type of an official document.
        number: Số và ký hiệu as written, e.g. ``85-KH/TU``; None when the source has none.
        number_as_written: The number line as the source shows it when the number is blank.
        issuer: Issuer id in the registry.
        place: Place of issue.
        date: Date of issue, possibly partial.
        date_as_written: The place-and-date line as the source shows it.
        signer: Signature block.
        recipients: Nơi nhận, one entry per line.
        topics: Topic labels.
        source: Name of the file the text was imported from.
        description: Short description for listings and meta tags.
        id: Permanent identifier (``urn:uuid:…``), the feeds' guid.
        category: Article category (``tin``, ``bai``, ``khau-hieu``, ``hoi-dap``, ``guong-dien-hinh``).
        short_title: Title for social posts.
        summary: Summary for feeds and sharing.
        author: Issuer id of the unit that wrote an article.
        channels: Channel ids an article is published on.
        cover: Cover image.
        related_plans: Paths of related official documents.
        approved_by: Who approved publication.
        updated: Last modification.
        sample: Whether it is a sample, marked as such on the page.
        amends: Paths of the documents this one amends or supplements (sửa đổi, bổ sung).
        replaces: Paths of the documents this one replaces (thay thế).
        aliases: Earlier URLs of the document (site-relative, ``plans/2021/ten-cu/``) that redirect to it.
        period: The years a plan covers, when its front matter says.
        tasks: The tasks a plan assigns (`loa.core.model.tasks.Task`).
        budget: A plan's budget (`loa.core.model.budget.Budget`), if given.
        field_lines: Line of each front-matter field in the file, for diagnostics.
        source_path: The file on disk, to read the body again when it is needed.
    """

    path: str
    src_uri: str
    kind: str
    title: str
    body: str
    body_line: int = 1
    status: str = "published"
    access: str = "public"
    publish_at: dt.datetime | None = None
    doc_type: DocType | None = None
    number: str | None = None
    number_as_written: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    date_as_written: str | None = None
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    source: str | None = None
    description: str | None = None
    id: str | None = None
    category: str | None = None
    short_title: str | None = None
    summary: str | None = None
    author: str | None = None
    channels: tuple[str, ...] = ()
    cover: Cover | None = None
    related_plans: tuple[str, ...] = ()
    approved_by: str | None = None
    updated: dt.datetime | None = None
    sample: bool = False
    amends: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    period: range | None = None
    tasks: tuple[Task, ...] = ()
    budget: Budget | None = None
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    source_path: str | None = None

    def without_body(self) -> Document:
        """A copy that does not hold the body in memory (read it again from ``source_path``)."""
        return replace(self, body="")

    @property
    def url(self) -> str:
        """The page URL relative to the site root, directory style (``plans/2021/x/``)."""
        return url_of(self.src_uri)

    @property
    def full_title(self) -> str:
        """Type word and title as a reader says it: ``Kế hoạch tuyên truyền …``."""
        return f"{self.doc_type.name} {self.title}" if self.doc_type else self.title

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Newest first when sorted in reverse: date of issue, then publication time, then path."""
        date = self.date.iso() if self.date else ""
        published = self.publish_at.isoformat() if self.publish_at else ""
        return (date or published[:10], published, self.path)
