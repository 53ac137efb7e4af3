"""What a build reads and writes stays inside the project: roots that are links, aliases on the build's own files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loa.core.loading.catalog import Layout, load_catalog
from tests.conftest import REPO, plan_text, write_files


def _load(root: Path):
    return load_catalog(Layout(root, root / "content", root / "plans", root / "data"))


def _project(root: Path, files: dict[str, str | bytes]) -> Path:
    shutil.copytree(REPO / "data", root / "data")
    write_files(root, {"content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n", **files})
    return root


@pytest.mark.parametrize("root_name", ["plans", "content"])
def test_a_content_root_that_is_a_link_is_not_read(tmp_path, root_name):
    elsewhere = tmp_path / "kho-khac"
    write_files(
        elsewhere, {"2022/a.md": plan_text("BIMATNGOAIKHO\n"), "index.md": "---\nkind: index\n---\n\nx\n"}
    )
    root = _project(tmp_path / "project", {"plans/2022/b.md": plan_text(number="13-KH/TU")})
    shutil.rmtree(root / root_name)
    (root / root_name).symlink_to(elsewhere)
    catalog = _load(root)
    found = [d for d in catalog.diagnostics if d.code == "file.symlink"]
    assert [(d.path, d.line) for d in found] == [(root_name, 0)], [d.format() for d in catalog.diagnostics]
    assert "liên kết tượng trưng" in found[0].message
    assert not any("BIMATNGOAIKHO" in d.body for d in catalog.documents)


def test_a_data_folder_that_is_a_link_is_not_read(tmp_path):
    root = _project(tmp_path / "project", {"plans/2022/a.md": plan_text()})
    shutil.move(root / "data", tmp_path / "du-lieu")
    (root / "data").symlink_to(tmp_path / "du-lieu")
    catalog = _load(root)
    assert [(d.code, d.path) for d in catalog.diagnostics] == [("file.symlink", "data")]
    assert catalog.errors and catalog.documents == ()


def test_a_registry_file_that_is_a_link_is_refused(tmp_path):
    root = _project(tmp_path / "project", {"plans/2022/a.md": plan_text()})
    (root / "data" / "channels.yml").unlink()
    (root / "data" / "channels.yml").symlink_to(REPO / "data" / "channels.yml")
    catalog = _load(root)
    assert ("file.symlink", "data/channels.yml") in [(d.code, d.path) for d in catalog.diagnostics]


@pytest.mark.parametrize(
    "alias",
    ["/404.html", "/sitemap.xml/", "/robots.txt", "/assets/javascripts/a/", "/search/x/", "/feeds/tat-ca/"],
)
def test_an_alias_never_takes_a_file_the_build_writes(tmp_path, alias):
    text = plan_text(aliases=[alias])
    root = _project(tmp_path / "project", {"plans/2022/a.md": text})
    catalog = _load(root)
    found = [d for d in catalog.diagnostics if d.code == "doc.alias-conflict"]
    assert len(found) == 1, [d.format() for d in catalog.diagnostics]
    assert found[0].line == next(i for i, line in enumerate(text.split("\n"), 1) if alias in line)
    assert "tự ghi" in found[0].message
    assert [d.path for d in catalog.documents] == ["content/index.md"]
