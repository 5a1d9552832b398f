"""Files a tool saved about reviews in its own format (session 49, validation32): YouTube's
SubViewer captions (``.sbv``), a web app's "Export to Excel" (``.xls`` that is HTML or
tab-separated text), Excel's "Unicode Text" saved as ``.txt``, R's ``dput()`` of a coded data
frame (``.R``), MARC 21 records in ISO 2709 (``.mrc``) and a Visio XML drawing (``.vdx``).
Before, each of these was no type casegraph read (or, for the ``.txt``, was read as prose with
its rows run together): the reviews in them were lost.
Every fixture here is invented test data about invented children."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.interchange import r_data
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

_ACCOUNT = ("Child P, aged 6 months, was taken to hospital in May 2022 with a fractured arm; the "
            "injury had been inflicted (invented test data).")


def test_subviewer_captions_are_read_as_the_words_spoken(tmp_path: Path, vocab: Vocabulary) -> None:
    """A SubViewer cue's timing line ("0:00:04.480,0:00:07.920") is no words, and a "[pause]"
    tag inside a cue none either; a sentence split across cues is one."""
    page = tmp_path / "captions.sbv"
    page.write_text(
        "0:00:00.000,0:00:04.480\nWelcome to this short learning video from Testshire\n"
        "Safeguarding Children Partnership.\n\n"
        "0:00:04.480,0:00:07.920\nThis Local Child Safeguarding Practice Review is about Child P.\n\n"
        "0:00:07.920,0:00:11.360\nChild P, aged 6 months, was taken to hospital in May 2022\n\n"
        "0:00:11.360,0:00:14.000\nwith a fractured arm. [pause] The injury had been inflicted.\n",
        encoding="utf-8")
    assert page in list(discover([tmp_path]))
    text = read_source(page).text
    assert "0:00" not in text and "[pause]" not in text
    assert "in May 2022 with a fractured arm. The injury" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.incident_year == 2022


def test_an_excel_export_that_is_html_is_read_as_its_table(tmp_path: Path, vocab: Vocabulary) -> None:
    """An ASP.NET GridView's "Export to Excel" is an HTML table under ``.xls``, opening with a
    bare ``<meta>`` line rather than ``<html>``: its rows are the register's reviews."""
    page = tmp_path / "ReviewsExport.xls"
    page.write_text(
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><div>\n'
        '<table rules="all" id="gvReviews"><caption>Testshire review register</caption><tr>'
        '<th scope="col">Review</th><th scope="col">Type</th><th scope="col">Published</th>'
        '<th scope="col">Summary</th></tr><tr><td>LCSPR &#8211; Child P</td>'
        '<td>Local child safeguarding practice review</td><td>14/09/2023</td>'
        f'<td>{_ACCOUNT}</td></tr></table></div>\n', encoding="utf-8")
    assert page in list(discover([tmp_path]))
    assert read_source(page).media_type == "text/html"
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.publication_year == 2023


def test_a_tab_separated_register_is_read_as_a_table_under_xls_and_txt(tmp_path: Path) -> None:
    """Excel's "Unicode Text" (UTF-16 with a byte-order mark) and a web app's text export are
    tab-separated rows, a cell's line breaks quoted inside it: each row is a record.  Prose
    with a tab here and there stays prose."""
    rows = ("Review\tArea\tPublished\tSummary\r\n"
            f'Child P\tTestshire\t14/03/2022\t"{_ACCOUNT}\nA second paragraph of the summary."\r\n'
            "Child Q\tTestshire\t\tCriteria not met\r\n")
    for name, data in (("register.txt", b"\xff\xfe" + rows.encode("utf-16-le")),
                       ("register.xls", rows.encode("utf-8"))):
        page = tmp_path / name
        page.write_bytes(data)
        text = read_source(page).text
        assert "RECORD 1\nChild P\nArea: Testshire" in text, text
        assert "A second paragraph" in text and "\t" not in text
        page.unlink()
    prose = tmp_path / "notes.txt"
    prose.write_text("Child P\tan invented note\nThe review was published in 2022.\n", encoding="utf-8")
    assert "RECORD" not in read_source(prose).text


def test_a_binary_excel_workbook_is_refused_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "register.xls"
    page.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40)
    with pytest.raises(CasegraphError, match="binary file") as caught:
        read_source(page)
    assert "register.xls" in str(caught.value) and "\n" not in str(caught.value)


