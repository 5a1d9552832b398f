"""File types of validation42 (session 59): an Excel workbook (``.xlsx``), a PowerPoint deck
(``.pptx``), an EPUB e-book (``.epub``) and a BibTeX database (``.bib``).  Before, a folder
passed the four over as "of a type casegraph does not read", and their nine reviews were lost.

The pages read here are validation42's own (invented test data about invented children, by that
set's labeller, who wrote them with openpyxl, python-pptx, pandoc and bibtexparser).  The small
files written here are invented too, each from its format's documentation: ECMA-376 (a
workbook's shared strings, styles and 1904 date system; a deck's slide list, placeholders,
hidden slides and notes), EPUB 3.3 (the container, the package document's spine, the
navigation document) and BibTeX's own (Patashnik's "BibTeXing": ``@string``, ``#``, months)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line, zipped

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.interchange import bibtex_records
from casegraph.ingest.office import pptx_html, xlsx_sheets
from casegraph.ingest.packages import epub_html
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation42" / "pages"
XLSX = PAGES / "WSCP case review tracker 2024-25.xlsx"
PPTX = PAGES / "7MB Concise CPR CTMSB 2-2024 Cerys.pptx"
EPUB = PAGES / "SBNI-Annual-Report-2023-24.epub"
BIB = PAGES / "case-reviews-library.bib"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _rels(targets: dict[str, str]) -> str:
    return (f'<Relationships xmlns="{_RELS}">' + "".join(
        f'<Relationship Id="{i}" Type="x" Target="{t}"/>' for i, t in targets.items()) + "</Relationships>")


# ------------------------------------------------------------------------------------- reviews
def test_the_four_types_are_found_in_a_folder_and_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The tracker's three rows, the deck's one review, the e-book's two CMR sections and the
    library's three reports are reviews; the e-book's statistics and the library's journal
    article are none."""
    assert {XLSX, PPTX, EPUB, BIB} <= set(discover([PAGES]))
    titles = {page.suffix: [r.title for r in extract_reviews([page], vocab)[0]]
              for page in (XLSX, PPTX, EPUB, BIB)}
    assert titles[".xlsx"] == ["Child K", "Baby L", "Siblings M and N"]
    assert titles[".pptx"] == ["Concise Child Practice Review CTMSB 2/2024: ‘Cerys’"]
    assert titles[".epub"] == ["Case Management Review – ‘Orla’ (Belfast)",
                               "Case Management Review – ‘Baby Jack’ (Mid Ulster)"]
    assert len(titles[".bib"]) == 3 and not any("Hidden men" in t for t in titles[".bib"])


def test_the_decks_bullets_are_its_learning_and_its_lead_in_is_no_item(vocab: Vocabulary) -> None:
    """The "What we learned" slide's four bullets are four items; "The review made four
    recommendations to the Board, including:" leads in to the two bullets under it."""
    review = extract_reviews([PPTX], vocab)[0][0]
    assert len(review.learning) == 4 and len(review.recommendations) == 2
    assert review.recommendations[0].text.startswith("that the Board seeks assurance")


# ---------------------------------------------------------------------------------- workbooks
def _workbook(sheet_xml: list[str], states: list[str], styles: str = "", shared: str = "",
              date1904: bool = False) -> bytes:
    sheets = "".join(f'<sheet name="S{n}" sheetId="{n}" state="{s}" r:id="rId{n}"/>'
                     for n, s in enumerate(states, 1))
    system = ' date1904="1"' if date1904 else ""
    members = {
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_R}"><workbookPr{system}/>'
                           f"<sheets>{sheets}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": _rels({f"rId{n}": f"worksheets/sheet{n}.xml"
                                             for n in range(1, len(states) + 1)}),
        **{f"xl/worksheets/sheet{n}.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>{x}</sheetData></worksheet>'
           for n, x in enumerate(sheet_xml, 1)},
    }
    if styles:
        members["xl/styles.xml"] = f'<styleSheet xmlns="{_MAIN}">{styles}</styleSheet>'
    if shared:
        members["xl/sharedStrings.xml"] = f'<sst xmlns="{_MAIN}">{shared}</sst>'
    return zipped(members)


