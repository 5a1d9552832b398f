"""File types and layouts of validation66 (session 83): an archive's JPEG XL poster whose
transcription is its XMP (``.jxl``), a practice library's Bambook e-book (``.snb``), a podcast's
tags and chapters written out by ffmpeg (``.ffmeta``), an ACPC's KWord document (``.kwd``); a
Wagtail API response whose StreamField blocks are the learning and recommendations, a search
result's subject links, a list of records each opening with its heading, a PDF briefing whose
title wraps, a library's "Harry (Leeds, 2021)" over its review's type.  Before, the poster and
the e-book were refused as binary, the four new types were not offered from a folder, and five
reviews were missed.

validation66's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import struct
import tarfile
import zlib
from pathlib import Path

import brotli
import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import INVENTED_NOTE as NOTE
from support import (
    read_or_one_line_when_cut,
    read_or_one_line_when_damaged,
    refused_in_one_line,
    reviews_by_page,
    reviews_of_page,
    zipped,
)

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.bambook import snb_text
from casegraph.ingest.media import ffmetadata_text
from casegraph.ingest.packages import kword_xml
from casegraph.ingest.photo import jxl_text
from casegraph.ingest.sources import discover, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation66" / "pages"
JXL = PAGES / "ardal-archive-nwscb-poster-cpr-child-g-2017-master.jxl"
SNB = PAGES / "harbourside-practice-library-review-summaries-2016-2021-bambook.snb"
FFMETA = PAGES / "lochside-practice-podcast-s02e05-chapters-and-notes.ffmeta"
KWD = PAGES / "wiltshire-acpc-scr-executive-summaries-2003-records-store.kwd"
WAGTAIL = PAGES / "slre-wagtail-api-v2-pages-learning-reviews.json"
FINDER = PAGES / "practice-review-finder-search-results-2017-2024-page-1.html"
BRIEFING = PAGES / "ssp-7-minute-briefing-lcspr-leo-2024.pdf"
NEW_TYPES = [JXL, SNB, FFMETA, KWD]


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each new type's reviews, and the reviews missed or misread before: the e-book's "Harry
    (Leeds, 2021)", the podcast's chapters without their times, the Wagtail blocks' learning, the
    finder's children with no bullet in their names, the briefing whose title wraps."""
    by_page = reviews_by_page([*NEW_TYPES, WAGTAIL, FINDER, BRIEFING], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[JXL.name] == [["Child G"]]
    assert len(by_page[JXL.name][0].learning) == 2
    assert names[SNB.name] == [["Harry"], ["Nia"], ["Child S"]]
    assert len(by_page[SNB.name][0].recommendations) == 4
    podcast = by_page[FFMETA.name]
    assert [r.title for r in podcast] == ["Significant Case Review: Ava (Fife, 2018)",
                                          "Learning Review: Kyle (Glasgow, 2022)"]
    assert len(podcast[0].learning) == 3
    assert names[KWD.name] == [["Child D"], ["Child P", "Child R"]]
    # (the register's next part, "3. Reviews not completed", ends the second review)
    assert [len(r.recommendations) for r in by_page[KWD.name]] == [0, 3]
    assert by_page[KWD.name][1].publication_year == 2003
    assert [(len(r.learning), len(r.recommendations)) for r in by_page[WAGTAIL.name]] == [(3, 0), (2, 3)]
    assert names[FINDER.name] == [["Kacey", "Mason"], ["Amir"], ["Sophie"], ["Baby Q"]]
    assert [c.sex for r in by_page[FINDER.name][1:3] for c in r.children] == ["male", "female"]
    assert by_page[FINDER.name][0].keywords == ["filicide", "parental mental health", "domestic abuse"]
    (leo,) = by_page[BRIEFING.name]
    assert leo.title == "7-minute briefing: Local Child Safeguarding Practice Review – Leo"
    assert leo.recommendations == []  # ("... are being finalised ... and will be published later")


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {p.name for p in NEW_TYPES} <= found
    assert not_read([PAGES]) == []


# ------------------------------------------------------------------------------------- JPEG XL
_SIGNATURE = b"\0\0\0\x0cJXL \r\n\x87\n"
_XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li '
        'xml:lang="x-default">Learning poster: Child K</rdf:li></rdf:Alt></dc:title><dc:description><rdf:Alt>'
        f'<rdf:li xml:lang="x-default">{ACCOUNT}</rdf:li></rdf:Alt></dc:description></rdf:Description>'
        '</rdf:RDF></x:xmpmeta>')


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def _jxl(*boxes: bytes) -> bytes:
    """An invented JPEG XL container: its signature and file type, a codestream that is never
    decoded (its marker, then zeros), then ``boxes``."""
    return (_SIGNATURE + _box(b"ftyp", b"jxl \0\0\0\0jxl ") + _box(b"jxlc", b"\xff\x0a" + bytes(64))
            + b"".join(boxes))


