"""Files made to carry a page between tools (MHTML, MARC XML, XLIFF, Texinfo, troff, DXL, flat
spreadsheets, Turtle, DITA, SharePoint rowsets, MODS, a ServiceNow unload, a Qualtrics survey
export, a TMX translation memory, a Scribus layout, a TaskPaper list, N-Triples, Apple News
Format, a Frictionless Data Package) are read as the page they carry.  Every fixture here is
invented test data about invented children."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path
from urllib.parse import quote

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

_MHTML = """MIME-Version: 1.0
Content-Type: multipart/related; boundary="----=_NextPart_TEST"

This document is a Single File Web Page, also known as a Web Archive file.

------=_NextPart_TEST
Content-Location: file:///C:/briefing.htm
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html; charset="us-ascii"

<html><head><title>Briefing</title><!--[if gte mso 9]><xml><o:Author>Invented test data</o:Autho=
r></xml><![endif]--></head>
<body><h1>Learning Review: Child K</h1>
<p>Child K, a 4-year-old girl, was neglected in 2021: she was often hungry and her mother drank=
 heavily.<o:p></o:p></p>
<h2>What we learned</h2>
<ul><li>Hunger at nursery is a safeguarding signal.</li><li>Adults in the home must be known.=
</li></ul>
</body></html>

------=_NextPart_TEST
Content-Location: file:///C:/image001.png
Content-Transfer-Encoding: base64
Content-Type: image/png

iVBORw0KGgo=

------=_NextPart_TEST--
"""


def test_a_web_archive_is_read_as_its_html_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """Word's "Single File Web Page" (before: left out of a folder; named, its quoted-printable
    markup was its words): its HTML part, decoded, read as a saved page."""
    page = tmp_path / "briefing.mht"
    page.write_text(_MHTML, encoding="ascii")
    assert discover([tmp_path]) and list(discover([tmp_path])) == [page]
    text = read_source(page).text
    assert "=3D" not in text and "<li>" not in text and "iVBOR" not in text and "Author" not in text
    assert "her mother drank heavily." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child K" and len(review.learning) == 2
    assert {"RF-ALC"} <= {c.notation for c in review.risk_factors}


def test_a_web_archive_without_a_page_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.mht"
    page.write_text('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n--b\n'
                    "Content-Type: image/png\n\nAAAA\n--b--\n", encoding="ascii")
    with pytest.raises(CasegraphError, match=r"cannot read as a web archive \(MHTML\): no HTML or text part"):
        read_source(page)


_MARC = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Invented test data for casegraph: not a real catalogue. -->
<collection xmlns="http://www.loc.gov/MARC21/slim">
  <record>
    <leader>00000nam a2200000 i 4500</leader>
    <controlfield tag="001">TEST0001</controlfield>
    <datafield tag="245" ind1="1" ind2="0">
      <subfield code="a">Child practice review :</subfield>
      <subfield code="b">Child R /</subfield>
      <subfield code="c">Testshire Safeguarding Board.</subfield>
    </datafield>
    <datafield tag="264" ind1=" " ind2="1">
      <subfield code="a">Testtown :</subfield><subfield code="c">2023.</subfield>
    </datafield>
    <datafield tag="500" ind1=" " ind2=" ">
      <subfield code="a">Includes 4 recommendations.</subfield></datafield>
    <datafield tag="520" ind1=" " ind2=" ">
      <subfield code="a">Child R, a 2-year-old boy, suffered inflicted fractures in 2021. His father
      used heroin.</subfield>
    </datafield>
    <datafield tag="650" ind1=" " ind2="7"><subfield code="a">Physical abuse</subfield></datafield>
    <datafield tag="650" ind1=" " ind2="7"><subfield code="a">Parental substance misuse</subfield></datafield>
  </record>
  <record>
    <datafield tag="245" ind1="1" ind2="0">
      <subfield code="a">Serious case review: Baby S</subfield></datafield>
    <datafield tag="260" ind1=" " ind2=" "><subfield code="c">c2019.</subfield></datafield>
    <datafield tag="520" ind1=" " ind2=" "><subfield code="a">Baby S, a 6-week-old girl, died in 2018
      after co-sleeping with a parent who had been drinking.</subfield></datafield>
  </record>
</collection>
"""


def test_a_library_catalogues_marc_records_are_read_as_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """MARC 21 XML (before: left out of a folder; named, its tags' numbers were its words): each
    record a review, its title, publisher, date, note, summary and subjects as a page's fields,
    without the cataloguer's punctuation between them ("Child R /") or its control fields."""
    page = tmp_path / "catalogue.marcxml"
    page.write_text(_MARC, encoding="utf-8")
    text = read_source(page).text
    assert "Child practice review: Child R\n" in text and "TEST0001" not in text
    assert "Partnership: Testshire Safeguarding Board\n" in text
    assert "Keywords: Physical abuse; Parental substance misuse" in text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [
        ("Child R", 2023), ("Baby S", 2019)]
    assert {"H-PHYS"} <= {c.notation for c in reviews[0].harms}
    assert {"RF-DRG"} <= {c.notation for c in reviews[0].risk_factors}


def test_marc_records_named_xml_are_read_as_marc(tmp_path: Path) -> None:
    """The reader is chosen by the namespace, so a catalogue saved as ".xml" reads the same."""
    as_xml, as_marc = tmp_path / "catalogue.xml", tmp_path / "catalogue.marcxml"
    for page in (as_xml, as_marc):
        page.write_text(_MARC, encoding="utf-8")
    assert "RECORD 2\nSerious case review: Baby S" in read_source(as_xml).text
    assert read_source(as_xml).text == read_source(as_marc).text


_XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Invented test data for casegraph. -->
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="reviews.html" source-language="en-GB" target-language="cy-GB" datatype="html">
    <header><note>Translator: keep reference numbers.</note></header>
    <body>
      <group id="r1">
        <trans-unit id="r1.heading"><source>Concise Child Practice Review TSB 1/2023 - Child P</source>
          <target>Adolygiad Ymarfer Plant Cryno TSB 1/2023 - Plentyn P</target></trans-unit>
        <trans-unit id="r1.summary"><source>Child P, a <g id="1">ten-month-old</g> girl, was
          neglected in 2022. Her parents misused alcohol.</source>
          <target>Roedd Plentyn P yn ferch deg mis oed.</target>
          <alt-trans><source>An older wording about Child Q.</source></alt-trans></trans-unit>
      </group>
    </body>
  </file>
</xliff>
"""

_XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="cy">
  <file id="f1"><notes><note>Invented test data.</note></notes>
    <unit id="u1"><segment><source>Child T was 15.</source>
      <target>Roedd Plentyn T yn 15.</target></segment></unit>
  </file>
</xliff>
"""


def test_a_translation_job_is_read_as_its_source_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """XLIFF 1.2 and 2.0 (before: left out of a folder; named, both languages were read, so
    each review was read twice): each unit's source text a paragraph, its inline markup's words
    kept, and the targets, alternatives and translators' notes left out."""
    page = tmp_path / "reviews.en-cy.xlf"
    page.write_text(_XLIFF_12, encoding="utf-8")
    text = read_source(page).text
    assert "Plentyn" not in text and "Child Q" not in text and "Translator" not in text
    assert "Child P, a ten-month-old girl, was neglected in 2022." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.children[0].age_months) == ("Child P", 10)
    assert {"RF-ALC"} <= {c.notation for c in review.risk_factors}
    second = tmp_path / "short.xliff"
    second.write_text(_XLIFF_20, encoding="utf-8")
    assert read_source(second).text.strip() == "Child T was 15."


_TEXINFO = r"""\input texinfo   @c -*-texinfo-*-
@setfilename manual.info
@settitle Practice Manual
@c Invented test data for casegraph: not a real manual or real reviews.

@node Child N
@section Case study: Child N (Testshire LCSPR, 2022)
@cindex neglect

Child N, a @emph{three-year-old} boy, was neglected in 2021; his mother had
depression and @strong{no agency} knew her partner @@ home.

@strong{Learning}
@itemize @bullet
@item
Ask who else lives in the home,
even when the parent says nobody does.
@item Record @uref{https://example.org/gcp2, the Graded Care Profile} scores.
@end itemize

@strong{Recommendations}
@enumerate
@item
Health visitors to ask about new partners.
@item
Schools to share attendance concerns.
@end enumerate
@bye
"""


def test_a_texinfo_manual_is_read_as_its_text(tmp_path: Path, vocab: Vocabulary) -> None:
    """A manual's Texinfo source (before: left out of a folder; named, "@item" lines and
    "@emph{...}" were its words): its sections as headings, each list point on one line,
    bulleted or numbered, its inline commands as their words, its comments and index left out."""
    page = tmp_path / "manual.texi"
    page.write_text(_TEXINFO, encoding="utf-8")
    text = read_source(page).text
    assert "@" not in text.replace("@ home", "") and "cindex" not in text and "Invented" not in text
    assert "- Ask who else lives in the home, even when the parent says nobody does." in text
    assert "- Record the Graded Care Profile scores." in text
    assert "1. Health visitors to ask about new partners.\n2. Schools to share" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child N" and review.publication_year == 2022
    assert (len(review.learning), len(review.recommendations)) == (2, 2)
    assert {"RF-PMH"} <= {c.notation for c in review.risk_factors}


_FREEMIND = """<map version="1.0.1">
<!-- Invented test data for casegraph. -->
<node TEXT="Workshop: seeing the child">
<node POSITION="right" TEXT="Child L - Concise Child Practice Review (Testshire, 2022)">
<node TEXT="What happened">
<node TEXT="L, a six-year-old girl, had a burn her mother admitted causing."/>
</node>
<node TEXT="Learning">
<node TEXT="Photograph and describe a burn&apos;s shape."/>
<node><richcontent TYPE="NODE"><html><body>
<p>Records did not follow the child.</p></body></html></richcontent></node>
</node>
</node>
<node POSITION="left" TEXT="Group exercise"><node TEXT="Discuss in pairs"/></node>
</node>
</map>
"""


def test_a_mind_map_is_read_as_its_outline(tmp_path: Path, vocab: Vocabulary) -> None:
    """A FreeMind map (before: left out of a folder; named, its TEXT attributes, the only words
    it has, were not read): topics with subtopics as headings, last topics as points, a topic's
    rich content when it has no TEXT."""
    page = tmp_path / "workshop.mm"
    page.write_text(_FREEMIND, encoding="utf-8")
    text = read_source(page).text
    assert "- Photograph and describe a burn's shape.\n- Records did not follow the child." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year, len(review.learning)) == (
        "Child L", 2022, 2)


_TROFF = r""".\" Invented test data for casegraph: not a real review.
.\# groff's other comment: not the page's words.
.TH CASENOTES 7 "2024-01-01" "casegraph tests" "Invented Manual"
.SH DESCRIPTION
Worked examples for
.BR casegraph (1).
.SH EXAMPLES
.SS "Child M \- serious case review, Testshire (published 2019)"
Child M, a 2-year-old boy, was
\fBneglected\fR over many months: he was often hungry.
.PP
.B LEARNING
.IP \(bu 3
Hunger at nursery is a safeguarding signal.
.IP \(bu 3
Adults in the home must be known.
.PP
.B RECOMMENDATIONS
.TP
.B 1.
The board to publish neglect guidance.
.SH SEE ALSO
.BR casegraph (1),
"""


def test_a_man_page_is_read_as_man_shows_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """A troff man page (before: left out of a folder; named, its requests and escapes were its
    words): headings, paragraphs joined, bullets and tagged points, escapes as characters."""
    page = tmp_path / "casenotes.7"
    page.write_text(_TROFF, encoding="utf-8")
    assert list(discover([tmp_path])) == [page]
    text = read_source(page).text
    assert "Child M - serious case review, Testshire (published 2019)" in text
    assert "was neglected over many months" in text and "\\f" not in text and ".IP" not in text
    assert "- Hunger at nursery is a safeguarding signal.\n- Adults" in text
    assert "1. The board to publish neglect guidance." in text and "for casegraph(1)." in text
    assert "SEE ALSO" not in text and "casegraph(1),\n" not in text  # (the tool's own section)
    assert "comment" not in text and "Invented" not in text  # (the two kinds of comment)
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year, len(review.learning),
            len(review.recommendations)) == ("Child M", 2019, 2, 1)
    assert "H-NEG" in {c.notation for c in review.harms}


