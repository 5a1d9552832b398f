"""The main job end to end: data/sources/ → validated Turtle, checked against hand annotations.

The expected facts come from ``annotations/corpus.jsonl``, written by reading the May 2023 digest,
never from the program's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from casegraph.core.namespaces import CG, OA
from casegraph.pipeline.build import BuildResult

GOLD = Path(__file__).parent / "annotations" / "corpus.jsonl"

DIGEST = "nspcc-repository-2023-05.txt"


def _gold() -> dict[str, dict]:
    rows = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    return {r["heading"]: r for r in rows if r["source"] == DIGEST}


def test_six_reviews_written_and_conforming(built: BuildResult, built_ttl) -> None:  # type: ignore[no-untyped-def]
    assert len(built.reviews) == 6
    assert built.report.conforms, built.report.text()
    g = Graph()
    g.parse(built_ttl, format="turtle")
    assert len(g) == len(built.graph)
    assert len(set(g.subjects(RDF.type, CG.CaseReview))) == 6


def test_reviews_match_hand_annotation(built: BuildResult) -> None:
    gold = _gold()
    assert len(gold) == 6
    by_heading = {r.heading: r for r in built.reviews}
    assert set(by_heading) == set(gold)
    for heading, g in gold.items():
        r = by_heading[heading]
        assert r.title == g["title"]
        assert r.publication_year == g["publication_year"] == 2023
        assert r.publication_month == 5
        assert (r.review_type.notation if r.review_type else None) == g["review_type"], heading
        assert r.document_kind == g["document_kind"], heading
        assert [(c.pseudonym, c.age_months, c.sex) for c in r.children] == [
            (c["pseudonym"], c["age_months"], c["sex"]) for c in g["children"]], heading
        assert (r.incident_year, r.incident_month) == (g["incident_year"], g["incident_month"]), heading
        assert sorted(c.notation for c in r.harms) == sorted(g["harm_types"]), heading
        assert sorted(c.notation for c in r.risk_factors) == sorted(g["risk_factors"]), heading
        assert len(r.learning) == g["learning_count"], heading
        assert len(r.recommendations) == g["recommendation_count"], heading


def test_ages_from_published_wording(built: BuildResult) -> None:
    ages = {r.children[0].pseudonym: r.children[0].age_months for r in built.reviews}
    # "16-year-old" → 192, "4-month-old-infant" → 4, "4-year-8-month-old" → 56,
    # "aged 6-months-old" → 6, "20-month-old" → 20, "ten-month-old" → 10
    assert ages == {"Child A": 192, "Child K": 4, "Child B": 56, "Child F": 6, "Lucy": 20,
                    "Child E": 10}


def test_items_across_page_breaks_stay_whole(built: BuildResult) -> None:
    by = {r.children[0].pseudonym: r for r in built.reviews}
    k3 = by["Child K"].recommendations[2].text
    assert k3.startswith("revise and refresh the procedures, practice guidance and training in")
    f5 = by["Child F"].learning[4].text
    assert f5.startswith("consider parents' cultural backgrounds") and f5.endswith("child's diagnosis")
    # "Learning and recommendations include:" gives both lists, item for item
    e = by["Child E"]
    assert [i.text for i in e.learning] == [i.text for i in e.recommendations]
    assert len(e.learning) == 6


def test_every_quote_is_exact_source_text(built: BuildResult, root) -> None:  # type: ignore[no-untyped-def]
    text = (root / "data" / "sources" / DIGEST).read_text(encoding="utf-8")
    n = 0
    for r in built.reviews:
        for scheme in ("review-types", "harm-types", "risk-factors", "agencies", "themes"):
            for coded in r.coded(scheme):
                assert coded.evidence, (r.slug, coded.notation)
                for ev in coded.evidence:
                    assert text[ev.start:ev.end] == ev.exact
                    n += 1
        for m in r.mentions:  # every mention quotes its words and locates them in its sentence
            assert text[m.evidence.start:m.evidence.end] == m.evidence.exact
            assert m.evidence.exact in m.evidence.sentence
            n += 1
        for item in r.learning + r.recommendations:
            quoted = text[item.evidence.start:item.evidence.end]
            assert re.sub(r"\s+", " ", quoted) == item.text
    assert n >= 90  # one quote per coded concept and per mention


def test_every_coded_concept_has_evidence_in_the_graph(built: BuildResult) -> None:
    g = built.graph
    coded = 0
    for review in g.subjects(RDF.type, CG.CaseReview):
        for pred in (CG.riskFactor, CG.involvesAgency, CG.theme, CG.reviewType):
            for concept in g.objects(review, pred):
                coded += 1
                anns = set(g.subjects(OA.hasBody, concept)) & set(g.subjects(CG.annotates, review))
                assert anns, (review, concept)
    assert coded > 50


def test_iris_are_stable_slugs(built: BuildResult) -> None:
    slugs = sorted(r.slug for r in built.reviews)
    assert slugs == ["2023-child-a", "2023-child-b", "2023-child-e", "2023-child-f", "2023-child-k",
                     "2023-lucy"]
    for s in built.graph.all_nodes():
        if isinstance(s, URIRef) and "/id/" in s:
            assert re.fullmatch(r"https://w3id\.org/casegraph/id/[a-z]+/[a-z0-9-]+", str(s)), s
