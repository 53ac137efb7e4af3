"""The shipped site, built for real from a scripted history, matches its golden tree (tests/golden/shipped.py)."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from tests.golden import shipped

# The golden tree is of MkDocs + Material output; the forks job (ProperDocs + MaterialX) renders other bytes.
HAS_MKDOCS = any(d.metadata["Name"] == "mkdocs" for d in importlib.metadata.distributions())
needs_mkdocs = pytest.mark.skipif(
    not HAS_MKDOCS, reason="the golden tree is of MkDocs + Material output; this renderer is a fork"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    return shipped.build(tmp_path_factory.mktemp("shipped"))


@needs_mkdocs
@pytest.mark.parametrize("edition", list(shipped.EDITIONS))
def test_the_shipped_site_matches_its_golden_tree(built, edition):
    diff = shipped.compare(edition, built[edition])
    assert not diff, (
        f"{diff}\nIf every difference is a defect this change fixes: scripts/update-golden shipped "
        "(see tests/golden/shipped.py for how to review)"
    )


def test_the_golden_tree_holds_the_revision_page_of_the_amended_plan():
    stored, texts = shipped.load("public")
    page = shipped.AMENDED.removesuffix(".md")
    revisions = [name for name in stored if name.startswith(f"{page}/phien-ban/")]
    assert len(revisions) == 1, revisions
    assert shipped.NOTE.encode() in texts[f"{page}/index.html"]
    assert "bổ sung: các đơn vị báo cáo".encode() in texts[revisions[0]]
    assert {"feeds/tat-ca.rss", "lich/tat-ca.ics", "search/index.js", ".nginx/redirects.conf"} <= texts.keys()
    assert stored["assets/cards/trang.png"].startswith("png-") and "assets/cards/trang.png" not in texts
    assert (
        stored["assets/images/favicon.png"] == "vendor" and stored["assets/stylesheets/loa.css"] != "vendor"
    )


def test_a_changed_byte_in_one_page_is_reported_with_its_path_and_a_diff(request, tmp_path, monkeypatch):
    # The real public tree when MkDocs is here (no extra build: the module's fixture), a small one on forks.
    tree = (
        request.getfixturevalue("built")["public"]
        if HAS_MKDOCS
        else {"a/index.html": b"<p>\n1\n</p>\n", "b.png": b"\x89PNG"}
    )
    monkeypatch.setattr(shipped, "GOLDEN", tmp_path)
    shipped.save({"public": tree})
    assert shipped.compare("public", tree) == ""
    name = "index.html" if HAS_MKDOCS else "a/index.html"
    page = bytearray(tree[name])
    at = page.index(b"<title>" if HAS_MKDOCS else b"1")
    page[at + 1] ^= 0x01
    changed = {**tree, name: bytes(page)}
    report = shipped.compare("public", changed)
    assert "1 file(s) of the public edition differ" in report
    assert f"  {name} (changed)\n" in report
    assert f"--- expected/{name}\n+++ built/{name}\n" in report
    assert "\n-" in report and "\n+" in report
    missing = {k: v for k, v in tree.items() if k != name}
    assert f"  {name} (missing)" in shipped.compare("public", missing)


def test_only_what_the_installed_libraries_decide_is_normalised():
    meta = b'<meta name="generator" content="Loa, mkdocs-1.6.1, mkdocs-material-9.7.0">'
    assert (
        shipped.normalise(meta)
        == b'<meta name="generator" content="Loa, mkdocs-VERSION, mkdocs-material-VERSION">'
    )
    script = b'<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    assert shipped.normalise(script) == b'<script src="../assets/javascripts/bundle.HASH.min.js"></script>'
    own = '<link href="assets/loa/loa-search.css"><p>Kế hoạch 11-KH/TU ngày 05/01/2022, mã a5f9d56c</p>'.encode()
    assert shipped.normalise(own) == own
    assert shipped.VENDOR.match("assets/stylesheets/main.57a0d79d.min.css")
    assert not shipped.VENDOR.match("assets/stylesheets/loa.css") and not shipped.VENDOR.match(
        "assets/loa/loa.js"
    )
    assert shipped.manifest({"assets/cards/a.png": _png(1200, 630), "x.png": _png(1, 1)}) == {
        "assets/cards/a.png": "png-1200x630",
        "x.png": shipped.hashlib.sha256(_png(1, 1)).hexdigest(),
    }
    assert shipped.is_text("kenh/x/index.html") and not shipped.is_text("assets/javascripts/bundle.a.min.js")


def test_the_golden_tree_is_small():
    assert sum(p.stat().st_size for p in Path(shipped.GOLDEN).iterdir()) < 600_000


def _png(width: int, height: int) -> bytes:
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 6, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + b"IHDR" + header + b"\0\0\0\0"
