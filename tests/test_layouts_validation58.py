"""File types and layouts of validation58 (session 75): a Welsh board's practice learning pack as
a calibre HTMLZ e-book (``.htmlz``), a CPC podcast's Broadcast WAV master whose RIFF tags hold
the show notes (``.wav``), a partnership's "learning on a page" poster whose PNG text chunks
hold its alt text (``.png``), a CKAN portal's ``package_search`` response (``.json``), and four
layouts whose review headings were missed.  Before, the three files were refused as binary
files, the CKAN datasets were headed by their publisher's name, and 9 of validation58's 27
reviews were lost when its pages were named.

validation58's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import INVENTED_NOTE as NOTE
from support import read_or_one_line_when_cut, read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.media import wav_text
from casegraph.ingest.parse import parse_page
from casegraph.ingest.photo import png_text
from casegraph.ingest.sources import discover, not_read, read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation58" / "pages"
HTMLZ = PAGES / "WGSB Practice Learning Pack 2024 - Child Practice Reviews.htmlz"
WAV = PAGES / "HCPC Practice Pod S2E3 - Learning Review Rowan - BWF master.wav"
PNG = PAGES / "NSCP-learning-on-a-page-LCSPR-Child-Y-Jan2024.png"
CKAN = PAGES / "opendatani-api-3-action-package_search-q-case-management-review.json"


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The e-book holds two Welsh CPRs; the podcast master Rowan's learning review in Highland;
    the poster Child Y's LCSPR; the portal's response two CMRs, each under its dataset's title
    (its training dataset is no review)."""
    reviews = extract_reviews([HTMLZ, WAV, PNG, CKAN], vocab)[0]
    by_page: dict[str, list] = {}
    for r in reviews:
        by_page.setdefault(Path(r.sources[0].path).name, []).append(r)
    assert [c.pseudonym for r in by_page[HTMLZ.name] for c in r.children] == ["Child M", "Baby T"]
    (rowan,) = by_page[WAV.name]
    assert ([c.pseudonym for c in rowan.children], rowan.area) == (["Rowan"], "Highland")
    (poster,) = by_page[PNG.name]
    assert [(c.pseudonym, c.age_months) for c in poster.children] == [("Child Y", 84)]
    assert [r.title for r in by_page[CKAN.name]] == [
        "Case Management Review – Child N (Belfast)",
        "Case Management Review – Baby E (Newry, Mourne and Down)"]
    assert [r.publication_year for r in by_page[CKAN.name]] == [2024, 2023]


def test_a_folder_offers_the_e_book_the_recording_and_the_poster() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {HTMLZ.name, WAV.name, PNG.name} <= found
    assert not_read([PAGES]) == []


# ----------------------------------------------------------------------------------------- PNG
def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(*text_chunks: bytes, after: bytes = b"") -> bytes:
    """A 1x1 grey PNG with ``text_chunks`` before its picture data and ``after`` it."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = _chunk(b"IDAT", zlib.compress(b"\x00\x80"))
    return b"\x89PNG\r\n\x1a\n" + header + b"".join(text_chunks) + pixels + after + _chunk(b"IEND", b"")




def test_every_kind_of_png_text_chunk_is_read() -> None:
    """tEXt's Latin-1, zTXt's deflated words and iTXt's compressed UTF-8 (after its language and
    translated keyword); the title heads the card, the author under it, the description its
    paragraph; a chunk written after the picture's data is read too."""
    poster = _png(_chunk(b"tEXt", b"Title\0Learning on a page: Child K"),
                  _chunk(b"zTXt", b"Author\0\0" + zlib.compress("Testshire Partnership".encode("latin-1"))),
                  after=_chunk(b"iTXt", b"Description\0\x01\0en-GB\0Beschreibung\0"
                               + zlib.compress(ACCOUNT.replace("boy", "boy – aged six").encode())))
    text = png_text(poster)
    assert text.splitlines()[:2] == ["Learning on a page: Child K", "Testshire Partnership"]
    assert "six-year-old boy – aged six who was neglected" in text


