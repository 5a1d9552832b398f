"""Files that carry pages inside them: an Outlook message, a web archive collection (WACZ), a
Moodle course backup, an IMS Common Cartridge, a Mozilla archive (MAFF), an XMind mind map, a
Gnumeric workbook, a KMZ map, a REFI-QDA project archive (``.qdpx``), an EPUB e-book, a zip
archive of pages and (session 70) a signed file (``.p7m``) around the one file it signs.

A safeguarding lead forwards a learning briefing as an Outlook ``.msg``; a board archives its
review pages with ArchiveWeb.page and shares the ``.wacz``; a trainer's Moodle page holds two
review summaries and is handed on as a backup (``.mbz``).  Each is a package around the page: a
compound file of MAPI properties, a zip around WARC files, a tar of XML with the page's HTML
escaped inside.  These functions take the page out (an e-mail's text, the archive's WARC
records, the course's HTML), and :func:`casegraph.ingest.sources.read_source` reads it as it
reads any e-mail, web archive or saved page.  A file that cannot be read raises ValueError with
the reason, which ``read_source`` turns into a one-line error naming the file.

Why olefile for ``.msg`` (DECISIONS 96): an Outlook message is a Compound File Binary (FAT
chains, a mini stream, a directory tree); olefile is the maintained pure-Python reader of that
container, while the MAPI properties inside are a handful of named streams read here.  Why the
standard library's zipfile, tarfile and gzip for the rest: they are zips, tars and gzip
streams (an XMind map is a zip around its ``content.json``, a Gnumeric workbook gzipped XML).
"""

from __future__ import annotations

import bz2
import calendar
import codecs
import datetime
import email.message
import email.policy
import email.utils
import gzip
import io
import json
import lzma
import posixpath
import re
import struct
import tarfile
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from html import escape, unescape
from typing import IO
from urllib.parse import unquote

import olefile

from casegraph.core.errors import one_line
from casegraph.ingest.arj import ARJ_SUFFIXES
from casegraph.ingest.binaries import (
    PART_MAX,
    at_most_a_part,
    damaged,
    declares_entities,
    package_member,
    refuse_declarations,
    tar_members,
    utf8_else,
    zstd_unpacked,
)
from casegraph.ingest.fatdisk import FAT_SUFFIXES
from casegraph.ingest.interchange import local_name
from casegraph.ingest.lha import LHA_SUFFIXES
from casegraph.ingest.zim import ZIM_SUFFIXES

MSG_SUFFIXES = {".msg"}
WACZ_SUFFIXES = {".wacz"}
MOODLE_SUFFIXES = {".mbz"}
XMIND_SUFFIXES = {".xmind"}
GNUMERIC_SUFFIXES = {".gnumeric"}
#: An IMS Common Cartridge (a course exported from Canvas, Blackboard, Moodle or Brightspace).
CARTRIDGE_SUFFIXES = {".imscc"}
#: A Mozilla Archive Format file: pages saved by Firefox's MAF add-on, one folder a page.
MAFF_SUFFIXES = {".maff"}
#: A map's places zipped (Google My Maps' "Download KML", Google Earth's saved places): a zip
#: around one KML document (``doc.kml``) and its icons.
KMZ_SUFFIXES = {".kmz"}
#: A qualitative-analysis project exchanged as REFI-QDA's ``.qdpx`` (NVivo, ATLAS.ti, MAXQDA): a
#: zip around ``project.qde`` and the source texts it codes (``Sources/``).
QDPX_SUFFIXES = {".qdpx"}
#: An InDesign Markup Language package (``.idml``: a designer's layout of an annual report or a
#: briefing, saved for translation or for an older InDesign): a zip of XML stories and spreads.
IDML_SUFFIXES = {".idml"}
#: An H5P package (``.h5p``: e-learning exported from Moodle, WordPress, Drupal or h5p.com): a
#: zip around ``h5p.json``, the activity's ``content/content.json`` and the player's libraries.
H5P_SUFFIXES = {".h5p"}
#: An EPUB e-book (EPUB 2 or 3): a zip of XHTML chapters in the order its package document says.
EPUB_SUFFIXES = {".epub"}
#: A Kindle e-book in the Mobipocket format (``.mobi``, ``.azw``), or in its successor KF8
#: (``.azw3``, session 63: calibre's default Kindle output): a Palm database whose text records
#: hold the book's HTML, PalmDOC-compressed (:func:`mobi_html`).
MOBI_SUFFIXES = {".mobi", ".azw", ".azw3"}
#: (session 75) calibre's HTMLZ e-book (``.htmlz``: a board's practice learning pack converted for
#: e-readers): a zip around one ``index.html``, its stylesheet and images, and a ``metadata.opf``.
HTMLZ_SUFFIXES = {".htmlz"}
#: (session 76) calibre's TXTZ e-book (``.txtz``: a partnership's digest for e-readers): a zip around
#: its text (``index.txt``), whose ``metadata.opf`` says how the text is marked up.
TXTZ_SUFFIXES = {".txtz"}
#: (session 78) calibre's PMLZ e-book (``.pmlz``: a board's training handout made an eReader
#: book): a zip around its text in Palm Markup Language (``index.pml``) and its images.
PMLZ_SUFFIXES = {".pmlz"}
#: (session 72) A Palm database e-book (``.pdb``, ``.prc``): a PalmDOC's plain text or a
#: Mobipocket book, told apart by the database's type (:func:`palm_book_page`).
PALM_SUFFIXES = {".pdb", ".prc"}
#: (session 81) A Rocket eBook (``.rb``: NuvoMedia's reader of 1998, a library's e-reader
#: edition of an old digest; calibre still writes one): a table of contents of named parts,
#: each an HTML page, an image, or the book's "info" page of KEY=value lines.
ROCKET_SUFFIXES = {".rb"}
#: (session 82) A Psion TCR e-text (``.tcr``: a library's pocket edition of old summaries for a
#: Psion organiser; calibre still writes one): plain text packed with a dictionary.
TCR_SUFFIXES = {".tcr"}
#: A zip archive of pages (session 61): a notes app's or wiki's export (Notion's "Export >
#: Markdown & CSV", a Confluence space), a folder of briefings zipped to be e-mailed.  Its
#: members are read as the files they are (:func:`archive_members`); not a package of one
#: format, so not among PACKAGE_SUFFIXES, whose readers take the bytes.
#: A 7-Zip archive (session 62: a web team's copy of a board's pages, packed with 7-Zip's
#: default LZMA2) is read the same way (:func:`sevenzip_members`).
#: A tar archive (session 63: a board's site repository as ``git archive --format=tar.gz``
#: writes it, a folder packed on Linux), plain or compressed with gzip, bzip2 or xz, and one
#: file compressed alone (``briefing.html.gz``) are read the same way too
#: (:func:`tarred_members`): a lone compressed file is an archive of one member.
#: (session 69) Zstandard too (``tar --zstd``: a partnership website's content backup).
#: (session 77) lzip too (``tar --lzip``: a county archive's BagIt bag).
TAR_SUFFIXES = {".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tzst", ".tlz"}
#: (session 88) LZ4 (``.lz4``: a web team's newsletter compressed for a backup) and Unix
#: compress (``.Z``: an old system's summaries) too.
COMPRESSED_SUFFIXES = {".gz", ".bz2", ".xz", ".zst", ".lz", ".lz4", ".z"}
#: (session 64) A CD-ROM's or DVD's image (ISO 9660, with Joliet's or Rock Ridge's long names:
#: a board's training disc of reviews, burnt in 2013) is read the same way too
#: (:func:`disc_members`).
DISC_SUFFIXES = {".iso"}
#: (session 70) A floppy or other FAT disk image (``.img``: a 2004 ACPC archive disk of Part 8
#: executive summaries) and an openZIM archive (``.zim``: a committee's offline practice
#: library) are read the same way too (:mod:`casegraph.ingest.fatdisk`, :mod:`casegraph.ingest.zim`).
#: (session 70) An S/MIME or CAdES signed file (``.p7m``: a partnership's signed notice to partners,
#: a signed PDF) is an archive of the one file it signs (:func:`signed_members`).
SIGNED_SUFFIXES = {".p7m"}
#: (session 71) An ARJ archive (``.arj``: an ACPC archive disk of Part 8 summaries packed on DOS)
#: too (:mod:`casegraph.ingest.arj`), and (session 86) an LHA archive (``.lzh``: the same kind of
#: disk packed by LHA, :mod:`casegraph.ingest.lha`).
#: (session 87) A Microsoft Cabinet (``.cab``: a safeguarding board's publication pack of review
#: summaries, made by gcab or makecab) too (:func:`cab_members`).
CAB_SUFFIXES = {".cab"}
CAB_MAGIC = b"MSCF\0\0\0\0"
#: (session 88) Packages that are zip archives under another name: a Java archive (``.jar``: an
#: app's JavaHelp pages), a Python wheel (``.whl``: a package whose data files are summaries), a
#: NuGet package (``.nupkg``: a learning library's content): their members read as a zip's.
ZIP_PACKAGE_SUFFIXES = {".jar", ".whl", ".nupkg"}
ARCHIVE_SUFFIXES = ({".zip", ".7z"} | ZIP_PACKAGE_SUFFIXES | TAR_SUFFIXES | COMPRESSED_SUFFIXES
                    | DISC_SUFFIXES | FAT_SUFFIXES
                    | ZIM_SUFFIXES | SIGNED_SUFFIXES | ARJ_SUFFIXES | LHA_SUFFIXES | CAB_SUFFIXES)
