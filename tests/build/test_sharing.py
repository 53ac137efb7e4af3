"""Open Graph and Twitter card tags on built pages, and the share cards they point at."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from PIL import Image

from tests.build.test_canary import _all_text, _leaks, search_text
from tests.conftest import REPO, run_loa

ARTICLE = "tin-bai/2025/cach-doc-mot-ke-hoach-duoc-dang-tren-trang/index.html"
PLAN = "plans/2021/ke-hoach-tuyen-truyen-sau-dai-hoi-xiii/index.html"
CANARIES = ["CANARYBANNHAP", "CANARYNOIBO", "CANARYLICHHEN", "canarybannhap", "canarynoibo", "canarylichhen"]


def _og(site: Path, page: str) -> dict[str, str]:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    tags = soup.find_all("meta", attrs={"property": True}) + soup.find_all("meta", attrs={"name": True})
    return {t.get("property") or t.get("name"): t.get("content") for t in tags}


def test_article_carries_open_graph_and_twitter_tags(sapa_site):
    og = _og(sapa_site, ARTICLE)
    assert og["og:type"] == "article" and og["og:locale"] == "vi_VN"
    assert len(og["og:title"]) <= 150 and og["og:description"]
    assert og["og:url"] == "https://sapa.loa.example/tin-bai/2025/cach-doc-mot-ke-hoach-duoc-dang-tren-trang/"
    assert og["article:published_time"].endswith("+07:00")
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["twitter:card"] == "summary_large_image" and og["twitter:image"] == og["og:image"]
    image = sapa_site / urlsplit(og["og:image"]).path.lstrip("/")
    with Image.open(image) as card:
        assert card.size == (1200, 630) and card.format == "PNG"


def test_every_page_has_an_absolute_share_image_that_exists(sapa_site):
    for page in (PLAN, "index.html", "danh-muc/index.html", "chuyen-de/cong-tac-tu-tuong/index.html"):
        og = _og(sapa_site, page)
        assert og["og:image"].startswith("https://sapa.loa.example/"), page
        assert (sapa_site / urlsplit(og["og:image"]).path.lstrip("/")).is_file(), page


def test_withheld_articles_appear_nowhere_in_the_real_site(sapa_site):
    texts = _all_text(sapa_site)
    assert any("tin-bai/2025/cach-doc" in name for name in texts)
    assert _leaks(texts, CANARIES) == []


def test_scheduled_article_appears_in_pages_and_feeds_at_its_time(tmp_path):
    site = tmp_path / "site"
    result = run_loa(
        "build",
        "-f",
        str(REPO / "mkdocs.yml"),
        "--site-dir",
        str(site),
        "--at",
        "2030-01-01T08:00:00+07:00",
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    texts = _all_text(site)
    assert "CANARYLICHHEN" in texts["feeds/tat-ca.rss"] and "CANARYLICHHEN" in search_text(texts)
    assert _leaks(texts, ["CANARYBANNHAP", "CANARYNOIBO"]) == []


def test_listings_per_topic_channel_and_month_newest_first(sapa_site):
    for page in (
        "tin-bai/index.html",
        "kenh/anh-duong/index.html",
        "luu-tru/2025/05/index.html",
        "chuyen-de/huong-dan-su-dung/index.html",
    ):
        soup = BeautifulSoup((sapa_site / page).read_text(encoding="utf-8"), "html.parser")
        items = soup.select(".loa-list__item")
        assert items, page
        dates = [
            tuple(reversed(li.get_text(" ").split("ngày ")[-1].split()[0].split("/")))
            for li in items
            if "ngày " in li.get_text()
        ]
        assert dates == sorted(dates, reverse=True), page
    overview = (sapa_site / "tin-bai/index.html").read_text(encoding="utf-8")
    assert "Theo kênh" in overview and "Theo tháng" in overview


def test_internal_edition_adds_internal_articles(tmp_path):
    site = tmp_path / "internal"
    result = run_loa(
        "build",
        "-f",
        str(REPO / "mkdocs.yml"),
        "--target",
        "internal",
        "--site-dir",
        str(site),
        "--at",
        "2026-11-22T12:00:00+07:00",
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    texts = _all_text(site)
    assert "CANARYNOIBO" in texts["feeds/tat-ca.rss"]
    assert _leaks(texts, ["CANARYBANNHAP", "CANARYLICHHEN"]) == []
