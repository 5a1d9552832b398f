"""Microsoft Office's workbooks and slide decks (Office Open XML ``.xlsx`` and ``.pptx``) as
what a reader of them sees: a workbook's sheets as rows of cell texts, a deck's slides as HTML.

A partnership's business unit keeps its review tracker in Excel (a row per review: its name,
area, dates, a learning cell of wrapped lines) and trains its staff from a PowerPoint
seven-minute briefing (a slide per section, learning and recommendations as bullets).  Both are
zips of XML parts, like a Word document (:func:`casegraph.ingest.binaries.office_xml`), but the
words are spread over parts that refer to each other: a workbook's sheets are listed in
``xl/workbook.xml`` and found through its relationships, their strings kept once in
``xl/sharedStrings.xml`` (Excel) or inline (openpyxl), a date kept as a serial number that only
the cell's style says is a date; a deck's slides are ordered by ``ppt/presentation.xml``, their
title and body placeholders saying what is a heading and what is a bullet.

Why by hand and the standard library: the parts needed are a handful of XML files read with
zipfile and ElementTree (as Word's are); openpyxl and python-pptx are writers' libraries whose
object models would cost a dependency each for the same few lookups, and neither reads the
other's format.  A damaged package raises ValueError with the reason, which
:func:`casegraph.ingest.sources.read_source` turns into a one-line error naming the file.

An Apple Numbers workbook (session 61: a business unit's tracker kept on a Mac) is read as an
Excel one is, sheet by sheet, by numbers-parser (DECISIONS 105): its tables are Protocol Buffers
messages in snappy-compressed IWA archives, with cell storage in tiles and strings in tables of
their own, which no few lookups of ours would read.
"""

from __future__ import annotations

import contextlib
import datetime
import html
import io
import posixpath
import re
import struct
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import olefile

from casegraph.ingest.binaries import PACKAGE_ERRORS, PART_MAX, damaged, package_member
from casegraph.ingest.interchange import (
    SERIAL_EPOCH,
    blocks_html,
    grid_rows,
    html_table,
    local_name,
    serial_date,
)
from casegraph.ingest.packages import part_xml

XLSX_SUFFIXES = {".xlsx", ".xlsm", ".xltx"}
NUMBERS_SUFFIXES = {".numbers"}
PPTX_SUFFIXES = {".pptx", ".pptm", ".ppsx", ".potx"}

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
#: Built-in number formats that show a date (ECMA-376 part 1, 18.8.30): 14 to 22, 45 to 47.
_DATE_FORMAT_IDS = {*range(14, 23), *range(45, 48)}
#: A custom number format that shows a date: a day, month or year code outside quoted text
#: and brackets ("dd/mm/yyyy", "[$-809]d mmmm yyyy"), not only hours and minutes.
_DATE_CODE = re.compile(r"[dy]|m{3,}")
#: A cell's column letters in its reference ("AB12").
_COLUMN = re.compile(r"^([A-Z]{1,3})\d*$")
#: A sheet larger than Excel's own grid is damage, not a page.
_MAX_COLUMNS, _MAX_ROWS = 16_384, 1_048_576


def _xml(package: zipfile.ZipFile, name: str) -> ET.Element:
    """A package's XML part (:func:`casegraph.ingest.packages.part_xml`: at most a page's size,
    refused when it declares entities, which Office never writes)."""
    return part_xml(package, name, "an Office package")


def _related(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationships (its ``_rels/<name>.rels``) as id -> the member they point at; a
    target is relative to the part's folder unless it starts with "/" (openpyxl writes those)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in package.namelist():
        return {}
    out = {}
    for rel in _xml(package, rels):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        out[rel.get("Id", "")] = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
    return out


@contextlib.contextmanager
def _package(data: bytes, what: str, main: str) -> Iterator[zipfile.ZipFile]:
    """The package open, with the part that says what it is (``main``) in it; a damaged one
    (a bad zip, a part missing or not XML, an encrypted member) is a ValueError naming ``what``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if main not in package.namelist():
                raise ValueError(f"a zip archive with no {what} ({main}) in it")
            yield package
    except (*PACKAGE_ERRORS, ET.ParseError) as exc:
        raise damaged(what, exc) from None


# --------------------------------------------------------------------------------- workbooks
def numbers_sheets(data: bytes) -> list[list[list[str]]]:
    """An Apple Numbers workbook's tables, sheet by sheet, each its rows of cell texts as the
    sheet shows them (a date in ISO form, as an Excel sheet's is read; a whole number without
    its ".0"); rows with no words left out.  A workbook that unpacks to more than
    :data:`PART_MAX` is refused before it is opened (numbers-parser unpacks it whole)."""
    with _package(data, "Numbers workbook", "Index/Document.iwa") as package:
        unpacked = sum(info.file_size for info in package.infolist())
    if unpacked > PART_MAX:
        raise ValueError(f"the workbook unpacks to more than {PART_MAX // 2**20} MB (a zip bomb?)")
    from numbers_parser.exceptions import NumbersError

    try:
        return _numbers_tables(data)
    except (NumbersError, *PACKAGE_ERRORS, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise damaged("Numbers workbook", exc) from None


def _numbers_tables(data: bytes) -> list[list[list[str]]]:
    """Every table's rows with words, opened by numbers-parser from a temporary copy (it opens a
    workbook by its name); its warnings name features it does not read, and are not ours."""
    import tempfile
    import warnings

    from numbers_parser import Document

    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "book.numbers"
        book.write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = Document(book)
            return [[cells for row in table.rows() if any(cells := [_numbers_cell(c) for c in row])]
                    for sheet in document.sheets for table in sheet.tables]


def _numbers_cell(cell: object) -> str:
    """A Numbers cell's text as the sheet shows it (see :func:`numbers_sheets`)."""
    value = getattr(cell, "value", None)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return (getattr(cell, "formatted_value", "") or "").strip()