#: An ISO 9660 image's primary volume descriptor: "CD001" at byte 32769 (after 16 sectors of
#: system area), whatever the file's name.
DISC_MAGIC_AT, DISC_MAGIC = 32769, b"CD001"
#: A 7-Zip archive's first bytes, whatever its name.
SEVENZIP_MAGIC = b"7z\xbc\xaf\x27\x1c"
#: (session 72) A zip archive's first bytes: a local file header, an empty archive's end record or
#: a split archive's marker.  "PK" alone is not enough: a tar starts with its first member's
#: name, and a Perth and Kinross CPC's "PKC-..." folder made one look like a zip.
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: (session 83) A KWord 1.x document (publishing.kword_html): KOffice keeps its ``maindoc.xml`` in
#: a gzipped tar (KOffice 1.0 to 1.3) or a zip (1.4 on); AbiWord's exporter writes it bare.
KWORD_SUFFIXES = {".kwd"}
#: (session 83) AbiWord's own document compressed (``.zabw`` gzip, ``.bzabw`` bzip2) or saved as
#: a template (``.awt``): the same XML as an ``.abw``, read by publishing.abiword_html.
ABIWORD_PACKED_SUFFIXES = {".zabw", ".bzabw", ".awt"}
#: (session 87) A comic book archive (``.cbz``: a partnership's comic-strip learning briefing,
#: kept in a comics reader's library): a zip of page pictures whose words a reader's library
#: shows from ``ComicInfo.xml`` (the ComicRack schema that ComicTagger, Komga and Kavita write)
#: or, from older taggers, from ComicBookInfo JSON in the zip's comment (:func:`comic_text`).
#: The pictures are never read.
CBZ_SUFFIXES = {".cbz"}
PACKAGE_SUFFIXES = (MSG_SUFFIXES | WACZ_SUFFIXES | MOODLE_SUFFIXES | XMIND_SUFFIXES | GNUMERIC_SUFFIXES
                    | CARTRIDGE_SUFFIXES | KMZ_SUFFIXES | QDPX_SUFFIXES | IDML_SUFFIXES | H5P_SUFFIXES
                    | EPUB_SUFFIXES | MOBI_SUFFIXES | PALM_SUFFIXES | HTMLZ_SUFFIXES | TXTZ_SUFFIXES
                    | PMLZ_SUFFIXES | ROCKET_SUFFIXES | TCR_SUFFIXES | KWORD_SUFFIXES
                    | ABIWORD_PACKED_SUFFIXES | CBZ_SUFFIXES)

#: What reading a damaged zip package raises: a bad archive, a cut stream, a compression
#: zipfile lacks (NotImplementedError), an encrypted member (RuntimeError), and the XML inside
#: that is not well formed.
_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError, ET.ParseError)

#: The MAPI properties an e-mail page shows: (property id, header) for the string ones.
_MSG_HEADERS = ((0x0C1A, "From"), (0x0E04, "To"), (0x0E03, "Cc"), (0x0037, "Subject"))
#: PR_CLIENT_SUBMIT_TIME, then PR_MESSAGE_DELIVERY_TIME: when the message was sent.
_MSG_TIMES = (0x0039, 0x0E06)


def is_msg(data: bytes) -> bool:
    """Whether a file's bytes are a Compound File holding an Outlook message."""
    return data.startswith(olefile.MAGIC) and "__substg1.0_".encode("utf-16-le") in data


# ------------------------------------------------------------------------------ Outlook .msg
def msg_email(data: bytes) -> str:
    """An Outlook message (``.msg``) as an RFC 5322 message: its sender, recipients, subject,
    sent time and text body (the HTML body where it has no text one), for the e-mail reader.
    Attachments and the compressed RTF body are not read (a message saved by Outlook carries
    its text body too)."""
    if not data.startswith(olefile.MAGIC):
        raise ValueError("not an Outlook message (no Compound File header)")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return _msg_as_email(ole)
    except (OSError, struct.error, IndexError, UnicodeDecodeError) as exc:
        raise ValueError(f"damaged Outlook message ({type(exc).__name__}: {exc})"[:300]) from None


def _msg_as_email(ole: olefile.OleFileIO) -> str:
    message = email.message.EmailMessage(policy=email.policy.default)
    for prop, header in _MSG_HEADERS:
        if value := _msg_string(ole, prop):
            message[header] = value.replace("\r", " ").replace("\n", " ")
    if sent := _msg_time(ole):
        message["Date"] = email.utils.format_datetime(sent)
    text, html = _msg_string(ole, 0x1000), _msg_html(ole)
    if not text and not html:
        raise ValueError("the message has no text or HTML body (only Outlook's compressed RTF, "
                         "which casegraph does not read): save it as .eml or .txt")
    if text:
        message.set_content(text.replace("\r\n", "\n"))
    else:
        message.set_content(html, subtype="html")
    return message.as_string()


def _msg_string(ole: olefile.OleFileIO, prop: int) -> str:
    """A string property of the message: its Unicode stream (``001F``), else its 8-bit one."""
    for kind, codec in (("001F", "utf-16-le"), ("001E", "cp1252")):
        name = f"__substg1.0_{prop:04X}{kind}"
        if ole.exists(name):
            return ole.openstream(name).read().decode(codec).rstrip("\0").strip()
    return ""


def _msg_html(ole: olefile.OleFileIO) -> str:
    for name in ("__substg1.0_1013001F", "__substg1.0_10130102"):
        if ole.exists(name):
            raw = ole.openstream(name).read()
            return raw.decode("utf-16-le" if name.endswith("1F") else "utf-8", "replace").rstrip("\0")
    return ""


def _msg_time(ole: olefile.OleFileIO) -> datetime.datetime | None:
    """The sent (or delivered) time from the fixed-size properties: a FILETIME, in 100 ns
    intervals since 1601.  The top-level properties stream has a 32-byte header, then one
    16-byte entry a property (type, id, flags, value)."""
    if not ole.exists("__properties_version1.0"):
        return None
    stream = ole.openstream("__properties_version1.0").read()
    entries = {}
    for at in range(32, len(stream) - 15, 16):
        kind, prop, _, value = struct.unpack_from("<HHIQ", stream, at)
        if kind == 0x0040:  # PT_SYSTIME
            entries[prop] = value
    for prop in _MSG_TIMES:
        if entries.get(prop):
            epoch = datetime.datetime(1601, 1, 1, tzinfo=datetime.UTC)
            return epoch + datetime.timedelta(microseconds=entries[prop] // 10)
    return None


# ---------------------------------------------------------------------------------- WACZ
def wacz_warcs(data: bytes) -> str:
    """A WACZ collection's web archive records (its ``archive/*.warc`` and ``*.warc.gz``
    files, each gzip member a record), as one WARC text for the WARC reader; the collection's
    page list, indexes and signatures are the package's plumbing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = [n for n in package.namelist()
                     if n.startswith("archive/") and re.search(r"\.warc(?:\.gz)?$", n)]
            if not names:
                raise ValueError("no archive/*.warc file in the collection (is it a WACZ?)")
            return "\n".join(_warc_text(package_member(package, n), n) for n in names)
    # (NotImplementedError: a compression zipfile lacks; RuntimeError: an encrypted member)
    except (zipfile.BadZipFile, EOFError, gzip.BadGzipFile, zlib.error, NotImplementedError,
            RuntimeError) as exc:
        raise ValueError(f"damaged WACZ file ({one_line(str(exc))})") from None


def _warc_text(raw: bytes, name: str) -> str:
    """A WARC file's text, read as UTF-8 (what archiving tools and nearly all pages write; a
    byte that is not UTF-8 becomes U+FFFD rather than stopping the whole collection)."""
    return (_gunzipped(raw, name) if name.endswith(".gz") else raw).decode("utf-8", errors="replace")


def _gunzipped(raw: bytes, name: str, opener: Callable[[io.BytesIO], IO[bytes]] = gzip.open) -> bytes:
    """A gzip stream's bytes (or, with its ``opener``, a bzip2 or xz stream's), at most
    :data:`PART_MAX` of them (a bomb is refused by the bytes counted as they unpack: its header
    cannot say)."""
    with opener(io.BytesIO(raw)) as unzipped:
        return at_most_a_part(unzipped.read(PART_MAX + 1), name)


#: (session 77) An lzip member's header ("LZIP", version 1, coded dictionary size) and trailer
#: (CRC-32 of the data, the data's size, the member's size: 4 + 8 + 8 bytes, little-endian).
_LZIP_MAGIC = b"LZIP"
_LZIP_HEADER, _LZIP_TRAILER = 6, 20
#: The dictionary sizes lzip writes (4 KiB to 512 MiB): a larger one is no lzip file's.
_LZIP_DICTIONARY = (4096, 512 * 2**20)


def lzip_unpacked(raw: bytes, name: str) -> bytes:
    """(session 77) An lzip stream's bytes (``tar --lzip``: a county archive's BagIt bag of a
    2012 bulletin), member after member, at most :data:`PART_MAX` of them.  An lzip member is
    one LZMA stream with fixed literal and position bits and an end marker, which the standard
    library's raw LZMA1 decoder reads; its header gives the dictionary size and its trailer the
    data's CRC-32 and size, which are checked: a cut or damaged member is refused, not read
    short.  Why not the ``lzip`` program: casegraph runs no program to read a page, and the
    format is a header and a trailer around what lzma already decodes (DECISIONS 121)."""
    out = bytearray()
    at = 0
    while at < len(raw):
        if raw[at:at + 4] != _LZIP_MAGIC or raw[at + 4:at + 5] != b"\x01" or at + _LZIP_HEADER > len(raw):
            if at:  # (lzip ignores trailing bytes that are no member, as it says: so does casegraph)
                break
            raise ValueError("not an lzip stream (no LZIP version 1 header)")
        coded = raw[at + 5]
        dictionary = (1 << (coded & 0x1F)) - ((1 << (coded & 0x1F)) // 16) * (coded >> 5)
        if not _LZIP_DICTIONARY[0] <= dictionary <= _LZIP_DICTIONARY[1]:
            raise ValueError(f"damaged lzip stream (a dictionary of {dictionary:,} bytes)")
        decoder = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[
            {"id": lzma.FILTER_LZMA1, "dict_size": dictionary, "lc": 3, "lp": 0, "pb": 2}])
        data = decoder.decompress(raw[at + _LZIP_HEADER:], PART_MAX + 1 - len(out))
        if len(out) + len(data) > PART_MAX:
            raise ValueError(f"{name} is larger than {PART_MAX // 2**20} MB unpacked")
        trailer = decoder.unused_data[:_LZIP_TRAILER]
        if not decoder.eof or len(trailer) < _LZIP_TRAILER:
            raise ValueError(f"{name} is cut short (its lzip member ends before its end marker and trailer)")
        end = len(raw) - len(decoder.unused_data) + _LZIP_TRAILER
        crc, size, member = struct.unpack("<IQQ", trailer)
        if crc != zlib.crc32(data) or size != len(data) or member != end - at:
            raise ValueError("damaged lzip stream (its data's CRC-32 or size is not its trailer's)")
        out += data
        at = end
    return bytes(out)


# ------------------------------------------------------------------------------ Moodle backup
def moodle_pages(data: bytes) -> list[str]:
    """A Moodle backup's activities (``.mbz``: a gzipped tar, or a zip from Moodle 2.x) as
    HTML pages: each activity's name as the heading, then every HTML field it holds (a page's
    intro and content, a book's chapters under their titles, a label's text), in the backup's
    order.  Moodle keeps an HTML field as escaped text with a sibling ``<...format>1`` (HTML);
    the course's users, grades, logs and settings are not pages."""
    members = _moodle_members(data)
    pages = [_moodle_page(xml) for name, xml in members
             if re.fullmatch(r"activities/[^/]+/([a-z]+)\.xml", name)
             and name.rsplit("/", 1)[1][:-4] == name.split("/")[1].split("_")[0]]
    pages = [p for p in pages if p]
    if not pages:
        raise ValueError("no activity with text in the backup (a course backup's pages are in "
                         "activities/<type>_<n>/<type>.xml)")
    return pages


