"""The snapshot of merged reviews (pipeline/snapshot.py): a rebuild turns only the pages it must
into review objects, and gets exactly the reviews, slugs and warnings of merging every page
again (DECISIONS 55).

Invented reviews only: minimal objects with neutral names ("Child A", "Ada") for the merge
cases, and the pages of tests/corpus and data/sources for whole builds.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest
from support import same_outputs

from casegraph.core.errors import CasegraphError
from casegraph.core.iris import review_slug
from casegraph.core.model import Evidence, ListItem, Review, SourceRef
from casegraph.core.resources import default_curations, default_sources
from casegraph.extract.vocab import default_vocabulary
from casegraph.graph.emit import dataset_triples
from casegraph.graph.merge import merge_reviews
from casegraph.ingest.sources import read_source
from casegraph.pipeline import build as build_module
from casegraph.pipeline import snapshot
from casegraph.pipeline.build import BuildResult, _snapshot_digest, build
from casegraph.pipeline.outputs import OutputDir
from casegraph.recur import recurrence_triples

CORPUS = Path(__file__).parent / "corpus"
NEW = "yearly-2018-01.txt"

# --- merging only what changed, on invented entries --------------------------------------------

NAMES = ["Child A", "Child B", "Ada", "Child C"]
AREAS = [None, "Testshire", "Exampleton"]


def _entry(page: str, n: int, rng: random.Random) -> Review:
    """An invented entry; few names, years and areas, so entries merge and slugs tie."""
    name, year, area = rng.choice(NAMES), rng.choice([2019, 2020]), rng.choice(AREAS)
    ref = SourceRef(page, f"/invented/{page}", hashlib.sha256(page.encode()).hexdigest(), "text/plain")
    item = ListItem(f"Share information about {name} ({page} {n})", Evidence(ref, 0, 1, "S"),
                    agencies=["AG-POL"] if n % 2 else [])
    heading = f"{n}. {year} {area or ''} {name} {page if rng.random() < 0.3 else ''}"
    return Review(key=(year, name.lower()), slug=review_slug(year, area, name), title=name,
                  heading=heading, publication_year=year, area=area, sources=[ref],
                  learning=[item] * rng.randint(0, 2), summary="x" * rng.randint(0, 3),
                  warnings=[f"invented warning {page} {n}"] if n == 1 else [])


def _pages(names: list[str], seed: int) -> dict[str, list[Review]]:
    """Each page's entries, made afresh on every call (merging changes the objects)."""
    out = {}
    for name in names:
        rng = random.Random(f"{seed}-{name}")
        out[name] = [_entry(name, n, rng) for n in range(rng.randint(1, 5))]
    return out


class _Pages:
    """Invented pages for snapshot.merge; records which pages were turned into objects."""

    def __init__(self, names: list[str], seed: int):
        self.names, self.seed, self.loaded = names, seed, []

    def load(self, page: snapshot.Page) -> list[Review]:
        if page.reviews is None:  # as the build's loader: a page read whole is not read again
            self.loaded.append(page.key)
            page.reviews = _pages([page.key], self.seed)[page.key]
        return page.reviews

    def merge(self, old: snapshot.Snapshot | None) -> snapshot.Merge:
        fresh = _pages(self.names, self.seed)
        pages = [snapshot.Page(n, tuple(r.key for r in fresh[n]), [f"page {n}"])
                 for n in self.names]
        known = {p.key for p in old.pages} if old is not None else set()
        for p in pages:
            if p.key not in known:  # as the build: a page the snapshot lacks is read whole
                p.reviews = fresh[p.key]
        return snapshot.merge(pages, old, self.load)


def _snapshot_of(m: snapshot.Merge) -> snapshot.Snapshot:
    keys = {r.slug: "key-" + r.slug for r in m.reviews()}
    read = snapshot.loads(snapshot.dumps(m.snapshot(keys, set()), "d"), "d")
    assert read is not None
    return read


