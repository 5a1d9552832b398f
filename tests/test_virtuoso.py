"""``push`` and ``query --endpoint`` on a second real server: Virtuoso Open Source 7 (Debian).

``.ci/run`` starts Virtuoso on 127.0.0.1 with its own database and sets
``CASEGRAPH_TEST_VIRTUOSO`` (the base URL), ``CASEGRAPH_TEST_VIRTUOSO_USER`` and
``..._PASSWORD`` (a test-only account that may update through ``/sparql-auth`` and
``/sparql-graph-crud-auth``, switched to basic auth) and ``CASEGRAPH_REQUIRE_VIRTUOSO=1``.
Without the URL these tests are skipped; with ``CASEGRAPH_REQUIRE_VIRTUOSO=1`` a missing or
unreachable server fails them instead, so CI can never pass without testing Virtuoso.

What is atomic on Virtuoso 7.2 (DECISIONS 42), each fact pinned by a test below:

- adding one triple: readers see it or not.  A versioned push (``--versioned``) makes a new
  version current with exactly that, so it is atomic for readers that follow the pointer;
- not a multi-operation update: when one operation fails, those before it stay committed;
- not a Graph Store ``PUT``: it clears the graph and commits before loading, so a load that
  fails midway leaves half the new graph and none of the old;
- not a replacement in place against readers: readers run at READ COMMITTED without a
  snapshot, and a query scanning a graph while a 100,000-triple move committed saw 88,152 old
  triples and no new ones.  That measurement takes minutes, so it is stated, not tested here.

Graphs written here have random names and are dropped afterwards.  Invented data only.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from oxigraph_server import free_port, sparql_select
from test_push import FaultProxy, Seen, first_of

from casegraph.cli.main import main
from casegraph.core.errors import PushError, QueryError
from casegraph.store import versions
from casegraph.store.engines import EndpointEngine
from casegraph.store.http import Endpoints, request
from casegraph.store.push import lock_graph, push_graph

pytestmark = pytest.mark.server

ENV_URL, ENV_USER, ENV_PASSWORD = ("CASEGRAPH_TEST_VIRTUOSO", "CASEGRAPH_TEST_VIRTUOSO_USER",
                                   "CASEGRAPH_TEST_VIRTUOSO_PASSWORD")
ENV_REQUIRE = "CASEGRAPH_REQUIRE_VIRTUOSO"
INVENTED = "https://w3id.org/casegraph/id/invented"


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso's base URL and the test account."""

    base: str
    user: str
    password: str

    @property
    def query(self) -> str:
        return self.base + "/sparql"

    @property
    def endpoints(self) -> Endpoints:
        return Endpoints(self.base + "/sparql", self.base + "/sparql-auth",
                         self.base + "/sparql-graph-crud-auth")

    def env(self) -> dict[str, str]:
        return {"CASEGRAPH_USER": self.user, "CASEGRAPH_PASSWORD": self.password}

    def cli_urls(self) -> list[str]:
        eps = self.endpoints
        return ["--endpoint", self.base, "--query-url", eps.query, "--update-url", eps.update,
                "--store-url", eps.store]

    def update(self, text: str) -> None:
        """A raw SPARQL Update as the test account (no casegraph code involved)."""
        req = urllib.request.Request(self.endpoints.update, data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update",
                                              **_basic(self)})
        urllib.request.urlopen(req, timeout=60).close()

    def put(self, graph: str, ntriples: str) -> int:
        """A raw Graph Store PUT; the HTTP status."""
        url = self.endpoints.store + "?" + urllib.parse.urlencode({"graph": graph})
        req = urllib.request.Request(url, data=ntriples.encode(), method="PUT", headers={
            "Content-Type": "application/n-triples", **_basic(self)})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return int(resp.status)
        except urllib.error.HTTPError as exc:
            return exc.code

    def graph(self, graph: str) -> set[str]:
        """A named graph's triples as canonical N-Triples lines (Graph Store GET)."""
        url = self.base + "/sparql-graph-crud?" + urllib.parse.urlencode({"graph": graph})
        req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                data = resp.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return set()
            raise
        return {str(t) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}

    def graphs_named(self, prefix: str) -> set[str]:
        rows = sparql_select(self.query, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                         f'FILTER (STRSTARTS(STR(?g), "{prefix}")) }}')
        return {r["g"]["value"] for r in rows}

    def drop_all(self, target: str) -> None:
        """Drop every graph a push to ``target`` may have made."""
        for g in self.graphs_named(target) | {target}:
            self.update(f"DROP SILENT GRAPH <{g}>")


