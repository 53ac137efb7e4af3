"""Document numbers across the catalog: the documents of a unit carrying a number, and duplicate numbers."""

from __future__ import annotations

from collections.abc import Iterable

from loa.core.base.diagnostics import Diagnostics
from loa.core.model.document import Document
from loa.core.text.document_numbers import number_identity

__all__ = ["check_duplicate_numbers", "numbered"]


def numbered(documents: Iterable[Document], number: str, issuer: str | None) -> list[Document]:
    """The documents of ``issuer`` carrying ``number``, compared as the duplicate check compares numbers."""
    key = number_identity(number)
    return [d for d in documents if d.number and d.issuer == issuer and number_identity(d.number) == key]


def check_duplicate_numbers(documents: list[Document], diagnostics: Diagnostics) -> None:
    """Report documents sharing issuer, type, number and year."""
    seen: dict[tuple[str | None, str | None, str, int | None], Document] = {}
    for document in sorted(documents, key=lambda d: d.path):
        if not document.number:
            continue
        key = (
            document.issuer,
            document.doc_type.name if document.doc_type else None,
            number_identity(document.number),
            document.date.year if document.date else None,
        )
        first = seen.setdefault(key, document)
        if first is not document:
            year = f" năm {key[3]}" if key[3] else ""
            diagnostics.add(
                document.path,
                document.field_lines.get("number", 1),
                "doc.duplicate-number",
                f"số ký hiệu {document.number}{year} của {document.issuer} đã dùng cho {first.path}",
                field="number",
            )
