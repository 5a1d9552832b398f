"""A compiled HTML Help file (``.chm``: a board's learning handbook, built with Microsoft's HTML
Help Workshop or Free Pascal's chmcmd) as its pages' HTML, in its table of contents' order.

A ``.chm`` is an ITSS store: a header, a directory of named files in PMGL chunks (each name
with its section, offset and length), section 0 stored as it is and section 1 ("MSCompressed")
compressed as one LZX stream, reset every so many 32 KB frames as its control data says.  The
pages are HTML files in section 1; the ``.hhc`` sitemap (HTML too) lists them as the help
viewer's contents pane does.

Why by hand (DECISIONS 106): the only Python readers (pychm) wrap CHMLib, a C library with its
own system package, and no maintained pure-Python LZX decoder exists; LZX is Huffman-coded
LZ77 with three repeated offsets, specified in Microsoft's [MS-PATCH] and read here in some
two hundred lines, for files of a few hundred kilobytes.  Every length and offset the file
states is checked before it is used; a damaged file raises ValueError with the reason, which
:func:`casegraph.ingest.sources.read_source` turns into a one-line error naming the file.
"""

from __future__ import annotations

import posixpath
import re
import struct
from html import unescape

from casegraph.ingest.binaries import PART_MAX, damaged, utf8_else

CHM_SUFFIXES = {".chm"}
CHM_MAGIC = b"ITSF"

#: The LZX section's files: its compressed stream, its parameters and its reset table.
_STORAGE = "::DataSpace/Storage/MSCompressed/"
_CONTENT, _CONTROL = _STORAGE + "Content", _STORAGE + "ControlData"
_RESET_TABLE = _STORAGE + "Transform/{7FC28940-9D31-11D0-9B27-00A0C91E9C7C}/InstanceData/ResetTable"
#: LZX's frame (its output is aligned and its state may reset at frame boundaries).
_FRAME = 0x8000
#: A table-of-contents entry's page: ``<param name="Local" value="page.htm">``.
_LOCAL = re.compile(r"""<param\s+name=["']?local["']?\s+value=["']([^"'>]+)""", re.I)


def chm_pages(data: bytes) -> list[str]:
    """A help file's HTML pages in its table of contents' order (pages it does not list after
    them, in the directory's order); its internal files (``#SYSTEM``, ``$FIftiMain``, the
    ``.hhc`` and ``.hhk`` themselves) are no pages."""
    try:
        files, content = _directory(data)
        section1 = _Section1(data, files, content)
        pages = [name for name in files if name.lower().endswith((".htm", ".html"))]
        contents = next((name for name in files if name.lower().endswith(".hhc")), None)
        listed = []
        if contents:
            for local in _LOCAL.findall(section1.read(contents).decode("cp1252", "replace")):
                name = "/" + posixpath.normpath(unescape(local).split("#")[0].lstrip("/"))
                if name in pages and name not in listed:
                    listed.append(name)
        order = listed + [name for name in pages if name not in listed]
        # (a page is UTF-8 when it is, else Windows-1252, HTML Help's own)
        return [utf8_else(section1.read(name), "cp1252") for name in order]
    except (struct.error, IndexError, KeyError) as exc:
        raise damaged("compiled HTML help file", exc) from None


def _encint(chunk: bytes, at: int) -> tuple[int, int]:
    """An ITSS ENCINT (7 bits a byte, high bit set on all but the last) and the offset after it."""
    value = 0
    while True:
        byte = chunk[at]
        at += 1
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80 or value > 1 << 63:
            return value, at


def _directory(data: bytes) -> tuple[dict[str, tuple[int, int, int]], int]:
    """The file's directory, name: (section, offset, length), and where section 0 begins."""
    if not data.startswith(CHM_MAGIC):
        raise ValueError("not a compiled HTML help file (no ITSF header)")
    version, header = struct.unpack_from("<II", data, 4)
    directory, size = struct.unpack_from("<QQ", data, 0x48)
    content = struct.unpack_from("<Q", data, 0x58)[0] if version >= 3 and header >= 0x60 else directory + size
    if data[directory:directory + 4] != b"ITSP" or directory + size > len(data):
        raise ValueError("damaged compiled HTML help file (its directory is not where it says)")
    itsp_length, chunk_size = struct.unpack_from("<I", data, directory + 8)[0], \
        struct.unpack_from("<I", data, directory + 0x10)[0]
    if not 0x20 <= chunk_size <= 0x10000:
        raise ValueError(f"damaged compiled HTML help file (directory chunks of {chunk_size} bytes)")
    files: dict[str, tuple[int, int, int]] = {}
    for at in range(directory + itsp_length, directory + size - chunk_size + 1, chunk_size):
        chunk = data[at:at + chunk_size]
        if chunk[:4] != b"PMGL":
            continue
        end, i = chunk_size - struct.unpack_from("<I", chunk, 4)[0], 20
        while i < end:
            length, i = _encint(chunk, i)
            name, i = chunk[i:i + length].decode("utf-8", "replace"), i + length
            section, i = _encint(chunk, i)
            offset, i = _encint(chunk, i)
            size_, i = _encint(chunk, i)
            files[name] = (section, offset, size_)
    return files, content


