"""File types and layouts of validation59 (session 76): a partnership's digest for e-readers as a
calibre TXTZ e-book (``.txtz``), an archive's TIFF scan catalogued in its own tags (``.tif``), a
library's ISI export (``.isi``), a Speex podcast and a Windows Media video read from a folder
(``.spx``, ``.wmv``), a WeasyPrint digest of two reviews, one a page, each in two columns, an
MkDocs site's search index, and an annual report's reviews told as paragraphs that open with
their area.  Before, the TXTZ and the TIFF were refused as binary files, the ISI export's third
record was lost, the digest's first learning was read as the second review's, the search index's
pages were four spurious reviews, and the annual report's five children had no age or sex.

validation59's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import INVENTED_NOTE as NOTE
from support import (
    read_or_one_line_when_cut,
    read_or_one_line_when_damaged,
    refused_in_one_line,
    reviews_by_page,
    zipped,
)

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.columns import columns_as_text
from casegraph.ingest.interchange import isi_records
from casegraph.ingest.photo import tiff_text
from casegraph.ingest.sources import discover, not_read, read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation59" / "pages"
TXTZ = PAGES / "NSCP Learning from Reviews Digest - Winter 2024 (e-reader).txtz"
TIFF = PAGES / "SACPC-CMR-2011-04-ChildE-summary-scan.tif"
ISI = PAGES / "caselib-export-2024-12-three-records.isi"
SPX = PAGES / "Practice Bites - Episode 21 - Two Learning Reviews.spx"
WMV = PAGES / "MWWSB Practice Learning Film - Extended CPR Seren.wmv"
PDF = PAGES / "NWSB Learning Digest 2024-2 - two reviews.pdf"
SEARCH = PAGES / "sbni-learning-site-search_index.json"
ANNUAL = PAGES / "sbni-annual-report-2023-24-section4-cmrs.txt"


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The e-book holds Norfolk's two reviews, the scan Child E's CMR, the export three records
    (the national review among them), the podcast two Highland learning reviews, the video
    Seren's extended CPR."""
    by_page = reviews_by_page([TXTZ, TIFF, ISI, SPX, WMV], vocab)
    assert [c.pseudonym for r in by_page[TXTZ.name] for c in r.children] == ["Child T", "Baby Z"]
    (scan,) = by_page[TIFF.name]
    assert [(c.pseudonym, c.sex) for c in scan.children] == [("Child E", "male")]
    assert scan.publication_year == 2011
    assert [r.title for r in by_page[ISI.name]] == [
        "Serious case review: Child D", "Significant case review: Child J",
        "National review: babies harmed by men who were invisible to services"]
    assert [r.publication_year for r in by_page[ISI.name]] == [2015, 2016, 2023]
    assert [c.pseudonym for r in by_page[SPX.name] for c in r.children] == ["Child P", "Baby Isla"]
    assert [c.pseudonym for r in by_page[WMV.name] for c in r.children] == ["Seren"]


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {TXTZ.name, TIFF.name, ISI.name, SPX.name, WMV.name} <= found
    assert not_read([PAGES]) == []


def test_each_page_of_a_two_column_digest_keeps_its_own_learning(vocab: Vocabulary) -> None:
    """Child B's three learning points (right column, page 1) are his review's, Child F's two
    and its two recommendations (page 2) are hers; the "Learning" headings head no review."""
    (child_b, child_f) = reviews_by_page([PDF], vocab)[PDF.name]
    assert ([c.pseudonym for c in child_b.children], len(child_b.learning)) == (["Child B"], 3)
    assert ([c.pseudonym for c in child_f.children], len(child_f.learning)) == (["Child F"], 2)
    assert len(child_f.recommendations) == 2
    assert (child_b.children[0].age_months, child_f.children[0].age_months) == (22, 132)


def test_a_search_index_is_read_as_its_sites_pages(vocab: Vocabulary) -> None:
    """Two CMRs, each with its learning: the site's home page, its help section and the page's
    own entry (which repeats every section) give none."""
    reviews = reviews_by_page([SEARCH], vocab)[SEARCH.name]
    assert [r.title for r in reviews] == ["Case Management Review – Child N", "Case Management Review – Ryan"]
    assert all(r.learning for r in reviews)


