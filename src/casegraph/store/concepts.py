"""``casegraph concepts``: the vocabulary as a table, with how many reviews have each concept.

The table is the saved query ``concepts`` (``queries/concepts.rq``), so the command, ``casegraph
query concepts`` and any SPARQL endpoint holding a build give the same rows. It runs on the built
graph, which carries the concept schemes with the data (DECISIONS 11). Before the first build
there is no graph to count in: the query then runs on the vocabulary alone, every count is 0, and
:attr:`ConceptTable.built` is False so that the caller can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal

from casegraph.core.errors import CasegraphError
from casegraph.core.schemes import scheme as scheme_named
from casegraph.extract.vocab import default_vocabulary
from casegraph.store.engines import OxigraphEngine, Results
from casegraph.store.queries import bind_values, saved_queries

#: The saved query behind the table; its first column is the scheme's name.
QUERY = "concepts"


@dataclass
class ConceptTable:
    results: Results
    built: bool  #: False: no build was given, the counts are 0 (vocabulary only)


def concept_table(scheme: str | None = None, data: Path | None = None) -> ConceptTable:
    """Each concept of ``scheme`` (every scheme when None) with the reviews of ``data`` that have it.

    ``data`` None means there is no build yet: the vocabulary alone is listed, counts 0. A
    ``data`` file that does not exist is an error, since the user named it.
    """
    if scheme is not None:
        try:
            scheme_named(scheme)  # the registry of schemes names the valid ones
        except KeyError as exc:
            raise CasegraphError(str(exc.args[0])) from None
    if data is not None and not data.exists():
        raise CasegraphError("no such data file (run 'casegraph build' first)", data)
    vocab = default_vocabulary()
    engine = OxigraphEngine()
    if data is None:
        engine.load_graph(vocab.graph)
    else:
        engine.load_file(data)  # a build holds the schemes too
    query = saved_queries()[QUERY]
    results = engine.select(query.text, bind_values(query, {}, vocab))
    if scheme is not None:
        results = Results(results.columns, [r for r in results.rows if r[0] == Literal(scheme)])
    return ConceptTable(results, built=data is not None)
