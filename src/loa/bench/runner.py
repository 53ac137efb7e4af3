"""Command line and measurement loop of the build benchmark.

For each corpus size N the runner writes the same synthetic corpus twice (a stock MkDocs + Material project
and a Loa project), builds each in a subprocess and records wall time, CPU time, peak memory and output size.
Peak memory is the larger of ``ru_maxrss`` from ``os.wait4`` on the build process (on Linux the largest resident
set of that process or of any one descendant it waited for) and, on Linux, the sum of the resident sets of the
build process and all its descendants, sampled ten times a second: a build whose work is split between processes
(Loa indexes search in a child process) is measured by what the processes hold together.

The parent process never imports MkDocs: every build runs in a subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from loa.bench.corpus import Layout, generate_corpus

__all__ = ["BuildResult", "SizeResult", "main", "run_benchmark"]

AT = "2026-11-22T12:00:00+07:00"
"""Publication instant passed to ``loa build --at``; every synthetic document is published before it."""
DEFAULT_SIZES = (1000, 5000)
MAX_SIZE = 20_000
LAYOUTS: tuple[Layout, ...] = ("plain", "loa")
_MB = 1024 * 1024


@dataclass
class BuildResult:
    """Measurements of one build (plain MkDocs or Loa) of one corpus.

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
        input_bytes: Size of the Markdown and YAML input of one project.
        builds: Results keyed by layout (``plain``, ``loa``).
    """

    n: int
    corpus_s: float
    input_bytes: int
    builds: dict[str, BuildResult]

    def ratio(self, metric: str) -> float | None:
        """Return loa / plain for ``metric`` (``wall_s``, ``peak_rss_mb``, ``output_bytes``) if both ran."""
        plain, loa = self.builds.get("plain"), self.builds.get("loa")
        if not plain or not loa or plain.status != "ok" or loa.status != "ok":
            return None
        numerator, denominator = getattr(loa, metric), getattr(plain, metric)
        return numerator / denominator if numerator is not None and denominator else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``python -m loa.bench`` and return its exit status (0, or 1 if any build failed)."""
    args = _parse_arguments(argv)
    if args.corpus_only:
        start = time.perf_counter()
        try:
            generate_corpus(args.corpus_only, args.size, layout=args.layout)
        except FileExistsError as error:
            print(f"error: {error}; choose a new or empty directory", file=sys.stderr)
            return 2
        print(
            f"wrote {args.layout} corpus of {args.size} documents to {args.corpus_only} "
            f"in {time.perf_counter() - start:.1f} s"
        )
        return 0
    layouts = [args.only] if args.only else list(LAYOUTS)
    results = run_benchmark(
        args.sizes, args.out, layouts=layouts, repeat=args.repeat, keep=args.keep, timeout=args.timeout
    )
    print(_render_table(results))
    print(f"\nresults: {args.out / 'results.json'}, {args.out / 'results.md'}")
    if "mkdocs" in sys.modules:
        print("warning: mkdocs was imported in the benchmark process", file=sys.stderr)
    failed = any(b.status in ("failed", "timeout") for r in results for b in r.builds.values())
    return 1 if failed else 0