def _moodle_members(data: bytes) -> list[tuple[str, bytes]]:
    try:
        if data.startswith(ZIP_MAGICS):
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return [(n, package_member(package, n)) for n in package.namelist() if n.endswith(".xml")]
        return tar_members(data, lambda name: name.endswith(".xml"), "XML parts")
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, zlib.error, NotImplementedError,
            RuntimeError) as exc:
        # (tarfile lists each compression it tried on lines of their own: one line here)
        raise ValueError(f"damaged Moodle backup ({one_line(str(exc))})") from None


def _moodle_page(xml: bytes) -> str:
    """One activity's HTML: its name as ``h1``, and each HTML field with its title as ``h2``."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise ValueError(f"an activity's XML is not well formed ({exc})") from None
    module = next(iter(root), None)
    if module is None:
        return ""
    name = module.findtext("name") or ""
    parts = [f"<h1>{escape(name.strip())}</h1>"] if name.strip() else []
    for parent in module.iter():
        children = {child.tag: child for child in parent}
        for tag, child in children.items():
            marker = children.get(f"{tag}format")
            if marker is None or not (child.text or "").strip():
                continue
            title = children.get("title") if parent is not module else None
            if title is not None and (title.text or "").strip():
                parts.append(f"<h2>{escape((title.text or '').strip())}</h2>")
            # FORMAT_HTML (1) and FORMAT_MOODLE (0) are HTML; plain text (2) and Markdown (4)
            # are shown as the text they are
            html = (marker.text or "").strip() in ("0", "1")
            parts.append(child.text or "" if html else f"<pre>{escape(child.text or '')}</pre>")
    return "\n".join(parts) if len(parts) > 1 or not name else ""


# ------------------------------------------------------------------------ IMS Common Cartridge
def cartridge_pages(data: bytes) -> list[str]:
    """An IMS Common Cartridge's web pages (a course's wiki pages, as Canvas exports them), in
    the order of the course's modules (the manifest's organisation), then any page no module
    lists; each item's title is the page's heading when the page has none of its own.  The
    course's settings, quizzes' answer keys and files are not pages."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            order = _cartridge_order(part_xml(package, "imsmanifest.xml", "a Common Cartridge"))
            pages = [_cartridge_page(package_member(package, href).decode("utf-8", "replace"), title)
                     for href, title in order if href in names]
    except _ZIP_ERRORS as exc:
        raise ValueError(f"damaged Common Cartridge ({one_line(str(exc))})") from None
    if not pages:
        raise ValueError("no web page in the cartridge (its pages are the manifest's webcontent "
                         "resources, wiki_content/*.html in a Canvas export)")
    return pages


def _cartridge_order(manifest: ET.Element) -> list[tuple[str, str]]:
    """(file, item title) of each HTML page a manifest's resources hold, in its modules' order."""
    pages = {r.get("identifier", ""): r.get("href", "") for r in manifest.iter()
             if local_name(r.tag) == "resource" and r.get("type") == "webcontent"
             and re.search(r"\.x?html?$", r.get("href", ""), re.I)}
    order: list[tuple[str, str]] = []
    for item in manifest.iter():
        if local_name(item.tag) == "item" and (href := pages.pop(item.get("identifierref", ""), None)):
            title = next((c.text or "" for c in item if local_name(c.tag) == "title"), "")
            order.append((href, title.strip()))
    return order + [(href, "") for href in pages.values()]


def _cartridge_page(html: str, title: str) -> str:
    """A cartridge's page, its module item's title (else its ``<title>``) as ``h1`` when its body
    has no heading.  Its ``<title>`` is left out: Canvas writes the page's name there and again
    as the body's heading, and read twice it made an empty review heading over the real one."""
    named = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    html = re.sub(r"<title[^>]*>.*?</title>", "", html, flags=re.I | re.S)
    title = title or (" ".join(unescape(named[1]).split()) if named else "")
    if not title or re.search(r"<h[1-3][\s>]", html, re.I):
        return html
    heading = f"<h1>{escape(title)}</h1>"
    return re.sub(r"(<body[^>]*>)", lambda m: m[1] + heading, html, count=1, flags=re.I) \
        if re.search(r"<body[^>]*>", html, re.I) else heading + html


# ----------------------------------------------------------------------- Mozilla Archive Format
#: The MAF add-on's metadata namespace (each page folder's ``index.rdf``).
_MAF = "{http://maf.mozdev.org/metadata/rdf#}"
_RDF_RESOURCE = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource"


def archive_members(data: bytes) -> list[tuple[str, bytes]]:
    """A zip archive's files as (name, bytes), in the archive's order: each at most
    :data:`PART_MAX` bytes and all of them together at most that too (a zip bomb is refused).
    Folders, empty files and a Mac's resource forks (``__MACOSX/``, ``._name``) hold no page."""
    out: list[tuple[str, bytes]] = []
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                name = info.filename
                if not _holds_a_page(name, info.is_dir(), info.file_size):
                    continue
                total += info.file_size
                if total > PART_MAX:
                    raise ValueError(f"its files unpack to more than {PART_MAX // 2**20} MB (a zip bomb?)")
                out.append((name, package_member(archive, name)))
    except _ZIP_ERRORS as exc:
        raise ValueError(f"damaged zip archive ({one_line(str(exc))})") from None
    if not out:
        raise ValueError("the zip archive holds no file")
    return out


#: A Mobipocket book's text encodings (its MOBI header's code page) and the PalmDOC compression
#: types read: none (1) and LZ77 (2).  HUFF/CDIC (17480, Amazon's own) is not read.
_MOBI_ENCODINGS = {1252: "cp1252", 65001: "utf-8"}
_PALMDOC_NONE, _PALMDOC_LZ77, _MOBI_HUFFMAN = 1, 2, 17480
#: (session 72) The Palm database types (type and creator, byte 60) of the e-books read: a
#: Mobipocket book, and a PalmDOC (AportisDoc's and calibre's "TEXtREAd") as a Mobipocket
#: reader opens it; and those refused by name, an eReader (Peanut Press) and a Plucker book.
_PALM_BOOKS = (b"BOOKMOBI", b"TEXtREAd")
_PALM_OTHER_BOOKS = {b"PNRdPPrs": "eReader", b"DataPlkr": "Plucker"}
#: The book's own table of contents (``<guide><reference type="toc" filepos=...>``: a byte
#: offset into the text), navigation that would repeat every heading as a line of its own.
_MOBI_TOC = re.compile(rb'<reference\b[^>]*\btype="toc"[^>]*\bfilepos=0*(\d+)', re.I)
#: A MOBI 6 heading: Kindle's old HTML has no style sheets, so Calibre and KindleGen write a
#: heading as a paragraph of large bold type, ``<font size="7"><b>``; size 7 is ``h1``, 4 ``h4``.
_MOBI_HEADING = re.compile(r'<p\b[^>]*>\s*<font size="?([4-7])"?>\s*<b>(.*?)</b>\s*</font>\s*</p>',
                           re.I | re.S)


def mobi_html(data: bytes) -> str:
    """A Mobipocket e-book's HTML (``.mobi``: a partnership's digest sent to Kindles, as Calibre
    or KindleGen writes it), its text records joined in order (:func:`_palm_book_text`).  The
    book's table of contents is left out and its large-type paragraphs are headings again (see
    :data:`_MOBI_HEADING`)."""
    if _palm_type(data) not in _PALM_BOOKS:
        raise ValueError("not a Mobipocket e-book (no BOOKMOBI type in its Palm database header)")
    text, encoding, flows = _palm_book_text(data)
    if flows:  # KF8: the book's HTML is its first flow (the others are its style sheets)
        return _kf8_files_joined(text[flows[0][0]:flows[0][1]].decode(encoding, "replace"))
    if (toc := _MOBI_TOC.search(text)) and 0 < (start := int(toc.group(1))) < len(text):
        end = text.find(b"<mbp:pagebreak", start)
        text = text[:start] + (text[end:] if end > 0 else b"</body></html>")
    return _MOBI_HEADING.sub(lambda m: f"<h{8 - int(m.group(1))}>{m.group(2)}</h{8 - int(m.group(1))}>",
                             text.decode(encoding, "replace"))


def is_palm_book(data: bytes) -> bool:
    """(session 72) Whether a file's bytes are a Palm database holding an e-book: a PalmDOC
    (type ``TEXtREAd``) or a Mobipocket book (``BOOKMOBI``), by the type at byte 60."""
    return _palm_type(data) in _PALM_BOOKS


def _palm_type(data: bytes) -> bytes:
    """A Palm database's type and creator (bytes 60 to 68 of its 78-byte header), or nothing
    for a file too short to be one."""
    return data[60:68] if len(data) >= 78 else b""


def palm_book_page(data: bytes) -> tuple[str, bool]:
    """(session 72) A Palm database e-book (``.pdb``, ``.prc``: a board's pocket guide for
    handhelds, as calibre's ``--format=doc`` or an AportisDoc writer makes it) as its page and
    whether that page is HTML: a Mobipocket book's HTML (:func:`mobi_html`), or a PalmDOC's
    text, which is plain (UTF-8 if it decodes as such, else Windows-1252, the Palm's own code
    page).  Another Palm database (an eReader book, a contacts file) is refused by its type,
    as a ``.pdb`` that is no Palm database (a protein structure) is."""
    kind = _palm_type(data)
    if kind not in (*_PALM_BOOKS, *_PALM_OTHER_BOOKS):
        # (a Palm database's name, its first 32 bytes, is padded with NULs: then its type is told)
        palm = b"\0" in data[:32] and kind.isascii() and kind.isalnum()
        raise ValueError(f"a Palm database of type {kind.decode('latin-1')!r}, not an e-book" if palm
                         else "not a Palm database e-book (no PalmDOC or Mobipocket type at byte 60)")
    if kind in _PALM_OTHER_BOOKS:
        raise ValueError(f"a Palm {_PALM_OTHER_BOOKS[kind]} e-book, which casegraph does not read "
                         "(PalmDOC and Mobipocket are read)")
    if kind != b"TEXtREAd":
        return mobi_html(data), True
    return utf8_else(_palm_book_text(data)[0], "cp1252"), False


