"""An attacker's body in Chromium behind the shipped nginx: ids and names meant to clobber the theme's globals
(``__config``, ``__search``…) leave Material working, and in-page links still reach their targets."""

from __future__ import annotations

from tests.browser.test_csp_browser import Watched
from tests.build.test_bodies import MKDOCS
from tests.conftest import BUILD_TIME, plan_text, run_loa, start_nginx
from tests.unit.test_trust_bodies import CLOBBER


def test_clobbering_ids_leave_the_theme_working(browser, project, tmp_path):
    body = CLOBBER.replace('src="anh.png"', 'src="../anh.png"') + "\n" + "Đoạn dài.\n\n" * 80
    root = project(
        {"plans/2022/doc.md": plan_text(body, number="7-KH/TU"), "plans/2022/anh.png": b"\x89PNG\r\n\x1a\n"},
        mkdocs=MKDOCS,
    )
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    process, url = start_nginx(root / "site", tmp_path / "nginx")
    watched = Watched(browser)
    try:
        watched.visit(url + "/plans/2022/doc/")
        page = watched.page
        assert page.evaluate("document.getElementById('__config').tagName") == "SCRIPT"
        assert page.evaluate("JSON.parse(document.getElementById('__config').textContent).base") == "../../.."
        assert page.evaluate("typeof window.__md_get") == "function", "Material's bundle ran"
        assert (
            page.evaluate(
                "document.querySelectorAll('[name=__search], [name=__toc], [name=getElementById]').length"
            )
            == 0
        )
        assert page.evaluate("typeof document.getElementById") == "function"
        page.locator("article a", has_text="điểm a").click()
        assert page.evaluate("location.hash") == "#nd-diem-a"
        assert (
            page.evaluate("document.getElementById(location.hash.slice(1)).textContent.trim()")
            == "Đoạn có neo."
        )
        page.locator(".loa-body a", has_text="phạm vi").click()
        assert page.evaluate("location.hash") == "#pham-vi"
        watched.check()
    finally:
        watched.page.close()
        process.terminate()
        process.wait(timeout=10)
