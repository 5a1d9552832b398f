"""Layouts of devlocal118 (session 85), a development set of pages that real publishing tools
made: a committee's briefing as Sanity Portable Text (its blocks had been read as records, and
"Style: normal" became five reviews), a bulletin sent by e-mail whose plain part only points to
its HTML one (two reviews missed), a Pelican post's "Concise Child Practice Review: E and F
(Swansea)" (a review missed), an RSS item's "Serious Case Review: Family J" whose account lists
"three children: Amy (9), Leo (6) and their baby brother Sam (seven months)" (one child,
"Family J"), a Hexo index whose articles' tags stand in their footers (no keywords).

Every page here is INVENTED test data, its children neutral pseudonyms."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

from support import RULE_PAGE_NOTE as NOTE
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.publishing import portable_text_html
from casegraph.ingest.sources import email_to_text, html_to_text


def _block(text: str, style: str = "normal", list_item: str | None = None,
           marks: tuple[str, ...] = ()) -> dict:
    block = {"_type": "block", "_key": "k", "style": style, "markDefs": [],
             "children": [{"_type": "span", "_key": "s", "marks": list(marks), "text": text}]}
    return {**block, "listItem": list_item, "level": 1} if list_item else block


_BRIEFING = {"query": "*[_type == 'briefing'][0]", "params": {}, "ms": 12, "result": {
    "_id": "briefing-1", "_type": "briefing", "_rev": "r1", "title": "Learning from reviews",
    "slug": {"_type": "slug", "current": "learning"}, "publisher": "Testshire Child Protection Committee",
    "notice": NOTE, "body": [
        _block("Learning Review: Child F", "h2"),
        _block("Child F, a 13-year-old boy, drowned in a river in July 2024."),
        _block("What we learned", "h3"),
        _block("His drinking was seen as normal for his age.", list_item="bullet"),
        _block("His school did not know his parents had separated.", list_item="bullet"),
        {"_type": "image", "_key": "i", "asset": {"_ref": "image-1"}},
        _block("Area:", marks=("strong",))]}}


def test_portable_text_is_the_page_it_renders(tmp_path: Path, vocab: Vocabulary) -> None:
    """Headings by their style, a run of list items one list, bold kept, an image no words;
    the document's title and publisher over its body; no "Style: normal" record."""
    page = portable_text_html(_BRIEFING)
    assert page is not None
    assert "<h1>Learning from reviews</h1>" in page and "<h2>Learning Review: Child F</h2>" in page
    assert "<ul>\n<li>His drinking was seen as normal for his age.</li>\n<li>" in page
    assert "<b>Area:</b>" in page and "image-1" not in page
    assert portable_text_html({"result": {"body": [{"text": "no type"}]}, "query": "q"}) is None
    text = html_to_text(page)
    assert "Style" not in text and "Testshire Child Protection Committee" in text
    (review,) = reviews_of_page(tmp_path, "briefing.json", json.dumps(_BRIEFING), vocab)
    assert [c.pseudonym for c in review.children] == ["Child F"] and len(review.learning) == 2


def test_a_mails_plain_part_that_only_points_to_its_html_gives_way() -> None:
    """A plain alternative of a few words beside an HTML one that holds the bulletin: the HTML
    is the message.  A plain part that says what the HTML says stays what is read."""
    bulletin = ("<h2>Concise Child Practice Review: Child V</h2><p>" + "Child V, a 15-year-old girl, went "
                "missing from her children's home more than twenty times. " * 6 + f"</p><p>{NOTE}</p>")
    message = EmailMessage()
    message["From"], message["Subject"] = "Unit <unit@example.org>", "Learning bulletin"
    message.set_content("This message is best viewed as HTML. View it online: https://example.org/b")
    message.add_alternative(bulletin, subtype="html")
    text = email_to_text(message.as_string())
    assert "Concise Child Practice Review: Child V" in text and "best viewed as HTML" not in text
    same = EmailMessage()
    same["From"], same["Subject"] = "Unit <unit@example.org>", "Learning bulletin"
    same.set_content("Plain words of the bulletin, as its writer typed them for text readers.")
    same.add_alternative("<p>Plain words of the bulletin, in HTML.</p>", subtype="html")
    assert "as its writer typed them" in email_to_text(same.as_string())


