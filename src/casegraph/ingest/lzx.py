"""LZX decompression, as Microsoft's ITSS stores use it: a compiled HTML help file's section
(:mod:`casegraph.ingest.chm`) and a Microsoft Reader e-book's (:mod:`casegraph.ingest.lit`);
and (session 87) as a Windows image's chunks do (:mod:`casegraph.ingest.wim`): each chunk a
stream of its own, with no header, its blocks' sizes in one bit or sixteen.

Why by hand (DECISIONS 106): no maintained pure-Python LZX decoder exists; LZX is Huffman-coded
LZ77 with three repeated offsets, specified in Microsoft's [MS-PATCH], read here in some two
hundred lines, for files of a few hundred kilobytes.  A damaged stream raises ValueError with
the reason.
"""

from __future__ import annotations

import struct

from casegraph.ingest.binaries import canonical_codes

#: LZX's frame (its output is aligned and its state may reset at frame boundaries).
FRAME = 0x8000


def encint(chunk: bytes, at: int) -> tuple[int, int]:
    """An ITSS ENCINT (7 bits a byte, high bit set on all but the last) and the offset after it."""
    value = 0
    while True:
        byte = chunk[at]
        at += 1
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80 or value > 1 << 63:
            return value, at


def itss_entry(chunk: bytes, at: int) -> tuple[bytes, tuple[int, int, int], int]:
    """One entry of an ITSS directory chunk (a help file's PMGL, an e-book's AOLL): its name's
    bytes, its (section, offset, length), and the offset after it."""
    length, at = encint(chunk, at)
    name, at = chunk[at:at + length], at + length
    section, at = encint(chunk, at)
    offset, at = encint(chunk, at)
    size, at = encint(chunk, at)
    return name, (section, offset, size), at


#: Each position slot's extra bits and base ([MS-PATCH] 2.2.2), and the slots a window has.
_EXTRA_BITS = [min(max(n // 2 - 1, 0), 17) for n in range(51)]
_POSITION_BASE = [sum(1 << bits for bits in _EXTRA_BITS[:n]) for n in range(51)]
_SLOTS = {15: 30, 16: 32, 17: 34, 18: 36, 19: 38, 20: 42, 21: 50}
_VERBATIM, _ALIGNED, _UNCOMPRESSED = 1, 2, 3
#: (session 87) The file size a WIM's LZX chunks are translated with (wimlib's and Microsoft's
#: "magic" size: a chunk has no header to give one).
_WIM_E8_SIZE = 12_000_000


class _Huffman:
    """A canonical Huffman code from its lengths (as deflate's): (length, code) -> symbol."""

    def __init__(self, lengths: list[int]) -> None:
        self.codes, past = canonical_codes(lengths)
        if past > 1 << 17:
            raise ValueError("damaged LZX-compressed content (a code over-subscribed)")


class Lzx:
    """An LZX stream's decoder: a 16-bit little-endian word at a time, bits taken from the top."""

    def __init__(self, data: bytes, window_bits: int, reset_frames: int, wim: bool = False) -> None:
        self.data, self.at, self.buffer, self.bits = data, 0, 0, 0
        self.wim = wim
        self.slots = _SLOTS[window_bits]
        self.reset_frames = reset_frames
        self.window = bytearray()

    # -- bits
    def ensure(self, n: int) -> None:
        while self.bits < n:
            word = self.data[self.at:self.at + 2].ljust(2, b"\0")
            if self.at >= len(self.data) + 4:
                raise ValueError("damaged LZX-compressed content (the stream ends early)")
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
        raise ValueError("damaged LZX-compressed content (no code matches its bits)")

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
        if self.wim:  # (one bit for the usual 32 KB, else the size in 16 bits)
            self.block_length = self.block_left = FRAME if self.read(1) else self.read(16)
        else:
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
            raise ValueError(f"damaged LZX-compressed content (block type {self.block_type})")

    # -- output
    def decompress(self, length: int) -> bytes:
        out = bytearray()
        for frame, start in enumerate(range(0, length, FRAME)):
            if frame % self.reset_frames == 0:
                if frame and self.block_left:
                    raise ValueError("damaged LZX-compressed content (a block across a reset)")
                self.reset()
            if not self.header_read:
                self.header_read = True
                if self.wim:  # (a WIM chunk: no header; its E8 translation always on)
                    self.e8_size, self.e8_started = _WIM_E8_SIZE, True
                elif self.read(1):
                    self.e8_size = (self.read(16) << 16) | self.read(16)
            end = min(start + FRAME, length)
            while len(self.window) < end:
                if not self.block_left:
                    self.block_header()
                before = len(self.window)
                self.decode(min(self.block_left, end - before))
                self.block_left -= min(len(self.window) - before, self.block_left)
            if end == length:
                del self.window[end:]  # (the last frame's block may run on past the content)
            elif len(self.window) != end:
                raise ValueError("damaged LZX-compressed content (a match past its frame)")
            if self.bits & 15:
                self.read(self.bits & 15)  # (each frame's input ends on a 16-bit word)
            out += self.translated(start, end)
        return bytes(out)

    def decode(self, todo: int) -> None:
        """At least ``todo`` bytes of the current block into the window."""
        goal = len(self.window) + todo
        if self.block_type == _UNCOMPRESSED:
            if self.at + todo > len(self.data):
                raise ValueError("damaged LZX-compressed content (an uncompressed block ends early)")
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
                raise ValueError("damaged LZX-compressed content (a match before its start)")
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
        if not (self.e8_size and self.e8_started) or start >= 32768 * FRAME or len(frame) <= 10:
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
