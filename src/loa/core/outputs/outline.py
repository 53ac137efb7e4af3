"""The outline of a document's text: its headings, for a table of contents that every screen can reach.

Material lists a page's headings in a sidebar shown only on wide screens, and Loa's documents are not in the
navigation drawer that phones get. The page therefore carries its own contents, made from the rendered text's
headings (the ids the anchors extension gave them) and Loa's sections after the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from loa.core.outputs.search import html_text

__all__ = ["Heading", "outline"]

_HEADING = re.compile(
    r'<h(?P<level>[23])\b[^>]*\bid="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h(?P=level)>', re.DOTALL
)


@dataclass(frozen=True)
class Heading:
    """A heading of the text: its level (2 or 3), its anchor and its words."""

    level: int
    id: str
    text: str


def outline(body_html: str) -> list[Heading]:
    """The second- and third-level headings of ``body_html`` that have an id, in order."""
    headings = []
    for match in _HEADING.finditer(body_html):
        text = " ".join(html_text(match["inner"]).split())
        if text:
            headings.append(Heading(int(match["level"]), html.unescape(match["id"]), text))
    return headings
