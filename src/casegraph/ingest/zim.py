"""An openZIM archive's pages: a child protection committee's offline practice library
(``.zim``, written by libzim as Kiwix and zimit write them), one HTML article per review.

The archive is read as an archive (:func:`zim_members` gives its articles as a zip's members are
given), so each article is read as the saved page it is, and the library's masthead and menu
repeated on every article are taken off as a site's are.

Why our own reader (DECISIONS 114): the ZIM format is openly specified (openzim.org, "ZIM file
format"): an 80-byte header, a list of MIME types, a list of directory entries sorted by path,
and clusters of blobs compressed with xz or Zstandard, which the standard library's lzma and
the zstandard binding casegraph already brings unpack.  Reading articles is that much; the
maintained library (python-libzim) is GPL-3.0, which casegraph (MIT) does not take on for it.
"""

from __future__ import annotations

import bisect
import itertools
import lzma
import struct

from casegraph.ingest.binaries import PART_MAX, zstd_unpacked

ZIM_SUFFIXES = {".zim"}
#: The header's magic number, as its first four bytes.
ZIM_MAGIC = struct.pack("<I", 72173914)
#: Header fields: (entries, clusters, path pointers, -, cluster pointers, MIME list, main page,
#: -, checksum) from byte 24.
_HEADER = struct.Struct("<IIQQQQIIQ")
#: A directory entry's MIME index for a redirect, a link target and a deleted entry.
_NOT_CONTENT = {0xFFFF, 0xFFFE, 0xFFFD}
#: Namespaces that hold articles: "C" (content, ZIM 6.1 on), "A" (articles, before it).
_ARTICLE_NAMESPACES = {"C", "A"}
#: The MIME types read as pages.
_PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
#: A cluster's compression, from the low four bits of its first byte.
_NONE, _XZ, _ZSTD = {0, 1}, 4, 5
#: A cluster's first-byte flag for 8-byte blob offsets.
_EXTENDED = 0x10


def is_zim(data: bytes) -> bool:
    """Whether a file opens with a ZIM header."""
    return data.startswith(ZIM_MAGIC)


def zim_members(data: bytes) -> list[tuple[str, bytes]]:
    """A ZIM archive's articles as (path, bytes), the main page first and then the rest in the
    archive's path order; an HTML article's path given ``.html`` when it has no suffix (a ZIM
    article's path is "Child_A" as a wiki's is).  Redirects, images, scripts, metadata and the
    search indexes are left out; all articles together at most :data:`PART_MAX` bytes, each
    cluster unpacked at most once.  A damaged archive is a ValueError naming why."""
    if not is_zim(data):
        raise ValueError("no ZIM header (is this an openZIM archive?)")
    try:
        return _articles(data)
    except (struct.error, IndexError, UnicodeDecodeError, lzma.LZMAError) as exc:
        raise ValueError(f"damaged ZIM archive ({type(exc).__name__}: {exc})"[:300]) from None


def _articles(data: bytes) -> list[tuple[str, bytes]]:
    entries, clusters, path_at, _, cluster_at, mime_at, main, _, checksum_at = _HEADER.unpack_from(data, 24)
    if max(path_at + 8 * entries, cluster_at + 8 * clusters) > len(data):
        raise ValueError("its entry or cluster list runs past the end of the file")
    mimes = _mime_types(data, mime_at)
    starts = [struct.unpack_from("<Q", data, cluster_at + 8 * n)[0] for n in range(clusters)]
    # (a cluster ends where the next one in the file begins, the last at the checksum)
    bounds = sorted({*starts, checksum_at or len(data)})
    unpacked: dict[int, list[bytes]] = {}
    out, size = [], 0
    order = sorted(range(entries), key=lambda n: n != main)  # the main page first
    for n in order:
        at = struct.unpack_from("<Q", data, path_at + 8 * n)[0]
        mime, namespace, path, cluster, blob = _entry(data, at)
        if mime in _NOT_CONTENT or namespace not in _ARTICLE_NAMESPACES or mimes[mime] not in _PAGE_TYPES:
            continue
        if cluster >= clusters:
            raise ValueError(f"entry {path!r} names cluster {cluster} of {clusters}")
        if cluster not in unpacked:
            start = starts[cluster]
            end = bounds[min(bisect.bisect_right(bounds, start), len(bounds) - 1)]
            unpacked[cluster] = _blobs(data[start:end if end > start else len(data)])
        content = unpacked[cluster][blob]
        size += len(content)
        if size > PART_MAX:
            raise ValueError(f"its articles come to more than {PART_MAX // 2**20} MB")
        html = mimes[mime] != "text/plain"
        out.append((path + ".html" if html and "." not in path.rsplit("/", 1)[-1] else path, content))
    if not out:
        raise ValueError("the ZIM archive holds no article")
    return out


def _mime_types(data: bytes, at: int) -> list[str]:
    """The archive's MIME type list: zero-terminated strings ending with an empty one."""
    out = []
    while name := _string(data, at):
        out.append(name)
        at += len(name) + 1
    return out


def _string(data: bytes, at: int) -> str:
    """A zero-terminated UTF-8 string at ``at`` (a MIME type, a path)."""
    end = data.find(b"\0", at)
    if end < 0:
        raise ValueError(f"a name at byte {at} runs past the end of the file")
    return data[at:end].decode("utf-8")


def _entry(data: bytes, at: int) -> tuple[int, str, str, int, int]:
    """A directory entry: (MIME index, namespace, path, cluster, blob); a redirect's cluster and
    blob are 0 (it is skipped by its MIME index)."""
    mime, _, namespace = struct.unpack_from("<HBc", data, at)  # (the parameters' length: unread)
    fields = at + 8 + (4 if mime in _NOT_CONTENT else 8)
    cluster, blob = (0, 0) if mime in _NOT_CONTENT else struct.unpack_from("<II", data, at + 8)
    path = _string(data, fields)
    return mime, namespace.decode("ascii"), path, cluster, blob


def _blobs(cluster: bytes) -> list[bytes]:
    """A cluster's blobs: its body unpacked (xz or Zstandard, at most :data:`PART_MAX`), then
    split at the offsets it opens with (4 bytes each, 8 in an extended cluster)."""
    info, body = cluster[0], cluster[1:]
    compression = info & 0x0F
    if compression == _XZ:
        body = lzma.LZMADecompressor().decompress(body, PART_MAX + 1)
    elif compression == _ZSTD:
        body = zstd_unpacked(body, "a ZIM cluster")
    elif compression not in _NONE:
        raise ValueError(f"a cluster compressed with method {compression}, which ZIM no longer uses")
    if len(body) > PART_MAX:
        raise ValueError(f"a cluster unpacks to more than {PART_MAX // 2**20} MB")
    width = 8 if info & _EXTENDED else 4
    code = "<Q" if width == 8 else "<I"
    count = struct.unpack_from(code, body, 0)[0] // width
    offsets = [struct.unpack_from(code, body, width * n)[0] for n in range(count)]
    return [body[start:end] for start, end in itertools.pairwise(offsets)]
