"""Median time of every saved query on the embedded Oxigraph store, streamed and converted.

Why: issue 13 asks for every saved query in <= 100 ms median at 10k reviews (<= 1 s at 100k) on
the embedded store, with the answer streamed through Oxigraph's own result writers.  This
script times, per saved query with its parameter defaults:

- ``streamed``: ``casegraph query``'s path, ``results.write_query`` into ``/dev/null``;
- ``converted``: the path before (DECISIONS 45), ``OxigraphEngine.select`` (an rdflib term per
  cell) and ``results.render``, measured in the same run as the baseline it replaced;
- ``count``: a trivial ``COUNT`` of the reviews, streamed, as the floor any query pays
  (parsing, the store's snapshot, writing), also measured in the same run.

Each query runs once to warm up, then ``--repeat`` times; medians are printed in ms, of wall
time and of this process's CPU time (Oxigraph evaluates in the calling thread, so CPU time is
the query's own work: on a shared machine wall time also counts the other processes, and the
1-minute load average is printed to say how much), with the ratios ``converted / streamed`` and
``streamed / count`` (CPU).  A query whose CPU median is over ``--limit`` ms is marked.

Usage (a store made by ``casegraph build PAGES --out OUT --store STORE``)::

    python benchmarks/queries.py --store /tmp/syn10k-store
    python benchmarks/queries.py --data build/casegraph.ttl --format sparql-json --repeat 9
    python benchmarks/queries.py --store /tmp/syn10k-store --only cases --only evidence
"""

from __future__ import annotations

import argparse
import os
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
    """Median wall and CPU milliseconds of ``repeat`` runs after one warm-up run."""
    run()  # warm-up: the store's caches and Python's imports
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


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
    args = parser.parse_args()

    engine = open_engine("oxigraph", args.data, args.store)
    assert isinstance(engine, OxigraphEngine)
    vocab = default_vocabulary()
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - one sink for the whole run

    def streamed(text: str, bindings: dict) -> Callable[[], None]:  # type: ignore[type-arg]
        return lambda: write_query(engine, text, bindings, args.format, sink)

    def converted(text: str, bindings: dict) -> Callable[[], None]:  # type: ignore[type-arg]
        return lambda: sink.write(render(engine.select(text, bindings), args.format))

    _, floor = median_ms(streamed(COUNT, {}), args.repeat)
    print(f"# {args.store or args.data}: {len(engine)} triples, "
          f"{engine.select(COUNT, {}).rows[0][0]} reviews; format {args.format}, median of "
          f"{args.repeat}; count query {floor:.1f} ms CPU; load average {os.getloadavg()[0]:.1f}")
    print("| query | rows | streamed CPU ms | streamed wall ms | converted CPU ms | conv/str "
          "| str/count |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    slow = []
    for name, query in saved_queries(args.queries).items():
        if args.only and name not in args.only:
            continue
        bindings = bind_values(query, {}, vocab)
        rows = sum(1 for _ in engine.solutions(query.text, bindings))
        wall, cpu = median_ms(streamed(query.text, bindings), args.repeat)
        old = None if args.no_converted else median_ms(converted(query.text, bindings), args.repeat)[1]
        mark = " *" if cpu > args.limit else ""
        if mark:
            slow.append(name)
        old_cells = "— | —" if old is None else f"{old:.1f} | {old / cpu:.1f}x"
        print(f"| {name}{mark} | {rows} | {cpu:.1f} | {wall:.1f} | {old_cells} | {cpu / floor:.0f}x |")
        sys.stdout.flush()
    print(f"\n{len(slow)} queries over {args.limit:.0f} ms CPU (*): {', '.join(slow) or 'none'}")
    sink.close()


if __name__ == "__main__":
    main()
