"""Pages kept in an authoring tool's own format (casegraph.ingest.authoring): a LyX paper, a
learning film's Fountain script, a Twine scenario, an MJML newsletter and an Obsidian board.

Every page here is INVENTED test data (neutral pseudonyms, "Testshire" areas): no real child or
review.  Each test checks what a reader of the finished paper, film, course or e-mail would read,
and that what is only the tool's structure (notes, scene headings, choices, styles) is not read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

_LYX = r"""#LyX 2.3 created this file. For more info see http://www.lyx.org/
\lyxformat 544
\begin_document
\begin_header
\textclass article
\language british
\end_header

\begin_body

\begin_layout Title
Invented test data: a working paper
\end_layout

\begin_layout Subsection
Vignette 1: Child Q (significant case review, Testshire, 2019)
\end_layout

\begin_layout Standard
Q was two when she was~
\emph on
neglected
\emph default
 by her mother in 2017.
\begin_inset Foot
status open

\begin_layout Plain Layout
A footnote the paper's reader sees apart.
\end_layout

\end_inset

Her mother said~
\begin_inset Quotes eld
\end_inset

nobody came
\begin_inset Quotes erd
\end_inset

.
\end_layout

\begin_layout Standard
\begin_inset Note Note
status open

\begin_layout Plain Layout
TODO: the author's own note, never printed.
\end_layout

\end_inset


\end_layout

\begin_layout Standard
The review identified two areas of learning:
\end_layout

\begin_layout Enumerate
See the child.
\end_layout

\begin_layout Enumerate
Share what police know.
\end_layout

\begin_layout Standard
\begin_inset Tabular
<lyxtabular version="3" rows="2" columns="2">
<features tabularvalignment="middle">
<column alignment="left" valignment="top">
<column alignment="left" valignment="top">
<row>
<cell alignment="left" valignment="top" usebox="none">
\begin_inset Text

\begin_layout Plain Layout
No.
\end_layout

\end_inset
</cell>
<cell alignment="left" valignment="top" usebox="none">
\begin_inset Text

\begin_layout Plain Layout
Recommendation
\end_layout

\end_inset
</cell>
</row>
<row>
<cell alignment="left" valignment="top" usebox="none">
\begin_inset Text

\begin_layout Plain Layout
1
\end_layout

\end_inset
</cell>
<cell alignment="left" valignment="top" usebox="none">
\begin_inset Text

\begin_layout Plain Layout
Health visitors should ask who else lives in the home.
\end_layout

\end_inset
</cell>
</row>
</lyxtabular>

\end_inset


\end_layout

\end_body
\end_document
""".replace("~\n", " \n")  # (LyX keeps a wrapped line's trailing space)


def test_a_lyx_paper_is_read_as_its_printed_text(tmp_path: Path) -> None:
    """Headings, numbered items, a table and inline quotes are read; character styles, the
    author's notes and footnotes (an aside that would split a sentence) are not."""
    page = tmp_path / "paper.lyx"
    page.write_text(_LYX, encoding="utf-8")
    source = read_source(page)
    text = source.text
    assert source.media_type == "application/x-lyx"
    assert "Q was two when she was neglected by her mother in 2017. Her mother said \"nobody came\"." in text
    assert "1. See the child.\n2. Share what police know.\n\n" in text  # (the list ends before the table)
    assert "| 1 | Health visitors should ask who else lives in the home. |" in text
    assert not any(word in text for word in ("TODO", "footnote", "\\emph", "lyxtabular", "textclass"))


