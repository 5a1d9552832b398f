"""Publish a built graph to a SPARQL 1.1 server, atomically.

Why staging and a move: a Graph Store Protocol ``PUT`` straight onto the target graph would,
if the connection dropped half-way or the server failed, leave readers a half-replaced graph
(or, on servers that stream uploads outside a transaction, half the triples).  So the upload
goes into a fresh staging graph named ``<target>-staging-<random hex>``; its triple count is
checked against the count parsed locally; only then does one SPARQL Update move it onto the
target.  A transactional server applies that update entirely or not at all, so readers see
the old graph or the new one, never a mixture.

Why a lock: two pushes moving onto one target at once left a mixture of both builds.  A push
first takes a lock kept in ``<target>-casegraph-lock`` (see :func:`_acquire_lock`), and the
move is written as DELETE/INSERT whose WHERE requires that lock, held by this push alone (a
compare-and-swap, :func:`_guarded_move`), instead of a plain ``MOVE``.  On any failure
(HTTP error, timeout, count mismatch, lost connection, Ctrl-C) the staging graph is dropped
with ``DROP SILENT GRAPH`` (best effort: if the server is down, the error names the graph to
drop by hand) and the target graph has not been touched.

Endpoints
---------
Three URLs are used: the SPARQL *query* endpoint (the count check), the SPARQL *update*
endpoint (the move and ``DROP``) and the *Graph Store Protocol* endpoint (``PUT ?graph=``).
:func:`derive_endpoints` takes the server's base URL and derives Oxigraph's layout
(``/query``, ``/update``, ``/store``); a URL ending in ``/query`` is read as Oxigraph's query
endpoint, so the URL given to ``casegraph query --endpoint`` also works here.  Other servers
need the three URLs given explicitly (``--query-url``, ``--update-url``, ``--store-url``):

- **Oxigraph** (``oxigraph serve --location DIR``): base ``http://host:7878``; the defaults
  fit.  Updates run in one transaction, so the move is atomic.  Oxigraph has no
  authentication: put a reverse proxy in front that checks the bearer token or basic auth.
- **Apache Jena Fuseki** (dataset ``/ds`` started with ``--update``, or a configuration with
  an update and a read-write graph store service): query ``http://host:3030/ds/query``,
  update ``http://host:3030/ds/update``, GSP ``http://host:3030/ds/data``.  TDB2 and in-memory
  datasets are transactional.  Basic auth with ``fuseki-server --passwd`` or Shiro.
- **GraphDB** (repository ``REPO``): query ``http://host:7200/repositories/REPO``, update
  ``http://host:7200/repositories/REPO/statements``, GSP
  ``http://host:7200/repositories/REPO/rdf-graphs/service``.  Each request is one transaction.
  With security on, use basic auth (``CASEGRAPH_USER``/``CASEGRAPH_PASSWORD``) or an OpenID
  bearer token; GraphDB's own ``GDB`` tokens are not supported.
- **OpenLink Virtuoso** (tested: Debian's 7.2.5, ``tests/test_virtuoso.py``): query
  ``http://host:8890/sparql``, update ``…/sparql-auth``, GSP ``…/sparql-graph-crud-auth``, with
  an account holding the ``SPARQL_UPDATE`` role.  Those two endpoints ask for HTTP *digest*
  auth, which casegraph does not speak: switch them to basic auth (behind https; ``.ci/run``
  shows the two ``VHOST_DEFINE`` calls) or put a proxy with basic or bearer auth in front.
  **Push to Virtuoso with** ``versioned=True`` (``--versioned``): replacing a graph in place is
  not atomic there for readers (see :mod:`casegraph.store.versions`); a push that sees a
  ``Server: Virtuoso`` header without it warns.

Versioned push
--------------
With ``versioned=True`` the build goes into a new version graph (uploaded, counted) and becomes
current by adding one triple to ``<target>-casegraph-versions``, under the same lock and
compare-and-swap; readers that resolve the pointer (every casegraph command reading an
endpoint) see the old version or the new one, whole, on any server.  The version it replaced
is kept; older ones are dropped.  A target published with versions refuses an in-place push
(which readers following the pointer would never see).

Timeouts
--------
``timeout`` bounds connecting and each wait for data, per request.  It must cover the
server's slowest step: Oxigraph 0.5 implements ``MOVE`` as a copy and a delete, measured here
at about 6,000 triples/s (16 s for 107 k triples), the upload at about 13,000 triples/s.  If
the ``MOVE`` itself times out, the outcome is reported as unknown (entirely old or entirely
new on a transactional server) and the staging graph is still dropped, which is safe only on
servers that serialise or isolate updates (Oxigraph, Fuseki/TDB2, GraphDB).  Virtuoso 7.2
(measured here on a busy 2-core machine): uploads at about 19,000 triples/s (a 68 MB,
400,000-triple ``PUT`` is accepted in one request, so uploads are not split), the in-place move
at 4,000-6,000 triples/s; a versioned push moves nothing (the 6,179-triple build: 0.4 s
versioned, 2.6 s in place).  Virtuoso also bounds each request itself (``MaxQueryExecutionTime``
in ``[SPARQL]``, 60 s in Debian's ``virtuoso.ini``); a move past it fails with ``SR171
Transaction timed out`` and is rolled back.

Authentication
--------------
``CASEGRAPH_TOKEN`` (sent as ``Authorization: Bearer …``) or ``CASEGRAPH_USER`` with
``CASEGRAPH_PASSWORD`` (basic auth), read from the environment at each request.  Secrets are
never printed, logged or put into error messages (messages are scrubbed of them, and of any
``user:password@`` in URLs), and redirects are not followed, so credentials are never
forwarded to another host.  Use ``https://`` URLs whenever credentials are set.
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import secrets
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from casegraph.core.errors import CasegraphError, PushError
from casegraph.core.namespaces import CG, XSD_DATETIME
from casegraph.core.terms import TermError, sparql_iri, triples_to_ox
from casegraph.store import versions
from casegraph.store.http import Endpoints, Response, derive_endpoints, exchange, request

#: Media types for the files ``push`` sends as they are; anything else is re-serialised.
MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples"}
_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
_STAGES = ("parsed", "locked", "uploading", "uploaded", "counted", "moved", "verified")
#: A versioned push "switches" (adds the pointer triple) where an in-place push "moves".
_VERSIONED_STAGES = ("parsed", "locked", "uploading", "uploaded", "counted", "switched",
                     "verified")

Hook = Callable[[str], None]
Warn = Callable[[str], None]
Progress = Callable[[int, int], None]


class _ProgressReader:
    """A file wrapper that reports bytes sent (tests use it to fail a push mid-upload)."""

    def __init__(self, fh: BinaryIO, total: int, progress: Progress | None):
        self.fh, self.total, self.progress, self.sent = fh, total, progress, 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.fh.read(size)
        self.sent += len(chunk)
        if self.progress is not None and chunk:
            self.progress(self.sent, self.total)
        return chunk


def sparql_update(endpoints: Endpoints, update: str, what: str, timeout: float) -> Response:
    """POST one SPARQL Update; the answer (its ``Server`` header tells Virtuoso apart)."""
    return exchange("POST", endpoints.update, what, timeout, update.encode("utf-8"),
                    {"Content-Type": "application/sparql-update; charset=utf-8"})


#: A server's word that it ended an update as one of two transactions that deadlocked, and rolled
#: it back: Virtuoso's "Virtuoso 40001 Error SR172: Transaction deadlocked" (SQLSTATE 40001, a
#: serialization failure).  Nothing of the update was applied, and sending it again is safe.
_DEADLOCK = re.compile(r"\b(?:SR172|40001)\b|\btransaction\s+deadlocked\b", re.I)


def _deadlocked(exc: PushError) -> bool:
    """(session 72) Whether a failed update was rolled back as a deadlock: two pushes at once,
    or a push and a reader, may make Virtuoso end one update so (CI, tests/test_virtuoso.py: the
    winning push's switch, once in about six runs), and the push tries it again."""
    return bool(_DEADLOCK.search(str(exc)))


def _paused(pause: float) -> float:
    """Wait ``pause`` seconds, times a random 1 to 2 (pushes that collided must not try again in
    step), and return the next round's pause: doubled, at most a second."""
    time.sleep(pause * random.uniform(1.0, 2.0))
    return min(pause * 2, 1.0)


def count_triples(endpoints: Endpoints, graph_iri: str, timeout: float) -> int:
    """Triples in one named graph on the server (SPARQL ``COUNT``)."""
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {sparql_iri(graph_iri)} {{ ?s ?p ?o }} }}"
    data = request("POST", endpoints.query, f"counting triples in <{graph_iri}>", timeout,
                urllib.parse.urlencode({"query": query}).encode("ascii"),
                {"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json"})
    try:
        bindings = json.loads(data)["results"]["bindings"]
        return int(bindings[0]["n"]["value"]) if bindings else 0
    except (ValueError, KeyError, IndexError, TypeError):
        raise PushError(f"counting triples in <{graph_iri}>: the query endpoint did not answer "
                        "with SPARQL JSON results") from None


