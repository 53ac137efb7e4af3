"""Reading the metadata of an official document from its text, as exported from Word.

The text is read line by line. Lines are cut into *segments* at ``|`` cells and at wide gaps, because Word's
two-column header tables arrive flattened ("HUYỆN ỦY BẢO THẮNG      ĐẢNG CỘNG SẢN VIỆT NAM"). Matching runs on
skeletons (lower case, no diacritics, one character per character), so NFD input, either tone placement and
capitals do not matter; what is reported is the text as written, in NFC.

Nothing is guessed: a field the text does not give stays None, and :attr:`Extraction.missing` says so.

This module puts the document together; its parts are read by :mod:`~loa.core.importing.segments` (lines cut into
segments), :mod:`~loa.core.importing.header` (number, date and type lines), :mod:`~loa.core.importing.title`
(trích yếu, "V/v" subject, start of the body), :mod:`~loa.core.importing.signature` (signature block and
recipients) and :mod:`~loa.core.importing.taskextract` (what the plan commits to).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from loa.core.importing.bodies import COMMITTEES, UNITS, compose_issuer, org_style
from loa.core.importing.header import date_in, number_line, type_of, type_rest
from loa.core.importing.plan_content import PlanContent
from loa.core.importing.segments import SKIP_HEADER, cut_segments, is_rule, is_upper
from loa.core.importing.signature import (
    AUTHORITY_PREFIX,
    RECIPIENTS_LABEL,
    SignerBlock,
    read_recipients,
    read_signer,
)
from loa.core.importing.taskextract import extract_plan
from loa.core.importing.title import BODY_START, after_addressees, skip_rules, subject_line, title_after
from loa.core.model.document import PartialDate
from loa.core.model.registry import Issuer
from loa.core.text.citations import detect_citations
from loa.core.text.document_numbers import number_identity
from loa.core.text.issuer_mentions import IssuerNames
from loa.core.text.normalize import nfc
from loa.core.text.skeleton import skeleton

__all__ = ["Extraction", "extract", "is_layout_text"]


@dataclass
class Extraction:
    """What the text of one document says about itself.

    Attributes:
        type: Vietnamese type name ("Kế hoạch"), or None.
        number: Canonical number ("12-KH/HU", "115/KH-UBND"), or None when blank or absent.
        number_as_written: The number line as written ("Số - KH/TU").
        issuer: Canonical name of the issuing body.
        issuer_id: Registry id of the issuer, when the registry knows it.
        place: Place name of the date line.
        date: Date of issue, possibly partial (blank day).
        date_as_written: The place and date line as written.
        title: Trích yếu, one line, without the type word.
        signer: The signature block.
        recipients: Nơi nhận items.
        references: Other documents cited, distinct, in order of first mention.
        body_start: Index of the first body line (after the header and title).
        missing: Fields the text does not give.
        plan: Deadlines, targets, units, tasks and budget of the body (:mod:`loa.core.importing.taskextract`).
    """

    type: str | None = None
    number: str | None = None
    number_as_written: str | None = None
    issuer: str | None = None
    issuer_id: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    date_as_written: str | None = None
    title: str | None = None
    signer: SignerBlock = field(default_factory=SignerBlock)
    recipients: list[str] = field(default_factory=list)
    references: list[dict[str, Any]] = field(default_factory=list)
    body_start: int = 0
    missing: list[str] = field(default_factory=list)
    plan: PlanContent = field(default_factory=PlanContent)

    def as_json(self) -> dict[str, Any]:
        """The interface of ``loa import --json``."""
        date = self.date
        return {
            "type": self.type,
            "number": self.number,
            "issuer": self.issuer,
            "place": self.place,
            "date": date.iso() if date and date.is_complete else None,
            "date_partial": date.iso() if date and date.month and not date.is_complete else None,
            "title": self.title,
            "signer": {
                "on_behalf": self.signer.on_behalf,
                "acting_for": self.signer.acting_for,
                "role": self.signer.role,
                "name": self.signer.name,
            },
            "recipients": self.recipients,
            "references": self.references,
            **self.plan.as_json(),
        }


def extract(text: str, issuers: Mapping[str, Issuer] | None = None) -> Extraction:
    """Read type, number, issuer, date, title, signer, recipients and references from a document's text.

    Arguments:
        text: The document as plain text or Markdown (NFD, either tone placement and any capitals accepted).
        issuers: The registry, to give known issuers their id and canonical name.
    """
    lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").split("\n")
    result = Extraction()
    rows = [cut_segments(line) for line in lines]
    type_row = _find_type_row(rows)
    header_end = type_row if type_row is not None else _header_end(rows)

    org_lines: list[str] = []
    for index in range(header_end):
        for segment in rows[index]:
            skel = skeleton(segment)
            number = number_line(segment)
            if number is not None:
                if result.number_as_written is None:
                    result.number, symbol_type = number
                    result.number_as_written = segment
                    result.type = result.type or symbol_type
                continue
            dated = date_in(segment)
            if dated and result.date is None:
                result.date, start, _ = dated
                result.date_as_written = segment
                place = segment[:start].strip().rstrip(",").strip()
                result.place = place or None
                continue
            if skel.startswith("v/v") or SKIP_HEADER.search(skel) or is_rule(segment) or skel == "du thao":
                continue
            if is_upper(segment) and not type_of(segment):
                org_lines.append(segment)
    if result.date is None:
        _date_across_lines(rows[:header_end], result)

    title_end = header_end
    if type_row is not None:
        type_line = next(s for s in rows[type_row] if type_of(s))
        result.type = type_of(type_line)
        result.title, title_end = title_after(lines, type_row + 1)
        rest = type_rest(type_line)
        if rest:
            result.title = f"{rest} {result.title}" if result.title else rest
    # Without a type line, the "V/v" subject may sit on the line where the body was taken to start.
    vv = subject_line(rows[: header_end + (type_row is None)])
    if vv:
        result.type = result.type or "Công văn"
        result.title = result.title or vv
    if result.type == "Công văn" and type_row is None:
        title_end = after_addressees(rows, header_end)
    result.body_start = skip_rules(lines, title_end)

    result.issuer = compose_issuer(org_lines)
    names = IssuerNames((n, issuer_id) for issuer_id, issuer in (issuers or {}).items() for n in issuer.names)
    if result.issuer is None:
        result.issuer = _issuer_in_preamble(lines[result.body_start :], names, issuers or {})
    if result.issuer and issuers:
        known = names.match(" ".join(skeleton(result.issuer).split()), 0)
        if known and len(" ".join(skeleton(result.issuer).split())) == known[1]:
            result.issuer_id = known[0]
            result.issuer = issuers[known[0]].name

    tail_rows = rows[result.body_start :]
    flat = [s for row in tail_rows for s in row]
    label = max((i for i, s in enumerate(flat) if RECIPIENTS_LABEL.match(skeleton(s))), default=None)
    if label is not None:
        result.recipients = read_recipients(flat[label:])
        result.signer = read_signer(flat[label:])
    else:
        result.signer = read_signer(flat[-12:])

    cited = "\n".join(lines[type_row if type_row is not None else result.body_start :])
    result.references = _references(cited, result.number, names)
    result.plan = extract_plan(
        "\n".join(lines), issuers, start=result.body_start, date=result.date, issuer=result.issuer_id
    )
    result.missing = [
        name
        for name, value in (
            ("type", result.type),
            ("number", result.number),
            ("issuer", result.issuer),
            ("place", result.place),
            ("date", result.date),
            ("title", result.title),
            ("signer", result.signer.name),
            ("recipients", result.recipients),
        )
        if not value
    ]
    return result


def _references(text: str, own_number: str | None, names: IssuerNames) -> list[dict[str, Any]]:
    """Distinct documents cited, in order of first mention; a later mention completes a missing date or issuer."""
    found: dict[str, dict[str, Any]] = {}
    for citation in detect_citations(text, own_number=own_number, names=names):
        if not citation.number or not citation.type or citation.number.isdigit():
            continue
        issuer = org_style(citation.issuer_text) if citation.issuer_text else None
        date = citation.date.isoformat() if citation.date else None
        key = number_identity(citation.number)
        known = found.get(key)
        if known is None:
            found[key] = {
                "type": citation.type,
                "number": citation.number,
                "date": date,
                "issuer": issuer,
                "as_written": " ".join(citation.as_written.split()),
            }
        elif known["date"] is None and known["issuer"] is None and date:
            known.update(
                date=date, issuer=issuer or known["issuer"], as_written=" ".join(citation.as_written.split())
            )
    return list(found.values())


def is_layout_text(text: str) -> bool:
    """Whether a table cell's text belongs to a header or a signature block rather than to the body."""
    skel = skeleton(text)
    return (
        bool(
            SKIP_HEADER.search(skel)
            or RECIPIENTS_LABEL.match(skel)
            or AUTHORITY_PREFIX.match(skel)
            or re.match(r"v\s*/\s*v\b", skel)
        )
        or number_line(text) is not None
    )


