"""SHACL shapes compiled to SPARQL SELECT queries that validate a whole batch on Oxigraph.

Why: pyshacl evaluates every constraint once per focus node in Python (about 35 CPU-ms per
review); the same constraint as one SELECT over a batch costs Oxigraph microseconds per focus
node.  pyshacl stays the reference: ``tests/test_shacl_compiled.py`` requires identical findings
(focus node, path, value, message, severity) from both on every shape fixture, the synthetic
breakages and the quarantine case.

How a shape becomes queries (:func:`compile_shapes`):

* every shape with a target (``sh:targetClass``, ``sh:targetNode``, ``sh:targetSubjectsOf``,
  ``sh:targetObjectsOf``, or an implicit class target) is a *root*; its focus nodes are a graph
  pattern binding ``?this``;
* a property shape gives at most four queries: one for every value-node constraint
  (``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:in``, ``sh:pattern``, ``sh:minLength``
  …, ``sh:node``, ``sh:or``/``sh:and``/``sh:not``, ``sh:lessThan(OrEquals)``) ORed in one
  ``FILTER`` (their results share path and message, and findings are a set, so one row per
  failing value is exactly pyshacl's set of findings), one ``GROUP BY`` for ``sh:minCount``/
  ``sh:maxCount``, and one each for ``sh:hasValue`` and ``sh:uniqueLang`` (no value);
* shapes used through ``sh:node``/``sh:or``/``sh:and``/``sh:not`` are compiled into a boolean
  expression that is true exactly when the value does not conform, built of ``EXISTS`` that
  start from the bound node one triple at a time (:meth:`_Compiler.walk`);
* a ``sh:sparql`` constraint runs its own SELECT with ``$this`` joined to the root's targets
  instead of pre-bound (the same solutions for every focus node, in one query).

Anything else (``sh:closed``, ``sh:xone``, ``sh:qualifiedValueShape``, SPARQL constraints with
sub-queries or aggregates, a reporting shape without exactly one ``sh:message`` — pyshacl would
word a default message —, custom constraint components, SHACL rules, recursion…) raises
:class:`Uncompilable`: the root shape that holds it is left out of the queries and handed to
pyshacl instead (:attr:`Compiled.fallback`), and named in :attr:`Compiled.refused`, so a new
shape is never silently unchecked.

Known differences from pyshacl, none reachable from casegraph's emitted data: literals are
compared as Oxigraph stores them (rdflib normalises lexical forms such as ``"01"^^xsd:integer``
on parse); ``sh:pattern`` runs on Rust's regex engine (a trailing ``$`` is rewritten to match
before a final newline as Python's does; constructs Rust lacks, such as look-arounds, make the
shape uncompilable because the query fails to parse at compile time).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from casegraph.core.namespaces import RDF, RDFS, SH, XSD
from casegraph.core.terms import to_ox

log = logging.getLogger(__name__)

_TYPE = f"<{RDF.type}>"
_SUBCLASS = f"<{RDFS.subClassOf}>"


class Uncompilable(Exception):
    """A shape construct this compiler does not translate (the shape goes to pyshacl)."""


@dataclass(frozen=True)
class Check:
    """One compiled query and how each of its solutions becomes one finding.

    ``kind`` is ``"core"`` (solutions bind ``?this`` and, if ``value_var``, ``?value``) or
    ``"sparql"`` (a SHACL-SPARQL constraint: ``?path``/``?value`` may be bound, the message is
    a template filled from the solution as pyshacl fills it).
    """

    root: str
    query: str
    severity: str
    message: str
    path: Node | None
    kind: str = "core"
    value_var: bool = False
    focus_is_value: bool = False
    this_projected: bool = True


@dataclass
class Compiled:
    """Every root shape as queries, or (refused) as a shapes graph for pyshacl."""

    checks: tuple[Check, ...]
    fallback: Graph | None
    refused: tuple[str, ...]
    shapes: Graph = field(repr=False)


# --- SPARQL syntax helpers ------------------------------------------------------------------------

def _term(node: Node) -> str:
    """A term in SPARQL syntax (N-Triples form, which SPARQL accepts)."""
    if isinstance(node, BNode):
        raise Uncompilable(f"blank node {node} as a constraint value")
    return str(to_ox(node))


def _string(text: str) -> str:
    """A SPARQL string literal holding ``text`` exactly."""
    return str(ox.Literal(text))


def _name(sg: Graph, node: Node) -> str:
    if isinstance(node, URIRef):
        try:
            return sg.namespace_manager.normalizeUri(node)
        except Exception:
            return f"<{node}>"
    return f"[{node}]"


def _items(sg: Graph, node: Node, what: str) -> list[Node]:
    if node == RDF.nil:
        return []
    if sg.value(node, RDF.first) is None:
        raise Uncompilable(f"{what} is not an RDF list")
    return list(Collection(sg, node))


def sparql_path(sg: Graph, node: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if sg.value(node, RDF.first) is not None:
        parts = [sparql_path(sg, p) for p in _items(sg, node, "sequence path")]
        return parts[0] if len(parts) == 1 else "(" + "/".join(parts) + ")"
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                      (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = sg.value(node, pred)
        if inner is not None:
            return "(" + fmt.format(sparql_path(sg, inner)) + ")"
    alt = sg.value(node, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(sparql_path(sg, p) for p in _items(sg, alt, "alternative path")) + ")"
    raise Uncompilable(f"unknown property path {node}")


def path_text(graph: Graph, node: Node, name: Callable[[URIRef], str]) -> str:
    """A readable, stable name for a complex path (``graph`` holds its structure): SPARQL path
    syntax with names from ``name`` -- its blank node label would differ on every run."""
    if isinstance(node, URIRef):
        return name(node)

    def wrapped(inner: Node) -> str:
        text = path_text(graph, inner, name)
        return text if isinstance(inner, URIRef) else f"({text})"

    if graph.value(node, RDF.first) is not None:
        return "/".join(wrapped(p) for p in Collection(graph, node))
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                      (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(node, pred)
        if inner is not None:
            return fmt.format(wrapped(inner))
    alt = graph.value(node, SH.alternativePath)
    if alt is not None:
        return "|".join(wrapped(p) for p in Collection(graph, alt))
    return str(node)


# --- what each constraint means, as SPARQL -------------------------------------------------------

#: Datatypes whose ill-typed literals pyshacl (through rdflib) rejects; a cast of the lexical
#: form to the datatype fails exactly for those in SPARQL.
_CHECKED_CASTS = {XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.boolean, XSD.date,
                  XSD.dateTime, XSD.time}
_NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
               SH.BlankNodeOrIRI: "!isLiteral({v})", SH.BlankNodeOrLiteral: "!isIRI({v})",
               SH.IRIOrLiteral: "!isBlank({v})"}
_RANGES = {SH.minInclusive: ">=", SH.minExclusive: ">", SH.maxInclusive: "<=",
           SH.maxExclusive: "<"}
#: Predicates of a shape that are not constraints (or are handled apart).
_NON_CONSTRAINTS = {SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group,
                    SH.defaultValue, SH.deactivated, SH.targetClass, SH.targetNode,
                    SH.targetSubjectsOf, SH.targetObjectsOf, SH.path, SH.property, SH.declare,
                    SH.prefixes, SH.flags}
_VALUE_CONSTRAINTS = {SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.minLength,
                      SH.maxLength, *_RANGES, SH.languageIn, SH.node, SH["or"], SH["and"],
                      SH["not"], SH.lessThan, SH.lessThanOrEquals}
_FOCUS_CONSTRAINTS = {SH.minCount, SH.maxCount, SH.hasValue, SH.uniqueLang}
_KNOWN = _NON_CONSTRAINTS | _VALUE_CONSTRAINTS | _FOCUS_CONSTRAINTS | {SH.sparql}


class _Compiler:
    """Compiles one shapes graph; fresh variable names and the nesting guard live here."""

    def __init__(self, sg: Graph):
        self.sg = sg
        self._n = count()
        self.custom_params = {p for cc in sg.subjects(RDF.type, SH.ConstraintComponent)
                              for param in sg.objects(cc, SH.parameter)
                              for p in sg.objects(param, SH.path)}
        self._nesting: list[Node] = []

    def var(self, stem: str) -> str:
        return f"?cg_{stem}{next(self._n)}"

    # -- shape anatomy --------------------------------------------------------------------------

    def check_known(self, shape: Node) -> None:
        for p in set(self.sg.predicates(shape)):
            if p in self.custom_params:
                raise Uncompilable(f"custom constraint component parameter {_name(self.sg, p)}")
            if str(p).startswith(str(SH)) and p not in _KNOWN:
                raise Uncompilable(f"{_name(self.sg, p)} is not compiled")
        if self.sg.value(shape, SH.closed) is not None:
            raise Uncompilable("sh:closed is not compiled")

    def deactivated(self, shape: Node) -> bool:
        return any(o == Literal(True) for o in self.sg.objects(shape, SH.deactivated))

    def severity(self, shape: Node) -> str:
        sev = self.sg.value(shape, SH.severity)
        return str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"

    def message(self, shape: Node, extra: Iterable[Node] = ()) -> str:
        """The message a finding of ``shape`` carries.

        pyshacl reports every ``sh:message`` of the shape; a SPARQL constraint's own messages
        (``extra``) come first, and the first one is the finding's message (``_run_pyshacl``
        reads one).  So a SPARQL constraint with exactly one message of its own is compiled
        whatever the shape says; otherwise the shape must have exactly one.
        """
        own = list(extra)
        messages = own[:1] if len(own) == 1 else own + list(self.sg.objects(shape, SH.message))
        if len(messages) != 1:
            raise Uncompilable(f"{_name(self.sg, shape)} has {len(messages)} sh:message values; "
                               "exactly one is compiled (pyshacl words its own default)")
        if not isinstance(messages[0], Literal):
            raise Uncompilable("sh:message is not a literal")
        return str(messages[0])

    def targets(self, shape: Node) -> str | None:
        """A pattern binding ``?this`` to the shape's focus nodes, or None if it has no targets."""
        sg = self.sg
        if sg.value(shape, SH.target) is not None:
            raise Uncompilable("sh:target (SPARQL-based targets) is not compiled")
        parts = []
        nodes = list(sg.objects(shape, SH.targetNode))
        if nodes:
            parts.append("VALUES ?this { " + " ".join(_term(n) for n in nodes) + " }")
        classes = list(sg.objects(shape, SH.targetClass))
        class_types = {RDFS.Class, *sg.transitive_subjects(RDFS.subClassOf, RDFS.Class)}
        if any((shape, RDF.type, c) in sg for c in class_types):
            classes.append(shape)
        for c in classes:
            parts.append(f"?this {_TYPE}/{_SUBCLASS}* {_term(c)} .")
        for p in sg.objects(shape, SH.targetSubjectsOf):
            parts.append(f"?this {_term(p)} [] .")
        for p in sg.objects(shape, SH.targetObjectsOf):
            parts.append(f"[] {_term(p)} ?this .")
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else " UNION ".join("{ " + p + " }" for p in parts)

    # -- constraints as SPARQL expressions over one value node -----------------------------------

    def violations(self, shape: Node, v: str, this: str) -> list[str]:
        """One boolean expression per value-node constraint of ``shape``: true when value ``v``
        (of focus ``this``) violates it."""
        sg = self.sg
        out: list[str] = []

        def failing(cond: str) -> str:
            return f"!COALESCE({cond}, false)"

        for c in sg.objects(shape, SH["class"]):
            out.append(f"NOT EXISTS {{ {v} {_TYPE}/{_SUBCLASS}* {_term(c)} }}")
        for dt in sg.objects(shape, SH.datatype):
            out.append(failing(self._datatype(dt, v)))
        for kind in sg.objects(shape, SH.nodeKind):
            if kind not in _NODE_KINDS:
                raise Uncompilable(f"unknown sh:nodeKind {kind}")
            out.append(failing(_NODE_KINDS[kind].format(v=v)))
        for lst in sg.objects(shape, SH["in"]):
            members = [f"sameTerm({v}, {_term(m)})" for m in _items(sg, lst, "sh:in")]
            out.append(failing(" || ".join(members) or "false"))
        for pat in sg.objects(shape, SH.pattern):
            out.append(failing(f"!isBlank({v}) && REGEX(STR({v}), {self._pattern(shape, pat)})"))
        for pred, op in ((SH.minLength, ">="), (SH.maxLength, "<=")):
            for n in sg.objects(shape, pred):
                out.append(failing(f"!isBlank({v}) && STRLEN(STR({v})) {op} {int(n)}"))
        for pred, op in _RANGES.items():
            for bound in sg.objects(shape, pred):
                if not isinstance(bound, Literal):
                    raise Uncompilable(f"{_name(sg, pred)} is not a literal")
                out.append(failing(f"isLiteral({v}) && {v} {op} {_term(bound)}"))
        for lst in sg.objects(shape, SH.languageIn):
            out.append(failing(self._language_in(lst, v)))
        for pred, op in ((SH.lessThan, "<"), (SH.lessThanOrEquals, "<=")):
            for other in sg.objects(shape, pred):
                if not isinstance(other, URIRef):
                    raise Uncompilable(f"{_name(sg, pred)} is not an IRI")
                out.append(self._compare(v, this, other, op))
        for node in sg.objects(shape, SH.node):
            out.append(self.nested(node, v))
        for node in sg.objects(shape, SH["not"]):
            out.append(f"!{self.nested(node, v)}")
        for pred, join in ((SH["and"], " || "), (SH["or"], " && ")):
            for lst in sg.objects(shape, pred):
                members = [self.nested(m, v) for m in _items(sg, lst, _name(sg, pred))]
                if not members:
                    raise Uncompilable(f"empty {_name(sg, pred)} list")
                out.append("(" + join.join(members) + ")")
        return out

    def _datatype(self, dt: Node, v: str) -> str:
        if dt == RDFS.Literal:
            return f"isLiteral({v})"
        if dt == RDF.langString:
            return f"isLiteral({v}) && LANG({v}) != \"\""
        if not isinstance(dt, URIRef) or dt == RDFS.Datatype:
            raise Uncompilable(f"sh:datatype {dt} is not compiled")
        cond = f"isLiteral({v}) && DATATYPE({v}) = <{dt}>"
        if dt in _CHECKED_CASTS:
            cond += f" && isLiteral(<{dt}>(STR({v})))"
        return cond

    def _pattern(self, shape: Node, pat: Node) -> str:
        flags = self.sg.value(shape, SH.flags)
        flag_text = str(flags) if flags is not None else ""
        if set(flag_text) - set("imsx"):
            raise Uncompilable(f"sh:flags {flag_text!r} are not compiled")
        pattern = str(pat)
        if "m" not in flag_text and re.search(r"(?<!\\)(\\\\)*\$\Z", pattern):
            # Python's re (pyshacl) lets a final $ match before one trailing newline.
            pattern = pattern[:-1] + r"\n?$"
        return _string(pattern) + (f", {_string(flag_text)}" if flag_text else "")

    def _language_in(self, lst: Node, v: str) -> str:
        tags = [str(t).lower() for t in _items(self.sg, lst, "sh:languageIn")]
        if "*" in tags:
            return f"isLiteral({v}) && LANG({v}) != \"\""
        wanted = ", ".join(_string(t) for t in tags) or '""'
        return (f"isLiteral({v}) && LANG({v}) != \"\" && (LCASE(LANG({v})) IN ({wanted}) || "
                f"LCASE(STRBEFORE(CONCAT(LANG({v}), \"-\"), \"-\")) IN ({wanted}))")

    def _compare(self, v: str, this: str, other: URIRef, op: str) -> str:
        """pyshacl compares IRIs and strings as strings, other literals by value, and a string
        with a non-string never passes."""
        o = self.var("o")

        def operand(x: str) -> str:
            return f"IF(isIRI({x}), STR({x}), {x})"

        return (f"EXISTS {{ {this} <{other}> {o} . "
                f"FILTER(!COALESCE({operand(v)} {op} {operand(o)}, false)) }}")

    # -- nested shapes (sh:node, sh:or, …): "x does not conform" as one boolean expression ------

    def nested(self, shape: Node, x: str) -> str:
        """An expression that is true exactly when ``x`` does not conform to ``shape``.

        Every pattern here is an ``EXISTS`` that starts from ``x`` one triple at a time
        (:meth:`walk`): Oxigraph evaluates a multi-triple ``EXISTS`` without using the outer
        binding first, which made one ``sh:or`` over 800 evidence nodes take 2 s instead of 4 ms.
        """
        if shape in self._nesting:
            raise Uncompilable("recursive shapes are not compiled")
        self.check_known(shape)
        if self.sg.value(shape, SH.sparql) is not None:
            raise Uncompilable("sh:sparql inside sh:node/sh:or/sh:and/sh:not is not compiled")
        if self.deactivated(shape):
            return "false"
        self._nesting.append(shape)
        try:
            parts = self._nested_parts(shape, x)
        finally:
            self._nesting.pop()
        return "(" + " || ".join(parts) + ")" if parts else "false"

    def _nested_parts(self, shape: Node, x: str) -> list[str]:
        sg = self.sg
        path = sg.value(shape, SH.path)
        if path is None:
            self._no_cardinality(shape)
            parts = self.violations(shape, x, x)
            parts += [f"!sameTerm({x}, {_term(h)})" for h in sg.objects(shape, SH.hasValue)]
        else:
            v = self.var("v")
            parts = []
            exprs = self.violations(shape, v, x)
            if exprs:
                parts.append(f"EXISTS {{ {self.walk(x, path, v, 'FILTER(' + ' || '.join(exprs) + ')')} }}")
            for n in sg.objects(shape, SH.minCount):
                if int(n) > 0:
                    parts.append(f"NOT EXISTS {{ {self.distinct_values(x, path, int(n))} }}")
            for n in sg.objects(shape, SH.maxCount):
                parts.append(f"EXISTS {{ {self.distinct_values(x, path, int(n) + 1)} }}")
            for h in sg.objects(shape, SH.hasValue):
                parts.append(f"NOT EXISTS {{ {self.walk(x, path, _term(h), '')} }}")
            if any(o == Literal(True) for o in sg.objects(shape, SH.uniqueLang)):
                a, b = self.var("a"), self.var("b")
                same = (f"FILTER(isLiteral({a}) && isLiteral({b}) && !sameTerm({a}, {b}) && "
                        f"LANG({a}) != \"\" && LCASE(LANG({a})) = LCASE(LANG({b})))")
                second = "FILTER EXISTS { " + self.walk(x, path, b, same) + " }"
                parts.append(f"EXISTS {{ {self.walk(x, path, a, second)} }}")
        for prop in sg.objects(shape, SH.property):
            if not self.deactivated(prop):
                parts.append(self.nested(prop, x))
        return parts

    def _no_cardinality(self, shape: Node) -> None:
        if any(self.sg.value(shape, p) is not None
               for p in (SH.minCount, SH.maxCount, SH.uniqueLang)):
            raise Uncompilable("cardinality or sh:uniqueLang on a node shape")

    def walk(self, x: str, path: Node, v: str, inner: str) -> str:
        """The pattern "``x path v`` and then ``inner``", one hop per nested ``EXISTS`` for
        sequence paths so that each step starts from a bound node."""
        sg = self.sg
        if isinstance(path, URIRef):
            return f"{x} <{path}> {v} . {inner}"
        inverse = sg.value(path, SH.inversePath)
        if isinstance(inverse, URIRef):
            return f"{v} <{inverse}> {x} . {inner}"
        first, rest = sg.value(path, RDF.first), sg.value(path, RDF.rest)
        if first is not None and rest is not None:
            if rest == RDF.nil:
                return self.walk(x, first, v, inner)
            t = self.var("t")
            return self.walk(x, first, t, f"FILTER EXISTS {{ {self.walk(t, rest, v, inner)} }}")
        return f"{x} {sparql_path(sg, path)} {v} . {inner}"

    def distinct_values(self, x: str, path: Node, n: int) -> str:
        """A pattern with a solution when ``x`` has at least ``n`` different values on ``path``."""
        vs = [self.var("c") for _ in range(n)]
        pairs = " && ".join(f"!sameTerm({a}, {b})" for i, a in enumerate(vs) for b in vs[i + 1:])
        inner = f"FILTER({pairs})" if pairs else ""
        for v in reversed(vs[1:]):
            inner = f"FILTER EXISTS {{ {self.walk(x, path, v, inner)} }}"
        return self.walk(x, path, vs[0], inner)

    def _unique_lang(self, x: str, p: str) -> str:
        a, b = self.var("a"), self.var("b")
        return (f"{x} {p} {a} . {x} {p} {b} . FILTER(isLiteral({a}) && isLiteral({b}) && "
                f"!sameTerm({a}, {b}) && LANG({a}) != \"\" && LCASE(LANG({a})) = LCASE(LANG({b})))")

    # -- roots: queries that report ---------------------------------------------------------------

    def root_checks(self, root: Node, focus: str) -> list[Check]:
        self._nesting = [root]
        self.check_known(root)
        return self._shape_checks(root, focus, _name(self.sg, root))

    def _shape_checks(self, shape: Node, focus: str, root: str) -> list[Check]:
        sg = self.sg
        checks: list[Check] = []
        path = sg.value(shape, SH.path)
        severity = self.severity(shape)
        if path is None:
            exprs = self.violations(shape, "?this", "?this")
            if exprs:
                checks.append(Check(root, f"SELECT DISTINCT ?this WHERE {{ {focus} "
                                          f"FILTER({' || '.join(exprs)}) }}",
                                    severity, self.message(shape), None, focus_is_value=True))
            for h in sg.objects(shape, SH.hasValue):
                checks.append(Check(root, f"SELECT DISTINCT ?this WHERE {{ {focus} "
                                          f"FILTER(!sameTerm(?this, {_term(h)})) }}",
                                    severity, self.message(shape), None))
            self._no_cardinality(shape)
        else:
            checks += self._property_checks(shape, focus, root, path, severity)
        for sparql in sg.objects(shape, SH.sparql):
            checks += self._sparql_check(shape, sparql, focus, root, path, severity)
        for prop in sg.objects(shape, SH.property):
            if self.deactivated(prop):
                continue
            self.check_known(prop)
            if path is None:
                checks += self._shape_checks(prop, focus, root)
            else:  # a property shape's own sh:property: its value nodes are the focus nodes
                f = self.var("f")
                inner = focus.replace("?this", f)
                checks += self._shape_checks(
                    prop, f"{{ SELECT DISTINCT ?this WHERE {{ {inner} {f} "
                          f"{sparql_path(sg, path)} ?this . }} }}", root)
        return checks

    def _property_checks(self, shape: Node, focus: str, root: str, path: Node,
                         severity: str) -> list[Check]:
        sg = self.sg
        p = sparql_path(sg, path)
        checks = []
        exprs = self.violations(shape, "?value", "?this")
        if exprs:
            checks.append(Check(root, f"SELECT DISTINCT ?this ?value WHERE {{ {focus} "
                                      f"?this {p} ?value . FILTER({' || '.join(exprs)}) }}",
                                severity, self.message(shape), path, value_var=True))
        having = [f"COUNT(DISTINCT ?value) < {int(n)}" for n in sg.objects(shape, SH.minCount)]
        having += [f"COUNT(DISTINCT ?value) > {int(n)}" for n in sg.objects(shape, SH.maxCount)]
        if having:
            checks.append(Check(root, f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} "
                                      f"?value }} }} GROUP BY ?this HAVING ({' || '.join(having)})",
                                severity, self.message(shape), path))
        for h in sg.objects(shape, SH.hasValue):
            checks.append(Check(root, f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER NOT EXISTS "
                                      f"{{ ?this {p} {_term(h)} }} }}",
                                severity, self.message(shape), path))
        if any(o == Literal(True) for o in sg.objects(shape, SH.uniqueLang)):
            checks.append(Check(root, f"SELECT DISTINCT ?this WHERE {{ {focus} "
                                      f"{self._unique_lang('?this', p)} }}",
                                severity, self.message(shape), path))
        return checks

    def _sparql_check(self, shape: Node, node: Node, focus: str, root: str, path: Node | None,
                      severity: str) -> list[Check]:
        sg = self.sg
        if self.deactivated(node):
            return []
        select = sg.value(node, SH.select)
        if select is None:
            raise Uncompilable("sh:sparql without sh:select (ASK validators) is not compiled")
        text = str(select)
        lowered = text.lower()
        # Joined instead of pre-bound, $this means the same only where every solution is
        # computed per focus node: no aggregates, sub-queries, MINUS, SERVICE or slices.
        bad = re.search(r"[$?](currentshape|shapesgraph|failure|value)\b(?<!\?value)|"
                        r"\b(minus|service|limit|offset|group\s+by|having|count|sum|sample|"
                        r"group_concat|min|max|avg)\b", lowered)
        if bad:
            raise Uncompilable(f"SPARQL constraint with {bad.group(0)!r} is not compiled")
        if len(re.findall(r"\bselect\b", lowered)) != 1:
            raise Uncompilable("SPARQL constraint with a sub-query is not compiled")
        if "$path" in lowered:
            if path is None:
                raise Uncompilable("$PATH in a node shape's SPARQL constraint")
            text = re.sub(r"\$PATH\b", lambda _m: sparql_path(sg, path), text)
        text = re.sub(r"[$?]this\b", "?this", text)
        m = re.search(r"\bSELECT\b(.*?)(\bWHERE\s*\{|\{)", text, re.I | re.S)
        if m is None:
            raise Uncompilable("SPARQL constraint without a WHERE group")
        projection = m.group(1)
        this_projected = "*" in projection or "?this" in projection
        if not this_projected:
            mods = re.match(r"\s*(DISTINCT|REDUCED)?", projection, re.I)
            cut = m.start(1) + (mods.end() if mods else 0)
            text = text[:cut] + " ?this" + text[cut:]
            m = re.search(r"\bSELECT\b(.*?)(\bWHERE\s*\{|\{)", text, re.I | re.S)
            assert m is not None
        query = declared_prefixes(sg, node) + text[:m.end()] + f"\n  {{ {focus} }}\n" + text[m.end():]
        message = self.message(shape, list(sg.objects(node, SH.message)))
        return [Check(root, query, severity, message, path, kind="sparql",
                      focus_is_value=path is None, this_projected=this_projected)]