class _Section1:
    """The LZX-compressed section, decompressed once, as far as its files need."""

    def __init__(self, data: bytes, files: dict[str, tuple[int, int, int]], content: int) -> None:
        self.data, self.content, self.files = data, content, files
        self.plain: bytes | None = None

    def section0(self, name: str) -> bytes:
        section, offset, length = self.files[name]
        start = self.content + offset
        if section != 0 or start + length > len(self.data):
            raise ValueError(f"damaged compiled HTML help file (its {name} lies outside the file)")
        return self.data[start:start + length]

    def read(self, name: str) -> bytes:
        section, offset, length = self.files[name]
        if section == 0:
            return self.section0(name)
        if self.plain is None:
            self.plain = self.decompressed()
        if offset + length > len(self.plain):
            raise ValueError(f"damaged compiled HTML help file (its {name} lies past its content)")
        return self.plain[offset:offset + length]

    def decompressed(self) -> bytes:
        control, table = self.section0(_CONTROL), self.section0(_RESET_TABLE)
        if control[4:8] != b"LZXC":
            raise ValueError("the help file's section is compressed otherwise than by LZX")
        version, reset, window = struct.unpack_from("<III", control, 8)
        if version == 2:
            reset, window = reset * _FRAME, window * _FRAME
        window_bits = window.bit_length() - 1
        if window != 1 << window_bits or not 15 <= window_bits <= 21 or not reset or reset % _FRAME:
            raise ValueError(f"damaged compiled HTML help file (LZX window {window}, reset {reset})")
        length = struct.unpack_from("<Q", table, 16)[0]
        if length > PART_MAX:
            raise ValueError(f"the help file's pages unpack to more than {PART_MAX // 2**20} MB")
        return _Lzx(self.section0(_CONTENT), window_bits, reset // _FRAME).decompress(length)


# --------------------------------------------------------------------------------------- LZX
#: Each position slot's extra bits and base ([MS-PATCH] 2.2.2), and the slots a window has.
_EXTRA_BITS = [min(max(n // 2 - 1, 0), 17) for n in range(51)]
_POSITION_BASE = [sum(1 << bits for bits in _EXTRA_BITS[:n]) for n in range(51)]
_SLOTS = {15: 30, 16: 32, 17: 34, 18: 36, 19: 38, 20: 42, 21: 50}
_VERBATIM, _ALIGNED, _UNCOMPRESSED = 1, 2, 3


class _Huffman:
    """A canonical Huffman code from its lengths (as deflate's): (length, code) -> symbol."""

    def __init__(self, lengths: list[int]) -> None:
        self.codes: dict[tuple[int, int], int] = {}
        code = 0
        for bits in range(1, 17):
            for symbol, length in enumerate(lengths):
                if length == bits:
                    self.codes[(bits, code)] = symbol
                    code += 1
            code <<= 1
        if code > 1 << 17:
            raise ValueError("damaged compiled HTML help file (an LZX code over-subscribed)")


class _Lzx:
    """An LZX stream's decoder: a 16-bit little-endian word at a time, bits taken from the top."""

    def __init__(self, data: bytes, window_bits: int, reset_frames: int) -> None:
        self.data, self.at, self.buffer, self.bits = data, 0, 0, 0
        self.slots = _SLOTS[window_bits]
        self.reset_frames = reset_frames
        self.window = bytearray()

    # -- bits
    def ensure(self, n: int) -> None:
        while self.bits < n:
            word = self.data[self.at:self.at + 2].ljust(2, b"\0")
            if self.at >= len(self.data) + 4:
                raise ValueError("damaged compiled HTML help file (its LZX stream ends early)")
            self.at += 2
            self.buffer = (self.buffer << 16) | word[0] | (word[1] << 8)
            self.bits += 16

    def read(self, n: int) -> int:
        if not n:
            return 0
        self.ensure(n)
        self.bits -= n
        value = self.buffer >> self.bits
        self.buffer &= (1 << self.bits) - 1
        return value

    def symbol(self, tree: _Huffman) -> int:
        self.ensure(16)
        top = self.buffer >> (self.bits - 16)
        for bits in range(1, 17):
            if (found := tree.codes.get((bits, top >> (16 - bits)))) is not None:
                self.bits -= bits
                self.buffer &= (1 << self.bits) - 1
                return found
        raise ValueError("damaged compiled HTML help file (no LZX code matches its bits)")

    # -- state
    def reset(self) -> None:
        self.offsets = [1, 1, 1]
        self.main_lengths = [0] * (256 + self.slots * 8)
        self.length_lengths = [0] * 249
        self.header_read, self.block_left, self.block_type, self.block_length = False, 0, 0, 0
        self.e8_size, self.e8_started = 0, False

    def lengths(self, lengths: list[int], first: int, last: int) -> None:
        """Code lengths first..last, each a change from the last block's, by a 20-symbol pretree."""
        pretree = _Huffman([self.read(4) for _ in range(20)])
        x = first
        while x < last:
            code = self.symbol(pretree)
            if code in (17, 18):
                run = self.read(4) + 4 if code == 17 else self.read(5) + 20
                lengths[x:x + run] = [0] * min(run, last - x)
                x += run
            elif code == 19:
                run = self.read(1) + 4
                value = (lengths[x] - self.symbol(pretree)) % 17
                lengths[x:x + run] = [value] * min(run, last - x)
                x += run
            else:
                lengths[x] = (lengths[x] - code) % 17
                x += 1

    def block_header(self) -> None:
        if self.block_type == _UNCOMPRESSED and self.block_length & 1:
            self.at += 1  # (an uncompressed block of odd length is padded to a word)
        self.block_type = self.read(3)
        self.block_length = self.block_left = (self.read(16) << 8) | self.read(8)
        if self.block_type == _ALIGNED:
            self.aligned = _Huffman([self.read(3) for _ in range(8)])
        if self.block_type in (_VERBATIM, _ALIGNED):
            self.lengths(self.main_lengths, 0, 256)
            self.lengths(self.main_lengths, 256, len(self.main_lengths))
            self.main = _Huffman(self.main_lengths)
            self.e8_started = self.e8_started or self.main_lengths[0xE8] != 0
            self.lengths(self.length_lengths, 0, 249)
            self.length_tree = _Huffman(self.length_lengths)
        elif self.block_type == _UNCOMPRESSED:
            self.e8_started = True
            self.ensure(16)
            if self.bits > 16:
                self.at -= 2
            self.buffer = self.bits = 0
            self.offsets = list(struct.unpack_from("<III", self.data, self.at))
            self.at += 12
        else:
            raise ValueError(f"damaged compiled HTML help file (LZX block type {self.block_type})")

    # -- output
    def decompress(self, length: int) -> bytes:
        out = bytearray()
        for frame, start in enumerate(range(0, length, _FRAME)):
            if frame % self.reset_frames == 0:
                if frame and self.block_left:
                    raise ValueError("damaged compiled HTML help file (an LZX block across a reset)")
                self.reset()
            if not self.header_read:
                self.header_read = True
                if self.read(1):
                    self.e8_size = (self.read(16) << 16) | self.read(16)
            end = min(start + _FRAME, length)
            while len(self.window) < end:
                if not self.block_left:
                    self.block_header()
                before = len(self.window)
                self.decode(min(self.block_left, end - before))
                self.block_left -= min(len(self.window) - before, self.block_left)
            if end == length:
                del self.window[end:]  # (the last frame's block may run on past the content)
            elif len(self.window) != end:
                raise ValueError("damaged compiled HTML help file (an LZX match past its frame)")
            if self.bits & 15:
                self.read(self.bits & 15)  # (each frame's input ends on a 16-bit word)
            out += self.translated(start, end)
        return bytes(out)

    def decode(self, todo: int) -> None:
        """At least ``todo`` bytes of the current block into the window."""
        goal = len(self.window) + todo
        if self.block_type == _UNCOMPRESSED:
            if self.at + todo > len(self.data):
                raise ValueError("damaged compiled HTML help file (an uncompressed LZX block ends early)")
            self.window += self.data[self.at:self.at + todo]
            self.at += todo
            return
        while len(self.window) < goal:
            main = self.symbol(self.main)
            if main < 256:
                self.window.append(main)
                continue
            footer, slot = (main - 256) & 7, (main - 256) >> 3
            size = footer + (self.symbol(self.length_tree) if footer == 7 else 0) + 2
            distance = self.distance(slot)
            if not 0 < distance <= len(self.window):
                raise ValueError("damaged compiled HTML help file (an LZX match before its start)")
            for _ in range(size):
                self.window.append(self.window[-distance])

    def distance(self, slot: int) -> int:
        """A match's distance by its position slot: one of the three repeated, or a new one."""
        r = self.offsets
        if slot < 3:
            r[0], r[slot] = r[slot], r[0]
            return r[0]
        extra, base = _EXTRA_BITS[slot], _POSITION_BASE[slot] - 2
        if self.block_type == _ALIGNED and extra >= 3:
            distance = base + (self.read(extra - 3) << 3) + self.symbol(self.aligned)
        else:
            distance = base + self.read(extra)
        r[2], r[1], r[0] = r[1], r[0], distance
        return distance

    def translated(self, start: int, end: int) -> bytes:
        """A frame's bytes with the x86 CALL translation (E8 preprocessing) undone, when on."""
        frame = bytearray(self.window[start:end])
        if not (self.e8_size and self.e8_started) or start >= 32768 * _FRAME or len(frame) <= 10:
            return bytes(frame)
        i = 0
        while i < len(frame) - 10:
            if frame[i] != 0xE8:
                i += 1
                continue
            position = start + i
            absolute = struct.unpack_from("<i", frame, i + 1)[0]
            if -position <= absolute < self.e8_size:
                relative = absolute - position if absolute >= 0 else absolute + self.e8_size
                struct.pack_into("<i", frame, i + 1, relative)
            i += 5
        return bytes(frame)
