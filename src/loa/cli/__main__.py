"""Allow ``python -m loa.cli``."""

from __future__ import annotations

import sys

from loa.cli import main

sys.exit(main())
