"""Entry point of ``python -m loa.bench``."""

from __future__ import annotations

from loa.bench.runner import main

if __name__ == "__main__":
    raise SystemExit(main())
