"""File types and layouts of validation54 (session 71): a Welsh board's PowerPoint 97 template
(``.pot``, read before as a gettext catalogue and refused), a committee's single-file TiddlyWiki
(its reviews are data in a script, which a web page's reading dropped), an ACPC archive disk as
an ARJ archive (``.arj``), a "learning on a page" poster as an Enhanced Metafile (``.emf``) and
an ACPC booklet as a Microsoft Reader e-book (``.lit``).  Before, 10 of validation54's 27
reviews were lost.

validation54's pages are invented test data by that set's labeller.  The small pages and files
built below are invented too (each says so in its words) and use neutral pseudonyms; the
archives are made by the real tool (ARJ, which CI installs from Debian), never by casegraph.
``fixtures/ebooks/invented-multiframe.lit`` was written by calibre 6.13's ``ebook-convert``
(``--chapter //h:h1``) from 600 paragraphs of invented nonsense words (:func:`_nonsense`): 258 KB
of chapters, nine LZX frames, the state reset after every four."""

from __future__ import annotations

import json
import random
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from support import debian_tool, read_or_one_line_when_damaged, refused_in_one_line

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.arj import arj_members
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
DECK = TESTS / "validation45" / "pages" / "7MB Concise CPR NWSB 3-2024 Child L.ppt"
PAGES = TESTS / "validation54" / "pages"
TEMPLATE = PAGES / "NWSB 7MB template - Concise CPR example.pot"
HUB = PAGES / "angus-cpc-learning-hub.html"
DISK = PAGES / "Newport ACPC Part 8 summaries 1997-99.arj"
POSTER = PAGES / "HCPC learning review Child K - learning on a page.emf"
BOOKLET = PAGES / "EACPC Learning from Case Management Reviews 2006-07.lit"
MULTIFRAME = TESTS / "fixtures" / "ebooks" / "invented-multiframe.lit"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The template's worked example (its how-to and bracketed skeleton slides are none); the
    wiki's two review tiddlers (welcome and training none); the disk's summaries; the poster's
    review; the booklet's two CMR chapters (foreword, explainer and training calendar none)."""
    reviews = extract_reviews([TEMPLATE, HUB, DISK, POSTER, BOOKLET], vocab)[0]  # (a page unread raises)
    by_page: dict[str, list] = {}
    for review in reviews:
        by_page.setdefault(Path(review.sources[0].path).name, []).append(review)
    assert [c.pseudonym for r in by_page[TEMPLATE.name] for c in r.children] == ["Baby N"]
    assert [[c.pseudonym for c in r.children] for r in by_page[HUB.name]] == [["Child M"], ["Child J"]]
    assert [[c.pseudonym for c in r.children] for r in by_page[DISK.name]] == [
        ["Child D"], ["Child E", "Child F"]]
    assert [(c.pseudonym, c.age_months) for r in by_page[POSTER.name]
            for c in r.children] == [("Child K", 168)]
    assert [[c.pseudonym for c in r.children] for r in by_page[BOOKLET.name]] == [["Baby S"], ["Child T"]]


# ------------------------------------------------------------------ PowerPoint 97 template
def test_a_powerpoint_template_pot_reads_as_its_deck(tmp_path: Path, vocab: Vocabulary) -> None:
    """A ".pot" holding a PowerPoint 97 deck (a board's briefing template; before: read as a
    gettext catalogue template and refused, "Syntax error in po file") reads as the deck."""
    template = tmp_path / "7MB template.pot"
    shutil.copyfile(DECK, template)
    source = read_source(template)
    assert source.media_type == "application/vnd.ms-powerpoint"
    assert source.text == read_source(DECK).text
    assert [r.title for r in extract_reviews([template], vocab)[0]] == [
        "Concise Child Practice Review – Child L"]


