"""Rules from validation47's misses (session 64), each checked on an invented page written here
(INVENTED TEST DATA, neutral pseudonyms), each failing before its rule: a tracker's "Rapid
review: 2022-11-03" column, its "Action plan RAG", a summary's "For discussion", a briefing's
"(4) WHAT WE LEARNED" parts and its first "WHY THIS MATTERS" that tells the case, a post's
"Posted 19 June 2024 · Local authority: Newport", and captions whose cue is a title card."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

_TRACKER = """Testshire Safeguarding Children Partnership - Case Review Tracker (INVENTED TEST DATA)

RECORD 1
Child P
Review type: LCSPR
Area: Testshire
Rapid review: 2022-11-03
Published: 2024-03-14
Summary: Child P, a 15-year-old boy, was stabbed in October 2022 and needed surgery.
Recommendations: 4 recommendations - see Action Plan tab
Action plan RAG: Amber
"""


def test_a_trackers_date_column_and_action_plan_status_are_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Rapid review: 2022-11-03" is the row's field, not a second review headed by its date;
    "Action plan RAG: Amber" is the plan's status, no recommendation (before: two reviews, the
    second "Rapid review: 2022-11-03" with the account and "Action plan RAG: Amber" an item)."""
    (review,) = reviews_of_page(tmp_path, "tracker.txt", _TRACKER, vocab)
    assert (review.title, review.publication_year, review.incident_year) == ("Child P", 2024, 2022)
    assert review.recommendations == []


_BRIEFING = """TESTSHIRE CHILD PROTECTION COMMITTEE
~~ 7 MINUTE BRIEFING (INVENTED TEST DATA) ~~

Learning Review - Child N
Published September 2024

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
(1) WHY THIS MATTERS
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Child N was a ten-week-old girl who died in January 2023 while sharing a sofa with her father.

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
(2) WHAT HAPPENED
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
The family were living in one room in temporary accommodation.

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
(3) WHY IT MATTERS
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Many families who lose a baby have also lived with domestic abuse or parental drug use.

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
(4) WHAT WE LEARNED
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
1. Safer sleep advice was given to the mother only.
2. Nobody visited the temporary accommodation.

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
(5) RECOMMENDATIONS
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
1. Health visitors to give safer sleep advice to both parents.

For discussion

Who sleeps where in the homes you visit?

Thank you for reading.
"""


def test_a_briefings_bracketed_parts_are_its_parts(tmp_path: Path, vocab: Vocabulary) -> None:
    """"(4) WHAT WE LEARNED" and "(5) RECOMMENDATIONS" head the briefing's learning (2) and its
    recommendations (1); "For discussion" and its question, and "Thank you for reading.", are
    none of them (before: no learning and no recommendation at all)."""
    (review,) = reviews_of_page(tmp_path, "briefing.txt", _BRIEFING, vocab)
    assert [item.text for item in review.learning] == ["Safer sleep advice was given to the mother only",
                                                       "Nobody visited the temporary accommodation"]
    assert [item.text for item in review.recommendations] == [
        "Health visitors to give safer sleep advice to both parents"]


def test_a_first_why_it_matters_that_tells_the_case_is_its_account(tmp_path: Path, vocab: Vocabulary) -> None:
    """"(1) WHY THIS MATTERS", the briefing's first part, tells Child N's death: the account (her
    age and the incident's date are read); "(3) WHY IT MATTERS" after the account is general:
    its domestic abuse and drug use are no facts of this case."""
    (review,) = reviews_of_page(tmp_path, "briefing.txt", _BRIEFING, vocab)
    assert ([c.age_months for c in review.children], review.incident_year, review.incident_month) == (
        [2], 2023, 1)
    assert "RF-HOUS" in {r.notation for r in review.risk_factors}
    assert not {"RF-DA", "RF-DRG"} & {r.notation for r in review.risk_factors}


_POST = """<html><head><title>Invented review - Child W</title></head><body>
<h1>Extended Child Practice Review TSB 1/2024 - Child W</h1>
<p>Posted 19 June 2024 · Local authority: Exampleton</p>
<p>INVENTED TEST PAGE. Child W, a two-year-old boy, was admitted to hospital in early 2023 severely
underweight; the review describes this as neglect.</p>
</body></html>"""


