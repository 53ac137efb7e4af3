"""``loa import FILE``: a signed document (.docx, .txt, .md) becomes a draft plan file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from loa.cli.project import find_layout
from loa.core.importing.convert import SourceError, import_text, plan_file_text, read_source, suggested_path
from loa.core.importing.extract import Extraction
from loa.core.importing.registry_entry import proposed_entry
from loa.core.loading.catalog import load_catalog, numbered

__all__ = ["register"]

LABELS = {
    "type": "thể loại",
    "number": "số, ký hiệu",
    "issuer": "cơ quan ban hành",
    "place": "địa danh",
    "date": "ngày ban hành",
    "title": "trích yếu",
    "signer": "người ký",
    "recipients": "nơi nhận",
}


def register(commands: Any) -> None:
    """Add the ``import`` command."""
    parser = commands.add_parser(
        "import", help="nhập văn bản từ tệp Word (.docx), .txt hoặc .md thành bản nháp"
    )
    parser.add_argument("file", type=Path, metavar="TỆP", help="tệp cần nhập")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument("--json", action="store_true", help="chỉ in những gì đọc được (JSON), không ghi tệp")
    parser.add_argument(
        "-o", "--output", type=Path, help="tệp đích (mặc định: plans/<năm>/<thể loại>-<trích yếu>.md)"
    )
    parser.add_argument("--force", action="store_true", help="ghi đè nếu tệp đích đã có")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import one file; return 0 when written (or printed), 1 on a refused import, 2 on unreadable input."""
    try:
        text = read_source(args.file)
    except SourceError as error:
        print(f"LỖI: {error}", file=sys.stderr)
        return 2
    layout = find_layout(args.config_file) if args.config_file.exists() else None
    catalog = load_catalog(layout) if layout else None
    issuers = catalog.issuers if catalog else {}
    result = import_text(text, args.file.name, issuers)
    found = result.extraction
    if args.json:
        json.dump(found.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if layout is None:
        print(
            f"LỖI: không thấy {args.config_file}; chạy lệnh trong thư mục dự án hoặc dùng -f", file=sys.stderr
        )
        return 2
    target = args.output or layout.root / suggested_path(found)
    if target.exists() and not args.force:
        print(
            f"LỖI: {_shown(target, layout.root)} đã có; dùng --force để ghi đè hoặc -o để chọn tệp khác",
            file=sys.stderr,
        )
        return 1
    if found.number and catalog:
        same = numbered(catalog.documents, found.number, result.front.get("issuer"))
        if same and not args.force:
            print(f"LỖI: văn bản số {found.number} đã có: {same[0].path}; không nhập trùng", file=sys.stderr)
            return 1
    _report(result.front, found)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(plan_file_text(result), encoding="utf-8")
    print(
        f"Đã ghi {_shown(target, layout.root)} (trạng thái: nháp). Kiểm tra lại với bản gốc, rồi chạy: loa check"
    )
    return 0


def _report(front: dict[str, Any], found: Extraction) -> None:
    print("Đã đọc được:")
    values = {
        "type": found.type,
        "number": found.number or found.number_as_written,
        "issuer": found.issuer,
        "place": found.place,
        "date": found.date_as_written,
        "title": found.title,
        "signer": " / ".join(p for p in (found.signer.authority, found.signer.role, found.signer.name) if p)
        or None,
        "recipients": f"{len(found.recipients)} mục" if found.recipients else None,
    }
    for key, value in values.items():
        if value:
            print(f"  {LABELS[key]}: {value}")
    if found.references:
        print(f"  văn bản được dẫn: {len(found.references)}")
    missing = [LABELS[key] for key in found.missing if key in LABELS]
    if missing:
        print("Không tìm thấy (để trống, không tự điền): " + ", ".join(missing))
    if not found.date and found.year:
        print(
            f"Bản gốc không ghi ngày ban hành: năm {found.year} lấy từ trích yếu để xếp tệp và hiểu các mốc "
            "“Quý I”…; trường date để trống"
        )
    if found.issuer and not found.issuer_id:
        print(
            f"Cơ quan “{found.issuer}” chưa có trong data/issuers.yml. Nếu đúng là cơ quan mới, thêm vào cuối "
            "data/issuers.yml mục sau (kiểm tra level, short_name, aliases, symbols), hoặc sửa trường issuer "
            "thành mã một cơ quan đã có:"
        )
        print(proposed_entry(found.issuer, found.number))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
