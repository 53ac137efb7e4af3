"""What revision history costs a build: the same corpus, in a git repository of three revisions per document,
built with history on and off (``LOA_HISTORY=0``).

Run: ``python -m loa.bench.historybench --size 5000``. Each document is committed three times (as generated, then
two amendments that add a recipient and a paragraph, `loa.bench.revisions.amend`), all before the build time,
so every revision is public and gets its page. Every measured build replaces a site, as a deployment does; the cold build's cache is empty, the
warm build's is the cold build's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from loa.bench.builders import AT
from loa.bench.corpus import generate_corpus
from loa.bench.measure import measure_build
from loa.bench.revisions import amend, git

__all__ = ["main", "make_history_project"]

_DATES = ("2025-07-01T08:00:00+07:00", "2025-08-01T08:00:00+07:00", "2025-09-01T08:00:00+07:00")


def make_history_project(dest: Path, n: int) -> None:
    """Write a corpus of ``n`` documents into ``dest`` and commit each document three times."""
    generate_corpus(dest, n, layout="loa")
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "Đăng văn bản", when=_DATES[0])
    plans = sorted((dest / "plans").rglob("*.md"))
    for revision, when in enumerate(_DATES[1:], start=2):
        for path in plans:
            path.write_text(amend(path.read_text(encoding="utf-8"), revision), encoding="utf-8")
        git(dest, "add", "-A")
        git(dest, "commit", "-q", "-m", f"Sửa đổi, bổ sung lần {revision}", when=when)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="historybench", description=__doc__)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--work", type=Path, help="folder for the corpus (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        project = (args.work or Path(scratch)) / f"history-{args.size}"
        make_history_project(project, args.size)
        loa = str(Path(sys.executable).parent / "loa")
        command = [
            loa,
            "build",
            "-f",
            str(project / "mkdocs.yml"),
            "--at",
            AT,
            "--site-dir",
            str(project / "site"),
        ]
        results = {}
        shutil.rmtree(project / ".cache", ignore_errors=True)
        # Each build replaces the site before it, as a deployment does: the first build, which has none to
        # remove, is not measured.
        runs = (
            ("first build", "0"),
            ("without history", "0"),
            ("history, cold cache", "1"),
            ("history, warm cache", "1"),
        )
        for label, flag in runs:
            os.environ["LOA_HISTORY"] = flag
            code, wall, cpu, peak = measure_build(command, project, project.parent / f"{label}.log", 3600)
            if code != 0:
                print(f"{label}: build failed (exit {code}); see {project.parent / f'{label}.log'}")
                return 1
            pages = sum(1 for _ in (project / "site").rglob("phien-ban/*/index.html"))
            results[label] = wall
            print(
                f"{label:20} {wall:8.1f} s wall  {cpu:8.1f} s CPU  {peak / 2**20:6.0f} MB peak  {pages} revision pages",
                flush=True,
            )
        for label, _ in runs[2:]:
            extra = results[label] / results["without history"] - 1
            print(
                f"{label}: history adds {extra:.0%} to the build of {args.size} documents with three revisions each"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
