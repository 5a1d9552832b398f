"""The search index of a build from texts cached per review, so a rebuild reads only new reviews.

Every text the index holds is read from one review's own triples (its title, summary, keywords,
items and the sentences of its annotations: ``search/index.py``, ``TEXTS_QUERY``), so a review
whose subgraph is unchanged has the same texts.  The texts are cached under the hash of the
review's subgraph that validation computes anyway (``Validation.keys``); a rebuild loads only
the new or changed reviews into a store to query them, instead of the whole graph (about 2 of
the 4 CPU-s of indexing 1,000 reviews, DECISIONS 48).  The index is then made from all texts in
the same order as from the whole graph, so its bytes are the same.

The cache is JSON (data, never code, as ``pipeline/cache.py``) and is tied to the source of the
search module: a change to how texts are read is a miss, never a stale text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from casegraph.core.iris import review_iri
from casegraph.search import index as search_index
from casegraph.search.index import Text, index_texts, ordered, texts_of

FORMAT = "casegraph-search-cache/1"

Rows = list[Text]


@lru_cache(maxsize=1)
def _digest() -> str:
    """What cached texts depend on besides the review's triples: the search module's code."""
    return hashlib.sha256(FORMAT.encode() + Path(search_index.__file__).read_bytes()).hexdigest()


def read(data: bytes | None) -> dict[str, Rows]:
    """The cached texts by subgraph hash, or none for anything this module did not write."""
    try:
        doc = json.loads(data) if data is not None else None
        if not isinstance(doc, dict) or doc.get("format") != _digest():
            return {}
        return {key: [_text(row) for row in rows] for key, rows in doc["reviews"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def _text(row: list) -> Text:  # type: ignore[type-arg]
    review, kind, position, text = row
    if not (isinstance(review, str) and isinstance(kind, str) and isinstance(text, str)
            and (position is None or (isinstance(position, int) and not isinstance(position, bool)))):
        raise TypeError("not a cached text")
    return Text(review, kind, position, text)


def dumps(entries: dict[str, Rows]) -> bytes:
    """The JSON bytes that :func:`read` reads back."""
    doc = {"format": _digest(),
           "reviews": {key: [[t.review, t.kind, t.position, t.text] for t in rows]
                       for key, rows in entries.items()}}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


def build_index(slugs: list[str], triples_of: Callable[[str], list[ox.Triple]],
                keys: dict[str, str], cached: dict[str, Rows], data: bytes,
                ) -> tuple[bytes, dict[str, Rows]]:
    """The index of the published reviews ``slugs`` for the data file ``data``, and the cache
    entries to keep (those of these reviews, by their subgraph hash in ``keys``).

    ``triples_of`` gives a review's triples; it is called only for reviews whose texts are not
    cached (a rebuild does not emit the others again, pipeline/reviewcache.py)."""
    entries = {keys[s]: cached[keys[s]] for s in slugs if keys[s] in cached}
    todo = [s for s in slugs if keys[s] not in entries]
    fresh: dict[str, Rows] = {}
    for t in texts_of(x for s in todo for x in triples_of(s)):
        fresh.setdefault(t.review, []).append(t)
    for slug in todo:
        entries[keys[slug]] = fresh.get(review_iri(slug), [])
    texts = ordered(t for s in slugs for t in entries[keys[s]])
    return index_texts(texts, data), entries
