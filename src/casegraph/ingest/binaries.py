"""Pages whose bytes are no text: a PDF, a page Safari saved as a web archive, a text file
printed to PostScript, a document printed to XPS, a Word or OpenDocument package, and binary
data exports (a ``mongodump`` collection, a Stata data set).

Partnerships publish most reviews, briefings and annual reports as PDFs or Word documents, an
analyst who saves a page from Safari gets a ``.webarchive``, and researchers keep their coding
in data files.  None can be decoded as text: a PDF's words are drawn by content streams, usually
compressed, in fonts with their own encodings; a web archive is a binary property list holding
the page's HTML as bytes; a Word package is a zip of XML parts; a data export is typed binary
fields.  These functions turn each into the text, the HTML, the XML or the records that
:func:`casegraph.ingest.sources.read_source` then reads as it reads any other page or export.

Why pypdf for PDFs (DECISIONS 94): a maintained, pure-Python reader that undoes compression,
font encodings and ToUnicode maps; hand-written stream parsing would read only the simplest
files.  Why the standard library's plistlib and zipfile for web archives, Word packages and
XPS: they read binary property lists and zips.  Why by hand for PostScript, BSON, Stata
(DECISIONS 95) and XPS's glyph runs (DECISIONS 99): see each reader.  Why djvu-rs for DjVu
(DECISIONS 101): a scan's text layer is BZZ-compressed (a Burrows-Wheeler transform under
DjVu's own adaptive arithmetic coder); djvu-rs is a maintained reader of the whole format with
no system library, where DjVuLibre is C and GPL.  A file that cannot be opened raises
ValueError with the reason, which ``read_source`` turns into a one-line error naming the file.
"""

from __future__ import annotations

import datetime
import io
import itertools
import logging
import plistlib
import re
import struct
import tarfile
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import cast

from casegraph.core.errors import one_line
from casegraph.ingest.columns import columns_as_text

PDF_SUFFIXES = {".pdf"}
WEBARCHIVE_SUFFIXES = {".webarchive"}
#: A text file printed to PostScript (GNU enscript, a2ps): its lines read from the drawing; and
#: (session 66) Encapsulated PostScript, as cairo writes a "seven-minute briefing" poster.
POSTSCRIPT_SUFFIXES = {".ps", ".eps", ".epsf"}
#: A MongoDB collection dumped by ``mongodump`` (BSON documents back to back), and a Stata data
#: set (``.dta``, formats 117 to 119: Stata 13 on): data exports, read as their records.
BSON_SUFFIXES = {".bson"}
STATA_SUFFIXES = {".dta"}
#: An R object saved by saveRDS() (a researcher's extraction table), and an R workspace's
#: objects saved by save() (``.RData``, ``.rda``): both read by interchange.rds_data.
RDS_SUFFIXES = {".rds", ".rdata", ".rda"}
#: (session 86) A compiled GNU gettext catalogue (``.mo``: a board website's strings, read by
#: sources.gettext_mo_text).
GETTEXT_MO_SUFFIXES = {".mo", ".gmo"}
#: Binary data exports: their bytes are handed to their reader as Latin-1 text, one character
#: a byte, so that they go the way every other export goes (sources._READERS).
DATA_SUFFIXES = BSON_SUFFIXES | STATA_SUFFIXES | RDS_SUFFIXES | GETTEXT_MO_SUFFIXES
#: A word processor's document, as partnerships circulate briefings and minutes: Word 2007 on
#: (and its macro-enabled and template kinds), OpenDocument text (LibreOffice Writer) and its
#: forerunner, OpenOffice.org 1.0's Writer document (``.sxw``, 2002-2006: a board's archive);
#: and an OpenDocument spreadsheet (a review tracker kept in LibreOffice Calc), presentation
#: (a learning event's slides in Impress) or drawing (session 61: a "learning on a page" poster
#: laid out in Draw), whose ``content.xml`` is read as the flat file's body (``.fods``,
#: ``.fodp``, ``.fodg``) is: the same XML in one file.  An OpenDocument master document
#: (``.odm``, session 73: an annual report whose chapters are linked files) is read as a text
#: is: its own chapters are in its ``content.xml``, a linked chapter only as the copy of it
#: saved there when the master was last updated (an empty section when none was).
OFFICE_SUFFIXES = {".docx", ".docm", ".dotx", ".odt", ".ott", ".odm", ".otm", ".sxw", ".stw", ".ods", ".ots",
                   ".odp", ".otp", ".odg", ".otg"}
#: An OpenDocument spreadsheet's media type (its templates' too, as :func:`office_media` tells
#: them): the one home of the string, which ``sources.TABLE_MEDIA`` reads as well.
ODS_MEDIA = "application/vnd.oasis.opendocument.spreadsheet"
#: The media types a package's ``mimetype`` member names for a document of each kind (the
#: first, OpenDocument text, is the default).
_OFFICE_MIMETYPES = (b"application/vnd.oasis.opendocument.text",
                     b"application/vnd.oasis.opendocument.text-master", b"application/vnd.sun.xml.writer",
                     ODS_MEDIA.encode("ascii"),
                     b"application/vnd.oasis.opendocument.presentation",
                     b"application/vnd.oasis.opendocument.graphics")
#: A document printed to XPS (Windows' "Microsoft XPS Document Writer": a board paper), and
#: its standardised form OpenXPS.
XPS_SUFFIXES = {".xps", ".oxps"}
#: A DjVu document (a library's or archive's scan of an old report, with an OCR text layer).
DJVU_SUFFIXES = {".djvu", ".djv"}
BINARY_SUFFIXES = (PDF_SUFFIXES | WEBARCHIVE_SUFFIXES | POSTSCRIPT_SUFFIXES | DATA_SUFFIXES | OFFICE_SUFFIXES
                   | XPS_SUFFIXES | DJVU_SUFFIXES)
#: The largest document part read from a word processor's package (a zip bomb is refused).
PART_MAX = 64 * 1024 * 1024
#: What a damaged zip package (a Word or OpenDocument file, an XPS document) raises as it is
#: opened and its parts read (RuntimeError: an encrypted member; KeyError: a part it names is
#: not there).
PACKAGE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, zlib.error, EOFError,
                   OSError, KeyError, RuntimeError)

#: How many lines at a page's top or foot may be its running head or foot.
_EDGE_LINES = 3
#: A page's end that does not end its sentence: the next page goes on with it.
_SENTENCE_END = re.compile(r"[.!?:;)\"'’”]\s*$")


def is_pdf(data: bytes) -> bool:
    """Whether a file's bytes are a PDF (its header, whatever the file is called)."""
    return data.lstrip()[:5] == b"%PDF-"


