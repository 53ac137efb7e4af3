"""The history of a build, read and written by a second process while the first renders the current pages.

The child opens the cache (`loa.core.loading.cache_trust`), reads the repository's history (`loa.core.history.git`), decides
what readers may see of it (`loa.core.history.revisions`), sends those histories back without their texts, and then
writes every revision page (`loa.core.history.revision_pages`). The build needs the histories only when it lays out its
pages, after all Markdown is converted, so reading git costs the first core nothing.

Run as ``python -m loa.core.history.history_process``. Both pipes carry JSON, one message a line, never a serialised
object: standard input brings the job (`encode_job`); standard output takes the histories with the notices found
so far, then, once the pages are written, the last notices (a corrupt git object, a cache that was not used or
whose entries did not verify).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from loa.core.base.diagnostics import Diagnostics
from loa.core.history.git import Revision, prime_front_matter, read_history
from loa.core.history.revision_pages import PageOptions, write_revision_pages
from loa.core.history.revisions import (
    DocumentHistory,
    HistorySubject,
    RevisionEntry,
    StrictLoader,
    document_histories,
    revision_pages,
    without_texts,
)
from loa.core.loading.cache_trust import open_cache
from loa.core.loading.catalog import Layout
from loa.core.model.document import TIMEZONE
from loa.core.model.registry import load_editors
from loa.core.outputs.child_process import (
    close_quietly,
    encode_line,
    report_write_error,
    start_child,
    stop_child,
)

__all__ = ["HistoryError", "HistoryJob", "HistoryProcess", "Subject"]


class HistoryError(RuntimeError):
    """The child stopped before finishing (its own error is on standard error)."""


@dataclass(frozen=True)
class Subject:
    """What the child knows of a published document (see `HistorySubject`)."""

    path: str
    src_uri: str
    url: str
    full_title: str


@dataclass(frozen=True)
class HistoryJob:
    """What the child needs.

    Attributes:
        layout: The project (a git work tree or not) and its content roots.
        documents: The published documents.
        at: The build time.
        target: ``public``, ``internal`` or ``preview``.
        site: The folder being built, which the revision pages go into.
        options: The revision pages' set-up (its ``cache`` is the project's cache folder, checked by the child).
    """

    layout: Layout
    documents: Sequence[HistorySubject]
    at: dt.datetime
    target: str
    site: Path
    options: PageOptions


def _encode_value(value: Any) -> Any:
    """A Markdown extension setting as JSON (``mkdocs.yml`` is read without Python tags: plain data only)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_encode_value(v) for v in value]
    if isinstance(value, Mapping) and all(isinstance(k, str) for k in value):
        return {k: _encode_value(v) for k, v in value.items()}
    raise HistoryError(
        f"không chuyển được thiết lập Markdown {value!r} sang tiến trình ghi lịch sử "
        "(chỉ nhận chuỗi, số, danh sách và bảng)"
    )


def encode_job(job: HistoryJob) -> bytes:
    """The job as one line of JSON."""
    layout, options = job.layout, job.options
    return encode_line(
        {
            "layout": [
                str(layout.root),
                str(layout.content_dir),
                str(layout.plans_dir),
                str(layout.data_dir),
                layout.max_file_size,
            ],
            "documents": [[d.path, d.src_uri, d.url, d.full_title] for d in job.documents],
            "at": job.at.isoformat(),
            "target": job.target,
            "site": str(job.site),
            "options": {
                "extensions": list(options.extensions),
                "extension_configs": _encode_value(dict(options.extension_configs)),
                "site_name": options.site_name,
                "site_url": options.site_url,
                "stylesheets": list(options.stylesheets),
                "cache": None if options.cache is None else str(options.cache),
                "targets": dict(options.targets),
            },
        }
    )


def decode_job(line: bytes) -> HistoryJob:
    """The job from its line of JSON."""
    data = json.loads(line)
    root, content, plans, data_dir, max_size = data["layout"]
    options = data["options"]
    return HistoryJob(
        Layout(Path(root), Path(content), Path(plans), Path(data_dir), int(max_size)),
        tuple(Subject(*d) for d in data["documents"]),
        dt.datetime.fromisoformat(data["at"]),
        data["target"],
        Path(data["site"]),
        PageOptions(
            options["extensions"],
            options["extension_configs"],
            options["site_name"],
            options["site_url"],
            options["stylesheets"],
            None if options["cache"] is None else Path(options["cache"]),
            options["targets"],
        ),
    )


def _encode_histories(histories: Mapping[str, DocumentHistory]) -> dict[str, Any]:
    return {
        key: {
            "available": h.available,
            "entries": [
                [
                    e.revision.commit,
                    e.revision.date.isoformat(),
                    e.revision.author,
                    e.revision.message,
                    e.revision.path,
                    e.url,
                    e.since.isoformat(),
                    e.newest,
                ]
                for e in h.entries
            ],
        }
        for key, h in histories.items()
    }


