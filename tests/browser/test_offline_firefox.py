"""The offline bundle from file:// in Firefox (Debian's ESR, over WebDriver BiDi), with no network."""

from __future__ import annotations

from tests.browser.bidi import Session, Tab
from tests.browser.test_offline_browser import PLAN
from tests.browser.test_search_browser import QUERIES, SETTLED

RESULTS = "() => [...document.querySelectorAll('#loa-search-results > li')].map(i => i.dataset.url)"
# Firefox reports no network events for file:// loads; a page reports its own failed ones (error events do not
# bubble, but a listener on window sees them while capturing).
REPORT_FAILED_LOADS = """(report) => window.addEventListener("error", (event) => {
  if (event.target !== window) report(event.target.src || event.target.href || event.target.outerHTML);
}, true)"""


def _offline_tab(firefox: Session) -> Tab:
    firefox.command(
        "session.subscribe",
        {
            "events": [
                "network.beforeRequestSent",
                "network.fetchError",
                "log.entryAdded",
                "script.message",
                "browsingContext.load",
            ]
        },
    )
    firefox.command(
        "script.addPreloadScript",
        {
            "functionDeclaration": REPORT_FAILED_LOADS,
            "arguments": [{"type": "channel", "value": {"channel": "failed"}}],
        },
    )
    return Tab(firefox)


def _outside_and_failed(firefox: Session) -> tuple[list[str], list[str]]:
    """Requests for anything but local files, and every load, fetch or script that failed."""
    outside, failed = [], []
    for event in firefox.events:
        method, params = event["method"], event["params"]
        if method == "network.beforeRequestSent" and not params["request"]["url"].startswith(
            ("file:", "data:")
        ):
            outside.append(params["request"]["url"])
        elif method == "network.fetchError":
            failed.append(f"{params['request']['url']}: {params['errorText']}")
        elif method == "script.message" and params["channel"] == "failed":
            failed.append(f"{params['data']['value']}: failed to load")
        elif method == "log.entryAdded" and params["level"] == "error":
            failed.append(f"{params['type']}: {params['text']}")
    return outside, failed


def _search(tab: Tab, query: str) -> list[str]:
    """Type ``query`` into the search box and return the URL of every result, in order (all pages of them)."""
    tab.call("() => { const box = document.getElementById('loa-search-q'); box.value = ''; box.focus(); }")
    tab.type(query)
    tab.wait_for(SETTLED)
    while tab.call("() => document.getElementById('loa-search-more').checkVisibility()"):
        count = len(tab.call(RESULTS))
        tab.click("#loa-search-more")
        tab.wait_for(f"() => document.querySelectorAll('#loa-search-results > li').length > {count}")
        tab.wait_for(SETTLED)
    found: list[str] = tab.call(RESULTS)
    return found


def test_bundle_browses_and_searches_from_file_in_firefox_with_no_network(firefox, bundle_dir):
    tab = _offline_tab(firefox)
    tab.goto((bundle_dir / "index.html").as_uri())
    assert "Văn bản Thị ủy Sa Pa" in tab.call("() => document.title")
    assert tab.call("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky", (
        "Material's stylesheet applies"
    )
    assert tab.call("s => document.querySelector(s).checkVisibility()", f'a[href="{PLAN}index.html"]')
    tab.click(f'a[href="{PLAN}index.html"]', wait_for_url=f"/{PLAN}index.html")
    assert tab.call("() => document.querySelector('article h1') !== null")
    assert "Thào A Sinh" in tab.call("() => document.querySelector('article').innerText")
    tab.click('a[href$="danh-muc/index.html"]', wait_for_url="/danh-muc/index.html")
    tab.goto((bundle_dir / "tim-kiem" / "index.html").as_uri())
    assert PLAN in _search(tab, "tuyen truyen")  # without diacritics
    assert PLAN in _search(tab, '"đẩy mạnh công tác tuyên truyền"')  # a quoted phrase
    party_members = next(q for q in QUERIES if q["query"] == "đảng viên")  # with diacritics
    assert set(party_members["expect"]) <= set(_search(tab, "đảng viên"))
    assert _search(tab, "85-KH/TU")[0] == "tham-chieu/85-kh-tu-2021/"  # by number
    tab.click("#loa-search-results a", wait_for_url="/tham-chieu/85-kh-tu-2021/index.html")
    assert _outside_and_failed(firefox) == ([], [])