def pdf_text(data: bytes) -> str:
    """A PDF's words, page by page, without the running heads and feet every page repeats (the
    first page keeps its head: it often names the publisher); a sentence a page break cuts is
    joined again.  A PDF with no text layer (a scan) or a password is refused with the reason."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # (pypdf logs what it mends in a damaged file, some of it as errors, with the file's bytes:
    # a reader is told once, in the one-line error or not at all)
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValueError("the PDF is protected by a password")
        # (session 64: wkhtmltopdf's Qt writes each space between words as a tab character,
        # which pypdf keeps: a tab in a PDF's text is a space, never a column's edge)
        # (session 76: a page's two columns read one after the other on the page itself, before
        # the pages are joined, so that one page's right column never follows the next page's
        # left one)
        pages = [_footnotes_marked(_page_lines(columns_as_text(_spaced((page.extract_text(
            extraction_mode="layout", layout_mode_font_height_weight=_GAP_UNIT) or "").replace("\t", " ")))))
            for page in reader.pages]
    except ValueError:
        raise
    except (PyPdfError, ArithmeticError, AttributeError, KeyError, IndexError, TypeError,
            NotImplementedError, RecursionError, AssertionError, zlib.error, struct.error) as exc:
        # (session 50: bytes changed at random in a valid PDF raised NotImplementedError and
        # AttributeError from inside pypdf; a damaged file is one line naming it, never a crash)
        raise ValueError(f"damaged PDF ({type(exc).__name__}: {' '.join(str(exc).split())})"[:300]) from None
    return printed_text(pages, "the PDF has no text layer (a scanned page?): run OCR on it, "
                                "or save its text")


#: The unit pypdf's layout mode measures the space between two lines in (a tenth of the font's
#: height): it writes as many blank lines as the space holds units, less one.
_GAP_UNIT = 0.1


def _spaced(text: str) -> str:
    """A page laid out with a blank line per unit of space between lines (:data:`_GAP_UNIT`)
    with a blank line only where a paragraph, a heading or a list begins: where the space above
    a line is clearly more than the page's usual space between lines (its most common one).
    pypdf's own rule, a blank line per font height of space, sees none above a heading set
    a few points apart, and the heading ran into the list above it."""
    lines = text.split("\n")
    gaps: list[tuple[int, str]] = []  # (units of space above, line)
    blank = 0
    for line in lines:
        if not line.strip():
            blank += 1
            continue
        gaps.append((blank + 1 if gaps else 0, line))
        blank = 0
    counted = [g for g, _ in gaps[1:] if g > 0]
    if not counted:
        return text
    usual = max(set(counted), key=lambda g: (counted.count(g), -g))
    return "\n".join(("\n" if k and (g >= usual * 1.3 and g - usual >= 2) else "") + line
                     for k, (g, line) in enumerate(gaps))


#: A line that is only a bracket ("(Newport)") under a line that does not end a sentence: the
#: end of a heading the column's width wrapped ("4.2 Concise CPR – GWSB 2/2023 – Nia").
_WRAPPED_BRACKET = re.compile(r"^\s*\([^()]{2,40}\)\s*$")
#: (session 81) ... or the end of a bracket the line above opened: "Learning Review: Child E
#: (Aberdeenshire," over "published March 2024)", a two-column pack's heading wrapped.
_BRACKET_CLOSED = re.compile(r"^\s*[^()]{2,40}\)\s*$")


def _page_lines(text: str) -> list[str]:
    """A page's lines, its blank lines at the top and foot taken off, a heading's bracket that
    the column wrapped joined to it again (whole, or its end)."""
    lines: list[str] = []
    for line in (ln.rstrip() for ln in text.split("\n")):
        if lines and lines[-1].strip() and not _SENTENCE_END.search(lines[-1]) and (
                _WRAPPED_BRACKET.match(line)
                or (_BRACKET_CLOSED.match(line) and lines[-1].count("(") > lines[-1].count(")"))):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


#: (session 80) A note at a page's foot, by its number: "1. Dog control in ...", "2 See the ...".
_FOOTNOTE_LINE = re.compile(r"^\s{0,4}(?P<n>\d{1,2})[.)]?\s+(?=[A-Z])")
#: How many lines at a page's foot may be its footnotes (and its running foot).
_FOOT_LINES = 8


def _footnotes_marked(lines: list[str]) -> list[str]:
    """(session 80) A page's footnotes as a reader tells them: the number set small after a word
    ("the family's dog1, which ...") taken off the word, and the note it points to written
    "[1] Dog control ...".  pypdf keeps the number on the word's line, so the word was lost to
    the vocabulary ("dog1": the attack was no harm of the child's) and the note, numbered as a
    list's point is, became the recommendations' fourth.  Only a number that both opens a line
    among the page's last few and follows a word in the lines above is a footnote's."""
    out = list(lines)
    for k in range(len(out) - 1, max(len(out) - _FOOT_LINES, 0) - 1, -1):
        if (m := _FOOTNOTE_LINE.match(out[k])) is None:
            continue
        marker = re.compile(rf"(?<=[a-z]{{2}}){m['n']}(?=[\s,.;:)]|$)")
        if (j := next((j for j in range(k) if marker.search(out[j])), None)) is not None:
            out[j] = marker.sub("", out[j], count=1)
            out[k] = f"[{m['n']}] {out[k][m.end():]}"
    return out


def without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running lines: a line among the first or last few of every page (of
    all but one, from four pages on), its numbers aside ("Page 2/3"), is the document's head or
    foot; the first page keeps the heads above its text."""
    if len(pages) < 2:
        return pages

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split())).lower()

    seen: dict[str, int] = {}
    for page in pages:
        edges = {key(ln) for ln in page[:_EDGE_LINES] + page[-_EDGE_LINES:] if ln.strip()}
        for k in edges:
            seen[k] = seen.get(k, 0) + 1
    # (a title page may lack them; a heading that opens two pages of three is no running line)
    running = {k for k, n in seen.items() if n >= len(pages) - (len(pages) >= 4)}
    out = []
    for number, page in enumerate(pages):
        top = 0
        while top < min(_EDGE_LINES, len(page)) and key(page[top]) in running:
            top += 1
        foot = len(page)
        while foot > top and len(page) - foot < _EDGE_LINES and key(page[foot - 1]) in running:
            foot -= 1
        out.append(page[0 if number == 0 else top:foot])
    return out


def printed_text(pages: list[list[str]], nothing: str) -> str:
    """A printed document's pages (a PDF's, a DjVu scan's, PostScript's, XPS's) as one text,
    without their running lines; ValueError(``nothing``), the reason, when they hold no text."""
    text = _PSEUDONYM_WRAPPED.sub(" ", _joined(without_running_lines(pages)))
    if not text.strip():
        raise ValueError(nothing)
    return text


#: (session 63) A title set in large type and wrapped between a pseudonym's word and its name
#: ("Learning Review Briefing: Baby" / "Lily"): the line break, where the name stands alone
#: on the next line (a short line with words after the break is another line).
_PSEUDONYM_WRAPPED = re.compile(r"(?:(?<=\bChild)|(?<=\bBaby)|(?<=\bInfant))\n"
                                r"(?=(?:[A-Z][a-z]{1,15}|[A-Z]{1,2}\d?)[ \t]*$)", re.M)


