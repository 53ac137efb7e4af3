"""The catalog: every document of the project, loaded strictly, with all problems collected in one pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from loa.core.base.diagnostics import Diagnostic, Diagnostics, suggest
from loa.core.loading.attachments import check_attachment
from loa.core.loading.external import ExternalDocument, load_external
from loa.core.loading.filenames import reserved_reason
from loa.core.loading.layout import Layout
from loa.core.loading.linkcheck import LinkTargets, check_links
from loa.core.loading.numbers import check_duplicate_numbers, numbered
from loa.core.loading.sources import (
    decode_document,
    is_backup_file,
    read_text,
    root_outside_project,
    source_files,
)
from loa.core.loading.validation import validate_document
from loa.core.model.document import RELATIONS, Document, url_of
from loa.core.model.registry import Channel, Issuer, load_channels, load_editors, load_issuers
from loa.core.routing.routes import generated_pages
from loa.core.safety.frontmatter import FrontMatter, parse_document_text

__all__ = [
    "Catalog",
    "Layout",
    "cover_path",
    "decode_document",
    "is_backup_file",
    "link_targets",
    "load_catalog",
    "load_document",
    "numbered",
    "root_outside_project",
    "topic_id",
    "topics_by_id",
]


@dataclass(frozen=True)
class Catalog:
    """All documents and registries of a project.

    Attributes:
        documents: Valid documents, sorted by path.
        issuers: Registry of issuing bodies.
        diagnostics: Every problem found, sorted.
        assets: Accepted attachments (non-Markdown files) under the content roots, as (source path, site path).
            A build copies only those its published documents point at (`loa.core.loading.attachments`).
        external: Registry of external documents (``data/external.yml``).
        channels: Registry of channels (``data/channels.yml``).
        site_files: Site path of every file under the content roots (``plans/2021/a.md``, ``images/x.jpg``).
    """

    documents: tuple[Document, ...]
    issuers: dict[str, Issuer]
    diagnostics: tuple[Diagnostic, ...]
    assets: tuple[tuple[Path, str], ...] = field(default=())
    external: tuple[ExternalDocument, ...] = field(default=())
    channels: dict[str, Channel] = field(default_factory=dict)
    site_files: frozenset[str] = field(default=frozenset())

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """Diagnostics that fail a build."""
        return tuple(d for d in self.diagnostics if d.severity.value == "error")


def load_catalog(layout: Layout, *, at: dt.datetime | None = None) -> Catalog:
    """Load every document and registry of the project.

    Arguments:
        layout: Where the sources are.
        at: Also report links to documents that the public site does not show at this time, or shows later than
            the linking document (a build leaves these to MkDocs, which knows its target).

    Returns:
        The catalog; invalid documents are left out and described in ``diagnostics``.
    """
    diagnostics = Diagnostics()
    if layout.data_dir.is_dir() and root_outside_project(layout.data_dir, layout):
        diagnostics.add(
            layout.relative(layout.data_dir),
            0,
            "file.symlink",
            f"thư mục {layout.data_dir.name}/ là liên kết tượng trưng (symlink) hoặc nằm ngoài dự án; hãy "
            "chép các danh mục thật vào kho",
        )
        return Catalog((), {}, diagnostics.items)
    issuers = load_issuers(
        layout.data_dir / "issuers.yml", layout.relative(layout.data_dir / "issuers.yml"), diagnostics
    )
    external_path = layout.data_dir / "external.yml"
    external = load_external(external_path, layout.relative(external_path), issuers, diagnostics)
    channels_path = layout.data_dir / "channels.yml"
    channels = load_channels(channels_path, layout.relative(channels_path), issuers, diagnostics)
    editors_path = layout.data_dir / "editors.yml"  # checked here, read by the history
    load_editors(editors_path, layout.relative(editors_path), diagnostics)
    documents: list[Document] = []
    assets: list[tuple[Path, str]] = []
    site_files: set[str] = set()
    roots = ((layout.content_dir, "", "page"), (layout.plans_dir, "plans/", "plan"))
    for path, prefix, rel, default_kind in source_files(roots, layout, diagnostics):
        site_files.add(prefix + rel)
        if not rel.endswith(".md"):
            if check_attachment(path, layout.relative(path), diagnostics):
                assets.append((path, prefix + rel))
            continue
        text = read_text(path, layout, diagnostics)
        if text is None:
            continue
        kind = "index" if rel == "index.md" and not prefix else default_kind
        document = load_document(
            text,
            path=layout.relative(path),
            src_uri=prefix + rel,
            default_kind=kind,
            issuers=issuers,
            diagnostics=diagnostics,
        )
        if document:
            documents.append(replace(document, source_path=str(path)))
    check_duplicate_numbers(documents, diagnostics)
    documents = _check_links(documents, channels, layout, diagnostics)
    documents = _check_generated_addresses(documents, issuers, external, diagnostics)
    documents.sort(key=lambda d: d.path)
    catalog = Catalog(tuple(documents), issuers, (), tuple(assets), external, channels, frozenset(site_files))
    if any(d.aliases for d in documents):
        catalog = replace(catalog, documents=_check_aliases(catalog, diagnostics))
    check_links(
        catalog.documents,
        link_targets(catalog, layout),
        {"": layout.content_dir, "plans/": layout.plans_dir},
        layout.relative,
        diagnostics,
        at=at,
    )
    return replace(catalog, diagnostics=diagnostics.items)


def load_document(
    text: str,
    *,
    path: str,
    src_uri: str,
    default_kind: str,
    issuers: Mapping[str, Issuer],
    diagnostics: Diagnostics,
    front: FrontMatter | None = None,
) -> Document | None:
    """Load one document's text strictly: the loader of the catalog, and of every past revision in the history.

    Arguments:
        text: The decoded file (`decode_document`).
        path: Project-relative path, for diagnostics.
        src_uri: Path as the renderer sees it (``plans/…`` for plans).
        default_kind: Kind assumed when ``kind`` is absent: ``plan`` under the plans root (where front matter is
            required), ``index`` for the home page, ``page`` elsewhere.
        issuers: Registry of issuing bodies.
        diagnostics: Where problems are recorded; the document is None when any error was found.
        front: ``text`` already parsed by `parse_document_text` (its problems reported already), if it was.
    """
    if front is None:
        front = parse_document_text(text, path, diagnostics)
    if not front.readable:
        return None
    if default_kind == "plan" and not front.present:
        diagnostics.add(
            path, 1, "meta.missing", "văn bản thiếu phần thông tin đầu (front matter) giữa hai dòng '---'"
        )
        return None
    return validate_document(
        front, path=path, src_uri=src_uri, default_kind=default_kind, issuers=issuers, diagnostics=diagnostics
    )


def link_targets(catalog: Catalog, layout: Layout) -> LinkTargets:
    """What links in the catalog's documents may point at: its files and the pages a build generates from it."""
    return LinkTargets(
        catalog.site_files,
        lambda: generated_pages(
            catalog.documents,
            topics=topics_by_id(catalog.documents),
            external_ids=[e.id for e in catalog.external],
        ),
    )


