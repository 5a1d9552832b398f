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
- **OpenLink Virtuoso**: query ``http://host:8890/sparql``; updates and GSP writes need an
  account with the ``SPARQL_UPDATE`` role, at ``/sparql-auth`` and
  ``/sparql-graph-crud-auth``.  Those use HTTP *digest* auth, which casegraph does not speak:
  put a reverse proxy with basic or bearer auth in front.  Virtuoso may commit a large
  update in parts (row autocommit), so its move is not guaranteed atomic; the staging
  graph and the count check still keep a failed upload away from the target.

Timeouts
--------
``timeout`` bounds connecting and each wait for data, per request.  It must cover the
server's slowest step: Oxigraph 0.5 implements ``MOVE`` as a copy and a delete, measured here
at about 6,000 triples/s (16 s for 107 k triples), the upload at about 13,000 triples/s.  If
the ``MOVE`` itself times out, the outcome is reported as unknown (entirely old or entirely
new on a transactional server) and the staging graph is still dropped, which is safe only on
servers that serialise or isolate updates (Oxigraph, Fuseki/TDB2, GraphDB).

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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from casegraph.core.errors import CasegraphError, PushError
from casegraph.core.namespaces import CG, XSD_DATETIME
from casegraph.core.terms import TermError, sparql_iri, triples_to_ox
from casegraph.store.http import Endpoints, derive_endpoints, request

#: Media types for the files ``push`` sends as they are; anything else is re-serialised.
MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples"}
_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
_STAGES = ("parsed", "locked", "uploading", "uploaded", "counted", "moved", "verified")

Hook = Callable[[str], None]
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


def sparql_update(endpoints: Endpoints, update: str, what: str, timeout: float) -> None:
    request("POST", endpoints.update, what, timeout, update.encode("utf-8"),
         {"Content-Type": "application/sparql-update; charset=utf-8"})


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


def _acquire_lock(eps: Endpoints, graph_iri: str, token: str, timeout: float) -> None:
    """Take the push lock of ``graph_iri``, waiting up to ``timeout`` for another push to end.

    A lock is a node of its own in the lock graph, named by the push's random token:
    ``<token> cg:pushLockOn <target> ; cg:pushLockExpires <time>``.  Ours is inserted only where
    no unexpired lock is seen (expired ones are removed in the same request), then read back: we
    hold the lock only when ours is the *sole* lock.  A server that isolates transactions by
    snapshot (Oxigraph) may let two concurrent inserts both succeed; then every pusher that sees
    another lock withdraws its own and tries again after a random pause, so at most one ever
    proceeds, and none is left holding a stale lock.
    """
    lock, target, me = sparql_iri(lock_graph(graph_iri)), sparql_iri(graph_iri), sparql_iri(token)
    on, expires = f"<{CG.pushLockOn}>", f"<{CG.pushLockExpires}>"
    deadline = time.monotonic() + timeout
    pause = 0.05
    while True:
        until = (datetime.now(UTC) + timedelta(seconds=LEASE_SECONDS)).strftime("%Y-%m-%dT%H:%M:%SZ")
        update = (
            f"DELETE {{ GRAPH {lock} {{ ?l ?p ?o }} }}\n"
            f"WHERE {{ GRAPH {lock} {{ ?l {on} {target} ; {expires} ?e ; ?p ?o }} FILTER (?e < NOW()) }} ;\n"
            f"INSERT {{ GRAPH {lock} {{ {me} {on} {target} ; {expires} \"{until}\"^^<{XSD_DATETIME}> }} }}\n"
            f"WHERE {{ FILTER NOT EXISTS {{ GRAPH {lock} {{ ?any {on} {target} }} }} }}")
        sparql_update(eps, update, f"taking the push lock of <{graph_iri}>", timeout)
        holders = _lock_holders(eps, graph_iri, timeout)
        if holders == [token]:
            return
        if token in holders:
            _release_lock(eps, graph_iri, token, timeout)  # a tie: withdraw, never hold stale
        others = [h for h in holders if h != token]
        if time.monotonic() + pause > deadline:
            raise PushError(f"another push to <{graph_iri}> is in progress (lock "
                            f"{', '.join(others) or '?'} in graph <{lock_graph(graph_iri)}>); "
                            "try again when it has finished")
        time.sleep(pause * random.uniform(1.0, 2.0))
        pause = min(pause * 2, 1.0)


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


def _release_lock(eps: Endpoints, graph_iri: str, token: str, timeout: float) -> None:
    """Remove our lock, and only ours."""
    lock, me = sparql_iri(lock_graph(graph_iri)), sparql_iri(token)
    sparql_update(eps, f"DELETE WHERE {{ GRAPH {lock} {{ {me} ?p ?o }} }}",
                  f"releasing the push lock of <{graph_iri}>", min(timeout, 30.0))