def _basic(v: Virtuoso) -> dict[str, str]:
    import base64

    pair = base64.b64encode(f"{v.user}:{v.password}".encode()).decode()
    return {"Authorization": f"Basic {pair}"}


def virtuoso_from_env(environ: Mapping[str, str]) -> Virtuoso:
    """The server named by the environment, or skip (not configured) or fail (required, or
    named but not answering: a configured server that is down is a broken CI, not a skip)."""
    url = environ.get(ENV_URL, "").rstrip("/")
    required = environ.get(ENV_REQUIRE) == "1"
    if not url:
        if required:
            pytest.fail(f"{ENV_REQUIRE}=1 but {ENV_URL} is not set: .ci/run starts Virtuoso and "
                        "sets it", pytrace=False)
        pytest.skip(f"{ENV_URL} is not set (.ci/run starts Virtuoso from Debian's "
                    "virtuoso-opensource-7-bin and sets it, with the test account)")
    try:
        sparql_select(url + "/sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", timeout=5)
    except (OSError, ValueError, KeyError) as exc:
        pytest.fail(f"Virtuoso at {url} does not answer ({exc}); is it running?", pytrace=False)
    if not environ.get(ENV_USER):
        pytest.fail(f"{ENV_URL} is set but {ENV_USER}/{ENV_PASSWORD} are not", pytrace=False)
    return Virtuoso(url, environ[ENV_USER], environ.get(ENV_PASSWORD, ""))


@pytest.fixture(scope="module")
def virtuoso() -> Virtuoso:
    return virtuoso_from_env(os.environ)


