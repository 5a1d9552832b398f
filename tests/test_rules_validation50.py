"""Rules from validation50's misses (session 67), each on an invented page of the same form (the
pages here are INVENTED test data, with neutral pseudonyms; real area names appear only as
areas): a news story's second review told "In the second case, ..."; a briefing template with
a completed example; a seven-minute briefing's "What has changed" and "#4  WHAT WE LEARNED"
parts under a "Published by ..." line; an annual report's numbered review over its "Published"
line; a speaker's lead-in to the learning; a chapter's heading over "Our first review is ...";
a SharePoint page saved from Microsoft Graph."""

from __future__ import annotations

import json
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source

NEWS = """2024-09-18T10:05:00+01:00

Reviews find missed chances before harm to two children (invented test page)

Agencies missed warning signs before a girl was hurt and a baby was left underweight, two reviews
published on Tuesday have found.

A learning review for the Testshire Child Protection Committee, which calls the girl Child P,
found that the 12-year-old was abused by her mother's partner. It made four recommendations.

In the second case, the Exampleton Child Protection Committee reviewed the care of a
seven-month-old boy, known as Baby Q, who was admitted to hospital severely underweight. The
review concluded that he had been neglected.
"""


def test_a_news_storys_second_case_is_a_review_of_its_own(tmp_path: Path, vocab: Vocabulary) -> None:
    """"A learning review for ..., which calls the girl Child P" and "In the second case, ...
    known as Baby Q" each start a review, told until the next; the agency's timestamp above
    the story (NewsML's, read as the XML's words) dates them."""
    reviews = reviews_of_page(tmp_path, "news.txt", NEWS, vocab)
    assert [(r.title, r.publication_year) for r in reviews] == [("Child P", 2024), ("Baby Q", 2024)]
    assert [c.age_months for c in reviews[1].children] == [7]
    assert "H-NEG" in {h.notation for h in reviews[1].harms}


TEMPLATE = """7 Minute Briefing

Template for partner agencies (invented test page)

1. Background

[Who was the child? Age, family, where they lived.]

2. Learning

[Numbered learning points.]

3. Recommendations

[Lettered recommendations.]

Completed example

Local Child Safeguarding Practice Review: Child J

Published September 2023 · Wiltshire

1. Background

Child J was a 13-year-old boy who went missing from home and was criminally exploited.

2. Learning

- His missing episodes were each treated as a one-off.
- Two plans were held by two services that did not refer to each other.

3. Recommendations

a) The partnership to agree one exploitation plan for each child.
b) Schools to notify the local authority before any reduced timetable starts.

4. What has changed

A new exploitation panel meets every fortnight.
"""


def test_a_templates_completed_example_is_its_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """The blank form above "Completed example" is instructions: its placeholders are no
    learning; the example's heading is the title, "Published September 2023 · Wiltshire" gives
    the area, and "What has changed" (done since) is no recommendation."""
    (review,) = reviews_of_page(tmp_path, "template.txt", TEMPLATE, vocab)
    assert (review.title, review.area, review.review_type.notation) == (
        "Local Child Safeguarding Practice Review: Child J", "Wiltshire", "RT-LCSPR")
    assert [i.text for i in review.learning] == [
        "His missing episodes were each treated as a one-off",
        "Two plans were held by two services that did not refer to each other"]
    assert len(review.recommendations) == 2


BRIEFING = """TESTSHIRE TRUST  |  SAFEGUARDING CHILDREN TEAM (invented test page)
##########################################################
  7 MINUTE BRIEFING  -  CASE MANAGEMENT REVIEW: BABY CIARA
  Published by the Safeguarding Board for Northern Ireland, February 2024
  Area: Western Trust
##########################################################

#1  WHAT HAPPENED
    In January 2023 Baby Ciara, four months old, was taken to hospital with a
    fractured arm.

#2  WHAT WE LEARNED
    1. The bruising protocol was not followed.
    2. The father's return to the home was not known to the health visitor.

#3  WHAT THE REVIEW RECOMMENDS
    a) The Trust to re-launch the bruising protocol.
"""


def test_a_briefings_hash_numbered_parts_under_its_publisher_line(tmp_path: Path, vocab: Vocabulary) -> None:
    """"#2  WHAT WE LEARNED" labels its part as "[2] ..." and "(2) ..." do; the line naming the
    publisher and the date under the heading is no record of its own."""
    (review,) = reviews_of_page(tmp_path, "briefing.txt", BRIEFING, vocab)
    assert review.title == "7 MINUTE BRIEFING  -  CASE MANAGEMENT REVIEW: BABY CIARA"
    assert review.review_type.notation == "RT-CMR"
    assert (len(review.learning), len(review.recommendations)) == (2, 1)


