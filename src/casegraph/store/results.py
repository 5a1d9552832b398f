"""Query results as plain CSV, TSV and JSON for spreadsheets and scripts, the SPARQL 1.1 TSV and
JSON result forms (``sparql-tsv``, ``sparql-json``), or a text table for people."""

from __future__ import annotations

import csv
import io
import json
import textwrap

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from casegraph.core.errors import printable
from casegraph.core.namespaces import XSD_BOOLEAN
from casegraph.core.terms import XSD_STRING, to_ox
from casegraph.store.engines import Results

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
        dt = str(term.datatype)
        try:
            if dt in _INTEGERS:
                return int(str(term))
            if dt in _DECIMALS:
                return float(str(term))
            if dt == XSD_BOOLEAN:
                return str(term) in ("true", "1")
        except ValueError:
            return str(term)  # an ill-formed number stays text, exactly as written
    return csv_value(term)


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
        rows = [{c: plain_value(v) for c, v in zip(results.columns, row, strict=True)}
                for row in results.rows]
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
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
    return _table(results)


def _table(results: Results, width: int = 60) -> str:
    """A text table for people: long text wrapped onto further lines, never cut."""
    cells = [[[c] for c in results.columns]]
    for row in results.rows:
        cells.append([textwrap.wrap(printable(csv_value(v)).replace("\t", " "), width) or [""]
                      for v in row])  # printable: no raw escapes on a terminal
    widths = [max(len(line) for r in cells for line in r[i]) for i in range(len(results.columns))]
    lines = []
    for n, r in enumerate(cells):
        for k in range(max(len(c) for c in r)):
            lines.append("  ".join((c[k] if k < len(c) else "").ljust(w)
                                   for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(results.rows)} row{'s' if len(results.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
