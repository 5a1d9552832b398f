"""Query answers streamed from Oxigraph's own writers equal the answers converted through rdflib.

``casegraph query`` on the embedded store writes ``csv``, ``sparql-tsv`` and ``sparql-json``
with Oxigraph's result writers and the other forms from Oxigraph's terms (DECISIONS 45);
``render`` of ``select`` (an rdflib term per cell) is the path before, and still the path of the
rdflib and endpoint engines.  Both must give the same answer for every saved query on the
built seed data: the same bytes where casegraph defines the form (csv, tsv, json, table), the
same terms where the W3C does (sparql-tsv and sparql-json, whose bytes may differ).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from casegraph.cli.main import main
from casegraph.extract.vocab import Vocabulary
from casegraph.store.engines import OxigraphEngine, RdflibEngine, Results
from casegraph.store.queries import bind_values, saved_queries
from casegraph.store.results import FORMATS, render, write_query

QUERIES = saved_queries()
W3C = {"sparql-tsv": ox.QueryResultsFormat.TSV, "sparql-json": ox.QueryResultsFormat.JSON}


@pytest.fixture(scope="module")
def engine(built_ttl: Path) -> OxigraphEngine:
    eng = OxigraphEngine()
    eng.load_file(built_ttl)
    return eng


@pytest.fixture(scope="module")
def answers(engine: OxigraphEngine, vocab: Vocabulary) -> dict[str, tuple[dict, Results]]:
    """Every saved query's default bindings and its answer through the converting path."""
    out = {}
    for name, q in QUERIES.items():
        bindings = bind_values(q, {}, vocab)
        out[name] = (bindings, engine.select(q.text, bindings))
    return out


