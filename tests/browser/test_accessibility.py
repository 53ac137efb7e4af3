"""WCAG 2.1 AA on every page type, on a phone and a desktop, as axe-core (from npm, run in Chromium) checks it."""

from __future__ import annotations

import pytest

from tests.conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# One page of each type the site has.
PAGES = {
    "home": "",
    "plan": "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022/",
    "plan without tasks": "plans/2021/ke-hoach-tuyen-truyen-sau-dai-hoi-xiii/",
    "single-file copy": "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022/"
    "ke-hoach-trien-khai-de-an-11-da-tu-nam-2022.html",
    "article": "tin-bai/2025/tra-cuu-van-ban-theo-so-ky-hieu/",
    "listing": "danh-muc/",
    "articles": "tin-bai/",
    "topic": "chuyen-de/",
    "search": "tim-kiem/",
    "feeds": "nguon-tin/",
    "units": "don-vi/",
    "calendar": "lich/",
    "registry entry": "tham-chieu/21-kl-tw-2021/",
    "site page": "gioi-thieu/",
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: `make test` installs it (npm ci, package-lock.json)")
    return AXE.read_text(encoding="utf-8")


def _violations(browser, url: str, width: int, scheme: str, source: str) -> list[str]:
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.evaluate(source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    page.close()
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


# A phone and a desktop in the light scheme, and a phone in the dark one (the reader's system setting).
@pytest.mark.parametrize(("width", "scheme"), [(375, "light"), (1366, "light"), (375, "dark")])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_accessibility_violation(browser, served_site, axe_source, kind, width, scheme):
    assert _violations(browser, served_site + PAGES[kind], width, scheme, axe_source) == []


def test_the_check_finds_a_violation(browser, axe_source):
    # A link told from its text by colour alone, an image without text: axe reports both, so the test can fail.
    page = browser.new_page()
    page.set_content(
        '<html lang="vi"><head><title>x</title></head><body><main><p style="color:#333">Xem '
        '<a href="/x" style="color:#555;text-decoration:none">văn bản</a> tại đây.</p><img src="a.png"></main>'
        "</body></html>"
    )
    page.evaluate(axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    page.close()
    assert {v["id"] for v in result["violations"]} >= {"image-alt", "link-in-text-block"}
