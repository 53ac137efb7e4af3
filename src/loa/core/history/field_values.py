"""What a revision page shows of a changed front-matter field: its Vietnamese name and its value as a reader reads it.

A revision diff is read by the public, not by editors: ``status: published`` is "Đã duyệt đăng", an issuer id is the
issuer's name, ``deadline: R/P1M`` is "hằng tháng", a date is "ngày 10/05/2021". A value that cannot be read that
way (an editor's slip kept in an old revision) is shown as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from loa.core.base.dates import format_month, vietnamese_date, vietnamese_datetime
from loa.core.model.deadlines import parse_deadline
from loa.core.model.document import CATEGORY_NAMES, TIMEZONE
from loa.core.model.tasks import format_amount

__all__ = ["FIELD_LABELS", "field_label", "readable_value"]

FIELD_LABELS = {
    "kind": "Loại tài liệu",
    "id": "Mã định danh",
    "type": "Thể loại văn bản",
    "category": "Thể loại tin bài",
    "number": "Số, ký hiệu",
    "number_as_written": "Số, ký hiệu như bản gốc",
    "issuer": "Cơ quan ban hành",
    "place": "Địa danh",
    "date": "Ngày ban hành",
    "date_as_written": "Ngày tháng như bản gốc",
    "title": "Trích yếu, tiêu đề",
    "short_title": "Tiêu đề ngắn",
    "summary": "Tóm tắt",
    "signer": "Người ký",
    "recipients": "Nơi nhận",
    "author": "Đơn vị viết bài",
    "topics": "Chuyên đề",
    "channels": "Kênh đăng",
    "cover": "Ảnh đại diện",
    "related_plans": "Văn bản liên quan",
    "status": "Trạng thái",
    "approved_by": "Người duyệt đăng",
    "publish_at": "Thời điểm đăng",
    "updated": "Thời điểm sửa đổi",
    "access": "Phạm vi",
    "sample": "Bài mẫu",
    "description": "Mô tả",
    "amends": "Sửa đổi, bổ sung văn bản",
    "replaces": "Thay thế văn bản",
    "aliases": "Địa chỉ cũ",
    "period": "Thời gian thực hiện",
    "tasks": "Nhiệm vụ",
    "budget": "Kinh phí",
    "source": "Tệp gốc",
}
"""The name of every front-matter field (`loa.core.model.fields.FIELDS`) as a revision page shows it."""

_WORDS = {
    "kind": {
        "plan": "Văn bản",
        "article": "Tin, bài",
        "topic": "Chuyên đề",
        "index": "Trang chủ",
        "page": "Trang",
    },
    "status": {"draft": "Bản nháp", "review": "Chờ duyệt", "published": "Đã duyệt đăng"},
    "access": {"public": "Công khai", "internal": "Nội bộ"},
    "category": CATEGORY_NAMES,
}
_NONE = "(không có)"


def field_label(field: str) -> str:
    """The Vietnamese name of ``field``; an unknown field (a slip in an old revision) keeps its key."""
    return FIELD_LABELS.get(field, field)


def readable_value(field: str, value: Any, names: Mapping[str, str]) -> str:
    """``value`` of ``field`` as a reader reads it; ``names`` gives the registry's unit names by id."""
    if value is None or value == "" or value == []:
        return _NONE
    if field in _WORDS and isinstance(value, str):
        return _WORDS[field].get(value, value)
    reader = _READERS.get(field)
    if reader is not None:
        try:
            return reader(value, names)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass  # an old revision's slip: shown as written
    return _plain(value)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)


def _units(value: Any, names: Mapping[str, str]) -> str:
    ids = value if isinstance(value, list) else [value]
    return "; ".join(names.get(str(i), str(i)) for i in ids)


def _day(value: Any, names: Mapping[str, str]) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return vietnamese_date(value)
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 2:
        return format_month(parts[0], parts[1])
    return vietnamese_date(dt.date(*parts))


def _moment(value: Any, names: Mapping[str, str]) -> str:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    moment = moment.replace(tzinfo=TIMEZONE) if moment.tzinfo is None else moment.astimezone(TIMEZONE)
    return vietnamese_datetime(moment)


def _signer(value: Any, names: Mapping[str, str]) -> str:
    return ", ".join(str(value[k]) for k in ("authority", "role", "name") if value.get(k))


def _cover(value: Any, names: Mapping[str, str]) -> str:
    return f"{value['src']} ({value['alt']})" if value.get("alt") else str(value["src"])


def _period(value: Any, names: Mapping[str, str]) -> str:
    return str(value).replace("/", "–")


def _tasks(value: Any, names: Mapping[str, str]) -> str:
    lines = []
    for number, task in enumerate(value, start=1):
        parts = [f"{number}. {task['task']}"]
        if task.get("lead"):
            parts.append(f"chủ trì: {_units(task['lead'], names)}")
        if task.get("cooperate"):
            parts.append(f"phối hợp: {_units(task['cooperate'], names)}")
        if task.get("deadline"):
            parts.append(f"thời hạn: {parse_deadline(task['deadline']).label()}")
        for target in task.get("targets") or []:
            parts.append(f"chỉ tiêu: {_plain(target.get('count'))} {target.get('unit', '')}".rstrip())
        lines.append("; ".join(parts))
    return "\n".join(lines)


def _budget(value: Any, names: Mapping[str, str]) -> str:
    parts = [f"tổng {format_amount(int(value['total']))}"] if value.get("total") is not None else []
    parts += [f"{line['source']}: {format_amount(int(line['amount']))}" for line in value.get("lines") or []]
    return "; ".join(parts) or _plain(value)


_READERS: dict[str, Callable[[Any, Mapping[str, str]], str]] = {
    "issuer": _units,
    "author": _units,
    "date": _day,
    "publish_at": _moment,
    "updated": _moment,
    "signer": _signer,
    "cover": _cover,
    "period": _period,
    "tasks": _tasks,
    "budget": _budget,
}
