"""The browser normalises text exactly as the core does: both run the shared fixture."""

from __future__ import annotations

import json

from tests.conftest import FIXTURES, REPO

SCRIPT = REPO / "src/loa/static/loa-normalize.js"
NAMES = {
    "search_key": "searchKey",
    "canonical_tones": "canonicalTones",
    "number_key": "numberKey",
    "tokens": "tokens",
}


def test_browser_and_core_agree_on_the_shared_fixture(browser):
    fixture = json.loads((FIXTURES / "normalize.json").read_text(encoding="utf-8"))
    page = browser.new_page()
    page.set_content("<!doctype html><meta charset=utf-8><title>t</title>")
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    for function, cases in fixture.items():
        outputs = page.evaluate(
            "([name, inputs]) => inputs.map((text) => window.LoaNormalize[name](text))",
            [NAMES[function], [case["input"] for case in cases]],
        )
        assert outputs == [case["output"] for case in cases], function
    page.close()
