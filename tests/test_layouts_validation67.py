"""File types and layouts of validation67 (session 84): a board's practice review tracker saved
as an Excel binary workbook (``.xlsb``), an ACPC's Part 8 register kept in Lotus 1-2-3
(``.wk1``), a committee's learning hub saved from Notion's API, a practitioner guide in GNU Info
(``.info``), an LSCB sub-group's MMDF mailbox (``.mmdf``); a library's catalogue of a national
review and its bylines' years, a newspaper's "Lili's death: review finds ...", slides whose last
point follows a wrapped one, a type field that says which review the case did not meet the
criteria for.  Before, the workbook and the register were refused as binary, the hub's blocks
were read as records of "Object: block", and nine reviews were missed.

validation67's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import INVENTED_NOTE as NOTE
from support import (
    RULE_PAGE_NOTE,
    read_or_one_line_when_cut,
    read_or_one_line_when_damaged,
    refused_in_one_line,
    review_of_account,
    reviews_by_page,
    reviews_of_page,
    zipped,
)

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.interchange import info_to_text
from casegraph.ingest.office import lotus_sheets, xlsb_sheets
from casegraph.ingest.publishing import notion_html
from casegraph.ingest.sources import _wrapped_headings_joined, discover, mmdf_to_text, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation67" / "pages"
XLSB = PAGES / "cwm-taf-morgannwg-sb-practice-review-tracker-2021-24.xlsb"
WK1 = PAGES / "oldham-acpc-part8-register-1996-99.wk1"
NOTION = PAGES / "aberdeenshire-cpc-learning-hub-notion-api-blocks-2024.json"
INFO = PAGES / "west-lothian-cpc-practitioner-guide-learning-from-reviews.info"
MMDF = PAGES / "wirral-lscb-scr-subgroup-mail-2012-13.mmdf"
LIBRARY = PAGES / "pennine-knowledge-library-safeguarding-reviews-current-awareness-2025-01.html"
NEWS = PAGES / "tawe-chronicle-2024-05-22-review-lili-extended-cpr.html"
SLIDES = PAGES / "gwent-safeguarding-board-training-cpr-slides-2024.revealjs.html"
NEWSLETTER = PAGES / "sbni-safeguarding-matters-newsletter-spring-2025.weasyprint.pdf"
NEW_TYPES = [XLSB, WK1, INFO, MMDF]


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each new type's reviews, as the set's gold has them, and the reviews missed or misread
    before: the library's national review and its bylines' years, the newspaper's child, the
    second slide's learning and recommendations."""
    by_page = reviews_by_page([*NEW_TYPES, NOTION, LIBRARY, NEWS, SLIDES, NEWSLETTER], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[XLSB.name] == [["Child Efa"], ["Cai"], ["Child J", "Child K"]]
    tracker = by_page[XLSB.name]
    assert [r.area for r in tracker] == ["Rhondda Cynon Taf", "Merthyr Tydfil", "Bridgend"]
    # ("Multi-agency learning review (did not meet the criteria for a Child Practice Review)")
    assert tracker[2].review_type is not None and tracker[2].review_type.notation == "RT-MAR"
    assert [len(r.recommendations) for r in tracker] == [0, 3, 0]
    assert names[WK1.name] == [["Child Q"], ["Child R", "Child S"]]
    register = by_page[WK1.name]
    # (the lessons a continuation row holds; "Part 8 review", a serious case review of its time)
    assert len(register[0].learning) == 2 and register[0].publication_year == 1997
    assert {r.review_type.notation for r in register if r.review_type} == {"RT-SCR"}
    assert names[NOTION.name] == [["Isla"], ["Baby Finn"]]
    isla = by_page[NOTION.name][0]
    assert (len(isla.learning), len(isla.recommendations)) == (3, 4)
    assert names[INFO.name] == [["Baby Rosie"], ["Lewis"]]
    assert [len(r.learning) for r in by_page[INFO.name]] == [3, 4]
    assert names[MMDF.name] == [["Child N"], ["Child P"]]
    library = by_page[LIBRARY.name]
    assert library[0].title == "Safeguarding babies from men they do not know: a national review"
    assert library[0].review_type is not None and library[0].review_type.notation == "RT-NCSPR"
    assert [r.publication_year for r in library] == [2024, 2024, 2023]
    assert names[NEWS.name] == [["Lili"]]
    ela, f = by_page[SLIDES.name]
    assert (ela.area, f.area) == ("Newport", "Caerphilly")
    assert (len(f.learning), len(f.recommendations)) == (4, 3)
    # (a column's heading the PDF wrapped: "Case Management Review - Baby" / "Grace (...)")
    assert names[NEWSLETTER.name] == [["Ruairi"], ["Baby Grace"]]
    grace = by_page[NEWSLETTER.name][1]
    assert grace.title == "Case Management Review - Baby Grace (South Eastern Trust area)"


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {p.name for p in NEW_TYPES} <= found
    assert not_read([PAGES]) == []


# --------------------------------------------------------------------------- Excel binary (xlsb)
def _record(kind: int, body: bytes = b"") -> bytes:
    """A BIFF12 record: its type and size in 7-bit groups, then its body."""
    head = bytes([kind & 0x7F | 0x80, kind >> 7]) if kind >= 0x80 else bytes([kind])
    size, groups = len(body), []
    while True:
        groups.append(size & 0x7F | (0x80 if size > 0x7F else 0))
        size >>= 7
        if not size:
            break
    return head + bytes(groups) + body


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _xlsb(cells: list[bytes], hidden: bool = False) -> bytes:
    """An invented Excel binary workbook: one sheet of ``cells`` (records), shared strings, a
    style whose number format is a date, a hidden second sheet when asked."""
    sheets = [_record(156, struct.pack("<II", 0, 1) + _wide("rId1") + _wide("Reviews"))]
    if hidden:
        sheets.append(_record(156, struct.pack("<II", 1, 2) + _wide("rId2") + _wide("Old")))
    workbook = b"".join([_record(131), *sheets, _record(132)])
    strings = b"".join(_record(19, b"\0" + _wide(s)) for s in ("Review", "Child K", NOTE))
    styles = b"".join([_record(44, struct.pack("<H", 164) + _wide("dd/mm/yyyy")), _record(617),
                       _record(47, struct.pack("<HH", 0xFFFF, 0) + bytes(12)),
                       _record(47, struct.pack("<HH", 0xFFFF, 164) + bytes(12)), _record(618)])
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.bin" Type="worksheet"/>'
            '<Relationship Id="rId2" Target="worksheets/sheet2.bin" Type="worksheet"/></Relationships>')
    hidden_sheet = _record(0, bytes(25)) + _record(7, struct.pack("<III", 0, 0, 2))
    return zipped({"xl/workbook.bin": workbook, "xl/_rels/workbook.bin.rels": rels,
                   "xl/sharedStrings.bin": strings, "xl/styles.bin": styles,
                   "xl/worksheets/sheet1.bin": b"".join(cells), "xl/worksheets/sheet2.bin": hidden_sheet})


