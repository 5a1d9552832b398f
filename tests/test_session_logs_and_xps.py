"""File types of validation38 (session 55): an R session's transcript (``R CMD BATCH``'s
``.Rout``), a Stata log in SMCL (``.smcl``) and a document printed to XPS (``.xps``).  Before,
a folder passed all three over as "of a type casegraph does not read".  (validation38's SPSS
portable file and pandas pickle are tested in test_spss_portable.py and test_pickled.py.)

The pages read here are validation38's own (invented test data about invented children: the R
transcript from a real run of R 4.2.2, the others in their tools' layouts, by that set's
labeller); the small fixtures written here are invented too, each written from the format's
documentation (R's prompts, Stata's SMCL manual, the XPS specification's package parts)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.binaries import xps_text
from casegraph.ingest.exports import printed_sheet, r_transcript_text, smcl_text
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import build, extract_reviews

PAGES = Path(__file__).parent / "validation38" / "pages"
ROUT = PAGES / "cpr_wave3_records.Rout"
SMCL = PAGES / "wave2_case_sheets.smcl"
XPS = PAGES / "Item 5 - Reviews published since the last meeting.xps"


# ------------------------------------------------------------------------------ R transcript
def test_validation38s_r_transcript_is_read_without_its_banner_and_script(vocab: Vocabulary) -> None:
    """What the loop printed is the page; R's banner and every echoed line of the script (the
    "> " prompt and its "+ " continuations) are not.  A record's heading loses the coding
    team's record number; its "Area | Type | Published" line becomes three labelled lines."""
    text = read_source(ROUT).text
    assert "R is free software" not in text and "strwrap(" not in text and "cat(" not in text
    assert "Concise Child Practice Review NWSB 2/2023 - Baby Mali\n" in text
    assert "W3-017:" not in text
    assert "Area: Wrexham\nType: Concise Child Practice Review\nPublished: 2023-06-14" in text
    reviews, _, _ = extract_reviews([ROUT], vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Baby Mali", "Child D", "Child E"]
    assert {r.area for r in reviews} == {"Wrexham", "Powys"}
    # (a coder's "[not extracted]" under "Recommendations (5 in report):" is no recommendation)
    mali = next(r for r in reviews if "Mali" in r.title)
    assert mali.recommendations == [] and len(mali.learning) == 3


def test_an_r_transcript_keeps_output_that_looks_like_a_continuation() -> None:
    """Invented lines: a "+ " line is code only under a prompt; a printed "+ 2 more" after
    output is the session's output."""
    raw = "> x <- c(1,\n+   2)\n> cat('Summary:\\n')\nSummary:\n+ 2 more items\n"
    assert r_transcript_text(raw) == "Summary:\n+ 2 more items\n"


def test_a_printed_sheet_splits_only_lines_that_are_all_fields() -> None:
    assert printed_sheet("Area: Fife   Type: Learning review") == "Area: Fife\nType: Learning review"
    assert printed_sheet("Area: Fife | Published: May 2019") == "Area: Fife\nPublished: May 2019"
    prose = "She said: it was late   and nobody came"
    assert printed_sheet(prose) == prose
    # (a record's number goes only from a heading under a rule)
    assert printed_sheet("=========\nW3-1: Child A review") == "=========\nChild A review"
    assert printed_sheet("Note\nW3-1: Child A review") == "Note\nW3-1: Child A review"


# --------------------------------------------------------------------------------- Stata SMCL
def test_validation38s_stata_log_is_read_as_what_stata_printed(vocab: Vocabulary) -> None:
    """Echoed commands ({com}, a loop's numbered lines), the log's header and footer and SMCL's
    directives are not words; {p} paragraphs, {hline} rules and results are."""
    text = read_source(SMCL).text
    assert "forvalues" not in text and "display" not in text and "{" not in text
    assert "opened on" not in text and "/Users/" not in text
    assert "Learning Review - Child K\nArea: Fife\nType: Learning review\nPublished: October 2023" in text
    assert "\n1. Risk to a looked-after young person should be assessed in one plan" in text
    reviews, _, _ = extract_reviews([SMCL], vocab)
    assert sorted((r.area, r.publication_year) for r in reviews) == [("Dundee", 2019), ("Fife", 2023)]
    # (its excluded row's line, "Excluded: ICR-WLO-2023-05 - ...", is no review: it is warned
    # of as an entry with no text before the next, not as a truncated page)
    warnings = build([SMCL], None).warnings
    assert any("'Excluded: ICR-WLO-2023-05" in w and "no text before the next entry" in w for w in warnings)
    # "Recommendations stated in report: 8" over "(1) ... (2) ...": the two listed
    baby_l = next(r for r in reviews if r.area == "Dundee")
    assert [i.text[:20] for i in baby_l.recommendations] == ["NHS Tayside and Poli", "The CPC should audit"]


def test_smcl_directives_print_as_stata_shows_them() -> None:
    """Invented log lines: a brace by name, a bold word, a rule of a given width, a repeated
    character; a command with its loop number before it is not printed."""
    raw = ("{smcl}\n{com}. display 1\n{txt}  2{com}.     display 2\n"
           "{res}Key {bf:learning} {c -(}a{c )-}\n{txt}{hline 5}\n{res}{dup 3:=}\n")
    assert smcl_text(raw).strip() == "Key learning {a}\n-----\n==="


# ------------------------------------------------------------------------------------------ XPS
def test_validation38s_xps_paper_is_read_line_by_line(vocab: Vocabulary) -> None:
    """Each Glyphs run's UnicodeString at its origin: lines top to bottom, a blank line above a
    heading, the two pages in the document's order."""
    source = read_source(XPS)
    assert source.media_type == "application/oxps"
    assert "\n\n5.2 Serious Case Review: Baby C (Derby)\nThis serious case review" in source.text
    assert source.text.index("5.2 Serious") < source.text.index("5.5 Recommendation")
    reviews, _, _ = extract_reviews([XPS], vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Baby C", "Child J"]


def _xps(pages: dict[str, str], order: list[str]) -> bytes:
    """An XPS package: the root's relationship to its sequence, one document, its pages."""
    buffer = io.BytesIO()
    ns = 'xmlns="http://schemas.microsoft.com/xps/2005/06"'
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                         '2006/relationships"><Relationship Type="http://schemas.microsoft.com/xps/2005/06/'
                         'fixedrepresentation" Target="/FixedDocumentSequence.fdseq" Id="R1"/>'
                         '</Relationships>')
        package.writestr("FixedDocumentSequence.fdseq", f'<FixedDocumentSequence {ns}><DocumentReference '
                         'Source="Documents/1/FixedDocument.fdoc"/></FixedDocumentSequence>')
        package.writestr("Documents/1/FixedDocument.fdoc", f"<FixedDocument {ns}>" + "".join(
            f'<PageContent Source="Pages/{name}"/>' for name in order) + "</FixedDocument>")
        for name, body in pages.items():
            package.writestr(f"Documents/1/Pages/{name}",
                             f'<FixedPage Width="816" Height="1056" {ns}>{body}</FixedPage>')
    return buffer.getvalue()


def _glyphs(x: float, y: float, text: str) -> str:
    return f'<Glyphs FontRenderingEmSize="12" OriginX="{x}" OriginY="{y}" UnicodeString="{text}"/>'


def test_an_xps_page_orders_runs_by_baseline_and_applies_a_canvas_translation() -> None:
    """Invented pages, listed in the document in the opposite order to their names: runs on one
    baseline are one line (left to right, whatever their order in the file), a Canvas's
    RenderTransform moves what it holds, "{}" escapes a leading brace."""
    first = (_glyphs(200, 100, "Review (invented)") + _glyphs(96, 100, "Child A:")
             + '<Canvas RenderTransform="1,0,0,1,0,20">' + _glyphs(96, 100, "{}{aged 3}") + "</Canvas>")
    data = _xps({"2.fpage": first, "1.fpage": _glyphs(96, 100, "Second page")}, ["2.fpage", "1.fpage"])
    assert xps_text(data) == "Child A: Review (invented)\n{aged 3}\n\nSecond page"


def test_an_xps_document_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Glyph indices alone (no UnicodeString), a zip that is no XPS, and damaged copies: each a
    line naming the file, never a crash."""
    refused_in_one_line(tmp_path / "indices.xps", _xps({"1.fpage": '<Glyphs OriginX="1" OriginY="2" '
                                                                   'Indices="43;72"/>'}, ["1.fpage"]))
    refused_in_one_line(tmp_path / "other.xps", _xps({}, [])[:-30])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("readme.txt", "not XPS")
    refused_in_one_line(tmp_path / "plain.xps", buffer.getvalue())
    read_or_one_line_when_damaged([XPS], tmp_path, seed=55, rounds=25)


def test_a_folder_reads_the_three_new_types(tmp_path: Path) -> None:
    for page in (ROUT, SMCL, XPS):
        (tmp_path / page.name).write_bytes(page.read_bytes())
    assert sorted(p.name for p in discover([tmp_path])) == sorted(p.name for p in (ROUT, SMCL, XPS))