def xlsx_sheets(data: bytes) -> list[list[list[str]]]:
    """An Excel workbook's visible sheets in the workbook's order, each its rows of cell texts
    (a cell kept by its reference: the rows and columns between are empty cells).  A number in
    a date format is the date the sheet shows, in ISO form (as a Gnumeric workbook's is read);
    a formula's cell is its saved value, and none when the file was saved without one (openpyxl
    writes formulas for Excel to work out); an error ("#REF!") is no words."""
    with _package(data, "Excel workbook", "xl/workbook.xml") as package:
        book = _xml(package, "xl/workbook.xml")
        targets = _related(package, "xl/workbook.xml")
        strings = _shared_strings(package)
        dates = _date_styles(package)
        base = _date_base(book)
        sheets = []
        for sheet in book.iter():
            if local_name(sheet.tag) != "sheet" or sheet.get("state") in ("hidden", "veryHidden"):
                continue
            target = targets.get(sheet.get(_REL, ""))
            if target in package.namelist():
                sheets.append(_sheet_rows(_xml(package, target), strings, dates, base))
    return sheets


def _shared_strings(package: zipfile.ZipFile) -> list[str]:
    """The workbook's shared strings (Excel keeps each text once; a cell gives its index), each
    the words of its runs; none when its cells keep their text inline."""
    if "xl/sharedStrings.xml" not in package.namelist():
        return []
    return [_string_words(si) for si in _xml(package, "xl/sharedStrings.xml") if local_name(si.tag) == "si"]


def _string_words(element: ET.Element) -> str:
    """A rich string's words (``<t>`` of its runs), leaving out its phonetic guide (``rPh``)."""
    if local_name(element.tag) == "rph":
        return ""
    if local_name(element.tag) == "t":
        return element.text or ""
    return "".join(_string_words(child) for child in element)


def _date_styles(package: zipfile.ZipFile) -> set[int]:
    """The indexes of the cell styles whose number format shows a date."""
    if "xl/styles.xml" not in package.namelist():
        return set()
    styles = _xml(package, "xl/styles.xml")
    custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in styles.iter()
              if local_name(f.tag) == "numfmt" and f.get("numFmtId", "").isdigit()}
    formats = next((e for e in styles if local_name(e.tag) == "cellxfs"), None)
    out = set()
    for index, xf in enumerate(formats if formats is not None else []):
        number = int(xf.get("numFmtId", "0")) if xf.get("numFmtId", "0").isdigit() else 0
        if _shows_date(number, custom):
            out.add(index)
    return out


def _shows_date(number: int, custom: dict[int, str]) -> bool:
    """Whether number format ``number`` shows a date: a built-in date format, or a custom one
    with a day, month or year code outside its quoted text, brackets and escapes."""
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", custom.get(number, "")).lower()
    return number in _DATE_FORMAT_IDS or (number in custom and bool(_DATE_CODE.search(code)))


def _date_base(book: ET.Element) -> datetime.date:
    """Day 0 of the workbook's serial dates: :data:`SERIAL_EPOCH`, or 1 January 1904 for a
    workbook saved on the old Mac system."""
    pr = next((e for e in book if local_name(e.tag) == "workbookpr"), None)
    if pr is not None and pr.get("date1904", "").lower() in ("1", "true"):
        return datetime.date(1904, 1, 1)
    return SERIAL_EPOCH


def _sheet_rows(sheet: ET.Element, strings: list[str], dates: set[int],
                base: datetime.date) -> list[list[str]]:
    """One sheet's rows of cell texts, each cell at its column, an empty row kept between."""
    grid: dict[int, dict[int, str]] = {}
    for row_number, row in enumerate((e for e in sheet.iter() if local_name(e.tag) == "row"), 1):
        number = int(row.get("r", "0")) if row.get("r", "").isdigit() else row_number
        cells = grid.setdefault(min(number, _MAX_ROWS), {})
        for position, cell in enumerate((c for c in row if local_name(c.tag) == "c"), 1):
            column = _column(cell.get("r", "")) or position
            if text := _cell_text(cell, strings, dates, base):
                cells[min(column, _MAX_COLUMNS)] = text
    return grid_rows(grid, first=1)


def _column(reference: str) -> int | None:
    """A cell reference's column number ("C5" is 3), or None for a cell without one."""
    m = _COLUMN.match(reference)
    if m is None:
        return None
    number = 0
    for letter in m[1]:
        number = number * 26 + ord(letter) - 64
    return number


def _cell_text(cell: ET.Element, strings: list[str], dates: set[int], base: datetime.date) -> str:
    """A cell's words as the sheet shows them (see :func:`xlsx_sheets`)."""
    kind = cell.get("t", "n")
    value = next((e for e in cell if local_name(e.tag) == "v"), None)
    raw = (value.text or "").strip() if value is not None else ""
    if kind == "inlineStr":
        inline = next((e for e in cell if local_name(e.tag) == "is"), None)
        return _string_words(inline).strip() if inline is not None else ""
    if kind == "s":
        return strings[int(raw)].strip() if raw.isdigit() and int(raw) < len(strings) else ""
    if kind in ("str", "d"):
        return raw
    if kind == "b":
        return {"1": "TRUE", "0": "FALSE"}.get(raw, "")
    if kind == "e" or not raw:
        return ""
    style = cell.get("s", "0")
    if style.isdigit() and int(style) in dates and (day := serial_date(raw, base)):
        return day
    return raw[:-2] if raw.endswith(".0") else raw


