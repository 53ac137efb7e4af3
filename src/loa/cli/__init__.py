"""The editors' command line: ``loa build``, ``loa bundle``, ``loa check``, ``loa schema``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``loa`` command and return its exit status."""
    from loa.cli import build, bundle, check, schema

    parser = argparse.ArgumentParser(prog="loa", description="Loa: đăng văn bản và tin bài từ Markdown.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    for module in (build, bundle, check, schema):
        module.register(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
