"""Saved SPARQL queries: their ``#+`` YAML headers, and typed parameters bound safely.

A parameter value never becomes query text by string pasting.  It is parsed into an RDF term
by its declared type (a concept notation checked against the vocabulary, an IRI checked
against our namespaces, an integer, a year, a string, or a ``choice``: one of the names the header
lists, such as a row set of the query's own ``VALUES`` table) and then bound: through rdflib's
``initBindings``, or for Oxigraph and remote endpoints as one ``VALUES`` block of escaped terms.

The ``VALUES`` block opens the query's outer ``WHERE`` group, so parameters are visible to
every pattern, ``BIND`` and ``FILTER`` of that group.  Write saved queries so they use each
parameter in the outer group (not only inside a sub-``SELECT``): rdflib's ``initBindings``
also reach into sub-queries while a ``VALUES`` block does not, and the cross-engine tests
require identical answers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import Literal, URIRef
from rdflib.term import Node

from casegraph.core.errors import CasegraphError
from casegraph.core.iris import review_iri
from casegraph.core.namespaces import BASE, XSD
from casegraph.core.resources import queries_dir
from casegraph.core.terms import TermError, check_unicode, sparql_term
from casegraph.extract.vocab import Concept, Vocabulary

PARAM_TYPES = ("concept", "review", "iri", "int", "year", "string", "choice")
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INTEGER = re.compile(r"[+-]?[0-9]{1,9}")  # ASCII digits only: int() also takes "٣"
# An IRIREF token (SPARQL grammar [139]); a '<' that does not start one is an operator.
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None = None
    scheme: str | None = None
    description: str = ""
    #: the allowed values of a ``choice`` parameter (a named row set of the query's own VALUES
    #: table, such as an age-band set); anything else is refused before a query runs
    choices: tuple[str, ...] = ()


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    title: str
    description: str
    columns: list[str]
    parameters: list[Parameter] = field(default_factory=list)
    #: one of ``queries/`` (reviewed, shipped), not an ad-hoc ``.rq`` file
    saved: bool = True

    def param(self, name: str) -> Parameter:
        for p in self.parameters:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise CasegraphError(f"query '{self.name}' has no parameter '{name}' (parameters: {known})")


#: Keys every saved query header must have.
HEADER_KEYS = ("title", "description", "columns")


def parse_header(text: str, path: Path, required: bool = True) -> dict:
    """The ``#+`` YAML header of a query; ``{}`` for an ad-hoc query without one.

    A saved query (``required``) must have one with every key of :data:`HEADER_KEYS`; all
    missing keys are named in one error, so a query author fixes them in one go.
    """
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    if not lines:
        if not required:
            return {}
        raise CasegraphError("saved query has no '#+' YAML header (needs: "
                             f"{', '.join(HEADER_KEYS)})", path, "line 1")
    try:
        header = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f"header line {mark.line + 1}" if mark else None
        raise CasegraphError(f"invalid YAML in query header: {exc}".splitlines()[0], path, place) from None
    if not isinstance(header, dict):
        raise CasegraphError("query header must be a YAML mapping", path, "line 1")
    missing = [key for key in HEADER_KEYS if key not in header]
    if missing and (required or header):
        raise CasegraphError(f"query header lacks {', '.join(repr(k) for k in missing)}", path, "line 1")
    return header


def load_query(path: Path, saved: bool = True) -> SavedQuery:
    """A query file; ``saved=False`` for an ad-hoc ``.rq`` given to ``casegraph query``, which
    needs no header (the header documents saved queries; an ad-hoc one may still have one)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CasegraphError(f"cannot read query: {exc}", path) from None
    header = parse_header(text, path, required=saved)
    params = []
    for p in header.get("parameters") or []:
        if not isinstance(p, dict) or "name" not in p or p.get("type") not in PARAM_TYPES:
            raise CasegraphError(f"parameter needs a name and a type in {PARAM_TYPES}: {p!r}", path)
        if not _VARNAME.fullmatch(str(p["name"])):
            # The name becomes ``?name`` in the VALUES block: it must be a plain variable name.
            raise CasegraphError(f"parameter name {str(p['name'])!r} is not a SPARQL variable name "
                                 "(letters, digits, '_')", path)
        params.append(Parameter(p["name"], p["type"],
                                None if p.get("default") is None else str(p["default"]),
                                p.get("scheme"), p.get("description", ""), _choices(p, path)))
    return SavedQuery(path.stem, path, text, str(header.get("title", path.stem)),
                      str(header.get("description", "")), [str(c) for c in header.get("columns", [])],
                      params, saved)


