"""A rebuild after one new page writes the same bytes as a cold build, and reuses the caches
(validation of clusters, search texts).

Pages of tests/corpus (invented reviews); the first page alone has recurrence clusters, so the
second page changes some of them and leaves others alone.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from support import build_then_add, index_contents

from casegraph import recur
from casegraph.core.iris import review_iri
from casegraph.core.model import Recurrence
from casegraph.core.namespaces import CG, RDF, SKOS
from casegraph.pipeline import recurcache, searchcache
from casegraph.pipeline.build import BuildResult, build, rank_free
from casegraph.pipeline.outputs import BUILD_FILES, OutputDir
from casegraph.search import INDEX_FILE
from casegraph.search.index import Text, index_texts, index_triples, ordered, texts_of
from casegraph.validate.shacl import review_subgraph

CORPUS = Path(__file__).parent / "corpus"
#: The new page is one that changes some of the first page's clusters and leaves others alone
#: under the shipped recurrence model (with DECISIONS 56's model, yearly-2018-01 changed all three).
FIRST, NEW = "nspcc-repository-2023-05.txt", "inform-2013-01.txt"


#: The reviews whose texts the search index read from triples during the rebuild.
READ: list[str] = []
#: How many texts each fresh index was made of during the rebuild (none: it was updated in place).
FRESH: list[int] = []
#: How many times each build clustered the items afresh (recur.find_recurrences), by build.
CLUSTERED: dict[str, int] = {}


def _spy(triples):  # type: ignore[no-untyped-def]
    triples = list(triples)
    READ.extend(t.subject.value for t in triples
                if t.predicate.value == str(RDF.type) and t.object.value == str(CG.CaseReview))
    return texts_of(triples)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    """One page built, the second page added and rebuilt (recording which reviews' texts were
    read, in READ), built again unchanged; and both pages built cold into a fresh directory."""
    tmp = tmp_path_factory.mktemp("rebuild")
    READ.clear()
    FRESH.clear()
    with _counting("first and rebuilt and cold"):
        out = build_then_add(tmp, CORPUS / FIRST, CORPUS / NEW, _spying)
    with _counting("again"):
        out["again"] = build([tmp / "src"], tmp / "out")
    return out


@contextmanager
def _counting(name: str) -> Iterator[None]:
    """Count in CLUSTERED[name] the calls of recur.cluster_items (every clustering goes through
    it: recur.find_recurrences delegates to it)."""
    CLUSTERED[name] = 0
    original = recur.cluster_items

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        CLUSTERED[name] += 1
        return original(*args, **kwargs)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(recur, "cluster_items", counted)
        yield


@contextmanager
def _spying() -> Iterator[None]:
    """Record in READ the reviews whose search texts the rebuild reads again."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(searchcache, "texts_of", _spy)
        mp.setattr(searchcache, "index_texts",
                   lambda texts, data: FRESH.append(len(texts)) or index_texts(texts, data))
        yield


def _clusters(result: BuildResult, any_rank: bool = False) -> dict[str, frozenset[str]]:
    """Each recurrence cluster's triples (as N-Triples), by cluster IRI; with ``any_rank``, as
    they are validated (the rank written as 1)."""
    kind = ox.NamedNode(str(CG.RecurrenceCluster))
    nodes = {t.subject for t in result.triples
             if t.predicate.value == str(RDF.type) and t.object == kind}
    found: dict[str, list[ox.Triple]] = defaultdict(list)
    for t in result.triples:
        if t.subject in nodes:
            found[t.subject.value].append(t)
    return {k: frozenset(str(t) for t in (rank_free(v) if any_rank else v)) for k, v in found.items()}


@pytest.mark.parametrize("name", BUILD_FILES)
def test_rebuild_writes_the_bytes_of_a_cold_build(builds: dict[str, BuildResult], name: str) -> None:
    rebuilt, cold = builds["rebuilt"].out, builds["cold"].out
    assert rebuilt is not None and cold is not None
    assert (rebuilt / name).exists() == (cold / name).exists()
    if name == INDEX_FILE:  # updated in place: the same answers, not the same pages (DECISIONS 59)
        assert index_contents((rebuilt / name).read_bytes()) == index_contents((cold / name).read_bytes())
    elif (cold / name).exists():
        assert (rebuilt / name).read_bytes() == (cold / name).read_bytes()


def test_rebuild_validates_only_new_or_changed_clusters(builds: dict[str, BuildResult]) -> None:
    """A cluster whose triples changed only in its rank is not validated again."""
    before, after = _clusters(builds["first"], True), _clusters(builds["rebuilt"], True)
    unchanged = sum(1 for iri, triples in after.items() if before.get(iri) == triples)
    assert before and after and 0 < unchanged < len(after)  # the case has both kinds
    assert builds["first"].clusters == {"validated": len(before), "cached": 0}
    assert builds["rebuilt"].clusters == {"validated": len(after) - unchanged, "cached": unchanged}
    assert builds["cold"].clusters == {"validated": len(after), "cached": 0}


