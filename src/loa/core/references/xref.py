"""Cross-references: resolving citations to site documents or registry entries, in both directions.

Resolution never guesses. A citation resolves when exactly one known document fits everything the mention says
(number, type, date, issuer, term) and the citing document's own date; otherwise it is reported as unresolved or
ambiguous, with the candidates. Within one document, a later mention without a date ("Kết luận số 21-KL/TW")
means the same document as an earlier, fully resolved mention of that number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from loa.core.base.diagnostics import Diagnostic, Diagnostics, Severity
from loa.core.loading.external import ExternalDocument
from loa.core.model.document import Document, PartialDate
from loa.core.model.registry import Issuer
from loa.core.routing.routes import external_url
from loa.core.text.citation import Citation
from loa.core.text.citations import detect_citations
from loa.core.text.document_numbers import number_identity
from loa.core.text.issuer_mentions import IssuerNames

__all__ = ["Reference", "ReferenceGraph", "Target", "build_reference_graph", "issuer_names"]

"""URL segment of the pages of registry entries."""

_IMPLEMENTS = re.compile(r"^\s*(?:\*\*)?\s*(?:thực hiện|căn cứ|triển khai)", re.IGNORECASE)
_IMPLEMENTS_TITLE = re.compile(r"\b(?:thực hiện|triển khai)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """Something a citation can point at: a site document or a registry entry.

    Attributes:
        key: ``doc:<src_uri>`` or ``ext:<id>``.
        label: How readers name it (``Kết luận số 21-KL/TW``).
        number: Canonical number, if any.
        type: Vietnamese type name.
        issuer: Issuer id.
        date: Date of issue.
        term: Party term.
        name: Designation of a resolution known by name.
        title: Trích yếu.
        url: Site URL (for documents) or official URL (for registry entries), if any.
        implements: What it implements, for registry entries (numbers or names).
    """

    key: str
    label: str
    number: str | None
    type: str | None
    issuer: str | None
    date: PartialDate | None
    term: str | None = None
    name: str | None = None
    title: str | None = None
    url: str | None = None
    implements: tuple[str, ...] = ()

    @property
    def is_document(self) -> bool:
        """Whether the target is a document of the site."""
        return self.key.startswith("doc:")

    @property
    def page_url(self) -> str:
        """URL of its page on the site: the document itself, or the registry entry's page."""
        return self.url or "" if self.is_document else external_url(self.key[4:])


@dataclass(frozen=True)
class Reference:
    """One citation in one document, and what it resolved to.

    Attributes:
        source: The citing document's ``src_uri``.
        citation: The mention.
        relation: ``implements`` (Căn cứ, thực hiện) or ``cites``.
        target: The resolved target, or None.
        candidates: Every target that fitted, when more than one did.
        in_title: Whether the mention is in the document's title rather than its body.
    """

    source: str
    citation: Citation
    relation: str
    target: Target | None
    candidates: tuple[Target, ...] = ()
    in_title: bool = False


@dataclass(frozen=True)
class ReferenceGraph:  # not slotted: cached_property stores its index on the instance
    """Every reference of a set of documents, with the reverse direction computed."""

    outgoing: Mapping[str, tuple[Reference, ...]]
    incoming: Mapping[str, tuple[Reference, ...]]
    targets: Mapping[str, Target]
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    def cited_targets(self, src_uri: str) -> list[tuple[Target, str]]:
        """Distinct targets a document cites, implemented ones first, in order of first mention."""
        seen: dict[str, tuple[Target, str]] = {}
        for reference in self.outgoing.get(src_uri, ()):
            if reference.target is None:
                continue
            known = seen.get(reference.target.key)
            if known is None or (reference.relation == "implements" and known[1] != "implements"):
                seen[reference.target.key] = (reference.target, reference.relation)
        return sorted(seen.values(), key=lambda tr: tr[1] != "implements")

    def citing_sources(self, key: str) -> list[tuple[str, str]]:
        """Distinct (source src_uri, relation) of the documents citing target ``key``."""
        found: dict[str, str] = {}
        for reference in self.incoming.get(key, ()):
            if found.get(reference.source) != "implements":
                found[reference.source] = reference.relation
        return sorted(found.items())

    def chain(self, key: str) -> list[Target]:
        """The implementation chain above ``key``: from the highest known document down to ``key`` itself."""
        path = [self.targets[key]]
        seen = {key}
        while True:
            parent = self._parent(path[0])
            if parent is None or parent.key in seen:
                return path
            seen.add(parent.key)
            path.insert(0, parent)

    def _parent(self, target: Target) -> Target | None:
        if target.is_document:
            for candidate, relation in self.cited_targets(target.key[4:]):
                if relation == "implements":
                    return candidate
            return None
        for wanted in target.implements:
            matches = self._by_designation.get(wanted, ())
            if len(matches) == 1:
                return matches[0]
        return None

    @cached_property
    def _by_designation(self) -> dict[str, list[Target]]:
        """Targets by number and by name, for following ``implements`` of registry entries."""
        found: dict[str, list[Target]] = defaultdict(list)
        for target in self.targets.values():
            for designation in {target.number, target.name} - {None}:
                found[str(designation)].append(target)
        return found


