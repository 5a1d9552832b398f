"""Packages and disk images that hold a folder of pages, read as an archive is
(:func:`casegraph.ingest.sources` reads each member as the file it is):

- a Debian package (``.deb``: a partnership's kiosk of review summaries, built by dpkg-deb),
  an ``ar`` archive whose ``data.tar`` holds the files it installs;
- a cpio archive (``.cpio``: a records transfer, GNU cpio's "newc" or portable "odc" format);
- an EnCase (Expert Witness) disk image (``.E01``: a records office's capture of a USB stick or
  floppy), its chunks read by dissect.evidence, then the disk's FAT volume or ISO 9660 disc;
- a SquashFS image (``.squashfs``: an offline learning library), read by dissect.squashfs;
- a Windows image (``.wim``: a Trust's capture of a shared folder), by :mod:`casegraph.ingest.wim`;
- (session 88) an ``ar`` archive that is no Debian package (``.a``: a kiosk's bundle of pages);
- (session 88) an RPM package (``.rpm``: a kiosk's summaries, built by rpmbuild): its lead and
  two headers skipped by their sizes, its payload (a cpio archive, compressed) read as one;
- (session 88) a shell archive (``.shar``: GNU sharutils' or a plain one, a newsletter's files
  e-mailed as one script): each here-document that writes a file, its "X" line marks taken off;
- (session 88) a Windows Installer package (``.msi``: a partnership's installer of summaries for
  its laptops, made by wixl or WiX): the cabinet in its Compound File, each file read as its
  bytes say (the File table's names are not decoded; "F1" is read as text or HTML);
- (session 88) a virtual machine's disk (``.qcow2``, ``.vmdk``, ``.vhd``, ``.vhdx``: a
  training laptop's shared drive), read by dissect.hypervisor, then its FAT volume or ISO disc.

Why libraries for two and by hand for two (session 87, DECISIONS 131): ``ar`` is 60-byte
headers and cpio's two ASCII formats are 110- and 76-byte headers, a few lines each; EWF's
sections, tables and compressed chunks and SquashFS's metadata blocks, inode and directory
tables and fragments (with five compressors) are formats of their own, which Fox-IT's dissect
modules read in pure Python and keep (released in 2026).
"""

from __future__ import annotations

import io
import lzma
import re
import struct
import zlib
from collections.abc import Iterator
from typing import Any

from casegraph.ingest.binaries import PART_MAX, damaged
from casegraph.ingest.fatdisk import fat_members, is_fat
from casegraph.ingest.packages import DISC_MAGIC, DISC_MAGIC_AT, disc_members, tarred_members
from casegraph.ingest.wim import WIM_SUFFIXES, is_wim, wim_members

DEB_SUFFIXES = {".deb", ".udeb"}
CPIO_SUFFIXES = {".cpio"}
EWF_SUFFIXES = {".e01"}
SQUASHFS_SUFFIXES = {".squashfs", ".sqsh"}
AR_SUFFIXES = {".a", ".ar"}
RPM_SUFFIXES = {".rpm"}
VIRTUAL_DISK_SUFFIXES = {".qcow2", ".vmdk", ".vhd", ".vhdx"}
SHAR_SUFFIXES = {".shar"}
MSI_SUFFIXES = {".msi"}
CONTAINER_SUFFIXES = (DEB_SUFFIXES | CPIO_SUFFIXES | EWF_SUFFIXES | SQUASHFS_SUFFIXES | WIM_SUFFIXES
                      | AR_SUFFIXES | RPM_SUFFIXES | VIRTUAL_DISK_SUFFIXES | SHAR_SUFFIXES | MSI_SUFFIXES)

