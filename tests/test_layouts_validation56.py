"""File types of validation56 (session 73): a partnership's BI tracker as a QlikView data file
(``.qvd``), an LSCB's e-reader pack as a Sony Reader e-book (``.lrf``), a board's annual report
as an OpenDocument master document (``.odm``, read when named but left out of a folder) and a
trust team's CMR log as a LibreOffice Base database (``.odb``).  Before, 8 of validation56's 27
reviews were lost when its pages were named, and 10 when its folder was read.

validation56's pages are invented test data by that set's labeller.  The small files built
below are invented test data too (each says so in its words) and use neutral pseudonyms.  QVDs
are written by pyqvd, the library that reads them (no other writer is installable; the
labeller's page was written by it too).  ``fixtures/ebooks/invented-pack.lrf`` was written by
calibre 6.13's ``ebook-convert --header`` from a page of invented reviews (a heading per review,
bold labels, a bulleted and a numbered list, a line break inside a paragraph, a one-row table);
``fixtures/databases/invented-log.odb`` by LibreOffice 7.4 through UNO
(``fixtures/databases/make_fixtures.py`` says what it holds and why)."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line, zipped

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import qvd_records
from casegraph.ingest.hsqldb import odb_records
from casegraph.ingest.lrf import lrf_html
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation56" / "pages"
TRACKER = PAGES / "LSCP_CaseReviews_Tracker.qvd"
PACK = PAGES / "DSCB SCR learning Summer 2009.lrf"
REPORT = PAGES / "CVRSB Annual Report 2023-24 (master).odm"
LOG = PAGES / "SHSCT Safeguarding Children - CMR learning log.odb"
INVENTED_PACK = TESTS / "fixtures" / "ebooks" / "invented-pack.lrf"
INVENTED_LOG = TESTS / "fixtures" / "databases" / "invented-log.odb"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The tracker's three rows; the pack's three SCRs (its about and training pages none); the
    master's two CPRs (its foreword, about and training sections none); the log's two CMRs."""
    reviews = extract_reviews([TRACKER, PACK, REPORT, LOG], vocab)[0]  # (a page unread raises)
    by_page: dict[str, list] = {}
    for review in reviews:
        by_page.setdefault(Path(review.sources[0].path).name, []).append(review)
    assert [[c.pseudonym for c in r.children] for r in by_page[TRACKER.name]] == [
        ["Child M"], ["Sophie"], ["Baby J"]]
    assert [r.publication_year for r in by_page[TRACKER.name]] == [2023, 2024, 2024]
    assert [[c.pseudonym for c in r.children] for r in by_page[PACK.name]] == [
        ["Child A"], ["Child B"], ["Child C", "Child D"]]
    assert [[c.pseudonym for c in r.children] for r in by_page[REPORT.name]] == [["Baby L"], ["Child T"]]
    assert [[c.pseudonym for c in r.children] for r in by_page[LOG.name]] == [["Grace"], ["Oisin"]]


def test_a_folder_offers_the_master_document_and_the_new_types() -> None:
    """A folder's ``.odm``, ``.qvd``, ``.lrf`` and ``.odb`` are read with its other pages (before:
    the master was read only when named, the others were no kind casegraph read)."""
    found = {p.name for p in discover([PAGES])}
    assert {TRACKER.name, PACK.name, REPORT.name, LOG.name} <= found


# --------------------------------------------------------------------------- QlikView data
def _qvd(rows: list[list[object]], columns: list[str]) -> bytes:
    from pyqvd import QvdTable

    buffer = io.BytesIO()
    QvdTable.from_dict({"columns": columns, "data": rows}).to_stream(buffer)
    return buffer.getvalue()


def test_a_qvd_reads_as_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """A QVD's rows are records: a date as the day it is (Qlik keeps a serial day number: 45244
    is not a year), a dual value as the text Qlik shows ("Amber", not its number 2), a null
    left out; the row's review is found with its publication year."""
    from pyqvd.qvd import DualIntegerValue

    columns = ["ReviewTitle", "PublishedDate", "RAG", "Summary"]
    data = _qvd([["Learning Review - Child P (invented test data)", datetime.date(2024, 3, 5),
                  DualIntegerValue(2, "Amber"),
                  "Child P, an invented girl aged 6, was neglected at home in 2022."],
                 ["Learning Review - Child Q (invented test data)", None, None,
                  "Child Q, an invented boy aged 15, went missing from care in 2023."]], columns)
    assert qvd_records(data) == [
        {"ReviewTitle": "Learning Review - Child P (invented test data)", "PublishedDate": "2024-03-05",
         "RAG": "Amber", "Summary": "Child P, an invented girl aged 6, was neglected at home in 2022."},
        {"ReviewTitle": "Learning Review - Child Q (invented test data)",
         "Summary": "Child Q, an invented boy aged 15, went missing from care in 2023."}]
    page = tmp_path / "tracker.qvd"
    page.write_bytes(data)
    assert read_source(page).media_type == "application/x-qlikview-data"
    reviews = extract_reviews([page], vocab)[0]
    assert [(c.pseudonym, r.publication_year) for r in reviews for c in r.children] == [
        ("Child P", 2024), ("Child Q", None)]


