"""Research teams' binary data sets: an SQLite database, an SPSS system or portable file, a SAS
transport file, a dBASE table, a Parquet file, a Feather (Arrow IPC) file, an ORC file and a
DuckDB database, as records.

A team that codes case reviews for a synthesis keeps its extraction in a database (one table of
reviews, tables of their children, findings and tags beside it) or in a statistics package's
file.  Neither is text.  These functions turn each into records (one mapping a review, its
children, findings and tags nested in it), which
:func:`casegraph.ingest.sources.read_source` then lays out as it lays out any export's records.
A file that cannot be read raises ValueError with the reason, which ``read_source`` turns into a
one-line error naming the file.

Why the standard library's sqlite3 for SQLite: it is SQLite itself, opened read-only on a copy
of the bytes in memory (``deserialize``), so a page is never written and no journal is left.
Why by hand for SPSS (DECISIONS 96), SAS transport and dBASE (DECISIONS 97): the maintained
readers (pyreadstat, dbfread) bring a data-frame library or little more than the fixed records
these formats are, as Stata's did (``binaries.stata_records``).  Why pyarrow for Parquet
(DECISIONS 97): Parquet is columnar, compressed (Snappy, Zstandard, gzip) and encoded in
several ways (dictionary, run-length, bit-packed) under a Thrift footer; Apache Arrow's own
reader does all of that, and is imported only when a Parquet file is read.  The same library
reads Feather (DECISIONS 98): Arrow's own IPC file, whose record batches may be LZ4- or
Zstandard-compressed.  Why DuckDB for DuckDB files (DECISIONS 100): its storage is checksummed
blocks of per-column compressed segments, versioned with the engine, that no other library
reads; DuckDB opens a copy read-only, with no access outside it and no extensions.  Why
fastavro for Avro (DECISIONS 101): a record is binary values laid out by the writer's schema
(unions, named and nested records, logical types such as dates), blocks compressed by one of
six codecs; fastavro is the maintained, compiled reader of all of it.  Only the container's
framing is walked here first, so that a block that would unpack past :data:`DATA_MAX` is
refused before it is unpacked.  Why by hand for FlatGeobuf (DECISIONS 105): only its
attributes are words, and they are a fixed FlatBuffers schema (a header with the columns' names
and types, then each feature's values as a column number and typed bytes) read in a few
lines; GDAL (pyogrio) would bring some 100 MB of binaries to read the geometry we leave out.
Why pyreadstat for SAS data sets (DECISIONS 110): a ``.sas7bdat`` is pages of subheaders whose
layout SAS never published, 32- or 64-bit, either byte order, rows compressed by RLE or RDC;
ReadStat, the C library SAS users outside SAS and R's haven rely on, reads all of it, and
pyreadstat (Roche) binds it, returning plain lists (its ``dict`` output: no data-frame library).
Why by hand for pg_dump's custom format (DECISIONS 110): its table of contents is lengths and
strings in a fixed order per archive version (pg_backup_archiver.c's ReadHead and ReadToc), its
data blocks zlib streams in length-prefixed chunks; read here, the archive is
turned into the SQL ``pg_restore`` would print, for the SQL dump reader.  The one library
(pgdumplib) brings a date-time library and reads only from a file on disk.
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import datetime
import decimal
import fractions
import io
import lzma
import re
import sqlite3
import struct
import warnings
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

from casegraph.core.errors import one_line
from casegraph.ingest.binaries import PART_MAX, damaged, inflated, utf8_else, zstd_unpacked

if TYPE_CHECKING:
    import pyarrow as pa  # (imported where a file is read: only its pages need Arrow)

#: An OGC GeoPackage (``.gpkg``: QGIS's and GDAL's map layers, each a table of features with
#: their attributes): an SQLite database whose system tables say which tables are the layers.
GEOPACKAGE_SUFFIXES = {".gpkg"}
#: An SQLite database (a coding team's, a tool's export).  SQLite files carry many names.
SQLITE_SUFFIXES = {".sqlite", ".sqlite3", ".db3"} | GEOPACKAGE_SUFFIXES
#: An SPSS Statistics data file (``.sav``), uncompressed or bytecode-compressed, or zlib-compressed
#: (``.zsav``).
SAV_SUFFIXES = {".sav", ".zsav"}
#: An SPSS portable file (``.por``: the 80-column text SPSS's EXPORT, PSPP and ReadStat write,
#: for moving a data set between machines).
POR_SUFFIXES = {".por"}
#: A SAS transport file (``.xpt``, version 5 or 8: what SAS, R's haven and regulators exchange).
XPORT_SUFFIXES = {".xpt"}
#: (session 66) A PostgreSQL database saved by ``pg_dump -Fc`` (a research team's coding database:
#: its custom-format archive, which only ``pg_restore`` turns back into SQL).
PG_CUSTOM_SUFFIXES = {".dump", ".backup", ".pgdump"}
#: (session 66) A SAS data set (``.sas7bdat``: SAS's own file, and what ReadStat and R's haven
#: write for a team that works in SAS), its pages compressed or not.
SAS7BDAT_SUFFIXES = {".sas7bdat"}
#: A dBASE table (``.dbf``: R's foreign, a GIS's attribute table, an old database's export).
DBF_SUFFIXES = {".dbf"}
#: (session 88) A Paradox table (``.db``: Borland's desktop database, a 1990s register); an
#: SQLite database saved as ``.db`` is known by its first bytes and read as one.
PARADOX_SUFFIXES = {".db"}
#: An Apache Parquet file (pandas', Spark's or DuckDB's columnar export).
PARQUET_SUFFIXES = {".parquet"}
#: An Arrow IPC file: Feather (V2, what pandas' ``to_feather`` and R's arrow write; V1's older
#: layout too) and the ``.arrow`` files Arrow's own tools write.
FEATHER_SUFFIXES = {".feather", ".arrow"}
#: An Apache ORC file (Hive's, Spark's or pyarrow's columnar export): stripes of typed,
#: compressed columns under a protobuf footer, the file starting with "ORC".
ORC_SUFFIXES = {".orc"}
#: A FlatGeobuf file (session 61: a map layer of reviews, one point a review, written by QGIS,
#: GDAL or a web map's export): FlatBuffers tables, a feature's attributes as typed bytes.
FLATGEOBUF_SUFFIXES = {".fgb"}
#: A DuckDB database file (a register kept with DuckDB's Python or command-line client).
DUCKDB_SUFFIXES = {".duckdb", ".ddb"}
#: An Apache Avro object container file (a data pipeline's extraction, Kafka Connect's or
#: Spark's output): a JSON schema in the header, then blocks of binary records.
AVRO_SUFFIXES = {".avro"}
#: An HDF5 file (session 63: a research team's extraction saved by pandas' ``to_hdf`` through
#: PyTables, or written by h5py), read by h5py (:func:`hdf5_records`).
HDF5_SUFFIXES = {".h5", ".hdf5", ".he5"}
#: (session 70) A Tableau Hyper extract (an analyst's coded reviews behind a Tableau
#: dashboard), read by Tableau's Hyper API when it is installed (:func:`hyper_records`).
HYPER_SUFFIXES = {".hyper"}
#: What a Hyper file opens with (its storage header).
HYPER_MAGIC = b"Hyper"
#: (session 73) A QlikView data file (a partnership's BI tracker of reviews, saved by a Qlik
#: load script's STORE): an XML table header, then each field's distinct values, then the rows
#: as bit-packed indexes into them; read by pyqvd (:func:`qvd_records`).
QVD_SUFFIXES = {".qvd"}
#: A data set's uncompressed size above which it is refused (a summary page's data is ~1 MB).
DATA_MAX = 64 * 1024 * 1024

#: Every SQLite database starts with these 16 bytes.
_SQLITE_MAGIC = b"SQLite format 3\x00"

Record = dict[str, object]

#: Every HDF5 file's superblock signature (at byte 0, or after a user block of 512, 1024... bytes).
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"


def is_sqlite(data: bytes) -> bool:
    """Whether a file's bytes are an SQLite database, whatever its name."""
    return data.startswith(_SQLITE_MAGIC)


# ------------------------------------------------------------------------------------- SQLite
def sqlite_records(data: bytes) -> dict[str, list[Record]]:
    """An SQLite database's tables that no other table depends on, each as its rows, every row
    with the rows of the tables that refer to it (by a foreign key) nested in it.

    A normalised coding database keeps one review across tables: ``sources`` holds the title,
    ``children`` the children (``source_id REFERENCES sources``), ``findings`` the learning and
    recommendations.  Read table by table, a child's age would stand far from its review; nested,
    each review is one record, as a JSON export writes it.  A dependent table keyed by its
    reference alone (one row a review) gives its fields to the review; one of a single other
    column gives a list of values (tags); one whose rows are of a few kinds ("learning",
    "recommendation") gives a list of each kind's texts.  Row ids and the references themselves
    are the database's plumbing and are left out, as are empty values.
    """
    if not is_sqlite(data):
        raise ValueError("not an SQLite 3 database (it should start with 'SQLite format 3')")
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(data)
        con.execute("PRAGMA query_only = ON")
        tables = _nested_tables(con)
        if layers := _geopackage_layers(con):
            return {name: rows for name, rows in tables.items() if name in layers}
        return tables
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"damaged SQLite database ({exc})") from None
    finally:
        con.close()


