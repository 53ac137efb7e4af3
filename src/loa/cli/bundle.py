"""``loa bundle``: the public site as one zip to read offline (USB stick, village computer), built afresh."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from loa.cli.build import add_build_arguments, build_site, build_time, os_error_message, source_folders
from loa.cli.project import read_plugin_options
from loa.core.outputs.bundle import write_bundle
from loa.core.outputs.releases import OutputRefused, check_output_file, output_path

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``bundle`` command."""
    parser = commands.add_parser(
        "bundle", help="đóng gói trang công khai thành tệp zip đọc được khi không có mạng"
    )
    add_build_arguments(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("dist/loa-ngoai-tuyen.zip"),
        help="tệp zip cần ghi (mặc định: dist/loa-ngoai-tuyen.zip)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the public site into a temporary directory, zip it, print what was written."""
    at = build_time(args.at)
    if at is None:
        return 2
    found = read_plugin_options(args.config_file)
    if found is None:
        return 1
    root = args.config_file.resolve().parent
    output = output_path(args.output)
    try:
        check_output_file(output, sources=source_folders(root, *found), kind="tệp zip", head=b"PK\x03\x04")
    except OutputRefused as refusal:
        print(refusal, file=sys.stderr)
        return 1
    try:
        work = Path(tempfile.mkdtemp(prefix=".loa-bundle-", dir=root))
        try:
            site = work / "site"
            if build_site(args.config_file, site_dir=site, at=at.isoformat(), target="public") != 0:
                return 1
            files, size = write_bundle(site, output, built=at, prefix="trang/")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except OSError as error:
        print(f"LỖI: {os_error_message(error)}.", file=sys.stderr)
        return 1
    print(
        f"Đã ghi {args.output}: {files} tệp, {size / 1e6:.1f} MB. Giải nén rồi mở trang/index.html.",
        file=sys.stderr,
    )
    return 0
