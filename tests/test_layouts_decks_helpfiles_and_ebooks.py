"""File types of validation45 (session 62): a PowerPoint 97-2003 deck (``.ppt``), a 7-Zip
archive of pages, a compiled HTML help file (``.chm``), a zlib-compressed SPSS file (``.zsav``)
and a Kindle e-book (``.mobi``).  Before, each was refused ("binary file (NUL byte)", or "a Word
or Excel 97-2003 binary file") and its reviews lost.

The pages read here are validation45's own (invented test data about invented children, by that
set's labeller, who wrote them with LibreOffice, 7-Zip, Free Pascal's chmcmd, ReadStat and
Calibre).  ``fixtures/helpfiles/invented-multiframe.chm`` was compiled by chmcmd from eight
pages of invented nonsense words (150 KB: five LZX frames, the state reset every two); the
SHA-256 of each page as written is kept below, so the decompressed pages are checked against
the compiler's input, not against casegraph's own output."""

from __future__ import annotations

import hashlib
import io
import re
import struct
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.chm import chm_pages
from casegraph.ingest.datasets import sav_records
from casegraph.ingest.office import ppt_html
from casegraph.ingest.packages import mobi_html, sevenzip_members
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation45" / "pages"
PPT = PAGES / "7MB Concise CPR NWSB 3-2024 Child L.ppt"
SEVEN = PAGES / "LRSCP published reviews web copy.7z"
CHM = PAGES / "WSCB-SCR-Learning-Handbook-2012.chm"
ZSAV = PAGES / "cspr_scot_ni_coding_wave3.zsav"
MOBI = PAGES / "CRLN Quarterly Digest - April to June 2024.mobi"
MULTIFRAME = Path(__file__).parent / "fixtures" / "helpfiles" / "invented-multiframe.chm"
#: The pages chmcmd compiled into MULTIFRAME, by their SHA-256 as written (its contents file
#: lists them from page 8 down to page 1).
MULTIFRAME_PAGES = {
    8: "f4777acc4bbd74919b26b159fff1f0a9138597aedc0a329133bab7e4b469abe5",
    7: "8e75dbbccc2b517bab4c5f7dcee27bee972b25d372d9e09deeebbd98d65fd767",
    6: "ea995b2204e70241a8cad2b9a30d612e5926eec1a2bd45d8d304d46af61f9869",
    5: "d586938bda511df2a8a71efb72d3f2de4055e4a3bdecda4bf29b084bda0ce7ab",
    4: "865a3422338c7b71aa9a3bb1f3dcc0c1b94364401c3edb91c43643aa4abbd7f2",
    3: "d160a8c6578ce9a5acd64a9dbd503d8dabc7d0606c082b7ba8df22f0cb69be6d",
    2: "af6e997424b6706d6e449c7bbc1987e06079d6fdf4e10ef5c3eb816fa23164bb",
    1: "d2eb9749604a41e1055d5b950cee400844a3b1604e2c15e3f1d833c2dc64ce7a",
}


# ------------------------------------------------------------------------------------- reviews
def test_the_five_types_are_found_in_a_folder_and_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The deck's one review, the archive's three (its landing page, training dates and note
    to the web team are none), the handbook's two, the coding file's three cases and the
    digest's two."""
    assert {PPT, SEVEN, CHM, ZSAV, MOBI} <= set(discover([PAGES]))
    titles = {page.suffix: [r.title for r in extract_reviews([page], vocab)[0]]
              for page in (PPT, SEVEN, CHM, ZSAV, MOBI)}
    assert titles[".ppt"] == ["Concise Child Practice Review – Child L"]
    assert titles[".7z"] == ["Local Child Safeguarding Practice Review - Child Q",
                             "Serious Case Review - Siblings M and N",
                             "Local Learning Review (SILP) - Jayden"]
    assert len(titles[".chm"]) == 2
    assert titles[".zsav"] == ["Significant Case Review - Child E", "Learning Review - Ruby", "CMR - 'Oscar'"]
    assert titles[".mobi"] == ["National child safeguarding practice review: Harrison",
                               "Extended Child Practice Review CVRSB 2/2023 - Child G"]


# ------------------------------------------------------------------------------ PowerPoint 97
def test_a_powerpoint_97_deck_reads_as_its_slides_with_their_notes() -> None:
    """Titles are headings (the deck's first its ``h1``), a text box's paragraphs paragraphs
    (LibreOffice saves a slide's content as text boxes of kind "other"), a slide's notes after
    it; the masters' prompts and the slide-number field are no words of the deck."""
    page = ppt_html(PPT.read_bytes())
    assert page.startswith("<h1>Concise Child Practice Review – Child L</h1>")
    assert "<h2>5. Recommendations</h2>" in page
    assert ("<p>The review made three recommendations to the Board:</p>\n"
            "<p>Audit how the bruising protocol is used by health visitors and GPs.</p>") in page
    background = page.index("<h2>1. Background</h2>")
    assert background < page.index("The partner&#x27;s move into the home was not known") < page.index(
        "<h2>2. Why it matters</h2>")  # (the Background slide's note, after that slide)
    assert "Click to edit" not in page and "<p>*</p>" not in page and "<li>*</li>" not in page


