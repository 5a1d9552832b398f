"""File types and layouts of validation60 (session 77): a CPC podcast master in Apple's Core Audio
Format (``.caf``), a training team's AVI recording (``.avi``), a WebP social card and a JPEG 2000
digitisation master whose words are in their XMP (``.webp``, ``.jp2``), and a county archive's
BagIt bag packed as ``tar --lzip`` (``.tar.lz``).  Before, each of the five was refused as a
binary file, and its nine reviews were lost.

validation60's pages are invented test data by that set's labeller.  The files built here, byte
by byte, are invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import lzma
import struct
import zlib
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
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.media import avi_text, caf_text
from casegraph.ingest.packages import lzip_unpacked
from casegraph.ingest.photo import jp2_text, webp_text
from casegraph.ingest.sources import discover, not_read, read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation60" / "pages"
CAF = PAGES / "Highland CPC Practice Conversations S3E12 - Skye and Lewis - episode master.caf"
AVI = PAGES / "LSCP bite-size 2023-11 learning from reviews (recording).avi"
WEBP = PAGES / "cysur-learning-on-a-page-CPR-2-2024-child-e-social-card.webp"
JP2 = PAGES / "sbni-cmr-learning-leaflet-daniel-2016-digitised-master-0001.jp2"
BAG = PAGES / "lincolnshire-lscb-ebulletin-2012-06-bagit-accession-2019-044.tar.lz"


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The podcast holds Highland's two reviews, the recording Leeds's and the Panel's, the card
    Child E's concise review, the leaflet Daniel's CMR, the bag's bulletin three reviews."""
    by_page = reviews_by_page([CAF, AVI, WEBP, JP2, BAG], vocab)
    assert [c.pseudonym for r in by_page[CAF.name] for c in r.children] == ["Skye", "Baby Lewis"]
    assert [c.pseudonym for r in by_page[AVI.name] for c in r.children] == ["Child F", "Leo", "Mia"]
    assert [c.pseudonym for r in by_page[WEBP.name] for c in r.children] == ["Child E"]
    (leaflet,) = by_page[JP2.name]
    assert ([c.pseudonym for c in leaflet.children], leaflet.area) == (["Daniel"], "Belfast")
    assert [r.publication_year for r in by_page[BAG.name]] == [2012, 2012, 2012]
    assert next(c.pseudonym for r in by_page[BAG.name] for c in r.children) == "Child J"


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    found = {p.name for p in discover([PAGES])}
    assert {CAF.name, AVI.name, WEBP.name, JP2.name, BAG.name} <= found
    assert not_read([PAGES]) == []


# ----------------------------------------------------------------------------------------- CAF
def _caf(info: dict[str, str], cut_data: bool = False) -> bytes:
    """A CAF file: its description chunk, an ``info`` chunk of ``info``, then a data chunk of
    unknown size (-1, to the file's end, as a recorder writes it)."""
    def chunk(kind: bytes, body: bytes, size: int | None = None) -> bytes:
        return kind + struct.pack(">q", len(body) if size is None else size) + body

    pairs = b"".join(k.encode() + b"\0" + v.encode() + b"\0" for k, v in info.items())
    return (b"caff\x00\x01\x00\x00" + chunk(b"desc", b"\0" * 32)
            + chunk(b"info", struct.pack(">I", len(info)) + pairs)
            + chunk(b"data", b"\0" * 64, -1 if not cut_data else 1000))


def test_a_cafs_info_chunk_is_read_whole() -> None:
    """The title, the series, the maker and the date head the page; a comment of more than
    1,023 bytes (where ffprobe cuts it) is read to its end."""
    long = ACCOUNT + " " + "The review made three recommendations. " * 40 + "Last words."
    text = caf_text(_caf({"title": "Episode 3", "album": "Practice Talk", "artist": "Testshire CPC",
                          "date": "2024-04-18", "comment": long}))
    assert text.splitlines()[:4] == ["Episode 3", "Practice Talk", "Testshire CPC", "2024-04-18"]
    assert text.rstrip().endswith("Last words.") and len(long) > 1023


def test_a_folder_leaves_out_a_caf_without_a_comment(tmp_path: Path) -> None:
    """A sound effect (a title, no comment) is left out of a folder, said so; named, it is
    refused in one line."""
    effect = _caf({"title": "Jingle"})
    (tmp_path / "jingle.caf").write_bytes(effect)
    (tmp_path / "episode.caf").write_bytes(_caf({"title": "Episode 3", "comment": ACCOUNT}))
    assert [p.name for p in discover([tmp_path])] == ["episode.caf"]
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 CAF recording(s) not read, their info chunk holding "
                                    "no comment, or damaged: jingle.caf; name one on the command line to "
                                    "see why"]
    refused_in_one_line(tmp_path / "jingle.caf", effect)


