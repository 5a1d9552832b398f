"""Rules written from validation40's pages (session 57), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def test_a_headings_first_field_is_no_record_title(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Local authority area: Powys" over "Published: May 2024", under a review's heading: the
    review's details (its area), not the title of a record of its own."""
    page = ("<h1>Annual report (invented)</h1>"
            "<h2>IBSB 01/2024 – Concise Child Practice Review – Baby Ifor</h2>"
            "<p>Local authority area: Powys<br>Published: May 2024</p>"
            "<p>Baby Ifor (invented) was eight weeks old when he was found to have a fractured arm "
            "in 2023.</p><h3>Recommendations</h3><ul><li>Share the protocol.</li></ul>")
    (review,) = reviews_of_page(tmp_path, "report.html", page, vocab)
    assert review.title == "IBSB 01/2024 – Concise Child Practice Review – Baby Ifor"
    assert review.area == "Powys" and review.publication_year == 2024


def test_an_extractions_area_label_and_review_id_are_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """A coder's JSON: "cpc_area" is the area ("Cpc area:"), and "review_id" is a field of the
    record, not the title of another (it names the review's words only as "Review id")."""
    page = ('[{"title": "Learning Review: Rory", "review_id": "INV-2024-01", "cpc_area": "Angus",'
            ' "summary": "Rory (invented), aged 3, was bitten by a dog in May 2023."}]')
    (review,) = reviews_of_page(tmp_path, "extraction.json", page, vocab)
    assert review.title == "Learning Review: Rory" and review.area == "Angus"


