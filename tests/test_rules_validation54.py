"""Rules from validation54's misses (session 71), each on an invented page of the same form (the
pages here are INVENTED test data, with neutral pseudonyms; real area names appear only as
areas): an ACPC archive disk's Part 8 executive summaries, one after another, each titled in
capitals between box rules ("PART 8 (SERIOUS CASE) REVIEW - CHILD 'Q'"), dated by "Date of
summary:", in numbered parts of their own ("1.  INTRODUCTION" ... "4.  RECOMMENDATIONS"), their
learning under "LESSONS FOR AGENCIES"."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

#: Two invented Part 8 summaries as an archive disk's members read one after the other.
PART_8_DISK = """══════════════════════════════════════════════════════════
 TESTSHIRE AREA CHILD PROTECTION COMMITTEE
 PART 8 (SERIOUS CASE) REVIEW - CHILD 'Q'
 EXECUTIVE SUMMARY
══════════════════════════════════════════════════════════
 Date of summary: June 1998
 Status: invented test page, not a real review

1.  INTRODUCTION

1.1 This is the executive summary of the review held under Part 8
    of "Working Together" after the death of Child Q.

2.  THE CHILD AND FAMILY

2.1 Child Q was a boy aged 2 years. In March 1997 he was admitted
    to hospital with head injuries and died.

3.  LESSONS FOR AGENCIES

    (a) Invented lesson one about sharing information.
    (b) Invented lesson two about new adults in the household.

4.  RECOMMENDATIONS

4.1 The Review Panel made 9 recommendations, set out in the full report.


══════════════════════════════════════════════════════════
 TESTSHIRE AREA CHILD PROTECTION COMMITTEE
 PART 8 (SERIOUS CASE) REVIEW - CHILDREN 'R' AND 'S'
 EXECUTIVE SUMMARY
══════════════════════════════════════════════════════════
 Date of summary: October 1999
 Status: invented test page, not a real review

1.  INTRODUCTION

1.1 The ACPC held a Part 8 review because of the serious harm
    suffered by two children.

2.  THE CHILDREN AND FAMILY

2.1 Child R, a girl aged 6, and her brother Child S, aged 4, were
    found to be severely neglected in January 1999.

3.  LESSONS

3.1 Invented lesson about missed appointments.

4.  RECOMMENDATIONS

4.1 The Review Panel made two recommendations:
1) Invented recommendation one.
2) Invented recommendation two.
"""


def test_part_8_summaries_one_after_another_are_two_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: one review, its title "Child R", its children Child R alone, its year the first
    summary's, and the first summary's learning lost ("LESSONS FOR AGENCIES" no label)."""
    reviews = reviews_of_page(tmp_path, "p8.txt", PART_8_DISK, vocab)
    assert [r.heading for r in reviews] == ["PART 8 (SERIOUS CASE) REVIEW - CHILD 'Q'",
                                            "PART 8 (SERIOUS CASE) REVIEW - CHILDREN 'R' AND 'S'"]
    first, second = reviews
    assert [(c.pseudonym, c.age_months) for c in first.children] == [("Child Q", 24)]
    assert [(c.pseudonym, c.age_months) for c in second.children] == [("Child R", 72), ("Child S", 48)]
    assert (first.publication_year, second.publication_year) == (1998, 1999)
    assert (len(first.learning), len(second.learning)) == (2, 1)
    assert (len(first.recommendations), len(second.recommendations)) == (0, 2)  # (a count alone is no item)
    assert "H-NEG" in {h.notation for h in second.harms}


#: A library's monthly roundup (invented), each review headed by its fields parted by middle dots.
ROUNDUP = """CASE REVIEW ROUNDUP  ·  June 2025 (invented test page)
=====================================================================

---------------------------------------------------------------------
[1] England · Serious case review · Robin and Sky · Stoke-on-Trent
---------------------------------------------------------------------
Published: 11/2019

Robin and Sky (not their real names), a girl aged six and her brother
aged four, were removed from their mother's care in 2018 after police
found the family home without heating or food.

Learning includes:
 - invented learning point one;
 - invented learning point two.

---------------------------------------------------------------------
[2] Wales · Extended child practice review · Child Q · Blaenau Gwent
---------------------------------------------------------------------
Published: 03/2024

Child Q, an invented girl aged 7, was hurt by her mother's partner in 2023.
"""


