"""The feeds and calendars of the golden cases, built for real at a fixed time, match their golden files."""

from __future__ import annotations

import pytest

from tests.golden import golden


@pytest.mark.parametrize("case", golden.cases())
def test_feeds_and_calendars_match_the_golden_files(case, tmp_path):
    want = golden.expected(case)
    assert want, f"tests/golden/{case}/expected/ is empty: run scripts/update-golden {case}"
    diff = golden.differences(want, golden.build(case, tmp_path))
    assert not diff, (
        f"outputs of {case} differ from the golden files (scripts/update-golden {case} after review):\n{diff}"
    )


def test_the_golden_set_covers_every_feed_family_and_calendar():
    names = set(golden.expected("mini"))
    for fmt in ("rss", "atom", "json"):
        assert {
            f"feeds/tat-ca.{fmt}",
            f"feeds/kenh/trang-tuyen-truyen-thi-xa.{fmt}",
            f"feeds/chuyen-de/cong-tac-tu-tuong.{fmt}",
            f"feeds/loai/ke-hoach.{fmt}",
        } <= names
    assert {"lich/tat-ca.ics", "lich/ban-tuyen-giao-thi-uy-sa-pa.ics"} <= names


def test_only_dependency_dependent_bytes_are_normalised():
    atom = b'<link href="https://x/assets/cards/a.png" rel="enclosure" type="image/png" length="27551"/>'
    cover = b'<link href="https://x/tin-bai/anh.jpg" rel="enclosure" type="image/jpeg" length="27551"/>'
    json_card = (
        b'"url": "https://x/assets/cards/a.png",\n  "mime_type": "image/png",\n  "size_in_bytes": 27551'
    )
    assert golden.normalise(atom).endswith(b'length="CARD-LENGTH"/>')
    assert golden.normalise(cover) == cover
    assert golden.normalise(json_card).endswith(b'"size_in_bytes": "CARD-LENGTH"')
    assert (
        golden.normalise(b'<generator uri="u" version="1.0.0">Loa</generator>')
        == b'<generator uri="u" version="VERSION">Loa</generator>'
    )
    assert golden.normalise(b"DTSTAMP:20221201T020000Z") == b"DTSTAMP:20221201T020000Z"


def test_a_difference_reads_as_a_unified_diff():
    diff = golden.differences(
        {"feeds/a.rss": b"<a>\n<b>1</b>\n", "lich/x.ics": b"X\n"},
        {"feeds/a.rss": b"<a>\n<b>2</b>\n", "feeds/new.json": b"{}\n"},
    )
    assert "--- expected/feeds/a.rss\n+++ built/feeds/a.rss\n" in diff
    assert "-<b>1</b>\n+<b>2</b>\n" in diff
    assert "lich/x.ics (missing)" in diff and "feeds/new.json (new)" in diff
    assert golden.differences({"a": b"1"}, {"a": b"1"}) == ""
