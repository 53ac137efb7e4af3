"""The command line speaks Vietnamese: argparse's own words (usage, help, errors) included."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO, run_loa

COMMANDS = ("build", "bundle", "check", "import", "new", "nginx", "schema")
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "required", "invalid")


def _subcommands() -> list[str]:
    help_text = run_loa("--help", cwd=REPO).stdout
    return re.findall(r"^    (\w[\w-]*) ", help_text, flags=re.M)


def test_every_subcommand_is_found():
    assert set(COMMANDS) <= set(_subcommands())


@pytest.mark.parametrize("command", [None, *sorted(set(COMMANDS) | set(_subcommands()))])
def test_help_has_no_english_words_of_argparse(command):
    result = run_loa(*([command] if command else []), "--help", cwd=REPO)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("cách dùng: loa")
    assert "hiện hướng dẫn này rồi thoát" in text
    assert [word for word in ENGLISH if word in text] == []
    # Placeholders argparse would make from option names in English capitals.
    assert (
        re.findall(r"\b(?:CONFIG_FILE|SITE_DIR|OUTPUT|TITLE|NUMBER|ISSUER|DATE|AUTHOR|CHANNELS)\b", text)
        == []
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "loa: lỗi: thiếu tham số bắt buộc: LỆNH"),
        (("build", "--nope"), "loa: lỗi: không hiểu tham số: --nope"),
        (("build", "--target", "x"), "loa build: lỗi: tham số --target: không có lựa chọn 'x'"),
        (("check", "--format"), "loa check: lỗi: tham số --format: cần một giá trị"),
    ],
)
def test_usage_errors_are_vietnamese(args, message):
    result = run_loa(*args, cwd=REPO)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.startswith("cách dùng: loa")
    assert "Traceback" not in result.stderr


def test_a_build_reports_its_edition_and_time_in_vietnamese(project):
    from tests.conftest import BUILD_TIME

    root = project()
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    assert (
        f"Đã dựng trang vào {root / 'site'} (bản công khai, tính đến 12:00 ngày 22/11/2026)." in result.stderr
    )
    assert [word for word in ("public", "Aborted", "BuildError", "usage:") if word in result.stderr] == []
