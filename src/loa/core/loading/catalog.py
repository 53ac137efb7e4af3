"""The catalog: every document of the project, loaded strictly, with all problems collected in one pass."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from loa.core.base.diagnostics import Diagnostic, Diagnostics, suggest
from loa.core.loading.attachments import check_attachment
from loa.core.loading.external import ExternalDocument, load_external
from loa.core.loading.filenames import check_names, folder_problem, reserved_reason
from loa.core.loading.linkcheck import LinkTargets, check_links
from loa.core.loading.validation import validate_document
from loa.core.model.document import RELATIONS, Document, url_of
from loa.core.model.registry import Channel, Issuer, load_channels, load_editors, load_issuers
from loa.core.routing.routes import generated_pages
from loa.core.safety.frontmatter import FrontMatter, parse_document_text
from loa.core.text.document_numbers import number_identity

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

_BACKUP_SUFFIXES = ("~", ".bak", ".swp", ".swo", ".tmp", ".orig")
_BACKUP_PREFIXES = (".#", "#", "~$")


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its sources.

    Attributes:
        root: Project root; diagnostics show paths relative to it.
        content_dir: Articles and site pages, mounted at the root of the site. Never the renderer's docs_dir: a
            build that bypasses Loa must find no document.
        plans_dir: Official documents, mounted under ``plans/`` in the site.
        data_dir: YAML registries.
        max_file_size: Largest accepted Markdown file, in bytes.
    """

    root: Path
    content_dir: Path
    plans_dir: Path
    data_dir: Path
    max_file_size: int = 1_000_000

    def relative(self, path: Path) -> str:
        """Return ``path`` relative to the project root, POSIX style."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


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


def is_backup_file(name: str) -> bool:
    """Whether ``name`` is an editor backup or lock file that is never published."""
    return name.endswith(_BACKUP_SUFFIXES) or name.startswith(_BACKUP_PREFIXES)


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
    for path, prefix, rel, default_kind in _source_files(roots, layout, diagnostics):
        site_files.add(prefix + rel)
        if not rel.endswith(".md"):
            if check_attachment(path, layout.relative(path), diagnostics):
                assets.append((path, prefix + rel))
            continue
        text = _read_text(path, layout, diagnostics)
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
    _check_duplicate_numbers(documents, diagnostics)
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


def root_outside_project(root: Path, layout: Layout) -> bool:
    """Whether a content or data root is a symbolic link, or leads out of the project: its files are not the
    repository's, and nothing from elsewhere on the build machine may be published."""
    return any(
        path.is_symlink() for path in (root, *root.parents) if path.is_relative_to(layout.root)
    ) or not root.resolve().is_relative_to(layout.root.resolve())


def cover_path(document: Document, layout: Layout) -> Path:
    """The cover image of an article on disk."""
    assert document.cover is not None
    return layout.content_dir / document.cover.src.lstrip("/")


def _source_files(
    roots: Iterable[tuple[Path, str, str]], layout: Layout, diagnostics: Diagnostics
) -> list[tuple[Path, str, str, str]]:
    """The files under the content roots whose names are addresses and whose paths the build does not own.

    Returns:
        (path on disk, site prefix, path under the root, default kind) of each, in a stable order.
    """
    found: list[tuple[Path, str, str, str, str]] = []
    for root, prefix, default_kind in roots:
        if not root.is_dir():
            diagnostics.add(
                layout.relative(root), 0, "file.missing-root", f"không tìm thấy thư mục {root.name}/"
            )
            continue
        if root_outside_project(root, layout):
            diagnostics.add(
                layout.relative(root),
                0,
                "file.symlink",
                f"thư mục {root.name}/ là liên kết tượng trưng (symlink) hoặc nằm ngoài dự án; hãy chép "
                "nội dung thật vào kho",
            )
            continue
        for path in _walk(root, layout, diagnostics):
            found.append(
                (path, prefix, path.relative_to(root).as_posix(), default_kind, layout.relative(path))
            )
    kept = []
    for entry in found:
        reason = reserved_reason(entry[1] + entry[2])
        if reason:
            diagnostics.add(
                entry[4],
                0,
                "file.reserved-path",
                f"đường dẫn này trùng {reason}: tệp của biên tập viên "
                "không được chiếm chỗ đó; hãy chuyển tệp sang thư mục khác",
            )
        else:
            kept.append(entry)
    accepted = check_names(
        [(display, prefix, rel) for _, prefix, rel, _, display in kept],
        lambda display, code, message: diagnostics.add(display, 0, code, message),
    )
    return [entry[:4] for entry in kept if entry[4] in accepted]


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