#: A Rocket eBook's header: its magic, version 2, "NUVO"; then at byte 24 the offset of the table
#: of contents and at 28 the file's size.  A part's flags: encrypted (1), the info page (2), and
#: compressed (8: a count of 4 KB chunks, the size unpacked, each chunk's size, then the chunks,
#: each a zlib stream).
_ROCKET_MAGIC = b"\xb0\x0c\xb0\x0c"
_ROCKET_ENCRYPTED, _ROCKET_INFO, _ROCKET_DEFLATED = 1, 2, 8
_ROCKET_NAME = 32


def is_rocket_book(data: bytes) -> bool:
    """(session 81) Whether a file's bytes open as a Rocket eBook's (its magic, then "NUVO")."""
    return data.startswith(_ROCKET_MAGIC) and data[6:10] == b"NUVO"


def rocket_html(data: bytes) -> str:
    """(session 81) A Rocket eBook's HTML parts, joined in its table of contents' order, as one
    page; the book's title from its info page when its HTML gives none.  The text is Windows-1252
    (the reader's own code page) unless it decodes as UTF-8 (``binaries.utf8_else``).  An
    encrypted part (a bought book's DRM) and a file cut short (its header gives its size) are
    refused."""
    if not is_rocket_book(data):
        raise ValueError("not a Rocket eBook (no NuvoMedia header: a Ruby script is no e-book)")
    size = int.from_bytes(data[28:32], "little")
    if len(data) < size:
        raise ValueError(f"the e-book is cut short (its header gives {size:,} bytes, the file has "
                         f"{len(data):,})")
    pages, info = [], ""
    for name, flags, part in _rocket_parts(data):
        if flags & _ROCKET_ENCRYPTED:
            raise ValueError(f"the e-book's part {name!r} is encrypted (DRM): casegraph reads only "
                             "unprotected books")
        if flags & _ROCKET_INFO:
            info = utf8_else(part, "cp1252")
        elif name.lower().endswith((".html", ".htm")):
            pages.append(utf8_else(part, "cp1252"))
    if not pages:
        raise ValueError("the e-book holds no HTML page")
    title = next((line[6:].strip() for line in info.splitlines() if line.startswith("TITLE=")), "")
    html = "\n".join(pages)
    named = f"<title>{escape(title)}</title>"
    return re.sub(r"<title>\s*</title>", lambda _: named, html, count=1, flags=re.I) if title else html


#: A TCR e-text's header; after it, 256 dictionary entries (each a length byte and its bytes).
_TCR_MAGIC = b"!!8-Bit!!"
_TCR_ENTRIES = 256


def is_tcr(data: bytes) -> bool:
    """(session 82) Whether a file's bytes open as a Psion TCR e-text's ("!!8-Bit!!")."""
    return data.startswith(_TCR_MAGIC)


def tcr_text(data: bytes) -> str:
    """(session 82) A Psion TCR e-text as its plain text: every byte after the dictionary is the
    number of an entry, and the entries joined are the text (UTF-8 when it decodes as such, as
    calibre writes it; else Windows-1252, as the Psion tools of its day did).  A dictionary cut
    short is damage; a text the reader shows as a book's text goes the way a ``.txt`` goes."""
    if not is_tcr(data):
        raise ValueError("not a Psion TCR e-text (no '!!8-Bit!!' header)")
    entries, at = [], len(_TCR_MAGIC)
    for n in range(_TCR_ENTRIES):
        if at >= len(data) or at + 1 + data[at] > len(data):
            raise ValueError(f"damaged TCR e-text (its dictionary is cut at entry {n})")
        entries.append(data[at + 1:at + 1 + data[at]])
        at += 1 + data[at]
    body = data[at:]
    # (its size counted before it is joined: 20 MB of entries 255 bytes long would be 5 GB)
    if sum(count * len(entries[byte]) for byte, count in Counter(body).items()) > PART_MAX:
        raise ValueError(f"the e-text unpacks to more than {PART_MAX // 2**20} MB")
    return utf8_else(b"".join(entries[byte] for byte in body), "cp1252")


def _rocket_parts(data: bytes) -> Iterator[tuple[str, int, bytes]]:
    """A Rocket eBook's parts in its table of contents' order: name, flags and bytes (unpacked
    when compressed)."""
    try:
        toc = int.from_bytes(data[24:28], "little")
        count = struct.unpack_from("<I", data, toc)[0]
        entries = [struct.unpack_from(f"<{_ROCKET_NAME}sIII", data, toc + 4 + 44 * n) for n in range(count)]
    except struct.error:
        raise ValueError("damaged Rocket eBook (its table of contents runs past the file's end)") from None
    for raw_name, size, offset, flags in entries:
        name = unquote(raw_name.rstrip(b"\0").decode("latin-1"))
        if offset + size > len(data):
            raise ValueError(f"damaged Rocket eBook (its part {name!r} runs past the file's end)")
        part = data[offset:offset + size]
        yield name, flags, _rocket_inflated(part, name) if flags & _ROCKET_DEFLATED else part


def _rocket_inflated(part: bytes, name: str) -> bytes:
    """A compressed part unpacked: its chunk count and unpacked size, each chunk's size, the
    chunks; bounded by :data:`PART_MAX`."""
    try:
        count, unpacked = struct.unpack_from("<II", part, 0)
        sizes = struct.unpack_from(f"<{count}I", part, 8)
    except struct.error:
        raise ValueError(f"damaged Rocket eBook (part {name!r}: its chunk table is cut)") from None
    if unpacked > PART_MAX:
        raise ValueError(f"the e-book's part {name!r} is more than {PART_MAX // 2**20} MB")
    out, at = bytearray(), 8 + 4 * count
    for chunk in sizes:
        try:  # (no more than the bound a chunk: a small chunk may unpack to gigabytes)
            out += zlib.decompressobj().decompress(part[at:at + chunk], PART_MAX + 1 - len(out))
        except zlib.error as exc:
            raise ValueError(f"damaged Rocket eBook (part {name!r}: {exc})") from None
        at += chunk
        if len(out) > PART_MAX:
            raise ValueError(f"the e-book's part {name!r} is more than {PART_MAX // 2**20} MB")
    return bytes(out)


def _palm_book_text(data: bytes) -> tuple[bytes, str, list[tuple[int, int]] | None]:
    """A Palm database e-book's text records decompressed and joined, with its encoding and
    (for a KF8 book) its flows.  The file is a 78-byte header, a list of record offsets, record
    0 (a PalmDOC header saying the compression, the text's length and its record count, then,
    in a Mobipocket book, the MOBI header saying the encoding and which trailing entries each
    text record carries), then the text records.  Each record is PalmDOC-decompressed (LZ77 by
    hand: a page's 4 KB, no library needed) once its trailing entries are cut off.  Encrypted
    (DRM) and Huffman-compressed books are refused with the reason."""
    try:
        count = struct.unpack_from(">H", data, 76)[0]
        offsets = [struct.unpack_from(">I", data, 78 + 8 * n)[0] for n in range(count)] + [len(data)]
        record0 = data[offsets[0]:offsets[1]]
        compression, _, length, texts, _, encryption = struct.unpack_from(">HHIHHH", record0, 0)
        mobi = record0[16:20] == b"MOBI"
        header = struct.unpack_from(">I", record0, 20)[0] if mobi else 0
        encoding = _MOBI_ENCODINGS.get(struct.unpack_from(">I", record0, 28)[0] if mobi else 1252, "cp1252")
        flags = struct.unpack_from(">H", record0, 242)[0] if header >= 0xE4 else 0
        version = struct.unpack_from(">I", record0, 36)[0] if mobi else 0
        flows = _kf8_flows(data, offsets, struct.unpack_from(">I", record0, 0xC0)[0]) \
            if version >= 8 and header >= 0xB4 else None
    except (struct.error, IndexError) as exc:
        raise ValueError(f"damaged Palm e-book ({type(exc).__name__}: {exc})") from None
    if max(offsets[:-1]) >= len(data):
        # (a file cut short, a download stopped: its last records would be read as half a text)
        raise ValueError(f"the e-book is cut short (its record list points past its {len(data):,} bytes)")
    if encryption:
        raise ValueError("the e-book is encrypted (DRM): casegraph reads only unprotected books")
    if compression not in (_PALMDOC_NONE, _PALMDOC_LZ77):
        kind = "Huffman (HUFF/CDIC)" if compression == _MOBI_HUFFMAN else f"type {compression}"
        raise ValueError(f"the e-book's text is {kind}-compressed, which casegraph does not read")
    if not 0 < texts < len(offsets) - 1:
        raise ValueError(f"damaged Palm e-book (its header names {texts} text records)")
    out = bytearray()
    for n in range(1, texts + 1):
        record = data[offsets[n]:offsets[n + 1]]
        record = record[:len(record) - _mobi_trailing(record, flags)]
        out += _palmdoc(record) if compression == _PALMDOC_LZ77 else record
        if len(out) > PART_MAX:
            raise ValueError(f"the e-book's text is more than {PART_MAX // 2**20} MB")
    if len(out) + out.count(b"\n") < length:
        # (session 72) its last record cut with the file, the text is shorter than its header says
        # (allowing a carriage return a line: txt2pdbdoc counts the CRs of the text it stores
        # without them)
        raise ValueError(f"the e-book is cut short (its text is {len(out):,} of the {length:,} bytes its "
                         "header gives)")
    return bytes(out[:length]), encoding, flows


def _kf8_flows(data: bytes, offsets: list[int], fdst: int) -> list[tuple[int, int]] | None:
    """A KF8 book's flows as (start, end) in its text, from its FDST record (the record
    numbered in the MOBI header), if it has one: flow 0 is the XHTML, the others its CSS."""
    if not 0 < fdst < len(offsets) - 1 or data[offsets[fdst]:offsets[fdst] + 4] != b"FDST":
        return None
    at = offsets[fdst]
    start, count = struct.unpack_from(">II", data, at + 4)
    return [struct.unpack_from(">II", data, at + start + 8 * n) for n in range(count)] or None


#: Where a KF8 file's skeleton starts (an XML declaration or its ``<html>``) and where its body
#: closes: a skeleton is a file's markup with an empty body, and the fragments after it are
#: what the reader inserts into that body.
_KF8_SKELETON = re.compile(r"(?:<\?xml\b[^>]*>\s*)?<html\b")
_KF8_BODY_END = re.compile(r"</body>\s*</html>\s*")
_KF8_BODY_START = re.compile(r"^.*?<body\b[^>]*>", re.S)


