"""The size of a configuration file once its YAML aliases expand. ``mkdocs.yml`` may use anchors and aliases (content
and data files may not, see :mod:`loa.core.safety.bounded_yaml`), so an alias bomb there is measured, from the
parser's events, without being expanded.
"""

from __future__ import annotations

import yaml

from loa.core.safety.bounded_yaml import EVENT_LOADER, LIMITS
from loa.core.safety.yaml_problems import format_count

__all__ = ["expansion_problem"]


EXPANDED_MAX = 100_000
"""Most values a configuration file (``mkdocs.yml``, where anchors are allowed) may hold once its aliases expand."""


def expansion_problem(text: str) -> str | None:
    """Why ``text``, a YAML file whose anchors and aliases are allowed, is too big once they expand, or None.

    The size of every anchored value is counted from the parser's events, aliases adding the size they stand for,
    so that an alias bomb is measured without being expanded. Syntax errors are left to the loader.
    """
    if len(text) > 10 * LIMITS["chars"]:
        return f"tệp dài {format_count(len(text))} ký tự, vượt giới hạn {format_count(10 * LIMITS['chars'])} ký tự"
    sizes: dict[str, int] = {}
    open_values: list[tuple[str | None, int]] = [(None, 0)]
    try:
        for event in yaml.parse(text, Loader=EVENT_LOADER):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.CollectionStartEvent):
                open_values.append((anchor, 1))
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, size = open_values.pop()
            elif isinstance(event, yaml.AliasEvent):
                anchor, size = None, sizes.get(str(anchor), 1)
            elif isinstance(event, yaml.ScalarEvent):
                size = 1
            else:
                continue
            if anchor is not None:
                sizes[str(anchor)] = size
            parent, total = open_values[-1]
            open_values[-1] = (parent, total + size)
            if total + size > EXPANDED_MAX:
                return (
                    f"các bí danh YAML ('*') mở rộng thành hơn {format_count(EXPANDED_MAX)} giá trị; hãy viết giá trị "
                    "trực tiếp, bỏ bớt neo ('&') và bí danh"
                )
    except yaml.YAMLError:
        return None
    return None