@pytest.fixture(autouse=True)
def _as_test_account(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """casegraph reads its credentials from the environment: the test account's, for every test
    that uses the server."""
    if "virtuoso" in request.fixturenames:
        for name, value in request.getfixturevalue("virtuoso").env().items():
            monkeypatch.setenv(name, value)


def new_graph() -> str:
    return f"https://w3id.org/casegraph/graph/test-virtuoso-{secrets.token_hex(6)}"


def invented(path: Path, label: str, n: int) -> Path:
    """An invented graph of ``n`` triples whose subjects all carry ``label``."""
    path.write_text("".join(f'<{INVENTED}/{label}/s{i // 10}> <{INVENTED}/p{i % 10}> '
                            f'"invented {label} {i} \\"é\\""^^<http://www.w3.org/2001/XMLSchema#string> .\n'
                            for i in range(n)), encoding="utf-8")
    return path


def lines_of(path: Path) -> set[str]:
    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    return {str(t) for t in ox.parse(path=str(path), format=fmt)}


def current(v: Virtuoso, target: str) -> str | None:
    return versions.current(target, versions.list_versions(v.query, target, 30))


@pytest.fixture(scope="module")
def pushed(virtuoso: Virtuoso, built_ttl: Path) -> Iterator[str]:
    """The build pushed once with the CLI, versioned, to a fresh graph."""
    target = new_graph()
    with pytest.MonkeyPatch.context() as mp:
        for name, value in virtuoso.env().items():
            mp.setenv(name, value)
        assert main(["push", *virtuoso.cli_urls(), "--graph", target, "--data", str(built_ttl),
                     "--versioned"]) == 0
    yield target
    virtuoso.drop_all(target)


# ----------------------------------------------------------------------------- the analyst's path


def test_push_then_query_cases_gives_the_embedded_rows(virtuoso: Virtuoso, pushed: str,
                                                       built_ttl: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    version = current(virtuoso, pushed)
    assert version is not None and version.startswith(pushed + "-casegraph-v")
    assert virtuoso.graph(version) == lines_of(built_ttl)  # every triple, every lexical form
    assert virtuoso.graph(pushed) == set()  # readers are sent to the version, never here
    capsys.readouterr()
    for name in ("cases", "recommendations"):
        assert main(["query", name, "--endpoint", virtuoso.base, "--query-url", virtuoso.query,
                     "--graph", pushed, "--format", "csv"]) == 0
        remote = capsys.readouterr().out
        assert main(["query", name, "--data", str(built_ttl), "--format", "csv"]) == 0
        assert remote == capsys.readouterr().out and remote.count("\n") > 5, name


def test_booleans_come_back_in_canonical_form(virtuoso: Virtuoso, pushed: str,
                                              built_ttl: Path) -> None:
    """Virtuoso keeps xsd:boolean as an integer and answers "0"/"1"; the endpoint engine gives
    the canonical "false"/"true" that the build wrote and every other engine returns."""
    from casegraph.core.namespaces import XSD
    from casegraph.extract.vocab import default_vocabulary
    from casegraph.store.engines import open_engine
    from casegraph.store.queries import bind_values, saved_queries

    query = saved_queries()["review-evidence"]
    bindings = bind_values(query, {}, default_vocabulary())
    remote = EndpointEngine(virtuoso.base, query_url=virtuoso.query,
                            default_graph=pushed).select(query.text, bindings)
    local = open_engine("oxigraph", built_ttl).select(query.text, bindings)
    assert remote.rows == local.rows
    booleans = {str(term) for row in remote.rows for term in row
                if getattr(term, "datatype", None) == XSD.boolean}
    assert booleans == {"false", "true"}  # curated and extracted evidence: both forms seen


def test_a_result_cut_by_the_server_is_an_error(virtuoso: Virtuoso, pushed: str) -> None:
    """Virtuoso cuts results at ResultSetMaxRows (10,000 in .ci/run, Debian's default) and says
    so only in a header: the build's 6,000-odd triples twice over must fail, not come back cut."""
    engine = EndpointEngine(virtuoso.base, query_url=virtuoso.query, default_graph=pushed)
    once = engine.select("SELECT ?x WHERE { ?s ?p ?o VALUES ?x { 1 } }", {})
    assert 5000 < len(once.rows) < 10_000  # under the limit: the whole answer, no error
    with pytest.raises(QueryError, match="cut the result at 10000 rows"):
        engine.select("SELECT ?x WHERE { ?s ?p ?o VALUES ?x { 1 2 } }", {})


def test_a_second_push_replaces_the_graph(virtuoso: Virtuoso, tmp_path: Path) -> None:
    target = new_graph()
    files = [invented(tmp_path / f"{k}.nt", k, 300 + i) for i, k in enumerate(("first", "second", "third"))]
    try:
        made = [push_graph(f, virtuoso.endpoints, target, 30, versioned=True).version for f in files[:2]]
        engine = EndpointEngine(virtuoso.base, query_url=virtuoso.query, default_graph=target)
        rows = engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {}).rows
        assert int(rows[0][0]) == 301  # the second build only: none of the first's 300
        assert virtuoso.graph(made[1]) == lines_of(files[1])
        assert virtuoso.graph(made[0]) == lines_of(files[0])  # kept for readers still on it
        third = push_graph(files[2], virtuoso.endpoints, target, 30, versioned=True).version
        assert current(virtuoso, target) == third
        assert virtuoso.graph(made[0]) == set()  # two pushes later it is gone, and unlisted
        assert versions.list_versions(virtuoso.query, target, 30) == [made[1], third]
        assert virtuoso.graph(lock_graph(target)) == set()
    finally:
        virtuoso.drop_all(target)


# ----------------------------------------------------------------------------- concurrency


def test_concurrent_pushes_do_not_mix(virtuoso: Virtuoso, tmp_path: Path) -> None:
    """Two CLI pushes at once, while a reader polls through the pointer: every read and the end
    state are one whole build, never a mixture."""
    target = new_graph()
    n = 1000
    files = [invented(tmp_path / f"d{k}.nt", f"d{k}", n) for k in range(2)]
    env = {**os.environ, **virtuoso.env()}
    seen: list[tuple[int, int]] = []
    stop = threading.Event()
    query = ("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?tag) AS ?tags) WHERE { ?s ?p ?o "
             f'BIND (STRBEFORE(STRAFTER(STR(?s), "{INVENTED}/"), "/") AS ?tag) }}')

    def reader() -> None:
        while not stop.is_set():
            engine = EndpointEngine(virtuoso.base, query_url=virtuoso.query, default_graph=target)
            row = engine.select(query, {}).rows[0]
            seen.append((int(row[0]), int(row[1])))

    poller = threading.Thread(target=reader, daemon=True)
    try:
        poller.start()
        procs = [subprocess.Popen([sys.executable, "-m", "casegraph.cli.main", "push",
                                   *virtuoso.cli_urls(), "--graph", target, "--data", str(f),
                                   "--versioned"], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for f in files]
        results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
        stop.set()
        poller.join(30)
        assert any(code == 0 for code, _ in results), results
        for code, err in results:
            assert code == 0 or (code == 1 and "another push" in err), err
        version = current(virtuoso, target)
        assert version is not None
        held = virtuoso.graph(version)
        assert held in [lines_of(f) for f in files], f"mixture: {len(held)} triples"
        assert seen and set(seen) <= {(0, 0), (n, 1)}, f"a reader saw a mixture: {set(seen)}"
        assert virtuoso.graph(lock_graph(target)) == set()
        listed = set(versions.list_versions(virtuoso.query, target, 30))
        assert virtuoso.graphs_named(target + "-casegraph-v0") == listed  # no orphan versions
    finally:
        stop.set()
        virtuoso.drop_all(target)


def test_a_live_lock_is_respected_and_an_expired_one_taken_over(virtuoso: Virtuoso,
                                                                tmp_path: Path) -> None:
    """Virtuoso's NOW() has no timezone and compared as later than any UTC time of the day, so
    every lock looked expired and concurrent pushes mixed; expiry is judged by the pusher's
    clock now.  A lock left by a pusher that died (invented here) lapses, a live one holds."""
    from datetime import UTC, datetime, timedelta

    from casegraph.core.namespaces import CG, XSD_DATETIME

    target = new_graph()
    data = invented(tmp_path / "d.nt", "d", 100)

    def lock_until(delta: timedelta) -> None:
        when = (datetime.now(UTC) + delta).strftime("%Y-%m-%dT%H:%M:%SZ")
        virtuoso.update(f"DROP SILENT GRAPH <{lock_graph(target)}> ;\n"
                        f"INSERT DATA {{ GRAPH <{lock_graph(target)}> {{ <urn:casegraph:push:dead> "
                        f"<{CG.pushLockOn}> <{target}> ; <{CG.pushLockExpires}> "
                        f'"{when}"^^<{XSD_DATETIME}> }} }}')

    try:
        lock_until(timedelta(minutes=30))
        with pytest.raises(PushError, match=r"another push .* is in progress"):
            push_graph(data, virtuoso.endpoints, target, 1.0, versioned=True)
        assert current(virtuoso, target) is None
        lock_until(timedelta(minutes=-1))
        assert push_graph(data, virtuoso.endpoints, target, 30, versioned=True).version
        assert virtuoso.graph(lock_graph(target)) == set()
    finally:
        virtuoso.drop_all(target)


# ----------------------------------------------------------------------------- failures


def _switch(seen: Seen) -> bool:
    return seen.method == "POST" and versions.HAS_VERSION.encode() in seen.body \
        and b"INSERT" in seen.body


@pytest.mark.parametrize("fault, rule, after", [
    ("upload half lost", lambda s: "truncate" if s.method == "PUT" else "forward", "old"),
    ("500 on the switch, not applied", lambda s: "500" if _switch(s) else "forward", "old"),
    ("500 after the switch was applied", lambda s: "forward-500" if _switch(s) else "forward",
     "new"),
])
def test_a_push_that_fails_midway_leaves_the_previous_graph_readable(
        virtuoso: Virtuoso, tmp_path: Path, fault: str, rule: Callable[[Seen], str],
        after: str) -> None:
    target = new_graph()
    old, new = invented(tmp_path / "old.nt", "old", 300), invented(tmp_path / "new.nt", "new", 400)
    proxy = FaultProxy(virtuoso.base, rule)
    via = Endpoints(*(u.replace(virtuoso.base, proxy.base) for u in
                      (virtuoso.endpoints.query, virtuoso.endpoints.update, virtuoso.endpoints.store)))
    try:
        first = push_graph(old, virtuoso.endpoints, target, 30, versioned=True).version
        if after == "old":
            with pytest.raises(PushError, match=f"readers still see <{first}>"):
                push_graph(new, via, target, 30, versioned=True)
        else:  # the answer was lost, but the pointer says the switch happened: a success
            assert push_graph(new, via, target, 30, versioned=True).version != first
        engine = EndpointEngine(virtuoso.base, query_url=virtuoso.query, default_graph=target)
        rows = engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {}).rows
        assert int(rows[0][0]) == (300 if after == "old" else 400), fault
        assert virtuoso.graph(current(virtuoso, target) or "") == lines_of(old if after == "old" else new)
        listed = set(versions.list_versions(virtuoso.query, target, 30))
        assert virtuoso.graphs_named(target + "-casegraph-v0") == listed, f"{fault}: orphan version"
        assert virtuoso.graph(lock_graph(target)) == set()
    finally:
        proxy.close()
        virtuoso.drop_all(target)


def test_a_switch_rolled_back_as_a_deadlock_is_tried_again(virtuoso: Virtuoso, tmp_path: Path) -> None:
    """Virtuoso ends one of two updates that deadlock and rolls it back ("Virtuoso 40001 Error
    SR172: Transaction deadlocked"): CI saw it on the winning push's switch, with another push
    and a reader at work, and the push failed.  The switch is now sent again, and the push ends
    with the new version current, its lock gone and no orphan version."""
    target = new_graph()
    old, new = invented(tmp_path / "old.nt", "old", 300), invented(tmp_path / "new.nt", "new", 400)
    first_switch_deadlocks, failed = first_of(_switch, "deadlock")
    proxy = FaultProxy(virtuoso.base, first_switch_deadlocks)
    via = Endpoints(*(u.replace(virtuoso.base, proxy.base) for u in
                      (virtuoso.endpoints.query, virtuoso.endpoints.update, virtuoso.endpoints.store)))
    try:
        first = push_graph(old, virtuoso.endpoints, target, 30, versioned=True).version
        second = push_graph(new, via, target, 30, versioned=True).version
        assert failed and sum(_switch(s) for s in proxy.seen) == 2
        assert second != first and current(virtuoso, target) == second
        assert virtuoso.graph(second) == lines_of(new)
        assert virtuoso.graph(lock_graph(target)) == set()
        listed = set(versions.list_versions(virtuoso.query, target, 30))
        assert virtuoso.graphs_named(target + "-casegraph-v0") == listed
    finally:
        proxy.close()
        virtuoso.drop_all(target)


# ----------------------------------------------------------------------------- what is atomic


def test_one_failing_operation_keeps_the_operations_before_it(virtuoso: Virtuoso) -> None:
    """Why casegraph never relies on a multi-operation update on Virtuoso: the first operation
    stays although the request failed (its LOAD from a closed port)."""
    graph = new_graph()
    try:
        with pytest.raises(urllib.error.HTTPError):
            virtuoso.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <{INVENTED}/a> <{INVENTED}/p> "1" }} }} ;\n'
                            f"LOAD <http://127.0.0.1:{free_port()}/none> INTO GRAPH <{graph}-load>")
        assert len(virtuoso.graph(graph)) == 1
    finally:
        virtuoso.drop_all(graph)


