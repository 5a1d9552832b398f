"""Serialise graphs for other tools (Turtle, N-Triples, JSON-LD, TriG) and read RDF back exactly.

Why not rdflib's writers: rdflib 7.6 writes some string literals as invalid Turtle
(``'\\n\\\\"'``), turns ``"1"^^xsd:decimal`` into ``1.0``, writes ``NaN`` doubles as bare JSON
``NaN`` (invalid JSON) and lone surrogates as ``?``.  N-Triples comes from Oxigraph (its
canonical form); Turtle, TriG and JSON-LD are assembled here from Oxigraph's escaping, because
Oxigraph's Turtle writer uses bare number tokens that rdflib reads back altered (see
``_turtle``).  ``tests/test_export_roundtrip.py`` checks every format in both rdflib and
Oxigraph on 10,000 random literals.

Determinism: triples are sorted by their N-Triples form and prefixes come from
:data:`casegraph.core.prefixes.PREFIXES` (only those used, in name order), so the same graph always
gives the same bytes and exports diff cleanly in git.  Our graphs have no blank nodes.

JSON-LD: compacted with ``ontology/context.jsonld``, which the document carries *inline*, so no
loader ever fetches anything.  Keys are the context's short terms (``publicationYear``), ``id``
and ``type`` alias ``@id`` and ``@type``, canonical integers (within JavaScript's exact range) and
booleans are JSON numbers and booleans, and a value is a bare string wherever the term's
coercion reads it back as the same RDF term; every other literal is an explicit value object,
so the file stays lossless (DECISIONS 41).

TriG: one named graph per source document, named by the source document's IRI.  A review and
everything that hangs off it (children, harm event, learning points, recommendations,
evidence annotations with their targets and quotes) goes into the graph of its *first* source
document, i.e. the one with the smallest ``dcterms:identifier`` (file name), then IRI; the
graph also holds the description of its source document.  Everything that is not about one
source stays in the default graph: the ontology and concept schemes, the safeguarding
partnerships (shared by reviews from several pages), and the dataset/build description.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal

from casegraph.core.errors import CasegraphError
from casegraph.core.fsutil import write_atomic
from casegraph.core.namespaces import (
    CG,
    DCAT,
    DCTERMS,
    ID,
    OWL,
    RDF,
    SKOS,
    VOID,
    XSD,
    XSD_BOOLEAN,
    XSD_INTEGER,
)
from casegraph.core.prefixes import PREFIXES
from casegraph.core.resources import ontology_dir
from casegraph.core.terms import XSD_STRING, from_ox, to_ox

FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "nt": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld"),
    "trig": (ox.RdfFormat.TRIG, ".trig"),
}
#: File suffix → format name, for reading RDF files back (``validate``, ``export --data``).
SUFFIX_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "jsonld",
                  ".json": "jsonld", ".trig": "trig", ".nq": "nquads"}
_OX_READ = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
            "jsonld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG,
            "nquads": ox.RdfFormat.N_QUADS}
#: The published address of ``ontology/context.jsonld``; a JSON-LD input that references it is
#: given the local copy, never the network.
CONTEXT_URL = "https://w3id.org/casegraph/context.jsonld"


def _ox_triple(s: Any, p: Any, o: Any) -> ox.Triple:
    """One triple in Oxigraph terms; a term that cannot be written as RDF is an input error."""
    try:
        return ox.Triple(to_ox(s), to_ox(p), to_ox(o))
    except (ValueError, TypeError) as exc:
        raise CasegraphError(f"cannot export the triple about <{s}>: {exc}") from None


def _nt_key(t: ox.Triple | ox.Quad) -> tuple[str, ...]:
    return tuple(str(x) for x in (t.subject, t.predicate, t.object))


def _used_prefixes(terms: Iterable[ox.Triple | ox.Quad]) -> dict[str, str]:
    """The project prefixes that occur in ``terms``, so no file declares prefixes it never uses."""
    text: set[str] = set()
    for t in terms:
        parts = [t.subject, t.predicate, t.object]
        if isinstance(t, ox.Quad) and isinstance(t.graph_name, ox.NamedNode):
            parts.append(t.graph_name)
        for term in parts:
            if isinstance(term, ox.NamedNode):
                text.add(term.value)
            elif isinstance(term, ox.Literal):
                text.add(term.datatype.value)
    return {p: ns for p, ns in sorted(PREFIXES.items()) if any(v.startswith(ns) for v in text)}


def serialise(graph: Graph, fmt: str) -> bytes:
    """Deterministic bytes of ``graph`` in ``fmt`` (turtle, nt, jsonld, trig)."""
    if fmt not in FORMATS:
        raise CasegraphError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "trig":
        return serialise_trig(graph)
    return serialise_triples((_ox_triple(s, p, o) for s, p, o in graph), fmt)


def serialise_triples(triples: Iterable[ox.Triple], fmt: str) -> bytes:
    """Deterministic bytes of a set of Oxigraph triples (duplicates dropped) in ``fmt``.

    The build uses this directly: its triples never pass through an rdflib graph.  Sorting
    is on each triple's N-Triples form (one native ``str()`` per triple), not on Python tuples
    of term strings: at 400k triples that made writing five times faster.
    """
    if fmt not in FORMATS:
        raise CasegraphError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    unique = set(triples)
    if fmt == "trig":
        g = Graph()
        g.addN((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object), g) for t in unique)
        return serialise_trig(g)
    ordered = sorted(unique, key=str)  # one native str() per triple: its N-Triples form
    nt = ox.serialize(ordered, format=ox.RdfFormat.N_TRIPLES)
    if fmt == "nt":
        return nt
    if fmt == "jsonld":
        return _jsonld(ordered)
    if _numbers_round_trip(nt):
        # Oxigraph's own writer, ~20x faster than the one below, gives the same graph when
        # every number it would write bare is in canonical form (all that builds produce).
        return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=nt_prefixes(nt))
    return _turtle(ordered)


def nt_prefixes(nt: bytes) -> dict[str, str]:
    """The project prefixes whose namespace occurs in the N-Triples ``nt`` (in name order).

    A namespace occurs in a whole file exactly when it occurs in one of its lines, so the
    prefixes of a union are the union of the parts' prefixes (:func:`join_turtle_blocks`)."""
    return {p: ns for p, ns in sorted(PREFIXES.items()) if f"<{ns}".encode() in nt}


