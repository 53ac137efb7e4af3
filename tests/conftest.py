"""Shared test helpers: throwaway projects built from real files, and the `loa` command run for real."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUILD_TIME = "2026-11-22T12:00:00+07:00"
# The renderer's own command: MkDocs, or ProperDocs in the forks job (`make test-forks`), which has no mkdocs.
# Read from the installed distributions, not by finding the module: the unit layer's guard blocks mkdocs' import.
HOST_MODULE = (
    "mkdocs"
    if any(d.metadata["Name"] == "mkdocs" for d in importlib.metadata.distributions())
    else "properdocs"
)
# MkDocs' docs_dir holds no document: a build that bypasses Loa publishes only this notice.
SITE_ROOT = {"site-root/index.md": (REPO / "site-root" / "index.md").read_text(encoding="utf-8")}

MINIMAL_MKDOCS = """\
site_name: Thử nghiệm Loa
site_url: https://loa.example/
docs_dir: site-root
theme:
  name: !ENV [LOA_THEME, material]
  language: vi
  font: false
nav:
  - Trang chủ: index.md
validation:
  nav:
    omitted_files: ignore
markdown_extensions:
  - loa.core.outputs.headings
plugins:
  - loa
"""


def base_files(mkdocs: str = MINIMAL_MKDOCS) -> dict[str, str]:
    """The files every throwaway project starts from: configuration, notice, home page, registries."""
    return {
        "mkdocs.yml": mkdocs,
        **SITE_ROOT,
        "content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n",
        **{
            f"data/{name}": (REPO / "data" / name).read_text(encoding="utf-8")
            for name in ("issuers.yml", "external.yml")
        },
    }


PLAN_FIELDS = {
    "kind": "plan",
    "type": "Kế hoạch",
    "number": "12-KH/TU",
    "issuer": "thi-uy-sa-pa",
    "place": "Sa Pa",
    "date": "2022-03-15",
    "title": "về việc thử nghiệm",
    "signer": {"authority": "T/M BAN THƯỜNG VỤ", "role": "BÍ THƯ", "name": "Nguyễn Văn A"},
    "recipients": ["Các chi, đảng bộ trực thuộc"],
    "status": "published",
    "publish_at": "2022-03-16T08:00:00+07:00",
    "access": "public",
}


def plan_text(body: str = "Nội dung thử nghiệm.\n", **fields: object) -> str:
    """Return a plan file: the default valid front matter updated with ``fields`` (None removes a field)."""
    import yaml

    merged = {**PLAN_FIELDS, **fields}
    merged = {k: v for k, v in merged.items() if v is not None}
    front = yaml.safe_dump(merged, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}"


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Return a factory writing a throwaway project: ``project({"plans/a.md": text, ...})``."""

    def make(files: dict[str, str | bytes] | None = None, *, mkdocs: str = MINIMAL_MKDOCS) -> Path:
        root = tmp_path / "project"
        (root / "content").mkdir(parents=True, exist_ok=True)
        write_files(root, SITE_ROOT)
        (root / "plans").mkdir(exist_ok=True)
        (root / "data").mkdir(exist_ok=True)
        (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
        shutil.copy(REPO / "data" / "issuers.yml", root / "data" / "issuers.yml")
        shutil.copy(REPO / "data" / "external.yml", root / "data" / "external.yml")
        (root / "content" / "index.md").write_text(
            "---\nkind: index\n---\n\n# Trang chủ thử nghiệm\n", encoding="utf-8"
        )
        write_files(root, files or {})
        return root

    return make


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write ``{"relative/path": text or bytes}`` under ``root``, creating folders."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def host_env(**extra: str) -> dict[str, str]:
    """The environment of a plain renderer run (no Loa setting but the theme's name, which the forks job sets)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOA_") or k == "LOA_THEME"}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


def run_loa(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``loa`` command line in a subprocess."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("LOA_BUILD_TIME", None)
    full_env.pop("LOA_TARGET", None)
    return subprocess.run(
        [sys.executable, "-m", "loa.cli", *args],
        cwd=cwd,
        env=full_env,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def sapa_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sapa") / "site"
    result = run_loa(
        "build", "-f", str(REPO / "mkdocs.yml"), "--site-dir", str(site), "--at", BUILD_TIME, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    return site


def open_to_workers(path: Path) -> None:
    """Let nginx's workers (``nobody``) reach ``path``: pytest's temporary folders are private (0700)."""
    for folder in [*reversed(path.resolve().parents), path.resolve()]:
        mode = folder.stat().st_mode
        if not mode & 0o001:
            folder.chmod(mode | 0o001)


def start_nginx(
    site: Path, prefix: Path, *, edition: str = "public", values: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Run Debian's nginx in the foreground with the shipped configuration on a free loopback port."""
    import socket
    import time

    import loa
    from loa.cli.nginx import TEMPLATES, command, prepare

    executable = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(executable).exists():
        pytest.fail("Debian's nginx is missing: `make test` installs it (apt-get install nginx)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    open_to_workers(site)
    template = Path(loa.__file__).parent / "deploy" / TEMPLATES[edition]
    conf = prepare(site, f"127.0.0.1:{port}", template, prefix, values)
    with (prefix / "logs" / "stderr.log").open("wb") as stderr:
        process = subprocess.Popen(command(executable, prefix, conf), stderr=stderr)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {(prefix / 'logs' / 'stderr.log').read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, f"{'http' if edition == 'public' else 'https'}://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("nginx did not listen")


@pytest.fixture(scope="session")
def nginx_site(sapa_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Sa Pa site served by real nginx with the shipped configuration; yields its base URL."""
    process, url = start_nginx(sapa_site, tmp_path_factory.mktemp("nginx"))
    yield url
    process.terminate()
    process.wait(timeout=10)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one for the whole run (every layer that needs one shares it)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
