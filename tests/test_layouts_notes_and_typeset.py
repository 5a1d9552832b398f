"""File types of validation41 (session 58): an Anki deck package (``.apkg``), an RDF dataset in
TriG (``.trig``), a FictionBook e-book (``.fb2``), a TeX DVI file (``.dvi``) and a Joplin export
(``.jex``); and a layout of JSON, an Omeka S REST response.  Before, a folder passed the five
types over as "of a type casegraph does not read", and the Omeka items' bookkeeping ("O:id:
231") was read as three spurious reviews.

The pages read here are validation41's own (invented test data about invented children, by that
set's labeller).  The small files written here are invented too, each from its format's
documentation: Anki's collection schema (the ``col``, ``notes`` and ``cards`` tables of an
older collection; ``notetypes``, ``fields`` and ``decks`` of a newer one, Zstandard-compressed),
W3C's TriG and N-Quads recommendations, FictionBook 2.0's schema, the DVI format of TeX: The
Program (§583-§601), and Joplin's export format (a tar of ``<id>.md`` items)."""

from __future__ import annotations

import io
import json
import sqlite3
import struct
import tarfile
import zipfile
from pathlib import Path

import pytest
import zstandard
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.dvi import dvi_text
from casegraph.ingest.sources import discover, read_source
from casegraph.ingest.workfiles import anki_html, joplin_markdown
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation41" / "pages"
APKG = PAGES / "Learning from local reviews - L3 refresher.apkg"
TRIG = PAGES / "ni-cmr-collection-export.trig"
FB2 = PAGES / "Learning from Child Practice Reviews 2023-24 - NWSCB.fb2"
DVI = PAGES / "chapter3-scottish-reviews.dvi"
JEX = PAGES / "England reviews - extraction notebook.jex"
OMEKA = PAGES / "items-item_set_id-9.json"


def _titles(page: Path, vocab: Vocabulary) -> list[str]:
    reviews, _, _ = extract_reviews([page], vocab)
    return [r.title or "" for r in reviews]


# ---------------------------------------------------------------------------------------- Anki
def test_validation41s_anki_deck_is_read_as_its_notes(vocab: Vocabulary) -> None:
    """The two review notes are reviews, with their tags as keywords; the deck's question cards
    ("What is a rapid review ...?") are none."""
    reviews, _, _ = extract_reviews([APKG], vocab)
    assert [r.title for r in reviews] == ["Local child safeguarding practice review: Baby Rowan (Derby)",
                                          "Serious case review: Child Jay (Derbyshire)"]
    assert reviews[0].keywords == ["LCSPR", "bruising_protocol", "head_injury"]
    assert len(reviews[0].learning) == 3


def _old_collection(notes: list[tuple[int, str, str]]) -> bytes:
    """An Anki 2.1 collection (schema 11): note types and decks as JSON in ``col``."""
    con = sqlite3.connect(":memory:")
    con.executescript("CREATE TABLE col (id INTEGER PRIMARY KEY, models TEXT, decks TEXT);"
                      "CREATE TABLE notes (id INTEGER PRIMARY KEY, mid INTEGER, tags TEXT, flds TEXT);"
                      "CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER, ord INTEGER);")
    models = {"77": {"name": "Basic", "flds": [{"name": "Front"}, {"name": "Back"}, {"name": "Source"}]}}
    decks = {"1": {"name": "Default"}, "5": {"name": "Training::Local reviews (invented)"}}
    con.execute("INSERT INTO col VALUES (1, ?, ?)", (json.dumps(models), json.dumps(decks)))
    for nid, tags, fields in notes:
        con.execute("INSERT INTO notes VALUES (?, 77, ?, ?)", (nid, tags, fields))
        con.execute("INSERT INTO cards VALUES (?, ?, 5, 0)", (nid + 1, nid))
    return con.serialize()