@dataclass(frozen=True)
class TurtleBlocks:
    """A set of triples cut into the pieces of the Turtle that :func:`serialise_triples` writes.

    That Turtle lists subjects in the order of their N-Triples form (all triples of one subject
    are adjacent when triples are sorted by their N-Triples lines, since an IRI holds no space
    or ``>``) and Oxigraph writes each subject as one block of lines that depends only on that
    subject's triples and on the prefixes its IRIs match.  So the Turtle of a union of parts is
    the prefix lines and the parts' blocks merged by subject: a rebuild keeps each unchanged
    review's blocks and never sorts its triples again (DECISIONS 51).
    """

    #: (subject in N-Triples form, number of triples, the block's bytes) in subject order.
    blocks: tuple[tuple[str, int, bytes], ...]
    #: Names of the project prefixes the triples use (:func:`nt_prefixes`).
    prefixes: tuple[str, ...]
    #: False when Oxigraph's writer could not be used for these triples (see
    #: :func:`_numbers_round_trip`): then only :func:`serialise_triples` gives the bytes.
    plain: bool


def turtle_blocks(triples: Iterable[ox.Triple]) -> TurtleBlocks:
    """The Turtle blocks of a set of triples (duplicates dropped); see :class:`TurtleBlocks`."""
    ordered, lines = _sorted_lines(list(triples))
    nt = b"".join(lines)
    prefixes = nt_prefixes(nt)
    if not ordered or not _numbers_round_trip(nt):
        return TurtleBlocks((), tuple(prefixes), not ordered)
    counts: dict[str, int] = {}
    for line in lines:
        subject = line[: line.index(b" ")].decode()
        counts[subject] = counts.get(subject, 0) + 1
    body = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    lines = body.split(b"\n")
    starts = [i for i, line in enumerate(lines) if line and not line.startswith((b"@prefix ", b"\t"))]
    if len(starts) != len(counts) or lines[-1] != b"":
        raise ValueError("Oxigraph's Turtle is not one block per subject")  # never seen
    ends = [*starts[1:], len(lines) - 1]
    blocks = tuple((subject, n, b"\n".join(lines[a:b]) + b"\n")
                   for (subject, n), a, b in zip(counts.items(), starts, ends, strict=True))
    return TurtleBlocks(blocks, tuple(prefixes), True)


