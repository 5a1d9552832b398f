"""Facts to triples.  The only module that knows which RDF terms describe instances.

Everything gets an IRI from :mod:`casegraph.core.iris` (no blank nodes), so exports are deterministic
and diff cleanly, and the same review has the same IRI from any source.

Triples are emitted as Oxigraph terms, one list per review: at 10k reviews (3 M triples)
adding them one by one to an rdflib graph took longer than everything else in the build, while
Oxigraph terms go straight to the store and the serialisers.  An rdflib graph is made only
where one is needed (validation batches, :func:`build_graph`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Graph

from casegraph.core import iris
from casegraph.core.model import Coded, Evidence, ListItem, Mention, Recurrence, Review, SourceRef
from casegraph.core.namespaces import (
    CC_BY_4,
    CG,
    DCAT,
    DCTERMS,
    IANA_MEDIA_TYPES,
    ID,
    ISO639_1,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    VOID,
    XSD_BOOLEAN,
    XSD_GYEAR,
    XSD_GYEARMONTH,
    XSD_INTEGER,
)
from casegraph.core.namespaces import RDF_TYPE as NS_RDF_TYPE
from casegraph.core.namespaces import RDFS_LABEL as NS_RDFS_LABEL
from casegraph.core.places import Gazetteer, Match, default_gazetteer, printed_name, unmatched_warnings
from casegraph.core.prefixes import bind_prefixes
from casegraph.core.schemes import DOCUMENT_KINDS, MENTION_SCHEMES, NAMES, SCHEMES
from casegraph.core.terms import from_ox
from casegraph.extract.vocab import Vocabulary
from casegraph.graph.language import language_of
from casegraph.rdfio.formats import FORMATS

_N = ox.NamedNode
_INTEGER = _N(XSD_INTEGER)
_TRUE = ox.Literal("true", datatype=_N(XSD_BOOLEAN))
_FALSE = ox.Literal("false", datatype=_N(XSD_BOOLEAN))


def _p(term) -> ox.NamedNode:  # type: ignore[no-untyped-def]
    return _N(str(term))


RDF_TYPE = _N(NS_RDF_TYPE)
RDFS_LABEL = _N(NS_RDFS_LABEL)
SKOS_PREF = _p(SKOS.prefLabel)
DC_TITLE, DC_ID, DC_SOURCE, DC_FORMAT = (_p(DCTERMS[x]) for x in ("title", "identifier", "source", "format"))
PROV_DERIVED = _p(PROV.wasDerivedFrom)
PROV_GENERATED = _p(PROV.wasGeneratedBy)
PROV_USED = _p(PROV.used)
DCAT_DATASET = _p(DCAT.Dataset)

_PREDICATE = {s.name: _N(s.predicate) for s in SCHEMES}
# Document kinds are concepts of the document-kinds scheme, named by their notation (DECISIONS 41).
_DOC_KIND = {n: _N(DOCUMENT_KINDS.concept(n)) for n in ("full-report", "executive-summary")}
_SEX = {"female": _p(SCHEMA.Female), "male": _p(SCHEMA.Male)}
_C = {name: _p(CG[name]) for name in (
    "CaseReview", "SourceDocument", "SafeguardingPartnership", "Child", "HarmEvent", "LearningPoint",
    "Recommendation", "Evidence", "Build", "sha256", "heading", "summary", "publicationYear",
    "publicationMonth", "publishedBy", "documentKind", "aboutChild", "pseudonym", "ageInMonths",
    "isMinor", "hasHarmEvent", "affectedChild", "incidentYear", "incidentMonth", "harmType",
    "annotates", "curated", "curationSource", "hasLearning", "hasRecommendation", "itemOf", "theme",
    "addressesAgency", "addressee", "Mention", "hasMention", "section", "experiencer", "assertion",
    "isFact", "sentence")}
_OA = {name: _p(OA[name]) for name in (
    "Annotation", "motivatedBy", "classifying", "hasBody", "hasTarget", "SpecificResource",
    "hasSource", "hasSelector", "TextQuoteSelector", "exact", "prefix", "suffix",
    "TextPositionSelector", "start", "end", "identifying")}
_QUALIFIER = {s.name: (_N(s.predicate), s.concept) for s in MENTION_SCHEMES}
_S = {name: _p(SCHEMA[name]) for name in ("position", "text", "keywords", "url")}
DC_PUBLISHER, DC_SPATIAL, DC_REPLACED = (_p(DCTERMS[x]) for x in ("publisher", "spatial", "isReplacedBy"))
ORG_ORGANIZATION = _p(ORG.Organization)


def _published_by_nspcc(ref: SourceRef) -> bool:
    """A page is the NSPCC's when its address is on nspcc.org.uk, or when its title starts with
    the NSPCC's name ("NSPCC Repository – May 2023"); any other page's publisher is not stated."""
    host = urlsplit(ref.url).hostname or "" if ref.url else ""
    return (host == "nspcc.org.uk" or host.endswith(".nspcc.org.uk")
            or bool(ref.page_title and ref.page_title.split(".")[0].split()[0:1] == ["NSPCC"]))


def _organisation(node: ox.NamedNode, name: str) -> list[ox.Triple]:
    return [Triple(node, RDF_TYPE, ORG_ORGANIZATION), Triple(node, RDFS_LABEL, _s(name)),
            Triple(node, SKOS_PREF, _s(name))]


def _s(text: str) -> ox.Literal:
    return ox.Literal(text)


def _prose(text: str, lang_of: str | None = None) -> ox.Literal:
    """Prose (titles, summaries, items, quotes, sentences) tagged ``en`` or ``cy``: the language of
    ``lang_of`` when given (a quote takes its sentence's), else of ``text`` (graph/language.py)."""
    return ox.Literal(text, language=language_of(lang_of if lang_of is not None else text))


@lru_cache(maxsize=4096)  # (every evidence's target names its source: one node a source)
def _source_node(name: str, sha256: str) -> ox.NamedNode:
    return _N(iris.source_iri(name, sha256))


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(int(n)), datatype=_INTEGER)


