"""Targets a plan commits to: a count of what it will produce, hold, train or award ("ít nhất 05 hội nghị",
"100% chi bộ").
"""

from __future__ import annotations

import re

from loa.core.importing.amounts import WORD_DIGITS, parse_vietnamese_number
from loa.core.importing.blocks import Block
from loa.core.importing.deadline_mentions import is_past
from loa.core.importing.plan_content import TargetMention

__all__ = ["targets_in"]


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


def _unit_end(block: Block, unit: re.Match[str]) -> int:
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


def targets_in(block: Block, plan_year: int | None) -> list[tuple[int, TargetMention]]:
    skel, found_targets, line = block.skel, [], block.line_at
    matches = [(m, parse_vietnamese_number(m["n"])) for m in _COUNT.finditer(skel)]
    for m in _WORD_COUNT.finditer(skel):
        word = block.text[m.start("n") : m.end("n")].lower()
        if word in WORD_DIGITS and (word != "một" or m["least"]):
            matches.append((m, parse_vietnamese_number(word)))
    for m, count in sorted(matches, key=lambda pair: pair[0].start()):
        before = skel[: m.start("n")]
        if count is None or _NOT_A_COUNT.search(before) or is_past(block, m.start(), m.end(), plan_year):
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