def _kf8_files_joined(flow: str) -> str:
    """A KF8 book's XHTML files as one page.  KF8 keeps each file as a skeleton (its head and
    an empty body) followed by its fragments, placed by the book's SKEL and FRAG indexes;
    calibre and KindleGen leave no text in a skeleton, so a file's words are its fragments in
    their order, put back before its ``</body>`` here rather than at each index position.
    Later files' heads (the same title again) and the XML declaration are left out."""
    starts = [m.start() for m in _KF8_SKELETON.finditer(flow)] or [0]
    files = [flow[a:b] for a, b in zip([0, *starts[1:]], [*starts[1:], len(flow)], strict=True)]
    bodies = []
    for n, piece in enumerate(files):
        end = _KF8_BODY_END.search(piece)
        body = piece[:end.start()] + piece[end.end():] if end else piece
        bodies.append(body if n == 0 else _KF8_BODY_START.sub("", body, count=1))
    return re.sub(r"^\s*<\?xml[^>]*>", "", "".join(bodies)) + "</body></html>"


def _mobi_trailing(record: bytes, flags: int) -> int:
    """How many bytes at a text record's end are trailing entries (indexing data, not text):
    one entry for each flag bit above the first, each ending in its size as a backward
    variable-length number; then, with the first bit, a multibyte character's overlap."""
    size = 0
    for bit in range(1, 16):
        if flags & (1 << bit):
            value, shift, at = 0, 0, len(record) - size
            while at > 0:
                at -= 1
                value |= (record[at] & 0x7F) << shift
                shift += 7
                if record[at] & 0x80 or shift >= 28:
                    break
            size += value
    if flags & 1 and len(record) > size:
        size += (record[len(record) - size - 1] & 0x3) + 1
    return min(size, len(record))


def _palmdoc(record: bytes) -> bytes:
    """A PalmDOC LZ77 record decompressed: a byte 1-8 copies that many literal bytes, 0 and
    9-127 are themselves, 128-191 with the next byte is a back-reference (11 bits of distance,
    3 of length less 3), 192-255 a space and the byte's character less 128."""
    out = bytearray()
    i = 0
    while i < len(record):
        c = record[i]
        i += 1
        if 1 <= c <= 8:
            out += record[i:i + c]
            i += c
        elif c < 0x80:
            out.append(c)
        elif c < 0xC0:
            if i >= len(record):
                break
            pair = (c << 8) | record[i]
            i += 1
            distance, count = (pair >> 3) & 0x7FF, (pair & 7) + 3
            if not 0 < distance <= len(out):
                raise ValueError("damaged e-book (a back-reference before its text)")
            for _ in range(count):
                out.append(out[-distance])
        else:
            out += bytes((0x20, c ^ 0x80))
    return bytes(out)


def _holds_a_page(name: str, folder: bool, size: int) -> bool:
    """Whether an archive's member may hold a page: not a folder, an empty file, a Mac's
    resource fork (``__MACOSX/``, ``._name``) or another hidden file (zip and 7-Zip alike)."""
    return not (folder or not size or name.startswith("__MACOSX/")
                or posixpath.basename(name).startswith("."))


def sevenzip_members(data: bytes) -> list[tuple[str, bytes]]:
    """A 7-Zip archive's files as (name, bytes), as :func:`archive_members` gives a zip's,
    read by py7zr (DECISIONS 106): the same members left out (:func:`_holds_a_page`), all files
    together at most :data:`PART_MAX` bytes unpacked (checked from the archive's list before
    anything is unpacked, and by py7zr as it unpacks).  An archive with a password is refused."""
    import py7zr  # (imported where an archive is read: its codecs load with it)

    errors = (py7zr.exceptions.ArchiveError, py7zr.exceptions.PasswordRequired, EOFError, OSError,
              KeyError, IndexError, struct.error, lzma.LZMAError, zlib.error, MemoryError)
    try:
        with py7zr.SevenZipFile(io.BytesIO(data), max_extract_size=PART_MAX) as archive:
            if archive.needs_password():
                raise ValueError("the 7-Zip archive is protected by a password")
            files = [info for info in archive.list()
                     if _holds_a_page(info.filename, info.is_directory, info.uncompressed)]
            if sum(info.uncompressed for info in files) > PART_MAX:
                raise ValueError(f"its files unpack to more than {PART_MAX // 2**20} MB (a bomb?)")
            factory = py7zr.io.BytesIOFactory(PART_MAX + 1)
            archive.extract(targets=[info.filename for info in files], factory=factory)
    except errors as exc:
        raise damaged("7-Zip archive", exc) from None
    out = []
    for info in files:
        if info.filename in factory.products:
            member = factory.get(info.filename)
            member.seek(0)
            out.append((info.filename, member.read()))
    if not out:
        raise ValueError("the 7-Zip archive holds no file")
    return out


#: A cabinet's header: its folders' count at byte 26, its flags at 30 (4: reserved fields follow
#: the header, their sizes at 36); each folder entry then gives its data blocks' count.
_CAB_FOLDERS_AT, _CAB_FLAGS_AT, _CAB_HEADER, _CAB_RESERVE = 26, 30, 36, 0x0004
#: The most one data block unpacks to (MSZIP's and a stored block's 32 KB).
_CAB_BLOCK = 32768


def cab_members(data: bytes) -> list[tuple[str, bytes]]:
    """A cabinet's files as (path, bytes), as :func:`archive_members` gives a zip's, read by
    cabarchive (DECISIONS 131): stored and MSZIP folders (what gcab, makecab's default and
    Windows' Explorer write); LZX and Quantum folders are refused by name, as a chained
    cabinet's parts are.  Before anything is unpacked, the folders' data blocks are counted
    from the header: more than :data:`PART_MAX` bytes' worth is refused as a bomb."""
    import cabarchive  # (imported where a cabinet is read)

    if not data.startswith(CAB_MAGIC):
        raise ValueError("not a Microsoft Cabinet (no 'MSCF' signature)")
    if _cab_blocks(data) * _CAB_BLOCK > PART_MAX:
        raise ValueError(f"its data blocks could unpack to more than {PART_MAX // 2**20} MB (a bomb?)")
    try:
        archive = cabarchive.CabArchive(data)
    except cabarchive.NotSupportedError as exc:
        raise ValueError(f"a Microsoft Cabinet casegraph does not read ({one_line(str(exc))})") from None
    except (cabarchive.CorruptionError, struct.error, IndexError, ValueError, UnicodeDecodeError,
            zlib.error) as exc:
        raise damaged("Microsoft Cabinet", exc) from None
    out = [(name.replace("\\", "/"), member.buf or b"") for name, member in archive.items()]
    out = [(name, content) for name, content in out if _holds_a_page(name, False, len(content))]
    if not out:
        raise ValueError("the Microsoft Cabinet holds no file")
    return out


def _cab_blocks(data: bytes) -> int:
    """The data blocks a cabinet's folders say they hold (0 when its header is cut short: the
    reader then says how)."""
    try:
        folders, flags = struct.unpack_from("<HxxH", data, _CAB_FOLDERS_AT)
        at = _CAB_HEADER
        folder_extra = 0
        if flags & _CAB_RESERVE:
            header_extra, folder_extra = struct.unpack_from("<HB", data, at)
            at += 4 + header_extra
        if flags & 0x0001:  # (a previous cabinet's name and disk, as two strings)
            for _ in range(2):
                at = data.index(b"\0", at) + 1
        if flags & 0x0002:  # (the next cabinet's)
            for _ in range(2):
                at = data.index(b"\0", at) + 1
        return sum(struct.unpack_from("<H", data, at + k * (8 + folder_extra) + 4)[0]
                   for k in range(folders))
    except (struct.error, ValueError):
        return 0


def disc_members(data: bytes) -> list[tuple[str, bytes]]:
    """A disc image's files as (path, bytes), as :func:`archive_members` gives a zip's, read by
    pycdlib (DECISIONS 108): by their Rock Ridge names, else Joliet's, else the plain ISO 9660
    names ("README.TXT;1" read as "README.TXT"), in the order of their paths; the same members
    left out (:func:`_holds_a_page`), all files together at most :data:`PART_MAX` bytes (their
    sizes are the directory's records, checked before any is read).  Why pycdlib: the format's
    three naming schemes, its directory records and its extents are its whole work, and it
    reads from a file object without mounting anything."""
    import pycdlib
    from pycdlib.pycdlibexception import PyCdlibException

    disc = pycdlib.PyCdlib()
    try:
        disc.open_fp(io.BytesIO(data))
        kind = "rr_path" if disc.has_rock_ridge() else "joliet_path" if disc.has_joliet() else "iso_path"
        paths = sorted(posixpath.join(folder, name) for folder, _, names in disc.walk(**{kind: "/"})
                       for name in names)
        sizes = {path: disc.get_record(**{kind: path}).get_data_length() for path in paths}
        files = [p for p in paths if _holds_a_page(p.lstrip("/"), False, sizes[p])]
        if sum(sizes[p] for p in files) > PART_MAX:
            raise ValueError(f"its files unpack to more than {PART_MAX // 2**20} MB")
        out = []
        for path in files:
            handle = io.BytesIO()
            disc.get_file_from_iso_fp(handle, **{kind: path})
            out.append((re.sub(r";\d+$", "", path.lstrip("/")), handle.getvalue()))
        disc.close()
    except (PyCdlibException, struct.error, IndexError, KeyError, UnicodeDecodeError) as exc:
        raise damaged("disc image", exc) from None
    if not out:
        raise ValueError("the disc image holds no file")
    return out


#: The compressed streams a tar or a lone file comes in: (first bytes, its bounded unpacker, name,
#: media type).
_COMPRESSIONS: tuple[tuple[bytes, Callable[[bytes], bytes], str, str], ...] = (
    (b"\x1f\x8b", lambda raw: _gunzipped(raw, "the stream"), "gzip", "application/gzip"),
    (b"BZh", lambda raw: _gunzipped(raw, "the stream", bz2.open), "bzip2", "application/x-bzip2"),
    (b"\xfd7zXZ\x00", lambda raw: _gunzipped(raw, "the stream", lzma.open), "xz", "application/x-xz"),
    # (session 69) a web team's content backup as ``tar --zstd`` writes it
    (b"\x28\xb5\x2f\xfd", lambda raw: zstd_unpacked(raw, "the stream"), "zstd", "application/zstd"),
    # (session 77) a county archive's BagIt bag as ``tar --lzip`` writes it
    (_LZIP_MAGIC, lambda raw: lzip_unpacked(raw, "the stream"), "lzip", "application/x-lzip"),
    # (session 88) an LZ4 frame (``lz4``) and Unix compress's LZW (``compress``, ``ncompress``)
    (b"\x04\x22\x4d\x18", lambda raw: _lz4_unpacked(raw, "the stream"), "lz4", "application/x-lz4"),
    (b"\x1f\x9d", lambda raw: _lzw_unpacked(raw, "the stream"), "compress", "application/x-compress"))
