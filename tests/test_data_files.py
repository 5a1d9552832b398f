"""The file types of validation34 (session 51): a text file printed to PostScript by GNU
enscript, a MongoDB ``mongodump`` collection (BSON), a Stata data set (``.dta``, format 118), an
R object saved by ``saveRDS()`` and Aegisub subtitles (``.ass``).  Before, a folder passed each
over with a warning and a file named on the command line was refused: their reviews were lost.

The fixtures written here are invented test data about invented children, byte for byte in each
tool's layout; the Stata and R files are validation34's own (invented, written by haven and R)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.interchange import rds_data
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation34" / "pages"


def _enscript(pages: list[list[str]]) -> bytes:
    """A PostScript file as GNU enscript prints a text file: a prolog of procedures, then per page
    each line drawn by "5 y M (text) s", 11 points apart, a blank line leaving its place empty;
    brackets and backslashes escaped, other Latin-1 characters as octal codes."""
    out = ["%!PS-Adobe-3.0", "%%Creator: GNU Enscript 1.6.5.90", "%%Pages: (atend)", "%%EndComments",
           "%%BeginProlog", "/M {moveto} bind def", "/s {show} bind def",
           "/_S { /_s save def } def  % (text) s draws no line here", "%%EndProlog", "%%EndSetup"]
    for number, lines in enumerate(pages, start=1):
        out += [f"%%Page: ({number}) {number}", "_S", "18 36 translate", "/fname (list.txt) def"]
        for row, line in enumerate(lines):
            if line:
                escaped = "".join(f"\\{ord(c):03o}" if ord(c) > 127 else c for c in line.replace(
                    "\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
                out += [f"5 {742 - 11 * row} M", f"({escaped}) s"]
        out += ["_R", "S"]
    return ("\n".join([*out, "%%Trailer", f"%%Pages: {len(pages)}", "%%EOF"]) + "\n").encode("latin-1")


def test_a_printed_text_file_is_read_as_its_lines(tmp_path: Path, vocab: Vocabulary) -> None:
    """enscript's PostScript: each drawn string is a line; the space of a blank line is a blank
    line; a sentence a page break cuts goes on; escaped brackets and Latin-1 octal codes read;
    the strings of the prolog's procedures are never shown, so never read."""
    page = tmp_path / "new-additions.ps"
    page.write_bytes(_enscript([
        ["New additions (invented test data)", "", "Record 1 of 1",
         "Title: Child A: local child safeguarding practice review",
         "Place: Testshire", "Date: March 2024",
         "Abstract: Child A (aged 7) was neglected at home in 2022. Her"],
        ["mother's café shift (nights) left her alone.", "", "End of list"]]))
    text = read_source(page).text
    assert "New additions (invented test data)\n\nRecord 1 of 1\nTitle: Child A" in text
    assert "Her mother's café shift (nights) left her alone." in " ".join(text.split())
    assert "draws no line" not in text and "list.txt" not in text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.publication_year, r.area) for r in reviews] == [(2024, "Testshire")]


def test_postscript_that_prints_no_text_is_one_line_naming_it(tmp_path: Path) -> None:
    """A drawing (no shown string) is refused in one line naming the file, whatever its name."""
    page = tmp_path / "diagram.eps"
    page.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n0 0 moveto 100 100 lineto stroke\nshowpage\n")
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    assert "diagram.eps" in str(caught.value) and "prints no lines" in str(caught.value)
    assert "\n" not in str(caught.value)


def _bson(doc: dict) -> bytes:
    """One BSON document (strings, int32, booleans, null, UTC dates, arrays, an ObjectId)."""
    body = b""
    for key, value in doc.items():
        name = key.encode() + b"\0"
        if isinstance(value, bool):
            body += b"\x08" + name + bytes([value])
        elif isinstance(value, int):
            body += b"\x10" + name + struct.pack("<i", value)
        elif value is None:
            body += b"\x0a" + name
        elif isinstance(value, tuple):  # ("date", ms) or ("oid", bytes)
            body += (b"\x09" + name + struct.pack("<q", value[1]) if value[0] == "date"
                     else b"\x07" + name + value[1])
        elif isinstance(value, list):
            body += b"\x04" + name + _bson({str(k): v for k, v in enumerate(value)})
        else:
            raw = value.encode() + b"\0"
            body += b"\x02" + name + struct.pack("<i", len(raw)) + raw
    return struct.pack("<i", len(body) + 5) + body + b"\0"


