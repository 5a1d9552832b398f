"""An ARJ archive's files (``.arj``: an Area Child Protection Committee's archive disk of the
1990s, its Part 8 executive summaries packed by ARJ for DOS).

The archive is read as an archive (:func:`arj_members` gives its files as a zip's members are
given), so each file is then read as the file it is.

Why our own reader (DECISIONS 115): no maintained Python library reads ARJ, and the one free
program (Debian's ``arj``) would be a system dependency for a handful of old disks.  The format
(Robert Jung's ARJ technical information) is a chain of headers, each with its own CRC-32, and
methods 1 to 3 compress with the static-Huffman LZ77 LHarc made common (a 26,624-byte window;
per block, three canonical code tables sent as code lengths: :mod:`casegraph.ingest.lharc`);
method 4 codes lengths and distances in a fixed unary-prefixed form; method 0 stores.  Every
size and distance is checked before use, and each file's CRC-32 after; a damaged or
password-protected ("garbled") archive raises ValueError with the reason.

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

from casegraph.ingest.binaries import PART_MAX
from casegraph.ingest.lharc import THRESHOLD, Bits, copy_back, lharc_decoded

ARJ_SUFFIXES = {".arj"}
ARJ_MAGIC = b"\x60\xea"
#: A header's flags: encrypted with a password; a file continued in the next volume.
_GARBLED, _VOLUME = 0x01, 0x04
#: A header's file types: a binary or text file, the archive's own (main) header, a folder.
_BINARY, _TEXT, _MAIN, _FOLDER = 0, 1, 2, 3
_HOST_MSDOS = 0
#: The longest basic header the format allows.
_MAX_HEADER = 2600

# methods 1-3 (LHarc's static Huffman, casegraph.ingest.lharc): how many distance bit-counts a
# block's table holds, and in how many bits its size is sent
_NP, _PBIT = 17, 5
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
        return [(name, dos_text(content, dos)) for name, content, dos in _files(data)]
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
    if method not in (1, 2, 3, 4):
        raise ValueError(f"{name!r} is packed by method {method}, which ARJ does not define")
    try:
        if method == 4:
            return _fast(Bits(body), size)
        return lharc_decoded(body, size, _NP, _PBIT)
    except ValueError as exc:
        raise ValueError(f"damaged ARJ archive ({exc})") from None


def _fast(bits: Bits, size: int) -> bytes:
    """Method 4: a literal after a 0 length, else a length (from 3) and a distance."""
    out = bytearray()
    while len(out) < size:
        length = _unary_prefixed(bits, *_LENGTH_WIDTHS)
        if length == 0:
            out.append(bits.take(8))
        else:
            copy_back(out, length - 1 + THRESHOLD, _unary_prefixed(bits, *_DISTANCE_WIDTHS) + 1)
    return bytes(out[:size])


def _unary_prefixed(bits: Bits, start: int, stop: int) -> int:
    """A number sent as 1-bits (each doubling the width of what follows, from ``start``), a
    0-bit unless the width reached ``stop``, then that many bits added to what the 1-bits say."""
    plus, power, width = 0, 1 << start, start
    while width < stop and bits.take(1):
        plus += power
        power <<= 1
        width += 1
    return plus + (bits.take(width) if width else 0)


#: Bytes no DOS text file holds (controls other than tab, line ends, form feed and ^Z): a file
#: with any is binary, and is given as it is.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")


#: A rule drawn in code page 437's box characters ("═══", "───"): a DOS editor's text.
_DOS_RULE = re.compile(rb"[\xb0-\xdf]{3}")


def dos_text(content: bytes, dos: bool) -> bytes:
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
