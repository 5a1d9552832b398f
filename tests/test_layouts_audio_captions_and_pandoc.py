"""File types and layouts of validation48 (session 65): a podcast episode (``.mp3``) whose ID3
tags hold the whole review, SAMI captions (``.smi``) of a webinar, pandoc's JSON syntax tree of
a Word briefing, poppler's ``pdftohtml -xml`` lines of a PDF bulletin, and an Asciidoctor page
whose generated table of contents names each review again.  Before, the MP3 and the SAMI file
were not read at all, the pandoc tree's blocks were six spurious records ("T: Para") and its two
reviews were lost, each printed line of the bulletin was a paragraph (a numbered
recommendation's number one of its own: none counted), and the contents' last link was a
spurious review holding the page's preamble.

validation48's pages are invented test data by that set's labeller.  The fixtures are invented
too (each says so in its words): ``fixtures/audio/invented-episode.mp3`` was encoded by ffmpeg
5.1 (two seconds of silence, libmp3lame, ID3v2.4 with title, artist, album, date, comment and two
chapters), ``invented-briefing.flac`` and ``invented-briefing.m4a`` by the same ffmpeg with a
title, an artist and a description (Vorbis comments; MP4 atoms);
``fixtures/pandoc/invented-briefing.json`` was written by pandoc 2.17 (``-s -t json``) from
Markdown with front matter, lists, a table and a footnote; ``fixtures/printed/invented-bulletin.xml``
by poppler 22.12's ``pdftohtml -xml -i`` from a PDF LibreOffice 7.4 printed from HTML (its
first page is empty)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.media import audio_text, sami_captions
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

PAGES = Path(__file__).parent / "validation48" / "pages"
MP3 = PAGES / "Practice Matters Podcast - Ep09 - Learning Review Baby Rowan.mp3"
SAMI = PAGES / "MWWSB practice webinar 2024-05-14 captions.smi"
PANDOC = PAGES / "dsl-briefing-national-and-local-reviews-2024.json"
PDF2XML = PAGES / "nwsb-practice-bulletin-11.xml"
ASCIIDOC = PAGES / "setrust-practice-guide-ch6-learning-from-cmrs.html"
FIXTURES = Path(__file__).parent / "fixtures"
AUDIO = FIXTURES / "audio"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_found_in_a_folder_and_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each page's reviews, and no others: the webinar's welcome, the briefing's introduction,
    the bulletin's events table and the guide's contents are none."""
    assert {MP3, SAMI} <= set(discover([PAGES]))
    titles = {page.name: [r.title for r in extract_reviews([page], vocab)[0]]
              for page in (MP3, SAMI, PANDOC, PDF2XML, ASCIIDOC)}
    assert titles == {
        MP3.name: ["Ep 9 – Learning Review: Baby Rowan"],
        SAMI.name: ["Child M", "Child A and Child B"],
        PANDOC.name: ["National review: Jamie and Tia",
                      "Local child safeguarding practice review: Child F (Kent)"],
        PDF2XML.name: ["Concise CPR NWSB 4/2023 – Baby L", "Extended CPR NWSB 1/2024 – Child R"],
        ASCIIDOC.name: ["CMR 05/22 – 'Tom' (Ards and North Down)",
                        "CMR 01/23 – 'Sophie' (Lisburn and Castlereagh)"],
    }


def test_the_bulletins_numbered_recommendations_and_the_guides_listed_ones_are_counted(
        vocab: Vocabulary) -> None:
    """The bulletin's "1" / "2" / "3" numbered recommendations, each wrapped over lines, are three;
    the guide's "Recommendations include" list is two, its "11 in total" said under it."""
    bulletin = {r.title: r for r in extract_reviews([PDF2XML], vocab)[0]}
    child_r = bulletin["Extended CPR NWSB 1/2024 – Child R"]
    assert len(child_r.recommendations) == 3
    last = child_r.recommendations[2].text
    assert "North Wales Police and children's services should review" in last
    assert last.endswith("notifications are shared with schools")  # (two printed lines, one item)
    assert len(child_r.learning) == 2
    guide = {r.title: r for r in extract_reviews([ASCIIDOC], vocab)[0]}
    assert [len(r.recommendations) for r in guide.values()] == [2, 4]


