"""File types of validation49 (session 66): a PostgreSQL database saved by ``pg_dump -Fc``
(``.dump``), a Microsoft Project exchange file (``.mpx``), a SAS data set (``.sas7bdat``) and an
Encapsulated PostScript poster drawn by cairo (``.eps``).  Before, the first three were refused
as binary files and the poster as "prints no lines of text": nine of validation49's 27 reviews
were lost.

validation49's pages are invented test data by that set's labeller.  The fixtures are invented
too (each says so in its words): ``fixtures/datasets/*.dump`` were written by PostgreSQL 15's
pg_dump (gzip-compressed, its default, and ``-Z 0``) from a throwaway cluster, ``invented-coding.tar``
by its ``-Ft`` (session 66, after validation49: its tar format), and
``invented-reviews.sas7bdat`` by the ReadStat 1.1 command line, all by ``make_fixtures.sh``
beside them; ``fixtures/printed/invented-poster.eps`` was drawn by cairo 1.16's PostScript
surface in EPS mode (pycairo), a tick from a font subset of its own among its glyphs."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.interchange import mpx_text
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation49" / "pages"
DATASETS = TESTS / "fixtures" / "datasets"
POSTER = TESTS / "fixtures" / "printed" / "invented-poster.eps"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each page's reviews: the dump's review table (not its codebook or coding sessions), the
    plan's summary tasks over their actions, the data set's rows and the poster's banner."""
    titles = {name: [r.title for r in extract_reviews([PAGES / name], vocab)[0]] for name in (
        "ukcr_coding_2024-02-12.dump", "CYSUR CPR action plans 2023-24.mpx",
        "lr_notifications_2023_24.sas7bdat", "SBNI 7MB poster - CMR Ruby - print.eps")}
    assert titles["ukcr_coding_2024-02-12.dump"] == [
        "CMR 03/21 - 'Daniel'", "Concise Child Practice Review WGSB 2/2022 - Baby E",
        "Child W - Local Child Safeguarding Practice Review"]
    assert titles["CYSUR CPR action plans 2023-24.mpx"] == [
        "Extended Child Practice Review CYSUR 1/2024 – Child T",
        "Concise Child Practice Review CYSUR 4/2023 – Baby O"]
    assert titles["lr_notifications_2023_24.sas7bdat"][:2] == [
        "Learning Review - Callum", "Significant Case Review - Child B"]
    assert titles["SBNI 7MB poster - CMR Ruby - print.eps"] == ["Case Management Review – ‘Ruby’ (Belfast)"]


# ------------------------------------------------------------------------------------ pg_dump
@pytest.mark.parametrize("name", ["invented-coding.dump", "invented-coding-uncompressed.dump",
                                  "invented-coding.tar"])
def test_a_custom_or_tar_format_dump_is_read_as_its_tables_rows(name: str, vocab: Vocabulary) -> None:
    """pg_dump's custom archive, its data gzip-compressed or not, and its tar archive (each
    table's rows a member its restore script names): each row a record named by the table's
    columns, COPY's escapes undone (a line break, a tab), a NULL left out."""
    source = read_source(DATASETS / name)
    assert source.media_type == ("application/sql" if name.endswith(".tar")
                                 else "application/vnd.postgresql.custom-dump")
    assert "Child P, aged 6, was neglected at home in 2022.\nHer mother's café shifts left her alone." \
        in source.text
    assert "1) Ask the child directly.\n2) Share records across the border." in source.text
    assert "Published: 5 March 2024" in source.text and "None" not in source.text
    reviews = extract_reviews([DATASETS / name], vocab)[0]
    assert [(r.title, r.area) for r in reviews] == [
        ("Child Practice Review - Child P (invented test data)", "Testshire"),
        ("Learning Review - Child R (invented test data)", "Exampleton")]
    assert len(reviews[0].learning) == 2


