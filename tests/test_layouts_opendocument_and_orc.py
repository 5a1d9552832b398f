"""File types of validation43 (session 60): an OpenDocument spreadsheet (``.ods``) and
presentation (``.odp``), a DocBook article (``.dbk``), an Apache ORC file (``.orc``), and a Jira
issue navigator's XML export.  Before, a folder passed the ``.ods``, ``.odp``, ``.dbk`` and
``.orc`` pages over as "of a type casegraph does not read" (and refused the ``.orc`` named
alone), and a Jira issue's "[KEY-12] " title and custom fields were lost.

The pages read here are validation43's own (invented test data about invented children, by that
set's labeller, who wrote them with odfpy, pandoc and pyarrow).  The small files written here
are invented too, each from its format's documentation: OpenDocument 1.3 (a package's
``content.xml``, a presentation's ``draw:page`` frames by ``presentation:class``, a page style's
``presentation:visibility``), Apache ORC's (written here by pyarrow) and Jira's XML export
(``item`` with ``key``, ``summary`` and ``customfields``)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.orc as orc
import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line, reviews_of_page, zipped

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import orc_records
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation43" / "pages"
ODS = PAGES / "LSCP case review tracker 2023-24.ods"
ODP = PAGES / "CTMSB Learning Event - Child Practice Reviews - June 2024.odp"
DBK = PAGES / "fife-cpc-learning-review-kai-summary.dbk"
ORC = PAGES / "review_extract_2024-10-03.orc"
JIRA = PAGES / "SBNI-CMR-published-jira-export.xml"

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_NS = (f'xmlns:office="{_OFFICE}" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def _package(kind: str, content: str) -> bytes:
    """An OpenDocument package: its ``mimetype`` first, as the standard asks, then its content."""
    return zipped({"mimetype": f"application/vnd.oasis.opendocument.{kind}",
                   "content.xml": f"<office:document-content {_NS}>{content}</office:document-content>"})


# ------------------------------------------------------------------------------------- reviews
def test_the_four_types_are_found_in_a_folder_and_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The tracker's three rows, the deck's two reviews, the DocBook summary and the ORC
    extraction's three rows are reviews."""
    assert {ODS, ODP, DBK, ORC} <= set(discover([PAGES]))
    titles = {page.suffix: [r.title for r in extract_reviews([page], vocab)[0]]
              for page in (ODS, ODP, DBK, ORC)}
    assert titles[".ods"] == ["Baby J", "Child M", "Siblings A and B"]
    assert titles[".odp"] == ["Concise Child Practice Review CTMSB 3/2023 – Child T",
                              "Extended Child Practice Review CTMSB 1/2024 – Alys and Osian"]
    assert titles[".dbk"] == ["Learning Review: Kai – Summary Report"]
    assert len(titles[".orc"]) == 3 and titles[".orc"][0] == "National review into the death of Leo"


def test_a_jira_exports_issues_are_read_by_their_summaries_and_fields(vocab: Vocabulary) -> None:
    """Each issue is its review, titled by its summary (not "[CMR-12] ..."), its area and date
    from its custom fields (the ticket's own created and updated dates are not the review's)."""
    reviews = extract_reviews([JIRA], vocab)[0]
    assert [r.title for r in reviews] == ["CMR – 'Oisín' (Derry City and Strabane)",
                                          "CMR – 'Grace' (Newry, Mourne and Down)"]
    assert [r.area for r in reviews] == ["Derry City and Strabane", "Newry, Mourne and Down"]
    assert [r.publication_year for r in reviews] == [2024, 2024]