Triple = ox.Triple


class TripleEmitter:
    """Emits the triples of reviews; resolves notations to concept IRIs through the vocabulary."""

    def __init__(self, vocab: Vocabulary, places: Gazetteer | None = None):
        self.vocab = vocab
        self._concepts: dict[str, ox.NamedNode] = {}
        self._places = places
        #: The ONS match of every named area, by review slug (unmatched ones become build warnings).
        self.area_matches: dict[str, Match] = {}

    @property
    def places(self) -> Gazetteer:
        if self._places is None:
            self._places = default_gazetteer()
        return self._places

    def _spatial(self, out: list[Triple], node: ox.NamedNode, r: Review) -> None:
        """``dcterms:spatial`` to the ONS code of each authority of the area, valid when the review
        was published, and the successors of any code that was later abolished."""
        assert r.area is not None
        match = self.places.match(r.area, r.publication_year, r.publication_month)
        self.area_matches[r.slug] = match
        for code in match.codes:
            gss = _N(iris.statistical_geography_iri(code))
            out.append(Triple(node, DC_SPATIAL, gss))
            out += [Triple(gss, DC_REPLACED, _N(iris.statistical_geography_iri(s)))
                    for s in self.places.authorities[code].successors]

    def concept(self, notation: str) -> ox.NamedNode:
        node = self._concepts.get(notation)
        if node is None:
            node = self._concepts[notation] = _N(self.vocab.concepts[notation].iri)
        return node

    @staticmethod
    def source_node(ref: SourceRef) -> ox.NamedNode:
        return _source_node(ref.name, ref.sha256)

    def source_triples(self, ref: SourceRef) -> list[Triple]:
        node = self.source_node(ref)
        out = [Triple(node, RDF_TYPE, _C["SourceDocument"]),
               Triple(node, DC_ID, _s(ref.name)),
               Triple(node, DC_FORMAT, _s(ref.media_type)),
               Triple(node, _C["sha256"], _s(ref.sha256))]
        if ref.page_title:
            out.append(Triple(node, DC_TITLE, _prose(ref.page_title)))
        if ref.url:
            out.append(Triple(node, _S["url"], _N(ref.url)))
        if _published_by_nspcc(ref):
            nspcc = _N(iris.organisation_iri(iris.NSPCC))
            out += [Triple(node, DC_PUBLISHER, nspcc), *_organisation(nspcc, "NSPCC")]
        return out

    def _evidence(self, out: list[Triple], slug: str, coded: Coded, target: ox.NamedNode) -> None:
        concept = self.concept(coded.notation)
        for n, ev in enumerate(coded.evidence, start=1):
            ann = _N(iris.annotation_iri(slug, coded.scheme, coded.notation, n))
            out += [Triple(ann, RDF_TYPE, _C["Evidence"]),
                    Triple(ann, RDF_TYPE, _OA["Annotation"]),
                    Triple(ann, _OA["motivatedBy"], _OA["classifying"]),
                    Triple(ann, _OA["hasBody"], concept),
                    Triple(ann, _C["annotates"], target),
                    Triple(ann, _C["curated"], _TRUE if ev.curated else _FALSE)]
            if ev.curated:
                out.append(Triple(ann, _C["curationSource"], _s(ev.curated)))
            if ev.exact:
                self._selector(out, ann, ev)

    def _selector(self, out: list[Triple], ann: ox.NamedNode, ev: Evidence) -> None:
        """The target of an annotation: the matched words, by quote and by position in the
        source text, and the whole sentence on the annotation for a person to read."""
        tgt = _N(ann.value + "-target")
        sel = _N(ann.value + "-quote")
        pos = _N(ann.value + "-position")
        context = ev.sentence or f"{ev.prefix}{ev.exact}{ev.suffix}"
        out += [Triple(ann, _OA["hasTarget"], tgt),
                Triple(tgt, RDF_TYPE, _OA["SpecificResource"]),
                Triple(tgt, _OA["hasSource"], self.source_node(ev.source)),
                Triple(tgt, _OA["hasSelector"], sel),
                Triple(sel, RDF_TYPE, _OA["TextQuoteSelector"]),
                Triple(sel, _OA["exact"], _prose(ev.exact, context)),
                Triple(sel, _OA["prefix"], _prose(ev.prefix, context)),
                Triple(sel, _OA["suffix"], _prose(ev.suffix, context)),
                Triple(tgt, _OA["hasSelector"], pos),
                Triple(pos, RDF_TYPE, _OA["TextPositionSelector"]),
                Triple(pos, _OA["start"], _int(ev.start)),
                Triple(pos, _OA["end"], _int(ev.end))]
        if ev.sentence:
            out.append(Triple(ann, _C["sentence"], _prose(ev.sentence)))

    def _mentions(self, out: list[Triple], review: ox.NamedNode, slug: str, mentions: list[Mention]
                  ) -> None:
        for n, m in enumerate(mentions, start=1):
            node = _N(iris.mention_iri(slug, n))
            out += [Triple(review, _C["hasMention"], node),
                    Triple(node, RDF_TYPE, _C["Mention"]),
                    Triple(node, RDF_TYPE, _OA["Annotation"]),
                    Triple(node, _OA["motivatedBy"], _OA["identifying"]),
                    Triple(node, _OA["hasBody"], self.concept(m.notation)),
                    Triple(node, _C["isFact"], _TRUE if m.fact else _FALSE)]
            for scheme, value in (("mention-sections", m.section),
                                  ("mention-experiencers", m.experiencer),
                                  ("mention-assertions", m.assertion)):
                predicate, concept = _QUALIFIER[scheme]
                out.append(Triple(node, predicate, _N(concept(value))))
            self._selector(out, node, m.evidence)

    def _items(self, out: list[Triple], review: ox.NamedNode, slug: str, items: list[ListItem],
               kind: str) -> None:
        cls, link, mint = {
            "learning": (_C["LearningPoint"], _C["hasLearning"], iris.learning_iri),
            "recommendation": (_C["Recommendation"], _C["hasRecommendation"], iris.recommendation_iri),
        }[kind]
        for pos, item in enumerate(items, start=1):
            node = _N(mint(slug, pos))
            out += [Triple(review, link, node),
                    Triple(node, RDF_TYPE, cls),
                    Triple(node, _C["itemOf"], review),
                    Triple(node, _S["position"], _int(pos)),
                    Triple(node, _S["text"], _prose(item.text)),
                    Triple(node, DC_SOURCE, self.source_node(item.evidence.source))]
            out += [Triple(node, _C["theme"], self.concept(n)) for n in item.themes]
            out += [Triple(node, _C["addressesAgency"], self.concept(n)) for n in item.agencies]
            if item.addressee:
                out.append(Triple(node, _C["addressee"], _s(item.addressee)))

    def review_triples(self, r: Review) -> list[Triple]:
        """Every triple about one review, its children, harm, items and evidence.

        The descriptions of its source documents are included too, so the list is a
        self-contained subgraph that can be validated on its own.
        """
        out: list[Triple] = []
        node = _N(iris.review_iri(r.slug))
        out += [Triple(node, RDF_TYPE, _C["CaseReview"]),
                Triple(node, DC_TITLE, _prose(r.title)),
                Triple(node, _C["heading"], _s(r.heading)),
                Triple(node, DC_ID, _s(r.slug))]
        if r.summary:
            out.append(Triple(node, _C["summary"], _prose(r.summary)))
        if r.publication_year:
            out.append(Triple(node, _C["publicationYear"], _int(r.publication_year)))
        if r.publication_month:
            out.append(Triple(node, _C["publicationMonth"], _int(r.publication_month)))
        if r.area:
            area = _N(iris.area_iri(r.area))
            out += [Triple(node, _C["publishedBy"], area),
                    Triple(area, RDF_TYPE, _C["SafeguardingPartnership"]),
                    *_organisation(area, iris.area_label(printed_name(r.area)))]
            self._spatial(out, node, r)
        if r.document_kind:
            out.append(Triple(node, _C["documentKind"], _DOC_KIND[r.document_kind]))
        refs = list(r.sources)
        for ev in (e for scheme in NAMES
                   for c in r.coded(scheme) for e in c.evidence if e.exact):
            if ev.source not in refs:
                refs.append(ev.source)
        for ref in refs:
            out += self.source_triples(ref)
        for ref in r.sources:
            src = self.source_node(ref)
            out += [Triple(node, DC_SOURCE, src), Triple(node, PROV_DERIVED, src)]
        out += [Triple(node, _S["keywords"], _s(kw)) for kw in r.keywords]
        children = []
        for n, child in enumerate(r.children, start=1):
            c = _N(iris.child_iri(r.slug, n))
            children.append(c)
            out += [Triple(node, _C["aboutChild"], c), Triple(c, RDF_TYPE, _C["Child"])]
            if child.pseudonym:
                out.append(Triple(c, _C["pseudonym"], _s(child.pseudonym)))
            if child.age_months is not None:
                out.append(Triple(c, _C["ageInMonths"], _int(child.age_months)))
            if child.sex in _SEX:
                out.append(Triple(c, _p(SCHEMA.gender), _SEX[child.sex]))
            if child.minor:
                out.append(Triple(c, _C["isMinor"], _TRUE))
        if r.harms or r.incident_year:
            h = _N(iris.harm_iri(r.slug))
            out += [Triple(node, _C["hasHarmEvent"], h), Triple(h, RDF_TYPE, _C["HarmEvent"])]
            out += [Triple(h, _C["affectedChild"], c) for c in children]
            if r.incident_year:
                out.append(Triple(h, _C["incidentYear"], _int(r.incident_year)))
            if r.incident_month:
                out.append(Triple(h, _C["incidentMonth"], _int(r.incident_month)))
            for coded in r.harms:
                out.append(Triple(h, _C["harmType"], self.concept(coded.notation)))
                self._evidence(out, r.slug, coded, node)
        for scheme in (n for n in NAMES if n != "harm-types"):
            for coded in r.coded(scheme):
                out.append(Triple(node, _PREDICATE[scheme], self.concept(coded.notation)))
                self._evidence(out, r.slug, coded, node)
        self._mentions(out, node, r.slug, r.mentions)
        self._items(out, node, r.slug, r.learning, "learning")
        self._items(out, node, r.slug, r.recommendations, "recommendation")
        return out

    def dataset_triples(self, reviews: Iterable[Review],
                        published: Iterable[Triple] | Published = ()) -> list[Triple]:
        """The DCAT/VoID description of the build (docs/DECISIONS.md, entry 40).

        ``published`` is every other triple of the published graph: the counts (``void:triples``,
        ``void:entities``) and ``void:vocabulary`` are taken from it and from the description
        itself, so they are true of the file they stand in.  Nothing depends on the clock: the
        dates are the newest publication date of the reviews, so the same sources give the same
        bytes.
        """
        reviews = list(reviews)
        sources = sorted({self.source_node(ref).value for r in reviews for ref in r.sources})
        ds = _N(iris.dataset_iri())
        digest = hashlib.sha256("".join(sources).encode()).hexdigest()
        act = _N(iris.build_activity_iri(digest))
        publisher = _N(iris.organisation_iri(iris.CASEGRAPH))
        licence = _N(CC_BY_4)
        out = [Triple(ds, RDF_TYPE, DCAT_DATASET),
               Triple(ds, RDF_TYPE, _p(VOID.Dataset)),
               Triple(ds, DC_TITLE, _prose("casegraph: UK child-safeguarding case reviews")),
               Triple(ds, _p(DCTERMS.description), _prose(DATASET_DESCRIPTION)),
               Triple(ds, _p(DCTERMS.license), licence),
               Triple(ds, _p(DCTERMS.rights), _prose(DATASET_RIGHTS)),
               Triple(ds, DC_PUBLISHER, publisher),
               *_organisation(publisher, "casegraph"),
               Triple(ds, _p(VOID.uriSpace), _s(str(ID))),
               Triple(ds, PROV_GENERATED, act),
               Triple(act, RDF_TYPE, _C["Build"])]
        out += [Triple(act, PROV_USED, _N(s)) for s in sources]
        newest = max(((r.publication_year, r.publication_month or 0) for r in reviews
                      if r.publication_year), default=None)
        if newest is not None:
            out += [Triple(ds, _p(DCTERMS[term]), _period_literal(*newest))
                    for term in ("issued", "modified")]
        if reviews:
            out.append(Triple(ds, _p(VOID.exampleResource),
                              _N(iris.review_iri(min(r.slug for r in reviews)))))
        for fmt, (rdf_format, _suffix) in sorted(FORMATS.items()):
            dist = _N(iris.distribution_iri(fmt))
            out += [Triple(ds, _p(DCAT.distribution), dist),
                    Triple(dist, RDF_TYPE, _p(DCAT.Distribution)),
                    Triple(dist, DC_TITLE, _prose(f"casegraph as {rdf_format.name}")),
                    Triple(dist, _p(DCAT.mediaType), _N(IANA_MEDIA_TYPES + rdf_format.media_type)),
                    Triple(dist, _p(DCTERMS.license), licence)]
        if not isinstance(published, Published):
            published = Published.of(published if isinstance(published, (set, frozenset))
                                     else set(published))
        return out + _counts(ds, published, out)


