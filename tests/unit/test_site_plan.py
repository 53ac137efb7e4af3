"""The site plan runs without MkDocs, lays out every page on the route table with a kind it knows, and the
MkDocs plugin only forwards to it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import loa.core
from loa.core.loading.catalog import Layout
from loa.core.routing import routes
from loa.core.selection.publication import parse_build_time
from loa.core.site.kinds import KINDS
from loa.core.site.options import BuildOptions, SiteError
from loa.core.site.plan import SitePlan
from tests.conftest import BUILD_TIME, REPO, plan_text

PLUGIN = Path(loa.core.__file__).resolve().parents[1] / "plugin"  # read, never imported: a unit test


class _Log:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []

    def error(self, msg: str) -> None:
        self.lines.append(("error", msg))

    def warning(self, msg: str) -> None:
        self.lines.append(("warning", msg))

    def info(self, msg: str) -> None:
        self.lines.append(("info", msg))


def _plan(root: Path, site: Path) -> tuple[SitePlan, _Log]:
    options = BuildOptions(
        Layout(root, root / "content", root / "plans", root / "data"),
        "public",
        parse_build_time(BUILD_TIME),
        site,
        "https://loa.example/",
        "Loa",
    )
    log = _Log()
    return SitePlan(options, log), log


def test_the_shipped_site_is_laid_out_without_mkdocs(tmp_path):
    plan, _ = _plan(REPO, tmp_path / "site")
    try:
        plan.load()
    finally:
        plan.abandon()
    kinds = {route.kind for route in plan.routes}
    assert kinds <= set(KINDS)
    assert {"plan", "article", "topic", "home", "listing", "agenda", "feeds-page", "search-page"} <= kinds
    sources = [src_uri for src_uri, _ in plan.files]
    assert len(sources) == len(set(sources))
    assert {route.src_uri for route in plan.routes} <= set(sources)
    assert plan.routes.kind(routes.HOME_PAGE) == "home"
    assert plan.routes.kind(routes.LISTINGS_PAGE) == "listing"
    for route in plan.routes.of_kind("listing", "agenda", "feeds-page", "search-page", "external"):
        assert route.title and KINDS[route.kind].title is not None, route
    for document in plan.documents.values():
        route = plan.routes.get(document.src_uri)
        assert route is not None and route.url == document.url
        assert route.title == (document.full_title if document.title else None)
    assert plan.routes.get(routes.SEARCH_PAGE).title == "Tìm kiếm văn bản"  # type: ignore[union-attr]
    # The search child process was stopped: a second abandon has nothing left to stop.
    assert plan.search is None and plan.revisions is None


def test_a_content_error_stops_the_plan_with_every_diagnostic_logged(tmp_path):
    root = tmp_path / "project"
    (root / "plans" / "2022").mkdir(parents=True)
    (root / "content").mkdir()
    (root / "data").mkdir()
    for name in ("issuers.yml", "external.yml"):
        (root / "data" / name).write_text(
            (REPO / "data" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    (root / "plans/2022/a.md").write_text(plan_text(issuer="khong-co-don-vi-nay"), encoding="utf-8")
    plan, log = _plan(root, tmp_path / "site")
    with pytest.raises(SiteError, match="lỗi trong nội dung; không dựng trang"):
        plan.load()
    assert any(level == "error" and "plans/2022/a.md" in line for level, line in log.lines)
    assert plan.search is None  # nothing started before the sources were valid


# What the plugin may take from the core: the plan, its options, and how MkDocs' configuration maps to them.
ADAPTER_IMPORTS = {
    "loa.core.site.plan",
    "loa.core.site.options",
    "loa.core.loading.catalog",
    "loa.core.selection.publication",
}


def test_the_plugin_only_forwards_to_the_plan():
    for path in sorted(PLUGIN.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("loa.core")
        }
        allowed = ADAPTER_IMPORTS | ({"loa.core.base.settings"} if path.name == "config.py" else set())
        assert imported <= allowed, f"{path.name} imports {sorted(imported - allowed)}"


def test_the_writer_keeps_every_file_inside_the_site(tmp_path):
    from loa.core.base.writer import SiteWriter

    site = tmp_path / "site"
    writer = SiteWriter(site)
    writer.write_text("plans/2021/x/x.html", "một")
    writer.write_bytes("feeds/tat-ca.rss.gz", b"\x1f\x8b")
    assert (site / "plans/2021/x/x.html").read_text(encoding="utf-8") == "một"
    for escape in ("../ngoai.html", "/etc/passwd", "plans/../../ngoai.html", ""):
        with pytest.raises(ValueError, match="not a path inside the site"):
            writer.write_text(escape, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
