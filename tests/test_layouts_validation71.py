"""File types and layouts of validation71 (session 88): a podcast master in Monkey's Audio with its
show notes in an APEv2 tag (``.ape``), an ACPC's Paradox register (``.db``), posts whose bodies are
Draft.js content states, a Docusaurus page's tabs, a board's shared drive captured as a Windows
image, a list's one-line review and an annual report's numbered sections.  Before, the two types
were refused as binary; the Draft.js posts were read as records ("- 0; ..." items) and their titles
taken for reviews; "Learning Review: Struan (Falkirk)" over "Published by ..., March 2024." ran into
the episode's introduction; a WIM's training notes after its last summary were that review's
recommendations; "CMR 'Darcy' (Belfast Trust, published 2022): ..." was no review; "Local learning
review: Nova", whose text says an LCSPR's criteria were not met, was taken for a referral; the
tab labels "Recommendations" and "Progress" were two recommendations.

validation71's pages are invented test data by that set's labeller.  The files built here are
invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import read_or_one_line_when_cut, reviews_by_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import is_paradox, paradox_records, split_fields_joined
from casegraph.ingest.publishing import draftjs_html
from casegraph.ingest.sources import discover, html_to_text, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation71" / "pages"
APE = PAGES / "central-belt-learning-conversations-s2e07-master.ape"
PARADOX = PAGES / "leicestershire-acpc-part8-register-1999-2002.db"
DRAFT = PAGES / "tayside-cpc-intranet-posts-api-draftjs-2025.json"
WIM = PAGES / "gwent-sb-practice-reviews-share-capture-2020.wim"
LIST = PAGES / "sbni-published-case-management-reviews.html"
DOCUSAURUS = PAGES / "sefton-scp-practice-hub-local-reviews-2024-25.docusaurus.html"
REPORT = PAGES / "north-wales-sb-annual-report-2023-24-section-6.txt"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each page's reviews, as the set's gold names them, with their lists counted."""
    by_page = reviews_by_page([APE, PARADOX, DRAFT, WIM, LIST, DOCUSAURUS, REPORT], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[APE.name] == [["Struan"], ["Ailsa"]]
    assert "H-PHYS" in {c.notation for c in by_page[APE.name][0].harms}  # "bruising his father had caused"
    assert names[PARADOX.name] == [["Florence"], ["Albie", "Mollie"]]  # (not the notification record)
    assert [len(r.learning) for r in by_page[PARADOX.name]] == [3, 2]  # LESSON1 to LESSON3
    assert names[DRAFT.name] == [["Innes"], ["Greer"]]  # (no post title of its own, no training event)
    assert by_page[DRAFT.name][0].keywords  # (the post's tags, under its review)
    assert names[WIM.name] == [["Mabli"], ["Iolo"]]
    assert len(by_page[WIM.name][1].recommendations) == 0  # (the training notes are the next file's)
    assert names[LIST.name][-1] == ["Darcy"]  # (its one line under "Other published reviews")
    assert [len(r.recommendations) for r in by_page[LIST.name] if r.children[0].pseudonym == "Sorcha"] == [0]
    assert names[DOCUSAURUS.name] == [["Otis"], ["Nova"]]
    assert len(by_page[DOCUSAURUS.name][0].recommendations) == 3  # (not the tabs' two labels)
    assert names[REPORT.name] == [["Macy"], ["Tobias"]]
    assert "RF-DA" not in {c.notation for c in by_page[REPORT.name][1].risk_factors}  # his own childhood


def test_a_folder_offers_every_new_type() -> None:
    """The Monkey's Audio master and the Paradox table are read from the set's folder."""
    assert {APE.name, PARADOX.name} <= {p.name for p in discover([PAGES])}
    assert not_read([PAGES]) == []


# ------------------------------------------------------------------------------------ Paradox
def test_a_paradox_tables_records_by_field_name() -> None:
    """The records in their block chain's order, text fields decoded, integers unflipped, and a
    register's numbered fields given back whole."""
    data = PARADOX.read_bytes()
    assert is_paradox(data) and not is_paradox(b"SQLite format 3\0" + data[16:])
    records = paradox_records(data)
    assert [r["SEQ"] for r in records] == [1, 2, 3]
    assert records[0]["CHILD"] == "Florence"
    assert len(records[0]["LESSON"]) == 3 and "SUMMARY2" not in records[0]
    assert records[0]["SUMMARY"].startswith("Florence died") and "foster care" in records[0]["SUMMARY"]


def test_numbered_fields_are_joined_only_for_text_and_items() -> None:
    """Two children in CHILD1 and CHILD2 stay two fields; a summary's pieces are one text."""
    record = split_fields_joined({"CHILD1": "Child K", "CHILD2": "Child L", "NOTES1": "Cut at",
                                  "NOTES2": "254 characters.", "REC1": "Share it.", "REC2": "Train staff."})
    assert record == {"CHILD1": "Child K", "CHILD2": "Child L", "NOTES": "Cut at 254 characters.",
                      "REC": ["Share it.", "Train staff."]}


def test_a_damaged_paradox_table_is_refused_in_one_line(tmp_path: Path) -> None:
    """A cut table, and one whose header no longer adds up, are refused naming the file."""
    data = PARADOX.read_bytes()
    read_or_one_line_when_cut([("register.db", data)], tmp_path)
    bad = data[:0x78] + struct.pack("BB", 1, 9) + data[0x7A:]
    page = tmp_path / "bad.db"
    page.write_bytes(bad)
    assert not is_paradox(bad)
    with pytest.raises(Exception, match=r"bad\.db") as caught:
        read_source(page)
    assert "\n" not in str(caught.value)


# ----------------------------------------------------------------------------------- Draft.js
def test_draft_js_blocks_are_the_pages_they_render() -> None:
    """Headings, paragraphs and lists by block type; a post whose body has its own heading keeps
    its title as a plain line and its tags after its body."""
    post = {"title": "News", "tags": ["neglect"], "body": {"entityMap": {}, "blocks": [
        {"type": "header-two", "text": "Learning Review: Child K"},
        {"type": "unstyled", "text": ACCOUNT.split("\n", 1)[1]},
        {"type": "ordered-list-item", "text": "Share the plan."},
        {"type": "ordered-list-item", "text": "Train the staff."}]}}
    page = draftjs_html({"data": [post]})
    assert page is not None and "<p>News</p>" in page and "<h2>Learning Review: Child K</h2>" in page
    assert page.index("<ol>") < page.index("Train the staff.") < page.index("Keywords: neglect")
    assert draftjs_html({"data": [{"title": "x", "body": {"blocks": []}}]}) is None
    text = html_to_text(page)
    assert "Share the plan." in text and "- 0;" not in text


def test_a_draft_js_api_response_is_read_as_its_posts(tmp_path: Path) -> None:
    """The response's posts, each review found once."""
    page = tmp_path / "posts.json"
    page.write_text(json.dumps({"data": [{"title": "Invented test data", "body": {"entityMap": {}, "blocks": [
        {"type": "header-two", "text": "Learning Review: Child K"},
        {"type": "unstyled", "text": ACCOUNT.split("\n", 1)[1]}]}}]}), encoding="utf-8")
    assert "Learning Review: Child K" in read_source(page).text


# ---------------------------------------------------------------------------- Monkey's Audio
def test_a_cut_monkeys_audio_master_is_refused_as_cut(tmp_path: Path) -> None:
    """Its descriptor says where its sound ends: a copy cut before that lost its tags with its
    end, and says so (not "its words are only spoken"); every tenth read or refused in one line."""
    data = APE.read_bytes()
    page = tmp_path / "cut.ape"
    page.write_bytes(data[:len(data) // 2])
    with pytest.raises(Exception, match=r"cut\.ape.*Monkey's Audio file \(cut short") as caught:
        read_source(page)
    assert "\n" not in str(caught.value)
    read_or_one_line_when_cut([("master.ape", data)], tmp_path)
