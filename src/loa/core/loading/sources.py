"""The source files of a project: walked once, strictly (no symbolic links, no editor backups, no files too
large or not UTF-8), every problem collected."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from loa.core.base.diagnostics import Diagnostics
from loa.core.loading.filenames import check_names, folder_problem, reserved_reason
from loa.core.loading.layout import Layout

__all__ = ["decode_document", "is_backup_file", "read_text", "root_outside_project", "source_files"]

_BACKUP_SUFFIXES = ("~", ".bak", ".swp", ".swo", ".tmp", ".orig")
_BACKUP_PREFIXES = (".#", "#", "~$")


def is_backup_file(name: str) -> bool:
    """Whether ``name`` is an editor backup or lock file that is never published."""
    return name.endswith(_BACKUP_SUFFIXES) or name.startswith(_BACKUP_PREFIXES)


def root_outside_project(root: Path, layout: Layout) -> bool:
    """Whether a content or data root is a symbolic link, or leads out of the project: its files are not the
    repository's, and nothing from elsewhere on the build machine may be published."""
    return any(
        path.is_symlink() for path in (root, *root.parents) if path.is_relative_to(layout.root)
    ) or not root.resolve().is_relative_to(layout.root.resolve())


def source_files(
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


def read_text(path: Path, layout: Layout, diagnostics: Diagnostics) -> str | None:
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
