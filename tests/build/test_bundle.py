"""The offline bundle and the single-file documents: reproducible, public only, links that work from file://."""

from __future__ import annotations

import zipfile

from loa.core.outputs.bundle import absolute_links, inline_images, offline_links
from tests.build.test_canary import WITHHELD, _leaks, canary_project
from tests.conftest import BUILD_TIME, REPO, run_loa


def _bundle(tmp_path, config, name):
    out = tmp_path / name
    result = run_loa("bundle", "-f", str(config), "-o", str(out), "--at", BUILD_TIME, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return out


def _texts(path):
    with zipfile.ZipFile(path) as archive:
        return {
            info.filename: archive.read(info).decode("utf-8", errors="replace") for info in archive.infolist()
        }


def test_two_bundles_are_byte_identical_and_sorted(tmp_path):
    first = _bundle(tmp_path, REPO / "mkdocs.yml", "a.zip")
    second = _bundle(tmp_path, REPO / "mkdocs.yml", "b.zip")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names == sorted(names) and "trang/index.html" in names and "trang/search/index.js" in names
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 22, 12, 0, 0)}
    texts = _texts(first)
    home = texts["trang/index.html"]
    assert 'href="danh-muc/index.html"' in home and 'href="danh-muc/"' not in home
    assert not list(tmp_path.glob(".loa-bundle-*")), "the temporary build is removed"


def test_bundle_holds_no_withheld_document(tmp_path):
    texts = _texts(_bundle(tmp_path, canary_project(tmp_path) / "mkdocs.yml", "canary.zip"))
    assert any("CANARYPUBLIC" in text for text in texts.values())
    assert _leaks(texts, [c for group in WITHHELD.values() for c in group]) == []


def test_single_file_document_next_to_each_page(sapa_site):
    folder = sapa_site / "plans/2021/ke-hoach-tuyen-truyen-sau-dai-hoi-xiii"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="ke-hoach-tuyen-truyen-sau-dai-hoi-xiii.html" download' in page
    single = (folder / "ke-hoach-tuyen-truyen-sau-dai-hoi-xiii.html").read_text(encoding="utf-8")
    assert single.startswith("<!doctype html>") and "<style>" in single and 'rel="stylesheet"' not in single
    assert "<script" not in single
    assert "Thào A Sinh" in single and "I. MỤC ĐÍCH, YÊU CẦU" in single
    assert 'href="https://sapa.loa.example/tham-chieu/42-kh-tu-2021/"' in single, "links point at the portal"
    assert len(single.encode()) < 120_000


def test_link_rewriting_rules():
    assert offline_links('<a href="x/">') == '<a href="x/index.html">'
    assert offline_links('<a href="..">') == '<a href="../index.html">'
    assert offline_links('<a href="./#top">') == '<a href="./index.html#top">'
    assert offline_links('<a href="https://a.vn/b/">') == '<a href="https://a.vn/b/">'
    assert offline_links('<a href="#muc">') == '<a href="#muc">'
    assert absolute_links('<a href="../b/#x">', "https://a.vn/p/q/") == '<a href="https://a.vn/p/b/#x">'
    png = inline_images('<img alt="a" src="h.png">', lambda src: b"\x89PNG" if src == "h.png" else None)
    assert png == '<img alt="a" src="data:image/png;base64,iVBORw==">'
    # Never a request from an offline copy: a missing image keeps only its alternative text.
    assert (
        inline_images('<img alt="a" src="missing.png">', lambda src: None)
        == '<img alt="a" src="data:image/gif;base64,">'
    )
    assert (
        inline_images('<img src="chu-thich.txt">', lambda src: b"x") == '<img src="data:image/gif;base64,">'
    )
    assert (
        inline_images('<img src="https://a.vn/h.png">', lambda src: None) == '<img src="https://a.vn/h.png">'
    )
