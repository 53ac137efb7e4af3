"""Faults in the cache and in the repository: the build's output is always what a build without a cache gives.

A real throwaway git repository with fixed dates (a plan with three public revisions, an article with two). Each
test copies it, damages the cache or a git object the way a crash, an editor or an attacker would, builds for real
and compares every file of the site byte for byte with a clean build without cache, except what the fault must
change. No site file may share an inode with a cache file, and a crafted pickle planted anywhere in the cache must
never run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build.test_history_trust import _article
from tests.cli.test_check_diagnostics import CHANNELS
from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, base_files, plan_text, run_loa
from tests.unit.test_history import Repo

PLAN = "plans/2021/ke-hoach.md"


def _plan(body: str, **fields: object) -> str:
    return plan_text(body, **{"date": "2021-05-09", "publish_at": "2021-05-10T09:00:00+07:00", **fields})


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("faults") / "project")
    base = {**base_files(MINIMAL_MKDOCS), "data/channels.yml": CHANNELS, ".gitignore": "/site/\n/.cache/\n"}
    repo.commit("2021-04-01T08:00:00+07:00", "Dựng trang", base)
    repo.commit(
        "2021-05-10T09:00:00+07:00",
        "Ban hành",
        {
            PLAN: _plan("Văn bản gốc, xem [tin](../../tin-bai/tin.md).\n"),
            "content/tin-bai/tin.md": _article(),
        },
    )
    repo.commit("2021-06-01T08:00:00+07:00", "Sửa lần một", {PLAN: _plan("Văn bản sửa lần một.\n")})
    repo.commit(
        "2021-07-01T08:00:00+07:00",
        "Sửa lần hai",
        {
            PLAN: _plan("Văn bản sửa lần hai.\n", title="về việc thử nghiệm (sửa đổi)"),
            "content/tin-bai/tin.md": _article("Nội dung tin đã sửa.\n"),
        },
    )
    return repo


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(
    root: Path, site: Path, key_home: Path, *options: str, cache: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {"XDG_CACHE_HOME": str(key_home), "LOA_CACHE": "1" if cache else "0"}
    return run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, *options, cwd=root, env=env)


def _copy(source: Repo, target: Path) -> Path:
    shutil.copytree(source.root, target, symlinks=True)
    return target


def _entries(root: Path) -> list[Path]:
    return sorted(
        p for p in (root / ".cache" / "loa" / "v1").rglob("*") if p.is_file() and p.name != "origin"
    )


def _assert_no_shared_inode(site: Path, root: Path) -> None:
    cached = {(s.st_dev, s.st_ino) for p in (root / ".cache").rglob("*") if p.is_file() and (s := p.stat())}
    shared = [p for p in site.rglob("*") if p.is_file() and (p.stat().st_dev, p.stat().st_ino) in cached]
    assert shared == []


@pytest.fixture(scope="module")
def reference(source: Repo, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every file of a clean build without cache."""
    work = tmp_path_factory.mktemp("reference")
    root = _copy(source, work / "project")
    result = _build(root, work / "site", work / "keys", cache=False)
    assert result.returncode == 0, result.stderr
    files = _files(work / "site")
    assert sum("phien-ban/" in name for name in files) == 6  # 3 + 2 revisions, and the home page's one
    return files