_DXL = """<?xml version='1.0' encoding='utf-8'?>
<!-- Invented test data for casegraph: a fictitious Notes database. -->
<database xmlns='http://www.lotus.com/dxl' version='9.0' title='Learning'>
<document form='Review'>
<noteinfo noteid='1' unid='AAAA'><created><datetime>20200101T101010,00+00</datetime></created></noteinfo>
<item name='Subject'><text>Case management review - Child N (Testshire Trust)</text></item>
<item name='PubYear'><number>2021</number></item>
<item name='Body'><richtext><pardef id='1'/><par def='1'>Child N, a 6-year-old girl, was
 physically abused by her stepfather, who drank heavily.</par>
<par def='1'>Learning</par><pardef id='2' list='bullet'/>
<par def='2'>Bruises seen at school were not explored.</par>
<par def='2'>The stepfather was not assessed.</par></richtext></item>
</document>
<document form='Admin'><item name='Subject'><text>Retention</text></item></document>
</database>
"""


def test_a_notes_database_export_is_read_as_its_documents(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Lotus Notes DXL export (before: left out of a folder): each document a record, its
    Subject the title, its rich text's list paragraphs bullets, the note's ids not words."""
    page = tmp_path / "learning.dxl"
    page.write_text(_DXL, encoding="utf-8")
    text = read_source(page).text
    assert "AAAA" not in text and "Published: 2021" in text
    assert "- Bruises seen at school were not explored.\n- The stepfather" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year, len(review.learning)) == (
        "Child N", 2021, 2)
    assert "H-PHYS" in {c.notation for c in review.harms}


_FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><office:generator>Invented test data for casegraph</office:generator></office:meta>
<office:body><office:spreadsheet><table:table table:name="Reviews">
<table:table-row><table:table-cell><text:p>Child</text:p></table:table-cell>
<table:table-cell><text:p>Area</text:p></table:table-cell>
<table:table-cell><text:p>Published</text:p></table:table-cell>
<table:table-cell><text:p>Summary</text:p></table:table-cell>
<table:table-cell table:number-columns-repeated="1000"/></table:table-row>
<table:table-row><table:table-cell><text:p>Child P</text:p></table:table-cell>
<table:table-cell><text:p>Testshire</text:p></table:table-cell>
<table:table-cell><text:p>May 2022</text:p></table:table-cell>
<table:table-cell><text:p>Child P, a 3-year-old boy, was neglected;</text:p>
<text:p>his mother used heroin.</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Child Q</text:p></table:table-cell>
<table:table-cell><text:p>Otherford</text:p></table:table-cell>
<table:table-cell><text:p>June 2023</text:p></table:table-cell>
<table:table-cell><text:p>Child Q, a 15-year-old girl, was sexually exploited.</text:p></table:table-cell>
</table:table-row></table:table></office:spreadsheet></office:body></office:document>
"""


def test_a_flat_spreadsheet_is_read_as_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """LibreOffice's flat spreadsheet (.fods; before: left out of a folder): each sheet a
    table, each row a record, a cell's paragraphs its words, repeated empty cells nothing."""
    page = tmp_path / "tracker.fods"
    page.write_text(_FODS, encoding="utf-8")
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [
        ("Child P", 2022), ("Child Q", 2023)]
    assert {"H-NEG"} <= {c.notation for c in reviews[0].harms}
    assert {"RF-DRG"} <= {c.notation for c in reviews[0].risk_factors}


_TURTLE = '''# Invented test data for casegraph: not a real review.
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <https://example.org/pilot#> .

ex:second a ex:Review ;
    dct:title "Learning Review: Child S" ;
    dct:issued "2023"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
    ex:summary """Child S, a 16-year-old girl, was criminally exploited.""" .

ex:first a ex:Review ;
    dct:title "Local child safeguarding practice review: Child R" ;
    dct:spatial ex:testshire ;
    dct:issued "2024-04-22" ;
    ex:summary """Child R, a 4-month-old boy, suffered fractures caused by his father.""" ;
    ex:learning ( "Fathers should be seen." "Bruising in a baby who cannot move is a warning." ) .

ex:testshire rdfs:label "Testshire" .
ex:note a ex:Note ; rdfs:comment "Remember to add the Otherford review." .
'''


def test_hand_written_turtle_is_read_as_its_resources(tmp_path: Path, vocab: Vocabulary) -> None:
    """RDF an analyst wrote in Turtle (before: left out of a folder): each resource with words
    a record, in the file's order (not rdflib's), a list its points, a linked resource its label;
    a note that is only a comment is no record."""
    page = tmp_path / "pilot.ttl"
    page.write_text(_TURTLE, encoding="utf-8")
    text = read_source(page).text
    assert text.index("Child S") < text.index("Child R") and "Area: Testshire" in text
    assert "- Fathers should be seen.\n- Bruising" in text and "Remember" not in text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [
        ("Child S", 2023), ("Child R", 2024)]
    assert len(reviews[1].learning) == 2 and "H-PHYS" in {c.notation for c in reviews[1].harms}


@pytest.mark.parametrize(("turtle", "said"), [
    ("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c ex:d .\n", "line 2"),
    ('@prefix ex: <https://example.org/> .\nex:a ex:b "cut', "cannot read as Turtle"),
    ("<https://w3id.org/casegraph/id/review/x> <http://www.w3.org/2000/01/rdf-schema#label> "
     '"Child X" .\n', "casegraph's own graph"),
    # a list whose rest leads back to itself (before the guard: the reader never ended)
    ("@prefix ex: <https://example.org/> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
     'ex:a ex:learning _:l .\n_:l rdf:first "x" ; rdf:rest _:l .\n', "does not end in rdf:nil"),
])
def test_bad_or_own_turtle_is_a_one_line_error(tmp_path: Path, turtle: str, said: str) -> None:
    """A Turtle file with a syntax error is a one-line error naming the file and the line; a
    build's own output (casegraph's namespace) is refused, not read as pages about reviews."""
    page = tmp_path / "graph.ttl"
    page.write_text(turtle, encoding="utf-8")
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    assert said in str(caught.value) and "graph.ttl" in str(caught.value)
    assert "\n" not in str(caught.value)


_DITA = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE concept PUBLIC "-//OASIS//DTD DITA Concept//EN" "concept.dtd">
<concept id="t"><title>Invented test data for casegraph</title>
<prolog><metadata><keywords><keyword>prolog keyword</keyword></keywords></metadata></prolog>
<conbody><section><title>Child T - LCSPR, Testshire (published 2020)</title>
<p>Child T, a 9-month-old girl, was neglected by her mother, who was depressed.</p>
<p><b>Learning</b></p>
<ul><li>Health visitors should see babies at home.</li><li>Depression needs asking about.</li></ul>
<p><b>Recommendations</b></p>
<ol><li>The board to audit home visits.</li><li>GPs to share concerns.</li></ol>
</section></conbody></concept>
"""


def test_a_dita_topic_is_read_with_its_lists(tmp_path: Path, vocab: Vocabulary) -> None:
    """A DITA topic (before: left out of a folder): its sections and paragraphs, its lists as
    bullets and numbered points, and not its prolog's metadata."""
    page = tmp_path / "topic.dita"
    page.write_text(_DITA, encoding="utf-8")
    text = read_source(page).text
    assert "prolog keyword" not in text
    assert "- Health visitors should see babies at home.\n- Depression" in text
    assert "1. The board to audit home visits.\n2. GPs to share concerns." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, len(review.learning), len(review.recommendations)) == (
        "Child T", 2, 2)


_ROWSET = """<xml xmlns:s="uuid:BDC6E3F0-6DA3-11d1-A2A3-00AA00C14882"
 xmlns:rs="urn:schemas-microsoft-com:rowset" xmlns:z="#RowsetSchema">
<!-- Invented test data for casegraph: a fictitious SharePoint list. -->
<s:Schema id="RowsetSchema"><s:ElementType name="row" content="eltOnly">
<s:AttributeType name="ows_Title" rs:name="Title" rs:number="1"/></s:ElementType></s:Schema>
<rs:data ItemCount="2">
<z:row ows_Title="Child U" ows_Review_x0020_Type="Concise child practice review"
 ows_Published="2022" ows_Tags="3;#Neglect;#5;#Housing"
 ows_Summary="Child U, a 2-year-old boy, was neglected in a home without heating." />
<z:row ows_Title="Child V" ows_Review_x0020_Type="Learning review" ows_Published="2021"
 ows_Summary="Child V, a 14-year-old girl, was sexually exploited by older men." />
</rs:data></xml>
"""


def test_a_sharepoint_rowset_is_read_as_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """A SharePoint list saved as XML keeps every value in an attribute (before: "no visible
    text in the file", and a folder's build lost it): each row a record of its columns, the
    lookup ids ("3;#") left out."""
    page = tmp_path / "owssvr.xml"
    page.write_text(_ROWSET, encoding="utf-8")
    text = read_source(page).text
    assert "Review type: Concise child practice review" in text and "Neglect; Housing" in text
    assert ";#" not in text
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [
        ("Child U", 2022), ("Child V", 2021)]


_SYLK = '''ID;PWXL;N;E
P;PGeneral
C;Y1;X1;K"Invented test data for casegraph"
C;Y2;X1;K"Review"
C;Y2;X2;K"Area"
C;Y2;X3;K"Summary"
C;Y2;X4;K"No. recs"
C;Y3;X1;K"LCSPR Child T"
C;X2;K"Testshire"
F;P0;DG0G8;X3
C;K"Child T, a 3-year-old boy, was neglected;; his mother used heroin."
C;X4;K4
E
'''

_DIF = '''TABLE
0,1
"EXCEL"
VECTORS
0,3
""
TUPLES
0,3
""
DATA
0,0
""
-1,0
BOT
1,0
"Review"
1,0
"Summary"
1,0
"Recommendations made"
-1,0
BOT
1,0
"SCR Baby U (invented test data)"
1,0
"Baby U, aged 6 weeks, suffered fractures inflicted by her father ""in anger""."
0,3
V
-1,0
EOD
'''


@pytest.mark.parametrize(("name", "sheet", "said"), [
    ("register.slk", _SYLK, ["RECORD 1\nLCSPR Child T", "Area: Testshire",
                             "neglected; his mother used heroin.", "Number of recs: 4"]),
    ("register.dif", _DIF, ["RECORD 1\nSCR Baby U", 'her father "in anger".', "Recommendations made: 3"]),
])
def test_old_spreadsheet_formats_are_read_as_their_rows(tmp_path: Path, vocab: Vocabulary, name: str,
                                                        sheet: str, said: list[str]) -> None:
    """SYLK and DIF spreadsheets (before: left out of a folder) are read as a CSV's rows are:
    a SYLK cell's row or column left out is the last one's, ";;" is a semicolon, a format
    record moves the cursor; a DIF value's two lines are its type and its text or number."""
    page = tmp_path / name
    page.write_text(sheet, encoding="utf-8")
    text = read_source(page).text
    assert all(s in text for s in said), text
    review = extract_reviews([page], vocab)[0][0]
    assert review.children[0].pseudonym in ("Child T", "Baby U")
    assert {"H-NEG", "H-PHYS"} & {c.notation for c in review.harms}


