"""Query parameters cannot be injected: hostile values come back exactly, on every engine.

2,000 seeded hostile strings (quotes, backslashes, ``\\u0022 } ; DROP ALL ;``, newlines, tabs,
NUL and other control characters, astral-plane and combining characters, SPARQL keywords and
punctuation) are bound as ``string`` parameters through every query with a string parameter
(saved ones in ``queries/`` and the test queries in ``tests/queries/``) on rdflib
(``initBindings``), embedded Oxigraph and a real Oxigraph server (a ``VALUES`` block).  Each
must come back exactly (the echo queries return it), never cause a syntax error, give the same
rows on all three engines, and leave every store unchanged.  Values that cannot be RDF (lone
surrogates) and ill-typed values (unknown notations, foreign IRIs, non-integers) are refused
with a one-line :class:`CasegraphError` before any engine sees them.
"""

from __future__ import annotations

import random
from pathlib import Path

import oxigraph_server
import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oxigraph_server import Endpoint
from rdflib import Graph, Literal, URIRef

from casegraph.core.errors import CasegraphError
from casegraph.core.terms import sparql_string
from casegraph.extract.vocab import Vocabulary
from casegraph.store.engines import EndpointEngine, open_engine
from casegraph.store.queries import (
    SavedQuery,
    bind_values,
    load_query,
    outer_group_start,
    saved_queries,
    with_values_block,
)

shared_server = oxigraph_server.shared_server  # pytest finds fixtures by name here


class XSD:
    """The two datatypes used here (rdflib's closed XSD namespace warns when pytest scans it)."""

    string = URIRef("http://www.w3.org/2001/XMLSchema#string")
    integer = URIRef("http://www.w3.org/2001/XMLSchema#integer")


TESTS = Path(__file__).parent
SAVED = saved_queries()
LOCAL = saved_queries(TESTS / "queries")
ALL = {**SAVED, **{f"tests/{k}": v for k, v in LOCAL.items()}}
STRING_QUERIES = sorted(n for n, q in ALL.items() if any(p.type == "string" for p in q.parameters))
ENGINES = ("rdflib", "oxigraph", "server")
N_HOSTILE = 2000
BASE_IRI = "https://w3id.org/casegraph/"

FIXED = [
    "", " ", '"', "'", '""', "''", '"""', "'''", "\\", "\\\\", '\\"', "\\'",
    '\\u0022 } ; DROP ALL ; #', '\u0022 } ; DROP ALL ; #', '" } ; DROP ALL ; #',
    "') } ; DROP ALL ; #", '"""} ; DROP ALL ; """', "\\U00000022 } ; CLEAR ALL",
    '"^^<http://www.w3.org/2001/XMLSchema#integer>', '"@en', '" . ?s ?p ?o . "',
    '") } } SELECT * WHERE { ?s ?p ?o } #', "?q", "$q", "VALUES", "UNDEF",
    "<https://w3id.org/casegraph/x>", "}", "{", ")", "(", "#", "#+ title: x", ">", "<",
    "line\nbreak", "cr\rlf\r\n", "\ttab", "nul\x00byte", "\x00", "bell\x07", "\x1b[31mred\x1b[0m",
    "\x7f", "\x85", "\u2028\u2029", "\ufeffbom", "\U0001F600", "\U0010FFFF", "e\u0301",
    "\u202eevil", "\u200d\u200b", "ümlaut ß 中文 العربية", "\\u00e9", "\\u0000", "\\n", "\\t",
    "\\\\u0022", "\\\\\\u0022", "\\uZZZZ", "\\U0001F600", "a\\", "\\u12", "x" * 5000,
]
ATOMS = ['"', "'", "\\", "\\u", "\\U", "0022", "00000022", "}", "{", ";", ".", "#", "<", ">", "?",
         "$", "(", ")", "^^", "@", " DROP ALL ", " INSERT DATA { <a> <b> <c> } ", "\n", "\r", "\t",
         "\x00", "\x01", "\x1f", "\x7f", "\x9f", "\u2028", "\ufeff", "\U0001F4A9", "\U000E0001",
         "\u0301", "a", "Z", "9", "f", "é", "中", " "]