REPORT = """SECTION 6: LEARNING FROM REVIEWS (invented test page)

6.3  Concise CPR NWSB 4/2023 - Child M (Wrexham)
     Published November 2023.
     Child M is an 11-year-old girl who was emotionally abused by her mother's husband.
     Key learning: a child should never be used to interpret.

6.4  Multi-agency learning review - Dylan (Flintshire)
     Published January 2024.
     Dylan (not his real name) was 15 when he was trafficked to sell drugs. He was
     looked after and went missing many times.
     What we learned: host authorities did not share intelligence.

6.5  Learning events
     Over 400 practitioners attended the Board's sessions this year.
"""


def test_an_annual_reports_numbered_reviews_over_their_published_lines(tmp_path: Path,
                                                                       vocab: Vocabulary) -> None:
    """"6.4  Multi-agency learning review - Dylan (Flintshire)" over "Published January 2024."
    heads a review as "6.3  Concise CPR ..." does, and "6.5  Learning events" ends it."""
    reviews = reviews_of_page(tmp_path, "report.txt", REPORT, vocab)
    assert [(r.title, r.area) for r in reviews] == [
        ("Concise CPR NWSB 4/2023 - Child M (Wrexham)", "Wrexham"),
        ("Multi-agency learning review - Dylan (Flintshire)", "Flintshire")]
    assert [len(r.learning) for r in reviews] == [1, 1]


CAPTIONS = """Learning from reviews: then and now (invented test page)

Significant Case Review: Baby A

Testshire Child Protection Committee.

Learning from reviews: then and now.

Our first review is the Significant Case Review about Baby A, published in 2017.

In 2016 Baby A died while sharing a sofa with her father.

Learning Review: Child B

Our second review is the Learning Review about Child B, published in 2024.

Child B was six and was neglected at home.

The review found three things.

First, school staff knew Child B best, but were not heard.

Second, the partner was treated as a visitor rather than as a carer.

Third, the domestic abuse service did not ask about Child B.

There are two recommendations.
"""


def test_a_videos_chapter_headings_and_spoken_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    """A chapter's heading names the review that "Our first review is ... about Baby A" then
    introduces (the heading stays its title); the title card said again ("Learning from
    reviews: then and now.") does not end the account; "The review found three things." leads
    into three points, a paragraph each."""
    reviews = reviews_of_page(tmp_path, "captions.txt", CAPTIONS, vocab)
    assert [r.title for r in reviews] == ["Significant Case Review: Baby A", "Learning Review: Child B"]
    assert reviews[0].incident_year == 2016
    assert [i.text[:6] for i in reviews[1].learning] == ["First,", "Second", "Third,"]


def test_a_sharepoint_page_from_graph_is_read_as_its_web_parts(tmp_path: Path) -> None:
    """Microsoft Graph's sitePage with its canvas: the title, the description, then each text
    web part's HTML in order (a heading a heading, not a bullet of the record); a button's
    settings are no words of the page."""
    page = {"@odata.type": "#microsoft.graph.sitePage", "title": "Safeguarding learning (invented)",
            "description": "Two reviews for primary care.", "createdDateTime": "2024-05-20T09:12:44Z",
            "canvasLayout": {"horizontalSections": [{"columns": [{"webparts": [
                {"@odata.type": "#microsoft.graph.textWebPart",
                 "innerHtml": "<h2>LCSPR: Child N (Leeds)</h2><p>Child N is a 10-year-old boy.</p>"},
                {"@odata.type": "#microsoft.graph.standardWebPart", "data": {"title": "Button"}}]}]}]}}
    (tmp_path / "page.json").write_text(json.dumps(page))
    assert read_source(tmp_path / "page.json").text.split("\n\n") == [
        "Safeguarding learning (invented)", "Two reviews for primary care.", "Published: 20 May 2024",
        "LCSPR: Child N (Leeds)", "Child N is a 10-year-old boy.\n"]


