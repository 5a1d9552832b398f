"""An ARJ archive's files (``.arj``: an Area Child Protection Committee's archive disk of the
1990s, its Part 8 executive summaries packed by ARJ for DOS).

The archive is read as an archive (:func:`arj_members` gives its files as a zip's members are
given), so each file is then read as the file it is.

Why our own reader (DECISIONS 115): no maintained Python library reads ARJ, and the one free
program (Debian's ``arj``) would be a system dependency for a handful of old disks.  The format
(Robert Jung's ARJ technical information) is a chain of headers, each with its own CRC-32, and
methods 1 to 3 compress with the static-Huffman LZ77 LHarc made common (a 26,624-byte window;
per block, three canonical code tables sent as code lengths); method 4 codes lengths and
distances in a fixed unary-prefixed form; method 0 stores.  Every size and distance is checked
before use, and each file's CRC-32 after; a damaged or password-protected ("garbled") archive
raises ValueError with the reason.

A DOS archiver's text is in the DOS code page: a text member that is not UTF-8, of an archive
made on MS-DOS or with rules drawn in box characters, is given as UTF-8 from code page 437 (its
rules kept as such, not read as Windows-1252 letters); a text member's ``^Z`` end-of-file mark is
dropped.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator

from casegraph.ingest.binaries import PART_MAX, canonical_codes

ARJ_SUFFIXES = {".arj"}
ARJ_MAGIC = b"\x60\xea"
#: A header's flags: encrypted with a password; a file continued in the next volume.
_GARBLED, _VOLUME = 0x01, 0x04
#: A header's file types: a binary or text file, the archive's own (main) header, a folder.
_BINARY, _TEXT, _MAIN, _FOLDER = 0, 1, 2, 3
_HOST_MSDOS = 0
#: The longest basic header the format allows.
_MAX_HEADER = 2600

# methods 1-3 (LHarc's static Huffman): the alphabet of literals and lengths, of distance
# bit-counts and of the code-length code; how each table's size and lengths are sent
_THRESHOLD, _NC, _NP, _NT = 3, 510, 17, 19
_CBIT, _PBIT, _TBIT = 9, 5, 5
# method 4: unary-prefixed lengths (widths 0 to 7) and distances (widths 9 to 13)
_LENGTH_WIDTHS, _DISTANCE_WIDTHS = (0, 7), (9, 13)


def is_arj(data: bytes) -> bool:
    """Whether a file's bytes are an ARJ archive: its marker, then a main header whose CRC-32 is
    right (two bytes alone are too common to go by)."""
    if not data.startswith(ARJ_MAGIC) or len(data) < 8:
        return False
    size = struct.unpack_from("<H", data, 2)[0]
    if not 0 < size <= _MAX_HEADER or len(data) < 8 + size:
        return False
    return zlib.crc32(data[4:4 + size]) == struct.unpack_from("<I", data, 4 + size)[0]


def arj_members(data: bytes) -> list[tuple[str, bytes]]:
    """An archive's files as (path inside it, bytes), in the archive's order; folders are not
    listed.  Raises ValueError for a damaged, encrypted or multi-volume archive."""
    if not is_arj(data):
        raise ValueError("not an ARJ archive (no ARJ header with a right CRC)")
    try:
        return [(name, _text(content, dos)) for name, content, dos in _files(data)]
    except (struct.error, IndexError) as exc:
        raise ValueError(f"damaged ARJ archive (it ends inside a header or a file: {exc})") from None


def _files(data: bytes) -> Iterator[tuple[str, bytes, bool]]:
    """Each file's name, bytes and whether the archive was made on MS-DOS."""
    at, total = 0, 0
    while True:
        header, at = _header(data, at)
        if header is None:
            return
        flags, method, kind, packed, size, crc, name, host = header
        if kind == _MAIN:
            continue  # (its times and sizes are the archive's: no file's bytes follow it)
        body, at = data[at:at + packed], at + packed
        if len(body) != packed:
            raise ValueError(f"damaged ARJ archive ({name!r} is cut short)")
        if kind not in (_BINARY, _TEXT):
            continue  # a folder, a volume label
        if flags & _GARBLED:
            raise ValueError(f"{name!r} is encrypted with a password (garbled)")
        if flags & _VOLUME:
            raise ValueError(f"{name!r} goes on in the archive's next volume")
        total += size
        if total > PART_MAX:
            raise ValueError(f"the archive's files come to more than {PART_MAX // 2**20} MB")
        content = _unpacked(body, method, size, name)
        if zlib.crc32(content) != crc:
            raise ValueError(f"damaged ARJ archive ({name!r} fails its CRC check)")
        yield name, content, host == _HOST_MSDOS


