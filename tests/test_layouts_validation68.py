"""File types and layouts of validation68 (session 85): a learning event's flipchart photographed
as a HEIC image (``.heic``), a poster's Photoshop master (``.psd``), an off-air news item kept as
a Windows TV recording (``.wtv``), a practice library's page from Sphinx's JSON builder
(``.fjson``), a reading list in Emacs Muse (``.muse``); a w3m dump of a table whose two cells,
"Learning" and "Recommendations", stand side by side; a WeasyPrint digest whose headings stand
in the page's margin; a news archive's record of two case management reviews with no blank line
between them; a photo card's byline ending in "Committee" over the review's name.  Before, the
three binary files were refused (the HEIC read as a damaged MP4), the library page was headed
"Rellinks", and four reviews were missed.

validation68's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import INVENTED_NOTE as NOTE
from support import (
    read_or_one_line_when_cut,
    read_or_one_line_when_damaged,
    refused_in_one_line,
    reviews_by_page,
    reviews_of_page,
)

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.columns import columns_as_text
from casegraph.ingest.media import wtv_text
from casegraph.ingest.photo import heic_text, psd_text
from casegraph.ingest.publishing import sphinx_json_html
from casegraph.ingest.sources import discover, muse_to_text, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation68" / "pages"
HEIC = PAGES / "borders-cpc-learning-event-2024-flipchart-child-k.heic"
PSD = PAGES / "gwent-board-cpr-child-c-poster-master.psd"
WTV = PAGES / "ni-evening-news-2019-06-04-cmr-item-offair.wtv"
FJSON = PAGES / "norfolk-practice-library-published-reviews-2021-2023.fjson"
MUSE = PAGES / "riverside-practice-library-reading-list-infants.muse"
W3M = PAGES / "mid-north-wales-cpr-summaries-text-only-w3m.txt"
DIGEST = PAGES / "north-scotland-learning-review-digest-2023-weasyprint.pdf"
NEW_TYPES = [HEIC, PSD, WTV, FJSON, MUSE]


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each new type's reviews, as the set's gold has them, and the reviews missed or misread
    before: the recording's second review, the digest's first, the side-by-side learning."""
    by_page = reviews_by_page([*NEW_TYPES, W3M, DIGEST], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[HEIC.name] == [["Child K"]]
    assert by_page[HEIC.name][0].title == "Learning Review - Child K (Scottish Borders, 2024)"
    assert len(by_page[HEIC.name][0].learning) == 3
    assert names[PSD.name] == [["Child C"]]
    assert names[WTV.name] == [["Baby N"], ["Child J"]]
    assert [r.area for r in by_page[WTV.name]] == ["Northern Area", "South Eastern Area"]
    assert names[FJSON.name] == [["Baby Isla"], ["Child W"], ["Ruby", "Jack"]]
    assert names[MUSE.name] == [["Noah", "Theo"], ["Baby Efa"]]
    child_b, cai = by_page[W3M.name]
    assert (len(child_b.learning), len(child_b.recommendations)) == (3, 3)
    assert (len(cai.learning), len(cai.recommendations)) == (2, 0)
    assert names[DIGEST.name] == [["Child P"], ["Jodie"]]
    assert [r.area for r in by_page[DIGEST.name]] == ["Highland", "Aberdeen City"]


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {p.name for p in NEW_TYPES} <= found
    assert not_read([PAGES]) == []


# ------------------------------------------------------------------------------------- HEIC
def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def _xmp(description: str, title: str = "Flipchart: Child K") -> bytes:
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li>'
            f'{title}</rdf:li></rdf:Alt></dc:title><dc:description><rdf:Alt><rdf:li>{description}'
            '</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>').encode()