@pytest.mark.parametrize(("name", "text", "said"), [
    ("a.slk", "C;Y1;X1;K1\n", "starts with an ID record"),
    ("b.slk", 'ID;P\nC;Yx;X1;K"a"\n', "line 2"),
    ("c.dif", "0,1\nV\n", '"TABLE" section'),
    ("d.dif", 'TABLE\n0,1\n""\nDATA\n0,0\n""\n-1,0\nBOT\n7,0\n"x"\n', "line 9"),
    # (session 35) data files: EDN, protobuf's text format, an Apple property list
    ("a.edn", "{:title \"Child A\"\n :tags [1 2}", "line 2: unexpected '}'"),
    ("b.edn", "{:title \"Child A\" :summary}", "line 1: a map with a key and no value"),
    ("c.edn", "[{:title \"Child A\"}", "the file ends inside an unclosed ']'"),
    ("g.edn", "{:title \"Child A\n :tags [1 2]}", "line 1: a string opened here is never closed"),
    ("d.textproto", "document {\n  title: \"Child A\"\n", "the file ends inside a message"),
    ("e.textproto", "document {\n  title: \"Child A\" >\n", "line 2: '>' closes a message"),
    ("f.plist", "<plist><dict><key>a</key>\n<string>b</dict></plist>", "line 2"),
    # (session 36) a refer export and a Python data module
    ("h.enw", "Child A, invented\n%T Child A\n", "line 1: a record starts with a tag"),
    ("j.py", "REVIEWS = [\n    {'title': 'Child A'\n", "line 2: '{' was never closed"),
    # (session 37) a draw.io page saved compressed whose packing is garbled
    ("k.drawio", '<mxfile><diagram name="p">bm90IGRlZmxhdGVk</diagram></mxfile>',
     "a compressed draw.io page that does not inflate"),
    # (session 38) a RIS export with no record in it
    ("m.ris", "Reading list, invented\nTI  - Child A\n", 'no record (a "TY  - " line opens each one)'),
])
def test_a_broken_interchange_file_is_a_one_line_error(tmp_path: Path, name: str, text: str,
                                                       said: str) -> None:
    """A SYLK, DIF, EDN, protobuf text, property-list, refer, Python data or draw.io file that is
    not one, or is garbled, is a one-line error naming the file and, where there is one, the
    line."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    assert said in str(caught.value) and name in str(caught.value) and "\n" not in str(caught.value)


_TIDDLER = '''created: 20240115093012345
tags: Reviews [[Invented test data]]
title: Reading notes – Child V
type: text/vnd.tiddlywiki

//Invented test data for casegraph.//

!! What happened
Child V, a 2-year-old girl, was ''neglected''; see [[the briefing|Briefing V]] and {{Footer}}.

!! Recommendations
# The board to audit home visits.
# GPs to share concerns.
## (a sub-point)
# Schools to record absence.
'''


def test_a_tiddler_is_read_as_the_wiki_shows_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """A TiddlyWiki tiddler (.tid; before: left out of a folder): its title the heading, its
    tags and dates (the wiki's bookkeeping) left out, its markup as words, its numbered
    points numbered as the wiki numbers them."""
    page = tmp_path / "notes.tid"
    page.write_text(_TIDDLER, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Reading notes – Child V\n") and "20240115" not in text and "Reviews" not in text
    assert "was neglected; see the briefing and ." in text and "Footer" not in text
    assert "1. The board" in text and "2. GPs" in text and "1. (a sub-point)" in text and "3. Schools" in text
    review = extract_reviews([page], vocab)[0][0]
    assert review.children[0].pseudonym == "Child V" and len(review.recommendations) >= 3


def test_a_tiddler_with_its_own_heading_is_not_titled_twice(tmp_path: Path) -> None:
    """A tiddler whose text opens with its own heading keeps that one: its title field is then
    the wiki's name for it, not a second heading over nothing."""
    page = tmp_path / "q.tid"
    page.write_text("title: CMR – Child Q\n\n! Child Q – Case Management Review\nText.\n", encoding="utf-8")
    assert read_source(page).text.startswith("Child Q – Case Management Review\n")
    page.write_text("no fields here\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match="starts with its fields"):
        read_source(page)


_HOCR = '''<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>p3</title>
<meta name="ocr-system" content="invented test data for casegraph"/></head><body>
<div class="ocr_page" title="bbox 0 0 2480 3508"><div class="ocr_carea" title="bbox 0 0 2400 3000">
<span class="ocr_line" title="bbox 190 100 2290 144">Testshire Partnership — Annual Report        3</span>
<span class="ocr_line" title="bbox 190 200 1500 252">2.1 Learning Review – Child W</span>
<span class="ocr_line" title="bbox 190 292 2290 336">Child W, 9, was hit by his mother's part-</span>
<span class="ocr_line" title="bbox 190 354 2290 398">ner in 2022 with fractures; he was con-</span>
<span class="ocr_line" title="bbox 190 416 2290 460">victed. The review made 4 recommendations.</span>
<span class="ocr_line" title="bbox 190 500 1500 552">2.2 Learning Review – Child Y</span>
<span class="ocr_line" title="bbox 190 592 2290 636">Child Y, 15, was sexually exploited in 2021.</span>
</div></div></body></html>
'''


def test_ocr_output_is_read_as_the_scanned_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """An OCR engine's hOCR (before: left out of a folder): a line each, a gap where the boxes
    show one (a heading's taller type), words broken at a line's end joined, a running head's
    page number apart from it."""
    page = tmp_path / "report-p3.hocr"
    page.write_text(_HOCR, encoding="utf-8")
    text = read_source(page).text
    assert "Annual Report\n3\n" in text and "\n\n2.1 Learning Review – Child W\n\n" in text
    assert "mother's partner in 2022" in text and "convicted. The review" in text and "bbox" not in text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child W", "Child Y"]
    assert "H-PHYS" in {c.notation for c in reviews[0].harms}


_PLIST = '''<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>Title</key><string>Reading list (invented test data for casegraph)</string>
<key>Children</key><array>
<dict><key>WebBookmarkUUID</key><string>0A1B-2C3D</string>
<key>URIDictionary</key><dict><key>title</key>
<string>Learning Review: Child T (Testshire, 2023)</string></dict>
<key>ReadingList</key><dict><key>DateAdded</key><date>2024-03-04T09:12:44Z</date>
<key>PreviewText</key>
<string>Child T was a 15-year-old girl who was sexually exploited in 2022.</string></dict></dict>
<dict><key>URIDictionary</key><dict><key>title</key><string>Bruising guidance leaflet</string></dict>
<key>ReadingList</key><dict><key>PreviewText</key><string>Guidance on bruising. Not a case review.</string>
</dict></dict></array></dict></plist>
'''

_EDN = ''';; invented test data for casegraph
{:meta {:keyed-on #inst "2024-05-21T10:15:00.000-00:00"}
 :reviews
 [{:title "Serious Case Review: Baby R (Testshire)"
   :published 2019 #_ :draft
   :child {:name "Baby R" :age "10 weeks" :sex :female}
   :summary "Baby R died in 2018 from head injuries inflicted by her father,
             who was \\"well known\\" to police."
   :recommendations ["Re-launch the bruising protocol." "Record every adult in the household."]}
  {:title "Batch admin" :note "Placeholder only."}]}
'''

_TEXTPROTO = '''# proto-message: casedoc.v1.ReviewBatch   (invented test data for casegraph)
batch_id: "b-7"
document {
  display_title: "Concise Child Practice Review – Child L (Testshire Board)"
  published_date { year: 2021 month: 11 }
  body_paragraph: "Child L was a 16-year-old boy who was "
                  "criminally exploited in 2020."
  body_paragraph: "He went missing more than twenty times."
  recommendation: "Share missing-person intelligence daily."
  recommendation: "Name a lead for exploitation."
}
document { display_title: "404 - page not found" }
'''

_GEMTEXT = '''# Teaching notes (invented test data for casegraph)
=> gemini://notes.example/ Back to index
## CMR: Child Y (Testshire, published 2022)
Child Y was a 14-year-old boy who was sexually abused by a relative.
What the CMR says we should learn:
* A child who harms may also have been harmed.
* Schools need a route to share worries.
The CMR made eight recommendations.
```
preformatted
```
'''


@pytest.mark.parametrize(("name", "text", "child"), [
    ("list.plist", _PLIST, "Child T"), ("batch.edn", _EDN, "Baby R"),
    ("dump.textproto", _TEXTPROTO, "Child L"), ("notes.gmi", _GEMTEXT, "Child Y")])
def test_data_files_and_gemini_pages_give_their_reviews(tmp_path: Path, vocab: Vocabulary, name: str,
                                                        text: str, child: str) -> None:
    """An Apple property list, an EDN file, a protobuf text dump and a Gemini page (before: left
    out of a folder) give their one review each; a record that says it is no review (a leaflet,
    a placeholder, a crawl error) gives none."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    reviews = extract_reviews([tmp_path], vocab)[0]  # (a folder: each suffix must be known)
    assert [r.children[0].pseudonym for r in reviews] == [child]


def test_data_files_are_read_as_records(tmp_path: Path) -> None:
    """A data file's records as an export's: the title under its key ("display_title", a
    bookmark's nested "title"), a date given as its parts as a page writes it, a quoted string's
    wrapping undone and its escapes decoded, adjacent strings joined, repeated paragraphs as the
    record's text, discarded forms ("#_") and identifiers (a UUID) left out."""
    texts = {}
    for name, text in (("a.plist", _PLIST), ("b.edn", _EDN), ("c.textproto", _TEXTPROTO)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        texts[name] = read_source(tmp_path / name).text
    assert "Learning Review: Child T (Testshire, 2023)\n" in texts["a.plist"]
    assert "0A1B" not in texts["a.plist"] and "4 March 2024" in texts["a.plist"]
    assert 'inflicted by her father, who was "well known" to police.' in texts["b.edn"]
    assert "draft" not in texts["b.edn"] and "- Record every adult in the household." in texts["b.edn"]
    assert "RECORD 1\nConcise Child Practice Review – Child L (Testshire Board)\n" in texts["c.textproto"]
    assert "Published: November 2021" in texts["c.textproto"]
    assert "Summary:\nChild L was a 16-year-old boy who was criminally exploited in 2020.\n\nHe went" \
        in texts["c.textproto"]


def test_a_gemini_page_keeps_its_lines_apart(tmp_path: Path) -> None:
    """Gemtext does not wrap: each line is a paragraph of its own (not joined to the next as
    Markdown would), a link line is its label, and its list stays a list."""
    page = tmp_path / "notes.gmi"
    page.write_text(_GEMTEXT, encoding="utf-8")
    text = read_source(page).text
    assert "\nBack to index\n" in text and "gemini://" not in text
    assert "relative.\n\nWhat the CMR says we should learn:\n" in text
    assert "\n* A child who harms may also have been harmed.\n* Schools" in text


def test_an_ms_paper_is_read_with_its_headings_and_table(tmp_path: Path) -> None:
    """A groff -ms paper (.ms; before: its requests were words of the text): ".TL" and ".NH"
    headings are the lines after them, ".AU" and ".AB" start paragraphs, and a tbl table is its
    rows, a line each, without its format line and rules."""
    page = tmp_path / "bulletin.ms"
    page.write_text(".\\\" invented test data for casegraph\n.TL\nQuarterly Bulletin\n.AU\nData Team\n"
                    ".NH\nNotifications\n.PP\nSeven notifications\nwere made.\n.TS\ncenter box;\nl r.\n"
                    "Area\tCount\n_\nTestshire\t7\n.TE\n.NH 2\nTraining\n.LP\nA course runs in March.\n",
                    encoding="utf-8")
    text = read_source(page).text
    assert "." + "TL" not in text and "center box" not in text and "\n_\n" not in text
    assert text.startswith("Quarterly Bulletin\n\nData Team\n\nNotifications\n\nSeven notifications were")
    assert "\nArea Count\nTestshire 7\n" in text and "\nTraining\n\nA course runs in March." in text


_RECFILE = '''# invented test data for casegraph
%rec: Review
%key: Id

Id: R-01
Title: Child T – Local Child Safeguarding Practice Review
Area: Testshire
Summary: Child T was a 15-year-old girl who was sexually exploited
+ in 2022 by adults she met online.
Learning: Online harm is real-world harm.
Learning: Schools held part of the picture.

%rec: Note

Id: N-01
Title: Audit note – two reviews to key
'''


def test_a_recutils_register_is_read_as_its_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """A GNU recutils database (.rec; before: left out of a folder): the records of its main
    type, a "+" line going on with its field, a repeated field a list; another type's records
    (an audit note) and the descriptors are not reviews."""
    (tmp_path / "register.rec").write_text(_RECFILE, encoding="utf-8")
    text = read_source(tmp_path / "register.rec").text
    assert "sexually exploited in 2022 by adults" in text and "%rec" not in text and "Audit note" not in text
    assert "- Online harm is real-world harm.\n- Schools held part of the picture." in text
    reviews = extract_reviews([tmp_path], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child T"] and len(reviews[0].learning) == 2
    (tmp_path / "register.rec").write_text("Id: R-01\nthis line is no field\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match="line 2: neither a field"):
        read_source(tmp_path / "register.rec")


# (session 36) a map's places, PowerShell's saved objects, a refer export, a Python data module
# and an XMind map: every fixture below is invented test data with neutral pseudonyms

_KML = '''<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<name>Reviews map (invented test data)</name>
<Style id="pin"><IconStyle><color>ff757575</color></IconStyle></Style>
<Folder><name>Published reviews</name>
<Placemark><name>Child T - Learning Review - Testshire (2023)</name>
<description><![CDATA[<b>Published:</b> 2023<br>T, a 5-year-old boy, was neglected; his mother
used heroin.<br><b>Learning</b><ul><li>Absence from nursery is a signal.</li></ul>]]></description>
<ExtendedData><Data name="review_type"><value>Learning Review</value></Data></ExtendedData>
<Point><coordinates>-4.22,57.47,0</coordinates></Point></Placemark>
</Folder>
<Folder><name>Other</name>
<Placemark><name>Training venue (12 June)</name><Point><coordinates>-3.4,56.4,0</coordinates></Point>
</Placemark></Folder>
</Document></kml>
'''

_CLIXML = '''<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
  <Obj RefId="0">
    <TN RefId="0"><T>System.Management.Automation.PSCustomObject</T></TN>
    <MS>
      <S N="Title">Child T - Local Child Safeguarding Practice Review</S>
      <S N="Area">Testshire</S>
      <I32 N="Published">2024</I32>
      <S N="Summary">T, a 5-year-old boy, was neglected; his mother used heroin._x000D__x000A_</S>
      <Obj N="Recommendations" RefId="1">
        <TN RefId="1"><T>System.Object[]</T></TN>
        <LST><S>The partnership to audit home visits.</S><S>GPs to share concerns.</S></LST>
      </Obj>
    </MS>
  </Obj>
</Objs>
'''

_REFER = '''%0 Report
%T Learning review: Child T
%Q Testshire Child Protection Committee
%I Testshire Child Protection Committee
%D 2022
%X Child T, a 5-year-old boy (invented test data), was neglected;
his mother used heroin. The review made 4 recommendations.
%K neglect
%K parental substance misuse
%U https://example.org/t
'''

_PYTHON = '''"""Hand-entered records (invented test data)."""
import os

SOURCE = "Regional read-across"
HOME = os.environ.get("HOME")  # code, not data: passed over, never run
REVIEWS = [
    {"heading": "Child T: LCSPR, Testshire (published 2023)",
     "summary: """
        T, a 5-year-old boy, was neglected;
        his mother used heroin.
     """,
     "recommendations": ["The partnership to audit home visits.", "GPs to share concerns."]},
]
'''.replace('"summary: """', '"summary": """')

_XMIND = '''[{"id": "s1", "class": "sheet", "title": "Workshop", "rootTopic": {"id": "r",
 "title": "Practitioner workshop (invented test data)", "children": {"attached": [
  {"id": "a", "title": "Ground rules", "children": {"attached": [{"id": "a1", "title": "Phones off"}]}},
  {"id": "b", "title": "Child T (Concise CPR, Testshire, 2023)", "children": {"attached": [
   {"id": "b1", "title": "What happened", "children": {"attached": [
    {"id": "b2", "title": "T, a 5-year-old boy, was neglected; his mother used heroin"}]}},
   {"id": "b3", "title": "Recommendations", "notes": {"plain": {"content": "Report says 2."}},
    "children": {"attached": [{"id": "b4", "title": "The board to audit home visits"},
                              {"id": "b5", "title": "GPs to share concerns"}]}}]}}]}}}]
'''


@pytest.mark.parametrize(("name", "content", "said"), [
    ("map.kml", _KML, ["Child T - Learning Review - Testshire (2023)", "Folder: Published reviews",
                       "Absence from nursery is a signal."]),
    ("register.clixml", _CLIXML, ["RECORD 1\nChild T - Local Child Safeguarding Practice Review",
                                  "Area: Testshire", "- GPs to share concerns."]),
    ("library.enw", _REFER, ["RECORD 1\nLearning review: Child T",
                             "Partnership: Testshire Child Protection Committee\nPublished: 2022",
                             "was neglected; his mother used heroin."]),
    ("reviews_data.py", _PYTHON, ["Source: Regional read-across", "RECORD 1\nChild T: LCSPR",
                                  "was neglected; his mother used heroin."]),
    ("content.json", _XMIND, ["Child T (Concise CPR, Testshire, 2023)", "Report says 2.",
                              "- GPs to share concerns"]),
])
def test_maps_objects_references_and_data_modules_are_read_as_records(
        tmp_path: Path, vocab: Vocabulary, name: str, content: str, said: list[str]) -> None:
    """A map's places (KML), PowerShell's saved objects (Clixml), a reference manager's refer
    export, a Python module of hand-entered records and an XMind map (before: left out of a
    folder, or read as their markup) are read as records: the review is found, and the map's
    styles and coordinates, Clixml's type names, the refer tags and the code are not its words."""
    page = tmp_path / name
    page.write_text(content, encoding="utf-8")
    assert page in list(discover([tmp_path]))
    text = read_source(page).text
    assert all(s in text for s in said), text
    assert not any(s in text for s in ("ff757575", "-4.22", "System.Object", "%T", "os.environ",
                                       "_x000D_", '"rootTopic"'))
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Child T"]
    assert "H-NEG" in {c.notation for c in reviews[0].harms}


_WARC = ('WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\n'
         'Content-Length: 40\r\n\r\nsoftware: capture-tool (invented test data)\r\n\r\n'
         'WARC/1.1\r\nWARC-Type: request\r\nContent-Type: application/http; msgtype=request\r\n'
         'Content-Length: 30\r\n\r\nGET /reviews HTTP/1.1\r\nHost: example.org\r\n\r\n'
         'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/reviews\r\n'
         'Content-Type: application/http; msgtype=response\r\nContent-Length: 999\r\n\r\n'
         'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nServer: nginx\r\n\r\n'
         '<html><body><h2>Child T - Local Child Safeguarding Practice Review</h2>'
         '<p>T, a 5-year-old boy (invented test data), was neglected; his mother used heroin.</p>'
         '</body></html>\r\n\r\n')

_TYPST = '''// Invented test data for casegraph.
#set page(paper: "a4", footer: [Testshire Partnership])
#align(center)[#text(size: 20pt)[Learning digest]]

= Child T — Testshire LCSPR

*Published:* 2024 #h(1fr) T, a 5-year-old boy, was neglected; his mother used heroin.

== Recommendations

#table(
  columns: (auto, 1fr),
  [*No.*], [*Recommendation*],
  [1], [The partnership to audit home visits],
  [2], [GPs to share concerns],
)
'''

_MERMAID = '''%% Invented test data for casegraph.
timeline
    title Learning Review - Child T (Testshire, published 2024)
    section What happened
        2021 : T, a 5-year-old boy, was neglected : his mother used heroin
    section Learning
        Learning 1 : Absence from nursery is a signal
        Learning 2 : Nobody asked who lived in the home
'''

_SVG = '''<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
  <title>Learning on a page (invented test data)</title>
  <rect x="0" y="0" width="800" height="90" fill="#0b4f6c"/>
  <text x="40" y="60" font-size="30">Child T - Local Child Safeguarding Practice Review</text>
  <text x="40" y="120"><tspan>T, a 5-year-old boy, was neglected;</tspan>
    <tspan>his mother used heroin.</tspan></text>
</svg>
'''

_TTML = '''<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><head><metadata>
<ttm:title xmlns:ttm="http://www.w3.org/ns/ttml#metadata">Child T (invented test data)</ttm:title>
</metadata></head><body><div>
<p begin="00:00:01.000" end="00:00:04.000">Child T - Learning Review</p>
<p begin="00:00:04.000" end="00:00:09.000">T, a 5-year-old boy, was neglected;<br/>his mother used heroin.</p>
</div></body></tt>
'''


_DRAWIO_CELLS = ('<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
                 '<mxCell id="t" value="&lt;b&gt;Child T - Local Child Safeguarding Practice Review&lt;/b&gt;'
                 '&lt;br&gt;Testshire Partnership (invented test data)" style="rounded=1;html=1;" vertex="1" '
                 'parent="1"><mxGeometry x="40" y="20" width="480" height="50" as="geometry"/></mxCell>'
                 '<object label="T, a 5-year-old boy, was neglected;&#10;his mother used heroin." id="o">'
                 '<mxCell style="shape=note;" vertex="1" parent="1"><mxGeometry as="geometry"/></mxCell>'
                 '</object><mxCell id="e" value="leads to" style="edgeStyle=orthogonal;html=1;" edge="1" '
                 'parent="1" source="t" target="o"><mxGeometry as="geometry"/></mxCell></root>'
                 '</mxGraphModel>')


def _compressed(model: str) -> str:
    """A draw.io page as older draw.io saved it: URI-encoded, raw-deflated, base64."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(quote(model, safe="").encode()) + packer.flush()
    return base64.b64encode(packed).decode()


_DRAWIO = f'<mxfile host="app.diagrams.net"><diagram name="Board">{_DRAWIO_CELLS}</diagram></mxfile>'
_DRAWIO_PACKED = (f'<mxfile host="drawio"><diagram name="Board">{_compressed(_DRAWIO_CELLS)}</diagram>'
                  '</mxfile>')

_MDX = """---
title: Published reviews
sidebar_position: 3
---
{/* Invented test data for casegraph. */}
import { ReviewMeta } from '@site/src/components/Review';
export const meta = {
  owner: 'web team',
};

## Child T - LCSPR

<ReviewMeta type="Local child safeguarding practice review" published="2024-03-07" href="/t.pdf" />

T, a 5-year-old boy, was neglected; his mother used heroin.

<Details summary="Recommendations (2)">

1. The partnership to audit home visits.
2. GPs to share concerns.

</Details>

:::note Training dates
Half-day sessions in May.
:::
"""

_HAR = json.dumps({"log": {"version": "1.2", "creator": {"name": "Firefox"}, "entries": [
    {"request": {"url": "https://example.org/reviews"},
     "response": {"status": 200, "content": {"mimeType": "text/html; charset=utf-8", "text": (
         "<html><body><h2>Child T - Local Child Safeguarding Practice Review</h2>"
         "<p>T, a 5-year-old boy (invented test data), was neglected;</p></body></html>")}}},
    {"request": {"url": "https://example.org/more"},
     "response": {"status": 200, "content": {"mimeType": "text/html", "encoding": "base64", "text":
                  base64.b64encode(b"<p>His mother used heroin.</p>").decode()}}},
    {"request": {"url": "https://example.org/main.css"},
     "response": {"status": 200, "content": {"mimeType": "text/css", "text": "body{color:#0b4f6c}"}}},
    {"request": {"url": "https://example.org/gone"},
     "response": {"status": 404, "content": {"mimeType": "text/html", "text": "<p>Page not found</p>"}}},
]}})

_EXCALIDRAW = json.dumps({"type": "excalidraw", "version": 2, "elements": [
    {"type": "text", "text": "Child T - Local Child Safeguarding Practice Review (invented test data)",
     "x": 0, "y": 0},
    {"type": "rectangle", "x": 0, "y": 40, "backgroundColor": "#0b4f6c"},
    {"type": "text", "text": "What happened\nT, a 5-year-old boy, was\nneglected; his mother used heroin.",
     "originalText": "What happened\nT, a 5-year-old boy, was\nneglected; his mother used heroin.",
     "x": 10, "y": 50},
    {"type": "text", "text": "Parking lot: an old note", "isDeleted": True, "x": 0, "y": 0},
]})

_XFDF = """<?xml version="1.0" encoding="UTF-8"?>
<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve"><annots>
<highlight page="4" rect="56,598,420,612" title="Reader">
<contents>T, a 5-year-old boy, was neglected; his mother used heroin.</contents>
<popup page="4" rect="595,512,775,612"/></highlight>
<highlight page="3" rect="56,700,420,712" title="Reader">
<contents>Child T - Local Child Safeguarding Practice Review</contents></highlight>
<text page="4" rect="545,570,565,590" title="Reader"><contents-richtext>
<body xmlns="http://www.w3.org/1999/xhtml"><p>Invented test data: check the year.</p></body>
</contents-richtext></text>
</annots><f href="annual-report.pdf"/></xfdf>
"""

@pytest.mark.parametrize(("name", "content", "said", "unsaid"), [
    ("capture.warc", _WARC, ["Child T - Local Child Safeguarding Practice Review", "was neglected;"],
     ["WARC-Type", "HTTP/1.1", "nginx", "capture-tool", "GET /reviews"]),
    ("digest.typ", _TYPST, ["Learning digest", "Child T — Testshire LCSPR", "Published: 2024",
                            "The partnership to audit home visits"], ["#set", "#h(", "#table", "[*No.*]"]),
    ("timeline.mmd", _MERMAID, ["Learning Review - Child T", "2021: T, a 5-year-old boy",
                                "Learning 2: Nobody asked"], ["%%", "section", "timeline"]),
    ("poster.svg", _SVG, ["Child T - Local Child Safeguarding Practice Review",
                          "was neglected;", "his mother used heroin."], ["#0b4f6c", "font-size"]),
    ("captions.ttml", _TTML, ["was neglected; his mother used heroin."], ["00:00:04", "neglected;his"]),
    ("board.drawio", _DRAWIO, ["Child T - Local Child Safeguarding Practice Review\nTestshire",
                               "was neglected;\nhis mother used heroin."], ["leads to", "rounded=1", "<b>"]),
    ("old-board.drawio", _DRAWIO_PACKED, ["Child T - Local Child Safeguarding Practice Review",
                                          "his mother used heroin."], ["leads to", "%3C"]),
    ("reviews.mdx", _MDX, ["Type: Local child safeguarding practice review\nPublished: 2024-03-07",
                           "Recommendations (2)\n\n1. The partnership", "Training dates"],
     ["import", "{/*", "owner", "<ReviewMeta", "</Details>", ":::", "/t.pdf"]),
    ("capture.har", _HAR, ["Child T - Local Child Safeguarding Practice Review", "was neglected;",
                           "His mother used heroin."], ["Firefox", "#0b4f6c", "Page not found", "mimeType"]),
    ("board.excalidraw", _EXCALIDRAW, ["What happened\nT, a 5-year-old boy, was neglected; his mother"],
     ["Parking lot", "#0b4f6c", "rectangle"]),
    ("comments.xfdf", _XFDF, ["Child T - Local Child Safeguarding Practice Review\n\nT, a 5-year-old",
                              "check the year"], ["annual-report.pdf", "595,512"]),
])
def test_archives_typeset_sources_diagrams_and_captions_are_read_as_pages(
        tmp_path: Path, vocab: Vocabulary, name: str, content: str, said: list[str],
        unsaid: list[str]) -> None:
    """A web archive's capture (WARC) or a browser's (HAR), a Typst document, an MDX page, a
    Mermaid timeline, an SVG poster, TTML captions, draw.io and Excalidraw boards and a PDF's
    annotations (XFDF) (before: left out of a folder) are read as the page they show: the
    capture's HTTP plumbing and style sheets, the typesetting calls, the components' code, the
    diagram's keywords and connectors, the drawing's styles, deleted notes and the captions'
    timings are not its words (a caption's line break is a space; a highlight on an earlier
    page comes first)."""
    page = tmp_path / name
    page.write_bytes(content.encode("utf-8"))
    assert page in list(discover([tmp_path]))
    text = read_source(page).text
    assert all(s in text for s in said), text
    assert not any(s in text for s in unsaid), text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews if r.children] == ["Child T"]
    assert "H-NEG" in {c.notation for c in reviews[0].harms}


def test_a_file_named_like_a_web_archive_that_is_not_one(tmp_path: Path) -> None:
    """A ".warc" that holds no WARC record is a one-line error naming the file, not an empty page."""
    page = tmp_path / "capture.warc"
    page.write_text("Child T, invented test data\n", encoding="utf-8")
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    assert "no WARC record" in str(caught.value) and "capture.warc" in str(caught.value)


_INKSCAPE = '''<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <title>Learning on a page (invented test data)</title>
  <metadata><rdf:RDF><dc:format>image/svg+xml</dc:format><dc:title>Poster</dc:title></rdf:RDF></metadata>
  <defs><style>.bx{font-family:Arial;fill:#1d1d1b}</style></defs>
  <text x="30" y="40">Child T - Local Child Safeguarding Practice Review</text>
  <text x="30" y="80">
    <tspan x="30" y="80">T, a 5-year-old boy, was neglected; his</tspan>
    <tspan x="30" y="100">mother used heroin.</tspan>
    <tspan x="30" y="130">Nobody asked who lived in the home.</tspan>
  </text>
  <text x="30" y="180"><tspan x="30" y="180">What we learned</tspan></text>
  <text x="30" y="200"><tspan x="30" y="200">• Absence from nursery is a</tspan>
    <tspan x="44" y="220">signal.</tspan>
    <tspan x="30" y="240">• See the men in the home.</tspan></text>
</svg>
'''


def test_a_poster_drawn_as_svg_reads_its_wrapped_lines_as_paragraphs(tmp_path: Path) -> None:
    """An Inkscape poster's text lines, wrapped by hand, are read as the paragraphs and points
    they draw: a line a line-height below goes on with the one above, a wider gap or a bullet
    starts the next; the title, metadata and styles (never drawn) are not its words."""
    page = tmp_path / "poster.svg"
    page.write_text(_INKSCAPE, encoding="utf-8")
    paragraphs = read_source(page).text.strip().split("\n\n")
    assert paragraphs == ["Child T - Local Child Safeguarding Practice Review",
                          "T, a 5-year-old boy, was neglected; his mother used heroin.",
                          "Nobody asked who lived in the home.", "What we learned",
                          "• Absence from nursery is a signal.", "• See the men in the home."]


_LABEL_STUDIO = json.dumps([
    {"id": 41, "data": {"text": "Extended Child Practice Review: Child T\nTestshire Safeguarding Board. "
                                "Published 2022.\n\nT, a 5-year-old boy (invented test data), was "
                                "neglected; his mother used heroin.", "batch": "wales-2022"},
     "annotations": [{"result": [{"value": {"start": 90, "end": 99, "text": "neglected",
                                            "labels": ["HARM"]}}],
                      "comment": "flag for adjudication"}],
     "predictions": [], "total_annotations": 1, "project": 12},
    {"id": 42, "data": {"text": "Learning Review: Child U\nTestshire Child Protection Committee.\n\n"
                                "U, a baby (invented test data), was shaken by her father."},
     "annotations": [], "predictions": [], "project": 12},
])


def test_an_annotation_projects_export_is_read_as_the_texts_it_labelled(tmp_path: Path,
                                                                       vocab: Vocabulary) -> None:
    """A Label Studio export is read as the texts its tasks imported, each titled by its own
    heading line: its labels, comments and counts are a researcher's work, not the page's
    words (before: each task's bookkeeping titled its record, and its heading made a second
    review)."""
    page = tmp_path / "project-12.json"
    page.write_text(_LABEL_STUDIO, encoding="utf-8")
    text = read_source(page).text
    assert "RECORD 1\nExtended Child Practice Review: Child T\n" in text
    assert not any(s in text for s in ("adjudication", "HARM", "Total annotations", "Project"))
    reviews = extract_reviews([page], vocab)[0]
    assert [r.title for r in reviews] == ["Extended Child Practice Review: Child T",
                                          "Learning Review: Child U"]


_JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "Testshire Child Protection Committee – News",
    "description": "Invented test data for casegraph.", "home_page_url": "https://cpc.example.org/",
    "items": [
        {"id": "1", "title": "Committee welcomes new Lead Officer", "summary": "A new Lead Officer.",
         "content_html": "<p>She will lead the work of our Learning Review sub-group.</p>",
         "date_published": "2024-06-03T09:00:00+01:00", "tags": ["news"]},
        {"id": "2", "title": "Learning Review: Child T", "summary": "A review about a boy of five.",
         "content_html": "<p>T, a 5-year-old boy, was neglected; his mother used heroin.</p>"
                         "<h3>Learning</h3><ul><li>Absence from nursery is a signal.</li></ul>",
         "date_published": "2024-02-12T10:00:00+00:00", "tags": ["learning reviews", "neglect"]},
    ]})


def test_a_json_feed_is_read_as_its_items(tmp_path: Path, vocab: Vocabulary) -> None:
    """A JSON Feed is read as its items, each a record under the feed's name (before: one
    record, the items its parts, each item's summary only); a news item that names a "Learning
    Review sub-group" tells of no review."""
    page = tmp_path / "feed.json"
    page.write_text(_JSON_FEED, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Feed: Testshire Child Protection Committee – News")
    assert "RECORD 2\nLearning Review: Child T\nPublished: 12 February 2024" in text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.title for r in reviews] == ["Learning Review: Child T"]
    assert (reviews[0].publication_year, len(reviews[0].learning)) == (2024, 1)


_QDA_PROJECT = """<?xml version="1.0" encoding="utf-8"?>
<!-- Invented test data for casegraph. -->
<Project xmlns="urn:QDA-XML:project:1.0" name="Pilot coding" origin="NVivo 14">
  <CodeBook><Codes><Code guid="c1" name="Parental mental health" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="s1" name="Testshire LCSPR H (2023) - summary">
      <Description>Copied from the published PDF.</Description>
      <PlainTextContent>Local Child Safeguarding Practice Review: Child H

Testshire Safeguarding Children Partnership. Published in June 2023.

Child H, a 15-year-old boy, was stabbed in August 2022 and survived. His mother had depression.

Learning
- Exclusion from school removed the adults who knew him.
</PlainTextContent>
      <PlainTextSelection guid="p1" name="His mother had depression" startPosition="10" endPosition="40">
        <Coding guid="k1"><CodeRef targetGUID="c1"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes><Note guid="n1" name="Memo">
    <PlainTextContent>Coding rule agreed: code what happened.</PlainTextContent>
  </Note></Notes>
</Project>
"""


def test_a_qualitative_analysis_project_is_read_as_its_source_texts(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """A REFI-QDA project (``.qde``, NVivo's and ATLAS.ti's exchange file) is read as its source
    texts: the codebook, the coded selections and the researchers' memos are their reading of
    the texts, not the texts (before: the suffix was not read at all)."""
    page = tmp_path / "project.qde"
    page.write_text(_QDA_PROJECT, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Local Child Safeguarding Practice Review: Child H\n")
    assert not any(s in text for s in ("Coding rule", "Parental mental health", "Copied from"))
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, r.publication_year, len(r.learning)) for r in reviews] == [
        ("Local Child Safeguarding Practice Review: Child H", 2023, 1)]


_ODATA = json.dumps({
    "_note": "Invented test data for casegraph.",
    "@odata.context": "https://register.example.org/api/data/v9.2/$metadata#tb_casereviews",
    "value": [
        {"@odata.etag": 'W/"1"', "tb_casereviewid": "3f6c2a10-8b1e-ee11-9cbe-000d3a0b7c21",
         "tb_name": "TSB 1/2023 – Concise Child Practice Review – Child T",
         "tb_reviewtype": 100000000,
         "tb_reviewtype@OData.Community.Display.V1.FormattedValue": "Concise Child Practice Review",
         "tb_publisheddate": "2023-11-20",
         "tb_publisheddate@OData.Community.Display.V1.FormattedValue": "20/11/2023",
         "tb_summary": "T, a 13-year-old boy, was groomed online by an adult in 2022.",
         "tb_themes": "Online harm; Autism", "createdon": "2022-09-14T10:00:00Z",
         "statecode": 0, "statecode@OData.Community.Display.V1.FormattedValue": "Active",
         "_ownerid_value": "95cc68a0-8028-557b-9a86-6c65f167648d"},
        {"@odata.etag": 'W/"2"', "tb_name": "TSB 2/2023 – Referral not progressed",
         "tb_summary": "Criteria for a Child Practice Review not met; single-agency learning only."},
    ]})


def test_an_odata_answer_is_read_as_its_records_as_the_app_shows_them(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    """A Dataverse Web API answer (OData) is read as its records: an option set by its label, the
    columns without their publisher's prefix, the etags, ids and system columns left out (before:
    each record was titled by its etag), and a referral that led to no review is none."""
    page = tmp_path / "register.json"
    page.write_text(_ODATA, encoding="utf-8")
    text = read_source(page).text
    assert "RECORD 1\nTSB 1/2023 – Concise Child Practice Review – Child T\n" in text
    assert "Review type: Concise Child Practice Review" in text and "Keywords: Online harm" in text
    assert not any(s in text for s in ("etag", "3f6c2a10", "Createdon", "Active", "100000000", "Tb "))
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, r.publication_year) for r in reviews] == [
        ("TSB 1/2023 – Concise Child Practice Review – Child T", 2023)]


_H5P = json.dumps({"panels": [
    {"title": "About this activity", "content": {
        "library": "H5P.AdvancedText 1.1", "subContentId": "a1",
        "params": {"text": "<p>Invented test data for casegraph: an e-learning module.</p>"},
        "metadata": {"title": "Untitled Text", "license": "U"}}},
    {"title": "Baby W – Testshire, local child safeguarding practice review (2021)", "content": {
        "library": "H5P.AdvancedText 1.1", "subContentId": "a2",
        "params": {"text": "<p>Baby W, a four-month-old boy, had a fractured skull in 2020; doctors "
                           "said it was inflicted.</p><p><strong>What the review recommended</strong></p>"
                           "<p>The recommendations focus on the bruising protocol for every baby.</p>"},
        "metadata": {"title": "Untitled Text"}}},
], "hTag": "h2", "l10n": {"checkAnswer": "Check"}})


def test_an_h5p_activity_is_read_as_its_panels(tmp_path: Path, vocab: Vocabulary) -> None:
    """An H5P activity's content.json is read as its panels, each title a heading over its text;
    the player's words and the metadata are left out (before: each panel's metadata title,
    "Untitled Text", made a record)."""
    page = tmp_path / "content.json"
    page.write_text(_H5P, encoding="utf-8")
    text = read_source(page).text
    assert "Baby W – Testshire, local child safeguarding practice review (2021)\n\nBaby W, a" in text
    assert not any(s in text for s in ("Untitled Text", "Check", "H5P.AdvancedText", "hTag"))
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, len(r.recommendations)) for r in reviews] == [
        ("Baby W – Testshire, local child safeguarding practice review (2021)", 1)]


_RIS = """Invented test data for casegraph: a team's reading list.

TY  - RPRT
TI  - Case Management Review: Child O and Child P
AU  - Testshire Safeguarding Board
PY  - 2022
DA  - 2022/09//
AB  - Child O, a girl aged eight, and Child P, aged five, were neglected over years.
N1  - Learning: (i) Disguised compliance can look like progress; check what you are told. (ii) Repeat
  registrations should prompt a review. (iii) Every adult who visits should be known.
N1  - The CMR made 9 recommendations.
KW  - neglect
KW  - disguised compliance
UR  - https://example.org/cmr
ER  -

TY  - GEN
TI  - Hidden men: a practice guide
AU  - Testshire Learning Network
PY  - 2021
AB  - A guide on engaging fathers and other men, drawing on many reviews.
ER  -
"""


def test_a_ris_export_is_read_as_its_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """A RIS export is read as its records (before: as text, its tags part of the words, every
    record after the first lost in the first's title), its notes below its abstract, a year
    given twice (PY and DA) once; "(i) ... (ii) ..." on one line are one learning point each,
    a semicolon inside one no cut, and the count of recommendations no learning point."""
    page = tmp_path / "reading-list.ris"
    page.write_text(_RIS, encoding="utf-8")
    text = read_source(page).text
    assert "RECORD 1\nCase Management Review: Child O and Child P\n" in text
    assert "Published: 2022\n" in text and "TY  -" not in text and "example.org" not in text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.title for r in reviews] == ["Case Management Review: Child O and Child P"]
    assert [i.text for i in reviews[0].learning] == [
        "Disguised compliance can look like progress; check what you are told",
        "Repeat registrations should prompt a review",
        "Every adult who visits should be known"]


_MS_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- Invented test data for casegraph. -->
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion>
  <Title>Testshire Trust - CMR action plans</Title>
  <CreationDate>2023-09-25T10:00:00</CreationDate>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name></Calendar></Calendars>
  <Tasks>
    <Task><UID>0</UID><Name>Testshire Trust - CMR action plans</Name><OutlineLevel>0</OutlineLevel></Task>
    <Task><UID>1</UID><Name>CMR 3/2023 – Child R (Testshire Trust area)</Name><OutlineLevel>1</OutlineLevel>
      <Start>2023-10-02T08:00:00</Start><PercentComplete>75</PercentComplete>
      <Notes>Background: Child R, a girl of seven, was harmed by fabricated illness in 2021.
Key learning:
- No one held a single chronology of R's care.
- The school was never asked what it saw.</Notes></Task>
    <Task><UID>2</UID><Name>R1 – Single consultant to hold an overview chronology</Name>
      <OutlineLevel>2</OutlineLevel><Duration>PT40H0M0S</Duration></Task>
    <Task><UID>3</UID><Name>R2 – FII awareness sessions for paediatric staff</Name>
      <OutlineLevel>2</OutlineLevel></Task>
  </Tasks>
  <Resources><Resource><UID>1</UID><Name>Named nurse</Name></Resource></Resources>
</Project>
"""


def test_a_project_plan_is_read_as_its_tasks_outline(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Microsoft Project plan saved as XML is read as its tasks' outline: a top-level task a
    heading over its notes, the tasks under it its actions; the schedule's dates, durations,
    calendars and resources are no words of it (before: every value a paragraph, and the
    review's learning 18 items, its recommendations none)."""
    page = tmp_path / "action-plans.xml"
    page.write_text(_MS_PROJECT, encoding="utf-8")
    text = read_source(page).text
    assert "CMR 3/2023 – Child R (Testshire Trust area)\n\nBackground:" in text
    assert not any(s in text for s in ("PT40H", "2023-10-02", "Standard", "Named nurse", "75"))
    reviews = extract_reviews([page], vocab)[0]
    assert [(r.title, len(r.learning), len(r.recommendations)) for r in reviews] == [
        ("CMR 3/2023 – Child R (Testshire Trust area)", 2, 2)]


_MODS = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Invented test data for casegraph: no real review. -->
<modsCollection xmlns="http://www.loc.gov/mods/v3">
  <mods version="3.7" ID="t-1">
    <titleInfo><title>Learning Review</title><subTitle>Child T</subTitle></titleInfo>
    <name type="corporate"><namePart>National Review Panel</namePart>
      <role><roleTerm type="text">author</roleTerm></role></name>
    <genre authority="local">Learning review (Scotland)</genre>
    <originInfo><publisher>National Review Panel</publisher><dateIssued>2022</dateIssued></originInfo>
    <physicalDescription><extent>1 online resource (20 pages)</extent></physicalDescription>
    <abstract>Child T, a boy of four, was admitted to hospital in May 2021 after he was
      assaulted by his mother's partner.</abstract>
    <note type="learning">Nobody asked who else lived in the home.</note>
    <note type="learning">The nursery's worries were not passed on.</note>
    <note type="recommendations">Agencies should ask about new adults in the household.</note>
    <subject><topic>Physical abuse</topic></subject>
    <subject><geographic>Testshire (Scotland)</geographic></subject>
    <recordInfo><recordIdentifier>t-1</recordIdentifier></recordInfo>
  </mods>
</modsCollection>
"""


def test_a_repositorys_mods_records_are_read_as_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """MODS (before: its element names dropped, so no label was left: an abstract, notes and
    subjects ran together as paragraphs and the record gave a title and nothing else): the
    abstract is the account, typed notes are the learning and recommendations, the geographic
    subject the area (without the nation a subject heading adds), its topics the keywords,
    and a place field beats the publisher's name, a body with no place in it."""
    page = tmp_path / "catalogue.xml"
    page.write_text(_MODS, encoding="utf-8")
    text = read_source(page).text
    assert "Learning Review: Child T\n" in text and "20 pages" not in text and "t-1" not in text
    assert "Learning:\n- Nobody asked who else lived in the home." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.area, review.publication_year, review.incident_year) == ("Testshire", 2022, 2021)
    assert (len(review.learning), len(review.recommendations)) == (2, 1)
    assert {"H-PHYS"} <= {c.notation for c in review.harms}


_SERVICENOW = """<?xml version="1.0" encoding="UTF-8"?><unload unload_date="2024-01-01 10:00:00">
<!-- Invented test data for casegraph: no real review. -->
<x_test_case_review action="INSERT_OR_UPDATE">
<description>Baby P, a girl of seven weeks, was found with injuries that the paediatrician said
had been inflicted. Her father had convictions for violence.</description>
<number>CRV0000001</number>
<short_description>Baby P – local child safeguarding practice review</short_description>
<state>3</state>
<sys_id>aaaa0000aaaa0000aaaa0000aaaa0001</sys_id>
<sys_updated_by>admin</sys_updated_by>
<u_partnership display_value="Testshire Safeguarding Children Partnership"
>bbbb0000bbbb0000bbbb0000bbbb0002</u_partnership>
<u_pseudonym>Baby P</u_pseudonym>
<u_published_date>2023-05-02</u_published_date>
</x_test_case_review>
<x_test_case_review action="INSERT_OR_UPDATE">
<description>Child Q, a boy of nine, disclosed that he had been hit by his stepfather.</description>
<number>CRV0000002</number>
<short_description>Child Q – multi-agency learning review</short_description>
<sys_id>aaaa0000aaaa0000aaaa0000aaaa0003</sys_id>
<u_pseudonym>Child Q</u_pseudonym>
<u_sex>male</u_sex>
</x_test_case_review>
<x_test_review_action action="INSERT_OR_UPDATE">
<short_description>Health visitors to ask about fathers at every contact.</short_description>
<sys_id>cccc0000cccc0000cccc0000cccc0001</sys_id>
<u_position>2</u_position>
<u_review display_value="CRV0000001">aaaa0000aaaa0000aaaa0000aaaa0001</u_review>
</x_test_review_action>
<x_test_review_action action="INSERT_OR_UPDATE">
<short_description>Police to share convictions of new adults with children's social care.</short_description>
<sys_id>cccc0000cccc0000cccc0000cccc0002</sys_id>
<u_position>1</u_position>
<u_review display_value="CRV0000001">aaaa0000aaaa0000aaaa0000aaaa0001</u_review>
</x_test_review_action>
</unload>
"""


def test_a_servicenow_unload_is_read_as_its_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """A ServiceNow unload (before: its field names dropped, the sys_ids and audit fields read
    as the page's words): each case record a review, a reference field by its display value,
    and the action records that refer to a case its list of actions in their position's
    order; a "Pseudonym:" field inside a titled record is a field, not another record."""
    page = tmp_path / "tracker.xml"
    page.write_text(_SERVICENOW, encoding="utf-8")
    text = read_source(page).text
    assert "aaaa0000" not in text and "admin" not in text and "CRV0000001" not in text
    assert "Actions:\n- Police to share convictions" in text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.children[0].pseudonym for r in reviews] == ["Baby P", "Child Q"]
    assert (reviews[0].area, reviews[0].publication_year) == ("Testshire", 2023)
    assert [len(r.recommendations) for r in reviews] == [2, 0]


