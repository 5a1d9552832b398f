"""File types and layouts of validation63 (session 80): a board's Ogg Theora learning film whose
review is its description (``.ogv``), a podcast episode as an AAC stream with ID3 show notes
(``.aac``), an archived RealAudio webcast (``.ra``), an ACPC paper in Applix Words (``.aw``), a
library's records in Notation3 (``.n3``); a CMS entry's TipTap body, antiword's drawn tables, a
WeasyPrint PDF's fact box over two columns.  Before, the film was refused as "tags hold no
description" (its keys in lower case), the podcast as a damaged MP3, the webcast as binary; the
Applix paper was read as text, styles and all, the N3 records as text, and the TipTap body as a
record a paragraph ("Level: 2").

validation63's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import io
import json
import shutil
import struct
from pathlib import Path

import mutagen.id3
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
from casegraph.ingest.binaries import _footnotes_marked
from casegraph.ingest.columns import columns_as_text
from casegraph.ingest.interchange import n3_records
from casegraph.ingest.media import audio_text, realmedia_text
from casegraph.ingest.publishing import applix_words_html
from casegraph.ingest.sources import discover, html_to_text, json_to_text, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation63" / "pages"
OGV = PAGES / "ctmsb-learning-film-concise-cpr-baby-l.ogv"
AAC = PAGES / "practice-matters-podcast-ep12-two-reviews.aac"
RA = PAGES / "sscb-webcast-2007-04-scr-child-w-learning-session.ra"
AW = PAGES / "gwent-acpc-part8-summaries-2003-04-archive-copy.aw"
N3 = PAGES / "safeguarding-practice-library-linked-data-records-2024-08.n3"
TIPTAP = PAGES / "nwsb-practice-reviews-page.tiptap.json"
ANTIWORD = PAGES / "dgcpc-practice-note-2024-3.antiword.txt"
WEASY = PAGES / "sbni-cmr-learning-summary-2024.weasyprint.pdf"
STATEMENT = PAGES / "kirklees-scp-statement-lcspr-oliver-2024-05-21.html"


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The film holds Baby L's CPR, the podcast a Scottish learning review and a national one
    (its line "Published by the ... Panel: March 2024" under the heading), the webcast Child W's
    SCR, the Applix paper two Part 8 reviews, the N3 records three (their batch is none), the
    TipTap page three (the forum's children Cai and Mali, not "Multi-Agency Professional
    Forum"), the statement Oliver's ("Partnership statement" over its date is no heading)."""
    by_page = reviews_by_page([OGV, AAC, RA, AW, N3, TIPTAP, STATEMENT], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[OGV.name] == [["Baby L"]]
    assert names[AAC.name] == [["Child H"], [None]]
    assert by_page[AAC.name][1].title.startswith("National review - children harmed by adults")
    assert by_page[AAC.name][1].publication_year == 2024
    assert names[RA.name] == [["Child W"]]
    assert names[AW.name] == [["Child N"], ["Child P"]]
    assert names[N3.name] == [["Child E"], ["Child Z"], ["Child J"]]
    assert names[TIPTAP.name] == [["Child F"], ["Child G"], ["Cai", "Mali"]]
    assert names[STATEMENT.name] == [["Oliver"]]


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {OGV.name, AAC.name, RA.name, AW.name, N3.name} <= found
    assert not_read([PAGES]) == []


# ------------------------------------------------------------------------------- Ogg Theora
def test_an_ogg_theora_films_comments_are_read_whatever_their_case(tmp_path: Path) -> None:
    """mutagen gives a Theora stream's Vorbis comments in lower case: its description is the
    film's notes; a copy with a title alone is refused, its words only spoken."""
    import mutagen.oggtheora

    text = audio_text(OGV.read_bytes())
    assert text.startswith("Concise Child Practice Review CTMSB 2/2023 - Baby L (learning film)\n")
    assert "\n\nConcise Child Practice Review CTMSB 2/2023 - Baby L\nArea: Merthyr Tydfil" in text
    film = tmp_path / "film.ogv"
    shutil.copyfile(OGV, film)
    tags = mutagen.oggtheora.OggTheora(film)
    tags.delete()  # (an intro clip: its title alone)
    tags["title"] = "Intro"
    tags.save()
    refused_in_one_line(tmp_path / "silent.ogv", film.read_bytes())


# ----------------------------------------------------------------------------------------- AAC
def _adts(tag: mutagen.id3.ID3 | None) -> bytes:
    """An invented AAC stream with no container: an ID3v2.4 tag (when given), then two ADTS
    frames' headers (sync, MPEG-4, layer 0, no CRC) over a few bytes of "sound"."""
    buffer = io.BytesIO()
    if tag is not None:
        tag.save(buffer, v2_version=4)
    frame = bytes([0xFF, 0xF1, 0x50, 0x80, 0x01, 0x3F, 0xFC]) + bytes(3)
    return buffer.getvalue() + frame * 2


def _tag(**frames: str) -> mutagen.id3.ID3:
    tag = mutagen.id3.ID3()
    for name, text in frames.items():
        frame = mutagen.id3.COMM(encoding=3, lang="eng", desc="", text=text) if name == "COMM" \
            else getattr(mutagen.id3, name)(encoding=3, text=text)
        tag.add(frame)
    return tag


def test_an_aac_streams_id3_tag_is_its_show_notes(tmp_path: Path) -> None:
    """mutagen took the tag for an MP3's and refused the stream as "can't sync to MPEG frame":
    its title heads the page and its comment is the notes, whatever the file is called."""
    data = _adts(_tag(TIT2="Episode 4", TPE1="Testshire CPC", COMM=ACCOUNT))
    text = audio_text(data)
    assert text.rstrip().split("\n\n") == ["Episode 4\nTestshire CPC", ACCOUNT]
    for name in ("episode.aac", "episode.mp3"):  # (an AAC episode saved as ".mp3": the bytes tell)
        (tmp_path / name).write_bytes(data)
        assert ACCOUNT in read_source(tmp_path / name).text
    refused_in_one_line(tmp_path / "jingle.aac", _adts(_tag(TIT2="Jingle")))


# ------------------------------------------------------------------------------------ RealMedia
def _rmf(title: str, comment: str, data: bytes = bytes(12)) -> bytes:
    """An invented RealMedia file: its .RMF header, a PROP header (its numbers zero), a CONT
    header of title, author, copyright and comment, then a DATA chunk."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return kind + struct.pack(">IH", 10 + len(body), 0) + body

    strings = b"".join(struct.pack(">H", len(s)) + s
                       for s in (title.encode(), b"Testshire LSCB", b"(c) 2007", comment.encode()))
    return (b".RMF" + struct.pack(">IHII", 18, 0, 0, 4) + chunk(b"PROP", bytes(40))
            + chunk(b"CONT", strings) + chunk(b"DATA", data))


def test_a_realmedia_files_clip_info_is_its_page(tmp_path: Path) -> None:
    """The CONT header's title, author and copyright head the page, its comment is the notes;
    RealAudio's own older stream files are refused, saying so."""
    text = realmedia_text(_rmf("Webcast: Child K", ACCOUNT))
    assert text.rstrip().split("\n\n") == ["Webcast: Child K\nTestshire LSCB\n(c) 2007", ACCOUNT]
    with pytest.raises(ValueError, match=r"RealAudio 1-5 stream file"):
        realmedia_text(b".ra\xfd\x00\x04" + bytes(60))


def test_a_realmedia_file_without_notes_is_left_out_and_refused(tmp_path: Path) -> None:
    (tmp_path / "webcast.ra").write_bytes(_rmf("Webcast", ACCOUNT))
    (tmp_path / "jingle.rm").write_bytes(_rmf("Jingle", ""))
    assert [p.name for p in discover([tmp_path])] == ["webcast.ra"]
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 RealMedia recording(s) not read, their header holding "
                                    "no comment, or damaged: jingle.rm; name one on the command line to see "
                                    "why"]
    refused_in_one_line(tmp_path / "jingle.rm", _rmf("Jingle", ""))


