"""``loa check``: validate every document and registry without building."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from loa.cli.build import build_time
from loa.cli.project import find_layout, read_plugin_options
from loa.core.base.diagnostics import Diagnostics, Severity
from loa.core.base.settings import xref_settings
from loa.core.loading.catalog import link_targets, load_catalog
from loa.core.loading.linkcheck import check_nav
from loa.core.references.xref import build_reference_graph
from loa.core.selection.publication import docs_dir_problem


def register(commands: Any) -> None:
    """Add the ``check`` command."""
    parser = commands.add_parser("check", help="kiểm tra toàn bộ văn bản, không dựng trang")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument(
        "--at",
        metavar="THỜI_ĐIỂM",
        help="xét lịch đăng như tại thời điểm này, ví dụ 2022-01-10T08:00:00+07:00 (mặc định: bây giờ)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="dạng kết quả")
    parser.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print every problem and return 1 if any error (or, with ``--strict``, any warning) was found."""
    layout = find_layout(args.config_file)
    at = build_time(args.at) if layout else None
    found = read_plugin_options(args.config_file) if at else None
    if layout is None or at is None or found is None:
        return 2
    problem = docs_dir_problem(
        layout.root / str(found[0].get("docs_dir") or "docs"), (layout.content_dir, layout.plans_dir)
    )
    if problem:
        print(f"LỖI: {problem}", file=sys.stderr)
        return 2
    catalog = load_catalog(layout, at=at)
    graph = build_reference_graph(
        catalog.documents,
        catalog.external,
        catalog.issuers,
        bodies={d.src_uri: d.body for d in catalog.documents},
    )
    nav = Diagnostics()
    check_nav(
        found[0].get("nav"),
        link_targets(catalog, layout),
        layout.relative(args.config_file.resolve()),
        args.config_file.read_text(encoding="utf-8"),
        nav,
    )
    diagnostics = sorted(
        (*catalog.diagnostics, *graph.diagnostics, *nav.items), key=lambda d: (d.path, d.line, d.code)
    )
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    # The citation problems are listed always, but count against --strict only at the level mkdocs.yml gives them
    # (xref: unresolved: info), as in the build: a push the build would take is not refused.
    levels = xref_settings(found[1].get("xref")).levels
    quiet = {code for code, level in levels.items() if level != "warn"}
    failing = [
        d for d in diagnostics if d.severity is Severity.ERROR or (args.strict and d.code not in quiet)
    ]
    if args.format == "json":
        payload = {
            "ok": not failing,
            "documents": len(catalog.documents),
            "errors": len(errors),
            "warnings": len(diagnostics) - len(errors),
            "diagnostics": [d.as_dict() for d in diagnostics],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for diagnostic in diagnostics:
            label = diagnostic.severity.label.upper()
            print(f"{label}: {diagnostic.format()}")
        warnings = len(diagnostics) - len(errors)
        print(
            f"Đã kiểm tra {len(catalog.documents)} tài liệu hợp lệ: {len(errors)} lỗi, {warnings} cảnh báo."
        )
    return 1 if failing else 0