_QUALTRICS = (
    "\ufeffStartDate,Status,IPAddress,Q1,Q2,Q3,Q4,Q5,Q6,Q7\n"
    "Start Date,Response Type,IP Address,Review title as on the cover,Commissioning area (local "
    "authority),Brief account of the case,Factors DOCUMENTED as present (tick all) - Selected Choice,"
    "Factors considered but NOT present,Learning points (one per line),Recommendations (as numbered)\n"
    + ",".join(f'"{{""ImportId"":""{i}""}}"' for i in
               ("startDate", "status", "ipAddress", "QID1_TEXT", "QID2_TEXT", "QID3_TEXT", "QID4",
                "QID5_TEXT", "QID6_TEXT", "QID7_TEXT")) + "\n"
    "2024-01-02 10:00:00,IP Address,,Serious Case Review – Child W,Testshire,"
    "\"Child W, a boy of 14, was stabbed in 2019. (Invented test data.)\",Parental drug misuse,"
    "No domestic abuse was recorded.,\"Schools did not share exclusions.\nNobody asked about his friends.\","
    "\"1. Share exclusions.\n2. Ask about friends.\n3. Train staff.\"\n"
    "2024-01-03 09:00:00,Survey Preview,,Preview – Child Z,Testshire,Test,,,,\n")


