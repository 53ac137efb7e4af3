"""Deadlines a plan's blocks set, as ISO 8601 (``2022-03-25``, ``2022-Q1``, ``R/P1M``).

A date is a deadline only when the text says so ("hoàn thành trong tháng 01/2022", "trước ngày 25/3/2022",
"(tháng 01/2022)", "từ ngày … đến ngày …", "hằng tháng"), never a cited document's date, an anniversary, a horizon
or a past event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from loa.core.importing.blocks import Block

__all__ = ["deadlines_in", "is_past"]


_Q = r"(?:iv|iii|ii|i|[1-4])(?![a-z\d])"
_TIME = {
    "date": re.compile(
        r"(?P<ngay>ngay\s+)?(?P<d>\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(?P<m>\d{1,2})"
        r"(?:\s*(?:[/.-]|\s+nam\s+)\s*(?P<y>\d{4}))?(?![\d/])"
    ),
    "month": re.compile(
        r"thang\s+(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4})|\s+nam\s+(?P<y2>\d{4}))?(?![\d/])"
    ),
    "quarter": re.compile(
        rf"quy\s+(?P<q>{_Q}(?:\s*(?:,|-|–|&|va)\s*(?:quy\s+)?{_Q})*)"
        r"(?:\s*(?:/|-|–|nam)\s*(?P<y>\d{4}))?"
    ),
    "year": re.compile(r"nam\s+(?P<y>\d{4})(?![\d/])"),
}
_ALL = ("date", "month", "quarter", "year")
_WITHIN = ("date", "month", "quarter")
_CUE = re.compile(
    r"\b(?:(?P<strong>hoan\s+thanh(?:\s+xong)?|xong|cham\s+nhat(?:\s+la)?|truoc|du\s+kien(?:\s+to\s+chuc)?|"
    r"han\s+chot|thoi\s+(?:gian|han|diem)(?:\s+(?:thuc\s+hien|hoan\s+thanh|to\s+chuc|trien\s+khai|nop))?\s*:)"
    r"|(?P<within>trong|vao)|(?P<until>den\s+het|den))"
    r"\s*(?:(?:truoc|trong|vao|la|xong|trong\s+thoi\s+gian)\s+)*"
)
_INTERVAL = re.compile(
    r"\btu\s+(?:ngay\s+)?(?P<d1>\d{1,2})(?:\s*[/.-]\s*(?P<m1>\d{1,2}))?(?:\s*[/.-]\s*(?P<y1>\d{4}))?\s*"
    r"(?:den|toi|-|–)\s*(?:het\s+)?(?:ngay\s+)?(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})"
    r"(?:\s*[/.-]\s*(?P<y2>\d{4}))?(?![\d/])"
    r"|\btu\s+thang\s+(?P<mm1>\d{1,2})(?:\s*/\s*(?P<my1>\d{4}))?\s*(?:den|-|–)\s*(?:het\s+)?thang\s+"
    r"(?P<mm2>\d{1,2})(?:\s*/\s*(?P<my2>\d{4}))?"
)
_PAREN = re.compile(r"\(\s*(?:(?:du\s+kien|hoan\s+thanh|trong|vao|thoi\s+gian\s*:?)\s*)*(?=thang\s+\d|quy\s)")
_LABEL = re.compile(r"(?:(?:trong|thoi\s+gian\s*:?)\s*)?(?=quy\s|thang\s+\d)")
_RECURRENCES = (
    (
        re.compile(
            r"(?<!sau\s)\b(?:dinh\s+ky\s+)?(?:06|6|sau)\s+thang\s*(?:,|va|/)\s*(?:mot\s+|01\s+|1\s+|ca\s+|"
            r"hang\s+)?nam\b|\bso\s+ket\s+(?:06|6|sau)\s+thang\s*,?\s*(?:va\s+)?tong\s+ket\s+"
            r"(?:hang\s+|ca\s+)?nam\b"
        ),
        ("R/P6M", "R/P1Y"),
    ),
    (
        re.compile(
            r"\bdinh\s+ky\s+(?:06|6|sau)\s+thang\b|(?<!sau\s)\b(?:06|6|sau)\s+thang\s*(?:(?:mot|1|01)\s+lan|"
            r"/\s*lan)\b"
        ),
        ("R/P6M",),
    ),
    (
        re.compile(
            r"\b(?:hang|moi)\s+quy\b|\bdinh\s+ky\s+quy\b|\b(?:03|3|ba)\s+thang\s+(?:mot|1|01)\s+lan\b"
        ),
        ("R/P3M",),
    ),
    (re.compile(r"\b(?:hang|moi)\s+thang\b|\bthang\s+(?:mot|1|01)\s+lan\b"), ("R/P1M",)),
    (re.compile(r"\b(?:hang|moi)\s+nam\b|\bnam\s+(?:mot|1|01)\s+lan\b"), ("R/P1Y",)),
)
_NOT_RECURRING = re.compile(r"(?:luong|tro\s+cap|phu\s+cap|thu\s+nhap)\s*$")
_HORIZON = re.compile(
    r"(?:tam\s+nhin|dinh\s+huong|giai\s+doan|chien\s+luoc|quy\s+hoach|nhiem\s+ky|"
    r"\d{4}\s*[-–]\s*)[^.;]{0,25}$"
)
_GOAL_START = re.compile(r"(?:^|[,;:.]\s*|phan\s+dau\s+|muc\s+tieu\s*:?\s*|tu\s+nay\s+)$")
_PAST = re.compile(r"(?<!\w)(?:đã|vừa qua|thời gian qua|năm qua)(?!\w)")
_CITED = re.compile(r"\s*,?\s*cua\b")


def _canon(kind: str, found: re.Match[str], year: int | None, loose: bool) -> list[str]:
    """The ISO forms of one time expression; empty when it has no year to take or is not a real date."""
    y = int(found.groupdict().get("y") or found.groupdict().get("y2") or year or 0)
    if not y:
        return []
    if kind == "quarter":
        quarters = [
            {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(q) or int(q)
            for q in re.findall(r"iv|i+|[1-4]", found["q"])
        ]
        if len(quarters) == 2 and re.search(r"[-–]", found["q"]):  # "quý I - III"
            quarters = list(range(quarters[0], quarters[1] + 1))
        return [f"{y}-Q{q}" for q in quarters]
    if kind == "month":
        return [f"{y}-{int(found['m']):02d}"] if 1 <= int(found["m"]) <= 12 else []
    if kind == "year":
        return [str(y)]
    try:
        return (
            [dt.date(y, int(found["m"]), int(found["d"])).isoformat()]
            if found["ngay"] or found["y"] or loose
            else []
        )
    except ValueError:
        return []


def _time_at(
    skel: str, pos: int, kinds: tuple[str, ...], year: int | None, loose: bool = False
) -> tuple[list[str], int] | None:
    for kind in kinds:
        found = _TIME[kind].match(skel, pos)
        if found:
            canon = _canon(kind, found, year, loose)
            if canon and not (kind == "date" and _CITED.match(skel, found.end())):
                return canon, found.end()
    return None


def _interval(found: re.Match[str], year: int | None) -> list[str]:
    if found["mm1"]:
        y2 = int(found["my2"] or year or 0)
        return [f"{found['my1'] or y2}-{int(found['mm1']):02d}/{y2}-{int(found['mm2']):02d}"] if y2 else []
    try:
        end = dt.date(int(found["y2"] or year or 0), int(found["m2"]), int(found["d2"]))
        begin = dt.date(int(found["y1"] or end.year), int(found["m1"] or end.month), int(found["d1"]))
    except ValueError:
        return []
    return [f"{begin}/{end}"] if begin <= end else []


def _candidates(block: Block, year: int | None) -> Iterator[tuple[int, int, list[str]]]:
    """Every (start, end, ISO forms) a block signals, overlapping ones included."""
    skel = block.skel
    for found in _INTERVAL.finditer(skel):
        yield found.start(), found.end(), _interval(found, year)
    for found in _CUE.finditer(skel):
        # "đến năm 2025" is a deadline at the head of a clause or after "phấn đấu"; a bare date needs "ngày" after "trong".
        goal = found["until"] and (
            found["until"] == "den het" or _GOAL_START.search(skel[: found.start()][-60:])
        )
        hit = _time_at(
            skel, found.end(), _ALL if found["strong"] or goal else _WITHIN, year, not found["within"]
        )
        if hit and not (
            found["until"] == "den" and _HORIZON.search(skel[max(0, found.start() - 40) : found.start()])
        ):
            yield found.start(), hit[1], hit[0]
    for found in _PAREN.finditer(skel):
        hit = _time_at(skel, found.end(), ("month", "quarter"), year)
        if hit and re.match(r"\s*\)", skel[hit[1] :]):
            yield found.start(), hit[1] + skel[hit[1] :].index(")") + 1, hit[0]
    label = _LABEL.match(skel, block.prefix)
    if label:
        hit = _time_at(skel, label.end(), ("quarter", "month", "date"), year)
        if hit and re.match(r"\s*(?::|$|[-–]\s)", skel[hit[1] :]):
            yield block.prefix, hit[1], hit[0]
    for pattern, canon in _RECURRENCES:  # "mới năm" is not "mỗi năm", nor "lương hằng tháng" a task
        for m in pattern.finditer(skel):
            if not re.match(r"m(?!ỗi)", block.text[m.start() :].lower()) and not _NOT_RECURRING.search(
                skel[: m.start()]
            ):
                yield m.start(), m.end(), list(canon)


def is_past(block: Block, start: int, end: int, year: int | None) -> bool:
    """Whether the clause around a span tells of something done ("đã tổ chức", "vừa qua", "năm 2021 đạt")."""
    text, skel = block.text.lower(), block.skel
    sentence = max(skel.rfind(". ", 0, start) + 2, block.prefix) if ". " in skel[:start] else block.prefix
    for begin in (sentence, max(sentence, skel.rfind(";", 0, start) + 1)):
        told = re.match(r"\s*(?:trong\s+)?nam\s+(\d{4})\b(?!\s*[-–])", skel[begin:start])
        if year and told and int(told[1]) < year:  # "Năm 2021, toàn thị xã đã …; năm 2021 đạt 95%"
            return True
    left = max(text.rfind(mark, 0, start) for mark in ".;,") + 1
    right = end - 1
    for _ in range(
        1 if text[left:start].strip() else 2
    ):  # at the head of its clause, the next one tells more
        right = min((i for i in (text.find(mark, right + 1) for mark in ".;,") if i >= 0), default=len(text))
    return bool(_PAST.search(text[left:right]))


def _end_of(canon: str) -> str:
    quarter = re.fullmatch(r"(\d{4})-Q(\d)", last := canon.split("/")[-1])
    return f"{quarter[1]}-{int(quarter[2]) * 3:02d}" if quarter else last


def deadlines_in(block: Block, year: int | None, since: str | None) -> list[tuple[int, int, list[str]]]:
    """The deadlines of a block, in text order, without overlaps, past ones left out."""
    seen: list[tuple[int, int, list[str]]] = []  # a phrase read once, even when left out as past
    for start, end, canon in sorted(_candidates(block, year), key=lambda c: (c[0], -c[1])):
        if since:  # before the document's date: a past event
            canon = [c for c in canon if c.startswith("R/") or _end_of(c) >= since[: len(_end_of(c))]]
        if canon and not any(start < e and s < end for s, e, _ in seen):
            seen.append((start, end, canon if not is_past(block, start, end, year) else []))
    return [found for found in seen if found[2]]
