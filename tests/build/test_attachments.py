"""Files next to documents: a passive allowlist, clean names, no path the build owns, copied only when a published
document uses them; and sources kept outside MkDocs' docs_dir, so that a build bypassing Loa publishes nothing."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from loa.cli import main
from tests.conftest import (
    BUILD_TIME,
    HOST_MODULE,
    MINIMAL_MKDOCS,
    REPO,
    host_env,
    plan_text,
    run_loa,
    write_files,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
HTML = b"<!doctype html><script>alert(document.domain)</script>"
NOTICE = "cần được dựng bằng Loa"


def _zip(entries: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries, key=lambda n: n != first):
            archive.writestr(name, entries[name])
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"}, first="mimetype"
)
ACCEPTED: dict[str, bytes] = {
    "anh.png": PNG,
    "anh.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 16,
    "anh.jpeg": b"\xff\xd8\xff\xdb" + b"\0" * 8,
    "anh.gif": b"GIF89a" + b"\0" * 8,
    "anh.webp": b"RIFF\x10\0\0\0WEBPVP8 ",
    "anh.avif": b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf",
    "phu-luc.pdf": b"%PDF-1.7\n%\xe2\xe3\n",
    "bieu-mau.docx": DOCX,
    "bang.xlsx": _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
    "trinh-chieu.pptx": _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}),
    "van-ban.odt": ODT,
    "bang.ods": _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, first="mimetype"),
    "cu.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8,
    "cu.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    "bai-hat.mp3": b"ID3\x04\0\0\0\0\0\0",
    "bai-hat-2.mp3": b"\xff\xfb\x90\x64\0\0",
    "am.ogg": b"OggS\0\x02",
    "am.oga": b"OggS\0\x02",
    "am.m4a": b"\0\0\0\x18ftypM4A \0\0\0\0M4A isom",
    "am.wav": b"RIFF\x24\0\0\0WAVEfmt ",
}
# Each: a file that must be refused, and the one diagnostic it gets.
REFUSED: list[tuple[str, bytes, str]] = [
    *[
        (f"content/tin-bai/tep.{ext}", HTML, "file.type")
        for ext in (
            "js",
            "mjs",
            "html",
            "htm",
            "xhtml",
            "xml",
            "css",
            "wasm",
            "php",
            "map",
            "txt",
            "exe",
            "json",
        )
    ],
    ("content/tin-bai/anh.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "file.type"),
    ("plans/2022/so-do.svg", b"<svg><script>alert(1)</script></svg>", "file.type"),
    ("content/tin-bai/khong-duoi", HTML, "file.type"),
    ("content/images/anh.png", HTML, "file.content-mismatch"),
    ("content/images/anh.jpg", PNG, "file.content-mismatch"),
    ("content/images/anh.gif", b"", "file.content-mismatch"),
    ("plans/2022/phu-luc.pdf", HTML + b"%PDF-1.4", "file.content-mismatch"),
    ("plans/2022/bieu-mau.docx", HTML, "file.content-mismatch"),
    ("plans/2022/bieu-mau-2.docx", _zip({"index.html": HTML}), "file.content-mismatch"),
    ("plans/2022/van-ban.odt", _zip({"mimetype": b"text/html"}, first="mimetype"), "file.content-mismatch"),
    ("content/am.mp3", HTML, "file.content-mismatch"),
    ("content/assets/javascripts/bundle.f1e2d3c4.min.js", b"alert(1)", "file.reserved-path"),
    ("content/assets/images/favicon.png", PNG, "file.reserved-path"),
    ("content/search/index.js", b"loaSearchData({})", "file.reserved-path"),
    ("content/feeds/tat-ca.rss", HTML, "file.reserved-path"),
    ("content/404.html", HTML, "file.reserved-path"),
    ("content/sitemap.xml", HTML, "file.reserved-path"),
    ("content/robots.txt", b"User-agent: *\n", "file.reserved-path"),
    ("content/danh-muc/index.md", b"# Danh m\xe1\xbb\xa5c gi\xe1\xba\xa3\n", "file.reserved-path"),
    ("content/tim-kiem.md", "---\ntitle: Tìm kiếm\n---\n\nTrang.\n".encode(), "file.reserved-path"),
    ("content/tin-bai/index.md", "---\ntitle: Tin bài\n---\n\nTrang.\n".encode(), "file.reserved-path"),
    ("content/gioi-thieu/phien-ban/abc.md", b"# C\xc5\xa9\n", "file.reserved-path"),
    ("content/Gioi-thieu.md", b"# Hoa\n", "file.name"),
    ("content/gioi thieu.md", b"# Trang\n", "file.name"),
    ("content/trang#1.md", b"# Trang\n", "file.name"),
    ("content/trang?a=1.md", b"# Trang\n", "file.name"),
    ("content/trang%20a.md", b"# Trang\n", "file.name"),
    ("content/images/ANH.PNG", PNG, "file.name"),
    ("content/images/anh_1.png", PNG, "file.name"),
    ("content/images/anh.1.png", PNG, "file.name"),
    (unicodedata.normalize("NFD", "content/images/ảnh.png"), PNG, "file.name"),
    ("content/Ảnh hội nghị/a.png", PNG, "file.name"),
]


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    status = main(["check", "-f", str(root / "mkdocs.yml"), "--format", "json"])
    return status, json.loads(capsys.readouterr().out)["diagnostics"]


def _output(site: Path) -> dict[str, bytes]:
    """Every file of the site, gzipped ones (sitemap.xml.gz, MaterialX's Pagefind index) decompressed."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    return {name: gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data for name, data in files.items()}


def test_every_passive_type_is_accepted(project, capsys):
    root = project({f"content/tai-lieu/{name}": data for name, data in ACCEPTED.items()})
    assert _check(root, capsys) == (0, [])


@pytest.mark.parametrize(("name", "data", "code"), REFUSED, ids=[r[0] for r in REFUSED])
def test_each_unsafe_file_is_refused_with_its_code(project, capsys, name, data, code):
    root = project({name: data})
    status, diagnostics = _check(root, capsys)
    expected = unicodedata.normalize("NFC", name).split("/")
    if code == "file.name" and " " in expected[1]:  # a folder is refused once, for all it holds
        name = "/".join(name.split("/")[:2])
    assert status == 1
    assert [(d["path"], d["line"], d["code"]) for d in diagnostics] == [(name, 0, code)], diagnostics
    message = str(diagnostics[0]["message"])
    assert unicodedata.is_normalized("NFC", message) and not message.isascii()
    if name.endswith(".svg"):
        assert "PNG" in message
    if code == "file.name":
        assert "hãy đổi tên" in message


def test_names_suggest_the_clean_address(project, capsys):
    nfd = unicodedata.normalize("NFD", "plans/2022/Kế hoạch số 12.md")
    root = project({nfd: plan_text(), "content/images/Ảnh Hội nghị.JPG": b"\xff\xd8\xff\xe0"})
    status, diagnostics = _check(root, capsys)
    messages = {d["path"]: d["message"] for d in diagnostics}
    assert status == 1 and set(messages) == {nfd, "content/images/Ảnh Hội nghị.JPG"}
    assert "'plans/2022/ke-hoach-so-12.md'" in messages[nfd] and "NFD" in messages[nfd]
    assert "'content/images/anh-hoi-nghi.jpg'" in messages["content/images/Ảnh Hội nghị.JPG"]


@pytest.mark.parametrize(
    "twins",
    [
        ("plans/2022/kế-hoạch.md", unicodedata.normalize("NFD", "plans/2022/kế-hoạch.md")),
        ("plans/2022/Ke-hoach.md", "plans/2022/KE-HOACH.md"),
    ],
    ids=["nfc-nfd", "case"],
)
def test_names_that_share_an_address_are_both_refused(project, capsys, tmp_path, twins):
    files = {
        twins[0]: plan_text(title="về việc CANARYTWINONE"),
        twins[1]: plan_text(title="về việc CANARYTWINTWO", number="13-KH/TU"),
    }
    root = project(files)
    assert len(list((root / "plans" / "2022").iterdir())) == 2
    status, diagnostics = _check(root, capsys)
    assert status == 1
    assert sorted((d["path"], d["code"]) for d in diagnostics) == sorted(
        (t, "file.name-conflict") for t in twins
    )
    build = run_loa("build", "--site-dir", str(tmp_path / "site"), "--at", BUILD_TIME, cwd=root)
    assert build.returncode == 1 and build.stderr.count("[file.name-conflict]") == 2
    assert not (tmp_path / "site").exists()


def test_two_documents_at_one_address_are_refused(project, capsys):
    page = "---\ntitle: Giới thiệu\n---\n\nNội dung.\n"
    root = project({"content/gioi-thieu.md": page, "content/gioi-thieu/index.md": page})
    status, diagnostics = _check(root, capsys)
    assert status == 1
    assert [(d["path"], d["code"]) for d in diagnostics] == [
        ("content/gioi-thieu/index.md", "file.name-conflict")
    ]


def test_check_and_build_refuse_the_same_files_and_keep_the_previous_site(project, capsys, tmp_path):
    root = project({"plans/2022/a.md": plan_text("![Sơ đồ](so-do.png)\n"), "plans/2022/so-do.png": PNG})
    site = tmp_path / "site"
    assert run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=root).returncode == 0
    before = _output(site)
    assert "plans/2022/so-do.png" in before
    hostile = {name: data for name, data, _ in REFUSED}
    write_files(root, hostile)
    status, diagnostics = _check(root, capsys)
    assert status == 1
    # A folder whose name is refused is reported once, for everything it holds.
    expected = {
        unicodedata.normalize("NFC", "/".join(n.split("/")[:2]) if " " in n.split("/")[1] else n)
        for n in hostile
    }
    assert {unicodedata.normalize("NFC", str(d["path"])) for d in diagnostics} == expected
    build = run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=root)
    assert build.returncode == 1
    for code in {str(d["code"]) for d in diagnostics}:
        assert f"[{code}]" in build.stderr, code
    assert _output(site) == before


