"""Front-matter schema: one declaration drives validation, the JSON Schema and the editors' field tables."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from loa.core.diagnostics import Diagnostics, Severity, suggest
from loa.core.document import (
    ACCESS_LEVELS,
    DOC_TYPES,
    KINDS,
    STATUSES,
    TIMEZONE,
    Document,
    PartialDate,
    Signer,
    doc_type_by_name,
)
from loa.core.frontmatter import FrontMatter
from loa.core.normalize import fold
from loa.core.registry import Issuer

__all__ = ["FIELDS", "FieldSpec", "field_table", "fields_for", "json_schema", "update_field_tables", "validate_document"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_PARTY_NUMBER = re.compile(r"^\s*\d+\s*-\s*([^/\s]+)\s*/")
_STATE_NUMBER = re.compile(r"^\s*\d+(?:/\d{4})?\s*/\s*([^-\s]+)\s*-")


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter field.

    Attributes:
        name: Key in front matter.
        kind: Value kind: ``string``, ``choice``, ``date``, ``datetime``, ``list``, ``signer``.
        kinds: Document kinds that accept the field.
        required: Document kinds that require it.
        description: Vietnamese explanation for editors.
        choices: Allowed values of a ``choice`` field.
        max_length: Longest allowed string.
        example: An example value, as YAML text.
    """

    name: str
    kind: str
    kinds: tuple[str, ...]
    required: tuple[str, ...]
    description: str
    choices: tuple[str, ...] = ()
    max_length: int = 500
    example: str = ""


_ALL = KINDS
_PLAN = ("plan",)
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("kind", "choice", _ALL, (), "Loại tài liệu: plan (văn bản chính thức), index (trang chủ, trang mục lục), "
              "page (trang giới thiệu). Mặc định: plan trong plans/, page trong content/.", KINDS, example="plan"),
    FieldSpec("type", "choice", _PLAN, _PLAN, "Thể loại văn bản.", tuple(t.name for t in DOC_TYPES),
              example="Kế hoạch"),
    FieldSpec("number", "string", _PLAN, (), "Số và ký hiệu đúng như văn bản ghi. Bỏ trống nếu văn bản không có số.",
              max_length=80, example="85-KH/TU"),
    FieldSpec("number_as_written", "string", _PLAN, (), "Dòng số ký hiệu đúng như bản gốc khi số bị để trống.",
              max_length=80, example="Số - KH/TU"),
    FieldSpec("issuer", "registry", _PLAN, _PLAN, "Mã cơ quan ban hành trong danh mục data/issuers.yml.",
              max_length=80, example="thi-uy-sa-pa"),
    FieldSpec("place", "string", _PLAN, (), "Địa danh ghi trên văn bản.", max_length=80, example="Sa Pa"),
    FieldSpec("date", "date", _PLAN, (), "Ngày ban hành: YYYY-MM-DD, hoặc YYYY-MM khi bản gốc để trống ngày. "
              "Bỏ trống nếu bản gốc không ghi ngày.", example="2021-12-15"),
    FieldSpec("date_as_written", "string", _PLAN, (), "Dòng địa danh, ngày tháng đúng như bản gốc.",
              max_length=120, example="Sa Pa, ngày    tháng 01 năm 2022"),
    FieldSpec("title", "string", _ALL, ("plan", "page"), "Tiêu đề; với văn bản là trích yếu, không kèm thể loại.",
              max_length=1000, example="tuyên truyền kết quả Hội nghị lần thứ Tư"),
    FieldSpec("signer", "signer", _PLAN, (), "Người ký: authority (T/M, K/T, T/L…), role (chức vụ), name (họ tên).",
              example="{authority: T/M BAN THƯỜNG VỤ, role: PHÓ BÍ THƯ, name: Thào A Sinh}"),
    FieldSpec("recipients", "list", _PLAN, (), "Nơi nhận, mỗi dòng một mục.", example="[TT Thị ủy]"),
    FieldSpec("topics", "list", _ALL, (), "Chủ đề.", max_length=120, example="[Tuyên truyền]"),
    FieldSpec("status", "choice", _ALL, _PLAN, "Trạng thái: draft (nháp), review (chờ duyệt), published (đã duyệt, "
              "được đăng).", STATUSES, example="published"),
    FieldSpec("publish_at", "datetime", _ALL, (), "Thời điểm đăng, giờ Việt Nam (+07:00). Trước thời điểm này văn "
              "bản không xuất hiện trên trang công khai.", example="2022-01-10T08:00:00+07:00"),
    FieldSpec("access", "choice", _ALL, _PLAN, "Phạm vi: public (công khai), internal (chỉ bản nội bộ).",
              ACCESS_LEVELS, example="public"),
    FieldSpec("description", "string", _ALL, (), "Mô tả ngắn cho danh sách và thẻ meta.", max_length=300),
    FieldSpec("source", "string", _ALL, (), "Tên tệp gốc đã nhập.", max_length=200),
)
_BY_NAME = {f.name: f for f in FIELDS}
_SIGNER_KEYS = ("authority", "role", "name")