# ----------------------------------------------------------------------------------------- AVI
def _riff(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + b"\0" * (len(body) & 1)


def _avi(tags: dict[bytes, str]) -> bytes:
    """An AVI: its header list, an INFO list of ``tags``, an empty frame list."""
    info = b"INFO" + b"".join(_riff(k, v.encode() + b"\0") for k, v in tags.items())
    body = b"AVI " + _riff(b"LIST", b"hdrl" + _riff(b"avih", b"\0" * 56)) + _riff(b"LIST", info) \
        + _riff(b"LIST", b"movi")
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_an_avis_info_tags_are_read_as_a_wavs() -> None:
    """INAM, IART and ICRD head the page, ICMT (the recording's notes) is its paragraph."""
    text = avi_text(_avi({b"INAM": "Bite-size briefing", b"IART": "Testshire Partnership",
                          b"ICRD": "2023-11-21", b"ICMT": ACCOUNT}))
    assert text.splitlines()[:3] == ["Bite-size briefing", "Testshire Partnership", "2023-11-21"]
    assert "six-year-old boy" in text


def test_an_avi_without_notes_is_left_out_of_a_folder(tmp_path: Path) -> None:
    clip = _avi({b"INAM": "Title slide"})
    (tmp_path / "clip.avi").write_bytes(clip)
    assert list(discover([tmp_path])) == []
    assert not_read([tmp_path]) == [f"{tmp_path}: 1 AVI video(s) not read, their tags holding no comment or "
                                    "description, or damaged: clip.avi; name one on the command line to "
                                    "see why"]
    refused_in_one_line(tmp_path / "clip.avi", clip)


# ------------------------------------------------------------------------------- WebP and JP2
def _xmp(title: str, description: str) -> bytes:
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description>'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt>'
            '</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>').encode()


def _exif(description: str) -> bytes:
    """An EXIF block: a little-endian TIFF directory of one ImageDescription tag."""
    value = description.encode() + b"\0"
    return b"Exif\0\0II*\0" + struct.pack("<IHHHII", 8, 1, 270, 2, len(value), 26) + b"\0\0\0\0" + value