def test_a_posts_date_then_its_area_after_a_dot(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Posted 19 June 2024 · Local authority: Exampleton": the area is the field after the dot
    (its date has no colon), and the date alone is no record's title."""
    (review,) = reviews_of_page(tmp_path, "post.html", _POST, vocab)
    assert (review.title, review.area, review.publication_year) == (
        "Extended Child Practice Review TSB 1/2024 - Child W", "Exampleton", 2024)


_CAPTIONS = """1
00:00:00,000 --> 00:00:03,000
Welcome to this briefing from Testshire Safeguarding Board (invented test data).

2
00:00:03,000 --> 00:00:06,000
Concise Child Practice Review TSB 2/2024 – Child G

3
00:00:06,000 --> 00:00:09,000
The review was published in May 2024.

4
00:00:09,000 --> 00:00:12,000
Child G is an 11-year-old girl
who has type 1 diabetes.
"""


def test_a_caption_that_is_a_title_card_is_a_line_of_its_own(tmp_path: Path, vocab: Vocabulary) -> None:
    """A cue ending on a name, with no stop, before a cue that starts a sentence, is a title
    card: the review's heading, not the first words of "The review was published ..."."""
    (review,) = reviews_of_page(tmp_path, "briefing.srt", _CAPTIONS, vocab)
    assert (review.title, review.publication_year) == (
        "Concise Child Practice Review TSB 2/2024 – Child G", 2024)
    assert [c.age_months for c in review.children] == [132]


# ------------------------------------------------------------------------------------- facts
def _facts(review: object, scheme: str) -> set[str]:
    return {c.notation for c in getattr(review, scheme)}


def _told(tmp_path: Path, vocab: Vocabulary, name: str, sentence: str) -> object:
    """The review of an invented page whose account tells ``sentence``."""
    page = ("Child T - Local child safeguarding practice review (invented)\n\nSummary\n\n"
            f"Child T, a girl aged 4, was injured in 2023. {sentence}\n")
    (review,) = reviews_of_page(tmp_path, name, page, vocab)
    return review


def test_a_child_who_missed_more_than_half_her_appointments_was_not_brought(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"missed more than half of her diabetes clinic appointments": more than four words stand
    between "missed" and "appointments", and the share says how many were missed."""
    review = _told(tmp_path, vocab, "half.txt",
                   "She missed more than half of her diabetes clinic appointments.")
    assert "RF-NONENG" in _facts(review, "risk_factors")


def test_a_man_professionals_knew_only_as_a_friend_or_never_asked_about_is_a_hidden_man(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """(session 64, from five development sets' misses) A worker who "did not ask who he was",
    a man recorded only as "a friend", services none of which "ever met him", a father who "had
    not attended any antenatal appointment": the man professionals did not know (RF-MEN)."""
    told = ["Her mother's partner had moved into the flat. At the new-birth visit the health visitor "
            "recorded only that “a friend” was present and did not ask who he was.",
            "Her mother's partner moved in. Social work had been told only that the mother had “a "
            "friend” who sometimes stayed.",
            "Her mother's new partner moved in. None of the services working with the family ever "
            "met him.",
            "The father had not attended any antenatal appointment."]
    for n, sentence in enumerate(told):
        assert "RF-MEN" in _facts(_told(tmp_path, vocab, f"men{n}.txt", sentence), "risk_factors"), sentence


def test_threats_and_arguments_the_police_attended_and_a_mother_who_left_are_domestic_abuse(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """(session 64, from development sets' misses) "the partner shouting at and threatening T's
    mother", "he hurt T's mum too", police attending "arguments between her mother and
    stepfather", a mother who "had left T's father after years of violence from him": domestic
    abuse told as acts (RF-DA); a threat to a social worker is none."""
    told = ["Police had been called when neighbours heard the partner shouting at and threatening "
            "T's mother.",
            "The boyfriend hit T with a belt, and he hurt T's mum too.",
            "Police attended the home six times after arguments between her mother and stepfather.",
            "T's mother had left T's father after years of violence from him."]
    for n, sentence in enumerate(told):
        assert "RF-DA" in _facts(_told(tmp_path, vocab, f"da{n}.txt", sentence), "risk_factors"), sentence
    review = _told(tmp_path, vocab, "worker.txt", "Her father threatened the social worker at a visit.")
    assert "RF-DA" not in _facts(review, "risk_factors")


_STATEMENT = """Statement on the publication of a learning review (INVENTED TEST DATA)

Published 28 August 2024

Testshire Child Protection Committee has today published a learning review about a young person
the report calls "Robin".

Robin was 14 when a teacher noticed that she was being exploited by an adult man.

{finding}

The Committee has accepted the review's findings.
"""


def test_findings_told_in_a_statements_prose_are_its_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    """A statement with no part for the learning: its paragraph "The Learning Review found that
    ..." with "It also found that ..." is its two learning points (before: none); "The Learning
    Review found that Robin had been ..." tells the case, and is none."""
    practice = ("The Learning Review found that professionals did not recognise that a child cannot "
                "consent. It also found that her grandmother was not included in planning.")
    (review,) = reviews_of_page(tmp_path, "statement.txt", _STATEMENT.format(finding=practice), vocab)
    assert [item.text for item in review.learning] == [
        "The Learning Review found that professionals did not recognise that a child cannot consent",
        "It also found that her grandmother was not included in planning"]
    case = "The Learning Review found that Robin had been going missing for months."
    (review,) = reviews_of_page(tmp_path, "case.txt", _STATEMENT.format(finding=case), vocab)
    assert review.learning == []


def test_a_burn_from_being_held_under_hot_water_or_a_squeeze_owned_to_is_inflicted(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """(session 64, from development sets' misses) Burns "consistent with her being held in hot
    water", a burn the partner "admitted holding ... under the hot tap", a fracture and, in the
    next sentence, a father who "admitted squeezing his leg": the injury was inflicted (H-PHYS);
    a scald in a bath the child was left alone in stays an injury of unknown cause."""
    told = ["She was taken to hospital with burns to both feet consistent with her being held in hot "
            "water.",
            "She had a burn to her hand - her mother's partner admitted holding it under the hot tap.",
            "She suffered a fractured femur. Her father later admitted squeezing her leg hard."]
    for n, sentence in enumerate(told):
        assert "H-PHYS" in _facts(_told(tmp_path, vocab, f"burn{n}.txt", sentence), "harms"), sentence
    review = _told(tmp_path, vocab, "scald.txt",
                   "She was scalded in the bath when her father left her alone.")
    assert "H-PHYS" not in _facts(review, "harms")