# --------------------------------------------------------------------------------- Applix Words
_APPLIX = ("*BEGIN WORDS VERSION=430/320 ENCODING=7BIT\n<Applix Words>\n<start_styles>\n"
           '<style "Normal" face:"Palatino" size:12 >\n<style "heading 1" parent "Normal" bold >\n'
           '<end_styles>\n<start_flow>\n<P "heading 1">\n<T "Serious Case Review (Part 8) - Child K">\n<P >\n'
           '<T "Child K, a six-year-old boy, was neglected for two years. The \\"core group\\" did not \\\n'
           ' meet.">\n<P >\n<T "' + NOTE + '">\n<end_flow>\n')


def test_an_applix_documents_flow_is_its_page() -> None:
    """The flow's paragraphs in order, a run broken at a backslash joined again, escaped quotes
    undone, a heading style's paragraph a heading; the styles before the flow are no words."""
    page = applix_words_html(_APPLIX)
    assert "<h2>Serious Case Review (Part 8) - Child K</h2>" in page
    text = html_to_text(page)
    assert 'The "core group" did not meet.' in text
    assert "Palatino" not in text and "Normal" not in text


def test_an_applix_document_cut_before_its_flow_ends_is_refused(tmp_path: Path) -> None:
    cut = _APPLIX[:_APPLIX.index("<end_flow>")]
    with pytest.raises(ValueError, match=r"line 14: the file ends with no <end_flow> tag"):
        applix_words_html(cut)
    refused_in_one_line(tmp_path / "paper.aw", cut.encode())
    refused_in_one_line(tmp_path / "notes.aw", b"Notes, not Applix\n")


