"""Old heading anchors land in Chromium with script turned off: ``#1-muc-ich`` still opens at "1. Mục đích"."""

from __future__ import annotations

from tests.build.test_heading_anchors import BODY, MKDOCS
from tests.conftest import BUILD_TIME, plan_text, run_loa, start_nginx

FILLER = "Đoạn dài để trang phải cuộn.\n\n" * 120


def test_old_and_new_anchors_scroll_to_the_heading_without_script(browser, project, tmp_path):
    body = BODY.replace("## II. NHIỆM VỤ", FILLER + "## II. NHIỆM VỤ").replace(
        "## Đảng bộ", FILLER + "## Đảng bộ"
    )
    root = project({"plans/2022/ke-hoach.md": plan_text(body + FILLER)}, mkdocs=MKDOCS)
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    process, url = start_nginx(root / "site", tmp_path / "nginx")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1000, "height": 700})
    try:
        page = context.new_page()
        for fragment, heading in [
            ("1-muc-ich_1", "1-muc-dich_1"),
            ("1-muc-dich_1", "1-muc-dich_1"),
            ("ang-bo-cac-xa", "dang-bo-cac-xa"),
        ]:
            page.goto(f"{url}/plans/2022/ke-hoach/#{fragment}")
            box = page.locator(f"[id='{heading}']").bounding_box()
            assert box is not None and 0 <= box["y"] < 200, (fragment, box)
        page.goto(f"{url}/plans/2022/ke-hoach/")
        assert page.locator("[id='dang-bo-cac-xa']").bounding_box()["y"] > 700, (
            "the control: it is below the fold"
        )
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=10)
