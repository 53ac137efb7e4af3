"""Cases built one by one. REFUSED: `loa build` fails with a Vietnamese message naming the file and line, `loa
check --format json` agrees, the previous site in the same --site-dir is byte-identical. EITHER: refused so, or
built with the payload inert (no live markup, no canary, a clean address)."""

from __future__ import annotations

import pytest

from tests.hostile.cases import EITHER, REFUSED, SEPARATE, Case
from tests.hostile.corpus import Built, Corpus, _resolve, address_problems, theme_assets
from tests.hostile.harness import VIETNAMESE, lines_with, nfc
from tests.hostile.inspect_output import canary_hits


def assert_refused(case: Case, built: Built, good: Built) -> None:
    run, check = built.run, built.check
    assert check is not None
    assert run.returncode != -9, f"the build hung: {run.stderr[-2000:]}"
    assert run.returncode != 0, f"{case.id}: the build accepted {case.what}"
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert VIETNAMESE.search(run.stderr), f"stderr is not Vietnamese: {run.stderr[-2000:]}"
    paths = [_resolve(p, theme_assets(good.site)) for p in case.path]
    stderr = nfc(run.stderr)
    if case.needles:
        wanted = {f"{nfc(p)}:{line}" for p in paths for line in lines_with(built.root / p, case.needles)}
        assert wanted, f"no line of {paths} holds {case.needles}"
        assert any(w in stderr for w in wanted), (
            f"stderr names none of {sorted(wanted)}:\n{run.stderr[-3000:]}"
        )
    else:
        assert any(nfc(p) in stderr for p in paths), f"stderr does not name {paths}:\n{run.stderr[-3000:]}"
    assert check.returncode not in (0, -9), (
        f"loa check passed or hung: {check.stdout[-2000:]}{check.stderr[-2000:]}"
    )
    assert "Traceback" not in check.stderr, check.stderr[-3000:]
    errors = [
        d
        for d in built.diagnostics()
        if d.get("severity") == "error" and nfc(str(d.get("path"))) in {nfc(p) for p in paths}
    ]
    assert errors, f"loa check --format json lists no error for {paths}: {check.stdout[-3000:]}"
    if case.needles:
        lines = {line for p in paths for line in lines_with(built.root / p, case.needles)}
        assert any(d.get("line") in lines for d in errors), (
            f"no diagnostic on lines {sorted(lines)}: {errors}"
        )
    if case.max_seconds:
        assert check.seconds < case.max_seconds, f"loa check took {check.seconds:.1f} s"
        assert run.seconds < case.max_seconds + 2, f"loa build took {run.seconds:.1f} s"
    assert built.after == built.before, "the previous site changed: " + ", ".join(
        sorted(set(built.after.items()) ^ set(built.before.items()))[:10].__repr__()
    )


def assert_inert(case: Case, built: Built) -> None:
    assert not built.findings, "live output:\n" + "\n".join(map(str, built.findings[:20]))
    hits = canary_hits(built.site, case.canaries)
    assert not hits, f"canaries in the site: {hits}"
    missing = [p for p in case.published if not canary_hits(built.site, (p,))]
    assert not missing, f"expected in the site: {missing}"
    if case.clean_address:
        problems = address_problems(built.site, case.clean_address)
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", SEPARATE, ids=lambda c: c.id)
def test_case(case: Case, corpus: Corpus, good: Built) -> None:
    built = corpus.separate[case.id].result()
    if case.outcome == REFUSED or built.run.returncode != 0:
        assert_refused(case, built, good)
    else:
        assert case.outcome == EITHER
        assert_inert(case, built)
