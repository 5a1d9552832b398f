"""Recommendations a page tells in its prose (session 73, from the development sets' misses: 120
reviews whose gold counts one recommendation where none was read, 84 the other way).
FORMAT.md: a count alone is 0; a count with what one of them asks, or with what they are
about, is 1.  Each text below is INVENTED test data (neutral pseudonyms), hand-labelled with
the count FORMAT.md gives.  In an account (TOLD): each count of 1 was 0 before, each 0 is a
guard.  Under a "Recommendations" label (UNDER_THE_LABEL): each 0 was 1 before (a count with
what became of them, or where they are), the 1 is a guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

#: (case, the sentences after the account, the recommendations' count, the item's first words)
TOLD: list[tuple[str, str, int, str]] = [
    ("one_of_them_after_a_count",
     "The partnership has accepted all seven of the reviewer's recommendations. One of them asks "
     "every agency to adopt a single was-not-brought policy.", 1, "One of them asks"),
    ("above_all_after_a_count",
     "The review makes six recommendations. Above all, it asks the Committee to produce practice "
     "guidance on assessing the risk from dogs.", 1, "Above all, it asks"),
    ("the_one_a_speaker_quotes",
     "It made seven recommendations. The one I quote most often is that the health board should "
     "offer interim support to every young person waiting.", 1, "The one I quote"),
    ("the_one_picked_out",
     "The report has five recommendations. I'll just pick out the one I think matters most, which "
     "is that the partnership writes to the Department for Education.", 1, "I'll just pick out"),
    ("the_outstanding_one",
     "Of its nine recommendations, eight are complete. The outstanding recommendation (number 6) "
     "concerns the refresh of the partnership's neglect strategy.", 1, "The outstanding recommendation"),
    ("a_count_centred_on",
     "The review makes 8 recommendations, centred on adult and children's services planning "
     "jointly for parents with learning disabilities.", 1, "The review makes 8"),
    ("a_count_on_a_subject",
     "It makes three recommendations on access to mental health support in rural areas.", 1,
     "It makes three"),
    ("mainly_for_whom_about_what",
     "There were nine recommendations, mainly for Police Scotland and social work about "
     "responding to coercive control.", 1, "There were nine"),
    ("for_whom_then_what_they_include",
     "Its nine recommendations to the committee and its partners include a protocol for "
     "children withdrawn from school.", 1, "Its nine recommendations"),
    ("one_of_the_reviews_asks",
     "One of the review's 11 recommendations asks the council to make refresher training "
     "mandatory.", 1, "One of the review's"),
    ("accepted_then_what_they_called_for",
     "Its recommendations, which the Committee accepted in full, called for a concealed "
     "pregnancy protocol.", 1, "Its recommendations, which"),
    ("one_was_addressed_to",
     "The review made 7 recommendations. One was addressed to interpreting providers: that "
     "interpreters should have safeguarding training.", 1, "One was addressed"),
    ("a_body_should_ensure_after_a_count",
     "The report makes 10 recommendations. The LSCB should ensure that every pre-birth "
     "assessment records the father's name.", 1, "The LSCB should ensure"),
    ("addressed_to_then_covering",
     "The review makes eight recommendations, addressed to the partnership and the police, "
     "covering the response to referrals from fathers.", 1, "The review makes eight"),
    ("all_directed_to_then_on",
     "The review made four recommendations, all directed to children's social work services, on "
     "including dogs in risk assessments.", 1, "The review made four"),
    ("for_whom_then_what_they_concern",
     "Recommendations to the Safeguarding Board concern the use of accessible information for "
     "parents.", 1, "Recommendations to the"),
    ("one_of_them_in_the_next_paragraph",
     "The review made five recommendations.\n\nOne of them asks the Committee to produce a guide "
     "for staff.", 1, "One of them asks"),
    ("a_count_and_its_acceptance",
     "The review made seven recommendations, and I am glad to say that the committee has "
     "accepted every one of them.", 0, ""),
    ("a_count_for_whom_alone", "The review makes six recommendations to the partnership.", 0, ""),
    ("a_count_alone", "The report has five recommendations. They were all accepted.", 0, ""),
    ("a_count_and_where_they_are",
     "The review makes three recommendations on the partnership's website.", 0, ""),
]


@pytest.mark.parametrize(("after", "count", "opening"), [row[1:] for row in TOLD],
                         ids=[row[0] for row in TOLD])
def test_recommendations_told_in_prose(tmp_path: Path, vocab: Vocabulary, after: str, count: int,
                                       opening: str) -> None:
    """The one review of an invented news item whose account ends with ``after`` has ``count``
    recommendations, the first opening with ``opening``."""
    page = ("Learning Review: Child T (INVENTED test page)\n\nPublished May 2024.\n\n"
            f"Child T, aged four, was admitted to hospital in May 2023 underweight. {after}\n")
    reviews = reviews_of_page(tmp_path, "item.txt", page, vocab)
    assert len(reviews) == 1
    assert len(reviews[0].recommendations) == count
    assert not count or reviews[0].recommendations[0].text.startswith(opening)


#: (case, what a page's "Recommendations" part says, the count FORMAT.md gives): a count with
#: what became of them, where they are, or a catalogue's note that they are not in the summary
#: states no recommendation (each was 1 before); what one of them asks is one.
UNDER_THE_LABEL: list[tuple[str, str, int]] = [
    ("a_count_and_a_completed_plan",
     "The serious case review made 8 recommendations. The former board's action plan has been "
     "completed.", 0),
    ("a_count_and_plans_produced",
     "The CMR made eight recommendations. The PSNI, the Trust and the Education Authority have "
     "each produced an action plan in response.", 0),
    ("a_count_and_monitoring",
     "Six recommendations were made. The SBNI will monitor implementation through its Case "
     "Management Review Panel.", 0),
    ("a_count_and_progress_asked_for",
     "The review made seven recommendations. The SBNI has asked the Trust and the Education "
     "Authority to report on progress within six months.", 0),
    ("a_count_and_the_website",
     "The review made four recommendations to the Board. The full report is on our website.", 0),
    ("a_panels_count", "The review panel made 6 recommendations.", 0),
    ("a_plan_to_be_published",
     "The Child Protection Committee will publish its improvement plan later this year.", 0),
    ("an_action_plan_by_its_type", "See SCR action plan (11 recommendations)", 0),
    ("a_catalogues_note", "Not listed in the executive summary.", 0),
    ("a_catalogues_none", "None listed - see full report", 0),
    ("a_count_in_the_report", "7 in the full report", 0),
    ("one_of_them_asks",
     "The review made four recommendations. One of them asks schools to record every missed "
     "health appointment.", 1),
]


@pytest.mark.parametrize(("told", "count"), [row[1:] for row in UNDER_THE_LABEL],
                         ids=[row[0] for row in UNDER_THE_LABEL])
def test_what_a_recommendations_part_says(tmp_path: Path, vocab: Vocabulary, told: str, count: int) -> None:
    """The one review of an invented briefing whose "Recommendations" part says ``told`` has
    ``count`` recommendations."""
    page = ("Learning Review: Child T (INVENTED test page)\n\nPublished May 2024.\n\nWhat happened\n\n"
            "Child T, aged four, was admitted to hospital in May 2023 underweight.\n\n"
            f"Learning\n\n- Share information about who lives in the home.\n\nRecommendations\n\n{told}\n")
    reviews = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert len(reviews) == 1
    assert len(reviews[0].recommendations) == count, [r.text for r in reviews[0].recommendations]