def test_a_mongodump_collection_is_read_as_its_documents(tmp_path: Path, vocab: Vocabulary) -> None:
    """Two documents back to back: each a record, its title first, a date in milliseconds an ISO
    date, an ObjectId and a null left as plumbing, an array's strings as a list."""
    page = tmp_path / "reviews.bson"
    page.write_bytes(_bson({"_id": ("oid", bytes(range(12))), "title": "Serious Case Review: Child B",
                            "area": "Testshire", "publishedDate": ("date", 1_700_000_000_000),
                            "summary": "Child B, aged 4, was physically abused in 2021 (invented).",
                            "learning": ["Share what schools see.", "Ask who lives at home."],
                            "draft": False, "deletedAt": None})
                     + _bson({"_id": ("oid", bytes(12)), "title": "Training dates", "count": 3}))
    text = read_source(page).text
    assert "Serious Case Review: Child B\nArea: Testshire\nPublished: 14 November 2023" in text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, r.publication_year, len(r.learning)) for r in reviews] == [
        ("Serious Case Review: Child B", 2023, 2)]


@pytest.mark.parametrize(("name", "data"), [
    ("cut.bson", _bson({"title": "Child C"})[:-3]),
    ("type.bson", b"\x0c\x00\x00\x00\x42x\x00\x00\x00\x00\x00\x00"),
    ("cut.dta", (PAGES / "cmr_coding_wave2_coderB.dta").read_bytes()[:5000]),
    ("old.dta", b"\x72\x02\x01\x00" + bytes(200)),
    ("cut.rds", (PAGES / "harm_in_families_extraction_v2.rds").read_bytes()[:700]),
    ("ascii.rds", b"A\n3\n262401\n197888\n"),
])
def test_a_damaged_data_file_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes) -> None:
    refused_in_one_line(tmp_path / name, data)


def test_data_files_damaged_anywhere_are_one_line_never_a_crash(tmp_path: Path) -> None:
    """Bytes changed at random in the BSON, Stata and R files (seeded): each is read or refused
    in one line naming it; nothing else is raised."""
    read_or_one_line_when_damaged([PAGES / name for name in (
        "casereviews.bson", "cmr_coding_wave2_coderB.dta", "harm_in_families_extraction_v2.rds")],
        tmp_path, seed=51, rounds=80)


def test_a_stata_data_set_is_read_by_its_labels(vocab: Vocabulary) -> None:
    """haven's format 118: each observation a record whose fields are named by their variable
    labels, coded values read as their value labels ("male"), missing values left out; a field
    that names no review ("Case id: NI-11") stays a field of its record."""
    page = PAGES / "cmr_coding_wave2_coderB.dta"
    text = read_source(page).text
    assert "Child 1 sex: male" in text and "Council area: Newry, Mourne and Down" in text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, r.area, r.publication_year) for r in reviews][:2] == [
        ("CMR: Child P and Child Q", "Newry, Mourne and Down", 2023),
        ("CMR: Child F", "Armagh City, Banbridge and Craigavon", 2024)]


def test_an_r_object_saved_with_saverds_is_read_as_its_data_frame() -> None:
    """R's XDR serialisation, gzip-compressed: a data frame's columns put back together as rows,
    NA as None, a logical column as booleans."""
    rows = rds_data((PAGES / "harm_in_families_extraction_v2.rds").read_bytes())
    assert isinstance(rows, list) and len(rows) == 4
    assert rows[0]["title"] == "Serious Case Review: Baby H" and rows[0]["recommendations"] is None
    assert rows[0]["include"] is True and rows[1]["area"] == "Falkirk"


def _xdr_strings(values: list[str]) -> bytes:
    return struct.pack(">ii", 16, len(values)) + b"".join(
        struct.pack(">ii", 0x40009, len(v.encode())) + v.encode() for v in values)


