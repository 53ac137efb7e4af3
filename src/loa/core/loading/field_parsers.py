"""One parser per kind of front-matter field (string, choice, registry id, date, datetime, list, signer, cover,
yes/no): each turns a YAML value into the model's value or reports, in Vietnamese, what is wrong and what is expected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from loa.core.base.bounds import path_problem, too_many, year_problem
from loa.core.base.diagnostics import Diagnostics, Severity, suggest
from loa.core.model.document import (
    TIMEZONE,
    Cover,
    PartialDate,
    Signer,
    doc_type_by_name,
)
from loa.core.model.fields import FieldSpec
from loa.core.safety.trust import is_external

__all__ = ["PARSERS", "FieldReporter", "choice_message"]


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_SIGNER_KEYS = ("authority", "role", "name")
_COVER_KEYS = ("src", "alt")
_COVER_SRC = "cover.src"
_PATH_FIELDS = ("amends", "replaces", "related_plans", "aliases")


class FieldReporter:
    """Records diagnostics for one file, finding each field's line."""

    def __init__(self, path: str, lines: Mapping[str, int], diagnostics: Diagnostics) -> None:
        self.path, self.lines, self.diagnostics = path, lines, diagnostics

    def error(
        self,
        field: str,
        code: str,
        message: str,
        *,
        line: int | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        where = self.lines.get(field, line if line is not None else 1)
        self.diagnostics.add(self.path, where, code, message, severity=severity, field=field)


def choice_message(name: str, value: object, choices: tuple[str, ...]) -> str:
    hint = suggest(str(value), choices)
    return f"trường '{name}' phải là một trong: {', '.join(choices)} (nhận được '{value}').{hint}"


def _parse_string(
    spec: FieldSpec, value: Any, report: FieldReporter, *, where: str | None = None
) -> str | None:
    where = where or spec.name
    if spec.name == "id" and isinstance(value, str) and (len(value.split()) > 1 or len(value.strip()) < 8):
        report.error(
            where,
            "meta.id",
            f"mã định danh '{value}' không hợp lệ: cần một chuỗi liền, ví dụ urn:uuid:… (loa new tạo sẵn)",
        )
        return None
    if isinstance(value, (dict, list, bool)):
        report.error(
            where, "meta.type", f"trường '{where}' phải là một chuỗi văn bản (nhận được {_describe(value)})"
        )
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if len(text) > spec.max_length:
        report.error(
            where, "meta.too-long", f"trường '{where}' dài {len(text)} ký tự, tối đa {spec.max_length} ký tự"
        )
    return text


def _parse_choice(spec: FieldSpec, value: Any, report: FieldReporter) -> str | None:
    text = _parse_string(spec, value, report)
    if text is None:
        return None
    if spec.name == "type":
        found = doc_type_by_name(text)
        if found:
            return found.name
    elif text in spec.choices:
        return text
    report.error(spec.name, "meta.choice", choice_message(spec.name, text, spec.choices))
    return None


def _parse_registry(spec: FieldSpec, value: Any, report: FieldReporter) -> str | None:
    return _parse_string(spec, value, report)


def _parse_date(spec: FieldSpec, value: Any, report: FieldReporter) -> PartialDate | None:
    text = str(value).strip()
    match = _DATE.match(text)
    if not match:
        vn = _VN_DATE.match(text)
        hint = f" Có phải ý bạn là '{vn[3]}-{int(vn[2]):02d}-{int(vn[1]):02d}'?" if vn else ""
        report.error(
            spec.name,
            "meta.date",
            f"trường '{spec.name}' phải có dạng YYYY-MM-DD, hoặc YYYY-MM khi bản gốc để trống ngày "
            f"(nhận được '{text}').{hint}",
        )
        return None
    year, month, day = int(match[1]), match[2] and int(match[2]), match[3] and int(match[3])
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        shown = "/".join(p for p in (match[3], match[2], match[1]) if p)
        report.error(spec.name, "meta.date", f"trường '{spec.name}': ngày {shown} không tồn tại")
        return None
    if problem := year_problem(year):
        report.error(spec.name, "meta.range", f"trường '{spec.name}': {problem}")
        return None
    return PartialDate(year, month or None, day or None)


def _parse_datetime(spec: FieldSpec, value: Any, report: FieldReporter) -> dt.datetime | None:
    text = str(value).strip()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        report.error(
            spec.name,
            "meta.datetime",
            f"trường '{spec.name}' phải là thời điểm dạng YYYY-MM-DDTHH:MM:SS+07:00 (nhận được '{text}')",
        )
        return None
    if problem := year_problem(moment.year):
        report.error(spec.name, "meta.range", f"trường '{spec.name}': {problem}")
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIMEZONE)
    return moment.astimezone(TIMEZONE)


