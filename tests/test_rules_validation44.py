"""Rules written from validation44's pages (session 61), each checked on a page invented here
(INVENTED test data: the children, reviews and events are made up; real place names only as
areas), so that the rule holds beyond the one page it was written from.  Each test's assertion
failed on the code before the rule."""

from __future__ import annotations

import json
from pathlib import Path

from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source


def _facts(review: object, scheme: str) -> set[str]:
    return {c.notation for c in getattr(review, scheme)}


def _account(tmp_path: Path, vocab: Vocabulary, body: str) -> object:
    """The one review of an invented summary page: its heading, then ``body``."""
    page = ("Concise Child Practice Review AB 1/2024 – Child V (invented)\n\nArea: Powys\n\n"
            f"What happened\n\n{body}\n\nLearning\n\n• Practitioners should share what they know.\n")
    (review,) = reviews_of_page(tmp_path, "summary.txt", page, vocab)
    return review


# ------------------------------------------------------------------------------------ readers
def test_a_newspapers_masthead_over_its_dateline_is_no_childs_name(tmp_path: Path,
                                                                   vocab: Vocabulary) -> None:
    """"Valley Evening News" over "Valley Evening News Thursday 21 March 2024 Subscribe": the
    paper's name (ending in "News"), not a child the article is about; the child is the one the
    review "refers to ... as 'Zac'"."""
    page = ("Valley Evening News\n\nValley Evening News Thursday 21 March 2024 Subscribe\n\n"
            "Review finds missed chances to protect boy\n\n"
            "A 10-year-old boy was repeatedly assaulted by his father, a case management review "
            "published today has found. The review refers to the boy as ‘Zac’. Zac was admitted "
            "to hospital with a broken arm in 2023.\n")
    (review,) = reviews_of_page(tmp_path, "article.txt", page, vocab)
    assert [c.pseudonym for c in review.children] == ["Zac"]


def test_a_bullets_own_number_is_not_part_of_its_point(tmp_path: Path, vocab: Vocabulary) -> None:
    """"• 1. Health visitors ...": a drawing's bulleted list over its own numbers; the point is
    "Health visitors ...", without the "1. "."""
    page = ("Learning Review – Child W (invented)\n\nArea: Angus\n\nWhat happened\n\nChild W, aged "
            "three, was neglected in 2023.\n\nRecommendations\n\n• 1. Health visitors share the "
            "history when a family moves.\n\n• 2. The Committee audits chronologies.\n")
    (review,) = reviews_of_page(tmp_path, "poster.txt", page, vocab)
    assert [i.text for i in review.recommendations] == [
        "Health visitors share the history when a family moves", "The Committee audits chronologies"]


def test_a_blogs_links_list_is_no_learning(tmp_path: Path, vocab: Vocabulary) -> None:
    """A blog theme's "links" list (Pelican's blogroll) after a review's learning is an aside:
    its partnerships' names are no learning points."""
    page = ("Two reviews (invented)\n\nBaby J – Anytown learning review (published 2024)\n\n"
            "Baby J was three months old when he was found to have a fractured arm in 2023.\n\n"
            "Learning\n\n• A bruise on a baby is a warning sign.\n\n"
            "• Police call-outs were not shared.\n\nWhat this means for us\n\nCheck your records.\n\n"
            "links\n\n• Anytown Safeguarding Children Partnership\n\n"
            "• Othertown Safeguarding Children Partnership\n")
    (review,) = reviews_of_page(tmp_path, "post.txt", page, vocab)
    assert not [i.text for i in review.learning if "Partnership" in i.text or "links" in i.text]


def test_a_comment_over_its_date_is_no_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """A feed item's RFC 3339 date (Atom's) is its date line, under its title, not a title of
    its own; and only a title's: a comment that ends its sentence ("... it was awful.") over
    its date is no review of its own."""
    page = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Practice blog '
            "(invented)</title><entry><title>CMR – ‘Child N’ (invented)</title>"
            "<published>2023-06-21T08:00:00Z</published><content type='html'>&lt;p&gt;Council area: "
            "Belfast&lt;/p&gt;&lt;p&gt;Child N, aged eight, was punched by his father in 2022. The review "
            "makes 8 recommendations.&lt;/p&gt;</content></entry>"
            "<entry><title>I'm glad the review didn't jump to conclusions. It was awful.</title>"
            "<published>2023-06-22T10:00:00Z</published><content>(a reader's comment)</content></entry>"
            "</feed>")
    reviews = reviews_of_page(tmp_path, "comments.atom", page, vocab)
    assert [r.title for r in reviews] == ["CMR – ‘Child N’ (invented)"]


def test_api_plumbing_is_no_field(tmp_path: Path) -> None:
    """An Airtable record's "createdTime" and a YouTube video's "kind", "etag" and
    "contentDetails" fields say how the data is kept or served, not what the review is."""
    response = {"records": [{"id": "recA", "createdTime": "2024-03-04T10:00:00.000Z",
                             "kind": "youtube#video", "etag": "abc",
                             "contentDetails": {"dimension": "2d", "definition": "hd",
                                                "projection": "rectangular"},
                             "fields": {"Name": "CMR – Child P (invented)", "Published": "2024-01-11"}}]}
    page = tmp_path / "records.json"
    page.write_text(json.dumps(response), encoding="utf-8")
    text = read_source(page).text
    for label in ("Created time:", "Kind:", "Etag:", "Dimension:", "Definition:", "Projection:"):
        assert label not in text


