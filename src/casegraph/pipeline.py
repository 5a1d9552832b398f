"""The build: sources → parse → extract → merge → curate → rdf → validate → write.

Nothing is written unless every stage succeeds and the graph conforms; outputs are replaced
atomically, so a failed build leaves the previous build untouched.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .curate import apply_curations, load_curations
from .errors import CasegraphError, NonConformingError
from .export import serialise, serialise_triples
from .extract import Extractor
from .fsutil import write_all_atomic
from .merge import merge_reviews
from .model import Review
from .parse import parse_page
from .rdf import emit, to_rdflib
from .sources import MAX_SOURCE_BYTES, discover, read_source
from .terms import to_ox
from .validate import Report, validate_reviews
from .vocab import Vocabulary, default_vocabulary

DATA_FILE = "casegraph.ttl"
REPORT_FILE = "validation-report.ttl"
REPORT_TEXT = "validation-report.txt"
CACHE_DIR = ".casegraph-cache"


@dataclass
class BuildResult:
    reviews: list[Review]
    triples: list[ox.Triple]
    report: Report
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)
    out: Path | None = None
    validation: dict[str, int] = field(default_factory=dict)
    _graph: Graph | None = field(default=None, repr=False)

    @property
    def graph(self) -> Graph:
        """The built graph as rdflib (made on first use: large builds never need it)."""
        if self._graph is None:
            self._graph = to_rdflib(self.triples)
        return self._graph

    def __len__(self) -> int:
        return len(self.triples)


def _refuse_repeated_entries(entries: list, path: Path) -> None:  # type: ignore[type-arg]
    """An entry printed twice, word for word, on one page means a damaged or badly saved page.

    (The same review on *different* pages is normal and merged later.)
    """
    seen: dict[tuple[str, ...], int] = {}
    for e in entries:
        key = (e.title, *(s.text for s in e.sections))
        if key in seen:
            raise CasegraphError(f"entry '{e.title}' appears twice on the page (first at line "
                                 f"{seen[key]}); remove the copy", path, f"line {e.line}")
        seen[key] = e.line


def extract_reviews(paths: Iterable[Path], vocab: Vocabulary, max_bytes: int = MAX_SOURCE_BYTES,
                    progress: Callable[[str], None] | None = None,
                    ) -> tuple[list[Review], list[str], list[Path]]:
    """Read, parse and extract every source; merge reviews found on several pages."""
    extractor = Extractor(vocab)
    reviews: list[Review] = []
    warnings: list[str] = []
    files = list(discover(paths))
    if not files:
        raise CasegraphError("no source files found (.txt, .md, .html)",
                             ", ".join(str(p) for p in paths))
    for n, path in enumerate(files, start=1):
        source = read_source(path, max_bytes)
        page = parse_page(source)
        warnings.extend(page.warnings)
        if not page.entries:
            raise CasegraphError("no review entries recognised on this page (no headings such as "
                                 "'1. Serious case review: Child A' or '2019 – Area – Child A')", path)
        _refuse_repeated_entries(page.entries, path)
        reviews.extend(extractor.extract(e, page) for e in page.entries)
        if progress:
            progress(f"read {n}/{len(files)} {path.name}: {len(page.entries)} entries")
    merged, merge_warnings = merge_reviews(reviews)
    warnings.extend(merge_warnings)
    for r in merged:
        warnings.extend(r.warnings)
    return merged, warnings, files


def build(sources: list[Path], out: Path | None, vocab: Vocabulary | None = None,
          curations: Path | None = None, max_bytes: int = MAX_SOURCE_BYTES,
          progress: Callable[[str], None] | None = None, workers: int | None = None) -> BuildResult:
    """Build, validate and (when ``out`` is given) write the graph; see the module docstring.

    Validation results are cached per review in ``out/.casegraph-cache/`` so a rebuild after
    adding one page validates only the reviews that changed.
    """
    vocab = vocab or default_vocabulary()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    reviews, warnings, files = extract_reviews(sources, vocab, max_bytes, progress)
    timings["read+parse+extract"] = time.perf_counter() - t0
    if curations is not None:
        t = time.perf_counter()
        apply_curations(reviews, load_curations(curations, vocab), vocab)
        timings["curate"] = time.perf_counter() - t
    t = time.perf_counter()
    per_review, dataset = emit(reviews, vocab)
    timings["rdf"] = time.perf_counter() - t
    t = time.perf_counter()
    cache = out / CACHE_DIR / "validation.json" if out is not None else None
    report, counts = validate_reviews(per_review, vocab.graph, cache, workers, progress)
    timings["validate"] = time.perf_counter() - t
    t = time.perf_counter()
    # The schemes travel with the data, so the Turtle answers concept queries on its own.
    triples = list({t for ts in per_review.values() for t in ts} | set(dataset) | set(vocab_triples(vocab)))
    timings["merge-triples"] = time.perf_counter() - t
    result = BuildResult(reviews, triples, report, warnings, timings, files, out, counts)
    if not report.conforms:
        raise NonConformingError(report.text(), len(report.violations))
    if out is not None:
        t = time.perf_counter()
        # Everything is serialised before anything is replaced, and replaced all together.
        write_all_atomic({out / DATA_FILE: serialise_triples(triples, "turtle"),
                          out / REPORT_FILE: serialise(report.graph, "turtle"),
                          out / REPORT_TEXT: (report.text() + "\n").encode()})
        timings["write"] = time.perf_counter() - t
    return result


def vocab_triples(vocab: Vocabulary) -> list[ox.Triple]:
    """The concept schemes as Oxigraph triples (converted once per vocabulary)."""
    cached = getattr(vocab, "_ox_triples", None)
    if cached is None:
        cached = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in vocab.graph]
        vocab._ox_triples = cached  # type: ignore[attr-defined]
    return cached


def stderr_progress(message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r\033[K{message}", end="", file=sys.stderr, flush=True)
