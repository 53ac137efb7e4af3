"""The registry of external documents (``data/external.yml``): documents cited but not published on the site."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loa.core.base.bounds import date_problem, not_scalar
from loa.core.base.diagnostics import Diagnostics, suggest
from loa.core.model.document import PartialDate, doc_type_by_name
from loa.core.model.registry import Issuer, check_url
from loa.core.safety.bounded_yaml import read_data_file
from loa.core.safety.frontmatter import load_yaml
from loa.core.text.document_numbers import canonical_number
from loa.core.text.normalize import slugify

__all__ = ["ExternalDocument", "load_external"]

_KEYS = ("number", "type", "issuer", "date", "term", "name", "title", "implements", "url")
_EXTRA_TYPES = ("Nghị định", "Thông tư", "Luật", "Hiến pháp", "Tờ trình", "Công điện")


@dataclass(frozen=True)
class ExternalDocument:
    """A document known only through the registry.

    Attributes:
        id: Stable identifier, used in URLs (``21-kl-tw-2021``, ``nq-dh-xiii``).
        number: Canonical number, or None for a resolution known by name.
        type: Vietnamese type name.
        issuer: Issuer id, when known.
        date: Date of issue, when known.
        term: Party term (khóa), Roman numerals.
        name: Designation of a resolution known by name (``NQ-DH-XIII``).
        title: Trích yếu as the citing texts give it.
        implements: Numbers or names of the documents it implements.
        url: Official publication.
        line: Line of the entry in the registry file.
    """

    id: str
    number: str | None
    type: str | None
    issuer: str | None = None
    date: PartialDate | None = None
    term: str | None = None
    name: str | None = None
    title: str | None = None
    implements: tuple[str, ...] = ()
    url: str | None = None
    line: int = 0

    @property
    def label(self) -> str:
        """How a reader names it: ``Kết luận số 21-KL/TW`` or the title of a resolution known by name."""
        if self.number:
            return f"{self.type or 'Văn bản'} số {self.number}"
        return self.title or self.name or self.id


def load_external(
    path: Path, display_path: str, issuers: Mapping[str, Issuer], diagnostics: Diagnostics
) -> tuple[ExternalDocument, ...]:
    """Load and check the registry of external documents (a missing file means an empty registry)."""
    if not path.is_file():
        return ()
    text = read_data_file(path, display_path, diagnostics)
    if text is None:
        return ()
    data, lines = load_yaml("entries:\n" + _indent(text), display_path, diagnostics, first_line=0)
    entries = (data or {}).get("entries") or []
    if not isinstance(entries, list):
        diagnostics.add(display_path, 1, "registry.entry", "danh mục văn bản ngoài phải là một danh sách")
        return ()
    documents: list[ExternalDocument] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = lines.get(f"entries.{index}", 0)
        document = _parse(entry, line, display_path, issuers, diagnostics)
        if (
            document is not None
            and document.url is not None
            and not check_url(
                document.url,
                display_path,
                lines.get(f"entries.{index}.url", line),
                f"văn bản '{document.id}'",
                diagnostics,
            )
        ):
            continue
        if document is None:
            continue
        if document.id in seen:
            diagnostics.add(
                display_path,
                line,
                "registry.duplicate",
                f"văn bản '{document.id}' đã khai báo ở dòng {seen[document.id]}",
            )
            continue
        seen[document.id] = line
        documents.append(document)
    return tuple(documents)


def _indent(text: str) -> str:
    return "".join(f"  {line}\n" if line.strip() else "\n" for line in text.split("\n"))


def _parse(
    entry: Any, line: int, path: str, issuers: Mapping[str, Issuer], diagnostics: Diagnostics
) -> ExternalDocument | None:
    if not isinstance(entry, dict):
        diagnostics.add(path, line, "registry.entry", "mỗi mục phải gồm các trường " + ", ".join(_KEYS))
        return None
    ok = True
    for key in not_scalar(entry, lists=("implements",)):
        ok = False
        diagnostics.add(
            path,
            line,
            "registry.type",
            f"trường '{key}' phải là một giá trị đơn (chuỗi, số), không phải danh sách hay nhóm trường",
        )
    if not ok:
        return None
    for key in entry:
        if key not in _KEYS:
            ok = False
            diagnostics.add(
                path, line, "registry.unknown-key", f"trường '{key}' không hợp lệ.{suggest(str(key), _KEYS)}"
            )
    number = canonical_number(str(entry["number"])) if entry.get("number") else None
    name = str(entry["name"]) if entry.get("name") else None
    if not number and not name:
        ok = False
        diagnostics.add(path, line, "registry.required", "mỗi văn bản cần 'number' hoặc 'name'")
    doc_type = str(entry.get("type") or "")
    if doc_type and not doc_type_by_name(doc_type) and doc_type not in _EXTRA_TYPES:
        ok = False
        diagnostics.add(path, line, "registry.type", f"thể loại '{doc_type}' không hợp lệ")
    issuer = entry.get("issuer")
    if issuer and issuer not in issuers:
        ok = False
        diagnostics.add(
            path,
            line,
            "registry.issuer",
            f"không có cơ quan '{issuer}' trong data/issuers.yml.{suggest(str(issuer), sorted(issuers))}",
        )
    date = None
    if entry.get("date") not in (None, ""):
        parts = str(entry["date"]).split("-")
        try:
            date = PartialDate(
                int(parts[0]),
                int(parts[1]) if len(parts) > 1 else None,
                int(parts[2]) if len(parts) > 2 else None,
            )
        except (ValueError, IndexError):
            ok = False
            diagnostics.add(path, line, "registry.date", f"ngày '{entry['date']}' phải có dạng YYYY-MM-DD")
        if date and (problem := date_problem(date.year, date.month, date.day)):
            ok = False
            diagnostics.add(path, line, "registry.date", f"ngày '{entry['date']}': {problem}")
    if not ok:
        return None
    year = f"-{date.year}" if date else ""
    identifier = slugify(f"{number}{year}") if number else slugify(name or "")
    listed = entry.get("implements") or ()
    implements = tuple(str(i) for i in (listed if isinstance(listed, list) else [listed]))
    return ExternalDocument(
        identifier,
        number,
        doc_type or None,
        issuer,
        date,
        entry.get("term"),
        name,
        " ".join(str(entry["title"]).split()) if entry.get("title") else None,
        implements,
        entry.get("url"),
        line,
    )
