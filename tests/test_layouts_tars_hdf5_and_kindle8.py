"""File types of validation46 (session 63): a gzipped tar of a board's site repository (as ``git
archive --format=tar.gz`` writes it), an HDF5 file (a team's extraction saved by pandas through
PyTables, Blosc-compressed) and a Kindle KF8 book (``.azw3``, calibre's Kindle output).  Before,
the tar and the HDF5 file were refused ("binary file (NUL byte)") and the book read as its
title alone: their eight reviews were lost.  A Chromium MHTML page naming no charset on its
part is read as the page's own ``<meta>`` says (its "›" had been three replacement marks).

validation46's pages are invented test data by that set's labeller.  The two fixtures are
invented too: ``fixtures/hdf5/invented-extraction.h5`` was written by pandas 3.1.1 and PyTables
3.11.1 (``to_hdf(..., format="table", complib="blosc", data_columns=[...], index=False)``: two
rows, a date, a flag, a missing number, and a second table, its codebook);
``fixtures/ebooks/invented-digest.azw3`` by calibre 6.13's ``ebook-convert`` from a page of
three ``h1`` chapters, which calibre keeps as three KF8 files."""

from __future__ import annotations

import gzip
import lzma
from pathlib import Path

import pytest
from support import refused_in_one_line, tarred

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import hdf5_records
from casegraph.ingest.packages import mobi_html, tarred_members
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation46" / "pages"
TAR = PAGES / "cysur-site-main.tar.gz"
H5 = PAGES / "cmr_lr_extraction_wave5.h5"
AZW3 = PAGES / "WMPRN Practice Review Digest - Summer 2024.azw3"
MHTML = PAGES / "Learning from case management reviews - Western Health and Social Care Trust.mhtml"
FIXTURES = Path(__file__).parent / "fixtures"
EXTRACTION = FIXTURES / "hdf5" / "invented-extraction.h5"
DIGEST = FIXTURES / "ebooks" / "invented-digest.azw3"


def _tar(members: dict[str, str], mode: str = "w:gz") -> bytes:
    """A tar of invented pages (name -> text), with a pax global header as git archive writes."""
    return tarred(members, mode, pax_comment="0123456789abcdef0123456789abcdef01234567")


_POST = """---
title: "{title}"
local_authority: "{area}"
published: {date}
tags: [{tags}]
---

## Background

INVENTED TEST PAGE. {name} was a {age} who was admitted to hospital with a fractured arm.

## Learning

- Invented learning point.
"""


# ------------------------------------------------------------------------------------- reviews
def test_the_three_types_are_found_in_a_folder_and_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The site's two reviews (its training post and settings are none), the extraction's three
    (its guidance row, "Include: No", is none) and the digest's two."""
    assert {TAR, H5, AZW3} <= set(discover([PAGES]))
    titles = {page.suffix: [r.title for r in extract_reviews([page], vocab)[0]] for page in (TAR, H5, AZW3)}
    assert titles[".gz"] == ["CYSUR 1/2024 - Concise Child Practice Review - Baby A",
                             "CYSUR 3/2023 - Extended Child Practice Review - Child N"]
    assert titles[".h5"] == ["CMR - Child E", "CMR - Baby F", "Learning Review - Young Person G"]
    assert titles[".azw3"] == ["Child V - Local Child Safeguarding Practice Review (Coventry)",
                               "Amira - Multi-agency learning review (Solihull)"]


def test_a_site_repository_keeps_each_pages_front_matter_with_its_own_review(vocab: Vocabulary) -> None:
    """In the tar the pages are joined; each page's fields (area, date, tags) go under its own
    title, so the second review's are not the first's (below the text, they had been read as
    the next page's: Child N took Baby A's year and lost its own area)."""
    reviews = extract_reviews([TAR], vocab)[0]
    assert [(r.area, r.publication_year) for r in reviews] == [("Ceredigion", 2024), ("Pembrokeshire", 2023)]
    assert reviews[1].keywords == ["child sexual exploitation", "missing", "self-harm", "online safety"]


