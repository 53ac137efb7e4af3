"""Finding the project a command works on, from its ``mkdocs.yml``, without loading MkDocs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from loa.core.base.settings import BOUNDS, ConfigLoader, option_errors
from loa.core.loading.catalog import Layout
from loa.core.safety.yaml_expansion import expansion_problem

__all__ = ["find_layout", "read_plugin_options"]


def read_plugin_options(config_file: Path) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Return (mkdocs.yml mapping, loa plugin options), or None with a message if the file is unreadable."""
    try:
        text = config_file.read_text(encoding="utf-8")
        if problem := expansion_problem(text):
            print(f"Tệp cấu hình {config_file} không hợp lệ: {problem}", file=sys.stderr)
            return None
        config = yaml.load(text, Loader=ConfigLoader) or {}  # noqa: S506 (a SafeLoader)
    except OSError:
        print(f"Không đọc được tệp cấu hình {config_file}", file=sys.stderr)
        return None
    except yaml.YAMLError as error:
        print(f"Tệp cấu hình {config_file} không hợp lệ: {error}", file=sys.stderr)
        return None
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if not isinstance(config, dict) or not isinstance(plugins or [], list):
        print(
            f"Tệp cấu hình {config_file} không hợp lệ: cần các cặp tên: giá trị, 'plugins' là một danh sách",
            file=sys.stderr,
        )
        return None
    options: dict[str, Any] = {}
    for plugin in plugins or []:
        if isinstance(plugin, dict) and "loa" in plugin:
            options = plugin["loa"] or {}
    if not isinstance(options, dict):
        print(
            f"Tệp cấu hình {config_file}: phần 'loa' trong 'plugins' phải là các cặp tên: giá trị",
            file=sys.stderr,
        )
        return None
    errors = option_errors(options)
    for message in errors:
        print(f"Tệp cấu hình {config_file}: {message}", file=sys.stderr)
    return None if errors else (config, options)


def find_layout(config_file: Path) -> Layout | None:
    """Return the project layout described by ``config_file``."""
    found = read_plugin_options(config_file)
    if found is None:
        return None
    _, options = found
    root = config_file.resolve().parent
    return Layout(
        root=root,
        content_dir=root / options.get("content_dir", "content"),
        plans_dir=root / options.get("plans_dir", "plans"),
        data_dir=root / options.get("data_dir", "data"),
        max_file_size=options.get("max_file_size", BOUNDS["max_file_size"].default),
    )
