"""Rules from validation48's misses (session 65), each checked on an invented page written here
(INVENTED TEST DATA, neutral pseudonyms), each failing before its rule: a webinar's spoken
introductions, "a young person we call Child M, from Pembrokeshire" and "two brothers we call
Child A and Child B, from Carmarthenshire", and a guide's "Recommendations include" over a list."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

#: A webinar's captions up to its first review's account (both webinars below open so).
_WEBINAR_OPENING = """1
00:00:01,000 --> 00:00:04,000
Welcome to the Testshire board's practice webinar (INVENTED TEST DATA).

2
00:00:04,500 --> 00:00:09,000
The first is a concise child practice review about a young person we call Child S, from Conwy.

3
00:00:09,500 --> 00:00:12,000
S was a 15-year-old girl who went missing from home nine times in 2023.

"""

_WEBINAR = _WEBINAR_OPENING + """4
00:00:12,500 --> 00:00:17,000
The second review is about two sisters we call Child D and Child E, from Powys.

5
00:00:17,500 --> 00:00:22,000
D was four and E was two when, in March 2023, they were found alone at home with no food.
"""


def test_a_speakers_we_call_names_the_child_and_the_place_after_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """"we call Child S, from Conwy" introduces a review of Child S in Conwy; "two sisters we call
    Child D and Child E, from Powys" one of both (before: a single review, Child S's, running
    on to the end, in no area)."""
    reviews = reviews_of_page(tmp_path, "webinar.srt", _WEBINAR, vocab)
    assert [(r.title, r.area) for r in reviews] == [("Child S", "Conwy"), ("Child D and Child E", "Powys")]
    assert [c.pseudonym for c in reviews[1].children] == ["Child D", "Child E"]


_GUIDE = """Practice guide, chapter 6: learning from reviews (INVENTED TEST DATA)

CMR 02/24 – 'Robin' (Testshire)

Published by the SBNI in 2024.

Robin was a two-year-old boy who was bitten by a dog at his father's home in May 2023.

Key learning

• Dogs in the home should be part of every assessment of a young child.

Recommendations include

• the health visiting service to add a dog safety question to its home visit records;

• police to share information about dangerous dogs with children's services.

The review made 9 recommendations in total.
"""


def test_recommendations_include_heads_the_list_it_quotes(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Recommendations include" over two items: two recommendations (before: the heading was
    the one recommendation and its list the learning's)."""
    (review,) = reviews_of_page(tmp_path, "guide.txt", _GUIDE, vocab)
    assert [r.text[:24] for r in review.recommendations] == ["the health visiting serv",
                                                            "police to share informat"]
    assert len(review.learning) == 1


_LISTING = """CASE REVIEW LISTING (INVENTED TEST DATA)

1. Child practice review: Child V (Swansea)

Published 2023 by West Glamorgan
Safeguarding Board.

V, a 13-year-old boy, was sexually abused by a volunteer coach. The abuse came to light in
March 2022 when V told his mother.

Learning: clubs need clear routes for children to raise worries.

2. Child practice review: Child Y (Swansea)

Y was 4.
"""