# --------------------------------------------------------------------------------------- tars
def test_a_tar_is_read_member_by_member_its_settings_and_readme_left_out(tmp_path: Path,
                                                                         vocab: Vocabulary) -> None:
    """A gzipped, a bzip2'd, an xz'd and a plain tar read alike: its pages in order; a Jekyll
    site's ``_config.yml`` (settings), a README and the pax header are no pages."""
    members = {
        "site/README.md": "INVENTED. How to build this site.",
        "site/_config.yml": 'title: "Invented Safeguarding Board"\nurl: "https://board.example"\n',
        "site/_reviews/a.md": _POST.format(title="Invented review - Child T", area="Testshire",
                                           date="2024-03-05", tags="fractures, babies", name="Child T",
                                           age="nine-month-old girl"),
        "site/_reviews/b.md": _POST.format(title="Invented review - Child U", area="Exampleton",
                                           date="2023-11-14", tags="neglect", name="Child U",
                                           age="two-year-old boy"),
    }
    for suffix, mode in ((".tar.gz", "w:gz"), (".tbz2", "w:bz2"), (".tar.xz", "w:xz"), (".tar", "w")):
        page = tmp_path / f"site{suffix}"
        page.write_bytes(_tar(members, mode))
        assert [name for name, _ in tarred_members(page.read_bytes(), page.name)] == [
            "site/README.md", "site/_config.yml", "site/_reviews/a.md", "site/_reviews/b.md"]
        text = read_source(page).text
        assert "Invented Safeguarding Board" not in text and "How to build" not in text
        reviews = extract_reviews([page], vocab)[0]
        assert [(r.title, r.area, r.publication_year) for r in reviews] == [
            ("Invented review - Child T", "Testshire", 2024),
            ("Invented review - Child U", "Exampleton", 2023)]


def test_one_page_compressed_alone_is_read_as_the_page_it_holds(tmp_path: Path) -> None:
    """``briefing.html.gz`` holds ``briefing.html``, read as HTML (its tags are no words)."""
    html = "<html><body><h1>Invented briefing: Child T</h1><p>INVENTED TEST PAGE.</p></body></html>"
    page = tmp_path / "briefing.html.gz"
    page.write_bytes(gzip.compress(html.encode("utf-8")))
    assert [name for name, _ in tarred_members(page.read_bytes(), page.name)] == ["briefing.html"]
    text = read_source(page).text
    assert "Invented briefing: Child T" in text and "<h1>" not in text
    page = tmp_path / "notes.txt.xz"
    page.write_bytes(lzma.compress(b"INVENTED TEST NOTES about Child U."))
    assert read_source(page).text.strip() == "INVENTED TEST NOTES about Child U."