def _joined(pages: list[list[str]]) -> str:
    """The pages' lines as one text: a page that ends mid-sentence goes on at the next one's
    first line; otherwise a blank line between pages."""
    text = ""
    for page in pages:
        body = "\n".join(page).strip("\n")
        if not body:
            continue
        if text and not _SENTENCE_END.search(text) and body[:1].islower():
            text += " " + body
        else:
            text += ("\n\n" if text else "") + body
    return text


def is_djvu(data: bytes) -> bool:
    """Whether a file's bytes are a DjVu document, one page (``DJVU``) or several (``DJVM``)."""
    return data[:8] == b"AT&TFORM" and data[12:16] in (b"DJVU", b"DJVM")


#: The characters a DjVu text layer ends its zones with (DjVu 3 specification, "Text Chunk"):
#: a column, a region or a paragraph (group, record, unit separators), a line when vertical.
_DJVU_ZONE_END = re.compile(r"[\x0b\x0c\x1d\x1e\x1f]")


def djvu_text(data: bytes) -> str:
    """A DjVu document's text layer (the OCR a digitised report carries), page by page: each
    zone (region, paragraph) a paragraph of its lines, running heads and feet left out and a
    sentence cut by a page break joined again, as a PDF's.  A scan with no text layer is
    refused with the reason: casegraph reads text, it does not run OCR."""
    import djvu_rs  # imported here: only a DjVu page needs it

    if not is_djvu(data):
        raise ValueError("not a DjVu document (it should start with 'AT&TFORM' and a DJVU or DJVM form)")
    try:
        document = djvu_rs.Document.from_bytes(data)
        pages = [_djvu_page(document.page(i).text() or "") for i in range(document.page_count())]
    except (djvu_rs.Error, ValueError, OSError, IndexError) as exc:
        reason = f"{type(exc).__name__}: {one_line(str(exc))}"
        raise ValueError(f"damaged DjVu document ({reason})"[:300]) from None
    return printed_text(pages, "the DjVu document has no text layer (a scan without OCR?): run OCR on it, "
                                "or save its text")


def _djvu_page(text: str) -> list[str]:
    """A DjVu page's text layer as a page's lines: a blank line between its zones."""
    return _page_lines("\n\n".join(zone.strip("\n") for zone in _DJVU_ZONE_END.split(text)))


def webarchive_html(data: bytes) -> str:
    """The saved page of a Safari web archive: its main resource's HTML, decoded in the
    encoding the archive records (UTF-8 when it records none).  Its subresources (style sheets,
    scripts, images) are not the page's words."""
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, OverflowError) as exc:
        raise ValueError(f"not a web archive (binary property list): {exc}") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    body = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(body, bytes):
        raise ValueError("the web archive has no main resource (WebMainResource)")
    encoding = main.get("WebResourceTextEncodingName") or "utf-8"
    try:
        return body.decode(str(encoding))
    except (LookupError, UnicodeDecodeError) as exc:
        raise ValueError(f"the web archive's page is not {encoding}: {exc}") from None


# ---------------------------------------------------------------------------------- PostScript
#: A PostScript token: a string "(...)" (its brackets balanced or escaped), a comment, a name or
#: a number; the string's body is read by :func:`_ps_bytes`.
_PS_TOKEN = re.compile(rb"\(|%[^\r\n]*|[^\s()<>\[\]{}/%]+|/[^\s()<>\[\]{}/%]*|[<>\[\]{}]")
#: The operators that draw a string, in a printed text file: enscript's "s", and "show".
_PS_SHOW = {b"s", b"show"}
#: The operators that move to a line's start: enscript's "M", and "moveto".
_PS_MOVE = {b"M", b"moveto"}
_PS_ESCAPES = {ord("n"): "\n", ord("r"): "", ord("t"): " ", ord("b"): "", ord("f"): ""}


#: The header of an Encapsulated PostScript file with a preview picture (a "DOS EPS" binary
#: header: the PostScript's offset and length follow it, little-endian).
_EPS_BINARY = b"\xc5\xd0\xd3\xc6"


def is_postscript(data: bytes) -> bool:
    """Whether a file's bytes are PostScript (its "%!PS" header, or an EPS preview's binary
    header, whatever the file is called)."""
    return data.lstrip()[:4] == b"%!PS" or data[:4] == _EPS_BINARY


def postscript_text(data: bytes) -> str:
    """The text a PostScript file prints when it is a text file sent to a printer (GNU enscript,
    a2ps, "print to file" of a plain-text page): each "x y moveto (string) show" is a line at
    height y; more space than the page's usual between two lines is a blank line.  A file that
    defines PDF's text operators in its prolog (cairo's PostScript and EPS: a poster drawn in a
    design tool) is read by :func:`_ps_text_objects`.  A drawing, or text set glyph by glyph,
    prints no line and is refused: save it as PDF or text instead.

    Why by hand: no maintained Python library reads PostScript without running it (Ghostscript
    does, as a separate program we would have to install and trust with the file); a printed
    text file is a few operators, read here as data, never run."""
    data = _eps_postscript(data)
    if _PS_TEXT_OPERATORS.search(data):
        return printed_text(_ps_text_objects(data), "the PostScript file shows no text (a drawing, or glyphs "
                                                    "as outlines?): save it as PDF or text")
    pages: list[list[tuple[float, str]]] = [[]]
    numbers: list[float] = []
    y: float | None = None
    shown: str | None = None  # the string just read, drawn if "show" comes next
    for token, raw in _ps_tokens(data):
        if token == _PS_PAGE:
            if pages[-1]:
                pages.append([])
            continue
        if token == b"(":  # (octal codes are Latin-1, as enscript writes them)
            shown = utf8_else(raw or b"")
            continue
        if shown is not None and y is not None and token in _PS_SHOW:
            _ps_shown(pages[-1], y, shown)
        shown = None
        if token in _PS_MOVE and len(numbers) >= 2:
            y = numbers[-1]
        try:
            numbers.append(float(token))
        except ValueError:
            if token not in _PS_SHOW:
                numbers.clear()
    return printed_text([_ps_lines(page) for page in pages],
                         "the PostScript file prints no lines of text (a drawing?): save it as PDF or text")


#: What :func:`_ps_tokens` gives for a page's start (its "%%Page:" comment).
_PS_PAGE = b"%%Page:"


def _ps_tokens(data: bytes) -> Iterator[tuple[bytes, bytes | None]]:
    """A PostScript program's tokens, read as data (the one tokenizer of both readers above): a
    string as ``(b"(", its bytes)``, a hex string as ``(b"<", its bytes)`` (an odd last digit
    padded with 0, as PostScript does), a page's start as ``(_PS_PAGE, None)``, any other token
    as ``(token, None)``; other comments are left out."""
    i = 0
    while (m := _PS_TOKEN.search(data, i)) is not None:
        token, i = m.group(), m.end()
        if token.startswith(b"%"):
            if token.startswith(_PS_PAGE):
                yield _PS_PAGE, None
        elif token == b"(":
            raw, i = _ps_bytes(data, i)
            yield token, raw
        elif token == b"<" and data[i:i + 1] == b"<":
            yield b"<<", None
            i += 1
        elif token == b"<":
            end = data.find(b">", i)
            end = len(data) if end < 0 else end
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", data[i:end]).decode()
            yield token, bytes.fromhex(digits + "0" * (len(digits) % 2))
            i = end + 1
        else:
            yield token, None


