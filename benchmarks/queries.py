"""Median time of every saved query on the embedded Oxigraph store, streamed and converted.

Why: issue 13 asks for every saved query in <= 100 ms median at 10k reviews (<= 1 s at 100k) on
the embedded store, with the answer streamed through Oxigraph's own result writers.  This
script times, per saved query with its parameter defaults:

- ``streamed``: ``casegraph query``'s path, ``results.write_query`` into ``/dev/null``;
- ``converted``: the path before (DECISIONS 45), ``OxigraphEngine.select`` (an rdflib term per
  cell) and ``results.render``, measured in the same run as the baseline it replaced;
- ``count``: a trivial ``COUNT`` of the reviews, streamed, as the floor any query pays
  (parsing, the store's snapshot, writing), also measured in the same run.

Each query runs once to warm up (counting its rows), then ``--repeat`` times; medians are
printed in ms, of wall time and of this process's CPU time (Oxigraph evaluates in the calling
thread, so CPU time is the query's own work: on a shared machine wall time also counts the
other processes, and the 1-minute load average is printed to say how much), with the ratios
``converted / streamed`` and ``streamed / count`` (CPU).  A query whose CPU median is over
``--limit`` ms is marked.

Usage (a store made by ``casegraph build PAGES --out OUT --store STORE``)::

    python benchmarks/queries.py --store /tmp/syn10k-store
    python benchmarks/queries.py --data build/casegraph.ttl --format sparql-json --repeat 9
    python benchmarks/queries.py --store /tmp/syn10k-store --only cases --only evidence
    python benchmarks/queries.py --store /tmp/syn10k-store --repeat 1 --timeout 60 --no-converted
    python benchmarks/queries.py --data 10k.ttl --repeat 3 --timeout 40 --no-converted
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from casegraph.extract.vocab import default_vocabulary
from casegraph.store.engines import OxigraphEngine, open_engine
from casegraph.store.queries import bind_values, saved_queries
from casegraph.store.results import FORMATS, render, write_query

COUNT = """PREFIX cg: <https://w3id.org/casegraph/ontology#>
SELECT (COUNT(*) AS ?reviews) WHERE { ?review a cg:CaseReview }
"""


def median_ms(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``repeat`` runs (the caller has warmed up)."""
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


class Bench:
    """One engine, the saved queries and a sink: what every measurement needs."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        engine = open_engine("oxigraph", args.data, args.store)
        assert isinstance(engine, OxigraphEngine)
        self.engine = engine
        self.vocab = default_vocabulary()
        self.queries = saved_queries(args.queries)
        self.sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - closed with the process

    def streamed(self, text: str, bindings: dict) -> None:  # type: ignore[type-arg]
        write_query(self.engine, text, bindings, self.args.format, self.sink)

    def converted(self, text: str, bindings: dict) -> None:  # type: ignore[type-arg]
        self.sink.write(render(self.engine.select(text, bindings), self.args.format))

    def measure(self, name: str) -> tuple[int, float, float, float | None]:
        """Rows (the warm-up run counts them), streamed wall and CPU ms, converted CPU ms."""
        query = self.queries[name]
        bindings = bind_values(query, {}, self.vocab)
        rows = sum(1 for _ in self.engine.solutions(query.text, bindings))
        wall, cpu = median_ms(lambda: self.streamed(query.text, bindings), self.args.repeat)
        old = None
        if not self.args.no_converted:
            old = median_ms(lambda: self.converted(query.text, bindings), self.args.repeat)[1]
        return rows, wall, cpu, old


def _child(args: argparse.Namespace, name: str, conn, bench: Bench | None = None) -> None:  # type: ignore[no-untyped-def]
    if bench is None:
        bench = Bench(args)  # imports, the vocabulary and the store: not the query's time
    used = resource.getrusage(resource.RUSAGE_SELF)
    seconds = round(used.ru_utime + used.ru_stime + args.timeout + 0.5)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))  # SIGXCPU ends it
    conn.send(bench.measure(name))


def measure_with_timeout(args: argparse.Namespace, name: str, bench: Bench):  # type: ignore[no-untyped-def]
    """``Bench.measure`` in a child process that the kernel ends after ``--timeout`` CPU
    seconds: a query Oxigraph is still evaluating cannot be interrupted in-process, and CPU
    seconds, unlike wall seconds, do not depend on the load.  An on-disk store is opened again
    in a spawned child (milliseconds); a store in memory (``--data``, a minute to load at 10k)
    is shared with a forked child, copy-on-write."""
    ctx = multiprocessing.get_context("fork" if args.data else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    shared = (bench,) if args.data else ()
    proc = ctx.Process(target=_child, args=(args, name, child, *shared))
    proc.start()
    child.close()
    try:
        result = parent.recv()
    except EOFError:  # ended by the CPU limit before it could answer
        result = None
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", type=Path, help="an on-disk store ('casegraph build --store')")
    where.add_argument("--data", type=Path, help="a Turtle or N-Triples file, loaded in memory")
    parser.add_argument("--format", default="csv", choices=[f for f in FORMATS if f != "table"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=100.0, help="mark queries slower (ms)")
    parser.add_argument("--only", action="append", help="only this saved query (repeatable)")
    parser.add_argument("--no-converted", action="store_true", help="skip the converting path")
    parser.add_argument("--queries", type=Path, help="a folder of saved queries (default: queries/)")
    parser.add_argument("--timeout", type=float,
                        help="give up on a query after this many CPU seconds (warm-up and "
                             "repeats; each query then runs in its own process)")
    args = parser.parse_args()
    bench = Bench(args)
    bench.streamed(COUNT, {})
    _, floor = median_ms(lambda: bench.streamed(COUNT, {}), args.repeat)
    print(f"# {args.store or args.data}: {len(bench.engine)} triples, "
          f"{bench.engine.select(COUNT, {}).rows[0][0]} reviews; format {args.format}, median of "
          f"{args.repeat}; count query {floor:.1f} ms CPU; load average {os.getloadavg()[0]:.1f}")
    print("| query | rows | streamed CPU ms | streamed wall ms | converted CPU ms | conv/str "
          "| str/count |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    slow = []
    for name in bench.queries:
        if args.only and name not in args.only:
            continue
        result = measure_with_timeout(args, name, bench) if args.timeout else bench.measure(name)
        if result is None:
            slow.append(name)
            print(f"| {name} * | — | > {args.timeout * 1000 / (args.repeat + 1):.0f} (timeout) "
                  "| | | | |")
            continue
        rows, wall, cpu, old = result
        mark = " *" if cpu > args.limit else ""
        if mark:
            slow.append(name)
        old_cells = "— | —" if old is None else f"{old:.1f} | {old / cpu:.1f}x"
        print(f"| {name}{mark} | {rows} | {cpu:.1f} | {wall:.1f} | {old_cells} | {cpu / floor:.0f}x |")
        sys.stdout.flush()
    print(f"\n{len(slow)} queries over {args.limit:.0f} ms CPU (*): {', '.join(slow) or 'none'}")


if __name__ == "__main__":
    main()