AR_MAGIC = b"!<arch>\n"
_AR_HEADER = 60  # name 16, date 12, owner 6, group 6, mode 8, size 10, "`\n"
#: cpio's ASCII formats: "newc" (and "crc", its checksummed twin) in hexadecimal, "odc" in octal.
CPIO_MAGICS = (b"070701", b"070702", b"070707")
_NEWC_HEADER, _ODC_HEADER = 110, 76
_CPIO_TRAILER = "TRAILER!!!"
_REGULAR, _FILE_TYPE = 0o100000, 0o170000
EWF_MAGIC = b"EVF\x09\x0d\x0a\xff\x00"
SQUASHFS_MAGIC = b"hsqs"
#: An RPM package's lead, and each of its headers' first bytes (magic, version 1, 4 reserved).
RPM_MAGIC = b"\xed\xab\xee\xdb"
_RPM_LEAD, _RPM_HEADER_MAGIC = 96, b"\x8e\xad\xe8\x01"
#: A virtual disk's first bytes, by the dissect.hypervisor class that reads it: QEMU's qcow2,
#: VMware's sparse extent ("KDMV"), Hyper-V's VHDX (VirtualBox's VDI is not read: dissect's
#: class for it opens differently, and no page here has one to test it on).
#: A fixed VHD's footer is at its end ("conectix"); a dynamic one has a copy at its start.
_VIRTUAL_DISKS = ((b"QFI\xfb", "qcow2"), (b"KDMV", "vmdk"), (b"vhdxfile", "vhdx"), (b"conectix", "vhd"))


def container_kind(data: bytes, suffix: str) -> str | None:
    """The kind of package or image a file is, by its first bytes, then its suffix; else None."""
    if (data.startswith(AR_MAGIC) and data[8:24].startswith(b"debian-binary")) or suffix in DEB_SUFFIXES:
        return "Debian package"
    if data.startswith(CPIO_MAGICS) or suffix in CPIO_SUFFIXES:
        return "cpio archive"
    if data.startswith(EWF_MAGIC) or suffix in EWF_SUFFIXES:
        return "EnCase disk image"
    if data.startswith(SQUASHFS_MAGIC) or suffix in SQUASHFS_SUFFIXES:
        return "SquashFS image"
    if is_wim(data) or suffix in WIM_SUFFIXES:
        return "Windows image"
    if data.startswith(AR_MAGIC) or suffix in AR_SUFFIXES:
        return "ar archive"  # (a Debian package is one too, known above by its debian-binary)
    if data.startswith(RPM_MAGIC) or suffix in RPM_SUFFIXES:
        return "RPM package"
    if _virtual_disk(data) or suffix in VIRTUAL_DISK_SUFFIXES:
        return "virtual disk image"
    if suffix in SHAR_SUFFIXES or (data.startswith(b"#!") and b"shell archive" in data[:300]):
        return "shell archive"
    if suffix in MSI_SUFFIXES:
        return "Windows Installer package"
    return None


def container_members(data: bytes, kind: str) -> list[tuple[str, bytes]]:
    """The files of a package or image of ``kind`` (:func:`container_kind`) as (path, bytes)."""
    reader = {"Debian package": deb_members, "cpio archive": cpio_members,
              "EnCase disk image": ewf_members, "SquashFS image": squashfs_members,
              "Windows image": wim_members, "ar archive": ar_members, "RPM package": rpm_members,
              "virtual disk image": virtual_disk_members, "shell archive": shar_members,
              "Windows Installer package": msi_members}[kind]
    return reader(data)


#: Each kind's media type and the name of its packing, for the source a build records.
CONTAINER_MEDIA = {"Debian package": ("application/vnd.debian.binary-package", "deb"),
                   "cpio archive": ("application/x-cpio", "cpio"),
                   "EnCase disk image": ("application/x-ewf", "ewf"),
                   "SquashFS image": ("application/x-squashfs", "squashfs"),
                   "Windows image": ("application/x-ms-wim", "wim"),
                   "ar archive": ("application/x-archive", "ar"),
                   "RPM package": ("application/x-rpm", "rpm"),
                   "virtual disk image": ("application/x-virtual-disk", "virtual disk"),
                   "shell archive": ("application/x-shar", "shar"),
                   "Windows Installer package": ("application/x-msi", "msi")}


