"""The one launcher of the build's second processes (search index, history), run on real children."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

import loa
from loa.core.outputs.child_process import (
    close_quietly,
    encode_line,
    report_write_error,
    start_child,
    stop_child,
)


def test_a_message_is_one_line_of_json_with_its_letters() -> None:
    line = encode_line({"tên": "Lào Cai", "số": [1, 2]})
    assert line == '{"tên": "Lào Cai", "số": [1, 2]}\n'.encode()
    assert json.loads(line) == {"tên": "Lào Cai", "số": [1, 2]}


def test_the_child_reads_a_line_and_answers_on_its_output() -> None:
    child = start_child("json.tool", read_output=True)
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(encode_line({"đơn vị": "Sa Pa"}))
    close_quietly(child.stdin)
    close_quietly(child.stdin)  # closing twice is harmless
    assert json.loads(child.stdout.read()) == {"đơn vị": "Sa Pa"}
    assert child.wait() == 0
    child.stdout.close()


def test_a_child_that_does_not_end_is_killed() -> None:
    child = start_child("json.tool", read_output=True)  # waits for its input forever
    stop_child(child, grace=0.2)
    assert child.returncode is not None and child.returncode < 0
    assert child.stdin is not None and child.stdout is not None
    close_quietly(child.stdin)
    child.stdout.close()


def test_a_child_that_ends_in_its_grace_is_not_killed() -> None:
    child = start_child("json.tool", read_output=True)
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(b"{}\n")
    close_quietly(child.stdin)
    stop_child(child, grace=30)
    assert child.returncode == 0
    child.stdout.close()


def test_a_write_error_is_said_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert report_write_error("chỉ mục tìm kiếm", OSError(errno.ENOSPC, "No space left on device")) == 1
    err = capsys.readouterr().err
    assert err.startswith("LỖI: không ghi được chỉ mục tìm kiếm: ")


def test_the_child_imports_this_copy_of_loa_and_nothing_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package_root = str(Path(loa.__file__).resolve().parents[1])
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    child = start_child("site", read_output=True)  # prints its sys.path
    assert child.stdin is not None and child.stdout is not None
    close_quietly(child.stdin)
    shown = child.stdout.read().decode()
    child.stdout.close()
    assert child.wait() == 0
    paths = [line.strip().strip("',") for line in shown.splitlines() if line.startswith("    '")]
    assert paths[0] == package_root
    assert str(tmp_path) not in paths