#: A POSIX or GNU tar's magic, at byte 257 of its first header.
_TAR_MAGIC_AT, _TAR_MAGIC = 257, b"ustar"
#: A tar's block: every header and every member's data fill whole blocks of it.
_TAR_BLOCK = 512


def _lz4_unpacked(raw: bytes, name: str) -> bytes:
    """(session 88) An LZ4 frame's bytes, at most :data:`PART_MAX` of them, by the lz4 library
    (the format's own bindings); a cut frame is refused, not read short."""
    import lz4.frame  # imported here: only an LZ4 file needs it

    try:
        unpacker = lz4.frame.LZ4FrameDecompressor()
        out = unpacker.decompress(raw, max_length=PART_MAX + 1)
    except RuntimeError as exc:
        raise ValueError(f"damaged LZ4 stream ({one_line(str(exc))})"[:300]) from None
    at_most_a_part(out, name)
    if not unpacker.eof:
        raise ValueError("the stream is cut short (its LZ4 frame ends before its end mark)")
    return out


def _lzw_unpacked(raw: bytes, name: str) -> bytes:
    """(session 88) A Unix compress (``.Z``) stream's bytes, by unlzw3 (pure Python, kept): LZW
    has no end mark, so a cut file reads short, as ``uncompress`` reads it.  LZW's codes grow
    to at most 16 bits, so a file unpacks to at most a few thousand times its size, and the file
    is at most MAX_SOURCE_BYTES: bounded before it is read; the result is bounded again."""
    import unlzw3  # imported here: only a compress file needs it

    try:
        out = unlzw3.unlzw(raw)
    except (ValueError, IndexError, TypeError) as exc:
        raise ValueError(f"damaged compress (.Z) stream ({one_line(str(exc))})"[:300]) from None
    return at_most_a_part(out, name)


def compression_of(data: bytes) -> tuple[str, str] | None:
    """The (name, media type) of the compression a file's first bytes show, if any."""
    return next(((name, media) for magic, _, name, media in _COMPRESSIONS if data.startswith(magic)), None)


def tarred_members(data: bytes, name: str) -> list[tuple[str, bytes]]:
    """A tar archive's files (plain or compressed) as (name, bytes), as :func:`archive_members`
    gives a zip's, the same members left out (:func:`_holds_a_page`; a ``git archive``'s pax
    header is no file); or, for one file compressed alone, that file, named as the archive is
    without its last suffix (``briefing.html.gz`` holds ``briefing.html``).  At most
    :data:`PART_MAX` bytes unpacked, counted as they unpack: a small stream may unpack to far
    more than its file."""
    try:
        raw = _uncompressed(data)
        if raw[_TAR_MAGIC_AT:_TAR_MAGIC_AT + len(_TAR_MAGIC)] == _TAR_MAGIC:
            if len(raw) % _TAR_BLOCK:
                # (session 72) a tar is whole 512-byte blocks: one cut inside a member's header
                # ends where the cut is, and tarfile takes that for the archive's end, in silence
                raise ValueError(f"the tar archive is cut short ({len(raw):,} bytes, not a whole number of "
                                 f"{_TAR_BLOCK}-byte blocks)")
            out = [(member, content) for member, content
                   in tar_members(raw, lambda member: _holds_a_page(member, False, 1), "files")
                   if content]
        elif raw is not data:
            out = [(posixpath.splitext(name)[0], raw)]
        else:
            raise ValueError("neither a tar archive nor a gzip, bzip2, xz, Zstandard, lzip, LZ4 or "
                             "compress stream")
    except (tarfile.TarError, EOFError, OSError, lzma.LZMAError, zlib.error) as exc:
        raise ValueError(f"damaged archive ({type(exc).__name__}: {one_line(str(exc))})"[:300]) from None
    if not out:
        raise ValueError("the tar archive holds no file")
    return out


#: A signed file's first bytes: a DER or BER SEQUENCE (a ContentInfo); else it is taken as
#: base64 text (a PEM "PKCS7" block or an ``smime.p7m`` attachment saved as it was sent).
_DER_SEQUENCE = 0x30
_PEM_ARMOUR = re.compile(rb"-----(?:BEGIN|END) [A-Z0-9 ]+-----")
#: What a signed file that is no MIME entity may be named from its first bytes, when its own
#: name ("notice.p7m") says no more.
_SIGNED_KINDS = ((b"%PDF-", ".pdf"), (b"PK\x03\x04", ".docx"), (b"{\\rtf", ".rtf"))
_MIME_HEADER = re.compile(rb"\A(?:[A-Za-z-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*"
                          rb"Content-Type:", re.IGNORECASE)


def signed_members(data: bytes, name: str) -> list[tuple[str, bytes]]:
    """The one file a signed ``.p7m`` holds, as (name, bytes): a CMS / PKCS #7 SignedData's
    encapsulated content, named as the signed file is without ``.p7m`` (``review.pdf.p7m``
    holds ``review.pdf``); a MIME entity (S/MIME: a signed e-mail's body) is named ``.eml`` and
    read as an e-mail.  The signature is not checked: casegraph reads what the file says, and
    says where it came from by its checksum.  Why asn1crypto (DECISIONS 114): the file is BER
    (indefinite lengths and content split over constructed strings are legal, and ``openssl
    cms -stream`` writes them), which its CMS definitions parse in full.  A detached signature
    (no content) or an encrypted file (EnvelopedData) is a ValueError saying so."""
    from asn1crypto import cms, core  # imported here: only a signed file needs it

    der = data if data[:1] == bytes((_DER_SEQUENCE,)) else _base64_body(data)
    try:
        info = cms.ContentInfo.load(der)
        kind = str(info["content_type"].native)
        content = info["content"]["encap_content_info"]["content"] if kind == "signed_data" else None
        # (a detached signature's content is absent; a BER string's chunks are joined)
        body = None if content is None or isinstance(content, core.Void) else bytes(content)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise damaged("signed file", exc) from None
    if kind != "signed_data":
        raise ValueError(f"a CMS {kind.replace('_', ' ')}, not signed data"
                         + (" (encrypted for its recipients)" if kind == "enveloped_data" else ""))
    if not body:
        raise ValueError("a detached signature: the file it signs is not inside it")
    return [(_signed_member_name(name, body), body)]


def _base64_body(data: bytes) -> bytes:
    """A signed file saved as text: its base64 after any MIME headers and PEM armour."""
    import base64
    import binascii

    text = data.split(b"\n\n", 1)[1] if _MIME_HEADER.match(data.replace(b"\r\n", b"\n")) else data
    try:
        return base64.b64decode(_PEM_ARMOUR.sub(b"", text), validate=False)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("neither DER nor base64 (is this a signed .p7m file?)") from exc


def _signed_member_name(name: str, body: bytes) -> str:
    """The signed file's name: the ``.p7m`` file's without that suffix, given the suffix its
    content shows when that name has none a page is read by."""
    inner = name[:-4] if name.lower().endswith(".p7m") else name
    suffix = posixpath.splitext(inner)[1]
    if suffix and not suffix[1:].isdigit():  # ("notice 1.2" has no suffix but a version)
        return inner
    if _MIME_HEADER.match(body.lstrip()):
        return inner + ".eml"
    return inner + next((suffix for magic, suffix in _SIGNED_KINDS if body.startswith(magic)), ".txt")


def gunzipped_file(data: bytes) -> bytes:
    """A file gzipped alone under a suffix of its own (an SVGZ drawing: Inkscape's compressed
    SVG), at most :data:`PART_MAX` bytes unpacked; a damaged stream is a ValueError naming why."""
    try:
        return _gunzipped(data, "the file")
    except (EOFError, OSError, zlib.error) as exc:
        raise ValueError(f"damaged gzip stream ({type(exc).__name__}: {one_line(str(exc))})"[:300]) from None


def _uncompressed(data: bytes) -> bytes:
    """A gzip, bzip2, xz, Zstandard or lzip stream's bytes unpacked (at most :data:`PART_MAX`), or ``data``
    itself when it is no such stream."""
    unpacker = next((unpack for magic, unpack, _, _ in _COMPRESSIONS if data.startswith(magic)), None)
    return data if unpacker is None else unpacker(data)


def maff_pages(data: bytes) -> list[tuple[str, str]]:
    """A MAFF archive's saved pages as (HTML, original address), one a folder, in the archive's
    order: each folder's ``index.rdf`` names its page file, charset and the address it was saved
    from (a folder without one is read as its ``index.html``).  The pages' images and styles are
    not words."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            folders = list(dict.fromkeys(n.split("/", 1)[0] for n in names if "/" in n))
            pages = [page for folder in folders if (page := _maff_page(package, folder, set(names)))]
    except _ZIP_ERRORS as exc:
        raise ValueError(f"damaged MAFF archive ({one_line(str(exc))})") from None
    if not pages:
        raise ValueError("no saved page in the archive (a MAFF holds a folder a page, each with "
                         "index.rdf and its index.html)")
    return pages


def _maff_page(package: zipfile.ZipFile, folder: str, names: set[str]) -> tuple[str, str] | None:
    meta: dict[str, str] = {}
    if f"{folder}/index.rdf" in names:
        rdf = package_member(package, f"{folder}/index.rdf")
        if not declares_entities(rdf):
            meta = {e.tag[len(_MAF):]: e.get(_RDF_RESOURCE, "") for e in ET.fromstring(rdf).iter()
                    if e.tag.startswith(_MAF)}
    index = meta.get("indexfilename") or "index.html"
    if "/" in index or f"{folder}/{index}" not in names:
        index = next((n.split("/", 1)[1] for n in sorted(names) if re.fullmatch(
            re.escape(folder) + r"/index\.x?html?", n)), "")
    if not index:
        return None
    try:
        charset = codecs.lookup(meta.get("charset") or "utf-8").name
    except LookupError:
        charset = "utf-8"
    html = package_member(package, f"{folder}/{index}").decode(charset, "replace")
    return html, meta.get("originalurl", "")


# --------------------------------------------------------------------------------------- EPUB
#: The OPF package document's namespace, and the container file that names the package document.
_OPF = "{http://www.idpf.org/2007/opf}"
_CONTAINER = "META-INF/container.xml"
#: The body of an XHTML content document (its head holds the title and styles, no words).
_XHTML_BODY = re.compile(r"<body\b[^>]*>(.*)</body\s*>", re.S | re.I)


def epub_html(data: bytes) -> str:
    """An EPUB e-book (``.epub``: an annual report or a learning digest a board publishes for
    e-readers, exported by pandoc, Calibre or InDesign) as one page: its content documents'
    bodies in reading order, the order of the package document's ``spine`` (found through
    ``META-INF/container.xml``).  The navigation document (``properties="nav"``: the table of
    contents) is left out, as an NCX is: it repeats every heading, each of which would open a
    review a second time.  Why by hand: an EPUB is a zip of XHTML whose order is a short XML
    list; ebooklib would add a dependency for that one list."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            container = part_xml(package, _CONTAINER, "an EPUB e-book")
            rootfile = next((e.get("full-path", "") for e in container.iter()
                             if local_name(e.tag) == "rootfile"), "")
            opf = part_xml(package, rootfile, "an EPUB e-book")
            folder = rootfile.rpartition("/")[0]
            items = {e.get("id"): e for e in opf.iter(f"{_OPF}item")}
            bodies = []
            for ref in opf.iter(f"{_OPF}itemref"):
                item = items.get(ref.get("idref"))
                if item is None or "nav" in (item.get("properties") or "").split() \
                        or "html" not in (item.get("media-type") or ""):
                    continue
                name = posixpath.normpath(posixpath.join(folder, unquote(item.get("href", ""))))
                if name in package.namelist():
                    xhtml = package_member(package, name).decode("utf-8", "replace")
                    bodies.append(m[1] if (m := _XHTML_BODY.search(xhtml)) else xhtml)
    except (*_ZIP_ERRORS, KeyError) as exc:
        raise ValueError(f"damaged EPUB e-book ({one_line(str(exc))})") from None
    if not bodies:
        raise ValueError("its package document's spine lists no XHTML content document")
    return "<html><body>\n" + "\n".join(bodies) + "\n</body></html>"


