"""Pages of devlocal115 and validation66 (session 83) that lost a review, a child, a point or an
area, or took a fact that was none: minutes' "4.1 LCSPR Oscar - final report for sign-off" (no
review); a news article's "National review into brothers' deaths says ..." over "Theo, who was 20
months old, and his brother Alfie, who was three, ..." (no review); "2025 – LCSPR – Zara" (its
area "LCSPR"); a bracketed invented-data note taken for a briefing's title; "... with scalds to
both feet. Doctors ... concluded that he had been held in hot water." (the scalds not inflicted);
"Published in September 2025." under a count of recommendations (a recommendation); "Its
learning, in one line: ..." and "The key learning, the report says, is that ..." (no learning);
"Case study 1 - " cut from a title the labellers keep whole; "..., and she spent two years in
foster care" in a girl's review about her mother (the child looked after); "... the boys'
mother used drugs, but the review says it found no evidence of this" (drug misuse); "His mother
had reported him missing eleven times, and he was using cannabis" (the mother's cannabis, and no
missing child); a podcast's "00:19:45 Learning Review: Kyle ..." (no heading); "Harry (Leeds,
2021)" over "Local child safeguarding practice review, published by ..." (no review); a PDF's
title wrapped over two lines (no review); "The review's recommendations are being finalised"
(a recommendation); a register's "3. Reviews not completed" after "2. Serious Case Review: ..."
(more recommendations, and its date); an e-mail's signature under "Kind regards," (no area).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import facts_of as _facts
from support import review_of_account as _review
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def test_minutes_item_of_a_typed_name_is_a_review(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"{NOTE}\n\nTestshire Safeguarding Children Partnership\n"
            "Minutes of the Board, 19 November 2025\n\n"
            "4. Rapid reviews and practice reviews\n\n4.1 LCSPR Oscar - final report for sign-off\n"
            "The author presented the report. Oscar, a two-year-old boy, swallowed his mother's tablets in "
            "May 2025.\nThe report makes five recommendations.\n\n"
            "4.2 Rapid review: Young Person A - decision\n"
            "Young Person A, a 15-year-old girl, was found with serious injuries after a fall in August 2025."
            "\n\n5. Any other business\n\nNone.\n")
    reviews = reviews_of_page(tmp_path, "minutes.txt", page, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Oscar"], ["Young Person A"]]


def test_a_headline_on_brothers_deaths_and_the_pair_it_introduces(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("<h1>National review into brothers' deaths says warning signs were seen</h1>"
            f"<p>{NOTE}</p><p>A national review into the deaths of two young brothers has found that "
            "professionals saw warning signs.</p><p>Rory, who was two, and his brother Sam, who was four, "
            "were killed by their mother's partner at the family's home in 2024.</p>"
            "<p>Neighbours said that the "
            "boys' mother used drugs, but the review says it found no evidence of this.</p>")
    (review,) = reviews_of_page(tmp_path, "news.html", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Rory", "Sam"]
    assert "RF-DRG" not in _facts(review)


def test_a_lists_year_and_type_before_the_child_name_no_area(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("<h1>Testshire Safeguarding Children Partnership</h1><h2>Published reviews</h2>"
            f"<p>{NOTE}</p><h3>2025 – LCSPR – Zara</h3><p>Zara, aged four, was bitten by the family's dog in "
            "June 2024.</p><h3>2021 – Serious Case Review – Child AH</h3><p>Child AH, a 13-year-old boy, was "
            "sexually abused by his uncle.</p>")
    reviews = reviews_of_page(tmp_path, "reviews.html", page, vocab)
    assert [r.area for r in reviews] == ["Testshire", "Testshire"]


def test_a_bracketed_note_is_no_title_and_hot_water_is_an_inflicted_scald(
        tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("North Wales Safeguarding Board\nLEARNING BRIEFING | October 2025\n\n"
            "(Invented test data for casegraph: Cai, his family and all events are made up.)\n\n"
            "Extended Child Practice Review TSB 2/2025 (Wrexham): Cai\n\nTHE CHILD\n"
            "Cai was 18 months old when he was admitted to hospital in June 2024 with scalds to both feet. "
            "Doctors and the police "
            "concluded that he had been held in hot water.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert review.title == "Extended Child Practice Review TSB 2/2025 (Wrexham): Cai"
    assert review.area == "Wrexham"
    assert "H-PHYS" in _facts(review)


def test_a_date_and_prose_learning_are_no_recommendation_and_learning(
        tmp_path: Path, vocab: Vocabulary) -> None:
    dated = _review(tmp_path, vocab, "Local Child Safeguarding Practice Review: Holly",
                    "Holly, 12, died of diabetic ketoacidosis in 2024.\n\nRecommendations\n\n"
                    "The review makes four recommendations, to the Integrated Care Board.\n\n"
                    "Published in September 2025.")
    assert dated.recommendations == []
    one_line = _review(tmp_path, vocab, "Significant Case Review: Amy (2019)",
                       "Amy died in 2018 after swallowing methadone at home.\n\n"
                       "The significant case review was published in 2019. Its learning, in one line: "
                       "workers who know that a parent is "
                       "prescribed methadone should ask where it is kept.")
    assert len(one_line.learning) == 1
    news = _review(tmp_path, vocab, "Learning Review: Lily",
                   "Lily, 14, told a teacher in 2024 that her mother's partner had abused her.\n\n"
                   "The key learning, the report says, is that agencies must check who a new adult is.")
    assert len(news.learning) == 1


def test_a_case_studys_counter_and_hyphen_stay_in_its_title(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "Case study 1 - Learning Review (Fife): Callum",
                     "Callum, 15, was stabbed in 2023.")
    assert review.title == "Case study 1 - Learning Review (Fife): Callum"
    colon = _review(tmp_path, vocab, "Case study 2: Child W — LCSPR, Birmingham (2021)",
                    "Child W, a baby, was shaken by his father in 2020.")
    assert colon.title == "Child W — LCSPR, Birmingham (2021)"


def test_whose_the_later_clause_is(tmp_path: Path, vocab: Vocabulary) -> None:
    """"..., and she spent two years in foster care" goes on with the mother the sentence opens
    with; "..., and he was using cannabis" in a boy's account after "His mother" is the boy's; and
    "reported him missing" is the boy missing."""
    girl = _review(tmp_path, vocab, "Local Child Safeguarding Practice Review: Child X",
                   "Child X, a girl aged 11 months, was taken to hospital with a fractured skull. Child X's "
                   "mother had herself been on a child protection plan when she was a teenager, and she "
                   "spent two years in foster care before she was 18.")
    assert "RF-LAC" not in _facts(girl)
    boy = _review(tmp_path, vocab, "Learning Review: Kyle (Glasgow, 2022)",
                  "Kyle, 15, was stabbed in August 2021 while carrying drugs for an older group who had "
                  "been exploiting him. His mother had reported him missing eleven times, and he was using "
                  "cannabis.")
    assert {"RF-CSUB", "RF-MISS"} <= _facts(boy) and "RF-DRG" not in _facts(boy)


def test_headings_the_pages_gave_as_other_lines(tmp_path: Path, vocab: Vocabulary) -> None:
    """A chapter's bare time before its heading; a name and its bracket over the review's type;
    a PDF's title wrapped after "Local Child Safeguarding"."""
    notes = (f"{NOTE}\n\n00:02:10 Significant Case Review: Ava (Fife, 2018)\nAva was three when she was "
             "admitted to hospital, severely neglected.\n\n00:19:45 Learning Review: Kyle (Glasgow, 2022)\n"
             "Kyle, 15, was stabbed in August 2021.\n\n09:58:03 From Sam (School Nurse) to Everyone:\n")
    assert [r.title for r in reviews_of_page(tmp_path, "notes.txt", notes, vocab)] == [
        "Significant Case Review: Ava (Fife, 2018)", "Learning Review: Kyle (Glasgow, 2022)"]
    book = (f"{NOTE}\n\nHarry (Leeds, 2021)\n\nLocal child safeguarding practice review, published by Leeds "
            "Safeguarding Children Partnership in June 2021.\n\nHarry was seven weeks old when he was "
            "admitted to hospital with a subdural haemorrhage.\n")
    (harry,) = reviews_of_page(tmp_path, "book.txt", book, vocab)
    assert ([c.pseudonym for c in harry.children], harry.area) == (["Harry"], "Leeds")
    wrapped = ("Testshire Safeguarding Partnership · Learning from reviews · Invented test data.\n\n"
               "7-minute briefing: Local Child Safeguarding\nPractice Review – Leo\n\n"
               "Published March 2024\n\n"
               "What happened\n\nLeo, aged 4, was seriously injured when he was bitten by a dog.\n\n"
               "Recommendations\n\nThe review's recommendations are being finalised with partner "
               "agencies and will be published later.\n")
    (leo,) = reviews_of_page(tmp_path, "briefing.txt", wrapped, vocab)
    assert leo.title == "7-minute briefing: Local Child Safeguarding Practice Review – Leo"
    assert leo.recommendations == []


