"""Pair scorers for recurrence measured against the build's similarity (docs/DECISIONS.md, 52).

Two ideas left open by entry 49, each measured by leave-one-set-out over the four labelled sets
(``tests/recurrence``) and printed as rows of ``recurrence_methods.py``:

* a small *learned* pair scorer: logistic regression (scikit-learn, standardised features,
  C = 1, not tuned) over features of two items of one kind from different reviews, trained on
  the gold pairs of three sets and applied to the fourth; average linkage then runs on the
  predicted probability.  The threshold for the held-out set is chosen on the three training
  sets from *out-of-fold* probabilities (each of them predicted by a model trained on the other
  two), so no figure comes from a model or threshold that saw its own set;
* hand-set *mismatch penalties* on the build's similarity: minus ``d`` when both items address
  agencies (other than the partnership) and share none, or minus ``d`` x (1 - the dense cosine
  of the words the two items do not share), so that near-misses which differ only in the
  recipient or the object ("police tell schools" / "police tell children's social care") stay
  apart and the threshold can go lower; ``d`` and the threshold are chosen together on the
  three other sets.

Features (:func:`pair_features`): the word cosine and the dense cosine of the build
(:mod:`casegraph.recur.features`), their product, the IDF-weighted overlap of shared terms (sum,
largest, and as a binary cosine, BM25-like: rare shared words count most), the number of shared
terms, the largest IDF among the terms only one item has, the dense cosine of the unshared
words, the same addressed agency / two different addressed agencies, the same leading word
(the first word after the modal and the addressee, a stand-in for the action verb: casegraph has
no parser, so no object head noun), the ratio of the two lengths, and the item kind.  A build
within the 10k time budget could only score the candidate pairs it already finds (similarity
>= 0.275, the build's threshold): the row "pairs of static@0.275 only" measures that form
(every other pair counts as 0).  Neither idea won (entry 52), so none of this is in the build.

Nothing here is imported by ``casegraph``; scikit-learn is already a dependency.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from casegraph.core.model import Review
from casegraph.recur import items_of
from casegraph.recur.cluster import CONFLICT, average_linkage
from casegraph.recur.features import STOPWORDS, WORDS, embed, normalised, terms, tfidf
from casegraph.recur.score import ItemKey, Scores, score

#: Words skipped before an item's leading word: modals, articles and the usual addressees.
LEAD_SKIP = STOPWORDS | {"every", "each", "all", "any", "there", "to", "that", "adult", "health",
                         "police", "school", "schools", "hospital", "midwives", "midwife", "visitors",
                         "visitor", "gp", "gps", "social", "care", "workers", "worker"}
#: The features of the full learned scorer, and of the smallest one (the build's two cosines).
ALL = ("wc", "dc", "wcdc", "shared_idf", "shared_max", "shared_cos", "shared_n", "only_max",
       "residual", "agency_same", "agency_diff", "lead_same", "length_ratio", "learning")
COSINES = ("wc", "dc")
#: Thresholds tried on learned probabilities.
PROBABILITIES = [round(0.05 + 0.025 * k, 4) for k in range(37)]  # 0.05 .. 0.95
#: Penalty weights tried (chosen with the threshold by leave-one-set-out).
PENALTIES = (0.0, 0.05, 0.1, 0.2, 0.3)


@dataclass
class LabelledSet:
    """One labelled set's items, its pairs (two items of one kind from two reviews), their
    features and gold labels, and what clustering them needs."""

    name: str
    gold: list[list[ItemKey]]
    keys: list[ItemKey]
    reviews: list[str]
    kinds: list[str]
    pairs: list[tuple[int, int]] = field(default_factory=list)
    features: dict[str, np.ndarray] = field(default_factory=dict)
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0))


def _lead(text: str) -> str:
    return next((w for w in normalised(text).split() if w not in LEAD_SKIP), "")


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def labelled_set(name: str, reviews: list[Review], gold: list[list[ItemKey]]) -> LabelledSet:
    """Every cross-review pair of one kind of ``reviews`` with its features and gold label."""
    items = items_of(reviews)
    texts = [normalised(it.text) for it in items]
    unique = sorted(set(texts))
    at = {t: k for k, t in enumerate(unique)}
    words, dense = tfidf(unique), embed(unique)
    df = Counter(w for t in unique for w in set(terms(t)))
    idf = {w: math.log((1 + len(unique)) / (1 + k)) + 1.0 for w, k in df.items()}
    content = [[w for w in t.split() if w not in STOPWORDS] for t in texts]
    out = LabelledSet(name, gold, [(it.kind, it.review, it.position) for it in items],
                      [it.review for it in items], [it.kind for it in items])
    group = {key: g for g, members in enumerate(gold) for key in members}
    rows: list[dict[str, float]] = []
    labels = []
    for a, b in combinations(range(len(items)), 2):
        if items[a].kind != items[b].kind or items[a].review == items[b].review:
            continue
        ua, ub = at[texts[a]], at[texts[b]]
        ta, tb = set(terms(texts[a])), set(terms(texts[b]))
        rows.append(pair_features(words[ua], words[ub], dense[ua], dense[ub], ta, tb, idf,
                                  (content[a], content[b]),
                                  (set(items[a].agencies), set(items[b].agencies)),
                                  (_lead(texts[a]), _lead(texts[b])), items[a].kind))
        out.pairs.append((a, b))
        ga, gb = group.get(out.keys[a]), group.get(out.keys[b])
        labels.append(ga is not None and ga == gb)
    out.features = {k: np.array([r[k] for r in rows]) for k in ALL}
    out.labels = np.array(labels, dtype=int)
    return out


def pair_features(va: dict[str, float], vb: dict[str, float], da: np.ndarray, db: np.ndarray,
                  ta: set[str], tb: set[str], idf: dict[str, float],
                  content: tuple[list[str], list[str]], agencies: tuple[set[str], set[str]],
                  leads: tuple[str, str], kind: str) -> dict[str, float]:
    """The features of one pair (see the module docstring)."""
    wc = sum(w * vb.get(t, 0.0) for t, w in va.items())
    dc = float(da @ db)
    shared, only = ta & tb, ta ^ tb
    norm = math.sqrt(sum(idf[t] ** 2 for t in ta) * sum(idf[t] ** 2 for t in tb)) or 1.0
    ca, cb = content
    ra, rb = [w for w in ca if w not in set(cb)], [w for w in cb if w not in set(ca)]
    residual = float(_unit(embed([" ".join(ra)])[0]) @ _unit(embed([" ".join(rb)])[0])) if ra and rb else 1.0
    aa, ab = (a - {"AG-PART"} for a in agencies)
    return {"wc": wc, "dc": dc, "wcdc": wc * dc,
            "shared_idf": sum(idf[t] for t in shared),
            "shared_max": max((idf[t] for t in shared), default=0.0),
            "shared_cos": sum(idf[t] ** 2 for t in shared) / norm,
            "shared_n": float(len(shared)),
            "only_max": max((idf[t] for t in only), default=0.0),
            "residual": residual,
            "agency_same": float(bool(aa & ab)),
            "agency_diff": float(bool(aa and ab and not aa & ab)),
            "lead_same": float(bool(leads[0]) and leads[0] == leads[1]),
            "length_ratio": min(len(ta), len(tb)) / max(len(ta), len(tb), 1),
            "learning": float(kind == "learning")}


def clustered(s: LabelledSet, similarity: np.ndarray, threshold: float, gate: float | None = None
              ) -> Scores:
    """Average linkage per kind on ``similarity`` (one value per pair of ``s``), two items of
    one review never together, scored against gold; with ``gate``, only the pairs whose build
    similarity reaches it keep theirs (the others count as 0: what a build that scores only the
    candidate pairs it has already found would see)."""
    if gate is not None:
        similarity = np.where(build_similarity(s) >= gate, similarity, 0.0)
    groups = []
    for kind in ("learning", "recommendation"):
        local = [k for k, x in enumerate(s.kinds) if x == kind]
        at = {g: i for i, g in enumerate(local)}
        sims = {(at[a], at[b]): float(v) for (a, b), v in zip(s.pairs, similarity, strict=True)
                if s.kinds[a] == kind}
        for i, j in combinations(range(len(local)), 2):
            if s.reviews[local[i]] == s.reviews[local[j]]:
                sims[i, j] = CONFLICT
        groups += [[s.keys[local[i]] for i in flat] for flat in average_linkage(len(local), sims, threshold)]
    return score(groups, s.gold)


def build_similarity(s: LabelledSet) -> np.ndarray:
    return WORDS * s.features["wc"] + (1.0 - WORDS) * s.features["dc"]


def union(scores: Sequence[Scores]) -> Scores:
    hit = sum(x.correct_pairs for x in scores)
    predicted, gold = sum(x.predicted_pairs for x in scores), sum(x.gold_pairs for x in scores)
    return Scores(hit / predicted if predicted else 1.0, hit / gold if gold else 1.0, predicted, gold, hit)


def _best(options: Sequence, scored: Callable[[object], Scores]):  # type: ignore[no-untyped-def]
    """The option with the best F1 (ties: the first, i.e. the lowest threshold of a rising grid,
    as ``recurrence_methods.py`` breaks them)."""
    return max(options, key=lambda o: scored(o).f1)


def _model(train: Sequence[LabelledSet], feats: Sequence[str]) -> Callable[[LabelledSet], np.ndarray]:
    """Logistic regression on the standardised features of ``train``'s pairs; returns a function
    giving each pair of a set its probability of being a gold pair."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([np.column_stack([t.features[f] for f in feats]) for t in train])
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-9
    fit = LogisticRegression(C=1.0, max_iter=2000).fit((x - mu) / sd,
                                                       np.concatenate([t.labels for t in train]))
    return lambda s: fit.predict_proba((np.column_stack([s.features[f] for f in feats]) - mu) / sd)[:, 1]


