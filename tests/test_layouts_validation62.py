"""File types and layouts of validation62 (session 79): a board's Flash webcast whose notes are its
``onMetaData`` comment (``.flv``), an AIFF podcast master with annotations and an ID3 chunk
(``.aiff``), an AVIF infographic whose text is its XMP item (``.avif``), a learning event's
MicroDVD captions (``.sub``) and a TEI transcription (``.tei``); an MkDocs Material page's content
tabs and "Review details" box, an html2text e-mail's one-row table, a LibreOffice register of
label/value tables, a CSL JSON reading list.  Before, the first three were refused as binary
files (the AVIF as a damaged MP4), the captions were read with their frame numbers in front of
every line, and a folder passed over the ``.sub`` and ``.tei`` pages.

validation62's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import shutil
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
    reviews_of_page,
)

from casegraph.core.errors import CasegraphError
from casegraph.core.iris import named_area
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.media import aiff_text, flv_text, microdvd_captions
from casegraph.ingest.photo import avif_text
from casegraph.ingest.sources import (
    captions_as_text,
    discover,
    not_read,
    read_source,
    spaced_fields_as_labels,
)

TESTS = Path(__file__).parent
PAGES = TESTS / "validation62" / "pages"
FLV = PAGES / "bscb-2011-webcast-learning-from-serious-case-reviews-flash.flv"
AIFF = PAGES / "ctmsb-learning-out-loud-ep07-child-practice-reviews-master.aiff"
AVIF = PAGES / "sbni-cmr-child-n-learning-on-a-page-infographic.avif"
SUB = PAGES / "fife-cpc-learning-event-2022-09-recording-captions.sub"
TEI = PAGES / "southern-acpc-cmr-training-2008-10-slides-transcription.tei"
MKDOCS = PAGES / "hscp-learning-hub-local-reviews-mkdocs-material.html"
REGISTER = PAGES / "wgsb-child-practice-review-register-2024-v3-final.pdf"


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The webcast holds two SCRs, the podcast master two Welsh CPRs (the second after its
    chapter's time, "[19:45] Extended ..."), the infographic Child N's CMR, the captions two
    Fife reviews, the transcription two CMRs."""
    by_page = reviews_by_page([FLV, AIFF, AVIF, SUB, TEI], vocab)
    assert [c.pseudonym for r in by_page[FLV.name] for c in r.children] == ["Baby J", "Sophie"]
    assert [[c.pseudonym for c in r.children] for r in by_page[AIFF.name]] == [["Child R"], ["Lily", "Mason"]]
    assert by_page[AIFF.name][1].title.startswith("Extended Child Practice Review CTMSB 1/2023")
    assert [c.pseudonym for r in by_page[AVIF.name] for c in r.children] == ["Child N"]
    assert [r.title for r in by_page[SUB.name]] == [
        "Significant Case Review: Baby K (Fife, published May 2022)",
        "Learning Review: Jack (Fife, published July 2022)"]
    assert [c.pseudonym for r in by_page[TEI.name] for c in r.children] == ["Child C", "Aoife"]


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {FLV.name, AIFF.name, AVIF.name, SUB.name, TEI.name} <= found
    assert not_read([PAGES]) == []


# ------------------------------------------------------------------------------- Flash video
def _amf_string(text: str) -> bytes:
    data = text.encode()
    return b"\x02" + struct.pack(">H", len(data)) + data


def _flv(meta: dict[str, str | float], video_first: bool = True) -> bytes:
    """An invented Flash video: its header, a video tag (when ``video_first``), then a script
    tag holding "onMetaData" and an ECMA array of ``meta`` (strings and numbers), as ffmpeg
    writes it but for the tag's order."""
    props = b"".join(struct.pack(">H", len(k.encode())) + k.encode()
                     + (_amf_string(v) if isinstance(v, str) else b"\x00" + struct.pack(">d", v))
                     for k, v in meta.items())
    script = _amf_string("onMetaData") + b"\x08" + struct.pack(">I", len(meta)) + props + b"\x00\x00\x09"

    def tag(kind: int, body: bytes) -> bytes:
        head = bytes([kind]) + len(body).to_bytes(3, "big") + bytes(7)  # (its time and stream: 0)
        return head + body + struct.pack(">I", 11 + len(body))

    return (b"FLV\x01\x05" + struct.pack(">I", 9) + struct.pack(">I", 0)
            + (tag(9, b"\x12" + bytes(40)) if video_first else b"") + tag(18, script))