def test_attachments_follow_publication(project, tmp_path):
    draft = plan_text(
        "![Sơ đồ](canaryanhnhap.png)\n\n[Phụ lục](canaryphulucnhap.pdf)\n\n"
        '<p><a href="../canaryrawnhap.pdf">Tệp</a></p>\n',
        status="draft",
        number="13-KH/TU",
        title="về việc chưa duyệt",
    )
    internal = plan_text(
        "[Phụ lục](canaryphulucnoibo.pdf)\n", access="internal", number="14-KH/TU", title="về việc nội bộ"
    )
    public = plan_text(
        "![Sơ đồ](../../images/cong-khai.png) [Biểu mẫu](bieu-mau.docx#trang-2)\n\n"
        "[Phụ lục](<phu-luc.pdf>)\n\n<p><img src='../raw-anh.png' alt='Ảnh'></p>\n"
    )
    root = project(
        {
            "plans/2022/a.md": public,
            "plans/2022/b.md": draft,
            "plans/2022/c.md": internal,
            "plans/2022/canaryanhnhap.png": PNG + b"CANARYIMAGEBYTES",
            "plans/2022/bieu-mau.docx": DOCX,
            "plans/2022/canaryphulucnhap.pdf": b"%PDF-1.4\nCANARYPDFBYTES\n",
            "plans/2022/phu-luc.pdf": b"%PDF-1.4\n",
            "plans/2022/canaryphulucnoibo.pdf": b"%PDF-1.4\nCANARYINTERNALBYTES\n",
            "plans/2022/raw-anh.png": PNG,
            "plans/2022/canaryrawnhap.pdf": b"%PDF-1.4\nCANARYRAWBYTES\n",
            "content/images/cong-khai.png": PNG,
            "content/images/canarythua.png": PNG + b"CANARYUNUSEDBYTES",
        }
    )
    builds = {}
    for name, options in (("public", []), ("internal", ["--target", "internal"]), ("preview", ["--preview"])):
        result = run_loa("build", "--site-dir", str(tmp_path / name), "--at", BUILD_TIME, *options, cwd=root)
        assert result.returncode == 0, result.stderr
        builds[name] = _output(tmp_path / name)
    public_files = builds["public"]
    assert {
        "images/cong-khai.png",
        "plans/2022/bieu-mau.docx",
        "plans/2022/phu-luc.pdf",
        "plans/2022/raw-anh.png",
    } <= public_files.keys()
    for name, data in public_files.items():
        assert "canary" not in name.lower(), name
        for canary in (
            b"CANARYIMAGEBYTES",
            b"CANARYPDFBYTES",
            b"CANARYINTERNALBYTES",
            b"CANARYUNUSEDBYTES",
            b"CANARYRAWBYTES",
        ):
            assert canary.lower() not in data.lower(), (name, canary)
        assert NOTICE.encode() not in data, name
    assert "plans/2022/canaryphulucnoibo.pdf" in builds["internal"]
    assert "plans/2022/canaryphulucnhap.pdf" not in builds["internal"]
    assert {
        "plans/2022/canaryanhnhap.png",
        "plans/2022/canaryphulucnhap.pdf",
        "plans/2022/canaryrawnhap.pdf",
    } <= builds["preview"].keys()
    assert builds["preview"]["plans/2022/canaryanhnhap.png"].endswith(b"CANARYIMAGEBYTES")
    assert "images/canarythua.png" not in builds["preview"], "a file no document uses is never published"
    assert "Trang chủ thử nghiệm" in public_files["index.html"].decode(), "the home page is content/index.md"


