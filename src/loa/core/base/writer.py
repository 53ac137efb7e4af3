"""The one writer of a build's own files: the pages' companions Loa adds to the site (standalone copies, cards,
feeds, calendars, redirect pages) go through it, and stay inside the site."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

__all__ = ["SiteWriter"]


class SiteWriter:
    """Writes files under one site folder, and nowhere else.

    The folder itself is guarded by the release guards (`loa.core.outputs.releases`: a new release folder,
    refused when it is or holds the sources); this guard keeps every path inside it: an absolute path or one that
    climbs out (``../``) is refused before anything is written.
    """

    def __init__(self, site: Path) -> None:
        self.site = site

    def path(self, site_path: str) -> Path:
        """The file at the site-relative ``site_path``, its folder made."""
        parts = PurePosixPath(site_path).parts
        if not parts or PurePosixPath(site_path).is_absolute() or ".." in parts:
            raise ValueError(f"not a path inside the site: {site_path!r}")
        target = self.site.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write_bytes(self, site_path: str, data: bytes) -> None:
        """Write ``data`` at ``site_path``."""
        self.path(site_path).write_bytes(data)

    def write_text(self, site_path: str, text: str) -> None:
        """Write ``text`` at ``site_path``, UTF-8."""
        self.path(site_path).write_text(text, encoding="utf-8")
