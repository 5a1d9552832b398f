"""Conversions between rdflib and pyoxigraph terms, and SPARQL-safe term syntax.

Oxigraph is the fast engine and serialiser; rdflib is the API the rest of the code speaks.
Keeping every conversion here means one place decides how literals cross over (datatypes and
lexical forms are kept exactly, never re-normalised).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_ox(term: Node):  # type: ignore[no-untyped-def]
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        dt = str(term.datatype) if term.datatype else XSD_STRING
        return ox.Literal(str(term), datatype=ox.NamedNode(dt))
    raise TypeError(f"cannot convert {term!r} to an Oxigraph term")


def from_ox(term) -> Node:  # type: ignore[no-untyped-def]
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        # Keep the lexical form exactly: rdflib would otherwise normalise "01"^^xsd:integer.
        return Literal(term.value, datatype=URIRef(dt), normalize=False)
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def triples_to_ox(graph) -> list:  # type: ignore[no-untyped-def]
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]


def sparql_term(term: Node) -> str:
    """A term in SPARQL syntax, escaped so no value can close the literal or the IRI.

    Oxigraph's own N-Triples writer does the escaping (it is the canonical form), so a value
    never needs hand-written escapes here.
    """
    if isinstance(term, URIRef):
        iri = str(term)
        if any(c in iri for c in '<>"{}|^`\\') or any(ord(c) <= 0x20 for c in iri):
            raise ValueError(f"not a valid IRI: {iri!r}")
        return f"<{iri}>"
    if isinstance(term, Literal):
        return str(to_ox(term))
    raise TypeError(f"cannot bind {term!r} as a parameter")
