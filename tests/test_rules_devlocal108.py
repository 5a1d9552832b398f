"""Rules written from devlocal108's pages (session 60: a fourth facts-versus-mentions set, a GP
practice's newsletter, a governors' report, a faith group's note, a radio bulletin ...), each
checked on a page invented here (INVENTED test data: the children, reviews and events are made
up; real place names only as areas).  Each test's assertion failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def _facts(review) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.notation for c in review.harms} | {c.notation for c in review.risk_factors}


def test_headings_with_a_pseudonyms_note_start_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Ella (not her real name): when the teenager is the patient" and "4.3 Rory (not his real
    name)" head reviews of their own (the note stays in the title), as "Child B: ..." does."""
    page = ("Practice newsletter (invented)\n\nChild B: a bruise is never small\n\nThis review was "
            "published in March 2024. Child B was a 10-week-old boy when he was admitted to hospital "
            "with a fractured skull.\n\nElla (not her real name): when the teenager is the patient\n\n"
            "Published in January 2024, this review looked at the care given to a 16-year-old girl "
            "who self-harmed. "
            "Ella had been reported missing from home four times.\n\n4.3 Rory (not his real name)\n\n"
            "Learning review published March 2023.\n\nRory was 11 when his school raised concerns about "
            "his attendance in 2022.\n")
    reviews = reviews_of_page(tmp_path, "newsletter.txt", page, vocab)
    assert [r.children[0].pseudonym for r in reviews] == ["Child B", "Ella", "Rory"]
    assert reviews[1].title == "Ella (not her real name): when the teenager is the patient"


def test_names_before_a_place_or_a_dash_head_their_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Nell and Ivy – neglect that was seen but not named", "Lily (Wirral): an older review that
    still matters" and "TOM AND ALFIE (Western Trust area) - case management review ..." each
    head a review of the children the text under them names."""
    page = ("Governors' report (invented)\n\nNell and Ivy – neglect that was seen but not named\n\n"
            "A partnership published this review in 2023. It concerns two sisters, Nell, aged seven, "
            "and Ivy, aged nine, who were neglected for a long time.\n\n"
            "Lily (Wirral): an older review that still matters\n\nThe serious case review about Lily "
            "was published in 2018. Lily had been taken to many medical appointments.\n\n"
            "TOM AND ALFIE (Western Trust area) - case management review published June 2023\n\n"
            "Tom, aged eight, and his brother Alfie, aged six, died in 2020 in a house fire.\n")
    reviews = reviews_of_page(tmp_path, "report.txt", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Nell", "Ivy"], ["Lily"],
                                                                    ["Tom", "Alfie"]]


def test_a_worry_that_and_neither_boy_are_no_facts(tmp_path: Path, vocab: Vocabulary) -> None:
    """"There was a worry that Z had also been sexually exploited" is a possibility; "Neither boy
    had ever been the subject of a child protection plan" a denial."""
    page = ("Learning review – Young Person Z (invented)\n\nZ is a teenager who was sexually abused by "
            "her stepfather from 2016. There was a worry that Z had also been sexually exploited by "
            "adults she met online; the review found no evidence of this.\n\n"
            "CMR – Tom and Alfie (invented)\n\nTom, aged eight, and his brother Alfie, aged six, died in "
            "2020 in a house fire. Neither boy had ever been the subject of a child protection plan or "
            "referral.\n")
    z, boys = reviews_of_page(tmp_path, "notes.txt", page, vocab)
    assert "H-SA" in _facts(z) and not {"H-CSE", "RF-CSE"} & _facts(z)
    assert "RF-PREV" not in _facts(boys)


def test_an_earlier_review_of_another_child_gives_no_facts(tmp_path: Path, vocab: Vocabulary) -> None:
    """"These findings echo the significant case review ... published in 2016 about Child K, a
    nine-month-old boy who suffered fractures inflicted by his father and whose mother had
    severe depression": Child K's harm and his mother's illness, not Child Y's."""
    page = ("4.1 Child Y (invented)\n\nChild Y was a four-year-old girl who was found in 2021 to have "
            "been neglected for a long time. These findings echo the significant "
            "case review the committee published in 2016 about Child K, a nine-month-old boy who "
            "suffered fractures inflicted by his father and whose mother had severe depression.\n")
    (review,) = reviews_of_page(tmp_path, "report.txt", page, vocab)
    assert "H-PHYS" not in _facts(review) and "RF-PMH" not in _facts(review)


def test_close_to_dying_is_no_death_and_drinking_to_collapse_is_alcohol(tmp_path: Path,
                                                                         vocab: Vocabulary) -> None:
    """"Baby H came close to dying after swallowing methadone" (no death); "his mother drank to
    the point of collapse most days" (parental alcohol misuse); "registered with the same GP
    practice" (no housing factor: only several practices tell of moves)."""
    page = ("Radio bulletin (invented)\n\nA review about a baby boy it calls Baby H. In 2022, when he was "
            "nine weeks old, Baby H came close to dying after swallowing methadone. His mother drank to "
            "the point of collapse most days. Baby H and his mother were registered with the same GP "
            "practice.\n")
    (review,) = reviews_of_page(tmp_path, "bulletin.txt", page, vocab)
    assert "H-DEATH" not in _facts(review)
    assert "RF-ALC" in _facts(review) and "RF-HOUS" not in _facts(review)