#: What the dataset is, for catalogues (dcterms:description).
DATASET_DESCRIPTION = (
    "Case reviews of serious harm to children in the UK (serious case reviews, child safeguarding "
    "practice reviews, child practice reviews), as summarised by the NSPCC and by local safeguarding "
    "partnerships: the children, the harm, risk factors, agencies, learning and recommendations, each "
    "coded fact with the exact words of the published page it was read from.")
#: Whose words the quotes are (dcterms:rights); the licence covers casegraph's own data.
DATASET_RIGHTS = (
    "casegraph's own data (its coding, links, identifiers and structure) is licensed under CC BY 4.0. "
    "Quoted text (titles, summaries, learning points, recommendations, evidence quotes and sentences) "
    "remains the copyright of its authors, the NSPCC and the local safeguarding partnerships and "
    "boards that published it, and is reproduced so that every fact can be checked against its source.")
#: Namespaces that count as vocabularies for void:vocabulary (instance and concept IRIs do not).
_VOCABULARIES = tuple(str(ns) for ns in (CG, DCTERMS, DCAT, VOID, PROV, SKOS, OA, ORG, SCHEMA, RDF,
                                         RDFS, OWL))


def _period_literal(year: int, month: int) -> ox.Literal:
    if month:
        return ox.Literal(f"{year:04d}-{month:02d}", datatype=_N(XSD_GYEARMONTH))
    return ox.Literal(f"{year:04d}", datatype=_N(XSD_GYEAR))


