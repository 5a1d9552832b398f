"""File types and layouts of validation69 (session 86): an ACPC's diskette archive packed by LHA
(``.lzh``), a board website's compiled gettext strings (``.mo``), a library's listening list of
podcast episodes (XSPF, ``.xspf``), a training film's Final Draft script (``.fdx``), a
committee's EtherCalc tracker (SocialCalc, ``.eth``), a partnership's reviews from Payload
CMS's API in Lexical editor states, and a board's tracker printed from LibreOffice Calc to PDF.
Before, the archive and the catalogue were refused as binary, the playlist's and script's words
ran together with their players' and writers' fields, the EtherCalc tracker was read as its
save format's lines, the API's second review (a multi-agency learning review held because the
criteria for another were not met) was missed, and so were the printed tracker's rows (read
across, line by line, as one entry).

validation69's pages are invented test data by that set's labeller.  The files built here are
invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import INVENTED_NOTE as NOTE
from support import (
    debian_tool,
    read_or_one_line_when_cut,
    read_or_one_line_when_damaged,
    refused_in_one_line,
    reviews_by_page,
)

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.authoring import final_draft_fountain
from casegraph.ingest.lha import crc16, lha_members
from casegraph.ingest.office import socialcalc_sheets
from casegraph.ingest.publishing import lexical_html
from casegraph.ingest.sources import discover, gettext_mo_text, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation69" / "pages"
LZH = PAGES / "south-glamorgan-acpc-part8-summaries-archive-1994-96.lzh"
MO = PAGES / "west-glamorgan-sb-website-strings-practice-reviews-en-gb.mo"
XSPF = PAGES / "clyde-practice-library-listening-list-case-reviews-2025-01.xspf"
FDX = PAGES / "ddscp-training-film-heard-not-just-seen-script-2024.fdx"
ETH = PAGES / "dumfries-galloway-cpc-case-review-tracker-ethercalc-2024.eth"
LEXICAL = PAGES / "kirklees-scp-api-reviews-payload-lexical.json"
CALC = PAGES / "nwsb-child-practice-review-tracker-2022-25-public.calc-print.pdf"
NEW_TYPES = [LZH, MO, XSPF, FDX, ETH]


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each new type's reviews, as the set's gold names them, with their lists counted."""
    by_page = reviews_by_page([*NEW_TYPES, LEXICAL, CALC], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[LZH.name] == [["Child S"], ["Child J", "Child K", "Child L"]]
    assert [r.area for r in by_page[LZH.name]] == ["Cardiff", "Vale Of Glamorgan"]
    assert names[MO.name] == [["Child M"], ["Dylan"]]
    assert [len(r.learning) for r in by_page[MO.name]] == [3, 1]  # (Dylan's: one prose sentence)
    assert names[XSPF.name] == [["Finlay"], ["Child D"]]
    assert names[FDX.name] == [["Baby Alfie"], ["Tia"]]
    assert names[ETH.name] == [["Baby Orla"], ["Ross"]]
    assert len(by_page[ETH.name][1].learning) == 3
    assert names[LEXICAL.name] == [["Mason"], ["Priya"]]
    assert (len(by_page[LEXICAL.name][0].learning), len(by_page[LEXICAL.name][0].recommendations)) == (4, 3)
    # the printed tracker's rows (its third, a professional forum's, is not yet read as a review)
    assert names[CALC.name][:2] == [["Child G"], ["Aled"]]
    assert [(r.area, len(r.learning)) for r in by_page[CALC.name][:2]] == [("Wrexham", 3), ("Gwynedd", 1)]


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    assert {p.name for p in NEW_TYPES} <= {p.name for p in discover([PAGES])}
    assert not_read([PAGES]) == []


# --------------------------------------------------------------------------------------- LHA
def _lha_level0(name: str, content: bytes) -> bytes:
    """One stored (``-lh0-``) file behind a level-0 header, as LHarc 1 wrote it."""
    tail = struct.pack("<B", len(name)) + name.encode("cp437") + struct.pack("<H", crc16(content))
    base = b"-lh0-" + struct.pack("<IIIBB", len(content), len(content), 0x1E2D6000, 0x20, 0) + tail
    return bytes([len(base), sum(base) & 0xFF]) + base + content


def _lha_level1(name: str, content: bytes, folder: str) -> bytes:
    """One stored file behind a level-1 header whose extended header names its folder (its
    parts parted by 0xFF), the packed size counting that header, as LHA 2.x wrote it."""
    directory = b"\x02" + folder.encode("cp437").replace(b"/", b"\xff")
    extended = struct.pack("<H", len(directory) + 2)[:0] + directory + struct.pack("<H", 0)
    first_size = struct.pack("<H", len(extended))
    tail = struct.pack("<B", len(name)) + name.encode("cp437") + struct.pack("<H", crc16(content)) + b"M"
    packed = len(content) + len(extended)
    base = b"-lh0-" + struct.pack("<IIIBB", packed, len(content), 0x1E2D6000, 0x20, 1) + tail + first_size
    return bytes([len(base), sum(base) & 0xFF]) + base + extended + content


def test_an_lha_disk_gives_its_files_and_each_is_read(tmp_path: Path) -> None:
    """A real LHA archive (jlha, ``-lh5-``, level 2 headers) gives the files lhasa lists, and
    hand-made level 0 and 1 archives (stored) give theirs, a folder in a level-1 header kept;
    a DOS text file is given as UTF-8."""
    members = lha_members(LZH.read_bytes())
    assert next(name for name, _ in members) == "README.TXT"
    assert any(content.startswith(b"PART 8 REVIEW - CHILD S (CARDIFF)") for _, content in members)
    summary = f"{ACCOUNT}\r\nRule: ═══".encode("cp437")
    disk = _lha_level0("P8_9701.TXT", summary) + _lha_level1("NOTES.TXT", NOTE.encode(), "ACPC/1997") + b"\0"
    assert [name for name, _ in lha_members(disk)] == ["P8_9701.TXT", "ACPC/1997/NOTES.TXT"]
    assert lha_members(disk)[1][1] == NOTE.encode()
    (tmp_path / "disk.lzh").write_bytes(disk)
    text = read_source(tmp_path / "disk.lzh").text
    assert "Child K is a six-year-old boy" in text and "Rule: ═══" in text and NOTE in text


def test_lhasa_lists_and_unpacks_the_same_files(tmp_path: Path) -> None:
    """Debian's lhasa, another reader of the format, gives the same files' bytes (their DOS
    names in lower case, as lhasa writes a DOS archive's)."""
    import subprocess

    lha = debian_tool("lha")
    (tmp_path / "out").mkdir()
    subprocess.run([lha, "xqw=" + str(tmp_path / "out"), str(LZH)], check=True, capture_output=True)
    theirs = {p.name.upper(): p.read_bytes() for p in (tmp_path / "out").iterdir()}
    ours = dict(lha_members(LZH.read_bytes()))
    assert set(theirs) == set(ours)
    for name, content in theirs.items():
        assert ours[name] == content.rstrip(b"\x1a").decode("cp437").encode("utf-8")


def test_an_lha_archive_cut_damaged_or_packed_by_an_old_method_is_refused(tmp_path: Path) -> None:
    """A cut archive, a method older than -lh5- and a file failing its CRC: one line each."""
    data = LZH.read_bytes()
    with pytest.raises(CasegraphError, match="cannot read as an LHA archive: damaged LHA archive"):
        (tmp_path / "cut.lzh").write_bytes(data[:len(data) // 2])
        read_source(tmp_path / "cut.lzh")
    old = bytearray(_lha_level0("A.TXT", b"x" * 40) + b"\0")
    old[2:7] = b"-lh1-"
    with pytest.raises(CasegraphError, match="packed by -lh1-, a method casegraph does not read"):
        (tmp_path / "old.lzh").write_bytes(bytes(old))
        read_source(tmp_path / "old.lzh")
    refused_in_one_line(tmp_path / "bad-crc.lzh", _lha_level0("A.TXT", b"y" * 40)[:-1] + b"z\0")
    short = bytearray(data)
    short[0:2] = struct.pack("<H", 5)  # (a level 2 header that ends before its own fields)
    with pytest.raises(CasegraphError, match="a 5-byte level 2 header at byte 0"):
        (tmp_path / "short.lzh").write_bytes(bytes(short))
        read_source(tmp_path / "short.lzh")


# ---------------------------------------------------------------------------------- gettext
def _mo(entries: list[tuple[str | None, str, str]], tmp_path: Path) -> bytes:
    """A compiled catalogue of (context, id, translation), as polib (and msgfmt) write one."""
    import polib

    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for context, msgid, msgstr in entries:
        catalogue.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr))
    catalogue.save_as_mofile(str(tmp_path / "made.mo"))
    return (tmp_path / "made.mo").read_bytes()


def test_a_key_based_catalogue_is_its_translations_a_worded_one_its_ids(tmp_path: Path) -> None:
    """Keys ("01_heading") are no words: their translations are the page, context by context;
    a catalogue translated from English gives its English, as a PO file is read."""
    keyed = _mo([("review.k", "01_heading", "Local Child Safeguarding Practice Review: Child K"),
                 ("review.k", "02_summary", "Child K is a six-year-old boy who was neglected."),
                 ("notice", "invented", NOTE)], tmp_path)
    text = gettext_mo_text(keyed)
    assert text.index("Review: Child K") < text.index("six-year-old") and NOTE in text
    assert "01_heading" not in text and "review.k" not in text
    worded = gettext_mo_text(_mo([(None, "Learning from reviews", "Dysgu o adolygiadau")], tmp_path))
    assert worded.strip() == "Learning from reviews"
    assert "Content-Type" not in gettext_mo_text(MO.read_bytes())


def test_a_catalogue_cut_or_not_a_catalogue_is_refused_in_one_line(tmp_path: Path) -> None:
    data = MO.read_bytes()
    refused_in_one_line(tmp_path / "cut.mo", data[:40])
    refused_in_one_line(tmp_path / "other.mo", b"\x00\x01" * 30)


# ----------------------------------------------------------------------------------- XSPF
_PLAYLIST = ('<?xml version="1.0" encoding="UTF-8"?><playlist version="1" xmlns="http://xspf.org/ns/0/">'
             "<title>Listening list</title><date>2025-01-31T09:00:00+00:00</date><trackList><track>"
             "<location>https://media.example.org/ep1.mp3</location><title>Local Child Safeguarding "
             "Practice Review: Child K</title><creator>Practice Podcast</creator>"
             "<annotation>Published 2024\nChild K is a six-year-old boy who was neglected for two years."
             f"\nLearning:\n- one\n- two\n{NOTE}"
             "</annotation><duration>1846000</duration></track></trackList></playlist>")


def test_a_playlists_tracks_are_headings_over_their_show_notes(tmp_path: Path) -> None:
    """The tracks' titles are headings; the notes keep their lines; addresses, a duration and
    a date stamp are the player's."""
    (tmp_path / "list.xspf").write_text(_PLAYLIST, encoding="utf-8")
    lines = read_source(tmp_path / "list.xspf").text.split("\n")
    assert "Local Child Safeguarding Practice Review: Child K" in lines
    assert "- one" in lines and "- two" in lines and "Published 2024" in lines
    assert not any("example.org" in line or "1846000" in line or "2025-01-31" in line for line in lines)


# ------------------------------------------------------------------------------ Final Draft
_SCRIPT = ('<?xml version="1.0" encoding="UTF-8"?><FinalDraft DocumentType="Script" Version="1"><Content>'
           f'<Paragraph Type="Action"><Text>{NOTE}</Text></Paragraph>'
           '<Paragraph Type="Scene Heading"><Text>INT. FLAT - NIGHT</Text></Paragraph>'
           '<Paragraph Type="Action" Alignment="Center"><Text>LOCAL CHILD SAFEGUARDING PRACTICE REVIEW: '
           'CHILD K</Text></Paragraph><Paragraph Type="Character"><Text>Narrator (V.O.)</Text></Paragraph>'
           '<Paragraph Type="Parenthetical"><Text>(quietly)</Text></Paragraph><Paragraph Type="Dialogue">'
           '<Text>Child K is a six-year-old boy </Text><Text>who was neglected for two years.</Text>'
           '</Paragraph><Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph></Content></FinalDraft>')


def test_a_final_draft_scripts_words_are_what_the_audience_hears_and_reads() -> None:
    """Title cards and dialogue are kept (a dialogue's runs of text joined); scene headings,
    cues in any case, parentheticals and transitions are the film's directions."""
    fountain = final_draft_fountain(_SCRIPT)
    from casegraph.ingest.authoring import fountain_markdown

    text = fountain_markdown(fountain)
    assert "LOCAL CHILD SAFEGUARDING PRACTICE REVIEW: CHILD K" in text
    assert "Child K is a six-year-old boy who was neglected for two years." in text
    for direction in ("INT. FLAT", "Narrator", "quietly", "CUT TO"):
        assert direction not in text
    with pytest.raises(ValueError, match="no FinalDraft document"):
        final_draft_fountain("<Script><Content/></Script>")


# ------------------------------------------------------------------------------- SocialCalc
_SHEET = ("socialcalc:version:1.5\nMIME-Version: 1.0\n\ncell:A1:t:Review\ncell:B1:t:Area\ncell:C1:t:Summary\n"
          "cell:D1:t:Learning\ncell:A2:t:Child K\ncell:B2:t:Kent\\cEast:f:1\n"
          "cell:C2:t:Child K is a six-year-old boy\\nwho was neglected for two years.\n"
          "cell:D2:vtc:t:x:(1) ask\\b\ncell:E2:v:3\nsheet:c:5:r:2\n")


def test_a_socialcalc_saves_cells_are_its_rows_escapes_undone() -> None:
    """Each cell at its reference, its shown value (text, number, a constant's shown text),
    a colon, a line break and a backslash unescaped; styles are the tool's."""
    assert socialcalc_sheets(_SHEET) == [[["Review", "Area", "Summary", "Learning"],
                                          ["Child K", "Kent:East", "Child K is a six-year-old boy\nwho was "
                                           "neglected for two years.", "(1) ask\\", "3"]]]
    with pytest.raises(ValueError, match="not a SocialCalc save"):
        socialcalc_sheets("cell:A1:t:x\n")


# ---------------------------------------------------------------------------------- Lexical
def _lexical(title: str, nodes: list[dict]) -> dict:
    return {"title": title, "slug": "x", "content": {"root": {"type": "root", "children": nodes}}}


def _text(words: str, bold: bool = False) -> dict:
    return {"type": "text", "text": words, "format": 1 if bold else 0}


def test_lexical_states_in_a_cms_response_are_their_pages() -> None:
    """Each document's editor state as it renders: a heading, a bold label, a numbered list, a
    line break; a title the first heading repeats is said once; paging and slugs hold no words."""
    page = lexical_html({"docs": [_lexical("Learning review: Child K", [
        {"type": "heading", "tag": "h2", "children": [_text("Learning review: Child K")]},
        {"type": "paragraph", "children": [_text("Area:", True), _text(" Kent"), {"type": "linebreak"},
                                           _text(NOTE)]},
        {"type": "list", "listType": "number", "children": [
            {"type": "listitem", "value": 1, "children": [_text("Ask who lives there.")]}]}])],
        "totalDocs": 1, "page": 1})
    assert page is not None
    assert page.count("Learning review: Child K") == 1
    assert "<b>Area:</b> Kent<br>" in page and "<ol><li>Ask who lives there.</li></ol>" in page
    assert "slug" not in page and "totalDocs" not in page
    assert lexical_html({"docs": [{"title": "no state"}]}) is None


# ------------------------------------------------------------------------------------ damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"disk.lzh": _lha_level0("P8.TXT", ACCOUNT.encode()) + b"\0",
             "strings.mo": _mo([("r", "01_heading", ACCOUNT)], tmp_path), "list.xspf": _PLAYLIST.encode(),
             "film.fdx": _SCRIPT.encode(), "tracker.eth": _SHEET.encode(),
             "api.json": json.dumps({"docs": [_lexical("Child K", [
                 {"type": "paragraph", "children": [_text(ACCOUNT)]}])]}).encode()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=86, rounds=30)
    read_or_one_line_when_damaged(NEW_TYPES, tmp_path, seed=86, rounds=6)
    cut = [*small.items(), (LZH.name, LZH.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)
