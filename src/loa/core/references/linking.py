"""Turning citations in rendered HTML into links, without changing a character of the text."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from loa.core.references.xref import Reference

__all__ = ["CitationLinker"]


class CitationLinker:
    """Wraps each citation of rendered HTML in a link to what it resolved to.

    The references were detected in the source; here each one is found again, in order, as the exact text it was
    written as, inside a text node of the HTML. Nothing is detected twice, and a mention keeps the resolution its
    context gave it. Unresolved mentions are marked, not linked. A mention that markup splits (emphasis in the
    middle of a number) stays plain text.

    Arguments:
        references: The document's references, in source order.
        href: URL of a reference's target relative to the page, or None for no link.
    """

    def __init__(self, references: Sequence[Reference], *, href: Callable[[Reference], str | None]) -> None:
        self.references = list(references)
        self.href = href

    def link(self, markup: str, *, title: bool = False) -> str:
        """Return ``markup`` with the mentions of its part (title or body) linked; its text is unchanged."""
        out: list[str] = []
        cursor = 0
        for reference in self.references:
            if reference.in_title != title:
                continue
            needle = html.escape(reference.citation.as_written, quote=False)
            found = _find_in_text(markup, needle, cursor)
            if found < 0:
                continue
            out.append(markup[cursor:found])
            out.append(_render_mention(needle, reference, self.href))
            cursor = found + len(needle)
        out.append(markup[cursor:])
        return "".join(out)


def _find_in_text(markup: str, needle: str, start: int) -> int:
    """Offset of ``needle`` in a text node of ``markup`` at or after ``start`` (not in a tag, link or code)."""
    position = markup.find(needle, start)
    while position >= 0:
        in_tag = markup.rfind("<", start, position) > markup.rfind(">", start, position)
        # "<a" then a space, a line end or ">": not "<abbr", and an <a> without attributes counts too.
        opened = max(
            *(markup.rfind(f"<a{end}", 0, position) for end in " \t\n>"), markup.rfind("<code", 0, position)
        )
        closed = max(markup.rfind("</a>", 0, position), markup.rfind("</code>", 0, position))
        if not in_tag and opened <= closed:
            return position
        position = markup.find(needle, position + 1)
    return -1


def _render_mention(
    mention: str, reference: Reference | None, href: Callable[[Reference], str | None]
) -> str:
    url = href(reference) if reference and reference.target else None
    if url and reference:
        title = html.escape(_title_of(reference), quote=True)
        return f'<a class="loa-cite" href="{html.escape(url, quote=True)}" title="{title}">{mention}</a>'
    if reference and reference.candidates:
        return f'<span class="loa-cite loa-cite--ambiguous" title="Chưa xác định: có nhiều văn bản cùng số">{mention}</span>'
    return (
        f'<span class="loa-cite loa-cite--unresolved" title="Văn bản này chưa có trên trang">{mention}</span>'
    )


def _title_of(reference: Reference) -> str:
    target = reference.target
    if target is None:
        return ""
    parts = [target.label]
    if target.date:
        parts.append(target.date.vietnamese())
    if target.title and target.title != target.label:
        parts.append(target.title)
    return " – ".join(parts)