def test_a_gettext_template_pot_keeps_its_letters(tmp_path: Path) -> None:
    """A gettext ".pot" is still a catalogue, and its UTF-8 is read as UTF-8 (before, a ".pot"
    was decoded a byte a character, as a deck's bytes are: "—" became "â\\x80\\x94")."""
    catalogue = tmp_path / "reviews.pot"
    catalogue.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                         '#: reviews.html:3\nmsgid "Learning review — Child É (invented test data)"\n'
                         'msgstr ""\n', encoding="utf-8")
    source = read_source(catalogue)
    assert source.media_type == "text/x-gettext-translation"
    assert source.text == "Learning review — Child É (invented test data)\n"


# ------------------------------------------------------------------------- single-file wiki
_TIDDLERS = [
    {"title": "$:/SiteTitle", "text": "Invented Hub"},
    {"title": "Reviews", "created": "20240108093000000", "text": '<<list-links filter:"[tag[Reviews]]">>\n'},
    {"title": "Learning Review: Child Q (2023)", "created": "20240105093000000", "tags": "Reviews",
     "type": "text/vnd.tiddlywiki",
     "text": "''Published:'' October 2023\n\n!! What happened\nChild Q, a pseudonym in invented test "
             "data, was four months old when she was taken to hospital with a fractured arm in "
             "May 2023.\n\n!! Learning\n* Invented learning point one.\n* Invented learning point "
             "two.\n\n!! Recommendations\n# Invented recommendation one.\n\n<<<\nKeywords: "
             "invented\n<<<\n"},
    {"title": "Welcome", "created": "20240104093000000", "text": "This invented hub holds test pages.\n"},
]


def _wiki(tiddlers: list[dict[str, str]]) -> str:
    """A TiddlyWiki 5.2+ single file's shape: the program in scripts, the content a JSON store."""
    return ("<!doctype html>\n<html><head><title>Invented Hub</title></head><body>\n"
            '<div id="styleArea"></div>\n<script class="tiddlywiki-tiddler-store" type="application/json">'
            + json.dumps(tiddlers).replace("<", "\\u003C") + "</script>\n"
            '<script data-tiddler-title="$:/boot/boot.js" type="text/javascript">var $tw = {};</script>\n'
            "<noscript>This page requires JavaScript.</noscript></body></html>\n")


def test_a_tiddlywiki_single_file_reads_as_its_tiddlers(tmp_path: Path, vocab: Vocabulary) -> None:
    """Its tiddlers in the order they were written, each its title and its text as a ".tid" file
    reads; the program's "$:/" tiddlers and a tiddler that only lists others are no content.
    (Before: the page read as its "requires JavaScript" line, and its review was lost.)"""
    page = tmp_path / "invented-hub.html"
    page.write_text(_wiki(_TIDDLERS), encoding="utf-8")
    text = read_source(page).text
    assert text.index("This invented hub") < text.index("Learning Review: Child Q (2023)")
    assert "Invented Hub\n" not in text and "list-links" not in text and "<<<" not in text
    assert "JavaScript" not in text and "- Invented learning point two." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.children[0].age_months) == ("Child Q", 4)
    assert (len(review.learning), review.publication_year) == (2, 2023)


def test_an_older_tiddlywiki_store_area_is_read_too(tmp_path: Path) -> None:
    """TiddlyWiki 5.0 and 5.1 kept tiddlers as ``<div title=...><pre>`` in a store area."""
    page = tmp_path / "older-hub.html"
    page.write_text('<!doctype html>\n<html><body><div id="storeArea">\n'
                    '<div created="20240105093000000" title="Child Q &amp; sibling (invented)">\n'
                    "<pre>!! Learning\n* Invented point &lt;one&gt;.</pre>\n</div>\n</div></body></html>\n",
                    encoding="utf-8")
    assert read_source(page).text == "Child Q & sibling (invented)\n\nLearning\n- Invented point <one>.\n"


def test_a_damaged_tiddler_store_is_refused_in_one_line(tmp_path: Path) -> None:
    page = _wiki(_TIDDLERS)
    cut = page.index("</script>")
    refused_in_one_line(tmp_path / "hub.html", (page[:cut - 40] + page[cut:]).encode())


