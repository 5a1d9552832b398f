"""The compiled SHACL engine finds exactly what pyshacl finds.

pyshacl is the reference.  Both engines validate the same data and must give identical findings
(review, focus node, path, value, message, severity, in readable and exact form) on every shape
fixture of ``tests/shapes/`` (all instance fixtures in one batch, each renamed apart; the
vocabulary fixtures on a cut of the vocabulary), the synthetic breakages of
``test_validate_scale.py`` and the quarantine case of ``test_quarantine.py``.  Then: a construct
the compiler does not know is refused by name and validated by pyshacl instead, never skipped.

All data here is invented (the shape fixtures and the synthetic generator say so) except the
seed page, which is read as published.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from support import load_synthetic
from test_shapes import INVALID, SHAPES, _header
from test_validate_scale import _break

from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import CG, ID, RDF, SKOS
from casegraph.core.resources import default_sources
from casegraph.core.terms import triples_to_ox
from casegraph.extract.vocab import Vocabulary
from casegraph.graph.curate import apply_curations, load_curations
from casegraph.graph.emit import emit
from casegraph.pipeline.build import extract_reviews
from casegraph.validate import shacl
from casegraph.validate.compiled import compile_shapes, compiled_for
from casegraph.validate.shacl import (
    Report,
    run_compiled,
    validate_graph,
    validate_reviews,
)

ENGINES = ("pyshacl", "compiled")
SYNTHETIC_SIZE = 64  # _break breaks reviews 10, 20, …, 60


def _rows(report: Report) -> list[dict]:
    return [asdict(f) for f in report.findings]


def _renamed(graph: Graph, tag: str) -> Graph:
    """``graph`` with every instance IRI given a per-fixture slug, so fixtures share a batch."""
    def term(t):  # type: ignore[no-untyped-def]
        if isinstance(t, URIRef) and str(t).startswith(str(ID)):
            kind, _, rest = str(t).removeprefix(str(ID)).partition("/")
            return URIRef(f"{ID}{kind}/{tag}-{rest}")
        return t

    out = Graph()
    for s, p, o in graph:
        out.add((term(s), p, term(o)))
    return out


def _fixture(path: Path | None, base: Graph | None = None) -> Graph:
    g = Graph()
    g.parse(SHAPES / "valid" / "review.ttl")
    if base is not None:
        g += base
    if path is not None:
        before = len(g)
        g.update(path.read_text())
        assert len(g) != before or path.read_text().count("DELETE"), path.name
    return g


def _per_review(graph: Graph) -> dict[str, list[ox.Triple]]:
    reviews = [str(r).rsplit("/", 1)[-1] for r in graph.subjects(RDF.type, CG.CaseReview)]
    return {reviews[0] if reviews else "(none)": triples_to_ox(graph)}


def _both(per_review: dict[str, list[ox.Triple]], vocab: Vocabulary,
          monkeypatch: pytest.MonkeyPatch) -> dict[str, Report]:
    """Batched validation of ``per_review`` by each engine, without the vocabulary's own
    findings (compared by :func:`test_vocabulary_fixtures_agree`; pyshacl needs 10 s for them)."""
    monkeypatch.setattr(shacl, "_vocabulary_findings", lambda *_a: [])
    return {e: validate_reviews(per_review, vocab.graph, workers=1, engine=e).report
            for e in ENGINES}


INSTANCE = [p for p in INVALID if _header(p)["shape"] != "ConceptShape"]
VOCABULARY = [p for p in INVALID if _header(p)["shape"] == "ConceptShape"]


@pytest.fixture(scope="module")
def instance_reports(vocab: Vocabulary) -> dict[str, Report]:
    """Every instance fixture (and the valid one), renamed apart, validated as one batch."""
    per_review: dict[str, list[ox.Triple]] = {}
    for n, path in enumerate([None, *INSTANCE]):
        per_review.update(_per_review(_renamed(_fixture(path), f"f{n:02d}")))
    with pytest.MonkeyPatch.context() as mp:
        return _both(per_review, vocab, mp)


def test_instance_fixtures_agree(instance_reports: dict[str, Report]) -> None:
    assert _rows(instance_reports["compiled"]) == _rows(instance_reports["pyshacl"])


@pytest.mark.parametrize("n", range(len(INSTANCE)), ids=[p.stem for p in INSTANCE])
def test_each_instance_fixture_is_caught(n: int, instance_reports: dict[str, Report]) -> None:
    """Each fixture's own violation is among the compiled findings of its renamed copy."""
    header = _header(INSTANCE[n])
    tag = f"f{n + 1:02d}-"
    mine = [f for f in instance_reports["compiled"].violations
            if tag in f.focus_iri or (f.review or "").startswith(tag)]
    assert any(header["message"] in f.message for f in mine), [f.line() for f in mine]


