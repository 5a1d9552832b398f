"""The file types of validation36 (session 53): a Parquet extraction (pandas through pyarrow), a
SAS transport file (``.xpt``, version 8, written by R's haven), a dBASE table (``.dbf``, written
by R's foreign), a Gnumeric workbook and an XMind map.  Before, a folder passed all five over
with a warning ("of a type casegraph does not read").

The five pages read here are validation36's own (invented test data about invented children,
written by their tools' libraries or in their layouts by that set's labeller); the small
fixtures written here are invented too, each built by an independent writer (pyarrow, the
standard library's zipfile) or byte for byte from the format's documentation."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import _sas_number, dbf_records, parquet_records, xport_records
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation36" / "pages"
PARQUET = PAGES / "cspr_extraction_wave3_consensus.parquet"
XPT = PAGES / "cmr_extract_2019_2023.xpt"
DBF = PAGES / "scot_reviews_by_council_2019_2024.dbf"
GNUMERIC = PAGES / "CTM Safeguarding Board - CPR tracker.gnumeric"
XMIND = PAGES / "Learning event 12 June 2024 - Baby L and Child F.xmind"


# ------------------------------------------------------------------------------------ Parquet
def test_a_parquet_file_is_read_as_records_with_dates_lists_and_no_index(tmp_path: Path) -> None:
    """pyarrow writes the file (pandas' index as a column of its own, named in its metadata):
    each row a record, a date as its ISO date, a list column a list, nulls and the index left
    out, booleans as a reader reads them."""
    table = pa.table({
        "title": ["Child A: Local Child Safeguarding Practice Review (invented)", "Thematic note"],
        "published": pa.array([__import__("datetime").date(2024, 2, 9), None], pa.date32()),
        "keywords": [["bruising", "non-mobile baby"], []],
        "include": [True, False],
        "__index_level_0__": [0, 1],
    }).replace_schema_metadata({b"pandas": b'{"index_columns": ["__index_level_0__"]}'})
    page = tmp_path / "extraction.parquet"
    pq.write_table(table, page, compression="snappy")
    assert parquet_records(page.read_bytes()) == [
        {"title": "Child A: Local Child Safeguarding Practice Review (invented)", "published": "2024-02-09",
         "keywords": ["bruising", "non-mobile baby"], "include": "Yes"},
        {"title": "Thematic note", "include": "No"}]


def test_validation36s_parquet_extraction_is_read(vocab: Vocabulary) -> None:
    """Four coded reviews: each found with its area, year and child; the coders' notes are kept
    as the text they are (a field, not a review)."""
    text = read_source(PARQUET).text
    assert "Child Safeguarding Practice Review: Child R\nArea: Sheffield" in text
    reviews, _, _ = extract_reviews([PARQUET], vocab)
    got = {(r.area, r.publication_year) for r in reviews}
    assert ("Sheffield", 2023) in got and ("Wrexham", 2024) in got
    child_r = next(r for r in reviews if r.area == "Sheffield")
    assert [(c.pseudonym, c.age_months) for c in child_r.children] == [("Child R", 38)]


# ------------------------------------------------------------------------------ SAS transport
@pytest.mark.parametrize("raw, value", [
    # IBM System/360 hexadecimal floating point, as the format's documentation gives them
    (bytes.fromhex("4110000000000000"), 1),
    (bytes.fromhex("C276A00000000000"), -118.625),
    (bytes.fromhex("4220"), 32),  # a variable stored in 2 bytes keeps the first two
    (b"." + bytes(7), None),  # missing
    (b"Z" + bytes(7), None),  # special missing .Z
])
def test_a_sas_number_is_ibm_floating_point(raw: bytes, value: object) -> None:
    assert _sas_number(raw, "") == value


def test_a_sas_date_is_days_from_1960() -> None:
    # 1 January 2024 is 64 * 365 + 16 leap days = 23,376 days after 1 January 1960; as an IBM
    # double: exponent 0x44 (16 ** 4), fraction 23376 / 16 ** 4 (the days shifted into the
    # fraction's top 16 of 56 bits)
    days = 64 * 365 + 16
    raw = (0x44 << 56 | days << 40).to_bytes(8, "big")
    assert _sas_number(raw, "") == days
    assert _sas_number(raw, "DATE") == "2024-01-01"
    # a number no calendar holds, in a date format: the number (no crash)
    assert _sas_number((0x4A << 56 | 1 << 52).to_bytes(8, "big"), "DATE9") == 16 ** 9


def test_validation36s_sas_transport_file_is_read_by_its_labels(vocab: Vocabulary) -> None:
    """haven's version 8 file: its long variable labels name the fields ("Local Government
    District"), numbers are IBM doubles, the last record's padding is no observation."""
    records = xport_records(XPT.read_bytes())
    assert [r["Title as published"] for r in records] == [
        "Case Management Review - Baby E", "Notification 11/22 - did not meet CMR criteria",
        "Case Management Review - Young Person T"]
    first = records[0]
    assert first["Title as published"] == "Case Management Review - Baby E"
    assert first["Local Government District"] == "Newry, Mourne and Down"
    assert first["Year published"] == 2023
    text = read_source(XPT).text
    assert text.startswith("RECORD 1\nCase Management Review - Baby E\n")
    reviews, _, _ = extract_reviews([XPT], vocab)
    assert any(r.area == "Newry, Mourne and Down" and r.publication_year == 2023 for r in reviews)


# -------------------------------------------------------------------------------------- dBASE
def test_validation36s_dbase_table_is_read_with_its_field_names(vocab: Vocabulary) -> None:
    """R foreign's table: six records (the file's header says so), each its fields by name; a
    number written as asterisks (R's NA) is no value; blanks are left out."""
    records = dbf_records(DBF.read_bytes())
    assert [r["COUNCIL"] for r in records] == ["Angus", "Dundee City", "Falkirk", "Fife",
                                               "Perth and Kinross", "Stirling"]
    assert "PUB_YEAR" not in records[0] and records[1]["PUB_YEAR"] == 2023
    assert records[1]["AGE"] == "2 yrs 3 mths" and records[1]["RECS_N"] == 2
    reviews, _, _ = extract_reviews([DBF], vocab)
    assert any(r.area == "Dundee City" and r.publication_year == 2023 for r in reviews)


def test_a_deleted_dbase_record_is_left_out() -> None:
    """A record whose first byte is '*' was deleted (dBASE keeps it until the table is packed)."""
    data = bytearray(DBF.read_bytes())
    header = int.from_bytes(data[8:10], "little")
    data[header] = ord("*")
    assert len(dbf_records(bytes(data))) == 5 and dbf_records(bytes(data))[0]["COUNCIL"] == "Dundee City"


# ------------------------------------------------------------------------- Gnumeric and XMind
def test_validation36s_gnumeric_workbook_is_read_as_its_sheets(vocab: Vocabulary) -> None:
    """Gzipped Gnumeric XML: every sheet's rows, read as a spreadsheet export's rows are."""
    text = read_source(GNUMERIC).text
    assert "Concise Child Practice Review – Child Y" in text and "Merthyr Tydfil" in text
    assert "RR 5/2024" in text  # the second sheet (rapid reviews) is read too
    reviews, _, _ = extract_reviews([GNUMERIC], vocab)
    assert {r.area for r in reviews} >= {"Merthyr Tydfil"}


def test_a_gnumeric_date_cell_is_its_date_and_a_hidden_sheet_is_not_read(tmp_path: Path) -> None:
    """A number in a date format is a day count from 30 December 1899 (45000 is 15 March 2023);
    a formula saved without its value and a hidden sheet show a reader nothing."""
    xml = ('<?xml version="1.0"?><gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd"><gnm:Sheets>'
           '<gnm:Sheet><gnm:Name>Shown</gnm:Name><gnm:Cells>'
           '<gnm:Cell Row="0" Col="0" ValueType="60">Review</gnm:Cell>'
           '<gnm:Cell Row="0" Col="1" ValueType="60">Published</gnm:Cell>'
           '<gnm:Cell Row="1" Col="0" ValueType="60">Invented review of Child Q</gnm:Cell>'
           '<gnm:Cell Row="1" Col="1" ValueType="40" ValueFormat="d mmmm yyyy">45000</gnm:Cell>'
           '<gnm:Cell Row="1" Col="2">=SUM(A1:A2)</gnm:Cell>'
           # a damaged serial and a cell past the grid: no crash, no million empty rows
           '<gnm:Cell Row="2" Col="0" ValueType="40" ValueFormat="d mmmm yyyy">99999999999</gnm:Cell>'
           '<gnm:Cell Row="99999999999" Col="0" ValueType="60">Far away</gnm:Cell>'
           '</gnm:Cells></gnm:Sheet>'
           '<gnm:Sheet Visibility="GNM_SHEET_VISIBILITY_HIDDEN"><gnm:Name>Lookups</gnm:Name><gnm:Cells>'
           '<gnm:Cell Row="0" Col="0" ValueType="60">Hidden lookup</gnm:Cell>'
           '</gnm:Cells></gnm:Sheet></gnm:Sheets></gnm:Workbook>')
    page = tmp_path / "tracker.gnumeric"
    page.write_bytes(gzip.compress(xml.encode()))
    text = read_source(page).text
    assert "2023-03-15" in text and "Invented review of Child Q" in text
    assert "Hidden lookup" not in text and "SUM" not in text
    assert "99999999999" in text and "Far away" not in text


def test_validation36s_xmind_map_is_read_as_its_outline(vocab: Vocabulary) -> None:
    """XMind 2020's zip: its content.json is the outline (its content.xml is only a warning
    for XMind 8, and is not read)."""
    text = read_source(XMIND).text
    assert "Baby L" in text and "This file can not be opened normally" not in text
    reviews, _, _ = extract_reviews([XMIND], vocab)
    assert len(reviews) >= 1


def test_an_xmind_8_map_is_read_from_its_content_xml(tmp_path: Path) -> None:
    """An XMind 8 map keeps its topics in content.xml: titles, attached subtopics, notes."""
    ns = "urn:xmind:xmap:xmlns:content:2.0"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><xmap-content xmlns="{ns}"><sheet><topic>'
           '<title>Learning review: Child Q (invented)</title><children><topics type="attached">'
           '<topic><title>Learning</title><children><topics type="attached">'
           '<topic><title>Ask who lives in the home</title></topic></topics></children>'
           '<notes><plain>Two points in the report</plain></notes></topic>'
           '</topics></children></topic><title>Sheet 1</title></sheet></xmap-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("content.xml", xml)
    page = tmp_path / "map.xmind"
    page.write_bytes(buffer.getvalue())
    text = read_source(page).text
    assert "Learning review: Child Q (invented)" in text and "- Ask who lives in the home" in text
    assert "Two points in the report" in text and "Sheet 1" not in text


# ------------------------------------------------------------------------------ damaged files
@pytest.mark.parametrize("name, data", [
    ("text.parquet", b"PAR1 not really a parquet file PAR1"),
    ("cut.parquet", PARQUET.read_bytes()[:400]),
    ("text.xpt", b"not a transport file"),
    ("cut.xpt", XPT.read_bytes()[:700]),
    ("cut.dbf", DBF.read_bytes()[:600]),
    ("text.dbf", b"\x00" * 10),
    ("text.gnumeric", b"\x1f\x8b not gzip"),
    ("empty.xmind", (lambda: (b := io.BytesIO(), zipfile.ZipFile(b, "w").close(), b.getvalue())[2])()),
    ("text.xmind", b"PK\x03\x04 not a zip"),
])
def test_a_damaged_columnar_file_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes) -> None:
    refused_in_one_line(tmp_path / name, data)


def test_columnar_files_damaged_anywhere_are_one_line_never_a_crash(tmp_path: Path) -> None:
    """Bytes changed at random (seeded) in each of validation36's five new files: each is read
    or refused in one line naming it; nothing else is raised."""
    read_or_one_line_when_damaged([PARQUET, XPT, DBF, GNUMERIC, XMIND], tmp_path, seed=53, rounds=40)
