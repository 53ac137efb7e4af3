"""The built site in a real browser: pages load with no console error and no request leaving the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

PAGES = [
    "",
    "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022/",
    "tin-bai/2025/tra-cuu-van-ban-theo-so-ky-hieu/",
    "danh-muc/",
    "tham-chieu/21-kl-tw-2021/",
    "nguon-tin/",
]


def test_pages_load_cleanly_and_stay_local(browser, served_site):
    page = browser.new_page()
    errors: list[str] = []
    failed: list[str] = []
    outside: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None)
            and not request.url.startswith("data:")
            else None
        ),
    )
    for path in PAGES:
        response = page.goto(served_site + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        assert page.locator("article h1").count() == 1, path
    assert errors == [] and failed == [] and outside == []
    page.close()