# ------------------------------------------------------------- Excel binary workbooks (.xlsb)
#: Excel's binary workbook: the zip package of an ``.xlsx`` with its parts in BIFF12 records.
XLSB_SUFFIXES = {".xlsb"}
#: BIFF12 record types read (MS-XLSB 2.3): a row's header; the cells, each in full form (its
#: column given) and short form (the column after the previous cell's, as SheetJS writes them);
#: a shared string; a sheet in the workbook's list; the workbook's properties; a number format;
#: a cell format, and the brackets around the list of cell formats.
_ROW, _SST_ITEM, _SHEET, _WB_PROP, _FORMAT, _XF = 0, 19, 156, 153, 44, 47
_CELL_XFS, _CELL_XFS_END = 617, 618
#: Cell records by value kind (full, short): blank, RK number, error, boolean, real, inline
#: string, shared string index; and formulas (full form only) with a string, number, boolean
#: or error value saved.
_BLANK, _RK, _ERROR, _BOOL, _REAL, _ST, _ISST = range(1, 8)
_SHORT = {12: _BLANK, 13: _RK, 14: _ERROR, 15: _BOOL, 16: _REAL, 17: _ST, 18: _ISST}
_FORMULA = {8: _ST, 9: _REAL, 10: _BOOL, 11: _ERROR}


def xlsb_sheets(data: bytes) -> list[list[list[str]]]:
    """An Excel binary workbook's visible sheets (session 84: a board's practice review tracker
    saved as ``.xlsb``), each its rows of cell texts as :func:`xlsx_sheets` reads a workbook's.

    Why by hand: the package is an ``.xlsx``'s with its parts as BIFF12 records (a variable-
    length type and size, then the fields), and the few records that hold words are simple;
    pyxlsb and python-calamine both skipped the short cell records SheetJS writes (every cell
    after a row's first), reading one column of a twelve-column tracker."""
    with _package(data, "Excel binary workbook", "xl/workbook.bin") as package:
        try:
            return _xlsb_book(package)
        except (struct.error, IndexError, UnicodeDecodeError, ValueError) as exc:
            raise damaged("Excel binary workbook", exc) from None


def _xlsb_book(package: zipfile.ZipFile) -> list[list[list[str]]]:
    """The workbook's visible sheets in its order (see :func:`xlsb_sheets`)."""
    targets = _related(package, "xl/workbook.bin")
    base, parts = SERIAL_EPOCH, []
    for kind, body in _biff12(package_member(package, "xl/workbook.bin")):
        if kind == _WB_PROP and struct.unpack_from("<I", body)[0] & 1:
            base = datetime.date(1904, 1, 1)
        elif kind == _SHEET and struct.unpack_from("<I", body)[0] == 0:  # hsState 0: visible
            parts.append(targets.get(_wide_string(body, 8, nullable=True)[0], ""))
    strings = _xlsb_strings(package)
    dates = _xlsb_date_styles(package)
    return [_xlsb_rows(package_member(package, part), strings, dates, base)
            for part in parts if part in package.namelist()]


def _biff12(stream: bytes) -> Iterator[tuple[int, bytes]]:
    """A BIFF12 part's records, each its type and body: the type is one or two bytes of seven
    bits, the size one to four; a record running past the part's end is damage."""
    at = 0
    while at < len(stream):
        kind = stream[at] & 0x7F
        if stream[at] & 0x80:
            kind |= (stream[at + 1] & 0x7F) << 7
            at += 1
        at, size, shift = at + 1, 0, 0
        for _ in range(4):
            size |= (stream[at] & 0x7F) << shift
            at, shift = at + 1, shift + 7
            if not stream[at - 1] & 0x80:
                break
        if at + size > len(stream):
            raise ValueError(f"a record at byte {at} runs past its part's end")
        yield kind, stream[at:at + size]
        at += size


def _wide_string(body: bytes, at: int, nullable: bool = False) -> tuple[str, int]:
    """An XLWideString at ``at`` (a count of UTF-16 units, then the units) and the offset after
    it; a nullable one of count 0xFFFFFFFF is no string."""
    count = struct.unpack_from("<I", body, at)[0]
    if nullable and count == 0xFFFFFFFF:
        return "", at + 4
    end = at + 4 + 2 * count
    if end > len(body):
        raise ValueError(f"a string of {count} characters runs past its record")
    return body[at + 4:end].decode("utf-16-le"), end


def _xlsb_strings(package: zipfile.ZipFile) -> list[str]:
    """The shared strings, each a rich string's text (a flags byte, then the string)."""
    if "xl/sharedStrings.bin" not in package.namelist():
        return []
    records = _biff12(package_member(package, "xl/sharedStrings.bin"))
    return [_wide_string(body, 1)[0] for kind, body in records if kind == _SST_ITEM]


def _xlsb_date_styles(package: zipfile.ZipFile) -> set[int]:
    """The indexes of the cell formats whose number format shows a date (as :func:`_date_styles`
    finds an ``.xlsx``'s)."""
    if "xl/styles.bin" not in package.namelist():
        return set()
    custom: dict[int, str] = {}
    out, index, in_cell_xfs = set(), 0, False
    for kind, body in _biff12(package_member(package, "xl/styles.bin")):
        if kind == _FORMAT:
            custom[struct.unpack_from("<H", body)[0]] = _wide_string(body, 2)[0]
        elif kind in (_CELL_XFS, _CELL_XFS_END):
            in_cell_xfs = kind == _CELL_XFS
        elif kind == _XF and in_cell_xfs:
            if _shows_date(struct.unpack_from("<H", body, 2)[0], custom):
                out.add(index)
            index += 1
    return out


