"""File types and layouts of validation51 (session 68): an Excel 97 template (``.xlt``: BIFF8 in
a Compound File), a WebM webinar whose captions are WebM's own WebVTT track
(``D_WEBVTT/SUBTITLES``), a PDF's text as PyMuPDF dumps it to JSON, and a Mastodon account's
statuses from its API.  Before, the template was not even listed as a page (an unknown type),
the webinar was refused as "a video with no text subtitles", and the dump and the statuses were
read as plain JSON records: 5 of validation51's 27 reviews were lost and two records of
plumbing ("Web", "Blocks:") were taken for reviews.

validation51's pages are invented test data by that set's labeller; the small pages built
below are invented too (each says so in its words) and use neutral pseudonyms."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation51" / "pages"
TRACKER = PAGES / "SSCB SCR Tracker 2011-12.xlt"
WEBINAR = PAGES / "CTMSB Practice Webinar - Two Child Practice Reviews - 2024-05-22.webm"
DUMP = PAGES / "whsct-cmr-practitioner-summary-5.pymupdf.json"
STATUSES = PAGES / "api-v1-accounts-111204583342210987-statuses.json"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The tracker's three serious case reviews (its fourth row was never commissioned), the
    webinar's two, the dump's two and the account's two; nothing else is taken for a review."""
    tracker = extract_reviews([TRACKER], vocab)[0]
    assert [r.title for r in tracker] == ["Child A", "Child B1 and Child B2", "Child C"]
    assert {r.review_type.notation for r in tracker if r.review_type} == {"RT-SCR"}
    assert [(r.incident_year, r.incident_month) for r in tracker] == [(2011, 1), (2011, 6), (2012, 3)]
    webinar = extract_reviews([WEBINAR], vocab)[0]
    assert [(c.pseudonym, c.age_months) for r in webinar for c in r.children] == [
        ("Child T", 2), ("Child W", 168)]
    dump = extract_reviews([DUMP], vocab)[0]
    assert [r.heading for r in dump] == ["CMR – 'Amy' (Derry City and Strabane)",
                                         "CMR – 'Jack' (Fermanagh and Omagh)"]
    assert [len(r.recommendations) for r in dump][1] == 3
    statuses = extract_reviews([STATUSES], vocab)[0]
    assert [c.pseudonym for r in statuses for c in r.children] == ["Child N", "Liam"]
    assert statuses[0].keywords == []
    # (its card's title; the second, with no card, by the name its words say is a pseudonym,
    # "about Liam (not his real name)", never its first field "Partnership: ...")
    assert [r.title for r in statuses] == ["Learning Review – Child N", "Liam"]


# -------------------------------------------------------------------------- Excel 97 workbooks
def test_an_excel_97_workbook_is_read_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    """The template's rows as records (its "Published" cells as typed), its guidance sheet's
    words as they are (no CSV quotes doubled); the same bytes named ``.xls`` read alike, while
    a tab-separated ``.xls`` (a system's text export) stays a text export."""
    source = read_source(TRACKER)
    assert source.media_type == "application/vnd.ms-excel"
    assert "RECORD 1\nChild A\nIncident: January 2011\nSCR commissioned: 03/03/2011\n" in source.text
    assert 'Dates as dd/mm/yyyy. "Published" is the date' in source.text
    renamed = tmp_path / "tracker.xls"
    shutil.copy(TRACKER, renamed)
    assert read_source(renamed).text == source.text
    export = tmp_path / "export.xls"
    export.write_text("Review\tArea\tPublished\nChild Z (invented)\tTestshire\t2024\n", encoding="utf-8")
    assert read_source(export).media_type == "text/tab-separated-values"


