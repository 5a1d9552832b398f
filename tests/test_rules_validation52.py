"""Rules from validation52's misses (session 69), each on an invented page of the same form (the
pages here are INVENTED test data, with neutral pseudonyms; real area names appear only as
areas): a news statement's "The review makes six recommendations. Two of them are that ...";
a library entry's "Recommendations: the report does not list its recommendations separately;
the board has accepted them in full."; a webinar's captions with speakers' labels ("Reviewer:
Baby N died in ...") and "First, ... Second, ... And third, ..."; a briefing video's "Five.
Learning. First: ..." and "Learning point 1" title cards; and a "Learning and recommendations"
part whose second paragraph is what the review recommends."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

NEWS = """Partnership publishes review (invented test page)

Posted on 2 May 2024

The Testshire Safeguarding Children Partnership has today published a local child safeguarding
practice review about a baby boy, referred to as Baby K, who died in his sleep in March 2023.

The review makes six recommendations. {them} that safer sleep advice is given to every adult
who cares for a baby, and that housing providers tell the health visitor when a family moves.
"""


def test_some_of_the_counted_recommendations_told_in_prose(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Two of them are that A, and that B" (or "One of them is that ...") after the count is
    the counted recommendations' one statement (FORMAT.md), not nothing."""
    for them in ("Two of them are", "One of them is"):
        (review,) = reviews_of_page(tmp_path, "news.txt", NEWS.format(them=them), vocab)
        assert [i.text.split(" that ")[0] for i in review.recommendations] == [them]


LIBRARY = """NEW IN THE LIBRARY (invented test page)

#1  Child R | Concise child practice review | Powys | 2024
Published: December 2024 (Wales)
What happened: Child R was three months old when she was taken to hospital with a fractured
leg in March 2023.
Learning: bruising in a baby who is not yet crawling must always be referred.
Recommendations: the report does not list its recommendations separately; the board has
accepted them in full.

#2  Child S | Learning review | Dundee | 2024
Published: October 2024 (Scotland)
What happened: Child S, aged eight, was found living in a flat with little food in January 2024.
Recommendations: five, set out in the full report.
"""


