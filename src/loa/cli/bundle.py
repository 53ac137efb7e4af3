"""``loa bundle``: the public site as one zip to read offline (USB stick, village computer), built afresh."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from loa.cli.build import build_site
from loa.core.bundle import write_bundle
from loa.core.publication import parse_build_time

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``bundle`` command."""
    parser = commands.add_parser("bundle", help="đóng gói trang công khai thành tệp zip đọc được khi không có mạng")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument("-o", "--output", type=Path, default=Path("dist/loa-ngoai-tuyen.zip"),
                        help="tệp zip cần ghi (mặc định: dist/loa-ngoai-tuyen.zip)")
    parser.add_argument("--at", metavar="THỜI_ĐIỂM",
                        help="dựng như tại thời điểm này, ví dụ 2022-01-10T08:00:00+07:00 (mặc định: bây giờ)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the public site into a temporary directory, zip it, print what was written."""
    try:
        at = parse_build_time(args.at)
    except ValueError:
        print(f"Thời điểm '{args.at}' không hợp lệ; dùng dạng 2022-01-10T08:00:00+07:00", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix=".loa-bundle-", dir=args.config_file.resolve().parent))
    try:
        site = work / "site"
        if build_site(args.config_file, site_dir=site, at=at.isoformat(), target="public") != 0:
            return 1
        files, size = write_bundle(site, args.output, built=at, prefix="trang/")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Đã ghi {args.output}: {files} tệp, {size / 1e6:.1f} MB. Giải nén rồi mở trang/index.html.",
          file=sys.stderr)
    return 0
