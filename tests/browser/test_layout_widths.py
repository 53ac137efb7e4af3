"""Plans read on a 375 px phone and a 1366 px desktop: nothing wider than the screen, every task column there."""

from __future__ import annotations

import pytest

PLAN = "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022/"
COPY = PLAN + "ke-hoach-trien-khai-de-an-11-da-tu-nam-2022.html"
COLUMNS = ["Nhiệm vụ số", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Chỉ tiêu"]

# Elements reaching past the screen, and task cells lying outside the screen or the text column (a table wider than
# the column scrolls inside it, its last columns out of sight).
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && getComputedStyle(e).position !== "fixed";
  }).map(e => e.tagName + "." + e.className);
  const table = document.querySelector(".loa-task-table");
  const frame = document.querySelector("article, main").getBoundingClientRect();  // the text column
  const hidden = [...table.querySelectorAll("td")].filter(td => {
    const box = td.getBoundingClientRect();
    return td.textContent.trim() && (box.right > Math.min(width, frame.right) + 1 || box.width === 0);
  }).length;
  const first = table.querySelector("tbody tr");
  const labels = [...first.querySelectorAll("td")].map(td => td.dataset.label);
  return {wide, hidden, labels, scroll: document.documentElement.scrollWidth - width,
          cells: getComputedStyle(first.querySelector("td")).display};
}"""


@pytest.mark.parametrize("path", [PLAN, COPY])
@pytest.mark.parametrize("width", [375, 1366])
def test_the_task_table_fits_the_screen(browser, served_site, path, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(served_site + path)
    found = page.evaluate(MEASURE)
    page.close()
    assert found["scroll"] == 0, found["wide"][:5]
    assert found["hidden"] == 0
    assert found["labels"] == COLUMNS
    # On a phone each task is a card (cells stacked), on a desktop a table row.
    assert found["cells"] == ("block" if width == 375 else "table-cell")


def test_the_task_cards_name_each_value_on_a_phone(browser, served_site):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(served_site + PLAN)
    before = page.evaluate(
        "() => getComputedStyle(document.querySelector('.loa-task-table td:nth-child(3)'), '::before').content"
    )
    page.close()
    assert before == '"Chủ trì: "'


def test_the_contents_reach_every_section_on_a_phone_and_give_way_to_the_sidebar_on_a_desktop(
    browser, served_site
):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(served_site + PLAN)
    contents = page.locator("details.loa-contents")
    assert contents.is_visible()
    contents.locator("summary").click()
    links = contents.locator("a").evaluate_all(
        "links => links.map(a => [a.textContent, a.getAttribute('href')])"
    )
    targets = page.evaluate(
        "hrefs => hrefs.map(h => !!document.getElementById(h.slice(1)))", [h for _, h in links]
    )
    texts = [text for text, _ in links]
    assert "III. TỔ CHỨC THỰC HIỆN" in texts and "Nhiệm vụ và thời hạn" in texts
    assert texts[-1] == "Văn bản được dẫn chiếu" and all(targets)
    contents.locator("a[href='#nhiem-vu']").click()
    assert abs(page.evaluate("document.getElementById('nhiem-vu').getBoundingClientRect().top")) < 120
    page.close()
    wide = browser.new_page(viewport={"width": 1366, "height": 800})
    wide.goto(served_site + PLAN)
    assert not wide.locator("details.loa-contents").is_visible()
    assert wide.locator(".md-sidebar--secondary .md-nav__link").count() > 10  # Material's own contents
    wide.close()
