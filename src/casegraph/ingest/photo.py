"""Pictures read as a picture desk reads them: by the words their metadata carries.

(session 74) A news agency's photo of a council's offices, filed with a story about a review,
carries the story in its caption: IPTC's Information Interchange Model (IIM) datasets in the
JPEG's Photoshop segment (APP13), and the same fields again as XMP (APP1), which newer tools
write alone.  (session 75) A partnership's "learning on a page" poster, published as a PNG,
carries its whole text again as alt text: the PNG's text chunks (``Title``, ``Author``,
``Description``), which an accessible site and a screen reader read.  (session 76) An archive's
scan of a printed summary, kept as a TIFF, carries what its digitisation team typed in: the
TIFF's ImageDescription and DocumentName tags, Windows' XP tags, IPTC and XMP.  (session 77) A
WebP social card and a JPEG 2000 digitisation master carry theirs in XMP (and EXIF): a WebP's
RIFF chunks, a JP2's boxes; (session 83) a JPEG XL master in the same boxes, Brotli-compressed
or not.  The picture itself is never decoded: casegraph reads no image's
pixels, and a picture whose metadata holds no caption is refused, saying so.

The segments, chunks and directories are walked by hand: the JPEG marker structure, IIM's tagged
datasets, PNG's length-type-data chunks, TIFF's image file directories, WebP's chunks and JPEG
2000's boxes are a few lines each, and no image library is needed to read neither pixels nor
colour.
"""

from __future__ import annotations

import html
import io
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from datetime import date
from typing import BinaryIO, NamedTuple

from casegraph.ingest.binaries import inflated, refuse_declarations, utf8_else
from casegraph.ingest.interchange import element_words, printed_date
from casegraph.ingest.isobmff import boxes

#: The photographs read, with the media type each is published under.
JPEG_SUFFIXES = {".jpg", ".jpeg", ".jpe"}
JPEG_MEDIA = "image/jpeg"
#: Start of image, then any marker: how a JPEG is known by its bytes, whatever its name.
JPEG_MAGIC = b"\xff\xd8\xff"

_SOS, _EOI = 0xDA, 0xD9  # start of scan: the picture's data, after every metadata segment
_APP1, _APP13 = 0xE1, 0xED
_XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
_PHOTOSHOP_ID = b"Photoshop 3.0\x00"
_IPTC_RESOURCE = 0x0404  # the Photoshop image resource that holds the IIM datasets
_RESOURCE_SIGNATURE = b"8BIM"  # what opens each of Photoshop's image resources

#: IIM's application record (2) datasets that a picture desk shows, by number.
_HEADLINE, _OBJECT_NAME, _KEYWORDS, _DATE_CREATED = 105, 5, 25, 55
_BYLINE, _CREDIT, _SOURCE = 80, 110, 115
_CITY, _SUBLOCATION, _PROVINCE, _COUNTRY = 90, 92, 95, 101
_CAPTION = 120
#: IIM's envelope record (1) dataset 90: the character set; ESC % G says UTF-8 (else Latin-1,
#: which is what IIM's older writers meant by none).
_CODED_CHARACTER_SET = 90
_UTF8_ESCAPE = b"\x1b%G"

#: The XMP properties of the same fields (IPTC Core maps IIM onto Dublin Core and Photoshop's).
_DC = "{http://purl.org/dc/elements/1.1/}"
_PS = "{http://ns.adobe.com/photoshop/1.0/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_XMP_FIELDS = {_PS + "Headline": _HEADLINE, _DC + "title": _OBJECT_NAME, _DC + "subject": _KEYWORDS,
               _PS + "DateCreated": _DATE_CREATED, _DC + "creator": _BYLINE, _PS + "Credit": _CREDIT,
               _PS + "City": _CITY, _PS + "State": _PROVINCE, _PS + "Country": _COUNTRY,
               _DC + "description": _CAPTION}


def is_jpeg(data: bytes) -> bool:
    return data.startswith(JPEG_MAGIC)


def photo_text(data: bytes) -> str:
    """A news photo as its caption card: the headline, the place and date, who took it, then
    the caption as a paragraph, then its keywords.  IIM's values come first; XMP fills what IIM
    lacks (a photo edited by a newer tool may carry only XMP)."""
    if not is_jpeg(data):
        raise ValueError("not a JPEG image (no start-of-image marker)")
    iim, xmp = _segments(data)
    fields = _iim_fields(iim) if iim else {}
    for number, values in (_xmp_fields(xmp) if xmp else {}).items():
        fields.setdefault(number, values)
    return _captioned_card(fields, "a photograph whose metadata holds no caption (IPTC "
                                   "Caption-Abstract or XMP dc:description)")


def _segments(data: bytes) -> tuple[bytes | None, bytes | None]:
    """The IIM datasets (from APP13's Photoshop resources) and the XMP packet (APP1), each None
    when the photo has none.  A segment that runs past the file's end is refused: the file was
    cut short."""
    iim = xmp = None
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise ValueError(f"damaged JPEG image (no marker at byte {at})")
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes before a marker
            at += 1
            continue
        if marker in (_SOS, _EOI):
            break
        (length,) = struct.unpack_from(">H", data, at + 2)
        if length < 2 or at + 2 + length > len(data):
            raise ValueError(f"damaged JPEG image (segment at byte {at} runs past the end)")
        body = data[at + 4:at + 2 + length]
        if marker == _APP1 and body.startswith(_XMP_ID):
            xmp = body[len(_XMP_ID):]
        elif marker == _APP13 and body.startswith(_PHOTOSHOP_ID):
            iim = _iptc_resource(body[len(_PHOTOSHOP_ID):]) or iim
        at += 2 + length
    else:
        raise ValueError("damaged JPEG image (it ends before its picture data)")
    return iim, xmp


def _iptc_resource(resources: bytes) -> bytes | None:
    """The IPTC resource among Photoshop's image resources ("8BIM", id, a padded Pascal name,
    a size, the data padded to even length)."""
    at = 0
    while at + 12 <= len(resources) and resources[at:at + 4] == _RESOURCE_SIGNATURE:
        (rid,) = struct.unpack_from(">H", resources, at + 4)
        at += 6 + (resources[at + 6] + 2) // 2 * 2  # the name's length byte and name, padded to even
        if at + 4 > len(resources):
            break
        (size,) = struct.unpack_from(">I", resources, at)
        at += 4
        if rid == _IPTC_RESOURCE:
            return resources[at:at + size]
        at += size + (size & 1)
    return None


def _iim_fields(iim: bytes) -> dict[int, list[str]]:
    """The application record's datasets by number, each a list (keywords repeat), decoded as
    the envelope's character set says."""
    raw: list[tuple[int, int, bytes]] = []
    at = 0
    while at + 5 <= len(iim) and iim[at] == 0x1C:
        record, number = iim[at + 1], iim[at + 2]
        (size,) = struct.unpack_from(">H", iim, at + 3)
        at += 5
        if size & 0x8000:  # an extended dataset: the size's own length, then the size
            width = size & 0x7FFF
            size = int.from_bytes(iim[at:at + width], "big")
            at += width
        raw.append((record, number, iim[at:at + size]))
        at += size
    utf8 = any(r == 1 and n == _CODED_CHARACTER_SET and v == _UTF8_ESCAPE for r, n, v in raw)
    fields: dict[int, list[str]] = {}
    for record, number, value in raw:
        # (UTF-8 when it decodes as UTF-8, as many writers leave the character set out; else
        # Latin-1, or UTF-8 with its faults replaced when the envelope says UTF-8)
        if record == 2 and (text := utf8_else(value, "utf-8" if utf8 else "latin-1").strip()):
            fields.setdefault(number, []).append(text)
    return fields