def streamed(engine: OxigraphEngine, text: str, bindings: dict, fmt: str, saved: bool = True) -> str:
    """What ``casegraph query`` writes: through a UTF-8 text stream with a byte buffer below,
    as stdout is, so the native writers take the byte path."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    write_query(engine, text, bindings, fmt, out, saved=saved)
    out.flush()
    return out.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def terms(text: str, fmt: str) -> list[list[str | None]]:
    """A W3C result document read back by Oxigraph's parser: each row's terms in N-Triples."""
    return [[None if t is None else str(t) for t in row]
            for row in ox.parse_query_results(text.encode("utf-8"), format=W3C[fmt])]


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_equals_converted_for_every_saved_query(
        fmt: str, engine: OxigraphEngine, answers: dict[str, tuple[dict, Results]]) -> None:
    compared = 0
    for name, q in QUERIES.items():
        bindings, results = answers[name]
        old = render(results, fmt)
        for saved in (True, False):  # saved: Oxigraph's CSV writer; ad-hoc: csv from its terms
            new = streamed(engine, q.text, bindings, fmt, saved)
            if fmt in W3C:
                assert terms(new, fmt) == terms(old, fmt), (name, saved)
            else:
                assert new == old, (name, saved)
            compared += len(results.rows)
    assert compared > 1000  # the seed build answers with rows, not only headers


def test_streamed_sparql_json_is_the_w3c_form(engine: OxigraphEngine,
                                              answers: dict[str, tuple[dict, Results]]) -> None:
    """Read back by rdflib's SPARQL JSON results parser (not Oxigraph's) and by the JSON grammar
    of the W3C recommendation: the same variables and terms as the converting path."""
    for name in ("cases", "evidence", "prevalence", "review-evidence"):
        bindings, results = answers[name]
        text = streamed(engine, QUERIES[name].text, bindings, "sparql-json")
        doc = json.loads(text)
        assert doc["head"]["vars"] == results.columns
        for binding in doc["results"]["bindings"]:
            for value in binding.values():
                assert value["type"] in ("uri", "literal", "bnode")
                assert set(value) <= {"type", "value", "xml:lang", "datatype"}
        parsed = Result.parse(io.BytesIO(text.encode("utf-8")), format="json")
        assert [str(v) for v in parsed.vars or []] == results.columns
        rows = [tuple(row.get(v) for v in parsed.vars or []) for row in parsed.bindings]
        assert [tuple(_plain(t) for t in row) for row in rows] == \
               [tuple(_plain(t) for t in row) for row in results.rows], name
        assert text.endswith("}\n")


def _plain(term: object) -> object:
    """rdflib reads "x"^^xsd:string and "x" apart; RDF 1.1 says they are one term."""
    if isinstance(term, Literal) and str(term.datatype) == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(str(term))
    return term


def test_ad_hoc_csv_quotes_what_oxigraphs_writer_would_not(tmp_path: Path) -> None:
    """Invented data: an IRI with a comma (a source page's URL may have one) and a one-column
    answer with an empty cell.  Oxigraph's CSV writer leaves the first unquoted and writes the
    second as an empty line; an ad-hoc query therefore takes casegraph's own CSV writer."""
    eng = OxigraphEngine()
    page = ox.NamedNode("https://example.org/reviews?ids=1,2")
    eng.store.add(ox.Quad(page, ox.NamedNode("https://schema.org/name"), ox.Literal("")))
    text = "SELECT ?page ?name WHERE { ?page <https://schema.org/name> ?name }"
    got = streamed(eng, text, {}, "csv", saved=False)
    assert list(csv.reader(io.StringIO(got))) == [["page", "name"],
                                                   ["https://example.org/reviews?ids=1,2", ""]]
    assert got == render(eng.select(text, {}), "csv")
    one = "SELECT ?name WHERE { ?page <https://schema.org/name> ?name }"
    assert list(csv.reader(io.StringIO(streamed(eng, one, {}, "csv", saved=False)))) == \
        [["name"], [""]]
    assert streamed(eng, one, {}, "csv", saved=True) == render(eng.select(one, {}), "csv")


def test_json_and_table_from_oxigraph_terms_keep_every_kind_of_term() -> None:
    """Invented data: a blank node, a language-tagged string, numbers (one ill-formed), booleans
    and an unbound cell give the same plain JSON and table from both paths."""
    eng = OxigraphEngine()
    p = ox.NamedNode("https://example.org/p")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for value in (ox.Literal("Ada", language="en"), ox.Literal("7", datatype=ox.NamedNode(xsd + "integer")),
                  ox.Literal("x7", datatype=ox.NamedNode(xsd + "integer")),
                  ox.Literal("2.5", datatype=ox.NamedNode(xsd + "decimal")),
                  ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")),
                  ox.Literal("tab\there\nnewline\\")):
        eng.store.add(ox.Quad(ox.BlankNode(), p, value))
    text = "SELECT ?s ?o ?none WHERE { ?s <https://example.org/p> ?o } ORDER BY STR(?o)"
    results = eng.select(text, {})
    assert any(isinstance(row[0], BNode) for row in results.rows)
    for fmt in ("json", "tsv", "table"):
        assert streamed(eng, text, {}, fmt) == render(results, fmt), fmt
    rows = json.loads(streamed(eng, text, {}, "json"))
    assert {r["o"] for r in rows} >= {7, "x7", 2.5, True, "Ada"} and rows[0]["none"] is None


def test_other_engines_still_convert() -> None:
    """rdflib (like an endpoint) answers with Results, formatted as before (invented data)."""
    ref = RdflibEngine()
    ref.graph.add((URIRef("https://example.org/ada"), URIRef("https://schema.org/name"),
                   Literal("Ada")))
    text = "SELECT ?who ?name WHERE { ?who <https://schema.org/name> ?name }"
    for fmt in FORMATS:
        out = io.StringIO()  # no byte buffer below: the text path
        write_query(ref, text, {}, fmt, out)
        assert out.getvalue() == render(ref.select(text, {}), fmt)
    assert "\n \"head\": {" in out.getvalue()  # render's own indented JSON, not Oxigraph's


def test_cli_streams_to_stdout(built_ttl: Path, engine: OxigraphEngine,
                               answers: dict[str, tuple[dict, Results]],
                               capsys: pytest.CaptureFixture[str]) -> None:
    """The command writes the very bytes of the converting path for csv (golden tables)."""
    assert main(["query", "learning", "--data", str(built_ttl), "--format", "csv"]) == 0
    assert capsys.readouterr().out == render(answers["learning"][1], "csv")
    assert main(["query", "cases", "--data", str(built_ttl), "--format", "sparql-tsv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("?review\t?title\t") and terms(out, "sparql-tsv") == \
        terms(render(answers["cases"][1], "sparql-tsv"), "sparql-tsv")
