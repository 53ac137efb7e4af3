"""``loa check`` and ``loa schema`` as editors and CI run them."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import MINIMAL_MKDOCS, REPO, plan_text, run_loa

CHECK_SCHEMA = json.loads((REPO / "schema" / "check-output.schema.json").read_text(encoding="utf-8"))


def test_check_passes_on_the_shipped_site():
    result = run_loa("check", cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert "0 lỗi" in result.stdout


def test_check_lists_every_problem_and_fails(project):
    root = project(
        {
            "plans/a.md": plan_text(status="publised"),
            "plans/b.md": plan_text(number="2-KH/TU", date="2021-13-01"),
            "plans/c.md": plan_text(
                number="3-KH/TU", date="2025-09-01", publish_at="2025-09-02T08:00:00+07:00"
            ),
        }
    )
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


def _validate_check_output(stdout: str) -> dict[str, object]:
    payload = json.loads(stdout)
    jsonschema.Draft202012Validator(CHECK_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(payload)
    severities = [d["severity"] for d in payload["diagnostics"]]
    assert (payload["errors"], payload["warnings"]) == (
        severities.count("error"),
        severities.count("warning"),
    )
    keys = [(d["path"], d["line"], d["code"]) for d in payload["diagnostics"]]
    assert keys == sorted(keys)
    return payload


def test_check_json_output_matches_its_schema(project):
    jsonschema.Draft202012Validator.check_schema(CHECK_SCHEMA)
    root = project(
        {
            "plans/a.md": plan_text(status="publised"),
            "plans/b.md": plan_text(
                "Thực hiện Kế hoạch số 99-KH/TU, ngày 02/02/2021 của Ban Thường vụ Thị ủy.\n",
                number="2-KH/TU",
            ),
            "content/trang.md": "---\ntitle: Trang\n---\n\n![](anh.png) [Phụ lục](phu-luc.pdf)\n",
            "content/anh.png": b"\x89PNG\r\n\x1a\n",
        },
        mkdocs=MINIMAL_MKDOCS.replace("index.md\n", "index.md\n  - Giới thiệu: gioi-thieu.md\n", 1),
    )
    result = run_loa("check", "--format", "json", cwd=root)
    assert result.returncode == 1, result.stderr
    payload = _validate_check_output(result.stdout)
    assert payload["ok"] is False
    codes = {d["code"]: d for d in payload["diagnostics"]}
    assert set(codes) == {"meta.choice", "image.alt", "link.missing", "nav.missing", "xref.unresolved"}
    assert codes["meta.choice"]["field"] == "status" and codes["nav.missing"]["field"] is None
    assert codes["nav.missing"]["path"] == "mkdocs.yml"


def test_check_json_output_of_the_shipped_site_matches_its_schema():
    result = run_loa("check", "--format", "json", cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert _validate_check_output(result.stdout)["ok"] is True


@pytest.mark.parametrize(
    "broken",
    [
        {"ok": "yes"},
        {
            "diagnostics": [
                {
                    "path": "/tuyet-doi.md",
                    "line": 1,
                    "code": "meta.choice",
                    "severity": "error",
                    "field": None,
                    "message": "x",
                }
            ]
        },
        {
            "diagnostics": [
                {
                    "path": "a.md",
                    "line": -1,
                    "code": "meta.choice",
                    "severity": "error",
                    "field": None,
                    "message": "x",
                }
            ]
        },
        {
            "diagnostics": [
                {
                    "path": "a.md",
                    "line": 1,
                    "code": "Meta Choice",
                    "severity": "error",
                    "field": None,
                    "message": "x",
                }
            ]
        },
        {
            "diagnostics": [
                {
                    "path": "a.md",
                    "line": 1,
                    "code": "meta.choice",
                    "severity": "fatal",
                    "field": None,
                    "message": "x",
                }
            ]
        },
        {"extra": 1},
    ],
)
def test_check_output_schema_rejects_malformed_output(broken):
    payload = {"ok": True, "documents": 0, "errors": 0, "warnings": 0, "diagnostics": [], **broken}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, CHECK_SCHEMA)


def test_build_rejects_a_bad_time(project):
    root = project({})
    result = run_loa("build", "--at", "hôm qua", cwd=root)
    assert result.returncode == 2 and "không hợp lệ" in result.stderr
