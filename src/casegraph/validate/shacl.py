"""SHACL validation, at any scale, and a report a person can act on.

Two engines, one meaning: ``compiled`` (the default) runs the shapes compiled to SPARQL on
Oxigraph (:mod:`casegraph.validate.compiled`, handing any shape it cannot compile to pyshacl);
``pyshacl`` runs pyshacl itself, the reference the compiled engine is tested against.  The
environment variable ``CASEGRAPH_SHACL=pyshacl`` (or the ``engine`` argument) chooses pyshacl.

Two ways, one meaning:

* :func:`validate_graph` validates a whole graph (plus the concept schemes) in one run:
  what ``casegraph validate FILE`` does, and (with pyshacl) the reference the batched way is
  tested against.
* :func:`validate_reviews` validates the concept schemes once, then each review's own subgraph
  (with the scheme membership of the concepts it uses) in batches, on a pool of processes, and
  caches each review's findings under the hash of its subgraph and of the shapes, so an
  unchanged review is never validated twice.  This is sound because no shape in
  ``ontology/shapes.ttl`` looks beyond one review's subgraph; ``tests/test_validate_scale.py``
  shows the two ways give identical findings on a 1k-review build with broken reviews.

Findings are grouped by the review they concern (a child, item or evidence node is traced back
to its review).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import CG, DCTERMS, ID, RDF, RDF_TYPE, RDFS_SUBCLASSOF, SH, SKOS
from casegraph.core.prefixes import bind_prefixes
from casegraph.core.resources import ontology_dir
from casegraph.core.terms import from_ox, to_ox, triples_to_ox
from casegraph.core.workers import pool as worker_pool
from casegraph.validate.compiled import (
    Check,
    Compiled,
    compiled_for,
    declared_prefixes,
    path_text,
)

SHAPES_FILES = ("shapes.ttl", "vocabulary-shapes.ttl")
#: The environment variable that chooses the engine, and the engines (the first is the default).
ENGINE_VARIABLE = "CASEGRAPH_SHACL"
ENGINES = ("compiled", "pyshacl")
#: Bumped when findings of the same data change form, so cached findings of older code are misses.
FINDINGS_FORMAT = "2"

log = logging.getLogger(__name__)


def engine_name(engine: str | None = None) -> str:
    """The engine to use: ``engine`` if given, else ``$CASEGRAPH_SHACL``, else ``compiled``."""
    name = engine or os.environ.get(ENGINE_VARIABLE) or ENGINES[0]
    if name not in ENGINES:
        raise CasegraphError(f"unknown SHACL engine {name!r}; use one of {', '.join(ENGINES)}",
                             ENGINE_VARIABLE)
    return name
#: Reviews per pyshacl run: large enough to amortise pyshacl's per-run cost, small enough to
#: spread over the workers and keep each worker's memory low.
BATCH_REVIEWS = 250


@dataclass(frozen=True)
class Finding:
    severity: str  # "Violation" | "Warning" | "Info"
    review: str | None
    focus: str
    path: str | None
    value: str | None
    message: str
    focus_iri: str = ""
    path_iri: str = ""
    value_nt: str = ""

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        val = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{val}"

    def key(self) -> tuple[str, ...]:
        return (self.review or "", self.severity, self.focus_iri, self.path_iri, self.value_nt,
                self.message)


@dataclass
class Report:
    conforms: bool
    findings: list[Finding]

    def quarantinable(self) -> set[str] | None:
        """The reviews whose subgraphs hold a violation, or None when a violation belongs to no
        review (the vocabulary itself): then leaving reviews out cannot make the graph conform."""
        slugs = {f.review for f in self.violations}
        return None if None in slugs else {s for s in slugs if s is not None}

    def about(self, reviews: set[str]) -> Report:
        """The findings about ``reviews`` only (the quarantine's own report)."""
        return _report(f for f in self.findings if f.review in reviews)

    def without(self, reviews: set[str]) -> Report:
        """The findings of the published graph: those about ``reviews`` left out."""
        return _report(f for f in self.findings if f.review not in reviews)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    def text(self) -> str:
        """Readable report, grouped by review."""
        if not self.findings:
            return "conforms: no violations, no warnings"
        groups: dict[str, list[Finding]] = defaultdict(list)
        for f in self.findings:
            groups[f.review or "(not part of a review)"].append(f)
        out = [f"{len(self.violations)} violation(s), {len(self.warnings)} warning(s)"]
        for review in sorted(groups):
            out.append(f"review {review}:")
            out.extend("  " + f.line() for f in sorted(groups[review], key=Finding.line))
        return "\n".join(out)

    @property
    def graph(self) -> Graph:
        """The report as a SHACL ``sh:ValidationReport`` graph (IRIs, no blank nodes, so the
        written report is byte-stable between runs)."""
        g = Graph()
        bind_prefixes(g)
        report = URIRef(f"{ID}validation/report")
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, Literal(self.conforms)))
        for n, f in enumerate(sorted(self.findings, key=Finding.key), start=1):
            res = URIRef(f"{ID}validation/result-{n}")
            g.add((report, SH.result, res))
            g.add((res, RDF.type, SH.ValidationResult))
            g.add((res, SH.resultSeverity, SH[f.severity]))
            g.add((res, SH.resultMessage, Literal(f.message)))
            if f.focus_iri:
                g.add((res, SH.focusNode, URIRef(f.focus_iri)))
            if f.path_iri:
                g.add((res, SH.resultPath, URIRef(f.path_iri)))
            if f.value_nt:
                g.add((res, SH.value, _term_of_nt(f.value_nt)))
        return g


