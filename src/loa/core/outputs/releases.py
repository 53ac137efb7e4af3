"""The output folder of a build: what Loa may replace, and how a new build takes the old one's place at once.

The public path (``site``) is a symbolic link to one complete build in the sibling folder ``.site.releases/``. A
build is written into a new folder there and published by renaming a new link over the old one: a single
rename(2), so a reader, nginx or a killed build finds the old site or the new one, never a mix and never nothing.
What a killed build leaves (an unfinished or retired build, a stray link) is removed by the next one, under its
lock. A plain ``site/`` folder, as earlier versions wrote, is exchanged for the link with renameat2
(RENAME_EXCHANGE) where the file system has it; elsewhere it is first renamed into the releases folder, and a
build stopped between the two renames puts it back before doing anything else.

Loa replaces only what it made: its own link, a folder carrying its marker file (``.loa-site``, written last into
every build: a fixed first line, then the edition), an empty folder, or a site from a Loa version before the
marker (its ``.nginx/csp.conf`` says so). It refuses anything else, and any folder that is, holds or lies inside
the project's sources, before writing anything.

``LOA_FAULT_AT=<point>`` makes the build kill itself (SIGKILL) at a named point, as a power cut or the OOM killer
would: a test seam for the fault tests, nothing else reads it. Points: ``staged`` (built, not yet marked),
``swap`` (new link made, not yet renamed over the old), ``migrate`` (between the two renames of the fallback for a
plain folder), ``published`` (swapped, leftovers not yet removed).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from loa.core.loading.cache_trust import tracked_files

__all__ = [
    "MARKER",
    "OutputRefused",
    "check_output_file",
    "check_output_folder",
    "discard_release",
    "edition_of",
    "fault_point",
    "lock_path",
    "new_release",
    "output_path",
    "publish_release",
    "write_error_reason",
]

MARKER = ".loa-site"
_MARKER_HEAD = "loa-site 1"
_LEGACY_HEAD = "# Written by Loa at build time"
_MIGRATED = "migrated"
_RETIRED = "retired-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputRefused(Exception):
    """The output path is not one Loa may write; the message says why, in Vietnamese."""


def fault_point(name: str) -> None:
    """Kill this process at the point ``name`` when ``LOA_FAULT_AT`` names it (see the module's docstring)."""
    if os.environ.get("LOA_FAULT_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def write_error_reason(error: OSError) -> str:
    """Why a write failed, in Vietnamese: a full or read-only disk, missing rights, or the system's words."""
    reasons = {
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.EDQUOT: "đã hết hạn mức ổ đĩa",
        errno.EACCES: "không có quyền ghi",
        errno.EPERM: "không có quyền ghi",
        errno.ENOENT: "không có tệp hay thư mục này",
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


def output_path(path: Path) -> Path:
    """``path`` made absolute, ``..`` removed and its parent resolved, its last part kept (it may be Loa's link)."""
    absolute = Path(os.path.abspath(path))
    return absolute.parent.resolve() / absolute.name if absolute.name else absolute


def edition_of(site: Path) -> str | None:
    """The edition (``public``, ``internal``, ``preview``) a marked build records, or None if unmarked."""
    try:
        lines = (site / MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or lines[0] != _MARKER_HEAD:
        return None
    values = dict(line.partition("=")[::2] for line in lines[1:])
    return values.get("target") or None


def _is_marked(folder: Path) -> bool:
    try:
        return (folder / MARKER).read_text(encoding="utf-8").splitlines()[:1] == [_MARKER_HEAD]
    except (OSError, UnicodeDecodeError):
        return False


def _is_legacy_site(folder: Path) -> bool:
    try:
        with (folder / ".nginx" / "csp.conf").open(encoding="utf-8") as stream:
            return stream.readline().startswith(_LEGACY_HEAD)
    except (OSError, UnicodeDecodeError):
        return False


def _releases(final: Path) -> Path:
    return final.parent / f".{final.name}.releases"


def _current(final: Path) -> str | None:
    """The name of the release ``final`` links to, if it is Loa's link."""
    try:
        target = os.readlink(final)
    except OSError:
        return None
    folder, _, name = target.partition("/")
    if folder != _releases(final).name or not name or "/" in name or name in (".", ".."):
        return None
    return name


def _refuse(final: Path, reason: str) -> OutputRefused:
    return OutputRefused(f"Không dựng vào {final}: {reason}")


def check_output_folder(final: Path, *, project: Path, sources: Iterable[Path]) -> None:
    """Raise `OutputRefused` unless ``final`` (from `output_path`) is a folder Loa may replace with a build.

    Arguments:
        final: The output folder.
        project: The project's root.
        sources: Folders that hold what the site is built from (content, plans, data, theme, .git, cache).
    """
    candidates = {final, final.resolve()}
    root = project.resolve()
    for candidate in candidates:
        if root.is_relative_to(candidate):
            raise _refuse(
                final,
                "đây là thư mục dự án hoặc một thư mục chứa nó; thay nó là xoá cả nguồn của "
                "trang (và .git). Chọn một thư mục riêng, ví dụ site/.",
            )
        for source in sources:
            if candidate.is_relative_to(source.resolve()):
                raise _refuse(
                    final,
                    f"thư mục này nằm trong {source}, nơi chứa nguồn của trang; thay nó là xoá "
                    "nguồn. Chọn một thư mục riêng ngoài nguồn, ví dụ site/.",
                )
    _check_own_paths(final, root)
    if final.parent.name.startswith(".") and final.parent.name.endswith(".releases"):
        raise _refuse(
            final, f"{final.parent} là nơi loa giữ các bản dựng; chọn một thư mục riêng, ví dụ site/."
        )
    for parent in final.parents:
        if _is_marked(parent):
            raise _refuse(final, f"thư mục này nằm trong trang đã dựng {parent}. Chọn một thư mục riêng.")
    if final.is_symlink():
        if _current(final) is None:
            raise _refuse(
                final,
                "đây là một liên kết tượng trưng không do loa tạo; loa không thay nó. Xoá liên "
                "kết nếu không cần nữa, hoặc chọn thư mục khác.",
            )
        return
    if not final.exists():
        return
    if not final.is_dir():
        raise _refuse(final, "đây là một tệp, không phải thư mục. Chọn một thư mục, ví dụ site/.")
    if _is_marked(final) or _is_legacy_site(final) or not any(final.iterdir()):
        return
    raise _refuse(
        final,
        f"thư mục không trống và không có tệp đánh dấu {MARKER} mà loa ghi vào mỗi bản dựng; "
        "loa chỉ thay thư mục do chính nó dựng. Chọn thư mục khác, hoặc tự xoá thư mục này nếu "
        "chắc chắn không cần nữa.",
    )


def lock_path(final: Path) -> Path:
    """The lock file that keeps two builds of ``final`` apart."""
    return final.parent / f".{final.name}.lock"


def _check_own_paths(final: Path, root: Path) -> None:
    """Refuse when what Loa keeps beside ``final`` came from somewhere else: a link or a foreign folder there would
    make the build delete or truncate what it points at (a link committed with ``git add -f``, for example)."""
    releases, lock = _releases(final), lock_path(final)
    for path, kind in ((releases, "thư mục các bản dựng"), (lock, "tệp khóa")):
        if not os.path.lexists(path):
            continue
        if path.is_symlink():
            raise _refuse(
                final,
                f"{path} ({kind} của loa) là một liên kết tượng trưng, không do loa tạo; loa không "
                "dùng nó. Xoá liên kết này rồi dựng lại.",
            )
        expected = path.is_dir() if path is releases else path.is_file()
        if not expected or path.stat().st_uid != os.getuid():
            raise _refuse(
                final,
                f"{path} ({kind} của loa) không phải do loa tạo (sai loại tệp hoặc thuộc người dùng "
                "khác); loa không dùng nó. Xoá nó rồi dựng lại.",
            )
    if not final.parent.resolve().is_relative_to(root):
        return
    for path in (final, releases, lock):
        tracked = tracked_files(root, path.parent.resolve() / path.name)
        if tracked:
            raise _refuse(
                final,
                f"{path.name} có tệp được lưu trong kho git (ví dụ {tracked[0]}): bản dựng không "
                f"bao giờ nằm trong kho. Gỡ bằng 'git rm -r --cached {path.name}' rồi commit.",
            )


def check_output_file(out: Path, *, sources: Iterable[Path], kind: str, head: bytes) -> None:
    """Raise `OutputRefused` unless ``out`` is a file Loa may (over)write.

    Arguments:
        out: The file (from `output_path`).
        sources: As for `check_output_folder`: a file written inside them would be published or lost.
        kind: What the file is, for the message (``tệp zip``).
        head: The first bytes of a file Loa wrote before: any other existing file is refused.
    """
    for source in sources:
        if out.resolve().is_relative_to(source.resolve()):
            raise OutputRefused(
                f"Không ghi {out}: tệp này nằm trong {source}, nơi chứa nguồn của trang. "
                "Chọn chỗ khác, ví dụ dist/."
            )
    if out.is_dir():
        raise OutputRefused(f"Không ghi {out}: đây là một thư mục; cần đường dẫn của {kind}.")
    if out.exists() or out.is_symlink():
        try:
            with out.open("rb") as stream:
                first = stream.read(len(head))
        except OSError:
            first = b""
        if out.is_symlink() or not out.is_file() or (first and first != head):
            raise OutputRefused(
                f"Không ghi {out}: đã có một tệp ở đó không phải {kind} do loa ghi; loa không "
                "ghi đè nó. Chọn tên khác, hoặc tự xoá tệp đó nếu chắc chắn không cần nữa."
            )


def new_release(final: Path) -> Path:
    """Under the build's lock: repair and remove what a stopped build left, and return a new empty release."""
    _repair(final)
    _remove_leftovers(final)
    releases = _releases(final)
    releases.mkdir(exist_ok=True)
    os.chmod(releases, 0o755)
    release = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%dT%H%M%S-"), dir=releases))
    os.chmod(release, 0o755)  # mkdtemp makes it private: nginx's workers could not read it
    return release


def discard_release(release: Path) -> None:
    """Remove a release that will not be published."""
    shutil.rmtree(release, ignore_errors=True)


def publish_release(release: Path, final: Path, *, edition: str) -> None:
    """Mark ``release`` as a complete build of ``edition`` and put it in place of ``final`` at once."""
    fault_point("staged")
    marker = release / MARKER
    marker.write_text(f"{_MARKER_HEAD}\ntarget={edition}\n", encoding="utf-8")
    link = final.parent / f".{final.name}.link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    os.symlink(f"{release.parent.name}/{release.name}", link)
    fault_point("swap")
    if final.is_symlink() or not final.exists():
        os.replace(link, final)  # the swap: one rename(2)
    else:
        _replace_folder(link, final)
    fault_point("published")
    with contextlib.suppress(OSError):  # published all the same; the next build removes them
        _remove_leftovers(final)


def _replace_folder(link: Path, final: Path) -> None:
    """Put ``link`` in place of the plain folder ``final`` (an empty one, or a site from before releases)."""
    releases = _releases(final)
    try:
        _exchange(link, final)
    except OSError:
        # No RENAME_EXCHANGE here: two renames; `_repair` undoes the first if the build stops in between.
        os.rename(final, releases / _MIGRATED)
        fault_point("migrate")
        os.replace(link, final)
        return
    os.rename(link, releases / f"{_RETIRED}{os.getpid()}")  # removed with the other leftovers


def _exchange(first: Path, second: Path) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2")
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _repair(final: Path) -> None:
    """A build stopped between the two renames of `_replace_folder`: the previous site goes back in place."""
    migrated = _releases(final) / _MIGRATED
    if os.path.lexists(final) or not migrated.is_dir():
        return
    link = final.parent / f".{final.name}.link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    os.symlink(f"{migrated.parent.name}/{migrated.name}", link)
    os.replace(link, final)


def _remove_leftovers(final: Path) -> None:
    """Remove every release but the one in use, stray links, and the staging folders of earlier versions."""
    parent, name = final.parent, final.name
    for stray in parent.glob(f".{name}.link-*"):
        if stray.is_symlink():
            stray.unlink()
    for stale in [*parent.glob(f".{name}.building-*"), *parent.glob(f".{name}.old-*")]:
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
    releases = _releases(final)
    if releases.is_symlink() or not releases.is_dir():
        return  # never through a link: `check_output_folder` refuses one before any build starts
    current = _current(final)
    for release in releases.iterdir():
        if release.name != current:
            if release.is_dir() and not release.is_symlink():
                shutil.rmtree(release, ignore_errors=True)
            else:
                release.unlink(missing_ok=True)
