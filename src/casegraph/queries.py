"""Saved SPARQL queries: their ``#+`` YAML headers, and typed parameters bound safely.

A parameter value never becomes query text by string pasting.  It is parsed into an RDF term
by its declared type (a concept notation checked against the vocabulary, an IRI checked
against our namespaces, an integer, a year or a string) and then bound: through rdflib's
``initBindings``, or for Oxigraph and remote endpoints as one ``VALUES`` block of escaped terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import CasegraphError
from .namespaces import BASE
from .paths import queries_dir
from .terms import sparql_term
from .vocab import Vocabulary

PARAM_TYPES = ("concept", "iri", "int", "year", "string")
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None = None
    scheme: str | None = None
    description: str = ""


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    title: str
    description: str
    columns: list[str]
    parameters: list[Parameter] = field(default_factory=list)

    def param(self, name: str) -> Parameter:
        for p in self.parameters:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise CasegraphError(f"query '{self.name}' has no parameter '{name}' (parameters: {known})")


def parse_header(text: str, path: Path) -> dict:
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    if not lines:
        raise CasegraphError("saved query has no '#+' YAML header", path, "line 1")
    try:
        header = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f"header line {mark.line + 1}" if mark else None
        raise CasegraphError(f"invalid YAML in query header: {exc}".splitlines()[0], path, place) from None
    if not isinstance(header, dict):
        raise CasegraphError("query header must be a YAML mapping", path, "line 1")
    for key in ("title", "description", "columns"):
        if key not in header:
            raise CasegraphError(f"query header lacks '{key}'", path, "line 1")
    return header


def load_query(path: Path) -> SavedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CasegraphError(f"cannot read query: {exc}", path) from None
    header = parse_header(text, path)
    params = []
    for p in header.get("parameters") or []:
        if not isinstance(p, dict) or "name" not in p or p.get("type") not in PARAM_TYPES:
            raise CasegraphError(f"parameter needs a name and a type in {PARAM_TYPES}: {p!r}", path)
        params.append(Parameter(p["name"], p["type"],
                                None if p.get("default") is None else str(p["default"]),
                                p.get("scheme"), p.get("description", "")))
    return SavedQuery(path.stem, path, text, str(header["title"]), str(header["description"]),
                      [str(c) for c in header["columns"]], params)


def saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    directory = directory or queries_dir()
    return {p.stem: load_query(p) for p in sorted(directory.glob("*.rq"))}


def resolve_query(name_or_file: str) -> SavedQuery:
    path = Path(name_or_file)
    if name_or_file.endswith(".rq") or path.exists():
        if not path.exists():
            raise CasegraphError("no such query file", path)
        return load_query(path)
    queries = saved_queries()
    if name_or_file not in queries:
        raise CasegraphError(f"no saved query '{name_or_file}' (see 'casegraph queries')")
    return queries[name_or_file]


def parse_value(param: Parameter, value: str, vocab: Vocabulary) -> Node:
    """Turn a user-supplied string into a term of the parameter's type, or refuse it."""
    if param.type == "concept":
        concept = vocab.concepts.get(value.strip())
        if concept is None or (param.scheme and concept.scheme != param.scheme):
            scheme = f" of scheme '{param.scheme}'" if param.scheme else ""
            raise CasegraphError(f"--param {param.name}: '{value}' is not a concept notation{scheme}")
        return URIRef(concept.iri)
    if param.type == "iri":
        if not value.startswith(BASE) or re.search(r"[\s<>\"{}|^`\\]", value):
            raise CasegraphError(f"--param {param.name}: '{value}' is not a casegraph IRI "
                                 f"(must start with {BASE})")
        return URIRef(value)
    if param.type in ("int", "year"):
        if not re.fullmatch(r"[+-]?\d{1,9}", value.strip()):
            raise CasegraphError(f"--param {param.name}: '{value}' is not an integer")
        n = int(value)
        if param.type == "year" and not 1900 <= n <= 2200:
            raise CasegraphError(f"--param {param.name}: {n} is not a plausible year")
        return Literal(n, datatype=XSD.integer)
    return Literal(value, datatype=XSD.string)


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


def with_values_block(text: str, bindings: dict[str, Node]) -> str:
    """The query with one ``VALUES`` block at the start of its outer ``WHERE`` group."""
    if not bindings:
        return text
    names = sorted(bindings)
    row = " ".join(sparql_term(bindings[n]) for n in names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#+"))
    m = _WHERE.search(body)
    if not m:
        raise CasegraphError("cannot bind parameters: the query has no WHERE clause")
    return body[: m.end()] + "\n  " + block + "\n" + body[m.end():]