# ------------------------------------------------------------------------------- ARJ archive
#: An invented DOS executive summary: code page 437 rules, CRLF lines, the ^Z end-of-file mark.
_DOS_SUMMARY = ("═" * 40 + "\n PART 8 REVIEW - CHILD 'Q' (INVENTED TEST DATA)\n" + "═" * 40 + "\n\n"
                "Child Q, a pseudonym in invented test data, was four months old when she was\n"
                "taken to hospital with a fractured arm in May 1997.\n\n"
                "LESSONS\n\n (a) Invented lesson one.\n (b) Invented lesson two.\n")


def _arj(folder: Path, method: int, files: dict[str, bytes], *options: str) -> Path:
    """An archive made by ARJ (Debian's ``arj``) with compression ``method`` (0 stores; 1 to 3
    are Huffman-coded LZ77, 4 the fast method), the files under their names and folders."""
    source = folder / f"in{method}"
    for name, content in files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(content)
    archive = folder / f"disk{method}.arj"
    subprocess.run([debian_tool("arj"), "a", f"-m{method}", "-r", "-y", *options, str(archive), "*"],
                   cwd=source, check=True, capture_output=True)
    return archive


def _files() -> dict[str, bytes]:
    """A DOS summary, a long text (many Huffman blocks and matches far back), and bytes of
    every value (seeded), so that each method's codes and distances are all exercised."""
    rng = random.Random(54)
    words = ["invented", "review", "agencies", "shared", "information", "about", "the", "child",
             "and", "family"]
    long_text = "\r\n".join(" ".join(rng.choice(words) for _ in range(14)) for _ in range(9000))
    return {"P8_9701.TXT": _DOS_SUMMARY.replace("\n", "\r\n").encode("cp437") + b"\x1a",
            "NOTES/LONG.TXT": long_text.encode("ascii"),
            "DATA.BIN": bytes(rng.getrandbits(8) for _ in range(40_000))}


@pytest.mark.parametrize("method", [0, 1, 2, 3, 4])
def test_an_arj_archive_gives_the_files_arj_packed(tmp_path: Path, method: int) -> None:
    """Every method gives each file's bytes as they were packed (checked against the files
    themselves, and by ARJ's CRC-32 of each); a DOS text's code page 437 is given as UTF-8,
    its ^Z dropped."""
    files = _files()
    members = dict(arj_members(_arj(tmp_path, method, files).read_bytes()))
    assert sorted(members) == ["DATA.BIN", "NOTES/LONG.TXT", "P8_9701.TXT"]
    assert members["DATA.BIN"] == files["DATA.BIN"]
    assert members["NOTES/LONG.TXT"] == files["NOTES/LONG.TXT"]
    assert members["P8_9701.TXT"].decode("utf-8") == _DOS_SUMMARY.replace("\n", "\r\n")


def test_an_arj_disk_of_summaries_reads_as_its_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """(Before: "binary file (NUL byte)", and the disk's reviews were lost.)"""
    archive = _arj(tmp_path, 1, {"P8_9701.TXT": _DOS_SUMMARY.replace("\n", "\r\n").encode("cp437") + b"\x1a"})
    source = read_source(archive)
    assert source.media_type == "application/x-arj"
    assert "═══" in source.text and "\x1a" not in source.text
    (review,) = extract_reviews([archive], vocab)[0]
    assert (review.children[0].pseudonym, review.children[0].age_months) == ("Child Q", 4)