def test_a_qvd_cut_short_is_refused_in_one_line(tmp_path: Path) -> None:
    """A QVD cut anywhere after its header is refused saying so (before the check, pyqvd read
    a file cut inside its index table as a row short, or failed with a TypeError)."""
    data = _qvd([[f"Child T{n} (invented test data)", f"Summary {n}"] for n in range(40)],
                ["ReviewTitle", "Summary"])
    for cut in (1, 37, len(data) // 3):
        refused_in_one_line(tmp_path / f"cut{cut}.qvd", data[:-cut])
        with pytest.raises(CasegraphError, match="damaged QlikView data file"):
            read_source(tmp_path / f"cut{cut}.qvd")
    refused_in_one_line(tmp_path / "not.qvd", b"ReviewTitle,Summary\nChild T,invented\n")


# ------------------------------------------------------------------------ Sony Reader e-book
def test_a_sony_reader_book_reads_in_order(vocab: Vocabulary) -> None:
    """An LRF reads as its pages' text in order: the running header once, first; a review's
    heading (set larger than the body) a heading; bold labels; a line break inside a
    paragraph; a table's cells (blocks placed on a canvas, not linked); list items."""
    html = lrf_html(INVENTED_PACK.read_bytes())
    assert html.count("Invented learning pack by Testshire Safeguarding Children Board") == 1
    assert html.index("Invented learning pack by") < html.index("Learning from reviews")
    assert "<h2>Serious Case Review: Child P (published May 2010)</h2>" in html
    assert "<p><b>What we learned</b></p>" in html
    assert "fractured arm.<br>Doctors judged the injury non-accidental." in html
    assert "<p>Missing episodes were treated one at a time.</p>" in html
    assert html.index("Child P,") < html.index("2. Health visitors") < html.index("Child Q,")
    source = read_source(INVENTED_PACK)
    assert source.media_type == "application/x-sony-bbeb"
    reviews = extract_reviews([INVENTED_PACK], vocab)[0]
    assert [(c.pseudonym, r.publication_year, r.incident_year) for r in reviews for c in r.children] == [
        ("Child P", 2010, 2009), ("Child Q", 2010, 2009)]


def test_a_sony_reader_book_is_known_by_its_header(tmp_path: Path) -> None:
    """An LRF saved under another name (a download's ``.bin``) is read as one."""
    renamed = tmp_path / "download.bin"
    renamed.write_bytes(INVENTED_PACK.read_bytes())
    assert read_source(renamed).text == read_source(INVENTED_PACK).text


def test_a_damaged_sony_reader_book_is_refused_in_one_line(tmp_path: Path) -> None:
    """An LRF cut short (its object table is at its end) is refused in one line; bytes changed
    at random: read, or refused in one line naming it."""
    data = INVENTED_PACK.read_bytes()
    refused_in_one_line(tmp_path / "cut.lrf", data[:len(data) * 2 // 3])
    with pytest.raises(CasegraphError, match="damaged Sony Reader e-book"):
        read_source(tmp_path / "cut.lrf")
    (tmp_path / "damaged").mkdir()
    read_or_one_line_when_damaged([INVENTED_PACK], tmp_path / "damaged", seed=73, rounds=60)


# ----------------------------------------------------------------- OpenDocument master
def test_a_master_document_reads_as_a_text_document() -> None:
    """An ``.odm`` is read as OpenDocument text is, and recorded as a master document."""
    source = read_source(REPORT)
    assert source.media_type == "application/vnd.oasis.opendocument.text-master"
    assert "CVRSB 1/2023 – Extended Child Practice Review – Child T" in source.text


# ----------------------------------------------------------------- LibreOffice Base database
def test_a_base_file_reads_as_its_tables_rows() -> None:
    """A Base file's CACHED table is read through its primary index: rows in key order, the
    bytes of rows deleted or moved since (which the data file still holds) never read; a
    string beyond the BMP (Java writes it as a surrogate pair), NULL, DATE, SMALLINT, DECIMAL,
    BOOLEAN and TIMESTAMP as their values."""
    data = INVENTED_LOG.read_bytes()
    with zipfile.ZipFile(INVENTED_LOG) as package:
        file = package.read("database/data")
    assert b"Child T17 (an invented child)" in file and b"Child T5 (an invented child)" in file
    assert b"neglected at home in 2021; the review is invented test data" in file.split(b"Child T12 (")[1]
    tables = odb_records(data)
    log = tables["REVIEW_LOG"]
    assert [row["ID"] for row in log] == [n for n in range(1, 41) if n not in (5, 17)]
    by_id = {row["ID"]: row for row in log}
    assert by_id[7]["TITLE"] == "Learning review 7 - Zoë \U0001F9F8 (invented test data)"
    assert "AREA" not in by_id[3] and by_id[4]["AREA"] == "Testshire"
    assert "again in 2022" in by_id[12]["SUMMARY"]
    assert {k: by_id[2][k] for k in ("PUBLISHED", "RECS", "COST", "OPEN", "LOGGED")} == {
        "PUBLISHED": "2024-03-12", "RECS": 2, "COST": "2.50", "OPEN": False, "LOGGED": "2024-05-06 07:08:09"}
    assert tables["CODER_NOTES"] == [{"ID": 1, "NOTE": "Coded by AB; it's invented test data, café"}]


def _with_members(changes: dict[str, bytes | None]) -> bytes:
    """The invented log with some members replaced (or, with None, left out)."""
    with zipfile.ZipFile(INVENTED_LOG) as package:
        members = {n: package.read(n) for n in package.namelist()}
    for name, value in changes.items():
        if value is None:
            members.pop(name, None)
        else:
            members[name] = value
    return zipped(members)


def test_a_memory_table_reads_from_its_script() -> None:
    """A MEMORY table (OpenOffice.org 2's default) keeps its rows in the script as INSERT
    statements, non-ASCII letters as ``\\uXXXX``: read with its quotes undone, NULLs left out.
    (Base 7.4 makes every table CACHED, so the script is the fixture's, edited as HSQLDB 1.8
    writes a MEMORY table.)"""
    with zipfile.ZipFile(INVENTED_LOG) as package:
        script = package.read("database/script").decode("latin-1")
    script = script.replace('CREATE CACHED TABLE "CODER_NOTES"', 'CREATE MEMORY TABLE "CODER_NOTES"')
    script = re.sub(r'SET TABLE "CODER_NOTES" INDEX\'[^\']*\'\n', "", script)
    script += ("INSERT INTO \"CODER_NOTES\" VALUES(1,'Child W \\u2013 it''s invented, caf\\u00e9')\n"
               "INSERT INTO \"CODER_NOTES\" VALUES(2,NULL)\n")
    tables = odb_records(_with_members({"database/script": script.encode("latin-1")}))
    assert tables["CODER_NOTES"] == [{"ID": 1, "NOTE": "Child W – it's invented, café"}, {"ID": 2}]
    assert len(tables["REVIEW_LOG"]) == 38


@pytest.mark.parametrize(("changes", "said"), [
    ({"database/log": b"/*C1*/INSERT INTO \"CODER_NOTES\" VALUES(2,'invented')\n"}, "was not shut down"),
    ({"database/firebird.fbk": b"\x00" * 16, "database/script": None}, "Firebird"),
    ({"database/script": None, "database/data": None}, "connects to a database elsewhere"),
], ids=["log-with-changes", "firebird", "no-database"])
def test_a_base_file_it_cannot_read_is_refused_saying_why(tmp_path: Path, changes: dict[str, bytes | None],
                                                           said: str) -> None:
    """A database not shut down (its log holding rows its tables lack), a Firebird one or none
    at all: refused in one line saying which, never read as part of its rows."""
    page = tmp_path / "log.odb"
    refused_in_one_line(page, _with_members(changes))
    with pytest.raises(CasegraphError, match=said):
        read_source(page)


def test_a_damaged_base_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """A data file cut short, or the package cut: refused in one line.  Bytes changed at random
    in the data file (the package rebuilt around it, so that its checksum does not refuse it
    first), or in the package: read, or refused in one line naming the file, never a crash."""
    with zipfile.ZipFile(INVENTED_LOG) as package:
        file = package.read("database/data")
    refused_in_one_line(tmp_path / "cut-data.odb", _with_members({"database/data": file[:len(file) // 2]}))
    data = INVENTED_LOG.read_bytes()
    refused_in_one_line(tmp_path / "cut.odb", data[:len(data) // 2])
    (tmp_path / "damaged").mkdir()
    member = tmp_path / "data.odb"  # (the data member's bytes, under the page's name)
    member.write_bytes(file)
    refused = read_or_one_line_when_damaged([member], tmp_path / "damaged", seed=73, rounds=80,
                                            wrap=lambda data: _with_members({"database/data": data}))
    assert refused > 0  # (the damage reached the rows' framing, not only their words)
    # and anywhere in the package as saved (a member's compression method changed is zipfile's
    # NotImplementedError, which escaped before)
    (tmp_path / "whole").mkdir()
    assert read_or_one_line_when_damaged([INVENTED_LOG], tmp_path / "whole", seed=7, rounds=120) > 0
