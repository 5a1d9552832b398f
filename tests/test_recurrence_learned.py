"""The pair-scorer benchmark of DECISIONS 52 (``benchmarks/recurrence_learned.py``) is honest:
a held-out set's gold never reaches the model, threshold or penalty chosen for it.

Why this test exists: the benchmark's figures are leave-one-set-out, and a leak (a threshold
chosen with the held-out set's labels, say) would inflate them silently.  The sets here are
invented: random pair features, a few of them raised for the gold pairs, no text at all.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from itertools import combinations
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "recurrence_learned.py"


@pytest.fixture(scope="module")
def rl() -> ModuleType:
    spec = importlib.util.spec_from_file_location("recurrence_learned", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def invented_set(rl: ModuleType, name: str, seed: int, gold_seed: int | None = None):  # type: ignore[no-untyped-def]
    """Twelve recommendations of twelve invented reviews, four gold groups of three; features
    random, the word and dense cosines higher inside a group.  ``gold_seed`` draws other gold
    groups (and labels) over the same items and features."""
    rng = random.Random(seed)
    keys = [("recommendation", f"review-{name}-{k}", 1) for k in range(12)]
    truth = [keys[k:k + 3] for k in range(0, 12, 3)]
    s = rl.LabelledSet(name, truth, keys, [k[1] for k in keys], ["recommendation"] * 12)
    s.pairs = list(combinations(range(12), 2))
    same = np.array([a // 3 == b // 3 for a, b in s.pairs])
    s.features = {f: np.array([rng.random() for _ in s.pairs]) for f in rl.ALL}
    for f in ("wc", "dc"):
        s.features[f] = np.where(same, 0.3, 0.0) + 0.4 * s.features[f]
    s.labels = same.astype(int)
    if gold_seed is not None:
        order = list(range(12))
        random.Random(gold_seed).shuffle(order)
        s.gold = [[keys[k] for k in order[j:j + 3]] for j in range(0, 12, 3)]
        group = {k: j // 3 for j, k in enumerate(order)}
        s.labels = np.array([int(group[a] == group[b]) for a, b in s.pairs])
    return s


@pytest.mark.slow  # scikit-learn's import and 18 fits: 4-8 s on the shared machine
def test_a_held_out_sets_gold_never_chooses_its_model_or_threshold(rl: ModuleType) -> None:
    sets = [invented_set(rl, n, seed) for seed, n in enumerate("abc")]
    relabelled = [invented_set(rl, "a", 0, gold_seed=7), *sets[1:]]
    for how in (lambda ss: rl.learned(ss, rl.ALL, [0.2, 0.4, 0.6, 0.8]),
                lambda ss: rl.penalised(ss, "residual", [0.1, 0.2, 0.3, 0.4])):
        before, after = how(sets)[0], how(relabelled)[0]
        assert before[0] == after[0]  # the same threshold (and penalty) for set "a"
        assert before[1].predicted_pairs == after[1].predicted_pairs > 0  # the same clusters
        assert before[1].correct_pairs != after[1].correct_pairs  # only the scoring changed


def test_items_of_one_review_are_never_paired(rl: ModuleType) -> None:
    """The benchmark's clustering keeps one review's items apart, as the build does (49)."""
    s = invented_set(rl, "a", 0)
    s.reviews = ["one review"] * 12
    got = rl.clustered(s, np.ones(len(s.pairs)), 0.5)
    assert got.predicted_pairs == 0
