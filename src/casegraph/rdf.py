"""Facts to triples.  The only module that knows which RDF terms describe instances.

Everything gets an IRI from :mod:`casegraph.iris` (no blank nodes), so exports are deterministic
and diff cleanly, and the same review has the same IRI from any source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from . import iris
from .model import Coded, Evidence, ListItem, Review, SourceRef
from .namespaces import CG, OA, SCHEMA, bind_prefixes
from .vocab import Vocabulary

_PREDICATE = {
    "review-types": CG.reviewType,
    "harm-types": CG.harmType,
    "risk-factors": CG.riskFactor,
    "agencies": CG.involvesAgency,
    "themes": CG.theme,
}
_DOC_KIND = {"full-report": CG.FullReport, "executive-summary": CG.ExecutiveSummary}
_SEX = {"female": SCHEMA.Female, "male": SCHEMA.Male}


def _s(text: str) -> Literal:
    """Text as an explicit xsd:string, so every parser and store reads back the same term."""
    return Literal(text, datatype=XSD.string)


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


class GraphBuilder:
    """Adds reviews to a graph; holds the vocabulary to resolve notations to concept IRIs."""

    def __init__(self, vocab: Vocabulary, graph: Graph | None = None):
        self.vocab = vocab
        self.graph = graph if graph is not None else Graph()
        bind_prefixes(self.graph)
        self._sources: set[str] = set()

    def _concept(self, notation: str) -> URIRef:
        return URIRef(self.vocab.concepts[notation].iri)

    def add_source(self, ref: SourceRef) -> URIRef:
        node = URIRef(iris.source_iri(ref.name, ref.sha256))
        if str(node) not in self._sources:
            self._sources.add(str(node))
            g = self.graph
            g.add((node, RDF.type, CG.SourceDocument))
            g.add((node, DCTERMS.identifier, _s(ref.name)))
            g.add((node, DCTERMS["format"], _s(ref.media_type)))
            g.add((node, CG.sha256, _s(ref.sha256)))
            if ref.page_title:
                g.add((node, DCTERMS.title, _s(ref.page_title)))
        return node

    def _evidence(self, review: URIRef, slug: str, coded: Coded, target: URIRef) -> None:
        g = self.graph
        concept = self._concept(coded.notation)
        for n, ev in enumerate(coded.evidence, start=1):
            ann = URIRef(iris.annotation_iri(slug, coded.scheme, coded.notation, n))
            g.add((ann, RDF.type, CG.Evidence))
            g.add((ann, RDF.type, OA.Annotation))
            g.add((ann, OA.motivatedBy, OA.classifying))
            g.add((ann, OA.hasBody, concept))
            g.add((ann, CG.annotates, target))
            g.add((ann, CG.curated, Literal(bool(ev.curated))))
            if ev.curated:
                g.add((ann, CG.curationSource, _s(ev.curated)))
            if ev.exact:
                self._selector(ann, ev)

    def _selector(self, ann: URIRef, ev: Evidence) -> None:
        g = self.graph
        tgt = URIRef(str(ann) + "-target")
        sel = URIRef(str(ann) + "-quote")
        g.add((ann, OA.hasTarget, tgt))
        g.add((tgt, RDF.type, OA.SpecificResource))
        g.add((tgt, OA.hasSource, self.add_source(ev.source)))
        g.add((tgt, OA.hasSelector, sel))
        g.add((sel, RDF.type, OA.TextQuoteSelector))
        g.add((sel, OA.exact, _s(ev.exact)))
        g.add((sel, OA.prefix, _s(ev.prefix)))
        g.add((sel, OA.suffix, _s(ev.suffix)))

    def _items(self, review: URIRef, slug: str, items: list[ListItem], kind: str) -> None:
        g = self.graph
        cls, link, mint = {
            "learning": (CG.LearningPoint, CG.hasLearning, iris.learning_iri),
            "recommendation": (CG.Recommendation, CG.hasRecommendation, iris.recommendation_iri),
        }[kind]
        for pos, item in enumerate(items, start=1):
            node = URIRef(mint(slug, pos))
            g.add((review, link, node))
            g.add((node, RDF.type, cls))
            g.add((node, CG.itemOf, review))
            g.add((node, SCHEMA.position, _int(pos)))
            g.add((node, SCHEMA.text, _s(item.text)))
            g.add((node, DCTERMS.source, self.add_source(item.evidence.source)))
            for notation in item.themes:
                g.add((node, CG.theme, self._concept(notation)))
            for notation in item.agencies:
                g.add((node, CG.addressesAgency, self._concept(notation)))
            if item.addressee:
                g.add((node, CG.addressee, _s(item.addressee)))

    def add_review(self, r: Review) -> URIRef:
        g = self.graph
        node = URIRef(iris.review_iri(r.slug))
        g.add((node, RDF.type, CG.CaseReview))
        g.add((node, DCTERMS.title, _s(r.title)))
        g.add((node, CG.heading, _s(r.heading)))
        g.add((node, DCTERMS.identifier, _s(r.slug)))
        if r.summary:
            g.add((node, CG.summary, _s(r.summary)))
        if r.publication_year:
            g.add((node, CG.publicationYear, _int(r.publication_year)))
        if r.publication_month:
            g.add((node, CG.publicationMonth, _int(r.publication_month)))
        if r.area:
            area = URIRef(iris.area_iri(r.area))
            g.add((node, CG.publishedBy, area))
            g.add((area, RDF.type, CG.SafeguardingPartnership))
            g.add((area, RDFS.label, _s(r.area)))
            g.add((area, SKOS.prefLabel, _s(r.area)))
        if r.document_kind:
            g.add((node, CG.documentKind, _DOC_KIND[r.document_kind]))
        for ref in r.sources:
            src = self.add_source(ref)
            g.add((node, DCTERMS.source, src))
            g.add((node, PROV.wasDerivedFrom, src))
        for kw in r.keywords:
            g.add((node, SCHEMA.keywords, _s(kw)))
        children = []
        for n, child in enumerate(r.children, start=1):
            c = URIRef(iris.child_iri(r.slug, n))
            children.append(c)
            g.add((node, CG.aboutChild, c))
            g.add((c, RDF.type, CG.Child))
            if child.pseudonym:
                g.add((c, CG.pseudonym, _s(child.pseudonym)))
            if child.age_months is not None:
                g.add((c, CG.ageInMonths, _int(child.age_months)))
            if child.sex in _SEX:
                g.add((c, SCHEMA.gender, _SEX[child.sex]))
            if child.minor:
                g.add((c, CG.isMinor, Literal(True)))
        if r.harms or r.incident_year:
            h = URIRef(iris.harm_iri(r.slug))
            g.add((node, CG.hasHarmEvent, h))
            g.add((h, RDF.type, CG.HarmEvent))
            for c in children:
                g.add((h, CG.affectedChild, c))
            if r.incident_year:
                g.add((h, CG.incidentYear, _int(r.incident_year)))
            if r.incident_month:
                g.add((h, CG.incidentMonth, _int(r.incident_month)))
            for coded in r.harms:
                g.add((h, CG.harmType, self._concept(coded.notation)))
                self._evidence(node, r.slug, coded, node)
        for scheme in ("review-types", "risk-factors", "agencies", "themes"):
            for coded in r.coded(scheme):
                g.add((node, _PREDICATE[scheme], self._concept(coded.notation)))
                self._evidence(node, r.slug, coded, node)
        self._items(node, r.slug, r.learning, "learning")
        self._items(node, r.slug, r.recommendations, "recommendation")
        return node

    def add_dataset(self, reviews: Iterable[Review]) -> None:
        """A DCAT/VoID description of the build, with a content-derived build activity."""
        from rdflib.namespace import DCAT

        from .namespaces import VOID

        g = self.graph
        reviews = list(reviews)
        ds = URIRef(iris.dataset_iri())
        digest = hashlib.sha256("".join(sorted(self._sources)).encode()).hexdigest()
        act = URIRef(iris.build_activity_iri(digest))
        g.add((ds, RDF.type, DCAT.Dataset))
        g.add((ds, RDF.type, VOID.Dataset))
        g.add((ds, DCTERMS.title, _s("casegraph: UK child-safeguarding case reviews")))
        g.add((ds, PROV.wasGeneratedBy, act))
        g.add((act, RDF.type, CG.Build))
        for src in sorted(self._sources):
            g.add((act, PROV.used, URIRef(src)))
        g.add((ds, VOID.entities, _int(len(reviews))))


def build_graph(reviews: Iterable[Review], vocab: Vocabulary) -> Graph:
    reviews = list(reviews)
    gb = GraphBuilder(vocab)
    for r in reviews:
        gb.add_review(r)
    gb.add_dataset(reviews)
    return gb.graph
