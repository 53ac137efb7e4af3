"""Revision history of documents, read from git in one pass.

One ``git log`` lists every commit touching the content folders with the files it changed (renames detected),
newest first; walking it backwards from each file's current path follows the file across renames. One
``git cat-file --batch`` then reads every revision's text. Two processes for the whole site, however many files.

What readers may see of it is decided in `loa.core.history.revisions`, by the catalog's own strict loader and the one
publication rule; this module only reads, parses (`Revision.parsed`, its errors counted) and diffs.

A git object that cannot be read (a truncated or missing file under ``.git/objects``) is never taken for a shorter
history: the revision is marked broken, and the document's history is then unavailable (`loa.core.history.revisions`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import html
import json
import re
import secrets
import shutil
import subprocess
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from loa.core.base.diagnostics import Diagnostics
from loa.core.loading.catalog import decode_document
from loa.core.loading.content_cache import CacheStore
from loa.core.model.document import TIMEZONE
from loa.core.model.registry import DEFAULT_EDITOR
from loa.core.safety.frontmatter import FrontMatter, parse_document_text, read_body
from loa.core.safety.trust import strip_invisible

__all__ = [
    "NOTE_TRAILER",
    "FieldChange",
    "Parsed",
    "Revision",
    "field_changes",
    "prime_front_matter",
    "read_history",
    "word_diff",
]

_REGULAR = ("100644", "100755")  # not a symbolic link (120000) nor a submodule (160000), as in the catalog
_RESTARTS = 50  # git processes at most for the texts, however many objects are damaged
_NOTE_MAX = 300  # characters of a public note
NOTE_TRAILER = "Ghi-chu"
"""The commit trailer that carries a revision's public note, written by the editor in Vietnamese
(``Ghi-chu: Sửa số liệu mục II.2``). A commit message itself is never shown."""


@dataclass(frozen=True)
class Parsed:
    """A revision's text parsed strictly: the front matter and how many errors the parser reported."""

    front: FrontMatter
    errors: int


@dataclass(frozen=True)
class Revision:
    """One committed state of a document.

    Attributes:
        commit: Full commit id.
        date: Commit date, +07:00.
        author: Who readers see updated it: the name ``data/editors.yml`` gives the author's address, or
            `loa.core.model.registry.DEFAULT_EDITOR`; never the git identity.
        message: The public note of the revision, from the commit's `NOTE_TRAILER` trailer; empty without one.
        subject: First line of the commit message, for the people who maintain the site; never shown.
        path: The file's path in that commit.
        text: The whole file as committed (front matter and body).
        blob: The file's git object.
        readable: False when the file was a symbolic link, not UTF-8 or too large, as the catalog refuses (such a
            revision is never public).
        broken: True when git could not give the file (a corrupt or missing object).
    """

    commit: str
    date: dt.datetime
    author: str
    message: str
    path: str
    subject: str = ""
    text: str = ""
    blob: str = ""
    readable: bool = True
    broken: bool = False

    @property
    def short(self) -> str:
        """Short commit id, used in URLs."""
        return self.commit[:10]

    @cached_property
    def parsed(self) -> Parsed:
        """The text parsed by the catalog's parser, its errors counted (not reported: they are history)."""
        diagnostics = Diagnostics()
        front = parse_document_text(self.text, self.path, diagnostics)
        return Parsed(front, len(diagnostics.errors))

    @property
    def front(self) -> dict[str, Any]:
        """The revision's front matter (dates as written), or an empty mapping when it cannot be read."""
        return self.parsed.front.data

    @property
    def body(self) -> str:
        """The revision's Markdown body."""
        return self.parsed.front.body


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes] | None:
    if shutil.which("git") is None:
        return None
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", *args], cwd=root, input=stdin, capture_output=True, check=False
    )


def _first_line(error: bytes) -> str:
    return next((line for line in error.decode("utf-8", "replace").splitlines() if line.strip()), "").strip()


