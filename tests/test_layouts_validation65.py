"""File types and layouts of validation65 (session 82): a library's Psion e-text of old Part 8
summaries (``.tcr``), an ACPC's WAP deck (``.wml``), a "learning on a page" Windows Metafile
(``.wmf``), a learning film's MXF master whose notes are its user comments (``.mxf``), a
business unit's Emacs Rmail archive (``.babyl``); a Contentful Delivery API response, a news
article that names its child only in its standfirst, a seven-minute briefing whose part says
"THE REVIEW MADE THREE RECOMMENDATIONS:", a library's list headed "National review: <theme>".
Before, the e-text, the metafile and the master were refused as binary, the deck and the mail
archive read as their raw text, and four reviews were missed.

validation65's pages are invented test data by that set's labeller.  The files built here, byte
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
from casegraph.ingest.document import area_of_body
from casegraph.ingest.interchange import wmf_html
from casegraph.ingest.media import mxf_text
from casegraph.ingest.packages import tcr_text
from casegraph.ingest.sources import babyl_to_text, discover, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation65" / "pages"
TCR = PAGES / "ardlow-library-part8-summaries-2001-psion-etext.tcr"
WML = PAGES / "conwy-denbighshire-acpc-wap-news-2004-part8-archive.wml"
WMF = PAGES / "northern-acpc-cmr-learning-on-a-page-2007-archive.wmf"
MXF = PAGES / "renfrewshire-cpc-learning-film-master-lr-ivy-2023.mxf"
BABYL = PAGES / "stockton-lscb-business-unit-rmail-2009-10-archive.babyl"
BRIEFING = PAGES / "dundee-cpc-7-minute-briefing-learning-review-baby-nell.txt"
LIBRARY = PAGES / "knowledge-library-new-additions-case-reviews-2024-11.html"
NEWS = PAGES / "loughshore-courier-2024-03-14-review-aoife-missed-chances.html"
CMS = PAGES / "sbni-learning-hub-cmr-summaries.contentful.json"
REPORT = PAGES / "angus-cpc-annual-report-2023-24-section-5-learning-reviews.txt"
NEW_TYPES = [TCR, WML, WMF, MXF, BABYL]


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each new type's reviews, and the four reviews missed before: the briefing's, the
    library's national review, the news article's, and the one a wrongly taken part hid."""
    by_page = reviews_by_page([*NEW_TYPES, BRIEFING, LIBRARY, NEWS, CMS, REPORT], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[TCR.name] == [["Child K"], ["Child P"]]
    assert len(by_page[TCR.name][1].learning) == 1  # (its one "Lesson: ...")
    assert names[WML.name] == [["Child R"], ["Child S"]]
    assert names[WMF.name] == [["Baby Orla"], ["Ciaran"]]
    assert len(by_page[WMF.name][0].learning) == 3  # (each "• " drawn apart from its item)
    assert names[MXF.name] == [["Ivy"]]
    assert names[BABYL.name] == [["Child T"], ["Jamal"]]
    # (each message's review: the next message's header is not Child T's; "Published to
    # partners: March 2010" is Jamal's date; "Thanks," and its signature are no learning)
    assert [r.publication_year for r in by_page[BABYL.name]] == [2009, 2010]
    assert len(by_page[BABYL.name][1].learning) == 2
    nell = by_page[BRIEFING.name]
    assert [r.title for r in nell] == ["Learning Review: Baby Nell"]
    assert (nell[0].area, len(nell[0].recommendations)) == ("Dundee", 3)
    assert by_page[LIBRARY.name][0].title == \
        "National review: children sexually abused by adults they met through online games"
    assert names[NEWS.name] == [["Aoife"]]
    assert [(r.incident_year, r.incident_month) for r in by_page[CMS.name]] == [(2022, 12), (2022, 8)]
    assert by_page[CMS.name][0].keywords == []  # (its "metadata.tags" are the CMS's links)
    assert by_page[REPORT.name][0].area == "Angus"  # (not "Police Scotland and Angus")


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {p.name for p in NEW_TYPES} <= found
    assert not_read([PAGES]) == []


# ----------------------------------------------------------------------------- Psion TCR e-text
def _tcr(text: bytes, pairs: tuple[bytes, ...] = (b"th", b"e ", b"re")) -> bytes:
    """An invented TCR e-text: "!!8-Bit!!", 256 dictionary entries (a few pairs of letters,
    then every single byte), then the text as entry numbers, a pair where one matches."""
    entries = list(pairs) + [bytes([b]) for b in range(256 - len(pairs))]
    head = b"!!8-Bit!!" + b"".join(bytes([len(e)]) + e for e in entries)
    body, at = bytearray(), 0
    while at < len(text):
        pair = text[at:at + 2]
        if pair in pairs:
            body.append(pairs.index(pair))
            at += 2
        else:
            body.append(len(pairs) + text[at])
            at += 1
    return head + bytes(body)


def test_a_tcr_etexts_entries_joined_are_its_text(tmp_path: Path) -> None:
    """Pairs and single letters from the dictionary give the text back, UTF-8 or not."""
    assert tcr_text(_tcr(ACCOUNT.encode())) == ACCOUNT
    assert tcr_text(_tcr("Ceredigion – 2001".encode("cp1252"))) == "Ceredigion – 2001"
    (tmp_path / "summaries.tcr").write_bytes(_tcr(ACCOUNT.encode()))
    assert "Child K is a six-year-old boy" in read_source(tmp_path / "summaries.tcr").text


def test_a_tcr_etext_cut_in_its_dictionary_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"dictionary is cut at entry \d+"):
        tcr_text(_tcr(ACCOUNT.encode())[:200])
    refused_in_one_line(tmp_path / "cut.tcr", _tcr(ACCOUNT.encode())[:200])
    # (its size is counted before it is joined: every byte an entry of 255 bytes)
    bomb = b"!!8-Bit!!" + (b"\xff" + b"x" * 255) * 256 + b"\0" * 300_000
    with pytest.raises(ValueError, match=r"unpacks to more than \d+ MB"):
        tcr_text(bomb)