def _parse_list(spec: FieldSpec, value: Any, report: FieldReporter) -> list[str]:
    if not isinstance(value, list):
        value = [value]
    if problem := too_many(spec.name, value):
        report.error(spec.name, "meta.too-many", f"{problem}; hãy bỏ bớt")
        return []
    items = [_parse_string(spec, item, report, where=f"{spec.name}.{i}") for i, item in enumerate(value)]
    for i, item in enumerate(items):
        if item and spec.name in _PATH_FIELDS and (problem := path_problem(item)):
            report.error(f"{spec.name}.{i}", "meta.path", problem)
            items[i] = None
    return [item for item in items if item]


def _parse_signer(spec: FieldSpec, value: Any, report: FieldReporter) -> Signer | None:
    if not isinstance(value, dict):
        report.error(
            spec.name,
            "meta.type",
            f"trường 'signer' phải gồm authority, role, name (nhận được {_describe(value)})",
        )
        return None
    for key in value:
        if key not in _SIGNER_KEYS:
            report.error(
                f"signer.{key}",
                "meta.unknown-key",
                f"trường 'signer.{key}' không hợp lệ.{suggest(str(key), _SIGNER_KEYS)} "
                f"Các trường hợp lệ: {', '.join(_SIGNER_KEYS)}",
            )
    parts = {
        k: _parse_string(spec, value[k], report, where=f"signer.{k}") if value.get(k) is not None else None
        for k in _SIGNER_KEYS
    }
    return Signer(**parts)


def _parse_cover(spec: FieldSpec, value: Any, report: FieldReporter) -> Cover | None:
    if not isinstance(value, dict):
        report.error(
            spec.name, "meta.type", f"trường 'cover' phải gồm src và alt (nhận được {_describe(value)})"
        )
        return None
    for key in value:
        if key not in _COVER_KEYS:
            report.error(
                f"cover.{key}",
                "meta.unknown-key",
                f"trường 'cover.{key}' không hợp lệ."
                f"{suggest(str(key), _COVER_KEYS)} Các trường hợp lệ: src, alt",
            )
    src = _parse_string(spec, value.get("src"), report, where=_COVER_SRC) if value.get("src") else None
    alt = _parse_string(spec, value.get("alt"), report, where="cover.alt") if value.get("alt") else None
    if not src:
        report.error("cover", "meta.required", "ảnh đại diện thiếu 'src' (đường dẫn ảnh)")
        return None
    # An address elsewhere first: its message says what to do instead; then a path that leaves the content roots.
    if is_external(src):
        source_field = "cover.src"  # a field name, not a diagnostic code
        report.error(
            source_field,
            "meta.url",
            f"ảnh đại diện '{src}' không hợp lệ: ảnh phải là một tệp của trang, "
            "không tải từ nơi khác. Hãy chép ảnh vào thư mục content/ và ghi đường dẫn tệp tính từ "
            "content/, ví dụ images/anh.jpg",
        )
        return None
    if problem := path_problem(src):
        report.error(_COVER_SRC, "meta.path", problem)
        return None
    if not alt:
        report.error(
            "cover",
            "meta.cover-alt",
            "ảnh đại diện thiếu 'alt': hãy mô tả nội dung ảnh cho người khiếm thị và khi ảnh không tải được",
        )
        return None
    return Cover(src, alt)


def _parse_bool(spec: FieldSpec, value: Any, report: FieldReporter) -> bool | None:
    if not isinstance(value, bool):
        report.error(
            spec.name,
            "meta.type",
            f"trường '{spec.name}' phải là true hoặc false (nhận được {_describe(value)})",
        )
        return None
    return value


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "một nhóm trường"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, bool):
        return f"giá trị đúng/sai '{str(value).lower()}'"
    return f"'{value}'"


PARSERS: dict[str, Callable[[FieldSpec, Any, FieldReporter], Any]] = {
    "period": lambda spec, value, report: value,  # checked with the tasks (`_plan_data`)
    "tasks": lambda spec, value, report: value,
    "budget": lambda spec, value, report: value,
    "string": _parse_string,
    "choice": _parse_choice,
    "registry": _parse_registry,
    "date": _parse_date,
    "datetime": _parse_datetime,
    "list": _parse_list,
    "signer": _parse_signer,
    "cover": _parse_cover,
    "bool": _parse_bool,
}
