"""Reading the metadata of an official document from its text, as exported from Word.

The text is read line by line. Lines are cut into *segments* at ``|`` cells and at wide gaps, because Word's
two-column header tables arrive flattened ("HUYỆN ỦY BẢO THẮNG      ĐẢNG CỘNG SẢN VIỆT NAM"). Matching runs on
skeletons (lower case, no diacritics, one character per character), so NFD input, either tone placement and
capitals do not matter; what is reported is the text as written, in NFC.

Nothing is guessed: a field the text does not give stays None, and :attr:`Extraction.missing` says so.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from loa.core.importing.bodies import COMMITTEES, UNITS, compose_issuer, org_style
from loa.core.importing.taskextract import PlanContent, extract_plan
from loa.core.model.document import PartialDate
from loa.core.model.registry import Issuer
from loa.core.text.citations import (
    SYMBOL_TYPES,
    TYPE_WORDS,
    IssuerNames,
    detect_citations,
    skeleton,
)
from loa.core.text.document_numbers import canonical_number
from loa.core.text.normalize import nfc

__all__ = ["Extraction", "SignerBlock", "extract", "is_layout_text"]


@dataclass(frozen=True)
class SignerBlock:
    """The signature block, each part as written (upper case kept), prefixes such as T/M and KT. removed."""

    on_behalf: str | None = None
    acting_for: str | None = None
    role: str | None = None
    name: str | None = None
    authority: str | None = None
    """The authority lines exactly as written, prefixes included ("T/M BAN THƯỜNG VỤ")."""


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


# --- lines and segments ----------------------------------------------------------------------------------------

_GAP = re.compile(r"\s*\|\s*|\t+|\s{3,}")
_MARKS = re.compile(r"^(?:#{1,6}\s+|>\s*)+|^\\?\*+|\\?\*+$|^_+|_+$")


def _clean(text: str) -> str:
    """Strip Markdown marks around a segment: headings, bold and italics, escaped stars."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        text = _MARKS.sub("", text).strip()
    text = re.sub(r"\s[-_=]{3,}$", "", text)  # a header line underlined on the same line
    return re.sub(r"\*\*|__", "", text).strip()


_JOINS_LEFT = re.compile(r"(?:\bngay|\bthang|\bso\s*:?)\s*$")
_JOINS_RIGHT = re.compile(r"^(?:thang|[-‐‑–/])")
_YEAR_AFTER_MONTH = re.compile(r"thang\s*\d{0,2}\s*$")


def _segments(line: str) -> list[str]:
    """Cut a line at cell borders and wide gaps, except inside a date or number left blank for the day."""
    line = line.strip().strip("|")
    parts: list[str] = []
    start = 0
    for gap in _GAP.finditer(line):
        left, right = skeleton(line[start : gap.start()]), skeleton(line[gap.end() :])
        year = (right.startswith("nam") and _YEAR_AFTER_MONTH.search(left)) or (
            right[:1].isdigit() and re.search(r"\bnam\s*$", left)
        )
        if "|" not in gap.group() and (_JOINS_LEFT.search(left) or _JOINS_RIGHT.match(right) or year):
            continue
        parts.append(line[start : gap.start()])
        start = gap.end()
    parts.append(line[start:])
    # Markdown table rules ("|---|---|") are not text.
    return [s for s in (_clean(part) for part in parts) if s and not re.fullmatch(r":?-{2,}:?", s)]


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_rule(text: str) -> bool:
    """Separator lines: stars, dashes, underscores, "---oOo---"."""
    return bool(re.fullmatch(r"[\s*\\\-_=–—~.oO]*", text)) and not re.search(r"[a-zA-NP-Z]", text)


_SKIP_HEADER = re.compile(r"cong\s+hoa\s+xa\s+hoi|doc\s+lap\s*[-–]\s*tu\s+do|dang\s+cong\s+san\s+viet\s+nam")


# --- the document's own number, date and type -----------------------------------------------------------------