def read_history(
    root: Path,
    folders: Sequence[str] = ("plans", "content"),
    *,
    max_size: int = 1_000_000,
    notices: list[str] | None = None,
    editors: Mapping[str, str] | None = None,
) -> dict[str, list[Revision]] | None:
    """Return each current file's revisions, oldest first, keyed by its current path; None when unavailable.

    History is unavailable without git, outside a repository and in a shallow clone (whose oldest commit would
    pass for each file's creation), silently; and when git fails to list it (a corrupt repository), with a
    notice appended to ``notices``. A revision whose object cannot be read is kept, marked broken. ``editors``
    (`loa.core.model.registry.load_editors`) names the authors readers see.
    """
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.returncode != 0 or shallow.stdout.strip() != b"false":
        return None
    # Separators no commit can hold: an editor may put any character in a message or a name, and a message that
    # carried a fixed separator would forge a revision's date and author or stop every build.
    token = secrets.token_hex(16)
    record_mark, unit = f"\x1e{token}\x1e", f"\x1f{token}\x1f"
    placeholders = (
        "%H",
        "%aI",
        "%ae",
        "%s",
        f"%(trailers:key={NOTE_TRAILER},valueonly,unfold,separator=%x20)",
    )
    log = _git(
        root,
        "log",
        f"--format={record_mark}{unit.join(placeholders)}",
        "--raw",
        "--no-abbrev",
        "-M",
        "--relative",
        "--no-merges",
        "--",
        *folders,
    )
    tracked = _git(root, "ls-files", "--", *folders)
    if log is None or tracked is None or log.returncode != 0 or tracked.returncode != 0:
        failed = log if log is not None and log.returncode != 0 else tracked
        if notices is not None and failed is not None:
            notices.append(
                "không đọc được lịch sử thay đổi từ kho git (git báo: "
                f"{_first_line(failed.stderr) or 'lỗi không rõ'}); mọi trang ghi lịch sử thay đổi không "
                "có. Hãy kiểm tra kho bằng 'git fsck'."
            )
        return None
    current = set(tracked.stdout.decode("utf-8").splitlines())
    history: dict[str, list[Revision]] = {}
    alias = {path: path for path in current}  # a path as it was in older commits → the current path
    for record in log.stdout.decode("utf-8", "replace").split(record_mark)[1:]:
        header, _, changes = record.partition("\n")
        fields = header.split(unit)
        if len(fields) != 5:
            continue  # not a record git wrote for this format: nothing to read
        commit, date, email, subject, note = fields
        try:
            when, unreadable = dt.datetime.fromisoformat(date).astimezone(TIMEZONE), False
        except (ValueError, OverflowError):
            # A commit whose date git itself cannot give (made with "hash-object --literally"): its revisions are
            # marked broken, so the documents' history is unavailable; the build goes on.
            when, unreadable = dt.datetime(1970, 1, 1, tzinfo=TIMEZONE), True
            if notices is not None:
                notices.append(
                    f"commit {commit[:10]} có ngày giờ không đọc được ('{date[:40]}'); lịch sử thay đổi của các "
                    "văn bản nó sửa không hiện. Hãy báo người vận hành kiểm tra kho bằng 'git fsck'."
                )
        author = (editors or {}).get(email.casefold(), DEFAULT_EDITOR)
        message = strip_invisible(note).strip()[:_NOTE_MAX]
        for line in changes.splitlines():
            # ":<old mode> <new mode> <old blob> <new blob> <status>\t<path>[\t<new path>]"
            parts = line.split("\t")
            fields = parts[0].split()
            if len(parts) < 2 or len(fields) != 5 or not fields[0].startswith(":"):
                continue
            mode, blob, status, path = fields[1], fields[3], fields[4], parts[-1]
            key = alias.get(path)
            if key is None or not path.endswith(".md") or status.startswith("D"):
                continue  # a deletion is no state of the document (seen only across branches)
            history.setdefault(key, []).append(
                Revision(
                    commit,
                    when,
                    author,
                    message,
                    path,
                    subject=subject,
                    blob=blob,
                    readable=mode in _REGULAR,
                    broken=unreadable,
                )
            )
            if status.startswith("R"):
                del alias[path]
                alias[parts[1]] = key
            elif status.startswith("A"):
                del alias[path]  # older commits of a file at this path were another document
    _read_texts(root, history, max_size)
    for revisions in history.values():
        revisions.reverse()
    return history


def _read_texts(root: Path, history: dict[str, list[Revision]], max_size: int) -> None:
    """Fill in every revision's text; one ``cat-file`` for all, and one more after each object it cannot read."""
    wanted = [(key, index) for key, revisions in history.items() for index in range(len(revisions))]
    for _ in range(_RESTARTS):
        if not wanted:
            return
        request = "".join(f"{history[k][i].blob}\n" for k, i in wanted).encode("utf-8")
        result = _git(root, "cat-file", "--batch", stdin=request)
        output = result.stdout if result is not None else b""
        done = _parse_batch(output, wanted, history, max_size)
        if done < len(wanted):
            # git stopped inside this object (it could not inflate it): broken, and the rest asked again.
            key, index = wanted[done]
            history[key][index] = replace(history[key][index], broken=True)
            done += 1
        wanted = wanted[done:]
    for key, index in wanted:  # a repository this damaged gives no history for what is left
        history[key][index] = replace(history[key][index], broken=True)