def _term_of_nt(text: str):  # type: ignore[no-untyped-def]
    quad = next(iter(ox.parse(f"<urn:s> <urn:p> {text} .".encode(), format=ox.RdfFormat.N_TRIPLES)))
    return from_ox(quad.object)


def _nt(term) -> str:  # type: ignore[no-untyped-def]
    from casegraph.core.terms import to_ox

    return str(to_ox(term))


def _read_shapes(names: Iterable[str]) -> Graph:
    g = Graph()
    for name in names:
        path = ontology_dir() / name
        try:
            g.parse(path, format="turtle")
        except Exception as exc:
            raise CasegraphError(f"cannot parse SHACL shapes: {exc}".splitlines()[0], path) from None
    return g


@lru_cache(maxsize=4)
def shapes_graph(instance_only: bool = False) -> Graph:
    """The project shapes: all of them, or only those for review data (no vocabulary shapes)."""
    return _read_shapes(SHAPES_FILES[:1] if instance_only else SHAPES_FILES)


@lru_cache(maxsize=1)
def shapes_digest() -> str:
    h = hashlib.sha256()
    for name in SHAPES_FILES:
        h.update((ontology_dir() / name).read_bytes())
    return h.hexdigest()


def _short(graph: Graph, node) -> str:  # type: ignore[no-untyped-def]
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:
            return f"<{node}>"
    return str(node)


def _names() -> Graph:
    """An empty graph with the project prefixes: how findings name IRIs, whichever engine found
    them (a fresh one per run: rdflib's name lookup keeps state between calls)."""
    g = Graph()
    bind_prefixes(g)
    return g


_REVIEW_NS = f"{ID}review/"


class _Links(Protocol):
    """The few look-ups that trace a node to its review, on rdflib or on Oxigraph."""

    def is_review(self, node) -> bool: ...  # type: ignore[no-untyped-def]
    def value(self, node, pred): ...  # type: ignore[no-untyped-def]
    def subject(self, pred, node): ...  # type: ignore[no-untyped-def]


class _GraphLinks:
    def __init__(self, graph: Graph):
        self.graph = graph

    def is_review(self, node) -> bool:  # type: ignore[no-untyped-def]
        return (node, RDF.type, CG.CaseReview) in self.graph

    def value(self, node, pred):  # type: ignore[no-untyped-def]
        return self.graph.value(node, pred)

    def subject(self, pred, node):  # type: ignore[no-untyped-def]
        return self.graph.value(object=node, predicate=pred)


