"""Layouts of devlocal110 (session 78) that lost or mistook a review: a Welsh board's
multi-agency professional forum (a review of type RT-MAR, dated "Shared October 2023"), a
training handout's "Case study 2 - Learning review, Dundee (2023): Kayla", and a list page's link
to a report, "Child D overview report (invented link)", which was taken for a review and hid the
one under it.

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

NOTE = "[Invented test data for casegraph: not a real review.]"


def _reviews(tmp_path: Path, vocab: Vocabulary, text: str) -> list:
    return reviews_of_page(tmp_path, "page.txt", f"{NOTE}\n\n{text}", vocab)


def test_a_professional_forum_is_a_multi_agency_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """"4.3 Multi-agency Professional Forum – Child S and Child T" over its "Shared October 2023"
    line is the report's third review, of type RT-MAR (it had run into the review above)."""
    reviews = _reviews(tmp_path, vocab, "\n".join([
        "4.1 Concise Child Practice Review TSB 1/2023 – Baby E", "Published September 2023. Area: Testshire.",
        "Baby E, a three-month-old boy, was found with a fractured skull in 2022.", "",
        "4.2 Extended Child Practice Review TSB 2/2023 – Young Person R", "Published January 2024.",
        "Young Person R, a 16-year-old boy, took his own life in July 2022.", "",
        "4.3 Multi-agency Professional Forum – Child S and Child T", "Shared October 2023. Area: Testshire.",
        "Child S, aged 3, and her sister Child T, aged 5, were found alone at home at night in 2023.", ""]))
    assert [r.title for r in reviews][-1] == "Multi-agency Professional Forum – Child S and Child T"
    assert [c.pseudonym for c in reviews[-1].children] == ["Child S", "Child T"]
    assert reviews[-1].review_type is not None and reviews[-1].review_type.notation == "RT-MAR"


def test_a_case_studys_child_after_its_review_place_and_year(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Case study 2 - Learning review, Dundee (2023): Kayla" between two case studies naming a
    "Child U" and a "Baby T" is the second review, its child Kayla."""
    rule = "-" * 60
    reviews = _reviews(tmp_path, vocab, "\n".join([
        "Case study 1 - Serious case review, Testport (2016): Child U", rule,
        "Child U was 7 when his teacher saw bruises on his back in May 2015.", "",
        "Case study 2 - Learning review, Dundee (2023): Kayla", rule,
        "Kayla was 15 and the main carer for her mother. She took an overdose in 2022.", "",
        "Case study 3 - Case management review, Northern Trust (2021): Baby T", rule,
        "Baby T, a 3-month-old boy, died in March 2019 while co-sleeping with his parents.", ""]))
    assert [c.pseudonym for r in reviews for c in r.children] == ["Child U", "Kayla", "Baby T"]


def test_a_link_to_a_report_is_no_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """A list page's "Child D overview report (invented link)" under Child D's review is its
    link, not a review: the review under it, Child E's, is found."""
    reviews = _reviews(tmp_path, vocab, "\n\n".join([
        "Serious Case Review: Child D (2017)",
        "Child D, a 17-year-old boy, was stabbed in October 2016.",
        "The review made 12 recommendations.", "Child D overview report (invented link)",
        "Local Child Safeguarding Practice Review: Child E (2022)",
        "Child E, a 4-year-old girl, had more than 60 hospital appointments.",
        "Local learning review: Child V (2023)",
        "In March 2022 Child V, a 13-year-old boy, hurt his cousin."]))
    assert [r.title for r in reviews] == ["Serious Case Review: Child D (2017)",
                                          "Local Child Safeguarding Practice Review: Child E (2022)",
                                          "Local learning review: Child V (2023)"]


def test_a_statement_names_its_area_with_a_comma_inside(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The Bournemouth, Christchurch and Poole Safeguarding Children Partnership has today
    published a local child safeguarding practice review": its area is the whole name (it was
    "Christchurch and Poole", which no table knows; "the Local Child ..." was taken for an area
    before that), and "BCP", the partnership's short name, is the same area (the same ONS code)."""
    (review,) = reviews_of_page(tmp_path, "statement.txt", "\n\n".join([
        "Statement: Child M review published | BCP Safeguarding Children Partnership", NOTE,
        "Statement on the publication of the Local Child Safeguarding Practice Review: Child M",
        "The Bournemouth, Christchurch and Poole Safeguarding Children Partnership has today published a "
        "local child safeguarding practice review about Child M, a boy who died in November 2022.\n"]), vocab)
    assert review.area == "Bournemouth, Christchurch and Poole"
    (short,) = reviews_of_page(tmp_path, "briefing.txt", "\n\n".join([
        "BCP Safeguarding Children Partnership", NOTE, "LEARNING FROM CHILD P - LOCAL CHILD SAFEGUARDING "
        "PRACTICE REVIEW", "Child P, aged 2, was neglected for a year before 2023.\n"]), vocab)
    from casegraph.core.places import default_gazetteer  # (as the area is linked to its code)

    assert [e.codes for e in default_gazetteer().lookup(short.area or "")] == [frozenset({"E06000058"})]
