"""A Sony Reader e-book (``.lrf``, BroadBand eBook: a Local Safeguarding Children Board's pack
of serious case review summaries made in the late 2000s for the PRS-500 and its successors) as
HTML of its pages' text, in reading order.

An LRF is a header and a table of numbered objects.  Each object is a run of tags (a 16-bit
number 0xF5nn with arguments of a size fixed per tag, or counted), and may carry one stream,
zlib-compressed when its flags say so.  The book's root names its page tree; the page tree
lists the pages; a page's stream links the blocks laid out on it, and a block's stream links
what it shows: a text object (its stream paragraphs of UTF-16 runs between layout tags), an
image or another block.  A canvas (a table's row) places its blocks at points instead of
linking them.  A link outside a stream names the object's attributes (a text's font size, a
page's running header), not its content.  The running header (on every page:
most often the board's name and the pack's title) is given once, first, as the running head of
a word processor's document is (``binaries.office_xml``).

Why by hand (DECISIONS 117): no maintained Python library reads LRF (calibre's reader is part of
calibre, GPL-3.0).  Only the text matters here: a paragraph becomes ``<p>``, a text whose
attributes set a larger type than the book's body text a heading, a bold run ``<b>``.  A stream
scrambled by the format's weak encryption (used for fonts and images, never seen for text) is
refused saying so; a damaged book raises ValueError with the reason.
"""

from __future__ import annotations

import html
import struct
import zlib
from collections import Counter
from dataclasses import dataclass, field

from casegraph.ingest.binaries import PART_MAX, damaged

LRF_SUFFIXES = {".lrf"}
LRF_MAGIC = b"L\x00R\x00F\x00\x00\x00"

#: The argument sizes of the format's tags, by the tag's low byte, written as runs of tags that
#: take the same size.  Counted arguments are below; a tag not named is refused as damage.
_SIZE_RUNS = {
    0: (0x01, 0x05, 0x06, 0x4D, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6E, 0x71,
        0x72, 0x81, 0x82, 0xA2, 0xA6, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, *range(0xB1, 0xBF), 0xC1,
        0xC2, 0xC4, 0xC7, 0xC9, 0xD2, 0xD6),
    2: (0x0D, 0x0E, *range(0x11, 0x16), *range(0x19, 0x1F), *range(0x21, 0x29), 0x2A, 0x2B, 0x2C, 0x2E,
        0x31, 0x32, 0x33, 0x35, 0x36, 0x38, 0x39, 0x3A, 0x3C, 0x3D, 0x3E, 0x41, 0x42, 0x46, 0x47, 0x48,
        0x51, 0x52, 0x54, 0x56, 0x57, 0x58, 0x5E, 0x61, 0x6D, 0x75, 0x76, 0x77, 0x79, 0x7A, 0xC3, 0xC5,
        0xC6, 0xC8, 0xCA, 0xCC, 0xD4, 0xDA, 0xDB, 0xDC, 0xDD, 0xF1, 0xF4),
    4: (0x02, 0x03, 0x04, 0x07, 0x08, 0x09, 0x0A, 0x17, 0x18, 0x2D, 0x34, 0x37, 0x44, 0x45, 0x4B, 0x4C,
        0x53, 0x5B, 0x7B, 0x7C, 0xA1, 0xA7, 0xD8, 0xF2, 0xF3, 0xF5, 0xF6, 0xF7, 0xF8),
    6: (0x00, 0x29, 0xF9),
    8: (0x49, 0x4A, 0x6C, 0xD9),
    10: (0x73,),
    12: (0x4E, 0xD1),
    14: (0xD7,),
}
_SIZES = {tag: size for size, tags in _SIZE_RUNS.items() for tag in tags}
#: Tags whose argument is a 16-bit count of 32-bit object numbers (a page tree's pages).
_ID_LISTS = {0x0B, 0x5C}
#: Tags whose argument is a string: its length in bytes (16-bit), then UTF-16.
_STRINGS = {0x16, 0x55, 0x59, 0x5A, 0x5D}
#: A font's face given inline: a 32-bit number, a face-name tag (0x16) and a 16-bit number.
_FACE = 0x78

#: The tags read here, by their low byte.
_OBJECT_START, _LINK, _STREAM_FLAGS, _STREAM_START = 0x00, 0x03, 0x54, 0x05
_PAGE_TREE_OF_BOOK, _PAGE_LIST, _HEADER_OF_PAGE, _PLACED = 0x7B, 0x5C, 0x07, 0x49
_FONT_SIZE, _FONT_WEIGHT = 0x11, 0x15
_PARAGRAPH, _PARAGRAPH_END, _TEXT, _LINE_BREAK = 0xA1, 0xA2, 0xCC, 0xD2
#: Object kinds.
_PAGE_TREE, _PAGE_ATTRIBUTES, _TEXT_OBJECT = 0x01, 0x05, 0x0A
#: A stream's flags: zlib-compressed (its first four bytes its size unpacked), or scrambled.
_COMPRESSED, _SCRAMBLED = 0x100, 0x200
#: A font weight from which a run is bold (CSS's 700 is the format's too).
_BOLD = 700