def _choices(p: dict, path: Path) -> tuple[str, ...]:
    """The values a ``choice`` parameter allows: a non-empty list of names that holds the default.

    A choice stays a choice: a free ``string`` in its place would let a typo ("nationl") select
    no rows and print an empty table instead of an error.
    """
    raw = p.get("choices")
    if p["type"] != "choice":
        if raw is not None:
            raise CasegraphError(f"parameter {p['name']!r}: 'choices' goes with type 'choice'", path)
        return ()
    if not isinstance(raw, list) or not raw or not all(isinstance(c, str) and c for c in raw):
        raise CasegraphError(f"parameter {p['name']!r}: a choice needs 'choices', a list of names",
                             path)
    if p.get("default") is not None and str(p["default"]) not in raw:
        raise CasegraphError(f"parameter {p['name']!r}: default {p['default']!r} is not one of "
                             f"its choices", path)
    return tuple(raw)


def saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    directory = directory or queries_dir()
    return {p.stem: load_query(p) for p in sorted(directory.glob("*.rq"))}


def resolve_query(name_or_file: str) -> SavedQuery:
    path = Path(name_or_file)
    if name_or_file.endswith(".rq") or path.exists():
        if not path.exists():
            raise CasegraphError("no such query file", path)
        return load_query(path, saved=False)
    queries = saved_queries()
    if name_or_file not in queries:
        raise CasegraphError(f"no saved query '{name_or_file}' (see 'casegraph queries')")
    return queries[name_or_file]