def issuer_names(issuers: Mapping[str, Issuer]) -> IssuerNames:
    """Return the matcher of issuer names for the detector."""
    return IssuerNames((name, issuer.id) for issuer in issuers.values() for name in issuer.names)


def build_reference_graph(
    documents: Iterable[Document],
    external: Iterable[ExternalDocument],
    issuers: Mapping[str, Issuer],
    *,
    bodies: Mapping[str, str],
) -> ReferenceGraph:
    """Detect and resolve the citations of ``documents``.

    Arguments:
        documents: The documents whose text is searched; also the site-side targets.
        external: The registry of external documents.
        issuers: The registry of issuing bodies.
        bodies: Markdown body of each document, by ``src_uri``.

    Returns:
        The graph, with a warning for every citation that is unresolved or ambiguous.
    """
    documents = list(documents)
    targets = {
        t.key: t
        for t in (*map(_document_target, documents), *map(_external_target, external))
        if t is not None
    }
    index = _index(targets.values())
    names = issuer_names(issuers)
    diagnostics = Diagnostics()
    outgoing: dict[str, tuple[Reference, ...]] = {}
    incoming: dict[str, list[Reference]] = defaultdict(list)
    for document in documents:
        references = _resolve_document(document, bodies.get(document.src_uri, ""), index, names, diagnostics)
        outgoing[document.src_uri] = references
        for reference in references:
            if reference.target is not None:
                incoming[reference.target.key].append(reference)
    return ReferenceGraph(outgoing, {k: tuple(v) for k, v in incoming.items()}, targets, diagnostics.items)


def _document_target(document: Document) -> Target | None:
    if document.kind != "plan":
        return None
    label = f"{document.doc_type.name if document.doc_type else 'Văn bản'}"
    label += f" số {document.number}" if document.number else f" {document.title}"
    return Target(
        f"doc:{document.src_uri}",
        label,
        document.number,
        document.doc_type.name if document.doc_type else None,
        document.issuer,
        document.date,
        title=document.title,
        url=document.url,
    )


def _external_target(entry: ExternalDocument) -> Target:
    return Target(
        f"ext:{entry.id}",
        entry.label,
        entry.number,
        entry.type,
        entry.issuer,
        entry.date,
        entry.term,
        entry.name,
        entry.title,
        entry.url,
        entry.implements,
    )


def _index(targets: Iterable[Target]) -> dict[str, list[Target]]:
    index: dict[str, list[Target]] = defaultdict(list)
    for target in targets:
        if target.number:
            index[number_identity(target.number)].append(target)
            index["#" + number_identity(target.number).split("-")[0].split("/")[0]].append(target)
        if target.name:
            index["@" + target.name].append(target)
    return index


