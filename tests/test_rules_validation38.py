"""Rules written from validation38's pages (session 55), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary


def test_a_forms_questions_are_read_as_its_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """A submission form's export (Typeform's): its questions are the column heads, "Local
    authority or partnership area", "When was it published? (month and year)", "Child or children
    (pseudonym, sex and age as in the report)"; a title that is a review's type, reference and
    first name ("... NWSB 4/2023 - Nel") is a review's row."""
    csv = ("#,Local authority or partnership area,Review title (as published),"
           "When was it published? (month and year),"
           '"Child or children (pseudonym, sex and age as in the report)",Short summary of the case\n'
           'a1,Gwynedd,Concise Child Practice Review NWSB 4/2023 - Nel,March 2024,"Nel, girl, 3 years",'
           '"Nel, aged 3, was found alone at home in May 2022 (invented)."\n')
    (review,) = reviews_of_page(tmp_path, "form.csv", csv, vocab)
    assert review.title == "Concise Child Practice Review NWSB 4/2023 - Nel"
    assert (review.area, review.publication_year) == ("Gwynedd", 2024)
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Nel", 36)]


def test_a_coding_frames_numbered_child_fields_and_split_incident_date(tmp_path: Path,
                                                                      vocab: Vocabulary) -> None:
    """"Child 1 age (years): 16" is the first child's age, not a heading; "Incident month: 8"
    beside "Incident year: 2021" is the incident's month; a row flagged "In scope: No" is none
    of the team's reviews."""
    records = ('[{"Title": "Case Management Review: Young Person Q", "Council area": "Mid Ulster",'
               ' "Child 1 pseudonym": "Young Person Q", "Child 1 sex": "M", "Child 1 age (years)": 16,'
               ' "Learning as listed": "(a) Ask early. (b) Share widely.", "Incident year": 2021,'
               ' "Incident month": 8, "Summary": "Young Person Q (invented) was 16 when he was'
               ' assaulted in August 2021."},'
               ' {"Title": "Rapid review - Child Z", "Area": "Mid Ulster", "In scope": "No",'
               ' "Summary": "A rapid review of an invented case; no review followed."}]')
    (review,) = reviews_of_page(tmp_path, "frame.json", records, vocab)
    assert review.title == "Case Management Review: Young Person Q"
    assert [(c.age_months, c.sex) for c in review.children] == [(192, "male")]
    assert (review.incident_year, review.incident_month) == (2021, 8)


def test_an_accordions_heading_in_a_button_heads_its_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """LocalGov Drupal (and the WAI-ARIA pattern): ``<h2><button aria-expanded>`` names the pane;
    a button anywhere else is still a control's label."""
    pane = ('<h2><button type="button" aria-expanded="false">Child R (published May 2024)</button></h2>'
            "<div><p>Child R, an invented girl aged 4, was neglected at home in Hove in 2023.</p>"
            "<h3>What we learned</h3><ul><li>Visits that are missed are information.</li></ul></div>")
    page = f"<html><body><main><h1>Reviews</h1>{pane}<button>Print this page</button></main></body></html>"
    (review,) = reviews_of_page(tmp_path, "accordion.html", page, vocab)
    assert review.title == "Child R (published May 2024)" and review.publication_year == 2024


def test_a_repository_record_of_a_reviews_summary_keeps_the_reviews_year(tmp_path: Path,
                                                                         vocab: Vocabulary) -> None:
    """A repository's "Published: 2024" is when the summary was deposited; "a learning review
    published by ... in September 2023" is the review's.  A record of aggregate counts, "No
    individual case is described", is no review."""
    records = ('[{"title": "Learning Review: Child W (Fife) - summary", "publication_date": "2024-02-19",'
               ' "description": "Summary of a learning review published by Fife Child Protection'
               ' Committee in September 2023. Child W (invented), aged 9, was neglected."},'
               ' {"title": "Initial case reviews in Fife, 2019-2023 (aggregate counts)",'
               ' "publication_date": "2024-02-20", "description": "Aggregate counts of initial case'
               ' review notifications by year. No individual case is described."}]')
    (review,) = reviews_of_page(tmp_path, "records.json", records, vocab)
    assert review.title == "Learning Review: Child W (Fife) - summary"
    assert review.publication_year == 2023


