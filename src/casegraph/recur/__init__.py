"""Recurrence: learning points and recommendations that say the same thing across reviews.

National analyses keep finding the same recommendations made year after year (professional
interpreters, infant-crying advice for fathers, safe sleep at every contact).  This stage groups
the items of the whole build into clusters of items that say the same thing, and describes each
cluster: its members, the first and last year it was published, how many reviews it spans, the
agencies its members address, a label (the text of its most central member) and its rank.

Learning points and recommendations are clustered apart (a cluster holds items of one kind),
with one TF-IDF weighting over both, each text's word vector joined by a static embedding of
its content words, and two items of one review never in one cluster.  The build's method
("learned", entry 53) scores the candidate pairs this similarity finds with a logistic
regression shipped as a data file (:mod:`casegraph.recur.learned`) and clusters on the
probability; "static" (entry 49: the similarity itself) and "words" stay selectable.  The
methods and their measured figures are in docs/DECISIONS.md (entries 39, 46, 49, 52 and 53);
the labelled sets are in tests/recurrence/.

Clustering is corpus-wide, so it runs on every build over every published review; for the few
hundred items of a typical build it takes about 0.1 s once the static model is read (about
0.3 s, once per process); 80,000 items take 10-40 CPU-s (entry 53).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from casegraph.core.model import Recurrence, Review
from casegraph.extract.vocab import Vocabulary
from casegraph.graph.emit import recurrence_triples as _emit
from casegraph.recur.cluster import candidate_pairs, cluster, cluster_scored
from casegraph.recur.features import WORDS, Vector, embed, normalised, tfidf
from casegraph.recur.learned import Corpus, PairTable, pair_model

__all__ = ["DEFAULT_METHOD", "KINDS", "METHODS", "Item", "Method", "cluster_items", "find_recurrences",
           "items_of", "recurrence_triples"]


@dataclass(frozen=True)
class Method:
    """How items are compared: word vectors, optionally joined by dense unit vectors (``dense``
    maps texts to rows; ``words`` is the word cosine's share), items of one review optionally
    kept apart, and the average similarity at which groups merge.  With ``learned``, the pairs
    whose similarity reaches ``candidates`` are scored by the shipped pair model and groups
    merge at an average probability of ``threshold`` (None: the model's own values).  Named
    ones are in :data:`METHODS`; benchmarks build others to compare."""

    threshold: float | None
    dense: Callable[[Sequence[str]], object] | None = None
    words: float = WORDS
    apart: bool = False
    learned: bool = False
    candidates: float | None = None


#: "learned", the build's (entry 53): the static method's similarity finds candidate pairs, the
#: shipped pair model (recur/pair-model.json) scores them, items of one review kept apart.
#: "static" (entry 49): word vectors and static embeddings, items of one review kept apart;
#: leave-one-set-out over three labelled sets chose 0.25-0.275, where the union F1 is flat, and
#: the more precise end was kept.  "words": word vectors alone at the threshold tuned on
#: tests/recurrence/dev (entries 39 and 46).
METHODS = {"learned": Method(None, embed, WORDS, apart=True, learned=True),
           "static": Method(0.275, embed, WORDS, apart=True), "words": Method(0.25)}
#: The method a build uses.
DEFAULT_METHOD = "learned"
#: Labels longer than this are cut at a word boundary (the member's full text is in the graph).
LABEL_CHARS = 120
KINDS = ("learning", "recommendation")


@dataclass(frozen=True)
class Item:
    """One learning point or recommendation, as the clustering sees it."""

    kind: str
    review: str  # slug
    position: int
    text: str
    year: int | None
    agencies: tuple[str, ...]


def items_of(reviews: list[Review]) -> list[Item]:
    """Every non-empty item of ``reviews``, positions as emitted (1-based, published order)."""
    out = []
    for r in reviews:
        for kind, items in (("learning", r.learning), ("recommendation", r.recommendations)):
            for pos, item in enumerate(items, start=1):
                if item.text.strip():
                    out.append(Item(kind, r.slug, pos, item.text, r.publication_year,
                                    tuple(item.agencies)))
    return out


def _label(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= LABEL_CHARS:
        return text
    return text[:LABEL_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _recurrence(kind: str, members: list[Item], central: Item) -> Recurrence:
    years = [m.year for m in members if m.year is not None]
    return Recurrence(
        kind=kind,
        members=tuple(sorted((m.review, m.position) for m in members)),
        central=(central.review, central.position),
        label=_label(central.text),
        reviews=len({m.review for m in members}),
        first_year=min(years) if years else None,
        last_year=max(years) if years else None,
        agencies=tuple(sorted({a for m in members for a in m.agencies})),
        rank=0)


def _ranked(clusters: list[Recurrence]) -> list[Recurrence]:
    """Rank 1 is the cluster that recurs in most reviews, then over the longest span of years, then
    with most members; ties are broken by label and members so the ranks are stable."""
    def key(c: Recurrence) -> tuple:  # type: ignore[type-arg]
        span = (c.last_year - c.first_year) if c.first_year is not None and c.last_year is not None else 0
        return (-c.reviews, -span, -len(c.members), c.label, c.members)

    out = []
    for kind in KINDS:
        ranked = sorted((c for c in clusters if c.kind == kind), key=key)
        out += [Recurrence(**{**c.__dict__, "rank": n}) for n, c in enumerate(ranked, start=1)]
    return out


def find_recurrences(reviews: list[Review], threshold: float | None = None,
                     engine: str = "auto", method: str | Method = DEFAULT_METHOD) -> list[Recurrence]:
    """The clusters of two or more items of one kind that say the same thing, ranked per kind
    (``method`` by name or spelled out; ``threshold`` defaults to the method's own)."""
    return cluster_items(items_of(reviews), threshold, engine, method)


def cluster_items(items: list[Item], threshold: float | None = None, engine: str = "auto",
                  method: str | Method = DEFAULT_METHOD) -> list[Recurrence]:
    """:func:`find_recurrences` of items already gathered by :func:`items_of` (the build gathers
    them once, for its recurrence cache's key and for the clusters)."""
    how = METHODS[method] if isinstance(method, str) else method
    threshold = threshold if threshold is not None else how.threshold
    if threshold is None:
        threshold = pair_model().threshold
    if len(items) < 2:
        return []
    by_text: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_text[normalised(it.text)].append(it)
    texts = sorted(by_text)
    vectors = tfidf(texts)
    corpus = Corpus(texts, vectors) if how.learned else None  # its static rows are embed's
    dense = corpus.dense if corpus is not None else None if how.dense is None else how.dense(texts)
    clusters: list[Recurrence] = []
    for kind in KINDS:
        local = [k for k, t in enumerate(texts) if any(it.kind == kind for it in by_text[t])]

        def members_of(k: int, kind: str = kind) -> list[Item]:
            return sorted((it for it in by_text[texts[k]] if it.kind == kind),
                          key=lambda it: (it.review, it.position))

        sources = ([frozenset(it.review for it in by_text[texts[k]] if it.kind == kind) for k in local]
                   if how.apart else None)
        grouped: set[int] = set()
        if how.learned:
            agencies = [{a for it in by_text[texts[k]] if it.kind == kind for a in it.agencies}
                        for k in local]
            found = _scored(corpus, vectors, local, agencies, kind, sources, threshold, how)
        else:
            found = cluster([vectors[k] for k in local], threshold, engine,
                            None if dense is None else dense[local], sources, how.words)  # type: ignore[index]
        for g in found:
            unique = [local[i] for i in g.members]
            grouped.update(unique)
            best = max(range(len(unique)), key=lambda i, g=g, u=unique: (g.centrality[i], -u[i]))
            members = [it for k in unique for it in members_of(k)]
            clusters.append(_recurrence(kind, members, members_of(unique[best])[0]))
        for k in local:  # the same words in several items are one cluster even with no neighbour
            same = members_of(k)
            if k not in grouped and len(same) > 1:
                clusters.append(_recurrence(kind, same, same[0]))
    return _ranked(clusters)


def _scored(corpus: Corpus | None, vectors: list[Vector], local: list[int], agencies: list[set[str]],
            kind: str, sources: list[frozenset[str]] | None, threshold: float, how: Method
            ) -> list:  # type: ignore[type-arg]
    """The learned method's clusters of one kind's texts (``local`` indexes the corpus): the
    candidate pairs at the model's level, their probabilities, average linkage on those."""
    if len(local) < 2 or corpus is None:
        return []
    model = pair_model()
    level = model.candidates if how.candidates is None else how.candidates
    rows, ci, cj, _ = candidate_pairs([vectors[k] for k in local], level, corpus.dense[local], sources,
                                      how.words, model.neighbours)
    table = PairTable(corpus, local, agencies, [kind] * len(local))
    return cluster_scored(len(local), ci, cj, model.probability(table.features(ci, cj)), threshold,
                          rows.sources)


def recurrence_triples(reviews: list[Review], vocab: Vocabulary, threshold: float | None = None
                       ) -> list[ox.Triple]:
    """The triples of :func:`find_recurrences` (what the build adds to the graph)."""
    return _emit(find_recurrences(reviews, threshold), vocab)
