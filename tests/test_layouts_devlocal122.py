"""Packages, images and layouts of devlocal122 (session 87, pages made by real tools): a kiosk's
Debian package (``.deb``), a records transfer's cpio archive (``.cpio``), a USB stick's EnCase
image (``.E01``), an offline library's SquashFS image (``.squashfs``), a Trust's Windows image
of a shared folder (``.wim``, LZX), DatoCMS structured text in a GraphQL response, a jsPDF
briefing's fields set apart by gutters and a txt2tags definition list.  Before, the five were
refused as binary; the API's lists and headings ran together as records; "Trust area
Southern Trust" was a review of its own; "Published" over "  2022" ended the review at the year.

devlocal122's pages are invented test data by that set's labeller.  The files built here are
invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import (
    debian_tool,
    read_or_one_line_when_cut,
    read_or_one_line_when_damaged,
    reviews_by_page,
)

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.containers import cpio_members, deb_members, ewf_members, squashfs_members
from casegraph.ingest.publishing import datocms_html
from casegraph.ingest.sources import discover, not_read, read_source
from casegraph.ingest.wim import wim_members

TESTS = Path(__file__).parent
PAGES = TESTS / "corpus" / "devlocal122"
DEB = PAGES / "lcsap-kiosk-review-summaries_2025.03-1_all.deb"
CPIO = PAGES / "gwent-sb-records-transfer-2025-04-cpr-summaries.cpio"
E01 = PAGES / "fife-cpc-accession-2025-017-usb-learning-review-summaries.E01"
SQUASHFS = PAGES / "bradford-scp-offline-learning-library-2025.2.squashfs"
WIM = PAGES / "sbni-western-trust-cmr-learning-share-capture-2025.wim"
DATO = PAGES / "nwsb-review-summaries-datocms-graphql-response.json"
JSPDF = PAGES / "sbni-southern-trust-cmr-learning-briefing-2025-jspdf.pdf"
TXT2TAGS = PAGES / "scottish-borders-cpc-learning-reviews-text-version-txt2tags.txt"
NEW_TYPES = [DEB, CPIO, E01, SQUASHFS, WIM]


# ------------------------------------------------------------------------------------- reviews
def test_the_files_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each new type's reviews, as the set's gold names them, with their lists counted."""
    by_page = reviews_by_page([*NEW_TYPES, DATO, JSPDF, TXT2TAGS], vocab)
    names = {page: [[c.pseudonym for c in r.children] for r in reviews] for page, reviews in by_page.items()}
    assert names[DEB.name] == [["Baby Isaac"], ["Child AK"]]  # (each page's title no review)
    assert names[CPIO.name] == [["Rhiannon"], ["Dewi"]]
    assert names[E01.name] == [["Ailsa"], ["Struan"]]  # (Struan's heading over his committee's name)
    assert [r.publication_year for r in by_page[E01.name]] == [2023, 2020]
    assert names[SQUASHFS.name] == [["Yusuf"], ["Imogen", "Esme"]]  # (its catalogue.csv no page)
    assert names[WIM.name] == [["Cillian"], ["Fiadh"]]
    assert [(len(r.learning), len(r.recommendations)) for r in by_page[DATO.name]] == [(2, 3), (3, 0)]
    assert [r.publication_year for r in by_page[DATO.name]] == [2024, 2025]
    assert names[JSPDF.name] == [["Eoin"], ["Saoirse"]]
    assert [r.area for r in by_page[JSPDF.name]] == ["Southern Trust", "Southern Trust"]
    assert [(r.publication_year, len(r.learning), len(r.recommendations))
            for r in by_page[TXT2TAGS.name]] == [(2022, 3, 2), (2024, 2, 1)]


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder; the DAR backup, which casegraph does not read, is the
    one file a warning names."""
    assert {p.name for p in NEW_TYPES} <= {p.name for p in discover([PAGES])}
    (warning,) = not_read([PAGES])
    assert "1 file(s) not read" in warning and "(.dar)" in warning


# ------------------------------------------------------------------------- packages and images
def _invented_folder(root: Path) -> Path:
    """A folder of two invented summaries, one in a sub-folder."""
    (root / "summaries").mkdir(parents=True)
    (root / "README.txt").write_text("Invented test data for casegraph.\n", encoding="utf-8")
    (root / "summaries" / "child-k.txt").write_text(ACCOUNT + "\n", encoding="utf-8")
    return root


def test_a_debian_packages_installed_files_are_its_members(tmp_path: Path) -> None:
    """dpkg-deb's package (its data.tar compressed by xz): the files it installs, by path."""
    root = _invented_folder(tmp_path / "pkg" / "usr" / "share" / "doc" / "invented")
    (tmp_path / "pkg" / "DEBIAN").mkdir()
    (tmp_path / "pkg" / "DEBIAN" / "control").write_text(
        "Package: invented\nVersion: 1.0\nArchitecture: all\nMaintainer: Nobody <n@example.org>\n"
        "Description: invented test data\n", encoding="utf-8")
    subprocess.run([debian_tool("dpkg-deb"), "-Zxz", "--build", str(tmp_path / "pkg"),
                    str(tmp_path / "i.deb")], check=True, capture_output=True)
    members = dict(deb_members((tmp_path / "i.deb").read_bytes()))
    installed = members["usr/share/doc/invented/summaries/child-k.txt"]
    assert installed == (root / "summaries" / "child-k.txt").read_bytes()
    assert "DEBIAN/control" not in members and "control" not in members  # (the packager's, not a page)


