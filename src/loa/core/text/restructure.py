"""Turning the body of a document exported from Word into structured Markdown, words unchanged.

What changes is structure only:

- numbered headings become Markdown headings by their depth: "I." ``##``, "1." ``###``, "1.1." ``####``,
  "1.1.1." ``#####``. A numbered line is a heading when it was marked as one (``#`` or wholly bold) or when what
  follows it belongs to it (text, a list, deeper numbers); a numbered line followed by its next sibling is a
  paragraph, its number escaped so Markdown does not renumber it ("2\\.");
- "-" items are lists; "+" items under a "-" item nest under it; a heading "- Quý I" becomes a bold list item;
- a paragraph that a page break split ("… những bài học kinh nghiệm rút ra trong quá" / "trình lãnh đạo …") is
  joined again;
- lines of one paragraph (a signature block) keep their breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["to_markdown"]

_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_NUMBERED = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2}){0,3})\.\s")
_ROMAN = re.compile(r"^(?P<n>[IVXL]{1,5})\.\s")
_ITEM = re.compile(r"^[-+]\s")
_ENDS = (".", ":", ";", "!", "?", "…", ".”", ".)", ":)", "./.", "”.", ").")


@dataclass
class _Paragraph:
    lines: list[str]
    marked: bool = False
    bold: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def inner(self) -> str:
        """The text without heading marks and without bold wrapping the whole paragraph."""
        text = self.text
        if self.bold:
            text = re.sub(r"^\*{2,3}|\*{2,3}$", "", text.strip())
        return text.strip()

    def number(self) -> tuple[int, str] | None:
        """(depth, number) of a numbered paragraph: depth 0 for Roman numerals."""
        inner = self.inner
        roman = _ROMAN.match(inner)
        if roman:
            return 0, roman["n"]
        numbered = _NUMBERED.match(inner)
        if numbered:
            return numbered["n"].count(".") + 1, numbered["n"]
        return None


def _paragraphs(lines: list[str]) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.rstrip())
            continue
        if current:
            paragraphs.append(_classify(current))
            current = []
    return paragraphs


def _classify(lines: list[str]) -> _Paragraph:
    marked = bool(_HEADING_MARK.match(lines[0])) and len(lines) == 1
    text = _HEADING_MARK.sub("", lines[0]) if marked else lines[0]
    lines = [text.strip() if marked else text, *lines[1:]]
    joined = "\n".join(lines).strip()
    bold = bool(re.fullmatch(r"\*{2,3}[^*](?:.*[^*])?\*{2,3}", joined, re.DOTALL)) and "**" not in joined[
        3:-3
    ].replace("***", "")
    return _Paragraph(lines, marked, bold)


def _is_plain(paragraph: _Paragraph) -> bool:
    return not (paragraph.marked or paragraph.bold or paragraph.number() or _ITEM.match(paragraph.lines[0]))


def _join_page_breaks(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Join paragraphs that a page break split: the first does not end a sentence, the second does not start one."""
    out: list[_Paragraph] = []
    for paragraph in paragraphs:
        previous = out[-1] if out else None
        if (
            previous
            and not (previous.marked or previous.bold)
            and len(previous.lines) == 1
            and _is_plain(paragraph)
        ):
            last = previous.lines[-1].rstrip()
            first = paragraph.lines[0].lstrip()
            # A Vietnamese paragraph never starts in lower case; otherwise the first must stop mid-sentence.
            continues = (
                first[:1].isdigit() or last.endswith(",") or (len(last) > 100 and not previous.number())
            )
            if first[:1].islower() or (not last.endswith(_ENDS) and continues):
                previous.lines[-1] = f"{last} {first}"
                previous.lines.extend(paragraph.lines[1:])
                continue
        out.append(paragraph)
    return out


def to_markdown(lines: list[str]) -> str:
    """Return the body as structured Markdown.

    Arguments:
        lines: The body's lines, from the first paragraph after the title to the end.
    """
    paragraphs = _join_page_breaks(_paragraphs(lines))
    blocks: list[str] = []
    in_list = False
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        number = paragraph.number()
        inner = paragraph.inner
        if number and (
            paragraph.marked or paragraph.bold or number[0] == 0 or _has_content(number, following)
        ):
            blocks.append(f"{'#' * (2 + number[0])} {' '.join(inner.split())}")
            in_list = False
            continue
        if (paragraph.marked or paragraph.bold) and inner.startswith("- "):
            blocks.append(f"- **{inner[2:].strip()}**")
            in_list = True
            continue
        if paragraph.marked:
            blocks.append(inner)
            in_list = False
            continue
        first = paragraph.lines[0]
        if first.startswith("+ ") and in_list:
            blocks.append(
                "\n".join("    " + line if line.startswith("+ ") else line for line in paragraph.lines)
            )
            continue
        if first.startswith("|") and all(line.startswith("|") for line in paragraph.lines):
            blocks.append(paragraph.text)  # a table
            in_list = False
            continue
        if first.startswith("- "):
            in_list = True
            blocks.append(paragraph.text)
            continue
        in_list = False
        lines_out = [_escape_number(line) for line in paragraph.lines]
        if len(lines_out) > 1 and not all(_ITEM.match(line) for line in lines_out[1:]):
            lines_out = [line if line.endswith("  ") else line + "  " for line in lines_out[:-1]] + lines_out[
                -1:
            ]
        blocks.append("\n".join(lines_out))
    return "\n\n".join(blocks) + "\n"


def _has_content(number: tuple[int, str], following: _Paragraph | None) -> bool:
    """Whether what follows a numbered paragraph belongs to it, rather than being its next sibling."""
    if following is None:
        return False
    other = following.number()
    if other is None:
        return True
    return other[0] > number[0]


def _escape_number(line: str) -> str:
    numbered = _NUMBERED.match(line)
    if not numbered:
        return line
    return f"{numbered['n']}\\.{line[numbered.end() - 1 :]}"
