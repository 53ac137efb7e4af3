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


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"enabled": "có"}, "enabled: 'enabled' phải là true hoặc false (nhận được 'có')"),
        ({"history": 1}, "history: 'history' phải là true hoặc false (nhận được 1)"),
        (
            {"target": "Public"},
            (
                "target: 'target' phải là một trong public, internal, preview (nhận được 'Public'). "
                "Có phải ý bạn là 'public'?"
            ),
        ),
        (
            {"build_time": "hôm qua"},
            (
                "build_time: 'build_time' phải là một thời điểm ISO 8601, ví dụ '2022-01-10T08:00:00+07:00' "
                "(nhận được 'hôm qua')"
            ),
        ),
        (
            {"xref": {"unresolved": "warning"}},
            (
                "xref: 'xref.unresolved' phải là một trong warn, info, ignore (nhận được 'warning'). "
                "Có phải ý bạn là 'warn'?"
            ),
        ),
        ({"xref": {"enabled": "no"}}, "xref: 'xref.enabled' phải là true hoặc false (nhận được 'no')"),
        (
            {"xref": ["warn"]},
            "xref: 'xref' phải là các cặp tên: giá trị (enabled, unresolved, ambiguous) (nhận được ['warn'])",
        ),
    ],
)
def test_every_option_is_checked_in_vietnamese(options, message):
    assert _errors(options) == [message]


def test_an_unknown_option_is_an_error_with_the_closest_name():
    (error,) = _errors({"page-size": 20})
    assert error.startswith(
        "page-size: Loa không có tùy chọn 'page-size'; các tùy chọn là enabled, content_dir"
    )
    assert error.endswith("Có phải ý bạn là 'page_size'?")
    (nested,) = _errors({"xref": {"ambigous": "info"}})
    assert "Loa không có tùy chọn 'xref.ambigous'" in nested and "'xref.ambiguous'?" in nested


def test_accepted_options_reach_the_build_in_their_working_form():
    import datetime as dt

    config = LoaConfig()
    # Unquoted in YAML, a time is read as a datetime: taken as the same instant, in ISO 8601 text.
    moment = dt.datetime(2022, 1, 10, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    config.load_dict({"build_time": moment, "xref": {"unresolved": "info"}, "target": "internal"})
    assert config.validate() == ([], [])
    assert config["build_time"] == "2022-01-10T08:00:00+07:00"
    assert (config["xref"].enabled, config["xref"].unresolved, config["xref"].ambiguous) == (
        True,
        "info",
        "warn",
    )
    assert config["target"] == "internal"


def test_the_cli_and_the_build_refuse_the_same_unknown_option(tmp_path, capsys, project):
    from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, run_loa

    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - loa:\n      feed_item: 20\n      target: nội bộ\n", encoding="utf-8"
    )
    assert read_plugin_options(config) is None
    err = capsys.readouterr().err
    assert "Loa không có tùy chọn 'feed_item'" in err and "Có phải ý bạn là 'feed_items'?" in err
    assert "'target' phải là một trong public, internal, preview (nhận được 'nội bộ')" in err

    root = project(mkdocs=MINIMAL_MKDOCS.replace("  - loa\n", "  - loa:\n      feed_item: 20\n"))
    result = run_loa("build", "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 1
    assert "Loa không có tùy chọn 'feed_item'" in result.stderr
    assert "Traceback" not in result.stderr
    check = run_loa("check", cwd=root)
    assert check.returncode != 0 and "Loa không có tùy chọn 'feed_item'" in check.stderr
