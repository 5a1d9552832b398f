"""Pairwise precision and recall of clusters against hand-labelled gold clusters.

A pair is two items placed in the same cluster; precision is the share of predicted pairs that
gold has too, recall the share of gold pairs that were predicted.  Pairwise scores weigh a
cluster of n items as n(n-1)/2 pairs, so merging two real clusters is punished as it should be
(every cross pair is wrong), which a per-item score would hide.

Gold files (``tests/recurrence/*-gold.yaml``) name items by review pseudonym and item: ``Child H1
R2`` is the second recommendation of the review about the child "Child H1", ``Child H1 L1`` its
first learning point.  Items not named are one-offs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import yaml

from casegraph.core.errors import CasegraphError
from casegraph.core.model import Recurrence, Review

ItemKey = tuple[str, str, int]  # (kind, review slug, position)
_REF = re.compile(r"^(?P<title>.+?)\s+(?P<kind>[LR])(?P<pos>\d+)$")


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    predicted_pairs: int
    gold_pairs: int
    correct_pairs: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pairs(groups: list[list[ItemKey]]) -> set[tuple[ItemKey, ItemKey]]:
    return {(a, b) for g in groups for a, b in combinations(sorted(set(g)), 2)}


def score(predicted: list[list[ItemKey]], gold: list[list[ItemKey]]) -> Scores:
    p, g = pairs(predicted), pairs(gold)
    hit = len(p & g)
    return Scores(hit / len(p) if p else 1.0, hit / len(g) if g else 1.0, len(p), len(g), hit)


def predicted_groups(clusters: list[Recurrence]) -> list[list[ItemKey]]:
    return [[(c.kind, slug, pos) for slug, pos in c.members] for c in clusters]


def load_gold(path: Path, reviews: list[Review]) -> list[list[ItemKey]]:
    """Gold clusters as item keys; an item the reviews do not have is an error naming it."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CasegraphError(f"cannot read gold clusters: {exc}".splitlines()[0], path) from None
    by_title = {c.pseudonym: r for r in reviews for c in r.children if c.pseudonym}
    groups = []
    for name, refs in (doc or {}).get("clusters", {}).items():
        group = []
        for ref in refs:
            m = _REF.match(str(ref))
            review = by_title.get(m.group("title")) if m else None
            if m is None or review is None:
                raise CasegraphError(f"cluster {name}: no review item '{ref}'", path)
            kind = "learning" if m.group("kind") == "L" else "recommendation"
            items = review.learning if kind == "learning" else review.recommendations
            if not 1 <= int(m.group("pos")) <= len(items):
                raise CasegraphError(f"cluster {name}: '{ref}' has no such item", path)
            group.append((kind, review.slug, int(m.group("pos"))))
        groups.append(group)
    return groups
