"""Benchmark the casegraph pipeline on synthetic corpora of several sizes, with baselines.

Why this shape:

* Each size runs in its own subprocess, so peak memory (``ru_maxrss`` of that process, read with
  :func:`resource.getrusage`) is per size and no cache or interned string from a smaller run
  flatters a larger one.
* Stages call the pipeline's own functions (``pipeline.build.extract_reviews``,
  ``graph.emit.emit``, ``validate.shacl.validate_reviews``, ``recur.recurrence_triples``,
  ``rdfio.formats.serialise_triples``, ``search.index.index_triples``,
  ``store.engines.OxigraphEngine``) so the figures are the product's, not a re-implementation's.
  ``extract_reviews`` does read, parse, extract and merge in one call; the split is measured by
  timing wrappers around the functions it calls (``read_source``, ``parse_page``,
  ``merge_reviews``), which add a few microseconds per page; it runs in this process
  (``workers=1``) so the wrapped calls happen here.  ``build_cold`` and
  ``build_after_one_new_page`` call ``pipeline.build.build`` itself, with its process pools.
* Baselines are measured in the same process on the same Turtle: rdflib parse + serialise (what
  a plain rdflib tool pays for the same graph) and one ``pyshacl.validate`` over the whole graph
  with the project shapes (what validation costs without casegraph's wrapper).  Ratios against
  them make the figures comparable across machines.
* Every stage has a timeout (SIGALRM in the worker; pyshacl and rdflib are pure Python and stop
  promptly).  A stage that times out or is skipped is recorded as ``"skipped (reason)"``, and the
  run goes on with the stages that do not depend on it.

Usage::

    python benchmarks/run.py --sizes 1000 10000 --json out.json
    python benchmarks/run.py --sizes 100000 --skip-validate --skip-baseline-shacl --json big.json
    python benchmarks/run.py --sizes 10000 --profile prof/   # cProfile per stage (slower)
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casegraph import synthetic

HERE = Path(__file__).resolve().parent

DEFAULT_CACHE = Path(tempfile.gettempdir()) / "casegraph-bench-cache"
QUERY_RUNS = 5

#: Stages in order; each row of the table.  "e2e" is text → validated Turtle on disk.
STAGES = ("read", "parse", "extract", "merge", "emit_rdf", "validate", "recur", "merge_triples",
          "serialise_turtle", "write_turtle", "search_index", "store_load", "build_cold",
          "build_after_one_new_page", "build_again_unchanged")
#: The build's own timings (``BuildResult.timings``, wall seconds), shown under each build row.
BUILD_TIMINGS = ("read+parse+extract", "curate", "rdf", "validate", "recur", "merge-triples",
                 "write", "search-index")
BASELINES = ("rdflib_parse", "rdflib_serialise", "pyshacl_whole_graph")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- corpus cache -----------------------------------------------------------------------------
def corpus_for(size: int, seed: int, cache: Path) -> Path:
    """The generated corpus for (size, seed, generator version), generated once and reused."""
    directory = cache / f"syn-{size}-seed{seed}-v{synthetic.GENERATOR_VERSION}"
    marker = directory / ".complete"
    if marker.exists():
        return directory
    if directory.exists():
        shutil.rmtree(directory)
    log(f"generating {size} reviews (seed {seed}) into {directory}")
    t = time.perf_counter()
    # In a subprocess: Linux keeps ru_maxrss across fork+exec, so generating 100k reviews in
    # this process would show up as the workers' peak memory.
    subprocess.run([sys.executable, "-m", "casegraph.synthetic", "--reviews", str(size),
                    "--seed", str(seed), "--out", str(directory)], check=True)
    marker.write_text("complete\n", encoding="utf-8")
    log(f"generated {size} reviews in {time.perf_counter() - t:.1f} s")
    return directory


# -- the worker (one size, one process) -------------------------------------------------------
class StageTimeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise StageTimeout()


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports ru_maxrss in KiB)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / (1024 * 1024)


def cpu_now() -> float:
    """CPU seconds of this process plus its finished children (validation uses a process pool,
    whose work ``time.process_time`` alone would not count)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