def _webp(*chunks: tuple[bytes, bytes]) -> bytes:
    body = b"WEBP" + _riff(b"VP8X", b"\x0c" + b"\0" * 9) + _riff(b"VP8 ", b"\0" * 11) \
        + b"".join(_riff(k, v) for k, v in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def _jp2(*boxes: bytes) -> bytes:
    """A JP2: signature, file type and header boxes, ``boxes``, then a codestream to the end."""
    return (b"\0\0\0\x0cjP  \r\n\x87\n" + _box(b"ftyp", b"jp2 \0\0\0\0jp2 ") + _box(b"jp2h", b"\0" * 22)
            + b"".join(boxes) + b"\0\0\0\0jp2c" + b"\xff\x4f\xff\x51" + b"\0" * 40)


XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")


@pytest.mark.parametrize("picture", [
    _webp((b"XMP ", _xmp("Learning on a page: Child K", ACCOUNT))),
    _jp2(_box(b"uuid", XMP_UUID + _xmp("Learning on a page: Child K", ACCOUNT))),
    _jp2(_box(b"xml ", _xmp("Learning on a page: Child K", ACCOUNT)))], ids=["webp", "jp2-uuid", "jp2-xml"])
def test_a_pictures_xmp_is_its_caption_card(picture: bytes) -> None:
    """The XMP title heads the card and its description is the paragraph, in a WebP's XMP chunk
    and a JP2's XMP box (a ``uuid`` box or an ``xml`` box)."""
    text = webp_text(picture) if picture.startswith(b"RIFF") else jp2_text(picture)
    assert text.splitlines()[0] == "Learning on a page: Child K"
    assert "six-year-old boy" in text


def test_exif_comes_first_and_a_damaged_xmp_is_passed_over() -> None:
    """A WebP's EXIF ImageDescription is the caption; its XMP, cut short, is passed over; a card
    whose only XMP is damaged is refused saying so."""
    text = webp_text(_webp((b"EXIF", _exif(ACCOUNT)), (b"XMP ", _xmp("Card", ACCOUNT)[:-30])))
    assert "six-year-old boy" in text
    with pytest.raises(ValueError, match="damaged XMP packet"):
        webp_text(_webp((b"XMP ", _xmp("Card", ACCOUNT)[:-30])))


@pytest.mark.parametrize("picture", [
    _webp((b"VP8L", b"\0" * 400), (b"XMP ", _xmp("Card", ACCOUNT))),
    _jp2(_box(b"jp2c", b"\0" * 400), _box(b"uuid", XMP_UUID + _xmp("Leaflet", ACCOUNT)))],
    ids=["webp", "jp2"])
def test_a_picture_cut_before_its_metadata_says_it_is_cut(tmp_path: Path, picture: bytes) -> None:
    """Cut inside its picture data, a card whose XMP came after the picture is refused as cut
    short, not as a picture whose metadata holds no description (found building the shared
    corpus with a cut card beside it)."""
    page = tmp_path / ("cut.webp" if picture.startswith(b"RIFF") else "cut.jp2")
    page.write_bytes(picture[:200])
    with pytest.raises(CasegraphError, match=r"cut\.(?:webp|jp2): .*cut short") as caught:
        read_source(page)
    assert "\n" not in str(caught.value)


def test_a_folder_leaves_out_pictures_without_a_description(tmp_path: Path) -> None:
    """A WebP photo and a JP2 scan without metadata are left out of a folder, said so; the
    described ones are read."""
    (tmp_path / "photo.webp").write_bytes(_webp())
    (tmp_path / "scan.jp2").write_bytes(_jp2())
    (tmp_path / "card.webp").write_bytes(_webp((b"XMP ", _xmp("Card", ACCOUNT))))
    assert [p.name for p in discover([tmp_path])] == ["card.webp"]
    assert sorted(not_read([tmp_path])) == [
        f"{tmp_path}: 1 JPEG 2000 image(s) not read, their metadata holding no description, or damaged: "
        "scan.jp2; name one on the command line to see why",
        f"{tmp_path}: 1 WebP image(s) not read, their metadata holding no description, or damaged: "
        "photo.webp; name one on the command line to see why"]
    refused_in_one_line(tmp_path / "photo.webp", _webp())
    refused_in_one_line(tmp_path / "scan.jp2", _jp2())


def test_an_xmp_description_keeps_its_lines() -> None:
    """A card's alt text lists its learning a point a line: each point stays on its own line
    (run together, the list was lost and its learning counted none)."""
    text = webp_text(_webp((b"XMP ", _xmp("Card", ACCOUNT + "\nLearning\n1. Ask who lives in the home.\n"
                                                 "2. Use a professional interpreter."))))
    lines = text.splitlines()
    assert "1. Ask who lives in the home." in lines and "2. Use a professional interpreter." in lines


# ---------------------------------------------------------------------------------- JSON tables
@pytest.mark.parametrize("table", [
    {"database": "register", "columns": ["id", "title", "area", "summary"],
     "rows": [[1, "Learning review: Child K", "Testshire", ACCOUNT],
              [2, "Learning review: Child L", "Testshire", NOTE.replace("K", "L")]]},
    {"columns": ["title", "area", "summary"], "index": [0, 1],
     "data": [["Learning review: Child K", "Testshire", ACCOUNT],
              ["Learning review: Child L", "Testshire", NOTE.replace("K", "L")]]}],
    ids=["datasette", "pandas-split"])
def test_a_tables_rows_given_as_arrays_are_its_records(tmp_path: Path, table: dict) -> None:
    """A Datasette table API response and pandas' "split" JSON give their column names once and
    each row as an array: each row is read as a record of those columns (they were lost)."""
    import json

    page = tmp_path / "register.json"
    page.write_text(json.dumps(table), encoding="utf-8")
    text = read_source(page).text
    assert text.index("Learning review: Child K") < text.index("six-year-old boy") < text.index(
        "Learning review: Child L")
    assert "Area: Testshire" in text


# ---------------------------------------------------------------------------------------- lzip
def _lzip(data: bytes, dictionary_code: int = 16) -> bytes:
    """One lzip member: header, an LZMA stream with its end marker, the trailer."""
    stream = lzma.compress(data, format=lzma.FORMAT_RAW, filters=[
        {"id": lzma.FILTER_LZMA1, "dict_size": 1 << dictionary_code, "lc": 3, "lp": 0, "pb": 2}])
    head = b"LZIP\x01" + bytes([dictionary_code])
    return head + stream + struct.pack("<IQQ", zlib.crc32(data), len(data), len(head) + len(stream) + 20)


def test_lzip_members_are_read_one_after_another() -> None:
    """Two members (``plzip`` writes one a block) give their data joined; bytes that are no
    member after the last are ignored, as lzip ignores them."""
    assert lzip_unpacked(_lzip(b"first, ") + _lzip(b"second") + b"\0" * 7, "it") == b"first, second"


@pytest.mark.parametrize(("damage", "said"), [
    (lambda m: m[:-25], "cut short"),
    (lambda m: m[:-20] + b"\1\2\3\4" + m[-16:], "CRC-32"),
    (lambda m: m[:5] + b"\x1f" + m[6:], "dictionary")], ids=["cut", "crc", "dictionary"])
def test_a_damaged_lzip_member_is_refused(damage, said: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=said):
        lzip_unpacked(damage(_lzip(NOTE.encode() * 3)), "the stream")


def test_a_lone_lzip_file_is_its_one_page(tmp_path: Path) -> None:
    page = tmp_path / "briefing.txt.lz"
    page.write_bytes(_lzip(ACCOUNT.encode()))
    assert "six-year-old boy" in read_source(page).text


# -------------------------------------------------------------------------------------- rules
def _reviews(tmp_path: Path, vocab: Vocabulary, text: str, name: str = "page.txt") -> list:
    return reviews_of_page(tmp_path, name, f"[{NOTE}]\n\n{text}", vocab)


def test_a_catalogues_field_lines_are_its_records_not_headings(tmp_path: Path, vocab: Vocabulary) -> None:
    """A library's records, each its title over "Type:", "Nation:", "Publisher:", "Area:" and
    "Year:" lines: each record keeps its fields and its account (its "Nation:" and "Publisher:"
    lines had ended it, and the last record's "Publisher:" line was taken for a review)."""
    record = ("{title}\n\nType: {kind}\n\nNation: England\n\nPublisher: Testshire {body}\n\nArea: "
              "{area}\n\nYear: {year}\n\n{account}\n\nLearning:\n\n• {lesson}\n\n")
    text = (record.format(title="Local child safeguarding practice review: Child K", kind="Local child "
                          "safeguarding practice review", body="Safeguarding Children Partnership",
                          area="Testshire", year=2025, account="Child K, a 14-year-old boy, was "
                          "stabbed in February 2023.", lesson="Exclusion raised the risk to him.")
            + record.format(title="Case management review: Child L", kind="Case management review",
                            body="Safeguarding Board for Northern Ireland", area="Belfast", year=2024,
                            account="Child L, a girl aged 11, was sexually abused in 2021.",
                            lesson="Her way of telling was not understood."))
    reviews = _reviews(tmp_path, vocab, text)
    assert [(r.title, r.area, r.publication_year) for r in reviews] == [
        ("Local child safeguarding practice review: Child K", "Testshire", 2025),
        ("Case management review: Child L", "Belfast", 2024)]
    assert [(c.age_months, len(r.learning)) for r in reviews for c in r.children] == [(168, 1), (132, 1)]


@pytest.mark.parametrize("said", [
    "Recommendations: nine (see report).",
    "Recommendations: Eight recommendations, all accepted by the Committee; progress is reported quarterly.",
    "Recommendations: 8 - not copied yet",
    "Recommendations: to follow, with the Committee's response, in 2024-25.",
    "Recommendations\n\nRecommendations are being developed with the agencies involved and will be "
    "published in the summer.",
])
def test_recommendations_only_counted_or_still_to_come_are_none(tmp_path: Path, vocab: Vocabulary,
                                                               said: str) -> None:
    (review,) = _reviews(tmp_path, vocab, "Learning Review: Child K\n\nChild K, aged nine, was neglected "
                         f"in 2022.\n\nLearning: schools should ask about carers.\n\n{said}\n")
    assert review.recommendations == []


def test_a_lines_saying_where_the_recommendations_are_ends_the_learning(tmp_path: Path,
                                                                       vocab: Vocabulary) -> None:
    """(a)-(c) learning, then "The review's seven recommendations are on the partnership
    website." on the next line: three points, none of them that line."""
    (review,) = _reviews(tmp_path, vocab, "Local child safeguarding practice review: Child K (Testshire, "
                         "published 2023)\nChild K, aged six months, was injured in 2022.\nLearning:\n(a) "
                         "Young parents need support.\n(b) Crying is a moment to talk.\n(c) Fathers should "
                         "be seen.\nThe review's seven recommendations are on the partnership website.\n")
    assert len(review.learning) == 3


def test_a_recorded_briefings_parts_and_a_national_review(tmp_path: Path, vocab: Vocabulary) -> None:
    """"Part 1 - ..." is the briefing's part, not the review's title; a national review it tells
    of is the Panel's, of no area, though the page is a partnership's."""
    reviews = _reviews(tmp_path, vocab, "Presented by the Testshire Safeguarding Children Partnership.\n\n"
                       "Part 1 - Local child safeguarding practice review: Child K (Testshire, published "
                       "2023)\nChild K, aged six months, was injured in 2022.\n\nPart 2 - National child "
                       "safeguarding practice review: Child L (Child Safeguarding Practice Review Panel, "
                       "published June 2023)\nChild L, aged 3, was killed in 2021.\n")
    assert [(r.title.split(":")[0], r.area) for r in reviews] == [
        ("Local child safeguarding practice review", "Testshire"),
        ("National child safeguarding practice review", None)]


def test_a_text_browsers_dump_keeps_its_footers_area(tmp_path: Path, vocab: Vocabulary) -> None:
    """A Lynx dump: its link numbers and list of addresses are no text; the copyright in its
    footer, wrapped over two lines, names the area; the helpline under the last review's rule
    is none of its recommendations."""
    text = ("   [1]Skip to main content | [2]Home\n\n                Learning from local reviews\n\n"
            "Child K – serious case review\n\n   Published: 2017 · [3]Overview report\n\n   Child K "
            "was 23 months old when she died in 2015 from a head injury.\n\n   Recommendations: see the "
            "[4]overview report.\n     ______________________________________\n\n   Need help now? If you "
            "are worried about a child, call the children's\n   advice line on 0300 000 0000.\n\n"
            "   [5]Privacy | [6]Accessibility | © 2024 Testshire Safeguarding Children\n   Partnership\n\n"
            "References\n\n   1. https://tscp.example.org/#main\n   2. https://tscp.example.org/\n"
            "   3. https://tscp.example.org/k.pdf\n   4. https://tscp.example.org/k.pdf\n"
            "   5. https://tscp.example.org/privacy/\n   6. https://tscp.example.org/a11y/\n")
    page = tmp_path / "reviews-lynx-dump.txt"
    page.write_text(text, encoding="utf-8")
    assert "https://" not in read_source(page).text and "[4]" not in read_source(page).text
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.area, review.recommendations) == ("Testshire", [])


