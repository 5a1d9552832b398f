"""Rules from validation53's misses (session 70), each on an invented page of the same form (the
pages here are INVENTED test data, with neutral pseudonyms; real area names appear only as
areas): a repository's "(1) Child Q -- Local Child Safeguarding Practice Review -- Norfolk"
headings over "Published 03/2025 | England", a learning list followed by what the review
recommends, "Recommendations: not published."; an ACPC's executive summaries ("Sheffield Area
Child Protection Committee", "SERIOUS CASE REVIEW (PART 8)", "The recommendations are set out
in the full overview report"); and an SCR log kept as a spreadsheet, whose fields after a blank
line ("Number of recs: 11") are its row's, and whose "Notification / decision:" is a field."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.pipeline.build import extract_reviews

REPOSITORY = """CASE REVIEW REPOSITORY :: NEW SUMMARIES (invented test page)

-----------------------------------------------------
(1) Child Q -- Local Child Safeguarding Practice Review -- Norfolk
    Published 03/2025 | England
-----------------------------------------------------
Child Q, a 10-week-old boy, was admitted to hospital in May 2023 with a fractured arm.
Learning includes: practitioners should speak to fathers directly.
Recommendations: not published.

-----------------------------------------------------
(2) Robin -- Learning Review -- Glasgow
    Published 08/2024 | Scotland
-----------------------------------------------------
Robin (not the child's real name), a 14-year-old girl, was exploited online in 2022.
Learning includes:
 - schools should teach online safety in ways that reflect how young people use apps;
 - CAMHS should ask about online contacts when a young person's mood gets worse;
 - youth workers should know who to call.
The review recommends that the committee works with schools on an online safety plan.
"""


def test_a_repository_s_typewriter_headings(tmp_path: Path, vocab: Vocabulary) -> None:
    """"(1) Name -- Type -- Area" is a review's heading (its type and area the heading's, "--"
    a typewriter's dash; "Robin -- Learning Review -- Glasgow" names its area last, after the
    type), "Published 03/2025" its year; "not published" recommendations are none; and the
    paragraph after the learning list that says what the review recommends is no learning."""
    first, second = reviews_of_page(tmp_path, "repository.txt", REPOSITORY, vocab)
    assert [(r.area, r.publication_year, r.review_type.notation if r.review_type else None)
            for r in (first, second)] == [("Norfolk", 2025, "RT-LCSPR"), ("Glasgow", 2024, "RT-SIG")]
    assert first.recommendations == []
    assert len(second.learning) == 3
    assert [i.text.rstrip(".") for i in second.recommendations] == [
        "The review recommends that the committee works with schools on an online safety plan"]


def test_a_workshop_s_reviewed_names_are_no_area(tmp_path: Path, vocab: Vocabulary) -> None:
    """Not "Practitioner workshop: Learning Review – Kai and Lila", whose last part is two names
    (a place shares one): only three parts parted by dashes alone, the first no type, are read
    as name, type and area."""
    page = ("Events (invented test page)\n\nPractitioner workshop: Learning Review – Kai and Lila\n\n"
            "Kai and Lila, invented siblings aged 6 and 8, were found alone at home in 2023.\n")
    reviews = reviews_of_page(tmp_path, "events.txt", page, vocab)
    assert all(r.area != "Kai and Lila" for r in reviews)


ACPC = """SHEFFIELD ACPC
SERIOUS CASE REVIEW (PART 8 REVIEW) - BABY Q
EXECUTIVE SUMMARY
Published by Sheffield Area Child Protection Committee, February 2004

SUMMARY OF THE CASE
Baby Q, an invented 6-week-old boy, was admitted to hospital in October 2003 with a broken arm.

LESSONS LEARNED
(a) Information recorded by the midwife was not passed to the health visitor.

RECOMMENDATIONS
The recommendations are set out in the full overview report, which will not be published.
"""


def test_an_acpc_s_part_8_summary(tmp_path: Path, vocab: Vocabulary) -> None:
    """An English Area Child Protection Committee (before 2006) names Sheffield, not "Sheffield
    Area", and is no Scottish committee: its SERIOUS CASE REVIEW in capitals is England's (not
    Scotland's significant case review); recommendations "set out in the full overview report"
    are none given."""
    (review,) = reviews_of_page(tmp_path, "PART8_04.TXT", ACPC, vocab)
    kind = review.review_type.notation if review.review_type else None
    assert (review.area, kind) == ("Sheffield", "RT-SCR")
    assert review.recommendations == []


def _ods(rows: list[list[str]]) -> bytes:
    """A minimal OpenDocument spreadsheet of the rows (a header row first), as LibreOffice
    writes one: its mimetype member first, uncompressed, then content.xml."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')

    def cell(value: str) -> str:
        paragraphs = "".join(f"<text:p>{line}</text:p>" for line in value.split("\n"))
        return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body>'
               f'<office:spreadsheet><table:table table:name="Log">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_an_scr_log_s_row_keeps_its_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """A board's SCR log as an OpenDocument spreadsheet: the row's name cell is its review's
    title (not its "Notification / decision:" field), and its recommendations after the
    "Number of recs" field (a blank line above it, as a list cell leaves) are the row's."""
    log = tmp_path / "scr-log.ods"
    log.write_bytes(_ods([
        ["Case", "Child(ren)", "Notification / decision", "Exec summary published", "Key findings",
         "Number of recs", "Recommendations (overview report)"],
        *([f"Serious Case Review - {name}", "Boy, 4 months (invented)", "SCR agreed by chair 10/10/2006",
           "February 2008", "1) Bruising in a baby was not referred.\n2) The father was not seen.", "2",
           "1) PCT to issue a protocol on bruising.\n2) Hospital to refer every infant with a fracture."]
          for name in ("Baby Q", "Baby R"))]))
    reviews = extract_reviews([log], vocab)[0]
    assert [r.title for r in reviews] == ["Serious Case Review - Baby Q", "Serious Case Review - Baby R"]
    assert [[len(r.learning), len(r.recommendations)] for r in reviews] == [[2, 2], [2, 2]]


