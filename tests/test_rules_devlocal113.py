"""Pages of devlocal113 (session 81) that lost a review, an age or a fact: a training handout's
case studies headed by their review's type and area ("Case study 2 - Concise Child Practice
Review (Powys): Dylan"), read as one document; a briefing's "SCR (2019): Harvey", run into the
review above it; minutes' rapid review whose criteria for an LCSPR were not met but after which
a local learning review is held (dropped as no review, then typed as the LCSPR it was not); "a
boy aged two and a half" (two); "Child F (a boy, now six)" (his sister's four, and her sex); a
committee's "the central lesson still stands: ..." (no learning); "less than half what a child
of her age should weigh, she had deep pressure sores" (hedged by "should"); "suffered a
fractured skull ...; the family court found that her father had caused it" (no abuse said).
Then older development reports' misses, read again: "The forum's learning is that ...", "The
review's learning for schools was that ...", "The panel chair summarised the key learning: ..."
(no learning); "exploited by adult men and went missing" (the men's, not hers); "drawn into
holding drugs and cash for ..." (no exploitation); "the learning is being shared through
briefings", "Recommendations (6) are set out in the full report" and "## Dudley" read as points;
"made subject to child protection plans in 2022" as the incident's date, when no harm is dated.

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import facts_of as _facts
from support import review_of_account as _review
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.parse import _says_nothing


def test_case_studies_headed_by_type_and_area_are_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    reviews = reviews_of_page(tmp_path, "handout.md", "\n".join([
        "# Whose risk is it?", "", NOTE, "", "## How to use this handout", "", "Read each case study.", "",
        "## Case study 1 - Learning Review (Fife): Lily", "",
        "Lily was six when she told her teacher that her mother's boyfriend hit her with a belt.", "",
        "## Case study 2 - Concise Child Practice Review (Powys): Dylan", "",
        "Dylan was eight months old when his father hit him, causing bruises to his face.", ""]), vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Lily"], ["Dylan"]]
    assert [r.area for r in reviews] == ["Fife", "Powys"]


def test_a_type_and_year_over_a_name_heads_a_review(tmp_path: Path, vocab: Vocabulary) -> None:
    reviews = reviews_of_page(tmp_path, "briefing.txt", "\n".join([
        "Learning briefing for health staff", "", NOTE, "", "LCSPR: Poppy", "",
        "Poppy is a three-year-old girl whose illness was fabricated by her mother.", "",
        "SCR (2019): Harvey", "", "Harvey was five months old when he was shaken by his mother's partner.",
        ""]), vocab)
    assert [r.title for r in reviews] == ["LCSPR: Poppy", "SCR (2019): Harvey"]
    assert reviews[1].publication_year == 2019


def test_a_rapid_review_a_learning_review_follows_is_kept(tmp_path: Path, vocab: Vocabulary) -> None:
    """Minutes' rapid review whose LCSPR criteria were not met is no review, unless a local
    learning review follows: then it is one, of that type, not of the type it did not meet."""
    item = ("4.2 Rapid review: Child B\nChild B (a girl of seven) was emotionally abused by her father's "
            "partner. The rapid review concluded that the criteria for a local child safeguarding "
            "practice review were not met.")
    minutes = (f"TESTSHIRE PARTNERSHIP\nMinutes\n\n{NOTE}\n\n4. Case reviews\n\n4.1 LCSPR Child Z - final "
               "report\nChild Z, a boy aged two, was taken to hospital after a seizure.\n\n" + item)
    reviews = reviews_of_page(tmp_path, "minutes.txt", minutes + "\n\n5. Any other business\nNone.\n", vocab)
    assert [r.title for r in reviews] == ["LCSPR Child Z - final report"]
    reviews = reviews_of_page(tmp_path, "minutes2.txt", minutes + " A local learning review will be held, "
                              "led by the Children's Trust.\n\n5. Any other business\nNone.\n", vocab)
    assert [r.title for r in reviews] == ["LCSPR Child Z - final report", "Rapid review: Child B"]
    assert reviews[1].review_type is not None and reviews[1].review_type.notation == "RT-MAR"


def test_ages_of_a_half_and_now(tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = reviews_of_page(tmp_path, "a.txt", f"{NOTE}\n\nLCSPR Child Z\n\nChild Z, a boy aged two "
                                "and a half, was taken to hospital after a seizure.\n", vocab)
    assert review.children[0].age_months == 30
    (review,) = reviews_of_page(tmp_path, "b.txt", f"{NOTE}\n\nExtended Child Practice Review: Children F "
                                "and G (Wrexham)\n\nChild F (a boy, now six) and Child G (his sister, aged "
                                "four) were neglected.\n", vocab)
    assert [(c.age_months, c.sex) for c in review.children] == [(72, "male"), (48, "female")]


def test_a_lesson_that_still_stands_is_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = reviews_of_page(tmp_path, "a.txt", f"{NOTE}\n\n2. Significant Case Review (2018) revisited: "
                                "Child K\n\nChild K was nine when the abuse came to light.\n\nThe "
                                "Committee's view is that the central lesson still stands: professionals "
                                "need to know who lives in a child's home.\n", vocab)
    assert [p.text for p in review.learning] == [
        "the central lesson still stands: professionals need to know who lives in a child's home"]


def test_a_weight_a_child_should_have_hedges_nothing(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "National review: Child W", "Child W was a 12-year-old girl. When she "
                     "died she weighed less than half what a child of her age should weigh, she had deep "
                     "pressure sores.")
    assert "H-NEG" in _facts(review)


def test_an_injury_a_court_found_someone_caused_was_inflicted(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "SCR Child U (2016)", "Child U, a 14-month-old girl, suffered a "
                     "fractured skull in 2015; the family court found that her father had caused it.")
    assert "H-PHYS" in _facts(review)


def test_learning_told_by_a_forum_for_a_reader_or_by_a_chair(tmp_path: Path, vocab: Vocabulary) -> None:
    for told in ("The forum's learning is that a child placed far from home needs her own social worker.",
                 "The review's learning for schools was that falling attendance can be a sign of harm.",
                 "The panel chair summarised the key learning: plans must continue during investigations."):
        review = _review(tmp_path, vocab, "CMR: Child K (Testshire)",
                         f"Child K, a six-year-old boy, was neglected for two years. {told}")
        assert len(review.learning) == 1, told


def test_a_passive_doer_is_not_whom_the_next_verb_is_about(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "Multi-agency Professional Forum: Young Person F", "Young Person F, "
                     "15, was sexually exploited by adult men and went missing eleven times in 2023.")
    assert "RF-MISS" in _facts(review)


def test_holding_drugs_for_older_men_is_criminal_exploitation(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "CMR: Child K", "Child K was fifteen. In 2022 she was drawn into "
                     "holding drugs and cash for a group of older men.")
    assert "RF-CCE" in _facts(review)


def test_sharing_pointers_and_headings_are_no_points(tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = reviews_of_page(tmp_path, "a.md", "\n".join([
        "# Reviews", "", NOTE, "", "## Child K (2020)", "", "Child K, a six-year-old boy, was neglected.", "",
        "Learning:", "", "- schools should share exclusions",
        "- the learning is being shared through briefings", "", "Recommendations:", "",
        "- Recommendations (6) are set out in the full report", ""]), vocab)
    assert [p.text for p in review.learning] == ["schools should share exclusions"]
    assert review.recommendations == []
    assert _says_nothing("## Dudley") and not _says_nothing("Schools should share exclusions.")


def test_a_plan_dates_no_incident(tmp_path: Path, vocab: Vocabulary) -> None:
    """A page that dates only a service's step ("made subject to child protection plans in 2022")
    leaves the incident undated, as labellers do; a harm's own date still dates it."""
    review = _review(tmp_path, vocab, "LCSPR: Children K and M", "Child K and Child M lived in a cold flat "
                     "with little food. The children were made subject to child protection plans in 2022.")
    assert review.incident_year is None
    review = _review(tmp_path, vocab, "LCSPR: Child K", "Child K, a six-year-old boy, was made subject to a "
                     "child protection plan in 2022. In March 2023 he was admitted to hospital with a "
                     "fracture that his father had caused.")
    assert (review.incident_year, review.incident_month) == (2023, 3)


