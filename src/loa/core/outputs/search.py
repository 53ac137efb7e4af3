"""The site's search index, built from the published documents and loaded by the browser a few files at a time.

Everything lives under ``search/`` in the built site:

- ``index.js``: the manifest: the build's directory, the shard keys with their sizes, the number of documents.
- ``<dir>/facets.js``: each document's type, year, issuer and topics, for the filters and their counts.
- ``<dir>/t/<n>.js``: the postings of every term whose longest shard key prefix is ``keys[n]``.
- ``<dir>/d/<id>.js``: what a result shows: title, URL, type, number, issuer, date.
- ``<dir>/x/<id>.js``: the document's text, for excerpts and for checking quoted phrases.

Every file is a script that calls ``loaSearchData(name, data)``. A ``<script>`` tag loads it from ``http://`` and
``file://`` alike (browsers refuse ``fetch()`` from ``file://``), so an offline copy of the site searches with the
same files and the same code. ``<dir>`` is a digest of the contents: a browser never mixes files of two builds.

Terms are the tokens of :func:`loa.core.text.normalize.tokens` (folded: no diacritics, đ→d), the pairs of adjacent
tokens ("nghi quyet"), which answer quoted phrases and rank pages with the query's words side by side, and ``#``
followed by the :func:`~loa.core.text.normalize.number_key` of a page's own number. Postings hold BM25 weights: the title
counts six times, the number, type, issuer, signer and date three times, the text once.
"""

from __future__ import annotations

import hashlib
import json
import math
import operator
import os
import re
import shutil
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import lxml.html

from loa.core.model.document import DOC_TYPES
from loa.core.outputs.search_entries import FACETS, SearchEntry, search_entries
from loa.core.text.normalize import TokenMemo, fold

__all__ = [
    "FACETS",
    "SearchEntry",
    "SearchIndexWriter",
    "html_text",
    "search_entries",
]

_TITLE, _META, _TEXT = 6, 3, 1
_K1, _B = 1.2, 0.75
_SHARD_BYTES = 32_000
_SMALL_GROUP = 4_000
_MAX_KEY = 12
_BLOCKS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "tr",
    "table",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "ul",
    "ol",
    "br",
    "hr",
    "figcaption",
    "section",
    "article",
)
_CELLS = ("td", "th")
_SPACES = "\t\r\f\v\u00a0"
_RUNS = re.compile("  +")
_BLANKS = re.compile("\n\n+")


