"""Pages whose bytes are no text: a PDF, and a page Safari saved as a web archive.

Partnerships publish most reviews, briefings and annual reports as PDFs, and an analyst who
saves a page from Safari gets a ``.webarchive``.  Neither can be decoded as text: a PDF's words
are drawn by content streams, usually compressed, in fonts with their own encodings; a web
archive is a binary property list holding the page's HTML as bytes.  These functions turn each
into the text (a PDF) or the HTML (a web archive) that :func:`casegraph.ingest.sources.read_source`
then reads as it reads any text or saved page.

Why pypdf for PDFs (DECISIONS 94): a maintained, pure-Python reader that undoes compression,
font encodings and ToUnicode maps; hand-written stream parsing would read only the simplest
files.  Why the standard library's plistlib for web archives: it reads binary property lists.
A file either cannot open raises ValueError with the reason, which ``read_source`` turns into a
one-line error naming the file.
"""

from __future__ import annotations

import io
import logging
import plistlib
import re
import struct
import zlib

PDF_SUFFIXES = {".pdf"}
WEBARCHIVE_SUFFIXES = {".webarchive"}
BINARY_SUFFIXES = PDF_SUFFIXES | WEBARCHIVE_SUFFIXES

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
        pages = [_page_lines(_spaced(page.extract_text(
            extraction_mode="layout", layout_mode_font_height_weight=_GAP_UNIT) or ""))
            for page in reader.pages]
    except ValueError:
        raise
    except (PyPdfError, ArithmeticError, AttributeError, KeyError, IndexError, TypeError,
            NotImplementedError, RecursionError, AssertionError, zlib.error, struct.error) as exc:
        # (session 50: bytes changed at random in a valid PDF raised NotImplementedError and
        # AttributeError from inside pypdf; a damaged file is one line naming it, never a crash)
        raise ValueError(f"damaged PDF ({type(exc).__name__}: {' '.join(str(exc).split())})"[:300]) from None
    text = _joined(_without_running_lines(pages))
    if not text.strip():
        raise ValueError("the PDF has no text layer (a scanned page?): run OCR on it, or save its text")
    return text


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


def _page_lines(text: str) -> list[str]:
    """A page's lines, its blank lines at the top and foot taken off, a heading's bracket that
    the column wrapped joined to it again."""
    lines: list[str] = []
    for line in (ln.rstrip() for ln in text.split("\n")):
        if lines and lines[-1].strip() and _WRAPPED_BRACKET.match(line) \
                and not _SENTENCE_END.search(lines[-1]):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
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
