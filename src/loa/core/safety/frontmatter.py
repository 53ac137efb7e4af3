"""Strict front-matter loading.

MkDocs' own loader (``mkdocs.utils.meta.get_data``) silently treats broken YAML as body text, so Loa parses front
matter itself: every problem becomes a `Diagnostic` with a line number, and nothing is guessed. Scalars that YAML
would turn into dates stay strings, so that the schema can report an impossible date instead of PyYAML raising.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from loa.core.base.diagnostics import Diagnostics
from loa.core.safety.bounded_yaml import read_mapping

__all__ = ["FrontMatter", "find_control_characters", "load_yaml", "parse_document_text", "read_body"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f\u2028\u2029\ufeff]")
_FENCE = "---"


@dataclass(frozen=True)
class FrontMatter:
    """A parsed document: front matter values with their lines, and the body.

    Attributes:
        data: The front-matter mapping (empty when absent or broken).
        lines: Line number of each field, keyed by dotted path (``signer.name``, ``recipients.0``).
        body: The Markdown after the front matter, NFC-normalised, with ``\\n`` line ends.
        body_line: Line number in the file where the body starts.
        present: Whether the file had a front-matter block at all.
        readable: False when the block could not be parsed (its problems are already reported).
    """

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    present: bool = False
    readable: bool = True


def find_control_characters(text: str) -> list[tuple[int, str]]:
    """Return (line, character name) for each forbidden control character in ``text``."""
    found = []
    for match in _CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        char = match.group()
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        found.append((line, f"U+{ord(char):04X} {name}".strip()))
    return found


def parse_document_text(text: str, path: str, diagnostics: Diagnostics) -> FrontMatter:
    """Split ``text`` into front matter and body and parse the front matter strictly.

    Arguments:
        text: The decoded file content.
        path: The file's project-relative path, for diagnostics.
        diagnostics: Where problems are recorded.

    Returns:
        The parsed front matter; ``data`` is empty if the YAML could not be read.
    """
    text = _normalise(text)
    for line, name in find_control_characters(text):
        diagnostics.add(
            path,
            line,
            "text.control-char",
            f"có ký tự điều khiển {name} không được phép; hãy xóa ký tự này (thường do sao chép từ Word)",
        )
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return FrontMatter(body=text, body_line=1, present=False)
    end = _closing_fence(lines)
    if end is None:
        diagnostics.add(
            path,
            1,
            "yaml.unclosed",
            "phần thông tin đầu văn bản (front matter) mở bằng '---' nhưng không có dòng '---' đóng lại",
        )
        return FrontMatter(present=True, readable=False)
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    result = FrontMatter(body=body, body_line=end + 2, present=True)
    for number, raw in enumerate(lines[1:end], start=2):
        if "\t" in raw:
            diagnostics.add(
                path,
                number,
                "yaml.tab",
                "có ký tự tab trong phần thông tin đầu văn bản; hãy thay bằng dấu cách",
            )
    if not yaml_text.strip():
        return result
    data, lines_map = load_yaml(yaml_text, path, diagnostics, first_line=2)
    if data is None:
        return FrontMatter(body=body, body_line=end + 2, present=True, readable=False)
    return FrontMatter(data=data, lines=lines_map, body=body, body_line=end + 2, present=True)


def read_body(text: str) -> str:
    """Return the body of a document's text exactly as `parse_document_text` gives it, without parsing YAML."""
    text = _normalise(text)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return text
    end = _closing_fence(lines)
    return "" if end is None else "\n".join(lines[end + 1 :])


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).removeprefix("\ufeff")


def _closing_fence(lines: list[str]) -> int | None:
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in (_FENCE, "...")), None)


def load_yaml(
    text: str, path: str, diagnostics: Diagnostics, *, first_line: int = 1, max_chars: int | None = None
) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """Parse a YAML mapping strictly and within bounds, with the line of every value.

    Arguments:
        text: YAML text.
        path: Project-relative path, for diagnostics.
        diagnostics: Where problems are recorded.
        first_line: Line of the file where ``text`` starts.
        max_chars: Largest accepted text (default: `loa.core.safety.bounded_yaml.LIMITS`).

    Returns:
        The mapping (None if unreadable, not a mapping, over a bound or using anchors or aliases) and the line of
        each dotted key.
    """
    return read_mapping(text, path, diagnostics, offset=first_line, max_chars=max_chars)
