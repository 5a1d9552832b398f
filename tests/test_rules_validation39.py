"""Rules written from validation39's pages (session 56), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source


def _tracker_csv(rows: list[dict[str, str]]) -> str:
    """A task tracker's export as ClickUp writes it: every field quoted."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _task(name: str, content: str, checklists: str, area: str, published: str) -> dict[str, str]:
    return {"Task ID": "86inv01", "Task Name": name, "Task Content": content, "Status": "published",
            "Attachments": "[]", "Checklists": checklists, "Comments": "[]", "Area (short text)": area,
            "Review type (drop down)": "CMR", "Publication date (date)": published}


def test_a_trackers_task_name_checklist_and_typed_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """ClickUp's export: "Task Name" names the row (not the "Task ID" before it); a checklist
    cell of JSON is its items; "Recommendations: see checklist" points to them; a custom
    field's kind ("(date)") is no part of its name; "CMR – Baby Ola (Area)" names a review
    whose child is "nine months old"; an empty "[]" cell says nothing."""
    checklist = json.dumps({"Recommendations (3)": {"Ask who visits.": True, "Share notes.": False,
                                                    "Audit in a year.": True}})
    rows = [_task("CMR – Baby Ola (Mid Ulster)", "Summary:\nBaby Ola (invented) was nine months old when "
                  "he was shaken by an adult in 2022.\n\nRecommendations: see checklist", checklist,
                  "Mid Ulster", "11/23/2023"),
            _task("Safeguarding Week – book a venue", "Book the hall (invented task).", "{}", "", "")]
    (review,) = reviews_of_page(tmp_path, "export.csv", _tracker_csv(rows), vocab)
    assert review.title == "CMR – Baby Ola (Mid Ulster)"
    assert [r.text.rstrip(".") for r in review.recommendations] == ["Ask who visits", "Share notes",
                                                                    "Audit in a year"]
    assert review.publication_year == 2023 and review.area == "Mid Ulster"


def test_a_lists_last_item_over_a_blank_line_and_fields_is_no_record(tmp_path: Path,
                                                                      vocab: Vocabulary) -> None:
    """"- The Board to audit ..." then a blank line then "Area: ...": the list's last item,
    not the title of a record whose fields follow (the fields are the row's own)."""
    content = ("Summary:\nChild Una (invented), aged 6, was neglected in 2021.\n\nRecommendations:\n"
               "- The Board to issue guidance\n- The Board to audit the guidance")
    rows = [{"Name": "Child Una (Belfast)", "Content": content, "Area": "Belfast",
             "Published": "04/09/2024"}]
    (review,) = reviews_of_page(tmp_path, "tracker.csv", _tracker_csv(rows), vocab)
    assert len(review.recommendations) == 2 and review.publication_year == 2024


def test_html2text_output_saved_as_text_is_read_as_markdown(tmp_path: Path, vocab: Vocabulary) -> None:
    """A web page converted by html2text and saved as ``.txt``: "  * " points are learning
    points and "_..._" is only emphasis around the date line."""
    page = ("[Home](/)\n\n# Learning reviews\n\n## Learning Review – Child Vale\n\n"
            "_Angus Child Protection Committee – published March 2023_\n\n"
            "Child Vale (invented), aged 5, was neglected at home in 2021.\n\n### What we learned\n\n"
            "  * Visits lapsed without escalation.\n  * Nursery absence was not followed up.\n\n"
            "### Recommendations\n\n  1. The CPC will issue guidance.\n  2. Health visiting will escalate.\n")
    (review,) = reviews_of_page(tmp_path, "page.txt", page, vocab)
    assert (len(review.learning), len(review.recommendations), review.publication_year) == (2, 2, 2023)
    assert "_Angus" not in read_source(tmp_path / "page.txt").text


