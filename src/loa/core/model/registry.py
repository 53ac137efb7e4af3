"""Registries kept as YAML data: issuing bodies and units (``data/issuers.yml``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loa.core.base.bounds import YEAR_MAX, YEAR_MIN, not_scalar, year_problem
from loa.core.base.diagnostics import Diagnostics, suggest
from loa.core.safety.bounded_yaml import read_data_file
from loa.core.safety.frontmatter import load_yaml
from loa.core.safety.trust import url_problem

__all__ = [
    "DEFAULT_EDITOR",
    "ISSUER_LEVELS",
    "PLATFORMS",
    "SYSTEMS",
    "Channel",
    "Issuer",
    "check_url",
    "load_channels",
    "load_editors",
    "load_issuers",
]

ISSUER_LEVELS = ("trung-uong", "tinh", "huyen", "xa", "co-so")
PLATFORMS = ("website", "facebook", "zalo", "youtube", "tiktok")
_CHANNEL_KEYS = ("name", "platform", "owner", "url")
_ISSUER_KEYS = (
    "name",
    "short_name",
    "level",
    "valid_from",
    "valid_until",
    "successor",
    "aliases",
    "symbols",
    "header",
    "system",
)
SYSTEMS = ("dang", "nha-nuoc")
"""Whose rules a body's documents follow on paper: the Party's (header "ĐẢNG CỘNG SẢN VIỆT NAM") or the State's
(Nghị định 30/2020/NĐ-CP: the national motto)."""


@dataclass(frozen=True)
class Issuer:
    """An issuing body or unit (cơ quan ban hành, đơn vị).

    Attributes:
        id: Registry key, used in front matter.
        name: Full name, e.g. ``Thị ủy Sa Pa``.
        short_name: Short name used inside the body's own documents, e.g. ``Thị ủy``.
        level: Administrative level: trung-uong, tinh, huyen, xa or co-so.
        valid_from: First day the body existed, if known.
        valid_until: Last day the body existed, if it has ceased to exist.
        successor: Id of the body that took over its work.
        aliases: Other names used in running text.
        symbols: Issuer codes in its document numbers (``TU``, ``TW``).
        header: The lines of the body's name in the header of its documents, top to bottom (``ĐẢNG BỘ TỈNH LÀO
            CAI``, ``THỊ ỦY SA PA``); by default its name in capitals.
        system: `SYSTEMS`: ``dang`` (a Party body, the default) or ``nha-nuoc`` (a State body).
    """

    id: str
    name: str
    short_name: str | None
    level: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    successor: str | None = None
    aliases: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    system: str = "dang"

    @property
    def header_lines(self) -> tuple[str, ...]:
        """The lines of the body's name in a document's header, as printed (its name in capitals by default)."""
        return self.header or (self.name.upper(),)

    @property
    def names(self) -> tuple[str, ...]:
        """The full name, the short name and the aliases."""
        return (self.name, *([self.short_name] if self.short_name else []), *self.aliases)

    @property
    def ended_on(self) -> dt.date | None:
        """The first day the body no longer existed."""
        return self.valid_until + dt.timedelta(days=1) if self.valid_until else None

    def active_on(self, day: dt.date) -> bool:
        """Whether the body existed on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


def load_issuers(path: Path, display_path: str, diagnostics: Diagnostics) -> dict[str, Issuer]:
    """Load and check the registry of issuing bodies.

    Arguments:
        path: The YAML file.
        display_path: Project-relative path, for diagnostics.
        diagnostics: Where problems are recorded.

    Returns:
        Issuers keyed by id; entries with errors are left out.
    """
    if not path.is_file():
        diagnostics.add(
            display_path, 0, "registry.missing", f"không tìm thấy danh mục cơ quan ban hành {display_path}"
        )
        return {}
    text = read_data_file(path, display_path, diagnostics)
    data, lines = load_yaml(text, display_path, diagnostics) if text is not None else (None, {})
    issuers: dict[str, Issuer] = {}
    for key, entry in (data or {}).items():
        issuer = _parse_issuer(str(key), entry, lines, display_path, diagnostics)
        if issuer:
            issuers[issuer.id] = issuer
    for issuer in issuers.values():
        if issuer.successor and issuer.successor not in issuers:
            diagnostics.add(
                display_path,
                lines.get(f"{issuer.id}.successor", 0),
                "registry.successor",
                f"'{issuer.id}': cơ quan kế thừa '{issuer.successor}' không có trong danh mục."
                f"{suggest(issuer.successor, sorted(issuers))}",
            )
    return issuers