def test_a_dump_is_known_by_its_bytes_and_a_cut_or_damaged_one_refused_in_one_line(tmp_path: Path) -> None:
    """A dump saved under another name is one by its "PGDMP" header; one cut short, one of an
    unknown archive version or integer size, and copies damaged at random are read or refused
    in one line."""
    data = (DATASETS / "invented-coding.dump").read_bytes()
    page = tmp_path / "coding.db-backup"
    page.write_bytes(data)
    assert read_source(page).media_type == "application/vnd.postgresql.custom-dump"
    refused_in_one_line(tmp_path / "cut.dump", data[:len(data) // 2])
    refused_in_one_line(tmp_path / "future.dump", data[:5] + bytes([1, 99, 0]) + data[8:])
    refused_in_one_line(tmp_path / "wide.dump", data[:8] + bytes([99]) + data[9:])  # (its integer size)
    read_or_one_line_when_damaged([DATASETS / "invented-coding.dump"], tmp_path, seed=66, rounds=40)


def test_a_plain_sql_dump_named_dump_is_read_as_sql(tmp_path: Path, vocab: Vocabulary) -> None:
    """``pg_dump db > db.dump`` writes plain SQL under the custom format's name: read as the SQL
    it is (INVENTED TEST DATA), not refused for want of "PGDMP"."""
    page = tmp_path / "coding.dump"
    page.write_text("CREATE TABLE review (title text, summary text);\n"
                    "INSERT INTO review VALUES ('Learning Review - Child V (invented test data)',"
                    " 'Child V, aged 7, was neglected at home in 2022.');\n", encoding="utf-8")
    assert read_source(page).media_type == "application/sql"
    reviews = extract_reviews([page], vocab)[0]
    assert [r.title for r in reviews] == ["Learning Review - Child V (invented test data)"]


# ---------------------------------------------------------------------------------------- MPX
#: An invented action plan as MPXJ writes MPX 4.0: the task fields in record 61's order (the
#: name second here), notes with MPX's 0x7F line breaks, a Windows-1252 en dash.
_PLAN = (b"MPX,Microsoft Project for Windows,4.0,ANSI\r\n"
         b"30,Invented action plans 2024,Testshire Safeguarding Board,,,,,,,\"Invented test data.\"\r\n"
         b"50,Testshire Police,1,1\r\n"
         b"60,ID,Name,Outline Level\r\n"
         b"61,90,1,3\r\n"
         b"70,1,Child Practice Review \x96 Child V,1\r\n"
         b"71,\"Published 4 March 2024.\x7fChild V, aged 8, was neglected at home in 2022.\x7f"
         b"The review made two recommendations; the actions below track them.\"\r\n"
         b"70,2,Share records across the border,2\r\n"
         b"75,1,1,,,,,,,,01/03/2024,31/07/2024,,1\r\n"
         b"70,3,\"Ask the child, every visit\",2\r\n")


def test_an_mpx_plan_is_read_as_its_outline(tmp_path: Path, vocab: Vocabulary) -> None:
    """The project's name and comments, then each summary task a heading over its notes (0x7F
    a line break) and the tasks under it its actions; resources and assignments no words."""
    text = mpx_text(_PLAN)
    assert text.split("\n\n")[:2] == ["Invented action plans 2024", "Invented test data."]
    assert ("Child Practice Review – Child V\n\nPublished 4 March 2024.\nChild V, aged 8, was "
            "neglected at home in 2022.\n") in text
    assert text.endswith("Actions:\n- Share records across the border\n- Ask the child, every visit\n")
    assert "Testshire Police" not in text
    page = tmp_path / "plans.mpx"
    page.write_bytes(_PLAN)
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, r.publication_year, len(r.recommendations)) for r in reviews] == [
        ("Child Practice Review – Child V", 2024, 2)]


def test_an_mpx_file_without_tasks_or_damaged_is_refused_in_one_line(tmp_path: Path) -> None:
    """A plan of a header and resources alone has no words to read, and a quoted field left open
    runs to the end of a large file: each refused in one line naming the file."""
    refused_in_one_line(tmp_path / "empty.mpx", _PLAN.split(b"60,")[0])
    refused_in_one_line(tmp_path / "open.mpx", _PLAN + b'70,4,"' + b"unfinished " * 20000)


# ---------------------------------------------------------------------------------------- SAS
def test_a_sas_data_set_is_read_as_its_rows_named_by_their_labels(tmp_path: Path) -> None:
    """Each row a record, its variables named by their labels (the name without one), a whole
    number an integer, a missing number and a blank string left out; known by its bytes."""
    text = read_source(DATASETS / "invented-reviews.sas7bdat").text
    first, second = text.split("RECORD 2")
    assert "Learning Review - Child S (invented test data)\nReview reference: LR-1" in first
    assert "Recs n: 3" in first and "3.0" not in first
    assert "Review title" not in second and "Recs n" not in second
    page = tmp_path / "reviews.dat"
    page.write_bytes((DATASETS / "invented-reviews.sas7bdat").read_bytes())
    assert read_source(page).media_type == "application/x-sas-data"


def test_a_cut_or_damaged_sas_data_set_is_refused_in_one_line(tmp_path: Path) -> None:
    data = (DATASETS / "invented-reviews.sas7bdat").read_bytes()
    refused_in_one_line(tmp_path / "cut.sas7bdat", data[:5000])
    refused_in_one_line(tmp_path / "other.sas7bdat", b"not SAS" * 100)
    read_or_one_line_when_damaged([DATASETS / "invented-reviews.sas7bdat"], tmp_path, seed=66, rounds=40)


# ---------------------------------------------------------------------------------------- EPS
def test_a_cairo_poster_is_read_as_its_boxes_lines(tmp_path: Path) -> None:
    """Text objects in drawing order: a heading's larger type a paragraph of its own, the next
    column's heading on the same baseline a line of its own, a bold word (no move before it) on
    its line; Windows-1252 codes and a subset font's tick ("uni2713") read as their characters."""
    text = read_source(POSTER).text
    assert text.split("\n\n")[:4] == [
        "7 minute briefing (invented test data)", "Child Practice Review – ‘Child Q’ (Testshire)",
        "1 Background\n2 Learning",
        "Child Q was four when she was neglected at home.\nThe review was published in March 2024.\n"
        "✓ Ask the child directly."]
    assert text.rstrip().endswith("A bold word keeps its line.")


def test_an_eps_with_a_preview_is_read_by_its_postscript(tmp_path: Path) -> None:
    """A "DOS EPS" file (a binary header pointing at the PostScript and a TIFF preview) is read
    as its PostScript section, whatever the file is called."""
    postscript = POSTER.read_bytes()
    preview = b"II*\x00" + bytes(60)
    header = b"\xc5\xd0\xd3\xc6" + struct.pack("<IIIIII", 30, len(postscript), 0, 0,
                                               30 + len(postscript), len(preview)) + b"\xff\xff"
    page = tmp_path / "poster.bin"
    page.write_bytes(header + postscript + preview)
    assert read_source(page).text == read_source(POSTER).text
