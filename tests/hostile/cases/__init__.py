"""The hostile corpus as data: every case, by class (see tests/hostile/README.md for the outcomes)."""

from __future__ import annotations

from tests.hostile.cases import (
    c01_feeds,
    c02_urls,
    c03_attachments,
    c04_withheld,
    c05_bodies,
    c06_invisible,
    c07_parsing,
    c08_names,
    c09_history,
    c13_bypass,
)
from tests.hostile.cases.base import EITHER, NEUTRALISED, REFUSED, Case

ALL: list[Case] = [
    *c01_feeds.CASES,
    *c02_urls.CASES,
    *c03_attachments.CASES,
    *c04_withheld.CASES,
    *c05_bodies.CASES,
    *c06_invisible.CASES,
    *c07_parsing.CASES,
    *c08_names.CASES,
    *c09_history.CASES,
    *c13_bypass.CASES,
]

BY_ID = {case.id: case for case in ALL}
assert len(BY_ID) == len(ALL), "duplicate case ids"
assert len({case.token for case in ALL}) == len(ALL), "duplicate tokens"

SEPARATE = [case for case in ALL if case.outcome in (REFUSED, EITHER) and not case.command]
BYPASS = [case for case in ALL if case.command]
BATCHES = sorted({case.batch for case in ALL if case.outcome == NEUTRALISED})

__all__ = ["ALL", "BATCHES", "BYPASS", "BY_ID", "EITHER", "NEUTRALISED", "REFUSED", "SEPARATE", "Case"]
