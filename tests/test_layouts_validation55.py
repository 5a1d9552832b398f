"""File types and layouts of validation55 (session 72): an LSCB's pocket guide as a Palm database
e-book (``.pdb``, a PalmDOC), a board's recorded learning session as a Windows Media audio file
(``.wma``, its review told in the ASF description), and a CPC's records transfer as a plain tar
whose folder's name begins "PKC" (read before as a damaged zip: a zip was known by "PK").
Before, 6 of validation55's 27 reviews were lost.

validation55's pages are invented test data by that set's labeller.

The small pages and files built below are invented test data (each says so in its words) and use
neutral pseudonyms.  The Palm e-books are made by the real tool (``txt2pdbdoc``, which CI installs
from Debian), never by casegraph; ``fixtures/audio/invented-session.wma`` was encoded by ffmpeg 5.1
(wmav2, one second of silence) with its title, author, album, date and description given as
``-metadata``."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

import pytest
from support import debian_tool, read_or_one_line_when_damaged, refused_in_one_line, tarred

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.media import audio_suffix
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
SESSION = TESTS / "fixtures" / "audio" / "invented-session.wma"
PAGES = TESTS / "validation55" / "pages"
GUIDE = PAGES / "scr-pocket-guide-2009.pdb"
RECORDING = PAGES / "CYSUR Lunch and Learn - CPR 3-2020.wma"
TRANSFER = PAGES / "PKC-CPC-case-reviews-2023.tar"

#: An invented pocket guide's text, in Windows-1252 as a Palm's Doc reader keeps it (an en dash
#: is byte 0x96), with the blank lines between paragraphs that a Doc writer keeps.
_GUIDE = ("Learning from reviews: an invented pocket guide (INVENTED test data for casegraph)\r\n\r\n"
          "Baby W \u2013 serious case review (published May 2010)\r\n\r\n"
          "Baby W was eight weeks old when she was taken to hospital in March 2009 with a skull "
          "fracture. Doctors concluded that the injury was non-accidental.\r\n\r\n"
          "What we learned\r\n\r\n"
          "Any bruise on a baby who is not yet mobile must be referred for a paediatric opinion.\r\n\r\n"
          "Recommendations\r\n\r\n"
          "The review made six recommendations.\r\n")


def _palm_doc(tmp_path: Path, *, compress: bool) -> Path:
    """The invented guide as a PalmDOC written by Debian's ``txt2pdbdoc`` (``-c``: uncompressed)."""
    tool = debian_tool("txt2pdbdoc")
    text = tmp_path / "guide.txt"
    text.write_bytes(_GUIDE.encode("cp1252"))
    book = tmp_path / ("pocket-guide.pdb" if compress else "pocket-guide-plain.pdb")
    subprocess.run([tool, *([] if compress else ["-c"]), "Invented pocket guide", str(text), str(book)],
                   check=True, capture_output=True)
    return book


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The pocket guide's two SCRs (its about-this-guide text none); the recording's review,
    told in its description; the records transfer's SCR summary and briefing (its BagIt files
    and transfer note none)."""
    reviews = extract_reviews([GUIDE, RECORDING, TRANSFER], vocab)[0]  # (a page unread raises)
    by_page: dict[str, list] = {}
    for review in reviews:
        by_page.setdefault(Path(review.sources[0].path).name, []).append(review)
    assert [[c.pseudonym for c in r.children] for r in by_page[GUIDE.name]] == [
        ["Baby K"], ["Child L", "Child M"]]
    assert [(c.pseudonym, c.age_months) for r in by_page[RECORDING.name] for c in r.children] == [
        ("Child F", 180)]
    assert sorted(c.pseudonym for r in by_page[TRANSFER.name] for c in r.children) == ["Child A", "Child J"]


# ------------------------------------------------------------------------------ Palm e-book
@pytest.mark.parametrize("compress", [True, False], ids=["lz77", "uncompressed"])
def test_a_palmdoc_pdb_reads_as_its_text(tmp_path: Path, vocab: Vocabulary, compress: bool) -> None:
    """A PalmDOC (compressed or not) reads as its plain text, its en dash Windows-1252's (before:
    ``.pdb`` was no kind casegraph read), and its review is found with its child and its year."""
    book = _palm_doc(tmp_path, compress=compress)
    source = read_source(book)
    assert source.media_type == "application/vnd.palm"
    assert "Baby W \u2013 serious case review (published May 2010)" in source.text
    assert "\n\nWhat we learned\n\n" in source.text  # (its paragraphs apart, as a text file's)
    reviews = extract_reviews([book], vocab)[0]
    assert [(c.pseudonym, c.age_months) for r in reviews for c in r.children] == [("Baby W", 1)]
    assert [(r.publication_year, r.incident_year) for r in reviews] == [(2010, 2009)]


def test_another_palm_database_or_a_protein_pdb_is_refused_in_one_line(tmp_path: Path) -> None:
    """A Palm database that is no Doc or Mobipocket book (an address book, an eReader book) and
    a ``.pdb`` that is a protein structure (text) are each refused in one line naming the file,
    and saying which it is (a Palm database's type is told only when its name is NUL-padded, as
    a Palm database's is: a text file's bytes 60 to 68 are no type)."""
    header = b"Invented contacts".ljust(32, b"\0") + bytes(28)
    said = {b"DATAaddr": "a Palm database of type 'DATAaddr', not an e-book",
            b"PNRdPPrs": "a Palm eReader e-book, which casegraph does not read"}
    for kind, words in said.items():
        palm = header + kind + bytes(12) + b"\0\0" + bytes(8)
        refused_in_one_line(tmp_path / f"{kind.decode()}.pdb", palm)
        with pytest.raises(CasegraphError, match=re.escape(words)):
            read_source(tmp_path / f"{kind.decode()}.pdb")
    protein = (b"HEADER    INVENTED PROTEIN                 01-JAN-00   1ABC\n"
               b"ATOM      1  N   MET A   1      11.104   6.134  -6.504\n")
    refused_in_one_line(tmp_path / "1abc.pdb", protein)
    with pytest.raises(CasegraphError, match="not a Palm database e-book"):
        read_source(tmp_path / "1abc.pdb")


def test_a_palm_e_book_cut_short_is_refused_in_one_line(tmp_path: Path) -> None:
    """A PalmDOC whose file was cut (a download stopped) is refused saying so, not read as half
    its text (before: the first half of its reviews was built as if whole)."""
    data = _palm_doc(tmp_path, compress=True).read_bytes()
    refused_in_one_line(tmp_path / "cut.pdb", data[:len(data) * 2 // 3])
    with pytest.raises(CasegraphError, match="the e-book is cut short"):
        read_source(tmp_path / "cut.pdb")


def test_a_damaged_palm_e_book_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Bytes changed at random in a PalmDOC: read, or refused in one line naming it (a record
    offset past the end or a back-reference before the text is a damaged book, not a crash)."""
    book = _palm_doc(tmp_path, compress=True)
    data = book.read_bytes()
    count = struct.unpack_from(">H", data, 76)[0]
    assert count >= 2 and data[60:68] == b"TEXtREAd"  # (record 0 and at least one text record)
    (tmp_path / "damaged").mkdir()
    read_or_one_line_when_damaged([book], tmp_path / "damaged", seed=72, rounds=60)


