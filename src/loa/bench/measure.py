"""Measuring one build: wall time, CPU time and peak memory of its process tree, and the size of its output.

Peak memory is the larger of ``ru_maxrss`` from ``os.wait4`` on the build process (on Linux the largest resident
set of that process or of any one descendant it waited for) and, on Linux, the sum of the resident sets of the
build process and all its descendants, sampled ten times a second: a build whose work is split between processes
(Loa indexes search and reads history in child processes) is measured by what the processes hold together. CPU
time is user + system time from the same ``os.wait4``: the build process and every descendant it waited for,
which is every process a build starts (Hugo's threads are one process).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

__all__ = ["measure_build", "measure_tree", "read_tail"]


def measure_build(
    command: list[str], cwd: Path, log: Path, timeout: float
) -> tuple[int | None, float, float, int]:
    """Run one build and return (exit status or None on timeout, wall s, CPU s, peak RSS bytes)."""
    expired = threading.Event()
    with log.open("ab") as stream:
        stream.write(f"$ {shlex.join(command)}\n".encode())
        stream.flush()
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )

        def kill_on_timeout() -> None:
            expired.set()
            process.kill()

        timer = threading.Timer(timeout, kill_on_timeout)
        timer.start()
        done = threading.Event()
        tree_peak = [0]
        sampler = threading.Thread(target=_sample_tree, args=(process.pid, done, tree_peak), daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        finally:
            timer.cancel()
            done.set()
            sampler.join()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; keep Popen consistent
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB elsewhere
    code = None if expired.is_set() else process.returncode
    return code, wall, usage.ru_utime + usage.ru_stime, max(peak, tree_peak[0])


def _sample_tree(pid: int, done: threading.Event, peak: list[int]) -> None:
    """Until ``done``, keep in ``peak[0]`` the largest sum of resident sets of ``pid`` and its descendants."""
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    while not done.wait(0.1):
        total = 0
        pending = [pid]
        while pending:
            current = pending.pop()
            try:
                total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * page
                for task in Path(f"/proc/{current}/task").iterdir():
                    pending.extend(int(child) for child in (task / "children").read_text().split())
            except (OSError, IndexError, ValueError):
                continue  # not Linux, or the process has just ended
        peak[0] = max(peak[0], total)


def measure_tree(root: Path) -> tuple[int, int]:
    """Return (total bytes, file count) of the files under ``root``, skipping the built ``site`` and ``.git``."""
    total = count = 0
    for directory, subdirs, files in os.walk(root):
        if Path(directory) == root:  # the built site, Loa's releases behind it, the corpus' git history
            subdirs[:] = [d for d in subdirs if d not in ("site", ".git") and not d.startswith(".site.")]
        for name in files:
            total += os.lstat(os.path.join(directory, name)).st_size
            count += 1
    return total, count


def read_tail(log: Path, lines: int = 15) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join("    " + line for line in text[-lines:])