def _heic(xmp: bytes | None) -> bytes:
    """An invented HEIC image as a phone writes one: ftyp (heic, mif1), a meta box listing the
    picture item (1) and an XMP item (2), both located in the mdat after it (method 0)."""
    infe = [_box(b"infe", b"\x02\x00\x00\x00" + struct.pack(">HH", 1, 0) + b"hvc1Image\x00")]
    if xmp is not None:
        infe.append(_box(b"infe", b"\x02\x00\x00\x00" + struct.pack(">HH", 2, 0)
                         + b"mimeXMP\x00application/rdf+xml\x00"))
    iinf = _box(b"iinf", b"\x00\x00\x00\x00" + struct.pack(">H", len(infe)) + b"".join(infe))
    ftyp = _box(b"ftyp", b"heic\x00\x00\x00\x00mif1heicmiaf")
    picture = b"\x00\x00\x00\x02\x26\x01"

    def meta_with(mdat_at: int) -> bytes:
        items = [(1, mdat_at + 8, len(picture))]
        if xmp is not None:
            items.append((2, mdat_at + 8 + len(picture), len(xmp)))
        iloc = b"\x01\x00\x00\x00" + bytes([0x44, 0x00]) + struct.pack(">H", len(items)) + b"".join(
            struct.pack(">HHHHII", item, 0, 0, 1, offset, length) for item, offset, length in items)
        return _box(b"meta", b"\x00\x00\x00\x00" + _box(b"hdlr", bytes(8) + b"pict" + bytes(13)) + iinf
                    + _box(b"iloc", iloc))

    at = len(ftyp) + len(meta_with(0))
    return ftyp + meta_with(at) + _box(b"mdat", picture + (xmp or b""))


def test_a_heics_xmp_item_is_its_caption_card(tmp_path: Path) -> None:
    """The XMP item, where its location says, is read: its title heads the card, its description
    is the text.  Named with a suffix casegraph does not know, it is still a HEIC (it was "a
    damaged MP4": the same ftyp box opens both)."""
    text = heic_text(_heic(_xmp(ACCOUNT)))
    assert text.splitlines()[0] == "Flipchart: Child K" and "six-year-old boy" in text
    (tmp_path / "flipchart.image").write_bytes(_heic(_xmp(ACCOUNT)))
    assert "six-year-old boy" in read_source(tmp_path / "flipchart.image").text
    with pytest.raises(ValueError, match=r"not an HEIC image"):
        heic_text(_box(b"ftyp", b"isom\x00\x00\x00\x00isommp41") + bytes(32))


def test_a_heic_without_a_description_is_left_out_and_refused(tmp_path: Path) -> None:
    (tmp_path / "photo.heic").write_bytes(_heic(None))
    assert list(discover([tmp_path])) == []
    refused_in_one_line(tmp_path / "photo.heic", _heic(None))
    refused_in_one_line(tmp_path / "cut.heic", _heic(_xmp(ACCOUNT))[:-40])


# --------------------------------------------------------------------------------- Photoshop
def _iim(number: int, value: str) -> bytes:
    raw = value.encode()
    return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(raw)) + raw


def _resource(rid: int, body: bytes, name: bytes = b"") -> bytes:
    pascal = bytes([len(name)]) + name
    pascal += b"\0" * (len(pascal) % 2)
    padded = body + b"\0" * (len(body) % 2)
    return b"8BIM" + struct.pack(">H", rid) + pascal + struct.pack(">I", len(body)) + padded


def _psd(resources: list[bytes]) -> bytes:
    """An invented Photoshop document: its header (version 1, three channels, 8 bits, RGB), no
    colour mode data, the image resources (a thumbnail's stand-in first), no layers, then a raw
    picture of a single pixel."""
    header = b"8BPS" + struct.pack(">H", 1) + bytes(6) + struct.pack(">HIIHH", 3, 1, 1, 8, 3)
    section = b"".join([_resource(0x040C, bytes(301)), *resources])
    return header + struct.pack(">I", 0) + struct.pack(">I", len(section)) + section \
        + struct.pack(">I", 0) + struct.pack(">H", 0) + b"\x80\x40\x20"


