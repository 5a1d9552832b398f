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
from support import build_then_add

from casegraph.core.iris import review_iri
from casegraph.core.namespaces import CG, RDF, SKOS
from casegraph.pipeline import searchcache
from casegraph.pipeline.build import BuildResult, build
from casegraph.pipeline.outputs import BUILD_FILES, OutputDir
from casegraph.search import INDEX_FILE
from casegraph.search.index import index_triples, texts_of
from casegraph.validate.shacl import review_subgraph

CORPUS = Path(__file__).parent / "corpus"
#: The new page is one that changes some of the first page's clusters and leaves others alone
#: under the shipped recurrence model (with DECISIONS 56's model, yearly-2018-01 changed all three).
FIRST, NEW = "nspcc-repository-2023-05.txt", "inform-2013-01.txt"


#: The reviews whose texts the search index read from triples during the rebuild.
READ: list[str] = []


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
    out = build_then_add(tmp, CORPUS / FIRST, CORPUS / NEW, _spying)
    out["again"] = build([tmp / "src"], tmp / "out")
    return out


@contextmanager
def _spying() -> Iterator[None]:
    """Record in READ the reviews whose search texts the rebuild reads again."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(searchcache, "texts_of", _spy)
        yield


def _clusters(result: BuildResult) -> dict[str, frozenset[str]]:
    """Each recurrence cluster's triples (as N-Triples), by cluster IRI."""
    kind = ox.NamedNode(str(CG.RecurrenceCluster))
    nodes = {t.subject for t in result.triples
             if t.predicate.value == str(RDF.type) and t.object == kind}
    found: dict[str, set[str]] = defaultdict(set)
    for t in result.triples:
        if t.subject in nodes:
            found[t.subject.value].add(str(t))
    return {k: frozenset(v) for k, v in found.items()}


@pytest.mark.parametrize("name", BUILD_FILES)
def test_rebuild_writes_the_bytes_of_a_cold_build(builds: dict[str, BuildResult], name: str) -> None:
    rebuilt, cold = builds["rebuilt"].out, builds["cold"].out
    assert rebuilt is not None and cold is not None
    assert (rebuilt / name).exists() == (cold / name).exists()
    if (cold / name).exists():
        assert (rebuilt / name).read_bytes() == (cold / name).read_bytes()


def test_rebuild_validates_only_new_or_changed_clusters(builds: dict[str, BuildResult]) -> None:
    before, after = _clusters(builds["first"]), _clusters(builds["rebuilt"])
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
    """The index made from cached per-review texts is the one made from every published triple."""
    for name in ("rebuilt", "again"):
        out = builds[name].out
        assert out is not None
        data = (out / "casegraph.ttl").read_bytes()
        assert (out / INDEX_FILE).read_bytes() == index_triples(builds[name].triples, data)


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
    src = builds["again"].sources[0].parent
    build([src], copy)
    assert (copy / INDEX_FILE).read_bytes() == (cold / INDEX_FILE).read_bytes()
    assert searchcache.read(cache.read_bytes()).rows  # rewritten whole