@pytest.mark.parametrize("form", ["newc", "odc"])
def test_a_cpio_archives_files_are_its_members(tmp_path: Path, form: str) -> None:
    """GNU cpio's "newc" and portable "odc" archives: each regular file, in its order."""
    _invented_folder(tmp_path / "f")
    listing = "README.txt\nsummaries\nsummaries/child-k.txt\n"
    made = subprocess.run([debian_tool("cpio"), "-o", "-H", form], input=listing.encode(), cwd=tmp_path / "f",
                          check=True, capture_output=True).stdout
    assert [name for name, _ in cpio_members(made)] == ["README.txt", "summaries/child-k.txt"]
    with pytest.raises(ValueError, match="damaged cpio archive"):
        cpio_members(made[:len(made) // 2])


def test_an_encase_image_is_the_files_of_the_disk_it_captured(tmp_path: Path) -> None:
    """ewfacquire's image of a FAT disk: the disk's files, as its image file's would be."""
    disk = tmp_path / "stick.img"
    disk.write_bytes(bytes(1440 * 1024))
    subprocess.run([debian_tool("mkfs.fat"), str(disk)], check=True, capture_output=True)
    (tmp_path / "k.txt").write_text(ACCOUNT + "\n", encoding="utf-8")
    subprocess.run([debian_tool("mcopy"), "-i", str(disk), str(tmp_path / "k.txt"), "::CHILDK.TXT"],
                   check=True)
    subprocess.run([debian_tool("ewfacquire"), "-u", "-q", "-t", str(tmp_path / "out"), "-c", "deflate:fast",
                    str(disk)], check=True, capture_output=True)
    assert ewf_members((tmp_path / "out.E01").read_bytes()) == [("CHILDK.TXT", (ACCOUNT + "\n").encode())]


def test_a_squashfs_images_files_are_its_members(tmp_path: Path) -> None:
    """mksquashfs's image: each file, a sub-folder's under its path."""
    _invented_folder(tmp_path / "f")
    subprocess.run([debian_tool("mksquashfs"), str(tmp_path / "f"), str(tmp_path / "i.squashfs"), "-quiet",
                    "-noappend"], check=True, capture_output=True)
    members = dict(squashfs_members((tmp_path / "i.squashfs").read_bytes()))
    assert set(members) == {"README.txt", "summaries/child-k.txt"}


@pytest.mark.parametrize("compress", ["LZX", "none"])
def test_a_windows_images_files_are_its_members(tmp_path: Path, compress: str) -> None:
    """wimcapture's image, LZX-compressed or not: each file, byte for byte, a large one over
    several 32 KB chunks too; XPRESS is refused by name."""
    folder = _invented_folder(tmp_path / "f")
    (folder / "long.txt").write_text((ACCOUNT + "\n") * 900, encoding="utf-8")  # (some 150 KB)
    image = tmp_path / "i.wim"
    subprocess.run([debian_tool("wimcapture"), str(folder), str(image), f"--compress={compress}"],
                   check=True, capture_output=True)
    members = dict(wim_members(image.read_bytes()))
    assert members["long.txt"] == (folder / "long.txt").read_bytes()
    assert members["summaries/child-k.txt"].decode() == ACCOUNT + "\n"
    subprocess.run([debian_tool("wimcapture"), str(folder), str(tmp_path / "x.wim"), "--compress=XPRESS"],
                   check=True, capture_output=True)
    with pytest.raises(ValueError, match="XPRESS"):
        wim_members((tmp_path / "x.wim").read_bytes())


# ------------------------------------------------------------------------------------ DatoCMS
def test_datocms_structured_text_is_its_page() -> None:
    """A record's title a heading, its short fields as lines (its date printed), its
    structured text's headings and lists; its status, times and slug none of its words."""
    document = {"type": "root", "children": [
        {"type": "heading", "level": 3, "children": [{"type": "span", "value": "Learning"}]},
        {"type": "list", "style": "bulleted", "children": [
            {"type": "listItem", "children": [{"type": "paragraph", "children": [
                {"type": "span", "value": "Ask who lives in the home.", "marks": ["strong"]}]}]}]}]}
    record = {"id": "x1", "_status": "published", "slug": "child-k", "title": "LCSPR: Child K",
              "area": "Newport", "publishedOn": "2024-10-08", "keywords": ["neglect", "invented"],
              "body": {"value": {"schema": "dast", "document": document}}}
    page = datocms_html({"data": {"allReviews": [record]}}) or ""
    assert "<h2>LCSPR: Child K</h2>" in page and "<p>Published: 8 October 2024</p>" in page
    assert "<p>Keywords: neglect; invented</p>" in page and "<h3>Learning</h3>" in page
    assert "<ul><li><b>Ask who lives in the home.</b></li></ul>" in page
    assert "x1" not in page and "child-k" not in page and "published<" not in page
    assert datocms_html(json.loads('{"data": {"allReviews": [{"title": "no structured text"}]}}')) is None


# -------------------------------------------------------------------------------------- damage
def test_a_cut_or_damaged_file_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Damaged or cut, each new type's file is read or refused in one line naming it."""
    read_or_one_line_when_damaged(NEW_TYPES, tmp_path, seed=122, rounds=6)
    read_or_one_line_when_cut([("cut-" + p.name, p.read_bytes()) for p in NEW_TYPES], tmp_path)


def test_a_split_windows_image_is_refused_by_name(tmp_path: Path) -> None:
    """Part 1 of 2 of an image: its other part is another file."""
    data = bytearray(WIM.read_bytes())
    data[42:44] = (2).to_bytes(2, "little")
    (tmp_path / "part.wim").write_bytes(bytes(data))
    with pytest.raises(CasegraphError, match="in 2 parts"):
        read_source(tmp_path / "part.wim")


# ------------------------------------------------------------------------------------ rules
DOCX = PAGES / "cysur-learning-briefing-child-practice-reviews-2024-html-to-docx.docx"


def test_the_register_after_his_parents_is_his_own(vocab: Vocabulary) -> None:
    """"His parents had separated in 2020, and he had been on the child protection register":
    the one on the register is "he" (previous involvement, as the gold has it), not the nearer
    "parents" (whose own childhood it had been read as)."""
    gwyn = reviews_by_page([DOCX], vocab)[DOCX.name][0]
    facts = {c.notation for c in gwyn.risk_factors}
    assert "RF-PREV" in facts and "RF-PACE" not in facts


def test_a_cut_encase_image_is_refused_with_a_reason_not_an_object(tmp_path: Path) -> None:
    """dissect's message names the file object it read ("[<_io.BytesIO object at 0x...>]"):
    the line says what was wrong, not where in memory."""
    data = E01.read_bytes()
    with pytest.raises(CasegraphError,
                       match=r"damaged EnCase image \(EWFError: Failed to load EWF\)") as refused:
        read_source(_written(tmp_path / "cut.E01", data[:len(data) // 2]))
    assert "object at" not in str(refused.value)


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