# ------------------------------------------------------------------------- Debian package
def deb_members(data: bytes) -> list[tuple[str, bytes]]:
    """A Debian package's installed files (its ``data.tar``, of any compression), as a tar's
    members are given; the control files (scripts, checksums) are the packager's."""
    for name, body in _ar_members(data):
        if name.startswith("data.tar"):
            return [(path.removeprefix("./"), content) for path, content in tarred_members(body, name)]
    raise ValueError("a Debian package with no data.tar (it installs no file)")


def _ar_members(data: bytes) -> list[tuple[str, bytes]]:
    """An ``ar`` archive's members: each a 60-byte header (its size in decimal) and its bytes,
    padded to an even length."""
    if not data.startswith(AR_MAGIC):
        raise ValueError("not an ar archive (no '!<arch>' signature)")
    out, at = [], len(AR_MAGIC)
    while at + _AR_HEADER <= len(data):
        header = data[at:at + _AR_HEADER]
        size = header[48:58].strip()
        if header[58:60] != b"`\n" or not size.isdigit():
            raise ValueError(f"damaged ar archive (no member header at byte {at:,})")
        start, end = at + _AR_HEADER, at + _AR_HEADER + int(size)
        if end > len(data):
            raise ValueError(f"damaged ar archive (a member runs past its end at byte {at:,})")
        out.append((header[:16].decode("ascii", "replace").strip().rstrip("/"), data[start:end]))
        at = end + (end & 1)
    return out


def ar_members(data: bytes) -> list[tuple[str, bytes]]:
    """(session 88) An ``ar`` archive's files, its symbol tables (GNU's "/" and "//", BSD's
    "__.SYMDEF") left out: they index object code, and are no files of the archive's own."""
    return [(name, body) for name, body in _ar_members(data)
            if name and not name.startswith(("/", "__.SYMDEF"))]


# ------------------------------------------------------------------------------------ RPM
def rpm_members(data: bytes) -> list[tuple[str, bytes]]:
    """(session 88) An RPM package's files: the payload after its 96-byte lead and its two
    headers (signature, then main; each a 16-byte intro giving its count of 16-byte index
    entries and the size of its data, the signature's padded to 8 bytes) is a cpio archive,
    compressed as its header says (gzip, xz, zstd, bzip2), read as one.  By hand: the layout is
    three sizes to skip, and the payload what casegraph unpacks already (rpmfile would add a
    dependency to do the same)."""
    if not data.startswith(RPM_MAGIC):
        raise ValueError("not an RPM package (no lead signature)")
    at = _RPM_LEAD
    for padded in (True, False):
        if data[at:at + 4] != _RPM_HEADER_MAGIC or at + 16 > len(data):
            raise ValueError(f"damaged RPM package (no header at byte {at:,})")
        entries, store = struct.unpack(">II", data[at + 8:at + 16])
        at += 16 + 16 * entries + store
        at += (-at % 8) if padded else 0
    if at >= len(data):
        raise ValueError("damaged RPM package (it ends before its payload)")
    payload = data[at:]
    if not payload.startswith(CPIO_MAGICS):  # (a lone compressed file: its one member's bytes)
        payload = tarred_members(payload, "payload.cpio.gz")[0][1]
    return cpio_members(payload)


# ------------------------------------------------------------------------- shell archive
#: A here-document that writes a file: ``sed 's/^X//' << 'SHAR_EOF' > 'notes.txt' &&`` (GNU
#: sharutils, each line marked "X"), or ``cat << \EOF > notes.txt`` (a plain shar).
_SHAR_FILE = re.compile(r"^\s*(?P<cmd>sed\s+(?:-e\s+)?'s/\^(?P<mark>[^/]{1,2})//'|cat)"
                        r"\s+<<\s*\\?'?(?P<end>\w+)'?"
                        r"\s*>\s*'?(?P<name>[^'&|;\n]+?)'?\s*(?:&&)?\s*$", re.M)