# --------------------------------------------------------------------------- Windows Metafile
def _record(function: int, body: bytes) -> bytes:
    """A WMF record: its size in 16-bit words (itself included), its function, its body."""
    body += b"\0" * (len(body) & 1)
    return struct.pack("<IH", 3 + len(body) // 2, function) + body


def _font(height: int, weight: int) -> bytes:
    return _record(0x02FB, struct.pack("<hhhhh", -height, 0, 0, 0, weight) + bytes(8) + b"Arial\0")


def _text(x: int, y: int, words: str) -> bytes:
    raw = words.encode("cp1252")
    return _record(0x0A32, struct.pack("<hhhH", y, x, len(raw), 0) + raw)


def _wmf(*records: bytes, end: bool = True) -> bytes:
    """An invented placeable metafile: the Aldus header, the WMF header, ``records``, the end."""
    head = b"\xd7\xcd\xc6\x9a" + bytes(18)
    header = struct.pack("<HHHIHIH", 1, 9, 0x300, 0, 2, 0, 0)
    return head + header + b"".join(records) + (_record(0, b"") if end else b"")


def test_a_windows_metafiles_texts_are_its_paragraphs(tmp_path: Path) -> None:
    """A run of lines in one font at one left edge is one paragraph; a bullet drawn on its own
    opens the item drawn beside it; a pen made between fonts takes its slot in the table."""
    data = _wmf(_font(280, 700), _record(0x012D, b"\0\0"),
                _text(100, 100, "Case Management Review – Child K"),
                _record(0x02FA, bytes(10)), _font(200, 400), _record(0x012D, b"\2\0"),
                _text(100, 400, "Child K is a six-year-old boy who was"),
                _text(100, 600, "neglected for two years."),
                _text(100, 1200, "• "), _text(300, 1200, "Visits were missed."),
                _text(100, 1800, NOTE))
    paragraphs = wmf_html(data).split("\n")
    assert paragraphs == ["<p>Case Management Review – Child K</p>",
                          "<p>Child K is a six-year-old boy who was neglected for two years.</p>",
                          "<p>• Visits were missed.</p>", f"<p>{NOTE}</p>"]
    (tmp_path / "poster.wmf").write_bytes(data)
    assert "Case Management Review – Child K\n" in read_source(tmp_path / "poster.wmf").text


def test_a_windows_metafile_cut_or_without_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"ends before its end record"):
        wmf_html(_wmf(_text(100, 100, ACCOUNT), end=False))
    with pytest.raises(ValueError, match=r"draws no text"):
        wmf_html(_wmf(_record(0x02FA, bytes(10))))
    refused_in_one_line(tmp_path / "cut.wmf", _wmf(_text(100, 100, ACCOUNT))[:-20])