def _roots(sg: Graph) -> list[Node]:
    """Shapes with a target declaration (explicit or implicit class), in a stable order."""
    preds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    roots = {s for p in preds for s in sg.subjects(p, None)}
    shape_types = {SH.NodeShape, SH.PropertyShape}
    class_types = {RDFS.Class, *sg.transitive_subjects(RDFS.subClassOf, RDFS.Class)}
    for t in shape_types:
        for s in sg.subjects(RDF.type, t):
            if any((s, RDF.type, c) in sg for c in class_types):
                roots.add(s)
    return sorted(roots, key=str)


def _target_triples(sg: Graph, root: Node) -> Iterator[tuple[Node, Node, Node]]:
    preds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    for p in preds:
        for o in sg.objects(root, p):
            yield root, p, o
    class_types = {RDFS.Class, *sg.transitive_subjects(RDFS.subClassOf, RDFS.Class)}
    for c in class_types:
        if (root, RDF.type, c) in sg:
            yield root, RDF.type, c


_PROBE = ox.Store()


def compile_shapes(sg: Graph) -> Compiled:
    """Every root shape of ``sg`` as queries; a root that cannot be compiled is refused, named
    and left to pyshacl (see the module docstring).  Each query is parsed and run once on an
    empty store here, so a query Oxigraph cannot run refuses its shape now, not mid-build."""
    compiler = _Compiler(sg)
    checks: list[Check] = []
    refused: list[str] = []
    refused_roots: list[Node] = []
    if any(sg.triples((None, SH.rule, None))) or any(sg.triples((None, SH.entailment, None))):
        refused = ["SHACL rules or entailment in the shapes graph: every shape runs on pyshacl"]
        return Compiled((), sg, tuple(refused), sg)
    for root in _roots(sg):
        if compiler.deactivated(root):
            continue
        try:
            focus = compiler.targets(root)
            if focus is None:
                continue
            root_checks = compiler.root_checks(root, focus)
            for c in root_checks:
                try:
                    list(_PROBE.query(c.query))
                except (SyntaxError, OSError, ValueError) as exc:
                    raise Uncompilable(f"Oxigraph cannot run the compiled query: {exc}") from None
            checks += root_checks
        except Uncompilable as exc:
            refused.append(f"{_name(sg, root)}: {exc}")
            refused_roots.append(root)
    fallback = None
    if refused_roots:
        fallback = Graph()
        for t in sg:
            fallback.add(t)
        for root in _roots(sg):
            if root not in refused_roots:
                for t in list(_target_triples(sg, root)):
                    fallback.remove(t)
    return Compiled(tuple(checks), fallback, tuple(refused), sg)


_COMPILED: dict[str, Compiled] = {}


def compiled_for(shapes: Graph, source: bytes) -> Compiled:
    """The compiled shapes for ``shapes`` (read from ``source`` bytes), compiled once per
    process and cached under the SHA-256 of the bytes."""
    key = hashlib.sha256(source).hexdigest()
    if key not in _COMPILED:
        _COMPILED[key] = compile_shapes(shapes)
        for reason in _COMPILED[key].refused:
            log.warning("SHACL shape not compiled, validated with pyshacl instead: %s", reason)
    return _COMPILED[key]


def declared_prefixes(shapes: Graph, node: Node) -> str:
    """The PREFIX lines a SHACL-SPARQL constraint declares through ``sh:prefixes``."""
    return "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for onto in shapes.objects(node, SH.prefixes) for d in shapes.objects(onto, SH.declare))