def _xlsb_rows(stream: bytes, strings: list[str], dates: set[int], base: datetime.date) -> list[list[str]]:
    """One sheet's rows of cell texts (see :func:`_xlsb_cell`), each cell at its column."""
    grid: dict[int, dict[int, str]] = {}
    cells: dict[int, str] = {}
    column = -1
    for kind, body in _biff12(stream):
        if kind == _ROW:
            cells = grid.setdefault(min(struct.unpack_from("<I", body)[0], _MAX_ROWS - 1) + 1, {})
            column = -1
            continue
        value = _SHORT.get(kind) or _FORMULA.get(kind) or (kind if _BLANK <= kind <= _ISST else None)
        if value is None:
            continue
        short = kind in _SHORT
        column = column + 1 if short else struct.unpack_from("<I", body)[0]
        at = 0 if short else 4
        style = int.from_bytes(body[at:at + 3], "little")
        if (text := _xlsb_cell(value, body, at + 4, strings)) and column < _MAX_COLUMNS:
            cells[column + 1] = serial_date(text, base) or text if style in dates else text
    return grid_rows(grid, first=1)


def _xlsb_cell(value: int, body: bytes, at: int, strings: list[str]) -> str:
    """A cell's words as the sheet shows them: text, a whole number without ".0", TRUE or
    FALSE; an error or a blank shows none (a date is told by its style: :func:`_xlsb_rows`)."""
    if value == _ST:
        return _wide_string(body, at)[0].strip()
    if value == _ISST:
        index = struct.unpack_from("<I", body, at)[0]
        return strings[index].strip() if index < len(strings) else ""
    if value == _BOOL:
        return "TRUE" if body[at] else "FALSE"
    if value == _REAL:
        return _number_text(struct.unpack_from("<d", body, at)[0])
    if value == _RK:
        return _number_text(_rk_number(struct.unpack_from("<I", body, at)[0]))
    return ""


def _rk_number(rk: int) -> float:
    """An RK number: 30 bits of a signed integer or of a double's top, perhaps a hundredth."""
    if rk & 2:
        number = float((rk >> 2) - (1 << 30) if rk & (1 << 31) else rk >> 2)
    else:
        number = struct.unpack("<d", struct.pack("<Q", (rk & 0xFFFFFFFC) << 32))[0]
    return number / 100 if rk & 1 else number


def _number_text(number: float) -> str:
    """A number as a sheet's plain format shows it: a whole one without ".0"."""
    if number != number or number in (float("inf"), float("-inf")):
        return ""
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


# ------------------------------------------------------------------ SocialCalc (EtherCalc)
#: (session 86) A shared sheet saved by EtherCalc or SocialCalc (``.eth``: a committee's review
#: tracker, as EtherCalc and SheetJS save it): text in SocialCalc's save format.
SOCIALCALC_SUFFIXES = {".eth"}
#: A cell line's attributes and how many fields each takes after its name: the shown value is
#: in ``v`` (a number), ``t`` (a text), ``vt`` (its type, then the value), ``vtf`` (type, value,
#: formula) and ``vtc`` (type, value, the text shown); ``b`` has four borders; the rest one.
_SOCIALCALC_FIELDS = {"v": 1, "t": 1, "vt": 2, "vtf": 3, "vtc": 3, "b": 4}
#: The save format's escapes in a field: a colon, a line break, a backslash.
_SOCIALCALC_ESCAPE = re.compile(r"\\([cnb])")
_SOCIALCALC_UNESCAPED = {"c": ":", "n": "\n", "b": "\\"}


def socialcalc_sheets(raw: str) -> list[list[list[str]]]:
    """A SocialCalc save (EtherCalc's ``.eth``) as a workbook of one sheet: each ``cell:`` line's
    shown value at its reference (as :func:`xlsx_sheets` reads a workbook's); the MIME wrapper,
    the sheet's, columns' and styles' lines are the tool's.

    Why by hand: the format is lines of colon-parted fields with three escapes, and no Python
    library reads it (SheetJS, which writes it, is JavaScript)."""
    lines = raw.replace("\r\n", "\n").split("\n")
    if not any(line.startswith(("socialcalc:version:", "version:")) for line in lines[:20]):
        raise ValueError("not a SocialCalc save (no 'socialcalc:version:' or 'version:' line)")
    grid: dict[int, dict[int, str]] = {}
    for line in lines:
        if not line.startswith("cell:"):
            continue
        fields = line.split(":")
        row = re.fullmatch(r"[A-Z]{1,3}(\d{1,7})", fields[1])
        if row is None:
            raise ValueError(f"a cell line with no reference: {line[:60]!r}")
        if text := _socialcalc_value(fields[2:]).strip():
            grid.setdefault(int(row[1]), {})[min(_column(fields[1]) or 1, _MAX_COLUMNS)] = text
    return [grid_rows(grid, first=1)]


def _socialcalc_value(fields: list[str]) -> str:
    """The value a cell line's attributes show (the last of ``v``, ``t``, ``vt``, ``vtf``,
    ``vtc`` given), unescaped."""
    value, at = "", 0
    while at < len(fields):
        name = fields[at]
        count = _SOCIALCALC_FIELDS.get(name, 1)
        taken = fields[at + 1:at + 1 + count]
        if name in ("v", "t"):
            value = taken[0] if taken else ""
        elif name in ("vt", "vtf"):
            value = taken[1] if len(taken) > 1 else ""
        elif name == "vtc":
            value = taken[2] if len(taken) > 2 else ""
        at += 1 + count
    return _SOCIALCALC_ESCAPE.sub(lambda m: _SOCIALCALC_UNESCAPED[m[1]], value)


