"""The search index of a build from texts cached per review, so a rebuild reads only new reviews,
and updated in place, so a rebuild indexes only them.

Every text the index holds is read from one review's own triples (its title, summary, keywords,
items and the sentences of its annotations: ``search/index.py``, ``TEXTS_QUERY``), so a review
whose subgraph is unchanged has the same texts.  The texts are cached under the hash of the
review's subgraph that validation computes anyway (``Validation.keys``); a review whose texts are
not cached is loaded into a store to query them, instead of the whole graph (DECISIONS 48).

A cold build makes the index from all texts in :func:`~casegraph.search.index.ordered` order
(the bytes of indexing the whole graph).  A rebuild starts from the previous build's
``search.sqlite`` instead, when a record in the cache says which review subgraph each review's
rows came from and the file is the one recorded (its SHA-256): it deletes the rows of the
reviews that changed or left, inserts the rows of the new or changed ones, and records the new
data file's hash.  That index is *query-equivalent* to a cold build's, not byte-identical:
it holds the same rows, FTS5 keeps its statistics (row count, token totals, per-term document
counts) exact through deletes, so every search returns the same rows, scores and order; only
SQLite's rowids, pages and FTS5 segments differ (DECISIONS 59).  A rebuild that changes more
than :data:`REBUILD_SHARE` of the reviews makes the index afresh (smaller, and no dearer).

The caches are data, never code (as ``pipeline/cache.py``): the texts are JSON lines, one per
review, parsed only when a review's rows are needed (an unchanged review's line is copied); both
are tied to the source of the search module, so a change to how texts are read is a miss, never
a stale text.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from casegraph.core.errors import CasegraphError
from casegraph.core.iris import review_iri
from casegraph.search import index as search_index
from casegraph.search.index import DataHash, Text, index_texts, ordered, sha256_of, texts_of

FORMAT = "casegraph-search-cache/3"  # 3: lines parsed on demand; the index record beside them
RECORD_FORMAT = "casegraph-search-record/1"
#: Above this share of changed reviews a rebuild indexes every text afresh instead of in place.
REBUILD_SHARE = 0.5

Rows = list[Text]


@dataclass
class Cached:
    """The cached lines by subgraph hash, each parsed only when its review's texts are needed: a
    rebuild writes an unchanged review's line back as it is (parsing and re-encoding 190,000
    texts cost 4 CPU-s at 10,000 reviews, DECISIONS 55 and 59)."""

    lines: dict[str, bytes] = field(default_factory=dict)

    def get(self, key: str) -> Rows | None:
        """The texts cached under ``key``, or None (absent, or a line that is not ours)."""
        line = self.lines.get(key)
        if line is None:
            return None
        try:
            found, rows = json.loads(line)
            if found != key or not isinstance(rows, list):
                raise TypeError("not a cached review")
            return [_text(row) for row in rows]
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    @property
    def rows(self) -> dict[str, Rows]:
        """Every well-formed entry, parsed (for checks; the build parses only what it needs)."""
        parsed = {key: self.get(key) for key in self.lines}
        return {key: rows for key, rows in parsed.items() if rows is not None}


@lru_cache(maxsize=1)
def _digest() -> str:
    """What cached texts depend on besides the review's triples: the search module's code."""
    return hashlib.sha256(FORMAT.encode() + Path(search_index.__file__).read_bytes()).hexdigest()


def _header() -> bytes:
    return json.dumps({"format": _digest()}).encode()


def read(data: bytes | None) -> Cached:
    """The cached lines by key, or none for anything this module did not write.  A line is
    checked when it is parsed (:meth:`Cached.get`); here only its key is read: the text between
    the first two quotes of ``["<key>", …]`` (keys are hexadecimal hashes)."""
    if data is None:
        return Cached()
    head, *lines = data.split(b"\n")
    if head != _header():
        return Cached()
    out = Cached()
    for line in lines:
        end = line.find(b'"', 2)
        if line.startswith(b'["') and end > 2:
            key = line[2:end]
            if key.isalnum():
                out.lines[key.decode("ascii")] = line
    return out


def _text(row: list) -> Text:  # type: ignore[type-arg]
    review, kind, position, text = row
    if not (isinstance(review, str) and isinstance(kind, str) and isinstance(text, str)
            and (position is None or (isinstance(position, int) and not isinstance(position, bool)))):
        raise TypeError("not a cached text")
    return Text(review, kind, position, text)


def dumps(entries: dict[str, Rows | None], cached: Cached | None = None) -> bytes:
    """The bytes that :func:`read` reads back: an entry's rows, or (None) its line in ``cached``."""
    lines = cached.lines if cached is not None else {}

    def line(key: str, rows: Rows | None) -> bytes:
        if rows is None:
            return lines[key]
        return json.dumps([key, [[t.review, t.kind, t.position, t.text] for t in rows]],
                          ensure_ascii=False).encode("utf-8")

    return b"\n".join([_header(), *(line(key, rows) for key, rows in sorted(entries.items()))])