def _find_type_row(rows: list[list[str]]) -> int | None:
    for index, row in enumerate(rows[:60]):
        if len(row) == 1 and type_of(row[0]):
            return index
        if any(BODY_START.match(skeleton(s)) and len(s) > 80 for s in row):
            return None
    return None


def _header_end(rows: list[list[str]]) -> int:
    """Without a type line, the header ends at the first body paragraph."""
    for index, row in enumerate(rows[:60]):
        for segment in row:
            skel = skeleton(segment)
            if len(segment) > 100 or (BODY_START.match(skel) and not skel.startswith("ngay")):
                return index
    return min(len(rows), 60)


def _date_across_lines(rows: list[list[str]], result: Extraction) -> None:
    """A date broken over two lines ("Bảo Thắng, ngày 05 tháng 3" / "năm 2022")."""
    for index in range(len(rows) - 1):
        for segment in rows[index]:
            if "ngay" not in skeleton(segment) or not rows[index + 1]:
                continue
            for following in rows[index + 1]:
                joined = f"{segment} {following}"
                dated = date_in(joined)
                if dated:
                    result.date, start, _ = dated
                    result.date_as_written = joined
                    result.place = joined[:start].strip().rstrip(",").strip() or None
                    return


_PREAMBLE_ISSUER = re.compile(
    r"[,.;]\s*(?P<body>[^,.;]{3,80}?)\s+(?:xay\s+dung|ban\s+hanh|de\s+ra|trien\s+khai|huong\s+dan|thong\s+bao)\s"
)


def _issuer_in_preamble(lines: list[str], names: IssuerNames, issuers: Mapping[str, Issuer]) -> str | None:
    """ "Thực hiện …, Thị ủy Sa Pa xây dựng kế hoạch …": the issuer named in the first paragraph."""
    paragraphs = [line for line in lines[:20] if line.strip()][:4]
    for paragraph in paragraphs:
        skel = skeleton(paragraph)
        for found in _PREAMBLE_ISSUER.finditer(skel):
            body = paragraph[found.start("body") : found.end("body")].strip()
            known = names.match(skeleton(body), 0)
            if known and known[1] == len(skeleton(body)):
                return issuers[known[0]].name
            named = " ".join(skeleton(body).split())
            full = any(re.search(rf"\b{word}\b", named) for word in (*COMMITTEES, *UNITS))
            if body[:1].isupper() and len(body.split()) <= 8 and full:
                return org_style(body)
    return None