def test_a_first_name_over_its_reviews_type_and_date_is_a_heading(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """A partnership's page of reviews: "Maisie" over "Local child safeguarding practice review ·
    Published 3 March 2024" is a review's heading, as "Child P" over the same line is."""
    part = ("<h3>{name}</h3><p>Local child safeguarding practice review · Published {date}</p>"
            "<p>{name} (invented) was {age} when she was neglected at home in 2022.</p>"
            "<h4>Recommendations</h4><ol><li>Agencies should share records.</li></ol>")
    page = ("<h1>Published reviews (invented page)</h1>"
            + part.format(name="Child P", date="8 February 2024", age="six")
            + part.format(name="Maisie", date="3 March 2024", age="nine"))
    reviews = reviews_of_page(tmp_path, "reviews.html", page, vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Child P", "Maisie"]


def test_a_news_storys_earlier_review_not_the_first_and_a_name_between_dashes(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"It is not the first review in the county to ...": the paragraph after it tells of another,
    earlier review (Baby N's), no part of this one; "the death of Ava – not her real name –"
    names this one's child."""
    page = ("<h1>Toddler died after warnings were missed, review finds (invented)</h1>"
            "<p>A review published today by Norfolk Safeguarding Children Partnership looks at the "
            "death of Ava – not her real name – who was neglected and died in a fall in 2023.</p>"
            "<p>The review makes two recommendations.</p>"
            "<p>It is not the first review in the county to link a death with poor housing. A serious "
            "case review published in 2016 by Norfolk Safeguarding Children Board found that a "
            "six-week-old baby, known as Baby N, died in 2015 in a cold, damp flat.</p>")
    reviews = reviews_of_page(tmp_path, "news.html", page, vocab)
    assert sorted((c.pseudonym for r in reviews for c in r.children), key=str) == ["Ava", "Baby N"]


def test_brothers_named_in_lower_case_are_two_children(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Briefing: multi-agency learning review – brothers P and R": two children, P and R."""
    page = ("Briefing: multi-agency learning review – brothers P and R\n\n"
            "P (aged 6) and R (18 months) were neglected at home in 2023 (an invented review).\n\n"
            "Learning:\n- Missed health reviews are a sign of neglect.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["P", "R"]


def test_an_annual_reports_lettered_section_is_the_review_alone(tmp_path: Path,
                                                                 vocab: Vocabulary) -> None:
    """"4B  Significant case review: Child W" titles the review without its number, and the
    parts around it ("4A  Initial case reviews" of children who died, "4C  ...") are not its."""
    page = ("Invented Child Protection Committee                 Annual Report 2023-24\n"
            "----------------------------------------------------------------\n\n"
            "PART 4: LEARNING FROM REVIEWS\n\n"
            "4A  Initial case reviews\n\n"
            "    The committee received six notifications about children who had died\n"
            "    or been harmed in Angus during 2023-24.\n\n"
            "4B  Significant case review: Child W\n\n"
            "    The committee published the significant case review into Child W in\n"
            "    June 2023. Child W was two years old when he was injured in 2020.\n\n"
            "    Recommendations\n\n"
            "    1. The committee should audit its escalation procedure.\n\n"
            "4C  Training\n\n"
            "    The committee ran twelve courses on neglect.\n")
    (review,) = reviews_of_page(tmp_path, "annual-report.txt", page, vocab)
    assert review.title == "Significant case review: Child W"
    assert "H-DEATH" not in {h.notation for h in review.harms}
    assert len(review.recommendations) == 1


def test_a_statements_own_heading_over_its_browser_title(tmp_path: Path, vocab: Vocabulary) -> None:
    """A saved statement: the browser title "Statement: Local Child Safeguarding Practice Review -
    Jude | Wigan Safeguarding Children Partnership" above the page's own heading that names the
    child and the review: the heading titles it; the child and the area stay."""
    page = ("<html><head><title>Statement: Local Child Safeguarding Practice Review - Jude | Wigan "
            "Safeguarding Children Partnership</title></head><body>"
            "<h1>Statement following publication of the Local Child Safeguarding Practice Review into "
            "the death of Jude</h1><p>Thursday 6 June 2024</p>"
            "<p>The partnership has today published a review following the death of Jude, who was "
            "two years old when he died in 2023 (an invented review). Jude had been neglected.</p>"
            "<h2>What the review found</h2><ul><li>Nobody saw Jude alone.</li></ul></body></html>")
    (review,) = reviews_of_page(tmp_path, "statement.html", page, vocab)
    assert review.title.startswith("Statement following publication of the Local Child")
    assert [c.pseudonym for c in review.children] == ["Jude"] and review.area == "Wigan"


def test_a_count_and_its_follow_up_are_no_recommendations(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The overview report contains eleven recommendations. The Board's Serious Case Review
    Sub-Group is monitoring the action plans ..." and "The review made six recommendations ...
    They are being taken forward through the Board's action plan": counts and what became of
    them, no recommendation listed."""
    part = ("<h2>Serious Case Review: Child {n}</h2><p>Child {n} (invented), aged 9, was neglected in "
            "2019.</p><h3>Recommendations</h3><p>{text}</p>")
    page = ("<h1>Annual report (invented)</h1>"
            + part.format(n="S", text="The overview report contains eleven recommendations. The Board's "
                          "Serious Case Review Sub-Group is monitoring the action plans of each agency.")
            + part.format(n="T", text="The review made six recommendations for the Board. They are being "
                          "taken forward through the Board's action plan, and progress is reported yearly."))
    reviews = reviews_of_page(tmp_path, "report.html", page, vocab)
    assert [(r.title, len(r.recommendations)) for r in reviews] == [
        ("Serious Case Review: Child S", 0), ("Serious Case Review: Child T", 0)]


def test_the_one_body_named_above_a_pages_reviews_is_their_area(tmp_path: Path,
                                                                 vocab: Vocabulary) -> None:
    """A page of notes whose long menu comes first and whose "Summaries of learning reviews
    published by Angus Child Protection Committee" stands above its reviews: Angus is their
    area, unless a review's heading names its own place."""
    menu = "".join(f"<li>Menu item {k} (invented)</li>" for k in range(14))
    part = ("<h2>Learning Review – {name}</h2><p>Published: 12 December 2023</p>"
            "<p>{name} (invented), aged 7, was neglected at home in 2022.</p>")
    page = (f"<h1>Practice notes (invented)</h1><ul>{menu}</ul>"
            "<p>Summaries of learning reviews published by Angus Child Protection Committee.</p>"
            + part.format(name="Child D") + part.format(name="Child E (Moray)"))
    reviews = reviews_of_page(tmp_path, "notes.html", page, vocab)
    assert [(r.title, r.area) for r in reviews] == [("Learning Review – Child D", "Angus"),
                                                    ("Learning Review – Child E (Moray)", "Moray")]


def test_an_unknown_fields_line_does_not_take_the_account_after_it(tmp_path: Path,
                                                                    vocab: Vocabulary) -> None:
    """"Themes: neglect; parental substance use" on its own line, then a paragraph: the
    paragraph is the review's account (its incident's date, its child's age), not more of the
    field."""
    page = ("<h1>Child Practice Reviews (invented page)</h1>"
            "<h2>CTMSB 2024/09 – Extended Child Practice Review: Baby Q (Bridgend)</h2>"
            "<p>Published: 22/02/2024</p><p>Themes: neglect; parental substance use</p>"
            "<p>Baby Q (invented) died aged 11 months in August 2021 from malnutrition while in the "
            "care of her parents.</p><h3>Learning</h3><ul><li>Weigh babies.</li><li>Share records.</li></ul>")
    (review,) = reviews_of_page(tmp_path, "reviews.html", page, vocab)
    assert (review.incident_year, review.incident_month) == (2021, 8)
    assert [c.age_months for c in review.children] == [11]


def test_a_lead_in_wrapped_across_lines_is_no_recommendation(tmp_path: Path, vocab: Vocabulary) -> None:
    """Under "Recommendations", a plain-text report's "The reviewers made ten recommendations.
    The three addressed to the" / "committee are:" over its list: the count and the lead-in's
    first words are no fourth recommendation."""
    page = ("Significant case review: Child Y\n\n"
            "    Child Y (invented) was 15 months old when she was injured in 2019.\n\n"
            "    Recommendations\n\n"
            "    The reviewers made ten recommendations. The three addressed to the\n"
            "    committee are:\n\n"
            "    1. The committee should audit its escalation procedure.\n"
            "    2. The committee should commission training on young parents.\n"
            "    3. The committee should include every carer in assessments.\n")
    (review,) = reviews_of_page(tmp_path, "report.txt", page, vocab)
    assert len(review.recommendations) == 3


def test_a_point_about_helplines_is_no_page_furniture(tmp_path: Path, vocab: Vocabulary) -> None:
    """A learning point that speaks of helplines (150 characters) is the review's, not page
    furniture as a short "NSPCC Helpline" line is."""
    page = ("<h1>Learning Review – Child K (invented)</h1>"
            "<p>Child K, aged 6, was killed in 2021 in Angus.</p>"
            "<h2>Learning</h2><ul><li>Helpline services hold information that could protect children but "
            "have no clear route for passing it to local police or children's social care.</li>"
            "<li>Nobody checked that Child K was registered with a school.</li></ul>")
    (review,) = reviews_of_page(tmp_path, "briefing.html", page, vocab)
    assert [item.text[:20] for item in review.learning] == ["Helpline services ho", "Nobody checked that "]


def test_bitten_by_one_of_several_dogs_is_an_animal_attack(tmp_path: Path, vocab: Vocabulary) -> None:
    """"bitten by one of two large dogs belonging to ..." is a dog attack on the child (the
    vocabulary's gap of three words did not reach the plural)."""
    page = ("<h1>Learning Review: Rory (invented)</h1>"
            "<p>Rory, aged 3, was seriously injured in August 2023 when he was bitten by one of two large "
            "dogs belonging to his mother's new partner.</p>"
            "<h2>Learning</h2><ul><li>Ask about dogs.</li><li>Share records.</li></ul>")
    (review,) = reviews_of_page(tmp_path, "review.html", page, vocab)
    assert "H-ANIM" in {h.notation for h in review.harms}
