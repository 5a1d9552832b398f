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