def _ps_bytes(data: bytes, i: int) -> tuple[bytes, int]:
    """The bytes of the string that starts after "(" at ``i`` (escapes undone), and the index
    after its ")"."""
    out, depth = bytearray(), 1
    while i < len(data):
        c = data[i]
        i += 1
        if c == 0x5C and i < len(data):  # backslash
            e = data[i]
            i += 1
            if 0x30 <= e <= 0x37:
                digits = bytes([e])
                while len(digits) < 3 and i < len(data) and 0x30 <= data[i] <= 0x37:
                    digits, i = digits + data[i:i + 1], i + 1
                out.append(int(digits, 8) & 0xFF)
            elif e in _PS_ESCAPES:
                out += _PS_ESCAPES[e].encode()
            elif e not in (0x0A, 0x0D):  # (a backslash at a line's end continues the string)
                out.append(e)
            continue
        depth += (c == 0x28) - (c == 0x29)
        if depth == 0:
            break
        out.append(c)
    return bytes(out), i


def _eps_postscript(data: bytes) -> bytes:
    """The PostScript of an EPS file with a binary preview header (the bytes it points at), or
    the file itself."""
    if data[:4] != _EPS_BINARY or len(data) < 12:
        return data
    start, length = struct.unpack("<II", data[4:12])
    return data[start:start + length]


#: A prolog that defines PDF's text operators as procedures (cairo's "/Tj { show ... } def"):
#: its page draws text objects, BT ... ET, with a text matrix, line moves and shown strings.
_PS_TEXT_OPERATORS = re.compile(rb"^/Tj\s*\{", re.M)
#: A font a cairo prolog defines ("/f-0-0 currentdict end definefont"), and the glyph its
#: encoding puts at a byte ("Encoding 150 /endash put").
_PS_FONT_DEFINED = re.compile(rb"/([^\s/{}()<>\[\]]+)\s+currentdict\s+end\s+definefont")
_PS_ENCODED = re.compile(rb"Encoding\s+(\d+)\s+/([^\s/{}()<>\[\]]+)\s+put")


def _ps_font_encodings(data: bytes) -> dict[bytes, dict[int, str]]:
    """Each font the prolog defines, by the name a page selects it by, with its encoding's
    characters: a glyph named by a character ("a") or a code point ("uni2013") is that
    character; a standard name ("endash") is the byte's Windows-1252 character, as cairo and
    other writers place Latin glyphs at their Windows-1252 codes."""
    fonts: dict[bytes, dict[int, str]] = {}
    start = 0
    for m in _PS_FONT_DEFINED.finditer(data):
        encoding = {}
        for code, glyph in _PS_ENCODED.findall(data, start, m.start()):
            char = _glyph_char(glyph.decode("latin-1"), int(code))
            if char:
                encoding[int(code)] = char
        fonts[m.group(1)] = encoding
        start = m.end()
    return fonts


def _glyph_char(glyph: str, code: int) -> str:
    """The character a glyph name stands for (Adobe's glyph naming: "a", "uni00E9",
    "u1F600"), else the code's Windows-1252 character; "" for ".notdef"."""
    if glyph == ".notdef" or code > 255:
        return ""
    if len(glyph) == 1:
        return glyph
    if m := re.fullmatch(r"uni((?:[0-9A-F]{4})+)", glyph):
        return "".join(chr(int(m.group(1)[k:k + 4], 16)) for k in range(0, len(m.group(1)), 4))
    if m := re.fullmatch(r"u([0-9A-F]{4,6})", glyph):
        return chr(int(m.group(1), 16))
    return _cp1252(code)


def _cp1252(code: int) -> str:
    """A byte's Windows-1252 character (a glyph placed at its Latin code, as cairo places them)."""
    return bytes([code]).decode("cp1252", "replace")


def _ps_text_objects(data: bytes) -> list[list[str]]:
    """The lines a page of PDF-style text objects shows, page by page, in the order they are
    drawn (a poster's boxes are drawn in reading order): a string shown where the one before
    ended (no move between: a bold word) goes on its line; after a move, a baseline further
    than one and a half times the type's size starts a paragraph (a box's heading, a bullet
    point), any other a line (the next line, or the next column's heading on the same baseline)."""
    pages: list[list[str]] = [[]]
    operands: list[bytes | float] = []
    state = _TextState(_ps_font_encodings(data))
    for token, raw in _ps_tokens(data):
        if token == _PS_PAGE:
            if pages[-1]:
                pages.append([])
                state.y = None
        elif raw is not None:  # a string, or a hex string
            operands.append(raw)
        elif token.startswith(b"/"):
            operands.append(token)
        elif token in (b"[", b"]", b"<<"):
            continue
        else:
            try:
                operands.append(float(token))
                continue
            except ValueError:
                state.operate(token, operands, pages[-1])
                operands.clear()
    return pages


class _TextState:
    """Where a page's text objects stand: the text matrix's scale and origin, whether the origin
    moved since the last string shown, that string's baseline, and the font (its encoding)
    strings are shown in, among the ``fonts`` the prolog defines."""

    def __init__(self, fonts: dict[bytes, dict[int, str]]) -> None:
        self.fonts = fonts
        self.scale = (1.0, 1.0)
        self.origin = (0.0, 0.0)
        self.moved = True
        self.y: float | None = None
        self.encoding: dict[int, str] = {}

    def operate(self, op: bytes, operands: list[bytes | float], lines: list[str]) -> None:
        """One operator with its operands: the text matrix set (Tm), the next line's start moved
        (Td, TD), a font chosen (Tf), strings shown (Tj, TJ); others draw no text."""
        numbers = [o for o in operands if isinstance(o, float)]
        if op == b"Tm" and len(numbers) >= 6:
            self.scale = (numbers[-6], numbers[-3] or 1.0)  # (a y-flipped page's is negative)
            self.origin, self.moved = (numbers[-2], numbers[-1]), True
        elif op in (b"Td", b"TD") and len(numbers) >= 2:
            self.origin = (self.origin[0] + numbers[-2] * self.scale[0],
                           self.origin[1] + numbers[-1] * self.scale[1])
            self.moved = True
        elif op == b"Tf":
            name = next((o for o in reversed(operands) if isinstance(o, bytes) and o.startswith(b"/")), b"/")
            self.encoding = self.fonts.get(name[1:], {})
        elif op in (b"Tj", b"TJ"):
            self._show(self._text(operands), lines)

    def _text(self, operands: list[bytes | float]) -> str:
        """The strings shown, in the font's encoding; a TJ array's kerning of a fifth of an em
        or more between two words is their space."""
        out = ""
        for o in operands:
            if isinstance(o, float):
                if o <= -200 and out and not out.endswith(" "):
                    out += " "
            elif not o.startswith(b"/"):
                out += "".join(self.encoding.get(b) or _cp1252(b) for b in o)
        return out

    def _show(self, text: str, lines: list[str]) -> None:
        """A string shown: on the last line, a new line or a new paragraph."""
        y, size = self.origin[1], abs(self.scale[1])
        if self.y is not None and lines and not self.moved:
            lines[-1] += text
        else:
            if self.y is not None and lines and abs(y - self.y) > size * 1.5:
                lines.append("")
            lines.append(text)
        self.y, self.moved = y, False


