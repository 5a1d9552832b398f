"""Pages of devlocal120 and validation69 (session 86) that lost a review or a field: a digest's
contents list over the reviews it names (groff's, word for word: the second review became a
duplicate of an empty first); a typeset section number set apart by spaces alone ("1    CMR:
Orla": the child named "1"); an Asciidoctor admonition's "Learning" beside its points (one pipe
row, no learning); a Word table's "Review | Local child safeguarding practice review" (a title,
no year); a headless CMS's "Body:" over the account (no incident date); a podcast's "Key
points:" (no learning); "Multi-agency learning review: Priya" whose text says that the criteria
for another review were not met (no review); a tracker printed from a spreadsheet (its rows
one entry).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.columns import columns_as_text


def _names(reviews: list) -> list[list[str]]:
    return [[c.pseudonym for c in r.children] for r in reviews]


def test_a_contents_list_over_the_reviews_it_names(tmp_path: Path, vocab: Vocabulary) -> None:
    """The contents' entries are no reviews: each review is read once, under its own heading."""
    page = (f"Testshire Partnership: Practice Learning Digest\n\n1. Local Child Safeguarding Practice "
            "Review: Leo\n\n2. Local Learning Review: Baby Rowan\n\nLearning and Improvement Subgroup\n\n"
            f"{NOTE}\n\n1. Local Child Safeguarding Practice Review: Leo\n\nPublished May 2025.\n\nLeo, "
            "a seven-year-old boy, was burned by his stepfather in November 2023.\n\nLearning\n\n- Ask "
            "who lives there.\n\n2. Local Learning Review: Baby Rowan\n\nPublished July 2025.\n\nBaby "
            "Rowan died in February 2024, aged eleven days. The family were living in a caravan.\n\n"
            "Learning\n\n- Check the baby's sleeping place.\n- Plan early for young parents.\n")
    reviews = reviews_of_page(tmp_path, "digest.txt", page, vocab)
    assert _names(reviews) == [["Leo"], ["Baby Rowan"]]
    assert [len(r.learning) for r in reviews] == [1, 2]
    assert reviews[1].incident_year == 2024


def test_a_typeset_section_number_set_apart_by_spaces(tmp_path: Path, vocab: Vocabulary) -> None:
    """"1    CMR: Orla" is section 1, the review of Orla (not a child named "1"), under a
    contents list that names both sections with their pages."""
    page = (f"South Testshire Trust: CMR learning summaries\n\n{NOTE}\n\nContents\n\n1   CMR: Orla"
            + " " * 40 + "1\n\n2   CMR: Child Dara" + " " * 40 + "1\n\n1    CMR: Orla\n\nReview type:  case "
            "management review.  Area:  Testshire.  Published:  September\n2024.\n    Orla, a 13-year-old "
            "girl, was sexually exploited by older men.\n\n2    CMR: Child Dara\n\nReview type:  case "
            "management review.  Published:  2025.\n    Child Dara, a boy aged four, was neglected.\n")
    reviews = reviews_of_page(tmp_path, "summaries.txt", page, vocab)
    assert _names(reviews) == [["Orla"], ["Child Dara"]]
    assert [r.title for r in reviews] == ["CMR: Orla", "CMR: Child Dara"]


def test_an_admonitions_learning_beside_its_icon(tmp_path: Path, vocab: Vocabulary) -> None:
    """A one-row table whose cell holds a list lays out the page: its points are the learning."""
    page = (f"<html><body><h1>Practice guide</h1><p>{NOTE}</p><h2>CMR: Baby U</h2><p>Published: "
            "October 2024</p><p>In August 2022 Baby U, a boy aged three months, was smothered by his "
            "father; he survived.</p><div class='admonitionblock note'><table><tr><td class='icon'>"
            "<div class='title'>Note</div></td><td class='content'><div class='title'>Learning</div>"
            "<ul><li>Ask about babies.</li><li>Name the children in a relapse plan.</li><li>Consider "
            "substance misuse.</li></ul></td></tr></table></div></body></html>")
    (review,) = reviews_of_page(tmp_path, "guide.html", page, vocab)
    assert len(review.learning) == 3