def htmlz_html(data: bytes) -> str:
    """(session 75) A calibre HTMLZ e-book as its one page: the HTML file at the zip's top level
    (``index.html``, as calibre names it; the first one when it has another name).  Its
    ``metadata.opf`` repeats the book's title and author, which the page's own ``title`` and
    opening already show; its stylesheet and images are the page's parts."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            pages = [n for n in package.namelist() if "/" not in n and n.lower().endswith((".html", ".htm"))]
            if pages:
                first = sorted(pages, key=lambda n: n.lower() != "index.html")[0]
                return package_member(package, first).decode("utf-8", "replace")
    except _ZIP_ERRORS as exc:
        raise ValueError(f"damaged HTMLZ e-book ({one_line(str(exc))})") from None
    raise ValueError("an HTMLZ e-book with no HTML page at its top level (index.html)")


#: The text files a TXTZ e-book's text may be in, as calibre reads them, and the markup each
#: suffix says when the book's ``metadata.opf`` says none.
_TXTZ_TEXTS = {".txt": "plain", ".text": "plain", ".md": "markdown", ".markdown": "markdown",
               ".textile": "textile"}
_TXTZ_FORMATTING = re.compile(rb"<text-formatting>\s*(plain|markdown|textile)\s*</text-formatting>")


def txtz_text(data: bytes) -> tuple[str, str]:
    """(session 76) A calibre TXTZ e-book as its text and the markup it is written in ("plain",
    "markdown" or "textile"), for the reader of that markup.  calibre reads every text file in the
    zip, one after another; ``index.txt`` is the one it writes.  The markup is what the book's
    ``metadata.opf`` says (its ``<text-formatting>``; found by its words, not parsed, as it is
    all that file is read for), else what the last text file's suffix says."""
    names, texts, opf = _calibre_texts(data, _TXTZ_TEXTS, "index.txt", "TXTZ e-book", "text",
                                       lambda raw: raw.decode("utf-8", "replace"), also="metadata.opf")
    said = _TXTZ_FORMATTING.search(opf)
    formatting = said[1].decode() if said else _TXTZ_TEXTS[posixpath.splitext(names[-1])[1].lower()]
    return "\n\n".join(texts), formatting


def pmlz_pml(data: bytes) -> str:
    """(session 78) A calibre PMLZ e-book as its Palm Markup Language, for
    :func:`casegraph.ingest.markup.pml_markdown`: ``index.pml`` (the one calibre writes; else
    every ``.pml`` file in name order, as calibre reads them), in UTF-8 or, failing that,
    Windows-1252 (calibre's default for PML, and the eReader's own)."""
    _, texts, _ = _calibre_texts(data, {".pml"}, "index.pml", "PMLZ e-book", "PML",
                                 lambda raw: utf8_else(raw, "cp1252"))
    return "\n\n".join(texts)


def _calibre_texts(data: bytes, suffixes: Collection[str], index: str, kind: str, files: str,
                   decode: Callable[[bytes], str],
                   also: str | None = None) -> tuple[list[str], list[str], bytes]:
    """The text files of a book calibre zips around its text (TXTZ, PMLZ), ``index`` first and
    the others in name order, as calibre reads them, each decoded; and the bytes of the member
    ``also`` (b"" when there is none).  ``kind`` names the book in its errors ("TXTZ e-book"),
    ``files`` its text files ("text", "PML")."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            listed = package.namelist()
            names = sorted((n for n in listed if posixpath.splitext(n)[1].lower() in suffixes),
                           key=lambda n: (n != index, n))
            if sum(package.getinfo(n).file_size for n in names) > PART_MAX:
                raise ValueError(f"its {files} files come to more than {PART_MAX // 2**20} MB, more than "
                                 "a book")
            texts = [decode(package_member(package, n)) for n in names]
            extra = package_member(package, also) if also in listed else b""
    except _ZIP_ERRORS as exc:
        raise ValueError(f"damaged {kind} ({one_line(str(exc))})") from None
    if not texts:
        raise ValueError(f"a {kind} with no {files} file in it ({index})")
    return names, texts, extra


# ------------------------------------------------------------------------------- KMZ, QDPX
def kmz_kml(data: bytes) -> str:
    """A KMZ's map as its KML document's text, for the reader of XML (which reads a map's
    places): the KML at the zip's top level (``doc.kml``, as Google's tools name it; the first
    one when it has another name).  The icons and overlays beside it are the map's drawing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            documents = [n for n in package.namelist() if n.lower().endswith(".kml")]
            top = sorted(documents, key=lambda n: (n.count("/"), n != "doc.kml"))
            if top:
                return package_member(package, top[0]).decode("utf-8", "replace")
    except _ZIP_ERRORS as exc:
        raise ValueError(f"damaged KMZ map ({one_line(str(exc))})") from None
    raise ValueError("no KML document in the KMZ (a KMZ is a zip around doc.kml)")


#: ComicInfo's elements of prose, in the order a library's card shows them (by
#: :func:`casegraph.ingest.interchange.local_name`, in lower case).
_COMIC_PROSE = ("summary", "notes", "review")
_COMIC_INFO = "comicinfo.xml"


def comic_text(data: bytes) -> str:
    """A comic book archive as a comics library's card: the title, the series and its number,
    the publisher and writer and the month, then the summary and notes as paragraphs, then the
    tags and web address.  An archive with no metadata is refused: its words are only drawn."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = [n for n in package.namelist() if posixpath.basename(n).lower() == _COMIC_INFO]
            info = _comic_info(package_member(package, min(names, key=lambda n: n.count("/")))) if names \
                else _comic_book_info(package.comment)
    except _ZIP_ERRORS as exc:
        raise ValueError(f"damaged comic book archive ({one_line(str(exc))})") from None
    if not any(info.get(name) for name in _COMIC_PROSE):
        raise ValueError("a comic book archive whose ComicInfo.xml holds no summary or notes "
                         "(its words are only drawn)")
    series = " ".join(v for v in (info.get("series"), info.get("number") and f"no. {info['number']}") if v)
    month = " ".join(v for v in (_month_name(info.get("month", "")), info.get("year")) if v)
    head = [info.get("title"), series, info.get("publisher"), info.get("imprint"), info.get("writer"), month]
    tail = [f"Tags: {info['tags']}" if info.get("tags") else None, info.get("web")]
    parts = ["\n".join(v for v in head if v), *(info.get(n) for n in _COMIC_PROSE),
             "\n".join(v for v in tail if v)]
    return "\n\n".join(p.strip() for p in parts if p and p.strip()) + "\n"


def _month_name(month: str) -> str | None:
    """ComicInfo's month number as a page prints it ("5" is "May"); None for no month."""
    return calendar.month_name[int(month)] if month.isdigit() and 1 <= int(month) <= 12 else None


def _comic_info(xml: bytes) -> dict[str, str]:
    """ComicInfo.xml's elements' text by name (in lower case, its namespace, if any, dropped)."""
    refuse_declarations(xml, "its ComicInfo.xml")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise ValueError(f"damaged comic book archive (its ComicInfo.xml: {exc})") from None
    return {local_name(e.tag): (e.text or "").strip() for e in root if (e.text or "").strip()}


def _comic_book_info(comment: bytes) -> dict[str, str]:
    """ComicBookInfo's JSON (the zip's comment) by ComicInfo's names; {} when there is none."""
    try:
        record = json.loads(comment.decode("utf-8")).get("ComicBookInfo/1.0") if comment.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return {}
    if not isinstance(record, dict):
        return {}
    names = {"title": "title", "series": "series", "issue": "number", "publisher": "publisher",
             "publicationYear": "year", "publicationMonth": "month", "comments": "summary"}
    out = {ours: str(record[theirs]).strip() for theirs, ours in names.items() if record.get(theirs)}
    if isinstance(record.get("tags"), list):
        out["tags"] = ", ".join(str(t) for t in record["tags"])
    return out


#: Where a REFI-QDA project keeps a source's text inside its ``.qdpx``: "internal://NAME" is
#: ``Sources/NAME`` (REFI-QDA Project Exchange, "Sources").
_QDPX_INTERNAL = "internal://"
_QDA = "{urn:QDA-XML:project:1.0}"


