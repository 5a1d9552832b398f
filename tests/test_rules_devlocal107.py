"""Rules written in session 59 from devlocal107 (a development set of partnership and service
pages written by a helper apart from the code) and from the development sets' misses, each
checked on a page invented here (INVENTED test data: the children, reviews and events are made
up; real place names only as areas), so that the rule holds beyond the page it was written
from.  Each test's assertion failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def _codes(review: object, scheme: str) -> set[str]:
    return {c.notation for c in getattr(review, scheme)}


def test_a_counter_over_a_facts_line_titles_the_review_by_that_line(tmp_path: Path,
                                                                    vocab: Vocabulary) -> None:
    """"REVIEW 1 OF 2" over '"Child Q" - local child safeguarding practice review, Leeds ...,
    May 2024': the facts line is the title and gives the year; "About Child Q" under it is a
    part of that review, not a second one."""
    part = ("~~~~~~~~~~\nREVIEW {n} OF 2\n\"{name}\" - local child safeguarding practice review, {area} "
            "Safeguarding Children Partnership, May 2024\n~~~~~~~~~~\n\nAbout {name}\n{name} was 14 when "
            "{pronoun} was criminally exploited in 2023 (invented).\n\n"
            "What the review says to children's homes\n"
            " * Invite homes to strategy meetings.\n * Share missing episodes on the day.\n\n")
    page = ("STAFF UPDATE (invented)\n\n" + part.format(n=1, name="Child Q", area="Leeds", pronoun="he")
            + part.format(n=2, name="Child R", area="Kent", pronoun="she"))
    reviews = reviews_of_page(tmp_path, "update.txt", page, vocab)
    assert [(r.title[:9], r.publication_year, len(r.learning)) for r in reviews] == [
        ('"Child Q"', 2024, 2), ('"Child R"', 2024, 2)]


def test_a_heading_naming_the_review_by_its_children_heads_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """"... learning from the review about Amy and Ben" and "'...' – Cara's review": each heads
    a review of the children it names, which its text names again."""
    page = ("<h1>Safeguarding matters (invented)</h1>"
            "<h2>Behind the door: learning from the review about Amy and Ben</h2>"
            "<p>Leeds Safeguarding Children Partnership · local child safeguarding practice review</p>"
            "<p>Amy and Ben were found in a cold flat in 2022 and had been neglected for years.</p>"
            "<h2>“A bed is not a home” – Cara’s review</h2>"
            "<p>Cara was 16 when she tried to take her own life in a hostel in 2021.</p>")
    reviews = reviews_of_page(tmp_path, "bulletin.html", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Amy", "Ben"], ["Cara"]]


def test_a_first_name_then_the_reviews_type_and_facts_heads_a_review(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    page = ("PRACTICE NOTE (invented)\n\nPART A\nChild Z: local child safeguarding practice review (Lambeth "
            "Safeguarding Children Partnership, published February 2024)\n\nChild Z was 16 when he was "
            "stabbed in 2022.\n\nPART B\nKian: multi-agency learning review (Wirral Safeguarding Children "
            "Partnership, signed off March 2024)\n\nKian, now 14, disclosed in 2023 that he had been "
            "sexually abused.\n")
    reviews = reviews_of_page(tmp_path, "note.txt", page, vocab)
    assert [(c.pseudonym, r.area) for r in reviews for c in r.children] == [("Child Z", "Lambeth"),
                                                                           ("Kian", "Wirral")]


def test_a_blogs_shortened_title_and_weekday_publication(tmp_path: Path, vocab: Vocabulary) -> None:
    """A blog's ``<title>`` shortens its ``h1`` ("Blog: What Child J's review tells us | Site"):
    the ``h1`` is the heading; "On Tuesday the committee published ..." is dated by the post's
    "Posted 14 March 2024"; "What happened to Child J" is a part of the review."""
    page = ("<html><head><title>Blog: What Child J's review tells us | Invented Charity</title></head><body>"
            "<h1>What Child J’s review tells us about children who disappear from view</h1>"
            "<p>Posted 14 March 2024 by our policy manager · 6 minute read</p>"
            "<p>On Tuesday the Fife Child Protection Committee published its learning review about a girl it "
            "calls Child J.</p><h2>What happened to Child J</h2>"
            "<p>Child J was 12 when she died in 2021 after long neglect.</p></body></html>")
    (review,) = reviews_of_page(tmp_path, "blog.html", page, vocab)
    assert (review.title[:21], review.publication_year) == ("What Child J’s review", 2024)


def test_a_bodys_name_wrapped_over_two_lines_gives_the_area(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("MEMBERS' BRIEFING (invented)\n\nPurpose\nTo tell members about two child practice reviews "
            "published by the Cwm Taf Morgannwg\nSafeguarding Board in the last year.\n\n----------\n"
            "A.  Concise Child Practice Review CTMSB 1/2022 (published June 2022)\n----------\n\n"
            "A baby boy, Child K, was injured in 2021.\n\n----------\nB.  Extended Child Practice Review "
            "CTMSB 2/2022 (published May 2023)\n----------\n\nA girl, Child L, was neglected in 2022.\n")
    reviews = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert [(r.title[:30], r.area) for r in reviews] == [
        ("Concise Child Practice Review ", "Cwm Taf Morgannwg"),
        ("Extended Child Practice Review", "Cwm Taf Morgannwg")]


def test_missed_appointments_told_passively_or_by_the_family_are_non_engagement(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Five appointments had been missed in the previous year" (not cancelled "in bad
    weather"), "the family cancelled ... most of the planned visits"."""
    for n, sentence in enumerate(["Five health visiting appointments had been missed in the last year.",
                                  "The family cancelled or were not in for most of the planned visits."]):
        page = f"Review: Child N (invented)\n\nChild N, aged 2, was neglected in 2022. {sentence}\n"
        (review,) = reviews_of_page(tmp_path, f"r{n}.txt", page, vocab)
        assert "RF-NONENG" in _codes(review, "risk_factors"), sentence


def test_professionals_not_knowing_a_man_is_a_hidden_man(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("Review: Child O (invented)\n\nChild O, aged 3, was injured by her mother's partner in 2022. The "
            "partner had moved in months before; no agency identified him or checked who he was.\n")
    (review,) = reviews_of_page(tmp_path, "men.txt", page, vocab)
    assert "RF-MEN" in _codes(review, "risk_factors")


def test_a_child_taking_pregabalin_or_a_large_number_of_tablets_is_ingestion(tmp_path: Path,
                                                                            vocab: Vocabulary) -> None:
    for n, sentence in enumerate(["She died in 2022 after taking pregabalin at a party.",
                                  "In 2021 he took a large number of tablets given to him by older youths."]):
        page = f"Review: Child P (invented)\n\nChild P was 15. {sentence}\n"
        (review,) = reviews_of_page(tmp_path, f"i{n}.txt", page, vocab)
        assert "H-INGEST" in _codes(review, "harms"), sentence


def test_a_fathers_bottle_of_vodka_is_no_harm_to_the_child(tmp_path: Path, vocab: Vocabulary) -> None:
    """(a label tried and removed: "he had drunk most of a bottle of vodka" is the father's)"""
    page = ("Review: Baby W (invented)\n\nBaby W died in 2023 while sleeping on a sofa with his father, who "
            "had drunk most of a bottle of vodka.\n")
    (review,) = reviews_of_page(tmp_path, "v.txt", page, vocab)
    assert "H-INGEST" not in _codes(review, "harms")
