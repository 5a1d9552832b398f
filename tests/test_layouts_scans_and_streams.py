"""File types of validation40 (session 57): an InDesign IDML package (``.idml``), an H5P
package (``.h5p``), a GDAL GeoPackage (``.gpkg``), a DjVu scan with an OCR text layer
(``.djvu``) and an Avro container file (``.avro``); and a layout of JSON, a Zotero Web API
response.  Before, a folder passed the five types over as "of a type casegraph does not read",
and the Zotero library's attachments and notes were read as five spurious reviews.

The pages read here are validation40's own (invented test data about invented children, by
that set's labeller).  The small files written here are invented too: the IDML, H5P and Avro
files from each format's documentation (IDML File Format Specification, H5P's package
definition, Avro 1.11's "Object Container Files"), the GeoPackage with the standard library's
sqlite3, and the DjVu files by djvu-rs's own editor, which changes the text layer of
validation40's scan."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import djvu_rs
import fastavro
import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line, zipped

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest import datasets
from casegraph.ingest.binaries import djvu_text
from casegraph.ingest.datasets import avro_records, sqlite_records
from casegraph.ingest.packages import h5p_package, idml_html
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation40" / "pages"
IDML = PAGES / "NWSB Annual Report 2023-24 - Section 5 - for translation.idml"
H5P = PAGES / "learning-from-local-reviews-module-3-27.h5p"
GPKG = PAGES / "SBNI_CMR_published_points.gpkg"
DJVU = PAGES / "SoT_LSCB_Annual_Report_2009-10_pp14-15.djvu"
AVRO = PAGES / "lr_extraction_2024-09-04.avro"
ZOTERO = PAGES / "zotero-group-4827316-items.json"


def _pseudonyms(page: Path, vocab: Vocabulary) -> list[str]:
    reviews, _, _ = extract_reviews([page], vocab)
    return sorted(c.pseudonym or "" for r in reviews for c in r.children)


# ---------------------------------------------------------------------------------------- IDML
def test_validation40s_idml_is_read_as_its_stories(vocab: Vocabulary) -> None:
    """Each review's heading is its "H2 Review" paragraph, not the "Local authority area:" line
    under it; the folios are left out; the bulleted learning is a list of three."""
    source = read_source(IDML)
    assert source.media_type == "application/vnd.adobe.indesign-idml-package"
    assert "Adroddiad Blynyddol" not in source.text  # (a folio)
    reviews, _, _ = extract_reviews([IDML], vocab)
    assert [(r.title, r.area) for r in reviews] == [
        ("NWSB 01/2023 – Concise Child Practice Review – Baby W", "Conwy"),
        ("NWSB 02/2023 – Extended Child Practice Review – Child M and Child N", "Gwynedd")]
    assert len(reviews[0].learning) == 3


def _idml(spread_frames: list[str], stories: dict[str, str]) -> bytes:
    """An invented IDML package: one spread placing frames of the named stories, in order."""
    pkg = 'xmlns:idPkg="http://ns.adobe.com/AdobeInDesign/idml/1.0/packaging"'
    design = (f'<Document {pkg}><idPkg:Spread src="Spreads/Spread_a.xml"/>'
              + "".join(f'<idPkg:Story src="Stories/Story_{s}.xml"/>' for s in stories) + "</Document>")
    spread = (f'<idPkg:Spread {pkg}><Spread Self="a">'
              + "".join(f'<TextFrame Self="f{s}" ParentStory="{s}"/>' for s in spread_frames)
              + "</Spread></idPkg:Spread>")
    members = {"mimetype": "application/vnd.adobe.indesign-idml-package", "designmap.xml": design,
               "Spreads/Spread_a.xml": spread}
    for self, body in stories.items():
        story = f'<Story Self="{self}">{body}</Story>'
        members[f"Stories/Story_{self}.xml"] = f"<idPkg:Story {pkg}>{story}</idPkg:Story>"
    return zipped(members)


def _paragraphs(style: str, *texts: str) -> str:
    runs = "<Br/>".join(f"<Content>{t}</Content>" for t in texts)
    return (f'<ParagraphStyleRange AppliedParagraphStyle="ParagraphStyle/{style}">'
            f"<CharacterStyleRange>{runs}</CharacterStyleRange></ParagraphStyleRange>")


def test_an_idml_package_reads_stories_in_the_spreads_order_by_their_styles(tmp_path: Path) -> None:
    """Invented package: the story a spread places first comes first (the package lists it
    last); a story no spread places still comes, after them; a "Head" style is a heading, a
    "Numbered" one a list whose numbers InDesign draws; a tab before a label parts two fields;
    the "Folio" is furniture.  A package whose designmap declares entities is refused."""
    page = _idml(["main"], {
        "side": _paragraphs("Sidebar body", "An invented aside."),
        "folio": _paragraphs("Folio", "12\tInvented Board | Annual Report"),
        "main": _paragraphs("H2 Review", "Invented Review – Child Q")
        + _paragraphs("Details", "Area: Invented\tPublished: May 2024")
        + _paragraphs("Numbered", "First &amp; foremost.", "Second.")})
    html = idml_html(page)
    assert html.index("Child Q") < html.index("invented aside")
    assert "<h2>Invented Review – Child Q</h2>" in html
    assert "<p>Area: Invented<br>Published: May 2024</p>" in html
    assert "<ol><li>First &amp; foremost.</li><li>Second.</li></ol>" in html
    assert "Annual Report" not in html
    bomb = page.replace(b"designmap.xml", b"designmap.xmx")
    refused_in_one_line(tmp_path / "no-designmap.idml", bomb)
    entity = _idml([], {"s": _paragraphs("Body", "x")}).replace(
        b"<Document", b"<!DOCTYPE d [<!ENTITY e 'x'>]><Document")
    refused_in_one_line(tmp_path / "entity.idml", entity)


# ----------------------------------------------------------------------------------------- H5P
def test_validation40s_h5p_is_read_as_its_activity(vocab: Vocabulary) -> None:
    """The package's title heads the page; the column's texts are read, the player's bundled
    libraries (scripts, translations of its buttons) are not."""
    source = read_source(H5P)
    assert source.text.startswith("Learning from local reviews – Module 3")
    assert "h5p-column" not in source.text.lower()
    assert _pseudonyms(H5P, vocab) == ["Baby R", "Poppy"]


def test_an_h5p_package_names_its_main_library_for_its_content(tmp_path: Path) -> None:
    """Invented package: an accordion's ``content.json`` names no library (its panels are the
    main library's parameters), yet its panels are read, under the package's title; a package
    without ``content/content.json`` is refused in a line."""
    meta = {"title": "Invented module", "mainLibrary": "H5P.Accordion",
            "preloadedDependencies": [{"machineName": "H5P.Accordion", "majorVersion": 1, "minorVersion": 0}]}
    content = {"panels": [{"title": "Invented panel", "content": {
        "params": {"text": "<p>Invented words.</p>"}, "library": "H5P.AdvancedText 1.1"}}]}
    data = zipped({"h5p.json": json.dumps(meta), "content/content.json": json.dumps(content)})
    title, activity = h5p_package(data)
    assert title == "Invented module" and activity["library"] == "H5P.Accordion 1.0"  # type: ignore[index]
    (tmp_path / "module.h5p").write_bytes(data)
    text = read_source(tmp_path / "module.h5p").text
    assert text.index("Invented module") < text.index("Invented panel") < text.index("Invented words.")
    refused_in_one_line(tmp_path / "empty.h5p", zipped({"h5p.json": json.dumps(meta)}))


# ------------------------------------------------------------------------------------- GeoPackage
def test_validation40s_geopackage_is_read_as_its_layers(vocab: Vocabulary) -> None:
    """The layers (``gpkg_contents``) are read; the spatial index, the coordinate systems and
    the extensions are the format's plumbing; the training venues layer names no review."""
    source = read_source(GPKG)
    assert "Case Management Review – Orla" in source.text
    assert "Undefined Cartesian SRS" not in source.text and "minx" not in source.text.lower()
    assert _pseudonyms(GPKG, vocab) == ["Baby T", "Child K", "Orla"]


