"""Command line and measurement loop of the build benchmark.

For each corpus size N the runner writes the same synthetic corpus three times (a stock MkDocs + Material
project, a Loa project whose git history holds the documents' revisions, and a Hugo site), builds each in a
subprocess, records wall time, CPU time, peak memory and output size (`loa.bench.measure`), then measures each
builder's preview latency (`loa.bench.preview`), and writes the table (`loa.bench.report`).

The parent process never imports MkDocs: every build runs in a subprocess.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from loa.bench.builders import AT, BUILDERS, build_command
from loa.bench.corpus import Layout, generate_corpus
from loa.bench.measure import measure_build, measure_tree, read_tail
from loa.bench.preview import measure_preview
from loa.bench.report import BuildResult, SizeResult, render_table, write_results

__all__ = ["AT", "BuildResult", "SizeResult", "main", "run_benchmark"]

DEFAULT_SIZES = (1000, 5000)
MAX_SIZE = 20_000
_MB = 1024 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``python -m loa.bench`` and return its exit status (0, or 1 if any build failed)."""
    args = _parse_arguments(argv)
    if args.corpus_only:
        start = time.perf_counter()
        try:
            generate_corpus(args.corpus_only, args.size, layout=args.layout, history=args.layout == "loa")
        except FileExistsError as error:
            print(f"error: {error}; choose a new or empty directory", file=sys.stderr)
            return 2
        print(
            f"wrote {args.layout} corpus of {args.size} documents to {args.corpus_only} "
            f"in {time.perf_counter() - start:.1f} s"
        )
        return 0
    results = run_benchmark(
        args.sizes,
        args.out,
        layouts=args.only,
        repeat=args.repeat,
        keep=args.keep,
        timeout=args.timeout,
        preview_saves=args.preview_saves,
    )
    print(render_table(results))
    print(f"\nresults: {args.out / 'results.json'}, {args.out / 'results.md'}")
    if "mkdocs" in sys.modules:
        print("warning: mkdocs was imported in the benchmark process", file=sys.stderr)
    failed = any(b.status in ("failed", "timeout") for r in results for b in r.builds.values())
    return 1 if failed else 0