def test_a_jpeg_xl_posters_xmp_is_its_card_plain_or_brotli_compressed(tmp_path: Path) -> None:
    """An ``xml `` box, or the same packet in a ``brob`` box (as cjxl writes a transcoded JPEG's
    metadata), gives the poster's title and description."""
    plain = jxl_text(_jxl(_box(b"xml ", _XMP.encode())))
    packed = jxl_text(_jxl(_box(b"brob", b"xml " + brotli.compress(_XMP.encode()))))
    assert plain == packed
    assert plain.startswith("Learning poster: Child K\n") and "Child K is a six-year-old boy" in plain
    (tmp_path / "poster.jxl").write_bytes(_jxl(_box(b"brob", b"xml " + brotli.compress(_XMP.encode()))))
    assert "neglected for two years" in read_source(tmp_path / "poster.jxl").text


def test_a_jpeg_xl_without_a_description_or_damaged_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"bare JPEG XL codestream"):
        jxl_text(b"\xff\x0a" + bytes(64))
    with pytest.raises(ValueError, match=r"metadata holds no description"):
        jxl_text(_jxl())
    with pytest.raises(ValueError, match=r"does not decompress"):
        jxl_text(_jxl(_box(b"brob", b"xml " + b"\x1b\x55 not brotli at all")))
    refused_in_one_line(tmp_path / "cut.jxl", _jxl(_box(b"xml ", _XMP.encode()))[:-40])
    folder = tmp_path / "posters"
    folder.mkdir()
    (folder / "logo.jxl").write_bytes(_jxl())
    (folder / "poster.jxl").write_bytes(_jxl(_box(b"xml ", _XMP.encode())))
    assert [p.name for p in discover([folder])] == ["poster.jxl"]


# ------------------------------------------------------------------------------------- Bambook
def _snb(files: dict[str, bytes], block: int = 0x8000, packer: object = bz2.compress) -> bytes:
    """An invented Bambook e-book: the header, the zlib-packed file table, the text files joined
    and cut into blocks (each packed by ``packer``), the trailer's block index, its size and
    place, and the magic again."""
    names = b"".join(name.encode() + b"\0" for name in files)
    entries, at = [], 0
    for name in files:
        entries.append(struct.pack(">III", 0x41000000, at, len(files[name])))
        at += len(name.encode()) + 1
    table = b"".join(entries) + names
    packed_table = zlib.compress(table)
    stream = b"".join(files.values())
    blocks = [packer(stream[k:k + block]) for k in range(0, len(stream), block)]  # type: ignore[operator]
    place, starts = 44 + len(packed_table), []
    for packed in blocks:
        starts.append(place)
        place += len(packed)
    trailer = zlib.compress(b"".join(struct.pack(">I", s) for s in starts))
    head = b"SNBP000B" + struct.pack(">9I", 0x8000, 0xA3A3A3, 0, len(files), len(table), len(packed_table),
                                     0, len(stream), 0)
    end = struct.pack(">II", len(trailer), place) + b"SNBP000B"
    return head + packed_table + b"".join(blocks) + trailer + end


def _chapter(*paragraphs: str) -> bytes:
    texts = "".join(f"<text><![CDATA[\u3000\u3000{p}]]></text>" for p in paragraphs)
    return (f"<snbc><head><title>Start page</title></head><body>{texts}<img>cover.jpg</img></body>"
            "</snbc>").encode()


_BOOK = (b"<book-snbf><head><name>Testshire summaries</name><author>Testshire Board</author></head>"
         b"</book-snbf>")


def test_a_bambook_ebooks_chapters_are_read_in_its_contents_order(tmp_path: Path) -> None:
    """The book's name and author, then each chapter's paragraphs (their indent left out) in the
    table of contents' order, however many blocks the text fills, bzip2 or zlib."""
    toc = (b'<toc-snbf><body><chapter src="b.snbc">Two</chapter><chapter src="a.snbc">One</chapter></body>'
           b'</toc-snbf>')
    files = {"snbf/book.snbf": _BOOK, "snbf/toc.snbf": toc, "snbc/a.snbc": _chapter("Second.", "x" * 70_000),
             "snbc/b.snbc": _chapter(*ACCOUNT.split("\n"))}
    for packer in (bz2.compress, zlib.compress):
        text = snb_text(_snb(files, packer=packer))
        assert text.startswith("Testshire summaries\n\nTestshire Board\n\nLocal Child Safeguarding")
        assert text.index(NOTE) < text.index("Second.") and "\u3000" not in text and "Start page" not in text
    (tmp_path / "book.snb").write_bytes(_snb(files))
    assert "Child K is a six-year-old boy" in read_source(tmp_path / "book.snb").text


