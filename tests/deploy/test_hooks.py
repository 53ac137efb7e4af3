"""Push to publish: a real bare repository with the hooks `loa hook install` writes, pushed to by real git."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import run_loa
from tests.deploy.conftest import commit, git, plan, push

GOOD = "plans/2022/ke-hoach-a.md"


def server(git_project: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path, Path]:
    """A project pushed (by an operator) to a bare repository with the hooks installed; returns (work, bare, web)."""
    work = git_project({GOOD: plan("1-KH/TU", "về kế hoạch thứ nhất")})
    bare, web = tmp_path / "site.git", tmp_path / "web"
    git("init", "-q", "--bare", "-b", "main", str(bare), cwd=tmp_path)
    result = run_loa(
        "hook", "install", str(bare), "--web-root", str(web), "--operator", "van-hanh", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    git("remote", "add", "origin", str(bare), cwd=work)
    pushed = push(work, "origin", "main", pusher="van-hanh")
    assert pushed.returncode == 0, pushed.stderr
    return work, bare, web


def test_push_checks_then_deploys(git_project: Callable[..., Path], tmp_path: Path) -> None:
    work, bare, web = server(git_project, tmp_path)
    assert (web / "current" / "plans" / "2022" / "ke-hoach-a" / "index.html").is_file()
    deployed = os.readlink(web / "current")

    broken = "plans/2022/ke-hoach-loi.md"
    commit(work, {broken: plan("2-KH/TU", "về kế hoạch lỗi", issuer="khong-co-don-vi")})
    refused = push(work, "origin", "main", pusher="bien-tap")
    assert refused.returncode != 0
    # The diagnostic reaches the pusher, in Vietnamese, with the file and line.
    assert f"remote: LỖI: {broken}:" in refused.stderr, refused.stderr
    assert "Không nhận lần đẩy lên nhánh main" in refused.stderr
    assert git("rev-parse", "main", cwd=bare).stdout != git("rev-parse", "HEAD", cwd=work).stdout
    assert os.readlink(web / "current") == deployed

    git("reset", "-q", "--hard", "HEAD~1", cwd=work)
    good = "plans/2022/ke-hoach-b.md"
    commit(work, {good: plan("2-KH/TU", "về kế hoạch thứ hai")})
    accepted = push(work, "origin", "main", pusher="bien-tap")
    assert accepted.returncode == 0, accepted.stderr
    assert "Đã triển khai bản" in accepted.stderr
    assert (web / "current" / "plans" / "2022" / "ke-hoach-b" / "index.html").is_file()
    assert os.readlink(web / "current") != deployed


def test_editors_change_only_their_folders(git_project: Callable[..., Path], tmp_path: Path) -> None:
    work, bare, web = server(git_project, tmp_path)
    tip = git("rev-parse", "main", cwd=bare).stdout
    config = (work / "mkdocs.yml").read_text(encoding="utf-8")
    cases = {
        "mkdocs.yml": config + "hooks:\n  - content/x.py\n",
        "theme/main.html": "{% extends 'base.html' %}\n",
        ".gitignore": "\n",
    }
    for name, text in cases.items():
        commit(work, {name: text})
        refused = push(work, "origin", "main", pusher="bien-tap")
        assert refused.returncode != 0, name
        assert "không phải người vận hành" in refused.stderr and name in refused.stderr, refused.stderr
        if name == "mkdocs.yml":
            assert "'hooks:'" in refused.stderr
        git("reset", "-q", "--hard", "HEAD~1", cwd=work)
    # A change made and undone within one push is refused as well: the history is published too.
    commit(work, {"theme/main.html": "x\n"})
    git("rm", "-q", "theme/main.html", cwd=work)
    git("commit", "-q", "-m", "Bỏ", cwd=work)
    assert push(work, "origin", "main", pusher="bien-tap").returncode != 0
    # Nobody named is an editor, never an operator.
    assert push(work, "origin", "main").returncode != 0
    assert git("rev-parse", "main", cwd=bare).stdout == tip
    # The operator may, and the push is deployed.
    assert push(work, "origin", "main", pusher="van-hanh").returncode == 0
    head = git("rev-parse", "HEAD", cwd=work).stdout.strip()
    assert json.loads((web / "state.json").read_text(encoding="utf-8"))["commit"] == head
    # A rename out of the theme into content/ names the theme file too.
    commit(work, {"theme/main.html": "x\n"}, "Thêm giao diện")
    assert push(work, "origin", "main", pusher="van-hanh").returncode == 0
    git("mv", "theme/main.html", "content/main.html", cwd=work)
    git("commit", "-q", "-m", "Chuyển", cwd=work)
    moved = push(work, "origin", "main", pusher="bien-tap")
    assert moved.returncode != 0 and "theme/main.html" in moved.stderr, moved.stderr


def test_publishing_branch_is_never_rewritten_or_deleted(
    git_project: Callable[..., Path], tmp_path: Path
) -> None:
    work, bare, _ = server(git_project, tmp_path)
    commit(work, {"plans/2022/ke-hoach-b.md": plan("2-KH/TU", "về kế hoạch thứ hai")})
    assert push(work, "origin", "main", pusher="van-hanh").returncode == 0
    tip = git("rev-parse", "main", cwd=bare).stdout
    git("reset", "-q", "--hard", "HEAD~1", cwd=work)
    forced = push(work, "--force", "origin", "main", pusher="van-hanh")
    assert forced.returncode != 0 and "force-push" in forced.stderr
    deleted = push(work, "origin", ":main", pusher="van-hanh")
    assert deleted.returncode != 0 and "không được xoá nhánh đăng" in deleted.stderr
    assert git("rev-parse", "main", cwd=bare).stdout == tip


def test_hooks_never_run_code_from_the_push(git_project: Callable[..., Path], tmp_path: Path) -> None:
    work, bare, web = server(git_project, tmp_path)
    hook = (bare / "hooks" / "pre-receive").read_text(encoding="utf-8")
    assert hook.startswith(f"#!{sys.executable} -I\n")
    marker = tmp_path / "ran-pushed-code"
    payload = f"open({str(marker)!r}, 'w').close()\n"
    # Even an operator's push: a loa package and site hooks at the top of the tree are never imported.
    commit(work, {"loa/__init__.py": payload, "loa/cli/__init__.py": payload, "sitecustomize.py": payload})
    pushed = push(work, "origin", "main", pusher="van-hanh")
    assert pushed.returncode == 0, pushed.stderr
    assert "Đã triển khai bản" in pushed.stderr
    assert not marker.exists()
    assert (
        json.loads((web / "state.json").read_text(encoding="utf-8"))["commit"]
        == git("rev-parse", "HEAD", cwd=work).stdout.strip()
    )
