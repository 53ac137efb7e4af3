"""One citation of another document, and the words and symbols that name document types in running text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["SYMBOL_TYPES", "TYPE_WORDS", "Citation"]


TYPE_WORDS: dict[str, str] = {
    "ke hoach": "Kế hoạch",
    "de an": "Đề án",
    "huong dan": "Hướng dẫn",
    "chuong trinh": "Chương trình",
    "nghi quyet": "Nghị quyết",
    "chi thi": "Chỉ thị",
    "ket luan": "Kết luận",
    "quy dinh": "Quy định",
    "quyet dinh": "Quyết định",
    "thong bao ket luan": "Thông báo",
    "thong bao": "Thông báo",
    "bao cao": "Báo cáo",
    "cong van": "Công văn",
    "quy che": "Quy chế",
    "nghi dinh": "Nghị định",
    "thong tu": "Thông tư",
    "luat": "Luật",
    "to trinh": "Tờ trình",
    "cong dien": "Công điện",
    "thong tri": "Thông tri",
}
"""Type words as they appear in running text (skeleton form) and the type they name."""

SYMBOL_TYPES: dict[str, str] = {
    "kh": "Kế hoạch",
    "da": "Đề án",
    "hd": "Hướng dẫn",
    "ctr": "Chương trình",
    "nq": "Nghị quyết",
    "ct": "Chỉ thị",
    "kl": "Kết luận",
    "qdi": "Quy định",
    "qd": "Quyết định",
    "tb": "Thông báo",
    "bc": "Báo cáo",
    "cv": "Công văn",
    "qc": "Quy chế",
    "nd": "Nghị định",
    "tt": "Thông tư",
    "ttr": "Tờ trình",
    "cd": "Công điện",
}
"""Abbreviations used in document symbols (skeleton form) and the type they stand for."""


@dataclass(frozen=True)
class Citation:
    """One mention of another document.

    Attributes:
        start: Offset of the mention in the (NFC) text.
        end: Offset just after it.
        as_written: The mention exactly as written.
        type: Document type (Vietnamese name), from the symbol when the symbol and the type word disagree.
        number: Canonical number (``85-KH/TU``, ``01/KH-BTCKN``, ``11``), or None for a named citation.
        date: Date of the cited document, when the mention gives it.
        issuer_text: The issuing body as the mention names it after "của", or None.
        term: Party term (khóa) given with the mention, as a Roman numeral.
        name: For named citations, a canonical designation such as ``NQ-TW4-XII`` or ``NQ-DH-XIII``.
        issuer: Registry id of the issuer named in the mention, when recognised.
        line: 1-based line of the mention.
    """

    start: int
    end: int
    as_written: str
    type: str | None
    number: str | None
    date: dt.date | None = None
    issuer_text: str | None = None
    term: str | None = None
    name: str | None = None
    issuer: str | None = None
    line: int = 1

    @property
    def key(self) -> str:
        """A key identifying the cited document as far as the mention allows (aliases keep their own key)."""
        if self.name and self.name.startswith("alias:"):
            return self.name
        return self.number or self.name or self.as_written