_NUMBER_LINE = re.compile(r"^so\s*:?(?![a-z])\s*(?P<rest>.*)$")
_PARTY_NUMBER = re.compile(
    r"^(?P<n>\d[\d ]*)?\s*[-‐‑–—]\s*(?P<abbr>[^\W\d_]{1,6})\s*/\s*(?P<iss>[^\W\d_][\w\-–]*)"
)
_STATE_NUMBER = re.compile(
    r"^(?P<n>\d[\d ]*)?\s*/\s*(?:(?P<y>\d{4})\s*/\s*)?(?P<sym>[^\W\d_][\w]*(?:\s*[-‐‑–]\s*[\w]+)+)"
)
_BLANK = r"[\s._…\-]*"
_DATE = re.compile(
    rf"ngay{_BLANK}(?P<d>\d[\d ]?)?{_BLANK}"
    r"(?:thang\s*(?P<m>\d[\d ]?)?[\s._…]*nam\s*(?P<y>\d[\d ]{2,5}\d)"
    r"|[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d[\d ]{2,5}\d))"
)


def _number(segment: str) -> tuple[str | None, str | None] | None:
    """Return (canonical number or None when blank, symbol type) for a "Số ..." segment, or None."""
    skel = skeleton(segment)
    line = _NUMBER_LINE.match(skel)
    if not line:
        return None
    rest = segment[line.start("rest") :].strip().rstrip(".,;")
    for pattern in (_PARTY_NUMBER, _STATE_NUMBER):
        found = pattern.match(rest)
        if not found:
            continue
        digits = (found["n"] or "").replace(" ", "")
        if pattern is _PARTY_NUMBER:
            abbr = found["abbr"]
            symbol = f"{abbr}/{found['iss']}"
        else:
            symbol = re.sub(r"\s+", "", found["sym"])
            abbr = re.split(r"[-‐‑–]", symbol)[0]
            if found["y"]:
                symbol = f"{found['y']}/{symbol}"
        symbol_type = SYMBOL_TYPES.get(skeleton(abbr))
        if pattern is _PARTY_NUMBER and skeleton(abbr) == "tt":
            symbol_type = "Thông tri"  # TT is a Thông tri in Party numbering, a Thông tư in State numbering
        if symbol_type is None and pattern is _STATE_NUMBER:
            symbol_type = "Công văn"
        if not digits:
            return None, symbol_type
        separator = "-" if pattern is _PARTY_NUMBER else "/"
        return canonical_number(f"{digits}{separator}{symbol}"), symbol_type
    return None


def _date_in(text: str) -> tuple[PartialDate, int, int] | None:
    """Return the date of a "<place>, ngày … tháng … năm …" line and its span in ``text``."""
    skel = skeleton(text)
    for found in _DATE.finditer(skel):
        year_text = (found["y"] or found["y2"] or "").replace(" ", "")
        month_text = (found["m"] or found["m2"] or "").replace(" ", "")
        day_text = (found["d"] or "").replace(" ", "")
        if len(year_text) != 4:
            continue
        if not (found["m"] or found["y"]) and not re.search(r",\s*$", skel[: found.start()]):
            continue
        year = int(year_text)
        month = int(month_text) if month_text else None
        day = int(day_text) if day_text and month else None
        try:
            if month:
                dt.date(year, month, day or 1)
        except ValueError:
            continue
        return PartialDate(year, month, day), found.start(), found.end()
    return None


_TYPE_START = re.compile(
    rf"^(?P<type>{'|'.join(sorted(TYPE_WORDS, key=len, reverse=True))})(?:\s+(?P<rest>.+))?$"
)


def _type_of(segment: str) -> str | None:
    """The type a type line names: "KẾ HOẠCH", or "CHƯƠNG TRÌNH HÀNH ĐỘNG" (the rest begins the trích yếu)."""
    if not _is_upper(segment) or len(segment) > 60:
        return None
    skel = " ".join(skeleton(segment).split())
    if all(len(word) == 1 for word in skel.split()):
        # Letter-spaced: "K Ế   H O Ạ C H".
        skel = next((word for word in TYPE_WORDS if word.replace(" ", "") == skel.replace(" ", "")), skel)
    found = _TYPE_START.match(skel)
    return TYPE_WORDS[found["type"]] if found else None


