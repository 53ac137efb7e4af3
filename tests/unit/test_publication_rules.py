"""The publication rule: which document each build target may show at a given time (every combination)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from loa.core.loading.catalog import Layout, load_catalog
from loa.core.model.document import ACCESS_LEVELS, STATUSES, TIMEZONE, Document
from loa.core.selection.publication import (
    TARGETS,
    exclusion_reason,
    find_leaked_pages,
    parse_build_time,
    preview_watermark,
    select_published,
)
from tests.conftest import plan_text

AT = dt.datetime(2026, 11, 22, 12, 0, tzinfo=TIMEZONE)
UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)
SCHEDULES = {"none": None, "past": AT - dt.timedelta(days=1), "exact": AT, "future": AT + MINUTE}


def _document(
    status: str = "published",
    access: str = "public",
    publish_at: dt.datetime | None = None,
    path: str = "plans/2026/a.md",
) -> Document:
    return Document(
        path=path,
        src_uri=path,
        kind="plan",
        title="thử nghiệm",
        body="",
        status=status,
        access=access,
        publish_at=publish_at,
    )


def _expected(status: str, access: str, schedule: str, target: str) -> bool:
    if target == "preview":
        return True
    return status == "published" and schedule != "future" and (access == "public" or target == "internal")


# The same build time as the command line may give it: in Vietnam time, in UTC, in another zone.
BUILD_TIMES = {
    "+07:00": AT,
    "UTC": AT.astimezone(UTC),
    "-05:00": AT.astimezone(dt.timezone(dt.timedelta(hours=-5))),
}


@pytest.mark.parametrize(
    ("status", "access", "schedule", "target", "zone"),
    list(itertools.product(STATUSES, ACCESS_LEVELS, SCHEDULES, TARGETS, BUILD_TIMES)),
)
def test_every_combination_of_status_access_schedule_target_and_build_time(
    status, access, schedule, target, zone
):
    document = _document(status, access, SCHEDULES[schedule])
    reason = exclusion_reason(document, at=BUILD_TIMES[zone], target=target)
    assert (reason is None) is _expected(status, access, schedule, target), reason
    assert select_published([document], at=BUILD_TIMES[zone], target=target) == (
        (document,) if reason is None else ()
    )


def test_the_reason_names_the_first_rule_that_withholds():
    # Status first, then schedule, then access: the editor sees what to change first.
    late = AT + MINUTE
    assert (
        exclusion_reason(_document("draft", "internal", late), at=AT, target="public")
        == "trạng thái 'draft', chưa được duyệt đăng"
    )
    assert (
        exclusion_reason(_document("review"), at=AT, target="internal")
        == "trạng thái 'review', chưa được duyệt đăng"
    )
    assert (
        exclusion_reason(_document("published", "internal", late), at=AT, target="public")
        == "hẹn đăng lúc 2026-11-22T12:01:00+07:00"
    )
    assert (
        exclusion_reason(_document("published", "internal"), at=AT, target="public")
        == "phạm vi 'internal', chỉ có trong bản nội bộ"
    )


def test_the_exact_minute_is_published_and_one_microsecond_before_is_not():
    document = _document(publish_at=AT)
    assert exclusion_reason(document, at=AT, target="public") is None
    assert exclusion_reason(document, at=AT - dt.timedelta(microseconds=1), target="public") is not None
    assert exclusion_reason(document, at=AT - dt.timedelta(seconds=59), target="public") is not None
    assert (
        exclusion_reason(_document(publish_at=AT + dt.timedelta(seconds=1)), at=AT, target="public")
        is not None
    )


@pytest.mark.parametrize("offset", [0, 7, -5, 9])
def test_the_rule_compares_instants_not_wall_clocks(offset):
    zone = dt.timezone(dt.timedelta(hours=offset))
    same_instant = AT.astimezone(zone)
    assert exclusion_reason(_document(publish_at=same_instant), at=AT, target="public") is None
    assert exclusion_reason(_document(publish_at=AT), at=same_instant, target="public") is None
    assert exclusion_reason(_document(publish_at=same_instant + MINUTE), at=AT, target="public") is not None


def test_a_publication_time_written_in_utc_is_the_same_instant():
    # 05:00Z is 12:00 in Vietnam: published at 12:00+07:00, not seven hours later.
    document = _document(publish_at=dt.datetime(2026, 11, 22, 5, 0, tzinfo=UTC))
    assert exclusion_reason(document, at=AT, target="public") is None
    assert exclusion_reason(document, at=AT - MINUTE, target="public") is not None


def test_an_unknown_target_is_refused_not_treated_as_public():
    with pytest.raises(ValueError, match="unknown build target"):
        exclusion_reason(_document(), at=AT, target="Public")
    with pytest.raises(ValueError, match="unknown build target"):
        select_published([_document()], at=AT, target="")


def test_selection_keeps_the_given_order():
    documents = [
        _document(path=f"plans/2026/{name}.md", status=status)
        for name, status in (("c", "published"), ("a", "draft"), ("b", "published"))
    ]
    assert [d.path for d in select_published(documents, at=AT, target="public")] == [
        "plans/2026/c.md",
        "plans/2026/b.md",
    ]


def test_the_preview_watermark_is_the_public_rule():
    for status, access, schedule in itertools.product(STATUSES, ACCESS_LEVELS, SCHEDULES):
        document = _document(status, access, SCHEDULES[schedule])
        assert preview_watermark(document, at=AT) == exclusion_reason(document, at=AT, target="public")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-22T12:00:00+07:00", AT),
        ("2026-11-22T12:00", AT),  # naive means Vietnam time
        ("2026-11-22 12:00:00", AT),
        ("2026-11-22T05:00:00Z", AT),
        ("2026-11-22T05:00:00+00:00", AT),
        ("2026-11-22T00:00:00-05:00", AT),
        ("2026-11-22", dt.datetime(2026, 11, 22, tzinfo=TIMEZONE)),
        ("  2026-11-22T12:00+07:00  ", AT),
    ],
)
def test_build_times_are_read_as_instants_in_vietnam_time(text, expected):
    moment = parse_build_time(text)
    assert moment == expected
    assert moment.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_build_time_means_now(value):
    now = dt.datetime(2026, 1, 1, 0, 0, tzinfo=UTC)
    assert parse_build_time(value, now=now) == now
    assert parse_build_time(value, now=now).utcoffset() == dt.timedelta(hours=7)
    before = dt.datetime.now(TIMEZONE)
    assert before <= parse_build_time(value) <= dt.datetime.now(TIMEZONE)


@pytest.mark.parametrize("text", ["hôm nay", "22/11/2026", "2026-13-01", "2026-11-22T25:00"])
def test_a_build_time_that_is_not_iso_8601_is_refused(text):
    with pytest.raises(ValueError, match=r"\S"):  # the message is Python's, not ours
        parse_build_time(text)


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        ("2026-11-22T12:00:00+07:00", AT),
        ("2026-11-22T12:00:00", AT),  # naive: Vietnam time, as the schema says
        ("2026-11-22T12:00", AT),
        ("2026-11-22T05:00:00Z", AT),
        ("2026-11-22T05:00:00+00:00", AT),
        ("'2026-11-22T12:00:00+07:00'", AT),
        ("2026-11-22", dt.datetime(2026, 11, 22, tzinfo=TIMEZONE)),
    ],
)
def test_publication_times_in_front_matter_are_instants_in_vietnam_time(project, written, instant):
    text = plan_text(publish_at=None, date="2026-11-01").replace(
        "access: public", f"access: public\npublish_at: {written}"
    )
    root = project({"plans/a.md": text})
    catalog = load_catalog(Layout(root, root / "content", root / "plans", root / "data"))
    assert not catalog.errors, [d.format() for d in catalog.errors]
    (document,) = [d for d in catalog.documents if d.kind == "plan"]
    assert document.publish_at == instant
    assert document.publish_at.utcoffset() == dt.timedelta(hours=7)
    assert exclusion_reason(document, at=instant, target="public") is None
    assert exclusion_reason(document, at=instant - MINUTE, target="public") is not None


def test_a_withheld_document_with_a_page_on_disk_is_found_as_a_leak(tmp_path):
    leaked, absent = (
        _document("draft", path="plans/2026/lo.md"),
        _document("draft", path="plans/2026/khong.md"),
    )
    (tmp_path / leaked.url).mkdir(parents=True)
    (tmp_path / leaked.url / "index.html").write_text("<p>x</p>", encoding="utf-8")
    assert find_leaked_pages(tmp_path, [leaked, absent]) == (leaked,)