def test_a_workbooks_shared_strings_dates_and_gaps_are_as_excel_shows_them() -> None:
    """Excel keeps a text once (``t="s"``: its index) and a date as a serial number whose style
    says it is a date: both are read as the sheet shows them; a cell is kept at its column."""
    styles = ('<numFmts><numFmt numFmtId="164" formatCode="[$-809]d mmmm yyyy"/></numFmts>'
              '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="2"/>'
              "</cellXfs>")
    shared = "<si><t>Published</t></si><si><r><t>Child </t></r><r><t>A</t></r><rPh><t>x</t></rPh></si>"
    row = ('<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" s="1"><v>45366</v></c>'
           '<c r="D2" s="2"><v>45000</v></c><c r="E2" s="3"><v>2.50</v></c>'
           '<c r="F2" t="e"><v>#REF!</v></c></row>')
    sheets = xlsx_sheets(_workbook(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + row], ["visible"],
                                   styles, shared))
    assert sheets == [[["Published"], ["Child A", "", "2024-03-15", "2023-03-15", "2.50"]]]


def test_a_hidden_sheet_is_passed_over_and_the_1904_system_counts_from_1904() -> None:
    dated = '<row r="1"><c r="A1" s="1"><v>0</v></c></row>'
    styles = '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    book = _workbook([dated, '<row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row>'],
                     ["visible", "hidden"], styles, date1904=True)
    assert xlsx_sheets(book) == [[["1904-01-01"]]]


def test_a_formula_saved_without_its_value_is_no_words() -> None:
    """openpyxl writes ``=SUM()`` for Excel to work out: the cell shows nothing until then."""
    row = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Total</t></is></c>'
           '<c r="B1"><f>SUM(B2:B4)</f><v></v></c></row>')
    assert xlsx_sheets(_workbook([row], ["visible"])) == [[["Total"]]]


# ---------------------------------------------------------------------------------------- decks
def _slide(shapes: str, show: str = "") -> str:
    return (f'<p:sld xmlns:p="{_P}" xmlns:a="{_A}"{show}><p:cSld><p:spTree>{shapes}'
            "</p:spTree></p:cSld></p:sld>")


def _shape(kind: str | None, *paragraphs: tuple[int, str]) -> str:
    ph = "" if kind == "" else f'<p:ph type="{kind}"/>' if kind else '<p:ph idx="1"/>'
    body = "".join(f'<a:p><a:pPr lvl="{lvl}"/><a:r><a:t>{words}</a:t></a:r></a:p>'
                   for lvl, words in paragraphs)
    return f"<p:sp><p:nvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:txBody>{body}</p:txBody></p:sp>"


def _deck(slides: list[str], notes: dict[int, str] | None = None) -> bytes:
    ids = "".join(f'<p:sldId id="{255 + n}" r:id="rId{n}"/>' for n in range(len(slides), 0, -1))
    members = {
        "ppt/presentation.xml": f'<p:presentation xmlns:p="{_P}" xmlns:r="{_R}"><p:sldIdLst>{ids}'
                                "</p:sldIdLst></p:presentation>",
        "ppt/_rels/presentation.xml.rels": _rels({f"rId{n}": f"slides/slide{n}.xml"
                                                  for n in range(1, len(slides) + 1)}),
        **{f"ppt/slides/slide{n}.xml": s for n, s in enumerate(slides, 1)},
    }
    for n, words in (notes or {}).items():
        members[f"ppt/slides/_rels/slide{n}.xml.rels"] = _rels({"rId2": f"../notesSlides/notesSlide{n}.xml"})
        members[f"ppt/notesSlides/notesSlide{n}.xml"] = (
            f'<p:notes xmlns:p="{_P}" xmlns:a="{_A}"><p:cSld><p:spTree>'
            f'{_shape("sldImg")}{_shape("body", (0, words))}</p:spTree></p:cSld></p:notes>')
    return zipped(members)


def test_slides_are_read_in_the_decks_order_not_the_files() -> None:
    """The slide list says the order (here the files' reversed); a hidden slide is not shown."""
    page = pptx_html(_deck([_slide(_shape("title", (0, "Second"))), _slide(_shape("title", (0, "First"))),
                            _slide(_shape("title", (0, "Hidden")), show=' show="0"')]))
    assert page.index("<h2>First</h2>") < page.index("<h2>Second</h2>") and "Hidden" not in page