@dataclass
class Published:
    """What the dataset description counts of the published triples (see :func:`_counts`).

    Made from the triples themselves (:meth:`of`), or, by a rebuild, from what each review's
    cache entry recorded of them (``pipeline/reviewcache.py``), so the counts need not see
    millions of triples again.  ``contains`` tells whether a triple of the description itself
    is already among the published ones (it is counted once).  ``entities`` is only counted
    and asked whether it holds the description's own subjects, so a build streaming its
    blocks from disk passes their number and those few, not millions of IRIs (DECISIONS 64).
    """

    used: set[str]
    languages: set[str]
    entities: Collection[str]
    size: int
    contains: Callable[[Triple], bool]

    @classmethod
    def of(cls, published: set[Triple] | frozenset[Triple]) -> Published:
        used: set[str] = set()
        languages: set[str] = set()
        entities: set[str] = set()
        _tally(published, used, languages, entities)
        return cls(used, languages, entities, len(published), published.__contains__)


def _tally(triples: Iterable[Triple], used: set[str], languages: set[str], entities: set[str]
           ) -> None:
    """Add the predicates and classes, prose languages and instance subjects of ``triples``."""
    instance, rdf_type = str(ID), RDF_TYPE.value
    for subject, predicate, obj in triples:  # each term fetched once: a new Python object
        p = predicate.value
        used.add(p)
        if p == rdf_type:
            used.add(obj.value)
        elif isinstance(obj, ox.Literal) and obj.language:
            languages.add(obj.language)
        s = subject.value
        if s.startswith(instance):
            entities.add(s)