def test_a_flash_videos_metadata_is_its_info_panel() -> None:
    """The title, the maker and the date head the page, the description then the comment are
    its paragraphs; numbers (the duration) and the encoder are no words of it."""
    text = flv_text(_flv({"duration": 7.05, "title": "Webcast: Child K", "artist": "Testshire LSCB",
                          "creationdate": "2011", "encoder": "Lavf59", "description": "Two reviews.",
                          "comment": ACCOUNT}))
    assert text.split("\n\n")[0] == "Webcast: Child K\nTestshire LSCB\n2011"
    assert text.rstrip().split("\n\n")[1:3] == ["Two reviews.", ACCOUNT]
    assert "Lavf" not in text and "7.05" not in text


def test_a_flash_video_without_notes_is_left_out_of_a_folder_and_refused(tmp_path: Path) -> None:
    """A site's intro clip (a title, no comment) is passed over by a folder, said so; named, it
    is refused in one line; cut before its metadata, it says so."""
    (tmp_path / "webcast.flv").write_bytes(_flv({"title": "Webcast", "comment": ACCOUNT}))
    (tmp_path / "intro.flv").write_bytes(_flv({"title": "Intro"}))
    assert [p.name for p in discover([tmp_path])] == ["webcast.flv"]
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 Flash video(s) not read, their metadata holding no "
                                    "description or comment, or damaged: intro.flv; name one on the command "
                                    "line to see why"]
    refused_in_one_line(tmp_path / "intro.flv", _flv({"title": "Intro"}))
    page = tmp_path / "cut.flv"
    page.write_bytes(_flv({"title": "Webcast", "comment": ACCOUNT})[:60])
    with pytest.raises(CasegraphError, match=r"cut\.flv: .*cut short before its metadata") as caught:
        read_source(page)
    assert "\n" not in str(caught.value)


# --------------------------------------------------------------------------------------- AIFF
def _aiff(chunks: list[tuple[bytes, bytes]]) -> bytes:
    """An invented AIFF file of the given chunks, each padded to even, after a COMM chunk."""
    comm = struct.pack(">hIh", 1, 0, 16) + bytes(10)
    body = b"".join(kind + struct.pack(">I", len(data)) + data + b"\0" * (len(data) & 1)
                    for kind, data in [(b"COMM", comm), *chunks, (b"SSND", bytes(8))])
    return b"FORM" + struct.pack(">I", 4 + len(body)) + b"AIFF" + body


def test_an_aiff_files_name_author_and_annotations_are_its_tags(tmp_path: Path) -> None:
    """With no ID3 chunk, the AIFF's own NAME, AUTH and ANNO chunks are the title, the maker and
    the notes (two annotations two paragraphs); the master's ANNO and ID3 comment, the same
    words, are said once."""
    text = aiff_text(_aiff([(b"NAME", b"Episode 3"), (b"AUTH", b"Testshire CPC"),
                            (b"ANNO", ACCOUNT.encode()), (b"ANNO", b"Recorded in 2024.")]))
    assert text.rstrip().split("\n\n")[:3] == ["Episode 3\nTestshire CPC", ACCOUNT, "Recorded in 2024."]
    master = aiff_text(AIFF.read_bytes())
    assert master.count("Child R, a nine-year-old boy") == 1
    copy = tmp_path / "master.aif"
    shutil.copyfile(AIFF, copy)  # (".aif", the same format)
    assert "Child R, a nine-year-old boy" in read_source(copy).text


def test_an_aiff_without_words_is_left_out_and_refused(tmp_path: Path) -> None:
    (tmp_path / "sting.aiff").write_bytes(_aiff([(b"NAME", b"Sting")]))
    assert list(discover([tmp_path])) == []
    refused_in_one_line(tmp_path / "sting.aiff", _aiff([(b"NAME", b"Sting")]))


