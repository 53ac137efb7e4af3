"""The options an operator sets for Loa in ``mkdocs.yml``, their types and bounds, shared by the build and the CLI.

Every option is checked here, with a Vietnamese message naming the option, what it must be and what was given; the
MkDocs plugin's options and ``loa check``/``loa build`` call the same checks, so they agree. A name Loa does not
know is an error (with the closest known name), not a warning lost in the log: ``page-size: 20`` would otherwise
be silently ignored.

A value out of bounds is refused with a Vietnamese message rather than clamped: ``page_size: 0`` would divide by
zero, ``feed_items: -1`` would silently drop the newest item, and a ``max_file_size`` of a gigabyte would let one
file exhaust the build machine's memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

from loa.core.base.diagnostics import suggest

__all__ = [
    "BOUNDS",
    "CHOICES",
    "FLAGS",
    "FOLDERS",
    "OPTIONS",
    "XREF_LEVELS",
    "Bound",
    "ConfigLoader",
    "XrefSettings",
    "bound_error",
    "folder_error",
    "option_error",
    "option_errors",
    "option_value",
    "xref_settings",
]


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


FLAGS = {"enabled": True, "history": True}
"""Options that are true or false, with their defaults."""

CHOICES = {"target": (("public", "internal", "preview"), "public")}
"""Options that take one of a few words: the words, then the default."""

XREF_LEVELS = ("warn", "info", "ignore")
"""How a kind of citation problem is reported: a warning (fails ``--strict``), a note, or not at all."""

_XREF_OPTIONS = {"enabled": None, "unresolved": XREF_LEVELS, "ambiguous": XREF_LEVELS}

OPTIONS = ("enabled", *FOLDERS, "target", "build_time", *BOUNDS, "history", "xref")
"""Every option of the ``loa`` plugin, in the order the documentation lists them."""


@dataclass(frozen=True)
class XrefSettings:
    """The ``xref`` options: whether citations are linked, and how their problems are reported."""

    enabled: bool = True
    unresolved: str = "warn"
    ambiguous: str = "warn"

    @property
    def levels(self) -> dict[str, str]:
        """The reporting level of each citation diagnostic code."""
        return {"xref.unresolved": self.unresolved, "xref.ambiguous": self.ambiguous}


def _flag_error(name: str, value: object) -> str | None:
    if isinstance(value, bool):
        return None
    return f"'{name}' phải là true hoặc false (nhận được {value!r})"


def _choice_error(name: str, value: object, choices: tuple[str, ...]) -> str | None:
    if isinstance(value, str) and value in choices:
        return None
    hint = suggest(value, choices) if isinstance(value, str) else ""
    message = f"'{name}' phải là một trong {', '.join(choices)} (nhận được {value!r})"
    return message + ("." + hint if hint else "")


def _build_time_error(value: object) -> str | None:
    if value is None or isinstance(value, dt.datetime):
        return None
    if isinstance(value, str):
        try:
            dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return None
    return f"'build_time' phải là một thời điểm ISO 8601, ví dụ '2022-01-10T08:00:00+07:00' (nhận được {value!r})"


def _xref_error(value: object) -> str | None:
    if value is None:  # "xref:" with nothing under it
        return None
    if not isinstance(value, Mapping):
        return f"'xref' phải là các cặp tên: giá trị ({', '.join(_XREF_OPTIONS)}) (nhận được {value!r})"
    for key, item in value.items():
        if key not in _XREF_OPTIONS:
            return _unknown(f"xref.{key}", [f"xref.{name}" for name in _XREF_OPTIONS])
        choices = _XREF_OPTIONS[key]
        problem = (
            _flag_error(f"xref.{key}", item)
            if choices is None
            else _choice_error(f"xref.{key}", item, choices)
        )
        if problem:
            return problem
    return None


def _unknown(name: str, known: list[str]) -> str:
    hint = suggest(str(name), known)
    return f"Loa không có tùy chọn '{name}'; các tùy chọn là {', '.join(known)}" + (
        "." + hint if hint else ""
    )


def option_error(name: str, value: object) -> str | None:
    """Why ``value`` cannot be the ``loa`` option ``name``, or None when it can (an unknown ``name`` is an error)."""
    if name in BOUNDS:
        return bound_error(name, value)
    if name in FOLDERS:
        return folder_error(name, value)
    if name in FLAGS:
        return _flag_error(name, value)
    if name in CHOICES:
        return _choice_error(name, value, CHOICES[name][0])
    if name == "build_time":
        return _build_time_error(value)
    if name == "xref":
        return _xref_error(value)
    return _unknown(name, list(OPTIONS))


def option_errors(options: Mapping[str, object]) -> list[str]:
    """The message for each option in ``options`` that Loa does not know or cannot take, in the order given."""
    return [
        message for name, value in options.items() if (message := option_error(str(name), value)) is not None
    ]


def option_value(name: str, value: object) -> object:
    """An accepted option in the form the build uses: a time YAML read as a datetime back to ISO 8601 text."""
    if name == "build_time" and isinstance(value, dt.datetime):
        return value.isoformat()
    if name == "xref":
        return xref_settings(value)
    return value


def xref_settings(value: object) -> XrefSettings:
    """The ``xref`` options of an accepted value (missing ones take their defaults)."""
    return XrefSettings(**dict(value)) if isinstance(value, Mapping) else XrefSettings()


class ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` without MkDocs: its custom tags (``!ENV``, ``!relative``) and Python tags
    (``!!python/name:…``, as themes document for slug and emoji functions) read as null, and nothing is imported."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