class Recorder:
    """Times stages with a timeout, records peak RSS after each, optionally profiles each."""

    def __init__(self, timeout: int, profile_dir: Path | None):
        self.timeout = timeout
        self.profile_dir = profile_dir
        self.results: dict[str, Any] = {}

    def skip(self, name: str, reason: str) -> None:
        self.results[name] = f"skipped ({reason})"
        log(f"  {name}: skipped ({reason})")

    def ok(self, name: str) -> bool:
        return isinstance(self.results.get(name), dict)

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        log(f"  {name} …")
        signal.signal(signal.SIGALRM, _alarm)
        prof = cProfile.Profile() if self.profile_dir else None
        signal.alarm(self.timeout)
        t = time.perf_counter()
        c = cpu_now()
        try:
            if prof:
                prof.enable()
            value = fn()
        except StageTimeout:
            self.skip(name, f"timeout after {self.timeout} s")
            return None
        finally:
            if prof:
                prof.disable()
            signal.alarm(0)
        seconds = time.perf_counter() - t
        cpu = cpu_now() - c
        self.results[name] = {"seconds": round(seconds, 4), "cpu_seconds": round(cpu, 4),
                              "peak_rss_mb": round(peak_rss_mb(), 1), "load_avg_1m": os.getloadavg()[0]}
        log(f"  {name}: {seconds:.2f} s wall, {cpu:.2f} s CPU (peak RSS {peak_rss_mb():.0f} MB, "
            f"load {os.getloadavg()[0]:.1f})")
        if prof and self.profile_dir:
            self._dump(name, prof)
        return value

    def _dump(self, name: str, prof: cProfile.Profile) -> None:
        assert self.profile_dir is not None
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        prof.dump_stats(self.profile_dir / f"{name}.pstats")
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out).strip_dirs()
        out.write(f"== {name}: top 25 by own time\n")
        stats.sort_stats("tottime").print_stats(25)
        out.write(f"== {name}: top 25 by cumulative time\n")
        stats.sort_stats("cumulative").print_stats(25)
        (self.profile_dir / f"{name}.txt").write_text(out.getvalue(), encoding="utf-8")


@contextmanager
def timed_calls(module: Any, names: list[str], totals: dict[str, float]) -> Iterator[None]:
    """Wrap ``module.<name>`` so each call adds its wall time to ``totals[name]``."""
    originals = {n: getattr(module, n) for n in names}

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def inner(*args: Any, **kwargs: Any) -> Any:
            t, c = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.perf_counter() - t
                totals[name + ":cpu"] = totals.get(name + ":cpu", 0.0) + time.process_time() - c
        return inner

    for n, fn in originals.items():
        setattr(module, n, wrap(n, fn))
    try:
        yield
    finally:
        for n, fn in originals.items():
            setattr(module, n, fn)


def extra_page(corpus: Path, seed: int) -> Path:
    """One more page (40 reviews) whose reviews are all new to ``corpus``: the incremental case.

    Generated with another seed; a seed whose reviews would share a (year, pseudonym) identity
    with the corpus (and so merge into an existing review) is skipped, deterministically.
    """
    gold = [json.loads(line) for line in (corpus / synthetic.GOLD_FILE).read_text().splitlines()]
    known = {(g["publication_year"], c["pseudonym"]) for g in gold for c in g["children"]}
    for s in range(seed + 1000, seed + 1100):
        extra = synthetic.generate(40, s, (40, 40))
        keys = {(g["publication_year"], c["pseudonym"]) for g in extra.gold for c in g["children"]}
        if not keys & known:
            name, text = extra.pages[0]
            path = corpus.parent / f"{corpus.name}-extra" / f"zz-extra-{name}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return path
    raise RuntimeError("no seed gave an extra page with only new reviews")