def test_a_qualtrics_survey_export_is_read_as_its_responses(tmp_path: Path, vocab: Vocabulary) -> None:
    """A researcher's extraction form exported from Qualtrics (before: its question texts and
    import ids read as two records, and every answer under a column id, "Q3: ..."): each
    response a record keyed by what its question asks, a list question's lines its items,
    the tool's own columns and a survey preview left out."""
    page = tmp_path / "form.csv"
    page.write_text(_QUALTRICS, encoding="utf-8")
    text = read_source(page).text
    assert "ImportId" not in text and "Child Z" not in text and "Start Date" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.title, review.area) == ("Serious Case Review – Child W", "Testshire")
    assert (len(review.learning), len(review.recommendations)) == (2, 3)
    assert "RF-DA" not in {c.notation for c in review.risk_factors}


_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="en-GB" segtype="sentence" creationtool="Invented test data"/>
<body>
<tu><prop type="x-Context">h2</prop>
<tuv xml:lang="cy-GB"><seg>Adolygiad Ymarfer Plant Cryno - Plentyn M</seg></tuv>
<tuv xml:lang="en-GB"><seg>Concise Child Practice Review - Child M</seg></tuv></tu>
<tu><prop type="x-Context">p</prop>
<tuv xml:lang="en-GB"><seg>Child M, a boy of nine, was neglected in 2022.</seg></tuv>
<tuv xml:lang="cy-GB"><seg>Cafodd Plentyn M, bachgen naw oed, ei esgeuluso yn 2022.</seg></tuv></tu>
<tu><prop type="x-Context">h3</prop><tuv xml:lang="en-GB"><seg>Learning</seg></tuv></tu>
<tu><prop type="x-Context">li</prop><tuv xml:lang="en-GB"><seg>Missed visits are a sign.</seg></tuv></tu>
<tu><prop type="x-Context">li</prop><tuv xml:lang="en-GB"><seg>Schools should share weights.</seg></tuv></tu>
</body></tmx>
"""


def test_a_translation_memory_is_read_as_its_source_page(tmp_path: Path, vocab: Vocabulary) -> None:
    """A bilingual page sent to a translator (TMX, invented) is its source-language segments, each
    as the block its x-Context names (before: .tmx was no type we read): the review once, not
    twice, its learning a list."""
    page = tmp_path / "cpr-page.tmx"
    page.write_text(_TMX, encoding="utf-8")
    text = read_source(page).text
    assert "Plentyn" not in text and "Concise Child Practice Review - Child M" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.review_type.notation, len(review.learning)) == ("RT-CPR", 2)


_SCRIBUS = """<?xml version="1.0" encoding="UTF-8"?>
<SCRIBUSUTF8NEW Version="1.5.8"><DOCUMENT TITLE="Invented test newsletter">
<STYLE NAME="Heading 2"/><STYLE NAME="Body"/><STYLE NAME="Bullet" PARENT="Body"/>
<PAGEOBJECT OwnPage="0" YPOS="400" XPOS="40" PTYPE="4"><StoryText><DefaultStyle PARENT="Body"/>
<ITEXT CH="Key learning"/><para PARENT="Heading 2"/>
<ITEXT CH="&#x2022;&#x9;Ask where medicine is kept."/><para PARENT="Bullet"/>
<ITEXT CH="Find out who lives in the home."/><trail PARENT="Bullet"/>
</StoryText></PAGEOBJECT>
<PAGEOBJECT OwnPage="0" YPOS="100" XPOS="40" PTYPE="4"><StoryText><DefaultStyle PARENT="Body"/>
<ITEXT CH="Learning Review: Child P"/><para PARENT="Heading 2"/>
<ITEXT CH="Child P, a boy of two, swallowed "/><ITEXT CHARSTYLE="Strong" CH="methadone"/>
<ITEXT CH=" in 2022."/><trail/>
</StoryText></PAGEOBJECT>
</DOCUMENT></SCRIBUSUTF8NEW>
"""


def test_a_scribus_newsletter_is_read_as_its_text_frames_in_reading_order(tmp_path: Path,
                                                                          vocab: Vocabulary) -> None:
    """A newsletter laid out in Scribus (.sla, invented) is its frames top to bottom, a paragraph
    per ``para``/``trail`` mark, headings and bullets by their style (before: no type we read);
    a paragraph's runs join without a break ("swallowed methadone in 2022")."""
    page = tmp_path / "newsletter.sla"
    page.write_text(_SCRIBUS, encoding="utf-8")
    text = read_source(page).text
    assert text.index("Learning Review: Child P") < text.index("Key learning")
    assert "swallowed methadone in 2022." in text and "\u2022\t" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.title, len(review.learning)) == ("Learning Review: Child P", 2)


