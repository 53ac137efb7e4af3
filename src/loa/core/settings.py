"""The bounds of the numbers an operator sets for Loa in ``mkdocs.yml``, shared by the build and the CLI.

A value out of bounds is refused with a Vietnamese message rather than clamped: ``page_size: 0`` would divide by
zero, ``feed_items: -1`` would silently drop the newest item, and a ``max_file_size`` of a gigabyte would let one
file exhaust the build machine's memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["BOUNDS", "Bound", "bound_error", "bound_errors"]


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
    """The message for each bounded option in ``options`` that is out of bounds, in option order."""
    return [message for name in BOUNDS if name in options
            if (message := bound_error(name, options[name])) is not None]