_Header = tuple[int, int, int, int, int, int, str, int]


def _header(data: bytes, at: int) -> tuple[_Header | None, int]:
    """The header at ``at`` (flags, method, file type, packed and original size, CRC, name,
    host system) and where its file's bytes begin; None at the archive's end."""
    if data[at:at + 2] != ARJ_MAGIC:
        raise ValueError(f"damaged ARJ archive (no header at byte {at})")
    size = struct.unpack_from("<H", data, at + 2)[0]
    if size == 0:
        return None, at + 4
    if size > _MAX_HEADER:
        raise ValueError(f"damaged ARJ archive (a {size}-byte header at byte {at})")
    basic = data[at + 4:at + 4 + size]
    if len(basic) != size or zlib.crc32(basic) != struct.unpack_from("<I", data, at + 4 + size)[0]:
        raise ValueError(f"damaged ARJ archive (the header at byte {at} fails its CRC check)")
    first = basic[0]
    host, flags, method, kind = basic[3], basic[4], basic[5], basic[6]
    packed, size_out, crc = struct.unpack_from("<III", basic, 12)
    name = basic[first:].split(b"\0", 1)[0].decode("cp437").replace("\\", "/")
    at += 4 + size + 4
    while (extended := struct.unpack_from("<H", data, at)[0]) != 0:
        at += 2 + extended + 4  # (an extended header and its CRC: nothing casegraph reads)
    return (flags, method, kind, packed, size_out, crc, name, host), at + 2


def _unpacked(body: bytes, method: int, size: int, name: str) -> bytes:
    """A file's bytes as stored or compressed by ``method``."""
    if method == 0:
        return body
    if method in (1, 2, 3):
        return _huffman_lz77(_Bits(body), size)
    if method == 4:
        return _fast(_Bits(body), size)
    raise ValueError(f"{name!r} is packed by method {method}, which ARJ does not define")


class _Bits:
    """A compressed stream's bits, most significant first; past its end, zeros (as ARJ reads)."""

    def __init__(self, data: bytes) -> None:
        self.data = data + b"\0\0\0\0"
        self.at = 0  # (in bits)

    def peek(self, count: int) -> int:
        """The next ``count`` (at most 16) bits, not taken."""
        byte = self.at >> 3
        window = int.from_bytes(self.data[byte:byte + 4].ljust(4, b"\0"), "big")
        return (window >> (32 - (self.at & 7) - count)) & ((1 << count) - 1)

    def take(self, count: int) -> int:
        bits = self.peek(count)
        self.at += count
        return bits


class _Code:
    """A canonical Huffman code from its symbols' code lengths (0: the symbol is not used), or
    a code of one symbol sent as no bits at all."""

    def __init__(self, lengths: list[int], only: int | None = None) -> None:
        self.only = only
        self.codes = canonical_codes(lengths)[0]
        if only is None and not self.codes:
            raise ValueError("damaged ARJ archive (a code table with no symbols)")

    def read(self, bits: _Bits) -> int:
        if self.only is not None:
            return self.only
        for length in range(1, 17):
            symbol = self.codes.get((length, bits.peek(length)))
            if symbol is not None:
                bits.take(length)
                return symbol
        raise ValueError("damaged ARJ archive (a bit pattern no code has)")


def _huffman_lz77(bits: _Bits, size: int) -> bytes:
    """Methods 1 to 3: blocks of literals and (length, distance) pairs, each block sending its
    three code tables first."""
    out = bytearray()
    left = 0
    while len(out) < size:
        if left == 0:
            left = bits.take(16)
            code_lengths = _lengths_code(bits, _NT, _TBIT, special=3)
            symbols = _symbols_code(bits, code_lengths)
            distances = _lengths_code(bits, _NP, _PBIT, special=None)
        left -= 1
        symbol = symbols.read(bits)
        if symbol < 256:
            out.append(symbol)
            continue
        width = distances.read(bits)
        distance = width and (1 << (width - 1)) + bits.take(width - 1)
        _copy(out, symbol - (256 - _THRESHOLD), distance + 1)
    return bytes(out[:size])


