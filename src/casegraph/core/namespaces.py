"""One home for every namespace IRI casegraph uses: its own and the W3C vocabularies it reuses.

rdflib-level code imports the ``Namespace`` objects from here (never from ``rdflib.namespace``
directly), Oxigraph-level code the plain-string constants below; the prefix table built from
them is :mod:`casegraph.core.prefixes`.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = ["BASE", "CG", "CGSH", "CONCEPT", "DCAT", "DCTERMS", "ID", "OA", "ORG", "OWL", "PROV", "RDF",
           "RDFS", "SCHEMA", "SH", "SKOS", "VANN", "VOID", "VS", "XSD"]

BASE = "https://w3id.org/casegraph/"
CG = Namespace(BASE + "ontology#")
CGSH = Namespace(BASE + "shapes#")
CONCEPT = Namespace(BASE + "concept/")
ID = Namespace(BASE + "id/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOID = Namespace("http://rdfs.org/ns/void#")
# Vocabulary metadata in the manner of W3C DPV (DECISIONS 41): preferred prefix and namespace of
# each vocabulary, and the status of each term ("stable", "testing").
VANN = Namespace("http://purl.org/vocab/vann/")
VS = Namespace("http://www.w3.org/2003/06/sw-vocab-status/ns#")

# W3C and other IRIs that Oxigraph-level code needs as plain strings (rdflib code uses the
# Namespace objects above).  Nothing outside this module spells out a W3C IRI.
XSD_STRING = str(XSD.string)
XSD_INTEGER = str(XSD.integer)
XSD_BOOLEAN = str(XSD.boolean)
XSD_DATETIME = str(XSD.dateTime)
RDF_TYPE = str(RDF.type)
RDF_LANGSTRING = str(RDF.langString)
RDFS_LABEL = str(RDFS.label)
RDFS_SUBCLASSOF = str(RDFS.subClassOf)
XSD_GYEAR = str(XSD.gYear)
XSD_GYEARMONTH = str(XSD.gYearMonth)

# Outside datasets and registries that casegraph links to (docs/DECISIONS.md, entry 40).
#: ONS statistical geographies by GSS code (``E10000021``): the linked-data home of local authorities.
STATISTICAL_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"
#: IANA media types as IRIs, the DCAT 2 way to give a distribution's ``dcat:mediaType``.
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
#: ISO 639-1 language codes as IRIs (Library of Congress), for ``dcterms:language``.
ISO639_1 = "http://id.loc.gov/vocabulary/iso639-1/"
#: The licence of casegraph's own data (the coding, links and structure).
CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"

#: Instance kinds: each gets its own prefix (``review:2023-child-a``) so that every prefixed name
#: in our Turtle pastes into any SPARQL engine without backslash escapes.
INSTANCE_KINDS = ("review", "child", "harm", "learning", "recommendation", "evidence", "mention",
                  "source", "area", "dataset", "build", "cluster", "organisation")


#: The Turtle/SPARQL prefix of each kind: its own name, except where that name is already a term
#: of the JSON-LD context (``source`` is ``dcterms:source`` there).
INSTANCE_PREFIX = {kind: kind for kind in INSTANCE_KINDS} | {"source": "srcdoc"}


def instance_namespace(kind: str) -> str:
    return f"{ID}{kind}/"


def concept_iri(scheme: str, notation: str) -> str:
    return f"{CONCEPT}{scheme}/{notation.lower()}"
