"""The prefixes casegraph writes in Turtle and binds in rdflib graphs: the one prefix table.

Built from :mod:`casegraph.core.namespaces` (W3C and casegraph namespaces, instance kinds) and
:mod:`casegraph.core.schemes` (one prefix per concept scheme).
"""

from __future__ import annotations

from casegraph.core.namespaces import (
    CG,
    CGSH,
    DCAT,
    DCTERMS,
    INSTANCE_KINDS,
    INSTANCE_PREFIX,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SH,
    SKOS,
    VANN,
    VOID,
    VS,
    XSD,
    instance_namespace,
)
from casegraph.core.schemes import DOCUMENT_KINDS, MENTION_SCHEMES, SCHEMES

PREFIXES: dict[str, str] = {
    "cg": str(CG),
    "cgsh": str(CGSH),
    **{INSTANCE_PREFIX[kind]: instance_namespace(kind) for kind in INSTANCE_KINDS},
    **{s.prefix: s.namespace for s in SCHEMES},
    **{s.prefix: s.namespace for s in (*MENTION_SCHEMES, DOCUMENT_KINDS)},
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
    "vann": str(VANN),
    "vs": str(VS),
}


def bind_prefixes(graph) -> None:  # type: ignore[no-untyped-def]
    """Bind the project prefixes, replacing rdflib's defaults so exports are stable."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