#: An entity declaration, or a document type with declarations inside it: XML's one way to make
#: a small file large ("billion laughs"), which no page, package part or metadata packet that
#: casegraph reads needs.  A DOCTYPE that only names its DTD ("<!DOCTYPE article PUBLIC ...
#: .dtd>") is fine: no DTD is ever fetched.
_DECLARATIONS = re.compile(r"<!ENTITY\b|<!DOCTYPE\b[^>\[]*\[")
_DECLARATIONS_IN_BYTES = re.compile(_DECLARATIONS.pattern.encode())


def declares_entities(xml: str | bytes) -> bool:
    """(session 76: the one home of this guard, six readers' own copies before) Whether XML
    declares entities (:data:`_DECLARATIONS`)."""
    found = _DECLARATIONS_IN_BYTES.search(xml) if isinstance(xml, bytes) else _DECLARATIONS.search(xml)
    return found is not None


def refuse_declarations(xml: str | bytes, what: str) -> None:
    """ValueError naming ``what`` ("its content.xml", "an XMP packet") when it declares entities."""
    if declares_entities(xml):
        raise ValueError(f"{what} has a document type with declarations inside it (ENTITY), which "
                         "casegraph never expands")


def utf8_else(raw: bytes, fallback: str = "latin-1") -> str:
    """Bytes a file does not say the encoding of (a PostScript string, a Stata text, a help
    file's page): UTF-8 when they are UTF-8, else ``fallback`` (Latin-1 by default: every byte a
    character; a byte Windows-1252 leaves undefined is replaced, never an error)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode(fallback, "replace")


def _ps_shown(page: list[tuple[float, str]], y: float, text: str) -> None:
    """A shown string added to the page: on the line at ``y`` when it is the last one (a font
    change inside a line shows the line in parts), else as a new line."""
    if page and page[-1][0] == y:
        page[-1] = (y, page[-1][1] + text)
    else:
        page.append((y, text))


def _ps_lines(page: list[tuple[float, str]]) -> list[str]:
    """A page's lines, top to bottom, with a blank line where the space above a line is clearly
    more than the page's usual space between lines."""
    gaps = [round(a[0] - b[0], 1) for a, b in itertools.pairwise(page) if a[0] > b[0]]
    usual = max(set(gaps), key=gaps.count) if gaps else 0.0
    lines: list[str] = []
    for k, (y, text) in enumerate(page):
        if k and usual and page[k - 1][0] - y > usual * 1.5:
            lines.append("")
        lines.append(text.rstrip())
    return lines


# ----------------------------------------------------------------------------------------- XPS
#: The relationship from an XPS package's root to its document sequence.
_XPS_ROOT = "/fixedrepresentation"
#: A transform's translation, the last two of its six numbers ("1,0,0,1,96,120").
_XPS_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def xps_text(data: bytes) -> str:
    """The text an XPS document prints (a board paper printed to XPS), page by page in the
    order its document sequence lists them: each ``Glyphs`` element's ``UnicodeString`` at its
    origin, runs on one baseline joined into a line, lines top to bottom, a blank line where
    the space above a line is clearly more than the page's usual (as a printed text file's,
    :func:`postscript_text`), running heads and feet left out as a PDF's are.  Glyphs with no
    ``UnicodeString`` (indices alone) print no text we can read: such a document is refused.
    Why by hand: XPS is a zip of XML parts, and its text is in one attribute."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            pages = [_xps_page(ET.fromstring(package_member(package, name)))
                     for name in _xps_page_names(package)]
    except (*PACKAGE_ERRORS, ET.ParseError) as exc:
        raise damaged("XPS document", exc) from None
    return printed_text([_ps_lines(page) for page in pages],
                         "the XPS document prints no text it can be read from (glyph indices only?): "
                         "save it as PDF or text")


def _xps_page_names(package: zipfile.ZipFile) -> list[str]:
    """The package's pages in order: the root's document sequence, its documents, their pages."""
    names = set(package.namelist())
    rels = ET.fromstring(package_member(package, "_rels/.rels")) if "_rels/.rels" in names else None
    root = next((r.get("Target", "") for r in (rels if rels is not None else [])
                 if r.get("Type", "").endswith(_XPS_ROOT)), None)
    sequence = _xps_part(root, "") if root else next((n for n in sorted(names) if n.endswith(".fdseq")), None)
    if sequence is None:
        raise ValueError("a zip archive with no XPS document sequence (FixedDocumentSequence) in it")
    pages: list[str] = []
    for ref in ET.fromstring(package_member(package, sequence)).iter():
        if ref.tag.endswith("DocumentReference"):
            document = _xps_part(ref.get("Source", ""), sequence)
            pages += [_xps_part(page.get("Source", ""), document)
                      for page in ET.fromstring(package_member(package, document)).iter()
                      if page.tag.endswith("PageContent")]
    return pages


def _xps_part(target: str, base: str) -> str:
    """A part's name in the zip from a reference to it: absolute ("/Documents/1/...") or
    relative to the folder of the part that refers to it."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = base.split("/")[:-1]
    for piece in target.split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _xps_page(page: ET.Element) -> list[tuple[float, str]]:
    """A fixed page's lines as (minus the baseline's height, text), the highest line first, so
    that they read as a PostScript page's do (its y grows upwards, XPS's downwards); a
    ``Canvas``'s translation moves what it holds."""
    runs: list[tuple[float, float, str]] = []  # (y, x, text)
    _xps_runs(page, 0.0, 0.0, runs)
    lines: dict[float, list[tuple[float, str]]] = {}
    for y, x, text in runs:
        lines.setdefault(round(y * 2) / 2, []).append((x, text))
    return [(-y, " ".join(text for _, text in sorted(lines[y]))) for y in sorted(lines)]


def _xps_runs(element: ET.Element, dx: float, dy: float, runs: list[tuple[float, float, str]]) -> None:
    """Each ``Glyphs`` run under ``element`` as (baseline, x, text), translations added up."""
    for child in element:
        tx, ty = _xps_translation(child.get("RenderTransform", ""))
        if child.tag.endswith("}Glyphs") or child.tag == "Glyphs":
            text = child.get("UnicodeString", "")
            text = text[2:] if text.startswith("{}") else text  # ("{}" escapes a leading brace)
            if text.strip():
                runs.append((float(child.get("OriginY", 0)) + dy + ty,
                             float(child.get("OriginX", 0)) + dx + tx, text))
        else:
            _xps_runs(child, dx + tx, dy + ty, runs)


def _xps_translation(transform: str) -> tuple[float, float]:
    """A ``RenderTransform`` matrix's translation ("1,0,0,1,96,120" moves by 96, 120)."""
    numbers = _XPS_NUMBER.findall(transform)
    return (float(numbers[4]), float(numbers[5])) if len(numbers) == 6 else (0.0, 0.0)


