"""JSON-LD for web developers (issue 14): compacted with the shipped context, short keys, ``id`` and
``type``, native numbers and booleans, and still exactly the graph (the 10,000-literal round trip
is tests/test_export_roundtrip.py; here: the shape of the JSON, and the edge cases by hand).
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from support import nt_lines

from casegraph.core import namespaces
from casegraph.core.namespaces import CG, ID, XSD_BOOLEAN, XSD_INTEGER
from casegraph.core.resources import ontology_dir
from casegraph.pipeline.build import BuildResult
from casegraph.rdfio.formats import jsonld_context, serialise, serialise_triples

KEYWORDS = {"@value", "@language"}  # the only keywords left in node objects: value objects


@pytest.fixture(scope="module")
def doc(built: BuildResult) -> dict[str, Any]:
    return json.loads(serialise(built.graph, "jsonld"))


def _terms() -> dict[str, dict[str, str]]:
    return {k: v for k, v in jsonld_context().items() if isinstance(v, dict)}


def test_nodes_use_short_keys_and_the_id_type_aliases(doc: dict[str, Any]) -> None:
    ctx = jsonld_context()
    assert ctx["id"] == "@id" and ctx["type"] == "@type"
    keys = {k for node in doc["@graph"] for k in node}
    assert "id" in keys and "type" in keys
    long_keys = sorted(k for k in keys if k not in ctx and k not in ("id", "type"))
    assert not long_keys, f"keys without a short term in ontology/context.jsonld: {long_keys}"
    assert all(list(node)[:1] == ["id"] for node in doc["@graph"])


def _values(doc: dict[str, Any], key: str) -> list[Any]:
    out: list[Any] = []
    for node in doc["@graph"]:
        value = node.get(key)
        out += value if isinstance(value, list) else [] if value is None else [value]
    return out


def test_numbers_and_booleans_are_native(doc: dict[str, Any]) -> None:
    for key in ("publicationYear", "position", "start", "end", "ageInMonths"):
        values = _values(doc, key)
        assert values and all(type(v) is int for v in values), key
    for key in ("curated", "isFact", "isMinor"):
        values = _values(doc, key)
        assert values and all(type(v) is bool for v in values), key


def test_links_are_plain_strings_and_sets_are_always_arrays(doc: dict[str, Any]) -> None:
    terms = _terms()
    for node in doc["@graph"]:
        for key, value in node.items():
            term = terms.get(key, {})
            if term.get("@container") == "@set":
                assert isinstance(value, list), (node["id"], key)
            if term.get("@type") == "@id":
                assert all(isinstance(v, str) for v in (value if isinstance(value, list) else [value]))
    reviews = [n for n in doc["@graph"] if n.get("type") == "CaseReview"]
    assert reviews and all(isinstance(r["source"], list) for r in reviews)


def test_no_keyword_but_value_objects_inside_nodes(doc: dict[str, Any]) -> None:
    def walk(value: Any) -> set[str]:
        if isinstance(value, dict):
            return {k for k in value if k.startswith("@")} | {x for v in value.values() for x in walk(v)}
        if isinstance(value, list):
            return {x for v in value for x in walk(v)}
        return set()
    assert walk(doc["@graph"]) <= KEYWORDS


S = ox.NamedNode(f"{ID}review/2024-testshire-child-17")  # invented


def _triple(predicate: str, obj: ox.NamedNode | ox.Literal) -> ox.Triple:
    return ox.Triple(S, ox.NamedNode(predicate), obj)


INT = ox.NamedNode(XSD_INTEGER)
BOOL = ox.NamedNode(XSD_BOOLEAN)
CASES = [
    # (predicate, object, the JSON the key must hold)
    (str(CG.publicationYear), ox.Literal("2024", datatype=INT), 2024),
    (str(CG.publicationYear), ox.Literal("02024", datatype=INT), "02024"),  # coerced, not canonical
    (str(CG.publicationYear), ox.Literal("2024"), {"@value": "2024"}),  # a string under an int term
    (str(CG.publicationYear), ox.Literal(str(2**53), datatype=INT), str(2**53)),  # beyond JS-safe
    (str(CG.heading), ox.Literal("-7", datatype=INT), -7),  # native without coercion too
    (str(CG.heading), ox.Literal("-0", datatype=INT), {"@value": "-0", "type": "xsd:integer"}),
    (str(CG.curated), ox.Literal("true", datatype=BOOL), True),
    (str(CG.curated), ox.Literal("1", datatype=BOOL), "1"),
    (str(CG.heading), ox.Literal("false", datatype=BOOL), False),
    (str(CG.heading), ox.Literal("1.5", datatype=ox.NamedNode(str(namespaces.XSD.decimal))),
     {"@value": "1.5", "type": "xsd:decimal"}),
    (str(CG.heading), ox.Literal("Child 17"), "Child 17"),
    (str(CG.heading), ox.Literal("Plentyn 17", language="cy"), {"@value": "Plentyn 17", "@language": "cy"}),
    (str(CG.reviewType), ox.NamedNode("https://w3id.org/casegraph/concept/review-types/rt-scr"),
     "rt:rt-scr"),
    (str(CG.heading), ox.NamedNode("https://example.org/page"), {"id": "https://example.org/page"}),
    (str(CG.reviewType), ox.Literal("rt:rt-scr"), {"@value": "rt:rt-scr"}),  # a string, not a link
    ("https://example.org/no-term", ox.Literal("7", datatype=INT), 7),
]


@pytest.mark.parametrize("predicate,obj,expected", CASES, ids=[f"case{n}" for n in range(len(CASES))])
def test_each_value_is_written_compactly_and_reads_back_exactly(
        predicate: str, obj: Any, expected: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    triples = [_triple(predicate, obj)]
    data = serialise_triples(triples, "jsonld")
    (node,) = json.loads(data)["@graph"]
    (key,) = [k for k in node if k != "id"]
    got = node[key][0] if isinstance(node[key], list) else node[key]  # (a term may be a set)
    assert got == expected and type(got) is type(expected)
    assert nt_lines(ox.parse(data, format=ox.RdfFormat.JSON_LD)) == nt_lines(triples)
    # rdflib too, read exactly (by default it rewrites odd lexical forms itself: "02024" -> "2024";
    # see test_export_roundtrip.test_default_rdflib_normalises_odd_forms)
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)
    back = Graph().parse(data=data, format="json-ld")
    assert nt_lines(back) == nt_lines(triples)


def test_context_agrees_with_the_ontology() -> None:
    """Every property the ontology declares has a short term whose coercion fits its kind and
    range, so a term never turns a value into something else."""
    onto = Graph().parse(ontology_dir() / "casegraph.ttl")
    by_iri = {v["@id"]: (k, v) for k, v in _terms().items()}
    for prop in sorted(set(onto.subjects(RDF.type, OWL.ObjectProperty))
                       | set(onto.subjects(RDF.type, OWL.DatatypeProperty))):
        if onto.value(prop, SKOS.scopeNote) is not None:
            continue  # scoped out of the published data (the push's lock graph)
        assert isinstance(prop, URIRef)
        curie = "cg:" + str(prop).removeprefix(str(CG))
        assert curie in by_iri, f"{curie} has no term in ontology/context.jsonld"
        _, definition = by_iri[curie]
        coerce = definition.get("@type")
        if (prop, RDF.type, OWL.ObjectProperty) in onto:
            assert coerce == "@id", curie
        else:
            rng = str(onto.value(prop, RDFS.range) or "")
            wanted = {XSD_INTEGER: "xsd:integer", XSD_BOOLEAN: "xsd:boolean"}.get(rng)
            assert coerce == wanted, (curie, rng, coerce)
    classes = {v for v in jsonld_context().values() if isinstance(v, str) and v.startswith("cg:")}
    for cls in onto.subjects(RDF.type, OWL.Class):
        assert "cg:" + str(cls).removeprefix(str(CG)) in classes, cls
