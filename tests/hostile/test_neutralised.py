"""Batched cases: one build per batch, every payload inert in every output file, every canary absent."""

from __future__ import annotations

import pytest

from tests.hostile.cases import ALL, BATCHES, BYPASS, NEUTRALISED, Case
from tests.hostile.corpus import Built, Corpus
from tests.hostile.inspect_output import canary_hits

BATCHED = [case for case in ALL if case.outcome == NEUTRALISED]
TOKENS = {case.token for case in ALL}


def _built(batch: Built) -> None:
    assert batch.run.returncode == 0, f"the batch did not build:\n{batch.run.stderr[-4000:]}"


def _mine(case: Case, batch: Built) -> list[str]:
    return [str(f) for f in batch.findings if case.token in f.snippet or case.token in f.file]


@pytest.mark.parametrize("case", BATCHED, ids=lambda c: c.id)
def test_case(case: Case, corpus: Corpus) -> None:
    batch = corpus.batches[case.batch].result()
    _built(batch)
    mine = _mine(case, batch)
    assert not mine, "live output:\n" + "\n".join(mine[:20])
    hits = canary_hits(batch.site, case.canaries)
    assert not hits, f"canaries in the public site: {hits}"
    missing = [p for p in case.published if not canary_hits(batch.site, (p,))]
    assert not missing, f"expected in the site (control): {missing}"


@pytest.mark.parametrize("case", [c for c in BATCHED if c.batch == "text"], ids=lambda c: c.id)
def test_bundle(case: Case, text_bundle: Built) -> None:
    """The offline bundle carries the same documents: same checks on the unzipped copy."""
    _built(text_bundle)
    mine = _mine(case, text_bundle)
    assert not mine, "live output in the bundle:\n" + "\n".join(mine[:20])


@pytest.mark.parametrize("name", BATCHES)
def test_no_unattributed_findings(name: str, corpus: Corpus) -> None:
    """Live markup no case's token explains (a payload that lost its marker, or the scan misreading the theme)."""
    batch = corpus.batches[name].result()
    _built(batch)
    stray = [str(f) for f in batch.findings if not any(t in f.snippet or t in f.file for t in TOKENS)]
    assert not stray, "\n".join(stray[:20])


def test_good_site_is_clean(good: Built) -> None:
    """The scan finds nothing in a site built from the valid base project: no false alarm from the theme."""
    assert not good.findings, "\n".join(map(str, good.findings[:20]))


@pytest.mark.parametrize("case", BYPASS, ids=lambda c: c.id)
def test_bypass(case: Case, corpus: Corpus) -> None:
    """Class 13: a build around Loa either fails or publishes no withheld (or, bypassing Loa, any) document."""
    built = corpus.bypass[case.id].result()
    assert built.run.returncode != -9, "the build hung"
    if not built.site.exists():
        assert built.run.returncode != 0
        return
    hits = canary_hits(built.site, case.canaries)
    assert not hits, f"published without Loa's allowlist (exit {built.run.returncode}): {hits}"