def _expected(names: list[str], seed: int) -> tuple[list[str], list[str]]:
    """Every review (its repr) and warning, merging every page's objects as a cold build does."""
    pages = _pages(names, seed)
    merged, warnings = merge_reviews(r for n in names for r in pages[n])
    return ([repr(r) for r in merged],
            [f"page {n}" for n in names] + warnings + [w for r in merged for w in r.warnings])


@pytest.mark.parametrize("seed", range(40))
def test_merging_only_changed_groups_gives_every_review_and_warning(seed: int) -> None:
    rng = random.Random(seed)
    before = sorted(rng.sample([f"p{i:02}" for i in range(12)], 6))
    after = sorted(set(before[1:] if seed % 3 == 0 else before) | {f"p{rng.randint(0, 11):02}"})
    old = _snapshot_of(_Pages(before, seed).merge(None))
    pages = _Pages(after, seed)
    m = pages.merge(old)
    reviews, warnings = _expected(after, seed)
    got = [w for p in m.pages for w in p.warnings] + m.warnings()
    got += [w for r in m.reviews() for w in r.warnings]
    assert got == warnings
    assert [repr(r) for r in m.objects([r.slug for r in m.reviews()])] == reviews


def test_only_pages_sharing_an_identity_with_a_new_page_become_objects() -> None:
    names = ["p01", "p02", "p03", "p04", "p05"]
    old = _snapshot_of(_Pages(names, 5).merge(None))
    same = _Pages(names, 5)
    m = same.merge(old)
    assert same.loaded == [] and all(isinstance(r, snapshot.ReviewView) for r in m.reviews())
    more = _Pages([*names, "p06"], 5)
    more.merge(old)
    new = {r.key for r in _pages(["p06"], 5)["p06"]}
    sharing = [n for n in names if {r.key for r in _pages([n], 5)[n]} & new]
    assert 0 < len(sharing) < len(names)  # the case has both kinds
    assert sorted(set(more.loaded)) == sharing


def test_a_damaged_snapshot_is_none() -> None:
    m = _Pages(["p01", "p02"], 3).merge(None)
    data = snapshot.dumps(m.snapshot({r.slug: "k" for r in m.reviews()}, set()), "d")
    assert snapshot.loads(data, "d") is not None
    assert snapshot.loads(data, "other digest") is None
    assert snapshot.loads(data[:-5], "d") is None
    assert snapshot.loads(data.replace(b'"p01"', b'"p09"', 1), "d") is None
    assert snapshot.loads(b"\x00garbage", "d") is None


def test_views_give_the_recurrence_and_description_of_the_reviews(vocab) -> None:  # type: ignore[no-untyped-def]
    """A view has what recurrence and the dataset description read of a review."""
    reviews = [r for r in _Pages([f"p{i:02}" for i in range(10)], 11).merge(None).reviews()
               if isinstance(r, Review)]
    views = [snapshot.view_of(r, r.slug, "k", False, [("p", 0)], []) for r in reviews]
    assert recurrence_triples(reviews, vocab)  # the invented items recur
    assert set(recurrence_triples(views, vocab)) == set(recurrence_triples(reviews, vocab))  # type: ignore[arg-type]
    assert (set(dataset_triples(views, vocab)) ==  # type: ignore[arg-type]
            set(dataset_triples(reviews, vocab)))


# --- whole builds -------------------------------------------------------------------------------


def _same_outputs(a: Path, b: Path) -> None:
    """Every file byte for byte, the search index query for query (DECISIONS 59)."""
    same_outputs(a, b)


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    """The seed page built with its curations, a page added, and (in a copy) the curations
    dropped; each next to the same sources built cold."""
    tmp = tmp_path_factory.mktemp("snapshot")
    src = tmp / "src"
    shutil.copytree(default_sources(), src)
    out = {"first": build([src], tmp / "out", curations=default_curations())}
    shutil.copy(CORPUS / NEW, src)
    out["rebuilt"] = build([src], tmp / "out", curations=default_curations())
    out["cold"] = build([src], tmp / "cold", curations=default_curations())
    shutil.copytree(tmp / "out", tmp / "out2", symlinks=True)
    out["uncurated"] = build([src], tmp / "out2")
    out["uncurated cold"] = build([src], tmp / "cold2")
    return out