def hostile_strings(n: int = N_HOSTILE, seed: int = 20240604) -> list[str]:
    """``n`` distinct hostile strings: the fixed list, then seeded random mixtures."""
    rnd = random.Random(seed)
    out = list(dict.fromkeys(FIXED))
    while len(out) < n:
        parts = []
        for _ in range(rnd.randint(1, 12)):
            r = rnd.random()
            if r < 0.7:
                parts.append(rnd.choice(ATOMS))
            elif r < 0.85:
                code = rnd.randint(0, 0xFFFF)
                parts.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd")
            else:
                parts.append(chr(rnd.randint(0x10000, 0x10FFFF)))
        value = "".join(parts)
        if value not in out:
            out.append(value)
    return out


HOSTILE = hostile_strings()
#: The hostile values every saved string query is run with on all three engines: every fixed
#: one and every fourth random mixture (530).  The whole set (2,000) goes through the echo
#: queries (test_hostile_strings_come_back_exactly); through each of the other queries it took
#: a minute or more on two cores and proved nothing the sample does not (session 50: the suite
#: must finish in six minutes).
HOSTILE_SAMPLE = HOSTILE[:len(FIXED)] + HOSTILE[len(FIXED)::4]


def test_the_hostile_set_is_what_it_claims() -> None:
    assert len(HOSTILE) == N_HOSTILE == len(set(HOSTILE))
    assert set(FIXED) <= set(HOSTILE_SAMPLE) and len(HOSTILE_SAMPLE) >= 500
    joined = "".join(HOSTILE)
    for needle in ['"', "\\", "\n", "\t", "\x00", "\\u0022 } ; DROP ALL ;", "\U0001F600", "\u2028"]:
        assert needle in joined
    assert all(not 0xD800 <= ord(c) <= 0xDFFF for c in joined)
    assert "tests/echo" in STRING_QUERIES and "search-recommendations" in STRING_QUERIES


pushed_graph = oxigraph_server.pushed_graph


@pytest.fixture(scope="module")
def engines(built_ttl: Path, shared_server: Endpoint, pushed_graph: str) -> dict[str, object]:
    return {"rdflib": open_engine("rdflib", built_ttl),
            "oxigraph": open_engine("oxigraph", built_ttl),
            "server": EndpointEngine(shared_server.query, timeout=60, default_graph=pushed_graph)}


def sizes(engines: dict[str, object], server: Endpoint, graph: str) -> dict[str, int]:
    """Triples held by each engine's store (the server: the graph its engine reads).  Not the
    server's whole dataset: in CI every test worker shares one server, and other tests push and
    drop graphs of their own while this one runs."""
    return {"rdflib": len(engines["rdflib"]), "oxigraph": len(engines["oxigraph"]),  # type: ignore[arg-type]
            "server": server.count(graph)}


def norm(v: object) -> tuple[str, ...] | None:
    """A result term as comparable data: kind, lexical form, datatype or language."""
    if v is None:
        return None
    if isinstance(v, Literal):
        tag = "@" + v.language if v.language else str(v.datatype or XSD.string)
        return ("literal", str(v), tag)
    return (type(v).__name__, str(v))


def rows_of(engine: object, query: SavedQuery, bindings: dict) -> list[tuple]:
    res = engine.select(query.text, bindings)  # type: ignore[attr-defined]
    assert res.columns == query.columns
    return [tuple(norm(v) for v in row) for row in res.rows]


# ----------------------------------------------------------------------------- hostile strings


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_strings_come_back_exactly(engine: str, engines: dict[str, object],
                                           shared_server: Endpoint, pushed_graph: str,
                                           vocab: Vocabulary) -> None:
    query = LOCAL["echo"]
    before = sizes(engines, shared_server, pushed_graph)
    for value in HOSTILE:
        res = engines[engine].select(query.text, bind_values(query, {"q": value}, vocab))  # type: ignore[attr-defined]
        assert len(res.rows) == 1, repr(value)
        echo, length = res.rows[0]
        assert isinstance(echo, Literal) and str(echo) == value, repr(value)
        assert echo.datatype in (None, XSD.string) and not echo.language
        assert int(length) == len(value), f"{value!r}: STRLEN {length}, expected {len(value)}"
    assert sizes(engines, shared_server, pushed_graph) == before


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in STRING_QUERIES if n != "tests/echo"])
def test_hostile_strings_through_every_string_query(name: str, engines: dict[str, object],
                                                    shared_server: Endpoint, pushed_graph: str,
                                                    vocab: Vocabulary) -> None:
    """Same rows on all three engines for every hostile value; echoed parameters come back."""
    query = ALL[name]
    string_params = [p.name for p in query.parameters if p.type == "string"]
    echo = next((c for c in ("echo", "q_out") if c in query.columns), None)
    before = sizes(engines, shared_server, pushed_graph)
    nonempty = 0
    for value in HOSTILE_SAMPLE:
        bindings = bind_values(query, dict.fromkeys(string_params, value), vocab)
        reference = rows_of(engines["rdflib"], query, bindings)
        for engine in ENGINES[1:]:
            assert rows_of(engines[engine], query, bindings) == reference, f"{engine}: {value!r}"
        nonempty += bool(reference)
        if echo:  # the test queries echo the value: it must come back exactly
            assert reference and reference[0][query.columns.index(echo)][1] == value
    assert sizes(engines, shared_server, pushed_graph) == before
    assert nonempty > 0, f"{name}: no hostile value matched anything (the test proves little)"