def test_an_area_line_that_goes_on_into_the_account_gives_the_childs_age(vocab: Vocabulary) -> None:
    """"Area: South Eastern Trust. Child H, a three-year-old boy, drowned ... in June 2022": the
    area is the first sentence, and the rest is the account the age, sex and date are read from."""
    reviews = reviews_by_page([ANNUAL], vocab)[ANNUAL.name]
    assert [(c.pseudonym, c.age_months, c.sex) for r in reviews for c in r.children] == [
        ("Child H", 36, "male"), ("Maya", 84, "female"), ("Josh", 108, "male"), ("Child O", 5, "female")]
    first = reviews[0]
    assert (first.area, first.incident_year, first.incident_month) == ("South Eastern Trust", 2022, 6)


# ---------------------------------------------------------------------------------------- TXTZ
def _opf(formatting: str) -> str:
    return f"<metadata><dc-metadata/><text-formatting>{formatting}</text-formatting></metadata>"


@pytest.mark.parametrize(("members", "shown", "hidden"), [
    ({"index.txt": f"# Child K\n\n*{NOTE}*\n", "metadata.opf": _opf("markdown")}, "Child K", "*"),
    ({"index.txt": f"h2. Child K\n\np. _{NOTE}_\n", "metadata.opf": _opf("textile")}, "Child K", "h2."),
    # (no metadata: the text file's suffix says Markdown)
    ({"digest.md": f"## Child K\n\n**{NOTE}**\n"}, "Child K", "**"),
    # (plain: what looks like Markdown is the text's own)
    ({"index.txt": f"**Child K**\n\n{NOTE}\n", "metadata.opf": _opf("plain")}, "**Child K**", "h2."),
])
def test_a_txtz_is_read_as_the_markup_its_metadata_names(tmp_path: Path, members: dict[str, str],
                                                        shown: str, hidden: str) -> None:
    page = tmp_path / "digest.txtz"
    page.write_bytes(zipped(members))
    text = read_source(page).text
    assert shown in text and "Child K is not a real child." in text
    assert hidden not in text


def test_a_txtz_without_a_text_file_is_refused_in_one_line(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "empty.txtz", zipped({"metadata.opf": _opf("plain"), "cover.jpg": "x"}))


# ---------------------------------------------------------------------------------------- TIFF
_ASCII, _BYTE, _SHORT, _LONG = 2, 1, 3, 4


def _tiff(tags: dict[int, tuple[int, bytes]], order: str = "<", big: bool = False,
          second_page: dict[int, tuple[int, bytes]] | None = None) -> bytes:
    """A TIFF (classic or BigTIFF, either byte order) whose directories hold ``tags`` (type,
    value bytes) and a one-pixel strip; a second page's directory when given.  The values
    stand after the directories, as many writers put them."""
    magic = (b"II" if order == "<" else b"MM") + struct.pack(order + "H", 43 if big else 42)
    header = magic + (struct.pack(order + "HHQ", 8, 0, 16) if big else struct.pack(order + "I", 8))
    pages = [tags] + ([second_page] if second_page else [])
    entry, count, offset = (20, "Q", "Q") if big else (12, "H", "I")
    inline = 8 if big else 4
    sizes = [struct.calcsize(order + count) + (len(p) + 1) * entry + inline for p in pages]
    at = len(header) + sum(sizes)
    directories, values = b"", b""
    for n, page in enumerate(pages):
        body = struct.pack(order + count, len(page) + 1)
        for tag, (kind, raw) in sorted({**page, 273: (_LONG, struct.pack(order + "I", 0))}.items()):
            length = len(raw) // {_ASCII: 1, _BYTE: 1, _SHORT: 2, _LONG: 4}[kind]
            if len(raw) <= inline:
                field = raw.ljust(inline, b"\0")
            else:
                field = struct.pack(order + offset, at + len(values))
                values += raw
            body += struct.pack(order + "HH" + ("Q" if big else "I"), tag, kind, length) + field
        following = len(header) + sum(sizes[:n + 1]) if n + 1 < len(pages) else 0
        directories += body + struct.pack(order + offset, following)
    return header + directories + values