def test_a_geopackage_reads_only_the_tables_its_contents_list(tmp_path: Path) -> None:
    """Invented GeoPackage, written with sqlite3: a layer is read with its attributes (its
    geometry blob is no words); a table the contents do not list is not; a plain SQLite file
    (no ``gpkg_contents``) is read whole, as before."""
    path = tmp_path / "invented.gpkg"
    with sqlite3.connect(path) as con:
        con.executescript(
            "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT);"
            "INSERT INTO gpkg_contents VALUES ('reviews', 'features');"
            "CREATE TABLE reviews (fid INTEGER PRIMARY KEY, geom BLOB, title TEXT);"
            "INSERT INTO reviews VALUES (1, x'47500003', 'Invented Review – Child Z');"
            "CREATE TABLE scratch (note TEXT); INSERT INTO scratch VALUES ('not a layer');")
    con.close()
    assert sqlite_records(path.read_bytes()) == {"reviews": [{"title": "Invented Review – Child Z"}]}
    with sqlite3.connect(path) as con:
        con.execute("DROP TABLE gpkg_contents")
    con.close()
    assert set(sqlite_records(path.read_bytes())) == {"reviews", "scratch"}


# ---------------------------------------------------------------------------------------- DjVu
def test_validation40s_djvu_is_read_as_its_text_layer(vocab: Vocabulary) -> None:
    """The OCR text layer's zones are paragraphs; the running head is kept once (on the first
    page) and the page numbers are left out; the words are the OCR's, errors and all."""
    text = read_source(DJVU).text
    assert text.count("Annual Report 2009/10") == 1
    assert "\n14\n" not in text + "\n" and "multi-agencv" in text
    assert _pseudonyms(DJVU, vocab) == ["Child D", "Young Person L"]