def shar_members(data: bytes) -> list[tuple[str, bytes]]:
    """(session 88) A shell archive's files, each the here-document that writes it, without the
    mark sharutils puts before each line; nothing is run.  A file packed uuencoded (a binary)
    is no text, and is left out."""
    text = data.decode("utf-8", "replace")
    out: list[tuple[str, bytes]] = []
    for m in _SHAR_FILE.finditer(text):
        body_at = m.end() + 1
        end = re.compile(rf"^{re.escape(m['end'])}$", re.M).search(text, body_at)
        if end is None:
            raise ValueError(f"damaged shell archive ({m['name']}'s text has no end line {m['end']})")
        lines = text[body_at:end.start()].splitlines(keepends=True)
        if m["mark"]:
            lines = [line.removeprefix(m["mark"]) for line in lines]
        out.append((m["name"].strip(), "".join(lines).encode("utf-8")))
    if not out:
        raise ValueError("a shell archive that writes no file (no here-document into a file)")
    return out


# ------------------------------------------------------------------------ Windows Installer
def msi_members(data: bytes) -> list[tuple[str, bytes]]:
    """(session 88) A Windows Installer package's files: the cabinets among its Compound File's
    streams (wixl and WiX embed one), each file named by its File table key ("F1") and given
    the suffix its bytes show: ".html" for markup, ".txt" for text; anything else (a program,
    an icon) is left out.  The File table's long names are not decoded: they live in the
    string pool of a database format of its own, which no kept Python library reads."""
    import olefile

    from casegraph.ingest.packages import CAB_MAGIC, cab_members

    if not data.startswith(olefile.MAGIC):
        raise ValueError("not a Windows Installer package (no Compound File header)")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = [ole.openstream(entry).read() for entry in ole.listdir()]
    except (OSError, struct.error, IndexError, ValueError) as exc:
        raise damaged("Windows Installer package", exc) from None
    cabinets = [s for s in streams if s.startswith(CAB_MAGIC)]
    if not cabinets:
        raise ValueError("a Windows Installer package that holds no cabinet of files")
    out = []
    for cabinet in cabinets:
        for name, content in cab_members(cabinet):
            if (suffix := _sniffed_suffix(content)) is not None:
                out.append((name + suffix if "." not in name else name, content))
    return out


