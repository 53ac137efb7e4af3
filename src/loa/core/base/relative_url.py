"""The one way to link from one page of the built site to another: a relative URL between two site paths.

Relative links keep a site working when it is served from a sub-path or opened from a copied folder, so every
page, fragment and revision page links this way.
"""

from __future__ import annotations

import posixpath

__all__ = ["relative_url"]


def relative_url(target: str, page: str) -> str:
    """Return the address of ``target`` as written on ``page``; both are site paths (``plans/2022/x/``).

    A leading slash is ignored and ``..`` is resolved, never above the site root. The page is a folder
    (``a/b/`` and ``a/b`` are the same page) unless its last part has a dot (``a/index.html`` is in ``a``).
    The result ends with ``/`` when the target does, and is ``.`` (or ``./``) for the page's own folder.
    A fragment is kept; a fragment on the page itself is just ``#fragment``.

    Examples:
        >>> relative_url("plans/2022/y/", "plans/2021/x/")
        '../../2022/y/'
        >>> relative_url("assets/loa/loa.css", "")
        'assets/loa/loa.css'
        >>> relative_url("a/#muc-1", "a/")
        '#muc-1'
    """
    path, hash_mark, fragment = target.partition("#")
    folder = page.rpartition("/")[0] if "." in page.rpartition("/")[2] else page
    here, there = _parts(folder), _parts(path)
    common = 0
    for mine, theirs in zip(here, there, strict=False):
        if mine != theirs:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    if hash_mark and (not path or relative == "."):
        return hash_mark + fragment
    return relative + ("/" if path.endswith("/") else "") + hash_mark + fragment


def _parts(path: str) -> list[str]:
    normal = posixpath.normpath("/" + path).lstrip("/")
    return normal.split("/") if normal else []
