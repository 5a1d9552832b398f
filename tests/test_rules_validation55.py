"""Rules from validation55's misses (session 72), each on an invented page of the same form (the
pages here are INVENTED test data, with neutral pseudonyms; real area names appear only as
areas): a trust's learning bulletin, two case management reviews each headed by its type and its
child or family ("Case Management Review - the B children (Area)") over its publisher and date,
the family's children named in the account with the note that the names are pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

#: An invented trust bulletin of two CMRs, as wvHtml's text of a Word 97 bulletin reads.
BULLETIN = """Safeguarding Children Learning Bulletin (INVENTED test page)

Issue 9 - Spring 2019 - Invented HSC Trust, Children's Services

Welcome to the bulletin. This issue looks at two case management reviews.

Case Management Review - Child W (Mid Ulster)

Published by the Safeguarding Board for Northern Ireland, March 2019

What happened

Child W was a seven-month-old girl who was admitted to hospital in the summer of 2017 with a
fractured skull. Medical staff concluded that the injury was inflicted.

Key learning

- Ask about every adult in the household at every visit.

Recommendations

The CMR panel made nine recommendations to the Trust.

Case Management Review - the D children (Causeway Coast and Glens)

Published by the Safeguarding Board for Northern Ireland, January 2019

What happened

The review concerns Nia (12) and her brother Owen (9), not their real names. Over several years
police were called to incidents of domestic abuse between their parents. Concerns came to a head
in October 2017, when Owen told a teacher that he was frightened to go home.

Key learning

Practitioners relied on what the parents said and did not speak to the children alone.

Recommendations

(a) Social workers should see each child alone at every visit.

(b) Schools should be invited to every core group meeting.
"""

#: An invented seven-minute briefing: its title names its type and child, over its parts, with
#: no publisher line under it (one review, its parts not cut off from it).
BRIEFING = """Invented Safeguarding Board (INVENTED test page)
7 MINUTE BRIEFING
Case Management Review – Baby V
Invented Trust area · Issued June 2024

[1] WHY IT MATTERS
Babies under one are the age group most at risk of serious physical abuse.

[2] BABY V AND HER FAMILY
Baby V was a 4-month-old girl who lived with her mother and father.

[3] WHAT HAPPENED
In September 2023 Baby V was taken to hospital with subdural haematomas consistent with shaking.

[4] LEARNING
- Professional interpreters must be booked for every contact.
- A bruise on a baby who is not mobile must be referred.
"""


def test_a_bulletins_cmrs_under_type_and_family_headings(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each "Case Management Review - <child or family> (<area>)" over its publisher and date is
    a review of its own (before: neither heading was one, and the page was read as one review
    of Child W with the D children's recommendations); the family's children are the two the
    account names as pseudonyms, each with the age in brackets after the name."""
    reviews = reviews_of_page(tmp_path, "bulletin.html.txt", BULLETIN, vocab)
    assert [(r.title, r.area, r.publication_year) for r in reviews] == [
        ("Case Management Review - Child W (Mid Ulster)", "Mid Ulster", 2019),
        ("Case Management Review - the D children (Causeway Coast and Glens)", "Causeway Coast and Glens",
         2019)]
    assert [[(c.pseudonym, c.age_months, c.sex) for c in r.children] for r in reviews] == [
        [("Child W", 7, "female")], [("Nia", 144, "female"), ("Owen", 108, "male")]]
    assert [len(r.recommendations) for r in reviews] == [0, 2]


def test_a_briefings_typed_title_over_its_parts_stays_one_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """A seven-minute briefing titled "Case Management Review – Baby V" over its numbered parts
    (no publisher line under the title) is one review with all its parts: the parts' own
    "BABY V AND HER FAMILY" is no review of its own."""
    reviews = reviews_of_page(tmp_path, "briefing.txt", BRIEFING, vocab)
    assert len(reviews) == 1
    assert [(c.pseudonym, c.age_months) for c in reviews[0].children] == [("Baby V", 4)]
    assert (reviews[0].incident_year, reviews[0].incident_month) == (2023, 9)
    assert len(reviews[0].learning) == 2