def test_a_bambook_ebook_cut_or_damaged_is_refused(tmp_path: Path) -> None:
    good = _snb({"snbc/a.snbc": _chapter(ACCOUNT)})
    with pytest.raises(ValueError, match=r"cut short: no trailer"):
        snb_text(good[:-30])
    with pytest.raises(ValueError, match=r"not a Bambook e-book"):
        snb_text(ACCOUNT.encode())
    with pytest.raises(ValueError, match=r"no text"):
        snb_text(_snb({"snbc/a.snbc": b"<snbc><body><img>a.jpg</img></body></snbc>"}))
    refused_in_one_line(tmp_path / "cut.snb", good[: len(good) // 2])


# ----------------------------------------------------------------------------- FFmpeg metadata
_EPISODE = (";FFMETADATA1\ntitle=Episode 3\\= a test\nartist=Testshire podcast\n"
            "comment=" + "\\\n".join(ACCOUNT.split("\n")) + "\\;  spoken\n"
            "encoder=Lavf59.27.100\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=130000\ntitle=Welcome\n"
            "[CHAPTER]\nTIMEBASE=1/1000000000\nSTART=130000000000\nEND=1185000000000\ntitle=Child K\n")


def test_an_ffmpeg_metadata_files_tags_and_chapters_are_the_episodes_page(tmp_path: Path) -> None:
    """Its title and maker head the page, the comment (its escaped line ends kept as lines, an
    escaped "=" and ";" as the characters) is the notes, the chapters follow with their times."""
    text = ffmetadata_text(_EPISODE)
    assert text.startswith("Episode 3= a test\nTestshire podcast\n\n" + ACCOUNT + ";  spoken\n")
    assert text.endswith("Chapters\n00:00 Welcome\n02:10 Child K\n")
    assert "Lavf" not in text
    (tmp_path / "episode.ffmeta").write_text(_EPISODE)
    assert "Child K is a six-year-old boy" in read_source(tmp_path / "episode.ffmeta").text


def test_an_ffmpeg_metadata_file_without_notes_or_damaged_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"hold no description or comment"):
        ffmetadata_text(";FFMETADATA1\ntitle=Episode 3\n")
    with pytest.raises(ValueError, match=r"line 3: neither a key=value tag"):
        ffmetadata_text(";FFMETADATA1\ncomment=A note\nnot a tag\n")
    with pytest.raises(ValueError, match=r"line 3: a chapter whose START"):
        ffmetadata_text(";FFMETADATA1\ncomment=A note\n[CHAPTER]\nSTART=soon\n")
    refused_in_one_line(tmp_path / "notes.ffmeta", ACCOUNT.encode())
    folder = tmp_path / "episodes"
    folder.mkdir()
    (folder / "tags.ffmeta").write_text(";FFMETADATA1\ntitle=Episode 3\n")
    (folder / "notes.ffmeta").write_text(_EPISODE)
    assert [p.name for p in discover([folder])] == ["notes.ffmeta"]


# --------------------------------------------------------------------------------------- KWord
def _paragraph(text: str, style: str = "Standard", counter: bool = False) -> str:
    layout = f'<NAME value="{style}"/>' + ('<COUNTER type="10" bullet="183"/>' if counter else "")
    return f"<PARAGRAPH><TEXT>{text}</TEXT><FORMATS/><LAYOUT>{layout}</LAYOUT></PARAGRAPH>"


_MAINDOC = ('<?xml version="1.0" encoding="UTF-8"?><DOC editor="KWord" mime="application/x-kword" '
            'syntaxVersion="2"><FRAMESETS>'
            '<FRAMESET frameType="1" frameInfo="0" name="Text">'
            f'{_paragraph("Serious Case Review: Child K", "Head 1")}'
            f'{_paragraph(ACCOUNT.split(chr(10))[1])}{_paragraph("Learning", "Head 2")}'
            f'{_paragraph("Visits were missed.", counter=True)}'
            f'{_paragraph("Nobody saw him alone.", counter=True)}'
            f'{_paragraph(NOTE)}</FRAMESET>'
            f'<FRAMESET frameType="1" frameInfo="1" name="Header">{_paragraph("Testshire ACPC")}</FRAMESET>'
            f'<FRAMESET frameType="1" frameInfo="7" name="Footnote">{_paragraph("A footnote.")}</FRAMESET>'
            '<FRAMESET frameType="1" frameInfo="0" grpMgr="Table1" row="0" col="0">'
            f'{_paragraph("Published")}</FRAMESET>'
            '<FRAMESET frameType="1" frameInfo="0" grpMgr="Table1" row="0" col="1">'
            f'{_paragraph("March 2003")}</FRAMESET>'
            '</FRAMESETS></DOC>')


def _stored_tar(maindoc: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        data = maindoc.encode()
        info = tarfile.TarInfo("maindoc.xml")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_a_kword_documents_frames_are_its_page_bare_or_in_its_store(tmp_path: Path) -> None:
    """The page header first, then the body: a "Head" style a heading, a list counter an item, a
    table's cells in rows; a footnote's frame is left out.  The same in a KOffice 1.x gzipped tar
    store, a zip store, or bare as AbiWord exports it."""
    texts = []
    for name, data in (("bare.kwd", _MAINDOC.encode()), ("tar.kwd", _stored_tar(_MAINDOC)),
                       ("zip.kwd", zipped({"mimetype": "application/x-kword", "maindoc.xml": _MAINDOC}))):
        (tmp_path / name).write_bytes(data)
        texts.append(read_source(tmp_path / name).text)
    assert texts[0] == texts[1] == texts[2]
    text = texts[0]
    assert text.index("Testshire ACPC") < text.index("Serious Case Review: Child K") < text.index("• Visits")
    assert "• Nobody saw him alone." in text and "A footnote." not in text
    assert "Published" in text and "March 2003" in text


def test_a_kword_document_damaged_or_without_its_maindoc_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no maindoc.xml"):
        kword_xml(zipped({"content.xml": "<office/>"}))
    with pytest.raises(ValueError, match=r"damaged KWord document"):
        kword_xml(_stored_tar(_MAINDOC)[:80])
    with pytest.raises(ValueError, match=r"cut short: its DOC element is never closed"):
        kword_xml(_MAINDOC.encode()[:-300])  # (bare, as AbiWord exports it: no store to say so)
    refused_in_one_line(tmp_path / "cut.kwd", zipped({"maindoc.xml": _MAINDOC})[:-60])


# ---------------------------------------------------------------------------- the set's layouts
def test_a_streamfields_blocks_of_points_are_headed_by_their_type(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Wagtail page's "learning" and "recommendations" blocks (a list, a struct's count and
    items) are its parts, as the site's template heads them."""
    body = [{"type": "summary", "value": f"<p>{ACCOUNT.split(chr(10))[1]}</p><p>{NOTE}</p>", "id": "a"},
            {"type": "learning", "value": ["Visits were missed.", "Nobody saw him alone."], "id": "b"},
            {"type": "recommendations", "id": "c",
             "value": {"count_statement": "The review made two recommendations.",
                       "items": ["Health visitors should visit weekly.", "Schools should record absences."]}}]
    page = {"meta": {"total_count": 1},
            "items": [{"id": 9, "title": "Learning Review – Child K", "area": "Testshire", "body": body}]}
    (review,) = reviews_of_page(tmp_path, "pages.json", json.dumps(page), vocab)
    assert (len(review.learning), len(review.recommendations)) == (2, 2)


def test_a_records_heading_has_no_bullet_and_its_subject_links_are_apart(
        tmp_path: Path, vocab: Vocabulary) -> None:
    """A list item that opens with a heading is a record (its heading no bulleted point); the
    links after "Subjects:" are keywords each."""
    page = (f"<p>{NOTE}</p><ol><li><h3><a href='/r/1'>Child K</a></h3><p>Type: Serious case review</p>"
            "<p>Child K is a six-year-old boy who was neglected for two years. He was not seen alone.</p>"
            "<p class='subjects'>Subjects: <a href='/s/1'>neglect</a> <a href='/s/2'>home visits</a></p>"
            "</li></ol>")
    (review,) = reviews_of_page(tmp_path, "results.html", page, vocab)
    assert [(c.pseudonym, c.sex) for c in review.children] == [("Child K", "male")]
    assert review.keywords == ["neglect", "home visits"]


# ------------------------------------------------------------------------------------ damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"poster.jxl": _jxl(_box(b"brob", b"xml " + brotli.compress(_XMP.encode()))),
             "book.snb": _snb({"snbf/book.snbf": _BOOK, "snbc/a.snbc": _chapter(ACCOUNT)}),
             "episode.ffmeta": _EPISODE.encode(), "paper.kwd": _stored_tar(_MAINDOC)}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=83, rounds=30)
    read_or_one_line_when_damaged(NEW_TYPES, tmp_path, seed=83, rounds=6)
    cut = [*small.items(), (JXL.name, JXL.read_bytes()), (SNB.name, SNB.read_bytes())]
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in cut], tmp_path)


