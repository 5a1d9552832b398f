"""Rules written from validation42's pages (session 59), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

import json
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source


def test_reviews_introduced_in_speech_are_told_apart(tmp_path: Path, vocab: Vocabulary) -> None:
    """A webinar's captions and a podcast's transcript introduce each review in a sentence
    ("The first is a learning review ... The child is called Isla", "OK. The second review is
    older. ... a baby the review calls Rhys"): two reviews, the second told to the page's end,
    and the sign-off ("Thanks everyone, and see you soon.") no keywords."""
    page = ("Welcome to the lunchtime session (invented).\n\n"
            "The first is a learning review from Angus, published in May 2024. The child is called "
            "Isla in the review.\n\nIsla was 12 when she was sexually abused by a lodger in 2022.\n\n"
            "OK. The second review is older. It is the significant case review from Fife, published "
            "in 2019, about a baby the review calls Rhys.\n\nRhys was four months old when he died in "
            "2017 after swallowing methadone.\n\nThanks everyone, and see you soon.\n")
    reviews = reviews_of_page(tmp_path, "webinar.txt", page, vocab)
    assert [c.pseudonym for r in reviews for c in r.children] == ["Isla", "Rhys"]
    assert [r.area for r in reviews] == ["Angus", "Fife"]  # ("the ... review from Fife")
    assert "H-DEATH" not in {h.notation for h in reviews[0].harms}
    assert reviews[1].keywords == []


def test_a_hosts_question_introduces_the_review_its_answer_names(tmp_path: Path, vocab: Vocabulary) -> None:
    """"[03:10] HOST: The second review is from Powys, isn't it?" over the guest's answer that
    names the child ("... about a young person called Q"): the review is Q's, not the first's."""
    page = ("Podcast transcript (invented)\n\n[00:40] GUEST: The first one is the review we\n"
            "published in 2021 about a little boy we called Child B. He was two when he\n"
            "was scalded in 2019.\n\n[03:10] HOST: The second review is from Powys, isn't it?\n\n"
            "[03:13] GUEST: Yes, published in 2022 about a young person called Q. She\n"
            "was fifteen when she was stabbed in 2020.\n")
    reviews = reviews_of_page(tmp_path, "podcast.txt", page, vocab)
    assert [c.pseudonym for r in reviews for c in r.children] == ["Child B", "Q"]
    assert reviews[1].area == "Powys"  # ("The second review is from Powys")


def test_a_briefings_what_this_means_for_you_is_no_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    """"6. What this means for you" after the learning holds what the reader should do: not the
    review's learning a second time."""
    page = ("Seven-minute briefing (invented): Child V\n\n1. Background\n\nChild V was 3 when she was "
            "burned in 2022.\n\n2. What we learned\n\n• Learning one.\n• Learning two.\n\n"
            "3. What this means for you\n\n• Ask who lives in the house.\n• Check the smoke alarms.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert [i.text for i in review.learning] == ["Learning one", "Learning two"]


def test_a_plain_text_briefings_parts_numbered_with_a_bar_are_its_labels(tmp_path: Path,
                                                                          vocab: Vocabulary) -> None:
    """"1 | BACKGROUND", "2 | WHY IT MATTERS", "3 | WHAT WE LEARNED": a briefing's parts; its
    learning is the numbered points under the third, and "why it matters" no case fact."""
    page = ("7 MINUTE BRIEFING (invented)\nLocal Child Safeguarding Practice Review – Child Y\n\n"
            "1 | BACKGROUND\n\nChild Y is a 15-year-old girl who was sexually abused in 2023.\n\n"
            "2 | WHY IT MATTERS\n\nChildren who are criminally exploited are often missed.\n\n"
            "3 | WHAT WE LEARNED\n\n  1. Tell the host area.\n  2. Treat missing episodes urgently.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert [i.text for i in review.learning] == ["Tell the host area", "Treat missing episodes urgently"]
    assert "RF-CCE" not in {r.notation for r in review.risk_factors}


def test_a_headings_permalink_mark_is_no_word_of_it(tmp_path: Path, vocab: Vocabulary) -> None:
    """Sphinx and MkDocs put a "¶" link in every heading; "What the review found¶" is then no
    label of the review's findings."""
    page = ('<html><body><h1>Learning from reviews<a class="headerlink" href="#top">¶</a></h1>'
            '<h2>Learning review: Ewan<a class="headerlink" href="#ewan">¶</a></h2>'
            "<p>Ewan (invented) was 16 when he died in 2023 after taking street drugs.</p>"
            '<h3>What the review found<a class="headerlink" href="#found">¶</a></h3>'
            "<ul><li>Referrals closed when he missed appointments.</li><li>His school place ended.</li></ul>"
            "</body></html>")
    (review,) = reviews_of_page(tmp_path, "guide.html", page, vocab)
    assert review.title == "Learning review: Ewan" and len(review.learning) == 2


def test_a_newsletters_nested_layout_tables_are_its_blocks() -> None:
    """An e-mail newsletter lays its page out in tables whose cells hold more tables (Mailchimp's
    ``templateContainer`` around ``mcnTextBlock``): its headings and paragraphs stay lines of
    their own, not one table row."""
    from casegraph.ingest.sources import html_to_text

    block = "<table class='mcnTextBlock'><tr><td><h2>{h}</h2><p>{p}</p></td></tr></table>"
    page = ("<table class='templateContainer'><tr><td>"
            + block.format(h="Review: Child A", p="Child A was hurt.")
            + "</td><td>" + block.format(h="Training", p="Book now.") + "</td></tr></table>")
    lines = [ln for ln in html_to_text(page).split("\n") if ln]
    assert lines == ["Review: Child A", "Child A was hurt.", "Training", "Book now."]


def test_a_count_of_recommendations_before_the_few_shown_is_no_item(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    page = ("<h2>Learning review: Ailsa</h2><p>Ailsa (invented) was 15 when she died in 2023.</p>"
            "<h3>Recommendations</h3><p>The Committee accepted all six recommendations; two are summarised "
            "here.</p><ul><li>Do one thing.</li><li>Do another thing.</li></ul>")
    (review,) = reviews_of_page(tmp_path, "page.html", page, vocab)
    assert [i.text for i in review.recommendations] == ["Do one thing", "Do another thing"]


def test_a_published_line_gives_the_place_after_its_bar(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("**LCSPR – Baby Lena**\n\nPublished: 03/04/2024 | Sandwell\n\nBaby Lena (invented) was six "
            "weeks old when she was injured in 2023.\n")
    (review,) = reviews_of_page(tmp_path, "note.md", page, vocab)
    assert review.area == "Sandwell"


def test_a_heading_ending_in_two_first_names_heads_their_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Extended Child Practice Review XB 4/2023: Nia and Osian (Gwynedd)" after another review:
    a review of its own, its children the two names, its area the bracketed place."""
    page = ("<h1>Practice update (invented)</h1>"
            "<h2>Concise Child Practice Review XB 1/2024: Child T (Conwy)</h2>"
            "<p>Child T was two when he was burned in 2022.</p>"
            "<h2>Extended Child Practice Review XB 4/2023: Nia and Osian (Gwynedd)</h2>"
            "<p>Nia, who was 9, and her brother Osian, who was 6, lived with their parents in a rural home. "
            "Their father was controlling towards their mother, who was isolated from her family, and the "
            "children were not seen by any professional for two years before 2023.</p>"
            "<p>The review found that both children had suffered neglect.</p>")
    reviews = reviews_of_page(tmp_path, "update.html", page, vocab)
    assert [(r.area, [c.pseudonym for c in r.children]) for r in reviews] == [
        ("Conwy", ["Child T"]), ("Gwynedd", ["Nia", "Osian"])]


def test_swallowing_a_number_of_tablets_is_ingestion(tmp_path: Path, vocab: Vocabulary) -> None:
    page = ("Review: Child W (invented)\n\nChild W was two when he was taken to hospital in 2022 after "
            "swallowing a number of his mother's prescribed sleeping tablets.\n")
    (review,) = reviews_of_page(tmp_path, "review.txt", page, vocab)
    assert "H-INGEST" in {h.notation for h in review.harms}


def test_a_slack_channels_day_is_read_as_its_messages(tmp_path: Path) -> None:
    """A Slack export's day file: each message's text as the channel shows it (bold, links and
    emoji codes undone), the workspace's notices and the member profiles left out."""
    messages = [
        {"type": "message", "ts": "1716284937.5", "user": "U1",
         "text": "Live today :tada:\n*CPR – Child Z*\nRead <https://example.org/z|the summary> &amp; share.",
         "user_profile": {"real_name": "Invented Person"}},
        {"type": "message", "subtype": "channel_join", "ts": "1716290003.0",
         "text": "<@U2> has joined the channel"},
        {"type": "message", "ts": "1716281402.1", "user": "U2", "text": "Earlier message."},
    ]
    page = tmp_path / "general-2024-05-21.json"
    page.write_text(json.dumps(messages))
    lines = [ln for ln in read_source(page).text.split("\n") if ln]
    assert lines == ["Earlier message.", "Live today", "CPR – Child Z", "Read the summary & share."]
