"""File types of validation44 (session 61): an Atom feed, a LibreOffice Draw poster (``.odg``),
an Apple Numbers workbook, a FlatGeobuf map layer (``.fgb``) and a zip archive of pages
(Notion's "Export > Markdown & CSV").  Before, a folder passed the ``.odg``, ``.numbers``,
``.fgb`` and ``.zip`` pages over as "of a type casegraph does not read", and an Atom entry was
titled by its date, the entry after it lost.

The pages read here are validation44's own (invented test data about invented children, by that
set's labeller, who wrote them with python-feedgen, odfpy, numbers-parser and GDAL).  The small
files written here are invented too, each from its format's documentation: Atom (RFC 4287:
``category`` with ``term`` and ``label``, RFC 3339 dates), OpenDocument 1.3 (a drawing's
``draw:page`` of text-box frames), Numbers (written here by numbers-parser) and zip (PKWARE's
APPNOTE, written by the standard library)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line, reviews_of_page, zipped

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest import office, packages
from casegraph.ingest.datasets import flatgeobuf_records
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation44" / "pages"
ATOM = PAGES / "sbni-case-management-reviews.atom"
ODG = PAGES / "Learning on a page - Learning Review Child M - Angus CPC.odg"
NUMBERS = PAGES / "Case review tracker 2023-24.numbers"
FGB = PAGES / "scottish_learning_reviews_published_2023_24.fgb"
ZIP = PAGES / "Export-7d3e91b2-5c4a-4f08-9e6d-2b1a8c0f4e57.zip"

_DRAWING_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


# ------------------------------------------------------------------------------------- reviews
def test_the_five_types_are_found_in_a_folder_and_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The feed's two reviews (its training entry is none), the poster's one, the tracker's
    three rows, the map layer's three points and the export's two review pages."""
    assert {ATOM, ODG, NUMBERS, FGB, ZIP} <= set(discover([PAGES]))
    titles = {page.suffix: [r.title for r in extract_reviews([page], vocab)[0]]
              for page in (ATOM, ODG, NUMBERS, FGB, ZIP)}
    assert titles[".atom"] == ["CMR – ‘Olivia’ (Armagh City, Banbridge and Craigavon)",
                               "CMR – ‘Baby Finn’ (Derry City and Strabane)"]
    assert titles[".odg"] == ["Learning Review – Child M"]
    assert titles[".numbers"] == ["Child D", "Siblings E and F", "Child G"]
    assert titles[".fgb"] == ["Learning Review – Sisters A and B", "Significant Case Review – Baby S",
                              "Learning Review – Callum"]
    assert titles[".zip"] == ["CPR – Child T (Carmarthenshire)", "CPR – Baby L (Ceredigion)"]


def test_an_atom_entry_is_titled_and_dated_by_its_own_elements(tmp_path: Path, vocab: Vocabulary) -> None:
    """An entry's RFC 3339 "published" date is its date line, not its title; its category's
    label ("Case management review"), not its term ("cmr"), is its keyword."""
    feed = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Reviews (invented)</title>'
            "<entry><title>CMR – Child Q (invented)</title><published>2023-11-02T09:30:00Z</published>"
            '<category term="cmr" label="Case management review"/>'
            '<content type="html">&lt;p&gt;Child Q, aged four, was neglected.&lt;/p&gt;</content></entry>'
            "</feed>")
    [review] = reviews_of_page(tmp_path, "feed.atom", feed, vocab)
    assert review.title == "CMR – Child Q (invented)"
    assert (review.publication_year, review.keywords) == (2023, ["Case management review"])


# ------------------------------------------------------------------------------------- drawing
def test_a_drawings_text_boxes_are_read_in_the_order_they_were_drawn(tmp_path: Path) -> None:
    """A Draw page's frames: each text box's paragraphs and list points, in file order."""
    content = (f"<office:document-content {_DRAWING_NS}><office:body><office:drawing><draw:page>"
               "<draw:frame><draw:text-box><text:p>Learning Review – Child W (invented)</text:p>"
               "</draw:text-box></draw:frame>"
               "<draw:frame><draw:text-box><text:p>What we learned</text:p><text:list><text:list-item>"
               "<text:p>Missed appointments were not added up.</text:p></text:list-item></text:list>"
               "</draw:text-box></draw:frame></draw:page></office:drawing></office:body>"
               "</office:document-content>")
    page = tmp_path / "poster.odg"
    page.write_bytes(zipped({"mimetype": "application/vnd.oasis.opendocument.graphics",
                             "content.xml": content}))
    source = read_source(page)
    assert source.media_type == "application/vnd.oasis.opendocument.graphics"
    assert source.text.split("\n\n")[:2] == ["Learning Review – Child W (invented)", "What we learned"]
    assert "• Missed appointments were not added up." in source.text


