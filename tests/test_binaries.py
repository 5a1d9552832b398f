"""Pages whose bytes are no text, and the saved files of validation33 (session 50): a PDF (read
by pypdf), a Safari ``.webarchive`` (a binary property list), Outlook's vCalendar ``.vcs`` (in
quoted-printable), a Confluence "Export to Word" ``.doc`` (MIME HTML), SQL Server Management
Studio's "Results to File" ``.rpt`` (fixed-width columns in UTF-16), a Google Docs API response
and Microsoft Access's XML export.  Before, each was refused or read as its markup, and the
reviews in it were lost.

Every fixture here is invented test data about invented children; each file is written in the
test, byte for byte as its tool writes it."""

from __future__ import annotations

import json
import plistlib
import zlib
from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.binaries import _joined, without_running_lines
from casegraph.ingest.exports import fixed_width_rows
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews


def _pdf(pages: list[list[str]]) -> bytes:
    """A PDF of Helvetica lines, a page a list, each page's content stream compressed as most
    tools write it (FlateDecode), with a correct cross-reference table."""
    n = len(pages)
    kids = " ".join(f"{4 + 2 * k} 0 R" for k in range(n))
    bodies = [b"<< /Type /Catalog /Pages 2 0 R >>",
              f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
              b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for k, lines in enumerate(pages):
        ops = "".join(f"BT /F1 10 Tf 50 {780 - 14 * i} Td ({ln.replace('(', '[').replace(')', ']')}) Tj ET\n"
                      for i, ln in enumerate(lines))
        stream = zlib.compress(ops.encode("cp1252"))
        bodies.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                      f"<< /Font << /F1 3 0 R >> >> /Contents {5 + 2 * k} 0 R >>".encode())
        bodies.append(f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
                      + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


_HEAD = "Testshire Safeguarding Children Partnership - published reviews (invented test data)"


def test_a_pdf_is_read_as_its_text_without_running_heads(tmp_path: Path, vocab: Vocabulary) -> None:
    """A compressed two-page PDF: its words are read; the head and the numbered foot that every
    page repeats are read once (the head) or never (the foot); a sentence the page break cuts
    is one sentence again, so the review's account is whole."""
    page = tmp_path / "summary-sheet.pdf"
    page.write_bytes(_pdf([
        [_HEAD, "Child Q - Local Child Safeguarding Practice Review", "Published: 14 February 2024",
         "Q, a boy aged 15, was stabbed in September 2022 after older males used him to sell",
         "Printed from the partnership website - Page 1/2"],
        [_HEAD, "drugs. He had been missing from home eleven times.", "Recommendations",
         "1. Schools should tell the youth justice service before any exclusion.",
         "Printed from the partnership website - Page 2/2"]]))
    source = read_source(page)
    assert source.media_type == "application/pdf"
    assert source.text.count("Testshire Safeguarding") == 1 and "Page 1/2" not in source.text
    assert "used him to sell drugs. He had been missing" in source.text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child Q" and review.publication_year == 2024
    assert "H-EXT" in {c.notation for c in review.harms}  # (told across the page break)
    assert len(review.recommendations) == 1


def test_a_pdf_is_read_by_its_header_and_a_folder_reads_pdfs(tmp_path: Path) -> None:
    """A PDF saved without its suffix is read as a PDF; a folder's ``.pdf`` files are pages
    (before, they were named in a warning and left out)."""
    (tmp_path / "sheet.pdf").write_bytes(_pdf([["Child P - Serious Case Review (invented test data)"]]))
    (tmp_path / "download").write_bytes(_pdf([["Child R - Serious Case Review (invented test data)"]]))
    assert "Child R" in read_source(tmp_path / "download").text
    assert [p.name for p in discover([tmp_path])] == ["sheet.pdf"]


@pytest.mark.parametrize(("data", "reason"), [
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "PDF"),
    (_pdf([[]]), "no text layer"),
])
def test_a_pdf_that_cannot_be_read_is_one_line_naming_it(tmp_path: Path, data: bytes, reason: str) -> None:
    """A damaged PDF, and one with no text layer (a scan), are refused in one line that names the
    file and says why."""
    page = tmp_path / "scan.pdf"
    page.write_bytes(data)
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    message = str(caught.value)
    assert "scan.pdf" in message and reason in message and "\n" not in message


def test_a_pdf_damaged_anywhere_is_one_line_never_a_crash(tmp_path: Path) -> None:
    """Bytes changed at random in a valid PDF (seeded): each file is read or refused in one line
    naming it; none raises anything else (before, pypdf's NotImplementedError and AttributeError
    escaped and stopped the build)."""
    import random

    good = _pdf([["Child A - Serious Case Review (invented test data)", "Child A was hurt in 2020."]] * 2)
    rnd = random.Random(50)
    page = tmp_path / "damaged.pdf"
    refused = 0
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rnd.randint(1, 30)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        page.write_bytes(bytes(data[:rnd.randrange(len(data))] if rnd.random() < 0.3 else data))
        try:
            read_source(page)
        except CasegraphError as exc:
            refused += 1
            assert "damaged.pdf" in str(exc) and "\n" not in str(exc)
    assert refused > 100


