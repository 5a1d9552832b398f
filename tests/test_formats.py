"""Every input format gives the same facts, and one review read from two pages is one review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS
from support import zipped

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import build, extract_reviews

PAGES = Path(__file__).parent / "pages"


def test_html_page_drops_noise_and_keeps_structure(vocab: Vocabulary) -> None:
    src = read_source(PAGES / "synthetic-monthly.html")
    assert "script-noise" not in src.text and "style-noise" not in src.text
    assert "Scriptshire" not in src.text and "protected]" not in src.text
    reviews, _, _ = extract_reviews([PAGES / "synthetic-monthly.html"], vocab)
    assert [r.slug for r in reviews] == ["2024-testshire-child-17", "2024-testshire-child-18"]
    a, b = reviews
    assert [(c.age_months, c.sex) for c in a.children] == [(3, "male")]
    assert (a.incident_year, a.incident_month) == (2022, 3)
    assert [i.text for i in a.learning] == [
        "health visitors should ask about the father’s role in caring for the baby",
        "professionals must treat a bruise on a non-mobile baby as a possible warning injury"]
    assert len(a.recommendations) == 2
    assert {"H-AHT"} <= {c.notation for c in a.harms}
    assert "RF-DA" in {c.notation for c in a.risk_factors}
    assert "AG-PART" in {c.notation for c in a.agencies}
    assert [(c.age_months, c.sex) for c in b.children] == [(192, "female")]
    assert {"RF-CSE", "RF-MISS"} <= {c.notation for c in b.risk_factors}
    assert b.keywords == ["child sexual exploitation", "missing children"]
    assert len(b.learning) == 2


def test_markdown_page(vocab: Vocabulary) -> None:
    reviews, _, _ = extract_reviews([PAGES / "synthetic-yearly.md"], vocab)
    (r,) = reviews
    assert r.slug == "2024-testshire-child-17"
    assert r.document_kind == "full-report"
    assert len(r.learning) == 2 and len(r.recommendations) == 2
    assert r.keywords == ["non-accidental head injuries", "fathers"]


# Invented test data: a spreadsheet export with quoted cells that hold commas and a line break.
_SHEET = (
    "# Invented test data, not real reviews. Export of a review tracker\n"
    "pseudonym,area,type,year,summary,learning\n"
    '"Child A","Testshire","Serious case review",2019,"Child A, a 2-year-old girl, was found '
    'with inflicted fractures.\nHer father used heroin.","Share information early; see the child"\n'
    '"Child B","Testshire","LCSPR",2022,"Child B, aged 14, went missing often.",""\n'
)


def test_a_spreadsheet_export_is_read_as_records(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "tracker.csv"
    page.write_text(_SHEET, encoding="utf-8")
    src = read_source(page)
    assert src.media_type == "text/csv"
    assert "RECORD 1\nChild A\nArea: Testshire\n" in src.text
    # (session 45) a cell's lines stay lines, each a point under its column's label (a form's
    # "Learning points (one per line)"); a cell of one line is one labelled line
    assert "Summary:\n- Child A, a 2-year-old girl, was found with inflicted fractures.\n- Her" in src.text
    assert "Summary: Child B, aged 14, went missing often.\n" in src.text and "Learning: \n" not in src.text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.slug, r.review_type and r.review_type.notation) for r in reviews] == [
        ("2019-testshire-child-a", "RT-SCR"), ("2022-testshire-child-b", "RT-LCSPR")]
    a, b = reviews
    assert [(c.age_months, c.sex) for c in a.children] == [(24, "female")]
    assert "RF-DRG" in {c.notation for c in a.risk_factors}
    assert "RF-MISS" in {c.notation for c in b.risk_factors}


def test_same_review_on_two_pages_is_one_review(tmp_path: Path) -> None:
    result = build([PAGES / "synthetic-monthly.html", PAGES / "synthetic-yearly.md"], tmp_path)
    slugs = sorted(r.slug for r in result.reviews)
    assert slugs == ["2024-testshire-child-17", "2024-testshire-child-18"]
    merged = next(r for r in result.reviews if r.slug == "2024-testshire-child-17")
    assert sorted(s.name for s in merged.sources) == ["synthetic-monthly.html", "synthetic-yearly.md"]
    assert merged.document_kind == "full-report"  # only the Markdown page links the report
    assert "fathers" in merged.keywords  # only the Markdown page has keywords
    iri = URIRef("https://w3id.org/casegraph/id/review/2024-testshire-child-17")
    assert len(set(result.graph.objects(iri, DCTERMS.source))) == 2
    assert result.report.conforms


#: An invented partnership bulletin saved from a mail client: its text part is quoted-printable
#: (a soft line break "=\n", "=E2=80=99" for ’), as mail clients send it.
_MAIL = """From: Testshire Partnership <bulletin@testshire.example.org>
To: Practitioners <list@testshire.example.org>
Subject: Bulletin - May 2024: a review published
Date: Wed, 15 May 2024 09:00:00 +0000
Message-ID: <b-2024-05@testshire.example.org>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

[Invented test page: not a real review]

PUBLISHED: LOCAL CHILD SAFEGUARDING PRACTICE REVIEW - CHILD R

Child R, a boy aged 4, was admitted to hospital in 2023 with injuries that doctors found had =
been inflicted. His mother=E2=80=99s partner had moved in three months before.

Key learning:
* Ask who lives in the household.
* Share what is known about new partners.

--XYZ
Content-Type: text/html; charset="utf-8"

