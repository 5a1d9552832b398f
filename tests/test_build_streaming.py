"""The cold build emits, validates and packs reviews a batch at a time and drops each batch's
triples, and keeps the caches it will write on disk (DECISIONS 62): at 100,000 reviews, holding
every review's triples until validation ran stopped the build at 13.6 GB (DECISIONS 59).

The seed page (6 reviews) with an invented curation that breaks one review's age, so a batch
holds a review that is quarantined.  Nothing here is timed or measures memory: the test counts
the emitted triple lists that are alive at once.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import pyoxigraph as ox
import pytest
from support import same_outputs

from casegraph.core.model import Review
from casegraph.core.resources import default_sources
from casegraph.extract.vocab import Vocabulary
from casegraph.graph.emit import TripleEmitter
from casegraph.pipeline import build as build_module
from casegraph.pipeline.build import BuildResult, build
from casegraph.pipeline.outputs import CACHE_DIR, SPOOL_PREFIX, Spool
from casegraph.validate import shacl

SEED = default_sources() / "nspcc-repository-2023-05.txt"
BAD = "2023-child-f"


class _Held(list):  # type: ignore[type-arg]
    """A review's emitted triples, as a list that a weak reference can watch."""


class _Alive:
    """Counts the review triple lists alive at once (each freed list is forgotten)."""

    def __init__(self) -> None:
        self.now: set[int] = set()
        self.most = 0
        self.made = 0

    def track(self, triples: list[ox.Triple]) -> list[ox.Triple]:
        held = _Held(triples)
        self.now.add(id(held))
        self.made += 1
        self.most = max(self.most, len(self.now))
        weakref.finalize(held, self.now.discard, id(held))
        return held


@pytest.fixture(scope="module")
def curations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("curations")
    (d / "bad.yaml").write_text("# invented test curation\nreview: 2023-child-f\nset:\n  children:\n"
                                "    - {pseudonym: Child F, age_months: 300}\n", encoding="utf-8")
    return d


def _build(out: Path, curations: Path, batch: int) -> tuple[BuildResult, _Alive]:
    alive = _Alive()
    emit = TripleEmitter.review_triples
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build_module, "EMIT_BATCH", batch, raising=False)
        mp.setattr(TripleEmitter, "review_triples",
                   lambda self, r: alive.track(emit(self, r)))
        result = build([SEED], out, curations=curations)
    return result, alive


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, curations: Path,
           ) -> dict[str, tuple[BuildResult, _Alive]]:
    tmp = tmp_path_factory.mktemp("streaming")
    return {"small": _build(tmp / "small", curations, 2),
            "whole": _build(tmp / "whole", curations, 1000)}


def test_the_rdf_stage_holds_one_batch_of_triples_at_a_time(
        builds: dict[str, tuple[BuildResult, _Alive]]) -> None:
    result, alive = builds["small"]
    reviews = result.review_count + len(result.quarantined)
    assert reviews == 6 and result.emitted == {"emitted": 6, "cached": 0}
    assert alive.made >= reviews  # every review emitted (the quarantined one again, for its file)
    assert alive.most <= 2 < reviews


def test_batches_change_no_output(builds: dict[str, tuple[BuildResult, _Alive]]) -> None:
    """Two reviews at a time writes what one batch of all six writes: every file byte for byte
    (the quarantine and both reports too), the search index query for query."""
    (small, _), (whole, alive) = builds["small"], builds["whole"]
    assert alive.most >= 6  # the whole corpus in one batch, as before DECISIONS 62
    assert [r.slug for r in small.quarantined] == [r.slug for r in whole.quarantined] == [BAD]
    assert small.out is not None and whole.out is not None
    same_outputs(small.out, whole.out)
    assert (small.out / "quarantine.ttl").read_bytes() == (whole.out / "quarantine.ttl").read_bytes()


def test_streamed_validation_in_a_pool_finds_what_one_process_finds(
        vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of two, sent to two workers with one batch each in flight (so the oldest is
    collected before the next is sent), give the findings, keys and cache of one process."""
    from casegraph.pipeline.build import extract_reviews

    reviews, _, _ = extract_reviews([SEED], vocab)
    reviews[0].children[0].age_months = 300  # invented breakage: an impossible age
    emitter = TripleEmitter(vocab)
    per_review = {r.slug: emitter.review_triples(r) for r in reviews if isinstance(r, Review)}
    monkeypatch.setattr(shacl, "BATCH_REVIEWS", 2)
    monkeypatch.setattr(shacl.Validator, "IN_FLIGHT", 1)
    one = shacl.validate_reviews(per_review, vocab.graph, workers=1)
    pooled = shacl.validate_reviews(per_review, vocab.graph, workers=2)
    assert one.counts == pooled.counts == {"validated": len(per_review), "cached": 0}
    assert not one.report.conforms
    assert sorted(f.key() for f in pooled.report.findings) == sorted(f.key() for f in one.report.findings)
    assert pooled.keys == one.keys and pooled.cache == one.cache


def test_caches_wait_on_disk_and_the_spool_goes(builds: dict[str, tuple[BuildResult, _Alive]],
                                               curations: Path) -> None:
    """The caches a build will write wait in a spool folder, not in memory; it is gone after
    the build, and a killed build's spool is removed by the next build into the same place."""
    result, _ = builds["small"]
    assert result.out is not None
    cache = result.out / CACHE_DIR
    assert not list(cache.glob(f"{SPOOL_PREFIX}*"))
    left = cache / f"{SPOOL_PREFIX}killed"
    left.mkdir()
    (left / "0").write_bytes(b"invented leftover")
    _build(result.out, curations, 2)
    assert not left.exists()


def test_a_spool_is_a_mapping_of_files(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    spool[a], spool[b] = b"first", b"second"
    spool[a] = b"again"
    assert dict(spool) == {a: b"again", b: b"second"} and len(list(tmp_path.iterdir())) == 2
    del spool[a]
    spool[tmp_path / "c.json"] = b"third"
    assert dict(spool) == {b: b"second", tmp_path / "c.json": b"third"}
    assert not a.exists() and not b.exists()  # nothing at the paths until the build commits


def test_objects_give_way_to_views_and_come_back_the_same(
        builds: dict[str, tuple[BuildResult, _Alive]], curations: Path) -> None:
    """Each batch's review objects become views once emitted (only the curated one is kept), so
    the build does not return them; made again on demand they are the objects of a build that
    keeps them (one without an output directory), curation included."""
    result, _ = builds["small"]
    assert result._reviews is None
    kept = build([SEED], None, curations=curations)
    assert [repr(r) for r in result.reviews] == [repr(r) for r in kept.reviews]
    assert [repr(r) for r in result.quarantined] == [repr(r) for r in kept.quarantined]
