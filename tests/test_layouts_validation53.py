"""File types of validation53 (session 70): a partnership's S/MIME-signed notice to partners
(``.p7m``), an ACPC archive's FAT12 floppy image (``.img``), a committee's offline practice
library as an openZIM archive (``.zim``) and an analyst's Tableau Hyper extract (``.hyper``).
Before, all four were refused as binary files or unread (8 of validation53's 27 reviews lost).

validation53's pages are invented test data by that set's labeller; the small pages and files
built below are invented too (each says so in its words) and use neutral pseudonyms.  The disk
images and signed files are made by the real tools (mkfs.fat and mtools, OpenSSL; CI installs
them from Debian), the Hyper extract by Tableau's Hyper API; none is written by casegraph."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from support import debian_tool, read_or_one_line_when_damaged, refused_in_one_line

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.fatdisk import fat_members
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation53" / "pages"
SIGNED = PAGES / "Publication of LCSPR Child M - partners notice - smime.p7m"
FLOPPY = PAGES / "ACPC-disk3-2004.img"
LIBRARY = PAGES / "sbcpc_practice-library_en_2024-09.zim"
EXTRACT = PAGES / "review_coding_extract_2025-01.hyper"

#: An invented review page in plain text.
_PAGE = """Child Q - invented test review

Child Q, a pseudonym in invented test data, was four months old when she was taken to
hospital with a fractured arm in May 2023.

What we learned
- Invented learning point one.
- Invented learning point two.
"""


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The signed notice's one review; the floppy's two Part 8 summaries (its contents list and
    training notice are none); the library's two articles (its home page and explainer none);
    the extract's three coded reviews (its codebook none)."""
    reviews = extract_reviews([SIGNED, FLOPPY, LIBRARY, EXTRACT], vocab)[0]  # (a page unread raises)
    by_page: dict[str, list] = {}
    for review in reviews:
        by_page.setdefault(Path(review.sources[0].path).name, []).append(review)
    assert [c.pseudonym for r in by_page[SIGNED.name] for c in r.children] == ["Child M"]
    assert [[c.pseudonym for c in r.children] for r in by_page[FLOPPY.name]] == [["Child B"], ["Baby T"]]
    assert len(by_page[LIBRARY.name]) == 2
    assert [r.title for r in by_page[EXTRACT.name]] == [
        "Learning Review - Child D", "Case Management Review - Baby S",
        "Multi-agency learning review - Child R"]


# ------------------------------------------------------------------------------ FAT disk image
def _fat_image(folder: Path, fat_bits: int, files: dict[str, str]) -> Path:
    """A FAT image made by mkfs.fat, the files copied in by mtools' mcopy (folders by mmd)."""
    image = folder / f"disk{fat_bits}.img"
    size_kb = {12: 1440, 16: 16384, 32: 34000}[fat_bits]  # (FAT32's least: 65,525 clusters)
    subprocess.run([debian_tool("mkfs.fat"), "-C", "-F", str(fat_bits), "-s", "1", str(image), str(size_kb)],
                   check=True, capture_output=True)
    for name, text in files.items():
        local = folder / "file"
        local.write_bytes(text.encode("cp1252").replace(b"\n", b"\r\n"))
        if "/" in name:
            subprocess.run([debian_tool("mmd"), "-D", "s", "-i", str(image), "::" + name.rsplit("/", 1)[0]],
                           check=False, capture_output=True)
        subprocess.run([debian_tool("mcopy"), "-i", str(image), str(local), "::" + name], check=True,
                       capture_output=True)
    return image


_FILES = {"Reviews 2004/Child Q invented summary.txt": _PAGE, "README.TXT": "Invented disk of test pages.\n"}


@pytest.mark.parametrize("fat_bits", [12, 16])
def test_a_fat_image_is_read_as_its_files(tmp_path: Path, fat_bits: int, vocab: Vocabulary) -> None:
    """FAT12 (a floppy) and FAT16: a file under a long name in a folder is read as a folder's
    file would be, and a text file of no review beside it is read and gives none."""
    image = _fat_image(tmp_path, fat_bits, _FILES)
    source = read_source(image)
    assert source.media_type == "application/x-fat-image"
    assert "Child Q, a pseudonym in invented test data" in source.text
    reviews = extract_reviews([image], vocab)[0]
    assert [(c.pseudonym, c.age_months) for r in reviews for c in r.children] == [("Child Q", 4)]


