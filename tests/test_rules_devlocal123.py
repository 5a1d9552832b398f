"""Pages of devlocal123 (session 87: a fifteenth facts-versus-mentions set) that read a parent's
past as a factor of the child's life, or lost a review: a father's heroin use "until about two
years before Lachlan was born", a mother who "had not drunk for ten years before the pregnancy",
a prison sentence served "long before Cathal was born" (each a fact until now; the set's gold has
each a mention); a podcast's show notes headed by a first name alone over "Learning review,
published March 2025." (Kirsten's review ran into Lachlan's); an annual report's "5.1 Learning
Review: Innes" over an account that never names him (no review).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import review_of_account, reviews_of_page

from casegraph.extract.vocab import Vocabulary


def _facts(review) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.notation for c in [*review.harms, *review.risk_factors]}


def _mentioned(review) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.notation for m in review.mentions} - _facts(review)


def test_a_parents_factor_that_ended_before_the_birth_is_a_mention(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """Ended before the child was born, in its sentence or the next: a mention; still going on,
    a fact; a parent's own childhood (always before the birth) stays a fact."""
    ended = review_of_account(
        tmp_path, vocab, "Learning Review: Baby K",
        "Baby K was four months old when he was taken to hospital with a fractured skull in 2024. "
        "Baby K's father used heroin until about two years before Baby K was born and had been drug-free "
        "since. Baby K's mother had misused alcohol in her twenties. She had not drunk for ten years "
        "before the pregnancy.")
    assert {"RF-DRG", "RF-ALC"} <= _mentioned(ended) and not {"RF-DRG", "RF-ALC"} & _facts(ended)
    ongoing = review_of_account(
        tmp_path, vocab, "Learning Review: Baby K",
        "Baby K was four months old when he was taken to hospital with a fractured skull in 2024. "
        "Baby K's father used heroin throughout the pregnancy and after Baby K was born.")
    assert "RF-DRG" in _facts(ongoing)
    childhood = review_of_account(
        tmp_path, vocab, "Learning Review: Baby K",
        "Baby K was four months old when he was taken to hospital with a fractured skull in 2024. "
        "Baby K's mother had been in care as a child, long before Baby K was born.")
    assert "RF-PACE" in _facts(childhood)


def test_a_first_name_over_its_review_type_and_date_heads_a_review(tmp_path: Path,
                                                                  vocab: Vocabulary) -> None:
    """Show notes: "Kirsten" over "Learning review, published March 2025." is her review's
    heading, not a line of the review before it."""
    page = (f"# Episode 3\n\n{NOTE}\n\n### Baby K\n\nLearning review, published November 2024.\n\n"
            "Baby K was four months old when he was taken to hospital with a fractured skull in 2024.\n\n"
            "### Kirsten\n\nLearning review, published March 2025.\n\nKirsten was 16 and lived in a "
            "residential children's home. During 2023 she was sexually exploited by a man in his twenties.\n")
    reviews = reviews_of_page(tmp_path, "notes.md", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Baby K"], ["Kirsten"]]
    assert [r.publication_year for r in reviews] == [2024, 2025]


def test_a_typed_heading_over_an_account_that_never_names_the_child(tmp_path: Path,
                                                                    vocab: Vocabulary) -> None:
    """"5.1 Learning Review: Innes" over "This review concerned a 15-year-old boy." is Innes's
    review, its learning counted, before the next numbered review."""
    page = (f"SECTION 5: LEARNING REVIEWS\n\n{NOTE}\n\n5.1 Learning Review: Innes\n\nThis review concerned a "
            "15-year-old boy. The Committee is not publishing any detail of what happened.\n\nLearning:\n"
            "  - Staff should see repeated missing episodes as a sign of exploitation.\n"
            "  - Schools and social work should meet when attendance falls.\n\n"
            "5.2 Learning Review: Mhairi\n\nMhairi was seven when she died in a house fire in 2023.\n")
    reviews = reviews_of_page(tmp_path, "report.txt", page, vocab)
    assert [r.title for r in reviews] == ["Learning Review: Innes", "Learning Review: Mhairi"]
    assert len(reviews[0].learning) == 2