def test_children_the_review_numbers_are_each_a_child(tmp_path: Path, vocab: Vocabulary) -> None:
    """A news story with no heading of the review: "refers to the children as Child 1, Child 2
    and Child 3" names three children (they were no review at all)."""
    (review,) = _reviews(tmp_path, vocab, "Review finds children lived in squalor\n\nThree children were "
                         "living in appalling conditions in March 2023, a child practice review has "
                         "found.\n\nThe review, published by the Testshire Safeguarding Board, refers to the "
                         "children as Child 1, Child 2 and Child 3. Child 1, a girl, was nine; her brother, "
                         "Child 2, was six.\n\nOfficers found the children severely neglected.\n")
    assert [c.pseudonym for c in review.children] == ["Child 1", "Child 2", "Child 3"]


def test_twins_named_in_a_heading_are_each_by_name(tmp_path: Path, vocab: Vocabulary) -> None:
    (review,) = _reviews(tmp_path, vocab, ">> Twins Ruby and Sam (Serious Case Review, published 2012)\n\n"
                         "Ruby and Sam were 10 months old when, in 2010, they were found to be neglected.\n")
    assert [c.pseudonym for c in review.children] == ["Ruby", "Sam"]


# ------------------------------------------------------------------------------------- damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Random bytes changed in each new type's file, each cut short at every tenth of its
    length: every copy is read or refused in one line naming it."""
    (tmp_path / "source").mkdir()
    small = {"episode.caf": _caf({"title": "Episode 3", "comment": ACCOUNT}),
             "briefing.avi": _avi({b"INAM": "Briefing", b"ICMT": ACCOUNT}),
             "card.webp": _webp((b"XMP ", _xmp("Card", ACCOUNT))),
             "leaflet.jp2": _jp2(_box(b"uuid", XMP_UUID + _xmp("Leaflet", ACCOUNT))),
             "bulletin.txt.lz": _lzip(ACCOUNT.encode())}
    for name, data in small.items():
        (tmp_path / "source" / name).write_bytes(data)
    read_or_one_line_when_damaged(sorted((tmp_path / "source").iterdir()), tmp_path, seed=77, rounds=30)
    read_or_one_line_when_damaged([CAF, WEBP, JP2, BAG], tmp_path, seed=77, rounds=8)
    read_or_one_line_when_cut([("cut-" + name, good) for name, good in small.items()], tmp_path)
