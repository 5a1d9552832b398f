"""The same answers everywhere: rdflib, embedded Oxigraph (memory and on-disk) and a real server.

The build is pushed to a real Oxigraph server with ``casegraph push``; then every saved query
in ``queries/`` runs on every engine with its default parameters, and the results must be
identical term for term (IRIs, lexical forms, datatypes, language tags), in the same order
when the query says ``ORDER BY``.  That is what lets users move between a laptop and a shared
triple store without the answers changing.
"""

from __future__ import annotations

import re
import secrets
from collections import Counter
from pathlib import Path

import oxigraph_server
import pytest
from oxigraph_server import Endpoint
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from casegraph.cli.main import main
from casegraph.core.errors import CasegraphError, QueryError
from casegraph.extract.vocab import Vocabulary
from casegraph.store.engines import EndpointEngine, OxigraphEngine, Results, fill_store, open_engine
from casegraph.store.queries import SavedQuery, bind_values, saved_queries

pytestmark = pytest.mark.server

shared_server = oxigraph_server.shared_server  # pytest finds fixtures by name here

QUERIES = saved_queries()
ENGINES = ("rdflib", "oxigraph", "oxigraph-disk", "server")


def norm(term: Node | None) -> tuple[str, ...]:
    """A term as comparable data: kind, lexical form, datatype or language."""
    if term is None:
        return ("unbound",)
    if isinstance(term, URIRef):
        return ("iri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)  # labels are engine-local
    assert isinstance(term, Literal)
    if term.language:
        return ("literal", str(term), "@" + term.language.lower())
    return ("literal", str(term), str(term.datatype or "http://www.w3.org/2001/XMLSchema#string"))


def normalised(results: Results) -> list[tuple[tuple[str, ...], ...]]:
    return [tuple(norm(v) for v in row) for row in results.rows]


def is_ordered(query: SavedQuery) -> bool:
    body = "\n".join(line.split("#", 1)[0] if not line.startswith("PREFIX") else ""
                     for line in query.text.splitlines())
    return re.search(r"\bORDER\s+BY\b", body, re.I) is not None


pushed_graph = oxigraph_server.pushed_graph


@pytest.fixture(scope="module")
def engines(built_ttl: Path, shared_server: Endpoint, pushed_graph: str,
            tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    store_dir = tmp_path_factory.mktemp("store") / "oxigraph"
    fill_store(store_dir, built_ttl)
    return {
        "rdflib": open_engine("rdflib", built_ttl),
        "oxigraph": open_engine("oxigraph", built_ttl),
        "oxigraph-disk": open_engine("oxigraph", None, store_dir),
        "server": EndpointEngine(shared_server.query, timeout=60, default_graph=pushed_graph),
    }


def test_the_server_holds_exactly_the_build(shared_server: Endpoint, pushed_graph: str,
                                            built_ttl: Path) -> None:
    import pyoxigraph as ox

    local = {str(t) for t in ox.parse(path=str(built_ttl), format=ox.RdfFormat.TURTLE)}
    assert len(local) > 1000
    assert shared_server.graph_ntriples(pushed_graph) == local
    assert not any(g.startswith(pushed_graph + "-staging-") for g in shared_server.named_graphs())


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_saved_query_is_identical_on_every_engine(name: str, engines: dict[str, object],
                                                        vocab: Vocabulary) -> None:
    query = QUERIES[name]
    bindings = bind_values(query, {}, vocab)
    results = {e: engines[e].select(query.text, bindings) for e in ENGINES}  # type: ignore[attr-defined]
    reference = results["rdflib"]
    assert reference.columns == query.columns
    ref_rows = normalised(reference)
    for engine in ENGINES[1:]:
        got = results[engine]
        assert got.columns == reference.columns, engine
        rows = normalised(got)
        if is_ordered(query):
            assert rows == ref_rows, f"{name}: {engine} differs from rdflib (order matters)"
        else:
            assert Counter(rows) == Counter(ref_rows), f"{name}: {engine} differs from rdflib"
    # Most queries must say something about the shipped data, or the comparison proves little.
    # (Counting facts only, the digest has no risk factor of an infant death and no pair of risk
    # factors in two reviews.)
    assert ref_rows or name in {"risk-factor-pairs", "risk-factors-in-infant-deaths"}, \
        f"{name} is empty on every engine"


def test_cross_engine_comparison_covers_real_answers(engines: dict[str, object],
                                                     vocab: Vocabulary) -> None:
    """Guard against a vacuous pass: the comparisons above saw many rows and every kind of term."""
    kinds: Counter[str] = Counter()
    for query in QUERIES.values():
        res = engines["server"].select(query.text, bind_values(query, {}, vocab))  # type: ignore[attr-defined]
        for row in res.rows:
            for v in row:
                n = norm(v)
                kinds[n[0] if n[0] != "literal" else "lang" if n[2].startswith("@")
                      else n[2].rsplit("#", 1)[-1]] += 1
    assert kinds["iri"] > 100 and kinds["string"] > 100 and kinds["integer"] > 10
    assert kinds["lang"] > 10 and kinds["unbound"] > 0


def test_endpoint_without_the_graph_sees_an_empty_default_graph(shared_server: Endpoint,
                                                                pushed_graph: str) -> None:
    """Oxigraph's default graph is not the union: queries must name the pushed graph."""
    q = QUERIES["cases"]
    assert EndpointEngine(shared_server.query, default_graph=pushed_graph).select(q.text, {}).rows
    other = "https://w3id.org/casegraph/graph/none-" + secrets.token_hex(4)
    assert EndpointEngine(shared_server.query, default_graph=other).select(q.text, {}).rows == []


def test_endpoint_errors_are_one_line_query_errors(shared_server: Endpoint) -> None:
    port = oxigraph_server.free_port()
    with pytest.raises(QueryError) as info:
        EndpointEngine(f"http://127.0.0.1:{port}/query", timeout=2).select(QUERIES["cases"].text, {})
    assert "\n" not in str(info.value)
    with pytest.raises(QueryError, match="does not parse"):
        EndpointEngine(shared_server.query).select("SELECT * WHERE { ?s ?p }", {})
    with pytest.raises(QueryError, match="SELECT"):
        EndpointEngine(shared_server.query).select("ASK WHERE { ?s ?p ?o }", {})
    with pytest.raises(CasegraphError):
        EndpointEngine("file:///etc/passwd")
    with pytest.raises(CasegraphError):
        EndpointEngine(shared_server.query, timeout=0)


def test_endpoint_timeout_is_honoured_below_one_second() -> None:
    """SPARQLWrapper's setTimeout() would truncate 0.5 to 0, which means no timeout at all."""
    import socket
    import time

    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        t0 = time.perf_counter()
        with pytest.raises(QueryError, match=r"0\.5 s"):
            EndpointEngine(url, timeout=0.5).select(QUERIES["cases"].text, {})
        assert time.perf_counter() - t0 < 3


def test_endpoint_sends_the_bearer_token(monkeypatch: pytest.MonkeyPatch) -> None:
    import http.server
    import threading

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append(self.headers.get("Authorization", ""))
            body = f"bad token {seen[-1]}".encode()
            self.send_response(401)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        token = "secret-" + secrets.token_hex(8)
        monkeypatch.setenv("CASEGRAPH_TOKEN", token)
        with pytest.raises(QueryError) as info:
            EndpointEngine(f"http://127.0.0.1:{httpd.server_address[1]}/query",
                           timeout=5).select(QUERIES["cases"].text, {})
        assert seen == [f"Bearer {token}"]
        assert token not in str(info.value)
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_cli_query_through_the_endpoint(shared_server: Endpoint, built_ttl: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """``casegraph query --endpoint`` on a server whose *default* graph holds the build."""
    import urllib.request

    import pyoxigraph as ox

    nt = ox.serialize(ox.parse(path=str(built_ttl), format=ox.RdfFormat.TURTLE),
                      format=ox.RdfFormat.N_TRIPLES)
    rows = oxigraph_server.sparql_select(shared_server.query,
                                         "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert rows[0]["n"]["value"] == "0", "the server's default graph is in use; cannot test safely"
    req = urllib.request.Request(shared_server.store + "?default", data=nt, method="PUT",
                                 headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(req, timeout=60).close()
    try:
        assert main(["query", "cases", "--endpoint", shared_server.query, "--format", "csv"]) == 0
        out = capsys.readouterr().out
        assert main(["query", "cases", "--data", str(built_ttl), "--format", "csv"]) == 0
        assert out == capsys.readouterr().out and out.count("\n") > 3
    finally:
        oxigraph_server.sparql_update(shared_server.update, "DROP SILENT DEFAULT")


def test_cli_push_then_query_the_named_graph(shared_server: Endpoint, built_ttl: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The analyst's path: ``push --graph IRI`` then ``query --endpoint URL --graph IRI``."""
    graph = "https://w3id.org/casegraph/graph/test-cli-" + secrets.token_hex(6)
    assert main(["push", "--endpoint", shared_server.base, "--graph", graph,
                 "--data", str(built_ttl)]) == 0
    capsys.readouterr()
    try:
        assert main(["query", "cases", "--endpoint", shared_server.query, "--graph", graph,
                     "--format", "csv"]) == 0
        out = capsys.readouterr().out
        assert main(["query", "cases", "--data", str(built_ttl), "--format", "csv"]) == 0
        assert out == capsys.readouterr().out and out.count("\n") == 7
    finally:
        shared_server.drop(graph)


# ----------------------------------------------------------------------------- persistent store


def test_fill_store_bulk_loads_and_replaces_whole(tmp_path: Path, built_ttl: Path) -> None:
    store_dir = tmp_path / "store"
    n = fill_store(store_dir, built_ttl)
    assert n == len(OxigraphEngine(store_dir, read_only=True)) > 1000
    small = tmp_path / "small.nt"
    small.write_text('<https://w3id.org/casegraph/id/x> <https://w3id.org/casegraph/ontology#p> "1" .\n',
                     encoding="utf-8")
    assert fill_store(store_dir, small) == 1  # replaced, not added to
    # A failed load leaves the previous store as it was (the bulk loader is not transactional).
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://w3id.org/casegraph/id/x> <p> .\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match="not valid RDF"):
        fill_store(store_dir, broken)
    assert len(OxigraphEngine(store_dir, read_only=True)) == 1
    # No leftovers: the one hidden store is the one the link points at (see fill_store).
    hidden = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".store"))
    assert hidden == [store_dir.resolve().name]


def test_fill_store_refuses_a_directory_that_is_not_a_store(tmp_path: Path, built_ttl: Path) -> None:
    precious = tmp_path / "home"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not delete", encoding="utf-8")
    with pytest.raises(CasegraphError, match="not an Oxigraph store"):
        fill_store(precious, built_ttl)
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "do not delete"


def test_cli_build_store_then_query_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from casegraph.core.resources import default_sources

    out, store = tmp_path / "out", tmp_path / "store"
    assert main(["build", str(default_sources()), "--out", str(out), "--store", str(store), "-q"]) == 0
    capsys.readouterr()
    assert main(["query", "learning", "--store", str(store), "--format", "csv"]) == 0
    from_store = capsys.readouterr().out
    assert main(["query", "learning", "--data", str(out / "casegraph.ttl"), "--format", "csv",
                 "--engine", "rdflib"]) == 0
    assert from_store == capsys.readouterr().out and from_store.count("\n") > 5