def test_abiwords_compressed_and_template_forms_are_its_document(tmp_path: Path) -> None:
    """(session 83) ``.zabw`` (gzip, or left plain by AbiWord's exporter), ``.bzabw`` (bzip2) and
    a template (``.awt``) are an AbiWord document's XML; a damaged one is refused."""
    document = ('<?xml version="1.0"?><abiword><section><p style="Heading 1">Serious Case Review: Child K</p>'
                f'<p>{ACCOUNT.split(chr(10))[1]}</p><p>{NOTE}</p></section></abiword>')
    raw = document.encode()
    for name, data in (("a.zabw", gzip.compress(raw)), ("b.bzabw", bz2.compress(raw)), ("c.awt", raw),
                       ("d.zabw", raw)):
        (tmp_path / name).write_bytes(data)
        text = read_source(tmp_path / name).text
        assert text.startswith("Serious Case Review: Child K\n") and NOTE in text, name
    refused_in_one_line(tmp_path / "cut.zabw", gzip.compress(document.encode())[:40])
    refused_in_one_line(tmp_path / "cut.awt", raw[:-30])


def test_a_compressed_metafile_is_read_as_its_metafile(tmp_path: Path) -> None:
    """(session 83) ``.emz`` and ``.wmz``, the gzipped forms Draw exports (it also writes them
    uncompressed), are read as the Enhanced and Windows Metafiles inside; a damaged one is
    refused in one line."""
    emf = TESTS / "validation54" / "pages" / "HCPC learning review Child K - learning on a page.emf"
    wmf = TESTS / "validation65" / "pages" / "northern-acpc-cmr-learning-on-a-page-2007-archive.wmf"
    for source, name in ((emf, "poster.emz"), (wmf, "poster.wmz")):
        plain = read_source(source).text
        (tmp_path / name).write_bytes(gzip.compress(source.read_bytes()))
        assert read_source(tmp_path / name).text == plain
        refused_in_one_line(tmp_path / f"cut-{name}", gzip.compress(source.read_bytes())[:200])


