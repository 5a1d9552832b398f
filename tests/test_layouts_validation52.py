"""File types and layouts of validation52 (session 69): a web team's content backup packed with
``tar --zstd`` (``.tar.zst``), an Inkscape poster saved as compressed SVG (``.svgz``), a Prismic
Document API v2 search response, and a library's additions list whose reviews are numbered
"#2  Child T | Concise child practice review | Powys | 2024".  Before, the backup and the poster
were refused as binary files (3 of validation52's 27 reviews lost), Prismic's rich-text
plumbing ("ltr", a span's offsets) was read as words ("Child V – ...; ltr") and every slice as
one bullet (no learning point found), and the additions' titles kept their "#2".

validation52's pages are invented test data by that set's labeller; the small pages built
below are invented too (each says so in its words) and use neutral pseudonyms."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import zstandard
from support import read_or_one_line_when_damaged, refused_in_one_line, tarred

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation52" / "pages"
BACKUP = PAGES / "cpscp-site-content-backup-2024-11-04.tar.zst"
POSTER = PAGES / "Learning on a page - Learning Review Child E - WDCPC.svgz"
PRISMIC = PAGES / "prismic-api-v2-documents-search-learning.json"
ADDITIONS = PAGES / "case-review-collection-additions-2025-02.txt"

#: An invented review page, as a static site's Markdown source keeps it.
_PAGE = """---
title: "Child Q (invented)"
---

# Child Q – invented test review

Child Q, a pseudonym in invented test data, was four months old when she was taken to
hospital with a fractured arm in May 2023.

## What we learned

- Invented learning point one.
- Invented learning point two.
"""


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The backup's two reviews (its section page and training list are none), the poster's
    one, the three of the Prismic response (its news item none), each with its learning list;
    and the additions' reviews titled without their "#n"."""
    backup = extract_reviews([BACKUP], vocab)[0]
    assert [[c.pseudonym for c in r.children] for r in backup] == [["Child A", "Child B"], ["Child S"]]
    poster = extract_reviews([POSTER], vocab)[0]
    assert [(r.title, r.area) for r in poster] == [("Learning Review: Child E", "West Dunbartonshire")]
    prismic = extract_reviews([PRISMIC], vocab)[0]
    assert [r.title for r in prismic] == ["Child V – local child safeguarding practice review",
                                          "Josh – multi-agency learning review", "National review: Child L"]
    assert [len(prismic[0].learning), len(prismic[0].recommendations), len(prismic[2].learning)] == [3, 4, 2]
    additions = extract_reviews([ADDITIONS], vocab)[0]
    assert [(r.title.split(" | ")[0], r.area) for r in additions] == [
        ("Child M", "Bournemouth, Christchurch and Poole"), ("Child T", "Powys"), ("Kyle", "Dundee"),
        ("Ryan", "Belfast")]


# ---------------------------------------------------------------------------------- Zstandard
def test_a_zstandard_tar_is_read_as_its_pages(tmp_path: Path, vocab: Vocabulary) -> None:
    """``tar --zstd`` packs a site's content folder: its Markdown pages read as a folder's are
    (front matter off the page), and one file compressed alone (``briefing.md.zst``) is read as
    the file it holds."""
    packed = zstandard.ZstdCompressor().compress(tarred({"site/content/child-q.md": _PAGE}, "w"))
    backup = tmp_path / "site-backup.tar.zst"
    backup.write_bytes(packed)
    source = read_source(backup)
    assert source.media_type == "application/zstd"
    assert "Child Q – invented test review" in source.text and "title:" not in source.text
    reviews = extract_reviews([backup], vocab)[0]
    assert [(c.pseudonym, c.age_months) for r in reviews for c in r.children] == [("Child Q", 4)]
    assert len(reviews[0].learning) == 2
    alone = tmp_path / "briefing.md.zst"
    alone.write_bytes(zstandard.ZstdCompressor().compress(_PAGE.encode("utf-8")))
    assert "Invented learning point two." in read_source(alone).text