def test_running_lines_are_those_most_pages_repeat_at_their_edges() -> None:
    """A line at the top or foot of every page (of all but one, from four pages) is a running
    line, its numbers aside; a heading at the top of two pages of three is not; the first page
    keeps its head."""
    pages = [["Board report", "Child A was 3.", "Page 1 of 3"],
             ["Board report", "Recommendations", "Page 2 of 3"],
             ["Board report", "Recommendations", "Page 3 of 3"]]
    assert without_running_lines(pages) == [["Board report", "Child A was 3."], ["Recommendations"],
                                             ["Recommendations"]]
    assert _joined([["The review found that"], ["agencies did not share."], ["Learning"]]) == (
        "The review found that agencies did not share.\n\nLearning")


def test_a_safari_web_archive_is_read_as_its_saved_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """A ``.webarchive`` is a binary property list: its main resource's HTML is the page (its
    style sheet, a subresource, is not); the archive's recorded encoding decodes it."""
    html = ("<html><head><title>Child practice reviews</title></head><body><h1>Child practice reviews</h1>"
            "<h2>Concise Child Practice Review – Baby T</h2><p>Local authority area: Swansea | Published: "
            "18 September 2023</p><p>Baby T, a four-month-old boy, was admitted to hospital in October "
            "2021 with bleeding on the brain that had been caused non-accidentally (invented test "
            "data).</p></body></html>")
    archive = {"WebMainResource": {"WebResourceData": html.encode("utf-8"),
                                   "WebResourceMIMEType": "text/html",
                                   "WebResourceTextEncodingName": "UTF-8", "WebResourceFrameName": "",
                                   "WebResourceURL": "https://board.example/reviews/"},
               "WebSubresources": [{"WebResourceData": b"h2 { color: teal }",
                                    "WebResourceMIMEType": "text/css",
                                    "WebResourceURL": "https://board.example/site.css"}]}
    page = tmp_path / "Child Practice Reviews.webarchive"
    page.write_bytes(plistlib.dumps(archive, fmt=plistlib.FMT_BINARY))
    source = read_source(page)
    assert "color: teal" not in source.text and "Baby T" in source.text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year, review.review_type.notation) == (
        "Baby T", 2023, "RT-CPR")
    page.write_bytes(b"bplist00" + b"\x00" * 40)
    with pytest.raises(CasegraphError, match="web archive"):
        read_source(page)