# ---------------------------------------------------------------- Lotus 1-2-3 worksheets
#: Lotus 1-2-3's worksheets of release 1A (``.wks``) and 2 (``.wk1``): an archive's register
#: kept since the 1990s, or a tracker saved for an old system.
LOTUS_SUFFIXES = {".wk1", ".wks"}
#: Record types (Lotus's "1-2-3 file format" of 1984-86): the beginning and end of the file, and
#: the cells: a whole number, a real number, a label, a formula (its value saved) and a formula's
#: string value (the record after its formula's).
_LOTUS_BOF, _LOTUS_EOF, _LOTUS_INTEGER, _LOTUS_NUMBER, _LOTUS_LABEL, _LOTUS_FORMULA, _LOTUS_STRING = \
    0x00, 0x01, 0x0D, 0x0E, 0x0F, 0x10, 0x33
_LOTUS_CELLS = frozenset({_LOTUS_INTEGER, _LOTUS_NUMBER, _LOTUS_LABEL, _LOTUS_FORMULA, _LOTUS_STRING})
#: The BOF record's release: 1A, Symphony, 2.
_LOTUS_RELEASES = {0x0404, 0x0405, 0x0406}
#: A label's first character says how it is aligned (left, right, centred, repeated); not a word.
_LOTUS_ALIGN = "'\"^\\|"
#: A cell's format byte: bits 4-6 its kind (7: special), bits 0-3 which one; special formats 2
#: to 4, 9 and 10 show a serial number as a date.
_LOTUS_DATES = {2, 3, 4, 9, 10}


def lotus_sheets(data: bytes) -> list[list[list[str]]]:
    """A Lotus 1-2-3 worksheet as a workbook of one sheet, its rows of cell texts, each cell at its column
    (as :func:`xlsx_sheets` reads a workbook's): a label without its alignment mark, a number in
    a date format the ISO date it shows, a formula its saved value.

    Why by hand: a worksheet is a run of records (a type and a length of two bytes each, then
    the body) of which five hold what a cell shows; no maintained Python reader of them exists."""
    if len(data) < 6 or struct.unpack_from("<HHH", data) not in {(_LOTUS_BOF, 2, r) for r in _LOTUS_RELEASES}:
        raise ValueError("not a Lotus 1-2-3 worksheet (no release 1A or 2 BOF record)")
    grid: dict[int, dict[int, str]] = {}
    for kind, body in _lotus_records(data):
        if kind == _LOTUS_EOF:
            break
        if kind in _LOTUS_CELLS and len(body) >= 5:
            column, row = struct.unpack_from("<HH", body, 1)
            if text := _lotus_cell(kind, body):
                grid.setdefault(row + 1, {})[column + 1] = text
    return [grid_rows(grid, first=1)]


def _lotus_records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """A worksheet's records, each its type and body; one running past the file is damage (a
    file cut short)."""
    at = 0
    while at + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, at)
        if at + 4 + size > len(data):
            raise ValueError(f"damaged Lotus 1-2-3 worksheet (a record at byte {at} runs past its end)")
        yield kind, data[at + 4:at + 4 + size]
        at += 4 + size
    if at != len(data):
        raise ValueError(f"damaged Lotus 1-2-3 worksheet (cut short at byte {at})")


def _lotus_cell(kind: int, body: bytes) -> str:
    """One cell record's words as the sheet shows them (see :func:`lotus_sheets`); Lotus's
    character set is read as Latin-1, which it matches for letters."""
    if kind in (_LOTUS_LABEL, _LOTUS_STRING):
        words = body[5:].split(b"\0", 1)[0].decode("latin-1")
        return (words[1:] if words[:1] and words[0] in _LOTUS_ALIGN else words).strip()
    if kind == _LOTUS_INTEGER and len(body) >= 7:
        number = float(struct.unpack_from("<h", body, 5)[0])
    elif kind in (_LOTUS_NUMBER, _LOTUS_FORMULA) and len(body) >= 13:
        number = struct.unpack_from("<d", body, 5)[0]
    else:
        return ""
    text = _number_text(number)
    if (body[0] >> 4) & 7 == 7 and body[0] & 15 in _LOTUS_DATES:
        return serial_date(text) or text
    return text


# ------------------------------------------------------------- Excel 97-2003 workbooks (BIFF8)
#: An Excel 97-2003 template; an ``.xls`` is told by its bytes (:func:`is_xls`), since
#: partnerships' systems also save tab-separated text and HTML tables under that name.
XLS_SUFFIXES = {".xlt"}
#: xlrd's cell types (xlrd.XL_CELL_*): text, number, date, boolean; errors and blanks show nothing.
_XL_TEXT, _XL_NUMBER, _XL_DATE, _XL_BOOLEAN = 1, 2, 3, 4


def is_xls(data: bytes) -> bool:
    """Whether a file's bytes are a Compound File holding an Excel 97-2003 workbook (a
    "Workbook" stream; Excel 5's "Book")."""
    if not data.startswith(olefile.MAGIC):
        return False
    with contextlib.suppress(OSError), olefile.OleFileIO(io.BytesIO(data)) as ole:
        return ole.exists("Workbook") or ole.exists("Book")
    return False