def _xmp_fields(packet: bytes) -> dict[int, list[str]]:
    """The XMP properties of IIM's fields, by IIM's numbers.  Declarations inside a document
    type are refused, as for any XML casegraph reads (entities make a small file large)."""
    refuse_declarations(packet, "an XMP packet")
    try:
        root = ET.fromstring(packet.decode("utf-8", "replace").strip().rstrip("\x00"))
    except ET.ParseError as exc:
        raise ValueError(f"damaged XMP packet ({exc})") from None
    fields: dict[int, list[str]] = {}
    for element in root.iter():
        number = _XMP_FIELDS.get(element.tag)
        if number is None:
            continue
        items = list(element.iter(_RDF + "li"))
        # (session 77) a description keeps its lines: a card's alt text lists its learning a
        # point a line ("1. Ask who lives in the home"), which one run of words would lose
        words = _lines_kept if number == _CAPTION else element_words
        values = [words(li) for li in items] if items else [words(element)]
        if values := [v for v in values if v]:
            fields.setdefault(number, []).extend(values)
    return fields


def _lines_kept(element: ET.Element) -> str:
    """An element's words line by line, each line's runs of white space made single spaces and
    blank lines dropped."""
    lines = ("".join(element.itertext())).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _card(fields: dict[int, list[str]]) -> str:
    """The caption card's lines: headline (or the object's name when there is none), the place
    and the date, the byline and credit; the caption; "Keywords: ..."."""
    def first(number: int) -> str | None:
        return (fields.get(number) or [None])[0]

    place = ", ".join(v for v in (first(_SUBLOCATION), first(_CITY), first(_PROVINCE), first(_COUNTRY)) if v)
    taken = _iim_date(first(_DATE_CREATED))
    head = [first(_HEADLINE) or first(_OBJECT_NAME),
            " - ".join(v for v in (place, taken) if v),
            " / ".join(dict.fromkeys(v for v in (first(_BYLINE), first(_CREDIT) or first(_SOURCE)) if v))]
    out = ["\n".join(line for line in head if line), *dict.fromkeys(fields[_CAPTION])]
    if keywords := list(dict.fromkeys(fields.get(_KEYWORDS, []))):
        out.append("Keywords: " + ", ".join(keywords))
    return "\n\n".join(part for part in out if part) + "\n"


def _captioned_card(fields: dict[int, list[str]], uncaptioned: str) -> str:
    """The card of a picture whose metadata holds a caption; ValueError(``uncaptioned``, the
    picture and where its caption was looked for) when none does."""
    if not fields.get(_CAPTION):
        raise ValueError(f"{uncaptioned}: its words, if any, are only in the picture")
    return _card(fields)


def _has_caption(fields_of: Callable[[BinaryIO], dict[int, list[str]]], handle: BinaryIO) -> bool:
    """Whether a folder's picture holds a caption, by its metadata read with ``fields_of``; a
    file cut short or of another kind has none (no page, whatever its name)."""
    try:
        return bool(fields_of(handle).get(_CAPTION))
    except ValueError:
        return False


def _iim_date(value: str | None) -> str | None:
    """IIM's CCYYMMDD (or XMP's ISO date) as a page writes a date: "15 May 2024"."""
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?", value or "")
    if not m:
        return value
    try:
        date(int(m[1]), int(m[2]), int(m[3]))  # (an impossible day is left as written)
    except ValueError:
        return value
    return printed_date(f"{m[1]}-{m[2]}-{m[3]}")


#: How much of a folder's photo is read to tell whether it is captioned: every metadata segment
#: stands before the picture's data, and each is at most 64 KiB.
CAPTION_HEAD_BYTES = 256 * 1024


def captioned(head: bytes) -> bool:
    """Whether a photo's opening bytes carry a caption: a folder's captioned news photo is a
    page, its logos and pictures are not (they are left out as any image is)."""
    try:
        iim, xmp = _segments(head)
        fields = _iim_fields(iim) if iim else {}
        # (XMP read only when IIM holds no caption, as a picture desk would)
        return bool(fields.get(_CAPTION) or (xmp and _xmp_fields(xmp).get(_CAPTION)))
    except ValueError:
        return False  # (cut short, or not a JPEG: no page, whatever its name)


# ---------------------------------------------------------------------------------- PNG
#: (session 75) The PNG images read, by their text chunks, with their media type.
PNG_SUFFIXES = {".png"}
PNG_MEDIA = "image/png"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: A PNG's text chunk keywords (the PNG specification's, as Pillow, ImageMagick and exiftool
#: write them) by the IIM field the card shows them as; XMP in an iTXt chunk fills the rest.
_PNG_FIELDS = {"title": _OBJECT_NAME, "author": _BYLINE, "creation time": _DATE_CREATED,
               "source": _SOURCE, "description": _CAPTION, "comment": _CAPTION}
_PNG_XMP = "XML:com.adobe.xmp"
_PNG_TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")
#: The most a compressed text chunk unpacks to, and the longest TIFF tag read: a poster's alt
#: text or a scan's description is a page, not a book.
_TEXT_MAX = 4 * 1024 * 1024


def is_png(data: bytes) -> bool:
    return data.startswith(PNG_MAGIC)


def png_text(data: bytes) -> str:
    """A poster published as a PNG, as its caption card: the title, the author and the date,
    then its description (the alt text that holds the poster's words) as a paragraph.  Text
    chunks come first; XMP fills what they lack."""
    if not is_png(data):
        raise ValueError("not a PNG image (no PNG signature)")
    return _captioned_card(_png_fields(io.BytesIO(data)), "a PNG image whose text chunks hold no "
                           "description (Description, Comment or XMP dc:description)")


def png_described(handle: BinaryIO) -> bool:
    """Whether a folder's PNG carries a description: a poster with alt text is a page, a
    logo or a chart is not.  Its chunks are walked, not read: the picture's data is passed over
    (text chunks may follow it)."""
    return _has_caption(_png_fields, handle)


def _png_fields(handle: BinaryIO) -> dict[int, list[str]]:
    """A PNG's text chunks as IIM fields (:data:`_PNG_FIELDS`), XMP's filling the rest."""
    if handle.read(len(PNG_MAGIC)) != PNG_MAGIC:
        raise ValueError("not a PNG image (no PNG signature)")
    fields: dict[int, list[str]] = {}
    xmp: dict[int, list[str]] = {}
    damaged: ValueError | None = None
    for keyword, words in _png_texts(handle):
        if keyword == _PNG_XMP:
            try:
                xmp = _xmp_fields(words.encode("utf-8"))
            except ValueError as exc:
                damaged = exc  # (a poster's own text chunks still say what it shows)
        elif (number := _PNG_FIELDS.get(keyword.lower())) is not None and words.strip():
            fields.setdefault(number, []).append(words.strip())
    if damaged is not None and not fields.get(_CAPTION):
        raise damaged
    for number, values in xmp.items():
        fields.setdefault(number, values)
    return fields


