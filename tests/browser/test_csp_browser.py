"""Pages served by real nginx with the shipped configuration, in Chromium: the CSP blocks nothing the site needs,
and nothing an editor's hostile text carries runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import BUILD_TIME, plan_text, run_loa, start_nginx

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


class Watched:
    """A page whose CSP violations, console errors, script errors and dialogs are recorded."""

    def __init__(self, browser: Browser) -> None:
        self.page: Page = browser.new_page()
        self.problems: list[str] = []
        self.page.add_init_script(WATCH)
        self.page.on(
            "console", lambda m: m.type in ("error", "warning") and self.problems.append(f"console: {m.text}")
        )
        self.failed: list[str] = []
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(r.url))
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))

    def visit(self, url: str, *, status: int = 200) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status == status, url
        assert response.headers.get("content-security-policy"), url
        self.page.wait_for_load_state("load")
        if status == 404:  # Chromium reports the page's own status as a console error
            self.problems = [p for p in self.problems if "status of 404" not in p]

    def check(self) -> None:
        violations = self.page.evaluate("window.__violations")
        assert violations == [] and self.problems == [], (violations, self.problems)


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    page.page.close()


def test_site_runs_under_its_csp(watched, nginx_site, sapa_site):
    plan = next((sapa_site / "plans").glob("*/*/index.html")).parent.relative_to(sapa_site).as_posix()
    for path, status in [
        ("/", 200),
        (f"/{plan}/", 200),
        ("/danh-muc/", 200),
        ("/nguon-tin/", 200),
        ("/tin-bai/", 200),
        ("/khong-co-trang-nay/", 404),
    ]:
        watched.visit(nginx_site + path, status=status)
        watched.check()
    # Material's own scripts ran (they hash the palette and build the header), and so does Loa's search.
    watched.visit(nginx_site + "/tim-kiem/")
    assert watched.page.evaluate("typeof window.__md_get") == "function"
    watched.page.locator("#loa-search-q").press_sequentially("kế hoạch")
    watched.page.wait_for_function(
        "() => document.querySelectorAll('#loa-search-results > li').length > 0", timeout=15_000
    )
    watched.check()
    # The header box leads to the search page.
    watched.visit(nginx_site + "/")
    box = watched.page.locator("header input[type=search], header input[name=q]").first
    box.fill("phát triển")
    box.press("Enter")
    watched.page.wait_for_url("**/tim-kiem/**")
    watched.page.wait_for_function(
        "() => document.querySelectorAll('#loa-search-results > li').length > 0", timeout=15_000
    )
    watched.check()


PAYLOAD = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>"
BODY = f"""\
Đoạn đầu {PAYLOAD}

<script>window.__pwned = 1; alert("body")</script>
<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
<img src="anh.png" onerror="window.__pwned=1" onload="window.__pwned=1" alt="ảnh">

Đoạn có thuộc tính.
{{: onmouseover="window.__pwned=1" onclick="window.__pwned=1" }}

[Bấm vào đây](#dau) <a href="https://vanban.example/" onclick="window.__pwned=1">nữa</a>
"""
# Links with script schemes (javascript:) never get this far: `loa check` and the build refuse them
# (tests/unit/test_trust_bodies.py, tests/build/test_bodies.py).


@pytest.fixture
def hostile_site(project, tmp_path) -> Iterator[str]:
    root = project(
        {
            "plans/2022/doc.md": plan_text(
                body=BODY,
                number="7-KH/TU",
                title=f"về việc {PAYLOAD}",
                place=PAYLOAD,
                recipients=[PAYLOAD],
                description=f"Mô tả {PAYLOAD}",
            ),
            "plans/2022/anh.png": b"\x89PNG\r\n\x1a\n",
        }
    )
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    process, url = start_nginx(root / "site", tmp_path / "nginx")
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_hostile_content_never_runs(watched, hostile_site):
    for path in ("/plans/2022/doc/", "/", "/danh-muc/", "/danh-muc/nam/2022/"):
        watched.visit(hostile_site + path)
        watched.page.hover("article") if watched.page.locator("article").count() else None
        for link in watched.page.locator("article a:not([href]), article a[href^='#']").all():
            link.click()
        assert watched.page.evaluate("window.__pwned") is None, path
        # The body's raw <img> tags keep their src (handlers gone): "x" and a relative "anh.png" are 404s, no more.
        assert all(url.rsplit("/", 1)[1] in ("x", "anh.png") for url in watched.failed), watched.failed
        problems = [p for p in watched.problems if "status of 404" not in p]
        assert problems == [] and watched.page.evaluate("window.__violations") == [], (path, problems)
        watched.problems, watched.failed = [], []
    watched.visit(hostile_site + "/tim-kiem/")
    watched.page.locator("#loa-search-q").press_sequentially("thử")
    watched.page.wait_for_function(
        "() => document.querySelectorAll('#loa-search-results > li').length > 0", timeout=15_000
    )
    assert watched.page.evaluate("window.__pwned") is None
    watched.check()


UNSANITISED_BUILD = """
import sys
import loa.core.site.plan
loa.core.site.plan.sanitize_body = lambda html: html  # the first defence switched off, to test the second alone
from loa.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_csp_alone_stops_a_body_script(watched, project, tmp_path):
    """Defence in depth: were the sanitiser to let a script through, the CSP does not list its hash."""
    import subprocess
    import sys

    root = project(
        {
            "plans/2022/doc.md": plan_text(
                body="Đoạn đầu.\n\n<script>window.__pwned = 1</script>\n", number="7-KH/TU"
            )
        }
    )
    build = subprocess.run(
        [sys.executable, "-c", UNSANITISED_BUILD, "build", "--at", BUILD_TIME],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert "<script>window.__pwned = 1</script>" in (root / "site/plans/2022/doc/index.html").read_text(
        "utf-8"
    )
    process, url = start_nginx(root / "site", tmp_path / "nginx")
    try:
        watched.visit(url + "/plans/2022/doc/")
        assert watched.page.evaluate("window.__pwned") is None
        violations = watched.page.evaluate("window.__violations")
        assert [v.split()[0] for v in violations] == ["script-src-elem"], violations
    finally:
        process.terminate()
        process.wait(timeout=10)
