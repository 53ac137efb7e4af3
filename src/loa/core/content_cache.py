"""What the build keeps between runs, by the digest of what it was made from (``.cache/loa/``).

Everything kept here can be made again: a cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["ContentCache", "keep_file"]


def keep_file(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (a second build may read it meanwhile); failures are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        pass


class ContentCache:
    """Values by the digest of ``salt``, a kind and the parts they are made from; a miss is made and kept.

    Text values are kept compressed (`get`). Pages are kept as they are written and copied into the site
    (`place`).
    """

    def __init__(self, folder: Path | None, salt: str) -> None:
        self.folder = folder
        self.salt = salt.encode("utf-8")

    def _path(self, kind: str, parts: Sequence[str]) -> Path:
        assert self.folder is not None
        digest = hashlib.sha256(self.salt + kind.encode() + b"\0" + b"\0".join(p.encode("utf-8") for p in parts))
        return self.folder / kind / digest.hexdigest()[:2] / digest.hexdigest()

    def get(self, kind: str, parts: Sequence[str], make: Callable[[], str]) -> str:
        """The value of ``kind`` made from ``parts``."""
        if self.folder is None:
            return make()
        path = self._path(kind, parts)
        try:
            return zlib.decompress(path.read_bytes()).decode("utf-8")
        except (OSError, zlib.error):
            value = make()
            keep_file(path, zlib.compress(value.encode("utf-8"), 1))
            return value

    def place(self, target: Path, parts: Sequence[str], make: Callable[[], str]) -> None:
        """Put the page made from ``parts`` at ``target``: copied from the cache, or made and kept.

        Copied, never hard-linked: a page of the site sharing an inode with the cache would change with the
        cache (or with a killed build's use of it) while it is served.
        """
        path = self._path("page", parts) if self.folder is not None else None
        if path is not None:
            try:
                target.write_bytes(path.read_bytes())
                return
            except OSError:
                pass
        data = make().encode("utf-8")
        target.write_bytes(data)
        if path is not None:
            keep_file(path, data)