def topic_id(document: Document) -> str:
    """The id of a topic page: its file name without extension."""
    return PurePosixPath(document.src_uri).stem


def topics_by_id(documents: Iterable[Document]) -> dict[str, Document]:
    """Topic (chuyên đề) pages among ``documents``, by id."""
    return {topic_id(d): d for d in documents if d.kind == "topic"}


def _check_links(
    documents: list[Document], channels: dict[str, Channel], layout: Layout, diagnostics: Diagnostics
) -> list[Document]:
    """Check what documents point at: topics, channels, related plans, cover images, unique ids.

    Returns:
        The documents without the ones that have errors.
    """
    topics = sorted(topic_id(d) for d in documents if d.kind == "topic")
    plans = {d.src_uri for d in documents if d.kind == "plan"}
    ids: dict[str, str] = {}
    broken: set[str] = set()

    def report(document: Document, field_name: str, code: str, message: str) -> None:
        broken.add(document.path)
        diagnostics.add(
            document.path, document.field_lines.get(field_name, 1), code, message, field=field_name
        )

    for document in sorted(documents, key=lambda d: d.path):
        for index, topic in enumerate(document.topics):
            if topic not in topics:
                report(
                    document,
                    f"topics.{index}",
                    "meta.topic",
                    f"không có chuyên đề '{topic}' trong content/chuyen-de/.{suggest(topic, topics)}",
                )
        for index, channel in enumerate(document.channels):
            if channel not in channels:
                report(
                    document,
                    f"channels.{index}",
                    "meta.channel",
                    f"không có kênh '{channel}' trong data/channels.yml.{suggest(channel, sorted(channels))}",
                )
        named: dict[str, str] = {}  # each target once, whatever the relation: one feed item, one guid
        for relation, verb in RELATIONS.items():
            for index, plan in enumerate(getattr(document, relation)):
                first = named.setdefault(plan, f"{relation}.{index}")
                if first != f"{relation}.{index}":
                    report(
                        document,
                        f"{relation}.{index}",
                        "meta.amends",
                        f"văn bản '{plan}' đã ghi ở trường "
                        f"'{first}': mỗi văn bản được sửa đổi hay thay thế chỉ ghi một lần",
                    )
                elif plan == document.src_uri or plan not in plans:
                    report(
                        document,
                        f"{relation}.{index}",
                        "meta.amends",
                        f"không có văn bản '{plan}' khác văn "
                        f"bản này trong plans/ để {verb}.{suggest(plan, sorted(plans))}",
                    )
        for index, plan in enumerate(document.related_plans):
            if plan not in plans:
                report(
                    document,
                    f"related_plans.{index}",
                    "meta.related",
                    f"không có văn bản '{plan}' trong plans/.{suggest(plan, sorted(plans))}",
                )
        if document.cover and not cover_path(document, layout).resolve().is_relative_to(
            layout.content_dir.resolve()
        ):
            report(
                document,
                "cover",
                "meta.path",
                f"ảnh '{document.cover.src}' nằm ngoài thư mục content/ "
                "(qua liên kết tượng trưng); hãy chép ảnh vào content/",
            )
        elif document.cover and not cover_path(document, layout).is_file():
            report(
                document,
                "cover",
                "meta.cover",
                f"không tìm thấy ảnh '{document.cover.src}' (đường dẫn tính từ thư mục content/)",
            )
        if document.id:
            first = ids.setdefault(document.id, document.path)
            if first != document.path:
                report(
                    document,
                    "id",
                    "meta.duplicate-id",
                    f"mã định danh '{document.id}' đã dùng cho {first}: mỗi tài liệu cần một mã riêng",
                )
    return [d for d in documents if d.path not in broken]


