"""Rules written from validation41's pages (session 58), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source


def test_a_news_sites_masthead_is_no_childs_name_and_its_headline_titles_the_review(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """"Wessex Evening Courier" over its top bar ("Wessex Evening Courier Bath 12°C ...") is the
    paper's name, not a child's heading; the headline on what a review found titles the article
    though it names no child ("The girl, called Baby Tia in the review, ..."), published the day
    the byline gives ("a review published today"); a paragraph that opens "In 2016, a serious case
    review in Bath looked at the death of a boy, Oli, ..." tells of another review."""
    page = ('<html><head><title>Toddler\'s burns review finds agencies missed signs | Wessex Evening Courier'
            '</title></head><body><div><a href="/">Wessex Evening Courier</a> Bath 12&deg;C Subscribe</div>'
            "<h1>Toddler's burns review finds agencies missed signs</h1>"
            "<p>By Sam Example · 07:00, 14 MAR 2024</p>"
            "<p>A toddler was badly burned after years of warnings were not joined up, a review "
            "published today says (invented).</p>"
            "<p>The girl, called Baby Tia in the local child safeguarding practice review, was two "
            "when she was scalded in 2023. The review says her injuries were neglect.</p>"
            "<p>In 2016, a serious case review in Bath looked at the death of a boy, Oli, who was "
            "killed by his mother's partner. That review made 9 recommendations.</p></body></html>")
    reviews = reviews_of_page(tmp_path, "news.html", page, vocab)
    assert (reviews[0].title, reviews[0].publication_year) == (
        "Toddler's burns review finds agencies missed signs", 2024)
    assert sorted(c.pseudonym for r in reviews for c in r.children) == ["Baby Tia", "Oli"]


def test_a_contents_entry_stands_for_the_heading_it_lists(tmp_path: Path, vocab: Vocabulary) -> None:
    """A newsletter's "In this issue" / "- Learning review: Isla" is its contents, not the
    review's title: the heading further down ("LEARNING REVIEW: ISLA (ANGUS)") is."""
    page = ("PRACTICE NOTES (invented newsletter)\nIssue 3\n\nIn this issue\n  - A word from the chair\n"
            "  - Learning review: Isla\n  - Training dates\n\nA WORD FROM THE CHAIR\n\nThank you for "
            "coming to our events this spring; your feedback shaped the autumn.\n\n"
            "LEARNING REVIEW: ISLA (ANGUS)\n\nIsla (invented) was 14 when she was sexually exploited "
            "in 2022. She went missing from home many times.\n\nRecommendations:\n  a) Share missing "
            "episodes with schools.\n")
    (review,) = reviews_of_page(tmp_path, "newsletter.txt", page, vocab)
    assert review.title == "LEARNING REVIEW: ISLA (ANGUS)"


def test_a_headings_fields_parted_by_bars_give_the_child_and_the_area(tmp_path: Path,
                                                                    vocab: Vocabulary) -> None:
    """"INV 02/2023 | Concise Child Practice Review | Gwen (4) | Newport": the field that is a
    first name the account names again is the child, with her age; the last field, a place, the
    area (not a council an item asks to act, "Ask Torfaen County Borough Council ...")."""
    part = ("{ref} | Concise Child Practice Review | {name} | {area}\nPublished 1 May 2024\n\n"
            "{bare} fell from a window in 2022 and fractured her skull (invented).\n\n"
            "What the Board will do\n 1. Ask Torfaen County Borough Council to fit restrictors.\n\n")
    page = ("INVENTED BOARD – CHILD PRACTICE REVIEWS\n\n"
            + part.format(ref="INV 02/2023", name="Gwen (4)", bare="Gwen", area="Newport")
            + part.format(ref="INV 03/2023", name="Rhian", bare="Rhian", area="Caerphilly"))
    reviews = reviews_of_page(tmp_path, "reviews.txt", page, vocab)
    assert [(r.area, [(c.pseudonym, c.age_months) for c in r.children]) for r in reviews] == [
        ("Newport", [("Gwen", 48)]), ("Caerphilly", [("Rhian", None)])]


def test_a_notes_case_heading_heads_its_account(tmp_path: Path, vocab: Vocabulary) -> None:
    """A researcher's note: a record's fields, then "Case" over the account: the account is the
    review's (a bare "Case" was taken for a section that ended it, and every fact was lost)."""
    page = ("# Extraction notes (invented)\n\n## LCSPR – Child Ivo (Suffolk)\n\n**Type:** local child "
            "safeguarding practice review\n**Published:** March 2024\n\n#### Case\n\nIvo (boy, aged "
            "three) swallowed his mother's methadone in June 2023 and was treated in hospital.\n\n"
            "#### Learning\n\n- Safe storage was never checked at home.\n\n"
            "## Multi-agency learning review – Lyra (Norfolk)\n\nLyra, aged 12 (invented), was hit by "
            "her stepfather in 2023.\n\nLearning:\n- Her school's concerns were not followed up.\n")
    review, _ = reviews_of_page(tmp_path, "notes.md", page, vocab)
    assert [h.notation for h in review.harms] == ["H-INGEST"]
    assert review.children[0].age_months == 36


