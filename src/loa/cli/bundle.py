"""``loa bundle``: the public site as one zip to read offline (USB stick, village computer), built afresh."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from loa.cli.build import add_build_arguments, build_site, build_time
from loa.core.bundle import write_bundle

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``bundle`` command."""
    parser = commands.add_parser("bundle", help="đóng gói trang công khai thành tệp zip đọc được khi không có mạng")
    add_build_arguments(parser)
    parser.add_argument("-o", "--output", type=Path, default=Path("dist/loa-ngoai-tuyen.zip"),
                        help="tệp zip cần ghi (mặc định: dist/loa-ngoai-tuyen.zip)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the public site into a temporary directory, zip it, print what was written."""
    at = build_time(args.at)
    if at is None:
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
