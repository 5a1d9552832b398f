"""Parser: headings and labels of every layout, item splitting, noise.  All texts are synthetic."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.core.textspan import Span
from casegraph.ingest.parse import parse_page, split_items
from casegraph.ingest.sources import SourceText, read_source

SUMMARY = "A 3-year-old girl was seriously injured in 2019 while in the care of her mother."


def page(text: str) -> SourceText:
    return SourceText(Path("synthetic.txt"), text, "text/plain", "utf-8", "0" * 64)


def items_of(text: str, kind: str) -> list[str]:
    """The texts of the items of ``kind`` ("learning", "recommendations") of the one review an
    invented page holds (the page must hold exactly one)."""
    [entry] = parse_page(page(text)).entries
    return [i.span.text for s in entry.sections if s.kind == kind for i in s.items]


@pytest.mark.parametrize("heading,year,month,area,title", [
    ("2016 – Anonymous – Child 17", 2016, None, "Anonymous", "Child 17"),
    ("2018 - Anonymous- Children F, G and H", 2018, None, "Anonymous", "Children F, G and H"),
    ("2019 – Testshire - Child 17", 2019, None, "Testshire", "Child 17"),
    ("2012Ceredigion – Child J", 2012, None, "Ceredigion", "Child J"),
    ("2014 – NSPCC on behalf of unnamed LSCB – Child 17", 2014, None,
     "NSPCC on behalf of unnamed LSCB", "Child 17"),
    ("December 2013 - Derbyshire - BDS12", 2013, 12, "Derbyshire", "BDS12"),
    ("2020 – Stockton-on-Tees – Baby 9", 2020, None, "Stockton-on-Tees", "Baby 9"),
])
def test_dated_list_headings(heading: str, year: int, month: int | None, area: str, title: str) -> None:
    p = parse_page(page(f"Case reviews\n\n{heading}\n{SUMMARY}\nLearning: one; two.\n"))
    assert len(p.entries) == 1
    e = p.entries[0]
    assert (e.year, e.month, e.area, e.name) == (year, month, area, title)
    assert e.summary.text == SUMMARY
    assert len(e.section("learning")[0].items) == 2


@pytest.mark.parametrize("heading,kind", [
    ("1. Local child safeguarding practice review (LCSPR): Child 17", "numbered"),
    ("12. Serious case review in respect of Child 17", "numbered"),
    ("Baby C", "name"),
    ("Child F1: serious case review", "name"),
    ("Child I. Testshire: Testshire Safeguarding Children Board. Author, A (2014)", "citation"),
])
def test_other_heading_kinds(heading: str, kind: str) -> None:
    p = parse_page(page(f"Intro text of the page.\n\n{heading}\n\n{SUMMARY}\n\nLearning includes: a; b\n"))
    assert [e.heading_kind for e in p.entries] == [kind]
    assert p.entries[0].heading == heading


def test_citation_heading_gives_year_and_area() -> None:
    h = "Child I. Testshire: Testshire Safeguarding Children Board. Author, A (2014)"
    e = parse_page(page(f"{h}\n{SUMMARY}\n")).entries[0]
    assert (e.year, e.area, e.name) == (2014, "Testshire", "Child I")


@pytest.mark.parametrize("label,kind", [
    ("Learning:", "learning"), ("Learning includes:", "learning"),
    ("What we learned:", "learning"), ("What we can learn:", "learning"),
    ("Key messages:", "learning"), ("What this means for schools:", "learning"),
    ("Why it matters:", "discussion"), ("Actions from the review:", "recommendations"),
    ("Learning themes include:", "learning"), ("Learning focuses on:", "learning"),
    ("Learning include:", "learning"), ("includes:", "learning"), ("Key issues:", "learning"),
    ("Key issues: include:", "learning"), ("Issues identified include:", "learning"),
    ("Background:", "background"), ("Recommendations:", "recommendations"),
    ("Recommendations: include:", "recommendations"), ("Recommendations include:", "recommendations"),
    ("Recommendations to the partnership include:", "recommendations"),
    ("Model:", "model"), ("Keywords:", "keywords"),
    ("Learning and recommendations include:", "learning+recommendations"),
    # session 22: whom the learning is for, what should have been done, what the review told
    ("Learning for NHS staff:", "learning"), ("Key learning for DSLs:", "learning"),
    ("Learning from case one:", "learning"), ("What we should have done differently:", "learning"),
    ("What the review told us:", "learning"), ("Discussion questions:", "discussion"),
    ("Why a Learning Review was held:", "summary"),
])
def test_labels(label: str, kind: str) -> None:
    p = parse_page(page(f"2020 – Testshire – Child 17\n{SUMMARY}\n{label} first item; second item\n"))
    sections = p.entries[0].sections
    assert [s.kind for s in sections] == ["summary", kind]
    assert sections[1].label == label


def test_labels_inline_in_one_paragraph() -> None:
    text = f"2020 – Testshire – Child 17\n{SUMMARY} Learning: alpha; beta. Recommendations: gamma.\n"
    e = parse_page(page(text)).entries[0]
    assert [s.kind for s in e.sections] == ["summary", "learning", "recommendations"]
    assert [i.text for i in e.section("learning")[0].items] == ["alpha", "beta"]


def test_item_across_page_break_is_one_item() -> None:
    text = ("1. Serious case review: Child 17\n\n" + SUMMARY + "\n\nLearning includes: first item; "
            "a second item that runs across\n\nthe page break; and a third item.\n")
    e = parse_page(page(text)).entries[0]
    items = [i.text for i in e.section("learning")[0].items]
    assert items == ["first item", "a second item that runs across the page break", "a third item"]
    span = e.section("learning")[0].items[1].span
    assert text[span.start:span.end] == "a second item that runs across\n\nthe page break"


def test_sub_labels_become_addressees() -> None:
    text = ("2020 – Testshire – Child 17\n" + SUMMARY + "\nRecommendations: LA1 partnership: review "
            "the plan; audit the files; both partnerships: share the learning\n")
    items = parse_page(page(text)).entries[0].section("recommendations")[0].items
    assert [(i.text, i.addressee) for i in items] == [
        ("review the plan", "LA1 partnership"), ("audit the files", "LA1 partnership"),
        ("share the learning", "both partnerships")]


def test_recommendations_to_the_partnership_address_items() -> None:
    text = ("2020 – Testshire – Child 17\n" + SUMMARY
            + "\nRecommendations to the partnership include: audit the files; train the staff\n")
    items = parse_page(page(text)).entries[0].section("recommendations")[0].items
    assert [(i.text, i.addressee) for i in items] == [("audit the files", "the partnership"),
                                                      ("train the staff", "the partnership")]


def test_bulleted_list_under_a_bare_label() -> None:
    text = ("2020 – Testshire – Child 17\n" + SUMMARY + "\nLearning includes:\n- first point\n"
            "- second point\n• third point\nRecommendations:\n1) do this\n2) do that\n")
    e = parse_page(page(text)).entries[0]
    assert [i.text for i in e.section("learning")[0].items] == ["first point", "second point", "third point"]
    assert [i.text for i in e.section("recommendations")[0].items] == ["do this", "do that"]


def test_unlabelled_keyword_line_and_links() -> None:
    text = ("December 2013 - Testshire - Child 17\n" + SUMMARY + "\nRecommendations include: x1; y2.\n"
            "Substance misuse, pre-birth risk assessments, unknown men\n"
            "December 2013 - Testshire - Child 18\n" + SUMMARY + "\nRead the overview report\n")
    p = parse_page(page(text))
    assert len(p.entries) == 2
    kw = p.entries[0].section("keywords")[0]
    assert [i.text for i in kw.items] == ["Substance misuse", "pre-birth risk assessments", "unknown men"]
    assert p.entries[1].links == ["Read the overview report"]


def test_unknown_label_is_kept_and_reported() -> None:
    text = "2020 – Testshire – Child 17\n" + SUMMARY + "\nPractice points: something new here\n"
    p = parse_page(page(text))
    other = p.entries[0].section("other")
    assert other and "something new here" in other[0].text
    assert any("unknown label 'Practice points:'" in w for w in p.warnings)


def test_noise_never_becomes_an_entry() -> None:
    text = ("Skip to main content\nCase reviews\nSexual abuse\nLooked after children\n"
            "If you are worried about a child call our helpline on 0808 800 5000\n"
            "We use cookies on this site.\n\n" + "2020 – Testshire – Child 17\n" + SUMMARY + "\n"
            "Learning: one; two\nShare this page\n")
    p = parse_page(page(text))
    assert len(p.entries) == 1
    assert "cookie" not in p.entries[0].section("learning")[0].text.lower()
    assert "Share this page" not in p.entries[0].section("learning")[0].text


def test_navigation_item_above_a_paragraph_is_not_an_entry() -> None:
    text = ("Case reviews\nChildren in care\nThis page lists what we publish and how to find "
            "other resources on our website.\n\nBaby C\nA 7-week-old infant died in 2016 from "
            "injuries.\nLearning: one; two\n")
    p = parse_page(page(text))
    assert [e.heading for e in p.entries] == ["Baby C"]


def test_continuation_lines_are_never_noise_and_footers_are() -> None:
    text = ("2020 – Testshire – Child 17\n" + SUMMARY + "\nRecommendations include: train the "
            "staff and\n\nshare the learning through a practitioner newsletter; audit the cases.\n"
            "Registered charity England and Wales 216401. Scotland SC037717.\n")
    e = parse_page(page(text)).entries[0]
    items = [i.text for i in e.section("recommendations")[0].items]
    assert items == ["train the staff and share the learning through a practitioner newsletter",
                     "audit the cases"]


def test_page_date_from_title() -> None:
    p = parse_page(page("NSPCC Repository – May 2023\n\n1. Serious case review: Child 17\n\n"
                        + SUMMARY + "\n"))
    assert (p.year, p.month) == (2023, 5)
    assert (p.entries[0].year, p.entries[0].month) == (2023, 5)


def test_page_cut_off_after_a_heading_is_an_error() -> None:
    with pytest.raises(CasegraphError, match=r"synthetic.txt:line 3: entry '2020 – Testshire – Child 18'"):
        parse_page(page("2020 – Testshire – Child 17\n" + SUMMARY + "\n2020 – Testshire – Child 18\n"))


def test_split_items_respects_brackets() -> None:
    items = split_items(Span.of("use MAPPA (public protection; MARAC); then review", 0))
    assert [i.text for i in items] == ["use MAPPA (public protection; MARAC)", "then review"]


# ------------------------------------------- partnership layouts, session 19 (invented text)

BULLETIN = """[Invented test page]
Schools e-Bulletin | Issue 1

WELCOME
Thank you for reading this issue of the bulletin, which goes to every designated safeguarding lead in the area.

LEARNING FROM CHILD Q – LOCAL CHILD SAFEGUARDING PRACTICE REVIEW
Child Q was 14 when he was found in another county with drugs and cash, and he had been reported missing six times before that.
What schools can take from this review:
* Share what you know when a pupil moves school; do it on the day.
* Report missing episodes the same day.

TRAINING DATES
Network meetings are held online each term for all designated leads in the partnership area.

Our latest review concerns Ada, who was six when her school made a fourth referral about neglect of her care.
The review found that small concerns added up over several years.

NEWS FROM ELSEWHERE: BABY Z (YORK, LCSPR, 2022)
Baby Z died at eight weeks old after sleeping on a sofa with an adult who had been drinking that evening.
"""  # noqa: E501 (paragraphs are single long lines, as e-mail bulletins publish them)


def test_bulletin_with_capital_headings_and_a_paragraph_review() -> None:
    """Headings in capitals with no blank line under them, a review told in one paragraph that
    names its child, and a bracketed heading in capitals: three reviews, and the training dates
    and welcome end the review before them instead of joining it."""
    entries = parse_page(page(BULLETIN)).entries
    assert [e.name for e in entries] == ["Child Q", "Ada", "Baby Z"]
    child_q = entries[0]
    assert "Network meetings" not in " ".join(s.text for s in child_q.sections)
    learning = [s for s in child_q.sections if s.kind == "learning"]
    assert [len(s.items) for s in learning] == [2]  # a bullet's semicolon does not split it
    assert entries[1].sections[0].text.startswith("Our latest review concerns Ada")


ANNUAL = """[Invented test page]
Annual Report 2022 to 2023

Section 5: Learning from reviews

5.2 Local Child Safeguarding Practice Review: Child G
Child G was two when she was taken to hospital after swallowing medication prescribed to an adult in the home, and she recovered fully.

A second review, a multi-agency learning review published in March 2023, concerned a girl of fifteen known as Lily, who was abused online by an adult man.

The third review published this year was the serious case review about Baby N, who died suddenly at five weeks old in 2019.

Section 6: Membership
The executive is made up of the three statutory partners.
"""  # noqa: E501


def test_annual_report_reviews_told_in_paragraphs() -> None:
    """A numbered sub-heading and two paragraphs that introduce "a second" and "the third"
    review are three reviews; each keeps its own publication date before the report's."""
    entries = parse_page(page(ANNUAL)).entries
    assert [e.name for e in entries] == ["Child G", "Lily", "Baby N"]
    assert entries[1].year == 2023


BRIEFING = """[Invented test page]
Child R – Local Child Safeguarding Practice Review
Published: 3 March 2023

1. Background
Child R was a 10-year-old boy with diabetes who was admitted to hospital many times.

2. Why it matters
Children with long-term conditions rely on adults to manage their treatment.

6. Learning
- Missed appointments should prompt curiosity.
- A child must never interpret for a parent.

7. Actions from the review
- The trust will introduce a was-not-brought policy.
"""


def test_numbered_parts_of_a_briefing_are_labels_not_entries() -> None:
    """"6. Learning" and "7. Actions from the review" label parts of one review; "Why it matters"
    is discussion of practice, not a learning point and not the account of the case."""
    entries = parse_page(page(BRIEFING)).entries
    assert len(entries) == 1
    kinds = [s.kind for s in entries[0].sections]
    assert kinds == ["published", "background", "discussion", "learning", "recommendations"]
    assert [len(s.items) for s in entries[0].sections if s.kind != "discussion"][-2:] == [2, 1]


def test_table_row_wrapped_onto_a_second_line_is_one_review() -> None:
    """A long cell wrapped onto the next table line (its name cell empty) continues the row: the
    summary is whole, and quotes from its second line point at the page's own characters."""
    text = ("[Invented test page]\n| Name | Year | Summary | Key learning |\n|---|---|---|---|\n"
            "| Baby E | 2019 | Baby E died at three weeks old. The adults | Ask about every man |\n"
            "|  |  | used cannabis daily. | in a baby's life. |\n"
            "| Child T | 2023 | Child T was injured in the bath at 11 months. | Supervise baths. |\n")
    source = page(text)
    entries = parse_page(source).entries
    assert [e.name for e in entries] == ["Baby E", "Child T"]
    summary = entries[0].summary
    assert summary.text.endswith("used cannabis daily.")
    at = summary.text.index("cannabis")
    assert source.text[summary.source_offset(at):].startswith("cannabis")
    learning = next(s for s in entries[0].sections if s.kind == "learning")
    assert learning.span.text == "Ask about every man in a baby's life."


def test_reviews_told_in_plain_paragraphs_each_opening_with_the_name() -> None:
    """Paragraphs that open with a different child's name, one after another with no headings,
    are separate reviews; a later paragraph that names the same child again stays in its review."""
    text = ("[Invented test page]\nLearning from our reviews\n\n"
            "Child M, aged 4, died in 2021 after a long period of neglect at home.\n\n"
            "Child M's nursery had raised concerns twice.\n\n"
            "Baby K was injured in 2022; the review found that a bruise had been seen earlier.\n")
    entries = parse_page(page(text)).entries
    assert [e.name for e in entries] == ["Child M", "Baby K"]
    assert "nursery" in " ".join(s.text for s in entries[0].sections)


def test_one_child_opening_every_paragraph_is_one_review() -> None:
    text = ("[Invented test page]\nLearning briefing: Child M\n\n"
            "Child M, aged 4, died in 2021 after a long period of neglect at home.\n\n"
            "Child M's nursery had raised concerns twice about neglect.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child M"]


@pytest.mark.parametrize("heading,year,month,name", [
    ("03/03/2023 — Child O and Child P (LCSPR)", 2023, 3, "Child O and Child P (LCSPR)"),
    ("2021-11-30 — Baby N (serious case review)", 2021, 11, "Baby N (serious case review)"),
    ("21 June 2020 — Child T (serious case review)", 2020, 6, "Child T (serious case review)"),
])
def test_date_first_list_headings(heading: str, year: int, month: int, name: str) -> None:
    text = (f"[Invented test page]\nPublished reviews\n\n{heading}\nChild T died in 2019.\n\n"
            "1 May 2019 — Child Q (LCSPR)\nChild Q was injured in 2018.\n")
    first = parse_page(page(text)).entries[0]
    assert (first.year, first.month, first.name) == (year, month, name)


def test_faq_questions_and_symbol_headings_name_reviews() -> None:
    """An accordion's "[+]" questions and emoji headings are headings: those that name a child
    start reviews (with the area and year in their brackets), the others end them."""
    answer = " ".join(["The account continues with more detail about what happened."] * 2)
    text = ("[Invented test page]\nFrequently asked questions\n\n"
            "[+] What is a practice review?\n"
            f"A review is held when a child dies or is harmed. {answer}\n\n"
            "[+] What happened to Baby L, and when was her review published?\n"
            f"Baby L died in 2022. {answer}\n\n"
            "📌 From the archive: Baby R (Stockton-on-Tees serious case review, 2019)\n"
            f"Baby R was injured. {answer}\n")
    entries = parse_page(page(text)).entries
    assert [e.name for e in entries] == ["Baby L", "Baby R"]
    assert (entries[1].area, entries[1].year) == ("Stockton-on-Tees", 2019)
    assert entries[0].title.startswith("What happened")


def test_two_column_tab_table_with_a_described_name_cell() -> None:
    """A "Review / What we learned" table (one tab) whose review cell opens with "Name – Area –
    type (year)." and goes on with the summary."""
    text = ("[Invented test page]\nReview\tWhat we learned\n"
            "Maya – Southampton – LCSPR (2023). Maya, 15, was admitted to hospital after self-harm "
            "and waited weeks for a bed.\tAsk early; escalate delays.\n"
            "Baby U – Isle of Wight – serious case review (2019). Baby U was born at home without "
            "antenatal care.\tConcealed pregnancy needs a plan.\n")
    source = page(text)
    entries = parse_page(source).entries
    assert [(e.name, e.area, e.year) for e in entries] == [("Maya", "Southampton", 2023),
                                                           ("Baby U", "Isle of Wight", 2019)]
    summary = entries[0].summary
    assert summary.text.startswith("Maya, 15") and source.text[summary.start:].startswith("Maya, 15")


def test_committee_report_numbered_paragraphs_each_open_a_review() -> None:
    text = ("[Invented test page]\nLANCASHIRE COUNTY COUNCIL\nScrutiny Committee\n\n4. Reviews\n"
            "4.1 Two reviews are reported here.\n"
            "4.2 Child Y was a 15-year-old boy who was stabbed in 2022.\n"
            "4.3 The review was published in January 2024.\n"
            "4.4 Child Z, a baby, was admitted to hospital in 2023 with neglect.\n\n"
            "5. Financial implications\n5.1 There are none.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.area) for e in entries] == [("Child Y", "Lancashire"), ("Child Z", "Lancashire")]
    assert "Financial" not in " ".join(s.text for s in entries[1].sections)


def test_html_title_is_read_as_the_first_line() -> None:
    from casegraph.ingest.sources import html_to_text

    text = html_to_text("<html><head><title>Reviews | Testshire Safeguarding Children Partnership"
                        "</title></head><body><p>Body</p></body></html>")
    assert text.lstrip().startswith("Reviews | Testshire Safeguarding Children Partnership")


def test_html_title_that_repeats_the_h1_keeps_only_the_sites_name() -> None:
    """<title>Review published: "Jamie" – Testshire CPC</title> over <h1>Review published:
    "Jamie"</h1> is one review, titled by its h1; a breadcrumb is never its title."""
    from casegraph.ingest.sources import html_to_text

    html = ("<html><head><title>Learning Review published: \"Jamie\" – Testshire Child Protection "
            "Committee</title></head><body><div>Home &gt; News &gt; Learning Review published</div>"
            "<p>Invented test page.</p><h1>Learning Review published: \"Jamie\"</h1>"
            "<p>Posted on 28 August 2023</p><p>The committee has published a Learning Review into "
            "the abuse of a boy known as Jamie.</p><h2>Background</h2><p>In January 2022 Jamie "
            "told his teacher that his stepdad had hit him.</p></body></html>")
    text = html_to_text(html)
    assert text.lstrip().startswith("Testshire Child Protection Committee")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.name) for e in entries] == [('Learning Review published: "Jamie"', "Jamie")]


def test_name_headings_with_a_year_or_a_place() -> None:
    """"Child A (2021)" on a board's list gives the year; a numbered "Baby E — Cardiff and Vale,
    Wales" gives the area."""
    listed = parse_page(page("[Invented test page]\nOur reviews\n\nChild A (2021)\n"
                             "Child A, aged 3, was injured at home in 2020 by an adult.\n\n"
                             "Child B (2022)\nChild B, aged 5, died in 2021 after neglect.\n")).entries
    assert [(e.name, e.year) for e in listed] == [("Child A", 2021), ("Child B", 2022)]
    numbered = parse_page(page("[Invented test page]\nThree reviews\n\n"
                               "1. Baby E — Cardiff and Vale, Wales\nBaby E died in 2020.\n\n"
                               "2. Child F — Dundee, Scotland\nChild F died in 2019.\n")).entries
    assert [e.area for e in numbered] == ["Cardiff and Vale", "Dundee"]


def test_headings_between_rule_lines_in_boxes_and_after_email_headers() -> None:
    """Rule lines ("=====", "+----+") read as blank lines, so the heading between them is a
    heading; a text box's "| CASE STUDY 1 | Child H |" names Child H; e-mail headers ("To:",
    "Date:") are never a review; "Torbay: Ash and Rowan - ..." names the twins, not the area."""
    text = ("[Invented test page]\nFrom: Business Unit <unit@example.invalid>\n"
            "To: Partnership distribution list\nDate: Thu, 16 May 2024 09:12\n\n"
            "==========\nBRIEFING 1: Ada – Multi-agency Learning Review\n==========\n"
            "Ada was nine when she was found to have been neglected at home for years.\n\n"
            "+----------------------------------+\n| CASE STUDY 2 | Child H (2023) |\n"
            "+----------------------------------+\nChild H was injured in 2022 after swallowing "
            "tablets that an adult had left out.\n\n"
            "*** Torbay: Ash and Rowan - Local Child Safeguarding Practice Review ***\n\n"
            "Ash and Rowan are twins who were injured in 2023.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Ada", "Child H", "Ash and Rowan"]