def test_a_taskpaper_list_is_read_as_its_outline(tmp_path: Path, vocab: Vocabulary) -> None:
    """A lead's TaskPaper list (invented): a task with notes beneath is a heading over them, a
    task without notes a list item, tags dropped (before: no type we read)."""
    page = tmp_path / "reading.taskpaper"
    page.write_text("Reviews to brief the team on:\n"
                    "\t- Child T – LCSPR – Testshire (published 2023) @done(2024-01-16)\n"
                    "\t\tGirl, 13. Invented test data: she was sexually abused by her stepfather.\n"
                    "\t\tLearning:\n\t\t1. Check who lives in the home.\n\t\t2. Book an interpreter.\n"
                    "Admin:\n\t- Book DSL refresher @due(2024-03-01)\n", encoding="utf-8")
    text = read_source(page).text
    assert "@" not in text and "- Book DSL refresher" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.publication_year, len(review.learning), review.harms[0].notation) == (2023, 2, "H-SA")


def test_an_n_triples_export_is_read_as_its_resources(tmp_path: Path, vocab: Vocabulary) -> None:
    """A triple store's export in N-Triples (invented) is read as Turtle's records are."""
    page = tmp_path / "extract.nt"
    dc = "http://purl.org/dc/terms/"
    page.write_text(
        f'<https://example.org/review/1> <{dc}title> "Serious case review: Child D" .\n'
        f'<https://example.org/review/1> <{dc}issued> "2016"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n'
        f'<https://example.org/review/1> <{dc}description> "Invented test data. Child D, a boy of '
        f'seven, was neglected by his mother in 2014." .\n'
        f'<https://example.org/review/2> <{dc}title> "Serious case review: Child E" .\n'
        f'<https://example.org/review/2> <{dc}description> "Invented test data. Child E, a girl of '
        f'six, was neglected by her father in 2015." .\n'
        f'<https://example.org/dataset> <{dc}title> "Sample extract for coder training" .\n'
        f'<https://example.org/dataset> <{dc}description> "Two records exported from a study." .\n'
        f'<https://example.org/dataset> <{dc}hasPart> <https://example.org/review/1> .\n'
        f'<https://example.org/dataset> <{dc}hasPart> <https://example.org/review/2> .\n',
        encoding="utf-8")
    assert read_source(page).media_type == "application/n-triples"
    reviews = extract_reviews([page], vocab)[0]  # (the dataset that has them as parts is none)
    assert [(r.review_type.notation, r.publication_year) for r in reviews] == [("RT-SCR", 2016),
                                                                            ("RT-SCR", None)]


