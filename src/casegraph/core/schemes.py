"""The one typed registry of casegraph's SKOS concept schemes.

Each scheme's file, prefix, predicate, review field, evaluation key and cardinality used to be
repeated in the model, the emitter, merge, curation, evaluation and the vocabulary loader; every
one of them now reads this table, so adding a scheme is one row here plus its Turtle file.
"""

from __future__ import annotations

from dataclasses import dataclass

from casegraph.core.namespaces import CG, CONCEPT


class _SchemeFile:
    """Where a scheme named ``name`` lives: its file in ``ontology/``, its IRI, its namespace."""

    name: str

    @property
    def file(self) -> str:
        return f"{self.name}.ttl"

    @property
    def iri(self) -> str:
        return f"{CONCEPT}{self.name}"

    @property
    def namespace(self) -> str:
        return f"{CONCEPT}{self.name}/"


@dataclass(frozen=True)
class Scheme(_SchemeFile):
    """One concept scheme and how reviews use it."""

    name: str  #: the scheme's slug, as in its IRI and in queries (``risk-factors``)
    prefix: str  #: the Turtle/SPARQL prefix of its concepts (``rf``)
    predicate: str  #: the IRI that links a review (or its harm event) to a concept
    field: str  #: the attribute of :class:`casegraph.core.model.Review` that holds its codes
    gold_key: str  #: the key in gold annotations (``casegraph eval``)
    single: bool = False  #: at most one concept per review
    factual: bool = True  #: codes are facts derived from mentions (themes and agencies are topics)


SCHEMES: tuple[Scheme, ...] = (
    Scheme("review-types", "rt", str(CG.reviewType), "review_types", "review_type", single=True,
           factual=False),
    Scheme("harm-types", "ht", str(CG.harmType), "harms", "harm_types"),
    Scheme("risk-factors", "rf", str(CG.riskFactor), "risk_factors", "risk_factors"),
    Scheme("agencies", "ag", str(CG.involvesAgency), "agencies", "agencies", factual=False),
    Scheme("themes", "th", str(CG.theme), "themes", "themes", factual=False),
)

BY_NAME: dict[str, Scheme] = {s.name: s for s in SCHEMES}
NAMES: tuple[str, ...] = tuple(s.name for s in SCHEMES)


def scheme(name: str) -> Scheme:
    """The scheme called ``name``; a ``KeyError`` names the known ones."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown scheme '{name}' (one of {', '.join(NAMES)})") from None


@dataclass(frozen=True)
class MentionScheme(_SchemeFile):
    """A small scheme of qualifier values, not coded with evidence and not matched in text: the
    three that qualify mentions (``ontology/mention-<name>.ttl``) and the document kinds."""

    name: str  #: ``mention-sections``
    prefix: str  #: ``ms``
    predicate: str  #: the property of a mention that takes its values (``cg:section``)

    def concept(self, notation: str) -> str:
        return f"{self.namespace}{notation}"


MENTION_SCHEMES: tuple[MentionScheme, ...] = (
    MentionScheme("mention-sections", "ms", str(CG.section)),
    MentionScheme("mention-experiencers", "mx", str(CG.experiencer)),
    MentionScheme("mention-assertions", "ma", str(CG.assertion)),
)
SECTION, EXPERIENCER, ASSERTION = MENTION_SCHEMES

#: Which published document a review's summary links to (``cg:documentKind``); its notations are
#: the values of :attr:`casegraph.core.model.Review.document_kind` ("full-report", ...).
DOCUMENT_KINDS = MentionScheme("document-kinds", "dk", str(CG.documentKind))

#: Every concept scheme casegraph publishes, coded and qualifier alike (one file each).
ALL_SCHEMES: tuple[Scheme | MentionScheme, ...] = (*SCHEMES, *MENTION_SCHEMES, DOCUMENT_KINDS)

#: Files of fact rules about the concepts (``cg:concerns``, ``cg:whenAboutChild`` ...), loaded
#: with the schemes so that they travel with the data that was derived by them.
RULE_FILES: tuple[str, ...] = ("fact-rules.ttl",)
