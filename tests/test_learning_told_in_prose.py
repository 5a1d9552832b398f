"""Learning a page tells in its prose, with no part headed for it (session 73, from the
development sets' misses: 131 reviews whose gold counts one learning point where none was
read).  FORMAT.md: a single prose statement of learning counts 1.  Each sentence below is
INVENTED test data (neutral pseudonyms), hand-labelled with the count FORMAT.md gives; each 1
was 0 before, each 0 is a guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

#: (case, the sentence after the account, the learning's count)
TOLD: list[tuple[str, str, int]] = [
    ("identified_by_the_review",
     "Learning identified by the review concerned the use of interpreters and hearing directly "
     "from children.", 1),
    ("learning_for_whom_centres_on",
     "Learning for the GP, the school and the Education Authority centres on how low mood in "
     "young men is recognised.", 1),
    ("its_learning_in_apposition",
     "Its learning, that exploitation can look like a consensual relationship, is still relevant "
     "today.", 1),
    ("one_main_lesson", "The review sets out one main lesson: youth justice services and the "
     "police rarely worked together.", 1),
    ("the_panels_learning_for_whom",
     "The Panel's learning for primary care: children with complex health needs who miss "
     "appointments should have a named clinician.", 1),
    # (session 78, from the development sets' misses)
    ("emerging_learning_concerns",
     "Emerging learning concerns the weight given to the reports of the nursery.", 1),
    ("the_main_message_is_that",
     "The main message for schools is that a series of small concerns can add up to neglect.", 1),
    ("the_reviewer_summarised_the_learning",
     "The independent reviewer summarised the learning: the school's concern was logged but not "
     "passed on.", 1),
    ("an_abstract_identifies_learning",
     "Identifies learning about elective home education and the role of GPs.", 1),
    # (session 79, from the development sets' misses: an aside, an adjective, a subject first)
    ("its_main_learning_with_an_aside",
     "The review's main learning, the partnership said, is that a change in who lives in a home "
     "should prompt a fresh look at the risks.", 1),
    ("its_key_learning_according_to_the_report",
     "Its key learning, according to the report, is that no one held the whole picture.", 1),
    ("a_review_published_then_identified_learning",
     "The review, published by the Testshire Safeguarding Board in 2023, identified learning about "
     "the loss of contact with children during school closures.", 1),
    ("a_review_with_an_aside_sets_out_one_lesson",
     "The local child safeguarding practice review, published in autumn 2023, sets out one main "
     "lesson: the agencies rarely worked together.", 1),
    ("learning_for_whom_on_a_website", "Learning for practitioners is on the partnership's website.", 0),
    ("a_possibility_noted",
     "The review notes that it is possible that Child T was also emotionally abused.", 0),
]


@pytest.mark.parametrize(("after", "count"), [row[1:] for row in TOLD], ids=[row[0] for row in TOLD])
def test_learning_told_in_prose(tmp_path: Path, vocab: Vocabulary, after: str, count: int) -> None:
    """The one review of an invented news item whose account ends with ``after`` has ``count``
    learning points."""
    page = ("Learning Review: Child T (INVENTED test page)\n\nPublished May 2024.\n\n"
            f"Child T, aged four, was admitted to hospital in May 2023 underweight. {after}\n")
    reviews = reviews_of_page(tmp_path, "item.txt", page, vocab)
    assert len(reviews) == 1
    assert len(reviews[0].learning) == count, [item.text for item in reviews[0].learning]


#: (session 79) What became of the recommendations, told after a learning paragraph: no learning
#: point of its own (each was counted as one).
AFTER_LEARNING = ["The Board accepted the reviewer's four recommendations.",
                  "Recommendations are being taken forward through the CPC improvement plan.",
                  "The partnership has published an action plan alongside the review."]


@pytest.mark.parametrize("after", AFTER_LEARNING)
def test_what_became_of_the_recommendations_is_no_learning(tmp_path: Path, vocab: Vocabulary,
                                                          after: str) -> None:
    page = ("Learning Review: Child T (INVENTED test page)\n\nPublished May 2024.\n\nChild T, aged four, "
            "was admitted to hospital in May 2023 underweight.\n\nLearning\n\nPractitioners relied on "
            f"the mother's account and did not check it with each other.\n\n{after}\n")
    reviews = reviews_of_page(tmp_path, "item.txt", page, vocab)
    assert [item.text for item in reviews[0].learning] == [
        "Practitioners relied on the mother's account and did not check it with each other"]