# ------------------------------------------------------------------------------------ Notation3
def test_n3_records_leave_out_formulas_and_a_batch_of_records() -> None:
    """A formula's statements are quoted, not asserted: no record's values; a batch its records
    say they are part of (dcterms:isPartOf) is no record."""
    records = n3_records(
        "@prefix dcterms: <http://purl.org/dc/terms/> . @prefix : <https://library.example/> .\n"
        ':r1 dcterms:title "LCSPR: Child K" ; dcterms:isPartOf :batch ;\n'
        '    :claims { :r1 dcterms:title "Child Q" } .\n'
        ':r2 dcterms:title "SCR: Child M" ; dcterms:isPartOf :batch .\n'
        f':batch dcterms:title "Records added in August" ; dcterms:description "{NOTE}" .\n')
    assert records == [{"title": "LCSPR: Child K"}, {"title": "SCR: Child M"}]


# ------------------------------------------------------------------------------------ TipTap
def test_a_cms_entrys_rich_text_body_is_its_page() -> None:
    """One entry in an API's envelope, its body a TipTap document: the entry's title and date
    head the page, the body's headings, paragraphs and list items follow; no node is a record
    of its own."""
    doc = {"type": "doc", "content": [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "LCSPR – Child K"}]},
        {"type": "paragraph", "content": [
            {"type": "text", "text": "Child K, a six-year-old boy, was neglected."},
            {"type": "hardBreak"}, {"type": "text", "text": NOTE}]},
        {"type": "bulletList", "content": [{"type": "listItem", "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": "Visits were missed."}]}]}]}]}
    entry = {"id": 7, "documentId": "k7w3q9", "locale": "en", "title": "Reviews",
             "publishedAt": "2024-10-21T09:12:00Z", "body": doc}
    text = json_to_text(json.dumps({"data": entry, "meta": {}}), lines=False)
    assert text.index("Reviews") < text.index("Published: 21 October 2024") < text.index("LCSPR – Child K")
    assert "Visits were missed." in text and "Level:" not in text and "Content:" not in text
    assert "k7w3q9" not in text and "Locale" not in text  # (the entry's own id and language)


# ----------------------------------------------------------------------------- drawn tables
def test_a_record_drawn_as_a_table_in_text_is_its_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """antiword's text of a Word table: labels on the left, values wrapped in the right column,
    a part's points apart; the review's date, learning and recommendations are read."""
    def row(label: str, value: str) -> str:
        return f"|{label:<20}|{value:<30}|"

    table = "\n".join([row("Area", "Testshire"), row("Published", "July 2024"),
                       row("What happened", "Child K, a six-year-old boy,"), row("", "was neglected."),
                       row("Learning", "- Visits were missed and"), row("", "nobody asked why."),
                       row("", "- Nobody saw Child K alone."),
                       row("Recommendations", "1. The Board will audit"), row("", "visits."),
                       row("", "2. Schools will report absence.")])
    (review,) = _reviews(tmp_path, vocab, f"Learning Review - Child K\n\n{table}\n")
    assert review.publication_year == 2024 and review.area == "Testshire"
    assert [p.text for p in review.learning] == ["Visits were missed and nobody asked why",
                                                 "Nobody saw Child K alone"]
    assert len(review.recommendations) == 2