def _row(number: int) -> bytes:
    return _record(0, struct.pack("<I", number) + bytes(21))


_TRACKER = [_row(0), _record(7, struct.pack("<III", 0, 0, 0)), _record(18, struct.pack("<II", 0, 1)),
            _record(17, struct.pack("<I", 0) + _wide("Published")),
            _row(1), _record(7, struct.pack("<III", 0, 0, 1)),
            _record(13, struct.pack("<II", 0, (6 << 2) | 2)),  # a short RK integer: 6
            _record(5, struct.pack("<II", 3, 1) + struct.pack("<d", 45366.0)),  # column D, a date
            _row(3), _record(6, struct.pack("<II", 0, 0) + _wide(NOTE))]


def test_an_excel_binary_workbooks_cells_are_read_full_and_short(tmp_path: Path) -> None:
    """Full cell records (their column given) and SheetJS's short ones (the next column), shared
    and inline strings, RK and real numbers, a date by its style; a hidden sheet left out."""
    (sheet,) = xlsb_sheets(_xlsb(_TRACKER, hidden=True))
    assert sheet[0] == ["Review", "Child K", "Published"]
    assert sheet[1] == ["Child K", "6", "", "2024-03-15"]
    assert sheet[3] == [NOTE]
    (tmp_path / "tracker.xlsb").write_bytes(_xlsb(_TRACKER))
    assert "RECORD 1" in read_source(tmp_path / "tracker.xlsb").text


def test_an_excel_binary_workbook_damaged_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no Excel binary workbook"):
        xlsb_sheets(zipped({"xl/workbook.xml": "<workbook/>"}))
    with pytest.raises(ValueError, match=r"runs past its part's end"):
        xlsb_sheets(_xlsb([_row(0), _record(7, struct.pack("<III", 0, 0, 0))[:-3]]))
    refused_in_one_line(tmp_path / "cut.xlsb", _xlsb(_TRACKER)[:-90])