CANARIES = (
    "CANARYPUBLIC",
    "CANARYDRAFTTITLE",
    "CANARYDRAFTBODY",
    "CANARYINTERNALBODY",
    "CANARYPAGEDRAFT",
    "CANARYARTICLEDRAFT",
    "canaryhinhnhap",
    "cong-khai",
    "CANARYSCHEDULEDBODY",
    "CANARYREVIEWBODY",
)


@pytest.mark.parametrize(
    "plugins", ["plugins:\n  - loa:\n      enabled: false\n", ""], ids=["disabled", "removed"]
)
def test_a_build_that_bypasses_loa_publishes_no_document(tmp_path, plugins):
    """Zensical and MkDocs without the plugin read docs_dir as it is: it holds only the notice."""
    root = tmp_path / "canary"
    source = REPO / "tests" / "fixtures" / "sites" / "canary"
    for path in source.rglob("*"):
        if path.is_file() and ".cache" not in path.parts:
            write_files(root, {path.relative_to(source).as_posix(): path.read_bytes()})
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config[: config.index("plugins:")] + plugins, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            HOST_MODULE,
            "build",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(tmp_path / "out"),
        ],
        env=host_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    output = _output(tmp_path / "out")
    assert NOTICE in output["index.html"].decode()
    if not plugins:
        # MkDocs' search_index.json, or MaterialX's Pagefind index (search/fragment/*.pf_fragment).
        assert any(name.startswith("search/") for name in output), (
            "the default search indexed what it published"
        )
    for name, data in output.items():
        for canary in CANARIES:
            assert canary.lower() not in name.lower() and canary.lower().encode() not in data.lower(), (
                name,
                canary,
            )