def xls_sheets(data: bytes) -> list[list[list[str]]]:
    """An Excel 97-2003 workbook's or template's visible sheets (session 68: a board's serious
    case review tracker of 2011-12 saved as the next year's ``.xlt``), each its rows of cell
    texts as :func:`xlsx_sheets` reads a workbook's: a date cell the ISO date it shows, a whole
    number without ".0", an error no words.

    Why xlrd (DECISIONS 112): BIFF8 keeps a sheet's cells in records spread over a stream of
    the Compound File, its strings in a shared table split across CONTINUE records, each
    compressed or not by a flag of its own, and its dates as numbers that only the cell's
    format record says are dates; xlrd is the maintained reader of exactly that format."""
    import xlrd  # (imported only for such a page)

    if not data.startswith(olefile.MAGIC):
        raise ValueError("not an Excel 97-2003 workbook (no Compound File header)")
    try:
        # (xlrd writes its warnings to stdout unless given a log of its own: kept off the output)
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO())
        return [_xls_rows(sheet, book.datemode) for sheet in book.sheets() if sheet.visibility == 0]
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, struct.error, IndexError, KeyError,
            AssertionError, UnicodeDecodeError) as exc:
        raise damaged("Excel 97-2003 workbook", exc) from None


def _xls_rows(sheet: Any, datemode: int) -> list[list[str]]:
    """One sheet's rows of cell texts, each cell at its column, an empty row kept between."""
    grid: dict[int, dict[int, str]] = {}
    for row in range(min(sheet.nrows, _MAX_ROWS)):
        cells = grid.setdefault(row + 1, {})
        for column in range(min(sheet.ncols, _MAX_COLUMNS)):
            if text := _xls_cell(sheet.cell_type(row, column), sheet.cell_value(row, column), datemode):
                cells[column + 1] = text
    return grid_rows(grid, first=1)


def _xls_cell(kind: int, value: Any, datemode: int) -> str:
    """A BIFF cell's words as the sheet shows them."""
    import xlrd

    if kind == _XL_TEXT:
        return str(value).strip()
    if kind == _XL_DATE:
        with contextlib.suppress(xlrd.xldate.XLDateError, OverflowError, ValueError):
            moment = xlrd.xldate.xldate_as_datetime(float(value), datemode)
            return moment.date().isoformat() if moment.time() == datetime.time() else moment.isoformat(" ")
        return ""
    if kind == _XL_NUMBER:
        number = float(value)
        return str(int(number)) if number.is_integer() else str(number)
    if kind == _XL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    return ""


# ------------------------------------------------------------------------------ slide decks
#: Placeholders that are a slide's title, and those whose paragraphs are bullets by default.
_TITLES = {"title", "ctrTitle"}
_BULLETED = {"body", "obj", None}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def pptx_html(data: bytes) -> str:
    """A PowerPoint deck's slides in the deck's order as a page: each slide's title a heading
    (the title slide's the page's ``h1``), a body placeholder's paragraphs list items (a
    top-level line followed by indented ones is their lead-in: "The review makes three
    recommendations:"), a subtitle's and a text box's paragraphs paragraphs, a table's rows a
    table, then the slide's speaker notes, which often tell what the slide only lists.
    Hidden slides are left out: the presenter does not show them."""
    with _package(data, "PowerPoint deck", "ppt/presentation.xml") as package:
        deck = _xml(package, "ppt/presentation.xml")
        targets = _related(package, "ppt/presentation.xml")
        blocks: list[tuple[str, str]] = []
        for slide_id in deck.iter():
            target = targets.get(slide_id.get(_REL, "")) if local_name(slide_id.tag) == "sldid" else None
            if target in package.namelist():
                blocks += _slide_blocks(package, target)
    return blocks_html(blocks)


def _slide_blocks(package: zipfile.ZipFile, part: str) -> list[tuple[str, str]]:
    """One slide's (tag, words) blocks, its speaker notes after it."""
    slide = _xml(package, part)
    if slide.get("show") in ("0", "false"):
        return []
    blocks = [block for shape in _shapes(slide) for block in _shape_blocks(shape)]
    notes = next((t for t in _related(package, part).values() if "notesSlide" in t), None)
    if notes in package.namelist():
        blocks += [("p", words) for shape in _shapes(_xml(package, notes))
                   if _placeholder(shape) == "body" for _, words in _paragraphs(shape)]
    return blocks


def _shapes(slide: ET.Element) -> list[ET.Element]:
    """A slide's shapes with text and its tables, in the order the slide draws them (grouped
    shapes inside their group's place)."""
    return [e for e in slide.iter() if local_name(e.tag) in ("sp", "tbl")]


def _placeholder(shape: ET.Element) -> str | None:
    """A shape's placeholder type ("title", "body", ...; None for a content placeholder given
    only an index), or "" for a shape that is no placeholder (a text box)."""
    ph = next((e for e in shape.iter() if local_name(e.tag) == "ph"), None)
    return "" if ph is None else ph.get("type")


def _paragraphs(shape: ET.Element) -> list[tuple[int, str]]:
    """A shape's paragraphs with words, as (indent level, words); a line break a space."""
    out = []
    for p in shape.iter(f"{_A}p"):
        words = " ".join("".join(e.text or "" if local_name(e.tag) == "t" else " "
                                 for e in p.iter() if local_name(e.tag) in ("t", "br")).split())
        ppr = p.find(f"{_A}pPr")
        level = int(ppr.get("lvl", "0")) if ppr is not None and ppr.get("lvl", "0").isdigit() else 0
        if words:
            out.append((level, words))
    return out


def _shape_blocks(shape: ET.Element) -> list[tuple[str, str]]:
    """A shape's (tag, words) blocks, as :func:`pptx_html` says."""
    if local_name(shape.tag) == "tbl":
        rows = [[_paragraph_words(cell) for cell in row if local_name(cell.tag) == "tc"]
                for row in shape if local_name(row.tag) == "tr"]
        return [("table", html_table(rows, header_rows=1))] if rows else []
    kind = _placeholder(shape)
    paragraphs = _paragraphs(shape)
    if kind in _TITLES:
        title = " ".join(words for _, words in paragraphs)
        return [("h1" if kind == "ctrTitle" else "h2", title)] if title else []
    if kind not in _BULLETED:
        return [("p", words) for _, words in paragraphs]
    return [("p" if n + 1 < len(paragraphs) and paragraphs[n + 1][0] > level else "li", words)
            for n, (level, words) in enumerate(paragraphs)]


