"""Serialise graphs for other tools: Turtle, N-Triples, JSON-LD, TriG.

Serialisation goes through Oxigraph, not rdflib: it is an order of magnitude faster and writes
escapes that every parser reads back (rdflib 7.6 writes some string literals as invalid
Turtle).  Triples are sorted first, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .fsutil import write_atomic
from .namespaces import PREFIXES
from .paths import ontology_dir
from .terms import to_ox

FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "nt": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld"),
}


def _sorted_triples(graph: Graph) -> list[ox.Triple]:
    triples = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return triples


def _used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    text = set()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, ox.NamedNode):
                text.add(term.value)
            elif isinstance(term, ox.Literal):
                text.add(term.datatype.value)
    return {p: ns for p, ns in sorted(PREFIXES.items()) if any(v.startswith(ns) for v in text)}


def serialise(graph: Graph, fmt: str) -> bytes:
    """Deterministic bytes of ``graph`` in ``fmt`` (turtle, nt, jsonld)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    oxfmt, _ = FORMATS[fmt]
    triples = _sorted_triples(graph)
    if fmt == "nt":
        return ox.serialize(triples, format=oxfmt)
    prefixes = _used_prefixes(triples)
    if fmt == "jsonld":
        return _jsonld(triples, prefixes)
    return ox.serialize(triples, format=oxfmt, prefixes=prefixes)


def jsonld_context_path() -> Path:
    return ontology_dir() / "context.jsonld"


def _jsonld(triples: list[ox.Triple], prefixes: dict[str, str]) -> bytes:
    """Expanded-IRI JSON-LD from Oxigraph, with our shipped ``@context`` inlined.

    The context is inlined (not referenced by URL) so that loading the file never fetches
    anything from the network.
    """
    raw = json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD))
    doc = {"@context": {k: v for k, v in sorted(PREFIXES.items())}, "@graph": raw}
    if isinstance(raw, dict) and "@graph" in raw:
        doc["@graph"] = raw["@graph"]
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def export(graph: Graph, fmt: str, path: Path) -> None:
    write_atomic(path, serialise(graph, fmt))
