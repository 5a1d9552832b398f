"""(session 75) A Google Alerts e-mail saved as text: each item is a news story (headline,
paper, snippet, the alert's flag link and the story's address).  Read as plain text, the stories
ran together and only the one that named its child was found (validation11: 1 of 3 reviews).

The digest below is invented test data; its children are neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.captures import alert_items, is_alert_digest
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

DIGEST = """[Invented test page for casegraph - not a real alert]
From: Google Alerts <googlealerts-noreply@google.com>
Subject: Google Alert - "practice review"

=====================================================================
Google Alerts
"practice review"
Daily update · 4 March 2025
=====================================================================

NEWS
---------------------------------------------------------------------

Review finds warnings were missed before toddler's death
Testshire Evening Gazette
A local child safeguarding practice review published today by the Testshire Safeguarding
Children Partnership found that agencies missed chances to protect a two-year-old boy, known
as Child K, who died from a head injury in 2023 ...
[Flag as irrelevant]
<https://www.google.com/url?rct=j&sa=t&url=https://example.org/news/child-k>

Council wins award for its libraries
Testshire Evening Gazette
The council's libraries were praised by judges for their reading schemes ...
[Flag as irrelevant]
<https://www.google.com/url?rct=j&sa=t&url=https://example.org/news/libraries>

Board publishes review into teenager's exploitation
Westshire Courier
... a child practice review by the Westshire Safeguarding Board into the care of Child L, a
15-year-old girl who was sexually exploited by adult men in 2022 ...
[Flag as irrelevant]
<https://www.google.com/url?rct=j&sa=t&url=https://example.org/news/child-l>

---------------------------------------------------------------------
WEB
---------------------------------------------------------------------

No new results.
"""


def test_each_story_of_an_alert_is_a_record() -> None:
    items = alert_items(DIGEST)
    assert [i["title"] for i in items] == ["Review finds warnings were missed before toddler's death",
                                           "Council wins award for its libraries",
                                           "Board publishes review into teenager's exploitation"]
    assert {i["date"] for i in items} == {"4 March 2025"}
    assert items[2]["snippet"].startswith("... a child practice review by the Westshire")
    assert not any("google.com" in str(v) or "Flag as" in str(v) for i in items for v in i.values())


def test_an_alert_saved_as_text_gives_each_review_and_no_other_story(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    page = tmp_path / "alert.txt"
    page.write_text(DIGEST, encoding="utf-8")
    assert read_source(page).media_type == "text/x-google-alerts"
    reviews = extract_reviews([page], vocab)[0]
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Child K"], ["Child L"]]
    assert [r.publication_year for r in reviews] == [2025, 2025]


def test_text_that_only_quotes_an_alert_line_is_plain_text() -> None:
    assert not is_alert_digest("Notes from the team meeting.\n[Flag as irrelevant]\nNo alerts today.\n")


def test_an_alert_copied_without_its_rules_still_starts_at_its_first_story() -> None:
    """An alert copied from its HTML part keeps no rules: its header ends at its date line."""
    bare = "\n".join(ln for ln in DIGEST.splitlines() if not set(ln) <= set("=-") and ln != "NEWS")
    items = alert_items(bare)
    assert items[0]["title"] == "Review finds warnings were missed before toddler's death"
    assert len(items) == 3