@pytest.mark.parametrize(("order", "big"), [("<", False), (">", False), ("<", True), (">", True)])
def test_a_tiffs_description_is_read_in_either_byte_order(order: str, big: bool) -> None:
    """ImageDescription is the card's paragraph, Artist its maker, the document's name its title
    when no other tag gives one; classic TIFF and BigTIFF, little- and big-endian alike."""
    text = tiff_text(_tiff({269: (_ASCII, b"Shelf mark CMR/2011/04\0"),
                            315: (_ASCII, b"Testshire Committee\0"),
                            270: (_ASCII, ACCOUNT.encode() + b"\0")}, order, big))
    assert text.splitlines()[:2] == ["Shelf mark CMR/2011/04", "Testshire Committee"]
    assert "Child K is a six-year-old boy who was neglected for two years." in text


def test_windows_tags_and_a_second_page_are_read() -> None:
    """Windows Explorer's XPTitle and XPComment (UTF-16) give the title and description; a
    second page's own description follows the first's."""
    first = {40091: (_BYTE, "Learning summary: Child K\0".encode("utf-16-le")),
             40092: (_BYTE, (ACCOUNT + "\0").encode("utf-16-le"))}
    second = {270: (_ASCII, b"Page 2: the review made 4 recommendations.\0")}
    text = tiff_text(_tiff(first, second_page=second))
    assert text.splitlines()[0] == "Learning summary: Child K"
    assert text.index("six-year-old boy") < text.index("the review made 4 recommendations")


def test_a_folder_leaves_out_a_tiff_without_a_description(tmp_path: Path) -> None:
    """A scanned form with no description, and a scan cut short, are left out of a folder,
    said to be TIFFs without one or damaged, and each refused in one line, saying which, when
    named; a catalogued scan is read."""
    blank = _tiff({305: (_ASCII, b"Testscan 2.0\0")})
    described = _tiff({270: (_ASCII, ACCOUNT.encode())})
    (tmp_path / "form.tif").write_bytes(blank)
    (tmp_path / "cut.tif").write_bytes(described[:-40])
    (tmp_path / "summary.tiff").write_bytes(described)
    assert [p.name for p in discover([tmp_path])] == ["summary.tiff"]
    assert not_read([tmp_path]) == [f"{tmp_path}: 2 TIFF image(s) not read, their tags holding no "
                                    "description, or damaged: cut.tif, form.tif; name one on the command "
                                    "line to see why"]
    refused_in_one_line(tmp_path / "form.tif", blank)
    refused_in_one_line(tmp_path / "cut.tif", described[:-40])
    with pytest.raises(CasegraphError, match=r"cut\.tif: .*damaged TIFF image"):
        read_source(tmp_path / "cut.tif")


def test_a_tiff_directory_that_loops_or_runs_past_the_end_is_no_hang_and_no_crash(tmp_path: Path) -> None:
    """A directory whose next page is itself ends the walk; a value past the file's end is a
    damaged file, refused in one line."""
    looped = bytearray(_tiff({270: (_ASCII, ACCOUNT.encode())}))
    struct.pack_into("<I", looped, 8 + 2 + 2 * 12, 8)  # (its next directory: itself)
    assert "Child K" in tiff_text(bytes(looped))
    cut = _tiff({270: (_ASCII, ACCOUNT.encode())})[:-40]
    refused_in_one_line(tmp_path / "cut.tif", cut)
    # (a BigTIFF directory that claims 2**63 entries: refused, never read as a length)
    huge = b"II+\x00" + struct.pack("<HHQ", 8, 0, 16) + struct.pack("<Q", 2**63) + b"\0" * 40
    refused_in_one_line(tmp_path / "huge.tif", huge)


# ----------------------------------------------------------------------------------------- ISI
def test_an_isi_record_reads_its_wrapped_fields_and_full_authors() -> None:
    """A line opening with three spaces goes on with the field above (an author a line, the
    abstract one text); full names ("AF") stand before short ones; keywords are apart at
    semicolons; an export cut before its last "ER" keeps that record."""
    raw = ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Partnership, T\n   Board, T\n"
           "AF Testshire Partnership\n   Testshire Board\nTI Local child safeguarding practice review:\n"
           "   Child K\nPY 2024\nDE neglect; disabled children\nAB " + NOTE + "\n   Child K is six.\nER\n\n"
           "PT J\nTI Serious case review: Child L\nPY 2012\n")
    first, second = isi_records(raw)
    assert first["title"] == "Local child safeguarding practice review: Child K"
    assert first["creator"] == ["Testshire Partnership", "Testshire Board"]
    assert first["subjects"] == ["neglect", "disabled children"]
    assert str(first["abstract"]).endswith("Child K is not a real child. Child K is six.")
    assert (second["title"], second["date"]) == ("Serious case review: Child L", "2012")