<p>HTML part, not read when a text part is given</p>
--XYZ--
"""


def test_a_saved_email_is_read_as_its_reader_sees_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """A bulletin saved as .eml: its sender, subject and date, then its text part decoded from
    quoted-printable (before: a folder's .eml was skipped, its reviews lost); a "PUBLISHED:"
    line that names a review's type and child is its heading, not a publication date."""
    page = tmp_path / "bulletin.eml"
    page.write_text(_MAIL, encoding="utf-8")
    src = read_source(page)
    assert src.media_type == "message/rfc822"
    assert src.text.startswith("From: Testshire Partnership <bulletin@testshire.example.org>\n"
                               "Subject: Bulletin - May 2024: a review published\n")
    assert "mother’s partner had moved in" in src.text and "found had been" in src.text
    assert "Content-Transfer-Encoding" not in src.text and "HTML part" not in src.text
    (review,) = extract_reviews([tmp_path], vocab)[0]  # found in a folder, not only by name
    assert review.heading == "PUBLISHED: LOCAL CHILD SAFEGUARDING PRACTICE REVIEW - CHILD R"
    assert review.review_type and review.review_type.notation == "RT-LCSPR"
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child R", 48)]
    assert len(review.learning) == 2


_FRONT = """---
title: "Learning from a review: Ada"
date: 2023-10-05
tags: [looked after children, self-harm]
layout: review
partnership: Testshire Safeguarding Children Partnership
---

<!-- an editor's note that the built page does not show -->
[Invented test page: not a real review]

# Child Safeguarding Practice Review: Ada

Ada was 16 when she self-harmed in 2022 in a children's home far from Testshire.

## What we learned

1. Children placed out of area wait longer for mental health support.
"""


def test_markdown_front_matter_is_the_pages_title_and_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """YAML front matter is the page's title above its text and, where the text's own heading is
    the title, its fields below it (see the next test for a title the front matter gives): the tags
    are the review's keywords, the date its publication, the partnership its area; "layout:
    review" steers the site and is no review (before: "title: ..." and "layout: review" were
    read as two reviews of their own)."""
    page = tmp_path / "2023-10-05-ada.md"
    page.write_text(_FRONT, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Learning from a review: Ada\n")
    assert "layout" not in text.lower() and "editor's note" not in text
    assert text.rstrip().endswith("Keywords: looked after children; self-harm\n"
                                  "Partnership: Testshire Safeguarding Children Partnership")
    (review,) = extract_reviews([page], vocab)[0]
    assert review.heading == "Child Safeguarding Practice Review: Ada"
    assert (review.publication_year, review.keywords) == (2023, ["looked after children", "self-harm"])
    assert review.area == "Testshire"
    assert len(review.learning) == 1


def test_an_email_in_an_unknown_charset_is_a_one_line_error(tmp_path: Path) -> None:
    """A saved e-mail whose encoded text part (quoted-printable, base64) names a charset Python
    does not know is an error naming the file (not an exception of ours, which would ask to be
    reported).  Text sent as 8-bit is the file's own text, read as the file was decoded."""
    import pytest

    from casegraph.core.errors import CasegraphError

    page = tmp_path / "odd.eml"
    head = 'From: a@example.org\nSubject: x\nContent-Type: text/plain; charset="x-nonesuch"\n'
    page.write_text(head + "Content-Transfer-Encoding: quoted-printable\n\nInvented text.\n",
                    encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"odd\.eml: cannot decode the e-mail's text: unknown encoding"):
        read_source(page)
    page.write_text(head + "\nInvented text.\n", encoding="utf-8")
    assert "Invented text." in read_source(page).text


_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
  <title>Invented test feed: Testshire Partnership podcast</title>
  <item>
    <title>Episode 12: Learning from the Child D review</title>
    <pubDate>Thu, 06 Jun 2024 09:00:00 GMT</pubDate>
    <itunes:keywords>dogs, new partners</itunes:keywords>
    <description><![CDATA[<p>Child D, an 11-month-old girl, suffered serious injuries in 2023 when
    she was bitten by a dog belonging to her mother's new partner.</p>]]></description>
  </item>
  <item>
    <title>Episode 13: Safer Sleep Week special</title>
    <pubDate>Mon, 11 Mar 2024 09:00:00 GMT</pubDate>
    <description>Health visitors talk about safer sleep for babies.</description>
  </item>
</channel>
</rss>
"""


def test_a_saved_feed_is_read_as_its_items(tmp_path: Path, vocab: Vocabulary) -> None:
    """A podcast's RSS feed saved as .xml: each item's title, date line, description (HTML read
    as a page) and keywords (before: a folder's .xml was skipped); "Episode 12" is the feed's
    counter, never the child's pseudonym."""
    page = tmp_path / "podcast.xml"
    page.write_text(_FEED, encoding="utf-8")
    src = read_source(page)
    assert src.media_type == "application/xml"
    assert ("Episode 12: Learning from the Child D review\nThu, 06 Jun 2024 09:00:00 GMT\n"
            in src.text)
    assert "Keywords: dogs; new partners" in src.text and "<p>" not in src.text
    (review,) = extract_reviews([tmp_path], vocab)[0]
    assert [(c.pseudonym, c.age_months, c.sex) for c in review.children] == [("Child D", 11, "female")]
    assert review.publication_year == 2024
    assert review.keywords == ["dogs", "new partners"]


def test_an_xml_file_with_a_document_type_is_refused(tmp_path: Path) -> None:
    """Entities are the one way XML makes a small file large ("billion laughs"); a feed never
    declares a document type, so one that does is a one-line error naming the file."""
    import pytest

    from casegraph.core.errors import CasegraphError

    page = tmp_path / "feed.xml"
    page.write_text('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">\n'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<r>&b;</r>\n', encoding="utf-8")
    with pytest.raises(CasegraphError,
                       match=r"feed\.xml: cannot read as XML: .*declarations inside it \(ENTITY\)"):
        read_source(page)


_BOMB = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


@pytest.mark.parametrize(("name", "data"), [
    ("feed.xml", f'<?xml version="1.0"?>\n{_BOMB}\n<r>&b;</r>\n'.encode()),
    ("project.qdpx", zipped({"project.qde": f"{_BOMB}<Project>&b;</Project>"})),
    ("map.xmind", zipped({"content.xml": f"{_BOMB}<xmap-content>&b;</xmap-content>"})),
    ("bomb.xmp", f'{_BOMB}<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'.encode()),
])
def test_every_xml_reader_refuses_declared_entities_alike(tmp_path: Path, name: str, data: bytes) -> None:
    """(session 76) One guard, one message, whichever reader meets the XML: a feed, a QDA
    project's part, a mind map's content, a metadata packet."""
    page = tmp_path / name
    page.write_bytes(data)
    with pytest.raises(CasegraphError,
                       match=r"declarations inside it \(ENTITY\), which casegraph never expands"):
        read_source(page)


def test_a_doctype_that_only_names_its_dtd_is_read(tmp_path: Path) -> None:
    """A JATS article's "<!DOCTYPE article PUBLIC ... .dtd>" declares nothing: it is read (and
    the DTD is never fetched)."""
    from casegraph.ingest.binaries import declares_entities

    named = '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS v1.2//EN" "JATS-archivearticle1.dtd">'
    assert not declares_entities(named) and not declares_entities(named.encode())
    assert declares_entities(_BOMB) and declares_entities(_BOMB.encode())
    page = tmp_path / "article.xml"
    page.write_text(f'<?xml version="1.0"?>\n{named}\n<article><title>Child K</title>'
                    "<p>Invented test data: Child K is not a real child.</p></article>\n", encoding="utf-8")
    assert "Child K is not a real child." in read_source(page).text


_SHAREPOINT = ("ID,Title0,Pub_x0020_Date,Area_x0020_Name,Review_x0020_Type,Summary_x0020_Text\n"
               '14,"Child T – LCSPR",2021-07-12T00:00:00Z,Testshire,Local Child Safeguarding Practice '
               'Review,"Child T, a 3-month-old girl (invented), had a skull fracture that had been '
               'inflicted."\n'
               '9,"SCR Young Person M",2016-11-30T00:00:00Z,Testshire,Serious Case Review,"Young Person '
               'M, a 16-year-old boy (invented), took his own life in January 2015."\n')


def test_a_sharepoint_lists_column_names_are_read(tmp_path: Path, vocab: Vocabulary) -> None:
    """A SharePoint list exported to CSV names its columns "Title0", "Pub_x0020_Date" (its
    escape of a space), "Area_x0020_Name": the title column names each record, and the date
    and area are the record's (before: every record was read as one, named by its ID)."""
    page = tmp_path / "list.csv"
    page.write_text(_SHAREPOINT, encoding="utf-8")
    assert "Pub Date: 2021-07-12T00:00:00Z" in read_source(page).text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, r.publication_year, r.area) for r in reviews] == [
        ("Child T – LCSPR", 2021, "Testshire"), ("SCR Young Person M", 2016, "Testshire")]


def test_files_a_folder_holds_that_are_not_read_are_named(tmp_path: Path, vocab: Vocabulary) -> None:
    """A folder's files of a type casegraph does not read (Keynote slides, an Apple Pages
    document; an OpenDocument text is read since session 51, a PowerPoint deck since session 59)
    are named in one warning, not left out without a word; each warning is given once."""
    (tmp_path / "slides.key").write_bytes(b"PK invented")
    (tmp_path / "report.pages").write_bytes(b"PK invented")
    (tmp_path / "list.csv").write_text(_SHAREPOINT, encoding="utf-8")
    _, warnings, files = extract_reviews([tmp_path], vocab)
    assert [f.name for f in files] == ["list.csv"]
    assert warnings[0] == (f"{tmp_path}: 2 file(s) not read, of a type casegraph does not read "
                           "(.key, .pages): report.pages, slides.key; name a file on the command line "
                           "to read it by its content (XML, JSON or text)")
    assert len(warnings) == len(set(warnings))


def test_a_newsletters_layout_table_is_read_as_its_blocks(vocab: Vocabulary) -> None:
    """An e-mail newsletter lays its whole page out in one table cell: the cell's headings,
    paragraphs and lists are the page's blocks (before: one pipe row, and only one review of
    two was found).  A table of data keeps its rows."""
    from casegraph.ingest.sources import html_to_text

    page = ("<html><body><table width='600'><tr><td><p>[Invented test page: not a real review]</p>"
            "<h2>CMR corner</h2><h3>CMR: Young Person C</h3><p>Young Person C, a 17-year-old boy, "
            "died in 2021.</p><h3>CMR: Baby D</h3><p>Baby D, a 3-month-old boy, had fractures that "
            "were inflicted.</p></td></tr></table>"
            "<table><tr><th>Review</th><th>Year</th></tr><tr><td>Child Q</td><td>2020</td></tr>"
            "</table></body></html>")
    text = html_to_text(page)
    assert "\nCMR: Baby D\n" in text and "| CMR corner" not in text
    assert "| Child Q | 2020 |" in text


def test_two_columns_of_a_pdf_are_read_one_after_the_other(tmp_path: Path, vocab: Vocabulary) -> None:
    """A poster converted with pdftotext -layout stands in two columns: the left one is read,
    then the right one (before: line by line across both, so "Child Y is a boy aged" ran into
    "1. Weight loss in a"); a two-column table ("Judgement ... Grade") and labelled fields
    ("Date published:   2024") stay as they are."""
    from casegraph.ingest.sources import columns_as_text

    left = ["What happened", "Child Y is a boy aged", "4 with cerebral", "palsy. In spring",
            "2023 he was", "admitted to hospital", "severely under-", "weight through neglect."]
    right = ["What we learned", "1. Weight loss in a", "disabled child is a", "red flag, not an",
             "expected part of his", "condition.", "2. Use a professional", "interpreter."]
    page = "[Invented test page: not a real review]\n" + "\n".join(
        f"{a:<35}{b}" for a, b in zip(left, right, strict=True)) + "\n"
    assert columns_as_text(page).strip().split("\n")[1:] == [*left, "", *right]
    table = "\n".join(f"{a:<40}{b}" for a, b in [("Judgement", "Grade")] + [
        (f"The experiences of children, part {n}", "Good") for n in range(8)])
    assert columns_as_text(table) == table
    fields = "\n".join(f"{a:<18}{b}" for a, b in [("Date published:", "2024-02-29"), (
        "Area:", "Testshire"), ("Review type:", "Learning review")] * 3)
    assert columns_as_text(fields) == fields
    (tmp_path / "poster.txt").write_text(page, encoding="utf-8")
    (review,) = extract_reviews([tmp_path / "poster.txt"], vocab)[0]
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child Y", 48)]
    assert len(review.learning) == 2


def test_a_csv_export_with_semicolons(tmp_path: Path, vocab: Vocabulary) -> None:
    """A spreadsheet saved as .csv in a locale that writes semicolons, with Windows line endings
    and a note above its header, is read as its records (csv.Sniffer; before: one mangled record
    for three rows)."""
    page = tmp_path / "library.csv"
    page.write_bytes(b"# Invented test data\r\nPseudonym;Area;Year;Type;Summary\r\n"
                     b'Child B;Leeds;2021;Serious case review;"Child B, a boy of 12, was neglected."\r\n'
                     b'Baby O;Powys;2022;Concise Child Practice Review;"Baby O, a newborn boy, died."\r\n')
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, r.publication_year, r.area) for r in reviews] == [
        ("Child B", 2021, "Leeds"), ("Baby O", 2022, "Powys")]


_API = """{
  "_note": "[Invented test data for casegraph - not a real review]",
  "meta": {"total": 2, "page": 1},
  "data": [
    {"id": "a1", "type": "node--case_review",
     "attributes": {"title": "Child Practice Review: Child P", "field_review_type": "Concise CPR",
                    "field_published_date": "2023-05-04T09:00:00+01:00", "changed": "2024-01-02",
                    "body": {"value": "<p>Child P was a girl aged 14 who took an overdose in 2022.</p>\
<p>Her mother misused alcohol.</p>", "format": "basic_html"},
                    "field_learning": ["Missing episodes are a sign of risk.",
                                       "Ask who lives in the home."]},
     "relationships": {"field_area": {"data": {"id": "t9", "type": "taxonomy_term"}}}},
    {"id": "a2", "type": "node--case_review",
     "attributes": {"title": "Serious Case Review: Baby Q", "field_review_type": "SCR",
                    "field_published_date": "2019-11-20",
                    "body": {"value": "<p>Baby Q, a boy of three months, was injured.</p>"}}}
  ]
}"""


def test_a_saved_api_response_is_read_as_its_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """A partnership's JSON API response saved to a file (before: not read, only named in a
    warning): each record of the list that holds the most text is a review, its title the
    heading, its fields labelled lines, its HTML read as a page, its lists as bullets; ids,
    links and the date it was last changed are plumbing, not text."""
    page = tmp_path / "api.json"
    page.write_text(_API, encoding="utf-8")
    src = read_source(page)
    assert src.media_type == "application/json"
    assert "Published: 4 May 2023\n" in src.text and "<p>" not in src.text
    assert "- Missing episodes are a sign of risk.\n" in src.text
    assert "changed" not in src.text.lower() and "taxonomy" not in src.text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, r.publication_year, r.review_type.notation) for r in reviews] == [
        ("Child Practice Review: Child P", 2023, "RT-CPR"), ("Serious Case Review: Baby Q", 2019, "RT-SCR")]
    assert [(c.pseudonym, c.age_months) for c in reviews[0].children] == [("Child P", 168)]
    assert len(reviews[0].learning) == 2 and not reviews[1].learning


