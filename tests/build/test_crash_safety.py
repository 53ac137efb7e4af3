"""Killed builds: the live site stays the old one or becomes the new one, byte for byte and inode for inode.

`loa build` is killed (SIGKILL, as the OOM killer or a power cut would) at the named points of
`loa.core.outputs.releases` (``LOA_FAULT_AT``) and at moments of its run, then followed by a failing build and a good one.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, REPO, base_files, plan_text, run_loa
from tests.unit.test_history import Repo

BROKEN = "---\ntype: Kế hoạch\n  title: x\n---\n"


def snapshot(site: Path) -> dict[str, tuple[object, ...]]:
    """Every file of the live site: digest, inode, links, size, mode, modification and change times.

    The links and the change time catch an inode shared with something a build touches (a cache file linked
    into the new build changes both on the live page).
    """
    result: dict[str, tuple[object, ...]] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            info = path.stat()
            result[path.relative_to(site).as_posix()] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                info.st_ino,
                info.st_nlink,
                info.st_size,
                info.st_mode,
                info.st_mtime_ns,
                info.st_ctime_ns,
            )
    return result


def _plan(i: int, text: str) -> str:
    return plan_text(
        f"Nội dung thử nghiệm thứ {i}.\n\n{text}\n",
        number=f"{i}-KH/TU",
        date="2021-05-09",
        publish_at="2021-05-10T09:00:00+07:00",
    )


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A project under git with two public revisions of each plan: revision pages, cache, search, feeds."""
    repo = Repo(tmp_path / "project")
    base = {**base_files(MINIMAL_MKDOCS)}
    plans = {f"plans/2021/k{i:02d}.md": _plan(i, "Bản đầu.") for i in range(1, 7)}
    repo.commit("2021-05-10T09:00:00+07:00", "Ban hành", {**base, **plans})
    repo.commit(
        "2021-06-01T09:00:00+07:00",
        "Sửa đổi",
        {f"plans/2021/k{i:02d}.md": _plan(i, "Bản sửa.") for i in range(1, 7)},
    )
    return repo


def _build(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run_loa("build", "--at", BUILD_TIME, cwd=root, env=env)


def _edit(root: Path, text: str) -> None:
    (root / "plans/2021/k01.md").write_text(_plan(1, text), encoding="utf-8")


def _assert_clean(root: Path) -> None:
    site = root / "site"
    assert site.is_symlink() and (site / ".loa-site").is_file()
    assert [p.name for p in (root / ".site.releases").iterdir()] == [os.readlink(site).split("/", 1)[1]]
    assert not list(root.glob(".site.link-*")) and not list(root.glob(".site.building-*"))


def _fail_then_repair(root: Path, live: dict[str, tuple[object, ...]]) -> None:
    """A failing build after the fault leaves ``live`` as it is; a good one then publishes and cleans up."""
    (root / "plans/2021/hong.md").write_text(BROKEN, encoding="utf-8")
    failed = _build(root)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr
    assert snapshot(root / "site") == live
    (root / "plans/2021/hong.md").unlink()
    _edit(root, "Bản sửa lần ba.")
    good = _build(root)
    assert good.returncode == 0, good.stderr
    assert "Bản sửa lần ba." in (root / "site/plans/2021/k01/index.html").read_text(encoding="utf-8")
    _assert_clean(root)


@pytest.mark.parametrize("point", ["staged", "swap"])
def test_killed_before_the_swap_keeps_the_old_site(repo, point):
    root = repo.root
    for _ in range(2):  # the second from the cache: its revision pages are the cache's, once linked from it
        assert _build(root).returncode == 0
    before = snapshot(root / "site")
    assert any("/phien-ban/" in name for name in before)
    _edit(root, "Bản sửa lần hai.")
    killed = _build(root, LOA_FAULT_AT=point)
    assert killed.returncode == -signal.SIGKILL
    assert snapshot(root / "site") == before
    _fail_then_repair(root, before)


def test_killed_after_the_swap_serves_the_new_site(repo):
    root = repo.root
    assert _build(root).returncode == 0
    _edit(root, "Bản sửa lần hai.")
    killed = _build(root, LOA_FAULT_AT="published")
    assert killed.returncode == -signal.SIGKILL
    assert "Bản sửa lần hai." in (root / "site/plans/2021/k01/index.html").read_text(encoding="utf-8")
    assert len(list((root / ".site.releases").iterdir())) == 2  # the old one is removed by the next build
    _fail_then_repair(root, snapshot(root / "site"))


def _session_alive(session: int) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == session:
                    return True
            except OSError:
                continue
    return False


@pytest.mark.parametrize("fraction", [0.4, 0.8])
def test_killed_at_any_moment_changes_nothing_of_the_live_site(repo, fraction):
    # Only the build itself is killed: its children (history, search) live on and must not touch the live site.
    root = repo.root
    start = time.monotonic()
    assert _build(root).returncode == 0
    duration = time.monotonic() - start
    assert _build(root).returncode == 0  # the cache is warm: revision pages come from it
    before = snapshot(root / "site")
    _edit(root, "Bản sửa lần hai.")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "loa.cli", "build", "--at", BUILD_TIME],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(duration * fraction)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 60
    while _session_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    after = snapshot(root / "site")
    if "Bản sửa lần hai." in (root / "site/plans/2021/k01/index.html").read_text(encoding="utf-8"):
        assert (root / "site/.loa-site").is_file()  # finished just before the kill: the new site, whole
    else:
        assert after == before
    _fail_then_repair(root, after)