def test_a_file_that_is_no_deck_is_refused_in_one_line(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "briefing.ppt", PPT.read_bytes()[:4096])
    refused_in_one_line(tmp_path / "notes.ppt", b"not a deck at all, only text\n")


# -------------------------------------------------------------------------------------- 7-Zip
def test_a_7z_archive_is_read_member_by_member_its_readme_left_out() -> None:
    names = [name for name, _ in sevenzip_members(SEVEN.read_bytes())]
    assert names[0] == "Published reviews web copy/01 Published reviews - landing page.txt"
    assert "Published reviews web copy/README - for web team.txt" in names  # (an archive's member)
    text = read_source(SEVEN).text
    assert "Local Child Safeguarding Practice Review - Child Q" in text
    assert "WEB COPY FOR THE NEW PARTNERSHIP WEBSITE" not in text  # (the folder's README is no page)


def test_a_7z_archive_with_a_password_or_damaged_is_refused_in_one_line(tmp_path: Path) -> None:
    import py7zr

    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", password="invented") as archive:
        archive.writestr("Invented review page (test data).", "review.txt")
    refused_in_one_line(tmp_path / "locked.7z", buffer.getvalue())
    with pytest.raises(ValueError, match="password"):
        sevenzip_members(buffer.getvalue())
    refused_in_one_line(tmp_path / "cut.7z", SEVEN.read_bytes()[:200])


# ------------------------------------------------------------------------ compiled HTML help
def test_a_help_file_reads_its_pages_in_its_contents_order() -> None:
    pages = chm_pages(CHM.read_bytes())
    titles = [re.search(r"<title>(.*?)</title>", page).group(1) for page in pages]  # type: ignore[union-attr]
    assert titles == ["Welcome", "What is a serious case review?", "SCR: Child B", "SCR: Baby S",
                      "Training and resources"]


def test_lzx_frames_and_resets_decompress_to_the_compilers_input() -> None:
    """Five 32 KB frames, the LZX state reset every two: each page as chmcmd was given it,
    in the contents file's order (8 down to 1)."""
    pages = chm_pages(MULTIFRAME.read_bytes())
    numbers = [int(m.group(1)) for page in pages if (m := re.search(r"Invented page (\d)", page))]
    assert numbers == [8, 7, 6, 5, 4, 3, 2, 1]
    assert [hashlib.sha256(page.encode()).hexdigest() for page in pages] == list(MULTIFRAME_PAGES.values())


def test_a_damaged_help_file_is_refused_in_one_line(tmp_path: Path) -> None:
    data = bytearray(MULTIFRAME.read_bytes())
    refused_in_one_line(tmp_path / "cut.chm", bytes(data[:len(data) // 2]))
    data[0x48:0x50] = struct.pack("<Q", 10 ** 9)  # (its directory's offset past the end)
    refused_in_one_line(tmp_path / "moved.chm", bytes(data))


# ----------------------------------------------------------------------------- SPSS .zsav
def test_a_zsav_file_reads_as_a_sav_file_does() -> None:
    """Its cases in order, each variable under its label, coded values as their labels; a
    coder's unbracketed note on a label ("... as published") is no part of the field's name."""
    records = sav_records(ZSAV.read_bytes())
    assert len(records) == 4
    assert records[0]["Child pseudonym"] == "Child E"
    text = read_source(ZSAV).text
    assert "\nLocal authority / council area: Dundee\n" in text
    assert "Age of child: 2 years 3 months" in text


def test_a_damaged_zsav_file_is_refused_in_one_line(tmp_path: Path) -> None:
    data = ZSAV.read_bytes()
    refused_in_one_line(tmp_path / "cut.zsav", data[:len(data) - 600])


# --------------------------------------------------------------------------------- Mobipocket
def test_a_kindle_book_reads_as_its_html_with_headings_and_without_its_contents_list() -> None:
    page = mobi_html(MOBI.read_bytes())
    assert "<h1>National review</h1>" in page
    assert "<h2>National child safeguarding practice review: Harrison</h2>" in page
    assert "Table of Contents" not in read_source(MOBI).text
    assert page.count("Extended Child Practice Review CVRSB 2/2023 - Child G") == 1


def test_an_encrypted_or_huffman_compressed_book_is_refused_in_one_line(tmp_path: Path) -> None:
    data = bytearray(MOBI.read_bytes())
    record0 = struct.unpack_from(">I", data, 78)[0]
    huffman = bytearray(data)
    struct.pack_into(">H", huffman, record0, 17480)
    refused_in_one_line(tmp_path / "huffman.mobi", bytes(huffman))
    with pytest.raises(ValueError, match="Huffman"):
        mobi_html(bytes(huffman))
    locked = bytearray(data)
    struct.pack_into(">H", locked, record0 + 12, 2)
    with pytest.raises(ValueError, match="DRM"):
        mobi_html(bytes(locked))


def test_damaged_copies_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    read_or_one_line_when_damaged([PPT, SEVEN, CHM, ZSAV, MOBI, MULTIFRAME], tmp_path, seed=62, rounds=12)