def test_json_lines_and_bad_json(tmp_path: Path, vocab: Vocabulary) -> None:
    """A scrape saved as JSON Lines is a record per line; a line that is not JSON is a one-line
    error naming the file and its line, and the folder's other pages are still built."""
    import pytest

    from casegraph.core.errors import CasegraphError

    good = tmp_path / "scrape.jsonl"
    good.write_text('{"title": "Learning Review: Child S", "excerpt": "Invented test data. Child S, '
                    'a boy aged 15, was exploited by older men in 2021."}\n'
                    '{"title": "Learning Review: Child T", "excerpt": "Invented. Child T, a girl '
                    'aged 9, was neglected."}\n', encoding="utf-8")
    reviews = extract_reviews([good], vocab)[0]
    assert [(r.heading, r.children[0].age_months) for r in reviews] == [
        ("Learning Review: Child S", 180), ("Learning Review: Child T", 108)]
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"deep\.json: cannot read as JSON: nested too deeply"):
        read_source(deep)
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"title": "x"}\n{"title": "y",\n', encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"broken\.jsonl:line 2, column \d+: cannot read as JSON"):
        read_source(bad)


_HARVEST = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Invented test data for casegraph: not a real review -->
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
<record><header><identifier>oai:x:1</identifier><datestamp>2024-05-29</datestamp></header>
<metadata><dc xmlns="http://purl.org/dc/elements/1.1/"><title>Learning Review: Child J</title>
<creator>Highland Child Protection Committee</creator><date>2024</date>
<type>Learning review (Scotland)</type><subject>neglect</subject><subject>rural isolation</subject>
<description>Child J, a girl aged 4, was admitted to hospital in February 2023 severely
malnourished after long-standing neglect.</description></dc></metadata></record>
<record><header><identifier>oai:x:2</identifier></header>
<metadata><dc xmlns="http://purl.org/dc/elements/1.1/"><title>Register statistics 2023</title>
<date>2023</date><description>Quarterly counts of children on the child protection register.
</description></dc></metadata></record>
</ListRecords></OAI-PMH>"""


def test_a_harvest_of_records_in_xml(tmp_path: Path, vocab: Vocabulary) -> None:
    """An OAI-PMH harvest saved as .xml (before: the text of every element on a line of its
    own, and no review found): each record is read as an API's record is, its Dublin Core
    title the heading, its date, type and subjects labelled lines, its description the account;
    a record that tells of no review (statistics) gives none."""
    page = tmp_path / "harvest.xml"
    page.write_text(_HARVEST, encoding="utf-8")
    text = read_source(page).text
    assert "Keywords: neglect; rural isolation\n" in text and "oai:x:1" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.heading, review.publication_year, review.review_type.notation) == (
        "Learning Review: Child J", 2024, "RT-SIG")
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child J", 48)]
    assert review.keywords == ["neglect", "rural isolation"]


def test_a_journal_article_in_xml_and_a_broken_one(tmp_path: Path, vocab: Vocabulary) -> None:
    """A journal article in JATS names its DTD in a DOCTYPE (before: refused as if it declared
    entities); its titles and paragraphs are read a block each, inline markup kept in its
    paragraph.  A file with a tag left open is read leniently rather than lost."""
    article = ('<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "jats.dtd">\n'
               "<article><body><p>Invented test data: not a real review.</p><sec><title>Box 1. "
               "Child A (Norfolk, local child safeguarding practice review, 2023)</title><p>Child A "
               "was a <italic>5-month-old</italic> boy who died in 2022 from inflicted head "
               "injuries.</p></sec></body></article>")
    good = tmp_path / "article.xml"
    good.write_text(article, encoding="utf-8")
    assert "Child A was a 5-month-old boy who died in 2022" in read_source(good).text
    (review,) = extract_reviews([good], vocab)[0]
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child A", 5)]
    assert review.publication_year == 2023
    broken = tmp_path / "broken.xml"
    broken.write_text(article.replace("</title>", "", 1), encoding="utf-8")
    assert "Child A was a 5-month-old boy" in read_source(broken).text


def test_a_yaml_export_and_its_aliases(tmp_path: Path, vocab: Vocabulary) -> None:
    """A register exported as YAML is read as records (dates are YAML's own); anchors and
    aliases, YAML's "billion laughs", are a one-line error naming the file."""
    import pytest

    from casegraph.core.errors import CasegraphError

    page = tmp_path / "register.yaml"
    page.write_text('note: "Invented test data: not a real review"\nreviews:\n'
                    '  - title: "Case Management Review: Baby O"\n    trust: Northern Trust\n'
                    "    published: 2020-11-09\n    summary: >-\n      Baby O, a boy aged seven "
                    "weeks, died in 2019 after\n      co-sleeping with his parents on a sofa.\n"
                    "  - title: Case Management Review - Child U\n    published: 2021-05-18\n"
                    "    summary: Child U, a girl aged nine, was neglected.\n", encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.heading, r.publication_year) for r in reviews] == [
        ("Case Management Review: Baby O", 2020), ("Case Management Review - Child U", 2021)]
    assert "H-SUDI" in {h.notation for h in reviews[0].harms}
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text('a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]\n', encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"bomb\.yaml: cannot read as YAML: YAML aliases"):
        read_source(bomb)


def test_a_calendar_of_learning_events(tmp_path: Path, vocab: Vocabulary) -> None:
    """An iCalendar file of learning events: long lines unfolded, escapes undone, each event's
    summary its title and its description its text; an event that names no review (a training
    course) gives none."""
    page = tmp_path / "events.ics"
    page.write_bytes(b"BEGIN:VCALENDAR\r\nX-WR-CALNAME:Learning events (invented test data)\r\n"
                     b"BEGIN:VEVENT\r\nDTSTART:20241015T093000Z\r\nSUMMARY:Learning event: LCSP"
                     b"R Child P\r\nDESCRIPTION:The review about Child P\\, published in Septemb"
                     b"er 2024.\\n\\nChild P\\, a girl aged seven months\\, had fractures that we"
                     b"re\r\n  found to be non-accidental.\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
                     b"SUMMARY:Managing allegations training\r\nDESCRIPTION:A course for manage"
                     b"rs\\; book online.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    text = read_source(page).text
    assert "Child P, a girl aged seven months, had fractures that were found to be" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.heading == "Learning event: LCSPR Child P"
    assert [(c.pseudonym, c.age_months, c.sex) for c in review.children] == [("Child P", 7, "female")]
    assert review.publication_year == 2024


def test_a_videos_captions_are_read_as_the_words_spoken(tmp_path: Path, vocab: Vocabulary) -> None:
    """A learning video's SubRip captions (saved as .srt or .txt): cue numbers and timings
    dropped, a cue that does not end its sentence run on into the next (before: the first cue,
    "This is a Concise Child Practice Review,", was taken for the review's heading, and Cai,
    named only as "It is about Cai, a seven-year-old boy", was missed)."""
    cues = ["This is a Concise Child Practice Review,", "published by a board in 2023.",
            "It is about Cai, a seven-year-old boy.", "[MUSIC]",
            "In April 2022 Cai was deliberately burned", "by his father during contact."]
    page = tmp_path / "video.srt"
    page.write_text("[Invented test page: not a real review]\n\n" + "\n\n".join(
        f"{n}\n00:00:{n:02d},000 --> 00:00:{n + 1:02d},000\n{cue}" for n, cue in enumerate(cues, 1))
        + "\n", encoding="utf-8")
    text = read_source(page).text
    assert "This is a Concise Child Practice Review, published by a board in 2023.\n" in text
    assert "-->" not in text and "[MUSIC]" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Cai", 84)]
    assert review.review_type.notation == "RT-CPR"


def test_a_spreadsheet_saved_as_xml_is_a_table(tmp_path: Path, vocab: Vocabulary) -> None:
    """Excel's XML Spreadsheet 2003 (SpreadsheetML): its rows are read as a table's, the header
    row's cells naming the fields (before: every <Row> and <Cell> read as a record of its own)."""
    def row(*cells: str) -> str:
        return "<Row>" + "".join(f'<Cell><Data ss:Type="String">{c}</Data></Cell>' for c in cells) + "</Row>"
    page = tmp_path / "register.xml"
    page.write_text('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:'
                    'spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
                    "<Worksheet><Table>" + row("Invented test data: not a real review")
                    + row("Ref", "Child", "Review type", "Published", "Summary")
                    + row("1", "Child W", "Case Management Review", "2023",
                          "Child W, a boy aged 4, was neglected.")
                    + row("2", "Child Z", "Case Management Review", "2024",
                          "Child Z, a girl aged 15, took an overdose.")
                    + "</Table></Worksheet></Workbook>", encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.publication_year, [c.pseudonym for c in r.children]) for r in reviews] == [
        (2023, ["Child W"]), (2024, ["Child Z"])]


def test_one_review_saved_alone_as_json(tmp_path: Path, vocab: Vocabulary) -> None:
    """A single review saved as one JSON object whose sections are a list of titled parts: the
    object is the record and the sections its parts (before: each section was taken for a
    review of its own)."""
    page = tmp_path / "review.json"
    page.write_text('{"note": "Invented test data: not a real review", "title": "Learning Review: '
                    'Child S", "published": "2024-03-05", "sections": [{"heading": "What happened",'
                    ' "text": "Child S, a boy aged 4, was found living with neglect in 2022."}, '
                    '{"heading": "Learning", "text": "Rural isolation can hide neglect."}]}',
                    encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.heading, review.publication_year) == ("Learning Review: Child S", 2024)
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child S", 48)]


# ----------------------------------------------------- an analyst's files (session 29, issue 15)

_NOTEBOOK = {
    "nbformat": 4, "metadata": {},
    "cells": [
        {"cell_type": "markdown", "source": ["# Coding sample (invented test data, not a real "
                                             "review)\n"]},
        {"cell_type": "code", "source": ["coded.groupby('ref')['rf'].apply(list)"],
         "outputs": [{"output_type": "stream", "text": ["B3-01    [DRG, PMH]\n"]}]},
        {"cell_type": "markdown",
         "source": ["## Child F — Testshire — LCSPR (2023)\n", "\n",
                    "Child F, a girl aged 2, swallowed methadone at home in March 2021. "
                    "Her mother had been using heroin.\n"]},
    ],
}


def test_a_notebook_is_read_as_its_markdown_cells(tmp_path: Path, vocab: Vocabulary) -> None:
    """An analyst's Jupyter notebook (before: not read): its Markdown cells are the page; its
    code and the outputs the analyst computed ("[DRG, PMH]") are not words of a publication."""
    import json

    page = tmp_path / "batch.ipynb"
    page.write_text(json.dumps(_NOTEBOOK), encoding="utf-8")
    src = read_source(page)
    assert src.media_type == "application/x-ipynb+json"
    assert "Child F, a girl aged 2" in src.text
    assert "groupby" not in src.text and "DRG" not in src.text
    (review,) = extract_reviews([page], vocab)[0]
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child F", 24)]
    assert review.publication_year == 2023


_SQL = r"""-- MySQL dump (invented test data: not a real review)
CREATE TABLE `review` (
  `id` int NOT NULL,
  `pseudonym` varchar(64) NOT NULL,
  `published` year DEFAULT NULL,
  `case_summary` text,
  PRIMARY KEY (`id`)
);
INSERT INTO `review` VALUES
(1,'Child D',2022,'D, a 16-year-old boy, died in 2021. He hadn\'t been seen by CAMHS.'),
(2,'Baby E',NULL,'Baby E, aged 3 months, was admitted in 2020 with a skull fracture; it''s one of two.');
INSERT INTO log (id, note) VALUES (1, 'exported');
"""


def test_an_sql_dump_is_read_as_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """A review register's database dump (before: not read): each row of the table with most
    text is a record named by its child, its columns from CREATE TABLE; both escapes of a quote
    are undone and NULL is no value.  Nothing is executed."""
    page = tmp_path / "register.sql"
    page.write_text(_SQL, encoding="utf-8")
    src = read_source(page)
    assert "He hadn't been seen" in src.text and "it's one of two" in src.text
    assert "NULL" not in src.text and "exported" not in src.text.split("RECORD 1")[1]
    reviews = extract_reviews([page], vocab)[0]
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Child D"], ["Baby E"]]
    assert [c.age_months for r in reviews for c in r.children] == [192, 3]


def test_an_sql_file_without_rows_is_a_one_line_error(tmp_path: Path) -> None:
    import pytest

    from casegraph.core.errors import CasegraphError

    page = tmp_path / "schema.sql"
    page.write_text("CREATE TABLE review (id int);\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match="cannot read as an SQL dump: no INSERT"):
        read_source(page)


def test_web_clips_in_an_evernote_export_are_read_as_pages(tmp_path: Path) -> None:
    """ENEX keeps each clipped page as HTML inside CDATA: the page's text, not its tags."""
    page = tmp_path / "clips.enex"
    page.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<en-export><note><title>Child S - Extended '
        'Child Practice Review</title><content><![CDATA[<?xml version="1.0" encoding="UTF-8"?>'
        '<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note><div>Published:'
        ' 9 November 2022</div><div>Child S, a girl aged 14 months, was neglected. (Invented test '
        'data.)</div></en-note>]]></content></note></en-export>', encoding="utf-8")
    text = read_source(page).text
    assert "Published: 9 November 2022\n" in text and "<div>" not in text and "DOCTYPE" not in text


def test_plain_text_markup_is_found_in_a_folder_and_read(tmp_path: Path, vocab: Vocabulary) -> None:
    """reStructuredText, Org, LaTeX and GIFT files in a folder are read as text (before: left
    out with a warning).  (A RIS export is read as its records since session 38:
    test_interchange.)"""
    body = ("Child K (Testshire, 2023)\n=========================\n\nChild K, a boy aged 13, was "
            "criminally exploited in 2022. (Invented test data, not a real review.)\n")
    for suffix in (".rst", ".org", ".tex", ".gift"):
        (tmp_path / f"notes{suffix}").write_text(body, encoding="utf-8")
    reviews, warnings, files = extract_reviews([tmp_path], vocab)
    assert sorted(f.suffix for f in files) == [".gift", ".org", ".rst", ".tex"]
    assert not [w for w in warnings if "not read" in w]
    assert {c.pseudonym for r in reviews for c in r.children} == {"Child K"}


def test_an_annotation_export_and_a_chat_export(tmp_path: Path, vocab: Vocabulary) -> None:
    """Several annotations of one page, each carrying the page's title, are one review; a
    channel message's subject is its title, and the heading its HTML body repeats is the same
    review, not a second one ("Child R LCSPR - summary" names Child R)."""
    import json

    notes = [{"title": "Child P - Local Child Safeguarding Practice Review", "text": t}
             for t in ("Child P, a boy aged 10 months, had a skull fracture in 2021.",
                       "His father had convictions for assault.", "Learning: share disclosures.")]
    (tmp_path / "annotations.json").write_text(json.dumps({"rows": notes}), encoding="utf-8")
    posts = {"note": "Invented test data: not a real review", "value": [
        {"messageType": "message", "subject": None,
         "body": {"content": "<p>Room 2.14 is booked for Thursday.</p>"}},
        {"messageType": "message", "subject": "Child R LCSPR - summary for the website",
         "body": {"content": "<p><strong>Child R - Local Child Safeguarding Practice Review</strong>"
                             "</p><p>Child R was a boy aged 9 months when he was taken to "
                             "hospital in 2022 with a fractured thigh bone.</p>"}}]}
    (tmp_path / "channel.json").write_text(json.dumps(posts), encoding="utf-8")
    reviews = sorted(extract_reviews([tmp_path], vocab)[0], key=lambda r: r.title)
    assert [[(c.pseudonym, c.age_months) for c in r.children] for r in reviews] == [
        [("Child P", 10)], [("Child R", 9)]]


_BEAMER = r"""% Invented test page for casegraph: not a real review
\documentclass{beamer}
\usepackage[british]{babel}
\begin{document}
\section{Learning Review: Child L}
\begin{frame}{Child L --- what happened}
  \begin{itemize}
    \item Child L is a 15-year-old girl; in 2022 she was \textbf{sexually exploited}. % a note
    \item Published: June 2023.
  \end{itemize}
\end{frame}
\begin{frame}{Child L --- what we learned}
  \begin{itemize}
    \item Return discussions were not analysed together.
    \item Her drinking was treated as ``behaviour''.
  \end{itemize}
\end{frame}
\end{document}
"""


def test_latex_slides_are_read_as_their_words(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Beamer deck's source (before: not read): comments and the preamble go, a section is a
    heading, each slide's title a label over its points, "\\item" a bullet; one review."""
    page = tmp_path / "slides.tex"
    page.write_text(_BEAMER, encoding="utf-8")
    src = read_source(page)
    assert "\\" not in src.text and "a note" not in src.text and "babel" not in src.text
    assert "Child L — what we learned:\n\n- Return discussions" in src.text
    assert "“behaviour”" in src.text
    (review,) = extract_reviews([page], vocab)[0]
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child L", 180)]
    assert review.publication_year == 2023 and len(review.learning) == 2


def test_a_channels_messages_without_titles_and_their_thread(tmp_path: Path,
                                                             vocab: Vocabulary) -> None:
    """Messages with no title are named by the child their text names (not "User: U01"); a
    reply in the thread goes on with the post it answers, unless it tells of another child."""
    import json

    def message(user: str, text: str, thread: str | None = None) -> dict:
        return {"user": user, "ts": "1.0", **({"thread_ts": thread} if thread else {}), "text": text}

    export = {"note": "Invented test data: not a real review", "messages": [
        message("U01", "The Learning Review about Child J is published. Child J is an 11-year-old "
                       "boy who experienced serious neglect in 2023."),
        message("U02", "His mother's alcohol misuse was known to the GP.", thread="1.0"),
        message("U03", "That echoes our review of Child P, a 16-year-old girl who died by suicide "
                       "in 2017.", thread="1.0")]}
    (tmp_path / "channel.json").write_text(json.dumps(export), encoding="utf-8")
    reviews = extract_reviews([tmp_path / "channel.json"], vocab)[0]
    assert [(r.title, [c.pseudonym for c in r.children]) for r in reviews] == [
        ("Child J", ["Child J"]), ("Child P", ["Child P"])]
    assert "RF-ALC" in {c.notation for c in reviews[0].risk_factors}


def test_a_saved_search_engine_response(tmp_path: Path, vocab: Vocabulary) -> None:
    """An Elasticsearch response keeps each hit's document under "_source" (before: dropped as
    plumbing, so no review was read); hits that are news or events name no review."""
    import json

    hits = [{"_index": "site", "_id": "1", "_score": 9.1, "_source": {
        "title": "Child E - Local Child Safeguarding Practice Review", "published": "2022-05-18",
        "summary": "Child E, a 4-year-old boy, died in 2020 from injuries inflicted by his "
                   "mother's partner. (Invented test data, not a real review.)"}},
        {"_index": "site", "_id": "2", "_score": 3.0, "_source": {
            "title": "Safer sleep week", "summary": "Join our webinar on Thursday."}}]
    page = tmp_path / "search.json"
    page.write_text(json.dumps({"took": 14, "hits": {"total": {"value": 2}, "hits": hits}}),
                    encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.title, review.publication_year) == (
        "Child E - Local Child Safeguarding Practice Review", 2022)
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child E", 48)]


def test_a_file_named_like_a_notebook_that_is_not_one(tmp_path: Path) -> None:
    """A ".ipynb" that is JSON but no notebook, or no JSON, is a one-line error naming it."""
    import pytest

    from casegraph.core.errors import CasegraphError

    page = tmp_path / "list.ipynb"
    page.write_text('["not", "a", "notebook"]', encoding="utf-8")
    with pytest.raises(CasegraphError, match="cannot read as a notebook: no list of 'cells'"):
        read_source(page)
    page.write_text('{"cells": [', encoding="utf-8")
    with pytest.raises(CasegraphError, match="cannot read as JSON"):
        read_source(page)


# ------------------------------------------------------------ session 30: more saved layouts

_ORG = """#+TITLE: Reading notes (invented test data, not real reviews)
#+STARTUP: overview
# a comment the export leaves out

* Inbox
** TODO chase the template
* DONE Child Q: learning review (Testshire, 2021)                 :neglect:
  CLOSED: [2024-03-04 Mon 16:10]
  :PROPERTIES:
  :CPC:       Testshire
  :PUBLISHED: 2021
  :END:
** Summary
   - Child Q, a girl aged 4, suffered chronic neglect.
* Child R: serious case review (Exampleton, 2017)
  :PROPERTIES:
  :PUBLISHED: 2017
  :END:
** Summary
   - Child R, a boy aged 6, was physically abused by his father.
"""


def test_org_notes_are_read_by_their_outline(tmp_path: Path, vocab: Vocabulary) -> None:
    """An Org file's headings are headings (before: its second review was missed, and its
    "CLOSED: [...]" and ":CPC: Testshire" lines were taken for reviews): a drawer's property
    is a label, to-do keywords, tags, dates and comments are not words of the page."""
    page = tmp_path / "notes.org"
    page.write_text(_ORG, encoding="utf-8")
    text = read_source(page).text
    assert "CLOSED" not in text and "TODO" not in text and ":neglect:" not in text
    assert "Cpc: Testshire" in text and "a comment" not in text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year, r.area) for r in reviews] == [
        ("Child Q", 2021, "Testshire"), ("Child R", 2017, "Exampleton")]