NEWSLETTER = """Learning from CMRs - Issue 4 (invented test page)

CMR: Baby D

Published November 2023 · Northern Trust area

Baby D (not his real name) was eight weeks old when he was admitted to hospital with bleeding
on the brain. Doctors concluded that he had been shaken. His father drank heavily, had grown
up in care, and was known to the Probation Board for violence against a former partner.

Learning
•   Fathers caring for babies need to be seen and assessed, not only mothers.

Next issue: learning from a thematic review of neglect.
"""


def test_a_fathers_drinking_and_probation_record_are_facts(tmp_path: Path, vocab: Vocabulary) -> None:
    """"drank heavily, had grown up in care" is the father's drinking ("grown" sells no
    cannabis: the mention is itself a use); "known to the Probation Board" (Northern Ireland's
    probation service) is his record; the newsletter's "Next issue: ... neglect" is beside the
    review, no harm of it."""
    (review,) = reviews_of_page(tmp_path, "newsletter.txt", NEWSLETTER, vocab)
    assert {"RF-ALC", "RF-CRIM"} <= {c.notation for c in review.risk_factors}
    assert "H-NEG" not in {h.notation for h in review.harms}


def test_violence_towards_the_mother_or_a_new_partner_is_the_households(tmp_path: Path,
                                                                      vocab: Vocabulary) -> None:
    """A mention that names the mother is this household's abuse though the sentence also tells
    of a former partner's; violence towards a father's new partner, in his home, is too."""
    text = ("Serious Case Review: Ellis (invented test page)\n\nEllis was nine when he was killed by his "
            "father. His parents had separated after years in which his father was violent towards his "
            "mother; the father had previous convictions for assaulting a former partner.\n")
    (review,) = reviews_of_page(tmp_path, "ellis.txt", text, vocab)
    assert "RF-DA" in {c.notation for c in review.risk_factors}
    text = ("Learning Review: Child R (invented test page)\n\nChild R, aged 9, lived with her father, who "
            "controlled what she ate and told her she was worthless. He was also violent towards his new "
            "partner.\n")
    (review,) = reviews_of_page(tmp_path, "child-r.txt", text, vocab)
    assert "RF-DA" in {c.notation for c in review.risk_factors}


DIGEST = """Case review repository: latest additions (invented test page)

[1] Child V :: Case Management Review (South Eastern HSC Trust area)
----------------------------------------------------------------------------
Published: July 2024 | Nation: Northern Ireland

A five-year-old boy was found by police in a home with no food, no heating
and no working toilet, and was taken into care.

Learning includes: improvement after registration needs to be tested over time.

Recommendations: the review made nine recommendations. These have not been
published in full.
"""


def test_a_digests_double_colon_record_and_its_unpublished_recommendations(tmp_path: Path,
                                                                          vocab: Vocabulary) -> None:
    """"Child V :: Case Management Review (...)" names Child V (not "Child V :"); "a home with no
    food" is neglect; "These have not been published in full." is no recommendation."""
    (review,) = reviews_of_page(tmp_path, "digest.txt", DIGEST, vocab)
    assert [c.pseudonym for c in review.children] == ["Child V"]
    assert "H-NEG" in {h.notation for h in review.harms}
    assert review.recommendations == []


STATEMENT = """Board publishes review into the care of a young child (invented test page)

Posted: 4 December 2024

The Mid and West Wales Safeguarding Board has today published an Extended Child Practice Review
about the care of a six-year-old girl, known as Child Z.

Child Z was found to have been left without adequate food, clothing or medical care for a long
period. Child Z had been subject to a care and support protection plan when she was three.

""" + (  # (one paragraph on one line, as the statement's web page gives it)
    "The review makes eight recommendations. Among them, the Board will ask Carmarthenshire County "
    "Council to make sure that any previous review about a family is flagged on its records, and Hywel "
    "Dda University Health Board to check that health visitors record a child's own words.\n")


def test_a_welsh_statements_plan_neglect_and_chosen_recommendations(tmp_path: Path,
                                                                    vocab: Vocabulary) -> None:
    """Wales's "care and support protection plan" is a child protection plan before the harm;
    "left without adequate food" is neglect; "Among them, the Board will ask A to ..., and B to
    ..." is two recommendations, the verb said once."""
    (review,) = reviews_of_page(tmp_path, "statement.txt", STATEMENT, vocab)
    assert "RF-PREV" in {c.notation for c in review.risk_factors}
    assert "H-NEG" in {h.notation for h in review.harms}
    assert [i.text[:28] for i in review.recommendations] == ["the Board will ask Carmarthe",
                                                            "Hywel Dda University Health "]
