"""Search as readers use it: typing into the real search box of the built Sa Pa site, in Chromium, over HTTP."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from tests.conftest import FIXTURES

QUERIES = yaml.safe_load((FIXTURES / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
WAIT = 15_000
# True once the results on screen answer what the box holds and every result has loaded.
SETTLED = """() => {
  const form = document.getElementById("loa-search");
  const box = document.getElementById("loa-search-q");
  return form.dataset.shown === window.LoaNormalize.nfc(box.value)
    && !document.querySelector("#loa-search-results [aria-busy]");
}"""


def _settled(page: Page) -> None:
    page.wait_for_function(SETTLED, timeout=WAIT)


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box and return the URL of every result, in order (all pages of them)."""
    box = page.locator("#loa-search-q")
    box.fill("")
    box.press_sequentially(query)
    _settled(page)
    more = page.locator("#loa-search-more")
    while more.is_visible():
        count = page.locator("#loa-search-results > li").count()
        more.click()
        page.wait_for_function(
            f"() => document.querySelectorAll('#loa-search-results > li').length > {count}"
        )
        _settled(page)
    return page.eval_on_selector_all("#loa-search-results > li", "items => items.map(i => i.dataset.url)")


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site + "tim-kiem/")
    yield page
    assert errors == []
    page.close()


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_typed_query_finds_the_expected_pages(search_page, case):
    query = unicodedata.normalize("NFD", case["query"]) if case.get("nfd") else case["query"]
    found = search(search_page, query)
    if case.get("none"):
        assert found == []
        assert search_page.inner_text("#loa-search-status").startswith("Không tìm thấy")
        return
    missing = [url for url in case["expect"] if url not in found]
    assert missing == [], f"{case['query']!r} found {found}"
    if "first" in case:
        assert found[0] == case["first"], found
    assert search_page.inner_text("#loa-search-status").startswith("Tìm thấy")


def test_fixture_is_big_enough_and_covers_numbers_and_phrases():
    assert len(QUERIES) >= 25
    assert sum("first" in q for q in QUERIES) >= 5
    assert sum(q["query"].startswith('"') for q in QUERIES) >= 3


def test_result_shows_type_number_issuer_and_date(search_page):
    search(search_page, "85-KH/TU")
    first = search_page.locator("#loa-search-results > li").first
    meta = first.locator(".loa-result__meta").inner_text()
    assert (
        "Kế hoạch" in meta
        and "Số 85-KH/TU" in meta
        and "Tỉnh ủy Lào Cai" in meta
        and "ngày 15/12/2021" in meta
    )
    # Matched words are marked, in the title and in the excerpt; titles are text, never HTML.
    search(search_page, "dang vien")
    marks = search_page.eval_on_selector_all("#loa-search-results mark", "ms => ms.map(m => m.textContent)")
    assert "đảng viên" in " ".join(marks).lower() or {"đảng", "viên"} <= {m.lower() for m in marks}


def test_filters_narrow_results_and_count_them(search_page):
    search(search_page, "tuyen truyen")
    everything = search(search_page, "tuyen truyen")
    search_page.select_option("select[name=loai]", "ke-hoach")
    _settled(search_page)
    plans = search_page.eval_on_selector_all(
        "#loa-search-results > li", "items => items.map(i => i.dataset.url)"
    )
    assert plans and set(plans) < set(everything)
    assert all(url.startswith("plans/") for url in plans)
    label = search_page.locator("select[name=loai] option[value=ke-hoach]").inner_text()
    assert label == f"Kế hoạch ({len(plans)})"
    assert "loai=ke-hoach" in search_page.url
    search_page.select_option("select[name=nam]", "2022")
    _settled(search_page)
    assert search_page.eval_on_selector_all(
        "#loa-search-results > li", "items => items.map(i => i.dataset.url)"
    ) == ["plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022/"]
    search_page.select_option("select[name=loai]", "")
    search_page.select_option("select[name=nam]", "")
    _settled(search_page)


def test_header_box_leads_to_the_results(browser, served_site):
    page = browser.new_page()
    page.goto(served_site)
    page.fill(".loa-header-search__input", "nghi quyet dai hoi")
    page.press(".loa-header-search__input", "Enter")
    page.wait_for_url("**/tim-kiem/?q=nghi+quyet+dai+hoi")
    _settled(page)
    assert page.input_value("#loa-search-q") == "nghi quyet dai hoi"
    first = page.locator("#loa-search-results > li").first
    url = first.get_attribute("data-url")
    first.locator("a").click()
    page.wait_for_url(served_site + url)
    page.close()


def test_search_works_from_file_without_a_server(browser, sapa_site: Path):
    # The offline bundle's case: browsers refuse fetch() from file://, the index loads through <script> tags.
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((sapa_site / "tim-kiem" / "index.html").as_uri())
    found = search(page, "17 da tu")
    assert found[0] == "tham-chieu/17-da-tu/"
    href = page.locator("#loa-search-results > li a").first.get_attribute("href")
    assert href.endswith("tham-chieu/17-da-tu/index.html"), href
    assert errors == []
    page.close()