_CLIPPINGS = "\ufeff" + "\n==========\n".join([
    "Invented test data (a reader's clippings; not a real review)\n- Your Note on Location 1 | "
    "Added on Monday, 11 March 2024 08:40:02\n\nInvented test data.",
    "Child P - Local Child Safeguarding Practice Review (Testshire Partnership)\n- Your Highlight "
    "on page 5 | Location 61-66 | Added on Monday, 11 March 2024 08:58:44\n\nChild P, a 2-year-old "
    "boy, swallowed methadone in August 2021.",
    "Child P - Local Child Safeguarding Practice Review (Testshire Partnership)\n- Your Note on "
    "page 6 | Location 75 | Added on Monday, 11 March 2024 09:03:55\n\ncf. Baby J elsewhere",
    "Child P - Local Child Safeguarding Practice Review (Testshire Partnership)\n- Your Highlight "
    "on page 2 | Location 14-16 | Added on Monday, 11 March 2024 08:52:19\n\nPublished: "
    "February 2023.",
    "Child J: Extended Child Practice Review (Exampleton Board)\n- Your Highlight on page 3 | "
    "Location 30-35 | Added on Thursday, 14 March 2024 19:11:56\n\nChild J was a 15-year-old boy "
    "who was criminally exploited.", ""])