def qdpx_project(data: bytes) -> str:
    """A REFI-QDA ``.qdpx`` as its ``project.qde`` with each text source's words put inside it
    (as ``PlainTextContent``, which a ``.qde`` may hold itself), for the reader of XML: the
    archive keeps a source's text in ``Sources/`` and names it by ``plainTextPath``.  A source
    kept outside the archive (an absolute path on the researcher's machine) has no words here;
    PDFs and pictures the project codes are not read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            root = part_xml(package, "project.qde", "a REFI-QDA .qdpx")
            for source in root.iter(f"{_QDA}TextSource"):
                path = source.get("plainTextPath") or ""
                member = "Sources/" + path.removeprefix(_QDPX_INTERNAL)
                if path.startswith(_QDPX_INTERNAL) and member in names and source.find(
                        f"{_QDA}PlainTextContent") is None:
                    content = ET.Element(f"{_QDA}PlainTextContent")
                    content.text = package_member(package, member).decode("utf-8-sig", "replace")
                    source.insert(0, content)
    except (*_ZIP_ERRORS, UnicodeDecodeError) as exc:
        raise ValueError(f"damaged REFI-QDA project ({one_line(str(exc))})") from None
    return ET.tostring(root, encoding="unicode")


# ------------------------------------------------------------------------------ IDML, H5P
#: IDML's packaging namespace (``designmap.xml`` names the package's parts with it).
_IDPKG = "{http://ns.adobe.com/AdobeInDesign/idml/1.0/packaging}"
#: Paragraph styles that are the page's furniture, not its text: page numbers and running lines.
_IDML_FURNITURE = re.compile(r"folio|running|page ?number", re.IGNORECASE)
#: A tab before a label ("Conwy<tab>Published: October 2023") separates two fields of a line.
_IDML_FIELD_TAB = re.compile(r"\t(?=[A-Z][\w ]{0,30}:)")


def idml_html(data: bytes) -> str:
    """An IDML package's text as a page: its stories in the order the spreads place their
    frames (a story no spread places, after them in the package's order), each paragraph by its
    paragraph style: a title or head style a heading, a bullet or numbered style a list item
    (InDesign draws those numbers; they are not in the text), folios and running lines left
    out.  Why by hand: a story is XML whose paragraphs are style ranges of ``Content`` runs
    ended by ``Br``; nothing maintained in Python reads IDML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            design = part_xml(package, "designmap.xml", "an InDesign IDML package")
            parts = {kind: [str(e.get("src")) for e in design.iter(f"{_IDPKG}{kind}")]
                     for kind in ("Spread", "Story")}
            placed = [str(frame.get("ParentStory")) for name in parts["Spread"]
                      for frame in part_xml(package, name, "an IDML spread").iter("TextFrame")]
            stories = {str(s.get("Self")): s for name in parts["Story"]
                       for s in part_xml(package, name, "an IDML story").iter("Story")}
    except (*_ZIP_ERRORS, KeyError) as exc:
        raise ValueError(f"damaged IDML package ({one_line(str(exc))})") from None
    order = list(dict.fromkeys([s for s in placed if s in stories] + list(stories)))
    return "\n".join(_idml_story(stories[s]) for s in order)


def _idml_story(story: ET.Element) -> str:
    """One story's paragraphs as HTML, a run of list items gathered into one list."""
    out: list[str] = []
    for style_range in story.iter("ParagraphStyleRange"):
        style = str(style_range.get("AppliedParagraphStyle", "")).rsplit("/", 1)[-1].lower()
        if _IDML_FURNITURE.search(style):
            continue
        tag = _idml_tag(style, str(style_range.get("BulletsAndNumberingListType", "")))
        items = [_IDML_FIELD_TAB.sub("<br>", escape(p)).replace("\t", " ").replace("\u2028", "<br>")
                 for p in _idml_paragraphs(style_range)]
        if tag in ("ul", "ol"):
            out.append(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")
        else:
            out.extend(f"<{tag}>{item}</{tag}>" for item in items)
    return "\n".join(out)


def _idml_tag(style: str, list_type: str) -> str:
    """The HTML element a paragraph style stands for: a numbered or bulleted list (by the
    style's list type or its name), a heading ("H2 Review", "Sidebar head", "Title"), or a
    paragraph."""
    if list_type == "NumberedList" or "number" in style:
        return "ol"
    if list_type == "BulletList" or "bullet" in style or "list" in style:
        return "ul"
    return "h2" if "head" in style or "title" in style or re.match(r"h\d\b", style) else "p"


def _idml_paragraphs(style_range: ET.Element) -> list[str]:
    """A paragraph style range's paragraphs: its ``Content`` runs, a ``Br`` ending each (a
    table's cells are paragraphs of their own)."""
    paragraphs, current = [], ""
    for element in style_range.iter():
        if element.tag == "Content":
            current += element.text or ""
        elif element.tag == "Br" and current.strip():
            paragraphs.append(current.strip())
            current = ""
    return paragraphs + ([current.strip()] if current.strip() else [])


def h5p_package(data: bytes) -> tuple[str, object]:
    """An H5P package's title (``h5p.json``) and its activity (``content/content.json`` as the
    parameters of the main library, for :func:`casegraph.ingest.interchange.h5p_html`).  The
    player's libraries beside them are code, styles and translations of its buttons, never read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "content/content.json" not in names:
                raise ValueError("no content/content.json in the package (is it an H5P file?)")
            meta = json.loads(package_member(package, "h5p.json")) if "h5p.json" in names else {}
            content = json.loads(package_member(package, "content/content.json"))
    except (*_ZIP_ERRORS, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"damaged H5P package ({one_line(str(exc))})") from None
    meta = meta if isinstance(meta, dict) else {}
    title = meta.get("title")
    activity = {"library": _h5p_main_library(meta), "params": content}
    return (title if isinstance(title, str) else ""), activity


def _h5p_main_library(meta: dict[str, object]) -> str:
    """The package's main content type as a part names its library ("H5P.Accordion 1.0"): a
    package's ``content.json`` is that type's parameters, which name no library themselves."""
    main = str(meta.get("mainLibrary", ""))
    dependencies = meta.get("preloadedDependencies")
    for dependency in dependencies if isinstance(dependencies, list) else []:
        if isinstance(dependency, dict) and dependency.get("machineName") == main:
            return f"{main} {dependency.get('majorVersion')}.{dependency.get('minorVersion')}"
    return f"{main} 1.0" if main else ""


# ------------------------------------------------------------------------------------- XMind
#: XMind 8's content namespace (``content.xml``); XMind 2020 and later write ``content.json``.
_XMIND8 = "{urn:xmind:xmap:xmlns:content:2.0}"


def xmind_content(data: bytes) -> object:
    """An XMind map's sheets as the data of its ``content.json`` (XMind 2020 and later), for
    :func:`casegraph.ingest.interchange.xmind_outline`; an XMind 8 map's ``content.xml`` is
    turned into the same form (each topic's title, attached subtopics and plain-text note).
    A newer map also holds a ``content.xml``, but only as a warning for XMind 8 to show: the
    JSON is read whenever it is there."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "content.json" in names:
                return json.loads(package_member(package, "content.json"))
            if "content.xml" in names:
                return _xmind8_sheets(package_member(package, "content.xml"))
    except (*_ZIP_ERRORS, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"damaged XMind map ({one_line(str(exc))})") from None
    raise ValueError("no content.json or content.xml in the map (is it an XMind file?)")


def part_xml(package: zipfile.ZipFile, name: str, kind: str) -> ET.Element:
    """A package's XML part that says what the package holds (a cartridge's manifest, a QDA
    project): refused when missing, and when it declares entities, which such a part never
    needs and which are the one way XML makes a small file large."""
    if name not in package.namelist():
        raise ValueError(f"no {name} in the package (is it {kind}?)")
    xml = package_member(package, name)
    refuse_declarations(xml, f"its {name}")
    return ET.fromstring(xml)


def _xmind8_sheets(xml: bytes) -> list[dict[str, object]]:
    refuse_declarations(xml, "its content.xml")
    root = ET.fromstring(xml)
    return [{"rootTopic": _xmind8_topic(topic)} for sheet in root.iter(f"{_XMIND8}sheet")
            if (topic := sheet.find(f"{_XMIND8}topic")) is not None]


def _xmind8_topic(topic: ET.Element) -> dict[str, object]:
    out: dict[str, object] = {"title": topic.findtext(f"{_XMIND8}title") or ""}
    attached = [child for group in topic.findall(f"{_XMIND8}children/{_XMIND8}topics")
                if group.get("type") == "attached" for child in group.findall(f"{_XMIND8}topic")]
    if attached:
        out["children"] = {"attached": [_xmind8_topic(child) for child in attached]}
    if note := topic.findtext(f"{_XMIND8}notes/{_XMIND8}plain"):
        out["notes"] = {"plain": {"content": note}}
    return out


# ---------------------------------------------------------------------------------- Gnumeric
def kword_xml(data: bytes) -> str:
    """(session 83) A KWord document's ``maindoc.xml`` (in its store, or bare), for the reader of
    XML, which reads it as the document it prints."""
    try:
        if data.startswith(ZIP_MAGICS):
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                if "maindoc.xml" not in package.namelist():
                    raise ValueError("a zip with no maindoc.xml (is it a KWord document?)")
                raw = package_member(package, "maindoc.xml")
        elif data[:2] == b"\x1f\x8b":
            found = tar_members(data, lambda name: name == "maindoc.xml", "maindoc.xml")
            if not found:
                raise ValueError("a tar with no maindoc.xml (is it a KWord document?)")
            raw = found[0][1]
        else:
            raw = data
    except (tarfile.TarError, EOFError, OSError, *_ZIP_ERRORS) as exc:
        raise ValueError(f"damaged KWord document ({one_line(str(exc))})") from None
    return _closed(raw, b"</DOC>", "KWord document")


def abiword_xml(data: bytes) -> str:
    """(session 83) An AbiWord document's XML, gzipped or bzip2ed as AbiWord saves ``.zabw`` and
    ``.bzabw``, or plain (a template, or a ``.zabw`` its exporter left uncompressed)."""
    return _closed(_unpacked_or_plain(data, "AbiWord document"), b"</abiword>", "AbiWord document")


def _unpacked_or_plain(data: bytes, what: str) -> bytes:
    """A document saved compressed (a stream :data:`_COMPRESSIONS` knows, by its first bytes:
    Gnumeric's gzip, AbiWord's gzip or bzip2) unpacked, or its bytes as they are; a stream that
    does not unpack is a damaged ``what``."""
    try:
        return _uncompressed(data)
    except (EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
        raise ValueError(f"damaged {what} ({one_line(str(exc))})") from None


def _closed(raw: bytes, end: bytes, what: str) -> str:
    """A word processor's XML whose root element is closed, as text: one cut short (a bare file
    has no store's checksum to say so) would be read in part, its rest lost without a word."""
    if end not in raw[-4096:]:
        raise ValueError(f"damaged {what} (cut short: its {end.decode()[2:-1]} element is never closed)")
    return raw.decode("utf-8", errors="replace")


def gnumeric_xml(data: bytes) -> str:
    """A Gnumeric workbook's XML (gzipped, as Gnumeric saves by default, or plain when its
    compression is turned off), for the reader of XML, which reads its sheets as tables."""
    return _unpacked_or_plain(data, "Gnumeric workbook").decode("utf-8", errors="replace")