def test_a_png_with_only_xmp_reads_its_dc_description() -> None:
    xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
           '22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:'
           'description><rdf:Alt><rdf:li xml:lang="x-default">' + ACCOUNT + '</rdf:li></rdf:Alt>'
           '</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>')
    text = png_text(_png(_chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0" + xmp.encode())))
    assert "Child K is a six-year-old boy" in text


def test_a_folder_leaves_out_a_png_without_a_description(tmp_path: Path) -> None:
    """A chart or logo (no description) is left out of a folder, said to be a PNG without one,
    and refused in one line when named; a poster with one is read."""
    (tmp_path / "chart.png").write_bytes(_png(_chunk(b"tEXt", b"Software\0Testplot 1.0")))
    (tmp_path / "poster.png").write_bytes(_png(_chunk(b"tEXt", b"Description\0" + ACCOUNT.encode())))
    assert [p.name for p in discover([tmp_path])] == ["poster.png"]
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 PNG image(s) not read, their text chunks holding "
                                    "no description (alt text), or damaged: chart.png; name one on the "
                                    "command line to see why"]
    refused_in_one_line(tmp_path / "chart.png", _png(_chunk(b"tEXt", b"Software\0Testplot 1.0")))


# ----------------------------------------------------------------------------------------- WAV
def _riff(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def _info(**tags: str) -> bytes:
    return _riff(b"LIST", b"INFO" + b"".join(_riff(k.encode(), v.encode() + b"\0") for k, v in tags.items()))


def _wav(*chunks: bytes) -> bytes:
    fmt = _riff(b"fmt ", struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16))
    body = b"WAVE" + fmt + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_a_wav_reads_as_its_info_tags_wherever_they_stand() -> None:
    """The title, series, maker and date head the page, the comment is its paragraph; the tags
    are read after the sound data as before it, past a chunk of odd size."""
    recording = _wav(_riff(b"data", b"\0" * 7), _info(INAM="Episode 5: Child K", IPRD="Practice Pod",
                                                      IART="Testshire Partnership", ICRD="2024-03-01",
                                                      ICMT=ACCOUNT))
    lines = wav_text(recording).splitlines()
    assert lines[:4] == ["Episode 5: Child K", "Practice Pod", "Testshire Partnership", "2024-03-01"]
    assert "Child K is a six-year-old boy who was neglected for two years." in lines


def test_a_broadcast_wave_description_is_read_when_it_says_something_else() -> None:
    """The bext chunk's description is a paragraph (its originator the maker, its date the date
    when INFO has neither); repeated inside the comment, it is not said twice."""
    bext = ACCOUNT.encode()[:256].ljust(256, b"\0") + b"Testshire Partnership".ljust(32, b"\0") \
        + b"\0" * 32 + b"2024-03-01" + b"\0" * (602 - 330)
    text = wav_text(_wav(_riff(b"bext", bext), _riff(b"data", b"\0\0")))
    assert text.splitlines()[:2] == ["Testshire Partnership", "2024-03-01"]
    assert "Child K is a six-year-old boy" in text
    both = wav_text(_wav(_riff(b"bext", bext), _info(ICMT=ACCOUNT + " More notes.")))
    assert both.count("Child K is a six-year-old boy") == 1


def test_a_folder_leaves_out_a_wav_without_words(tmp_path: Path) -> None:
    """A sound effect (no comment, subject or description) is left out of a folder, said to be
    a recording without words, and refused in one line when named."""
    (tmp_path / "chime.wav").write_bytes(_wav(_info(INAM="Chime", ISFT="Lavf59"), _riff(b"data", b"\0\0")))
    (tmp_path / "episode.wav").write_bytes(_wav(_riff(b"data", b"\0\0"), _info(ICMT=ACCOUNT)))
    assert [p.name for p in discover([tmp_path])] == ["episode.wav"]
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 WAV recording(s) not read, their tags holding no "
                                    "comment or description, or damaged: chime.wav; name one on the command "
                                    "line to see why"]
    refused_in_one_line(tmp_path / "chime.wav", (tmp_path / "chime.wav").read_bytes())


