"""Per-field accuracy of ``loa import --json`` on a directory of texts with hand-made expectations.

Each ``NAME.txt`` (or ``.docx``, ``.md``) beside a ``NAME.json`` holding the expected extraction is one case.
A field scores when the extracted value equals the expected one exactly (strings compared in NFC, as written).

    python -m loa.bench.importeval tests/fixtures/import/eval [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from loa.core.extract import extract
from loa.core.importing import SUFFIXES, read_source

__all__ = ["FIELDS", "evaluate", "main"]


def _refs(value: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(r.get("type"), r.get("number"), r.get("date"), r.get("issuer")) for r in value.get("references") or []]


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


def main(argv: list[str] | None = None) -> int:
    """Print a table of per-field accuracy."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--verbose", action="store_true", help="print the differing values")
    args = parser.parse_args(argv)
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