def test_a_lead_in_line_is_a_paragraph_and_its_indented_lines_items() -> None:
    body = _shape(None, (0, "Learning:"), (1, "Ask about every adult."), (1, "Share release dates."),
                  (0, "Plan before exclusion."))
    slide = _slide(_shape("title", (0, "Learning")) + body + _shape("", (0, "Text box line")))
    page = pptx_html(_deck([slide], notes={1: "Speaker notes tell more."}))
    assert page.split("\n") == ["<h2>Learning</h2>", "<p>Learning:</p>", "<ul>",
                                "<li>Ask about every adult.</li>", "<li>Share release dates.</li>",
                                "<li>Plan before exclusion.</li>", "</ul>",
                                "<p>Text box line</p>", "<p>Speaker notes tell more.</p>"]


# --------------------------------------------------------------------------------------- EPUB
def _epub(spine: list[str], nav_in_spine: bool = True) -> bytes:
    chapters = {"a": "<h1>Chapter A</h1>", "b": "<h1>Chapter B</h1>",
                "nav": "<nav><ol><li>Chapter A</li></ol></nav>"}
    nav = ' properties="nav"'
    manifest = "".join(f'<item id="{i}" href="../Text/{i}.xhtml" media-type="application/xhtml+xml"'
                       f'{nav if i == "nav" else ""}/>' for i in chapters)
    refs = "".join(f'<itemref idref="{i}"/>' for i in (["nav"] if nav_in_spine else []) + spine)
    return zipped({
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": ('<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                                   '<rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles>'
                                   "</container>"),
        "OEBPS/content.opf": f'<package xmlns="http://www.idpf.org/2007/opf"><manifest>{manifest}</manifest>'
                             f"<spine>{refs}</spine></package>",
        **{f"Text/{i}.xhtml": f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>'
                              f"<body>{body}</body></html>" for i, body in chapters.items()},
    })


def test_an_epubs_chapters_are_read_in_spine_order_without_its_table_of_contents() -> None:
    page = epub_html(_epub(["b", "a"]))
    assert page.index("Chapter B") < page.index("Chapter A") and "<nav>" not in page and "<title>" not in page


# ------------------------------------------------------------------------------------- BibTeX
def test_bibtex_macros_concatenation_months_and_accents_are_undone() -> None:
    raw = """@comment{jabref-meta: databaseType:bibtex;}
@string{csp = "Cardiff Safeguarding"}
@preamble{"\\newcommand{\\x}{y}"}
@TechReport{key1,
  title = "Child {P}: a {C}hild {P}ractice {R}eview",
  institution = csp # { Board},
  author = {Board, Invented and Jones, Alys},
  month = jul, year = 2024,
  keywords = {neglect; housing},
  note = {Caf{\\'e} visits were missed --- learning about {\\"o}ther homes.},
}
@misc(key2, title = {Second entry})
"""
    first, second = bibtex_records(raw)
    assert first["title"] == "Child P: a Child Practice Review"
    assert first["publisher"] == "Cardiff Safeguarding Board"
    assert first["creator"] == ["Invented Board", "Alys Jones"]
    assert first["date"] == "July 2024" and first["subjects"] == ["neglect", "housing"]
    assert first["notes"] == ["Café visits were missed — learning about öther homes."]
    assert second == {"title": "Second entry"}


def test_a_bibtex_entry_never_closed_is_refused_naming_its_line(tmp_path: Path) -> None:
    page = tmp_path / "library.bib"
    page.write_text("@techreport{a, title = {One}}\n\n@techreport{b,\n title = {Two}\n")
    with pytest.raises(CasegraphError, match=r"library\.bib.*line 3: an entry opened here is never closed"):
        read_source(page)


# -------------------------------------------------------------------------------- bad packages
@pytest.mark.parametrize("name", ["tracker.xlsx", "deck.pptx", "report.epub"])
def test_a_zip_without_the_part_the_type_needs_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    refused_in_one_line(tmp_path / name, zipped({"readme.txt": "not an office file"}))
    refused_in_one_line(tmp_path / name, b"PK\x03\x04 cut short")


def test_a_part_declaring_entities_is_refused(tmp_path: Path) -> None:
    bomb = '<!DOCTYPE w [<!ENTITY a "aaaa">]><workbook xmlns="x">&a;</workbook>'
    refused_in_one_line(tmp_path / "bomb.xlsx", zipped({"xl/workbook.xml": bomb}))


def test_damaged_copies_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    read_or_one_line_when_damaged([XLSX, PPTX, EPUB, BIB], tmp_path, seed=59, rounds=12)
