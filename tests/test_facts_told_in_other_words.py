"""Facts the development sets' accounts tell in words no label held (session 72), each on an
invented account (INVENTED test data, neutral pseudonyms): a medicine found in or given to a
child, neglect told as what the children went without, a man professionals never knew of told
another way, help declined "both times", and the police called to a home's shouting.  Each
test also holds a sentence that must stay no fact (a negation, another person, a general
point), so that a cue read too widely fails it."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def _facts(tmp_path: Path, vocab: Vocabulary, account: str) -> tuple[set[str], set[str]]:
    """The harm and risk-factor facts of the one review an invented briefing tells."""
    page = ("Learning Review: Child T (INVENTED test page)\n\nPublished: May 2024\n\nWhat happened\n\n"
            f"{account}\n\nLearning\n\n- Agencies should share information about who lives in the home.\n")
    reviews = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert len(reviews) == 1
    return {c.notation for c in reviews[0].harms}, {c.notation for c in reviews[0].risk_factors}


def test_a_sedative_in_the_childs_blood_is_an_ingestion(tmp_path: Path, vocab: Vocabulary) -> None:
    """"tests found a sedative in his blood" (before: no harm fact); his mother's sedating
    medication named alone is none."""
    harms, _ = _facts(tmp_path, vocab, "Child T, a boy aged six, was admitted to hospital in June 2021. "
                                       "Tests found a sedative in his blood that had not been prescribed "
                                       "to him.")
    assert "H-INGEST" in harms
    harms, _ = _facts(tmp_path, vocab, "Child T, a boy aged six, lived with his mother, who took prescribed "
                                       "sedative medication for anxiety.")
    assert "H-INGEST" not in harms


def test_neglect_told_as_what_the_children_went_without(tmp_path: Path, vocab: Vocabulary) -> None:
    """"left alone for days at a time, with little food in the house" is neglect (before: a
    mention only); a home the review found warm and well stocked is not."""
    harms, _ = _facts(tmp_path, vocab, "Child T, aged 9, and her sister were taken into police protection "
                                       "in March 2023. The girls had been left alone for days at a time, "
                                       "with little food in the house.")
    assert "H-NEG" in harms
    harms, _ = _facts(tmp_path, vocab, "Child T, aged 9, was taken to hospital in March 2023 after a fall. "
                                       "Social workers found a warm home with plenty of food.")
    assert "H-NEG" not in harms


def test_a_man_no_agency_met_told_another_way(tmp_path: Path, vocab: Vocabulary) -> None:
    """"the health visitor and the nursery were not told, and neither agency ever met him", and
    "Nobody had asked who he was", are the hidden man (before: neither was); a boy whom
    "nobody checked" on is no man."""
    _, factors = _facts(tmp_path, vocab, "Child T was two when she was admitted to hospital in May 2022 "
                                         "with a head injury. In March 2022 her mother's new partner moved "
                                         "in; the health visitor and the nursery were not told, and neither "
                                         "agency ever met him.")
    assert "RF-MEN" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was two when she was admitted to hospital in May 2022 "
                                         "with a head injury. The boyfriend had convictions for violence "
                                         "that no agency knew about, because nobody had asked who he was.")
    assert "RF-MEN" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was a boy of fifteen who went missing in May 2022. On "
                                         "the night he went missing nobody checked on him.")
    assert "RF-MEN" not in factors


def test_help_declined_both_times_is_non_engagement(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Early help was offered to the family twice, and her mother declined both times", and
    "the father had refused to meet the health visitor" (before: no fact); help offered and
    taken up is none."""
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2022 "
                                         "underweight. Early help was offered to the family twice, and her "
                                         "mother declined both times.")
    assert "RF-NONENG" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2022. "
                                         "Her father had refused to meet the health visitor on four "
                                         "occasions.")
    assert "RF-NONENG" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2022. "
                                         "Early help was offered to the family, and her mother took it up.")
    assert "RF-NONENG" not in factors


def test_the_police_called_to_the_homes_shouting(tmp_path: Path, vocab: Vocabulary) -> None:
    """"police were called to the couple's flat three times after neighbours reported shouting
    and a woman screaming" and "arguments between Child T's mother and his father" tell
    domestic abuse (before: no fact); the police called to a party's noise do not."""
    _, factors = _facts(tmp_path, vocab, "Child T was three months old when he was admitted to hospital "
                                         "in May 2022. During the pregnancy police were called to the "
                                         "couple's flat three times after neighbours reported shouting and a "
                                         "woman screaming.")
    assert "RF-DA" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was three months old when he was admitted to hospital "
                                         "in May 2022. In the year before, police had been called four "
                                         "times to arguments between Child T's mother and his father.")
    assert "RF-DA" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was fifteen when he was admitted to hospital in May "
                                         "2022. Police had been called to a party at a neighbour's house "
                                         "because of loud music.")
    assert "RF-DA" not in factors