def _png_texts(handle: BinaryIO) -> list[tuple[str, str]]:
    """Every text chunk's keyword and words, in file order, up to the image's end chunk."""
    out = []
    while len(header := handle.read(8)) == 8:
        length, kind = struct.unpack(">I4s", header)
        if kind == b"IEND":
            break
        if kind not in _PNG_TEXT_CHUNKS:
            handle.seek(length + 4, io.SEEK_CUR)  # (its data and CRC: pixels, palette, sizes)
            continue
        body = handle.read(length)
        if len(body) < length:
            raise ValueError(f"damaged PNG image (its {kind.decode()} chunk is cut short)")
        handle.read(4)
        out.append(_png_text_chunk(kind, body))
    return out


def _png_text_chunk(kind: bytes, body: bytes) -> tuple[str, str]:
    """One text chunk's keyword and words: tEXt's Latin-1, zTXt's deflated Latin-1, iTXt's
    UTF-8 (deflated when its flag says so) after its language and translated keyword."""
    keyword, _, rest = body.partition(b"\0")
    try:
        if kind == b"zTXt":
            rest = inflated(rest[1:], _TEXT_MAX, "a PNG text chunk too large to read")
        elif kind == b"iTXt":
            compressed, rest = rest[:1] == b"\x01", rest[2:]
            rest = rest.split(b"\0", 2)[-1]  # (after the language tag and translated keyword)
            if compressed:
                rest = inflated(rest, _TEXT_MAX, "a PNG text chunk too large to read")
            return keyword.decode("latin-1"), utf8_else(rest)
    except zlib.error as exc:
        raise ValueError(f"damaged PNG image (its {kind.decode()} chunk does not inflate: {exc})") from None
    return keyword.decode("latin-1"), rest.decode("latin-1")


# --------------------------------------------------------------------------------- TIFF
#: (session 76) The TIFF images read, by their tags, with their media type: an archive's scan of a
#: printed summary, which its digitisation team catalogued in the file itself.
TIFF_SUFFIXES = {".tif", ".tiff"}
TIFF_MEDIA = "image/tiff"
#: The byte order and the version (42 classic, 43 BigTIFF) that open every TIFF.
TIFF_MAGICS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
#: The baseline tags that say what a scan shows (their words as ASCII), Windows Explorer's own
#: (UTF-16), and the IPTC and XMP blocks, by tag number.  The name of the document scanned is
#: often the archive's shelf mark ("SACPC/CMR/2011/04 ..."): the card's title only when no
#: other tag gives one.
_DOCUMENT_NAME = -269
_TIFF_FIELDS = {269: _DOCUMENT_NAME, 270: _CAPTION, 315: _BYLINE, 40091: _OBJECT_NAME, 40092: _CAPTION,
                40094: _KEYWORDS}
_TIFF_WINDOWS = {40091, 40092, 40094}
_TIFF_XMP, _TIFF_IPTC, _TIFF_PHOTOSHOP = 700, 33723, 34377
#: Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, the signed ones,
#: UNDEFINED, FLOAT, DOUBLE, IFD, and BigTIFF's 8-byte integers).
_TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4,
                    16: 8, 17: 8, 18: 8}
#: The most pages (image file directories) walked: a scanned summary is a few pages, and a loop
#: of directories ends here.
_TIFF_MAX_PAGES = 1000


def is_tiff(data: bytes) -> bool:
    return data[:4] in TIFF_MAGICS


def tiff_text(data: bytes) -> str:
    """(session 76) An archive's scan as its catalogue card: the title, the maker, then the
    description (a digitised summary's text, as the archive typed it in) as a paragraph, each
    page's own after the first's.  The TIFF's tags come first, IPTC fills what they lack, XMP
    what both lack; the picture is never decoded."""
    if not is_tiff(data):
        raise ValueError("not a TIFF image (no II*/MM* byte order and version)")
    return _captioned_card(_tiff_fields(io.BytesIO(data)), "a TIFF image whose tags hold no "
                           "description (ImageDescription, IPTC Caption-Abstract or XMP dc:description)")


def tiff_described(handle: BinaryIO) -> bool:
    """Whether a folder's TIFF carries a description: a catalogued scan is a page, a logo or a
    scanned form without one is not."""
    return _has_caption(_tiff_fields, handle)


def _tiff_fields(handle: BinaryIO) -> dict[int, list[str]]:
    """Every page's words as IIM fields (:data:`_TIFF_FIELDS`), then the IPTC and XMP blocks'
    filling what the tags lack.  The directories are followed by their offsets, so only the
    tags are read, never the picture's strips."""
    size = handle.seek(0, io.SEEK_END)
    handle.seek(0)
    head = handle.read(16)
    if head[:4] not in TIFF_MAGICS:
        raise ValueError("not a TIFF image (no II*/MM* byte order and version)")
    order = "<" if head[:2] == b"II" else ">"
    big = head[2:4] in (b"+\x00", b"\x00+")
    (at,) = struct.unpack_from(order + ("Q" if big else "I"), head, 8 if big else 4)
    fields: dict[int, list[str]] = {}
    blocks: dict[int, bytes] = {}
    seen: set[int] = set()
    while at and at not in seen and len(seen) < _TIFF_MAX_PAGES:
        seen.add(at)
        at = _tiff_page(handle, order, big, at, size, fields, blocks)
    fill = [_iim_fields(blocks[_TIFF_IPTC]) if _TIFF_IPTC in blocks else {},
            _iim_fields(iim) if _TIFF_PHOTOSHOP in blocks and (iim := _iptc_resource(blocks[_TIFF_PHOTOSHOP]))
            else {},
            _xmp_fields(blocks[_TIFF_XMP]) if _TIFF_XMP in blocks else {}]
    for more in fill:
        for number, values in more.items():
            fields.setdefault(number, values)
    if named := fields.pop(_DOCUMENT_NAME, None):
        fields.setdefault(_OBJECT_NAME, named)
    return fields


def _tiff_page(handle: BinaryIO, order: str, big: bool, at: int, size: int,
               fields: dict[int, list[str]], blocks: dict[int, bytes]) -> int:
    """One image file directory's tags added to ``fields`` (words) and ``blocks`` (the first
    page's IPTC and XMP); the next directory's offset (0 after the last)."""
    count_format, entry_size = ("Q", 20) if big else ("H", 12)
    width = struct.calcsize(count_format)
    handle.seek(at)
    (count,) = struct.unpack(order + count_format, _tiff_read(handle, width, at))
    if at + count * entry_size > size:  # (a damaged count: never asked of the file as a length)
        raise ValueError(f"damaged TIFF image (its directory at byte {at} runs past the end)")
    entries = _tiff_read(handle, count * entry_size + (8 if big else 4), at)
    for n in range(count):
        tag, kind = struct.unpack_from(order + "HH", entries, n * entry_size)
        if tag not in _TIFF_FIELDS and tag not in (_TIFF_XMP, _TIFF_IPTC, _TIFF_PHOTOSHOP):
            continue
        (values,) = struct.unpack_from(order + ("Q" if big else "I"), entries, n * entry_size + 4)
        length = values * _TIFF_TYPE_SIZES.get(kind, 1)
        inline = 8 if big else 4
        value_at = n * entry_size + (12 if big else 8)
        if length <= inline:
            raw = entries[value_at:value_at + length]
        else:
            (offset,) = struct.unpack_from(order + ("Q" if big else "I"), entries, value_at)
            if offset + length > size or length > _TEXT_MAX:
                raise ValueError(f"damaged TIFF image (tag {tag} at byte {at} runs past the end)")
            handle.seek(offset)
            raw = _tiff_read(handle, length, offset)
        if tag in _TIFF_FIELDS:
            _tiff_words(fields, _TIFF_FIELDS[tag], raw, windows=tag in _TIFF_WINDOWS)
        else:
            blocks.setdefault(tag, raw)
    (following,) = struct.unpack_from(order + ("Q" if big else "I"), entries, count * entry_size)
    return following


