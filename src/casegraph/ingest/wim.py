"""A Windows image's files (``.wim``: a Trust's capture of a shared folder of review summaries,
made by DISM or wimlib's ``wimcapture``), given as an archive's members are.

Why by hand (session 87, DECISIONS 131): no maintained Python library reads WIM (wimlib is a C
library, bound by none on PyPI), and what a capture of a folder needs is small: the 208-byte
header; the lookup table, one 50-byte entry per stored file (its resource header and SHA-1);
each image's metadata resource, a tree of directory entries (each file's UTF-16 name and the
SHA-1 of its data); and resources stored whole or in 32 KB chunks compressed by LZX
(:mod:`casegraph.ingest.lzx`, whose WIM form differs from a help file's in two bits).  XPRESS,
LZMS and solid resources, and images split over several parts, are refused by name.
"""

from __future__ import annotations

import struct

from casegraph.ingest.binaries import PART_MAX, damaged
from casegraph.ingest.lzx import Lzx

WIM_SUFFIXES = {".wim"}
WIM_MAGIC = b"MSWIM\0\0\0"
_HEADER = 208
#: The header's flags: compressed, and by which method.
_COMPRESSED, _XPRESS, _LZX, _LZMS = 0x2, 0x20000, 0x40000, 0x80000
#: A resource header's flags (its size's top byte).
_METADATA, _RESOURCE_COMPRESSED, _SPANNED, _SOLID = 0x02, 0x04, 0x08, 0x10
_LOOKUP_ENTRY = 50
_DENTRY_FIXED = 102
_DIRECTORY = 0x10
_EMPTY_HASH = bytes(20)
#: A capture's folders are walked at most this deep (a damaged tree may loop).
_MAX_DEPTH = 64

_Resource = tuple[int, int, int, int]  # flags, offset, stored size, original size


def is_wim(data: bytes) -> bool:
    return data.startswith(WIM_MAGIC)


def wim_members(data: bytes) -> list[tuple[str, bytes]]:
    """Each image's files as (path, bytes), image by image, each folder's in its order; all of
    them at most :data:`PART_MAX` bytes (their sizes are the lookup table's, summed first)."""
    if not is_wim(data) or len(data) < _HEADER:
        raise ValueError("not a Windows image (no 'MSWIM' signature)")
    try:
        return _members(data)
    except (struct.error, IndexError, UnicodeDecodeError, OverflowError) as exc:
        raise damaged("Windows image", exc) from None


def _members(data: bytes) -> list[tuple[str, bytes]]:
    flags, chunk = struct.unpack_from("<II", data, 16)
    part, parts = struct.unpack_from("<HH", data, 40)
    if parts != 1 or part != 1:
        raise ValueError(f"a Windows image in {parts} parts (this is part {part}): casegraph reads "
                         "only an image in one file")
    if flags & _COMPRESSED and flags & (_XPRESS | _LZMS):
        method = "XPRESS" if flags & _XPRESS else "LZMS"
        raise ValueError(f"a Windows image compressed by {method}, which casegraph does not read (only "
                         "LZX or none)")
    table = _resource(data, _resource_header(data, 48), chunk)
    entries = [_lookup_entry(table, at) for at in range(0, len(table) - _LOOKUP_ENTRY + 1, _LOOKUP_ENTRY)]
    by_hash = {sha: res for res, sha in entries if not res[0] & _METADATA}
    if sum(res[3] for res in by_hash.values()) > PART_MAX:
        raise ValueError(f"its files come to more than {PART_MAX // 2**20} MB")
    out: list[tuple[str, bytes]] = []
    for res, _ in entries:
        if res[0] & _METADATA:
            tree = _resource(data, res, chunk)
            for path, sha in _files(tree, _root(tree), "", 0):
                if sha not in by_hash:
                    raise ValueError(f"damaged Windows image ({path!r} names data it does not hold)")
                out.append((path, _resource(data, by_hash[sha], chunk)))
    if not out:
        raise ValueError("the Windows image holds no file")
    return out


def _resource_header(raw: bytes, at: int) -> _Resource:
    """A resource header at ``at``: 7 bytes of stored size and a byte of flags, its offset and
    its original size."""
    size_and_flags, offset, original = struct.unpack_from("<QQQ", raw, at)
    return size_and_flags >> 56, offset, size_and_flags & ((1 << 56) - 1), original


def _lookup_entry(table: bytes, at: int) -> tuple[_Resource, bytes]:
    """One lookup table entry: its resource and the SHA-1 that names it (its part number and
    reference count are the image's bookkeeping)."""
    return _resource_header(table, at), table[at + 30:at + 50]


