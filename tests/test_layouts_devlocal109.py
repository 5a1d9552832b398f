"""Layouts and wording of devlocal109 (session 77), a development set of partnership pages on
"facts, not phrases" written and labelled by a helper before any rule for it: learning told in an
account's prose, a published-reviews list whose paragraph names the children its heading named
together, a briefing's "Learning review 1: Mia (aged 14)", a newsletter's and a byline's date,
a case study's child before the review's facts, a seven-minute briefing's "Reflect" part, a
child's age "then 15", and a worry not borne out.

The pages built here are invented test data and say so; their children are neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
NOTE = "Invented test data for casegraph: not a real review. Child K is not a real child."


def _reviews(tmp_path: Path, vocab: Vocabulary, text: str, name: str = "page.txt") -> list:
    return reviews_of_page(tmp_path, name, f"[{NOTE}]\n\n{text}", vocab)


@pytest.mark.parametrize("told", [
    "The independent reviewer identified learning about the way agencies share information about "
    "domestic abuse, and about how practitioners respond when families do not engage.",
    "6.3.2 The review found that practitioners focused on the parents' drug treatment; that core "
    "group meetings were cancelled; and that escalation was not used.",
])
def test_learning_told_in_the_accounts_prose_is_one_point(tmp_path: Path, vocab: Vocabulary,
                                                          told: str) -> None:
    (review,) = _reviews(tmp_path, vocab, "Testshire Safeguarding Children Partnership: media statement\n\n"
                         "The partnership today publishes a local child safeguarding practice review into "
                         f"the death of a boy, known as Child K, aged 15, in 2022.\n\n{told}\n")
    assert len(review.learning) == 1


def test_an_annual_reports_learning_told_in_its_account(vocab: Vocabulary) -> None:
    """(devlocal32, hand-labelled 1 learning each) "The review's learning concerned contextual
    safeguarding, ...; a single recommendation was made ...", "Learning focused on assessment of
    new adults ...": one learning point each, told inside the account's paragraph (none before)."""
    reviews = extract_reviews([TESTS / "corpus" / "devlocal32" / "p04-annualreport-fife.txt"], vocab)[0]
    learning = {r.title: len(r.learning) for r in reviews}
    assert learning["Learning Review - Ryan"] == 1
    assert learning["Learning Review - Child L and Child M"] == 1


def test_a_list_pages_paragraph_naming_its_headings_children_is_theirs(vocab: Vocabulary) -> None:
    """(devlocal109's list of published CMRs) "Children X and Z" over "Child X and Child Z,
    sisters aged eight and eleven, ...": one review, not a second one of "Child X"; and
    "Recommendations: Recommendations are made to ..." is its recommendations, not a review
    called "Recommendations" (both had been spurious reviews)."""
    reviews = extract_reviews([TESTS / "corpus" / "devlocal109" / "sbni-published-cmrs-list.html"], vocab)[0]
    assert [r.title.split(" – ")[1] for r in reviews] == [
        "Child T (Southern Trust area)", "Baby V (Belfast Trust area)",
        "Children X and Z (Western Trust area)"]
    assert [c.pseudonym for c in reviews[2].children] == ["Child X", "Child Z"]