def test_an_issues_custom_fields_are_labelled_lines(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Jira issue's "Council area" and "Date published" fields, and its summary as title."""
    export = ('<rss version="0.92"><channel><title>Reviews (invented)</title><item>'
              "<title>[CR-3] LCSPR – Child V</title><key id='1'>CR-3</key><summary>LCSPR – Child V</summary>"
              "<description>&lt;p&gt;Child V, aged two, was scalded in 2022.&lt;/p&gt;</description>"
              "<created>Tue, 7 Mar 2023 10:14:22 +0000</created><updated>Thu, 20 Jun 2024 15:02:41 +0100"
              "</updated><customfields><customfield id='c1'><customfieldname>Council area</customfieldname>"
              "<customfieldvalues><customfieldvalue><![CDATA[Oldham]]></customfieldvalue></customfieldvalues>"
              "</customfield><customfield id='c2'><customfieldname>Date published</customfieldname>"
              "<customfieldvalues><customfieldvalue>2021-11-30</customfieldvalue></customfieldvalues>"
              "</customfield></customfields></item></channel></rss>")
    (review,) = reviews_of_page(tmp_path, "issues.xml", export, vocab)
    assert (review.title, review.area, review.publication_year) == ("LCSPR – Child V", "Oldham", 2021)


# ---------------------------------------------------------------------------- OpenDocument
def test_a_decks_slides_are_headed_by_their_titles_with_notes_after(tmp_path: Path) -> None:
    """A slide's title frame heads it; its outline's list items are items, a loose line in it
    ("Area: Powys") a line; its notes come after its frames; a hidden slide is left out."""
    slides = ("<office:automatic-styles><style:style style:name='dp2' style:family='drawing-page'>"
              "<style:drawing-page-properties presentation:visibility='hidden'/></style:style>"
              "</office:automatic-styles><office:body><office:presentation>"
              "<draw:page draw:name='p1'><draw:frame presentation:class='title'><draw:text-box>"
              "<text:p>Review of Child R (invented)</text:p></draw:text-box></draw:frame>"
              "<draw:frame presentation:class='outline'><draw:text-box><text:p>Area: Powys</text:p>"
              "<text:list><text:list-item><text:p>Child R was two when he was burned.</text:p>"
              "</text:list-item></text:list></draw:text-box></draw:frame><presentation:notes>"
              "<draw:frame presentation:class='notes'><draw:text-box><text:p>Say the age slowly."
              "</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>"
              "<draw:page draw:name='p2' draw:style-name='dp2'><draw:frame presentation:class='title'>"
              "<draw:text-box><text:p>Spare slide</text:p></draw:text-box></draw:frame></draw:page>"
              "</office:presentation></office:body>")
    page = tmp_path / "event.odp"
    page.write_bytes(_package("presentation", slides))
    lines = [ln for ln in read_source(page).text.splitlines() if ln.strip()]
    assert lines == ["Review of Child R (invented)", "Area: Powys", "• Child R was two when he was burned.",
                     "Say the age slowly."]


def test_a_spreadsheet_package_is_read_as_its_sheets(tmp_path: Path) -> None:
    """An ``.ods`` package's ``content.xml`` is the flat ``.fods`` body: its sheet's rows."""
    sheet = ("<office:body><office:spreadsheet><table:table table:name='Published'>"
             "<table:table-row><table:table-cell><text:p>Review</text:p></table:table-cell>"
             "<table:table-cell><text:p>Area</text:p></table:table-cell></table:table-row>"
             "<table:table-row><table:table-cell><text:p>Child D (invented)</text:p></table:table-cell>"
             "<table:table-cell><text:p>Sefton</text:p></table:table-cell></table:table-row>"
             "</table:table></office:spreadsheet></office:body>")
    page = tmp_path / "tracker.ods"
    page.write_bytes(_package("spreadsheet", sheet))
    text = read_source(page).text
    assert "Child D (invented)" in text and "Sefton" in text and "<" not in text


# ----------------------------------------------------------------------------------------- ORC
def test_an_orc_file_is_read_as_records(tmp_path: Path) -> None:
    """pyarrow writes the file (Zstandard): each row a record, a date its ISO date, a list a
    list, nulls left out."""
    table = pa.table({
        "title": ["Child A: Local Child Safeguarding Practice Review (invented)", "Thematic note"],
        "published": pa.array([datetime.date(2024, 2, 9), None], pa.date32()),
        "keywords": [["bruising"], []],
    })
    page = tmp_path / "extract.orc"
    orc.write_table(table, page, compression="zstd")
    first, second = orc_records(page.read_bytes())
    assert first == {"title": "Child A: Local Child Safeguarding Practice Review (invented)",
                     "published": "2024-02-09", "keywords": ["bruising"]}
    assert second == {"title": "Thematic note"}


# -------------------------------------------------------------------------------- bad packages
@pytest.mark.parametrize("name", ["tracker.ods", "deck.odp", "extract.orc"])
def test_a_file_without_what_its_type_needs_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    refused_in_one_line(tmp_path / name, zipped({"readme.txt": "not a document"}))
    refused_in_one_line(tmp_path / name, b"PK\x03\x04 cut short")


def test_damaged_copies_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    read_or_one_line_when_damaged([ODS, ODP, ORC, DBK], tmp_path, seed=60, rounds=12)


def test_a_damaged_spreadsheet_is_refused_as_what_it_is(tmp_path: Path) -> None:
    """The one line names the kind of file the name says ("an OpenDocument spreadsheet"), not a
    word processor's document."""
    page = tmp_path / "tracker.ods"
    page.write_bytes(b"PK\x03\x04 cut short")
    with pytest.raises(CasegraphError, match="cannot read as an OpenDocument spreadsheet"):
        read_source(page)