def test_a_registers_next_part_and_a_signature(tmp_path: Path, vocab: Vocabulary) -> None:
    """"3. Reviews not completed" after two numbered reviews ends the second (its lines are no
    recommendation, its year no date of it); the body under "Kind regards," is the page's area."""
    register = (f"{NOTE}\n\nTestshire Area Child Protection Committee\n\n1. Serious Case Review: Child D\n\n"
                "Child D was a baby who died in 2002.\n\n2. Serious Case Review: Child P\n\n"
                "Child P, a girl aged six, was sexually abused in 2001.\n\nRecommendations\n\n"
                "• Agencies should ask who lives in the household.\n\n3. Reviews not completed\n\n"
                "One further review was started in 2002.\n")
    reviews = reviews_of_page(tmp_path, "register.txt", register, vocab)
    assert [len(r.recommendations) for r in reviews] == [0, 1]
    mail = (f"From: Business Unit <unit@example.invalid>\nSubject: Reviews update\n\nDear all,\n\n{NOTE}\n\n"
            "1. LCSPR – Child W\n\nChild W, a baby, was shaken by his father in 2023.\n\n"
            "2. LCSPR – Siblings J and K\n\nSiblings J and K were neglected for two years.\n\n3. Training\n\n"
            "412 staff attended partnership training in 2023-24.\n\nKind regards,\n\nBusiness Unit\n"
            "Wiltshire Safeguarding Vulnerable People Partnership\n")
    reviews = reviews_of_page(tmp_path, "update.eml", mail, vocab)
    assert [r.area for r in reviews] == ["Wiltshire", "Wiltshire"]


