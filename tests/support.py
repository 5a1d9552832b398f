"""Helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pyoxigraph as ox

from casegraph.core.terms import to_ox

ROOT = Path(__file__).resolve().parents[1]


def load_synthetic() -> ModuleType:
    """The synthetic corpus generator (an importable module: ``casegraph.synthetic``)."""
    from casegraph import synthetic

    return synthetic


def nt_lines(triples: object) -> set[str]:
    """Canonical N-Triples lines (Oxigraph's writer) of Oxigraph triples/quads or rdflib
    triples: the yardstick for comparing graphs across parsers."""
    out = set()
    for t in triples:  # type: ignore[attr-defined]
        if isinstance(t, ox.Triple | ox.Quad):
            out.add(str(ox.Triple(t.subject, t.predicate, t.object)))
        else:
            s, p, o = t[:3]
            out.add(str(ox.Triple(to_ox(s), to_ox(p), to_ox(o))))
    return out
