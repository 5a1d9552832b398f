"""The file types of validation37 (session 54): a Feather (Arrow IPC) extraction, a Mozilla
archive (``.maff``), a SAS listing (``.lst``), an OpenOffice.org 1.0 Writer document (``.sxw``),
an IMS Common Cartridge (``.imscc``, a Canvas export), and a scanned page's ALTO XML (Tesseract).
Before, a folder passed the first five over ("of a type casegraph does not read", or, for the
listing, read it only when named) and the ALTO page was read as XML, its coordinates as words
("Hpos: 1390" nine times taken for reviews).

The pages read here are validation37's own (invented test data about invented children,
written by their tools' libraries or in their layouts by that set's labeller); the small
fixtures written here are invented too, each built by an independent writer (pyarrow, the
standard library's zipfile) or from the format's documentation."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.feather as feather
import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line, zipped

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import feather_records
from casegraph.ingest.exports import is_sas_listing, sas_listing_records
from casegraph.ingest.parse import PAGE_DATE
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import build, extract_reviews

PAGES = Path(__file__).parent / "validation37" / "pages"
FEATHER = PAGES / "cspr_wave4_extraction_consensus.feather"
MAFF = PAGES / "Significant Case Reviews - East Ayrshire Child Protection Committee.maff"
LISTING = PAGES / "cpr_record_check_wave2.lst"
SXW = PAGES / "LSCB 21-10-09 item 6 SCR exec summaries.sxw"
CARTRIDGE = PAGES / "swk5107-safeguarding-children-learning-from-case-reviews-export.imscc"
ALTO = PAGES / "shscp_annual_report_2023-24_p22.xml"


# ------------------------------------------------------------------------------------ Feather
@pytest.mark.filterwarnings("ignore:Feather V1 files are deprecated")
@pytest.mark.parametrize("version", [1, 2])
def test_a_feather_file_is_read_as_records(tmp_path: Path, version: int) -> None:
    """pyarrow writes the file (V2 compressed with LZ4 by default; V1 the older layout): each
    row a record, a date its ISO date, a list a list, nulls left out."""
    table = pa.table({
        "title": ["Child A: Local Child Safeguarding Practice Review (invented)", "Thematic note"],
        "published": pa.array([__import__("datetime").date(2024, 2, 9), None], pa.date32()),
        "keywords": [["bruising"], []],
    })
    if version == 1:  # (V1 holds no list columns)
        table = table.drop_columns(["keywords"])
    page = tmp_path / "extraction.feather"
    feather.write_feather(table, page, version=version)
    first = feather_records(page.read_bytes())[0]
    assert first["title"] == "Child A: Local Child Safeguarding Practice Review (invented)"
    assert first["published"] == "2024-02-09"
    assert version == 1 or first["keywords"] == ["bruising"]
    assert feather_records(page.read_bytes())[1] == {"title": "Thematic note"}


def test_validation37s_feather_extraction_is_read(vocab: Vocabulary) -> None:
    """Four coded rows (pandas' index left out): the reviews found with their areas."""
    text = read_source(FEATHER).text
    assert "Harley: local child safeguarding practice review\nArea: Stockton-on-Tees" in text
    reviews, _, _ = extract_reviews([FEATHER], vocab)
    assert {"Stockton-on-Tees", "Norfolk", "Wrexham"} <= {r.area for r in reviews}


# --------------------------------------------------------------------- Mozilla archive (MAFF)
def test_validation37s_mozilla_archive_is_read_as_its_saved_page(vocab: Vocabulary) -> None:
    """The archive's folder holds index.rdf (the address it was saved from) and index.html:
    the page is read as a saved page is, its images and styles are not words."""
    source = read_source(MAFF)
    assert source.media_type == "application/x-maff"
    assert source.url == "https://www.eacpc.example.org.uk/significant-case-reviews/"
    assert "Significant Case Review: Child M" in source.text and "screen.css" not in source.text
    reviews, _, _ = extract_reviews([MAFF], vocab)
    assert len(reviews) == 2 and {r.area for r in reviews} == {"East Ayrshire"}


def test_a_mozilla_archive_reads_every_saved_page_in_its_charset(tmp_path: Path) -> None:
    rdf = ('<?xml version="1.0"?><RDF:RDF xmlns:MAF="http://maf.mozdev.org/metadata/rdf#" '
           'xmlns:RDF="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><RDF:Description RDF:about="urn:root">'
           '<MAF:indexfilename RDF:resource="index.htm"/><MAF:charset RDF:resource="windows-1252"/>'
           '</RDF:Description></RDF:RDF>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("111_1/index.rdf", rdf)
        package.writestr("111_1/index.htm", "<html><body><h1>Invented page \u2013 one</h1></body></html>"
                         .encode("cp1252"))
        package.writestr("222_2/index.html", "<html><body><h1>Invented page two</h1></body></html>")
    page = tmp_path / "two pages.maff"
    page.write_bytes(buffer.getvalue())
    text = read_source(page).text
    assert "Invented page \u2013 one" in text and "Invented page two" in text
    assert text.index("one") < text.index("two")


# ------------------------------------------------------------------------------- SAS listing
def test_validation37s_sas_listing_is_read_as_records(vocab: Vocabulary) -> None:
    """PROC REPORT's pages, one record's fields and values a page: each titled by its BY line,
    a wrapped value joined, a list's points kept apart, SAS's "." no value."""
    title, records = sas_listing_records(LISTING.read_text(encoding="cp1252"))
    assert title == "Welsh CPR extraction: record check listing (consensus coding, wave 2)"
    assert [r["Title"] for r in records][:2] == ["Concise Child Practice Review CYSUR 1/2023 - Child L",
                                                "Concise Child Practice Review CTMSB 2/2023 - Young Person T"]
    first = records[0]
    assert first["AGE_TXT"] == "7 months" and first["LA"] == "Powys"
    assert first["LEARNING"].split("\n")[0] == ("1) Rural isolation should be treated as a risk to a new "
                                                "parent's wellbeing, not only as a travel problem.")
    assert "PUB_DATE" not in records[2]  # "." is SAS's missing value
    reviews, _, _ = extract_reviews([LISTING], vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Child L", "Young Person T"]


def test_a_folder_reads_a_sas_listing_and_passes_over_another_lst(tmp_path: Path) -> None:
    """".lst" is many tools' suffix: a folder's file is read when it opens with a SAS page head
    (dated, centred or after a form feed); a list of files is passed over."""
    (tmp_path / "listing.lst").write_bytes(LISTING.read_bytes())
    (tmp_path / "files.lst").write_text("report1.pdf  12\nreport2.pdf  14\n")
    assert [p.name for p in discover([tmp_path])] == ["listing.lst"]
    assert not is_sas_listing("  AGE_TXT                16\n")  # a field's row is no page head
    assert is_sas_listing("\fThe SAS System    1\n")


# --------------------------------------------------------------------- OpenOffice.org 1.0 Writer
def test_validation37s_openoffice_1_document_is_read_as_it_prints(vocab: Vocabulary) -> None:
    """OpenOffice.org 1.0's namespaces: headings by ``text:level``, ordered and unordered lists'
    paragraphs as points, the body's paragraphs straight under ``office:body``."""
    source = read_source(SXW)
    assert source.media_type == "application/vnd.sun.xml.writer"
    assert "\n\n6.1 Serious Case Review – Child W\n\n" in source.text
    assert "• (ii) Bruising to a young child’s face" in source.text
    reviews, _, _ = extract_reviews([SXW], vocab)
    assert [len(r.children) for r in reviews] == [1, 1]


# ---------------------------------------------------------------------- IMS Common Cartridge
def test_validation37s_common_cartridge_is_read_in_its_modules_order(vocab: Vocabulary) -> None:
    """A Canvas export: the manifest's module items name the wiki pages, read in that order;
    the course settings (and Canvas's joke in canvas_export.txt) are not pages."""
    text = read_source(CARTRIDGE).text
    assert text.index("Case study 1: Learning Review") < text.index("Case study 2: Case Management Review")
    assert "panda" not in text
    # (each page's <title> is its heading again: read once, or an empty review heading stood
    # over the real one, with a warning that the page was cut short)
    assert text.count("Case study 2: Case Management Review – Thomas") == 1
    built = build([CARTRIDGE], None)
    assert len(built.reviews) == 2 and built.warnings == []


def test_a_cartridge_page_without_a_heading_takes_its_items_title(tmp_path: Path) -> None:
    manifest = ('<manifest xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"><organizations>'
                '<organization><item identifier="root"><item identifier="i1" identifierref="r1">'
                '<title>Invented case study: Child Q</title></item></item></organization></organizations>'
                '<resources><resource identifier="r1" type="webcontent" href="wiki_content/q.html">'
                '<file href="wiki_content/q.html"/></resource></resources></manifest>')
    page = tmp_path / "course.imscc"
    page.write_bytes(zipped({"imsmanifest.xml": manifest,
                           "wiki_content/q.html": "<html><body><p>Invented text.</p></body></html>"}))
    assert read_source(page).text.startswith("Invented case study: Child Q\n\nInvented text.")


# ---------------------------------------------------------------------------------- ALTO OCR
def test_validation37s_alto_page_is_read_as_its_lines(vocab: Vocabulary) -> None:
    """Tesseract's ALTO: each TextLine's String words a line, a TextBlock a paragraph; the
    positions are no words."""
    text = read_source(ALTO).text
    assert "5.2 Child Z - Local Child Safeguarding Practice Review" in text and "Hpos" not in text
    reviews, _, _ = extract_reviews([ALTO], vocab)
    assert len(reviews) == 2


def test_an_alto_word_broken_at_a_lines_end_is_joined(tmp_path: Path) -> None:
    ns = "http://www.loc.gov/standards/alto/ns-v4#"
    line = '<TextLine VPOS="{v}" HEIGHT="20">{words}</TextLine>'
    xml = (f'<alto xmlns="{ns}"><Layout><Page><PrintSpace><TextBlock>'
           + line.format(v=100, words='<String CONTENT="An"/><SP/><String CONTENT="invented"/><SP/>'
                                      '<String CONTENT="re"/><HYP CONTENT="-"/>')
           + line.format(v=125, words='<String CONTENT="view."/>')
           + '</TextBlock></PrintSpace></Page></Layout></alto>')
    page = tmp_path / "scan.xml"
    page.write_text(xml)
    assert read_source(page).text.strip() == "An invented review."


# ------------------------------------------------------------------------------ damaged files
@pytest.mark.parametrize("name, data", [
    ("text.feather", b"ARROW1\x00\x00 not really arrow ARROW1"),
    ("cut.feather", FEATHER.read_bytes()[:500]),
    ("empty.maff", zipped({"readme.txt": "no page"})),
    ("text.maff", b"PK\x03\x04 not a zip"),
    ("empty.imscc", zipped({"imsmanifest.xml": "<manifest/>"})),
    ("nomanifest.imscc", zipped({"wiki_content/a.html": "<p>x</p>"})),
    ("entities.imscc", zipped({"imsmanifest.xml": '<!DOCTYPE m [<!ENTITY a "b">]><manifest/>'})),
    ("cut.sxw", SXW.read_bytes()[:900]),
])
def test_a_damaged_archive_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes) -> None:
    refused_in_one_line(tmp_path / name, data)


def test_archives_damaged_anywhere_are_one_line_never_a_crash(tmp_path: Path) -> None:
    """Bytes changed at random (seeded) in each of validation37's new binary files: each is read
    or refused in one line naming it; nothing else is raised."""
    read_or_one_line_when_damaged([FEATHER, MAFF, SXW, CARTRIDGE], tmp_path, seed=54, rounds=40)


# ------------------------------------------------------------------------------- page rules
def _one(page: Path, vocab: Vocabulary):  # type: ignore[no-untyped-def]
    reviews, _, _ = extract_reviews([page], vocab)
    assert len(reviews) == 1, [r.heading for r in reviews]
    return reviews[0]


def test_a_flowed_email_is_read_as_it_was_typed(tmp_path: Path, vocab: Vocabulary) -> None:
    """format=flowed (RFC 3676): a line ending in a space goes on in the next, so the heading
    in capitals is one line again and is the title; the name in it is written as the text
    writes it ("Mia", not "Child MIA"); the signature's "-- " ends a paragraph."""
    page = tmp_path / "briefing.eml"
    page.write_bytes("\r\n".join([
        "From: A Lead <lead@example.org>", "Subject: Learning from a local review (invented)",
        "Date: Tue, 11 Jun 2024 16:42:10 +0100", "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8; format=flowed", "", "Dear all,", "",
        "CHILD MIA - TESTSHIRE LOCAL CHILD SAFEGUARDING PRACTICE REVIEW (PUBLISHED ",
        "MAY 2024)", "",
        "Mia was 12 (invented test data). Her stepfather hit her with a belt, and ",
        "Mia was physically abused over a period of months.", "", "The review's key learning:",
        "* A disclosure must go to the DSL the same day.", "",
        "The review made 6 recommendations. The one addressed to schools is that every ",
        "disclosure is passed to the DSL in person on the day it is made.", "",
        "Thanks,", "", "-- ", "A Lead", ""]).encode())
    text = read_source(page).text
    assert "Mia was 12 (invented test data). Her stepfather hit her with a belt, and Mia was" in text
    assert "\n--\nA Lead" in text  # (the signature line not joined to the name under it)
    review = _one(page, vocab)
    assert review.heading == ("CHILD MIA - TESTSHIRE LOCAL CHILD SAFEGUARDING PRACTICE REVIEW "
                              "(PUBLISHED MAY 2024)")
    assert review.publication_year == 2024 and [c.pseudonym for c in review.children] == ["Mia"]
    assert len(review.learning) == 1


def test_a_statement_headline_and_its_date_line(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Partnership publishes review following the death of Baby Q" is the title; the date in
    "published ... review into the death of a baby boy, known as Q, in February 2023" is the
    death's, so the statement's date line is the publication's; "What the review highlights"
    over bullets is the learning."""
    page = tmp_path / "statement.txt"
    page.write_text("\n".join([
        "Testshire Safeguarding Children Partnership", "",
        "Partnership publishes review following the death of Baby Quinn", "",
        "18 June 2024 · Learning from reviews", "",
        "Testshire Safeguarding Children Partnership has today published a local child safeguarding "
        "practice review into the death of a baby boy, known as Quinn, in February 2023 (invented "
        "test data).", "",
        "Quinn was seven weeks old when he died after sleeping in his parents' bed.", "",
        "What the review highlights", "",
        "• Safer sleep advice did not change when the family moved.",
        "• Professionals did not talk about cannabis and safe sleeping.", ""]), encoding="utf-8")
    review = _one(page, vocab)
    assert review.heading == "Partnership publishes review following the death of Baby Quinn"
    assert review.publication_year == 2024 and len(review.learning) == 2


def test_a_listings_local_authority_age_text_and_sas_dates(tmp_path: Path, vocab: Vocabulary) -> None:
    """A record's "LA" beside its regional "Board" is the area; "Age txt" is the age; SAS's
    "NOV2022" the incident's month; a US-style "June 11, 2024" a page's date."""
    page = tmp_path / "record.json"
    page.write_text('{"Title": "Concise Child Practice Review TEST 1/2023 - Child L (invented)", '
                    '"BOARD": "Mid and West Wales Safeguarding Board", "LA": "Powys", '
                    '"AGE_TXT": "7 months", "INCIDENT": "NOV2022", '
                    '"SUMMARY": "Child L, an invented baby, was admitted with a fractured arm."}')
    review = _one(page, vocab)
    assert review.area == "Powys" and [c.age_months for c in review.children] == [7]
    assert (review.incident_year, review.incident_month) == (2022, 11)
    date = PAGE_DATE.search("EBSCP Business Unit June 11, 2024")
    assert date is not None and (date["month"], date["year"]) == ("June", "2024")


def test_a_recommendation_after_prose_learning_is_no_more_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Key lessons" over a paragraph, then "The review recommends that ...": one learning
    point and one recommendation (the recommendation had been counted as learning)."""
    page = tmp_path / "minutes.txt"
    page.write_text("\n".join([
        "6.2 Serious Case Review – Child J (invented test data)", "",
        "Child J was a 15-year-old girl who took her own life in June 2008.", "",
        "Key lessons", "",
        "The review found that each agency held part of the picture but no single professional "
        "saw the whole of it.", "",
        "The review recommends that the LSCB and the Primary Care Trust make sure that GPs and "
        "schools share information about young people who self-harm.", ""]), encoding="utf-8")
    review = _one(page, vocab)
    assert len(review.learning) == 1 and len(review.recommendations) == 1
    assert review.recommendations[0].text.startswith("The review recommends that the LSCB")


def test_a_registers_rows_of_no_published_review_are_no_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """A council's row whose review is "commissioned 2024 (in progress)", or which says "No
    review published in period." after the council's name, tells of no published review."""
    page = tmp_path / "register.json"  # (a data set's records, as a dBASE table's are read)
    page.write_text(json.dumps([
        {"Council": "Fife", "Review": "Significant Case Review - Child U (invented)", "Child": "Child U",
         "Age": "11", "Summary": "Child U, an invented boy, was neglected."},
        {"Council": "Falkirk", "Summary": "Learning review commissioned 2024 (in progress). Not mapped."},
        {"Council": "Perth and Kinross", "Summary": "No review published in period."}]), encoding="utf-8")
    review = _one(page, vocab)
    assert review.area == "Fife"


def test_a_council_with_a_comma_in_its_name_is_whole(tmp_path: Path, vocab: Vocabulary) -> None:
    """"(Newry, Mourne and Down)" after the child's name is one council, not "Newry" (a
    heading's fields are split at commas)."""
    page = tmp_path / "bulletin.md"
    page.write_text("\n".join([
        "# Practice bulletin (invented test data)", "",
        "## CMR: Baby Cian (Armagh City, Banbridge and Craigavon)", "",
        "Baby Cian was 3 months old when he was admitted to hospital with a fractured skull.", ""]),
        encoding="utf-8")
    assert _one(page, vocab).area == "Armagh City, Banbridge and Craigavon"


def test_recommendations_headed_by_how_many_of_them_are_shown(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Recommendations (two of five)" over two lines labels the two recommendations shown."""
    page = tmp_path / "post.txt"
    page.write_text("\n".join([
        "Baby Q – Testshire (invented test data)", "",
        "Baby Q was 4 months old when he was admitted to hospital with a head injury.", "",
        "Recommendations (two of five)", "",
        "GP practices to use professional interpreting services for every consultation.",
        "Health visiting to audit how often family members are used as interpreters.", ""]),
        encoding="utf-8")
    assert len(_one(page, vocab).recommendations) == 2
