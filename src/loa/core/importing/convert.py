"""Importing a signed document (.docx, .txt, .md) as a plan file: text, extracted metadata, structured body.

A .docx goes through mammoth to HTML and from there to the same plain-text form a Word "save as text" gives:
paragraphs separated by blank lines, bold kept as ``**``, list items as ``-``, layout tables (the header, the
signature) read column by column, data tables kept as Markdown tables. Everything after that is shared with .txt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lxml import html as lxml_html

from loa.core.importing.extract import Extraction, extract, is_layout_text
from loa.core.model.registry import Issuer
from loa.core.model.tasks import quotes
from loa.core.safety.trust import strip_invisible
from loa.core.text.normalize import nfc, slugify
from loa.core.text.restructure import to_markdown

__all__ = [
    "SUFFIXES",
    "ImportResult",
    "SourceError",
    "import_text",
    "plan_file_text",
    "read_source",
    "suggested_path",
]

SUFFIXES = (".docx", ".txt", ".md")


class SourceError(Exception):
    """A source file that cannot be read; the message is Vietnamese, for the editor."""


@dataclass(frozen=True)
class ImportResult:
    """An imported document: what was extracted, its front matter and its Markdown body."""

    extraction: Extraction
    front: dict[str, Any]
    body: str


def read_source(path: Path) -> str:
    """Return the text of a .docx, .txt or .md file, NFC-normalised."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(f"{path}: chỉ nhập được tệp .docx, .txt hoặc .md")
    try:
        if suffix == ".docx":
            return nfc(docx_text(path))
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: không đọc được tệp ({error.strerror})") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{path}: tệp không phải UTF-8 (byte lạ ở vị trí {error.start}); hãy lưu lại với bảng mã UTF-8"
        ) from error
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            text = text[end + 5 :]
    return nfc(text.replace("\r\n", "\n"))


def docx_text(path: Path) -> str:
    """The text of a Word document, in the form of the seeds' text exports."""
    import mammoth  # imported here: only .docx needs it

    try:
        with path.open("rb") as stream:
            converted = mammoth.convert_to_html(stream)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise SourceError(f"{path}: không đọc được tệp Word ({error})") from error
    if not converted.value.strip():
        return ""
    root = lxml_html.fragment_fromstring(converted.value, create_parent="div")
    return "\n\n".join(_blocks(root)) + "\n"


