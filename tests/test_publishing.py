"""Pages kept in the source a publishing tool renders from (casegraph.ingest.publishing): a
document service's XSL-FO, an AbiWord document, a page builder's Editor.js blocks and a GOV.UK
Prototype Kit's Nunjucks template; a researcher's Weka dataset (ARFF), read as its rows; and a
handbook chapter in AsciiDoc (casegraph.ingest.markup).

Every page here is INVENTED test data (neutral pseudonyms, "Testshire" areas or a real council's
name used only as an area): no real child or review.  Each test checks what a reader of the
rendered page would read, and that what only lays the page out (page masters, running headers,
list labels, a template's tags, navigation macros) is not read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

_FO = """<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-size="11pt">
  <fo:layout-master-set><fo:simple-page-master master-name="A4"><fo:region-body/>
  </fo:simple-page-master></fo:layout-master-set>
  <fo:bookmark-tree><fo:bookmark internal-destination="l"><fo:bookmark-title>Bookmarked
  </fo:bookmark-title></fo:bookmark></fo:bookmark-tree>
  <fo:page-sequence master-reference="A4">
    <fo:static-content flow-name="xsl-region-before"><fo:block>Running header</fo:block></fo:static-content>
    <fo:static-content flow-name="xsl-region-after">
      <fo:block>Page <fo:page-number/></fo:block></fo:static-content>
    <fo:flow flow-name="xsl-region-body">
      <fo:block role="H1" font-size="20pt">Case Management Review: Child N</fo:block>
      <fo:block>Invented test data. Published in October 2023. N was neglected in 2021
        <fo:footnote><fo:inline>1</fo:inline><fo:footnote-body><fo:block>A footnote.</fo:block>
        </fo:footnote-body></fo:footnote> by his carers.</fo:block>
      <fo:block font-size="14pt" font-weight="bold">Learning</fo:block>
      <fo:list-block>
        <fo:list-item><fo:list-item-label><fo:block>1.</fo:block></fo:list-item-label>
          <fo:list-item-body><fo:block>See the child.</fo:block></fo:list-item-body></fo:list-item>
        <fo:list-item><fo:list-item-label><fo:block>2.</fo:block></fo:list-item-label>
          <fo:list-item-body><fo:block>Ask who else lives there.</fo:block></fo:list-item-body></fo:list-item>
      </fo:list-block>
      <fo:block font-size="14pt" font-weight="bold">Recommendations</fo:block>
      <fo:block>The CMR panel made one recommendation.</fo:block>
      <fo:table><fo:table-header><fo:table-row><fo:table-cell><fo:block>No.</fo:block></fo:table-cell>
        <fo:table-cell><fo:block>Recommendation</fo:block></fo:table-cell></fo:table-row></fo:table-header>
      <fo:table-body><fo:table-row>
        <fo:table-cell><fo:block>R1</fo:block></fo:table-cell>
        <fo:table-cell><fo:block>The Trust should audit its referrals.</fo:block></fo:table-cell>
      </fo:table-row></fo:table-body></fo:table>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
"""


def test_an_xsl_fo_document_is_read_as_the_page_it_typesets(tmp_path: Path) -> None:
    """Headings (by role, or bold and larger than the text), paragraphs, a numbered list and a
    table are read; page masters, bookmarks, running headers, footnote bodies and page numbers
    are not."""
    page = tmp_path / "summary.fo"
    page.write_text(_FO, encoding="utf-8")
    text = read_source(page).text
    assert "Case Management Review: Child N\n\nInvented test data." in text
    assert "N was neglected in 2021 1 by his carers." in text
    assert "Learning\n\n• See the child.\n\n• Ask who else lives there." in text
    assert "| R1 | The Trust should audit its referrals. |" in text
    assert not any(w in text for w in ("Running header", "Bookmarked", "A footnote", "A4", "Page"))


def test_an_xsl_fo_review_is_extracted(tmp_path: Path, vocab: Vocabulary) -> None:
    """The table's header row is no recommendation, nor is the sentence that counts them
    ("The CMR panel made one recommendation.": before, an item of its own)."""
    page = tmp_path / "summary.fo"
    page.write_text(_FO, encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year) == ("Child N", 2023)
    assert (len(review.learning), len(review.recommendations)) == (2, 1)


_ABW = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE abiword PUBLIC "-//ABISOURCE//DTD AWML 1.0 Strict//EN" "http://www.abisource.com/awml.dtd">
<abiword xmlns="http://www.abisource.com/awml.dtd" fileformat="1.1" version="3.0.4">
<metadata><m key="dc.title">Metadata title</m></metadata>
<styles><s type="P" name="Normal" props="font-size:12pt"/></styles>
<section>
<p style="Heading 1">Extended Child Practice Review TSB 2/2023 – Child R</p>
<p style="Normal">Invented test data. The board published this review in September 2023.<foot>
<p>A footnote.</p></foot></p>
<p style="Heading 2">What the review says we all need to learn</p>
<p style="Bullet List" listid="1001" props="list-style:Bullet List"><field type="list_label"></field
><c>\t</c>Keep a running picture.</p>
<p style="Bullet List" listid="1001" props="list-style:Bullet List"><field type="list_label"></field
><c>\t</c>Ask about every adult.</p>
<table><cell props="top-attach:0; left-attach:0"><p>Lead</p></cell>
<cell props="top-attach:0; left-attach:1"><p>Board</p></cell></table>
<p style="Heading 2">Recommendations</p>
<p style="Numbered List" listid="1002" props="list-decimal:."><field type="list_label"></field
>The board should audit visits.</p>
</section>
</abiword>
"""