def html_text(html: str) -> str:
    """The readable text of an HTML fragment: one line per block, spaces collapsed, permalink signs dropped."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for anchor in root.xpath('//a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]'):
        anchor.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_CELLS):
        element.tail = " " + (element.tail or "")
    return _collapse(root.text_content())


def _collapse(text: str) -> str:
    """Spaces, tabs and no-break spaces become one space, and a line break with spaces around it one line break.

    Plain ``str.replace`` where it can: a character class run over every character of the text costs more than
    the HTML parser.
    """
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    text = _RUNS.sub(" ", text)
    # Spaces come alone now: each one next to a line break goes, then runs of line breaks become one.
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    return _BLANKS.sub("\n", text).strip()


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _script(name: str, data: Any) -> bytes:
    return _json_script(name, _encode(data))


def _json_script(name: str, payload: str) -> bytes:
    # "<" and ">" only occur inside JSON strings: written as escapes, no text can close or open a tag should the
    # data ever be inlined in a page (the strings read the same).
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e")
    return f'loaSearchData("{name}",{payload});\n'.encode()


class SearchIndexWriter:
    """Builds the index page by page and writes it when the build ends.

    Memory stays small at 20,000 documents: a page's text goes to disk as soon as it is added, the postings are
    compact arrays (a document id and a weighted term frequency per term and document, four bytes each below
    65,536 documents), and the shards are written one at a time.

    Arguments:
        root: The ``search/`` directory of the site being built.
        entries: The searchable pages; an entry's position is its document id.
    """

    def __init__(self, root: Path, entries: Sequence[SearchEntry]) -> None:
        self.root = root
        self.entries = entries
        self.ids = {entry.src_uri: number for number, entry in enumerate(entries)}
        self._staging = root / f".staging-{os.getpid()}"
        # Per term, one integer per page that has it: the page's id << 16 | its weighted term frequency.
        self._postings: dict[str, array[int]] = {}
        self._typecode = "I" if len(entries) <= 1 << 16 and array("I").itemsize >= 4 else "Q"
        self._lengths = array("I", bytes(4 * len(entries)))
        self._digests: list[bytes | None] = [None] * len(entries)
        self._tokens = TokenMemo()

    def add(self, src_uri: str, text: str) -> None:
        """Index the page ``src_uri`` (ignored unless it is searchable) with its readable ``text``."""
        doc_id = self.ids.get(src_uri)
        if doc_id is None or self._digests[doc_id] is not None:
            return
        entry = self.entries[doc_id]
        words = self._tokens(text)
        # Words, and word pairs for quoted phrases and for ranking pages with the query's words side by side.
        counts = Counter(words)
        counts.update(map(" ".join, pairwise(words)))
        for part, weight in ((self._tokens(entry.keywords), _META), (self._tokens(entry.title), _TITLE)):
            for term in (*part, *map(" ".join, pairwise(part))):
                counts[term] += weight
        if entry.number_key:
            counts["#" + entry.number_key] = 1
        if counts and max(counts.values()) > 0xFFFF:
            counts = Counter({term: min(0xFFFF, count) for term, count in counts.items()})
        postings = self._postings
        packed = doc_id << 16
        for term, count in counts.items():
            # Millions of times per build: the common case (the term is known) costs one dictionary lookup.
            try:
                postings[term].append(packed | count)
            except KeyError:
                postings[term] = array(self._typecode, (packed | count,))
        self._lengths[doc_id] = len(words)
        self._digests[doc_id] = self._write_page(doc_id, entry, text)

    def _write_page(self, doc_id: int, entry: SearchEntry, text: str) -> bytes:
        digest = hashlib.sha256()
        for folder, data in (("d", entry.shown()), ("x", text)):
            content = _script(f"{folder}/{doc_id}", data)
            path = self._staging / folder / f"{doc_id}.js"
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
            path.write_bytes(content)
            digest.update(content)
        return digest.digest()

    def finish(self) -> Path:
        """Write the shards, the filters and the manifest; return the manifest's path.

        Pages that were never added (none, in a normal build) are searchable by their title and keywords. The
        postings are released shard by shard as they are written.
        """
        for entry in self.entries:
            if self._digests[self.ids[entry.src_uri]] is None:
                self.add(entry.src_uri, "")
        digest = hashlib.sha256(b"".join(d or b"" for d in self._digests))
        (self._staging / "t").mkdir(parents=True, exist_ok=True)
        facets = _script("facets", self._facets())
        (self._staging / "facets.js").write_bytes(facets)
        digest.update(facets)
        keys = _shard_keys({term: len(term) + 8 * len(packed) for term, packed in self._postings.items()})
        sizes = []
        for number, content in enumerate(self._shards(keys)):
            (self._staging / "t" / f"{number}.js").write_bytes(content)
            digest.update(content)
            sizes.append(len(content))
        self._tokens.clear()
        directory = digest.hexdigest()[:16]
        final = self.root / directory
        if final.exists():
            shutil.rmtree(final)
        self._staging.rename(final)
        manifest = {"v": 1, "dir": directory, "docs": len(self.entries), "keys": keys, "sizes": sizes}
        path = self.root / "index.js"
        path.write_bytes(_script("index", manifest))
        return path

    def discard(self) -> None:
        """Remove what a failed build wrote."""
        shutil.rmtree(self._staging, ignore_errors=True)

    def _shards(self, keys: list[str]) -> Iterator[bytes]:
        """Each shard's file, in the order of ``keys``: its terms with their postings ``[first id, weight, id gap,
        weight, …]``, as ``json.dumps`` would write the dictionary (built here one term at a time, to stay small).
        """
        count = max(1, len(self.entries))
        texts = [length for length in self._lengths if length]
        average = max(1.0, sum(texts) / max(1, len(texts)))
        # A page with no text of its own (a cited document's) counts as one of average length.
        norms = [_K1 * (1 - _B + _B * (length or average) / average) for length in self._lengths]
        scales = [10 * (_K1 + 1) * entry.weight for entry in self.entries]
        positions = {key: number for number, key in enumerate(keys)}
        members: list[list[str]] = [[] for _ in keys]
        for term in sorted(self._postings):
            members[positions[_longest_key(term, positions)]].append(term)
        for number, terms in enumerate(members):
            parts = []
            for term in terms:
                packed = sorted(self._postings.pop(term))
                ids = [p >> 16 for p in packed]
                flat = [0] * (2 * len(ids))
                flat[::2] = map(operator.sub, ids, [0, *ids])
                if not term.startswith("#"):  # a number key's weights stay 0
                    idf = math.log(1 + (count - len(ids) + 0.5) / (len(ids) + 0.5))
                    # round() is never negative here, so "or 1" is max(1, …) for less.
                    flat[1::2] = [
                        round(idf * scales[i] * f / (f + norms[i])) or 1
                        for i, f in zip(ids, [p & 0xFFFF for p in packed], strict=True)
                    ]
                parts.append(f"{_encode(term)}:{_encode(flat)}")
            yield _json_script(f"t/{number}", "{" + ",".join(parts) + "}")

    def _facets(self) -> dict[str, Any]:
        """Per filter: its values (id, label, in display order) and each document's value indexes."""
        result: dict[str, Any] = {}
        chosen = [dict(entry.facets) for entry in self.entries]
        for name in FACETS:
            values: dict[str, str] = {}
            for facets in chosen:
                values.update(facets.get(name, ()))
            ordered = sorted(values.items(), key=lambda item: _facet_order(name, item))
            index = {value: number for number, (value, _) in enumerate(ordered)}
            docs = [[index[value] for value, _ in facets.get(name, ())] for facets in chosen]
            result[name] = {"values": [list(item) for item in ordered], "docs": docs}
        return result


