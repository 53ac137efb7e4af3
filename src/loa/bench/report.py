"""The benchmark's results: per size, each builder's measurements, and one table comparing them.

The table has a row per size and builder. Every figure is followed by its ratio to MkDocs + Material on the same
corpus (``×MkDocs``); wall time also by its ratio to Hugo (``×Hugo``). ``results.json`` holds every figure, the
ratios and how they were measured; ``results.md`` the table.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from loa.bench.builders import AT, BUILDERS, LABELS
from loa.bench.preview import PreviewResult

__all__ = ["METRICS", "BuildResult", "SizeResult", "render_table", "write_results"]

METRICS = ("wall_s", "cpu_s", "peak_rss_mb", "output_bytes")
_MB = 1024 * 1024


@dataclass
class BuildResult:
    """Measurements of one build of one corpus.

    Attributes:
        status: ``ok``, ``failed``, ``timeout``, ``unavailable`` or ``skipped``.
        detail: Human-readable status, e.g. ``loa build unavailable`` or ``failed (exit 1)``.
        wall_s: Median wall time over the successful runs, in seconds.
        runs_s: Wall time of every run, in seconds.
        cpu_s: Median user + system CPU time of the build process tree, in seconds.
        peak_rss_mb: Largest peak resident set size over the runs (of the process tree together), in MiB.
        output_bytes: Total size of the files under ``site/`` after the last run.
        output_files: Number of files under ``site/`` after the last run.
        exit_code: Exit status of the last run.
        command: The build command line.
        log: Path of the log holding the builds' stdout and stderr.
    """

    status: str
    detail: str = ""
    wall_s: float | None = None
    runs_s: list[float] = field(default_factory=list)
    cpu_s: float | None = None
    peak_rss_mb: float | None = None
    output_bytes: int | None = None
    output_files: int | None = None
    exit_code: int | None = None
    command: str = ""
    log: str = ""


@dataclass
class SizeResult:
    """Everything measured for one corpus size.

    Attributes:
        n: Number of documents.
        corpus_s: Time spent writing the corpora, in seconds (not part of any build).
        input_bytes: Size of the Markdown and YAML input of the plain project.
        builds: Results keyed by builder (``plain``, ``loa``, ``hugo``).
        previews: Preview latency keyed by builder.
    """

    n: int
    corpus_s: float
    input_bytes: int
    builds: dict[str, BuildResult]
    previews: dict[str, PreviewResult] = field(default_factory=dict)

    def ratio(self, metric: str, layout: str, base: str = "plain") -> float | None:
        """Return ``metric`` of ``layout`` divided by that of ``base`` if both builds succeeded."""
        top, bottom = self.builds.get(layout), self.builds.get(base)
        if not top or not bottom or top.status != "ok" or bottom.status != "ok":
            return None
        numerator, denominator = getattr(top, metric), getattr(bottom, metric)
        return numerator / denominator if numerator is not None and denominator else None


def render_table(results: Sequence[SizeResult]) -> str:
    """Return the Markdown table: a row per size and builder, each figure with its ratio."""
    header = (
        "| N | builder | wall (s) | ×MkDocs | ×Hugo | CPU (s) | ×MkDocs | peak RSS (MB) | ×MkDocs "
        "| output (MB) | ×MkDocs | files | preview (s) |"
    )
    rows = [
        header,
        "|---:|---|" + "---:|" * 11,
    ]
    for r in results:
        for layout in BUILDERS:
            build = r.builds.get(layout, BuildResult("skipped", "—"))
            cells = [str(r.n), LABELS[layout]]
            for metric, scale, digits in (("wall_s", 1, 2), ("cpu_s", 1, 2), ("peak_rss_mb", 1, 0)):
                cells += [_format_cell(build, metric, scale, digits), _format_ratio(r.ratio(metric, layout))]
                if metric == "wall_s":
                    cells.append(_format_ratio(r.ratio(metric, layout, "hugo")))
            cells += [
                _format_cell(build, "output_bytes", _MB, 1),
                _format_ratio(r.ratio("output_bytes", layout)),
            ]
            cells += [_format_cell(build, "output_files"), _format_preview(r.previews.get(layout))]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _format_cell(build: BuildResult, metric: str, scale: float = 1, digits: int = 0) -> str:
    value = getattr(build, metric)
    if build.status != "ok" or value is None:
        return build.detail or build.status
    return f"{value / scale:,.{digits}f}"


def _format_ratio(ratio: float | None) -> str:
    return f"{ratio:.2f}×" if ratio is not None else "—"


def _format_preview(preview: PreviewResult | None) -> str:
    if preview is None:
        return "— (not measured)"
    if preview.latency_s is None:
        return f"— ({preview.detail})"
    return f"{preview.latency_s:.2f}"


def write_results(out: Path, results: Sequence[SizeResult], started: str, repeat: int) -> None:
    """Write results.json (complete data) and results.md (the table) for the sizes measured so far."""
    versions = {name: _read_version(name) for name in ("mkdocs", "mkdocs-material", "loa", "hugo")}
    meta = {
        "started": started,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": versions,
        "repeat": repeat,
        "at": AT,
        "builders": LABELS,
        "method": "every run a full build without Loa's .cache; wall: perf_counter around the build subprocess "
        "(median of runs); CPU: user + system time of "
        "the process tree from os.wait4 (median); peak RSS: the larger of os.wait4 ru_maxrss and the process "
        "tree's summed RSS sampled every 0.1 s (max of runs); output: bytes and files under site/; ratios: "
        "figure / MkDocs + Material's (and wall / Hugo's); preview: save → the served page holds the change "
        "(median of saves)",
    }
    rows = []
    for r in results:
        row = asdict(r)
        row["ratios"] = {
            layout: {
                **{f"{m}_vs_plain": r.ratio(m, layout) for m in METRICS},
                "wall_s_vs_hugo": r.ratio("wall_s", layout, "hugo"),
            }
            for layout in BUILDERS
        }
        rows.append(row)
    data = json.dumps({"meta": meta, "results": rows}, ensure_ascii=False, indent=2)
    (out / "results.json").write_text(data + "\n", encoding="utf-8")
    version_text = ", ".join(f"{k} {v}" for k, v in versions.items())
    (out / "results.md").write_text(
        f"# Loa build benchmark\n\nStarted {started}; Python {meta['python']} on {meta['platform']}, "
        f"{meta['cpus']} CPUs; {version_text}; {repeat} run(s) per build, median wall time.\n\n"
        f"{render_table(results)}\n",
        encoding="utf-8",
    )


def _read_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