def test_a_pipe_table_of_data_is_not_undrawn(tmp_path: Path) -> None:
    """A table whose left column holds no labels (numbers) stays a table."""
    page = tmp_path / "table.txt"
    page.write_text(f"{NOTE}\n\n|1|Child K was neglected.   |\n|2|Child M was injured.    |\n")
    assert "|1|Child K was neglected.   |" in read_source(page).text


# ------------------------------------------------------------------------------------ columns
def test_a_fact_box_line_over_two_columns_does_not_set_their_edge() -> None:
    """WeasyPrint's grid fact box ("Trust area ...   Published ...") just above two columns, as
    pypdf lays the page out: its second cell's place is not the right column's edge, so that
    column's indented list does not end it, and the left column's account is not cut in two
    by the right column's learning."""
    rows = [("  Trust area: Testshire", "Published: June 2024", 57),
            (" What happened", "L2 — The police did not pass on the report of", 63),
            ("", "the earlier bite to the children's", 63),
            (" Child K, a boy aged eleven months, was", "services.", 63),
            (" seriously injured in July 2022 when he was", "L3 — Drug use and a dangerous", 63),
            (" attacked by the family's dog, which had", "dog together increase risk to a crawling", 63),
            (" bitten a visitor earlier that year. He was", "baby.", 63),
            (" treated in hospital for several weeks. His", "", 63),
            (" father used cannabis and cocaine. The", "Recommendations", 63),
            (" health visitor had noted the dog at a home", "1. The Board should issue a dog safety", 67),
            (" visit but did not ask about its behaviour.", "briefing for all member agencies.", 70),
            ("", "", 0),
            (" Learning", "2. The police should share dog bite reports", 67),
            ("", "where children live at the address.", 70),
            (" L1 — Health visitors should ask about dogs", "3. The Trust should add questions about", 67),
            (" in the home at every contact with a baby.", "animals to its health visiting", 70),
            ("", "assessment.", 70)]
    text = columns_as_text("\n".join((a.ljust(col) + b).rstrip() if b else a for a, b, col in rows))
    assert "noted the dog at a home\n visit but did not ask" in text
    assert text.index("in the home at every contact") < text.index("L2 — The police")
    assert "dog safety\nbriefing for all member agencies." in text


def test_a_pdf_footnotes_number_leaves_its_word_and_its_note_no_list_point() -> None:
    """A page's "dog1," (a superscript pypdf keeps on the line) is "dog,", and the note it points
    to at the page's foot, "1. Dog control ...", is "[1] Dog control ...": no list's point. A
    list's own numbers, with no word above carrying them, stay."""
    page = ["Child K was attacked by the family's dog1, which had bitten before.", "",
            "Recommendations", "1. The Board should issue a briefing.", "2. Schools should report.", "",
            "1. Dog control is a council responsibility."]
    assert _footnotes_marked(page) == [
        "Child K was attacked by the family's dog, which had bitten before.", "", "Recommendations",
        "1. The Board should issue a briefing.", "2. Schools should report.", "",
        "[1] Dog control is a council responsibility."]
    assert _footnotes_marked(page[2:5]) == page[2:5]


def test_a_line_about_the_document_itself_is_no_point(tmp_path: Path, vocab: Vocabulary) -> None:
    """"This film is ..." after a recommendation's list is the film's note, no recommendation."""
    (review,) = _reviews(tmp_path, vocab, "Concise Child Practice Review - Child K\nArea: Testshire\n"
                         "Child K, a six-year-old boy, was neglected for two years.\nThe review makes four "
                         "recommendations, including:\n- the Board will produce a briefing for fathers\n"
                         "This film is for training use only.\n")
    assert [r.text for r in review.recommendations] == ["the Board will produce a briefing for fathers"]


def _reviews(tmp_path: Path, vocab: Vocabulary, text: str, name: str = "page.txt") -> list:
    return reviews_of_page(tmp_path, name, f"[{NOTE}]\n\n{text}", vocab)


# ------------------------------------------------------------------------------------ damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"webcast.ra": _rmf("Webcast", ACCOUNT), "episode.aac": _adts(_tag(TIT2="Ep", COMM=ACCOUNT)),
             "paper.aw": _APPLIX.encode(), "records.n3": N3.read_bytes()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=80, rounds=30)
    read_or_one_line_when_damaged([OGV, AAC, RA, AW, N3, TIPTAP], tmp_path, seed=80, rounds=6)
    cut = [*small.items(), (OGV.name, OGV.read_bytes()), (RA.name, RA.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)