def test_each_childs_age_in_brackets_in_the_heading(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("<h2>Local child safeguarding practice review: Child A (6) and Child B (3)</h2>"
            "<p>Published: May 2024</p><p>This review is about two brothers (invented) who were hit by "
            "their mother's partner in 2023.</p>")
    (review,) = reviews_of_page(tmp_path, "reviews.html", page, vocab)
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child A", 72), ("Child B", 36)]


def test_young_person_and_a_first_name_is_a_pseudonym(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("Significant Case Review – Young Person Eilidh (published May 2019)\n\nEilidh (invented) "
            "was sexually abused by a relative over several years.\n\nWhat we learned\n\nThe review "
            "found that the question “who else stays here?”\nwas rarely asked, and that her changes in "
            "behaviour were treated as a discipline matter.\n")
    (review,) = reviews_of_page(tmp_path, "reviews.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Young Person Eilidh"]
    assert len(review.learning) == 1  # (a quoted question inside the sentence does not end it)


def test_a_board_or_committee_addressed_and_a_welsh_health_board(tmp_path: Path, vocab: Vocabulary) -> None:
    """"The Board should ...", "The Committee should ..." address the safeguarding partnership
    (FORMAT.md); "Hywel Dda University Health Board" is a health service; "Ysbyty Gwynedd" a
    hospital."""
    page = ("Concise Child Practice Review – Baby Cai (Gwynedd)\n\nBaby Cai (invented) was taken to Ysbyty "
            "Gwynedd with a fractured arm in 2023; the injury was non-accidental.\n\nRecommendations\n"
            "1. The Board should publish a briefing.\n2. Hywel Dda University Health Board should "
            "review its records.\n3. The Committee should audit referrals.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert {"AG-PART", "AG-HEALTH", "AG-HOSP"} <= {a.notation for a in review.agencies}


def test_a_records_partnership_field_is_no_agency_of_the_case(tmp_path: Path, vocab: Vocabulary) -> None:
    """An export's "Partnership: ..." says whose review it is, as "Published by" does: the
    partnership took no part in the case for that."""
    page = ('[{"title": "Learning review: Child Uma", "partnership": "Invented Safeguarding Children '
            'Partnership", "summary": "Child Uma (invented), aged 2, was neglected at home in 2022. '
            'Her GP had seen her twice."}]')
    (review,) = reviews_of_page(tmp_path, "export.json", page, vocab)
    assert {a.notation for a in review.agencies} == {"AG-GP"}


def test_a_paramilitary_style_attack_is_extra_familial_and_physical_harm(tmp_path: Path,
                                                                         vocab: Vocabulary) -> None:
    page = ("Case Management Review: Ronan (invented)\n\nRonan was 16 when he was shot in both legs in a "
            "paramilitary-style attack in 2023, after he was pressured into selling cannabis to pay a "
            "debt.\n")
    (review,) = reviews_of_page(tmp_path, "cmr.txt", page, vocab)
    assert {"H-EXT", "H-PHYS"} <= {h.notation for h in review.harms}


def test_an_archives_finding_aid_reads_each_file_as_a_record(tmp_path: Path, vocab: Vocabulary) -> None:
    """An EAD finding aid: the files (components with none under them) are the records, with
    their list items and index terms; the collection and its series are described by them."""
    ead = ('<?xml version="1.0"?><ead><eadheader><eadid>INV1</eadid></eadheader><archdesc level="fonds">'
           "<did><unittitle>Records of an invented board</unittitle><origination><corpname>Invented "
           "Safeguarding Children Board</corpname></origination></did><scopecontent><p>Serious case "
           "review reports.</p></scopecontent><dsc><c01 level=\"series\"><did><unittitle>Serious case "
           "reviews</unittitle></did><c02 level=\"file\"><did><unittitle>Serious case review: Child Zac"
           '</unittitle><unitdate datechar="publication">2015</unitdate></did><scopecontent><p>Child Zac, '
           "aged 9, was neglected at home in 2013.</p><p>Learning:</p><list><item>his school's concerns "
           "were not shared;</item><item>missed appointments were not followed up.</item></list>"
           "</scopecontent><controlaccess><subject>Neglect</subject></controlaccess></c02></c01></dsc>"
           "</archdesc></ead>")
    text = read_source(_write(tmp_path / "catalogue.xml", ead)).text
    assert "Records of an invented board" not in text and "Keywords: Neglect" in text
    (review,) = reviews_of_page(tmp_path, "catalogue.xml", ead, vocab)
    assert review.title == "Serious case review: Child Zac" and review.publication_year == 2015
    assert len(review.learning) == 2


def test_a_catalogues_record_of_an_annual_report_is_no_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """A library's record of a board's annual report names no child, though it counts the case
    management review notifications of the year: no review; the CMR's record beside it is one."""
    page = ('[{"title": "Invented Board Annual Report 2022-23", "type": "Annual report", "summary": "The '
            'annual report, with the number of case management review notifications received (9)."},'
            ' {"title": "Case Management Review – Child W", "summary": "Child W (invented), aged 4, was '
            'neglected at home in 2021."}]')
    reviews = reviews_of_page(tmp_path, "catalogue.json", page, vocab)
    assert [r.title for r in reviews] == ["Case Management Review – Child W"]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