def _package(name: str, collection: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(name, collection)
        package.writestr("media", "{}")
    return buffer.getvalue()


def test_an_anki_package_reads_notes_in_the_order_made_with_named_fields(tmp_path: Path) -> None:
    """Notes come in the order they were made (their ids), not as stored; the deck's path is a
    heading; a cloze's answer is its text; the third field is named; a sound is no word."""
    collection = _old_collection([
        (200, " SCR ", "Serious case review: Child Ada (invented)\x1fAda was {{c1::four months::age}} old."
                       "[sound:x.mp3]\x1fInvented board"),
        (100, "", "What is a rapid review?\x1fA review within 15 working days.\x1f")])
    text = read_source(_write(tmp_path / "deck.apkg", _package("collection.anki2", collection))).text
    assert text.index("Training – Local reviews (invented)") < text.index("What is a rapid review?") \
        < text.index("Serious case review: Child Ada")
    assert "Ada was four months old." in text and "sound" not in text
    assert "Source: Invented board" in text and "Tags: SCR" in text


def test_a_newer_anki_package_is_decompressed_and_read_by_its_tables(tmp_path: Path) -> None:
    """Anki 2.1.50 on: ``collection.anki21b`` (Zstandard) is read before the ``collection.anki2``
    beside it, which only asks for a newer Anki; field names and decks are tables."""
    con = sqlite3.connect(":memory:")
    con.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY, mid INTEGER, tags TEXT, flds TEXT);"
                      "CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER);"
                      "CREATE TABLE fields (ntid INTEGER, ord INTEGER, name TEXT);"
                      "CREATE TABLE decks (id INTEGER PRIMARY KEY, name TEXT);")
    con.executemany("INSERT INTO fields VALUES (9, ?, ?)", [(1, "Back"), (0, "Front"), (2, "Area")])
    con.execute("INSERT INTO decks VALUES (3, 'Reviews\x1fWales (invented)')")
    fields = "Concise CPR: Baby Nia (invented)\x1fAn account.\x1fConwy"
    con.execute("INSERT INTO notes VALUES (1, 9, '', ?)", (fields,))
    con.execute("INSERT INTO cards VALUES (2, 1, 3)")
    newer = zstandard.ZstdCompressor().compress(con.serialize())
    stub = _old_collection([(1, "", "Please update to the latest Anki version\x1f\x1f")])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("collection.anki2", stub)
        package.writestr("collection.anki21b", newer)
    html = anki_html(buffer.getvalue())
    assert "Reviews – Wales (invented)" in html and "Area: Conwy" in html and "Please update" not in html


def test_an_anki_package_without_a_collection_is_refused_in_one_line(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "empty.apkg", _package("media.json", b"{}"))
    refused_in_one_line(tmp_path / "bad.apkg", _package("collection.anki21b", b"not zstd"))


# --------------------------------------------------------------------------------- TriG, N-Quads
def test_validation41s_trig_export_reads_its_graphs_as_one(vocab: Vocabulary) -> None:
    """Both reviews are found in their named graph; the child each is about (a linked person,
    named and described) is said in the review's record, with her age, and is no record of its
    own; the leaflet and the collection in the other graph are no reviews."""
    reviews, notices, _ = extract_reviews([TRIG], vocab)
    assert [r.title for r in reviews] == ["Case Management Review: Orla", "Case Management Review: Baby Cara"]
    # ("Recommendation count: 6", lv:recommendationCount, is a count of recommendations)
    assert not [n for n in notices if "unknown label" in str(n)], notices
    assert "About: Orla – A girl aged 15 years at the time of the review." in read_source(TRIG).text
    assert [(c.pseudonym, c.age_months) for c in reviews[0].children] == [("Orla", 180)]


_DATASET = """@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <http://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
<https://example.org/graph/reviews> {
  <https://example.org/r/1> dct:title "Serious case review: Child Bo (invented)" ;
      dct:spatial "Kent" ; <https://example.org/v#learning> _:b, _:a .
  _:a rdf:value "First point." ; schema:position 1 .
  _:b rdf:value "Second point." ; schema:position 2 .
}
<https://example.org/graph/more> { <https://example.org/r/1> dct:issued "2019" . }
"""


