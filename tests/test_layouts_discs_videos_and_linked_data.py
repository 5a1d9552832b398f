"""File types and layouts of validation47 (session 64): a disc image (``.iso``: a board's 2013
training CD, made by xorriso with Joliet and Rock Ridge names), a Matroska video whose English
subtitles carry a whole seven-minute briefing, a JSON-LD graph of schema.org nodes (rdflib's
serialisation: a review's learning and recommendations are nodes of their own, linked by
``hasPart``), Mozilla Readability's article in a scraper's wrapper, a Word macro document whose
fields stand in a two-column table, an Excel macro workbook with a "Rapid review" date column,
and a wkhtmltopdf PDF whose spaces pypdf reads as tabs.  Before, the disc image and the video
were refused as binary, the JSON-LD's parts were records of their own ("Recommendations" twice
a spurious review), the Readability page read as its wrapper's two fields, the Word document's
table rows as three spurious reviews, each workbook row as two reviews, and the PDF's two
reviews not at all.

validation47's pages are invented test data by that set's labeller.  The two video fixtures are
invented too: ``fixtures/video/invented-briefing.mkv`` was muxed by ffmpeg 5.1 from a ten-second
grey H.264 picture and a five-cue SubRip file (title and artist tags, an English subtitle
track); ``invented-briefing-zlib.mkv`` is the same file remuxed by mkvmerge 74 with its
subtitle track zlib-compressed (``--compression 1:zlib``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pycdlib
import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.media import matroska_text
from casegraph.ingest.packages import disc_members
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation47" / "pages"
ISO = PAGES / "LSCB_LEARNING_2013.iso"
MKV = PAGES / "CTMSB 7MB - Concise CPR 2-2024.mkv"
JSONLD = PAGES / "fife-cpc-learning-reviews.jsonld"
READABILITY = PAGES / "readability-gwentsafeguarding-cpr-gsb-1-2024.json"
DOCM = PAGES / "CMR 04-23 Jack - Learning Summary v2.1.docm"
XLSM = PAGES / "WSCP Case Review Tracker 2024-25 v7.xlsm"
PDF = PAGES / "SBCPC Learning Briefing 2023-2.pdf"
VIDEO = Path(__file__).parent / "fixtures" / "video"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_found_in_a_folder_and_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each page's reviews, and no others: the disc's index, README and training page, the
    graph's collection page and its parts, the document's fields and the workbook's quarterly
    figures are none."""
    assert {ISO, MKV} <= set(discover([PAGES]))
    titles = {page.name: [r.title for r in extract_reviews([page], vocab)[0]]
              for page in (ISO, MKV, JSONLD, READABILITY, DOCM, XLSM, PDF)}
    assert titles == {
        ISO.name: ["Serious Case Review: Child F", "Serious Case Review: Family T"],
        MKV.name: ["Concise Child Practice Review CTMSB 2/2024 – Child G"],
        JSONLD.name: ["Learning Review: Child S", "Significant Case Review: Baby A"],
        READABILITY.name: ["Extended Child Practice Review GSB 1/2024 - Child R"],
        DOCM.name: ["CMR 04/23 – ‘Jack’ (not his real name)"],
        XLSM.name: ["Child H", "Baby M", "Child J"],
        PDF.name: ["Learning Review: Child V", "Significant Case Review: Baby L"]}


# ---------------------------------------------------------------------------------- disc images
def test_a_disc_image_is_read_by_its_long_names_without_its_sites_chrome(vocab: Vocabulary) -> None:
    """The CD's files by their Rock Ridge names, in path order; joined, each page's masthead,
    menu and footer (printed on every page) are left out after the first page, so the menu
    ("Home | Family T | Child F | Training") is no recommendation of the review above it."""
    names = [name for name, _ in disc_members(ISO.read_bytes())]
    assert names == ["AUTORUN.INF", "INDEX.HTM", "README.TXT", "SCR/CHILD_F.HTM", "SCR/FAMILY_T.HTM",
                     "STYLE.CSS", "TRAINING/COURSES.HTM"]
    text = read_source(ISO).text
    assert text.count("Home | Family T | Child F | Training") == 1
    child_f = extract_reviews([ISO], vocab)[0][0]
    assert [item.text[:30] for item in child_f.recommendations] == ["The review recommends that the"]
    assert (child_f.area, child_f.publication_year) == ("Lincolnshire", 2012)


