"""A plan on paper as issued: header block, centred title, the text, then "Nơi nhận" beside the signature, and
only then, on pages of their own, what the site adds (the task table). Printed to PDF by Chromium, read back with
pypdfium2 (text and the position of each character)."""

from __future__ import annotations

import re

import pypdfium2
import pytest
import yaml

from tests.conftest import REPO

PLAN = "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022"
WEB_ONLY = (
    "Số ký hiệu",
    "Nhiệm vụ và thời hạn",
    "Văn bản được dẫn chiếu",
    "Lịch sử thay đổi",
    "Tải về để đọc",
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufffe", "").replace("\u00ad", "")).strip()


@pytest.fixture(scope="module")
def printed(browser, served_site, tmp_path_factory):
    pdf = tmp_path_factory.mktemp("print") / "plan.pdf"
    page = browser.new_page()
    page.goto(f"{served_site}{PLAN}/")
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    document = pypdfium2.PdfDocument(str(pdf))
    yield document
    document.close()


def _where(document, page_number: int, text: str) -> tuple[float, float]:
    """The left edge and the top of ``text``'s first character on a page (PDF points, origin bottom left)."""
    textpage = document[page_number].get_textpage()
    found = textpage.search(text).get_next()
    assert found is not None, text
    left, _, _, top = textpage.get_charbox(found[0])
    return left, top


def test_the_first_page_opens_with_the_header_block_then_the_centred_title(printed):
    width, _ = printed[0].get_size()
    first = _flat(printed[0].get_textpage().get_text_range())
    assert first.startswith("ĐẢNG BỘ TỈNH LÀO CAI")
    issuer, party = _where(printed, 0, "THỊ ỦY SA PA"), _where(printed, 0, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert issuer[0] < width / 2 < party[0], "issuer on the left, the Party's name on the right"
    assert abs(issuer[1] - party[1]) < 20, "side by side"
    assert _where(printed, 0, "Số - KH/TU")[0] < width / 2
    assert _where(printed, 0, "Sa Pa, ngày tháng 01 năm 2022")[0] > width / 2
    title = _where(printed, 0, "KẾ HOẠCH")
    assert title[1] < issuer[1] and abs(title[0] - (width / 2 - 30)) < 40, "the type centred under the header"
    assert not any(word in first for word in WEB_ONLY)


def test_recipients_and_signature_sit_side_by_side_after_the_text(printed):
    pages = [_flat(page.get_textpage().get_text_range()) for page in printed]
    closing = next(i for i, text in enumerate(pages) if "Nơi nhận" in text)
    width, _ = printed[closing].get_size()
    recipients, signer = _where(printed, closing, "Nơi nhận"), _where(printed, closing, "T/M BAN THƯỜNG VỤ")
    name = _where(printed, closing, "Thào A Sinh")
    assert recipients[0] < width / 2 < signer[0] and name[0] > width / 2
    assert abs(recipients[1] - signer[1]) < 20, "the signature level with 'Nơi nhận'"
    # Nothing the site adds comes before the end of the official text.
    before = " ".join(pages[:closing]) + pages[closing].split("Thào A Sinh")[0]
    assert [word for word in WEB_ONLY if word in before] == []


def test_every_task_and_target_is_printed_after_the_text(printed):
    front = (REPO / f"{PLAN}.md").read_text(encoding="utf-8").split("---\n")[1]
    tasks = yaml.safe_load(front)["tasks"]
    pages = [_flat(page.get_textpage().get_text_range()) for page in printed]
    closing = next(i for i, text in enumerate(pages) if "Nơi nhận" in text)
    appendix = " ".join(pages[closing + 1 :])
    assert "Phụ lục" in appendix and "Nhiệm vụ và thời hạn" in appendix
    squashed = appendix.replace(" ", "")
    for task in tasks:
        assert _flat(task["task"])[:60].replace(" ", "") in squashed, task["task"][:60]
        for target in task.get("targets") or []:
            assert f"{target['count']}" in appendix