def worker(size: int, corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Every stage of the build for one corpus, then queries, baselines and the incremental
    rebuild; returns the figures for this size.

    The stages are those of ``pipeline.build`` (cold: no extraction or validation cache), called
    one by one so each can be timed: ``extract_reviews`` → ``rdf.emit`` →
    ``validate.validate_reviews`` → merge triples (+ vocabulary) → ``export.serialise_triples``.
    """
    from rdflib import Graph

    from casegraph.extract.vocab import default_vocabulary
    from casegraph.graph.emit import emit, to_rdflib
    from casegraph.pipeline import build as pipeline
    from casegraph.rdfio.formats import serialise_triples
    from casegraph.recur import recurrence_triples
    from casegraph.search.index import index_triples
    from casegraph.store.engines import OxigraphEngine
    from casegraph.store.queries import bind_values, saved_queries
    from casegraph.validate.shacl import shapes_graph, validate_reviews

    rec = Recorder(args.stage_timeout, Path(args.profile) / str(size) if args.profile else None)
    res: dict[str, Any] = {"reviews_requested": size, "corpus": str(corpus)}
    pages = sorted(corpus.glob("*.txt"))
    res["pages"] = len(pages)
    res["source_bytes"] = sum(p.stat().st_size for p in pages)
    vocab = rec.run("load_vocabulary", default_vocabulary)
    shapes_graph()  # parsed once per process, like a CLI run; not part of the validate figure
    if args.build_only:
        workdir = Path(tempfile.mkdtemp(prefix=f"casegraph-bench-{size}-"))
        try:
            _builds(rec, res, corpus, workdir, args)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        res["stages"] = rec.results
        res["peak_rss_mb"] = round(peak_rss_mb(), 1)
        return res

    # read + parse + extract + merge: one call to the pipeline, split by wrapped calls.  In one
    # process (workers=1) so the wrapped calls happen here; build_cold below uses the page pool.
    totals: dict[str, float] = {}
    with timed_calls(pipeline, ["read_source", "parse_page", "merge_reviews"], totals):
        out = rec.run("read_parse_extract_merge",
                      lambda: pipeline.extract_reviews([corpus], vocab, workers=1))
    if out is None:
        for s in ("emit_rdf", "validate", "recur", "merge_triples", "serialise_turtle",
                  "write_turtle", "search_index", "store_load", *BASELINES):
            rec.skip(s, "needs extract")
        res["stages"] = rec.results
        return res
    reviews, warnings, _files = out
    whole = rec.results["read_parse_extract_merge"]
    fns = {"read": "read_source", "parse": "parse_page", "merge": "merge_reviews"}
    for stage, fn in fns.items():
        rec.results[stage] = {"seconds": round(totals.get(fn, 0), 4),
                              "cpu_seconds": round(totals.get(fn + ":cpu", 0), 4)}
    rec.results["extract"] = {  # what extract_reviews spent outside read, parse and merge
        "seconds": round(whole["seconds"] - sum(totals.get(f, 0) for f in fns.values()), 4),
        "cpu_seconds": round(whole["cpu_seconds"] - sum(totals.get(f + ":cpu", 0)
                                                        for f in fns.values()), 4)}
    res["reviews"] = len(reviews)
    res["warnings"] = len(warnings)
    if args.extract_only:
        for s in ("emit_rdf", "validate", "recur", "merge_triples", "serialise_turtle",
                  "write_turtle", "search_index", "store_load", *BASELINES):
            rec.skip(s, "--extract-only")
        res["stages"] = rec.results
        res["peak_rss_mb"] = round(peak_rss_mb(), 1)
        return res

    emitted = rec.run("emit_rdf", lambda: emit(reviews, vocab))
    if emitted is None:
        for s in ("validate", "recur", "merge_triples", "serialise_turtle", "write_turtle",
                  "search_index", "store_load", *BASELINES):
            rec.skip(s, "needs emit_rdf")
        res["stages"] = rec.results
        return res
    per_review, dataset = emitted
    if args.skip_validate:
        rec.skip("validate", "--skip-validate")
    else:
        out_v = rec.run("validate", lambda: validate_reviews(per_review, vocab.graph, None,
                                                             args.workers))
        if out_v is not None:
            res["conforms"] = out_v.report.conforms
            res["violations"] = len(out_v.report.violations)
            res["validation_counts"] = out_v.counts
            res["validation_workers"] = args.workers

    # Recurrence clusters over every review (pipeline.build clusters the published ones).
    recurrence = rec.run("recur", lambda: recurrence_triples(reviews, vocab)) or []

    def merge_triples() -> list[Any]:  # as pipeline.build does
        return list({t for ts in per_review.values() for t in ts} | set(dataset)
                    | set(recurrence) | set(vocab.ox_triples()))

    triples = rec.run("merge_triples", merge_triples)
    emitted = per_review = None  # free before serialising (peak RSS)
    res["triples"] = len(triples)
    turtle = rec.run("serialise_turtle", lambda: serialise_triples(triples, "turtle"))
    workdir = Path(tempfile.mkdtemp(prefix=f"casegraph-bench-{size}-"))
    ttl = workdir / "casegraph.ttl"
    try:
        if turtle is not None:
            rec.run("write_turtle", lambda: ttl.write_bytes(turtle))
            res["turtle_bytes"] = len(turtle)
            rec.run("search_index", lambda: index_triples(triples, turtle))
            del turtle
        else:
            rec.skip("write_turtle", "needs serialise_turtle")
            rec.skip("search_index", "needs serialise_turtle")
        e2e = ["read_parse_extract_merge", "emit_rdf", "validate", "recur", "merge_triples",
               "serialise_turtle", "write_turtle"]
        if all(rec.ok(s) for s in e2e):
            res["e2e_text_to_validated_turtle_s"] = round(
                sum(rec.results[s]["seconds"] for s in e2e), 3)
            res["e2e_text_to_validated_turtle_cpu_s"] = round(
                sum(rec.results[s]["cpu_seconds"] for s in e2e), 3)
        no_val = [s for s in e2e if s != "validate"]
        if all(rec.ok(s) for s in no_val):
            res["e2e_text_to_turtle_without_validate_s"] = round(
                sum(rec.results[s]["seconds"] for s in no_val), 3)

        # The embedded store, as `casegraph query` uses it: bulk load the Turtle, run saved queries.
        engine = OxigraphEngine()
        if ttl.exists():
            rec.run("store_load", lambda: engine.load_file(ttl))
        else:
            rec.skip("store_load", "no Turtle written")
        queries: dict[str, Any] = {}
        for name, q in sorted(saved_queries().items()):
            if args.skip_queries:
                queries[name] = "skipped (--skip-queries)"
                continue
            if not rec.ok("store_load"):
                queries[name] = "skipped (store not loaded)"
                continue
            try:
                bindings = bind_values(q, {}, vocab)
            except Exception as exc:  # a parameter without a default
                queries[name] = f"skipped ({exc})"
                continue
            times: list[float] = []
            cpu_times: list[float] = []
            rows = 0
            signal.signal(signal.SIGALRM, _alarm)
            signal.alarm(args.stage_timeout)
            try:
                for _ in range(args.query_runs):
                    t, c = time.perf_counter(), time.process_time()
                    rows = len(engine.select(q.text, bindings).rows)
                    times.append(time.perf_counter() - t)
                    cpu_times.append(time.process_time() - c)
            except StageTimeout:
                queries[name] = f"skipped (timeout after {args.stage_timeout} s)"
                continue
            finally:
                signal.alarm(0)
            queries[name] = {"median_ms": round(1000 * statistics.median(times), 2),
                             "median_cpu_ms": round(1000 * statistics.median(cpu_times), 2),
                             "min_ms": round(1000 * min(times), 2), "rows": rows,
                             "runs": len(times)}
            log(f"  query {name}: median {queries[name]['median_ms']} ms, {rows} rows")
        res["queries"] = queries
        engine.store.clear()  # free the store before the baselines (peak RSS is per process)

        # Baselines on the same Turtle / the same graph.
        if ttl.exists() and not args.skip_baseline_rdflib:
            g2 = rec.run("rdflib_parse", lambda: Graph().parse(ttl, format="turtle"))
            if g2 is not None:
                rec.run("rdflib_serialise", lambda: g2.serialize(format="turtle"))
                del g2
            else:
                rec.skip("rdflib_serialise", "needs rdflib_parse")
        else:
            rec.skip("rdflib_parse", "--skip-baseline-rdflib or no Turtle")
            rec.skip("rdflib_serialise", "--skip-baseline-rdflib or no Turtle")
        if args.skip_baseline_shacl:
            rec.skip("pyshacl_whole_graph", "--skip-baseline-shacl")
        else:
            import pyshacl

            whole_graph = to_rdflib(triples)  # conversion not timed: the baseline is pyshacl
            rec.run("pyshacl_whole_graph", lambda: pyshacl.validate(
                whole_graph, shacl_graph=shapes_graph(), inference="none", advanced=True,
                allow_warnings=True, abort_on_first=False))
            del whole_graph
        triples = []

        _builds(rec, res, corpus, workdir, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    res["stages"] = rec.results
    res["peak_rss_mb"] = round(peak_rss_mb(), 1)
    res["peak_rss_source"] = "resource.getrusage(RUSAGE_SELF).ru_maxrss of the per-size subprocess"
    return res


def _builds(rec: Recorder, res: dict[str, Any], corpus: Path, workdir: Path,
            args: argparse.Namespace) -> None:
    """The product's own build, cold, then after adding one page (caches in OUT)."""
    from casegraph.pipeline.build import build

    if args.skip_validate or args.skip_build:
        rec.skip("build_cold", "--skip-validate/--skip-build")
        rec.skip("build_after_one_new_page", "--skip-validate/--skip-build")
        return
    out_dir = workdir / "build"
    extra = extra_page(corpus, args.seed)
    r1 = rec.run("build_cold", lambda: build([corpus], out_dir))
    if r1 is None:
        rec.skip("build_after_one_new_page", "needs build_cold")
        return
    res["build_cold_timings"] = {k: round(v, 3) for k, v in r1.timings.items()}
    res.setdefault("reviews", r1.review_count + len(r1.quarantined))
    res.setdefault("triples", len(r1))  # not r1.triples: a build into OUT holds none (DECISIONS 51)
    del r1
    r2 = rec.run("build_after_one_new_page", lambda: build([corpus, extra], out_dir))
    if r2 is not None:
        res["build_incremental_timings"] = {k: round(v, 3) for k, v in r2.timings.items()}
        res["build_incremental_validation"] = r2.validation
        res["build_incremental_clusters"] = r2.clusters  # recurrence clusters validated / cached
        res["build_incremental_emitted"] = r2.emitted  # reviews emitted / from the review cache
        del r2
        # The same sources again: nothing new (caches only; recurrence read back, DECISIONS 59).
        r3 = rec.run("build_again_unchanged", lambda: build([corpus, extra], out_dir))
        if r3 is not None:
            res["build_unchanged_timings"] = {k: round(v, 3) for k, v in r3.timings.items()}
            del r3


# -- parent: orchestration, table, JSON -------------------------------------------------------
def _secs(stages: dict[str, Any], name: str, key: str = "cpu_seconds") -> float | None:
    v = stages.get(name)
    return v.get(key, v["seconds"]) if isinstance(v, dict) else None


def table(results: dict[str, Any]) -> str:
    """Per stage and size: wall seconds, CPU seconds, and CPU as a ratio against the rdflib
    baseline (parse + serialise of the same Turtle); validation also against whole-graph pyshacl.

    Ratios use CPU time because the benchmark machine may be shared: CPU time of a single-threaded
    stage is what its wall time would be on an idle machine.
    """
    sizes = list(results)
    width = 40
    lines = [f"{'stage':26}" + "".join(f"{s + ' reviews':>{width}}" for s in sizes),
             f"{'':26}" + "".join(f"{'wall s   cpu s  ×rdflib ×pyshacl':>{width}}" for _ in sizes)]

    def bases(r: dict[str, Any]) -> tuple[float | None, float | None]:
        st = r.get("stages", {})
        p, s = _secs(st, "rdflib_parse"), _secs(st, "rdflib_serialise")
        return ((p + s) if p is not None and s is not None else None,
                _secs(st, "pyshacl_whole_graph"))

    rows = ["read", "parse", "extract", "merge", "read_parse_extract_merge", "emit_rdf",
            "validate", "recur", "merge_triples", "serialise_turtle", "write_turtle",
            "search_index", "store_load", *BASELINES, "build_cold", "build_after_one_new_page",
            "build_again_unchanged"]
    for row in rows:
        cells = []
        for s in sizes:
            r = results[s]
            v = r.get("stages", {}).get(row)
            if isinstance(v, dict):
                cpu = v.get("cpu_seconds", v["seconds"])
                rb, sb = bases(r)
                ratio = f"{cpu / rb:8.2f}" if rb else "       -"
                sratio = (f"{cpu / sb:8.2f}" if sb and row in ("validate", "pyshacl_whole_graph")
                          else "        ")
                cells.append(f"{v['seconds']:8.2f} {cpu:8.2f} {ratio} {sratio}")
            elif isinstance(v, str):
                cells.append(v[:width - 2])
            else:
                cells.append("-")
        lines.append(f"{row:26}" + "".join(f"{c:>{width}}" for c in cells))
        timings = {"build_cold": "build_cold_timings",
                   "build_after_one_new_page": "build_incremental_timings",
                   "build_again_unchanged": "build_unchanged_timings"}.get(row)
        for part in BUILD_TIMINGS if timings else ():
            cells = [f"{results[s][timings][part]:8.2f}" + " " * 27
                     if part in results[s].get(timings, {}) else "-" for s in sizes]
            if any(c != "-" for c in cells):
                lines.append(f"{'  · ' + part:26}" + "".join(f"{c:>{width}}" for c in cells))
    for label, key in (("e2e text→valid Turtle s", "e2e_text_to_validated_turtle_s"),
                       ("e2e without validate s", "e2e_text_to_turtle_without_validate_s"),
                       ("triples", "triples"), ("reviews", "reviews"), ("pages", "pages"),
                       ("peak RSS (MB)", "peak_rss_mb")):
        lines.append(f"{label:26}" + "".join(f"{results[s].get(key, '-')!s:>{width}}" for s in sizes))
    qnames = sorted({q for s in sizes for q in results[s].get("queries", {})})
    for q in qnames:
        cells = []
        for s in sizes:
            v = results[s].get("queries", {}).get(q)
            cells.append(f"{v['median_ms']:.0f} / {v.get('median_cpu_ms', v['median_ms']):.0f} ms "
                         f"({v['rows']} rows)" if isinstance(v, dict) else "skipped")
        lines.append(f"{'query ' + q:26}" + "".join(f"{c:>{width}}" for c in cells))
    lines.append(f"{'':26}(queries: median wall / median CPU over the runs; rows returned)")
    return "\n".join(lines)


def run_size(size: int, corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    """One size in a fresh interpreter, so peak RSS and caches are per size."""
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(size),
           "--corpus", str(corpus), "--worker-out", str(out),
           "--stage-timeout", str(args.stage_timeout), "--query-runs", str(args.query_runs)]
    for flag in ("skip_validate", "skip_baseline_shacl", "skip_baseline_rdflib", "extract_only",
                 "skip_build", "skip_queries", "build_only"):
        if getattr(args, flag):
            cmd.append("--" + flag.replace("_", "-"))
    cmd += ["--seed", str(args.seed), "--workers", str(args.workers)]
    if args.profile:
        cmd += ["--profile", str(args.profile)]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, timeout=args.size_timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"reviews_requested": size, "error": f"skipped (size timeout {args.size_timeout} s)"}
    wall = time.perf_counter() - t
    if proc.returncode != 0 or not out.exists() or not out.read_text():
        return {"reviews_requested": size, "error": f"worker failed with exit code {proc.returncode}"}
    result = json.loads(out.read_text(encoding="utf-8"))
    out.unlink(missing_ok=True)
    result["worker_wall_s"] = round(wall, 2)
    return result