def test_an_area_in_a_headings_brackets(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Northern Ireland trust in brackets ("(Belfast HSC Trust, 2024)", "(Western HSC Trust
    area)") and a council before a review's type ("(Portsmouth multi-agency learning review)")
    are the review's area, whatever form of heading named the child; a nation in brackets is
    none."""
    review = _review(tmp_path, vocab, "Child H: case management review (Belfast HSC Trust, 2024)",
                     "Published: February 2024\nSummary: Child H, a 15-year-old girl, was sexually "
                     "exploited.")
    assert review.area == "Belfast HSC Trust"
    review = _review(tmp_path, vocab, "CMR 01/2022 – Child A (Western HSC Trust area) – published June "
                     "2023", "Child A, a 15-year-old girl, was sexually exploited.")
    assert review.area == "Western HSC Trust"
    review = _review(tmp_path, vocab, "Learning from reviews 2: Child U (Portsmouth multi-agency learning "
                     "review)", "Child U, a 15-year-old boy, was criminally exploited.")
    assert review.area == "Portsmouth"
    review = _review(tmp_path, vocab, '4. "Baby R" (Northern Ireland)', "Baby R, aged four months, died.")
    assert review.area != "Northern Ireland"


def test_a_place_between_a_headings_dashes(tmp_path: Path, vocab: Vocabulary) -> None:
    """"1) Testshire LCSPR - Child V" names no area in brackets, but its first part is a place the
    gazetteer knows once "LCSPR" is taken off: Lancashire's, Devon's; a child's name is no place."""
    reviews = reviews_of_page(tmp_path, "roundup.txt", "\n".join([
        "Review round-up", "", NOTE, "", "1) Lancashire LCSPR - Child V (published 2023)", "",
        "Child V, a two-year-old boy, was found alone at home in 2022.", "",
        "2) Devon SCR - Child C (published 2017)", "",
        "Child C, a baby, was shaken by her father in 2015.", "",
        "3) Learning review - Baby Z (published 2024)", "", "Baby Z, aged four months, died in 2023.", ""]),
        vocab)
    assert [r.area for r in reviews] == ["Lancashire", "Devon", None]