class _StoreLinks:
    def __init__(self, store: ox.Store):
        self.store = store

    def _first(self, s, p, o):  # type: ignore[no-untyped-def]
        for q in self.store.quads_for_pattern(s, p, o):
            return q
        return None

    def is_review(self, node) -> bool:  # type: ignore[no-untyped-def]
        if isinstance(node, Literal):
            return False
        return self._first(to_ox(node), _RDF_TYPE, _CASE_REVIEW) is not None

    def value(self, node, pred):  # type: ignore[no-untyped-def]
        if isinstance(node, Literal):
            return None
        q = self._first(to_ox(node), to_ox(pred), None)
        return from_ox(q.object) if q is not None else None

    def subject(self, pred, node):  # type: ignore[no-untyped-def]
        q = self._first(None, to_ox(pred), to_ox(node))
        return from_ox(q.subject) if q is not None else None


def _review_of(links: _Links, node) -> str | None:  # type: ignore[no-untyped-def]
    """The id (slug) of the review a node belongs to, following item, evidence, child and harm
    links; reviews without a dcterms:identifier are named by their IRI's last segment."""
    if links.is_review(node):
        ident = links.value(node, DCTERMS.identifier)
        return str(ident) if ident is not None else str(node).removeprefix(_REVIEW_NS)
    for pred, inverse in ((CG.itemOf, False), (CG.annotates, False), (CG.aboutChild, True),
                          (CG.hasHarmEvent, True)):
        other = links.subject(pred, node) if inverse else links.value(node, pred)
        if other is not None:
            return _review_of(links, other) if other != node else None
    return None


def _run_pyshacl(data: Graph, shapes: Graph) -> list[Finding]:
    import pyshacl

    # inplace: without inference pyshacl never changes the data, and copying it first cost
    # about a third of each run.
    _conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
        abort_on_first=False, inplace=True)
    links, names = _GraphLinks(data), _names()
    findings: list[Finding] = []
    for res in results.subjects(RDF.type, SH.ValidationResult):
        sev = results.value(res, SH.resultSeverity)
        focus = results.value(res, SH.focusNode)
        path = results.value(res, SH.resultPath)
        value = results.value(res, SH.value)
        msg = results.value(res, SH.resultMessage)
        label = (path_text(results, path, partial(_short, names))
                 if isinstance(path, BNode) else None)
        findings.append(_finding(links, names, str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                                 focus, path, value, str(msg) if msg else "constraint not met",
                                 label))
    return findings


def _finding(links: _Links, names: Graph, severity: str, focus, path, value, message: str,  # type: ignore[no-untyped-def]
             path_label: str | None = None) -> Finding:
    """One finding in both readable and exact forms, whichever engine found it (the engines,
    and the batched and whole-graph ways, must produce identical findings).  A complex path is
    named by ``path_label`` (SPARQL path syntax), never by its blank node."""
    return Finding(
        severity=severity,
        review=_review_of(links, focus),
        focus=_short(names, focus),
        path=(path_label or _short(names, path)) if path is not None else None,
        value=_short(names, value) if value is not None else None,
        message=message,
        focus_iri=str(focus) if isinstance(focus, URIRef) else "",
        path_iri=str(path) if isinstance(path, URIRef) else "",
        value_nt=_nt(value) if value is not None and not isinstance(value, Graph) else "")


def _report(findings: Iterable[Finding]) -> Report:
    unique = {f.key(): f for f in findings}
    ordered = sorted(unique.values(), key=lambda f: (f.review or "", f.line(), f.key()))
    return Report(conforms=not any(f.severity == "Violation" for f in ordered), findings=ordered)


def _rdflib_graph(*graphs: Graph) -> Graph:
    full = Graph()
    bind_prefixes(full)
    for g in graphs:
        for t in g:
            full.add(t)
    return full