def test_recommendations_not_listed_are_none(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The report does not list its recommendations separately; the board has accepted them in
    full." says there are some and what became of them, none of their words: no item; and the
    entries' "#1  Child R | ... | Powys | 2024" headings give their titles without the number."""
    first, second = reviews_of_page(tmp_path, "library.txt", LIBRARY, vocab)
    assert (first.recommendations, second.recommendations) == ([], [])
    assert (first.title, first.area) == ("Child R | Concise child practice review | Powys | 2024", "Powys")
    assert [c.pseudonym for r in (first, second) for c in r.children] == ["Child R", "Child S"]


CAPTIONS = """WEBVTT

00:00:01.000 --> 00:00:05.000
Host: Welcome to this practice webinar
from the Testshire Safeguarding Board.

00:00:05.100 --> 00:00:09.000
Reviewer: This is an extended child practice review,
published in January 2024, about a baby we call Baby N.

00:00:09.100 --> 00:00:13.000
Reviewer: Baby N died in November 2021 when she
was ten months old.

00:00:13.100 --> 00:00:17.000
Reviewer: The review made three recommendations. First, that all

00:00:17.100 --> 00:00:21.000
agencies use professional interpreters. Second, that health visitors

00:00:21.100 --> 00:00:25.000
ask who lives in the home. And third, that the board audits

00:00:25.100 --> 00:00:29.000
closed referrals.

00:00:29.100 --> 00:00:31.000
Host: Diolch. Questions next.
"""


def test_a_speakers_words_are_the_account(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Reviewer: Baby N died in November 2021 ..." is a speaker's turn (the label opens three
    paragraphs; "Host:", twice, stays a label), its words the account that dates the harm, not
    a part of an unknown label;
    "First, ... Second, ... And third, ..." are three recommendations."""
    (review,) = reviews_of_page(tmp_path, "webinar.vtt", CAPTIONS, vocab)
    assert (review.incident_year, review.incident_month) == (2021, 11)
    assert [i.text.split(",")[0] for i in review.recommendations] == ["First", "Second", "And third"]
    assert not any("'Reviewer:'" in w for w in review.warnings)


def test_a_label_once_stays_a_field(tmp_path: Path, vocab: Vocabulary) -> None:
    """A role that labels one line is a field of the page, as before ("Reviewer: an independent
    reviewer" is no speaker's turn): kept as text, with its warning."""
    page = CAPTIONS.replace("Reviewer: Baby N died", "Baby N died").replace(
        "Reviewer: The review made", "The review made")
    (review,) = reviews_of_page(tmp_path, "webinar.vtt", page, vocab)
    assert any("unknown label 'Reviewer:'" in w for w in review.warnings)


BRIEFING = """WEBVTT

00:00:01.000 --> 00:00:05.000
Seven minute briefing. Child Q: local child safeguarding

00:00:05.100 --> 00:00:09.000
practice review, published April 2024 (invented test page).

00:00:09.100 --> 00:00:13.000
One. Background. Child Q was a boy of 22 months. In September 2022 he was

00:00:13.100 --> 00:00:17.000
taken to hospital with injuries that doctors found had been inflicted.

00:00:17.100 --> 00:00:21.000
Five. Learning. First: the health visitor's last contact was a

00:00:21.100 --> 00:00:25.000
text message. Second: a bruise on a baby's ear should always

00:00:25.100 --> 00:00:29.000
prompt a discussion with social care. Third:

00:00:29.100 --> 00:00:33.000
information held by probation was not linked to the child.

00:00:33.100 --> 00:00:37.000
Seven. Reflect. Who lives with the children you work with?
"""


def test_points_counted_as_labels_in_captions(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Five. Learning. First: ... Second: ... Third:" / "information held by ...": each
    counted point a paragraph of its own (a colon ends no cue whose next one goes on in lower
    case), the three the learning."""
    (review,) = reviews_of_page(tmp_path, "briefing.vtt", BRIEFING, vocab)
    assert [i.text.split()[0] for i in review.learning] == ["the", "a", "information"]


TITLE_CARDS = """WEBVTT

00:00:00.000 --> 00:00:04.000
Learning Review: Child T (invented test page)

00:00:04.100 --> 00:00:09.000
This short film shares learning from a review we published in March 2023.

00:00:09.100 --> 00:00:14.000
In the summer of 2021 Child T, aged four, told her nursery that she had been hit.

00:00:14.100 --> 00:00:16.000
Learning point 1

00:00:16.100 --> 00:00:20.000
A man who stays most nights is part of the household.

00:00:20.100 --> 00:00:22.000
Learning point 2

00:00:22.100 --> 00:00:26.000
Young children do tell us.

00:00:26.100 --> 00:00:28.000
Thank you for watching.
"""


def test_a_numbered_title_card_is_a_heading(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Learning point 1" alone on a caption, a sentence starting after it, is a title card
    (TTML marks one by its style alone), not words run into the point under it; the film's
    "Thank you for watching." after the last point is none of it."""
    (review,) = reviews_of_page(tmp_path, "film.vtt", TITLE_CARDS, vocab)
    assert [i.text for i in review.learning] == ["A man who stays most nights is part of the household",
                                                 "Young children do tell us"]


JOINT = """Josh – multi-agency learning review (invented test page)

Published: 26 November 2024
Area: Testshire

Josh (not his real name) was 17. In December 2023 he tried to take his own life.

Learning and recommendations

Josh approached the housing team twice, but he was given advice rather than a joint
assessment with children's services.

The review makes recommendations about joint housing and children's services assessments for
homeless 16 and 17 year olds.
"""


def test_learning_and_recommendations_told_apart(tmp_path: Path, vocab: Vocabulary) -> None:
    """Under "Learning and recommendations", the paragraph that says what the review
    recommends is its recommendation and the other its learning, not each both."""
    (review,) = reviews_of_page(tmp_path, "josh.txt", JOINT, vocab)
    assert [i.text.split()[0] for i in review.learning] == ["Josh"]
    assert [i.text.split()[:3] for i in review.recommendations] == [["The", "review", "makes"]]


FOUND = """Child practice review: Child V (invented test page)

Published: June 2024
Area: Testshire

Child V was nine when her school made a referral because she was often hungry.

Learning

The review found that over about four years Child V had been neglected and emotionally abused:
she was shouted at and often kept in her room.
"""


def test_a_finding_of_the_case_after_a_time_is_its_fact(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The review found that over about four years Child V had been ... emotionally abused",
    under "Learning", tells what happened to the child: its harms are facts, as they are with
    no time before the name."""
    (review,) = reviews_of_page(tmp_path, "child-v.txt", FOUND, vocab)
    assert {"H-NEG", "H-EMO"} <= {c.notation for c in review.harms}


TURNS = """WEBVTT

00:00:01.000 --> 00:00:05.000
Reviewer: This is an extended child practice review, published
in January 2024, about a baby we call Baby N (invented test page).

00:00:05.100 --> 00:00:09.000
Reviewer: Baby N died in November 2021 when she was ten months old.

00:00:09.100 --> 00:00:13.000
Reviewer: Her mother had moved to Wales two years before. She had told a midwife that the father
had hit her.

00:00:13.100 --> 00:00:17.000
Reviewer: She had also been prescribed medication for anxiety and low mood.
"""


def test_a_speakers_label_is_no_word_of_what_is_said(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Reviewer: She had also been prescribed medication for anxiety ..." opens, as said, with
    "She", who goes on from the turn before (the mother): the parent's mental health, not the
    baby's, once the label is left out of the sentence."""
    (review,) = reviews_of_page(tmp_path, "turns.vtt", TURNS, vocab)
    assert "RF-PMH" in {c.notation for c in review.risk_factors}
    assert "RF-CMH" not in {c.notation for c in review.risk_factors}
