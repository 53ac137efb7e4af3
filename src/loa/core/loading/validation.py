"""Validation of front matter against the schema: every problem becomes a diagnostic, nothing is guessed.

Each field's value is read by its kind's parser (`loa.core.loading.field_parsers`); this module builds the
`Document` and checks what spans fields: the issuer's period, the number's symbol, the publication schedule.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from typing import Any

from loa.core.base.bounds import is_blank
from loa.core.base.dates import format_day_number, vietnamese_datetime
from loa.core.base.diagnostics import Diagnostics, Severity, suggest
from loa.core.loading.field_parsers import PARSERS, FieldReporter, choice_message
from loa.core.model.budget import parse_budget
from loa.core.model.document import (
    KINDS,
    Document,
    PartialDate,
    doc_type_by_name,
    url_of,
)
from loa.core.model.fields import FIELD_BY_NAME, fields_for
from loa.core.model.registry import Issuer
from loa.core.model.tasks import parse_period, parse_tasks
from loa.core.routing.redirects import alias_url
from loa.core.safety.frontmatter import FrontMatter
from loa.core.text.document_numbers import number_symbol
from loa.core.text.normalize import fold

__all__ = ["validate_document"]


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
    report = FieldReporter(path, lines, diagnostics)
    kind = data.get("kind", default_kind)
    if kind not in KINDS:
        report.error("kind", "meta.choice", choice_message("kind", kind, KINDS))
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
        name: PARSERS[FIELD_BY_NAME[name].kind](FIELD_BY_NAME[name], data[name], report)
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
    values: dict[str, Any],
    front: FrontMatter,
    date: object,
    issuers: Mapping[str, Issuer],
    report: FieldReporter,
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


def _alias_urls(values: list[str], src_uri: str, report: FieldReporter) -> tuple[str, ...]:
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


def _check_issuer_period(issuer: Issuer, date: PartialDate, report: FieldReporter) -> None:
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


def _check_number_symbol(number: str, abbreviation: str, type_name: str, report: FieldReporter) -> None:
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
    publish_at: dt.datetime | None,
    updated: dt.datetime | None,
    date: PartialDate | None,
    report: FieldReporter,
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