def test_a_publishers_name_wrapped_onto_the_next_line_is_no_label(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Safeguarding Board." ending a wrapped "Published 2023 by ..." sentence is no "area" label
    over the account (before: the account was that label's value, and the age, sex and
    incident date in it were not read)."""
    review = reviews_of_page(tmp_path, "listing.txt", _LISTING, vocab)[0]
    assert [(c.age_months, c.sex) for c in review.children] == [(156, "male")]
    assert (review.incident_year, review.incident_month) == (2022, 3)


_GUIDE_END = """Practice guide, chapter 6 (INVENTED TEST DATA)

CMR 03/24 – 'Wren' (Testshire)

Published by the SBNI in 2024.

Wren was nine years old when it was found, in 2021, that her mother had been giving her
medicines she did not need and reporting symptoms that doctors could not find.

Key learning

• Check a parent's account with the child and with each other.

Related chapters

• Chapter 4: Infant safety

• Chapter 7: Neglect
"""


def test_fii_told_without_its_name_and_a_guides_related_chapters(tmp_path: Path, vocab: Vocabulary) -> None:
    """Medicines given that a child did not need and symptoms reported that doctors could not
    find are fabricated or induced illness; the guide's "Related chapters" links are no part of
    the last review (before: no H-FII, and "Chapter 7: Neglect" coded the review as neglect and
    counted as learning)."""
    (review,) = reviews_of_page(tmp_path, "guide.txt", _GUIDE_END, vocab)
    assert [h.notation for h in review.harms] == ["H-FII"]
    assert len(review.learning) == 1


# ------------------------------------------------------------------ facts (issue 10), session 65
_SENTINEL = """Learning review: Baby Ash (INVENTED TEST DATA)

Published 2024 by the Testshire Safeguarding Children Partnership.

Baby Ash was 11 weeks old when he was found to have a fractured femur in March 2023; the review
concluded that the injury was inflicted. A bruise on his forehead had been seen by a health
visitor three weeks earlier.
"""


def test_an_earlier_injury_seen_by_someone_named_is_the_childs(tmp_path: Path, vocab: Vocabulary) -> None:
    """An earlier bruise is the child's whoever the sentence names as having seen it (before:
    "a health visitor" made the mention another person's, and no RF-SENT fact)."""
    (review,) = reviews_of_page(tmp_path, "review.txt", _SENTINEL, vocab)
    assert "RF-SENT" in [r.notation for r in review.risk_factors]


_UNKNOWN_MEN = """National review: Child Reed and Child Sorrel (INVENTED TEST DATA)

Published 2024.

Child Reed, aged 2, and Child Sorrel, aged 3, lived in two different areas and were killed in
2022 by the new partners of their mothers. Neither man had been seen by a health visitor, GP or
social worker.

Learning review: Child Hazel (INVENTED TEST DATA)

Published 2023.

Child Hazel, aged 9, was sexually abused by her mother's new partner, who had moved into the
family home. He had a previous conviction for a sexual offence against a child, which was not
known to agencies when he joined the household.
"""


def test_men_no_professional_saw_or_whose_conviction_no_agency_knew(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """"Neither man had been seen by a health visitor ..." and a partner's conviction "not known
    to agencies" are men unknown to professionals (before: neither review had RF-MEN)."""
    reviews = reviews_of_page(tmp_path, "digest.txt", _UNKNOWN_MEN, vocab)
    assert [("RF-MEN" in [f.notation for f in r.risk_factors]) for r in reviews] == [True, True]


_BLOWS = """Learning review: Child Rook (INVENTED TEST DATA)

Published 2024.

Child Rook, a 13-year-old boy, was taken to hospital in January 2023 after his father assaulted
him, breaking his wrist.

Learning review: Child Wren (INVENTED TEST DATA)

Published 2023.

Child Wren was 12 when, in September 2022, she arrived at school with a burn on the back of her
hand. She told a teacher that her stepfather had held a lit cigarette against it.

Learning review: Child Moss (INVENTED TEST DATA)

Published 2023.

Child Moss, aged 4, lived with his mother, who moved into a refuge in 2022 after his father
assaulted her.
"""


def test_a_blow_told_with_the_child_as_its_object_is_physical_abuse(tmp_path: Path,
                                                                    vocab: Vocabulary) -> None:
    """"his father assaulted him" and "held a lit cigarette against it" are physical abuse of the
    child; "his father assaulted her" (the mother) is not (before: no H-PHYS for either child)."""
    reviews = reviews_of_page(tmp_path, "digest.txt", _BLOWS, vocab)
    assert [[h.notation for h in r.harms] for r in reviews] == [["H-PHYS"], ["H-PHYS"], []]


_BARE_NUMBERED = """Extended CPR TSB 1/2024 – Child Tern (INVENTED TEST DATA)

Testshire | Published May 2024

Child Tern was 10 when, in November 2023, he told his teacher that his father had hit him with a
belt.

Recommendations
1 Children's services should record each child's language choice.
2 The Board should audit how the voice of the child is recorded.
3 Police and children's services should review how notifications are shared
with schools.
The Board accepted them all.
"""


def test_a_lists_bare_numbers_are_no_words_of_its_points(tmp_path: Path, vocab: Vocabulary) -> None:
    """"1 Children's services should ...", "2 The Board ...", "3 Police ..." (a PDF's numbered list
    without its stops) are three recommendations without their numbers (before: each kept its
    "1 "), whatever follows them unnumbered."""
    (tern,) = reviews_of_page(tmp_path, "bulletin.txt", _BARE_NUMBERED, vocab)
    assert [r.text[:12] for r in tern.recommendations][:3] == ["Children's s", "The Board sh",
                                                               "Police and c"]


_BULLETIN_ONE = """Practice Bulletin

Concise Child Practice Review TSB 2/2024 – Child Kestrel (INVENTED TEST DATA)

Testshire | Published March 2024

Child Kestrel was eight when, in October 2023, he told his teacher that an adult at home had hit
him with a belt.

What we learned

• A plan for domestic abuse must also consider direct harm to the child.
"""


def test_a_bulletins_name_over_its_one_review_is_no_childs_name(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Practice Bulletin" over the review's heading is the bulletin's title, as a newspaper's
    masthead is, not a child "Practice Bulletin" whose account the heading under it begins
    (before: the review was titled "Practice Bulletin")."""
    (review,) = reviews_of_page(tmp_path, "bulletin.txt", _BULLETIN_ONE, vocab)
    assert review.title.startswith("Concise Child Practice Review TSB 2/2024 – Child Kestrel")
    assert [c.pseudonym for c in review.children] == ["Child Kestrel"]


_COUNTED = _WEBINAR_OPENING + """4
00:00:12,500 --> 00:00:15,000
The review found three things.

5
00:00:15,500 --> 00:00:18,000
One: missing episodes were treated as separate events.

6
00:00:18,500 --> 00:00:21,000
Two: S was not offered return home interviews.

7
00:00:21,500 --> 00:00:24,000
Three: her autism was not built into her safety plan.

8
00:00:24,500 --> 00:00:28,000
The second review is about a boy we call Child T, from Powys.

9
00:00:28,500 --> 00:00:31,000
T was 4 when, in March 2023, he was found alone at home with no food.

10
00:00:31,500 --> 00:00:34,000
The review made two recommendations.

11
00:00:34,500 --> 00:00:37,000
First: the board should audit neglect plans.

12
00:00:37,500 --> 00:00:40,000
Second: health visitors should see every child at home.
"""


def test_points_a_speaker_counts_off_are_a_list(tmp_path: Path, vocab: Vocabulary) -> None:
    """"One: ...", "Two: ...", "Three: ..." after "The review found three things." are three
    learning points; "First: ...", "Second: ..." after "The review made two recommendations."
    two recommendations (before: unknown labels, quarantined; one learning point, the count)."""
    s, t = reviews_of_page(tmp_path, "webinar.srt", _COUNTED, vocab)
    assert [i.text for i in s.learning] == ["missing episodes were treated as separate events",
                                            "S was not offered return home interviews",
                                            "her autism was not built into her safety plan"]
    assert [i.text for i in t.recommendations] == ["the board should audit neglect plans",
                                                   "health visitors should see every child at home"]
    assert t.learning == []