def _parse_issuer(
    key: str, entry: Any, lines: dict[str, int], path: str, diagnostics: Diagnostics
) -> Issuer | None:
    line = lines.get(key, 0)
    if not isinstance(entry, dict):
        diagnostics.add(
            path, line, "registry.entry", f"'{key}' phải gồm các trường {', '.join(_ISSUER_KEYS)}"
        )
        return None
    ok = True
    for field in not_scalar(entry, lists=("aliases", "symbols", "header")):
        diagnostics.add(
            path,
            lines.get(f"{key}.{field}", line),
            "registry.type",
            f"'{key}': '{field}' phải là một giá trị đơn (chuỗi, số), không phải nhóm trường",
        )
        return None
    for field in entry:
        if field not in _ISSUER_KEYS:
            ok = False
            diagnostics.add(
                path,
                lines.get(f"{key}.{field}", line),
                "registry.unknown-key",
                f"'{key}': trường '{field}' không hợp lệ.{suggest(str(field), _ISSUER_KEYS)}",
            )
    if not entry.get("name"):
        ok = False
        diagnostics.add(
            path, line, "registry.required", f"'{key}': thiếu trường bắt buộc 'name' (tên đầy đủ)"
        )
    level = entry.get("level")
    if level not in ISSUER_LEVELS:
        ok = False
        diagnostics.add(
            path,
            lines.get(f"{key}.level", line),
            "registry.level",
            f"'{key}': 'level' phải là một trong {', '.join(ISSUER_LEVELS)} (nhận được '{level}')",
        )
    dates: dict[str, dt.date | None] = {}
    for field in ("valid_from", "valid_until"):
        value = entry.get(field)
        try:
            dates[field] = dt.date.fromisoformat(str(value)) if value is not None else None
            if (found := dates[field]) is not None and year_problem(found.year):
                raise ValueError(found)
        except ValueError:
            ok = False
            diagnostics.add(
                path,
                lines.get(f"{key}.{field}", line),
                "registry.date",
                f"'{key}': '{field}' phải là ngày dạng YYYY-MM-DD, năm từ {YEAR_MIN} đến {YEAR_MAX} "
                f"(nhận được '{value}')",
            )
    if not ok:
        return None
    short = entry.get("short_name")
    successor = entry.get("successor")
    lists = {}
    system = entry.get("system", "dang")
    if system not in SYSTEMS:
        diagnostics.add(
            path,
            lines.get(f"{key}.system", line),
            "registry.system",
            f"'{key}': 'system' phải là dang (cơ quan Đảng) hoặc nha-nuoc (cơ quan Nhà nước) (nhận được '{system}')",
        )
        return None
    for field in ("aliases", "symbols", "header"):
        value = entry.get(field) or []
        if not isinstance(value, list):
            diagnostics.add(
                path,
                lines.get(f"{key}.{field}", line),
                "registry.type",
                f"'{key}': '{field}' phải là một danh sách",
            )
            return None
        lists[field] = tuple(str(v) for v in value)
    return Issuer(
        key,
        str(entry["name"]),
        str(short) if short else None,
        str(level),
        dates["valid_from"],
        dates["valid_until"],
        str(successor) if successor else None,
        lists["aliases"],
        lists["symbols"],
        lists["header"],
        str(system),
    )


@dataclass(frozen=True)
class Channel:
    """A channel that publishes the site's content (the portal, a fanpage, a Zalo OA).

    Attributes:
        id: Registry key, used in front matter (``channels:``).
        name: Display name.
        platform: website, facebook, zalo, youtube or tiktok.
        owner: Issuer id of the unit that runs it, if known.
        url: Its address, if known.
    """

    id: str
    name: str
    platform: str
    owner: str | None = None
    url: str | None = None


