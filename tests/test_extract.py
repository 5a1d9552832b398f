"""Extraction of facts from entry text.  Entries are synthetic, with neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.core.model import Review
from casegraph.extract.extractor import Extractor, names_from_title
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.parse import parse_page
from casegraph.ingest.sources import SourceText


def extract(vocab: Vocabulary, text: str) -> list[Review]:
    source = SourceText(Path("synthetic.txt"), text, "text/plain", "utf-8", "0" * 64)
    page = parse_page(source)
    ex = Extractor(vocab)
    return [ex.extract(e, page) for e in page.entries]


def one(vocab: Vocabulary, summary: str, heading: str = "2021 – Testshire – Child 17",
        rest: str = "") -> Review:
    reviews = extract(vocab, f"{heading}\n{summary}\n{rest}")
    assert len(reviews) == 1
    return reviews[0]


@pytest.mark.parametrize("phrase,months", [
    ("an 8-day-old baby", 0), ("a 14-week-old infant", 3), ("a 7-week-old infant", 1),
    ("a 20-month-old girl", 20), ("a 16-year-old girl", 192), ("a 4-year-8-month-old boy", 56),
    ("a 2-year-1-month-old girl", 25), ("Child 17, aged 6-months-old,", 6),
    ("a ten-month-old", 10), ("a 4-month-old-infant", 4), ("a child aged 15 years", 180),
    # session 46 (devlocal83, validation29): a birthday's years; an age in words before "and"
    ("Two weeks after his second birthday, Child 17 was found", 24),
    ("Child 17 was fifteen and had been living in foster care", 180),
    ("a 17-year-old", 204), ("Child 17, 14, was excluded", 168), ("Child 17 (15, male) was", 180),
    ("Child 17 was 17 and in the care of a local authority", 204), ("The child: a girl, 13.", 156),
    ("a newborn baby", 0), ("Child 17, aged two years and nine months,", 33),
    ("a 9 month old baby", 9), ("a baby aged 10 weeks", 2),
    # session 23: years and months after the sex; a tracker's shorthand
    ("Child 17 (girl, two years and three months)", 27), ("a 14yo girl", 168),
])
def test_ages_in_months(vocab: Vocabulary, phrase: str, months: int) -> None:
    r = one(vocab, f"Serious injury to {phrase} in 2019.")
    assert r.children[0].age_months == months


@pytest.mark.parametrize("summary,months", [
    ("Baby T was born in 2022. T's mother, aged 17, was a care leaver.", None),  # the mother's
    ("A 12-year-old girl and her younger sister, an 11-year-old, were abused in 2017.", 144),
])
def test_an_age_given_after_a_parent_is_the_parents(vocab: Vocabulary, summary: str,
                                                    months: int | None) -> None:
    assert one(vocab, summary).children[0].age_months == months


def test_under_18_is_a_minor_of_unknown_age(vocab: Vocabulary) -> None:
    r = one(vocab, "A young person under 18 was exploited in 2020.")
    assert r.children[0].age_months is None and r.children[0].minor


@pytest.mark.parametrize("summary,sex", [
    ("A 3-year-old girl died in 2019.", "female"),
    ("A 3-year-old boy died in 2019.", "male"),
    ("A 15-year-old adolescent was sexually abused by her older brother in 2015.", "female"),
    ("The infant died in 2019. His mother was arrested.", "male"),
    ("A 4-month-old infant was injured in 2018.", None),
    # a sister named as a relative does not outweigh "his"
    ("The 15-year-old lived with his mother and younger sister and was exploited in 2023.", "male"),
    # pronouns of the sentence that opens with the child's name, and the next "She"
    ("Child 17 was 4 when taken to hospital in 2019. She had a fractured arm.", "female"),
    ("Child 17's mother said she had been unwell in 2019.", None),
    # session 21: a sentence that names only the child, then one about the child
    ("Child 17, 14, was suspended from school. Over the autumn he was missing eleven times.", "male"),
])
def test_sex_from_wording(vocab: Vocabulary, summary: str, sex: str | None) -> None:
    assert one(vocab, summary).children[0].sex == sex


def test_several_children(vocab: Vocabulary) -> None:
    r = one(vocab, "A 12-year-old girl and her younger sister, an 11-year-old, were sexually abused.",
            heading="2018 - Anonymous - Alex and Sam")
    assert [(c.pseudonym, c.age_months, c.sex) for c in r.children] == [
        ("Alex", 144, "female"), ("Sam", 132, "female")]
    r = one(vocab, "There were concerns that three siblings were being neglected.",
            heading="2018 - Anonymous - Three siblings")
    assert len(r.children) == 3
    r = one(vocab, "In two separate cases, 14-week-old infants suffered bruising. Baby 1 was seen "
            "with a bruise. Baby 2 was with their father.", heading="2022 – Anonymous – Babies with injuries")
    assert [(c.pseudonym, c.age_months) for c in r.children] == [("Baby 1", 3), ("Baby 2", 3)]


@pytest.mark.parametrize("summary,date", [
    ("A 16-year-old girl was detained in November 2019 after an incident.", (2019, 11)),
    ("In September 2021 an 8-day-old baby girl died.", (2021, 9)),
    ("Suspected non-accidental injury to a 4-month-old infant in 2018.", (2018, None)),
    ("A 7-week-old infant died in February 2016 from injuries. In March 2018 his father was "
     "convicted of manslaughter.", (2016, 2)),
    # (session 64: a harm told over a period of years is dated by none of them, as the
    # development sets' labellers code it: 20 of 22 so told)
    ("A 14-year-old was neglected between 2016 and 2022.", (None, None)),
    ("A 10-year-old was sexually abused in 2014 and 2015.", (2014, None)),
    # session 21: a date in figures, and any year in the sentence that tells of the harm
    ("A nursery raised concerns on 14/02/2023 that the 2-year-old was neglected.", (2023, 2)),
    ("A 15-year-old was sexually exploited by an adult over Easter 2021.", (2021, None)),
    # ... but not the publication date a harm sentence gives, nor a post's date
    ("The partners published a review (June 2023) about a 1-year-old who swallowed methadone.",
     (None, None)),
    # session 41: a disclosure's date is not the harm's; "The abuse had happened in ..." is
    ("The 13-year-old told a teacher, in January 2022, that her stepfather had sexually abused her. "
     "The abuse had happened in August 2021.", (2021, 8)),
    ("The 13-year-old was sexually abused by her stepfather; she told a teacher in May 2022. Her "
     "stepfather had moved in during 2019.", (None, None)),
])
def test_incident_dates(vocab: Vocabulary, summary: str, date: tuple) -> None:
    r = one(vocab, summary)
    assert (r.incident_year, r.incident_month) == date


def test_heading_year_is_publication_not_incident(vocab: Vocabulary) -> None:
    r = one(vocab, "A 3-year-old girl died in 2012.", heading="2016 – Testshire – Child 17")
    assert (r.publication_year, r.incident_year) == (2016, 2012)


@pytest.mark.parametrize("title,names", [
    ("Local child safeguarding practice review (LCSPR): Child A", ["Child A"]),
    ("Serious case review in respect of Child K", ["Child K"]),
    ("Multi-agency review of 'Lucy'", ["Lucy"]),
    ("Child E: serious case review (executive summary)", ["Child E"]),
    ("Children F, G and H", ["Child F", "Child G", "Child H"]),
    ("Charlie and Sam", ["Charlie", "Sam"]),
    ("Babies with injuries", []),
    ("BDS12", ["BDS12"]),
    ("LEARNING REVIEW: CHILD K - SUMMARY REPORT", ["Child K"]),  # a cover in capitals
    # a relation is not part of the pseudonym, as the text then calls them ("M, aged 3, and
    # her sister N"); "Child" is
    ("Sisters M and N - multi-agency learning review", ["M", "N"]),
    ("Siblings B and C", ["B", "C"]),
    # session 23: a type's letters, a reference, a date or a publication note is no name
    ('CMR – "Ruby" (Testshire Trust area)', ["Ruby"]),
    ("LCSPR 'Kieran' – County lines and a stabbing", ["Kieran"]),
    ("CHILD G  |  Local Child Safeguarding Practice Review  |  Published: 5 October 2023", ["Child G"]),
    ("CPR 07/2020 – Extended – published 01.09.2021", []),
])
def test_names_from_titles(title: str, names: list[str]) -> None:
    assert names_from_title(title) == names


@pytest.mark.parametrize("heading,summary,rest,rt", [
    ("1. Serious case review: Child 17", "A child died in 2019.", "", "RT-SCR"),
    ("1. Local child safeguarding practice review: Child 17", "A child died.", "", "RT-LCSPR"),
    ("1. Multi-agency review of 'Child 17'", "A child died.", "", "RT-MAR"),
    ("2020 – Testshire – Child 17", "A child died.", "Model: concise child practice review\n", "RT-CPR"),
    ("2020 – Testshire – Child 17", "A child died in 2019.", "", None),
    # (session 37) the Panel's name holds the local type's words; the heading's "national
    # review" is the type
    ("1. National review: Child 17 (Child Safeguarding Practice Review Panel)", "A child died.", "",
     "RT-NCSPR"),
])
def test_review_type_stated_or_unknown(vocab: Vocabulary, heading: str, summary: str, rest: str,
                                       rt: str | None) -> None:
    r = one(vocab, summary, heading, rest)
    assert (r.review_type.notation if r.review_type else None) == rt


def test_labelled_summary_and_review_type_line(vocab: Vocabulary) -> None:
    r = one(vocab, "Summary: A 3-year-old boy died in January 2020 after a fall.",
            rest="Type of review: Child safeguarding practice review.\nLearning: one thing; another.\n")
    assert r.summary.startswith("A 3-year-old boy died")
    assert (r.children[0].age_months, r.children[0].sex) == (36, "male")
    assert (r.incident_year, r.incident_month) == (2020, 1)
    assert r.review_type is not None and r.review_type.notation == "RT-LCSPR"
    assert len(r.learning) == 2


def test_document_kind_from_links(vocab: Vocabulary) -> None:
    r = one(vocab, "A child died.", "1. Serious case review: Child 17",
            "Other resources [Read executive summary (PDF)](#)\n")
    assert r.document_kind == "executive-summary"
    r = one(vocab, "A child died.", "2020 – Testshire – Child 17", "Read the overview report\n")
    assert r.document_kind == "full-report"


def test_codes_keep_exact_evidence(vocab: Vocabulary) -> None:
    text = ("2020 – Testshire – Child 17\nA 2-year-old boy died in 2019 after a house fire.\n"
            "Learning: parental drug use and domestic abuse were known to the police; "
            "practitioners should use an interpreter.\n")
    r = extract(vocab, text)[0]
    # Named only in the learning: mentions, never facts of the case (issue 10).
    learned = {m.notation for m in r.mentions if m.section == "learning" and not m.fact}
    assert {"RF-DRG", "RF-DA", "RF-LANG"} <= learned
    assert not {"RF-DRG", "RF-DA", "RF-LANG"} & {c.notation for c in r.risk_factors}
    for c in r.risk_factors + r.agencies + r.harms:
        for ev in c.evidence:
            assert text[ev.start:ev.end] == ev.exact
    for m in r.mentions:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.exact
    assert "AG-POL" in {c.notation for c in r.agencies}
    assert "H-DEATH" in {c.notation for c in r.harms}


def test_harm_types_come_from_the_summary_only(vocab: Vocabulary) -> None:
    r = one(vocab, "A 3-year-old girl was neglected over several years.",
            rest="Learning: professionals should recognise the risk of abusive head trauma.\n")
    assert [c.notation for c in r.harms] == ["H-NEG"]


def test_recommendation_agencies_and_themes(vocab: Vocabulary) -> None:
    r = one(vocab, "A child died in 2019.",
            rest="Recommendations: health visitors and midwives should share information; "
                 "the police should review training on safe sleeping.\n")
    first, second = r.recommendations
    assert {"AG-HV", "AG-MW"} <= set(first.agencies) and "T-INFO" in first.themes
    assert "AG-POL" in second.agencies and {"T-TRAIN", "T-PREV"} <= set(second.themes)


@pytest.mark.parametrize("summary,rf_neg", [
    ("In 2021 a 6-year-old girl was found to have suffered prolonged neglect at home.", False),
    ("Concerns about neglect had been raised twice. In 2021 the 6-year-old girl was found to have "
     "suffered prolonged neglect at home.", True),
])
def test_neglect_that_is_the_harm_is_not_also_a_risk_factor(vocab: Vocabulary, summary: str,
                                                            rf_neg: bool) -> None:
    """cg:precedesHarm: neglect concerns are a risk factor of a neglect case only where the page
    tells of them before the harm (invented sentences)."""
    r = one(vocab, summary)
    assert "H-NEG" in {c.notation for c in r.harms}
    assert ("RF-NEG" in {c.notation for c in r.risk_factors}) is rf_neg


def test_a_partnership_page_introduction_names_its_reviews_type(vocab: Vocabulary) -> None:
    """"In 2023 we published three local child safeguarding practice reviews" gives the type of
    entries that name none; a heading about reviews in general ("Learning from national serious
    case reviews") does not (invented text)."""
    body = ("Child M, aged 4, died in 2021 after a long period of neglect at home.\n\n"
            "Child N was injured in 2022 when she was left alone with an adult.\n")
    own = extract(vocab, "[Invented test page]\nTestshire Safeguarding Children Partnership\n\n"
                         "In 2023 we published two local child safeguarding practice reviews.\n\n"
                  + body)
    assert [(r.review_type.notation if r.review_type else None) for r in own] == ["RT-LCSPR"] * 2
    general = extract(vocab, "[Invented test page]\nLearning from national serious case reviews\n\n"
                      + body)
    assert [r.review_type for r in general] == [None, None]


@pytest.mark.parametrize("heading,area", [
    ("Testshire County Council", "Testshire"), ("TESTSHIRE COUNTY COUNCIL", "Testshire"),
    ("Testshire's Safeguarding Children Partnership", "Testshire"),
])
def test_area_from_the_body_that_publishes(vocab: Vocabulary, heading: str, area: str) -> None:
    r = extract(vocab, f"[Invented test page]\n{heading}\n\nLearning briefing: Child M\n\n"
                       "Child M, aged 4, died in 2021 after a long period of neglect at home.\n")
    assert [x.area for x in r] == [area]


def test_review_types_from_a_statutory_name_a_scottish_page_and_a_pages_title(vocab: Vocabulary) -> None:
    """A statutory type named with a method is the statutory type; a Scottish committee's page
    of learning reviews gives them RT-SIG (not an initial case review on it); a page titled
    "Learning from local child safeguarding practice reviews" gives its reviews that type."""
    types = lambda text: [r.review_type.notation if r.review_type else None  # noqa: E731
                          for r in extract(vocab, text)]
    assert types("[Invented test page]\nReviews\n\n2.3  Review 3: Twins T and U (serious case "
                 "review using the SILP model, published 2023)\nTwin boys T and U were four "
                 "months old when T died suddenly in his cot in 2018.\n") == ["RT-SCR"]
    scottish = ("Testshire Child Protection Committee\n\nLEARNING REVIEWS\n\n[Invented test page]\n\n"
                "Learning Review – Baby R (June 2025)\n\nBaby R, aged 7 weeks, died after co-sleeping "
                "with her father in 2024.\n\nInitial Case Review – Children P and Q (2023)\n\n"
                "Children P and Q were neglected at home for two years before 2023.\n")
    assert types(scottish) == ["RT-SIG", None]
    titled = ("Testshire Council\n[Invented test page]\n\nLearning from local child safeguarding "
              "practice reviews\nSummaries of recent reviews are below.\n\n▼ Child V (published "
              "2023)\n    Child V, aged 2, was neglected and admitted to hospital in 2022 after a\n"
              "    nursery raised concerns about her weight and her untreated nappy rash.\n\n"
              "▼ Child W (published 2024)\n"
              "    Child W, aged 15, was sexually exploited in 2023 by a group of\n"
              "    adult men after she had gone missing from her foster home many times.\n")
    assert types(titled) == ["RT-LCSPR", "RT-LCSPR"]


def test_numbered_reviews_of_one_area_name_no_child_and_stay_apart(vocab: Vocabulary) -> None:
    """"Review 1 — Highland" and "Review 2 — Highland" (invented) are two reviews with no
    pseudonym, not one review called "Highland"."""
    text = ("Testshire Inspectorate\n[Invented test page]\nPublished: 22/10/2024\n\n"
            "Review 1 — Highland\nThe child: a boy aged 2. He swallowed methadone at home.\n\n"
            "Review 2 — Highland\nThe child: a girl, 13. She was sexually abused by a lodger.\n")
    reviews = extract(vocab, text)
    assert len({r.key for r in reviews}) == 2
    assert [[c.pseudonym for c in r.children] for r in reviews] == [[None], [None]]


def test_ages_of_siblings_named_by_letter_and_a_decorated_heading(vocab: Vocabulary) -> None:
    """"Sisters R and S" are "R (9) and S (6)" in the text; "=== Child J (SILP) ===" names
    Child J, whose age follows her name."""
    r = one(vocab, "R (9) and S (6) lived with their mother and were neglected for years.",
            heading="3. Sisters R and S")
    assert [(c.pseudonym, c.age_months) for c in r.children] == [("R", 108), ("S", 72)]
    r = one(vocab, "Child J, 13, began self-harming after years of domestic abuse at home.",
            heading="=== Child J (SILP) ===")
    assert [(c.pseudonym, c.age_months) for c in r.children] == [("Child J", 156)]


def test_the_pages_own_counter_is_not_part_of_a_reviews_title(vocab: Vocabulary) -> None:
    """"Case vignette 1: Sam" is titled "Sam", "Review 2 - Baby D, Salford (...)" is "Baby D,
    Salford (...)": the page's numbering is not the review's title (as labellers write it)."""
    text = ("[Invented test page]\n\nLearning from reviews\n\n"
            "Case vignette 1: Sam\n\nSam, aged 15, was stabbed in 2022 after months of exploitation.\n\n"
            "Case vignette 2: Tia\n\nTia, aged 13, took an overdose in 2021 and survived.\n\n"
            "Review 3 - Baby D, Salford (local child safeguarding practice review, 2023)\n\n"
            "Baby D died in 2022 while sharing a sofa with her father.\n")
    titles = [r.title for r in extract(vocab, text)]
    assert titles == ["Sam", "Tia", "Baby D, Salford (local child safeguarding practice review, 2023)"]


def test_each_childs_sex_from_the_noun_before_its_age(vocab: Vocabulary) -> None:
    """"Baby A, a boy aged three months ... Baby B, a girl aged five weeks": each child's sex is
    the noun just before its own age, not one sex for all or none."""
    text = ("[Invented test page]\n\nThematic Review: Babies A and B - injuries in infants\n\n"
            "Published 6 June 2023\n\nBaby A, a boy aged three months, was found to have inflicted rib "
            "fractures. Baby B, a girl aged five weeks, was taken to hospital with a bleed on the brain.\n")
    [review] = extract(vocab, text)
    assert [(c.pseudonym, c.age_months, c.sex) for c in review.children] == [
        ("Baby A", 3, "male"), ("Baby B", 1, "female")]


_FOUND = """[Invented test page: not a real review. All names are fictional.]

LEARNING REVIEW: BABY Q
WHAT HAPPENED
Baby Q was five months old when she suffered a skull fracture inflicted by her father.

WHAT WE FOUND
- Men caring for a baby must be identified and seen, even when they live elsewhere.
- Mr Z was never seen or assessed by the health visitor.

{more}WHAT WILL CHANGE
- The health visiting service will record who looks after the baby.
"""


@pytest.mark.parametrize("more,learning", [
    # (session 39) "What we found" is the review's learning when nothing else is (before: none)
    ("", 2),
    # ... and only its account when a learning part follows
    ("LEARNING\n- Ask who cares for the baby at every contact.\n\n", 1),
])
def test_what_we_found_is_the_learning_when_nothing_else_is(vocab: Vocabulary, more: str,
                                                            learning: int) -> None:
    [review] = extract(vocab, _FOUND.format(more=more))
    assert len(review.learning) == learning and len(review.recommendations) == 1
    assert "RF-MEN" in {c.notation for c in review.risk_factors}  # its facts still count


def test_an_age_in_words_before_who_the_child_was(vocab: Vocabulary) -> None:
    """"Y was twelve, a boy with autism" gives his age as "Z was 16, a young man" did (before:
    only in digits)."""
    review = one(vocab, "So Child Y, our review. Y was twelve, a boy with autism, and in 2023 he was "
                        "found to have been starved.", heading="2023 – Testshire – Child Y")
    assert review.children[0].age_months == 144


def test_non_engagement_the_review_itself_overrules_is_no_fact(vocab: Vocabulary) -> None:
    """"When two CAMHS appointments were missed, the family was described as having failed to
    engage ... The review does not accept that the family failed to engage": the review's later judgement
    overrules the label professionals gave (before: non-engagement a fact); without that later
    sentence it stays one.  A man who "moved into the house ... without the support team
    knowing" is a man no agency knew (RF-MEN; before: none)."""
    account = ("In 2022 Child Y, a girl of 14, took an overdose. When two CAMHS appointments were "
               "missed, the family was described as having failed to engage. The letters had been sent "
               "in English only.")
    assert "RF-NONENG" in {c.notation for c in one(vocab, account).risk_factors}
    overruled = account + " The review does not accept that the family failed to engage."
    assert "RF-NONENG" not in {c.notation for c in one(vocab, overruled).risk_factors}
    unwilling = account.replace("The letters", "It was not any unwillingness to engage: the letters")
    assert "RF-NONENG" not in {c.notation for c in one(vocab, unwilling).risk_factors}
    man = ("In 2022 Child P, a boy of 12, was punched by his grandmother's partner. The partner "
           "had moved into the house earlier that year without the support team knowing.")
    assert "RF-MEN" in {c.notation for c in one(vocab, man).risk_factors}


@pytest.mark.parametrize("sentence", [
    "His father had assaulted Baby J's mother while she was pregnant.",
    "Neighbours had twice reported hearing the father shouting at and hitting Child T's mother.",
    "In both families the man had hit the children's mother in the weeks before.",
    "The mother told the review that her partner had controlled her money and who she could see.",
])
def test_violence_or_control_towards_the_mother_told_as_an_act(vocab: Vocabulary, sentence: str) -> None:
    """Domestic abuse told as an act towards the mother named by the child's name ("Baby J's
    mother", "the children's mother") or as control of her money or phone (before: none)."""
    review = one(vocab, f"In 2022 Baby J, a boy of three months, was injured. {sentence}",
                 heading="2023 – Testshire – Baby J")
    assert "RF-DA" in {c.notation for c in review.risk_factors}


@pytest.mark.parametrize("sentence,newp", [
    ("Her partner, aged 31, was not the children's father and had moved into the flat in early 2022.", True),
    ("In 2022 the parents took in an adult male lodger to help with the rent.", True),
    ("His mum had been abused by his father, who had left when Kai was 12.", True),
    ("Their mother's drinking had increased after their father left.", True),
    ("The mother left the children alone in the flat overnight.", False),
])
def test_a_new_adult_or_a_parent_who_left(vocab: Vocabulary, sentence: str, newp: bool) -> None:
    """A partner who "moved into the flat", a lodger taken in, a parent who left the family
    are a new adult or a separation (RF-NEWP; before: none of them); a mother who left the
    children alone is not."""
    review = one(vocab, f"In 2022 Child C, a boy of six, was neglected. {sentence}",
                 heading="2023 – Testshire – Child C")
    assert ("RF-NEWP" in {c.notation for c in review.risk_factors}) is newp


def test_a_register_category_of_neglect_some_words_before_is_a_concern(vocab: Vocabulary) -> None:
    """"He had been on the child protection register between the ages of 6 and 8 because of
    neglect" tells of a plan's category, not neglect the review found (before: ten words
    apart, beyond the six the concern rule looked back; now ten)."""
    review = one(vocab, "In 2021 Child S, a boy of 14, was stabbed. He had been on the child protection "
                        "register between the ages of 6 and 8 because of neglect.",
                 heading="2022 – Testshire – Child S")
    assert "H-NEG" not in {c.notation for c in review.harms}


@pytest.mark.parametrize("sentence", [
    "The school had asked about the father's drinking; this was looked into and was not found to "
    "be a concern.",
    "There were unconfirmed reports that the father was using cannabis, which were never followed up.",
    "A relative said the father was drinking heavily, but this was never borne out.",
])
def test_a_worry_unconfirmed_or_never_borne_out_is_no_fact(vocab: Vocabulary, sentence: str) -> None:
    """What a school asked about, what unconfirmed reports said, what was never borne out, is
    no finding of the father's drinking or drug use (before: a fact)."""
    review = one(vocab, f"In 2022 Child K, a girl of nine, was neglected. {sentence}",
                 heading="2023 – Testshire – Child K")
    assert not {"RF-ALC", "RF-DRG", "RF-SUB"} & {c.notation for c in review.risk_factors}


@pytest.mark.parametrize("sentence", [
    "The stepfather had a history of violent offences.",
    "The father was known to North Wales Police for offences of violence.",
    "His father had been remanded in custody a few months before.",
    "He had lived with his grandmother since his mother was sent to prison.",
])
def test_a_parents_offending_named_as_a_kind_or_custody(vocab: Vocabulary, sentence: str) -> None:
    """Offending named as a kind ("violent offences") and a parent remanded or sent to prison
    before the events are parental criminality (RF-CRIM; before: none)."""
    review = one(vocab, f"In 2021 Child N, a boy of eight, was neglected. {sentence}",
                 heading="2022 – Testshire – Child N")
    assert "RF-CRIM" in {c.notation for c in review.risk_factors}


@pytest.mark.parametrize("sentence", [
    "The family lived in a one-bedroom flat with damp and mould.",
    "The family were living in a single room in a contingency hotel.",
    "The family had moved between temporary flats three times during the pregnancy.",
    "They were sharing a two-bedroom house with another family.",
])
def test_housing_told_by_the_homes_state_or_moves(vocab: Vocabulary, sentence: str) -> None:
    """Housing problems told by the home's state or the family's moves (RF-HOUS; before:
    none)."""
    review = one(vocab, f"In 2021 Baby J, a girl of two months, was neglected. {sentence}",
                 heading="2022 – Testshire – Baby J")
    assert "RF-HOUS" in {c.notation for c in review.risk_factors}


@pytest.mark.parametrize("sentence", [
    "Both parents had moved to Wales in 2022, and they had no family locally.",
    "The nearest relative, a grandmother, lived two hours away, and the family had no other support locally.",
    "The family lived in an isolated village with no bus service.",
    "The family had no relatives or friends in this country.",
])
def test_isolation_told_by_distance_or_missing_relatives(vocab: Vocabulary, sentence: str) -> None:
    """A family with no one near told in the words reviews use (RF-ISOL; before: none)."""
    review = one(vocab, f"In 2021 Baby O, a boy of six weeks, died. {sentence}",
                 heading="2022 – Testshire – Baby O")
    assert "RF-ISOL" in {c.notation for c in review.risk_factors}


@pytest.mark.parametrize("sentence,sentinel", [
    ("Bruising to his cheek had been seen weeks earlier at a clinic.", True),
    ("In the weeks before, he had been seen at nursery with bruises to his face and arms.", True),
    ("Six weeks earlier, at a health visitor contact, a bruise on his forehead had been noticed.", True),
    ("He told his teacher that his father had hit him, and bruising was seen by the school.", False),
])
def test_an_earlier_mark_seen_before_the_harm(vocab: Vocabulary, sentence: str, sentinel: bool) -> None:
    """A mark a professional had seen before the serious injury, told with the mark first or as
    a child who had been seen somewhere with it, is a sentinel injury (RF-SENT; before: none);
    bruising seen when the abuse came to light is the harm itself."""
    review = one(vocab, f"In 2022 Child S, a boy of two, was seriously injured by his father. {sentence}",
                 heading="2023 – Testshire – Child S")
    assert ("RF-SENT" in {c.notation for c in review.risk_factors}) is sentinel


@pytest.mark.parametrize("sentence", [
    "A London borough placed him in a children's home in Derbyshire in 2021.",
    "Because of a shortage of local placements he was placed in supported lodgings in Leeds.",
    "He was looked after by Derby City Council and living in a children's home in Staffordshire.",
])
def test_a_placement_the_account_names_a_place_for(vocab: Vocabulary, sentence: str) -> None:
    """A placement in a home, lodgings or accommodation the account names a place for is one
    out of area (RF-OOA; before: none)."""
    review = one(vocab, f"In 2022 Jay, a boy of 16, was criminally exploited. {sentence}",
                 heading="2023 – Testshire – Jay")
    assert "RF-OOA" in {c.notation for c in review.risk_factors}


@pytest.mark.parametrize("sentence", [
    "In the year before, he had been drawn into carrying drugs for an older group.",
    "He was found in another county with cash and class A drugs.",
    "He ran up a drug debt and older young people made him pay it off.",
    "G had been exploited to sell drugs and had been found in other counties.",
])
def test_what_an_exploited_child_was_made_to_do(vocab: Vocabulary, sentence: str) -> None:
    """Criminal exploitation told by what the child was made to do (RF-CCE; before: none, and
    a "drug debt" was read as the family's poverty)."""
    review = one(vocab, f"In 2022 Jay, a boy of 15, was stabbed. {sentence}",
                 heading="2023 – Testshire – Jay")
    codes = {c.notation for c in review.risk_factors}
    assert "RF-CCE" in codes and "RF-POV" not in codes


def test_an_inflicted_injury_that_could_not_be_excluded_is_no_finding(vocab: Vocabulary) -> None:
    """"an inflicted injury could not be excluded" says the review did not find it either way
    (before: physical abuse a fact)."""
    review = one(vocab, "In 2023 Baby V, a girl of four months, was admitted with a skull fracture. "
                        "Her parents said she had rolled off a sofa; an inflicted injury could not be "
                        "excluded, and the police investigation closed with no further action.",
                 heading="2024 – Testshire – Baby V")
    assert not {"H-PHYS", "H-AHT"} & {c.notation for c in review.harms}


def test_each_childs_sex_from_the_words_at_its_name(vocab: Vocabulary) -> None:
    """Of several children, each one's sex from the words right at its name: "her brother
    Oisín", "E, a girl of 12" (before: none for a child without an age beside it); and (session
    60) the pronoun after the first name, "Baby Caoimhe and her brother": hers."""
    reviews = extract(vocab, "2022 – Testshire – Baby Caoimhe and Oisín\nIn 2021 Baby Caoimhe and "
                             "her brother Oisín were neglected by their mother.\n")
    assert [(c.pseudonym, c.sex) for c in reviews[0].children] == [("Baby Caoimhe", "female"),
                                                                   ("Oisín", "male")]
    reviews = extract(vocab, "2022 – Testshire – Siblings E and F\nE, a girl, and F, a boy, were "
                             "neglected in 2020.\n")
    assert [c.sex for c in reviews[0].children] == ["female", "male"]


@pytest.mark.parametrize("heading,name", [("CMR Summary: Ruby", "Ruby"),
                                          ("7 MINUTE BRIEFING: Learning Review - Young Person E",
                                           "Young Person E")])
def test_a_documents_own_kind_before_the_name_is_no_name(heading: str, name: str) -> None:
    """"CMR Summary: Ruby": "Summary" is the document's kind, the name is Ruby (before: the
    child was "Summary", and "7 MINUTE BRIEFING" another)."""
    from casegraph.extract.extractor import names_from_title

    assert names_from_title(heading) == [name]


@pytest.mark.parametrize("sentence", [
    "A neighbour contacted the police after seeing the children looking for food in bins.",
    "For several months the children had been caring for themselves.",
    "Officers found rotting food in the kitchen and no bedding on the children's beds.",
])
def test_neglect_told_by_what_the_children_went_without(vocab: Vocabulary, sentence: str) -> None:
    """Neglect told by its signs in the account (H-NEG; before: none)."""
    review = one(vocab, f"In November 2017 Oscar, a boy of seven, lived with his father. {sentence}",
                 heading="2019 – Testshire – Oscar")
    assert "H-NEG" in {c.notation for c in review.harms}


@pytest.mark.parametrize("sentence,harm", [
    ("Z died in October 2018 after being shaken by a friend of his father.", "H-AHT"),
    ("She was found unresponsive in her parents' bed, where she had slept between them.", "H-SUDI"),
    ("In September 2021 W told a teaching assistant that the partner had been touching her between "
     "her legs at night.", "H-SA"),
    ("He was admitted to hospital with a serious injury from the family's dog.", "H-ANIM"),
    ("The Procurator Fiscal concluded that she had taken her own life.", "H-SUIC"),
])
def test_a_harm_told_without_its_categorys_word(vocab: Vocabulary, sentence: str, harm: str) -> None:
    """Harms told by what was done (shaken by someone, a baby found in her parents' bed, a
    touch told by where), not by the category's word (before: none)."""
    review = one(vocab, f"The child, a baby of three weeks, was harmed. {sentence}",
                 heading="2022 – Testshire – Child Z")
    assert harm in {c.notation for c in review.harms}


def test_exploitation_told_without_its_word(vocab: Vocabulary) -> None:
    """"Used by the older group to carry drugs" is extra-familial harm, of a young person (a baby
    comes to no such harm of its own: the rules' older_child_concepts)."""
    review = one(vocab, "The child, a boy of fifteen, was harmed in 2022. Police later established that "
                        "he had been used by the older group to carry drugs.",
                 heading="2022 – Testshire – Child Z")
    assert "H-EXT" in {c.notation for c in review.harms}


@pytest.mark.parametrize("sentence,code", [
    ("In the months before, the father had told his GP that he heard voices.", "RF-PMH"),
    ("Her mother had spent time on a psychiatric ward three times.", "RF-PMH"),
    ("Her mother had taken lithium for several years and stopped it in pregnancy.", "RF-PMH"),
    ("Police were called to the house fourteen times, and officers saw bruising to the mother's face.",
     "RF-DA"),
    ("On one visit officers saw that X's mother had a black eye.", "RF-DA"),
    ("His father has a hoarding disorder, and nobody could reach the bedroom.", "RF-PMH"),
])
def test_a_parents_illness_or_abuse_told_by_treatment_or_injury(vocab: Vocabulary, sentence: str,
                                                                 code: str) -> None:
    """A parent's mental illness told by its treatment or symptoms, domestic abuse by the
    mother's injuries others saw (before: none)."""
    review = one(vocab, f"In 2022 Child A, a girl of two, was injured. {sentence}",
                 heading="2023 – Testshire – Child A")
    assert code in {c.notation for c in review.risk_factors}


@pytest.mark.parametrize("sentence,code", [
    ("Health visitors saw no bruising before the admission.", "RF-SENT"),
    ("Reports that the parents were drinking heavily were not supported by the review.", "RF-ALC"),
    ("A relative told the health visitor she thought the mother was drinking heavily.", "RF-ALC"),
    ("There had been a suggestion, investigated by police, that K had been sexually exploited "
     "online; the investigation found no evidence of this.", "RF-CSE"),
    ("The children's maternal grandmother, who lived in another town and played no part in their "
     "care, had a long history of heroin use.", "RF-DRG"),
    ("His older brother, who lived with their father, had been criminally exploited by a county "
     "lines network.", "RF-CCE"),
    ("K's mother had been prescribed diazepam by her GP after a breakdown.", "RF-DRG"),
    ("The mother, who is Polish, speaks good English, and the review found that an interpreter "
     "was not needed at any stage.", "RF-LANG"),
    ("A claim that there was violence between her parents was looked into by police and found to "
     "be untrue.", "RF-DA"),
    ("Her mother had been in a violent relationship with a former partner before K was born.", "RF-DA"),
])
def test_a_mention_beside_the_facts_is_no_fact(vocab: Vocabulary, sentence: str, code: str) -> None:
    """What someone only thought or suggested, what the review did not support, what a relative
    outside the home or a brother (not the relative clause's father) had, a prescribed medicine
    and an interpreter not needed are no facts of the child's case (before: each a fact)."""
    review = one(vocab, f"In 2022 Child K, a girl of nine, was neglected. {sentence}",
                 heading="2023 – Testshire – Child K")
    assert code not in {c.notation for c in review.risk_factors}


def test_a_relative_clause_does_not_hide_whose_the_main_clause_is(vocab: Vocabulary) -> None:
    """The main clause after a relative clause is still its subject's: "His mother, who had left
    the father in 2020, drank heavily" is the mother's drinking (a fact of the household)."""
    review = one(vocab, "In 2022 Child K, a boy of nine, was neglected. His mother, who had left the "
                        "father in 2020, was drinking heavily every day.",
                 heading="2023 – Testshire – Child K")
    assert "RF-ALC" in {c.notation for c in review.risk_factors}


def test_missing_told_by_its_occasions(vocab: Vocabulary) -> None:
    """"He was missing on eleven occasions" is the child going missing (before: no label)."""
    review = one(vocab, "In 2022 Rory, a boy of 14, was criminally exploited. Over the autumn he was "
                        "missing on eleven occasions.", heading="2023 – Testshire – Rory")
    assert "RF-MISS" in {c.notation for c in review.risk_factors}


def test_bleeding_around_a_babys_brain_and_having_been_shaken_are_head_trauma(vocab: Vocabulary) -> None:
    """"Bleeding around his brain" and "doctors concluded that he had been shaken" (invented,
    after a Twine scenario) are abusive head trauma (before: only a physical assault)."""
    review = one(vocab, "Baby M was 10 weeks old when he was taken to hospital with bleeding around his "
                        "brain. Doctors concluded that he had been shaken.")
    assert "H-AHT" in [c.notation for c in review.harms]


@pytest.mark.parametrize("heading", ["2. Concise CPR – CVRSB 2/2023 – Child W (published)",
                                     "Extended CPR: Child L (North Wales, 2022)"])
def test_a_concise_or_extended_cpr_is_a_child_practice_review(vocab: Vocabulary, heading: str) -> None:
    """"Concise CPR", "Extended CPR" (a Welsh board's minutes) name a child practice review; bare
    "CPR" still does not (resuscitation)."""
    review = one(vocab, "Invented test data. Child W, 3, was neglected by his mother in 2022.",
                 heading=heading)
    assert review.review_type is not None and review.review_type.notation == "RT-CPR"
    cpr = one(vocab, "Invented test data. Child W, 3, was given CPR by a paramedic in 2022.",
              heading="2023 – Testshire – Child W")
    assert cpr.review_type is None


def test_a_kicker_above_the_heading_gives_the_review_type(vocab: Vocabulary) -> None:
    """A newsletter's kicker, "Local child safeguarding practice review" on the line above "1.
    Child R", is the type of the review under it, when the heading and account name none; a
    review that names its own type keeps it."""
    text = ("[Invented test page]\n\nPractitioner News\n\nLocal child safeguarding practice review\n\n"
            "1. Child R\n\nR was 15 when he was stabbed in October 2022. Published in May 2024.\n\n"
            "National review\n\n2. Child P\n\nChild P, 5, was killed by his mother's partner in 2020. "
            "The serious case review was published in 2024.\n")
    types = [r.review_type.notation if r.review_type else None for r in extract(vocab, text)]
    assert types == ["RT-LCSPR", "RT-SCR"]


@pytest.mark.parametrize("sentence,code,present", [
    ("Invented: she cut her arms on several occasions in 2021.", "H-SUIC", True),
    ("Invented: she had cut herself off from her friends in 2021.", "H-SUIC", False),
    ("Invented: when admitted to hospital in 2023 she had pressure sores.", "H-NEG", True),
    ("Invented: for several years there was often no food in the house.", "H-NEG", True),
    ("Invented: he was bitten on the face and neck by a dog in 2021.", "H-ANIM", True),
    ("Invented: she was living in a residential children's house in Moray in 2022.", "RF-LAC", True),
    ("Invented: the dog, a large bull-breed cross, belonged to his mother's partner.", "RF-ANIM", True),
    # (session 43: "a dog kept in the flat", 4 of 4 such gold reviews; a dog that "lived in the
    # home" and "posed no risk" is none)
    ("Invented: a large dog kept in the flat had bitten a visiting neighbour that year.", "RF-ANIM", True),
    ("Invented: a dog lived in the home; nothing suggested that it posed a risk.", "RF-ANIM", False),
    # (session 43: labels removed, each coded in few of the gold's reviews that use it)
    ("Invented: his father drank, and he often stayed with friends to avoid arguments at home.",
     "RF-NONENG", False),
    ("Invented: she had been seen by CAMHS for low mood in 2022 but had disengaged.", "RF-NONENG", False),
    ("Invented: his mother had concealed the pregnancy from her family.", "RF-NONENG", False),
    # a state "during" which someone harmed the child is the doer's, not the child's (5 false
    # child mental health facts on the development sets)
    ("Invented: Jamie, 13, survived after his mother tried to strangle him during an acute psychotic "
     "episode in 2021.", "RF-CMH", False),
    ("Invented: Jamie, 13, survived after his mother tried to strangle him during an acute psychotic "
     "episode in 2021.", "RF-PMH", True),
    # the punishment of the harm is its outcome, not the household's offending (4 false facts)
    ("Invented: in 2023 Jay, 14, was assaulted by the partner, who was later cautioned by police "
     "for assaulting him.", "RF-CRIM", False),
    ("Invented: the father, who had previous convictions for violence, was later convicted.",
     "RF-CRIM", True),
    # who "was herself" something is the clause's person before it, not the account's girl
    ("Invented: Baby J, a girl, was injured in 2023; her mother was 16 and was herself a "
     "looked-after child living in supported lodgings.", "RF-LAC", False),
    ("Invented: Baby J, a girl, was injured in 2023; her mother was 16 and was herself a "
     "looked-after child living in supported lodgings.", "RF-PACE", True)])
def test_harms_and_factors_told_without_their_names(vocab: Vocabulary, sentence: str, code: str,
                                                     present: bool) -> None:
    """Session 42's labels, each checked on the development sets' gold first (cutting oneself:
    29 reviews, all self-harm; pressure sores: 16, all neglect; no food: 6 of 6)."""
    review = one(vocab, sentence)
    codes = [c.notation for c in review.harms + review.risk_factors]
    assert (code in codes) == present


@pytest.mark.parametrize("sentence,code,present", [
    # what staff were trained on is no harm of the child
    ("Invented: school staff had completed training on child sexual exploitation the previous term.",
     "H-CSE", False),
    # a parent's sibling is no parent: her abuse is not the household's
    ("The mother's sister, who also lived at the hostel, had herself been the victim of "
     "domestic abuse.", "RF-DA", False),
    # a mother strangled by her partner is not a child killed; an attempt to strangle the child is
    ("Invented: the mother had attended a domestic abuse service since the partner strangled her.",
     "H-HOM", False),
    ("Invented: Child C survived an attempt by his father to strangle him in 2022.", "H-ATTHOM", True),
    # sex "in return for" things, sexual images sent "in return": sexual exploitation
    ("Invented: she said she had been expected to have sex with others in return for alcohol.",
     "H-CSE", True),
    ("Invented: he sent her gift cards and in return pressured her to send sexual images.", "H-CSE", True),
    # a relative clause's "never" does not deny the main clause's harm
    ("Invented: her partner, who was never seen by the health visitor, was convicted of his murder.",
     "H-HOM", True)])
def test_whose_and_whether_session_42(vocab: Vocabulary, sentence: str, code: str, present: bool) -> None:
    """Each sentence invented, after devlocal76's accounts (measured before these rules)."""
    review = one(vocab, sentence)
    assert (code in [c.notation for c in review.harms + review.risk_factors]) == present


@pytest.mark.parametrize("sentence,code", [
    ("The father was attending the community addiction team for his drinking.", "RF-ALC"),
    ("The father was not present at any of the health visitor's contacts.", "RF-MEN"),
    ("Several men stayed at the house over the years, none of whom were known to social work.", "RF-MEN"),
    ("His father, whom neither the midwives nor the health visitor had ever met, was at home all day.",
     "RF-MEN"),
    # (session 43, after devlocal77/78 and the development sets' misses: 5 more found, none false)
    ("Invented: workers did not know that the partner had moved into the home.", "RF-MEN"),
    ("Invented: the partner moved in; none of the agencies working with the family had met him.", "RF-MEN"),
    ("Invented: her mother's boyfriend stayed most nights, but no social worker ever met him.", "RF-MEN")])
def test_factors_told_through_services_and_absences(vocab: Vocabulary, sentence: str, code: str) -> None:
    """Invented, after devlocal76: treatment "for his drinking" is the parent's drinking; a father
    absent from every contact, men none of whom services knew, a father whom neither midwife nor
    health visitor met are men unknown to professionals."""
    review = one(vocab, sentence)
    assert code in [c.notation for c in review.risk_factors]


def test_a_reports_section_number_and_a_title_label_are_no_part_of_the_title(vocab: Vocabulary) -> None:
    """An annual report's "5.2 Child K (...)" over a "Published:" field, and a paper's "TITLE:
    Case Management Review – Child O", are titled without the number or the label, and the
    child is "Child K", not "5.2 Child K" (invented)."""
    text = ("[Invented test page]\n\nSECTION 5: LEARNING FROM CASE REVIEWS\n\n"
            "5.2 Child K (local child safeguarding practice review)\nPublished: October 2023\n"
            "Child K is an 11-year-old boy who was neglected by his mother in 2023.\n\n"
            "5.3 Children P and Q (serious case review)\nPublished: March 2024\n"
            "Children P and Q were neglected by their father in 2022.\n")
    reviews = extract(vocab, text)
    assert [r.title for r in reviews] == ["Child K (local child safeguarding practice review)",
                                          "Children P and Q (serious case review)"]
    assert [c.pseudonym for r in reviews for c in r.children] == ["Child K", "Child P", "Child Q"]


@pytest.mark.parametrize("summary,expected", [
    ("Invented. Child H, a girl of 4 in Aberdeenshire, was neglected in 2016. The Child Protection "
     "Committee published the review in 2017.", "RT-SIG"),
    ("Invented. Child H, a girl of 4 in Leeds, was neglected in 2016. Unlike Scotland, England's "
     "Safeguarding Children Board published it as a serious case review.", "RT-SCR")])
def test_a_scottish_scr_is_a_significant_case_review(vocab: Vocabulary, summary: str, expected: str) -> None:
    """Scotland's "SCR" is its significant case review: Scotland had no serious case reviews; a
    review whose own words name another nation's bodies keeps "SCR"."""
    review = one(vocab, summary, heading="Child H – SCR (2017)")
    assert review.review_type is not None and review.review_type.notation == expected


def test_a_cpr_concise_is_a_child_practice_review(vocab: Vocabulary) -> None:
    review = one(vocab, "Invented. Child Z, 7, was injured by her father in 2022.",
                 heading="Child Z: CPR (concise) (West Glamorgan, 2023)")
    assert review.review_type is not None and review.review_type.notation == "RT-CPR"


@pytest.mark.parametrize("summary,year,month", [
    # a verdict's date is not the harm's
    ("Child K, 4, was found injured at home and died in hospital. His mother's partner was "
     "convicted of his murder in July 2023.", None, None),
    # an offence's date named after the verdict is
    ("Invented. Two men were later convicted of sexual offences against her committed in October 2024.",
     2024, 10),
    # a season dates the year
    ("Invented. Baby Q was found to have fractures to his ribs in spring 2022.", 2022, None),
    # when a concern was voiced is no date of the harm
    ("Invented. Concerns were raised by a paediatric consultant in 2016. Child W's school attendance fell.",
     None, None),
    # the incident named and dated is the incident's date, whatever went on before it
    ("Invented. Police had recorded concerns that she was being targeted by older men several "
     "months before the review's trigger incident in October 2022, when she was found in a flat.",
     2022, 10),
    # a publication told after a date that opens the sentence is the date's
    ("Invented. In 2016 the Board published a serious case review into the death of Baby AB, who "
     "died while sharing a sofa with her father.", None, None),
    # session 46 (devlocal83): a date told from another, the birth's or an event's
    ("Invented. Baby T was born on 3 August 2020. She was admitted to hospital two weeks after her "
     "first birthday with a fractured skull, which medical staff concluded had been inflicted.", 2021, 8),
    ("Invented. Baby R was born in March 2021. When she was ten weeks old she was found to have "
     "fractures that had been inflicted.", 2021, 5),
    ("Invented. Baby H drowned in the bath eight months after a child protection plan for him "
     "was ended in October 2021.", 2022, 6),
    # ... but an age with no birth date dates nothing, and a verdict "last year" is no harm's
    ("Invented. When she was ten weeks old Baby R was found to have fractures that had been "
     "inflicted.", None, None),
    # a newspaper's "last year" is the year before the page's (the heading's 2021 here)
    ("Invented. The toddler died in hospital in December last year.", 2020, 12),
    ("Invented. Baby R died of head injuries. Her father was jailed for her murder last year.", None, None)])
def test_the_incident_date_is_the_harms(vocab: Vocabulary, summary: str, year: int | None,
                                        month: int | None) -> None:
    """Invented accounts after the development sets' misses (session 42)."""
    review = one(vocab, summary)
    assert (review.incident_year, review.incident_month) == (year, month)


@pytest.mark.parametrize("sentence,present", [
    ("Invented: the review found that J had been groomed by older teenagers before he died.", False),
    ("Invented: the review found that she had been sexually groomed by an adult in 2021.", True)])
def test_groomed_alone_is_no_sexual_exploitation(vocab: Vocabulary, sentence: str, present: bool) -> None:
    """"Groomed" alone is as often grooming for crime (on the development gold, 4 of 4 such
    reviews were criminal exploitation, none sexual); "sexually groomed" is sexual exploitation."""
    review = one(vocab, sentence)
    assert ("H-CSE" in [c.notation for c in review.harms]) == present


def test_a_partner_of_months_is_a_new_partner(vocab: Vocabulary) -> None:
    """"Her partner of six months" (invented, after devlocal54) joined the household lately."""
    review = one(vocab, "Mum works long shifts; her partner of six months was meant to be looking after M.")
    assert "RF-NEWP" in [c.notation for c in review.risk_factors]


def test_a_cpcs_learning_review_is_scotlands(vocab: Vocabulary) -> None:
    """"Highland CPC - Learning Review: Young Person J": a child protection committee's (CPC's)
    learning review is Scotland's statutory review (RT-SIG)."""
    review = one(vocab, "Invented. J, 15, was sexually exploited in 2023.",
                 heading="Highland CPC - Learning Review: Young Person J")
    assert review.review_type is not None and review.review_type.notation == "RT-SIG"


@pytest.mark.parametrize("sentence,code", [
    ("A large dog that had bitten a visiting child was kept in the house.", "RF-ANIM"),
    ("Lily had missed her hearing test three times.", "RF-NONENG")])
def test_a_biting_dog_and_missed_tests(vocab: Vocabulary, sentence: str, code: str) -> None:
    """Invented, after devlocal76: a dog "that had bitten" a child is a dangerous dog (33 of 33
    such reviews on the gold); a test missed three times is a child not brought."""
    assert code in [c.notation for c in one(vocab, sentence).risk_factors]


@pytest.mark.parametrize("summary,age", [
    ("Invented. Baby N was admitted to hospital at seven months with faltering growth.", 7),
    # an earlier visit's age is no child of its own
    ("Invented. Milo, then eleven months old, had fractures. He was seen at the surgery at 8 weeks.", 11)])
def test_an_age_at_an_admission(vocab: Vocabulary, summary: str, age: int) -> None:
    """"Admitted to hospital at seven months" gives the child's age (invented, after validation
    sets' misses); "seen at the surgery at 8 weeks" does not make a second child."""
    review = one(vocab, summary, heading="Baby N" if "Baby N" in summary else "Milo")
    assert [c.age_months for c in review.children] == [age]


def test_a_young_childs_own_substance_use_is_no_fact(vocab: Vocabulary) -> None:
    """A toddler who "drank from a bottle of methadone" swallowed it: no child substance use fact
    for a review whose children are all under ten (none of 1,423 such gold reviews codes it; 14
    false facts before), the mention kept; a 15-year-old's cannabis use still is one; nor does a
    young child go missing from home, or a baby come to sexual exploitation (all invented)."""
    toddler = one(vocab, "Child M, a boy aged two, was found unconscious at home in 2022 after drinking "
                         "from a bottle of methadone left on the worktop.",
                  heading="2023 – Testshire – Child M")
    assert "RF-CSUB" not in [c.notation for c in toddler.risk_factors]
    assert "RF-CSUB" in [m.notation for m in toddler.mentions]
    teen = one(vocab, "Child K, a 15-year-old boy, smoked cannabis daily and was stabbed in 2022.",
               heading="2023 – Testshire – Child K")
    assert "RF-CSUB" in [c.notation for c in teen.risk_factors]
    missing = one(vocab, "Child A, aged five, was neglected in 2022 and was reported missing from home "
                         "twice.", heading="2023 – Testshire – Child A")
    assert "RF-MISS" not in [c.notation for c in missing.risk_factors]  # (nor a young child's)
    baby = one(vocab, "Baby N, aged ten months, was sexually exploited by adults in 2021 and died of "
                      "head injuries.", heading="2023 – Testshire – Baby N")
    assert {"H-CSE", "RF-CSE"}.isdisjoint(c.notation for c in baby.harms + baby.risk_factors)
    assert "H-SA" not in [c.notation for c in baby.harms]  # (nor its broader concept, from it)


def test_a_learning_review_in_a_scottish_council_area_is_scotlands(vocab) -> None:  # type: ignore[no-untyped-def]
    """Session 44: "a learning review in Argyll and Bute" is Scotland's statutory review (RT-SIG)
    by its area alone; in an English area a bare "learning review" names no statutory type."""
    from casegraph.extract.extractor import Extractor
    from casegraph.ingest.parse import parse_page
    from casegraph.ingest.sources import SourceText

    def review_type(area: str) -> str | None:
        text = (f"Notes from a reviewer\n\nChild J: a learning review in {area} (2022)\n\nInvented test "
                "data. J was four when he was found alone on a road in 2020; the house had no food.\n")
        parsed = parse_page(SourceText(Path("blog.txt"), text, "text/plain", "utf-8", "0" * 64))
        review = Extractor(vocab).extract(parsed.entries[0], parsed)
        return review.review_type.notation if review.review_type else None

    assert review_type("Argyll and Bute") == "RT-SIG"
    assert review_type("Shropshire") is None


@pytest.mark.parametrize(("sentence", "physical"), [
    ("Child 17, a four-year-old girl, was seriously injured by her mother's partner in 2022.", True),
    ("Child 17 was injured by the family's dog in 2022.", False),  # an animal: H-ANIM's
    ("Child 17 was injured by a fall from a window in 2022.", False),  # no person did it
    ("Child 17 was not injured by her father.", False),
    ("In 2022 the girl may have been injured by her father.", False),
])
def test_an_injury_by_a_person_is_physical_abuse(vocab: Vocabulary, sentence: str, physical: bool) -> None:
    """Session 44: "injured by" a person of the household or another adult says the injury was
    inflicted (context-rules ``inflicted.agents``); by an animal or a thing it does not."""
    review = one(vocab, sentence)
    assert ("H-PHYS" in {h.notation for h in review.harms}) is physical


@pytest.mark.parametrize(("summary", "unseen"), [
    ("Her mother's boyfriend moved in during 2021. He had moved into the family home a few months "
     "earlier and was not known to children's social work or to the health visiting service.", True),
    ("An adult man groomed Child 17 online. He had previous convictions and was not known to the family.",
     False),  # a stranger to the family, not a man professionals did not know
    ("Child 17's father drank heavily. He was not known to use drugs.", False),
])
def test_a_man_named_then_he_not_known_to_services(vocab: Vocabulary, summary: str, unseen: bool) -> None:
    """Session 44: "he", a man the sentence before names, not known to, seen by, assessed,
    invited or checked by services, is a man professionals did not know (RF-MEN)."""
    assert ("RF-MEN" in {c.notation for c in one(vocab, summary).risk_factors}) is unseen


@pytest.mark.parametrize("sentence,physical", [
    ("Invented: Child S, 15, was stabbed in the arm by a girl of her own age in June 2023; she has "
     "recovered.", True),
    ("Invented: Jay, 16, was stabbed and seriously injured after being drawn into selling drugs.", True),
    # a fatal stabbing is homicide and death, as the labellers code it, not physical harm
    ("Invented: Kyle, 16, was stabbed to death in a park in 2022.", False)])
def test_a_survived_stabbing_is_physical_harm_too(vocab: Vocabulary, sentence: str, physical: bool) -> None:
    """Session 58: "stabbed" codes extra-familial harm; a stabbing the child survived is physical
    harm too (53 development reviews' gold coded both, 21 only the first)."""
    review = one(vocab, sentence)
    codes = {c.notation for c in review.harms}
    assert "H-EXT" in codes or "H-HOM" in codes
    assert ("H-PHYS" in codes) == physical


@pytest.mark.parametrize("sentence,code", [
    ("Invented: Child Y, 11, was sexually abused by a man who rented a room. Neither her school nor "
     "social work knew that a lodger was living there.", "RF-MEN"),
    ("Invented: C, 14, was sexually abused by a family friend who often stayed overnight. Professionals "
     "did not know about him.", "RF-MEN"),
    ("Invented: J (girl, 22 months) was admitted to hospital in 2022 after drinking her mother's "
     "methadone at home.", "H-INGEST")])
def test_unknown_men_and_methadone_told_in_other_words(vocab: Vocabulary, sentence: str, code: str) -> None:
    """Session 58, from the development sets' misses: "neither ... nor ... knew that a lodger was
    living there", a family friend nobody knew about, "drinking ... methadone"."""
    review = one(vocab, sentence)
    assert code in {c.notation for c in review.harms + review.risk_factors}
