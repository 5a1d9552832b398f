"""Rules from validation56's misses (session 73), each on an invented page of the same form (the
pages here are INVENTED test data, with neutral pseudonyms; real area names appear only as
areas): a blog's home page whose posts' titles are links, a statement with a quick-exit
button, a news agency's ninjs item, a podcast's and a practice note's names for the learning, a
log's "CMR ref" column, and an annual report's "Completed ...; published ..." line."""

from __future__ import annotations

import json
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source


def _post(slug: str, title: str, body: str) -> str:
    """One post on a Hexo home page (the landscape theme's markup)."""
    return (f'<article id="post-{slug}" class="h-entry article article-type-post">'
            f'<div class="article-meta"><a href="/2024/05/20/{slug}/" class="article-date">'
            '<time class="dt-published" datetime="2024-05-20T09:15:00.000Z">2024-05-20</time></a></div>'
            '<div class="article-inner"><header class="article-header"><h1 itemprop="name">'
            f'<a class="p-name article-title" href="/2024/05/20/{slug}/">{title}</a></h1></header>'
            f'<div class="e-content article-entry">{body}</div></div></article>')


#: An invented blog home page: two review posts, each titled by a link to itself.
BLOG = ("<!DOCTYPE html><html><head><title>Practice Learning (INVENTED test page)</title></head><body>"
        '<header id="header"><a href="/" id="logo">Practice Learning</a><nav><a href="/">Home</a>'
        '<a href="/archives">Archives</a></nav></header><section id="main">'
        + _post("learning-review-child-p", "Learning Review: Child P",
                "<h2>What happened</h2><p>Child P was eight years old when she was taken into emergency "
                "care in September 2022. The review found that she had experienced neglect over several "
                "years.</p><h2>Key learning</h2><ul><li>Poor school attendance is often the first sign "
                "of neglect.</li><li>Chronologies should span the whole plan.</li></ul>")
        + _post("learning-review-jon", "Learning Review: Jon",
                "<h2>What happened</h2><p>Jon (not his real name) was 17 when he died in July 2023 after "
                "taking street drugs. He had been reported missing more than 30 times.</p>"
                "<h2>What the review found</h2><p>Services lacked a shared plan for his drug use.</p>")
        + "</section></body></html>")


def test_a_blog_home_pages_posts_are_read_apart(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each post's title (a link to the post, in the article's header) heads its review: before,
    the article headers were dropped as site chrome, and the second review took the first's
    account, its child's age and its facts."""
    reviews = reviews_of_page(tmp_path, "blog.html", BLOG, vocab)
    assert [r.title for r in reviews] == ["Learning Review: Child P", "Learning Review: Jon"]
    assert [[(c.pseudonym, c.age_months) for c in r.children] for r in reviews] == [
        [("Child P", 96)], [("Jon", 204)]]
    assert [(r.incident_year, r.incident_month) for r in reviews] == [(2022, 9), (2023, 7)]
    assert len(reviews[0].learning) == 2


