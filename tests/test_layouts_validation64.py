"""File types and layouts of validation64 (session 81): a library's Rocket eBook of old serious
case review summaries (``.rb``), a podcast master in True Audio whose show notes are its APEv2
tag (``.tta``), a phone's 3GP edition whose notes are 3GPP asset boxes (``.3gp``), a recorded
briefing's Praat TextGrid (``.TextGrid``), a journal article in JATS (``.nxml``); a two-column
ReportLab pack whose headings wrap inside their bracket and whose recommendations are a spaced
table, podcast notes whose headings carry their time ("[02:15] Learning Review: ...").  Before,
the eBook and the master were refused as binary, the 3GP as a video with no description; the
TextGrid was read as its file's text (every sentence in a ``text = "..."`` line), and neither
the TextGrid nor the article was offered from a folder.

validation64's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import mutagen.apev2
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
from casegraph.ingest.binaries import _page_lines
from casegraph.ingest.isobmff import asset_tags
from casegraph.ingest.media import audio_text, mp4_parts, textgrid_captions
from casegraph.ingest.packages import rocket_html
from casegraph.ingest.sources import _spaced_item_tables_as_pipes, discover, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation64" / "pages"
RB = PAGES / "meadowbank-library-scr-summaries-2001-02-ereader-edition.rb"
TTA = PAGES / "practice-matters-ep12-learning-reviews-archive-master.tta"
GP3 = PAGES / "rcpc-ni-learning-bites-ep03-2011-03-cmr-mobile-edition.3gp"
GRID = PAGES / "wales-training-7-minute-briefing-recording-cprs-alignment.TextGrid"
NXML = PAGES / "plq-2023-09-04-fathers-interpreters-disabled-children.nxml"
PACK = PAGES / "aberdeenshire-cpc-learning-review-briefing-pack-2024-reportlab.pdf"


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The eBook holds three SCRs (its introduction gives their type), the master and the 3GP
    two reviews each, the TextGrid two CPRs (each heading a whole interval), the article a
    national and a local review, the pack two (its "At a glance" table no review of its own)."""
    by_page = reviews_by_page([RB, TTA, GP3, GRID, NXML, PACK], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[RB.name] == [["Kieran"], ["Amy", "Ella"], ["Dylan"]]
    assert {r.review_type.notation for r in by_page[RB.name] if r.review_type} == {"RT-SCR"}
    assert by_page[RB.name][2].children[0].age_months == 9 * 12  # ("Dylan, nine, was ...")
    assert names[TTA.name] == [["Baby L"], ["Callum"]]
    assert by_page[TTA.name][0].title == "Learning Review: Baby L (Highland, published June 2022)"
    assert names[GP3.name] == [["Child K"], ["Siobhan"]]
    assert names[GRID.name] == [["Child T"], ["Megan"]]
    assert by_page[GRID.name][0].title == "Concise Child Practice Review PRSB 3/2018 - Child T"
    # ("So what is the learning?" over "One: ..." and "Two: ..."; "The learning, in a sentence: ...")
    assert [len(r.learning) for r in by_page[GRID.name]] == [2, 1]
    # ("she was meeting older men, and she had gone missing": hers, not the men's)
    assert "RF-MISS" in {c.notation for c in by_page[GRID.name][1].risk_factors}
    assert names[NXML.name] == [["Ruby", "Sam"], ["Tomas"]]
    assert by_page[NXML.name][1].children[0].age_months == 11 * 12  # ("Tomas, who is eleven")
    assert names[PACK.name] == [["Child E"], ["Liam"]]
    assert len(by_page[PACK.name][0].recommendations) == 4  # (the table's four rows)
    assert len(by_page[PACK.name][1].learning) == 1  # ("Contact the learning ... team:" is none)


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {RB.name, TTA.name, GP3.name, GRID.name, NXML.name} <= found
    assert not_read([PAGES]) == []


# -------------------------------------------------------------------------------- Rocket eBook
def _rocket(parts: list[tuple[str, int, bytes]], size: int | None = None) -> bytes:
    """An invented Rocket eBook: its header (magic, version 2, "NUVO", the table of contents'
    offset at 24 and the file's size at 28), the table (a count, then each part's 32-byte name,
    size, offset and flags), then the parts; a part of flag 8 is packed in zlib chunks."""
    bodies = []
    for name, flags, data in parts:
        if flags & 8:
            chunks = [zlib.compress(data[k:k + 4096]) for k in range(0, len(data), 4096)]
            sizes = struct.pack(f"<II{len(chunks)}I", len(chunks), len(data), *map(len, chunks))
            data = sizes + b"".join(chunks)
        bodies.append((name, flags, data))
    toc = 0x128
    at = toc + 4 + 44 * len(bodies)
    table, blob = struct.pack("<I", len(bodies)), b""
    for name, flags, data in bodies:
        table += name.encode().ljust(32, b"\0") + struct.pack("<III", len(data), at + len(blob), flags)
        blob += data
    total = at + len(blob)
    head = b"\xb0\x0c\xb0\x0c\x02\x00NUVO" + bytes(14) + struct.pack("<II", toc, size or total)
    return head.ljust(toc, b"\0") + table + blob


_BOOK = (b"<HTML><HEAD><TITLE></TITLE></HEAD><BODY><H2>Serious Case Review: Child K (Testshire, 2002)</H2>"
         b"<P>Child K, a six-year-old boy, was neglected for two years.</P><P>" + NOTE.encode() + b"</P>"
         b"<P>Learning:</P><UL><LI>Visits were missed.</LI></UL></BODY></HTML>")
_INFO = b"TYPE=2\nTITLE=Review summaries (invented)\nAUTHOR=Testshire library\n"


def test_a_rocket_ebooks_html_parts_are_its_page(tmp_path: Path) -> None:
    """Its HTML parts in the table's order, packed or not; the info page's title where the HTML
    has none; a Ruby script called ".rb" is read as the text it is, as before."""
    html = rocket_html(_rocket([("info.info", 2, _INFO), ("index.html", 8, _BOOK)]))
    assert html.startswith("<HTML><HEAD><title>Review summaries (invented)</title>")
    assert "Child K, a six-year-old boy" in rocket_html(_rocket([("index.html", 0, _BOOK)]))
    (tmp_path / "book.rb").write_bytes(_rocket([("info.info", 2, _INFO), ("index.html", 8, _BOOK)]))
    assert "Serious Case Review: Child K (Testshire, 2002)\n" in read_source(tmp_path / "book.rb").text
    (tmp_path / "scrape.rb").write_text(f"# {NOTE}\nputs 'Child K'\n")
    assert "puts 'Child K'" in read_source(tmp_path / "scrape.rb").text


def test_a_rocket_ebook_encrypted_or_cut_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"part 'index.html' is encrypted \(DRM\)"):
        rocket_html(_rocket([("index.html", 1, _BOOK)]))
    good = _rocket([("index.html", 8, _BOOK)])
    with pytest.raises(ValueError, match=r"cut short \(its header gives \d+ bytes"):
        rocket_html(good[:-20])
    refused_in_one_line(tmp_path / "cut.rb", good[:-20])
    refused_in_one_line(tmp_path / "locked.rb", _rocket([("index.html", 1, _BOOK)]))


