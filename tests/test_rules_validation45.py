"""Rules written from validation45's pages (session 62), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

import json
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def _facts(review: object, scheme: str) -> set[str]:
    return {c.notation for c in getattr(review, scheme)}


def _mentions(review: object) -> set[str]:
    return {m.notation for m in review.mentions}  # type: ignore[attr-defined]


def _account(tmp_path: Path, vocab: Vocabulary, body: str) -> object:
    """The one review of an invented summary page: its heading, then ``body``."""
    page = ("Learning Review – Child V (invented)\n\nArea: Fife\n\n"
            f"What happened\n\n{body}\n\nLearning\n\n• Practitioners should share what they know.\n")
    (review,) = reviews_of_page(tmp_path, "summary.txt", page, vocab)
    return review


# ------------------------------------------------------------------------------------ readers
def test_the_childrens_heading_is_a_part_of_the_review_above_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The children" under a second review's "Area:" line, over who they were: the review's
    own account, not a part of the page that ends it (its whole account was lost)."""
    page = ("Local Child Safeguarding Practice Review - Child R (invented)\n\nChild R is a girl "
            "who was 15 when she went missing in 2022.\n\n\nSerious Case Review - Siblings J and K "
            "(invented)\n\nArea: Rutland\n\nThe children\nChild J is a girl who was six and her "
            "brother, Child K, was four when they were found alone in January 2019. Their mother "
            "misused alcohol.\n")
    second = reviews_of_page(tmp_path, "pages.txt", page, vocab)[1]
    assert [(c.pseudonym, c.age_months) for c in second.children] == [("Child J", 72), ("Child K", 48)]
    assert "RF-ALC" in _facts(second, "risk_factors")


def test_a_pages_short_title_over_its_heading_is_left_out(tmp_path: Path, vocab: Vocabulary) -> None:
    """A help topic's "<title>SCR: Baby P" over "<h1>SCR: Baby P (published May 2012)" and its
    dateline: the heading is the review's title, not the dateline under it."""
    page = ("<html><head><title>SCR: Baby P</title></head><body><h1>SCR: Baby P (published May "
            "2012)</h1><p>Anyshire · Serious case review · Published May 2012</p><h2>Summary</h2>"
            "<p>Baby P was a four-month-old boy who died in 2011 after his father shook him.</p>"
            "<h2>Lessons learned</h2><ul><li>Share worries about a baby's care.</li></ul></body></html>")
    (review,) = reviews_of_page(tmp_path, "scr-baby-p.htm", page, vocab)
    assert review.title == "SCR: Baby P (published May 2012)"


def test_a_reference_number_after_the_types_letters_is_no_childs_name(tmp_path: Path,
                                                                       vocab: Vocabulary) -> None:
    """"CMR 05/23 – ‘Aoife’ (Belfast)": the child is Aoife, not "05/23"."""
    page = ("CMR 05/23 – ‘Aoife’ (Belfast)\n\nAoife (invented) was a 14-year-old girl who "
            "was sexually exploited in 2022.\n\nLearning\n\n• Agencies should share concerns.\n")
    (review,) = reviews_of_page(tmp_path, "cmrs.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Aoife"]


def test_a_coding_sheets_nation_of_review_is_a_field(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Nation of review: Scotland" among a coding export's fields is a field, not another
    review's heading; a label's unbracketed coder's note ("... as published") is no part of it."""
    records = [{"Title": "Learning Review - Ross (invented)", "Nation of review": "Scotland",
                "Local authority area as published": "Angus", "Year of publication": 2023,
                "Case summary": "Ross was a 13-year-old boy who was criminally exploited in 2022."},
               {"Title": "Significant Case Review - Child S (invented)", "Nation of review": "Scotland",
                "Local authority area as published": "Moray", "Year of publication": 2019,
                "Case summary": "Child S was a baby who was neglected in 2017."}]
    reviews = reviews_of_page(tmp_path, "coding.json", json.dumps(records), vocab)
    assert [(r.title, r.area) for r in reviews] == [("Learning Review - Ross (invented)", "Angus"),
                                                    ("Significant Case Review - Child S (invented)",
                                                     "Moray")]


# ---------------------------------------------------------------------------- facts, mentions
def test_what_was_also_considered_but_not_found_is_no_fact(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _account(tmp_path, vocab, "Child V, aged 14, was sexually exploited in 2022. Criminal "
                      "exploitation was also considered, but there was no evidence that she had "
                      "carried drugs.")
    assert "H-EXT" not in _facts(review, "harms") and "RF-CCE" not in _facts(review, "risk_factors")
    assert "H-CSE" in _facts(review, "harms")


def test_what_a_review_reminds_practitioners_of_is_no_fact(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _account(tmp_path, vocab, "Child V, aged 15, went missing many times in 2022. The review "
                      "also reminds practitioners that criminal exploitation of girls can run "
                      "alongside sexual exploitation.")
    assert "H-EXT" not in _facts(review, "harms") and "H-EXT" in _mentions(review)


def test_a_killing_by_someone_is_the_victims_not_the_killers(tmp_path: Path, vocab: Vocabulary) -> None:
    """"An older half-brother was killed by the mother's partner": the half-brother's death,
    told about a baby who survived; the killer after "by" is not whom it is about."""
    review = _account(tmp_path, vocab, "Child V was a baby boy who suffered a broken arm in 2023; "
                      "doctors said it had been inflicted. An older half-brother had been killed "
                      "by the mother's partner in 2015. A serious case review into the "
                      "half-brother's death was published in 2016.")
    assert not {"H-HOM", "H-DEATH"} & _facts(review, "harms")
    assert review.incident_year == 2023


def test_a_child_abused_by_someone_is_still_the_child(tmp_path: Path, vocab: Vocabulary) -> None:
    """(A guard for the rule above, which passed before it: "by an uncle" had made the abuse
    someone else's.)  "he had himself been sexually abused by an uncle": "he" is the account's
    boy, so the abuse is his harm, not a parent's own childhood (RF-PACE)."""
    review = _account(tmp_path, vocab, "Child V, a boy of 12, harmed a younger child in 2023. It "
                      "later emerged that he had himself been sexually abused by an uncle when he "
                      "was seven.")
    assert "H-SA" in _facts(review, "harms") and "RF-PACE" not in _facts(review, "risk_factors")
