"""Rules written from validation43's pages (session 60), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

#: A learning event's slides as a deck reader lays them out (titles, then bullets), invented.
_DECK = ("Learning from reviews (invented learning event)\n\n"
         "Concise Child Practice Review XYZ 2/2024 – Child K\n\nArea: Powys\n\nPublished May 2024\n\n"
         "Child K – what happened\n\n• Child K, a 14-year-old boy, was treated in hospital in June 2023 "
         "after an overdose.\n\n• He had been waiting six months for a CAMHS appointment.\n\n"
         "Child K – learning\n\n• A waiting list is not a plan.\n\n• Schools hold what others miss.\n\n"
         "Child K – the review makes 3 recommendations\n\n• CAMHS to name a contact for each child "
         "waiting.\n\n• Schools to join every strategy discussion.\n\n• GPs to be reminded of the "
         "pathway.\n\nSpeaker's note: keep to time.\n\n"
         "Extended Child Practice Review XYZ 3/2024 – Nia and Cai\n\nArea: Ceredigion\n\n"
         "Nia and Cai – what happened\n\n• Nia and her brother Cai were found neglected in 2022.\n\n"
         "Nia and Cai – learning\n\n• Weigh babies at every contact.\n")


def test_a_decks_parts_named_by_the_child_are_parts_of_its_review(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """"Child K – what happened", "Child K – learning", "Child K – the review makes 3
    recommendations" under "Concise Child Practice Review XYZ 2/2024 – Child K" are that
    review's parts (and "Nia and Cai – what happened" Nia and Cai's), not reviews of their own."""
    reviews = reviews_of_page(tmp_path, "deck.txt", _DECK, vocab)
    assert [r.title for r in reviews] == ["Concise Child Practice Review XYZ 2/2024 – Child K",
                                          "Extended Child Practice Review XYZ 3/2024 – Nia and Cai"]
    assert [len(r.learning) for r in reviews] == [2, 1]
    assert reviews[1].area == "Ceredigion" and "H-NEG" in {h.notation for h in reviews[1].harms}


def test_a_lists_last_bullet_is_no_heading(tmp_path: Path, vocab: Vocabulary) -> None:
    """"• GPs to be reminded of the pathway." above a speaker's note: the list's last item, not
    a heading that ends the review (its third recommendation was lost)."""
    (first, _) = reviews_of_page(tmp_path, "deck.txt", _DECK, vocab)
    assert [i.text for i in first.recommendations][-1].startswith("GPs to be reminded")
    assert len(first.recommendations) == 3


def test_a_feed_items_date_over_its_area_is_no_title(tmp_path: Path, vocab: Vocabulary) -> None:
    """An RSS item read as its title, its date ("Thu, 16 May 2024 11:00:00 +0000") and its
    "Area:" line: the title heads the review, the date does not; a "Training:" item is none."""
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Board news (invented)</title>'
            "<item><title>Extended Child Practice Review AB 1/2024 – Baby Q</title>"
            "<pubDate>Thu, 16 May 2024 11:00:00 +0000</pubDate><description>&lt;p&gt;Area: Conwy"
            "&lt;/p&gt;&lt;p&gt;Baby Q was five weeks old when she died in 2023.&lt;/p&gt;"
            "</description></item>"
            "<item><title>Training: Child Practice Review learning events – autumn 2024</title>"
            "<pubDate>Thu, 20 Jun 2024 09:00:00 +0000</pubDate><description>Booking is open for "
            "events on neglect.</description></item></channel></rss>")
    (review,) = reviews_of_page(tmp_path, "news.rss", feed, vocab)
    assert review.title == "Extended Child Practice Review AB 1/2024 – Baby Q"
    assert review.area == "Conwy" and review.publication_year == 2024


def test_a_cms_articles_details_and_category_are_no_title(tmp_path: Path, vocab: Vocabulary) -> None:
    """Joomla's article info, "<dt>Details</dt>" over "<dd>Category: Learning reviews</dd>" and
    "<dd>Published: 22 April 2024</dd>": a caption and a field, not the review's title; and its
    sidebar's "Upcoming training" / "• Neglect toolkit briefing" tells of no neglect here."""
    page = ("<html><body><h1>Learning Review – 'Sam'</h1><dl class='article-info'><dt>Details</dt>"
            "<dd>Category: Learning reviews</dd><dd>Published: 22 April 2024</dd><dd>Hits: 31</dd></dl>"
            "<p>A committee has published a learning review about a boy we call Sam (invented).</p>"
            "<h2>What happened</h2><p>Sam, an 11-year-old boy, was seriously injured in 2023 when he was "
            "attacked at home by a large dog.</p><h2>Upcoming training</h2><ul><li>Level 2 course</li>"
            "<li>Neglect toolkit briefing</li></ul></body></html>")
    (review,) = reviews_of_page(tmp_path, "article.html", page, vocab)
    assert review.title == "Learning Review – 'Sam'"
    assert {h.notation for h in review.harms} == {"H-ANIM"}  # ("attacked at home by a large dog")
    assert "H-NEG" not in {m.notation for m in review.mentions}