def test_a_footer_like_publisher_line_with_for_nation(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Published by the Safeguarding Board for Northern Ireland, September 2022" under the
    heading dates the review, as "Published by X Partnership, May 2024" does."""
    page = "".join(f"Case Management Review - Child {name} (Derry City and Strabane)\n"
                   f"Published by the Safeguarding Board for Northern Ireland, {date}\n\n"
                   f"Child {name} (invented) was 7 when she was neglected at home in 2020.\n\n"
                   "Key learning\n1. Share early.\n2. Ask the child.\n\n"
                   for name, date in (("Wren", "September 2022"), ("Yew", "May 2024")))
    reviews = reviews_of_page(tmp_path, "note.txt", page, vocab)
    assert [r.publication_year for r in reviews] == [2022, 2024]


def test_a_cms_explainer_item_and_its_system_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """A headless CMS's items (Directus): "What is a Child Practice Review?" explains, it is
    no review; "user_created" and "date_updated" are the CMS's bookkeeping, not the review's
    dates."""
    items = {"data": [
        {"id": 1, "user_created": "0c1d-invented", "date_created": "2024-01-09T10:00:00",
         "date_updated": "2024-01-09T10:00:00", "title": "What is a Child Practice Review?",
         "summary": "<p>Child Practice Reviews are commissioned by the Board when a child has died "
                    "or been seriously harmed (invented explainer).</p>"},
        {"id": 2, "user_created": "0c1d-invented", "date_created": "2024-03-04T10:00:00",
         "date_updated": "2024-03-12T10:00:00", "title": "Concise Child Practice Review – Baby Xan",
         "area": "Powys", "summary": "<p>Baby Xan (invented), aged 5 weeks, was injured in 2022.</p>"}]}
    (review,) = reviews_of_page(tmp_path, "items.json", json.dumps(items), vocab)
    assert review.title == "Concise Child Practice Review – Baby Xan"
    assert "User created" not in read_source(tmp_path / "items.json").text


def test_a_rapid_reviews_record_about_an_aged_child_with_criteria_not_met(tmp_path: Path,
                                                                          vocab: Vocabulary) -> None:
    """A register's record "Rapid review after a nine-month-old was scalded ... criteria ...
    were not met" led to no review, though it tells a child's age; one that tells an age and
    lists learning, though its type's criteria were not met, is a review; and so is a CMR's
    record whose child "was nine months old" (an age in words)."""
    records = [{"Area": "Sunderland", "Ref": "RR-INV-1", "Summary": "Rapid review after a nine-month-old "
                "was scalded (invented). The criteria for a local review were not met."},
               {"Title": "Jo – multi-agency learning review", "Area": "Dudley", "Summary": "Jo (invented) "
                "was 16 and aged 16 when she was harmed in 2023; the criteria for a statutory review "
                "were not met.", "Learning": ["Care stopped at the boundary."]},
               {"Title": "CMR – Baby Ola", "Area": "Newry", "Summary": "Baby Ola (invented) was nine "
                "months old when he was shaken. The CMR made 4 recommendations."}]
    reviews = reviews_of_page(tmp_path, "register.json", json.dumps(records), vocab)
    assert [r.title for r in reviews] == ["Jo – multi-agency learning review", "CMR – Baby Ola"]


def test_a_coders_title_gives_the_childs_age_in_brackets(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Concise Child Practice Review – Efa (4)": a coder's title after the name gives her age
    when the summary gives none."""
    records = [{"title": "NWSB 9/2023 Concise Child Practice Review – Wyn (4)", "area": "Conwy",
                "summary": "Wyn (invented) was often hungry and missed nursery in 2022."}]
    (review,) = reviews_of_page(tmp_path, "sheet.json", json.dumps(records), vocab)
    assert [c.age_months for c in review.children] == [48]


def test_an_annual_reports_review_section_below_its_figures(tmp_path: Path, vocab: Vocabulary) -> None:
    """The review a report's section tells, "7.2  Significant Case Review - Child Skye ...",
    titles it without its number, not the dot-leader row of figures above it; "her mother, who
    had mental health difficulties of her own" tells of the mother's."""
    figures = "".join(f"     ICRs {kind} ........................ {n}\n" for kind, n in
                      (("notified", 4), ("completed", 3), ("progressed to a Learning Review", 1),
                       ("closed", 2), ("pending", 1)))
    page = ("Invented Child Protection Committee            Annual Report 2023-24\n" + "=" * 60 + "\n\n"
            "7. LEARNING FROM REVIEWS\n\n7.1  Initial Case Reviews\n\n" + figures + "\n"
            "7.2  Significant Case Review - Child Rue (published 2020): closing report\n\n"
            "7.2.1  Rue (invented) was 6 years old. Her illness had been fabricated by her mother,\n"
            "       who had mental health difficulties of her own.\n\n"
            "7.2.2  The key learning was that:\n\n       (a) teams did not share doubts;\n"
            "       (b) nobody asked the child.\n")
    (review,) = reviews_of_page(tmp_path, "report.txt", page, vocab)
    assert review.title == "Significant Case Review - Child Rue (published 2020): closing report"
    assert "RF-PMH" in {c.notation for c in review.risk_factors}
    assert "RF-CMH" not in {c.notation for c in review.risk_factors}


def test_a_briefings_fuller_heading_and_its_authority_over_the_regions_board(tmp_path: Path,
                                                                             vocab: Vocabulary) -> None:
    """Front matter titled "... – Tomos" over "# ... – Tomos (Ceredigion)": the heading titles
    the page; its "(Ceredigion)" narrows the board's region (Mid and West Wales)."""
    page = ('---\ntitle: "7 minute briefing: Concise Child Practice Review – Ifor"\n'
            'board: "CYSUR – Mid and West Wales Regional Safeguarding Board"\ndate: 2023-11-21\n---\n\n'
            "# 7 minute briefing: Concise Child Practice Review – Ifor (Ceredigion)\n\n## 1. Background\n\n"
            "Ifor (invented) was two years old when he was scalded at home in 2022.\n\n## 2. Learning\n\n"
            "1. Book an interpreter.\n2. Ask who lives in the home.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.md", page, vocab)
    assert review.title == "7 minute briefing: Concise Child Practice Review – Ifor (Ceredigion)"
    assert review.area == "Ceredigion"


def test_a_statements_heading_share_links_and_pointer(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Statement on the publication of the review into Child Ellis" titles the statement;
    "Share on Facebook" / "Share on X" / "Email" links and "You can read the full report" are
    no recommendations under "What happens next"."""
    page = ("<html><body><h1>Statement on the publication of the review into Child Pip</h1>"
            "<p>The partnership has today published a local child safeguarding practice review about "
            "Child Pip (invented), a baby boy aged 11 months who was bitten by a dog in July 2023.</p>"
            "<h2>What the review found</h2><ul><li>Nobody asked about the dog.</li>"
            "<li>Police reports were not shared.</li></ul><h2>What happens next</h2>"
            "<p>The review makes six recommendations, which the partnership has accepted.</p>"
            "<p>You can read the full report (PDF, 612 KB).</p><ul class='share'>"
            "<li><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Share on Facebook</a></li>"
            "<li><a href='https://x.com/intent/tweet?url=x'>Share on X</a></li>"
            "<li><a href='mailto:?subject=Child%20Pip'>Email</a></li></ul></body></html>")
    (review,) = reviews_of_page(tmp_path, "statement.html", page, vocab)
    assert review.title == "Statement on the publication of the review into Child Pip"
    assert review.recommendations == []


def test_a_newsletter_writers_labels_and_a_named_review_in_a_heading(tmp_path: Path,
                                                                      vocab: Vocabulary) -> None:
    """"What struck me:" labels the learning points under it; "the Child Amber serious case
    review" names Child Amber; "Key learning (as I read it): ..." inside a note is learning."""
    page = ("<h2>1. From the archive: the Child Opal serious case review (Suffolk, 2017)</h2>"
            "<p>Suffolk LSCB published this serious case review in 2017. Opal (invented) was 14 when "
            "she was sexually exploited in 2015.</p><p>What struck me:</p><ul><li>Language blamed her."
            "</li><li>Missing episodes were not linked.</li></ul>"
            "<h2>2. Significant Case Review – Baby Rhys (Dundee)</h2><p>Baby Rhys (invented) was seven "
            "months old when he was shaken in 2016. Key learning (as I read it): nobody asked who the "
            "new man in the house was.</p>")
    first, second = reviews_of_page(tmp_path, "post.html", page, vocab)
    assert [c.pseudonym for c in first.children] == ["Child Opal"] and len(first.learning) == 2
    assert len(second.learning) == 1


def test_a_one_bullet_list_is_one_point_and_a_counts_paragraph_its_statement(tmp_path: Path,
                                                                             vocab: Vocabulary) -> None:
    """A register's list of one learning point keeps its semicolon inside the point; "It makes
    five recommendations. They include that A, and that B." taken whole as the label of the
    recommendations gives their one statement (tests/annotations/FORMAT.md)."""
    records = [{"title": "Baby Iva – Serious Case Review", "area": "Walsall",
                "summary": "Baby Iva (invented) was six weeks old when she was injured in 2017.",
                "learning": ["Bruising was explained away; the review found that staff were reassured."]}]
    (review,) = reviews_of_page(tmp_path, "register.json", json.dumps(records), vocab)
    assert len(review.learning) == 1
    page = ("<h1>Toddler who drowned was 'not seen', review finds</h1><p>A review into the death of a "
            "two-year-old boy, referred to as Reggie (invented), was published by the Medway Safeguarding "
            "Children Partnership.</p><p>The review found that:</p><ul><li>nobody saw Reggie at home;</li>"
            "<li>the case was closed.</li></ul><p>It makes five recommendations. They include that the "
            "partnership produces water safety advice, and that services record every child.</p>")
    (article,) = reviews_of_page(tmp_path, "article.html", page, vocab)
    assert len(article.recommendations) == 1


def test_an_annual_reports_lead_in_dates_the_reviews_below_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """"All three reports were published on the Board's website in 2023" (or "... published
    in March 2024") above a report's reviews dates each review that gives no date of its own."""
    reviews = "".join(f"Concise Child Practice Review NWSB 0{n}/2023 (Child {c})\n\nChild {c} (invented) "
                      "was 9 and was neglected at home.\n\nWhat we learned\n- Ask the child.\n"
                      "- Share early.\n\n" for n, c in ((1, "Q"), (2, "R")))
    for lead, year in (("Both reports were published on the Board's website in 2023.", 2023),
                       ("Their summaries were published in March 2024.", 2024)):
        page = "Invented Safeguarding Board\nAnnual Report\n\n3.1 Child Practice Reviews\n\n" + lead
        page += "\n\n" + reviews
        reviews_read = reviews_of_page(tmp_path, "report.txt", page, vocab)
        assert [r.publication_year for r in reviews_read] == [year, year]


def test_a_regional_boards_page_narrows_to_the_authority_a_title_names(tmp_path: Path,
                                                                        vocab: Vocabulary) -> None:
    """A regional board's briefing ("Mid and West Wales Safeguarding Board") whose review's
    heading names one of the region's authorities in brackets: that authority is the area."""
    page = ("CYSUR – Mid and West Wales Safeguarding Board\n\n7 minute briefing\n\n"
            "Concise Child Practice Review CYSUR 9/2023 - Nel (Powys)\n\nNel (invented) was 3 when she was "
            "scalded at home in 2022.\n\nLearning\n- Ask who lives in the home.\n- Book an interpreter.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert review.area == "Powys"


def test_a_news_pages_topic_links_are_tags_apart(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Topics: <a>Chatham</a> <a>Medway Council</a> <a>Children</a>": three tags, not one
    keyword run together."""
    page = ("<h1>Toddler was 'not seen', review finds</h1><p>A local child safeguarding practice review "
            "published by the Medway Safeguarding Children Partnership into the death of a two-year-old "
            "boy, referred to as Reggie (invented), found that services lost sight of him.</p>"
            "<p>The review found that:</p><ul><li>nobody saw Reggie at home;</li><li>the case closed."
            "</li></ul><p class='topics'>Topics: <a href='/t/chatham'>Chatham</a> <a href='/t/medway'>"
            "Medway Council</a> <a href='/t/children'>Children</a></p>")
    (review,) = reviews_of_page(tmp_path, "article.html", page, vocab)
    assert [k.rstrip(".") for k in review.keywords] == ["Chatham", "Medway Council", "Children"]
