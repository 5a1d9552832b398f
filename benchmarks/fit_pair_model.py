"""Fit the build's recurrence pair model and write it to ``src/casegraph/recur/pair-model.json``.

Why a script and a data file: the model is trained on the labelled sets of
``tests/recurrence`` (docs/DECISIONS.md, entries 52 and 53), which are not shipped in the wheel,
so a build cannot train it.  This script fits it once, offline and deterministically (logistic
regression, lbfgs, no randomness; numbers rounded to 6 significant digits so that the last bits
of another machine's arithmetic do not change the file), and ``tests/test_recurrence_model.py``
checks that the shipped file is exactly what it writes.  The threshold follows entry 52's rule
as entry 56 smoothed it (the best union F1 of the sets' out-of-fold probabilities, averaged over
three neighbouring thresholds), measured on the candidate pairs the build scores
(:data:`CANDIDATES`).

Usage::

    python benchmarks/fit_pair_model.py           # rewrite the shipped file
    python benchmarks/fit_pair_model.py --check   # exit 1 if it differs from what this fits
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import recurrence_learned as rl
import recurrence_methods as rm

from casegraph.recur.learned import MODEL_FILE

#: The candidate pairs the build scores: build similarity >= 0.15 and among one text's 10 most
#: similar.  Chosen by leave-one-set-out (entry 53): the same figures as scoring every pair.
CANDIDATES = (0.15, 10)
#: Significant digits kept of every fitted number.
DIGITS = 6


def _round(values: tuple[float, ...] | float) -> list[float] | float:
    if isinstance(values, float):
        return float(f"{values:.{DIGITS}g}")
    return [float(f"{v:.{DIGITS}g}") for v in values]


def _fingerprint(name: str) -> str:
    """The SHA-256 of one labelled set's pages and gold file (names and bytes, sorted): what
    names the data the model was fitted on.  (A commit hash did too until entry 56, but the
    commit that adds a set cannot name itself, so the file could never match in that commit.)"""
    digest = hashlib.sha256()
    for path in sorted([*(rm.HERE / name).rglob("*"), rm.HERE / f"{name}-gold.yaml"]):
        if path.is_file():
            digest.update(path.relative_to(rm.HERE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def model_json() -> str:
    """The file's text, fitted from the labelled sets (``recurrence_methods.SETS``)."""
    data = rm.load()
    sets = [rl.labelled_set(name, reviews, gold) for name, (reviews, gold) in data.items()]
    model = rl.final_fit(sets, rl.PROBABILITIES, CANDIDATES)
    doc = {
        "about": "casegraph's recurrence pair model (docs/DECISIONS.md, entries 52, 53 and 56): logistic "
                 "regression (C = 1) on standardised pair features; probability = 1 / (1 + exp(-z)), "
                 "z = sum(coef * (x - mean) / scale) + intercept.  Written by benchmarks/fit_pair_model.py; "
                 "do not edit by hand.",
        "fitted_on": {"sets": {s.name: _fingerprint(s.name) for s in sets},
                      "pairs": int(sum(len(s.pairs) for s in sets)),
                      "gold_pairs": int(sum(int(s.labels.sum()) for s in sets))},
        "model": {"features": list(model.features), "mean": _round(model.mean),
                  "scale": _round(model.scale), "coef": _round(model.coef),
                  "intercept": _round(model.intercept), "threshold": model.threshold,
                  "candidates": model.candidates, "neighbours": model.neighbours},
    }
    return json.dumps(doc, indent=1) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args()
    text = model_json()
    if args.check:
        same = MODEL_FILE.exists() and MODEL_FILE.read_text(encoding="utf-8") == text
        print(f"{MODEL_FILE}: {'up to date' if same else 'DIFFERS from what the sets give'}")
        sys.exit(0 if same else 1)
    MODEL_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