#: An invented partnership statement: a page title unlike its heading, a skip link and a
#: quick-exit button above the site's header, a bold lead paragraph (on one line: the backslashes
#: join the source's lines).
STATEMENT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Statement: local child safeguarding practice review published | Invented Safeguarding Children \
Partnership</title></head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<div class="exit"><a href="https://www.example.com/weather">Leave this site quickly</a></div>
<header class="site-header"><a class="logo" href="/">Invented Safeguarding Children Partnership</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<nav class="crumbs"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Statement</nav>
<main id="main">
<h1>Statement on the publication of a local child safeguarding practice review</h1>
<p class="posted">Posted on 14 May 2024</p>
<p><strong>Invented Safeguarding Children Partnership has today published a local child safeguarding \
practice review about a three-year-old boy whom the review calls Sam (not his real name).</strong></p>
<p>In 2022 Sam was admitted to hospital weighing less than a typical 18-month-old child. Doctors found
that he had suffered significant neglect.</p>
</main>
<footer><p>&copy; Invented Safeguarding Children Partnership. INVENTED test page.</p></footer>
</body></html>"""


def test_a_quick_exit_button_is_page_furniture(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Leave this site quickly" is a button, not a review's account: the page is one review
    (before, the page title's line, with the button's words as its text, was a second)."""
    reviews = reviews_of_page(tmp_path, "statement.html", STATEMENT, vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Sam"]]


#: An invented ninjs 2.0 item from a news agency.
NINJS = {
    "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json",
    "uri": "urn:newsml:example.com:20240918:invented-review:1", "type": "text",
    "firstcreated": "2024-09-18T09:12:00Z", "located": "Wrexham",
    "headlines": [{"role": "main", "value": "Review into boy's death finds missed chances (INVENTED)"},
                  {"role": "short", "value": "Child review published"}],
    "descriptions": [{"role": "summary", "value": "A child practice review says agencies missed chances."}],
    "bodies": [{"role": "main", "contenttype": "text/html", "charcount": 200,
                "value": "<p>The boy, known as Child V, died in hospital in March 2023 from sepsis.</p>"
                         "<p>The review found that:</p><ul><li>declined visits were accepted without asking "
                         "why;</li><li>agencies did not share a single picture of his health.</li></ul>"},
               {"role": "main", "contenttype": "text/plain", "charcount": 200,
                "value": "The boy, known as Child V, died in hospital in March 2023 from sepsis."}],
}


def test_a_ninjs_item_reads_as_its_story(tmp_path: Path, vocab: Vocabulary) -> None:
    """A ninjs item reads as its story: the main headline, the place and date it was filed, its
    summary, then its HTML body once (before: read as records, the body's "Role: main" was a
    review of its own and the headline was lost)."""
    page = tmp_path / "item.json"
    page.write_text(json.dumps(NINJS), encoding="utf-8")
    lines = read_source(page).text.splitlines()
    assert lines[:3] == ["Review into boy's death finds missed chances (INVENTED)", "",
                         "Wrexham, 18 September 2024"]
    assert read_source(page).text.count("known as Child V") == 1
    reviews = reviews_of_page(tmp_path, "item.json", json.dumps(NINJS), vocab)
    assert [[c.pseudonym for c in r.children] for r in reviews] == [["Child V"]]
    assert [r.publication_year for r in reviews] == [2024]


def test_the_learning_under_a_podcasts_and_a_practice_notes_words(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Learning discussed in this episode" (a podcast's show notes) and "What practitioners
    should take from it" (a practice note) are over the learning (before: 0 learning)."""
    for title in ("Learning discussed in this episode", "What practitioners should take from it"):
        text = ("Learning Review – Child Q (Invented Area)\n\n"
                "Published September 2024. INVENTED test page.\n\n"
                "Child Q was 11 months old when he was admitted to hospital in April 2023.\n\n"
                f"{title}\n\n- Follow up missed appointments with a visit.\n- Share concerns about a "
                "mother's low mood.\n- Plot faltering weight and act on it.\n")
        reviews = reviews_of_page(tmp_path, "notes.txt", text, vocab)
        assert [len(r.learning) for r in reviews] == [3], title


def test_a_logs_column_named_for_the_type_gives_the_type(tmp_path: Path, vocab: Vocabulary) -> None:
    """A log's "CMR ref: CMR 04/22" field (a Base table's CMR_REF column) says it is a case
    management review (before: no type)."""
    rows = [{"ID": 1, "CMR_REF": "CMR 04/22", "CASE_NAME": "Ava", "DATE_PUBLISHED": "2024-02-12",
             "SUMMARY": "Ava (not her real name), a four-year-old girl, was seriously injured in May 2022. "
                        "INVENTED test record."}]
    reviews = reviews_of_page(tmp_path, "log.json", json.dumps(rows), vocab)
    assert [r.review_type.notation if r.review_type else None for r in reviews] == ["RT-CMR"]


def test_a_completion_and_a_publication_on_one_line(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Completed November 2023; published February 2024." is published in 2024 (before:
    2023, the completion's); "Completed November 2023." alone is the report's date, as before."""
    for line, year in (("Completed November 2023; published February 2024.", 2024),
                       ("Completed November 2023.", 2023)):
        text = (f"Invented Committee Annual Report (INVENTED test page)\n\n5.2 Learning Review – Child F\n\n"
                f"  {line}\n\nChild F, aged five, was admitted to hospital in June 2023.\n\n"
                "Learning identified by the review:\n\n  (a) Record low-level concerns.\n")
        reviews = reviews_of_page(tmp_path, "report.txt", text, vocab)
        assert [r.publication_year for r in reviews] == [year], line


def test_a_statements_posted_line_dates_no_incident(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Posted on 14 May 2024" is the statement's date: the neglect its account tells after "In
    2022 Sam was admitted to hospital ..." dates from 2022, with no month (before: May 2024)."""
    reviews = reviews_of_page(tmp_path, "statement.html", STATEMENT, vocab)
    assert [(r.incident_year, r.incident_month) for r in reviews] == [(2022, None)]
