"""Pages of devlocal112 (session 80) that lost a review or coded a remark as a fact: an annual
report's "Recommendations: 6" over the next review's heading (read as that review's heading,
named by the child its account introduces); a training handout's "Published 2024." under a case
study's heading (the full stop hid the date line, and the case study ran into the page's
title); a baby's death "after falling asleep with his mother in her bed"; a charity's remark
that parental alcohol use "was a factor in many sleep-related deaths".

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

NOTE = "[Invented test data for casegraph: not a real review.]"


def _notations(review, fact: bool) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.notation for m in review.mentions if m.fact is fact}


def test_a_count_of_recommendations_is_no_heading(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Recommendations: 6", the last line of one review, does not head the next one."""
    reviews = reviews_of_page(tmp_path, "report.md", "\n".join([
        "# Testshire Board - Annual Report", "", NOTE, "", "## Section 6: Reviews", "",
        "### 6.1 Case Management Review - Child K (Testshire)", "",
        "Child K, a six-year-old boy, was neglected for two years.", "", "Learning:", "",
        "1. Visits were missed.", "2. Nobody saw Child K alone.", "", "Recommendations: 6", "",
        "### 6.2 Case Management Review - Children M and N (Testshire)", "",
        "One night in 2022 police found Child M, a two-year-old girl, and her brother Child N, aged "
        "four, alone at home.", "", "Learning: the review found that a referral was closed without "
        "anyone asking who looked after the children at night.", "", "Recommendations:", "",
        "- The Trust to review how referrals are assessed.", "- The Board to issue guidance.", ""]), vocab)
    assert [r.title for r in reviews] == ["Case Management Review - Child K (Testshire)",
                                          "Case Management Review - Children M and N (Testshire)"]
    assert [c.pseudonym for c in reviews[1].children] == ["Child M", "Child N"]


def test_a_date_line_with_a_full_stop_is_a_date_line(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Published 2024." under a case study's heading: the case study is a review of its own."""
    reviews = reviews_of_page(tmp_path, "handout.md", "\n".join([
        "# Reading case reviews carefully", "", NOTE, "",
        "Facilitator note: give each group one case study.", "", "---", "",
        "## Case study 1 - Learning Review (Testshire): Lily", "", "Published 2024.", "",
        "Lily was six when, in February 2023, she told her teacher that her mother's boyfriend hit "
        "her with a belt.", "", "---", "", "## Case study 2 - Serious Case Review (Testshire): Child K",
        "", "Published in 2023.", "", "Child K, a six-year-old boy, was neglected for two years.", ""]),
        vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Lily"], ["Child K"]]
    assert reviews[0].publication_year == 2024


def test_a_baby_falling_asleep_with_a_parent_is_a_sudden_infant_death(tmp_path: Path,
                                                                       vocab: Vocabulary) -> None:
    (review,) = reviews_of_page(tmp_path, "news.txt", "\n".join([
        "Review finds young mother was left without a cot", "", NOTE, "",
        "Baby Z, a five-week-old baby boy, died in 2024 after falling asleep with his mother in her bed "
        "in a temporary flat that had no cot, a local child safeguarding practice review has found.", ""]),
        vocab)
    assert "H-SUDI" in _notations(review, fact=True)


def test_a_remark_about_many_deaths_is_no_fact_of_the_case(tmp_path: Path, vocab: Vocabulary) -> None:
    """A spokesperson's general remark that a risk is "a factor in many" deaths: a mention."""
    (review,) = reviews_of_page(tmp_path, "news.txt", "\n".join([
        "Local Child Safeguarding Practice Review: Baby Z", "", NOTE, "",
        "Baby Z, a five-week-old boy, died in 2024 when his mother's flat had no cot.", "",
        "A spokesperson for an infant-safety charity said that parental alcohol use was a factor in many "
        "sleep-related deaths.", ""]), vocab)
    assert "RF-ALC" not in _notations(review, fact=True)
    assert "RF-ALC" in _notations(review, fact=False)