def test_kindle_clippings_are_read_as_their_books(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Kindle "My Clippings.txt": one review per book, its highlights in page order (before:
    a review per clipping, and the first book's missed); the reader's notes are left out."""
    page = tmp_path / "My Clippings.txt"
    page.write_text(_CLIPPINGS, encoding="utf-8")
    text = read_source(page).text
    assert "cf. Baby J" not in text and "Your Highlight" not in text
    assert text.index("Published: February 2023") < text.index("swallowed methadone")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [
        ("Child P", 2023), ("Child J", None)]


_PG_DUMP = """-- PostgreSQL database dump (invented test data, not real reviews)
CREATE TABLE public.case_reviews (
    id integer NOT NULL,
    child_pseudonym text,
    partnership text,
    published_on date,
    case_account text,
    tags text[]
);

COPY public.case_reviews (id, child_pseudonym, partnership, published_on, case_account, tags) FROM stdin;
101\tChild AB\tTestshire\t2023-05-17\tChild AB, a boy aged 9 weeks, was shaken.\\nHe \
survived.\t{"abusive head trauma",fathers}
102\tBaby K\t\\N\t2024-02-08\tBaby K died in her sleep.\t{}
\\.
"""


def test_a_postgresql_dump_is_read_as_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """pg_dump writes rows as COPY data, not INSERTs (before: "no INSERT statements", and the
    page stopped an evaluation): tab-separated, \\N for NULL, backslash escapes, arrays."""
    page = tmp_path / "register.pgdump.sql"
    page.write_text(_PG_DUMP, encoding="utf-8")
    text = read_source(page).text
    assert "was shaken.\nHe survived." in text and "\\N" not in text
    assert "abusive head trauma; fathers" in text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [
        ("Child AB", 2023), ("Baby K", 2024)]
    assert reviews[0].area == "Testshire"


_MBOX = """From analyst@example.org Mon Mar 11 09:14:02 2024
From: Analyst <analyst@example.org>
Subject: Reading notes (invented test data)
Date: Mon, 11 Mar 2024 09:14:02 +0000
Content-Type: text/plain; charset=utf-8

Child L: Learning Review – Testshire, 2023
Child L, a girl aged 2, was physically abused by her mother's partner.

From team@example.org Mon Mar 11 11:40:55 2024
From: Team <team@example.org>
Subject: Re: Reading notes
Date: Mon, 11 Mar 2024 11:40:55 +0000

Could we meet on Thursday?

> Child L, a girl aged 2, was physically abused by her mother's partner.
"""


def test_a_mailbox_is_read_as_its_messages(tmp_path: Path, vocab: Vocabulary) -> None:
    """An mbox file (before: not read) is its messages' text; a reply's quoted lines are not
    read twice, and 8-bit UTF-8 text keeps its characters ("–", not "\\u2013")."""
    page = tmp_path / "inbox.mbox"
    page.write_text(_MBOX, encoding="utf-8")
    text = read_source(page).text
    assert "Learning Review – Testshire" in text and "\\u2013" not in text
    assert text.count("physically abused") == 1 and "Could we meet" in text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child L"]


def test_r_markdown_and_quarto_without_their_code(tmp_path: Path, vocab: Vocabulary) -> None:
    """An R Markdown or Quarto document (before: not read) is its Markdown; a code chunk is the
    analyst's computation, left out like a notebook's code."""
    body = ("---\ntitle: \"Notes (invented test data)\"\n---\n\n```{r counts}\nx <- 'Child Z'\n```\n\n"
            "## Child N — Case Management Review (2021)\n\nChild N, a girl aged 11, was neglected.\n")
    for suffix in (".Rmd", ".qmd"):
        page = tmp_path / f"analysis{suffix}"
        page.write_text(body, encoding="utf-8")
        assert "Child Z" not in read_source(page).text
        reviews = extract_reviews([page], vocab)[0]
        assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [("Child N", 2021)]


def test_a_tei_document_is_not_taken_for_a_feed(tmp_path: Path, vocab: Vocabulary) -> None:
    """TEI's ``<item>`` is a point of a list (before: read as a feed's item, and the page had
    "no visible text"); XHTML is read as HTML."""
    page = tmp_path / "corpus-tei.xml"
    page.write_text(
        '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
        '<titleStmt><title>Invented test data</title></titleStmt></fileDesc></teiHeader><text>'
        '<body><div><head>Child Q: Local Child Safeguarding Practice Review (Testshire, 2022)</head>'
        '<p>Child Q, a girl aged 3, was neglected.</p><list><item>Ask who lives in the home.</item>'
        '</list></div></body></text></TEI>', encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.area) for r in reviews] == [("Child Q", "Testshire")]
    xhtml = tmp_path / "space.xhtml"
    xhtml.write_text('<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>Child S – LCSPR '
                     '(Testshire, 2023)</h2><p>Child S, a girl aged 14, was sexually exploited. '
                     '(Invented test data.)</p></body></html>', encoding="utf-8")
    assert "<h2>" not in read_source(xhtml).text


_GIT_LOG = """commit 5c2d0b8f7e6a194433d9a1f0b2c8e5d4a7b6c901
Author: Editor <editor@example.invalid>
Date:   Fri Nov 17 15:02:44 2023 +0000

    Fix typo in the Child M page (invented test data)

diff --git a/reviews/child-m.md b/reviews/child-m.md
index 1a2b3c4..5d6e7f8 100644
--- a/reviews/child-m.md
+++ b/reviews/child-m.md
@@ -4,3 +4,3 @@
 ## Circumstances

-Child M, a boy aged three, was neglectd.
+Child M, a boy aged three, was neglected.

commit 77ab3e190c4f5d2a6e8b1c0d9f3a2b4c5d6e7f80
Author: Editor <editor@example.invalid>
Date:   Wed Jun 21 09:15:30 2023 +0100

    Add Child M (the review's words are invented test data)

diff --git a/reviews/child-m.md b/reviews/child-m.md
new file mode 100644
--- /dev/null
+++ b/reviews/child-m.md
@@ -0,0 +1,6 @@
+# Concise Child Practice Review – Child M
+
+Published: September 2022
+## Circumstances
+
+Child M, a boy aged three, was neglectd.
"""


def test_a_git_log_is_read_as_its_files_newest_version(tmp_path: Path, vocab: Vocabulary) -> None:
    """``git log -p`` of a site kept in git (before: each commit's lines were read, so a typo
    fix repeated a review and the commit messages were text): each file as the newest commit
    leaves it, replayed oldest first, with a hunk placed where its lines stand."""
    page = tmp_path / "site.gitlog.txt"
    page.write_text(_GIT_LOG, encoding="utf-8")
    text = read_source(page).text
    assert text.count("Child M, a boy aged three") == 1 and "neglectd" not in text
    assert "Fix typo" not in text and "Author:" not in text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [("Child M", 2022)]


_RTF = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}
{\info{\title Briefing}{\comment Invented test data: not a real review}}
\pard\b Child T (Case Management Review, published 2023)\b0\par
Child T, a 2-year-old girl, was neglected in 2021. Her mother\rquote s partner was never seen.\par
\pard\b Key learning\b0\par
\pard{\pntext\f0 1.\tab}{\*\pn\pnlvlbody\pndec{\pntxta.}}
\fi-360\li720 Professionals did not ask who lived in the home.\par
{\pntext\f0 2.\tab}Missed appointments were not followed up.\par
\pard\b Recommendations relevant to the Trust\b0\par
{\pntext\f0\'b7\tab}Health visitors to record every adult in the home.\par
\pard\b 4. Action requested\b0\par
The Director is asked to note this briefing.\par
}"""


def test_rich_text_format_is_read_as_its_document(tmp_path: Path, vocab: Vocabulary) -> None:
    """An RTF briefing (before: read as plain text, its control words were its words): the text
    as it reads, a list item's number kept, "Recommendations relevant to the Trust" a label, and
    a briefing's closing "Action requested" no recommendation."""
    page = tmp_path / "briefing.rtf"
    page.write_text(_RTF, encoding="cp1252")
    src = read_source(page)
    assert src.media_type == "text/rtf" and "\\par" not in src.text and "Arial" not in src.text
    assert "mother’s partner" in src.text and "1. Professionals did not ask who lived" in src.text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child T" and review.publication_year == 2023
    assert len(review.learning) == 2
    assert [i.text for i in review.recommendations] == ["Health visitors to record every adult in the home"]


def test_a_file_that_is_not_rtf_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "briefing.rtf"
    page.write_text("Child T was neglected.\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"cannot read as Rich Text Format: no \{\\rtf header"):
        read_source(page)


_TOML = '''# Invented test data for casegraph: not real reviews.
[meta]
maintainer = "web team"

[[review]]
title = "Child V - Local Child Safeguarding Practice Review"
partnership = "Testshire Safeguarding Children Partnership"
published = 2024-09-18
summary = """
Child V, a nine-year-old girl, was neglected in 2023."""
learning = ["Missed appointments are a safeguarding signal.", "Services worked in parallel."]
recommendations = ["Adopt a was-not-brought policy."]

[[review]]
title = "Child S - Local Child Safeguarding Practice Review"
published = 2023-03-02
summary = "Child S, a five-month-old boy, was taken to hospital in 2022."
'''


def test_a_toml_data_file_is_read_as_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """A static site's data/reviews.toml (before: read as plain text, "[[review]]" lines and
    quotes were its words): each table a record, its dates printed as a page prints them."""
    page = tmp_path / "reviews.toml"
    page.write_text(_TOML, encoding="utf-8")
    assert "18 September 2024" in read_source(page).text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year, len(r.learning)) for r in reviews] == [
        ("Child V", 2024, 2), ("Child S", 2023, 0)]


def test_a_bad_toml_file_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "reviews.toml"
    page.write_text("[[review]\ntitle = 'Child V'\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match="cannot read as TOML"):
        read_source(page)


_PO = '''# Welsh translation of a board's page. Invented test data for casegraph.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: cy\\n"

#: content/reviews/cpr-2-2024.md:1
msgid "Concise Child Practice Review - Child G (published 2024)"
msgstr "Adolygiad Ymarfer Plant Cryno - Plentyn G (cyhoeddwyd 2024)"

#: content/reviews/cpr-2-2024.md:3
msgid ""
"Child G is an eight-year-old boy. He lived with domestic abuse between his "
"parents."
msgstr ""
"Mae Plentyn G yn fachgen wyth oed."

msgid "Learning"
msgstr "Dysgu"

msgid "Children living with domestic abuse are victims in their own right."
msgstr "Mae plant yn ddioddefwyr."

#~ msgid "An obsolete string about Child Z."
#~ msgstr "Hen linyn."
'''


def test_a_gettext_catalogue_is_read_as_its_source_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """A site's .po translation file (before: read as plain text, every fact was read twice,
    once in each language, and "msgid" lines were its words): its source strings, in order, a
    paragraph each; the translations, the header and obsolete strings left out."""
    page = tmp_path / "reviews-cy.po"
    page.write_text(_PO, encoding="utf-8")
    text = read_source(page).text
    assert "msgid" not in text and "Plentyn" not in text and "Child Z" not in text
    assert "He lived with domestic abuse between his parents." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year) == ("Child G", 2024)
    assert "RF-DA" in {c.notation for c in review.risk_factors} and len(review.learning) == 1


_CONFLUENCE_WIKI = """h1. CMR tracker (invented test data, not real reviews)

{info:title=About this page}
Our own notes.
{info}

h2. CMR - Child X (Testshire Trust area, published 2021)

{panel:title=Case summary}
Child X, a three-year-old girl, was hurt by her mother's partner in 2019.
{panel}

*Learning*
* Professionals did not ask who the new adult in the home was.
* Domestic incidents were graded without considering the child.

*Recommendations* (the CMR made 8; these are the ones for our Trust)
# Health visitors to record every adult living in the home.
# Training to include a module on unknown men.

----

h2. CMR - Child Y (Exampleton Trust area, published 2023)

Child Y was a fourteen-year-old boy in residential care.

*Recommendations*
||No.||Recommendation||Lead||
|1|Set up a joint exploitation panel|Trust|
"""


def test_confluence_wiki_markup_is_read_as_its_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Confluence or Jira page's wiki markup saved as text (before: one review, its "h2."
    headings and "{panel}" macros read as words, and its recommendations under a label with a
    bracketed note lost): "hN." lines headings, macros gone, "*Learning*" a label, lists items."""
    page = tmp_path / "tracker.txt"
    page.write_text(_CONFLUENCE_WIKI, encoding="utf-8")
    text = read_source(page).text
    assert "{panel" not in text and "h2." not in text and "*Learning*" not in text
    x, y = extract_reviews([page], vocab)[0]
    assert (x.children[0].pseudonym, len(x.learning), len(x.recommendations)) == ("Child X", 2, 2)
    assert (y.children[0].pseudonym, len(y.recommendations)) == ("Child Y", 1)


def test_a_flat_opendocument_file_is_read_as_its_body(tmp_path: Path, vocab: Vocabulary) -> None:
    """LibreOffice's flat XML (.fodt; before: not read): its body's headings and paragraphs,
    without the metadata and settings around them."""
    page = tmp_path / "briefing.fodt"
    page.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:'
        'opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta><meta:generator>'
        'LibreOffice/7.6</meta:generator></office:meta><office:body><office:text>'
        '<text:p>Invented test data for casegraph.</text:p>'
        '<text:h text:outline-level="1">Child T - LCSPR - Testshire (2022)</text:h>'
        '<text:p>Child T, a four-year-old boy, swallowed methadone in 2021.</text:p>'
        '<text:h text:outline-level="2">Learning</text:h><text:list><text:list-item><text:p>'
        'Prescribers should ask whether children visit the home.</text:p></text:list-item>'
        '</text:list></office:text></office:body></office:document>', encoding="utf-8")
    assert "LibreOffice" not in read_source(page).text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year, len(review.learning)) == (
        "Child T", 2022, 1)


_REGISTER = """RPT-114        TESTSHIRE PARTNERSHIP   REVIEW REGISTER - DETAIL PRINT     PAGE 1
* INVENTED TEST DATA FOR CASEGRAPH - NOT A REAL REGISTER *
------------------------------------------------------------------------
CHILD R  [TS/21/03]
  TYPE ........ LOCAL CHILD SAFEGUARDING PRACTICE REVIEW        PUBLISHED ... SEPTEMBER 2022
  SUMMARY ..... R, A 16 YEAR OLD BOY, WAS STABBED IN MARCH 2021. HE HAD BEEN REPORTED
                MISSING FROM HOME FIVE TIMES.
  LEARNING .... (1) RETURN HOME INTERVIEWS SHOULD EXPLORE WHO THE CHILD SPENDS TIME WITH.
                (2) A PARENT'S IMPRISONMENT IS A LOSS FOR A CHILD AND SHOULD BE
                    RECORDED IN ASSESSMENTS.
  RECS ........ 4 - SEE FULL REPORT
------------------------------------------------------------------------
"""


def test_a_printed_registers_dot_leader_fields_are_labels(tmp_path: Path, vocab: Vocabulary) -> None:
    """A register printed with dot leaders (before: no publication year, no learning, and its
    reference part of the child's name): each field a "Label: value" line, two on one line
    apart, wrapped values joined, the reference after the name dropped, and "4 - SEE FULL
    REPORT" a count, no recommendation."""
    page = tmp_path / "register.txt"
    page.write_text(_REGISTER, encoding="utf-8")
    assert "PUBLISHED: SEPTEMBER 2022" in read_source(page).text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year) == ("Child R", 2022)
    assert len(review.learning) == 2 and review.recommendations == []
    assert review.learning[1].text.endswith("RECORDED IN ASSESSMENTS")


# Invented test data: a Google Keep note (Takeout's JSON), an analyst's shorthand about two reviews.
_KEEP_NOTE = {
    "color": "YELLOW", "isTrashed": False, "isPinned": True,
    "title": "Reading for the audit (invented test data)",
    "textContent": "Notes for the infants audit\n\n1) Child AM – CMR – Testshire Trust – pub. Feb 2024\n"
                   "Baby boy, 10 weeks old, with fractured ribs the review accepts were inflicted.\n"
                   "Learning (2): fathers unseen / DA info not shared.\n\n"
                   "2) Child AN – LCSPR – Testborough – pub. 2022\nGirl, 15, repeatedly missing from home.\n",
    "userEditedTimestampUsec": 1717502401123000, "labels": [{"name": "work"}],
}


def test_a_notes_apps_note_is_the_container_of_its_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Keep note (before: its own title was read as a third, spurious review, its colour and
    timestamps as fields, and "pub. Feb 2024" gave no year): the reviews it heads, each with
    its year, and the note's text read as its body."""
    import json

    page = tmp_path / "keep-note.json"
    page.write_text(json.dumps(_KEEP_NOTE), encoding="utf-8")
    text = read_source(page).text
    assert "YELLOW" not in text and "1717502401123000" not in text and "Summary:" in text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [
        ("Child AM", 2024), ("Child AN", 2022)]


def test_a_name_with_its_reviews_letters_in_brackets_heads_its_review(tmp_path: Path,
                                                                      vocab: Vocabulary) -> None:
    """"Harper (LCSPR)" over "Harper was ..." (before: only "Harper (local child safeguarding
    practice review)" was a heading; a briefing of two such reviews was read as none)."""
    page = tmp_path / "briefing.txt"
    page.write_text(
        "Testshire Partnership – Learning briefing (invented test data)\n\n"
        "This briefing summarises two reviews published in March 2024.\n\n"
        "Ash (LCSPR)\n\nAsh was a two-year-old girl who drowned in the bath in 2022 after being left "
        "alone.\n\nLearning\n\nRepeated referrals should be looked at together.\n\n"
        "Rowan (LCSPR)\n\nRowan, aged 13, attempted to take his own life in 2022.\n\nLearning\n\n"
        "Home education after bullying is a signal of unmet need.\n", encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, len(r.learning)) for r in reviews] == [("Ash", 1), ("Rowan", 1)]