# --------------------------------------------------------------------------------------- HTMLZ
def _htmlz(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, text in members.items():
            package.writestr(name, text)
    return out.getvalue()


def test_an_htmlz_reads_its_top_level_page(tmp_path: Path) -> None:
    """The page at the zip's top level is the book; its stylesheet and metadata are not read,
    and a zip with no page there is refused in one line."""
    page = tmp_path / "pack.htmlz"
    page.write_bytes(_htmlz({"style.css": "h2 {color: teal}", "metadata.opf": "<package/>",
                             "index.html": f"<html><body><h2>Child K</h2><p>{NOTE}</p></body></html>"}))
    text = read_source(page).text
    assert "Child K is not a real child." in text and "teal" not in text
    refused_in_one_line(page, _htmlz({"style.css": "h2 {color: teal}", "images/a.html": "<p>x</p>"}))


def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each file, and each cut short at every tenth of its length:
    every copy is read or refused in one line naming it."""
    read_or_one_line_when_damaged([HTMLZ, PNG, CKAN], tmp_path, seed=75, rounds=30)
    small_wav = _wav(_info(INAM="Episode 5", ICMT=ACCOUNT), _riff(b"data", b"\0" * 64))
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "episode.wav").write_bytes(small_wav)
    read_or_one_line_when_damaged([tmp_path / "source" / "episode.wav"], tmp_path, seed=75, rounds=60)
    read_or_one_line_when_cut([("cut.wav", small_wav), ("cut.png", PNG.read_bytes())], tmp_path)


# ---------------------------------------------------------------------------------------- CKAN
def test_a_ckan_dataset_shown_alone_is_its_page(tmp_path: Path) -> None:
    """``package_show`` (one dataset) is read as ``package_search``'s results are: its title,
    its publisher, its description's Markdown as text, its extras and tags."""
    page = tmp_path / "package_show.json"
    page.write_text(json.dumps({
        "help": "https://data.example.org/api/3/action/help_show?name=package_show", "success": True,
        "result": {"id": "x1", "name": "lcspr-child-k", "title": "LCSPR – Child K (Testshire)",
                   "notes": f"**Published:** 3 March 2024\n\n{NOTE}\n\n### Learning\n- Ask the child.",
                   "organization": {"title": "Testshire Partnership"},
                   "extras": [{"key": "review_type", "value": "LCSPR"}],
                   "tags": [{"name": "neglect", "display_name": "neglect"}], "resources": []}}),
        encoding="utf-8")
    lines = read_source(page).text.splitlines()
    assert lines[1:3] == ["LCSPR – Child K (Testshire)", "Partnership: Testshire Partnership"]
    assert {"Published: 3 March 2024", "Learning", "- Ask the child.", "Keywords: neglect"} <= set(lines)
    assert not any("**" in line or "x1" in line for line in lines)


# ------------------------------------------------------------------------------------- layouts
def _entries(tmp_path: Path, text: str) -> list[str]:
    page = tmp_path / "page.txt"
    page.write_text(f"[{NOTE}]\n\n{text}", encoding="utf-8")
    return [e.heading for e in parse_page(read_source(page)).entries]


def test_a_name_then_its_type_heads_a_review_over_its_published_line(tmp_path: Path) -> None:
    """A Hugo post's "Jack and Lily: multi-agency learning review" over its "Published: April
    2024 · Area: ..." line heads a review, as it did with its facts in brackets."""
    text = ("Three reviews published\n\nChild K – local child safeguarding practice review (LCSPR)\n\n"
            "Published: April 2024 · Area: Testshire\n\nChild K was three months old when he was "
            "injured.\n\nAmy and Ben: multi-agency learning review\n\nPublished: April 2024 · Area: "
            "Testshire\n\nThis was not a statutory review: the criteria were not met.\n\nAmy (aged four) "
            "and Ben (aged two) were neglected over a long period.\n")
    assert _entries(tmp_path, text)[-1] == "Amy and Ben: multi-agency learning review"


def test_an_at_a_glance_box_is_no_review(tmp_path: Path) -> None:
    """A practice hub's "At a glance" admonition over the facts line belongs to the review above."""
    text = ("Learning from reviews\n\nLearning Review: Child K\n\nAt a glance\n\nPublished: September "
            "2023 · Type: learning review\n\nChild K is a nine-year-old girl who was neglected.\n\n"
            "Learning Review: Baby L\n\nAt a glance\n\nPublished: February 2024 · Type: learning "
            "review\n\nBaby L was seven weeks old when she died.\n")
    assert _entries(tmp_path, text) == ["Learning Review: Child K", "Learning Review: Baby L"]


def test_a_poster_label_over_its_own_word_names_no_child(tmp_path: Path) -> None:
    """"Recommendations" over "Recommendations include that ... harming children" is a label,
    not a child's name over an account that names it again."""
    text = ("Local Child Safeguarding Practice Review: Child K - learning on a page\nTestshire "
            "Partnership\n\nThe child\nChild K is a seven-year-old girl who was hurt in 2022.\nWhat we "
            "learned\nNobody asked Child K about the new adult at home.\nRecommendations\n"
            "Recommendations include that probation share information when someone with convictions "
            "for harming children moves in with a family.\n")
    heading = "Local Child Safeguarding Practice Review: Child K - learning on a page"
    assert _entries(tmp_path, text) == [heading]


@pytest.mark.parametrize(("told", "name"), [
    ("publishes a local child safeguarding practice review into the circumstances of Ashton, an "
     "11-year-old boy who died in a house fire in January 2022.", "Ashton"),
    ("A learning review looked at the care of a girl it calls Kirsten, who was 14 when she was "
     "placed in a children's unit in 2022.", "Kirsten"),
    # (devlocal77's news story) the name, then what the review calls the child
    ("says a review found bruises were explained away. Kit, as he is called in the local child "
     "safeguarding practice review published today, died in hospital in June 2022, aged two.", "Kit"),
])
def test_a_statement_or_story_names_the_child_it_tells_of(tmp_path: Path, vocab: Vocabulary,
                                                          told: str, name: str) -> None:
    page = tmp_path / "statement.txt"
    page.write_text(f"[{NOTE}]\n\nStatement on a review\n\nThe Testshire Partnership {told}\n",
                    encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert [c.pseudonym for c in review.children] == [name]


def test_recommendations_still_to_be_published_are_none_yet(tmp_path: Path, vocab: Vocabulary) -> None:
    """(validation58's captioned podcast) "Recommendations: to be published with the Committee's
    improvement plan later this year." gives no recommendation, and the captions after it (the
    recording's words) are none of its items."""
    page = tmp_path / "show-notes.txt"
    page.write_text(
        f"[{NOTE}]\n\nLearning Review - Child K (published March 2024)\nChild K was 17 when she was "
        "assaulted by her boyfriend in August 2023.\nLearning: practitioners did not see the abuse "
        "in a teenage relationship as domestic abuse.\nRecommendations: to be published with the "
        "Committee's improvement plan later this year.\n\nWelcome to the Learning Lunch.\n\nToday we "
        "look at one review.\n\nChild K was 17.\n", encoding="utf-8")
    (review,) = extract_reviews([page], vocab)[0]
    assert (len(review.learning), review.recommendations) == (1, [])


def test_a_readers_record_mark_heads_no_entry_of_its_own() -> None:
    """(session 75) The CKAN page's "RECORD 2" mark, between its first dataset's last part and
    its second's title, had been read as a section's heading with no text, and warned of."""
    page = parse_page(read_source(CKAN))
    assert len(page.entries) == 2
    assert not any("RECORD" in w for w in page.warnings), page.warnings


def test_a_folder_reads_a_wav_whose_id3_chunk_holds_show_notes(tmp_path: Path) -> None:
    """A WAV tagged by an editor in an ID3 chunk (mutagen writes one here) is read from a folder
    when the chunk holds a comment, and left out, said so, when it holds only a title."""
    from mutagen.id3 import COMM, TIT2
    from mutagen.wave import WAVE

    for name, frames in (("notes.wav", [TIT2(encoding=3, text="Episode 5: Child K"),
                                        COMM(encoding=3, lang="eng", desc="", text=ACCOUNT)]),
                         ("sting.wav", [TIT2(encoding=3, text="Opening sting")])):
        page = tmp_path / name
        page.write_bytes(_wav(_riff(b"data", b"\0" * 16)))
        audio = WAVE(page)
        audio.add_tags()
        for frame in frames:
            audio.tags.add(frame)
        audio.save()
    assert [p.name for p in discover([tmp_path])] == ["notes.wav"]
    assert "Child K is a six-year-old boy" in read_source(tmp_path / "notes.wav").text
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 WAV recording(s) not read, their tags holding no "
                                    "comment or description, or damaged: sting.wav; name one on the command "
                                    "line to see why"]


def test_a_png_with_a_damaged_xmp_packet_is_read_by_its_text_chunks(tmp_path: Path) -> None:
    """The poster's own Description is read whatever its XMP packet's state; with no other
    description, the damaged packet is what the one-line refusal names."""
    broken = _chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><unclosed")
    described = _chunk(b"tEXt", b"Description\0" + ACCOUNT.encode())
    assert "Child K is a six-year-old boy" in png_text(_png(broken, described))
    page = tmp_path / "poster.png"
    refused_in_one_line(page, _png(broken))
    with pytest.raises(ValueError, match="damaged XMP packet"):
        png_text(_png(broken))