def _type_rest(segment: str) -> str | None:
    """The words after the type word on a type line, as written."""
    found = _TYPE_START.match(" ".join(skeleton(segment).split()))
    if not found or not found["rest"] or found["rest"] == "lien tich":
        return None
    return " ".join(segment.split()[len(found["type"].split()) :])


# --- signature and recipients ---------------------------------------------------------------------------------

_PREFIX = re.compile(
    r"^(?P<p>t\s*/\s*m|tm\.|tm(?=\s)|k\s*/\s*t|kt\.|kt(?=\s)|t\s*/\s*l|tl\.|tl(?=\s)|tuq\.?)\s*"
)
_STAMP = re.compile(r"^\(?\s*(?:da\s+ky|ky\s*,|ky\s+ten|ky\s+va|ky,?\s+ghi|da\s+ky\s+va|dau)[^)]*\)?$")
_RECIPIENTS = re.compile(r"^noi\s+nhan\s*:?\s*")
_ITEM = re.compile(r"^\s*[-+•–]\s*")
# Specific enough not to match a name: "Trương" and "Trưởng" share a skeleton.
_ROLE_WORDS = re.compile(
    r"\b(?:bi\s+thu|chu\s+tich|giam\s+doc|truong\s+(?:ban|phong|khoa|doan|tram|cong\s+an)|"
    r"chanh\s+(?:van\s+phong|an|thanh\s+tra)|uy\s+vien|chu\s+nhiem|tong\s+bien\s+tap|"
    r"thu\s+truong|bo\s+truong|thuong\s+truc|hieu\s+truong|vien\s+truong)\b"
)


def _signer(tail: list[str]) -> SignerBlock:
    """Read the signature block from the last segments of a document."""
    candidates = [
        part
        for s in tail
        if not _ITEM.match(s) and not _RECIPIENTS.match(skeleton(s))
        for part in _unmerge(s)
    ]
    start = next((i for i, s in enumerate(candidates) if _PREFIX.match(skeleton(s))), None)
    if start is None:
        start = next(
            (
                i
                for i, s in enumerate(candidates)
                if _is_upper(s) and _ROLE_WORDS.search(skeleton(s)) and len(s) < 60
            ),
            None,
        )
    if start is None:
        return SignerBlock()
    block = candidates[start:]
    on_behalf = acting_for = role = name = None
    authority: list[str] = []
    rest: list[str] = []
    for segment in block:
        skel = skeleton(segment)
        prefix = _PREFIX.match(skel)
        if prefix and not rest:
            authority.append(segment)
            body = segment[prefix.end() :].strip() or None
            if prefix["p"].startswith("t") and "m" in prefix["p"]:
                on_behalf = body
            else:
                acting_for = body
            continue
        if _STAMP.match(skel):
            continue
        rest.append(segment)
    for segment in rest:
        if role is None and _is_upper(segment) and (_ROLE_WORDS.search(skeleton(segment)) or authority):
            role = segment
        elif _looks_like_name(re.sub(r"^(?:Đ/[Cc]|Đồng chí)\s+", "", segment)):
            name = re.sub(r"^(?:Đ/[Cc]|Đồng chí)\s+", "", segment)
    return SignerBlock(on_behalf, acting_for, role, name, "\n".join(authority) or None)


_STAMP_INSIDE = re.compile(r"\(\s*(?:da\s+ky|ky\b)[^)]*\)")
_INNER_PREFIX = re.compile(r"\s(?=(?:kt\.|k\s*/\s*t|tl\.|t\s*/\s*l|tuq\.)\s)")
_ROLE_AT_END = re.compile(
    r"(?:pho\s+)?(?:chu\s+tich|bi\s+thu(?:\s+thuong\s+truc)?|giam\s+doc|truong\s+ban|"
    r"truong\s+phong|chanh\s+van\s+phong|chu\s+nhiem|chanh\s+an|vien\s+truong)$"
)


