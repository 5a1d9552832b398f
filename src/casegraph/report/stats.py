"""Figures an analyst can set beside the national analyses: n/N, %, and a 95 % Wilson interval.

Age bands are not here: they live in the age-band saved queries (one home, a ``bands``
parameter), and the report shows what those queries return.

The Wilson score interval is used rather than the normal approximation because prevalence here
is often 0 or N out of a handful of reviews, where the normal interval collapses to a point or
leaves [0, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959964  #: the normal quantile for a two-sided 95 % interval


def wilson(n: int, total: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for n successes in ``total`` trials, as proportions."""
    if total <= 0:
        return (0.0, 0.0)
    p = n / total
    denom = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denom
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denom
    # at p = 0 or 1 the bound is exactly 0 or 1; floating point would leave 0.9999999999999999
    low = 0.0 if n == 0 else max(0.0, centre - half)
    high = 1.0 if n == total else min(1.0, centre + half)
    return (low, high)


@dataclass(frozen=True)
class Prevalence:
    """One concept's prevalence: facts (``n``) and reviews that only mention it."""

    scheme: str
    notation: str
    label: str
    n: int
    total: int
    mentioned_only: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.n / self.total if self.total else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        low, high = wilson(self.n, self.total)
        return (100.0 * low, 100.0 * high)