# ------------------------------------------------------------------------------------- audio
def test_an_episodes_tags_are_read_as_its_show_notes() -> None:
    """Title, maker, series and date on lines of their own, then the comment's paragraphs, then
    the chapters at their start times, as a podcast's page lists them."""
    text = audio_text((AUDIO / "invented-episode.mp3").read_bytes())
    head, *paragraphs = text.split("\n\n")
    assert head.split("\n") == ["Episode 4 – Learning Review: Baby Wren", "Invented Safeguarding Partnership",
                                "Practice Notes (invented test podcast)", "2025"]
    assert paragraphs[0].startswith("INVENTED test data. Baby Wren (not a real child) was a seven-week-old")
    assert "2) Ask about every adult in the home, and see them." in text
    assert paragraphs[-1] == "Chapters\n00:00 Introduction\n00:01 What happened to Wren\n"


@pytest.mark.parametrize("name", ["invented-briefing.flac", "invented-briefing.m4a"])
def test_flac_and_mp4_audio_are_read_by_their_own_tags(name: str) -> None:
    """A FLAC file's Vorbis comments and an M4A file's atoms: the same title, maker and description."""
    text = audio_text((AUDIO / name).read_bytes())
    lines = text.split("\n")
    assert lines[0].startswith("Learning Review: Child ") and lines[1] == "Invented Safeguarding Partnership"
    assert lines[3].startswith("INVENTED test data. Child ")


