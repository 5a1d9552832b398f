"""A LibreOffice Base database (``.odb``: a health and social care trust team's log of case
management reviews, kept in Base's embedded database) as its tables' records.

An ``.odb`` is a zip package; its embedded HyperSQL 1.8 database is the ``database/`` folder:
``properties`` (the engine's version and the data file's scale), ``script`` (the statements
that make the schema, each table's columns and types, and, for a MEMORY table, its rows as
``INSERT`` statements) and ``data`` (a CACHED table's rows, LibreOffice's default).  A row in
``data`` is its size, then, for each of the table's indexes, an AVL tree node (balance, left,
right, parent: positions in the file, 0 for none), then each column as a byte saying null (0)
or not (1) and the value in the width its type takes (strings a 32-bit length and Java's
modified UTF-8).  The script's ``SET TABLE ... INDEX '...'`` gives each index's root and the
next identity: the rows are read in the primary index's order, from its root, so a deleted
row's bytes left in the file are never read.

Why by hand (DECISIONS 117): only HyperSQL reads its files, and it runs on Java; the rows'
layout is small and fixed.  A database not shut down (its ``log`` still holding changes to
rows), another engine's (Firebird's, newer Base files may embed) or a Base file that only
connects to a database elsewhere is refused saying so; a damaged one raises ValueError.
"""

from __future__ import annotations

import datetime
import io
import re
import struct
import zipfile
from collections.abc import Callable
from decimal import Decimal

from casegraph.ingest.binaries import PACKAGE_ERRORS, package_member

Record = dict[str, object]

ODB_SUFFIXES = {".odb"}
ODB_MEDIA = "application/vnd.oasis.opendocument.base"

#: The statements of a script this reader reads.
_NAME = r'(?:"(?:[^"]|"")+"|\w+)'
_CREATE = re.compile(rf"CREATE (?:(CACHED|MEMORY|TEXT) )?TABLE ({_NAME}(?:\.{_NAME})?)\((.*)\)\s*$", re.S)
_INDEX = re.compile(r'SET TABLE ((?:"(?:[^"]|"")+"|[\w.]+)) INDEX\s*\'([-\d ]+)\'')
_INSERT = re.compile(r'INSERT INTO ((?:"(?:[^"]|"")+"|[\w.]+)) VALUES\((.*)\)\s*$', re.S)
#: A script's value: a quoted string, or a bare word (a number, NULL, TRUE, FALSE).
_VALUE = re.compile(r"\s*('(?:[^']|'')*'|[^,']+)\s*(?:,|$)")
#: A change to rows in the log (a database not shut down).
_CHANGE = re.compile(r"^(?:/\*C\d+\*/)?(?:INSERT|DELETE|UPDATE)\b", re.M)
#: The first bytes of the data file: its header, before the first row.
_DATA_HEADER = 32

_LONG_TEXT = ("CHAR", "CHARACTER", "VARCHAR", "VARCHAR_IGNORECASE", "LONGVARCHAR", "CLOB", "NULL")
_BYTES = ("BINARY", "VARBINARY", "LONGVARBINARY", "OTHER", "OBJECT", "BLOB")


