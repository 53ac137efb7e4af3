"""Whether a project's cache folder may be used at all, and the key of this machine that signs its entries.

The cache lives in the repository's work tree (``.cache/loa/``), so whatever is there may have come with the
repository: committed with ``git add -f``, or restored by a CI system from another machine. Loa uses it only when

- no file under it is tracked by git (a tracked cache is ignored, and left as it is, in every build);
- neither it nor a folder on the way to it is a symbolic link, and what exists of it belongs to the user running
  the build;
- its entry folder carries the marker of this machine: an HMAC, under this machine's key, of the folder's own
  path. A folder without it was made elsewhere (or before the key was lost): it is emptied and started afresh.

The key is 32 random bytes made on first use and kept outside every repository, under ``$XDG_CACHE_HOME/loa`` (or
``~/.cache/loa``), readable by its owner only. Every entry is signed with it (`loa.core.loading.content_cache`), so an
entry that did not come from a build on this machine never verifies, however it arrived. Each refusal is a
notice in Vietnamese: the build goes on without the cache, and its output is what a build without one gives.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import shutil
import subprocess
from pathlib import Path

from loa.core.loading.content_cache import CacheStore, keep_file

__all__ = ["ENTRIES", "machine_key_path", "open_cache", "tracked_files"]

ENTRIES = "v1"
"""The entry folder inside the cache folder; its name changes when the entry format does."""

_KEY_SIZE = 32
_MARKER = "origin"
# Files of Loa versions that kept pickles and unsigned entries: never read, removed from a trusted folder.
_OLD_FOLDERS = ("text", "diff", "links", "page")


def machine_key_path() -> Path:
    """Where this machine keeps the key that signs cache entries (outside any repository)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "loa" / "machine-key"


def _machine_key() -> tuple[bytes | None, str]:
    path = machine_key_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(secrets.token_bytes(_KEY_SIZE))
        with path.open("rb") as stream:
            info = os.fstat(stream.fileno())
            key = stream.read()
    except OSError as error:
        return None, f"không tạo hoặc đọc được khóa bộ nhớ đệm {path} ({error.strerror or error})"
    if info.st_uid != os.getuid():
        return None, f"khóa bộ nhớ đệm {path} thuộc về người dùng khác"
    if len(key) != _KEY_SIZE:
        return (
            None,
            f"khóa bộ nhớ đệm {path} không đúng 32 byte (đang được tạo, hoặc bị hỏng: hãy xóa tệp này)",
        )
    return key, ""


def tracked_files(root: Path, folder: Path) -> list[str] | None:
    """Files under ``folder`` that git tracks in ``root`` (none without git or outside a repository; None when a
    repository cannot tell)."""
    if shutil.which("git") is None:
        return []
    relative = folder.relative_to(root).as_posix()
    result = subprocess.run(
        ["git", "-c", "core.quotepath=off", "ls-files", "-z", "--", relative],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        inside = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True, check=False
        )
        return None if inside.returncode == 0 else []
    return [name for name in result.stdout.decode("utf-8", "replace").split("\0") if name]


def _refusal(root: Path, folder: Path, shown: str) -> str | None:
    """Why ``folder`` must not be used, or None."""
    path = root
    for part in (*folder.relative_to(root).parts, ENTRIES):
        path = path / part
        if path.is_symlink():
            return (
                f"{path.relative_to(root).as_posix()} là liên kết tượng trưng (symlink): Loa không dùng bộ nhớ "
                f"đệm {shown}/. Hãy xóa liên kết này."
            )
        try:
            owner = path.stat().st_uid
        except OSError:
            break
        if owner != os.getuid():
            return (
                f"{path.relative_to(root).as_posix()} thuộc về người dùng khác (uid {owner}): Loa không dùng bộ "
                f"nhớ đệm {shown}/. Hãy xóa thư mục này hoặc dựng bằng đúng người dùng sở hữu nó."
            )
    tracked = tracked_files(root, folder)
    if tracked is None:
        return f"git không cho biết bộ nhớ đệm {shown}/ có nằm trong kho hay không: Loa không dùng bộ nhớ đệm này."
    if tracked:
        return (
            f"bộ nhớ đệm {shown}/ có tệp được lưu trong kho git ({len(tracked)} tệp, ví dụ {tracked[0]}): Loa "
            f"không tin và không dùng bộ nhớ đệm này. Gỡ nó khỏi kho bằng 'git rm -r --cached {shown}' rồi "
            "thêm '.cache/' vào .gitignore."
        )
    return None


def _marker(key: bytes, entries: Path) -> bytes:
    return (
        hmac.new(key, b"loa cache folder\0" + os.fsencode(entries.resolve()), hashlib.sha256)
        .hexdigest()
        .encode()
    )


def open_cache(root: Path, folder: Path) -> tuple[CacheStore | None, list[str]]:
    """The store of verified entries in ``folder`` (inside ``root``), or None; and the notices to show.

    Arguments:
        root: The project (a git work tree or not).
        folder: Its cache folder, ``root / ".cache" / "loa"``.
    """
    try:
        shown = folder.relative_to(root).as_posix()
    except ValueError:
        return None, []
    refusal = _refusal(root, folder, shown)
    if refusal is not None:
        return None, [refusal]
    key, problem = _machine_key()
    if key is None:
        return None, [f"{problem}: lần dựng này không dùng bộ nhớ đệm {shown}/."]
    notices = []
    entries = folder / ENTRIES
    marker = entries / _MARKER
    expected = _marker(key, entries)
    try:
        found = marker.read_bytes()
    except OSError:
        found = b""
    if not hmac.compare_digest(found, expected):
        if entries.is_dir() and any(p.name != _MARKER for p in entries.iterdir()):
            notices.append(
                f"bộ nhớ đệm {shown}/ không do máy này tạo (chép từ nơi khác, khôi phục từ bộ nhớ đệm "
                f"của CI, hoặc khóa {machine_key_path()} đã mất): Loa bỏ toàn bộ và tạo lại."
            )
        shutil.rmtree(entries, ignore_errors=True)
        keep_file(marker, expected)
    for name in _OLD_FOLDERS:
        shutil.rmtree(folder / name, ignore_errors=True)
    for old in folder.glob("front-matter-*.pickle"):
        old.unlink(missing_ok=True)
    return CacheStore(entries, key), notices