def test_an_episode_is_read_from_a_folder_and_by_its_bytes_whatever_its_name(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """An MP3 saved as ``.txt`` is still an MP3 (its ID3 tag says so), and its review is read."""
    page = tmp_path / "episode-4-notes.txt"
    page.write_bytes((AUDIO / "invented-episode.mp3").read_bytes())
    assert read_source(page).media_type == "audio/mpeg"
    reviews = extract_reviews([page], vocab)[0]
    assert [r.title for r in reviews] == ["Episode 4 – Learning Review: Baby Wren"]
    assert [c.age_months for c in reviews[0].children] == [1]


def test_audio_without_words_or_damaged_is_refused_in_one_line(tmp_path: Path) -> None:
    """A recording whose tags hold only its title, and bytes that are no audio, are refused with
    one line naming the file; copies damaged at random are read or refused in one line."""
    import io

    import mutagen.id3

    silent = io.BytesIO()
    tags = mutagen.id3.ID3()
    tags.add(mutagen.id3.TIT2(encoding=3, text=["Episode 5"]))
    tags.save(silent)
    refused_in_one_line(tmp_path / "silent.mp3", silent.getvalue() + b"\xff\xfb" + bytes(400))
    refused_in_one_line(tmp_path / "not-audio.mp3", b"This is not a recording at all." * 20)
    cut = tmp_path / "cut.mp3"
    cut.write_bytes((AUDIO / "invented-episode.mp3").read_bytes()[:200])
    with pytest.raises(CasegraphError, match=r"cut\.mp3: .*damaged audio file \(mutagen\.id3\.error\)$"):
        read_source(cut)
    read_or_one_line_when_damaged([AUDIO / "invented-episode.mp3", AUDIO / "invented-briefing.flac",
                                   AUDIO / "invented-briefing.m4a"], tmp_path, seed=48, rounds=12)


# ------------------------------------------------------------------------------------- SAMI
#: Invented SAMI captions in the shape Windows Media's tools write: upper-case tags left open,
#: an English and a French class, a blank caption clearing the screen.
_SAMI = """<SAMI>
<HEAD><TITLE>Invented webinar (INVENTED test data)</TITLE>
<STYLE TYPE="text/css"><!--
P { font-family: Arial; }
.FRFRCC { Name: French; lang: fr-FR; }
.ENGBCC { Name: English; lang: en-GB; }
--></STYLE></HEAD>
<BODY>
<SYNC Start=1000><P Class=FRFRCC>Bonjour.<P Class=ENGBCC>Good afternoon,<br>and welcome.
<SYNC Start=3500><P Class=ENGBCC>&nbsp;
<SYNC Start=4000><P Class=FRFRCC>La revue.<P Class=ENGBCC>The first review is about Child Finch.
</BODY></SAMI>
"""


def test_sami_captions_are_read_in_english_cue_by_cue() -> None:
    """Each SYNC a cue in English until the next SYNC (a blank one clears the screen), the title
    above them; the French class, the style sheet and the line break's tag are no words."""
    assert sami_captions(_SAMI) == (
        "Invented webinar (INVENTED test data)\n\n"
        "1\n00:00:01,000 --> 00:00:03,500\nGood afternoon, and welcome.\n\n"
        "2\n00:00:04,000 --> 00:00:07,000\nThe first review is about Child Finch.\n")


def test_sami_captions_without_a_cue_are_refused_in_one_line(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "empty.smi",
                        b"<SAMI><HEAD><TITLE>No cues</TITLE></HEAD><BODY></BODY></SAMI>")


# ------------------------------------------------------------------------------------- pandoc
def test_a_pandoc_syntax_tree_is_read_as_the_document_it_holds(tmp_path: Path, vocab: Vocabulary) -> None:
    """The front matter's title, author and date over the body; headings, list items and the
    table's head and rows as lines; emphasis and quotes their words; the footnote not read."""
    page = FIXTURES / "pandoc" / "invented-briefing.json"
    text = read_source(page).text
    assert text.startswith("Learning from reviews: briefing for designated leads (INVENTED test data)\n\n"
                           "Invented Education Safeguarding Team\n\nSpring 2025\n")
    assert "Published February 2025. Child Heron (not a real child) was a 15-year-old girl" in text
    assert "• When a child is placed a long way from home, tell the local police on the day." in text
    assert "| Agency | Action |" in text and "| Police | Share “missing” reports |" in text
    assert "A note the reader skips" not in text and "Para" not in text
    reviews = extract_reviews([page], vocab)[0]
    assert [r.title for r in reviews] == [
        "Local child safeguarding practice review: Child Heron (Invented Borough)",
        "Rapid review: Child Plover (Invented Borough)"]
    assert len(reviews[0].learning) == 2


def test_a_pandoc_table_of_the_older_api_is_read_too(tmp_path: Path) -> None:
    """pandoc before 2.10 (pandoc-types < 1.21) wrote a table as caption, alignments, widths,
    header cells and rows: its cells are read as the newer table's are."""
    cell = [{"t": "Plain", "c": [{"t": "Str", "c": "Police"}]}]
    head = [[{"t": "Plain", "c": [{"t": "Str", "c": "Agency"}]}]]
    table = {"t": "Table", "c": [[], [{"t": "AlignDefault"}], [0.0], head, [[cell]]]}
    doc = {"pandoc-api-version": [1, 17, 5, 4], "meta": {},
           "blocks": [{"t": "Header", "c": [1, ["", [], []], [{"t": "Str", "c": "Agencies"}]]}, table]}
    page = tmp_path / "old-pandoc.json"
    page.write_text(json.dumps(doc), encoding="utf-8")
    assert read_source(page).text.split("\n\n")[:3] == ["Agencies", "| Agency |", "| Police |\n"]


# --------------------------------------------------------------------------------- pdftohtml
def test_pdftohtml_lines_are_joined_into_the_pdfs_paragraphs(vocab: Vocabulary) -> None:
    """Lines at one height are one line (a bullet and its item), wrapped lines one paragraph,
    headings set apart by their size; the empty first page is nothing."""
    page = FIXTURES / "printed" / "invented-bulletin.xml"
    text = read_source(page).text
    assert text.startswith("Practice Bulletin\n\n"
                           "Concise Child Practice Review ISB 2/2024 – Child Kestrel\n\n")
    assert ("\n\nWhat we learned\n\n• A plan for domestic abuse must also consider direct harm to the"
            " child from the abusive adult, and\nwho else lives in the home.\n• Ask the child") in text
    assert "\n\nRecommendations\n\n1. Children's services should record" in text
    review = extract_reviews([page], vocab)[0][0]
    assert (len(review.learning), len(review.recommendations)) == (2, 2)


def test_pdftohtml_running_lines_are_dropped_from_every_page_but_the_first(tmp_path: Path) -> None:
    """A head every page repeats (the board's name) is read once; two texts far apart on one
    line (a head and its issue) stay two lines."""
    def page(number: int, body: str) -> str:
        return (f'<page number="{number}" position="absolute" top="0" left="0" height="1262" width="892">'
                '<text top="34" left="77" width="300" height="11" font="0">'
                'Invented Board (INVENTED test data)</text>'
                '<text top="34" left="600" width="150" height="11" font="0">Issue 2</text>'
                f'<text top="100" left="86" width="600" height="14" font="1">{body}</text>'
                f'<text top="1212" left="427" width="38" height="11" font="0">Page {number}</text></page>')

    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<pdf2xml producer="poppler" version="22.12.0">'
           + page(1, "First page words.") + page(2, "Second page words.") + "</pdf2xml>")
    xml = tmp_path / "bulletin.xml"
    xml.write_text(doc, encoding="utf-8")
    lines = [ln for ln in read_source(xml).text.split("\n") if ln]
    assert lines == ["Invented Board (INVENTED test data)", "Issue 2", "First page words.",
                     "Second page words."]