def odb_records(data: bytes) -> dict[str, list[Record]]:
    """A Base file's tables (by name, in the script's order), each a list of records of its
    columns' values; nulls and empty strings left out."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            properties = _ascii_text(package_member(package, "database/properties")) \
                if "database/properties" in names else ""
            _check_engine(names, properties)
            script = _ascii_text(package_member(package, "database/script"))
            log = package_member(package, "database/log") if "database/log" in names else b""
            if _CHANGE.search(_ascii_text(log)):
                raise ValueError("its embedded database was not shut down (its log holds changes not yet "
                                 "saved to its tables): open and close it in LibreOffice Base")
            file = package_member(package, "database/data") if "database/data" in names else b""
            scale = _scale(properties)
    except PACKAGE_ERRORS as exc:
        raise ValueError(f"damaged LibreOffice Base file ({' '.join(str(exc).split())})"[:300]) from None
    return _Database(script, file, scale).tables()


def _check_engine(names: set[str], properties: str) -> None:
    """A Base file whose embedded database this reader cannot read is refused saying why."""
    if any(n.startswith("database/firebird") for n in names):
        raise ValueError("its embedded database is Firebird's, which casegraph does not read "
                         "(only the HSQLDB database Base embeds by default)")
    if "database/script" not in names:
        raise ValueError("it embeds no database (a Base file that connects to a database elsewhere): "
                         "export the tables from that database")
    version = re.search(r"^version=(\S+)", properties, re.M)
    if version and not version.group(1).startswith(("1.7", "1.8")):
        raise ValueError(f"its embedded database is HSQLDB {version.group(1)}, not the 1.8 Base embeds")


def _scale(properties: str) -> int:
    """The data file's scale: a row's position in it is its number of scale-byte units."""
    found = re.search(r"^hsqldb\.cache_file_scale=(\d+)", properties, re.M)
    return int(found.group(1)) if found else 1


def _ascii_text(raw: bytes) -> str:
    """A script, log or properties file: ASCII, any other character written ``\\uXXXX``."""
    return raw.decode("latin-1")


class _Table:
    def __init__(self, name: str, kind: str, columns: list[tuple[str, str]]) -> None:
        self.name, self.kind, self.columns = name, kind, columns
        self.roots: list[int] = []
        self.rows: list[Record] = []


class _Database:
    """The script's tables and their rows (see the module's note)."""

    def __init__(self, script: str, data: bytes, scale: int) -> None:
        self.data, self.scale = data, scale
        self.by_name: dict[str, _Table] = {}
        for line in script.splitlines():
            self._statement(line)

    def _statement(self, line: str) -> None:
        if created := _CREATE.match(line):
            kind, name, body = created.groups()
            if not name.upper().startswith(("INFORMATION_SCHEMA.", '"INFORMATION_SCHEMA".')):
                table = _Table(_unquoted(name), kind or "MEMORY", _columns(body))
                self.by_name[table.name] = table
        elif indexed := _INDEX.match(line):
            table = self.by_name.get(_unquoted(indexed.group(1)))
            if table is not None:
                table.roots = [int(n) for n in indexed.group(2).split()]
        elif inserted := _INSERT.match(line):
            table = self.by_name.get(_unquoted(inserted.group(1)))
            if table is not None:
                table.rows.append(_script_row(table, inserted.group(2)))

    def tables(self) -> dict[str, list[Record]]:
        for table in self.by_name.values():
            if table.kind == "CACHED" and len(table.roots) > 1 and table.roots[0] > 0:
                indexes = len(table.roots) - 1  # (the last number is the next identity)
                table.rows += [self._row(table, at, indexes) for at in self._in_order(table.roots[0])]
        return {t.name: t.rows for t in self.by_name.values() if t.kind != "TEXT"}

    def _in_order(self, root: int) -> list[int]:
        """The rows of a table's primary index, in its order: an AVL tree's walk from its root."""
        order: list[int] = []
        stack: list[int] = []
        seen: set[int] = set()
        node = root
        while stack or node:
            while node:
                if node in seen:
                    raise ValueError(f"damaged LibreOffice Base file (its data's index loops at row {node})")
                seen.add(node)
                stack.append(node)
                node = self._node(node)[1]
            node = stack.pop()
            order.append(node)
            node = self._node(node)[2]
        return order

    def _node(self, pointer: int) -> tuple[int, int, int, int]:
        """A row's node in the primary index: balance, left, right and parent."""
        at = pointer * self.scale + 4
        if at + 16 > len(self.data) or pointer * self.scale < _DATA_HEADER:
            raise ValueError(f"damaged LibreOffice Base file (a row at byte {pointer * self.scale} of its "
                             f"data file, which has {len(self.data)})")
        return struct.unpack_from(">iiii", self.data, at)

    def _row(self, table: _Table, pointer: int, indexes: int) -> Record:
        start = pointer * self.scale
        size = struct.unpack_from(">i", self.data, start)[0]
        if size <= 0 or start + size > len(self.data):
            raise ValueError(f"damaged LibreOffice Base file (the row at byte {start} of its data file is "
                             "cut short)")
        reader = _RowReader(self.data[start:start + size], 4 + 16 * indexes)
        try:
            values = [reader.value(kind) for _, kind in table.columns]
        except (struct.error, IndexError, UnicodeDecodeError, ArithmeticError) as exc:
            raise ValueError(f"damaged LibreOffice Base file (the row at byte {start} of its data file: "
                             f"{exc})") from None
        return {name: value for (name, _), value in zip(table.columns, values, strict=True)
                if value not in (None, "")}


class _RowReader:
    """One row's values, read in turn (HyperSQL writes numbers big-endian, as Java does)."""

    def __init__(self, raw: bytes, at: int) -> None:
        self.raw, self.at = raw, at

    def take(self, size: int) -> bytes:
        if size < 0 or self.at + size > len(self.raw):
            raise IndexError(f"a value runs past the row's {len(self.raw)} bytes")
        piece = self.raw[self.at:self.at + size]
        self.at += size
        return piece

    def number(self, fmt: str) -> int | float:
        return struct.unpack(">" + fmt, self.take(struct.calcsize(fmt)))[0]

    def value(self, kind: str) -> object:
        if self.take(1) == b"\x00":
            return None
        read = _READ_BY_TYPE.get(kind)
        if read is None:
            raise ValueError(f"a column of type {kind}, which casegraph does not read")
        return read(self)


