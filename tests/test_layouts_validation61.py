"""File types and layouts of validation61 (session 78): a WavPack archive master tagged with APEv2
(``.wv``), a calibre PMLZ e-book in Palm Markup Language (``.pmlz``), a GIF learning graphic whose
words are its comment (``.gif``), a podcast's LRC transcript (``.lrc``) and an iTunes-tagged video
whose title its synopsis repeats (``.m4v``).  Before, the first three were refused as binary files,
the transcript was read with a time stamp in front of every line (its two reviews one), and the
video's one review was read as two.

validation61's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import shutil
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
    zipped,
)

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.columns import columns_as_text
from casegraph.ingest.markup import pml_markdown
from casegraph.ingest.media import audio_text, lrc_captions
from casegraph.ingest.photo import gif_text
from casegraph.ingest.sources import discover, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation61" / "pages"
WV = PAGES / "SBNI-learning-event-2014-two-CMRs-archive-master.wv"
PMLZ = PAGES / "WSCB-training-handout-2010-learning-from-SCRs (eReader edition).pmlz"
GIF = PAGES / "sbni-cmr-child-d-safe-sleep-learning-graphic.gif"
LRC = PAGES / "Child Protection Voices S3E4 - two learning reviews (transcript).lrc"
M4V = PAGES / "CYSUR Learning Film - Extended CPR Child M (video podcast).m4v"


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The master holds the SBNI's two CMRs, the e-book Wirral's two SCRs, the graphic Child D's
    CMR, the transcript Forth Valley's two learning reviews, the film Child M's one review."""
    by_page = reviews_by_page([WV, PMLZ, GIF, LRC, M4V], vocab)
    assert [c.pseudonym for r in by_page[WV.name] for c in r.children] == ["Child G", "Baby H"]
    assert [c.pseudonym for r in by_page[PMLZ.name] for c in r.children] == ["Baby J", "Child K"]
    assert [(c.pseudonym, r.area) for r in by_page[GIF.name] for c in r.children] \
        == [("Child D", "Western Trust")]
    assert [(c.pseudonym, r.area) for r in by_page[LRC.name] for c in r.children] \
        == [("Child L", "Falkirk"), ("Erin", "Stirling")]
    (film,) = by_page[M4V.name]
    assert ([c.pseudonym for c in film.children], film.area) == (["Child M"], "Ceredigion")


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {WV.name, PMLZ.name, GIF.name, LRC.name, M4V.name} <= found
    assert not_read([PAGES]) == []


# ------------------------------------------------------------------------------ WavPack (APEv2)
def _retagged(tmp_path: Path, **items: str | None) -> Path:
    """A copy of the set's WavPack master with its APEv2 items changed (None deletes one)."""
    from mutagen.wavpack import WavPack

    copy = tmp_path / "master.wv"
    shutil.copyfile(WV, copy)
    audio = WavPack(copy)
    assert audio.tags is not None
    for key, value in items.items():
        if value is None:
            del audio.tags[key]
        else:
            audio.tags[key] = value
    audio.save()
    return copy


def test_apev2_items_are_read_whatever_their_case(tmp_path: Path) -> None:
    """An item is named in any case ("Notes", "NOTES", "notes"): the notes are the prose, the
    title, the artist and the year head the page."""
    copy = _retagged(tmp_path, Notes=None, notes=ACCOUNT, Year="2014")
    text = audio_text(copy.read_bytes())
    assert text.splitlines()[0] == "SBNI learning event 2014: two case management reviews"
    assert "2014" in text.split("\n\n")[0] and "six-year-old boy" in text


def test_a_wavpack_file_whose_tags_hold_no_words_is_refused(tmp_path: Path) -> None:
    """Without its notes and comment, only a title is left: its words are only spoken."""
    copy = _retagged(tmp_path, Notes=None, Comment=None, Album=None, Artist=None, Year=None, Genre=None)
    refused_in_one_line(tmp_path / "spoken.wv", copy.read_bytes())