def _lengths_code(bits: _Bits, count: int, width: int, special: int | None) -> _Code:
    """A small code sent as its symbols' lengths: three bits each, seven or more as 1-bits after
    "111"; after the ``special``-th length, two bits saying how many zero lengths follow."""
    n = bits.take(width)
    if n == 0:
        return _Code([], only=bits.take(width))
    if n > count:
        raise ValueError(f"damaged ARJ archive ({n} code lengths where at most {count} are sent)")
    lengths: list[int] = []
    while len(lengths) < n:
        length = bits.take(3)
        if length == 7:
            while bits.take(1):
                length += 1
                if length > 16:
                    raise ValueError("damaged ARJ archive (a code longer than 16 bits)")
        lengths.append(length)
        if len(lengths) == special:
            lengths += [0] * bits.take(2)
    return _Code(lengths[:count] + [0] * (count - len(lengths)))


def _symbols_code(bits: _Bits, code_lengths: _Code) -> _Code:
    """The literal-and-length code, its lengths sent in the code-length code: 0, 1 and 2 say
    runs of unused symbols (one; 3 to 18; 20 to 531), other values a length of two less."""
    n = bits.take(_CBIT)
    if n == 0:
        return _Code([], only=bits.take(_CBIT))
    lengths: list[int] = []
    while len(lengths) < n:
        value = code_lengths.read(bits)
        if value == 0:
            lengths.append(0)
        elif value == 1:
            lengths += [0] * (bits.take(4) + 3)
        elif value == 2:
            lengths += [0] * (bits.take(_CBIT) + 20)
        else:
            lengths.append(value - 2)
    if len(lengths) > _NC:
        raise ValueError(f"damaged ARJ archive ({len(lengths)} symbol lengths where {_NC} is the most)")
    return _Code(lengths + [0] * (_NC - len(lengths)))


def _fast(bits: _Bits, size: int) -> bytes:
    """Method 4: a literal after a 0 length, else a length (from 3) and a distance."""
    out = bytearray()
    while len(out) < size:
        length = _unary_prefixed(bits, *_LENGTH_WIDTHS)
        if length == 0:
            out.append(bits.take(8))
        else:
            _copy(out, length - 1 + _THRESHOLD, _unary_prefixed(bits, *_DISTANCE_WIDTHS) + 1)
    return bytes(out[:size])


def _unary_prefixed(bits: _Bits, start: int, stop: int) -> int:
    """A number sent as 1-bits (each doubling the width of what follows, from ``start``), a
    0-bit unless the width reached ``stop``, then that many bits added to what the 1-bits say."""
    plus, power, width = 0, 1 << start, start
    while width < stop and bits.take(1):
        plus += power
        power <<= 1
        width += 1
    return plus + (bits.take(width) if width else 0)


def _copy(out: bytearray, length: int, back: int) -> None:
    """``length`` bytes from ``back`` bytes before the end of what is written (overlapping)."""
    if back > len(out):
        raise ValueError("damaged ARJ archive (a match reaches before the file's start)")
    start = len(out) - back
    for k in range(length):
        out.append(out[start + k])


#: Bytes no DOS text file holds (controls other than tab, line ends, form feed and ^Z): a file
#: with any is binary, and is given as it is.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")


#: A rule drawn in code page 437's box characters ("═══", "───"): a DOS editor's text.
_DOS_RULE = re.compile(rb"[\xb0-\xdf]{3}")


def _text(content: bytes, dos: bool) -> bytes:
    """A text file without its DOS end-of-file mark (``^Z``), as UTF-8 from code page 437 when
    it is DOS text (the archive made on MS-DOS, or a rule drawn in box characters) and not
    UTF-8 already; a binary file, or other text, as it is (read later as any file is)."""
    if _BINARY_BYTES.search(content):
        return content
    text = content.rstrip(b"\x1a")
    try:
        text.decode("utf-8")
        return text
    except UnicodeDecodeError:
        return text.decode("cp437").encode("utf-8") if dos or _DOS_RULE.search(text) else text
