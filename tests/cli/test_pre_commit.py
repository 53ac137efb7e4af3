"""The repository's pre-commit hook, installed for real in a throwaway git repository: bad content is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, plan_text


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a command, its standard error folded into its output (git prints the hooks' output there)."""
    return subprocess.run(
        args,
        cwd=cwd,
        env=env,
        check=False,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )


def test_pre_commit_hook_runs_loa_check(project, tmp_path):
    root = project({"plans/a.md": plan_text()})
    shutil.copy(REPO / ".pre-commit-config.yaml", root)
    venv_bin = Path(sys.executable).parent  # where `loa` is installed: the hook finds it on PATH
    env = {
        **os.environ,
        "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path / "home"),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Biên tập viên",
        "GIT_AUTHOR_EMAIL": "btv@loa.example",
        "GIT_COMMITTER_NAME": "Biên tập viên",
        "GIT_COMMITTER_EMAIL": "btv@loa.example",
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop("LOA_BUILD_TIME", None)
    git = shutil.which("git")
    assert git, "git is needed"

    def commit(message: str, *paths: str) -> subprocess.CompletedProcess[str]:
        assert _run(git, "add", *paths, cwd=root, env=env).returncode == 0
        return _run(git, "commit", "-m", message, cwd=root, env=env)

    assert _run(git, "init", "-q", "-b", "main", cwd=root, env=env).returncode == 0
    installed = _run(sys.executable, "-m", "pre_commit", "install", cwd=root, env=env)
    assert installed.returncode == 0, installed.stdout

    good = commit("Kế hoạch hợp lệ", ".")
    assert good.returncode == 0, good.stdout
    assert "loa check" in good.stdout and "Passed" in good.stdout

    (root / "plans" / "b.md").write_text(plan_text(number="2-KH/TU", status="publised"), encoding="utf-8")
    refused = commit("Kế hoạch sai trạng thái", "plans/b.md")
    assert refused.returncode != 0, refused.stdout
    assert (
        "plans/b.md:" in refused.stdout and "[meta.choice]" in refused.stdout and "Failed" in refused.stdout
    )
    log = _run(git, "log", "--format=%s", cwd=root, env=env).stdout.splitlines()
    assert log == ["Kế hoạch hợp lệ"], "the bad commit was refused"

    (root / "plans" / "b.md").write_text(plan_text(number="2-KH/TU"), encoding="utf-8")
    fixed = commit("Sửa trạng thái", "plans/b.md")
    assert fixed.returncode == 0 and "Passed" in fixed.stdout, fixed.stdout

    (root / "ghi-chu.txt").write_text("Không phải nội dung trang.\n", encoding="utf-8")
    unrelated = commit("Ghi chú", "ghi-chu.txt")
    assert unrelated.returncode == 0 and "Skipped" in unrelated.stdout, unrelated.stdout
