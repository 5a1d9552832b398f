"""Pages of devlocal121 (session 86: a fourteenth facts-versus-mentions set) that lost facts or a
review: a Word table of a review's fields ("Trust area | Western Trust", "Completed | June
2024", "Recommendations | 12") over its account, whose facts all went into the recommendations
(the account read as part of the count); "Recommendations: see text" the same; a table's
"Review | Local child safeguarding practice review", "Incident | 14 October 2023" under a child's
name (the review headed by its type field, the next review lost); a news item's "known as Young
Person Q" (a review of "Young"); "Q's mother had herself been known to social services as a child
because of neglect at home" (neglect as the girl's harm).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def _facts(review) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.notation for c in [*review.harms, *review.risk_factors]}


def _fields_table(rows: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"


def test_a_fields_table_that_counts_the_recommendations_over_the_account(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """The count (or "see text") is a field: the account after it is the account, its facts read."""
    page = (f"<html><body><h1>CMR Learning Digest</h1><p>{NOTE}</p>"
            "<h2>Case Management Review: Young Person K (Testshire Trust)</h2>"
            + _fields_table([("Trust area", "Testshire Trust"), ("Completed", "June 2024"),
                             ("Recommendations", "12")])
            + "<p>K was a 16-year-old girl living in a children's home when she was sexually exploited by "
            "adult men in 2022. K's mother had a long history of alcohol misuse.</p><h3>Learning</h3><p>(a) "
            "Missing episodes were managed as behaviour.</p><p>(b) Staff lacked police information.</p>"
            "<h2>Case Management Review: Child M (Testshire Trust)</h2>"
            + _fields_table([("Trust area", "Testshire Trust"), ("Completed", "September 2024"),
                             ("Recommendations", "see text")])
            + "<p>M, a nine-year-old boy with autism, had lived with persistent emotional abuse from his "
            "stepfather, who moved in when M was five.</p></body></html>")
    k, m = reviews_of_page(tmp_path, "digest.html", page, vocab)
    assert {"H-CSE", "RF-ALC"} <= _facts(k) and len(k.learning) == 2
    assert (k.children[0].age_months, k.incident_year) == (192, 2022)
    assert {"H-EMO", "RF-CDIS"} <= _facts(m)


def test_a_tables_review_and_incident_fields_under_the_childs_name(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Review | Local child ..." and "Incident | ..." are fields: each review is its child's."""
    page = (f"<html><body><h1>Practitioner briefing</h1><p>{NOTE}</p><p><b>Child K</b></p>"
            + _fields_table([("Review", "Local child safeguarding practice review"),
                             ("Published", "September 2024")])
            + "<p>Child K is a ten-year-old girl who was neglected over four years.</p><p><b>Child J</b></p>"
            + _fields_table([("Review", "Local child safeguarding practice review"),
                             ("Published", "December 2024"), ("Incident", "14 October 2023")])
            + "<p>On 14 October 2023 J, a 16-year-old boy, was stabbed. He smoked cannabis daily.</p>"
            "</body></html>")
    reviews = reviews_of_page(tmp_path, "briefing.html", page, vocab)
    assert [r.title for r in reviews] == ["Child K", "Child J"]
    assert [r.publication_year for r in reviews] == [2024, 2024]


def test_known_as_young_person_q_and_a_parents_childhood_told_before_its_harm(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"known as Young Person Q" names the child; neglect "as a child because of" is the
    mother's own childhood (RF-PACE), not the girl's harm."""
    page = (f"SBNI news\n\n{NOTE}\n\nTwo case management reviews have been published by the Testshire "
            "Trust.\n\nThe first review concerns a four-year-old girl, known as Child D, who was attacked "
            "by a dog at her home in June 2023.\n\nThe second review concerns a 15-year-old girl, known as "
            "Young Person Q, who died in hospital in August 2023 after taking ecstasy. Q's mother had "
            "herself been known to social services as a child because of neglect at home.\n")
    _, q = reviews_of_page(tmp_path, "news.txt", page, vocab)
    assert [c.pseudonym for c in q.children] == ["Young Person Q"]
    assert "RF-PACE" in _facts(q) and not {"H-NEG", "RF-NEG"} & _facts(q)

