"""Helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pyoxigraph as ox

from casegraph.core.terms import to_ox

if TYPE_CHECKING:
    from casegraph.pipeline.build import BuildResult

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


def build_then_add(tmp: Path, first: Path, new: Path,
                   while_rebuilding: Callable[[], AbstractContextManager[object]] = nullcontext,
                   ) -> dict[str, BuildResult]:
    """The rebuild tests' builds: ``first`` built into ``tmp/out`` ("first"), ``new`` added and
    the same output rebuilt inside ``while_rebuilding`` ("rebuilt"), and both pages built cold
    into ``tmp/cold`` ("cold"): a rebuild must write what the cold build writes."""
    from casegraph.pipeline.build import build

    src = tmp / "src"
    src.mkdir()
    shutil.copy(first, src)
    out = {"first": build([src], tmp / "out")}
    shutil.copy(new, src)
    with while_rebuilding():
        out["rebuilt"] = build([src], tmp / "out")
    out["cold"] = build([src], tmp / "cold")
    return out
