"""Site editions with mike: an edition is frozen on the gh-pages branch and chosen with Material's selector."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import _QuietHandler
from tests.conftest import BUILD_TIME, HOST_MODULE, MINIMAL_MKDOCS, REPO, SITE_ROOT, plan_text
from tests.unit.test_history import Repo

# mike depends on the mkdocs package and deploys with the `mkdocs` command; the forks job installs neither.
pytestmark = pytest.mark.skipif(HOST_MODULE != "mkdocs", reason="mike needs MkDocs itself (not ProperDocs)")

MKDOCS = MINIMAL_MKDOCS + "extra:\n  version:\n    provider: mike\n"


def _mike(repo: Repo, *args: str) -> None:
    # mike runs the `mkdocs` it finds on PATH: the one installed beside it.
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "LOA_BUILD_TIME": BUILD_TIME,
        "NO_MKDOCS_2_WARNING": "1",
        "GIT_AUTHOR_NAME": "Ban Tuyên giáo",
        "GIT_AUTHOR_EMAIL": "btg@example.invalid",
        "GIT_COMMITTER_NAME": "Ban Tuyên giáo",
        "GIT_COMMITTER_EMAIL": "btg@example.invalid",
    }
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mike"), *args],
        cwd=repo.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Repo, str]]:
    repo = Repo(tmp_path_factory.mktemp("editions") / "project")
    repo.commit(
        "2022-12-31T08:00:00+07:00",
        "Văn bản năm 2022",
        {
            "mkdocs.yml": MKDOCS,
            **SITE_ROOT,
            "content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n",
            "data/issuers.yml": (REPO / "data" / "issuers.yml").read_text(encoding="utf-8"),
            "data/external.yml": (REPO / "data" / "external.yml").read_text(encoding="utf-8"),
            "plans/2022/a.md": plan_text(),
        },
    )
    _mike(repo, "deploy", "2022")
    repo.commit(
        "2023-12-31T08:00:00+07:00",
        "Văn bản năm 2023",
        {
            "plans/2023/b.md": plan_text(
                number="5-KH/TU",
                title="về việc năm 2023",
                date="2023-02-01",
                publish_at="2023-02-02T08:00:00+07:00",
            )
        },
    )
    _mike(repo, "deploy", "--update-aliases", "2023", "moi-nhat")
    _mike(repo, "set-default", "moi-nhat")
    served = repo.root.parent / "gh-pages"
    repo.git("worktree", "add", "-q", str(served), "gh-pages")
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield repo, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_each_edition_is_frozen_on_the_branch(editions):
    repo, _ = editions
    versions = json.loads(repo.git("show", "gh-pages:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("2023", ["moi-nhat"]), ("2022", [])]
    files = set(repo.git("ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    assert "2022/plans/2022/a/index.html" in files and "2023/plans/2023/b/index.html" in files
    assert "2022/plans/2023/b/index.html" not in files, (
        "the 2022 edition does not change when 2023 is published"
    )


def test_the_reader_chooses_an_edition_with_the_selector(editions, browser):
    _, base = editions
    page = browser.new_page()
    try:
        page.goto(base)  # the default edition: moi-nhat → 2023
        page.wait_for_url("**/moi-nhat/**")
        page.goto(base + "2022/")
        selector = page.locator(".md-version")
        selector.wait_for(timeout=15_000)
        assert selector.locator(".md-version__current").inner_text().strip() == "2022"
        links = selector.locator(".md-version__link")
        assert [t.strip() for t in links.all_inner_texts()] == ["2023 moi-nhat", "2022"] or [
            t.split()[0] for t in links.all_inner_texts()
        ] == ["2023", "2022"]
        selector.hover()
        selector.locator(".md-version__link", has_text="2023").first.click()
        page.wait_for_url("**/2023/**")
        assert page.locator(".md-version__current").inner_text().strip() == "2023"
    finally:
        page.close()
