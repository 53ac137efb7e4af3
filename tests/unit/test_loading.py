"""Strict loading: every kind of bad input gives a Vietnamese diagnostic with file, line and a stable code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from loa.core.base.diagnostics import Severity
from loa.core.loading.catalog import Layout, load_catalog
from tests.conftest import plan_text


def _load(root: Path):
    return load_catalog(Layout(root, root / "content", root / "plans", root / "data", max_file_size=20_000))


def _only(catalog, code: str):
    found = [d for d in catalog.diagnostics if d.code == code]
    assert found, f"no {code} among {[d.format() for d in catalog.diagnostics]}"
    return found


BAD_FRONT_MATTER = [
    # (front matter lines after '---', expected code, expected line, a word of the message)
    ("type: Kế hoạch\ntitle: 'chưa đóng\n", "yaml.syntax", None, "YAML"),
    ("type: Kế hoạch\ntitle: a: b\n", "yaml.syntax", 3, "dấu ':'"),
    ("type: Kế hoạch\ntype: Đề án\n", "yaml.duplicate-key", 3, "hai lần"),
    ("type: &t Kế hoạch\ntitle: *t\n", "yaml.anchor", 2, "neo"),
    ("type: &t Kế hoạch\ntitle: *t\n", "yaml.alias", 3, "bí danh"),
    ("type: Kế hoạch\n\ttitle: x\n", "yaml.tab", 3, "tab"),
    ("type: Kế hoạch\ntitle: [một, hai]\n", "meta.type", 3, "chuỗi"),
    ("type: Kế hoạch\ntitel: x\n", "meta.unknown-key", 3, "Có phải ý bạn là 'title'"),
    ("type: Kế hoạch\ndate: 2022-02-30\n", "meta.date", 3, "30/02/2022 không tồn tại"),
    ("type: Kế hoạch\ndate: 15/12/2021\n", "meta.date", 3, "Có phải ý bạn là '2021-12-15'"),
    ("type: Kế hoạch\npublish_at: ngày mai\n", "meta.datetime", 3, "+07:00"),
    ("type: Kế hoạch\nissuer: thi-uy-sapa\n", "meta.issuer", 3, "Có phải ý bạn là 'thi-uy-sa-pa'"),
    ("type: Ke hoach\n", "meta.choice", 2, "Có phải ý bạn là 'Kế hoạch'"),
    ("type: Kế hoạch\nstatus: publised\n", "meta.choice", 3, "Có phải ý bạn là 'published'"),
    ("type: Kế hoạch\nsigner: Nguyễn Văn A\n", "meta.type", 3, "authority, role, name"),
    ("type: Kế hoạch\nsigner:\n  nam: A\n", "meta.unknown-key", 4, "Có phải ý bạn là 'name'"),
    ("title: x\n", "meta.required", 1, "type"),
]


@pytest.mark.parametrize(("front", "code", "line", "words"), BAD_FRONT_MATTER)
def test_bad_front_matter_is_reported(project, front, code, line, words):
    root = project({"plans/bad.md": f"---\n{front}---\n\nNội dung.\n"})
    catalog = _load(root)
    found = _only(catalog, code)
    assert all(d.path == "plans/bad.md" for d in found)
    if line is not None:
        assert line in [d.line for d in found], [d.format() for d in found]
    assert any(words in d.message for d in found), [d.message for d in found]
    assert not catalog.documents or all(d.path != "plans/bad.md" for d in catalog.documents)


def test_all_problems_are_collected_in_one_run(project):
    root = project(
        {
            "plans/a.md": "---\ntype: Kế hoạch\ntitle: 'x\n---\n",
            "plans/b.md": plan_text(date="2022-02-30", issuer="khong-co"),
            "plans/c.md": plan_text(title=None, status="xong"),
        }
    )
    codes = sorted((d.path, d.code) for d in _load(root).errors)
    assert codes == [
        ("plans/a.md", "yaml.syntax"),
        ("plans/b.md", "meta.date"),
        ("plans/b.md", "meta.issuer"),
        ("plans/c.md", "meta.choice"),
        ("plans/c.md", "meta.required"),
    ]


def test_messages_are_formatted_with_path_line_and_code(project):
    root = project({"plans/q3.md": plan_text(status="actve")})
    (diagnostic,) = _load(root).errors
    assert diagnostic.format() == (
        "plans/q3.md:15: trường 'status' phải là một trong: draft, review, published (nhận được 'actve'). "
        "[meta.choice]"
    )


def test_control_characters_are_reported_with_their_line(project):
    root = project({"plans/a.md": plan_text(body="Dòng một.\nDòng\x0bhai.\n")})
    (found,) = _only(_load(root), "text.control-char")
    assert found.line == plan_text(body="Dòng một.\nDòng\x0bhai.\n").split("\n").index("Dòng\x0bhai.") + 1
    assert "U+000B" in found.message


def test_duplicate_number_in_the_same_year(project):
    root = project(
        {
            "plans/a.md": plan_text(),
            "plans/b.md": plan_text(title="khác"),
            "plans/c.md": plan_text(date="2023-01-05"),
        }
    )
    (found,) = _only(_load(root), "doc.duplicate-number")
    assert found.path == "plans/b.md" and "plans/a.md" in found.message and found.line == 4


def test_non_utf8_file_is_refused_with_its_line(project):
    root = project(
        {
            "plans/a.md": plan_text(body="Dòng một.\nTi\xeang Vi\xea\u0323t.\n").encode(
                "cp1258", errors="replace"
            )
        }
    )
    (found,) = _only(_load(root), "file.encoding")
    assert found.path == "plans/a.md" and found.line >= 2 and "UTF-8" in found.message


def test_symlinks_are_refused(project):
    root = project({"plans/real.md": plan_text()})
    os.symlink(root / "plans" / "real.md", root / "plans" / "link.md")
    (found,) = _only(_load(root), "file.symlink")
    assert found.path == "plans/link.md"


def test_oversized_files_are_refused(project):
    root = project({"plans/big.md": plan_text(body="Nội dung dài. " * 3000)})
    (found,) = _only(_load(root), "file.too-large")
    assert found.path == "plans/big.md"


@pytest.mark.parametrize("name", ["a.md~", "a.md.bak", ".#a.md", "#a.md#", "a.md.swp"])
def test_editor_backups_are_skipped(project, name):
    root = project({"plans/a.md": plan_text(), f"plans/{name}": "---\nkhông phải: [YAML\n"})
    catalog = _load(root)
    assert not catalog.diagnostics
    assert [d.path for d in catalog.documents if d.kind == "plan"] == ["plans/a.md"]


def test_missing_front_matter_in_a_plan(project):
    root = project({"plans/a.md": "# Chỉ có nội dung\n"})
    assert _only(_load(root), "meta.missing")[0].line == 1


def test_issuer_period_is_a_warning(project):
    root = project({"plans/a.md": plan_text(date="2025-08-01")})
    (found,) = _only(_load(root), "meta.issuer-period")
    assert found.severity is Severity.WARNING
    assert "Thị ủy Sa Pa" in found.message and "30/06/2025" in found.message


def test_number_symbol_disagreeing_with_type_is_a_warning(project):
    root = project({"plans/a.md": plan_text(number="12-ĐA/TU")})
    (found,) = _only(_load(root), "meta.number-type")
    assert found.severity is Severity.WARNING


def test_valid_document_is_loaded_with_aware_times_and_nfc(project):
    import unicodedata

    root = project(
        {
            "plans/a.md": plan_text(
                title=unicodedata.normalize("NFD", "về việc thử nghiệm"), publish_at="2022-03-16 08:00:00"
            )
        }
    )
    (document,) = [d for d in _load(root).documents if d.kind == "plan"]
    assert document.title == unicodedata.normalize("NFC", "về việc thử nghiệm")
    assert document.publish_at.utcoffset().total_seconds() == 7 * 3600
    assert document.date.vietnamese() == "ngày 15/03/2022"


def test_repeated_diagnostics_collapse_into_one_summary_line(project):
    from loa.core.base.diagnostics import collapse

    root = project({f"plans/p{i:02d}.md": plan_text(status="xong", number=f"{i}-KH/TU") for i in range(14)})
    catalog = _load(root)
    shown, summaries = collapse(catalog.diagnostics, keep=10)
    assert len(shown) == 10
    assert [line for _, _, line in summaries] == ["… và 4 lỗi [meta.choice] khác (loa check liệt kê đủ)"]
