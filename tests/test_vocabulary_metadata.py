"""The ontology and every concept scheme describe themselves as W3C DPV does (issue 14).

* the ontology and each scheme: vann prefix and namespace (the ones casegraph writes), creator,
  publisher, modified date, ``owl:versionInfo`` equal to the package version and an
  ``owl:versionIRI`` of that release;
* every class, property and concept: ``rdfs:isDefinedBy`` its vocabulary and a term status;
* every term the ontology declares is emitted by the code, or says in a ``skos:scopeNote`` why
  it is not; every ``cg:`` term the code emits is declared.

The emission check runs the emitter on one invented review (neutral pseudonym "Child 17") that
fills every field of the model, so it sees what the code can write, not what one corpus happens
to contain.
"""

from __future__ import annotations

import csv
import datetime
import tomllib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

import casegraph
from casegraph.core.model import Child, Coded, Evidence, ListItem, Mention, Recurrence, Review, SourceRef
from casegraph.core.namespaces import CG, DCTERMS, VANN, VS
from casegraph.core.prefixes import PREFIXES
from casegraph.core.resources import ontology_dir, project_root
from casegraph.core.schemes import ALL_SCHEMES, DOCUMENT_KINDS
from casegraph.extract.vocab import Vocabulary, scheme_files
from casegraph.graph import emit

ONTOLOGY = URIRef(str(CG)[:-1])  # https://w3id.org/casegraph/ontology
STATUSES = {"stable", "testing"}
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
CORE = Path(__file__).parent / "core-concepts.csv"