def test_a_trig_dataset_orders_items_by_position_and_joins_graphs(tmp_path: Path) -> None:
    text = read_source(_write(tmp_path / "export.trig", _DATASET.encode())).text
    assert text.index("First point.") < text.index("Second point.")
    assert text.count("RECORD") == 1 and "Published: 2019" in text


def test_n_quads_are_read_as_trig_is(tmp_path: Path) -> None:
    dct, graph = "<http://purl.org/dc/terms/", "<https://example.org/g> .\n"
    quads = (f'<https://example.org/r/2> {dct}title> "Learning review: Child Cy (invented)" {graph}'
             f'<https://example.org/r/2> {dct}spatial> "Fife" {graph}')
    text = read_source(_write(tmp_path / "export.nq", quads.encode())).text
    assert "Learning review: Child Cy (invented)" in text and "Area: Fife" in text
    refused_in_one_line(tmp_path / "broken.trig", b"<https://example.org/g> { <a> <b> ")


# ---------------------------------------------------------------------------------- FictionBook
def test_validation41s_fictionbook_is_read_as_its_sections(vocab: Vocabulary) -> None:
    """Each review is a section titled by its heading; the book's description (its genre, the
    board's name as pandoc split it, the program that wrote it) is no word of the page."""
    text = read_source(FB2).text
    assert "pandoc" not in text and "unrecognised" not in text
    assert _titles(FB2, vocab) == [
        "Concise Child Practice Review NWSCB 2/2023 – Baby Nel (Conwy)",
        "Extended Child Practice Review NWSCB 1/2024 – Osian and Mali (Denbighshire)"]


def test_a_fictionbook_section_tree_is_headings_by_depth(tmp_path: Path) -> None:
    book = ('<?xml version="1.0"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0">'
            "<description><title-info><book-title>Compendium (invented)</book-title></title-info>"
            "</description><body><section><title><p>Case review: Child Di</p></title><section>"
            "<title><p>Learning</p></title><p>One <emphasis>point</emphasis>.</p><empty-line/>"
            "<p>Another point.</p></section></section></body>"
            '<binary id="cover.png" content-type="image/png">iVBORw0KGgo=</binary></FictionBook>')
    text = read_source(_write(tmp_path / "book.fb2", book.encode())).text
    assert text.splitlines()[0] == "Compendium (invented)"  # (the body has no title of its own)
    assert "One point." in text and "iVBOR" not in text
    refused_in_one_line(tmp_path / "entities.fb2", b'<!DOCTYPE x [<!ENTITY a "b">]><FictionBook/>')


# ------------------------------------------------------------------------------------------ DVI
def test_validation41s_dvi_is_read_as_its_typeset_lines(vocab: Vocabulary) -> None:
    """OT1's ligatures and quotes read as letters; the page numbers are left out, and the
    footnote set at page 1's foot comes after the text, not inside the list the page break
    cuts; both reviews are found under their numbered headings."""
    text = read_source(DVI).text
    assert "“significant case review”" in text and "the guidance teacher’s concerns" in text
    assert text.rstrip().endswith("with “learning review”.")
    assert _titles(DVI, vocab) == ["Learning Review: Young Person J", "Significant Case Review: Baby Iona"]


def _dvi(*pages: bytes, fonts: bytes) -> bytes:
    """A DVI file: the preamble TeX writes, the pages (each between bop and eop), a postamble."""
    out = b"\xf7\x02" + struct.pack(">III", 25400000, 473628672, 1000) + b"\x00"
    for number, body in enumerate(pages, start=1):
        bop = b"\x8b" + struct.pack(">10i", number, *[0] * 9) + struct.pack(">i", -1)
        out += bop + fonts + body + b"\x8c"
    return out + b"\xf8" + b"\x00" * 28 + b"\xf9" + b"\x00" * 5 + b"\x02" + b"\xdf" * 4