def test_a_roundups_dotted_heading_gives_its_area_and_its_children(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: no area (only bars parted a heading's fields), the two children one child with no
    name, and the second child given the first's age and sex."""
    first, second = reviews_of_page(tmp_path, "roundup.txt", ROUNDUP, vocab)
    assert (first.area, second.area) == ("Stoke-on-Trent", "Blaenau Gwent")
    assert [(c.pseudonym, c.age_months, c.sex) for c in first.children] == [
        ("Robin", 72, "female"), ("Sky", 48, "male")]


#: A board's page as inscriptis writes its text (invented): a dateline's fields on one line.
RUN_ON_FIELDS = """Child practice reviews (invented test page)

CTMSB 1/2023 – Concise Child Practice Review – Child X

Area: Bridgend Published: March 2023

Child X, an invented boy aged 2, was hurt by his father in 2022.
"""

#: A seven-minute briefing in Markdown (invented), its parts numbered "n · ".
DOTTED_PARTS = """# 7 Minute Briefing (invented test page)

## Case Management Review – Baby W

### 1 · Who was Baby W?

Baby W, an invented girl aged 10 weeks, was admitted to hospital in 2023 with bruising.

### 3 · What did the review find?

1. Invented finding one.
2. Invented finding two.
"""

#: A podcast's show notes (invented): the learning after a label that names the child.
SHOW_NOTES = """Episode 1: one review (invented test page)

Our local child safeguarding practice review about Child L, published in October 2023. Child L,
an invented girl aged 3, swallowed methadone at home in August 2022.

Key learning from Child L: Services must ask about children in the home at every review (invented
point). Storage boxes must be given and checked, not just offered. Health visitors need to know
when a new adult joins a household.
"""


def test_a_datelines_run_on_fields_are_each_their_own(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: the area was "Bridgend Published: March 2023"."""
    (review,) = reviews_of_page(tmp_path, "page.txt", RUN_ON_FIELDS, vocab)
    assert (review.area, review.publication_year) == ("Bridgend", 2023)


def test_a_briefings_dotted_part_number_and_learning_from_a_named_child(tmp_path: Path,
                                                                        vocab: Vocabulary) -> None:
    """"### 3 · What did the review find?" and "Key learning from Child L:" label the learning
    (before: none of it was read)."""
    (briefing,) = reviews_of_page(tmp_path, "briefing.md", DOTTED_PARTS, vocab)
    assert [i.text for i in briefing.learning] == ["Invented finding one", "Invented finding two"]
    (episode,) = reviews_of_page(tmp_path, "notes.txt", SHOW_NOTES, vocab)
    assert len(episode.learning) == 3


#: A briefing's worked example (invented): its date a month alone, its area after a dot.
MONTH_DATELINE = """Concise Child Practice Review NWSB 02/2023 – Baby N (invented test page)

Published June 2023 · Area: Wrexham

Baby N, an invented boy aged 9 weeks, was taken to hospital in March 2022 with a fracture.
"""


def test_a_month_dateline_gives_the_area_after_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: only "Published 20 June 2023 · ..." with its day parted the fields, and the area
    was lost here (on validation54's template, the board's region was taken instead)."""
    (review,) = reviews_of_page(tmp_path, "example.txt", MONTH_DATELINE, vocab)
    assert (review.area, review.publication_year) == ("Wrexham", 2023)


#: Three invented accounts, each telling a harm or a risk as an act, not by its name.
ACTS = """Learning from reviews (invented test page)

Learning review: Child Q

Child Q, an invented girl aged 9, had more than 40 hospital admissions between 2019 and 2022.
In 2022 it was found that her mother had fabricated and exaggerated many of her symptoms.

Learning review: Child R

Child R, an invented boy aged 4, died of head injuries in 1996. Police had been called to the
home three times after reports that Mr Y had assaulted R's mother.

Learning review: Child S

Child S, an invented boy aged 16, was on a waiting list for mental health services. In spring
2023 he harmed himself seriously and spent two weeks in hospital.

Learning review: Child T

Child T, an invented girl aged 3, was found alone at home in 2023. Her mother had threatened to
harm herself, and children who harm others have often been harmed themselves.
"""


def test_harms_and_risks_told_as_acts_are_facts(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: the fabricating and the self-harm were no harm of the child's, the assault on
    the mother no domestic abuse; a parent's threat to harm herself, and harm done to children
    in general, are still no self-harm of Child T's."""
    q, r, s, t = reviews_of_page(tmp_path, "acts.txt", ACTS, vocab)
    assert "H-FII" in {h.notation for h in q.harms}
    assert "RF-DA" in {f.notation for f in r.risk_factors}
    assert "H-SUIC" in {h.notation for h in s.harms}
    assert "H-SUIC" not in {h.notation for h in t.harms} | {m.notation for m in t.mentions}


#: An Org mode export's text (invented): numbered reviews, each with its own numbered parts,
#: then the page's next section.
OUTLINE = """Learning from local reviews: summaries (invented test page)

1. Local child safeguarding practice review: Child Q

Published February 2024

1.1. What happened

Child Q, an invented girl aged 9, was harmed by her mother in 2022.

1.2. Recommendations

• Invented recommendation one for acute trusts to agree.

2. Multi-agency learning review: Robin

Published April 2024

2.1. What happened

Robin (not his real name), an invented boy aged 16, was harmed in 2023.

2.2. Recommendations

The review did not make formal recommendations; instead the partners agreed an action plan.

3. Training

Partnership briefings on both reviews run in June 2024. Book on the learning portal.
"""


def test_an_outlines_next_section_ends_the_last_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: "3. Training" and its booking note were Robin's recommendations, and so was
    "The review did not make formal recommendations" and what was done instead."""
    q, robin = reviews_of_page(tmp_path, "summaries.txt", OUTLINE, vocab)
    assert (len(q.recommendations), len(robin.recommendations)) == (1, 0)


#: A partnership's statement (invented): the neglect told by the home the child was found in.
FOUND_HOME = """Partnership publishes review (invented test page)

Posted on 12 March 2025 by the Business Unit

The partnership has today published a local child safeguarding practice review about a
12-year-old girl, known in the report as Child Q.

In 2023 Child Q was found by police living in a house with no electricity, little food and
rubbish piled in every room. She had not attended school for most of the previous term.
"""


def test_the_home_a_child_was_found_living_in_tells_the_neglect(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: no harm was a fact, and the incident's year was the statement's own (2025)."""
    (review,) = reviews_of_page(tmp_path, "statement.txt", FOUND_HOME, vocab)
    assert "H-NEG" in {h.notation for h in review.harms}
    assert review.incident_year == 2023


#: A trust's learning bulletin (invented), dated by its season only.
SEASON_BULLETIN = """Safeguarding Matters (invented test page)

Children's Services Learning
Bulletin, Spring 2015

CMR: Child Q

Case management review, Southern area.

Child Q, an invented boy aged 6 weeks, was taken to hospital with a skull fracture.
"""


def test_a_bulletins_season_dates_its_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """Before: no publication year (only a month or a labelled date was the page's date)."""
    (review,) = reviews_of_page(tmp_path, "bulletin.txt", SEASON_BULLETIN, vocab)
    assert review.publication_year == 2015


#: A local newspaper's report (invented): a count with one example, then the report goes on.
NEWS_REPORT = """Review finds teenager was exploited while in foster care (invented test page)

A teenage girl known as Robin, placed in foster care by another council, was sexually
exploited by a man over several months in 2022, a review has found.

It makes six recommendations, including better information sharing between placing
authorities and local services.

A spokesperson for the safeguarding board said it had accepted all of the recommendations.

Related stories
"""

#: A board's thread of posts (invented), each ending in its reactions.
THREAD = """Today we publish a concise child practice review about Child Q (invented test page).

Child Q, an invented boy aged 13, was exploited by a county lines gang in 2023.
♥ 27   🔁 18   💬 2

The review makes 4 recommendations, including that the Board leads a review of referrals.
♥ 12   🔁 7   💬 0

Read the full report on our website.
"""


def test_a_count_with_one_example_is_one_recommendation_and_no_more(tmp_path: Path,
                                                                    vocab: Vocabulary) -> None:
    """Before: none (only "recommendations that ..." was what one asks; after a comma it was a
    count alone); the report's next paragraphs, and a post's reactions, are no recommendations."""
    (news,) = reviews_of_page(tmp_path, "news.txt", NEWS_REPORT, vocab)
    assert [i.text for i in news.recommendations] == [
        "It makes six recommendations, including better information sharing between placing "
        "authorities and local services"]
    (thread,) = reviews_of_page(tmp_path, "thread.txt", THREAD, vocab)
    assert len(thread.recommendations) == 1 and "♥" not in thread.recommendations[0].text
