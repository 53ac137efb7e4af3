"""The trích yếu under the type line, the "V/v" subject of a Công văn, and the line where the body starts."""

from __future__ import annotations

import re

from loa.core.importing.segments import clean_segment, is_rule, is_upper
from loa.core.importing.signature import LIST_ITEM
from loa.core.text.skeleton import skeleton

__all__ = ["BODY_START", "after_addressees", "skip_rules", "subject_line", "title_after"]


BODY_START = re.compile(r"^(?:thuc\s+hien|can\s+cu|kinh\s+gui|de\s+|nham\s+|trong\s+|ngay\s+\d|i\.\s|1\.\s)")


def title_after(lines: list[str], start: int) -> tuple[str | None, int]:
    """The trích yếu below the type line: its lines up to a blank line or a rule."""
    parts: list[str] = []
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines):
        line = lines[index]
        cleaned = clean_segment(line)
        if not line.strip():
            following = next(
                (i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].strip()), None
            )
            nxt = clean_segment(lines[following]) if following is not None else ""
            if (
                parts
                and nxt[:1].islower()
                and len(nxt) < 200
                and not is_rule(nxt)
                and not parts[-1].endswith((".", ";", ":"))
            ):
                index = following  # type: ignore[assignment]
                continue
            break
        if (
            is_rule(cleaned)
            or (parts and BODY_START.match(skeleton(cleaned)))
            or (is_upper(cleaned) and parts)
        ):
            break
        parts.append(cleaned)
        index += 1
    title = " ".join(" ".join(parts).split()) or None
    return title, index


def subject_line(rows: list[list[str]]) -> str | None:
    """ "V/v tăng cường …" of a Công văn, with its continuation lines."""
    for index, row in enumerate(rows):
        for position, segment in enumerate(row):
            found = re.match(r"^v\s*/\s*v\s*:?\s*", skeleton(segment))
            if not found:
                continue
            parts = [segment[found.end() :]]
            for following in rows[index + 1 :]:
                if not following:
                    break
                first = following[min(position, len(following) - 1)] if position else following[0]
                if not first[:1].islower():
                    break
                parts.append(first)
            return " ".join(" ".join(parts).split()) or None
    return None


def after_addressees(rows: list[list[str]], start: int) -> int:
    """The body of a Công văn starts after its "Kính gửi:" block."""
    for index in range(start, min(len(rows), start + 40)):
        if any(re.match(r"^kinh\s+gui", skeleton(s)) for s in rows[index]):
            end = index + 1
            while end < len(rows) and (not rows[end] or LIST_ITEM.match(rows[end][0])):
                end += 1
            return end
    return start


def skip_rules(lines: list[str], index: int) -> int:
    while index < len(lines) and (not lines[index].strip() or is_rule(clean_segment(lines[index]))):
        index += 1
    return index