# ---------------------------------------------------------------------------------------- BSON
def bson_documents(data: bytes) -> list[dict[str, object]]:
    """A ``mongodump`` file's documents, as JSON would give them: an ObjectId its hex, a date
    (milliseconds since 1970) an ISO date, binary data, regular expressions, timestamps and
    128-bit decimals left out (none is words a page shows).  Why by hand (DECISIONS 95): the
    format is a dozen fixed layouts (bsonspec.org), and the maintained codec comes only with
    the MongoDB driver and its DNS library.  A damaged file is a ValueError naming the byte."""
    docs: list[dict[str, object]] = []
    i = 0
    try:
        while i < len(data):
            doc, i = _bson_document(data, i)
            docs.append(cast(dict, doc))
    except (struct.error, IndexError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"damaged BSON at byte {i} ({type(exc).__name__}: {exc})"[:300]) from None
    return docs


def _bson_document(data: bytes, i: int, array: bool = False) -> tuple[object, int]:
    """The document (or array) whose length is at ``i``, and the index after it."""
    (size,) = struct.unpack_from("<i", data, i)
    end = i + size
    if size < 5 or end > len(data) or data[end - 1] != 0:
        raise ValueError("a document's length runs past the file")
    out: dict[str, object] = {}
    i += 4
    while data[i] != 0:
        kind, name_end = data[i], data.index(b"\0", i + 1, end)
        name = data[i + 1:name_end].decode("utf-8")
        value, i = _bson_value(kind, data, name_end + 1)
        if value is not _LEFT_OUT:
            out[name] = value
    if i != end - 1:
        raise ValueError("a document's fields run past its length")
    return (list(out.values()) if array else out), end


_LEFT_OUT = object()
#: Fixed-size BSON types: (struct format or None for skipped bytes, size).
_BSON_FIXED = {0x01: ("<d", 8), 0x08: ("<?", 1), 0x10: ("<i", 4), 0x12: ("<q", 8),
               0x11: (None, 8), 0x13: (None, 16), 0x0A: (None, 0), 0x06: (None, 0), 0xFF: (None, 0),
               0x7F: (None, 0)}


def _bson_value(kind: int, data: bytes, i: int) -> tuple[object, int]:
    """One field's value of BSON type ``kind`` at ``i``, and the index after it."""
    if kind in (0x02, 0x0D, 0x0E):  # string, JavaScript code, symbol: int32 length, UTF-8, NUL
        (size,) = struct.unpack_from("<i", data, i)
        if size < 1 or data[i + 3 + size] != 0:
            raise ValueError("a string's length is wrong")
        return data[i + 4:i + 3 + size].decode("utf-8"), i + 4 + size
    if kind in (0x03, 0x04):
        return _bson_document(data, i, array=kind == 0x04)
    if kind == 0x05:  # binary: int32 length, subtype, bytes
        (size,) = struct.unpack_from("<i", data, i)
        return _LEFT_OUT, i + 5 + size
    if kind == 0x07:  # ObjectId
        return data[i:i + 12].hex(), i + 12
    if kind == 0x09:  # UTC milliseconds since 1970
        (ms,) = struct.unpack_from("<q", data, i)
        when = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(milliseconds=ms)
        return when.date().isoformat(), i + 8
    if kind == 0x0B:  # regular expression: two C strings
        i = data.index(b"\0", i) + 1
        return _LEFT_OUT, data.index(b"\0", i) + 1
    if kind not in _BSON_FIXED:
        raise ValueError(f"unknown BSON type 0x{kind:02x}")
    fmt, size = _BSON_FIXED[kind]
    if fmt is None:
        return (None if kind == 0x0A else _LEFT_OUT), i + size
    return struct.unpack_from(fmt, data, i)[0], i + size


# --------------------------------------------------------------------------------------- Stata
#: Per format (117: Stata 13; 118: 14 to 18; 119: wide data sets), the sizes the format gives:
#: K, N, the label's length, a name, a format, a variable label, a sort-list entry, a strL's
#: (variable, observation) key in the data, and a GSO's observation number.
_STATA = {117: (2, 4, 1, 33, 49, 81, 2, (4, 4), 4), 118: (2, 8, 2, 129, 57, 321, 2, (2, 6), 8),
          119: (4, 8, 2, 129, 57, 321, 4, (3, 5), 8)}
#: Numeric types: (struct code, size, the smallest missing value).
_STATA_NUMBERS = {65526: ("d", 8, 8.988e307), 65527: ("f", 4, 1.701e38), 65528: ("i", 4, 2147483621),
                  65529: ("h", 2, 32741), 65530: ("b", 1, 101)}


def stata_records(data: bytes) -> list[dict[str, object]]:
    """A Stata data set's observations (``.dta``, formats 117 to 119, as Stata 13 on and R's
    haven write them), each a record of its variables' values named by their variable labels
    (what Stata shows a reader; the name without one), a coded value given as its value label
    ("2" of "sex" is "Female"); missing values and empty strings left out, as a page leaves out
    what it does not know.  Why by hand (DECISIONS 95): the readers (pandas, pyreadstat) bring a
    data-frame library for a format of tagged sections of fixed-size fields."""
    try:
        return _stata_records(data)
    except (struct.error, IndexError, UnicodeDecodeError, KeyError) as exc:
        raise ValueError(f"damaged Stata file ({type(exc).__name__}: {exc})"[:300]) from None


class _Tagged:
    """A reader over a Stata file's bytes that checks each section's tag as it goes."""

    def __init__(self, data: bytes, order: str) -> None:
        self.data, self.i, self.order = data, 0, order

    def tag(self, name: str) -> None:
        tag = f"<{name}>".encode()
        if not self.data.startswith(tag, self.i):
            raise ValueError(f"expected {tag.decode()} at byte {self.i}")
        self.i += len(tag)

    def take(self, n: int) -> bytes:
        if self.i + n > len(self.data):
            raise ValueError("the file ends inside a section")
        self.i += n
        return self.data[self.i - n:self.i]

    def uint(self, n: int, signed: bool = False) -> int:
        return int.from_bytes(self.take(n), "little" if self.order == "<" else "big", signed=signed)

    def text(self, n: int) -> str:
        raw = self.take(n).split(b"\0", 1)[0]
        return utf8_else(raw)


