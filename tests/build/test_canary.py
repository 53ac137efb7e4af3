"""Publication by allowlist: drafts, documents under review, scheduled and internal documents leave no trace."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from tests.conftest import BUILD_TIME, FIXTURES, REPO, run_loa

FIXTURE = FIXTURES / "sites" / "canary"
WITHHELD = {
    "draft": ["CANARYDRAFTTITLE", "CANARYDRAFTRECIPIENT", "CANARYDRAFTBODY", "ban-nhap"],
    "review": ["CANARYREVIEWTITLE", "CANARYREVIEWBODY", "cho-duyet"],
    "scheduled": ["CANARYSCHEDULEDTITLE", "CANARYSCHEDULEDBODY", "hen-gio"],
    "internal": ["CANARYINTERNALTITLE", "CANARYINTERNALBODY", "noi-bo"],
    "page": ["CANARYPAGEDRAFT", "trang-nhap"],
    "article": ["CANARYARTICLEDRAFT", "canaryhinhnhap", "tin-bai/nhap"],
}


def _all_text(site: Path) -> dict[str, str]:
    """Every file of the output as text (gzip files decompressed), keyed by relative path."""
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        texts[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return texts


def canary_project(tmp_path: Path) -> Path:
    """A copy of the canary fixture with the repository's registries: builds never write into the fixture."""
    root = tmp_path / "canary"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(REPO / "data", root / "data")
    return root


def _build(tmp_path: Path, *args: str) -> dict[str, str]:
    site = tmp_path / "site"
    root = canary_project(tmp_path)
    result = run_loa("build", "-f", str(root / "mkdocs.yml"), "--site-dir", str(site), *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return _all_text(site)


def _leaks(texts: dict[str, str], canaries: list[str]) -> list[tuple[str, str]]:
    # Case-insensitive: the search index holds words folded to lower case ("canarydraftbody").
    return [
        (name, c)
        for name, text in texts.items()
        for c in canaries
        if c.lower() in text.lower() or c.lower() in name.lower()
    ]


def search_text(texts: dict[str, str]) -> str:
    """Every file of the search index, as one text."""
    return "\n".join(text for name, text in texts.items() if name.startswith("search/"))


def test_public_build_contains_no_withheld_document(tmp_path):
    texts = _build(tmp_path, "--at", BUILD_TIME)
    assert {"index.html", "404.html", "sitemap.xml", "search/index.js"} <= texts.keys()
    assert "CANARYPUBLIC" in search_text(texts) and "canarypublic" in search_text(texts)
    assert "CANARYPUBLIC" in texts["plans/2022/cong-khai/index.html"]
    assert _leaks(texts, [c for group in WITHHELD.values() for c in group]) == []
    assert "images/cong-khai.png" in texts, "the public article's cover is published"
    assert texts["feeds/tat-ca.rss"].count("<enclosure") >= 1
    # Every withheld document cites 85-KH/TU too: the registry page lists only the public one.
    assert "cong-khai" in texts["tham-chieu/85-kh-tu-2021/index.html"]


def test_scheduled_document_appears_once_its_time_has_come(tmp_path):
    texts = _build(tmp_path, "--at", "2030-01-01T08:00:00+07:00")
    assert "CANARYSCHEDULEDBODY" in texts["plans/2022/hen-gio/index.html"]
    assert "CANARYSCHEDULEDTITLE" in search_text(texts)
    assert "hen-gio" in texts["sitemap.xml"]
    assert _leaks(texts, WITHHELD["draft"] + WITHHELD["internal"] + WITHHELD["review"]) == []


@pytest.mark.parametrize("at", ["2030-01-01T07:59:59+07:00", "2030-01-01T00:59:59+00:00"])
def test_scheduled_document_is_withheld_until_the_exact_minute(tmp_path, at):
    assert _leaks(_build(tmp_path, "--at", at), WITHHELD["scheduled"]) == []


def test_internal_build_adds_internal_documents_only(tmp_path):
    texts = _build(tmp_path, "--at", BUILD_TIME, "--target", "internal")
    assert "CANARYINTERNALBODY" in texts["plans/2022/noi-bo/index.html"]
    assert (
        _leaks(texts, WITHHELD["draft"] + WITHHELD["scheduled"] + WITHHELD["review"] + WITHHELD["page"]) == []
    )
