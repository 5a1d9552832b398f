"""Pages of devlocal125 (session 88: a sixteenth facts-versus-mentions set) that read a concept
the review ruled out, a former partner's past or a relative's factor as a fact of the child's
life: "What the review did not find" over "any sign that alcohol or drugs played a part"; a
father's violence when "he left the family in 2022, a year before the period the review covers";
a grandfather's conviction when "He played no part in Percy's care"; a list of the services a
family was offered ("a domestic abuse outreach service"); "not known to services for any drug or
alcohol use of his own"; a suspicion "the review confirmed" (read as only a suspicion).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import review_of_account, reviews_of_page

from casegraph.extract.vocab import Vocabulary

BABY_K = "Baby K was four months old when he was taken to hospital with a fractured skull in 2024. "


def _facts(review) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.notation for c in [*review.harms, *review.risk_factors]}


def _mentioned(review) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.notation for m in review.mentions} - _facts(review)


def test_what_the_review_did_not_find_is_denied(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each concept under "What the review did not find" is a mention, whatever its words."""
    page = (f"4.1 Concise Child Practice Review - Baby K (Newport)\n\n{NOTE}\n\n{BABY_K}His father "
            "admitted that he had shaken him.\n\nWhat the review did not find\n - any sign that alcohol "
            "played a part in the household;\n - that his mother's low mood after the birth was more than "
            "short-lived.\n\nLearning\n 1. Ask who lives in the home.\n")
    review = reviews_of_page(tmp_path, "report.txt", page, vocab)[0]
    assert {"RF-ALC", "RF-PMH"} <= _mentioned(review) and not {"RF-ALC", "RF-PMH"} & _facts(review)
    assert "H-AHT" in _facts(review)  # ("admitted that he had shaken him", above the list)


def test_a_former_partners_violence_before_the_period_is_a_mention(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """Violence of a father who left before the period the review covers: a mention; in the
    next sentence too when it opens with his pronoun; not a father who "had left prison"."""
    before = review_of_account(
        tmp_path, vocab, "Learning Review: Baby K",
        f"{BABY_K}His mother's partner had moved in two months earlier. Baby K's father had been violent "
        "towards his mother; he left the family in 2022, a year before the period the review covers.")
    assert "RF-DA" in _mentioned(before) and "RF-DA" not in _facts(before)
    returned = review_of_account(
        tmp_path, vocab, "Learning Review: Baby K",
        f"{BABY_K}The father had a conviction for assault and had left prison four months before the birth.")
    assert "RF-CRIM" in _facts(returned)


def test_the_factor_of_a_relative_who_had_no_part_in_the_care_is_a_mention(tmp_path: Path,
                                                                         vocab: Vocabulary) -> None:
    """"He played no part in Baby K's care" after his conviction: a mention; a father who cared
    for him keeps his as a fact."""
    apart = review_of_account(
        tmp_path, vocab, "Learning Review: Baby K",
        f"{BABY_K}Baby K's grandfather saw him twice a year; he has a conviction for assault. "
        "He played no part in Baby K's care.")
    assert "RF-CRIM" in _mentioned(apart) and "RF-CRIM" not in _facts(apart)
    carer = review_of_account(
        tmp_path, vocab, "Learning Review: Baby K",
        f"{BABY_K}Baby K's father, who cared for him every day, has a conviction for assault.")
    assert "RF-CRIM" in _facts(carer)


def test_services_offered_and_a_confirmed_suspicion(tmp_path: Path, vocab: Vocabulary) -> None:
    """A list of services offered names no fact; "not known to services for" drug use denies
    it; a suspicion the review confirmed is a fact."""
    page = (f"1. Baby K (Learning Review, published 2025)\n\n{NOTE}\n\n{BABY_K}The social worker suspected "
            "that the fracture had been inflicted; the review confirmed that it had been caused by an adult. "
            "His mother was not known to services for any drug or alcohol use.\n\n"
            "Services the family had been offered:\n\n- a local parenting group\n"
            "- a domestic abuse outreach service\n\nThe family had no relatives or friends in the region.\n\n"
            "Learning:\n\n1. Ask about the household at every contact.\n")
    review = reviews_of_page(tmp_path, "digest.md", page, vocab)[0]
    assert "H-PHYS" in _facts(review)
    assert "RF-DA" in _mentioned(review) and "RF-DA" not in _facts(review)
    assert not {"RF-ALC", "RF-DRG", "RF-SUB"} & _facts(review)
    assert "RF-ISOL" in _facts(review)  # (the account goes on under the list)
