"""File types of validation39 (session 56): a Google My Maps download (``.kmz``), a REFI-QDA
project archive (``.qdpx``), an outliner's OPML export (``.opml``), an R workspace saved by
``save()`` (``.RData``) and a DuckDB database (``.duckdb``).  Before, a folder passed all five
over as "of a type casegraph does not read".

The pages read here are validation39's own (invented test data about invented children: the R
workspace from a real run of R 4.2.2 and the DuckDB file from the real DuckDB client, by that
set's labeller); the fixtures in ``fixtures/rdata`` were written by R's own ``save()`` (see the
README there) and the small files written here are invented too, each from the format's
documentation (KML 2.2, REFI-QDA Project Exchange, OPML 2.0) or by DuckDB itself."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line, zipped

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import duckdb_records
from casegraph.ingest.packages import kmz_kml, qdpx_project
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation39" / "pages"
KMZ = PAGES / "Learning from reviews - Lancashire and South Cumbria.kmz"
QDPX = PAGES / "CMR thematic synthesis.qdpx"
OPML = PAGES / "Scottish learning reviews - chapter 3 notes.opml"
RDATA = PAGES / "cpr_extraction_wave4.RData"
DUCKDB = PAGES / "bc_reviews_register.duckdb"
WORKSPACES = Path(__file__).parent / "fixtures" / "rdata"


# ----------------------------------------------------------------------------------------- KMZ
def test_validation39s_kmz_is_read_as_its_maps_places(vocab: Vocabulary) -> None:
    """The zipped ``doc.kml``'s placemarks are records (the icon beside it is not read); the
    "Other" folder's pins (a rapid review not progressed, a training venue) are no reviews."""
    source = read_source(KMZ)
    assert source.media_type == "application/vnd.google-earth.kmz"
    assert "Folder: Published reviews" in source.text and "icon-1.png" not in source.text
    reviews, _, _ = extract_reviews([KMZ], vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == [
        "Baby Nell", "Child C", "Child D", "Child Ezra"]


def test_a_kmz_reads_its_top_level_kml_and_refuses_a_zip_without_one(tmp_path: Path) -> None:
    """Invented maps: the KML at the top of the zip is the map (not one in a subfolder), and a
    zip holding no KML is refused in a line naming it."""
    kml = ('<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>{}</name>'
           "<Placemark><name>Pin</name></Placemark></Document></kml>")
    data = zipped({"files/old.kml": kml.format("Older map"), "doc.kml": kml.format("Invented map")})
    assert "Invented map" in kmz_kml(data) and "Older map" not in kmz_kml(data)
    refused_in_one_line(tmp_path / "icons.kmz", zipped({"images/icon.png": "not a map"}))
    refused_in_one_line(tmp_path / "cut.kmz", data[:-25])


# ---------------------------------------------------------------------------------------- QDPX
def test_validation39s_qdpx_is_read_as_its_source_texts(vocab: Vocabulary) -> None:
    """Each text source's words come from the archive's ``Sources/`` member its
    ``plainTextPath`` names; the codebook, coded selections and the memo are not the texts."""
    source = read_source(QDPX)
    assert "Case Management Review - Baby Ida (Newry, Mourne and Down)\nPublished by" in source.text
    assert "Child criminal exploitation" not in source.text  # (a code's name)
    assert "Inclusion: published CMRs" not in source.text  # (the memo)
    reviews, _, _ = extract_reviews([QDPX], vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Baby Ida", "Young Person R"]


def test_a_qdpx_inlines_only_its_own_sources(tmp_path: Path) -> None:
    """Invented project: an internal source is read from the archive; a source the project
    keeps at an absolute path on the researcher's machine has no words here (nothing outside
    the archive is opened); an archive without ``project.qde`` is refused in a line."""
    qde = ('<Project xmlns="urn:QDA-XML:project:1.0" name="Invented"><Sources>'
           '<TextSource guid="a" name="A" plainTextPath="internal://a.txt"/>'
           '<TextSource guid="b" name="B" plainTextPath="file:///home/researcher/b.txt"/>'
           "</Sources></Project>")
    data = zipped({"project.qde": qde, "Sources/a.txt": "\ufeffInvented source text.\r\n"})
    project = qdpx_project(data)
    assert "Invented source text." in project and "file:///home" in project
    assert read_source(_written(tmp_path / "p.qdpx", data)).text.strip() == "Invented source text."
    refused_in_one_line(tmp_path / "empty.qdpx", zipped({"Sources/a.txt": "text"}))
    refused_in_one_line(tmp_path / "entities.qdpx", zipped({"project.qde": '<!DOCTYPE p [<!ENTITY x "y">]>'
                                                                         "<Project/>"}))


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------------------- OPML
def test_validation39s_opml_is_read_as_its_outline(vocab: Vocabulary) -> None:
    """An item with items under it, or with a note, is a heading (the note its paragraph): the
    Baby Lewis item, a last item with a summary in its note, is a review of its own and not a
    point of the Rowan item's recommendations.  The owner's e-mail (the head) is not read."""
    text = read_source(OPML).text
    assert "example.ac.uk" not in text
    assert "\nSignificant Case Review – Baby Lewis (Dundee)\n\nDundee CPC, published 2018." in text
    assert "\n- Book room for team session 19 June" in text
    reviews, _, _ = extract_reviews([OPML], vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Baby Lewis", "Rowan"]


def test_an_opml_outline_nests_and_unescapes(tmp_path: Path) -> None:
    """Invented outline: entities in attributes are undone; a bare item is a point; a file
    that is not well formed is still read (leniently) rather than lost."""
    opml = ('<?xml version="1.0"?><opml version="2.0"><head><title>Invented</title></head><body>'
            '<outline text="Review &amp; notes"><outline text="Point &#x27;one&#x27;"/></outline>'
            "</body></opml>")
    text = read_source(_written(tmp_path / "o.opml", opml.encode())).text
    assert "Review & notes" in text and "- Point 'one'" in text and "Invented" not in text


# -------------------------------------------------------------------------------------- RData
def test_validation39s_r_workspace_is_read_as_its_objects(vocab: Vocabulary) -> None:
    """``save()``'s workspace: the tibble's rows are records and the small objects beside it
    fields; the adult practice review row is no review."""
    text = read_source(RDATA).text
    assert text.startswith("Wave: 4\n")
    assert "NWSB 05/2023 Extended Child Practice Review – Cai and Nia" in text
    reviews, _, _ = extract_reviews([RDATA], vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Cai", "Efa", "Nia"]


def test_r_workspaces_are_read_compressed_either_way_and_code_is_refused(tmp_path: Path) -> None:
    """R's own files (fixtures/rdata): gzip and xz workspaces give the same records (a factor as
    its level, a Date as a date, NA left out); an ASCII save and a workspace holding a
    function are refused in a line (code is never restored)."""
    gz, xz = (read_source(WORKSPACES / name).text
              for name in ("invented_workspace.RData", "invented_workspace_xz.rda"))
    assert gz.startswith("Wave: 7\n") and gz.split("RECORD 1", 1)[1] == xz.split("RECORD 1", 1)[1]
    assert "Area: Ceredigion\nPublished: 2 May 2023" in xz and "- Invented learning point two." in xz
    for name in ("invented_workspace_ascii.RData", "invented_workspace_with_code.RData"):
        refused_in_one_line(tmp_path / name, (WORKSPACES / name).read_bytes())
    read_or_one_line_when_damaged([WORKSPACES / "invented_workspace.RData"], tmp_path, seed=56, rounds=25)


# ------------------------------------------------------------------------------------- DuckDB
def test_validation39s_duckdb_register_is_read_as_its_tables(vocab: Vocabulary) -> None:
    """The ``reviews`` table's rows, list columns as lists and dates as dates; the rapid
    review row (``in_scope`` false) and the ``notes`` table are no reviews."""
    text = read_source(DUCKDB).text
    assert "Children: Child Samir\nIncident date: 14 November 2022" in text
    reviews, _, _ = extract_reviews([DUCKDB], vocab)
    assert len(reviews) == 3 and {r.area for r in reviews} >= {"Sandwell", "Walsall"}


def _database(path: Path, *statements: str) -> bytes:
    with duckdb.connect(str(path)) as con:
        for statement in statements:
            con.execute(statement)
    return path.read_bytes()


def test_a_duckdb_file_is_read_without_its_views_and_without_touching_other_files(tmp_path: Path) -> None:
    """Invented register written by DuckDB itself: tables in the order made, the view not read
    (a view over another file would read it); the page's own file is never written to."""
    outside = tmp_path / "outside.csv"
    outside.write_text("secret\nnot for the page\n")
    data = _database(tmp_path / "made.duckdb",
                     "CREATE TABLE reviews (title VARCHAR, learning VARCHAR[], published DATE, n INTEGER)",
                     "INSERT INTO reviews VALUES ('Child Review - Child Gamma (invented)', "
                     "['Invented point.'], DATE '2024-02-01', NULL)",
                     "CREATE TABLE tags (tag VARCHAR)", "INSERT INTO tags VALUES ('invented')",
                     f"CREATE VIEW leak AS SELECT * FROM read_csv('{outside}')")
    records = duckdb_records(data)
    assert list(records) == ["reviews", "tags"]
    assert records["reviews"] == [{"title": "Child Review - Child Gamma (invented)",
                                   "learning": ["Invented point."], "published": "2024-02-01"}]
    page = _written(tmp_path / "register.duckdb", data)
    assert "not for the page" not in read_source(page).text and page.read_bytes() == data


def test_a_duckdb_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Bytes that are no DuckDB file, and damaged copies of a real one: a line naming the
    file, never a crash."""
    refused_in_one_line(tmp_path / "plain.duckdb", b"SQLite format 3\x00" + bytes(100))
    data = _database(tmp_path / "made.duckdb", "CREATE TABLE t (a VARCHAR)", "INSERT INTO t VALUES ('x')")
    refused_in_one_line(tmp_path / "cut.duckdb", data[:4096])
    read_or_one_line_when_damaged([DUCKDB], tmp_path, seed=56, rounds=10)


@pytest.mark.parametrize("page", [KMZ, QDPX, OPML, RDATA, DUCKDB], ids=lambda p: p.suffix)
def test_a_folder_reads_the_five_new_types(page: Path, tmp_path: Path) -> None:
    (tmp_path / page.name).write_bytes(page.read_bytes())
    assert [p.name for p in discover([tmp_path])] == [page.name]
