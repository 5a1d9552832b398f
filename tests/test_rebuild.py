"""A rebuild after one new page writes the same bytes as a cold build, and reuses the caches.

Pages of tests/corpus (invented reviews); the first page alone has recurrence clusters, so the
second page changes some of them and leaves others alone.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from casegraph.core.namespaces import CG, RDF
from casegraph.pipeline.build import BuildResult, build
from casegraph.pipeline.outputs import BUILD_FILES

CORPUS = Path(__file__).parent / "corpus"
FIRST, NEW = "nspcc-repository-2023-05.txt", "yearly-2018-01.txt"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    """One page built, the second page added and rebuilt, built again unchanged; and both
    pages built cold into a fresh directory."""
    tmp = tmp_path_factory.mktemp("rebuild")
    src = tmp / "src"
    src.mkdir()
    shutil.copy(CORPUS / FIRST, src)
    out = {"first": build([src], tmp / "out")}
    shutil.copy(CORPUS / NEW, src)
    out["rebuilt"] = build([src], tmp / "out")
    out["cold"] = build([src], tmp / "cold")
    out["again"] = build([src], tmp / "out")
    return out


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