# --------------------------------------------------------------------------------- contents
def test_a_generated_table_of_contents_is_no_list_of_reviews(tmp_path: Path, vocab: Vocabulary) -> None:
    """Asciidoctor's ``div#toc`` of in-page links is left out, though its body is classed
    ``toc2``; a contents list linking to other pages (an index of reviews) is kept."""
    html = ('<html><body class="article toc2 toc-left"><div id="header"><h1>Guide (INVENTED test data)</h1>'
            '<div id="toc" class="toc2"><div id="toctitle">Table of Contents</div><ul>'
            '<li><a href="#_a">Learning review: Child Wren</a></li>'
            '<li><a href="#_b">Learning review: Child Teal</a></li></ul></div></div>'
            '<div id="content"><p>This guide summarises two invented reviews.</p>'
            '<h2 id="_a">Learning review: Child Wren</h2><p>Child Wren was a 2-year-old boy who was'
            ' neglected.</p><h3>Key learning</h3><ul><li>See the child.</li></ul>'
            '<h2 id="_b">Learning review: Child Teal</h2><p>Child Teal was a 9-year-old girl who was'
            ' neglected.</p><h3>Key learning</h3><ul><li>Hear the child.</li></ul>'
            '<nav class="toc"><a href="/reviews/child-owl">Learning review: Child Owl</a></nav>'
            '<div class="toc"><p>See also <a href="/reviews/">the index of every review</a>.</p></div>'
            '</div></body></html>')
    page = tmp_path / "guide.html"
    page.write_text(html, encoding="utf-8")
    text = read_source(page).text
    assert text.count("Learning review: Child Wren") == 1 and "Table of Contents" not in text
    assert "See also the index of every review." in text
    assert [r.title for r in extract_reviews([page], vocab)[0]] == ["Learning review: Child Wren",
                                                                    "Learning review: Child Teal"]


# --------------------------------------------------------------------------------- MarkItDown
def test_markitdowns_fields_table_under_a_blank_header_is_the_reviews_fields(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """MarkItDown writes a Word table with no header row under a blank one: "| Published |
    August 2023 |" under "|  |  |" is the review's field; a table of reviews under a blank
    header stays a table."""
    page = tmp_path / "summaries.md"
    page.write_text("Testshire Child Protection Committee (INVENTED TEST DATA)\n\n"
                    "# Learning Review – Baby Lark\n\n|  |  |\n| --- | --- |\n| Area | Testshire |\n"
                    "| Published | August 2023 |\n| Review type | Learning review |\n\n## What happened\n\n"
                    "Lark was six months old when he was injured in February 2022.\n\n"
                    "# Reviews in progress\n\n|  |  |\n| --- | --- |\n| Child K | 2025 |\n", encoding="utf-8")
    text = read_source(page).text
    assert "Area: Testshire\nPublished: August 2023\nReview type: Learning review\n" in text
    assert "| Child K | 2025 |" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.publication_year, review.incident_year) == (2023, 2022)