def test_a_word_tables_bare_review_label_is_a_field(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Area | Published | Review" rows of a Word table are the review's fields, not its title."""
    page = (f"<html><body><p>{NOTE}</p><p><b>Baby Noor (local child safeguarding practice review)</b>"
            "</p><table><tr><td>Area</td><td>Testshire</td></tr><tr><td>Published</td><td>November "
            "2025</td></tr><tr><td>Review</td><td>Local child safeguarding practice review</td></tr>"
            "</table><p>Baby Noor, a girl aged four months, was shaken by her father in January 2025."
            "</p></body></html>")
    (review,) = reviews_of_page(tmp_path, "briefing.html", page, vocab)
    assert review.title == "Baby Noor (local child safeguarding practice review)"
    assert review.publication_year == 2025


def test_a_cms_entrys_body_and_a_podcasts_key_points(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Body:" holds the account (its date the incident's); "Key points:" holds the learning."""
    page = (f"{NOTE}\n\nConcise Child Practice Review: Cai\nPublished: 20 January 2025\n\nBody:\nCai, a "
            "boy aged two, drowned in a garden pond in July 2023 while his mother was asleep.\n\n"
            "Case Management Review: Child D\nPublished 2023\nChild D, a six-year-old girl, was "
            "strangled by her father in May 2022; she survived.\nKey points:\n- contact changes raise "
            "risk;\n- the school knew of the separation;\n- ask the GP about a parent's depression.\n")
    cai, child_d = reviews_of_page(tmp_path, "entries.txt", page, vocab)
    assert (cai.incident_year, cai.incident_month) == (2023, 7)
    assert len(child_d.learning) == 3


def test_a_typed_review_held_because_another_types_criteria_were_not_met(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """The criteria not met are the statutory review's: this review, of its own type, was held."""
    page = (f'{{"docs": [{{"title": "Multi-agency learning review: Priya", "body": "This review did not '
            'meet the criteria for a local child safeguarding practice review. Priya, aged fifteen, ran '
            f'away from home in June 2024 after years of emotional abuse.", "notice": "{NOTE}"}}]}}')
    (review,) = reviews_of_page(tmp_path, "api.json", page, vocab)
    assert _names([review]) == [["Priya"]]


#: A tracker's cells, each row's lines, laid out in columns of these widths (as a layout
#: writer prints a spreadsheet: a cell's words wrapped within its column).
_WIDTHS = (13, 15, 21, 13, 15, 29, 28, 6)
_ROWS = [[["Ref"], ["Review"], ["Type"], ["Area"], ["Published"], ["What happened"], ["Learning"],
          ["Status"]],
         [["T-01"], ["Child G"], ["Concise Child", "Practice Review"], ["Testshire"], ["November 2022"],
          ["Child G, a 3-year-old girl,", "was scalded in March 2022."],
          ["• Use an interpreter", "every time.", "• Ask who has joined."], ["Open"]],
         [["T-02"], ["Aled"], ["Extended Child", "Practice Review"], ["Testvale"], ["June 2024"],
          ["Aled died in April 2023,", "aged seventeen."],
          ["Moving Aled took him away", "from the youth worker."], ["Closed"]]]


def _laid_out() -> str:
    lines = ["Testshire Board - review tracker (public version)", ""]
    for row in _ROWS:
        for k in range(max(len(cell) for cell in row)):
            cells = ((cell[k] if k < len(cell) else "").ljust(width)
                     for cell, width in zip(row, _WIDTHS, strict=True))
            lines.append("".join(cells).rstrip())
    return "\n".join([*lines, "", " " * 60 + "Page 1 of 1", ""])


_PRINTED = _laid_out()


def test_a_printed_trackers_rows_are_its_rows(tmp_path: Path, vocab: Vocabulary) -> None:
    """A spreadsheet printed to PDF and read laid out: each row a line of tab-parted cells, a
    cell's wrapped lines joined, so that each row is a review with its own learning."""
    lines = columns_as_text(_PRINTED).split("\n")
    assert lines[2].split("\t")[:3] == ["Ref", "Review", "Type"]
    assert lines[3].split("\t")[2] == "Concise Child Practice Review"
    assert lines[3].split("\t")[6] == "• Use an interpreter every time. • Ask who has joined."
    reviews = reviews_of_page(tmp_path, "tracker.txt", _PRINTED + NOTE + "\n", vocab)
    assert _names(reviews) == [["Child G"], ["Aled"]]
    assert [len(r.learning) for r in reviews] == [2, 1]


def test_a_national_review_titled_by_a_question_over_its_publisher(tmp_path: Path, vocab: Vocabulary) -> None:
    """A library's entry for a national review, whose long title asks a question and names no
    child, over "Publisher: ..." and "Area: National": a review of no local area."""
    page = (f"<html><body><h1>New in the library</h1><p>{NOTE}</p><h2>Serious case review: Oscar</h2>"
            "<p>Publisher: Testshire Safeguarding Children Board</p><p>Area: Testshire</p><p>Year: 2018"
            "</p><p>Oscar, a two-month-old boy, was found in May 2017 to have rib fractures.</p>"
            "<h2>Safe at home? National review of serious harm to infants after hospital discharge</h2>"
            "<p>Publisher: Child Safeguarding Practice Review Panel</p><p>Area: National</p><p>Year: 2024"
            "</p><p>A national review of 16 infants who were seriously harmed or died at home after "
            "leaving a neonatal unit.</p></body></html>")
    oscar, national = reviews_of_page(tmp_path, "library.html", page, vocab)
    assert national.title.startswith("Safe at home? National review")
    assert (national.area, national.publication_year) == (None, 2024)
    assert oscar.area == "Testshire"


def test_one_prose_sentence_of_learning_is_one_point(tmp_path: Path, vocab: Vocabulary) -> None:
    """A learning label over one sentence whose one semicolon joins two long clauses: one point
    (a prose paragraph of learning is one); two marked points, or "A; and B", stay two."""
    page = (f"{NOTE}\n\nConcise Child Practice Review: Child M\nChild M, a nine-month-old boy, was injured "
            "by his father in 2022.\nWhat we learned: Dylan's school, his GP and CAMHS each saw his anxiety "
            "getting worse, but each thought another service was leading; nobody asked the child what "
            "help he wanted, and his autism was treated as the explanation for everything.\n\n"
            "Concise Child Practice Review: Child N\nChild N, a girl aged four, was neglected at home "
            "in 2021.\nLearning: (1) exploitation was seen as a lifestyle choice rather than as abuse "
            "of a child; (2) return home interviews were not shared with the school or the police.\n\n"
            "Concise Child Practice Review: Child O\nChild O, a boy aged two, was scalded at home in "
            "2020.\nWhat we learned: universal health services relied too heavily on specialists to tell "
            "them of concerns; and nobody recognised the thresholds for a referral to children's "
            "services.\n")
    reviews = reviews_of_page(tmp_path, "summaries.txt", page, vocab)
    assert [len(r.learning) for r in reviews] == [1, 2, 2]
