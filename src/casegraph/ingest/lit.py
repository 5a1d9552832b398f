"""A Microsoft Reader e-book (``.lit``: an Area Child Protection Committee's booklet of learning
from case management reviews, made for Reader in the 2000s) as its chapters' HTML, in reading
order.

A ``.lit`` is an ITSS store, as a compiled help file is (:mod:`casegraph.ingest.chm`): a header
whose pieces point at a directory of named files (in AOLL chunks: each name with its section,
offset and length); section 0 is stored as it is, the others through the transforms their
``Transform/List`` names (LZX compression, DES encryption).  The ``/manifest`` lists the book's
files, its spine (the chapters in reading order) first; each chapter's ``content`` is HTML in
Reader's binary form: UTF-8 characters where a NUL opens a tag (flags, the tag's number in
Reader's table of HTML tags, its attributes as numbers with length-prefixed values, a NUL).

Why by hand (DECISIONS 115): no maintained Python library reads LIT (calibre's reader is part of
calibre, GPL-3.0, with C extensions); the container is the help file's, and the LZX decoder is
shared (:mod:`casegraph.ingest.lzx`).  Only the text matters here, so the binary HTML is turned
into HTML of the tags that shape it (headings, paragraphs, list items, table cells, line breaks;
any other tag a ``span``), attributes skipped.  A book protected by DRM (its chapters encrypted)
is refused saying so; a damaged one raises ValueError with the reason.
"""

from __future__ import annotations

import html
import re
import struct

from casegraph.ingest.binaries import PART_MAX, damaged
from casegraph.ingest.lzx import FRAME, Lzx, itss_entry

LIT_SUFFIXES = {".lit"}
LIT_MAGIC = b"ITOLITLS"
_PIECE = 16
#: The transforms a section's data may pass through, by their GUIDs.
_LZX = "{0A9007C6-4076-11D3-8789-0000F8105754}"
_DES = "{67F6E4A2-60BF-11D3-8540-00C04F58C3CF}"
#: The manifest's groups of files, in the order it lists them: the spine first.
_MANIFEST_GROUPS = 4

#: A binary tag's flags: it opens (and, with "closing" too, closes at once), or it only closes
#: the element open; its number is an atom of the chapter's own table, not Reader's.
_OPENING, _CLOSING, _ATOM = 0x01, 0x02, 0x10
#: A tag or attribute named in full after its length, not by a number.
_CUSTOM = 0x8000
#: An attribute value given as one number, not as characters.
_NUMBER_VALUE = 0xFFFF
#: The numbers of Reader's HTML tag table (as Internet Explorer numbers its elements) for the
#: tags that shape a page's text; any other is inline for the text's purpose.
_TAGS = {5: "address", 15: "blockquote", 16: "body", 17: "br", 19: "caption", 20: "center", 27: "dd",
         30: "dir", 31: "div", 32: "dl", 33: "dt", 42: "h1", 43: "h2", 44: "h3", 45: "h4", 46: "h5",
         47: "h6", 48: "head", 49: "hr", 50: "html", 59: "li", 70: "noscript", 72: "ol", 74: "p",
         77: "pre", 84: "script", 90: "style", 93: "table", 96: "td", 99: "th", 101: "title",
         102: "tr", 105: "ul"}
_EMPTY = {"br", "hr"}
#: A chapter's document, its body's content kept.
_BODY = re.compile(r"^.*?<body>(.*)</body>.*$", re.S)


def is_lit(data: bytes) -> bool:
    """Whether a file's bytes are a Microsoft Reader e-book."""
    return data.startswith(LIT_MAGIC)


def lit_html(data: bytes) -> str:
    """A Reader e-book's chapters (its spine) as HTML, in reading order."""
    if not is_lit(data):
        raise ValueError("not a Microsoft Reader e-book (no ITOLITLS header)")
    try:
        book = _Book(data)
        chapters = [_html(book.file(f"/data/{internal}/content")) for internal in book.spine()]
    except (struct.error, IndexError, KeyError, UnicodeDecodeError, RecursionError) as exc:
        raise damaged("Microsoft Reader e-book", exc) from None
    # (one page of the chapters' bodies: each chapter is a document with a head of its own)
    bodies = "\n".join(_BODY.sub(r"\1", chapter) for chapter in chapters)
    return f"<html><body>\n{bodies}\n</body></html>"


