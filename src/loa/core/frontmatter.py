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

import yaml

from loa.core.diagnostics import Diagnostics
from loa.core.trust import character_label, invisible_characters

__all__ = ["FrontMatter", "find_control_characters", "load_yaml", "parse_document_text", "read_body"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f\u2028\u2029\ufeff]")
_FENCE = "---"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
}
_CONSTRUCTOR = yaml.SafeLoader("")

_COLON = "không được đặt dấu ':' ở đây (giá trị có dấu ':' cần đặt trong dấu nháy)"
# PyYAML problem texts that editors meet most, in Vietnamese. Others are shown as PyYAML writes them.
_YAML_PROBLEMS = {
    "mapping values are not allowed here": _COLON,
    "mapping values are not allowed in this context": _COLON,
    "could not find expected ':'": "thiếu dấu ':' sau tên trường",
    "found character '\\t' that cannot start any token": "có ký tự tab; YAML chỉ chấp nhận dấu cách",
    "did not find expected key": "thụt lề không khớp hoặc thiếu dấu ':'",
    "did not find expected '-' indicator": "thụt lề của danh sách không khớp",
    "found unexpected end of stream": "giá trị chưa được đóng (thiếu dấu nháy đóng?)",
    "found unknown escape character": "ký tự thoát không hợp lệ trong chuỗi đặt trong dấu nháy kép",
    "expected <block end>, but found '<block mapping start>'": "thụt lề không khớp",
    "expected <block end>, but found '<scalar>'": "thụt lề không khớp hoặc thừa nội dung",
    "found undefined alias": "dùng bí danh YAML (*) không được định nghĩa",
}


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
            path, line, "text.control-char",
            f"có ký tự điều khiển {name} không được phép; hãy xóa ký tự này (thường do sao chép từ Word)",
        )
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return FrontMatter(body=text, body_line=1, present=False)
    end = _closing_fence(lines)
    if end is None:
        diagnostics.add(
            path, 1, "yaml.unclosed",
            "phần thông tin đầu văn bản (front matter) mở bằng '---' nhưng không có dòng '---' đóng lại",
        )
        return FrontMatter(present=True, readable=False)
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    result = FrontMatter(body=body, body_line=end + 2, present=True)
    for number, raw in enumerate(lines[1:end], start=2):
        if "\t" in raw:
            diagnostics.add(
                path, number, "yaml.tab",
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
    text: str, path: str, diagnostics: Diagnostics, *, first_line: int = 1
) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """Parse a YAML mapping strictly, with the line of every value.

    Arguments:
        text: YAML text.
        path: Project-relative path, for diagnostics.
        diagnostics: Where problems are recorded.
        first_line: Line of the file where ``text`` starts.

    Returns:
        The mapping (None if unreadable or not a mapping) and the line of each dotted key.
    """
    offset = first_line
    node = _compose(text, path, diagnostics, offset)
    if node is None:
        return None, {}
    if not isinstance(node, yaml.MappingNode):
        diagnostics.add(
            path, node.start_mark.line + offset, "yaml.not-mapping",
            "nội dung YAML phải là các cặp 'tên trường: giá trị'",
        )
        return None, {}
    lines: dict[str, int] = {}
    return _convert(node, "", path, diagnostics, lines, offset), lines


def _compose(yaml_text: str, path: str, diagnostics: Diagnostics, offset: int) -> yaml.Node | None:
    """Parse YAML into a node tree, reporting syntax errors, anchors and aliases."""
    # Anchors need "&" and aliases "*": without either, one parsing pass is enough.
    events = yaml.parse(yaml_text, Loader=_Loader) if "&" in yaml_text or "*" in yaml_text else ()
    try:
        for event in events:
            line = event.start_mark.line + offset if event.start_mark else 1
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent):
                diagnostics.add(
                    path, line, "yaml.alias",
                    f"không dùng bí danh YAML ('*{anchor}'); hãy viết lại giá trị đầy đủ",
                )
            elif anchor:
                diagnostics.add(
                    path, line, "yaml.anchor",
                    f"không dùng neo YAML ('&{anchor}'); hãy viết giá trị trực tiếp",
                )
        return yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark else 1
        problem = (error.problem or "").strip()
        explained = _YAML_PROBLEMS.get(problem, problem)
        diagnostics.add(path, line, "yaml.syntax", f"lỗi cú pháp YAML: {explained}")
        return None
    except yaml.YAMLError as error:
        diagnostics.add(path, 1, "yaml.syntax", f"lỗi cú pháp YAML: {error}")
        return None


def _check_invisible(
    value: str, where: str, line: int, path: str, diagnostics: Diagnostics, *, name: bool = False
) -> None:
    """Report invisible format characters in a value or a key (the file-wide control check reports its own)."""
    found = [c for c in invisible_characters(value) if not _CONTROL.match(c)]
    if not found:
        return
    what = f"tên trường '{where}'" if name else f"trường '{where}'"
    names = ", ".join(character_label(c) for c in found)
    diagnostics.add(
        path, line, "text.invisible-char",
        f"{what} có ký tự vô hình {names}: ký tự này không hiện ra nhưng làm chữ đọc khác đi, hoặc tìm kiếm và so "
        "sánh sai; hãy xóa ký tự này (thường lẫn vào khi sao chép từ Word, trang web hay tin nhắn)",
        field=where or None,
    )


def _convert(
    node: yaml.Node, where: str, path: str, diagnostics: Diagnostics, lines: dict[str, int], offset: int
) -> Any:
    """Turn a YAML node into plain Python, recording each value's line and reporting duplicate keys."""
    lines[where] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + offset
            if not isinstance(key_node, yaml.ScalarNode):
                diagnostics.add(path, line, "yaml.key", "tên trường phải là một chuỗi đơn giản")
                continue
            key = str(key_node.value)
            dotted = f"{where}.{key}" if where else key
            _check_invisible(key, dotted, line, path, diagnostics, name=True)
            if key in result:
                first = lines.get(dotted, 0)
                diagnostics.add(
                    path, line, "yaml.duplicate-key",
                    f"trường '{dotted}' bị khai báo hai lần (lần đầu ở dòng {first}); hãy giữ lại một",
                    field=dotted,
                )
                continue
            result[key] = _convert(value_node, dotted, path, diagnostics, lines, offset)
            lines[dotted] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        prefix = f"{where}." if where else ""
        return [_convert(item, f"{prefix}{i}", path, diagnostics, lines, offset) for i, item in enumerate(node.value)]
    _check_invisible(str(node.value), where, lines[where], path, diagnostics)
    kind = _SCALAR_TAGS.get(node.tag)
    if kind is None or getattr(node, "style", None) in ("'", '"'):
        return unicodedata.normalize("NFC", str(node.value))
    return _CONSTRUCTOR.construct_object(node)