def test_an_abiword_document_is_read_by_its_paragraph_styles(tmp_path: Path) -> None:
    """"Heading N" paragraphs are headings, list paragraphs are items; metadata, styles,
    list labels and footnotes are not the text."""
    page = tmp_path / "note.abw"
    page.write_text(_ABW, encoding="utf-8")
    text = read_source(page).text
    assert "Extended Child Practice Review TSB 2/2023 – Child R\n\nInvented test data." in text
    assert "• Keep a running picture.\n\n• Ask about every adult." in text
    assert "| Lead | Board |" in text
    assert not any(w in text for w in ("Metadata title", "A footnote", "font-size"))


def test_an_abiword_review_counts_its_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    """Its learning is under a heading in the reader's words ("What the review says we all
    need to learn"), which is learning (before: no learning was read)."""
    page = tmp_path / "note.abw"
    page.write_text(_ABW, encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (len(review.learning), len(review.recommendations)) == (2, 1)


_EDITORJS = {
    "time": 1709251200000, "version": "2.28.2",
    "blocks": [
        {"id": "a1", "type": "header", "data": {"text": "Child Practice Reviews", "level": 1}},
        {"id": "a2", "type": "paragraph", "data": {"text": "Invented test data about <b>Testshire</b>."}},
        {"id": "a3", "type": "header", "data": {"text": "Concise Child Practice Review TSB 1/2023: Baby K",
                                                 "level": 2}},
        {"id": "a4", "type": "table", "data": {"withHeadings": False, "content": [
            ["Published", "March 2024"], ["Review type", "Concise Child Practice Review"]]}},
        {"id": "a5", "type": "paragraph", "data": {"text": "In February 2023 K, seven months old, died."}},
        {"id": "a6", "type": "image", "data": {"caption": "A photograph's caption"}},
        {"id": "a7", "type": "header", "data": {"text": "Learning", "level": 3}},
        {"id": "a8", "type": "list", "data": {"style": "unordered", "items": [
            "Use an interpreter.", {"content": "Visit after each move.", "items": []}]}},
        {"id": "a9", "type": "delimiter", "data": {}},
    ],
}


def test_editorjs_blocks_are_read_as_the_page_they_build(tmp_path: Path) -> None:
    """Each block as its type says; a two-column table of field names is the review's fields
    ("Published: March 2024"), pictures are not words."""
    page = tmp_path / "page-blocks.json"
    page.write_text(json.dumps(_EDITORJS), encoding="utf-8")
    text = read_source(page).text
    assert "Concise Child Practice Review TSB 1/2023: Baby K\n\nPublished: March 2024\n\n" \
           "Review type: Concise Child Practice Review" in text
    assert "• Use an interpreter.\n\n• Visit after each move." in text
    assert "caption" not in text and "withHeadings" not in text


def test_an_editorjs_review_is_extracted(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "page-blocks.json"
    page.write_text(json.dumps(_EDITORJS), encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.publication_year, review.incident_year, len(review.learning)) == (2024, 2023, 2)
    assert review.children[0].age_months == 7


def test_a_table_of_reviews_is_not_read_as_one_reviews_fields() -> None:
    """Only a table whose every left cell names a field is fields: a two-column table of
    reviews and years stays a table."""
    from casegraph.ingest.sources import html_to_text

    text = html_to_text("<table><tr><td>Child A</td><td>2019</td></tr>"
                        "<tr><td>Published</td><td>2020</td></tr></table>")
    assert "| Child A | 2019 |" in text and "Child A: 2019" not in text


_NJK = """{% extends "layouts/main.html" %}
{% set serviceName = "Testshire Safeguarding Children Partnership" %}
{# Invented test data #}
{% block pageTitle %}Published reviews – {{ serviceName }}{% endblock %}
{% block beforeContent %}
  {{ govukBreadcrumbs({ items: [{ text: "Home", href: "/" }, { text: "Learning" }] }) }}
{% endblock %}
{% block content %}
<h1 class="govuk-heading-xl">Published reviews</h1>
<h2 class="govuk-heading-l">Child S: local child safeguarding practice review</h2>
{{ govukSummaryList({
  rows: [
    { key: { text: "Published" }, value: { text: "14 November 2023" } },
    { key: { text: "About" }, value: { text: "S, a 16-year-old boy" }}
  ]
}) }}
<p>In May 2022 S was stabbed in a park. Invented test data.</p>
{% if showLearning %}<h3>What we learned</h3>{% endif %}
<ul><li>Missing episodes are a warning sign.</li><li>Ask the child.</li></ul>
{{ govukDetails({
  summaryText: "Recommendations",
  html: '<ol><li>Police should use the National Referral Mechanism.</li>
  <li>Schools should seek advice before excluding a child it\\'s known is at risk.</li></ol>'
}) }}
{{ govukButton({ text: "Download the report", href: "/report.pdf" }) }}
{% endblock %}
"""


def test_a_nunjucks_template_is_read_as_the_page_it_renders(tmp_path: Path) -> None:
    """Variables are filled in, the page-title block is the page's title, design-system macros
    are the HTML they render (a summary list's rows fields, a details section's summary a
    heading over its content), navigation macros and template tags are not read."""
    page = tmp_path / "published-reviews.njk"
    page.write_text(_NJK, encoding="utf-8")
    text = read_source(page).text
    # (the title's first words, the page's heading again, are left to the heading)
    assert text.startswith("Testshire Safeguarding Children Partnership\n\nPublished reviews\n")
    assert "Published: 14 November 2023\n\nAbout: S, a 16-year-old boy" in text
    assert "Recommendations\n\n• Police should use the National Referral Mechanism." in text
    assert "it's known" in text
    assert not any(w in text for w in ("{%", "{{", "Home", "Download", "extends", "Invented test data #"))


def test_a_nunjucks_review_is_extracted(tmp_path: Path, vocab: Vocabulary) -> None:
    """"About:" is the child and the account that follows it (before: an unknown label whose
    paragraphs told no incident)."""
    page = tmp_path / "published-reviews.njk"
    page.write_text(_NJK, encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.area, review.publication_year, review.incident_year) == ("Testshire", 2023, 2022)
    assert (len(review.learning), len(review.recommendations)) == (2, 2)


def test_an_unclosed_nunjucks_tag_keeps_the_rest_of_the_page() -> None:
    """A tag left open ends the template's markup there; the words after it are kept (and the
    page is read in one pass, whatever the number of such tags)."""
    from casegraph.ingest.publishing import nunjucks_html

    assert "Child S was harmed." in nunjucks_html("<p>Child S was harmed.</p>{{ govukInsetText({ text: 'x'")
    assert nunjucks_html("<p>a</p>" + "{% if x " * 20000).count("{% if x") == 20000
    # a page-title block never closed hides nothing after it
    assert "Child S" in nunjucks_html("{% block pageTitle %}Reviews{% block pageTitle %}<p>Child S</p>")


_ARFF = """% Invented test data: a coder's paraphrases, not quotations.
@RELATION devolved_reviews_pilot
@ATTRIBUTE review_id STRING
@ATTRIBUTE title STRING
@ATTRIBUTE area STRING
@ATTRIBUTE pub_year NUMERIC
@ATTRIBUTE summary STRING
@ATTRIBUTE in_sample {train,test}

@DATA
'W07','Learning Review: Child Z','Testshire',2023,'Z, 13, said she was hit, isn\\'t safe.',train
'W08','Learning Review: Child Y',?,2022,"Y was neglected.",test
{0 W09, 1 'Learning Review: Child X', 3 2021}
"""


def test_a_weka_dataset_is_read_as_its_rows(tmp_path: Path) -> None:
    """Each data row a record, named by the attributes; "?" is a missing value, left out; a
    sparse row gives columns by number; quoted values keep their commas and escapes."""
    page = tmp_path / "pilot.arff"
    page.write_text(_ARFF, encoding="utf-8")
    text = read_source(page).text
    assert text.count("RECORD ") == 3
    assert "Learning Review: Child Z" in text and "isn't safe." in text
    assert "Area: Testshire" in text and "?" not in text
    assert "Learning Review: Child X" in text and "Published: 2021" in text


def test_a_weka_datasets_rows_are_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "pilot.arff"
    page.write_text(_ARFF, encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews][:2] == [
        ("Child Z", 2023), ("Child Y", 2022)]


def test_a_sparse_row_past_the_last_column_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "pilot.arff"
    page.write_text("@relation r\n@attribute a string\n@data\n{4 x}\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"pilot\.arff.*line 4: a sparse row's column '4'"):
        read_source(page)


def test_the_publishing_formats_are_read_from_a_folder(tmp_path: Path) -> None:
    """Saved in a folder, each is offered as a page (before: left out as a type not read)."""
    names = ["a.fo", "b.abw", "c.njk", "d.arff"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(p.name for p in discover([tmp_path])) == names


_ADOC = """= Chapter 4: Injuries in Non-Mobile Infants
:doctype: book
:toc: left
// Invented test data for casegraph: not guidance, no real child.

[abstract]
This chapter supports staff in Testshire.

== Learning from reviews

.Case study 4.1 – CMR: Baby N (Testshire Trust area, published 2021)
====
*What happened.* Baby N, a three-month-old boy, was brought to hospital with bruising in 2020.

*What this tells us.*

. A plausible story is not a reason to skip the policy.
. Fathers need to be seen and assessed,
  not just recorded.

*Recommendations.* None were given separately; the learning was taken into the Trust's action plan.
====

[horizontal]
Published:: September 2022
link:https://example.org/report.pdf[Read the full report]
"""


def test_an_asciidoc_document_is_read_as_its_headings_lists_and_fields(tmp_path: Path) -> None:
    """Block titles are headings, ordered items are items, a run-in strong sentence is a label, a
    labelled list's entry a field; attribute entries, comments, block attributes and delimiters
    are not the text (before: read as plain text, "." items and ".Titles" as they are)."""
    page = tmp_path / "ch04.adoc"
    page.write_text(_ADOC, encoding="utf-8")
    text = read_source(page).text
    assert "Case study 4.1 – CMR: Baby N (Testshire Trust area, published 2021)\n\n" \
           "What happened: Baby N" in text
    assert "What this tells us:\n\n1. A plausible story" in text
    assert "Published: September 2022" in text and "Read the full report" in text
    assert not any(w in text for w in (":toc:", "Invented test data for", "[abstract]", "====",
                                       "[horizontal]"))


def test_an_asciidoc_case_study_is_a_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """Its learning is counted, "None were given separately" and what became of the learning
    are no recommendations, and the title leaves out the handbook's "Case study 4.1 –"."""
    page = tmp_path / "ch04.adoc"
    page.write_text(_ADOC, encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert review.title == "CMR: Baby N (Testshire Trust area, published 2021)"
    assert (len(review.learning), len(review.recommendations)) == (2, 0)


_GOVUK = {
    "base_path": "/government/publications/national-review-child-t", "schema_name": "publication",
    "content_id": "00000000-0000-0000-0000-000000000000", "document_type": "independent_report",
    "publishing_app": "whitehall", "title": "National review into the death of Child T",
    "first_published_at": "2024-03-21T09:30:00.000+00:00",
    "description": "Invented test data: the Panel's national review following the death of Child T.",
    "links": {"organisations": [{"title": "Child Safeguarding Practice Review Panel",
                                 "content_id": "11111111-1111-1111-1111-111111111111"}],
              "taxons": [{"title": "Safeguarding and social care for children"}]},
    "details": {"body": "<div class=\"govspeak\"><p>Child T, a 2-year-old boy, died in Testshire in "
                        "2022.</p><h2>Our findings</h2><ul><li>Nobody asked who lived there.</li>"
                        "<li>Police checks were not made.</li></ul></div>",
                "change_history": [{"note": "First published.", "public_timestamp": "2024-03-21"}],
                "attachments": [{"title": "National review: Child T", "content_type": "application/pdf"}]},
}


def test_a_govuk_content_api_response_is_read_as_its_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """Its body (HTML escaped in the JSON) is the page's, under its title, organisation and date;
    the platform's bookkeeping (IDs, apps, taxons, change history) is not read."""
    page = tmp_path / "api-content.json"
    page.write_text(json.dumps(_GOVUK), encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("National review into the death of Child T\n")
    assert "Published: 21 March 2024" in text and "Nobody asked who lived there." in text
    assert "whitehall" not in text and "Safeguarding and social care" not in text and "00000" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.publication_year, len(review.learning)) == (2024, 2)
