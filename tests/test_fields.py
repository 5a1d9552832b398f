"""Review fields on layouts met in session 24 (titles, names, ages, sexes, incident dates and
sections).  Every page here is invented, with neutral pseudonyms; the expected values are read
off the invented text by hand."""

from __future__ import annotations

from pathlib import Path

from casegraph.core.model import Review
from casegraph.extract.extractor import Extractor
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.parse import parse_page
from casegraph.ingest.sources import SourceText

NOTE = "[Invented test page: not a real review.]\n\n"


def reviews(vocab: Vocabulary, text: str) -> list[Review]:
    source = SourceText(Path("invented.txt"), NOTE + text, "text/plain", "utf-8", "0" * 64)
    page = parse_page(source)
    return [Extractor(vocab).extract(e, page) for e in page.entries]


LIST = """Testshire Safeguarding Children Partnership

Published reviews

Review 1: LCSPR - Child T
Published: 9 November 2022

Child T was seven weeks old when he was admitted to hospital with a fractured skull. Doctors
concluded that the injuries had been inflicted. Child T's mother had spent part of her own
adolescence in foster care.

Review 2: Multi-agency learning review
Published: June 2021

This review looks at the experiences of a young man the report calls 'Jay'. Jay was a 15-year-old
when he was stabbed in a park in the early hours of New Year's Day 2020.
"""


def test_a_numbered_heading_with_a_type_names_the_child_not_the_area(vocab: Vocabulary) -> None:
    """"Review 1: LCSPR - Child T": the type is no area, the rest is the name; "the report calls
    'Jay'" names the child of a heading that gives only the type (before: area "LCSPR - Child T",
    no pseudonym)."""
    t, jay = reviews(vocab, LIST)
    assert [c.pseudonym for c in t.children] == ["Child T"]
    assert t.area != "LCSPR - Child T"
    assert [c.pseudonym for c in jay.children] == ["Jay"]


def test_the_childs_own_pronoun_before_someone_elses_possessive(vocab: Vocabulary) -> None:
    """"Child T was ... when he was admitted" says the child's sex; "her own adolescence" is the
    mother's (before: female)."""
    t, _ = reviews(vocab, LIST)
    assert t.children[0].sex == "male"


def test_a_festival_dates_the_incident(vocab: Vocabulary) -> None:
    _, jay = reviews(vocab, LIST)
    assert (jay.incident_year, jay.incident_month) == (2020, 1)


BRIEFING = """Testshire Children Safeguarding Partnership
Learning Briefing | Local Child Safeguarding Practice Review

BABY Q: LEARNING BRIEFING FOR PRACTITIONERS

Family background
Baby Q lived with his mother. Baby Q has an older half-brother, aged 6, who lived with his own
father.

Key dates
03.09.2017 - Mother, then aged 17, is referred to children's social care by her school.
{timeline}

Recommendations for the partnership
1. Re-launch the bruising protocol for non-mobile babies.
2. Audit how fathers are recorded.

Questions for your team
1. How do you find out who is living in the home?
2. When did you last use the bruising protocol?
""".format(timeline="12.03.2021 - Baby Q, then aged 4 months, is taken to hospital with a fracture. "
                    "Medical opinion is that the injuries were non-accidental.")  # one line


def test_a_briefing_in_capitals_with_a_timeline(vocab: Vocabulary) -> None:
    """The title in capitals names the child (before: the masthead was the title); the sibling's
    "half-brother, aged 6" is not the child's age; the timeline is the account, and the date that
    opens the harm's line dates it (before: no incident date, an age of 72 months); "Questions
    for your team" is a label, not site furniture (before: its questions were counted as
    recommendations)."""
    (q,) = reviews(vocab, BRIEFING)
    assert [c.pseudonym for c in q.children] == ["Baby Q"]
    assert q.title.startswith("BABY Q")
    assert q.children[0].age_months == 4
    assert (q.incident_year, q.incident_month) == (2021, 3)
    assert len(q.recommendations) == 2


SUMMARY = """Case Management Review: Child LB - Executive Summary
Date published: 17/05/2021

Why a CMR was held
The panel recommended a review in January 2019 after Child LB, then aged 3 years, was admitted
to hospital in the autumn of 2018 with scalds that were caused by deliberate immersion in hot water.

The family
LB lived with his mother and his sister.

Key findings and learning
1. Practitioners did not assess the father.
2. The pattern of missed visits was not escalated.
"""


