"""A failed build never touches the previous site; the same inputs give byte-identical output.

Killed builds: tests/build/test_crash_safety.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import BUILD_TIME, REPO, plan_text, run_loa


def _digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_failed_build_keeps_previous_site_and_explains(project):
    root = project({"plans/2022/a.md": plan_text()})
    assert run_loa("build", "--at", BUILD_TIME, cwd=root).returncode == 0
    before = _digest(root / "site")
    (root / "plans/2022/b.md").write_text(plan_text(date="2022-02-30", number="9-KH/TU"), encoding="utf-8")
    (root / "plans/2022/c.md").write_text("---\ntype: Kế hoạch\n  title: x\n---\n", encoding="utf-8")
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "plans/2022/b.md:" in result.stderr and "30/02/2022 không tồn tại [meta.date]" in result.stderr
    assert "plans/2022/c.md:3: lỗi cú pháp YAML" in result.stderr
    assert "giữ nguyên trang cũ" in result.stderr
    assert _digest(root / "site") == before
    assert not list(root.glob(".site.building-*")), "staging directory left behind"
    assert len(list((root / ".site.releases").iterdir())) == 1, "the failed build's folder was left behind"


def test_same_sources_and_time_give_identical_bytes(tmp_path):
    sites = []
    for name in ("one", "two"):
        site = tmp_path / name
        result = run_loa(
            "build", "-f", str(REPO / "mkdocs.yml"), "--site-dir", str(site), "--at", BUILD_TIME, cwd=REPO
        )
        assert result.returncode == 0, result.stderr
        sites.append(_digest(site))
    assert sites[0] == sites[1]
    assert len(sites[0]) > 20