# -------------------------------------------------------------------------------------- facts
def test_help_a_family_lacked_names_no_one_else(tmp_path: Path, vocab: Vocabulary) -> None:
    """"with no help from family or friends": the family's isolation (RF-ISOL), and no other
    person whose debt it would be: the household's debt is the family's (RF-POV)."""
    review = _account(tmp_path, vocab, "Child V was a nine-year-old girl who was neglected in 2022. "
                                       "Her mother cared for her alone, with no help from family or "
                                       "friends, and the household was in serious debt.")
    assert {"RF-ISOL", "RF-POV"} <= _facts(review, "risk_factors")


def test_a_man_professionals_did_not_know_lived_there(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Professionals did not know he lived in the house", after the man who lodged there: an
    unknown man (RF-MEN); "abuse in her own childhood" is the mother's own (RF-PACE)."""
    review = _account(tmp_path, vocab, "Child V, aged 12, was sexually abused by a man who lodged "
                                       "with the family. Professionals did not know he lived in the "
                                       "house. Her mother had experienced abuse in her own childhood.")
    assert {"RF-MEN", "RF-PACE"} <= _facts(review, "risk_factors")


def test_why_this_matters_tells_no_fact_of_the_case(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Why this matters" is a briefing's general part: deaths across the UK are no death of
    this child; "Alcohol and drug use were not factors" denies them."""
    page = ("Learning Briefing: CMR ‘Child V’ (invented)\n\nWhat happened\n\nChild V was eight when "
            "he was seriously injured in the family home in 2022 by a dog that belonged to his "
            "mother's partner. Alcohol and drug use were not factors in this family.\n\n"
            "Why this matters\n\nAcross the UK, dog attacks have caused the deaths of young children.\n\n"
            "Key learning\n\n1. Practitioners did not ask about the dog.\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert "H-DEATH" not in _facts(review, "harms")
    assert "RF-ANIM" in _facts(review, "risk_factors")
    assert not {"RF-SUB", "RF-ALC", "RF-DRG"} & _facts(review, "risk_factors")


def test_neglect_in_plain_words(tmp_path: Path, vocab: Vocabulary) -> None:
    """A toddler "left alone for a long period" in the bath is neglected (H-NEG); concerns about
    "the condition of the home" before it are earlier neglect (RF-NEG)."""
    review = _account(tmp_path, vocab, "Child V was 22 months old when he drowned in the bath in 2023 "
                                       "after being left alone for a long period. Social workers had "
                                       "been involved because of long-standing concerns about the "
                                       "condition of the home.")
    assert "H-NEG" in _facts(review, "harms") and "RF-NEG" in _facts(review, "risk_factors")


def test_intensive_care_is_a_hospitals(tmp_path: Path, vocab: Vocabulary) -> None:
    """"needed intensive care" is a hospital's care (AG-HOSP).  (Pharmacists, which validation44's
    labeller coded as health services, were tried and left out: of the 22 development reviews
    that name them, 12 have that code and 10 do not.)"""
    review = _account(tmp_path, vocab, "Child V, aged three, swallowed methadone in 2023 and needed "
                                       "intensive care.")
    assert "AG-HOSP" in _facts(review, "agencies")


def test_a_regional_boards_authority_after_a_comma_is_the_area(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Published by: Mid and West Wales Safeguarding Board (CYSUR), Powys": the board's region
    narrowed to its authority named after the comma; "Published by: Sefton Safeguarding Children
    Partnership" names Sefton."""
    page = ("CASE REVIEW LIBRARY (invented) - RECENTLY CATALOGUED\n\n"
            "1. Concise child practice review: Child Z\n\nYear of publication: 2023\n"
            "Published by: Mid and West Wales Safeguarding Board (CYSUR), Powys\n\n"
            "Child Z, a girl aged 15, was sexually exploited in 2022.\n\n"
            "2. Local child safeguarding practice review: Child Y\n\nYear of publication: 2024\n"
            "Published by: Sefton Safeguarding Children Partnership\n\n"
            "Child Y, a four-year-old boy, was scalded in 2022.\n")
    reviews = reviews_of_page(tmp_path, "catalogue.txt", page, vocab)
    assert [r.area for r in reviews] == ["Powys", "Sefton"]


def test_a_bare_iso_timestamp_splits_no_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """A timestamp on a line of its own ("2024-06-12T09:45:12Z", a wiki's revision, a notebook's
    metadata) is no feed item's date: the line above it neither heads a review nor ends one, and
    the learning after it stays the review's.  (The session's first reading of Atom's dates took
    any such line for one, and validation45's end measure fell with it.)"""
    page = ("Learning Review – Child P (invented)\n\nArea: Fife\n\nChild P, aged six, was neglected "
            "in 2023.\n\nLast edited by the wiki team\n2024-06-12T09:45:12Z\n\nLearning\n\n"
            "• Weigh children at every contact.\n\n• Share what the school sees.\n")
    (review,) = reviews_of_page(tmp_path, "wiki.txt", page, vocab)
    assert len(review.learning) == 2
