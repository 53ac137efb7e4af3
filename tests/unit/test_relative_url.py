"""The one relative-URL function: every page, fragment and revision page links through it."""

from __future__ import annotations

import pytest

from loa.core.base.relative_url import relative_url


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        # same page, with and without trailing slashes
        ("plans/2021/x/", "plans/2021/x/", "./"),
        ("plans/2021/x", "plans/2021/x/", "."),
        ("plans/2021/x/", "plans/2021/x", "./"),
        # siblings, children, parents
        ("plans/2022/y/", "plans/2021/x/", "../../2022/y/"),
        ("plans/2021/x/lich-su/", "plans/2021/x/", "lich-su/"),
        ("plans/", "plans/2021/x/", "../../"),
        # files keep no trailing slash
        ("lich/tat-ca.ics", "don-vi/ubnd/", "../../lich/tat-ca.ics"),
        ("assets/loa/loa.css", "", "assets/loa/loa.css"),
        # a page whose last part has a dot is a file: its folder is the base
        ("a/b/", "a/index.html", "b/"),
        ("a/index.html", "a/", "index.html"),
        ("c/", "a/x.ics", "../c/"),
        # the root, as a target and as the page
        ("", "a/b/", "../.."),
        (".", "a/b/", "../.."),
        ("/", "a/b/", "../../"),
        ("", "", "."),
        ("a/", "/", "a/"),
        ("/a/", "/b/", "../a/"),
        # anchors: kept after the path; on the page itself only the fragment remains
        ("plans/2021/x/#nv-1", "don-vi/ubnd/", "../../plans/2021/x/#nv-1"),
        ("plans/2021/x/#nv-1", "plans/2021/x/", "#nv-1"),
        ("#muc-1", "plans/2021/x/", "#muc-1"),
        # ".." is resolved, never above the root
        ("a/../b/", "c/", "../b/"),
        ("../../b/", "", "b/"),
    ],
)
def test_relative_url(target: str, page: str, expected: str) -> None:
    assert relative_url(target, page) == expected