def _sorted_lines(triples: list[ox.Triple]) -> tuple[list[ox.Triple], list[bytes]]:
    """The distinct triples in the order of their N-Triples lines, and those lines.

    The lines come from one N-Triples serialisation of the triples as given (one line each, in
    their order), sorted as bytes: the order of ``str(triple)``, which is the line without its
    " ." (the space sorts before any character that could follow a shorter line's last one, and
    UTF-8 keeps code-point order), without a ``str()`` and a tuple per triple (about half the
    cost of the blocks of 26,000 recurrence triples, DECISIONS 55)."""
    every = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).split(b"\n")
    if every.pop() != b"" or len(every) != len(triples):
        raise ValueError("not one N-Triples line per triple")  # never seen
    order = sorted(range(len(every)), key=every.__getitem__)
    keep = [i for n, i in enumerate(order) if n == 0 or every[i] != every[order[n - 1]]]
    return [triples[i] for i in keep], [every[i] + b"\n" for i in keep]


def join_turtle_blocks(prefixes: Iterable[str], blocks: Iterable[tuple[str, bytes]]) -> bytes:
    """The Turtle of the given blocks under the given prefixes: the bytes
    :func:`serialise_triples` writes for the union of their triples, if every subject has one
    block (the caller merges a subject's blocks from several parts first)."""
    pieces: list[bytes] = []
    write_turtle_blocks(pieces.append, prefixes, (block for _, block in sorted(blocks)))
    return b"".join(pieces)


def write_turtle_blocks(write: Callable[[bytes], object], prefixes: Iterable[str],
                        blocks: Iterable[bytes]) -> None:
    """Hand the Turtle of ``blocks`` (already in subject order, one per subject) to ``write``
    piece by piece: the prefix lines, then each block, so the file is never one bytes object
    (at 100,000 reviews it is about 3 GB, and joining it whole ran a capped build out of
    memory, DECISIONS 64).  No blocks: nothing at all, as :func:`serialise_triples` writes for
    an empty graph."""
    head: bytes | None = _prefix_lines_of(tuple(sorted(set(prefixes))))
    for block in blocks:
        if head is not None:
            write(head)
            head = None
        write(block)


@lru_cache(maxsize=8)
def _prefix_lines_of(names: tuple[str, ...]) -> bytes:
    """The ``@prefix`` lines Oxigraph writes for these prefixes (in its own order, which is not
    the order given), taken from its output for one triple that uses none of them."""
    probe = ox.NamedNode("urn:casegraph:probe")
    text = ox.serialize([ox.Triple(probe, probe, probe)], format=ox.RdfFormat.TURTLE,
                        prefixes={p: PREFIXES[p] for p in names})
    return text[: text.index(b"<urn:casegraph:probe>")]


_CANONICAL = {XSD_INTEGER.encode(): re.compile(rb"-?(?:0|[1-9][0-9]*)"),
              XSD_BOOLEAN.encode(): re.compile(rb"(?:true|false)")}
#: The datatypes Oxigraph's Turtle writer may write as bare tokens; it quotes every other one
#: (``"2020-01-01"^^xsd:date``), which both parsers read back exactly.
_BARE = frozenset(str(XSD[t]).encode() for t in ("integer", "decimal", "double", "boolean"))


def _numbers_round_trip(nt: bytes) -> bool:
    """True when every typed literal of the N-Triples that Oxigraph could write bare is a
    canonical integer or boolean (plain strings and language strings carry no ``^^`` in
    N-Triples; dates and other datatypes are always written quoted).  Cutting the lexical form
    at the last quote is safe: a form with an escaped quote inside is not a Turtle number, so
    Oxigraph writes it quoted anyway.

    Dates were once refused here too, which sent every build (the vocabulary has ``xsd:date``
    literals) down the hand-written writer: 5.5 CPU-s instead of 17 at 1,000 reviews."""
    chunks = nt.split(b'"^^<')
    for before, after in itertools.pairwise(chunks):
        datatype = after[: after.find(b">")]
        if datatype not in _BARE:
            continue
        rx = _CANONICAL.get(datatype)
        if rx is None or not rx.fullmatch(before[before.rfind(b'"') + 1:]):
            return False
    return True