class Spooled(Mapping[str, Rows]):
    """Search texts by slug, kept in files of ``folder`` a batch at a time instead of in memory
    until the search index is made (a cold build reads them while it holds a batch's triples,
    DECISIONS 62 and 64).  Read back in the order they were put (one batch file kept at once)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.batch: dict[str, int] = {}
        self.files = 0
        self._loaded: tuple[int, dict[str, Rows]] | None = None

    def put(self, rows: dict[str, Rows]) -> None:
        """Put one batch's texts on disk."""
        path = self.folder / f"texts-{self.files}.json"
        doc = {slug: [[t.review, t.kind, t.position, t.text] for t in texts]
               for slug, texts in rows.items()}
        try:
            path.write_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            raise CasegraphError(f"cannot write: {exc.strerror}", path) from None
        self.batch.update((slug, self.files) for slug in rows)
        self.files += 1

    def __getitem__(self, slug: str) -> Rows:
        n = self.batch[slug]
        if self._loaded is None or self._loaded[0] != n:
            doc = json.loads((self.folder / f"texts-{n}.json").read_bytes())
            self._loaded = (n, {s: [_text(row) for row in rows] for s, rows in doc.items()})
        return self._loaded[1][slug]

    def __contains__(self, slug: object) -> bool:
        return slug in self.batch

    def __iter__(self) -> Iterator[str]:
        return iter(self.batch)

    def __len__(self) -> int:
        return len(self.batch)


@dataclass
class Previous:
    """The last build's index and, for each review it holds, the subgraph hash its rows are of."""

    index: bytes
    reviews: dict[str, str]


def record(index: bytes, slugs: list[str], keys: dict[str, str]) -> bytes:
    """What :func:`previous` needs next time: the index's SHA-256 and each review's key."""
    return json.dumps({"format": RECORD_FORMAT, "search": _digest(),
                       "sha256": hashlib.sha256(index).hexdigest(),
                       "reviews": {s: keys[s] for s in slugs}}, sort_keys=True).encode()


def previous(data: bytes | None, index: bytes | None) -> Previous | None:
    """The previous index, when ``data`` (its record) is ours, of this search code, and names
    exactly ``index`` (the file beside the last build's data); otherwise None."""
    if data is None or index is None:
        return None
    try:
        doc = json.loads(data)
        reviews = doc["reviews"]
        ok = (doc["format"] == RECORD_FORMAT and doc["search"] == _digest()
              and doc["sha256"] == hashlib.sha256(index).hexdigest() and isinstance(reviews, dict)
              and all(isinstance(k, str) and isinstance(v, str) for k, v in reviews.items()))
    except (ValueError, KeyError, TypeError):
        return None
    return Previous(index, reviews) if ok else None


