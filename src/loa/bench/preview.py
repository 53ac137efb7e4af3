"""Preview latency: the time from saving a document to its updated page being served by the preview server.

The server is started on the project and asked for one document's page until it answers. Then the document is
saved ``saves`` times, each time with a new marker paragraph at its end, and the page is requested every 20 ms
until it holds the marker: the latency is the time from the write to that answer (the median is reported). The
document is restored and the server's process group ended afterwards. A builder without a preview server, or
one that does not answer in time, gets no figure and the reason instead.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from loa.bench.builders import serve_spec
from loa.bench.corpus import Layout

__all__ = ["PreviewResult", "measure_preview"]

_POLL_S = 0.02


@dataclass
class PreviewResult:
    """Preview latency of one builder on one corpus.

    Attributes:
        latency_s: Median time from save to updated page, in seconds; None when not measured.
        runs_s: Latency of every save, in seconds.
        detail: Why there is no figure (e.g. ``no loa serve yet``), or empty.
        page: Address of the page that was watched.
    """

    latency_s: float | None = None
    runs_s: list[float] = field(default_factory=list)
    detail: str = ""
    page: str = ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (a local http:// address)
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def measure_preview(
    layout: Layout, project: Path, log: Path, *, saves: int = 3, timeout: float = 600.0
) -> PreviewResult:
    """Measure the preview latency of ``layout`` on ``project`` by saving its first document (in path order)."""
    port = _free_port()
    spec = serve_spec(layout, project, port)
    if isinstance(spec, str):
        return PreviewResult(detail=spec)
    paths = sorted(p for p in spec.source_root.rglob("*.md") if p.name != "_index.md")
    if not paths:
        return PreviewResult(detail="no document to save")
    document = paths[0].relative_to(spec.source_root).as_posix()
    url = f"http://127.0.0.1:{port}{spec.page_root}{document.removesuffix('.md')}/"
    result = PreviewResult(page=url)
    source = spec.source_root / document
    original = source.read_bytes()
    with log.open("ab") as stream:
        process = subprocess.Popen(
            spec.command,
            cwd=project,
            stdin=subprocess.DEVNULL,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
    try:
        if not _wait_for(lambda: _fetch(url) is not None, timeout, process):
            result.detail = f"server did not serve {url} within {timeout:g} s"
            return result
        for save in range(saves):
            marker = f"loabenchpreview{save}x{time.time_ns()}"
            saved = time.perf_counter()
            source.write_bytes(original + f"\n\n{marker}\n".encode())
            if not _wait_for(lambda m=marker: m in (_fetch(url) or ""), timeout, process):
                result.detail = f"page not updated within {timeout:g} s"
                return result
            result.runs_s.append(round(time.perf_counter() - saved, 3))
            time.sleep(0.5)  # let the watcher settle before the next save
        result.latency_s = round(statistics.median(result.runs_s), 3)
        return result
    finally:
        source.write_bytes(original)
        _stop(process)


def _wait_for(condition: Callable[[], bool], timeout: float, process: subprocess.Popen[bytes]) -> bool:
    """Poll ``condition`` until it holds, the server exits or ``timeout`` seconds pass."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(_POLL_S)
    return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the server's process group: SIGTERM, then SIGKILL after five seconds."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
