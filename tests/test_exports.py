"""Reviews kept as data by researchers' and business units' tools (casegraph.ingest.exports and
the RDF and LaTeX readers beside it): SPSS syntax with its data inline, a Neo4j graph written
out as Cypher, a PDF form's fields (FDF), a PDF's XMP metadata sidecar and a Sweave/knitr paper.

Every page here is INVENTED test data (neutral pseudonyms, "Testshire" areas or a real council's
name used only as an area): no real child or review.  Each test checks what the tool itself
would show a reader (a value's label, a form's field, a node's property), and that what only
serves the tool (formats, procedures, constraints, edit history, R code) is not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.exports import ObjectLiteral, cypher_records, fdf_records, spss_records
from casegraph.ingest.sources import discover, noweb_latex, read_source
from casegraph.pipeline.build import extract_reviews

_SPS = """* Encoding: UTF-8.
* Invented test data for casegraph: a coding pilot, no real child or review.
DATA LIST FREE(",")
  /case_id (F2.0) doc_type (F1.0) area (A40) pub_year (F4.0) title (A120)
   sex (F1.0) summary (A2000) learning (A2000) n_recs (F2.0).
BEGIN DATA
1,1,"Testshire",2023
"Learning Review - Child Q",1
"Q, aged 14, went missing 12 times in 2022. Staff said ""she was fine""."
"1) Patterns of missing episodes were not looked at. 2) Police intelligence was not shared."
4
2,3,,2021
"Case Management Review - Child P",-9
"P was neglected in 2020."
""
-9
END DATA.

VARIABLE LABELS case_id 'Case number' /doc_type 'Type of review document'
  /area 'Local authority' /pub_year 'Year published' /title 'Title as given on the document'
  /sex 'Sex of child' /summary 'Case summary' /learning 'Learning'
  /n_recs 'Number of recommendations'.
VALUE LABELS doc_type 1 'Learning Review (Scotland)' 3 'Case Management Review (Northern Ireland)'
  /sex 1 'Female' 2 'Male'.