def _parse(name: str) -> Graph:
    return Graph().parse(ontology_dir() / name, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _parse("casegraph.ttl")


# (file, IRI of the vocabulary, its prefix): the ontology and every scheme casegraph publishes
VOCABULARIES = [("casegraph.ttl", ONTOLOGY, "cg")] + [
    (s.file, URIRef(s.iri), s.prefix) for s in ALL_SCHEMES]


def test_every_scheme_file_is_loaded_with_the_vocabulary() -> None:
    """The schemes described here are the ones every build loads and publishes."""
    assert {p.name for p in scheme_files()} >= {f for f, _, _ in VOCABULARIES[1:]}


@pytest.mark.parametrize("file,iri,prefix", VOCABULARIES, ids=[v[0] for v in VOCABULARIES])
def test_vocabulary_header(file: str, iri: URIRef, prefix: str) -> None:
    g = _parse(file)
    kind = OWL.Ontology if prefix == "cg" else SKOS.ConceptScheme
    assert (iri, RDF.type, kind) in g
    # vann: the prefix and namespace casegraph itself writes (core.prefixes is their one home)
    assert g.value(iri, VANN.preferredNamespacePrefix) == Literal(prefix)
    assert g.value(iri, VANN.preferredNamespaceUri) == Literal(PREFIXES[prefix])
    for who in (DCTERMS.creator, DCTERMS.publisher):
        agents = list(g.objects(iri, who))
        assert agents and all(isinstance(a, URIRef) for a in agents), f"{file}: {who} is not an IRI"
    modified = g.value(iri, DCTERMS.modified)
    assert isinstance(modified, Literal) and isinstance(modified.toPython(), datetime.date), file
    assert modified.toPython() <= datetime.datetime.now(datetime.UTC).date()
    created = g.value(iri, DCTERMS.created)
    if created is not None:
        assert created.toPython() <= modified.toPython()
    # one release, one version: the package's, and a version IRI that names it
    assert g.value(iri, OWL.versionInfo) == Literal(casegraph.__version__)
    assert g.value(iri, OWL.versionIRI) == URIRef(f"{iri}/{casegraph.__version__}")


def test_package_shapes_and_vocabularies_carry_one_version() -> None:
    """pyproject, the package and every ontology file with a version state the same release."""
    pyproject = tomllib.loads((project_root() / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == casegraph.__version__
    versions: list[tuple[str, str]] = []
    for path in sorted(ontology_dir().glob("*.ttl")):
        g = Graph().parse(path, format="turtle")
        versions += [(path.name, str(v)) for v in g.objects(None, OWL.versionInfo)]
    assert len({name for name, _ in versions}) >= len(VOCABULARIES) + 2  # the shapes files too
    assert {v for _, v in versions} == {casegraph.__version__}, versions


def _terms(g: Graph) -> set[URIRef]:
    return {s for t in TERM_TYPES for s in g.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(str(CG))}


def test_every_ontology_term_is_defined_by_the_ontology_with_a_status(ontology: Graph) -> None:
    terms = _terms(ontology)
    assert len(terms) > 40
    # every cg: term described in the file is declared as a class or property (none slips past)
    described = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(CG))}
    assert described == terms, f"described but not declared: {sorted(described - terms)}"
    for term in sorted(terms):
        assert list(ontology.objects(term, RDFS.isDefinedBy)) == [ONTOLOGY], term
        statuses = [str(s) for s in ontology.objects(term, VS.term_status)]
        assert len(statuses) == 1 and statuses[0] in STATUSES, (term, statuses)


@pytest.mark.parametrize("scheme", ALL_SCHEMES, ids=[s.name for s in ALL_SCHEMES])
def test_every_concept_is_defined_by_its_scheme_with_a_status(scheme) -> None:  # type: ignore[no-untyped-def]
    g = _parse(scheme.file)
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert concepts
    for c in sorted(concepts):
        assert list(g.objects(c, RDFS.isDefinedBy)) == [URIRef(scheme.iri)], c
        assert list(g.objects(c, SKOS.inScheme)) == [URIRef(scheme.iri)], c
        statuses = [str(s) for s in g.objects(c, VS.term_status)]
        assert len(statuses) == 1 and statuses[0] in STATUSES, (c, statuses)


def test_required_core_concepts_are_stable(vocab: Vocabulary) -> None:
    """Checks outside the code key on the core notations: they are never merely 'testing'."""
    with CORE.open(encoding="utf-8") as fh:
        notations = [row["notation"] for row in csv.DictReader(fh)]
    assert len(notations) >= 70
    for n in notations:
        assert vocab.graph.value(URIRef(vocab.concepts[n].iri), VS.term_status) == Literal("stable"), n


# --- what the code emits -------------------------------------------------------------------------

def _invented_review() -> tuple[Review, Recurrence]:
    """One INVENTED review with every field set (no real case), and a cluster of its two
    recommendations, so that the emitter writes every kind of triple it can."""
    page = SourceRef("invented-page.html", "/invented/invented-page.html", "0" * 64, "text/html",
                     page_title="Invented page of case review summaries",
                     url="https://example.org/invented-page")
    quote = Evidence(page, 10, 24, "domestic abuse", "there was ", " at home",
                     sentence="There was domestic abuse at home.")
    curated = Evidence(SourceRef("invented.yaml", "/invented/invented.yaml", "", "application/yaml"),
                       0, 0, "", curated="invented.yaml:3")
    slug = "2024-testshire-child-17"
    review = Review(
        key=(2024, "child 17"), slug=slug, title="Child 17", heading="2024 – Testshire – Child 17",
        publication_year=2024, publication_month=3, area="Testshire",
        review_types=[Coded("review-types", "RT-SCR", [quote])], document_kind="full-report",
        children=[Child("Child 17", 30, "female")], harms=[Coded("harm-types", "H-NEG", [quote])],
        incident_year=2022, incident_month=7, risk_factors=[Coded("risk-factors", "RF-DA", [quote])],
        agencies=[Coded("agencies", "AG-POL", [curated])], themes=[Coded("themes", "T-INFO", [quote])],
        learning=[ListItem("Information sharing was slow.", quote, themes=["T-INFO"])],
        recommendations=[
            ListItem("Police should share information promptly.", quote, agencies=["AG-POL"],
                     addressee="both partnerships"),
            ListItem("The police should pass information on without delay.", quote)],
        mentions=[Mention("risk-factors", "RF-DA", "case", "unstated", "affirmed", quote,
                          matched="RF-DA", fact=True)],
        keywords=["neglect"], summary="An invented summary about Child 17.", sources=[page])
    cluster = Recurrence("recommendation", ((slug, 1), (slug, 2)), (slug, 1),
                         "Police should share information promptly.", 1, 2024, 2024, ("AG-POL",), 1)
    return review, cluster


@pytest.fixture(scope="module")
def emitted(vocab: Vocabulary) -> Graph:
    review, cluster = _invented_review()
    per_review, dataset = emit.emit([review], vocab)
    triples = [*per_review[review.slug], *dataset, *emit.recurrence_triples([cluster], vocab)]
    return emit.to_rdflib(triples) + vocab.graph


def _used(g: Graph) -> set[URIRef]:
    return {p for p in g.predicates() if isinstance(p, URIRef)} | {
        o for o in g.objects(None, RDF.type) if isinstance(o, URIRef)}


def test_every_declared_term_is_emitted_or_says_why_not(ontology: Graph, emitted: Graph) -> None:
    used = _used(emitted)
    silent = [t for t in sorted(_terms(ontology))
              if t not in used and ontology.value(t, SKOS.scopeNote) is None]
    assert not silent, f"declared, never emitted, and no skos:scopeNote saying why: {silent}"


def test_every_emitted_term_is_declared(ontology: Graph, emitted: Graph) -> None:
    undeclared = sorted(t for t in _used(emitted) if str(t).startswith(str(CG)) and t not in _terms(ontology))
    assert not undeclared, f"emitted but not declared in ontology/casegraph.ttl: {undeclared}"


def test_document_kinds_are_the_concepts_of_their_scheme(emitted: Graph) -> None:
    g = _parse(DOCUMENT_KINDS.file)
    concepts = {str(c): str(g.value(c, SKOS.notation)) for c in g.subjects(RDF.type, SKOS.Concept)}
    assert {v.value: k for k, v in emit._DOC_KIND.items()} == concepts
    kinds = set(emitted.objects(None, CG.documentKind))
    assert kinds and {str(k) for k in kinds} <= set(concepts)
    for old in ("FullReport", "ExecutiveSummary", "DocumentKind"):
        assert (None, None, CG[old]) not in emitted and (CG[old], None, None) not in emitted