def _tiff_read(handle: BinaryIO, length: int, at: int) -> bytes:
    raw = handle.read(length)
    if len(raw) < length:
        raise ValueError(f"damaged TIFF image (its directory at byte {at} is cut short)")
    return raw


def _tiff_words(fields: dict[int, list[str]], number: int, raw: bytes, windows: bool) -> None:
    """A tag's words added to its field: ASCII (UTF-8 as many writers mean it) ending in NUL,
    or Windows Explorer's UTF-16; keywords apart at semicolons."""
    text = raw.decode("utf-16-le", "replace") if windows else utf8_else(raw)
    text = text.replace("\x00", "\n").replace("\r\n", "\n").strip()
    values = [v.strip() for v in text.split(";")] if number == _KEYWORDS else [text]
    if values := [v for v in values if v and v not in fields.get(number, [])]:
        fields.setdefault(number, []).extend(values)


# ------------------------------------------------------------------------ WebP, JPEG 2000
#: (session 77) A WebP social card (a partnership's "learning on a page" for social media, its
#: alt text in XMP) and a JPEG 2000 digitisation master (a library's scan of a printed leaflet,
#: its transcription in XMP), with their media types.  Both are containers of tagged parts: a
#: WebP is a RIFF file of chunks, a JP2 a sequence of boxes; their XMP and EXIF parts are read
#: as a JPEG's and a TIFF's are, the pictures never decoded.
WEBP_SUFFIXES = {".webp"}
WEBP_MEDIA = "image/webp"
JP2_SUFFIXES = {".jp2", ".jpx", ".jpf"}
JP2_MEDIA = "image/jp2"
_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
#: A JP2 ``uuid`` box's first 16 bytes when it holds XMP (ISO 15444-1 names it; Adobe's XMP
#: specification part 3), and when it holds EXIF (as exiftool and Kakadu write it).
_JP2_XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")
_JP2_EXIF_UUID = b"JpgTiffExif->JP2"
_EXIF_PREFIX = b"Exif\x00\x00"


def is_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def is_jp2(data: bytes) -> bool:
    return data.startswith(_JP2_SIGNATURE)


def webp_text(data: bytes) -> str:
    """(session 77) A WebP card as its caption card (:func:`png_text`): EXIF's tags first (a TIFF
    block), XMP filling what they lack."""
    if not is_webp(data):
        raise ValueError("not a WebP image (no RIFF WEBP header)")
    return _captioned_card(_webp_fields(io.BytesIO(data)), "a WebP image whose metadata holds no "
                           "description (EXIF ImageDescription or XMP dc:description)")


def webp_described(handle: BinaryIO) -> bool:
    """Whether a folder's WebP carries a description: a social card with alt text is a page, a
    site's photo or logo is not."""
    return _has_caption(_webp_fields, handle)


def jp2_text(data: bytes) -> str:
    """(session 77) A JPEG 2000 master as its catalogue card (:func:`tiff_text`): EXIF's tags
    first, XMP (a ``uuid`` or ``xml`` box) filling what they lack."""
    if not is_jp2(data):
        raise ValueError("not a JPEG 2000 image (no JP2 signature box)")
    return _captioned_card(_jp2_fields(io.BytesIO(data)), "a JPEG 2000 image whose metadata holds no "
                           "description (EXIF ImageDescription or XMP dc:description)")


def jp2_described(handle: BinaryIO) -> bool:
    """Whether a folder's JPEG 2000 image carries a description: a catalogued master is a page."""
    return _has_caption(_jp2_fields, handle)


def _webp_fields(handle: BinaryIO) -> dict[int, list[str]]:
    """A WebP's EXIF and XMP chunks as IIM fields; the image chunks are passed over."""
    if not is_webp(handle.read(12)):
        raise ValueError("not a WebP image (no RIFF WEBP header)")
    parts: list[tuple[str, bytes]] = []
    while len(header := handle.read(8)) == 8:
        kind, size = header[:4], int.from_bytes(header[4:], "little")
        if kind in (b"EXIF", b"XMP "):
            parts.append(("exif" if kind == b"EXIF" else "xmp", _part(handle, size, "WebP image", kind)))
            handle.seek(size & 1, io.SEEK_CUR)
        else:
            handle.seek(size + (size & 1), io.SEEK_CUR)
    return _metadata_fields(parts, _cut_short(handle, "WebP image"))


def _jp2_fields(handle: BinaryIO) -> dict[int, list[str]]:
    """A JP2's top-level EXIF and XMP boxes as IIM fields; the codestream is passed over."""
    if not is_jp2(handle.read(len(_JP2_SIGNATURE))):
        raise ValueError("not a JPEG 2000 image (no JP2 signature box)")
    return _boxed_fields(handle, "JPEG 2000 image")


def _boxed_fields(handle: BinaryIO, what: str) -> dict[int, list[str]]:
    """The EXIF and XMP boxes of a JP2 or a JPEG XL container (the same box syntax, after each
    one's signature box) as IIM fields; the codestream boxes are passed over."""
    parts: list[tuple[str, bytes]] = []
    while len(header := handle.read(8)) == 8:
        size, kind = int.from_bytes(header[:4], "big"), header[4:]
        if size == 1:
            size = int.from_bytes(handle.read(8), "big") - 8
        if size == 0:  # (the last box, to the file's end: the codestream)
            break
        if size < 8:
            raise ValueError(f"damaged {what} (a {kind!r} box of {size} bytes)")
        if kind in _METADATA_BOXES:
            parts.extend(_box_part(kind, _part(handle, size - 8, what, kind), what))
        else:
            handle.seek(size - 8, io.SEEK_CUR)
    return _metadata_fields(parts, _cut_short(handle, what))


#: The boxes that may hold metadata: JP2's XMP box and its ``uuid`` boxes (XMP or EXIF by their
#: first 16 bytes), JPEG XL's ``Exif`` box and its ``brob`` box (another box Brotli-compressed,
#: as cjxl writes a transcoded JPEG's EXIF and XMP).
_METADATA_BOXES = {b"xml ", b"uuid", b"Exif", b"brob"}


def _box_part(kind: bytes, body: bytes, what: str) -> list[tuple[str, bytes]]:
    """A metadata box's part (none for another ``uuid``): a JPEG XL ``Exif`` box opens with the
    TIFF header's offset, a ``brob`` box with the type of the box it compresses."""
    if kind == b"xml ":
        return [("xmp", body)]
    if kind == b"uuid":
        if body[:16] in (_JP2_XMP_UUID, _JP2_EXIF_UUID):
            return [("xmp" if body[:16] == _JP2_XMP_UUID else "exif", body[16:])]
        return []
    if kind == b"Exif":
        offset = int.from_bytes(body[:4], "big") if len(body) >= 4 else len(body)
        return [("exif", body[4 + offset:])]
    inner = body[:4]
    if inner not in (b"xml ", b"Exif"):
        return []
    return _box_part(inner, _unbrotli(body[4:], what), what)