def run_benchmark(
    sizes: Sequence[int],
    out: Path,
    *,
    layouts: Sequence[Layout] = LAYOUTS,
    repeat: int = 1,
    keep: bool = False,
    timeout: float = 3600.0,
) -> list[SizeResult]:
    """Generate, build and measure each corpus size; write ``results.json`` and ``results.md`` as it goes.

    Arguments:
        sizes: Corpus sizes, in the order to run them.
        out: Results directory; projects go to ``out/work/`` and build logs to ``out/logs/``.
        layouts: Which builds to run, ``plain`` and/or ``loa``.
        repeat: Builds per layout and size; the median wall time is reported.
        keep: Keep the generated projects and built sites under ``out/work/``.
        timeout: Seconds after which a build is killed and reported as ``timeout``.

    Returns:
        One result per size.
    """
    out.mkdir(parents=True, exist_ok=True)
    (out / "logs").mkdir(exist_ok=True)
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    results: list[SizeResult] = []
    for n in sizes:
        work = out / "work" / f"n{n}"
        shutil.rmtree(work, ignore_errors=True)
        _report(f"[{n}] writing corpus ({', '.join(layouts)})")
        start = time.perf_counter()
        for layout in layouts:
            generate_corpus(work / layout, n, layout=layout)
        corpus_s = time.perf_counter() - start
        input_bytes = _measure_tree(work / layouts[0])[0]
        _report(f"[{n}] corpus written in {corpus_s:.1f} s, {input_bytes / _MB:.1f} MB per project")
        builds: dict[str, BuildResult] = {layout: BuildResult("skipped", "—") for layout in LAYOUTS}
        for layout in layouts:
            builds[layout] = _run_layout(
                layout, work / layout, out / "logs" / f"{layout}-{n}.log", repeat, timeout, n
            )
        results.append(SizeResult(n, round(corpus_s, 3), input_bytes, builds))
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
        _write_results(out, results, started, repeat)
    if not keep:
        shutil.rmtree(out / "work", ignore_errors=True)
    return results


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m loa.bench",
        description="Benchmark plain MkDocs + Material against Loa on synthetic corpora of official plans.",
    )
    parser.add_argument(
        "--sizes",
        type=_parse_sizes,
        default=DEFAULT_SIZES,
        metavar="N[,N…]",
        help=f"corpus sizes (default {','.join(map(str, DEFAULT_SIZES))}; max {MAX_SIZE})",
    )
    parser.add_argument("--out", type=Path, default=Path("bench-results"), help="results directory")
    parser.add_argument("--repeat", type=int, default=1, metavar="R", help="builds per configuration")
    parser.add_argument("--keep", action="store_true", help="keep generated projects and sites in OUT/work/")
    parser.add_argument("--only", choices=LAYOUTS, help="run only the plain or only the loa build")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds before a build is killed")
    parser.add_argument("--corpus-only", type=Path, metavar="DIR", help="only write a corpus project to DIR")
    parser.add_argument("--size", type=int, metavar="N", help="corpus size for --corpus-only")
    parser.add_argument("--layout", choices=LAYOUTS, default="loa", help="project layout for --corpus-only")
    args = parser.parse_args(argv)
    if args.corpus_only and (args.size is None or not 1 <= args.size <= MAX_SIZE):
        parser.error(f"--corpus-only needs --size N with 1 <= N <= {MAX_SIZE}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _parse_sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of integers: {text!r}") from None
    if not sizes or any(not 1 <= n <= MAX_SIZE for n in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be between 1 and {MAX_SIZE}: {text!r}")
    return sizes


def _resolve_command(layout: Layout, project: Path) -> list[str] | None:
    """Return the build command for ``layout``, or None when the ``loa`` console script is not installed."""
    config, site = str(project.resolve() / "mkdocs.yml"), str(project.resolve() / "site")
    if layout == "plain":
        return [sys.executable, "-m", "mkdocs", "build", "-f", config, "--site-dir", site]
    loa = Path(sys.executable).parent / "loa"
    if not loa.is_file() or not os.access(loa, os.X_OK):
        return None
    return [str(loa), "build", "-f", config, "--at", AT, "--site-dir", site]


def _run_layout(layout: Layout, project: Path, log: Path, repeat: int, timeout: float, n: int) -> BuildResult:
    """Build ``project`` ``repeat`` times and summarise the runs."""
    command = _resolve_command(layout, project)
    if command is None:
        _report(f"[{n}] {layout}: loa build unavailable")
        return BuildResult("unavailable", "loa build unavailable")
    result = BuildResult("ok", command=shlex.join(command), log=str(log))
    log.write_text("", encoding="utf-8")
    cpu: list[float] = []
    rss: list[int] = []
    for run in range(1, repeat + 1):
        shutil.rmtree(project / "site", ignore_errors=True)
        code, wall, cpu_s, peak = _measure_build(command, project, log, timeout)
        result.exit_code = code
        if code is None or code != 0:
            result.status = "timeout" if code is None else "failed"
            result.detail = f"timeout ({timeout:g} s)" if code is None else f"failed (exit {code})"
            _report(f"[{n}] {layout} run {run}/{repeat}: {result.detail}; see {log}")
            _report(_read_tail(log))
            return result
        result.runs_s.append(round(wall, 3))
        cpu.append(cpu_s)
        rss.append(peak)
        _report(f"[{n}] {layout} run {run}/{repeat}: {wall:.2f} s, peak RSS {peak / _MB:.0f} MB")
    result.wall_s = round(statistics.median(result.runs_s), 3)
    result.cpu_s = round(statistics.median(cpu), 3)
    result.peak_rss_mb = round(max(rss) / _MB, 1)
    result.output_bytes, result.output_files = _measure_tree(project / "site")
    result.detail = f"{result.wall_s:.2f} s"
    return result


def _measure_build(
    command: list[str], cwd: Path, log: Path, timeout: float
) -> tuple[int | None, float, float, int]:
    """Run one build and return (exit status or None on timeout, wall s, CPU s, peak RSS bytes)."""
    expired = threading.Event()
    with log.open("ab") as stream:
        stream.write(f"$ {shlex.join(command)}\n".encode())
        stream.flush()
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )

        def kill_on_timeout() -> None:
            expired.set()
            process.kill()

        timer = threading.Timer(timeout, kill_on_timeout)
        timer.start()
        done = threading.Event()
        tree_peak = [0]
        sampler = threading.Thread(target=_sample_tree, args=(process.pid, done, tree_peak), daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        finally:
            timer.cancel()
            done.set()
            sampler.join()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; keep Popen consistent
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB elsewhere
    code = None if expired.is_set() else process.returncode
    return code, wall, usage.ru_utime + usage.ru_stime, max(peak, tree_peak[0])


def _sample_tree(pid: int, done: threading.Event, peak: list[int]) -> None:
    """Until ``done``, keep in ``peak[0]`` the largest sum of resident sets of ``pid`` and its descendants."""
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    while not done.wait(0.1):
        total = 0
        pending = [pid]
        while pending:
            current = pending.pop()
            try:
                total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * page
                for task in Path(f"/proc/{current}/task").iterdir():
                    pending.extend(int(child) for child in (task / "children").read_text().split())
            except (OSError, IndexError, ValueError):
                continue  # not Linux, or the process has just ended
        peak[0] = max(peak[0], total)


def _measure_tree(root: Path) -> tuple[int, int]:
    """Return (total bytes, file count) of the regular files under ``root``, skipping the built ``site``."""
    total = count = 0
    for directory, subdirs, files in os.walk(root):
        if Path(directory) == root:  # the built site and Loa's releases behind it
            subdirs[:] = [d for d in subdirs if d != "site" and not d.startswith(".site.")]
        for name in files:
            total += os.lstat(os.path.join(directory, name)).st_size
            count += 1
    return total, count


def _read_tail(log: Path, lines: int = 15) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join("    " + line for line in text[-lines:])


def _report(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _render_table(results: Sequence[SizeResult]) -> str:
    """Return the Markdown tables of results: the comparison, then details."""
    header = (
        "| N | plain time (s) | loa time (s) | ratio | plain peak RSS (MB) | loa peak RSS (MB) | ratio "
        "| plain output (MB) | loa output (MB) | ratio |"
    )
    rows = [header, "|" + "---:|" * 10]
    details = [
        "| N | corpus (MB) | write (s) | plain files | loa files | plain CPU (s) | loa CPU (s) |",
        "|" + "---:|" * 7,
    ]
    for r in results:
        plain, loa = r.builds["plain"], r.builds["loa"]
        cells = [str(r.n)]
        for metric, scale, digits in (("wall_s", 1, 2), ("peak_rss_mb", 1, 0), ("output_bytes", _MB, 1)):
            cells += [_format_cell(b, metric, scale, digits) for b in (plain, loa)]
            ratio = r.ratio(metric)
            cells.append(f"{ratio:.2f}×" if ratio is not None else "—")
        rows.append("| " + " | ".join(cells) + " |")
        files = [_format_cell(b, "output_files") for b in (plain, loa)]
        cpu = [_format_cell(b, "cpu_s", digits=2) for b in (plain, loa)]
        cells = [str(r.n), f"{r.input_bytes / _MB:.1f}", f"{r.corpus_s:.1f}", *files, *cpu]
        details.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n\n" + "\n".join(details)


def _format_cell(build: BuildResult, metric: str, scale: float = 1, digits: int = 0) -> str:
    value = getattr(build, metric)
    if build.status != "ok" or value is None:
        return build.detail or build.status
    return f"{value / scale:,.{digits}f}"


def _write_results(out: Path, results: Sequence[SizeResult], started: str, repeat: int) -> None:
    """Write results.json (complete data) and results.md (tables) for the sizes measured so far."""
    versions = {name: _read_version(name) for name in ("mkdocs", "mkdocs-material", "loa")}
    meta = {
        "started": started,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": versions,
        "repeat": repeat,
        "at": AT,
        "method": "wall: perf_counter around the build subprocess (median of runs); peak RSS: the larger of "
        "os.wait4 ru_maxrss and the process tree's summed RSS sampled every 0.1 s (max of runs); "
        "output: bytes and files under site/",
    }
    rows = []
    for r in results:
        row = asdict(r)
        row["ratios"] = {m: r.ratio(m) for m in ("wall_s", "peak_rss_mb", "output_bytes")}
        rows.append(row)
    data = json.dumps({"meta": meta, "results": rows}, ensure_ascii=False, indent=2)
    (out / "results.json").write_text(data + "\n", encoding="utf-8")
    version_text = ", ".join(f"{k} {v}" for k, v in versions.items())
    (out / "results.md").write_text(
        f"# Loa build benchmark\n\nStarted {started}; Python {meta['python']} on {meta['platform']}, "
        f"{meta['cpus']} CPUs; {version_text}; {repeat} run(s) per build, median wall time.\n\n"
        f"{_render_table(results)}\n",
        encoding="utf-8",
    )


def _read_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