def _show(value: str, limit: int = 60) -> str:
    """A user value quoted for a one-line error message (escaped, cut)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def find_concept(value: str, vocab: Vocabulary, scheme: str | None, name: str) -> Concept:
    """The concept a person meant: its notation in any case, or its preferred or alternative label.

    An unknown value is refused with the nearest notations and labels, so a typo is one retry.
    """
    wanted = " ".join(value.split()).casefold()
    candidates = [c for c in vocab.concepts.values() if not scheme or c.scheme == scheme]
    for exact in (True, False):
        found = [c for c in candidates
                 if wanted in ({c.notation.casefold(), c.pref_label.casefold()} if exact
                               else {label.casefold() for label in c.labels})]
        if len(found) > 1 and not scheme:
            # "early help" is a theme and an agency: guessing one would answer another question
            raise CasegraphError(f"{name}: {_show(value)} names {len(found)} concepts "
                                 f"({', '.join(c.notation for c in found)}); give the notation")
        if found:
            return found[0]
    names = {c.notation.casefold(): c.notation for c in candidates}
    names.update({c.pref_label.casefold(): c.pref_label for c in candidates})
    near = [names[n] for n in difflib.get_close_matches(wanted, list(names), n=4, cutoff=0.5)]
    in_scheme = f" of scheme '{scheme}'" if scheme else ""
    hint = f"; did you mean {', '.join(near)}?" if near else " (see 'casegraph queries')"
    raise CasegraphError(f"{name}: {_show(value)} is not a concept notation or label{in_scheme}{hint}")


def parse_value(param: Parameter, value: str, vocab: Vocabulary) -> Node:
    """Turn a user-supplied string into a term of the parameter's type, or refuse it.

    Every refusal is a :class:`CasegraphError` with a one-line message (values are shown
    escaped), so hostile input can neither reach a query nor garble the terminal.
    """
    name = f"--param {param.name}"
    if not isinstance(value, str):
        raise CasegraphError(f"{name}: expected text, got {type(value).__name__}")
    try:
        check_unicode(value)
    except TermError as exc:
        raise CasegraphError(f"{name}: value {exc}") from None
    if param.type == "concept":
        return URIRef(find_concept(value, vocab, param.scheme, name).iri)
    if param.type == "choice":
        if value.strip() not in param.choices:
            raise CasegraphError(f"{name}: {_show(value)} is not one of {', '.join(param.choices)}")
        return Literal(value.strip())
    if param.type == "review" and _SLUG.fullmatch(value.strip()):
        return URIRef(review_iri(value.strip()))  # a review's id, as 'casegraph build' prints it
    if param.type in ("iri", "review"):
        if not value.startswith(BASE):
            raise CasegraphError(f"{name}: {_show(value)} is not a casegraph IRI (must start with {BASE})")
        try:
            sparql_term(URIRef(value))
        except TermError:
            raise CasegraphError(f"{name}: {_show(value)} is not a valid IRI") from None
        return URIRef(value)
    if param.type in ("int", "year"):
        if not _INTEGER.fullmatch(value.strip()):
            raise CasegraphError(f"{name}: {_show(value)} is not an integer")
        n = int(value.strip())
        if param.type == "year" and not 1900 <= n <= 2200:
            raise CasegraphError(f"{name}: {n} is not a plausible year")
        return Literal(n, datatype=XSD.integer)
    # A simple literal: rdflib matches triple patterns by term, and its parsers read "x" and
    # "x"^^xsd:string alike as Literal("x"); "x"^^xsd:string would match nothing there.
    return Literal(value)


def bind_values(query: SavedQuery, raw: dict[str, str], vocab: Vocabulary) -> dict[str, Node]:
    """Every declared parameter bound to a term: given value, else its default."""
    for name in raw:
        query.param(name)
    out: dict[str, Node] = {}
    for p in query.parameters:
        value = raw.get(p.name, p.default)
        if value is None:
            raise CasegraphError(f"query '{query.name}' needs --param {p.name}=… ({p.type})")
        out[p.name] = parse_value(p, value, vocab)
    return out


def _skip_string(text: str, i: int) -> int:
    """Index just past the string literal that starts at ``text[i]`` (short or long form)."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = i + 3
        while end < len(text):
            if text[end] == "\\":
                end += 2
            elif text.startswith(quote * 3, end):
                return end + 3
            else:
                end += 1
        return len(text)
    end = i + 1
    while end < len(text) and text[end] not in (quote, "\n", "\r"):
        end += 2 if text[end] == "\\" else 1
    return end + 1


def outer_group_start(text: str) -> int:
    """Index just after the ``{`` that opens a SELECT/ASK query's outer ``WHERE`` group.

    A small tokeniser, not a regular expression: ``WHERE {`` inside a comment, a string or an
    IRI must not be taken for the real one, and ``WHERE`` itself is optional in SPARQL.
    """
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            nl = text.find("\n", i)
            i = n if nl < 0 else nl + 1
        elif ch in "\"'":
            i = _skip_string(text, i)
        elif ch == "<" and (m := _IRIREF.match(text, i)):
            i = m.end()
        elif ch == "{":
            return i + 1
        else:
            i += 1
    raise CasegraphError("cannot bind parameters: the query has no WHERE group")


def values_block(bindings: dict[str, Node]) -> str:
    """``VALUES (?a ?b) { (term term) }`` with every term escaped by :func:`sparql_term`."""
    names = sorted(bindings)
    for n in names:
        if not _VARNAME.fullmatch(n):
            raise CasegraphError(f"cannot bind {n!r}: not a SPARQL variable name")
    try:
        row = " ".join(sparql_term(bindings[n]) for n in names)
    except TermError as exc:
        raise CasegraphError(f"cannot bind parameter: {exc}") from None
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"


def with_values_block(text: str, bindings: dict[str, Node]) -> str:
    """The query with one ``VALUES`` block at the start of its outer ``WHERE`` group.

    The caller still parses the result before running or sending it (a last check that the
    block landed where a block may stand).
    """
    if not bindings:
        return text
    block = values_block(bindings)
    at = outer_group_start(text)
    return text[:at] + "\n  " + block + "\n" + text[at:]