def _resolve_document(
    document: Document,
    body: str,
    index: Mapping[str, list[Target]],
    names: IssuerNames,
    diagnostics: Diagnostics,
) -> tuple[Reference, ...]:
    # The title comes first: "Kế hoạch triển khai thực hiện Đề án số 11-ĐA/TU…" states what the plan implements.
    heading = f"{document.title}\n\n"
    citations = detect_citations(heading + body, own_number=document.number, names=names)
    title_implements = bool(_IMPLEMENTS_TITLE.search(document.title))
    implements_until = len(heading) + _opening_end(body)
    resolved_numbers: dict[str, set[str]] = defaultdict(set)
    references = []
    own_key = f"doc:{document.src_uri}"
    for citation in citations:
        candidates = [t for t in _candidates(citation, index) if t.key != own_key]
        candidates = [t for t in candidates if _fits(citation, t, document)]
        lookup = citation.number or citation.name or ""
        if len(candidates) > 1 and lookup in resolved_numbers and len(resolved_numbers[lookup]) == 1:
            (only,) = resolved_numbers[lookup]
            candidates = [t for t in candidates if t.key == only] or candidates
        in_title = citation.start < len(heading)
        candidates = _prefer_site_document(candidates)
        relation = (
            "implements"
            if (citation.start < implements_until and not in_title) or (in_title and title_implements)
            else "cites"
        )
        target = candidates[0] if len(candidates) == 1 else None
        if target is not None:
            resolved_numbers[lookup].add(target.key)
        references.append(
            Reference(
                document.src_uri,
                citation,
                relation,
                target,
                tuple(candidates) if len(candidates) > 1 else (),
                in_title,
            )
        )
        line = document.field_lines.get("title", 1) if in_title else document.body_line + citation.line - 3
        if not candidates:
            diagnostics.add(
                document.path,
                line,
                "xref.unresolved",
                f"không xác định được văn bản được dẫn “{citation.as_written}”: không có trong trang "
                "hay danh mục data/external.yml; hãy bổ sung vào danh mục",
                severity=Severity.WARNING,
            )
        elif target is None:
            options = "; ".join(_describe(t) for t in candidates)
            diagnostics.add(
                document.path,
                line,
                "xref.ambiguous",
                f"“{citation.as_written}” có thể là nhiều văn bản ({options}); hãy ghi rõ ngày hoặc cơ "
                "quan ban hành",
                severity=Severity.WARNING,
            )
    return tuple(references)


def _prefer_site_document(candidates: list[Target]) -> list[Target]:
    """A registry entry that describes a document published on the site is that document, not a rival."""
    documents = [t for t in candidates if t.is_document]
    if len(documents) != 1 or len(candidates) == 1:
        return candidates
    (document,) = documents
    same = all(
        t.is_document
        or (
            (t.issuer in (None, document.issuer))
            and (t.date is None or document.date is None or t.date == document.date)
        )
        for t in candidates
    )
    return documents if same else candidates


def _opening_end(body: str) -> int:
    """End of the opening paragraphs that state what the document implements ("Thực hiện…", "Căn cứ…")."""
    position = 0
    for paragraph in re.split(r"(\n\s*\n)", body):
        if paragraph.strip() and not paragraph.strip().startswith("#") and _IMPLEMENTS.match(paragraph):
            position += len(paragraph)
        elif paragraph.strip():
            break
        else:
            position += len(paragraph)
    return position


def _candidates(citation: Citation, index: Mapping[str, list[Target]]) -> list[Target]:
    if citation.number and re.fullmatch(r"\d+", citation.number):
        return [t for t in index.get("#" + citation.number, []) if t.type == citation.type]
    if citation.number:
        return list(index.get(number_identity(citation.number), []))
    if citation.name:
        return list(index.get("@" + citation.name, []))
    return []


def _fits(citation: Citation, target: Target, source: Document) -> bool:
    """Whether nothing the mention says contradicts the target, and the target is not younger than the source."""
    if (
        citation.date
        and target.date
        and target.date.is_complete
        and target.date.iso() != citation.date.isoformat()
    ):
        return False
    if citation.issuer and target.issuer and citation.issuer != target.issuer:
        return False
    if citation.type and target.type and citation.type != target.type:
        return False
    if citation.term and target.term and citation.term != target.term:
        return False
    return not (
        source.date
        and target.date
        and target.date.iso() > source.date.iso()
        and not target.date.iso().startswith(source.date.iso())
    )


def _describe(target: Target) -> str:
    parts = [target.label]
    if target.date:
        parts.append(target.date.vietnamese())
    if target.term:
        parts.append(f"khóa {target.term}")
    return " ".join(parts)