def _counts(ds: ox.NamedNode, published: Published, description: list[Triple]) -> list[Triple]:
    """``void:triples``, ``void:entities``, ``void:vocabulary`` and ``dcterms:language`` (the
    languages of the tagged prose) of the published triples, the description and these.

    The count includes the description itself: ``void:vocabulary`` and ``void:entities`` are
    added first (their objects do not depend on the count), then the one ``void:triples``
    triple, which is new whatever its number, so the total is the size of everything else
    plus one.  Entities are the resources with an IRI under ``/id/`` that are subjects.
    """
    used, languages = set(published.used), set(published.languages)
    own: set[str] = set()
    _tally(description, used, languages, own)
    entities = len(published.entities) + sum(1 for s in own if s not in published.entities)
    vocab = sorted({ns for ns in _VOCABULARIES for iri in used if iri.startswith(ns)})
    out = [Triple(ds, _p(VOID.vocabulary), _N(ns)) for ns in vocab]
    out += [Triple(ds, _p(DCTERMS.language), _N(ISO639_1 + lang)) for lang in sorted(languages)]
    out.append(Triple(ds, _p(VOID.entities), _int(entities)))
    total = published.size + sum(1 for t in {*description, *out} if not published.contains(t)) + 1
    return [*out, Triple(ds, _p(VOID.triples), _int(total))]


