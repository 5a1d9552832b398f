"""Where queries run: Oxigraph embedded (default), rdflib's own engine, or a SPARQL endpoint.

All three return the same :class:`Results` (rdflib terms, in the query's column order), so a
saved query gives identical answers on every engine and tests can compare them directly.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from casegraph.core.errors import CasegraphError, QueryError
from casegraph.core.fsutil import umask
from casegraph.core.namespaces import XSD
from casegraph.core.terms import XSD_STRING, from_ox, to_ox

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

    def solutions(self, text: str, bindings: dict[str, Node]) -> ox.QuerySolutions:
        """The query's solutions as Oxigraph's lazy iterator, not yet evaluated past the first.

        :func:`casegraph.store.results.write_query` streams them through Oxigraph's own result
        writers (no rdflib term per cell); :meth:`select` converts them for everyone else.
        """
        query = prepare_select(text, bindings)
        try:
            solutions = self.store.query(query)
        except SyntaxError as exc:
            raise QueryError(f"query does not parse: {exc}".splitlines()[0]) from None
        except OSError as exc:  # evaluation errors (e.g. a SERVICE call failing)
            raise QueryError(f"query failed: {exc}".splitlines()[0]) from None
        assert isinstance(solutions, ox.QuerySolutions)  # checked by prepare_select
        return solutions

    def select(self, text: str, bindings: dict[str, Node]) -> Results:
        solutions = self.solutions(text, bindings)
        columns = [v.value for v in solutions.variables]
        try:
            rows = [tuple(None if t is None else from_ox(t) for t in s) for s in solutions]
        except OSError as exc:  # an evaluation error met while iterating
            raise QueryError(f"query failed: {exc}".splitlines()[0]) from None
        return Results(columns, rows)


def check_select(query: str) -> None:
    """Parse ``query`` locally (Oxigraph's parser) and require a SELECT: the one check every
    engine runs before evaluating or sending a query.

    A query whose parameters did not land where they should fails here, not on someone else's
    server.  Nothing is evaluated (the solutions iterator is never advanced, and the store is
    empty anyway).
    """
    try:
        result = _EMPTY.query(query)
    except SyntaxError as exc:
        raise QueryError(f"query does not parse: {exc}".splitlines()[0]) from None
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("saved queries must be SELECT queries")


_EMPTY = ox.Store()


def prepare_select(text: str, bindings: dict[str, Node]) -> str:
    """The query with its parameters in a ``VALUES`` block, checked by :func:`check_select`."""
    from casegraph.store.queries import with_values_block

    query = with_values_block(text, bindings)
    check_select(query)
    return query


class Engine(Protocol):
    """What every place a query can run offers: rdflib, Oxigraph (memory or disk), an endpoint."""

    name: str

    def select(self, text: str, bindings: dict[str, Node]) -> Results:
        """Run a SELECT with typed parameter bindings; columns in the query's order."""
        ...


@lru_cache(maxsize=64)
def _prepared(body: str):  # type: ignore[no-untyped-def]
    """rdflib parses and translates a query in milliseconds; saved queries repeat, so cache."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(body)


def _simple(term: Node | None) -> Node | None:
    """``"x"^^xsd:string`` as the simple literal ``"x"``, the form :func:`terms.from_ox` and
    rdflib's parsers use, so every engine returns the very same rdflib terms."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


class RdflibEngine:
    """rdflib's pure-Python SPARQL engine: slow on joins, kept as a reference implementation."""

    name = "rdflib"

    def __init__(self) -> None:
        self.graph = Graph()

    def load_file(self, path: Path) -> None:
        from casegraph.rdfio.formats import load_graph

        # Exact terms, line-numbered errors, and no JSON-LD context is ever fetched.
        self.graph += load_graph(path)

    def load_graph(self, graph: Graph) -> None:
        self.graph += graph

    def __len__(self) -> int:
        return len(self.graph)

    def select(self, text: str, bindings: dict[str, Node]) -> Results:
        prepare_select(text, bindings)  # the one parse-and-SELECT check every engine runs
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#+"))
        try:
            prepared = _prepared(body)
        except Exception as exc:
            raise QueryError(f"query does not parse: {exc}".splitlines()[0]) from None
        result = self.graph.query(prepared, initBindings=bindings)
        columns = [str(v) for v in result.vars or []]
        rows = [tuple(_simple(row[c]) if c in row.labels else None for c in columns)  # type: ignore[union-attr]
                for row in result]
        return Results(columns, rows)


class EndpointEngine:
    """A SPARQL 1.1 query endpoint.

    ``url`` is the server's base URL, as for ``casegraph push`` (Oxigraph's ``/query`` is
    derived); ``query_url`` names the query service of other servers.  SPARQLWrapper builds
    the protocol request (POST, ``default-graph-uri``, ``Accept``); it is sent through
    :mod:`casegraph.store.http`, because SPARQLWrapper's own sending follows redirects with the
    credentials attached.  The final query is parsed locally before anything is sent.

    ``default_graph`` is resolved once, at the first query, through the version pointer that
    ``push --versioned`` keeps (:mod:`casegraph.store.versions`): every query of one engine
    reads the same whole version, even if a push switches to a newer one meanwhile.  A result
    the server says it cut short (Virtuoso's ``X-SPARQL-MaxRows``, its ``ResultSetMaxRows``
    setting) is an error, never a silently shorter answer.
    """

    name = "endpoint"

    def __init__(self, url: str, timeout: float = 60.0, default_graph: str | None = None,
                 query_url: str | None = None):
        from casegraph.store.http import derive_endpoints

        if not timeout > 0:
            raise CasegraphError(f"--timeout must be positive, got {timeout}")
        self.url = derive_endpoints(url, query_url=query_url).query
        self.timeout = float(timeout)
        self.default_graph = default_graph
        self._graph: str | None = None  # default_graph resolved through the version pointer

    def graph(self) -> str | None:
        """The graph the queries read: the current version of ``default_graph``, or itself."""
        from casegraph.core.errors import PushError
        from casegraph.store.versions import current, list_versions

        if self.default_graph and self._graph is None:
            try:
                listed = list_versions(self.url, self.default_graph, self.timeout)
            except PushError as exc:
                raise QueryError(str(exc)) from None
            self._graph = current(self.default_graph, listed) or self.default_graph
        return self._graph or self.default_graph

    def _request(self, query: str):  # type: ignore[no-untyped-def]
        from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper

        w = SPARQLWrapper(self.url)
        w.setMethod(POST)
        w.setReturnFormat(JSON)
        graph = self.graph()
        if graph:
            w.addDefaultGraph(graph)
        w.setQuery(query)
        # ``query`` passed Oxigraph's parser as a SELECT (prepare_select). SPARQLWrapper guesses
        # the form with a regex that reads "cg:addressesAgency" as the update keyword ADD, so its
        # guess is overruled: this request is always sent as a query, never as an update.
        w.queryType = SELECT
        return w._createRequest()

    def select(self, text: str, bindings: dict[str, Node]) -> Results:
        import json

        from casegraph.core.errors import PushError
        from casegraph.store.http import exchange

        query = prepare_select(text, bindings)
        req = self._request(query)
        headers = {k: v for k, v in req.header_items() if k.lower() != "authorization"}
        try:
            answer = exchange("POST", req.full_url, f"query on {self.url}", self.timeout, req.data,
                              headers)
        except PushError as exc:
            raise QueryError(str(exc)) from None
        cap = answer.headers.get("X-SPARQL-MaxRows")
        if cap:
            raise QueryError(f"endpoint {self.url} cut the result at {cap} rows (its result-size "
                             "limit, e.g. Virtuoso's ResultSetMaxRows): raise the limit")
        body = answer.body
        try:
            data = json.loads(body)
            columns = list(data["head"]["vars"])
            rows = [tuple(_json_term(b.get(c)) for c in columns) for b in data["results"]["bindings"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise QueryError(f"endpoint {self.url} did not answer with SPARQL JSON results") from None
        return Results(columns, rows)


_XSD_BOOLEAN = str(XSD.boolean)
_BOOLEAN_DIGITS = {"0": "false", "1": "true"}


def _json_term(t: dict | None) -> Node | None:
    """A SPARQL 1.1 JSON results term as an rdflib term (lexical forms kept exactly)."""
    if t is None:
        return None
    kind = t.get("type")
    if kind == "uri":
        return URIRef(t["value"])
    if kind == "bnode":
        return BNode(t["value"])
    if kind in ("literal", "typed-literal"):  # "typed-literal": older Virtuoso
        if "xml:lang" in t:
            return Literal(t["value"], lang=t["xml:lang"])
        dt = t.get("datatype", XSD_STRING)
        if dt == XSD_STRING:
            return Literal(t["value"])  # simple literal, as from_ox() gives
        if dt == _XSD_BOOLEAN and t["value"] in _BOOLEAN_DIGITS:
            # Virtuoso keeps booleans as integers and answers "0"/"1": the same values, in the
            # canonical form every other engine (and our writers) use.
            return Literal(_BOOLEAN_DIGITS[t["value"]], datatype=URIRef(dt), normalize=False)
        return Literal(t["value"], datatype=URIRef(dt), normalize=False)
    raise QueryError(f"endpoint returned a term of unsupported type {kind!r}")


def _is_store_dir(path: Path) -> bool:
    """An empty directory, or one that RocksDB (Oxigraph's on-disk format) has written."""
    names = {p.name for p in path.iterdir()}
    return not names or ("CURRENT" in names and any(n.startswith("MANIFEST-") for n in names))


def fill_store(store_dir: Path, data: Path) -> int:
    """Replace the persistent store at ``store_dir`` with ``data``; the number of triples.

    Uses Oxigraph's bulk loader: at 11.4 M triples it took 55 s and 1.75 GB where one
    transactional load took 302 s and 10 GB.  The bulk loader is not transactional, so it fills
    a fresh sibling directory ``.NAME.<id>``; ``store_dir`` is a symbolic link to the store in
    use, switched to the new one by one rename.  A crash at any moment leaves the old store or
    the new one at ``store_dir``, never none; the next fill removes what a killed one left.  A
    path that is neither a store, nor a link to one, nor an empty directory is refused.
    """
    store_dir = Path(store_dir)
    if store_dir.exists() and (not store_dir.is_dir() or not _is_store_dir(store_dir)):
        raise CasegraphError("exists and is not an Oxigraph store; refusing to replace it "
                             "(give a new or empty directory)", store_dir)
    if not data.is_file():
        raise CasegraphError("no such data file", data)
    fmt = ox.RdfFormat.from_extension(data.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    parent = store_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(store_dir)
        tmp = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.", suffix=".loading", dir=parent))
        tmp.chmod(0o777 & ~umask())  # mkdtemp makes it private; the store is for readers
    except OSError as exc:
        raise CasegraphError(f"cannot create the store: {exc.strerror}", store_dir) from None
    try:
        store = ox.Store(str(tmp))
        try:
            store.bulk_load(path=str(data), format=fmt, to_graph=ox.DefaultGraph())
        except (SyntaxError, ValueError) as exc:
            raise CasegraphError(f"not valid RDF: {exc}".splitlines()[0], data) from None
        store.flush()
        count = len(store)
        del store  # closes the database before its directory is renamed
        final = tmp.with_name(tmp.name.removesuffix(".loading"))
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    previous = store_dir.resolve() if store_dir.is_symlink() else None
    if store_dir.is_dir() and not store_dir.is_symlink():
        # An earlier layout (a plain directory): moved aside once, then links from now on.
        store_dir.rename(store_dir.with_name(f".{store_dir.name}.old-{secrets.token_hex(4)}"))
    link = parent / f".{store_dir.name}.link-{secrets.token_hex(4)}"
    os.symlink(final.name, link)
    os.replace(link, store_dir)
    if previous is not None and previous != final.resolve():
        shutil.rmtree(previous, ignore_errors=True)
    _remove_leftovers(store_dir)
    return count


def _remove_leftovers(store_dir: Path) -> None:
    """Siblings ``.NAME.*`` that a killed fill left: loading copies, old stores, temporary links."""
    current = store_dir.resolve() if store_dir.is_symlink() else None
    for entry in store_dir.parent.glob(f".{store_dir.name}.*"):
        if current is not None and entry.resolve() == current:
            continue
        if entry.is_symlink() or entry.is_file():
            entry.unlink(missing_ok=True)
        elif entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def open_engine(engine: str, data: Path | None = None, store_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """An engine loaded with ``data`` (Turtle/N-Triples) or opened on a persistent store."""
    if engine not in ENGINES:
        raise CasegraphError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
    if data is not None and store_dir is not None:
        raise CasegraphError("give either a data file or a store directory, not both")
    if store_dir is not None:
        if not store_dir.is_dir():
            raise CasegraphError("no such store directory (run 'casegraph build --store DIR')",
                                 store_dir)
        on_disk = OxigraphEngine(store_dir, read_only=True)
        if engine == "oxigraph":
            return on_disk
        # rdflib has no on-disk Oxigraph backend: copy the store's triples into its graph.
        ref = RdflibEngine()
        ref.graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), ref.graph)
                       for q in on_disk.store)
        return ref
    eng = OxigraphEngine() if engine == "oxigraph" else RdflibEngine()
    if data is not None:
        if not data.exists():
            raise CasegraphError("no such data file (run 'casegraph build' first)", data)
        eng.load_file(data)
    return eng