def test_a_rebuild_with_curations_writes_the_cold_builds_bytes(curated: dict[str, BuildResult]) -> None:
    for warm, cold in (("rebuilt", "cold"), ("uncurated", "uncurated cold")):
        a, b = curated[warm].out, curated[cold].out
        assert a is not None and b is not None
        _same_outputs(a, b)
        assert curated[warm].warnings == curated[cold].warnings
        assert curated[warm].review_count == curated[cold].review_count


def test_a_rebuild_holds_views_and_makes_the_reviews_on_demand(curated: dict[str, BuildResult]) -> None:
    rebuilt, cold = curated["rebuilt"], curated["cold"]
    assert rebuilt._reviews is None  # unchanged reviews were not turned into objects
    assert [repr(r) for r in rebuilt.reviews] == [repr(r) for r in cold.reviews]
    assert curated["uncurated"].reviews != cold.reviews  # dropping the curations changed some


def test_a_damaged_snapshot_only_costs_time(curated: dict[str, BuildResult], tmp_path: Path) -> None:
    out, cold = curated["uncurated"].out, curated["uncurated cold"].out
    assert out is not None and cold is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    path = OutputDir(copy).snapshot
    path.write_bytes(path.read_bytes()[:-100])
    result = build([curated["uncurated"].sources[0].parent], copy)
    _same_outputs(copy, cold)
    assert result._reviews is not None  # every page was turned into objects
    assert snapshot.loads(path.read_bytes(), _snapshot_digest(default_vocabulary()))  # rewritten


def test_a_rebuild_decodes_only_pages_it_has_not_read(curated: dict[str, BuildResult],
                                                     tmp_path: Path) -> None:
    """Known pages are recognised by their bytes' hash; a page above a new size limit still
    fails as in a cold build: it is left out with its error, or stops a strict build
    (DECISIONS 68)."""
    out = curated["uncurated"].out
    assert out is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    src = curated["uncurated"].sources[0].parent
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(CORPUS / "inform-2013-01.txt", extra)
    read: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build_module, "read_source", lambda path, limit: (read.append(path.name),
                                                                    read_source(path, limit))[1])
        build([src, extra], copy)
    assert set(read) == {"inform-2013-01.txt"}
    limit = min(p.stat().st_size for p in src.iterdir()) - 1
    with pytest.raises(CasegraphError, match="limit"):
        build([src, extra], copy, max_bytes=limit, strict=True)
    # every page of src is above the limit; the extra page, smaller, is still built
    left_out = build([src, extra], copy, max_bytes=limit)
    assert sorted(f.split(":")[0] for f in left_out.failed) == sorted(map(str, src.iterdir()))
    assert all("limit" in f for f in left_out.failed)
    assert {r.slug for r in left_out.reviews} == {r.slug for r in build([extra], None).reviews}


def test_a_missing_search_cache_makes_the_reviews_at_once(curated: dict[str, BuildResult],
                                                         tmp_path: Path) -> None:
    """Every review's texts are read again, and its views merged again in one go (one by one,
    each merge passed over every page: quadratic at 10,000 reviews)."""
    out, cold = curated["uncurated"].out, curated["uncurated cold"].out
    assert out is not None and cold is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    OutputDir(copy).search_cache.unlink()
    OutputDir(copy).search_record.unlink()  # else the index is updated in place, reading no text
    merges: list[int] = []
    original = snapshot.Merge._merge
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(snapshot.Merge, "_merge",
                   lambda self, groups: (merges.append(len(groups)), original(self, groups))[1])
        build([curated["uncurated"].sources[0].parent], copy)
    _same_outputs(copy, cold)
    assert len(merges) == 1 and merges[0] > 1
