"""Loa replaces only an output folder it made itself; every other target is refused before anything is written."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BUILD_TIME, plan_text, run_loa


def tree(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` (the project's .git included), with the files' digests."""
    result = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            result[name] = "-> " + str(path.readlink())
        elif path.is_file():
            result[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            result[name] = "/"
    return result


@pytest.fixture
def root(project) -> Path:
    root = project({"plans/2022/a.md": plan_text(), "theme/main.html": '{% extends "base.html" %}\n'})
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    (root / "ghi-chu.txt").write_text("ghi chú của biên tập viên\n", encoding="utf-8")
    (root / "khac").mkdir()
    (root / "khac" / "tai-lieu.txt").write_text("không phải trang đã dựng\n", encoding="utf-8")
    return root


def _refused(root: Path, *args: str, says: str, outside: Path | None = None) -> None:
    watched = outside or root
    before = tree(watched)
    result = run_loa(*args, cwd=root)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert says in result.stderr, result.stderr
    assert tree(watched) == before


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        (".", "đây là thư mục dự án hoặc một thư mục chứa nó"),
        ("plans/..", "đây là thư mục dự án hoặc một thư mục chứa nó"),
        ("content", "nơi chứa nguồn của trang"),
        ("content/anh", "nơi chứa nguồn của trang"),
        ("plans", "nơi chứa nguồn của trang"),
        ("plans/2022", "nơi chứa nguồn của trang"),
        ("data", "nơi chứa nguồn của trang"),
        ("theme", "nơi chứa nguồn của trang"),
        (".git", "nơi chứa nguồn của trang"),
        (".git/objects", "nơi chứa nguồn của trang"),
        ("khac", "không trống và không có tệp đánh dấu .loa-site"),
        ("ghi-chu.txt", "đây là một tệp, không phải thư mục"),
    ],
)
def test_build_refuses_a_folder_it_did_not_make(root, site_dir, says):
    _refused(root, "build", "--at", BUILD_TIME, "--site-dir", site_dir, says=says)


def test_build_refuses_an_ancestor_of_the_project(root):
    # The project's parent holds the project: refused before anything is written there either.
    _refused(
        root,
        "build",
        "--at",
        BUILD_TIME,
        "--site-dir",
        "..",
        says="đây là thư mục dự án hoặc một thư mục chứa",
        outside=root.parent,
    )


def test_build_refuses_a_link_it_did_not_make_and_a_folder_inside_a_site(root):
    (root / "site").symlink_to("khac")
    _refused(root, "build", "--at", BUILD_TIME, says="liên kết tượng trưng không do loa tạo")
    (root / "site").unlink()
    assert run_loa("build", "--at", BUILD_TIME, cwd=root).returncode == 0
    _refused(root, "build", "--at", BUILD_TIME, "--site-dir", "site/con", says="nằm trong trang đã dựng")
    _refused(
        root, "build", "--at", BUILD_TIME, "--site-dir", ".site.releases/x", says="nơi loa giữ các bản dựng"
    )


@pytest.mark.parametrize("state", ["missing", "empty", "earlier-loa"])
def test_build_takes_a_missing_or_empty_folder_or_a_site_of_an_earlier_loa(root, state):
    site = root / "ra"
    if state != "missing":
        site.mkdir()
    if state == "earlier-loa":
        (site / ".nginx").mkdir()
        (site / ".nginx" / "csp.conf").write_text(
            "# Written by Loa at build time from the site's inline scripts; do not edit.\n", encoding="utf-8"
        )
        (site / "index.html").write_text("trang cũ", encoding="utf-8")
    result = run_loa("build", "--at", BUILD_TIME, "--site-dir", "ra", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (
        site.is_symlink()
        and (site / ".loa-site").read_text(encoding="utf-8") == "loa-site 1\ntarget=public\n"
    )
    assert "Trang chủ thử nghiệm" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("output", "says"),
    [
        ("mkdocs.yml", "không phải tệp zip do loa ghi"),
        ("ghi-chu.txt", "không phải tệp zip do loa ghi"),
        ("khac", "đây là một thư mục"),
        ("content/ban.zip", "nơi chứa nguồn của trang"),
        ("plans/ban.zip", "nơi chứa nguồn của trang"),
    ],
)
def test_bundle_refuses_to_overwrite_what_it_did_not_write(root, output, says):
    _refused(root, "bundle", "--at", BUILD_TIME, "-o", output, says=says)


def test_nginx_refuses_to_overwrite_another_file(root):
    assert run_loa("build", "--at", BUILD_TIME, cwd=root).returncode == 0
    _refused(root, "nginx", "-o", "ghi-chu.txt", says="không phải cấu hình nginx do loa ghi")
    written = run_loa("nginx", "-o", "nginx.conf", cwd=root)
    assert written.returncode == 0
    # pytest's folders are private: a packaged nginx (www-data) would answer 403, and the operator is told.
    assert "người dùng khác (nginx chạy bằng www-data) không đọc được" in written.stderr
    assert run_loa("nginx", "-o", "nginx.conf", cwd=root).returncode == 0  # its own file: rewritten
    assert "root " + str(root / "site") + ";" in (root / "nginx.conf").read_text(encoding="utf-8")


def test_schema_refuses_to_overwrite_another_file(root):
    _refused(root, "schema", "-o", "mkdocs.yml", says="không phải tệp JSON Schema do loa ghi")
    for _ in range(2):  # a schema it wrote is rewritten
        assert run_loa("schema", "-o", "plan.schema.json", cwd=root).returncode == 0
    assert (root / "plan.schema.json").read_text(encoding="utf-8").startswith("{")


def test_a_committed_releases_link_never_lets_the_build_delete_what_it_points_at(root, tmp_path):
    victim = tmp_path / "nan-nhan"
    (victim / "quan-trong").mkdir(parents=True)
    (victim / "quan-trong" / "tep.txt").write_text("đừng xoá\n", encoding="utf-8")
    (root / ".site.releases").symlink_to(victim)
    _refused(
        root,
        "build",
        "--at",
        BUILD_TIME,
        says="là một liên kết tượng trưng, không do loa tạo",
        outside=victim,
    )
    assert not (root / "site").exists()


def test_a_committed_lock_link_is_neither_followed_nor_truncated(root, tmp_path):
    precious = tmp_path / "authorized_keys"
    precious.write_text("ssh-ed25519 AAAA khoa-cua-may\n", encoding="utf-8")
    (root / ".site.lock").symlink_to(precious)
    _refused(root, "build", "--at", BUILD_TIME, says="tệp khóa", outside=tmp_path)
    assert precious.read_text(encoding="utf-8") == "ssh-ed25519 AAAA khoa-cua-may\n"


def test_a_fifo_in_place_of_the_lock_is_refused_without_hanging(root):
    import os

    os.mkfifo(root / ".site.lock")
    _refused(root, "build", "--at", BUILD_TIME, says="tệp khóa")


def test_a_site_folder_tracked_by_git_is_refused(root):
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<p>trang cũ</p>\n", encoding="utf-8")
    (root / "site" / ".loa-site").write_text("loa-site 1\ntarget=public\n", encoding="utf-8")
    subprocess.run(["git", "add", "-f", "site"], cwd=root, check=True)
    _refused(root, "build", "--at", BUILD_TIME, says="có tệp được lưu trong kho git")
