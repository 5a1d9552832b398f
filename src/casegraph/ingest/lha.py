"""An LHA archive's files (``.lzh``, ``.lha``: an Area Child Protection Committee's diskette
archive of the 1990s, its Part 8 summaries packed by LHA for DOS).

The archive is read as an archive (:func:`lha_members` gives its files as a zip's members are
given), so each file is then read as the file it is, as an ARJ disk's are.

Why our own reader (session 86, DECISIONS 130): no maintained Python library reads LHA, and
Debian's ``lhasa`` would be a system dependency for a handful of old disks.  The format (the
LHa for UNIX header specification) is a chain of headers of three levels: level 0 and 1 put the
file's name in a base header whose first byte is its size (level 1 then adds extended headers,
counted in the packed size), level 2 gives its whole header's size in two bytes and every name in
extended headers; the archive ends at a header of size 0.  ``-lh5-``, ``-lh6-`` and ``-lh7-``
compress with LHarc's static-Huffman LZ77 (:mod:`casegraph.ingest.lharc`, shared with ARJ) in an
8, 32 or 64 KB window; ``-lh0-`` stores; a folder (``-lhd-``) holds no bytes.  The older dynamic
Huffman methods (``-lh1-`` to ``-lh4-``) and LArc's (``-lz?-``) are refused by name.  Every size
is checked before use and each file's CRC-16 after.  A text file made on DOS is given as UTF-8
from code page 437, as the ARJ reader gives it (:func:`casegraph.ingest.arj.dos_text`).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator

from casegraph.ingest.arj import dos_text
from casegraph.ingest.binaries import PART_MAX
from casegraph.ingest.lharc import lharc_decoded

LHA_SUFFIXES = {".lzh", ".lha"}
#: A header's method at byte 2: "-lh5-", "-lhd-", "-lz4-" and the like.
_METHOD = re.compile(rb"-l[hz][0-9a-z]-")
#: The methods read: the window's bits of each compressed one (its distance table's size is one
#: more; its size is sent in 4 bits in an 8 KB window, else in 5).
_WINDOWS = {b"-lh5-": 13, b"-lh6-": 15, b"-lh7-": 16}
_STORED, _FOLDER = (b"-lh0-", b"-lz4-"), b"-lhd-"
#: Extended headers: the file's name, its folder (parts parted by 0xFF).
_NAME, _DIRECTORY = 0x01, 0x02
#: The fewest bytes a level 2 header holds: its fixed fields and the end of its extended headers.
_LEVEL2_LEAST = 26
#: The operating system byte of an archive made on MS-DOS.
_MSDOS = ord("M")


def is_lha(data: bytes) -> bool:
    """Whether a file's bytes are an LHA archive: a method name at byte 2 and a header level
    of 0 to 2 at byte 20."""
    return len(data) > 21 and bool(_METHOD.fullmatch(data[2:7])) and data[20] in (0, 1, 2)


def lha_members(data: bytes) -> list[tuple[str, bytes]]:
    """An archive's files as (path inside it, bytes), in the archive's order; folders are not
    listed.  Raises ValueError for a damaged archive or a method not read."""
    if not is_lha(data):
        raise ValueError("not an LHA archive (no '-lh?-' method in its first header)")
    try:
        return [(name, dos_text(content, dos)) for name, content, dos in _files(data)]
    except (struct.error, IndexError) as exc:
        raise ValueError(f"damaged LHA archive (it ends inside a header or a file: {exc})") from None


def _files(data: bytes) -> Iterator[tuple[str, bytes, bool]]:
    """Each file's name, bytes and whether the archive was made on MS-DOS."""
    at, total = 0, 0
    while at < len(data) and data[at] != 0:
        header = _header(data, at)
        method, packed, size, crc, name, dos, at = header
        body, at = data[at:at + packed], at + packed
        if len(body) != packed:
            raise ValueError(f"damaged LHA archive ({name!r} is cut short)")
        if method == _FOLDER:
            continue
        total += size
        if total > PART_MAX:
            raise ValueError(f"the archive's files come to more than {PART_MAX // 2**20} MB")
        content = _unpacked(body, method, size, name)
        if crc16(content) != crc:
            raise ValueError(f"damaged LHA archive ({name!r} fails its CRC check)")
        yield name, content, dos