def test_a_photoshop_documents_iptc_and_xmp_are_its_caption_card(tmp_path: Path) -> None:
    """The IPTC datasets (resource 0x0404) head and caption the card, past a thumbnail's bytes
    and a named resource; XMP (0x0424) fills what IPTC lacks; the file is known by its bytes."""
    iptc = _iim(5, "Poster: Child K") + _iim(120, ACCOUNT)
    document = _psd([_resource(0x0404, iptc, b"IPTC"), _resource(0x0424, _xmp("Another caption."))])
    text = psd_text(document)
    assert text.splitlines()[0] == "Poster: Child K" and "six-year-old boy" in text
    assert "Another caption" not in text
    assert "Flipchart: Child K" in psd_text(_psd([_resource(0x0424, _xmp(ACCOUNT))]))
    (tmp_path / "poster.master").write_bytes(document)
    assert "six-year-old boy" in read_source(tmp_path / "poster.master").text


def test_a_photoshop_document_uncaptioned_or_cut_is_left_out_and_refused(tmp_path: Path) -> None:
    (tmp_path / "plain.psd").write_bytes(_psd([]))
    assert list(discover([tmp_path])) == []
    refused_in_one_line(tmp_path / "plain.psd", _psd([]))
    whole = _psd([_resource(0x0404, _iim(120, ACCOUNT))])
    with pytest.raises(ValueError, match=r"image resources cut short"):
        psd_text(whole[:200])
    refused_in_one_line(tmp_path / "cut.psd", whole[:200])


# ------------------------------------------------------------------------------ Windows TV
_WTV_MAGIC = bytes.fromhex("b7d800203749da11a64e0007e95ead8d")
_DIR_ENTRY = bytes.fromhex("92b774915970704488df063b82cc213d")
_ATTRIBUTE = bytes.fromhex("5afed76dc81d8f4a9922fab11c381453")


def _attribute(name: str, value: str | bytes, kind: int = 1) -> bytes:
    raw = (value + "\0").encode("utf-16-le") if isinstance(value, str) else value
    return _ATTRIBUTE + struct.pack("<II", kind, len(raw)) + (name + "\0").encode("utf-16-le") + raw