def test_an_executive_summarys_sections_and_the_date_nearest_the_harm(vocab: Vocabulary) -> None:
    """"Why a CMR was held" and "The family" are the account, "Key findings and learning" is the
    learning (before: 0 learning points); of two dates in the harm's sentence the one nearest its
    words is the incident's (the review's decision came later)."""
    (lb,) = reviews(vocab, SUMMARY)
    assert len(lb.learning) == 2
    assert lb.incident_year == 2018


def test_the_sentence_before_the_harm_dates_it(vocab: Vocabulary) -> None:
    """"On 12 March 2021 police found S ... She disclosed that she had been exploited": the date
    of the sentence before the harm's, not the account's first date (before: 2019)."""
    text = ("Learning Review: Child S\nPublished: 2023\n\nSummary: Child S had lived in a "
            "children's house since 2019. On 12 March 2021 police found "
            "Child S in a flat with two adult men. She disclosed that she had been sexually "
            "exploited by a group of men over several months.\n")
    (s,) = reviews(vocab, text)
    assert (s.incident_year, s.incident_month) == (2021, 3)


WELSH = """Cwm Testshire Safeguarding Board

Hysbysiad cyhoeddi / Publication notice
Cyhoeddwyd / Published: 18/06/2024

-------------------------------------------------------------------------------------
CTSB 3/2023 - Concise Child Practice Review: Child W
-------------------------------------------------------------------------------------

Cefndir / Background
Child W, a three-year-old girl, was admitted to hospital in September 2022 with a fractured arm.

Dysgu / Learning
Practitioners should not assume that a court order means a child is safe during contact.

Argymhellion / Recommendations
The report contains seven recommendations for the Board; an action plan will be monitored by
the Board's sub-group.
"""


def test_a_welsh_notices_labels_on_lines_of_their_own(vocab: Vocabulary) -> None:
    """"Dysgu / Learning" on a line of its own is the learning, not a heading that ends the review
    (before: no learning); "Cyhoeddwyd / Published:" dates the page's reviews (before: none);
    a count and what happens to an action plan are no recommendations (before: two)."""
    (w,) = reviews(vocab, WELSH)
    assert len(w.learning) == 1
    assert w.publication_year == 2024
    assert w.recommendations == []


def test_a_type_and_a_number_before_a_name_is_a_counter(vocab: Vocabulary) -> None:
    """">> CMR 1: "Baby R" ..." is the newsletter's numbering (before: in the title)."""
    text = ('Safeguarding corner\n\nTwo case management reviews were published this spring.\n\n'
            '>> CMR 1: "Baby R" (SBNI, summary published February 2025)\n\n'
            "Baby R, a four-month-old boy, was brought to hospital in June 2023 with a fractured leg.\n\n"
            '>> CMR 2: "Child P" (SBNI, summary published March 2025)\n\n'
            "Child P was 14 and had lived in a children's home since she was 11.\n")
    r, p = reviews(vocab, text)
    assert (r.title, p.title) == ('"Baby R" (SBNI, summary published February 2025)',
                                  '"Child P" (SBNI, summary published March 2025)')


STORIES = """Annual Review 2022/23 | Testshire Family Trust

This year we are sharing two stories drawn from published reviews.

Case story 1: Sam

From: Extended Child Practice Review TSB 03/2022, Testshire Safeguarding Board (published March 2023)

Sam was two and a half when he was admitted to hospital in June 2021 with bruising to his back.

Case story 2: Ellie

From: Testshire Safeguarding Children Partnership, Local Child Safeguarding Practice Review (2021)

Ellie came into care aged 14 and was placed in a children's home forty miles from her school.
"""


def test_a_charitys_case_stories_and_where_they_come_from(vocab: Vocabulary) -> None:
    """"Case story 1: Sam" heads a review and "From: ..." is its source, not a heading of its own
    (before: no review at all); "Practice Review (2021)" dates it."""
    sam, ellie = reviews(vocab, STORIES)
    assert [c.pseudonym for c in sam.children] == ["Sam"] and sam.publication_year == 2023
    assert [c.pseudonym for c in ellie.children] == ["Ellie"] and ellie.publication_year == 2021


