"""Where queries run: Oxigraph embedded (default), rdflib's own engine, or a SPARQL endpoint.

All three return the same :class:`Results` (rdflib terms, in the query's column order), so a
saved query gives identical answers on every engine and tests can compare them directly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from .errors import CasegraphError, QueryError
from .terms import from_ox, to_ox

ENGINES = ("oxigraph", "rdflib")


@dataclass
class Results:
    columns: list[str]
    rows: list[tuple[Node | None, ...]]


class OxigraphEngine:
    """pyoxigraph Store, in memory or on disk (``path``)."""

    name = "oxigraph"

    def __init__(self, path: Path | None = None, read_only: bool = False):
        if path is None:
            self.store = ox.Store()
        elif read_only:
            self.store = ox.Store.read_only(str(path))
        else:
            self.store = ox.Store(str(path))

    def load_file(self, path: Path) -> None:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        try:
            self.store.bulk_load(path=str(path), format=fmt, to_graph=ox.DefaultGraph())
        except SyntaxError as exc:
            raise CasegraphError(f"not valid RDF: {exc}".splitlines()[0], path) from None

    def load_graph(self, graph: Graph) -> None:
        self.store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)

    def __len__(self) -> int:
        return len(self.store)

    def select(self, text: str, bindings: dict[str, Node]) -> Results:
        from .queries import with_values_block

        query = with_values_block(text, bindings)
        try:
            solutions = self.store.query(query)
        except SyntaxError as exc:
            raise QueryError(f"query does not parse: {exc}") from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("saved queries must be SELECT queries")
        columns = [v.value for v in solutions.variables]
        rows = [tuple(None if s[c] is None else from_ox(s[c]) for c in columns) for s in solutions]
        return Results(columns, rows)


class RdflibEngine:
    """rdflib's pure-Python SPARQL engine: slow on joins, kept as a reference implementation."""

    name = "rdflib"

    def __init__(self) -> None:
        self.graph = Graph()

    def load_file(self, path: Path) -> None:
        fmt = {".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}.get(path.suffix, "turtle")
        try:
            self.graph.parse(path, format=fmt)
        except Exception as exc:
            raise CasegraphError(f"not valid RDF: {exc}".splitlines()[0], path) from None

    def load_graph(self, graph: Graph) -> None:
        self.graph += graph

    def __len__(self) -> int:
        return len(self.graph)

    def select(self, text: str, bindings: dict[str, Node]) -> Results:
        from rdflib.plugins.sparql import prepareQuery

        body = "\n".join(line for line in text.splitlines() if not line.startswith("#+"))
        try:
            prepared = prepareQuery(body)
        except Exception as exc:
            raise QueryError(f"query does not parse: {exc}".splitlines()[0]) from None
        result = self.graph.query(prepared, initBindings=bindings)
        columns = [str(v) for v in result.vars or []]
        rows = [tuple(row[c] if c in row.labels else None for c in columns)  # type: ignore[union-attr]
                for row in result]
        return Results(columns, [tuple(None if v is None else v for v in r) for r in rows])


class EndpointEngine:
    """A SPARQL 1.1 endpoint via SPARQLWrapper (POST, timeout, basic or bearer auth from env)."""

    name = "endpoint"

    def __init__(self, url: str, timeout: float = 60.0):
        self.url = url
        self.timeout = timeout

    def _wrapper(self):  # type: ignore[no-untyped-def]
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        w = SPARQLWrapper(self.url)
        w.setMethod(POST)
        w.setReturnFormat(JSON)
        w.setTimeout(int(self.timeout))
        user, password = os.environ.get("CASEGRAPH_USER"), os.environ.get("CASEGRAPH_PASSWORD")
        token = os.environ.get("CASEGRAPH_TOKEN")
        if token:
            w.addCustomHttpHeader("Authorization", f"Bearer {token}")
        elif user and password is not None:
            w.setCredentials(user, password)
        return w

    def select(self, text: str, bindings: dict[str, Node]) -> Results:
        from rdflib import BNode, Literal, URIRef

        from .queries import with_values_block

        query = with_values_block(text, bindings)
        try:  # parse locally first: a malformed query never leaves this machine
            ox.Store().query(query)
        except SyntaxError as exc:
            raise QueryError(f"query does not parse: {exc}") from None
        w = self._wrapper()
        w.setQuery(query)
        try:
            data = w.query().convert()
        except Exception as exc:
            raise QueryError(f"endpoint {self.url} failed: {type(exc).__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
        columns = list(data["head"]["vars"])  # type: ignore[index]
        rows = []
        for b in data["results"]["bindings"]:  # type: ignore[index]
            row: list[Node | None] = []
            for c in columns:
                t = b.get(c)
                if t is None:
                    row.append(None)
                elif t["type"] == "uri":
                    row.append(URIRef(t["value"]))
                elif t["type"] == "bnode":
                    row.append(BNode(t["value"]))
                elif "xml:lang" in t:
                    row.append(Literal(t["value"], lang=t["xml:lang"]))
                else:
                    dt = t.get("datatype", "http://www.w3.org/2001/XMLSchema#string")
                    row.append(Literal(t["value"], datatype=URIRef(dt), normalize=False))
            rows.append(tuple(row))
        return Results(columns, rows)


def open_engine(engine: str, data: Path | None = None, store_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """An engine loaded with ``data`` (Turtle/N-Triples) or opened on a persistent store."""
    if engine not in ENGINES:
        raise CasegraphError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
    if store_dir is not None and engine == "oxigraph":
        if not store_dir.is_dir():
            raise CasegraphError("no such store directory (run 'casegraph build --store DIR')",
                                 store_dir)
        return OxigraphEngine(store_dir, read_only=True)
    eng = OxigraphEngine() if engine == "oxigraph" else RdflibEngine()
    if data is not None:
        if not data.exists():
            raise CasegraphError("no such data file (run 'casegraph build' first)", data)
        eng.load_file(data)
    return eng
