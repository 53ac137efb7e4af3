"""What changed between two public revisions: the front-matter fields, and the body word by word."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["FieldChange", "field_changes", "word_diff"]


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