def test_killed_while_writing_pages_keeps_the_old_site(project):
    body = (
        (REPO / "plans/2021/ke-hoach-tuyen-truyen-hoi-nghi-trung-uong-4-khoa-xiii.md")
        .read_text(encoding="utf-8")
        .split("---\n", 2)[2]
    )
    root = project({"plans/2022/a.md": plan_text(number="999-KH/TU")})
    assert _build(root).returncode == 0
    before = snapshot(root / "site")
    for i in range(1, 151):
        (root / f"plans/2022/k{i:03d}.md").write_text(
            plan_text(body=body, number=f"{i}-KH/TU"), encoding="utf-8"
        )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "loa.cli", "build", "--at", BUILD_TIME],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    # Kill once MkDocs has started writing pages into the new release.
    while time.monotonic() < deadline and not list(root.glob(".site.releases/*/plans/2022/k*/index.html")):
        assert process.poll() is None, "build finished before it could be killed; make the corpus larger"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(root / "site") == before
    assert _build(root).returncode == 0
    assert (root / "site/plans/2022/k150/index.html").is_file()
    _assert_clean(root)


def _plain_site(root: Path) -> dict[str, tuple[object, ...]]:
    """Turn the built site into a plain folder, as Loa wrote it before releases (no marker)."""
    site = root / "site"
    release = site.resolve()
    site.unlink()
    release.rename(site)
    (site / ".loa-site").unlink()
    (root / ".site.releases").rmdir()
    return snapshot(site)


def test_a_plain_site_folder_is_exchanged_for_the_link_at_once(repo):
    root = repo.root
    assert _build(root).returncode == 0
    before = _plain_site(root)
    killed = _build(root, LOA_FAULT_AT="swap")
    assert killed.returncode == -signal.SIGKILL
    assert not (root / "site").is_symlink() and snapshot(root / "site") == before
    _edit(root, "Bản sửa lần hai.")
    assert _build(root).returncode == 0
    _assert_clean(root)


def test_without_rename_exchange_a_build_stopped_between_the_renames_is_undone(repo):
    # Some file systems lack RENAME_EXCHANGE: the plain folder is renamed away, then the link put in its place.
    root = repo.root
    assert _build(root).returncode == 0
    before = _plain_site(root)
    (root / ".site.releases").mkdir()
    (root / ".site.releases" / "new").mkdir()
    script = (
        "import os, sys\nfrom pathlib import Path\nimport loa.core.outputs.releases as r\n"
        "def refuse(a, b): raise OSError(22, 'no exchange')\n"
        "r._exchange = refuse\n"
        "r.publish_release(Path(sys.argv[1]), Path(sys.argv[2]), edition='public')\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script, str(root / ".site.releases/new"), str(root / "site")],
        env={**os.environ, "LOA_FAULT_AT": "migrate"},
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    assert not os.path.lexists(root / "site")  # the window the next build repairs
    (root / "plans/2021/hong.md").write_text(BROKEN, encoding="utf-8")
    assert _build(root).returncode == 1
    assert snapshot(root / "site") == before
    (root / "plans/2021/hong.md").unlink()
    assert _build(root).returncode == 0
    _assert_clean(root)
