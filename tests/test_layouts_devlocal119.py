"""Layouts of devlocal119 (session 85), a second development set of pages made by real
publishing tools: a Nikola blog index whose posts each carry a byline, a date line ("2024-11-05
09:30") and a "Comments" link under their titles (the second post lost its text, and both their
years), a ReportLab annual report whose family review opens "Ava (8), her brother Ben (5) and
their sister Maya (2) lived with ..." (one child, "Family H"), a statement sent by e-mail about
"two sisters, Child F and Child G" (one child), an odfpy newsletter that names its publisher only
in its title property (no area).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import reviews_of_page, zipped

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source


def test_a_posts_date_and_comments_link_stay_inside_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each post's date line and comments link under its title: no heading of their own (the
    second post's text had ended at them), and the date gives the post's year."""
    posts = "".join(f"{title}\n\nSBNI Communications\n\n{day} 10:00\n\nComments\n\n{NOTE}\n\n{text}\n\n"
                    "Learning\n\n• Missed health appointments should be followed up.\n\n"
                    for title, day, text in (
                        ("Case Management Review published: Child U (Western Trust area)", "2025-06-17",
                         "Child U, a ten-year-old girl, was neglected for several years."),
                        ("Case Management Review: Child V (Belfast Trust area)", "2024-11-05",
                         "Child V, a six-month-old boy, suffered fractured ribs that had been inflicted.")))
    child_u, child_v = reviews_of_page(tmp_path, "index.txt", f"News\n\n{posts}", vocab)
    assert (child_u.publication_year, child_v.publication_year) == (2025, 2024)
    assert len(child_v.learning) == 1 and "H-PHYS" in {c.notation for c in child_v.harms}


def test_a_familys_children_listed_at_a_sentences_start(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"{NOTE}\n\n6.3 Family H (multi-agency learning review)\n\nThe partnership commissioned a "
            "multi-agency learning review, published in March 2025. Ava (8), her brother Ben (5) and their "
            "sister Maya (2) lived with domestic abuse between their parents for several years.\n")
    (review,) = reviews_of_page(tmp_path, "report.txt", page, vocab)
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Ava", 96), ("Ben", 60), ("Maya", 24)]


def test_two_children_named_together_in_a_statement(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"{NOTE}\n\nTestshire Safeguarding Board publishes Extended Child Practice Review\n\nTestshire "
            "Safeguarding Board has today published an extended child practice review about two sisters, "
            "Child F and Child G, who were three years old when they were found to be malnourished after "
            "months of neglect.\n")
    (review,) = reviews_of_page(tmp_path, "statement.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Child F", "Child G"]


_CONTENT = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f'<text:p>{NOTE}</text:p><text:h text:outline-level="2">Learning Review: Child Z</text:h>'
            '<text:p>Child Z, aged six, was neglected for two years.</text:p></office:text></office:body>'
            '</office:document-content>')


def _meta(title: str) -> str:
    return ('<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
            f'<dc:title>{title}</dc:title></office:meta></office:document-meta>')


def test_a_documents_title_property_heads_it_when_it_has_no_page_header(tmp_path: Path) -> None:
    """An OpenDocument text with no page header: its title property is its first line (a
    newsletter's publisher); a title a tool filled in by itself (a file's name) is not."""
    (tmp_path / "news.odt").write_bytes(zipped({"mimetype": "application/vnd.oasis.opendocument.text",
                                                "content.xml": _CONTENT,
                                                "meta.xml": _meta("Perth and Kinross Child Protection "
                                                                  "Committee: Spring 2026 newsletter")}))
    text = read_source(tmp_path / "news.odt").text
    assert text.startswith("Perth and Kinross Child Protection Committee: Spring 2026 newsletter\n")
    (tmp_path / "plain.odt").write_bytes(zipped({"mimetype": "application/vnd.oasis.opendocument.text",
                                                 "content.xml": _CONTENT, "meta.xml": _meta("news.odt")}))
    assert "news.odt" not in read_source(tmp_path / "plain.odt").text