@pytest.fixture
def warm(source: Repo, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the project whose cache a first build filled; and the folder of this machine's key."""
    root = _copy(source, tmp_path / "project")
    keys = tmp_path / "keys"
    result = _build(root, tmp_path / "first", keys)
    assert result.returncode == 0, result.stderr
    assert "CẢNH BÁO" not in result.stderr
    assert len(_entries(root)) > 10
    return root, keys


def test_a_warm_cache_gives_the_clean_build_and_the_site_shares_no_inode_with_it(warm, reference, tmp_path):
    root, keys = warm
    assert _files(tmp_path / "first") == reference
    result = _build(root, tmp_path / "again", keys)
    assert result.returncode == 0, result.stderr
    assert "CẢNH BÁO" not in result.stderr
    assert _files(tmp_path / "again") == reference
    _assert_no_shared_inode(tmp_path / "again", root)
    # Writing into the cache changes nothing that is served.
    for entry in _entries(root):
        entry.write_bytes(b"<script>alert(1)</script>")
    assert _files(tmp_path / "again") == reference
    key = keys / "loa" / "machine-key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _garble(data: bytes) -> bytes:
    middle = len(data) * 3 // 4
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


def _unsigned(data: bytes) -> bytes:
    return data.partition(b"\n")[2]


def _forged(data: bytes) -> bytes:
    # A well-formed header that no key of this machine made.
    return (
        b"loa-cache-1 " + b"0" * 64 + b"\n" + data.partition(b"\n")[2].replace("Văn bản".encode(), b"FORGED")
    )


FAULTS = {
    "truncated": _truncate,
    "emptied": lambda data: b"",
    "garbled": _garble,
    "unsigned": _unsigned,
    "forged": _forged,
}


def test_damaged_entries_are_rebuilt_and_replaced(warm, reference, tmp_path):
    root, keys = warm
    entries = _entries(root)
    # Every entry damaged, each kind of damage on a share of them (pages, texts, diffs, links, front matter).
    faults = [FAULTS[name] for name in sorted(FAULTS)]
    damaged = {entry: faults[index % len(faults)](entry.read_bytes()) for index, entry in enumerate(entries)}
    assert {entry.parts[-3] for entry in entries} == {
        "page",
        "text",
        "diff",
        "links",
        "front-matter",
        "verdicts",
    }
    for entry, data in damaged.items():
        entry.write_bytes(data)
    result = _build(root, tmp_path / "site", keys)
    assert result.returncode == 0, result.stderr
    assert f"CẢNH BÁO: {len(entries)} mục trong bộ nhớ đệm .cache/loa/ bị hỏng" in result.stderr
    assert _files(tmp_path / "site") == reference
    _assert_no_shared_inode(tmp_path / "site", root)
    # Each bad file was replaced by a good one: the next build verifies every entry.
    assert all(entry.read_bytes() != data for entry, data in damaged.items())
    again = _build(root, tmp_path / "again", keys)
    assert again.returncode == 0 and "CẢNH BÁO" not in again.stderr, again.stderr
    assert _files(tmp_path / "again") == reference


def _pickle_payload(sentinel: Path) -> bytes:
    """A pickle that creates ``sentinel`` when loaded (written by hand: Loa has no pickle to make one)."""
    code = f"open({str(sentinel)!r}, 'w').write('ran')"
    return b"cbuiltins\nexec\n(S" + repr(code).encode() + b"\ntR."


def test_the_pickle_payload_is_live(tmp_path):
    sentinel = tmp_path / "ran"
    subprocess.run(
        [sys.executable, "-c", "import pickle, sys; pickle.loads(sys.stdin.buffer.read())"],
        input=_pickle_payload(sentinel),
        check=True,
    )
    assert sentinel.exists()


def test_a_crafted_pickle_anywhere_in_the_cache_runs_nothing(warm, reference, tmp_path):
    root, keys = warm
    sentinel = tmp_path / "ran"
    payload = _pickle_payload(sentinel)
    cache = root / ".cache" / "loa"
    # Where Loa used to read its pickled front matter (named by a digest of the parser's code), and in place of
    # every entry, signed or not.
    import loa.core.safety.frontmatter

    code = hashlib.sha256(Path(loa.core.safety.frontmatter.__file__).read_bytes()).hexdigest()[:16]
    for name in (f"front-matter-{code}.pickle", "front-matter-0123456789abcdef.pickle"):
        (cache / name).write_bytes(payload)
    for entry in _entries(root):
        header = entry.read_bytes().partition(b"\n")[0]
        entry.write_bytes(header + b"\n" + payload)
    result = _build(root, tmp_path / "site", keys)
    assert result.returncode == 0, result.stderr
    assert not sentinel.exists()
    assert _files(tmp_path / "site") == reference
    _assert_no_shared_inode(tmp_path / "site", root)
    assert not list(cache.glob("*.pickle"))  # the old format is removed, never read


def _commit_all(root: Path, message: str) -> None:
    repo = Repo.__new__(Repo)
    repo.root = root
    repo.git("add", "-f", ".cache")
    repo.git("commit", "-q", "-m", message, when="2021-08-01T08:00:00+07:00")


def test_a_cache_committed_to_the_repository_is_never_used_in_a_fresh_clone(warm, reference, tmp_path):
    root, keys = warm
    sentinel = tmp_path / "ran"
    (root / ".cache" / "loa" / "front-matter-0123456789abcdef.pickle").write_bytes(_pickle_payload(sentinel))
    for entry in _entries(root):  # entries this very machine signed, now carried by the repository
        entry.write_bytes(entry.read_bytes().replace("Văn bản".encode(), b"FORGED"))
    _commit_all(root, "Thêm bộ nhớ đệm")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    tracked = subprocess.run(
        ["git", "ls-files", ".cache"], cwd=clone, capture_output=True, text=True, check=True
    ).stdout
    assert tracked.strip()
    # Even on the machine whose key signed them, a tracked cache is not used at all: neither read nor rewritten.
    result = _build(clone, tmp_path / "site", keys)
    assert result.returncode == 0, result.stderr
    assert "bộ nhớ đệm .cache/loa/ có tệp được lưu trong kho git" in result.stderr
    assert not sentinel.exists()
    site = _files(tmp_path / "site")
    assert b"FORGED" not in b"".join(site.values())
    # The clone's history has one more commit (the cache), which touches no document: the same site.
    assert site == reference
    _assert_no_shared_inode(tmp_path / "site", clone)
    # The tracked files are left as they are: the build neither read nor wrote them.
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored", ".cache"],
        cwd=clone,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert status == ""


def test_a_cache_from_another_machine_is_discarded_and_started_afresh(warm, reference, tmp_path):
    root, _ = warm
    for entry in _entries(root):
        entry.write_bytes(entry.read_bytes().replace("Văn bản".encode(), b"FORGED"))
    other_machine = tmp_path / "other-keys"
    result = _build(root, tmp_path / "site", other_machine)
    assert result.returncode == 0, result.stderr
    assert "bộ nhớ đệm .cache/loa/ không do máy này tạo" in result.stderr
    assert _files(tmp_path / "site") == reference
    _assert_no_shared_inode(tmp_path / "site", root)
    assert all(b"FORGED" not in entry.read_bytes() for entry in _entries(root))
    again = _build(root, tmp_path / "again", other_machine)
    assert again.returncode == 0 and "CẢNH BÁO" not in again.stderr, again.stderr


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_a_cache_owned_by_another_user_is_not_used(warm, reference, tmp_path):
    root, keys = warm
    os.chown(root / ".cache" / "loa", 65534, 65534)
    result = _build(root, tmp_path / "site", keys)
    assert result.returncode == 0, result.stderr
    assert ".cache/loa thuộc về người dùng khác (uid 65534)" in result.stderr
    assert _files(tmp_path / "site") == reference
    os.chown(root / ".cache" / "loa", 0, 0)
    entry = next(e for e in _entries(root) if e.parts[-3] == "page")  # read by every build
    os.chown(entry, 65534, 65534)
    result = _build(root, tmp_path / "again", keys)
    assert "1 mục trong bộ nhớ đệm .cache/loa/ bị hỏng" in result.stderr
    assert _files(tmp_path / "again") == reference
    _assert_no_shared_inode(tmp_path / "again", root)
    assert entry.stat().st_uid == 0  # replaced


def _object_file(root: Path, name: str) -> Path:
    sha = subprocess.run(
        ["git", "rev-parse", name], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    path = root / ".git" / "objects" / sha[:2] / sha[2:]
    assert path.exists(), "the test repository keeps loose objects"
    return path


def _truncate_file(path: Path) -> None:
    path.chmod(0o644)
    path.write_bytes(_truncate(path.read_bytes()))


@pytest.mark.parametrize("damage", ["truncated", "removed"])
def test_a_corrupt_blob_marks_the_history_of_its_document_unavailable(source, reference, tmp_path, damage):
    root = _copy(source, tmp_path / "project")
    blob = _object_file(root, f"HEAD~1:{PLAN}")
    _truncate_file(blob) if damage == "truncated" else blob.unlink()
    result = _build(root, tmp_path / "site", tmp_path / "keys")
    assert result.returncode == 0, result.stderr
    assert f"{PLAN}: kho git có bản lưu của văn bản này không đọc được" in result.stderr
    site = _files(tmp_path / "site")
    page = site["plans/2021/ke-hoach/index.html"].decode()
    assert "Lịch sử thay đổi không có trong bản dựng này." in page
    assert not any(name.startswith("plans/2021/ke-hoach/phien-ban/") for name in site)
    # Everything else, the article's history included, is as in a sound repository.
    unchanged = {name: data for name, data in reference.items() if not name.startswith("plans/2021/ke-hoach")}
    assert {
        name: data for name, data in site.items() if not name.startswith("plans/2021/ke-hoach")
    } == unchanged
    assert "tin-bai/tin/phien-ban/" in "".join(site)


def test_a_corrupt_commit_makes_history_unavailable_with_a_notice(source, tmp_path):
    root = _copy(source, tmp_path / "project")
    _truncate_file(_object_file(root, "HEAD~1"))
    result = _build(root, tmp_path / "site", tmp_path / "keys")
    assert result.returncode == 0, result.stderr
    assert "không đọc được lịch sử thay đổi từ kho git" in result.stderr
    assert "Lịch sử thay đổi không có trong bản dựng này." in (
        tmp_path / "site" / "plans/2021/ke-hoach/index.html"
    ).read_text(encoding="utf-8")
    assert not list((tmp_path / "site").rglob("phien-ban"))
