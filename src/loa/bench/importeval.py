"""Per-field accuracy of ``loa import --json`` on a directory of texts with hand-made expectations.

Each ``NAME.txt`` (or ``.docx``, ``.md``) beside a ``NAME.json`` holding the expected extraction is one case.
A field scores when the extracted value equals the expected one exactly (strings compared in NFC, as written).

    python -m loa.bench.importeval tests/fixtures/import/eval [--verbose]

With ``--tasks``, each ``NAME.json`` lists the expected ``deadlines`` and ``targets`` of its ``source`` text (beside
it, or in the seeds at ``../shared/seeds``); precision and recall are reported per file and micro-averaged. A
deadline matches on canonical value and line, a target on count, unit and line.

    python -m loa.bench.importeval --tasks tests/fixtures/import/tasks [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loa.core.importing.convert import SUFFIXES, read_source
from loa.core.importing.extract import extract

__all__ = ["FIELDS", "SEEDS", "TASK_KEYS", "TaskScore", "evaluate", "evaluate_tasks", "main"]

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
TASK_KEYS = {"deadlines": ("deadline", "line"), "targets": ("count", "unit", "line")}
"""What makes a found deadline or target the same as an expected one."""


def _refs(value: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (r.get("type"), r.get("number"), r.get("date"), r.get("issuer"))
        for r in value.get("references") or []
    ]


FIELDS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "type": lambda v: v.get("type"),
    "number": lambda v: v.get("number"),
    "issuer": lambda v: v.get("issuer"),
    "place": lambda v: v.get("place"),
    "date": lambda v: (v.get("date"), v.get("date_partial")),
    "title": lambda v: v.get("title"),
    "signer": lambda v: v.get("signer"),
    "signer.name": lambda v: (v.get("signer") or {}).get("name"),
    "recipients": lambda v: v.get("recipients"),
    "references": _refs,
    "references.numbers": lambda v: [r[1] for r in _refs(v)],
}
"""What is scored, and how each field is read from an extraction."""


def evaluate(directory: Path) -> tuple[dict[str, list[tuple[str, Any, Any]]], int]:
    """Return, per field, the failed cases as (name, expected, found), and the number of cases."""
    failures: dict[str, list[tuple[str, Any, Any]]] = {name: [] for name in FIELDS}
    cases = sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES and p.with_suffix(".json").exists())
    for case in cases:
        expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
        found = extract(read_source(case)).as_json()
        for name, read in FIELDS.items():
            if read(found) != read(expected):
                failures[name].append((case.name, read(expected), read(found)))
    return failures, len(cases)


@dataclass(frozen=True)
class TaskScore:
    """Deadlines or targets of one file (or of all files): how many match, are expected, are found."""

    matched: int
    expected: int
    found: int
    missed: tuple[tuple[Any, ...], ...] = ()
    extra: tuple[tuple[Any, ...], ...] = ()

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def __add__(self, other: TaskScore) -> TaskScore:
        return TaskScore(
            self.matched + other.matched, self.expected + other.expected, self.found + other.found
        )


def _score(expected: list[dict[str, Any]], found: list[dict[str, Any]], keys: tuple[str, ...]) -> TaskScore:
    want = Counter(tuple(item[k] for k in keys) for item in expected)
    got = Counter(tuple(item[k] for k in keys) for item in found)
    return TaskScore(
        sum((want & got).values()),
        want.total(),
        got.total(),
        tuple(sorted((want - got).elements(), key=repr)),
        tuple(sorted((got - want).elements(), key=repr)),
    )


def evaluate_tasks(directory: Path) -> dict[str, dict[str, TaskScore]]:
    """Score deadlines and targets per file, keyed by the name of the expectation file."""
    scores: dict[str, dict[str, TaskScore]] = {}
    for case in sorted(directory.glob("*.json")):
        expected = json.loads(case.read_text(encoding="utf-8"))
        source = case.parent / expected["source"]
        found = extract(read_source(source if source.exists() else SEEDS / expected["source"])).as_json()
        scores[case.stem] = {
            kind: _score(expected[kind], found[kind], keys) for kind, keys in TASK_KEYS.items()
        }
    return scores


def _print_tasks(scores: dict[str, dict[str, TaskScore]], verbose: bool) -> None:
    print(f"{'file':<16}" + "".join(f"{kind + ' P':>14} {'R':>6} {'m/e/f':>9}" for kind in TASK_KEYS))
    totals = {kind: TaskScore(0, 0, 0) for kind in TASK_KEYS}
    for name, kinds in [*scores.items(), ("micro", totals)]:
        if name != "micro":
            for kind in TASK_KEYS:
                totals[kind] += kinds[kind]
        print(
            f"{name:<16}"
            + "".join(
                f"{s.precision:14.3f} {s.recall:6.3f} {s.matched:>3}/{s.expected}/{s.found}"
                for s in kinds.values()
            )
        )
    for name, kinds in scores.items() if verbose else ():
        for kind, score in kinds.items():
            for label, items in (("missed", score.missed), ("extra", score.extra)):
                for item in items:
                    print(f"{name} {kind} {label}: {item}")


def main(argv: list[str] | None = None) -> int:
    """Print a table of per-field accuracy, or of task precision and recall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path, nargs="?")
    parser.add_argument(
        "--tasks", type=Path, help="score deadlines and targets against the files in this directory"
    )
    parser.add_argument("--verbose", action="store_true", help="print the differing values")
    args = parser.parse_args(argv)
    if args.tasks:
        _print_tasks(evaluate_tasks(args.tasks), args.verbose)
        return 0
    if args.directory is None:
        parser.error("a directory or --tasks is required")
    failures, total = evaluate(args.directory)
    if not total:
        print(f"no cases in {args.directory}", file=sys.stderr)
        return 2
    print(f"{'field':<20} {'correct':>9}  accuracy")
    for name, failed in failures.items():
        print(f"{name:<20} {total - len(failed):>4}/{total:<4} {100 * (total - len(failed)) / total:6.1f} %")
    if args.verbose:
        for name, failed in failures.items():
            for case_name, expected, found in failed:
                print(f"\n{name} {case_name}\n  expected {expected!r}\n  found    {found!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