# ----------------------------------------------------------------------------------- True Audio
def _tta(tmp_path: Path, **items: str) -> bytes:
    """An invented True Audio file: its 22-byte header (mono, 16 bits, 44.1 kHz, 1,000 samples:
    one frame), a seek table of that frame's size and a check, ten bytes of "sound", then an
    APEv2 tag of ``items`` written by mutagen, as ffmpeg writes one."""
    frame = bytes(10)
    data = b"TTA1" + struct.pack("<HHHII", 1, 1, 16, 44100, 1000) + bytes(4) \
        + struct.pack("<I", len(frame)) + bytes(4) + frame
    path = tmp_path / "master.tta"
    path.write_bytes(data)
    if items:
        tag = mutagen.apev2.APEv2()
        tag.update(items)
        tag.save(path)
    return path.read_bytes()


def test_a_true_audio_files_ape_tag_is_its_show_notes(tmp_path: Path) -> None:
    """mutagen's True Audio reader looks for ID3 only: the APEv2 tag at the end is read, its
    title heading the page, its comment the notes; a file cut before its tag says so."""
    data = _tta(tmp_path, Title="Episode 2", Comment=ACCOUNT)
    assert audio_text(data).rstrip().split("\n\n") == ["Episode 2", ACCOUNT]
    with pytest.raises(ValueError, match=r"cut short: its frames run to byte 40, the file has 30"):
        audio_text(data[:30])
    refused_in_one_line(tmp_path / "untagged.tta", _tta(tmp_path))