def _unbrotli(data: bytes, what: str) -> bytes:
    """A ``brob`` box's Brotli stream undone, :data:`_TEXT_MAX` bytes at most (the maintained
    binding of the reference library, DECISIONS 127); a damaged or cut stream is said so."""
    import brotli

    unpack = brotli.Decompressor()
    try:
        out = unpack.process(data, output_buffer_limit=_TEXT_MAX + 1)
    except brotli.error:
        raise ValueError(f"damaged {what} (a compressed metadata box that does not decompress)") from None
    if len(out) > _TEXT_MAX:
        raise ValueError(f"a {what}'s compressed metadata box of over {_TEXT_MAX:,} bytes, too large "
                         "to be tags")
    if not unpack.is_finished():
        raise ValueError(f"damaged {what} (a compressed metadata box cut short)")
    return out


# ----------------------------------------------------------------------------------- JPEG XL
#: (session 83) A JPEG XL master (``.jxl``: an archive's digitised poster, its transcription in
#: XMP as a JP2's is).  Only the container form carries metadata; a bare codestream (``FF 0A``)
#: holds none, and is refused saying so.
JXL_SUFFIXES = {".jxl"}
JXL_MEDIA = "image/jxl"
_JXL_SIGNATURE = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
_JXL_CODESTREAM = b"\xff\x0a"


def is_jxl(data: bytes) -> bool:
    return data.startswith(_JXL_SIGNATURE)


def jxl_text(data: bytes) -> str:
    """(session 83) A JPEG XL master as its catalogue card (:func:`jp2_text`): EXIF's tags first,
    XMP filling what they lack, either one plain or Brotli-compressed."""
    if data.startswith(_JXL_CODESTREAM):
        raise ValueError("a bare JPEG XL codestream, which holds no metadata (only the container "
                         "form carries EXIF or XMP)")
    if not is_jxl(data):
        raise ValueError("not a JPEG XL image (no JXL signature box)")
    return _captioned_card(_jxl_fields(io.BytesIO(data)), "a JPEG XL image whose metadata holds no "
                           "description (EXIF ImageDescription or XMP dc:description)")


def jxl_described(handle: BinaryIO) -> bool:
    """Whether a folder's JPEG XL image carries a description: a catalogued master is a page."""
    return _has_caption(_jxl_fields, handle)


def _jxl_fields(handle: BinaryIO) -> dict[int, list[str]]:
    if not is_jxl(handle.read(len(_JXL_SIGNATURE))):
        raise ValueError("not a JPEG XL image (no JXL signature box)")
    return _boxed_fields(handle, "JPEG XL image")


#: (session 79) AVIF pictures (``.avif``: a board's "learning on a page" infographic saved by an
#: image editor), read by the XMP and EXIF items of their HEIF ``meta`` box.
AVIF_SUFFIXES = {".avif"}
AVIF_MEDIA = "image/avif"
#: (session 85) HEIC photographs (``.heic``, ``.heif``: a learning event's flipchart taken with a
#: phone and catalogued with its transcription), the same HEIF container as an AVIF's with an
#: HEVC picture, read the same way.
HEIC_SUFFIXES = {".heic", ".heif"}
HEIC_MEDIA = "image/heic"
#: The brands an ``ftyp`` box names (as its major brand or among the compatible ones): AVIF's
#: still image and sequence; HEIC's (HEVC stills and sequences) and HEIF's generic image and
#: sequence brands.  Without them the file is an MP4 video.  An AVIF names ``mif1`` too, so it
#: is told from a HEIC by its own brand first.
_AVIF_BRANDS = {b"avif", b"avis"}
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
#: A HEIF item's type when it holds metadata: EXIF (a TIFF block after a four-byte offset), or
#: a MIME item whose content type is XMP's.
_HEIF_EXIF, _HEIF_MIME = b"Exif", b"mime"
_XMP_MIME = b"application/rdf+xml"


def _branded(data: bytes, brands: set[bytes]) -> bool:
    """Whether an ISO base media file's ``ftyp`` box names one of ``brands``."""
    if data[4:8] != b"ftyp":
        return False
    end = min(int.from_bytes(data[:4], "big"), len(data))
    named = [data[8:12], *(data[at:at + 4] for at in range(16, end - 3, 4))]
    return any(brand in brands for brand in named)


def is_avif(data: bytes) -> bool:
    """An ISO base media file whose ``ftyp`` box names an AVIF brand (read before MP4 is tried:
    the same box opens an MP4 video)."""
    return _branded(data, _AVIF_BRANDS)


def is_heic(data: bytes) -> bool:
    """An ISO base media file whose ``ftyp`` box names a HEIC or HEIF image brand (tried after
    :func:`is_avif`, before MP4)."""
    return _branded(data, _HEIC_BRANDS)


def avif_text(data: bytes) -> str:
    """(session 79) An AVIF infographic as its caption card (:func:`png_text`): EXIF's tags
    first, XMP filling what they lack, as a JPEG 2000's are read."""
    return _heif_text(data, _AVIF)


def heic_text(data: bytes) -> str:
    """(session 85) A HEIC photograph as its caption card, read as an AVIF's is: the picture is
    HEVC, which casegraph never decodes; the transcription is in its XMP or EXIF item."""
    return _heif_text(data, _HEIC)


def avif_described(handle: BinaryIO) -> bool:
    """Whether a folder's AVIF carries a description: an infographic with alt text is a page."""
    return _has_caption(lambda h: _heif_fields(h, _AVIF), handle)


def heic_described(handle: BinaryIO) -> bool:
    """Whether a folder's HEIC carries a description: a phone photo without one is not a page."""
    return _has_caption(lambda h: _heif_fields(h, _HEIC), handle)


class _Heif(NamedTuple):
    """One HEIF family: its name in messages, its brands and what it lacks when it is not one."""

    what: str
    brands: set[bytes]
    lacking: str


_AVIF = _Heif("AVIF image", _AVIF_BRANDS, "no ftyp box naming the avif brand")
_HEIC = _Heif("HEIC image", _HEIC_BRANDS, "no ftyp box naming a HEIC or HEIF brand")


def _heif_text(data: bytes, family: _Heif) -> str:
    if not _branded(data, family.brands):
        raise ValueError(f"not an {family.what} ({family.lacking})")
    return _captioned_card(_heif_fields(io.BytesIO(data), family), f"an {family.what} whose metadata "
                           "holds no description (EXIF ImageDescription or XMP dc:description)")


def _heif_fields(handle: BinaryIO, family: _Heif) -> dict[int, list[str]]:
    """A HEIF image's EXIF and XMP items as IIM fields.  The top-level boxes are walked to the
    ``meta`` box; its item list (``iinf``) says which items are metadata, its item locations
    (``iloc``) where their bytes are (in the file, or in the ``meta`` box's own ``idat``); the
    picture's item is never read."""
    what = family.what
    if not _branded(handle.read(64), family.brands):
        raise ValueError(f"not an {what} ({family.lacking})")
    handle.seek(0)
    meta = b""
    while len(header := handle.read(8)) == 8:
        size, kind = int.from_bytes(header[:4], "big"), header[4:]
        if size == 1:
            size = int.from_bytes(handle.read(8), "big") - 8
        if size == 0:
            break
        if size < 8:
            raise ValueError(f"damaged {what} (a {kind!r} box of {size} bytes)")
        if kind == b"meta":
            meta = _part(handle, size - 8, what, kind)
            break
        handle.seek(size - 8, io.SEEK_CUR)
    if not meta:
        raise ValueError(f"damaged {what} (no meta box: cut short, or not an image)")
    try:
        found = {kind: (a, b) for kind, a, b in boxes(meta, 4, len(meta))}
        wanted = _heif_metadata_items(meta, found.get(b"iinf"))
        places = _heif_locations(meta, found.get(b"iloc"))
    except (ValueError, IndexError, struct.error) as exc:
        raise ValueError(f"damaged {what} ({' '.join(str(exc).split())})") from None
    idat = meta[found[b"idat"][0]:found[b"idat"][1]] if b"idat" in found else b""
    parts = [(kind, _heif_item(handle, places.get(item), idat, what)) for item, kind in wanted.items()]
    return _metadata_fields([(kind, body[4 + int.from_bytes(body[:4], "big"):] if kind == "exif" else body)
                             for kind, body in parts if len(body) >= 4])