def test_an_apple_news_article_is_read_as_its_story(tmp_path: Path, vocab: Vocabulary) -> None:
    """A news story in Apple News Format (invented) is its components in order, as their roles
    say, with its publication date (before: each component a record "Role: body", five spurious
    reviews and no year); a photo's caption is no part of the story."""
    page = tmp_path / "article.json"
    body = [{"role": "body", "format": "html", "text": f"<p>{t}</p>"} for t in (
        "Invented test data. A review into the death of Child Q, a 15-year-old boy who was stabbed "
        "in Testshire in 2022, found that he had been criminally exploited.",
        "The Testshire Safeguarding Children Partnership published the review on Tuesday.")]
    page.write_text(json.dumps({
        "version": "1.9", "identifier": "x", "title": "Review finds missed chances",
        "metadata": {"datePublished": "2024-05-14T06:00:00Z"},
        "components": [{"role": "title", "text": "Review finds missed chances"},
                       {"role": "photo", "URL": "bundle://a.jpg", "caption": "Flowers (file picture)"},
                       *body, {"role": "heading2", "text": "What the review found"},
                       {"role": "body", "text": "Exclusion information was not shared."}]}), encoding="utf-8")
    text = read_source(page).text
    assert "Role" not in text and "Flowers" not in text
    assert text.index("Published: 2024-05-14") < text.index("A review into") < text.index("What the review")
    (review,) = extract_reviews([page], vocab)[0]
    assert review.publication_year == 2024


def test_a_data_packages_table_rows_are_its_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Frictionless Data Package (invented) is the rows of its tables, each a record, with a
    children cell "A; girl; 6 years | B; boy; 4 years" read as two children (before: the rows were
    one resource's text, no year, area or keyword read); its coding log is no record."""
    page = tmp_path / "datapackage.json"
    row = {"title": "Case Management Review: Siblings A and B", "area": "Testshire", "published": 2022,
           "children": "A; girl; 6 years | B; boy; 4 years", "keywords": ["neglect"],
           "summary": "Invented test data. A and B were neglected by their parents for years."}
    page.write_text(json.dumps({
        "profile": "tabular-data-package", "title": "Sample", "keywords": ["four nations"],
        "resources": [{"name": "reviews", "schema": {"fields": [{"name": "title"}]}, "data": [row]},
                      {"name": "coding-log", "data": [{"date": "2024-02-19", "note": "Removed two."}]}]}),
        encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.publication_year, review.area, review.keywords) == (2022, "Testshire", ["neglect"])
    assert [(c.pseudonym, c.age_months, c.sex) for c in review.children] == [
        ("A", 72, "female"), ("B", 48, "male")]


_WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _word_paragraph(text: str, style: str = "", numbered: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>' if numbered else "")
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_a_word_xml_document_is_read_with_its_headings_lists_and_tables(tmp_path: Path,
                                                                       vocab: Vocabulary) -> None:
    """A Word document saved as XML (a Flat OPC package, invented) is read as the page it prints:
    the Title and Heading styles headings, numbered paragraphs a list, a table's rows (before:
    its tables only, as records, and the review was missed)."""
    body = "".join([
        _word_paragraph("Case Management Review – Child T", "Title"),
        _word_paragraph("Invented test data. Child T, a girl of 10, was neglected by her father in 2023. "
                        "The review was published in January 2024."),
        _word_paragraph("What we learned", "Heading1"),
        _word_paragraph("Missed appointments are a sign that needs are not met.", "ListParagraph", True),
        _word_paragraph("The school saw T every day; its concerns should carry weight.",
                        "ListParagraph", True),
        _word_paragraph("Recommendations", "Heading1"),
        "<w:tbl><w:tr><w:tc>" + _word_paragraph("No.") + "</w:tc><w:tc>" + _word_paragraph("Recommendation")
        + "</w:tc></w:tr><w:tr><w:tc>" + _word_paragraph("1") + "</w:tc><w:tc>"
        + _word_paragraph("Use an interpreter at every home visit.") + "</w:tc></w:tr></w:tbl>"])
    page = tmp_path / "briefing.xml"
    page.write_text('<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
                    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
                    '<pkg:part pkg:name="/word/document.xml"><pkg:xmlData>'
                    f'<w:document xmlns:w="{_WORD_NS}"><w:body>{body}</w:body></w:document>'
                    '</pkg:xmlData></pkg:part></pkg:package>', encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year) == ("Child T", 2024)
    assert [len(review.learning), len(review.recommendations)] == [2, 1]
    assert review.harms[0].notation == "H-NEG"


def test_an_aspnet_pages_form_around_its_body_is_read(tmp_path: Path, vocab: Vocabulary) -> None:
    """An ASP.NET page (SharePoint's) is one form around the whole body: the form's inputs are
    no words, its article is (before: the page was read as its title alone)."""
    page = tmp_path / "PublishedReviews.aspx"
    page.write_text('<!DOCTYPE html><html><head><title>Published reviews</title></head><body>'
                    '<form id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x">'
                    '<div class="article"><h1>Published reviews</h1><h2>Child A – Local Child '
                    'Safeguarding Practice Review (published March 2023)</h2><p>Invented test data. '
                    'Child A, a boy of 14 months, was injured by his father in 2021.</p></div></form>'
                    '<form class="search"><input name="q" value="Search this site..."></form></body></html>',
                    encoding="utf-8")
    assert "Search this site" not in read_source(page).text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].pseudonym, review.publication_year) == ("Child A", 2023)