def _scan(*layers: str | None) -> bytes:
    """Validation40's two-page scan with each page's text layer replaced (None: removed), by
    djvu-rs's editor: the texts are invented."""
    editor = djvu_rs.Editor.from_bytes(DJVU.read_bytes())
    for index, text in enumerate(layers):
        if text is None:
            editor.remove_page_text_layer(index)
        else:
            zone = {"kind": "Page", "rect": {"x": 0, "y": 0, "width": 2480, "height": 3508},
                    "text": text, "children": []}
            editor.set_page_text_layer(index, {"text": text, "zones": [zone]})
    return bytes(editor.to_bytes())


def test_a_djvu_scan_joins_a_sentence_across_pages_and_is_refused_without_text(tmp_path: Path) -> None:
    """Invented text layers: a paragraph cut by the page break is joined again, the running
    head is kept once; a scan with no text layer is refused in a line that says so; bytes that
    only start like DjVu are refused in a line too."""
    text = djvu_text(_scan("Invented Board\n\x1fThe review found that the\n\x1f1\n",
                           "Invented Board\n\x1fgirl was not seen alone.\n\x1f2\n"))
    assert text == "Invented Board\n\nThe review found that the girl was not seen alone."
    page = tmp_path / "scan.djvu"
    page.write_bytes(_scan(None, None))
    with pytest.raises(Exception, match="no text layer") as caught:
        read_source(page)
    assert "scan.djvu" in str(caught.value)
    refused_in_one_line(tmp_path / "fake.djvu", b"AT&TFORM\x00\x00\x00\x10DJVUjunkjunkjunk")


# ---------------------------------------------------------------------------------------- Avro
def test_validation40s_avro_is_read_as_its_records(vocab: Vocabulary) -> None:
    """Each record's fields by the writer's schema: the nested children, the learning and
    recommendations as lists, the date logical type as a date; the "in scope: No" record
    (an initial case review that led to no review) names no review."""
    source = read_source(AVRO)
    assert "Published: 17 April 2024" in source.text
    assert _pseudonyms(AVRO, vocab) == ["Lewis", "Young Person H"]


_SCHEMA = {"type": "record", "name": "Invented", "fields": [
    {"name": "title", "type": "string"},
    {"name": "published", "type": {"type": "int", "logicalType": "date"}},
    {"name": "learning", "type": {"type": "array", "items": "string"}},
    {"name": "note", "type": ["null", "string"]}]}


