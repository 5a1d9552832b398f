"""Pages of devlocal117 and validation68 (session 85) that lost a review or miscounted: a board's
list under "Northern Trust: Tiernan (published March 2025)" over "Tiernan, a 14-year-old boy,
was shot in both legs ..." and a GP newsletter's "Serious Case Review (East Surrey, 2019): B and
C" over "B, a boy aged three, and his sister C, ... the family's dog attacked them" (no review:
the first ran into the list above, the second into the review above); "Surrey LCSPR: Child F
(published 2025)" over its account (no area, no type); an Asciidoctor page's "CMR: Daniel
(Western Area)" over "Published: June 2021" (no review); "Case study 2 - Serious Case Review
(Cumbria, 2017): Child K" (area "Cumbria, 2017"); a reading list's "The Panel found four things:"
over its numbered points (no learning); a poster's "The review's recommendations are set out in
the full report." and a record's "The panel recommended that ..." after the learning (a lesson
each); a statement's related news "• New neglect strategy launched" (neglect as a fact); "born
... to a 17-year-old mother ... and died shortly after birth" (an age of 17 years).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def _names(reviews: list) -> list[list[str]]:
    return [[c.pseudonym for c in r.children] for r in reviews]


def test_a_first_name_before_when_it_was_published(tmp_path: Path, vocab: Vocabulary) -> None:
    """A list's heading "Area: first name (published ...)" over an account that opens with the
    name, whose harm is a shooting: a review of its own."""
    page = (f"# Case Management Reviews\n\n*{NOTE}*\n\n"
            "## Testshire Trust: Child U (published January 2026)\n\n"
            "Child U is a six-year-old girl who was sexually abused by her uncle.\n\n"
            "## Northern Testshire Trust: Tiernan (published March 2025)\n\n"
            "Tiernan, a 14-year-old boy, was shot in both legs in 2023. For months before this he had "
            "been made to move drugs for a gang.\n\n**Recommendations:** Six, to the Trust.\n")
    reviews = reviews_of_page(tmp_path, "list.md", page, vocab)
    assert _names(reviews) == [["Child U"], ["Tiernan"]]


def test_an_area_and_a_types_letters_and_children_by_letters(tmp_path: Path, vocab: Vocabulary) -> None:
    """Two reviews in a newsletter's corner, headed by their area and type with no blank line
    under them: the second names its children by letters, its bracket gives area and year.  (The
    first's area must be a place the gazetteer knows: a real county, used only as an area.)"""
    page = (f"{NOTE}\n\n3. LEARNING FROM REVIEWS CORNER\n\nSurrey LCSPR: Child F (published 2025)\n"
            "Child F is a boy whose illness was fabricated by his mother.\nWhat this means for general "
            "practice:\n- Keep one clinician as the lead.\n- Record who reports symptoms.\n\n"
            "Serious Case Review (East Testshire, 2019): B and C\nB, a boy aged three, and his sister C, "
            "aged five, were badly injured in 2018 when the family's dog attacked them.\nLearning: GP "
            "practices should record pets in the household.\n\n4. CONTACTS\n")
    child_f, b_and_c = reviews_of_page(tmp_path, "newsletter.txt", page, vocab)
    assert child_f.area == "Surrey" and child_f.review_type is not None
    assert child_f.review_type.notation == "RT-LCSPR" and len(child_f.learning) == 2
    assert [c.pseudonym for c in b_and_c.children] == ["B", "C"]
    assert (b_and_c.area, b_and_c.publication_year, len(b_and_c.learning)) == ("East Testshire", 2019, 1)


def test_a_types_letters_a_first_name_and_a_place(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"Case management reviews\n\n{NOTE}\n\nCMR: Daniel (Western Area)\n\nPublished: June 2021\n\n"
            "Daniel, 17, took his own life in August 2020.\n\nCMR: Child T (Belfast)\n\n"
            "Published: October 2021\n\nChild T, a two-year-old girl, had fractures inflicted by an adult.\n")
    reviews = reviews_of_page(tmp_path, "cmrs.txt", page, vocab)
    assert _names(reviews) == [["Daniel"], ["Child T"]]
    assert reviews[0].area == "Western Area"


def test_a_case_studys_type_dated_in_its_bracket(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"# Reading the case account\n\n{NOTE}\n\n## Case study 1 - Learning Review (Dundee): Ava\n\n"
            "Ava, 15, was sexually exploited by older men.\n\n"
            "## Case study 2 - Serious Case Review (Cumbria, 2017): Child K\n\n"
            "Child K, a six-year-old boy, was neglected for two years.\n")
    ava, child_k = reviews_of_page(tmp_path, "handout.md", page, vocab)
    assert (ava.area, child_k.area, child_k.publication_year) == ("Dundee", "Cumbria", 2017)


def test_the_panel_found_four_things(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The Panel found four things:" over its points: the review's learning.  (A caption's
    sentence, "The review found three things.", ending in a full stop, is no such label:
    validation50's animation keeps its three points told after it.)"""
    page = (f"# Reading list\n\n{NOTE}\n\n## National review: Noah and Theo\n\n*Child Safeguarding Practice "
            "Review Panel, published 2022.*\n\nNoah, aged 13 months, and his brother Theo, aged 4, were "
            "killed in 2020 by their mother's partner.\n\nThe Panel found four things:\n\n"
            " 1. Checks on new partners were not made.\n 2. Incidents were treated one by one.\n"
            " 3. Plans did not say who shared information.\n 4. The children's voices were missing.\n")
    (review,) = reviews_of_page(tmp_path, "list.md", page, vocab)
    assert len(review.learning) == 4


def test_a_sentence_about_the_recommendations_is_no_lesson(tmp_path: Path, vocab: Vocabulary) -> None:
    """After a poster's numbered learning, "The review's recommendations are set out in the full
    report."; after a record's one-line learning, "The panel recommended that ...": neither is a
    lesson (the second is the review's recommendation)."""
    poster = (f"{NOTE}\n\nExtended Child Practice Review - Child C (Testshire, 2020)\n\nChild C is an "
              "11-year-old boy who lived with emotional abuse and neglect.\nLearning\n1. Look beyond a tidy "
              "front room.\n2. Ask the people who know him well.\nThe review's recommendations are set out "
              "in the full report.\n")
    (review,) = reviews_of_page(tmp_path, "poster.txt", poster, vocab)
    assert len(review.learning) == 2
    record = (f"{NOTE}\nCase Management Review - Child J (Testshire Area, 2019)\nChild J, a 16-year-old "
              "girl living in a children's home, was sexually exploited.\nLearning: staff in residential "
              "homes need a clear route for passing concerns to the police.\nThe panel recommended that "
              "the Trust and the police set up a joint process for sharing information.\n")
    (review,) = reviews_of_page(tmp_path, "record.txt", record, vocab)
    assert len(review.learning) == 1 and len(review.recommendations) == 1


def test_a_sites_news_of_a_new_strategy_is_no_fact(tmp_path: Path, vocab: Vocabulary) -> None:
    """A statement's related news, "• New neglect strategy launched", under its account: no
    neglect of the child (the account's own "concerns about neglect" are a concern only)."""
    page = (f"{NOTE}\n\nPartnership publishes practice review\n\nThe Partnership has today published a "
            "local child safeguarding practice review following the death of a two-year-old girl, known as "
            "Zara.\n\n"
            "Zara drowned in the bath at home. Concerns about neglect had been raised by her nursery.\n\n"
            "The review makes six recommendations.\n\nRelated news\n\n• New neglect strategy launched\n")
    (review,) = reviews_of_page(tmp_path, "statement.txt", page, vocab)
    assert "H-NEG" not in {c.notation for c in review.harms}
    assert "H-NEG" in {m.notation for m in review.mentions}


def test_an_age_before_an_adult_is_the_adults(tmp_path: Path, vocab: Vocabulary) -> None:
    """"born at home to a 17-year-old mother ... and died shortly after birth": the child died
    a newborn (0 months), and 17 years are the mother's."""
    page = (f"{NOTE}\n\nSerious case review: Child E\n\nChild E was born at home in 2015 to a 17-year-old "
            "mother who had concealed her pregnancy, and died shortly after birth.\n")
    (review,) = reviews_of_page(tmp_path, "record.txt", page, vocab)
    assert [c.age_months for c in review.children] == [0]
