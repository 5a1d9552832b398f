"""Query results in the standard SPARQL 1.1 CSV, TSV and JSON result forms, or a text table."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from casegraph.core.errors import printable
from casegraph.core.terms import XSD_STRING, to_ox
from casegraph.store.engines import Results

FORMATS = ("table", "csv", "tsv", "json")


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


def render(results: Results, fmt: str) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(results.columns)
        for row in results.rows:
            w.writerow([csv_value(v) for v in row])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + c for c in results.columns)]
        lines.extend("\t".join(tsv_value(v) for v in row) for row in results.rows)
        return "\n".join(lines) + "\n"
    if fmt == "json":
        doc = {"head": {"vars": results.columns},
               "results": {"bindings": [
                   {c: json_value(v) for c, v in zip(results.columns, row, strict=True)
                    if v is not None} for row in results.rows]}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    # table: readable, long cells cut
    cells = [[c for c in results.columns]]
    for row in results.rows:
        cells.append([_cut(printable(csv_value(v))) for v in row])  # no raw escapes on a terminal
    widths = [max(len(r[i]) for r in cells) for i in range(len(results.columns))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(results.rows)} row{'s' if len(results.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cut(text: str, limit: int = 70) -> str:
    text = text.replace("\n", " ").replace("\t", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