#: (a dput() line is as long as R makes it; the Python source is wrapped here, not the R)
_DPUT = ('structure(list(title = c("Concise Child Practice Review (Child P)",\n'
         '"Case Management Review: Child Q"), area = c("Testshire", "Testshire"),\n'
         '    published = structure(c(19454, NA), class = "Date"),\n'
         '    summary = c("Child P, aged 6 months, was taken to hospital in May 2022 with a fractured arm.'
         '\\n\\nThe injury had been inflicted (invented test data).", NA),\n'
         '    learning = list(c("Ask who lives in the home.", "See every adult who cares for the baby."\n'
         '    ), "One learning point."), recs = c(4L, NA), nation = structure(c(2L, 1L),\n'
         '    levels = c("Northern Ireland", "Wales"), class = "factor")),\n'
         'class = c("tbl_df", "tbl", "data.frame"), row.names = c(NA, -2L))\n')


def test_r_dput_data_is_put_back_into_rows() -> None:
    """dput() writes a data frame a column at a time: the rows are put back together, a Date
    column's days since 1970 are dates, a factor's codes its levels, NA is nothing."""
    first, second = r_data(_DPUT)
    assert first["title"] == "Concise Child Practice Review (Child P)"
    assert first["published"] == "2023-04-07" and second["published"] is None
    assert first["learning"] == ["Ask who lives in the home.", "See every adult who cares for the baby."]
    assert first["nation"] == "Wales" and second["nation"] == "Northern Ireland"
    assert first["recs"] == 4 and second["summary"] is None
    assert "\n\nThe injury" in first["summary"]
    assert r_data('reviews <- c(a = 1L, b = "x")') == {"a": 1, "b": "x"}


def test_an_r_data_file_is_read_as_its_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "coded_reviews.R"
    page.write_text(_DPUT, encoding="utf-8")
    assert page in list(discover([tmp_path]))
    reviews = extract_reviews([page], vocab)[0]
    child_p = next(r for r in reviews if r.children and r.children[0].pseudonym == "Child P")
    assert child_p.area == "Testshire" and child_p.publication_year == 2023
    assert len(child_p.learning) == 2


@pytest.mark.parametrize(("source", "said"), [
    ("library(dplyr)\n", "line 1: library() is code"),
    ('x <- c(1, 2\n', "line 1: a call opened here is never closed"),
    ('c("a"\n "b")\n', "line 2: a ',' or ')' was expected"),
])
def test_r_code_is_refused_in_one_line_naming_the_place(tmp_path: Path, source: str, said: str) -> None:
    """Nothing in an R file is run: a call other than c(), list() and structure() is code."""
    page = tmp_path / "analysis.R"
    page.write_text(source, encoding="utf-8")
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    assert said in str(caught.value) and "analysis.R" in str(caught.value)


def _iso2709(fields: list[tuple[str, str]]) -> str:
    """A MARC 21 record in transmission format: leader, directory (tag, length, start, counted
    in UTF-8 bytes), fields each ended by 0x1E, the record by 0x1D."""
    bodies = [(tag, (body + "\x1e").encode("utf-8")) for tag, body in fields]
    directory, at = "", 0
    for tag, body in bodies:
        directory += f"{tag}{len(body):04d}{at:05d}"
        at += len(body)
    base = 24 + len(directory) + 1
    length = base + at + 1
    leader = f"{length:05d}nam a22{base:05d} i 4500"
    return leader + directory + "\x1e" + b"".join(b for _, b in bodies).decode("utf-8") + "\x1d"


def test_iso2709_marc_records_are_read_as_marc_xml_is(tmp_path: Path, vocab: Vocabulary) -> None:
    """A library system's ``.mrc`` export: control fields are codes, a title's subfields are
    joined as a catalogue shows them, a summary (520) is the record's account.  A non-ASCII
    character (counted in bytes by the directory) does not shift the fields."""
    page = tmp_path / "new-titles.mrc"
    page.write_text(_iso2709([
        ("001", "48211"), ("008", "240521s2023    stk     o    l000 0 eng d"),
        ("110", "2 \x1faTestshire Safeguarding Children Partnership,\x1feauthor."),
        ("245", "10\x1faLocal child safeguarding practice review :\x1fbChild P – résumé /"),
        ("264", " 1\x1faTestshire :\x1fbTestshire Partnership,\x1fc2023."),
        ("520", "  \x1fa" + _ACCOUNT), ("651", " 0\x1faTestshire")]) + _iso2709([
        ("245", "10\x1faWorking with neglect :\x1fba practice guide."), ("264", " 1\x1fc2021.")]),
        encoding="utf-8")
    assert page in list(discover([tmp_path]))
    text = read_source(page).text
    assert "48211" not in text and "\x1f" not in text
    assert "Local child safeguarding practice review: Child P – résumé" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.publication_year == 2023


