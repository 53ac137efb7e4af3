"""What a security review of push-to-publish found, each reproduced and refused: refs that shadow the publishing
branch, a branch created by an editor, a timer deploying a branch nobody checks, a commit git cannot date, a
rollback to a folder that is no release, and a strict check stricter than the build."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import run_loa
from tests.deploy.conftest import GIT_ENV, commit, git, plan, push
from tests.deploy.test_hooks import server


def _danger(work: Path) -> str:
    config = (work / "mkdocs.yml").read_text(encoding="utf-8")
    return commit(
        work, {"mkdocs.yml": config + "hooks:\n  - theme/pwn.py\n", "theme/pwn.py": "open('PWNED', 'w')\n"}
    )


def test_a_ref_named_like_the_branch_is_refused_and_never_deployed(
    git_project: Callable[..., Path], tmp_path: Path
) -> None:
    work, bare, web = server(git_project, tmp_path)
    git("checkout", "-q", "-b", "evil", cwd=work)
    _danger(work)
    for ref in ("refs/tags/main", "refs/main"):
        refused = push(work, "origin", f"evil:{ref}")
        assert refused.returncode != 0, ref
        assert "trùng nhánh đăng main" in refused.stderr
    # Editors push branches only; a tag of any name is an operator's act.
    tagged = push(work, "origin", "evil:refs/tags/ban-thu", pusher="bien-tap")
    assert tagged.returncode != 0 and "chỉ người vận hành được đẩy 'refs/tags/ban-thu'" in tagged.stderr
    # Even when such a ref exists (an operator made it), the timer builds refs/heads/main only.
    git("fetch", "-q", str(work), "evil:refs/heads/other", cwd=bare)
    git("update-ref", "refs/tags/main", git("rev-parse", "evil", cwd=work).stdout.strip(), cwd=bare)
    run_loa("deploy", "--repo", str(bare), "--web-root", str(web), "--when-due", cwd=tmp_path)
    assert not any(p.name == "PWNED" for p in tmp_path.rglob("PWNED"))
    current = os.readlink(web / "current")
    assert current.endswith(git("rev-parse", "--short=7", "refs/heads/main", cwd=bare).stdout.strip()), (
        current
    )


def test_an_editor_cannot_create_the_publishing_branch(
    git_project: Callable[..., Path], tmp_path: Path
) -> None:
    work = git_project()
    bare, web = tmp_path / "site.git", tmp_path / "web"
    git("init", "-q", "--bare", "-b", "main", str(bare), cwd=tmp_path)
    assert run_loa("hook", "install", str(bare), "--web-root", str(web), cwd=tmp_path).returncode == 0
    git("remote", "add", "origin", str(bare), cwd=work)
    _danger(work)
    assert (
        push(work, "origin", "main:refs/heads/x", pusher="bien-tap").returncode == 0
    )  # a side branch is fine
    created = push(work, "origin", "main", pusher="bien-tap")
    assert created.returncode != 0 and "chỉ người vận hành được tạo nhánh đăng main" in created.stderr
    assert not (web / "current").exists()


def test_the_timer_deploys_only_the_branch_the_hooks_check(
    git_project: Callable[..., Path], tmp_path: Path
) -> None:
    _work, bare, web = server(git_project, tmp_path)
    result = run_loa("deploy", "--repo", str(bare), "--web-root", str(web), "--branch", "other", cwd=tmp_path)
    assert result.returncode == 1
    assert "chỉ kiểm tra nhánh 'main' khi nhận" in result.stderr


def test_a_rollback_goes_only_to_a_release(git_project: Callable[..., Path], tmp_path: Path) -> None:
    _work, _bare, web = server(git_project, tmp_path)
    before = os.readlink(web / "current")
    for target in ("../work", "../../etc", "."):
        refused = run_loa("rollback", "--web-root", str(web), "--to", target, cwd=tmp_path)
        assert refused.returncode != 0 and "Không có bản" in refused.stderr, target
    assert os.readlink(web / "current") == before


def test_a_commit_git_cannot_date_neither_enters_nor_stops_the_builds(
    git_project: Callable[..., Path], tmp_path: Path
) -> None:
    work, _bare, web = server(git_project, tmp_path)
    (work / "plans/2022/ke-hoach-a.md").write_text(
        plan("1-KH/TU", "về kế hoạch thứ nhất", body="Nội dung đã sửa.\n"), encoding="utf-8"
    )
    git("add", "-A", cwd=work)
    tree = git("write-tree", cwd=work).stdout.strip()
    parent = git("rev-parse", "HEAD", cwd=work).stdout.strip()
    raw = f"tree {tree}\nparent {parent}\nauthor A <a@b> 1600000000 +9999\ncommitter A <a@b> 1600000000 +9999\n\nx\n"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, **GIT_ENV}
    bad = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin"],
        cwd=work,
        input=raw,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    git("update-ref", "refs/heads/main", bad, cwd=work)
    before = os.readlink(web / "current")
    # git's own fsck takes the offset; the push is checked and deployed, the history marks the commit instead.
    accepted = push(work, "origin", "main", pusher="bien-tap")
    assert accepted.returncode == 0, accepted.stderr
    assert "Traceback" not in accepted.stderr and "Đã triển khai bản" in accepted.stderr
    assert os.readlink(web / "current") != before
    # And were it in a repository's history already, the history reader marks it instead of crashing.
    from loa.core.history.git import read_history

    notices: list[str] = []
    history = read_history(work, notices=notices)
    assert history is not None and any("ngày giờ không đọc được" in n for n in notices)


def test_the_strict_check_honours_the_configured_citation_levels(git_project: Callable[..., Path]) -> None:
    from tests.conftest import MINIMAL_MKDOCS, plan_text

    body = "Thực hiện Quy định số 60-QĐ/TU của Ban Thường vụ, Thị ủy xây dựng kế hoạch.\n"
    quiet = MINIMAL_MKDOCS.replace("  - loa\n", "  - loa:\n      xref:\n        unresolved: info\n")
    root = git_project(
        {"mkdocs.yml": quiet, "plans/2022/a.md": plan_text(body, number="3-KH/TU", title="về a")}
    )
    result = run_loa("check", "--strict", cwd=root)
    assert "xref.unresolved" in result.stdout + result.stderr  # still listed
    assert result.returncode == 0, result.stdout
    loud = root / "mkdocs.yml"
    loud.write_text(MINIMAL_MKDOCS, encoding="utf-8")
    assert run_loa("check", "--strict", cwd=root).returncode == 1