@dataclass
class _Tag:
    """One tag: its low byte and its argument (bytes, a list of object numbers, or a string)."""

    code: int
    value: bytes | list[int] | str

    @property
    def number(self) -> int:
        """A fixed-size argument as an unsigned little-endian number."""
        assert isinstance(self.value, bytes)
        return int.from_bytes(self.value, "little")


@dataclass
class _Object:
    """One object: its kind, its tags outside its stream, and its stream (unpacked)."""

    kind: int
    tags: list[_Tag] = field(default_factory=list)
    stream: bytes = b""

    def first(self, code: int) -> _Tag | None:
        return next((t for t in self.tags if t.code == code), None)


def is_lrf(data: bytes) -> bool:
    """Whether a file's bytes are a Sony Reader e-book."""
    return data.startswith(LRF_MAGIC)


def lrf_html(data: bytes) -> str:
    """A Sony Reader e-book's text as HTML: its running header once, then its pages in order."""
    if not is_lrf(data):
        raise ValueError("not a Sony Reader e-book (no LRF header)")
    try:
        book = _Book(data)
        pages = [book.shown(page) for page in book.pages()]
        head = book.running_head()
    except (struct.error, IndexError, KeyError, zlib.error, UnicodeDecodeError, RecursionError) as exc:
        raise damaged("Sony Reader e-book", exc) from None
    body = "\n".join(part for part in [head, *pages] if part)
    return f"<html><body>\n{body}\n</body></html>"


class _Book:
    """An LRF's objects, read when asked for (see the module's note)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.root = struct.unpack_from("<I", data, 0x0C)[0]
        count, index = struct.unpack_from("<QQ", data, 0x10)
        if index + 16 * count > len(data):
            raise ValueError(f"damaged Sony Reader e-book (its object table at byte {index} runs past "
                             "the end of the file)")
        self.where = {}
        for n in range(count):
            number, offset, size = struct.unpack_from("<III", data, index + 16 * n)
            if offset + size > len(data):
                raise ValueError(f"damaged Sony Reader e-book (object {number} at byte {offset} runs past "
                                 "the end of the file)")
            self.where[number] = (offset, size)
        self._read: dict[int, _Object] = {}
        self._body_size = self._common_size()

    def object(self, number: int) -> _Object:
        if number not in self._read:
            offset, size = self.where[number]
            self._read[number] = _object(self.data[offset:offset + size], number)
        return self._read[number]

    def pages(self) -> list[int]:
        """The book's pages, in order: its root names its page tree, which lists them."""
        tree = self.object(self.root).first(_PAGE_TREE_OF_BOOK)
        if tree is None:
            raise ValueError("damaged Sony Reader e-book (its root names no page tree)")
        listed = self.object(tree.number).first(_PAGE_LIST)
        return list(listed.value) if listed and isinstance(listed.value, list) else []

    def shown(self, number: int, seen: frozenset[int] = frozenset()) -> str:
        """What an object shows as HTML: a text object's paragraphs, else the HTML of what its
        stream links (a page's blocks, a block's text), each once on the way down."""
        if number in seen or number not in self.where:
            return ""
        thing = self.object(number)
        if thing.kind == _TEXT_OBJECT:
            return _text_html(thing.stream, self._heading(thing))
        return "\n".join(filter(None, (self.shown(n, seen | {number}) for n in _linked(thing))))

    def running_head(self) -> str:
        """The running headers' text (each once), which pages name through their attributes."""
        heads: list[str] = []
        for page in self.pages():
            attributes = [t.number for t in self.object(page).tags if t.code == _LINK]
            for link in attributes:
                if link in self.where and self.object(link).kind == _PAGE_ATTRIBUTES:
                    header = self.object(link).first(_HEADER_OF_PAGE)
                    if header is not None:
                        heads += [self.shown(header.number)]
        return "\n".join(dict.fromkeys(h for h in heads if h))

    def _heading(self, text: _Object) -> str:
        """The tag a text object's paragraphs are given: a heading when its attributes set a
        larger type than the book's body text (the most common size), else a paragraph."""
        size = self._size(text)
        return "h2" if size and self._body_size and size > self._body_size else "p"

    def _size(self, text: _Object) -> int | None:
        for link in (t.number for t in text.tags if t.code == _LINK):
            if link in self.where:
                size = self.object(link).first(_FONT_SIZE)
                if size is not None:
                    return size.number
        return None

    def _common_size(self) -> int | None:
        """The type size most text objects are set in (by their attributes)."""
        sizes = Counter(self._size(thing) for thing in (self.object(n) for n in self.where)
                        if thing.kind == _TEXT_OBJECT)
        sizes.pop(None, None)
        return sizes.most_common(1)[0][0] if sizes else None