def test_an_r_factor_and_a_date_are_read_as_their_meaning() -> None:
    """A named list holding a factor (codes 2, 1 with levels) and a Date (days since 1970), written
    uncompressed: the codes read as their levels, the days as ISO dates."""
    def attrs(pairs: list[tuple[str, bytes]]) -> bytes:
        out = b""
        for name, value in pairs:
            out += struct.pack(">i", 0x402) + struct.pack(">i", 1) + struct.pack(">ii", 0x40009, len(name)) \
                + name.encode() + value
        return out + struct.pack(">i", 254)

    factor = struct.pack(">iiii", 13 | 0x200 | 0x100, 2, 2, 1) + attrs(
        [("levels", _xdr_strings(["Neglect", "Physical abuse"])), ("class", _xdr_strings(["factor"]))])
    dates = struct.pack(">ii", 14 | 0x200 | 0x100, 1) + struct.pack(">d", 19000.0) + attrs(
        [("class", _xdr_strings(["Date"]))])
    data = b"X\n" + struct.pack(">iii", 2, 0x40201, 0x20300) + struct.pack(">ii", 19 | 0x200, 2) \
        + factor + dates + attrs([("names", _xdr_strings(["harm", "published"]))])
    assert rds_data(data) == {"harm": ["Physical abuse", "Neglect"], "published": "2022-01-08"}


def test_subtitles_are_read_as_the_words_on_screen(tmp_path: Path, vocab: Vocabulary) -> None:
    """Aegisub's .ass: title cards are headings, the narration prose (a line that does not end a
    sentence running on), comments, styles and override blocks never read."""
    page = tmp_path / "film.ass"
    page.write_bytes("\ufeff[Script Info]\r\nTitle: Learning from reviews (invented test data)\r\n"
                     "ScriptType: v4.00+\r\n\r\n[V4+ Styles]\r\nFormat: Name, Fontname\r\n"
                     "Style: Default,Arial\r\n\r\n[Events]\r\n"
                     "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n"
                     "Dialogue: 0,0:00:00.00,0:00:04.00,Title card,,0,0,0,,{\\fad(300,300)}Learning "
                     "Review: Child D\\N{\\fs40}Testshire Child Protection Committee\r\n"
                     "Comment: 0,0:00:00.00,0:00:00.00,Default,NOTE,0,0,0,,checked against script v3\r\n"
                     "Dialogue: 0,0:00:04.00,0:00:08.00,Default,Narrator,0,0,0,,Child D was two years "
                     "old when,\\Nin May 2023, she was neglected.\r\n"
                     "Dialogue: 0,0:00:08.00,0:00:12.00,Default,Narrator,0,0,0,,{\\i1}First{\\i0}, "
                     "nobody saw her at home.\r\n"
                     "Dialogue: 0,0:00:12.00,0:00:15.00,Default,Narrator,0,0,0,,The review was published "
                     "in 2024.\r\n".encode("utf-8"))
    text = read_source(page).text
    assert text.startswith("Learning from reviews (invented test data)\n\nLearning Review: Child D\n"
                           "Testshire Child Protection Committee\n\n"
                           "Child D was two years old when, in May 2023, she was neglected.\n\n"
                           "First, nobody saw her at home.")
    assert "checked against" not in text and "Arial" not in text and "\\" not in text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, r.children[0].age_months) for r in reviews] == [("Learning Review: Child D", 24)]


