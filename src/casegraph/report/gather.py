"""Run the saved queries the report is made of, and hand back plain rows.

The report never writes SPARQL of its own: every figure comes from a query in ``queries/`` that
an analyst can run by name, so the numbers on a page can be checked from the command line.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib.term import Node

from casegraph.extract.vocab import default_vocabulary
from casegraph.store.engines import Engine
from casegraph.store.queries import bind_values, resolve_query
from casegraph.store.results import plain_value

Row = dict[str, str | int | float | bool | None]


class Gatherer:
    """Runs saved queries on one engine, memoising each (name, parameters) once per report."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._vocab = default_vocabulary()
        self._memo: dict[tuple[str, tuple[tuple[str, str], ...]], list[Row]] = {}

    def rows(self, name: str, params: Mapping[str, str] | None = None) -> list[Row]:
        """The rows of saved query ``name`` as dicts of plain values (numbers native)."""
        key = (name, tuple(sorted((params or {}).items())))
        if key not in self._memo:
            query = resolve_query(name)
            bindings: dict[str, Node] = bind_values(query, dict(params or {}), self._vocab)
            result = self.engine.select(query.text, bindings)
            self._memo[key] = [dict(zip(result.columns, map(plain_value, row), strict=True))
                               for row in result.rows]
        return self._memo[key]