def test_a_failed_graph_store_put_leaves_half_a_graph(virtuoso: Virtuoso) -> None:
    """Why a push never PUTs onto a graph readers use: the old triples are gone and the new
    ones read before the syntax error stay.  casegraph's message names the loader's error,
    not the doctype of Virtuoso's HTML error page."""
    graph = new_graph()
    line = f'<{INVENTED}/a> <{INVENTED}/p> "{{}}" .\n'
    try:
        assert virtuoso.put(graph, line.format("old 1") + line.format("old 2")) == 201
        bad = line.format("new 1") + line.format("new 2") + f"<{INVENTED}/a> <{INVENTED}/p> .\n"
        assert virtuoso.put(graph, bad) == 500
        assert {t.split(" ", 2)[2] for t in virtuoso.graph(graph)} == {'"new 1"', '"new 2"'}
        url = virtuoso.endpoints.store + "?" + urllib.parse.urlencode({"graph": graph})
        with pytest.raises(PushError, match="HTTP 500") as info:
            request("PUT", url, "uploading", 30, bad.encode(), {"Content-Type": "application/n-triples"})
        assert "DOCTYPE" not in str(info.value) and "loader" in str(info.value).lower()
    finally:
        virtuoso.drop_all(graph)


# ----------------------------------------------------------------------------- in place, and setup