# --------------------------------------------------------------------------- lock

#: How long a push may hold its target before another push may take the lock over (a pusher
#: that died leaves its lock behind; the lease lets the next push go on without a person).
LEASE_SECONDS = 3600.0


def lock_graph(graph_iri: str) -> str:
    """The named graph holding the push lock of ``graph_iri`` (beside it, never inside it)."""
    return f"{graph_iri}-casegraph-lock"


def _acquire_lock(eps: Endpoints, graph_iri: str, token: str, timeout: float) -> str:
    """Take the push lock of ``graph_iri``, waiting up to ``timeout`` for another push to end;
    the server's ``Server`` header.

    A lock is a node of its own in the lock graph, named by the push's random token:
    ``<token> cg:pushLockOn <target> ; cg:pushLockExpires <time>``.  Ours is inserted only where
    no unexpired lock is seen (expired ones are removed in the same request), then read back: we
    hold the lock only when ours is the *sole* lock.  A server that isolates transactions by
    snapshot (Oxigraph), or reads only committed rows (Virtuoso), may let two concurrent inserts
    both succeed; then every pusher that sees
    another lock withdraws its own and tries again after a random pause, so at most one ever
    proceeds, and none is left holding a stale lock.
    """
    lock, target, me = sparql_iri(lock_graph(graph_iri)), sparql_iri(graph_iri), sparql_iri(token)
    on, expires = f"<{CG.pushLockOn}>", f"<{CG.pushLockExpires}>"
    deadline = time.monotonic() + timeout
    pause = 0.05
    while True:
        now = datetime.now(UTC)
        until = _xsd_datetime(now + timedelta(seconds=LEASE_SECONDS))
        update = (
            f"DELETE {{ GRAPH {lock} {{ ?l ?p ?o }} }}\n"
            f"WHERE {{ GRAPH {lock} {{ ?l {on} {target} ; {expires} ?e ; ?p ?o }} "
            f"FILTER (?e < {_xsd_datetime(now)}) }} ;\n"
            f"INSERT {{ GRAPH {lock} {{ {me} {on} {target} ; {expires} {until} }} }}\n"
            f"WHERE {{ FILTER NOT EXISTS {{ GRAPH {lock} {{ ?any {on} {target} }} }} }}")
        try:
            answer = sparql_update(eps, update, f"taking the push lock of <{graph_iri}>", timeout)
        except PushError as exc:
            if not _deadlocked(exc) or time.monotonic() + pause > deadline:
                raise
            pause = _paused(pause)  # (rolled back: a round lost, take it again)
            continue
        holders = _lock_holders(eps, graph_iri, timeout)
        if holders == [token]:
            return answer.headers.get("Server", "")
        if token in holders:
            _release_lock(eps, graph_iri, token, timeout)  # a tie: withdraw, never hold stale
        others = [h for h in holders if h != token]
        if time.monotonic() + pause > deadline:
            # (session 50) withdraw ours even when the read did not show it: Virtuoso may make an
            # insert visible only after the read that followed it, and a pusher that gave up
            # then left a stale lock (CI: tests/test_virtuoso.py, 1 run in 5); only ours goes
            _release_lock(eps, graph_iri, token, timeout)
            raise PushError(f"another push to <{graph_iri}> is in progress (lock "
                            f"{', '.join(others) or '?'} in graph <{lock_graph(graph_iri)}>); "
                            "try again when it has finished")
        pause = _paused(pause)