def test_a_lyx_papers_vignette_is_a_review(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "paper.lyx"
    page.write_text(_LYX, encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    child = review.children[0].pseudonym
    assert (child, review.publication_year, len(review.learning)) == ("Child Q", 2019, 2)
    assert [h.notation for h in review.harms] == ["H-NEG"]


_FOUNTAIN = """Title: **LEARNING FROM CHILD J**
Credit: Script for a learning film
Source: Based on the serious case review about Child J, Testshire, published 2018
Contact:
    Business Unit
    Testshire Partnership

===

# PART ONE

= The writer's note: keep it calm.

INT. SCHOOL - DAY

A boy, J (6), sits alone. Invented test data.

NARRATOR (V.O.)
(softly)
In 2016 J was neglected by his father.

TEACHER
Are you hungry, J?

CUT TO:

[[Animation note: no faces.]]

> LEARNING 1 <

> Ask the child. <

/*
A cut scene about the school gate.
*/
"""


def test_a_fountain_script_is_read_as_what_the_audience_hears(tmp_path: Path, vocab: Vocabulary) -> None:
    """The title page's title and source, action and dialogue are read; scene headings, cues,
    parentheticals, synopses, transitions, notes and the boneyard are the film's directions."""
    page = tmp_path / "film.fountain"
    page.write_text(_FOUNTAIN, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("LEARNING FROM CHILD J\n")
    assert "Contact: Business Unit Testshire Partnership" in text
    assert "In 2016 J was neglected by his father." in text and "Are you hungry, J?" in text
    assert "LEARNING 1\n\nAsk the child." in text
    assert not any(word in text for word in ("INT.", "NARRATOR", "TEACHER", "softly", "writer's note",
                                             "CUT TO", "Animation", "school gate", "**"))
    (review,) = extract_reviews([page], vocab)[0]
    child = review.children[0].pseudonym
    assert (child, review.publication_year, review.harms[0].notation) == ("Child J", 2018, "H-NEG")


_TWEE = """:: StoryTitle
Baby K: learning from a review (invented test data)


:: StoryData
{"ifid": "00000000-0000-4000-8000-000000000000", "format": "Harlowe", "start": "Start"}


:: Start {"position":"100,100"}
(set: $seen to false)''Testshire Safeguarding Children Partnership''

Baby K was shaken by his father in 2021. The review was published in 2023.

[[What did you do?->Choice]]


:: Choice [outcome] {"position":"100,250"}
(if: $seen)[You saw him. ]What would you do next?
[[Refer him->Findings]]
<<set $x to 1>>


:: Findings [review]
''What the review found''

* The bruise was a warning sign.
* The father was never seen.


:: Style [stylesheet]
body { color: red; }
"""


def test_a_twine_scenario_is_read_without_its_choices_and_logic(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "scenario.twee"
    page.write_text(_TWEE, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Baby K: learning from a review (invented test data)\n")
    assert "You saw him. What would you do next?" in text and "Testshire Safeguarding" in text
    assert not any(word in text for word in ("ifid", "$seen", "Refer him", "<<", "color: red", "''"))
    (review,) = extract_reviews([page], vocab)[0]
    child = review.children[0].pseudonym
    assert (child, review.publication_year, len(review.learning)) == ("Baby K", 2023, 2)
    assert review.harms[0].notation == "H-AHT"


_MJML = """<mjml>
  <mj-head>
    <mj-title>Practitioner News (invented test data)</mj-title>
    <mj-preview>Preview text the inbox shows</mj-preview>
    <mj-style>.title { color: #000; }</mj-style>
  </mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-image src="logo.png" alt="Logo" />
      <mj-text><h2>Child S</h2>
        <p>Child S, a girl of 4, was neglected by her mother in 2020 &middot; Testshire.</p>
        <p>Published in 2022.</p>
        <h3>Recommendations</h3><ul><li>See the child alone.</li><li>Book an interpreter.</li></ul>
      </mj-text>
      <mj-button href="https://example.org/s.pdf">Read the Child S report</mj-button>
      <mj-divider />
    </mj-column></mj-section>
  </mj-body>
</mjml>
"""


def test_an_mjml_newsletter_is_read_as_the_email_it_renders(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "news.mjml"
    page.write_text(_MJML, encoding="utf-8")
    text = read_source(page).text
    assert "neglected by her mother in 2020 · Testshire" in text and "Read the Child S report" in text
    assert not any(word in text for word in ("Preview text", "color:", "Logo", "mj-"))
    (review,) = extract_reviews([page], vocab)[0]
    child = review.children[0].pseudonym
    assert (child, review.publication_year, len(review.recommendations)) == ("Child S", 2022, 2)


def _canvas() -> str:
    note = "Child F — learning review, Testshire (2021)\n\nInvented test data. F, 9, was neglected by her " \
           "father in 2019.\n\nLearning:\n1. See the child.\n2. Ask the school."
    return json.dumps({"nodes": [
        {"id": "g", "type": "group", "x": 0, "y": 0, "width": 1000, "height": 800, "label": "Reviews"},
        {"id": "b", "type": "text", "x": 500, "y": 40, "width": 400, "height": 300,
         "text": "Child G — significant case review, Testshire (2020)\n\nG, 3, was neglected in 2018."},
        {"id": "a", "type": "text", "x": 20, "y": 40, "width": 400, "height": 300, "text": note},
        {"id": "l", "type": "link", "x": 20, "y": 900, "width": 200, "height": 60,
         "url": "https://example.org"},
        {"id": "n", "type": "text", "x": 20, "y": 1000, "width": 200, "height": 60,
         "text": "Seminar questions"}],
        "edges": [{"id": "e", "fromNode": "a", "toNode": "b", "label": "compare"}]})


def test_a_json_canvas_board_is_read_group_by_group(tmp_path: Path, vocab: Vocabulary) -> None:
    """A group's label heads its notes, read top to bottom then left to right; links, edges and
    their labels are how the board is drawn."""
    page = tmp_path / "board.canvas"
    page.write_text(_canvas(), encoding="utf-8")
    text = read_source(page).text
    assert text.index("Reviews") < text.index("Child F") < text.index("Child G") < text.index("Seminar")
    assert "example.org" not in text and "compare" not in text
    reviews = extract_reviews([page], vocab)[0]
    found = sorted((r.children[0].pseudonym, len(r.learning)) for r in reviews)
    assert found == [("Child F", 2), ("Child G", 0)]


def test_the_authoring_formats_are_read_from_a_folder(tmp_path: Path) -> None:
    """Saved in a folder, each is offered as a page (before: left out as a type not read), and
    a SharePoint page saved as ".aspx" is read as the HTML it is."""
    names = ["a.lyx", "b.fountain", "c.twee", "d.mjml", "e.canvas", "PublishedReviews.aspx"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(p.name for p in discover([tmp_path])) == sorted(names)
    (tmp_path / "PublishedReviews.aspx").write_text(
        "<div><h2>Child V</h2><p>Invented test data.</p></div>", encoding="utf-8")
    assert read_source(tmp_path / "PublishedReviews.aspx").media_type == "text/html"


def test_a_broken_canvas_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "board.canvas"
    page.write_text('{"nodes": [', encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"board\.canvas.*cannot read as JSON"):
        read_source(page)


def test_a_lyx_paragraph_after_a_numbered_list_is_no_item_of_it() -> None:
    """A paragraph after the second item of a numbered list stands apart from the list."""
    from casegraph.ingest.authoring import lyx_markdown

    lyx = ("\\begin_body\n\\begin_layout Enumerate\nSee the child.\n\\end_layout\n"
           "\\begin_layout Enumerate\nAsk who lives there.\n\\end_layout\n"
           "\\begin_layout Standard\nThe review made six recommendations.\n\\end_layout\n\\end_body\n")
    assert "2. Ask who lives there.\n\nThe review made six recommendations." in lyx_markdown(lyx)


def test_an_unclosed_boneyard_or_note_keeps_the_rest_of_the_script() -> None:
    """A boneyard ("/*") or a note ("[[") left open removes nothing after it (and is read in one
    pass, whatever the number of such marks)."""
    from casegraph.ingest.authoring import fountain_markdown

    text = fountain_markdown("Title: Invented\n\nAction one.\n\n/* never closed\n\n"
                             "Action two. [[ also open\n")
    assert "Action one." in text and "Action two." in text


_ROAM = [
    {"title": "May 14th, 2024", "uid": "daily0001", "create-time": 1715671811388,
     "children": [{"string": "{{[[TODO]]}} send the coding frame", "uid": "todo00001"}]},
    {"title": "Learning Review - Child Y (Testshire)", "uid": "page00001", "create-time": 1715679318388,
     "children": [
         {"string": "Type:: [[Learning Review]] (Scotland)", "uid": "attr00001"},
         {"string": "Published:: 2023", "uid": "attr00002"},
         {"string": "Area:: Testshire", "uid": "attr00003"},
         {"string": "Summary", "uid": "summ00001", "heading": 3, "children": [
             {"string": "Invented test data. Y, 16, went missing 14 times in 2022.", "uid": "summ00002"}]},
         {"string": "Learning", "uid": "lear00001", "children": [
             {"string": "Cross-border placements need a named lead.", "uid": "lear00002",
              "children": [{"string": "See ((summ00002))", "uid": "lear00003"}]},
             {"string": "Hotels were not part of the plan.", "uid": "lear00004"}]},
         {"string": "Tags:: #exploitation #[[cross-border placements]]", "uid": "tags00001"}]},
    {"title": "exploitation", "uid": "tagpage01"},
]


def test_a_roam_graph_is_read_as_its_pages_outlines() -> None:
    """Attributes are fields, a block's children its bullets, links and tags their words, a
    block reference the block's words, a task its word; a tag's empty page is no page; uids and
    times are not read."""
    from casegraph.ingest.authoring import roam_markdown, roam_pages

    text = roam_markdown(roam_pages(_ROAM))  # type: ignore[arg-type]
    assert "# Learning Review - Child Y (Testshire)\n\nType: Learning Review (Scotland)\n" in text
    assert "#### Summary\n- Invented test data." in text
    assert "- Cross-border placements need a named lead. See Invented test data. Y, 16" in text
    assert "Tags: exploitation, cross-border placements" in text and "Todo: send" in text
    assert "# exploitation" not in text and "page00001" not in text and "1715" not in text


def test_a_roam_review_page_is_a_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """Its "Area::" field is the review's field, not a heading that ends it (before: the summary
    and learning after it were lost)."""
    page = tmp_path / "graph.json"
    page.write_text(json.dumps(_ROAM), encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.area, review.publication_year, len(review.learning)) == ("Testshire", 2023, 2)
    assert review.children[0].age_months == 192


def test_other_json_lists_of_titled_objects_are_not_roam() -> None:
    from casegraph.ingest.authoring import roam_pages

    assert roam_pages([{"title": "A", "children": [{"name": "x"}]}]) is None
    assert roam_pages({"title": "A"}) is None
