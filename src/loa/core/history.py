"""Revision history of documents, read from git in one pass.

One ``git log`` lists every commit touching the content folders with the files it changed (renames detected),
newest first; walking it backwards from each file's current path follows the file across renames. One
``git cat-file --batch`` then reads every revision's text. Two processes for the whole site, however many files.

A revision is shown publicly only for the time its own front matter made it public: from its commit (or its
``publish_at``, if later) until the next commit of the file. A revision written while the document was a draft,
scheduled or internal never appears, not even as the "previous" side of a diff.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import html
import pickle
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from loa.core.content_cache import keep_file
from loa.core.diagnostics import Diagnostics
from loa.core.document import TIMEZONE
from loa.core.frontmatter import FrontMatter, parse_document_text, read_body

__all__ = ["FieldChange", "Revision", "field_changes", "prime_front_matter", "public_revisions", "publish_time",
           "read_history", "word_diff"]

_RECORD = "\x1e"
_UNIT = "\x1f"


@dataclass(frozen=True)
class Revision:
    """One committed state of a document.

    Attributes:
        commit: Full commit id.
        date: Commit date, +07:00.
        author: Author name.
        message: First line of the commit message.
        path: The file's path in that commit.
        text: The whole file as committed (front matter and body).
    """

    commit: str
    date: dt.datetime
    author: str
    message: str
    path: str
    text: str = ""

    @property
    def short(self) -> str:
        """Short commit id, used in URLs."""
        return self.commit[:10]

    @cached_property
    def _parsed(self) -> FrontMatter:
        # Problems in an old revision are history, not something to report now.
        return parse_document_text(self.text, self.path, Diagnostics())

    @property
    def front(self) -> dict[str, Any]:
        """The revision's front matter (dates as written), or an empty mapping when it cannot be read."""
        return self._parsed.data

    @property
    def body(self) -> str:
        """The revision's Markdown body."""
        return self._parsed.body


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    if shutil.which("git") is None:
        return None
    result = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root, input=stdin,
                            capture_output=True, check=False)
    return result.stdout if result.returncode == 0 else None


def read_history(root: Path, folders: Sequence[str] = ("plans", "content")) -> dict[str, list[Revision]] | None:
    """Return each current file's revisions, oldest first, keyed by its current path; None when unavailable.

    History is unavailable without git, outside a repository and in a shallow clone (whose oldest commit would
    pass for each file's creation).
    """
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != b"false":
        return None
    log = _git(root, "log", f"--format={_RECORD}%H{_UNIT}%aI{_UNIT}%an{_UNIT}%s", "--name-status", "-M", "--relative",
               "--no-merges", "--", *folders)
    tracked = _git(root, "ls-files", "--", *folders)
    if log is None or tracked is None:
        return None
    current = set(tracked.decode("utf-8").splitlines())
    history: dict[str, list[Revision]] = {}
    alias = {path: path for path in current}  # a path as it was in older commits → the current path
    for record in log.decode("utf-8").split(_RECORD)[1:]:
        header, _, changes = record.partition("\n")
        commit, date, author, message = header.split(_UNIT)
        when = dt.datetime.fromisoformat(date).astimezone(TIMEZONE)
        for line in changes.splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            status, path = parts[0], parts[-1]
            key = alias.get(path)
            if key is None or not path.endswith(".md"):
                continue
            history.setdefault(key, []).append(Revision(commit, when, author, message, path))
            if status.startswith("R"):
                del alias[path]
                alias[parts[1]] = key
            elif status.startswith("A"):
                del alias[path]  # older commits of a file at this path were another document
    _read_texts(root, history)
    for revisions in history.values():
        revisions.reverse()
    return history


def _read_texts(root: Path, history: dict[str, list[Revision]]) -> None:
    wanted = [(key, index) for key, revisions in history.items() for index in range(len(revisions))]
    if not wanted:
        return
    request = "".join(f"{history[k][i].commit}:{history[k][i].path}\n" for k, i in wanted).encode("utf-8")
    output = _git(root, "cat-file", "--batch", stdin=request) or b""
    position = 0
    for key, index in wanted:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3:
            size = int(header[2])
            text = output[position : position + size].decode("utf-8", errors="replace")
            position += size + 1
        else:
            text = ""
        history[key][index] = replace(history[key][index], text=text)


def prime_front_matter(history: dict[str, list[Revision]], folder: Path | None) -> None:
    """Parse each revision's front matter once across builds: kept in ``folder`` by the digest of its text.

    A revision never changes, so its front matter is read from the cache of the last build; only new revisions
    are parsed. The cache keeps what this build used, and is tied to the parser's own code.
    """
    if folder is None:
        return
    code = hashlib.sha256(Path(parse_document_text.__code__.co_filename).read_bytes()).hexdigest()[:16]
    path = folder / f"front-matter-{code}.pickle"
    try:
        known: dict[bytes, tuple[Any, ...]] = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        known = {}
    used: dict[bytes, tuple[Any, ...]] = {}
    for revisions in history.values():
        for revision in revisions:
            digest = hashlib.sha256(revision.text.encode("utf-8")).digest()
            kept = known.get(digest)
            if kept is None:
                parsed = revision._parsed
                kept = (parsed.data, parsed.lines, parsed.body_line, parsed.present, parsed.readable)
            else:
                data, lines, body_line, present, readable = kept
                # The instance's own cache of the property, filled as reading it would have.
                revision.__dict__["_parsed"] = FrontMatter(data, lines, read_body(revision.text), body_line, present,
                                                           readable)
            used[digest] = kept
    if used.keys() != known.keys():
        keep_file(path, pickle.dumps(used, protocol=pickle.HIGHEST_PROTOCOL))


def _public(front: dict[str, Any], target: str) -> bool:
    allowed = ("public", "internal") if target == "internal" else ("public",)
    return front.get("status") == "published" and front.get("access", "public") in allowed


def _publish_at(front: dict[str, Any]) -> dt.datetime | None:
    # Front matter keeps datetimes as written; a naive one is Vietnam time, as in validation.
    try:
        value = dt.datetime.fromisoformat(str(front.get("publish_at")))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=TIMEZONE)


def publish_time(revision: Revision) -> dt.datetime:
    """When a revision reached readers: its commit, or its own ``publish_at`` if that is later."""
    return max(filter(None, (revision.date, _publish_at(revision.front))))


def public_revisions(revisions: Sequence[Revision], *, at: dt.datetime, target: str = "public") -> list[Revision]:
    """The revisions readers of ``target`` could have seen by ``at``, oldest first.

    A revision counts when its own front matter is public and the time it was live, from its commit (or its
    ``publish_at``, if later) to the next commit, began by ``at`` and is not empty.
    """
    shown = []
    for index, revision in enumerate(revisions):
        if not _public(revision.front, target):
            continue
        start = publish_time(revision)
        end = revisions[index + 1].date if index + 1 < len(revisions) else None
        if start <= at and (end is None or start < end):
            shown.append(revision)
    return shown


@dataclass(frozen=True)
class FieldChange:
    """A front-matter field that changed between two revisions (None: absent)."""

    field: str
    before: Any
    after: Any


def field_changes(before: dict[str, Any], after: dict[str, Any], *, ignore: Iterable[str] = ()) -> list[FieldChange]:
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
            out.append(_words(_TOKEN.findall("".join(old_lines[i1:i2])), _TOKEN.findall("".join(new_lines[j1:j2]))))
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
