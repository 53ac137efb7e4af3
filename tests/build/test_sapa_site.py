"""The real Sa Pa plans: metadata card, table of contents, listings, and the text exactly as issued."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from loa.core.text.normalize import heading_slug
from tests.conftest import REPO, SEEDS

PLANS = sorted((REPO / "plans").rglob("*.md"))


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _page(site: Path, plan: Path) -> BeautifulSoup:
    url = plan.relative_to(REPO).with_suffix("").as_posix()
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _text_of(element) -> str:
    """Text as a reader sees it: block elements separated, inline elements joined without extra spaces."""
    for block in element.find_all(
        ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dt", "dd", "br", "tr"]
    ):
        block.append("\n")
    return _squash(element.get_text(""))


def _seed_as_text(seed: str) -> str:
    """The seed without Markdown marks: what a reader of the printed document sees."""
    lines = []
    for line in seed.split("\n"):
        line = re.sub(r"^#+\s*", "", line).replace("**", "")
        line = re.sub(r"^\s*[-+]\s+", "", line)
        if re.fullmatch(r"-{3,}", line.strip()):
            continue
        lines.append(line)
    text = "\n".join(lines).replace("**", "").replace("\\*", "\x00").replace("*", "").replace("\x00", "*")
    return _squash(text.replace("\\", ""))


def test_three_seed_plans_are_shipped():
    assert len(PLANS) == 3
    assert sorted(_front(p)["source"] for p in PLANS) == sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_published_text_equals_the_seed(sapa_site, plan):
    front = _front(plan)
    soup = _page(sapa_site, plan)
    for link in soup.select(".headerlink"):
        link.decompose()
    body = _text_of(soup.select_one(".loa-body"))
    title = _text_of(soup.select_one(".loa-title__text"))
    seed = _seed_as_text((SEEDS / front["source"]).read_text(encoding="utf-8"))
    tail = seed[len(seed) - len(body) :]
    if tail != body:
        at = next(i for i, (a, b) in enumerate(zip(tail, body, strict=False)) if a != b)
        pytest.fail(
            f"body differs from the seed at {at}: seed {tail[at - 40 : at + 40]!r} page {body[at - 40 : at + 40]!r}"
        )
    # What precedes the body in the seed is the header: type word, title, and the blanks shown in the card.
    header = seed[: len(seed) - len(body)]
    for part in (front.get("date_as_written"), front.get("number_as_written"), "KẾ HOẠCH", title):
        if part:
            assert part in header
            header = header.replace(part, "", 1)
    assert header.strip(" *") == "", f"seed text missing from the page: {header!r}"
    assert title == front["title"]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_plan_page_has_card_and_toc(sapa_site, plan):
    front = _front(plan)
    soup = _page(sapa_site, plan)
    card = soup.select_one(".loa-card")
    labels = [dt.get_text() for dt in card.find_all("dt")]
    assert labels[:6] == [
        "Số ký hiệu",
        "Loại văn bản",
        "Cơ quan ban hành",
        "Ngày ban hành",
        "Người ký",
        "Nơi nhận",
    ]
    text = _squash(card.get_text(" "))
    assert "Thị ủy Sa Pa" in text and "ngừng hoạt động từ ngày 01/07/2025" in text
    assert front["signer"]["name"] in text
    assert [li.get_text() for li in card.select(".loa-card__recipients li")] == front["recipients"]
    if "date" not in front:
        assert "Bản gốc không ghi ngày ban hành" in text
    if "number" not in front:
        assert "Bản gốc" in card.find_all("dd")[0].get_text()
    toc = soup.select("nav.md-nav--secondary a.md-nav__link")
    headings = soup.select(".loa-body h2")
    assert len(headings) >= 3 and len(toc) >= len(headings)
    assert headings[0].get_text().startswith("I.")


def test_heading_anchors_keep_vietnamese_letters_and_the_old_ones(sapa_site):
    soup = _page(sapa_site, REPO / "plans/2021/ke-hoach-tuyen-truyen-sau-dai-hoi-xiii.md")
    first = soup.select_one(".loa-body h2")
    assert first["id"] == "i-muc-dich-yeu-cau" and first.find(id="i-muc-ich-yeu-cau")
    purpose = soup.find(id="1-muc-dich")
    assert purpose.name == "h3" and purpose.find(id="1-muc-ich"), "#1-muc-ich still lands on “1. Mục đích”"
    toc = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert {"#i-muc-dich-yeu-cau", "#1-muc-dich"} <= set(toc) and "#i-muc-ich-yeu-cau" not in toc
    # Every heading of every plan: its anchor is its text's slug, đ included (numbered if the text repeats).
    for plan in PLANS:
        for heading in _page(sapa_site, plan).select(".loa-body :is(h2, h3, h4, h5, h6)"):
            slug = heading_slug(heading.get_text().rstrip("¶"))
            assert re.fullmatch(re.escape(slug) + r"(_\d+)?", heading["id"]), (plan.name, heading["id"], slug)


def test_seed_003_shows_its_blanks_instead_of_inventing(sapa_site):
    plan = next(p for p in PLANS if _front(p)["source"].startswith("003"))
    text = _squash(_page(sapa_site, plan).select_one(".loa-card").get_text(" "))
    assert "Bản gốc để trống số (ghi “Số - KH/TU”)" in text
    assert "tháng 01/2022 (bản gốc để trống ngày: “Sa Pa, ngày tháng 01 năm 2022”)" in text


def test_listings_and_home_page_list_the_plans(sapa_site):
    home = BeautifulSoup((sapa_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    latest = [a["href"] for a in home.select(".loa-latest:not(.loa-latest--articles) .loa-list__title")]
    assert len(latest) == 3
    for path in (
        "danh-muc/nam/2022",
        "danh-muc/nam/khong-ro-nam",
        "danh-muc/loai/ke-hoach",
        "danh-muc/co-quan/thi-uy-sa-pa",
    ):
        assert (sapa_site / path / "index.html").is_file(), path
    by_type = BeautifulSoup(
        (sapa_site / "danh-muc/loai/ke-hoach/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert len(by_type.select(".loa-list__item")) == 3
    overview = (sapa_site / "danh-muc/index.html").read_text(encoding="utf-8")
    assert "Theo năm" in overview and "Theo thể loại" in overview and "Theo cơ quan ban hành" in overview


def test_every_page_has_exactly_one_title(sapa_site):
    for page in sorted(sapa_site.rglob("index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert len(soup.select("article h1")) == 1, page.relative_to(sapa_site)


def test_nav_does_not_list_documents(sapa_site):
    home = BeautifulSoup((sapa_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav_links = [a.get("href", "") for a in home.select("nav.md-nav--primary a")]
    assert not any("plans/" in href for href in nav_links)


def test_the_404_page_is_vietnamese_and_offers_ways_on(sapa_site):
    soup = BeautifulSoup((sapa_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text() == "Không tìm thấy trang - Văn bản Thị ủy Sa Pa"
    assert [h.get_text() for h in soup.find_all("h1")] == ["Không tìm thấy trang"]
    assert "Not found" not in soup.get_text()
    form = soup.select_one("form.loa-notfound-search")
    assert form["action"] == "/tim-kiem/" and form.select_one("input")["name"] == "q"
    assert soup.select_one("label[for=loa-notfound-q]").get_text().startswith("Tìm văn bản")
    # Served at any address: every way on is an absolute path to a page the site has.
    links = {a.get_text(): a["href"] for a in soup.select("article ul a")}
    assert links == {"Về trang chủ": "/.", "Danh mục văn bản": "/danh-muc/", "Tin bài": "/tin-bai/"}
    for href in [*links.values(), form["action"]]:
        assert (sapa_site / href.strip("/.") / "index.html").is_file(), href


# Words of MkDocs, Material, argparse and Loa's own developers that must never reach a reader or an editor.
ENGLISH_OR_DEVELOPER = (
    "Not found",
    "Aborted with",
    "BuildError",
    "usage:",
    "Skip to content",
    "Back to top",
    "Table of contents",
    "Initializing search",
    "Made with",
    "Copy to clipboard",
    "Last update",
    "bản public",
    "bản internal",
    "tệp HTML",
    "iCalendar",
    "Chưa xác định được văn bản",
)


def _visible_texts(path: Path) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    shown = ("title", "aria-label", "alt", "placeholder")
    return [soup.get_text(" ")] + [
        value
        for tag in soup.find_all(True)
        for name, value in tag.attrs.items()
        if name in shown and isinstance(value, str)
    ]


def test_no_english_or_developer_words_reach_a_page(sapa_site):
    found = {
        (path.relative_to(sapa_site).as_posix(), word)
        for path in sapa_site.rglob("*.html")
        for text in _visible_texts(path)
        for word in ENGLISH_OR_DEVELOPER
        if word in text
    }
    assert sorted(found) == []
    assert "Chuyên đề" in (
        sapa_site / "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022/index.html"
    ).read_text(encoding="utf-8")


def test_the_words_are_caught_where_they_would_appear(tmp_path):
    page = tmp_path / "x.html"
    page.write_text(
        '<p>Tải về một tệp HTML</p><a title="Back to top">^</a><script>"usage:"</script>', encoding="utf-8"
    )
    texts = _visible_texts(page)
    assert [w for w in ENGLISH_OR_DEVELOPER if any(w in t for t in texts)] == ["Back to top", "tệp HTML"]