def test_a_wavpack_file_cut_short_says_so(tmp_path: Path) -> None:
    """Cut in its sound, the master has lost its tags (they stand after the last block): it is
    refused as cut short, not as a recording whose tags hold no words (found building the shared
    corpus with a cut copy beside it)."""
    page = tmp_path / "cut.wv"
    page.write_bytes(WV.read_bytes()[:WV.stat().st_size // 2])
    with pytest.raises(CasegraphError, match=r"cut\.wv: .*damaged WavPack file \(cut short") as caught:
        read_source(page)
    assert "\n" not in str(caught.value)


# -------------------------------------------------------------------------------------- PMLZ
def test_palm_markup_is_read_as_its_headings_and_paragraphs() -> None:
    """A chapter's heading is a heading of its level, bold a label, a numbered character itself;
    hidden text, images, links' targets and a footnote's tags go, an escaped backslash stays."""
    pml = ('\\x\\BLearning from reviews\\B\\x\n\n\\X1Child K \\a150 learning\\X1\n'
           '\\BPublished:\\B 2010 \\v(editor: check)\\v\\m="logo.png"\n'
           'See \\q="#n1"the note\\q on C:\\\\files \\U2014 twice.\n\\w="50%"\n'
           '<footnote id="n1">A footnote.</footnote>\n')
    assert pml_markdown(pml).split("\n\n") == [
        "# Learning from reviews", "## Child K – learning", "**Published:** 2010",
        "See the note on C:\\files — twice.", "---", "A footnote.\n"]


def test_a_pmlz_book_is_read_in_windows_1252_when_not_utf8(tmp_path: Path) -> None:
    """calibre writes PML in Windows-1252 by default: an en dash written as the byte 0x96 is
    read as one."""
    pml = "\\X0Serious Case Review: Child K\\X0\n\nChild K – a six-year-old boy – was neglected.\n"
    page = tmp_path / "handout.pmlz"
    page.write_bytes(zipped({"index.pml": pml.encode("cp1252"), "index_img/": b""}))
    text = read_source(page).text
    assert "Serious Case Review: Child K" in text and "Child K – a six-year-old boy – was neglected." in text


def test_a_pml_file_is_read_as_its_markup(tmp_path: Path) -> None:
    """An eReader book's source (``.pml``) is read as the PMLZ's text is: its heading a heading,
    no backslash code left in the page."""
    page = tmp_path / "handout.pml"
    page.write_text("\\X0Serious Case Review: Child K\\X0\n\n\\BPublished:\\B 2010\n\n" + ACCOUNT,
                    encoding="utf-8")
    text = read_source(page).text
    assert "Serious Case Review: Child K" in text and "Published: 2010" in text and "\\" not in text


@pytest.mark.parametrize(("data", "said"), [
    (zipped({"index.html": "<p>not PML</p>"}), "no PML file"),
    (b"PK\x03\x04" + b"\0" * 40, "damaged PMLZ e-book")], ids=["no-pml", "damaged"])
def test_a_pmlz_without_its_text_is_refused(tmp_path: Path, data: bytes, said: str) -> None:
    page = tmp_path / "book.pmlz"
    refused_in_one_line(page, data)
    with pytest.raises(CasegraphError, match=said):
        read_source(page)


# --------------------------------------------------------------------------------------- GIF
def _sub_blocks(data: bytes) -> bytes:
    """Data as a GIF writes it: in sub-blocks of at most 255 bytes, then an empty one."""
    return b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255)) + b"\0"


def _xmp(title: str) -> bytes:
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
            'syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description><dc:title><rdf:Alt>'
            f'<rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title><dc:subject><rdf:Bag>'
            '<rdf:li>neglect</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>').encode()