def _heif_metadata_items(meta: bytes, iinf: tuple[int, int] | None) -> dict[int, str]:
    """The metadata items of a ``meta`` box's item list, by item ID: "exif" or "xmp".  Each
    ``infe`` (version 2 or 3) holds the item's ID, protection index, type and name, then a MIME
    item's content type."""
    if iinf is None:
        return {}
    start, end = iinf
    version = meta[start]
    first = start + 4 + (2 if version == 0 else 4)
    out: dict[int, str] = {}
    for kind, a, b in boxes(meta, first, end):
        if kind != b"infe" or meta[a] < 2:
            continue
        width = 2 if meta[a] == 2 else 4
        item = int.from_bytes(meta[a + 4:a + 4 + width], "big")
        at = a + 4 + width + 2
        item_type = meta[at:at + 4]
        name_end = meta.index(b"\0", at + 4, b)
        if item_type == _HEIF_EXIF:
            out[item] = "exif"
        elif item_type == _HEIF_MIME and meta[name_end + 1:b].split(b"\0", 1)[0] == _XMP_MIME:
            out[item] = "xmp"
    return out


_Location = tuple[int, list[tuple[int, int]]]  # (an item's construction method, its extents)


def _heif_locations(meta: bytes, iloc: tuple[int, int] | None) -> dict[int, _Location]:
    """A ``meta`` box's item locations by item ID: the construction method (0, in the file; 1,
    in ``idat``) and the extents, each (offset, length), its base offset added (ISO 14496-12
    8.11.3: field widths of 0, 4 or 8 bytes, given in the box's first nibbles)."""
    if iloc is None:
        return {}
    at, end = iloc
    version = meta[at]
    offset_size, length_size = meta[at + 4] >> 4, meta[at + 4] & 15
    base_size, index_size = meta[at + 5] >> 4, (meta[at + 5] & 15 if version in (1, 2) else 0)
    at += 6

    def number(width: int) -> int:
        nonlocal at
        if at + width > end:
            raise ValueError("an item location runs past its box")
        value = int.from_bytes(meta[at:at + width], "big")
        at += width
        return value

    out: dict[int, _Location] = {}
    for _ in range(number(2 if version < 2 else 4)):
        item = number(2 if version < 2 else 4)
        method = number(2) & 15 if version in (1, 2) else 0
        number(2)  # (the data reference: 0, this file)
        base = number(base_size)
        extents = []
        for _ in range(number(2)):
            number(index_size)
            offset = number(offset_size)
            extents.append((base + offset, number(length_size)))
        out[item] = (method, extents)
    return out


def _heif_item(handle: BinaryIO, place: _Location | None, idat: bytes, what: str) -> bytes:
    """An item's bytes from its extents (:data:`_TEXT_MAX` at most), in the file (read as any
    metadata part is, :func:`_part`: a file cut inside it is damaged, said so) or in ``idat``;
    an item of another construction method, or with no location, is no bytes."""
    if place is None or place[0] not in (0, 1):
        return b""
    out = b""
    for offset, length in place[1]:
        if len(out) + length > _TEXT_MAX:
            raise ValueError(f"an {what}'s metadata item of over {_TEXT_MAX:,} bytes, too large "
                             "to be tags")
        if place[0] == 1:
            out += idat[offset:offset + length]
        else:
            handle.seek(offset)
            out += _part(handle, length, what, b"metadata item")
    return out


# ---------------------------------------------------------------------------------- Photoshop
#: (session 85) Photoshop documents (``.psd``, and ``.psb``, the large form: a poster's master
#: kept by a board's designer), read by their image resources as a JPEG's APP13 segment is: the
#: IPTC datasets (resource 0x0404) first, XMP (0x0424) and EXIF (0x0422) filling what they lack.
#: The layers and the picture, after the resources, are never read.
PSD_SUFFIXES = {".psd", ".psb"}
PSD_MEDIA = "image/vnd.adobe.photoshop"
_PSD_MAGIC = b"8BPS"
_PSD_HEADER = 26  # signature, version, six reserved bytes, channels, height, width, depth, mode
_XMP_RESOURCE, _EXIF_RESOURCE = 0x0424, 0x0422


def is_psd(data: bytes) -> bool:
    """A Photoshop document: its signature, then version 1 (PSD) or 2 (PSB)."""
    return data.startswith(_PSD_MAGIC) and data[4:6] in (b"\0\1", b"\0\2")


def psd_text(data: bytes) -> str:
    """(session 85) A Photoshop master as its caption card (:func:`photo_text`)."""
    if not is_psd(data):
        raise ValueError("not a Photoshop document (no 8BPS signature of version 1 or 2)")
    return _captioned_card(_psd_fields(io.BytesIO(data)), "a Photoshop document whose metadata holds "
                           "no caption (IPTC Caption-Abstract, XMP dc:description or EXIF "
                           "ImageDescription)")


def psd_described(handle: BinaryIO) -> bool:
    """Whether a folder's Photoshop document carries a caption: a captioned master is a page."""
    return _has_caption(_psd_fields, handle)


