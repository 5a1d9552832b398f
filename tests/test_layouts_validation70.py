"""File types and layouts of validation70 (session 87): a podcast's Musepack episode with its show
notes in an APEv2 tag (``.mpc``), a safeguarding board's publication pack as a Microsoft Cabinet
(``.cab``), a partnership's comic-strip briefing as a comic book archive (``.cbz``), a poster's
GIMP working file (``.xcf``), and a pdfmake booklet whose "At a glance" box stands beside each
account.  Before, the four types were refused as binary; the booklet's box, read across, stood
on the accounts' "What we learned" lines (no learning was found); the podcast's second review,
"Significant Case Review: Young Person T (Dundee)" over "Published by ... in 2019.", ran into
the first; the cabinet's summaries lost "Published: 2023" and "Recommendations" as a site's
chrome; a statement's page title was a review of its own; a news item's byline date was not its
date.

validation70's pages are invented test data by that set's labeller.  The files built here are
invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import INVENTED_NOTE as NOTE
from support import (
    debian_tool,
    read_or_one_line_when_cut,
    read_or_one_line_when_damaged,
    refused_in_one_line,
    reviews_by_page,
)

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.columns import columns_as_text
from casegraph.ingest.packages import cab_members, comic_text
from casegraph.ingest.photo import xcf_text
from casegraph.ingest.sources import discover, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "validation70" / "pages"
MPC = PAGES / "clyde-practice-podcast-ep14-two-learning-reviews.mpc"
CAB = PAGES / "cwm-taf-morgannwg-sb-cpr-publication-pack-2023.cab"
CBZ = PAGES / "hertfordshire-scp-learning-comic-3-rubys-story.cbz"
XCF = PAGES / "sbni-cmr-dogs-in-the-home-poster-master-child-f.xcf"
PDFMAKE = PAGES / "north-wales-sb-cpr-summaries-2022-pdfmake.pdf"
STATEMENT = PAGES / "mid-west-wales-sb-statement-cpr-tomos-2024-03-20.html"
NEWS = PAGES / "foyle-courier-2024-02-08-cmr-teenager-death.html"
NEW_TYPES = [MPC, CAB, CBZ, XCF]


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each new type's reviews, as the set's gold names them, with their lists counted."""
    by_page = reviews_by_page([*NEW_TYPES, PDFMAKE, STATEMENT, NEWS], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[MPC.name] == [["Child S"], ["Young Person T"]]
    assert [r.area for r in by_page[MPC.name]] == ["Glasgow", "Dundee"]
    assert names[CAB.name] == [["Child L"], ["Child M"], ["Child P", "Child Q"]]
    child_m = by_page[CAB.name][1]
    assert (child_m.publication_year, len(child_m.learning), len(child_m.recommendations)) == (2023, 4, 2)
    assert names[CBZ.name] == [["Ruby"]]
    assert (len(by_page[CBZ.name][0].learning), len(by_page[CBZ.name][0].recommendations)) == (3, 3)
    assert names[XCF.name] == [["Child F"]]
    assert [len(r.learning) for r in by_page[PDFMAKE.name]] == [4, 1, 2]
    assert [r.area for r in by_page[PDFMAKE.name]] == ["Flintshire", "Denbighshire", "Wrexham"]
    assert names[STATEMENT.name] == [["Tomos"]]  # (its page title is no review of its own)
    assert "H-EMO" in {c.notation for c in by_page[STATEMENT.name][0].harms}  # "belittled him"
    assert by_page[NEWS.name][0].publication_year == 2024  # "By Courier Reporter | 8 February 2024"
    assert "AG-GP" not in {c.notation for c in by_page[NEWS.name][0].agencies}  # (its help box's GP)


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder, and no warning says one was not."""
    assert {p.name for p in NEW_TYPES} <= {p.name for p in discover([PAGES])}
    assert not_read([PAGES]) == []


# ----------------------------------------------------------------------------------- Musepack
def test_a_musepack_episodes_ape_tag_is_its_show_notes(tmp_path: Path) -> None:
    """The tag's title over its comment, as a player shows them; the sound is not read."""
    import mutagen.apev2

    page = tmp_path / "episode.mpc"
    page.write_bytes(MPC.read_bytes())
    tag = mutagen.apev2.APEv2()
    tag["Title"], tag["Comment"] = "Episode 1 (invented)", ACCOUNT
    tag.save(page)
    text = read_source(page).text
    assert text.startswith("Episode 1 (invented)\n")
    assert "Local Child Safeguarding Practice Review: Child K\nChild K is a six-year-old boy" in text
    assert "Clyde" not in text  # (the set's own tag was replaced, not read beside ours)


# ----------------------------------------------------------------------------------- Cabinet
def _gcab(folder: Path, members: dict[str, str], compress: bool) -> bytes:
    """A cabinet of invented text files made by Debian's gcab (MSZIP with ``compress``)."""
    for name, text in members.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = folder / "pack.cab"
    subprocess.run([debian_tool("gcab"), "-c", *(["-z"] if compress else []), str(out), *members],
                   cwd=folder, check=True, capture_output=True)
    return out.read_bytes()


@pytest.mark.parametrize("compress", [False, True], ids=["stored", "mszip"])
def test_a_cabinets_files_are_read_in_its_order(tmp_path: Path, compress: bool) -> None:
    """Each file as the file it is, its lines whole (a pack's every summary opens with
    "Published: 2023" and ends on its recommendations: no site's chrome)."""
    members = {f"0{n}-summary.txt": f"Concise Child Practice Review: Child {k}\nPublished: 2023\n\n"
               f"Child {k} is a six-year-old boy who was neglected for two years.\n\nRecommendations\n"
               f"- The Board should share this review.\n\n{NOTE}\n" for n, k in enumerate("KLM", start=1)}
    data = _gcab(tmp_path, members, compress)
    assert [name for name, _ in cab_members(data)] == list(members)
    (tmp_path / "pack2.cab").write_bytes(data)
    text = read_source(tmp_path / "pack2.cab").text
    assert text.count("Published: 2023") == 3 and text.count("Recommendations") == 3


def test_a_cabinet_cut_of_another_method_or_a_bomb_is_refused(tmp_path: Path) -> None:
    """A cut cabinet is damaged; an LZX folder is refused by name; a header whose folders count
    more data blocks than a page's worth is refused before anything is unpacked."""
    data = _gcab(tmp_path, {"a.txt": ACCOUNT * 40}, compress=True)
    with pytest.raises(CasegraphError, match="Microsoft Cabinet"):
        read_source(_written(tmp_path / "cut.cab", data[:len(data) // 2]))
    folder = 36  # (no reserved fields: the first folder's entry follows the header)
    lzx = data[:folder + 6] + struct.pack("<H", 0x1503) + data[folder + 8:]
    with pytest.raises(CasegraphError, match=r"does not read.*LZX"):
        read_source(_written(tmp_path / "lzx.cab", lzx))
    bomb = data[:folder + 4] + struct.pack("<H", 0xFFFF) + data[folder + 6:]
    with pytest.raises(ValueError, match="a bomb"):
        cab_members(bomb)


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------------------- comic
def _comic(info: str | None = None, comment: bytes = b"") -> bytes:
    """A comic book archive of one page picture (its bytes no picture's) and ``info`` as its
    ComicInfo.xml, or ``comment`` as the zip's comment."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("page01.png", b"\x89PNG\r\n\x1a\n(not drawn)")
        if info is not None:
            package.writestr("ComicInfo.xml", info)
        package.comment = comment
    return buffer.getvalue()


_INFO = ("<?xml version='1.0' encoding='utf-8'?><ComicInfo><Title>K's story</Title><Series>Learning"
         f"</Series><Number>2</Number><Summary>{ACCOUNT}</Summary><Notes>{NOTE}</Notes><Year>2024</Year>"
         "<Month>5</Month><Publisher>An invented partnership</Publisher><Web>https://example.org/k</Web>"
         "</ComicInfo>")


def test_a_comics_card_is_its_title_series_date_then_summary() -> None:
    """ComicInfo's heading fields on lines of their own, its summary and notes as paragraphs;
    an older tagger's ComicBookInfo in the zip's comment is read the same way."""
    text = comic_text(_comic(_INFO))
    assert text.split("\n\n")[0] == "K's story\nLearning no. 2\nAn invented partnership\nMay 2024"
    assert text.split("\n\n")[1].startswith("Local Child Safeguarding Practice Review: Child K\n")
    record = {"ComicBookInfo/1.0": {"title": "K's story", "publicationYear": 2024, "comments": ACCOUNT}}
    older = comic_text(_comic(comment=json.dumps(record).encode()))
    assert older.startswith("K's story\n2024\n\nLocal Child Safeguarding Practice Review: Child K\n")


def test_a_comic_with_no_words_but_its_drawings_is_refused(tmp_path: Path) -> None:
    refused_in_one_line(tmp_path / "drawn.cbz", _comic())
    refused_in_one_line(tmp_path / "empty.cbz", _comic("<ComicInfo><Title>K</Title></ComicInfo>"))


# ---------------------------------------------------------------------------------------- GIMP
def test_a_gimp_posters_comment_and_text_layers_are_its_card() -> None:
    """The image comment is the caption; the poster's text layer its headline, above it."""
    text = xcf_text(XCF.read_bytes())
    assert text.startswith("Dogs in the home: learning from a case management review\n\n"
                           "Case Management Review: Child F (Belfast)\n")


def test_a_gimp_image_with_no_comment_is_refused(tmp_path: Path) -> None:
    """Its comment parasite renamed: no words but its pixels and layers."""
    data = XCF.read_bytes().replace(b"gimp-comment", b"gimp-cOmment", 1)
    refused_in_one_line(tmp_path / "poster.xcf", data)


# ------------------------------------------------------------------------------------ fact box
_BOOKLET = "\n".join([
    "Child Practice Review: Child K (Newport)",
    "",
    "Child K, a six-year-old boy, was neglected for two years by his            At a glance",
    "parents, who did not take him to the dentist or the doctor.               Type: Concise child practice",
    "                                                                           review",
    "What we learned                                                            Area: Newport",
    "",
    "1. Neglect can hide behind missed appointments that each look small.      Published: 2024",
    "2. The school saw what the health visitor did not.",
    "3. Nobody asked Child K.",
    "4. " + NOTE,
])


def test_a_fact_box_beside_an_account_is_read_before_it() -> None:
    """The box's fields under the heading (a wrapped value joined), then the account with its
    "What we learned" line its own; a page with no box title is left as it was."""
    lines = columns_as_text(_BOOKLET).split("\n")
    assert lines[2:6] == ["At a glance", "Type: Concise child practice review", "Area: Newport",
                          "Published: 2024"]
    assert "What we learned" in lines
    after = [line for line in lines[lines.index("What we learned") + 1:] if line]
    assert after[0] == "1. Neglect can hide behind missed appointments that each look small."
    untitled = _BOOKLET.replace("At a glance", "Some words.")
    assert columns_as_text(untitled) == untitled


# -------------------------------------------------------------------------------------- damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Damaged or cut, each new type's file is read or refused in one line naming it."""
    read_or_one_line_when_damaged(NEW_TYPES, tmp_path, seed=87, rounds=6)
    read_or_one_line_when_cut([("cut-" + p.name, p.read_bytes()) for p in NEW_TYPES], tmp_path)
