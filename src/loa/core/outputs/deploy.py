"""A web root of releases: ``releases/<UTC time>-<commit>/``, ``current`` linking to one, ``state.json``.

Layout of ``WEB_ROOT``::

    releases/20261208T021500Z-1a2b3c4/   one complete build each, world-readable (folders 0755, files 0644)
    current -> releases/...              what the web server serves; switched by renaming a new link over it
    cache/loa/                           the build's cache, kept between releases
    state.json                           the last deploy: release, commit, times, what it published, next change
    .lock                                held by a deploy or a rollback for its whole run

A release is moved into ``releases/`` complete; only then is ``current`` switched, in one rename(2): a failed or
killed deploy leaves ``current`` on the old release. Old releases beyond the ones kept are removed afterwards.
The fault point ``LOA_FAULT_AT=deploy-swap`` (`loa.core.outputs.releases.fault_point`) kills a deploy between
making the new link and renaming it over ``current``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from loa.core.outputs.releases import fault_point

__all__ = [
    "DeployRefused",
    "current_release",
    "install_release",
    "list_releases",
    "locked",
    "make_readable",
    "next_release_name",
    "previous_release",
    "prune_releases",
    "read_state",
    "release_name",
    "switch_current",
    "write_state",
]

RELEASES = "releases"
CURRENT = "current"
STATE = "state.json"
_NAME = re.compile(r"\d{8}T\d{6}Z-[0-9a-z]{1,12}(-\d+)?")


class DeployRefused(Exception):
    """The web root cannot be used as asked; the message says why, in Vietnamese."""


@contextlib.contextmanager
def locked(web_root: Path) -> Iterator[None]:
    """Hold the web root's lock, or raise `DeployRefused` at once if another deploy holds it."""
    web_root.mkdir(parents=True, exist_ok=True)
    os.chmod(web_root, 0o755)  # noqa: S103 (served to the web server's user)
    descriptor = os.open(web_root / ".lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with os.fdopen(descriptor, "r+b") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DeployRefused(
                f"Đang có một lần triển khai khác trên {web_root}; hãy chờ xong rồi chạy lại."
            ) from None
        yield


def release_name(moment: dt.datetime, commit: str) -> str:
    """The name of a release built at ``moment`` from ``commit``: ``20261208T021500Z-1a2b3c4``."""
    stamp = moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    short = re.sub(r"[^0-9a-z]", "", commit.lower())[:7] or "local"
    return f"{stamp}-{short}"


def list_releases(web_root: Path) -> list[str]:
    """The complete releases under ``web_root``, oldest first."""
    folder = web_root / RELEASES
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p.name for p in folder.iterdir() if _NAME.fullmatch(p.name) and p.is_dir())


def current_release(web_root: Path) -> str | None:
    """The release ``current`` links to, or None."""
    try:
        target = os.readlink(web_root / CURRENT)
    except OSError:
        return None
    folder, _, name = target.partition("/")
    return name if folder == RELEASES and _NAME.fullmatch(name) else None


def previous_release(web_root: Path) -> str | None:
    """The newest release older than the current one, or None."""
    current = current_release(web_root)
    older = [name for name in list_releases(web_root) if current is None or name < current]
    return older[-1] if older else None


def make_readable(folder: Path) -> None:
    """Folders 0755, files 0644, whatever the umask of the build: the web server's user reads them."""
    for path in (folder, *folder.rglob("*")):
        if path.is_symlink():
            continue
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def install_release(web_root: Path, built: Path, name: str) -> str:
    """Move the complete build ``built`` (same file system) into ``releases/`` and return its final name."""
    folder = web_root / RELEASES
    if folder.is_symlink():
        raise DeployRefused(f"{folder} là một liên kết tượng trưng, không do loa tạo; hãy xoá nó.")
    folder.mkdir(exist_ok=True)
    os.chmod(folder, 0o755)  # noqa: S103 (served to the web server's user)
    make_readable(built)
    final, count = name, 1
    while os.path.lexists(folder / final):
        count += 1
        final = f"{name}-{count}"
    os.rename(built, folder / final)
    return final


def switch_current(web_root: Path, name: str) -> None:
    """Point ``current`` at release ``name`` at once: a new link renamed over the old one."""
    # Only a release's own name: "../work" would serve the raw checkout, drafts included.
    if not _NAME.fullmatch(name) or not (web_root / RELEASES / name).is_dir():
        raise DeployRefused(f"Không có bản {name} trong {web_root / RELEASES}.")
    link = web_root / f".{CURRENT}.link-{os.getpid()}"
    if os.path.lexists(link):
        link.unlink()
    os.symlink(f"{RELEASES}/{name}", link)
    fault_point("deploy-swap")
    target = web_root / CURRENT
    if target.exists() and not target.is_symlink():
        link.unlink()
        raise DeployRefused(
            f"{target} là một thư mục hay tệp thật, không phải liên kết của loa; hãy chuyển nó đi."
        )
    os.replace(link, target)


def prune_releases(web_root: Path, keep: int) -> list[str]:
    """Remove the oldest releases so that ``keep`` remain, never the current one; return the names removed."""
    current = current_release(web_root)
    names = list_releases(web_root)
    removed = []
    for name in names[: max(0, len(names) - keep)]:
        if name != current:
            shutil.rmtree(web_root / RELEASES / name, ignore_errors=True)
            removed.append(name)
    return removed


def read_state(web_root: Path) -> dict[str, Any]:
    """The last deploy's record (empty when none or unreadable)."""
    try:
        value = json.loads((web_root / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def write_state(web_root: Path, state: dict[str, Any]) -> None:
    """Replace ``state.json`` whole (a reader finds the old record or the new one)."""
    temporary = web_root / f".{STATE}.{os.getpid()}"
    temporary.write_text(json.dumps(state, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.chmod(temporary, 0o644)
    os.replace(temporary, web_root / STATE)


def next_release_name(web_root: Path, moment: dt.datetime, commit: str) -> str:
    """`release_name`, moved a second past the newest release if needed, so names sort in deploy order."""
    name = release_name(moment, commit)
    existing = list_releases(web_root)
    if existing and name[:16] <= existing[-1][:16]:
        newest = dt.datetime.strptime(existing[-1][:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
        name = release_name(newest + dt.timedelta(seconds=1), commit)
    return name
