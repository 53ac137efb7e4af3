"""A plan's body cut into blocks (paragraphs, bullets, numbered and Roman headings), each with its skeleton and the
lines it came from. Matching runs on skeletons; what is reported is the text as written, in NFC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loa.core.text.skeleton import skeleton

__all__ = ["Block", "read_blocks"]


_MARKUP = re.compile(r"\\\*|\*+|^#{1,6}\s*|^>\s*|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_BULLET = re.compile(r"^[-+•–—]\s*")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]\s+|^(\d{1,2}(?:\.\d{1,2})+)\s+")
_ROMAN = re.compile(r"^[ivx]{1,4}\s*[.)/]\s+")
_END = re.compile(r"[.;:!?)\]\"”]$")


@dataclass
class Block:
    text: str
    starts: list[tuple[int, int]]
    kind: str  # "roman", "numbered", "heading" (Markdown or bold), "bullet" or "text"
    depth: int = 0
    skel: str = ""

    def line_at(self, offset: int) -> int:
        return next(line for start, line in reversed(self.starts) if start <= offset)

    @property
    def prefix(self) -> int:
        """Where the words start, after a bullet or a number."""
        found = _BULLET.match(self.text) or _NUMBERED.match(self.text) or _ROMAN.match(self.skel)
        return found.end() if found else 0


def _line_kind(raw: str, text: str) -> tuple[str, int]:
    numbered = _NUMBERED.match(text)
    if _ROMAN.match(skeleton(text)) or numbered:
        return ("numbered", (numbered[1] or numbered[2]).count(".") + 1) if numbered else ("roman", 0)
    heading = raw.startswith(("#", "|")) or (raw.startswith("**") and raw.endswith("**"))
    return ("bullet" if _BULLET.match(text) else "heading" if heading else "text"), 0


def read_blocks(lines: list[str], start: int) -> list[Block]:
    """Cut the body into blocks, joining a paragraph that a page break split over two lines."""
    blocks: list[Block] = []
    for number, raw in enumerate(lines[start:], start + 1):
        raw = raw.strip()
        text = " ".join(_MARKUP.sub("", raw).split())
        if not text or re.fullmatch(r"[-|:\s*_=]+", text):
            continue
        kind, depth = _line_kind(raw, text)
        last = blocks[-1] if blocks else None
        if (
            last
            and kind == "text"
            and last.kind in ("text", "bullet", "numbered")
            and not _END.search(last.text)
            and (
                text[0].islower()
                or text[0].isdigit()
                or last.text.endswith((",", "-"))
                or (len(last.text) > 150 and last.kind != "numbered")
            )
        ):
            last.starts.append((len(last.text) + 1, number))
            last.text = f"{last.text} {text}"
            last.skel = skeleton(last.text)
            continue
        blocks.append(Block(text, [(0, number)], kind, depth, skeleton(text)))
    return blocks