def _decode_histories(data: Mapping[str, Any]) -> dict[str, DocumentHistory]:
    def when(value: str) -> dt.datetime:
        return dt.datetime.fromisoformat(value).astimezone(TIMEZONE)

    return {
        key: DocumentHistory(
            h["available"],
            tuple(
                RevisionEntry(Revision(commit, when(date), author, message, path), url, when(since), newest)
                for commit, date, author, message, path, url, since, newest in h["entries"]
            ),
        )
        for key, h in data.items()
    }


class HistoryProcess:
    """Starts the child; `histories` returns what it read, `wait` until the revision pages are written.

    Arguments:
        job: What the child needs.
        report: Called with each notice of the child (Vietnamese), once the pages are written.
    """

    def __init__(self, job: HistoryJob, report: Callable[[str], None] = lambda notice: None) -> None:
        message = encode_job(job)
        self._report = report
        self._process = start_child(__name__, read_output=True)
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._first = b""
        self._rest = b""
        self._ready = threading.Event()
        # Read at once, so that the child never waits on a full pipe while this process renders.
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._reader.start()
        try:
            self._process.stdin.write(message)
        except BrokenPipeError:
            pass
        finally:
            close_quietly(self._process.stdin)
        self._histories: dict[str, DocumentHistory] | None = None
        self._notices: list[str] = []

    def _read(self, stream: IO[bytes]) -> None:
        try:
            self._first = stream.readline()
        finally:
            self._ready.set()
        self._rest = stream.read()

    def histories(self) -> dict[str, DocumentHistory]:
        """The public history of each published document, without the texts of the revisions."""
        if self._histories is None:
            self._ready.wait()
            try:
                message = json.loads(self._first)
                self._histories = _decode_histories(message["histories"])
                self._notices.extend(message["notices"])
            except (ValueError, KeyError, TypeError):
                self._process.wait()
                raise HistoryError(
                    f"không đọc được lịch sử thay đổi (tiến trình con thoát với mã "
                    f"{self._process.returncode})"
                ) from None
        return self._histories

    def wait(self) -> None:
        """Wait until every revision page is written, report the notices; raise `HistoryError` if they could not be."""
        self.histories()
        code = self._process.wait()
        self._reader.join()
        if code != 0:
            raise HistoryError("không ghi được các trang phiên bản cũ của văn bản (xem lỗi ở trên)")
        try:
            self._notices.extend(json.loads(self._rest)["notices"])
        except (ValueError, KeyError, TypeError):
            raise HistoryError("tiến trình ghi lịch sử thay đổi dừng giữa chừng") from None
        for notice in self._notices:
            self._report(notice)

    def discard(self) -> None:
        """Stop the child (the build failed)."""
        stop_child(self._process)
        self._reader.join()


def _send(output: IO[bytes], message: Mapping[str, Any]) -> None:
    output.write(encode_line(message))
    output.flush()


def run(job: HistoryJob, output: IO[bytes]) -> None:
    """Read the history, send it to ``output`` without texts, write the revision pages, then the last notices."""
    notices: list[str] = []
    store = None
    if job.options.cache is not None:
        store, found = open_cache(job.layout.root, job.options.cache)
        notices.extend(found)
    layout = job.layout
    load = StrictLoader.for_layout(layout)
    history = read_history(
        layout.root,
        tuple(folder for folder, _, _ in load.roots),
        max_size=layout.max_file_size,
        notices=notices,
        # Checked by the catalog (`loa check`, the build): problems are reported there, not twice.
        editors=load_editors(layout.data_dir / "editors.yml", "data/editors.yml", Diagnostics()),
    )
    if history is not None:
        prime_front_matter(history, store)
    load.prime(store)
    histories = document_histories(
        history, job.documents, at=job.at, target=job.target, load=load, notices=notices
    )
    load.keep(store)
    _send(output, {"histories": _encode_histories(without_texts(histories)), "notices": notices})
    write_revision_pages(
        job.site,
        revision_pages(histories, {d.src_uri: d for d in job.documents}),
        job.options,
        store=store,
        names={key: issuer.name for key, issuer in load.issuers.items()},
    )
    last = []
    if store is not None and job.options.cache is not None and store.rejected:
        last.append(
            f"{store.rejected} mục trong bộ nhớ đệm {layout.relative(job.options.cache)}/ bị hỏng, bị sửa hoặc không do máy "
            "này tạo (không khớp chữ ký): Loa đã bỏ chúng, tạo lại và ghi đè."
        )
    _send(output, {"notices": last})
    output.close()


def main() -> int:
    job = decode_job(sys.stdin.buffer.readline())
    try:
        run(job, sys.stdout.buffer)
    except OSError as error:  # a full or read-only disk: the build says so and keeps the previous site
        return report_write_error("các trang phiên bản cũ", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
