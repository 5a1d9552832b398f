"""Time every saved query on rdflib, embedded Oxigraph and an Oxigraph server.

Why: the project runs cross-case SPARQL on Oxigraph by default and keeps rdflib only as a
reference engine; this script shows what that choice buys on the shipped data and on a
generated N-review graph, with ratios against the rdflib baseline measured in the same run.

The N-review graph is made by copying the built graph's review-specific triples with
relabelled instance IRIs (``…/id/<kind>/<slug>`` becomes ``…/id/<kind>/<slug>-c<k>``), so it
has the real shape (same predicates, concepts and fan-out per review), just more of it.
The vocabulary (concepts, ontology terms) is shared, as it is in a real build.

Usage::

    python benchmarks/query_engines.py                      # shipped data only
    python benchmarks/query_engines.py --reviews 1000 --reviews 10000 --rdflib-max 1000
    python benchmarks/query_engines.py --endpoint http://127.0.0.1:7878   # an existing server

Without ``--endpoint`` an ``oxigraph serve`` is started on 127.0.0.1 (free port, temporary
directory) and stopped at the end.  Each query runs ``--repeat`` times per engine after one
warm-up run; the median is reported.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from casegraph.core.namespaces import ID
from casegraph.core.resources import default_sources
from casegraph.extract.vocab import default_vocabulary
from casegraph.pipeline.build import build
from casegraph.store.engines import EndpointEngine, open_engine
from casegraph.store.push import push_graph
from casegraph.store.queries import bind_values, saved_queries

INSTANCE = str(ID)


def relabel(term: ox.NamedNode | ox.BlankNode | ox.Literal, k: int):  # type: ignore[no-untyped-def]
    """Copy ``k`` of an instance term; copy 0 keeps the real IRIs (saved-query defaults match)."""
    if k == 0:
        return term
    if isinstance(term, ox.NamedNode) and term.value.startswith(INSTANCE):
        return ox.NamedNode(f"{term.value}-c{k}")
    if isinstance(term, ox.BlankNode):
        return ox.BlankNode(f"{term.value}c{k}")
    return term


def generate(built: Path, reviews: int, shipped_reviews: int, out: Path) -> int:
    """Write an N-Triples graph with about ``reviews`` reviews; the number of triples."""
    triples = list(ox.parse(path=str(built), format=ox.RdfFormat.TURTLE))
    shared = [t for t in triples if not (isinstance(t.subject, ox.NamedNode)
                                         and t.subject.value.startswith(INSTANCE))]
    own = [t for t in triples if t not in set(shared)]
    copies = max(1, round(reviews / shipped_reviews))
    count = 0
    with open(out, "wb") as fh:
        fh.write(ox.serialize(shared, format=ox.RdfFormat.N_TRIPLES))
        count += len(shared)
        for k in range(copies):
            batch = [ox.Triple(relabel(t.subject, k), t.predicate, relabel(t.object, k)) for t in own]
            fh.write(ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES))
            count += len(batch)
    return count


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not binary:
        sys.exit("the 'oxigraph' server is not installed (pip install oxigraph), or pass --endpoint")
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp / "server"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            q = urllib.parse.urlencode({"query": "ASK {}"})
            urllib.request.urlopen(f"{base}/query?{q}", timeout=1).close()
            return proc, base
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("oxigraph serve did not start")


def time_query(engine, text: str, bindings: dict, repeat: int) -> float:  # type: ignore[no-untyped-def]
    engine.select(text, bindings)  # warm-up (and rdflib's prepared-query cache)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        engine.select(text, bindings)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def bench(label: str, data: Path, base: str, repeat: int, with_rdflib: bool,
          with_server: bool = True) -> None:
    vocab = default_vocabulary()
    graph = f"https://w3id.org/casegraph/graph/bench-{secrets.token_hex(4)}"
    loads: dict[str, float] = {}
    engines = {}
    if with_rdflib:
        t0 = time.perf_counter()
        engines["rdflib"] = open_engine("rdflib", data)
        loads["rdflib"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    engines["oxigraph"] = open_engine("oxigraph", data)
    loads["oxigraph"] = time.perf_counter() - t0
    push_note = ""
    if with_server:
        result = push_graph(data, base, graph, timeout=3600)
        loads["server (push)"] = result.seconds
        engines["server"] = EndpointEngine(base + "/query", timeout=3600, default_graph=graph)
        push_note = (f" (push: upload {result.timings['uploaded'] - result.timings['uploading']:.2f} s,"
                     f" MOVE {result.timings['moved'] - result.timings['counted']:.2f} s)")
    print(f"\n## {label}: {len(engines['oxigraph'])} triples")
    print("load: " + ", ".join(f"{k} {v:.2f} s" for k, v in loads.items()) + push_note)
    names = list(engines)
    print(f"{'query':34}" + "".join(f"{n:>14}" for n in names)
          + ("   ratios vs rdflib" if with_rdflib else ""))
    totals = dict.fromkeys(names, 0.0)
    for name, query in saved_queries().items():
        bindings = bind_values(query, {}, vocab)
        times = {n: time_query(e, query.text, bindings, repeat) for n, e in engines.items()}
        for n in names:
            totals[n] += times[n]
        ratios = ("   " + "  ".join(f"{n} ×{times['rdflib'] / max(times[n], 1e-9):.1f}"
                                     for n in names[1:]) if with_rdflib else "")
        print(f"{name:34}" + "".join(f"{times[n] * 1000:>12.1f}ms" for n in names) + ratios)
    print(f"{'TOTAL':34}" + "".join(f"{totals[n] * 1000:>12.1f}ms" for n in names))
    if not with_server:
        return
    req = urllib.request.Request(base + "/update", data=f"DROP SILENT GRAPH <{graph}>".encode(),
                                 headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(req, timeout=3600).close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, action="append", default=[],
                        help="also benchmark a generated graph with about this many reviews")
    parser.add_argument("--rdflib-max", type=int, default=1000,
                        help="skip rdflib above this many reviews (it is very slow)")
    parser.add_argument("--server-max", type=int, default=1000,
                        help="skip the server above this many reviews (pushing is slow: "
                             "Oxigraph's MOVE copies the graph)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--endpoint", help="an Oxigraph server base URL (default: start one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        result = build([default_sources()], tmp / "build")
        built = tmp / "build" / "casegraph.ttl"
        proc, base = (None, args.endpoint.rstrip("/")) if args.endpoint else start_server(tmp)
        try:
            bench(f"shipped data ({len(result.reviews)} reviews)", built, base, args.repeat, True)
            for n in args.reviews:
                data = tmp / f"gen-{n}.nt"
                generate(built, n, len(result.reviews), data)
                bench(f"generated {n} reviews", data, base, args.repeat, n <= args.rdflib_max,
                      n <= args.server_max)
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(10)


if __name__ == "__main__":
    main()
