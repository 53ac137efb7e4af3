"""The portal with no network: the bundle from file://, a single-file document, and a plan printed to A4."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pypdfium2
from playwright.sync_api import Page

from tests.browser.test_search_browser import search
from tests.build.test_canary import canary_project
from tests.conftest import BUILD_TIME, run_loa

PLAN = "plans/2021/ke-hoach-tuyen-truyen-sau-dai-hoi-xiii/"


def _offline_page(browser) -> tuple[Page, list[str], list[str]]:
    """A page whose requests may only read local files: anything else is refused and recorded."""
    context = browser.new_context()
    outside: list[str] = []
    failed: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file://", "data:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()

    def record(request):
        # A request the browser itself cancels by moving on to the next page (the favicon) did not fail,
        # provided what it asked for is there.
        local = Path(url2pathname(urlsplit(request.url).path))
        if not (
            request.failure == "net::ERR_ABORTED" and request.url.startswith("file://") and local.is_file()
        ):
            failed.append(f"{request.url}: {request.failure}")

    page.on("requestfailed", record)
    page.on("pageerror", lambda error: failed.append(f"error: {error}"))
    return page, outside, failed


def test_bundle_browses_and_searches_from_file_with_no_network(browser, bundle_dir):
    page, outside, failed = _offline_page(browser)
    page.goto((bundle_dir / "index.html").as_uri())
    assert "Văn bản Thị ủy Sa Pa" in page.title()
    page.click(f'a[href="{PLAN}index.html"]')
    page.wait_for_url(f"**/{PLAN}index.html")
    assert "Thào A Sinh" in page.inner_text("article")
    page.click('a[href$="danh-muc/index.html"] >> nth=0')
    page.wait_for_url("**/danh-muc/index.html")
    page.goto((bundle_dir / "tim-kiem" / "index.html").as_uri())
    assert PLAN in search(page, "tuyen truyen")  # without diacritics
    assert PLAN in search(page, '"đẩy mạnh công tác tuyên truyền"')  # a quoted phrase
    assert search(page, "85-KH/TU")[0] == "tham-chieu/85-kh-tu-2021/"  # by number
    page.locator("#loa-search-results a").first.click()
    page.wait_for_url("**/tham-chieu/85-kh-tu-2021/index.html")
    assert outside == [] and failed == []
    page.context.close()


def test_single_file_document_opens_alone_and_shows_its_images(browser, sapa_site, tmp_path):
    # The canary site's public article has a cover image; the Sa Pa plans have none.
    canary = tmp_path / "canary-site"
    result = run_loa(
        "build",
        "-f",
        str(canary_project(tmp_path) / "mkdocs.yml"),
        "--site-dir",
        str(canary),
        "--at",
        BUILD_TIME,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    page, outside, failed = _offline_page(browser)
    # Alone in a folder, as received in a chat: nothing next to it to lean on.
    for source in (
        canary / "tin-bai/cong-khai/cong-khai.html",
        sapa_site / PLAN / "ke-hoach-tuyen-truyen-sau-dai-hoi-xiii.html",
    ):
        copy = tmp_path / "received" / source.name
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(source.read_bytes())
        page.goto(copy.as_uri())
        images = page.eval_on_selector_all(
            "img", "images => images.map(i => [i.complete && i.naturalWidth > 0, i.src.slice(0, 22)])"
        )
        if source.name == "cong-khai.html":
            assert images == [[True, "data:image/png;base64,"]]
        assert all(shown for shown, _ in images), source
        assert page.locator("h1").count() == 1
    assert outside == [] and failed == []
    page.context.close()


def test_plan_prints_on_a4_without_the_site_around_it(browser, served_site, tmp_path):
    page = browser.new_page()
    page.goto(served_site + PLAN)
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        width, height = document[0].get_size()
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297), "A4"
        assert 2 <= len(document) <= 12
        first = document[0].get_textpage().get_text_range()
        assert "TUYÊN TRUYỀN" in first.upper()
        assert "Tìm văn bản" not in first and "Danh mục văn bản" not in first, "no header or navigation"
        second = document[1].get_textpage().get_text_range()
        assert second.strip().startswith("2"), "page numbers from the second page on"
        document[0].render(scale=1).to_pil().save(tmp_path / "page1.png")
    finally:
        document.close()
