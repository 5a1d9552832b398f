"""A compiled HTML Help file (``.chm``: a board's learning handbook, built with Microsoft's HTML
Help Workshop or Free Pascal's chmcmd) as its pages' HTML, in its table of contents' order.

A ``.chm`` is an ITSS store: a header, a directory of named files in PMGL chunks (each name
with its section, offset and length), section 0 stored as it is and section 1 ("MSCompressed")
compressed as one LZX stream, reset every so many 32 KB frames as its control data says.  The
pages are HTML files in section 1; the ``.hhc`` sitemap (HTML too) lists them as the help
viewer's contents pane does.

Why by hand (DECISIONS 106): the only Python readers (pychm) wrap CHMLib, a C library with its
own system package; the LZX decoder (:mod:`casegraph.ingest.lzx`) is ours too, shared with the
Microsoft Reader e-book's reader.  Every length and offset the file states is checked before it
is used; a damaged file raises ValueError with the reason, which
:func:`casegraph.ingest.sources.read_source` turns into a one-line error naming the file.
"""

from __future__ import annotations

import posixpath
import re
import struct
from html import unescape

from casegraph.ingest.binaries import PART_MAX, damaged, utf8_else
from casegraph.ingest.lzx import FRAME, Lzx, itss_entry

CHM_SUFFIXES = {".chm"}
CHM_MAGIC = b"ITSF"

#: The LZX section's files: its compressed stream, its parameters and its reset table.
_STORAGE = "::DataSpace/Storage/MSCompressed/"
_CONTENT, _CONTROL = _STORAGE + "Content", _STORAGE + "ControlData"
_RESET_TABLE = _STORAGE + "Transform/{7FC28940-9D31-11D0-9B27-00A0C91E9C7C}/InstanceData/ResetTable"
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
            name, where, i = itss_entry(chunk, i)
            files[name.decode("utf-8", "replace")] = where
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
            reset, window = reset * FRAME, window * FRAME
        window_bits = window.bit_length() - 1
        if window != 1 << window_bits or not 15 <= window_bits <= 21 or not reset or reset % FRAME:
            raise ValueError(f"damaged compiled HTML help file (LZX window {window}, reset {reset})")
        length = struct.unpack_from("<Q", table, 16)[0]
        if length > PART_MAX:
            raise ValueError(f"the help file's pages unpack to more than {PART_MAX // 2**20} MB")
        return Lzx(self.section0(_CONTENT), window_bits, reset // FRAME).decompress(length)
