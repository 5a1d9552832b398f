"""A real Oxigraph SPARQL server for tests: start on 127.0.0.1, wait until it answers, stop.

Why a real server and not a mock: the point of the endpoint tests is that our HTTP, Graph
Store Protocol and SPARQL Update requests work against an actual SPARQL 1.1 implementation,
and the fault tests need a server that can be killed and restarted on the same data
directory to show what survived.

- :class:`OxigraphServer` runs ``oxigraph serve --location DIR --bind 127.0.0.1:PORT``.
- :func:`shared_server` (session fixture) is the server most tests use.  If
  ``CASEGRAPH_TEST_ENDPOINT`` is set (``.ci/run`` starts one) its base URL is used instead;
  tests then write only to graphs with random names.
- :func:`server_factory` starts private servers (fault tests kill them) and stops them all at
  teardown.

The ``oxigraph`` binary comes with the test extra (PyPI package ``oxigraph``); it is looked
for next to the running Python, then on ``PATH``.  If it is missing the tests *fail* with a
message saying how to install it: skipping would let CI pass without ever testing a server.

Test modules use the fixtures by importing them (``from oxigraph_server import
shared_server``): pytest registers fixtures found in a test module's namespace.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ENV_ENDPOINT = "CASEGRAPH_TEST_ENDPOINT"


def find_oxigraph() -> str:
    """Path of the ``oxigraph`` server binary, or fail the test run with how to get it."""
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    pytest.fail("the 'oxigraph' server binary is missing: install the test extra "
                "(pip install -e '.[test]', which includes the PyPI package 'oxigraph')",
                pytrace=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sparql_select(query_url: str, query: str, timeout: float = 30.0) -> list[dict]:
    """Raw SPARQL JSON bindings from ``query_url`` (test helper, no casegraph code involved)."""
    body = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(query_url, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return list(json.loads(resp.read())["results"]["bindings"])


def sparql_update(update_url: str, update: str, timeout: float = 60.0) -> None:
    req = urllib.request.Request(update_url, data=update.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-update"})
    with urllib.request.urlopen(req, timeout=timeout):
        pass


@dataclass
class Endpoint:
    """A running SPARQL server's base URL and its Oxigraph-layout service URLs."""

    base: str

    @property
    def query(self) -> str:
        return self.base + "/query"

    @property
    def update(self) -> str:
        return self.base + "/update"

    @property
    def store(self) -> str:
        return self.base + "/store"

    def named_graphs(self) -> set[str]:
        rows = sparql_select(self.query, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return {r["g"]["value"] for r in rows}

    def count(self, graph: str | None = None) -> int:
        """Triples in one named graph, or (``None``) in the whole dataset."""
        if graph is None:
            q = ("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
                 "{ GRAPH ?g { ?s ?p ?o } } }")
        else:
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        return int(sparql_select(self.query, q)[0]["n"]["value"])

    def graph_ntriples(self, graph: str) -> set[str]:
        """The named graph's triples as canonical N-Triples lines (via the Graph Store)."""
        import pyoxigraph as ox

        url = self.store + "?" + urllib.parse.urlencode({"graph": graph})
        req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                data = resp.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return set()
            raise
        return {str(t) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}

    def drop(self, graph: str) -> None:
        sparql_update(self.update, f"DROP SILENT GRAPH <{graph}>")


class OxigraphServer(Endpoint):
    """One ``oxigraph serve`` process on 127.0.0.1 with its own data directory."""

    def __init__(self, location: Path, port: int | None = None):
        self.location = Path(location)
        self.port = port or free_port()
        self.binary = find_oxigraph()
        self.log = self.location.with_name(self.location.name + ".log")
        self.proc: subprocess.Popen[bytes] | None = None
        super().__init__(f"http://127.0.0.1:{self.port}")

    def start(self, wait: float = 30.0) -> OxigraphServer:
        """Start (or restart, on the same directory and port) and wait until queries work."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--location", str(self.location),
                 "--bind", f"127.0.0.1:{self.port}"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self.proc.returncode}: "
                                   f"{self.log.read_text(errors='replace')[-2000:]}")
            with contextlib.suppress(OSError):
                sparql_select(self.query, "SELECT * WHERE {} LIMIT 1", timeout=1)
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer on {self.base} within {wait} s")

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL: the crash a fault test wants (no shutdown, no flush)."""
        if self.alive:
            assert self.proc is not None
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.alive:
            assert self.proc is not None
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def start_server(location: Path | None = None) -> OxigraphServer:
    return OxigraphServer(location or Path(tempfile.mkdtemp(prefix="oxigraph-test-")) / "data").start()


_SHARED: OxigraphServer | None = None


@pytest.fixture(scope="session")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    """The session's SPARQL server: ``$CASEGRAPH_TEST_ENDPOINT``, or one started here.

    Several test modules import this fixture, which pytest treats as separate definitions;
    the module-level cache keeps it to one server per session.
    """
    global _SHARED
    url = os.environ.get(ENV_ENDPOINT)
    if url:
        yield Endpoint(url.rstrip("/"))
        return
    find_oxigraph()
    if _SHARED is None or not _SHARED.alive:
        _SHARED = OxigraphServer(tmp_path_factory.mktemp("oxigraph-shared") / "data").start()
    yield _SHARED
    if _SHARED is not None:
        _SHARED.stop()
        _SHARED = None


@pytest.fixture(scope="module")
def pushed_graph(shared_server: Endpoint, built_ttl: Path, request: pytest.FixtureRequest
                 ) -> Iterator[str]:
    """The main build pushed to a fresh named graph of the shared server, dropped afterwards."""
    import secrets

    from casegraph.store.push import push_graph

    name = request.module.__name__.replace("_", "-")
    graph = f"https://w3id.org/casegraph/graph/{name}-{secrets.token_hex(6)}"
    push_graph(built_ttl, shared_server.base, graph, timeout=60)
    yield graph
    shared_server.drop(graph)


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[[], OxigraphServer]]:
    """Start private servers (``server_factory()``); all are stopped at teardown."""
    started: list[OxigraphServer] = []

    def make() -> OxigraphServer:
        server = OxigraphServer(tmp_path / f"oxigraph-{len(started)}").start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()
