"""Plain facts about reviews, between extraction and RDF.  No RDF terms here on purpose:
extraction and curation stay testable without a graph, and only ``rdf.py`` knows the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field

from casegraph.core.schemes import BY_NAME


@dataclass(frozen=True)
class SourceRef:
    """A source document an entry was read from."""

    name: str
    path: str
    sha256: str
    media_type: str
    page_title: str | None = None
    url: str | None = None  # the page's published address, when the page gives it (canonical link)


@dataclass(frozen=True)
class Evidence:
    """An exact quote of the source text (a Web Annotation ``TextQuoteSelector``)."""

    source: SourceRef
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    curated: str | None = None  # curation file and line, when a person supplied the fact
    sentence: str = ""  # the whole sentence the words were read from, for a person to read


@dataclass
class Coded:
    """One concept coded for a review, with every quote it was read from."""

    scheme: str
    notation: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def curated(self) -> bool:
        return any(e.curated for e in self.evidence)


@dataclass
class Mention:
    """A concept phrase in a review's text, in context (see :mod:`casegraph.extract.context`).

    ``notation`` is what the phrase means once the fact rules have re-read it for whom it is
    about (a parent's "mental health" read about the child is the child's); ``matched`` is the
    concept whose label matched.  ``fact`` says whether this mention makes the concept a fact.
    """

    scheme: str
    notation: str
    section: str  # notation of the mention-sections scheme
    experiencer: str  # notation of the mention-experiencers scheme
    assertion: str  # notation of the mention-assertions scheme
    evidence: Evidence
    matched: str = ""
    fact: bool = False


#: What a sex or gender field's value says ("F", "Male", "girl"), as a child's ``sex``: read
#: from a register's column (extract.stated) and from an export's list of children
#: (ingest.sources), one meaning for both.
SEX_WORDS = {"f": "female", "female": "female", "girl": "female", "g": "female",
             "m": "male", "male": "male", "boy": "male", "b": "male"}

#: Numbers in words, as pages write ages ("three years") and counts ("three key messages"):
#: read by extract.stated and by ingest.document, one meaning for both.  ("a"/"an" count one
#: only where a unit follows them, as their readers ensure.)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "a": 1, "an": 1,
}


@dataclass
class Child:
    pseudonym: str | None = None
    age_months: int | None = None
    sex: str | None = None  # "female" | "male" | None
    minor: bool = True


@dataclass
class ListItem:
    """A learning point or a recommendation, in published order."""

    text: str
    evidence: Evidence
    themes: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    addressee: str | None = None


@dataclass
class Review:
    key: tuple[int | None, str]  # (publication year, normalised name): identity across sources
    slug: str
    title: str
    heading: str
    publication_year: int | None = None
    publication_month: int | None = None
    area: str | None = None
    review_types: list[Coded] = field(default_factory=list)  # at most one (schemes.py: single)
    document_kind: str | None = None  # "full-report" | "executive-summary"
    children: list[Child] = field(default_factory=list)
    harms: list[Coded] = field(default_factory=list)
    incident_year: int | None = None
    incident_month: int | None = None
    risk_factors: list[Coded] = field(default_factory=list)
    agencies: list[Coded] = field(default_factory=list)
    themes: list[Coded] = field(default_factory=list)
    learning: list[ListItem] = field(default_factory=list)
    recommendations: list[ListItem] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    summary: str = ""
    sources: list[SourceRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def review_type(self) -> Coded | None:
        return self.review_types[0] if self.review_types else None

    @review_type.setter
    def review_type(self, value: Coded | None) -> None:
        self.review_types[:] = [value] if value is not None else []

    def coded(self, scheme: str) -> list[Coded]:
        """The review's own list of codes in ``scheme``: changing it changes the review."""
        codes: list[Coded] = getattr(self, BY_NAME[scheme].field)
        return codes


@dataclass(frozen=True)
class Recurrence:
    """Learning points or recommendations of the build that say the same thing (a cluster found by
    :mod:`casegraph.recur`), with what an analyst needs to see the recurrence at a glance."""

    kind: str  # "learning" | "recommendation"
    members: tuple[tuple[str, int], ...]  # (review slug, 1-based position), sorted
    central: tuple[str, int]  # the member most like the others; its text is the label
    label: str
    reviews: int  # distinct reviews among the members
    first_year: int | None  # publication years of the members' reviews
    last_year: int | None
    agencies: tuple[str, ...]  # notations of the agencies any member addresses, sorted
    rank: int  # 1 = recurs in most reviews, among clusters of the same kind