# ------------------------------------------------------------- read again in older reports
def test_a_statements_we_call_her_and_its_notes_partnership(tmp_path: Path, vocab: Vocabulary) -> None:
    """"To protect her privacy we call her Amelia" names the statement's child; an earlier review
    its notes to editors tell of is the page's partnership's (devlocal79)."""
    page = ("Warrington Safeguarding Partnership\n\nMEDIA STATEMENT\n\n"
            "Partnership publishes review into the neglect of a nine-year-old girl\n\n"
            f"{NOTE}\n\nThe partnership today publishes a local child safeguarding practice review about a "
            "nine-year-old girl. To protect her privacy we call her Amelia in this statement.\n\n"
            "In 2022 police officers found Amelia alone at home, neglected and hungry.\n\nENDS\n\n"
            "Notes to editors\n1. In 2021 the partnership published a serious case review about Baby E, a "
            "five-month-old boy who suffered a head injury inflicted by his father in 2017.\n")
    reviews = reviews_of_page(tmp_path, "statement.txt", page, vocab)
    assert [(r.children[0].pseudonym, r.area) for r in reviews] == [("Amelia", "Warrington"),
                                                                   ("Baby E", "Warrington")]


def test_a_decision_notices_reviews_by_name_and_its_signature(tmp_path: Path, vocab: Vocabulary) -> None:
    """"2.1 The Child H review, published in January 2024, concerned a 13-year-old girl ..." is a
    review's paragraph; "Signed: ..." over "Published: ..." is no record (devlocal33); "The Learning
    Review concerned a sister and brother" names no child "Learning" (devlocal86)."""
    page = (f"TESTSHIRE COUNTY COUNCIL\nCABINET - RECORD OF DECISION\n{NOTE}\n\n1. Decision\nCabinet funded "
            "two action plans.\n\n2. Reasons\n2.1 The Child H review, published in January 2024, concerned a "
            "13-year-old girl who was criminally exploited.\n2.2 The Child W review, published in 2020, "
            "concerned a 4-year-old boy who died in 2017 of injuries inflicted by his mother's partner.\n\n"
            "3. Alternative options considered\nNot to fund the plans.\n\n"
            "Signed: Head of Democratic Services\nPublished: 19 April 2024\n")
    reviews = reviews_of_page(tmp_path, "decision.txt", page, vocab)
    assert [(r.children[0].pseudonym, r.publication_year) for r in reviews] == [("Child H", 2024),
                                                                               ("Child W", 2020)]
    report = (f"{NOTE}\n\n6.2  Learning Review: Amy and Josh\n\n     The Learning Review concerned a sister "
              "and brother. Amy and Josh were neglected for years.\n\n"
              "6.3  Learning Review: Young Person C\n\n     Young Person C was 17 when she died.\n")
    assert [r.title for r in reviews_of_page(tmp_path, "report.txt", report, vocab)] == [
        "Learning Review: Amy and Josh", "Learning Review: Young Person C"]