def test_what_agencies_did_not_know_was_so(tmp_path: Path, vocab: Vocabulary) -> None:
    """Knowing is factive: "agencies did not know that he had a conviction for assaulting a
    previous partner" and "his previous convictions ... were not known locally" tell his
    offending (before: both read as denied); "there was no record that he had any conviction"
    still denies it."""
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2022 "
                                         "with a head injury. Agencies did not know that her mother's "
                                         "partner had a conviction for assaulting a previous partner.")
    assert "RF-CRIM" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2022 "
                                         "with a head injury. The partner's previous convictions for "
                                         "assault were not known locally.")
    assert "RF-CRIM" in factors
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2022 "
                                         "with a head injury. There was no record that her mother's partner "
                                         "had previous convictions.")
    assert "RF-CRIM" not in factors


def test_offending_and_moves_told_with_their_years(tmp_path: Path, vocab: Vocabulary) -> None:
    """"had been convicted in 2016 of assaulting a former partner" is earlier offending and "The
    family moved house twice in 2022" unstable housing (before: neither a fact)."""
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2023 "
                                         "with a head injury. Her father had been convicted in 2016 of "
                                         "assaulting a former partner. The family moved house twice in 2022.")
    assert {"RF-CRIM", "RF-HOUS"} <= factors


def test_a_mark_whose_explanation_was_accepted(tmp_path: Path, vocab: Vocabulary) -> None:
    """"a bruise to Child T's cheek was seen by the health visitor and was accepted as caused by a
    dummy clip" is an earlier sign (RF-SENT; before: only a pluperfect "had been seen" was); a
    mother who "accepted that she had hit them" accepts no professional's explanation."""
    _, factors = _facts(tmp_path, vocab, "Child T was four months old when he was admitted to hospital "
                                         "in May 2022 with a head injury. At eight weeks, a bruise to his "
                                         "cheek was seen by the health visitor and was accepted as having "
                                         "been caused by a dummy clip.")
    assert "RF-SENT" in factors
    _, factors = _facts(tmp_path, vocab, "Child T, aged six, and his brother were found to have bruising "
                                         "in May 2022. Medicals found the bruising had been caused by being "
                                         "hit, and their mother accepted that she had hit them.")
    assert "RF-SENT" not in factors


def test_a_young_persons_drinking_told_by_what_was_seen(tmp_path: Path, vocab: Vocabulary) -> None:
    """A fifteen-year-old "often returning drunk" and one who "died after taking ecstasy at a
    party" used alcohol or drugs themselves (RF-CSUB; before: no fact); a toddler is never coded
    so (a mother "found drunk" is the mother's drinking, and no child's)."""
    _, factors = _facts(tmp_path, vocab, "Child T, a 15-year-old girl, went missing 14 times in six "
                                         "months in 2022, often returning drunk.")
    assert "RF-CSUB" in factors
    _, factors = _facts(tmp_path, vocab, "Child T, a 15-year-old boy, died in June 2022 after taking "
                                         "ecstasy at a party.")
    assert "RF-CSUB" in factors
    _, factors = _facts(tmp_path, vocab, "Child T, a girl aged two, was admitted to hospital in June 2022. "
                                         "Police had found her mother drunk at home.")
    assert "RF-CSUB" not in factors


def test_because_of_a_parents_problem_names_a_cause_not_an_owner(tmp_path: Path, vocab: Vocabulary) -> None:
    """"She had a child in need plan because of her mother's alcohol misuse": the plan was the
    child's (RF-PREV; before: read as the mother's, and dropped) and the drinking the mother's;
    "looked after since she was nine because of her mother's heroin use" is the child's care,
    not the mother's own childhood in care (no RF-PACE; before: one)."""
    _, factors = _facts(tmp_path, vocab, "Child T was four when she was admitted to hospital in May 2022 "
                                         "with a head injury. She had a child in need plan because of her "
                                         "mother's alcohol misuse.")
    assert {"RF-PREV", "RF-ALC"} <= factors
    _, factors = _facts(tmp_path, vocab, "Child T, a 15-year-old girl, died in May 2022. She had been in "
                                         "care since she was nine because of her mother's heroin use.")
    assert "RF-PACE" not in factors and "RF-DRG" in factors
