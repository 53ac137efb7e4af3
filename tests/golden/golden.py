"""Golden files: the feeds and calendars of small fixture projects, built at a fixed time, kept byte for byte.

Each case is a folder ``tests/golden/<case>/`` holding ``project/`` (the sources, without the registry of units,
which is the repository's own ``data/issuers.yml``) and ``expected/`` (every ``.rss``, ``.atom``, ``.json`` under
``feeds/`` and every ``.ics`` under ``lich/`` of the built site). Only what must vary from one installation to
another is normalised (`normalise`); everything else, dates and guids included, must stay identical.

``scripts/update-golden`` rewrites ``expected/`` from a fresh build; review the diff before committing it.
``scripts/update-golden shipped`` rewrites the golden tree of the whole shipped site (``tests/golden/shipped.py``
says how to review that one).
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
REPO = GOLDEN.parents[1]
BUILD_TIME = "2022-12-01T09:00:00+07:00"
SUFFIXES = {"feeds": (".rss", ".atom", ".json"), "lich": (".ics",)}
# What changes with the installed dependencies, not with the sources: a generator's version (feedgen writes one
# when asked), and the byte length of the generated sharing cards, whose PNG bytes depend on the Pillow, FreeType
# and zlib the machine has (pyproject allows Pillow 10 to 13).
_VARYING = (
    (re.compile(rb'(<generator\b[^>]*?\sversion=")[^"]*(")'), rb"\1VERSION\2"),
    (re.compile(rb'(<[^>]*/assets/cards/[^>]*\slength=")\d+(")'), rb"\1CARD-LENGTH\2"),
    (
        re.compile(rb'("url": "[^"]*/assets/cards/[^"]*",\s*"mime_type": "[^"]*",\s*"size_in_bytes": )\d+'),
        rb'\1"CARD-LENGTH"',
    ),
)


def cases() -> list[str]:
    """The names of the golden cases."""
    return sorted(p.name for p in GOLDEN.iterdir() if (p / "project").is_dir())


def normalise(data: bytes) -> bytes:
    """``data`` with what depends on the installed libraries (`_VARYING`) replaced by placeholders."""
    for pattern, replacement in _VARYING:
        data = pattern.sub(replacement, data)
    return data


def build(case: str, work: Path) -> dict[str, bytes]:
    """Build ``case`` in ``work`` with the real ``loa build`` and return its normalised outputs by path."""
    project = work / "project"
    shutil.copytree(GOLDEN / case / "project", project)
    for name in ("issuers.yml", "external.yml"):
        if not (project / "data" / name).exists():
            shutil.copy(REPO / "data" / name, project / "data" / name)
    shutil.copytree(REPO / "site-root", project / "site-root", dirs_exist_ok=True)
    site = work / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LOA_HISTORY": "0"}
    for name in ("LOA_BUILD_TIME", "LOA_TARGET"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "loa.cli", "build", "--site-dir", str(site), "--at", BUILD_TIME],
        cwd=project,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the golden case {case} does not build:\n{result.stdout}\n{result.stderr}")
    return outputs(site)


def outputs(site: Path) -> dict[str, bytes]:
    """The feeds and calendars of a built site, normalised, by site-relative path."""
    found = {}
    for folder, suffixes in SUFFIXES.items():
        for path in sorted((site / folder).rglob("*")):
            if path.is_file() and path.suffix in suffixes:
                found[path.relative_to(site).as_posix()] = normalise(path.read_bytes())
    return found


def expected(case: str) -> dict[str, bytes]:
    """The golden files of ``case`` by path."""
    root = GOLDEN / case / "expected"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def differences(want: dict[str, bytes], got: dict[str, bytes]) -> str:
    """A unified diff of every file that differs, is missing or is new; empty when they are identical."""
    parts: list[str] = []
    for name in sorted(want.keys() | got.keys()):
        if want.get(name) == got.get(name):
            continue
        if name not in got or name not in want:
            parts.append(f"=== {name} ({'missing' if name not in got else 'new'})\n")
        before = want.get(name, b"").decode("utf-8", "replace").splitlines(keepends=True)
        after = got.get(name, b"").decode("utf-8", "replace").splitlines(keepends=True)
        for line in difflib.unified_diff(before, after, f"expected/{name}", f"built/{name}"):
            parts.append(line if line.endswith("\n") else line + "\n")
    return "".join(parts)


def update(case: str) -> None:
    """Rewrite the golden files of ``case`` from a fresh build."""
    with tempfile.TemporaryDirectory(prefix="loa-golden-") as work:
        got = build(case, Path(work))
    root = GOLDEN / case / "expected"
    shutil.rmtree(root, ignore_errors=True)
    for name, data in got.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    print(f"{case}: {len(got)} files written to {root.relative_to(REPO)}")


def main(argv: list[str] | None = None) -> int:
    """``update-golden [CASE ...]``: regenerate the named cases, or every case."""
    names = (sys.argv[1:] if argv is None else argv) or [*cases(), "shipped"]
    if importlib.util.find_spec("loa") is None:
        print(
            "loa is not installed for this Python: run .venv/bin/python scripts/update-golden",
            file=sys.stderr,
        )
        return 2
    unknown = sorted(set(names) - {*cases(), "shipped"})
    if unknown:
        print(f"unknown golden case(s): {', '.join(unknown)}; known: {', '.join(cases())}", file=sys.stderr)
        return 2
    for name in names:
        if name == "shipped":  # the whole shipped site (tests/golden/shipped.py)
            from tests.golden import shipped

            shipped.update()
        else:
            update(name)
    return 0
