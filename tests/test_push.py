"""``casegraph push``: atomic replacement of a named graph on a real Oxigraph server.

Every fault test has the same shape: put an *old* graph on the target, push a *new* one while
something goes wrong, then read the target back from a real server and require it to be
exactly the old triples or exactly the new ones (never a mixture, never empty), and require
that no staging graph is left behind when the server is alive.

Faults come from (a) killing the private server process at a precise moment (the ``hook`` and
``progress`` callbacks of :func:`push_graph` say when), and (b) a small threaded HTTP proxy in
front of the server that forwards requests but answers 500, sleeps past the client's timeout,
or drops part of an upload.  The proxy is a fault injector; the server behind it is real.
"""

from __future__ import annotations

import http.server
import os
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import oxigraph_server
import pyoxigraph as ox
import pytest
from oxigraph_server import Endpoint, OxigraphServer, free_port

from casegraph.cli.main import main
from casegraph.core.errors import CasegraphError, PushError
from casegraph.store.http import Endpoints, derive_endpoints, redact
from casegraph.store.push import lock_graph, push_graph

pytestmark = pytest.mark.server

# pytest finds fixtures by name in the test module's namespace.
shared_server = oxigraph_server.shared_server
server_factory = oxigraph_server.server_factory

GRAPH_BASE = "https://w3id.org/casegraph/graph/test-"


def new_graph_iri() -> str:
    return GRAPH_BASE + secrets.token_hex(6)


def ntriples_of(path: Path) -> set[str]:
    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    return {str(t) for t in ox.parse(path=str(path), format=fmt)}


def write_generated(path: Path, triples: int, label: str) -> Path:
    """A graph of ``triples`` distinct triples (N-Triples), different for each ``label``."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(triples):
            fh.write(f"<https://w3id.org/casegraph/id/review/{label}-{i // 25}> "
                     f"<https://w3id.org/casegraph/ontology#p{i % 25}> "
                     f'"{label} value {i} \\"quoted\\" \\u00e9"'
                     "^^<http://www.w3.org/2001/XMLSchema#string> .\n")
    return path


def staging_graphs(server: Endpoint, target: str) -> set[str]:
    return {g for g in server.named_graphs() if g.startswith(target + "-staging-")}


@pytest.fixture(scope="module")
def old_nt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_generated(tmp_path_factory.mktemp("old") / "old.nt", 300, "old")


@pytest.fixture(scope="module")
def big_nt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Big enough that an upload and a MOVE take long enough to be interrupted (~1-2 s)."""
    return write_generated(tmp_path_factory.mktemp("big") / "big.nt", 25_000, "new")


# ----------------------------------------------------------------------------- a fault proxy


@dataclass
class Seen:
    method: str
    path: str
    body: bytes


#: Virtuoso's answer to an update it rolled back because two transactions deadlocked (CI saw it
#: on a versioned push's switch while another push and a reader ran).
VIRTUOSO_DEADLOCK = b"Virtuoso 40001 Error SR172: Transaction deadlocked\n"


