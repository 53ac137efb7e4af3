"""Amendments and replacements between documents (front matter ``amends`` and ``replaces``), both ways.

A document names what it amends or replaces; the other direction (what amended this one, what replaced it) is
computed here. Only published documents take part: a withheld amendment neither marks its target nor reaches
the feeds, and a withheld target is not linked.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from loa.core.model.document import RELATIONS, Document
from loa.core.outputs.feeds import FeedItem, feed_time, guid_of

__all__ = ["Amendment", "amendment_item", "amendments_by_document", "find_amendments"]


def _name(document: Document) -> str:
    return f"{document.full_title} (số {document.number})" if document.number else document.full_title


@dataclass(frozen=True)
class Amendment:
    """``source`` amends (``relation == "amends"``) or replaces (``"replaces"``) ``target``."""

    source: Document
    target: Document
    relation: str

    @property
    def verb(self) -> str:
        """The relation as a Vietnamese verb: ``sửa đổi, bổ sung`` or ``thay thế``."""
        return RELATIONS[self.relation]


def find_amendments(documents: Iterable[Document]) -> tuple[Amendment, ...]:
    """Every amendment between the given documents, in the order of the amending documents' paths."""
    by_src = {d.src_uri: d for d in documents}
    found = []
    for source in sorted(by_src.values(), key=lambda d: d.src_uri):
        for relation in RELATIONS:
            for target in getattr(source, relation):
                if target in by_src and target != source.src_uri:
                    found.append(Amendment(source, by_src[target], relation))
    return tuple(found)


def amendments_by_document(
    amendments: Iterable[Amendment],
) -> tuple[dict[str, list[Amendment]], dict[str, list[Amendment]]]:
    """The amendments of each document (``src_uri`` → those naming it) and by each (→ those it makes)."""
    received: dict[str, list[Amendment]] = {}
    made: dict[str, list[Amendment]] = {}
    for amendment in amendments:
        received.setdefault(amendment.target.src_uri, []).append(amendment)
        made.setdefault(amendment.source.src_uri, []).append(amendment)
    return received, made


def amendment_item(amendment: Amendment, site_url: str) -> FeedItem | None:
    """The feed item announcing that a document was amended or replaced, or None if the amendment has no date.

    Its guid is derived from both documents' guids, so it differs from the target's own item and stays the same
    from build to build; its link is the target's list of amendments.
    """
    when = feed_time(amendment.source)
    if when is None:
        return None
    source, target = amendment.source, amendment.target
    guid = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, guid_of(target, site_url) + ' ' + guid_of(source, site_url))}"
    label = "Được thay thế" if amendment.relation == "replaces" else "Được sửa đổi, bổ sung"
    summary = f"{_name(target)} được {amendment.verb} bởi {_name(source)}."
    source_url = urljoin(site_url, source.url)
    content = (
        f"<p>{html.escape(_name(target))} được {amendment.verb} bởi "
        f'<a href="{html.escape(source_url)}">{html.escape(_name(source))}</a>.</p>'
    )
    return FeedItem(
        guid=guid,
        url=urljoin(site_url, target.url) + "#sua-doi",
        title=f"{label}: {_name(target)}",
        summary=summary,
        content=content,
        published=when,
        updated=when,
    )
