"""A named graph published as immutable versions with a pointer (``casegraph push --versioned``).

Why: on Virtuoso neither way of replacing a graph in place is atomic for its readers (measured
and tested in ``tests/test_virtuoso.py``, DECISIONS 42).  Readers run at READ COMMITTED without
a snapshot, so a query scanning the graph while a large replacement commits saw 88,152 of the
100,000 old triples and none of the new; a Graph Store ``PUT`` clears the graph and commits
before it loads; and when one operation of a multi-operation update fails, the operations
before it stay committed.  What *is* atomic everywhere is adding one triple.  So instead of
changing the graph readers use, a versioned push writes a new graph that no reader knows
about, checks it, and then makes it current by adding one triple:

- the versions graph ``<T-casegraph-versions>`` lists the versions of target ``T`` as
  ``<T> dcterms:hasVersion <T-casegraph-v000000042-<hex>>``;
- the **current** version is the greatest listed version IRI: sequence numbers have a fixed
  width, so string order is number order, and every reader and pusher picks the same one;
- a version is never changed once listed.  When a new version becomes current the one it
  replaces is kept, so a reader that resolved it a moment earlier still reads a whole graph;
  older versions are dropped by that push, each graph before its listing, so a crash between
  the two leaves a listing the next push cleans up, never a graph nobody knows about.

``casegraph query --endpoint URL --graph T`` (and every command that reads an endpoint) resolves
``T`` through this pointer once, then queries the version graph as its default graph: all the
queries of one command read the same version.  Without versions it queries ``T`` itself.
Readers that do not go through casegraph find the current version with :func:`versions_query`
and ``ORDER BY DESC(STR(?v)) LIMIT 1``.
"""

from __future__ import annotations

import json
import re
import urllib.parse

from casegraph.core.errors import PushError
from casegraph.core.namespaces import DCTERMS
from casegraph.core.terms import sparql_iri
from casegraph.store.http import request

#: Digits of a version's sequence number: fixed, so that string order is number order.
SEQ_DIGITS = 9
HAS_VERSION = str(DCTERMS.hasVersion)


def versions_graph(graph_iri: str) -> str:
    """The named graph listing the versions of ``graph_iri`` (beside it, never inside it)."""
    return f"{graph_iri}-casegraph-versions"


def version_iri(graph_iri: str, seq: int, tag: str) -> str:
    """The name of version ``seq`` of ``graph_iri``; ``tag`` (random hex) keeps names unique."""
    return f"{graph_iri}-casegraph-v{seq:0{SEQ_DIGITS}d}-{tag}"


def _pattern(graph_iri: str) -> re.Pattern[str]:
    return re.compile(re.escape(f"{graph_iri}-casegraph-v") + rf"(\d{{{SEQ_DIGITS}}})-[0-9a-f]+")


def ours(graph_iri: str, listed: list[str]) -> list[str]:
    """The listed IRIs that are versions of ``graph_iri`` by their name, oldest first."""
    pattern = _pattern(graph_iri)
    return sorted(v for v in listed if pattern.fullmatch(v))


def current(graph_iri: str, listed: list[str]) -> str | None:
    """The current version: the greatest version name listed, or ``None`` (not versioned)."""
    versions = ours(graph_iri, listed)
    return versions[-1] if versions else None


def next_seq(graph_iri: str, listed: list[str]) -> int:
    """The sequence number of the next version (1 for the first)."""
    latest = current(graph_iri, listed)
    match = _pattern(graph_iri).fullmatch(latest) if latest else None
    return int(match.group(1)) + 1 if match else 1


def versions_query(graph_iri: str) -> str:
    """SELECT ?v: every version listed for ``graph_iri``."""
    return (f"SELECT ?v WHERE {{ GRAPH {sparql_iri(versions_graph(graph_iri))} "
            f"{{ {sparql_iri(graph_iri)} <{HAS_VERSION}> ?v }} }}")


def list_versions(query_url: str, graph_iri: str, timeout: float) -> list[str]:
    """The versions listed for ``graph_iri`` on the server, oldest first ([] if not versioned)."""
    data = request("POST", query_url, f"reading the versions of <{graph_iri}>", timeout,
                   urllib.parse.urlencode({"query": versions_query(graph_iri)}).encode("ascii"),
                   {"Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json"})
    try:
        listed = [b["v"]["value"] for b in json.loads(data)["results"]["bindings"]]
    except (ValueError, KeyError, TypeError):
        raise PushError(f"reading the versions of <{graph_iri}>: the query endpoint did not "
                        "answer with SPARQL JSON results") from None
    return ours(graph_iri, listed)