@dataclass
class FaultProxy:
    """A threaded HTTP proxy to ``upstream`` whose ``rule`` may turn any request into a fault.

    ``rule(seen)`` returns one of: ``"forward"``; ``"500"`` (answer 500, do not forward);
    ``"forward-500"`` (forward, then answer 500 anyway); ``"forward-sleep"`` (forward, then
    hold the answer for ``sleep`` seconds); ``"truncate"`` (forward only the first half of
    the body's lines); ``"deadlock"`` (answer 500 with Virtuoso's words for an update it rolled
    back as a deadlock, do not forward).
    """

    upstream: str
    rule: Callable[[Seen], str]
    sleep: float = 3.0
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, body)
                proxy.seen.append(seen)
                action = proxy.rule(seen)
                if action == "500":
                    return self._reply(500, b"injected failure\n", "text/plain")
                if action == "deadlock":
                    return self._reply(500, VIRTUOSO_DEADLOCK, "text/plain")
                if action == "truncate":
                    lines = body.splitlines(keepends=True)
                    body = b"".join(lines[: len(lines) // 2])
                status, data, ctype = self._forward(body)
                if action == "forward-500":
                    return self._reply(500, b"injected failure after forwarding\n", "text/plain")
                if action == "forward-sleep":
                    time.sleep(proxy.sleep)
                self._reply(status, data, ctype)

            def _forward(self, body: bytes) -> tuple[int, bytes, str]:
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() in ("content-type", "accept", "authorization")}
                req = urllib.request.Request(proxy.upstream + self.path, method=self.command,
                                             data=body if self.command in ("PUT", "POST") else None,
                                             headers=headers)
                try:
                    with urllib.request.urlopen(req, timeout=120) as resp:
                        return resp.status, resp.read(), resp.headers.get("Content-Type", "")
                except urllib.error.HTTPError as exc:
                    return exc.code, exc.read(), exc.headers.get("Content-Type", "")

            def _reply(self, status: int, data: bytes, ctype: str) -> None:
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (timeout test)

            do_GET = do_PUT = do_POST = do_DELETE = _handle

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def first_of(kind: Callable[[Seen], bool], action: str) -> tuple[Callable[[Seen], str], list[Seen]]:
    """A proxy rule that answers the first request of ``kind`` with ``action`` and forwards every
    other one, and the list that request is put in (a test checks it was sent at all)."""
    faulted: list[Seen] = []

    def rule(seen: Seen) -> str:
        if kind(seen) and not faulted:
            faulted.append(seen)
            return action
        return "forward"

    return rule, faulted


@pytest.fixture
def proxy_to(request: pytest.FixtureRequest) -> Iterator[Callable[..., FaultProxy]]:
    made: list[FaultProxy] = []

    def make(upstream: str, rule: Callable[[Seen], str], sleep: float = 3.0) -> FaultProxy:
        p = FaultProxy(upstream, rule, sleep)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


def is_put(seen: Seen) -> bool:
    return seen.method == "PUT"


def is_move(seen: Seen) -> bool:
    # The move is a lock-guarded DELETE/INSERT ending with the staging graph's DROP (push.py).
    return seen.method == "POST" and b"INSERT" in seen.body and b"DROP SILENT GRAPH" in seen.body


def is_count(seen: Seen) -> bool:
    return seen.method == "POST" and b"COUNT" in seen.body


# ----------------------------------------------------------------------------- happy paths


def test_push_replaces_the_target_exactly(shared_server: Endpoint, built_ttl: Path,
                                          old_nt: Path) -> None:
    target = new_graph_iri()
    try:
        first = push_graph(old_nt, shared_server.base, target, timeout=30)
        assert first.triples == 300
        assert shared_server.graph_ntriples(target) == ntriples_of(old_nt)
        result = push_graph(built_ttl, shared_server.base, target, timeout=30)
        expected = ntriples_of(built_ttl)
        assert result.triples == len(expected) > 1000
        assert shared_server.graph_ntriples(target) == expected  # old triples all gone
        assert staging_graphs(shared_server, target) == set()
        assert list(result.timings) == ["parsed", "locked", "uploading", "uploaded", "counted", "moved",
                                        "verified"]
    finally:
        shared_server.drop(target)


def test_push_accepts_an_rdflib_graph(shared_server: Endpoint, built) -> None:  # type: ignore[no-untyped-def]
    target = new_graph_iri()
    try:
        result = push_graph(built.graph, shared_server.query, target, timeout=30)  # .../query works
        assert result.triples == len(built.graph)
        assert shared_server.count(target) == len(built.graph)
    finally:
        shared_server.drop(target)


def test_cli_push_exit_codes(shared_server: Endpoint, built_ttl: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    target = new_graph_iri()
    try:
        assert main(["push", "--endpoint", shared_server.base, "--graph", target,
                     "--data", str(built_ttl), "--timeout", "30"]) == 0
        out = capsys.readouterr().out
        assert f"<{target}>" in out and "triples" in out
        assert shared_server.count(target) == len(ntriples_of(built_ttl))
        # input errors: exit 2, nothing sent
        bad = tmp_path / "bad.ttl"
        bad.write_text("<a> <b> .\n", encoding="utf-8")
        assert main(["push", "--endpoint", shared_server.base, "--graph", target,
                     "--data", str(bad)]) == 2
        assert main(["push", "--endpoint", shared_server.base, "--graph", "not an iri",
                     "--data", str(built_ttl)]) == 2
        assert main(["push", "--endpoint", "ftp://x", "--graph", target,
                     "--data", str(built_ttl)]) == 2
        empty = tmp_path / "empty.nt"
        empty.write_text("", encoding="utf-8")
        assert main(["push", "--endpoint", shared_server.base, "--graph", target,
                     "--data", str(empty)]) == 2
        # a server that is not there: exit 1, one line
        capsys.readouterr()
        assert main(["push", "--endpoint", f"http://127.0.0.1:{free_port()}", "--graph", target,
                     "--data", str(built_ttl), "--timeout", "5"]) == 1
        err = capsys.readouterr().err
        assert "connection refused" in err and len(err.strip().splitlines()) == 1
        # the target survived all of that
        assert shared_server.count(target) == len(ntriples_of(built_ttl))
    finally:
        shared_server.drop(target)


def test_endpoint_urls_are_derived_for_oxigraph_and_overridable() -> None:
    eps = derive_endpoints("http://h:7878/")
    assert eps == Endpoints("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")
    assert derive_endpoints("http://h:7878/query") == eps
    fuseki = derive_endpoints("http://h:3030/ds", "http://h:3030/ds/query", "http://h:3030/ds/update",
                              "http://h:3030/ds/data")
    assert fuseki.store == "http://h:3030/ds/data"
    with pytest.raises(CasegraphError, match="credentials"):
        derive_endpoints("http://user:secret@h:7878")
    with pytest.raises(CasegraphError):
        derive_endpoints("localhost:7878")


# ----------------------------------------------------------------------------- faults via proxy


@dataclass
class Scene:
    server: OxigraphServer
    target: str
    old: set[str]
    new: set[str]

    def state(self) -> str:
        got = self.server.graph_ntriples(self.target)
        if got == self.old:
            return "old"
        if got == self.new:
            return "new"
        return f"MIXED ({len(got)} triples; old {len(self.old)}, new {len(self.new)})"

    def staging(self) -> set[str]:
        return staging_graphs(self.server, self.target)


@pytest.fixture
def scene(server_factory: Callable[[], OxigraphServer], old_nt: Path,
          built_ttl: Path) -> Scene:
    server = server_factory()
    target = new_graph_iri()
    push_graph(old_nt, server.base, target, timeout=30)
    s = Scene(server, target, ntriples_of(old_nt), ntriples_of(built_ttl))
    assert s.state() == "old"
    return s


@pytest.fixture(scope="module")
def built_nt(built_ttl: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build as N-Triples, so the "truncate" fault cuts the upload at line boundaries."""
    nt = tmp_path_factory.mktemp("nt") / "casegraph.nt"
    nt.write_bytes(ox.serialize(ox.parse(path=str(built_ttl), format=ox.RdfFormat.TURTLE),
                                format=ox.RdfFormat.N_TRIPLES))
    return nt


@pytest.mark.parametrize("fault, rule, after, says", [
    ("500 on upload, nothing stored", lambda s: "500" if is_put(s) else "forward", "old",
     "HTTP 500"),
    ("500 after the upload was stored", lambda s: "forward-500" if is_put(s) else "forward", "old",
     "unchanged"),
    ("upload half lost (count mismatch)", lambda s: "truncate" if is_put(s) else "forward", "old",
     "expected"),
    ("500 on the count query", lambda s: "500" if is_count(s) else "forward", "old", "unchanged"),
    ("500 on MOVE, not applied", lambda s: "500" if is_move(s) else "forward", "old",
     "may or may not"),
    ("500 after MOVE was applied", lambda s: "forward-500" if is_move(s) else "forward", "new",
     "may or may not"),
])
def test_http_faults_leave_old_or_new_and_no_staging(scene: Scene, proxy_to: Callable[..., FaultProxy],
                                                     built_nt: Path, fault: str,
                                                     rule: Callable[[Seen], str], after: str,
                                                     says: str) -> None:
    proxy = proxy_to(scene.server.base, rule)
    with pytest.raises(PushError) as info:
        push_graph(built_nt, proxy.base, scene.target, timeout=30)
    message = str(info.value)
    assert "\n" not in message
    assert says in message
    assert scene.state() == after, fault
    assert scene.staging() == set(), f"{fault}: staging graph left behind"


def is_release(seen: Seen) -> bool:
    # The release deletes our own lock node only (push._release_lock); taking it is DELETE {...}.
    return seen.method == "POST" and seen.body.startswith(b"DELETE WHERE") and b"casegraph-lock" in seen.body


def is_lock_taking(seen: Seen) -> bool:
    # Taking the lock deletes expired locks and inserts ours, with its expiry, where none is
    # (push._acquire_lock); no other update names the expiry.
    return seen.method == "POST" and seen.body.startswith(b"DELETE {") and b"pushLockExpires" in seen.body


@pytest.mark.parametrize(("kind", "fault"), [(is_release, "500"), (is_lock_taking, "deadlock")],
                         ids=["failed-release", "deadlocked-lock-taking"])
def test_a_faulted_lock_update_is_tried_again_and_no_lock_is_left(
        scene: Scene, built_nt: Path, proxy_to: Callable[..., FaultProxy], kind: Callable[[Seen], bool],
        fault: str) -> None:
    """The first release of the lock failing (a server error: Virtuoso answered one with a
    deadlock when two pushes ran at once; before, ignored, it left a lock that held every later
    push off for an hour), or the first taking of it rolled back as a deadlock ("Virtuoso 40001
    Error SR172"; before, the push failed, "taking the push lock of ...: HTTP 500"): the update
    is sent again, and the push ends with the new graph and no lock left."""
    rule, faulted = first_of(kind, fault)
    proxy = proxy_to(scene.server.base, rule)
    push_graph(built_nt, proxy.base, scene.target, timeout=30)
    assert faulted, "the faulted update was never sent"
    assert sum(kind(s) for s in proxy.seen) == 2
    assert scene.server.count(lock_graph(scene.target)) == 0
    assert scene.state() == "new"


def test_timeout_on_upload_leaves_target_and_drops_staging(scene: Scene, built_ttl: Path,
                                                           proxy_to: Callable[..., FaultProxy]) -> None:
    # The proxy forwards the PUT at once and holds the answer for 6 s; the client gives up after
    # 2 s and drops the staging graph. The 2 s leave the forwarded upload time to land first even
    # on a loaded CI machine (with 0.8 s it once landed after the DROP and left staging behind).
    proxy = proxy_to(scene.server.base, lambda s: "forward-sleep" if is_put(s) else "forward", 6.0)
    t0 = time.perf_counter()
    with pytest.raises(PushError, match=r"no answer within 2 s"):
        push_graph(built_ttl, proxy.base, scene.target, timeout=2.0)
    assert time.perf_counter() - t0 < 5.5  # gave up before the proxy answered
    assert scene.state() == "old"
    assert scene.staging() == set()  # the PUT reached the server; the DROP removed it


def test_timeout_on_move_leaves_old_or_new_and_no_staging(scene: Scene, built_ttl: Path,
                                                          proxy_to: Callable[..., FaultProxy]) -> None:
    # As for the upload above: 2 s leave the forwarded move time to land before the client's
    # clean-up even on a loaded machine (with 1 s it once landed after it, under a benchmark).
    proxy = proxy_to(scene.server.base, lambda s: "forward-sleep" if is_move(s) else "forward", 6.0)
    with pytest.raises(PushError, match="may or may not have been applied") as info:
        push_graph(built_ttl, proxy.base, scene.target, timeout=2.0)
    assert "no answer within 2 s" in str(info.value)
    time.sleep(0.2)
    assert scene.state() in ("old", "new")
    assert scene.staging() == set()


def test_credentials_never_appear_in_errors(proxy_to: Callable[..., FaultProxy], built_ttl: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile server echoes the Authorization header back in its error body."""
    got: list[str] = []

    class Echo(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_PUT(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            auth = self.headers.get("Authorization", "")
            got.append(auth)
            body = f"denied for {auth} ({auth.split(' ')[-1]})\n".encode()
            self.send_response(403)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_PUT

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        token = "tok-" + secrets.token_hex(12)
        monkeypatch.setenv("CASEGRAPH_TOKEN", token)
        with pytest.raises(PushError) as info:
            push_graph(built_ttl, base, new_graph_iri(), timeout=5)
        assert got[0] == f"Bearer {token}"
        assert "HTTP 403" in str(info.value)
        assert token not in str(info.value)

        monkeypatch.delenv("CASEGRAPH_TOKEN")
        password = "pw-" + secrets.token_hex(12)
        monkeypatch.setenv("CASEGRAPH_USER", "analyst")
        monkeypatch.setenv("CASEGRAPH_PASSWORD", password)
        with pytest.raises(PushError) as info:
            push_graph(built_ttl, base, new_graph_iri(), timeout=5)
        import base64

        pair = base64.b64encode(f"analyst:{password}".encode()).decode()
        assert got[-1] == f"Basic {pair}"
        assert password not in str(info.value) and pair not in str(info.value)
        assert redact(f"http://u:{password}@h/x {password}") == "http://***@h/x ***"
    finally:
        httpd.shutdown()
        httpd.server_close()


# ----------------------------------------------------------------------------- the server dies


def test_server_killed_mid_upload(server_factory: Callable[[], OxigraphServer],
                                  old_nt: Path, big_nt: Path) -> None:
    server = server_factory()
    target = new_graph_iri()
    push_graph(old_nt, server.base, target, timeout=30)
    killed: list[int] = []

    def progress(sent: int, total: int) -> None:
        if not killed and sent > total // 3:
            killed.append(sent)
            server.kill()

    with pytest.raises(PushError) as info:
        push_graph(big_nt, server.base, target, timeout=10, progress=progress)
    assert killed and killed[0] < os.path.getsize(big_nt)
    assert "unchanged" in str(info.value)
    server.start()
    assert server.graph_ntriples(target) == ntriples_of(old_nt)
    assert staging_graphs(server, target) == set()  # the interrupted PUT was never committed


def test_server_killed_between_staging_and_move(server_factory: Callable[[], OxigraphServer],
                                                old_nt: Path, built_ttl: Path) -> None:
    server = server_factory()
    target = new_graph_iri()
    push_graph(old_nt, server.base, target, timeout=30)

    def hook(stage: str) -> None:
        if stage == "counted":
            server.kill()

    with pytest.raises(PushError) as info:
        push_graph(built_ttl, server.base, target, timeout=10, hook=hook)
    message = str(info.value)
    assert "connection refused" in message and "unchanged" in message
    server.start()
    assert server.graph_ntriples(target) == ntriples_of(old_nt)
    # The server was down, so the staging graph could not be dropped: the message names it.
    left = staging_graphs(server, target)
    assert len(left) == 1
    staging = left.pop()
    assert f"DROP SILENT GRAPH <{staging}>" in message
    assert server.count(staging) == len(ntriples_of(built_ttl))


@pytest.mark.parametrize("delay", [0.05, 0.4])
def test_server_killed_during_move(server_factory: Callable[[], OxigraphServer],
                                   old_nt: Path, big_nt: Path, delay: float) -> None:
    """Whenever the crash lands inside the MOVE, the restarted server has old or new, not both."""
    server = server_factory()
    target = new_graph_iri()
    push_graph(old_nt, server.base, target, timeout=30)

    timer = threading.Timer(delay, server.kill)

    def hook(stage: str) -> None:
        if stage == "counted":
            timer.start()

    with pytest.raises(PushError, match="may or may not have been applied"):  # killed in the MOVE
        push_graph(big_nt, server.base, target, timeout=30, hook=hook)
    timer.join()
    server.start()
    got = server.graph_ntriples(target)
    assert got in (ntriples_of(old_nt), ntriples_of(big_nt)), f"mixed graph: {len(got)} triples"


def test_staging_names_are_fresh_and_dropped(shared_server: Endpoint, old_nt: Path) -> None:
    target = new_graph_iri()
    stages: list[str] = []
    names: set[str] = set()

    def hook(stage: str) -> None:
        stages.append(stage)
        if stage == "uploaded":
            names.update(staging_graphs(shared_server, target))

    try:
        for _ in range(2):
            push_graph(old_nt, shared_server.base, target, timeout=30, hook=hook)
        assert len(names) == 2 and all(re.search(r"-staging-[0-9a-f]{16}$", n) for n in names)
        assert staging_graphs(shared_server, target) == set()
    finally:
        shared_server.drop(target)