MODULE = """Testshire Safeguarding Academy - e-Learning transcript

Screen 3 of 9 — How to use this module
Use the audio button to hear the narration.
[Button] Click Next to continue

Screen 4 of 9 — Case study 1: Baby E
[Image: a pram in a hallway — decorative]
Source: Testshire Safeguarding Children Board, Serious Case Review "Baby E" (2017)
Baby E was five months old when he died from multiple injuries in December 2015.

Screen 5 of 9 — What the review said about Baby E
1. Professionals must ask about every adult who lives in or visits the home.
2. Isolation of a new mother is a risk.

Screen 6 of 9 — Case study 2: Jay
Source: Testshire Safeguarding Children Partnership, Local Child Safeguarding Practice Review (2020)
Jay was 17 and had been in care since the age of 13.
"""


def test_an_e_learning_transcripts_screens(vocab: Vocabulary) -> None:
    """A case study after a screen's counter heads a review; the screen that says what the review
    said is its learning; a picture's description is no text of it (before: one review)."""
    e, jay = reviews(vocab, MODULE)
    assert (e.title, jay.title) == ("Baby E", "Jay")
    assert e.publication_year == 2017 and e.children[0].age_months == 5
    assert len(e.learning) == 2


def test_a_headlines_person_noun_is_no_name(vocab: Vocabulary) -> None:
    """"Inquest: Girl, 15, ..." names no one; "referred to in a safeguarding report as "Child S""
    does (before: a review of "Girl")."""
    text = ('Inquest: Girl, 15, took her own life after "missed opportunities" | Testshire Post\n\n'
            "A 15-year-old girl took her own life after missed opportunities, an inquest has heard.\n\n"
            'The teenager, who is referred to in a safeguarding report as "Child S", died at home in '
            "November 2022.\n\nThe partnership published its local child safeguarding practice "
            "review into her death on the same day.\n")
    (s,) = reviews(vocab, text)
    assert [c.pseudonym for c in s.children] == ["Child S"]


def test_prose_that_says_what_is_recommended_is_one_recommendation(vocab: Vocabulary) -> None:
    """What is recommended, said in prose, is one item; a count alone is none (before: these
    forms gave none)."""
    forms = ["Five recommendations are made, focusing on the move from children's to adult services.",
             "The four recommendations focused on escalation when disabled children are not brought.",
             "The review made three recommendations, for the GP practice and the housing team, about "
             "joint working with families in emergency accommodation.",
             "We recommend that the police agree with health partners a route for sharing history.",
             "Recommendations were made to the Trust and the police about missing-from-care protocols."]
    for form in forms:
        text = ("Child Q (LCSPR, 2023)\nChild Q, aged 15, was seriously injured in March 2022. "
                f"{form}\n")
        (q,) = reviews(vocab, text)
        assert len(q.recommendations) == 1, form
    (q,) = reviews(vocab, "Child Q (LCSPR, 2023)\nChild Q, aged 15, was seriously injured in "
                   "March 2022. The review made eight recommendations.\n")
    assert q.recommendations == []


def test_a_periods_start_is_no_incident_date(vocab: Vocabulary) -> None:
    """"had lived with her aunt since 2017" dates no incident (before: 2017)."""
    (q,) = reviews(vocab, "Child Q (LCSPR, 2023)\nChild Q had lived with her aunt since 2017. "
                   "The review looks at how agencies worked together.\n")
    assert q.incident_year is None


def test_a_familys_events_date_no_incident(vocab: Vocabulary) -> None:
    """(session 70) "Their parents separated in 2019", "moved into the home in 2014", "a
    conviction ... in 1998" date no incident when no sentence dates the harm (before: those
    years; 15 development incident years made right, 1 month made wrong)."""
    for event in ("Their parents separated in 2019.", "Her mother's new partner moved into the home in 2014.",
                  "He had a conviction for assault in 1998."):
        (q,) = reviews(vocab, f"Child Q (LCSPR, 2023)\nChild Q is a teenage girl. {event} "
                       "The review looks at how agencies worked together.\n")
        assert q.incident_year is None, event


def test_the_subject_after_an_opening_adverbial(vocab: Vocabulary) -> None:
    """"In the previous six months P had been reported missing ... and was drinking alcohol": the
    drinking is P's own (RF-CSUB), not a parent's (before: RF-ALC, whose unstated)."""
    (p,) = reviews(vocab, "Child P (LCSPR, 2025)\nChild P was 14 and lived in a children's home. "
                   "In the previous six months P had been reported missing 23 times and was "
                   "drinking alcohol most weekends.\n")
    facts = {c.notation for c in p.risk_factors}
    assert "RF-CSUB" in facts and "RF-ALC" not in facts