def test_an_earlier_review_by_a_board_into_a_death_is_its_own(tmp_path: Path, vocab: Vocabulary) -> None:
    """A news story's closing paragraph, "It is not the first time ... In 2016, a serious case
    review by ... Board into the death of ..., known as Child V, found ...": another review; the
    headline's "baby Noor" names the story's own child."""
    story = ("Review into death of baby Noor finds missed chances\n\n"
             "Noor was ten weeks old when she died in March 2023 after being shaken by her father, an "
             "invented case in Bury. The local child safeguarding practice review was published today "
             "by Bury Safeguarding Children Partnership.\n\n"
             "It is not the first time the area has examined the death of a young child. In 2016, a "
             "serious case review by Bury Local Safeguarding Children Board into the death of a "
             "two-year-old girl, known as Child V, found that she had died from neglect.\n")
    reviews = reviews_of_page(tmp_path, "story.txt", story, vocab)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Child V", "Noor"]


def test_among_them_two_recommendations_in_prose(tmp_path: Path, vocab: Vocabulary) -> None:
    story = ("Baby P review published\n\nBaby P, an invented boy aged 7 weeks, was injured in 2023 in "
             "Oldham. The review makes five recommendations. Among them, the partnership will ask "
             "agencies to record every adult in the home, and the housing team will flag families "
             "with newborns who have no settled address.\n")
    (review,) = reviews_of_page(tmp_path, "news.txt", story, vocab)
    assert [r.text for r in review.recommendations] == [
        "the partnership will ask agencies to record every adult in the home",
        "the housing team will flag families with newborns who have no settled address"]


def test_a_pages_foot_under_a_rule_is_no_part_of_its_last_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """A board's list: each review between rules; after the last, the page's foot (another
    page's link, the copyright of the regional board) is not the review's, and its board is not
    the review's area over "(Vale of Glamorgan)" in its heading."""
    page = ("Cardiff and Vale Regional Safeguarding Board\n\n" + "_" * 60 + "\n\n"
            "CPR 2/2024 - Child S (Vale of Glamorgan) - Concise Child Practice Review\n"
            "Published: 3 March 2024\n\n"
            "Child S, an invented boy aged 6, was neglected at home.\n\n"
            "Recommendations\nThe review made 4 recommendations, which are published with the report.\n\n"
            + "_" * 60 + "\n\nAdult Practice Reviews are listed on a separate page.\n"
            "(c) Cardiff and Vale Regional Safeguarding Board\n")
    (review,) = reviews_of_page(tmp_path, "list.txt", page, vocab)
    assert review.area == "Vale of Glamorgan"
    assert review.recommendations == []


def test_a_finding_about_both_children_is_the_case(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The review found that both boys had been neglected": what happened to this case's
    children (a fact), not general learning."""
    page = ("Child T and Child U - Extended Child Practice Review (Conwy)\nPublished November 2023\n\n"
            "Brothers Child T, 12, and Child U, 9, lived alone with an invented father who\ndrank. "
            "The review found that both boys had\nbeen neglected over a long period.\n\n"
            "The review identified three learning themes. The two we want every practitioner\n"
            "to think about are:\n  \u2022 always ask who is looking after the children; and\n"
            "  \u2022 declined visits are information.\n")
    (review,) = reviews_of_page(tmp_path, "newsletter.txt", page, vocab)
    assert "H-NEG" in {h.notation for h in review.harms}


def test_a_counted_sentence_that_names_what_they_include_is_a_recommendation(tmp_path: Path,
                                                                             vocab: Vocabulary) -> None:
    """(From devlocal69's newsletter, in session 55's diff) "made eight recommendations, which the
    Committee has accepted in full, including that ...": the recommendation it names."""
    page = ("Learning Review: Child E\n\nChild E, an invented boy aged 13, was assaulted by older boys in "
            "2023 in Inverclyde.\n\nThe review made eight recommendations, which the Committee has accepted "
            "in full, including that schools and police share information on every child reported "
            "missing twice in a term.\n")
    (review,) = reviews_of_page(tmp_path, "newsletter.txt", page, vocab)
    assert len(review.recommendations) == 1
    assert "schools and police share information" in review.recommendations[0].text
