"""Query results as plain CSV, TSV and JSON for spreadsheets and scripts, the SPARQL 1.1 TSV and
JSON result forms (``sparql-tsv``, ``sparql-json``), or a text table for people.

Two paths give the same answers.  :func:`write_query` on the embedded Oxigraph engine streams the
solutions: ``csv``, ``sparql-tsv`` and ``sparql-json`` straight from Oxigraph's own result
writers, the other forms from Oxigraph's terms, so no cell becomes an rdflib term (DECISIONS 45).
:func:`render` formats :class:`Results` (rdflib terms), which the rdflib and endpoint engines
return.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO, TextIO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from casegraph.core.errors import QueryError, printable
from casegraph.core.namespaces import XSD_BOOLEAN
from casegraph.core.terms import XSD_STRING, to_ox
from casegraph.store.engines import Engine, OxigraphEngine, Results

FORMATS = ("table", "csv", "tsv", "json", "sparql-tsv", "sparql-json")


def csv_value(term: Node | None) -> str:
    """SPARQL CSV: IRIs and literals by their plain string; blank for unbound."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def tsv_value(term: Node | None) -> str:
    """SPARQL TSV: terms in Turtle/N-Triples syntax (escaped, so tabs never break columns)."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(to_ox(term))


def json_value(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out: dict = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and str(term.datatype) != XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def plain_value(term: Node | None) -> str | int | float | bool | None:
    """A value for spreadsheets and scripts: numbers and booleans native, everything else text."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None:
        return _native(str(term), str(term.datatype))
    return csv_value(term)


def _native(lexical: str, datatype: str) -> str | int | float | bool:
    """A typed literal's value as JSON would hold it: the one rule of both paths."""
    try:
        if datatype in _INTEGERS:
            return int(lexical)
        if datatype in _DECIMALS:
            return float(lexical)
        if datatype == XSD_BOOLEAN:
            return lexical in ("true", "1")
    except ValueError:
        pass  # an ill-formed number stays text, exactly as written
    return lexical


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + n for n in ("integer", "int", "long", "short", "nonNegativeInteger",
                                 "positiveInteger", "negativeInteger", "nonPositiveInteger")}
