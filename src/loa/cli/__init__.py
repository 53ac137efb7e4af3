"""The editors' command line: ``loa build``, ``loa bundle``, ``loa check``, ``loa import``, ``loa new``, ``loa schema``,
``loa deploy``, ``loa rollback``, ``loa next-change``, ``loa hook``, ``loa status``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``loa`` command and return its exit status."""
    from loa.cli import build, bundle, check, deploy, hooks, importer, new, nginx, schema, status, vietnamese

    vietnamese.install()
    parser = vietnamese.Parser(prog="loa", description="Loa: đăng văn bản và tin bài từ Markdown.")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="LỆNH", parser_class=vietnamese.Parser
    )
    for module in (build, bundle, check, deploy, hooks, importer, new, nginx, schema, status):
        module.register(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # The reader of our output went away (``loa import --json | head``): nothing left to say.
        sys.stderr.close()
        return 1
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
