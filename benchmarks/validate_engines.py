"""Benchmark SHACL validation: the compiled engine against pyshacl, measured in the same run.

Why this shape (issue 13, item 1):

* Both engines run the product's own call, ``validate.validate_reviews`` (vocabulary once,
  reviews in batches, no cache), on the same emitted reviews: the seed build (``data/sources``
  with its curations) and synthetic corpora of 1k and 10k reviews.  pyshacl on 10k reviews
  costs about half an hour of CPU, so pyshacl runs on a sample of the reviews (``--sample``,
  default 500, all of them when the build is smaller) and the ratio is taken per review.
* The machine is shared (2 cores, several agents): every figure is CPU seconds (this process
  plus finished pool workers) as well as wall seconds, and the ratio — compiled against pyshacl
  on the same reviews in the same run — is the figure to compare across runs.
* The vocabulary is validated once per engine and timed apart (``validate_graph``), because
  ``validate_reviews`` memoises it per process.
* ``engine only``: the compiled engine on one Oxigraph store holding the whole batch (load plus
  queries, no batching, hashing or caching), the figure comparable to the issue's anchor of
  Apache Jena validating 1.1 M triples in 2.8 s.

Usage::

    python benchmarks/validate_engines.py --sizes seed 1000 10000 --json validate.json
    python benchmarks/validate_engines.py --sizes seed 1000 --sample 200 --workers 1
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import DEFAULT_CACHE, corpus_for, cpu_now, log  # noqa: E402

from casegraph.core.resources import default_curations, default_sources  # noqa: E402
from casegraph.extract.vocab import default_vocabulary  # noqa: E402
from casegraph.graph.curate import apply_curations, load_curations  # noqa: E402
from casegraph.graph.emit import emit  # noqa: E402
from casegraph.pipeline.build import extract_reviews  # noqa: E402
from casegraph.validate import shacl  # noqa: E402

#: Jena's time for 1.1 M triples on this machine (issue 13) and the goal: within 3x of it.
JENA_SECONDS, JENA_TRIPLES, GOAL_RATIO = 2.8, 1_100_000, 3.0


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), cpu_now()
    value = fn()
    return value, time.perf_counter() - wall, cpu_now() - cpu


def reviews_for(size: str, seed: int, cache: Path, workers: int) -> dict[str, list[ox.Triple]]:
    vocab = default_vocabulary()
    if size == "seed":
        reviews, _, _ = extract_reviews([default_sources()], vocab, workers=workers)
        apply_curations(reviews, load_curations(default_curations(), vocab), vocab)
    else:
        reviews, _, _ = extract_reviews([corpus_for(int(size), seed, cache)], vocab,
                                        workers=workers)
    per_review, _ = emit(reviews, vocab)
    return per_review


def triple_count(per_review: dict[str, list[ox.Triple]]) -> int:
    """Triples validated: each review's subgraph with the scheme membership it uses."""
    membership = shacl.scheme_membership(default_vocabulary().graph)
    return sum(len(shacl.review_subgraph(ts, membership)) for ts in per_review.values())


def engine_only(per_review: dict[str, list[ox.Triple]]) -> tuple[int, float, float]:
    """Load every review subgraph into one store and run the compiled checks (no batches)."""
    membership = shacl.scheme_membership(default_vocabulary().graph)
    lines = sorted({line for ts in per_review.values() for line in shacl.review_subgraph(ts, membership)})
    text = "\n".join(lines).encode("utf-8")
    del lines

    def run() -> int:
        store = ox.Store()
        store.bulk_load(text, format=ox.RdfFormat.N_TRIPLES)
        return len(shacl.run_compiled(store, shacl.compiled_shapes(instance_only=True)))

    found, wall, cpu = timed(run)
    return found, wall, cpu


