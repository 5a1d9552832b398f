"""The full-text index of a graph's review texts (SQLite FTS5), and searching it.

Texts are read from the graph with one SPARQL query through a store :class:`Engine`, so the
index describes exactly what the graph says, whether it came from a Turtle file or a store.
One row per text: a review's title, its summary (the account of the case), its keywords (one
row), each learning point and recommendation with its position, and the evidence sentences of
its coding and mentions that are not already part of one of those texts (kind ``evidence``).
The heading is not indexed: it is the title with its list number.

The index is a SQLite database, ``search.sqlite``: the FTS5 table ``texts`` and a table
``meta`` that records the index format and the SHA-256 of the data file it was built from.  A
build writes it beside ``casegraph.ttl`` in the same commit (pipeline/outputs.py); a search on
a data file uses such a sidecar only when both recorded values match, and otherwise indexes
the data afresh in memory (docs/DECISIONS.md, 37).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from casegraph.core.errors import CasegraphError, printable
from casegraph.core.namespaces import CG, DCTERMS, RDF, SCHEMA, XSD
from casegraph.search import DEFAULT_LIMIT, INDEX_FILE
from casegraph.search.syntax import to_match
from casegraph.store.engines import Engine, OxigraphEngine, Results, open_engine

#: Recorded in the index; an index of another format is never used (it is rebuilt in memory).
FORMAT = "casegraph-search 1"
#: Porter stemming over Unicode words with diacritics folded: "interpreters" finds
#: "interpreter", "naive" finds "naïve"; words are whole ("men" never matches "mental").
TOKENIZER = "porter unicode61 remove_diacritics 2"
#: The kinds of text, in the order a review's rows are indexed.
KINDS = ("title", "summary", "keywords", "learning", "recommendation", "evidence")
_KIND_NAMES = {k: k for k in KINDS} | {"titles": "title", "summaries": "summary",
                                       "keyword": "keywords", "recommendations": "recommendation",
                                       "learnings": "learning"}
COLUMNS = ["review", "kind", "position", "score", "snippet", "text"]
#: Brackets read well on a terminal and survive CSV; the snippet is at most this many tokens.
SNIPPET = ("[", "]", "...", 16)

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in
                    (("cg", CG), ("dcterms", DCTERMS), ("rdf", RDF), ("schema", SCHEMA)))
#: Every text of every review: (review, kind, position, text).  The type pattern stands in each
#: branch: outside the UNION, Oxigraph evaluated the branches unbound and took 80 s on 1,000
#: reviews instead of 0.6 s.
TEXTS_QUERY = _PREFIXES + """SELECT ?review ?kind ?position ?text WHERE {
  { ?review rdf:type cg:CaseReview ; dcterms:title ?text . BIND("title" AS ?kind) }
  UNION { ?review rdf:type cg:CaseReview ; cg:summary ?text . BIND("summary" AS ?kind) }
  UNION { ?review rdf:type cg:CaseReview ; schema:keywords ?text . BIND("keywords" AS ?kind) }
  UNION { ?review rdf:type cg:CaseReview ; cg:hasLearning ?item . ?item schema:text ?text .
          OPTIONAL { ?item schema:position ?position } BIND("learning" AS ?kind) }
  UNION { ?review rdf:type cg:CaseReview ; cg:hasRecommendation ?item . ?item schema:text ?text .
          OPTIONAL { ?item schema:position ?position } BIND("recommendation" AS ?kind) }
  UNION { ?review rdf:type cg:CaseReview ; cg:hasMention ?note . ?note cg:sentence ?text .
          BIND("evidence" AS ?kind) }
  UNION { ?review rdf:type cg:CaseReview . ?note cg:annotates ?review ; cg:sentence ?text .
          BIND("evidence" AS ?kind) }
}"""

#: The predicates TEXTS_QUERY reads (``rdf:type`` only with ``cg:CaseReview``): a build loads just
#: these triples to index them, a tenth of its graph (tests compare with indexing the whole file).
TEXT_PREDICATES = frozenset(str(p) for p in (
    DCTERMS.title, CG.summary, SCHEMA.keywords, CG.hasLearning, CG.hasRecommendation, SCHEMA.text,
    SCHEMA.position, CG.hasMention, CG.annotates, CG.sentence))
_TYPE, _REVIEW = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CG.CaseReview))
_TEXT_NODES = frozenset(ox.NamedNode(p) for p in TEXT_PREDICATES)  # no str per triple


@dataclass(frozen=True)
class Text:
    review: str
    kind: str
    position: int | None
    text: str


def read_texts(engine: Engine) -> list[Text]:
    """Every text of every review, in a fixed order (review, kind, position).

    Keywords become one row per review; an evidence sentence is kept only when it is not part
    of another text of its review, so a search never reports the same words twice.
    """
    found: dict[str, dict[str, list[tuple[int | None, str]]]] = defaultdict(lambda: defaultdict(list))
    for review, kind, position, text in _text_rows(engine):
        found[review][kind].append((None if position is None else int(position), text))
    out: list[Text] = []
    for review, kinds in found.items():
        if kinds["keywords"]:
            kinds["keywords"] = [(None, "; ".join(sorted({t for _, t in kinds["keywords"]})))]
        if kinds["evidence"]:
            kinds["evidence"] = _new_sentences(kinds)
        out += [Text(review, kind, pos, text) for kind in KINDS for pos, text in set(kinds[kind])]
    return ordered(out)


def ordered(texts: Iterable[Text]) -> list[Text]:
    """Texts in the index's fixed order (review, kind, position, text)."""
    return sorted(texts, key=lambda t: (t.review, KINDS.index(t.kind), t.position or 0, t.text))


