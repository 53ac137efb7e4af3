"""The detector against a fixture made by reading the three seed texts (tests/fixtures/citations/seeds.yml)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from loa.core.base.diagnostics import Diagnostics
from loa.core.model.registry import load_issuers
from loa.core.text.citations import detect_citations
from loa.core.text.issuer_mentions import IssuerNames
from tests.conftest import FIXTURES, REPO, SEEDS

FIXTURE = yaml.safe_load((FIXTURES / "citations" / "seeds.yml").read_text(encoding="utf-8"))


def _issuers():
    return load_issuers(REPO / "data" / "issuers.yml", "data/issuers.yml", Diagnostics())


def _issuer_id(name: str | None, issuers) -> str | None:
    if name is None:
        return None
    for issuer in issuers.values():
        if name in issuer.names or name in (f"{n} Lào Cai" for n in issuer.names):
            return issuer.id
    raise AssertionError(f"fixture issuer {name!r} is not in data/issuers.yml")


def _as_date(value) -> dt.date | None:
    return value if isinstance(value, dt.date) or value is None else dt.date.fromisoformat(str(value))


def evaluate() -> dict[str, dict[str, int]]:
    """Return true positives, false positives and false negatives per seed, numbered and named."""
    issuers = _issuers()
    names = IssuerNames((n, i.id) for i in issuers.values() for n in i.names)
    scores: dict[str, dict[str, int]] = {}
    for seed, expected in FIXTURE.items():
        found = detect_citations((SEEDS / seed).read_text(encoding="utf-8"), names=names)
        want = [
            (e["line"], e["number"], _as_date(e["date"]), _issuer_id(e["issuer"], issuers))
            for e in expected.get("numbered") or []
        ]
        got = [
            (c.line, c.number, c.date, c.issuer)
            for c in found
            if c.number and not (c.name or "").startswith("alias")
        ]
        want_named = [(e["line"], e["as_written"]) for e in expected.get("named") or []]
        # "Nghị quyết Trung ương 4 khóa XI, XII" names two resolutions in one mention: the fixture lists mentions.
        mentions = {(c.line, c.start): c for c in found if not c.number or (c.name or "").startswith("alias")}
        got_named = [(c.line, c.as_written) for c in mentions.values()]
        scores[seed] = _score(want, got, "numbered") | _score(want_named, got_named, "named", overlap=True)
        scores[seed]["_misses"] = (  # type: ignore[assignment]
            [("missed", w) for w in want if w not in got]
            + [("extra", g) for g in got if g not in want]
            + [
                ("missed named", w)
                for w in want_named
                if not any(g[0] == w[0] and (g[1] in w[1] or w[1] in g[1]) for g in got_named)
            ]
            + [
                ("extra named", g)
                for g in got_named
                if not any(g[0] == w[0] and (g[1] in w[1] or w[1] in g[1]) for w in want_named)
            ]
        )
    return scores


def _score(want: list, got: list, prefix: str, *, overlap: bool = False) -> dict[str, int]:
    remaining = list(want)
    tp = 0
    for item in got:
        match = next(
            (
                w
                for w in remaining
                if w == item or (overlap and w[0] == item[0] and (w[1] in item[1] or item[1] in w[1]))
            ),
            None,
        )
        if match is not None:
            remaining.remove(match)
            tp += 1
    return {f"{prefix}_tp": tp, f"{prefix}_fp": len(got) - tp, f"{prefix}_fn": len(remaining)}


@pytest.mark.parametrize("seed", sorted(FIXTURE))
def test_every_numbered_citation_is_found_exactly(seed):
    score = evaluate()[seed]
    assert (score["numbered_fp"], score["numbered_fn"]) == (0, 0), score["_misses"]


def test_fixture_is_substantial():
    assert sum(len(v.get("numbered") or []) for v in FIXTURE.values()) >= 50


def test_named_citations_recall_and_precision():
    scores = evaluate().values()
    tp = sum(s["named_tp"] for s in scores)
    fp = sum(s["named_fp"] for s in scores)
    fn = sum(s["named_fn"] for s in scores)
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.8, (tp, fp, fn)


if __name__ == "__main__":
    for seed, score in evaluate().items():
        print(seed, {k: v for k, v in score.items() if k != "_misses"})
        for miss in score["_misses"]:
            print("   ", miss)