def test_docs_dir_holding_documents_is_refused(project, tmp_path):
    root = project(
        {"plans/2022/a.md": plan_text()},
        mkdocs=MINIMAL_MKDOCS.replace("docs_dir: site-root", "docs_dir: content"),
    )
    build = run_loa("build", "--site-dir", str(tmp_path / "site"), "--at", BUILD_TIME, cwd=root)
    assert build.returncode == 1 and "docs_dir" in build.stderr and "site-root" in build.stderr
    assert not (tmp_path / "site").exists()
    check = run_loa("check", cwd=root)
    assert check.returncode == 2 and "docs_dir" in check.stderr


def test_a_preview_never_replaces_the_public_site(project):
    draft = plan_text(title="về việc CANARYPREVIEWDRAFT", status="draft")
    root = project({"plans/2022/a.md": draft})
    refused = run_loa("build", "--preview", "--site-dir", str(root / "site"), "--at", BUILD_TIME, cwd=root)
    assert refused.returncode == 1 and "bản xem trước" in refused.stderr
    for extra_env, config in (
        ({"LOA_TARGET": "preview"}, MINIMAL_MKDOCS),
        ({}, MINIMAL_MKDOCS.replace("  - loa\n", "  - loa:\n      target: preview\n")),
    ):
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", HOST_MODULE, "build", "-f", str(root / "mkdocs.yml")],
            env=host_env(**extra_env),
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 1 and "bản xem trước" in result.stderr, result.stderr
        written = [p for p in (root / "site").rglob("*") if p.is_file()] if (root / "site").exists() else []
        assert not any(b"canarypreviewdraft" in p.read_bytes().lower() for p in written)
