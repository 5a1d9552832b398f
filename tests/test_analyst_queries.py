"""The analyst's queries (issue 11) and ``casegraph concepts``, checked against hand-labelled gold.

The golden tables of these queries are compared with every other saved query's in
``test_queries.py``. Here each answer is recomputed independently from the gold
(``annotations/corpus.jsonl``, written by reading the page) for the pages in ``data/sources/``:
age bands from ages in years, prevalence from the gold's facts rolled up to broader concepts,
areas, pairs and matrices from the gold entries. What the gold cannot show - the denominator N
for reviews without an account, blank matrix cells, roll-up of facts the data does not roll up
itself, the order of several children's pseudonyms, the same answer on rdflib and Oxigraph - is
checked on a small invented graph (every name in it is invented).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from casegraph.cli.main import main
from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import RDF, SKOS
from casegraph.core.resources import default_sources
from casegraph.core.schemes import NAMES
from casegraph.extract.vocab import Vocabulary
from casegraph.store.engines import OxigraphEngine, RdflibEngine
from casegraph.store.queries import bind_values, load_query, saved_queries
from casegraph.store.results import render

TESTS = Path(__file__).parent
QUERIES = saved_queries()
NOT_STATED = "age not stated"
# The band sets in whole years, as the national analyses write them (the queries use months).
BANDS = {
    "national": [("under 1", 0, 0), ("1-5", 1, 5), ("6-10", 6, 10), ("11-15", 11, 15),
                 ("16 and over", 16, None)],
    "fine": [("under 1", 0, 0), ("1-4", 1, 4), ("5-10", 5, 10), ("11-15", 11, 15),
             ("16-17", 16, 17)],
}


# ----------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def engine(built_ttl: Path) -> OxigraphEngine:
    eng = OxigraphEngine()
    eng.load_file(built_ttl)
    return eng


def run(engine: object, name: str, vocab: Vocabulary, **params: str) -> list[dict[str, str]]:
    """A saved query's rows as plain strings (SPARQL CSV), as a spreadsheet would read them."""
    q = QUERIES[name]
    results = engine.select(q.text, bind_values(q, params, vocab))  # type: ignore[attr-defined]
    assert results.columns == q.columns
    return list(csv.DictReader(io.StringIO(render(results, "csv"))))


def gold() -> list[dict]:
    """The gold entries of the pages in data/sources/ (what the default build reads)."""
    pages = {p.name for p in default_sources().iterdir()}
    rows = [json.loads(x) for x in (TESTS / "annotations" / "corpus.jsonl").read_text().splitlines()
            if x.strip()]
    out = [r for r in rows if r["source"] in pages]
    assert len(out) >= 6
    return out


def slug(entry: dict) -> str:
    """A gold entry's review id: year and pseudonym (the digest names no area; checked here)."""
    assert entry["area"] is None and len(entry["children"]) == 1
    return f"{entry['publication_year']}-{entry['children'][0]['pseudonym'].lower().replace(' ', '-')}"


def review_id(iri: str) -> str:
    return iri.rsplit("/", 1)[1]


def rollup(notations: list[str], vocab: Vocabulary) -> set[str]:
    out = set(notations)
    for n in notations:
        out.update(vocab.ancestors(n))
    return out