def test_a_fat32_image_gives_its_files_by_their_long_names(tmp_path: Path) -> None:
    """FAT32 (a USB stick's image; its root a cluster chain, its table 32-bit): the files by
    their long names and folders, in the directory's order, their bytes whole.  (Its least
    size, 33 MB, is above a page's default limit, so its members are asked for directly.)"""
    image = _fat_image(tmp_path, 32, _FILES)
    members = dict(fat_members(image.read_bytes()))
    assert sorted(members) == ["README.TXT", "Reviews 2004/Child Q invented summary.txt"]
    assert members["Reviews 2004/Child Q invented summary.txt"] == _PAGE.encode().replace(b"\n", b"\r\n")


def test_a_damaged_or_foreign_disk_image_is_refused_in_one_line(tmp_path: Path) -> None:
    """A cut FAT image (its files' clusters gone), an .img of no file system, and an image with
    no file: each one line naming the file; random damage to the floppy is read or refused."""
    data = FLOPPY.read_bytes()
    refused_in_one_line(tmp_path / "cut.img", data[:20_000])
    with pytest.raises(CasegraphError, match="past the end of the image"):  # (not its members, one by one)
        read_source(tmp_path / "cut.img")
    refused_in_one_line(tmp_path / "blank.img", bytes(1_474_560))
    empty = _fat_image(tmp_path, 12, {})
    refused_in_one_line(tmp_path / "empty.img", empty.read_bytes())
    read_or_one_line_when_damaged([FLOPPY], tmp_path, seed=70, rounds=20)


# -------------------------------------------------------------------------------- signed file
def _signing_key(folder: Path) -> tuple[Path, Path]:
    """An invented self-signed certificate and its key, made by OpenSSL."""
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run([debian_tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=Invented test signer",
                    "-days", "1"],
                   check=True, capture_output=True)
    return key, cert


def _signed(folder: Path, content: bytes, *options: str) -> bytes:
    key, cert = _signing_key(folder)
    plain = folder / "content"
    plain.write_bytes(content)
    return subprocess.run([debian_tool("openssl"), "cms", "-sign", "-in", str(plain), "-signer", str(cert),
                           "-inkey", str(key), "-binary", *options], check=True, capture_output=True).stdout


_MIME_PAGE = ("Content-Type: text/plain; charset=utf-8\r\n\r\n" + _PAGE.replace("\n", "\r\n")).encode()


@pytest.mark.parametrize("options", [("-nodetach", "-outform", "DER"),
                                     ("-nodetach", "-outform", "DER", "-stream"),
                                     ("-nodetach", "-outform", "PEM")],
                         ids=["DER", "BER streamed", "PEM"])
def test_a_signed_message_is_read_as_the_message_it_signs(tmp_path: Path, options: tuple[str, ...],
                                                           vocab: Vocabulary) -> None:
    """DER, BER with indefinite lengths (``-stream``) and base64 PEM: the signed MIME entity
    is read as an e-mail, the signature itself no words."""
    signed = tmp_path / "notice - smime.p7m"
    signed.write_bytes(_signed(tmp_path, _MIME_PAGE, *options))
    source = read_source(signed)
    assert source.media_type == "application/pkcs7-mime"
    assert "Child Q, a pseudonym in invented test data" in source.text
    assert "Invented test signer" not in source.text
    reviews = extract_reviews([signed], vocab)[0]
    assert [(c.pseudonym, c.age_months) for r in reviews for c in r.children] == [("Child Q", 4)]


def test_a_signed_file_is_read_as_the_file_its_name_gives(tmp_path: Path) -> None:
    """``briefing.md.p7m`` (CAdES: a signed document) holds ``briefing.md``, read as Markdown."""
    signed = tmp_path / "briefing.md.p7m"
    signed.write_bytes(_signed(tmp_path, b"# Child Q - invented test review\n\n*Invented* words.\n",
                               "-nodetach", "-outform", "DER"))
    text = read_source(signed).text
    assert "Child Q - invented test review" in text and "*Invented*" not in text


def test_a_detached_encrypted_or_damaged_signature_is_refused_in_one_line(tmp_path: Path) -> None:
    """A detached signature holds no file; an encrypted message cannot be read without its
    recipient's key; a cut file is damaged: one line each, saying so."""
    detached = tmp_path / "detached.p7m"
    detached.write_bytes(_signed(tmp_path, _MIME_PAGE, "-outform", "DER"))
    with pytest.raises(CasegraphError, match="detached signature"):
        read_source(detached)
    cert = _signing_key(tmp_path)[1]
    plain = tmp_path / "plain"
    plain.write_bytes(_MIME_PAGE)
    encrypted = subprocess.run([debian_tool("openssl"), "cms", "-encrypt", "-in", str(plain),
                                "-outform", "DER", str(cert)], check=True, capture_output=True).stdout
    (tmp_path / "sealed.p7m").write_bytes(encrypted)
    with pytest.raises(CasegraphError, match="encrypted for its recipients"):
        read_source(tmp_path / "sealed.p7m")
    refused_in_one_line(tmp_path / "cut.p7m", SIGNED.read_bytes()[:3000])
    read_or_one_line_when_damaged([SIGNED], tmp_path, seed=70, rounds=20)