class _Book:
    """An ITSS store's directory and sections (see the module's note)."""

    def __init__(self, data: bytes) -> None:
        version, header, pieces, secondary = struct.unpack_from("<Iiii", data, 8)
        if version != 1:
            raise ValueError(f"a Microsoft Reader e-book of version {version}, which casegraph does not read")
        self.data = data
        self.content = self._content_offset(data[header + pieces * _PIECE:][:secondary])
        offset, size = struct.unpack_from("<I4xi", data, header + _PIECE)  # (piece 1: the directory)
        self.entries = _directory(data[offset:offset + size])
        self.sections: dict[int, bytes] = {}

    @staticmethod
    def _content_offset(secondary: bytes) -> int:
        """Where section 0 begins: the secondary header's ITSF block says."""
        at = struct.unpack_from("<i", secondary, 4)[0]
        while at + 24 <= len(secondary):  # (a block is 48 bytes; the last may be cut to 32)
            if secondary[at:at + 4] == b"ITSF":
                return int(struct.unpack_from("<I", secondary, at + 16)[0])
            at += 48
        raise ValueError("damaged Microsoft Reader e-book (no content offset in its header)")

    def file(self, name: str) -> bytes:
        """A file of the store by its name."""
        section, offset, size = self.entries[name]
        if section == 0:
            start = self.content + offset
            if start + size > len(self.data):
                raise ValueError(f"damaged Microsoft Reader e-book ({name} lies past its end)")
            return self.data[start:start + size]
        if section not in self.sections:
            self.sections[section] = self._section(section)
        if offset + size > len(self.sections[section]):
            raise ValueError(f"damaged Microsoft Reader e-book ({name} lies past its section)")
        return self.sections[section][offset:offset + size]

    def _section(self, number: int) -> bytes:
        """A section's data through its transforms (LZX; DES is DRM, and is refused)."""
        names = _section_names(self.file("::DataSpace/NameList"))
        path = f"::DataSpace/Storage/{names[number]}"
        transforms = self.file(f"{path}/Transform/List")
        guids = [_guid(transforms[at:at + 16]) for at in range(0, len(transforms) - 15, 16)]
        if _DES in guids:
            raise ValueError("the e-book is protected by DRM (its chapters are encrypted)")
        if guids != [_LZX]:
            raise ValueError(f"the e-book's section {names[number]} passes through {guids}, "
                             "which casegraph does not read")
        control = self.file(f"{path}/ControlData")
        if control[4:8] != b"LZXC":
            raise ValueError("damaged Microsoft Reader e-book (its LZX parameters are missing)")
        window_bits = 15 + struct.unpack_from("<I", control, 12)[0].bit_length() - 1
        if not 15 <= window_bits <= 21:
            raise ValueError(f"damaged Microsoft Reader e-book (an LZX window of 2^{window_bits})")
        reset_table = self.file(f"{path}/Transform/{_LZX}/InstanceData/ResetTable")
        length = struct.unpack_from("<Q", reset_table, 16)[0]
        if length > PART_MAX:
            raise ValueError(f"the e-book's chapters unpack to more than {PART_MAX // 2**20} MB")
        # (Reader resets LZX's state at each window's worth of output)
        return Lzx(self.file(f"{path}/Content"), window_bits, (1 << window_bits) // FRAME).decompress(length)

    def spine(self) -> list[str]:
        """The chapters' internal names in reading order: the manifest's first group."""
        raw = self.file("/manifest")
        chapters: list[str] = []
        at = 0
        while at < len(raw) and raw[at]:
            at += 1 + raw[at]  # (the folder the files were in)
            for group in range(_MANIFEST_GROUPS):
                (count,), at = struct.unpack_from("<i", raw, at), at + 4
                for _ in range(count):
                    at += 4  # (where the file begins in its section)
                    internal, at = _sized_string(raw, at)
                    _, at = _sized_string(raw, at)  # (its original name)
                    _, at = _sized_string(raw, at)  # (its media type)
                    at += raw[at:at + 1] == b"\0"
                    if group == 0:
                        chapters.append(internal)
        return chapters


def _directory(piece: bytes) -> dict[str, tuple[int, int, int]]:
    """The directory's files, name: (section, offset, length), from its AOLL chunks."""
    if piece[:4] != b"IFCM":
        raise ValueError("damaged Microsoft Reader e-book (its directory is not where it says)")
    chunk_size, chunks = struct.unpack_from("<i", piece, 8)[0], struct.unpack_from("<i", piece, 24)[0]
    if not 0x20 <= chunk_size <= 0x10000 or 32 + chunks * chunk_size > len(piece):
        raise ValueError(f"damaged Microsoft Reader e-book ({chunks} directory chunks of {chunk_size} bytes)")
    entries: dict[str, tuple[int, int, int]] = {}
    for start in range(32, 32 + chunks * chunk_size, chunk_size):
        chunk = piece[start:start + chunk_size]
        if chunk[:4] != b"AOLL":
            continue
        end, at = chunk_size - struct.unpack_from("<i", chunk, 4)[0], 48
        while at < end - 2:
            name, where, at = itss_entry(chunk, at)
            entries[name.decode("utf-8")] = where
    return entries


def _section_names(raw: bytes) -> list[str]:
    """The sections' names (``::DataSpace/NameList``: a count, then UTF-16 names after lengths)."""
    count, at, names = struct.unpack_from("<H", raw, 2)[0], 4, []
    for _ in range(count):
        length = struct.unpack_from("<H", raw, at)[0]
        names.append(raw[at + 2:at + 2 + 2 * length].decode("utf-16-le"))
        at += 2 + 2 * (length + 1)
    return names


def _guid(raw: bytes) -> str:
    """A GUID as Windows writes it, from its 16 bytes."""
    a, b, c = struct.unpack_from("<IHH", raw)
    return f"{{{a:08X}-{b:04X}-{c:04X}-{raw[8:10].hex().upper()}-{raw[10:16].hex().upper()}}}"


def _sized_string(raw: bytes, at: int) -> tuple[str, int]:
    """A manifest's string: its length in characters as one UTF-8 character, then the characters."""
    text = raw[at:].decode("utf-8", "ignore")
    length = ord(text[0])
    value = text[1:1 + length]
    return value, at + len(text[:1 + length].encode("utf-8"))


def _html(content: bytes) -> str:
    """A chapter's binary HTML as HTML: its text escaped, its shaping tags as tags (see the
    module's note); attributes are skipped by their lengths, whatever they are."""
    chars = content.decode("utf-8", "surrogatepass")
    out: list[str] = []
    open_tags: list[str] = []
    at = 0
    while at < len(chars):
        char = chars[at]
        at += 1
        if char != "\0":
            out.append("\n" if char == "\v" else html.escape(char))
            continue
        flags = ord(chars[at])
        if flags == 0:
            at += 1
            continue
        tag, at = ord(chars[at + 1]), at + 2
        if flags & _OPENING:
            name, at = _tag_name(chars, at, tag, flags)
            at = _past_attributes(chars, at)
            out.append(f"<{name}>")
            if flags & _CLOSING or name in _EMPTY:
                out.append("" if name in _EMPTY else f"</{name}>")
            else:
                open_tags.append(name)
        elif flags & _CLOSING and open_tags:
            out.append(f"</{open_tags.pop()}>")
    return "".join(out + [f"</{name}>" for name in reversed(open_tags)])


def _tag_name(chars: str, at: int, tag: int, flags: int) -> tuple[str, int]:
    """A tag's name by its number (an atom's or an unknown tag is a ``span``), or its custom
    name spelt out after its length."""
    if tag == _CUSTOM:
        length = ord(chars[at]) - 1
        return "span", at + 1 + length
    return ("span" if flags & _ATOM else _TAGS.get(tag, "span")), at


def _past_attributes(chars: str, at: int) -> int:
    """Where a tag's attributes end (after their closing NUL): each a number (or a custom name
    after its length) and a value after its length (or one number)."""
    while chars[at] != "\0":
        if ord(chars[at]) == _CUSTOM:
            at += ord(chars[at + 1])  # (the name's length, plus one)
        length = ord(chars[at + 1])
        at += 2 + (1 if length == _NUMBER_VALUE else length - 1)
    return at + 1
