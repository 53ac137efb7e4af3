"""A full or read-only output disk (a small tmpfs mounted for the test): a Vietnamese message, exit status 1, no
traceback, and the previous site exactly as it was."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.build.test_crash_safety import snapshot
from tests.conftest import BUILD_TIME, plan_text, run_loa

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs: room for one build of a small project (about 3 MB), not for a second beside it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _project(project) -> Path:
    return project({"plans/2022/a.md": plan_text()})


def _build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return run_loa("build", "--at", BUILD_TIME, "--site-dir", str(site), cwd=root)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _leave_room(disk: Path, room: int) -> None:
    """Fill the disk up to ``room`` free bytes: less than one more build, whatever the theme's assets weigh."""
    stat = os.statvfs(disk)
    (disk / "filler").write_bytes(b"\0" * max(stat.f_bavail * stat.f_frsize - room, 0))


def test_a_full_disk_keeps_the_previous_site(project, disk):
    root = _project(project)
    site = disk / "site"
    first = _build(root, site)
    assert first.returncode == 0, first.stderr
    before = snapshot(site)
    _leave_room(disk, _size(disk / os.readlink(site)) // 2)
    (root / "plans/2022/b.md").write_text(plan_text(number="13-KH/TU"), encoding="utf-8")
    result = _build(root, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert "ổ đĩa đã đầy" in result.stderr and "giữ nguyên" in result.stderr, result.stderr
    print(result.stderr)
    assert snapshot(site) == before
    # The unfinished build is gone: the disk has its room back.
    assert [p.name for p in (disk / ".site.releases").iterdir()] == [os.readlink(site).split("/", 1)[1]]


def test_a_read_only_disk_keeps_the_previous_site(project, disk):
    root = _project(project)
    site = disk / "site"
    assert _build(root, site).returncode == 0
    before = snapshot(site)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    result = _build(root, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert "ổ đĩa chỉ cho đọc" in result.stderr and "vẫn giữ nguyên" in result.stderr, result.stderr
    assert snapshot(site) == before