_Header = tuple[bytes, int, int, int, str, bool, int]


def _header(data: bytes, at: int) -> _Header:
    """The header at ``at``: its method, packed and original size, CRC-16, name, whether made
    on MS-DOS, and where its file's bytes begin."""
    method = data[at + 2:at + 7]
    if not _METHOD.fullmatch(method):
        raise ValueError(f"damaged LHA archive (no header at byte {at})")
    packed, size = struct.unpack_from("<II", data, at + 7)
    level = data[at + 20]
    if level == 2:
        end = at + struct.unpack_from("<H", data, at)[0]
        if end < at + _LEVEL2_LEAST:  # (a header that ends before its own fields: no progress)
            raise ValueError(f"damaged LHA archive (a {end - at}-byte level 2 header at byte {at})")
        crc, system = struct.unpack_from("<HB", data, at + 21)
        folder, name, _ = _extended(data, at + 24, end)
        return method, packed, size, crc, folder + name, system == _MSDOS, end
    if level not in (0, 1):
        raise ValueError(f"damaged LHA archive (a header of level {level} at byte {at})")
    base_end = at + 2 + data[at]
    length = data[at + 21]
    name = data[at + 22:at + 22 + length].decode("cp437")
    crc = struct.unpack_from("<H", data, at + 22 + length)[0]
    system = data[at + 24 + length] if level == 1 else _MSDOS
    if level == 0:
        return method, packed, size, crc, name.replace("\\", "/"), system == _MSDOS, base_end
    folder, long_name, end = _extended(data, base_end - 2, None)
    if end - base_end > packed:  # (level 1 counts its extended headers in the packed size)
        raise ValueError(f"damaged LHA archive (extended headers longer than the file at byte {at})")
    return method, packed - (end - base_end), size, crc, folder + (long_name or name), system == _MSDOS, end


def _extended(data: bytes, at: int, end: int | None) -> tuple[str, str, int]:
    """The folder ("" or ending in "/") and the name the extended headers from ``at`` (each led
    by the next one's size) give, and where they end (``end`` when the header's size says it)."""
    name, folder = "", ""
    while (size := struct.unpack_from("<H", data, at)[0]) != 0:
        if size < 3 or (end is not None and at + 2 + size > end + 2):
            raise ValueError(f"damaged LHA archive (an extended header of {size} bytes at byte {at})")
        kind, value = data[at + 2], data[at + 3:at + size]
        if kind == _NAME:
            name = value.decode("cp437")
        elif kind == _DIRECTORY:
            folder = value.replace(b"\xff", b"/").decode("cp437").strip("/") + "/"
        at += size
    return folder, name, (end if end is not None else at + 2)


def _unpacked(body: bytes, method: bytes, size: int, name: str) -> bytes:
    """A file's bytes as stored or compressed by ``method``."""
    if method in _STORED:
        return body
    if method not in _WINDOWS:
        raise ValueError(f"{name!r} is packed by {method.decode('ascii')}, a method casegraph "
                         "does not read (only -lh0-, -lh5-, -lh6- and -lh7-)")
    window = _WINDOWS[method]
    try:
        return lharc_decoded(body, size, window + 1, 4 if window == 13 else 5)
    except ValueError as exc:
        raise ValueError(f"damaged LHA archive ({exc})") from None


def _crc16_table() -> list[int]:
    """CRC-16/ARC's table (polynomial 0x8005, reflected), LHA's file check."""
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC16 = _crc16_table()


def crc16(data: bytes) -> int:
    """A file's CRC-16 as LHA stores it."""
    crc = 0
    for byte in data:
        crc = (crc >> 8) ^ _CRC16[(crc ^ byte) & 0xFF]
    return crc