def load_channels(
    path: Path, display_path: str, issuers: dict[str, Issuer], diagnostics: Diagnostics
) -> dict[str, Channel]:
    """Load and check the registry of channels (a missing file means no channels)."""
    if not path.is_file():
        return {}
    text = read_data_file(path, display_path, diagnostics)
    data, lines = load_yaml(text, display_path, diagnostics) if text is not None else (None, {})
    channels: dict[str, Channel] = {}
    for key, entry in (data or {}).items():
        line = lines.get(str(key), 0)
        if not isinstance(entry, dict) or not entry.get("name") or not_scalar(entry):
            diagnostics.add(
                display_path,
                line,
                "registry.entry",
                f"'{key}' phải có ít nhất 'name' và 'platform', mỗi trường một giá trị đơn",
            )
            continue
        problems = [
            f"trường '{f}' không hợp lệ.{suggest(str(f), _CHANNEL_KEYS)}"
            for f in entry
            if f not in _CHANNEL_KEYS
        ]
        if entry.get("platform") not in PLATFORMS:
            problems.append(
                f"'platform' phải là một trong {', '.join(PLATFORMS)} (nhận được '{entry.get('platform')}')"
            )
        owner = entry.get("owner")
        if owner and owner not in issuers:
            problems.append(
                f"đơn vị '{owner}' không có trong data/issuers.yml.{suggest(str(owner), sorted(issuers))}"
            )
        for problem in problems:
            diagnostics.add(display_path, line, "registry.channel", f"kênh '{key}': {problem}")
        url = entry.get("url")
        if url is not None and not check_url(
            url, display_path, lines.get(f"{key}.url", line), f"kênh '{key}'", diagnostics
        ):
            continue
        if not problems:
            channels[str(key)] = Channel(
                str(key),
                str(entry["name"]),
                str(entry["platform"]),
                str(owner) if owner else None,
                entry.get("url"),
            )
    return channels


def check_url(value: object, path: str, line: int, owner: str, diagnostics: Diagnostics) -> bool:
    """Check an address from a data file (`loa.core.safety.trust.url_problem`); report it with file, line and field."""
    problem = url_problem(value)
    if problem is None:
        return True
    shown = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in str(value))[:120]
    diagnostics.add(
        path,
        line,
        "registry.url",
        f"{owner}: 'url' '{shown}' không hợp lệ: {problem}. Chỉ chấp nhận "
        "địa chỉ https:// hoặc http:// đầy đủ, hoặc đường dẫn trong trang bắt đầu bằng '/'",
        field="url",
    )
    return False


DEFAULT_EDITOR = "Ban biên tập"
"""Who a public revision is shown as updated by when its author's address is not in ``data/editors.yml``."""

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_EDITOR_NAME_MAX = 120


def load_editors(path: Path, display_path: str, diagnostics: Diagnostics) -> dict[str, str]:
    """Load the names the history shows for the people who commit: e-mail address (as git records it) → name.

    The history never shows git identities: an address listed here is shown by its name (a person or a unit,
    as the editors decide), any other as `DEFAULT_EDITOR`. A missing file means no names.
    """
    if not path.is_file():
        return {}
    text = read_data_file(path, display_path, diagnostics)
    data, lines = load_yaml(text, display_path, diagnostics) if text is not None else (None, {})
    editors: dict[str, str] = {}
    for key, name in (data or {}).items():
        line = lines.get(str(key), 0)
        if not isinstance(key, str) or not _EMAIL.fullmatch(key):
            diagnostics.add(
                display_path,
                line,
                "registry.editor-email",
                f"'{key}' phải là địa chỉ email người cập nhật như git ghi (ví dụ bientap@sapa.example)",
            )
        elif not isinstance(name, str) or not name.strip() or len(name) > _EDITOR_NAME_MAX:
            diagnostics.add(
                display_path,
                line,
                "registry.editor-name",
                f"'{key}': tên hiển thị phải là một chuỗi từ 1 đến {_EDITOR_NAME_MAX} ký tự (nhận được {name!r})",
            )
        else:
            editors[key.casefold()] = name.strip()
    return editors