MISSING VALUES sex n_recs (-9).
FREQUENCIES VARIABLES=doc_type.
"""


def test_spss_inline_data_is_read_as_labelled_cases(tmp_path: Path) -> None:
    """Free-field values run over lines; a doubled quote is one quote; ",," is an empty value;
    a variable's label names its value and a value label stands for its code; a missing value
    (-9) and an empty one are left out; procedures (FREQUENCIES) are no data."""
    first, second = spss_records(_SPS)
    assert first["Type of review document"] == "Learning Review (Scotland)"
    assert first["Title as given on the document"] == "Learning Review - Child Q"
    assert first["Sex of child"] == "Female" and first["Number of recommendations"] == "4"
    assert first["Case summary"].endswith('Staff said "she was fine".')
    assert "Local authority" not in second and "Sex of child" not in second
    assert "Number of recommendations" not in second and "Learning" not in second
    assert second["Type of review document"] == "Case Management Review (Northern Ireland)"


def test_spss_list_layout_is_a_case_per_line() -> None:
    syntax = ("DATA LIST LIST /id (F1.0) name (A20).\nBEGIN DATA\n1 'Child A'\n2 \"Child B\"\n"
              "END DATA.\n")
    assert spss_records(syntax) == [{"id": "1", "name": "Child A"}, {"id": "2", "name": "Child B"}]


def test_an_spss_pilots_cases_are_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "pilot.sps"
    page.write_text(_SPS, encoding="utf-8")
    text = read_source(page).text
    assert text.count("RECORD ") == 2 and "FREQUENCIES" not in text
    first = extract_reviews([page], vocab)[0][0]
    assert (first.title, first.children[0].pseudonym, first.publication_year) == (
        "Learning Review - Child Q", "Child Q", 2023)


_CYPHER = """:begin
CREATE CONSTRAINT review_ref FOR (node:Review) REQUIRE (node.ref) IS UNIQUE;
:commit
:begin
// Invented test data for casegraph: no real child or review.
UNWIND [{_id:0, properties:{name:"Testshire Safeguarding Children Partnership"}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Organisation;
UNWIND [{_id:1, properties:{title:"LCSPR: Child W", area:"Testshire", published:date('2023-06-14'),
  summary:"W, aged three, swallowed methadone in 2022.\\nThe partner had moved in; no checks; were made.",
  recs_stated:5, learning:["Ask who lives in the home.", "Share what each service knows."]}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Review;
:commit
:begin
UNWIND [{start: {_id:1}, end: {_id:0}, properties:{strength:"central"}}] AS row
MATCH (start:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.start._id})
MATCH (end:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.end._id})
CREATE (start)-[r:PUBLISHED_BY]->(end) SET r += row.properties;
CREATE (r:Review:Archived {title: 'SCR: Baby N', `area name`: 'Testshire', published: 2016});
:commit
"""


def test_a_cypher_export_is_read_as_its_nodes() -> None:
    """APOC's batches and a plain CREATE alike; a date call is its date, "\\n" a line break,
    a ";" inside a string no statement's end; relationships and constraints are no record."""
    partnership, review, archived = cypher_records(_CYPHER)
    assert partnership == {"name": "Testshire Safeguarding Children Partnership"}
    assert review["published"] == "2023-06-14" and review["recs_stated"] == 5
    assert review["summary"].endswith("in 2022.\nThe partner had moved in; no checks; were made.")
    assert review["learning"] == ["Ask who lives in the home.", "Share what each service knows."]
    assert archived == {"title": "SCR: Baby N", "area name": "Testshire", "published": 2016}


def test_a_cypher_reviews_learning_is_counted(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "graph.cypher"
    page.write_text(_CYPHER, encoding="utf-8")
    reviews = {r.title: r for r in extract_reviews([page], vocab)[0]}
    assert len(reviews["LCSPR: Child W"].learning) == 2
    assert reviews["LCSPR: Child W"].publication_year == 2023


def test_an_object_literal_reads_what_javascript_and_cypher_write() -> None:
    literal = ObjectLiteral("""{a: 'it\\'s', "b": [1, 2.5,], `c d`: f(x), e: name}""", {"name": "Kim"})
    assert literal.parse() == {"a": "it's", "b": [1, 2.5], "c d": "", "e": "Kim"}
    assert ObjectLiteral("{a: 'unclosed").parse() is None


_FDF = (b"%FDF-1.2\r%\xe2\xe3\xcf\xd3\r1 0 obj\r<</FDF<</F(summary.pdf)/Fields["
        b"<</T(Title_of_review)/V(Concise Child Practice Review \\(TSB 1/2023\\) - Child T)>>"
        b"<</T(Local_authority)/V(Testshire)>><</T(Type_concise)/V/Yes>><</T(Type_extended)/V/Off>>"
        b"<</T(Child_sex)/V/Female>><</T(Date_published)/V(14/11/2023)>>"
        b"<</T(Summary)/V(Invented test data. T was hurt in 2022.\\r\\rThe partner was not seen.)>>"
        b"<</Kids[<</T(1)/V(Ask who lives in the home.)>><</T(2)/V(Refer every bruise.)>>]/T(Learning)>>"
        b"<</T(Welsh)/V(\xfe\xff\x00P\x00l\x00e\x00n\x00t\x00y\x00n\x00 \x00T)>>"
        b"<</T(Note)/V<4e6f7465\n2e>>><</T(Octal)/V(caf\\351)>>"
        b"]/ID[<8E2B><2F90>]>>/Type/Catalog>>\rendobj\rtrailer\r<</Root 1 0 R>>\r%%EOF\r")


def test_a_pdf_forms_fields_are_one_record(tmp_path: Path) -> None:
    """Escaped brackets, "\\r" breaks, a field's Kids as its list, a ticked box's export value
    (an unticked one left out), UTF-16 after its byte-order mark (NUL bytes and all), a hex
    string and an octal escape in PDFDocEncoding."""
    (record,) = fdf_records(_FDF.decode("latin-1"))
    assert record["Title_of_review"] == "Concise Child Practice Review (TSB 1/2023) - Child T"
    assert record["Type_concise"] == "Yes" and "Type_extended" not in record
    assert record["Child_sex"] == "Female"
    assert record["Summary"] == "Invented test data. T was hurt in 2022.\n\nThe partner was not seen."
    assert record["Learning"] == ["Ask who lives in the home.", "Refer every bruise."]
    assert (record["Welsh"], record["Note"], record["Octal"]) == ("Plentyn T", "Note.", "café")


def test_a_pdf_forms_review_is_extracted(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "summary_data.fdf"
    page.write_bytes(_FDF)
    (review,) = extract_reviews([page], vocab)[0]
    assert review.title == "Concise Child Practice Review (TSB 1/2023) - Child T"
    assert (review.area, review.publication_year, len(review.learning)) == ("Testshire", 2023, 2)


def test_fdf_without_fields_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.fdf"
    page.write_bytes(b"%FDF-1.2\n1 0 obj <</FDF<</F(x.pdf)>>>> endobj\n")
    with pytest.raises(CasegraphError, match=r"empty\.fdf.*no form fields"):
        read_source(page)
    page.write_bytes(b"%FDF-1.2\n1 0 obj <</FDF<</Fields[<</T(a)/V(never closed>>]")
    with pytest.raises(CasegraphError, match=r"empty\.fdf.*never closed"):
        read_source(page)


_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <xmp:CreatorTool>A word processor</xmp:CreatorTool>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Serious Case Review: Child G</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Invented test data. Child G was neglected
in Testshire in 2013.&#xA;&#xA;The Board accepted all 11 recommendations.</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag><rdf:li>neglect</rdf:li><rdf:li>dog bite</rdf:li></rdf:Bag></dc:subject>
   <pdf:Keywords>neglect, dog bite</pdf:Keywords>
   <pdf:Producer>A PDF library</pdf:Producer>
   <xmpMM:History><rdf:Seq><rdf:li rdf:parseType="Resource"><stEvt:action>saved</stEvt:action>
   </rdf:li></rdf:Seq></xmpMM:History>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
"""


def test_an_xmp_sidecar_is_read_as_its_documents_record(tmp_path: Path) -> None:
    """Its containers are lists (one language's title its text); the tools' bookkeeping
    (creator tool, producer, edit history) is not read."""
    page = tmp_path / "scr-child-g.xmp"
    page.write_text(_XMP, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("RECORD 1\nSerious Case Review: Child G\n")
    assert "Child G was neglected" in text and "neglect; dog bite" in text
    assert "A word processor" not in text and "PDF library" not in text and "saved" not in text


def test_an_xmp_file_without_rdf_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "odd.xmp"
    page.write_text('<x:xmpmeta xmlns:x="adobe:ns:meta/"><p>no RDF</p></x:xmpmeta>', encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"odd\.xmp.*no RDF"):
        read_source(page)


_RNW = r"""% !Rnw weave = knitr
\documentclass{article}
\addbibresource{refs.bib}
\begin{document}
<<setup, include=FALSE>>=
library(knitr)
x <- read.csv("cases.csv")
@
\section{Baby F (Testshire, 2023)}
Invented test data. Baby F died in 2022 \parencite{ref2023}.
We counted \Sexpr{nrow(x[x$a == "{", ])} notifications.
\begin{itemize}[nosep]
  \item Reach both parents.
\end{itemize}
<<table, results='asis'>>=
kable(x)
@ Some words after the chunk.
\end{document}
"""


def test_a_sweave_paper_is_read_without_its_r() -> None:
    """Chunks and inline R (its braces nested) are the analysis, not the paper; a list's
    options, a bibliography resource and a citation's keys are no words either."""
    text = noweb_latex(_RNW)
    assert "library(knitr)" not in text and "kable" not in text and "Sexpr" not in text
    assert "We counted  notifications." in text and "Some words after the chunk." in text


def test_a_sweave_papers_case_study_is_a_review(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "wp.Rnw"
    page.write_text(_RNW, encoding="utf-8")
    text = read_source(page).text
    assert "[nosep]" not in text and "refs.bib" not in text and "ref2023" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.title == "Baby F (Testshire, 2023)"


def test_the_export_formats_are_read_from_a_folder(tmp_path: Path) -> None:
    names = ["a.sps", "b.cypher", "c.fdf", "d.xmp", "e.Rnw"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(p.name for p in discover([tmp_path])) == names


_FILEMAKER = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- Invented test data for casegraph: no real child or review. -->
<FMPXMLRESULT xmlns="http://www.filemaker.com/fmpxmlresult"><ERRORCODE>0</ERRORCODE>
<DATABASE DATEFORMAT="D/m/yyyy" LAYOUT="Register" NAME="Register.fmp12" RECORDS="2" TIMEFORMAT="k:mm:ss "/>
<METADATA><FIELD MAXREPEAT="1" NAME="Ref" TYPE="TEXT"/><FIELD MAXREPEAT="1" NAME="Review_title" TYPE="TEXT"/>
<FIELD MAXREPEAT="1" NAME="Partnership" TYPE="TEXT"/><FIELD MAXREPEAT="1" NAME="Date_published" TYPE="DATE"/>
<FIELD MAXREPEAT="1" NAME="Summary" TYPE="TEXT"/><FIELD MAXREPEAT="3" NAME="Learning" TYPE="TEXT"/></METADATA>
<RESULTSET FOUND="2"><ROW MODID="3" RECORDID="9"><COL><DATA>TS-01</DATA></COL>
<COL><DATA>Child Q - Local Child Safeguarding Practice Review</DATA></COL><COL><DATA>Testshire</DATA></COL>
<COL><DATA>14/6/2023</DATA></COL>
<COL><DATA>Q was hurt in 2021.&#13;He had been missing nine times.</DATA></COL>
<COL><DATA>Look at the pattern.</DATA><DATA>Share what police know.</DATA><DATA></DATA></COL></ROW>
<ROW MODID="1" RECORDID="10"><COL><DATA>TS-02</DATA></COL><COL><DATA>Title to be agreed</DATA></COL>
<COL><DATA></DATA></COL><COL><DATA></DATA></COL><COL><DATA></DATA></COL><COL><DATA></DATA></COL></ROW>
</RESULTSET></FMPXMLRESULT>
"""


def test_a_filemaker_export_is_read_as_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """Columns named by the METADATA's fields; a repeating field's filled values a list; a date
    read by the database's own DATEFORMAT (day first here); "&#13;" a line break."""
    page = tmp_path / "register.xml"
    page.write_text(_FILEMAKER, encoding="utf-8")
    text = read_source(page).text
    assert "Published: 14 June 2023" in text and "- Share what police know." in text
    assert "Q was hurt in 2021.\nHe had been missing nine times." in text
    review = extract_reviews([page], vocab)[0][0]
    assert (review.title, review.area, review.publication_year, len(review.learning)) == (
        "Child Q - Local Child Safeguarding Practice Review", "Testshire", 2023, 2)


@pytest.mark.parametrize(("pattern", "order"), [("D/m/yyyy", (0, 1, 2)), ("M/d/yyyy", (1, 0, 2)),
                                                 ("yyyy-MM-dd", (2, 1, 0)), ("odd", (1, 0, 2))])
def test_a_filemaker_date_format_says_where_the_day_stands(pattern: str, order: tuple[int, int, int]) -> None:
    from casegraph.ingest.exports import _date_order

    assert _date_order(pattern) == order


@pytest.mark.parametrize(("name", "content", "says"), [
    ("bad.fdf", "%FDF-1.2\n1 0 obj <</FDF<</Fields[<</T(a)/V<zz>>>]>>>>", "byte 42: a hex string"),
    ("deep.fdf", "%FDF-1.2\n<</FDF<</Fields[" + "<<" * 3000 + ">>]>>>>", "nested too deeply"),
    ("deep.cypher", "UNWIND [{_id:1, properties:{a:" + "[" * 5000 + "}}] AS row CREATE (n);",
     "nested too deeply"),
    ("bomb.xmp", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&a;</x:xmpmeta>',
     "declarations inside it"),
    ("cut.Rnw", "\\Sexpr{" * 20_000 + "\n<<a>>=\nno end\n", "no visible text"),
])
def test_bad_exports_are_one_line_errors(tmp_path: Path, name: str, content: str, says: str) -> None:
    """A damaged or hostile file is a one-line error naming it (and, where the reader knows it,
    the place), never a traceback; twenty thousand unclosed inline R calls are read at once."""
    page = tmp_path / name
    page.write_text(content, encoding="utf-8")
    with pytest.raises(CasegraphError, match=rf"{name.replace('.', '[.]')}.*{says}") as caught:
        read_source(page)
    assert "\n" not in str(caught.value)


def test_a_codebooks_sex_and_age_fields_are_read(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 44: "Sex of child" and "Age of child in completed years" are the child's fields;
    an age of 0 completed years is under one, not an age in months (the account's "aged nine
    weeks" says it)."""
    syntax = ("DATA LIST FREE(\",\") /title (A60) age (F2.0) sex (F1.0) summary (A400).\nBEGIN DATA\n"
              "\"Significant Case Review - Baby E\",0,2,\"Invented test data. E died in 2015, aged nine "
              "weeks, from injuries his father inflicted.\"\nEND DATA.\nVARIABLE LABELS title 'Title as "
              "given on the document' /age 'Age of child in completed years' /sex 'Sex of child' /summary "
              "'Case summary'.\nVALUE LABELS sex 1 'Female' 2 'Male'.\n")
    page = tmp_path / "pilot.sps"
    page.write_text(syntax, encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.children[0].sex, review.children[0].age_months) == ("male", 2)


_CONLLU = """# generator = UDPipe 2
# newdoc id = d01
# newpar
# sent_id = 1
# text = Child Q: Learning Review
1\tChild\tchild\tNOUN\t_\t_\t0\troot\t_\t_
2\tQ\tQ\tPROPN\t_\t_\t1\tflat\t_\tSpaceAfter=No
3\t:\t:\tPUNCT\t_\t_\t1\tpunct\t_\t_
4\tLearning\tlearning\tNOUN\t_\t_\t5\tcompound\t_\t_
5\tReview\treview\tNOUN\t_\t_\t1\tappos\t_\tSpacesAfter=\\n\\n
# newpar
# sent_id = 2
# text = Invented test data.
1\tInvented\tinvent\tVERB\t_\t_\t3\tamod\t_\t_
2\ttest\ttest\tNOUN\t_\t_\t3\tcompound\t_\t_
3\tdata\tdata\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_
# sent_id = 3
# text = Q wasn't fed.
1\tQ\tQ\tPROPN\t_\t_\t3\tnsubj\t_\t_
2-3\twasn't\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n
2\twas\tbe\tAUX\t_\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\t_\t_\t4\tadvmod\t_\t_
4\tfed\tfeed\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_
# newdoc id = d02
# sent_id = 4
# text = Baby R
1\tBaby\tbaby\tNOUN\t_\t_\t0\troot\t_\t_
2\tR\tR\tPROPN\t_\t_\t1\tflat\t_\t_
"""


def test_a_conllu_corpus_is_read_as_the_text_it_was_cut_from() -> None:
    """Session 45 (validation28's ``.conllu``): each sentence's ``# text`` and what followed its
    last token (a paragraph's end, one space); a multiword token's line, not its words', says
    what follows it; the token columns are the tool's analysis, no words."""
    from casegraph.ingest.exports import conllu_text

    assert conllu_text(_CONLLU) == "Child Q: Learning Review\n\nInvented test data. Q wasn't fed.\n\nBaby R\n"


def test_a_conllu_file_without_text_lines_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "tokens.conllu"
    page.write_text("1\tChild\tchild\tNOUN\t_\t_\t0\troot\t_\t_\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"tokens\.conllu.*no '# text =' lines"):
        read_source(page)


_REDCAP = ('\ufeff"Record ID","Review title (as published)","Local authority / partnership area",'
           '"Learning points (one per line)","Agencies named (choice=Police)","Agencies named (choice=GP)",'
           '"Neglect","Physical abuse","Domestic abuse"\n'
           '"1","Sam: Local Child Safeguarding Practice Review","Testshire","Invented test data.\n'
           'Hunger at school is a signal.","Unchecked","Checked","Unchecked","0","Yes"\n')


def test_a_redcap_labels_export_reads_its_checkboxes_and_flags(tmp_path: Path, vocab: Vocabulary) -> None:
    """Session 45 (validation28's REDCap page): a checkbox question's option columns are one
    field of the options ticked (the Police column, unticked, names no agency); a cell of
    several lines is a list; "Review title (as published)" names the row; a flag column's
    "Unchecked" or 0 denies its label ("Neglect: Unchecked" is no neglect), its "Yes" states it."""
    page = tmp_path / "Pilot_DATA_LABELS_2024-06-03_1412.csv"
    page.write_text(_REDCAP, encoding="utf-8")
    text = read_source(page).text
    assert "RECORD 1\nSam: Local Child Safeguarding Practice Review\n" in text
    assert "Agencies named: GP\n" in text and "Police" not in text
    # (session 52: the form's note on how to fill the field, "(one per line)", is no part of its label)
    assert "Learning points:\n- Invented test data.\n- Hunger at school is a signal." in text
    (review,) = extract_reviews([page], vocab)[0]
    assert [c.notation for c in review.harms] == []
    assert [c.notation for c in review.risk_factors] == ["RF-DA"]
    assert "AG-POL" not in {c.notation for c in review.agencies}


def test_a_forms_export_is_named_by_its_filled_title_column(tmp_path: Path) -> None:
    """Session 45 (devlocal82): Microsoft Forms writes the respondent's "Name" (left empty) before
    the form's "Review title": the row is named by the column filled in; its timestamps and
    e-mail are the tool's, and a question's mark does not end its label."""
    page = tmp_path / "reading-group.csv"
    page.write_text("ID,Start time,Completion time,Email,Name,Review title,Which factors were NOT present?\n"
                    "1,10/3/24 19:02:11,10/3/24 19:25:48,anonymous,,Learning Review – Baby Q (invented),"
                    "Domestic abuse;\n", encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("\nRECORD 1\nLearning Review – Baby Q (invented)\n")
    assert "19:02" not in text and "anonymous" not in text
    assert "Which factors were NOT present: Domestic abuse;" in text


def test_a_checkbox_question_with_no_option_ticked_is_no_line(tmp_path: Path) -> None:
    """A REDCap checkbox question none of whose options is ticked says nothing: no empty
    "Agencies named:" line (it would be read as a label with no answer)."""
    page = tmp_path / "pilot.csv"
    page.write_text('"Record ID","Review title","Agencies named (choice=Police)",'
                    '"Agencies named (choice=GP)"\n'
                    '"1","Learning Review: Child Q (invented)","Unchecked","Unchecked"\n', encoding="utf-8")
    assert "Agencies named" not in read_source(page).text
