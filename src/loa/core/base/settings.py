"""The bounds of the numbers an operator sets for Loa in ``mkdocs.yml``, shared by the build and the CLI.

A value out of bounds is refused with a Vietnamese message rather than clamped: ``page_size: 0`` would divide by
zero, ``feed_items: -1`` would silently drop the newest item, and a ``max_file_size`` of a gigabyte would let one
file exhaust the build machine's memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

__all__ = ["BOUNDS", "FOLDERS", "Bound", "ConfigLoader", "bound_error", "bound_errors", "folder_error"]


@dataclass(frozen=True)
class Bound:
    """The accepted range of one whole-number option and what it counts."""

    low: int
    high: int
    default: int
    unit: str

    def describe(self) -> str:
        return f"từ {self.low:,} đến {self.high:,} {self.unit}".replace(",", ".")


BOUNDS: dict[str, Bound] = {
    "max_file_size": Bound(100, 10_000_000, 1_000_000, "byte"),
    "page_size": Bound(1, 1_000, 50, "văn bản mỗi trang"),
    "feed_items": Bound(1, 1_000, 50, "mục mỗi nguồn tin"),
    "latest_count": Bound(0, 100, 10, "văn bản"),
}


# Folders the options name, relative to mkdocs.yml: the build reads and serves what is in them.
FOLDERS = {"content_dir": "content", "plans_dir": "plans", "data_dir": "data"}


def folder_error(name: str, value: object) -> str | None:
    """Why ``value`` cannot be the folder option ``name``: it must stay inside the project, or None."""
    if not isinstance(value, str) or not value.strip():
        return f"'{name}' phải là tên một thư mục trong dự án (nhận được {value!r})"
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or any(ord(ch) < 32 for ch in value):
        return (
            f"'{name}' phải là một thư mục nằm trong dự án, viết tương đối so với mkdocs.yml, ví dụ "
            f"'{FOLDERS[name]}' (nhận được '{value}')"
        )
    return None


def bound_error(name: str, value: object) -> str | None:
    """Why ``value`` cannot be the option ``name`` (one of `BOUNDS`), or None when it can."""
    bound = BOUNDS[name]
    # bool is an int in Python; "true" for a count is a slip, not 1.
    if not isinstance(value, int) or isinstance(value, bool):
        return f"'{name}' phải là một số nguyên {bound.describe()} (nhận được {value!r})"
    if not bound.low <= value <= bound.high:
        return f"'{name}' phải {bound.describe()} (nhận được {value:,})".replace(",", ".")
    return None


def bound_errors(options: Mapping[str, object]) -> list[str]:
    """The message for each bounded number or folder in ``options`` that is out of bounds, in option order."""
    checks = [(name, bound_error) for name in BOUNDS] + [(name, folder_error) for name in FOLDERS]
    return [
        message
        for name, check in checks
        if name in options
        if (message := check(name, options[name])) is not None
    ]


class ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` without MkDocs: its custom tags (``!ENV``, ``!relative``) and Python tags
    (``!!python/name:…``, as themes document for slug and emoji functions) read as null, and nothing is imported."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