def test_a_pseudonyms_note_is_no_negation(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Mali, aged nine, and her sister Elan, aged six (not their real names), were sexually
    abused": the note's "not" denies the names, not the abuse."""
    page = ("Annual report (invented)\n\n5.3  Extended Child Practice Review AB 1/2024 - Mali and Elan "
            "(Neath Port Talbot)\n\nMali, aged nine, and her sister Elan, aged six (not their real names), "
            "were sexually abused by a man who lodged with the family between 2021 and 2023.\n")
    (review,) = reviews_of_page(tmp_path, "report.txt", page, vocab)
    assert "H-SA" in {h.notation for h in review.harms}


def test_symptoms_found_to_have_been_fabricated_are_fii(tmp_path: Path, vocab: Vocabulary) -> None:
    """"symptoms that were later found to have been fabricated by her mother": H-FII."""
    page = ("CMR – 'Ada' (invented)\n\nSummary of case\nAda, aged four, had 30 hospital attendances for "
            "symptoms that were later found to have been fabricated by her mother.\n")
    (review,) = reviews_of_page(tmp_path, "cmr.txt", page, vocab)
    assert "H-FII" in {h.notation for h in review.harms}


def test_a_documents_link_and_a_list_of_related_links_are_no_items(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """"• Full report (PDF)" after the recommendations is the report's link, not a fourth one;
    "Related resources" / "• Partnership learning event dates" names no agency of the review."""
    page = ("<html><body><h2>Learning Review – Child Z (invented)</h2><p>Child Z, aged 15, was "
            "sexually abused in 2021.</p><p><strong>The review made three recommendations:</strong></p>"
            "<ol><li>Train staff on communication aids.</li><li>Include youth workers in plans.</li>"
            "<li>Assess every adult who cares for a child.</li></ol><ul><li><a href='r.pdf'>Full report "
            "(PDF)</a></li></ul><h2>Related resources</h2><ul><li><a href='t.pdf'>Thematic review "
            "(PDF, 1MB)</a></li><li><a href='/events'>Partnership learning event dates</a></li></ul>"
            "</body></html>")
    (review,) = reviews_of_page(tmp_path, "page.html", page, vocab)
    assert len(review.recommendations) == 3
    assert "AG-PART" not in {a.notation for a in review.agencies}


def test_twins_share_the_age_the_text_gives_once(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Ffion and her twin brother Deio (not their real names), aged eight months, were admitted
    to hospital ...": both are eight months old, and "her" makes Ffion a girl."""
    page = ("Extended Child Practice Review AB 1/2024 – Ffion and Deio (invented)\n\nFfion and her twin "
            "brother Deio (not their real names), aged eight months, were admitted to hospital in August "
            "2022 severely underweight; doctors concluded that both had been neglected.\n")
    (review,) = reviews_of_page(tmp_path, "deck.txt", page, vocab)
    assert [(c.pseudonym, c.age_months, c.sex) for c in review.children] == [
        ("Ffion", 8, "female"), ("Deio", 8, "male")]


def test_published_today_dates_a_statement_before_an_earlier_reviews_year(tmp_path: Path,
                                                                          vocab: Vocabulary) -> None:
    """A statement "Posted 9 May 2024" whose partnership "today publishes" a review is of 2024,
    though it goes on "An earlier serious case review, published in 2016, concerned ...\""""
    page = ("<html><body><h1>Statement on the publication of a local child safeguarding practice review"
            "</h1><p>Posted 9 May 2024 in Partnership news</p><p>The partnership today publishes a local "
            "child safeguarding practice review about a 12-year-old boy we refer to as Child M "
            "(invented).</p><p>In July 2022 Child M was found with injuries to his face.</p><p>An earlier "
            "serious case review, published in 2016, concerned Child M's older sister.</p></body></html>")
    (review,) = reviews_of_page(tmp_path, "statement.html", page, vocab)
    assert review.publication_year == 2024
