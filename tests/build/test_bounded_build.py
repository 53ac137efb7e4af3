"""Bounded parsing in real builds: hostile and fuzzed front matter fails the build with exactly the diagnostics of
``loa check``, quickly, leaving the previous site byte for byte; fuzzed plans that pass ``loa check`` build."""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

import yaml

from loa.core.base.diagnostics import collapse
from tests.conftest import BUILD_TIME, plan_text, run_loa, write_files
from tests.unit.test_bounded_parsing import ARTICLE, BOMB, CHANNELS, fuzz_corpus

_SHOWN = re.compile(
    r"^(?:LỖI|CẢNH BÁO): loa: (?P<path>[^:\s]+)(?::(?P<line>\d+))?: .* \[(?P<code>[a-z]+\.[a-z-]+)\]$"
)


def _hostile() -> dict[str, str | bytes]:
    plan = plan_text()
    cover = {**ARTICLE, "cover": {"src": "../mkdocs.yml", "alt": "Ảnh"}}
    return {
        "plans/bom.md": f"---\n{BOMB}---\n\nNội dung.\n",
        "plans/ky-tu.md": plan.replace("place: Sa Pa", 'place: "Sa\\x01\\0\\e Pa"').replace("12-KH", "13-KH"),
        "plans/nam.md": plan_text(period="0000", number="14-KH/TU"),
        "plans/lich.md": plan_text(
            period="1000/9999",
            number="15-KH/TU",
            tasks=[{"task": "Nội dung thử nghiệm.", "deadline": "R/P1M"}],
        ),
        "plans/sau.md": plan.replace("place: Sa Pa", "place: " + "[" * 10_000 + "]" * 10_000),
        "data/channels.yml": CHANNELS,
        "content/tin-bai/anh.md": f"---\n{yaml.safe_dump(cover, allow_unicode=True)}---\n\nTin.\n",
    }


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _checked(root: Path) -> tuple[list[dict[str, object]], int]:
    result = run_loa("check", "--format", "json", cwd=root)
    return json.loads(result.stdout)["diagnostics"], result.returncode


def test_hostile_and_fuzzed_front_matter_in_a_real_build(project, tmp_path):
    corpus = fuzz_corpus(7, 40)
    root = project({})
    site = tmp_path / "site"
    # Only the fuzzed plans that `loa check` accepts first: they must build.
    write_files(root, corpus)
    diagnostics, _ = _checked(root)
    refused = {str(d["path"]) for d in diagnostics if d["severity"] == "error"}
    for name in refused:
        (root / name).unlink()
    accepted = sorted(set(corpus) - refused)
    assert len(accepted) >= 3, "the corpus has plans that pass"
    assert _checked(root)[1] == 0
    built = run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=root)
    assert built.returncode == 0, built.stderr[-3000:]
    assert "Traceback" not in built.stderr
    before = _digests(site)
    # Then every refused fuzzed plan and the hostile files: the build fails fast, as `loa check` says.
    write_files(root, {**{name: corpus[name] for name in refused}, **_hostile()})
    diagnostics, status = _checked(root)
    assert status == 1
    started = time.monotonic()
    failed = run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=root)
    elapsed = time.monotonic() - started
    assert failed.returncode != 0 and "Traceback" not in failed.stderr, failed.stderr[-3000:]
    assert elapsed < 60, f"the failing build took {elapsed:.0f} s"
    shown = [m.groupdict() for m in map(_SHOWN.match, failed.stderr.splitlines()) if m]
    from_build = [(m["path"], int(m["line"] or 0), m["code"]) for m in shown]
    from_check = [(str(d["path"]), int(str(d["line"])), str(d["code"])) for d in diagnostics]
    assert sorted(from_build) == sorted(_collapsed(from_check)), "loa check and the build agree"
    for name in (
        "plans/bom.md",
        "plans/ky-tu.md",
        "plans/nam.md",
        "plans/lich.md",
        "plans/sau.md",
        "content/tin-bai/anh.md",
    ):
        assert any(path == name for path, _, _ in from_build), name
    assert _digests(site) == before, "the previous site is intact"


def _collapsed(found: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """What the build shows of ``found``: the first ten of each code (`loa.core.base.diagnostics.collapse`)."""
    from loa.core.base.diagnostics import Diagnostic, Severity

    items = [Diagnostic(path, line, code, "", Severity.ERROR, None) for path, line, code in found]
    shown, _ = collapse(items)
    return [(d.path, d.line, d.code) for d in shown]


def test_an_alias_bomb_in_mkdocs_yml_is_refused_quickly(project, tmp_path):
    from tests.conftest import MINIMAL_MKDOCS

    bomb = "".join(f"extra_{line}\n" for line in BOMB.splitlines())
    root = project(
        {"plans/a.md": plan_text()}, mkdocs=MINIMAL_MKDOCS + "extra:\n  x: &x Loa\n  y: *x\n" + bomb
    )
    for command in (["check"], ["build", "--site-dir", str(tmp_path / "site"), "--at", BUILD_TIME]):
        started = time.monotonic()
        result = run_loa(*command, cwd=root)
        assert time.monotonic() - started < 30
        assert result.returncode in (1, 2) and "bí danh YAML" in result.stderr, result.stderr[-2000:]
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    (root / "mkdocs.yml").write_text(MINIMAL_MKDOCS + "extra:\n  x: &x Loa\n  y: *x\n", encoding="utf-8")
    assert run_loa("check", cwd=root).returncode == 0, "a few anchors in mkdocs.yml stay allowed"
