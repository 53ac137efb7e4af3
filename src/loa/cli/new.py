"""``loa new <type>``: a correctly named draft with its front matter filled from flags or questions."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid
from pathlib import Path
from typing import Any

import yaml

from loa.cli.project import find_layout
from loa.core.base.diagnostics import suggest
from loa.core.loading.catalog import load_catalog, numbered
from loa.core.model.document import CATEGORIES, CATEGORY_NAMES, DOC_TYPES, TIMEZONE, DocType
from loa.core.text.document_numbers import canonical_number
from loa.core.text.normalize import fold, nfc, slugify

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``new`` command."""
    kinds = ", ".join([t.slug for t in DOC_TYPES] + list(CATEGORIES))
    parser = commands.add_parser(
        "new", help="tạo tệp văn bản hoặc tin bài mới (bản nháp), đặt tên đúng quy ước"
    )
    parser.add_argument(
        "kind", metavar="LOẠI", help=f"thể loại: {kinds} (hoặc tên, ví dụ “Kế hoạch”, hay ký hiệu KH)"
    )
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument("--title", "--tieu-de", dest="title", help="trích yếu hoặc tiêu đề")
    parser.add_argument("--number", "--so", dest="number", help="số, ký hiệu, ví dụ 12-KH/TU")
    parser.add_argument("--issuer", "--co-quan", dest="issuer", help="mã cơ quan ban hành (data/issuers.yml)")
    parser.add_argument("--date", "--ngay", dest="date", help="ngày ban hành YYYY-MM-DD (văn bản) ")
    parser.add_argument("--author", "--don-vi", dest="author", help="mã đơn vị viết bài (tin bài)")
    parser.add_argument(
        "--channel",
        "--kenh",
        dest="channels",
        action="append",
        help="mã kênh đăng (tin bài), lặp lại cho nhiều kênh",
    )
    parser.add_argument("--no-input", action="store_true", help="không hỏi; thiếu thông tin thì báo lỗi")
    parser.set_defaults(run=run)


def _doc_type(text: str) -> DocType | None:
    key = fold(text).replace(" ", "-")
    for doc_type in DOC_TYPES:
        if key in (doc_type.slug, fold(doc_type.abbreviation)):
            return doc_type
    return None


def run(args: argparse.Namespace) -> int:
    """Create the file; 0 when written, 1 when refused, 2 on bad input."""
    layout = find_layout(args.config_file)
    if layout is None:
        return 2
    catalog = load_catalog(layout)
    doc_type = _doc_type(args.kind)
    category = args.kind if args.kind in CATEGORIES else None
    if doc_type is None and category is None:
        names = [t.slug for t in DOC_TYPES] + list(CATEGORIES)
        print(f"LỖI: không có thể loại “{args.kind}”.{suggest(slugify(args.kind), names)}", file=sys.stderr)
        return 2
    ask = _Asker(interactive=not args.no_input and sys.stdin.isatty())
    title = ask.value(args.title, "Trích yếu / tiêu đề", required=True)
    if title is None:
        return 2
    front: dict[str, Any] = {"kind": "plan" if doc_type else "article", "id": f"urn:uuid:{uuid.uuid4()}"}
    year = dt.datetime.now(TIMEZONE).year
    if doc_type:
        number = ask.value(args.number, "Số, ký hiệu (bỏ trống nếu chưa có)")
        issuer = ask.value(args.issuer, "Mã cơ quan ban hành", required=True)
        day = ask.value(args.date, "Ngày ban hành YYYY-MM-DD (bỏ trống nếu chưa có)")
        if issuer is None:
            return 2
        if issuer not in catalog.issuers:
            print(
                f"LỖI: không có cơ quan “{issuer}” trong data/issuers.yml.{suggest(issuer, list(catalog.issuers))}",
                file=sys.stderr,
            )
            return 2
        front["type"] = doc_type.name
        if number:
            number = canonical_number(number)
            taken = numbered(catalog.documents, number, issuer)
            if taken:
                print(f"LỖI: văn bản số {number} của {issuer} đã có: {taken[0].path}", file=sys.stderr)
                return 1
            front["number"] = number
        front["issuer"] = issuer
        if day:
            try:
                issued = dt.date.fromisoformat(day)
            except ValueError:
                print(f"LỖI: ngày “{day}” không hợp lệ; dùng dạng 2022-01-15", file=sys.stderr)
                return 2
            front["date"] = issued
            year = issued.year
        front["title"] = title
        folder, slug = (
            layout.relative(layout.plans_dir / str(year)),
            slugify(f"{doc_type.name} {title}", max_length=70),
        )
    else:
        assert category is not None
        author = ask.value(args.author, "Mã đơn vị viết bài", required=True)
        if author is None:
            return 2
        front.update(
            {
                "category": category,
                "title": title,
                "summary": title[:300],
                "author": author,
                "channels": args.channels or [],
            }
        )
        folder, slug = (
            layout.relative(layout.content_dir / "tin-bai" / str(year)),
            slugify(title, max_length=70),
        )
    front.update({"status": "draft", "access": "public"})
    target = layout.root / folder / f"{slug}.md"
    if target.exists():
        print(f"LỖI: {folder}/{slug}.md đã có; chọn trích yếu khác hoặc sửa tệp đó", file=sys.stderr)
        return 1
    same_title = [d for d in catalog.documents if fold(d.title) == fold(title) and d.kind == front["kind"]]
    if same_title:
        print(f"LỖI: đã có tài liệu cùng tiêu đề: {same_title[0].path}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    yaml_text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    placeholder = (
        "Nội dung văn bản." if doc_type else f"Nội dung {CATEGORY_NAMES[category or 'tin'].lower()}."
    )
    target.write_text(nfc(f"---\n{yaml_text}---\n\n{placeholder}\n"), encoding="utf-8")
    print(f"Đã tạo {folder}/{slug}.md (trạng thái: nháp). Soạn nội dung, rồi chạy: loa check")
    return 0


class _Asker:
    """Asks for what the flags did not give, when a person is at the keyboard."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive

    def value(self, given: str | None, question: str, *, required: bool = False) -> str | None:
        if given is not None:
            return nfc(given.strip()) or None
        if self.interactive:
            answer = nfc(input(f"{question}: ").strip())
            if answer or not required:
                return answer or None
        if required:
            print(
                f"LỖI: thiếu {question.lower()}; cho biết bằng tham số dòng lệnh (xem loa new --help)",
                file=sys.stderr,
            )
        return None