def test_a_damaged_or_oversized_tar_is_refused_in_one_line(tmp_path: Path) -> None:
    """A cut stream, bytes that are no archive, and a small stream that unpacks past a page's
    size (64 MB: a bomb) are each one line naming the file."""
    good = _tar({"a.md": "# Invented\n\nINVENTED TEST PAGE."})
    refused_in_one_line(tmp_path / "cut.tar.gz", good[: len(good) // 2])
    refused_in_one_line(tmp_path / "noise.tgz", b"\x00\x01 not an archive " * 40)
    refused_in_one_line(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * (65 * 2**20)))
    with pytest.raises(ValueError, match="larger than 64 MB unpacked"):
        tarred_members(gzip.compress(b"a" * (65 * 2**20)), "bomb.txt.gz")


# --------------------------------------------------------------------------------------- HDF5
def test_a_pandas_table_in_hdf5_is_read_with_its_columns_named_and_blosc_unpacked() -> None:
    """The fixture's Blosc-compressed table (which h5py alone cannot unpack): columns named as
    the data frame's (pandas keeps them pickled; read without unpickling), in its order; a
    date as a date, a flag as Yes/No, a whole number whole, pandas' "nan" and NaT left out."""
    tables = hdf5_records(EXTRACTION.read_bytes())
    assert list(tables) == ["codebook", "reviews"]
    first, second = tables["reviews"]
    assert list(first) == ["review_id", "title", "area", "published", "include", "recs_stated", "summary",
                           "learning", "keywords"]
    assert (first["published"], first["include"], first["recs_stated"]) == ("2024-03-05", "Yes", 4)
    assert first["learning"] == "1) Invented learning one. 2) Invented learning two."
    assert "published" not in second and "learning" not in second and "recs_stated" not in second
    assert second["include"] == "No"
    assert tables["codebook"] == [{"variable": "title", "label": "Review title"},
                                  {"variable": "summary", "label": "Summary"}]


def test_an_hdf5_file_written_by_h5py_is_read_as_its_tables(tmp_path: Path) -> None:
    """A compound dataset (gzip-compressed, as h5py writes it) is a table by its fields' names;
    an array of strings a table of one column; an array of numbers is no words."""
    import h5py
    import numpy

    rows = numpy.array([(b"Invented review - Child T", b"Testshire", 2024)],
                       dtype=[("title", "S40"), ("area", "S20"), ("year", "i4")])
    page = tmp_path / "extraction.h5"
    with h5py.File(page, "w") as file:
        file.create_dataset("reviews", data=rows, compression="gzip")
        file.create_dataset("notes", data=numpy.array([b"INVENTED TEST NOTE."]))
        file.create_dataset("weights", data=numpy.arange(10.0))
    assert hdf5_records(page.read_bytes()) == {
        "notes": [{"notes": "INVENTED TEST NOTE."}],
        "reviews": [{"title": "Invented review - Child T", "area": "Testshire", "year": 2024}]}
    assert "Invented review - Child T" in read_source(page).text


def test_an_hdf5_file_with_no_text_or_damaged_is_refused_in_one_line(tmp_path: Path) -> None:
    """Numbers only, a cut file and bytes that are not HDF5: one line each, naming the file."""
    import h5py
    import numpy

    numbers = tmp_path / "numbers.h5"
    with h5py.File(numbers, "w") as file:
        file.create_dataset("weights", data=numpy.arange(10.0))
    with pytest.raises(ValueError, match="holds no table of text"):
        hdf5_records(numbers.read_bytes())
    refused_in_one_line(tmp_path / "numbers-again.h5", numbers.read_bytes())
    good = EXTRACTION.read_bytes()
    refused_in_one_line(tmp_path / "cut.h5", good[: len(good) // 3])
    refused_in_one_line(tmp_path / "noise.h5", b"not an HDF5 file at all " * 40)


# ---------------------------------------------------------------------------------------- KF8
def test_a_kf8_book_is_its_files_fragments_in_order_without_its_style_sheets() -> None:
    """calibre's three files (a skeleton each, its fragments after it) read as one page in the
    book's order; the style sheets of KF8's other flows are no words."""
    html = mobi_html(DIGEST.read_bytes())
    assert html.count("<html") == 1 and "<?xml" not in html
    assert ".calibre" not in html and "font-size" not in html  # (the CSS flow)
    text = read_source(DIGEST).text
    order = ["About this digest", "INVENTED TEST DATA", "Reviews", "Child T - Invented practice review",
             "nine-month-old girl", "Invented learning point one.", "Invented learning point two.",
             "Events", "An invented learning event in Exampleton."]
    assert [text.find(words) for words in order] == sorted(text.find(words) for words in order)
    assert all(words in text for words in order)


# -------------------------------------------------------------------------------------- MHTML
def test_an_mhtml_part_without_a_charset_is_read_as_its_page_says(tmp_path: Path) -> None:
    """Chromium names no charset on the page's part; its <meta> says UTF-8, so "›" is itself."""
    assert "Home › Safeguarding › Children" in read_source(MHTML).text
    part = ('<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dwindows-12=\n'
            '52"></head><body><p>Invented =E9t=E9 page =96 Child T</p></body></html>')
    page = tmp_path / "saved.mhtml"
    page.write_text("From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
                    ' type="text/html"; boundary="XX"\n\n--XX\nContent-Type: text/html\n'
                    f"Content-Transfer-Encoding: quoted-printable\n\n{part}\n--XX--\n", encoding="ascii")
    assert "Invented été page – Child T" in read_source(page).text
