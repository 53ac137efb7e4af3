"""The plugin's options as MkDocs validates them, and the same bounds in the CLI that reads ``mkdocs.yml`` alone."""

from __future__ import annotations

import pytest
from mkdocs.config.base import ValidationError

from loa.cli.project import read_plugin_options
from loa.plugin.config import LoaConfig


def _errors(options: dict[str, object]) -> list[str]:
    config = LoaConfig()
    config.load_dict(options)
    failed, _ = config.validate()
    return [f"{name}: {error}" for name, error in failed]


def test_defaults_are_accepted():
    assert _errors({}) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page_size": 0}, "page_size: 'page_size' phải từ 1 đến 1.000 văn bản mỗi trang (nhận được 0)"),
        ({"feed_items": -1}, "feed_items: 'feed_items' phải từ 1 đến 1.000 mục mỗi nguồn tin (nhận được -1)"),
        ({"latest_count": 5000}, "latest_count: 'latest_count' phải từ 0 đến 100 văn bản (nhận được 5.000)"),
        (
            {"max_file_size": 10**12},
            "max_file_size: 'max_file_size' phải từ 100 đến 10.000.000 byte (nhận được 1.000.000.000.000)",
        ),
        (
            {"page_size": True},
            "page_size: 'page_size' phải là một số nguyên từ 1 đến 1.000 văn bản mỗi trang (nhận được True)",
        ),
        (
            {"feed_items": "50"},
            "feed_items: 'feed_items' phải là một số nguyên từ 1 đến 1.000 mục mỗi nguồn tin (nhận được '50')",
        ),
    ],
)
def test_out_of_bounds_values_are_refused_in_vietnamese(options, message):
    assert _errors(options) == [message]


def test_bounds_at_their_limits_are_accepted():
    assert _errors({"page_size": 1, "feed_items": 1000, "latest_count": 0, "max_file_size": 100}) == []


def test_an_option_error_is_a_validation_error():
    with pytest.raises(ValidationError, match="'page_size' phải từ 1"):
        LoaConfig.__dict__["page_size"].validate(0)


def test_the_cli_refuses_the_same_values(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - loa:\n      page_size: 0\n      feed_items: -1\n", encoding="utf-8"
    )
    assert read_plugin_options(config) is None
    err = capsys.readouterr().err
    assert "'page_size' phải từ 1 đến 1.000 văn bản mỗi trang (nhận được 0)" in err
    assert "'feed_items' phải từ 1 đến 1.000 mục mỗi nguồn tin (nhận được -1)" in err


@pytest.mark.parametrize("text", ["- một\n- hai\n", "plugins: loa\n", "plugins:\n  - loa: [1, 2]\n"])
def test_the_cli_refuses_a_malformed_configuration(tmp_path, capsys, text):
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert read_plugin_options(config) is None
    err = capsys.readouterr().err
    assert f"Tệp cấu hình {config}" in err and ("không hợp lệ" in err or "phải là các cặp" in err), err


def test_a_build_with_an_unbounded_option_fails_without_a_traceback(project):
    from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, run_loa

    root = project(mkdocs=MINIMAL_MKDOCS.replace("  - loa\n", "  - loa:\n      page_size: 0\n"))
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 1
    assert "'page_size' phải từ 1 đến 1.000 văn bản mỗi trang (nhận được 0)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("value", "shown"),
    [("/etc", "'/etc'"), ("../kho-khac", "'../kho-khac'"), ("plans/../../x", "'plans/../../x'"), ("", "''")],
)
def test_folders_must_stay_inside_the_project(value, shown):
    (error,) = _errors({"plans_dir": value})
    assert error.startswith("plans_dir: 'plans_dir' phải"), error
    assert shown in error


def test_the_cli_refuses_a_folder_outside_the_project(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - loa:\n      data_dir: /etc\n", encoding="utf-8")
    assert read_plugin_options(config) is None
    assert "'data_dir' phải là một thư mục nằm trong dự án" in capsys.readouterr().err


def test_the_cli_reads_a_configuration_with_python_tags(tmp_path):
    # Themes document `!!python/name:` for slug and emoji functions; Loa's own readers must not choke on it.
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:os.system\n"
        "site_url: !ENV [LOA_SITE_URL, 'https://x.vn/']\nplugins:\n  - loa:\n      page_size: 20\n",
        encoding="utf-8",
    )
    found = read_plugin_options(config)
    assert found is not None
    mapping, options = found
    assert options == {"page_size": 20}
    assert mapping["markdown_extensions"][0]["toc"]["slugify"] is None  # read as null, nothing imported
