"""The cache folder and its entries: what is refused before anything is read, on real files and real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from loa.core.loading.cache_trust import machine_key_path, open_cache
from loa.core.loading.content_cache import CacheStore, ContentCache


@pytest.fixture(autouse=True)
def _machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "machine"))


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / ".cache" / "loa").mkdir(parents=True)
    return root


def test_a_fresh_folder_is_marked_and_its_entries_verify(tmp_path, monkeypatch):
    root = _project(tmp_path)
    store, notices = open_cache(root, root / ".cache" / "loa")
    assert store is not None and notices == []
    assert machine_key_path().parent.is_relative_to(tmp_path / "machine")
    cache = ContentCache(store, "thử")
    assert cache.get("text", ["a"], lambda: "một") == "một"
    assert cache.get("text", ["a"], lambda: "hai") == "một"  # kept
    # An entry moved into another key's place does not verify there.
    (entry,) = (p for p in (root / ".cache" / "loa" / "v1" / "text").rglob("*") if p.is_file())
    other = store.folder / "text" / cache._name("text", ["b"])[:2] / cache._name("text", ["b"])
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_bytes(entry.read_bytes())
    assert cache.get("text", ["b"], lambda: "ba") == "ba" and store.rejected == 1
    # Reopened by the same machine: no notice; by another machine's key: emptied with a notice.
    assert open_cache(root, root / ".cache" / "loa")[1] == []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    store, notices = open_cache(root, root / ".cache" / "loa")
    assert store is not None and "không do máy này tạo" in notices[0]
    assert not entry.exists()


def test_a_cache_behind_a_symbolic_link_is_refused(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "loa").mkdir(parents=True)
    (root / ".cache").symlink_to(elsewhere)
    store, notices = open_cache(root, root / ".cache" / "loa")
    assert store is None and ".cache là liên kết tượng trưng" in notices[0]
    assert list((elsewhere / "loa").iterdir()) == []


def test_a_tracked_cache_is_refused_and_left_alone(tmp_path):
    root = _project(tmp_path)
    (root / ".cache" / "loa" / "x").write_text("đã lưu", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-f", ".cache"], cwd=root, check=True)
    store, notices = open_cache(root, root / ".cache" / "loa")
    assert store is None and "có tệp được lưu trong kho git (1 tệp, ví dụ .cache/loa/x)" in notices[0]
    assert sorted(p.name for p in (root / ".cache" / "loa").iterdir()) == ["x"]


def test_without_a_key_there_is_no_cache(tmp_path):
    root = _project(tmp_path)
    blocked = tmp_path / "machine"
    blocked.write_text("không phải thư mục", encoding="utf-8")  # the key's folder cannot be made
    store, notices = open_cache(root, root / ".cache" / "loa")
    assert store is None and "lần dựng này không dùng bộ nhớ đệm .cache/loa/" in notices[0]


def test_a_page_is_a_copy(tmp_path):
    store = CacheStore(tmp_path / "cache", b"k" * 32)
    cache = ContentCache(store, "")
    for name in ("a.html", "b.html"):
        cache.place(tmp_path / name, ["trang"], lambda: "<p>Trang</p>")
    (entry,) = (p for p in (tmp_path / "cache" / "page").rglob("*") if p.is_file())
    inodes = {(tmp_path / name).stat().st_ino for name in ("a.html", "b.html")} | {entry.stat().st_ino}
    assert len(inodes) == 3
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == "<p>Trang</p>"