def _inline(element: Any) -> str:
    """Text of a paragraph with bold and italics as Markdown."""
    parts = [element.text or ""]
    for child in element:
        inner = _inline(child)
        if child.tag in ("strong", "b") and inner.strip():
            inner = f"**{inner.strip()}**"
        elif child.tag in ("em", "i") and inner.strip():
            inner = f"*{inner.strip()}*"
        elif child.tag == "br":
            inner = "\n"
        parts.append(inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(root: Any) -> Iterator[str]:
    for element in root:
        tag = element.tag
        if tag == "p":
            text = _inline(element).strip()
            if text:
                yield text
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _inline(element).strip()
            if text:
                yield f"{'#' * int(tag[1])} {text}"
        elif tag in ("ul", "ol"):
            yield "\n".join(_items(element, 0))
        elif tag == "table":
            yield from _table(element)
        else:
            yield from _blocks(element)


def _items(element: Any, depth: int) -> Iterator[str]:
    marker = "-" if depth == 0 else "+"
    for number, item in enumerate(element.findall("li"), start=1):
        nested = [child for child in item if child.tag in ("ul", "ol")]
        for child in nested:
            item.remove(child)
        label = f"{number}." if element.tag == "ol" and depth == 0 else marker
        yield f"{'    ' * depth}{label} {' '.join(_inline(item).split())}"
        for child in nested:
            yield from _items(child, depth + 1)


def _table(table: Any) -> Iterator[str]:
    rows = [[cell for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")]
    cells = [
        [[p for p in (" ".join(_inline(par).split()) for par in cell.findall(".//p")) if p] for cell in row]
        for row in rows
    ]
    texts = [p for row in cells for cell in row for p in cell]
    if any(is_layout_text(text) for text in texts):
        # A layout table (header, signature): read each row column by column, as the eye reads it.
        for row in cells:
            for cell in row:
                if cell:
                    yield "\n".join(cell)
        return
    lines = ["| " + " | ".join(" ".join(cell) for cell in row) + " |" for row in cells if row]
    if lines:
        width = len(cells[0])
        lines.insert(1, "|" + " --- |" * width)
        yield "\n".join(lines)


def import_text(text: str, source_name: str, issuers: Mapping[str, Issuer]) -> ImportResult:
    """Extract the metadata of a document's text and structure its body."""
    text = nfc(text)
    extraction = extract(text, issuers)
    lines = text.split("\n")[extraction.body_start :]
    body = to_markdown(lines)
    front = front_matter(extraction, source_name, text) | proposed_tasks(extraction, body)
    return ImportResult(extraction, _visible(front), body)


def _visible(value: Any) -> Any:
    """Front matter without invisible characters (soft hyphens, zero-width spaces that Word leaves), which ``loa
    check`` refuses in front matter; the body keeps them as the original has them."""
    if isinstance(value, str):
        return strip_invisible(value)
    if isinstance(value, list):
        return [_visible(item) for item in value]
    if isinstance(value, dict):
        return {key: _visible(item) for key, item in value.items()}
    return value


def proposed_tasks(extraction: Extraction, body: str) -> dict[str, Any]:
    """``tasks`` and ``budget`` as the text gives them, for the editor to check: only tasks with a deadline or a
    target that quote the body, with the units the registry knows; the budget when its lines are all there."""
    tasks: list[dict[str, Any]] = []
    seen: set[str] = set()
    for task in extraction.plan.tasks:
        if not (task.deadline or task.targets) or not quotes(body, task.task):
            continue
        item: dict[str, Any] = {"id": f"dong-{task.line}"} if task.task in seen else {}
        seen.add(task.task)
        item["task"] = task.task
        for field, ids in (("lead", task.lead), ("cooperate", task.cooperate)):
            if ids:
                item[field] = list(ids)
        if task.deadline:
            item["deadline"] = task.deadline
        if task.targets:
            item["targets"] = [{"count": t.count, "unit": t.unit} for t in task.targets]
        tasks.append(item)
    proposed: dict[str, Any] = {"tasks": tasks} if tasks else {}
    budget = extraction.plan.budget
    if budget and budget.get("total") and budget.get("lines"):
        proposed["budget"] = {key: value for key, value in budget.items() if value}
    return proposed


def front_matter(extraction: Extraction, source_name: str, text: str) -> dict[str, Any]:
    """The front matter of the imported plan: what was found, status draft, nothing invented."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    front: dict[str, Any] = {
        "kind": "plan",
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'loa-import:' + digest)}",
    }
    if extraction.type:
        front["type"] = extraction.type
    if extraction.number:
        front["number"] = extraction.number
    elif extraction.number_as_written:
        front["number_as_written"] = extraction.number_as_written
    if extraction.issuer:
        front["issuer"] = extraction.issuer_id or slugify(extraction.issuer)
    if extraction.place:
        front["place"] = extraction.place
    if extraction.date:
        date = extraction.date
        if date.month and date.day:
            front["date"] = dt.date(date.year, date.month, date.day)
        else:
            front["date"] = date.iso()
        front["date_as_written"] = extraction.date_as_written
    if extraction.title:
        front["title"] = extraction.title
    signer = extraction.signer
    if signer.authority or signer.role or signer.name:
        front["signer"] = {
            key: value
            for key, value in (("authority", signer.authority), ("role", signer.role), ("name", signer.name))
            if value
        }
    if extraction.recipients:
        front["recipients"] = list(extraction.recipients)
    front["status"] = "draft"
    front["access"] = "public"
    front["source"] = source_name
    return front


def plan_file_text(result: ImportResult) -> str:
    """The plan file: YAML front matter, a blank line, the Markdown body."""
    yaml_text = yaml.safe_dump(result.front, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{yaml_text}---\n\n{result.body}"


def suggested_path(extraction: Extraction) -> str:
    """``plans/<year>/<type>-<title>.md``, the title cut at a word boundary; the year of the date, else
    the one the title names; no year folder when neither gives one."""
    slug = slugify(f"{extraction.type or 'van-ban'} {extraction.title or 'khong-tieu-de'}", max_length=70)
    year = extraction.date.year if extraction.date else extraction.year
    folder = f"plans/{year}" if year else "plans"
    return f"{folder}/{slug}.md"