_ITEM_IRI = {"learning": iris.learning_iri, "recommendation": iris.recommendation_iri}
_R = {name: _p(CG[name]) for name in (
    "RecurrenceCluster", "member", "centralMember", "reviewCount", "firstYear", "lastYear",
    "agencyAddressed", "rank")}


def recurrence_triples(clusters: Iterable[Recurrence], vocab: Vocabulary) -> list[Triple]:
    """The triples of clusters of recurring items (``ontology/casegraph.ttl``, cg:RecurrenceCluster).

    The cluster's IRI is minted from its members' IRIs, so it is the same on every build that
    finds the same cluster.
    """
    em = TripleEmitter(vocab)
    out: list[Triple] = []
    for c in clusters:
        mint = _ITEM_IRI[c.kind]
        members = [mint(slug, pos) for slug, pos in c.members]
        node = _N(iris.cluster_iri(c.kind, members))
        out += [Triple(node, RDF_TYPE, _R["RecurrenceCluster"]),
                Triple(node, RDFS_LABEL, _prose(c.label)),
                Triple(node, _R["centralMember"], _N(mint(*c.central))),
                Triple(node, _R["reviewCount"], _int(c.reviews)),
                Triple(node, _R["rank"], _int(c.rank))]
        out += [Triple(node, _R["member"], _N(m)) for m in members]
        out += [Triple(node, _R["agencyAddressed"], em.concept(n)) for n in c.agencies]
        if c.first_year is not None:
            out.append(Triple(node, _R["firstYear"], _int(c.first_year)))
        if c.last_year is not None:
            out.append(Triple(node, _R["lastYear"], _int(c.last_year)))
    return out