def _font(number: int, name: bytes, size: int = 10) -> bytes:
    """fnt_def1 of a font at ``size`` points (a point is 65536 DVI units here) and its select."""
    return (b"\xf3" + bytes([number]) + struct.pack(">III", 0, size * 65536, size * 65536)
            + b"\x00" + bytes([len(name)]) + name + bytes([171 + number]))


def _right(points: float) -> bytes:
    return b"\x92" + struct.pack(">i", int(points * 65536))  # right3 is 145; right4 (146) here


def _words(*words: bytes) -> bytes:
    """Words as TeX sets them: each word's characters, then a move right of an interword space
    (3.33 points in a 10-point font): a DVI file has no space character."""
    return _right(3.33).join(words)


def _down(points: float) -> bytes:
    return b"\xa0" + struct.pack(">i", int(points * 65536))  # down4


def test_a_dvi_file_spaces_words_by_moves_and_decodes_its_fonts_encodings(tmp_path: Path) -> None:
    """A move right of a third of an em is a space, a kern of a tenth none; OT1's "{" is an en
    dash and "\\\\" an opening quote, code 12 "fi"; T1's 0xE9 (set by set1) is "é"; an OT1 accent goes on
    the letter after it; a move down is a new line, a bigger one a blank line."""
    body = (_down(10) + _words(b"Child", b"Ey{" + _right(0.3) + b"Zo", b"\x0cle", b"\\case\x22") + _down(12)
            + b"caf\x13e" + _down(30) + _font(1, b"ec-lmr10") + b"r\x80\xe9sum\x80\xe9")
    text = read_source(_write(tmp_path / "note.dvi", _dvi(body, fonts=_font(0, b"cmr10")))).text
    assert text.splitlines() == ["Child Ey–Zo file “case”", "café", "", "résumé"]


def test_a_dvi_files_page_numbers_are_left_out_and_a_sentence_goes_on(tmp_path: Path) -> None:
    page1 = (_down(10) + _words(b"Serious", b"case", b"review:", b"Child", b"Fen") + _down(12)
             + _words(b"Fen", b"was", b"four") + _down(600) + b"1")
    page2 = _down(10) + _words(b"months", b"old.") + _down(600) + b"2"
    text = dvi_text(_dvi(page1, page2, fonts=_font(0, b"cmr10")))
    assert text.splitlines() == ["Serious case review: Child Fen", "Fen was four months old."]


def test_a_dvi_file_that_is_cut_or_sets_nothing_is_refused_in_one_line(tmp_path: Path) -> None:
    whole = _dvi(_down(10) + b"Text", fonts=_font(0, b"cmr10"))
    refused_in_one_line(tmp_path / "cut.dvi", whole[:30])
    refused_in_one_line(tmp_path / "blank.dvi", _dvi(_down(10), fonts=_font(0, b"cmr10")))
    refused_in_one_line(tmp_path / "bad.dvi", _dvi(b"\xfa", fonts=b""))


# --------------------------------------------------------------------------------------- Joplin
def test_validation41s_joplin_export_is_read_as_its_notebook(vocab: Vocabulary) -> None:
    """The three review notes are the reviews; the methods note and the reading list are none;
    the notes' metadata ("id:", "source_application:") is no word of the page."""
    text = read_source(JEX).text
    assert "source_application" not in text and "type_" not in text
    assert _titles(JEX, vocab) == ["LCSPR – Child Poppy (Norfolk)",
                                   "Multi-agency learning review – Theo (Suffolk)",
                                   "National review – Zac (Essex)"]


def _item(title: str, body: str, **meta: str) -> bytes:
    lines = [title, "", body, ""] if body else [title, ""]
    return ("\n".join(lines + [f"{k}: {v}" for k, v in meta.items()])).encode()


