"""What the search index holds of each page: a published document, or a registry entry that documents cite."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from loa.core.base.dates import vietnamese_date
from loa.core.loading.catalog import topic_id
from loa.core.model.document import CATEGORY_NAMES, Document
from loa.core.model.registry import Issuer
from loa.core.references.xref import ReferenceGraph, Target
from loa.core.routing.routes import external_page
from loa.core.text.normalize import fold, number_key

__all__ = ["CITED_TYPE", "FACETS", "SearchEntry", "search_entries"]

CITED_TYPE = "duoc-dan-chieu"
FACETS = ("loai", "nam", "coquan", "chude")
"""Filter names, as they appear in the search page's address: type, year, issuer, topic."""
_CITED_WEIGHT = 0.2


@dataclass(frozen=True)
class SearchEntry:
    """One searchable page: what a result shows, what is matched besides the text, and its filter values.

    Attributes:
        src_uri: Source path of the page.
        url: Page URL relative to the site root.
        title: The title as a reader says it (type word included for official documents).
        label: Type of document, or category of an article ("Kế hoạch", "Tin", "Chuyên đề").
        number: Number and symbol as written, or None.
        issuer: Name of the issuing body or the writing unit, or None.
        date: Date as shown ("ngày 15/12/2021"), or None.
        summary: An article's summary, shown when the text has no better excerpt.
        sample: Whether the page is a sample written for the demonstration.
        keywords: Extra text matched with the number's weight: number, type, issuer, signer, date.
        number_key: Canonical form of the number, for "exact number first"; None without digits.
        facets: Filter values: facet name → ((value id, label), …).
        weight: Multiplies the entry's term weights: the site's own documents outrank the pages of documents
            they only cite.
    """

    src_uri: str
    url: str
    title: str
    label: str
    number: str | None = None
    issuer: str | None = None
    date: str | None = None
    summary: str | None = None
    sample: bool = False
    keywords: str = ""
    number_key: str | None = None
    facets: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    weight: float = 1.0

    def shown(self) -> dict[str, Any]:
        """What the browser needs to show this entry as a result, without empty fields."""
        record = {
            "u": self.url,
            "t": self.title,
            "l": self.label,
            "n": self.number,
            "i": self.issuer,
            "d": self.date,
            "s": self.summary,
            "m": 1 if self.sample else None,
        }
        return {key: value for key, value in record.items() if value}


def search_entries(
    documents: Iterable[Document], issuers: Mapping[str, Issuer], graph: ReferenceGraph | None = None
) -> tuple[SearchEntry, ...]:
    """Return the searchable pages, newest first (the order breaks ties between results).

    Official documents, articles, topics and plain pages are searchable, then the pages of the documents they
    cite that the site does not publish (``tham-chieu/``), so that a search for "85-KH/TU" finds the Tỉnh ủy's
    plan and, through it, the plans that implement it. The home page and the generated listings are not: they
    only repeat what the documents say.
    """
    documents = [d for d in documents if d.kind in ("plan", "article", "topic", "page")]
    topics = {topic_id(d): d.title for d in documents if d.kind == "topic"}
    order = sorted(documents, key=lambda d: (d.kind in ("plan", "article"), d.sort_key), reverse=True)
    entries = [_entry(document, issuers, topics) for document in order]
    if graph is not None:
        cited = [
            graph.targets[key]
            for key in graph.incoming
            if not key.startswith("doc:") and key in graph.targets
        ]
        cited.sort(key=lambda t: (-(t.date.year if t.date else 0), fold(t.label), t.key))
        entries += (_cited_entry(target, issuers) for target in cited)
    return tuple(entries)


def _cited_entry(target: Target, issuers: Mapping[str, Issuer]) -> SearchEntry:
    issuer = issuers.get(target.issuer or "")
    date = target.date.vietnamese() if target.date else None
    facets: dict[str, tuple[tuple[str, str], ...]] = {
        "loai": ((CITED_TYPE, "Văn bản được dẫn chiếu"),),
        "nam": ((str(target.date.year), str(target.date.year)),) if target.date else (),
        "coquan": ((issuer.id, issuer.name),) if issuer else (),
        "chude": (),
    }
    title = target.label
    if target.title and fold(target.title) not in fold(target.label):
        title = f"{target.label} {target.title}"
    return SearchEntry(
        src_uri=external_page(target.key[4:]),
        url=target.page_url,
        title=title,
        label=f"{target.type or 'Văn bản'} (được dẫn chiếu, không đăng trên trang)",
        number=target.number,
        issuer=issuer.name if issuer else None,
        date=date,
        keywords=" ".join(
            p
            for p in (
                target.type,
                target.number,
                issuer.name if issuer else None,
                date,
                target.name,
                target.term and f"khóa {target.term}",
            )
            if p
        ),
        number_key=_number_key(target.number),
        facets=tuple((name, facets[name]) for name in FACETS),
        weight=_CITED_WEIGHT,
    )


def _entry(document: Document, issuers: Mapping[str, Issuer], topics: Mapping[str, str]) -> SearchEntry:
    unit = issuers.get(document.issuer or document.author or "")
    date = None
    year = None
    if document.kind == "plan" and document.date:
        date, year = document.date.vietnamese(), document.date.year
    elif document.kind == "article" and document.publish_at:
        date, year = vietnamese_date(document.publish_at), document.publish_at.year
    if document.kind == "plan" and document.doc_type:
        label, type_id = document.doc_type.name, document.doc_type.slug
    elif document.kind == "article":
        label, type_id = CATEGORY_NAMES.get(document.category or "", "Tin bài"), "tin-bai"
    elif document.kind == "topic":
        label, type_id = "Chuyên đề", "chuyen-de"
    else:
        label, type_id = "Trang", "trang"
    facets: dict[str, tuple[tuple[str, str], ...]] = {
        "loai": ((type_id, "Tin bài" if type_id == "tin-bai" else label),),
        "nam": ((str(year), str(year)),) if year else (),
        "coquan": ((unit.id, unit.name),) if unit else (),
        "chude": tuple((t, topics[t]) for t in dict.fromkeys(document.topics) if t in topics),
    }
    if document.kind == "topic":
        facets["chude"] = ((topic_id(document), document.title),)
    signer = document.signer
    keywords = " ".join(
        part
        for part in (
            label,
            document.number,
            unit.name if unit else None,
            unit.short_name if unit else None,
            date,
            signer.name if signer else None,
            signer.role if signer else None,
        )
        if part
    )
    return SearchEntry(
        src_uri=document.src_uri,
        url=document.url,
        title=document.full_title,
        label=label,
        number=document.number,
        issuer=unit.name if unit else None,
        date=date,
        summary=document.summary or document.description if document.kind == "article" else None,
        sample=document.sample,
        keywords=keywords,
        number_key=_number_key(document.number),
        facets=tuple((name, facets[name]) for name in FACETS),
    )


def _number_key(number: str | None) -> str | None:
    """The number's key for "exact number first", when the number has digits (a blank "- KH/TU" has none)."""
    key = number_key(number) if number else None
    return key if key and key[:1].isdigit() else None
