"""A Bambook e-book (``.snb``: a practice library's summaries made for Shanda's Bambook reader,
as calibre's SNB output writes them) as its text, chapter by chapter.

An SNB file is a header, a zlib-compressed table of its files (each an attribute, its name's
place and its size, then the names), the files that are binary (pictures) stored as they are,
and the text files joined into one stream, cut into blocks of 32 KiB, each block compressed
(bzip2 as calibre writes it, zlib as others did).  A trailer at the file's end (a compressed
index, its size and place, and the magic again) gives each block's place.  The text files
are XML: ``book.snbf`` names the book, ``toc.snbf`` lists the chapters in reading order, and
each chapter (``snbc/*.snbc``) holds a title and its paragraphs as ``text`` elements (an
``img`` element names a picture).

Why by hand (DECISIONS 127): no maintained Python library reads SNB (calibre's reader is part
of calibre, GPL-3.0).  The container is a few fixed fields; the text is read as calibre's
reader shows it, paragraph by paragraph, the two ideographic spaces each paragraph is indented
with left out.  A file cut short loses its trailer and is refused saying so, as is a block or
table that does not decompress.
"""

from __future__ import annotations

import bz2
import itertools
import struct
import xml.etree.ElementTree as ET
import zlib

from casegraph.ingest.binaries import PART_MAX, refuse_declarations

SNB_SUFFIXES = {".snb"}
SNB_MEDIA = "application/x-snb-ebook"
_MAGIC = b"SNBP000B"
#: The header after the magic: nine big-endian words, of which the file count, the table's
#: size unpacked and packed, the binary stream's size and the text stream's size unpacked.
_HEADER = struct.Struct(">9I")
_BLOCK = 0x8000
#: A file's attribute: its top byte 0x41 marks a text file (in the joined stream), 0x01 a
#: binary one (stored as it is).
_TEXT_FILE = 0x41000000
_ENTRY = struct.Struct(">III")


def is_snb(data: bytes) -> bool:
    return data.startswith(_MAGIC)


def snb_text(data: bytes) -> str:
    """(session 83) A Bambook e-book as its text: the book's name, author and abstract, then each
    chapter's paragraphs in the table of contents' order (blank lines between).  A chapter's
    title is the converter's ("Start page"): the book's own headings are paragraphs."""
    if not is_snb(data):
        raise ValueError("not a Bambook e-book (no 'SNBP000B' header)")
    files = _text_files(data)
    out: list[str] = []
    if book := files.get("snbf/book.snbf"):
        head = _xml(book, "snbf/book.snbf").find("head")
        out += [w for tag in ("name", "author", "abstract")
                if head is not None and (w := " ".join((head.findtext(tag) or "").split()))]
    for name in _chapter_order(files):
        out += _chapter_paragraphs(_xml(files[name], name))
    if not out:
        raise ValueError("a Bambook e-book with no text (its chapters hold no paragraphs)")
    return "\n\n".join(out) + "\n"


def _text_files(data: bytes) -> dict[str, bytes]:
    """The book's text files by name, cut from the joined stream in the table's order."""
    if len(data) < len(_MAGIC) + _HEADER.size:
        raise ValueError("damaged Bambook e-book (its header is cut short)")
    _, _, _, count, table_size, table_packed, _, text_size, _ = _HEADER.unpack_from(data, len(_MAGIC))
    if text_size > PART_MAX or table_size > PART_MAX:
        raise ValueError(f"a Bambook e-book whose text is over {PART_MAX // 2**20} MB, more than a page")
    start = len(_MAGIC) + _HEADER.size
    table = _unpacked(data[start:start + table_packed], "its file table", table_size)
    if len(table) < count * _ENTRY.size:
        raise ValueError("damaged Bambook e-book (its file table is cut short)")
    stream = _text_stream(data, text_size)
    names = table[count * _ENTRY.size:]  # (each name ends with a NUL)
    files: dict[str, bytes] = {}
    at = 0
    for n in range(count):
        attribute, name_at, size = _ENTRY.unpack_from(table, n * _ENTRY.size)
        end = names.find(b"\0", name_at)
        name = names[name_at:end if end >= 0 else len(names)].decode("utf-8", "replace")
        if attribute & _TEXT_FILE == _TEXT_FILE:
            if at + size > len(stream):
                raise ValueError(f"damaged Bambook e-book (its file {name!r} runs past the text stream)")
            files[name] = stream[at:at + size]
            at += size
    return files


def _text_stream(data: bytes, size: int) -> bytes:
    """The text files' joined stream, its blocks unpacked in the trailer's order."""
    if not data.endswith(_MAGIC) or len(data) < 16 + len(_MAGIC):
        raise ValueError("damaged Bambook e-book (cut short: no trailer at its end)")
    packed, place = struct.unpack_from(">II", data, len(data) - 16)
    if place + packed > len(data) - 16:
        raise ValueError("damaged Bambook e-book (its trailer points past the file's end)")
    blocks = -(-size // _BLOCK)
    index = _unpacked(data[place:place + packed], "its trailer", 4 * blocks + PART_MAX // _BLOCK)
    if len(index) < 4 * blocks:
        raise ValueError("damaged Bambook e-book (its trailer lists too few blocks)")
    starts = [*struct.unpack_from(f">{blocks}I", index), place]
    out = b"".join(_unpacked(data[a:b], f"its text block {n + 1}", _BLOCK)
                   for n, (a, b) in enumerate(itertools.pairwise(starts)))
    if len(out) != size:
        raise ValueError(f"damaged Bambook e-book (its text stream is {len(out):,} bytes, its header "
                         f"says {size:,})")
    return out


def _unpacked(raw: bytes, what: str, limit: int) -> bytes:
    """A bzip2 or zlib stream unpacked, at most ``limit`` bytes (more is damage)."""
    try:
        if raw.startswith(b"BZh"):
            unpack = bz2.BZ2Decompressor()
            out = unpack.decompress(raw, limit + 1)
            finished = unpack.eof
        else:
            inflate = zlib.decompressobj()
            out = inflate.decompress(raw, limit + 1)
            finished = inflate.eof
    except (OSError, zlib.error, ValueError):
        raise ValueError(f"damaged Bambook e-book ({what} does not decompress)") from None
    if len(out) > limit or not finished:
        raise ValueError(f"damaged Bambook e-book ({what} is cut short or larger than it says)")
    return out


def _xml(raw: bytes, name: str) -> ET.Element:
    """One of the book's XML files, parsed (entity declarations refused: never expanded)."""
    refuse_declarations(raw, f"its {name}")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ValueError(f"damaged Bambook e-book (its {name} is not well formed: {exc})") from None


def _chapter_order(files: dict[str, bytes]) -> list[str]:
    """The chapters' file names in reading order: the table of contents', then any chapter it
    does not list, in the file table's order."""
    listed: list[str] = []
    if toc := files.get("snbf/toc.snbf"):
        listed = [f"snbc/{c.get('src')}" for c in _xml(toc, "snbf/toc.snbf").iter("chapter")]
    chapters = [name for name in files if name.endswith(".snbc")]
    return [n for n in listed if n in files] + [n for n in chapters if n not in listed]


def _chapter_paragraphs(chapter: ET.Element) -> list[str]:
    """A chapter's paragraphs ("text" elements), its indentation (ideographic spaces) and runs
    of space collapsed; a picture's element is none."""
    return [words for text in chapter.iter("text") if (words := " ".join((text.text or "").split()))]
