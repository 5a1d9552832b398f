"""How long recurrence clustering takes at scale (issue 12: 10k reviews, ~8 items each, <= 60 s).

Items come from the synthetic generator (``casegraph.synthetic``): its learning points and
recommendations are built from a few dozen templates, so many wordings repeat, as boilerplate
does in real collections.  A second corpus makes every item's wording distinct (one word dropped,
one invented word added) to time the case where grouping identical wordings saves nothing.

The baseline, measured in the same run on the same texts, is scikit-learn's ``TfidfVectorizer``
fitting the distinct texts: the cost of vectorising alone, so the ratio says what the whole
clustering costs in units of "one TF-IDF pass" on this machine, whatever its load.

Usage::

    python benchmarks/recurrence_scale.py --reviews 10000 --seed 1 [--method static]

``--method`` names one of ``casegraph.recur.METHODS`` (default: the build's, "learned").
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time

from casegraph import synthetic
from casegraph.core.model import Evidence, ListItem, Review, SourceRef
from casegraph.recur import DEFAULT_METHOD, METHODS, find_recurrences, items_of
from casegraph.recur.features import normalised

_SOURCE = SourceRef("synthetic.txt", "synthetic.txt", "0" * 64, "text/plain")
_EVIDENCE = Evidence(_SOURCE, 0, 0, "")
#: Items per review at most (the issue's "about 8 items each"; the generator writes up to 16).
ITEMS = 8


def synthetic_reviews(n: int, seed: int, distinct: bool) -> list[Review]:
    """``n`` reviews with the generator's items; with ``distinct``, no two items share a wording."""
    gen = synthetic.Generator(seed)
    rng = random.Random(seed)
    pool = [f"w{k}" for k in range(5000)]
    reviews = []
    for i in range(n):
        year = rng.randrange(2013, 2026)
        plan = gen.review(rng.choice(("digest", "yearly", "monthly")), year)

        def item(text: str) -> ListItem:
            if distinct:
                words = text.split()
                del words[rng.randrange(len(words))]
                words.insert(rng.randrange(len(words) + 1), rng.choice(pool))
                text = " ".join(words)
            return ListItem(text, _EVIDENCE)

        reviews.append(Review(key=(year, f"r{i}"), slug=f"{year}-synthetic-{i}", title=f"Child {i}",
                              heading=f"Child {i}", publication_year=year,
                              learning=[item(t) for t in plan.learning[:ITEMS // 2]],
                              recommendations=[item(t) for t in plan.recommendations[:ITEMS // 2]]))
    return reviews


def _cpu() -> float:
    return time.process_time()


def measure(reviews: list[Review], method: str = DEFAULT_METHOD) -> dict[str, float]:
    items = items_of(reviews)
    texts = sorted({normalised(it.text) for it in items})
    from sklearn.feature_extraction.text import TfidfVectorizer

    TfidfVectorizer().fit_transform(texts[:100])  # import and warm-up outside the timing
    w, c = time.perf_counter(), _cpu()
    TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    base_wall, base_cpu = time.perf_counter() - w, _cpu() - c
    w, c = time.perf_counter(), _cpu()
    clusters = find_recurrences(reviews, method=method)
    wall, cpu = time.perf_counter() - w, _cpu() - c
    return {"items": len(items), "distinct": len(texts), "clusters": len(clusters),
            "largest": max((len(x.members) for x in clusters), default=0),
            "wall": wall, "cpu": cpu, "base_wall": base_wall, "base_cpu": base_cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reviews", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--method", choices=sorted(METHODS), default=DEFAULT_METHOD)
    ap.add_argument("--distinct-only", action="store_true", help="time only the corpus of distinct wordings")
    args = ap.parse_args()
    print(f"method {args.method}")
    print(f"{'corpus':<22}{'items':>8}{'distinct':>10}{'clusters':>10}{'largest':>9}"
          f"{'wall s':>9}{'cpu s':>8}{'tfidf cpu s':>13}{'x tfidf':>9}")
    for distinct in (True,) if args.distinct_only else (False, True):
        reviews = synthetic_reviews(args.reviews, args.seed, distinct)
        m = measure(reviews, args.method)
        name = f"{args.reviews} reviews" + (", distinct" if distinct else "")
        print(f"{name:<22}{m['items']:>8}{m['distinct']:>10}{m['clusters']:>10}{m['largest']:>9}"
              f"{m['wall']:>9.1f}{m['cpu']:>8.1f}{m['base_cpu']:>13.2f}{m['cpu'] / m['base_cpu']:>9.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
