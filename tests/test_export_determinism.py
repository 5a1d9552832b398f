"""The same inputs give byte-identical exports, and every export of a real build loads in both
rdflib and Oxigraph as the same graph (so exports diff cleanly in git and other tools trust them).
"""

from __future__ import annotations

import json
import os
import stat

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import to_isomorphic
from support import nt_lines

from casegraph.core.namespaces import CG, RDF
from casegraph.core.prefixes import PREFIXES
from casegraph.core.resources import default_sources
from casegraph.core.terms import from_ox, to_ox
from casegraph.pipeline.build import BuildResult, build
from casegraph.pipeline.outputs import DATA_FILE
from casegraph.rdfio.formats import FORMATS, jsonld_context, jsonld_context_path, serialise, trig_quads

OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
             "jsonld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG}
RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, BuildResult]:
    a = build([default_sources()], tmp_path_factory.mktemp("a"))
    b = build([default_sources()], tmp_path_factory.mktemp("b"))
    return a, b


def test_two_builds_write_byte_identical_turtle(two_builds: tuple[BuildResult, BuildResult]) -> None:
    a, b = two_builds
    assert a.out is not None and b.out is not None
    data_a = (a.out / DATA_FILE).read_bytes()
    assert len(data_a) > 10_000
    assert data_a == (b.out / DATA_FILE).read_bytes()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_byte_identical_across_builds(
        two_builds: tuple[BuildResult, BuildResult], fmt: str) -> None:
    a, b = two_builds
    assert serialise(a.graph, fmt) == serialise(b.graph, fmt)


def test_serialising_twice_and_reordered_input_gives_the_same_bytes(
        two_builds: tuple[BuildResult, BuildResult]) -> None:
    """Insertion order does not leak into the bytes (a reversed copy serialises identically)."""
    graph = two_builds[0].graph
    reordered = Graph()
    for t in sorted(graph, key=lambda t: str(t), reverse=True):
        reordered.add(t)
    for fmt in ("turtle", "nt", "trig"):
        assert serialise(reordered, fmt) == serialise(graph, fmt)


def test_written_files_keep_ordinary_permissions(two_builds: tuple[BuildResult, BuildResult]) -> None:
    """Atomic writes go through mkstemp (mode 0600); outputs must still be readable like any file."""
    out = two_builds[0].out
    assert out is not None
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE((out / DATA_FILE).stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_of_the_build_loads_in_both_parsers(
        two_builds: tuple[BuildResult, BuildResult], fmt: str) -> None:
    """Default (normalising) rdflib included: our graphs only hold canonical lexical forms."""
    graph = two_builds[0].graph
    expected = nt_lines(graph)
    data = serialise(graph, fmt)
    assert nt_lines(ox.parse(data, format=OX_FORMAT[fmt])) == expected
    if fmt == "trig":
        ds = Dataset()
        ds.parse(data=data, format="trig")
        back = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back = Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
    assert nt_lines(back) == expected
    canon = Graph()
    for t in back:
        canon.add(tuple(from_ox(to_ox(x)) for x in t))  # type: ignore[arg-type]
    orig = Graph()
    for t in graph:
        orig.add(tuple(from_ox(to_ox(x)) for x in t))  # type: ignore[arg-type]
    assert to_isomorphic(canon) == to_isomorphic(orig)


def test_trig_puts_each_review_in_its_source_graph(two_builds: tuple[BuildResult, BuildResult]) -> None:
    graph = two_builds[0].graph
    quads = trig_quads(graph)
    assert len(quads) == len(graph)  # every triple exactly once
    sources = {str(s) for s in graph.subjects(RDF.type, CG.SourceDocument)}
    named = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert named == sources
    where = {q.subject.value: q.graph_name for q in quads}
    for review in graph.subjects(RDF.type, CG.CaseReview):
        assert isinstance(where[str(review)], ox.NamedNode)
        # the review's items sit in the same graph as the review
        for item in graph.objects(review, CG.hasRecommendation):
            assert where[str(item)] == where[str(review)]
    concept_graphs = {q.graph_name for q in quads if "/concept/" in q.subject.value}
    assert concept_graphs == {ox.DefaultGraph()}


def test_jsonld_context_file_matches_the_project_prefixes() -> None:
    ctx = json.loads(jsonld_context_path().read_text(encoding="utf-8"))["@context"]
    assert {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))} == PREFIXES
    assert jsonld_context() == ctx


def test_jsonld_export_carries_the_context_inline(two_builds: tuple[BuildResult, BuildResult]) -> None:
    doc = json.loads(serialise(two_builds[0].graph, "jsonld"))
    assert doc["@context"] == jsonld_context()  # an object, never a URL to fetch
    assert any(n.get("type") == "CaseReview" for n in doc["@graph"])  # compacted: short names
