"""Build benchmark: MkDocs + Material, Loa and Hugo on deterministic synthetic corpora.

Run ``python -m loa.bench --help``. `generate_corpus` writes a corpus project for tests and experiments.
"""

from __future__ import annotations

from loa.bench.corpus import generate_corpus

__all__ = ["generate_corpus"]