# ---------------------------------------- a library's, a researcher's and an event's files (session 45)

_MRK = "\r\n".join([
    "=LDR  01234nam a22003017i 4500",
    "=001  TS000101",
    "=008  230601s2023\\\\\\\\enk\\\\\\\\\\o\\\\\\\\\\000\\0\\eng\\d",
    "=110  2\\$aTestshire Safeguarding Children Partnership,$eauthor.",
    "=245  10$aChild Q :$blocal child safeguarding practice review /$cTestshire Safeguarding Children"
    " Partnership.",
    "=264  \\1$aTesttown :$bTestshire Safeguarding Children Partnership,$c2023.",
    "=500  \\\\$aInvented test data for casegraph: no real child or review.",
    "=520  \\\\$aChild Q, aged 14, was neglected in 2021.",
    "=520  8\\$aLearning: (1) hunger at school is a signal; (2) adults at home must be known.",
    "=650  \\7$aNeglect.$2local",
    "=655  \\7$aCase reviews.$2local",
    "",
    "=LDR  00999nam a22002777i 4500",
    "=245  10$aCosting the {dollar} of training :$ba report.",
    "",
])


def test_a_marcedit_mnemonic_file_is_read_as_its_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 45 (validation28's ``.mrk``): MarcEdit's mnemonic MARC is read as MARC XML is;
    codes are no words (the heading's source "$2local", the relator "$eauthor"), and a record's
    second summary (520) is a paragraph of its own, not lost."""
    page = tmp_path / "new-titles.mrk"
    page.write_bytes(_MRK.encode("utf-8"))
    text = read_source(page).text
    assert "RECORD 1\nChild Q: local child safeguarding practice review\n" in text
    assert "Partnership: Testshire Safeguarding Children Partnership\n" in text
    assert "Keywords: Neglect\n" in text and "local" not in text.replace("local child", "")
    assert "Learning: (1) hunger at school" in text and "Costing the $ of training" in text
    review = extract_reviews([page], vocab)[0][0]
    assert (review.title, review.publication_year) == (
        "Child Q: local child safeguarding practice review", 2023)


def test_a_mnemonic_line_that_is_no_field_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "odd.mrk"
    page.write_text("=245  10$aTitle\nnot a field\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"odd\.mrk.*line 2: not a MARC field"):
        read_source(page)


_ZOTERO = """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:z="http://www.zotero.org/namespaces/export#" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:bib="http://purl.org/net/biblio#"
 xmlns:dcterms="http://purl.org/dc/terms/" xmlns:link="http://purl.org/rss/1.0/modules/link/">
    <bib:Report rdf:about="#item_1">
        <z:itemType>report</z:itemType>
        <dc:publisher><foaf:Organization><foaf:name>Testshire Safeguarding Children Partnership</foaf:name>
        </foaf:Organization></dc:publisher>
        <link:link rdf:resource="#item_2"/>
        <dcterms:isReferencedBy rdf:resource="#item_3"/>
        <dc:subject><z:AutomaticTag><rdf:value>neglect</rdf:value></z:AutomaticTag></dc:subject>
        <dc:title>Local Child Safeguarding Practice Review: Child Q</dc:title>
        <dcterms:abstract>Invented test data. Child Q, aged 14, was neglected in 2021.</dcterms:abstract>
        <dc:date>2023</dc:date>
    </bib:Report>
    <z:Attachment rdf:about="#item_2">
        <z:itemType>attachment</z:itemType>
        <rdf:resource rdf:resource="files/2/child-q.pdf"/>
        <dc:title>Full Text PDF</dc:title>
    </z:Attachment>
    <bib:Memo rdf:about="#item_3">
        <rdf:value>&lt;p&gt;&lt;strong&gt;Learning&lt;/strong&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;
Hunger at school is a signal.
&lt;/li&gt;&lt;li&gt;Adults at home must be known.&lt;/li&gt;&lt;/ol&gt;</rdf:value>
    </bib:Memo>
</rdf:RDF>
"""


def test_a_zotero_rdf_export_is_read_as_its_items(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 45 (validation28's ``.rdf``): Zotero RDF is RDF/XML but for one property named
    ``rdf:resource``, which Oxigraph refuses and is taken out; an item's note (escaped HTML)
    is its "Notes", a tag's or a publisher's words their value, an attachment no record; a
    list item opening on a new line keeps its words on its bullet's line."""
    page = tmp_path / "reading-list.rdf"
    page.write_text(_ZOTERO, encoding="utf-8")
    text = read_source(page).text
    assert "RECORD 2" not in text and "Full Text PDF" not in text and "files/2" not in text
    assert "Partnership: Testshire Safeguarding Children Partnership" in text and "Keywords: neglect" in text
    assert "Notes:\nLearning\n\n• Hunger at school is a signal." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.title, len(review.learning)) == ("Local Child Safeguarding Practice Review: Child Q", 2)


def test_an_rss_1_feed_is_still_read_as_a_feed(tmp_path: Path) -> None:
    """RSS 1.0 is RDF/XML too: its items stay a feed's (read by the feed reader)."""
    page = tmp_path / "feed.rdf"
    page.write_text('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                    'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>News</title></channel>'
                    '<item rdf:about="y"><title>Review published: Child Q</title><description>Invented.'
                    '</description></item></rdf:RDF>', encoding="utf-8")
    assert "Review published: Child Q" in read_source(page).text


_SRX = """<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head><variable name="review"/><variable name="title"/><variable name="area"/>
    <variable name="learning"/><variable name="recs"/></head>
  <results>
    <result>
      <binding name="review"><uri>http://example.org/review/1</uri></binding>
      <binding name="title"><literal xml:lang="en">Learning Review: Child Q</literal></binding>
      <binding name="area"><literal>Testshire</literal></binding>
      <binding name="learning"><literal>Invented test data. || Hunger at school is a signal.</literal>
      </binding>
    </result>
  </results>
</sparql>
"""


def test_sparql_results_are_read_as_records(tmp_path: Path) -> None:
    """Session 45 (validation28's ``.srx``): a result is a record of its variables; an IRI is
    the graph's identifier, not a word; a GROUP_CONCAT's " || " parts are a list; the JSON form
    (``.srj``) reads the same."""
    page = tmp_path / "q.srx"
    page.write_text(_SRX, encoding="utf-8")
    text = read_source(page).text
    assert "RECORD 1\nLearning Review: Child Q\nArea: Testshire" in text
    assert "- Hunger at school is a signal." in text and "example.org" not in text
    as_json = tmp_path / "q.srj"
    as_json.write_text(json.dumps({"head": {"vars": ["title", "area"]}, "results": {"bindings": [
        {"title": {"type": "literal", "value": "Learning Review: Child Q"},
         "area": {"type": "literal", "value": "Testshire"}}]}}), encoding="utf-8")
    assert "RECORD 1\nLearning Review: Child Q\nArea: Testshire" in read_source(as_json).text


_GRAPHML = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0">Invented test data: a learning event's wall map.</data>
    <node id="n0" yfiles.foldertype="group">
      <data key="d5"><![CDATA[Published 2023.]]></data>
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0">
        <y:GroupNode><y:NodeLabel>Child Q: Local Child Safeguarding Practice Review</y:NodeLabel>
        </y:GroupNode>
        <y:GroupNode><y:NodeLabel>Child Q: Local Child Safeguarding Practice Review</y:NodeLabel>
        </y:GroupNode>
      </y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d6"><y:ShapeNode><y:NodeLabel>LEARNING 1
Hunger at school is a signal.</y:NodeLabel></y:ShapeNode></data></node>
        <node id="n0::n1"><data key="d6"><y:ShapeNode><y:NodeLabel>LEARNING 2
Adults at home must be known.</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <edge id="e0" source="n0::n0" target="n0::n1"><data key="d6"><y:PolyLineEdge>
      <y:EdgeLabel>led to</y:EdgeLabel></y:PolyLineEdge></data></edge>
  </graph>
</graphml>
"""


def test_a_yed_wall_map_is_read_as_its_groups_and_boxes(tmp_path: Path) -> None:
    """Session 45 (validation28's ``.graphml``): a group is a heading (its label once, though yEd
    draws it open and closed) over its description and its boxes, each box's lines kept; an
    edge's label is the drawing's, not the page's."""
    page = tmp_path / "wall-map.graphml"
    page.write_text(_GRAPHML, encoding="utf-8")
    text = read_source(page).text
    assert text.count("Child Q: Local Child Safeguarding Practice Review") == 1
    assert "Published 2023.\n\nLEARNING 1\nHunger at school is a signal.\n\nLEARNING 2\n" in text
    assert "led to" not in text


def test_the_catalogue_and_research_formats_are_read_from_a_folder(tmp_path: Path) -> None:
    names = ["a.mrk", "b.rdf", "c.srx", "d.graphml", "e.conllu", "f.srj"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(p.name for p in discover([tmp_path])) == names


_EPRINTS = """<?xml version='1.0' encoding='utf-8'?>
<eprints xmlns='http://eprints.org/ep2/data/2.0'>
  <eprint id='https://repository.example.ac.uk/id/eprint/1'>
    <eprintid>1</eprintid>
    <documents><document><files><file><filename>Child_Q.pdf</filename><hash>0b6a1c3e</hash></file></files>
    </document></documents>
    <dir>disk0/00/00/00/01</dir>
    <type>monograph</type>
    <corp_creators><item>Testshire Safeguarding Children Partnership</item></corp_creators>
    <title>Learning review: Child Q</title>
    <keywords>neglect; school attendance</keywords>
    <note>Learning: (1) Hunger at school is a signal. (2) Adults at home must be known.
Recommendations: the review makes two. 1. Ask who lives at home. 2. Share attendance concerns.</note>
    <abstract>Invented test data. Child Q, aged 9, was neglected in 2022.</abstract>
    <date>2023-08</date>
  </eprint>
</eprints>
"""


def test_an_eprints_export_is_read_as_its_abstract_pages(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 45 (validation28's EPrints page, before read as a column of bare values, its
    second record taking the first's fields): each eprint a record of what its abstract page
    shows, its note ("Additional information") too; files, hashes and directories are none;
    "Recommendations: the review makes two." only counts them."""
    page = tmp_path / "export.xml"
    page.write_text(_EPRINTS, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("RECORD 1\nLearning review: Child Q\nPartnership: Testshire")
    assert "0b6a1c3e" not in text and "disk0" not in text and "Child_Q.pdf" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.publication_year, len(review.learning), len(review.recommendations)) == (2023, 2, 2)


def test_a_solr_response_is_read_as_its_documents(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 45 (devlocal57's Solr page, before read without its fields' names): each doc a
    record of its named fields, an "arr" a list; the response header's status, timing and
    query parameters are the server's."""
    page = tmp_path / "select.xml"
    page.write_text('<?xml version="1.0"?>\n<response><lst name="responseHeader"><int name="QTime">12</int>'
                    '<lst name="params"><str name="q">body:fracture*</str></lst></lst>'
                    '<result name="response" numFound="1"><doc><str name="title">Child Q: learning review'
                    '</str><int name="published">2023</int><str name="summary">Invented test data. Child Q, '
                    'aged 9, was neglected in 2022.</str><arr name="learning"><str>Hunger is a signal.</str>'
                    '<str>Adults at home must be known.</str></arr></doc></result></response>',
                    encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("RECORD 1\nChild Q: learning review\nPublished: 2023\n")
    assert "QTime" not in text and "fracture*" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert len(review.learning) == 2
