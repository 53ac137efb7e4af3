"""Keeping Material's search index off the heap.

Material's search plugin holds every page's text until the end of the build, then serialises it into one string:
at 20,000 documents that alone is most of a gigabyte. After each page is written, its entries are moved to a
temporary file; at the end the index is written from that file, byte for byte what Material would have written.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import IO, Any

from mkdocs.config.defaults import MkDocsConfig

__all__ = ["SearchSpool"]

_SEARCH = "material/search"


class SearchSpool:
    """Spools the entries of Material's search index to disk."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._count = 0

    @staticmethod
    def _index(config: MkDocsConfig) -> Any:
        plugin = config.plugins.get(_SEARCH)
        if plugin is None or not plugin.config.enabled:
            return None
        return getattr(plugin, "search_index", None)

    def drain(self, config: MkDocsConfig) -> None:
        """Move the entries Material has collected so far to the spool file."""
        index = self._index(config)
        if index is None or not index.entries:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - spans the build, closed in write()
        for entry in index.entries:
            self._file.write(json.dumps(entry, separators=(",", ":"), default=str).encode("utf-8") + b"\n")
            self._count += 1
        index.entries.clear()

    def write(self, config: MkDocsConfig) -> None:
        """Write ``search/search_index.json`` from the spool (after Material has written its own, now empty)."""
        index = self._index(config)
        if index is None or self._file is None:
            return
        settings = {key: index.config[key] for key in ["lang", "separator", "pipeline", "fields"]}
        path = Path(config.site_dir) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file.seek(0)
        with path.open("wb") as out:
            out.write(b'{"config":' + json.dumps(settings, separators=(",", ":"), default=str).encode() + b',"docs":[')
            for number, line in enumerate(self._file):
                if number:
                    out.write(b",")
                out.write(line.rstrip(b"\n"))
            out.write(b"]}")
        self._file.close()
        self._file, self._count = None, 0