def _nested_tables(con: sqlite3.Connection) -> dict[str, list[Record]]:
    tables = [name for (name,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    # (table, column) -> (parent table, parent column), for each single-column foreign key
    refs = {(t, str(row[3])): (str(row[2]), str(row[4]) if row[4] else "")
            for t in tables for row in con.execute(f"PRAGMA foreign_key_list({_name(t)})")}
    rows = {t: _rows(con, t) for t in tables}
    info = {t: list(con.execute(f"PRAGMA table_info({_name(t)})")) for t in tables}
    # an integer row id ("id INTEGER PRIMARY KEY") is the database's plumbing
    row_ids = {t: {str(r[1]) for r in info[t] if r[5] and str(r[2]).upper() == "INTEGER"} for t in tables}
    primary = {t: keys[0] if len(keys := [str(r[1]) for r in info[t] if r[5]]) == 1 else "" for t in tables}

    def nested(table: str, seen: frozenset[str]) -> list[Record]:
        """The rows of ``table``, each with the rows of the tables that refer to it nested, and
        theirs in them (a review's children, and each child's factors); a cycle is cut."""
        records = [{k: v for k, v in row.items() if k not in row_ids[table] and _shown(v)}
                   for row in rows[table]]
        for (child, column), (parent, key) in refs.items():
            if parent == table and child not in seen and (key or primary[table]):
                _nest(records, rows[table], key or primary[table], rows[child],
                      nested(child, seen | {child}), column, child, primary[child] == column)
        return records

    return {t: nested(t, frozenset({t})) for t in tables if not any(child == t for child, _ in refs)}


def _geopackage_layers(con: sqlite3.Connection) -> set[str]:
    """A GeoPackage's layers (the tables its ``gpkg_contents`` lists: features and attributes),
    or nothing for another database.  The rest is the format's plumbing, not the author's: the
    coordinate systems, the extensions, the spatial index's R-tree tables (OGC 12-128r18, 1.1.3)."""
    try:
        return {str(name) for (name,) in con.execute("SELECT table_name FROM gpkg_contents")}
    except sqlite3.DatabaseError:  # no such table: not a GeoPackage
        return set()


def _name(table: str) -> str:
    """A table's name quoted for SQL (names come from the file, never from a user)."""
    return '"' + table.replace('"', '""') + '"'


def _rows(con: sqlite3.Connection, table: str) -> list[Record]:
    cursor = con.execute(f"SELECT * FROM {_name(table)}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _shown(value: object) -> bool:
    return value is not None and not isinstance(value, bytes) and str(value).strip() != ""


def _nest(records: list[Record], raw: list[Record], key: str, child_raw: list[Record],
          child_records: list[Record], column: str, child: str, one_to_one: bool) -> None:
    """Put the rows of ``child`` whose ``column`` refers to a record's ``key`` into it."""
    by_parent: dict[object, list[Record]] = defaultdict(list)
    for row, value in zip(child_raw, child_records, strict=True):
        by_parent[row.get(column)].append({k: v for k, v in value.items() if k != column})
    kinds = _kind_column(by_parent)
    for record, row in zip(records, raw, strict=True):
        found = by_parent.get(row.get(key), [])
        if not found:
            continue
        if one_to_one and len(found) == 1:
            for k, v in found[0].items():  # one row a record: its fields are the record's
                record.setdefault(k, v)
        elif all(len(r) == 1 for r in found):
            record[child] = [next(iter(r.values())) for r in found]
        elif kinds:
            for r in found:
                text = max((v for k, v in r.items() if k != kinds and isinstance(v, str)),
                           key=len, default="")
                cast(list, record.setdefault(str(r.get(kinds, child)), [])).append(text)
        else:
            record[child] = found


def _kind_column(by_parent: dict[object, list[Record]]) -> str | None:
    """The column that sorts a dependent table's rows into a few kinds, each row one text
    ("kind": "learning" / "recommendation" beside "seq" and "text"), or None."""
    rows = [r for found in by_parent.values() for r in found]
    columns = {k for r in rows for k, v in r.items() if isinstance(v, str)}
    for column in sorted(columns):
        values = {r.get(column) for r in rows}
        texts = [v for r in rows for k, v in r.items() if k != column and isinstance(v, str)]
        if 1 < len(values) <= 4 and all(isinstance(v, str) and re.fullmatch(r"[A-Za-z][\w ]{0,30}", v)
                                        for v in values) and texts and min(map(len, texts)) > 30:
            return column
    return None


# --------------------------------------------------------------------------------------- SPSS
#: The system-missing value (the most negative double) and the compression codes' bias.
_SYSMIS = -1.7976931348623157e308


def sav_records(data: bytes) -> list[Record]:
    """An SPSS system file's cases (``.sav``), each a record of its variables' values named by
    their variable labels (what SPSS shows a reader; the long name without one), a coded value
    given as its value label (1 of "sex" is "Male"); system-missing values and empty strings
    left out.  Very long strings (a summary over 255 bytes, stored as several 255-byte
    variables) are joined again (checked against pyreadstat on validation35's file).  Read:
    uncompressed and bytecode-compressed files (SPSS's and ReadStat's default), and a ``.zsav``
    (session 62: a coding export of SPSS 21 on, its bytecode zlib-compressed in blocks)."""
    try:
        return _Sav(data).records()
    except (struct.error, IndexError, KeyError, UnicodeDecodeError, zlib.error) as exc:
        raise damaged("SPSS file", exc) from None


class _Sav:
    """An SPSS system file's dictionary and data, read in order."""

    def __init__(self, data: bytes) -> None:
        if data[:4] not in (b"$FL2", b"$FL3"):
            raise ValueError("not an SPSS system file (it should start with '$FL2')")
        layout = struct.unpack("<i", data[64:68])[0]
        self.data, self.order, self.i = data, "<" if layout in (2, 3) else ">", 68
        _, self.compression, _, self.cases = self.ints(4)
        self.bias = self.double()
        self.i = 176
        self.segments: list[tuple[str, int, str]] = []  # (short name, width (0 numeric, -1 more), label)
        self.value_labels: dict[int, dict[float, bytes]] = {}
        self.long_names: dict[str, str] = {}
        self.very_long: dict[str, int] = {}
        self.encoding = "utf-8"

    def ints(self, n: int) -> tuple[int, ...]:
        values = struct.unpack_from(f"{self.order}{n}i", self.data, self.i)
        self.i += 4 * n
        return values

    def double(self) -> float:
        (value,) = struct.unpack_from(self.order + "d", self.data, self.i)
        self.i += 8
        return cast(float, value)

    def take(self, n: int) -> bytes:
        if self.i + n > len(self.data):
            raise ValueError("the file ends inside its dictionary")
        self.i += n
        return self.data[self.i - n:self.i]

    def records(self) -> list[Record]:
        while (kind := self.ints(1)[0]) != 999:
            {2: self.variable, 3: self.labels, 6: self.document, 7: self.extension}.get(
                kind, self.unknown)(kind)
        self.ints(1)
        if self.compression == 2:
            self.data, self.i = self.unzipped(), 0
        return self.cases_read()

    def unzipped(self) -> bytes:
        """A ``.zsav``'s data as bytecode (what a ``.sav`` keeps uncompressed): its zlib header
        (its own offset, the trailer's and the trailer's length) then zlib blocks up to the
        trailer, each inflated in turn, at most :data:`PART_MAX` bytes in all (a bomb is refused)."""
        _, trailer, _ = struct.unpack_from(self.order + "3q", self.data, self.i)
        if not self.i + 24 <= trailer <= len(self.data):
            raise ValueError(f"a .zsav's zlib trailer offset {trailer} lies outside the file")
        rest, out = self.data[self.i + 24:trailer], bytearray()
        while rest:
            block = zlib.decompressobj()
            out += block.decompress(rest, PART_MAX + 1 - len(out))
            if len(out) > PART_MAX or not block.eof:
                raise ValueError(f"a .zsav's data unpacks to more than {PART_MAX // 2**20} MB, "
                                 "or a zlib block ends early")
            rest = block.unused_data
        return bytes(out)

    def unknown(self, kind: int) -> None:
        raise ValueError(f"unknown dictionary record type {kind} at byte {self.i - 4}")

    def variable(self, _: int) -> None:
        width, has_label, missing, _, _ = self.ints(5)
        name = self.take(8).decode("latin-1").strip()
        label = self.take((self.ints(1)[0] + 3) // 4 * 4) if has_label else b""
        self.take(8 * abs(missing))
        self.segments.append((name, width, label.rstrip(b"\0 ").decode(self.encoding, "replace")))

    def labels(self, _: int) -> None:
        table: dict[float, bytes] = {}
        for _ in range(self.ints(1)[0]):
            value = self.double()
            size = self.take(1)[0]
            table[value] = self.take((size + 8) // 8 * 8 - 1)[:size]
        if self.ints(1)[0] != 4:
            raise ValueError(f"value labels without their variables at byte {self.i - 4}")
        for index in self.ints(self.ints(1)[0]):
            self.value_labels[index - 1] = table

    def document(self, _: int) -> None:
        self.take(80 * self.ints(1)[0])

    def extension(self, _: int) -> None:
        subtype, size, count = self.ints(3)
        body = self.take(size * count)
        if subtype == 20:
            self.encoding = body.decode("ascii").strip().lower() or "utf-8"
        elif subtype == 13:
            pairs = body.decode(self.encoding).split("\t")
            self.long_names = dict(p.split("=", 1) for p in pairs if "=" in p)
        elif subtype == 14:
            for part in body.decode(self.encoding).split("\0\t"):
                if "=" in part:
                    short, width = part.strip("\0\t").split("=", 1)
                    self.very_long[short] = int(width)

    def cases_read(self) -> list[Record]:
        values = self.values()
        columns = self.columns()
        width = len(self.segments)
        records: list[Record] = []
        for start in range(0, len(values) - width + 1, width):
            case = values[start:start + width]
            record: Record = {}
            for key, first, count, numeric in columns:
                value = self.value(case, first, count, numeric)
                if value is not None and value != "":
                    record[key] = value
            records.append(record)
        return records

    def columns(self) -> list[tuple[str, int, int, bool]]:
        """Each variable as (its label or long name, first segment, segments it spans, numeric);
        a very long string spans the segments of all its 255-byte parts."""
        out: list[tuple[str, int, int, bool]] = []
        i = 0
        while i < len(self.segments):
            name, width, label = self.segments[i]
            total = self.very_long.get(name, width)
            count = 1 if width == 0 else _string_segments(total)
            out.append((label or self.long_names.get(name, name), i, count, width == 0))
            i += count
        return out

    def value(self, case: list[bytes | float | None], first: int, count: int, numeric: bool) -> object:
        if numeric:
            number = case[first]
            if not isinstance(number, float) or number == _SYSMIS:
                return None
            if number in self.value_labels.get(first, {}):
                return self.value_labels[first][number].decode(self.encoding, "replace").strip()
            return int(number) if number.is_integer() else number
        chunks = [c if isinstance(c, bytes) else b"" for c in case[first:first + count]]
        # a very long string: each 255-byte part fills 32 segments (the 256th byte is padding)
        parts = [b"".join(chunks[k:k + 32])[:255] for k in range(0, len(chunks), 32)] \
            if count > 32 else [b"".join(chunks)]
        return b"".join(parts).rstrip(b" \0").decode(self.encoding, "replace")

    def values(self) -> list[bytes | float | None]:
        """The data's 8-byte segments in order: numbers as floats, strings as bytes."""
        numeric = [w == 0 for _, w, _ in self.segments]
        if self.compression == 0:
            n = len(self.data[self.i:]) // 8
            return [self.number(self.i + 8 * k) if numeric[k % len(numeric)] else
                    self.data[self.i + 8 * k:self.i + 8 * k + 8] for k in range(n)]
        return self.decompressed(numeric)

    def number(self, at: int) -> float:
        return cast(float, struct.unpack_from(self.order + "d", self.data, at)[0])

    def decompressed(self, numeric: list[bool]) -> list[bytes | float | None]:
        """Bytecode compression: blocks of eight one-byte codes, each a small whole number
        (code - bias), a raw 8-byte value following the block, eight spaces or system-missing."""
        out: list[bytes | float | None] = []
        data, i = self.data, self.i
        while i + 8 <= len(data):
            codes, i = data[i:i + 8], i + 8
            for code in codes:
                if code == 0:
                    continue
                if code == 252:
                    return out
                if code == 253:
                    raw, i = data[i:i + 8], i + 8
                    out.append(self.number(i - 8) if numeric[len(out) % len(numeric)] else raw)
                elif code == 254:
                    out.append(b" " * 8)
                elif code == 255:
                    out.append(None)
                else:
                    out.append(float(code - self.bias))
        return out


def _string_segments(width: int) -> int:
    """The 8-byte segments a string variable of ``width`` bytes takes: up to 255 bytes in
    ceil(width / 8); longer ones in ceil(width / 252) parts (SPSS counts 252 bytes a part), each
    but the last a 255-byte string of 32 segments, the last as wide as the rest of the width."""
    if width <= 255:
        return (width + 7) // 8
    parts = (width + 251) // 252
    last = width - (parts - 1) * 252
    return (parts - 1) * 32 + (last + 7) // 8


# ------------------------------------------------------------------------------ SPSS portable
#: The portable character set from position 64 on (digits, letters, space, the symbols the format
#: itself uses, position 151 the pound sign read as ``#`` as ReadStat writes it), then the few
#: further positions with an ASCII character.  Everything before 64 is a control character.
_POR_CHARSET = {64 + k: c for k, c in enumerate(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .<(+|&[]!$*);^-/|,%_>?`:#@'=\"")}
_POR_CHARSET.update({162: ord("~"), 184: ord("{"), 185: ord("}"), 186: ord("\\")})
#: A number: spaces, then ``*`` and one character (system-missing), or an optional minus, base-30
#: digits (0-9, A-T) with an optional fraction, an optional exponent (a power of 30) and ``/``.
_POR_NUMBER = re.compile(rb" *(?:\*.|(-?)([0-9A-T]*)(?:\.([0-9A-T]*))?(?:([+-])([0-9A-T]+))?/)", re.S)


def por_records(data: bytes) -> list[Record]:
    """An SPSS portable file's cases (``.por``), each a record as :func:`sav_records` gives a
    system file's: variables named by their labels (the name without one), a coded value as its
    value label, system-missing values (``*.``) and blank strings left out, whole numbers as
    ints (a date is the number SPSS keeps, as in a ``.sav``).  User-missing values are read past,
    not applied, as ``sav_records`` does.  The file is text in 80-column lines; its own
    translation table says which byte is which character."""
    text = _por_text(data)
    try:
        return _Por(text).records()
    except (IndexError, KeyError, OverflowError, ValueError) as exc:
        reason = str(exc) if type(exc) is ValueError else f"{type(exc).__name__}: {exc}"
        raise ValueError(f"damaged SPSS portable file ({one_line(reason)})"[:300]) from None


def _por_text(data: bytes) -> bytes:
    """The file after its header, as one run of characters: line ends (CRLF or LF) dropped, a
    line a writer trimmed padded back to 80 columns (a string runs across lines, and a space at
    a line's end is part of it), each byte translated by the file's table to the character it
    stands for (a byte the table does not name is kept, so UTF-8 text passes through)."""
    stream = b"".join(line.ljust(80) for line in re.split(rb"\r?\n", data))
    table = bytearray(range(256))
    named: set[int] = set()
    for position, byte in enumerate(stream[200:456]):
        if position >= 64 and byte not in named:  # the first position of a byte counts
            named.add(byte)
            table[byte] = _POR_CHARSET.get(position, byte)
    text = stream[456:].translate(bytes(table))
    if len(stream) < 464 or not text.startswith(b"SPSSPORT"):
        raise ValueError("not an SPSS portable file (its 456-byte header should be followed by 'SPSSPORT')")
    return text[8:]


class _Por:
    """A portable file's records read in order: its dictionary (tagged records), then its cases."""

    def __init__(self, text: bytes) -> None:
        self.text, self.i = text, 0
        self.variables: list[_PorVariable] = []
        self.value_labels: dict[str, dict[float | bytes, bytes]] = {}

    def char(self) -> str:
        if self.i >= len(self.text):
            raise ValueError("the file ends inside its records")
        self.i += 1
        return chr(self.text[self.i - 1])

    def number(self) -> float | None:
        """A base-30 number, or None for system-missing; computed exactly, then rounded once."""
        match = _POR_NUMBER.match(self.text, self.i)
        sign, whole, fraction, exp_sign, exponent = match.groups() if match else (b"",) * 5
        if not match or (sign is not None and not whole and not fraction):
            raise ValueError(f"a number expected at character {self.i} after the header")
        self.i = match.end()
        if sign is None:  # "*" and one more character
            return None
        digits = ((whole or b"") + (fraction or b"")).lstrip(b"0")
        power = (int(exponent, 30) if exponent else 0) * (-1 if exp_sign == b"-" else 1)
        power -= len(fraction or b"")
        if not digits or len(digits) + power < -240:
            return 0.0  # (or too small for a double)
        if len(digits) + power > 212:
            raise ValueError(f"a number too large for a double at character {self.i}")
        value = fractions.Fraction(int(digits, 30)) * fractions.Fraction(30) ** power
        return float(-value if sign else value)

    def count(self) -> int:
        """A length or a count: a whole number, not negative."""
        number = self.number()
        if number is None or number < 0 or not number.is_integer():
            raise ValueError(f"a count expected at character {self.i}, not {number}")
        return int(number)

    def string(self) -> bytes:
        size = self.count()
        if self.i + size > len(self.text):
            raise ValueError("the file ends inside a string")
        self.i += size
        return self.text[self.i - size:self.i]

    def value(self, width: int) -> float | bytes | None:
        return self.number() if width == 0 else self.string()

    def records(self) -> list[Record]:
        self.char()  # the format's version, "A"
        self.string()  # the date it was written
        self.string()  # and the time
        handlers = {"1": self.string, "2": self.string, "3": self.string, "4": self.count,
                    "5": self.count, "6": self.string, "7": self.variable, "8": self.missing,
                    "9": self.missing, "A": self.missing, "B": self.missing_range, "C": self.label,
                    "D": self.labels, "E": self.document}
        while (tag := self.char()) != "F":
            if tag not in handlers:
                raise ValueError(f"unknown record tag {tag!r} at character {self.i - 1}")
            handlers[tag]()
        return self.cases()

    def variable(self) -> None:
        """A variable: its width, name, and print and write formats (type, width, decimals)."""
        width, name = self.count(), _decoded(self.string())
        for _ in range(6):
            self.number()
        self.variables.append(_PorVariable(name, width))

    def last(self) -> _PorVariable:
        if not self.variables:
            raise ValueError("a variable's missing values or label before any variable")
        return self.variables[-1]

    def missing(self) -> None:
        """One missing value (8), or the end of a LO THRU x (9) or x THRU HI (A) range."""
        self.value(self.last().width)

    def missing_range(self) -> None:
        """A missing-value range (B): its two ends."""
        self.missing()
        self.missing()

    def label(self) -> None:
        self.last().label = _decoded(self.string())

    def labels(self) -> None:
        """Value labels: the variables they are for, then value/label pairs, each value numeric
        or a string as the first of those variables is."""
        names = [_decoded(self.string()) for _ in range(self.count())]
        widths = {v.name: v.width for v in self.variables}
        if not names or any(n not in widths for n in names):
            raise ValueError(f"value labels for no variable, or for one not defined: {names[:3]}")
        table: dict[float | bytes, bytes] = {}
        for _ in range(self.count()):
            value = self.value(widths[names[0]])
            table[value.rstrip(b" ") if isinstance(value, bytes) else value] = self.string()
        for name in names:
            self.value_labels.setdefault(name, {}).update(table)

    def document(self) -> None:
        for _ in range(self.count()):
            self.string()

    def cases(self) -> list[Record]:
        """Each case its variables' values in order, until ``Z``: a file without it is cut short."""
        records: list[Record] = []
        while self.variables:
            while self.text[self.i:self.i + 1] == b" ":
                self.i += 1
            if self.i >= len(self.text):
                raise ValueError("the file ends before its data's end mark 'Z' (it is cut short)")
            if self.text[self.i:self.i + 1] == b"Z":
                break
            record: Record = {}
            for v in self.variables:
                shown = self.shown(v.name, self.value(v.width))
                if shown is not None and shown != "":
                    record[v.label or v.name] = shown
            records.append(record)
        return records

    def shown(self, name: str, value: float | bytes | None) -> object:
        """A value as a record holds it: its value label if it has one, a whole number as an int,
        a string without its padding."""
        if value is None:
            return None
        if isinstance(value, bytes):
            value = value.rstrip(b" ")
        label = self.value_labels.get(name, {}).get(value)
        if label is not None:
            return _decoded(label).strip()
        if isinstance(value, bytes):
            return _decoded(value)
        return int(value) if value.is_integer() else value


class _PorVariable:
    """A portable file's variable: its name, width (0 for a number) and label."""

    def __init__(self, name: str, width: int) -> None:
        self.name, self.width, self.label = name, width, ""


# ------------------------------------------------------------------------------- SAS transport
#: Each header record of a transport file: 80 bytes that start with this.
_XPORT_HEADER = b"HEADER RECORD*******"
#: The formats that show a SAS number as a date (days since 1 January 1960).
_SAS_DATE_FORMATS = re.compile(r"(DATE|YYMMDD|DDMMYY|MMDDYY|E8601DA|IS8601DA|WORDDATE|MONYY|YYMON)")
_SAS_EPOCH = datetime.date(1960, 1, 1)


def xport_records(data: bytes) -> list[Record]:
    """A SAS transport file's observations (version 5, or version 8 with its long names and
    labels), each a record of its variables' values named by their labels (what SAS shows a
    reader; the name without one); missing numbers (``.``, ``.A``-``.Z``) and blank strings left
    out, a number in a date format given as its ISO date.  Every member (data set) is read, in
    order."""
    if not data.startswith(_XPORT_HEADER + b"LIBRARY") and not data.startswith(_XPORT_HEADER + b"LIBV8"):
        raise ValueError("not a SAS transport file (it should start with 'HEADER RECORD*******LIBRARY')")
    try:
        return _xport_members(data)
    except (struct.error, IndexError, ValueError) as exc:
        raise ValueError(f"damaged SAS transport file ({one_line(str(exc))})"[:300]) from None


def _xport_members(data: bytes) -> list[Record]:
    records: list[Record] = []
    at = data.find(_XPORT_HEADER + b"MEMB")
    while at >= 0:
        names_at = data.index(_XPORT_HEADER + b"NAMST", at)
        count = int(data[names_at + 54:names_at + 58])
        size = int(data[at + 74:at + 78]) or 140  # a namestr's length (140; 136 on VAX/VMS)
        variables = [_XportVariable.read(data[names_at + 80 + k * size:names_at + 80 + (k + 1) * size])
                     for k in range(count)]
        obs_at = data.index(_XPORT_HEADER + b"OBS", names_at)
        _long_labels(data[names_at:obs_at], variables)
        end = data.find(_XPORT_HEADER + b"MEMB", obs_at + 80)
        rows = data[obs_at + 80:end if end >= 0 else len(data)]
        records += _xport_rows(rows, variables)
        at = end
    return records


class _XportVariable:
    """One variable's namestr: its type, length, position in a row, name, label and format."""

    def __init__(self, numeric: bool, length: int, position: int, name: str, label: str,
                 form: str) -> None:
        self.numeric, self.length, self.position = numeric, length, position
        self.name, self.label, self.form = name, label, form

    @classmethod
    def read(cls, raw: bytes) -> _XportVariable:
        kind, _, length = struct.unpack(">hhh", raw[:6])
        long_name = raw[88:120].decode("latin-1").strip("\0 ")  # version 8's; zeros in version 5
        return cls(kind == 1, length, struct.unpack(">i", raw[84:88])[0],
                   long_name or raw[8:16].decode("latin-1").strip("\0 "),
                   _decoded(raw[16:56]).strip(), raw[56:64].decode("latin-1").strip())

    @property
    def key(self) -> str:
        return self.label or self.name


def _long_labels(headers: bytes, variables: list[_XportVariable]) -> None:
    """Version 8's labels longer than 40 characters, in a LABELV8 or LABELV9 section after the
    namestrs: for each, its variable's number, then the lengths and texts of name and label
    (LABELV9 also of format and informat)."""
    at = headers.find(_XPORT_HEADER + b"LABELV")
    if at < 0:
        return
    v9 = headers[at + 26:at + 27] == b"9"
    count, i = int(headers[at + 48:at + 78].strip() or 0), at + 80
    for _ in range(count):
        if v9:
            number, name_len, form_len, inform_len, label_len = struct.unpack(">5h", headers[i:i + 10])
            i += 10
        else:
            number, name_len, label_len = struct.unpack(">3h", headers[i:i + 6])
            form_len = inform_len = 0
            i += 6
        label = headers[i + name_len:i + name_len + label_len]
        i += name_len + label_len + form_len + inform_len
        if 0 < number <= len(variables):
            variables[number - 1].label = _decoded(label).strip()


def _xport_rows(rows: bytes, variables: list[_XportVariable]) -> list[Record]:
    """The observations: fixed-length rows; the last 80-byte record padded with spaces, so a
    row of nothing but spaces is padding, not an observation."""
    width = sum(v.length for v in variables)
    records: list[Record] = []
    for start in range(0, len(rows) - width + 1, width) if width else ():
        row = rows[start:start + width]
        if row.strip(b" ") == b"":
            continue
        record: Record = {}
        for v in variables:
            raw = row[v.position:v.position + v.length]
            value = _sas_number(raw, v.form) if v.numeric else _decoded(raw).rstrip()
            if value is not None and value != "":
                record[v.key] = value
        records.append(record)
    return records


def _sas_number(raw: bytes, form: str) -> object:
    """An IBM System/360 double (sign, base-16 exponent excess 64, 56-bit fraction; a short
    variable keeps its first bytes), or None for a missing value."""
    if raw[1:].strip(b"\0") == b"" and raw[:1] in (b".", b"_", *(bytes([c]) for c in range(65, 91))):
        return None
    raw = raw.ljust(8, b"\0")
    fraction = int.from_bytes(raw[1:8], "big")
    number = fraction / 2.0 ** 56 * 16.0 ** ((raw[0] & 0x7F) - 64)
    number = -number if raw[0] & 0x80 else number
    if _SAS_DATE_FORMATS.match(form) and number.is_integer() and -138061 <= number <= 2936547:
        # (1 January 1582 to 31 December 9999, the dates SAS itself shows)
        return (_SAS_EPOCH + datetime.timedelta(days=int(number))).isoformat()
    return _sas_float(number)


def _sas_float(number: float) -> int | float:
    """A SAS number as records hold it (a transport file's and a data set's alike): a whole
    number an int, any other rounded to ten places (the binary fraction's noise left off)."""
    return int(number) if number.is_integer() else round(number, 10)


# ------------------------------------------------------------------------- pg_dump custom format
#: The archive versions read: 1.12 (PostgreSQL 9.0) to 1.16 (PostgreSQL 17).
_PG_VERSIONS = range(0x010C00, 0x011100)
#: The client encodings a dump's ENCODING entry names, as Python codecs.
_PG_ENCODINGS = {"UTF8": "utf-8", "LATIN1": "latin-1", "WIN1252": "cp1252", "SQL_ASCII": "utf-8",
                 "LATIN9": "iso8859-15"}


def is_pg_custom(data: bytes) -> bool:
    """Whether a file's bytes are a pg_dump custom-format archive: "PGDMP", three version bytes,
    the integer and offset sizes, then format 1 (custom; archive versions from 1.7 on)."""
    return data[:5] == b"PGDMP" and len(data) > 10 and data[10] == 1


def pg_custom_sql(data: bytes) -> str:
    """A pg_dump custom-format archive as the SQL ``pg_restore -f -`` prints from it, as far as
    the words go: each table's CREATE TABLE, then its rows as COPY data ending "\\."; the
    schema's other objects (indexes, grants, functions) are no words and are left out."""
    if not data.startswith(b"PGDMP"):
        raise ValueError("not a PostgreSQL custom-format dump (it should start with 'PGDMP')")
    try:
        reader = _PgArchive(data)
        entries = reader.toc()
        blocks = reader.data_blocks()
    except (IndexError, struct.error, zlib.error, UnicodeError, ValueError) as exc:
        raise damaged("PostgreSQL dump", exc) from None
    out: list[str] = []
    for entry in entries:
        if entry["desc"] == "TABLE" and entry["defn"]:
            out.append(entry["defn"])
        elif entry["desc"] == "TABLE DATA" and entry["copy"] and entry["id"] in blocks:
            rows = blocks[entry["id"]].decode(reader.encoding, "replace")
            rows = re.sub(r"(?:^|\n)\\\.\n*$", "\n", rows).lstrip("\n")  # (its own end mark, if any)
            rows += "" if rows.endswith("\n") or not rows else "\n"
            out.append(entry["copy"] + rows + "\\.\n")
    return "\n".join(out)


#: (session 66) A COPY in a pg_dump tar archive's restore.sql that reads its rows from a member
#: ("COPY public.review (...) FROM '$$PATH$$/3338.dat';"), and the empty COPY from stdin that
#: pg_dump writes before it.
_PG_TAR_COPY = re.compile(r"^(COPY\s[^\n]*?)\s+FROM\s+'\$\$PATH\$\$/(\d+\.dat)';$", re.M)
_PG_TAR_STUB = re.compile(r"^COPY\s[^\n]*\sFROM\s+stdin;\n\\\.\n", re.M)


def pg_tar_sql(members: dict[str, bytes]) -> str | None:
    """A pg_dump tar archive (``pg_dump -Ft``: ``toc.dat``, ``restore.sql`` and a ``NNNN.dat`` of
    COPY rows per table) as the SQL it restores, each table's rows put in place of the file its
    COPY names; None when the members are no such archive."""
    toc, script = members.get("toc.dat", b""), members.get("restore.sql")
    if not toc.startswith(b"PGDMP") or script is None:
        return None
    sql = _PG_TAR_STUB.sub("", utf8_else(script))

    def rows(m: re.Match[str]) -> str:
        data = utf8_else(members.get(m.group(2), b"\\.\n"))
        if not data.rstrip("\n").endswith("\\."):  # (its rows' end mark, which pg_dump writes)
            data += ("" if data.endswith("\n") else "\n") + "\\."
        return f"{m.group(1)} FROM stdin;\n{data.rstrip(chr(10))}"

    return _PG_TAR_COPY.sub(rows, sql)


class _PgArchive:
    """A reader of a custom-format archive's header, table of contents and data blocks."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 5
        self.version = (data[5] << 16) | (data[6] << 8) | data[7]
        if self.version not in _PG_VERSIONS:
            raise ValueError(f"archive version {data[5]}.{data[6]} is not one read (1.12 to 1.16)")
        self.int_size, self.off_size, fmt = data[8], data[9], data[10]
        self.at = 11
        if not 1 <= self.int_size <= 32 or not 1 <= self.off_size <= 32:  # (pg_restore's own check)
            raise ValueError(f"integer size {self.int_size} or offset size {self.off_size} is none pg_dump "
                             "writes")
        if fmt != 1:
            raise ValueError(f"archive format {fmt} is not the custom format (1)")
        self.compression = self.byte() if self.version >= 0x010F00 else (1 if self.int() else 0)
        for _ in range(7):  # the creation time
            self.int()
        self.string()  # the database's name
        self.string()  # the server's version
        self.string()  # pg_dump's version
        self.encoding = "utf-8"

    def byte(self) -> int:
        self.at += 1
        return self.data[self.at - 1]

    def int(self) -> int:
        """pg_dump's integer: a sign byte, then ``int_size`` bytes, least significant first."""
        sign = self.byte()
        raw = self.data[self.at:self.at + self.int_size]
        if len(raw) < self.int_size:
            raise ValueError("the archive ends inside a number")
        self.at += self.int_size
        return -int.from_bytes(raw, "little") if sign else int.from_bytes(raw, "little")

    def string(self) -> str | None:
        """pg_dump's string: its length (negative for NULL), then its bytes."""
        length = self.int()
        if length < 0:
            return None
        raw = self.data[self.at:self.at + length]
        if len(raw) < length:
            raise ValueError("the archive ends inside a string")
        self.at += length
        return raw.decode("utf-8", "replace")

    def toc(self) -> list[dict]:
        """The table of contents: each entry's dump ID, kind, definition and COPY statement."""
        entries = []
        for _ in range(self.int()):
            entry = {"id": self.int()}
            self.int()  # whether it had data
            self.string()  # its catalogue's OID
            self.string()  # its OID
            entry["tag"], entry["desc"] = self.string(), self.string()
            self.int()  # its section
            entry["defn"] = self.string()
            self.string()  # its DROP statement
            entry["copy"] = self.string()
            self.string()  # its schema
            self.string()  # its tablespace
            if self.version >= 0x010E00:
                self.string()  # its table access method
            if self.version >= 0x011000:
                self.int()  # its relation kind
            self.string()  # its owner
            self.string()  # "false": no table WITH OIDS
            while self.string() is not None:  # the IDs it depends on
                pass
            self.byte()  # whether its data's offset is known
            self.at += self.off_size
            if entry["desc"] == "ENCODING" and entry["defn"]:
                named = re.search(r"'([^']+)'", entry["defn"])
                self.encoding = _PG_ENCODINGS.get(named[1].upper() if named else "", "utf-8")
            entries.append(entry)
        return entries

    def data_blocks(self) -> dict[int, bytes]:
        """Each table's data by its dump ID, its chunks joined and unpacked; large objects are
        read past, as are blocks of a compression this reader does not unpack."""
        blocks: dict[int, bytes] = {}
        while self.at < len(self.data):
            kind, dump_id = self.byte(), self.int()
            if kind == 1:
                blocks[dump_id] = self._unpacked(self.chunks())
            elif kind == 3:  # large objects: each an OID and its chunks, to an OID of 0
                while self.int() != 0:
                    self.chunks()
            else:
                raise ValueError(f"unknown data block type {kind}")
        return blocks

    def chunks(self) -> bytes:
        """A data block's chunks (each its length, then its bytes), to one of length 0."""
        out = bytearray()
        while (length := self.int()) > 0:
            out += self.data[self.at:self.at + length]
            self.at += length
        if len(out) > PART_MAX:
            raise ValueError("a table's data is larger than casegraph reads")
        return bytes(out)

    def _unpacked(self, raw: bytes) -> bytes:
        """A block's data as written, zlib-unpacked when the archive is gzip-compressed (pg_dump's
        default), at most :data:`PART_MAX` bytes (a bomb is refused).  PostgreSQL 16's LZ4 and
        Zstandard are refused with the way out: no test archive of them could be written here."""
        if self.compression == 0:
            return raw
        if self.compression != 1:
            raise ValueError("its data is LZ4- or Zstandard-compressed, which casegraph does not unpack: "
                             "dump it again with --compress=gzip or as plain SQL")
        return inflated(raw, PART_MAX, "a table's data unpacks to more than casegraph reads")


#: The 32 bytes a SAS data set starts with: twelve zeros, then SAS's signature.
_SAS7BDAT_MAGIC = bytes(12) + bytes.fromhex("c2ea8160b31411cfbd92080009c7318c181f1011")


def is_sas7bdat(data: bytes) -> bool:
    """Whether a file's bytes are a SAS data set, whatever it is called."""
    return data[:32] == _SAS7BDAT_MAGIC


def sas7bdat_records(data: bytes) -> list[Record]:
    """A SAS data set's rows, each a record of its variables' values named by their labels (what
    SAS shows a reader; the name without one), as a SAS transport file's are: missing numbers and
    blank strings left out, a whole number as an integer, a date in a date format as its ISO
    date (ReadStat converts them)."""
    import pyreadstat  # imported here: only a SAS data set needs ReadStat

    if not is_sas7bdat(data):
        raise ValueError("not a SAS data set (.sas7bdat: it should start with SAS's 32-byte signature)")
    try:
        columns, meta = pyreadstat.read_sas7bdat(io.BytesIO(data), output_format="dict")
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError, UnicodeError, ValueError) as exc:
        raise damaged("SAS data set", exc) from None
    labels = meta.column_names_to_labels or {}
    keys = {name: labels.get(name) or name for name in columns}
    rows = ({keys[name]: _sas_value(values[row]) for name, values in columns.items()}
            for row in range(len(next(iter(columns.values()), []))))
    return [{key: value for key, value in row.items() if value not in (None, "")} for row in rows]


def _sas_value(value: object) -> object:
    """A SAS value as records hold it: NaN (a missing number) None, a number as
    :func:`_sas_float` gives it."""
    if isinstance(value, float):
        return None if value != value else _sas_float(value)
    if isinstance(value, str):
        return value.strip()
    return _plain(value)


def _decoded(raw: bytes) -> str:
    """A fixed-width text field: UTF-8 where it is (R's haven, a modern SAS session), else
    Windows-1252 (SAS's Latin-1 sessions, dBASE's ANSI tables)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


# ---------------------------------------------------------------------------------------- dBASE
#: dBASE's language-driver byte (header offset 29) for the code pages a UK table is written in;
#: 0 (R's foreign, most tools) says nothing, and each field is read as :func:`_decoded` reads it.
_DBF_CODE_PAGES = {0x01: "cp437", 0x02: "cp850", 0x03: "cp1252", 0x57: "cp1252", 0x58: "cp1252",
                   0x59: "cp1252", 0x64: "cp852", 0x65: "cp866", 0xC8: "cp1250", 0xC9: "cp1251"}


#: The first byte of a dBASE table with 32-byte field descriptors: FoxBase, dBASE III and IV
#: (with or without a memo file), FoxPro, Visual FoxPro.  (dBASE 7's 48-byte descriptors, 0x04,
#: are not read.)
_DBF_VERSIONS = {0x02, 0x03, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0x8E, 0xCB, 0xF5, 0xFB}


def dbf_records(data: bytes) -> list[Record]:
    """A dBASE table's records (``.dbf``: dBASE III and IV, FoxPro, as R's foreign and GIS tools
    write them), each of its fields' values by field name; deleted records, blanks and a
    number written as asterisks (missing, or too wide for its field) left out; a date field
    (``YYYYMMDD``) as its ISO date.  A memo field's text lives in a separate ``.dbt`` file,
    which a page does not bring, so it is left out."""
    try:
        count, header, width = struct.unpack("<IHH", data[4:12])
        fields = _dbf_fields(data, header)
    except (struct.error, IndexError):
        raise ValueError("not a dBASE table (its header is cut short)") from None
    if data[0] not in _DBF_VERSIONS or sum(length for _, _, length in fields) + 1 != width:
        raise ValueError("not a dBASE table (its header does not describe its records)")
    if header + count * width > len(data):
        raise ValueError(f"damaged dBASE table (it says {count} records, but the file ends before them)")
    encoding = _DBF_CODE_PAGES.get(data[29])
    records: list[Record] = []
    for n in range(count):
        row = data[header + n * width:header + (n + 1) * width]
        if row[:1] == b"*":
            continue  # deleted, but kept until the table is packed
        record: Record = {}
        at = 1
        for name, kind, length in fields:
            value = _dbf_value(row[at:at + length], kind, encoding)
            at += length
            if value not in (None, ""):
                record[name] = value
        records.append(split_fields_joined(record))
    return records


#: A field's name with a number after it: "SUMMARY1", "Lesson_2", "REC 3".
_NUMBERED_FIELD = re.compile(r"^(?P<stem>.*?[A-Za-z])[ _]?(?P<n>\d{1,2})$")
#: The stems whose numbered fields are items of a list (one lesson a field), not one text.
_ITEM_STEMS = re.compile(r"(?:lesson|learning|finding|recommendation|rec|action|point)s?", re.I)
#: The stems whose numbered fields are one text cut into pieces ("CHILD1" and "CHILD2" are two
#: children, and stay two fields).
_TEXT_STEMS = re.compile(r"summary|text|notes?|description|account|background|narrative|details?"
                         r"|comments?|abstract", re.I)


def split_fields_joined(record: Record) -> Record:
    """(session 88) A fixed-width table's long text given back whole: dBASE and Paradox cap a
    text field at 254 characters, so a register kept a summary in "SUMMARY1", "SUMMARY2" and
    "SUMMARY3" and its lessons in "LESSON1" to "LESSON3".  Numbered fields of one stem (two or
    more) become one field, at the first one's place: a list for lessons and recommendations
    (each field an item), their texts joined with a space for a summary or notes."""
    stems: dict[str, list[str]] = defaultdict(list)
    for key in record:
        if (m := _NUMBERED_FIELD.match(key)) and isinstance(record[key], str):
            stems[m["stem"]].append(key)
    stems = {stem: keys for stem, keys in stems.items()
             if len(keys) > 1 and (_ITEM_STEMS.fullmatch(stem) or _TEXT_STEMS.fullmatch(stem))}
    if not stems:
        return record
    joined: Record = {}
    for key, value in record.items():
        m = _NUMBERED_FIELD.match(key)
        if m is None or m["stem"] not in stems or key not in stems[m["stem"]]:
            joined[key] = value
        elif key == stems[m["stem"]][0]:
            values = [str(record[k]) for k in stems[m["stem"]]]
            joined[m["stem"]] = values if _ITEM_STEMS.fullmatch(m["stem"]) else " ".join(values)
    return joined


def _dbf_fields(data: bytes, header: int) -> list[tuple[str, str, int]]:
    """The field descriptors (32 bytes each, ended by 0x0D): name, type letter, length."""
    fields = []
    for at in range(32, header - 1, 32):
        if data[at] == 0x0D:
            break
        name = data[at:at + 11].split(b"\0", 1)[0].decode("latin-1").strip()
        fields.append((name, chr(data[at + 11]), data[at + 16]))
    return fields


def _dbf_value(raw: bytes, kind: str, encoding: str | None) -> object:
    if kind in "NF":
        text = raw.decode("ascii", "replace").strip()
        if not text or set(text) == {"*"}:
            return None
        number = float(text) if re.fullmatch(r"-?\d*\.?\d+(?:[eE][-+]?\d+)?", text) else None
        return text if number is None else int(number) if number.is_integer() else number
    if kind == "D":
        text = raw.decode("ascii", "replace").strip()
        return f"{text[:4]}-{text[4:6]}-{text[6:]}" if re.fullmatch(r"\d{8}", text) else None
    if kind == "L":
        return {"T": "Yes", "Y": "Yes", "F": "No", "N": "No"}.get(raw.decode("latin-1").strip().upper())
    if kind == "I" and len(raw) == 4:  # Visual FoxPro's binary integer
        return int.from_bytes(raw, "little", signed=True)
    if kind in "CV":
        return (raw.decode(encoding, "replace") if encoding else _decoded(raw)).rstrip(" \0")
    return None  # memo, binary and general fields point into files a page does not bring


# ------------------------------------------------------------------------------------- Paradox
#: (session 88) Paradox's field types that hold words or a whole number a record is read by:
#: alphanumeric, short, long and auto-increment integers; the leader of a memo field (its
#: first characters, kept in the record; the rest lives in a ``.mb`` file a page does not
#: bring).  Dates, money, logical, graphic and binary fields say nothing a review is found by.
_PX_ALPHA, _PX_SHORT, _PX_LONG, _PX_MEMO, _PX_FMEMO, _PX_AUTOINC = 0x01, 0x03, 0x04, 0x0C, 0x0E, 0x16


def is_paradox(data: bytes) -> bool:
    """Whether a file's bytes are a Paradox table (``.db``: Borland's desktop database, the
    register an ACPC or a records office kept in the 1990s): its header's record size is the
    sum of its fields' sizes, which no other file's first bytes are by chance."""
    try:
        return _px_fields(data) is not None
    except (struct.error, IndexError):
        return False


def paradox_records(data: bytes) -> list[Record]:
    """A Paradox table's records, each of its fields' values by field name, blanks left out,
    in the order of its data blocks' chain (the order Paradox shows them).  Read by hand from
    the header's field list: no well-kept Python library reads the format (pypxlib binds a C
    library Debian does not ship), and the layout is small and fixed (record size, header
    size, block size and first block in the header; each block a 6-byte head and fixed-width
    records)."""
    fields = _px_fields(data)
    if fields is None:
        raise ValueError("not a Paradox table (its header does not describe its records)")
    size, header = struct.unpack("<HH", data[:4])
    block, first = data[5] * 0x400, struct.unpack("<H", data[14:16])[0]
    count = struct.unpack("<I", data[6:10])[0]
    names = _px_names(data, len(fields))
    encoding = _px_code_page(data)
    records: list[Record] = []
    seen: set[int] = set()
    number = first
    while number and number not in seen and len(records) < count:
        seen.add(number)
        at = header + (number - 1) * block
        if at + 6 > len(data):
            raise ValueError(f"damaged Paradox table (it says {count} records, but the file ends at "
                             f"byte {len(data):,}, inside block {number})")
        following, _, last = struct.unpack("<HHh", data[at:at + 6])
        for k in range(last // size + 1 if last >= 0 else 0):
            row = data[at + 6 + k * size:at + 6 + (k + 1) * size]
            if len(row) < size:
                raise ValueError(f"damaged Paradox table (cut short in block {number})")
            records.append(split_fields_joined(_px_record(row, fields, names, encoding)))
        number = following
    return records


def _px_fields(data: bytes) -> list[tuple[int, int]] | None:
    """The table's fields as (type, size), or None when the header is no Paradox data table's:
    a data file (type 0 or 2) whose record size is the sum of its fields' sizes and whose
    header is a whole number of 2 KB."""
    size, header, kind, blocks = struct.unpack("<HHBB", data[:6])
    count = struct.unpack("<H", data[0x21:0x23])[0]
    if kind not in (0, 2) or not (1 <= blocks <= 32) or not count or header % 0x800 or header > len(data):
        return None
    raw = data[0x78:0x78 + 2 * count]
    fields = [(raw[k], raw[k + 1]) for k in range(0, len(raw), 2)]
    return fields if len(fields) == count and sum(n for _, n in fields) == size else None


def _px_names(data: bytes, count: int) -> list[str]:
    """The fields' names: nul-ended, after the table's name (79 bytes in a table of Paradox 4
    to 5, 261 from Paradox 7, file version 0x0C), which follows the fields' list and its
    pointers."""
    at = 0x78 + 2 * count + 4 + 4 * count + (261 if data[0x39] >= 0x0C else 79)
    names = data[at:].split(b"\0", count)[:count]
    return [n.decode("cp1252", "replace") or f"FIELD{k + 1}" for k, n in enumerate(names)]


def _px_code_page(data: bytes) -> str:
    """The table's code page (header offset 0x6A in a table of Paradox 4 or later); Windows-1252
    when it names none Python knows."""
    number = struct.unpack("<H", data[0x6A:0x6C])[0] if data[0x39] >= 4 else 0
    try:
        return codecs.lookup(f"cp{number}").name
    except LookupError:
        return "cp1252"


def _px_record(row: bytes, fields: list[tuple[int, int]], names: list[str], encoding: str) -> Record:
    """One record's values by field name: text decoded, integers as numbers (Paradox stores
    them big-endian with the sign bit flipped, and 0 for blank)."""
    record: Record = {}
    at = 0
    for (kind, size), name in zip(fields, names, strict=True):
        raw = row[at:at + size]
        at += size
        value: object = None
        if kind == _PX_ALPHA:
            value = raw.split(b"\0", 1)[0].decode(encoding, "replace").strip()
        elif kind in (_PX_MEMO, _PX_FMEMO):
            value = raw[:-10].split(b"\0", 1)[0].decode(encoding, "replace").strip()
        elif kind in (_PX_SHORT, _PX_LONG, _PX_AUTOINC) and any(raw):
            value = int.from_bytes(raw, "big") ^ (1 << (8 * size - 1))
            value -= (1 << (8 * size)) if value >> (8 * size - 1) else 0
        if value not in (None, ""):
            record[name] = value
    return record


# -------------------------------------------------------------------------------------- Parquet
def parquet_records(data: bytes) -> list[Record]:
    """A Parquet file's rows, each a record of its columns' values (a list column as a list, a
    struct as a nested record), dates as ISO dates; nulls left out, as is the index pandas
    writes as a column of its own.  A file that would unpack to more than :data:`DATA_MAX`
    bytes is refused by its footer before a page is read."""
    import pyarrow as pa  # imported here: only a Parquet page needs Arrow
    import pyarrow.parquet as pq

    with _arrow_errors("Parquet file"):
        file = pq.ParquetFile(pa.BufferReader(data))
        meta = file.metadata
        size = sum(meta.row_group(g).total_byte_size for g in range(meta.num_row_groups))
        if size > DATA_MAX:
            raise ValueError(f"its data are {size // 2**20} MB unpacked, more than a page")
        table = file.read()
    return _table_records(table)


def feather_records(data: bytes) -> list[Record]:
    """A Feather (Arrow IPC) file's rows, as :func:`parquet_records` gives a Parquet file's.  A
    V2 file's record batches are read one at a time (each may be compressed), and the file is
    refused once they pass :data:`DATA_MAX` bytes; a V1 file is never compressed, so its size
    is the page's."""
    import pyarrow as pa  # imported here: only an Arrow page needs Arrow
    import pyarrow.feather as feather
    import pyarrow.ipc as ipc

    with _arrow_errors("Feather (Arrow IPC) file"):
        if data[:4] == b"FEA1":
            with warnings.catch_warnings():  # (pyarrow's advice to rewrite the file is not the reader's)
                warnings.simplefilter("ignore", DeprecationWarning)
                table = feather.read_table(pa.BufferReader(data))
        else:
            reader = ipc.open_file(pa.BufferReader(data))
            table = _batches_table(reader.get_batch, reader.num_record_batches, reader.schema)
    return _table_records(table)


def orc_records(data: bytes) -> list[Record]:
    """An ORC file's rows, as :func:`parquet_records` gives a Parquet file's.  Its stripes are
    read one at a time (each unpacks on its own: Zstandard, Snappy, zlib or LZ4), and the file is
    refused once they pass :data:`DATA_MAX` bytes unpacked.  Why pyarrow (DECISIONS 104): the
    same library already reads Parquet and Feather, and ORC's run-length and dictionary
    encodings under a protobuf footer are its to read, not ours."""
    import pyarrow as pa  # imported here: only an ORC page needs Arrow
    import pyarrow.orc as orc

    with _arrow_errors("ORC file"):
        file = orc.ORCFile(pa.BufferReader(data))
        table = _batches_table(file.read_stripe, file.nstripes, file.schema)
    return _table_records(table)


# --------------------------------------------------------------------------------- FlatGeobuf
#: A FlatGeobuf file's first bytes: "fgb", major version 3, "fgb", a patch number.
_FGB_MAGIC = b"fgb\x03fgb"
#: Column types (FlatGeobuf's ColumnType enum) by number: struct format of a fixed-size value,
#: or None for a value with a 32-bit length before it (String, Json, DateTime, Binary).
_FGB_TYPES: tuple[str | None, ...] = ("<b", "<B", "<?", "<h", "<H", "<i", "<I", "<q", "<Q", "<f", "<d",
                                      None, None, None, None)
#: ColumnType's Binary: bytes with no words, left out.
_FGB_BINARY = 14
#: The Header table's fields used here, by their number in its schema.
_FGB_NAME, _FGB_COLUMNS, _FGB_COUNT, _FGB_INDEX_NODE, _FGB_TITLE, _FGB_DESCRIPTION = 0, 7, 8, 9, 11, 12


def is_flatgeobuf(data: bytes) -> bool:
    """Whether a file's bytes are a FlatGeobuf file (version 3), whatever its name."""
    return data[:7] == _FGB_MAGIC


def flatgeobuf_records(data: bytes) -> tuple[list[str], list[Record]]:
    """A FlatGeobuf layer as (its name, title and description, a line each; its features'
    attributes, one record each, by column name, in file order).  The geometry (a point on
    the map) is no words; a binary value is left out, a JSON one kept as its text."""
    if not is_flatgeobuf(data):
        raise ValueError("not a FlatGeobuf file (it does not start with 'fgb', version 3)")
    try:
        (size,) = struct.unpack_from("<I", data, 8)
        header = _FlatTable.root(data, 12)
        columns = _fgb_columns(header.tables(_FGB_COLUMNS))
        count = header.scalar(_FGB_COUNT, "<Q", 0)
        at = 12 + size + _fgb_index_size(count, header.scalar(_FGB_INDEX_NODE, "<H", 16))
        records = []
        while at < len(data):
            (length,) = struct.unpack_from("<I", data, at)
            feature = _FlatTable.root(data, at + 4)
            # (a feature may carry columns of its own, when the layer's header has none)
            records.append(_fgb_values(feature.bytes(1), _fgb_columns(feature.tables(2)) or columns))
            at += 4 + length
            if len(records) > DATA_MAX // 16:
                raise ValueError("more features than a page holds")
    except (struct.error, IndexError, UnicodeDecodeError) as exc:
        raise damaged("FlatGeobuf file", exc) from None
    heads = [header.string(n) for n in (_FGB_NAME, _FGB_TITLE, _FGB_DESCRIPTION)]
    return list(dict.fromkeys(h for h in heads if h)), records


def _fgb_columns(tables: list[_FlatTable]) -> list[tuple[str, int]]:
    """Columns (FlatGeobuf's Column tables) as (name, type number)."""
    return [(column.string(0), column.scalar(1, "<B", 0)) for column in tables]


def _fgb_index_size(count: int, node_size: int) -> int:
    """The bytes of a FlatGeobuf file's packed R-tree (none when the writer left it out): 40 a
    node, every level of the tree from the features up to its root."""
    if not node_size or not count:
        return 0
    node_size = max(node_size, 2)
    nodes, level = count, count
    while level > 1:
        level = -(-level // node_size)
        nodes += level
    return nodes * 40


def _fgb_values(raw: bytes, columns: list[tuple[str, int]]) -> Record:
    """A feature's attributes: each a column's number (16 bits) then its value, as its type
    says (:data:`_FGB_TYPES`)."""
    record: Record = {}
    at = 0
    while at < len(raw):
        (number,) = struct.unpack_from("<H", raw, at)
        name, kind = columns[number]
        fixed = _FGB_TYPES[kind]
        if fixed is None:
            (length,) = struct.unpack_from("<I", raw, at + 2)
            value: object = raw[at + 6:at + 6 + length]
            at += 6 + length
            if kind == _FGB_BINARY:
                continue
            value = value.decode("utf-8")  # type: ignore[union-attr]
        else:
            (value,) = struct.unpack_from(fixed, raw, at + 2)
            at += 2 + struct.calcsize(fixed)
        record[name] = value
    return record


class _FlatTable:
    """A FlatBuffers table (the reading half of FlatBuffers' wire format, which is all a
    FlatGeobuf header and feature need): fields found through the table's vtable by number."""

    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at = data, at
        self.vtable = at - struct.unpack_from("<i", data, at)[0]
        self.vsize = struct.unpack_from("<H", data, self.vtable)[0]

    @classmethod
    def root(cls, data: bytes, at: int) -> _FlatTable:
        """The root table of the buffer that starts at ``at``."""
        return cls(data, at + struct.unpack_from("<I", data, at)[0])

    def _field(self, number: int) -> int:
        """Where field ``number`` is (0: absent, its default applies)."""
        slot = 4 + 2 * number
        offset = struct.unpack_from("<H", self.data, self.vtable + slot)[0] if slot < self.vsize else 0
        return self.at + offset if offset else 0

    def _target(self, number: int) -> int:
        """Where the string, vector or table that field ``number`` points at is (0: absent)."""
        at = self._field(number)
        return at + struct.unpack_from("<I", self.data, at)[0] if at else 0

    def scalar(self, number: int, fmt: str, default: int) -> int:
        at = self._field(number)
        return struct.unpack_from(fmt, self.data, at)[0] if at else default

    def bytes(self, number: int) -> bytes:
        at = self._target(number)
        if not at:
            return b""
        (length,) = struct.unpack_from("<I", self.data, at)
        if at + 4 + length > len(self.data):
            raise IndexError("a value runs past the end of the file")
        return self.data[at + 4:at + 4 + length]

    def string(self, number: int) -> str:
        return self.bytes(number).decode("utf-8")

    def tables(self, number: int) -> list[_FlatTable]:
        at = self._target(number)
        if not at:
            return []
        (length,) = struct.unpack_from("<I", self.data, at)
        if at + 4 + 4 * length > len(self.data):
            raise IndexError("a list runs past the end of the file")
        places = [at + 4 + 4 * n for n in range(length)]
        return [_FlatTable(self.data, p + struct.unpack_from("<I", self.data, p)[0]) for p in places]


@contextlib.contextmanager
def _arrow_errors(what: str) -> Iterator[None]:
    """Arrow's errors while a file is read (a damaged footer, a bad block, bytes that are not
    UTF-8) as the one-line ValueError "damaged <what> (...)": the one home of that wording for
    the Parquet, Feather and ORC readers."""
    import pyarrow as pa

    try:
        yield
    except (pa.ArrowException, OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"damaged {what} ({one_line(str(exc))})"[:300]) from None


def _batches_table(read: Callable[[int], pa.RecordBatch], count: int, schema: pa.Schema) -> pa.Table:
    """The table of a file's ``count`` record batches (an Arrow IPC file's, an ORC file's
    stripes), read one at a time by ``read``, refused (ValueError) once they pass
    :data:`DATA_MAX` bytes unpacked: each unpacks on its own, so the file's size says nothing."""
    import pyarrow as pa

    batches, size = [], 0
    for index in range(count):
        batches.append(batch := read(index))
        if (size := size + batch.nbytes) > DATA_MAX:
            raise ValueError(f"its data are more than {DATA_MAX // 2**20} MB unpacked")
    return pa.Table.from_batches(batches, schema=schema)


# -------------------------------------------------------------------------------------- Avro
#: Every Avro object container file starts with these four bytes (Avro 1.x specification,
#: "Object Container Files").
_AVRO_MAGIC = b"Obj\x01"


class _ZstdBlock:
    """A Zstandard block's unpacker, asked as zlib's is (``decompress(block, max_length)``): the
    block whole and bounded (binaries.zstd_unpacked), a cut or damaged one refused."""

    def decompress(self, block: bytes, limit: int) -> bytes:
        return zstd_unpacked(block, "an Avro block")[:limit]


#: The codecs whose blocks are measured here before fastavro unpacks them (a raw deflate
#: stream, bzip2, xz, and (session 69) Zstandard, whose binding casegraph brings for other
#: files); others (snappy, lz4) need packages casegraph does not bring.
_AVRO_UNPACKERS = {"null": None, "deflate": lambda: zlib.decompressobj(-15),
                   "bzip2": bz2.BZ2Decompressor, "xz": lzma.LZMADecompressor, "zstandard": _ZstdBlock}


def avro_records(data: bytes) -> list[Record]:
    """An Avro container file's records (a review extraction written by a pipeline), each as
    its fields: a nested record as a record, an array as a list, a date as an ISO date; nulls
    and empty values left out.  The file is refused when its blocks unpack to more than
    :data:`DATA_MAX` bytes, before any is unpacked, and when its codec is one casegraph cannot
    unpack."""
    import fastavro  # imported here: only an Avro page needs it
    from fastavro.schema import SchemaParseException, UnknownType

    if not data.startswith(_AVRO_MAGIC):
        raise ValueError("not an Avro container file (it should start with 'Obj' and byte 1)")
    try:
        reader = fastavro.reader(io.BytesIO(data))
        codec = str(reader.codec)
        if codec not in _AVRO_UNPACKERS:
            raise ValueError(f"its blocks are compressed with {codec!r}, which casegraph does not unpack "
                             "(deflate, bzip2, xz and zstandard are read): write it again with one of those")
        _check_avro_size(data, reader.fo.tell(), codec)
        records = [cast(Record, _plain(record)) for record in reader]
    except ValueError:
        raise
    except (fastavro.read.SchemaResolutionError, SchemaParseException, UnknownType, EOFError, IndexError,
            KeyError, TypeError, AttributeError, OverflowError, UnicodeDecodeError, zlib.error, OSError,
            lzma.LZMAError) as exc:
        reason = f"{type(exc).__name__}: {one_line(str(exc))}"
        raise ValueError(f"damaged Avro file ({reason})"[:300]) from None
    return [{k: v for k, v in r.items() if v not in (None, "", [], {})} for r in records]


def _check_avro_size(data: bytes, start: int, codec: str) -> None:
    """Walk the container's blocks from ``start`` (each: a record count and a byte length as
    zig-zag varints, the bytes, a 16-byte sync marker) and refuse the file when they unpack to
    more than :data:`DATA_MAX` bytes; each block is unpacked at most that far to be measured."""
    stream, total = io.BytesIO(data), 0
    stream.seek(start)
    while stream.tell() < len(data):
        _avro_long(stream)  # the block's record count
        size = _avro_long(stream)
        block = stream.read(size)
        if size < 0 or len(block) != size:
            raise ValueError("damaged Avro file (a block runs past the end of the file)")
        unpacker = _AVRO_UNPACKERS[codec]
        total += size if unpacker is None else len(unpacker().decompress(block, DATA_MAX + 1 - total))
        if total > DATA_MAX:
            raise ValueError(f"its records are more than {DATA_MAX // 2**20} MB unpacked")
        stream.read(16)  # the sync marker (fastavro checks it)


def _avro_long(stream: io.BytesIO) -> int:
    """An Avro ``long``: a zig-zag varint (at most ten bytes)."""
    value = shift = 0
    for _ in range(10):
        byte = stream.read(1)
        if not byte:
            raise ValueError("damaged Avro file (it ends inside a block's header)")
        value |= (byte[0] & 0x7F) << shift
        if not byte[0] & 0x80:
            return (value >> 1) ^ -(value & 1)
        shift += 7
    raise ValueError("damaged Avro file (a block's header holds an over-long number)")


# ------------------------------------------------------------------------------------ DuckDB
def is_duckdb(data: bytes) -> bool:
    """Whether a file's bytes are a DuckDB database (its magic after the 8-byte checksum)."""
    return data[8:12] == b"DUCK"


#: DuckDB opened on a page: read-only, no files or network beyond the database (a view or a
#: generated column cannot read another file), no extension installed or loaded, one thread and
#: a bounded memory, and these settings locked against the database's own statements.
_DUCKDB_CONFIG = {"access_mode": "READ_ONLY", "enable_external_access": False,
                  "autoinstall_known_extensions": False, "autoload_known_extensions": False,
                  "allow_community_extensions": False, "threads": 1, "memory_limit": "512MB",
                  "lock_configuration": True}


def duckdb_records(data: bytes) -> dict[str, list[Record]]:
    """A DuckDB database's tables (a review register kept in DuckDB), each as its rows read as
    :func:`parquet_records` reads a Parquet file's (a ``VARCHAR[]`` as a list, dates as ISO
    dates, nulls left out), in the order the tables were made.  Views are queries over the
    tables, not more data, and are not read.  DuckDB opens files only by their path, so the
    bytes go to a private temporary file first."""
    import tempfile
    from pathlib import Path

    import duckdb  # imported here: only a DuckDB page needs it

    if not is_duckdb(data):
        raise ValueError("not a DuckDB database (no 'DUCK' magic at byte 8)")
    with tempfile.TemporaryDirectory(prefix="casegraph-duckdb-") as folder:
        path = Path(folder) / "page.duckdb"
        path.write_bytes(data)
        try:
            with duckdb.connect(str(path), config=_DUCKDB_CONFIG) as con:
                tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() "
                                     "WHERE NOT internal AND NOT temporary ORDER BY table_oid").fetchall()
                return {name: _table_records(con.sql(f"SELECT * FROM {_name(schema)}.{_name(name)}")
                                             .to_arrow_table()) for schema, name in tables}
        except duckdb.Error as exc:
            raise ValueError(f"damaged or unreadable DuckDB database ({one_line(str(exc))})"[:300]) from None


def qvd_records(data: bytes) -> list[Record]:
    """A QlikView data file's rows, each a record of its fields' values: a date as ISO text (as
    :func:`parquet_records` gives one), another value Qlik shows as text (a status with a
    number behind it, an amount of money) as the text it shows, nulls left out.

    Why pyqvd (DECISIONS 117): the rows are bit-stuffed indexes into per-field symbol tables
    whose offsets, widths and biases the XML header gives, and symbols are typed (integer,
    double, text, and "dual" number-and-text pairs); pyqvd is the maintained pure-Python reader
    of that layout (MIT, one small dependency), imported only for a QVD page."""
    from pyqvd import QvdTable  # imported here: only a QVD page needs it

    if not data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<?xml") or b"<QvdTableHeader" not in data[:4096]:
        raise ValueError("not a QlikView data file (no <QvdTableHeader> XML header)")
    _check_qvd_size(data)
    try:
        table = QvdTable.from_stream(io.BytesIO(data))
        columns = list(table.columns)
        rows = table.data
    except (ValueError, IndexError, KeyError, TypeError, struct.error, UnicodeDecodeError,
            AttributeError) as exc:
        raise damaged("QlikView data file", exc) from None
    return [{name: value for name, value in zip(columns, map(_qvd_value, row), strict=True)
             if value not in (None, "")} for row in rows]


def _check_qvd_size(data: bytes) -> None:
    """A QVD cut short is refused: its header's table-level offset and length (after its
    fields' own) say how many bytes its symbols and rows take after the header (session 73: a
    cut file read a row short without a word)."""
    end = data.find(b"</QvdTableHeader>")
    tail = data[data.rfind(b"</Fields>", 0, end):end] if end > 0 else b""
    offset, length = re.search(rb"<Offset>(\d+)</Offset>", tail), re.search(rb"<Length>(\d+)</Length>", tail)
    if offset is None or length is None:
        raise ValueError("damaged QlikView data file (its header names no table offset and length)")
    body = end + len(b"</QvdTableHeader>")
    while data[body:body + 1] in (b"\r", b"\n"):
        body += 1
    body += data[body:body + 1] == b"\x00"  # (a NUL may close the header)
    need = body + int(offset.group(1)) + int(length.group(1))
    if len(data) < need:
        raise ValueError(f"damaged QlikView data file (cut short: {len(data)} bytes of the {need} its "
                         "header gives)")


def _qvd_value(cell: object) -> object:
    """One QVD cell as :func:`qvd_records` gives it."""
    from pyqvd.qvd import DateValue, DoubleValue, IntegerValue, StringValue, TimestampValue, TimeValue

    if cell is None:
        return None
    if isinstance(cell, DateValue):  # (its calculation value is Qlik's serial day number)
        return _plain(cell.date)
    if isinstance(cell, TimestampValue):
        return _plain(cell.timestamp)
    if isinstance(cell, TimeValue):
        return cell.time.isoformat()
    if isinstance(cell, (IntegerValue, DoubleValue, StringValue)):
        return cell.calculation_value
    return cell.display_value  # type: ignore[attr-defined]  # (a dual value: what Qlik shows)


def _table_records(table: object) -> list[Record]:
    """An Arrow table's rows as records: nulls and empty values left out, as is the index
    pandas writes as a column of its own."""
    index = set(_pandas_index(table.schema.metadata or {}))  # type: ignore[attr-defined]
    return [{k: _plain(v) for k, v in row.items() if k not in index and _plain(v) not in (None, "", [])}
            for row in table.to_pylist()]  # type: ignore[attr-defined]


def _pandas_index(metadata: dict[bytes, bytes]) -> list[str]:
    """The columns that are pandas' index (``__index_level_0__``), named in its metadata."""
    import json

    try:
        index = json.loads(metadata.get(b"pandas", b"{}")).get("index_columns", [])
    except ValueError:
        return []
    return [name for name in index if isinstance(name, str)]


def _plain(value: object) -> object:
    """An Arrow value as the JSON-like value records hold."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return [_plain(v) for v in value if v is not None]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, bytes):
        return None  # a binary column (an image, a hash) is no words
    return value


# ------------------------------------------------------------------------------- Tableau Hyper
#: Why a Hyper extract is refused where the optional extra is not installed.
_NO_HYPER_API = ("Tableau's Hyper API, which alone reads it, is not installed "
                 "(pip install 'casegraph[tableau]')")
#: Hyper's server started for one extract: no usage data sent to Tableau, and no log file
#: written beside the page or in the working folder.
_HYPER_PARAMETERS = {"log_config": ""}


def hyper_records(data: bytes) -> dict[str, list[Record]]:
    """A Tableau Hyper extract's tables (``"Extract"."Extract"``: an analyst's coded reviews),
    each as its rows read as :func:`duckdb_records` reads a table's (dates as ISO dates,
    nulls left out), in the catalogue's order of schemas and tables.  Why the Hyper API
    (DECISIONS 114): the format is Tableau's own and unpublished, and only its database
    server, which the API starts, reads it; the API is some 300 MB under Tableau's licence,
    so it is an optional extra (``casegraph[tableau]``) and a page of it without the API is
    refused in one line saying so.  The server opens a private copy (it opens files only by
    their path), from an interpreter of its own: once the API's library is loaded, a process
    forked from that one cannot start the server again (the build reads every page once for
    its cache key, then forks its workers, which read it again: the second start timed out
    after 30 s)."""
    import importlib.util
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    if importlib.util.find_spec("tableauhyperapi") is None:
        raise ValueError(_NO_HYPER_API)
    if not data.startswith(HYPER_MAGIC):
        raise ValueError("not a Tableau Hyper extract (no 'Hyper' header)")
    with tempfile.TemporaryDirectory(prefix="casegraph-hyper-") as folder:
        path = Path(folder) / "page.hyper"
        path.write_bytes(data)
        # (a fresh interpreter, not a multiprocessing child: that would import the caller's
        # own script again, which a script without a __main__ guard cannot bear)
        try:
            done = subprocess.run([sys.executable, "-c", _HYPER_CHILD, str(path)], capture_output=True,
                                  text=True, encoding="utf-8", timeout=_HYPER_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ValueError(f"Tableau's Hyper API took more than {_HYPER_TIMEOUT} s to read it") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["it ended with no message"])[-1]
        raise ValueError(one_line(reason)[:300])
    return cast(dict[str, list[Record]], json.loads(done.stdout))


#: The child interpreter's program: the extract's tables as JSON on stdout (a value of a type
#: records do not hold, such as an interval, as its text), or one line on stderr and exit 2.
_HYPER_CHILD = ("import json, sys\n"
                "from casegraph.ingest.datasets import _hyper_tables\n"
                "try:\n"
                "    json.dump(_hyper_tables(sys.argv[1]), sys.stdout, default=str)\n"
                "except ValueError as exc:\n"
                "    print(exc, file=sys.stderr)\n"
                "    sys.exit(2)\n")
#: How long the Hyper API may take to read one extract, its server's start included (seconds).
_HYPER_TIMEOUT = 120


def _hyper_tables(path: str) -> dict[str, list[Record]]:
    """The extract's tables, read in the process :func:`hyper_records` starts for it."""
    try:
        import tableauhyperapi as hyper
    except ImportError:
        raise ValueError(_NO_HYPER_API) from None

    try:
        with hyper.HyperProcess(hyper.Telemetry.DO_NOT_SEND_USAGE_DATA_TO_TABLEAU,
                                parameters=_HYPER_PARAMETERS) as server, \
                hyper.Connection(server.endpoint, path, hyper.CreateMode.NONE) as con:
            tables = [table for schema in con.catalog.get_schema_names()
                      for table in con.catalog.get_table_names(schema)]
            names = [str(table.name.unescaped) for table in tables]
            # (a table's name alone, unless two schemas hold one of that name)
            return {(name if names.count(name) == 1 else f"{table.schema_name.name.unescaped}.{name}"):
                    _hyper_rows(con, table) for name, table in zip(names, tables, strict=True)}
    except hyper.HyperException as exc:
        raise ValueError(f"damaged or unreadable Hyper extract ({one_line(str(exc))})"[:300]) from None


def _hyper_rows(con: Any, table: Any) -> list[Record]:
    """A Hyper table's rows as records, by its columns' names; Hyper's own date and time
    values made Python's first.  (``table`` is a TableName, which prints quoted for SQL.)"""
    columns = [str(column.name.unescaped) for column in con.catalog.get_table_definition(table).columns]
    rows = con.execute_list_query(f"SELECT * FROM {table}")
    return [{name: plain for name, value in zip(columns, row, strict=True)
             if (plain := _plain(_hyper_value(value))) not in (None, "", [])} for row in rows]


def _hyper_value(value: object) -> object:
    """A Hyper ``Date`` or ``Timestamp`` as Python's date or datetime; other values as they are."""
    for convert in ("to_datetime", "to_date"):
        if hasattr(value, convert):
            return getattr(value, convert)()
    return value


# -------------------------------------------------------------------------------------- HDF5
#: The HDF5 filter Blosc registers (PyTables' default for pandas' ``complib="blosc"``): h5py
#: reads only the filters built into HDF5, so its chunks are unpacked by the blosc library.
_BLOSC_FILTER = 32001


def is_hdf5(data: bytes) -> bool:
    """Whether a file's bytes are an HDF5 file (its signature at byte 0 or after a user block)."""
    return any(data[at:at + 8] == HDF5_MAGIC for at in (0, 512, 1024, 2048))


def hdf5_records(data: bytes) -> dict[str, list[Record]]:
    """An HDF5 file's tables as records, each named by its path: a pandas table (``to_hdf(...,
    format="table")``: PyTables' ``table`` dataset, whose ``values_block_N`` fields hold the
    columns its attributes name) with its columns named and ordered as the data frame's, and
    any other table (a compound dataset) with its fields' names; a one-column array of strings
    is a table of one column.  PyTables' own index datasets (``_i_*``) and arrays of numbers are
    no words.  Why h5py (DECISIONS 107): HDF5 is a B-tree of chunked, filtered datasets in a
    superblock's groups that only the HDF Group's library reads in full; h5py binds it and
    opens the bytes in memory, read-only.  pandas' column names are kept as pickles in the
    attributes; they are read by :mod:`pickletools`' disassembler, never unpickled (a pickle
    from a page could run code), and pandas' "fixed" format, whose text is pickled Python
    objects, is refused."""
    import h5py  # imported here: only an HDF5 page needs it

    if not is_hdf5(data):
        raise ValueError("not an HDF5 file (no HDF5 signature at its start)")
    out: dict[str, list[Record]] = {}
    pickled = False
    try:
        with h5py.File(io.BytesIO(data), "r") as file:
            datasets: list[tuple[str, h5py.Dataset]] = []
            file.visititems(lambda name, item: datasets.append((name, item))
                            if isinstance(item, h5py.Dataset) else None)
            for name, dataset in datasets:
                if any(part.startswith("_i_") for part in name.split("/")):
                    continue  # (PyTables' index of a table's column)
                pickled = pickled or _pandas_kind(dataset) == "frame"
                if records := _hdf5_table(name, dataset):
                    out[name.removesuffix("/table") if "/" in name else name] = records
    except (OSError, KeyError, RuntimeError, TypeError) as exc:
        raise ValueError(f"damaged or unreadable HDF5 file ({one_line(str(exc))})"[:300]) from None
    if not out:
        raise ValueError("the HDF5 file holds no table of text" + (
            " (pandas' \"fixed\" format keeps text as pickled Python objects, which casegraph does "
            "not unpickle: save it with to_hdf(..., format=\"table\"))" if pickled else ""))
    return out


def _pandas_kind(dataset: object) -> str:
    """The ``pandas_type`` of the group a dataset is in ("frame_table", "frame"), or ""."""
    value = dataset.parent.attrs.get("pandas_type", b"")  # type: ignore[attr-defined]
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def _hdf5_table(name: str, dataset: object) -> list[Record]:
    """One dataset's rows as records: a compound dataset's fields (a pandas table's blocks
    spread into its columns), or a string array's values as one column; else none."""
    import numpy

    dtype = dataset.dtype  # type: ignore[attr-defined]
    if (dtype.names is None and dtype.kind not in "SUO") or dataset.ndim != 1:  # type: ignore[attr-defined]
        return []
    if dataset.nbytes > DATA_MAX:  # type: ignore[attr-defined]
        raise ValueError(f"its dataset {name} is {dataset.nbytes // 2**20} MB, more than a page")  # type: ignore[attr-defined]
    rows = _hdf5_rows(dataset)
    if dtype.names is None:
        column = name.rsplit("/", 1)[-1]
        return [{column: value} for row in rows if (value := _hdf5_value(row, None, "utf-8")) is not None]
    attrs = dataset.attrs  # type: ignore[attr-defined]
    frame = _pandas_kind(dataset) == "frame_table"
    group = dataset.parent.attrs  # type: ignore[attr-defined]
    encoding = _attr_text(group.get("encoding", b"UTF-8")) if frame else "utf-8"
    columns: list[tuple[str, str, int, str | None]] = []  # (column, field, element, pandas dtype)
    for field in dtype.names:
        names = _pickled_strings(attrs.get(f"{field}_kind", b"")) if frame else [field]
        if frame and field == "index":
            continue
        kind = _attr_text(attrs[f"{field}_dtype"]) if f"{field}_dtype" in attrs else None
        columns += [(column, field, n, kind) for n, column in enumerate(names or [field])]
    order = _pickled_strings(group.get("non_index_axes", b"")) if frame else []
    columns.sort(key=lambda c: order.index(c[0]) if c[0] in order else len(order))
    out = []
    for row in rows:
        record: Record = {}
        for column, field, n, kind in columns:
            cell = row[field]
            value = _hdf5_value(cell[n] if isinstance(cell, numpy.ndarray) else cell, kind, encoding)
            if value is not None:
                record[column] = value
        if record:
            out.append(record)
    return out


def _hdf5_rows(dataset: object) -> object:
    """A dataset's values, its Blosc-compressed chunks unpacked here when HDF5 has no Blosc
    filter of its own (any other filter HDF5 lacks is refused by name)."""
    import numpy

    plist = dataset.id.get_create_plist()  # type: ignore[attr-defined]
    filters = [plist.get_filter(n)[0] for n in range(plist.get_nfilters())]
    if _BLOSC_FILTER not in filters:
        return dataset[()]  # type: ignore[index]
    if set(filters) != {_BLOSC_FILTER}:
        raise ValueError(f"a dataset's filters {filters} include Blosc and others casegraph does not unpack")
    import blosc  # imported here: only a Blosc-compressed table needs it

    chunks = []
    for n in range(dataset.id.get_num_chunks()):  # type: ignore[attr-defined]
        info = dataset.id.get_chunk_info(n)  # type: ignore[attr-defined]
        mask, raw = dataset.id.read_direct_chunk(info.chunk_offset)  # type: ignore[attr-defined]
        if not mask & 1:  # (a set bit: the filter was skipped for this chunk)
            if len(raw) < 16 or struct.unpack_from("<I", raw, 4)[0] > DATA_MAX:  # (its header's size)
                raise ValueError("a Blosc chunk is damaged or unpacks past the size of a page")
            raw = blosc.decompress(raw)
        chunks.append((info.chunk_offset[0], numpy.frombuffer(raw, dtype=dataset.dtype)))  # type: ignore[attr-defined]
    rows = numpy.concatenate([chunk for _, chunk in sorted(chunks, key=lambda c: c[0])]) if chunks else []
    return rows[:dataset.shape[0]]  # type: ignore[attr-defined]  # (the last chunk is padded)


def _hdf5_value(value: object, kind: str | None, encoding: str) -> object:
    """One cell as the value a record holds: bytes decoded (pandas' "nan" for a missing string
    left out), a pandas datetime column's number as an ISO date, a bool as Yes or No, a
    missing number left out and a whole float as an integer."""
    import numpy

    if isinstance(value, bytes):
        text = value.decode(encoding, "replace").strip()
        return None if text in ("", "nan") else text
    if isinstance(value, str):
        return value.strip() or None
    if kind and kind.startswith("datetime64") and isinstance(value, numpy.integer):
        unit = kind[kind.find("[") + 1:-1] if "[" in kind else "ns"
        stamp = numpy.datetime64(int(value), unit).astype("datetime64[s]").item()
        return _plain(stamp) if int(value) != numpy.iinfo(numpy.int64).min else None
    if kind == "bool" or isinstance(value, numpy.bool_):
        return "Yes" if value else "No"
    if isinstance(value, numpy.floating):
        return None if numpy.isnan(value) else int(value) if float(value).is_integer() else float(value)
    if isinstance(value, numpy.integer):
        return int(value)
    return None


def _attr_text(value: object) -> str:
    """An HDF5 attribute's text (h5py gives a fixed-length string as bytes)."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _pickled_strings(value: object) -> list[str]:
    """The strings in a pickled attribute (pandas' lists of column names), in order, read by
    disassembling the pickle: nothing in it is run."""
    import pickletools

    raw = value if isinstance(value, bytes) else bytes(value) if isinstance(value, bytearray) else b""
    try:
        return [arg for op, arg, _ in pickletools.genops(raw)
                if isinstance(arg, str) and ("UNICODE" in op.name or "STRING" in op.name)]
    except (ValueError, EOFError, UnicodeDecodeError):
        return []