# --- Turtle and TriG -------------------------------------------------------------------------
#
# Written here, not by Oxigraph's Turtle writer, for one reason found by the property tests:
# Oxigraph writes a typed literal whose lexical form matches the Turtle number or boolean
# grammar as a bare token (``.5``, ``+01``, ``1E-3``), and rdflib's Turtle/TriG parser turns
# every bare number into a Python number and back, so ".5"^^xsd:decimal comes back as "0.5"
# and "+01"^^xsd:integer as "1", whatever NORMALIZE_LITERALS says.  Every literal is therefore
# written in the quoted form, with Oxigraph's N-Triples escaping (which both parsers read
# exactly); IRIs become prefixed names only when the local part needs no escape at all.

_SAFE_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*)\Z")
_RDF_TYPE = str(RDF.type)


class _TurtleTerms:
    """Turtle syntax for Oxigraph terms with a fixed set of prefixes."""

    def __init__(self, prefixes: dict[str, str]):
        # Longest namespace first, so a term takes its most specific prefix.
        self.prefixes = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def iri(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and _SAFE_LOCAL.match(iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return str(ox.NamedNode(iri))

    def term(self, term: ox.NamedNode | ox.Literal) -> str:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        quoted = str(ox.Literal(term.value))  # N-Triples escaping of the lexical form
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype.value == XSD_STRING:
            return quoted
        return f"{quoted}^^{self.iri(term.datatype.value)}"


def _turtle_block(triples: list[ox.Triple], terms: _TurtleTerms, indent: str = "") -> list[str]:
    """Sorted triples as Turtle statements, grouped by subject and predicate."""
    lines: list[str] = []
    prev_s = prev_p = None
    for t in triples:
        p = "a" if t.predicate.value == _RDF_TYPE else terms.iri(t.predicate.value)
        o = terms.term(t.object)
        if t.subject == prev_s and t.predicate == prev_p:
            lines[-1] += " ,"
            lines.append(f"{indent}\t\t{o}")
        elif t.subject == prev_s:
            lines[-1] += " ;"
            lines.append(f"{indent}\t{p} {o}")
        else:
            if lines:
                lines[-1] += " ."
                lines.append("")
            lines.append(f"{indent}{terms.iri(t.subject.value)} {p} {o}")
        prev_s, prev_p = t.subject, t.predicate
    if lines:
        lines[-1] += " ."
    return lines


def _prefix_lines(prefixes: dict[str, str]) -> list[str]:
    return [f"@prefix {p}: <{ns}> ." for p, ns in prefixes.items()]


def _turtle(triples: list[ox.Triple]) -> bytes:
    prefixes = _used_prefixes(triples)
    lines = _prefix_lines(prefixes)
    if lines:
        lines.append("")
    lines.extend(_turtle_block(triples, _TurtleTerms(prefixes)))
    return ("\n".join(lines) + "\n").encode("utf-8")


# --- JSON-LD ---------------------------------------------------------------------------------

def jsonld_context_path() -> Path:
    return ontology_dir() / "context.jsonld"


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The shipped ``@context`` object (prefixes and term definitions)."""
    path = jsonld_context_path()
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CasegraphError(f"cannot read the JSON-LD context: {exc}", path) from None
    return dict(doc["@context"])


def _compact(iri: str) -> str:
    """``cg:heading`` for a project IRI; the IRI itself when no prefix fits safely.

    A suffix starting with ``//`` would make ``p://…`` read as an absolute IRI, and an empty
    suffix is handled inconsistently by processors, so those stay expanded.
    """
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        suffix = iri[len(PREFIXES[best]):]
        if suffix and not suffix.startswith("//"):
            return f"{best}:{suffix}"
    return iri


@dataclass(frozen=True)
class _Term:
    """A term of the shipped context: its short name, the type it coerces values to (``@id``, an
    expanded datatype IRI, or None) and whether it is always an array (``@container: @set``)."""

    name: str
    coerce: str | None
    always_array: bool


def _expand(value: str, prefixes: dict[str, str]) -> str:
    prefix, sep, local = value.partition(":")
    return prefixes[prefix] + local if sep and prefix in prefixes else value


@lru_cache(maxsize=1)
def _context_terms() -> tuple[dict[str, _Term], dict[str, str]]:
    """From the shipped context: property IRI → term, and class IRI → term (for ``type``).

    The context is the one home of the short names (``ontology/context.jsonld``); when two terms
    name one IRI the shorter (then alphabetically first) is used, so the choice is stable.
    """
    ctx = jsonld_context()
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}
    properties: dict[str, _Term] = {}
    classes: dict[str, str] = {}
    for name in sorted(ctx, key=lambda n: (len(n), n)):
        value = ctx[name]
        if name.startswith("@") or name in prefixes:
            continue
        if isinstance(value, str):
            if not value.startswith("@"):
                classes.setdefault(_expand(value, prefixes), name)
            continue
        if not isinstance(value, dict) or set(value) - {"@id", "@type", "@container"}:
            continue  # a definition this writer does not produce values for (language maps ...)
        if value.get("@container", "@set") != "@set":
            continue
        coerce = value.get("@type")
        term = _Term(name, coerce if coerce in (None, "@id") else _expand(coerce, prefixes),
                     value.get("@container") == "@set")
        properties.setdefault(_expand(value["@id"], prefixes), term)
    return properties, classes


@lru_cache(maxsize=4)
def _alias(keyword: str) -> str:
    """The context's alias of a keyword (``id`` for ``@id``), or the keyword itself."""
    return next((k for k, v in jsonld_context().items() if v == keyword), keyword)


#: Integers outside this range stay strings: JavaScript (and some JSON-LD processors) hold JSON
#: numbers as doubles, exact only up to 2**53.
_SAFE_INTEGER = 2**53 - 1
_CANONICAL_INTEGER = re.compile(r"0|-?[1-9][0-9]*")


def _native(term: ox.Literal) -> int | bool | None:
    """A JSON number or boolean that reads back as exactly ``term``, or None.

    Only canonical forms qualify: JSON-LD turns a JSON number back into the canonical lexical
    form, so ``"01"^^xsd:integer`` or ``"1"^^xsd:boolean`` must stay strings.  Doubles and
    decimals never do (JSON-LD writes them back as ``1.0E0``).
    """
    datatype, value = term.datatype.value, term.value
    if datatype == XSD_INTEGER and _CANONICAL_INTEGER.fullmatch(value) and abs(int(value)) <= _SAFE_INTEGER:
        return int(value)
    if datatype == XSD_BOOLEAN and value in ("true", "false"):
        return value == "true"
    return None


def _jsonld_value(term: ox.NamedNode | ox.Literal, coerce: str | None) -> Any:
    """The compacted JSON of one object under a key whose term coerces to ``coerce``.

    A plain JSON value is written only where it expands back to exactly this term; otherwise an
    explicit value object (which no coercion touches) or node reference.
    """
    type_key = _alias("@type")
    if isinstance(term, ox.NamedNode):
        iri = _compact(term.value)
        return iri if coerce == "@id" else {_alias("@id"): iri}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    datatype = term.datatype.value
    native = _native(term)
    if native is not None and coerce in (None, datatype):
        return native
    if coerce == datatype or (coerce is None and datatype == XSD_STRING):
        return term.value
    if datatype == XSD_STRING:
        return {"@value": term.value}
    return {"@value": term.value, type_key: _compact(datatype)}


def _jsonld(triples: list[ox.Triple]) -> bytes:
    """JSON-LD compacted with the shipped context: one node object per subject, the context inline.

    Keys are the context's short terms (``title``, ``publicationYear``), ``id`` and ``type``
    are the aliases of ``@id`` and ``@type``, canonical integers and booleans are JSON numbers
    and booleans, and a term's coercion (``"@type": "@id"``, ``xsd:integer``) lets values be
    bare strings wherever that reads back as the same RDF term.  Anything else is an explicit
    value object, so the file is lossless for every literal (tests/test_export_roundtrip.py).

    Written by hand (not by a JSON-LD library): the mapping from sorted triples is simple
    without blank nodes, it guarantees valid JSON (never ``NaN``), and the bytes do not depend
    on a library's compaction choices.  Nodes are sorted by IRI; in a node ``id`` and ``type``
    come first, then the keys in name order, each key's values in N-Triples order.
    """
    properties, classes = _context_terms()
    id_key, type_key = _alias("@id"), _alias("@type")
    nodes: dict[str, dict[str, list[Any]]] = {}
    arrays: dict[str, bool] = {}
    for t in triples:
        node = nodes.setdefault(t.subject.value, {})
        if t.predicate.value == _RDF_TYPE and isinstance(t.object, ox.NamedNode):
            cls = t.object.value
            node.setdefault(type_key, []).append(classes.get(cls, _compact(cls)))
            continue
        term = properties.get(t.predicate.value)
        key = term.name if term else _compact(t.predicate.value)
        arrays[key] = bool(term and term.always_array)
        node.setdefault(key, []).append(_jsonld_value(t.object, term.coerce if term else None))
    graph = []
    for subject in sorted(nodes):
        values = nodes[subject]
        out: dict[str, Any] = {id_key: _compact(subject)}
        for key in [type_key, *sorted(k for k in values if k != type_key)]:
            if key in values:
                many = values[key]
                out[key] = many if len(many) > 1 or arrays.get(key) else many[0]
        graph.append(out)
    doc = {"@context": jsonld_context(), "@graph": graph}
    text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


# --- TriG ------------------------------------------------------------------------------------

#: Resources that stand on their own: never pulled into one review's named graph.
_SHARED_TYPES = (CG.CaseReview, CG.SourceDocument, CG.SafeguardingPartnership, CG.Build,
                 SKOS.Concept, SKOS.ConceptScheme, OWL.Ontology, DCAT.Dataset, VOID.Dataset)


def _shared_nodes(graph: Graph) -> set[Any]:
    shared: set[Any] = set()
    for cls in _SHARED_TYPES:
        shared.update(graph.subjects(RDF.type, cls))
    return shared


def _first_source(graph: Graph, review: Any) -> Any | None:
    """The review's first source document: smallest file name (dcterms:identifier), then IRI."""
    sources = [s for s in graph.objects(review, DCTERMS.source)
               if (s, RDF.type, CG.SourceDocument) in graph]
    if not sources:
        return None
    return min(sources, key=lambda s: (str(graph.value(s, DCTERMS.identifier) or ""), str(s)))


def trig_quads(graph: Graph) -> list[ox.Quad]:
    """Every triple of ``graph`` exactly once, placed in its named graph (see module docstring).

    A review's dependants are found by walking links in both directions from the review
    through nodes that are not shared resources, so the rule does not depend on IRI shapes.
    """
    shared = _shared_nodes(graph)
    instance = str(ID)
    graph_of: dict[Any, Any] = {}
    for source in sorted(graph.subjects(RDF.type, CG.SourceDocument), key=str):
        graph_of[source] = source
    for review in sorted(graph.subjects(RDF.type, CG.CaseReview), key=str):
        target = _first_source(graph, review)
        if target is None:
            continue
        graph_of[review] = target
        queue = [review]
        while queue:
            node = queue.pop()
            neighbours = [o for o in graph.objects(node)] + [s for s in graph.subjects(object=node)]
            for other in neighbours:
                if (isinstance(other, Literal) or other in shared or other in graph_of
                        or not str(other).startswith(instance)):
                    continue
                graph_of[other] = target
                queue.append(other)
    quads = []
    for s, p, o in graph:
        t = _ox_triple(s, p, o)
        g = graph_of.get(s)
        name = ox.NamedNode(str(g)) if g is not None else ox.DefaultGraph()
        quads.append(ox.Quad(t.subject, t.predicate, t.object, name))
    # Default graph first, then named graphs in IRI order; triples sorted within each.
    quads.sort(key=lambda q: (not isinstance(q.graph_name, ox.DefaultGraph), str(q.graph_name),
                              *_nt_key(q)))
    return quads


def serialise_trig(graph: Graph) -> bytes:
    """Deterministic TriG of ``graph``: one named graph per source document.

    Default-graph triples come first, outside any braces; then each named graph in IRI order.
    """
    quads = trig_quads(graph)
    prefixes = _used_prefixes(quads)
    terms = _TurtleTerms(prefixes)
    lines = _prefix_lines(prefixes)
    groups: dict[str, list[ox.Triple]] = {}
    for q in quads:  # already sorted: default graph first, then by graph name
        key = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        groups.setdefault(key, []).append(ox.Triple(q.subject, q.predicate, q.object))
    for name, triples in groups.items():
        if lines:
            lines.append("")
        if not name:
            lines.extend(_turtle_block(triples, terms))
            continue
        lines.append(f"{terms.iri(name)} {{")
        lines.extend(_turtle_block(triples, terms, indent="\t"))
        lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def export(graph: Graph, fmt: str, path: Path) -> None:
    """Write ``graph`` to ``path`` atomically (a failed export never leaves half a file)."""
    write_atomic(path, serialise(graph, fmt))


# --- reading RDF back ------------------------------------------------------------------------

def _local_contexts(value: Any, path: Path) -> Any:
    """Replace references to our published context by its local copy; refuse any other URL.

    Oxigraph would refuse remote contexts too ("no LoadDocumentCallback"), but this gives the
    user a message that says what to do, and lets documents that cite our context load offline.
    """
    if isinstance(value, list):
        return [_local_contexts(v, path) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key in ("@context", "@import"):
            item = _resolve_context(item, path)
        out[key] = _local_contexts(item, path)
    return out


def _resolve_context(ctx: Any, path: Path) -> Any:
    if isinstance(ctx, list):
        return [_resolve_context(c, path) for c in ctx]
    if isinstance(ctx, str):
        if ctx in (CONTEXT_URL, "context.jsonld") or ctx.endswith("/ontology/context.jsonld"):
            return jsonld_context()
        raise CasegraphError(
            f"JSON-LD @context '{ctx}' is a remote or external reference; casegraph never "
            f"fetches contexts (inline the context, or use {CONTEXT_URL})", path)
    return ctx


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_rdf(data: bytes, fmt: str, path: Path) -> list[ox.Quad]:
    """Quads of an RDF document, parsed by Oxigraph without any network access.

    Errors name the file and the line and column.
    """
    if fmt not in _OX_READ:
        raise CasegraphError(f"unknown RDF format {fmt!r}", path)
    if fmt == "jsonld":
        try:
            doc = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
        except UnicodeDecodeError as exc:
            raise CasegraphError("JSON-LD is not valid UTF-8", path, f"byte {exc.start}") from None
        except ValueError as exc:
            line = getattr(exc, "lineno", None)
            msg = getattr(exc, "msg", str(exc))
            raise CasegraphError(f"not valid JSON: {msg}", path,
                                 f"line {line}" if line else None) from None
        data = json.dumps(_local_contexts(doc, path), ensure_ascii=False).encode("utf-8")
    try:
        return list(ox.parse(data, format=_OX_READ[fmt]))
    except SyntaxError as exc:
        msg = str(exc.args[0] if exc.args else exc).splitlines()[0]
        if "LoadDocumentCallback" in msg:
            msg = "JSON-LD refers to a remote context, which casegraph never fetches"
        place = f"line {exc.lineno}" if fmt != "jsonld" and exc.lineno else None
        raise CasegraphError(f"not valid RDF: {msg}", path, place) from None
    except ValueError as exc:  # e.g. an invalid IRI or language tag
        raise CasegraphError(f"not valid RDF: {exc}", path) from None


def load_graph(path: Path, fmt: str | None = None) -> Graph:
    """An rdflib graph with exactly the terms in ``path`` (all graphs of a dataset merged).

    Parsing goes through Oxigraph and :func:`casegraph.terms.from_ox`, so lexical forms are
    never normalised (rdflib would read ``"01"^^xsd:integer`` as ``1``) and a JSON-LD file
    never triggers a fetch (rdflib's JSON-LD parser downloads remote contexts).
    """
    path = Path(path)
    fmt = fmt or SUFFIX_FORMATS.get(path.suffix.lower(), "turtle")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CasegraphError(f"cannot read: {exc.strerror}", path) from None
    graph = Graph()
    for q in parse_rdf(data, fmt, path):
        graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return graph