def _unmerge(segment: str) -> list[str]:
    """Split a signature block that a merged table cell put on one line: authority, role, stamp, name."""
    pieces: list[str] = []
    skel = skeleton(segment)
    bounds = sorted(
        {
            0,
            len(segment),
            *(p for m in _STAMP_INSIDE.finditer(skel) for p in m.span()),
            *(m.start() for m in _INNER_PREFIX.finditer(skel)),
        }
    )
    for start, end in itertools.pairwise(bounds):
        piece = segment[start:end].strip()
        if piece:
            pieces.extend(_split_name(piece))
    out: list[str] = []
    for piece in pieces:
        prefix = _PREFIX.match(skeleton(piece))
        role = _ROLE_AT_END.search(skeleton(piece))
        if prefix and role and role.start() > prefix.end():
            out.extend((piece[: role.start()].strip(), piece[role.start() :]))
        else:
            out.append(piece)
    return out


def _split_name(piece: str) -> list[str]:
    """ "ỦY BAN NHÂN DÂN CHỦ TỊCH Hà Đức Minh" → the capitals, then the name."""
    words = piece.split()
    for index in range(1, len(words)):
        if not _is_upper(words[index - 1]):
            break
        if _looks_like_name(" ".join(words[index:])) and not _is_upper(words[index]):
            return [" ".join(words[:index]), " ".join(words[index:])]
    return [piece]


def _looks_like_name(segment: str) -> bool:
    words = segment.split()
    return (
        1 < len(words) <= 6
        and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words)
        and not _ROLE_WORDS.search(skeleton(segment))
    )


def _recipients(segments: list[str]) -> list[str]:
    items: list[str] = []
    started = False
    for segment in segments:
        skel = skeleton(segment)
        label = _RECIPIENTS.match(skel)
        if label:
            started = True
            segment = segment[label.end() :].strip()
            skel = skel[label.end() :]
            if not segment:
                continue
        if not started:
            continue
        if _ITEM.match(segment) or skel.startswith("luu") or label:
            # One merged cell may hold the whole list: "- Như trên; - TT Huyện ủy; - Lưu: VT."
            for part in re.split(r"(?<=[;,.])\s+(?=[-+•]\s)", segment):
                item = _ITEM.sub("", part).strip()
                if item:
                    items.append(item)
        elif items and segment[:1].islower():
            items[-1] = f"{items[-1]} {segment.strip()}"
    return [item.rstrip(";,. ").strip() for item in items]


# --- the whole document -------------------------------------------------------------------------------------------

_BODY_START = re.compile(r"^(?:thuc\s+hien|can\s+cu|kinh\s+gui|de\s+|nham\s+|trong\s+|ngay\s+\d|i\.\s|1\.\s)")