def _xsd_datetime(moment: datetime) -> str:
    """A UTC time as an ``xsd:dateTime`` literal.  Expiry is judged against the pusher's clock,
    not the server's ``NOW()``: Virtuoso 7.2's ``NOW()`` has no timezone and compares as later
    than any UTC time of the same day, so every lock looked expired and was taken over."""
    return f'"{moment.strftime("%Y-%m-%dT%H:%M:%SZ")}"^^<{XSD_DATETIME}>'


def _lock_holders(eps: Endpoints, graph_iri: str, timeout: float) -> list[str]:
    query = (f"SELECT ?l WHERE {{ GRAPH {sparql_iri(lock_graph(graph_iri))} "
             f"{{ ?l <{CG.pushLockOn}> {sparql_iri(graph_iri)} }} }}")
    data = request("POST", eps.query, f"reading the push lock of <{graph_iri}>", timeout,
                   urllib.parse.urlencode({"query": query}).encode("ascii"),
                   {"Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json"})
    try:
        return sorted(b["l"]["value"] for b in json.loads(data)["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        raise PushError("the query endpoint did not answer with SPARQL JSON results") from None


#: Tries at removing our lock before giving up (the lease then frees the target).
RELEASE_TRIES = 4


def _release_lock(eps: Endpoints, graph_iri: str, token: str, timeout: float) -> None:
    """Remove our lock, and only ours, and read back that it is gone.

    Why tries and a read-back: with two pushers writing at once Virtuoso may answer one delete
    with an error (a transaction deadlock) or show a lock inserted just before only later; a
    single delete whose failure was ignored left a stale lock that held the next push off for
    the whole lease (CI, session 51: tests/test_virtuoso.py, 1 run in about 6).
    """
    lock, me = sparql_iri(lock_graph(graph_iri)), sparql_iri(token)
    what, wait = f"releasing the push lock of <{graph_iri}>", min(timeout, 30.0)
    error: PushError | None = None
    for attempt in range(RELEASE_TRIES):
        if attempt:
            time.sleep(0.1 * 2 ** attempt * random.uniform(1.0, 2.0))
        try:
            sparql_update(eps, f"DELETE WHERE {{ GRAPH {lock} {{ {me} ?p ?o }} }}", what, wait)
            if token not in _lock_holders(eps, graph_iri, wait):
                return
            error = None
        except PushError as exc:
            error = exc
    raise error or PushError(f"{what}: the lock <{token}> was still there after "
                             f"{RELEASE_TRIES} deletes; it lapses after {LEASE_SECONDS:.0f} s")


def _mine(lock: str, target: str, token: str) -> str:
    """A WHERE pattern that matches once when we hold the lock on ``target`` alone, else never."""
    on, me = f"<{CG.pushLockOn}>", sparql_iri(token)
    return (f"GRAPH {lock} {{ {me} {on} {target} }} "
            f"FILTER NOT EXISTS {{ GRAPH {lock} {{ ?other {on} {target} }} FILTER (?other != {me}) }}")


def _guarded_switch(graph_iri: str, new: str, token: str) -> str:
    """Make version ``new`` current by adding one triple, only while we hold the lock alone."""
    target = sparql_iri(graph_iri)
    mine = _mine(sparql_iri(lock_graph(graph_iri)), target, token)
    return (f"INSERT {{ GRAPH {sparql_iri(versions.versions_graph(graph_iri))} "
            f"{{ {target} <{versions.HAS_VERSION}> {sparql_iri(new)} }} }} WHERE {{ {mine} }}")


def _guarded_move(staging: str, target: str, lock: str, token: str) -> str:
    """``MOVE staging TO target`` that does nothing unless we still hold the lock, alone.

    Written as DELETE/INSERT with the lock in each WHERE (a compare-and-swap): a push whose
    lease was taken over, or that is not the only holder, changes nothing, and its verification
    then fails cleanly.
    """
    mine = _mine(lock, target, token)
    spo = "{ ?s ?p ?o }"
    return (f"DELETE {{ GRAPH {target} {spo} }} WHERE {{ {mine} GRAPH {target} {spo} }} ;\n"
            f"INSERT {{ GRAPH {target} {spo} }} WHERE {{ {mine} GRAPH {staging} {spo} }} ;\n"
            f"DROP SILENT GRAPH {staging}")


# --------------------------------------------------------------------------- push


@dataclass
class PushResult:
    target: str
    triples: int
    bytes: int
    seconds: float
    timings: dict[str, float]
    #: With ``versioned``: the version graph that is now current.
    version: str | None = None


@dataclass
class _Payload:
    triples: int
    media_type: str
    size: int
    path: Path | None = None
    data: bytes | None = None

    def open(self) -> BinaryIO:
        import io

        return open(self.path, "rb") if self.path is not None else io.BytesIO(self.data or b"")


def _payload(source: Path | str | Graph) -> _Payload:
    """What to send and how many distinct triples the server must end up with.

    Files are parsed locally first, so bad input is an input error before anything is sent,
    and the expected count is the number of *distinct* triples (what a graph store keeps).
    """
    if isinstance(source, Graph):
        triples = triples_to_ox(source)
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return _Payload(len(source), "application/n-triples", len(data), data=data)
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        raise CasegraphError("push sends Turtle (.ttl) or N-Triples (.nt) files", path)
    if not path.is_file():
        raise CasegraphError("no such data file (run 'casegraph build' first)", path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=_FORMATS[suffix])
    except (SyntaxError, ValueError, OSError) as exc:
        raise CasegraphError(f"not valid RDF: {exc}".splitlines()[0], path) from None
    return _Payload(len(store), MEDIA_TYPES[suffix], path.stat().st_size, path=path)


def push_graph(source: Path | str | Graph, endpoint: str | Endpoints, graph_iri: str,
               timeout: float = 60.0, *, query_url: str | None = None,
               update_url: str | None = None, store_url: str | None = None,
               hook: Hook | None = None, progress: Progress | None = None,
               staging_iri: str | None = None, versioned: bool = False,
               warn: Warn | None = None) -> PushResult:
    """Replace the named graph ``graph_iri`` on a SPARQL 1.1 server with ``source``, atomically.

    ``source`` is a Turtle/N-Triples file or an rdflib graph; ``endpoint`` a base URL (see
    :func:`derive_endpoints`) or ready :class:`Endpoints`.  ``timeout`` bounds each request.
    ``versioned`` publishes a new version graph and switches the pointer to it instead of
    moving into ``graph_iri`` (see :mod:`casegraph.store.versions`; needed on Virtuoso).
    ``hook`` is called with each stage name as it completes (``parsed``, ``locked``,
    ``uploading``, ``uploaded``, ``counted``, ``moved`` or ``switched``, ``verified``) and
    ``progress`` with bytes uploaded; both exist so tests can fail a push at exact moments.
    ``warn`` receives advice that does not stop the push (Virtuoso without ``versioned``).

    Raises :class:`CasegraphError` for bad input (nothing was sent) and :class:`PushError`
    when the server side failed (the message says what readers see now).
    """
    if not timeout > 0:
        raise CasegraphError(f"--timeout must be positive, got {timeout}")
    eps = endpoint if isinstance(endpoint, Endpoints) else derive_endpoints(
        endpoint, query_url, update_url, store_url)
    try:
        sparql_iri(graph_iri)
    except TermError as exc:
        raise CasegraphError(f"--graph: {exc}") from None
    if not re.match(r"(?i)(https?|urn):", graph_iri):
        raise CasegraphError(f"--graph must be an http(s): or urn: IRI, got {graph_iri!r}")
    staging_iri = staging_iri or f"{graph_iri}-staging-{secrets.token_hex(8)}"
    run = _Push(_payload_checked(source, graph_iri), eps, graph_iri,
                f"urn:casegraph:push:{secrets.token_hex(12)}", timeout, progress, hook)
    run.stage("parsed")
    try:
        server = _acquire_lock(eps, graph_iri, run.token, timeout)
    except PushError as exc:
        raise PushError(f"{exc}; target graph <{graph_iri}> unchanged") from None
    run.stage("locked")
    try:
        listed = versions.list_versions(eps.query, graph_iri, timeout)
        if versioned:
            return _push_version(run, listed)
        if listed:
            raise PushError(f"<{graph_iri}> is published as versions (the current one is "
                            f"<{listed[-1]}>), which readers follow: push with --versioned; "
                            f"target graph <{graph_iri}> unchanged")
        if warn is not None and "virtuoso" in server.lower():
            warn("the server is Virtuoso, where replacing a graph in place is not atomic for "
                 "readers (a query running while the move commits can see part of the old "
                 "graph); push with --versioned (see SECURITY.md)")
        return _push_locked(run, staging_iri)
    finally:
        # If the release fails the lease expires on its own; the outcome above is what matters.
        with contextlib.suppress(PushError):
            _release_lock(eps, graph_iri, run.token, timeout)


def _payload_checked(source: Path | str | Graph, graph_iri: str) -> _Payload:
    payload = _payload(source)
    if payload.triples == 0:
        raise CasegraphError(f"the data holds no triples; refusing to empty <{graph_iri}>")
    return payload


@dataclass
class _Push:
    """One push in progress: what it sends, where, and the stage timings so far."""

    payload: _Payload
    eps: Endpoints
    graph_iri: str
    token: str
    timeout: float
    progress: Progress | None
    hook: Hook | None
    t0: float = field(default_factory=time.perf_counter)
    timings: dict[str, float] = field(default_factory=dict)

    def stage(self, name: str) -> None:
        self.timings[name] = time.perf_counter() - self.t0
        if self.hook is not None:
            self.hook(name)

    def upload(self, graph: str, what: str) -> None:
        """PUT the payload into ``graph`` (Graph Store Protocol) and check its triple count."""
        self.stage("uploading")
        put_url = self.eps.store + ("&" if "?" in self.eps.store else "?") + urllib.parse.urlencode(
            {"graph": graph})
        with self.payload.open() as fh:
            request("PUT", put_url, f"uploading to {what} <{graph}>", self.timeout,
                    _ProgressReader(fh, self.payload.size, self.progress),  # type: ignore[arg-type]
                    {"Content-Type": f"{self.payload.media_type}; charset=utf-8"},
                    length=self.payload.size)
        self.stage("uploaded")
        got = count_triples(self.eps, graph, self.timeout)
        if got != self.payload.triples:
            raise PushError(f"{what} <{graph}> holds {got} triples, expected {self.payload.triples}")
        self.stage("counted")

    def result(self, version: str | None = None) -> PushResult:
        return PushResult(self.graph_iri, self.payload.triples, self.payload.size,
                          time.perf_counter() - self.t0, self.timings, version)


def _push_locked(run: _Push, staging_iri: str) -> PushResult:
    """Upload, count and move, holding the push lock (see :func:`push_graph`)."""
    eps, graph_iri, timeout = run.eps, run.graph_iri, run.timeout
    target, staging = sparql_iri(graph_iri), sparql_iri(staging_iri)
    phase = "before"  # where a failure leaves the target: before / during / after the MOVE
    try:
        run.upload(staging_iri, "staging graph")
        phase = "during"
        sparql_update(eps, _guarded_move(staging, target, sparql_iri(lock_graph(graph_iri)),
                                         run.token),
                      f"moving staging graph onto <{graph_iri}>", timeout)
        phase = "after"
        run.stage("moved")
        final = count_triples(eps, graph_iri, timeout)
        if final != run.payload.triples:
            raise PushError(f"after MOVE <{graph_iri}> holds {final} triples, expected "
                            f"{run.payload.triples} (did another client write to it, or was the "
                            "push lock taken over?)")
        run.stage("verified")
    except BaseException as exc:
        # A refused connection during the upload means nothing reached the server: no
        # staging graph can exist, so the cleanup (and its note) would only be noise.
        refused = isinstance(exc, PushError) and not exc.reached_server
        nothing_sent = refused and phase == "before" and "uploaded" not in run.timings
        if refused and phase == "during":
            phase = "before"  # the MOVE never reached the server
        note = "" if nothing_sent else _drop_staging(eps, staging, staging_iri, timeout)
        if isinstance(exc, PushError):
            state = {"before": f"target graph <{graph_iri}> unchanged",
                     "during": "the MOVE may or may not have been applied: on a transactional "
                               "server the target graph is entirely old or entirely new",
                     "after": f"target graph <{graph_iri}> was replaced"}[phase]
            raise PushError(f"{exc}; {state}{note}") from None
        raise
    return run.result()


def _push_version(run: _Push, listed: list[str]) -> PushResult:
    """Upload a new version, count it, switch the pointer to it, drop old versions.

    Until the one-triple switch, readers see the previous version and nothing else changed; a
    failure before it drops the new version graph.  If the switch's outcome is unknown (its
    answer was lost) the versions are read back: the new version is either current (success)
    or not (dropped); if they cannot be read, the new graph is kept, since it may be current.
    """
    eps, graph_iri, timeout = run.eps, run.graph_iri, run.timeout
    new = versions.version_iri(graph_iri, versions.next_seq(graph_iri, listed),
                               secrets.token_hex(8))
    previous = versions.current(graph_iri, listed)
    readers = (f"readers still see <{previous}>" if previous
               else f"<{graph_iri}> still has no version")
    try:
        run.upload(new, "version graph")
    except BaseException as exc:
        nothing_sent = isinstance(exc, PushError) and not exc.reached_server \
            and "uploaded" not in run.timings
        note = "" if nothing_sent else _drop_staging(eps, sparql_iri(new), new, timeout)
        if isinstance(exc, PushError):
            raise PushError(f"{exc}; {readers}{note}") from None
        raise
    now = _switch(run, new, readers)
    run.stage("verified")
    _drop_old_versions(run, [v for v in now if v not in (new, previous)])
    return run.result(new)


def _switch(run: _Push, new: str, readers: str) -> list[str]:
    """Make ``new`` current with the guarded one-triple insert; the versions listed after it.

    The guard finds our lock alone.  A pusher that has just lost the race for the lock may
    still have its own entry there for a moment (it withdraws it when it sees ours), so while
    our lock is still there the switch is tried again until ``timeout``, instead of failing a
    push that holds the lock; so is a switch the server rolled back as a deadlock
    (:func:`_deadlocked`).
    """
    eps, graph_iri, timeout = run.eps, run.graph_iri, run.timeout
    deadline, pause = time.monotonic() + timeout, 0.05
    while True:
        try:
            sparql_update(eps, _guarded_switch(graph_iri, new, run.token),
                          f"making <{new}> the current version of <{graph_iri}>", timeout)
        except PushError as exc:
            if _deadlocked(exc) and time.monotonic() + pause <= deadline:
                pause = _paused(pause)  # (session 72) rolled back: the one-triple insert is sent again
                continue
            _switch_failed(run, new, readers, exc)  # returns only when the switch was applied
        run.stage("switched")
        try:
            now = versions.list_versions(eps.query, graph_iri, timeout)
            ours = run.token in _lock_holders(eps, graph_iri, timeout)
        except PushError as exc:
            raise PushError(f"{exc}; the switch to <{new}> was sent but could not be checked: "
                            "readers see the previous version or the new one, each whole") from None
        if versions.current(graph_iri, now) == new:
            return now
        if not ours or time.monotonic() + pause > deadline:
            note = _drop_staging(eps, sparql_iri(new), new, timeout)
            why = "another push holds the lock" if ours else "the push lock was taken over"
            raise PushError(f"<{new}> did not become the current version of <{graph_iri}> "
                            f"({why}); {readers}{note}")
        pause = _paused(pause)


def _switch_failed(run: _Push, new: str, readers: str, exc: PushError) -> None:
    """After an error from the switch: return if it was applied all the same, else raise."""
    try:
        now = versions.list_versions(run.eps.query, run.graph_iri, run.timeout)
    except PushError:
        raise PushError(f"{exc}; the switch may or may not have been applied: readers see the "
                        f"previous version or <{new}>, each whole; version graph <{new}> is kept "
                        "(it may be current)") from None
    if versions.current(run.graph_iri, now) == new:
        return
    note = _drop_staging(run.eps, sparql_iri(new), new, run.timeout)
    raise PushError(f"{exc}; {readers}{note}") from None


def _drop_old_versions(run: _Push, old: list[str]) -> None:
    """Best effort: drop versions older than the previous one, each graph before its listing,
    and anything left in the target graph itself by in-place pushes (never read any more)."""
    listing = sparql_iri(versions.versions_graph(run.graph_iri))
    target, has_version = sparql_iri(run.graph_iri), f"<{versions.HAS_VERSION}>"
    ops = []
    for v in old:
        ops += [f"DROP SILENT GRAPH {sparql_iri(v)}",
                f"DELETE DATA {{ GRAPH {listing} {{ {target} {has_version} {sparql_iri(v)} }} }}"]
    ops.append(f"DROP SILENT GRAPH {sparql_iri(run.graph_iri)}")
    with contextlib.suppress(PushError):  # the next push tries again
        sparql_update(run.eps, " ;\n".join(ops), f"dropping old versions of <{run.graph_iri}>",
                      run.timeout)


def _drop_staging(eps: Endpoints, staging: str, staging_iri: str, timeout: float) -> str:
    """Best-effort removal of the staging graph; the note to add to the error message."""
    try:
        sparql_update(eps, f"DROP SILENT GRAPH {staging}", "dropping the staging graph",
                      min(timeout, 30.0))
    except PushError as exc:
        why = "server unreachable" if not exc.reached_server else str(exc).rsplit(": ", 1)[-1]
        return (f"; could not drop graph <{staging_iri}> ({why}): "
                f"run DROP SILENT GRAPH <{staging_iri}>")
    return ""