def _vocabulary_cut(vocab: Vocabulary) -> Graph:
    """The concepts the vocabulary fixtures name, their broader and narrower concepts, and
    every scheme: a few dozen triples (pyshacl needs 10 s for the whole vocabulary)."""
    named = {URIRef(iri) for path in VOCABULARY
             for iri in re.findall(r"<(https://w3id\.org/casegraph/concept/[^>]+)>", path.read_text())}
    keep = named | {o for c in named for o in vocab.graph.objects(c, SKOS.broader)}
    keep |= {s for c in named for s in vocab.graph.subjects(SKOS.broader, c)}
    keep |= set(vocab.graph.subjects(RDF.type, SKOS.ConceptScheme))
    cut = Graph()
    for s, p, o in vocab.graph:
        if s in keep:
            cut.add((s, p, o))
    return cut


def test_vocabulary_fixtures_agree(vocab: Vocabulary) -> None:
    cut = _vocabulary_cut(vocab)
    clean = {e: validate_graph(Graph(), cut, e) for e in ENGINES}
    assert clean["compiled"].conforms and _rows(clean["compiled"]) == _rows(clean["pyshacl"])
    broken = Graph() + cut
    for path in VOCABULARY:
        broken.update(path.read_text())
    reports = {e: validate_graph(Graph(), broken, e) for e in ENGINES}
    assert _rows(reports["compiled"]) == _rows(reports["pyshacl"])
    messages = [f.message for f in reports["compiled"].violations]
    for path in VOCABULARY:
        assert any(_header(path)["message"] in m for m in messages), (path.name, messages)


@pytest.mark.slow
def test_whole_vocabulary_agrees(vocab: Vocabulary) -> None:
    """The project vocabulary itself (pyshacl takes about 10 s for it)."""
    reports = {e: validate_graph(Graph(), vocab.graph, e) for e in ENGINES}
    assert _rows(reports["compiled"]) == _rows(reports["pyshacl"])