def fields_for(kind: str) -> tuple[FieldSpec, ...]:
    """Return the fields a document of ``kind`` accepts."""
    return tuple(f for f in FIELDS if kind in f.kinds)


def validate_document(
    front: FrontMatter,
    *,
    path: str,
    src_uri: str,
    default_kind: str,
    issuers: Mapping[str, Issuer],
    diagnostics: Diagnostics,
) -> Document | None:
    """Check front matter against the schema and build a `Document`.

    Arguments:
        front: Parsed front matter.
        path: Project-relative path, for diagnostics.
        src_uri: Path as the renderer sees it.
        default_kind: Kind assumed when ``kind`` is absent.
        issuers: Registry of issuing bodies, keyed by id.
        diagnostics: Where problems are recorded.

    Returns:
        The document, or None if any error was found.
    """
    before = len(diagnostics.errors)
    data, lines = front.data, front.lines
    report = _Reporter(path, lines, diagnostics)
    kind = data.get("kind", default_kind)
    if kind not in KINDS:
        report.error("kind", "meta.choice", _choice_message("kind", kind, KINDS))
        return None
    accepted = {f.name for f in fields_for(kind)}
    for key in data:
        if key not in accepted:
            known = sorted(accepted)
            report.error(key, "meta.unknown-key",
                         f"trường '{key}' không có trong lược đồ của loại '{kind}'.{suggest(key, known)} "
                         f"Các trường hợp lệ: {', '.join(known)}")
    for spec in fields_for(kind):
        if kind in spec.required and data.get(spec.name) in (None, "", []):
            report.error(spec.name, "meta.required", f"thiếu trường bắt buộc '{spec.name}' ({spec.description})",
                         line=1)
    values = {name: _PARSERS[_BY_NAME[name].kind](_BY_NAME[name], data[name], report)
              for name in data if name in accepted and data[name] is not None}
    doc_type = doc_type_by_name(values["type"]) if values.get("type") else None
    issuer = values.get("issuer")
    if issuer is not None and issuer not in issuers:
        report.error("issuer", "meta.issuer",
                     f"không có cơ quan ban hành mã '{issuer}' trong danh mục data/issuers.yml."
                     f"{suggest(issuer, sorted(issuers))}")
    date = values.get("date")
    if issuer is not None and issuer in issuers and isinstance(date, PartialDate):
        _check_issuer_period(issuers[issuer], date, report)
    if doc_type and values.get("number"):
        _check_number_symbol(values["number"], doc_type.abbreviation, doc_type.name, report)
    if len(diagnostics.errors) > before:
        return None
    return Document(
        path=path,
        src_uri=src_uri,
        kind=kind,
        title=values.get("title") or "",
        body=front.body,
        body_line=front.body_line,
        status=values.get("status", "published"),
        access=values.get("access", "public"),
        publish_at=values.get("publish_at"),
        doc_type=doc_type,
        number=values.get("number"),
        number_as_written=values.get("number_as_written"),
        issuer=issuer,
        place=values.get("place"),
        date=date,
        date_as_written=values.get("date_as_written"),
        signer=values.get("signer"),
        recipients=tuple(values.get("recipients", ())),
        topics=tuple(values.get("topics", ())),
        source=values.get("source"),
        description=values.get("description"),
        field_lines=dict(lines),
    )


