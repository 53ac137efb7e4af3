"""The route table is the only place that builds the site's addresses, and it agrees with the pages built."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import loa.core
from loa.core.loading.catalog import Layout, load_catalog, topics_by_id
from loa.core.outputs.listing import build_article_listings, build_listings
from loa.core.routing import routes
from loa.core.routing.routes import RouteTable, generated_pages
from tests.conftest import REPO

CORE = Path(loa.core.__file__).resolve().parent
ROUTES = CORE / "routing" / "routes.py"
# The first folder of every address Loa gives a generated page or output, as a string literal starts it
# ("danh-muc/…", f"lich/{…}", "feeds"): outside routes.py such a literal is an address built by hand.
ROOTS = (
    "danh-muc",
    "tin-bai",
    "kenh",
    "luu-tru",
    "chuyen-de",
    "nguon-tin",
    "tim-kiem",
    "don-vi",
    "lich",
    "feeds",
    "search",
    "tham-chieu",
    "assets/cards",
    "assets/loa",
    "phien-ban",
)
_ROOTS = "|".join(re.escape(r) for r in ROOTS)
_ADDRESS = re.compile(rf"({_ROOTS})(/|$)|trang-$|.*/index\.md$")
# Literals that are one of these words without being an address, each with its reason.
NOT_ADDRESSES = {
    (
        "text/issuer_mentions.py",
        "lich",
    ): "a Vietnamese syllable in the list of words citations never start with",
    ("outputs/search_entries.py", "tin-bai"): "the id of the search filter for articles, not a page",
    ("outputs/search_entries.py", "chuyen-de"): "the id of the search filter for topics, not a page",
    ("outputs/feeds.py", "kenh"): "the family key of channel feeds (the path comes from routes.feed_of)",
    ("outputs/feeds.py", "chuyen-de"): "the family key of topic feeds (the path comes from routes.feed_of)",
}


def _literals(source: str) -> list[tuple[int, str]]:
    """The string literals of a module that may start an address: plain strings and the text an f-string opens
    with or has between its fields; docstrings aside."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append((node.lineno, node.value))
    return found


def _addresses(name: str, source: str) -> list[str]:
    found = []
    for line, text in _literals(source):
        match = _ADDRESS.match(text)
        if match and (name, match.group(1)) not in NOT_ADDRESSES:
            found.append(f"{name}:{line}: {text!r}")
    return found


def _hand_built_addresses() -> list[str]:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        if path != ROUTES:
            found += _addresses(path.relative_to(CORE).as_posix(), path.read_text(encoding="utf-8"))
    return found


def test_no_core_module_but_the_route_table_spells_an_address():
    assert _hand_built_addresses() == []


def test_the_scan_finds_an_address_built_by_hand():
    # The check can fail: each of these is an address formatted outside the route table.
    for code in (
        'url = f"lich/{unit}.ics"',
        "url = 'tham-chieu/' + key",
        'page = base + f"trang-{number}/index.md"',
        'FEEDS = "nguon-tin/index.md"',
        'root = "search"',
    ):
        assert _addresses("outputs/x.py", code), code
    assert _addresses("routing/routes.py", ROUTES.read_text(encoding="utf-8"))
    for code in ('"""Pages under ``danh-muc/``."""', "message = \"tên thư mục 'phien-ban' do Loa tạo\""):
        assert _addresses("outputs/x.py", code) == [], code


def test_every_exception_is_still_used():
    used = set()
    for name, word in NOT_ADDRESSES:
        source = (CORE / name).read_text(encoding="utf-8")
        if re.search(rf"""["']{re.escape(word)}["'/]""", source):
            used.add((name, word))
    assert used == set(NOT_ADDRESSES)


def test_generated_pages_are_the_first_pages_of_the_listings_built():
    catalog = load_catalog(Layout(REPO, REPO / "content", REPO / "plans", REPO / "data"))
    documents = catalog.documents
    topics = topics_by_id(documents)
    size = len(documents) + 1
    overview, listings, _ = build_listings(documents, catalog.issuers, page_size=size)
    articles, _ = build_article_listings(documents, topics=topics, channel_names={}, page_size=size)
    built = {x.src_uri for x in (*listings, *articles, *([overview] if overview else []))}
    assert len(built) > 20
    pages = generated_pages(documents, topics=topics, external_ids=["abc"])
    assert pages == built | {routes.FEEDS_PAGE, routes.SEARCH_PAGE, routes.external_page("abc")}


def test_later_pages_and_outputs_have_their_fixed_addresses():
    assert routes.later_page(routes.listing_page("nam", "2022"), 2) == "danh-muc/nam/2022/trang-2/index.md"
    assert routes.feed_of("kenh", "x") == "feeds/kenh/x" and routes.all_feed() == "feeds/tat-ca"
    assert (
        routes.unit_calendar("u") == "lich/u.ics" and routes.calendar_year_page(2022) == "lich/2022/index.md"
    )
    assert routes.external_url("qd-1") == "tham-chieu/qd-1/"
    assert routes.revision_url("plans/2021/x/", "0123456789") == "plans/2021/x/phien-ban/0123456789/"


def test_the_table_keeps_the_first_kind_of_a_page():
    table = RouteTable()
    table.add("chuyen-de/a.md", "topic", "A")
    table.add("chuyen-de/a.md", "listing", "A")
    table.add(routes.SEARCH_PAGE, "search", "Tìm kiếm văn bản")
    assert table.kind("chuyen-de/a.md") == "topic"
    assert [r.url for r in table] == ["chuyen-de/a/", "tim-kiem/"]
    assert "nguon-tin/index.md" not in table and len(table) == 2
