"""Pages of devlocal114 (session 82) that gave a review twice, lost a child, an age or a point,
or took a date or an area that was none: a statement's browser title ("Statement: ... Review
Child P | ... Safeguarding Board") over its own heading, read as a second review; "The National
Police Chiefs' Council should ..." taken for the review's area; "National ... review: Ellis and
Mia (Cheshire East)" read as Ellis's alone; a newsletter's "For GPs:" over its points, and its
"Strangulation, even without marks, needs urgent medical assessment" taken for keywords; a
handout's "Learning from the review: ..." (no learning); "Lili is six and has cerebral palsy"
(no age); "The forum was held in June 2025" (the harm's date); minutes' "the case does not meet
the criteria for an LCSPR" (its type); "unconscious from drink" (no alcohol misuse).  Then, read
again in older reports: "What happens next" over what the board does next, not recommendations;
"was placed in a residential unit in another Trust area, away from his friends" (the friends'
placement); "as no local placement was available, she was placed in ..." (denied by the "no");
"... Key messages: methadone must be kept in a locked box, ..." (no learning); a national review
"with the local safeguarding partners in Lincolnshire" (no area); "## Sandwell" over its reviews;
"has today published a ... review concerning a baby boy ... who was seriously harmed in September
2022" (no incident date: a publication's sentence).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import facts_of as _facts
from support import review_of_account as _review
from support import reviews_by_page, reviews_of_page

from casegraph.extract.vocab import Vocabulary

CORPUS = Path(__file__).parent / "corpus"


def test_a_browser_title_over_the_statements_heading_is_no_second_review(vocab: Vocabulary) -> None:
    """The page's gold has one review, headed by the statement's own heading."""
    page = CORPUS / "devlocal114" / "cardiff-and-vale-rsb-statement-extended-cpr-child-p-2025.html"
    assert [r.title for r in reviews_by_page([page], vocab)[page.name]] == [
        "Statement on the publication of Extended Child Practice Review Child P"]


def test_a_national_bodys_council_is_no_area_and_a_headings_pair_are_both_children(
        tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = reviews_of_page(tmp_path, "summary.md", "\n".join([
        "# National child safeguarding practice review: Ellis and Mia (Cheshire East)", "",
        "**Child Safeguarding Practice Review Panel** · Published 2 October 2025", "", f"> {NOTE}", "",
        "## Summary", "", "The Panel reviewed the death of Ellis, aged three, and serious injuries to his "
        "sister Mia, aged 18 months, in Cheshire East in March 2024.", "", "## Recommendations", "",
        "- The National Police Chiefs' Council should agree how police share information about new adults.",
        ""]), vocab)
    assert [c.pseudonym for c in review.children] == ["Ellis", "Mia"]
    assert review.area == "Cheshire East"


def test_a_newsletters_points_for_its_readers_are_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "Testshire local learning review: Child U",
                     "Child U, a 16-year-old girl, was strangled by her boyfriend in March 2025.\n\n"
                     "For GPs:\n  - Teenage relationship abuse is abuse.\n"
                     "  - Strangulation, even without marks, needs urgent medical assessment.")
    assert len(review.learning) == 2 and review.keywords == []


def test_learning_from_the_review_is_its_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "### Case study 1 - Learning Review (Fife): Isla",
                     "Isla was eight when her teachers noticed that she was arriving at school hungry.\n\n"
                     "**Learning from the review:** nobody asked Isla what a day at home was like.")
    assert len(review.learning) == 1


def test_an_age_the_sentence_goes_on_from_and_a_forums_date(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "3. Multi-Agency Professional Forum (Torfaen): Lili",
                     "Lili is six and has cerebral palsy. Her parents did not bring her to eleven hospital "
                     "appointments.\n\nThe forum was held in June 2025, after Lili was made subject to a "
                     "child protection plan.")
    assert review.children[0].age_months == 72
    assert review.incident_year is None


def test_a_type_whose_criteria_are_not_met_is_not_the_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "4.2 Baby Z - decision",
                     "Baby Z, a five-week-old girl, was admitted to hospital in June 2025 with a fractured "
                     "arm. The rapid review found that the case does not meet the criteria for an LCSPR.")
    assert review.review_type is None or review.review_type.notation != "RT-LCSPR"


def test_unconscious_from_drink_is_alcohol_misuse(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "Learning Review: Rowan",
                     "Rowan was three years old when police found him in the street at night. His mother "
                     "was in the flat, unconscious from drink.")
    assert "RF-ALC" in _facts(review)


def test_what_happens_next_is_no_recommendation(vocab: Vocabulary) -> None:
    """The page's gold counts five recommendations, under "For the police" and the other
    agencies' headings; "What happens next" and its paragraph after them are none.  (Before the
    browser-title rule above the page was read as two headed parts and gave five; read as one
    document, its last heading ran on into the recommendations, seven, until the label.)"""
    page = CORPUS / "devlocal68" / "briefing-child-z.html"
    (review,) = reviews_by_page([page], vocab)[page.name]
    assert len(review.recommendations) == 5


def test_a_placement_away_from_friends_and_after_an_as_clause_is_the_childs(tmp_path: Path,
                                                                            vocab: Vocabulary) -> None:
    away = _review(tmp_path, vocab, "CMR 2023/04 – Child T (Southern Trust area)",
                   "Child T was a 16-year-old boy who took his own life in October 2021. He had lived in "
                   "children's homes since he was twelve and, at the time of his death, was placed in a "
                   "residential unit in another Trust area, away from his friends and school.")
    assert "RF-OOA" in _facts(away)
    denied = _review(tmp_path, vocab, "Extended Child Practice Review: Child Q",
                     "Child Q was 14 when she was sexually exploited in 2023. In March 2023 she was taken "
                     "into care with her mother's agreement and, as no local placement was available, she "
                     "was placed in a children's home in Shropshire.")
    assert "RF-OOA" in _facts(denied)
    still = _review(tmp_path, vocab, "CMR Executive Summary - Child J",
                    "J was a 17-year-old boy who died by suicide in March 2020. Sexual abuse was considered, "
                    "but no evidence was found that he had been sexually abused.")
    assert "H-SA" not in _facts(still)  # (the trigger's own that-clause stays denied)


def test_key_messages_inside_a_paragraph_are_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "Child X",
                     "Child X, aged three, swallowed methadone in May 2022. Key messages: methadone must "
                     "be kept in a locked box, and prescribers should check how it is stored. Practitioners "
                     "should always ask who else lives in the home.")
    # (one point here: a run-in label's sentences are one paragraph, as "Learning: ..." is)
    assert [item.text[:31] for item in review.learning] == ["methadone must be kept in a loc"]


def test_a_national_reviews_local_partners_and_a_lists_group_give_the_area(tmp_path: Path,
                                                                         vocab: Vocabulary) -> None:
    national = _review(tmp_path, vocab, "National child safeguarding practice review: Harry and Finn",
                       "Harry, aged five, and his brother Finn, aged three, were killed by their father in "
                       "May 2022. The Child Safeguarding Practice Review Panel carried out this national "
                       "review with the local safeguarding partners in Lincolnshire.")
    assert national.area == "Lincolnshire"
    listed = reviews_of_page(tmp_path, "areas.txt", "\n".join([
        "West Midlands Regional Hub | Published reviews by area", "", NOTE, "", "## Sandwell", "",
        "### Baby E (2022)", "Type: Local Child Safeguarding Practice Review",
        "Summary: Baby E died at 9 weeks old while sharing a sofa with her father.", "", "## Dudley", "",
        "### Child G (2024)", "Type: Child Safeguarding Practice Review",
        "Summary: Child G, aged 3, was neglected for a year.", ""]), vocab)
    assert [r.area for r in listed] == ["Sandwell", "Dudley"]


def test_a_statements_review_sentence_dates_the_harm_it_is_about(tmp_path: Path,
                                                                  vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab,
                     "Statement following publication of a local child safeguarding practice review",
                     "The Testshire Safeguarding Children Partnership has today published a review "
                     "concerning a baby boy, known as Baby R, who was seriously harmed in September 2022 "
                     "when he was seven months old.\n\nBaby R was taken to hospital after his mother's "
                     "partner tried to smother him with a pillow.")
    assert (review.incident_year, review.incident_month) == (2022, 9)