# -------------------------------------------------------------------------------- ZIM archive
def test_a_zim_archive_is_read_as_its_articles() -> None:
    """The library's main page first, then its articles, each read as a saved page: their
    words, no markup; its search index and metadata no words."""
    text = read_source(LIBRARY).text
    assert text.index("Practice library") < text.index("Learning Review")
    assert "<" not in text and "xapian" not in text.lower()


def test_a_damaged_zim_archive_is_refused_in_one_line(tmp_path: Path) -> None:
    data = LIBRARY.read_bytes()
    refused_in_one_line(tmp_path / "cut.zim", data[: len(data) // 2])
    refused_in_one_line(tmp_path / "header.zim", data[:80])
    refused_in_one_line(tmp_path / "other.zim", b"not a ZIM file at all " * 10)
    read_or_one_line_when_damaged([LIBRARY], tmp_path, seed=70, rounds=20)


# ---------------------------------------------------------------------------- Tableau Hyper
def test_a_hyper_extract_written_by_the_hyper_api_is_read(tmp_path: Path, vocab: Vocabulary) -> None:
    """An extract written by Tableau's own API (a text, a date and a timestamp column, a
    null): each row read as a record, its dates as dates, the null left out."""
    hyper = pytest.importorskip("tableauhyperapi")
    path = tmp_path / "coded.hyper"
    table = hyper.TableDefinition(hyper.TableName("Extract", "Extract"), [
        hyper.TableDefinition.Column("Review Name", hyper.SqlType.text()),
        hyper.TableDefinition.Column("Published", hyper.SqlType.date()),
        hyper.TableDefinition.Column("Coded at", hyper.SqlType.timestamp()),
        hyper.TableDefinition.Column("Case Summary", hyper.SqlType.text()),
        hyper.TableDefinition.Column("Recommendations", hyper.SqlType.text())])
    with hyper.HyperProcess(hyper.Telemetry.DO_NOT_SEND_USAGE_DATA_TO_TABLEAU,
                            parameters={"log_config": ""}) as server, \
            hyper.Connection(server.endpoint, str(path), hyper.CreateMode.CREATE_AND_REPLACE) as con:
        con.catalog.create_schema("Extract")
        con.catalog.create_table(table)
        with hyper.Inserter(con, table) as rows:
            rows.add_row(["Child Q - invented test review", datetime.date(2024, 3, 5),
                          datetime.datetime(2024, 3, 6, 9, 30), _PAGE.split("\n\n")[1], None])
            rows.execute()
    text = read_source(path).text
    assert "5 March 2024" in text and "6 March 2024" in text and "Recommendations" not in text
    reviews = extract_reviews([path], vocab)[0]
    assert [(c.pseudonym, c.age_months) for r in reviews for c in r.children] == [("Child Q", 4)]


def test_a_hyper_extract_is_read_in_a_build_of_many_pages(tmp_path: Path) -> None:
    """A build into a folder reads every page once for its cache key, then its forked workers
    read them (eight pages or more): the Hyper API, once loaded, could not start its server
    again in a forked process (the page was left out after a 30 s wait); each read now has an
    interpreter of its own."""
    pytest.importorskip("tableauhyperapi")
    from casegraph.pipeline.build import build

    result = build([PAGES], tmp_path / "out", workers=2)
    assert result.failed == []
    assert {Path(r.sources[0].path).name for r in result.reviews} >= {EXTRACT.name, FLOPPY.name}


def test_a_hyper_extract_without_the_api_is_refused_saying_how_to_read_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``pip install casegraph`` leaves the Hyper API out (DECISIONS 114): the page is refused
    in one line naming the extra that reads it."""
    monkeypatch.setitem(sys.modules, "tableauhyperapi", None)  # as if it were not installed
    with pytest.raises(CasegraphError, match=r"casegraph\[tableau\]") as caught:
        read_source(EXTRACT)
    assert EXTRACT.name in str(caught.value) and "\n" not in str(caught.value)


def test_a_damaged_hyper_extract_is_refused_in_one_line(tmp_path: Path) -> None:
    pytest.importorskip("tableauhyperapi")
    data = EXTRACT.read_bytes()
    refused_in_one_line(tmp_path / "cut.hyper", data[: len(data) // 2])
    refused_in_one_line(tmp_path / "other.hyper", b"Hyper but not really " * 100)
