"""``loa deploy`` and ``loa rollback`` on a real web root, served by real nginx."""

from __future__ import annotations

import json
import os
import stat
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.conftest import BUILD_TIME, run_loa, start_nginx
from tests.deploy.conftest import commit, plan, tree_digest

PLAN_A = "plans/2022/ke-hoach-a.md"
PLAN_B = "plans/2022/ke-hoach-b.md"


def deploy(root: Path, web: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_loa("deploy", "--web-root", str(web), "--at", BUILD_TIME, *args, cwd=root, env=env)
    return result.returncode, result.stderr


def page(web: Path, document: str) -> Path:
    return web / "current" / document.removesuffix(".md") / "index.html"


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback nginx)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_deploy_serve_rollback_byte_for_byte(git_project: Callable[..., Path], tmp_path: Path) -> None:
    root = git_project({PLAN_A: plan("1-KH/TU", "về kế hoạch thứ nhất")})
    web = tmp_path / "web"
    status, log = deploy(root, web)
    assert status == 0, log
    first = os.readlink(web / "current")
    assert first.startswith("releases/") and first.endswith(commit_short(root))
    before = tree_digest(web / "current")
    assert page(web, PLAN_A).is_file()
    # Readable by the web server's user whatever our umask: folders 0755, files 0644.
    for path in (web / "current").resolve().rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path
    assert any((web / "cache" / "loa").rglob("*")), "the build's cache is kept between releases"
    assert (web / "cache" / "key" / "loa" / "machine-key").is_file()
    assert stat.S_IMODE((web / "cache").stat().st_mode) == 0o700

    commit(root, {PLAN_B: plan("2-KH/TU", "về kế hoạch thứ hai")})
    process, url = start_nginx(web / "current", tmp_path / "nginx")
    try:
        status, log = deploy(root, web)
        assert status == 0, log
        assert "bộ nhớ đệm" not in log  # the cache of the first deploy was trusted, not wiped
        assert fetch(f"{url}/plans/2022/ke-hoach-b/")[0] == 200
        state = json.loads((web / "state.json").read_text(encoding="utf-8"))
        assert state["release"] == os.readlink(web / "current").removeprefix("releases/")
        assert {d["path"] for d in state["published"]} >= {PLAN_A, PLAN_B}

        result = run_loa("rollback", "--web-root", str(web), cwd=root)
        assert result.returncode == 0, result.stderr
        assert os.readlink(web / "current") == first
        assert tree_digest(web / "current") == before
        assert fetch(f"{url}/plans/2022/ke-hoach-b/")[0] == 404
        assert fetch(f"{url}/plans/2022/ke-hoach-a/")[0] == 200
        # Held until a new commit: the timer's command does not undo the rollback; --to goes forward again.
        assert deploy(root, web, "--when-due") == (0, "")
        assert os.readlink(web / "current") == first
        result = run_loa("rollback", "--web-root", str(web), "--to", state["release"], cwd=root)
        assert result.returncode == 0, result.stderr
        assert fetch(f"{url}/plans/2022/ke-hoach-b/")[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def commit_short(root: Path) -> str:
    return (root / ".git" / "refs" / "heads" / "main").read_text().strip()[:7]


def test_failed_or_killed_deploy_keeps_current(git_project: Callable[..., Path], tmp_path: Path) -> None:
    root = git_project({PLAN_A: plan("1-KH/TU", "về kế hoạch thứ nhất")})
    web = tmp_path / "web"
    assert deploy(root, web)[0] == 0
    kept, before = os.readlink(web / "current"), tree_digest(web / "current")
    commit(root, {PLAN_B: plan("2-KH/TU", "về kế hoạch thứ hai")})
    for point in ("staged", "deploy-swap"):
        status, _ = deploy(root, web, env={"LOA_FAULT_AT": point})
        assert status == -9, point  # killed (SIGKILL) mid-build, then mid-switch
        assert os.readlink(web / "current") == kept
        assert tree_digest(web / "current") == before
    commit(root, {PLAN_B: plan("2-KH/TU", "về kế hoạch thứ hai", issuer="khong-co")})
    status, log = deploy(root, web)
    assert status == 1 and "vẫn là bản cũ" in log
    assert os.readlink(web / "current") == kept
    # The timer does not rebuild a commit that failed every minute.
    assert deploy(root, web, "--when-due") == (0, "")
    # After all that, a good deploy goes through and cleans up.
    commit(root, {PLAN_B: plan("2-KH/TU", "về kế hoạch thứ hai")})
    status, log = deploy(root, web, "--keep", "1")
    assert status == 0, log
    assert page(web, PLAN_B).is_file()
    assert [p.name for p in (web / "releases").iterdir()] == [
        os.readlink(web / "current").removeprefix("releases/")
    ]