# ------------------------------------------------------------------------------------ workbooks
def test_a_numbers_workbook_is_read_as_an_excel_one_is(tmp_path: Path) -> None:
    """Each table's rows, a date as its ISO date, a whole number without ".0"; a row with no
    words is left out."""
    from numbers_parser import Document

    document = Document(num_header_rows=1, num_rows=4, num_cols=3)
    table = document.sheets[0].tables[0]
    for col, value in enumerate(["Review", "Published", "Recommendations"]):
        table.write(0, col, value)
    table.write(1, 0, "Child V (invented)")
    table.write(1, 1, datetime.datetime(2024, 3, 6))
    table.write(1, 2, 5)
    page = tmp_path / "tracker.numbers"
    document.save(page)
    lines = read_source(page).text.splitlines()
    assert "Published: 2024-03-06" in lines and "Recommendations: 5" in lines
    assert lines.count("RECORD 1") == 1 and "RECORD 2" not in lines


# -------------------------------------------------------------------------------------- layers
def test_a_flatgeobuf_layer_is_its_names_then_its_features_attributes() -> None:
    """The layer's name, title and description, then each point's attributes by column name
    (past the file's spatial index), its geometry left out."""
    heads, records = flatgeobuf_records(FGB.read_bytes())
    assert heads == ["scottish_learning_reviews_published", "Published learning reviews 2023-24",
                     "Council points for published learning reviews"]
    assert len(records) == 3
    assert records[1]["review_name"] == "Significant Case Review – Baby S"
    assert records[1]["council"] == "Dundee City" and "geometry" not in records[1]


# ------------------------------------------------------------------------------------ archives
def test_an_archives_pages_are_read_and_its_index_table_left_out(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each page member is read as its file is; the CSV that only lists the pages (Notion's
    database beside them) adds no review of its own; an image and the export's own README pass
    without a word; a file of a type not read, and a script (as a folder's), are named in a
    warning, not read as code (which would have refused the whole archive)."""
    page = tmp_path / "export.zip"
    page.write_bytes(zipped({
        "Reviews/CSPR – Child R (invented) 0a1b.md": "# CSPR – Child R (invented)\n\nPublished: 2024\n\n"
                                                      "Child R, aged five, was neglected.\n",
        "Reviews/Reviews db.csv": "\ufeffName,Published\nCSPR – Child R (invented),2024\n",
        "Reviews/diagram.png": b"\x89PNG\r\n\x1a\n",
        "Reviews/minutes.xyz": "not a page",
        "Reviews/app.js": "function show() { return 1; }",
        "README.md": "# About this export",
    }))
    reviews, _, _ = extract_reviews([page], vocab)
    assert [r.title for r in reviews] == ["CSPR – Child R (invented)"]
    [warning] = read_source(page).warnings
    assert "2 file(s) in the archive not read" in warning
    assert "minutes.xyz" in warning and "app.js" in warning
    assert "diagram.png" not in warning and "README" not in warning


def test_a_bad_member_is_named_inside_its_archive(tmp_path: Path) -> None:
    """A member that cannot be read is refused in one line naming the archive and the member."""
    page = tmp_path / "export.zip"
    page.write_bytes(zipped({"pages/summary.json": "{not json"}))
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    message = str(caught.value)
    assert "export.zip/pages/summary.json" in message and "\n" not in message


def test_an_archive_that_unpacks_past_the_limit_is_refused(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Its members' sizes together pass the limit: refused before they are unpacked."""
    monkeypatch.setattr(packages, "PART_MAX", 1000)
    page = tmp_path / "bomb.zip"
    page.write_bytes(zipped({"a.txt": "x" * 600, "b.txt": "y" * 600}))
    with pytest.raises(CasegraphError, match="unpack to more than"):
        read_source(page)


def test_a_workbook_that_unpacks_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """numbers-parser unpacks a workbook whole: its size unpacked is checked first."""
    monkeypatch.setattr(office, "PART_MAX", 1000)
    with pytest.raises(ValueError, match="unpacks to more than"):
        office.numbers_sheets(NUMBERS.read_bytes())


@pytest.mark.parametrize("name", ["broken.zip", "broken.numbers", "broken.odg", "broken.fgb"])
def test_a_file_that_is_not_what_its_name_says_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    refused_in_one_line(tmp_path / name, b"PK\x03\x04 cut short")


def test_an_archive_with_no_page_is_refused(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "images.zip", zipped({"a.png": b"\x89PNG\r\n\x1a\n"}))


def test_damaged_copies_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    read_or_one_line_when_damaged([ATOM, ODG, NUMBERS, FGB, ZIP], tmp_path, seed=61, rounds=12)