def _stata_records(data: bytes) -> list[dict[str, object]]:
    head = re.match(rb"<stata_dta><header><release>(\d+)</release><byteorder>(MSF|LSF)</byteorder>", data)
    if head is None:
        raise ValueError("not a Stata 13 or later data set (save it with Stata 13 or later, or as CSV)")
    release = int(head[1])
    if release not in _STATA:
        raise ValueError(f"Stata format {release} is not read (formats 117 to 119 are)")
    k_size, n_size, label_size, name, fmt, vlabel, sort, strl, gso_o = _STATA[release]
    r = _Tagged(data, "<" if head[2] == b"LSF" else ">")
    r.i = head.end()
    r.tag("K")
    k = r.uint(k_size)
    r.tag("/K")
    r.tag("N")
    n = r.uint(n_size)
    r.tag("/N")
    r.tag("label")
    r.take(r.uint(label_size))
    r.i = data.index(b"<map>", r.i)
    r.tag("map")
    r.take(14 * 8)
    r.tag("/map")
    sections: dict[str, list] = {}
    for section, size in (("variable_types", 2), ("varnames", name), ("sortlist", sort),
                          ("formats", fmt), ("value_label_names", name), ("variable_labels", vlabel)):
        r.tag(section)
        count = k + 1 if section == "sortlist" else k
        sections[section] = [r.uint(size) if section in ("variable_types", "sortlist") else r.text(size)
                             for _ in range(count)]
        r.tag(f"/{section}")
    r.i = data.index(b"<data>", r.i)
    r.tag("data")
    types = sections["variable_types"]
    rows = [[_stata_value(r, t, strl) for t in types] for _ in range(n)]
    r.tag("/data")
    strls, labels = _stata_strls(r, gso_o), _stata_value_labels(r, name)
    keys = [label or varname for label, varname in zip(sections["variable_labels"], sections["varnames"],
                                                         strict=True)]
    records: list[dict[str, object]] = []
    for row in rows:
        record: dict[str, object] = {}
        for key, value, table in zip(keys, row, sections["value_label_names"], strict=True):
            if isinstance(value, tuple):
                value = strls.get(value, "")
            if isinstance(value, (int, float)) and table and value in labels.get(table, {}):
                value = labels[table][value]
            if value is not None and value != "":
                record[key] = int(value) if isinstance(value, float) and value.is_integer() else value
        records.append(record)
    return records


def _stata_value(r: _Tagged, kind: int, strl: tuple[int, int]) -> object:
    """One variable's value in an observation: a string, a number (None when missing), or a
    strL's (variable, observation) key."""
    if 1 <= kind <= 2045:
        return r.text(kind)
    if kind == 32768:
        return (r.uint(strl[0]), r.uint(strl[1]))
    code, size, missing = _STATA_NUMBERS[kind]
    (value,) = struct.unpack(r.order + code, r.take(size))
    return None if value >= missing else value


def _stata_strls(r: _Tagged, gso_o: int) -> dict[tuple[int, int], str]:
    """The long strings (strL) of the data, by (variable, observation)."""
    out: dict[tuple[int, int], str] = {}
    r.tag("strls")
    while r.data.startswith(b"GSO", r.i):
        r.take(3)
        key = (r.uint(4), r.uint(gso_o))
        binary, size = r.uint(1) == 129, r.uint(4)
        raw = r.take(size)
        out[key] = "" if binary else utf8_else(raw.rstrip(b"\0"))
    r.tag("/strls")
    return out


def _stata_value_labels(r: _Tagged, name: int) -> dict[str, dict[int, str]]:
    """The value labels, by table name: each table's codes and their labels."""
    tables: dict[str, dict[int, str]] = {}
    r.tag("value_labels")
    while r.data.startswith(b"<lbl>", r.i):
        r.tag("lbl")
        r.uint(4)
        table = r.text(name)
        r.take(3)
        count, size = r.uint(4), r.uint(4)
        offsets = [r.uint(4) for _ in range(count)]
        values = [r.uint(4, signed=True) for _ in range(count)]
        text = r.take(size)
        tables[table] = {v: text[o:].split(b"\0", 1)[0].decode("utf-8", errors="replace")
                         for o, v in zip(offsets, values, strict=True)}
        r.tag("/lbl")
    return tables


# ---------------------------------------------------------------------------- word processors
def is_office(data: bytes) -> bool:
    """Whether a file's bytes are a Word (.docx), OpenDocument or OpenOffice.org 1.0 text package,
    whatever its name."""
    return data[:4] == b"PK\x03\x04" and (b"word/document.xml" in data
                                          or any(kind in data[:200] for kind in _OFFICE_MIMETYPES))


def office_media(data: bytes) -> str:
    """A word processor's package's media type: Word's, else the one its ``mimetype`` member
    (stored first and uncompressed, so within its first bytes) names, else OpenDocument text's."""
    if b"word/document.xml" in data:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return next((kind.decode() for kind in _OFFICE_MIMETYPES[1:] if kind in data[:200]),
                _OFFICE_MIMETYPES[0].decode())