# ------------------------------------------------------------------------------- 3GPP assets
def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def _asset(kind: bytes, text: str, utf16: bool = False) -> bytes:
    """A 3GPP asset box: version and flags, a packed language ("eng"), the string and its NUL."""
    words = ("\ufeff" + text).encode("utf-16-be") + b"\0\0" if utf16 else text.encode() + b"\0"
    return _box(kind, bytes(4) + struct.pack(">H", 0x15C7) + words)


def test_a_3gp_videos_asset_boxes_are_its_notes() -> None:
    """Title, author and recording year head the page, the description (UTF-16 here, after its
    byte-order mark) is the notes; the copyright is not shown."""
    movie = _box(b"udta", _asset(b"titl", "Episode 3") + _asset(b"auth", "Testshire CPC")
                 + _asset(b"dscp", ACCOUNT, utf16=True) + _asset(b"cprt", "(c) 2011")
                 + _box(b"yrrc", bytes(4) + struct.pack(">H", 2011)))
    data = _box(b"ftyp", b"3gp4" + bytes(4) + b"3gp4isom") + _box(b"moov", movie)
    assert asset_tags(data) == {"\xa9nam": ["Episode 3"], "\xa9ART": ["Testshire CPC"], "desc": [ACCOUNT],
                                "\xa9day": ["2011"]}
    assert mp4_parts(data) == (f"Episode 3\nTestshire CPC\n2011\n\n{ACCOUNT}\n", [])


# ------------------------------------------------------------------------------ Praat TextGrid
_LONG = """File type = "ooTextFile"
Object class = "TextGrid"

xmin = 0
xmax = 9
tiers? <exists>
size = 2
item []:
    item [1]:
        class = "IntervalTier"
        name = "words"
        xmin = 0
        xmax = 9
        intervals: size = 2
        intervals [1]:
            xmin = 0
            xmax = 1
            text = "Concise"
        intervals [2]:
            xmin = 1
            xmax = 9
            text = ""
    item [2]:
        class = "IntervalTier"
        name = "utterance"
        xmin = 0
        xmax = 9
        intervals: size = 3
        intervals [1]:
            xmin = 0
            xmax = 3
            text = "Concise Child Practice Review - Child K"
        intervals [2]:
            xmin = 3
            xmax = 6
            text = "Child K, a six-year-old boy, was ""neglected"" for two years."
        intervals [3]:
            xmin = 6
            xmax = 9
            text = "This recording is invented test data for casegraph."
"""
_SHORT = """File type = "ooTextFile"
Object class = "TextGrid"

0
9
<exists>
1
"IntervalTier"
"utterance"
0
9
3
0
3
"Concise Child Practice Review - Child K"
3
6
"Child K, a six-year-old boy, was ""neglected"" for two years."
6
9
"This recording is invented test data for casegraph."
"""


def test_a_textgrids_sentences_are_its_captions() -> None:
    """The tier with the most words an interval (not an aligner's tier of single words), each
    interval a cue, a doubled quote one quote; the long and the short layouts alike."""
    captions = textgrid_captions(_LONG)
    assert captions == textgrid_captions(_SHORT)
    assert captions.startswith("1\n00:00:00,000 --> 00:00:03,000\nConcise Child Practice Review - Child K\n")
    assert 'was "neglected" for two years.' in captions and "\nConcise\n" not in captions


def test_a_textgrid_binary_cut_or_empty_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"binary Praat TextGrid"):
        textgrid_captions("ooBinaryFile\x08TextGrid")
    with pytest.raises(ValueError, match=r"damaged Praat TextGrid"):
        textgrid_captions(_SHORT[:_SHORT.index('"Child K, a six')])
    empty = _SHORT
    for said in re.findall(r'^"(?:[^"]|"")*[ ,.](?:[^"]|"")*"$', _SHORT, re.M):  # (each sentence)
        empty = empty.replace(said, '""')
    with pytest.raises(ValueError, match=r"tiers hold no words"):
        textgrid_captions(empty)
    refused_in_one_line(tmp_path / "empty.TextGrid", empty.encode())
    refused_in_one_line(tmp_path / "notes.TextGrid", NOTE.encode())