def machine() -> dict[str, Any]:
    import pyoxigraph
    import pyshacl
    import rdflib

    def git(*a: str) -> str:
        try:
            return subprocess.run(["git", "-C", str(HERE.parent), *a], capture_output=True,
                                  text=True, check=False).stdout.strip()
        except OSError:
            return ""

    return {"git_head": git("rev-parse", "--short", "HEAD"),
            "git_dirty_files": git("status", "--porcelain", "--untracked-files=no").splitlines(),
            "python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "rdflib": rdflib.__version__, "pyshacl": pyshacl.__version__,
            "pyoxigraph": pyoxigraph.__version__, "generator_version": synthetic.GENERATOR_VERSION}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", type=Path, help="write all figures here")
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="generated corpora")
    p.add_argument("--skip-validate", action="store_true", help="skip casegraph validation")
    p.add_argument("--skip-baseline-shacl", action="store_true", help="skip the pyshacl baseline")
    p.add_argument("--skip-baseline-rdflib", action="store_true", help="skip rdflib parse/serialise")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="validation processes (default: CPU count, as casegraph build)")
    p.add_argument("--build-only", action="store_true",
                   help="only the cold and incremental pipeline.build runs (their own timings)")
    p.add_argument("--skip-queries", action="store_true",
                   help="skip the saved queries (the build's figures without them)")
    p.add_argument("--skip-build", action="store_true",
                   help="skip the cold and incremental pipeline.build runs")
    p.add_argument("--extract-only", action="store_true",
                   help="stop after read/parse/extract/merge (sizes whose graph exceeds RAM)")
    p.add_argument("--stage-timeout", type=int, default=900, help="seconds per stage (default 900)")
    p.add_argument("--size-timeout", type=int, default=7200, help="seconds per size (default 7200)")
    p.add_argument("--query-runs", type=int, default=QUERY_RUNS, help="runs per query (median)")
    p.add_argument("--profile", type=Path, help="write cProfile stats per stage under this dir")
    p.add_argument("--table", type=Path, nargs="+", metavar="JSON",
                   help="print the table from saved --json files (merged) and exit")
    p.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    p.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.worker is not None:
        result = worker(args.worker, args.corpus, args)
        args.worker_out.write_text(json.dumps(result, indent=1), encoding="utf-8")
        return 0

    results: dict[str, Any] = {}
    if args.table:
        for path in args.table:
            results.update(json.loads(path.read_text(encoding="utf-8"))["results"])
        print(table(results))
        return 0
    for size in args.sizes:
        corpus = corpus_for(size, args.seed, args.cache)
        log(f"size {size}: running stages in a subprocess")
        results[str(size)] = run_size(size, corpus, args)
        if "error" in results[str(size)]:
            log(f"size {size}: {results[str(size)]['error']}")
    print(table(results))
    if args.json:
        doc = {"machine": machine(), "seed": args.seed, "query_runs": args.query_runs,
               "profiled": bool(args.profile), "results": results}
        args.json.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