def run_benchmark(
    sizes: Sequence[int],
    out: Path,
    *,
    layouts: Sequence[Layout] = BUILDERS,
    repeat: int = 1,
    keep: bool = False,
    timeout: float = 3600.0,
    preview_saves: int = 3,
) -> list[SizeResult]:
    """Generate, build and measure each corpus size; write ``results.json`` and ``results.md`` as it goes.

    Arguments:
        sizes: Corpus sizes, in the order to run them.
        out: Results directory; projects go to ``out/work/`` and build logs to ``out/logs/``.
        layouts: Which builders to run, among ``plain``, ``loa`` and ``hugo``.
        repeat: Builds per builder and size; the median wall time is reported.
        keep: Keep the generated projects and built sites under ``out/work/``.
        timeout: Seconds after which a build is killed and reported as ``timeout``; also the preview server's
            limit to start and to update a page.
        preview_saves: Saves per builder for the preview latency; 0 skips the preview column.

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
            generate_corpus(work / layout, n, layout=layout, history=layout == "loa")
        corpus_s = time.perf_counter() - start
        input_bytes = measure_tree(work / layouts[0])[0]
        _report(f"[{n}] corpus written in {corpus_s:.1f} s, {input_bytes / _MB:.1f} MB per project")
        builds: dict[str, BuildResult] = {layout: BuildResult("skipped", "—") for layout in BUILDERS}
        for layout in layouts:
            builds[layout] = _run_layout(
                layout, work / layout, out / "logs" / f"{layout}-{n}.log", repeat, timeout, n
            )
        result = SizeResult(n, round(corpus_s, 3), input_bytes, builds)
        for layout in layouts if preview_saves else ():
            log = out / "logs" / f"{layout}-{n}-preview.log"
            result.previews[layout] = preview = measure_preview(
                layout, work / layout, log, saves=preview_saves, timeout=timeout
            )
            figure = (
                f"{preview.latency_s:.2f} s" if preview.latency_s is not None else f"— ({preview.detail})"
            )
            _report(f"[{n}] {layout} preview: {figure}")
        results.append(result)
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
        write_results(out, results, started, repeat)
    if not keep:
        shutil.rmtree(out / "work", ignore_errors=True)
    return results


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m loa.bench",
        description="Benchmark MkDocs + Material, Loa and Hugo on synthetic corpora of official plans.",
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
    parser.add_argument(
        "--only",
        type=_parse_builders,
        default=BUILDERS,
        metavar="B[,B…]",
        help="builders among plain,loa,hugo",
    )
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds before a build is killed")
    parser.add_argument(
        "--preview-saves", type=int, default=3, metavar="S", help="saves timed per preview (0: no preview)"
    )
    parser.add_argument("--corpus-only", type=Path, metavar="DIR", help="only write a corpus project to DIR")
    parser.add_argument("--size", type=int, metavar="N", help="corpus size for --corpus-only")
    parser.add_argument("--layout", choices=BUILDERS, default="loa", help="project layout for --corpus-only")
    args = parser.parse_args(argv)
    if args.corpus_only and (args.size is None or not 1 <= args.size <= MAX_SIZE):
        parser.error(f"--corpus-only needs --size N with 1 <= N <= {MAX_SIZE}")
    if args.repeat < 1 or args.preview_saves < 0:
        parser.error("--repeat must be at least 1 and --preview-saves at least 0")
    return args


def _parse_sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of integers: {text!r}") from None
    if not sizes or any(not 1 <= n <= MAX_SIZE for n in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be between 1 and {MAX_SIZE}: {text!r}")
    return sizes


def _parse_builders(text: str) -> tuple[Layout, ...]:
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    if not names or any(name not in BUILDERS for name in names):
        raise argparse.ArgumentTypeError(f"builders must be among {','.join(BUILDERS)}: {text!r}")
    return tuple(layout for layout in BUILDERS if layout in names)


def _run_layout(layout: Layout, project: Path, log: Path, repeat: int, timeout: float, n: int) -> BuildResult:
    """Build ``project`` ``repeat`` times and summarise the runs."""
    command = build_command(layout, project)
    if isinstance(command, str):
        _report(f"[{n}] {layout}: {command}")
        return BuildResult("unavailable", command)
    result = BuildResult("ok", command=shlex.join(command), log=str(log))
    log.write_text("", encoding="utf-8")
    cpu: list[float] = []
    rss: list[int] = []
    for run in range(1, repeat + 1):
        shutil.rmtree(project / "site", ignore_errors=True)  # Loa's site is a link: Loa replaces it itself
        shutil.rmtree(project / ".cache", ignore_errors=True)  # every run a full build, without Loa's cache
        code, wall, cpu_s, peak = measure_build(command, project, log, timeout)
        result.exit_code = code
        if code is None or code != 0:
            result.status = "timeout" if code is None else "failed"
            result.detail = f"timeout ({timeout:g} s)" if code is None else f"failed (exit {code})"
            _report(f"[{n}] {layout} run {run}/{repeat}: {result.detail}; see {log}")
            _report(read_tail(log))
            return result
        result.runs_s.append(round(wall, 3))
        cpu.append(cpu_s)
        rss.append(peak)
        _report(
            f"[{n}] {layout} run {run}/{repeat}: {wall:.2f} s, CPU {cpu_s:.2f} s, peak RSS {peak / _MB:.0f} MB"
        )
    result.wall_s = round(statistics.median(result.runs_s), 3)
    result.cpu_s = round(statistics.median(cpu), 3)
    result.peak_rss_mb = round(max(rss) / _MB, 1)
    result.output_bytes, result.output_files = measure_tree(project / "site")
    result.detail = f"{result.wall_s:.2f} s"
    return result


def _report(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