def _psd_fields(handle: BinaryIO) -> dict[int, list[str]]:
    """The IIM fields of a Photoshop document's image resources (IPTC's first).  The colour
    mode section is skipped by its length; the resources section is walked block by block, only
    the metadata blocks read (a thumbnail's bytes are skipped); a block or section that runs
    past the file's end is damaged, said so."""
    what = "Photoshop document"
    if not is_psd(handle.read(_PSD_HEADER)):
        raise ValueError("not a Photoshop document (no 8BPS signature of version 1 or 2)")
    total = handle.seek(0, io.SEEK_END)
    handle.seek(_PSD_HEADER)
    handle.seek(_psd_length(handle, total, "colour mode data"), io.SEEK_CUR)
    end = handle.tell() + 4 + _psd_length(handle, total, "image resources")
    found: dict[int, bytes] = {}
    while handle.tell() + 12 <= end:
        head = handle.read(7)
        if head[:4] != _RESOURCE_SIGNATURE:
            raise ValueError(f"damaged {what} (no 8BIM at image resource byte {handle.tell() - 7})")
        rid = int.from_bytes(head[4:6], "big")
        handle.seek((head[6] + 2) // 2 * 2 - 1, io.SEEK_CUR)  # the padded Pascal name
        size = _psd_length(handle, total, "image resource")
        if rid in (_IPTC_RESOURCE, _XMP_RESOURCE, _EXIF_RESOURCE) and rid not in found:
            found[rid] = _part(handle, size, what, b"image resource")
            handle.seek(size & 1, io.SEEK_CUR)
        else:
            handle.seek(size + (size & 1), io.SEEK_CUR)
    if handle.tell() > end:
        raise ValueError(f"damaged {what} (an image resource runs past its section)")
    fields = _iim_fields(found[_IPTC_RESOURCE]) if _IPTC_RESOURCE in found else {}
    parts = [(kind, found[rid]) for kind, rid in (("exif", _EXIF_RESOURCE), ("xmp", _XMP_RESOURCE))
             if rid in found]
    for number, values in (_metadata_fields(parts) if parts else {}).items():
        fields.setdefault(number, values)
    return fields


def _psd_length(handle: BinaryIO, total: int, section: str) -> int:
    """A section's or resource's four-byte length; a file (of ``total`` bytes) that ends, or
    whose length runs past its end, is damaged."""
    raw = handle.read(4)
    size = int.from_bytes(raw, "big")
    if len(raw) < 4 or handle.tell() + size > total:
        raise ValueError(f"damaged Photoshop document ({section} cut short)")
    return size


# -------------------------------------------------------------------------------------- GIMP
#: (session 87) GIMP's own files (``.xcf``: a communications team's working file of a poster,
#: the review's summary in the image's comment).  The image's "gimp-comment" parasite is the
#: caption, as GIMP's Image Properties dialog shows it; the text layers' words, top of the
#: poster first, are its headline, as the poster shows them.  Pixels are never read: the
#: layers' tile data is passed over by the pointers GIMP writes.  By hand, as the other
#: pictures here: the format (GIMP's ``devel-docs/XCF.md``) is a header, a list of typed
#: properties, and lists of pointers to layers that open with their own properties.
XCF_SUFFIXES = {".xcf"}
XCF_MEDIA = "image/x-xcf"
_XCF_MAGIC = b"gimp xcf "
_XCF_HEADER = 14  # "gimp xcf ", a four-byte version ("file", "v001" ...), a NUL
_PROP_END, _PROP_OFFSETS, _PROP_PARASITES = 0, 15, 21
_XCF_MAX_LAYERS = 10_000
#: A text layer's words in its parasite: GIMP's S-expression ``(text "...")``, or ``(markup
#: "<markup>...</markup>")`` for styled text.
_XCF_TEXT = re.compile(r'\((text|markup) "((?:[^"\\]|\\.)*)"\)', re.S)


def is_xcf(data: bytes) -> bool:
    return data.startswith(_XCF_MAGIC) and data[13:14] == b"\0"


def xcf_text(data: bytes) -> str:
    """(session 87) A GIMP image as its caption card (:func:`photo_text`)."""
    return _captioned_card(_xcf_fields(data), "a GIMP image whose comment holds no words "
                           "(its gimp-comment parasite)")


def xcf_described(handle: BinaryIO) -> bool:
    """Whether a folder's GIMP image carries a comment: a poster's working file is a page."""
    return _has_caption(lambda h: _xcf_fields(h.read()), handle)


def _xcf_fields(data: bytes) -> dict[int, list[str]]:
    """The comment (caption) and the text layers' words (headline) of a GIMP image.  Pointers
    are four bytes before version 11 and eight from it; a property, parasite or pointer that
    runs past the file's end is damaged, said so."""
    if not is_xcf(data):
        raise ValueError("not a GIMP image (no 'gimp xcf' header)")
    version = 0 if data[9:13] == b"file" else int(data[10:13]) if data[10:13].isdigit() else -1
    if version < 0:
        raise ValueError(f"damaged GIMP image (version {data[9:13]!r})")
    at = _XCF_HEADER + 12 + (4 if version >= 4 else 0)  # width, height, base type, precision
    try:
        image, at = _xcf_properties(data, at)
        texts = _xcf_layer_texts(data, at, 8 if version >= 11 else 4)
    except (struct.error, IndexError) as exc:
        raise ValueError(f"damaged GIMP image (it ends inside a property: {exc})") from None
    fields: dict[int, list[str]] = {}
    if comment := _lines_kept_text(utf8_else(image.get("gimp-comment", b"").rstrip(b"\0"))):
        fields[_CAPTION] = [comment]
    if texts:
        fields[_HEADLINE] = ["\n".join(texts)]
    return fields


def _xcf_properties(data: bytes, at: int) -> tuple[dict[str, bytes], int]:
    """The parasites (by name) of the property list at ``at``, with the layer's offsets under
    the name "offsets", and where the list ends."""
    found: dict[str, bytes] = {}
    while True:
        if at + 8 > len(data):
            raise ValueError(f"damaged GIMP image (cut short in a property list at byte {at:,})")
        kind, size = struct.unpack_from(">II", data, at)
        body, at = data[at + 8:at + 8 + size], at + 8 + size
        if len(body) < size:
            raise ValueError(f"damaged GIMP image (a property of {size:,} bytes runs past its end)")
        if kind == _PROP_END:
            return found, at
        if kind == _PROP_OFFSETS:
            found["offsets"] = body
        elif kind == _PROP_PARASITES:
            found.update(_xcf_parasites(body))


def _xcf_parasites(body: bytes) -> dict[str, bytes]:
    """The parasites of a parasites property: each a counted name, flags and counted data."""
    out: dict[str, bytes] = {}
    at = 0
    while at < len(body):
        length = struct.unpack_from(">I", body, at)[0]
        name = body[at + 4:at + 4 + length].rstrip(b"\0").decode("latin-1")
        flags_end = at + 4 + length + 4
        size = struct.unpack_from(">I", body, flags_end)[0]
        value, at = body[flags_end + 4:flags_end + 4 + size], flags_end + 4 + size
        if at > len(body):
            raise ValueError(f"damaged GIMP image (its {name!r} parasite runs past its property)")
        out.setdefault(name, value)
    return out


def _xcf_layer_texts(data: bytes, at: int, pointer: int) -> list[str]:
    """The words of the text layers, ordered as the image shows them (top, then left)."""
    placed = []
    for n in range(_XCF_MAX_LAYERS + 1):
        if at + pointer > len(data):
            raise ValueError("damaged GIMP image (cut short in its list of layers)")
        where = int.from_bytes(data[at:at + pointer], "big")
        at += pointer
        if where == 0:
            break
        if n == _XCF_MAX_LAYERS or where + 12 > len(data):
            raise ValueError(f"damaged GIMP image (a layer at byte {where:,}, past its end)")
        length = struct.unpack_from(">I", data, where + 12)[0]
        layer, _ = _xcf_properties(data, where + 16 + length)
        if words := _xcf_words(layer.get("gimp-text-layer", b"")):
            offsets = layer.get("offsets", b"")
            x, y = struct.unpack(">ii", offsets[:8]) if len(offsets) >= 8 else (0, 0)
            placed.append((y, x, words))
    return [words for _, _, words in sorted(placed)]


def _xcf_words(parasite: bytes) -> str:
    """A text layer's words from its parasite (markup without its tags), lines kept."""
    m = _XCF_TEXT.search(utf8_else(parasite))
    if not m:
        return ""
    words = re.sub(r"\\(.)", r"\1", m[2])
    if m[1] == "markup":
        words = html.unescape(re.sub(r"<[^>]*>", "", words))
    return _lines_kept_text(words)


GIF_SUFFIXES = {".gif"}
GIF_MEDIA = "image/gif"
_GIF_MAGICS = (b"GIF87a", b"GIF89a")
_GIF_IMAGE, _GIF_EXTENSION, _GIF_TRAILER = b",", b"!", b";"
_GIF_COMMENT, _GIF_APPLICATION = b"\xfe", b"\xff"
#: An XMP packet's application extension: its identifier and authentication code (XMP
#: specification part 3).  The packet's bytes follow raw, not in sub-blocks, then a "magic
#: trailer" (1, then 255 down to 0) that brings a reader walking sub-blocks back to the end.
_GIF_XMP_APP = b"XMP DataXMP"
_GIF_XMP_TRAILER = b"\x01" + bytes(range(255, -1, -1))


def is_gif(data: bytes) -> bool:
    return data[:6] in _GIF_MAGICS


def gif_text(data: bytes) -> str:
    """(session 78) A GIF learning graphic as its caption card (:func:`png_text`): its comment
    extensions (where a graphic's alt text is written) as the description, XMP filling what they
    lack (the title, the keywords)."""
    if not is_gif(data):
        raise ValueError("not a GIF image (no GIF87a or GIF89a header)")
    return _captioned_card(_gif_fields(io.BytesIO(data)), "a GIF image whose metadata holds no "
                           "description (a comment or XMP dc:description)")


def gif_described(handle: BinaryIO) -> bool:
    """Whether a folder's GIF carries a description: a learning graphic with alt text is a
    page, an animated banner or a spacer is not."""
    return _has_caption(_gif_fields, handle)


def _gif_fields(handle: BinaryIO) -> dict[int, list[str]]:
    """A GIF's comments and XMP as IIM fields.  Its blocks are walked to the trailer: the
    pictures' data passed over sub-block by sub-block, a comment's and XMP's kept."""
    screen = handle.read(13)
    if screen[:6] not in _GIF_MAGICS:
        raise ValueError("not a GIF image (no GIF87a or GIF89a header)")
    _gif_colours(handle, screen[10:11])
    comments: list[str] = []
    parts: list[tuple[str, bytes]] = []
    cut: ValueError | None = None
    try:
        while (kind := handle.read(1)) != _GIF_TRAILER:
            if kind == _GIF_IMAGE:
                _gif_colours(handle, _gif_read(handle, 9)[8:9])
                _gif_read(handle, 1)  # (the picture's LZW code size)
                _gif_blocks(handle, keep=False)
            elif kind == _GIF_EXTENSION:
                label = _gif_read(handle, 1)
                if label == _GIF_APPLICATION and _gif_read(handle, 12)[1:] == _GIF_XMP_APP:
                    packet = _gif_blocks(handle, keep=True, raw=True)
                    parts.append(("xmp", packet[:packet.rfind(_GIF_XMP_TRAILER)]))
                elif label == _GIF_APPLICATION:
                    _gif_blocks(handle, keep=False)  # (the 12 bytes read were the app's name)
                else:
                    words = _gif_blocks(handle, keep=label == _GIF_COMMENT)
                    if label == _GIF_COMMENT and (comment := _lines_kept_text(utf8_else(words))):
                        comments.append(comment)
            elif not kind:
                raise _gif_cut_short(handle)
            else:
                raise ValueError(f"damaged GIF image (a block of kind {kind!r} at byte "
                                 f"{handle.tell() - 1:,})")
    except ValueError as exc:  # (cut short or damaged after its comment: the words are whole)
        cut = exc
    try:
        fields = _metadata_fields(parts, None if comments else cut)
    except ValueError:
        if not comments:
            raise
        fields = {}  # (a damaged packet beside a comment: the comment still says what it shows)
    if comments:
        fields[_CAPTION] = comments + [v for v in fields.get(_CAPTION, []) if v not in comments]
    return fields


def _gif_colours(handle: BinaryIO, flags: bytes) -> None:
    """Pass over a colour table, when the flags byte before it says there is one."""
    if flags and flags[0] & 0x80:
        _gif_read(handle, 3 * 2 ** ((flags[0] & 7) + 1))


def _gif_blocks(handle: BinaryIO, keep: bool, raw: bool = False) -> bytes:
    """A run of sub-blocks to its empty one: their data when ``keep`` (with each block's size
    byte when ``raw``: an XMP packet's bytes are read that way), else passed over."""
    out = bytearray()
    while size := _gif_read(handle, 1)[0]:
        if not keep:
            _gif_read(handle, size)
            continue
        if len(out) > _TEXT_MAX:
            raise ValueError(f"a GIF image's comment or XMP of more than {_TEXT_MAX:,} bytes, too large "
                             "to be tags")
        out += (bytes([size]) if raw else b"") + _gif_read(handle, size)
    return bytes(out)


def _gif_read(handle: BinaryIO, size: int) -> bytes:
    """``size`` bytes of a GIF; a file that ends before them is damaged, said so."""
    body = handle.read(size)
    if len(body) < size:
        raise _gif_cut_short(handle)
    return body


def _gif_cut_short(handle: BinaryIO) -> ValueError:
    """The error of a GIF that ends before its trailer (a cut copy)."""
    return ValueError(f"damaged GIF image (cut short at byte {handle.tell():,}, before its trailer)")


def _lines_kept_text(text: str) -> str:
    """Text's lines, each line's runs of white space made single spaces and blank lines kept
    single (a comment's paragraphs)."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _cut_short(handle: BinaryIO, what: str) -> ValueError | None:
    """The error of a file whose last chunk or box runs past its end (cut short: its metadata,
    which often stands after the picture, lost with it), or None."""
    at = handle.tell()
    size = handle.seek(0, io.SEEK_END)
    return ValueError(f"damaged {what} (cut short: its parts run to byte {at:,}, the file has "
                      f"{size:,})") if at > size else None


def _part(handle: BinaryIO, size: int, what: str, kind: bytes) -> bytes:
    """A metadata chunk's or box's bytes, at most :data:`_TEXT_MAX` of them; a file cut inside
    them is damaged, said so."""
    name = kind.decode("latin-1").strip()
    if size > _TEXT_MAX:
        raise ValueError(f"a {what}'s {name} part of {size:,} bytes, too large to be tags")
    body = handle.read(size)
    if len(body) < size:
        raise ValueError(f"damaged {what} (its {name} part is cut short)")
    return body


def _metadata_fields(parts: list[tuple[str, bytes]], cut: ValueError | None = None) -> dict[int, list[str]]:
    """EXIF blocks (a TIFF's directories, read as a TIFF's tags are) as IIM fields, XMP packets
    (not a JP2's other XML, which is no XMP) filling what they lack.  A damaged part, or a file
    ``cut`` short, is passed over when a part holds the caption (as a PNG's damaged XMP is), else
    its error is raised."""
    fields: dict[int, list[str]] = {}
    damaged: ValueError | None = cut
    for kind, body in sorted(parts, key=lambda part: part[0] != "exif"):
        try:
            if kind == "exif":
                more = _tiff_fields(io.BytesIO(body.removeprefix(_EXIF_PREFIX)))
            elif b"adobe:ns:meta" in body or b"x:xmpmeta" in body or b"rdf:RDF" in body:
                more = _xmp_fields(body)
            else:
                continue
        except ValueError as exc:
            damaged = damaged or exc
            continue
        for number, values in more.items():
            fields.setdefault(number, values)
    if damaged is not None and not fields.get(_CAPTION):
        raise damaged
    return fields

