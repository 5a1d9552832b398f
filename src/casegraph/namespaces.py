"""One home for every namespace and prefix casegraph uses (ontology, shapes, queries, exports)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/casegraph/"
CG = Namespace(BASE + "ontology#")
CGSH = Namespace(BASE + "shapes#")
CONCEPT = Namespace(BASE + "concept/")
ID = Namespace(BASE + "id/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOID = Namespace("http://rdfs.org/ns/void#")

SCHEMES = ("review-types", "harm-types", "risk-factors", "agencies", "themes")

PREFIXES: dict[str, str] = {
    "cg": str(CG),
    "cgsh": str(CGSH),
    "id": str(ID),
    "rt": str(CONCEPT) + "review-types/",
    "ht": str(CONCEPT) + "harm-types/",
    "rf": str(CONCEPT) + "risk-factors/",
    "ag": str(CONCEPT) + "agencies/",
    "th": str(CONCEPT) + "themes/",
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "org": str(ORG),
    "oa": str(OA),
    "schema": str(SCHEMA),
    "dcat": str(DCAT),
    "void": str(VOID),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
}


def scheme_iri(scheme: str) -> str:
    return f"{CONCEPT}{scheme}"


def concept_iri(scheme: str, notation: str) -> str:
    return f"{CONCEPT}{scheme}/{notation.lower()}"


def bind_prefixes(graph) -> None:  # type: ignore[no-untyped-def]
    """Bind the project prefixes, replacing rdflib's defaults so exports are stable."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