def learned(sets: Sequence[LabelledSet], feats: Sequence[str], grid: Sequence[float],
            gate: float | None = None) -> list[tuple[float, Scores]]:
    """Leave one set out: train on the others, threshold from their out-of-fold probabilities."""
    out = []
    for k, held in enumerate(sets):
        model, t = final_model([s for j, s in enumerate(sets) if j != k], feats, grid, gate)
        out.append((t, clustered(held, model(held), t, gate)))
    return out


def penalised(sets: Sequence[LabelledSet], feature: str, grid: Sequence[float]
              ) -> list[tuple[tuple[float, float], Scores]]:
    """The build's similarity minus ``d`` x a mismatch; ``d`` and the threshold chosen on the
    other three sets.  ``feature`` is ``agency_diff`` (1 when the addressees differ) or
    ``residual`` (the penalty is 1 - the unshared words' dense cosine)."""
    def mismatch(s: LabelledSet) -> np.ndarray:
        f = s.features[feature]
        return 1.0 - f if feature == "residual" else f

    cache: dict[tuple[str, float, float], Scores] = {}

    def run(s: LabelledSet, d: float, t: float) -> Scores:
        if (s.name, d, t) not in cache:
            cache[s.name, d, t] = clustered(s, build_similarity(s) - d * mismatch(s), t)
        return cache[s.name, d, t]

    options = [(d, t) for d in PENALTIES for t in grid]
    out = []
    for k, held in enumerate(sets):
        train = [s for j, s in enumerate(sets) if j != k]
        d, t = _best(options, lambda o, train=train: union([run(s, *o) for s in train]))  # type: ignore[misc]
        out.append(((d, t), run(held, d, t)))
    return out


def final_model(sets: Sequence[LabelledSet], feats: Sequence[str], grid: Sequence[float],
                gate: float | None = None) -> tuple[Callable[[LabelledSet], np.ndarray], float]:
    """The model a build would ship: trained on every set, its threshold the best union F1 of
    the sets' out-of-fold probabilities (each set predicted by a model trained on the others)."""
    out_of_fold = [(s, _model([t for t in sets if t is not s], feats)(s)) for s in sets]
    threshold = _best(grid, lambda t: union([clustered(s, p, t, gate) for s, p in out_of_fold]))  # type: ignore[arg-type]
    return _model(sets, feats), threshold
