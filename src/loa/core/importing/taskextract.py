"""Deadlines, targets, units, tasks and budget of a plan, read from the blocks (paragraphs, bullets, headings) of
its body. Matching runs on skeletons, as in :mod:`loa.core.importing.extract`; the text is reported as written, in NFC.

A date is a deadline only when the text says so ("hoàn thành trong tháng 01/2022", "trước ngày 25/3/2022",
"(tháng 01/2022)", "từ ngày … đến ngày …", "hằng tháng", a "Quý I" heading over tasks), never a cited document's
date, an anniversary, a horizon or a past event. A target counts what the plan commits to produce, hold, train or
award ("ít nhất 05 hội nghị", "100% chi bộ").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, cast

from loa.core.model.document import PartialDate
from loa.core.model.registry import Issuer
from loa.core.text.citations import skeleton
from loa.core.text.normalize import nfc

__all__ = [
    "DeadlineMention",
    "PlanContent",
    "TargetMention",
    "TaskProposal",
    "UnitMention",
    "extract_plan",
    "parse_amount",
    "parse_vietnamese_number",
]


@dataclass(frozen=True)
class DeadlineMention:
    """ISO 8601: ``2022-03-25``, ``2022-01``, ``2022-Q1``, ``2022``, ``2022-02-15/2022-04-30`` or ``R/P1M``."""

    deadline: str
    text: str
    line: int


@dataclass(frozen=True)
class TargetMention:
    """A quantified output: ``count`` of ``unit`` ("hội nghị", "%")."""

    count: int | float
    unit: str
    text: str
    line: int


@dataclass(frozen=True)
class UnitMention:
    """A unit the plan assigns work to, with its registry id when known."""

    id: str | None
    name: str
    line: int


@dataclass(frozen=True)
class TaskProposal:
    """A proposed task: a sentence with a deadline or a target, or under a quarter heading."""

    task: str
    lead: tuple[str, ...]
    cooperate: tuple[str, ...]
    deadline: str | None
    targets: tuple[TargetMention, ...]
    line: int


@dataclass(frozen=True)
class PlanContent:
    """What a plan commits to. ``budget`` is None when the text has no "KINH PHÍ" section."""

    deadlines: tuple[DeadlineMention, ...] = ()
    targets: tuple[TargetMention, ...] = ()
    units: tuple[UnitMention, ...] = ()
    tasks: tuple[TaskProposal, ...] = ()
    budget: dict[str, Any] | None = None

    def as_json(self) -> dict[str, Any]:
        """The keys ``deadlines``, ``targets``, ``units``, ``tasks`` and ``budget`` of ``loa import --json``."""
        tasks = [
            {
                **asdict(t),
                "lead": list(t.lead),
                "cooperate": list(t.cooperate),
                "targets": [{"count": g.count, "unit": g.unit} for g in t.targets],
            }
            for t in self.tasks
        ]
        return {
            "deadlines": [asdict(d) for d in self.deadlines],
            "targets": [asdict(t) for t in self.targets],
            "units": [asdict(u) for u in self.units],
            "tasks": tasks,
            "budget": self.budget,
        }


# --- numbers ----------------------------------------------------------------------------------------------------

_WORD_DIGITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_CURRENCY = {"đ", "đồng", "vnđ", "vnd"}
_NUMERAL = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?|(\d+)\.(\d{1,2})")


def parse_vietnamese_number(text: str) -> int | float | None:
    """Decode a number as Vietnamese writes it: "5.200" → 5200, "1,5" → 1.5, "05" → 5, "1,5 tỷ" → 1500000000,
    "hai mươi lăm" → 25; a trailing "%" or currency word is ignored. None when ``text`` is not a number."""
    total, group, last, seen = 0.0, 0.0, 0.0, False
    for word in nfc(text).lower().replace("%", " ").split():
        word = word.strip(",;:()")
        numeral = _NUMERAL.fullmatch(word.removesuffix("đ"))
        if numeral:
            whole, frac, whole2, frac2 = numeral.groups()
            value = float(f"{(whole or whole2).replace('.', '')}.{frac or frac2 or 0}")
            group, last, seen = group + value, value, True
        elif word in _WORD_DIGITS:
            group, last, seen = group + _WORD_DIGITS[word], _WORD_DIGITS[word] % 10, True
        elif word in ("mươi", "trăm"):
            group, last = group - last + last * (10 if word == "mươi" else 100), 0
        elif word in _SCALES:
            total, group, last = total + (group or 1) * _SCALES[word], 0, 0
        elif word not in ("linh", "lẻ", "chẵn") and word not in _CURRENCY and word:
            return None
    value = total + group
    return None if not seen else int(value) if value == int(value) else round(value, 6)


def parse_amount(text: str) -> int | None:
    """Decode a sum of money: "6.505.490.000đ", "360.000.000 đồng", "1,5 tỷ đồng", "200 triệu"."""
    value = parse_vietnamese_number(re.sub(r"\([^)]*\)", " ", text))
    return round(value) if value is not None else None


# --- blocks -----------------------------------------------------------------------------------------------------

_MARKUP = re.compile(r"\\\*|\*+|^#{1,6}\s*|^>\s*|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_BULLET = re.compile(r"^[-+•–—]\s*")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]\s+|^(\d{1,2}(?:\.\d{1,2})+)\s+")
_ROMAN = re.compile(r"^[ivx]{1,4}\s*[.)/]\s+")
_END = re.compile(r"[.;:!?)\]\"”]$")


@dataclass
class _Block:
    text: str
    starts: list[tuple[int, int]]
    kind: str  # "roman", "numbered", "heading" (Markdown or bold), "bullet" or "text"
    depth: int = 0
    skel: str = ""

    def line_at(self, offset: int) -> int:
        return next(line for start, line in reversed(self.starts) if start <= offset)

    @property
    def prefix(self) -> int:
        """Where the words start, after a bullet or a number."""
        found = _BULLET.match(self.text) or _NUMBERED.match(self.text) or _ROMAN.match(self.skel)
        return found.end() if found else 0


def _line_kind(raw: str, text: str) -> tuple[str, int]:
    numbered = _NUMBERED.match(text)
    if _ROMAN.match(skeleton(text)) or numbered:
        return ("numbered", (numbered[1] or numbered[2]).count(".") + 1) if numbered else ("roman", 0)
    heading = raw.startswith(("#", "|")) or (raw.startswith("**") and raw.endswith("**"))
    return ("bullet" if _BULLET.match(text) else "heading" if heading else "text"), 0


def _blocks(lines: list[str], start: int) -> list[_Block]:
    """Cut the body into blocks, joining a paragraph that a page break split over two lines."""
    blocks: list[_Block] = []
    for number, raw in enumerate(lines[start:], start + 1):
        raw = raw.strip()
        text = " ".join(_MARKUP.sub("", raw).split())
        if not text or re.fullmatch(r"[-|:\s*_=]+", text):
            continue
        kind, depth = _line_kind(raw, text)
        last = blocks[-1] if blocks else None
        if (
            last
            and kind == "text"
            and last.kind in ("text", "bullet", "numbered")
            and not _END.search(last.text)
            and (
                text[0].islower()
                or text[0].isdigit()
                or last.text.endswith((",", "-"))
                or (len(last.text) > 150 and last.kind != "numbered")
            )
        ):
            last.starts.append((len(last.text) + 1, number))
            last.text = f"{last.text} {text}"
            last.skel = skeleton(last.text)
            continue
        blocks.append(_Block(text, [(0, number)], kind, depth, skeleton(text)))
    return blocks


# --- deadlines --------------------------------------------------------------------------------------------------

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


def _candidates(block: _Block, year: int | None) -> Iterator[tuple[int, int, list[str]]]:
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


def _is_past(block: _Block, start: int, end: int, year: int | None) -> bool:
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


def _deadlines(block: _Block, year: int | None, since: str | None) -> list[tuple[int, int, list[str]]]:
    """The deadlines of a block, in text order, without overlaps, past ones left out."""
    seen: list[tuple[int, int, list[str]]] = []  # a phrase read once, even when left out as past
    for start, end, canon in sorted(_candidates(block, year), key=lambda c: (c[0], -c[1])):
        if since:  # before the document's date: a past event
            canon = [c for c in canon if c.startswith("R/") or _end_of(c) >= since[: len(_end_of(c))]]
        if canon and not any(start < e and s < end for s, e, _ in seen):
            seen.append((start, end, canon if not _is_past(block, start, end, year) else []))
    return [found for found in seen if found[2]]


# --- targets ----------------------------------------------------------------------------------------------------

_CLASSIFIERS = ("lop", "cuoc", "dot", "buoi", "trang", "doan", "doi", "bo")
_OUTPUTS = (
    *_CLASSIFIERS,
    *"""hoi nghi|hoi thi|hoi thao|hoi dien|toa dam|cuoc thi|chuong trinh|chuyen de|chuyen muc
