"""Rules from validation51's misses (session 68), each on an invented page of the same form (the
pages here are INVENTED test data, with neutral pseudonyms; real area names appear only as
areas): a podcast episode's show notes with the review's heading in words under the episode's
title and its "What we discuss:" points; a webinar transcript's sign-off naming the next
webinar's topic; a practitioner summary's "accepted all eight of the review's
recommendations; the Trust's action plan is overseen by ..."; a tracker titled "Serious Case
Review Tracker" whose rows give a review's "SCR commissioned" date and "Ref: SCR 11/01"."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

SHOW_NOTES = """Ep 3 – Robin: learning from a case management review
Invented Trust Safeguarding Children Team
Practice Podcast (invented test page)
2024

In this episode two members of the team talk through the learning from a case management review
published by the Safeguarding Board for Northern Ireland (SBNI) in March 2024.

Case Management Review – 'Robin' (Mid Ulster)

Robin (not a real name) was 20 months old when he was admitted to hospital in October 2022 after
swallowing his mother's prescribed medication. He recovered.

What we discuss:
• safe storage needs to be checked, not just asked about
• the health visitor did not know about the prescription

The review made 6 recommendations.
"""


def test_a_show_notes_review_heading_in_words(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Case Management Review – 'Robin' (Mid Ulster)" under the episode's title heads the review
    (its area and the SBNI's year above it); "What we discuss:" lists its learning."""
    (review,) = reviews_of_page(tmp_path, "episode.txt", SHOW_NOTES, vocab)
    assert review.title == "Case Management Review – 'Robin' (Mid Ulster)"
    assert (review.area, review.publication_year) == ("Mid Ulster", 2024)
    assert [i.text for i in review.learning] == ["safe storage needs to be checked, not just asked about",
                                                 "the health visitor did not know about the prescription"]


WEBINAR = """Practice webinar: learning from a child practice review (invented test page)
Testshire Safeguarding Board

Our review is a concise child practice review, published in May 2024, about a 14-year-old boy we
call Child K.

In the autumn of 2022 Child K was stabbed in the town centre. He had been drawn into a county
lines network moving drugs, and he had been excluded from school.

The review made six recommendations.

That's all for today. Our next webinar is on the 12th of June, on neglect and the neglect toolkit.
"""


def test_a_talks_sign_off_is_no_part_of_the_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """"That's all for today. Our next webinar is ..., on neglect": what a later webinar is
    about, not what happened to the child."""
    (review,) = reviews_of_page(tmp_path, "webinar.txt", WEBINAR, vocab)
    assert {h.notation for h in review.harms} == {"H-EXT", "H-PHYS"}
    assert not {m.notation for m in review.mentions} & {"H-NEG", "RF-NEG"}


SUMMARY = """Learning from Case Management Reviews (invented test page)

CMR – 'Alex' (Testshire)

Published by the SBNI: June 2023

What happened

Alex (not a real name) was 13 when police found her with a 31-year-old man who had groomed her.

Recommendations

The SBNI accepted all eight of the review's recommendations; the Trust's action plan is overseen """ \
    """by its Safeguarding Panel.
"""


def test_an_acceptance_and_its_oversight_are_no_recommendations(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The SBNI accepted all eight of the review's recommendations" is a count, and "the
    Trust's action plan is overseen by ..." what became of them: no recommendation is listed."""
    (review,) = reviews_of_page(tmp_path, "summary.txt", SUMMARY, vocab)
    assert [i.text for i in review.recommendations] == []


TRACKER = """Testshire Safeguarding Children Board (invented test page)
Serious Case Review Tracker 2012-13

Ref,Case,Incident,SCR commissioned,Published,Summary of case
SCR 12/01,Child E,January 2012,03/03/2012,14/03/2013,"Child E, a 6-week-old boy, had a skull fracture """ \
    """that the paediatrician judged to be non-accidental."
SCR 12/02,Child F,August 2012,Not commissioned,n/a,"Referral from police after a burn to a 4-month-old. """ \
    """Criteria not met, no SCR."
"""


def test_a_trackers_rows_are_its_serious_case_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """A row whose fields give the date its SCR was commissioned is a review's (its name cell
    only "Child E"), of the type the tracker's title names; a row whose SCR was never
    commissioned names none."""
    reviews = reviews_of_page(tmp_path, "tracker.csv", TRACKER, vocab)
    assert [r.title for r in reviews] == ["Child E"]
    assert reviews[0].review_type is not None and reviews[0].review_type.notation == "RT-SCR"


EPISODE_RECS = """Invented test page: an episode's show notes

Case Management Review – 'Robin' (Mid Ulster)

Robin (not a real name) was 20 months old when he swallowed medication in October 2022.

The review made 9 recommendations. In the episode we discuss two of them: that the Board
produces safe-storage guidance, and that prescribers tell health visitors about prescriptions.
"""

POST = """Invented test page: a committee's post

SCR – 'Sam' (Testshire)

In November 2019 we published the significant case review about Sam (not a real name), a
baby who was killed by his mother's partner in 2017.

The review's learning about 'hidden men' is still at the heart of our training: always ask who
else is in the home.
"""

LISTING = """Invented test page: a repository's new additions

1. Child Q – Learning review (Testshire, 2025)
Published: 01/2025 · Scotland

Summary: Child Q, a 12-year-old boy, was neglected at home in 2023.

Learning: that neglect of an older child is easily missed.

Recommendations: eight, set out in the full report.
"""


def test_prose_recommendations_and_learning_in_a_talk_or_post(tmp_path: Path, vocab: Vocabulary) -> None:
    """"In the episode we discuss two of them: that ..., and that ..." after a count states
    recommendations (one prose item); "The review's learning about 'hidden men' is ..." states
    its learning; "eight, set out in the full report." is a count and a pointer, no item."""
    (episode,) = reviews_of_page(tmp_path, "episode.txt", EPISODE_RECS, vocab)
    assert len(episode.recommendations) == 1
    assert episode.recommendations[0].text.startswith("In the episode we discuss two of them: that the Board")
    (post,) = reviews_of_page(tmp_path, "post.txt", POST, vocab)
    assert [i.text[:40] for i in post.learning] == ["The review's learning about 'hidden men'"]
    (listed,) = reviews_of_page(tmp_path, "listing.txt", LISTING, vocab)
    assert (len(listed.learning), len(listed.recommendations)) == (1, 0)