def test_a_myth_busters_two_reviews_each_keep_their_points(tmp_path: Path, vocab: Vocabulary) -> None:
    """"What the review asks you to do:" over points is learning; the points right after the
    paragraph of the page's second review are that review's; a last "- ..." point with commas is
    no keyword line (devlocal20)."""
    page = ("Testshire Safeguarding Children Partnership\n\nMyth buster: learning from our reviews\n\n"
            f"{NOTE}\n\nFact: In our local child safeguarding practice review of Baby O (published 2022), a "
            "3-month-old boy was seen with a bruise. Six weeks later Baby O was admitted to hospital with "
            "bleeding on the brain after being shaken.\n\nWhat the review asks you to do:\n"
            " - Follow the bruising protocol every time.\n - Refer on the same day.\n\n"
            "Fact: Children cannot consent to their own exploitation. The serious case review of Child U "
            "(2019) found that practitioners described U, then a 15-year-old girl, as making lifestyle "
            "choices while she was being sexually exploited.\n\nWhat the review asks you to do:\n"
            " - Use language that puts the responsibility on the abusers.\n"
            " - Think about the whole family, including a parent's mental health.\n")
    reviews = reviews_of_page(tmp_path, "myths.txt", page, vocab)
    assert [(r.children[0].pseudonym, len(r.learning)) for r in reviews] == [("Baby O", 2), ("Child U", 2)]
    assert reviews[1].keywords == []


def test_a_mind_maps_agencies_branch_is_no_recommendation(tmp_path: Path, vocab: Vocabulary) -> None:
    review = _review(tmp_path, vocab, "SEWSCB 2/2024 - Extended Child Practice Review - Child W",
                     "Child W, 15, was sexually exploited while placed out of area.\n\nRecommendations\n\n"
                     "- Face-to-face return interviews by a consistent worker\n\nAgencies in scope\n\n"
                     "- Children's services, Gwent Police, residential provider, advocacy service")
    assert len(review.recommendations) == 1 and review.keywords == []