def build_index(slugs: list[str], triples_of: Callable[[str], list[ox.Triple]],
                keys: dict[str, str], cache: Cached, data: bytes | DataHash,
                prepare: Callable[[list[str]], None] | None = None,
                before: Previous | None = None, read: Mapping[str, Rows] | None = None,
                ) -> tuple[bytes, dict[str, Rows | None]]:
    """The index of the published reviews ``slugs`` for the data file ``data``, and the cache
    entries to keep (those of these reviews, by their subgraph hash in ``keys``; None for an
    entry whose cached line is kept as it is).

    With ``before`` (the last build's index, :func:`previous`) only the reviews whose key
    changed are indexed, in place; otherwise every text, afresh.  ``triples_of`` gives a
    review's triples; it is called only for reviews whose texts are not cached (a rebuild does
    not emit the others again, pipeline/reviewcache.py), and ``prepare`` first with all of
    them.  ``read`` holds texts the caller already read, by slug (a build reads them while it
    holds a batch's triples, so it need not emit them again, DECISIONS 62)."""
    changed = _changed(slugs, keys, before)
    need = slugs if changed is None else changed[1]
    entries: dict[str, Rows | None] = {keys[s]: None for s in slugs if keys[s] in cache.lines}
    rows = _rows(need, keys, cache, triples_of, prepare, entries, read or {})
    if before is None or changed is None:
        texts = ordered(t for s in slugs for t in rows[s])
        return index_texts(texts, data), entries
    gone, new = changed
    return _updated(before.index, gone, ordered(t for s in new for t in rows[s]), data), entries


def _changed(slugs: list[str], keys: dict[str, str], before: Previous | None
             ) -> tuple[list[str], list[str]] | None:
    """The reviews whose rows leave the previous index and those whose rows enter it, or None
    when the index is to be made afresh (no previous index, or too much changed)."""
    if before is None:
        return None
    now = {s: keys[s] for s in slugs}
    gone = [s for s, k in before.reviews.items() if now.get(s) != k]
    new = [s for s in slugs if before.reviews.get(s) != now[s]]
    if len(gone) + len(new) > REBUILD_SHARE * max(len(slugs), 1):
        return None
    return gone, new


def _rows(need: list[str], keys: dict[str, str], cache: Cached,
          triples_of: Callable[[str], list[ox.Triple]], prepare: Callable[[list[str]], None] | None,
          entries: dict[str, Rows | None], read: Mapping[str, Rows]) -> dict[str, Rows]:
    """The texts of the reviews ``need``: from the cache, from ``read``, or read from their
    triples (the last two entered in ``entries``, so the cache gets their lines)."""
    found: dict[str, Rows] = {}
    for s in need:
        rows = cache.get(keys[s]) if keys[s] in entries else None
        if rows is not None:
            found[s] = rows
        elif s in read:
            found[s] = entries[keys[s]] = read[s]
    todo = [s for s in need if s not in found]
    if prepare is not None and todo:
        prepare(todo)  # the build makes these reviews' objects at once (pipeline/snapshot.py)
    for s, rows in texts_by_review(todo, triples_of).items():
        found[s] = entries[keys[s]] = rows
    return found


def texts_by_review(slugs: list[str], triples_of: Callable[[str], list[ox.Triple]],
                    ) -> dict[str, Rows]:
    """The texts of these reviews, read from their triples in one store (every text is one
    review's own, ``search/index.py``, so reading reviews together or apart gives the same)."""
    read: dict[str, Rows] = {}
    for t in texts_of(x for s in slugs for x in triples_of(s)):
        read.setdefault(t.review, []).append(t)
    return {s: read.get(review_iri(s), []) for s in slugs}


def _updated(index: bytes, gone: list[str], texts: list[Text], data: bytes | DataHash) -> bytes:
    """``index`` without the rows of the reviews ``gone``, with ``texts`` added, recording the
    hash of ``data``: FTS5 keeps its statistics exact through the deletes, so searches give
    what a fresh index of the same rows gives."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(index)
        if gone:  # one scan of the rows, each looked up in the set of reviews that left
            conn.execute("CREATE TEMP TABLE gone (review TEXT PRIMARY KEY)")
            conn.executemany("INSERT OR IGNORE INTO gone VALUES (?)", ((review_iri(s),) for s in gone))
            conn.execute("DELETE FROM texts WHERE review IN (SELECT review FROM gone)")
            conn.execute("DROP TABLE gone")
        conn.executemany("INSERT INTO texts VALUES (?, ?, ?, ?)",
                         ((t.review, t.kind, t.position, t.text) for t in texts))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'data_sha256'", (sha256_of(data),))
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()