def test_in_place_push_warns_and_a_versioned_graph_refuses_it(
        virtuoso: Virtuoso, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain, versioned = new_graph(), new_graph()
    data = invented(tmp_path / "d.nt", "d", 200)
    try:
        assert main(["push", *virtuoso.cli_urls(), "--graph", plain, "--data", str(data)]) == 0
        err = capsys.readouterr().err
        assert "Virtuoso" in err and "--versioned" in err
        assert virtuoso.graph(plain) == lines_of(data)
        assert main(["push", *virtuoso.cli_urls(), "--graph", versioned, "--data", str(data),
                     "--versioned"]) == 0
        capsys.readouterr()
        assert main(["push", *virtuoso.cli_urls(), "--graph", versioned, "--data", str(data)]) == 1
        assert "published as versions" in capsys.readouterr().err
        assert virtuoso.graph(versioned) == set()
    finally:
        virtuoso.drop_all(plain)
        virtuoso.drop_all(versioned)


def test_a_partial_answer_is_refused() -> None:
    """Virtuoso answers 206 with a partial result when its "anytime" limit strikes; a count
    taken from it would be wrong, so any 206 is an error (runs without a server)."""
    import http.server

    from casegraph.store.push import count_triples

    class Partial(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"value": "7"}}]}}'
            self.send_response(206)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Partial)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with pytest.raises(PushError, match=r"HTTP 206 .* partial result"):
            count_triples(Endpoints(base, base, base), new_graph(), 5)
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_server_is_required_when_ci_says_so() -> None:
    """Runs without a server: the decisions of the ``virtuoso`` fixture itself."""
    with pytest.raises(pytest.skip.Exception):
        virtuoso_from_env({})
    with pytest.raises(pytest.fail.Exception, match="is not set"):
        virtuoso_from_env({ENV_REQUIRE: "1"})
    with pytest.raises(pytest.fail.Exception, match="does not answer"):
        virtuoso_from_env({ENV_URL: f"http://127.0.0.1:{free_port()}", ENV_USER: "u"})
