"""A session-wide build of the real Sa Pa site, shared by the tests that only read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUILD_TIME, REPO, run_loa


@pytest.fixture(scope="session")
def sapa_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sapa") / "site"
    result = run_loa("build", "-f", str(REPO / "mkdocs.yml"), "--site-dir", str(site), "--at", BUILD_TIME, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return site