class _Reporter:
    """Records diagnostics for one file, finding each field's line."""

    def __init__(self, path: str, lines: Mapping[str, int], diagnostics: Diagnostics) -> None:
        self.path, self.lines, self.diagnostics = path, lines, diagnostics

    def error(self, field: str, code: str, message: str, *, line: int | None = None,
              severity: Severity = Severity.ERROR) -> None:
        where = self.lines.get(field, line if line is not None else 1)
        self.diagnostics.add(self.path, where, code, message, severity=severity, field=field)


def _choice_message(name: str, value: object, choices: tuple[str, ...]) -> str:
    hint = suggest(str(value), choices)
    return f"trường '{name}' phải là một trong: {', '.join(choices)} (nhận được '{value}').{hint}"


def _parse_string(spec: FieldSpec, value: Any, report: _Reporter, *, where: str | None = None) -> str | None:
    where = where or spec.name
    if isinstance(value, (dict, list, bool)):
        report.error(where, "meta.type", f"trường '{where}' phải là một chuỗi văn bản (nhận được {_describe(value)})")
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if len(text) > spec.max_length:
        report.error(where, "meta.too-long",
                     f"trường '{where}' dài {len(text)} ký tự, tối đa {spec.max_length} ký tự")
    return text


def _parse_choice(spec: FieldSpec, value: Any, report: _Reporter) -> str | None:
    text = _parse_string(spec, value, report)
    if text is None:
        return None
    if spec.name == "type":
        found = doc_type_by_name(text)
        if found:
            return found.name
    elif text in spec.choices:
        return text
    report.error(spec.name, "meta.choice", _choice_message(spec.name, text, spec.choices))
    return None


def _parse_registry(spec: FieldSpec, value: Any, report: _Reporter) -> str | None:
    return _parse_string(spec, value, report)


def _parse_date(spec: FieldSpec, value: Any, report: _Reporter) -> PartialDate | None:
    text = str(value).strip()
    match = _DATE.match(text)
    if not match:
        vn = _VN_DATE.match(text)
        hint = f" Có phải ý bạn là '{vn[3]}-{int(vn[2]):02d}-{int(vn[1]):02d}'?" if vn else ""
        report.error(spec.name, "meta.date",
                     f"trường '{spec.name}' phải có dạng YYYY-MM-DD, hoặc YYYY-MM khi bản gốc để trống ngày "
                     f"(nhận được '{text}').{hint}")
        return None
    year, month, day = int(match[1]), match[2] and int(match[2]), match[3] and int(match[3])
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        shown = "/".join(p for p in (match[3], match[2], match[1]) if p)
        report.error(spec.name, "meta.date", f"trường '{spec.name}': ngày {shown} không tồn tại")
        return None
    return PartialDate(year, month or None, day or None)


def _parse_datetime(spec: FieldSpec, value: Any, report: _Reporter) -> dt.datetime | None:
    text = str(value).strip()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        report.error(spec.name, "meta.datetime",
                     f"trường '{spec.name}' phải là thời điểm dạng YYYY-MM-DDTHH:MM:SS+07:00 (nhận được '{text}')")
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIMEZONE)
    return moment.astimezone(TIMEZONE)


def _parse_list(spec: FieldSpec, value: Any, report: _Reporter) -> list[str]:
    if not isinstance(value, list):
        value = [value]
    items = (_parse_string(spec, item, report, where=f"{spec.name}.{i}") for i, item in enumerate(value))
    return [item for item in items if item]


def _parse_signer(spec: FieldSpec, value: Any, report: _Reporter) -> Signer | None:
    if not isinstance(value, dict):
        report.error(spec.name, "meta.type",
                     f"trường 'signer' phải gồm authority, role, name (nhận được {_describe(value)})")
        return None
    for key in value:
        if key not in _SIGNER_KEYS:
            report.error(f"signer.{key}", "meta.unknown-key",
                         f"trường 'signer.{key}' không hợp lệ.{suggest(str(key), _SIGNER_KEYS)} "
                         f"Các trường hợp lệ: {', '.join(_SIGNER_KEYS)}")
    parts = {k: _parse_string(spec, value[k], report, where=f"signer.{k}") if value.get(k) is not None else None
             for k in _SIGNER_KEYS}
    return Signer(**parts)


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "một nhóm trường"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, bool):
        return f"giá trị đúng/sai '{str(value).lower()}'"
    return f"'{value}'"