def test_a_day_one_journal_is_read_as_its_entries(tmp_path: Path, vocab: Vocabulary) -> None:
    """Day One's "Export JSON": each entry a record titled by its first heading, its Markdown
    escapes ("\\(", "\\.") undone (before, an area read "Testshire\\" and made a second name
    for the area's IRI, which stopped a build); its creation date is when it was written, not
    when the review was published; the rich-text copy is not read twice."""
    import json

    text = ("# Reading: CMR – Child G \\(Testshire\\)\n\nPublished 2022\\. Child G, aged 14 months, "
            "was shaken by his father in May 2021\\. Invented test data\\.")
    page = tmp_path / "Journal.json"
    page.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": [
        {"uuid": "7C1E", "creationDate": "2024-01-09T16:20:11Z", "tags": ["reading"],
         "richText": json.dumps({"contents": [{"text": "Reading: CMR – Child G"}]}), "text": text}]},
        indent=2).replace("/", "\\/"), encoding="utf-8")
    source = read_source(page)
    assert "Reading: CMR – Child G (Testshire)" in source.text and "\\" not in source.text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, r.area, r.publication_year, r.children[0].age_months) for r in reviews] == [
        ("Reading: CMR – Child G (Testshire)", "Testshire", 2022, 14)]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body: str) -> bytes:
    """A Word package as Word writes its parts (content types, relationships, the document part;
    styles and numbering left out, as a reader of the words needs neither)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
            'main+xml"/></Types>'))
        package.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
        package.writestr("word/document.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="' + _W
            + '" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>'
            + body + "</w:body></w:document>"))
    return out.getvalue()


def _p(text: str, style: str = "", numbered: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>' if numbered else "")
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def test_a_word_document_is_read_as_it_prints(tmp_path: Path, vocab: Vocabulary) -> None:
    """A .docx: Heading styles head the reviews, numbered paragraphs are list items (counted as
    learning), a table's cells read, a text box's words read once (not again from the copy Word
    keeps for older readers), deleted text and a field's code never; read by its content too
    (a .docx saved without its suffix)."""
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>' + _p("Box: call 101.")
           + '</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>' + _p("Box: call 101.")
           + "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>")
    body = (_p("Learning briefing (invented test data)", "Title")
            + _p("Child A – Serious Case Review (published 2022)", "Heading1")
            + "<w:p><w:r><w:t>Child A, aged 3, was neglected in 2021.</w:t></w:r><w:del><w:r><w:delText>"
              "Deleted words.</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>"
            + box + "</w:p>"
            + _p("Learning", "Heading2") + _p("Visits must see the child.", numbered=True)
            + _p("Share what nurseries see.", numbered=True)
            + "<w:tbl><w:tr><w:tc>" + _p("Area") + "</w:tc><w:tc>" + _p("Testshire")
            + "</w:tc></w:tr></w:tbl>")
    page = tmp_path / "briefing.docx"
    page.write_bytes(_docx(body))
    text = read_source(page).text
    assert text.count("Box: call 101.") == 1 and "Deleted" not in text and "PAGE" not in text
    assert "• Visits must see the child.\n\n• Share what nurseries see." in text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, r.publication_year, len(r.learning)) for r in reviews] == [
        ("Child A – Serious Case Review (published 2022)", 2022, 2)]
    with_header = tmp_path / "with-header.docx"
    data = bytearray(_docx(body))
    import io
    import zipfile

    buffer = io.BytesIO(bytes(data))
    with zipfile.ZipFile(buffer, "a") as package:  # a page header names the publisher
        package.writestr("word/header1.xml", f'<w:hdr xmlns:w="{_W}">' + _p("Testshire Safeguarding Children "
                         "Partnership") + '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
                         "</w:fldSimple></w:p></w:hdr>")
    with_header.write_bytes(buffer.getvalue())
    assert read_source(with_header).text.startswith("Testshire Safeguarding Children Partnership\n\nLearning")
    unnamed = tmp_path / "download"
    unnamed.write_bytes(page.read_bytes())
    assert read_source(unnamed).text == text


def _odt(text_body: str) -> bytes:
    """An OpenDocument text package as LibreOffice writes it: "mimetype" first and stored."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        package.writestr("content.xml", (
            '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:'
            'names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
            'text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">'
            "<office:body><office:text>" + text_body + "</office:text></office:body>"
            "</office:document-content>"), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_an_opendocument_text_is_read_as_it_prints(tmp_path: Path, vocab: Vocabulary) -> None:
    """An .odt: headings by outline level, a list's paragraphs its items, ``text:s`` spaces, a
    footnote not in the running text."""
    page = tmp_path / "minutes.odt"
    page.write_bytes(_odt(
        '<text:h text:outline-level="1">Child B – Learning Review (published 2023)</text:h>'
        "<text:p>Child B, aged<text:s/>6, was hurt in 2022.<text:note><text:note-body><text:p>"
        "A footnote.</text:p></text:note-body></text:note> (Invented test data.)</text:p>"
        '<text:h text:outline-level="2">Recommendations</text:h>'
        "<text:list><text:list-item><text:p>Audit referrals.</text:p></text:list-item>"
        "<text:list-item><text:p>Train staff.</text:p></text:list-item></text:list>"))
    text = read_source(page).text
    assert "Child B, aged 6, was hurt in 2022. (Invented test data.)" in text and "footnote" not in text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, len(r.recommendations)) for r in reviews] == [
        ("Child B – Learning Review (published 2023)", 2)]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("cut.docx", _docx(_p("Child C"))[:200], "damaged document"),
    ("other.docx", b"PK\x05\x06" + bytes(18), "no Word"),
    ("empty.odt", b"", "file is empty"),
])
def test_a_word_document_that_cannot_be_read_is_one_line(tmp_path: Path, name: str, data: bytes,
                                                          reason: str) -> None:
    page = tmp_path / name
    page.write_bytes(data)
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    assert name in str(caught.value) and reason in str(caught.value) and "\n" not in str(caught.value)
