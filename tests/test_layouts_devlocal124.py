"""Pages of devlocal124 (session 88), each made by the real tool that makes its type: an RPM
package, a QEMU qcow2 and a VMware disk of a FAT volume, a Unix compress (``.Z``) and an LZ4 file,
a Java archive of JavaHelp pages, a Python wheel and a NuGet package (zips by other names), an
``ar`` archive that is no Debian package, a shell archive and a Windows Installer package.
Before, each was refused as a binary file (the shell archive was read as its script, its "X"
line marks taken for a review).

devlocal124's pages are invented test data by that set's labeller.  The files built here are
invented test data too and say so; their children are neutral pseudonyms."""

from __future__ import annotations

from pathlib import Path

import lz4.frame
import pytest
from support import INVENTED_ACCOUNT as ACCOUNT
from support import read_or_one_line_when_cut, reviews_by_page

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.containers import ar_members, shar_members
from casegraph.ingest.sources import discover, not_read, read_source

TESTS = Path(__file__).parent
PAGES = TESTS / "corpus" / "devlocal124"
RPM = PAGES / "bkcs-kiosk-review-summaries-2025.3-1.noarch.rpm"
QCOW2 = PAGES / "wgsb-offline-website-cpr-summaries-2024.qcow2"
VMDK = PAGES / "highland-cpc-training-laptop-shared-2024.vmdk"
COMPRESS = PAGES / "sbni-se-trust-cmr-summaries-2023.txt.Z"
LZ4 = PAGES / "ncscp-newsletter-winter-2025.html.lz4"
JAR = PAGES / "mwwsb-cysur-help-2.1.jar"
NUPKG = PAGES / "SBNI.LearningLibrary.CmrSummaries.2024.11.0.nupkg"
AR = PAGES / "sbni-wt-cmr-kiosk-2023.11.a"
SHAR = PAGES / "ctmsb-practitioner-newsletter-9-2025.shar"
MSI = PAGES / "lscp-review-summaries-2024.msi"
NEW_TYPES = [RPM, QCOW2, VMDK, COMPRESS, LZ4, JAR, NUPKG, AR, SHAR, MSI]


def test_the_new_types_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """Each file's reviews, as the set's gold names them."""
    by_page = reviews_by_page(NEW_TYPES, vocab)
    names = {page: sorted(c.pseudonym for r in reviews for c in r.children)
             for page, reviews in by_page.items()}
    assert {"Felix", "Mabel"} <= set(names[RPM.name])
    assert names[QCOW2.name] == ["Hywel", "Sioned"]
    assert names[VMDK.name] == ["Catriona", "Fergus"]
    assert names[COMPRESS.name] == ["Dervla", "Tadhg"]
    assert names[LZ4.name] == ["Edith", "Rufus"]
    assert names[JAR.name] == ["Elgan", "Llio"]
    assert names[NUPKG.name] == ["Colm", "Gráinne"]
    assert "Ríona" in names[AR.name]
    assert "Garmon" in names[SHAR.name] and "X" not in names[SHAR.name]
    assert {"Dorothy", "Lenny", "Hugo"} <= set(names[MSI.name])


def test_a_folder_offers_every_new_type() -> None:
    """Each is read from the set's folder."""
    assert {p.name for p in NEW_TYPES} <= {p.name for p in discover([PAGES])}
    warnings = not_read([PAGES])  # (the ZPAQ archive only)
    assert len(warnings) == 1 and "1 file(s) not read" in warnings[0] and "(.zpaq)" in warnings[0]


def test_a_shell_archive_is_its_here_documents() -> None:
    """Each file a here-document writes, without sharutils' "X" marks; nothing is run."""
    script = ("#!/bin/sh\n# This is a shell archive (invented test data)\n"
              "sed 's/^X//' << 'SHAR_EOF' > 'k.txt' &&\n"
              + "".join(f"X{line}\n" for line in ACCOUNT.splitlines()) + "SHAR_EOF\n"
              "cat << \\EOF > notes.txt\nInvented notes.\nEOF\n")
    members = shar_members(script.encode())
    assert [name for name, _ in members] == ["k.txt", "notes.txt"]
    assert members[0][1].decode() == ACCOUNT.rstrip("\n") + "\n" and members[1][1] == b"Invented notes.\n"
    with pytest.raises(ValueError, match="no end line"):
        shar_members(script.replace("SHAR_EOF\n", "").encode())


def test_an_ar_archive_leaves_out_its_symbol_table() -> None:
    """An ar archive's own files, not GNU's "/" symbol table."""
    def member(name: str, body: bytes) -> bytes:
        header = f"{name:<16}{0:<12}{0:<6}{0:<6}{644:<8}{len(body):<10}`\n".encode()
        return header + body + (b"\n" if len(body) % 2 else b"")
    data = b"!<arch>\n" + member("/", b"\0\0\0\0") + member("k.txt/", ACCOUNT.encode())
    assert [name for name, _ in ar_members(data)] == ["k.txt"]


def test_an_lz4_frame_is_read_as_the_file_it_holds(tmp_path: Path) -> None:
    """A lone file compressed with LZ4 is read as the file it holds; a cut frame is refused."""
    page = tmp_path / "summary.txt.lz4"
    data = lz4.frame.compress(ACCOUNT.encode())
    page.write_bytes(data)
    assert "Child K is a six-year-old boy" in read_source(page).text
    read_or_one_line_when_cut([("cut.txt.lz4", data)], tmp_path)


@pytest.mark.parametrize("page", [RPM, QCOW2, VMDK, COMPRESS, AR, SHAR, MSI], ids=lambda p: p.suffix)
def test_a_cut_copy_is_read_or_refused_in_one_line(tmp_path: Path, page: Path) -> None:
    """Cut at every tenth: read (what is whole of it) or refused in one line naming it."""
    read_or_one_line_when_cut([(page.name, page.read_bytes())], tmp_path)