def test_synthetic_breakages_agree(tmp_path_factory: pytest.TempPathFactory, vocab: Vocabulary,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    synthetic = load_synthetic()
    out = tmp_path_factory.mktemp("syn")
    synthetic.write_corpus(synthetic.generate(SYNTHETIC_SIZE, 11), out)
    reviews, _, _ = extract_reviews([out], vocab, workers=1)
    per_review, _ = emit(reviews, vocab)
    broken = _break(per_review)
    # The broken reviews and a few intact ones: pyshacl costs about 0.1 s per review.
    keep = set(broken) | set(sorted(per_review)[:4])
    per_review = {slug: triples for slug, triples in per_review.items() if slug in keep}
    reports = _both(per_review, vocab, monkeypatch)
    assert {f.review for f in reports["compiled"].violations} == set(broken)
    assert _rows(reports["compiled"]) == _rows(reports["pyshacl"])


def test_quarantine_case_agrees(tmp_path: Path, vocab: Vocabulary,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed page with test_quarantine's invented curation (an age of 300 months)."""
    (tmp_path / "bad.yaml").write_text(
        "# invented test curation\nreview: 2023-child-f\nset:\n  children:\n"
        "    - {pseudonym: Child F, age_months: 300}\n", encoding="utf-8")
    reviews, _, _ = extract_reviews([default_sources() / "nspcc-repository-2023-05.txt"], vocab,
                                    workers=1)
    apply_curations(reviews, load_curations(tmp_path, vocab), vocab)
    per_review, _ = emit(reviews, vocab)
    reports = _both(per_review, vocab, monkeypatch)
    assert reports["compiled"].quarantinable() == {"2023-child-f"}
    assert _rows(reports["compiled"]) == _rows(reports["pyshacl"])
    assert reports["compiled"].text() == reports["pyshacl"].text()


# --- what the compiler refuses goes to pyshacl ---------------------------------------------------

EX = "https://example.org/invented#"
REFUSED_SHAPES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <{EX}> .
ex:ClosedShape a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true ;
    sh:property [ sh:path ex:name ] ; sh:message "a thing has only a name" .
ex:NameShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "a thing has a name" ] .
ex:QuietShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:age ; sh:maxCount 1 ] .
"""
REFUSED_DATA = f"""
@prefix ex: <{EX}> .
ex:ada a ex:Thing ; ex:colour "red" ; ex:age 1, 2 .
"""


def test_a_construct_not_compiled_is_refused_and_validated_by_pyshacl() -> None:
    sg = Graph().parse(data=REFUSED_SHAPES, format="turtle")
    compiled = compile_shapes(sg)
    refused = "\n".join(compiled.refused)
    assert "ClosedShape" in refused and "sh:closed" in refused
    assert "QuietShape" in refused and "sh:message" in refused  # pyshacl would word it
    assert "NameShape" not in refused and compiled.fallback is not None
    assert {c.root for c in compiled.checks} == {"ex:NameShape"}
    store = ox.Store()
    data = Graph().parse(data=REFUSED_DATA, format="turtle")
    store.extend(ox.Quad(*t) for t in triples_to_ox(data))
    messages = sorted(f.message for f in run_compiled(store, compiled))
    assert "a thing has a name" in messages             # compiled
    assert "a thing has only a name" in messages        # pyshacl: sh:closed
    assert any(m.startswith("More than 1 values") for m in messages)  # pyshacl's own wording
    assert messages.count("a thing has a name") == 1    # the compiled shape is not run twice


def test_every_project_shape_is_compiled() -> None:
    """Today no project shape needs pyshacl; a new one that does is named here and warned of
    by every build (Validation.notes)."""
    assert shacl.compiled_shapes().refused == ()
    assert shacl.refusal_notes() == []


def test_compiled_once_per_shapes_digest() -> None:
    sg = Graph().parse(data=REFUSED_SHAPES, format="turtle")
    first = compiled_for(sg, REFUSED_SHAPES.encode())
    assert compiled_for(sg, REFUSED_SHAPES.encode()) is first
    assert compiled_for(sg, REFUSED_SHAPES.encode() + b"\n") is not first


def test_engine_is_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(shacl.ENGINE_VARIABLE, raising=False)
    assert shacl.engine_name() == "compiled"
    compiled_cache = shacl.cache_document({})["shapes"]
    monkeypatch.setenv(shacl.ENGINE_VARIABLE, "pyshacl")
    assert shacl.engine_name() == "pyshacl"
    assert shacl.cache_document({})["shapes"] != compiled_cache  # never reuse the other's findings
    monkeypatch.setenv(shacl.ENGINE_VARIABLE, "jena")
    with pytest.raises(CasegraphError, match="unknown SHACL engine"):
        shacl.engine_name()


def test_literal_checks_match_pyshacl_on_odd_values(vocab: Vocabulary,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Values the fixtures do not cover: ill-typed, language-tagged, IRIs where literals belong."""
    base = _fixture(None)
    child = URIRef(f"{ID}child/2024-testshire-child-17-c1")
    review = URIRef(f"{ID}review/2024-testshire-child-17")
    odd = [(child, CG.ageInMonths, Literal("ten", datatype=URIRef(
               "http://www.w3.org/2001/XMLSchema#integer"))),
           (child, CG.pseudonym, Literal("Ada", lang="en")),
           (child, CG.isMinor, URIRef(f"{ID}child/x")),
           (review, CG.publicationYear, Literal("2019")),
           (review, CG.publicationMonth, Literal("3", datatype=URIRef(
               "http://www.w3.org/2001/XMLSchema#int"))),
           (review, CG.heading, Literal("2024 – Testshire – Child 17", lang="en"))]
    per_review = {}
    for n, (s, p, o) in enumerate(odd):
        g = Graph() + base
        g.set((s, p, o)) if p != CG.pseudonym else g.add((s, p, o))
        per_review.update(_per_review(_renamed(g, f"o{n}")))
    reports = _both(per_review, vocab, monkeypatch)
    assert len(reports["compiled"].violations) >= len(odd)
    assert _rows(reports["compiled"]) == _rows(reports["pyshacl"])


def test_literals_oxigraph_would_rewrite_are_left_to_pyshacl() -> None:
    """An Oxigraph store reads "3"^^xsd:int back as xsd:integer; such data goes to pyshacl."""
    int_ = '"3"^^<http://www.w3.org/2001/XMLSchema#int>'
    padded = '"01"^^<http://www.w3.org/2001/XMLSchema#integer>'
    fine = '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    text = "\n".join(f"<urn:x:s> <urn:x:p{n}> {lit} ." for n, lit in enumerate((int_, padded, fine)))
    assert shacl.rewritten_literals(text) == sorted([int_, padded])
    assert shacl.rewritten_literals(f"<urn:x:s> <urn:x:p> {fine} .") == []