def _millis(ms: int | float) -> datetime.datetime:
    return datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms)


def _date(reader: _RowReader) -> str:
    """A DATE: Java's milliseconds at the day's local midnight; the day whose noon (UTC) is
    nearest, whatever zone the database was written in."""
    return (_millis(reader.number("q")) + datetime.timedelta(hours=12)).date().isoformat()


def _timestamp(reader: _RowReader) -> str:
    moment = _millis(reader.number("q"))
    reader.number("i")  # (its nanoseconds: below what a review's date says)
    return moment.isoformat(" ", "seconds")


def _decimal(reader: _RowReader) -> str:
    unscaled = int.from_bytes(reader.take(int(reader.number("i"))), "big", signed=True)
    return str(Decimal(unscaled).scaleb(-int(reader.number("i"))))


def _binary(reader: _RowReader) -> None:
    """A binary value (an image, a file) read past: it is not a page's text."""
    reader.take(int(reader.number("i")))


def _modified_utf8(raw: bytes) -> str:
    """Java's modified UTF-8: a NUL as two bytes, a character beyond the BMP as its surrogate
    pair's two three-byte sequences."""
    return _pairs_joined(raw.replace(b"\xc0\x80", b"\x00").decode("utf-8", "surrogatepass"))


def _pairs_joined(text: str) -> str:
    """Java's strings hold a character beyond the BMP as two surrogates (in modified UTF-8, and
    in a script's two ``\\uXXXX`` escapes): joined into the one character."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")


_READ_BY_TYPE: dict[str, Callable[[_RowReader], object]] = {
    **dict.fromkeys(_LONG_TEXT, lambda r: _modified_utf8(r.take(int(r.number("i"))))),
    **dict.fromkeys(_BYTES, _binary),
    **dict.fromkeys(("TINYINT", "SMALLINT"), lambda r: r.number("h")),
    **dict.fromkeys(("INTEGER", "INT"), lambda r: r.number("i")),
    "BIGINT": lambda r: r.number("q"),
    **dict.fromkeys(("REAL", "FLOAT", "DOUBLE"), lambda r: r.number("d")),
    **dict.fromkeys(("NUMERIC", "DECIMAL"), _decimal),
    **dict.fromkeys(("BOOLEAN", "BIT"), lambda r: r.take(1) != b"\x00"),
    "DATE": _date,
    "TIME": lambda r: _millis(r.number("q")).time().isoformat("seconds"),
    **dict.fromkeys(("TIMESTAMP", "DATETIME"), _timestamp),
}


def _unquoted(name: str) -> str:
    """A table's or column's name as written in the script, its quotes taken off (a schema's
    name before it left off)."""
    parts = re.findall(r'"((?:[^"]|"")+)"|(\w+)', name)
    quoted, bare = parts[-1]
    return quoted.replace('""', '"') if quoted else bare


def _columns(body: str) -> list[tuple[str, str]]:
    """A CREATE TABLE's columns, each its name and its type's name (constraints left out)."""
    columns = []
    for part in _top_level_split(body):
        found = re.match(r'\s*("(?:[^"]|"")+"|\w+)\s+([A-Za-z_]+)', part)
        if found and found.group(1).upper() not in ("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"):
            columns.append((_unquoted(found.group(1)), found.group(2).upper()))
    return columns


def _top_level_split(body: str) -> list[str]:
    """A list's items split at the commas outside brackets and quotes."""
    parts, depth, start, quote = [], 0, 0, ""
    for n, char in enumerate(body):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[start:n])
            start = n + 1
    return [*parts, body[start:]]


def _script_row(table: _Table, values: str) -> Record:
    """A MEMORY table's row from its INSERT statement: strings unquoted and their ``\\uXXXX``
    escapes undone; a number as a number; NULL left out."""
    cells = [m.group(1).strip() for m in _VALUE.finditer(values) if m.group(1).strip()]
    record: Record = {}
    for (name, kind), cell in zip(table.columns, cells, strict=False):
        if cell.upper() == "NULL":
            continue
        if cell.startswith("'"):
            text = cell[1:-1].replace("''", "'")
            if kind not in _BYTES:  # (a binary value, written as hexadecimal, is not text)
                record[name] = _unescaped(text)
        elif cell.upper() in ("TRUE", "FALSE"):
            record[name] = cell.upper() == "TRUE"
        else:
            record[name] = _script_number(cell)
    return {k: v for k, v in record.items() if v != ""}


def _unescaped(text: str) -> str:
    escaped = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return _pairs_joined(escaped)


def _script_number(cell: str) -> int | float | str:
    try:
        return int(cell)
    except ValueError:
        try:
            return float(cell)
        except ValueError:
            return cell