def test_children_by_letters_after_a_types_label_and_a_place(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"Two child practice reviews published\n\n{NOTE}\n\nExtended Child Practice Review: Child T "
            "(Neath Port Talbot)\n\nChild T was four years old when she was admitted to hospital with a "
            "fractured arm.\n\nConcise Child Practice Review: E and F (Swansea)\n\nE, a seven-year-old boy, "
            "and his sister F, aged five, were taken into care after a long period of neglect.\n")
    child_t, e_and_f = reviews_of_page(tmp_path, "post.txt", page, vocab)
    assert [c.pseudonym for c in e_and_f.children] == ["E", "F"] and e_and_f.area == "Swansea"
    assert "H-NEG" not in {c.notation for c in child_t.harms}


def test_a_familys_children_listed_with_their_ages(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"{NOTE}\n\nSerious Case Review: Family J\n\nThis serious case review concerns three children: "
            "Amy (9), Leo (6) and their baby brother Sam (seven months). In 2017 the children were found "
            "living in a house with no heating and little food.\n")
    (review,) = reviews_of_page(tmp_path, "feed.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Amy", "Leo", "Sam"]
    assert [c.age_months for c in review.children][:2] == [108, 72]


def test_an_articles_tags_and_date_in_its_footer_are_kept() -> None:
    """Hexo's article footer: its tag list kept as a "Tags:" line; Pelican's "post-info" footer:
    its date as a "Published:" line; a site's tag cloud outside any article, the footer's share
    link and the page's own footer are not."""
    page = ("<html><body><article><h1>Significant Case Review: Baby Z</h1><p>Baby Z was injured.</p>"
            "<footer class='article-footer'><a class='article-share-link'>Share</a>"
            "<ul class='article-tag-list' itemprop='keywords'><li><a rel='tag' href='/tags/a/'>head injury"
            "</a></li><li><a rel='tag' href='/tags/b/'>significant case review</a></li></ul></footer>"
            "</article>"
            "<aside><ul class='tag-list' itemprop='keywords'><li><a href='/tags/c/'>suicide</a></li></ul>"
            f"</aside><p>{NOTE}</p></body></html>")
    text = html_to_text(page)
    assert "Tags: head injury; significant case review" in text
    assert "suicide" not in text and "Share" not in text
    post = ("<html><body><article><h1>Two reviews published</h1><footer class='post-info'>"
            "<abbr class='published' title='2025-11-18T10:00:00+00:00'>Published: Tue 18 November 2025</abbr>"
            "<address>By the Board</address></footer><p>The Board has published two reviews.</p></article>"
            "<footer id='contentinfo'><p>Powered by Pelican. Copyright 2025.</p></footer></body></html>")
    text = html_to_text(post)
    assert "Published: Tue 18 November 2025" in text and "Powered by" not in text


def test_a_count_naming_the_bodies_it_is_for_is_no_recommendation(tmp_path: Path,
                                                                  vocab: Vocabulary) -> None:
    """"The Panel made 11 recommendations to government and national bodies, including the
    Department for Education and the Ministry of Justice.": a count and whom for, no
    recommendation (FORMAT.md counts none); "3 RECOMMENDATIONS, INCLUDING RE-LAUNCH OF THE
    BRUISING PROTOCOL" (a register in capitals) names one, and stays one."""
    page = (f"{NOTE}\n\nNational review: Child W (Testshire)\n\nChild W, aged two, died of injuries "
            "inflicted by his mother's partner.\n\nThe Panel made 11 recommendations to government and "
            "national bodies, including the Department for Education and the Ministry of Justice.\n")
    (review,) = reviews_of_page(tmp_path, "handbook.txt", page, vocab)
    assert review.recommendations == []
    register = (f"{NOTE}\n\nLocal Child Safeguarding Practice Review: Baby K\n\nBaby K, aged four months, "
                "had bruising inflicted by her father.\n\nRecommendations: 3 RECOMMENDATIONS, INCLUDING "
                "RE-LAUNCH OF THE BRUISING PROTOCOL WITH GP PRACTICES.\n")
    (review,) = reviews_of_page(tmp_path, "register.txt", register, vocab)
    assert len(review.recommendations) == 1


def test_a_statements_help_box_rows_are_no_recommendations(tmp_path: Path, vocab: Vocabulary) -> None:
    page = (f"{NOTE}\n\nLocal Child Safeguarding Practice Review: Child B\n\nChild B, aged two, drowned in "
            "a garden pond.\n\nRecommendations\n\nThe partnership should revise its neglect strategy.\n\n"
            "Health visitors should give water safety advice at the 12-month review.\n\n"
            "| Media enquiries | press@example.org |\n\n| Worried about a child? | Call 0000 000 0000 |\n")
    (review,) = reviews_of_page(tmp_path, "statement.txt", page, vocab)
    assert len(review.recommendations) == 2
