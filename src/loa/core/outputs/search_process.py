"""The search index built in a second process, beside the build rather than inside it.

MkDocs renders pages on one core; the index (text of each page, tokens, postings, shards) takes a seventh of a
20,000-document build's time when it shares that core, and here runs on another. The build sends each page's HTML
down a pipe and goes on; a full pipe makes it wait, so at most a pipe's worth of pages is ever in flight. The child
writes the index with :class:`~loa.core.outputs.search.SearchIndexWriter` once told that the build has ended: the files are
the same as when the writer runs in the build's own process. When the build stops without saying so (an error,
Ctrl-C, a crash), the child reads the end of its input, removes what it wrote and exits.

Run as ``python -m loa.core.outputs.search_process``, reading JSON from standard input, one message a line, never a
serialised object: ``{"root": …, "entries": […]}``, then ``{"page": [src_uri, html]}`` per page, then
``{"end": true}``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from loa.core.outputs.child_process import (
    close_quietly,
    encode_line,
    report_write_error,
    start_child,
    stop_child,
)
from loa.core.outputs.search import SearchEntry, SearchIndexWriter, html_text

__all__ = ["SearchIndexError", "SearchIndexProcess"]


class SearchIndexError(RuntimeError):
    """The child stopped before writing the index (its own error is on standard error)."""


class SearchIndexProcess:
    """Starts the child that indexes the pages, and hands it each page's HTML.

    Arguments:
        root: The ``search/`` directory of the site being built.
        entries: The searchable pages; an entry's position is its document id.
    """

    def __init__(self, root: Path, entries: Sequence[SearchEntry]) -> None:
        self._process = start_child(__name__)
        self._input: IO[bytes] | None = self._process.stdin
        self._send({"root": str(root), "entries": [asdict(entry) for entry in entries]})

    def add(self, src_uri: str, html: str) -> None:
        """Index the page ``src_uri`` (ignored unless it is searchable) with its ``html`` content."""
        self._send({"page": [src_uri, html]})

    def finish(self) -> None:
        """Tell the child the build has ended; it writes the index meanwhile (see :meth:`wait`)."""
        self._send({"end": True})
        self._close()

    def wait(self) -> None:
        """Wait until the index is written; raise :class:`SearchIndexError` if it could not be."""
        code = self._process.wait()
        if code != 0:
            raise SearchIndexError(f"không lập được chỉ mục tìm kiếm (tiến trình con thoát với mã {code})")

    def discard(self) -> None:
        """Stop the child without an index: it removes what it wrote."""
        self._close()
        stop_child(self._process, grace=60)

    def _send(self, message: Any) -> None:
        if self._input is None:
            raise SearchIndexError("chỉ mục tìm kiếm đã đóng")
        try:
            self._input.write(encode_line(message))
        except BrokenPipeError:
            self._input = None
            self.wait()
            raise SearchIndexError("tiến trình lập chỉ mục tìm kiếm đã dừng") from None

    def _close(self) -> None:
        if self._input is not None:
            stream, self._input = self._input, None
            close_quietly(stream)


def _tuples(value: Any) -> Any:
    """JSON's lists back into the tuples of a `SearchEntry`."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _entry(data: dict[str, Any]) -> SearchEntry:
    return SearchEntry(**{key: _tuples(value) for key, value in data.items()})


def main() -> int:
    """The child: index what standard input brings; write the index at the end message, discard it without one."""
    stream = sys.stdin.buffer
    first = json.loads(stream.readline())
    writer = SearchIndexWriter(Path(first["root"]), tuple(_entry(e) for e in first["entries"]))
    try:
        for line in stream:
            if not line.endswith(b"\n"):
                break  # cut short: the build stopped while writing
            message = json.loads(line)
            if "end" in message:
                writer.finish()
                return 0
            src_uri, html = message["page"]
            writer.add(src_uri, html_text(html))
    except OSError as error:  # a full or read-only disk: the build says so and keeps the previous site
        writer.discard()
        return report_write_error("chỉ mục tìm kiếm", error)
    except BaseException:
        writer.discard()
        raise
    writer.discard()  # the build stopped without saying so
    return 1


if __name__ == "__main__":
    sys.exit(main())