def test_a_damaged_excel_97_workbook_is_refused_in_one_line(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook cut short, or with bytes changed at random, is read or refused in one line,
    and xlrd's own warnings ("WARNING *** file size (3000) not 512 + multiple of sector size")
    stay off the output, where a query's results go."""
    data = TRACKER.read_bytes()
    refused_in_one_line(tmp_path / "cut.xlt", data[:3000])
    refused_in_one_line(tmp_path / "half.xlt", data[:len(data) // 2])
    read_or_one_line_when_damaged([TRACKER], tmp_path, seed=68, rounds=20)
    assert capsys.readouterr().out == ""


# --------------------------------------------------------------------------- WebM's WebVTT
def test_a_webm_videos_webvtt_track_is_read_as_its_captions(tmp_path: Path) -> None:
    """WebM keeps WebVTT cues in a track of its own codec (``D_WEBVTT/SUBTITLES``), each block
    the cue's text alone: read as Matroska's ``S_TEXT/WEBVTT`` is, a cue a line at its time."""
    source = read_source(WEBINAR)
    assert source.text.startswith("Practice webinar: learning from two child practice reviews\n"
                                  "Cwm Taf Morgannwg Safeguarding Board\n")
    assert "\n\nChild T was ten weeks old when she was taken to hospital in August 2022" in source.text
    read_or_one_line_when_damaged([WEBINAR], tmp_path, seed=68, rounds=10)


# --------------------------------------------------------------------------- PyMuPDF's dump
def _span(text: str, size: float = 10.0, bold: bool = False) -> dict:
    return {"size": size, "flags": 16 if bold else 0, "font": "Helvetica", "text": text}


def _block(*lines: tuple[list[float], list[dict]]) -> dict:
    return {"type": 0, "bbox": [60, 0, 530, 0],
            "lines": [{"bbox": box, "spans": spans} for box, spans in lines]}


def _page(*blocks: dict) -> dict:
    foot = _block(([280, 800, 320, 812], [_span("Page 1")]))
    return {"width": 595.0, "height": 842.0, "blocks": [*blocks, foot]}


def test_a_pymupdf_dump_is_read_as_its_pdf_reads(tmp_path: Path) -> None:
    """Headings by their bold or larger font, wrapped lines joined, a centred block's lines
    apart, a bulleted block a list item, a running foot ("Page 1", "Page 2") left out."""
    dump = [_page(
        _block(([100, 60, 490, 84], [_span("Invented test page for casegraph", 20, bold=True)])),
        _block(([190, 90, 400, 104], [_span("Practice summary No. 1", 11)]),
               ([130, 104, 470, 118], [_span("Testshire Safeguarding Partnership", 11)])),
        _block(([60, 140, 200, 156], [_span("CMR – 'Robin' (Testshire)", 14, bold=True)])),
        _block(([60, 160, 528, 174], [_span("Robin (not a real name) was two when taken to hospital with")]),
               ([60, 174, 300, 188], [_span("a head injury in May 2023.")]))), _page(
        _block(([60, 60, 120, 74], [_span("Key learning", bold=True)])),
        _block(([60, 80, 400, 94], [_span("•", 12), _span(" "), _span("Ask who else lives in the home.")])))]
    dump[1]["blocks"][-1]["lines"][0]["spans"][0]["text"] = "Page 2"
    page = tmp_path / "summary.pymupdf.json"
    page.write_text(json.dumps(dump), encoding="utf-8")
    text = read_source(page).text
    assert text.split("\n\n")[:4] == ["Invented test page for casegraph", "Practice summary No. 1",
                                      "Testshire Safeguarding Partnership", "CMR – 'Robin' (Testshire)"]
    assert "with a head injury in May 2023." in text and "Page" not in text
    assert "Key learning\n\n• Ask who else lives in the home." in text


# ------------------------------------------------------------------------------ Mastodon
def _status(ident: str, day: str, content: str, reply_to: str | None = None,
            card: dict | None = None) -> dict:
    return {"id": ident, "created_at": f"{day}T09:00:00.000Z", "in_reply_to_id": reply_to,
            "uri": f"https://social.example/users/testcpc/statuses/{ident}", "content": content,
            "spoiler_text": "", "reblog": None, "card": card, "tags": [{"name": "neglect"}],
            "account": {"id": "1", "acct": "testcpc", "display_name": "Testshire Child Protection Committee"}}


def test_mastodon_statuses_are_read_as_their_threads(tmp_path: Path, vocab: Vocabulary) -> None:
    """A thread (a reply to the account's own status) is one record, in the order written; a
    link card titles it (its site's name after " | " left out); the API's tag list is no keyword
    list; a boost is the boosted status, its own author's."""
    boosted = _status("9", "2024-03-01", "<p>Invented: new national guidance on reviews.</p>")
    boosted["account"] = {"acct": "gov", "display_name": "Invented Government Account"}
    boost = {**_status("10", "2024-03-02", ""), "reblog": boosted}
    statuses = [
        _status("12", "2024-03-04", "<p>2/2 The review makes 4 recommendations. #Neglect</p>", reply_to="11"),
        _status("11", "2024-03-04", "<p>1/2 Invented test post: today we publish the learning review about "
                "Child Q, a three-year-old boy who was neglected.</p>",
                card={"title": "Learning Review – Child Q | Testshire CPC", "description": "Its summary."}),
        boost]
    page = tmp_path / "statuses.json"
    page.write_text(json.dumps(statuses), encoding="utf-8")
    text = read_source(page).text
    assert text.count("RECORD ") == 2 and "Invented Government Account" in text
    first = text.split("RECORD 2")[0]
    assert first.index("1/2 Invented test post") < first.index("2/2 The review makes")
    assert "Keywords" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.title == "Learning Review – Child Q" and review.keywords == []


def test_a_dump_of_another_shape_is_read_as_json_or_refused_in_one_line(tmp_path: Path) -> None:
    """A file shaped like a PyMuPDF dump at its top but not below (a line that is a string, a
    font size that is a word) is read as other JSON is, never an internal error."""
    for broken in ({"width": 595, "height": 842, "blocks": [{"lines": ["Invented test line"]}]},
                   {"width": 595, "height": 842, "blocks": [{"lines": [{"spans": [
                       {"size": "large", "text": "Invented test page for casegraph"}]}]}]}):
        page = tmp_path / "broken.pymupdf.json"
        page.write_text(json.dumps(broken), encoding="utf-8")
        assert "Invented test" in read_source(page).text


def test_a_boost_without_its_author_is_the_status_that_boosts(tmp_path: Path) -> None:
    """A boost whose boosted status lacks its account (a trimmed export) is read as the status
    that boosts it, never an internal error."""
    status = _status("21", "2024-05-01", "<p>Invented test post about Child R's review.</p>")
    boost = {**_status("22", "2024-05-02", "<p>Invented boost.</p>"), "reblog": {"id": "20", "content": "x"}}
    page = tmp_path / "statuses.json"
    page.write_text(json.dumps([status, boost]), encoding="utf-8")
    assert "Invented boost." in read_source(page).text