def _jex(items: dict[str, bytes], mode: str = "w") -> bytes:
    """A Joplin export of the given items (``mode`` "w:gz": a gzipped tar)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as package:
        for name, data in items.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            package.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_a_joplin_export_nests_notebooks_and_moves_a_notes_headings_below_its_title() -> None:
    md = joplin_markdown(_jex({
        "b1.md": _item("Reviews (invented)", "", id="b1", parent_id="", type_="2"),
        "n2.md": _item("SCR: Child Gil", "## Learning\n- a point\n\nscope: a body line", id="n2",
                       parent_id="b1", user_created_time="2024-02-01", type_="1"),
        "n1.md": _item("SCR: Child Hal", "Text.", id="n1", parent_id="b1", user_created_time="2024-01-01",
                       type_="1"),
        "t1.md": _item("neglect", "", id="t1", type_="5"),
        "l1.md": _item("", "", id="l1", note_id="n2", tag_id="t1", type_="6"),
        "resources/r1.md": _item("photo.png", "", id="r1", type_="4")}))
    assert md.index("# Reviews (invented)") < md.index("## SCR: Child Hal") < md.index("## SCR: Child Gil")
    assert "#### Learning" in md and "scope: a body line" in md and "Tags: neglect" in md
    assert "photo.png" not in md and "parent_id" not in md


def test_a_joplin_export_of_encrypted_notes_is_refused_in_one_line(tmp_path: Path) -> None:
    locked = _jex({"n1.md": _item("", "", id="n1", encryption_applied="1", type_="1")})
    refused_in_one_line(tmp_path / "locked.jex", locked)
    refused_in_one_line(tmp_path / "none.jex", b"not a tar at all")


def test_a_compressed_joplin_export_that_unpacks_past_the_limit_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A gzipped tar's notes are counted as they are listed: past the limit (made small here) the
    export is refused in one line before it is unpacked."""
    from casegraph.ingest import binaries

    monkeypatch.setattr(binaries, "PART_MAX", 1000)  # (the limit's one home: binaries.tar_members)
    notes = {f"n{k}.md": _item(f"Note {k}", "x" * 600, id=f"n{k}", type_="1") for k in range(3)}
    refused_in_one_line(tmp_path / "big.jex", _jex(notes, mode="w:gz"))


# -------------------------------------------------------------------------------------- Omeka S
def test_validation41s_omeka_items_are_read_by_their_properties(vocab: Vocabulary) -> None:
    """The two case management reviews are found, with their area (``dcterms:spatial``); the
    items' bookkeeping is no review ("O:id: 231" was read as three)."""
    reviews, _, _ = extract_reviews([OMEKA], vocab)
    found = [(r.title, r.area) for r in reviews]
    assert ("Case Management Review – Baby Finn", "Fermanagh and Omagh") in found
    assert not any((r.title or "").startswith("O:") for r in reviews)
    assert "O:site" not in read_source(OMEKA).text


def test_an_omeka_item_leaves_out_private_values(tmp_path: Path) -> None:
    item = {"o:id": 5, "o:title": "Learning review: Child Ivo (invented)", "o:owner": {"o:id": 2},
            "dcterms:spatial": [{"type": "literal", "property_id": 40, "@value": "Angus"}],
            "dcterms:description": [{"type": "literal", "property_id": 4, "@value": "Staff note",
                                     "is_public": False}]}
    text = read_source(_write(tmp_path / "item.json", json.dumps(item).encode())).text
    assert "Area: Angus" in text and "Staff note" not in text


# ------------------------------------------------------------------------------------- all five
def test_damaged_copies_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    read_or_one_line_when_damaged([APKG, TRIG, FB2, DVI, JEX, OMEKA], tmp_path, seed=58, rounds=12)


@pytest.mark.parametrize("page", [APKG, TRIG, FB2, DVI, JEX], ids=lambda p: p.suffix)
def test_a_folder_reads_the_five_new_types(page: Path, tmp_path: Path) -> None:
    (tmp_path / page.name).write_bytes(page.read_bytes())
    assert [p.name for p in discover([tmp_path])] == [page.name]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