def percent(n: int, total: int) -> Decimal | None:
    """100 n / total to 1 decimal, halves rounded up (as SPARQL ROUND does)."""
    if not total:
        return None
    return (Decimal(100 * n) / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def as_decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def facts(entry: dict, vocab: Vocabulary) -> set[str]:
    """The gold's facts and codes of an entry, rolled up: what a review 'has'."""
    codes = entry["harm_types"] + entry["risk_factors"] + entry["agencies"]
    return rollup(codes + ([entry["review_type"]] if entry["review_type"] else []), vocab)


def concepts_of(vocab: Vocabulary, scheme: str) -> list[str]:
    return sorted(c.notation for c in vocab.concepts.values() if c.scheme == scheme)


# ----------------------------------------------------------------------------- gold-derived


def test_reviews_with_concept_match_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    """Every concept of the four schemes the gold labels: the reviews that have it, by name."""
    nonempty = 0
    for scheme in ("review-types", "harm-types", "risk-factors", "agencies"):
        for notation in concepts_of(vocab, scheme):
            got = [(review_id(r["review"]), r["title"], r["pseudonyms"], r["publication_year"],
                    r["area"]) for r in run(engine, "reviews-with-concept", vocab, concept=notation)]
            want = sorted((slug(g), g["title"], "; ".join(c["pseudonym"] for c in g["children"]),
                           str(g["publication_year"]), g["area"] or "")
                          for g in gold() if notation in facts(g, vocab))
            assert got == want, notation
            nonempty += bool(want)
    assert nonempty >= 20  # death, homicide, suicide, review types, agencies...


def band_of(age_months: int | None, bands: str) -> str:
    if age_months is None:
        return NOT_STATED
    years = age_months // 12
    for label, lo, hi in BANDS[bands]:
        if lo <= years and (hi is None or years <= hi):
            return label
    raise AssertionError(f"no band for {age_months} months")


def expected_bands(entries: list[dict], bands: str) -> list[dict[str, object]]:
    """The rows of an age-band query, from gold children: bands in order, then 'not stated'."""
    children = [(slug(g), c["age_months"]) for g in entries for c in g["children"]]
    rows = []
    for label, lo, hi in [*BANDS[bands], (NOT_STATED, None, None)]:
        mine = [(review, age) for review, age in children if band_of(age, bands) == label]
        rows.append({"band": label,
                     "min_months": "" if lo is None else str(lo * 12),
                     "max_months": "" if hi is None else str((hi + 1) * 12 - 1),
                     "children": len(mine), "reviews": len({r for r, _ in mine}),
                     "percent": percent(len(mine), len(children))})
    return rows


def band_rows(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    return [{"band": r["band"], "min_months": r["min_months"], "max_months": r["max_months"],
             "children": int(r["children"]), "reviews": int(r["reviews"]),
             "percent": as_decimal(r["percent"])} for r in rows]


@pytest.mark.parametrize("bands", sorted(BANDS))
def test_deaths_by_age_band_match_gold(bands: str, engine: OxigraphEngine,
                                       vocab: Vocabulary) -> None:
    died = [g for g in gold() if "H-DEATH" in rollup(g["harm_types"], vocab)]
    assert len(died) == 2  # Child B (homicide, rolled up) and Child F
    got = band_rows(run(engine, "deaths-by-age-band", vocab, bands=bands))
    assert got == expected_bands(died, bands)


@pytest.mark.parametrize("bands", sorted(BANDS))
def test_children_by_age_band_match_gold(bands: str, engine: OxigraphEngine,
                                         vocab: Vocabulary) -> None:
    got = band_rows(run(engine, "children-by-age-band", vocab, bands=bands))
    assert got == expected_bands(gold(), bands)
    assert sum(r["children"] for r in got) == sum(len(g["children"]) for g in gold())


def test_the_age_band_queries_share_one_table() -> None:
    def table(name: str) -> str:
        text = QUERIES[name].text
        start = text.index("VALUES (?bands ")
        return text[start:text.index("}", start)]
    assert table("deaths-by-age-band") == table("children-by-age-band")


def test_national_bands_are_the_default(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    for name in ("deaths-by-age-band", "children-by-age-band"):
        assert QUERIES[name].param("bands").default == "national"
        assert [r["band"] for r in run(engine, name, vocab)] == \
            [label for label, _, _ in BANDS["national"]] + [NOT_STATED]


def test_children_by_sex_match_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    children = [(slug(g), c["sex"] or "not stated") for g in gold() for c in g["children"]]
    got = [(r["sex"], int(r["children"]), int(r["reviews"]), as_decimal(r["percent"]))
           for r in run(engine, "children-by-sex", vocab)]
    want = [(sex, sum(s == sex for _, s in children), len({r for r, s in children if s == sex}),
             percent(sum(s == sex for _, s in children), len(children)))
            for sex in ("female", "male", "not stated")]
    assert got == want


def prevalence(engine: OxigraphEngine, vocab: Vocabulary, scheme: str) -> dict[str, tuple]:
    rows = run(engine, "prevalence", vocab, scheme=scheme)
    return {r["notation"]: (int(r["n"]), int(r["N"]), as_decimal(r["percent"])) for r in rows}


@pytest.mark.parametrize("scheme, key", [("risk-factors", "risk_factors"),
                                         ("harm-types", "harm_types"), ("agencies", "agencies")])
def test_prevalence_matches_gold(scheme: str, key: str, engine: OxigraphEngine,
                                 vocab: Vocabulary) -> None:
    """n from the gold's facts rolled up; N = every entry, since each entry of the digest opens
    with its account of the case (and names agencies in it or in its lists)."""
    entries = gold()
    n = Counter(notation for g in entries for notation in rollup(g[key], vocab))
    want = {c: (n[c], len(entries), percent(n[c], len(entries))) for c in concepts_of(vocab, scheme)}
    got = prevalence(engine, vocab, scheme)
    assert got == want
    assert any(v[0] for v in got.values())


def test_prevalence_of_agencies_addressed_and_themes(engine: OxigraphEngine,
                                                     vocab: Vocabulary) -> None:
    """N from the gold's item counts; n bounded by the gold (an agency a recommendation names is
    named in the entry) and equal to the count queries' reviews (the same roll-up)."""
    entries = gold()
    addressed = prevalence(engine, vocab, "agencies-addressed")
    assert {v[1] for v in addressed.values()} == {sum(g["recommendation_count"] > 0 for g in entries)}
    named = Counter(a for g in entries for a in rollup(g["agencies"], vocab))
    assert all(n <= named[c] for c, (n, _, _) in addressed.items())
    ranked = {r["notation"]: int(r["reviews"]) for r in run(engine, "agencies-most-addressed", vocab)}
    assert {c: v[0] for c, v in addressed.items() if v[0]} == ranked and ranked

    themes = prevalence(engine, vocab, "themes")
    assert {v[1] for v in themes.values()} == {
        sum(g["learning_count"] + g["recommendation_count"] > 0 for g in entries)}
    ranked = {r["notation"]: int(r["reviews"]) for r in run(engine, "themes-across-reviews", vocab)}
    assert {c: v[0] for c, v in themes.items() if v[0]} == ranked and ranked


@pytest.mark.parametrize("scheme, ranked", [("risk-factors", "risk-factors-ranked"),
                                            ("harm-types", "harm-types-ranked")])
def test_ranked_counts_are_prevalence_numerators(scheme: str, ranked: str, engine: OxigraphEngine,
                                                 vocab: Vocabulary) -> None:
    """Every count query rolls up the same way: the ranked tables are prevalence's n > 0."""
    got = {r["notation"]: int(r["reviews"]) for r in run(engine, ranked, vocab)}
    assert got == {c: v[0] for c, v in prevalence(engine, vocab, scheme).items() if v[0]}


@pytest.mark.parametrize("scheme, key", [("risk-factors", "risk_factors"),
                                         ("harm-types", "harm_types"), ("agencies", "agencies")])
def test_coding_matrix_matches_gold(scheme: str, key: str, engine: OxigraphEngine,
                                    vocab: Vocabulary) -> None:
    got = {(review_id(r["review"]), r["notation"]): r["value"]
           for r in run(engine, "coding-matrix", vocab, scheme=scheme)}
    want = {(slug(g), c): "1" if c in rollup(g[key], vocab) else "0"
            for g in gold() for c in concepts_of(vocab, scheme)}
    assert got == want
    assert "1" in got.values()


@pytest.mark.parametrize("scheme", ["agencies-addressed", "themes"])
def test_coding_matrix_sums_are_prevalence(scheme: str, engine: OxigraphEngine,
                                           vocab: Vocabulary) -> None:
    rows = run(engine, "coding-matrix", vocab, scheme=scheme)
    assert {r["scheme"] for r in rows} == {scheme}
    for notation, (n, big_n, _) in prevalence(engine, vocab, scheme).items():
        cells = [r["value"] for r in rows if r["notation"] == notation]
        assert len(cells) == len(gold())
        assert sum(c == "1" for c in cells) == n and sum(c != "" for c in cells) == big_n


def test_items_by_theme_against_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    """The gold labels no themes, so it bounds the items (each position within the entry's own
    count of learning points or recommendations); the texts are the items' own, and the counts
    per theme are themes-across-reviews'."""
    counts = {slug(g): {"learning": g["learning_count"], "recommendation": g["recommendation_count"]}
              for g in gold()}
    rows = run(engine, "items-by-theme", vocab)
    assert rows
    texts = {(review_id(r["review"]), kind, r["position"]): r["text"]
             for kind, query in (("learning", "learning"), ("recommendation", "recommendations"))
             for r in run(engine, query, vocab)}
    for r in rows:
        review = review_id(r["review"])
        assert 1 <= int(r["position"]) <= counts[review][r["kind"]]
        assert texts[(review, r["kind"], r["position"])] == r["text"]
        assert vocab.concepts[r["notation"]].pref_label == r["label"]
    per_theme = {r["notation"]: (int(r["reviews"]), int(r["items"]))
                 for r in run(engine, "themes-across-reviews", vocab)}
    got = {t: (len({r["review"] for r in rows if r["notation"] == t}),
               len({(r["review"], r["kind"], r["position"]) for r in rows if r["notation"] == t}))
           for t in {r["notation"] for r in rows}}
    assert got == per_theme


def test_reviews_by_area_match_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    want = Counter(g["area"] or "area not stated" for g in gold())
    rows = run(engine, "reviews-by-area", vocab)
    assert {r["area"]: int(r["reviews"]) for r in rows} == dict(want)
    assert rows[-1]["area"] == "area not stated"  # the digest names no area: all six are here


def expected_pairs(vocab: Vocabulary, min_reviews: int) -> list[tuple[str, str, str, str, int]]:
    """Pairs of gold facts, rolled up, never a factor with its own broader factor."""
    count: Counter[tuple[str, str]] = Counter()
    for g in gold():
        rf = sorted(rollup(g["risk_factors"], vocab))
        count.update((a, b) for i, a in enumerate(rf) for b in rf[i + 1:]
                     if a not in vocab.ancestors(b) and b not in vocab.ancestors(a))
    label = {c.notation: c.pref_label for c in vocab.concepts.values()}
    pairs = [(a, label[a], b, label[b], n) for (a, b), n in count.items() if n >= min_reviews]
    return sorted(pairs, key=lambda p: (-p[4], p[0], p[2]))


@pytest.mark.parametrize("min_reviews", [None, 1, 2])
def test_risk_factor_pairs_match_gold(min_reviews: int | None, engine: OxigraphEngine,
                                      vocab: Vocabulary) -> None:
    params = {} if min_reviews is None else {"min_reviews": str(min_reviews)}
    got = [(r["first"], r["first_label"], r["second"], r["second_label"], int(r["reviews"]))
           for r in run(engine, "risk-factor-pairs", vocab, **params)]
    assert got == expected_pairs(vocab, min_reviews or 2)  # the default is 2
    assert expected_pairs(vocab, 1)  # Child A: looked after, with mental health problems


def test_concepts_query_matches_gold(engine: OxigraphEngine, vocab: Vocabulary) -> None:
    rows = run(engine, "concepts", vocab)
    assert {r["scheme"] for r in rows} == set(NAMES)
    assert len(rows) == len(vocab.concepts)
    have = Counter(c for g in gold() for c in facts(g, vocab))
    coded = Counter(r["notation"] for r in run(engine, "case-concepts", vocab))
    for r in rows:
        concept = vocab.concepts[r["notation"]]
        assert (r["scheme"], r["label"], r["definition"]) == \
            (concept.scheme, concept.pref_label, concept.definition)
        # themes: the gold labels none, so the count is case-concepts' (no theme is narrower)
        want = coded[r["notation"]] if concept.scheme == "themes" else have[r["notation"]]
        assert int(r["reviews"]) == want, r["notation"]


# ----------------------------------------------------------------------------- invented graph

INVENTED = """
# Invented reviews for tests: no real child, family or area.
@prefix cg: <https://w3id.org/casegraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix review: <https://w3id.org/casegraph/id/review/> .
@prefix child: <https://w3id.org/casegraph/id/child/> .
@prefix harm: <https://w3id.org/casegraph/id/harm/> .
@prefix recommendation: <https://w3id.org/casegraph/id/recommendation/> .
@prefix learning: <https://w3id.org/casegraph/id/learning/> .
@prefix area: <https://w3id.org/casegraph/id/area/> .

# Two children, an account, a homicide (not rolled up to death in the data), parental drug misuse
# (not rolled up to substance misuse) and domestic abuse, one recommendation, one learning point.
review:2030-invented-a a cg:CaseReview ; dcterms:title "Invented review A" ;
    cg:publicationYear 2030 ; cg:publishedBy area:invented-area ;
    cg:summary "Invented account." ;
    cg:aboutChild child:2030-invented-a-c1, child:2030-invented-a-c2 ;
    cg:hasHarmEvent harm:2030-invented-a-h1 ;
    cg:riskFactor <https://w3id.org/casegraph/concept/risk-factors/rf-drg>,
                  <https://w3id.org/casegraph/concept/risk-factors/rf-da> ;
    cg:hasRecommendation recommendation:2030-invented-a-r1 ;
    cg:hasLearning learning:2030-invented-a-l1 .
area:invented-area rdfs:label "Invented Area" .
child:2030-invented-a-c1 a cg:Child ; cg:pseudonym "Child 1" ; cg:ageInMonths 3 ;
    schema:gender schema:Female .
child:2030-invented-a-c2 a cg:Child ; cg:pseudonym "Child 2" .
harm:2030-invented-a-h1 a cg:HarmEvent ;
    cg:harmType <https://w3id.org/casegraph/concept/harm-types/h-hom> ;
    cg:affectedChild child:2030-invented-a-c1, child:2030-invented-a-c2 .
recommendation:2030-invented-a-r1 a cg:Recommendation ; schema:position 1 ;
    schema:text "Invented recommendation for the police." ;
    cg:addressesAgency <https://w3id.org/casegraph/concept/agencies/ag-pol> .
learning:2030-invented-a-l1 a cg:LearningPoint ; schema:position 1 ;
    schema:text "Invented learning." ;
    cg:theme <https://w3id.org/casegraph/concept/themes/t-info> .

# No account, but a fact all the same (as a curation can add): in N for risk factors.
review:2030-ada a cg:CaseReview ; dcterms:title "Invented review Ada" ;
    cg:aboutChild child:2030-ada-c1 ;
    cg:riskFactor <https://w3id.org/casegraph/concept/risk-factors/rf-da> .
child:2030-ada-c1 a cg:Child ; cg:pseudonym "Ada" ; cg:ageInMonths 200 .

# A heading and nothing else: in no N, blank in every matrix.
review:2030-invented-c a cg:CaseReview ; dcterms:title "Invented review C" ;
    cg:aboutChild child:2030-invented-c-c1 .
child:2030-invented-c-c1 a cg:Child ; cg:pseudonym "Child 3" ; cg:ageInMonths 130 .
"""


KEPT = {RDF.type, SKOS.inScheme, SKOS.notation, SKOS.prefLabel, SKOS.definition, SKOS.broader}


@pytest.fixture(scope="module")
def invented(vocab: Vocabulary) -> dict[str, object]:
    g = Graph()
    # The concepts as the queries read them (labels for matching left out: rdflib is faster so).
    g += ((s, p, o) for s, p, o in vocab.graph if p in KEPT)
    g.parse(data=INVENTED, format="turtle")
    ox, ref = OxigraphEngine(), RdflibEngine()
    ox.load_graph(g)
    ref.load_graph(g)
    return {"oxigraph": ox, "rdflib": ref}


def both(invented: dict[str, object], name: str, vocab: Vocabulary,
         **params: str) -> list[dict[str, str]]:
    """The rows on Oxigraph, after checking rdflib gives exactly the same (order included)."""
    rows = run(invented["oxigraph"], name, vocab, **params)
    assert run(invented["rdflib"], name, vocab, **params) == rows, f"{name} {params}"
    return rows


def test_invented_denominators_and_roll_up(invented: dict[str, object], vocab: Vocabulary) -> None:
    rf = {r["notation"]: (r["n"], r["N"], r["percent"])
          for r in both(invented, "prevalence", vocab)}
    assert rf["RF-SUB"] == rf["RF-DRG"] == ("1", "2", "50")  # rolled up by the query itself
    assert rf["RF-DA"] == ("2", "2", "100")  # Ada's fact counts although she has no account
    assert rf["RF-LAC"] == ("0", "2", "0")
    harm = {r["notation"]: r["n"] for r in both(invented, "prevalence", vocab, scheme="harm-types")}
    assert harm["H-DEATH"] == harm["H-HOM"] == "1"
    addressed = {r["notation"]: (r["n"], r["N"])
                 for r in both(invented, "prevalence", vocab, scheme="agencies-addressed")}
    assert addressed["AG-POL"] == ("1", "1") and addressed["AG-CSC"] == ("0", "1")
    named = {r["N"] for r in both(invented, "prevalence", vocab, scheme="agencies")}
    assert named == {"1"}  # only review A has an account or items; nobody names an agency
    themes = {r["notation"]: (r["n"], r["N"]) for r in both(invented, "prevalence", vocab,
                                                            scheme="themes")}
    assert themes["T-INFO"] == ("0", "1")  # a learning point's theme is not the review's code


def test_invented_matrix_cells(invented: dict[str, object], vocab: Vocabulary) -> None:
    cells = {(review_id(r["review"]), r["notation"]): r["value"]
             for r in both(invented, "coding-matrix", vocab)}
    assert cells[("2030-invented-a", "RF-SUB")] == cells[("2030-invented-a", "RF-DA")] == "1"
    assert cells[("2030-ada", "RF-SUB")] == "0" and cells[("2030-ada", "RF-DA")] == "1"
    assert {v for (review, _), v in cells.items() if review == "2030-invented-c"} == {""}
    assert len(cells) == 3 * len(concepts_of(vocab, "risk-factors"))


def test_invented_names_bands_areas_and_pairs(invented: dict[str, object],
                                              vocab: Vocabulary) -> None:
    assert both(invented, "reviews-with-concept", vocab, concept="H-DEATH") == [
        {"review": "https://w3id.org/casegraph/id/review/2030-invented-a",
         "title": "Invented review A", "pseudonyms": "Child 1; Child 2",
         "publication_year": "2030", "area": "Invented Area"}]
    deaths = {r["band"]: (r["children"], r["reviews"], r["percent"])
              for r in both(invented, "deaths-by-age-band", vocab)}
    assert deaths["under 1"] == deaths[NOT_STATED] == ("1", "1", "50")
    assert deaths["1-5"] == ("0", "0", "0")
    fine = [(r["band"], r["children"]) for r in both(invented, "children-by-age-band", vocab,
                                                     bands="fine")]
    assert fine == [("under 1", "1"), ("1-4", "0"), ("5-10", "1"), ("11-15", "0"), ("16-17", "1"),
                    (NOT_STATED, "1")]
    sexes = [(r["sex"], r["children"]) for r in both(invented, "children-by-sex", vocab)]
    assert sexes == [("female", "1"), ("male", "0"), ("not stated", "3")]
    assert [(r["area"], r["reviews"]) for r in both(invented, "reviews-by-area", vocab)] == \
        [("Invented Area", "1"), ("area not stated", "2")]
    pairs = [(r["first"], r["second"], r["reviews"])
             for r in both(invented, "risk-factor-pairs", vocab, min_reviews="1")]
    assert pairs == [("RF-DA", "RF-DRG", "1"), ("RF-DA", "RF-SUB", "1")]  # never RF-DRG, RF-SUB
    assert both(invented, "risk-factor-pairs", vocab) == []
    items = both(invented, "items-by-theme", vocab)
    assert [(r["notation"], r["kind"], r["text"]) for r in items] == \
        [("T-INFO", "learning", "Invented learning.")]


def test_every_choice_is_the_same_on_both_engines(invented: dict[str, object],
                                                  vocab: Vocabulary) -> None:
    choices = [(name, p.name, c) for name, q in QUERIES.items() for p in q.parameters
               for c in p.choices]
    assert {name for name, _, _ in choices} >= {"deaths-by-age-band", "children-by-age-band",
                                                 "prevalence", "coding-matrix"}
    for name, param, choice in choices:
        assert both(invented, name, vocab, **{param: choice}), (name, choice)


# ----------------------------------------------------------------------------- parameters


def test_an_unknown_choice_is_refused_naming_the_choices(vocab: Vocabulary) -> None:
    with pytest.raises(CasegraphError) as info:
        bind_values(QUERIES["deaths-by-age-band"], {"bands": "nationl"}, vocab)
    msg = str(info.value)
    assert "\n" not in msg and "--param bands" in msg and "national, fine" in msg


@pytest.mark.parametrize("param, error", [
    ("{name: bands, type: choice, default: a}", "needs 'choices'"),
    ("{name: bands, type: choice, choices: [a, b], default: c}", "is not one of its choices"),
    ("{name: bands, type: string, choices: [a, b]}", "goes with type 'choice'"),
])
def test_choice_headers_are_checked(param: str, error: str, tmp_path: Path) -> None:
    rq = tmp_path / "bad.rq"
    rq.write_text(f"#+ title: t\n#+ description: d\n#+ columns: [x]\n#+ parameters:\n#+   - {param}\n"
                  "SELECT ?x WHERE { BIND (?bands AS ?x) }\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=error) as info:
        load_query(rq)
    assert "bad.rq" in str(info.value)


def test_a_label_two_schemes_share_is_refused(vocab: Vocabulary) -> None:
    query = QUERIES["reviews-with-concept"]
    with pytest.raises(CasegraphError) as info:
        bind_values(query, {"concept": "early help"}, vocab)
    assert "AG-EH" in str(info.value) and "T-EH" in str(info.value)
    assert bind_values(query, {"concept": "t-eh"}, vocab)["concept"].endswith("/themes/t-eh")
    # a parameter tied to one scheme takes the label as before
    bound = bind_values(QUERIES["recommendations-for-agency"], {"agency": "early help"}, vocab)
    assert bound["agency"].endswith("/agencies/ag-eh")


# ----------------------------------------------------------------------------- casegraph concepts


def test_concepts_command_lists_one_scheme(built_ttl: Path, vocab: Vocabulary,
                                           engine: OxigraphEngine,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["concepts", "harm-types", "--data", str(built_ttl), "--format", "csv"]) == 0
    out = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert list(rows[0]) == ["scheme", "notation", "label", "definition", "reviews"]
    assert [r["notation"] for r in rows] == concepts_of(vocab, "harm-types")
    died = sum("H-DEATH" in rollup(g["harm_types"], vocab) for g in gold())
    assert {r["notation"]: r["reviews"] for r in rows}["H-DEATH"] == str(died) == "2"
    assert out.err == ""


def test_concepts_before_any_build_counts_nothing_and_says_so(
        tmp_path: Path, vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # no build/ here
    assert main(["concepts", "--format", "json"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)
    assert len(rows) == len(vocab.concepts) and {r["reviews"] for r in rows} == {0}
    assert "no build" in out.err and "0" in out.err and len(out.err.splitlines()) == 1


def test_concepts_refuses_an_unknown_scheme_listing_the_valid_ones(
        built_ttl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["concepts", "risk-factor", "--data", str(built_ttl)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "risk-factor" in err
    assert all(name in err for name in NAMES)


def test_concepts_refuses_a_missing_data_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["concepts", "--data", str(tmp_path / "none.ttl")]) == 2
    assert "none.ttl" in capsys.readouterr().err