#: An invented partnership page in Markdown (Turndown's setext headings), its last review with no
#: recommendations, then its related pages.
LEARNING_PAGE = """Learning from reviews (INVENTED test page)
==========================================

LCSPR – Child R (published May 2022)
------------------------------------

Child R was 15 when he was stabbed in March 2021. He had been going missing for days at a time.

### Recommendations

*   The partnership to develop a pathway for children at risk of exploitation.
*   Schools to tell the youth justice service about exclusions.

Multi-agency learning review – Ayo (published June 2024)
--------------------------------------------------------

Ayo (not his real name), a five-year-old boy, was bitten by a dog in August 2023.

### Recommendations

No recommendations were made. The learning is being shared through the partnership's training.

Related pages
-------------

*   [Multi-agency training](/training/)
*   [How we decide whether to review](/rapid-reviews/)
"""


def test_related_pages_and_no_recommendations(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Related pages" over its links is an aside, its links no recommendations (before: the
    heading was dropped as furniture and its links read as the review's); "No recommendations
    were made." says there were none, and what follows it is none either."""
    reviews = reviews_of_page(tmp_path, "learning.md", LEARNING_PAGE, vocab)
    assert [[i.text for i in r.recommendations] for r in reviews] == [
        ["The partnership to develop a pathway for children at risk of exploitation",
         "Schools to tell the youth justice service about exclusions"], []]


#: An invented briefing template's slides as their text: a bullet alone over a worked example's
#: learning, a placeholder for its recommendations, and the questions for the team after it.
TEMPLATE = """Team briefing template (INVENTED test page)

Example 2: Local learning review – Baby P

• Baby P died aged four months in March 2022 after sleeping on a sofa with his father.

• Learning: safer sleep conversations should include both parents.

• Learning: housing officers should know when a baby is born into temporary accommodation.

• Recommendations: [add here after the partnership meeting]

Questions for your team

• What would we have done differently?

• Who do we need to tell about this learning?

• What will we change from Monday?
"""


def test_a_templates_placeholder_and_its_questions(tmp_path: Path, vocab: Vocabulary) -> None:
    """A template's "[add here ...]" is no recommendation, and the questions for the team (the
    first of which reads as a learning label, "What would we have done differently?") are no
    learning points (before: one recommendation and four learning points); "Example 2:", a
    slide's counter, is no part of the title."""
    reviews = reviews_of_page(tmp_path, "template.txt", TEMPLATE, vocab)
    assert [(r.title, len(r.learning), len(r.recommendations)) for r in reviews] == [
        ("Local learning review – Baby P", 2, 0)]


#: An invented repository listing: a review's heading over its nation, area and year.
LISTING = """New to the case review repository (INVENTED test page)

1. Concise child practice review: Child K
Wales | Swansea | published 2024

Child K, a girl aged 20 months, was admitted to hospital in April 2023 after swallowing her
father's prescribed medication.

Learning includes: that safe storage of medicines should be discussed with every parent.
"""


def test_a_listings_dateline_gives_the_area(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Wales | Swansea | published 2024" under the heading: the area is its middle field
    (before: none); a child who swallowed her father's prescribed medicine ingested it."""
    reviews = reviews_of_page(tmp_path, "listing.txt", LISTING, vocab)
    assert [(r.area, r.publication_year) for r in reviews] == [("Swansea", 2024)]
    assert "H-INGEST" in {c.notation for c in reviews[0].harms}


def test_a_lone_bullet_is_its_items(tmp_path: Path, vocab: Vocabulary) -> None:
    """MuPDF's XHTML of a PDF's list puts each bullet in a block of its own ("<h3>•</h3>") over
    its item's paragraph: the paragraph is one point, its semicolon no split (before: two)."""
    page = ("<html><body><h2>Significant Case Review – Child G (INVENTED test page)</h2>"
            "<p>Published: May 2017</p><h3>What happened</h3><p>Child G was 13 when she told a "
            "teacher in 2015 that she had been sexually abused.</p><h3>Learning</h3>"
            "<h3>•</h3><p>Self-harm should prompt questions about home.</p>"
            "<h3>•</h3><p>Young people may test a trusted adult first; that hint needs a response.</p>"
            "</body></html>")
    reviews = reviews_of_page(tmp_path, "briefing.xhtml", page, vocab)
    assert [len(r.learning) for r in reviews] == [2]


def test_a_count_the_committee_accepted_is_no_recommendation(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The Committee has accepted the six recommendations, which are set out in the full
    report.": a count and a pointer, no recommendation's words (FORMAT.md: 0; before: 1)."""
    page = ("Learning Review: Child H (INVENTED test page)\n\nPublished November 2021\n\nSummary\n\n"
            "Child H was 16 when he took his own life in February 2020.\n\nRecommendations\n\n"
            "The Committee has accepted the six recommendations, which are set out in the full report.\n")
    reviews = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert [len(r.recommendations) for r in reviews] == [0]