def _parse_batch(
    output: bytes, wanted: list[tuple[str, int]], history: dict[str, list[Revision]], max_size: int
) -> int:
    """Read the answers of ``cat-file --batch`` in order; return how many were whole."""
    position = 0
    for done, (key, index) in enumerate(wanted):
        end = output.find(b"\n", position)
        if end < 0:
            return done
        header = output[position:end].split()
        revision = history[key][index]
        if len(header) != 3 or header[1] != b"blob":
            # "missing": a loose object git cannot read is reported so, as is one that is gone.
            history[key][index] = replace(revision, broken=True)
            position = end + 1
            continue
        size = int(header[2])
        if end + 1 + size + 1 > len(output):
            return done
        data = output[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
        text = decode_document(data, revision.path, max_size, Diagnostics()) if revision.readable else None
        history[key][index] = replace(revision, text=text or "", readable=text is not None)
    return len(wanted)


def _parser_version() -> str:
    """A digest of the code that parses (the whole core, where the parser's helpers live) and of PyYAML."""
    digest = hashlib.sha256(yaml.__version__.encode())
    for module in sorted(Path(parse_document_text.__code__.co_filename).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()


def prime_front_matter(history: dict[str, list[Revision]], store: CacheStore | None) -> None:
    """Parse each revision's text once across builds: kept in ``store`` by the digest of its text.

    A revision never changes, so what the parser made of it is read from the cache of the last build; only new
    revisions are parsed. The entry is JSON (front matter is plain YAML data: strings, numbers, booleans, lists and
    mappings), signed like every entry, keeps what this build used, and is tied to the code of the core.
    """
    if store is None:
        return
    name = _parser_version()
    payload = store.read("front-matter", name)
    known: dict[str, list[Any]] = {}
    if payload is not None:
        try:
            found = json.loads(zlib.decompress(payload))
        except (zlib.error, ValueError):
            found = None
        if isinstance(found, dict):
            known = found
        else:
            store.rejected += 1
    used: dict[str, list[Any]] = {}
    for revisions in history.values():
        for revision in revisions:
            digest = hashlib.sha256(revision.text.encode("utf-8")).hexdigest()
            kept: list[Any] = known.get(digest) or []
            try:
                data, lines, body_line, present, readable, errors = kept
                front = FrontMatter(
                    data=dict(data),
                    lines=dict(lines),
                    body=read_body(revision.text),
                    body_line=int(body_line),
                    present=bool(present),
                    readable=bool(readable),
                )
                parsed = Parsed(front, int(errors))
            except (TypeError, ValueError):
                parsed = revision.parsed
                front = parsed.front
                kept = [
                    front.data,
                    front.lines,
                    front.body_line,
                    front.present,
                    front.readable,
                    parsed.errors,
                ]
            else:
                # The instance's own cache of the property, filled as reading it would have.
                revision.__dict__["parsed"] = parsed
            used[digest] = kept
    if used.keys() != known.keys():
        try:
            data = json.dumps(used, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (TypeError, ValueError):
            return  # a value JSON cannot carry as it is: parsed again next time rather than kept changed
        store.write("front-matter", name, zlib.compress(data, 1))


@dataclass(frozen=True)
class FieldChange:
    """A front-matter field that changed between two revisions (None: absent)."""

    field: str
    before: Any
    after: Any


def field_changes(
    before: dict[str, Any], after: dict[str, Any], *, ignore: Iterable[str] = ()
) -> list[FieldChange]:
    """Fields added, removed or changed, in the order of the newer front matter, then removed ones."""
    skip = set(ignore)
    keys = [k for k in after if k not in skip] + [k for k in before if k not in after and k not in skip]
    return [FieldChange(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> str:
    """HTML of ``after`` with the words removed since ``before`` in ``<del>`` and added ones in ``<ins>``.

    Lines are matched first and words only inside the lines that changed: a long text with a few edits costs
    about as much as reading it, where matching its words directly grows with the square of its length.
    """
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(new_lines[j1:j2])))
        else:
            out.append(
                _words(_TOKEN.findall("".join(old_lines[i1:i2])), _TOKEN.findall("".join(new_lines[j1:j2])))
            )
    return "".join(out)


def _words(old: list[str], new: list[str]) -> str:
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(new[j1:j2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(old[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(new[j1:j2]))}</ins>")
    return "".join(out)