def test_exported_records_with_title_fields() -> None:
    text = ("[Invented test page]\nREVIEW RECORDS\n\nRECORD 1\nTitle: Child T\n"
            "Review type: Local child safeguarding practice review\nPublished: 2023\n"
            "Case account: Child T was hit at home in 2022.\n\nRECORD 2\nTitle: Kit\n"
            "Review type: Multi-agency learning review\nPublished: 2024\n"
            "Case account: Kit was a young carer who was neglected in 2023.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.year) for e in entries] == [("Child T", 2023), ("Kit", 2024)]


def test_a_link_naming_a_child_is_not_a_heading() -> None:
    text = ("[Invented test page]\nOur reviews\n\nChild R was injured in 2012 after months of "
            "neglect that several agencies had seen.\n\nRead the Child R overview report\n\n"
            "Child S died in 2010 after an assault by an adult she knew.\n")
    source = page(text)
    result = parse_page(source)
    assert [e.name for e in result.entries] == ["Child R", "Child S"]
    assert not result.warnings


def test_siblings_named_together_in_the_title_stay_one_review() -> None:
    text = ("[Invented test page]\nLearning briefing: Child E and Child F\n\n"
            "Child E, aged 6, was neglected at home for several years.\n\n"
            "Child F, aged 4, was also neglected and was admitted to hospital in 2021.\n")
    assert len(parse_page(page(text)).entries) == 1


# ------------------------------------------------- document layouts (session 20, devlocal6/7)

def test_a_pdf_extract_keeps_the_review_title_above_executive_summary() -> None:
    """A PDF's running header ("OFFICIAL", "Page 1 of 9") is furniture, and "Executive Summary"
    under the review's title names the document's part, not the review."""
    text = ("[Invented test page]\n\nOFFICIAL\nTestshire Safeguarding Children Partnership\n"
            "Local Child Safeguarding Practice Review: Child R\nExecutive Summary\n\n"
            "Published: 14 May 2025\n\n          Page 1 of 9\n"
            "OFFICIAL                      Testshire Safeguarding Children Partnership\n\n"
            "1. Background\n\n1.1 Child R, aged 14 months, was injured at home in 2024.\n")
    (entry,) = parse_page(page(text)).entries
    assert (entry.title, entry.name, entry.year) == (
        "Local Child Safeguarding Practice Review: Child R", "Child R", 2025)
    assert "OFFICIAL" not in " ".join(s.text for s in entry.sections)


def test_a_newsletter_names_reviews_in_capitals_and_lists_training_by_topic() -> None:
    """"Child exploitation: an introduction" is a training course, not a child; a heading in
    capitals may name two children ("CHILDREN L AND M")."""
    text = ("[Invented test page]\nTestshire newsletter\n\n=====\nTRAINING DATES\n=====\n"
            "Child exploitation: an introduction – 15 May (online)\nSafer sleep – 11 June\n\n"
            "=====\nLEARNING FROM REVIEWS: CHILD K\n=====\n"
            "Child K, aged 2, was harmed after swallowing methadone in 2023.\n\n"
            "=====\nLEARNING FROM REVIEWS: CHILDREN L AND M\n=====\n"
            "Child L and Child M were sexually abused by a man who stayed at weekends.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child K", "Children L and M"]


def test_a_national_review_of_children_named_together_is_one_review() -> None:
    text = ("[Invented test page]\nNational review: Children J, P and W\n\n"
            "Child J, from Testshire, was 4 months old when she was killed in 2023.\n\n"
            "Child P, from Exampleton, suffered inflicted head injuries in 2023.\n\n"
            "Child W, from Sampleford, died in hospital in 2023 after being shaken.\n")
    assert len(parse_page(page(text)).entries) == 1


def test_a_press_statement_under_a_news_breadcrumb_is_read_as_one_review() -> None:
    text = ("News | Testshire Safeguarding Children Partnership\nPublished: 7 September 2023\n\n"
            "[Invented test page]\n\nThe partnership has published a review following the death "
            'of a baby, referred to in the report as "Ada".\n\nAda drowned in the bath in 2022.\n')
    (entry,) = parse_page(page(text)).entries
    assert (entry.name, entry.year, entry.area) == ("Ada", 2023, "Testshire")


@pytest.mark.parametrize("top,area", [
    ("Keeping Testshire Safe Partnership", "Testshire"),
    ("Safeguarding Children Partnership for Exampleton City", "Exampleton City"),
])
def test_partnership_names_of_other_shapes_give_the_area(top: str, area: str) -> None:
    text = (f"{top}\n\n[Invented test page]\n\n1. Child O - Serious Case Review (2020)\n"
            "Child O died in 2019 after a dog attack.\n\n"
            "2. Child Q - Serious Case Review (2018)\nChild Q was neglected at home.\n")
    assert {e.area for e in parse_page(page(text)).entries} == {area}


def test_a_board_label_gives_the_area() -> None:
    text = ("[Invented test page]\nRecently published\n\nChild Q: serious case review\n"
            "Publication date: 2019\nLocal Safeguarding Children Board: Testshire\n\n"
            "Death of a baby in 2018.\n\nChild R: serious case review\nPublication date: 2019\n"
            "Local Safeguarding Children Board: Exampleton\n\nNeglect of a girl.\n")
    assert [e.area for e in parse_page(page(text)).entries] == ["Testshire", "Exampleton"]


def test_a_link_named_after_its_document_is_not_a_review(tmp_path: Path) -> None:
    """A Markdown link line keeps only its text, which reads like a heading naming a child."""
    from casegraph.ingest.sources import read_source

    md = tmp_path / "reviews.md"
    md.write_text("[Invented test page]\n\n# Our reviews\n\n## Baby N – Serious Case Review (2019)\n\n"
                  "**Summary:** Baby N died suddenly in 2018 while sharing a sofa with his father.\n\n"
                  "[Serious Case Review: Baby N – overview report](/docs/baby-n.pdf)\n\n---\n\n"
                  "## Jay – Multi-agency learning review (2023)\n\n"
                  "**Summary:** Jay, aged 16, was stabbed in a park in 2022.\n", encoding="utf-8")
    titles = [e.title for e in parse_page(read_source(md)).entries]
    assert titles == ["Baby N – Serious Case Review (2019)", "Jay – Multi-agency learning review (2023)"]


# ------------------------------------------------- pages saved from websites (devlocal8)

def test_a_welsh_boards_bulleted_list_by_review_reference() -> None:
    text = ("Testshire Safeguarding Board\n[Invented test page]\n\nChild Practice Reviews\n\n"
            "Child Practice Reviews are carried out under the Act.\n\n"
            "  • CPR 03/2021 – Concise – published 12.05.2022\n"
            "    A toddler, aged 22 months, was admitted to hospital with dehydration.\n\n"
            "  • CPR 07/2020 – Extended – published 01.09.2021\n"
            "    A 12 year old girl was assaulted by her mother's partner in 2020.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.year, e.month) for e in entries] == [
        ("CPR 03/2021 – Concise – published 12.05.2022", 2022, 5),
        ("CPR 07/2020 – Extended – published 01.09.2021", 2021, 9)]


def test_an_archive_of_one_line_entries() -> None:
    text = ("Testshire Safeguarding Children Partnership\n[Invented test page]\n\nArchive of reviews\n\n"
            "Child F (2017) – serious case review – neglect, parental substance misuse\n"
            "Siblings S and T (2016) – serious case review – sexual abuse by a family friend\n"
            "Baby Z (2015) – serious case review – drowning in the bath\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year) for e in entries] == [
        ("Child F", 2017), ("Siblings S and T", 2016), ("Baby Z", 2015)]


def test_accordion_headings_whose_child_the_text_names_again() -> None:
    """"Child A – 2022 [+]" above a bare "Background" label: the child is named again below."""
    text = ("Case reviews – Testshire Safeguarding Together\n\n[Invented test page]\n\n"
            "Show all sections\n\nChild A – 2022 [+]\n\nBackground\n\n"
            "Child A was a girl of nearly four who lived with her mother.\n\n"
            "Child B – 2022 [+]\n\nBackground\n\nChild B, a 16 year old boy, was known to "
            "the youth offending team.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year, e.area) for e in entries] == [
        ("Child A", 2022, "Testshire"), ("Child B", 2022, "Testshire")]


def test_topics_named_after_children_and_guidance_about_reviews_are_not_reviews() -> None:
    text = ("[Invented test page]\nSearch results\n\nChild Practice Reviews\n"
            "Child Practice Reviews are carried out under the Social Services Act 2014.\n\n"
            "1. Child K – Serious Case Review\nChild K died in 2019 after neglect.\n\n"
            "2. Rapid Review Guidance for Partners\nA rapid review must be completed in 15 days.\n\n"
            "3. Child L – Serious Case Review\nChild L was injured in 2020.\n")
    assert [e.title for e in parse_page(page(text)).entries] == [
        "Child K – Serious Case Review", "Child L – Serious Case Review"]


def test_a_review_introduced_in_a_wrapped_paragraph_beside_one_told_in_prose() -> None:
    text = ("[Invented test page]\n5. Case reviews\n\nTwo reviews were published.\n\n"
            "Child E was a 17-year-old who was killed in a knife attack in 2020.\n\n"
            "The second review concerned twins, Child G and Child H, aged 18 months, who were\n"
            "found living in conditions of serious neglect in 2021.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child E", "Child G and Child H"]


@pytest.mark.parametrize("heading,area,year", [
    ("Testshire: Child L (LCSPR, 2025)", "Testshire", 2025),
    ("Exampleton | Child N | LCSPR | published May 2026", "Exampleton", 2026),
    ("New: Child W — local child safeguarding practice review", None, None),  # not an area
    # (session 37) the national Panel's name in brackets: a body, no place (before: "Panel")
    ("National review: Child T (Child Safeguarding Practice Review Panel)", None, None),
])
def test_an_area_before_the_childs_name_in_a_heading(heading: str, area: str | None,
                                                     year: int | None) -> None:
    from casegraph.ingest.document import heading_fields

    fields = heading_fields(heading)
    assert (fields.get("area"), fields.get("year")) == (area, year)


def test_a_name_heading_with_its_year_after_a_dash() -> None:
    text = ("[Invented test page]\nCase reviews\n\nChild T — 2019 SCR\n"
            "Child T, aged 3, died in 2018 after a long period of neglect at home.\n")
    (entry,) = parse_page(page(text)).entries
    assert entry.year == 2019


@pytest.mark.parametrize("text,items", [
    ("1. Ensure records transfer. 2. Health visitors to follow up. 3. Refresh the guidance.",
     ["Ensure records transfer", "Health visitors to follow up", "Refresh the guidance"]),
    ("1) Housing to notify health visiting; 2) the partnership to write to the Home Office.",
     ["Housing to notify health visiting", "the partnership to write to the Home Office"]),
    ("The review made 3. Recommendations followed.", ["The review made 3. Recommendations followed"]),
])
def test_a_numbered_list_written_on_one_line(text: str, items: list[str]) -> None:
    assert [i.span.text for i in split_items(Span.of(text, 0))] == items


# ------------------------------------------------- hard-to-separate pages (devlocal10)

def test_reviews_in_a_forwarded_email_are_read_through_its_quote_marks() -> None:
    text = ("[Invented test page]\nFrom: Practice Team <team@example.org>\nSubject: digest\n\n"
            "> ---------- Forwarded message ----------\n> From: Testshire Safeguarding Children "
            "Partnership\n> Published 8 February 2024\n>\n"
            "> Child GG: local child safeguarding practice review\n> Child GG was 4 years old when "
            "he was found with serious injuries to his head.\n>\n"
            "> Child HH: local child safeguarding practice review\n> Child HH, aged 17, was "
            "sexually assaulted by a family friend in 2023.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.year) for e in entries] == [
        ("Child GG: local child safeguarding practice review", 2024),
        ("Child HH: local child safeguarding practice review", 2024)]
    assert not any(">" in s.text for e in entries for s in e.sections)


def test_reviews_numbered_by_the_page_and_a_bold_heading_between_them() -> None:
    text = ("[Invented test page]\nPractice reviews published in 2021\n\nReview 1 of 3\n"
            "Child W was nearly three years old when he was admitted to hospital, neglected.\n\n"
            "**Child X - extended child practice review**\nChild X, a girl of 12, disclosed that "
            "her stepfather had sexually abused her.\n\nReview 3 of 3\n"
            "Baby Y died aged 10 days while sharing a bed with her mother.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.name) for e in entries] == [
        ("Review 1 of 3", "Child W"), ("Child X - extended child practice review", None),
        ("Review 3 of 3", "Baby Y")]


def test_a_breadcrumb_naming_a_review_is_not_a_review() -> None:
    text = ("[Invented test page]\nTestshire Child Protection Committee\n\n"
            "Home > Learning Reviews > Child P and Child Q\n\n"
            "LEARNING REVIEW: CHILD P\n\nChild P, aged 4, was neglected at home for two years.\n\n"
            "LEARNING REVIEW: CHILD Q\n\nChild Q, aged 9, was sexually abused by a neighbour.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child P", "Child Q"]


def test_a_table_saved_one_cell_per_line() -> None:
    text = ("[Invented test page]\nTestshire Safeguarding Children Partnership\nPublished reviews\n"
            "On this page\n  • The child and family\n  • What happened\n  • Key findings\n\n"
            "Review\nPublished\nSummary\nChild Z\nMarch 2020\n"
            "Serious case review. Child Z, aged 4, was physically abused by a lodger.\n"
            "Child AA\nOctober 2019\nSerious case review. Child AA, 17, died by suicide in 2018.\n"
            "Download all summaries (PDF, 240KB)\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year, e.month) for e in entries] == [("Child Z", 2020, 3), ("Child AA", 2019, 10)]


def test_reviews_whose_headings_take_different_forms_on_one_page() -> None:
    """Headings above a bare "Published 2022" line are records; a review whose heading has another
    form ("MALR – Baby U (2023)") beside them is found too, and a Welsh reference with the year
    first ("CPR 2021/03") is a reference."""
    text = ("Testshire Safeguarding Board\n[Invented test page]\n\n"
            "CPR 2021/03 – Concise Child Practice Review – Child S\nPublished 2021\n"
            "Child S, aged 6 months, was found to have inflicted rib fractures in 2020.\n\n"
            "Extended CPR – Child T\nPublished 2022\n"
            "Child T, aged 10, had been on the child protection register for neglect.\n"
            "Learning:\n1. Disguised compliance must be recognised.\n\n"
            "MALR – Baby U (2023)\nBaby U, aged 3 months, died in the early hours of New Year's "
            "Day 2022 after co-sleeping with both parents, who had been drinking.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.year) for e in entries] == [
        ("CPR 2021/03 – Concise Child Practice Review – Child S", 2021),
        ("Extended CPR – Child T", 2022), ("MALR – Baby U (2023)", 2023)]


def test_a_rapid_review_whose_account_names_no_injury_word() -> None:
    """"RR3 - Child S" above an account that names the child again (and tells of swallowing
    methadone, not of an injury) is a review like its neighbours."""
    text = ("[Invented test page]\nTestshire Safeguarding Children Partnership\nRapid reviews\n\n"
            "RR1 - Baby Q\nBaby Q, aged 7 weeks, died in June 2023 after sleeping on a sofa with "
            "his father, who had been drinking heavily that evening.\n\n"
            "RR3 - Child S\nChild S (girl, two years and three months) swallowed her mother's "
            "methadone in October 2023 and was treated in intensive care.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Baby Q", "Child S"]


def test_welsh_headings_name_the_child_as_plentyn() -> None:
    text = ("[Invented test page]\nBwrdd Diogelu Testshire | Testshire Safeguarding Board\n\n"
            "Adolygiad Ymarfer Plant Estynedig - Plentyn CC (2022)\nChild CC was a 2-year-old girl "
            "who suffered a broken leg and burns that were found to be non-accidental in 2021.\n\n"
            "Adolygiad Ymarfer Plant Cryno - Plentyn DD (2023)\nPlentyn DD, aged 14 years, was "
            "sexually exploited by adults she met online in 2022 and went missing from home.\n")
    assert [(e.name, e.year) for e in parse_page(page(text)).entries] == [
        ("Plentyn CC", 2022), ("Plentyn DD", 2023)]


def test_news_headlines_over_paragraphs_that_introduce_each_child() -> None:
    text = ("EASTERN ECHO\n[Invented test page]\nThursday 15 June 2023\n\n"
            "Three case reviews published this month\n\n"
            "Teenager exploited while living in care\nA 17-year-old girl known as Child Q was "
            "sexually exploited by a group of adult men while living in a children's home.\n\n"
            "Baby's brain injury\nTestshire County Council said lessons had been learned after a "
            "review into a baby boy, Baby G, who suffered an inflicted head injury in 2021.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child Q", "Baby G"]


def test_a_page_title_above_its_publication_date_is_not_a_review() -> None:
    text = ("Testshire Safeguarding Children Partnership\nLEARNING DIGEST – Winter edition\n"
            "Published 9 December 2024\n[Invented test page]\n\n"
            "-- Ada – Local Child Safeguarding Practice Review (LCSPR) --\nThis review concerns "
            "Ada, aged 2 years 4 months, who was admitted to hospital after swallowing methadone.\n\n"
            "-- Child R – MALR (2024) --\nChild R, aged 9, was neglected at home for several years "
            "and was admitted to hospital malnourished in 2023.\n")
    assert [(e.name, e.title) for e in parse_page(page(text)).entries] == [
        ("Ada", "Ada – Local Child Safeguarding Practice Review (LCSPR)"),
        ("Child R", "Child R – MALR (2024)")]


def test_a_reading_list_of_references_to_reviews() -> None:
    text = ("[Invented test page]\nModule 4 reading list\n\n"
            "Testshire Safeguarding Children Partnership (2022) Child P: local child safeguarding "
            "practice review. Testtown: TSCP.\n   Child P, aged two, suffered a scald and neglect.\n\n"
            "Exampleton Safeguarding Children Board (2018) Serious case review: Sibling Group D. "
            "Exampleton: ESCB.\n   Concerns three children whose father drank heavily.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year, e.area) for e in entries] == [
        ("Child P", 2022, "Testshire"), ("Sibling Group D", 2018, "Exampleton")]


def test_an_inspection_reports_numbered_paragraphs_introduce_two_reviews() -> None:
    text = ("[Invented test page]\nJoint inspection letter\n\n"
            "32. The first, \"Baby H\" (published 2022), concerned a 4-month-old girl who died in a\n"
            "co-sleeping incident on a sofa in January 2021 after her parents had been drinking.\n\n"
            "33. Learning from Baby H has led to a safer sleep campaign.\n\n"
            "34. The second review, \"Amira\" (published 2023), considered the experiences of a\n"
            "13-year-old girl who was harmed by years of living with domestic abuse.\n")
    assert [(e.name, e.year) for e in parse_page(page(text)).entries] == [
        ("Baby H", 2022), ("Amira", 2023)]


@pytest.mark.parametrize("field", ["Our ref: FOI/2022/1187", "Independent Reviewer: [name withheld]"])
def test_a_letters_fields_are_not_reviews(field: str) -> None:
    text = (f"[Invented test page]\nTestshire Council\n\n{field}\nDate: 3 March 2022\n\n"
            "Dear requester,\n\nChild M, aged 4, died in 2021 after a long period of neglect at home.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child M"]


def test_a_review_librarys_cards_and_a_timelines_years() -> None:
    text = ("Testshire Safeguarding Children Multi-Agency Partnership\n[Invented test page]\n\n"
            "┌──────────────────────┐\nLeo | 2018 | SCR | Read more\nLeo was a baby of five weeks "
            "who died after being given methadone.\n└──────────────────────┘\n\n"
            "=== 2019 ===\n\nSibling group S — serious case review\nFour children were found "
            "living in squalor with little food and were neglected.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.year, e.area) for e in entries] == [
        ("Leo | 2018 | SCR | Read more", 2018, "Testshire"),
        ("Sibling group S — serious case review", 2019, "Testshire")]


def test_a_numbered_name_a_question_over_a_date_and_siblings_named_together() -> None:
    """"2. Jay" over a line that names Jay is a review; a briefing's question over its footer
    date is not; "5.4 Siblings F and G" names two children."""
    text = ("[Invented test page]\nTestshire Safeguarding Children Partnership\n\n"
            "1. Child P (2020)\nChild P, aged 3, was neglected at home for two years.\n\n"
            "2. Jay\nA review published in 2019 about Jay, aged 16, who was stabbed in 2019.\n")
    assert [e.title for e in parse_page(page(text)).entries] == ["Child P (2020)", "Jay"]
    brief = ("7 MINUTE BRIEFING\n[Invented test page]\nSILP review - Child E\n\n"
             "Child E, a 13-year-old girl, took an overdose and was admitted to hospital.\n\n"
             "Questions for practitioners\nDo you check in with young people while they wait?\n\n"
             "Published: March 2021\n")
    assert [e.name for e in parse_page(page(brief)).entries] == ["Child E"]


def test_a_conference_programmes_sessions_that_present_reviews() -> None:
    text = ("TESTSHIRE SAFEGUARDING CHILDREN PARTNERSHIP\nAnnual Learning Conference\n"
            "[Invented test page]\n\n09:30  Registration and coffee\n\n"
            "10:00  Session 1 — \"Jade\": learning from a Testshire LCSPR (published 2023)\n"
            "       Jade was 17 when she was killed by her boyfriend in August 2022.\n\n"
            "12:30  Lunch and marketplace stalls\n\n"
            "13:30  Session 3 — Workshop: Child D, a multi-agency learning review (2022)\n"
            "       Child D, aged three, swallowed ecstasy tablets and needed intensive care.\n")
    assert [(e.name, e.year) for e in parse_page(page(text)).entries] == [
        ("Jade", 2023), ("Child D", 2022)]


def test_a_row_of_cells_without_a_link_is_not_a_card() -> None:
    """"Child A | 2019 | SCR | Neglect" with no "Read more" may be a table row: only a card that
    ends with its link starts a review by itself."""
    from casegraph.ingest.parse import _CARD_HEADING

    assert _CARD_HEADING.match("Leo | 2018 | SCR | Read more")
    assert not _CARD_HEADING.match("Child A | 2019 | SCR | Neglect and parental drug use")


# ------------------------------------------------ session 21: devlocal16-19 layouts (issue 15)


def test_numbered_reviews_named_by_child_or_by_area() -> None:
    """"Case vignette 1: Sam" names the child its text names again; "Review 2 — Highland" over
    a text that never repeats it names the area; the page's "Published: 22/10/2024" dates both."""
    text = ("[Invented test page]\nTestshire Inspectorate\n\n"
            "Learning from learning reviews: summaries of the reviews that were notified to us this year\n"
            "Published: 22/10/2024\n\n"
            "Case vignette 1: Sam\nSam was 15 when he was stabbed near his school in 2023.\n\n"
            "Review 2 — Highland\nThe child: a girl, 13. She was sexually abused by a lodger.\n")
    entries = parse_page(page(text)).entries
    # "" names no child: the whole heading is the title, so two reviews of one area stay apart
    assert [(e.name, e.title, e.area, e.year) for e in entries] == [
        ("Sam", "Sam", None, 2024), ("", "Review 2 — Highland", "Highland", 2024)]


def test_a_bilingual_label_and_a_review_that_names_its_child_by_a_letter() -> None:
    """"Cyhoeddwyd / Published: 2020" and "Dysgu / Learning:" are labels; "The review concerned
    C, a girl aged 6" names C."""
    text = ("[Invented test page]\nTestshire Safeguarding Board\n\n"
            "CTSB 1/2023 – Concise Child Practice Review\n\n"
            "Cyhoeddwyd / Published: Medi 2024 / September 2024\n\n"
            "Crynodeb / Summary: Child B, a 15-year-old girl, took an overdose in April 2023.\n\n"
            "Dysgu / Learning:\n• Schools and GPs should share concerns.\n\n"
            "CTSB 3/2020 – Concise Child Practice Review\n\n"
            "Cyhoeddwyd / Published: 2020\n\n"
            "Crynodeb / Summary: The review concerned C, a girl aged 6, who was neglected for years.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year) for e in entries] == [("Child B", 2024), ("C", 2020)]
    assert [s.kind for s in entries[0].sections] == ["published", "summary", "learning"]


def test_a_report_cover_in_capitals_names_the_child() -> None:
    text = ("Testshire Child Protection Committee      OFFICIAL\n[Invented test page]\n\n"
            "LEARNING REVIEW\nYOUNG PERSON S\nEXECUTIVE SUMMARY\n\nJune 2024\n\n"
            "1. INTRODUCTION\n\n1.1 The review concerns S, a young person who was 16 years old and "
            "was exploited by adult men.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Young Person S"]


def test_headings_over_a_line_of_facts_a_kicker_or_a_wrapped_paragraph() -> None:
    """"Learning Briefing: Leah (14) – ..." over "Local learning review | Published June 2023";
    "CASE REVIEW SPOTLIGHT 2" over the heading proper; "7.2 Rapid review – young person "Ellis""
    over a paragraph wrapped at 90 characters: each starts its review."""
    briefings = ("[Invented test page]\nTestshire Partnership › Learning\n\n"
                 "Learning Briefing: Leah (14) – online grooming, missing and self-harm\n"
                 "Local learning review | Published June 2023\n\nBackground\n"
                 "Leah is a 14 year old girl who was groomed online and sexually abused.\n\n"
                 "Learning Briefing: Tyler (15) – exclusion and a serious assault\n"
                 "Local learning review | Published June 2023\n\nBackground\n"
                 "Tyler is a 15 year old boy who was assaulted and robbed by older youths.\n")
    assert [e.name for e in parse_page(page(briefings)).entries] == ["Leah", "Tyler"]
    bulletin = ("[Invented test page]\nTESTSHIRE SCHOOLS BULLETIN\n\n"
                "CASE REVIEW SPOTLIGHT 1\nHarmful sexual behaviour: learning from \"Child P\"\n\n"
                "Child P, a 12-year-old girl, was sexually assaulted in a school toilet.\n\n"
                "CASE REVIEW SPOTLIGHT 2\nSuspended, part-time, then missing: \"Rory\" (learning review)\n\n"
                "Rory, 14, was missing eleven times and was found with older males.\n")
    assert [e.name for e in parse_page(page(bulletin)).entries] == ["Child P", "Rory"]
    minutes = ("[Invented test page]\nTESTSHIRE YOUTH JUSTICE BOARD\n\n"
               "7.1 LCSPR \"Marcus\" (publication planned June 2023)\n"
               "The business manager presented the findings of the review about Marcus, aged 16,\n"
               "who was fatally stabbed by a 17-year-old in September 2022 near his home.\n\n"
               "7.2 Rapid review – young person \"Ellis\"\n"
               "Ellis (17, male) was arrested in January 2023 in possession of crack cocaine\n"
               "concealed internally and was found to be a victim of criminal exploitation.\n")
    assert [e.name for e in parse_page(page(minutes)).entries] == ["Marcus", "Ellis"]


def test_list_items_a_byline_and_a_word_in_capitals_start_no_review() -> None:
    """A bulleted reason ("• Section 47 (Children Act 1989) enquiries were not begun ...") is
    text of the review above it; "By our court reporter" over "Published: ..." is no record;
    "LIVE" over a headline is no child's name."""
    text = ("[Invented test page]\nReviews\n\nChild R - Serious Case Review\n\n"
            "The review found Child R was not protected from harm while in hospital.\n\n"
            "The reasons for this include:\n\n"
            "  • Section 47 (Children Act 1989) enquiries were not begun promptly once concerns arose\n"
            "  • chances to assess how his parents cared for him, and to reduce any risk, were missed\n")
    entries = parse_page(page(text)).entries
    assert [e.title for e in entries] == ["Child R - Serious Case Review"]
    assert "Section 47" in " ".join(s.text for s in entries[0].sections)
    news = ("Testshire Evening Courier\n[Invented test page]\n\nCOURT\n\n"
            "Father jailed after shaking baby son\n\nBy our court reporter\n"
            "Published: 14:32, 03 March 2023\n\n"
            "The little boy, referred to throughout the trial as Baby N, was rushed to hospital "
            "with bleeding on the brain. Baby N is now cared for by relatives.\n")
    assert [e.name for e in parse_page(page(news)).entries] == ["Baby N"]
    live = ("Testshire Online\n[Invented test page]\n\nLIVE\n"
            "Baby A review LIVE: partnership publishes report into 10-month-old's death\n\n"
            "The review into the death of Baby A, who died aged 10 months, is published today.\n")
    assert [e.title for e in parse_page(page(live)).entries] == [
        "Baby A review LIVE: partnership publishes report into 10-month-old's death"]


@pytest.mark.parametrize("sentence", [
    "Learning focused on sharing information when families move.",
    "The review's main learning is that every home visit should ask who lives there.",
    "The key lessons were about fathers and about bruising in babies.",
])
def test_a_sentence_that_states_the_learning_is_a_learning_point(sentence: str) -> None:
    text = ("[Invented test page]\nTestshire Safeguarding Children Partnership\n\n"
            "6.2.4 Child W (published February 2023)\n"
            f"W is a 15-year-old boy who was exploited by a gang and stabbed in 2022. {sentence}\n")
    entries = parse_page(page(text)).entries
    assert [len(s.items) for e in entries for s in e.sections if s.kind == "learning"] == [1]


@pytest.mark.parametrize("body,area", [
    ("Lancashire Children's Safeguarding Assurance Partnership", "Lancashire"),
    ("LSCP Leeds Safeguarding Children Partnership", "Leeds"),
    ("Bradford Children and Families Safeguarding Partnership", "Bradford"),
    ("Norfolk Safeguarding Children Board", "Norfolk"),
    # (session 73) a printout's header, the report's number in a column before the body's name
    ("RPT-114                 TESTSHIRE CHILDREN'S SAFEGUARDING ASSURANCE PARTNERSHIP          PAGE    1",
     "Testshire"),
])
def test_the_area_a_partnerships_name_gives(body: str, area: str) -> None:
    from casegraph.ingest.document import area_of_body

    assert area_of_body(body) == area


def test_an_area_field_that_names_a_partnership_gives_its_area() -> None:
    text = ("[Invented test page]\nReview record\n\nTitle: Child T\nPartnership: Cumbria "
            "Safeguarding Children Partnership\nPublished: 2022\nSummary: Child T, aged 3, was "
            "neglected at home for two years.\n")
    assert [e.area for e in parse_page(page(text)).entries] == ["Cumbria"]


@pytest.mark.parametrize("heading,date", [
    ("1. Child P (2020)", (2020, None)),
    ("Child LB – Overview report – March 2017", (2017, 3)),
    ("Child LE – published 09.11.2018", (2018, 11)),
    ("4. Baby X - Local Child Safeguarding Practice Review - 2021", (2021, None)),
    ("Child A – neglect and parental drug use", (None, None)),
])
def test_the_date_a_heading_gives(heading: str, date: tuple) -> None:
    from casegraph.ingest.parse import heading_date

    assert heading_date(heading) == date


def test_a_numbered_heading_dates_its_review() -> None:
    text = ("[Invented test page]\nTestshire reviews archive\n\n"
            "1. Child K - Serious Case Review - June 2018\nChild K, aged 4, was neglected for years.\n\n"
            "2. Family Z - Serious Case Review - March 2019\nThree children were neglected at home.\n")
    assert [(e.year, e.month) for e in parse_page(page(text)).entries] == [(2018, 6), (2019, 3)]


def test_a_newsletters_reviews_named_after_their_kind_and_its_partnership_in_a_furniture_line() -> None:
    """"Local child safeguarding practice review: Kai" names Kai; "Welcome" over the editor's
    note is no child; the partnership named in "The newsletter of ..." (a line kept out of the
    content) is the reviews' area."""
    text = ("[Invented test page]\nSAFEGUARDING MATTERS\nThe newsletter of the Testshire "
            "Safeguarding Children Partnership\n\nWelcome\nWelcome to the spring 2022 edition, "
            "in which we share learning from two reviews.\n\n"
            "Local child safeguarding practice review: Kai\nPublished February 2022. Kai was 6 "
            "months old when he was admitted to hospital with bruising to his face and a fracture.\n\n"
            "Local learning review: Child MR\nPublished March 2022. Child MR, aged 15, was admitted "
            "to hospital after an overdose and had been self-harming for a year.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.area) for e in entries] == [("Kai", "Testshire"), ("Child MR", "Testshire")]


def test_a_librarys_record_with_a_header_row_of_fields() -> None:
    """"Baby Q" over "Area | Year | Type" and its row of values: one review per record, its
    area, year and type read from the row; "Topics:" is its keyword line."""
    text = ("[Invented test page]\nCase review library: reviews added in 2019\n\n"
            "Baby Q\nArea | Year | Type\nTestshire | 2019 | Serious case review\n"
            "Overview: Baby Q, a 5-month-old girl, had a skull fracture in April 2017.\n"
            "Topics: head injuries, bruising\n\n"
            "Sam\nArea | Year | Type\nOtherby | 2018 | Multi-agency learning review\n"
            "Overview: Sam, a 2-year-old boy, was bitten by a dog in March 2017.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.area, e.year) for e in entries] == [
        ("Baby Q", "Testshire", 2019), ("Sam", "Otherby", 2018)]
    assert [s.kind for s in entries[0].sections] == ["area", "published", "model", "summary", "keywords"]


def test_a_table_of_contents_starts_no_review_and_a_kind_then_a_name_does() -> None:
    """"3. Review published: Child H" over "4. Seven-minute briefing: Sam" is a newsletter's
    contents; the same lines further down, over text, are its reviews; "Multi-agency learning
    review - Kian" names Kian."""
    text = ("[Invented test page]\nSAFEGUARDING MATTERS\n\nIn this issue\n1. Welcome\n"
            "2. Review published: Child H\n3. Seven-minute briefing: Sam\n4. Training dates\n\n"
            "1. Welcome\n\nWelcome to the spring edition of the bulletin for 2022.\n\n"
            "2. Review published: Child H\n\nThis month we published a review about Child H, a "
            "14-year-old girl who was sexually exploited.\n\n3. Seven-minute briefing: Sam\n\n"
            "A briefing summarises the review about Sam. At 11 weeks old, Sam had a bruise.\n\n"
            "4. Training dates\n\nNeglect toolkit briefing: 12 April.\n")
    assert [e.heading for e in parse_page(page(text)).entries] == [
        "2. Review published: Child H", "3. Seven-minute briefing: Sam"]
    bulletin = ("[Invented test page]\nTestshire bulletin\n\n"
                ">> Local Child Safeguarding Practice Review - Child D\n\nChild D is a 16 year old "
                "girl who was sexually exploited while looked after.\n\n"
                ">> Multi-agency learning review - Kian\n\nKian, aged two, was admitted to intensive "
                "care in March 2023 after swallowing methadone.\n")
    assert [e.name for e in parse_page(page(bulletin)).entries] == ["Child D", "Kian"]


def test_numbered_names_dated_in_brackets() -> None:
    text = ("[Invented test page]\nTestshire Safeguarding Children Partnership\n\n"
            "1. Jay (published 2023)\nJay was 15 years old when he was stabbed in a park in 2022.\n\n"
            "2. M and N (published 2023)\nM, aged 3, and her sister N, aged 5, were neglected.\n\n"
            "3. Welcome (2023)\nWelcome to the page: we publish our reviews here.\n")
    assert [(e.title, e.year) for e in parse_page(page(text)).entries] == [
        ("Jay (published 2023)", 2023), ("M and N (published 2023)", 2023)]


def test_briefing_parts_wrapped_bullets_and_a_learning_sentence_over_two_lines() -> None:
    """"What should practitioners do?" lists learning, its bullets wrapped over two lines are one
    point each; "Questions for your team" is discussion; "What did we know?" is background; a
    prose learning sentence hard-wrapped over two lines is one point, whole."""
    text = ("[Invented test page]\n7 MINUTE BRIEFING\nLCSPR 'Kai' – county lines\n"
            "Published: March 2024\n\n1. WHAT DID WE KNOW?\nKai, 15, was stabbed in 2023 after "
            "going missing many times.\n\n5. WHAT SHOULD PRACTITIONERS DO?\n"
            " - Treat exclusion from school as a point of heightened risk: plan the next placement\n"
            "   before the exclusion takes effect.\n - Make every missing episode count.\n\n"
            "6. QUESTIONS FOR YOUR TEAM\n - Do you know how to make an NRM referral?\n")
    entry = parse_page(page(text)).entries[0]
    assert [(s.kind, len(s.items)) for s in entry.sections if s.kind != "published"] == [
        ("background", 0), ("learning", 2), ("discussion", 0)]
    prose = ("[Invented test page]\nTestshire Safeguarding Children Partnership\n\n"
             "6.2.4 Child W (published February 2023)\nW is a 15-year-old boy who was exploited and "
             "stabbed in 2022. Learning focused on\ntransferring information when families move.\n")
    learning = [s for e in parse_page(page(prose)).entries for s in e.sections if s.kind == "learning"]
    assert [s.text for s in learning] == [
        "Learning focused on transferring information when families move."]


def test_what_we_ask_of_you_a_pdf_part_number_and_a_review_that_recommends_training() -> None:
    text = ("[Invented test page]\nBRIEFING 1: Child K – Local Child Safeguarding Practice Review\n\n"
            "Case summary\nChild K was a 14-year-old girl who was exploited in 2023.\n\n"
            "What we ask of you\n- Ask about housing whenever a family moves.\n- Plan for self-harm.\n\n"
            "5  RECOMMENDATIONS\n5.1 The partnership should audit plans.\n")
    entry = parse_page(page(text)).entries[0]
    assert [(s.label, len(s.items)) for s in entry.sections if s.kind == "recommendations"] == [
        ("What we ask of you", 2), ("RECOMMENDATIONS", 1)]
    prose = ("[Invented test page]\nTestshire Safeguarding Children Partnership\n\n"
             "6.2.5 Child X (published March 2023)\nX, a 14-year-old girl, took an overdose in 2022. "
             "The review recommends training for GPs on adolescent self-harm.\n")
    recs = [s for e in parse_page(page(prose)).entries for s in e.sections if s.kind == "recommendations"]
    assert [len(s.items) for s in recs] == [1]


def test_a_news_headline_names_the_child_and_a_quotation_is_no_name() -> None:
    """"Child T: Review finds 'missed chances' ..." is the article's title and names Child T;
    "'We owe it to him'", a quotation set as a sub-heading, starts no review."""
    text = ("Testshire News\n[Invented test page]\n\n"
            "Child T: Review finds 'missed chances' to protect stabbed boy, 15\n\nPublished 12 July 2022\n\n"
            "A 15-year-old boy who was stabbed to death in 2020 had been seen as an offender.\n\n"
            "'We owe it to him'\n\nThe partnership chair said lessons would be learned from the review.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.title) for e in entries] == [
        ("Child T", "Child T: Review finds 'missed chances' to protect stabbed boy, 15")]


def test_a_news_articles_paragraph_about_an_earlier_review_is_that_review() -> None:
    """A paragraph of background ("In 2020 it published a serious case review into the death of
    Baby K ...") is a second review with its own year; the article's own review keeps the rest,
    and its opening paragraph that names its own child stays its own."""
    text = ("Testshire Evening Courier\n[Invented test page]\n\n"
            "Father jailed after shaking baby son\n\n"
            "The little boy, referred to throughout the trial as Baby N, was rushed to hospital in "
            "2021 with bleeding on the brain. Baby N is now cared for by relatives.\n\n"
            "It is not the first time the partnership has examined the death of a baby in the town. "
            "In 2020 it published a serious case review into the death of Baby K, a four-month-old "
            "girl who died after being shaken by her father.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year) for e in entries] == [("Baby N", None), ("Baby K", 2020)]
    assert "Baby K" not in " ".join(s.text for s in entries[0].sections)


def test_a_reports_own_parts_are_not_reviews() -> None:
    """"2. Circumstances leading to the review", "Summary report for practitioners" and "2.
    Summary of circumstances" are parts of one review's report."""
    text = ("[Invented test page]\nTestshire Child Protection Committee\n\nLEARNING REVIEW: CHILD J\n"
            "Summary report for practitioners\nPublished: 28 February 2024\n\n1. Introduction\n"
            "This learning review was commissioned by the committee in 2023.\n\n"
            "2. Circumstances leading to the review\nChild J was 9 when he suffered serious burns at "
            "home in 2022 while cooking for himself.\n\n2. Summary of circumstances\nChild J had "
            "been left alone for days and was neglected.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child J"]


def test_why_the_review_was_held_is_the_account_not_a_review() -> None:
    """"1. Why a Learning Review was held" names a review but is the report's own part: its text
    is the account of the case of the review the cover names ("CHILD K" in capitals)."""
    text = ("[Invented test page]\nTestshire Child Protection Committee\n\n"
            "LEARNING REVIEW: CHILD K - SUMMARY REPORT\n\nPublished: 14 September 2023\n"
            "Commissioned by: Testshire Child Protection Committee\n\n"
            "1. Why a Learning Review was held\n\nIn March 2022 Child K, aged nine months, was "
            "taken to hospital with a head injury.\n\n2. Background\n\nChild K lived with her "
            "mother.\n")
    entries = parse_page(page(text)).entries
    assert [e.heading for e in entries] == ["LEARNING REVIEW: CHILD K - SUMMARY REPORT"]
    assert [s.kind for s in entries[0].sections if "March 2022" in s.text] == ["summary"]


def test_a_tracker_rows_case_column_and_an_appendix_row() -> None:
    """A tracker's "Case: Sam" names the child; a paper's appendix row "B1. <board>. <type>,
    published 2020." is a review of its own, with its year."""
    text = ("[Invented test page]\nAppendix B. Included reviews\n\n"
            "B1. Testshire Safeguarding Board. Concise Child Practice Review TSB 3/2019, "
            "published 2020.\nChild: \"Child F\", girl, 14 months. Index event: scalds.\n\n"
            "B2. Otherton Safeguarding Children Partnership. Local Child Safeguarding Practice "
            "Review \"Leo\", published 2022.\nChild: \"Leo\", boy, 3 years.\n")
    assert [(e.number, e.year) for e in parse_page(page(text)).entries] == [(1, 2020), (2, 2022)]
    record = ("[Invented test page]\n\nCase: Sam\nPublished: 2023\nSummary: Sam, 16, was "
              "stabbed.\n")
    assert [e.title for e in parse_page(page(record)).entries] == ["Sam"]


def test_a_heading_in_capitals_over_a_facts_line_with_a_numeric_date() -> None:
    """"CHILD W – Local Child Safeguarding Practice Review" over "Children | Published
    09/05/2023" starts Child W's review, dated May 2023; the facts line is no review."""
    rule = "-" * 40
    text = ("[Invented test page]\nReviews we have published\n\n"
            f"{rule}\nCHILD W – Local Child Safeguarding Practice Review\nChildren | Published 09/05/2023\n"
            f"{rule}\nW is a 12-year-old girl who saw violence between her parents for years.\n\n"
            "Learning:\n • Children who live with domestic abuse are victims in their own right.\n\n"
            f"{rule}\nBABY X – Local learning review\nChildren | Published 30 November 2021\n"
            f"{rule}\nBaby X died aged 19 days in February 2021 while sleeping in his parents' bed.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year, e.month) for e in entries] == [("Child W", 2023, 5), ("Baby X", 2021, 11)]


def test_reviews_told_in_a_reports_numbered_paragraphs() -> None:
    """An inspection report's paragraphs each tell of a review ("23. This was a central finding
    of a ... review published by the ... Partnership in 2022. The review concerned Baby L",
    "... a learning review ... concerning a young person known as Kai"), and a myth-buster's
    "The serious case review of Child U (2019) found ...": one review each."""
    text = ("[Invented test page]\nInspection of children's social care services\n"
            "Inspection dates: 5 to 16 June 2023\n\n"
            "22. Pre-birth assessments are not always started early enough for unborn babies.\n\n"
            "23. This was a central finding of a local child safeguarding practice review published "
            "by the Testshire Safeguarding Children Partnership in 2022. The review concerned Baby L, "
            "who suffered an abusive head injury at seven weeks old. Both parents had been in care.\n\n"
            "31. Leaders have learned from a multi-agency learning review, commissioned by the "
            "partnership and published in early 2023, concerning a young person in care known as "
            "Kai. Kai, aged 17, was living in supported accommodation far from home.\n")
    entries = parse_page(page(text)).entries
    assert sorted((e.name, e.year) for e in entries) == [("Baby L", 2022), ("Kai", 2023)]
    myths = ("[Invented test page]\nMyth buster: learning from our reviews\n\n"
             "Fact: Babies who are not yet crawling rarely bruise. In our local child safeguarding "
             "practice review of Baby O (published 2022), a 3-month-old boy was seen with bruises.\n\n"
             "Fact: Children cannot consent to their own exploitation. The serious case review of "
             "Child U (2019) found that practitioners described U, a 15-year-old girl, as making "
             "choices.\n")
    assert sorted(e.name for e in parse_page(page(myths)).entries) == ["Baby O", "Child U"]


def test_case_studies_lettered_with_facts_after_a_bar() -> None:
    """A training handout's "CASE STUDY B - Sami (13) | Testshire Rapid Review and LCSPR,
    published June 2023": the child, then the area and date after the bar; a quoted name with
    its area after a comma ("Learning Review: "Erin", 16, Testshire (published ...)") even when
    the bracket makes the heading long."""
    rule = "_" * 60
    text = ("[Invented test page]\nDSL network: learning from case reviews\n\n"
            f"{rule}\n\nCASE STUDY A - Child E (aged 8) | Otherton Local Child Safeguarding Practice "
            f"Review, 2022\n{rule}\n\nE is an eight-year-old girl who was sexually abused at home.\n\n"
            f"{rule}\n\nCASE STUDY B - Sami (13) | Testshire Rapid Review and LCSPR, published June "
            f"2023\n{rule}\n\nSami, a 13-year-old boy, was neglected after leaving school.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year, e.area) for e in entries] == [
        ("Child E", 2022, "Otherton"), ("Sami", 2023, "Testshire")]
    scottish = ("[Invented test page]\nLearning from reviews\n\n--- --- ---\n\n"
                "Initial Case Review and Learning Review: \"Baby G\", Testshire City (ICR 2022; "
                "Learning Review published November 2023)\n\nBaby G, a girl, was ten weeks old when "
                "she was admitted to hospital with a fractured skull.\n\n--- --- ---\n\n"
                "Learning Review: Young person \"Erin\", 16, Otherton (published December 2023)\n\n"
                "Erin was 16. She was groomed online and sexually exploited by an adult man.\n")
    assert [(e.name, e.area) for e in parse_page(page(scottish)).entries] == [
        ("Baby G", "Testshire City"), ("Erin", "Otherton")]


def test_a_record_views_title_line_heads_its_aligned_fields() -> None:
    """An index's record view: "Title:   Learning Review: Young Person B" over aligned fields
    ("Nation:   Scotland", "Published by:   ..."), none of which is a review of its own."""
    text = ("[Invented test records]\n\n" + "=" * 60 + "\n"
            "RECORD ID:        TEST-24-0117\nTitle:            Learning Review: Young Person B\n"
            "Nation:           Scotland\nArea:             Testshire\n"
            "Published by:     Testshire Child Protection Committee\nReview type:      Learning Review\n"
            "Date published:   2024-02-29\n" + "-" * 60 + "\nSummary:\nYoung Person B was 16 when "
            "they were found after a serious attempt to end their life in August 2022.\n")
    entries = parse_page(page(text)).entries
    assert [(e.title, e.area) for e in entries] == [("Learning Review: Young Person B", "Testshire")]


def test_a_table_of_reviews_above_a_section_for_each() -> None:
    """A Markdown page's table ("| Tia and Ellis | 2023 | Local learning review | ... |") above
    a section per review ("Tia and Ellis (2023)" over its kicker line, account and learning):
    each review is read from its section, which says more than its row; a row without a section
    stays a review of its own."""
    text = ("[Invented test page]\n\n# Published reviews\n\n| Name | Year | Type | Summary |\n"
            "|------|------|------|---------|\n| Tia and Ellis | 2023 | Local learning review | "
            "Sexual abuse by a lodger |\n| Child R | 2021 | LCSPR | Suicide of a young person |\n"
            "| Baby Q | 2019 | SCR | Death of an infant |\n\n---\n\n"
            "Tia and Ellis (2023)\n\n*Local learning review, published July 2023*\n\n"
            "Tia (13) and her brother Ellis (11) were sexually abused by a lodger.\n\n"
            "Learning: children must never interpret for their parents.\n\n---\n\n"
            "Child R (2021)\n\n*Local Child Safeguarding Practice Review – published 19.11.2021*\n\n"
            "Child R was a 17-year-old girl who took her own life in December 2020.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.heading_kind) for e in entries] == [
        ("Baby Q", "table"), ("Tia and Ellis", "name"), ("Child R", "name")]
    assert "lodger" in entries[1].summary.text and "took her own life" in entries[2].summary.text


def test_a_table_under_a_heading_of_reviews_in_progress_names_no_review() -> None:
    """Rows under "Reviews in progress" name reviews with nothing of them to read yet: no
    entries (session 39); a status table under a sentence that says "ongoing" is still read."""
    text = ("[Invented test page]\n\n# Published reviews\n\n## Child S (LCSPR, 2023)\n\n"
            "Child S, a 14-year-old girl, was sexually exploited.\n\n## Reviews in progress\n\n"
            "| Review | Type | Expected |\n|---|---|---|\n| Child N | LCSPR | Spring 2025 |\n"
            "| Child P and siblings | LCSPR being scoped | tbc |\n\n## Status\n\n"
            "Some reviews wait while proceedings are ongoing.\n\n| Review | Type | Status |\n"
            "|---|---|---|\n| Child T | LCSPR | Published 2022 |\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Child S", "Child T"]


_RULED_BRIEFING = """Testshire Safeguarding Board
[Invented test page: not a real review. All names are fictional.]

==============================================================
7 MINUTE BRIEFING
Concise Child Practice Review TSB 1/2023 - Baby Q
==============================================================

--- 1. BACKGROUND ---------------------------------------------
Baby Q lived with her mother and father.
Baby Q's father had been looked after in foster care from the age of
12. Her mother finds written information hard to use.

--- 3. WHY A REVIEW? -----------------------------------------
Agencies had been worried before the birth.

--- 4. WHAT THE REVIEW LEARNED --------------------------------
4.1 Safer sleep advice was given as a leaflet, each time to the
    mother alone. Advice needs to reach both parents.
4.2 Nobody asked where Baby Q slept on a bad night. A "plan for a bad night"
    conversation should be routine.

--- 5. QUESTIONS FOR YOUR NEXT TEAM MEETING -------------------
  * Who does the night feeds in the families you visit?

--- 6. RECOMMENDATIONS ---------------------------------------
  * The health board to make safer sleep advice part of every contact.

--- 7. WHAT HAPPENS NOW --------------------------------------
  * The Board has already run a campaign aimed at fathers.
"""


def test_a_briefings_parts_between_rules_are_its_labels() -> None:
    """Session 39: a text briefing's parts drawn between rules ("--- 4. WHAT THE REVIEW LEARNED
    ---") are its labels, "4.1"/"4.2" points wrapped across lines are one point each, a line
    that stops on "of" is a sentence wrapped (not a review's heading over "12. Her mother"), and
    what the board did since is no recommendation (before: no learning, no recommendation, and
    a second review named after the wrapped line)."""
    [entry] = parse_page(page(_RULED_BRIEFING)).entries
    assert entry.heading == "Concise Child Practice Review TSB 1/2023 - Baby Q"
    learning = [i.span.text for s in entry.sections if s.kind == "learning" for i in s.items]
    recs = [i.span.text for s in entry.sections if s.kind == "recommendations" for i in s.items]
    assert len(learning) == 2 and learning[1].endswith("should be routine")
    assert recs == ["The health board to make safer sleep advice part of every contact"]


def test_key_themes_over_paragraphs_are_the_learning() -> None:
    """Session 39: "Key themes" over paragraphs that each open with their theme is the review's
    learning, a point a paragraph (before: read as more of the account, no learning)."""
    text = ("[Invented test page]\n\nChild T – Local Child Safeguarding Practice Review (published "
            "March 2024)\n\nChild T was 14 months old when he was injured in August 2022.\n\n"
            "Key themes\n\nSeeing the whole household. Practitioners knew little about the man.\n\n"
            "Curiosity about small injuries. A bruise deserves careful thought.\n\n"
            "What the review recommends\n\n• The partnership should check its records.\n")
    assert [t.split(".")[0] for t in items_of(text, "learning")] == [
        "Seeing the whole household", "Curiosity about small injuries"]


@pytest.mark.parametrize("paragraph,points", [
    # session 39: sentences that all open alike under a heading are a list as prose (before: 1)
    ("We learned that moving to adult services left him alone. We learned that his worker had "
     "too many cases. We learned that his drug use was seen as a choice.", 3),
    # ... an ordinary paragraph of learning under a heading stays one point
    ("Moving to adult services left him alone. His worker had too many cases to see him.", 1),
])
def test_a_paragraph_whose_sentences_open_alike_is_a_list(paragraph: str, points: int) -> None:
    text = ("[Invented test page]\n\nLEARNING REVIEW: KIT\n\nWHAT HAPPENED\nKit was 17 when he "
            "died in 2022.\n\nLEARNING\n" + paragraph + "\n")
    assert len(items_of(text, "learning")) == points


def test_a_heading_of_the_review_over_its_labels_is_part_of_it() -> None:
    """Session 39: a heading that is no label but tells of the review or its readers ("What the
    review asks of us"), with "Recommendations" close under it, is a part of the review, not
    the end of it (before: its points and recommendations were lost with the next review)."""
    text = ("[Invented test page]\n\nPractitioner Newsletter\n\nLearning from reviews\n\n"
            "Extended Child Practice Review TSB 1/2024 – Child W\n\nPublished February 2024\n\n"
            "Child W was 7 when her illness was found to have been induced by her mother.\n\n"
            "What the review asks of us\n\nFor practitioners:\n\n• Look at the whole picture.\n\n"
            "Recommendations\n\n• The health board should keep one chronology.\n\n"
            "• The Board should write guidance on induced illness.\n\n"
            "Concise Child Practice Review TSB 2/2024 – Mali\n\nPublished March 2024\n\n"
            "Mali was 10 months old when she was burned in 2023.\n\nTraining dates\n\n"
            "• Neglect – 14 May 2024\n")
    entries = parse_page(page(text)).entries
    assert len(entries) == 2 and entries[0].name == "Child W"
    recs = [i for s in entries[0].sections if s.kind == "recommendations" for i in s.items]
    assert len(recs) == 2


def test_a_trackers_row_for_a_referral_that_led_to_no_review_is_none() -> None:
    """Session 39: a record for a referral whose criteria were not met names a child but tells
    of no review (before: a review 'REF 03/2023 – Child X'); a record of a review that was held
    though the statutory criteria were not met is still one."""
    text = ("[Invented test page]\n\nRECORD 1\nCPR 01/2023 – Child W\nType: Concise Child Practice "
            "Review\nSummary: Child W, 14, took an overdose in 2022.\nLearning: ask about self-harm.\n\n"
            "RECORD 2\nREF 03/2023 – Child X\nType: Referral – criteria for CPR not met\nSummary: "
            "Referral considered in May 2023; returned to the referring agency.\n\nRECORD 3\n"
            "Learning review – Child E\nSummary: Not a statutory review, as the criteria were not met; "
            "Child E, 15, was exploited in 2023.\nLearning: share intelligence.\n")
    source = SourceText(Path("export.json"), text, "application/json", "utf-8", "0" * 64)
    assert [e.title.split(" – ")[-1] for e in parse_page(source).entries] == ["Child W", "Child E"]


def test_why_a_learning_review_is_a_briefings_part() -> None:
    """Session 39: "3. WHY A LEARNING REVIEW" is a briefing's account of why, not a second
    review (before: a review of its own, and the first lost its learning)."""
    text = ("[Invented test page]\n\n7 MINUTE BRIEFING | Learning Review: Child K | 2023\n\n"
            "1. BACKGROUND\nChild K, aged 3, was admitted to hospital in 2022 with neglect.\n\n"
            "3. WHY A LEARNING REVIEW\nThe committee decided there was learning for all agencies.\n\n"
            "4. LEARNING\n- Ask who cares for the child.\n- Share concerns early.\n")
    [entry] = parse_page(page(text)).entries
    assert len([i for s in entry.sections if s.kind == "learning" for i in s.items]) == 2


def test_a_decks_slides_go_on_with_their_case_and_roman_items() -> None:
    """A webinar's slides: "Slide 5: What our crews saw before" goes on with the case of
    "Slide 4: Case one - Baby H (...)"; "Slide 6: Learning from case one" is its learning;
    "Learning from Family M" and "Learning from a local review: Child O" stay headings; items
    numbered "i." to "iii." and marked "> " are items."""
    text = ("[Invented test page]\nTranscript of a webinar\n\nSlide 1: Welcome\nHello everyone.\n\n"
            "Slide 4: Case one - Baby H (Testshire LCSPR, published 2022)\nBaby H was three weeks "
            "old when a crew was called to a baby not breathing; her mother later told police she had "
            "held a pillow over her face. She survived and her mother was charged.\n\n"
            "Slide 5: What our crews saw before\nA week earlier a different crew had attended the same "
            "address because her mother had taken an overdose of paracetamol and was conveyed.\n\n"
            "Slide 6: Learning from case one\n  - Think about the children in the house.\n"
            "  - Record the baby's details.\n\nSlide 7: Case two - Child J (Otherton CSPR, published "
            "2023)\nChild J, a ten-year-old boy with type 1 diabetes, died of diabetic ketoacidosis in "
            "2022 after his medical needs had been neglected over a long period by his carers.\n\n"
            "Slide 8: Learning from case two\n  i.   Repeat call-outs are a pattern.\n"
            "  ii.  Long-term conditions need a plan.\n  iii. Parents may need support.\n")
    entries = parse_page(page(text)).entries
    assert [e.name for e in entries] == ["Baby H", "Child J"]
    assert "overdose" in " ".join(s.text for s in entries[0].sections)
    assert [len(e.section("learning")[0].items) for e in entries] == [2, 3]
    for heading in ("Learning from Family M (SILP review)", "Learning from a local review: Child O"):
        entry = parse_page(page(f"[Invented]\n\n{heading}\nIn 2022 the review found that Child O, "
                                "aged 10, was harmed by fabricated illness.\n")).entries[0]
        assert entry.section("learning") == []



@pytest.mark.parametrize("text,items", [
    ("4 recommendations (see full report)", []),
    ("Two recommendations for health partners", []),
    ("12 recommendations were made to the board", []),
    ("2 - Read more >", []),
    ("None published yet", []),
    ("The committee has agreed an action plan with 6 actions", []),
    # what is asked makes it an item; a colon introduces the items themselves
    ("Six recommendations, including safe storage checks at every visit",
     ["Six recommendations, including safe storage checks at every visit"]),
    ("the review makes two recommendations: GP practices to flag parents; the partnership to "
     "publish guidance", ["the review makes two recommendations: GP practices to flag parents",
                          "the partnership to publish guidance"]),
    ("No child should be discharged without a plan", ["No child should be discharged without a plan"]),
    # a bullet after a semicolon starts the next item of a lettered list
    ("(a) plans ran in parallel;\n(b) victim status was not recorded; (c) moves disrupted school",
     ["plans ran in parallel", "victim status was not recorded", "moves disrupted school"]),
])
def test_items_that_only_count_are_no_items(text: str, items: list[str]) -> None:
    """An item that only says how many recommendations there were, or that there are none,
    states no recommendation (recommendation counts were 1 where the labellers count 0)."""
    assert [i.text for i in split_items(Span.of(text, 0))] == items



@pytest.mark.parametrize("heading,area", [
    ('Case 2: Child K, 15 - Otherton Local Learning Review (published February 2024)', "Otherton"),
    ('Case 1: "Milo", 11 months - Testshire Child Safeguarding Practice Review (published 2023)',
     "Testshire"),
    ("Child T: local child safeguarding practice review (Testshire, 2021)", "Testshire"),
    ("Baby E (Serious Case Review, 2017)", None),  # a review type in brackets is no area
])
def test_the_area_a_heading_gives_before_the_reviews_type(heading: str, area: str | None) -> None:
    text = (f"[Invented test page]\nLearning from reviews\n\n{heading}\n"
            "The child, aged 1, was injured at home in 2022 and the review found that nobody asked.\n")
    assert [e.area for e in parse_page(page(text)).entries] == [area]


def test_a_unitary_councils_name_gives_the_area() -> None:
    """"Testshire Council" heading a cabinet report, and a "Safeguarding Vulnerable People
    Partnership", name the area as a "County Council" does."""
    from casegraph.ingest.document import area_of_body

    assert area_of_body("Testshire Council — Committee documents") == "Testshire"
    assert area_of_body("Annual Report of the Testshire Safeguarding Vulnerable People "
                        "Partnership: Children") == "Testshire"



def test_numbered_cases_with_facts_in_brackets_and_reviews_known_by_reference() -> None:
    """'CASE 1 - "Sister and Brother" (Significant Case Review, Dundee, published 2019)': a quoted
    pseudonym, its year and area in brackets; "CASE 4 - Child V (Case Management Review,
    Safeguarding Board for Northern Ireland, 2020)": the body's area; "Case 2: Child K, 15 -
    Coventry ..." is Child K; "CTMSB 03/2020 - Concise Child Practice Review (published April 2022)"
    over an account names no child but is a review."""
    rule = "-" * 50
    text = ("[Invented test page]\nLearning from reviews: neglect\n\n"
            'CASE 1 - "Sister and Brother" (Significant Case Review, Testburgh, published 2019)\n'
            f"{rule}\nWhat happened: An 11-year-old girl and her brother lived in a flat unfit for "
            "habitation and were neglected for years.\n\n"
            "CASE 2 - Child V (Case Management Review, Safeguarding Board for Northern Ireland, 2020)\n"
            f"{rule}\nWhat happened: Child V, aged 2, was neglected and taken into care.\n\n"
            "CASE 3 - Child K, 15 - Otherton Local Learning Review (published February 2024)\n"
            f"{rule}\nWhat happened: Child K was exploited and stabbed in 2023.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year, e.area) for e in entries] == [
        ("Sister and Brother", 2019, "Testburgh"), ("Child V", 2020, "Northern Ireland"),
        ("Child K", 2024, "Otherton")]
    welsh = ("[Invented test page]\n5. REVIEWS PUBLISHED THIS YEAR\n\nThe Board considers every "
             "referral for a Child Practice Review.\n\n"
             "TSB 03/2020 - Concise Child Practice Review (published April 2022)\n\nA baby boy aged 3 "
             "months was admitted to hospital in August 2020 with fractures that were non-accidental.\n\n"
             "TSB 01/2021 - Extended Child Practice Review (published July 2022)\n\nChild T, aged 4, "
             "died in hospital in 2020 after years of neglect that several agencies had seen.\n")
    assert [(e.name, e.year) for e in parse_page(page(welsh)).entries] == [("", 2022), ("Child T", 2022)]


def test_catalogue_records_with_publisher_and_year_lines() -> None:
    """A library's records between rules: the title, then the publisher and the year on lines
    of their own, a format line, a summary, a "Keywords:" line. Each record is a review with its
    own year; the year line is not a timeline's heading and "Keywords: ..." does not end it."""
    rule = "-" * 60
    record = ("{title}\nTestshire Safeguarding Children Partnership\n{year}\n"
              "Item type: Report | Format: PDF | Pages: 30\n\n"
              "Summary: {summary}\n\nKeywords: neglect; interpreters\n\n[Add to my list] [Cite]\n\n")
    text = ("Case review repository - search results\n\n[Invented test page]\n\n" + rule + "\n"
            + record.format(title="Serious case review: Child W", year=2016,
                            summary="Child W, aged 6, died in a house fire after being left alone.")
            + rule + "\n"
            + record.format(title="Extended child practice review: TSB 3/2019", year=2020,
                            summary="Cai, aged 15, died in 2018 after taking ecstasy at a party.")
            + rule + "\n"
            + record.format(title="Learning review: Baby M", year=2022,
                            summary="Baby M died at three weeks old while sharing a bed with her mother."))
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year) for e in entries] == [("Child W", 2016), ("", 2020), ("Baby M", 2022)]
    assert all(any(s.kind == "keywords" for s in e.sections) for e in entries)


def test_text_boxes_and_what_we_will_do() -> None:
    """A briefing's boxes ("| WHAT WE LEARNED |" between "+----+" rules) are read by their text:
    bullets under "What we learned" are learning, "What we will do" are recommendations, and the
    offsets still point at the page's own characters."""
    box = "+" + "-" * 40 + "+\n| {0:<38} |\n+" + "-" * 40 + "+\n"
    text = ("[Invented test page]\n\nLocal Child Safeguarding Practice Review: \"Sam\"\n\n"
            + box.format("WHAT HAPPENED") + "Sam was 16 when he was stabbed in a park in 2022.\n\n"
            + box.format("WHAT WE LEARNED")
            + " * Exclusion removed the place where Sam was seen every day.\n"
              " * Each agency held part of the picture.\n\n"
            + box.format("WHAT WE WILL DO")
            + " 1. Schools will meet before any exclusion of a child at risk.\n"
              " 2. Police will record the children in every household.\n"
              " 3. Youth workers will be invited to safeguarding meetings.\n")
    source = page(text)
    [entry] = parse_page(source).entries
    kinds = {s.kind: len(s.items) for s in entry.sections if s.items}
    assert kinds == {"learning": 2, "recommendations": 3}
    label = next(s for s in entry.sections if s.kind == "learning").label_span
    assert label is not None and text[label.start:label.end] == label.text


def test_an_faqs_questions_about_its_child_are_one_review() -> None:
    """'Child W: Frequently asked questions about the review' over "Who is Child W?" and "What
    happened to Child W?": one review, not three."""
    text = ("Testshire Safeguarding Children Partnership\n\n[Invented test page]\n\n"
            "Child W: Frequently asked questions about the review\n\nPublished: 2 February 2024\n\n"
            "What is a Local Child Safeguarding Practice Review?\nPartners must arrange one when a "
            "child has been seriously harmed and abuse or neglect is known or suspected.\n\n"
            "Who is Child W?\nChild W is a seven-year-old girl. We call her \"Child W\" to protect "
            "her privacy.\n\nWhat happened to Child W?\nOver a period of about a year in 2022, W was "
            "sexually abused by a man who was a friend of the family. He was not a carer.\n\n"
            "What does the review recommend?\nThe review recommends that GPs ask about all adults "
            "in contact with a child.\n")
    entries = parse_page(page(text)).entries
    assert len(entries) == 1 and entries[0].year == 2024


def test_a_thematic_review_of_babies_named_together_is_one_review() -> None:
    """"Thematic Review: Babies A, B and C - injuries in infants" over a paragraph per baby: one
    review of three children, not three reviews."""
    text = ("[Invented test page]\n\nThematic Review: Babies A, B and C - injuries in infants\n\n"
            "Published 6 June 2023\n\nThe babies\n\n"
            "Baby A, a boy aged three months, was found to have inflicted rib fractures.\n\n"
            "Baby B, a girl aged five weeks, was taken to hospital with a bleed on the brain.\n\n"
            "Baby C, a boy aged seven months, suffered a non-accidental head injury.\n\n"
            "Recommendations\n\n1. Health visitors to record every adult in the household.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.name == "Babies A, B and C" and entry.year == 2023


def test_prose_recommendations_for_someone_on_something_and_counts_that_are_not_learning() -> None:
    """"Makes recommendations for schools on online safety ..." is one recommendation with its
    text; "The review identifies 5 recommendations for the Board." counts them and is no learning."""
    text = ("[Invented test page]\n\nChild safeguarding practice review: Child V\n\n"
            "Child V, aged 12, was groomed online and sexually exploited by an adult. Makes "
            "recommendations for schools on online safety education, and for police on missing "
            "episodes.\n")
    recs = items_of(text, "recommendations")
    assert len(recs) == 1 and "online safety" in recs[0]
    counted = ("[Invented test page]\n\nExtended child practice review: Child K\n\n"
               "Child K, aged 15, died in 2018 after taking ecstasy at a party. The review "
               "identifies 5 recommendations for the Board.\n")
    [entry] = parse_page(page(counted)).entries
    assert not [s for s in entry.sections if s.kind == "learning" and s.items]


def test_the_welsh_report_template_and_points_of_an_item() -> None:
    """The Welsh child practice review report's parts ("Brief outline of circumstances ...",
    "Practice and organisational learning", "Improving Systems and Practice"); a sentence ending
    in a colon before the bullets introduces them; lower-case bullets after "... should cover:"
    are points of that item, not items."""
    text = ("[Invented test page]\n\nConcise Child Practice Review\n\nRe: TSB 4/2022 - Child E\n\n"
            "Published: June 2023\n\nBrief outline of circumstances resulting in the Review\n"
            "Child E, aged nine months, was admitted to hospital in 2021 and had been neglected.\n\n"
            "Practice and organisational learning\n1. Each health visitor began a fresh assessment.\n"
            "2. Services did not share information about the mother.\n\n"
            "Improving Systems and Practice\nIn order to promote the learning from this case the review "
            "identified the following actions for the Board and\nits member agencies:\n"
            "- Health boards to plot weight at every contact.\n"
            "- The Board to issue a practice note on neglect, which should cover:\n"
            "    - the difference between lack of money and lack of care;\n"
            "    - sources of financial help.\n"
            "- Agencies to audit their use of the neglect toolkit.\n")
    [entry] = parse_page(page(text)).entries
    items = {s.kind: [i.span.text for i in s.items] for s in entry.sections if s.items}
    assert len(items["learning"]) == 2
    assert len(items["recommendations"]) == 3
    assert "sources of financial help" in items["recommendations"][1]


def test_learning_labels_prose_counts_and_hard_wrapped_findings() -> None:
    """"Learning - questions for practitioners" and "The review's learning" are learning; "The
    review makes four recommendations, which concern ..." is one stated recommendation; a finding
    hard-wrapped after a word no sentence ends with ("... confirmed that" / "D ...") is one item;
    "6. RESOURCES" ends the learning."""
    text = ("[Invented test page]\n\nChild P\n\nLocal Child Safeguarding Practice Review - published 2021\n\n"
            "Child P, a baby girl, was admitted to hospital in 2020 with inflicted injuries.\n\n"
            "Learning - questions for practitioners\n- Do you ask who else lives in the home?\n"
            "- Would you recognise a bruise on a baby as a possible sign of abuse?\n\n"
            "The review makes four recommendations, which concern the bruising protocol and training "
            "for hospital staff.\n")
    [entry] = parse_page(page(text)).entries
    counts = {s.kind: len(s.items) for s in entry.sections if s.items}
    assert counts == {"learning": 2, "recommendations": 1}
    briefing = ("[Invented test page]\n\nLocal Child Safeguarding Practice Review: Child D\n\n"
                "1. BACKGROUND\nChild D, aged 9, was subjected to fabricated illness by her mother.\n\n"
                "4. KEY FINDINGS\nSocial care closed the referral the same week because a doctor "
                "had confirmed that\nD \"has a medical condition\".\n\n"
                "5. LEARNING\n  - Appoint one lead paediatrician.\n  - Speak to the child alone.\n\n"
                "6. RESOURCES\nPractice guidance is on the procedures website.\n")
    learning = items_of(briefing, "learning")
    assert len(learning) == 3 and learning[0].endswith('medical condition"')
    joint = ("[Invented test page]\n\nLocal Child Safeguarding Practice Review: Child Z\n\n"
             "In 2022 Z was taken to hospital after her mother's partner tried to suffocate her.\n\n"
             "The review's learning\n- Information must follow families who move.\n"
             "- New partners must be assessed.\n")
    [entry] = parse_page(page(joint)).entries
    assert sum(len(s.items) for s in entry.sections if s.kind == "learning") == 2


def test_items_that_only_count_or_point_to_the_report_are_no_items() -> None:
    """"see the full report" and "Eleven recommendations were made. These are set out in full in
    the report." state no lesson; a real point beside them stays."""
    text = ("Safe sleep advice needs to be revisited when circumstances change; Eleven recommendations "
            "were made. These are set out in full in the report\nsee the full report\n"
            "Read the 7-minute briefing")
    items = split_items(Span.of(text, 0))
    assert [i.span.text for i in items] == [
        "Safe sleep advice needs to be revisited when circumstances change"]


def test_the_sentence_after_a_count_says_what_the_recommendations_are() -> None:
    """"The review makes nine recommendations. These focus on how health services follow up
    children who are not brought to appointments." is one stated recommendation, not none."""
    text = ("[Invented test page]\n\nLocal Child Safeguarding Practice Review: Ada\n\nAda, aged 2, died in "
            "2022 after years of neglect that several agencies had seen.\n\nThe review makes nine "
            "recommendations. These focus on how health services follow up children who are not "
            "brought to appointments.\n")
    recs = items_of(text, "recommendations")
    assert len(recs) == 1 and recs[0].startswith("These focus on")


@pytest.mark.parametrize(("said", "recs"), [
    # the sentence after a count opens a list with a colon (session 37)
    ("The review made six recommendations. The two\ncompleted so far were:\n  a) every school to "
     "have a named lead for online safety;\n  b) the police to attend strategy meetings.\n",
     ["every school to have a named lead for online safety", "the police to attend strategy meetings"]),
    # a label that says how many follow (session 37)
    ("Recommendations (2)\n\n1. Every school to have a named lead.\n2. The police to attend "
     "strategy meetings.\n", ["Every school to have a named lead", "The police to attend strategy meetings"]),
])
def test_a_list_after_a_count_or_under_a_counted_label_is_the_recommendations(said: str,
                                                                              recs: list[str]) -> None:
    """"The review made six recommendations. The two completed so far were:" (wrapped) over a
    list, and "Recommendations (2)" over a list, give the listed recommendations (before: none)."""
    text = ("[Invented test page]\n\nLocal Child Safeguarding Practice Review: Ada\n\nAda, aged 13, was "
            "groomed online by a man in his thirties in 2022.\n\n" + said)
    found = items_of(text, "recommendations")
    assert [r.removeprefix("a) ").removeprefix("b) ").strip(" .;") for r in found] == recs


def test_a_newsletters_numbered_parts_in_capitals_end_its_reviews() -> None:
    """A newsletter numbered in capitals: "4. FROM THE ARCHIVE: CHILD U" is a review (its heading
    ends with its child), and "5. TRAINING DATES", the series' next part, ends it (before: Child
    U ran on into Baby A's review, and the training into Child U's)."""
    text = ("[Invented test page: not a real newsletter]\n\n"
            "2. NEW REVIEW: JAY (LOCAL CHILD SAFEGUARDING PRACTICE REVIEW)\n\nJay, 15, was criminally "
            "exploited.\n\n"
            "3. NATIONAL PANEL REVIEW: BABY A\n\nBaby A, 11 months old, was killed by her father in 2022.\n\n"
            "4. FROM THE ARCHIVE: CHILD U\n\nOur 2019 serious case review into the care of Child U, a "
            "teenage girl who was sexually exploited, still has lessons for us.\n\n"
            "5. TRAINING DATES\n\nNeglect toolkit refresher - 11 June 2024, online\n")
    parsed = parse_page(page(text))
    assert [e.heading for e in parsed.entries] == [
        "2. NEW REVIEW: JAY (LOCAL CHILD SAFEGUARDING PRACTICE REVIEW)", "3. NATIONAL PANEL REVIEW: BABY A",
        "4. FROM THE ARCHIVE: CHILD U"]
    assert "Neglect toolkit" not in " ".join(s.span.text for e in parsed.entries for s in e.sections)


def test_a_statement_under_a_posted_date_is_the_account_of_its_named_child() -> None:
    """"Statement on publication of review into the death of Ada" / "Posted: 14/11/2023": the
    date is the publication date, the paragraphs under it are the account (not an unknown
    label's text) and the child is the one the account introduces ("referred to as Ada")."""
    text = ("NEWS | Testshire Safeguarding Children Partnership\n"
            "Statement on publication of review into the death of Ada\nPosted: 14/11/2023\n\n"
            "[Invented test page]\n\nThe partnership today published a Local Child Safeguarding "
            "Practice Review following the death of a three-year-old girl, referred to as Ada.\n\n"
            "Ada died at home in March 2021 from dehydration after weeks of neglect.\n")
    [entry] = parse_page(page(text)).entries
    assert (entry.name, entry.year) == ("Ada", 2023)
    account = " ".join(s.text for s in entry.sections if s.kind == "summary")
    assert "died at home in March 2021" in account


def test_a_partnerships_name_over_its_release_date_is_a_masthead() -> None:
    """"Testshire Safeguarding Children Board" over "For immediate release: 12 July 2019" is the
    press release's masthead, not a review: the review is the child the release names."""
    text = ("[Invented test page]\nNEWS RELEASE\nTestshire Safeguarding Children Board\n"
            "For immediate release: 12 July 2019\n\nTestshire Safeguarding Children Board today "
            "published the serious case review into the death of a baby boy, known as Baby M.\n\n"
            "Baby M died in hospital in March 2018 with a serious head injury.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.name == "Baby M" and entry.year == 2019


def test_a_case_management_reviews_area_is_its_trust() -> None:
    """Northern Ireland's case management reviews are by the regional board; their local area is
    the trust a heading or the account names ("Child F (Belfast Trust area)")."""
    text = ("[Invented test page]\n\nSafeguarding Board for Northern Ireland: case management reviews\n\n"
            ">> CMR 4/2023: Child F (Belfast Trust area)\n\nChild F, aged 2, was neglected and admitted "
            "to hospital in 2021.\n\n>> CMR 6/2023: Child G (Southern Trust area)\n\nChild G, aged 14, "
            "was sexually exploited in 2020.\n")
    assert [e.area for e in parse_page(page(text)).entries] == ["Belfast Trust", "Southern Trust"]


def test_names_alone_over_a_label_and_an_account_are_reviews() -> None:
    """"Ada" / "What happened" / "Ada was a 15-year-old girl ...", then "Kai" / "What happened" /
    "Kai was a 6-year-old boy ...": two reviews, each named by the line above its label."""
    text = ("[Invented test page]\nTestshire Safeguarding Partnership\n\nLearning from practice reviews\n\n"
            "This page brings together short summaries of our reviews.\n\nAda\n\nWhat happened\nAda was "
            "a 15-year-old girl who attempted suicide in January 2022.\n\nWhat we learned\nProfessionals "
            "did not see that her risk was rising.\n\nKai\n\nWhat happened\nKai was a 6-year-old boy who "
            "was sexually abused by his mother's partner in 2020.\n\nWhat we learned\n• Ask about new "
            "adults in the household.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Ada", "Kai"]


def test_a_digests_record_lines_of_cells() -> None:
    """A digest whose records open with one line of cells, the child's name among them
    ("Edinburgh | Significant Case Review | Jordan | 2018") over "Published: ...": one entry each,
    named by that cell, its area the first; a table's row under its header, naming no child
    ("Lancashire | 2019 | Serious case review"), is no record of its own."""
    text = ("[Invented test page: not a real review]\n\nCASE REVIEW DIGEST\n\n"
            "Edinburgh | Significant Case Review | Jordan | 2018\nPublished: November 2018\n"
            "Summary: Jordan was a 15-year-old boy who was stabbed in 2017.\n\n"
            "Testshire (Western HSC Trust) | Case Management Review | Twin A and Twin B | 2020\n"
            "Published: March 2020\nSummary: Twin A and Twin B, both aged 3 months, had fractures.\n")
    page = parse_page(SourceText(Path("digest.txt"), text, "text/plain", "utf-8", "0" * 64))
    assert [(e.name, e.area, e.year) for e in page.entries] == [
        ("Jordan", "Edinburgh", 2018), ("Twin A and Twin B", "Testshire (Western HSC Trust)", 2020)]
    table = ("[Invented test page: not a real review]\n\nBaby Q\nArea | Year | Type\n"
             "Lancashire | 2019 | Serious case review\nOverview: Baby Q, a 5-month-old girl, had a "
             "skull fracture in 2017.\n")
    page = parse_page(SourceText(Path("table.txt"), table, "text/plain", "utf-8", "0" * 64))
    assert [e.heading for e in page.entries] == ["Baby Q"]


def test_an_annual_reports_sections_named_by_a_types_letters() -> None:
    """"5.1 CMR - Ola (Southern Trust area)": a review's letters, a dash and the child's name,
    which the text under it repeats ("Kit, aged 6, and Rowan" for "Kit and Rowan")."""
    text = ("[Invented test page: not a real review]\n\nSECTION 5: CASE MANAGEMENT REVIEWS\n\n"
            "The Panel met nine times in 2022-23.\n\n"
            "5.1 CMR - Ola (Testshire Trust area)\n\nThe CMR concerning Ola was published in 2022. "
            "Ola was a 2-year-old girl who died at home in 2021 after a period of neglect.\n\n"
            "5.2 CMR - Kit and Rowan (Testshire Trust area)\n\nPublished in 2023, this CMR concerned "
            "two brothers, Kit, aged 6, and Rowan, aged 4, who were sexually abused.\n")
    page = parse_page(SourceText(Path("report.txt"), text, "text/plain", "utf-8", "0" * 64))
    assert [e.name for e in page.entries] == ["Ola", "Kit and Rowan"]


def test_a_reports_part_about_reviews_in_the_plural_is_no_review() -> None:
    """An annual report's "6. CASE MANAGEMENT REVIEWS" over the panel's year (notifications,
    decisions) is no review; its numbered parts that name a child are (before: the part heading
    was a review of its own, with no child)."""
    text = ("[Invented test page: not a real report]\n\n"
            "6. CASE MANAGEMENT REVIEWS\n\n"
            "6.1 Notifications and decisions\n"
            "During 2022-23 the panel considered nine notifications. Three met the criteria for a "
            "Case Management Review (CMR). Two CMRs were published during the year.\n\n"
            "6.2 Case Management Review – Child T\n"
            "Child T was a boy of 14 months who was found alone in a cold bedroom; he was "
            "neglected.\n\n"
            "6.3 Case Management Review – Child U\n"
            "Child U, a girl aged 15, was sexually exploited by adult men.\n")
    parsed = parse_page(page(text))
    assert [e.heading for e in parsed.entries] == ["6.2 Case Management Review – Child T",
                                                   "6.3 Case Management Review – Child U"]


def test_a_newsletters_welcome_is_no_review() -> None:
    """A newsletter's "Welcome" that speaks of "a recent review" and the area's children is the
    publication's own part, no review (before: a review with no child); the review after it is."""
    text = ("[Invented test page: not a real newsletter]\n\n"
            "Welcome\n\n"
            "Welcome to our autumn edition. In this issue we share learning from a recent review "
            "and launch our neglect toolkit. Thank you for everything you do for our children.\n\n"
            "Learning from a local child safeguarding practice review: Baby T\n\n"
            "In May 2021, when Baby T was eight months old, a visitor to the home hit him across "
            "the face, leaving bruises.\n")
    parsed = parse_page(page(text))
    assert [e.heading for e in parsed.entries] == [
        "Learning from a local child safeguarding practice review: Baby T"]


def test_headings_long_with_separators_or_over_a_wrapped_paragraph() -> None:
    """A reader's note's heading with its parts between dashes ("National review – Baby R and
    Baby G – Child Safeguarding Practice Review Panel, 2024": the dashes are no words) and an
    e-news heading that names children and a review over a paragraph wrapped at 75 characters
    start reviews of their own (before: the first ran into the review above it, the second
    into the item above it); "Local safeguarding partnerships" names no area."""
    notes = ("[Invented test page: reading notes]\n\n"
             "CMR – Child U – Testshire Trust area – SBNI, published Oct 2022\n\n"
             "- Child U, girl, aged 2, was bitten by the family's dog in 2021.\n\n"
             "National review – Baby R and Baby G – Child Safeguarding Practice Review Panel, 2024\n\n"
             "- Both babies were killed by their mothers in the weeks after birth.\n\n"
             "Recommendations:\n1. Local safeguarding partnerships to test how well their areas respond.\n")
    entries = parse_page(page(notes)).entries
    assert [e.name for e in entries] == ["Child U", "Baby R and Baby G"]
    assert entries[1].area is None
    enews = ("[Invented test page: not a real e-news]\n\n" + "-" * 60 + "\n"
             "NEW REVIEW: Child W (LCSPR)\nOur local child safeguarding practice review about Child W was\n"
             "published on 19 February 2024, about a girl of twelve who was neglected.\n\n" + "-" * 60 + "\n"
             "NATIONAL: Child Y and Child Z — national panel review\n"
             "The Child Safeguarding Practice Review Panel published its national review\n"
             "about two brothers, Child Y (aged 6) and Child Z (aged 9), in January 2024.\n")
    assert [e.name for e in parse_page(page(enews)).entries] == ["Child W", "Child Y and Child Z"]


def test_a_boards_numbered_recommendation_notes_are_its_recommendations() -> None:
    """"Recommendation 1" and "Recommendation 2" over their notes (a whiteboard's, a deck's), as
    "Learning 1" is learning, give two recommendations (before: none)."""
    text = ("[Invented test page: a workshop board]\n\n"
            "Ayla – Concise Child Practice Review (Testshire, 2023)\n\n"
            "What happened\nAyla, 8, was hit by her stepfather in 2022.\n\n"
            "Learning 1\nA child must never interpret in the investigation of her own abuse.\n\n"
            "Recommendation 1\nThe Board to audit the use of interpreters.\n\n"
            "Recommendation 2\nThe health board to book interpreters for every medical.\n")
    recs = items_of(text, "recommendations")
    assert len(recs) == 2 and recs[1].startswith("The health board")


@pytest.mark.parametrize(("lead", "kind"), [
    ("The reviewer draws three lessons from Jay's story.", "learning"),
    ("The Committee has accepted three recommendations.", "recommendations"),
])
def test_a_list_told_in_prose_with_ordinals(lead: str, kind: str) -> None:
    """"First, ... Second, ... Third, ..." after a sentence that says what it lists gives an item
    each (before: none, or the whole paragraph as one)."""
    text = ("[Invented test page]\n\nExtended Child Practice Review: Jay\n\nJay, aged 15, was stabbed "
            f"in 2022.\n\n{lead} First, a child found with drugs far from home may be exploited. "
            "Second, exclusion from school removed the one safe adult he trusted. Third, his early "
            "history of neglect was not carried forward. The Board thanks the family.\n")
    items = items_of(text, kind)
    assert [i.split(",")[0] for i in items] == ["First", "Second", "Third"]


def test_a_reviews_letters_and_a_colon_before_a_name_head_a_review() -> None:
    """"CMR: Ada (Testshire Trust area, 2023)" heads a review of its own after another under a
    Markdown heading, as "CMR - Ada" did (before: its text joined the review above)."""
    text = ("# Reading notes (invented test page)\n\n"
            "## National review – Child Y (published March 2022)\n\n"
            "Child Y, a boy of 11 months, died in 2020 after being shaken by his mother's boyfriend.\n\n"
            "Learning:\n- services need to find out about every man in the baby's life\n\n"
            "## CMR: Ada (Testshire Trust area, 2023)\n\n"
            "Ada, a 12-year-old girl, was emotionally harmed over years by her father's coercive control.\n\n"
            "Recommendations (1):\n1. The Trust to assess every child in a household discussed at MARAC.\n")
    entries = parse_page(page(text)).entries
    assert [e.heading.lstrip("# ") for e in entries] == [
        "National review – Child Y (published March 2022)", "CMR: Ada (Testshire Trust area, 2023)"]


def test_a_colon_sentence_after_a_count_of_recommendations_opens_them() -> None:
    """"The Panel made 6 recs in total. The two that land on us locally:" over a numbered list:
    its items are recommendations (before: lost); a label in a paragraph of its own after a
    count ("Text entities:", a chat export's) is no such sentence."""
    text = ("[Invented test page]\n\nNational review: Child Y\n\nChild Y, 11 months, was shaken in 2020.\n\n"
            "Learning:\n- every man in the baby's life matters\n\n"
            "The Panel made 6 recs in total (mostly national). The two that land on us locally:\n"
            "1. Health visitors to ask who else lives in the home.\n"
            "2. Partnerships to test how probation shares release dates.\n")
    assert [r[:6] for r in items_of(text, "recommendations")] == ["Health", "Partne"]
    assert items_of(text, "learning") == ["every man in the baby's life matters"]
    label = text.replace(" The two that land on us locally:", "\n\nText entities:")
    assert items_of(label, "recommendations") == []


def test_a_child_known_in_the_report_as_a_name_is_the_reviews_child() -> None:
    """A statement about "a 16-year-old boy, known in the report as Jay" names its review's child
    (before: only "known as" and "referred to in the report as" did)."""
    text = ("[Invented test page]\n\nTestshire Safeguarding Children Partnership\n\n"
            "Statement on the publication of a local child safeguarding practice review\n"
            "Published: 14 May 2024\n\n"
            "Today the partnership publishes a review about a 16-year-old boy, known in the report "
            "as Jay, who died in June 2022 after taking ecstasy at a party.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.name == "Jay"


def test_a_heading_over_a_count_of_recommendations_labels_them_and_for_whom() -> None:
    """"Six things we have been asked to do" over "The review made six recommendations. ..." is
    no end of the review but the label of its recommendations, and "For the police" over some of
    them says whose they are (before: the review ended at the heading and its recommendations
    were lost); "What happens next" still ends them."""
    text = ("[Invented test page]\n\nLocal Child Safeguarding Practice Review: Child Z\n\nSeptember 2023\n\n"
            "What happened?\n\nChild Z, aged eight, was harmed by fabricated illness from 2016 to 2021.\n\n"
            "Six things we have been asked to do\n\n"
            "The review made six recommendations. One concerns a named person and is not published.\n\n"
            "For the police\n\nOfficers should be trained to recognise fabricated illness.\n\n"
            "For hospitals\n\n• Every child with unexplained symptoms should have one paediatrician.\n\n"
            "• Children with a disability should be seen alone.\n\n"
            "What happens next\n\nProgress will be reported to the executive group in spring 2024.\n")
    [entry] = parse_page(page(text)).entries
    recs = [(s.addressee, i.span.text[:12]) for s in entry.sections if s.kind == "recommendations"
            for i in s.items]
    assert recs == [("the police", "Officers sho"), ("hospitals", "Every child "),
                    ("hospitals", "Children wit")]


def test_what_could_we_have_done_differently_is_learning() -> None:
    """"What could we have done differently?" over questions is the review's learning, as "What
    could have been done differently?" was, and a picture's caption inside the list does not
    end it (before: no learning)."""
    text = ("[Invented test page]\n\nConcise Child Practice Review: Child L\n\n"
            "Child L, aged 14, was criminally exploited in 2020.\n\n"
            "What could we have done differently?\n\n"
            "  - Why was each missing episode treated as a fresh event?\n"
            "  - Did anyone ask Child L who he owed money to?\n\n"
            "  [Photo: practitioners at a learning event]\n\n"
            "  - Were Child L's own words written down?\n")
    assert len(items_of(text, "learning")) == 3


def test_a_paragraph_about_another_earlier_review_is_that_review() -> None:
    """A paragraph that tells of another, earlier review by its child's name is that review, on
    its own, under a headed review as in a one-review statement (before: only in the latter, and
    only in fewer wordings); a statement that names its own child late is no second review."""
    statement = ("[Invented test page]\n\nTestshire Safeguarding Children Partnership\n\n"
                 "Statement on the publication of a local child safeguarding practice review\n"
                 "Published: 14 May 2024\n\n"
                 "Today the partnership publishes a review about a 16-year-old boy, known in the report "
                 "as Jay, who died in June 2022 after taking ecstasy at a party with friends.\n\n"
                 "The review made nine recommendations about exclusion from school.\n\n"
                 "The review also refers to the partnership's 2019 serious case review into the death "
                 "of another teenager, Child Q, which found the same pattern of school exclusion leaving "
                 "a young person exposed to adults who exploit children.\n")
    assert [e.name for e in parse_page(page(statement)).entries] == ["Jay", "Child Q"]
    briefing = ("[Invented test page]\n\nLearning from reviews: 'Sam' (Testshire LCSPR, 2023)\n\n"
                "Sam was 14 and looked after; he was criminally exploited in 2022.\n\n"
                "A reminder too of the Exampleshire serious case review about 'Ellie', published in "
                "2017. Ellie, aged 15, came to England to live with a family friend and was neglected "
                "for two years.\n")
    assert [e.name for e in parse_page(page(briefing)).entries][-1] == "Ellie"
    own = statement.replace("\n\nThe review also refers", "\n\nThe partnership thanks the family. It"
                            " also refers").replace("Child Q, which", "a boy, which")
    assert [e.name for e in parse_page(page(own)).entries] == ["Jay"]


def test_some_things_to_take_away_is_learning() -> None:
    """"Some things to take away" over bullets is the review's learning, as "Key takeaways" is
    (before: none)."""
    text = ("[Invented test page]\n\nChild C – Serious Case Review (published 2017)\n\n"
            "Child C was fifteen when, in 2015, she was sexually exploited by a group of men.\n\n"
            "Some things to take away\n\n• Going missing is a warning sign.\n\n"
            "• Language like 'lifestyle choices' hides abuse.\n")
    assert len(items_of(text, "learning")) == 2


@pytest.mark.parametrize("heading", ["6.1 Baby H (Southern HSC Trust area)",
                                     "CMR - Child Q (Belfast HSC Trust area, published 2024)",
                                     "Child V - Case Management Review - Belfast HSC Trust (2022)"])
def test_a_northern_ireland_trusts_area_in_a_heading_is_the_reviews_area(heading: str) -> None:
    """A trust's area in a heading's bracket (an SBNI annual report's, a tracker's) is the
    review's area, nearer than the board's "Northern Ireland" (before: the trust's letters, "HSC",
    kept it from being read as a place)."""
    text = ("[Invented test page]\n\nSafeguarding Board for Northern Ireland annual report\n\n"
            f"{heading}\n\nBaby H, a boy of eight weeks, was injured by his father in 2021. The review "
            "was published in 2023.\n\n"
            "5.9 Baby R (Testshire HSC Trust area)\n\nBaby R, a girl, was neglected in 2020.\n")
    entry = parse_page(page(text)).entries[0]
    assert entry.area is not None and entry.area.endswith("HSC Trust") and "area" not in entry.area


def test_messages_for_practice_is_learning() -> None:
    """"Messages for practice" (and "Practice messages") over a list is the review's learning,
    as "Key messages" is (before: its points ran into the part above)."""
    text = ("[Invented test page]\n\nChild E: Local Child Safeguarding Practice Review\n\n"
            "WHAT HAPPENED\n\nIn 2021 Child E, a girl of 15, took her own life.\n\n"
            "MESSAGES FOR PRACTICE\n\n- Missing episodes should prompt a conversation.\n"
            "- A referral is not a safety plan.\n\nREFLECTIVE QUESTIONS\n\n- What would you do?\n")
    assert len(items_of(text, "learning")) == 2


def test_findings_run_into_one_sentence_are_its_points() -> None:
    """"The CMR made three findings: (i) ...; (ii) ...; (iii) ..." is three points of learning,
    and "made five recommendations; they focus on ..." states recommendations in prose (before:
    none of either)."""
    text = ("[Invented test page]\n\nCMR 1/2024 – Baby W – published February 2024\n"
            "Baby W was five weeks old when he was injured by his father in 2021.\n"
            "The CMR made three findings: (i) information held by probation did not reach the "
            "health visitor; (ii) the referral was closed without anyone seeing Baby W; (iii) "
            "nobody asked who lived in the home. The SBNI thanks the family.\n"
            "The review made five recommendations; they focus on the sharing of information.\n")
    learning = items_of(text, "learning")
    assert learning[0].startswith("information held") and learning[2] == "nobody asked who lived in the home"
    assert len(learning) == 3 and len(items_of(text, "recommendations")) == 1


def test_a_speech_told_a_point_a_paragraph_and_a_review_remembered() -> None:
    """A debate's or a talk's words: "The review set out three findings ..." over paragraphs
    opening "First," / "Secondly," / "Thirdly," (or "One," / "Two," / "Three,") are three points
    of learning; a later paragraph remembering "the significant case review that the Testshire
    Committee published in 2016 about Baby N" is that review (before: neither)."""
    text = ("[Invented test page]\n\nLearning reviews debate\n\n"
            "In 2022 the Testshire Child Protection Committee published a learning review about a "
            "boy the report calls Jay. Jay was 14 when he died in March 2021.\n\n"
            "The review set out three findings that every member should hear.\n\n"
            "First, his missing episodes were treated as behaviour.\n\n"
            "Secondly, the return conversations were brief.\n\n"
            "Thirdly, no one held the whole picture.\n\n"
            "Many of us will remember the significant case review that the Exampleshire Committee "
            "published in 2016 about Baby N. She was four months old in 2014 when her father shook "
            "her. She survived.\n")
    entries = parse_page(page(text)).entries
    assert [e.name for e in entries] == ["Jay", "Baby N"]
    learning = [i.span.text for s in entries[0].sections if s.kind == "learning" for i in s.items]
    assert learning == ["First, his missing episodes were treated as behaviour.",
                        "Secondly, the return conversations were brief.",
                        "Thirdly, no one held the whole picture."]
    spoken = text.replace("First,", "One,").replace("Secondly,", "Two,").replace("Thirdly,", "Three,")
    assert len(items_of(spoken.split("Many of us")[0], "learning")) == 3


def test_a_count_of_recommendations_with_a_comma_is_no_keyword_line() -> None:
    """"The review made four recommendations, all accepted by the partners." at the end of an
    entry is a sentence, not a keyword line (before: two keywords)."""
    text = ("[Invented test page]\n\nSiblings S and T – Multi-agency learning review\n\n"
            "S and T were neglected by their mother in 2020.\n\n"
            "The review made four recommendations, all accepted by the partners.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.section("keywords") == []


def test_a_press_releases_notes_to_editors_name_the_area_and_an_earlier_review() -> None:
    """After "ENDS", the notes to editors are no part of the review's account, but the first
    may name the partnership that commissioned it (when the release says only "the borough")
    and another may tell of an earlier review, "published by the partnership's predecessor ...
    about Baby F": that review on its own (before: area none, Baby F not read)."""
    text = ("PRESS STATEMENT\n\n[Invented test page]\n\nPartnership publishes review into the death "
            "of a baby\n\nThe safeguarding partners for the borough have today published a local "
            "child safeguarding practice review about a baby boy, known as Baby N, who died in 2022 "
            "after co-sleeping with his father.\n\nThe review made six recommendations.\n\nENDS\n\n"
            "Notes to editors\n"
            "1. The review was commissioned by the Testshire Safeguarding Children Partnership.\n"
            "2. The partnership's predecessor, the Testshire Local Safeguarding Children Board, "
            "published a serious case review in 2016 about Baby F, who was six weeks old when she "
            "was found to have fractures.\n3. Media enquiries: communications team.\n")
    entries = parse_page(page(text)).entries
    assert (entries[0].name, entries[0].area) == ("Baby N", "Testshire")
    assert [e.name for e in entries] == ["Baby N", "Baby F"]


def test_a_long_label_on_its_own_line_over_recommendations() -> None:
    """"Recommendations and the partnership's response" alone on its line (47 characters, above
    the 40 a bare label had) labels the recommendations under it (before: none read)."""
    text = ("[Invented test page]\n\n2. Mia – Multi-agency learning review (2023)\n\n"
            "Mia, aged 7, lived with domestic abuse by her father in 2021.\n\n"
            "Recommendations and the partnership's response\n\n"
            "1. All agencies should use professional interpreters. *Response: agreed.*\n"
            "2. Schools should have a trusted adult speak to children. *Response: agreed.*\n")
    assert len(items_of(text, "recommendations")) == 2


@pytest.mark.parametrize("sentence", [
    "Key learning is that professionals should hold the father in mind.",
    "Learning highlighted that disguised compliance can look like cooperation.",
    "Learning identified so far is that maternity and housing each held part of the picture.",
    "Learning points address the recognition of criminal exploitation.",
    "The learning still stands: ask who looks after the baby.",
])
def test_a_sentence_of_learning_in_prose(sentence: str) -> None:
    """A review's learning stated in one sentence of prose under its heading is one point of
    learning, whatever the opening's capital letters or verb (before: none)."""
    text = ("[Invented test page]\n\nChild G (Testshire, 2023)\n\n"
            f"Child G, a girl of two, was neglected in 2021. {sentence}\n")
    assert len(items_of(text, "learning")) == 1


def test_learning_and_a_count_of_recommendations_in_one_sentence() -> None:
    """"The review identified learning on X, and made six recommendations to the Trust": the
    clause before the count is one point of learning (before: none, a sentence that counts
    recommendations was taken for a count alone)."""
    text = ("[Invented test page]\n\nCase Management Review: Child G (Testshire, 2023)\n\n"
            "Child G, a boy of three, was injured by his mother's partner in 2021. The review "
            "identified learning on understanding who lives in a household, and made six "
            "recommendations to the Trust and the police.\n")
    assert items_of(text, "learning") == [
        "The review identified learning on understanding who lives in a household"]


@pytest.mark.parametrize("sentence", [
    "Recommendations cover safe storage checks by prescribers.",
    "Recommendations address children's social care, police and schools.",
    "Recommendations were made to CAMHS and leaving care services.",
    "One recommendation: the Board should publish a dog safety leaflet.",
])
def test_recommendations_stated_in_a_sentence_that_opens_on_them(sentence: str) -> None:
    """A sentence that opens on the recommendations and says what or whom they address is
    one statement of them (before: none)."""
    text = ("[Invented test page]\n\nChild U (Testshire, 2023)\n\n"
            f"Child U, a girl of two, was bitten by a dog in 2021. {sentence}\n")
    assert len(items_of(text, "recommendations")) == 1


def test_a_news_articles_child_in_apposition_and_a_second_review() -> None:
    """A news article's review about "a boy, Jamie, then aged four, and his baby sister, Kit" is
    Jamie's, and its later paragraph "It is the second review in two years ... In 2022 a
    review into the death of a three-month-old boy, known as Baby G, found ..." is another
    review (before: the page was Baby G's alone)."""
    text = ("[Invented test page]\n\nChildren found alone in flat, review says\n\n"
            "The local child safeguarding practice review, commissioned by the Testshire "
            "Safeguarding Partnership, looked at the care of a boy, Jamie, then aged four, and his "
            "baby sister, Kit, who was five months old.\n\n"
            "In August 2022 police found the children alone in the flat; Kit was severely "
            "underweight.\n\n"
            "It is the second review in Testshire in two years to involve a parent on a methadone "
            "prescription. In 2022 a local child safeguarding practice review into the death of a "
            "three-month-old boy, known as Baby G, found that he died while asleep on a sofa.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Jamie", "Baby G"]


def test_a_news_story_that_refers_to_its_child_as_a_name_beside_an_earlier_review() -> None:
    """A news story's review "refers to the teenager as Kai" (before: no name read, and its page's
    own review was lost to the earlier review its last paragraph tells of); a paragraph after the
    bullets of "What the review found" is no finding (before: the recommendations' count and a
    spokesperson's words were two more)."""
    text = ("[Invented test page]\n\nReview finds missed chances to protect teenager\n\n"
            "The local child safeguarding practice review, published by the Testshire "
            "Safeguarding Children Partnership, refers to the teenager as Kai. Kai, 16, died after "
            "being stabbed in October 2022.\n\nWhat the review found\n\n"
            "• Information about his exclusion was not shared.\n\n"
            "• Return interviews were not used.\n\n"
            "The review makes nine recommendations, including that schools share exclusions.\n\n"
            "A council spokesperson said a new exploitation hub had been running since January.\n\n"
            "It is the second review in the city in five years to examine youth violence. A serious "
            "case review published in 2019 into the death of another teenager, known as Child C, "
            "found similar gaps in information sharing.\n")
    entries = parse_page(page(text)).entries
    assert [e.name for e in entries] == ["Kai", "Child C"]
    found = [i.span.text for s in entries[0].sections if s.kind in ("learning", "findings") for i in s.items]
    assert len(found) == 2 and found[0].startswith("Information")


def test_a_newsletters_rubric_over_a_reviews_heading() -> None:
    """"Review spotlight: Harry (Testshire LCSPR)" and "From the archive: Child G (...)": a
    rubric before each review's heading (before: Harry's review was lost, the page read as Child
    G's alone); "published a ... review about an 11-year-old boy, Harry, in September 2023" is
    its publication date, not the visit's March 2022."""
    text = ("[Invented test page]\n\nSafeguarding Matters\n\nReview spotlight: Harry (Testshire LCSPR)\n\n"
            "The Testshire Safeguarding Children Partnership published a local child safeguarding "
            "practice review about an 11-year-old boy, Harry, in September 2023.\n\n"
            "During a home visit in March 2022 the crew could not reach his bedroom. The review "
            "found that Harry had been neglected for a long time.\n\n"
            "From the archive: Child G (Exampleton serious case review)\n\n"
            "In 2015 Exampleton published a serious case review about Child G, who was four when he "
            "died in a house fire in 2014. The review found that G had been neglected.\n\n"
            "Training\n\nLevel 2 safeguarding: 7 November.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year) for e in entries] == [("Harry", 2023), ("Child G", 2015)]


def test_a_review_told_in_a_paragraph_under_a_heading_that_is_no_reviews() -> None:
    """An annual report's "5.4 Other reviews published" over "We also published, in January
    2024, a ... review about Child M, a 13-year-old boy ...": a review (before: lost with the
    section, which only ended the review above it), dated by its own words; a training section
    after it is none."""
    text = ("[Invented test page]\n\nSECTION 5: LEARNING FROM CASE REVIEWS\n\n"
            "5.2 Child K - local child safeguarding practice review\n\n"
            "Child K was a nine-year-old girl who was neglected by her mother in 2023.\n\n"
            "5.4 Other reviews published\n\n"
            "We also published, in January 2024, a local child safeguarding practice review about "
            "Child M, a 13-year-old boy who was found by police in August 2022 in a flat in another "
            "city, holding drugs for older men.\n\n"
            "5.5 Training\n\nOur neglect training was attended by 412 practitioners this year.\n")
    entries = parse_page(page(text)).entries
    assert [(e.name, e.year) for e in entries] == [("Child K", None), ("Child M", 2024)]


def test_a_separate_review_a_news_story_tells_of_after_its_own() -> None:
    """"A separate concise child practice review, published by the same board in March 2024,
    looked at the care of a baby boy, known as Baby BB, ...": another review (before: its facts
    were the first review's, a broken arm and a father released from prison among them)."""
    text = ("[Invented test page]\n\nReview into teenager's death finds gaps in care\n\n"
            "A review into the death of a 17-year-old girl, referred to in the report as Ellie, has "
            "found that services did not plan for her move into adulthood. She took her own life "
            "in August 2022.\n\n"
            "A separate concise child practice review, published by the same board in March 2024, "
            "looked at the care of a baby boy, known as Baby BB, who was four months old when he was "
            "admitted to hospital in 2022 with a broken arm. His father had been released from "
            "prison months before.\n")
    assert [e.name for e in parse_page(page(text)).entries] == ["Ellie", "Baby BB"]


def test_learning_given_as_themes_over_their_points() -> None:
    """A flattened list of themes, each over its points ("• Hearing the child" / "• L's school
    attendance fell ..." / ...): each theme with its points one learning item (before: every
    line one, eight for three themes); a numbered list is never read so."""
    text = ("[Invented test page]\n\nChild L – Local Child Safeguarding Practice Review\n\n"
            "L was 13 when she told a teacher in 2022 that she had been sexually abused.\n\n"
            "What we learned\n\n• Hearing the child\n\n• L's attendance fell and nobody asked why.\n\n"
            "• Her visits were held with her mother in the room.\n\n• New adults in the household\n\n"
            "• The plan was not reviewed when a new adult joined the household.\n\n"
            "• Parental alcohol use\n\n• Practitioners lost sight of L's daily life.\n")
    learning = items_of(text, "learning")
    assert [i.split("\n")[0] for i in learning] == [
        "Hearing the child", "New adults in the household", "Parental alcohol use"]


def test_ordinal_points_under_a_label_and_what_recommendations_asked() -> None:
    """"The review identified three areas for learning. First, ... Second, ... Third, ..." under
    "Learning" is three points (before: one), and "Recommendations asked the police ... to
    improve ..." after them one recommendation (before: a point of learning)."""
    text = ("[Invented test page]\n\nChild M – Serious Case Review\n\n"
            "M was 19 months old when he died in 2017 from a head injury inflicted by his mother's "
            "partner.\n\nLearning\n\nThe review identified three areas for learning. First, the "
            "police did not share the partner's history. Second, professionals focused on the "
            "mother. Third, the nursery's records of bruises were not brought together.\n\n"
            "Recommendations asked the police and the health visiting service to improve how "
            "information about violent partners is shared.\n")
    learning = items_of(text, "learning")
    assert [i.split(",")[0] for i in learning] == ["First", "Second", "Third"]
    assert len(items_of(text, "recommendations")) == 1


def test_a_long_heading_whose_dashes_part_its_fields() -> None:
    """"Child O and Child P – Case Management Review – Testshire HSC Trust area – published
    February 2024" (98 characters) heads a review (before: over 80 characters after "Child", no
    heading, and the review was lost into the one above).  (A sentence wrapped at 90 characters,
    without such dashes, still heads none: validation18's floor guards it.)"""
    text = ("[Invented test page]\n\nChild N – Case Management Review – Testshire HSC Trust area – "
            "published September 2023\n\nChild N, aged two, was injured by his father in 2022.\n\n"
            "Child O and Child P – Case Management Review – Testshire HSC Trust area – published "
            "February 2024\n\nChild O, a 12-year-old girl, and her brother Child P, aged 10, were "
            "emotionally abused by their father in 2022.\n")
    assert [e.title.split(" –")[0] for e in parse_page(page(text)).entries] == [
        "Child N", "Child O and Child P"]


_ACCOUNT = ("[Invented test page]\n\nChild W – local child safeguarding practice review\n\n"
            "Child W, a girl of nine, was sexually abused by a family friend in 2022.\n\n")


@pytest.mark.parametrize("part,learning,recommendations", [
    ("What we learned (Beth a ddysgwyd)\n- Fathers must be seen.\n- Records must be shared.\n", 2, 0),
    ("Learning agreed by the partnership: children who stop attending school should be discussed "
     "with the school nurse.\n", 1, 0),
    ("What we want you to take away\n\n• Any bruise on a baby must be referred.\n\n• Ask about every "
     "man.\n", 2, 0),
    ("The review's message still stands: a child cannot consent to her own exploitation.\n", 1, 0),
    ("6. RECOMMENDATIONS\n\n- The partnership should run a campaign.\n- Housing should check cots.\n\n"
     "7. QUESTIONS TO ASK YOURSELF\n\n- Do I know every adult?\n- Where does the baby sleep?\n", 0, 2),
    ("What DSLs need to know:\n  1. Part-time timetables should be time-limited.\n"
     "  2. Every missing episode should be reported.\n", 2, 0),
    ("What are the key lessons?\nProfessionals did not ask about other adults in W's life.\n\n"
     "What does the review recommend?\nThe review recommends (a) that GPs ask about all adults, (b) "
     "that the police share information, and (c) that the partnership writes a guide.\n\n"
     "Where can I read the report?\nThe full report is available below.\n", 1, 3),
])
def test_labels_a_newsletter_or_an_faq_gives(part: str, learning: int, recommendations: int) -> None:
    """A Welsh label in brackets after the English, "Learning agreed by ...", "What DSLs need to
    know:", an FAQ's questions and "(a) ..., (b) ..., and (c) ..." in one sentence (before: no
    learning read from the first three, the FAQ's rest read as learning, one recommendation)."""
    text = _ACCOUNT + part
    assert (len(items_of(text, "learning")), len(items_of(text, "recommendations"))) == (
        learning, recommendations)


def test_a_boards_actions_in_minutes_are_no_recommendations() -> None:
    """"ACTIONS (Board)" in minutes lists the board's own actions, not the review's."""
    text = _ACCOUNT + "ACTIONS (Board)\nA51  Business Manager to circulate briefings by 31 July.\n"
    assert items_of(text, "recommendations") == []


@pytest.mark.parametrize("sentence,count", [
    ("The review identified four areas of learning: adapting plans for parents with a learning "
     "disability; the cumulative impact of neglect; partnership with adult services; and the voice "
     "of the child.", 4),
    ("Three learning themes emerged for the Trust: the need for curiosity about repeated injuries; "
     "the importance of seeing a young person alone; and the value of youth workers.", 3),
    ("The review's three key messages are about seeing the disabled child, about curiosity when a "
     "parent declines visits, and about escalating concerns.", 3),
    # the count does not match the parts: one point, as before
    ("The review identified two areas of learning: information sharing; supervision; and training.", 1),
])
def test_learning_counted_then_listed_in_one_sentence(sentence: str, count: int) -> None:
    """A sentence that counts its learning and lists it ("four areas of learning: A; B; C; and D")
    is that many points (before: one, or none in prose), when the parts match the count."""
    text = _ACCOUNT + sentence + "\n"
    assert len(items_of(text, "learning")) == count


@pytest.mark.parametrize("sentence", [
    "The review made eight recommendations; the one for the ICB concerned the timeliness of health "
    "assessments.",
    "The review calls for better training for midwives in recognising psychosis.",
    "The review makes recommendations to the Trust and the police on missing episodes.",
])
def test_a_recommendation_told_beside_a_count_or_as_a_call(sentence: str) -> None:
    """The one recommendation a page picks out of a count, what a review "calls for", and
    recommendations "to" named bodies "on" a subject are one statement of them (before: none)."""
    text = ("[Invented test page]\n\nChild U (Testshire, 2023)\n\n"
            f"Child U, a girl of two, was bitten by a dog in 2021. {sentence}\n")
    assert len(items_of(text, "recommendations")) == 1


def test_a_news_pages_caption_line_is_no_label_over_the_article() -> None:
    """"IMAGE: Flowers left at the park (not shown)" is its own line (before: an unknown label
    whose section swallowed the article, and with it the review's type and date)."""
    text = ("[Invented test page]\n\nChild T: Review finds missed chances\n\n"
            "Published 12 July 2022\n\n"
            "IMAGE: Flowers left at the park where the teenager died (not shown)\n"
            "A 15-year-old boy was stabbed to death in Testshire in November 2020.\n\n"
            "The local child safeguarding practice review, published on Tuesday by the Testshire "
            "Safeguarding Children Partnership, found he had been criminally exploited.\n")
    [entry] = parse_page(page(text)).entries
    assert "other" not in {s.kind for s in entry.sections}
    assert not any(s.label and s.label.startswith("IMAGE") for s in entry.sections)


def test_a_post_titled_after_the_reviews_it_holds_is_their_container() -> None:
    """A post "Four-minute read: learning from Child L, and a look back at Child Y" over Child
    L's and Child Y's own headings holds their reviews; it is none of its own (before: a third,
    spurious review of its introduction)."""
    text = ("[Invented test page]\n\nFour-minute read: learning from Child L, and a look back at Child Y\n\n"
            "Every few months we share a short read on a review, so that practitioners can take "
            "the key messages back to their teams.\n\n"
            "Child L – local child safeguarding practice review\n\n"
            "Child L was four months old when he was taken to hospital in 2022 with inflicted "
            "fractures.\n\n"
            "From the archive: Child Y – serious case review\n\n"
            "Child Y was a 14-year-old girl who was sexually exploited by adult men in 2016.\n")
    assert [e.heading.split(" –")[0] for e in parse_page(page(text)).entries] == [
        "Child L", "From the archive: Child Y"]


def test_a_count_of_recommendations_right_after_learning_bullets_ends_them() -> None:
    """"The review made four recommendations." on the line after the learning's bullets (no blank
    line between) is no learning point (before: one more)."""
    text = (_ACCOUNT + "Key learning:\n   - Missing episodes were not linked.\n"
            "   - The school held part of the picture.\n"
            "The review made four recommendations. The action plan is below.\n")
    assert len(items_of(text, "learning")) == 2


def test_the_body_that_published_a_review_is_its_area() -> None:
    """The body a story says published the review is the review's area, before a council the
    account names first ("placed by Exampleshire County Council's children's services" above
    "published this week by the Testshire and Vale Regional Safeguarding Board"; before: the
    council's area)."""
    text = ("[Invented test page]\n\nReview into teenager's death finds gaps in care\n\n"
            "The girl, referred to in the report as Ellie, took her own life in 2022. She had been "
            "placed with foster carers by Exampleshire County Council's children's services.\n\n"
            "The extended child practice review, published this week by the Testshire and Vale "
            "Regional Safeguarding Board, says her foster carers were experienced.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.area == "Testshire and Vale"


@pytest.mark.parametrize("closing", [
    "For more information, contact the Regional Safeguarding Business Unit",
    "[14] Read the summary (PDF, 410KB)",
])
def test_a_pages_closing_link_or_contact_line_is_no_keywords_nor_item(closing: str) -> None:
    """A closing line about links or contacts (a lynx dump's "[14] Read the summary (PDF,
    410KB)") is neither the review's keywords (before: "410kb" was one) nor a point."""
    text = _ACCOUNT + "Learning\n\n- Fathers must be seen.\n\n" + closing + "\n"
    [entry] = parse_page(page(text)).entries
    assert not [s for s in entry.sections if s.kind == "keywords"]
    assert len(items_of(text, "learning")) == 1


def test_a_documents_link_with_its_size_heads_no_review() -> None:
    """"Siblings A and B full report (PDF, 820KB)" is a link, not a review's heading (before: a
    spurious review); a "Published: ... · Download the report (PDF, 412KB)" line keeps its date."""
    text = ("[Invented test page]\n\nSiblings A and B – Local Child Safeguarding Practice Review\n\n"
            "Published: 14 November 2024 · Download the report (PDF, 412KB)\n\n"
            "A, a girl aged six, and her brother B were neglected in 2021.\n\n"
            "Siblings A and B full report (PDF, 820KB)\n")
    entries = parse_page(page(text)).entries
    assert [(e.title.split(" –")[0], e.year) for e in entries] == [("Siblings A and B", 2024)]


def test_a_table_of_recommendations_saved_from_html_without_a_rule() -> None:
    """An HTML table saved as text ("| No. | Recommendation | Lead |" over its rows, blank lines
    between, no "| --- |" rule) under "Recommendations" is the review's recommendations, its
    header none of them (before: the header ended the review, and no recommendation was read);
    the note's closing "For more information contact ... This note may be shared ..." is none."""
    text = (_ACCOUNT + "Recommendations\n\nThe CMR made three recommendations, set out below.\n\n"
            "| No. | Recommendation | Lead |\n\n"
            "| 1 | The Board should issue guidance on fabricated or induced illness. | Board |\n\n"
            "| 2 | Each Trust should name a consultant to hold a single health chronology. | Trusts |\n\n"
            "| 3 | Schools should share persistent absence linked to illness with the GP. | Schools |\n\n"
            "For more information contact the learning team. This note may be shared with "
            "practitioners in all agencies.\n")
    assert [i.split()[:2] for i in items_of(text, "recommendations")] == [
        ["The", "Board"], ["Each", "Trust"], ["Schools", "should"]]


def test_a_records_published_field_run_into_its_account() -> None:
    """"Testshire Safeguarding Children Board | Published: 2019 Baby X, aged 5 months, was found
    ..." (a digest's record whose fields run into its text) dates the review 2019 (before: the
    colon after "Published" hid the year)."""
    text = ("[Invented test page]\n\nBaby X: serious case review\n\nTestshire Safeguarding Children "
            "Board | Published: 2019 Baby X, aged 5 months, was found unresponsive in her cot in "
            "February 2017 and later died in hospital.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.year == 2019


@pytest.mark.parametrize("dateline", ["22.09.2022", "Posted 22/09/2022",
                                      "FOR IMMEDIATE RELEASE — 22.09.2022"])
def test_a_statements_date_in_figures_on_a_line_of_its_own(dateline: str) -> None:
    """A statement dated in figures on a line of its own ("22.09.2022", "Posted 22/09/2022")
    dates the review it announces as published "today" (before: no year)."""
    text = ("[Invented test page]\n\nTestshire Safeguarding Board\n\n" + dateline + "\n\n"
            "Testshire Safeguarding Board has today published an Extended Child Practice Review "
            "about Baby E, a girl who was three weeks old when she was injured by her father.\n")
    assert [e.year for e in parse_page(page(text)).entries] == [2022]


def test_a_catalogues_reviews_of_children_with_the_same_letters_are_no_containers() -> None:
    """A catalogue lists "Child A and Child B" of one area, then another area's Child A and
    Child B: each is a review of its own, not a container of the later ones (the container rule
    wants its parts next, one child each)."""
    text = ("[Invented test page]\n\n2021 – Testshire – Child A and Child B\n"
            "Child A and Child B were neglected by their mother in 2020.\n\n"
            "2021 – Exampleshire – Child A\nChild A, a boy of four, was injured by his father in 2020.\n\n"
            "2022 – Otherton – Child B\nChild B, a girl of two, was neglected in 2021.\n\n"
            "2022 – Westshire – Child A and Child B\nChild A and Child B were neglected in 2021.\n")
    assert len(parse_page(page(text)).entries) == 4


def test_two_first_names_a_dash_and_the_review_type_head_a_review() -> None:
    """"Ellie and Jack – Multi-agency learning review (published November 2022)" over an account
    that names them again heads a review of two children (before: left unread)."""
    text = ("[Invented test page]\n\nPublished reviews\n\n"
            "Child A – Local Child Safeguarding Practice Review (published March 2023)\n\n"
            "Child A was injured by his father in 2021.\n\n"
            "Ellie and Jack – Multi-agency learning review (published November 2022)\n\n"
            "Ellie (six) and her brother Jack (four) came to the attention of the Partnership after "
            "Jack needed eight teeth removed under general anaesthetic. A rapid review found that "
            "the criteria for a practice review were not met.\n")
    assert [e.year for e in parse_page(page(text)).entries] == [2023, 2022]


def test_a_quotations_first_word_is_no_quoted_name() -> None:
    """'His father says, "It's his dummy clip"' is no review of a child called "It" (before: a
    spurious review); a quoted name ("‘Henry’") still is one."""
    text = ("[Invented test page]\n\nBaby M: learning from a review\n\nBaby M was shaken by his "
            "father in 2022.\n\nHis father says, \"It's his dummy clip, it digs in when he sleeps.\"\n\n"
            "What do you do?\n\nThis is what happened. The bruise was noted.\n\nWhat the review found\n\n"
            "* The bruise was a warning sign.\n* The father was not seen.\n")
    assert [e.title for e in parse_page(page(text)).entries] == ["Baby M: learning from a review"]


def test_a_lead_in_to_the_recommendations_is_no_recommendation() -> None:
    """"The CMR made the recommendations below. Each has an agreed lead and an action plan
    monitored by the Board." introduces the table under it: it is none of its rows."""
    text = ("[Invented test page]\n\nCase Management Review – Child T\n\nChild T, 10, was neglected by "
            "her father in 2023.\n\nRecommendations\n\nThe CMR made the recommendations below. Each has "
            "an agreed lead and an action plan monitored by the Board.\n\n"
            "| No. | Lead | Recommendation |\n| 1 | Health | Treat missed appointments as a trigger. |\n"
            "| 2 | Board | Issue guidance on interpreters. |\n")
    recs = items_of(text, "recommendations")
    assert len(recs) == 2 and not any("below" in r for r in recs)


def test_a_fields_value_ends_where_the_lines_next_field_starts() -> None:
    """"Ardal / Area: Neath Port Talbot · Cyhoeddwyd / Published: 14.06.2022" names the area
    Neath Port Talbot (before: the whole rest of the line)."""
    text = ("[Invented test page]\n\nWGSB 1/2022 – Concise Child Practice Review – Child L\n\n"
            "Ardal / Area: Neath Port Talbot · Cyhoeddwyd / Published: 14.06.2022\n\n"
            "Child L, 6, was injured by his mother's partner in 2021.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.area == "Neath Port Talbot"


def test_what_the_reviewer_saw_heads_its_findings() -> None:
    """"What the reviewer saw" over bullets heads the review's findings (devlocal68)."""
    text = ("[Invented test page]\n\nChild H – Local Child Safeguarding Practice Review (published June "
            "2022)\n\nChild H, seven weeks old, had fractured ribs in 2020.\n\nWhat the reviewer saw\n\n"
            "• A bruise on a baby who cannot roll over is never just a bruise.\n"
            "• The young father was treated as a visitor.\n")
    assert len(items_of(text, "findings")) == 2


def test_the_panel_found_heads_its_findings() -> None:
    """"The Panel found:" over bullets heads the review's findings (before: read as the account)."""
    text = ("[Invented test page]\n\nChild P (national review)\n\nChild P, 5, was killed by his mother's "
            "partner in 2020.\n\nThe Panel found:\n\n• Calls from relatives were treated as less reliable.\n"
            "• Doorstep visits rarely included seeing the child.\n")
    assert len(items_of(text, "findings")) == 2


def test_a_learning_label_with_a_note_in_brackets_heads_a_list() -> None:
    """"Learning (my summary)" over a list is a learning label (before: the list was account)."""
    text = ("[Invented test page]\n\nChild H — concise child practice review, Powys (published 2022)\n\n"
            "H, four months, died in 2021 asleep on a sofa next to his father.\n\nLearning (my summary)\n"
            "- safer sleep advice was given to the mother only\n- the distance was not considered\n")
    assert len(items_of(text, "learning")) == 2


def test_a_paragraph_counting_the_recommendations_ends_the_learning() -> None:
    """"Learning: ..." then, in a paragraph of its own, "The CMR made 11 recommendations,
    including that ...": what was recommended, not one more lesson."""
    text = ("[Invented test page]\n\nChild U — case management review (SBNI), 2020\n\nU, aged two, was "
            "burned by his mother's boyfriend in 2019.\n\nLearning (one para in report): de-registration "
            "happened without asking who cared for U; the two teams did not share their plans.\n\n"
            "The CMR made 11 recommendations, including that adult services ask who else cares for "
            "children.\n")
    learning = items_of(text, "learning")
    assert len(learning) == 1 and "recommendations" not in learning[0]


@pytest.mark.parametrize("line,count", [
    ("Learning: ask who lives in the home; listen to what children show us at school.", 1),
    ("Learning: ask who lives in the home; listen to children. Fathers must be seen.", 2),
    ("Learning: 1) reviews never asked about drugs; 2) advice must reduce harm.", 2)])
def test_a_one_line_learning_is_one_point_only_when_it_is_one_sentence(line: str, count: int) -> None:
    """A one-line "Learning:" whose one semicolon joins two clauses is one point; two sentences
    or numbered points ("1) ...; 2) ...") are several."""
    text = ("[Invented test page]\n\nChild W: local child safeguarding practice review\n\nChild W, 10, was "
            f"neglected by her mother in 2022.\n\n{line}\n")
    assert len(items_of(text, "learning")) == count


def test_siblings_over_a_published_season_head_a_review() -> None:
    """"Siblings A and B: multi-agency learning review" over "Published: Spring 2023" heads a
    review (before: missed; "Siblings" and "Twins" name children as "Children" does)."""
    text = ("[Invented test page]\n\nPublished reviews\n\nChild M (published March 2024)\n\n"
            "Published: March 2024\n\nChild M, 14, was neglected in 2022.\n\n"
            "Siblings A and B: multi-agency learning review\n\nPublished: Spring 2023\n\n"
            "The partners decided that the case did not meet the criteria for a practice review.\n\n"
            "A (aged nine) and her brother B were found in a home with no heating in 2021.\n")
    assert [e.year for e in parse_page(page(text)).entries] == [2024, 2023]


def test_a_bold_label_in_a_text_file_heads_its_list() -> None:
    """"**Learning**" and "**Recommendations** (4 in the report)" in a text file's Markdown label
    the lists under them (before: read as the account)."""
    text = ("[Invented test page]\n\n### Child M — Testshire — LCSPR — published January 2024\n\n"
            "Child M, a boy aged 10, was neglected by his mother in 2022.\n\n**Learning**\n"
            "1. Look at the pattern over time.\n2. Find out who is looking after him.\n\n"
            "**Recommendations** (4 in the report; summary gives these two)\n"
            "- Children's social care to add household checks.\n- Schools to share welfare logs.\n")
    assert (len(items_of(text, "learning")), len(items_of(text, "recommendations"))) == (2, 2)


def test_an_underlined_heading_that_is_no_label_ends_the_list() -> None:
    """"Related guidance" over "====" (reStructuredText) after the recommendations is a part of
    its own: its links are no recommendations."""
    text = ("[Invented test page]\n\nLearning Review – Young Person H (Testshire, 2023)\n"
            "=================================================\n\n"
            "H, 15, self-harmed repeatedly in 2022.\n\nRecommendations\n\n"
            "* Emergency departments to share attendances with CAMHS.\n\n"
            "Related guidance\n================\n\n* Bruising protocol (2023)\n* Self-harm pathway\n")
    assert items_of(text, "recommendations") == ["Emergency departments to share attendances with CAMHS"]


@pytest.mark.parametrize("heading,area", [
    ("### Child M — Sunderland — LCSPR — published January 2024", "Sunderland"),
    ("Review 1 - Child F (LCSPR, Cheshire East, 2024)", "Cheshire East"),
    ("Highland CPC - Learning Review: Young Person J", "Highland"),
    ("Multi-agency learning review: Children R and T (Nottingham City)", "Nottingham City"),
    # a first name is no place, and a field that is no authority's name is none
    ("Kayla — multi-agency learning review — published March 2024", None)])
def test_a_place_among_a_headings_fields_is_its_area(heading: str, area: str | None) -> None:
    """A field of a heading that the gazetteer of local authorities knows, exactly, is the
    review's area (before: none, unless a body's name or a known pattern said it)."""
    text = (f"[Invented test page]\n\n{heading}\n\nThe child was neglected by a parent in 2022; the "
            "review found that agencies did not share information.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.area == area


@pytest.mark.parametrize("heading,year", [
    ("Child N | Serious case review | 2019", 2019),
    ("Child N: serious case review: 2019", 2019),
    ("Child N [2019]", 2019)])
def test_a_year_that_is_a_headings_field_dates_the_review(heading: str, year: int | None) -> None:
    text = (f"[Invented test page]\n\n{heading}\n\nThe child was neglected by a parent; the review "
            "found that agencies did not share information.\n")
    assert [e.year for e in parse_page(page(text)).entries] == [year]


def test_a_review_in_progress_with_no_account_is_no_review(tmp_path: Path) -> None:
    """"3. Child U – review in progress" over "A summary will be published when it is complete"
    tells of no review yet (before: a spurious review); one in progress whose page tells the
    case ("... died in 2023") is still one."""
    text = ("# Reviews we have published\n\n[Invented test page]\n\n---\n\n"
            "### 1. Child T – local child safeguarding practice review (published May 2024)\n\n"
            "Child T, 3, was neglected by her mother in 2022.\n\n**Learning**\n\n- See the home.\n\n"
            "**Recommendations**\n\nThe review made recommendations to schools about attendance.\n\n"
            "### 3. Child U – review in progress\n\n"
            "This local child safeguarding practice review is in progress. A summary will be published "
            "when it is complete.\n\n### 4. Baby V – review in progress\n\n"
            "Baby V died in hospital in 2023 after being shaken; the review is under way.\n\n"
            "### 5. Child W – LCSPR (published 2022)\n\nWork on the action plan is under way.\n")
    saved = tmp_path / "reviews.md"
    saved.write_text(text, encoding="utf-8")
    # (a published review whose action plan is under way is still one)
    headings = [e.heading[:8] for e in parse_page(read_source(saved)).entries]
    assert headings == ["1. Child", "4. Baby ", "5. Child"]


def test_a_related_content_heading_ends_the_list_above_it() -> None:
    """"Related content" over a page's links ("How to request a full case review report") ends
    the learning above it: the links are no lessons."""
    text = ("[Invented test page]\n\nChild N (Wrexham, 2023, concise child practice review)\n\n"
            "Child N, 6, was neglected by his mother in 2022.\n\nLearning:\n"
            "- practitioners need to check that a parent has understood what is expected of her\n\n"
            "Related content\n\n- How to request a full case review report\n"
            "- Case reviews published in 2021\n")
    assert len(items_of(text, "learning")) == 1


def test_a_label_with_its_welsh_in_brackets() -> None:
    """"Recommendations (Argymhellion)" is the label in both languages (before: a named note,
    as a minute's "ACTIONS (Board)" is, so its list was lost)."""
    text = ("[Invented test page]\n\nExtended Child Practice Review NWSB 02/2023 (Baby E)\n\n"
            "Baby E, a 9-month-old girl, was injured by her mother's partner in 2022.\n\n"
            "Recommendations (Argymhellion)\n1. Probation to share information about new partners.\n"
            "2. Health visitors to ask about new adults in the home.\n")
    assert len(items_of(text, "recommendations")) == 2


def test_a_counted_list_of_recommendations_in_prose() -> None:
    """"Two recommendations were made: A, and B." lists two recommendations (before: none; a
    labeller of devlocal75 counted such a sentence as one item, a judgement call)."""
    text = ("[Invented test page]\n\n6.2.1 Child Q (published July 2022)\n\nChild Q, 14, was sexually abused "
            "by a peer in 2021. Two recommendations were made: a schools protocol on peer-on-peer abuse, "
            "and joint police and education strategy discussions.\n")
    assert items_of(text, "recommendations") == ["a schools protocol on peer-on-peer abuse",
                                                 "joint police and education strategy discussions"]


@pytest.mark.parametrize(("where", "area"), [
    ("This case management review concerns a boy who lived in the Mid and East Antrim Borough "
     "Council area.", "Mid and East Antrim"),
    ("The family lived in the Lisburn & Castlereagh area and were known to the South Eastern Trust.",
     "Lisburn & Castlereagh"),
    # "Belfast" in the account is where the board sits as often as where the child lived
    ("The Safeguarding Board for Northern Ireland, based in Belfast, published the review.",
     "Northern Ireland"),
    ("The family were known to the Southern Health and Social Care Trust.",
     "Southern Health and Social Care Trust"),
])
def test_a_case_management_reviews_council_area(where: str, area: str) -> None:
    """A council area the account names is the review's area (before: the region, or none);
    a trust named without one still is (invented page)."""
    text = (f"[Invented test page]\n\nCase Management Review: Child N\n\nPublished by the Safeguarding "
            f"Board for Northern Ireland, October 2023.\n\n{where} N was neglected in 2021.\n")
    (entry,) = parse_page(page(text)).entries
    assert entry.area == area


def test_a_count_by_a_panel_named_by_its_review_is_no_recommendation() -> None:
    """"The CMR panel made three recommendations." opens the list; it is none of them."""
    text = ("[Invented test page]\n\nCase Management Review: Child N\n\nN was neglected in 2021.\n\n"
            "Recommendations\n\nThe CMR panel made two recommendations.\n\n"
            "• GPs should give safe storage advice.\n• Schools should escalate the same day.\n")
    assert len(items_of(text, "recommendations")) == 2


_AGENCY_GROUPED = """<h2>Child P – Case Management Review – Testshire – published March 2024</h2>
<p>Child P, a three-year-old girl, was injured in August 2022. Invented test data.</p>
<h3>Recommendations</h3>
<h4>Children's social work services</h4>
<ol><li>Assessments should include every adult in the household.</li>
<li>Team managers should audit assessments each quarter.</li></ol>
<h4>General practice</h4>
<ol><li>
  <p>Practices should add a prompt to mental health templates.</p>
  <p>The prompt should ask whether the patient cares for children.</p>
</li></ol>
<h3>Related resources</h3>
<ul><li>Safer sleep training dates</li></ul>
"""


def test_recommendations_grouped_under_agency_headings() -> None:
    """An agency's name alone over its list ("General practice") is that agency's part of the
    recommendations, not a heading that ends the review (before: none of the three was read);
    an item of two paragraphs is one item; "Related resources" is no agency."""
    source = SourceText(Path("reviews.html"), _AGENCY_GROUPED, "text/html", "utf-8", "0" * 64)
    from casegraph.ingest.sources import html_to_text

    [entry] = parse_page(replace(source, text=html_to_text(source.text))).entries
    recs = [(s.addressee, i.span.text) for s in entry.sections if s.kind == "recommendations"
            for i in s.items]
    assert recs == [
        ("Children's social work services", "Assessments should include every adult in the household"),
        ("Children's social work services", "Team managers should audit assessments each quarter"),
        ("General practice", "Practices should add a prompt to mental health templates. The prompt should "
                             "ask whether the patient cares for children")]


@pytest.mark.parametrize(("sentence", "items"), [
    ("The Board accepted all six recommendations. The action plan is available on request.", 0),
    ("The review makes 12 recommendations; the full list is in the report.", 0),
    ("The CPC accepted all six recommendations; see the published action plan.", 0),
    ("They are published in full with the Board's response.", 0),
    ("The review makes six recommendations. The partnership will publish an update on progress in 2026.", 0),
    ("Contact the Regional Safeguarding Business Unit: 01000 000000.", 0),
    ("6.1 The review makes five recommendations.", 0),
    ("Contact the business unit if you need an accessible version of this register.", 0),
    ("NEXT YEAR", 0),
    # session 46 (six sets' trackers and digests)
    ("The Child Protection Committee accepted all five recommendations of the review.", 0),
    ("All seven recommendations were accepted by the partnership.", 0),
    ("The partnership has accepted the review's eight recommendations.", 0),
    ("See action plan - 5 recs", 0),
    # session 68 (development reviews read as 1 before)
    ("The SCR made 7 recommendations. The action plan was completed in 2020.", 0),
    ("The review made 12 recommendations. The committee reported in 2021 that all of them had been "
     "completed.", 0),
    ("Four, addressed to the safeguarding partnership, the ICB and children's social care.", 0),
    ("three (not listed in the summary).", 0),
    ("The recommendations will be published with the Trust's action plan later in 2025.", 0),
    ("The Board should complete the action plan by March.", 1),
    ("The review contains nine recommendations. The Partnership has accepted all of them.", 0),
    ("The SBNI has accepted the CMR’s five recommendations, which will be published with the full "
     "report.", 0),
    ("Read more ›", 0),
    # what they are about makes a count an item
    ("The SBNI has made four recommendations to the Trust and the PSNI, on checks of new partners.", 1),
    ("The partnership accepted four recommendations, summarised as improving access to interpreters.", 1),
])
def test_what_became_of_the_recommendations_is_none_of_them(sentence: str, items: int) -> None:
    """A count, what was done with them, or where they are is no recommendation (devlocal78's
    labeller, FORMAT.md: a count alone gives none); a count that says what they cover is one."""
    text = (f"[Invented test page]\n\nCase Management Review: Child N\n\nN was neglected in 2021.\n\n"
            f"Recommendations\n\n{sentence}\n\nInvented test data, published in 2022.\n")
    assert len(items_of(text, "recommendations")) == items


def test_a_text_tables_numbered_rows_are_the_recommendations() -> None:
    """A table set out with spaces: its header row is none, and a row's wrapped lines, whatever
    their first letter, run on to the next numbered row (before: 5 items for 2); what the
    committee did with them is none either."""
    text = ("[Invented test page]\n\nLearning Review: Child Y\n\nY was neglected in 2021.\n\n"
            "Recommendations\n\n"
            "No.  Recommendation                                 Agency              Timescale\n"
            "1    Share domestic abuse notifications about        Police Scotland     3 months\n"
            "     children under five within 24 hours.\n"
            "2    Promote use of the Disclosure Scheme for        Police Scotland /   12 months\n"
            "     Domestic Abuse Scotland by practitioners.       Women's Aid\n\n"
            "The Testshire Child Protection Committee has agreed an action plan and will report progress.\n")
    items = items_of(text, "recommendations")
    # (session 65: the rows' numbers, counting 1, 2, are the table's, no words of the items)
    assert len(items) == 2 and items[0].startswith("Share domestic") and items[1].startswith("Promote use")
    assert "Women's Aid" in items[1]


def test_an_outliners_bullet_label_heads_the_points_under_it() -> None:
    """"- Learning" alone on its line over points is their label, as in an outliner's export
    (before: every bullet was the account); a contents list's "• Recommendations" over
    "• CPC response" is none."""
    text = ("[Invented test page]\n\n## Child Q – Learning Review – Testshire (2023)\n"
            "- Q, a 15-month-old girl, was neglected in 2022.\n- Learning\n"
            "- Growth charts were not plotted after six months.\n"
            "- Was not brought should trigger a phone call.\n- Recommendations\n"
            "- Health visiting to plot weight at every contact.\n")
    assert len(items_of(text, "learning")) == 2 and len(items_of(text, "recommendations")) == 1
    contents = ("[Invented test page]\n\nSignificant Case Review – Child P\n\nOn this page\n  • Background\n"
                "  • Recommendations\n  • CPC response\n\nBackground\n\nP was neglected in 2019.\n\n"
                "Recommendations\n\n1. The CPC should audit its neglect toolkit.\n")
    assert items_of(contents, "recommendations") == ["The CPC should audit its neglect toolkit"]
    notes = ("[Invented test page]\n\nChild R (Wales, Testshire) - Concise Child Practice Review - "
             "published 2023\n"
             "    • Girl, 14, self-harmed in 2022.\n    • Learning (2):\n"
             "        ◦ Missed appointments by a teenager are a signal, not a reason to close.\n"
             "        ◦ Young carers should be identified by adult services.\n"
             "    • Recommendations: 4 - to CAMHS, the health board and the school.\n")
    # (a notebook's "Learning (2):" over its points; "4 - to CAMHS, ..." counts, and lists none)
    assert len(items_of(notes, "learning")) == 2 and items_of(notes, "recommendations") == []


_CHANGE_THEN_ACTIONS = """Child R - Local Child Safeguarding Practice Review (published June 2023)

Invented test data. In 2022 Child R, a baby girl, was injured at home in Testshire.

What needs to change

Seeing the whole household. Practitioners need to ask who lives in the home.

Bruising in babies. Any bruise must be referred; the explanation offered does not change that.

What the partnership will do

The partnership will relaunch the bruising protocol.

The partnership will audit how agencies record the adults in a household.
"""


def test_what_must_change_above_the_partnerships_actions_is_the_learning() -> None:
    """Session 44: "What needs to change" above the review's actions ("What the partnership will
    do") is what practice must change, its learning; each paragraph one point, its one
    semicolon joining two clauses of it."""
    assert items_of(_CHANGE_THEN_ACTIONS, "learning") == [
        "Seeing the whole household. Practitioners need to ask who lives in the home",
        "Bruising in babies. Any bruise must be referred; the explanation offered does not change that"]
    assert len(items_of(_CHANGE_THEN_ACTIONS, "recommendations")) == 2


def test_what_must_change_alone_is_still_the_recommendations() -> None:
    text = _CHANGE_THEN_ACTIONS.split("What the partnership will do")[0]
    assert items_of(text, "learning") == []
    assert len(items_of(text, "recommendations")) == 2


@pytest.mark.parametrize(("text", "items"), [
    # a list written on one line among paragraphs is still a list
    ("Ask who lives there; record it; share it.\nSee every child.",
     ["Ask who lives there", "record it", "share it", "See every child"]),
    # a count and a pointer joined by a semicolon are two remarks, neither an item
    ("Ask who lives there.\nThe review makes 12 recommendations; see the full report.",
     ["Ask who lives there"]),
    # a paragraph that is no whole sentence leaves its semicolon a separator
    ("Ask who lives there; record it\nSee every child",
     ["Ask who lives there", "record it", "See every child"]),
])
def test_a_semicolon_in_a_list_of_paragraphs(text: str, items: list[str]) -> None:
    assert [i.span.text for i in split_items(Span.of(text, 0))] == items


def test_a_reviews_account_under_its_reference_and_fields_is_its_own() -> None:
    """Session 44: "CMR 2/2023 – Child O" over its fields, then a paragraph that opens with
    the child's name, is one review (before: a second, with the account and the first only
    its fields)."""
    text = ("Published reviews\n\nCMR 2/2023 – Child O\n\nTrust area: Western\n\nCouncil area: Derry City "
            "and Strabane\n\nPublished: September 2023\n\nChild O was eight when doctors concluded "
            "that her mother had been inducing her symptoms. Invented test data.\n\nWhat we learned\n\n"
            "• Talk to the child alone.\n\n• What a school sees is evidence too.\n")
    [entry] = parse_page(page(text)).entries
    assert entry.heading == "CMR 2/2023 – Child O" and entry.area == "Derry City and Strabane"
    assert [len(s.items) for s in entry.sections if s.kind == "learning"] == [2]


def test_a_short_paragraph_about_another_review_is_that_review() -> None:
    """Session 44: one sentence after a statement, naming another child's earlier review and its
    year, is that review (before: under 120 characters it was read as the statement's)."""
    text = ("Testshire Safeguarding Children Board has today published a local child safeguarding "
            "practice review about a 16-year-old boy, known in the review as Kieran, who died in May "
            "2022. Invented test data.\n\nKieran had stopped going to school in 2021.\n\n"
            "In 2019 the Board published a serious case review about another 16-year-old, Child H, who "
            "died in 2018.\n")
    names = [e.name for e in parse_page(page(text)).entries]
    assert "Child H" in names and len(names) == 2


def test_a_reviews_document_named_with_its_publication_date_dates_it() -> None:
    """Session 44: with no date anywhere else, "Download: Jayden_LCSPR_published_July2024.pdf"
    says when the review came out; a bookmark's "Date added" does not (it is the reader's)."""
    text = ("Published reviews\n\nJayden – Local Child Safeguarding Practice Review\n\nInvented test data. "
            "In late 2022 Jayden, 15, was stabbed near a park in Testshire.\n\nLearning\n\n• Complete return "
            "home interviews.\n\nDownload: Jayden_LCSPR_published_July2024.pdf (PDF, 812KB)\n")
    [entry] = parse_page(page(text)).entries
    assert (entry.year, entry.month) == (2024, 7)


def test_a_labelled_point_over_the_footer_is_no_record() -> None:
    """Session 44: a briefing's last "- Training: ..." point over its footer ("Published:
    February 2024 | ...") is no record title: the briefing is one review (before: none at all,
    the page refused)."""
    text = ("TESTSHIRE DISTRICT SAFEGUARDING CHILDREN PARTNERSHIP\n7 MINUTE BRIEFING\nLOCAL CHILD "
            "SAFEGUARDING PRACTICE REVIEW: BABY M\n\n1. BACKGROUND\n\nBaby M was a four-month-old girl "
            "who lived with her parents. Invented test data.\n\n2. WHAT HAPPENED\n\nIn August 2023 scans "
            "showed bleeding on her brain; her father admitted shaking her.\n\n3. LEARNING\n\n"
            "  - Ask about fathers.\n  - Training: \"Working with fathers\" (half day)\n\n"
            "Published: February 2024 | Testshire District Safeguarding Children Partnership\n")
    [entry] = parse_page(page(text)).entries
    assert "BABY M" in entry.heading and entry.year == 2024


def test_a_district_partnerships_area_is_its_council() -> None:
    from casegraph.ingest.document import area_of_body

    assert area_of_body("Wakefield District Safeguarding Children Partnership") == "Wakefield"


def test_a_captioned_table_of_recommendations_is_the_reviews() -> None:
    """Session 44: "Table 6: Progress on recommendations" over a space-aligned table, inside a
    review's section of an annual report, is no heading ending the review: its rows are the
    review's recommendations."""
    text = ("6.3 Extended Child Practice Review TSB 2/2023 – Baby H\n\nBaby H, seven months old, died in "
            "March 2022 from head injuries inflicted by his mother's partner. Invented test data.\n\n"
            "The review made two recommendations.\n\nTable 6: Progress on recommendations, TSB 2/2023\n\n"
            " No.  Recommendation                                        Lead        Status\n"
            " 1    Relaunch the bruising protocol for non-mobile         Health      Complete\n"
            "      babies with health visitors and GPs                   Board\n"
            " 2    Health visitors to see every new adult in the         Health      Complete\n"
            "      household face to face                                Board\n\n"
            "6.4 Reviews under way\n\nTwo reviews are under way.\n")
    entries = parse_page(page(text)).entries
    assert [len(s.items) for s in entries[0].sections if s.kind == "recommendations"] == [2]


def test_a_review_published_into_another_childs_death_is_another_review() -> None:
    """Session 44: "In 2023 a case management review was published into the death of a
    15-year-old girl, Child L, ..." after a news story's own review is Child L's review, and
    her death is not the story's baby's."""
    text = ("Baby's father was invisible to services, review finds\n\nA review into serious injuries "
            "suffered by a baby boy, referred to as Baby S, was published yesterday by the Testshire "
            "Board. Invented test data.\n\nDoctors found that he had a fractured skull in 2023.\n\n"
            "It is the second case management review in the area in two years. In 2023 a case "
            "management review was published into the death of a 15-year-old girl, Child L, who took "
            "her own life.\n")
    names = [e.name for e in parse_page(page(text)).entries]
    assert "Child L" in names and len(names) == 2


def test_a_briefings_the_review_in_prose_is_how_it_was_done_not_its_learning() -> None:
    """Session 44: a 7-minute briefing's "THE REVIEW" told in prose (who commissioned it, who
    took part) is no learning; its "LEARNING" list is (the shared Devon briefing's "The Review"
    of bullets stays its findings: tests/test_eval)."""
    text = ("7 MINUTE BRIEFING: CHILD C\n\n1. BACKGROUND\nChild C, aged 3, was neglected in Testshire in "
            "2022. Invented test data.\n\n2. THE REVIEW\nThe Board commissioned a concise child practice "
            "review. Practitioners from the leaving care service and the police took part.\n\n"
            "3. LEARNING\n- Record changes in behaviour.\n- Use a professional interpreter.\n")
    [entry] = parse_page(page(text)).entries
    assert [len(s.items) for s in entry.sections if s.kind == "learning"] == [2]


def test_a_reflective_question_after_the_recommendations_is_none() -> None:
    """Session 44: questions a briefing asks its readers, run into its recommendations, are no
    recommendations; a recommendation that quotes a question still is."""
    text = ("Child U – Local Child Safeguarding Practice Review\n\nChild U, aged 9, was neglected in "
            "Testshire in 2022. Invented test data.\n\nRecommendations\n"
            "- the partnership to run a briefing on \"who lives here?\".\n"
            "- schools to share concerns about absence with the school nurse.\n"
            "- How do you record the voice of the child?\n- Do you know your named doctor?\n")
    assert len(items_of(text, "recommendations")) == 2


def test_a_text_tables_header_of_recommendations_heads_them() -> None:
    """Session 44: under a paragraph that counts them ("Its two recommendations and their status
    are:", wrapped), a text table's header row naming recommendations heads its rows."""
    text = ("4.1   Local Child Safeguarding Practice Review – \"Amy\"\n\n4.1.1 Amy was 14 when, in 2022, "
            "she told a teacher she was being abused. Invented test data.\n\n4.1.4 The review was "
            "published in 2023. Its two recommendations and\n      their status are:\n\n"
            "      Recommendation                                Lead            Status\n"
            "      --------------------------------------------  --------------  -----------\n"
            "      1. Schools to train staff to respond to       Education       Complete\n"
            "         partial disclosures.\n"
            "      2. GPs to consider abuse when a child         ICB             Complete\n"
            "         presents with self-harm.\n")
    assert len(items_of(text, "recommendations")) == 2


def test_recommendations_that_include_doing_something_are_one() -> None:
    """Session 44: "Recommendations for the Board and the youth justice service include making
    earlier use of the National Referral Mechanism." is one recommendation, its text kept."""
    text = ("Extended Child Practice Review TSB 1/2023 – Rhys\n\nRhys was 15 when, in January 2023, he was "
            "seriously injured. Invented test data.\n\nRecommendations for the Board and the youth "
            "justice service include making earlier use of the National Referral Mechanism.\n")
    assert items_of(text, "recommendations") == [
        "Recommendations for the Board and the youth justice service include making earlier use of the "
        "National Referral Mechanism"]


def test_the_national_panel_is_no_area() -> None:
    """Session 44: "commissioned by the Child Safeguarding Practice Review Panel" names no area
    (before: "Child", from "the <Area> Safeguarding ...")."""
    from casegraph.ingest.document import _AREA_COMMITTEE

    assert _AREA_COMMITTEE.search("It was commissioned by the Child Safeguarding Practice Review "
                                  "Panel.") is None
    assert _AREA_COMMITTEE.search("published by the Fife Safeguarding group")["area"] == "Fife"


_HARD_WRAPPED = """[Invented test page: an annual report's section, wrapped at 72 columns]

6.2 Concise Child Practice Review - Child T (Testshire)

Child T, a boy aged two, was taken to hospital in 2023 with burns to his
hands. His mother said he had pulled a pan from the cooker. The review
found no sign that Child T had been hurt on purpose before then.

Recommendations

The review recommends that the Board writes to Carmarthenshire County
Council to review how it shares referrals about children under two.
Health visitors should record the details of every adult in the Home
Office asylum accommodation where a family lives

Practice points

  Ask who lives in the home and who looks after the child at night
  Record a father's details at every contact
"""


def test_a_hard_wrapped_sentence_goes_on_after_a_name() -> None:
    """(session 68) A line that fills the text's width and ends in a name's word ("...
    Carmarthenshire County" / "Council to review ...") goes on in the next line, though that
    opens with a capital (before: two items); a sentence's end at a line's end ends it, and an
    unpunctuated list's lines, each ended by its writer with room for the next one's first
    word, stay apart."""
    items = items_of(_HARD_WRAPPED, "recommendations")
    assert items[:2] == [
        "The review recommends that the Board writes to Carmarthenshire County Council to review how "
        "it shares referrals about children under two",
        "Health visitors should record the details of every adult in the Home Office asylum "
        "accommodation where a family lives"]
    assert items[-2:] == ["Ask who lives in the home and who looks after the child at night",
                          "Record a father's details at every contact"]


def test_a_cards_read_more_link_is_no_learning_point() -> None:
    """(session 68) A newsletter card's "Read more ›" under its learning is the card's link,
    not one more point (before: a learning point of each of five cards)."""
    text = ("[Invented test page]\n\nREVIEW CARD\nChild Q – LCSPR\nPublished: 11/10/2023\n"
            "Child Q, 15, was excluded from school in 2022 and spent his days on the streets.\n"
            "Learning: (1) recognise chronic neglect in teenagers; (2) do not close cases when a "
            "parent disengages.\nRead more ›\n")
    assert items_of(text, "learning") == ["recognise chronic neglect in teenagers",
                                          "do not close cases when a parent disengages"]