def _paragraph_words(element: ET.Element) -> str:
    """A table cell's paragraphs, escaped for HTML, a line break between."""
    return "<br>".join(html.escape(words) for _, words in _paragraphs(element))


# ------------------------------------------------------------------ PowerPoint 97-2003 decks
#: (session 71) A ".pot" is a PowerPoint 97 template or a gettext catalogue template by its
#: bytes (:func:`is_ppt`), so it is in neither set by name.
PPT_SUFFIXES = {".ppt", ".pps"}

#: Record types of a PowerPoint 97 "PowerPoint Document" stream ([MS-PPT] 2.13.24).
_SLIDE_ATOM, _SLIDE_SHOW_INFO, _SLIDE_PERSIST = 0x03EF, 0x03F9, 0x03F3
_SLIDE_LIST, _USER_EDIT = 0x0FF0, 0x0FF5
_TEXT_HEADER, _TEXT_CHARS, _TEXT_BYTES, _OUTLINE_TEXT_REF = 0x0F9F, 0x0FA0, 0x0FA8, 0x0F9E
#: A text's kind (TextHeaderAtom.textType): a title, a centred (title slide) title, the notes'.
_PPT_TITLE, _PPT_CENTER_TITLE, _PPT_NOTES, _PPT_OTHER, _PPT_CENTER_BODY = 0, 6, 2, 4, 5
#: How deep records nest in a real deck (document, drawing, group, shape, text box): deeper is damage.
_PPT_DEPTH = 24


def is_ppt(data: bytes) -> bool:
    """Whether a file's bytes are a Compound File holding a PowerPoint 97-2003 deck or template
    (a "PowerPoint Document" stream): a Welsh board's 7-minute-briefing template ``.pot`` is one,
    a gettext ``.pot`` is text."""
    if not data.startswith(olefile.MAGIC):
        return False
    with contextlib.suppress(OSError), olefile.OleFileIO(io.BytesIO(data)) as ole:
        return ole.exists("PowerPoint Document")
    return False


def ppt_html(data: bytes) -> str:
    """A PowerPoint 97-2003 deck (``.ppt``: a business unit's older seven-minute briefing) as
    :func:`pptx_html` reads a ``.pptx``: its slides in the deck's order, each title a heading
    (the deck's first the page's ``h1``), a body's paragraphs list items (one ending in ":" their
    lead-in), a text box's and a subtitle's paragraphs paragraphs, then the slide's notes;
    hidden slides and the masters' "Click to edit" prompts left out.

    The deck is a Compound File (read by olefile, as an Outlook message is) whose "PowerPoint
    Document" stream is a tree of typed records saved incrementally: the "Current User" stream
    points at the last edit, whose persist directory (and its predecessors') says where each
    slide's record now is; the document's slide list gives their order.  A slide's words are in
    its drawing's text boxes, or (PowerPoint's own placeholders) in the slide list beside it."""
    if not data.startswith(olefile.MAGIC):
        raise ValueError("not a PowerPoint 97-2003 deck (no Compound File header)")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = ole.openstream("PowerPoint Document").read()
            user = ole.openstream("Current User").read()
    except OSError as exc:
        raise damaged("PowerPoint 97-2003 deck", exc) from None
    try:
        persist, document = _ppt_persist(stream, struct.unpack_from("<I", user, 16)[0])
        slides, notes = _ppt_slide_lists(stream, persist, document)
        blocks = [block for offset, outline in slides
                  for block in _ppt_slide_blocks(stream, offset, outline, notes)]
    except (struct.error, KeyError, IndexError, RecursionError) as exc:
        raise damaged("PowerPoint 97-2003 deck", exc) from None
    titles = [n for n, (tag, _) in enumerate(blocks) if tag == "h2"]
    if titles and not any(tag == "h1" for tag, _ in blocks):
        blocks[titles[0]] = ("h1", blocks[titles[0]][1])
    return blocks_html(blocks)