def _guarded_move(staging: str, target: str, lock: str, token: str) -> str:
    """``MOVE staging TO target`` that does nothing unless we still hold the lock, alone.

    Written as DELETE/INSERT with the lock in each WHERE (a compare-and-swap): a push whose
    lease was taken over, or that is not the only holder, changes nothing, and its verification
    then fails cleanly.
    """
    on, me = f"<{CG.pushLockOn}>", sparql_iri(token)
    mine = (f"GRAPH {lock} {{ {me} {on} {target} }} "
            f"FILTER NOT EXISTS {{ GRAPH {lock} {{ ?other {on} {target} }} FILTER (?other != {me}) }}")
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
               staging_iri: str | None = None) -> PushResult:
    """Replace the named graph ``graph_iri`` on a SPARQL 1.1 server with ``source``, atomically.

    ``source`` is a Turtle/N-Triples file or an rdflib graph; ``endpoint`` a base URL (see
    :func:`derive_endpoints`) or ready :class:`Endpoints`.  ``timeout`` bounds each request.
    ``hook`` is called with each stage name as it completes (``parsed``, ``uploading``,
    ``uploaded``, ``counted``, ``moved``, ``verified``) and ``progress`` with bytes uploaded;
    both exist so tests can kill the server at exact moments.

    Raises :class:`CasegraphError` for bad input (nothing was sent) and :class:`PushError`
    when the server side failed (the target graph is untouched unless the message says the
    ``MOVE`` itself was interrupted; a transactional server has then applied all or nothing).
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

    def stage(name: str) -> None:
        timings[name] = time.perf_counter() - t0
        if hook is not None:
            hook(name)

    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    payload = _payload(source)
    if payload.triples == 0:
        raise CasegraphError(f"the data holds no triples; refusing to empty <{graph_iri}>")
    stage("parsed")
    token = f"urn:casegraph:push:{secrets.token_hex(12)}"
    try:
        _acquire_lock(eps, graph_iri, token, timeout)
    except PushError as exc:
        raise PushError(f"{exc}; target graph <{graph_iri}> unchanged") from None
    stage("locked")
    try:
        return _push_locked(payload, eps, graph_iri, staging_iri, token, timeout, progress, stage, t0,
                            timings)
    finally:
        # If the release fails the lease expires on its own; the outcome above is what matters.
        with contextlib.suppress(PushError):
            _release_lock(eps, graph_iri, token, timeout)


def _push_locked(payload: _Payload, eps: Endpoints, graph_iri: str, staging_iri: str, token: str,
                 timeout: float, progress: Progress | None, stage: Hook, t0: float,
                 timings: dict[str, float]) -> PushResult:
    """Upload, count and move, holding the push lock (see :func:`push_graph`)."""
    target, staging = sparql_iri(graph_iri), sparql_iri(staging_iri)
    phase = "before"  # where a failure leaves the target: before / during / after the MOVE
    try:
        stage("uploading")
        put_url = eps.store + ("&" if "?" in eps.store else "?") + urllib.parse.urlencode(
            {"graph": staging_iri})
        with payload.open() as fh:
            request("PUT", put_url, f"uploading to staging graph <{staging_iri}>", timeout,
                 _ProgressReader(fh, payload.size, progress),  # type: ignore[arg-type]
                 {"Content-Type": f"{payload.media_type}; charset=utf-8"}, length=payload.size)
        stage("uploaded")
        got = count_triples(eps, staging_iri, timeout)
        if got != payload.triples:
            raise PushError(f"staging graph <{staging_iri}> holds {got} triples, expected "
                            f"{payload.triples}")
        stage("counted")
        phase = "during"
        sparql_update(eps, _guarded_move(staging, target, sparql_iri(lock_graph(graph_iri)), token),
                      f"moving staging graph onto <{graph_iri}>", timeout)
        phase = "after"
        stage("moved")
        final = count_triples(eps, graph_iri, timeout)
        if final != payload.triples:
            raise PushError(f"after MOVE <{graph_iri}> holds {final} triples, expected "
                            f"{payload.triples} (did another client write to it, or was the push "
                            "lock taken over?)")
        stage("verified")
    except BaseException as exc:
        # A refused connection during the upload means nothing reached the server: no
        # staging graph can exist, so the cleanup (and its note) would only be noise.
        refused = isinstance(exc, PushError) and not exc.reached_server
        nothing_sent = refused and phase == "before" and "uploaded" not in timings
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
    return PushResult(graph_iri, payload.triples, payload.size, time.perf_counter() - t0, timings)


def _drop_staging(eps: Endpoints, staging: str, staging_iri: str, timeout: float) -> str:
    """Best-effort removal of the staging graph; the note to add to the error message."""
    try:
        sparql_update(eps, f"DROP SILENT GRAPH {staging}", "dropping the staging graph",
                      min(timeout, 30.0))
    except PushError:
        return (f"; could not drop staging graph <{staging_iri}> (server unreachable): "
                f"run DROP SILENT GRAPH <{staging_iri}>")
    return ""