def _linked(thing: _Object) -> list[int]:
    """The objects an object's stream shows, in order: those it links (a page's blocks, a
    block's text) and those it places at a point (a running header's block, a canvas's: a
    table's cells are blocks on a canvas), the place's two coordinates before the number."""
    return [t.number if t.code == _LINK else int.from_bytes(t.value[4:], "little")  # type: ignore[index]
            for t in _tags(thing.stream) if t.code in (_LINK, _PLACED)]


def _object(raw: bytes, number: int) -> _Object:
    """One object's tags and its stream, unpacked."""
    tags = _tags(raw)
    if not tags or tags[0].code != _OBJECT_START:
        raise ValueError(f"damaged Sony Reader e-book (object {number} does not begin with its tag)")
    thing = _Object(kind=int.from_bytes(tags[0].value[4:6], "little"))  # type: ignore[index]
    flags, start = 0, None
    for n, tag in enumerate(tags[1:], 1):
        if tag.code == _STREAM_FLAGS:
            flags = tag.number
        elif tag.code == _STREAM_START:
            start = n
        if start is None:
            thing.tags.append(tag)
    if start is not None:
        thing.stream = _unpacked(tags[start].value, flags, number)  # type: ignore[arg-type]
    return thing


def _unpacked(stream: bytes, flags: int, number: int) -> bytes:
    if flags & _SCRAMBLED:
        raise ValueError(f"Sony Reader e-book's object {number} is scrambled (the format's encryption): "
                         "not read")
    if not flags & _COMPRESSED:
        return stream
    size = struct.unpack_from("<I", stream)[0]
    if size > PART_MAX:
        raise ValueError(f"Sony Reader e-book's object {number} unpacks to {size} bytes: refused")
    unpacked = zlib.decompress(stream[4:])
    if len(unpacked) != size:
        raise ValueError(f"damaged Sony Reader e-book (object {number} unpacks to {len(unpacked)} bytes, "
                         f"not the {size} it names)")
    return unpacked


def _tags(raw: bytes) -> list[_Tag]:
    """A run of tags; a stream (after its size tag and its start tag) is one tag's value, and a
    text's run of characters (tag 0xCC) is that tag's value, decoded."""
    tags: list[_Tag] = []
    at, stream_size = 0, 0
    while at < len(raw):
        low, high = raw[at], raw[at + 1]
        if high != 0xF5:
            raise ValueError(f"damaged Sony Reader e-book (no tag at byte {at} of an object)")
        at += 2
        if low == _STREAM_START:
            tags.append(_Tag(low, raw[at:at + stream_size]))
            at += stream_size
            continue
        value, at = _argument(raw, low, at)
        if low == 0x04:
            stream_size = int.from_bytes(value, "little")  # type: ignore[arg-type]
        tags.append(_Tag(low, value))
    return tags


def _argument(raw: bytes, low: int, at: int) -> tuple[bytes | list[int] | str, int]:
    """A tag's argument from byte ``at``, and where the next tag begins."""
    if low == _TEXT:
        size = struct.unpack_from("<H", raw, at)[0]
        return _utf16(raw[at + 2:at + 2 + size]), at + 2 + size
    if low in _ID_LISTS:
        count = struct.unpack_from("<H", raw, at)[0]
        return list(struct.unpack_from(f"<{count}I", raw, at + 2)), at + 2 + 4 * count
    if low in _STRINGS:
        size = struct.unpack_from("<H", raw, at)[0]
        return _utf16(raw[at + 2:at + 2 + size]), at + 2 + size
    if low == _FACE:
        _, after = _argument(raw, 0x16, at + 6)
        return raw[at:after + 2], after + 2
    if low not in _SIZES:
        raise ValueError(f"damaged Sony Reader e-book (unknown tag F5{low:02X} at byte {at - 2})")
    end = at + _SIZES[low]
    if end > len(raw):
        raise ValueError(f"damaged Sony Reader e-book (tag F5{low:02X} at byte {at - 2} is cut short)")
    return raw[at:end], end


def _utf16(raw: bytes) -> str:
    if len(raw) % 2:
        raise ValueError("damaged Sony Reader e-book (a run of text of an odd number of bytes)")
    return raw.decode("utf-16-le")


def _text_html(stream: bytes, element: str) -> str:
    """A text object's paragraphs as HTML: each paragraph an ``element``, a line break ``<br>``
    inside one, and runs set in bold type ``<b>``."""
    paragraphs: list[str] = []
    words: list[str] = []
    bold = False
    for tag in _tags(stream):
        if tag.code == _TEXT and isinstance(tag.value, str):
            words.append(f"<b>{html.escape(tag.value)}</b>" if bold else html.escape(tag.value))
        elif tag.code == _FONT_WEIGHT:
            bold = tag.number >= _BOLD
        elif tag.code == _LINE_BREAK and words:
            words.append("<br>")
        elif tag.code in (_PARAGRAPH, _PARAGRAPH_END) and words:
            paragraphs.append("".join(words))
            words = []
    if words:
        paragraphs.append("".join(words))
    return "\n".join(f"<{element}>{p.removesuffix('<br>')}</{element}>" for p in paragraphs if p.strip())