def _ppt_records(stream: bytes, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
    """The records between two offsets as (type, instance, body offset, body length); a
    container's (version 0xF) body holds records of its own.  A length past its container's end
    is damage."""
    at = start
    while at + 8 <= end:
        version_instance, kind, length = struct.unpack_from("<HHI", stream, at)
        if at + 8 + length > end:
            raise IndexError(f"a record at byte {at} runs past its container")
        yield kind, (version_instance >> 4) | ((version_instance & 0xF) == 0xF) << 16, at + 8, length
        at += 8 + length


def _ppt_body(stream: bytes, at: int) -> tuple[int, int]:
    """Where the body of the record at ``at`` starts and ends (its 8-byte header says how long)."""
    return at + 8, at + 8 + struct.unpack_from("<I", stream, at + 4)[0]


def _ppt_persist(stream: bytes, edit: int) -> tuple[dict[int, int], int]:
    """Each persist id's offset in the stream, the last edit's first (an incremental save's
    newer copy of a slide replaces the older), following each edit's offsetLastEdit back; and
    the document's persist id, as the last edit names it."""
    persist: dict[int, int] = {}
    seen: set[int] = set()
    document = None
    while edit and edit not in seen:
        seen.add(edit)
        if struct.unpack_from("<H", stream, edit + 2)[0] != _USER_EDIT:
            raise KeyError(f"no UserEditAtom at byte {edit}")
        last_edit, directory = struct.unpack_from("<II", stream, edit + 16)
        doc_ref = struct.unpack_from("<I", stream, edit + 24)[0]
        document = doc_ref if document is None else document
        at, end = _ppt_body(stream, directory)
        while at < end:
            entry = struct.unpack_from("<I", stream, at)[0]
            first, count = entry & 0xFFFFF, entry >> 20
            offsets = struct.unpack_from(f"<{count}I", stream, at + 4)
            for n, offset in enumerate(offsets):
                persist.setdefault(first + n, offset)
            at += 4 + 4 * count
        edit = last_edit
    if document is None:
        raise KeyError("no edit named by the Current User stream")
    return persist, document


def _ppt_slide_lists(stream: bytes, persist: dict[int, int], document_id: int
                     ) -> tuple[list[tuple[int, list[tuple[int, str]]]], dict[int, int]]:
    """The document's slides in order, as (offset, the outline texts the slide list keeps for
    it), and its notes pages as notes id: offset."""
    slides: list[tuple[int, list[tuple[int, str]]]] = []
    notes: dict[int, int] = {}
    for kind, instance, body, size in _ppt_records(stream, *_ppt_body(stream, persist[document_id])):
        if kind != _SLIDE_LIST or instance & 0xFFFF not in (0, 2):
            continue
        outline: list[tuple[int, str]] = []
        for record, _, at, length in _ppt_records(stream, body, body + size):
            if record == _SLIDE_PERSIST:
                ref, _, _, slide_id = struct.unpack_from("<IIII", stream, at)
                outline = []
                if instance & 0xFFFF == 0:
                    slides.append((persist[ref], outline))
                else:
                    notes[slide_id] = persist[ref]
            else:
                _ppt_text(stream, record, at, length, outline)
    return slides, notes


def _ppt_text(stream: bytes, record: int, at: int, length: int, texts: list[tuple[int, str]]) -> None:
    """A text record (its body ``length`` bytes at ``at``) added to a list of (text kind,
    words): a header opens one, its characters (UTF-16 or one byte each) fill it."""
    if record == _TEXT_HEADER:
        texts.append((struct.unpack_from("<I", stream, at)[0], ""))
    elif record in (_TEXT_CHARS, _TEXT_BYTES) and texts:
        raw = stream[at:at + length]
        texts[-1] = (texts[-1][0], raw.decode("utf-16-le", "replace") if record == _TEXT_CHARS
                     else raw.decode("cp1252", "replace"))


def _ppt_slide_blocks(stream: bytes, offset: int, outline: list[tuple[int, str]],
                      notes: dict[int, int]) -> list[tuple[str, str]]:
    """One slide's (tag, words) blocks in the order its drawing keeps its text boxes, its
    notes' after them; none for a hidden slide."""
    texts: list[tuple[int, str]] = []
    notes_id, hidden = _ppt_walk(stream, *_ppt_body(stream, offset), outline, texts, 0)
    if hidden:
        return []
    blocks = [block for kind, words in texts for block in _ppt_blocks(kind, words)]
    if notes_id in notes:
        notes_texts: list[tuple[int, str]] = []
        _ppt_walk(stream, *_ppt_body(stream, notes[notes_id]), [], notes_texts, 0)
        blocks += [("p", line) for kind, words in notes_texts if kind == _PPT_NOTES
                   for line in _ppt_lines(words)]
    return blocks


def _ppt_walk(stream: bytes, start: int, end: int, outline: list[tuple[int, str]],
              texts: list[tuple[int, str]], depth: int) -> tuple[int, bool]:
    """A slide's or notes page's texts in record order (an outline reference taking the slide
    list's text it names), and the slide's notes id and whether it is hidden."""
    if depth > _PPT_DEPTH:
        raise RecursionError("records nested deeper than a deck's")
    notes_id, hidden = 0, False
    for kind, instance, at, size in _ppt_records(stream, start, end):
        if instance >> 16:
            found, hid = _ppt_walk(stream, at, at + size, outline, texts, depth + 1)
            notes_id, hidden = notes_id or found, hidden or hid
        elif kind == _SLIDE_ATOM and size >= 20:
            notes_id = struct.unpack_from("<I", stream, at + 16)[0]
        elif kind == _SLIDE_SHOW_INFO and size >= 12:
            hidden = bool(struct.unpack_from("<H", stream, at + 10)[0] & 0x4)
        elif kind == _OUTLINE_TEXT_REF:
            texts.append(outline[struct.unpack_from("<I", stream, at)[0]])
        else:
            _ppt_text(stream, kind, at, size, texts)
    return notes_id, hidden


def _ppt_lines(words: str) -> list[str]:
    """A text's paragraphs (a carriage return ends one, a vertical tab breaks a line), with
    words; "*" alone is a field's place (the slide number), no words."""
    return [line for part in re.split(r"[\r\n\x0b]", words)
            if (line := " ".join(part.split())) and line != "*"]


def _ppt_blocks(kind: int, words: str) -> list[tuple[str, str]]:
    """A text's (tag, words) blocks by its kind: a title a heading, a body's paragraphs list
    items (one ending in ":" their lead-in, a paragraph), a subtitle's or a text box's
    paragraphs, notes none (they follow the slide)."""
    lines = _ppt_lines(words)
    if kind in (_PPT_TITLE, _PPT_CENTER_TITLE):
        return [("h1" if kind == _PPT_CENTER_TITLE else "h2", " ".join(lines))] if lines else []
    if kind == _PPT_NOTES:
        return []
    if kind in (_PPT_OTHER, _PPT_CENTER_BODY):
        return [("p", line) for line in lines]
    return [("p" if line.endswith(":") else "li", line) for line in lines]
