"""Deadlines, targets, units, tasks and budget of a plan, read from the blocks (paragraphs, bullets, headings) of
its body. Matching runs on skeletons, as in :mod:`loa.core.importing.extract`; the text is reported as written, in NFC.

This module walks the plan's sections and turns sentences into proposed tasks; each kind of mention has its own
reader: :mod:`~loa.core.importing.blocks`, :mod:`~loa.core.importing.deadline_mentions`,
:mod:`~loa.core.importing.target_mentions`, :mod:`~loa.core.importing.unit_mentions` and
:mod:`~loa.core.importing.amounts` (sums and the budget). What they find is a
:class:`~loa.core.importing.plan_content.PlanContent`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from loa.core.importing.amounts import read_budget
from loa.core.importing.blocks import Block, read_blocks
from loa.core.importing.deadline_mentions import deadlines_in
from loa.core.importing.plan_content import DeadlineMention, PlanContent, TaskProposal, UnitMention
from loa.core.importing.target_mentions import targets_in
from loa.core.importing.unit_mentions import COOPERATE, UnitRegistry, unit_list
from loa.core.model.document import PartialDate
from loa.core.model.registry import Issuer
from loa.core.text.normalize import nfc
from loa.core.text.skeleton import skeleton

__all__ = ["extract_plan"]


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
    registry: UnitRegistry
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
        self, block: Block, pos: int, found: list[tuple[str | None, str, int]] | None = None
    ) -> list[str]:
        """Register the units named at ``pos`` (or those ``found``) and return their ids."""
        for unit_id, name, start in (
            found := unit_list(block.text, pos, self.registry) if found is None else found
        ):
            self.unit(unit_id, name, block.line_at(start))
        return [unit_id for unit_id, _, _ in found if unit_id]

    def read(self, block: Block, lead: list[str], heading: list[str] | None) -> None:
        deadlines = deadlines_in(block, self.year, self.since)
        targets = targets_in(block, self.year)
        self.content["deadlines"] += [
            DeadlineMention(c, block.text[s:e], block.line_at(s)) for s, e, cs in deadlines for c in cs
        ]
        self.content["targets"] += [t for _, t in targets]
        subject: list[tuple[str | None, str, int]] = []
        ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-ZĐÀ-Ỹ(])", block.text)] + [len(block.text)]
        for start, end in zip([block.prefix, *(e + 1 for e in ends[:-1])], ends, strict=True):  # sentences
            cooperate = [
                i for m in COOPERATE.finditer(block.skel, start, end) for i in self.units_at(block, m.end())
            ]
            hit = self.registry.prefix(block.text, start)
            if hit and re.match(r"\s+(?!cua\b)[a-z]", block.skel[hit[1] :]):
                subject = unit_list(block.text, start, self.registry)
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
    blocks = read_blocks(nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"), start)
    blocks = blocks[
        : next((i for i, b in enumerate(blocks) if re.match(r"noi\s+nhan\b", b.skel)), len(blocks))
    ]
    since = date.iso() if date else None
    # The plan's year: the document's, else the one year its explicit deadlines give.
    years = {
        c[:4] for b in blocks for _, _, canon in deadlines_in(b, None, None) for c in canon if c[:1] != "R"
    }
    year = date.year if date else int(years.pop()) if len(years) == 1 else None
    reader = _Reader(UnitRegistry(issuers or {}, issuer), year, since)
    sections: list[tuple[int, str]] = []  # (level, "units" | "budget" | "past") of the enclosing headings
    units: list[tuple[int, list[str]]] = []  # (level, ids) of the enclosing unit headings
    heading, budget = cast(list[str] | None, None), cast(list[Block] | None, None)
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
        own = deadlines_in(block, reader.year, since)
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
        read_budget(budget) if budget is not None else None,
    )
