"""A FAT disk image's files: a floppy kept from an Area Child Protection Committee's archive
(``.img``, ``.ima``: a 1.44 MB FAT12 disk of Part 8 executive summaries), a USB stick's image.

The image is read as an archive (:func:`fat_members` gives its files as a zip's members are
given), so each file is then read as the file it is.  Nothing is mounted.

Why our own reader (DECISIONS 114): the FAT layout (Microsoft's "FAT: General Overview of
On-Disk Format") is a boot sector's parameter block, a table of cluster chains and 32-byte
directory entries, with long names in entries of their own; reading files from it is this
module.  The one Python library for it (pyfatfs) is built on PyFilesystem2, unmaintained since
2022 and importing setuptools' deprecated ``pkg_resources``, for work we need none of (writing,
mounting, an fs URL opener).
"""

from __future__ import annotations

import posixpath
import struct
from dataclasses import dataclass

from casegraph.ingest.binaries import PART_MAX

FAT_SUFFIXES = {".img", ".ima", ".vfd", ".flp"}
#: The boot sector's last two bytes on every FAT volume.
_BOOT_SIGNATURE_AT, _BOOT_SIGNATURE = 510, b"\x55\xaa"
#: A directory entry's size, and the attributes read from its byte 11.
_ENTRY = 32
_ATTR_VOLUME, _ATTR_FOLDER, _ATTR_LONG_NAME = 0x08, 0x10, 0x0F
#: A first name byte: the end of the directory, a deleted entry, a real 0xE5 kept as 0x05.
_END, _DELETED, _KANJI_E5 = 0x00, 0xE5, 0x05
#: How deep folders are followed, and how many entries a disk may list in all (a loop in a
#: damaged directory chain stops at either).
_MAX_DEPTH, _MAX_ENTRIES = 16, 65536


@dataclass(frozen=True)
class _Volume:
    """A FAT volume's layout, from its boot sector's BIOS parameter block."""

    data: bytes
    sector: int  # bytes per sector
    cluster: int  # bytes per cluster
    fat_at: int  # where the first FAT begins (bytes)
    root_at: int  # FAT12/16: where the fixed root directory begins (bytes)
    root_size: int  # FAT12/16: its size in bytes (0 on FAT32)
    root_cluster: int  # FAT32: the root directory's first cluster
    data_at: int  # where cluster 2 begins (bytes)
    clusters: int  # how many data clusters there are
    bits: int  # 12, 16 or 32

    def next_cluster(self, number: int) -> int:
        """The cluster after ``number`` in its chain, as the FAT says."""
        if self.bits == 12:
            at = self.fat_at + number + number // 2
            value = struct.unpack_from("<H", self.data, at)[0]
            return value >> 4 if number & 1 else value & 0x0FFF
        if self.bits == 16:
            return struct.unpack_from("<H", self.data, self.fat_at + 2 * number)[0]
        return struct.unpack_from("<I", self.data, self.fat_at + 4 * number)[0] & 0x0FFFFFFF

    def chain(self, first: int, limit: int) -> bytes:
        """The bytes of the cluster chain from ``first``, at most ``limit`` of them; a chain that
        leaves the disk, loops, or lies past the end of a cut image is a ValueError."""
        out, seen, number = bytearray(), set(), first
        end = {12: 0xFF8, 16: 0xFFF8, 32: 0x0FFFFFF8}[self.bits]
        while 2 <= number < end and len(out) < limit:
            if number >= self.clusters + 2 or number in seen:
                raise ValueError(f"cluster {number} is beyond the disk or loops back")
            seen.add(number)
            at = self.data_at + (number - 2) * self.cluster
            if at + self.cluster > len(self.data):
                raise ValueError(f"cluster {number} lies past the end of the image (is it cut short?)")
            out += self.data[at:at + self.cluster]
            number = self.next_cluster(number)
        return bytes(out[:limit])


def is_fat(data: bytes) -> bool:
    """Whether a file's first sector is a FAT volume's boot sector: its signature, a power-of-two
    sector and cluster size and at least one FAT."""
    if len(data) < 512 or data[_BOOT_SIGNATURE_AT:_BOOT_SIGNATURE_AT + 2] != _BOOT_SIGNATURE:
        return False
    sector, per_cluster, reserved, fats = struct.unpack_from("<HBHB", data, 11)
    return (sector in (512, 1024, 2048, 4096) and per_cluster in (1, 2, 4, 8, 16, 32, 64, 128)
            and reserved >= 1 and fats >= 1 and data[0] in (0xEB, 0xE9))


