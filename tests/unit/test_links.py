"""Links and images in bodies: the scanner finds what Python-Markdown renders as links, and they are resolved
the way MkDocs resolves them (site paths, plans mounted under plans/, generated pages)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from loa.core.loading.catalog import Layout, load_catalog
from loa.core.model.document import TIMEZONE
from loa.core.text.links import find_links
from tests.conftest import plan_text, write_files

# The extensions of the shipped mkdocs.yml.
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition"]
AGREED = [
    "[a](x.md)",
    "[a](my file.md)",
    '[a](x.md "tiêu đề")',
    "[a](<my file.md>)",
    "[a](x(1).md)",
    "[a](x.md",
    "[a] (x.md)",
    "[a\nb](x.md)",
    "\\[a](x.md)",
    "![](i.png)",
    "[![i](i.png)](p.md)",
    "[a](x\\_y.md)",
    "[a]( x.md )",
    "[a](x.md 't' )",
    "[a](x.md (t))",
    '[a](x.md "t)")',
    '[a](x.md\n"t")',
    "[a]\n(x.md)",
    "[Tên tập thể]: [điểm nổi bật trong cách làm]",
    "[a]()",
    "![a]()",
    "`[a](x.md)`",
    "x ``a`b`` [a](y.md)",
    "<div>\n\n[a](in-div.md)\n\n</div>",
    "<div markdown>\n\n[a](md-div.md)\n\n</div>",
    "<div>\n<div>\n[a](x.md)\n</div>\n[b](y.md)\n</div>\n\n[c](z.md)",
    "<hr>\n[a](after-hr.md)",
    "<p>\n[a](p.md)\n</p>",
    "<!-- [a](c.md) -->",
    "a <span>[x](s.md)</span>",
    "    [a](code.md)",
    "para\n\n    code [a](c.md)\n\nnext [b](n.md)",
    "- item\n\n    [a](list.md)",
    "1. one\n\n    ![x](l.png)",
    "!!! note\n\n    [a](admonition.md)",
    "```\n[a](fence.md)\n```",
    "````\n```\n[a](f.md)\n````\n[b](g.md)",
    "- [a](li.md)",
    "> [a](q.md)",
    "| h |\n|---|\n| [a](t.md) |",
    "*[a](em.md)*",
    "[a](x.md){: .c }",
    "[a [b] c](nest.md)",
    "[a](x.md) và [b](y.md)",
    "[x](https://e.vn/a_(b))",
    "[x](#muc) [y](?q=1)",
    "![b][r]\n\n[r]: x.png",
    "![r]\n\n[r]: x.png",
    "![][r]\n\n[r]: x.png",
    "[a][]\n\n[a]:  x.md",
    "[a][R]\n\n[r]: <x.md>",
    "[a][nope]",
    "    [r]: code.md\n\n[a][r]",
    '[a][r]\n\n[r]: x.md "t"',
]
# Where the scanner cannot tell without parsing as Python-Markdown does, it leaves the text alone.
CONSERVATIVE = ["~~~\n[a](f.md)\n~~~~\n[b](g.md)", "```\n[a](fence.md)\n\n```"]


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(parts)


def _rendered(text: str) -> list[tuple[bool, str]]:
    html = markdown.markdown(text, extensions=EXTENSIONS).replace("<hr>", "<hr/>")
    root = ET.fromstring(f"<root>{html}</root>")
    return sorted(
        (e.tag == "img", e.get("src" if e.tag == "img" else "href") or "")
        for e in root.iter()
        if e.tag in ("a", "img")
    )


def _found(text: str) -> list[tuple[bool, str]]:
    return sorted((link.image, link.url) for link in find_links(text))


@pytest.mark.parametrize("text", AGREED)
def test_scanner_finds_what_python_markdown_renders(text):
    assert _found(text) == _rendered(text)


@pytest.mark.parametrize("text", CONSERVATIVE)
def test_scanner_never_finds_a_link_python_markdown_does_not_render(text):
    assert set(_found(text)) < set(_rendered(text))


def test_scanner_gives_lines_and_alternative_text():
    links = find_links(
        "Đoạn một.\n\n![Ảnh hội nghị](a.png)\n\n[văn\nbản](x.md)\n\n[tham chiếu][r]\n\n[r]: y.md\n"
    )
    assert [(link.line, link.url, link.image, link.text) for link in links] == [
        (3, "a.png", True, "Ảnh hội nghị"),
        (5, "x.md", False, "văn bản"),
        (10, "y.md", False, "tham chiếu"),
    ]


def _check(
    root: Path, files: dict[str, str | bytes], *, at: dt.datetime | None = None
) -> list[tuple[str, int, str, str]]:
    write_files(root, {"content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n", **files})
    (root / "data").mkdir(exist_ok=True)
    for registry in ("issuers.yml", "external.yml"):
        (root / "data" / registry).write_text(
            (Path(__file__).resolve().parents[2] / "data" / registry).read_text(encoding="utf-8"),
            encoding="utf-8",
        )
    catalog = load_catalog(Layout(root, root / "content", root / "plans", root / "data"), at=at)
    return [(d.path, d.line, d.code, d.message) for d in catalog.diagnostics]


def _page(body: str) -> str:
    return f"---\ntitle: Trang thử\n---\n\n{body}\n"


def test_valid_links_of_every_kind_pass(tmp_path):
    body = _paragraphs(
        "[Văn bản](../plans/2022/a.md) [neo](../plans/2022/a.md#muc-1) [chính trang này](#muc) [ngoài](https://a.vn/)",
        "[Danh mục](../danh-muc/index.md) [năm 2022](../danh-muc/nam/2022/index.md) [trang 2](../tin-bai/trang-2/index.md)",
        "[Nguồn tin](../nguon-tin/index.md) [Tìm kiếm](../tim-kiem/index.md) [thư](mailto:a@b.vn)",
        "![Ảnh](../images/a.png) ![Biểu đồ](../tai-nguyen/b.png) [Phụ lục](../plans/2022/phu-luc.pdf)",
        "[Trang chủ](../../) [Danh mục](../../danh-muc/) [Mục năm](../../danh-muc/nam/2022/) [Chính nó](./)",
        "`[mã](khong-co.md)`",
        "    [khối mã](khong-co.md)",
    )
    assert (
        _check(
            tmp_path,
            {
                "content/gioi-thieu/trang.md": _page(body),
                "content/images/a.png": b"\x89PNG\r\n\x1a\n",
                "content/tai-nguyen/b.png": b"\x89PNG\r\n\x1a\n",
                "plans/2022/a.md": plan_text(),
                "plans/2022/phu-luc.pdf": b"%PDF-1.4\n",
            },
        )
        == []
    )


def test_broken_links_name_the_file_the_line_and_a_fix(tmp_path):
    body = _paragraphs(
        "[Văn bản](../plans/2022/a.md)",  # written from the file's folder on disk
        "![Ảnh](imgaes/a.png)",  # misspelt folder
        "[Danh mục](danh-muc/)",  # an address, read from the page's address
        "[Ngoài](../../../ngoai.md)",
    )
    found = _check(
        tmp_path,
        {
            "content/gioi-thieu.md": _page(body),
            "content/images/a.png": b"\x89PNG\r\n\x1a\n",
            "plans/2022/a.md": plan_text(),
        },
    )
    assert [(path, line, code) for path, line, code, _ in found] == [
        ("content/gioi-thieu.md", 5, "link.missing"),
        ("content/gioi-thieu.md", 7, "image.missing"),
        ("content/gioi-thieu.md", 9, "link.missing"),
        ("content/gioi-thieu.md", 11, "link.missing"),
    ]
    messages = [message for *_, message in found]
    assert "nằm ngoài" in messages[0] and "Có phải ý bạn là 'plans/2022/a.md'?" in messages[0]
    assert "Có phải ý bạn là 'images/a.png'?" in messages[1]
    assert "/gioi-thieu/danh-muc/" in messages[2] and "Có phải ý bạn là 'danh-muc/index.md'?" in messages[2]
    assert "nằm ngoài các thư mục content/, plans/" in messages[3]


def test_links_to_documents_not_shown_yet_are_reported_only_when_asked(tmp_path):
    linking = plan_text("[Kế hoạch sau](b.md) [Kế hoạch nội bộ](c.md)\n")
    line = linking.split("\n").index("[Kế hoạch sau](b.md) [Kế hoạch nội bộ](c.md)") + 1
    files = {
        "plans/2022/a.md": linking,
        "plans/2022/b.md": plan_text(number="13-KH/TU", publish_at="2030-01-01T08:00:00+07:00"),
        "plans/2022/c.md": plan_text(number="14-KH/TU", access="internal"),
    }
    assert _check(tmp_path, files) == []
    found = _check(tmp_path, files, at=dt.datetime(2026, 1, 1, tzinfo=TIMEZONE))
    assert [(n, code) for _, n, code, _ in found] == [(line, "link.withheld")] * 2
    assert {"hẹn đăng lúc 08:00 ngày 01/01/2030" in m for *_, m in found} == {True, False}
    (later,) = _check(tmp_path, files, at=dt.datetime(2031, 1, 1, tzinfo=TIMEZONE))
    assert "chỉ có trong bản nội bộ (access: internal)" in later[3]