def _resource(data: bytes, res: _Resource, chunk: int) -> bytes:
    """A resource's bytes: stored whole, or in chunks behind a table of their offsets (four
    bytes each; eight when the resource is over 4 GB), each compressed by LZX unless its
    stored size is its own."""
    flags, offset, stored, original = res
    if flags & (_SOLID | _SPANNED):
        raise ValueError("a Windows image with solid or spanned resources, which casegraph does not read")
    if offset + stored > len(data) or original > PART_MAX:
        raise ValueError(f"damaged Windows image (a resource of {stored:,} bytes at byte {offset:,} runs "
                         "past its end)")
    body = data[offset:offset + stored]
    if not flags & _RESOURCE_COMPRESSED:
        return body
    if not chunk or chunk & (chunk - 1) or chunk > 1 << 21:
        raise ValueError(f"damaged Windows image (a chunk size of {chunk:,} bytes)")
    count = -(-original // chunk)
    width = 8 if original > 0xFFFFFFFF else 4
    table_size = (count - 1) * width
    starts = [0] + [int.from_bytes(body[k:k + width], "little") for k in range(0, table_size, width)]
    ends = [*starts[1:], stored - table_size]
    out = bytearray()
    for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
        want = min(chunk, original - n * chunk)
        piece = body[table_size + start:table_size + end]
        if not 0 < len(piece) <= want:
            raise ValueError(f"damaged Windows image (chunk {n} of a resource at byte {offset:,})")
        out += piece if len(piece) == want else _lzx(piece, want, chunk)
    return bytes(out)


def _lzx(piece: bytes, size: int, chunk: int) -> bytes:
    """One chunk, LZX-compressed on its own (its window the chunk's size)."""
    decoded = Lzx(piece, max(chunk.bit_length() - 1, 15), 1, wim=True).decompress(size)
    if len(decoded) != size:
        raise ValueError("damaged Windows image (an LZX chunk gives the wrong size)")
    return decoded


def _root(tree: bytes) -> int:
    """Where the root folder's entry starts: after the security data, whose length leads it,
    rounded up to eight bytes."""
    total = struct.unpack_from("<I", tree, 0)[0]
    return max(total + (-total % 8), 8)


def _files(tree: bytes, at: int, path: str, depth: int) -> list[tuple[str, bytes]]:
    """The files under the entry at ``at`` (the root's name is empty) as (path, SHA-1)."""
    if depth > _MAX_DEPTH:
        raise ValueError("damaged Windows image (its folders nest too deep)")
    length, attributes = struct.unpack_from("<QI", tree, at)
    subdir = struct.unpack_from("<Q", tree, at + 16)[0]
    if not attributes & _DIRECTORY:
        return []
    out: list[tuple[str, bytes]] = []
    child = subdir
    while child and (length := struct.unpack_from("<Q", tree, child)[0]):
        if length < _DENTRY_FIXED or child + length > len(tree):
            raise ValueError(f"damaged Windows image (an entry of {length} bytes at byte {child:,})")
        name, sha, is_folder = _entry(tree, child)
        if is_folder:
            out += _files(tree, child, f"{path}{name}/", depth + 1)
        elif sha != _EMPTY_HASH:
            out.append((f"{path}{name}", sha))
        child += length + (-length % 8) + _streams_length(tree, child)
    return out


def _entry(tree: bytes, at: int) -> tuple[str, bytes, bool]:
    """An entry's name, data's SHA-1 and whether it is a folder."""
    attributes = struct.unpack_from("<I", tree, at + 8)[0]
    name_size = struct.unpack_from("<H", tree, at + 100)[0]
    name = tree[at + _DENTRY_FIXED:at + _DENTRY_FIXED + name_size].decode("utf-16-le")
    return name, tree[at + 64:at + 84], bool(attributes & _DIRECTORY)


def _streams_length(tree: bytes, at: int) -> int:
    """The bytes of an entry's named (alternate) stream entries, which follow it."""
    streams = struct.unpack_from("<H", tree, at + 96)[0]
    length = struct.unpack_from("<Q", tree, at)[0]
    end = at + length + (-length % 8)
    total = 0
    for _ in range(streams):
        size = struct.unpack_from("<Q", tree, end + total)[0]
        if size < 8:
            raise ValueError("damaged Windows image (a stream entry of no length)")
        total += size + (-size % 8)
    return total