def test_an_isi_file_without_a_record_is_refused_in_one_line(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "export.isi", b"FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n")


# ------------------------------------------------------------------------------------- columns
def test_a_columns_list_indented_inside_it_is_still_the_column() -> None:
    """The right column's heading at its edge, its numbered items four places in, their wrapped
    lines seven: the block is read left column, then right; the heading of the line across the
    page after it stays with that line."""
    left = ["Child K, a boy aged two, was", "taken to the emergency", "department in 2023 with",
            "bruising to his ears and", "back, which was found to", "have been inflicted by", "an adult."]
    right = ["Learning", "    1. Bruising to the ears", "       should always lead", "       to a medical.",
             "    2. Police call-outs should", "       be shared with", "       the health visitor."]
    rows = [f" {a:<40}        {b}".rstrip() for a, b in zip(left, right, strict=True)]
    text = columns_as_text("\n".join([*rows, "", "   Dates for your diary",
                                      "   A webinar on this review for every practitioner: 9 July 2024."]))
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    assert lines.index("an adult.") < lines.index("Learning") < lines.index("to a medical.")
    assert lines[-2:] == ["Dates for your diary",
                          "A webinar on this review for every practitioner: 9 July 2024."]


# -------------------------------------------------------------------------------------- rules
def _one_review(tmp_path: Path, vocab: Vocabulary, text: str, name: str = "page.txt"):  # type: ignore[no-untyped-def]
    page = tmp_path / name
    page.write_text(f"[{NOTE}]\n\n{text}", encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    return review


def test_a_review_kind_before_a_colon_is_no_area(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Local Learning Review: Baby Z" names a kind of review, not an area: the area is the one
    the digest's publisher gives, as for the review before it."""
    page = tmp_path / "digest.md"
    page.write_text(f"# Learning from Reviews Digest\n\n*Norfolk Safeguarding Children Partnership. "
                    f"{NOTE}*\n\n## Local Child Safeguarding Practice Review: Child K\n\n**Published October "
                    "2024**\n\nChild K, aged nine, was neglected.\n\n## Local Learning Review: "
                    "Baby Z\n\n**Published October 2024**\n\nBaby Z, a ten-month-old boy, was taken to "
                    "hospital with a fracture.\n", encoding="utf-8")
    assert [r.area for r in extract_reviews([page], vocab)[0]] == ["Norfolk", "Norfolk"]


def test_an_old_northern_ireland_committee_keeps_its_area(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Southern Area Child Protection Committee" is the Southern Area's, not a place "Southern"."""
    review = _one_review(tmp_path, vocab, "Case Management Review - Child K\nSouthern Area Child "
                         "Protection Committee. Published June 2011.\n\nChild K, a six-week-old boy, "
                         "died in August 2010.\n")
    assert review.area == "Southern Area"


@pytest.mark.parametrize(("after", "learning"), [
    # the learning told in the account's prose
    ("The learning in this review is about curiosity: practitioners should ask who is living in "
     "the home at every contact.", 1),
    # a learning paragraph, then one that only tells of the recommendations
    ("\nLearning: safer sleep advice must be given to fathers as well as mothers.\n\nThe executive "
     "summary lists eight recommendations; the archive holds the summary only.", 1),
    ("\nLearning: probation, the hospital and the health visitor each held part of the picture.\n\n"
     "The recommendations are not summarised in this digest.", 1),
])
def test_learning_is_counted_as_the_page_tells_it(tmp_path: Path, vocab: Vocabulary, after: str,
                                                   learning: int) -> None:
    review = _one_review(tmp_path, vocab, "Learning Review - Baby K\n\nBaby K was four months old "
                         f"when she suffered a head injury in 2023. {after}\n")
    assert len(review.learning) == learning


@pytest.mark.parametrize(("point_ends", "after_point", "count"), [
    # a news story's one point under "including:", then its next paragraph: one recommendation
    (".", "\nChild K has since recovered and lives with relatives.\n", 1),
    # the point's words going on after a page break's blank line: still one
    (" and tell children's", "\nservices.\n", 1),
])
def test_a_list_of_one_point_ends_where_the_story_goes_on(tmp_path: Path, vocab: Vocabulary, point_ends: str,
                                                         after_point: str, count: int) -> None:
    text = ("Review finds neglect of toddler was missed\n\nChild K, aged two, was found underweight in "
            "2023.\n\nThe review makes 11 recommendations, including:\n\n- that adult drug services "
            f"ask every client whether children live with them{point_ends}\n{after_point}")
    review = _one_review(tmp_path, vocab, text)
    assert len(review.recommendations) == count


def test_a_list_of_one_point_goes_on_after_its_explanation(tmp_path: Path, vocab: Vocabulary) -> None:
    """A point with its explanation under it, then the next point: the list goes on to it."""
    text = ("Review finds neglect of toddler was missed\n\nChild K, aged two, was found underweight in "
            "2023.\n\nThe review makes 11 recommendations, including:\n\n- that adult drug services "
            "ask every client whether children live with them.\n\nThis is what the review asked for "
            "first.\n\n- that schools ask about carers at enrolment.\n")
    review = _one_review(tmp_path, vocab, text)
    assert "that schools ask about carers at enrolment" in [r.text for r in review.recommendations]


def test_a_tiles_learning_is_its_points_not_its_link(vocab: Vocabulary) -> None:
    """(devlocal26's tiles, hand-labelled 1, 2 and 1 learning points) "➡️ Open briefing" under a
    tile is its link, no learning point; a learning line's semicolon joins two clauses of one
    point, unless a capitalised word after it opens the next ("...; Share police reports ...")."""
    tiles = TESTS / "corpus" / "devlocal26" / "p07-tiles.txt"
    assert [len(r.learning) for r in extract_reviews([tiles], vocab)[0]] == [1, 2, 1]


def test_a_forum_thread_in_bbcode_reads_as_its_posts(tmp_path: Path, vocab: Vocabulary) -> None:
    """(validation17's forum thread) BBCode's tags are no words: a heading in "[size][b]" gives
    its area, "[*]" items are the list's points, a link is its words, and a quote of an earlier
    post is not said twice."""
    page = tmp_path / "thread.bbcode.txt"
    page.write_text(
        f"[b]Topic: a review out this month[/b]\n[size=85][i]{NOTE}[/i][/size]\n\n[b]Post #1[/b] by "
        "[color=#0066cc]dsl_one[/color]\n\n[size=120][b]Child K – LCSPR, Stockport (published 2023)[/b]"
        "[/size]\n\nChild K was a 15-year-old boy who was exploited in 2022.\n\nWhat we need to learn:\n"
        "[list]\n[*]Missing episodes are a warning.\n[*]Exclusion removed a trusted adult.\n[/list]\n\n"
        "[url=https://example.invalid/k]Read the report[/url]\n\n[b]Post #2[/b] by [color=#0066cc]dsl_two"
        "[/color]\n[quote=\"dsl_one\"]Missing episodes are a warning.[/quote]\nAgreed.\n", encoding="utf-8")
    text = read_source(page).text
    assert "[" not in text and "Read the report" in text
    assert text.count("Missing episodes are a warning.") == 1
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.area, len(review.learning)) == ("Stockport", 2)


def test_an_online_events_location_is_no_area(vocab: Vocabulary) -> None:
    """(devlocal45's calendar export, hand-labelled) "Online - Microsoft Teams" is where a
    learning event is held, not the review's area: the area is the one its account gives."""
    export = TESTS / "corpus" / "devlocal45" / "outlook-calendar-export.csv"
    areas = {r.title: r.area for r in extract_reviews([export], vocab)[0]}
    assert not any("Teams" in (a or "") for a in areas.values())
    assert areas["Briefing: Concise CPR - Siblings A and B"] == "South East Wales"


def test_a_calendar_saved_as_text_is_read_as_its_events(vocab: Vocabulary) -> None:
    """(validation11's events calendar, saved as ``.txt``, hand-labelled two reviews) read as a
    calendar: each event a review under its summary, not the file's lines (one review was lost,
    the other ran on with thirteen learning points)."""
    calendar = TESTS / "validation11" / "pages" / "dg-cpc-learning-events.txt"
    assert [r.title for r in extract_reviews([calendar], vocab)[0]] == [
        "Learning Review briefing: Isla", "Lunch & Learn: Significant Case Review Child C"]


def test_a_drafts_comments_are_beside_the_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """Google Docs' text download puts a draft's comments at its end ("[c]Draft 0.2 said the
    mother was using drugs ..."): no fact of the case and no recommendation."""
    text = ("3. Western Trust CMR – Child K (published 2023)\n\nChild K was a 16-year-old boy in "
            "residential care. He was found unconscious after taking tablets.[c]\n\nRecommendations\n"
            "* The Trust to provide overdose awareness training in all children's homes.\n\n\n"
            "[a]Please do not circulate.\n[c]Draft 0.2 said the mother was using drugs and had "
            "depression. The report does not say that - removed.\n")
    review = _one_review(tmp_path, vocab, text, "draft.gdoc.txt")
    assert len(review.recommendations) == 1
    assert not {"RF-DRG", "RF-SUB", "RF-PMH"} & {c.notation for c in review.risk_factors}


def test_a_registers_keywords_and_none_recorded_columns(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Markdown register's "Keywords" cell gives the review's keywords, its "None recorded"
    under "Recommendations" none."""
    text = ("| Review | Published | Area | Summary | Recommendations | Keywords |\n| --- | --- | --- | --- "
            "| --- | --- |\n| Significant Case Review: Baby K | 2017 | South Lanarkshire | Baby K, a "
            "three-month-old girl, died in May 2016 from head injuries. | None recorded | head injury; "
            "infants |\n")
    review = _one_review(tmp_path, vocab, text, "register.md")
    assert (review.recommendations, review.keywords) == ([], ["head injury", "infants"])


def test_a_training_date_after_a_briefing_is_no_keyword_line(tmp_path: Path, vocab: Vocabulary) -> None:
    text = ("7 MINUTE BRIEFING\nConcise Child Practice Review - Child K\n\nBACKGROUND\nChild K is a "
            "sixteen-year-old girl who self-harmed in 2024.\n\nFIND OUT MORE\nRead the full review on "
            "the Board's website. Training: Self-harm and\nexploitation, 3 October 2024.\n")
    assert _one_review(tmp_path, vocab, text).keywords == []


def test_a_field_run_into_the_account_without_a_full_stop(tmp_path: Path, vocab: Vocabulary) -> None:
    """A search index keeps no paragraph breaks: "Area: Belfast Child N is a 12-year-old girl ..."
    is the area, then the account from where the heading's child is named."""
    review = _one_review(tmp_path, vocab, "Case Management Review – Child K\n\nPublished: November "
                         "2023 · Area: Belfast Child K is a 12-year-old girl with cerebral palsy. During "
                         "2022 she lost a quarter of her body weight; she had been neglected.\n")
    assert (review.area, [(c.age_months, c.sex) for c in review.children]) == ("Belfast", [(144, "female")])


# ------------------------------------------------------------------------------------- damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    read_or_one_line_when_damaged([TXTZ, ISI, SEARCH], tmp_path, seed=76, rounds=30)
    (tmp_path / "source").mkdir()
    small = tmp_path / "source" / "scan.tif"
    small.write_bytes(_tiff({269: (_ASCII, b"CMR/2011/04\0"), 270: (_ASCII, ACCOUNT.encode() + b"\0")}))
    read_or_one_line_when_damaged([small, TIFF], tmp_path, seed=76, rounds=40)
    read_or_one_line_when_cut([("cut.tif", small.read_bytes()), ("cut.txtz", TXTZ.read_bytes())], tmp_path)


def test_a_search_index_of_another_kind_of_json_is_read_as_json(tmp_path: Path) -> None:
    """A JSON file with "docs" but no search configuration is no MkDocs index: read as records."""
    page = tmp_path / "docs.json"
    page.write_text(json.dumps({"docs": [{"location": "a/", "title": "Child K", "text": NOTE}]}),
                    encoding="utf-8")
    assert "Child K is not a real child." in read_source(page).text
