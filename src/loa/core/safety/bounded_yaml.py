"""Bounded YAML reading for files editors write: front matter and the registries in ``data/``.

PyYAML's composer keeps anchors and hands the same node to every alias, so a few hundred bytes of aliases
("billion laughs") expand into billions of values as soon as the tree is walked. Loa never composes: it reads the
parser's events one by one and builds plain values from them, so an alias is only ever an event. Anchors and
aliases are refused (and nothing is built from a file that has one); the size of the text, the nesting depth, the
number of values and the length of each value are bounded before they are exceeded, so time and memory stay
proportional to the text, whatever it holds. Every decoded string (keys too) is checked for control characters
that YAML escapes such as ``"\\x01"`` or ``"\\e"`` would let through a check of the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from loa.core.base.diagnostics import Diagnostics
from loa.core.safety.trust import character_label, invisible_characters
from loa.core.safety.yaml_problems import YAML_PROBLEMS, format_count

__all__ = ["EVENT_LOADER", "LIMITS", "read_data_file", "read_mapping"]


EVENT_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR: Any = yaml.SafeLoader("")
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}
_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
# Characters that must not appear in a decoded value: C0 and C1 controls (tab and line ends aside), DEL, line and
# paragraph separators, byte-order marks, lone surrogates and the non-characters XML refuses.
_BAD_CHARACTER = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_MAX_REPORTED = 3

LIMITS = {
    "chars": 200_000,  # characters of one YAML text (a front-matter block or a data file)
    "depth": 12,  # nested lists and groups
    "values": 20_000,  # values (scalars, lists and groups) in one text
    "value": 20_000,  # characters of one value
    "key": 200,  # characters of one field name
    "digits": 40,  # characters of one number
}
"""Bounds of every YAML text Loa reads."""


class _Refused(Exception):
    """A bound was reached: reading stops at once."""

    def __init__(self, line: int, code: str, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.line, self.code, self.message, self.where = line, code, message, where


def read_mapping(
    text: str, path: str, diagnostics: Diagnostics, *, offset: int, max_chars: int | None = None
) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """Read a YAML mapping within `LIMITS`, with the line of every value keyed by dotted path.

    Arguments:
        text: YAML text.
        path: Project-relative path, for diagnostics.
        diagnostics: Where problems are recorded.
        offset: Line of the file where ``text`` starts.
        max_chars: Largest accepted text (default ``LIMITS["chars"]``).

    Returns:
        The mapping (empty when the text holds only comments), or None (with diagnostics) when the text is broken,
        not a mapping, over a bound, or uses anchors or aliases; and the line of each dotted key.
    """
    limit = max_chars or LIMITS["chars"]
    if len(text) > limit:
        # One overlong line (a pasted value) is named by its line; otherwise the block is, by its first line.
        lengths = [len(line) for line in text.split("\n")]
        longest = max(range(len(lengths)), key=lengths.__getitem__)
        where = ""
        if lengths[longest] > LIMITS["value"]:
            where = f"; riêng dòng {offset + longest} dài {format_count(lengths[longest])} ký tự"
        diagnostics.add(
            path,
            offset + longest if where else offset,
            "yaml.too-large",
            f"khối YAML dài {format_count(len(text))} ký tự, vượt giới hạn {format_count(limit)} ký tự{where}; hãy "
            "rút gọn hoặc tách tệp",
        )
        return None, {}
    reader = _Reader(text, path, diagnostics, offset)
    try:
        return reader.document()
    except _Refused as refused:
        diagnostics.add(path, refused.line, refused.code, refused.message, field=refused.where)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or "").strip()
        if problem == "exceeded maximum nesting depth":
            diagnostics.add(path, (mark.line if mark else 0) + offset, "yaml.too-deep", _too_deep())
        else:
            explained = YAML_PROBLEMS.get(problem) or next(
                (v for k, v in YAML_PROBLEMS.items() if problem.startswith(k)), problem
            )
            diagnostics.add(
                path, (mark.line if mark else 0) + offset, "yaml.syntax", f"lỗi cú pháp YAML: {explained}"
            )
    except yaml.reader.ReaderError as error:
        # libyaml counts bytes of the UTF-8 text, PyYAML's own reader counts characters.
        if EVENT_LOADER is yaml.SafeLoader:
            line = text.count("\n", 0, error.position) + offset
        else:
            line = text.encode()[: error.position].count(b"\n") + offset
        code = error.character if isinstance(error.character, int) else 0
        diagnostics.add(
            path,
            line,
            "yaml.syntax",
            f"có ký tự không được phép trong YAML (U+{code:04X}); hãy xóa ký tự này",
        )
    except yaml.YAMLError as error:
        diagnostics.add(path, offset, "yaml.syntax", "lỗi cú pháp YAML: " + " ".join(str(error).split()))
    return None, {}


def read_data_file(path: Path, display_path: str, diagnostics: Diagnostics) -> str | None:
    """The text of a YAML file of ``data/``, or None when it is a symbolic link, too large to be read or not UTF-8."""
    if path.is_symlink():
        diagnostics.add(
            display_path,
            0,
            "file.symlink",
            "tệp là liên kết tượng trưng (symlink); hãy chép nội dung thật vào kho",
        )
        return None
    size = path.stat().st_size
    if size > 4 * LIMITS["chars"]:
        diagnostics.add(
            display_path,
            0,
            "yaml.too-large",
            f"tệp nặng {format_count(size)} byte, vượt giới hạn {format_count(4 * LIMITS['chars'])} byte; hãy tách tệp",
        )
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        diagnostics.add(
            display_path,
            data.count(b"\n", 0, error.start) + 1,
            "file.encoding",
            f"tệp không phải UTF-8 (byte 0x{data[error.start]:02X} không hợp lệ); hãy lưu lại tệp với mã "
            "hóa UTF-8",
        )
        return None


def _too_deep() -> str:
    return (
        f"các danh sách, nhóm trường lồng nhau quá {LIMITS['depth']} tầng; hãy viết phẳng hơn "
        "(kiểm tra các dấu '[' và '{' có được đóng lại không)"
    )


class _Reader:
    """Builds plain values from parser events, counting as it goes."""

    def __init__(self, text: str, path: str, diagnostics: Diagnostics, offset: int) -> None:
        self.events: Iterator[yaml.Event] = iter(yaml.parse(text, Loader=EVENT_LOADER))
        self.path, self.diagnostics, self.offset = path, diagnostics, offset
        self.values = 0
        self.refusals = 0
        self.lines: dict[str, int] = {}

    def document(self) -> tuple[dict[str, Any] | None, dict[str, int]]:
        event = self._next()  # StreamStartEvent
        event = self._next()
        if isinstance(event, yaml.StreamEndEvent):  # only comments: an empty mapping
            return {}, {}
        event = self._next()  # the root value, after DocumentStartEvent
        root_line = self._line(event)
        data = self._value(event, "", 0, self.lines)
        self._next()  # DocumentEndEvent
        if not isinstance(self._next(), yaml.StreamEndEvent):
            raise _Refused(
                root_line,
                "yaml.syntax",
                "lỗi cú pháp YAML: " + YAML_PROBLEMS["expected a single document in the stream"],
            )
        if self.refusals:
            return None, {}
        if not isinstance(data, dict):
            self.diagnostics.add(
                self.path,
                root_line,
                "yaml.not-mapping",
                "nội dung YAML phải là các cặp 'tên trường: giá trị'",
            )
            return None, {}
        return data, self.lines

    def _line(self, event: yaml.Event) -> int:
        return event.start_mark.line + self.offset if event.start_mark else self.offset

    def _next(self) -> yaml.Event:
        event = next(self.events)
        if isinstance(event, (yaml.AliasEvent, yaml.ScalarEvent, yaml.CollectionStartEvent)):
            self.values += 1
            if self.values > LIMITS["values"]:
                raise _Refused(
                    self._line(event),
                    "yaml.too-many",
                    f"khối YAML có quá {format_count(LIMITS['values'])} giá trị; hãy tách bớt",
                )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._refuse_reference(event, str(anchor))
        return event

    def _refuse_reference(self, event: yaml.Event, anchor: str) -> None:
        """Report an anchor or alias; nothing is built from this text, and reading stops after a few."""
        self.refusals += 1
        if self.refusals > _MAX_REPORTED:
            raise _Refused(
                self._line(event),
                "yaml.alias",
                f"có hơn {_MAX_REPORTED} neo, bí danh YAML; đã dừng đọc (không dùng '&' và '*' trong YAML)",
            )
        if isinstance(event, yaml.AliasEvent):
            self.diagnostics.add(
                self.path,
                self._line(event),
                "yaml.alias",
                f"không dùng bí danh YAML ('*{anchor[:40]}'); hãy viết lại giá trị đầy đủ",
            )
        else:
            self.diagnostics.add(
                self.path,
                self._line(event),
                "yaml.anchor",
                f"không dùng neo YAML ('&{anchor[:40]}'); hãy viết giá trị trực tiếp",
            )

    def _value(self, event: yaml.Event, where: str, depth: int, lines: dict[str, int]) -> Any:
        lines[where] = self._line(event)
        if isinstance(event, yaml.AliasEvent):
            return None
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, where)
        if depth >= LIMITS["depth"]:
            raise _Refused(self._line(event), "yaml.too-deep", _too_deep(), where or None)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            prefix = f"{where}." if where else ""
            while not isinstance(item := self._next(), yaml.SequenceEndEvent):
                items.append(self._value(item, f"{prefix}{len(items)}", depth + 1, lines))
            return items
        result: dict[str, Any] = {}
        while not isinstance(key_event := self._next(), yaml.MappingEndEvent):
            line = self._line(key_event)
            if not isinstance(key_event, yaml.ScalarEvent):
                self.diagnostics.add(self.path, line, "yaml.key", "tên trường phải là một chuỗi đơn giản")
                self._value(key_event, where, depth + 1, {})
                self._value(self._next(), where, depth + 1, {})
                continue
            key = self._key(key_event, where)
            dotted = f"{where}.{key}" if where else key
            if key in result:
                self.diagnostics.add(
                    self.path,
                    line,
                    "yaml.duplicate-key",
                    f"trường '{dotted}' bị khai báo hai lần (lần đầu ở dòng {lines.get(dotted, 0)}); hãy giữ lại một",
                    field=dotted,
                )
                self._value(self._next(), dotted, depth + 1, {})
                continue
            result[key] = self._value(self._next(), dotted, depth + 1, lines)
            lines[dotted] = line
        return result

    def _key(self, event: yaml.ScalarEvent, where: str) -> str:
        key = str(event.value)
        if len(key) > LIMITS["key"]:
            raise _Refused(
                self._line(event),
                "yaml.too-long",
                f"tên trường dài {format_count(len(key))} ký tự, tối đa {LIMITS['key']} ký tự",
                where or None,
            )
        return self._clean(unicodedata.normalize("NFC", key), event, f"{where}.{key}" if where else key)

    def _scalar(self, event: yaml.ScalarEvent, where: str) -> Any:
        value = event.value
        if len(value) > LIMITS["value"]:
            raise _Refused(
                self._line(event),
                "yaml.too-long",
                f"giá trị của trường '{where}' dài {format_count(len(value))} ký tự, vượt giới hạn "
                f"{format_count(LIMITS['value'])} ký tự",
                where or None,
            )
        tag = event.tag
        if tag in (None, "!"):
            tag = _CONSTRUCTOR.resolve(yaml.ScalarNode, value, event.implicit)
        construct = _SCALAR_TAGS.get(tag)
        if construct is None or event.style in ("'", '"'):
            return self._clean(unicodedata.normalize("NFC", value), event, where)
        if tag in _NUMBERS and len(value) > LIMITS["digits"]:
            raise _Refused(
                self._line(event),
                "yaml.value",
                f"số ở trường '{where}' dài {format_count(len(value))} chữ số, tối đa {LIMITS['digits']}; hãy "
                "kiểm tra lại giá trị",
                where or None,
            )
        try:
            return construct(yaml.ScalarNode(tag, value, style=event.style))
        except (ValueError, OverflowError, KeyError, TypeError, yaml.YAMLError):
            raise _Refused(
                self._line(event),
                "yaml.value",
                f"không đọc được giá trị '{value}' ở trường '{where}' "
                f"(kiểu {tag.rsplit(':', 1)[-1]}); hãy kiểm tra lại giá trị",
                where or None,
            ) from None

    def _clean(self, text: str, event: yaml.Event, where: str) -> str:
        """Report forbidden characters of a decoded string and replace them, so that nothing downstream meets them."""
        self._check_invisible(text, event, where)
        found = _BAD_CHARACTER.findall(text)
        if not found:
            return text
        where = _BAD_CHARACTER.sub("\ufffd", where)
        names = ", ".join(dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, '')}".strip() for c in found))
        self.diagnostics.add(
            self.path,
            self._line(event),
            "yaml.control-char",
            f"trường '{where}' chứa ký tự điều khiển {names} (viết dạng thoát như \\x01, \\e, \\u0085 trong dấu nháy "
            "kép); hãy xóa ký tự này",
            field=where or None,
        )
        return _BAD_CHARACTER.sub("\ufffd", text)

    def _check_invisible(self, text: str, event: yaml.Event, where: str) -> None:
        """Report invisible format characters (bidi controls, zero-width characters…): a value reads otherwise."""
        found = [c for c in invisible_characters(text) if not _BAD_CHARACTER.match(c)]
        if not found:
            return
        names = ", ".join(dict.fromkeys(character_label(c) for c in found))
        self.diagnostics.add(
            self.path,
            self._line(event),
            "text.invisible-char",
            f"trường '{where}' có ký tự vô hình {names}: ký tự này không hiện ra nhưng làm chữ đọc khác đi, hoặc tìm "
            "kiếm và so sánh sai; hãy xóa ký tự này (thường lẫn vào khi sao chép từ Word, trang web hay tin nhắn)",
            field=where or None,
        )