def test_a_notes_apps_wiki_link_is_its_words(tmp_path: Path) -> None:
    """A Logseq journal's "area:: [[Glasgow]]" beside a digest's "(Glasgow, 2024)" (before: the
    area kept its brackets, shared the IRI of "Glasgow" with another name, and the shapes'
    one-name-per-organisation rule stopped the whole build)."""
    (tmp_path / "journal.md").write_text(
        "- ## Child Q – Learning Review – Glasgow (2023)\n  area:: [[Glasgow]]\n"
        "  - Child Q, a 14-year-old girl, was neglected for years (invented test data).\n",
        encoding="utf-8")
    (tmp_path / "digest.txt").write_text(
        "Invented test data.\n\nChild K: learning review (Glasgow, 2024)\n\nChild K, a "
        "13-year-old girl, was sexually exploited in 2022.\n", encoding="utf-8")
    assert "[[" not in read_source(tmp_path / "journal.md").text
    result = build([tmp_path / "journal.md", tmp_path / "digest.txt"], tmp_path / "out")
    assert sorted(r.area for r in result.reviews) == ["Glasgow", "Glasgow"]


def test_a_databases_pipe_delimited_export_is_read_as_a_table(tmp_path: Path, vocab: Vocabulary) -> None:
    """A library database's "|"-delimited query export in a text page, camel-case headers
    ("PubYear", "KeyLearning"), its child in a "Subject" column, cells that hold "; " lists, and
    a row for an audit (before: one review of six was found, read from prose)."""
    page = tmp_path / "export.txt"
    page.write_text(
        "# CRLIB export (invented test data)\n"
        "RecID|Subject|AgeAtIncident|Area|ReviewType|PubYear|Summary|KeyLearning|RecsStated\n"
        "CR-1|Child B|7 months|Testshire|LCSPR|2023|Child B died in 2022; her mother had "
        "postpartum psychosis.|Use interpreters ; Share risk plans|7\n"
        "CR-2|Child C|14 years|Testborough|SCR|2019|Child C was neglected for a year.|Review thresholds|\n"
        "CR-3|Audit of interpreter use in conferences||Testshire|Single-agency audit|2024|"
        "An interpreter was needed in 11 of 40 conferences.|Simplify booking|\n"
        "# 3 records\n", encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.area, r.publication_year, len(r.learning)) for r in reviews] == [
        ("Child B", "Testshire", 2023, 2), ("Child C", "Testborough", 2019, 1)]


def test_two_children_named_before_their_reviews_letters_head_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """"4.3 Ava and Mia (Testshire SCR, published 2018)" in a panel's report (before: a boundary,
    since the heading said "SCR" and not "review", and the whole report was read as one review)."""
    page = tmp_path / "panel.md"
    page.write_text(
        "# Panel report (invented test data)\n\n## 4. Learning from reviews\n\n"
        "### 4.2 Child X (Testshire LCSPR, published March 2024)\n\n"
        "Child X is a 14-year-old boy who was criminally exploited in 2023.\n\n"
        "### 4.3 Ava and Mia (Testshire SCR, published 2018)\n\n"
        "This older serious case review concerned two sisters, Ava (aged 6) and Mia\n"
        "(aged 8), who were placed with their grandmother.\n\n## 5. Recommendation\n\n"
        "That the panel notes the report.\n", encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, r.publication_year) for r in reviews] == [
        ("Child X (Testshire LCSPR, published March 2024)", 2024),
        ("Ava and Mia (Testshire SCR, published 2018)", 2018)]


_TEXTILE = """{{>toc}}

h1. Parental mental health - learning from reviews

p(note). Wiki page in the _Learning library_ project. Invented test data for casegraph.

h2(#s). Baby S - Extended Child Practice Review - Testshire (2023)

*Published:* July 2023

Baby S, a three-month-old boy, suffered an inflicted head injury while in his father's care. See "the summary":https://example.org/s.pdf.

*Learning*

# Fathers' mental health is rarely asked about.
# Any bruise on a baby who is not yet mobile needs a safeguarding response.
"""


