"""Rules from validation49's misses (session 66), each checked on an invented page written here
(INVENTED TEST DATA, neutral pseudonyms), each failing before its rule: a training deck's
"Baby J – what we learned" slide and its bullets as paragraphs, a poster's numbered boxes, a
plan's task notes ("Area: ...", "Recommendations: see actions."), a Trust's briefing ("Published
by the SBNI: March 2019", "All recommendations for the Trust have been completed.", "Training"),
a register's initial case review that led to no review, and a TYPO3 page's content headers."""

from __future__ import annotations

import json
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

_DECK = """Learning from reviews: training deck (INVENTED TEST DATA)

Serious Case Review: Baby Q

Published May 2013

In June 2012 Baby Q, a boy aged 9 weeks, was admitted to hospital with a fractured arm.

Baby Q – what we learned

Any injury to a baby who cannot move about must be referred

Every adult in the home should be seen and assessed

Baby Q – recommendations

The review made 7 recommendations, including:

The Board to publish a protocol for injuries in babies who cannot move about

Midwifery records to record the name of every adult living in the household

Serious Case Review: Child P

Published June 2012

Child P was 15 when she was seriously injured in a fall in 2011.
"""


def test_a_decks_slides_name_the_child_then_the_part(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Baby Q – what we learned" heads Baby Q's learning (before: none read), and the last of the
    recommendations, a paragraph with no stop just above the next review, is one of them (before:
    a heading ending the review, and lost)."""
    reviews = reviews_of_page(tmp_path, "deck.txt", _DECK, vocab)
    assert [r.title for r in reviews] == ["Serious Case Review: Baby Q", "Serious Case Review: Child P"]
    assert len(reviews[0].learning) == 2
    assert [i.text for i in reviews[0].recommendations][-1].startswith("Midwifery records to record")
    assert len(reviews[0].recommendations) == 2


_POSTER = """7 minute briefing (INVENTED TEST DATA)

Case Management Review – 'Robin' (Testshire)

1 Background

The Board published this review in May 2024.

2 What happened

Robin was six when his mother was found to have been inducing his illness.

4 Key learning

• No one held the whole history.

• Robin's own view was not sought.

5 Recommendations

The Board accepted four recommendations, including a single health chronology.

7 Questions for you

Do you know who else is involved with the child?
"""


def test_a_posters_numbered_boxes_are_its_parts(tmp_path: Path, vocab: Vocabulary) -> None:
    """"4 Key learning" and "5 Recommendations", each a paragraph of its own, label their boxes
    (before: no learning, and the boxes after the recommendations counted as recommendations)."""
    review, = reviews_of_page(tmp_path, "poster.txt", _POSTER, vocab)
    assert len(review.learning) == 2
    assert len(review.recommendations) == 1


_PLAN_NOTES = """Action plans 2024 (INVENTED TEST DATA)

Concise Child Practice Review TSB 1/2024 – Baby R

Published 15 November 2023. Area: Testshire.
Baby R was nine weeks old when he was found to have a fractured leg in April 2022.
Learning: the father was never asked about his role in caring for the baby.
Recommendations: see actions.
"""


def test_a_plans_notes_give_the_area_after_a_sentence_and_point_to_the_actions(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Published ... . Area: Testshire." is the review's area (before: none), and "see actions"
    is no recommendation (before: one)."""
    review, = reviews_of_page(tmp_path, "plan.txt", _PLAN_NOTES, vocab)
    assert (review.area, review.publication_year) == ("Testshire", 2023)
    assert review.recommendations == []


_TRUST_BRIEFING = """Learning from reviews: staff briefing (INVENTED TEST DATA)

CMR 03/17 – 'Baby S' (Testshire)

Published by the SBNI: November 2018

Baby S was ten months old when she was admitted to hospital in January 2017, severely
underweight. The review concluded that she had been neglected.

Key learning

Nobody checked whether her mother understood the feeding advice she was given.

Recommendations

All recommendations for the Trust have been completed.

Training

Level 3 dates for 2019-20 are on the Learning and Development intranet page.
"""


def test_a_trust_briefings_publisher_date_status_and_training_are_read_as_such(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Published by the SBNI: November 2018" dates the review (before: no year); a note that the
    recommendations are completed is none of them, and "Training" ends them (before: three)."""
    review, = reviews_of_page(tmp_path, "briefing.txt", _TRUST_BRIEFING, vocab)
    assert review.publication_year == 2018
    assert review.recommendations == []


def test_a_registers_initial_case_review_that_led_to_none_is_no_review(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """A row whose type is "Initial case review" and whose status says a learning review was not
    required tells of no review (before: a spurious one, its status dropped as an API's flag)."""
    rows = [{"title": "Learning Review - Child T", "type": "Learning review", "status": "Published",
             "summary": "Child T, aged 15, was neglected at home in 2022 (INVENTED TEST DATA)."},
            {"title": "", "type": "Initial case review", "status": "Closed - learning review not required",
             "summary": "The ICR concluded that single-agency learning was sufficient."}]
    reviews = reviews_of_page(tmp_path, "register.json", json.dumps(rows), vocab)
    assert [r.title for r in reviews] == ["Learning Review - Child T"]


_TYPO3 = """<!DOCTYPE html><html lang="en"><head><title>Learning reviews</title></head><body>
<header id="page-header"><a href="/"><img src="logo.svg" alt="Testshire CPC"></a>
<nav><ul><li><a href="/">Home</a></li></ul></nav></header>
<div id="page-content"><div class="frame frame-type-text"><header><h1>Learning reviews</h1></header>
<p>INVENTED TEST DATA: the committee's published reviews.</p></div>
<div class="frame frame-type-text"><header><h2>Learning Review: Ash</h2>
<p class="date"><time datetime="2024-02-14">Published 14 February 2024</time></p></header>
<p>Ash was 12 and had been caring for his mother for several years. The review found that Ash
experienced chronic neglect.</p></div>
<div class="frame frame-type-text"><header><h2>Significant Case Review: Baby W</h2></header>
<p>Baby W, a seven-month-old girl, was seriously injured in April 2021 when she was bitten by a dog.</p>
</div></div></body></html>"""


def test_a_content_elements_own_header_is_its_heading(tmp_path: Path, vocab: Vocabulary) -> None:
    """TYPO3 gives each content element a ``<header>`` holding its heading and date: the page's
    words, not its chrome (before: every header dropped, Ash's review lost into the page's)."""
    reviews = reviews_of_page(tmp_path, "learning-reviews.html", _TYPO3, vocab)
    assert [(r.title, r.publication_year) for r in reviews] == [
        ("Learning Review: Ash", 2024), ("Significant Case Review: Baby W", None)]


_WORTHLESS = """Case management review: Child Finch (INVENTED TEST DATA)

Published 2024.

Child Finch was 13 when he told his school counsellor that his father repeatedly told him he was
worthless and locked him out of the house.

Case management review: Child Teal (INVENTED TEST DATA)

Published 2024.

Child Teal, aged 9, was neglected at home in 2022. The review recommends a briefing on emotional abuse.
"""


def test_a_parent_telling_the_child_it_is_worthless_is_emotional_abuse(tmp_path: Path,
                                                                      vocab: Vocabulary) -> None:
    """"his father repeatedly told him he was worthless" is emotional abuse of the child (before:
    none); a briefing on emotional abuse that a review recommends is no harm to its child."""
    reviews = reviews_of_page(tmp_path, "digest.txt", _WORTHLESS, vocab)
    assert [("H-EMO" in [h.notation for h in r.harms]) for r in reviews] == [True, False]


_BREAKS_AND_DRUGS = """Case review digest (INVENTED TEST DATA)

Child Plover

The Board's concise child practice review about Child Plover, a baby girl whose arm was broken
by her mother's new partner in 2020, was published in 2022.

Child Heron

Child Heron, a 16-year-old boy living in supported accommodation, died from drug toxicity after
taking street benzodiazepines in 2023.

Child Stint

Child Stint was three when he was taken to hospital in May 2022, drowsy; tests showed cannabis in
his blood.

Child Dunlin

Child Dunlin, aged 5, told a teaching assistant in 2021 that his father had hit him, but he later
withdrew this and no injury was seen.
"""


def test_a_childs_broken_arm_and_the_drugs_in_its_body_are_harms(tmp_path: Path, vocab: Vocabulary) -> None:
    """"whose arm was broken by her mother's new partner" is physical abuse; "died from drug
    toxicity" and "tests showed cannabis in his blood" are ingestion (before: none of the three);
    an allegation withdrawn, with no injury seen, is none."""
    reviews = reviews_of_page(tmp_path, "digest.txt", _BREAKS_AND_DRUGS, vocab)
    assert [("H-PHYS" in (h := [x.notation for x in r.harms]), "H-INGEST" in h) for r in reviews] == [
        (True, False), (False, True), (False, True), (False, False)]


def test_a_librarys_template_record_is_no_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """A catalogue's record of a briefing template, typed "Learning Object", is another kind of
    document (before: a spurious review of the template)."""
    rows = [{"title": "Learning Review - Child U (invented test data)", "type": "Learning review",
             "description": "Child U, aged 14, was exploited by older men in 2022."},
            {"title": "Seven minute briefing template (editable)", "type": "Learning Object",
             "description": "An editable Word template for partnerships producing seven minute briefings "
                            "after a review. Not a case review."}]
    reviews = reviews_of_page(tmp_path, "library.json", json.dumps(rows), vocab)
    assert [r.title for r in reviews] == ["Learning Review - Child U (invented test data)"]
