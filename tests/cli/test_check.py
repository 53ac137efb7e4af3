"""``loa check`` and ``loa schema`` as editors and CI run them."""

from __future__ import annotations

import json

from tests.conftest import REPO, plan_text, run_loa


def test_check_passes_on_the_shipped_site():
    result = run_loa("check", cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert "0 lỗi" in result.stdout


def test_check_lists_every_problem_and_fails(project):
    root = project({
        "plans/a.md": plan_text(status="publised"),
        "plans/b.md": plan_text(number="2-KH/TU", date="2021-13-01"),
        "plans/c.md": plan_text(number="3-KH/TU", date="2025-09-01"),
    })
    result = run_loa("check", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("LỖI: plans/a.md:") and "[meta.choice]" in line for line in lines)
    assert any(line.startswith("LỖI: plans/b.md:") and "[meta.date]" in line for line in lines)
    assert any(line.startswith("CẢNH BÁO: plans/c.md:") and "[meta.issuer-period]" in line for line in lines)
    assert "2 lỗi, 1 cảnh báo" in lines[-1]


def test_check_warnings_fail_only_in_strict_mode(project):
    root = project({"plans/c.md": plan_text(date="2025-09-01")})
    assert run_loa("check", cwd=root).returncode == 0
    assert run_loa("check", "--strict", cwd=root).returncode == 1


def test_check_json_output(project):
    root = project({"plans/a.md": plan_text(type="Kế hoạc")})
    result = run_loa("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and payload["errors"] == 1
    (item,) = payload["diagnostics"]
    assert item == {
        "path": "plans/a.md",
        "line": 3,
        "code": "meta.choice",
        "severity": "error",
        "field": "type",
        "message": item["message"],
    }
    assert "Có phải ý bạn là 'Kế hoạch'" in item["message"]


def test_build_rejects_a_bad_time(project):
    root = project({})
    result = run_loa("build", "--at", "hôm qua", cwd=root)
    assert result.returncode == 2 and "không hợp lệ" in result.stderr
