"""The corpus in numbers; `pytest -s tests/hostile/test_summary.py` prints the table."""

from __future__ import annotations

from collections import Counter

from tests.hostile.cases import ALL, EITHER, NEUTRALISED, REFUSED

CLASSES = {
    1: "feed and page HTML from text fields",
    2: "URLs from data and front matter",
    3: "active attachments, theme paths",
    4: "attachments follow publication",
    5: "bodies",
    6: "invisible characters",
    7: "bounded parsing",
    8: "file names",
    9: "never-public revisions",
    13: "safe without Loa",
}


def table() -> str:
    counts = Counter((case.cls, case.outcome) for case in ALL)
    rows = [f"{'class':<44} {REFUSED:>8} {NEUTRALISED:>11} {EITHER:>6} {'all':>5}"]
    for number, name in CLASSES.items():
        row = [counts[(number, outcome)] for outcome in (REFUSED, NEUTRALISED, EITHER)]
        rows.append(f"{number:>2} {name:<41} {row[0]:>8} {row[1]:>11} {row[2]:>6} {sum(row):>5}")
    total = [sum(counts[(n, o)] for n in CLASSES) for o in (REFUSED, NEUTRALISED, EITHER)]
    rows.append(f"{'total':<44} {total[0]:>8} {total[1]:>11} {total[2]:>6} {sum(total):>5}")
    return "\n".join(rows)


def test_counts() -> None:
    print("\n" + table())
    assert len(ALL) >= 90
    assert {case.cls for case in ALL} == set(CLASSES)
    assert all(case.outcome in (REFUSED, NEUTRALISED, EITHER) for case in ALL)
    assert all(case.batch for case in ALL if case.outcome == NEUTRALISED)
    assert all(case.path for case in ALL if case.outcome == REFUSED)
