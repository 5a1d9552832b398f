"""Pages of devlocal116 (session 84) that lost a review or took the wrong type: a bulletin's
"Multi-agency learning review – Torfaen: Kai" over "Kai is a six-year-old boy" (no review); a
news story headed "National review into toddler's death calls for change" over "Ollie died ...
His sister Mia was found ..." (no review); minutes' "4.2 Rapid review: Baby S - decision" whose
members agreed "a local learning review on the handling of infant injuries should be held
instead" (no review, and the type whose criteria "are not met" taken for its own); "... and the
review found no evidence of it" and "... but assessments ... found that she did not." (facts);
"sexually harmed two younger children", "no support from family", "admitted causing them" after
"saw bruises", "sleeping in an adult bed" (no fact); "drawn into crime" (no mention);
"Recommendations: Six." and "4 recommendations, including to housing services ..." (a
recommendation each); "The review says that what Freya lived through ... was emotional abuse."
(learning, not the case).  And older development reports read again: a summary's "The first
learning point is that ..." paragraphs (no learning), a board paper's "Key issues for the
Trust:" and "4. Recommendation" (no learning, and the paper's own chapter taken for a
recommendation), an annual report's "6.2.3 Learning: ..." (no label), "(a) ... (b) ..." on one
line (one point), "none specific to the Health Board (...)" wrapped (a recommendation, and its
line's end taken for keywords).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import facts_of as _facts
from support import review_of_account as _review
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def test_a_name_after_the_type_and_its_place_is_the_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"{NOTE}\n\nLearning from reviews\n\nConcise Child Practice Review – Newport: Baby Elis\n\n"
            "Elis was a three-month-old boy who died in April 2024 while sharing a bed with his parents.\n\n"
            "Multi-agency learning review – Torfaen: Kai\n\n"
            "Kai is a six-year-old boy. His school noticed that he came in hungry and in the same clothes "
            "for days.\n\nLearning:\n\n• Teachers' observations of hunger are evidence.\n\nTraining dates\n\n"
            "• 12 May 2026: Neglect toolkit refresher\n")
    reviews = reviews_of_page(tmp_path, "bulletin.txt", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Baby Elis"], ["Kai"]]
    assert len(reviews[1].learning) == 1


def test_a_headline_calling_for_change_over_a_boy_and_his_sister(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"Testshire Example News\n\n{NOTE}\n\nNational review into toddler's death calls for change\n\n"
            "Published 9 April 2026\n\nA national review into the death of a 16-month-old boy and the "
            "serious injuries suffered by his three-year-old sister has been published by the Child "
            "Safeguarding Practice Review Panel.\n\nRory died in February 2025 from head injuries inflicted "
            "by his father. His sister Anna was found to have fractured ribs caused by the same man.\n\n"
            "The review makes three recommendations to the Department for Education.\n")
    (review,) = reviews_of_page(tmp_path, "news.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Rory", "Anna"]


def test_a_rapid_review_after_which_a_learning_review_is_held(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"{NOTE}\n\nTESTSHIRE CHILDREN SAFEGUARDING PARTNERSHIP\nExecutive Group - Minutes\n\n"
            "4. Case reviews\n\n4.1 LCSPR Chloe - final report for sign-off\nChloe, a 13-year-old girl, "
            "was sexually abused over about a year by a family friend.\nThe report makes 4 "
            "recommendations.\n\n4.2 Rapid review: Baby S - decision\nBaby S, a boy aged five months, was "
            "taken to hospital in December 2025 with a broken arm.\nThe rapid review found that the "
            "criteria for an LCSPR are not met. Members agreed that a local learning review on the handling "
            "of infant injuries should be held instead.\n\n5. Any other business\nNone.\n")
    reviews = reviews_of_page(tmp_path, "minutes.txt", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Chloe"], ["Baby S"]]
    assert [r.review_type.notation if r.review_type else None for r in reviews] == ["RT-LCSPR", "RT-MAR"]


def test_a_concept_the_sentence_finds_was_not_there_is_no_fact(tmp_path: Path, vocab: Vocabulary) -> None:
    """"... was not known to any agency and the review found no evidence of it"; "it was feared
    that his mother had depression, but assessments ... found that she did not." (a sentence
    that ends there)."""
    review = _review(tmp_path, vocab, "Local Child Safeguarding Practice Review: Harry",
                     "Harry was eight months old when he was found to have fractures to his ribs. The "
                     "injuries were inflicted by his father. Domestic abuse was not known to any agency and "
                     "the review found no evidence of it. It was feared that his mother had depression, but "
                     "assessments by her GP and by adult mental health services found that she did not.")
    assert {"RF-DA", "RF-PMH"} & _facts(review) == set()
    assert {"RF-DA", "RF-PMH"} <= {m.notation for m in review.mentions}


def test_the_childs_own_acts_and_the_familys_isolation_are_facts(tmp_path: Path, vocab: Vocabulary) -> None:
    """"... a 12-year-old boy who sexually harmed two younger children"; "no support from family
    or neighbours"; "nursery staff saw bruises ... [the partner] admitted causing them."."""
    boy = _review(tmp_path, vocab, "Local Child Safeguarding Practice Review: Child W",
                  "Child W is a 12-year-old boy who sexually harmed two younger children at his school. "
                  "His father had no support from family or neighbours.")
    assert {"RF-HSB", "RF-ISOL"} <= _facts(boy)
    tomos = _review(tmp_path, vocab, "Concise Child Practice Review: Tomos",
                    "Tomos was three years old when nursery staff saw bruises on his back and arms in May "
                    "2025. His mother's partner, who had moved in two months earlier, admitted causing them.")
    assert "H-PHYS" in _facts(tomos)