def office_xml(data: bytes) -> tuple[str, str]:
    """A word processor's package as (its running head, the XML part holding its body): the
    body is ``word/document.xml`` of a Word file, ``content.xml`` of an OpenDocument text; the
    reader of XML then reads it as it reads a Word or LibreOffice document saved as one XML file
    (``interchange.word_html``, ``odf_text_html``).  The running head is the words of the page
    header (Word's first ``word/header*.xml``, ODF's master page ``style:header``), which most
    often names the publisher ("Cumberland Safeguarding Children Partnership"): the page keeps
    it above its text, as a PDF's first page keeps its head; page numbers are not read.  Why the
    standard library: a package is a zip of XML parts, and only these parts hold the page's
    words (styles, numbering, footers and comments do not)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            part = next((n for n in ("word/document.xml", "content.xml") if n in names), None)
            if part is None:
                raise ValueError("a zip archive with no Word (word/document.xml) or OpenDocument "
                                 "(content.xml) document in it")
            body = _office_part(package, part)
            headers = sorted((n for n in names if re.fullmatch(r"word/header\d*\.xml", n)),
                             key=lambda n: int(re.sub(r"\D", "", n) or 0))
            head = next((words for n in headers if (words := _header_words(_office_part(package, n)))), "")
            if not head and "styles.xml" in names and part == "content.xml":
                head = _header_words(_office_part(package, "styles.xml"))
            if not head:
                # (session 85) no page header: the document's title property, which a
                # newsletter's maker may fill with its publisher ("Perth and Kinross Child
                # Protection Committee: Spring 2026 newsletter") and print nowhere else
                head = next((_title_property(_office_part(package, n))
                             for n in ("meta.xml", "docProps/core.xml") if n in names), "")
    except PACKAGE_ERRORS as exc:
        raise damaged("document", exc) from None
    return head, body


def canonical_codes(lengths: list[int]) -> tuple[dict[tuple[int, int], int], int]:
    """A canonical Huffman code from its symbols' code lengths (0: unused), as deflate, LZX and
    ARJ send theirs: (length, code) -> symbol, shorter codes first, each length's symbols in
    order; and the code after the longest, which says whether the lengths over-subscribe."""
    codes: dict[tuple[int, int], int] = {}
    code = 0
    for bits in range(1, 17):
        for symbol, length in enumerate(lengths):
            if length == bits:
                codes[bits, code] = symbol
                code += 1
        code <<= 1
    return codes, code


#: An object's default repr in an error message, with the colon or bracket around it.
_OBJECT_REPR = re.compile(r"[:\s]*\[?<[\w.]+ object at 0x[0-9a-f]+>\]?")


def damaged(what: str, exc: BaseException) -> ValueError:
    """The one-line reason a damaged package is refused with: what it is, the error's kind and
    its message on one line, at most 300 characters.  A kind named only "error" is named with
    its module ("mutagen.id3.error"), and a kind raised with no message is said alone (session
    65: a cut MP3 was "damaged audio file (error: )").  (session 87) Object reprs a library puts
    in its message ("Failed to load EWF: [<_io.BytesIO object at 0x...>]") are left out: they
    say where in memory, not what is wrong."""
    reason = " ".join(_OBJECT_REPR.sub("", str(exc)).split())
    kind = type(exc).__name__
    if kind.islower():
        kind = f"{type(exc).__module__.split('._')[0]}.{kind}"
    return ValueError(f"damaged {what} ({kind}: {reason})"[:300] if reason else f"damaged {what} ({kind})")


def _office_part(package: zipfile.ZipFile, name: str) -> str:
    """One XML part of a package (see :func:`package_member`)."""
    return package_member(package, name).decode("utf-8")


def tar_members(data: bytes, wanted: Callable[[str], bool], what: str) -> list[tuple[str, bytes]]:
    """The members of a tar (plain or compressed: a Moodle backup, a Joplin export) whose names,
    without a leading "./", ``wanted`` keeps, with their bytes.  Counted as they are listed and
    refused (ValueError naming ``what``) past :data:`PART_MAX` in all, before they unpack: a
    compressed tar may unpack to far more than its file.  tarfile's own errors go to the caller,
    which names the kind of file that is damaged."""
    out: list[tuple[str, bytes]] = []
    total = 0
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as package:
        for member in package:
            name = member.name.removeprefix("./")
            if not (member.isfile() and wanted(name)):
                continue
            total += member.size
            if total > PART_MAX:
                raise ValueError(f"its {what} unpack to more than {PART_MAX // 2**20} MB")
            handle = package.extractfile(member)
            out.append((name, handle.read() if handle else b""))
    return out


def package_member(package: zipfile.ZipFile, name: str) -> bytes:
    """One member of a zip package (a Word document's part, a WACZ's WARC, a Moodle backup's
    XML), at most :data:`PART_MAX` bytes: a zip bomb is refused by its header, and, since a
    header may lie, by the bytes counted as they unpack."""
    info = package.getinfo(name)
    if info.file_size > PART_MAX:
        raise ValueError(f"its {name} is {info.file_size // 2**20} MB, more than a page")
    with package.open(info) as handle:
        raw = handle.read(PART_MAX + 1)
    if len(raw) > PART_MAX:
        raise ValueError(f"its {name} is larger than it says (a zip bomb?)")
    return raw


def inflated(raw: bytes, limit: int, too_big: str, wbits: int = zlib.MAX_WBITS) -> bytes:
    """A zlib (or, with ``wbits`` -15, a raw deflate) stream unpacked to at most ``limit`` bytes
    (the one home of that bound: a subtitle block, a dump's table data, a drawing's page); more
    than that is a bomb, refused with ``too_big``.  A stream that does not inflate raises
    ``zlib.error`` for its reader to name."""
    unpacker = zlib.decompressobj(wbits)
    out = unpacker.decompress(raw, limit + 1)
    if len(out) > limit or unpacker.unconsumed_tail:
        raise ValueError(too_big)
    return out


def at_most_a_part(out: bytes, name: str) -> bytes:
    """``out``, a stream unpacked as far as :data:`PART_MAX` and one byte more, if it is no more
    than that; else the refusal of a bomb (the one home of its words for every stream read so:
    gzip, bzip2, xz, Zstandard, LZ4, compress)."""
    if len(out) > PART_MAX:
        raise ValueError(f"{name} is larger than {PART_MAX // 2**20} MB unpacked")
    return out


def zstd_unpacked(raw: bytes, name: str) -> bytes:
    """A Zstandard stream's bytes (a ``.tar.zst`` backup, a newer Anki deck's collection), at
    most :data:`PART_MAX` of them, counted as they unpack (a frame's header need not say its
    size).  A cut stream is refused: zstd's reader gives what it could without a word, which
    would be a page silently shortened."""
    import zstandard  # imported here: only a Zstandard file needs it

    try:
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw), read_across_frames=True) as reader:
            out = reader.read(PART_MAX + 1)
        at_most_a_part(out, name)
        whole = zstandard.ZstdDecompressor().decompressobj()
        whole.decompress(raw)  # no more than ``out`` (the first frame of it): bounded above
    except zstandard.ZstdError as exc:
        raise ValueError(f"damaged Zstandard stream ({one_line(str(exc))})"[:300]) from None
    if not whole.eof:
        raise ValueError(f"{name} is cut short (its Zstandard stream ends before its frame does)")
    return out


#: The elements of a header paragraph that are no words of it: a page's number or count, a
#: field's code, deleted text.
_HEADER_SKIPPED = {"page-number", "page-count", "instrText", "delText", "fldSimple"}


#: A title property a tool filled in by itself, which names no publisher: a file's name, Word's
#: "Microsoft Word - ..." from a printed copy, a template's placeholder.
_TOOL_TITLE = re.compile(r".*\.(?:docx?|odt|rtf|pdf)$|microsoft\s+word\s*-|^(?:title|untitled|document\d*)$",
                         re.I)


def _title_property(xml: str) -> str:
    """(session 85) The Dublin Core title of an OpenDocument's ``meta.xml`` or a Word file's
    ``docProps/core.xml``, one line; "" when it has none, or one a tool filled in by itself."""
    root = _small_part(xml)
    title = next((" ".join("".join(e.itertext()).split()) for e in root.iter()
                  if e.tag == "{http://purl.org/dc/elements/1.1/}title"), "") if root is not None else ""
    return "" if _TOOL_TITLE.match(title) else title


def _small_part(xml: str) -> ET.Element | None:
    """A package's small XML part (a header, the metadata) parsed, or None when it declares
    entities or is no XML: such a part is passed over, the document's body still read."""
    if declares_entities(xml):
        return None
    try:
        return ET.fromstring(xml)
    except ET.ParseError:
        return None


def _header_words(xml: str) -> str:
    """The words of a page header: Word's header part, or the first ``style:header`` of an ODF
    styles part; its paragraphs a line each.  A part with entity declarations is not read."""
    root = _small_part(xml)
    if root is None:
        return ""
    if root.tag.endswith("}document-styles"):
        root = next((e for e in root.iter() if e.tag.endswith("}header")), None)
        if root is None:
            return ""
    lines = [" ".join(_element_words(p).split()) for p in root.iter() if p.tag.rsplit("}", 1)[-1] == "p"]
    return "\n".join(line for line in lines if line)


def _element_words(element: ET.Element) -> str:
    """An element's words, the parts of :data:`_HEADER_SKIPPED` left out, a tab a space."""
    name = element.tag.rsplit("}", 1)[-1]
    if name in _HEADER_SKIPPED:
        return ""
    parts = [" " if name == "tab" else element.text or ""]
    for child in element:
        parts += [_element_words(child), child.tail or ""]
    return "".join(parts)