def measure(size: str, args: argparse.Namespace) -> dict[str, Any]:
    log(f"{size}: extracting and emitting")
    per_review = reviews_for(size, args.seed, args.cache, args.workers)
    vocab = default_vocabulary()
    res: dict[str, Any] = {"reviews": len(per_review), "triples": triple_count(per_review)}
    sample_slugs = sorted(per_review)[:: max(1, len(per_review) // args.sample)][: args.sample]
    sample = {s: per_review[s] for s in sample_slugs}
    res["sample_reviews"] = len(sample)
    res["sample_triples"] = triple_count(sample)
    runs = [("compiled", per_review), ("compiled", sample), ("pyshacl", sample)]
    for engine, reviews in runs:
        label = f"{engine} {'all' if reviews is per_review else 'sample'}"
        log(f"{size}: {label} ({len(reviews)} reviews)")
        shacl._VOCABULARY_FINDINGS.clear()  # the vocabulary is timed apart
        shacl._VOCABULARY_FINDINGS.update(args.vocabulary_memo[engine])
        validation, wall, cpu = timed(lambda e=engine, r=reviews: shacl.validate_reviews(
            r, vocab.graph, None, args.workers, engine=e))
        res[label] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
                      "findings": len(validation.report.findings),
                      "load_avg_1m": os.getloadavg()[0]}
        log(f"  {wall:.2f} s wall, {cpu:.2f} s CPU, {len(validation.report.findings)} findings")
    log(f"{size}: compiled engine only ({res['triples']} triples in one store)")
    found, wall, cpu = engine_only(per_review)
    log(f"  {wall:.2f} s wall, {cpu:.2f} s CPU, {found} findings")
    res["compiled engine only"] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "findings": found}
    c, p = res["compiled sample"], res["pyshacl sample"]
    res["ratio_pyshacl_over_compiled_cpu"] = round(p["cpu_s"] / max(c["cpu_s"], 1e-9), 1)
    res["same_findings_on_sample"] = c["findings"] == p["findings"]
    return res


def vocabulary_memo(args: argparse.Namespace) -> dict[str, Any]:
    """Each engine's vocabulary findings, computed and timed once."""
    vocab = default_vocabulary()
    memo: dict[str, Any] = {}
    args.vocabulary_times = {}
    for engine in shacl.ENGINES:
        shacl._VOCABULARY_FINDINGS.clear()
        _, wall, cpu = timed(lambda e=engine: shacl.validate_reviews({}, vocab.graph, None, 1,
                                                                      engine=e))
        memo[engine] = dict(shacl._VOCABULARY_FINDINGS)
        args.vocabulary_times[engine] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}
        log(f"vocabulary ({len(vocab.graph)} triples), {engine}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    return memo


def table(results: dict[str, Any], vocabulary: dict[str, Any]) -> str:
    lines = [f"{'':34}" + "".join(f"{s:>22}" for s in results)]

    def row(label: str, cell: Callable[[dict[str, Any]], str]) -> None:
        lines.append(f"{label:34}" + "".join(f"{cell(r):>22}" for r in results.values()))

    row("reviews / triples validated", lambda r: f"{r['reviews']} / {r['triples']}")
    for key in ("compiled all", "compiled engine only"):
        row(f"{key}: wall / CPU s", lambda r, k=key: f"{r[k]['wall_s']:.2f} / {r[k]['cpu_s']:.2f}")
    row("compiled all: triples/CPU-s", lambda r: f"{r['triples'] / r['compiled all']['cpu_s']:,.0f}")
    row("compiled all: CPU-ms per review",
        lambda r: f"{1000 * r['compiled all']['cpu_s'] / r['reviews']:.2f}")
    row("sample: reviews", lambda r: str(r["sample_reviews"]))
    row("sample compiled: CPU s", lambda r: f"{r['compiled sample']['cpu_s']:.2f}")
    row("sample pyshacl: CPU s", lambda r: f"{r['pyshacl sample']['cpu_s']:.2f}")
    row("pyshacl: CPU-ms per review",
        lambda r: f"{1000 * r['pyshacl sample']['cpu_s'] / r['sample_reviews']:.1f}")
    row("ratio pyshacl / compiled (CPU)", lambda r: f"{r['ratio_pyshacl_over_compiled_cpu']}x")
    row("same number of findings (sample)", lambda r: str(r["same_findings_on_sample"]))
    row("1.1 M triples at this rate (s)",
        lambda r: f"{JENA_TRIPLES * r['compiled engine only']['cpu_s'] / r['triples']:.2f}")
    row(f"x Jena's {JENA_SECONDS} s (goal <= {GOAL_RATIO:g})",
        lambda r: f"{JENA_TRIPLES * r['compiled engine only']['cpu_s'] / r['triples'] / JENA_SECONDS:.2f}")
    lines.append("vocabulary once: " + ", ".join(
        f"{e} {v['wall_s']:.2f} s wall / {v['cpu_s']:.2f} s CPU" for e, v in vocabulary.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", nargs="+", default=["seed", "1000", "10000"],
                   help="'seed' (data/sources) and/or synthetic review counts")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sample", type=int, default=500, help="reviews pyshacl validates per size")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="generated corpora")
    p.add_argument("--json", type=Path, help="write all figures here")
    args = p.parse_args(argv)
    args.vocabulary_memo = vocabulary_memo(args)
    results = {size: measure(size, args) for size in args.sizes}
    print(table(results, args.vocabulary_times))
    if args.json:
        args.json.write_text(json.dumps({"results": results, "vocabulary": args.vocabulary_times,
                                         "workers": args.workers, "sample": args.sample},
                                        indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