# ------------------------------------------------------------------------------------- layouts
def test_a_chapters_time_leaves_a_review_heading_but_not_a_speakers_turn(tmp_path: Path,
                                                                         vocab: Vocabulary) -> None:
    """"[02:15] Learning Review: Child K (...)" heads its review; "[00:41] Reviewer: ..." is a
    turn of a transcript, no heading, though its label holds "Review"."""
    reviews = _reviews(tmp_path, vocab, "[02:15] Learning Review: Child K (Testshire, published 2022)\n"
                       "Child K, a six-year-old boy, was neglected for two years.\n\n"
                       "[09:40] Significant Case Review: Child M (Testshire, published 2019)\n"
                       "Child M, a baby, was injured in 2018.\n\n[12:00] Reviewer: we asked the school.\n")
    assert [r.title for r in reviews] == ["Learning Review: Child K (Testshire, published 2022)",
                                          "Significant Case Review: Child M (Testshire, published 2019)"]


def test_a_spaced_table_of_recommendations_is_a_row_each() -> None:
    """pdftotext's layout of a table of recommendations and owners, each cell wrapped over lines
    and the rows apart: a pipe table, a row a line; a numbered heading ("5.   Recommendations")
    and the paragraph after the table stay as they are."""
    text = ("Recommendations\n\n   Recommendation                 Owner\n\n"
            "   Issue guidance on following    Education and\n"
            "   up absence                     Children's Services\n\n"
            "   Provide safety plans           Child Protection\n"
            "                                  Committee\n\n"
            "Child M's review followed.\n\n5.   Recommendations\n")
    assert _spaced_item_tables_as_pipes(text) == (
        "Recommendations\n\n   | Recommendation | Owner |\n   | --- | --- |\n"
        "   | Issue guidance on following up absence | Education and Children's Services |\n"
        "   | Provide safety plans | Child Protection Committee |\n\n"
        "Child M's review followed.\n\n5.   Recommendations\n")


def test_a_pdf_headings_bracket_wrapped_at_its_comma_is_one_line() -> None:
    assert _page_lines("Learning Review: Child K (Testshire,\npublished March 2024)\nChild K was hurt.") == [
        "Learning Review: Child K (Testshire, published March 2024)", "Child K was hurt."]
    assert _page_lines("The review (which\nwas short) ended.") == ["The review (which", "was short) ended."]


def test_a_digests_introduction_gives_its_reviews_type(tmp_path: Path, vocab: Vocabulary) -> None:
    """"This edition holds short summaries of two serious case reviews": the type of the
    reviews under headings that name none."""
    reviews = _reviews(tmp_path, vocab, "This edition holds short summaries of two serious case reviews.\n\n"
                       "Review 1: Child K (Testshire, 2002)\nChild K, a six-year-old boy, was neglected.\n\n"
                       "Review 2: Child M (Testshire, 2001)\nChild M, a baby, was injured in 2000.\n")
    assert [r.review_type.notation if r.review_type else None for r in reviews] == ["RT-SCR", "RT-SCR"]


def _reviews(tmp_path: Path, vocab: Vocabulary, text: str, name: str = "page.txt") -> list:
    return reviews_of_page(tmp_path, name, f"[{NOTE}]\n\n{text}", vocab)


# ------------------------------------------------------------------------------------ damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"book.rb": _rocket([("info.info", 2, _INFO), ("index.html", 8, _BOOK)]),
             "master.tta": _tta(tmp_path, Title="Episode 2", Comment=ACCOUNT),
             "grid.TextGrid": _LONG.encode(), "short.TextGrid": _SHORT.encode()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=81, rounds=30)
    read_or_one_line_when_damaged([RB, TTA, GP3, GRID, NXML], tmp_path, seed=81, rounds=6)
    cut = [*small.items(), (RB.name, RB.read_bytes()), (GP3.name, GP3.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)