def test_a_cut_or_damaged_zstandard_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """A stream cut short is refused, never read as the part of it that unpacks (zstd's reader
    would give that without a word); bytes changed at random are read or refused in one line."""
    data = BACKUP.read_bytes()
    refused_in_one_line(tmp_path / "cut.tar.zst", data[: len(data) // 2])
    lone = zstandard.ZstdCompressor().compress(("Invented text, over and over. " * 400).encode("utf-8"))
    refused_in_one_line(tmp_path / "notes.txt.zst", lone[: len(lone) - 8])
    read_or_one_line_when_damaged([BACKUP], tmp_path, seed=69, rounds=20)


# ------------------------------------------------------------------------------ compressed SVG
_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
  <title>Learning on a page (invented)</title>
  <text x="40" y="60" font-size="28">Learning Review: Child R (invented test data)</text>
  <text x="40" y="120" font-size="14"><tspan x="40" y="120">Child R, a pseudonym, was nine</tspan>
    <tspan x="40" y="138">years old when his school raised concerns in 2023.</tspan></text>
</svg>"""


def test_a_compressed_svg_is_read_as_the_drawing_it_holds(tmp_path: Path) -> None:
    """Gunzipped and read as an ``.svg`` is (its texts, lines of a ``tspan`` joined), while the
    source stays the file it is: its own name and the checksum of its own bytes."""
    poster = tmp_path / "poster.svgz"
    poster.write_bytes(gzip.compress(_SVG.encode("utf-8")))
    source = read_source(poster)
    assert source.path == poster and source.encoding == "gzip"
    plain = tmp_path / "poster.svg"
    plain.write_text(_SVG, encoding="utf-8")
    assert source.text == read_source(plain).text
    assert "Child R, a pseudonym, was nine years old" in " ".join(source.text.split())
    assert source.sha256 != read_source(plain).sha256


def test_a_damaged_compressed_svg_is_refused_in_one_line(tmp_path: Path) -> None:
    """Cut short, not gzipped at all, or with bytes changed: read or one line naming it."""
    data = POSTER.read_bytes()
    refused_in_one_line(tmp_path / "cut.svgz", data[: len(data) // 2])
    refused_in_one_line(tmp_path / "plain.svgz", b"\x00\x01 not a gzip stream")
    read_or_one_line_when_damaged([POSTER], tmp_path, seed=69, rounds=20)


# ------------------------------------------------------------------------------------- Prismic
def _rich(*blocks: tuple[str, str]) -> list[dict]:
    return [{"type": kind, "text": text, "spans": [], "direction": "ltr"} for kind, text in blocks]


def test_a_prismic_response_is_read_as_its_documents(tmp_path: Path) -> None:
    """Each document a record: its title field as its title, its one-line fields as fields,
    its tags as keywords, its rich text and slices as a page (a list stays a list, an ordered
    one too, an image by its words), and no plumbing ("ltr", a link's record, the ids)."""
    document = {
        "id": "INVENTED1", "uid": "child-p", "type": "review", "tags": ["Neglect"],
        "first_publication_date": "2024-02-01T09:00:00+0000", "slugs": ["child-p"],
        "data": {
            "title": _rich(("heading1", "Child P – invented test review")),
            "area": "Testshire", "report": {"link_type": "Media", "name": "report.pdf"},
            "body": [{"slice_type": "text_section", "items": [{}], "primary": {
                "heading": _rich(("heading2", "What we learned")),
                "content": _rich(("list-item", "Invented learning one."),
                                 ("list-item", "Invented learning two."),
                                 ("paragraph", "Then a paragraph."),
                                 ("o-list-item", "An ordered item."),
                                 ("image", ""))}}]}}
    document["data"]["body"][0]["primary"]["content"][-1].update(alt="A poster (invented)")
    page = tmp_path / "search.json"
    page.write_text(json.dumps({"page": 1, "results_size": 1, "results": [document]}), encoding="utf-8")
    text = read_source(page).text
    assert "\nChild P – invented test review\nArea: Testshire\nKeywords: Neglect\nPosted: 1 February 2024\n" \
        in text
    assert "• Invented learning one.\n\n• Invented learning two.\n\nThen a paragraph." in text
    assert "An ordered item." in text and "A poster (invented)" in text
    assert "ltr" not in text and "INVENTED1" not in text and "report.pdf" not in text


# ----------------------------------------------------------------------------------- TTML cues
_TTML = """<?xml version="1.0" encoding="utf-8"?>
<tt xml:lang="en" xmlns="http://www.w3.org/ns/ttml">
 <body>
  <div xml:lang="en-GB">
   <p begin="00:00:01.000" end="00:00:04.000">Reviewer: Child D (an invented<br/>
     pseudonym) was nine years</p>
   <p begin="00:00:04.100" end="00:00:07.000">old when her school made a referral.</p>
   <p begin="4.5s" end="7.5s">The review made two recommendations.</p>
  </div>
  <div xml:lang="cy">
   <p begin="00:00:01.000" end="00:00:04.000">Adolygydd: roedd Plentyn D yn naw oed.</p>
  </div>
 </body>
</tt>"""


def test_ttml_captions_are_read_as_the_words_spoken(tmp_path: Path) -> None:
    """A TTML (DFXP) file's cues are read as any captions are: a cue that ends no sentence runs
    on into the next, so a sentence is whole; a line break is a space; of several languages,
    the English cues.  Before, each cue was a paragraph of its own."""
    page = tmp_path / "captions.dfxp"
    page.write_text(_TTML, encoding="utf-8")
    text = read_source(page).text
    assert ("Reviewer: Child D (an invented pseudonym) was nine years old when her school made a "
            "referral.\n\nThe review made two recommendations.") in text
    assert "Adolygydd" not in text
    webinar = read_source(PAGES / "MWWSB practice webinar - two child practice reviews - captions.dfxp")
    assert "Reviewer: Baby J died in November 2021 when she was ten months old." in webinar.text
