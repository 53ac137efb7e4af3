"""Plans as data on the site: task tables, budgets, unit pages, the calendar and the iCalendar feeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.conftest import MINIMAL_MKDOCS, REPO, SITE_ROOT, plan_text, run_loa, write_files

SEED_000 = "plans/2021/ke-hoach-tuyen-truyen-hoi-nghi-trung-uong-4-khoa-xiii"
SEED_003 = "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022"
CHI_BO = "cac-chi-dang-bo-truc-thuoc-thi-uy-sa-pa"
BTG = "ban-tuyen-giao-thi-uy-sa-pa"


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def _events(site: Path, name: str) -> list:
    return list(Calendar.from_ical((site / "lich" / name).read_bytes()).walk("VEVENT"))


def test_seed_000_deadlines_on_the_unit_page(sapa_site):
    items = [
        (li.time["datetime"], _text(li))
        for li in _soup(sapa_site, f"don-vi/{CHI_BO}").select("li")
        if li.time and SEED_000 in li.a["href"]
    ]
    assert [
        (day, ("tháng 01/2022" in text, "Quý I/2022" in text, "ngày 25/03/2022" in text))
        for day, text in items
    ] == [
        ("2022-01-31", (True, False, False)),
        ("2022-03-25", (False, False, True)),
        ("2022-03-31", (False, True, False)),
    ]
    assert "trong Quý I năm 2022" in items[2][1] and "trước ngày 25/3/2022" in items[1][1]
    btg = _text(_soup(sapa_site, f"don-vi/{BTG}"))
    assert "hội nghị báo cáo viên các cấp (tháng 01/2022)" in btg


def test_calendar_has_seed_000_months_and_seed_003_quarters(sapa_site):
    page = _soup(sapa_site, "lich/2022")
    assert "Năm 2022" in _text(_soup(sapa_site, "lich").select_one("nav.loa-calendar__years"))
    january = page.find(id="thang-01-2022").find_next("ol")
    assert (
        sum(1 for a in january.select("li > a") if SEED_000 in a["href"]) == 3
    )  # two rollouts, the conference
    march = _text(page.find(id="thang-03-2022").find_next("ol"))
    assert "trước ngày 25/3/2022" in march and "Quý I/2022" in march
    for quarter in ("quy-1-2022", "quy-2-2022", "quy-3-2022", "quy-4-2022"):
        assert page.find(id=quarter) is not None
    june = _text(page.find(id="thang-06-2022").find_next("ol"))
    assert "Tổ chức 03 lớp tập huấn" in june and "Thời hạn: Quý II/2022" in june
    december = _text(page.find(id="thang-12-2022").find_next("ol"))
    assert "bản thảo của 05 đơn vị" in december and "hằng tháng" in december


def test_plan_pages_carry_their_task_table_and_checked_budget(sapa_site):
    page = _soup(sapa_site, SEED_003)
    rows = page.select("section.loa-tasks tbody tr")
    assert len(rows) > 40 and rows[0]["id"] == "nhiem-vu-1"
    first = [_text(td) for td in rows[0].find_all("td")]
    assert first[1].startswith("Tổ chức ít nhất 05 hội nghị") and "5 hội nghị" in first[5]
    budget = _text(page.select_one("section.loa-budget"))
    for part in (
        "Ngân sách của Thị xã 6.145.490.000 đ",
        "Xã hội hoá 360.000.000 đ",
        "Tổng kinh phí 6.505.490.000 đ",
        "Nhu cầu kinh phí năm 2022: 1.750.060.000 đ",
    ):
        assert part in budget
    # The official text is untouched: the tables follow it, outside the body.
    assert page.select_one(".loa-body section.loa-tasks") is None


def test_ics_feeds_carry_the_seed_deadlines(sapa_site):
    events = _events(sapa_site, "tat-ca.ics")
    seed_000 = sorted(e.decoded("dtstart") for e in events if SEED_000 in str(e["url"]))
    assert seed_000 == [dt.date(2022, 1, 31)] * 3 + [dt.date(2022, 3, 25), dt.date(2022, 3, 31)]
    monthly = [e for e in events if SEED_003 in str(e["url"]) and e.get("rrule")]
    assert any(e["rrule"]["FREQ"] == ["MONTHLY"] and e["rrule"]["INTERVAL"] == [1] for e in monthly)
    quarterly = {e.decoded("dtstart") for e in events if SEED_003 in str(e["url"]) and not e.get("rrule")}
    assert {
        dt.date(2022, 3, 31),
        dt.date(2022, 6, 30),
        dt.date(2022, 9, 30),
        dt.date(2022, 12, 31),
    } <= quarterly
    unit = _events(sapa_site, f"{CHI_BO}.ics")
    assert {e.decoded("dtstart") for e in unit} >= {
        dt.date(2022, 1, 31),
        dt.date(2022, 3, 25),
        dt.date(2022, 3, 31),
    }
    assert {str(e["uid"]) for e in unit} <= {str(e["uid"]) for e in events}


TASK = "Các chi bộ tổ chức hội nghị quán triệt hoàn thành trong tháng 02/2022."
SECRET = "Rà soát danh sách nội bộ trước ngày 10/02/2022."


@pytest.fixture(scope="module")
def agenda_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("agenda") / "project"
    public = plan_text(
        f"{TASK}\n",
        date="2022-01-05",
        publish_at="2022-01-06T08:00:00+07:00",
        tasks=[
            {
                "task": TASK,
                "lead": CHI_BO,
                "deadline": "2022-02",
                "targets": [{"count": 3, "unit": "hội nghị"}],
            }
        ],
    )
    internal = plan_text(
        f"{SECRET}\n",
        number="13-KH/TU",
        date="2022-01-05",
        access="internal",
        tasks=[{"task": SECRET, "lead": "van-phong-thi-uy-sa-pa", "deadline": "2022-02-10"}],
    )
    write_files(
        root,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            **SITE_ROOT,
            "content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n",
            "data/issuers.yml": (REPO / "data" / "issuers.yml").read_text(encoding="utf-8"),
            "plans/2022/cong-khai.md": public,
            "plans/2022/noi-bo.md": internal,
        },
    )
    sites = []
    for name in ("a", "b"):
        site = root.parent / name
        result = run_loa("build", "--site-dir", str(site), "--at", "2022-01-10T08:00:00+07:00", cwd=root)
        assert result.returncode == 0, result.stderr
        sites.append(site)
    return sites[0], sites[1]


def test_calendars_are_identical_across_builds(agenda_sites):
    first, second = agenda_sites
    for name in ("tat-ca.ics", f"{CHI_BO}.ics"):
        assert (first / "lich" / name).read_bytes() == (second / "lich" / name).read_bytes()
    (event,) = _events(first, "tat-ca.ics")
    assert str(event["uid"]) == str(_events(second, "tat-ca.ics")[0]["uid"])
    assert event.decoded("dtstart") == dt.date(2022, 2, 28) and "Chỉ tiêu: 3 hội nghị" in str(
        event["description"]
    )


def test_home_page_lists_upcoming_deadlines(agenda_sites):
    home = _soup(agenda_sites[0], "")
    upcoming = home.select_one(".loa-latest--deadlines")
    assert [li.time["datetime"] for li in upcoming.select("li")] == ["2022-02-28"]
    assert TASK in _text(upcoming)


def test_an_internal_plan_gives_away_no_task_unit_or_deadline(agenda_sites):
    site = agenda_sites[0]
    assert not (site / "don-vi" / "van-phong-thi-uy-sa-pa").exists()
    assert not (site / "lich" / "van-phong-thi-uy-sa-pa.ics").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".ics", ".xml", ".json", ".rss", ".atom", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "Rà soát danh sách nội bộ" not in text and "20220210" not in text, path