_UOT = ('<?xml version="1.0" encoding="UTF-8"?><uof:UOF xmlns:uof="http://schemas.uof.org/cn/2003/uof" '
        'xmlns:字="http://schemas.uof.org/cn/2003/uof-wordproc"><uof:式样集><uof:段落式样 字:标识符="H" '
        '字:名称="Heading_20_1" 字:别名="Heading 1"/><uof:段落式样 字:标识符="P1" 字:基式样引用="H"/>'
        '</uof:式样集><uof:文字处理><字:主体>'
        '<字:段落><字:段落属性 字:式样引用="P1"/><字:句><字:文本串>Serious Case Review: Child K'
        '</字:文本串></字:句></字:段落>'
        f'<字:段落><字:句><字:文本串>{ACCOUNT.split(chr(10))[1]}</字:文本串></字:句><字:句><字:脚注>'
        '<字:段落><字:句><字:文本串>A footnote.</字:文本串></字:句></字:段落></字:脚注></字:句></字:段落>'
        '<字:段落><字:段落属性><字:大纲级别>2</字:大纲级别></字:段落属性><字:句><字:文本串>Learning'
        '</字:文本串></字:句></字:段落>'
        '<字:段落><字:段落属性><字:自动编号信息 字:编号引用="L1"/></字:段落属性><字:句><字:文本串>Visits '
        'were missed.</字:文本串></字:句></字:段落>'
        f'<字:段落><字:句><字:文本串>{NOTE}</字:文本串></字:句></字:段落>'
        '</字:主体></uof:文字处理></uof:UOF>')


def test_a_uniform_office_format_text_is_its_paragraphs(tmp_path: Path) -> None:
    """(session 83) A UOF text (``.uot``, as LibreOffice writes one): its body's paragraphs, a
    heading by its style's base or its outline level, an item by its numbering; a footnote is no
    part of its paragraph's words; offered from a folder."""
    (tmp_path / "summary.uot").write_text(_UOT, encoding="utf-8")
    text = read_source(tmp_path / "summary.uot").text
    assert text.split("\n\n")[:4] == ["Serious Case Review: Child K", ACCOUNT.split("\n")[1], "Learning",
                                      "• Visits were missed."]
    assert "A footnote." not in text
    assert [p.name for p in discover([tmp_path])] == ["summary.uot"]