def _walk(root: Path, layout: Layout, diagnostics: Diagnostics) -> list[Path]:
    """List the files under ``root`` in a stable order, refusing symbolic links and folders whose names are not
    addresses, skipping hidden files and backups."""
    found: list[Path] = []
    for directory, dirnames, filenames in os.walk(root):
        base = Path(directory)
        kept = []
        for name in sorted(dirnames):
            if (base / name).is_symlink():
                diagnostics.add(
                    layout.relative(base / name),
                    0,
                    "file.symlink",
                    "thư mục là liên kết tượng trưng (symlink); hãy chép nội dung thật vào kho",
                )
            elif not name.startswith("."):
                problem = folder_problem(name)
                if problem:
                    diagnostics.add(layout.relative(base / name), 0, "file.name", problem)
                else:
                    kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = base / name
            if name.startswith(".") or is_backup_file(name):
                continue
            if path.is_symlink():
                diagnostics.add(
                    layout.relative(path),
                    0,
                    "file.symlink",
                    "tệp là liên kết tượng trưng (symlink); hãy chép nội dung thật vào kho",
                )
                continue
            found.append(path)
    return found


def _read_text(path: Path, layout: Layout, diagnostics: Diagnostics) -> str | None:
    """Read a Markdown file as UTF-8, refusing oversized and undecodable files."""
    display = layout.relative(path)
    size = path.stat().st_size
    if size > layout.max_file_size:
        _too_large(display, size, layout.max_file_size, diagnostics)
        return None
    return decode_document(path.read_bytes(), display, layout.max_file_size, diagnostics)


def _too_large(display: str, size: int, limit: int, diagnostics: Diagnostics) -> None:
    diagnostics.add(
        display,
        0,
        "file.too-large",
        f"tệp nặng {size:,} byte, vượt giới hạn {limit:,} byte; hãy tách văn bản "
        "hoặc đưa tệp đính kèm ra ngoài".replace(",", "."),
    )


def decode_document(data: bytes, display: str, max_size: int, diagnostics: Diagnostics) -> str | None:
    """A Markdown file's bytes as text (UTF-8, at most ``max_size`` bytes), or None (the problem reported)."""
    if len(data) > max_size:
        _too_large(display, len(data), max_size, diagnostics)
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        diagnostics.add(
            display,
            line,
            "file.encoding",
            f"tệp không phải UTF-8 (byte 0x{data[error.start]:02X} không hợp lệ); hãy lưu lại tệp với "
            "mã hóa UTF-8",
        )
        return None


def numbered(documents: Iterable[Document], number: str, issuer: str | None) -> list[Document]:
    """The documents of ``issuer`` carrying ``number``, compared as the duplicate check compares numbers."""
    key = number_identity(number)
    return [d for d in documents if d.number and d.issuer == issuer and number_identity(d.number) == key]


def _check_duplicate_numbers(documents: list[Document], diagnostics: Diagnostics) -> None:
    """Report documents sharing issuer, type, number and year."""
    seen: dict[tuple[str | None, str | None, str, int | None], Document] = {}
    for document in sorted(documents, key=lambda d: d.path):
        if not document.number:
            continue
        key = (
            document.issuer,
            document.doc_type.name if document.doc_type else None,
            number_identity(document.number),
            document.date.year if document.date else None,
        )
        first = seen.setdefault(key, document)
        if first is not document:
            year = f" năm {key[3]}" if key[3] else ""
            diagnostics.add(
                document.path,
                document.field_lines.get("number", 1),
                "doc.duplicate-number",
                f"số ký hiệu {document.number}{year} của {document.issuer} đã dùng cho {first.path}",
                field="number",
            )
