"""Heading anchors that keep Vietnamese letters ("MỤC ĐÍCH" → ``muc-dich``), while the old anchors still land.

Python-Markdown's toc makes a heading's id by decomposing its text and dropping whatever is not ASCII then: "Đ" and
"đ" do not decompose, so "MỤC ĐÍCH" gave ``muc-ich`` and "Đảng bộ" ``ang-bo``. This Markdown extension, listed as
``loa.core.outputs.headings`` under ``markdown_extensions`` in ``mkdocs.yml``, gives every heading without an id the slug
the rest of Loa uses (`loa.core.text.normalize.heading_slug`: no diacritics, đ→d, words joined by the toc's
separator), numbered ``_1``, ``_2`` as the toc numbers repeats, just before the toc runs. The toc keeps the ids it
finds, so the page, the table of contents and the permalinks all carry the new anchor.

Links written to an old anchor, on this site or elsewhere, must still land, without script. Where a heading's old
id (what the toc alone gives it, numbered among the old ids as the toc does) differs from the new one and no other
element has it, an empty ``<span class="loa-old-anchor" id="muc-ich"></span>`` opens the heading; the body sanitiser
keeps that id unprefixed, as it keeps heading ids (`loa.core.safety.sanitize`).

Nothing happens without the toc, or when the toc was given a ``slugify`` of its own: the operator's rule stands
(`loa.core.text.normalize.heading_slug` given there is the same rule). In ``mkdocs.yml`` that takes a Python tag, which
the history process cannot pass on (settings travel as plain JSON): listing this extension is the way.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, remove_fnrefs, render_inner_html, strip_tags, unique
from markdown.extensions.toc import slugify as toc_slugify
from markdown.treeprocessors import Treeprocessor

from loa.core.safety.sanitize import OLD_ANCHOR_CLASS
from loa.core.text.normalize import heading_slug

__all__ = ["HeadingAnchors", "makeExtension"]

# The toc's own test for a heading (TocTreeprocessor.header_rgx).
_HEADING = re.compile("[Hh][123456]")
# Treeprocessor priority: after inline patterns (20) and attr_list (8), which write headings' text and ids, before
# the toc (5).
_BEFORE_TOC = 6


class _Slugger(Treeprocessor):
    """Gives each heading without an id its new anchor, and its old one inside if it changed, before the toc runs.

    Before, not after: MkDocs collects the anchors of a page next to the toc (to check links to them), and so
    learns the old ones too. The toc's entries take the heading's text, which the empty element does not change.
    """

    def run(self, root: etree.Element) -> None:
        toc = next((e for e in self.md.registeredExtensions if isinstance(e, TocExtension)), None)
        if toc is None or toc.getConfig("slugify") not in (toc_slugify, heading_slug):
            return
        separator = toc.getConfig("separator")
        # As the toc does: every id present counts, a valueless one (attr_list's bare "#") included.
        new_ids = {e.attrib["id"] for e in root.iter() if "id" in e.attrib}
        old_ids = set(new_ids)
        changed: list[tuple[etree.Element, str]] = []
        for element in root.iter():
            if not (isinstance(element.tag, str) and _HEADING.match(element.tag)) or element.get("id"):
                continue
            name = html.unescape(strip_tags(render_inner_html(remove_fnrefs(element), self.md)))
            new = unique(heading_slug(name, separator), new_ids)
            old = unique(toc_slugify(name, separator), old_ids)
            element.set("id", new)
            if old != new:
                changed.append((element, old))
        present = {e.get("id") for e in root.iter()}
        for heading, old in changed:
            if old in present:  # never a second element with an id: the one already there keeps it
                continue
            present.add(old)
            # A span, not an "a": MkDocs expects every link it rewrites to have an href.
            anchor = etree.Element("span", {"id": old, "class": OLD_ANCHOR_CLASS})
            anchor.tail, heading.text = heading.text, None
            heading.insert(0, anchor)


class HeadingAnchors(Extension):
    """The Markdown extension: new anchors for headings, old anchors kept (see the module's documentation)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(_Slugger(md), "loa-heading-anchors", _BEFORE_TOC)


def makeExtension(**kwargs: Any) -> HeadingAnchors:
    """Python-Markdown's entry point for ``markdown_extensions: [loa.core.outputs.headings]``."""
    return HeadingAnchors(**kwargs)