def test_neglect_described_not_named(vocab: Vocabulary) -> None:
    """Neglect told by what was found ("left alone in the flat overnight", "underweight") is the
    child's harm, and "no food in the home" is read as neglect (before: neither); those words
    are the harm's, no mention of earlier neglect concerns, RF-NEG (DECISIONS 47: the harm it
    precedes is a fact; DECISIONS 114: no mention either)."""
    (q,) = reviews(vocab, "Children Q and R (LCSPR, 2024)\nQ, a boy aged six, and his sister R were "
                   "removed into police protection in July 2022 after they had been left alone in "
                   "the flat overnight. Officers found no food in the home. Both children were "
                   "underweight.\n")
    assert "H-NEG" in {c.notation for c in q.harms}
    assert "H-NEG" in {m.notation for m in q.mentions if "no food" in m.evidence.exact}
    assert "RF-NEG" not in {m.notation for m in q.mentions}


def test_a_headings_bracket_names_the_area_with_a_type_or_a_partnership(vocab: Vocabulary) -> None:
    """"(Leeds Safeguarding Children Partnership, ...)", "(Leeds SCP, ...)" and "(Stockport
    LCSPR, ...)" name Leeds and Stockport (before: the partnership's whole name, or none)."""
    text = ("Case examples\n\nCase example 1 — Child F (Leeds Safeguarding Children "
            "Partnership, published 12 October 2023)\nChild F, aged 4, was admitted to hospital "
            "with a fractured arm.\n\nCase example 2 — Child G (Leeds SCP, "
            "published December 2023)\nChild G, aged 15, was stabbed in a park.\n")
    f, g = reviews(vocab, text)
    assert (f.area, g.area) == ("Leeds", "Leeds")
    text = ("Neglect toolkit\n\nCase example 1 — Child W (Stockport LCSPR, published 2021)\n"
            "Child W, aged 3, was found alone in the flat.\n\nCase example 2 — Baby Z (Tameside "
            "multi-agency learning review, 2022)\nBaby Z, aged 4 months, was underweight.\n")
    w, z = reviews(vocab, text)
    assert (w.area, z.area) == ("Stockport", "Tameside")


def test_a_breadcrumb_is_no_label_in_two_languages() -> None:
    """"Home / Learning" is a site's trail; "Dysgu / Learning" is a Welsh label."""
    from casegraph.ingest.parse import bilingual_label

    assert bilingual_label("Home / Learning") is None
    assert bilingual_label("Dysgu / Learning") is not None


def test_counted_recommendations_with_their_subjects_are_one(vocab: Vocabulary) -> None:
    """Session 33: a count followed by what the recommendations are about is one item (before:
    none); an item that only counts or says there are none is none."""
    forms = ["The Panel made nine recommendations, on placement stability and on crisis support.",
             "The review makes 7 recommendations to the Trust, the police and the Education "
             "Authority, including a protocol for harmful sexual behaviour by children.",
             "One recommendation on multi-agency sharing of dangerous dog reports was made."]
    for form in forms:
        (q,) = reviews(vocab, f"Child Q (LCSPR, 2023)\nChild Q, aged 15, was seriously injured in "
                       f"March 2022. {form}\n")
        assert len(q.recommendations) == 1, form
    for said in ["None additional to existing improvement plans", "4 made (see full report)"]:
        (q,) = reviews(vocab, "Child Q (LCSPR, 2023)\nChild Q, aged 15, was seriously injured in "
                       f"March 2022.\n\nRecommendations: {said}\n")
        assert q.recommendations == [], said


def test_a_dated_lists_prose_learning_is_an_item(vocab: Vocabulary) -> None:
    """Session 33: under a dated heading ("21 June 2020 — Child T (serious case review)"), a
    sentence that says what the learning is about is one learning item (before: none)."""
    text = ("Published reviews\n\n21 June 2020 — Child T (serious case review)\nChild T, a "
            "14-year-old boy, was sexually abused by an older cousin. Learning focuses on how "
            "schools respond when a harmed child also harms others.\n\n3 May 2021 — Child U "
            "(serious case review)\nChild U, aged 2, was neglected. The review made 4 "
            "recommendations.\n")
    t, _ = reviews(vocab, text)
    assert len(t.learning) == 1 and "schools respond" in t.learning[0].text
