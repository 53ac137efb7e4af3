"""Turning citations in rendered HTML into links, without changing a character of the text."""

from __future__ import annotations

import html
import re
from collections import defaultdict, deque
from collections.abc import Callable, Sequence

from loa.core.citations import IssuerNames, detect_citations, skeleton
from loa.core.xref import Reference

__all__ = ["CitationLinker"]

_TOKENS = re.compile(r"(<[^>]*>)")
_SKIP = {"a", "code", "pre", "script", "style", "title"}


class CitationLinker:
    """Wraps each citation of rendered HTML in a link to what it resolved to.

    The n-th mention of a document in the HTML is paired with the n-th reference to it found in the source, so a
    mention keeps the resolution its context gave it. Unresolved mentions are marked, not linked. Call `link` on
    the parts of a page in the order their text comes in the source (title, then body).

    Arguments:
        references: The document's references, in order.
        names: Issuer names, as used when the references were detected.
        href: URL of a reference's target relative to the page, or None for no link.
    """

    def __init__(
        self, references: Sequence[Reference], *, names: IssuerNames, href: Callable[[Reference], str | None]
    ) -> None:
        self.queues: dict[str, deque[Reference]] = defaultdict(deque)
        for reference in references:
            self.queues[reference.citation.key].append(reference)
        self.names = names
        self.href = href

    def link(self, markup: str) -> str:
        """Return ``markup`` with its citations linked; its text content is unchanged."""
        out: list[str] = []
        open_skips: list[str] = []
        for token in _TOKENS.split(markup):
            if token.startswith("<"):
                out.append(token)
                tag = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
                if tag and tag[1].lower() in _SKIP and not token.endswith("/>"):
                    if token.startswith("</"):
                        if open_skips and open_skips[-1] == tag[1].lower():
                            open_skips.pop()
                    else:
                        open_skips.append(tag[1].lower())
                continue
            if open_skips or not token.strip():
                out.append(token)
                continue
            out.append(_link_text(token, self.queues, self.names, self.href))
        return "".join(out)


def _link_text(
    token: str,
    queues: dict[str, deque[Reference]],
    names: IssuerNames,
    href: Callable[[Reference], str | None],
) -> str:
    text = html.unescape(token)
    mentions = [(c.start, c.end, c.key) for c in detect_citations(text, names=names)]
    # An alias ("Đề án 11") is only recognisable next to its definition: look for the ones the source had.
    skel = skeleton(text)
    for key, queue in queues.items():
        if key.startswith("alias:") and queue:
            alias = key[len("alias:") :]
            mentions += [(m.start(), m.end(), key) for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?![\w-])", skel)]
    if not mentions:
        return token
    pieces: list[str] = []
    position = 0
    for start, end, key in sorted(mentions):
        if start < position:
            continue
        pending = queues.get(key)
        reference = pending.popleft() if pending else None
        pieces.append(html.escape(text[position:start], quote=False))
        pieces.append(_render_mention(html.escape(text[start:end], quote=False), reference, href))
        position = end
    pieces.append(html.escape(text[position:], quote=False))
    return "".join(pieces)


def _render_mention(mention: str, reference: Reference | None, href: Callable[[Reference], str | None]) -> str:
    url = href(reference) if reference and reference.target else None
    if url and reference:
        title = html.escape(_title_of(reference), quote=True)
        return f'<a class="loa-cite" href="{html.escape(url, quote=True)}" title="{title}">{mention}</a>'
    if reference and reference.candidates:
        return f'<span class="loa-cite loa-cite--ambiguous" title="Chưa xác định: có nhiều văn bản cùng số">{mention}</span>'
    return f'<span class="loa-cite loa-cite--unresolved" title="Chưa xác định được văn bản">{mention}</span>'


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