BRIEFING = "\n".join([
    "Safeguarding Children Briefing for Primary Care (invented test page)",
    "For GPs and practice staff.National review: the deaths of Baby Q and Baby R",
    "The Panel published this national review in June 2024.Baby Q, a 5-week-old girl, died in 2022 "
    "while sharing a bed with her mother. Baby R, an 11-month-old boy, died in 2023 in a hostel "
    "room.What the Panel found",
    "Practices were not told when a family with a baby was placed in temporary accommodation.",
    "Nobody asked whether there was a cot.",
    "What the Panel recommends",
    "The Panel makes 6 recommendations. Those most relevant to primary care are:NHS England to "
    "ensure GP registration follows families.",
    "Health visiting services to be told of every family with a baby in temporary accommodation.",
    "Also this month",
    "Level 3 safeguarding training for GPs: 18 September 2024, online.", ""])


def test_a_word_briefing_as_docx2txt_writes_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """docx2txt runs a Word document's paragraphs together ("staff.National review: ...",
    "are:NHS England ..."): each is a line again, so the national review's heading titles it
    and both children are read; "What the Panel found" is its learning, the lead-in "Those
    most relevant to primary care are:" no recommendation, and "Also this month" beside it."""
    (review,) = reviews_of_page(tmp_path, "briefing.docx2txt.txt", BRIEFING, vocab)
    assert review.title == "National review: the deaths of Baby Q and Baby R"
    assert [c.pseudonym for c in review.children] == ["Baby Q", "Baby R"]
    assert [len(review.learning), len(review.recommendations)] == [2, 2]


PPC = """EAST LOTHIAN AND MIDLOTHIAN PUBLIC PROTECTION COMMITTEE
7 MINUTE BRIEFING | LEARNING REVIEW: ROBIN (invented test page)

[1] BACKGROUND
Robin (not the child's real name) was 18 months old when admitted to hospital in 2022 with
faltering growth. The learning review concluded that Robin had been neglected.
"""


def test_a_scottish_public_protection_committee(tmp_path: Path, vocab: Vocabulary) -> None:
    """A public protection committee in capitals is Scotland's (its learning review is the
    statutory review, RT-SIG) and names the area, "East Lothian and Midlothian" with a small
    "and"."""
    (review,) = reviews_of_page(tmp_path, "briefing.txt", PPC, vocab)
    kind = review.review_type.notation if review.review_type else None
    assert (review.area, kind) == ("East Lothian and Midlothian", "RT-SIG")


NOTICE = """Dear colleagues (invented test page),

The Testshire Safeguarding Partnership will publish the local child safeguarding practice review
about Child Q on our website at 10am on Thursday 14 March 2024.

Child Q, an invented 7-year-old boy, was found alone in a cold house in January 2022.
"""

REPORT = """7. CASE MANAGEMENT REVIEWS (invented test page)

7.3 CMR - 'Ash' (Mid Ulster)
    Published: May 2023
Ash, an invented 15-year-old, was exploited by older men in 2021.

7.4 CMR - Twins 'Robin' and 'Sky' (Belfast)
    Published: June 2023
Robin and Sky, invented twins aged six months, were admitted to hospital in 2021 with fractures.
"""


def test_a_notice_s_coming_publication_and_quoted_twins(tmp_path: Path, vocab: Vocabulary) -> None:
    """"... will publish the review about Child Q ... on Thursday 14 March 2024" dates the
    review's publication; "Twins 'Robin' and 'Sky'" names Robin and Sky, not "Twins 'Robin"."""
    (notice,) = reviews_of_page(tmp_path, "notice.txt", NOTICE, vocab)
    assert notice.publication_year == 2024
    twins = reviews_of_page(tmp_path, "report.txt", REPORT, vocab)[-1]
    assert [c.pseudonym for c in twins.children] == ["Robin", "Sky"]


NEGLECTED = """Child Q - invented test review

Child Q, an invented 7-year-old boy, had been neglected over a long period and was found alone in
a cold house in January 2022.

What we learned
- Practitioners should recognise neglect early.
"""

EARLIER = """Child R - invented test review

Child R, an invented 4-year-old girl, had been neglected over a long period. Concerns about
neglect had been raised by her nursery two years before.
"""


def test_the_harm_s_own_words_are_no_risk_factor_mention(tmp_path: Path, vocab: Vocabulary) -> None:
    """"had been neglected" is the harm the review found (H-NEG), and no mention of neglect
    concerns before it (RF-NEG) too, nor is the learning's "recognise neglect": those words
    stay the harm's mentions.  Where earlier concerns are told, RF-NEG is a fact, and its
    mentions are kept."""
    (review,) = reviews_of_page(tmp_path, "review.txt", NEGLECTED, vocab)
    assert "H-NEG" in {c.notation for c in review.harms}
    assert [m.notation for m in review.mentions if m.evidence.exact == "neglect"] == ["H-NEG"]
    assert not any(m.notation == "RF-NEG" for m in review.mentions)
    (earlier,) = reviews_of_page(tmp_path, "earlier.txt", EARLIER, vocab)
    assert "RF-NEG" in {c.notation for c in earlier.risk_factors}
    assert len([m for m in earlier.mentions if m.notation == "RF-NEG"]) >= 2