def validate_graph(data: Graph, vocab_graph: Graph | None = None, engine: str | None = None,
                   ) -> Report:
    """Validate ``data`` (plus the vocabulary) against every project shape in one run."""
    graphs = (data,) if vocab_graph is None else (data, vocab_graph)
    text = "\n".join(f"{t} ." for g in graphs for t in triples_to_ox(g))
    if engine_name(engine) == "compiled" and not rewritten_literals(text):
        store = ox.Store()
        store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return _report(run_compiled(store, compiled_shapes(), lambda: _rdflib_graph(*graphs)))
    return _report(_run_pyshacl(_rdflib_graph(*graphs), shapes_graph()))


# --- the compiled engine --------------------------------------------------------------------------

def compiled_shapes(instance_only: bool = False) -> Compiled:
    """The project shapes compiled (once per process, keyed by the SHA-256 of the files); shapes
    the compiler refuses are logged and named in :attr:`Compiled.refused`."""
    names = SHAPES_FILES[:1] if instance_only else SHAPES_FILES
    source = b"".join((ontology_dir() / name).read_bytes() for name in names)
    return compiled_for(shapes_graph(instance_only), source)


def refusal_notes(instance_only: bool = False) -> list[str]:
    """One warning line per shape the compiled engine hands to pyshacl (none today)."""
    return [f"SHACL shape not compiled, validated with pyshacl instead: {r}"
            for r in compiled_shapes(instance_only).refused]


_TYPED_LITERAL = re.compile(r'"[^"\\\n]*"\^\^<http://www\.w3\.org/2001/XMLSchema#\w+>')