# --------------------------------------------------------------------------------------- AVIF
def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def _avif(xmp: bytes | None, exif: bytes | None = None) -> bytes:
    """An invented AVIF image: ftyp, a meta box listing the picture item (1), an XMP item (2)
    whose bytes stand in the meta box's ``idat`` (construction method 1) and an EXIF item (3)
    in ``mdat`` (method 0), then the mdat with a few bytes of "picture"."""
    infe = [_box(b"infe", b"\x02\x00\x00\x00" + struct.pack(">HH", 1, 0) + b"av01Image\x00")]
    if xmp is not None:
        infe.append(_box(b"infe", b"\x02\x00\x00\x00" + struct.pack(">HH", 2, 0)
                         + b"mimeXMP\x00application/rdf+xml\x00"))
    if exif is not None:
        infe.append(_box(b"infe", b"\x02\x00\x00\x00" + struct.pack(">HH", 3, 0) + b"ExifExif\x00"))
    iinf = _box(b"iinf", b"\x00\x00\x00\x00" + struct.pack(">H", len(infe)) + b"".join(infe))
    exif_item = b"\x00\x00\x00\x00" + exif if exif is not None else b""
    ftyp = _box(b"ftyp", b"avif\x00\x00\x00\x00avifmif1")

    def meta_with(mdat_at: int) -> bytes:
        items = [(1, 0, mdat_at + 8, 4)]
        if xmp is not None:
            items.append((2, 1, 0, len(xmp)))
        if exif is not None:
            items.append((3, 0, mdat_at + 12, len(exif_item)))
        iloc = b"\x01\x00\x00\x00" + bytes([0x44, 0x00]) + struct.pack(">H", len(items)) + b"".join(
            struct.pack(">HHHHII", item, method, 0, 1, offset, length)
            for item, method, offset, length in items)
        return _box(b"meta", b"\x00\x00\x00\x00" + _box(b"hdlr", bytes(8) + b"pict" + bytes(13)) + iinf
                    + _box(b"iloc", iloc) + _box(b"idat", xmp or b""))

    at = len(ftyp) + len(meta_with(0))
    return ftyp + meta_with(at) + _box(b"mdat", b"\x12\x00\x0a\x0b" + exif_item)


def _xmp(description: str, title: str = "Infographic: Child K") -> bytes:
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li>'
            f'{title}</rdf:li></rdf:Alt></dc:title><dc:description><rdf:Alt><rdf:li>{description}'
            '</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>').encode()


def test_an_avifs_xmp_item_is_its_caption_card(tmp_path: Path) -> None:
    """The XMP item, where its location says (the meta box's own data here), is read: its title
    heads the card, its description is the text.  Named with a suffix casegraph does not know,
    the file is still an AVIF (it was "a damaged MP4": the same ftyp box opens both)."""
    text = avif_text(_avif(_xmp(ACCOUNT)))
    assert text.splitlines()[0] == "Infographic: Child K" and "six-year-old boy" in text
    (tmp_path / "infographic.image").write_bytes(AVIF.read_bytes())
    assert "Child N, a 16-year-old" in read_source(tmp_path / "infographic.image").text