|chuyen trang|bai viet|bai|tin bai|tin|phong su|video|clip|an pham|to roi|to gap|pa no|pano|bang ron|khau hieu|ap phich
|cuon|dau sach|ban tin|tap san|chi thi|nghi quyet|ket luan|quy dinh|quy che|huong dan|ke hoach|de an|de cuong|bao cao
|van ban|tai lieu|tap the|ca nhan|giay khen|bang khen|mo hinh|cau lac bo|dang vien|hoc vien|luot nguoi|luot|nguoi
|can bo|bao cao vien|tuyen truyen vien|cong tac vien|doan vien|hoi vien|don vi|to dan pho|thon|ho gia dinh|gia dinh
|khu dan cu|san pham|tac pham|cong trinh|ho so|lop tap huan|lop boi duong|lop dao tao|lop hoc|cuoc kiem tra
|cuoc giam sat|cuoc dieu tra|cuoc van dong|cuoc hop|trang tuyen truyen|trang thong tin|doan kiem tra|doi tuyen truyen
|doi van nghe""".replace("\n", "").split("|"),
)
_SYLLABLES = {
    "lop": "lớp",
    "cuoc": "cuộc",
    "dot": "đợt",
    "buoi": "buổi",
    "doan": "đoàn",
    "doi": "đội",
    "bo": "bộ",
    "bai": "bài",
    "cuon": "cuốn",
    "thon": "thôn",
    "luot": "lượt",
    "nguoi": "người",
}
_UNIT = re.compile(
    r"\s+(?P<u>"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(_OUTPUTS, key=len, reverse=True))
    + r")(?![a-z])"
)
_COUNT = re.compile(
    r"(?:\b(?:it\s+nhat|toi\s+thieu|tren|hon|khoang|dat|phan\s+dau)\s+)?(?<![\w/.,-])"
    r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?:/(?P<of>\d+))?(?P<pct>\s*%)?"
)
_WORD_COUNT = re.compile(
    r"(?:\b(?P<least>it\s+nhat|toi\s+thieu)\s+)?\b(?P<n>mot|hai|ba|bon|nam|sau|bay|tam|chin"
    r"|muoi)(?=\s)"
)
_NOT_A_COUNT = re.compile(
    r"\b(?:so|thu|lan|khoa|muc|dieu|khoan|khong\s+qua|toi\s+da|duoi|chi\s+tieu)\s*:?\s*$"
)
_TAIL = re.compile(r"(?:\s+(?!(?:trên|tại|của|trong|theo|về|và|có)\b)[^\s,;.()]+){0,5}")
_AT = re.compile(r"\b(?:tai|o)\s*$")
_STOP = frozenset({"cấp", "cho", "tại", "về", "trên", "của", "và", "nhằm", "để", "với", "theo", "ở", "trong"})


def _unit_end(block: _Block, unit: re.Match[str]) -> int:
    """A classifier ("lớp", "cuộc") takes the words that name what it counts: "đợt cao điểm"."""
    end = unit.end("u")
    if unit["u"] not in _CLASSIFIERS:
        return end
    taken = 0
    for count, word in enumerate(re.finditer(r"\s+([^\W\d_]+)", block.text[end:])):
        if count == 2 or word.start() != taken or not word[1].islower() or word[1] in _STOP:
            break
        taken = word.end()
    return end + taken


def _targets(block: _Block, plan_year: int | None) -> list[tuple[int, TargetMention]]:
    skel, found_targets, line = block.skel, [], block.line_at
    matches = [(m, parse_vietnamese_number(m["n"])) for m in _COUNT.finditer(skel)]
    for m in _WORD_COUNT.finditer(skel):
        word = block.text[m.start("n") : m.end("n")].lower()
        if word in _WORD_DIGITS and (word != "một" or m["least"]):
            matches.append((m, parse_vietnamese_number(word)))
    for m, count in sorted(matches, key=lambda pair: pair[0].start()):
        before = skel[: m.start("n")]
        if count is None or _NOT_A_COUNT.search(before) or _is_past(block, m.start(), m.end(), plan_year):
            continue
        if m.groupdict().get("pct"):
            end = next(_TAIL.finditer(block.text, m.end())).end()
            found_targets.append(
                (m.start(), TargetMention(count, "%", block.text[m.start() : end], line(m.start())))
            )
            continue
        unit = _UNIT.match(skel, m.end())
        if (
            not unit
            or _AT.search(before)
            or (len(m["n"]) == 4 and m["n"].startswith(("19", "20")))
            or (
                block.text[unit.start("u") : unit.end("u")].lower() != _SYLLABLES.get(unit["u"], unit["u"])
                and unit["u"] in _SYLLABLES
            )
        ):  # "năm đối" is not "năm đội"
            continue
        written = block.text[unit.start("u") : (end := _unit_end(block, unit))]
        found_targets.append(
            (
                m.start(),
                TargetMention(
                    count, written[:1].lower() + written[1:], block.text[m.start() : end], line(m.start())
                ),
            )
        )
    return found_targets


# --- units ------------------------------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "btg": "ban tuyen giao",
}
_SEPARATOR = re.compile(r"\s*(?:,|;|&|\bva\b|\bcung\b)\s*")
_ORG_START = re.compile(
    r"(?:ban|phong|trung\s+tam|uy\s+ban|ubnd|hdnd|hoi\s+dong|dang\s+uy|dang\s+bo|chi\s+bo|"
    r"(?:thi|huyen|tinh|thanh|quan)\s+(?:uy|doan)|van\s+phong|hoi(?!\s+(?:nghi|thi|thao))|doan|cong\s+an|"
    r"mat\s+tran|mttq|so|cac\s+(?:chi|co\s+quan|to\s+chuc|doan\s+the|phong|ban|nganh)|dai|truong|benh\s+vien|"
    r"chi\s+cuc|vien|toa\s+an|lien\s+doan|khoi|ngan\s+hang|kho\s+bac)\b"
)
_ORG_END = re.compile(
    r"\s*[:;(.,]|\s(?:chu\s+tri|phoi\s+hop|chi\s+dao|thuc\s+hien|to\s+chuc|xay\s+dung|co\s+trach|"
    r"can\s+cu|tham\s+muu|huong\s+dan|trien\s+khai|theo\s+doi|la\s+co\s+quan|bao\s+cao|ban\s+hanh|"
    r"chu\s+dong|tang\s+cuong|day\s+manh|kiem\s+tra|trong|tai|ve|de|theo|nham|va|cung|voi)\b"
)
_GENERIC = re.compile(r"lien\s+quan|dia\s+phuong|\bdon\s+vi\b")
_COOPERATE = re.compile(r"\bphoi\s+hop(?:\s+(?:chat\s+che|thuong\s+xuyen|tot)\s*,?)*\s*(?:voi|cung)?\s+")


def _key(name: str) -> str:
    words = re.sub(r"[-–,;&.:()/]", " ", skeleton(name)).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words if w not in ("va", "viet", "nam"))


def _strip_place(name: str) -> str:
    """ "Trung tâm Chính trị thị xã Sa Pa" → "Trung tâm Chính trị": no place name, no "thị xã"."""
    words = name.split()
    while len(words) > 1 and words[-1][:1].isupper() and not words[-1].isupper() and words[-2][-1].isalpha():
        words.pop()
    level = (
        2
        if skeleton(" ".join(words[-2:])) in ("thi xa", "thanh pho")
        else skeleton(words[-1]) in ("huyen", "quan")
    )
    return " ".join(words[: len(words) - level] if len(words) > level else words)


class _Registry:
    """Registry names by skeleton, a name with its place name left out matching when that is unambiguous."""

    def __init__(self, issuers: Mapping[str, Issuer], issuer: str | None) -> None:
        self._exact: dict[str, set[str]] = {}
        self._loose: dict[str, set[str]] = {}
        for issuer_id, entry in issuers.items():
            # Only names of two words or more that start like a body's name are looked for in running text.
            for name in (
                n
                for n in entry.names
                if (len(n.split()) > 1 and _ORG_START.match(skeleton(n))) or n.isupper()
            ):
                self._exact.setdefault(_key(nfc(name)), set()).add(issuer_id)
                self._loose.setdefault(_key(_strip_place(nfc(name))), set()).add(issuer_id)
        own = issuers.get(issuer or "")
        self.committee = own.short_name if own and own.short_name else None

    def lookup(self, name: str) -> str | None:
        ids = self._exact.get(_key(name)) or self._loose.get(_key(_strip_place(name))) or set()
        return next(iter(ids)) if len(ids) == 1 else None

    def prefix(self, text: str, pos: int) -> tuple[str, int] | None:
        """The longest registry name at ``pos``: (id, end)."""
        words = list(re.finditer(r"\S+", text[pos : pos + 160]))[:14]  # not over ":;(", not ending with "và"
        words = words[: next((i + 1 for i, w in enumerate(words) if re.search(r"[:;(]", w[0])), len(words))]
        for count in range(len(words), 0, -1):
            end = pos + len(text[pos : pos + words[count - 1].end()].rstrip(",;:.)"))
            found = skeleton(words[count - 1][0]) not in ("va", "cung", "voi") and self.lookup(text[pos:end])
            if found:
                return found, end
        return None


def _unit_list(text: str, pos: int, registry: _Registry) -> list[tuple[str | None, str, int]]:
    """Units named one after another from ``pos``: "Ban Tuyên giáo, Ban Dân vận Thị ủy và UBND thị xã"."""
    skel, items = skeleton(text), []
    while pos < len(text):
        hit = registry.prefix(text, pos)
        if hit:
            unit_id, end = hit
        else:
            stop = _ORG_END.search(skel, pos)
            end = stop.start() if stop else len(text)
            if (
                not (text[pos : pos + 1].isupper() and _ORG_START.match(skel, pos))
                or _GENERIC.search(skel, pos, end)
                or not 1 + skel.startswith("cac", pos) < len(text[pos:end].split()) <= 12
            ):
                break
            unit_id = None
        items.append((unit_id, text[pos:end], pos))
        if not (separator := _SEPARATOR.match(skel, end)):
            break
        pos = separator.end()
    for index, (unit_id, name, start) in enumerate(items):  # "Ban Tuyên giáo, Ban Dân vận Thị ủy"
        tails = [" ".join(n.split()[-2:]) for i, n, _ in items[index + 1 :] if i] + [registry.committee or ""]
        found = (registry.lookup(f"{name} {tail}") for tail in tails if tail and unit_id is None)
        items[index] = (unit_id or next((i for i in found if i), None), name, start)
    return items


# --- budget -----------------------------------------------------------------------------------------------------

_MONEY = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?\s*(?:ty|trieu|nghin|ngan)\b)"
    r"(?:\s*(?:ty|trieu|nghin|ngan)\b)?(?:\s*(?:dong|vnd|d)\b|d(?=\W|$))?"
)
_SOURCE = re.compile(r"ngan\s+sach|xa\s+hoi\s+hoa|nguon|\bvon\b|huy\s+dong|tai\s+tro|dong\s+gop|ung\s+ho")


def _budget(blocks: list[_Block]) -> dict[str, Any]:
    budget: dict[str, Any] = {"total": None, "lines": [], "years": {}}
    for block in blocks:
        previous = block.prefix
        for money in _MONEY.finditer(block.skel):
            cut = max(block.skel.rfind(mark, previous, money.start()) for mark in ",;(")
            parts = block.text[max(cut + 1, previous) : money.start()].strip(" -–").rsplit(":", 1)
            label = parts[-1].strip() or parts[0].strip()
            amount, skel, previous = (
                parse_amount(block.text[money.start() : money.end()]),
                skeleton(label),
                money.end(),
            )
            year = re.search(r"\bnam\s+(\d{4})\b", skel)
            if amount is None or block.text.count("(", 0, money.start()) > block.text.count(
                ")", 0, money.start()
            ):
                continue
            if re.search(r"\btong\b", block.skel[: money.start()]) and budget["total"] is None:
                budget["total"] = amount
            elif year or _SOURCE.search(skel):
                budget["years"].update({year[1]: amount}) if year else budget["lines"].append(
                    {"source": label, "amount": amount}
                )
    return budget


# --- the whole plan ---------------------------------------------------------------------------------------------

_SECTION = {
    "units": re.compile(
        r"(?:to\s+chuc\s+thuc\s+hien|phan\s+cong\s+(?:thuc\s+hien|nhiem\s+vu)|"
        r"trach\s+nhiem\s+thuc\s+hien)\b"
    ),
    "budget": re.compile(r"kinh\s+phi\b"),
    "past": re.compile(
        r"(?:ket\s+qua\s+(?:dat\s+duoc|thuc\s+hien)|danh\s+gia\s+(?:ket\s+qua|tinh\s+hinh)|"
        r"thuc\s+trang)\b"
    ),
}


@dataclass
class _Reader:
    registry: _Registry
    year: int | None
    since: str | None
    content: dict[str, list[Any]] = field(
        default_factory=lambda: {k: [] for k in PlanContent.__match_args__[:4]}
    )

    def unit(self, unit_id: str | None, name: str, line: int) -> None:
        if not any(
            u.id == unit_id if unit_id else skeleton(u.name) == skeleton(name) for u in self.content["units"]
        ):
            self.content["units"].append(UnitMention(unit_id, name, line))

    def units_at(
        self, block: _Block, pos: int, found: list[tuple[str | None, str, int]] | None = None
    ) -> list[str]:
        """Register the units named at ``pos`` (or those ``found``) and return their ids."""
        for unit_id, name, start in (
            found := _unit_list(block.text, pos, self.registry) if found is None else found
        ):
            self.unit(unit_id, name, block.line_at(start))
        return [unit_id for unit_id, _, _ in found if unit_id]

    def read(self, block: _Block, lead: list[str], heading: list[str] | None) -> None:
        deadlines = _deadlines(block, self.year, self.since)
        targets = _targets(block, self.year)
        self.content["deadlines"] += [
            DeadlineMention(c, block.text[s:e], block.line_at(s)) for s, e, cs in deadlines for c in cs
        ]
        self.content["targets"] += [t for _, t in targets]
        subject: list[tuple[str | None, str, int]] = []
        ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-ZĐÀ-Ỹ(])", block.text)] + [len(block.text)]
        for start, end in zip([block.prefix, *(e + 1 for e in ends[:-1])], ends, strict=True):  # sentences
            cooperate = [
                i for m in _COOPERATE.finditer(block.skel, start, end) for i in self.units_at(block, m.end())
            ]
            hit = self.registry.prefix(block.text, start)
            if hit and re.match(r"\s+(?!cua\b)[a-z]", block.skel[hit[1] :]):
                subject = _unit_list(block.text, start, self.registry)
            mine = [c for s, _, c in deadlines if start <= s < end]
            goals = [t for s, t in targets if start <= s < end]
            if mine or goals or (heading and block.kind == "bullet"):
                ids = self.units_at(block, start, subject)
                self.content["tasks"].append(
                    TaskProposal(
                        block.text[start:end].strip(),
                        tuple(ids or lead),
                        tuple(cooperate),
                        mine[0][0] if mine else (heading[0] if heading else None),
                        tuple(goals),
                        block.line_at(start),
                    )
                )


def extract_plan(
    text: str,
    issuers: Mapping[str, Issuer] | None = None,
    *,
    start: int = 0,
    date: PartialDate | None = None,
    issuer: str | None = None,
) -> PlanContent:
    """Read the deadlines, targets, units, tasks and budget of a plan.

    Arguments:
        text: The document's text (NFC); line numbers are counted in it.
        issuers: The registry, to give units their id.
        start: Index of the first body line; the header above it is not read.
        date: The document's date: it gives a year to "Quý I", and deadlines before it are past events.
        issuer: Registry id of the issuer, whose short name completes "Ban Tuyên giáo" to "Ban Tuyên giáo Thị ủy".
    """
    blocks = _blocks(nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"), start)
    blocks = blocks[
        : next((i for i, b in enumerate(blocks) if re.match(r"noi\s+nhan\b", b.skel)), len(blocks))
    ]
    since = date.iso() if date else None
    # The plan's year: the document's, else the one year its explicit deadlines give.
    years = {
        c[:4] for b in blocks for _, _, canon in _deadlines(b, None, None) for c in canon if c[:1] != "R"
    }
    year = date.year if date else int(years.pop()) if len(years) == 1 else None
    reader = _Reader(_Registry(issuers or {}, issuer), year, since)
    sections: list[tuple[int, str]] = []  # (level, "units" | "budget" | "past") of the enclosing headings
    units: list[tuple[int, list[str]]] = []  # (level, ids) of the enclosing unit headings
    heading, budget = cast(list[str] | None, None), cast(list[_Block] | None, None)
    for block in blocks:
        level = {"roman": 0, "numbered": block.depth}.get(block.kind)
        if level is not None:
            sections = [s for s in sections if s[0] < level]
            sections += [
                (level, kind) for kind, rule in _SECTION.items() if rule.match(block.skel, block.prefix)
            ]
            units = [u for u in units if u[0] < level]
            heading = None
        kinds = {kind for _, kind in sections}
        if block.skel.startswith("tren day la"):  # the closing paragraph
            sections, units = [s for s in sections if s[1] != "units"], []
            kinds.discard("units")
        if "budget" in kinds:
            budget = [*(budget or []), block]
        if kinds & {"budget", "past"}:
            continue
        own = _deadlines(block, reader.year, since)
        if own and own[0][0] == block.prefix and own[0][1] >= len(block.text.rstrip(" :.")):
            heading = own[0][2]  # "- Quý I" over a list of tasks
            reader.content["deadlines"] += [
                DeadlineMention(c, block.text[block.prefix : own[0][1]], block.line_at(0)) for c in heading
            ]
            continue
        lead = next((ids for _, ids in reversed(units) if ids), [])
        if "units" in kinds and (
            block.kind == "numbered" or (":" in block.text[:100] and block.kind != "heading")
        ):
            named = reader.units_at(block, block.prefix)  # "2.3.1. Phòng Văn hóa - Thông tin thị xã"
            units += [(block.depth, named)] if block.kind == "numbered" else []
            lead = named or lead
        reader.read(block, lead, heading)
    found = {key: tuple(value) for key, value in reader.content.items()}
    return PlanContent(
        found["deadlines"],
        found["targets"],
        found["units"],
        found["tasks"],
        _budget(budget) if budget is not None else None,
    )