def test_unchanged_rebuild_validates_nothing(builds: dict[str, BuildResult]) -> None:
    n = len(_clusters(builds["again"]))
    assert builds["again"].clusters == {"validated": 0, "cached": n}
    assert builds["again"].validation == {"validated": 0, "cached": len(builds["again"].reviews)}


def test_index_equals_the_index_of_the_whole_graph(builds: dict[str, BuildResult]) -> None:
    """The index updated in place from cached per-review texts answers as the one made from
    every published triple."""
    for name in ("rebuilt", "again"):
        out = builds[name].out
        assert out is not None
        data = (out / "casegraph.ttl").read_bytes()
        assert (index_contents((out / INDEX_FILE).read_bytes())
                == index_contents(index_triples(builds[name].triples, data)))
    cold = builds["cold"].out
    assert cold is not None  # a cold build's index is the fresh one, byte for byte
    assert (cold / INDEX_FILE).read_bytes() == index_triples(builds["cold"].triples,
                                                             (cold / "casegraph.ttl").read_bytes())


def test_rebuild_updates_the_index_in_place(builds: dict[str, BuildResult]) -> None:
    """No fresh index during the rebuild, and its record names the index written."""
    out = builds["rebuilt"].out
    assert out is not None and FRESH == []
    index, record = OutputDir(out).read_search_index()
    before = searchcache.previous(record, index)
    assert before is not None
    assert sorted(before.reviews) == sorted(r.slug for r in builds["rebuilt"].reviews)


@pytest.mark.parametrize("damage", ["index replaced", "record garbage", "record gone"])
def test_an_index_that_is_not_the_recorded_one_is_made_afresh(
        builds: dict[str, BuildResult], tmp_path: Path, damage: str) -> None:
    out, cold = builds["again"].out, builds["cold"].out
    assert out is not None and cold is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    record = OutputDir(copy).search_record
    if damage == "index replaced":  # another build's index, with its rows and its meta
        target = copy / INDEX_FILE
        real = target.resolve()
        target.unlink()
        real.write_bytes(index_triples(builds["first"].triples, b"Ada"))
        target.symlink_to(real)
    elif damage == "record garbage":
        record.write_bytes(b"\x00not json")
    else:
        record.unlink()
    build([builds["again"].sources[0].parent], copy)
    assert (copy / INDEX_FILE).read_bytes() == (cold / INDEX_FILE).read_bytes()
    assert searchcache.previous(record.read_bytes(), (copy / INDEX_FILE).read_bytes()) is not None


def test_an_index_updated_in_place_answers_as_a_fresh_one() -> None:
    """Invented texts: rows of Ada's review replaced, Bo's removed, Cy's added, in place; the
    result answers every search as an index made from the final rows at once."""
    def texts(slug: str, words: str) -> list[Text]:
        iri = review_iri(slug)
        return [Text(iri, "title", None, f"Child {slug} {words}"),
                Text(iri, "recommendation", 1, f"interpreters for {words} at every contact"),
                Text(iri, "recommendation", 2, f"safe sleep advice {words}"),
                Text(iri, "evidence", None, f"the father said {words}")]
    ada, bo, cy = texts("2020-ada", "mother"), texts("2021-bo", "father"), texts("2022-cy", "carer")
    ada2 = texts("2020-ada", "grandmother mother")
    before = index_texts(ordered(ada + bo), b"one")
    updated = searchcache._updated(before, ["2020-ada", "2021-bo"], ordered(ada2 + cy), b"two")
    fresh = index_texts(ordered(ada2 + cy), b"two")
    assert index_contents(updated) == index_contents(fresh)
    assert index_contents(updated) != index_contents(before)


def test_rebuild_reads_texts_of_new_reviews_only(builds: dict[str, BuildResult]) -> None:
    first, second = builds["first"], builds["rebuilt"]
    new = {review_iri(r.slug) for r in second.reviews} - {review_iri(r.slug) for r in first.reviews}
    assert new and sorted(READ) == sorted(new)


def test_review_subgraph_lines_are_each_triples_n_triples() -> None:
    """The validation cache key's lines come from one serialisation; they must be each triple's
    own N-Triples form, odd characters included (invented values)."""
    review = ox.NamedNode("https://w3id.org/casegraph/id/review/2024-testshire-child-a")
    concept = ox.NamedNode("https://w3id.org/casegraph/concept/harms/neglect")
    triples = [ox.Triple(review, ox.NamedNode(str(CG.summary)),
                         ox.Literal('Ada said "no"\u2028then\n\r\t\\ \x85 \x01 é', language="en")),
               ox.Triple(ox.BlankNode("b1"), ox.NamedNode(str(CG.harmType)), concept)]
    member = [ox.Triple(concept, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SKOS.Concept)))]
    lines = review_subgraph(triples, {concept.value: member})
    assert lines == sorted({f"{t} ." for t in triples + member})