def test_an_avifs_exif_item_is_read_too(tmp_path: Path) -> None:
    """An EXIF item (a TIFF block after its four-byte offset) in the file's mdat: its image
    description is the caption."""
    description = ACCOUNT.encode() + b"\x00"
    ifd = struct.pack("<H", 1) + struct.pack("<HHII", 270, 2, len(description), 26) + struct.pack("<I", 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd + description
    assert "six-year-old boy" in avif_text(_avif(None, tiff))


def test_an_avif_without_a_description_is_left_out_and_refused(tmp_path: Path) -> None:
    (tmp_path / "photo.avif").write_bytes(_avif(None))
    assert list(discover([tmp_path])) == []
    refused_in_one_line(tmp_path / "photo.avif", _avif(None))
    whole = _avif(None, b"II*\x00" + bytes(40))
    refused_in_one_line(tmp_path / "cut.avif", whole[:-20])


# ----------------------------------------------------------------------------------- MicroDVD
def test_microdvd_captions_are_timed_by_their_frames() -> None:
    """The first cue's number is the frame rate; a cue's "|" parts are its lines; style codes
    and a line's italic mark go; cues are put in time order."""
    sub = "{1}{1}23.976\n{48}{96}{y:i}Welcome.|/Invented test data.\n{0}{24}First.\n{120}{}Child K.\n"
    captions = microdvd_captions(sub)
    assert [line for line in captions.splitlines() if line[:1].isalpha()] == [
        "First.", "Welcome.", "Invented test data.", "Child K."]
    assert "00:00:02,002 --> 00:00:04,004" in captions


def test_a_sub_file_of_another_kind_is_read_as_text_or_passed_over(tmp_path: Path) -> None:
    """SubViewer's ".sub" (text, no frame numbers) is read as plain text when named; a folder
    passes it over, said so, as it did before MicroDVD was read."""
    subviewer = "[INFORMATION]\n[TITLE]Child K\n[END INFORMATION]\n00:00:01.00,00:00:04.00\n" + ACCOUNT + "\n"
    (tmp_path / "old.sub").write_text(subviewer, encoding="utf-8")
    assert "six-year-old boy" in read_source(tmp_path / "old.sub").text
    assert list(discover([tmp_path])) == []
    assert "old.sub" in not_read([tmp_path])[0]
    refused_in_one_line(tmp_path / "bad.sub", b"{1}{25}Hello\nnot a cue\n".replace(b"Hello", b"{x"))


def test_a_title_card_with_a_note_in_brackets_is_a_paragraph_of_its_own() -> None:
    """"Learning Review: Jack (Fife, published July 2022)" over "Jack was fourteen." are two
    paragraphs: the note's lower case is no sentence's."""
    cues = ["Welcome to the event.", "Learning Review: Jack (Testshire, published July 2022)",
            "Jack was fourteen.", "He was neglected."]
    srt = "\n\n".join(f"{n}\n00:00:0{n},000 --> 00:00:0{n},900\n{cue}" for n, cue in enumerate(cues, 1))
    paragraphs = captions_as_text(srt + "\n").strip().split("\n\n")
    assert paragraphs[1] == "Learning Review: Jack (Testshire, published July 2022)"


# ------------------------------------------------------------------------------------- layouts
def _reviews(tmp_path: Path, vocab: Vocabulary, text: str, name: str = "page.txt") -> list:
    return reviews_of_page(tmp_path, name, f"[{NOTE}]\n\n{text}", vocab)


def test_a_show_notes_chapter_time_is_no_part_of_its_heading(tmp_path: Path, vocab: Vocabulary) -> None:
    """"[19:45] Extended Child Practice Review ..." is a heading, its time left out; a
    transcript's "[00:41] CALLUM: ..." keeps its speaker (no heading)."""
    reviews = _reviews(tmp_path, vocab, "Show notes.\n\n[04:10] Concise Child Practice Review – Child K "
                       "(published 2022)\nChild K, a six-year-old boy, was neglected.\n\n[19:45] Extended "
                       "Child Practice Review – Child L (published 2023)\nChild L, a girl of three, was "
                       "neglected.\n")
    assert [r.title for r in reviews] == ["Concise Child Practice Review – Child K (published 2022)",
                                          "Extended Child Practice Review – Child L (published 2023)"]
    transcript = read_source(_written(tmp_path / "t.txt", "[00:41] CALLUM: Thanks, Morag.\n")).text
    assert "[00:41] CALLUM:" in transcript


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_content_tabs_each_head_their_block_and_a_details_table_is_fields(tmp_path: Path,
                                                                        vocab: Vocabulary) -> None:
    """MkDocs Material writes a tab set's labels together ("LearningRecommendations") before the
    blocks: each label heads its own block; "Published | Review type | Area" over one row is the
    review's fields, not a table of reviews under a heading "Review details"."""
    page = (f"<html><body><p>{NOTE}</p><h2>Child K – local child safeguarding practice review</h2>"
            "<div class='admonition'><p class='admonition-title'>Review details</p><table><thead><tr>"
            "<th>Published</th><th>Review type</th><th>Area</th></tr></thead><tbody><tr><td>July 2023</td>"
            "<td>LCSPR</td><td>Testshire</td></tr></tbody></table></div>"
            "<p>Child K, a six-year-old boy, was neglected in 2022.</p>"
            "<div class='tabbed-set'><input type='radio'/><input type='radio'/><div class='tabbed-labels'>"
            "<label>Learning</label><label>Recommendations</label></div><div class='tabbed-content'>"
            "<div class='tabbed-block'><ul><li>See the child.</li><li>Ask who lives there.</li></ul></div>"
            "<div class='tabbed-block'><ol><li>The partnership to audit visits.</li></ol></div></div></div>"
            "</body></html>")
    (review,) = reviews_of_page(tmp_path, "page.html", page, vocab)
    assert (review.title, review.publication_year, review.area) == (
        "Child K – local child safeguarding practice review", 2023, "Testshire")
    assert (len(review.learning), len(review.recommendations)) == (2, 1)


def test_a_one_row_table_under_its_field_names_is_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """html2text's table in an e-mail's text part: its row is the review's fields (its area was
    the rule's "---")."""
    (review,) = _reviews(tmp_path, vocab, "Learning Review - Child K (published September 2023)\n\n"
                         "Review type| Area| Published\n---|---|---\nLearning Review| Testshire| September "
                         "2023\n\nChild K, a six-year-old boy, was neglected.\n")
    assert review.area == "Testshire"


def test_a_registers_label_column_rows_are_its_parts() -> None:
    """A LibreOffice register's tables as pypdf lays them out: a field's value wrapped in its
    column is joined to it; "What happened", "Learning" and "Recommendations" rows are parts,
    their points each a line, a point's wrapped lines and a page's break inside a sentence
    joined."""
    gap = " " * 30
    text = "\n".join([
        "Review type" + gap + "Multi-Agency Professional Forum",
        " " * 41 + "(learning review)",
        "Published" + " " * 32 + "June 2024",
        "What happened" + " " * 28 + "Child K, a six-year-old boy, was",
        " " * 41 + "neglected for two",
        "",
        " " * 43 + "years.",
        "Learning" + " " * 33 + "• Fractures need a full medical and social",
        " " * 41 + "assessment.",
        " " * 41 + "• Ask about call-",
        " " * 41 + "outs.",
        "", "Reviews in progress"])
    assert spaced_fields_as_labels(text).split("\n") == [
        "Review type: Multi-Agency Professional Forum (learning review)", "Published: June 2024",
        "What happened", "Child K, a six-year-old boy, was neglected for two years.",
        "Learning", "• Fractures need a full medical and social assessment.", "• Ask about call-outs.",
        "", "Reviews in progress"]


def test_a_type_the_record_denies_is_not_its_type(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Review type: Multi-Agency Professional Forum (learning review, not a child practice
    review)" is the forum's type, not a CPR; "A forum does not make recommendations" is none."""
    (review,) = _reviews(tmp_path, vocab, "TSB MAPF 3/2024 – Child K\nReview type: Multi-Agency Professional "
                         "Forum (learning review, not a child practice review)\nPublished: June 2024\n\n"
                         "Child K, a six-year-old boy, was neglected.\n\nRecommendations\n\nA forum does not "
                         "make recommendations; the agencies present agreed their own actions.\n")
    assert review.review_type is not None and review.review_type.notation == "RT-MAR"
    assert review.recommendations == []


def test_an_areas_note_in_brackets_is_not_its_name() -> None:
    assert named_area("Swansea (West Glamorgan region)") == "Swansea"
    assert named_area("Gwent (Newport)") == "Gwent"
    assert named_area("Northern Ireland (Western HSC Trust)") == "Western HSC Trust"
    assert named_area("Bournemouth, Christchurch and Poole") == "Bournemouth, Christchurch and Poole"


def test_a_csl_date_is_its_publication_date(tmp_path: Path, vocab: Vocabulary) -> None:
    """A CSL JSON item's "issued": {"date-parts": [[2023, 10]]} is its publication date."""
    item = ('[{"id": "k", "type": "report", "title": "Learning review: Child K", "issued": {"date-parts": '
            f'[[2023, 10]]}}, "abstract": "Child K, a six-year-old boy, was neglected.", "note": "{NOTE}"}}]')
    (review,) = reviews_of_page(tmp_path, "list.json", item, vocab)
    assert (review.publication_year, review.publication_month) == (2023, 10)


def test_a_familys_review_has_the_children_its_account_numbers(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Family W – serious case review" over "Child W1 (a girl of 11), Child W2 (a boy of 7) and
    Child W3 (a boy of 4)": three children, not one called "Family W"."""
    (review,) = _reviews(tmp_path, vocab, "Family W – serious case review (2017)\n\nChild W1 (a girl of 11), "
                         "Child W2 (a boy of 7) and Child W3 (a boy of 4) were neglected for years.\n")
    assert [(c.pseudonym, c.age_months) for c in review.children] == [
        ("Child W1", 132), ("Child W2", 84), ("Child W3", 48)]


def test_learning_told_with_an_aside_is_counted(tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = _reviews(tmp_path, vocab, "Significant Case Review - Child K (published 2018)\n\nChild K, "
                         "a six-year-old boy, was neglected in 2016. The review's learning, still relevant "
                         "today, is that neglect of older boys is missed.\n")
    assert len(review.learning) == 1


# ------------------------------------------------------------------------------------- damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"webcast.flv": _flv({"title": "Webcast", "comment": ACCOUNT}),
             "master.aiff": _aiff([(b"NAME", b"Episode"), (b"ANNO", ACCOUNT.encode())]),
             "poster.avif": _avif(_xmp(ACCOUNT)),
             "event.sub": "".join(["{1}{1}25\n", *(f"{{{n * 50}}}{{{n * 50 + 40}}}{line}\n" for n, line
                                                   in enumerate(ACCOUNT.splitlines(), 1))]).encode()}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=79, rounds=30)
    read_or_one_line_when_damaged([FLV, AIFF, AVIF, SUB], tmp_path, seed=79, rounds=6)
    cut = [*small.items(), (FLV.name, FLV.read_bytes()), (AVIF.name, AVIF.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)