def test_string_parameters_match_data_on_every_engine(engines: dict[str, object],
                                                     vocab: Vocabulary) -> None:
    """A bound string equals the data's literal on every engine (rdflib matches by term)."""
    query = LOCAL["notation-lookup"]
    concepts = sorted(vocab.concepts.values(), key=lambda c: c.notation)
    assert len(concepts) > 30
    for concept in concepts:
        bindings = bind_values(query, {"q": concept.notation}, vocab)
        for engine in ENGINES:
            assert rows_of(engines[engine], query, bindings) == [
                (("literal", concept.notation, str(XSD.string)), ("URIRef", concept.iri))], engine


def test_lone_surrogates_are_refused_before_any_engine(vocab: Vocabulary) -> None:
    bad = ["\ud800", "a\udfffb", "\udc80" * 3, "ok" + "\ud83d", "\ude00x", '" } ;\ud800 DROP ALL']
    checked = 0
    for name, query in ALL.items():
        for p in query.parameters:
            for value in bad:
                raw = BASE_IRI + value if p.type == "iri" else value
                with pytest.raises(CasegraphError) as info:
                    bind_values(query, {p.name: raw}, vocab)
                msg = str(info.value)
                assert "\n" not in msg and p.name in msg, (name, msg)
                msg.encode("utf-8")  # the message itself is printable
                checked += 1
    assert checked >= 6 * 5


# ----------------------------------------------------------------------------- typed values


@pytest.mark.parametrize("ptype, value", [
    ("concept", "RF-NOPE"), ("concept", "AG-POL"),  # wrong scheme
    ("concept", ""), ("concept", "RF-DA } ; DROP ALL"), ("concept", "\x00"),
    ("iri", "http://evil.example/x"), ("iri", "https://w3id.org/casegraphX/id/review/a"),
    ("iri", "https://w3id.org/casegraph"), ("iri", "https://w3id.org/casegraph/a b"),
    ("iri", "https://w3id.org/casegraph/a>"), ("iri", "https://w3id.org/casegraph/a> } DROP ALL"),
    ("iri", 'https://w3id.org/casegraph/"'), ("iri", "https://w3id.org/casegraph/\x01"),
    ("iri", "https://w3id.org/casegraph/a\nb"), ("iri", "https://w3id.org/casegraph/{x}"),
    ("iri", "https://w3id.org/casegraph/a\\u003E"), ("iri", "relative/iri"), ("iri", ""),
    ("int", "1.5"), ("int", "1e3"), ("int", ""), ("int", "0x10"), ("int", "٣"), ("int", "１２"),
    ("int", "12345678901"), ("int", "3 } DROP ALL"), ("int", "NaN"), ("int", "--1"),
    ("year", "1899"), ("year", "2201"), ("year", "20 20"), ("year", "MMXX"), ("year", "2020.0"),
])
def test_ill_typed_values_are_refused(ptype: str, value: str, vocab: Vocabulary) -> None:
    query = LOCAL["echo-typed"]
    name = {"concept": "factor", "iri": "review", "int": "n", "year": "year"}[ptype]
    with pytest.raises(CasegraphError) as info:
        bind_values(query, {name: value}, vocab)
    assert "\n" not in str(info.value) and f"--param {name}" in str(info.value)


def test_unknown_parameters_are_refused(vocab: Vocabulary) -> None:
    with pytest.raises(CasegraphError, match="no parameter 'nope'"):
        bind_values(LOCAL["echo"], {"nope": "x"}, vocab)