def test_a_record_that_is_not_iso2709_is_refused_naming_it(tmp_path: Path) -> None:
    page = tmp_path / "broken.mrc"
    page.write_text(_iso2709([("245", "10\x1faChild P")]) + "not a record\x1d", encoding="utf-8")
    with pytest.raises(CasegraphError, match="record 2: not a MARC 21 record"):
        read_source(page)


def test_a_visio_drawing_is_read_as_its_shapes_texts(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each page's shapes that hold text, in the order drawn, a block each with its line breaks;
    the stencil's master shapes and the format markers inside a text are no words."""
    page = tmp_path / "learning-on-a-page.vdx"
    page.write_text(
        "<?xml version='1.0' encoding='utf-8' ?>\n<VisioDocument "
        "xmlns='http://schemas.microsoft.com/visio/2003/core'><Masters><Master ID='2'><Shapes>"
        "<Shape ID='5'><Text>Process</Text></Shape></Shapes></Master></Masters><Pages>"
        "<Page ID='0'><Shapes><Shape ID='1'><XForm><PinX>5.8</PinX></XForm><Text><cp IX='0'/>"
        "Testshire: learning from reviews on a page</Text></Shape><Shape ID='7'><Text><cp IX='0'/>"
        "LCSPR – Child P\nPublished July 2023\n<pp IX='1'/>" + _ACCOUNT + "</Text></Shape>"
        "</Shapes></Page></Pages></VisioDocument>\n", encoding="utf-8")
    assert page in list(discover([tmp_path]))
    text = read_source(page).text
    assert "Process" not in text and "5.8" not in text
    assert "LCSPR – Child P\nPublished July 2023\nChild P, aged 6 months" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.publication_year == 2023


def test_an_internet_archive_item_is_read_as_its_page_shows_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """The metadata API's response: the item's title, creator, date, description and subjects are
    one record; its files (each with checksums) and its users' reviews are none.  Before, the
    files were the records (the largest list of objects), and the review was not found."""
    import json

    page = tmp_path / "testshire-scr-child-p_metadata.json"
    page.write_text(json.dumps({
        "created": 1718107512, "d1": "ia800000.example.org", "dir": "/5/items/testshire-scr-child-p",
        "files": [{"name": "SCR Child P.pdf", "source": "original", "md5": "6f1c2b8e0d4a9c7e"},
                  {"name": "SCR Child P_djvu.txt", "source": "derivative", "md5": "1d3f5b7a9c2e4d6f"}],
        "metadata": {"identifier": "testshire-scr-child-p", "mediatype": "texts",
                     "creator": "Testshire Safeguarding Children Board", "date": "2012-06",
                     "title": "Serious Case Review: Child P", "description": f"<div>{_ACCOUNT}</div>",
                     "subject": ["serious case review", "physical abuse"], "ppi": "300",
                     "scanner": "Internet Archive HTML5 Uploader 1.6.4"},
        "reviews": [{"reviewbody": "Useful for my dissertation.", "reviewtitle": "Useful source",
                     "reviewer": "a_student", "stars": "5"}],
        "server": "ia800000.example.org"}), encoding="utf-8")
    text = read_source(page).text
    assert "md5" not in text.lower() and "djvu" not in text and "dissertation" not in text
    assert "Uploader" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.title == "Serious Case Review: Child P" and review.publication_year == 2012
    assert review.children[0].pseudonym == "Child P"


def test_a_folders_r_script_is_passed_over_its_dput_data_read(tmp_path: Path) -> None:
    """In a folder, an ``.R`` file is read only when it opens with the data ``dput()`` writes:
    an analysis script beside it is code, passed over (never run, and no error for it); named
    on the command line it is refused in one line (above)."""
    (tmp_path / "coded.R").write_text("# coded by RB\nreviews <- " + _DPUT, encoding="utf-8")
    (tmp_path / "analysis.R").write_text("library(dplyr)\nreviews %>% count(nation)\n", encoding="utf-8")
    assert [p.name for p in discover([tmp_path])] == ["coded.R"]