_TYPE_ORDER = {t.slug: n for n, t in enumerate(DOC_TYPES)}


def _facet_order(name: str, item: tuple[str, str]) -> tuple[Any, ...]:
    value, label = item
    if name == "nam":
        return (-int(value),)
    if name == "loai":
        return (_TYPE_ORDER.get(value, len(_TYPE_ORDER)), fold(label))
    return (fold(label), label)


def _longest_key(term: str, keys: Mapping[str, int]) -> str:
    for length in range(min(len(term), _MAX_KEY), -1, -1):
        if term[:length] in keys:
            return term[:length]
    raise AssertionError("the empty key covers every term")


def _shard_keys(sizes: Mapping[str, int]) -> list[str]:
    """Split the sorted terms into shards of about ``_SHARD_BYTES`` by common prefix.

    A term belongs to the shard of its longest prefix among the keys, so the browser finds a term's shard, or
    every shard a prefix can reach, from the keys alone. The empty key always exists.
    """
    keys: list[str] = []

    def split(key: str, terms: list[str]) -> None:
        size = sum(sizes[t] for t in terms)
        if size <= _SHARD_BYTES or len(key) >= _MAX_KEY or all(t == key for t in terms):
            keys.append(key)
            return
        groups: dict[str, list[str]] = {}
        staying = 0
        for term in terms:
            if len(term) == len(key):
                staying += 1
            else:
                groups.setdefault(term[len(key)], []).append(term)
        for letter, group in groups.items():
            if sum(sizes[t] for t in group) > _SMALL_GROUP:
                split(key + letter, group)
        keys.append(key)

    split("", sorted(sizes))
    return sorted(keys)