def _gif(comment: str | None, xmp: bytes | None = None, comment_after_picture: bool = False) -> bytes:
    """A 2x2 GIF89a: a global colour table, its comment extension, an XMP application extension
    (the packet raw, then its magic trailer), one picture, the trailer."""
    head = b"GIF89a" + struct.pack("<HHBBB", 2, 2, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff"
    said = b"!\xfe" + _sub_blocks(comment.encode()) if comment is not None else b""
    packet = b"!\xff\x0bXMP DataXMP" + xmp + b"\x01" + bytes(range(255, -1, -1)) + b"\0" if xmp else b""
    picture = b"," + struct.pack("<HHHHB", 0, 0, 2, 2, 0) + b"\x02" + _sub_blocks(b"\x84\x1d\x81\x7a\x50")
    body = picture + said if comment_after_picture else said + picture
    return head + packet + body + b";"


def test_a_gifs_comment_is_its_caption_and_xmp_its_title() -> None:
    """The XMP title heads the card, the comment (its alt text, two paragraphs) is the text,
    the XMP subject its keywords."""
    learned = "What we learned: ask who lives in the home."
    text = gif_text(_gif(f"{ACCOUNT}\n\n{learned}", _xmp("Graphic: Child K")))
    assert text.splitlines()[0] == "Graphic: Child K"
    assert "six-year-old boy" in text and f"\n\n{learned}" in text
    assert text.rstrip().endswith("Keywords: neglect")


def test_a_folder_leaves_out_a_gif_without_words(tmp_path: Path) -> None:
    """A spacer or an animated banner (no comment, no XMP description) is left out of a folder,
    said so; named, it is refused in one line.  A graphic with alt text is read."""
    (tmp_path / "graphic.gif").write_bytes(_gif(ACCOUNT))
    (tmp_path / "spacer.gif").write_bytes(_gif(None))
    assert [p.name for p in discover([tmp_path])] == ["graphic.gif"]
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 GIF image(s) not read, their metadata holding no comment "
                                    "or description, or damaged: spacer.gif; name one on the command line "
                                    "to see why"]
    refused_in_one_line(tmp_path / "spacer.gif", _gif(None))


def test_a_gif_cut_before_its_comment_says_so_and_after_it_is_read(tmp_path: Path) -> None:
    """Cut inside the picture with the comment after it: refused as cut short; with the
    comment before it: its words are whole, and read."""
    late = _gif(ACCOUNT, comment_after_picture=True)
    page = tmp_path / "late.gif"
    page.write_bytes(late[:len(late) - len(ACCOUNT) - 10])
    with pytest.raises(CasegraphError, match=r"late\.gif: .*cut short"):
        read_source(page)
    early = _gif(ACCOUNT)
    (tmp_path / "early.gif").write_bytes(early[:-8])
    assert "six-year-old boy" in read_source(tmp_path / "early.gif").text
    # (cut at its very end, before the trailer, a GIF without words says so, not "a block of kind b''")
    (tmp_path / "bare.gif").write_bytes(_gif(None, _xmp("Graphic"))[:-1])
    with pytest.raises(CasegraphError, match=r"bare\.gif: .*cut short at byte"):
        read_source(tmp_path / "bare.gif")


# --------------------------------------------------------------------------------------- LRC
def test_an_lrc_transcript_is_its_captions() -> None:
    """The ID tags a player shows head the captions (not the writer's "re" and "ve"); a line
    stamped twice is a cue at each time, in time order; a word's own time goes."""
    lrc = ("[ti:Episode 4]\n[ar:Testshire CPC]\n[re:Lavf59]\n[ve:59.27]\n[length:01:00]\n\n"
           "[00:05.00]Welcome.\n[00:01.50][00:09.00]Invented test data.\n"
           "[00:07.25]<00:07.25>Child <00:07.60>K.\n")
    captions = lrc_captions(lrc)
    assert captions.split("\n\n")[0] == "Episode 4\nTestshire CPC"
    assert [line for line in captions.splitlines() if line[:1].isalpha()][2:] == [
        "Invented test data.", "Welcome.", "Child K.", "Invented test data."]
    assert "00:00:07,250 --> 00:00:09,000" in captions