def _sniffed_suffix(content: bytes) -> str | None:
    """".html" or ".txt" for a file of markup or text with no name to say so, else None."""
    head = content[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"\0" in content[:4000]:
        return None
    if re.match(rb"(?i)<(?:!doctype\s+html|html|head|body|p|h[1-6]|div)\b", head):
        return ".html"
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return ".txt" if all(b >= 0x20 or b in b"\t\r\n\f" for b in head) else None
    return ".txt"


# ---------------------------------------------------------------------------- virtual disk
def _virtual_disk(data: bytes) -> str | None:
    """Which virtual disk a file's first bytes show, or None."""
    return next((kind for magic, kind in _VIRTUAL_DISKS if data.startswith(magic)), None)


def virtual_disk_members(data: bytes) -> list[tuple[str, bytes]]:
    """(session 88) A virtual machine's disk (qcow2, VMware or Hyper-V): the disk it
    holds, at most :data:`PART_MAX` bytes (its size read first), then that disk's FAT volume or
    ISO 9660 disc read as its image file would be.  Each format's cluster or grain tables are
    dissect.hypervisor's (Fox-IT's, as for EnCase images)."""
    from dissect.hypervisor.disk import qcow2, vhd, vhdx, vmdk
    from dissect.hypervisor.exceptions import Error as DissectError

    kind = _virtual_disk(data) or ("vhd" if data[-512:].startswith(b"conectix") else None)
    reader: Any = {"qcow2": lambda fh: qcow2.QCow2(fh).open(), "vmdk": vmdk.VMDK, "vhdx": vhdx.VHDX,
                   "vhd": vhd.VHD}.get(kind or "")
    if reader is None:
        raise ValueError("not a virtual disk casegraph reads (qcow2, VMDK sparse extent, VHD, VHDX)")
    try:
        disk = reader(io.BytesIO(data))
        size = int(disk.size)
    except (DissectError, *_DISSECT_ERRORS) as exc:
        raise damaged(f"{kind} disk image", exc) from None
    if size > PART_MAX:
        raise ValueError(f"it holds a disk of {size // 2**20} MB, more than casegraph reads")
    try:
        raw = disk.read(size)
    except (DissectError, *_DISSECT_ERRORS) as exc:
        raise damaged(f"{kind} disk image", exc) from None
    # (a cut or damaged sparse image reads as zeros where its grains are gone: say so)
    return _volume_files(raw, f"a {kind} disk", " or its image is cut short or damaged")


def _volume_files(disk: bytes, what: str, also: str = "") -> list[tuple[str, bytes]]:
    """A captured disk's files: its FAT volume's or ISO 9660 disc's; ``also`` names another
    reason there is neither."""
    if is_fat(disk):
        return fat_members(disk)
    if disk[DISC_MAGIC_AT:DISC_MAGIC_AT + len(DISC_MAGIC)] == DISC_MAGIC:
        return disc_members(disk)
    raise ValueError(f"{what} casegraph does not read (only a FAT volume or an ISO 9660 disc, not a "
                     f"partitioned disk{';' + also if also else ''})")


# ---------------------------------------------------------------------------------- cpio
def cpio_members(data: bytes) -> list[tuple[str, bytes]]:
    """A cpio archive's regular files as (path, bytes), in its order, to its trailer; all of
    them at most :data:`PART_MAX` bytes.  The old binary format is refused by name."""
    out, at, total = [], 0, 0
    while True:
        name, mode, size, start = _cpio_header(data, at)
        if name == _CPIO_TRAILER:
            break
        end = start + size
        if end > len(data):
            raise ValueError(f"damaged cpio archive ({name!r} is cut short)")
        total += size
        if total > PART_MAX:
            raise ValueError(f"its files come to more than {PART_MAX // 2**20} MB")
        if mode & _FILE_TYPE == _REGULAR and size:
            out.append((name.removeprefix("./"), data[start:end]))
        at = end + (-end % 4 if data[:6] != b"070707" else 0)
    if not out:
        raise ValueError("the cpio archive holds no file")
    return out


def _cpio_header(data: bytes, at: int) -> tuple[str, int, int, int]:
    """The header at ``at``: the member's name, mode, size and where its bytes start (newc
    pads its header and name to four bytes; odc does not pad)."""
    magic = data[at:at + 6]
    if magic in (b"070701", b"070702"):
        fields = [_cpio_number(data, at + 6 + 8 * k, 8, 16) for k in range(13)]
        mode, size, length = fields[1], fields[6], fields[11]
        name_at = at + _NEWC_HEADER
        start = name_at + length + (-(name_at + length) % 4)
    elif magic == b"070707":
        mode, length, size = (_cpio_number(data, at + 18, 6, 8), _cpio_number(data, at + 59, 6, 8),
                              _cpio_number(data, at + 65, 11, 8))
        name_at = at + _ODC_HEADER
        start = name_at + length
    elif data[at:at + 2] in (b"\xc7\x71", b"\x71\xc7"):
        raise ValueError("a cpio archive in the old binary format, which casegraph does not read "
                         "(only newc and odc)")
    else:
        raise ValueError(f"damaged cpio archive (no header at byte {at:,})")
    name = data[name_at:name_at + length].rstrip(b"\0").decode("utf-8", "replace")
    return name, mode, size, start


def _cpio_number(data: bytes, at: int, width: int, base: int) -> int:
    """A header's field: ``width`` digits in ``base`` at ``at``."""
    raw = data[at:at + width]
    try:
        if len(raw) == width:
            return int(raw, base)
    except ValueError:
        pass
    raise ValueError(f"damaged cpio archive (a header field at byte {at:,} is no number)")


# ----------------------------------------------------------------------- EnCase disk image
#: What dissect's readers raise for a damaged image: its own errors and the ones of the
#: structures and streams it reads.
_DISSECT_ERRORS = (EOFError, ValueError, KeyError, IndexError, OSError, struct.error, zlib.error,
                   lzma.LZMAError, NotImplementedError, TypeError, AttributeError, OverflowError)
#: A SquashFS image's folders are walked at most this deep (a damaged tree may loop).
_MAX_DEPTH = 64


def ewf_members(data: bytes) -> list[tuple[str, bytes]]:
    """An EnCase image's files: the disk it captured (at most :data:`PART_MAX` bytes, as its
    volume section says before anything is read), then that disk's FAT volume or ISO 9660
    disc read as its image file would be.  An image in several segments (``.E02`` ...) is
    refused: its other parts are other files."""
    from dissect.evidence import ewf
    from dissect.evidence.exception import Error as DissectError

    if not data.startswith(EWF_MAGIC):
        raise ValueError("not an EnCase image (no 'EVF' signature)")
    try:
        image = ewf.EWF([io.BytesIO(data)])
        size = image.size
    except (DissectError, *_DISSECT_ERRORS) as exc:
        raise damaged("EnCase image", exc) from None
    if size > PART_MAX:
        raise ValueError(f"it captures a disk of {size // 2**20} MB, more than casegraph reads")
    try:
        disk = image.open().read(size)
    except (DissectError, *_DISSECT_ERRORS) as exc:
        raise damaged("EnCase image", exc) from None
    return _volume_files(disk, "an EnCase image of a disk")


# -------------------------------------------------------------------------------- SquashFS
def squashfs_members(data: bytes) -> list[tuple[str, bytes]]:
    """A SquashFS image's regular files as (path, bytes), folder by folder in its directories'
    order; all of them at most :data:`PART_MAX` bytes (their sizes are the inodes', summed
    before any is read)."""
    from dissect.squashfs import SquashFS
    from dissect.squashfs.exceptions import Error as DissectError

    if not data.startswith(SQUASHFS_MAGIC):
        raise ValueError("not a SquashFS image (no 'hsqs' signature: a big-endian or pre-4.0 image?)")
    try:
        files = list(_squashfs_files(SquashFS(io.BytesIO(data)).get("/"), "", 0))
    except (DissectError, *_DISSECT_ERRORS) as exc:
        raise damaged("SquashFS image", exc) from None
    if sum(node.size for _, node in files) > PART_MAX:
        raise ValueError(f"its files come to more than {PART_MAX // 2**20} MB, more than casegraph reads")
    try:
        out = [(path, node.open().read(node.size)) for path, node in files]
    except (DissectError, *_DISSECT_ERRORS) as exc:
        raise damaged("SquashFS image", exc) from None
    if not out:
        raise ValueError("the SquashFS image holds no file")
    return out


def _squashfs_files(folder: Any, path: str, depth: int) -> Iterator[tuple[str, Any]]:
    """The files with bytes under ``folder`` (a dissect inode), each folder's in its listing's
    order, a sub-folder's where it is listed."""
    if depth > _MAX_DEPTH:
        raise ValueError("its folders nest too deep (a damaged directory table?)")
    for node in folder.iterdir():
        name = f"{path}{node.name}"
        if node.is_dir():
            yield from _squashfs_files(node, name + "/", depth + 1)
        elif node.is_file() and node.size:
            yield name, node