def test_outlooks_vcalendar_is_read_with_its_quoted_printable_undone(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    """vCalendar 1.0 as Outlook saves it: values in quoted-printable, soft-wrapped with "=" at a
    line's end (the next line has no space to unfold), Windows-1252 bytes ("=92" an apostrophe)."""
    page = tmp_path / "briefing.vcs"
    page.write_bytes(
        b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:1.0\r\n"
        b"BEGIN:VEVENT\r\nDTSTART:20240625T080000Z\r\n"
        b"DESCRIPTION;ENCODING=QUOTED-PRINTABLE:Testshire Child Protection Committee =96 brie=\r\n"
        b"fing (invented test data)=0D=0A=0D=0AChild F=92s review: F was 11 weeks old when he di=\r\n"
        b"ed in December 2022 after sleeping on a sofa with his father, who had been drinking.=0D=0A\r\n"
        b"SUMMARY;ENCODING=QUOTED-PRINTABLE:Learning Review: Child F - 7-minute brie=\r\nfing session\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    text = read_source(page).text
    assert "Committee – briefing" in text and "Child F’s review" in text and "=0D" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].age_months == 2 and "H-SUDI" in {c.notation for c in review.harms}


def test_a_word_export_that_is_mime_html_and_a_real_word_97_file(tmp_path: Path) -> None:
    """Confluence's "Export to Word" is MIME HTML under ``.doc`` (quoted-printable, soft breaks
    mid-word): its page is read; a real Word 97 binary is refused in one line naming it."""
    page = tmp_path / "notes.doc"
    page.write_bytes(
        b"Date: Mon, 3 Jun 2024 10:00:00 +0000 (UTC)\r\nMessage-ID: <1@example>\r\nSubject: Exported From "
        b"Confluence\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\n"
        b"Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"<html><body><h2>Concise CPR =E2=80=93 Child L (Testshire)</h2><p>L, aged 4, was negl=\r\n"
        b"ected (invented test data).</p></body></html>\r\n--b1--\r\n")
    text = read_source(page).text
    assert "Concise CPR – Child L (Testshire)" in text and "neglected" in text
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(CasegraphError, match=r"old\.doc.*Word or Excel 97-2003"):
        read_source(tmp_path / "old.doc")


_RPT = ("ReviewRef          Title             ReviewType                       Summary\r\n"
        "------------------ ----------------- -------------------------------- "
        "----------------------------\r\n"
        "TS/LCSPR/2023/01   Child J           Local Child Safeguarding Practi… "
        "J (girl, 22 months) drank methadone "
        "at home in January 2022 (invented test data).\r\n"
        "TS/RR/2024/02      NULL              Rapid review                     NULL\r\n"
        "\r\n(2 rows affected)\r\n\r\nCompletion time: 2024-06-11T10:14:52.4831207+01:00\r\n")


def test_a_query_tools_results_file_is_read_as_its_rows(tmp_path: Path) -> None:
    """SSMS "Results to File" (``.rpt``, UTF-16 with a byte-order mark): the dashes under the
    column names give each column's width; the last column runs to the line's end; NULL is
    empty; the "(n rows affected)" and "Completion time" lines are no row."""
    rows = fixed_width_rows(_RPT)
    assert rows[0] == ["ReviewRef", "Title", "ReviewType", "Summary"]
    assert rows[1][1] == "Child J" and rows[1][3].endswith("(invented test data).")
    assert rows[2] == ["TS/RR/2024/02", "", "Rapid review", ""] and len(rows) == 3
    page = tmp_path / "register.rpt"
    page.write_bytes(b"\xff\xfe" + _RPT.encode("utf-16-le"))
    text = read_source(page).text
    assert "Title: Child J" in text or "Child J\n" in text
    assert "rows affected" not in text and "Completion time" not in text
    with pytest.raises(ValueError, match="no result set"):
        fixed_width_rows("just a line of text\n")


def test_a_google_docs_api_response_is_read_as_the_document(tmp_path: Path, vocab: Vocabulary) -> None:
    """A ``documents.get`` response: paragraphs by their named style (HEADING_2 a heading), a
    list's items as bullets; its indices and styles are bookkeeping (before: "Start index: 396"
    records were taken for reviews)."""
    def para(text: str, style: str = "NORMAL_TEXT", bullet: bool = False) -> dict:
        out: dict = {"startIndex": 1, "endIndex": 2, "paragraph": {
            "elements": [{"startIndex": 1, "endIndex": 2,
                          "textRun": {"content": text + "\n", "textStyle": {}}}],
            "paragraphStyle": {"namedStyleType": style}}}
        if bullet:
            out["paragraph"]["bullet"] = {"listId": "kix.b1", "textStyle": {}}
        return out

    doc = {"title": "Learning group summaries", "documentId": "1abc", "revisionId": "r1",
           "lists": {"kix.b1": {"listProperties": {"nestingLevels": [{"glyphSymbol": "●"}]}}},
           "body": {"content": [{"endIndex": 1, "sectionBreak": {}},
                                para("Learning group summaries", "TITLE"),
                                para("CMR – Child V, Testshire (invented test data)", "HEADING_2"),
                                para("V, a boy aged 14, was assaulted in May 2022 and left with a "
                                     "fractured jaw."),
                                para("Learning", "HEADING_3"),
                                para("Intelligence was not shared.", bullet=True),
                                para("Part-time timetables left V unsupervised.", bullet=True)]}}
    page = tmp_path / "documents.get-1abc.json"
    page.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    text = read_source(page).text
    assert "index" not in text.lower() and "• Intelligence was not shared." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child V" and len(review.learning) == 2


def test_an_access_xml_export_is_read_as_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """Access's "Export - XML File": a row an element named after the query, "_x0020_" a space
    in its fields' names, a date's midnight taken off; a row that says it is no child's case
    (an adult inpatient's review in the same table) is no review."""
    page = tmp_path / "qryCMR.xml"
    page.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<dataroot xmlns:od="urn:schemas-microsoft-com:officedata" '
        'generated="2024-06-11T10:00:00">\n<qryCMR>\n'
        '<Review_x0020_Type>Case Management Review</Review_x0020_Type>\n'
        '<Review_x0020_Title>CMR – Child H</Review_x0020_Title>\n'
        '<Council_x0020_Area>Testshire</Council_x0020_Area>\n'
        '<Date_x0020_Published>2023-02-27T00:00:00</Date_x0020_Published>\n<Summary>H, aged 3, drowned in a '
        'pond in June 2021 (invented test data).</Summary>\n</qryCMR>\n<qryCMR>\n<Review_x0020_Type>Serious '
        'Adverse Incident review</Review_x0020_Type>\n<Review_x0020_Title>SAI – adult inpatient discharge'
        '</Review_x0020_Title>\n<Summary>Review of an adult inpatient\'s discharge. Not a child safeguarding '
        'case; recorded here for governance only.</Summary>\n</qryCMR>\n</dataroot>\n', encoding="utf-8")
    text = read_source(page).text
    assert "Council area: Testshire" in text and "_x0020_" not in text and "T00:00:00" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.title, review.area, review.publication_year) == ("CMR – Child H", "Testshire", 2023)