def fat_members(data: bytes) -> list[tuple[str, bytes]]:
    """A FAT12, FAT16 or FAT32 image's files as (path, bytes), in the order its directories list
    them, folders followed; long (VFAT) names where the disk has them, else the 8.3 names.
    Empty files, deleted entries, the volume label and hidden dot-files are left out, and all
    files together are at most :data:`PART_MAX` bytes (their sizes are the directory's,
    checked before any is read).  A damaged image is a ValueError naming why."""
    if not is_fat(data):
        raise ValueError("no FAT boot sector (is this a floppy or FAT disk image?)")
    try:
        volume = _volume(data)
        files = _walk(volume, _root(volume), "", 0, [])
    except (struct.error, IndexError) as exc:
        raise ValueError(f"damaged disk image ({type(exc).__name__}: {exc})"[:300]) from None
    if sum(size for _, _, size in files) > PART_MAX:
        raise ValueError(f"its files come to more than {PART_MAX // 2**20} MB")
    out = [(path, volume.chain(first, size)) for path, first, size in files]
    if not out:
        raise ValueError("the disk image holds no file")
    return out


def _volume(data: bytes) -> _Volume:
    """The volume's layout from its BIOS parameter block (FAT32's extension where the 16-bit FAT
    size is 0); FAT12 or FAT16 by its count of clusters, as the specification decides it."""
    sector, per_cluster, reserved, fats, root_entries, total16 = struct.unpack_from("<HBHBHH", data, 11)
    fat_size = struct.unpack_from("<H", data, 22)[0] or struct.unpack_from("<I", data, 36)[0]
    total = total16 or struct.unpack_from("<I", data, 32)[0]
    root_size = -(-root_entries * _ENTRY // sector) * sector
    root_at = (reserved + fats * fat_size) * sector
    data_at = root_at + root_size
    clusters = max(0, (total * sector - data_at) // (per_cluster * sector))
    bits = 12 if clusters < 4085 else 16 if clusters < 65525 else 32
    return _Volume(data, sector, per_cluster * sector, reserved * sector, root_at, root_size,
                   struct.unpack_from("<I", data, 44)[0] if bits == 32 else 0, data_at, clusters, bits)


def _root(volume: _Volume) -> bytes:
    """The root directory's entries: a fixed area on FAT12/16, a cluster chain on FAT32."""
    if volume.bits == 32:
        return volume.chain(volume.root_cluster, _MAX_ENTRIES * _ENTRY)
    return volume.data[volume.root_at:volume.root_at + volume.root_size]


def _walk(volume: _Volume, entries: bytes, folder: str, depth: int,
          out: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The files under a directory as (path, first cluster, size), its folders followed."""
    for name, attributes, first, size in _entries(entries):
        path = posixpath.join(folder, name)
        if attributes & _ATTR_FOLDER:
            if name not in (".", "..") and depth < _MAX_DEPTH and first:
                _walk(volume, volume.chain(first, _MAX_ENTRIES * _ENTRY), path, depth + 1, out)
        elif size and not name.startswith("."):
            out.append((path, first, size))
        if len(out) > _MAX_ENTRIES:
            raise ValueError(f"more than {_MAX_ENTRIES} files")
    return out


def _entries(raw: bytes) -> list[tuple[str, int, int, int]]:
    """A directory's live entries as (name, attributes, first cluster, size), each named by the
    long-name entries before it when their checksum matches its 8.3 name."""
    out, long_parts = [], []
    for at in range(0, len(raw) - _ENTRY + 1, _ENTRY):
        entry = raw[at:at + _ENTRY]
        if entry[0] == _END:
            break
        attributes = entry[11]
        if entry[0] == _DELETED:
            long_parts = []
        elif attributes == _ATTR_LONG_NAME:
            long_parts.append(entry)
        elif not attributes & _ATTR_VOLUME:
            name = _long_name(long_parts, entry[:11]) or _short_name(entry)
            first = struct.unpack_from("<H", entry, 20)[0] << 16 | struct.unpack_from("<H", entry, 26)[0]
            out.append((name, attributes, first, struct.unpack_from("<I", entry, 28)[0]))
            long_parts = []
        else:
            long_parts = []
    return out


def _short_name(entry: bytes) -> str:
    """An 8.3 name ("CONTENTS.TXT"), in the OEM code page DOS wrote it in, lower-cased where
    Windows NT's flags in byte 12 say the name or its extension was typed in lower case."""
    raw = bytes((_DELETED,)) + entry[1:11] if entry[0] == _KANJI_E5 else entry[:11]
    base, extension = raw[:8].decode("cp437").rstrip(), raw[8:11].decode("cp437").rstrip()
    if entry[12] & 0x08:
        base = base.lower()
    if entry[12] & 0x10:
        extension = extension.lower()
    return f"{base}.{extension}" if extension else base


def _long_name(parts: list[bytes], short: bytes) -> str:
    """The VFAT long name its entries spell (stored last part first), or "" when there are none
    or their checksum is not the 8.3 name's (an entry left by an older system)."""
    checksum = 0
    for byte in short:
        checksum = ((checksum >> 1) | ((checksum & 1) << 7)) + byte & 0xFF
    if not parts or any(part[13] != checksum for part in parts):
        return ""
    chars = b"".join(part[1:11] + part[14:26] + part[28:32] for part in reversed(parts))
    return chars.decode("utf-16-le", errors="replace").split("\0", 1)[0].replace("\uffff", "")
