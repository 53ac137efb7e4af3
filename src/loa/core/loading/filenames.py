"""File names that become addresses: one slug rule, paths the build owns, names that would share an address.

Every folder and file under a content root becomes part of an address, so its name must already be one: lower case
ASCII letters, digits and single hyphens (the slug `loa new` gives), plus one lower-case extension. A name in NFD
(as macOS writes it), with spaces, capitals, ``#``, ``?``, ``%`` or diacritics is refused with the clean name to
use instead (``file.name``), never silently rewritten. Two names that clean to the same address are refused
together (``file.name-conflict``): neither would be the one readers reach.

No editor file may take a path that the theme or Loa writes (``file.reserved-path``): the theme's and Loa's
assets, the search index, the feeds, the nginx includes, the 404 page, the sitemap, robots.txt, the generated
pages and the revision pages under every document.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Collection

from loa.core.model.document import url_of
from loa.core.routing.routes import RESERVED_ROOTS
from loa.core.text.normalize import slugify

__all__ = [
    "RESERVED_FILES",
    "RESERVED_ROOTS",
    "check_names",
    "clean_name",
    "clean_path",
    "folder_problem",
    "is_clean",
    "reserved_reason",
]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_EXTENSION = re.compile(r"[a-z0-9]+")
RESERVED_FILES = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt", "index.html"})
"""Files at the root of the site that MkDocs, the theme or Loa write."""
_RESERVED_SEGMENT = re.compile(r"phien-ban|trang-\d+")


def is_clean(name: str, *, folder: bool = False) -> bool:
    """Whether a folder or file name is already an address (``ke-hoach-85.md``, ``2021``, ``anh-1.jpg``)."""
    if folder:
        return bool(_SLUG.fullmatch(name))
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return bool(_SLUG.fullmatch(name))
    return bool(_SLUG.fullmatch(stem) and _EXTENSION.fullmatch(ext))


def clean_name(name: str, *, folder: bool = False) -> str:
    """The name to use instead: ``Kế hoạch 85.PDF`` → ``ke-hoach-85.pdf`` ("" when nothing of it is usable)."""
    name = unicodedata.normalize("NFC", name)
    stem, dot, ext = ("", "", name) if folder else name.rpartition(".")
    if not dot or not stem:
        return slugify(name)
    slug, ext = slugify(stem), slugify(ext).replace("-", "")
    return f"{slug}.{ext}" if slug and ext else slug


def clean_path(relative: str) -> str:
    """``relative`` (POSIX, under a content root) with every part cleaned, for comparing and suggesting."""
    parts = relative.split("/")
    cleaned = [clean_name(p, folder=True) or p for p in parts[:-1]]
    return "/".join([*cleaned, clean_name(parts[-1]) or parts[-1]])


def reserved_reason(site_path: str, generated: Collection[str] = ()) -> str | None:
    """Why ``site_path`` (``assets/x.png``, ``plans/2021/a.md``) belongs to the theme or Loa, or None.

    Arguments:
        site_path: The file's path in the site.
        generated: Addresses of the pages a build generates (``danh-muc/``…), without those of the documents
            that are generated pages themselves (a topic is its own first listing page).
    """
    parts = site_path.split("/")
    if len(parts) > 1 and parts[0] in RESERVED_ROOTS:
        return f"thư mục {parts[0]}/ của trang do giao diện hoặc Loa tự ghi"
    if len(parts) == 1 and site_path in RESERVED_FILES:
        return f"tệp {site_path} do MkDocs hoặc Loa tự ghi"
    if any(_RESERVED_SEGMENT.fullmatch(p) for p in parts[:-1]) or (
        site_path.endswith(".md") and _RESERVED_SEGMENT.fullmatch(posixpath.basename(site_path)[:-3])
    ):
        return (
            "tên thư mục 'phien-ban' (trang các phiên bản) và 'trang-<số>' (các trang sau của danh sách) do Loa "
            "tự tạo"
        )
    if site_path.endswith(".md"):
        url = url_of(site_path)
        if url in generated:
            return f"địa chỉ /{url} là một trang Loa tự tạo"
    return None


def _rule(name: str) -> str:
    nfd = (
        " (tên đang viết ở dạng Unicode tổ hợp NFD, như máy Mac hay chép ra)"
        if unicodedata.normalize("NFC", name) != name
        else ""
    )
    return (
        f"tên '{unicodedata.normalize('NFC', name)}' không dùng được làm địa chỉ trang{nfd}: tên thư mục và "
        "tệp chỉ gồm chữ thường không dấu a–z, số 0–9 và dấu gạch ngang '-', đuôi tệp viết thường"
    )


def folder_problem(name: str) -> str | None:
    """Why a folder under a content root cannot be part of an address, with the name to use, or None."""
    if is_clean(name, folder=True):
        return None
    clean = clean_name(name, folder=True)
    return _rule(name) + (f"; hãy đổi tên thành '{clean}'" if clean else "")


def _clean_parts(relative: str) -> bool:
    parts = relative.split("/")
    return all(is_clean(p, folder=i < len(parts) - 1) for i, p in enumerate(parts))


def check_names(entries: list[tuple[str, str, str]], report: Callable[[str, str, str], None]) -> set[str]:
    """Check the names of the files under the content roots; return the displayed paths of the accepted ones.

    Arguments:
        entries: (project-relative path, site prefix, path under its root) of every file.
        report: Called with (project-relative path, code, message) for each refused file.
    """
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    for display, prefix, relative in entries:
        clean = _clean_parts(relative)
        groups.setdefault(prefix + (relative if clean else clean_path(relative)), []).append(
            (display, relative, clean)
        )
    accepted: set[str] = set()
    for address, members in groups.items():
        tidy = [display for display, _, clean in members if clean]
        for display, relative, _ in members:
            if len(members) == 1 or tidy == [display]:
                if display in tidy:
                    accepted.add(display)
                    continue
                parts = relative.split("/")
                name = next(p for i, p in enumerate(parts) if not is_clean(p, folder=i < len(parts) - 1))
                suggestion = display[: len(display) - len(relative)] + clean_path(relative)
                fix = (
                    f"; hãy đổi tên để đường dẫn thành '{suggestion}'"
                    if _clean_parts(clean_path(relative))
                    else "; hãy đặt lại tên bằng chữ không dấu"
                )
                report(display, "file.name", _rule(name) + fix)
                continue
            others = ", ".join(d for d, _, _ in members if d != display)
            report(
                display,
                "file.name-conflict",
                f"tệp này và {others} cùng ra một địa chỉ /{address} (tên chỉ "
                "khác nhau ở chữ hoa, chữ thường, dấu hoặc cách mã hóa Unicode): người đọc chỉ tới được một tệp; "
                "hãy xóa bản thừa hoặc đặt tên khác hẳn",
            )
    return accepted
