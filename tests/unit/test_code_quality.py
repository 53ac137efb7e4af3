"""House style that a machine can check: ruff on everything, mypy strict on the package."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_ruff_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests", "scripts"], cwd=REPO,
                            check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_over_600_lines():
    long = [(p.relative_to(REPO).as_posix(), n) for p in (REPO / "src").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600]
    assert long == []
