"""The hostile corpus layer: `pytest -m hostile` or `pytest tests/hostile`. Every build of the corpus is
submitted at once when the first hostile test needs one (a pool of HOSTILE_JOBS, default 2); the tests only judge
the results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.cases import ALL
from tests.hostile.corpus import Built, Corpus


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "hostile: the hostile corpus (issue 17): refused and neutralised inputs"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.hostile)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    running = Corpus(tmp_path_factory.mktemp("hostile"), ALL)
    yield running
    running.close()


@pytest.fixture(scope="session")
def good(corpus: Corpus) -> Built:
    return corpus.good.result()


@pytest.fixture(scope="session")
def batches(corpus: Corpus) -> dict[str, Built]:
    return {name: future.result() for name, future in corpus.batches.items()}


@pytest.fixture(scope="session")
def text_bundle(corpus: Corpus) -> Built:
    return corpus.bundle.result()