def test_a_bodys_strategic_and_pan_words_are_no_part_of_its_area() -> None:
    """"Trafford Strategic Safeguarding Partnership" is Trafford's, "Pan-Dorset ..." Dorset's
    (devlocal81, devlocal72)."""
    from casegraph.ingest.document import area_of_body

    assert area_of_body("Trafford Strategic Safeguarding Partnership") == "Trafford"
    assert area_of_body("Pan-Dorset Safeguarding Children Partnership") == "Dorset"


def test_a_parts_child_by_its_reference_or_a_letter(tmp_path: Path, vocab: Vocabulary) -> None:
    """"5.1 CMR 2022/01 - Grace (Western HSC Trust)" names Grace after the review's reference
    (devlocal34); "6.3 J (published February 2022)" over "J was a 17-year-old ..." names J
    (validation3)."""
    report = (f"{NOTE}\n\n5. CASE MANAGEMENT REVIEWS\n\n5.1 CMR 2022/01 - Grace (Western HSC Trust)\n"
              "Grace was a girl of thirteen who was groomed online and sexually abused in October 2021.\n\n"
              "5.2 CMR 2022/03 - Baby Caoimhe (South Eastern HSC Trust)\nCaoimhe, aged ten weeks, was "
              "admitted to hospital with a spiral fracture of her arm in July 2022.\n")
    assert [r.children[0].pseudonym for r in reviews_of_page(tmp_path, "cmrs.txt", report, vocab)] == [
        "Grace", "Baby Caoimhe"]
    annual = (f"{NOTE}\n\n6. LOCAL REVIEWS\n\n6.2 Child H (published October 2021)\n\nChild H was 11 months "
              "old when he was admitted to hospital with a fractured skull.\n\n6.3 J (published February "
              "2022)\n\nJ was a 17-year-old young man who died in August 2021 after taking ecstasy.\n")
    assert [r.children[0].pseudonym for r in reviews_of_page(tmp_path, "annual.txt", annual, vocab)] == [
        "Child H", "J"]


def test_the_kind_of_reviews_a_pages_introduction_or_own_list_gives(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Three Local Child Safeguarding Practice Reviews (LCSPRs) were commissioned or concluded;
    summaries follow." gives the type of the parts under it (validation3); a partnership's own
    numbered list under "Published Local Child Safeguarding Practice Reviews" too (devlocal13)."""
    annual = (f"{NOTE}\n\nSECTION 6: LEARNING FROM REVIEWS\n\n"
              "6.1 During the year the group completed 17 rapid reviews. Two Local Child Safeguarding "
              "Practice Reviews (LCSPRs) were commissioned or concluded; summaries follow.\n\n"
              "6.2 Child H (published October 2021)\n\n"
              "Child H was 11 months old when he was admitted to hospital with burns.\n\n"
              "6.3 Child S (published 2022)\n\nChild S, a girl of six, disclosed sexual abuse by her "
              "uncle.\n")
    reviews = reviews_of_page(tmp_path, "annual.txt", annual, vocab)
    assert [r.review_type.notation for r in reviews] == ["RT-LCSPR", "RT-LCSPR"]
    listing = ("Medway Safeguarding Children Partnership > Learning > Published reviews\n"
               f"{NOTE}\n\nPublished Local Child Safeguarding Practice Reviews\n\n1. Jay (published 2023)\n"
               "Jay was 15 years old when he was stabbed in a park in November 2022.\n\n"
               "2. M and N (published 2023)\nM, aged 3, and her sister N, aged 5, were neglected; "
               "M swallowed methadone at home in August 2022.\n")
    reviews = reviews_of_page(tmp_path, "list.txt", listing, vocab)
    assert [r.review_type.notation for r in reviews] == ["RT-LCSPR", "RT-LCSPR"]