# ----------------------------------------------------------------------- Windows Media audio
def test_a_windows_media_recording_reads_as_its_tags(vocab: Vocabulary) -> None:
    """A ``.wma`` reads as a podcast does, its ASF title, author and album as heading lines and
    its description as prose (before: ``.wma`` was no kind casegraph read, and ASF attributes
    are objects, not strings), and is known by its ASF header whatever its name."""
    source = read_source(SESSION)
    assert source.media_type == "audio/x-ms-wma"
    lines = source.text.splitlines()
    assert lines[:3] == ["Lunch and Learn: Child Practice Review (Child Q) - INVENTED",
                         "Invented Safeguarding Children Board", "Lunch and Learn (invented test data)"]
    assert "Child Q, a 14-year-old girl, was criminally exploited" in source.text
    assert audio_suffix(SESSION.read_bytes()) == ".wma"
    reviews = extract_reviews([SESSION], vocab)[0]
    assert [(c.pseudonym, c.age_months) for r in reviews for c in r.children] == [("Child Q", 168)]


def test_a_damaged_windows_media_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Bytes changed at random in the recording: read, or refused in one line naming it."""
    (tmp_path / "damaged").mkdir()
    read_or_one_line_when_damaged([SESSION], tmp_path / "damaged", seed=55, rounds=40)


# --------------------------------------------------------------------------------------- tar
def test_a_tar_whose_folder_begins_pk_is_read_as_a_tar(tmp_path: Path, vocab: Vocabulary) -> None:
    """A plain tar starts with its first member's name: a folder "PKC-..." made it a zip by its
    first two bytes, refused as damaged.  A zip is known by its local file header."""
    archive = tmp_path / "PKC-transfer.tar"
    archive.write_bytes(tarred({"PKC-transfer/data/summary.txt": (
        "Invented transfer (INVENTED test data for casegraph)\n\n"
        "Significant Case Review: Child V\n\nChild V, a boy aged three, was admitted to hospital in "
        "June 2011 with serious injuries caused by his mother's partner.\n\n"
        "The review made five recommendations.\n")}, mode="w"))
    assert archive.read_bytes()[:2] == b"PK"
    reviews = extract_reviews([archive], vocab)[0]
    assert [c.pseudonym for r in reviews for c in r.children] == ["Child V"]


def test_a_tar_cut_inside_a_header_is_refused_in_one_line(tmp_path: Path) -> None:
    """A plain tar cut inside its third member's header (a download stopped) had been read as
    its first two members, the cut taken for the archive's end in silence: a tar is whole
    512-byte blocks, and one that is not is refused saying it was cut short."""
    notes = {f"bag/data/note-{n}.txt": f"Invented note {n} (INVENTED test data).\n" for n in range(3)}
    whole = tarred(notes, mode="w")
    cut = whole[:512 * 4 + 300]  # (two members, a header and a data block each; the third's header cut)
    refused_in_one_line(tmp_path / "cut.tar", cut)
    with pytest.raises(CasegraphError, match="the tar archive is cut short"):
        read_source(tmp_path / "cut.tar")