@pytest.mark.parametrize("planted", ["garbage", "wrong row"])
def test_a_damaged_search_cache_only_costs_time(builds: dict[str, BuildResult], tmp_path: Path,
                                                planted: str) -> None:
    out, cold = builds["again"].out, builds["cold"].out
    assert out is not None and cold is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    cache = OutputDir(copy).search_cache
    if planted == "garbage":
        cache.write_bytes(b"\x00not json")
    else:  # the right format tag, a row of the wrong shape under every key
        head, *lines = cache.read_bytes().split(b"\n")
        rows = [json.dumps([json.loads(line)[0], [["x", "title", "not a position", "Ada"]]])
                for line in lines]
        cache.write_bytes(b"\n".join([head, *(r.encode() for r in rows)]))
    OutputDir(copy).search_record.unlink()  # the index is made afresh from this cache
    src = builds["again"].sources[0].parent
    build([src], copy)
    assert (copy / INDEX_FILE).read_bytes() == (cold / INDEX_FILE).read_bytes()
    assert searchcache.read(cache.read_bytes()).rows  # rewritten whole


def test_unchanged_items_are_not_clustered_again(builds: dict[str, BuildResult]) -> None:
    """The rebuild's items changed (clustered), the unchanged build's did not (read back), and
    its output is the cold build's."""
    assert CLUSTERED == {"first and rebuilt and cold": 3, "again": 0}
    again, cold = builds["again"].out, builds["cold"].out
    assert again is not None and cold is not None
    assert (again / "casegraph.ttl").read_bytes() == (cold / "casegraph.ttl").read_bytes()


@pytest.mark.parametrize("damage", ["garbage", "another key", "wrong type"])
def test_a_damaged_recurrence_cache_is_a_miss(builds: dict[str, BuildResult], tmp_path: Path,
                                              damage: str) -> None:
    out, cold = builds["again"].out, builds["cold"].out
    assert out is not None and cold is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    path = OutputDir(copy).recurrence_cache
    right = path.read_bytes()
    doc = json.loads(right)
    if damage == "garbage":
        path.write_bytes(b"\x00not json")
    elif damage == "another key":  # the clusters of other items
        path.write_bytes(json.dumps({**doc, "key": "0" * 64}).encode())
    else:  # a position that is not an integer
        doc["clusters"][0][1][0][1] = "1"
        path.write_bytes(json.dumps(doc).encode())
    with _counting("damaged"):
        build([builds["again"].sources[0].parent], copy)
    assert CLUSTERED["damaged"] == 1
    assert (copy / "casegraph.ttl").read_bytes() == (cold / "casegraph.ttl").read_bytes()
    assert path.read_bytes() == right  # written again


def test_recurrence_cache_round_trip() -> None:
    """Invented clusters come back equal, only under their own items' key."""
    items = [recur.Item("recommendation", "2020-ada", 1, "Interpreters at every contact", 2020,
                        ("AG-HEALTH",)),
             recur.Item("recommendation", "2021-bo", 2, "interpreters at every contact.", None, ())]
    clusters = [Recurrence("recommendation", (("2020-ada", 1), ("2021-bo", 2)), ("2020-ada", 1),
                           "Interpreters at every contact", 2, 2020, 2020, ("AG-HEALTH",), 1)]
    key = recurcache.key(items)
    data = recurcache.dumps(key, clusters)
    assert recurcache.read(data, key) == clusters
    assert recurcache.read(data, recurcache.key(items[:1])) is None
    found, entry = recurcache.clusters(items, data, lambda: [])
    assert found == clusters and entry is None
    found, entry = recurcache.clusters(items[:1], data, lambda: [])
    assert found == [] and recurcache.read(entry, recurcache.key(items[:1])) == []


def test_only_a_rank_from_1_is_validated_as_1() -> None:
    """Invented cluster triples: an integer rank from 1 is written as 1 for validation; a rank
    of 0, of another datatype, or a second rank is validated as it is."""
    node = ox.NamedNode("https://w3id.org/casegraph/id/cluster/invented")
    rank, integer = ox.NamedNode(str(CG.rank)), ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    label = ox.Triple(node, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("Interpreters"))

    def with_ranks(*values: ox.Literal) -> list[ox.Triple]:
        return [label, *(ox.Triple(node, rank, v) for v in values)]
    assert rank_free(with_ranks(ox.Literal("37", datatype=integer))) == with_ranks(
        ox.Literal("1", datatype=integer))
    for kept in (with_ranks(ox.Literal("0", datatype=integer)), with_ranks(ox.Literal("3")),
                 with_ranks(ox.Literal("2", datatype=integer), ox.Literal("3", datatype=integer)),
                 with_ranks(ox.Literal("-2", datatype=integer)), [label]):
        assert rank_free(kept) == kept