# ------------------------------------------------------------------------------------ MXF master
_UTF16_LE = b"\x4c\x00\x02\x10\x01\x00\x00\x00\x00\x06\x0e\x2b\x34\x01\x04\x01\x01"


def _klv(key: bytes, value: bytes) -> bytes:
    """A KLV packet, its length in BER's long form (four bytes), as MXF writers give it."""
    return key + b"\x83" + len(value).to_bytes(3, "big") + value


def _comment(name: str, value: str) -> bytes:
    """A TaggedValue set: its instance id, its name (UTF-16 big-endian), its indirect value."""
    local = [(0x3C0A, bytes(16)), (0x5001, name.encode("utf-16-be")),
             (0x5003, _UTF16_LE + value.encode("utf-16-le"))]
    body = b"".join(struct.pack(">HH", tag, len(raw)) + raw for tag, raw in local)
    return _klv(bytes.fromhex("060e2b34025301010d01010101013f00"), body)


def _mxf(**comments: str) -> bytes:
    """An invented MXF file: a header partition pack giving its metadata's size, the comments,
    then a body of "essence" (a KLV of zeros) that is never read."""
    metadata = b"".join(_comment(name, value) for name, value in comments.items())
    pack = struct.pack(">HHI", 1, 3, 512) + bytes(24) + struct.pack(">Q", len(metadata)) + bytes(40)
    essence = _klv(bytes.fromhex("060e2b34010201010d01030115010501"), bytes(4000))
    return _klv(bytes.fromhex("060e2b34020501010d01020101020400"), pack) + metadata + essence


def test_an_mxf_masters_user_comments_are_its_notes(tmp_path: Path) -> None:
    """The programme and producer head the page, the description is the notes; a notice and a
    contact are not shown."""
    data = _mxf(Programme="Episode 3", Producer="Testshire CPC", Notice=NOTE, Description=ACCOUNT,
                Contact="learning@example.invalid")
    assert mxf_text(data) == f"Episode 3\nTestshire CPC\n\n{ACCOUNT}\n"
    (tmp_path / "film.mxf").write_bytes(data)
    assert ACCOUNT in read_source(tmp_path / "film.mxf").text


def test_an_mxf_without_a_description_or_cut_is_refused_and_not_offered(tmp_path: Path) -> None:
    plain = _mxf(Programme="Episode 3")
    with pytest.raises(ValueError, match=r"user comments hold no description"):
        mxf_text(plain)
    refused_in_one_line(tmp_path / "cut.mxf", _mxf(Description=ACCOUNT)[:60])
    folder = tmp_path / "films"
    folder.mkdir()
    (folder / "clip.mxf").write_bytes(plain)
    (folder / "film.mxf").write_bytes(_mxf(Description=ACCOUNT))
    assert [p.name for p in discover([folder])] == ["film.mxf"]
    assert any("clip.mxf" in line for line in not_read([folder]))


# ---------------------------------------------------------------------------------- Emacs Rmail
_BABYL = ("BABYL OPTIONS:\nVersion: 5\nLabels:\n\x1f\x0c\n1,,\nFrom: Unit <unit@example.invalid>\n"
          "Subject: Child K\nDate: Mon, 16 Nov 2009 10:12:00 +0000\n\n*** EOOH ***\nFrom: Unit\n\n"
          f"{ACCOUNT}\n\x1f\x0c\n1, answered,,\nFrom: Unit <unit@example.invalid>\nSubject: Two\n\n"
          "*** EOOH ***\nSubject: Two\n\nA second message.\n\x1f")


