"""Where a project keeps its sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Layout"]


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its sources.

    Attributes:
        root: Project root; diagnostics show paths relative to it.
        content_dir: Articles and site pages, mounted at the root of the site. Never the renderer's docs_dir: a
            build that bypasses Loa must find no document.
        plans_dir: Official documents, mounted under ``plans/`` in the site.
        data_dir: YAML registries.
        max_file_size: Largest accepted Markdown file, in bytes.
    """

    root: Path
    content_dir: Path
    plans_dir: Path
    data_dir: Path
    max_file_size: int = 1_000_000

    def relative(self, path: Path) -> str:
        """Return ``path`` relative to the project root, POSIX style."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
