"""The last build's recurrence clusters, reused when a build clusters exactly the same items.

Clustering (``casegraph.recur``) is corpus-wide: every item's TF-IDF weights use an IDF over all
distinct texts of the build, so one new text changes every weight, every candidate pair's score
and possibly any cluster.  Cached pair scores therefore cannot give a cold build's clusters
after a page adds a text (DECISIONS 59 has the figures), and a rebuild after a new page clusters
afresh.  What is exact is the whole result: the clusters are a function of the items
(``recur.items_of``: kind, review, position, text, year, agencies) and of the recurrence code,
model and data files and the libraries that compute them.  So a build whose items are those of
the last build (nothing new, a page whose reviews were all seen or quarantined, a curation that
touched no item) reads the clusters back instead of spending 20-25 CPU-s at 10,000 reviews.

The cache is ``OUT/.casegraph-cache/recurrence.json``: data, never code (as ``pipeline/cache.py``);
anything that is not exactly what this module writes for these items is a miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from casegraph import recur
from casegraph.core.model import Recurrence
from casegraph.recur import Item

FORMAT = "casegraph-recurrence-cache/1"
#: Libraries whose arithmetic or data the clusters depend on (their versions are in the key).
LIBRARIES = ("numpy", "scipy", "snowballstemmer", "tokenizers", "safetensors", "wordllama", "PyYAML")


@lru_cache(maxsize=1)
def _digest() -> str:
    """Everything besides the items that the clusters depend on: the recurrence package's code,
    pair model and phrase tables, the method's name and the libraries' versions."""
    h = hashlib.sha256(f"{FORMAT}|{recur.DEFAULT_METHOD}".encode())
    package = Path(recur.__file__).parent
    for path in sorted(p for p in package.iterdir() if p.suffix in {".py", ".json", ".yaml"}):
        h.update(f"|{path.name}|".encode())
        h.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            h.update(f"|{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"|{name}=absent".encode())
    return h.hexdigest()


def key(items: list[Item]) -> str:
    """The cache key of clustering ``items`` (in their order, which the clustering sees)."""
    rows = [[i.kind, i.review, i.position, i.text, i.year, list(i.agencies)] for i in items]
    return hashlib.sha256(_digest().encode() + json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def dumps(items_key: str, clusters: list[Recurrence]) -> bytes:
    """The cache file for ``clusters`` found for the items whose key is ``items_key``."""
    return json.dumps({"format": FORMAT, "key": items_key,
                       "clusters": [_row(c) for c in clusters]}, ensure_ascii=False).encode()


def _row(c: Recurrence) -> list[object]:
    return [c.kind, [list(m) for m in c.members], list(c.central), c.label, c.reviews,
            c.first_year, c.last_year, list(c.agencies), c.rank]


def read(data: bytes | None, items_key: str) -> list[Recurrence] | None:
    """The cached clusters when ``data`` is this module's file for ``items_key``, else None."""
    if data is None:
        return None
    try:
        doc = json.loads(data)
        if doc["format"] != FORMAT or doc["key"] != items_key:
            return None
        return [_cluster(row) for row in doc["clusters"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _cluster(row: list) -> Recurrence:  # type: ignore[type-arg]
    kind, members, central, label, reviews, first, last, agencies, rank = row
    out = Recurrence(kind, tuple((_str(s), _int(p)) for s, p in members),
                     (_str(central[0]), _int(central[1])), _str(label), _int(reviews),
                     None if first is None else _int(first), None if last is None else _int(last),
                     tuple(_str(a) for a in agencies), _int(rank))
    if len(central) != 2 or kind not in recur.KINDS:
        raise TypeError("not a cached cluster")
    return out


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


def clusters(items: list[Item], data: bytes | None,
             find: Callable[[], list[Recurrence]]) -> tuple[list[Recurrence], bytes | None]:
    """The clusters of ``items``: from ``data`` (the last build's cache file) when it holds
    them, else ``find()``; and the cache file to write (None when ``data`` is still right)."""
    items_key = key(items)
    cached = read(data, items_key)
    if cached is not None:
        return cached, None
    found = find()
    return found, dumps(items_key, found)
