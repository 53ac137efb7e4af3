"""``loa schema``: print the JSON Schema of the front matter, for editors' text editors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from loa.core.model.document import KINDS
from loa.core.model.schema import json_schema, update_field_tables
from loa.core.outputs.releases import OutputRefused, check_output_file, output_path, write_error_reason


def register(commands: Any) -> None:
    """Add the ``schema`` command."""
    parser = commands.add_parser("schema", help="in JSON Schema của phần thông tin đầu văn bản")
    parser.add_argument("--kind", choices=KINDS, default="plan", help="loại tài liệu")
    parser.add_argument("-o", "--output", type=Path, help="ghi ra tệp thay vì in ra màn hình")
    parser.add_argument("--guide", type=Path, help="cập nhật bảng trường trong tệp hướng dẫn này rồi thoát")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the schema of ``args.kind``, or refresh the field tables of a guide."""
    try:
        if args.guide:
            text = args.guide.read_text(encoding="utf-8")
            args.guide.write_text(update_field_tables(text), encoding="utf-8")
            return 0
        text = json.dumps(json_schema(args.kind), ensure_ascii=False, indent=2) + "\n"
        if args.output:
            # Only a schema is overwritten: `-o mkdocs.yml` must not replace the configuration.
            check_output_file(output_path(args.output), sources=[], kind="tệp JSON Schema", head=b"{")
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    except OutputRefused as refusal:
        print(refusal, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"LỖI: không đọc hay ghi được {error.filename}: {write_error_reason(error)}", file=sys.stderr)
        return 1
    return 0
