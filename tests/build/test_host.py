"""The renderer a build runs on is the one this environment has: MkDocs with Material for MkDocs in the main
suite, ProperDocs with MaterialX in the forks job (`make test-forks`), and every page says which."""

from __future__ import annotations

import os
from importlib.metadata import version

from bs4 import BeautifulSoup

from loa.plugin.host import HOST
from tests.conftest import BUILD_TIME, HOST_MODULE, MINIMAL_MKDOCS, REPO, plan_text, run_loa


def test_pages_name_the_renderer_and_theme_they_were_built_with(project, tmp_path):
    root = project({"plans/2022/a.md": plan_text()})
    result = run_loa("build", "--at", BUILD_TIME, "--site-dir", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    assert HOST == HOST_MODULE
    page = BeautifulSoup((tmp_path / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    generator = page.find("meta", attrs={"name": "generator"})["content"]
    if os.environ.get("LOA_THEME") == "materialx":
        assert (
            generator
            == f"mkdocs-ProperDocs {version('properdocs')}, mkdocs-materialx-{version('mkdocs-materialx')}"
        )
    else:
        assert generator == f"mkdocs-{version('mkdocs')}, mkdocs-material-{version('mkdocs-material')}"


def test_loa_theme_names_the_renderer_and_theme_it_runs_on(project, tmp_path):
    mkdocs = MINIMAL_MKDOCS.replace(
        "  name: !ENV [LOA_THEME, material]\n",
        f"  name: !ENV [LOA_THEME, material]\n  custom_dir: {REPO / 'theme'}\n",
    )
    root = project({"plans/2022/a.md": plan_text()}, mkdocs=mkdocs)
    result = run_loa("build", "--at", BUILD_TIME, "--site-dir", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    generator = page.find("meta", attrs={"name": "generator"})["content"]
    if os.environ.get("LOA_THEME") == "materialx":
        assert generator == f"Loa, properdocs-{version('properdocs')}, mkdocs-materialx"
    else:
        assert generator == f"Loa, mkdocs-{version('mkdocs')}, mkdocs-material"
