"""Conversions between rdflib and pyoxigraph terms, and SPARQL-safe term syntax.

Oxigraph is the fast engine and serialiser; rdflib is the API the rest of the code speaks.
Keeping every conversion here means one place decides how literals cross over (datatypes and
lexical forms are kept exactly, never re-normalised).
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from casegraph.core.namespaces import XSD_STRING


def to_ox(term: Node):  # type: ignore[no-untyped-def]
    """The Oxigraph term for an rdflib term, lexical form and datatype kept exactly.

    A plain rdflib literal becomes ``xsd:string`` (the same term in RDF 1.1).  Language tags
    come back lowercased from Oxigraph (RDF 1.1 allows it: tags compare case-insensitively).
    A lone surrogate raises :class:`TermError` naming it (Oxigraph's own error says only
    "must be a str"), so an export refuses it instead of losing it.
    """
    if isinstance(term, URIRef):
        check_unicode(str(term))
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        value = str(term)
        check_unicode(value)
        if term.language:
            return ox.Literal(value, language=term.language)
        dt = str(term.datatype) if term.datatype else XSD_STRING
        return ox.Literal(value, datatype=ox.NamedNode(dt))
    raise TypeError(f"cannot convert {term!r} to an Oxigraph term")


def from_ox(term) -> Node:  # type: ignore[no-untyped-def]
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == XSD_STRING:
            # A simple literal, as rdflib's own parsers build it: rdflib 7 still tells
            # Literal("x") from Literal("x", datatype=xsd:string) (RDF 1.0), so anything
            # else would duplicate every string when such graphs are merged (the vocabulary
            # merged with a reloaded build got two skos:notation per concept).
            return Literal(term.value)
        # Keep the lexical form exactly: rdflib would otherwise normalise "01"^^xsd:integer.
        return Literal(term.value, datatype=URIRef(dt), normalize=False)
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def triples_to_ox(graph) -> list:  # type: ignore[no-untyped-def]
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]


class TermError(ValueError):
    """A value that cannot be an RDF term (lone surrogate, malformed IRI or language tag)."""


_IRIREF_BAD = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_LANGTAG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")
_HEX = frozenset("0123456789abcdefABCDEF")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
          "\b": "\\b", "\f": "\\f"}


def check_unicode(value: str) -> None:
    """Refuse strings that are not Unicode scalar values (lone surrogates).

    Python strings may hold lone surrogates (from ``surrogateescape`` or JSON ``\\ud800``); no
    RDF term can, and each engine would fail differently, so they are stopped here.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise TermError(f"contains a lone surrogate U+{ord(value[exc.start]):04X} at "
                        f"position {exc.start} (not valid Unicode)") from None


def sparql_iri(iri: str) -> str:
    """``<iri>``, after checking it is an absolute IRI whose characters need no escaping."""
    check_unicode(iri)
    if _IRIREF_BAD.search(iri):
        raise TermError(f"not a valid IRI: {iri!r}"[:200])
    try:
        ox.NamedNode(iri)  # Oxigraph's IRI parser: absolute, well-formed
    except ValueError as exc:
        raise TermError(f"not a valid IRI ({exc}): {iri!r}"[:200]) from None
    return f"<{iri}>"


def sparql_string(value: str) -> str:
    """A double-quoted SPARQL string literal that reads back as exactly ``value``.

    SPARQL 1.1 (section 19.2) lets a parser expand ``\\uXXXX`` escapes anywhere in the query
    *before* tokenising.  Parsers differ: some do it naively (rdflib turns ``"\\\\u0022"`` into
    a closing quote and reads ``\\u`` followed by eight hex digits as one code point), others
    only inside strings.  The output is chosen so that all of those readings give the same
    value and none can close the literal:

    - ``\\ " LF CR TAB BS FF`` use their two-character escapes;
    - other control characters are written as ``\\uXXXX`` (the query text stays printable);
    - a ``u``/``U`` right after an escaped backslash is written ``\\u0075``/``\\u0055``;
    - a hex digit right after a ``\\uXXXX`` escape is escaped too, so no reader can take it
      as part of a longer code point.
    """
    check_unicode(value)
    out = ['"']
    prev_backslash = prev_escape = False
    for ch in value:
        code = ord(ch)
        escape = False
        if ch in _ECHAR:
            out.append(_ECHAR[ch])
        elif (code < 0x20 or 0x7F <= code <= 0x9F or (prev_backslash and ch in "uU")
              or (prev_escape and ch in _HEX)):
            out.append(f"\\u{code:04X}")
            escape = True
        else:
            out.append(ch)
        prev_backslash, prev_escape = ch == "\\", escape
    out.append('"')
    return "".join(out)


def sparql_term(term: Node) -> str:
    """A term in SPARQL syntax, escaped so no value can close the literal or the IRI.

    Raises :class:`TermError` (a ``ValueError``) for values no RDF term can hold.
    """
    if isinstance(term, URIRef):
        return sparql_iri(str(term))
    if isinstance(term, Literal):
        text = sparql_string(str(term))
        if term.language:
            if not _LANGTAG.fullmatch(term.language):
                raise TermError(f"not a valid language tag: {term.language!r}")
            return f"{text}@{term.language}"
        if term.datatype is None or str(term.datatype) == XSD_STRING:
            return text
        return f"{text}^^{sparql_iri(str(term.datatype))}"
    raise TypeError(f"cannot bind {term!r} as a parameter")