def _wtv(attributes: bytes, depth: int = 0) -> bytes:
    """An invented Windows TV recording: the header (the root directory's size at 0x30, its
    sector at 0x38), the root directory in sector 1 naming the attributes file, then that file
    (in sector 2, or listed by a sector table in sector 2 when ``depth`` is 1)."""
    name = "table.0.entries.legacy_attrib".encode("utf-16-le")
    first = 2
    sizes = struct.pack("<H6xQI4x", 48 + len(name), (1 << 63) | len(attributes), len(name) // 2)
    entry = _DIR_ENTRY + sizes + name + struct.pack("<II", first, depth)
    header = _WTV_MAGIC + bytes(0x20) + struct.pack("<II", len(entry), 0) + struct.pack("<I", 1)
    header = header.ljust(4096, b"\0")
    sectors = [attributes.ljust(4096, b"\0")]
    if depth == 1:
        sectors = [struct.pack("<I", 3).ljust(4096, b"\0"), attributes.ljust(4096, b"\0")]
    return header + entry.ljust(4096, b"\0") + b"".join(sectors)


_ITEM = (_attribute("Title", "News item: Child K") + _attribute("WM/MediaThumbType", b"\x01\0\0\0", 0)
         + _attribute("Description", ACCOUNT) + bytes(24))


def test_a_windows_tv_recordings_attributes_are_its_page(tmp_path: Path) -> None:
    """Its root directory is searched for the attributes file, whose string attributes give the
    title and the description; a number among them is passed over; a file behind a sector table
    is read too; the file is known by its bytes."""
    text = wtv_text(_wtv(_ITEM))
    assert text.splitlines()[0] == "News item: Child K" and "six-year-old boy" in text
    assert wtv_text(_wtv(_ITEM, depth=1)) == text
    (tmp_path / "item.recording").write_bytes(_wtv(_ITEM))
    assert "six-year-old boy" in read_source(tmp_path / "item.recording").text


def test_a_windows_tv_recording_undescribed_or_cut_is_left_out_and_refused(tmp_path: Path) -> None:
    untitled = _wtv(_attribute("Title", "Off-air capture") + bytes(24))
    (tmp_path / "capture.wtv").write_bytes(untitled)
    assert list(discover([tmp_path])) == []
    refused_in_one_line(tmp_path / "capture.wtv", untitled)
    with pytest.raises(ValueError, match=r"cut short"):
        wtv_text(_wtv(_ITEM)[:8300])
    refused_in_one_line(tmp_path / "cut.wtv", _wtv(_ITEM)[:6000])


# ------------------------------------------------------------------------ Sphinx JSON, Muse
_SPHINX = {"parents": [], "prev": {"link": "../", "title": "Library"}, "next": None, "title": "Reviews",
           "body": f"<section><h1>Reviews</h1><p>{NOTE}</p><section><h2>Local Child Safeguarding Practice "
                   "Review: Child K</h2><p>Child K is a six-year-old boy who was neglected for two years.</p>"
                   "</section></section>",
           "rellinks": [["genindex", "General Index", "I", "index"]], "sourcename": "reviews.rst.txt",
           "current_page_name": "reviews", "sidebars": ["about.html"], "toc": "<ul><li>Reviews</li></ul>"}


def test_a_sphinx_json_page_is_its_body(tmp_path: Path, vocab: Vocabulary) -> None:
    """The body (its own heading kept, or the title over it when it has none); the theme's
    context (neighbours, sidebars, source name, contents) is no part of the page."""
    page = sphinx_json_html(_SPHINX)
    assert page is not None and page.count("<h1>") == 1
    assert "rellinks" not in page.lower() and "genindex" not in page and "about.html" not in page
    untitled = sphinx_json_html({**_SPHINX, "body": "<p>Text.</p>"})
    assert untitled is not None and "<h1>Reviews</h1>" in untitled
    assert sphinx_json_html({"title": "x", "body": "<p>y</p>"}) is None  # (no page name: not Sphinx's)
    (review,) = reviews_of_page(tmp_path, "reviews.fjson", json.dumps(_SPHINX), vocab)
    assert [c.pseudonym for c in review.children] == ["Child K"]
    assert "Rellinks" not in read_source(tmp_path / "reviews.fjson").text


_MUSE = (f"#title Reading list\n#author Testshire Library\n#notes {NOTE[:40]}\n{NOTE[40:]}\n\n"
         "; a comment the page does not show\n\n"
         "** Local Child Safeguarding Practice Review: Child K\n\n"
         "*Testshire Partnership, published\n2024.*\n\n"
         "Child K is a six-year-old boy who was neglected for two years. See\n"
         "[[https://example.org/k][the full report]] and [[https://example.org/l]].\n\n"
         "<example>\nshelf 362.7\n</example>\n")


def test_an_emacs_muse_page_reads_as_it_publishes() -> None:
    """The title first, its author and notes (running on) under it; a starred heading a heading;
    emphasis wrapped over two lines undone; links as their words; comments and block tags gone."""
    text = muse_to_text(_MUSE)
    lines = [ln for ln in text.splitlines() if ln]
    assert lines[:3] == ["Reading list", "Testshire Library", NOTE]
    assert "Local Child Safeguarding Practice Review: Child K" in lines
    assert "Testshire Partnership, published" in lines and "2024." in lines
    assert "the full report and https://example.org/l." in text
    for chrome in ("#title", "; a comment", "<example>", "**", "[["):
        assert chrome not in text


# --------------------------------------------------------------------------------- layouts
def test_a_tables_two_labelled_cells_side_by_side_are_read_one_after_the_other() -> None:
    """A w3m dump's "Learning | Recommendations" row: every row below parts at the second
    label's column, even where the left cell's text comes within one space of it; the table
    ends at the rule across the page."""
    text = ("Learning                                Recommendations\n\n"
            "  • Visits were missed because the      1. The Partnership to audit visits.\n"
            "    family moved twice.                 2. Schools to share attendance.\n"
            "  • Harmful sexual behaviour by a child Six recommendations in all; see the\n"
            "    needs a joint response.             full report.\n\n"
            "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n")
    lines = columns_as_text(text).split("\n")
    assert lines[:6] == ["Learning", "", "  • Visits were missed because the", "    family moved twice.",
                         "  • Harmful sexual behaviour by a child", "    needs a joint response."]
    right = lines[lines.index("Recommendations"):]
    assert right[1:5] == ["1. The Partnership to audit visits.", "2. Schools to share attendance.",
                          "Six recommendations in all; see the", "full report."]
    assert [ln for ln in right[5:] if ln] == ["━" * 80]


def test_headings_in_the_margin_stand_over_their_columns_text() -> None:
    """A WeasyPrint digest's heading in the margin, wrapped over two lines beside its column:
    one line over the column's; a table's labels, a timeline's dates (each one line beside its
    text) stay as laid out."""
    column = " " * 38
    digest = (" Significant Case" + " " * 22 + "Testshire Committee · published 2018\n"
              " Review: Child K\n"
              f"{column} Child K, aged five, was neglected over two\n{column} years by his parents.\n\n"
              f"{column} Learning\n\n{column}      • Concerns were never brought together.\n"
              f"{column}      • The case was closed too soon.\n")
    lines = [ln for ln in columns_as_text(digest).split("\n") if ln]
    assert lines[:4] == ["Significant Case Review: Child K", "Testshire Committee · published 2018",
                         "Child K, aged five, was neglected over two", "years by his parents."]
    timeline = "".join(f" March 201{n}" + " " * 26 + f"Event {n} happened to the child in the\n"
                       f"{column} family home that month.\n" for n in range(5))
    assert columns_as_text(timeline) == timeline


def test_two_reviews_by_their_full_type_with_no_blank_line_between(tmp_path: Path, vocab: Vocabulary) -> None:
    """A record's description of two case management reviews, each headed "Case Management
    Review - Child K (Area, year)", line after line: two reviews.  A heading whose name part
    goes on past the child ("... - Child K: Board webcast (2007)") heads none."""
    page = (f"{NOTE}\nCase Management Review - Child K (Testshire Area, 2019)\nChild K, a six-year-old boy, "
            "was neglected for two years.\nCase Management Review - Child L (Northern Area, 2019)\n"
            "Child L, a 16-year-old girl, was sexually exploited.\n")
    reviews = reviews_of_page(tmp_path, "item.txt", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Child K"], ["Child L"]]
    webcast = (f"{NOTE}\nSerious Case Review - Child K: Board learning webcast (April 2007)\n"
               "Case Management Review - Child K (Testshire Area, 2019)\n"
               "Child K, a six-year-old boy, was neglected for two years.\n")
    assert [r.title for r in reviews_of_page(tmp_path, "webcast.txt", webcast, vocab)] == [
        "Case Management Review - Child K (Testshire Area, 2019)"]


def test_a_cards_byline_ending_in_a_bodys_noun_is_no_childs_name(tmp_path: Path, vocab: Vocabulary) -> None:
    """A photo card's byline, "Testshire Child Protection Committee", over the review's name
    (which names the place again, and a year): the byline is no child's name line."""
    page = (f"Flipchart: Child K\nTestshire Child Protection Committee\n\n"
            "Learning Review - Child K (Testshire, 2024)\n"
            "Child K, a 14-year-old girl, took an overdose in May 2023.\n"
            f"What we learned:\n- Missing episodes need a return interview.\n{NOTE}\n")
    (review,) = reviews_of_page(tmp_path, "card.txt", page, vocab)
    assert review.title == "Learning Review - Child K (Testshire, 2024)"


# ------------------------------------------------------------------------------------ damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"flipchart.heic": _heic(_xmp(ACCOUNT)),
             "poster.psd": _psd([_resource(0x0404, _iim(120, ACCOUNT)), _resource(0x0424, _xmp(ACCOUNT))]),
             "item.wtv": _wtv(_ITEM, depth=1), "reviews.fjson": json.dumps(_SPHINX).encode(),
             "list.muse": _MUSE.encode()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=85, rounds=30)
    read_or_one_line_when_damaged(NEW_TYPES, tmp_path, seed=85, rounds=6)
    cut = [*small.items(), (HEIC.name, HEIC.read_bytes()), (WTV.name, WTV.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)
