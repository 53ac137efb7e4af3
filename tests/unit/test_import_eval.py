"""``loa import --json`` against 25 documents written and annotated apart from the extractor (tests/fixtures/import/eval)."""

from __future__ import annotations

from loa.bench.importeval import FIELDS, evaluate
from tests.conftest import FIXTURES

EVAL = FIXTURES / "import" / "eval"


def test_every_field_is_right_on_the_evaluation_set():
    failures, total = evaluate(EVAL)
    assert total == 25
    assert set(failures) == set(FIELDS)
    assert {field: cases for field, cases in failures.items() if cases} == {}