def _disc(files: dict[str, bytes], joliet: bool) -> bytes:
    """An invented disc image of ``files`` (ISO 9660 names, "/NAME.EXT;1"), written by pycdlib."""
    disc = pycdlib.PyCdlib()
    disc.new(interchange_level=1, joliet=3 if joliet else None)
    for name, data in files.items():
        long = {"joliet_path": "/" + name.split(";")[0].lower()} if joliet else {}
        disc.add_fp(io.BytesIO(data), len(data), "/" + name, **long)
    out = io.BytesIO()
    disc.write_fp(out)
    disc.close()
    return out.getvalue()


def test_a_disc_with_plain_iso_names_is_read_and_a_damaged_one_refused(tmp_path: Path) -> None:
    """A disc with ISO 9660's names only ("BRIEF.HTM;1") is read by them, the version number
    dropped; one with Joliet names by those.  A cut image and bytes that only look like one are
    each one line naming the file."""
    page = b"<html><body><h1>Invented briefing: Child T</h1><p>INVENTED TEST PAGE.</p></body></html>"
    plain = _disc({"BRIEF.HTM;1": page}, joliet=False)
    assert disc_members(plain) == [("BRIEF.HTM", page)]
    assert disc_members(_disc({"BRIEF.HTM;1": page}, joliet=True)) == [("brief.htm", page)]
    (tmp_path / "disc.iso").write_bytes(plain)
    assert "Invented briefing: Child T" in read_source(tmp_path / "disc.iso").text
    refused_in_one_line(tmp_path / "cut.iso", plain[: len(plain) // 2])
    refused_in_one_line(tmp_path / "noise.iso", b"\0" * 32769 + b"CD001" + b"\x01" * 4000)


# --------------------------------------------------------------------------------------- videos
def test_a_videos_subtitles_are_read_as_its_captions() -> None:
    """The title and the maker's tag, then the English cues as prose; a cue that is a title
    card ("Learning Review – Child Q", "1. Learning") is a line of its own, not run into the
    sentence after it.  The zlib-compressed track reads the same."""
    text = read_source(VIDEO / "invented-briefing.mkv").text
    assert text.split("\n\n")[:4] == [
        "Seven-minute briefing (invented)\nTestshire Safeguarding Children Partnership",
        "Invented test data: not a real review.", "Learning Review – Child Q",
        "Child Q, a six-year-old girl, was found alone at home in March 2023."]
    assert "\n1. Learning\n" in text
    plain, packed = ((VIDEO / name).read_bytes()
                     for name in ("invented-briefing.mkv", "invented-briefing-zlib.mkv"))
    assert matroska_text(packed) == matroska_text(plain)


def test_the_briefing_video_is_read_as_its_review(vocab: Vocabulary) -> None:
    """validation47's video: the review's heading, its three learning points, its account's
    facts; the closing "Thank you for watching." is no recommendation."""
    (review,) = extract_reviews([MKV], vocab)[0]
    assert (review.publication_year, review.review_type.notation) == (2024, "RT-CPR")
    assert [c.age_months for c in review.children] == [132]
    assert len(review.learning) == 3 and not any("Thank you" in i.text for i in review.recommendations)
    assert "H-NEG" in {h.notation for h in review.harms}


def test_a_video_without_subtitles_or_damaged_is_refused_in_one_line(tmp_path: Path) -> None:
    """A Matroska file whose tracks hold no text (here: the fixture with its subtitle track's
    codec renamed) says so in one line; bytes changed at random are read or refused in one line."""
    data = (VIDEO / "invented-briefing.mkv").read_bytes()
    assert data.count(b"S_TEXT/UTF8") == 1
    refused_in_one_line(tmp_path / "silent.mkv", data.replace(b"S_TEXT/UTF8", b"S_VOBSUB\0\0\0"))
    refused_in_one_line(tmp_path / "cut.mkv", data[:40])
    with pytest.raises(ValueError, match="damaged Matroska file"):
        matroska_text(data[:5])  # a header's first bytes alone: cut short, not a silent video
    read_or_one_line_when_damaged([VIDEO / "invented-briefing.mkv", VIDEO / "invented-briefing-zlib.mkv"],
                                  tmp_path, seed=64, rounds=40)


# ---------------------------------------------------------------------------------- linked data
def test_a_json_ld_reviews_parts_are_its_own_and_no_reviews() -> None:
    """Each review's learning and recommendations (nodes of their own, linked by ``hasPart``)
    are read under it, named as their nodes name them; its place and publisher by their names;
    its typed date as a date; the collection page is no review of its own."""
    text = read_source(JSONLD).text
    child_s, baby_a = (text[text.index(name):]
                       for name in ("Learning Review: Child S", "Significant Case Review: Baby A"))
    assert "Spatial coverage: Fife" in child_s and "Published: 27 February 2024" in child_s
    learning = child_s.index("Key learning:\n1. Children waiting for CAMHS")
    assert learning < child_s.index("Significant Case Review")
    assert "Recommendations:\n1. Health visiting to give safer sleep advice" in baby_a
    assert "@value" not in text and "RECORD 3\nRecommendations" not in text


def test_an_invented_json_ld_graph_is_framed_by_its_references(tmp_path: Path, vocab: Vocabulary) -> None:
    """A node referred to by another that is only words under a name is that node's part; a
    richer node referred to stays a record, its reference dropped; an unknown node's address is
    kept as the field's value."""
    base = "https://board.example/reviews/"
    graph = {"@context": {"@vocab": "https://schema.org/"}, "@graph": [
        {"@id": base, "@type": "CollectionPage", "name": "Reviews", "hasPart": [{"@id": base + "t"}]},
        {"@id": base + "t#learning", "@type": "CreativeWork", "name": "What we learned",
         "text": "- Invented learning: ask who lives in the home.\n- Invented learning: share concerns."},
        {"@id": base + "t", "@type": "Report", "name": "Invented review: Child T",
         "abstract": "INVENTED TEST DATA. Child T, a two-year-old boy, was neglected in 2023.",
         "datePublished": {"@type": "xsd:date", "@value": "2024-05-02"},
         "hasPart": [{"@id": base + "t#learning"}], "encoding": {"@id": base + "t.pdf"}}]}
    page = tmp_path / "reviews.jsonld"
    page.write_text(json.dumps(graph), encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.title, review.publication_year, len(review.learning)) == (
        "Invented review: Child T", 2024, 2)
    assert base + "t.pdf" in read_source(page).text


# ---------------------------------------------------------------------------------- readability
def test_a_readability_article_is_read_once_under_its_title(vocab: Vocabulary) -> None:
    """The article's ``title`` is its heading, its ``content`` its text (``textContent`` and
    ``excerpt`` say it again: not read); "Posted 19 June 2024 · Local authority: Newport" gives
    the review's area, and its date is no record's title."""
    text = read_source(READABILITY).text
    assert text.startswith("Extended Child Practice Review GSB 1/2024 - Child R\n")
    assert text.count("Practitioners assumed the parents understood") == 1
    (review,) = extract_reviews([READABILITY], vocab)[0]
    assert (review.area, review.publication_year, len(review.learning), len(review.recommendations)) == (
        "Newport", 2024, 4, 3)


# ------------------------------------------------------------------------- office and PDF layouts
def test_a_word_documents_fields_table_is_its_fields(vocab: Vocabulary) -> None:
    """"Council area | Armagh City, ..." and "Summary prepared by | Named Nurse, ..." rows beside
    "Review type" and "Published" make the table the review's fields, not three reviews; the
    closing "For discussion" question is no recommendation."""
    text = read_source(DOCM).text
    assert "Council area: Armagh City, Banbridge and Craigavon" in text
    (review,) = extract_reviews([DOCM], vocab)[0]
    assert (review.area, review.publication_year, review.review_type.notation) == (
        "Armagh City, Banbridge and Craigavon", 2024, "RT-CMR")
    assert (len(review.learning), len(review.recommendations)) == (4, 5)


def test_a_workbooks_date_columns_and_action_plan_status_are_fields(vocab: Vocabulary) -> None:
    """"Rapid review: 2022-11-03" is a row's field, not a second review; "Action plan RAG:
    Amber" under "Recommendations: 4 recommendations - see Action Plan tab" is no recommendation."""
    reviews = extract_reviews([XLSM], vocab)[0]
    assert [(r.publication_year, r.incident_year, len(r.recommendations)) for r in reviews] == [
        (2024, 2022, 0), (2024, 2023, 2), (2024, 2023, 0)]


def test_a_wkhtmltopdf_pdfs_tabs_are_spaces(vocab: Vocabulary) -> None:
    """wkhtmltopdf's Qt writes the space between words as a tab; read as a space, the two
    reviews' headings are headings again."""
    text = read_source(PDF).text
    assert "\t" not in text and "Learning Review: Child V" in text
    assert [len(r.recommendations) for r in extract_reviews([PDF], vocab)[0]] == [4, 0]


@pytest.mark.parametrize("page", [ISO, MKV])
def test_the_new_types_damaged_at_random_are_read_or_refused_in_one_line(page: Path,
                                                                          tmp_path: Path) -> None:
    """Bytes changed at random in the disc image and the video: each copy read or refused in one
    line naming it, never a crash."""
    read_or_one_line_when_damaged([page], tmp_path, seed=47, rounds=12)
