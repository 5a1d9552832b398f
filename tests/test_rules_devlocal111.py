"""Layouts of devlocal111 (session 79) that lost or made up a review: a newsletter's
"Multi-agency Professional Forum: Young Person S (Conwy)" over "Held: November 2024" (no review
word in its heading, it ran into the review above), and a saved page's title over its own
heading about the same child ("Statement: Child H review published | Barnsley ..." over
"Statement on the publication of the ... Review: Child H"), a review of its own; a CPR
tracker's rapid review whose outcome was a forum stays no review.

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

NOTE = "[Invented test data for casegraph: not a real review.]"


def test_a_professional_forum_heading_is_a_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """The forum after a rule, over its "Held:" line, is the page's second review, of type
    RT-MAR, its child Young Person S."""
    reviews = reviews_of_page(tmp_path, "page.txt", "\n".join([
        NOTE, "", "Concise Child Practice Review: TSB 2/2023 (Testshire)", "Published: January 2025", "",
        "Child K, a six-year-old boy, was neglected for two years.", "", "-" * 60, "",
        "Multi-agency Professional Forum: Young Person S (Testshire)", "Held: November 2024", "",
        "Young Person S, a 15-year-old boy, was stabbed in a town centre in 2023.", ""]), vocab)
    assert [r.title for r in reviews][-1] == "Multi-agency Professional Forum: Young Person S (Testshire)"
    assert reviews[-1].review_type is not None and reviews[-1].review_type.notation == "RT-MAR"
    assert [c.pseudonym for c in reviews[-1].children] == ["Young Person S"]


def test_a_pages_title_over_its_own_heading_is_one_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """The title line and its notice are no review of their own: the statement is Child K's one."""
    page = ("<html><head><title>Statement: Child K review published | Testshire Safeguarding Children "
            f"Partnership</title></head><body><p>{NOTE} Child K is not a real child and this notice is "
            "about the page.</p><h1>Statement on the publication of the Local Child Safeguarding Practice "
            "Review: Child K</h1><p>Published 12 February 2025</p><p>The partnership has today published a "
            "review about Child K, a 14-month-old boy who was seriously injured in March 2024.</p>"
            "</body></html>")
    reviews = reviews_of_page(tmp_path, "statement.html", page, vocab)
    assert [r.title for r in reviews] == [
        "Statement on the publication of the Local Child Safeguarding Practice Review: Child K"]


def test_a_rapid_reviews_outcome_is_no_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """"RR 6/2024" with "Outcome: Multi-agency professional forum" is a rapid review's record:
    the forum it led to is no review of the tracker's."""
    rows = "Reference,Local authority,Date of rapid review,Outcome,Notes\n" \
           "CPR 1/2024,Testshire,10/01/2024,Concise Child Practice Review,Child K neglected for two years\n" \
           "RR 6/2024,Testshire,29/02/2024,Multi-agency professional forum,Learning event planned\n"
    reviews = reviews_of_page(tmp_path, "tracker.csv", f"# {NOTE}\n{rows}", vocab)
    assert all("RR 6/2024" not in r.title for r in reviews)


def test_a_welsh_boards_review_number_names_its_area(tmp_path: Path, vocab: Vocabulary) -> None:
    """(From devlocal36's and validation21's misses.) "CTMSB 4/2023 - ..." with no area named
    elsewhere is Cwm Taf Morgannwg's review: the board's letters, from its name in the tables."""
    from casegraph.core.places import board_letters

    assert (board_letters()["CTMSB"], board_letters()["NWSB"], board_letters()["CVRSB"]) == (
        "Cwm Taf Morgannwg", "North Wales", "Cardiff and Vale")
    reviews = reviews_of_page(tmp_path, "page.txt", "\n".join([
        NOTE, "", "CTMSB 4/2023 - Concise Child Practice Review: Child K", "",
        "Child K, a six-year-old boy, was neglected for two years.", ""]), vocab)
    assert [r.area for r in reviews] == ["Cwm Taf Morgannwg"]