def _text_rows(engine: Engine) -> Iterable[tuple[str, str, str | None, str]]:
    """The rows of TEXTS_QUERY as strings.  On the embedded store they are read straight from
    Oxigraph's solutions: converting every cell to an rdflib term first was most of the time of
    indexing a build (170k rows at 1,000 reviews)."""
    if isinstance(engine, OxigraphEngine):
        for solution in engine.store.query(TEXTS_QUERY):
            yield tuple(None if t is None else t.value for t in solution)  # type: ignore[misc]
    else:
        for row in engine.select(TEXTS_QUERY, {}).rows:
            yield tuple(None if t is None else str(t) for t in row)  # type: ignore[misc]


def _words(text: str) -> str:
    return " ".join(text.split())


def _new_sentences(kinds: dict[str, list[tuple[int | None, str]]]) -> list[tuple[int | None, str]]:
    """Evidence sentences that no other text of the review contains (whitespace aside)."""
    others = "\n".join(_words(t) for kind in KINDS if kind != "evidence" for _, t in kinds[kind])
    return [(None, s) for s in sorted({t for _, t in kinds["evidence"]}) if _words(s) not in others]


def create(texts: Iterable[Text], data_sha256: str | None) -> sqlite3.Connection:
    """A new index in memory holding ``texts``; ``data_sha256`` names the data file it is of."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE texts USING fts5(review UNINDEXED, kind UNINDEXED, "
                     f"position UNINDEXED, text, tokenize = '{TOKENIZER}')")
    except sqlite3.OperationalError as exc:  # a Python built without FTS5
        raise CasegraphError(f"this Python's SQLite cannot search ({exc}); use a Python whose "
                             "sqlite3 has FTS5") from None
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.executemany("INSERT INTO texts VALUES (?, ?, ?, ?)",
                     ((t.review, t.kind, t.position, t.text) for t in texts))
    conn.execute("INSERT INTO texts(texts) VALUES ('optimize')")  # one b-tree: smaller, faster
    meta = {"format": FORMAT, "tokenizer": TOKENIZER, "data_sha256": data_sha256 or ""}
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    conn.commit()
    return conn


def index_triples(triples: Iterable[ox.Triple], data: bytes) -> bytes:
    """The index file of a build: its triples (through an in-memory store) and the bytes of the
    data file they are published as (whose hash the index records)."""
    return index_texts(texts_of(triples), data)


def texts_of(triples: Iterable[ox.Triple]) -> list[Text]:
    """The texts of ``triples`` (through an in-memory store holding only what the query reads)."""
    engine = OxigraphEngine()
    engine.store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples
                             if t.predicate in _TEXT_NODES
                             or (t.predicate == _TYPE and t.object == _REVIEW))
    return read_texts(engine)


@dataclass(frozen=True)
class DataHash:
    """The SHA-256 (hex) of a data file, given instead of its bytes: a build writes its
    ``casegraph.ttl`` block by block and never holds it whole (DECISIONS 64)."""

    sha256: str


def sha256_of(data: bytes | DataHash) -> str:
    """The hex SHA-256 an index records for the data file ``data`` (its bytes or its hash)."""
    return data.sha256 if isinstance(data, DataHash) else hashlib.sha256(data).hexdigest()


def index_texts(texts: Iterable[Text], data: bytes | DataHash) -> bytes:
    """The index file holding ``texts`` (in :func:`ordered` order) for the data file ``data``."""
    conn = create(texts, sha256_of(data))
    try:
        return conn.serialize()
    finally:
        conn.close()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError as exc:
        raise CasegraphError(f"cannot read: {exc.strerror}", path) from None
    return h.hexdigest()


def _open_sidecar(path: Path, data_sha256: str) -> sqlite3.Connection | None:
    """The index at ``path`` when it was built, in this format, from data with this hash."""
    if not path.is_file():  # never open a FIFO or a directory that happens to have the name
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") == FORMAT and meta.get("data_sha256") == data_sha256:
            return conn
    except sqlite3.Error:  # not a database, or not ours
        pass
    conn.close()
    return None


def sidecars(data: Path) -> list[Path]:
    """Where an index of ``data`` may be: beside the file the path leads to (a build folder,
    when ``data`` is the link ``build/casegraph.ttl``), and beside the path itself."""
    found: list[Path] = []
    for candidate in (data.resolve().parent / INDEX_FILE, data.parent / INDEX_FILE):
        if all(candidate.resolve() != c.resolve() for c in found):
            found.append(candidate)
    return found


def open_index(data: Path | None = None, store: Path | None = None,
               ) -> tuple[sqlite3.Connection, str | None]:
    """The index to search for a data file or a store, and a note when a sidecar was stale.

    A data file's sidecar is used when it was built from exactly that file; otherwise (and
    always for a store, whose contents carry no hash) the texts are indexed afresh in memory.
    """
    if store is not None:
        return create(read_texts(open_engine("oxigraph", None, Path(store))), None), None
    assert data is not None
    data = Path(data)
    if not data.exists():
        raise CasegraphError("no such data file (run 'casegraph build' first)", data)
    digest = file_sha256(data)
    stale = []
    for candidate in sidecars(data):
        conn = _open_sidecar(candidate, digest)
        if conn is not None:
            return conn, None
        if candidate.is_file():
            stale.append(candidate)
    conn = create(read_texts(open_engine("oxigraph", data)), digest)
    note = None
    if stale:
        note = (f"{printable(str(stale[0]))} was not built from {printable(str(data))} (or is "
                "unreadable); searched a fresh index instead")
    return conn, note


def parse_kinds(value: str) -> list[str]:
    """``--in summary,recommendations``: canonical kinds (plural forms accepted)."""
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in _KIND_NAMES]
    if unknown or not names:
        what = ", ".join(printable(n) for n in unknown) or "nothing"
        raise CasegraphError(f"--in: unknown kind of text: {what} (kinds: {', '.join(KINDS)})")
    return sorted({_KIND_NAMES[n] for n in names}, key=KINDS.index)


def _score(bm25: float) -> Literal:
    """FTS5's bm25() is lower-is-better; the score is its negation, to 3 significant digits,
    written as a plain decimal (never in exponent form)."""
    return Literal(format(Decimal(f"{-bm25:.3g}"), "f"), datatype=XSD.decimal, normalize=False)


def search(conn: sqlite3.Connection, text: str, kinds: list[str] | None = None,
           limit: int = DEFAULT_LIMIT) -> Results:
    """The texts matching ``text`` (see :mod:`casegraph.search.syntax`), best first.

    ``kinds`` keeps those kinds only; ``limit`` 0 returns every match.  Ties are broken by
    review, kind and position, so the same index always gives the same order.
    """
    if limit < 0:
        raise CasegraphError(f"--limit must be 0 (no limit) or more, got {limit}")
    where, params = "texts MATCH ?", [to_match(text)]
    if kinds:
        where += f" AND kind IN ({', '.join('?' * len(kinds))})"
        params += kinds
    sql = (f"SELECT review, kind, position, bm25(texts), snippet(texts, 3, ?, ?, ?, ?), text "
           f"FROM texts WHERE {where} ORDER BY bm25(texts), review, kind, position LIMIT ?")
    try:
        found = conn.execute(sql, [*SNIPPET, *params, limit or -1]).fetchall()
    except sqlite3.Error as exc:  # the syntax module leaves FTS5 nothing to refuse; be safe
        raise CasegraphError(f"search failed: {exc}") from None
    rows = [(URIRef(review), Literal(kind),
             None if position is None else Literal(str(position), datatype=XSD.integer),
             _score(bm25), Literal(snippet), Literal(full))
            for review, kind, position, bm25, snippet, full in found]
    return Results(list(COLUMNS), rows)
