"""The controlled vocabularies (SKOS concept schemes in ``ontology/``) and a phrase matcher over them.

The matcher is why the labels matter: every ``skos:prefLabel``, ``skos:altLabel`` and
``skos:hiddenLabel`` is a phrase that codes a concept when it occurs in a summary.  Matching is on
Snowball-stemmed word tokens, so "injuries" finds "injury" and "drowning" finds "drowned"; the
possessives his/her/their/its are one token; in hidden labels ``*`` is a gap of 0-3 words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import snowballstemmer
from rdflib import Graph, URIRef

from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import CG, CONCEPT, RDF, SKOS
from casegraph.core.resources import ontology_dir
from casegraph.core.schemes import ALL_SCHEMES, RULE_FILES
from casegraph.core.schemes import NAMES as SCHEMES
from casegraph.core.terms import to_ox

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+|[.!?;:]")  # words, and sentence breaks that no label may span
_BREAK = "<break>"
# Words whose Snowball stem collides with a different meaning: kept whole, so "maternal mental
# health" does not code maternity services ("maternal" and "maternity" both stem to "matern").
_NO_STEM = {"maternal", "paternal"}
_POSSESSIVE = {"his", "her", "their", "its", "hers", "theirs"}
_GAP = "*"
_MAX_GAP = 3
_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Concept:
    iri: str
    scheme: str
    notation: str
    pref_label: str
    definition: str
    broader: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    # Fact rules (ontology/fact-rules.ttl), as notations of concepts and of experiencers:
    concerns: str | None = None  #: whose the concept is: "child", "parent" or "unstated"
    when_child: str | None = None  #: the concept a mention means when it is about the child
    when_parent: str | None = None  #: ... when it is about a parent or carer
    when_attempted: str | None = None  #: ... when it is attempted or threatened
    self_directed: bool = False  #: a harm whose experiencer is the person who does it
    precedes_harm: str | None = None  #: a harm this risk factor must be shown to precede
    done_by_others: bool = False  #: a risk factor others do to the child (exploitation)


@dataclass(frozen=True)
class Match:
    notation: str
    scheme: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = word.lower()
    if word in _POSSESSIVE:
        return "<poss>"
    if word in _NO_STEM:
        return word
    return _stemmer.stemWord(word)


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """(stem, start, end) for each word of ``text``, and a break token at each . ! ? ; :
    so that no label matches across a sentence or list-item boundary.

    Cached: extraction matches the same section against five schemes, and re-tokenising it
    each time was a third of extraction time at 10k reviews.
    """
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word in ".!?;:":
            # a full stop inside a number or abbreviation ("1.5", "e.g.") is not a break
            nxt = text[m.end():m.end() + 1]
            if word == "." and nxt and not nxt.isspace():
                continue
            out.append((_BREAK, m.start(), m.end()))
        else:
            out.append((_stem(word), m.start(), m.end()))
    return tuple(out)


def _label_tokens(label: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in re.split(r"(\*)", label):
        if part == _GAP:
            out.append(_GAP)
        else:
            out.extend(_stem(w) for w in _WORD.findall(part))
    return tuple(out)


@dataclass
class Vocabulary:
    concepts: dict[str, Concept] = field(default_factory=dict)  # by notation
    graph: Graph = field(default_factory=Graph)
    _index: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = field(default_factory=dict)
    _ox: list[ox.Triple] | None = field(default=None, repr=False)

    def ox_triples(self) -> list[ox.Triple]:
        """The schemes as Oxigraph triples, converted once: every build writes them out."""
        if self._ox is None:
            self._ox = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in self.graph]
        return self._ox

    def by_iri(self, iri: str) -> Concept | None:
        return self._by_iri.get(iri)

    def in_scheme(self, scheme: str) -> list[Concept]:
        return [c for c in self.concepts.values() if c.scheme == scheme]

    def build_index(self) -> None:
        self._by_iri = {c.iri: c for c in self.concepts.values()}
        self._index = {s: defaultdict(list) for s in SCHEMES}
        for concept in self.concepts.values():
            seen = set()
            for label in (concept.pref_label, *concept.labels):
                toks = _label_tokens(label)
                if not toks or toks in seen or toks[0] == _GAP:
                    continue
                seen.add(toks)
                self._index[concept.scheme][toks[0]].append((toks, concept.notation))
        for scheme in self._index.values():
            for entries in scheme.values():
                entries.sort(key=lambda e: -len(e[0]))

    def match(self, text: str, scheme: str, toks: Sequence[tuple[str, int, int]] | None = None
              ) -> list[Match]:
        """Non-overlapping concept mentions of one scheme, longest first at each position."""
        toks = tokens(text) if toks is None else toks
        index = self._index[scheme]
        out: list[Match] = []
        i = 0
        n = len(toks)
        while i < n:
            # the longest label at this position wins; a label two concepts share ("took their
            # own life": a suicide and a death) codes both
            best_end, notations = 0, []
            for label, notation in index.get(toks[i][0], ()):
                end = _match_at(label, toks, i)
                if end is not None and end > best_end:
                    best_end, notations = end, [notation]
                elif end is not None and end == best_end and notation not in notations:
                    notations.append(notation)
            if notations:
                for notation in notations:
                    out.append(Match(notation, scheme, toks[i][1], toks[best_end - 1][2]))
                    out.extend(self._nested_ancestors(notation, scheme, toks, i, best_end))
                i = best_end
            else:
                i += 1
        return out

    def _nested_ancestors(self, notation: str, scheme: str, toks: Sequence[tuple[str, int, int]],
                          start: int, end: int) -> list[Match]:
        """Broader concepts whose own label lies inside a longer match: "sudden unexpected death"
        codes H-SUDI and, because "death" is said, H-DEATH too.  Other nested labels stay
        consumed ("adult mental health services" is not also "health services")."""
        ancestors = set(self.ancestors(notation))
        if not ancestors:
            return []
        index = self._index[scheme]
        found = []
        for k in range(start, end):
            for label, other in index.get(toks[k][0], ()):
                if other in ancestors:
                    stop = _match_at(label, toks, k)
                    if stop is not None and stop <= end:
                        found.append(Match(other, scheme, toks[k][1], toks[stop - 1][2]))
                        ancestors.discard(other)
        return found

    def check_notation(self, notation: str, scheme: str | None = None) -> Concept:
        concept = self.concepts.get(notation)
        if concept is None or (scheme and concept.scheme != scheme):
            where = f" in scheme '{scheme}'" if scheme else ""
            raise CasegraphError(f"unknown concept notation '{notation}'{where}")
        return concept

    def ancestors(self, notation: str) -> list[str]:
        out: list[str] = []
        todo = list(self.concepts[notation].broader)
        while todo:
            iri = todo.pop()
            concept = self.by_iri(iri)
            if concept and concept.notation not in out:
                out.append(concept.notation)
                todo.extend(concept.broader)
        return out


def _match_at(label: tuple[str, ...], toks: Sequence[tuple[str, int, int]], i: int) -> int | None:
    """End token index if ``label`` matches at token ``i`` (with ``*`` gaps), else None."""
    j = i
    k = 0
    while k < len(label):
        part = label[k]
        if part == _GAP:
            nxt = label[k + 1] if k + 1 < len(label) else None
            if nxt is None:
                return j
            for skip in range(_MAX_GAP + 1):
                if j + skip >= len(toks) or toks[j + skip][0] == _BREAK:
                    return None
                if toks[j + skip][0] == nxt:
                    j += skip
                    break
            else:
                return None
            k += 1
            continue
        if j >= len(toks) or toks[j][0] != part:
            return None
        j += 1
        k += 1
    return j


def scheme_files(directory: Path | None = None) -> list[Path]:
    directory = directory or ontology_dir()
    return [directory / s.file for s in ALL_SCHEMES] + [directory / name for name in RULE_FILES]


def load_vocabulary(directory: Path | None = None) -> Vocabulary:
    """Read the concept schemes, the mention schemes and the fact rules; a missing or broken file
    is an error naming it."""
    graph = Graph()
    for path in scheme_files(directory):
        if not path.exists():
            raise CasegraphError("concept scheme file is missing", path)
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several unrelated types
            raise CasegraphError(f"cannot parse concept scheme: {exc}".splitlines()[0], path) from None
    return vocabulary_from_graph(graph)


def vocabulary_from_graph(graph: Graph) -> Vocabulary:
    vocab = Vocabulary(graph=graph)
    for iri in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
        if not isinstance(iri, URIRef):
            continue
        scheme_iri = graph.value(iri, SKOS.inScheme)
        scheme = str(scheme_iri).removeprefix(str(CONCEPT)) if scheme_iri else ""
        notation = graph.value(iri, SKOS.notation)
        if scheme not in SCHEMES or notation is None:
            continue
        labels = _literals(graph, iri, (SKOS.altLabel, SKOS.hiddenLabel))
        vocab.concepts[str(notation)] = Concept(
            iri=str(iri), scheme=scheme, notation=str(notation),
            pref_label=str(graph.value(iri, SKOS.prefLabel) or notation),
            definition=str(graph.value(iri, SKOS.definition) or ""),
            broader=tuple(sorted(str(b) for b in graph.objects(iri, SKOS.broader))),
            labels=tuple(labels),
            concerns=_notation(graph, graph.value(iri, CG.concerns)),
            when_child=_notation(graph, graph.value(iri, CG.whenAboutChild)),
            when_parent=_notation(graph, graph.value(iri, CG.whenAboutParent)),
            when_attempted=_notation(graph, graph.value(iri, CG.whenAttempted)),
            self_directed=bool(graph.value(iri, CG.selfDirected)),
            precedes_harm=_notation(graph, graph.value(iri, CG.precedesHarm)),
            done_by_others=bool(graph.value(iri, CG.doneByOthers)))
    vocab.build_index()
    return vocab


def _notation(graph: Graph, iri: object) -> str | None:
    """The notation of a concept named by a fact rule (None when the rule is absent)."""
    if iri is None:
        return None
    value = graph.value(iri, SKOS.notation)  # type: ignore[arg-type]
    return str(value) if value is not None else None


def _literals(graph: Graph, s: URIRef, preds: Iterable[URIRef]) -> list[str]:
    return sorted({str(o) for p in preds for o in graph.objects(s, p)})


_cached: Vocabulary | None = None


def default_vocabulary() -> Vocabulary:
    """The project vocabulary, loaded once per process (it is read-only)."""
    global _cached
    if _cached is None:
        _cached = load_vocabulary()
    return _cached