def test_a_briefings_numbered_learning_reviews_and_their_ages(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Learning review 1: Mia (aged 14)", whose account opens with the date, is a review; the
    heading's "(aged 14)" and "(7 months)" are the children's ages; the byline's date, inside
    its paragraph, is the briefing's."""
    reviews = _reviews(tmp_path, vocab, "Learning briefing: two local learning reviews\n\nTestshire "
                       "Safeguarding Children Partnership, April 2024. These reviews used the SILP "
                       "model.\n\nLearning review 1: Mia (aged 14)\n\nBetween March and September 2022 "
                       "Mia was sexually exploited by older men.\n\nLearning review 2: Baby Z (7 months)"
                       "\n\nIn July 2023 Baby Z, a boy, was found to have a fractured skull.\n")
    assert [(c.pseudonym, c.age_months) for r in reviews for c in r.children] == [("Mia", 168), ("Baby Z", 7)]
    assert [r.publication_year for r in reviews] == [2024, 2024]


def test_a_newsletters_title_dates_its_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Newsletter - Autumn 2023 - ..." is the page's title and date, not a "sign up to our
    newsletter" box to leave out."""
    (review,) = _reviews(tmp_path, vocab, "Newsletter - Autumn 2023 - Testshire Regional Safeguarding "
                         "Board\n\nLearning from Child Practice Reviews\n\nConcise CPR: Child K\n\nChild K "
                         "is a 12-year-old girl whose stepfather belittled her for years.\n")
    assert review.publication_year == 2023


def test_a_case_studys_child_before_the_reviews_facts(tmp_path: Path, vocab: Vocabulary) -> None:
    reviews = _reviews(tmp_path, vocab, "Case study 1 - Kent: Child Q (serious case review, 2017)\n\n"
                       "Child Q was a baby of four months when she was injured.\n\nCase study 2 - Glasgow: "
                       "Sam (significant case review, 2021)\n\nSam was fifteen when, in August 2020, he was "
                       "seriously assaulted by a group of older youths.\n")
    assert [c.pseudonym for r in reviews for c in r.children] == ["Child Q", "Sam"]


def test_a_briefings_reflect_part_and_a_pointer_to_the_action_plan(tmp_path: Path, vocab: Vocabulary) -> None:
    """A seven-minute briefing's recommendations only counted and pointed to ("The partnership's
    action plan is on our website at ..."), then its "6. Reflect" questions: no recommendation."""
    (review,) = _reviews(tmp_path, vocab, "# 7-Minute Briefing: Child K (Local Child Safeguarding "
                         "Practice Review)\n\n## 1. Background\n\nChild K, aged 10 weeks, was injured in "
                         "2023.\n\n## 5. Recommendations\n\nThe review made 6 recommendations. The "
                         "partnership's action plan is on our website at https://tscp.example.org/child-k."
                         "\n\n## 6. Reflect\n\nWho lives with the children you work with? How do you "
                         "know?\n", name="briefing.md")
    assert review.recommendations == []


@pytest.mark.parametrize(("aside", "months"), [
    ("Jayden, then 15, seriously injured another teenager with a knife in October 2022.", 180),
    ("Mother, then aged 17, was referred to children's social care. Child K was injured in 2022.", None)])
def test_an_age_then_is_the_childs_not_a_parents(tmp_path: Path, vocab: Vocabulary, aside: str,
                                                 months: int | None) -> None:
    name = "Jayden" if aside.startswith("Jayden") else "Child K"
    (review,) = _reviews(tmp_path, vocab, f"{name} - local learning review (published April 2024)\n\n"
                         f"This review was commissioned after {aside}\n")
    assert [c.age_months for c in review.children] == [months]


def test_a_fear_not_borne_out_is_no_fact(tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = _reviews(tmp_path, vocab, "CMR 2023/04 – Child K (Southern Trust area)\n\nChild K was "
                         "a 16-year-old boy who took his own life in October 2021. Staff had feared that he "
                         "was being criminally exploited by adults in the town, but enquiries found nothing "
                         "to support this.\n")
    assert "H-EXT" not in [c.notation for c in review.harms]
    assert "H-SUIC" in [c.notation for c in review.harms]


# ------------------------------------------------------- learning and recommendations (session 77)
@pytest.mark.parametrize("told", [
    "The main lesson, the independent reviewer says, is that each missing episode was handled on its "
    "own, as if for the first time.",
    "Early findings are that the health visiting and GP services did not share what they knew.",
])
def test_a_lesson_told_as_the_main_one_is_one_point(tmp_path: Path, vocab: Vocabulary,
                                                     told: str) -> None:
    """(devlocal63's statement and devlocal4's committee report, each hand-labelled 1 learning)"""
    (review,) = _reviews(tmp_path, vocab, "Testshire Safeguarding Children Partnership: media statement\n\n"
                         "The partnership today publishes a review into the case of a girl known as Child K, "
                         f"aged 14, who went missing many times in 2022.\n\n{told}\n")
    assert len(review.learning) == 1


def test_what_the_review_found_for_us_leads_in_its_points(tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = _reviews(tmp_path, vocab, "Case 1: Child K (Testshire LCSPR, 2024)\n\nChild K was a "
                         "3-year-old boy who was killed by his father in October 2022.\n\nWhat the review "
                         "found for us:\n\n• Enquiries were not repeated when the father's circumstances "
                         "changed.\n\n• Licence conditions were not reviewed.\n\nThe review made 7 "
                         "recommendations.\n")
    assert len(review.learning) == 2


@pytest.mark.parametrize(("said", "count"), [
    ("Recommendations. Eight recommendations, among them a regional standard for sharing mental health "
     "information with midwives at booking.", 1),
    ("Recommendations. Five, published with the report.", 0),
    ("Recommendations. This review did not make recommendations; its learning was taken into the "
     "partnership's suicide prevention work.", 0),
])
def test_a_run_in_heading_with_a_full_stop(tmp_path: Path, vocab: Vocabulary, said: str,
                                            count: int) -> None:
    """A newsletter's bold run-in headings, "Learning." and "Recommendations.", open their parts;
    a count with one recommendation named is that one, a count alone or none made is none."""
    (review,) = _reviews(tmp_path, vocab, "Child K – case management review (published November 2022)\n\n"
                         "The case. Child K was two years old when she was taken to hospital in 2021 with a "
                         "fractured femur.\n\nLearning. Mental health history must travel with the woman "
                         f"into her next pregnancy.\n\n{said}\n")
    assert (len(review.learning), len(review.recommendations)) == (1, count)

