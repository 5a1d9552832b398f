"""Linked data (issue 14, DECISIONS 40): areas linked to ONS codes, sources and publishers, the
dataset's description of itself, and language-tagged prose.

Expected GSS codes below were typed from the ONS lookup (data/reference/), not computed by the
matcher.  Invented pages and names say so; real area names are public bodies, not people.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rns

from casegraph.core import iris
from casegraph.core.model import Evidence, ListItem, Review, SourceRef
from casegraph.core.namespaces import CC_BY_4, CG, ID, OA, ORG, SCHEMA, VOID
from casegraph.core.places import Gazetteer, default_gazetteer, load_gazetteer
from casegraph.core.resources import reference_dir
from casegraph.extract.vocab import Vocabulary
from casegraph.graph.emit import TripleEmitter, emit, to_rdflib
from casegraph.graph.language import language_of
from casegraph.ingest.sources import canonical_url, read_source
from casegraph.pipeline.build import BuildResult, extract_reviews
from casegraph.rdfio.formats import FORMATS

TESTS = Path(__file__).parent
GSS = "http://statistics.data.gov.uk/id/statistical-geography/"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


# --- matching published names --------------------------------------------------------------

@pytest.mark.parametrize(("name", "year", "month", "codes"), [
    ("Brighton & Hove", 2020, None, ["E06000043"]),
    ("Brighton and Hove Safeguarding Children Partnership", 2020, None, ["E06000043"]),
    ("Bath and North East Somerset", 2019, None, ["E06000022"]),
    ("Bath & North East Somerset Council", 2019, None, ["E06000022"]),
    ("Bristol, City of", 2016, None, ["E06000023"]),
    ("Bristol", 2016, None, ["E06000023"]),
    ("City of Bristol", 2016, None, ["E06000023"]),
    ("Kingston upon Hull, City of", 2016, None, ["E06000010"]),
    ("Kent", 2019, None, ["E10000016"]),
    ("Kent County Council", 2019, None, ["E10000016"]),
    ("Kent Safeguarding Children Multi-Agency Partnership", 2019, None, ["E10000016"]),
    ("Rotherham Local Safeguarding Children Board", 2012, None, ["E08000018"]),
    ("ROTHERHAM LSCB", 2012, None, ["E08000018"]),
    ("London Borough of Hackney", 2020, None, ["E09000012"]),
    ("City of London", 2020, None, ["E09000001"]),
    ("St. Helens", 2020, None, ["E08000013"]),
    ("St Helens", 2020, None, ["E08000013"]),
    ("Stoke-on-Trent City Council", 2020, None, ["E06000021"]),
    ("Durham", 2020, None, ["E06000047"]),
    ("Ceredigion", 2022, None, ["W06000008"]),
    ("Sir Ceredigion", 2022, None, ["W06000008"]),
    ("Cyngor Sir Ceredigion", 2022, None, ["W06000008"]),
    ("Rhondda Cynon Taf", 2019, None, ["W06000016"]),
    ("Rhondda Cynon Taff County Borough Council", 2019, None, ["W06000016"]),
    ("Vale of Glamorgan", 2019, None, ["W06000014"]),
    ("Bro Morgannwg", 2019, None, ["W06000014"]),
    ("Anglesey", 2019, None, ["W06000001"]),
    ("Ynys Môn", 2019, None, ["W06000001"]),
    ("Glasgow City Council", 2021, None, ["S12000049"]),
    ("Oxford", 2020, None, ["E10000025"]),  # a district: its upper-tier authority
    # partnerships of several authorities
    ("North Wales", 2022, None, ["W06000001", "W06000002", "W06000003", "W06000004", "W06000005",
                                 "W06000006"]),
    ("Cardiff and Vale of Glamorgan", 2020, None, ["W06000014", "W06000015"]),
    ("Bedford, Luton and Central Bedfordshire", 2020, None, ["E06000032", "E06000055", "E06000056"]),
    ("Kensington and Chelsea, Hammersmith & Fulham and Westminster Safeguarding Children Partnership",
     2019, None, ["E09000013", "E09000020", "E09000033"]),
    # reorganisations: the code valid when the review was published
    ("Northamptonshire", 2014, None, ["E10000021"]),
    ("Northamptonshire", 2022, None, ["E06000061", "E06000062"]),
    ("Dorset", 2014, None, ["E10000009"]),
    ("Dorset", 2020, None, ["E06000059"]),
    ("Bournemouth", 2015, None, ["E06000028"]),
    ("Bournemouth", 2020, None, ["E06000058"]),
    ("Buckinghamshire", 2018, None, ["E10000002"]),
    ("Buckinghamshire", 2021, None, ["E06000060"]),
    ("Cumbria", 2019, None, ["E10000006"]),
    ("Cumbria", 2024, None, ["E06000063", "E06000064"]),
    ("Somerset", 2023, 2, ["E10000027"]),
    ("Somerset", 2023, 11, ["E06000066"]),
    ("Somerset", 2023, None, ["E06000066", "E10000027"]),  # no month: both codes of that year
    ("Gateshead", 2012, None, ["E08000020"]),
    ("Gateshead", 2016, None, ["E08000037"]),
    ("Harrogate", 2024, None, ["E06000065"]),
    ("Wolverhampton", None, None, ["E08000031"]),  # no year, but one code ever
    # (session 43) Northern Ireland's council areas: a case management review's finest place
    ("Mid and East Antrim Borough Council", 2023, None, ["N09000008"]),
    ("Lisburn & Castlereagh City Council", 2022, None, ["N09000007"]),
    ("Newry, Mourne and Down", 2019, None, ["N09000010"]),
])
def test_published_names_link_to_the_codes_valid_at_publication(
        gaz: Gazetteer, name: str, year: int | None, month: int | None, codes: list[str]) -> None:
    match = gaz.match(name, year, month)
    assert match.reason is None, match.reason
    assert list(match.codes) == codes


@pytest.mark.parametrize(("name", "year", "why"), [
    ("Brackenford", 2019, "no upper-tier"),  # invented place
    ("Rotheram", 2012, "no upper-tier"),  # misspelt: no fuzzy matching, ever
    ("Wales", 2023, "no upper-tier"),  # a nation, not an authority
    ("Somerset", None, "no publication year"),  # two codes, no year to choose
    ("Carlisle", 2024, "split"),  # district of a split county: which half is not known
    ("NSPCC on behalf of unnamed LSCB", 2015, "does not name"),
])
def test_an_area_that_cannot_be_matched_gets_a_reason_and_no_code(
        gaz: Gazetteer, name: str, year: int | None, why: str) -> None:
    match = gaz.match(name, year)
    assert match.codes == ()
    assert match.reason is not None and why in match.reason


def test_reference_tables_name_their_source_and_licence() -> None:
    folder = reference_dir()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for table in sorted(folder.glob("*.csv")):
        with table.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert rows, table.name
        for row in rows:
            assert row["source"] and f"`{row['source']}`" in readme, (table.name, row)
            if "licence" in row:
                assert row["licence"], (table.name, row)
    history = load_gazetteer(folder).authorities
    assert history["E10000021"].successors == ("E06000061", "E06000062")
    assert str(history["E10000021"].valid_to) == "2021-03-31"


def test_the_2021_codes_are_those_of_the_ons_lookup_package() -> None:
    qlacref = pytest.importorskip("qlacref_authorities")
    ons = {(r["UTLA21CD"], r["UTLA21NM"]) for r in qlacref.records}
    with (reference_dir() / "upper-tier-authorities.csv").open(encoding="utf-8", newline="") as fh:
        ours = {(r["gss_code"], r["name"]) for r in csv.DictReader(fh) if r["source"] == "ons-utla-2021"}
    assert ours == ons


def test_published_pages_link_their_areas(vocab: Vocabulary) -> None:
    pages = [TESTS / "corpus/local/lscbpage-rotherham-01.txt",
             TESTS / "corpus/devlocal/walesnotice-glanteifi-01.txt",
             TESTS / "corpus/devlocal/boardlist-somerset-01.txt"]
    reviews, _warnings, _files = extract_reviews(pages, vocab, workers=1)
    warnings: list[str] = []
    per_review, _ = emit(reviews, vocab, warnings, describe=False)

    def spatial(slug: str) -> set[str]:
        return {t.object.value.removeprefix(GSS) for t in per_review[slug]
                if t.predicate.value == str(rns.DCTERMS.spatial)}

    assert spatial("2012-rotherham-child-s") == {"E08000018"}
    assert spatial("2022-ceredigion-child-c") == {"W06000008"}
    assert spatial("2018-somerset-baby-y") == {"E10000027"}  # the county, before April 2023
    assert spatial("2023-somerset-child-q") == {"E06000066"}  # published November 2023
    # an area no gazetteer code names (the page's invented regional board; before session 49 the
    # nation, read from "the Wales Safeguarding ..."): no link, and a warning naming it
    assert spatial("2023-glan-teifi-child-h") == set()
    assert [w for w in warnings if "'Glan Teifi'" in w and "2023-glan-teifi-child-h" in w]
    successors = {(t.subject.value, t.object.value) for ts in per_review.values() for t in ts
                  if t.predicate.value == str(rns.DCTERMS.isReplacedBy)}
    assert (GSS + "E10000027", GSS + "E06000066") in successors


# --- the build: publishers, dataset, languages ------------------------------------------------

def _value(g: Graph, s: URIRef, p: URIRef) -> Literal:
    values = list(g.objects(s, p))
    assert len(values) == 1, (s, p, values)
    value = values[0]
    assert isinstance(value, Literal)
    return value


def test_the_dataset_describes_itself_truly(built: BuildResult) -> None:
    g = built.graph
    ds = URIRef(iris.dataset_iri())
    assert (ds, rns.RDF.type, rns.DCAT.Dataset) in g
    assert (ds, rns.RDF.type, URIRef(VOID.Dataset)) in g
    assert int(_value(g, ds, URIRef(VOID.triples))) == len(built.triples) == len(g)
    instance = str(ID)
    entities = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(instance)}
    assert int(_value(g, ds, URIRef(VOID.entities))) == len(entities)
    assert int(_value(g, ds, URIRef(VOID.entities))) > len(built.reviews)
    assert str(_value(g, ds, URIRef(VOID.uriSpace))) == instance
    assert set(g.objects(ds, rns.DCTERMS.license)) == {URIRef(CC_BY_4)}
    assert "copyright of its authors" in str(_value(g, ds, rns.DCTERMS.rights))
    publisher = next(g.objects(ds, rns.DCTERMS.publisher))
    assert (publisher, rns.RDF.type, ORG.Organization) in g
    media = {str(m) for d in g.objects(ds, rns.DCAT.distribution)
             for m in g.objects(d, rns.DCAT.mediaType)}
    assert media == {"https://www.iana.org/assignments/media-types/" + f.media_type
                     for f, _ in FORMATS.values()}
    vocabularies = {str(v) for v in g.objects(ds, URIRef(VOID.vocabulary))}
    assert {str(CG), str(rns.DCTERMS), str(OA), str(SCHEMA), str(rns.DCAT), str(VOID)} <= vocabularies
    # the seed digest is in English; the review-types scheme also names Welsh reviews in Welsh
    assert {str(x) for x in g.objects(ds, rns.DCTERMS.language)} == {
        "http://id.loc.gov/vocabulary/iso639-1/en", "http://id.loc.gov/vocabulary/iso639-1/cy"}
    # dates come from the sources (the digest is of May 2023), never from the clock
    newest = max((r.publication_year, r.publication_month or 0) for r in built.reviews
                 if r.publication_year)
    assert newest == (2023, 5)
    assert _value(g, ds, rns.DCTERMS.modified) == Literal("2023-05", datatype=rns.XSD.gYearMonth)


def test_the_dataset_description_conforms_to_its_shapes(built: BuildResult) -> None:
    from pyshacl import validate

    from casegraph.validate.shacl import shapes_graph

    g = built.graph
    ds = URIRef(iris.dataset_iri())
    part = Graph()
    nodes = {ds, *g.objects(ds, rns.DCAT.distribution), *g.objects(ds, rns.DCTERMS.publisher)}
    for node in nodes:
        for p, o in g.predicate_objects(node):
            part.add((node, p, o))
    conforms, _graph, text = validate(part, shacl_graph=shapes_graph())
    assert conforms, text
    part.remove((ds, rns.DCTERMS.license, None))  # a mutation the dataset shape must catch
    assert not validate(part, shacl_graph=shapes_graph())[0]


def test_prose_is_tagged_english_or_welsh(built_ttl: Path) -> None:
    store = ox.Store()
    store.load(path=str(built_ttl), format=ox.RdfFormat.TURTLE)
    prose = [str(rns.DCTERMS.title), str(CG.summary), str(SCHEMA.text), str(CG.sentence), str(OA.exact)]
    rows = list(store.query(
        "SELECT ?p (COUNT(?o) AS ?all) (SUM(IF(LANG(?o) IN ('en', 'cy'), 1, 0)) AS ?tagged) "
        "WHERE { ?s ?p ?o . VALUES ?p { " + " ".join(f"<{p}>" for p in prose) + " } } GROUP BY ?p"))
    assert {row["p"].value for row in rows} == set(prose)
    for row in rows:
        assert int(row["all"].value) > 0
        assert row["all"].value == row["tagged"].value, row["p"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Mae'r adolygiad yn dangos bod angen i'r asiantaethau rannu gwybodaeth yn gynt.", "cy"),
    ("Adolygiad Ymarfer Plant Estynedig: Plentyn C", "cy"),
    ("Dylai’r bwrdd sicrhau bod ymarferwyr yn siarad â’r plentyn.", "cy"),
    ("Practitioners should see children at home, not only in clinics.", "en"),
    ("Child A, Ynys Môn", "en"),  # an English text naming a Welsh place
    ("Serious case review: Child A", "en"),
])
def test_welsh_is_told_from_english_by_function_words(text: str, lang: str) -> None:
    assert language_of(text) == lang


def _invented_review(tmp_path: Path, url: str | None, area: str | None) -> Review:
    """An invented review (Child A, no real case), built by hand to test what emit writes."""
    ref = SourceRef("invented.html", str(tmp_path / "invented.html"), "0" * 64, "text/html",
                    "Invented page", url)
    sentence = "Dylai'r bwrdd sicrhau bod ymarferwyr yn siarad gyda'r plentyn."
    item = ListItem(sentence, Evidence(ref, 0, len(sentence), sentence, sentence=sentence))
    return Review(key=(2022, "child a"), slug=iris.review_slug(2022, area, "Child A"),
                  title="Child A", heading="Child A", publication_year=2022, area=area,
                  recommendations=[item], sources=[ref])


def test_a_page_address_links_the_source_and_names_the_nspcc(vocab: Vocabulary, tmp_path: Path) -> None:
    review = _invented_review(tmp_path, "https://learning.nspcc.org.uk/case-reviews/invented", None)
    g = to_rdflib(TripleEmitter(vocab).review_triples(review))
    source = URIRef(TripleEmitter.source_node(review.sources[0]).value)
    assert set(g.objects(source, URIRef(SCHEMA.url))) == {
        URIRef("https://learning.nspcc.org.uk/case-reviews/invented")}
    assert set(g.objects(source, rns.DCTERMS.publisher)) == {URIRef(iris.organisation_iri("nspcc"))}
    texts = list(g.objects(None, URIRef(SCHEMA.text)))
    assert [t.language for t in texts] == ["cy"]  # the invented recommendation is Welsh

    other = _invented_review(tmp_path, "https://www.example.org/reviews/child-a", "Brackenford")
    warnings: list[str] = []
    per_review, _ = emit([other], vocab, warnings, describe=False)
    g = to_rdflib(per_review[other.slug])
    assert not list(g.objects(None, rns.DCTERMS.publisher))  # a publisher is never guessed
    assert not list(g.objects(None, rns.DCTERMS.spatial))
    assert len(warnings) == 1 and "'Brackenford'" in warnings[0] and other.slug in warnings[0]


def test_the_seed_digest_is_published_by_the_nspcc_and_partnerships_are_organisations(
        built: BuildResult) -> None:
    g = built.graph
    nspcc = URIRef(iris.organisation_iri("nspcc"))
    assert (nspcc, rns.RDF.type, ORG.Organization) in g
    assert list(g.subjects(rns.DCTERMS.publisher, nspcc))
    for area in g.subjects(rns.RDF.type, CG.SafeguardingPartnership):
        assert (area, rns.RDF.type, ORG.Organization) in g


@pytest.mark.parametrize(("markup", "url"), [
    ('<html><head><link rel="canonical" href="https://www.example.org/a"></head><body>x</body></html>',
     "https://www.example.org/a"),
    ('<html><head><meta property="og:url" content="https://www.example.org/b"></head></html>',
     "https://www.example.org/b"),
    ('<html><head><link rel="canonical" href="/relative/page"></head></html>', None),
    ('<html><head><link rel="canonical" href="https://x.example/a b"></head></html>', None),
    ('<html><head><link rel="stylesheet" href="https://www.example.org/s.css"></head></html>', None),
])
def test_only_an_absolute_canonical_address_is_taken(markup: str, url: str | None) -> None:
    assert canonical_url(markup) == url


def test_an_html_page_keeps_its_canonical_address(tmp_path: Path) -> None:
    page = tmp_path / "invented.html"
    page.write_text('<html><head><link rel="canonical" href="https://www.example.org/reviews">'
                    "</head><body><p>Invented page.</p></body></html>", encoding="utf-8")
    assert read_source(page).url == "https://www.example.org/reviews"
    assert re.fullmatch(r"https://\S+", read_source(page).url or "")
