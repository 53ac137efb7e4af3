"""The closing of an official document laid out as issued: "Nơi nhận" on the left, the signature on the right.

A document's text ends with its list of recipients and its signature block, which the original sets side by side.
In the Markdown they follow each other (the importer reads the two columns one after the other). `mark_closing`
finds them at the end of the rendered body and wraps them in two columns, changing no character of the text:
paper and wide screens show them side by side, phones one above the other.
"""

from __future__ import annotations

import re

from loa.core.outputs.search import html_text

__all__ = ["mark_closing"]

# "Nơi nhận:" as a paragraph of its own (bold or italic or not), then one list, then the signature's paragraphs.
_CLOSING = re.compile(
    r"(?P<recipients><p>(?:<(?:strong|em|b|i)>)*\s*Nơi nhận\s*:?\s*(?:</(?:strong|em|b|i)>)*\s*:?\s*</p>\s*"
    r"<(?P<list>ul|ol)>(?:(?!</?(?:ul|ol)\b).)*?</(?P=list)>)\s*"
    r"(?P<signature>(?:<p>(?:(?!</?p\b).){1,400}?</p>\s*){1,4})$",
    re.DOTALL,
)
_SIGNATURE_TEXT_MAX = 300  # characters: a signature block is a few short lines


def mark_closing(body_html: str) -> str:
    """``body_html`` with its closing (recipients, then signature, at its very end) in two columns, else as is."""
    match = _CLOSING.search(body_html.rstrip())
    if match is None or len(html_text(match["signature"])) > _SIGNATURE_TEXT_MAX:
        return body_html
    start = match.start()
    return (
        body_html[:start]
        + '<div class="loa-closing">\n<div class="loa-closing__recipients">\n'
        + match["recipients"]
        + '\n</div>\n<div class="loa-closing__signature">\n'
        + match["signature"].rstrip()
        + "\n</div>\n</div>\n"
    )
