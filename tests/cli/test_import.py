"""``loa import``: the seeds give the shipped plans back; a Word file made here imports with its structure."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.conftest import REPO, SEEDS, plan_text, run_loa

PLANS = sorted((REPO / "plans").rglob("*.md"))
# What the text itself says. The rest of a shipped plan's front matter (id, topics, status, publishing time)
# is the editors' decision, made after the import.
EXTRACTED = (
    "type",
    "number",
    "number_as_written",
    "issuer",
    "place",
    "date",
    "date_as_written",
    "title",
    "signer",
    "recipients",
    "source",
)
JSON_KEYS = {
    "type",
    "number",
    "issuer",
    "place",
    "date",
    "date_partial",
    "title",
    "signer",
    "recipients",
    "references",
    "deadlines",
    "targets",
    "units",
    "tasks",
    "budget",
}


def _split(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_importing_a_seed_gives_the_shipped_plan(plan, tmp_path):
    shipped_front, shipped_body = _split(plan)
    out = tmp_path / "x.md"
    result = run_loa("import", str(SEEDS / str(shipped_front["source"])), "-o", str(out), cwd=REPO)
    assert result.returncode == 0, result.stderr
    front, body = _split(out)
    assert {k: front.get(k) for k in EXTRACTED} == {k: shipped_front.get(k) for k in EXTRACTED}
    assert front["status"] == "draft"
    assert body.strip() == shipped_body.strip()
    assert "Không tìm thấy" in result.stdout or "number" in shipped_front


def test_json_prints_what_was_found_and_writes_nothing(tmp_path):
    seed = SEEDS / "003_ee3d497c8a586a03.txt"
    result = run_loa("import", str(seed), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) == JSON_KEYS
    assert list(tmp_path.iterdir()) == []
    assert (found["number"], found["date"], found["date_partial"]) == (None, None, "2022-01")
    assert found["issuer"] == "Thị ủy Sa Pa" and found["place"] == "Sa Pa"
    assert found["signer"] == {
        "on_behalf": "BAN THƯỜNG VỤ",
        "acting_for": None,
        "role": "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "name": "Thào A Sinh",
    }
    numbers = [r["number"] for r in found["references"]]
    # The trích yếu cites two Đề án before the body cites the rest.
    assert numbers[:4] == ["11-ĐA/TU", "17-ĐA/TU", "29-KH/TU", "72-KH/TU"] and len(numbers) == len(
        set(numbers)
    )
    assert found["references"][2] == {
        "type": "Kế hoạch",
        "number": "29-KH/TU",
        "date": "2020-12-31",
        "issuer": "Thị ủy Sa Pa",
        "as_written": "Kế hoạch số 29-KH/TU, ngày 31/12/2020 của Thị ủy Sa Pa",
    }
    for value in _strings(found):
        assert unicodedata.is_normalized("NFC", value)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _columns(document: Any, *columns: tuple[str, ...]) -> None:
    """A borderless one-row table, one paragraph per line in each cell, as Word lays out headers and signatures."""
    row = document.add_table(rows=1, cols=len(columns)).rows[0]
    for cell, lines in zip(row.cells, columns, strict=False):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _word_document(path: Path) -> None:
    """A Huyện ủy plan as Word makes it: header and signature in borderless tables, numbered headings, lists."""
    document = docx.Document()
    _columns(
        document,
        ("ĐẢNG BỘ TỈNH LÀO CAI", "HUYỆN ỦY BẢO THẮNG", "*", "Số 12-KH/HU"),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "Bảo Thắng, ngày 05 tháng 3 năm 2022"),
    )
    kind = document.add_paragraph()
    kind.alignment = WD_ALIGN_PARAGRAPH.CENTER
    kind.add_run("KẾ HOẠCH").bold = True
    title = document.add_paragraph()
    title.add_run("tổ chức các hoạt động tuyên truyền kỷ niệm ngày thành lập Đảng").bold = True
    document.add_paragraph(
        "Thực hiện Kế hoạch số 85-KH/TU, ngày 15/12/2021 của Tỉnh ủy Lào Cai, Ban Thường vụ "
        "Huyện ủy xây dựng kế hoạch như sau:"
    )
    document.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    document.add_paragraph("1. Mục đích")
    document.add_paragraph("Nâng cao nhận thức của cán bộ, đảng viên.")
    document.add_paragraph("II. NỘI DUNG")
    document.add_paragraph("1.1. Hình thức tuyên truyền")
    document.add_paragraph("Tuyên truyền trên hệ thống loa truyền thanh.", style="List Bullet")
    document.add_paragraph("Treo băng rôn, khẩu hiệu tại trung tâm các xã.", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        (
            ("Đơn vị", "Số buổi", "Thời gian"),
            ("Xã Phong Niên", "3", "Quý I"),
            ("Xã Xuân Quang", "2", "Quý II"),
        ),
        strict=False,
    ):
        for cell, value in zip(row.cells, values, strict=False):
            cell.text = value
    document.add_paragraph("Trên đây là kế hoạch của Ban Thường vụ Huyện ủy.")
    _columns(
        document,
        ("Nơi nhận:", "- Tỉnh ủy Lào Cai (b/c);", "- Các chi, đảng bộ trực thuộc;", "- Lưu VPHU."),
        ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "(Đã ký)", "Nguyễn Văn Bình"),
    )
    document.save(str(path))


def test_importing_a_word_document(tmp_path):
    source = tmp_path / "ke-hoach.docx"
    _word_document(source)
    found = json.loads(run_loa("import", str(source), "--json", cwd=tmp_path).stdout)
    assert found["type"] == "Kế hoạch" and found["number"] == "12-KH/HU"
    assert (found["issuer"], found["place"], found["date"]) == (
        "Huyện ủy Bảo Thắng",
        "Bảo Thắng",
        "2022-03-05",
    )
    assert found["title"] == "tổ chức các hoạt động tuyên truyền kỷ niệm ngày thành lập Đảng"
    assert found["signer"] == {
        "on_behalf": "BAN THƯỜNG VỤ",
        "acting_for": None,
        "role": "PHÓ BÍ THƯ",
        "name": "Nguyễn Văn Bình",
    }
    assert found["recipients"] == ["Tỉnh ủy Lào Cai (b/c)", "Các chi, đảng bộ trực thuộc", "Lưu VPHU"]
    assert [r["number"] for r in found["references"]] == ["85-KH/TU"]

    out = tmp_path / "plan.md"
    assert run_loa("import", str(source), "-o", str(out), cwd=REPO).returncode == 0
    _, body = _split(out)
    assert body.startswith("\nThực hiện Kế hoạch số 85-KH/TU")
    for expected in (
        "## I. MỤC ĐÍCH, YÊU CẦU",
        "### 1. Mục đích",
        "## II. NỘI DUNG",
        "#### 1.1. Hình thức tuyên truyền",
        "- Tuyên truyền trên hệ thống loa truyền thanh.\n- Treo băng rôn",
        "| Đơn vị | Số buổi | Thời gian |\n| --- | --- | --- |\n| Xã Phong Niên | 3 | Quý I |",
        "Nơi nhận:\n- Tỉnh ủy Lào Cai (b/c);",
        "Nguyễn Văn Bình",
    ):
        assert expected in body
    assert "ĐẢNG CỘNG SẢN" not in body and "KẾ HOẠCH" not in body


def test_an_imported_plan_passes_check_once_completed(project, tmp_path):
    root = project({})
    source = tmp_path / "ke-hoach.docx"
    _word_document(source)
    result = run_loa("import", str(source), cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Huyện ủy Bảo Thắng" in result.stdout and "chưa có trong data/issuers.yml" in result.stdout
    (written,) = (root / "plans").rglob("*.md")
    assert written.relative_to(root).as_posix().startswith("plans/2022/ke-hoach-to-chuc-cac-hoat-dong")
    check = run_loa("check", cwd=root)
    assert check.returncode == 1 and "[meta.issuer]" in check.stdout
    # Same file again: refused, the first import is kept.
    again = run_loa("import", str(source), cwd=root)
    assert again.returncode == 1 and "đã có" in again.stderr


def test_refuses_a_document_already_published(project, tmp_path):
    root = project({"plans/a.md": plan_text(number="12-KH/TU", date="2021-05-01")})
    source = tmp_path / "b.txt"
    source.write_text(
        "Số 12-KH/TU\nSa Pa, ngày 01 tháng 5 năm 2021\n\nKẾ HOẠCH\nthử nghiệm\n\nThực hiện chỉ đạo, "
        "Thị ủy Sa Pa xây dựng kế hoạch như sau:\n",
        encoding="utf-8",
    )
    result = run_loa("import", str(source), cwd=root)
    assert result.returncode == 1 and "12-KH/TU đã có: plans/a.md" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.pdf", b"%PDF-1.4", "chỉ nhập được tệp .docx, .txt hoặc .md"),
        ("b.txt", b"K\xea\xec ho\xe0\xf2ch", "không phải UTF-8"),  # Windows-1258
        ("c.docx", b"not a zip", "không đọc được tệp Word"),
    ],
)
def test_unreadable_sources_get_a_message_not_a_traceback(tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    result = run_loa("import", str(source), "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_new_creates_a_named_draft_and_refuses_duplicates(project):
    root = project({"plans/a.md": plan_text(number="12-KH/TU", date="2021-05-01")})
    result = run_loa(
        "new",
        "Kế hoạch",
        "--title",
        "tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng",
        "--so",
        "13 - KH/TU",
        "--co-quan",
        "thi-uy-sa-pa",
        "--ngay",
        "2025-01-06",
        "--no-input",
        cwd=root,
    )
    assert result.returncode == 0, result.stderr
    written = root / "plans/2025/ke-hoach-tuyen-truyen-ky-niem-95-nam-ngay-thanh-lap-dang.md"
    front, body = _split(written)
    assert body.strip() == "Nội dung văn bản."
    assert front["type"] == "Kế hoạch" and front["number"] == "13-KH/TU" and front["status"] == "draft"
    assert str(front["date"]) == "2025-01-06" and front["issuer"] == "thi-uy-sa-pa"
    assert run_loa("check", cwd=root).returncode == 0
    again = run_loa(
        "new",
        "KH",
        "--title",
        "khác",
        "--so",
        "12-KH/TU",
        "--co-quan",
        "thi-uy-sa-pa",
        "--no-input",
        cwd=root,
    )
    assert again.returncode == 1 and "12-KH/TU" in again.stderr and "plans/a.md" in again.stderr
    same = run_loa(
        "new",
        "ke-hoach",
        "--title",
        "tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng",
        "--co-quan",
        "thi-uy-sa-pa",
        "--ngay",
        "2025-01-06",
        "--no-input",
        cwd=root,
    )
    assert same.returncode == 1 and "đã có" in same.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ke-hoac", "--title", "x", "--co-quan", "thi-uy-sa-pa"), "Có phải ý bạn là 'ke-hoach'"),
        (("ke-hoach", "--title", "x", "--co-quan", "thi-uy-sapa"), "Có phải ý bạn là 'thi-uy-sa-pa'"),
        (("ke-hoach", "--co-quan", "thi-uy-sa-pa"), "thiếu trích yếu"),
        (("ke-hoach", "--title", "x", "--co-quan", "thi-uy-sa-pa", "--ngay", "15/12/2021"), "không hợp lệ"),
    ],
)
def test_new_explains_bad_input(project, args, message):
    root = project({})
    result = run_loa("new", *args, "--no-input", cwd=root)
    assert result.returncode == 2 and message in result.stderr
    assert not (root / "plans").exists() or not list((root / "plans").rglob("*.md"))


def test_new_article(project):
    root = project({})
    result = run_loa(
        "new",
        "bai",
        "--title",
        "Bài mẫu: một ngày ở điểm bưu điện văn hóa xã",
        "--don-vi",
        "thi-uy-sa-pa",
        "--no-input",
        cwd=root,
    )
    assert result.returncode == 0, result.stderr
    (written,) = (root / "content/tin-bai").rglob("*.md")
    front, _ = _split(written)
    assert front["kind"] == "article" and front["category"] == "bai" and front["status"] == "draft"


def test_an_imported_plan_carries_the_proposed_tasks_and_budget(project, tmp_path):
    root = project({})
    shipped, _ = _split(next(p for p in PLANS if "003" in str(_split(p)[0]["source"])))
    result = run_loa("import", str(SEEDS / str(shipped["source"])), "-o", "plans/2022/de-an.md", cwd=root)
    assert result.returncode == 0, result.stderr
    front, _ = _split(root / "plans" / "2022" / "de-an.md")
    assert front["budget"] == {
        **shipped["budget"],
        "years": {str(k): v for k, v in shipped["budget"]["years"].items()},
    }
    deadlines = {t.get("deadline") for t in front["tasks"]}
    assert {"2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "R/P1M"} <= deadlines
    assert any(t.get("targets") == [{"count": 3, "unit": "lớp tập huấn"}] for t in front["tasks"])
    check = run_loa("check", cwd=root)
    assert check.returncode == 0, check.stdout  # every proposal quotes the text and names known units


def test_an_unknown_issuer_gets_a_registry_entry_to_paste(project, tmp_path):
    root = project({})
    source = tmp_path / "ke-hoach.txt"
    source.write_text(
        "HUYỆN ỦY LẠC SƠN                    ĐẢNG CỘNG SẢN VIỆT NAM\nSố 07-KH/HU\n"
        "                                    Lạc Sơn, ngày 10 tháng 3 năm 2023\n\nKẾ HOẠCH\n"
        "học tập chuyên đề năm 2023\n\nThực hiện chỉ đạo của cấp trên, Ban Thường vụ Huyện ủy xây dựng kế hoạch.\n\n"
        "Nơi nhận:\n- Lưu VP.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nHà Văn Sơn\n",
        encoding="utf-8",
    )
    result = run_loa("import", str(source), cwd=root)
    assert result.returncode == 0, result.stderr
    entry = result.stdout[result.stdout.index("huyen-uy-lac-son:") : result.stdout.index("Đã ghi")]
    assert yaml.safe_load(entry)["huyen-uy-lac-son"] == {
        "name": "Huyện ủy Lạc Sơn",
        "short_name": "Huyện ủy",
        "level": "huyen",
        "aliases": ["Huyện ủy", "Ban Thường vụ Huyện ủy"],
        "symbols": ["HU"],
    }
    check = run_loa("check", cwd=root)
    assert (
        "[meta.issuer]" in check.stdout
        and "thêm vào data/issuers.yml mục 'huyen-uy-lac-son:'" in check.stdout
    )
    # Pasted as proposed, the entry is accepted: the issuer is no longer reported.
    registry = root / "data" / "issuers.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + entry, encoding="utf-8")
    assert "[meta.issuer]" not in run_loa("check", cwd=root).stdout
