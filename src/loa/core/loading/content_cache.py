"""What the build keeps between runs, by the digest of what it was made from (``.cache/loa/``).

Everything kept here can be made again, and nothing read from here is trusted: the cache folder sits inside the
repository, where an editor may commit files (``git add -f``) and a CI system may restore someone else's copy. So:

- an entry is plain bytes (text, HTML or JSON), never a serialised object that could run code when read;
- each entry starts with a header line carrying an HMAC-SHA256 of the payload, the kind and the key it was made
  for, under a random key kept on this machine outside the repository (`loa.core.loading.cache_trust`): a truncated,
  emptied or garbled entry, an entry moved to another key's place, and an entry made anywhere else fail it, are
  made again and replaced;
- a page is copied into the site, never linked: writing a cache file never changes what is served.

A cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CacheStore", "ContentCache", "keep_file"]

_MAGIC = b"loa-cache-1 "
_DIGEST_SIZE = 64  # hex characters of an HMAC-SHA256


def keep_file(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (a second build may read it meanwhile); failures are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        pass


@dataclass
class CacheStore:
    """Verified entries in ``folder``, signed with this machine's ``key``.

    Attributes:
        folder: Where the entries are (``.cache/loa/v1``), already checked by `loa.core.loading.cache_trust`.
        key: This machine's secret key.
        rejected: How many entries failed verification in this build (each was made again and replaced).
    """

    folder: Path
    key: bytes
    rejected: int = field(default=0)

    def _path(self, kind: str, name: str) -> Path:
        return self.folder / kind / name[:2] / name

    def _seal(self, kind: str, name: str, payload: bytes) -> bytes:
        message = kind.encode() + b"\0" + name.encode() + b"\0" + payload
        return hmac.new(self.key, message, hashlib.sha256).hexdigest().encode()

    def read(self, kind: str, name: str) -> bytes | None:
        """The payload kept for ``kind``/``name``, or None when absent or when it does not verify."""
        path = self._path(kind, name)
        try:
            with path.open("rb") as stream:
                if os.fstat(stream.fileno()).st_uid != os.getuid():
                    self.rejected += 1
                    return None
                data = stream.read()
        except OSError:
            return None
        header, newline, payload = data.partition(b"\n")
        seal = header.removeprefix(_MAGIC)
        if (
            not newline
            or not header.startswith(_MAGIC)
            or len(seal) != _DIGEST_SIZE
            or not hmac.compare_digest(seal, self._seal(kind, name, payload))
        ):
            self.rejected += 1
            return None
        return payload

    def write(self, kind: str, name: str, payload: bytes) -> None:
        """Keep ``payload`` for ``kind``/``name``, replacing whatever was there."""
        keep_file(self._path(kind, name), _MAGIC + self._seal(kind, name, payload) + b"\n" + payload)


class ContentCache:
    """Values by the digest of ``salt``, a kind and the parts they are made from; a miss is made and kept.

    Text values are kept compressed (`get`). Pages are kept as they are written and copied into the site
    (`place`).
    """

    def __init__(self, store: CacheStore | None, salt: str) -> None:
        self.store = store
        self.salt = salt.encode("utf-8")

    def _name(self, kind: str, parts: Sequence[str]) -> str:
        digest = hashlib.sha256(
            self.salt + kind.encode() + b"\0" + b"\0".join(p.encode("utf-8") for p in parts)
        )
        return digest.hexdigest()

    def get(self, kind: str, parts: Sequence[str], make: Callable[[], str]) -> str:
        """The value of ``kind`` made from ``parts``."""
        if self.store is None:
            return make()
        name = self._name(kind, parts)
        payload = self.store.read(kind, name)
        if payload is not None:
            try:
                return zlib.decompress(payload).decode("utf-8")
            except (zlib.error, UnicodeDecodeError):
                self.store.rejected += 1  # signed here, yet unreadable: made again like any bad entry
        value = make()
        self.store.write(kind, name, zlib.compress(value.encode("utf-8"), 1))
        return value

    def place(self, target: Path, parts: Sequence[str], make: Callable[[], str]) -> None:
        """Write the page made from ``parts`` at ``target``: a copy of the kept one, or made and kept."""
        name = self._name("page", parts) if self.store is not None else ""
        data = self.store.read("page", name) if self.store is not None else None
        if data is None:
            data = make().encode("utf-8")
            if self.store is not None:
                self.store.write("page", name, data)
        # A file of its own: the site never shares an inode with the cache.
        target.unlink(missing_ok=True)
        target.write_bytes(data)
