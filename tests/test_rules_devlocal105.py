"""Rules written from devlocal105's pages (session 58), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas).  Each test's assertion failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def test_twins_the_report_numbers_are_both_the_reviews_children(tmp_path: Path, vocab: Vocabulary) -> None:
    """"... referred to in the report as Twin 1 and Twin 2": one review of two children (it was
    a review of "Twin 1" and a second, spurious one of "Twin")."""
    page = ("<h1>Partnership publishes review into the care of twin babies (invented)</h1>"
            "<p>Posted 1 May 2024</p><p>The Invented Safeguarding Children Partnership has today published "
            "a local child safeguarding practice review about four-month-old twins, who are referred to "
            "in the report as Twin 1 and Twin 2.</p><p>In 2023 Twin 1 was found to have a fractured "
            "arm; the injury was inflicted.</p>")
    reviews = reviews_of_page(tmp_path, "news.html", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Twin 1", "Twin 2"]]


def test_a_dateline_of_fields_parted_by_a_dot(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Published: 2023 · Area: Belfast" is two fields: the area is Belfast (was the board's
    nation, Northern Ireland)."""
    page = ("<h1>Published Case Management Reviews (invented)</h1>"
            "<h2>1. Case Management Review – Child Q</h2><p>Published: 2023 · Area: Belfast</p>"
            "<p>Child Q, aged 9, was neglected at home for several years.</p>"
            "<h2>2. Case Management Review – Child R</h2>"
            "<p>Published: 2021 · Area: Newry, Mourne and Down</p>"
            "<p>Child R, aged 4, was hit by her father in 2020.</p>")
    reviews = reviews_of_page(tmp_path, "cmrs.html", page, vocab)
    assert [r.area for r in reviews] == ["Belfast", "Newry, Mourne and Down"]


def test_the_reviewer_highlighted_heads_the_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("INVENTED PARTNERSHIP NEWS\n\nSerious Case Review: Child T\n\nChild T (invented) was three when "
            "he was admitted to hospital in 2019, severely underweight; he had been neglected.\n\n"
            "The reviewer highlighted:\n- missed appointments were not followed up;\n- housing and "
            "health did not share information.\n\nSerious Case Review: Child U\n\nChild U, aged 2 "
            "(invented), was scalded in 2020.\n")
    reviews = reviews_of_page(tmp_path, "news.txt", page, vocab)
    assert len(reviews[0].learning) == 2


def test_a_harm_done_to_the_childs_younger_cousin_is_not_the_childs(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """"he sexually abused his younger cousin": the cousin's harm (the adjective between the
    possessive and the relative hid whom it was done to)."""
    page = ("Learning review: Child H (invented)\n\nChild H is a 15-year-old boy. In 2022 he sexually "
            "abused his younger cousin, who was six at the time.\n")
    (review,) = reviews_of_page(tmp_path, "review.txt", page, vocab)
    assert "H-SA" not in {h.notation for h in review.harms}


def test_a_news_items_headline_on_two_reviews_leaves_the_page_its_date(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    """"Board publishes two child practice reviews" over "Posted: 21 September 2022" is the page's
    headline: the date under it is the reviews' publication date."""
    part = ("Concise Child Practice Review: {name} (Powys)\n\n{name} (invented), aged 8, was hit by "
            "his stepfather in 2020.\n\n")
    page = ("INVENTED BOARD\nNews\n\nBoard publishes two child practice reviews\n"
            "Posted: 21 September 2022\n\n"
            "The Board has today published two child practice reviews.\n\n"
            + part.format(name="Child P") + part.format(name="Child S"))
    reviews = reviews_of_page(tmp_path, "news.txt", page, vocab)
    assert [r.publication_year for r in reviews] == [2022, 2022]


def test_there_are_n_recommendations_for_whom_is_a_count_no_item(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("<h2>Local Child Safeguarding Practice Review – Child K</h2><p>Child K (invented), aged 6, was "
            "hit by her stepfather in 2022.</p><p>Recommendations: There are five recommendations, for "
            "the Partnership, the police and children's social care.</p>")
    (review,) = reviews_of_page(tmp_path, "reviews.html", page, vocab)
    assert review.recommendations == []
