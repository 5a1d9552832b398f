"""Rules written from validation46's pages (session 63), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.binaries import printed_text


def _facts(review: object, scheme: str) -> set[str]:
    return {c.notation for c in getattr(review, scheme)}


# ------------------------------------------------------------------------------------ layouts
def test_a_briefings_chevron_numbered_parts_are_its_learning_and_recommendations(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """">>> 5 :: WHAT WE LEARNED" and ">>> 6 :: RECOMMENDATIONS": the parts of a plain-text
    seven-minute briefing (none was read: 0 and 0); its closing "For the full report visit ..."
    is no recommendation."""
    page = ("7 MINUTE BRIEFING :: Concise Child Practice Review TSB 1/2024 - Child T (invented)\n"
            "Published: May 2024\n\n>>> 1 :: BACKGROUND\n\nChild T was a boy aged 14 who was "
            "stabbed in 2023.\n\n>>> 5 :: WHAT WE LEARNED\n\n1. Exclusion removed a safe place.\n"
            "2. Missing episodes were not linked.\n\n>>> 6 :: RECOMMENDATIONS\n\n* Schools should "
            "seek a meeting before excluding.\n* Agencies should use the referral mechanism.\n\n"
            "____________________\nFor the full report visit the Board's website.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert (len(review.learning), len(review.recommendations)) == (2, 2)


def test_two_fields_spaced_apart_on_one_line_are_both_read(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Published: June 2024    Local authority: Wrexham": the area is Wrexham, not the board's
    region its first line names."""
    page = ("North Wales Safeguarding Board\nBriefing :: Concise Child Practice Review - Child U "
            "(invented)\nPublished: June 2024    Local authority: Wrexham\n\nBackground\n\nChild U "
            "was a girl aged 9 who was neglected for several years.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert (review.area, review.publication_year) == ("Wrexham", 2024)


def test_an_annual_reports_third_level_numbers_head_a_reviews_parts(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    """"6.2.2 Learning" and "6.2.3 Recommendations" under "6.2 LCSPR - Child V": the review's
    lists (none was read), while "4.2.3 Learning: the review found ..." in a paragraph stays
    its prose."""
    page = ("Testshire Safeguarding Children Partnership - Annual Report (invented)\n\n6.2 LCSPR - "
            "Child V (published September 2023)\n\n    6.2.1 Child V is an 11-year-old girl who was "
            "sexually abused by her mother's partner.\n\n    6.2.2 Learning\n    (a) Ask about new "
            "adults in a household.\n    (b) Share low-level worries.\n\n    6.2.3 Recommendations\n"
            "    1. Publicise the disclosure scheme.\n    2. Check new partners.\n    3. Audit strategy "
            "discussions.\n")
    (review,) = reviews_of_page(tmp_path, "annual-report.txt", page, vocab)
    assert (len(review.learning), len(review.recommendations)) == (2, 3)


def test_a_listings_bracketed_number_is_no_part_of_the_title(tmp_path: Path, vocab: Vocabulary) -> None:
    """"[1] Theo: national child safeguarding practice review": the listing's counter is not the
    title's; "[2] Child W - LCSPR - Wirral - 2024" keeps its year; a briefing's "[3] WHAT THE
    REVIEW IS" in capitals stays a part of its review."""
    page = ("REPOSITORY - New additions (invented)\n\n--------\n[1] Theo: national child safeguarding "
            "practice review\n    Published: 2024 | Nation: England\n--------\nTheo (invented), aged 3, "
            "was killed by his mother's partner in 2022.\n\n--------\n[2] Child W - Local child "
            "safeguarding practice review - Wirral - 2024\n--------\nChild W, a boy of 15, was stabbed "
            "in 2023 after a serious case review of 2021 about his brother.\n")
    reviews = reviews_of_page(tmp_path, "additions.txt", page, vocab)
    assert [r.title for r in reviews] == [
        "Theo: national child safeguarding practice review",
        "Child W - Local child safeguarding practice review - Wirral - 2024"]
    assert reviews[1].publication_year == 2024


def test_a_keywords_list_wrapped_after_its_separator_goes_on(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Keywords: domestic abuse; new partners;" over "homicide; early years": five keywords."""
    page = ("Child X: local child safeguarding practice review (invented)\n\nChild X, aged 3, was "
            "killed by his mother's new partner.\n\nKeywords: domestic abuse; new partners;\n"
            "homicide; early years\n")
    (review,) = reviews_of_page(tmp_path, "listing.txt", page, vocab)
    assert review.keywords == ["domestic abuse", "new partners", "homicide", "early years"]


def test_a_coders_include_flag_is_no_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    """An extraction's "Include: Yes" after its "Learning:" field: the row is in the sample; it
    had been counted as a learning point ("Yes")."""
    page = ("Invented extraction.\n\nRECORD 1\nCMR - Child Y\nReview type: Case management review\n"
            "Learning: Safer sleep advice did not reach the father.\nKeywords: SUDI\nInclude: Yes\n"
            "Coder: AB\n\nSummary:\nChild Y (invented) was a two-week-old girl who died suddenly.\n")
    (review,) = reviews_of_page(tmp_path, "extraction.txt", page, vocab)
    assert [i.text for i in review.learning] == ["Safer sleep advice did not reach the father"]


def test_a_padlet_posts_subject_is_its_title(tmp_path: Path, vocab: Vocabulary) -> None:
    """Padlet's "Export to CSV" (Section, Subject, Body, ...): a post's subject is its review's
    title (the wall's column, "The reviews", had been; the second review was lost)."""
    body = ("Published March 2024\n\nChild {n} (invented) was a {age} who was found with a "
            "fractured arm.\n\nLearning\n• Ask who visits.")
    rows = [("Welcome", "Croeso / Welcome", "Welcome to the wall."),
            ("The reviews", "Concise CPR TSB 1/2024 - Child J (Swansea)",
             body.format(n="J", age="boy of 6 months")),
            ("The reviews", "Extended CPR TSB 4/2023 - Child K (Neath Port Talbot)",
             body.format(n="K", age="girl of 2")),
            ("What struck you?", "", "How often the men were invisible.")]
    csv = "Section,Subject,Body,Author\n" + "".join(
        f'{s},{t},"{b}",Anonymous\n' for s, t, b in rows)
    reviews = reviews_of_page(tmp_path, "padlet-wall.csv", csv, vocab)
    assert [(r.title, r.area) for r in reviews] == [
        ("Concise CPR TSB 1/2024 - Child J (Swansea)", "Swansea"),
        ("Extended CPR TSB 4/2023 - Child K (Neath Port Talbot)", "Neath Port Talbot")]


def test_quoted_letters_of_siblings_are_their_names(tmp_path: Path, vocab: Vocabulary) -> None:
    """"CMR: Siblings 'P' and 'Q' (Derry City and Strabane)": the children are P and Q (the
    first was "Siblings 'P"); a page's "If you have a question about this page, contact ..." and
    "Recommendations have been shared with the agencies involved." are no learning."""
    page = ("CMR: Siblings 'P' and 'Q' (Derry City and Strabane)\n\nP (invented), a six-year-old "
            "boy, and his sister Q, aged three, lived with their parents, who both misused alcohol.\n\n"
            "Key learning\n\nPlans lost sight of daily life for P and Q.\n\nRecommendations have "
            "been shared with the agencies involved.\n\nIf you have a question about this page, "
            "contact the Trust's safeguarding team.\n")
    (review,) = reviews_of_page(tmp_path, "cmrs.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["P", "Q"]
    assert len(review.learning) == 1


def test_a_printed_title_wrapped_after_a_pseudonyms_word_is_joined() -> None:
    """A PDF's large title wrapped as "Learning Review Briefing: Baby" / "Lily": one line; a
    line after "Child" with more words after the break is another line."""
    assert printed_text([["Learning Review Briefing: Baby", "Lily", "", "Published May 2024"]], "none") \
        == "Learning Review Briefing: Baby Lily\n\nPublished May 2024"
    assert printed_text([["She was an only child", "Nobody asked her"]], "none") \
        == "She was an only child\nNobody asked her"


def test_a_girl_with_a_learning_disability_has_the_childs_disability(tmp_path: Path,
                                                                      vocab: Vocabulary) -> None:
    """"a 16-year-old girl with a learning disability": the child's disability (RF-CDIS), a
    fact; "mother with a learning disability" stays the parent's (RF-PLD)."""
    page = ("Learning Review - Young Person Z (invented)\n\nSummary\n\nYoung Person Z was a "
            "16-year-old girl with a learning disability who was sexually exploited by an adult man. "
            "Her mother also has a learning disability.\n")
    (review,) = reviews_of_page(tmp_path, "review.txt", page, vocab)
    assert "RF-CDIS" in _facts(review, "risk_factors")


# --------------------------------------------------------------------- facts: domestic abuse
def test_a_mans_violence_or_control_told_as_an_act_is_domestic_abuse(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    """Told without the words "domestic abuse": "he broke T's mother's nose", "her mother had
    told her health visitor that he controlled her and had hit her", "the mother was not allowed
    money or a phone of her own", "because of his controlling and threatening behaviour"; but
    the same behaviour reported "by two previous partners" is another household's."""
    told = ["Three months before T's death her partner broke T's mother's nose.",
            "T's mother had told her health visitor that he controlled her and had hit her.",
            "The boys' mother was not allowed money or a phone of her own.",
            "T's mother had left the home because of his controlling and threatening behaviour."]
    for n, sentence in enumerate(told):
        review = reviews_of_page(tmp_path, f"page{n}.txt", "Child T - Local child safeguarding practice "
                                 f"review (invented)\n\nSummary\n\nChild T, aged 4, was injured in 2023. "
                                 f"{sentence}\n", vocab)[0]
        assert "RF-DA" in _facts(review, "risk_factors"), sentence
    (review,) = reviews_of_page(tmp_path, "elsewhere.txt", "Child T - Local child safeguarding practice "
                                "review (invented)\n\nSummary\n\nChild T, aged 4, was injured in 2023. Her "
                                "mother's partner had been reported by two previous partners for controlling "
                                "and threatening behaviour in another area.\n", vocab)
    assert "RF-DA" not in _facts(review, "risk_factors")


def test_a_parent_who_stopped_answering_the_door_or_missed_appointments_did_not_engage(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"had stopped answering the door to professionals" is non-engagement; so is "missed eleven
    appointments" after "did not collect his inhalers and", whose "did not" denies only its own
    verb (a past tense after "and" is a predicate of its own), while "were not washed and fed"
    shares its negation."""
    for n, sentence in enumerate(["Their mother had been drinking heavily and had stopped answering the "
                                  "door to professionals.",
                                  "His parents often did not collect his inhalers and missed eleven "
                                  "hospital appointments for him."]):
        (review,) = reviews_of_page(tmp_path, f"page{n}.txt", "Child C - Serious case review (invented)\n\n"
                                    f"Summary\n\nChild C, aged 4, died in 2016 after an asthma attack. "
                                    f"{sentence}\n", vocab)
        assert "RF-NONENG" in _facts(review, "risk_factors"), sentence


def test_a_man_professionals_never_met_or_saw_once_is_a_hidden_man(tmp_path: Path,
                                                                  vocab: Vocabulary) -> None:
    """"Social workers never met or assessed him" after the boyfriend who moved in; "nobody ever
    spoke to L's dad"; "was seen by the health visitor once": the man in the child's life whom
    professionals did not know (RF-MEN); "never met him" of a boy named alone is not."""
    told = ["Her mother's boyfriend had moved into the home. Social workers never met or assessed him.",
            "Mum had been in care herself, and nobody ever spoke to W's dad, who lived in Plymouth.",
            "Her father worked nights and was seen by the health visitor once."]
    for n, sentence in enumerate(told):
        page = ("Child W - Significant case review (invented)\n\nSummary\n\n"
                f"Child W, aged 3, was injured. {sentence}\n")
        (review,) = reviews_of_page(tmp_path, f"page{n}.txt", page, vocab)
        assert "RF-MEN" in _facts(review, "risk_factors"), sentence
    page = ("Child W - Significant case review (invented)\n\nSummary\n\nChild W, a boy aged 3, was "
            "neglected. Social workers never met him at nursery.\n")
    (review,) = reviews_of_page(tmp_path, "boy.txt", page, vocab)
    assert "RF-MEN" not in _facts(review, "risk_factors")
