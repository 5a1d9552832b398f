"""Saved queries: headers match results, golden tables, and answers checked against hand annotation.

Golden tables (``snapshots/*.csv``) were reviewed row by row against the digest text and the
hand annotations; the gold-derived tests below recompute the expected answers independently
from ``annotations/corpus.jsonl`` (written by reading the source), not from the program.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from casegraph.extract.vocab import Vocabulary
from casegraph.store.engines import OxigraphEngine
from casegraph.store.queries import bind_values, saved_queries
from casegraph.store.results import render

TESTS = Path(__file__).parent
GOLDEN = TESTS / "snapshots"
QUERIES = saved_queries()
# Counting facts only, the digest has no risk factor of an infant who died, and no pair of risk
# factors that two reviews share (risk-factor-pairs lists pairs in at least 2 reviews by default).
EMPTY_ON_DIGEST = {"risk-factor-pairs", "risk-factors-in-infant-deaths"}
CONTRACT = {
    "cases": ["review", "title", "pseudonym", "review_type", "publication_year", "area",
              "child_age_months", "child_sex", "incident_year", "incident_month"],
    "case-concepts": ["review", "scheme", "notation", "label"],
    "recommendations": ["review", "recommendation", "position", "text"],
    "learning": ["review", "learning", "position", "text"],
    "recurring-recommendations": ["cluster", "label", "review", "publication_year", "recommendation",
                                  "position", "text"],
}


@pytest.fixture(scope="module")
def engine(built_ttl: Path) -> OxigraphEngine:
    eng = OxigraphEngine()
    eng.load_file(built_ttl)
    return eng


def run(engine: OxigraphEngine, name: str, vocab: Vocabulary, **params: str) -> list[dict[str, str]]:
    q = QUERIES[name]
    results = engine.select(q.text, bind_values(q, params, vocab))
    return list(csv.DictReader(io.StringIO(render(results, "csv"))))


def gold_digest() -> list[dict]:
    rows = [json.loads(x) for x in (TESTS / "annotations" / "corpus.jsonl").read_text().splitlines() if x]
    return [r for r in rows if r["source"] == "nspcc-repository-2023-05.txt"]


def test_at_least_fourteen_saved_queries() -> None:
    assert set(CONTRACT) <= set(QUERIES)
    assert len(QUERIES) >= 14


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_columns(name: str) -> None:
    assert QUERIES[name].columns == CONTRACT[name]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_header_columns_match_results(name: str, engine: OxigraphEngine, vocab: Vocabulary) -> None:
    q = QUERIES[name]
    assert q.title and q.description
    results = engine.select(q.text, bind_values(q, {}, vocab))
    assert results.columns == q.columns
    assert results.rows or name in EMPTY_ON_DIGEST, f"{name} returned nothing on the digest"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_golden_table(name: str, engine: OxigraphEngine, vocab: Vocabulary) -> None:
    q = QUERIES[name]
    got = render(engine.select(q.text, bind_values(q, {}, vocab)), "csv")
    expected = (GOLDEN / f"{name}.csv").read_text(encoding="utf-8")
    assert got.replace("\r\n", "\n") == expected.replace("\r\n", "\n")


def test_cases_match_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    rows = run(engine, "cases", vocab)
    got = sorted((r["pseudonym"], r["child_age_months"], r["child_sex"], r["review_type"],
                  r["incident_year"], r["incident_month"]) for r in rows)
    want = sorted((c["pseudonym"], str(c["age_months"]), c["sex"] or "", g["review_type"] or "",
                   str(g["incident_year"] or ""), str(g["incident_month"] or ""))
                  for g in gold_digest() for c in g["children"])
    assert got == want


def test_item_counts_match_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    for query, key in (("learning", "learning_count"), ("recommendations", "recommendation_count")):
        rows = run(engine, query, vocab)
        per_review = Counter(r["review"].rsplit("/", 1)[1] for r in rows)
        want = {"2023-" + g["children"][0]["pseudonym"].lower().replace(" ", "-"): g[key]
                for g in gold_digest()}
        assert dict(per_review) == want
        for review in per_review:
            positions = [int(r["position"]) for r in rows if r["review"].endswith("/" + review)]
            assert positions == list(range(1, len(positions) + 1))


def _rollup(notations: list[str], vocab: Vocabulary) -> set[str]:
    out = set(notations)
    for n in notations:
        out.update(vocab.ancestors(n))
    return out


@pytest.mark.parametrize("query,key", [("risk-factors-ranked", "risk_factors"),
                                       ("harm-types-ranked", "harm_types")])
def test_ranked_counts_match_gold(query: str, key: str, engine: OxigraphEngine,
                                  vocab: Vocabulary) -> None:
    want = Counter()
    for g in gold_digest():
        want.update(_rollup(g[key], vocab))
    got = {r["notation"]: int(r["reviews"]) for r in run(engine, query, vocab)}
    assert got == dict(want)


def test_reviews_with_risk_factor_parameter(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    found = 0
    for factor in ("RF-LAC", "RF-CMH", "RF-ANIM", "RF-DA", "RF-PMH", "RF-SUB", "RF-LANG"):
        got = {r["review"].rsplit("/", 1)[1] for r in run(engine, "reviews-with-risk-factor", vocab,
                                                           factor=factor)}
        want = {g["children"][0]["pseudonym"] for g in gold_digest()
                if factor in _rollup(g["risk_factors"], vocab)}
        assert got == {"2023-" + w.lower().replace(" ", "-") for w in want}, factor
        found += bool(got)
    assert found >= 3  # the facts of the digest: RF-LAC and RF-CMH (Child A), RF-ANIM (Lucy)


def test_infant_harm_types_match_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    want = Counter()
    for g in gold_digest():
        if any(c["age_months"] is not None and c["age_months"] < 12 for c in g["children"]):
            want.update(set(g["harm_types"]))
    got = {r["notation"]: int(r["reviews"]) for r in run(engine, "infants-by-harm-type", vocab)}
    assert got == dict(want)


def test_interpreter_recommendations(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    rows = run(engine, "search-recommendations", vocab, phrase="INTERPRETER")
    assert [(r["review"].rsplit("/", 1)[1], r["position"]) for r in rows] == [("2023-child-b", "3")]
