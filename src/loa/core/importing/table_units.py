"""Units named in the columns of a task table ("| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |"),
whether the table arrives as Markdown pipes or as cells cut at tabs and wide gaps."""

from __future__ import annotations

import re

from loa.core.importing.unit_mentions import UnitRegistry, unit_list
from loa.core.text.skeleton import skeleton

__all__ = ["table_units"]

_UNIT_COLUMN = re.compile(
    r"^(?:don\s+vi|co\s+quan|chu\s+tri|phoi\s+hop|trach\s+nhiem|(?:bo\s+phan|noi)\s+thuc\s+hien|thuc\s+hien)\b"
)
_RULE = re.compile(r"^[\s|:\-+=]*$")


def _cells(line: str) -> list[str] | None:
    if "|" in line:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
    else:
        cells = [c.strip() for c in re.split(r"\t+|\s{3,}", line.strip())]
    cells = [re.sub(r"^\*\*|\*\*$", "", c).strip() for c in cells]
    return cells if len(cells) >= 3 else None


def table_units(lines: list[str], start: int, registry: UnitRegistry) -> list[tuple[str | None, str, int]]:
    """(registry id or None, name as written, 1-based line) for each unit in the unit columns of the tables."""
    found: list[tuple[str | None, str, int]] = []
    columns: list[int] = []
    width = 0
    for number, line in enumerate(lines[start:], start + 1):
        if _RULE.match(line):
            if not line.strip():
                columns = []
            continue
        cells = _cells(line)
        if cells is None:
            columns = []
            continue
        heads = [i for i, cell in enumerate(cells) if _UNIT_COLUMN.match(skeleton(cell))]
        if heads and not any(re.search(r"\d", cell) for cell in cells[:1]):
            columns, width = heads, len(cells)
            continue
        if not columns or len(cells) != width:
            continue
        for index in columns:
            for part in re.split(r"\s*<br\s*/?>\s*|\s*;\s*", cells[index]):
                part = re.sub(r"^[-+•–]\s*", "", part).strip()
                found += (
                    [(i, n.rstrip(" ,."), number) for i, n, _ in unit_list(part, 0, registry)] if part else []
                )
    return found