def extract(text: str, issuers: Mapping[str, Issuer] | None = None) -> Extraction:
    """Read type, number, issuer, date, title, signer, recipients and references from a document's text.

    Arguments:
        text: The document as plain text or Markdown (NFD, either tone placement and any capitals accepted).
        issuers: The registry, to give known issuers their id and canonical name.
    """
    lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").split("\n")
    result = Extraction()
    rows = [_segments(line) for line in lines]
    type_row = _find_type_row(rows)
    header_end = type_row if type_row is not None else _header_end(rows)

    org_lines: list[str] = []
    for index in range(header_end):
        for segment in rows[index]:
            skel = skeleton(segment)
            number = _number(segment)
            if number is not None:
                if result.number_as_written is None:
                    result.number, symbol_type = number
                    result.number_as_written = segment
                    result.type = result.type or symbol_type
                continue
            dated = _date_in(segment)
            if dated and result.date is None:
                result.date, start, _ = dated
                result.date_as_written = segment
                place = segment[:start].strip().rstrip(",").strip()
                result.place = place or None
                continue
            if skel.startswith("v/v") or _SKIP_HEADER.search(skel) or _is_rule(segment) or skel == "du thao":
                continue
            if _is_upper(segment) and not _type_of(segment):
                org_lines.append(segment)
    if result.date is None:
        _date_across_lines(rows[:header_end], result)

    title_end = header_end
    if type_row is not None:
        type_line = next(s for s in rows[type_row] if _type_of(s))
        result.type = _type_of(type_line)
        result.title, title_end = _title_after(lines, type_row + 1)
        rest = _type_rest(type_line)
        if rest:
            result.title = f"{rest} {result.title}" if result.title else rest
    # Without a type line, the "V/v" subject may sit on the line where the body was taken to start.
    vv = _subject(rows[: header_end + (type_row is None)])
    if vv:
        result.type = result.type or "Công văn"
        result.title = result.title or vv
    if result.type == "Công văn" and type_row is None:
        title_end = _after_addressees(rows, header_end)
    result.body_start = _skip_rules(lines, title_end)

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
    label = max((i for i, s in enumerate(flat) if _RECIPIENTS.match(skeleton(s))), default=None)
    if label is not None:
        result.recipients = _recipients(flat[label:])
        result.signer = _signer(flat[label:])
    else:
        result.signer = _signer(flat[-12:])

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
        known = found.get(citation.number.casefold())
        if known is None:
            found[citation.number.casefold()] = {
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
            _SKIP_HEADER.search(skel)
            or _RECIPIENTS.match(skel)
            or _PREFIX.match(skel)
            or re.match(r"v\s*/\s*v\b", skel)
        )
        or _number(text) is not None
    )


def _find_type_row(rows: list[list[str]]) -> int | None:
    for index, row in enumerate(rows[:60]):
        if len(row) == 1 and _type_of(row[0]):
            return index
        if any(_BODY_START.match(skeleton(s)) and len(s) > 80 for s in row):
            return None
    return None


def _header_end(rows: list[list[str]]) -> int:
    """Without a type line, the header ends at the first body paragraph."""
    for index, row in enumerate(rows[:60]):
        for segment in row:
            skel = skeleton(segment)
            if len(segment) > 100 or (_BODY_START.match(skel) and not skel.startswith("ngay")):
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
                dated = _date_in(joined)
                if dated:
                    result.date, start, _ = dated
                    result.date_as_written = joined
                    result.place = joined[:start].strip().rstrip(",").strip() or None
                    return


def _title_after(lines: list[str], start: int) -> tuple[str | None, int]:
    """The trích yếu below the type line: its lines up to a blank line or a rule."""
    parts: list[str] = []
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines):
        line = lines[index]
        cleaned = _clean(line)
        if not line.strip():
            following = next(
                (i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].strip()), None
            )
            nxt = _clean(lines[following]) if following is not None else ""
            if (
                parts
                and nxt[:1].islower()
                and len(nxt) < 200
                and not _is_rule(nxt)
                and not parts[-1].endswith((".", ";", ":"))
            ):
                index = following  # type: ignore[assignment]
                continue
            break
        if (
            _is_rule(cleaned)
            or (parts and _BODY_START.match(skeleton(cleaned)))
            or (_is_upper(cleaned) and parts)
        ):
            break
        parts.append(cleaned)
        index += 1
    title = " ".join(" ".join(parts).split()) or None
    return title, index


def _subject(rows: list[list[str]]) -> str | None:
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


def _after_addressees(rows: list[list[str]], start: int) -> int:
    """The body of a Công văn starts after its "Kính gửi:" block."""
    for index in range(start, min(len(rows), start + 40)):
        if any(re.match(r"^kinh\s+gui", skeleton(s)) for s in rows[index]):
            end = index + 1
            while end < len(rows) and (not rows[end] or _ITEM.match(rows[end][0])):
                end += 1
            return end
    return start


def _skip_rules(lines: list[str], index: int) -> int:
    while index < len(lines) and (not lines[index].strip() or _is_rule(_clean(lines[index]))):
        index += 1
    return index


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