def test_a_file_with_no_timed_line_is_refused(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "empty.lrc", b"[ti:Episode 4]\n[ar:Testshire CPC]\n")


# ------------------------------------------------------------------------------------- layouts
def _reviews(tmp_path: Path, vocab: Vocabulary, text: str, name: str = "page.txt") -> list:
    return reviews_of_page(tmp_path, name, f"[{NOTE}]\n\n{text}", vocab)


def test_scottish_learning_reviews_in_a_transcript_are_each_a_review(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """"Learning Review – Erin, Stirling" over its account is a review's heading, its area after
    the comma; so is "Learning Review – Child L, Falkirk" over "Child L is ..."."""
    reviews = _reviews(tmp_path, vocab, "\n\n".join([
        "Review one.", "Learning Review – Child L, Falkirk",
        "Child L is a girl who was two years old when she was neglected in 2023.",
        "Review two.", "Learning Review – Erin, Stirling",
        "Erin was sixteen when she took her own life in March 2023.\n"]))
    assert [(r.title, r.area) for r in reviews] == [("Learning Review – Child L, Falkirk", "Falkirk"),
                                                   ("Learning Review – Erin, Stirling", "Stirling")]


def test_a_slides_review_box_is_no_title(tmp_path: Path, vocab: Vocabulary) -> None:
    """A slide's "Review" box over its "Area:" line is part of the review under "CMR – Child F",
    not a review called "Review"."""
    (review,) = _reviews(tmp_path, vocab, "CMR – Child F\n\n Review\n Area: Southern Trust\n Published: "
                         "September 2024\n\n What happened\n Child F, a 14-year-old girl, was sexually "
                         "abused in 2023.\n")
    assert (review.title, review.area, review.publication_year) == ("CMR – Child F", "Southern Trust", 2024)


def test_a_reviews_type_and_board_reference_over_its_facts_line(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Extended Child Practice Review WGSB 2/2024: Jac" over "Neath Port Talbot · Published
    June 2024" is a review's heading, after another of the same form straight under a
    bulletin's masthead (which had left the first heading the only one)."""
    reviews = _reviews(tmp_path, vocab, "\n\n".join([
        f"{'Practice Bulletin':<50}Two child practice reviews published\n"
        "Concise Child Practice Review WGSB 1/2024: Child C", "Swansea · Published April 2024",
        "Child C was a ten-month-old boy who was injured in May 2023.",
        "Learning\na) Probation and children's services must share information.\nb) Any injury to a baby "
        "needs a child protection medical.", "Four recommendations were made to the Board.",
        "Extended Child Practice Review WGSB 2/2024: Jac",
        "Neath Port Talbot · Published June 2024\nJac, who was 17, died in October 2022.\n"]))
    assert [(r.title, r.area) for r in reviews] == [
        ("Concise Child Practice Review WGSB 1/2024: Child C", "Swansea"),
        ("Extended Child Practice Review WGSB 2/2024: Jac", "Neath Port Talbot")]


def test_a_page_number_stands_apart_from_the_heading_under_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """An annual report's "Page 22" between its pages, straight over "6.3 LCSPR - Baby O ...":
    the heading under it is the next review's, not a line of the one before."""
    reviews = _reviews(tmp_path, vocab, "6.2 LCSPR - Child Q (Derbyshire), published September 2023\n\n"
                       "Child Q, a girl aged 14, was at home in February 2022 when she was hurt.\n\n"
                       "                                        Page 22\n"
                       "6.3 LCSPR - Baby O (Derby), published January 2024\n\nBaby O was found dead at home "
                       "in March 2023, aged 11 days.\n")
    assert [r.area for r in reviews] == ["Derbyshire", "Derby"]


def test_a_reports_next_numbered_part_ends_the_review_before(tmp_path: Path, vocab: Vocabulary) -> None:
    """"4.4 Reviews in progress" after the reviews "4.2" and "4.3": its text (a learning event on
    neglect) is no part of review 4.3."""
    reviews = _reviews(tmp_path, vocab, "\n\n".join([
        "4.2 Concise CPR – GWSB 2/2023 – Nia (Newport)\nPublished: September 2023",
        "Nia was a 12-year-old girl who was sexually abused in 2022.",
        "4.3 Extended CPR – GWSB 3/2023 – Tom (Torfaen)\nPublished: February 2024",
        "Tom was 5 when he was hurt in 2022.", "4.4 Reviews in progress",
        "The Board held two learning events on child neglect.\n"]))
    assert [r.title for r in reviews] == ["Concise CPR – GWSB 2/2023 – Nia (Newport)",
                                          "Extended CPR – GWSB 3/2023 – Tom (Torfaen)"]
    assert "H-NEG" not in {h.notation for h in reviews[1].harms}


# ------------------------------------------------------------------------------------- columns
SIDEBAR = (f"{'Child C was a ten-month-old boy who was admitted in May':<60}   In this issue\n"
           f"{'':<60}   Two reviews published\n"
           f"{'2023 with a fracture of his left arm. Doctors found the':<60}   Dates for your diary\n"
           f"{'injury had been inflicted by his father, who later':<60}   12 September: learning\n"
           f"{'admitted it. His mother was 19 and has moderate':<60}   event on child practice\n"
           f"{'learning difficulties, and the family had moved twice':<60}   reviews, in Swansea\n"
           f"{'in a year. Jac, who was 17, died in October 2022 from':<58}     Contact us: the unit\n"
           "an overdose of prescription drugs; he had waited nine\n"
           "months for an assessment, and he was drinking heavily\n"
           "every day in the months before he died, and his social\n"
           "worker changed four times in his last year at home.\n")


def test_a_bulletins_column_runs_on_past_its_sidebar() -> None:
    """The left column is read whole, its sentence going on where the sidebar has ended, then
    the sidebar: no blank row where only the sidebar had a line, no sidebar line inside the
    account, and a line of the sidebar set two places left of its edge is still the sidebar's."""
    text = columns_as_text(SIDEBAR)
    left, _, right = text.partition("\n\nIn this issue")
    assert "admitted in May\n2023 with a fracture" in left
    assert left.rstrip().endswith("his last year at home.") and "Contact us" not in left
    assert right.strip().splitlines()[-1] == "Contact us: the unit"


def test_a_bibtex_entrys_fields_are_no_column() -> None:
    """A BibTeX entry's wrapped abstract and its "= {" fields under it stay as written."""
    entry = ("  abstract    = {Child X, a 13-year-old girl, was sexually abused by her mother's\n"
             + "".join(f"{'':17}partner over a period of two years, line {n} of the abstract's text,\n"
                       for n in range(8))
             + "  keywords    = {sexual abuse; grooming; self-harm},\n"
             "  note        = {Independent reviewer.},\n  url         = {https://example.org/x.pdf},\n}\n")
    assert columns_as_text(entry) == entry


# ------------------------------------------------------------------------------------- damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"graphic.gif": _gif(ACCOUNT, _xmp("Graphic")),
             "book.pmlz": zipped({"index.pml": "\\X0Child K\\X0\n\n" + ACCOUNT}),
             "episode.lrc": ("[ti:Episode]\n" + "".join(
                 f"[00:{n:02d}.00]{line}\n" for n, line in enumerate(ACCOUNT.splitlines()))).encode()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=78, rounds=30)
    read_or_one_line_when_damaged([WV, PMLZ, GIF, LRC], tmp_path, seed=78, rounds=6)
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in
                               [*small.items(), (WV.name, WV.read_bytes())]], tmp_path)