def test_a_textile_wiki_page_is_read_as_its_words(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Redmine wiki page in Textile (before: left out of a folder): block signatures
    ("p(note). ", "h2(#s). "), macros, links and emphasis undone, "#" points a list."""
    page = tmp_path / "wiki.textile"
    page.write_text(_TEXTILE, encoding="utf-8")
    text = read_source(page).text
    assert "p(note)" not in text and "{{" not in text and "https" not in text
    assert "Learning library project" in text and "See the summary." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year, len(review.learning)) == (
        "Baby S", 2023, 2)


_DOKUWIKI = """====== Published reviews ======

<WRAP center round info 60%>
[Invented test page for casegraph: not a real review. All names are fictional.]
</WRAP>

//Intranet page kept by the business unit.// See [[:bu:reviews|the reviews folder]].

===== Child S – Local Child Safeguarding Practice Review (published May 2023) =====

**What happened**

Child S, a 14-year-old girl, was sexually exploited by adult men she met online.

**What we learned**

  * Missing episodes are a sign, not a behaviour.
  * Gifts from adults are grooming until shown otherwise.

**What the review recommends**

  - Children's Services to hold a return home interview after every missing episode.
  - Police to record gifts as exploitation indicators.
  - Health to invite school nurses to planning meetings.

{{tag>exploitation missing_from_care}}

===== Reviews in progress =====

^ Review ^ Type ^ Expected ^
| Child N | LCSPR | Spring 2025 |
"""


def test_a_dokuwiki_page_saved_as_text_is_read_as_the_wiki_shows_it(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    """DokuWiki keeps each page as a .txt file of its markup (session 39: validation22's wiki
    page gave no learning, no recommendations and no keywords): "== X ==" headings, bold
    labels, indented "*" and "-" items, the tag macro as the page's tags, and the table of
    reviews still in progress names no review."""
    page = tmp_path / "reviews.txt"
    page.write_text(_DOKUWIKI, encoding="utf-8")
    text = read_source(page).text
    assert "WRAP" not in text and "**" not in text and "[[" not in text and "the reviews folder" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, len(review.learning), len(review.recommendations)) == (
        "Child S", 2, 3)
    assert review.keywords == ["exploitation", "missing from care"]


_TASKS_CSV = ("Task ID,Name,Section/Column,Assignee,Notes,Tags\n"
              '101,Child R – LCSPR – Testshire (published May 2023),Published,A. Tester,"R was a '
              "7-month-old boy with a skull fracture that doctors concluded had been inflicted by "
              'his father.\nLearning:\n1. Fathers must be seen.\n2. Ask every carer about drug use.",'
              "Action plan\n"
              "102,Child D – LCSPR – Otherford (published 2023),Published,A. Tester,\"D was a "
              '15-year-old girl who took her own life. She had self-harmed for two years.",Action plan\n'
              "103,Prepare slides: neglect and substance misuse training,Training,A. Tester,\"Generic "
              'session on parental drug and alcohol use and interpreters.",Training\n'
              "# Invented test data for casegraph: not a real export.\n")


def test_a_task_trackers_rows_are_its_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """A project tracker's CSV (Asana's: "Task ID", "Name", "Section/Column"): each row that
    names a child and a review is one (before: the three rows were one review titled by a
    "Section/Column" field), and a task that names none (a training to prepare) is no part of
    the review above it."""
    page = tmp_path / "tracker.csv"
    page.write_text(_TASKS_CSV, encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child R", "Child D"]
    assert {"RF-SUB", "RF-DRG", "RF-LANG"}.isdisjoint({c.notation for c in reviews[1].risk_factors})


def test_a_records_board_field_is_no_record(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 34: "Region/Board: Safeguarding Board for Northern Ireland" over "Date published"
    is a field of the record above it (before: a record of its own, which took the record's
    account from the review)."""
    page = tmp_path / "register-print.txt"
    page.write_text("[Invented test page: not a real review]\n\nRecord 1 of 1\n"
                    "  Title .............. Case Management Review - Child U (Testshire)\n"
                    "  Review type ........ Case Management Review\n"
                    "  Region/Board ....... Safeguarding Board for Northern Ireland\n"
                    "  Date published ..... 30/04/2024\n"
                    "  Description\n    U, a 15-year-old boy, developed a psychotic illness. While he was\n"
                    "    waiting for a bed he seriously harmed himself on a ward.\n",
                    encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert len(reviews) == 1
    assert reviews[0].publication_year == 2024 and reviews[0].children[0].pseudonym == "Child U"



def test_a_decks_second_slide_about_a_child_is_part_of_its_review(vocab: Vocabulary) -> None:
    """Session 34: a Marp deck's "Child G — learning" slide after "Child G — Learning Review
    (Fife, 2024)" is that review's learning, not a second review of the same child (before: a
    second review, and the first with no learning; the labeller counted 3 points)."""
    page = Path(__file__).parent / "corpus" / "devlocal59" / "think-family-learning-event-deck.marp.md"
    reviews = extract_reviews([page], vocab)[0]
    titles = [r.title for r in reviews]
    assert not any("— learning" in t for t in titles), titles
    child_g = next(r for r in reviews if r.children[0].pseudonym == "Child G")
    assert len(child_g.learning) == 3


def test_a_decks_numbered_and_counted_slides_are_its_reviews_parts(vocab: Vocabulary) -> None:
    """Session 35: "Child G: learning 2 of 4", "Child H: three key messages" and "Child H:
    recommendations (6)" are slides of the review above, labelling what follows them (before:
    "learning 1 of 4" a second review of Child G, Child H's slides cut off its text as a
    boundary; the labeller counted G 4 + 3, H 3 + 6)."""
    page = Path(__file__).parent / "corpus" / "devlocal61" / "gwent-cpr-learning-event-2023.fodp"
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child G", "Child H", "Child J"]
    child_g, child_h = reviews[0], reviews[1]
    assert len(child_g.recommendations) == 3 and 4 <= len(child_g.learning) <= 5
    assert len(child_h.learning) == 3 and len(child_h.recommendations) == 6
    deck = Path(__file__).parent / "corpus" / "devlocal59" / "think-family-learning-event-deck.marp.md"
    baby_z = next(r for r in extract_reviews([deck], vocab)[0] if r.children[0].pseudonym == "Baby Z")
    assert len(baby_z.learning) == 2 and len(baby_z.recommendations) == 2


def test_a_reports_lettered_numbers_head_its_reviews(vocab: Vocabulary) -> None:
    """Session 35: a highlight report numbers its reviews under its section B as "B1.", "B2."
    (before: B1 took in the text of B2 and B3, whose reviews were missed, and their harms)."""
    folder = Path(__file__).parent / "corpus" / "devlocal61"
    page = folder / "llr-learning-improvement-highlight-q4-2023-24.txt"
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child S", "Child T", "Child U", "Baby Y"]
    assert "H-SUIC" not in {c.notation for c in reviews[0].harms}


def test_a_forum_posts_header_ends_the_review_above(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 35: in a forum thread saved raw, "user | 2024-09-03 14:37:09 UTC | #3" opens another
    post, whose words are not the review above (before: a baby's head injuries in the next post
    were coded as harms of a young carer's review)."""
    page = tmp_path / "topic.txt"
    page.write_text(
        "[Invented test data for casegraph.]\n\nfirst_user | 2024-09-02 10:01:00 UTC | #1\n\n"
        "### Child H – Concise Child Practice Review (Testshire)\n\n"
        "Child H, a 4-year-old boy, was neglected at home in 2021.\n\n"
        "### Child I – Learning Review (Testshire)\n\n"
        "Child I was 11 and a young carer for her mother, who drank heavily.\n\n"
        "another_user | 2024-09-03 14:37:09 UTC | #3\n\n"
        "Worth adding an old review too: a baby died from head injuries inflicted by his father.\n",
        encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child H", "Child I"]
    assert not {c.notation for c in reviews[1].harms} & {"H-AHT", "H-DEATH", "H-PHYS"}


@pytest.mark.parametrize(("page", "counts"), [
    # "Three key messages for officers" over bullets is the review's learning
    ("POLICE LEARNING DIGEST\n\n"
     "CASE 1 - \"Ivy\" - Testshire local child safeguarding practice review (published 2023)\n\n"
     "What happened\nOfficers attended Ivy's home in 2022. Ivy, aged two, was later found to have "
     "inflicted injuries.\n\n"
     "Three key messages for officers\n  * See the children at every incident.\n"
     "  * Share injuries with children's social care.\n  * Ask who lives at the address.\n\n"
     "CASE 2 - \"Jay\" - Testshire local child safeguarding practice review (published 2023)\n\n"
     "What happened\nJay, aged 15, was criminally exploited in 2022.\n", [3, 0]),
    # a deck's "Learning 1", "Learning 2" slide titles label one point each
    ("LEARNING EVENT\n\n"
     "Child R - local child safeguarding practice review (Testshire, published 2023)\n\n"
     "Child R was a 9-month-old boy with a fractured thigh in 2021; it had been inflicted.\n\n"
     "Learning 1\n\nBruising in a baby who is not yet mobile must lead to a referral.\n\n"
     "Learning 2\n\nThink about the men in the household, and talk with them.\n\n"
     "Child S - local child safeguarding practice review (Testshire, published 2022)\n\n"
     "Child S, aged 15, was criminally exploited in 2021.\n", [2, 0]),
])
def test_counted_messages_and_numbered_slides_are_learning(tmp_path: Path, vocab: Vocabulary, page: str,
                                                            counts: list[int]) -> None:
    """Session 35: learning labels with a count, a reader or a slide's number (before: no label,
    and the points were read as the account)."""
    path = tmp_path / "digest.txt"
    path.write_text("[Invented test data for casegraph.]\n\n" + page, encoding="utf-8")
    assert [len(r.learning) for r in extract_reviews([path], vocab)[0]] == counts


@pytest.mark.parametrize(("heading", "area"), [
    # session 35: the area beside the review's type among a heading's dashed or comma'd parts
    ('CASE 1 - "Lily" - Testshire local child safeguarding practice review (published 2023)', "Testshire"),
    ("1) Baby K - Testshire LCSPR (published March 2022)", "Testshire"),
    ("Child N - case management review, Testshire (published 2022)", "Testshire"),
    ("1) Child Z – LCSPR – Testshire (published June 2024)", "Testshire"),
    # ... never a name, nor a document's kind
    ("Learning Review - Ryan", None),
    ("Learning Review: Child A – Summary Report", None),
])
def test_a_headings_dashed_parts_name_its_area(heading: str, area: str | None) -> None:
    from casegraph.ingest.parse import _dash_area

    assert _dash_area(heading) == area


_MONGOEXPORT = """[{
  "_id": {"$oid": "6374b2e9c1f4a81d2f0a9b31"},
  "note": "Invented test data for casegraph: no real review.",
  "title": "Concise Child Practice Review TSB 1/2022 - Child T",
  "board": "Testshire Safeguarding Board",
  "publishedOn": {"$date": "2022-11-03T00:00:00Z"},
  "children": [{"pseudonym": "Child T", "age": "3 years", "sex": "F"}],
  "recommendationsInReport": {"$numberInt": "3"},
  "summary": "In February 2021 Child T was neglected: the home was cold and without food."
}, {
  "_id": {"$oid": "6374b2e9c1f4a81d2f0a9b32"},
  "title": "Extended Child Practice Review TSB 2/2021 - Baby H",
  "publishedOn": {"$date": {"$numberLong": "1625097600000"}},
  "subjects": [{"pseudonym": "Baby H", "ageText": "5 months", "sex": "MALE"}],
  "summary": "Baby H was injured by his father in 2020."
}]
"""


def test_a_mongoexport_is_read_with_its_dates_and_children(tmp_path: Path, vocab: Vocabulary) -> None:
    """``mongoexport --jsonArray`` writes dates, ids and numbers in Extended JSON ({"$date": ...})
    (before: "$date: 3 November 2022" was a field of its own, and no year was read); a record's
    list of children reads as a page describes them, "Child T, a girl aged 3 years" (before:
    "Child T; 3 years; F", no age or sex read; a GraphQL API's "subjects" were keywords)."""
    page = tmp_path / "tracker.json"
    page.write_text(_MONGOEXPORT, encoding="utf-8")
    text = read_source(page).text
    assert "$" not in text and "6374b2e9" not in text
    assert "Children: Child T, a girl aged 3 years" in text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.publication_year for r in reviews] == [2022, 2021]
    assert [(c.age_months, c.sex) for r in reviews for c in r.children] == [(36, "female"), (5, "male")]
    assert reviews[1].keywords == []


def test_a_partnerships_page_named_only_in_its_chrome_or_footer(tmp_path: Path, vocab: Vocabulary) -> None:
    """A partnership's list of its reviews that names the partnership only in its logo's
    alternative text, or only in a footer's "© 2024 ..." line, gives its reviews that area
    (before: none, the chrome dropped with the page's furniture)."""
    html = tmp_path / "published-reviews.html"
    html.write_text(
        "<!doctype html><html><head><title>Published reviews</title></head><body>"
        "<header><a href='/'><img src='logo.png' alt='Testshire Safeguarding Children Partnership "
        "logo'></a></header><main><h1>Published reviews</h1><p>Invented test page.</p>"
        "<h2>Child R (published June 2023)</h2><p>Child R, a boy of four, was neglected by his "
        "mother in 2021.</p></main><footer><p>Accessibility</p></footer></body></html>",
        encoding="utf-8")
    markdown = tmp_path / "reviews.md"
    markdown.write_text(
        "# Reviews we have published\n\n*Invented test page.*\n\n"
        "### 1. Child F – Local Child Safeguarding Practice Review (published May 2024)\n\n"
        "Child F, a girl of two, was injured by her father in 2022.\n\n"
        "### 2. Mia – Multi-agency learning review (published September 2023)\n\n"
        "Mia, aged 15, was sexually exploited in 2021.\n\n---\n\n"
        "© 2024 Exampleshire Safeguarding Children Partnership · [Privacy](/privacy)\n",
        encoding="utf-8")
    assert read_source(html).publisher == "Testshire Safeguarding Children Partnership logo"
    assert [r.area for r in extract_reviews([html], vocab)[0]] == ["Testshire"]
    assert [r.area for r in extract_reviews([markdown], vocab)[0]] == ["Exampleshire"] * 2


def test_a_footer_line_that_opens_with_the_partnerships_name(tmp_path: Path, vocab: Vocabulary) -> None:
    """(session 73) A footer whose line opens with the partnership's name, then its office
    ("Testshire Safeguarding Children Partnership · Registered office: County Hall"), gives the
    page's reviews that area (before: none; only "Published by" and "©" lines were read)."""
    html = tmp_path / "published-reviews.html"
    html.write_text(
        "<!doctype html><html><head><title>Published reviews</title></head><body><main>"
        "<h1>Published reviews</h1><p>Invented test page.</p><h2>Child R (published June 2023)</h2>"
        "<p>Child R, a boy of four, was neglected by his mother in 2021.</p></main><footer><p>"
        "Testshire Safeguarding Children Partnership &middot; Registered office: County Hall</p>"
        "<p><a href='/privacy/'>Privacy</a></p></footer></body></html>", encoding="utf-8")
    assert read_source(html).publisher == "Testshire Safeguarding Children Partnership"
    assert [r.area for r in extract_reviews([html], vocab)[0]] == ["Testshire"]


def test_a_trackers_case_column_names_its_record(tmp_path: Path, vocab: Vocabulary) -> None:
    """A tracker's "Case" column after its "Ref" column names the record ("Child K"), as
    "Name" or "Pseudonym" does (before: the reference was its title and "Case: Child K" a
    field)."""
    page = tmp_path / "tracker.csv"
    page.write_text("Ref,Case,Published,Summary\n"
                    "TS-2023-02,Child K,2023-07-12,\"Child K, a boy of 16, was criminally exploited "
                    "in 2022. (Invented test data.)\"\n", encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.title, review.publication_year) == ("Child K", 2023)


def test_a_cms_title_with_character_references(tmp_path: Path, vocab: Vocabulary) -> None:
    """WordPress's REST API renders a post's title with character references ("Serious Case
    Review &#8211; Children A and B"): they are read as the characters a page shows (before: the
    first child was named "#8211; Children A")."""
    page = tmp_path / "posts.json"
    page.write_text('[{"title": {"rendered": "Serious Case Review &#8211; Children A and B"}, '
                    '"content": {"rendered": "Invented test data. Child A and Child B were '
                    'neglected by their mother in 2019."}}]', encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert review.title == "Serious Case Review – Children A and B"
    assert [c.pseudonym for c in review.children] == ["Child A", "Child B"]


def test_a_table_of_reviews_over_numbered_sections_with_a_learning_table(tmp_path: Path,
                                                                          vocab: Vocabulary) -> None:
    """A Markdown page whose table lists its reviews over a numbered section for each ("### 2.
    Baby Z"), one with its learning in a table of its own, and a footer that names the
    partnership ("Testshire Safeguarding Children's Partnership · Last updated ..."): each review
    is its section (before: the rows alone, no learning, no ages), its learning the table's
    rows, its area the footer's (before: none: the possessive "Children's" was no body's name)."""
    page = tmp_path / "published-reviews.md"
    page.write_text(
        "# Published reviews\n\n*Invented test page.*\n\n| # | Review | Type | Published |\n"
        "|---|---|---|---|\n| 1 | Child Y | Local child safeguarding practice review | 7 March 2024 |\n"
        "| 2 | Baby Z | Multi-agency learning review | 19 September 2023 |\n\n---\n\n### 1. Child Y\n\n"
        "Y is a 15-year-old girl who was sexually exploited by two men in 2023.\n\n**What we learned**\n\n"
        "- Return home interviews were offered but never varied.\n- Patterns were not mapped.\n\n"
        "### 2. Baby Z\n\nZ was an eight-week-old boy who was taken to hospital in January 2023 with a "
        "fractured skull.\n\n**What we learned**\n\n| Theme | Learning |\n|---|---|\n"
        "| Uncertainty | Plans must protect the baby while assessments continue. |\n"
        "| Accounts | The parents' account was recorded in five different ways. |\n"
        "| Discharge | The discharge meeting did not include the health visitor. |\n\n---\n\n"
        "*Testshire Safeguarding Children's Partnership · Last updated 2 May 2025 · [Accessibility](/a)*\n",
        encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, len(r.learning), r.area) for r in reviews] == [
        ("Child Y", 2, "Testshire"), ("Baby Z", 3, "Testshire")]
    assert [c.age_months for r in reviews for c in r.children] == [180, 1]


def test_a_cms_streamfield_body_is_read_as_the_page_it_renders(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Wagtail API page's StreamField body (blocks of type heading, paragraph, list) reads as
    the page shows it (before: each block a bullet "- Learning", the learning lost, no date)."""
    page = tmp_path / "pages.json"
    body = [{"type": "heading", "value": "What happened", "id": "a"},
            {"type": "paragraph", "value": "<p>Invented test data. In June 2021 Child J, a girl of "
             "three, was scalded by her mother&#x27;s partner.</p>", "id": "b"},
            {"type": "heading", "value": "Learning", "id": "c"},
            {"type": "list", "value": ["Nursery concerns must be heard.", "Meet every new adult."],
             "id": "d"}]
    page.write_text(json.dumps({"meta": {"total_count": 1}, "items": [
        {"id": 1, "title": "Concise Child Practice Review: Child J", "body": body}]}), encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.incident_year, review.incident_month, len(review.learning)) == (2021, 6, 2)


def test_a_json_exports_titled_part_may_hold_a_list_of_points(tmp_path: Path, vocab: Vocabulary) -> None:
    """A part of a record's "sections" with "items" instead of "text" ({"heading": "Learning",
    "items": [...]}) is that heading over its points (before: every part ran into one
    "Sections:" list, and the learning was lost)."""
    record = {"title": "TSB 2/2023 – Extended Child Practice Review – Baby R", "published": "2023-12-05",
              "sections": [
                  {"heading": "What happened",
                   "text": "Invented test data. In December 2022 R, two months old, was neglected."},
                  {"heading": "Learning",
                   "items": ["Revisit safe sleep advice.", "Share a parent's relapse."]}],
              "recommendations": ["Publish a safe sleep briefing."]}
    page = tmp_path / "reviews-export.json"
    export = {"reviews": [record, {**record, "title": "Second, Baby Q"}]}
    page.write_text(json.dumps(export), encoding="utf-8")
    assert "Learning\n- Revisit safe sleep advice.\n- Share a parent's relapse." in read_source(page).text
    review = extract_reviews([page], vocab)[0][0]
    assert (len(review.learning), len(review.recommendations), review.incident_year) == (2, 1, 2022)


@pytest.mark.parametrize(("name", "content", "media", "says"), [
    ("notes.foo", '<?xml version="1.0"?>\n<notes><node id="1"><text>Invented test data. Child Q was '
     "neglected.</text></node></notes>\n", "application/xml", "Invented test data. Child Q was neglected."),
    ("export.foo", '{"reviews": [{"title": "Learning Review: Child Q", "summary": "Invented test data."}]}',
     "application/json", "RECORD 1\nLearning Review: Child Q"),
    ("notes.foo", "Child Q <invented> was neglected in 2022.\n", "text/plain", "Child Q <invented> was"),
    ("list.foo", "[Invented test page] Child Q\n", "text/plain", "[Invented test page] Child Q"),
])
def test_a_named_file_of_an_unknown_type_is_read_by_its_content(tmp_path: Path, name: str, content: str,
                                                                 media: str, says: str) -> None:
    """Session 45: a file named on the command line whose type casegraph does not know by its
    name is read as what its content is: XML (its words, not its tags) or JSON (its records);
    anything else (text that opens with "<" or "[" but is not XML or JSON) as text."""
    page = tmp_path / name
    page.write_text(content, encoding="utf-8")
    source = read_source(page)
    assert (source.media_type, says in source.text) == (media, True)
    assert "<node" not in source.text


_GRID_EMAIL = """From: Learning Lead <lead@example.org>
Subject: Table of reviews (invented test data)
Content-Type: text/plain; charset="utf-8"

+-----------+------------------+------------------------------------------+
| Review    | Type / published | What happened                            |
+-----------+------------------+------------------------------------------+
| Child P   | Serious case     | Child P, a boy aged 7, was found to have |
|           | review, 2019     | untreated burns in January 2018.         |
+-----------+------------------+------------------------------------------+
| Twins L   | LCSPR,           | Twin brothers aged 3 months; L had a     |
| and M     | published 2022   | skull fracture in August 2021.           |
+-----------+------------------+------------------------------------------+
"""


def test_a_grid_table_in_a_text_email_is_a_row_per_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 45 (devlocal38): a plain-text e-mail's grid table whose rules part every row is
    read a row a line, its wrapped cells joined ("Twins L" over "and M" had been two spurious
    reviews); a one-column box or a layout grid whose rules change is left as it was."""
    from casegraph.ingest.sources import _regular_grids_as_pipes

    page = tmp_path / "fwd.eml"
    page.write_text(_GRID_EMAIL, encoding="utf-8")
    assert "| Twins L and M | LCSPR, published 2022 |" in read_source(page).text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [r.title for r in reviews] == ["Child P", "Twins L and M"]
    box = ["+------+", "| Case |", "| text |", "+------+", "| more |", "+------+", "| end  |", "+------+"]
    assert _regular_grids_as_pipes(box) == box