def to_rdflib(triples: Iterable[ox.Triple], graph: Graph | None = None) -> Graph:
    """An rdflib graph of Oxigraph triples (for pyshacl and for callers that want rdflib)."""
    g = graph if graph is not None else Graph()
    bind_prefixes(g)
    g.addN((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object), g) for t in triples)
    return g


def dataset_triples(reviews: Iterable[Review], vocab: Vocabulary,
                    published: Iterable[Triple] | Published = ()) -> list[Triple]:
    """The dataset description of the reviews that are published (quarantined ones left out),
    counting ``published``: every other triple of the published graph."""
    return TripleEmitter(vocab).dataset_triples(reviews, published)


def emit(reviews: Iterable[Review], vocab: Vocabulary, warnings: list[str] | None = None,
         describe: bool = True) -> tuple[dict[str, list[Triple]], list[Triple]]:
    """Per-review triples (by slug) and the triples of the dataset description (counting the
    reviews' triples only: the build describes the whole published graph once it is complete).
    Areas that could not be linked to an ONS code are added to ``warnings``.  ``describe=False``
    leaves the description out (the build makes it last, over everything it publishes)."""
    reviews = list(reviews)
    em = TripleEmitter(vocab)
    per_review = {r.slug: em.review_triples(r) for r in reviews}
    if warnings is not None:
        warnings += unmatched_warnings(em.area_matches.items())
    if not describe:
        return per_review, []
    return per_review, em.dataset_triples(reviews, {t for ts in per_review.values() for t in ts})


def build_graph(reviews: Iterable[Review], vocab: Vocabulary) -> Graph:
    """All reviews and the dataset description as one rdflib graph (without the vocabulary)."""
    per_review, dataset = emit(reviews, vocab)
    g = Graph()
    for triples in per_review.values():
        to_rdflib(triples, g)
    return to_rdflib(dataset, g)
