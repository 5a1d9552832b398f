"""Batched, cached validation means the same as one pyshacl run on the whole graph.

A 72-review synthetic build, validated in batches of 40 (so findings cross batch boundaries;
100 reviews in batches of 60 until session 52, for the suite's six minutes),
with deliberately broken reviews of several kinds is validated both ways (whole-graph pyshacl at
1k reviews took minutes of CI);
the findings (severity, review, focus node, path, value, message) must be identical.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query
from support import load_synthetic

from casegraph.extract.vocab import Vocabulary
from casegraph.graph.emit import emit, to_rdflib
from casegraph.pipeline.build import extract_reviews
from casegraph.validate import shacl
from casegraph.validate.shacl import validate_graph, validate_reviews

ROOT = Path(__file__).resolve().parents[1]
N = ox.NamedNode
CG = "https://w3id.org/casegraph/ontology#"
XSD_INT = N("http://www.w3.org/2001/XMLSchema#integer")
SIZE = 72  # two batches of 40, three broken reviews in each: findings cross a batch boundary


def _replace(triples: list[ox.Triple], pred: str, new_object: ox.Literal | ox.NamedNode,
             first_only: bool = True) -> list[ox.Triple]:
    out, done = [], False
    for t in triples:
        if t.predicate.value == pred and not (first_only and done):
            out.append(ox.Triple(t.subject, t.predicate, new_object))
            done = True
        else:
            out.append(t)
    assert done, pred
    return out


def _break(per_review: dict[str, list[ox.Triple]]) -> dict[str, str]:
    """Break six reviews in six ways; returns slug → what was broken."""
    slugs = sorted(per_review)
    broken = {}
    s = slugs[10]  # evidence without a body: EvidenceShape and the evidence SPARQL constraint
    per_review[s] = [t for t in per_review[s] if t.predicate.value != "http://www.w3.org/ns/oa#hasBody"
                     or not t.subject.value.endswith("-1") or "rf-" not in t.subject.value][:]
    broken[s] = "evidence body removed"
    s = slugs[20]
    per_review[s] = _replace(per_review[s], CG + "ageInMonths", ox.Literal("300", datatype=XSD_INT))
    broken[s] = "age 300 months"
    s = slugs[30]
    review = next(t.subject for t in per_review[s] if t.predicate.value == CG + "riskFactor")
    per_review[s] = [*per_review[s], ox.Triple(
        review, N(CG + "riskFactor"), N("https://w3id.org/casegraph/concept/agencies/ag-pol"))]
    broken[s] = "agency coded as a risk factor, without evidence"
    s = slugs[40]
    per_review[s] = _replace(per_review[s], CG + "incidentYear", ox.Literal("2999", datatype=XSD_INT))
    broken[s] = "incident in the future"
    s = slugs[50]
    per_review[s] = [t for t in per_review[s] if t.predicate.value != "https://schema.org/text"]
    broken[s] = "items without text"
    s = slugs[60]
    per_review[s] = _replace(per_review[s], "https://schema.org/position",
                             ox.Literal("2", datatype=XSD_INT))
    broken[s] = "two items at position 2"
    return broken


def prepare_each_query_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """rdflib parses a query string again on every ``Graph.query`` call, and pyshacl calls it
    once per focus node with the same SPARQL constraint text: a thousand pyparsing runs were
    over a third of the reference run.  Each distinct text is parsed and translated once and
    evaluated as a prepared query, rdflib's documented equivalent (evaluation never changes
    a prepared query), so the reference's findings are the same."""
    prepared: dict[tuple[str, str | None, frozenset[tuple[str, Any]]], Query] = {}
    real_query = processor.SPARQLProcessor.query

    def query(self: processor.SPARQLProcessor, str_or_query: str | Query,  # rdflib's own parameter names
              initBindings: Mapping[str, Any] | None = None,
              initNs: Mapping[str, Any] | None = None, base: str | None = None,
              DEBUG: bool = False) -> Mapping[str, Any]:
        if isinstance(str_or_query, str):
            key = (str_or_query, base, frozenset((initNs or {}).items()))
            if key not in prepared:
                prepared[key] = translateQuery(parseQuery(str_or_query), base, initNs)
            str_or_query = prepared[key]
        return real_query(self, str_or_query, initBindings, initNs, base, DEBUG)

    monkeypatch.setattr(processor.SPARQLProcessor, "query", query)


@pytest.fixture(scope="module")
def per_review(tmp_path_factory: pytest.TempPathFactory, vocab: Vocabulary) -> dict[str, list[ox.Triple]]:
    synthetic = load_synthetic()
    out = tmp_path_factory.mktemp("syn150")
    synthetic.write_corpus(synthetic.generate(SIZE, 11), out)
    reviews, _, _ = extract_reviews([out], vocab)
    assert len(reviews) == SIZE
    per, _dataset = emit(reviews, vocab)
    return per


@pytest.mark.slow
def test_batched_validation_equals_whole_graph_pyshacl(per_review: dict[str, list[ox.Triple]],
                                                       vocab: Vocabulary,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    broken = _break(per_review)
    with monkeypatch.context() as patch:
        prepare_each_query_once(patch)
        whole = validate_graph(to_rdflib([t for ts in per_review.values() for t in ts]),
                               vocab.graph, engine="pyshacl")  # the reference
    monkeypatch.setattr(shacl, "BATCH_REVIEWS", 40)
    first = validate_reviews(per_review, vocab.graph, workers=2)
    batched, counts = first.report, first.counts
    assert counts == {"validated": SIZE, "cached": 0}
    assert not whole.conforms and not batched.conforms
    assert {f.review for f in whole.violations} == set(broken)
    assert sorted(f.key() for f in batched.findings) == sorted(f.key() for f in whole.findings)
    assert len(whole.findings) >= len(broken)

    # A second run takes every review from the cache and finds the same.
    second = validate_reviews(per_review, vocab.graph, first.cache, workers=2)
    again, counts = second.report, second.counts
    assert counts == {"validated": 0, "cached": SIZE}
    assert sorted(f.key() for f in again.findings) == sorted(f.key() for f in whole.findings)