def test_well_typed_values_are_normalised(vocab: Vocabulary) -> None:
    got = bind_values(LOCAL["echo-typed"], {"factor": " RF-DA ", "n": " +7 ", "year": "2021",
                                            "review": BASE_IRI + "id/review/x"}, vocab)
    assert got["factor"] == URIRef(BASE_IRI + "concept/risk-factors/rf-da")
    assert got["n"] == Literal(7, datatype=XSD.integer)
    assert got["year"] == Literal(2021, datatype=XSD.integer)
    assert got["review"] == URIRef(BASE_IRI + "id/review/x")


def typed_cases(vocab: Vocabulary, review_iris: list[str]) -> list[tuple[str, dict[str, str]]]:
    """Non-default values for every typed parameter of every saved query."""
    cases: list[tuple[str, dict[str, str]]] = []
    for name, query in SAVED.items():
        for p in query.parameters:
            if p.type == "concept":
                notations = sorted(c.notation for c in vocab.concepts.values()
                                   if not p.scheme or c.scheme == p.scheme)
                cases += [(name, {p.name: n}) for n in notations]
            elif p.type == "iri":
                cases += [(name, {p.name: iri}) for iri in [*review_iris, BASE_IRI + "id/review/none"]]
            elif p.type in ("int", "year"):
                cases += [(name, {p.name: str(y)}) for y in (1990, 2015, 2019, 2020, 2023, 2200)]
    return cases


def test_typed_parameters_give_identical_answers_on_every_engine(engines: dict[str, object],
                                                                 vocab: Vocabulary) -> None:
    reviews = [str(r[0]) for r in engines["oxigraph"].select(  # type: ignore[attr-defined]
        "PREFIX cg: <https://w3id.org/casegraph/ontology#> SELECT ?r WHERE { ?r a cg:CaseReview }",
        {}).rows]
    assert len(reviews) >= 5
    cases = typed_cases(vocab, reviews)
    assert len({name for name, _ in cases}) >= 4
    nonempty = 0
    for name, raw in cases:
        query = SAVED[name]
        bindings = bind_values(query, raw, vocab)
        reference = rows_of(engines["rdflib"], query, bindings)
        for engine in ENGINES[1:]:
            assert rows_of(engines[engine], query, bindings) == reference, f"{name} {raw} on {engine}"
        nonempty += bool(reference)
    assert nonempty >= 10


# ----------------------------------------------------------------------------- the VALUES block


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { BIND(?q AS ?x) }",
    "select ?x where{BIND(?q AS ?x)}",
    "SELECT ?x { BIND(?q AS ?x) }",
    "# WHERE { not here\nSELECT ?x WHERE { BIND(?q AS ?x) }",
    'PREFIX a: <http://e/WHERE#x>\nSELECT ?x ("{" AS ?b) WHERE { BIND(?q AS ?x) }',
    "SELECT ?x (<http://e/a?b=1&c=WHERE> AS ?i) WHERE { BIND(?q AS ?x) }",
    "SELECT ?x ('''WHERE {\n{''' AS ?b) WHERE { BIND(?q AS ?x) }",
    'SELECT ?x (IF(1<2, "\\"{", "}") AS ?b) WHERE { BIND(?q AS ?x) }',
    "SELECT ?x WHERE { { SELECT ?y WHERE { BIND(1 AS ?y) } } BIND(?q AS ?x) }",
])
def test_values_block_opens_the_outer_group(text: str) -> None:
    bound = with_values_block(text, {"q": Literal('"} DROP ALL', datatype=XSD.string)})
    at = outer_group_start(text)
    assert text[at - 1] == "{" and bound.startswith(text[:at])
    rows = list(ox.Store().query(bound))
    assert [r["x"].value for r in rows] == ['"} DROP ALL']


def test_parameter_names_must_be_sparql_variables(tmp_path: Path) -> None:
    rq = tmp_path / "evil.rq"
    rq.write_text("#+ title: t\n#+ description: d\n#+ columns: [x]\n#+ parameters:\n"
                  "#+   - {name: 'x) } DROP ALL ; #', type: string}\nSELECT ?x WHERE { }\n",
                  encoding="utf-8")
    with pytest.raises(CasegraphError, match="not a SPARQL variable name"):
        load_query(rq)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_sparql_string_reads_back_in_every_parser(value: str) -> None:
    """Oxigraph expands \\u escapes per spec; rdflib naively, before tokenising: both agree."""
    query = f"SELECT ?x WHERE {{ BIND({sparql_string(value)} AS ?x) }}"
    assert next(iter(ox.Store().query(query)))["x"].value == value
    assert str(next(iter(Graph().query(query)))[0]) == value
