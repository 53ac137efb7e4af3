"""Small git projects for the deploy layer: a work tree with commits, and a bare repository to push to."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import plan_text, write_files

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Biên tập",
    "GIT_AUTHOR_EMAIL": "bientap@loa.example",
    "GIT_COMMITTER_NAME": "Biên tập",
    "GIT_COMMITTER_EMAIL": "bientap@loa.example",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run real git; fail the test with git's words if it fails."""
    full = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, **GIT_ENV, **(env or {})}
    done = subprocess.run(["git", *args], cwd=cwd, env=full, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done


def push(work: Path, *args: str, pusher: str | None = None) -> subprocess.CompletedProcess[str]:
    """``git push`` as ``pusher`` (read by the hooks from LOA_PUSHER), returning the result without asserting."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "LOA_"))}, **GIT_ENV}
    env.pop("PYTHONPATH", None)  # the hooks must find loa by themselves (the path `loa hook install` wrote)
    if pusher:
        env["LOA_PUSHER"] = pusher
    return subprocess.run(
        ["git", "push", *args], cwd=work, env=env, capture_output=True, text=True, check=False, timeout=300
    )


def commit(work: Path, files: dict[str, str | bytes], message: str = "Cập nhật") -> str:
    """Write ``files`` into ``work``, commit them all and return the commit."""
    write_files(work, files)
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", message, cwd=work)
    return git("rev-parse", "HEAD", cwd=work).stdout.strip()


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the digest of its bytes (what "byte for byte" compares)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def git_project(project: Callable[..., Path]) -> Callable[..., Path]:
    """A factory: a small project in a git repository with one commit (``.gitignore`` keeps builds out)."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        root = project({".gitignore": ".cache/\nsite/\n", **(files or {})})
        git("init", "-q", "-b", "main", cwd=root)
        git("add", "-A", cwd=root)
        git("commit", "-q", "-m", "Khởi tạo", cwd=root)
        return root

    return make


def plan(number: str, title: str, body: str | None = None, **fields: object) -> str:
    """A valid plan with its own number and title."""
    return plan_text(body or f"Nội dung {title}.\n", number=number, title=title, **fields)