def test_a_feared_drift_into_crime_and_an_adult_bed_are_read(tmp_path: Path, vocab: Vocabulary) -> None:
    """"There was no evidence that J had been exploited or drawn into crime" (a mention of
    criminal exploitation, no fact); "She had been sleeping in an adult bed with her mother" (a
    sudden unexpected death in infancy)."""
    young = _review(tmp_path, vocab, "Learning Review: Young Person J",
                    "J, a 16-year-old boy, tried to take his own life in August 2025. There was no evidence "
                    "that J had been drawn into crime.")
    assert "RF-CCE" in {m.notation for m in young.mentions} and "RF-CCE" not in _facts(young)
    baby = _review(tmp_path, vocab, "Case Management Review: Baby Aoife",
                   "Aoife was six weeks old when she died in March 2025. She had been sleeping in an adult "
                   "bed with her mother, who had taken sedating medication.")
    assert "H-SUDI" in {c.notation for c in baby.harms}


def test_a_count_in_words_and_whom_for_are_no_recommendation_and_a_finding_of_the_case(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Recommendations: Six."; "4 recommendations, including to housing services ..." are
    counts; "The review says that what Freya lived through ... was emotional abuse." is the
    case's account, not its learning."""
    page = (f"{NOTE}\n\nPublished reviews\n\n2025 – LCSPR – Ruby\n\nRuby (3) was found alone in a dirty "
            "flat with no food in May 2024.\n\nLearning: Judge neglect by what the child experiences.\n\n"
            "Recommendations: Six.\n\n2019 – Serious Case Review – Baby M\n\nBaby M was ten days old when "
            "she died in her parents' bed.\n\nLearning: Check every baby has a safe place to sleep.\n\n"
            "Recommendations: 4 recommendations, including to housing services and the health visiting "
            "service.\n")
    assert [r.recommendations for r in reviews_of_page(tmp_path, "list.txt", page, vocab)] == [[], []]
    freya = _review(tmp_path, vocab, "Learning review: Freya",
                    "Freya, a nine-year-old girl, was kept off school and locked in her bedroom. The review "
                    "says that what Freya lived through over more than a year was emotional abuse.")
    assert "H-EMO" in _facts(freya)


# ----------------------------------------------------- older development reports, read again
def test_paragraphs_that_name_themselves_points_are_the_points(tmp_path: Path, vocab: Vocabulary) -> None:
    """A summary's numbered paragraphs "The first learning point is that ..." and "The reviewer
    made two recommendations. The first is that ..." / "The second recommendation is that ..."."""
    review = _review(tmp_path, vocab, "Child K", "1. Child K is a six-year-old boy who was neglected for two "
                     "years.\n\n2. The first learning point is that visits must be unannounced.\n\n3. The "
                     "second learning point is that he must be seen alone.\n\n4. The reviewer made two "
                     "recommendations. The first is that the Board audits visits.\n\n5. The second "
                     "recommendation is that schools record absences.\n")
    assert (len(review.learning), len(review.recommendations)) == (2, 2)
    assert review.recommendations[0].text.startswith("The first is that the Board")


def test_a_board_papers_numbered_labels_and_next_chapter(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Key issues for the Trust:" is the review's learning, "6.2.3 Learning: ..." a label though
    numbered, "4.2.3 No formal recommendations were made." ends it, and "4. Recommendation" after
    "3.2 ..." is the paper's own next chapter, none of the review's."""
    paper = (f"{NOTE}\n\n3. Reviews\n\n3.1 LCSPR — Child K (Testshire SCP, published October 2023)\n\n"
             "Summary: Child K, a six-year-old boy, was neglected for two years.\n"
             "Key issues for the Trust:\n  - Visits were missed.\n\n"
             "3.2 Multi-agency learning review — Child L (Testshire SCP, published December 2023)\n\n"
             "Summary: Child L, a two-year-old girl, was neglected.\n\n4. Recommendation\n"
             "4.1 The Committee is asked to NOTE the report.\n")
    k, l_ = reviews_of_page(tmp_path, "paper.txt", paper, vocab)
    assert [i.text for i in k.learning] == ["Visits were missed"]
    assert l_.recommendations == []
    report = (f"{NOTE}\n\n6. Reviews\n\n6.2 Child L - local child safeguarding practice review\n\n"
              "6.2.1 Child L, a two-year-old girl, was neglected.\n\n6.2.2 Learning: each referral was "
              "judged on its own.\n\n6.2.3 No formal recommendations were made.\n")
    (review,) = reviews_of_page(tmp_path, "report.txt", report, vocab)
    assert [i.text for i in review.learning] == ["each referral was judged on its own"]


def test_lettered_points_run_on_one_line_are_points_each(tmp_path: Path, vocab: Vocabulary) -> None:
    account = ("Child K is a six-year-old boy who was neglected for two years.\nLearning identified by the "
               "reviewer: (a) Visits must be unannounced. (b) He must be seen alone.\n")
    review = _review(tmp_path, vocab, "Child K", account)
    assert [i.text for i in review.learning] == ["Visits must be unannounced", "He must be seen alone"]


def test_a_wrapped_recommendations_note_is_neither_keywords_nor_a_recommendation(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Recommendations: none specific to the Health Board (the review's 4 recommendations are for
    the Regional" / "Safeguarding Board, police and schools)." as a page's last words."""
    account = ("Child K is a six-year-old boy who was neglected for two years.\nRecommendations: none "
               "specific to the Health Board (the review's 4 recommendations are for the Regional\n"
               "Safeguarding Board, police and schools).\n")
    review = _review(tmp_path, vocab, "Child K", account)
    assert review.recommendations == [] and review.keywords == []


def test_unlabelled_bullets_that_ask_agencies_to_act_are_recommendations(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """After a review's account and its learning in prose, "• GP practices to follow up ..." and
    "• The hospital to notify ..." under no label; under a "Learning:" label they stay learning."""
    account = ("Child K is a six-year-old boy who was neglected for two years.\n\nThe review's learning is "
               "that illness must be seen with the family.\n\n• GP practices to follow up every child who "
               "misses two reviews.\n\n• The hospital to notify the GP when a child is not brought.\n")
    review = _review(tmp_path, vocab, "Child K", account)
    assert [i.text for i in review.recommendations] == [
        "GP practices to follow up every child who misses two reviews",
        "The hospital to notify the GP when a child is not brought"]
    assert "GP practices" not in review.summary
    labelled = _review(tmp_path, vocab, "Child L", "Child L is a six-year-old girl who was neglected for two "
                       "years.\n\nLearning:\n\n• Schools to share absences.\n\n• The police to share "
                       "reports.\n")
    assert (len(labelled.learning), labelled.recommendations) == (2, [])


def test_one_line_learning_of_two_clauses_is_one_point_under_a_dated_heading(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """A partnership's list under "2026 – LCSPR – Harry" headings writes one point as two clauses
    ("Fathers ... need to be asked ...; their mental health is part of the baby's safety"), where a
    catalogue's "Learning: neglect; home visits." are two; a newsletter's bold "Learning." too."""
    page = (f"{NOTE}\n\nPublished reviews\n\n2026 – LCSPR – Harry\n\nHarry was eight months old when he "
            "was found to have fractures.\n\nLearning: Fathers who attend appointments still need to be "
            "asked about their own health; their mental health is part of the baby's safety.\n\n"
            "2025 – LCSPR – Ruby\n\nRuby (3) was found alone in a dirty flat with no food.\n\n"
            "Learning: neglect; home visits.\n")
    harry, ruby = reviews_of_page(tmp_path, "list.txt", page, vocab)
    assert (len(harry.learning), len(ruby.learning)) == (1, 2)
    news = ("<h2>Ruby – case management review (published November 2022)</h2><p>Ruby was three months old "
            f"when she was admitted to hospital with injuries.</p><p>{NOTE}</p><p><strong>Learning.</strong> "
            "History from a previous pregnancy must travel with the woman into the next one; the booking "
            "questions should be asked again at every booking.</p>")
    (review,) = reviews_of_page(tmp_path, "news.html", news, vocab)
    assert len(review.learning) == 1