# ----------------------------------------------------------------------------- Lotus 1-2-3
def _lotus(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _cell(kind: int, column: int, row: int, value: bytes, fmt: int = 0xFF) -> bytes:
    return _lotus(kind, bytes([fmt]) + struct.pack("<HH", column, row) + value)


_REGISTER = b"".join([
    _lotus(0, struct.pack("<H", 0x0406)),
    _cell(0x0F, 0, 0, b"'" + NOTE.encode() + b"\0"),
    _cell(0x0F, 0, 2, b"'Case\0"), _cell(0x0F, 1, 2, b"^Area\0"), _cell(0x0F, 2, 2, b"\"Published\0"),
    _cell(0x0F, 3, 2, b"'Details\0"),
    _cell(0x0F, 0, 3, b"'Part 8 Review - Child K\0"), _cell(0x0F, 1, 3, b"'Testshire\0"),
    _cell(0x0E, 2, 3, struct.pack("<d", 35500.0), fmt=0xF2),  # a date in format D1
    _cell(0x0F, 3, 3, b"'Child K was a six-year-old boy who was neglected\0"),
    _cell(0x0F, 3, 4, b"'for two years.\0"),  # a continuation row
    _cell(0x0F, 3, 5, b"'Lessons: (a) visits were missed;\0"),
    _cell(0x0F, 3, 6, b"'(b) he was not seen alone.\0"),
    _cell(0x0D, 0, 7, struct.pack("<h", -3)), _cell(0x10, 1, 7, struct.pack("<d", 2.5) + b"\x02\0\x01\x03"),
    _lotus(1)])


def test_a_lotus_worksheets_cells_and_wrapped_rows_are_its_records(tmp_path: Path) -> None:
    """Labels without their alignment mark, a number in a date format as its date, an integer,
    a formula's saved value; a register's cell wrapped over the rows below is one field."""
    (sheet,) = lotus_sheets(_REGISTER)
    assert sheet[2] == ["Case", "Area", "Published", "Details"]
    assert sheet[3][:3] == ["Part 8 Review - Child K", "Testshire", "1997-03-11"]
    assert sheet[7] == ["-3", "2.5"]
    (tmp_path / "register.wk1").write_bytes(_REGISTER)
    text = read_source(tmp_path / "register.wk1").text
    assert "Details:\nChild K was a six-year-old boy who was neglected for two years.\n" \
           "Lessons: (a) visits were missed;\n(b) he was not seen alone.\n" in text
    assert text.count("RECORD ") == 2  # (the row of two numbers is a record; the wrapped rows are not)
    # (a label holding a carriage return, as a damaged copy did: a line break, not a csv error)
    (tmp_path / "returns.wk1").write_bytes(_REGISTER.replace(b"for two years.", b"for two\ryears."))
    assert "for two\nyears." in read_source(tmp_path / "returns.wk1").text


def test_a_lotus_worksheet_cut_or_of_another_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"not a Lotus 1-2-3 worksheet"):
        lotus_sheets(_lotus(0, struct.pack("<H", 0x1000)) + _lotus(1))
    with pytest.raises(ValueError, match=r"runs past its end"):
        lotus_sheets(_REGISTER[:-30])
    refused_in_one_line(tmp_path / "cut.wk1", _REGISTER[: len(_REGISTER) // 2])


# ------------------------------------------------------------------------------------- Notion
def _block(kind: str, text: str = "", **extra: object) -> dict:
    rich = [{"type": "text", "text": {"content": text}, "annotations": {"bold": False}}] if text else []
    return {"object": "block", "type": kind, kind: {"rich_text": rich, **extra}}


def test_notions_blocks_are_the_pages_headings_lists_and_tables(tmp_path: Path, vocab: Vocabulary) -> None:
    """An API response's blocks: headings by level, consecutive items one list, a bold label's
    run and a line break kept, a table's rows, a toggle's children in place."""
    label = {"object": "block", "type": "paragraph", "paragraph": {"rich_text": [
        {"plain_text": "Area:", "annotations": {"bold": True}}, {"plain_text": " Testshire\n"},
        {"plain_text": "Published:", "annotations": {"bold": True}}, {"plain_text": " 2024"}]}}
    row = {"object": "block", "type": "table_row", "table_row": {"cells": [[{"plain_text": "Type"}],
                                                                            [{"plain_text": "LCSPR"}]]}}
    blocks = [_block("heading_1", "Learning hub"), _block("paragraph", NOTE),
              _block("heading_2", "Learning Review: Child K"), label,
              _block("paragraph", ACCOUNT.split("\n")[1]), _block("paragraph", "What we learned:"),
              _block("bulleted_list_item", "Visits were missed."),
              _block("bulleted_list_item", "Nobody saw him alone."),
              {**_block("table", table_width=2), "children": [row]}, _block("divider"),
              _block("toggle", "More", children=[_block("numbered_list_item", "A hidden point.")]),
              _block("code", "print('no words')")]
    page = notion_html({"object": "list", "results": blocks, "has_more": False})
    assert page is not None
    assert "<h2>Learning Review: Child K</h2>" in page
    assert "<b>Area:</b> Testshire<br><b>Published:</b>" in page
    assert "<ul><li>Visits were missed.</li><li>Nobody saw him alone.</li></ul>" in page
    assert "<ol><li>A hidden point.</li></ol>" in page and "no words" not in page and "<hr>" in page
    assert notion_html({"object": "list", "results": [{"object": "page", "id": "x"}]}) is None
    response = json.dumps({"object": "list", "results": blocks})
    (review,) = reviews_of_page(tmp_path, "hub.json", response, vocab)
    assert review.area == "Testshire" and len(review.learning) == 2


# ---------------------------------------------------------------------------------- GNU Info
_INFO = ("This is guide.info, produced by makeinfo version 6.8 from guide.texi.\n\nCopying text.\n"
         "INFO-DIR-SECTION Guides\nSTART-INFO-DIR-ENTRY\n* Guide: (guide).\nEND-INFO-DIR-ENTRY\n\n"
         "\x1f\nFile: guide.info,  Node: Top,  Next: Child K,  Up: (dir)\n\nA guide\n*******\n\n"
         f"{NOTE}\n\n* Menu:\n\n* Child K::   The review.\n\n"
         "\x1f\nFile: guide.info,  Node: Child K,  Prev: Top,  Up: Top\n\n"
         "1.1 Local Child Safeguarding Practice Review - Child K\n"
         f"{'=' * 54}\n\n"
         "   Child K is a six-year-old boy who was neglected for two years (*note Top::).\n\n"
         "\x1f\nTag Table:\nNode: Top\x7f100\nNode: Child K\x7f300\n\x1f\nEnd Tag Table\n")


def test_a_gnu_info_files_nodes_are_its_text(tmp_path: Path) -> None:
    """The nodes' text one after another: no node lines, menus, tag table or preamble; a
    heading without its underline; a cross-reference as its words; other ``.info`` as text."""
    text = info_to_text(_INFO)
    assert text.startswith(f"A guide\n\n{NOTE}\n\n1.1 Local Child Safeguarding Practice Review - Child K\n\n")
    assert "(Top)" in text
    for chrome in ("File:", "Menu", "Tag Table", "makeinfo", "INFO-DIR", "====", "\x1f"):
        assert chrome not in text
    assert info_to_text("name = Plain notes\n") == "name = Plain notes\n"
    (tmp_path / "guide.info").write_text(_INFO)
    assert "Child K is a six-year-old boy" in read_source(tmp_path / "guide.info").text


# -------------------------------------------------------------------------------------- MMDF
_DELIMITER = "\x01\x01\x01\x01\n"
_MAILBOX = (f"{_DELIMITER}From unit@example.org Wed Mar  6 10:12:00 2013\n"
            "From: Business Unit <unit@example.org>\n"
            "Subject: Child K summary\nDate: Wed, 06 Mar 2013 10:12:00 +0000\n\n"
            f"{ACCOUNT}\n{_DELIMITER}{_DELIMITER}From: Business Unit <unit@example.org>\nSubject: Next\n\n"
            f"> quoted line\nThe panel met.\n{_DELIMITER}")


def test_an_mmdf_mailboxs_messages_are_read_apart(tmp_path: Path) -> None:
    """Each message between its delimiters, without its envelope line, read as a mailbox's; a
    reply's quoted lines left out; a mailbox cut before a closing delimiter refused."""
    text = mmdf_to_text(_MAILBOX)
    assert text.startswith("From: Business Unit <unit@example.org>\nSubject: Child K summary\n")
    assert ACCOUNT in text and "The panel met." in text
    assert "> quoted" not in text and "\x01" not in text and "Wed Mar  6" not in text
    with pytest.raises(ValueError, match=r"cut short"):
        mmdf_to_text(_MAILBOX[:-len(_DELIMITER)])
    with pytest.raises(ValueError, match=r"no messages"):
        mmdf_to_text(ACCOUNT)
    refused_in_one_line(tmp_path / "cut.mmdf", _MAILBOX[:-len(_DELIMITER)].encode())


# ----------------------------------------------------------------------------- the set's rules
def test_a_catalogues_national_review_and_its_bylines_year(tmp_path: Path, vocab: Vocabulary) -> None:
    """A library's title "...: a national review" heads the review; a byline of fields between
    dots gives its year, not the page's month of new records."""
    page = (f"January 2026 | Testshire Library\n\n{RULE_PAGE_NOTE}\n\n"
            "Keeping babies safe: a national review\n\n"
            "Child Safeguarding Practice Review Panel · National review · 2024 · 64 pages\n\n"
            "This national review looked at 21 babies who were seriously harmed by physical abuse.\n\n"
            "Local Child Safeguarding Practice Review: Child K\n\n"
            "Testshire Safeguarding Children Partnership · Testshire · England · 2023 · 38 pages\n\n"
            "Child K is a six-year-old boy who was neglected for two years.\n")
    national, local = reviews_of_page(tmp_path, "library.txt", page, vocab)
    assert national.title == "Keeping babies safe: a national review"
    assert national.review_type is not None and national.review_type.notation == "RT-NCSPR"
    assert (national.publication_year, local.publication_year) == (2024, 2023)


def test_a_headline_on_a_childs_death_names_her(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Four-year-old Mia's death: review finds ..." over the article: the headline is its title,
    the child the one the headline names in the possessive."""
    page = ("Testshire Gazette\n\nFour-year-old Mia's death: review finds warning signs were missed\n\n"
            f"{RULE_PAGE_NOTE}\n\n"
            "A four-year-old girl who died from head injuries could have been protected, a child practice "
            "review published today has found. Mia died in hospital in January 2022. Mia had been seen "
            "by the health visitor. Mia's nursery described her as happy.\n")
    (review,) = reviews_of_page(tmp_path, "news.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Mia"]


def test_a_slides_last_point_after_a_wrapped_one_is_no_heading(tmp_path: Path, vocab: Vocabulary) -> None:
    """A point wrapped onto the next line, then the slide's last point alone: that point is the
    slide's, and the review's learning and recommendations after it are still its own; its facts
    point, "• Area: ... | Published: ...", gives the review's area."""
    page = (f"{RULE_PAGE_NOTE}\n\nExtended Child Practice Review - Child K\n\nWhat happened\n\n"
            "• Area: Caerphilly | Published: January 2024\n\n"
            "• Child K, a 6-year-old boy, was neglected for two years by his parents, who did not\n"
            "take him to school\n\n• No sexual abuse was found\n\nWhat we learned\n\n"
            "• Visits were missed\n\n• Nobody saw him alone\n\n"
            "Recommendations\n\n• Schools to record absences\n")
    (review,) = reviews_of_page(tmp_path, "slides.txt", page, vocab)
    assert review.area == "Caerphilly"
    assert (len(review.learning), len(review.recommendations)) == (2, 1)


def test_a_type_field_names_the_type_the_case_did_not_meet_and_a_response_note(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Local learning review (did not meet the criteria for an LCSPR)" is a multi-agency
    review; "...; the partnership's response is published separately" is no recommendation."""
    account = ("Review type: Local learning review (did not meet the criteria for an LCSPR)\n\n"
               "Child K is a six-year-old boy who was neglected for two years.\n\nRecommendations\n\n"
               "The review made 6 recommendations; the partnership's response is published separately.\n")
    review = review_of_account(tmp_path, vocab, "Child K", account)
    assert review.review_type is not None and review.review_type.notation == "RT-MAR"
    assert review.recommendations == []


def test_a_pdfs_heading_wrapped_alone_between_blank_lines_is_one_line() -> None:
    """Only a heading's first line that cannot end, over a second in capitals with no full stop,
    alone between blank lines; a paragraph's lines stay as the layout has them."""
    text = ("Learning\n\nCase Management Review - Baby\nGrace (Testshire Trust area)\n\nPublished: 2025\n\n"
            "The review was shared with the\nBoard in 2025.\n\nA line that ends well\nOver another\n")
    assert _wrapped_headings_joined(text).split("\n\n") == [
        "Learning", "Case Management Review - Baby Grace (Testshire Trust area)", "Published: 2025",
        "The review was shared with the\nBoard in 2025.", "A line that ends well\nOver another\n"]


# ------------------------------------------------------------------------------------ damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"tracker.xlsb": _xlsb(_TRACKER), "register.wk1": _REGISTER, "guide.info": _INFO.encode(),
             "mail.mmdf": _MAILBOX.encode()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=84, rounds=30)
    read_or_one_line_when_damaged(NEW_TYPES, tmp_path, seed=84, rounds=6)
    cut = [*small.items(), (XLSB.name, XLSB.read_bytes()), (WK1.name, WK1.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)