def _check_aliases(catalog: Catalog, diagnostics: Diagnostics) -> tuple[Document, ...]:
    """Report old addresses that are some page's address now, or another document's old address.

    Returns:
        The documents without the ones that have errors.
    """
    taken = {d.url: f"địa chỉ hiện tại của {d.path}" for d in catalog.documents}
    generated = generated_pages(
        catalog.documents,
        topics=topics_by_id(catalog.documents),
        external_ids=[e.id for e in catalog.external],
    )
    taken |= {url_of(src_uri): "địa chỉ một trang Loa tự tạo" for src_uri in generated}
    taken |= {name: f"tệp {name}" for name in catalog.site_files if not name.endswith(".md")}
    broken: set[str] = set()
    for document in catalog.documents:
        for index, alias in enumerate(document.aliases):
            # An address the theme or Loa writes (404.html, sitemap.xml, assets/…) is never a redirect.
            reserved = reserved_reason(alias.rstrip("/"))
            owner = f"{reserved}" if reserved else taken.setdefault(alias, f"địa chỉ cũ của {document.path}")
            if owner != f"địa chỉ cũ của {document.path}":
                broken.add(document.path)
                diagnostics.add(
                    document.path,
                    document.field_lines.get(f"aliases.{index}", 1),
                    "doc.alias-conflict",
                    f"địa chỉ cũ /{alias} đang là {owner}: một địa chỉ chỉ dẫn tới một trang",
                    field=f"aliases.{index}",
                )
    return tuple(d for d in catalog.documents if d.path not in broken)


def cover_path(document: Document, layout: Layout) -> Path:
    """The cover image of an article on disk."""
    assert document.cover is not None
    return layout.content_dir / document.cover.src.lstrip("/")


def _check_generated_addresses(
    documents: list[Document],
    issuers: dict[str, Issuer],
    external: tuple[ExternalDocument, ...],
    diagnostics: Diagnostics,
) -> list[Document]:
    """Report documents at the address of a page Loa generates (a topic is its own first listing page), or of
    another document (``a.md`` and ``a/index.md``).

    Returns:
        The documents without the ones reported.
    """
    topics = topics_by_id(documents)
    generated = {
        url_of(p) for p in generated_pages(documents, topics=topics, external_ids=[e.id for e in external])
    } - {d.url for d in topics.values()}
    kept: list[Document] = []
    urls: dict[str, str] = {}
    for document in sorted(documents, key=lambda d: d.path):
        reason = reserved_reason(document.src_uri, generated)
        first = urls.setdefault(document.url, document.path)
        if reason:
            diagnostics.add(
                document.path,
                0,
                "file.reserved-path",
                f"địa chỉ của tài liệu này trùng {reason}: "
                "hãy chuyển tệp sang thư mục khác hoặc đặt tên khác",
            )
        elif first != document.path:
            diagnostics.add(
                document.path,
                0,
                "file.name-conflict",
                f"tài liệu này và {first} cùng ra một địa chỉ "
                f"/{document.url}: người đọc chỉ tới được một trang; hãy đặt tên khác hoặc gộp hai tệp",
            )
        else:
            kept.append(document)
    return kept
