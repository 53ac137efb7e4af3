"""On time: ``loa next-change``, and the timer's command publishing a scheduled document when it comes due."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import loa
from tests.conftest import BUILD_TIME, run_loa
from tests.deploy.conftest import plan

UNITS = Path(loa.__file__).parent / "deploy"
SOON = "2026-11-22T12:01:00+07:00"  # one minute after BUILD_TIME
SCHEDULED = "plans/2022/ke-hoach-hen-gio.md"


def timer_command(web: Path, repo: Path) -> list[str]:
    """The service's ExecStart, its variables filled from its Environment= lines as systemd does, run with our
    Python instead of /usr/local/bin/loa."""
    lines = (UNITS / "loa-deploy.service").read_text(encoding="utf-8").splitlines()
    values = dict(
        line.removeprefix("Environment=").split("=", 1) for line in lines if line.startswith("Environment=")
    )
    assert values["LOA_WEB_ROOT"] == "/srv/loa"
    values |= {"LOA_WEB_ROOT": str(web), "LOA_REPO": str(repo)}
    exec_start = next(line.removeprefix("ExecStart=") for line in lines if line.startswith("ExecStart="))
    words = [
        values.get(word[2:-1], word) if word.startswith("${") else word for word in shlex.split(exec_start)
    ]
    assert words[0] == "/usr/local/bin/loa"
    return [sys.executable, "-m", "loa.cli", *words[1:]]


def run_timer(command: list[str], at: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOA_")}
    env |= {"LOA_BUILD_TIME": at, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300)


def test_scheduled_document_goes_live_when_due(git_project: Callable[..., Path], tmp_path: Path) -> None:
    root = git_project(
        {
            "plans/2022/ke-hoach-a.md": plan("1-KH/TU", "về kế hoạch đã đăng"),
            SCHEDULED: plan("2-KH/TU", "về kế hoạch hẹn giờ", publish_at=SOON),
        }
    )
    nxt = run_loa("next-change", "--at", BUILD_TIME, cwd=root)
    assert (nxt.returncode, nxt.stdout) == (0, f"{SOON}\n"), nxt.stderr
    web = tmp_path / "web"
    command = timer_command(web, root)
    page = web / "current" / "plans" / "2022" / "ke-hoach-hen-gio" / "index.html"

    first = run_timer(command, BUILD_TIME, root)  # nothing deployed yet: due at once
    assert first.returncode == 0, first.stderr
    assert not page.exists() and (web / "current" / "plans" / "2022" / "ke-hoach-a" / "index.html").is_file()
    state = json.loads((web / "state.json").read_text(encoding="utf-8"))
    assert state["next_change"] == SOON
    release = os.readlink(web / "current")

    early = run_timer(command, "2026-11-22T12:00:59+07:00", root)
    assert (early.returncode, early.stderr) == (0, "")
    assert os.readlink(web / "current") == release and not page.exists()

    due = run_timer(command, SOON, root)
    assert due.returncode == 0, due.stderr
    assert "đến giờ hẹn đăng" in due.stderr
    assert page.is_file() and os.readlink(web / "current") != release
    state = json.loads((web / "state.json").read_text(encoding="utf-8"))
    assert state["next_change"] is None and SCHEDULED in {d["path"] for d in state["published"]}
    assert run_loa("next-change", "--at", SOON, cwd=root).returncode == 1

    quiet = run_timer(command, "2026-11-23T11:59:00+07:00", root)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    daily = run_timer(command, "2026-11-23T12:01:00+07:00", root)
    assert daily.returncode == 0 and "dựng lại hằng ngày" in daily.stderr


def test_units_and_cron_line(tmp_path: Path) -> None:
    systemd_analyze = shutil.which("systemd-analyze")
    assert systemd_analyze, "systemd-analyze is missing (apt-get install systemd)"
    for name in ("loa-deploy.service", "loa-deploy.timer"):
        text = (UNITS / name).read_text(encoding="utf-8")
        # verify needs the command to exist on this machine: the installed loa's place is the README's.
        (tmp_path / name).write_text(text.replace("/usr/local/bin/loa", shutil.which("true") or "/bin/true"))
    result = subprocess.run(
        [systemd_analyze, "verify", str(tmp_path / "loa-deploy.service"), str(tmp_path / "loa-deploy.timer")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    timer = (UNITS / "loa-deploy.timer").read_text(encoding="utf-8")
    assert "OnCalendar=*-*-* *:*:00" in timer and "AccuracySec=1s" in timer
    cron = [
        line
        for line in (UNITS / "loa-deploy.cron").read_text(encoding="utf-8").splitlines()
        if line[:1] == "*"
    ]
    assert len(cron) == 1 and cron[0].startswith("* * * * * ")
    assert "deploy --repo /srv/git/site.git --web-root /srv/loa --when-due" in cron[0]