def _check_issuer_period(issuer: Issuer, date: PartialDate, report: _Reporter) -> None:
    earliest = dt.date(date.year, date.month or 1, date.day or 1)
    latest = dt.date(date.year, date.month or 12, date.day or calendar.monthrange(date.year, date.month or 12)[1])
    if issuer.active_on(earliest) or issuer.active_on(latest):
        return
    first = issuer.valid_from.strftime("%d/%m/%Y") if issuer.valid_from else "…"
    last = issuer.valid_until.strftime("%d/%m/%Y") if issuer.valid_until else "nay"
    report.error("date", "meta.issuer-period",
                 f"ngày ban hành ({date.vietnamese()}) nằm ngoài thời gian hoạt động của {issuer.name} "
                 f"({first} – {last})", severity=Severity.WARNING)


def _check_number_symbol(number: str, abbreviation: str, type_name: str, report: _Reporter) -> None:
    match = _PARTY_NUMBER.match(number) or _STATE_NUMBER.match(number)
    if match and fold(match[1]) != fold(abbreviation):
        report.error("number", "meta.number-type",
                     f"số ký hiệu '{number}' mang ký hiệu '{match[1]}' nhưng thể loại là {type_name} "
                     f"(ký hiệu {abbreviation})", severity=Severity.WARNING)


_PARSERS: dict[str, Callable[[FieldSpec, Any, _Reporter], Any]] = {
    "string": _parse_string,
    "choice": _parse_choice,
    "registry": _parse_registry,
    "date": _parse_date,
    "datetime": _parse_datetime,
    "list": _parse_list,
    "signer": _parse_signer,
}


def json_schema(kind: str = "plan") -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the front matter of ``kind``, for editors' autocompletion."""
    properties: dict[str, Any] = {}
    for spec in fields_for(kind):
        prop: dict[str, Any] = {"description": spec.description}
        if spec.kind == "choice":
            prop |= {"enum": list(spec.choices)}
        elif spec.kind == "date":
            prop |= {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
        elif spec.kind == "datetime":
            prop |= {"type": "string", "format": "date-time"}
        elif spec.kind == "list":
            prop |= {"type": "array", "items": {"type": "string", "maxLength": spec.max_length}}
        elif spec.kind == "signer":
            prop |= {"type": "object", "additionalProperties": False,
                     "properties": {k: {"type": "string"} for k in _SIGNER_KEYS}}
        else:
            prop |= {"type": "string", "maxLength": spec.max_length}
        if spec.example:
            prop["examples"] = [spec.example]
        properties[spec.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://loa.local/schema/{kind}.json",
        "title": f"Loa front matter ({kind})",
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields_for(kind) if kind in f.required],
        "properties": properties,
    }


_KIND_LABELS = {"string": "chuỗi", "choice": "một giá trị trong danh sách", "registry": "mã trong danh mục",
                "date": "ngày", "datetime": "thời điểm", "list": "danh sách", "signer": "nhóm trường"}
_TABLE_BLOCK = re.compile(r"(<!-- loa:fields (\w+) -->\n).*?(<!-- /loa:fields -->)", re.DOTALL)


def field_table(kind: str) -> str:
    """Return the Markdown table of the front-matter fields of ``kind``, for the editors' guide."""
    rows = ["| Trường | Bắt buộc | Kiểu | Ý nghĩa | Ví dụ |", "|---|---|---|---|---|"]
    for spec in fields_for(kind):
        required = "có" if kind in spec.required else "không"
        kind_label = _KIND_LABELS[spec.kind]
        if spec.choices and spec.name != "type":
            kind_label += ": " + ", ".join(f"`{c}`" for c in spec.choices)
        example = f"`{spec.example}`" if spec.example else ""
        rows.append(f"| `{spec.name}` | {required} | {kind_label} | {spec.description} | {example} |")
    return "\n".join(rows) + "\n"


def update_field_tables(text: str) -> str:
    """Regenerate every ``<!-- loa:fields KIND -->`` block of a guide."""
    return _TABLE_BLOCK.sub(lambda m: m[1] + field_table(m[2]) + m[3], text)