def test_a_damaged_or_locked_arj_archive_is_refused_in_one_line(tmp_path: Path) -> None:
    """A cut archive, one whose file fails its CRC, and one locked with a password."""
    data = _arj(tmp_path, 1, {"P8_9701.TXT": _DOS_SUMMARY.encode("cp437")}).read_bytes()
    refused_in_one_line(tmp_path / "cut.arj", data[:len(data) // 2])
    flipped = bytearray(data)
    flipped[-20] ^= 0x55  # (inside the file's compressed bytes, before the end header)
    refused_in_one_line(tmp_path / "flipped.arj", bytes(flipped))
    locked = _arj(tmp_path / "locked", 1, {"P8_9701.TXT": _DOS_SUMMARY.encode("cp437")}, "-gInvented")
    with pytest.raises(CasegraphError, match="encrypted with a password"):
        read_source(locked)
    (tmp_path / "damaged").mkdir()
    read_or_one_line_when_damaged([locked, tmp_path / "disk1.arj"], tmp_path / "damaged", seed=54, rounds=40)


# ---------------------------------------------------------------------------- Enhanced Metafile
def _record(kind: int, body: bytes) -> bytes:
    """An EMF record: its type, its size (a multiple of four), its body ([MS-EMF] 2.3)."""
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", kind, 8 + len(body)) + body


def _metafile(texts: list[tuple[int, int, int, str]], *, ansi: bool = False, glyphs: bool = False) -> bytes:
    """An invented poster's metafile as [MS-EMF] lays it out: a header, then for each text
    (left edge, baseline, font height, words) a font made and selected and the text drawn as
    EMR_EXTTEXTOUTW (or ...A in the ANSI code page; or as glyph numbers), then the end."""
    header = struct.pack("<4i4i", 0, 0, 2000, 3000, 0, 0, 21000, 29700) + b" EMF" + b"\0" * 52
    out = [_record(1, header)]
    for x, y, height, words in texts:
        out.append(_record(82, struct.pack("<Ii4i", 3, -height, 0, 0, 0, 700 if height > 500 else 400)
                           + b"\0" * 8 + "Arial".encode("utf-16-le").ljust(64, b"\0")))
        out.append(_record(37, struct.pack("<I", 3)))
        encoded = words.encode("cp1252" if ansi else "utf-16-le")
        chars = len(words)
        text = struct.pack("<4iIff", 0, 0, 0, 0, 1, 0.0, 0.0) + struct.pack(
            "<iiIII4iI", x, y, chars, 76, 0x10 if glyphs else 0, 0, 0, 0, 0, 0) + encoded
        out.append(_record(83 if ansi else 84, text))
    out.append(_record(14, struct.pack("<III", 0, 0, 20)))
    return b"".join(out)


_POSTER = [(100, 100, 700, "Learning Review: Child Q (invented test data)"),
           (100, 900, 500, "Child Q, a pseudonym in invented test data, was four months old when"),
           (100, 1600, 500, "she was taken to hospital with a fractured arm in May 2023."),
           (100, 3000, 700, "What we learned"),
           (100, 3800, 500, "• Invented learning point one, which the poster wraps over"),
           (100, 4500, 500, "two lines."),
           (100, 5200, 500, "• Invented learning point two.")]


def test_a_metafile_poster_reads_as_its_paragraphs(tmp_path: Path, vocab: Vocabulary) -> None:
    """A poster's lines (each wrapped line a record of its own) as its paragraphs: lines a line
    apart in one font joined, a bullet or a wider gap starting the next, a heading apart.
    (Before: "binary file (NUL byte)".)"""
    poster = tmp_path / "learning on a page.emf"
    poster.write_bytes(_metafile(_POSTER))
    source = read_source(poster)
    assert source.media_type == "image/emf"
    assert source.text.split("\n\n") == [
        "Learning Review: Child Q (invented test data)",
        "Child Q, a pseudonym in invented test data, was four months old when she was taken to "
        "hospital with a fractured arm in May 2023.", "What we learned",
        "• Invented learning point one, which the poster wraps over two lines.",
        "• Invented learning point two.\n"]
    (review,) = extract_reviews([poster], vocab)[0]
    assert (review.children[0].age_months, len(review.learning)) == (4, 2)


def test_a_metafile_in_the_ansi_code_page_reads_too(tmp_path: Path) -> None:
    poster = tmp_path / "poster.emf"
    poster.write_bytes(_metafile([(0, 0, 500, "Café budget £5 (invented)")], ansi=True))
    assert read_source(poster).text == "Café budget £5 (invented)\n"


def test_a_cut_or_letterless_metafile_is_refused_in_one_line(tmp_path: Path) -> None:
    """Cut short; drawing only glyph numbers (no letters to read); not a metafile at all."""
    whole = _metafile(_POSTER)
    refused_in_one_line(tmp_path / "cut.emf", whole[:len(whole) // 2])
    with pytest.raises(CasegraphError, match="draws no text"):
        (tmp_path / "glyphs.emf").write_bytes(_metafile(_POSTER, glyphs=True))
        read_source(tmp_path / "glyphs.emf")
    refused_in_one_line(tmp_path / "image.emf", b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    (tmp_path / "poster.emf").write_bytes(whole)
    (tmp_path / "damaged").mkdir()
    read_or_one_line_when_damaged([tmp_path / "poster.emf"], tmp_path / "damaged", seed=71, rounds=60)


# ---------------------------------------------------------------------- Microsoft Reader e-book
def _nonsense() -> list[str]:
    """The 600 invented paragraphs MULTIFRAME was converted from (seeded, so made again here)."""
    rng = random.Random(71)
    words = ["zorb", "plinth", "quaver", "mottle", "glint", "vessel", "hollow", "ember", "drift", "sable",
             "tinsel", "furrow", "lantern", "quill"]
    return [f"Invented paragraph {n}: " + " ".join(rng.choice(words) for _ in range(60)) + "."
            for n in range(1, 601)]


def test_a_reader_book_reads_as_its_chapters_in_reading_order() -> None:
    """Every paragraph calibre was given, in its order, across nine LZX frames and two resets
    (the chapters' binary HTML turned back into paragraphs and headings)."""
    text = read_source(MULTIFRAME).text
    at = 0
    for paragraph in _nonsense():
        at = text.index(paragraph, at)  # (raises when one is missing or out of order)
    assert [line for line in text.splitlines() if line.startswith("Invented chapter")] == [
        f"Invented chapter {n}" for n in range(1, 5)]


def test_the_booklets_headings_lists_and_chapters_are_kept(tmp_path: Path) -> None:
    """A chapter's heading is a line of its own, its bullets list items, its head (title,
    style links) no text; the chapters follow the manifest's reading order."""
    source = read_source(BOOKLET)
    assert source.media_type == "application/x-ms-reader"
    lines = source.text.splitlines()
    assert lines[0] == "Foreword" and "CMR 2/2006 – Baby S" in lines
    assert lines.index("CMR 2/2006 – Baby S") < lines.index("CMR 4/2006 – Child T")
    assert "stylesheet" not in source.text and "text/css" not in source.text


def test_a_protected_or_damaged_reader_book_is_refused_in_one_line(tmp_path: Path) -> None:
    """A book whose chapters pass through DES (Reader's DRM; here the LZX transform's GUID
    replaced by the DES one), a cut book, and damaged copies."""
    data = MULTIFRAME.read_bytes()
    lzx_guid = bytes.fromhex("c607900a7640d31187890000f8105754")
    des_guid = bytes.fromhex("a2e4f667bf60d3118540" "00c04f58c3cf")
    list_at = data.index(lzx_guid)  # (the first is the compressed section's transform list)
    sealed = tmp_path / "sealed.lit"
    sealed.write_bytes(data[:list_at] + des_guid + data[list_at + 16:])
    with pytest.raises(CasegraphError, match="protected by DRM"):
        read_source(sealed)
    refused_in_one_line(tmp_path / "cut.lit", data[:len(data) // 2])
    (tmp_path / "damaged").mkdir()
    read_or_one_line_when_damaged([BOOKLET, MULTIFRAME], tmp_path / "damaged", seed=71, rounds=40)


def test_a_cut_arj_archive_is_named_with_its_article(tmp_path: Path) -> None:
    """The one-line refusal reads as English: "cannot read as an ARJ archive" (it said "a")."""
    data = _arj(tmp_path, 1, {"P8_9701.TXT": _DOS_SUMMARY.encode("cp437")}).read_bytes()
    (tmp_path / "cut.arj").write_bytes(data[:len(data) // 2])
    with pytest.raises(CasegraphError, match="cannot read as an ARJ archive: damaged ARJ archive"):
        read_source(tmp_path / "cut.arj")