def rewritten_literals(text: str) -> list[str]:
    """The typed literals of N-Triples ``text`` that an Oxigraph store would not keep as they are.

    Oxigraph stores numbers, booleans and dates natively, so ``"3"^^xsd:int`` reads back as
    ``"3"^^xsd:integer`` and ``"01"^^xsd:integer`` as ``"1"``: a ``sh:datatype xsd:integer``
    check would pass what pyshacl rejects.  Data with such literals (casegraph never emits
    them) is validated by pyshacl instead.  Each distinct literal is tried once in a scratch
    store: a few hundred per batch.
    """
    literals = sorted(set(_TYPED_LITERAL.findall(text)))
    if not literals:
        return []
    probe = ox.Store()
    probe.bulk_load("\n".join(f"<urn:x:{n}> <urn:x:p> {lit} ." for n, lit in enumerate(literals))
                    .encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    kept = {int(q.subject.value[6:]): str(q.object) for q in probe}
    rewritten = [lit for n, lit in enumerate(literals) if kept.get(n) != lit]
    if rewritten:
        log.warning("%d literal(s) Oxigraph would rewrite (such as %s): validated with pyshacl",
                    len(rewritten), rewritten[0])
    return rewritten


def run_compiled(store: ox.Store, compiled: Compiled,
                 rdflib_data: Callable[[], Graph] | None = None) -> list[Finding]:
    """Every compiled check over ``store``, plus pyshacl for refused shapes (on the rdflib
    graph ``rdflib_data`` makes, or one read from the store)."""
    links, names = _StoreLinks(store), _names()
    findings: list[Finding] = []
    for check in compiled.checks:
        label = (path_text(compiled.shapes, check.path, partial(_short, names))
                 if isinstance(check.path, BNode) else None)
        solutions = store.query(check.query)
        variables = [v.value for v in solutions.variables]
        for sol in solutions:
            focus, path, value, message = _solution(check, sol, variables)
            findings.append(_finding(links, names, check.severity, focus, path, value, message,
                                     label if path is check.path else None))
    if compiled.fallback is not None:
        data = rdflib_data() if rdflib_data is not None else _graph_of(store)
        findings += _run_pyshacl(data, compiled.fallback)
    return findings


def _graph_of(store: ox.Store) -> Graph:
    g = Graph()
    for q in store:
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


_RESERVED = ("this", "path", "value", "failure")


def _solution(check: Check, sol: ox.QuerySolution, variables: list[str]):  # type: ignore[no-untyped-def]
    """Focus, path, value and message of one solution, as pyshacl reports them."""
    focus = from_ox(sol["this"])
    if check.kind == "core":
        value = from_ox(sol["value"]) if check.value_var else (focus if check.focus_is_value else None)
        return focus, check.path, value, check.message
    bound = {v: from_ox(sol[v]) for v in variables if sol[v] is not None}
    path = bound.get("path")
    value = bound.get("value", focus if check.focus_is_value else None)
    fill = {k: v for k, v in bound.items() if k not in _RESERVED}
    if check.this_projected:
        fill["this"] = focus
    if path is not None:
        fill["path"] = path
    if value is not None:
        fill["value"] = value
    message = check.message
    for var, val in fill.items():  # as pyshacl fills SHACL-SPARQL message templates
        message = re.sub(f"{{[?$]{var}}}", str(val), message)
    return focus, path if path is not None else check.path, value, message


# --- batched, cached, parallel ------------------------------------------------------------------

_SKOS_CONCEPT = ox.NamedNode(str(SKOS.Concept))
_CASE_REVIEW = ox.NamedNode(str(CG.CaseReview))
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_IN_SCHEME = ox.NamedNode(str(SKOS.inScheme))


def scheme_membership(vocab_graph: Graph) -> dict[str, list[ox.Triple]]:
    """For each concept IRI, the two triples the instance shapes need: type and scheme."""
    out: dict[str, list[ox.Triple]] = {}
    for concept, scheme in vocab_graph.subject_objects(SKOS.inScheme):
        c = ox.NamedNode(str(concept))
        out[str(concept)] = [ox.Triple(c, _RDF_TYPE, _SKOS_CONCEPT),
                             ox.Triple(c, _IN_SCHEME, ox.NamedNode(str(scheme)))]
    return out


def review_subgraph(triples: list[ox.Triple], membership: dict[str, list[ox.Triple]]) -> list[str]:
    """The review's triples plus the membership of the concepts it uses, as sorted N-Triples
    lines: hashable for the cache, and cheap to send to a worker process."""
    # One N-Triples serialisation of the list, not a str() per triple: a third less CPU for the
    # hashing of every review on every build (DECISIONS 48); the lines are the same.
    # (split at "\n" only: str.splitlines would also cut at a U+2028 inside a literal)
    lines = set(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8").split("\n"))
    lines.discard("")
    for o in {t.object for t in triples}:
        if isinstance(o, ox.NamedNode) and o.value in membership:
            lines.update(f"{m} ." for m in membership[o.value])
    return sorted(lines)


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint of a node shape, as one query over all of the shape's targets."""

    query: str
    message: str
    severity: str


_SPARQL_VAR = re.compile(r"\{[?$](\w+)\}")


def split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """Core shapes (for pyshacl) and the SPARQL constraints of node shapes with a target class.

    pyshacl runs a SPARQL constraint once per focus node and parses its text every time, which
    made it nine tenths of the validation time.  The same SELECT, with ``$this`` joined to the
    shape's target class instead of pre-bound, gives the same solutions for every focus node in
    one query; Oxigraph runs it in milliseconds.
    """
    core = Graph()
    for t in shapes:
        core.add(t)
    constraints: list[SparqlConstraint] = []
    for shape, node in list(shapes.subject_objects(SH.sparql)):
        targets = list(shapes.objects(shape, SH.targetClass))
        if not targets or (node, SH.deactivated, Literal(True)) in shapes:
            continue
        prefixes = declared_prefixes(shapes, node)
        select = str(shapes.value(node, SH.select)).replace("$this", "?this")
        m = re.search(r"\bWHERE\s*\{", select, re.I)
        if m is None:
            continue  # not a form we can rewrite: leave it to pyshacl
        values = " ".join(f"<{t}>" for t in targets)
        query = (prefixes + select[: m.end()]
                 + f"\n  VALUES ?casegraphTarget {{ {values} }}\n"
                 f"  ?this <{RDF_TYPE}>/<{RDFS_SUBCLASSOF}>* ?casegraphTarget .\n"
                 + select[m.end():])
        severity = shapes.value(shape, SH.severity)
        constraints.append(SparqlConstraint(
            query, str(shapes.value(node, SH.message) or "constraint not met"),
            str(severity).rsplit("#", 1)[-1] if severity else "Violation"))
        core.remove((shape, SH.sparql, node))
        for t in list(core.triples((node, None, None))):
            core.remove(t)
    return core, constraints


@lru_cache(maxsize=2)
def _batch_shapes(instance_only: bool = True) -> tuple[Graph, tuple[SparqlConstraint, ...]]:
    core, constraints = split_shapes(shapes_graph(instance_only))
    return core, tuple(constraints)


def _run_sparql_constraints(store: ox.Store, data: Graph,
                            constraints: Iterable[SparqlConstraint]) -> list[Finding]:
    findings = []
    links, names = _GraphLinks(data), _names()
    for c in constraints:
        for sol in store.query(c.query):
            this = from_ox(sol["this"])
            value = from_ox(sol["value"]) if sol["value"] is not None else None
            path = from_ox(sol["path"]) if "path" in c.query and sol["path"] is not None else None

            def fill(m: re.Match[str], sol: ox.QuerySolution = sol) -> str:
                term = sol[m.group(1)] if m.group(1) != "this" else sol["this"]
                return "" if term is None else str(from_ox(term))

            findings.append(_finding(links, names, c.severity, this, path, value,
                                     _SPARQL_VAR.sub(fill, c.message)))
    return findings


def _validate_batch(lines: list[str], engine: str = ENGINES[0]) -> list[dict]:
    """Worker: validate one batch of review subgraphs (N-Triples lines) with the instance shapes.

    compiled: every check on Oxigraph (rdflib is not touched unless a shape was refused);
    pyshacl: core constraints with pyshacl, SPARQL constraints with Oxigraph (see
    :func:`split_shapes`)."""
    text = "\n".join(lines)
    store = ox.Store()
    store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    if engine == "compiled" and not rewritten_literals(text):
        findings = run_compiled(store, compiled_shapes(instance_only=True),
                                lambda: Graph().parse(data=text, format="nt"))
        return [asdict(f) for f in findings]
    g = Graph()
    g.parse(data=text, format="nt")
    core, constraints = _batch_shapes()
    findings = _run_pyshacl(g, core) + _run_sparql_constraints(store, g, constraints)
    return [asdict(f) for f in findings]


def cache_entries(data: object) -> dict[str, list[dict]]:
    """The usable entries of a validation cache read back as JSON, or none.

    A cache written for other shapes, or of a shape we did not write (damaged, planted or from
    another version), is a miss: it only costs time, never a crash or a wrong finding.
    """
    if not isinstance(data, dict) or data.get("shapes") != _cache_digest():
        return {}
    reviews = data.get("reviews")
    if not isinstance(reviews, dict):
        return {}
    fields = set(Finding.__dataclass_fields__)
    good: dict[str, list[dict]] = {}
    for key, findings in reviews.items():
        if (isinstance(findings, list)
                and all(isinstance(f, dict) and set(f) == fields
                        and all(v is None or isinstance(v, str) for v in f.values())
                        for f in findings)):
            good[key] = findings
    return good


def cache_document(entries: dict[str, list[dict]]) -> dict:
    """The JSON document that :func:`cache_entries` reads back."""
    return {"shapes": _cache_digest(), "reviews": entries}


def _cache_digest() -> str:
    """What cached findings depend on besides the data: the shapes, the engine, their form."""
    return hashlib.sha256(f"{shapes_digest()}|{engine_name()}|{FINDINGS_FORMAT}".encode()).hexdigest()


def _owners(finding: dict, batch: list[tuple[str, list[str]]]) -> list[str]:
    """The reviews of a batch a finding belongs to, so it is cached with each of them.

    Its own review when it names one of the batch; otherwise (a node shared by reviews, such as
    a source document) every review whose subgraph holds the focus node; failing that, every
    review of the batch: a finding is never dropped.
    """
    slugs = [slug for slug, _ in batch]
    if finding["review"] in slugs:
        return [finding["review"]]
    focus = f"<{finding['focus_iri']}> " if finding["focus_iri"] else None
    holders = [slug for slug, lines in batch if focus and any(x.startswith(focus) for x in lines)]
    return holders or slugs


def worker_count() -> int:
    return max(1, min(int(os.environ.get("CASEGRAPH_WORKERS", os.cpu_count() or 1)), 8))


_VOCABULARY_FINDINGS: dict[str, list[dict]] = {}


def _vocabulary_findings(key: str, vocab_graph: Graph, engine: str) -> list[dict]:
    """The schemes' own findings, computed once per process for the same schemes, shapes and
    engine: every build of a process (tests, a server) would repeat them."""
    memo_key = f"{key}|{shapes_digest()}|{engine}|{FINDINGS_FORMAT}"
    if memo_key not in _VOCABULARY_FINDINGS:
        report = validate_graph(Graph(), vocab_graph, engine)
        _VOCABULARY_FINDINGS[memo_key] = [asdict(f) for f in report.findings]
    return [dict(f) for f in _VOCABULARY_FINDINGS[memo_key]]


@dataclass
class Validation:
    """What :func:`validate_reviews` found, and the cache entries the caller may keep.

    ``notes`` are warnings for the build to print: shapes the compiled engine left to pyshacl.
    """

    report: Report
    counts: dict[str, int]
    cache: dict[str, list[dict]]
    notes: list[str] = field(default_factory=list)
    #: The hash of each subgraph (by slug) under which its findings are cached: other caches of
    #: the build key what a review's triples determine by it (pipeline/searchcache.py).
    keys: dict[str, str] = field(default_factory=dict)


def validate_reviews(per_review: dict[str, list[ox.Triple]], vocab_graph: Graph,
                     cached: dict[str, list[dict]] | None = None, workers: int | None = None,
                     progress: Callable[[str], None] | None = None, engine: str | None = None,
                     known: dict[str, str] | None = None) -> Validation:
    """Validate the vocabulary once and every review's subgraph in batches; see module docstring.

    ``cached`` holds findings of earlier builds by subgraph hash (:func:`cache_entries`).
    ``known`` gives the subgraph hash of reviews whose triples the caller did not emit again
    (a rebuild's unchanged reviews, ``pipeline/reviewcache.py``); their findings must be in
    ``cached``.  Nothing is written here: the pipeline decides whether the new cache is kept.
    (The same as feeding every review to a :class:`Validator`, which is what this does.)
    """
    validator = Validator(vocab_graph, cached, workers, progress, engine, known)
    try:
        for slug, triples in per_review.items():
            validator.add(slug, triples)
        return validator.finish()
    finally:
        validator.close()


class Validator:
    """Review subgraphs validated as they are given, so a caller need not hold every review's
    triples at once (a cold build of 100,000 reviews ran out of memory holding them, DECISIONS
    59 and 62).

    :meth:`add` turns a review's triples into its subgraph's N-Triples lines and hash at once
    (the caller may drop the triples as soon as it returns); reviews whose hash is not cached
    are queued and validated in batches of :data:`BATCH_REVIEWS`, in the order they were given:
    exactly the batches :func:`validate_reviews` made from a whole dictionary, so findings about
    nodes that reviews share (attributed per batch, :func:`_owners`) are the same.  Full batches
    go to a process pool once there are two (one batch alone runs in this process, as before),
    with at most :data:`IN_FLIGHT` batches per worker waiting, so only those batches' lines are
    held.  :meth:`finish` gives the :class:`Validation`."""

    #: Batches per worker sent and not yet collected: enough to keep the workers busy while the
    #: caller emits the next reviews, few enough that their lines stay small.
    IN_FLIGHT = 2

    def __init__(self, vocab_graph: Graph, cached: dict[str, list[dict]] | None = None,
                 workers: int | None = None, progress: Callable[[str], None] | None = None,
                 engine: str | None = None, known: dict[str, str] | None = None):
        self.engine = engine_name(engine)
        self.entries = dict(cached or {})
        self.vocab_key = "vocabulary:" + hashlib.sha256(
            "\n".join(sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in vocab_graph)).encode()
        ).hexdigest()
        self.findings: list[Finding] = []
        if self.vocab_key not in self.entries:
            self.entries[self.vocab_key] = _vocabulary_findings(self.vocab_key, vocab_graph,
                                                                self.engine)
        self.findings += [Finding(**f) for f in self.entries[self.vocab_key]]
        self.membership = scheme_membership(vocab_graph)
        self.keys: dict[str, str] = {}
        for slug, key in (known or {}).items():
            self.keys[slug] = key
            self.findings += [Finding(**f) for f in self.entries[key]]  # a KeyError is the caller's bug
        self.workers = workers or worker_count()
        self.progress = progress
        self.batch: list[tuple[str, list[str]]] = []  # queued, not yet a full batch
        self.waiting: list[list[tuple[str, list[str]]]] = []  # full batches not yet sent
        self.sent: deque[tuple[list[tuple[str, list[str]]], Future[list[dict]]]] = deque()
        self.pool: ProcessPoolExecutor | None = None
        self.validated = 0
        self.done = 0

    def add(self, slug: str, triples: list[ox.Triple]) -> str:
        """Take one review's triples; returns the hash of its subgraph (its findings' key)."""
        lines = review_subgraph(triples, self.membership)
        key = hashlib.sha256("\n".join(lines).encode()).hexdigest()
        self.keys[slug] = key
        if key in self.entries:
            self.findings += [Finding(**f) for f in self.entries[key]]
            return key
        self.validated += 1
        self.batch.append((slug, lines))
        if len(self.batch) == BATCH_REVIEWS:
            self.waiting.append(self.batch)
            self.batch = []
            if self.workers > 1 and (self.pool is not None or len(self.waiting) > 1):
                self._send()
        return key

    def _send(self) -> None:
        """Send the waiting batches to the pool, collecting the oldest while too many wait."""
        if self.pool is None:
            self.pool = worker_pool(self.workers)
        for batch in self.waiting:
            while len(self.sent) >= self.IN_FLIGHT * self.workers:
                self._collect(*self.sent.popleft())
            job = sorted({line for _, lines in batch for line in lines})
            self.sent.append((batch, self.pool.submit(_validate_batch, job, self.engine)))
        self.waiting = []

    def _collect(self, batch: list[tuple[str, list[str]]], result: Future[list[dict]] | list[dict],
                 ) -> None:
        """A batch's findings, each cached with the reviews it belongs to."""
        found = result.result() if isinstance(result, Future) else result
        owned: dict[str, list[dict]] = {slug: [] for slug, _ in batch}
        for f in found:
            for slug in _owners(f, batch):
                owned[slug].append(f)
        for slug, _ in batch:
            self.entries[self.keys[slug]] = owned[slug]
            self.findings += [Finding(**f) for f in owned[slug]]
        self.done += len(batch)
        if self.progress and isinstance(result, Future):
            self.progress(f"validate: {self.done}/{self.validated} reviews")

    def finish(self) -> Validation:
        """Validate what is still queued and wait for every batch; the findings of all."""
        if self.batch:
            self.waiting.append(self.batch)
            self.batch = []
        if self.pool is not None or (len(self.waiting) > 1 and self.workers > 1):
            self._send()
        else:
            for batch in self.waiting:
                self._collect(batch, _validate_batch(
                    sorted({line for _, lines in batch for line in lines}), self.engine))
            self.waiting = []
        while self.sent:
            self._collect(*self.sent.popleft())
        self.close()
        keep = set(self.keys.values()) | {self.vocab_key}
        notes = refusal_notes() if self.engine == "compiled" else []
        return Validation(_report(self.findings),
                          {"validated": self.validated, "cached": len(self.keys) - self.validated},
                          {k: v for k, v in self.entries.items() if k in keep}, notes, self.keys)

    def close(self) -> None:
        """End the pool (also when the build stops early)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
