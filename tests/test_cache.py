"""The extraction cache is data: it round-trips exactly, and nothing planted in it runs or counts."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from casegraph.core.resources import default_sources
from casegraph.extract.extractor import Extractor
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.parse import parse_page
from casegraph.ingest.sources import read_source
from casegraph.pipeline import cache
from casegraph.pipeline.build import build
from casegraph.pipeline.outputs import CACHE_DIR


def _seed_result(vocab: Vocabulary) -> cache.PageResult:
    page = parse_page(read_source(default_sources() / "nspcc-repository-2023-05.txt"))
    return [Extractor(vocab).extract(e, page) for e in page.entries], list(page.warnings)


def test_round_trip_is_exact(vocab: Vocabulary) -> None:
    result = _seed_result(vocab)
    assert result[0] and any(r.mentions for r in result[0])
    assert cache.loads("k", cache.dumps("k", result)) == result


@pytest.mark.parametrize("data", [
    b"", b"{}", b"[1, 2]", b'{"format": "casegraph-extract-cache/1", "key": "other"}',
    b'{"format": "casegraph-extract-cache/1", "key": "k", "warnings": [], "reviews": [{"slug": 1}]}',
    pickle.dumps({"format": "casegraph-extract-cache/1"}),
])
def test_anything_else_is_a_miss(data: bytes) -> None:
    with pytest.raises(cache.CacheMiss):
        cache.loads("k", data)


class _Boom:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (Path(_Boom.target),))

    target = ""


def test_a_planted_pickle_never_runs(tmp_path: Path) -> None:
    """The probe's finding: a pickle planted at the cache path ran code on the next build."""
    out = tmp_path / "out"
    seed = default_sources() / "nspcc-repository-2023-05.txt"
    build([seed], out)
    entries = sorted((out / CACHE_DIR / "extract").iterdir())
    assert entries and all(p.suffix == ".json" for p in entries)
    marker = tmp_path / "ran"
    _Boom.target = str(marker)
    for p in entries:  # plant at the real path and under the old pickle name
        p.write_bytes(pickle.dumps(_Boom()))
        p.with_suffix(".pickle").write_bytes(pickle.dumps(_Boom()))
    result = build([seed], out)
    assert not marker.exists(), "a planted cache entry ran code"
    assert len(result.reviews) == 6  # the planted entry was a miss: the page was read again