def _avro(records: list[dict[str, object]], codec: str = "deflate") -> bytes:
    buffer = io.BytesIO()
    fastavro.writer(buffer, fastavro.parse_schema(_SCHEMA), records, codec=codec)
    return buffer.getvalue()


def test_an_avro_file_is_read_by_its_schema_and_refused_past_its_size(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Invented records, written by fastavro: deflated and plain blocks read alike, a date as an
    ISO date, a null left out; (session 69) Zstandard blocks too.  A file whose blocks would
    unpack past the data limit is refused before they are unpacked, and a codec casegraph does
    not unpack is refused by name."""
    import datetime

    record = {"title": "Invented Review – Child V", "published": datetime.date(2024, 5, 1),
              "learning": ["One.", "Two."], "note": None}
    for codec in ("deflate", "null", "bzip2", "xz", "zstandard"):
        assert avro_records(_avro([record], codec)) == [
            {"title": "Invented Review – Child V", "published": "2024-05-01", "learning": ["One.", "Two."]}]
    monkeypatch.setattr(datasets, "DATA_MAX", 2000)
    with pytest.raises(ValueError, match="MB unpacked"):
        avro_records(_avro([{**record, "learning": ["x" * 100] * 30}]))
    monkeypatch.undo()
    # (a header by hand: a map of two entries, each length a zig-zag varint, then the sync)
    header = b"Obj\x01\x04\x16avro.schema\x10\"string\"\x14avro.codec\x06lz4\x00" + bytes(16)
    with pytest.raises(ValueError, match="'lz4'"):
        avro_records(header)
    refused_in_one_line(tmp_path / "cut.avro", _avro([record])[:-30])
    # (session 69) a file of Zstandard blocks cut short is refused in one line too
    packed = _avro([{**record, "learning": ["Invented point."] * 50}], "zstandard")
    refused_in_one_line(tmp_path / "cut-zstd.avro", packed[:-40])
    read_or_one_line_when_damaged([AVRO, DJVU, IDML, H5P, GPKG], tmp_path, seed=57, rounds=12)


# -------------------------------------------------------------------------------------- Zotero
def test_validation40s_zotero_library_reads_its_works_with_their_notes(vocab: Vocabulary) -> None:
    """Each report is a record, with the reading group's note attached to it as its notes and
    its tags as keywords; the PDF attachment, the standalone agenda note and the group's name
    are no reviews (before: five spurious ones)."""
    source = read_source(ZOTERO)
    assert "Full Text PDF" not in source.text and "Reading group – 14 March 2024" not in source.text
    assert "Keywords: homicide; domestic abuse" in source.text
    reviews, _, _ = extract_reviews([ZOTERO], vocab)
    assert sorted(r.title for r in reviews) == ["Concise Child Practice Review CVRSB 3/2022: Child O",
                                                "National review into the death of Child Y"]


def test_a_zotero_single_items_response_is_read_as_one_work(tmp_path: Path) -> None:
    """``/items/<key>`` answers with one object, not a list: the same work's record (invented
    item: its title, abstract and tags; the library's bookkeeping left out)."""
    item = {"key": "INV3NTED", "version": 7, "library": {"type": "group", "id": 1, "name": "Invented group"},
            "data": {"key": "INV3NTED", "version": 7, "itemType": "report",
                     "title": "Learning Review: Child J (invented)", "reportType": "Learning review",
                     "institution": "Angus Child Protection Committee", "date": "2024",
                     "abstractNote": "Child J, aged 5, was neglected at home in 2022.",
                     "tags": [{"tag": "neglect"}], "dateAdded": "2024-01-09T11:02:18Z"}}
    (tmp_path / "item.json").write_text(json.dumps(item), encoding="utf-8")
    text = read_source(tmp_path / "item.json").text
    assert "Learning Review: Child J (invented)" in text and "Keywords: neglect" in text
    assert "2024-01-09" not in text and "Invented group" not in text


@pytest.mark.parametrize("page", [IDML, H5P, GPKG, DJVU, AVRO], ids=lambda p: p.suffix)
def test_a_folder_reads_the_five_new_types(page: Path, tmp_path: Path) -> None:
    (tmp_path / page.name).write_bytes(page.read_bytes())
    assert [p.name for p in discover([tmp_path])] == [page.name]