_DECIMALS = {_XSD + n for n in ("decimal", "double", "float")}
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def render(results: Results, fmt: str) -> str:
    """``results`` in one of :data:`FORMATS` (DESIGN §3: csv, tsv and json are plain; the SPARQL
    result forms are sparql-tsv and sparql-json)."""
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(results.columns)
        for row in results.rows:
            w.writerow([csv_value(v) for v in row])
        return buf.getvalue()
    if fmt == "tsv":  # plain values; tab, newline and backslash escaped so columns never break
        lines = ["\t".join(results.columns)]
        lines.extend("\t".join(csv_value(v).translate(_TSV_ESCAPES) for v in row)
                     for row in results.rows)
        return "\n".join(lines) + "\n"
    if fmt == "json":  # an array of objects, numbers and booleans native, unbound as null
        return "".join(_json_array(results.columns, ([plain_value(v) for v in row]
                                                     for row in results.rows)))
    if fmt == "sparql-tsv":
        lines = ["\t".join("?" + c for c in results.columns)]
        lines.extend("\t".join(tsv_value(v) for v in row) for row in results.rows)
        return "\n".join(lines) + "\n"
    if fmt == "sparql-json":
        doc = {"head": {"vars": results.columns},
               "results": {"bindings": [
                   {c: json_value(v) for c, v in zip(results.columns, row, strict=True)
                    if v is not None} for row in results.rows]}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    return _table(results.columns, ([csv_value(v) for v in row] for row in results.rows))


def _json_array(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """The plain ``json`` form row by row: the very bytes ``json.dumps(list, indent=1)`` gives
    for the whole list (an object's lines indented one more space), without holding the list."""
    first = True
    for row in rows:
        item = json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, indent=1)
        yield ("[\n " if first else ",\n ") + item.replace("\n", "\n ")
        first = False
    yield "[]\n" if first else "\n]\n"


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]], width: int = 60) -> str:
    """A text table for people: long text wrapped onto further lines, never cut."""
    cells = [[[c] for c in columns]]
    for row in rows:
        cells.append([textwrap.wrap(printable(v).replace("\t", " "), width) or [""]
                      for v in row])  # printable: no raw escapes on a terminal
    widths = [max(len(line) for r in cells for line in r[i]) for i in range(len(columns))]
    lines = []
    for n, r in enumerate(cells):
        for k in range(max(len(c) for c in r)):
            lines.append("  ".join((c[k] if k < len(c) else "").ljust(w)
                                   for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    count = len(cells) - 1
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


#: The forms Oxigraph writes itself.  Its CSV is byte for byte the ``csv`` form above (SPARQL CSV:
#: plain values, CRLF, quoted only when needed), except in the two cases :func:`_native_csv_safe`
#: rules out; its TSV and JSON are the W3C forms (TSV writes numbers and booleans in their Turtle
#: short form, ``42`` for ``"42"^^xsd:integer``, and JSON is compact: same terms, other bytes).
NATIVE = {"csv": ox.QueryResultsFormat.CSV, "sparql-tsv": ox.QueryResultsFormat.TSV,
          "sparql-json": ox.QueryResultsFormat.JSON}


def write_query(engine: Engine, text: str, bindings: dict[str, Node], fmt: str, out: TextIO,
                saved: bool = True) -> None:
    """Run a SELECT and write its answer in ``fmt`` to ``out``, streaming where Oxigraph runs it.

    ``saved`` says the query is one of ``queries/`` (see :func:`_native_csv_safe`).  Other
    engines answer with :class:`Results`, formatted by :func:`render` as before.
    """
    if not isinstance(engine, OxigraphEngine):
        out.write(render(engine.select(text, bindings), fmt))
        return
    solutions = engine.solutions(text, bindings)
    try:
        if fmt in NATIVE and (fmt != "csv" or _native_csv_safe(solutions, saved)):
            _write_native(solutions, fmt, out)
        else:
            out.writelines(stream(solutions, fmt))
    except BrokenPipeError:
        raise  # the reader went away: the CLI ends quietly
    except OSError as exc:  # an evaluation error met while the solutions are read
        raise QueryError(f"query failed: {exc}".splitlines()[0]) from None


def _native_csv_safe(solutions: ox.QuerySolutions, saved: bool) -> bool:
    """Whether Oxigraph's CSV writer gives exactly the ``csv`` form for these solutions.

    It differs in two cases only: it writes IRIs unquoted, so an IRI holding a comma (a source
    page's ``schema:url`` may) would split its cell; and with a single column it writes an
    unbound or empty cell as an empty line, which CSV readers skip (Python's writer writes
    ``""``).  Saved queries select no ``schema:url`` and have several columns, and casegraph
    mints IRIs from slugs without commas; an ad-hoc query is written from Oxigraph's terms.
    """
    return saved and len(solutions.variables) > 1


def _write_native(solutions: ox.QuerySolutions, fmt: str, out: TextIO) -> None:
    """Oxigraph's writer straight into ``out``'s byte stream when that takes UTF-8 (a terminal,
    a pipe, a file); through :func:`stream` otherwise."""
    raw: BinaryIO | None = getattr(out, "buffer", None)
    if raw is None or codecs.lookup(getattr(out, "encoding", None) or "ascii").name != "utf-8":
        out.writelines(stream(solutions, fmt))
        return
    out.flush()  # what went to the text layer first stays first
    solutions.serialize(raw, NATIVE[fmt])
    if fmt == "sparql-json":
        raw.write(b"\n")  # Oxigraph ends on "}": a shell prompt should not follow on that line
    raw.flush()


def stream(solutions: ox.QuerySolutions, fmt: str) -> Iterator[str]:
    """``fmt`` from Oxigraph's terms, row by row (the whole table at once for ``table``, whose
    column widths need every row); the same text :func:`render` gives for the same answer."""
    columns = [v.value for v in solutions.variables]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(columns)
        for row in solutions:
            w.writerow([_ox_csv(t) for t in row])
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()
    elif fmt == "tsv":
        yield "\t".join(columns) + "\n"
        for row in solutions:
            yield "\t".join(_ox_csv(t).translate(_TSV_ESCAPES) for t in row) + "\n"
    elif fmt == "json":
        yield from _json_array(columns, ([_ox_plain(t) for t in row] for row in solutions))
    elif fmt in NATIVE:
        yield solutions.serialize(format=NATIVE[fmt]).decode("utf-8")
        if fmt == "sparql-json":
            yield "\n"
    else:
        yield _table(columns, ([_ox_csv(t) for t in row] for row in solutions))


def _ox_csv(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """:func:`csv_value` of an Oxigraph term."""
    if term is None:
        return ""
    if type(term) is ox.BlankNode:
        return f"_:{term.value}"
    return term.value


def _ox_plain(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | int | float | bool | None:
    """:func:`plain_value` of an Oxigraph term."""
    if type(term) is ox.Literal and not term.language:
        return _native(term.value, term.datatype.value)
    return None if term is None else _ox_csv(term)
