"""What a web server needs of the built folder: readable by everyone whatever the umask, and the shipped
configurations installed with the package so `loa nginx` works from any folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from tests.conftest import BUILD_TIME, REPO, plan_text


def test_the_site_is_world_readable_whatever_the_umask(project):
    root = project({"plans/2022/a.md": plan_text()})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "loa.cli", "build", "--at", BUILD_TIME],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        umask=0o077,
    )
    assert result.returncode == 0, result.stderr
    site = (root / "site").resolve()
    wrong = []
    for path in [site.parent, site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        expected = 0o755 if path.is_dir() else 0o644
        if mode != expected:
            wrong.append((path.relative_to(root).as_posix(), oct(mode)))
    assert wrong == []


def test_the_configurations_are_package_data_and_deploy_holds_the_same_files():
    package = REPO / "src" / "loa" / "deploy"
    for name in ("nginx.conf", "nginx-internal.conf"):
        assert (REPO / "deploy" / name).read_bytes() == (package / name).read_bytes(), name


def test_the_package_build_carries_the_configurations(tmp_path):
    # What setuptools installs, from pyproject.toml's package data (the step a wheel is made of).
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from setuptools import setup; setup()",
            "-q",
            "build_py",
            "--build-lib",
            str(tmp_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in ("nginx.conf", "nginx-internal.conf"):
        assert (tmp_path / "loa" / "deploy" / name).read_bytes() == (REPO / "deploy" / name).read_bytes()


def test_loa_nginx_writes_the_configuration_from_another_folder(sapa_site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "loa.cli",
            "nginx",
            "--site",
            str(sapa_site),
            "-o",
            "x.conf",
            "--listen",
            "80",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    text = (elsewhere / "x.conf").read_text(encoding="utf-8")
    assert f"root {sapa_site};" in text and "listen 80;" in text and "@LOA_" not in text
    assert f"include {sapa_site}/.nginx/csp.conf;" in text
