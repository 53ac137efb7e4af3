"""Validation of front matter against the schema: every problem becomes a diagnostic, nothing is guessed."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from loa.core.base.bounds import is_blank, path_problem, too_many, year_problem
from loa.core.base.dates import format_day_number, vietnamese_datetime
from loa.core.base.diagnostics import Diagnostics, Severity, suggest
from loa.core.model.document import (
    KINDS,
    TIMEZONE,
    Cover,
    Document,
    PartialDate,
    Signer,
    doc_type_by_name,
    url_of,
)
from loa.core.model.registry import Issuer
from loa.core.model.schema import FIELD_BY_NAME, FieldSpec, fields_for
from loa.core.model.tasks import parse_budget, parse_period, parse_tasks
from loa.core.routing.redirects import alias_url
from loa.core.safety.frontmatter import FrontMatter
from loa.core.safety.trust import is_external
from loa.core.text.document_numbers import number_symbol
from loa.core.text.normalize import fold

__all__ = ["validate_document"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_SIGNER_KEYS = ("authority", "role", "name")
_COVER_KEYS = ("src", "alt")
_COVER_SRC = "cover.src"
_PATH_FIELDS = ("amends", "replaces", "related_plans", "aliases")


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
            report.error(
                key,
                "meta.unknown-key",
                f"trường '{key}' không có trong lược đồ của loại '{kind}'.{suggest(key, known)} "
                f"Các trường hợp lệ: {', '.join(known)}",
            )
    for spec in fields_for(kind):
        if kind in spec.required and is_blank(data.get(spec.name)):
            report.error(
                spec.name,
                "meta.required",
                f"thiếu trường bắt buộc '{spec.name}' ({spec.description})",
                line=1,
            )
    values = {
        name: _PARSERS[FIELD_BY_NAME[name].kind](FIELD_BY_NAME[name], data[name], report)
        for name in data
        if name in accepted and data[name] is not None
    }
    doc_type = doc_type_by_name(values["type"]) if values.get("type") else None
    issuer = values.get("issuer")
    for field in ("issuer", "author"):
        unit = values.get(field)
        if unit is not None and unit not in issuers:
            report.error(
                field,
                "meta.issuer",
                f"không có cơ quan, đơn vị mã '{unit}' trong danh mục "
                f"data/issuers.yml.{suggest(unit, sorted(issuers))}",
            )
    if kind == "article" and values.get("status") == "published" and not values.get("approved_by"):
        report.error(
            "status",
            "meta.approval",
            "tin bài đã duyệt đăng (status: published) phải ghi người duyệt trong trường 'approved_by'",
        )
    date = values.get("date")
    if issuer is not None and issuer in issuers and isinstance(date, PartialDate):
        _check_issuer_period(issuers[issuer], date, report)
    if doc_type and values.get("number"):
        _check_number_symbol(values["number"], doc_type.abbreviation, doc_type.name, report)
    _check_schedule(values.get("publish_at"), values.get("updated"), date, report)
    aliases = _alias_urls(values.get("aliases", ()), src_uri, report)
    tasks, budget = _plan_data(values, front, date, issuers, report)
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
        id=values.get("id"),
        category=values.get("category"),
        short_title=values.get("short_title"),
        summary=values.get("summary"),
        author=values.get("author"),
        channels=tuple(values.get("channels", ())),
        cover=values.get("cover"),
        related_plans=tuple(values.get("related_plans", ())),
        approved_by=values.get("approved_by"),
        updated=values.get("updated"),
        sample=bool(values.get("sample", False)),
        aliases=aliases,
        amends=tuple(values.get("amends", ())),
        replaces=tuple(values.get("replaces", ())),
        period=values.get("period"),
        tasks=tasks,
        budget=budget,
        field_lines=dict(lines),
    )


def _plan_data(
    values: dict[str, Any], front: FrontMatter, date: object, issuers: Mapping[str, Issuer], report: _Reporter
) -> tuple[tuple[Any, ...], Any]:
    """The tasks and budget of a plan, checked against its years (``period``, else the year of its date)."""
    error = report.error
    if "period" in values:
        values["period"] = parse_period(values["period"], error)
    years = values.get("period") or (
        range(date.year, date.year + 1) if isinstance(date, PartialDate) else None
    )
    tasks = (
        parse_tasks(
            values["tasks"], body=front.body, issuers=issuers, years=years, lines=front.lines, report=error
        )
        if "tasks" in values
        else ()
    )
    budget = parse_budget(values["budget"], years=years, report=error) if "budget" in values else None
    return tasks, budget


def _alias_urls(values: list[str], src_uri: str, report: _Reporter) -> tuple[str, ...]:
    urls: list[str] = []
    for index, value in enumerate(values):
        url = alias_url(value)
        if url is None:
            report.error(
                f"aliases.{index}",
                "meta.alias",
                f"địa chỉ cũ '{value}' không hợp lệ: ghi tệp cũ "
                "(plans/2021/ten-cu.md) hoặc địa chỉ cũ trong trang (/plans/2021/ten-cu/), chỉ gồm chữ "
                "không dấu, số và các dấu - _ . /",
            )
        elif url == url_of(src_uri):
            report.error(
                f"aliases.{index}",
                "meta.alias",
                f"địa chỉ cũ '{value}' chính là địa chỉ hiện tại của tài liệu; bỏ dòng này",
            )
        elif url not in urls:
            urls.append(url)
    return tuple(urls)


class _Reporter:
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


def _choice_message(name: str, value: object, choices: tuple[str, ...]) -> str:
    hint = suggest(str(value), choices)
    return f"trường '{name}' phải là một trong: {', '.join(choices)} (nhận được '{value}').{hint}"


def _parse_string(spec: FieldSpec, value: Any, report: _Reporter, *, where: str | None = None) -> str | None:
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


def _parse_datetime(spec: FieldSpec, value: Any, report: _Reporter) -> dt.datetime | None:
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


def _parse_list(spec: FieldSpec, value: Any, report: _Reporter) -> list[str]:
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


def _parse_signer(spec: FieldSpec, value: Any, report: _Reporter) -> Signer | None:
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


def _parse_cover(spec: FieldSpec, value: Any, report: _Reporter) -> Cover | None:
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


def _parse_bool(spec: FieldSpec, value: Any, report: _Reporter) -> bool | None:
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


def _check_issuer_period(issuer: Issuer, date: PartialDate, report: _Reporter) -> None:
    earliest = dt.date(date.year, date.month or 1, date.day or 1)
    latest = dt.date(
        date.year, date.month or 12, date.day or calendar.monthrange(date.year, date.month or 12)[1]
    )
    if issuer.active_on(earliest) or issuer.active_on(latest):
        return
    first = format_day_number(issuer.valid_from) if issuer.valid_from else "…"
    last = format_day_number(issuer.valid_until) if issuer.valid_until else "nay"
    report.error(
        "date",
        "meta.issuer-period",
        f"ngày ban hành ({date.vietnamese()}) nằm ngoài thời gian hoạt động của {issuer.name} "
        f"({first} – {last})",
        severity=Severity.WARNING,
    )


def _check_number_symbol(number: str, abbreviation: str, type_name: str, report: _Reporter) -> None:
    symbol = number_symbol(number)
    if symbol and fold(symbol) != fold(abbreviation):
        report.error(
            "number",
            "meta.number-type",
            f"số ký hiệu '{number}' mang ký hiệu '{symbol}' nhưng thể loại là {type_name} "
            f"(ký hiệu {abbreviation})",
            severity=Severity.WARNING,
        )


def _check_schedule(
    publish_at: dt.datetime | None, updated: dt.datetime | None, date: PartialDate | None, report: _Reporter
) -> None:
    if publish_at is None:
        return
    shown = vietnamese_datetime(publish_at)
    if date is not None and publish_at.date() < dt.date(date.year, date.month or 1, date.day or 1):
        report.error(
            "publish_at",
            "schedule.before-issue",
            f"thời điểm đăng 'publish_at' ({shown}) sớm hơn ngày ban hành ({date.vietnamese()}): văn bản "
            "không thể được đăng trước khi ban hành; hãy kiểm tra lại ngày, tháng, năm",
            severity=Severity.WARNING,
        )
    if updated is not None and updated < publish_at:
        report.error(
            "updated",
            "schedule.updated-before-publish",
            f"thời điểm sửa đổi 'updated' ({vietnamese_datetime(updated)}) sớm hơn thời điểm đăng "
            f"'publish_at' ({shown}); hãy sửa lại hoặc bỏ trường 'updated'",
            severity=Severity.WARNING,
        )


_PARSERS: dict[str, Callable[[FieldSpec, Any, _Reporter], Any]] = {
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
