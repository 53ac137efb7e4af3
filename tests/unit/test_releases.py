"""What `loa.core.outputs.releases` takes for its own: links of its exact shape, marked folders, empty ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from loa.core.outputs.releases import OutputRefused, check_output_folder, edition_of, output_path


def _check(final: Path, root: Path) -> None:
    check_output_folder(output_path(final), project=root / "project", sources=[root / "project" / "content"])


@pytest.mark.parametrize(
    "target",
    [
        ".site.releases/../khac",
        ".site.releases",
        "khac",
        "/usr/share",
        ".site.releases/a/b",
        ".khac.releases/a",
    ],
)
def test_a_link_is_loas_only_in_its_exact_shape(tmp_path, target):
    (tmp_path / "project" / "content").mkdir(parents=True)
    (tmp_path / "site").symlink_to(target)
    with pytest.raises(OutputRefused, match="liên kết tượng trưng không do loa tạo"):
        _check(tmp_path / "site", tmp_path)


def test_a_marker_must_have_its_fixed_first_line(tmp_path):
    (tmp_path / "project" / "content").mkdir(parents=True)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("x", encoding="utf-8")
    (site / ".loa-site").write_text("target=public\n", encoding="utf-8")
    with pytest.raises(OutputRefused, match="không có tệp đánh dấu"):
        _check(site, tmp_path)
    assert edition_of(site) is None
    (site / ".loa-site").write_text("loa-site 1\ntarget=internal\n", encoding="utf-8")
    _check(site, tmp_path)
    assert edition_of(site) == "internal"


def test_a_link_to_a_source_folder_is_refused_by_what_it_points_at(tmp_path):
    (tmp_path / "project" / "content").mkdir(parents=True)
    (tmp_path / "ra").symlink_to(tmp_path / "project" / "content")
    with pytest.raises(OutputRefused, match="nơi chứa nguồn của trang"):
        _check(tmp_path / "ra", tmp_path)
