"""File types of validation57 (session 74): a Welsh board's braille edition of a review summary
(``.brf``, Braille ASCII in contracted English braille) and a news agency's photo whose IPTC
caption tells of a review (``.jpg``).  Before, the braille page was read as text (its words
contracted, its review lost) and the photo refused as a binary file: 2 of validation57's 27
reviews lost when its pages were named, and neither page read from its folder.

validation57's pages are invented test data by that set's labeller.  The braille words below
are written by hand from the rules of the code (UEB and the English Braille American Edition
that transcription tables still write), and the photos are built byte by byte here: their
captions are invented test data and say so."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.braille import brf_text, word
from casegraph.ingest.photo import photo_text
from casegraph.ingest.sources import discover, not_read, read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation57" / "pages"
BRAILLE = PAGES / "CYSUR CPR Child J summary - UEB grade 2.brf"
PHOTO = PAGES / "SOU-20240515-0031.jpg"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The braille summary is Child J's CPR in Powys; the photo's caption is Baby O's LCSPR."""
    reviews = extract_reviews([BRAILLE, PHOTO], vocab)[0]
    by_page = {Path(r.sources[0].path).name: r for r in reviews}
    assert [c.pseudonym for c in by_page[BRAILLE.name].children] == ["Child J"]
    assert by_page[BRAILLE.name].title == "Concise Child Practice Review: Child J"
    assert by_page[BRAILLE.name].area == "Powys"
    assert [(c.pseudonym, c.age_months) for c in by_page[PHOTO.name].children] == [("Baby O", 4)]
    assert by_page[PHOTO.name].publication_year == 2024


def test_a_folder_offers_the_braille_file_and_the_captioned_photo(tmp_path: Path) -> None:
    """Both are read from the set's folder, and no warning says the photo was not; a photo with
    no caption (a logo beside saved pages) is left out of a folder, said to be a photo without
    a caption, and refused in one line when named."""
    found = {p.name for p in discover([PAGES])}
    assert {BRAILLE.name, PHOTO.name} <= found
    assert not any(PHOTO.name in w for w in not_read([PAGES]))  # (it is read: no warning says not)
    logo = tmp_path / "logo.jpg"
    logo.write_bytes(_jpeg([]))
    assert list(discover([tmp_path])) == []
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 photo(s) not read, their metadata holding no caption "
                                    "(IPTC or XMP), or damaged: logo.jpg; name one on the command line to "
                                    "see why"]
    refused_in_one_line(logo, _jpeg([]))


# ------------------------------------------------------------------------------------- braille
@pytest.mark.parametrize(("cells", "text"), [
    (",* ;,j", "Child J"),  # a letter after the grade 1 indicator is itself, not "just"
    (",,cysur", "CYSUR"),  # a capitalised word
    ("rel,n%ip", "relationship"),  # "ation" inside a word; at a word's start the sign is a capital
    ("recomm5d,ns4", "recommendations."),
    ("profes.nals", "professionals"),  # "sion"
    ("au?or;y", "authority"),  # "ity"
    ('8 "f us$ cannabis e "d4', 'his father used cannabis every day.'),  # initial-letter signs
    ("_h be5", "had been"),
    ("3tact", "contact"),  # "con" at a word's start, ":" at its end
    ("review3", "review:"),
    ("h1l?", "health"),  # "ea" inside a word, "," at its end
    ("availa#", "available"),  # "ble" inside a word, the number sign at its start
    ("#bjbd", "2024"),
    ("#a4", "1."),
    (",dyf$-,p{ys", "Dyfed-Powys"),
    (")a", "with a"),  # "with" and "a" written together
    ("*n's", "children's"),  # a shortform with "'s"
    ("9juries", "injuries"),
])
def test_braille_words_read_back(cells: str, text: str) -> None:
    assert " ".join(word(w) for w in cells.split()) == text


def test_a_braille_file_reads_as_paragraphs_without_page_numbers() -> None:
    """A paragraph is its indented line and the lines after it; the braille page's number at
    its foot and the print page's number at a line's margin are no words of it; a form feed
    ends a page.  (Invented test data.)"""
    page = ("  ,test page4 ,9v5t$ data4\r\n  ,* ;,k 0 a baby4 ,! ,bo>d 6%>e  #a\r\n"
            "a brief+4\r\n\r\n" + " " * 38 + "#a\r\n\f  ,o!r =mats\r\n")
    assert brf_text(page) == ("Test page. Invented data.\n"
                              "Child K was a baby. The Board to share a briefing.\nOther formats\n")


def test_a_file_that_is_not_braille_ascii_is_refused_in_one_line(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "summary.brf", "Résumé in print, not braille\n".encode())


# --------------------------------------------------------------------------------------- photos
def _iim(datasets: list[tuple[int, bytes]]) -> bytes:
    """IPTC IIM datasets (UTF-8 declared) in a Photoshop APP13 segment's 8BIM resource."""
    iim = b"\x1c\x01\x5a\x00\x03\x1b%G" + b"".join(
        b"\x1c\x02" + bytes([n]) + struct.pack(">H", len(v)) + v for n, v in datasets)
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim + b"\x00" * (len(iim) & 1)
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def _xmp(description: str) -> bytes:
    packet = ("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/"
              "22-rdf-syntax-ns#'><rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/"
              "1.1/'><dc:description><rdf:Alt><rdf:li xml:lang='x-default'>" + description +
              "</rdf:li></rdf:Alt></dc:description><dc:subject><rdf:Bag><rdf:li>neglect</rdf:li>"
              "</rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>").encode()
    body = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def _jpeg(segments: list[bytes]) -> bytes:
    """A JPEG's markers around its metadata: start of image, JFIF, the segments, then a start
    of scan and end of image (no picture is needed: none is read)."""
    jfif = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8" + jfif + b"".join(segments) + b"\xff\xda\x00\x02\xff\xd9"


CAPTION = ("Invented test data. A learning review published by an invented board found that Child "
           "Q, aged 11, had been neglected for a long time.")


def test_a_photo_reads_as_its_caption_card() -> None:
    """IIM's headline, place, date and credit head the caption, then its keywords; XMP fills
    only what IIM lacks (its caption here repeats IIM's and is shown once)."""
    data = _jpeg([_iim([(105, b"Review finds neglect went unseen"), (90, b"Invented Town"),
                        (55, b"20240302"), (80, b"Staff Photographer"), (120, CAPTION.encode()),
                        (25, b"safeguarding"), (25, b"review")]), _xmp(CAPTION)])
    assert photo_text(data) == ("Review finds neglect went unseen\nInvented Town - 2 March 2024\n"
                                f"Staff Photographer\n\n{CAPTION}\n\nKeywords: safeguarding, review\n")


def test_a_photo_with_only_xmp_reads_too() -> None:
    assert photo_text(_jpeg([_xmp(CAPTION)])) == f"{CAPTION}\n\nKeywords: neglect\n"


def test_a_cut_or_damaged_photo_is_refused_in_one_line(tmp_path: Path) -> None:
    data = _jpeg([_iim([(120, CAPTION.encode())])])
    refused_in_one_line(tmp_path / "cut.jpg", data[:40])
    read_or_one_line_when_damaged([PHOTO, BRAILLE], tmp_path, seed=74, rounds=40)
    assert "Child Q" in read_source(_written(tmp_path / "whole.jpg", data)).text


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
