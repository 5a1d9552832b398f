"""The search index of a build from texts cached per review, so a rebuild reads only new reviews.

Every text the index holds is read from one review's own triples (its title, summary, keywords,
items and the sentences of its annotations: ``search/index.py``, ``TEXTS_QUERY``), so a review
whose subgraph is unchanged has the same texts.  The texts are cached under the hash of the
review's subgraph that validation computes anyway (``Validation.keys``); a rebuild loads only
the new or changed reviews into a store to query them, instead of the whole graph (about 2 of
the 4 CPU-s of indexing 1,000 reviews, DECISIONS 48).  The index is then made from all texts in
the same order as from the whole graph, so its bytes are the same.

The cache is JSON lines (data, never code, as ``pipeline/cache.py``), one per review, and is tied
to the source of the search module: a change to how texts are read is a miss, never a stale
text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from casegraph.core.iris import review_iri
from casegraph.search import index as search_index
from casegraph.search.index import Text, index_texts, ordered, texts_of

FORMAT = "casegraph-search-cache/2"  # 2: a header line, then one line per review

Rows = list[Text]


@dataclass
class Cached:
    """The cached texts by subgraph hash, and the line each was read from: a rebuild writes an
    unchanged review's line back as it is (re-encoding 190,000 texts cost 2 CPU-s at 10,000
    reviews, DECISIONS 55)."""

    rows: dict[str, Rows] = field(default_factory=dict)
    lines: dict[str, bytes] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _digest() -> str:
    """What cached texts depend on besides the review's triples: the search module's code."""
    return hashlib.sha256(FORMAT.encode() + Path(search_index.__file__).read_bytes()).hexdigest()


def _header() -> bytes:
    return json.dumps({"format": _digest()}).encode()


def read(data: bytes | None) -> Cached:
    """The cached texts, or none for anything this module did not write."""
    if data is None:
        return Cached()
    head, *lines = data.split(b"\n")
    if head != _header():
        return Cached()
    out = Cached()
    try:
        for line in lines:
            key, rows = json.loads(line)
            if not isinstance(key, str) or not isinstance(rows, list):
                raise TypeError("not a cached review")
            out.rows[key] = [_text(row) for row in rows]
            out.lines[key] = line
        return out
    except (ValueError, KeyError, TypeError, AttributeError):
        return Cached()


def _text(row: list) -> Text:  # type: ignore[type-arg]
    review, kind, position, text = row
    if not (isinstance(review, str) and isinstance(kind, str) and isinstance(text, str)
            and (position is None or (isinstance(position, int) and not isinstance(position, bool)))):
        raise TypeError("not a cached text")
    return Text(review, kind, position, text)


def dumps(entries: dict[str, Rows], cached: Cached | None = None) -> bytes:
    """The bytes that :func:`read` reads back (lines of ``cached`` reused for its keys)."""
    lines = cached.lines if cached is not None else {}
    return b"\n".join([_header(), *(
        lines.get(key) or json.dumps([key, [[t.review, t.kind, t.position, t.text] for t in rows]],
                                     ensure_ascii=False).encode("utf-8")
        for key, rows in sorted(entries.items()))])


def build_index(slugs: list[str], triples_of: Callable[[str], list[ox.Triple]],
                keys: dict[str, str], cache: Cached, data: bytes,
                prepare: Callable[[list[str]], None] | None = None,
                ) -> tuple[bytes, dict[str, Rows]]:
    """The index of the published reviews ``slugs`` for the data file ``data``, and the cache
    entries to keep (those of these reviews, by their subgraph hash in ``keys``).

    ``triples_of`` gives a review's triples; it is called only for reviews whose texts are not
    cached (a rebuild does not emit the others again, pipeline/reviewcache.py), and
    ``prepare`` first with all of them."""
    cached = cache.rows
    entries = {keys[s]: cached[keys[s]] for s in slugs if keys[s] in cached}
    todo = [s for s in slugs if keys[s] not in entries]
    if prepare is not None and todo:
        prepare(todo)  # the build makes these reviews' objects at once (pipeline/snapshot.py)
    fresh: dict[str, Rows] = {}
    for t in texts_of(x for s in todo for x in triples_of(s)):
        fresh.setdefault(t.review, []).append(t)
    for slug in todo:
        entries[keys[slug]] = fresh.get(review_iri(slug), [])
    texts = ordered(t for s in slugs for t in entries[keys[s]])
    return index_texts(texts, data), entries
