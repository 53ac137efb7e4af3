"""The hostile corpus layer: `pytest -m hostile` or `pytest tests/hostile`. Every build of the corpus runs once
per session, a few at a time, in session fixtures; the tests only judge the results."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import browser  # noqa: F401  (Chromium from Debian's package, reused)
from tests.hostile.cases import BATCHES, BYPASS, SEPARATE, Case
from tests.hostile.corpus import Built, build_batch, build_bundle, good_site, parallel, run_bypass, run_separate
from tests.hostile.cases import ALL


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "hostile: the hostile corpus (issue 17): refused and neutralised inputs")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.hostile)


@pytest.fixture(scope="session")
def good(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return good_site(tmp_path_factory.mktemp("hostile-good"))


@pytest.fixture(scope="session")
def separate(good: Built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    work = tmp_path_factory.mktemp("hostile-separate")
    results = parallel(lambda case: run_separate(case, work, good), SEPARATE)
    return {case.id: result for case, result in zip(SEPARATE, results, strict=True)}


@pytest.fixture(scope="session")
def batches(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    work = tmp_path_factory.mktemp("hostile-batches")
    members: dict[str, list[Case]] = {name: [c for c in ALL if c.batch == name] for name in BATCHES}
    results = parallel(lambda name: build_batch(name, members[name], work), BATCHES)
    return dict(zip(BATCHES, results, strict=True))


@pytest.fixture(scope="session")
def text_bundle(batches: dict[str, Built]) -> Built:
    return build_bundle(batches["text"])


@pytest.fixture(scope="session")
def bypass(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    work = tmp_path_factory.mktemp("hostile-bypass")
    results = parallel(lambda case: run_bypass(case, work), BYPASS)
    return {case.id: result for case, result in zip(BYPASS, results, strict=True)}