def test_an_rmail_files_messages_are_read_one_after_another(tmp_path: Path) -> None:
    """Each message's original header over its body (Rmail's pruned copy of the header and its
    label line left out), the messages in order."""
    text = babyl_to_text(_BABYL)
    assert text.index("Subject: Child K") < text.index(ACCOUNT) < text.index("Subject: Two")
    assert "EOOH" not in text and "answered" not in text and text.count("From: Unit") == 2
    with pytest.raises(ValueError, match=r"no 'BABYL OPTIONS:' block"):
        babyl_to_text(ACCOUNT)
    refused_in_one_line(tmp_path / "mail.babyl", ACCOUNT.encode())
    with pytest.raises(ValueError, match=r"cut short \(its last message has no closing 0x1F byte\)"):
        babyl_to_text(_BABYL[:len(_BABYL) // 2])


# ------------------------------------------------------------------------------------ WAP deck
def test_a_wap_decks_cards_are_its_sections(tmp_path: Path) -> None:
    """A card's title heads its words; soft keys are left out; a line break stays one."""
    deck = ('<?xml version="1.0"?>\n<!DOCTYPE wml PUBLIC "-//WAPFORUM//DTD WML 1.1//EN" '
            '"http://www.wapforum.org/DTD/wml_1.1.xml">\n<wml><card id="c1" title="Child K">'
            f'<p>{ACCOUNT.splitlines()[1]}<br/>{NOTE}</p><do type="accept" label="Next"><go href="#c2"/></do>'
            '</card></wml>')
    (tmp_path / "news.wml").write_text(deck)
    text = read_source(tmp_path / "news.wml").text
    assert text.split("\n")[:3] == ["Child K", "", ACCOUNT.splitlines()[1]]
    assert NOTE in text and "Next" not in text
    deep = '<wml><card><p>' + "<b>" * 5000 + NOTE + "</b>" * 5000 + '</p></card></wml>'
    (tmp_path / "deep.wml").write_text(deep)
    assert NOTE in read_source(tmp_path / "deep.wml").text  # (no recursion: nested past the stack)


# --------------------------------------------------------------------------------- Contentful
def test_a_contentful_entrys_links_are_not_its_fields(tmp_path: Path) -> None:
    """Its ``sys`` (space, dates) and ``metadata`` (tags by id) are the CMS's, not the page's."""
    entry = {"metadata": {"tags": [{"sys": {"type": "Link", "linkType": "Tag", "id": "cmr"}}]},
             "sys": {"type": "Entry", "space": {"sys": {"type": "Link", "linkType": "Space", "id": "x"}},
                     "createdAt": "2024-04-18T09:30:11.412Z"},
             "fields": {"title": "Case Management Review: Child K", "summary": ACCOUNT}}
    (tmp_path / "entries.json").write_text(json.dumps({"total": 1, "items": [entry]}))
    text = read_source(tmp_path / "entries.json").text
    assert "Case Management Review: Child K" in text and "Child K is a six-year-old boy" in text
    assert "Link type" not in text and "Tag" not in text and "2024" not in text


# ----------------------------------------------------------------------------------- the rules
def test_a_mailboxs_messages_date_the_reviews_they_announce(tmp_path: Path, vocab: Vocabulary) -> None:
    """"has today published" dates a message's reviews by its Date header, "(published February
    2024)" by itself; the next message's header and a signature end the review above."""
    box = (f"From unit@example.invalid Tue Oct 10 09:12:44 2023\nFrom: Unit <unit@example.invalid>\n"
           "Subject: Published\nDate: Tue, 10 Oct 2023 09:12:44 +0100\n\nThe Board has today published a "
           f"review.\n\n{ACCOUNT}\n\nLearning:\n- Visits were missed.\n\nWith best wishes,\nBusiness Unit, "
           "Testshire Safeguarding Board\n\nFrom unit@example.invalid Mon Feb 12 14:03:10 2024\n"
           "From: Unit <unit@example.invalid>\nSubject: More\nDate: Mon, 12 Feb 2024 14:03:10 +0000\n\n"
           "One summary is now available (published February 2024).\n\nCase Management Review: Child L\n"
           "Child L is a four-year-old girl who was neglected.\n")
    reviews = reviews_of_page(tmp_path, "box.mbox", box, vocab)
    dated = [(r.children[0].pseudonym, r.publication_year) for r in reviews]
    assert dated == [("Child K", 2023), ("Child L", 2024)]
    assert len(reviews[0].learning) == 1 and reviews[0].keywords == []


def test_a_briefings_part_and_its_field_line(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Learning Review: Child K" over "Testshire Child Protection Committee | Published: May
    2024" is its heading (the body's place its area); "6. THE REVIEW MADE TWO RECOMMENDATIONS:"
    is the part over them, no review of its own; "Lesson:" is its learning."""
    page = ("TESTSHIRE CHILD PROTECTION COMMITTEE\n7 MINUTE BRIEFING\n\nLearning Review: Child K\n"
            f"Testshire Child Protection Committee | Published: May 2024\n({NOTE})\n\n1. BACKGROUND\n"
            "Child K is a six-year-old boy who was neglected for two years.\n\n"
            "Lesson: visits were missed.\n\n"
            "6. THE REVIEW MADE TWO RECOMMENDATIONS:\n1) Health visitors should visit weekly.\n"
            "2) Schools should record absences.\n")
    reviews = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert [r.title for r in reviews] == ["Learning Review: Child K"]
    assert (len(reviews[0].recommendations), len(reviews[0].learning)) == (2, 1)


def test_a_national_review_by_its_theme_and_a_standfirsts_child(tmp_path: Path, vocab: Vocabulary) -> None:
    """"National review: <theme>" over the Panel's line and an account is a review; a headline
    that names no child over a standfirst that does ("... Child K's story") names the review's."""
    listing = ("<h1>New additions</h1><p>National review: children harmed by adults they met online</p>"
               "<p>Child Safeguarding Practice Review Panel | England | 2024</p><p>The Panel looked at "
               "eleven children who were sexually abused by adults they met online.</p>"
               "<p>Local child safeguarding practice review: Child K</p><p>Testshire Safeguarding Children "
               "Partnership | Testshire | 2024</p><p>Child K is a six-year-old boy who was neglected for two "
               f"years.</p><p>{NOTE}</p>")
    assert [r.title for r in reviews_of_page(tmp_path, "listing.html", listing, vocab)] == \
        ["National review: children harmed by adults they met online", "Local child safeguarding practice "
         "review: Child K"]
    news = ("<h1>Review finds missed chances to help girl who died</h1><p>Agencies each knew part of "
            "Kerry's story, review says</p><p>A girl of fifteen died in 2022. Kerry had been bullied. "
            "The review found that Kerry was not seen alone.</p><p>Invented test data for casegraph: not a "
            "real article.</p>")
    assert [[c.pseudonym for c in r.children] for r in reviews_of_page(tmp_path, "news.html", news, vocab)] \
        == [["Kerry"]]


def test_an_agencys_name_before_a_councils_is_no_part_of_its_area() -> None:
    assert area_of_body("Police Scotland and Testshire Council") == "Testshire"
    assert area_of_body("Cardiff and Vale Regional Safeguarding Board") == "Cardiff and Vale"


# ------------------------------------------------------------------------------------ damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"etext.tcr": _tcr(ACCOUNT.encode()), "poster.wmf": _wmf(_text(100, 100, ACCOUNT)),
             "film.mxf": _mxf(Description=ACCOUNT), "mail.babyl": _BABYL.encode()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=82, rounds=30)
    read_or_one_line_when_damaged([TCR, WMF, BABYL, WML], tmp_path, seed=82, rounds=6)
    cut = [*small.items(), (TCR.name, TCR.read_bytes()), (WMF.name, WMF.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)
