"""The history of a build, read and written by a second process while the first renders the current pages.

The child reads the repository's history (`loa.core.history`), decides what readers may see of it
(`loa.core.revisions`), sends those histories back without their texts, and then writes every revision page
(`loa.core.revision_pages`). The build needs the histories only when it lays out its pages, after all Markdown is
converted, so reading git costs the first core nothing.

Run as ``python -m loa.core.history_process``: reads a pickled `HistoryJob` from standard input, writes the
pickled histories to standard output.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from loa.core.document import Document
from loa.core.history import prime_front_matter, read_history
from loa.core.releases import write_error_reason
from loa.core.revision_pages import PageOptions, write_revision_pages
from loa.core.revisions import DocumentHistory, document_histories, revision_pages, without_texts

__all__ = ["HistoryError", "HistoryJob", "HistoryProcess"]

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class HistoryError(RuntimeError):
    """The child stopped before finishing (its own error is on standard error)."""


@dataclass(frozen=True)
class HistoryJob:
    """What the child needs.

    Attributes:
        root: The project, a git work tree or not.
        documents: The published documents (their bodies are not needed).
        at: The build time.
        target: ``public`` or ``internal``.
        site: The folder being built, which the revision pages go into.
        options: The revision pages' set-up.
    """

    root: Path
    documents: Sequence[Document]
    at: dt.datetime
    target: str
    site: Path
    options: PageOptions


class HistoryProcess:
    """Starts the child; `histories` returns what it read, `wait` until the revision pages are written."""

    def __init__(self, job: HistoryJob) -> None:
        paths = [str(_PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        self._process = subprocess.Popen([sys.executable, "-P", "-m", __name__], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)})
        assert self._process.stdin is not None and self._process.stdout is not None
        self._output = b""
        # Read at once, so that the child never waits on a full pipe while this process renders.
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._reader.start()
        try:
            pickle.dump(job, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            self._process.stdin.close()
        self._histories: dict[str, DocumentHistory] | None = None

    def _read(self, stream: IO[bytes]) -> None:
        self._output = stream.read()

    def histories(self) -> dict[str, DocumentHistory]:
        """The public history of each published document, without the texts of the revisions."""
        if self._histories is None:
            self._reader.join()
            try:
                self._histories = pickle.loads(self._output)
            except (EOFError, pickle.UnpicklingError):
                self._process.wait()
                raise HistoryError(f"không đọc được lịch sử thay đổi (tiến trình con thoát với mã "
                                   f"{self._process.returncode})") from None
        return self._histories

    def wait(self) -> None:
        """Wait until every revision page is written; raise `HistoryError` if they could not be."""
        self.histories()
        if self._process.wait() != 0:
            raise HistoryError("không ghi được các trang phiên bản cũ của văn bản (xem lỗi ở trên)")

    def discard(self) -> None:
        """Stop the child (the build failed)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._reader.join()


def run(job: HistoryJob, output: IO[bytes]) -> None:
    """Read the history, send it to ``output`` without texts, then write the revision pages."""
    history = read_history(job.root)
    if history is not None:
        prime_front_matter(history, job.options.cache)
    histories = document_histories(history, job.documents, at=job.at, target=job.target)
    pickle.dump(without_texts(histories), output, protocol=pickle.HIGHEST_PROTOCOL)
    output.close()
    write_revision_pages(job.site, revision_pages(histories, {d.src_uri: d for d in job.documents}), job.options)


def main() -> int:
    job = pickle.load(sys.stdin.buffer)
    try:
        run(job, sys.stdout.buffer)
    except OSError as error:  # a full or read-only disk: the build says so and keeps the previous site
        print(f"LỖI: không ghi được các trang phiên bản cũ: {write_error_reason(error)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
