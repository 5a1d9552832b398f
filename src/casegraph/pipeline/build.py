"""The build: sources → parse → extract → merge → curate → rdf → validate → write.

Nothing is written unless every stage succeeds; outputs are replaced atomically, so a failed
build leaves the previous build untouched.  A page that cannot be read (binary, empty,
unreadable, damaged) and a review whose data breaks a shape are left out with their reasons and
the rest is published, so no good review is lost because of another (DECISIONS 22, 68);
``strict`` makes either stop the whole build instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import weakref
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import cast

import pyoxigraph as ox
from rdflib import Graph

from casegraph import __version__, recur
from casegraph.core.errors import CasegraphError, NonConformingError
from casegraph.core.fsutil import Content, write_atomic
from casegraph.core.model import Review
from casegraph.core.namespaces import CG, XSD
from casegraph.core.places import unmatched_warnings
from casegraph.core.terms import triples_to_ox
from casegraph.core.workers import pool as worker_pool
from casegraph.extract.extractor import Extractor
from casegraph.extract.vocab import Vocabulary, default_vocabulary, scheme_files
from casegraph.graph.curate import apply_curations, load_curations
from casegraph.graph.emit import TripleEmitter, dataset_triples, recurrence_triples, to_rdflib
from casegraph.graph.merge import merge_reviews
from casegraph.ingest.parse import parse_page
from casegraph.ingest.sources import (
    MAX_SOURCE_BYTES,
    SUFFIXES,
    SourceText,
    discover,
    not_read,
    read_source,
)
from casegraph.pipeline import cache, recurcache, reviewcache, searchcache, snapshot
from casegraph.pipeline.outputs import (
    DATA_FILE,
    QUARANTINE_FILE,
    REPORT_FILE,
    REPORT_TEXT,
    SEARCH_FILE,
    OutputDir,
    Spool,
)
from casegraph.pipeline.snapshot import ReviewView
from casegraph.rdfio.formats import serialise, serialise_triples
from casegraph.search.index import DataHash
from casegraph.validate.shacl import (
    Report,
    Validation,
    Validator,
    cache_document,
    cache_entries,
    validate_reviews,
    worker_count,
)


@dataclass
class BuildResult:
    #: The published reviews; ``None`` when the build did not turn every review into an object
    #: (a rebuild reuses the previous build's views of unchanged reviews, ``pipeline/snapshot.py``):
    #: they are made on first use of :attr:`reviews`.
    _reviews: list[Review] | None
    #: Every published triple; ``None`` when the build wrote them from cached Turtle blocks
    #: without holding them (they are read back from ``data_fd`` on first use of :attr:`triples`).
    _triples: list[ox.Triple] | None
    report: Report
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)
    out: Path | None = None
    validation: dict[str, int] = field(default_factory=dict)
    quarantined: list[Review] = field(default_factory=list)
    #: Recurrence clusters validated now and taken from the cache (as ``validation`` for reviews).
    clusters: dict[str, int] = field(default_factory=dict)
    #: Review parts emitted now and taken from the review cache (``pipeline/reviewcache.py``).
    emitted: dict[str, int] = field(default_factory=dict)
    size: int = 0
    #: An open descriptor of the ``casegraph.ttl`` this build wrote, closed with the result: the
    #: build streams the file block by block and keeps no copy of its bytes (DECISIONS 64), and
    #: the descriptor keeps them readable after a later build into ``OUT`` has replaced the
    #: file and removed this build's folder.
    data_fd: int | None = field(default=None, repr=False)
    _graph: Graph | None = field(default=None, repr=False)
    #: How many reviews are published (without making them all objects).
    review_count: int = 0
    _materialise: Callable[[], list[Review]] | None = field(default=None, repr=False)
    #: A build that wrote nothing makes its triples (the reviews' and the dataset's description)
    #: on first use of :attr:`triples` or ``len``: most callers read its reviews and report only,
    #: and the every-page build of the tests spent seconds on a set it never read.
    _make_triples: Callable[[], list[ox.Triple]] | None = field(default=None, repr=False)
    #: One-line errors (file, place, reason) of the pages left out because they could not be
    #: read; the other pages were built (DECISIONS 68).
    failed: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.data_fd is not None:
            weakref.finalize(self, os.close, self.data_fd)

    @property
    def reviews(self) -> list[Review]:
        """The published reviews (merged again from their pages' cached entries if the build
        did not hold them all)."""
        if self._reviews is None:
            assert self._materialise is not None
            self._reviews = self._materialise()
        return self._reviews

    @property
    def triples(self) -> list[ox.Triple]:
        """Every published triple (read back from the written Turtle when not held)."""
        if self._triples is None and self._make_triples is not None:
            self._triples = self._make_triples()
            self.size, self._make_triples = len(self._triples), None
        if self._triples is None:
            assert self.data_fd is not None
            with os.fdopen(os.dup(self.data_fd), "rb") as fh:
                fh.seek(0)
                self._triples = [q.triple for q in ox.parse(fh, format=ox.RdfFormat.TURTLE)]
        return self._triples

    @property
    def graph(self) -> Graph:
        """The built graph as rdflib (made on first use: large builds never need it)."""
        if self._graph is None:
            self._graph = to_rdflib(self.triples)
        return self._graph

    def __len__(self) -> int:
        return len(self.triples) if self._make_triples is not None else self.size


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


@lru_cache(maxsize=1)
def _extraction_digest() -> str:
    """What extraction results depend on besides the page: our code and the vocabulary files."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    for stage in ("core", "ingest", "extract"):
        for module in sorted((package / stage).glob("*.py")) + sorted((package / stage).glob("*.yaml")):
            h.update(module.read_bytes())
    for path in scheme_files():
        h.update(path.read_bytes())
    return h.hexdigest()


def _cache_key(source: SourceText) -> str:
    return _key_of(source.path, source.sha256)


def _key_of(path: Path, sha256: str) -> str:
    return hashlib.sha256(f"{_extraction_digest()}|{path}|{sha256}".encode()).hexdigest()


def _known_key(path: Path, max_bytes: int, known: Collection[str]) -> str | None:
    """The page's cache key when an earlier build read these very bytes (a key in ``known``):
    then only the bytes' hash is needed, not their decoding (1.7 CPU-s for the 447 pages of
    10,000 reviews, against 0.07).  None sends the page down the ordinary reading path, which
    raises any error the page has."""
    key = _bytes_key(path, max_bytes)
    return key if key in known else None


def _bytes_key(path: Path, max_bytes: int) -> str | None:
    """A page's cache key from its bytes alone (the key is their hash): None for a page that
    cannot be read or is too large, whose error the ordinary reading path raises."""
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return _key_of(path, hashlib.sha256(data).hexdigest()) if len(data) <= max_bytes else None


_PageResult = cache.PageResult
NO_REVIEW = ("no review entries recognised on this page (no entry headings such as "
             "'1. Serious case review: Child A' or '2019 – Area – Child A')")


def _from_cache(source: SourceText, cache_dir: Path | None,
                pending: Mapping[Path, bytes] | None = None) -> _PageResult | None:
    """The result of an earlier build of the same bytes (and code and vocabulary), or None;
    or of this build, from the entries it will write (``pending``)."""
    if cache_dir is None:
        return None
    key = _cache_key(source)
    cached = cache_dir / f"{key}.json"
    if pending is not None and cached in pending:
        try:
            return cache.loads(key, pending[cached])
        except (OSError, cache.CacheMiss):
            pass
    return _cache_entry(key, cached)


def _cache_entry(key: str, cached: Path) -> _PageResult | None:
    """The result an earlier build kept under ``key`` in the file ``cached``, or None."""
    if not cached.is_file():
        return None
    try:
        return cache.loads(key, cached.read_bytes())  # data, never code (pipeline/cache.py)
    except (OSError, cache.CacheMiss):
        return None  # a damaged, planted or stale entry only costs time


def page_result(path: Path, extractor: Extractor, cache_dir: Path | None = None,
                max_bytes: int = MAX_SOURCE_BYTES) -> _PageResult:
    """One page's reviews and warnings exactly as a build extracts them (a page with repeated
    entries refused, one with none skipped with a warning), taken from ``cache_dir`` when a build
    with the project vocabulary read the same bytes with the same code.  The evaluation scores
    this, so it measures the build's reading and can reuse a build's extraction instead of
    doing it again (the test suite's development sets, session 51).  Raises the page's error."""
    if (hit := _cached_bytes(path, max_bytes, cache_dir)) is not None:
        return hit
    return _page_reviews(read_source(path, max_bytes), extractor, cache_dir, {})


def _cached_bytes(path: Path, max_bytes: int, cache_dir: Path | None) -> _PageResult | None:
    """A page's cached result, read in this process, found by the hash of its bytes alone, as
    :func:`_known_key` finds a rebuild's: the key is the bytes' hash, so the page need not be decoded and
    converted to find it (session 54: the evaluation of the suite's development sets, which
    reads every page's result from the every-page build's cache, converted each page again,
    HTML parsed and all, about a fifth of a cold extraction).  None when there is no entry:
    the page must be extracted (a page that cannot be read is extracted too, so that its error
    is raised in page order)."""
    if cache_dir is None or (key := _bytes_key(path, max_bytes)) is None:
        return None
    return _cache_entry(key, cache_dir / f"{key}.json")


def _page_reviews(source: SourceText, extractor: Extractor, cache_dir: Path | None,
                  pending: MutableMapping[Path, bytes]) -> _PageResult:
    """Parse and extract one page, or take the result of an earlier build of the same bytes.

    New results are added to ``pending``, written only once every page has been read, so a
    build that fails on a bad page leaves the cache as it was.
    """
    hit = _from_cache(source, cache_dir)
    if hit is not None:
        return hit
    key = _cache_key(source)
    cached = cache_dir / f"{key}.json" if cache_dir is not None else None
    page = parse_page(source)
    if not page.entries:
        # A page about no review we can recognise is skipped with a reason, never fatal: the
        # other pages of the build still count (the build fails only if no page yields one).
        return [], [f"{source.path}: {NO_REVIEW}; skipped"]
    _refuse_repeated_entries(page.entries, source.path)
    result = ([extractor.extract(e, page) for e in page.entries], list(page.warnings))
    if cached is not None:
        pending[cached] = cache.dumps(key, result)
    return result


#: Pages from which extraction runs on a process pool (below, the pool costs more than it saves).
PARALLEL_PAGES = 8
#: Reviews emitted at a time in the rdf stage (:meth:`_Parts.stream`): their triples are held
#: until their entries and search texts are made, then dropped (DECISIONS 62).
EMIT_BATCH = 250


#: One page's reviews, warnings, new extraction-cache entries, and the error that stopped it
#: being read (then nothing else): returned, not raised, so that a pool of workers hands every
#: page's outcome back in page order and the caller decides whether one bad page stops the build.
_Extracted = tuple[list[Review], list[str], dict[Path, bytes], CasegraphError | None]


def _extract_page(path: Path, max_bytes: int, extractor: Extractor, cache_dir: Path | None,
                  ) -> _Extracted:
    new_cache: dict[Path, bytes] = {}
    try:
        reviews, warnings = _page_reviews(read_source(path, max_bytes), extractor, cache_dir,
                                          new_cache)
    except CasegraphError as exc:
        return [], [], {}, exc
    except Exception as exc:  # a fault of ours on one page must not sink the other pages
        return [], [], {}, CasegraphError(
            f"internal error while reading this page ({type(exc).__name__}: {exc}); "
            "please report it", path)
    return reviews, warnings, new_cache, None


def _extract_file(path: Path, max_bytes: int, cache_dir: Path | None) -> _Extracted:
    """Worker: one page with the project vocabulary (loaded once per worker process)."""
    return _extract_page(path, max_bytes, Extractor(default_vocabulary()), cache_dir)


def extract_reviews(paths: Iterable[Path], vocab: Vocabulary, max_bytes: int = MAX_SOURCE_BYTES,
                    progress: Callable[[str], None] | None = None, cache_dir: Path | None = None,
                    cache_writes: MutableMapping[Path, bytes] | None = None, workers: int | None = None,
                    failures: list[CasegraphError] | None = None,
                    ) -> tuple[list[Review], list[str], list[Path]]:
    """Read, parse and extract every source; merge reviews found on several pages.

    With ``cache_dir``, a page whose bytes (and our extraction code and vocabulary) are
    unchanged since an earlier build is not parsed or extracted again.  New cache entries are
    written once every page has been read, or handed to the caller in ``cache_writes`` (the
    build writes them only when it succeeds).  A page that cannot be read raises its error,
    or, given ``failures``, is skipped and its error appended there.
    """
    reviews: list[Review] = []
    paths = list(paths)  # read twice: the files to read, and the ones left out for their type
    files = _discover(paths)
    warnings = not_read(paths)
    started = time.perf_counter()
    pending: MutableMapping[Path, bytes] = {} if cache_writes is None else cache_writes
    # Cached pages are read here: a worker process costs seconds to start and to send its
    # reviews back, which made most of a rebuild's extraction stage when every page but the new
    # one was cached (DECISIONS 48).  Only the pages to extract go to the pool.
    # (an empty or new cache has no hit to find: its pages are not read twice, session 51)
    warm = cache_dir is not None and cache_dir.is_dir() and next(cache_dir.glob("*.json"), None) is not None
    hits = {path: _cached_bytes(path, max_bytes, cache_dir) if warm else None for path in files}
    for n, (page_reviews, page_warnings, new_cache, error) in enumerate(
            _page_results(files, hits, vocab, max_bytes, cache_dir, workers), start=1):
        _skip_or_raise(error, failures)
        reviews.extend(page_reviews)
        warnings.extend(page_warnings)
        pending.update(new_cache)
        if progress:
            rate = len(reviews) / max(time.perf_counter() - started, 1e-9)
            progress(f"extract: page {n}/{len(files)}, {len(reviews)} reviews ({rate:.0f}/s)")
    _refuse_nothing(len(reviews), files, paths, failures)
    if cache_writes is None:
        for cached, data in pending.items():
            write_atomic(cached, data)
    merged, merge_warnings = merge_reviews(reviews)
    warnings.extend(merge_warnings)
    for r in merged:
        warnings.extend(r.warnings)
    # (an entry's warning is its page's and its review's: said once)
    return merged, list(dict.fromkeys(warnings)), files


def _discover(paths: Iterable[Path]) -> list[Path]:
    files = list(discover(paths))
    if not files:
        kinds = ", ".join(sorted(SUFFIXES))
        raise CasegraphError(f"no source files found (casegraph reads {kinds})",
                             ", ".join(str(p) for p in paths))
    return files


def _skip_or_raise(error: CasegraphError | None, failures: list[CasegraphError] | None) -> None:
    """A page's error: raised when the caller keeps no list of failures (``--strict``, library
    callers), else recorded, and the page contributes nothing."""
    if error is not None:
        if failures is None:
            raise error
        failures.append(error)


def _refuse_nothing(reviews: int, files: list[Path], paths: Iterable[Path],
                    failures: list[CasegraphError] | None) -> None:
    """A build of pages that hold no review at all is an error: the first unreadable page's, so
    that one bad page named alone still gets its own one-line error, or else that no page holds
    a review (one page: that page's)."""
    if not reviews:
        if failures:
            first = failures[0]
            more = (f" ({len(failures) - 1} more page(s) could not be read either)"
                    if len(failures) > 1 else "")
            raise CasegraphError(first.message + more, first.where, first.place)
        if len(files) == 1:
            raise CasegraphError(NO_REVIEW, files[0])
        raise CasegraphError(f"no review recognised on any of the {len(files)} pages",
                             ", ".join(str(p) for p in paths))


def _page_results(files: list[Path], hits: dict[Path, _PageResult | None], vocab: Vocabulary,
                  max_bytes: int, cache_dir: Path | None, workers: int | None,
                  ) -> Iterator[_Extracted]:
    """Every page's reviews, warnings, new extraction-cache entries and error, in the order of
    ``files``: from ``hits``, or parsed and extracted (on a process pool when there are many)."""
    todo = [path for path in files if hits[path] is None]
    workers = workers or worker_count()
    # Worker processes load the project vocabulary themselves; a caller's own vocabulary
    # (tests, analysts' experiments) is used in this process instead.
    parallel = workers > 1 and len(todo) >= PARALLEL_PAGES and vocab is default_vocabulary()
    if parallel:
        pool = worker_pool(workers)  # workers die with the build (core/workers.py)
        extracted = pool.map(_extract_file, todo, [max_bytes] * len(todo), [cache_dir] * len(todo),
                             chunksize=4)
    else:
        extractor = Extractor(vocab)
        extracted = (_extract_page(path, max_bytes, extractor, cache_dir) for path in todo)
    try:
        yield from _in_page_order(files, hits, extracted)
    finally:
        if parallel:
            pool.shutdown(cancel_futures=True)


def _in_page_order(files: list[Path], hits: dict[Path, _PageResult | None],
                   extracted: Iterable[_Extracted]) -> Iterable[_Extracted]:
    """Every page's result in the order of ``files``: cached ones from ``hits``, the others
    from ``extracted`` (which yields them in that same order)."""
    fresh = iter(extracted)
    for path in files:
        hit = hits[path]
        yield (hit[0], hit[1], {}, None) if hit is not None else next(fresh)


def _merged_reviews(paths: list[Path], vocab: Vocabulary, max_bytes: int,
                    progress: Callable[[str], None] | None, outdir: OutputDir,
                    cache_writes: MutableMapping[Path, bytes], workers: int | None,
                    failures: list[CasegraphError] | None,
                    ) -> tuple[snapshot.Merge, list[str], list[Path]]:
    """The merged reviews of a build into ``outdir``, as :func:`extract_reviews` gives them, but
    with the previous build's views (``pipeline/snapshot.py``) for every group of entries that
    no changed page touches: those pages are read (for their hashes) and never turned into
    review objects."""
    files = _discover(paths)
    started, entries = time.perf_counter(), 0
    old = snapshot.loads(outdir.read_snapshot(), _snapshot_digest(vocab))
    known = {rec.key: rec for rec in old.pages} if old is not None else {}
    keys: dict[Path, str | None] = {}
    for path in files:
        keys[path] = _known_key(path, max_bytes, known)
        if keys[path] is None:
            try:
                keys[path] = _cache_key(read_source(path, max_bytes))
            except CasegraphError:
                keys[path] = None  # its error comes, in page order, when it is extracted
    readable = [key for key in keys.values() if key is not None]
    if len(set(readable)) < len(readable):  # a page named twice: no views (never seen)
        known = {}
    hits: dict[Path, _PageResult | None] = {
        path: ([], []) if keys[path] in known else _cached_bytes(path, max_bytes, outdir.extract_cache)
        for path in files}
    pages: list[snapshot.Page] = []
    where: dict[str, Path] = {}
    results = _page_results(files, hits, vocab, max_bytes, outdir.extract_cache, workers)
    for n, (path, (found, page_warnings, new_cache, error)) in enumerate(
            zip(files, results, strict=True), start=1):
        _skip_or_raise(error, failures)
        key = keys[path]
        if error is not None or key is None:  # left out, so the next build tries it again
            continue
        where[key] = path
        cache_writes.update(new_cache)
        rec = known.get(key)
        if rec is not None:
            pages.append(snapshot.Page(key, rec.entries, list(rec.warnings)))
        else:
            pages.append(snapshot.Page(key, tuple(r.key for r in found), page_warnings, found))
        entries += len(pages[-1].entries)
        if progress:
            rate = entries / max(time.perf_counter() - started, 1e-9)
            progress(f"extract: page {n}/{len(files)}, {entries} reviews ({rate:.0f}/s)")
    _refuse_nothing(entries, files, paths, failures)
    extractor = Extractor(vocab)

    def load(page: snapshot.Page) -> list[Review]:
        """A known page's entries as objects: from the extraction cache, or extracted again."""
        if page.reviews is None:
            source = read_source(where[page.key], max_bytes)
            hit = _from_cache(source, outdir.extract_cache, cache_writes)
            if hit is None:
                hit = _page_reviews(source, extractor, outdir.extract_cache, cache_writes)
            if tuple(r.key for r in hit[0]) != page.entries:
                raise CasegraphError("the build's caches disagree with the page; delete "
                                     f"{outdir.snapshot} and build again", where[page.key])
            page.reviews = hit[0]
        return page.reviews

    merged = snapshot.merge(pages, old, load)
    warnings = not_read(paths) + [w for p in pages for w in p.warnings] + merged.warnings()
    warnings += [w for r in merged.reviews() for w in r.warnings]
    return merged, list(dict.fromkeys(warnings)), files


def _snapshot_digest(vocab: Vocabulary) -> str:
    """What the views of a snapshot depend on: the review cache's digest (the code that merges
    reviews, the model and the vocabulary) and the extraction's."""
    return hashlib.sha256(f"{reviewcache.digest(vocab)}|{_extraction_digest()}".encode()).hexdigest()


def build(sources: list[Path], out: Path | None, vocab: Vocabulary | None = None,
          curations: Path | None = None, max_bytes: int = MAX_SOURCE_BYTES,
          progress: Callable[[str], None] | None = None, workers: int | None = None,
          strict: bool = False, extract_cache: Path | None = None) -> BuildResult:
    """Build, validate and (when ``out`` is given) write the graph; see the module docstring.

    ``extract_cache`` is a folder for the per-page extraction cache of a build that writes
    nothing (``out`` None; a build into ``out`` keeps its own there): a second check of the same
    pages, or an evaluation of them (:func:`page_result`), then reads instead of extracting.

    A review whose data breaks a shape is quarantined: left out of ``casegraph.ttl`` and written
    with its findings to ``quarantine.ttl`` (``BuildResult.quarantined``); every other review is
    published.  ``strict`` makes any violation stop the whole build (nothing written).
    Validation results are cached per review in ``out/.casegraph-cache/`` so a rebuild after
    adding one page validates only the reviews that changed.  A second build into the same
    ``out`` at the same time fails at once instead of racing.
    """
    if out is None:
        return _build(sources, None, vocab, curations, max_bytes, progress, workers, strict,
                      extract_cache=extract_cache)
    outdir = OutputDir(out)
    with outdir.locked(), outdir.spool() as cache_writes:
        return _build(sources, outdir, vocab, curations, max_bytes, progress, workers, strict,
                      cache_writes)


def _build(sources: list[Path], outdir: OutputDir | None, vocab: Vocabulary | None,
           curations: Path | None, max_bytes: int, progress: Callable[[str], None] | None,
           workers: int | None, strict: bool,
           cache_writes: MutableMapping[Path, bytes] | None = None,
           extract_cache: Path | None = None) -> BuildResult:
    """The build; ``cache_writes`` collects the caches to write if it commits (on disk,
    ``outputs.Spool``: at 100,000 reviews they are gigabytes); ``extract_cache`` is
    :func:`build`'s, written as soon as every page is read (nothing else is written)."""
    vocab = vocab or default_vocabulary()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    cache_writes = {} if cache_writes is None else cache_writes
    merge: snapshot.Merge | None = None
    failures: list[CasegraphError] | None = None if strict else []
    if outdir is None:
        objects, warnings, files = extract_reviews(
            sources, vocab, max_bytes, progress, extract_cache,
            None if extract_cache is not None else cache_writes, workers, failures)
        reviews: list[Review | ReviewView] = list(objects)
    else:
        merge, warnings, files = _merged_reviews(sources, vocab, max_bytes, progress, outdir,
                                                 cache_writes, workers, failures)
        reviews = merge.reviews()
    timings["read+parse+extract"] = time.perf_counter() - t0
    curated: set[str] = set()
    if curations is not None:
        t = time.perf_counter()
        loaded = load_curations(curations, vocab)
        curated = {c.review for c in loaded}
        if merge is not None:  # every review a curation names is an object (pipeline/snapshot.py)
            merge.materialise(curated)
            reviews = merge.reviews()
        warnings += apply_curations([r for r in reviews if isinstance(r, Review)], loaded, vocab)
        timings["curate"] = time.perf_counter() - t
    t = time.perf_counter()
    if progress:
        progress(f"rdf: {len(reviews)} reviews")
    cached = cache_entries(outdir.read_validation_cache()) if outdir else {}
    search_cache = searchcache.read(outdir.read_search_cache()) if outdir else None
    scratch = cache_writes.scratch("reviews") if isinstance(cache_writes, Spool) else None
    parts = _Parts(reviews, vocab, outdir, cached, merge, curated, scratch)
    if merge is not None:
        reviews = []  # each batch's objects become views as it is done (_Parts.stream)
    timings["rdf"] = time.perf_counter() - t
    t = time.perf_counter()
    validator = Validator(vocab.graph, cached, workers, progress, known=parts.known_keys())
    timings["validate"] = time.perf_counter() - t
    try:  # emitted, validated and packed a batch at a time (DECISIONS 62)
        parts.stream(validator, search_cache, timings, keep=outdir is None)
        t = time.perf_counter()
        validation = validator.finish()
        timings["validate"] += time.perf_counter() - t
    finally:
        validator.close()
    warnings += parts.area_warnings()
    if merge is not None:
        reviews = merge.reviews()
    full_report = validation.report
    warnings.extend(validation.notes)  # shapes the compiled SHACL engine left to pyshacl
    bad = full_report.quarantinable() if not full_report.conforms else set()
    if bad is None or (bad and strict):
        raise NonConformingError(full_report.text(), len(full_report.violations))
    parts.forget(bad)
    if bad and merge is not None:  # quarantined reviews are written out whole
        merge.materialise(bad)
        reviews = merge.reviews()
    kept = [r for r in reviews if r.slug not in bad]
    quarantined = [r for r in reviews if r.slug in bad and isinstance(r, Review)]
    report = full_report.without(bad)
    if quarantined:
        warnings.extend(f"review {r.slug} quarantined: its data breaks a shape (see "
                        f"{QUARANTINE_FILE})" for r in quarantined)
    t = time.perf_counter()
    recurrence, clusters = _recurrence(kept, vocab, validation, cached, workers, outdir,
                                       cache_writes)
    timings["recur"] = time.perf_counter() - t
    if outdir is None:
        return BuildResult(_as_reviews(kept), None, report, warnings, timings, files, None,
                           validation.counts, quarantined, clusters, parts.counts(),
                           review_count=len(kept), failed=[str(e) for e in failures or ()],
                           _make_triples=lambda: list(parts.published(kept, recurrence)))
    t = time.perf_counter()
    if progress:
        progress(f"write: {len(kept)} reviews to {outdir.data}")
    # Everything is serialised before anything is replaced, and replaced all together.
    data, data_hash, size = parts.turtle(kept, validation.keys, recurrence)
    cache_writes.update(parts.packs(outdir.review_cache))
    assert merge is not None
    cache_writes[outdir.snapshot] = snapshot.dumps(merge.snapshot(parts.keys, curated),
                                                   _snapshot_digest(vocab))
    cache_writes[outdir.validation_cache] = json.dumps(
        cache_document(validation.cache), sort_keys=True).encode()
    timings["merge-triples"] = time.perf_counter() - t
    t = time.perf_counter()
    # The search index records the hash of these very bytes and is committed with them, so
    # it is always the index of the casegraph.ttl beside it.  Its texts are those of the
    # published reviews, read afresh only for reviews whose subgraph is new.
    assert search_cache is not None
    old_index, old_record = outdir.read_search_index()
    slugs = [r.slug for r in kept]
    index, texts = searchcache.build_index(
        slugs, parts.triples, validation.keys, search_cache, data_hash, parts.materialise,
        searchcache.previous(old_record, old_index), parts.texts)
    cache_writes[outdir.search_cache] = searchcache.dumps(texts, search_cache)
    cache_writes[outdir.search_record] = searchcache.record(index, slugs, validation.keys)
    timings["search-index"] = time.perf_counter() - t
    t = time.perf_counter()
    # The SHACL report describes the published graph (it conforms); the text report, read by
    # people, also lists the quarantined reviews' findings, which quarantine.ttl holds too.
    folder = outdir.commit({DATA_FILE: data,
                   REPORT_FILE: serialise(report.graph, "turtle"),
                   REPORT_TEXT: (full_report.text() + "\n").encode(),
                   QUARANTINE_FILE: _quarantine(quarantined, parts.triples, full_report),
                   SEARCH_FILE: index},
                  cache_writes)
    parts.prune(outdir.review_cache)
    timings["write"] = time.perf_counter() - t
    whole = all(isinstance(r, Review) for r in kept)
    return BuildResult(_as_reviews(kept) if whole else None, None, report, warnings, timings,
                       files, outdir.root, validation.counts, quarantined, clusters,
                       parts.counts(), size, os.open(folder / DATA_FILE, os.O_RDONLY),
                       review_count=len(kept), failed=[str(e) for e in failures or ()],
                       _materialise=lambda: merge.objects(slugs))


class _Parts:
    """Each review's triples, or its entry in the review cache (``pipeline/reviewcache.py``).

    A review whose entry is cached, and whose validation findings are too, is not emitted: its
    subgraph hash, Turtle blocks and counts come from the entry.  The others are emitted, and
    their entries made once validation has given their subgraph hashes.  A review's triples
    are emitted on demand later (a quarantined review, a search text not cached).
    """

    def __init__(self, reviews: list[Review | ReviewView], vocab: Vocabulary,
                 outdir: OutputDir | None, findings: dict[str, list[dict]],
                 merge: snapshot.Merge | None = None, curated: Collection[str] = (),
                 scratch: Path | None = None):
        self.reviews = {r.slug: r for r in reviews}
        #: Where each streamed batch's entries (a pack) and merged blocks (a run) wait for the
        #: write stage (the build's spool folder, DECISIONS 64); None keeps them in memory.
        self.scratch = scratch
        #: The slugs of each spooled batch, its run, and each spooled review's batch.
        self.batches: list[list[str]] = []
        self.runs: list[reviewcache.Run] = []
        self.spooled: dict[str, int] = {}
        self._loaded: tuple[int, dict[str, reviewcache.Entry]] | None = None
        #: Names of the packs this build uses (:meth:`packs`, :meth:`prune`).
        self.names: set[str] = set()
        self.curated = set(curated)
        self.vocab = vocab
        self.merge = merge
        self.emitter = TripleEmitter(vocab)
        self.base = reviewcache.digest(vocab) if outdir is not None else ""
        # A view carries its key (the previous build hashed the same review); objects are hashed.
        self.keys = ({r.slug: r.key if isinstance(r, ReviewView) else
                      reviewcache.review_key(r, self.base) for r in reviews}
                     if outdir is not None else {})
        stored, self.good = (reviewcache.read_all(outdir.review_cache, self.base) if outdir
                             else ({}, set()))

        def hit(slug: str) -> bool:
            key = self.keys[slug]
            return key in stored and stored[key].vkey in findings

        missed = [slug for slug, r in self.reviews.items()
                  if isinstance(r, ReviewView) and not hit(slug)]
        for slug, r in (merge.materialise(missed) if merge and missed else {}).items():
            self.reviews[slug] = r  # a view whose entry is gone is emitted, as in a cold build
            self.keys[slug] = reviewcache.review_key(r, self.base)
        self.hits = {slug: stored[self.keys[slug]] for slug in self.keys if hit(slug)}
        #: Triples emitted on demand after :meth:`stream` (a quarantined review, a search text
        #: not read while streaming); a cold build holds none of them.
        self.emitted: dict[str, list[ox.Triple]] = {}
        self.fresh: dict[str, reviewcache.Entry] = {}
        #: The search texts of emitted reviews whose texts the search cache lacks, by slug
        #: (``searchcache.build_index`` takes them instead of emitting the reviews again); on
        #: disk a batch at a time when the build has a spool (DECISIONS 64).
        self.texts: MutableMapping[str, searchcache.Rows] | searchcache.Spooled = (
            {} if scratch is None else searchcache.Spooled(scratch))

    def stream(self, validator: Validator, search: searchcache.Cached | None,
               timings: dict[str, float], keep: bool = False) -> None:
        """Emit every review that is not a cache hit, :data:`EMIT_BATCH` at a time, and
        validate it, make its review-cache entry and read its search texts (unless ``search``
        has them) while its triples are at hand; then drop the triples, and put a view in
        place of each uncurated review's object (``snapshot.Merge.release``: what the later
        stages read; the pages' entry objects are dropped first).  Holding every review's
        triples until validation had run stopped the 100k build at 13.6 GB, after the objects
        had taken 7.35 (DECISIONS 59, 62).  CPU of emitting, entries and texts goes to ``rdf`` in
        ``timings``, of validating to ``validate``.  ``keep`` keeps the triples instead of
        making entries (a build without an output directory returns every triple)."""
        todo = [slug for slug in self.reviews if slug not in self.hits]
        if self.merge is not None and not keep:
            self.merge.drop_entries()
        for at in range(0, len(todo), EMIT_BATCH):
            self._batch(todo[at:at + EMIT_BATCH], validator, search, timings, keep)

    def _batch(self, batch: list[str], validator: Validator, search: searchcache.Cached | None,
               timings: dict[str, float], keep: bool) -> None:
        """One batch of :meth:`stream` (its own function so that no name outlives it holding
        a review's triples)."""
        t = time.perf_counter()
        held = {slug: self.emitter.review_triples(self._object(slug)) for slug in batch}
        timings["rdf"] = timings.get("rdf", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        vkeys = {slug: validator.add(slug, triples) for slug, triples in held.items()}
        timings["validate"] = timings.get("validate", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        if keep:
            self.emitted.update(held)
        else:
            self._spool({slug: reviewcache.make_entry(self.keys[slug], vkeys[slug], triples,
                                                      self.emitter.area_matches.get(slug))
                         for slug, triples in held.items()})
        unread = [slug for slug in batch if search is not None and vkeys[slug] not in search.lines]
        if unread:
            read = searchcache.texts_by_review(unread, held.__getitem__)
            if isinstance(self.texts, searchcache.Spooled):
                self.texts.put(read)
            else:
                self.texts.update(read)
        if self.merge is not None and not keep:  # a curated review could not be made again
            self.reviews.update(self.merge.release(
                [slug for slug in batch if slug not in self.curated], self.keys))
        timings["rdf"] = timings.get("rdf", 0.0) + time.perf_counter() - t

    def _spool(self, made: dict[str, reviewcache.Entry]) -> None:
        """Put a batch's new entries in :attr:`scratch` as one pack and one run (an entry that
        has no blocks, :attr:`TurtleBlocks.plain` false, stays in memory), or in memory."""
        plain = {slug: e for slug, e in made.items() if e.blocks.plain}
        if self.scratch is None or not plain:
            self.fresh.update(made)
            return
        self.fresh.update((slug, e) for slug, e in made.items() if slug not in plain)
        n = len(self.batches)
        path = self.scratch / f"batch-{n}"
        try:
            path.with_suffix(".pack").write_bytes(reviewcache.dumps(list(plain.values()), self.base))
        except OSError as exc:
            raise CasegraphError(f"cannot write: {exc.strerror}", path) from None
        self.runs.append(reviewcache.write_run(path.with_suffix(".run"), plain.values()))
        self.batches.append(list(plain))
        self.spooled.update((slug, n) for slug in plain)

    def _spooled(self, slug: str) -> reviewcache.Entry:
        """A spooled review's entry, read back with its batch (the last batch read is kept:
        :meth:`packs` asks for them in batch order)."""
        n = self.spooled[slug]
        if self._loaded is None or self._loaded[0] != n:
            path = (self.scratch or Path()) / f"batch-{n}.pack"
            entries = reviewcache.loads(path.read_bytes(), self.base)
            self._loaded = (n, dict(zip(self.batches[n], entries, strict=True)))
        return self._loaded[1][slug]

    def _runs(self, kept: set[str]) -> list[reviewcache.Run]:
        """The runs of the spooled batches, a batch that holds a review not kept (quarantined)
        written again without it."""
        out = []
        for n, run in enumerate(self.runs):
            slugs = self.batches[n]
            if all(s in kept for s in slugs):
                out.append(run)
            elif any(s in kept for s in slugs):
                out.append(reviewcache.write_run(run.path.with_suffix(".kept.run"),
                                                 [self._spooled(s) for s in slugs if s in kept]))
        return out

    def forget(self, slugs: Collection[str]) -> None:
        """Drop the entries of quarantined reviews: they are not published, so not packed."""
        for slug in slugs:
            self.fresh.pop(slug, None)
            self.spooled.pop(slug, None)

    def materialise(self, slugs: list[str]) -> None:
        """Make the objects of these reviews at once: one by one, each would merge its group
        again over every page and slot (quadratic when a whole search cache is missing)."""
        views = [s for s in slugs if isinstance(self.reviews[s], ReviewView)]
        if views:
            assert self.merge is not None
            self.reviews.update(self.merge.materialise(views))

    def _object(self, slug: str) -> Review:
        """The review's object (a view is merged again from its pages, pipeline/snapshot.py)."""
        r = self.reviews[slug]
        if isinstance(r, ReviewView):
            assert self.merge is not None
            r = self.reviews[slug] = self.merge.materialise([slug])[slug]
        return r

    def area_warnings(self) -> list[str]:
        """The warnings for areas not linked to ONS codes, as emitting every review gives them."""
        matches = [(slug, e.match) for slug, e in self.hits.items() if e.match is not None]
        return unmatched_warnings([*matches, *self.emitter.area_matches.items()])

    def known_keys(self) -> dict[str, str]:
        return {slug: e.vkey for slug, e in self.hits.items()}

    def triples(self, slug: str) -> list[ox.Triple]:
        if slug not in self.emitted:
            self.emitted[slug] = self.emitter.review_triples(self._object(slug))
        return self.emitted[slug]

    def counts(self) -> dict[str, int]:
        return {"emitted": len(self.reviews) - len(self.hits), "cached": len(self.hits)}

    def entry(self, slug: str, vkey: str) -> reviewcache.Entry:
        hit = self.hits.get(slug)
        if hit is not None:
            return hit
        if slug in self.spooled:
            return self._spooled(slug)
        if slug not in self.fresh:
            self.fresh[slug] = reviewcache.make_entry(
                self.keys[slug], vkey, self.triples(slug), self.emitter.area_matches.get(slug))
        return self.fresh[slug]

    def published(self, kept: list[Review | ReviewView], recurrence: list[ox.Triple]) -> set[ox.Triple]:
        """Every published triple, held: the kept reviews', the clusters', the schemes' (which
        travel with the data, so the Turtle answers concept queries on its own), and the
        dataset description, whose counts are of everything published, itself included."""
        triples = ({x for r in kept for x in self.triples(r.slug)} | set(recurrence)
                   | set(self.vocab.ox_triples()))
        return triples | set(dataset_triples(_as_reviews(kept), self.vocab, triples))

    def turtle(self, kept: list[Review | ReviewView], vkeys: dict[str, str],
               recurrence: list[ox.Triple],
               ) -> tuple[Content, DataHash, int]:
        """``casegraph.ttl`` (a writer that streams it block by block, DECISIONS 64), its hash
        and its number of triples: every kept review's blocks, the clusters and the schemes
        (which travel with the data, so the Turtle answers concept queries on its own), and
        last the dataset description, whose counts are of everything published, itself
        included."""
        memory = reviewcache.Assembly()
        for r in kept:
            if r.slug not in self.spooled:
                memory.add(self.entry(r.slug, vkeys[r.slug]))
        memory.add(reviewcache.part(recurrence))
        memory.add(_vocabulary_part(self.vocab, self.base))
        whole = reviewcache.Streamed(memory, self._runs({r.slug for r in kept}))
        whole.add(reviewcache.part(whole.describe(
            lambda published: dataset_triples(_as_reviews(kept), self.vocab, published))))
        if not whole.plain:  # a number Oxigraph would write bare: only the slow writer is right
            triples = self.published(kept, recurrence)
            data = serialise_triples(triples, "turtle")
            return data, DataHash(hashlib.sha256(data).hexdigest()), len(triples)
        digest, size = whole.digest()
        return lambda fh: whole.write(fh.write), DataHash(digest), size

    def packs(self, folder: Path) -> Iterator[tuple[Path, bytes]]:
        """The packs this build needs and the folder lacks: one per first source page (made
        one at a time, as the caller spools them)."""
        groups: dict[str, list[str]] = {}
        for slug, r in self.reviews.items():
            entry = self.hits.get(slug) or self.fresh.get(slug)
            if slug in self.spooled or (entry is not None and entry.blocks.plain):
                groups.setdefault(r.sources[0].path if r.sources else "", []).append(slug)
        for slugs in groups.values():
            name = reviewcache.pack_name(self.keys[s] for s in slugs)
            self.names.add(name)
            if name not in self.good:
                entries = [self.hits.get(s) or self.fresh.get(s) or self._spooled(s) for s in slugs]
                yield folder / name, reviewcache.dumps(entries, self.base)

    def prune(self, folder: Path) -> None:
        """Remove the packs of earlier builds that this one does not use."""
        if folder.is_dir():
            for path in folder.glob(f"*{reviewcache.SUFFIX}"):
                if path.name not in self.names:
                    path.unlink(missing_ok=True)


_VOCABULARY_PARTS: dict[str, reviewcache.Entry] = {}


def _vocabulary_part(vocab: Vocabulary, base: str) -> reviewcache.Entry:
    """The schemes' blocks, made once per process for the same vocabulary and code."""
    if base not in _VOCABULARY_PARTS:
        _VOCABULARY_PARTS[base] = reviewcache.part(vocab.ox_triples())
    return _VOCABULARY_PARTS[base]


def _as_reviews(reviews: list[Review | ReviewView]) -> list[Review]:
    """Reviews and views for the code that reads only what a view has: recurrence
    (``recur.items_of``: slug, year, items' text and agencies) and the dataset description
    (slug, year, month, sources).  ``tests/test_snapshot.py`` checks both give the same triples
    for views as for objects; recur takes reviews, and an entry point taking its items instead
    would make this cast unnecessary."""
    return cast(list[Review], reviews)


def _recurrence(kept: list[Review | ReviewView], vocab: Vocabulary, validation: Validation,
                cached: dict[str, list[dict]], workers: int | None,
                outdir: OutputDir | None = None, cache_writes: MutableMapping[Path, bytes] | None = None,
                ) -> tuple[list[ox.Triple], dict[str, int]]:
    """Clusters of recurring items over the published reviews, each validated as its own subgraph.

    Clustering is corpus-wide, so it runs on every build, after quarantine (a left-out review's
    items are in no cluster).  Validation is not: the cluster shapes look at one cluster's own
    triples (``ontology/shapes.ttl``), and a cluster's IRI is minted from its members, so a
    cluster that a new page left alone has the same subgraph and its findings come from the
    cache (``cached``: the entries read from disk, by subgraph hash, as for reviews).  Validated
    as one unit, every build re-checked every cluster, and at 10k reviews that was most of a
    rebuild (DECISIONS 44, 48).  A cluster that breaks a shape is a fault of casegraph, not of a
    review, so it stops the build like a broken vocabulary would.  With ``outdir``, the clusters
    come from the last build when its items were exactly these (``pipeline/recurcache.py``).
    """
    reviews = _as_reviews(kept)
    if outdir is None or cache_writes is None:
        found = recur.find_recurrences(reviews)
    else:
        items = recur.items_of(reviews)
        found, entry = recurcache.clusters(items, outdir.read_recurrence_cache(),
                                           lambda: recur.cluster_items(items))
        if entry is not None:
            cache_writes[outdir.recurrence_cache] = entry
    triples = recurrence_triples(found, vocab)
    if not triples:
        return [], {"validated": 0, "cached": 0}
    per_cluster: dict[str, list[ox.Triple]] = {}
    for t in triples:  # every triple of a cluster has the cluster as its subject
        per_cluster.setdefault(t.subject.value, []).append(t)
    checked = validate_reviews({iri: rank_free(ts) for iri, ts in per_cluster.items()},
                               vocab.graph, cached, workers)
    validation.cache.update(checked.cache)
    if not checked.report.conforms:
        raise NonConformingError(checked.report.text(), len(checked.report.violations))
    return triples, checked.counts


_RANK = ox.NamedNode(str(CG.rank))
_INTEGER = ox.NamedNode(str(XSD.integer))
#: What a cluster is validated with in place of its rank (see :func:`rank_free`).
_ANY_RANK = ox.Literal("1", datatype=_INTEGER)


def rank_free(triples: list[ox.Triple]) -> list[ox.Triple]:
    """A cluster's triples with its rank, when it is one integer from 1, written as 1.

    A new page moves the rank of most clusters it leaves alone (rank 1 is the cluster in most
    reviews), and the rank is in the subgraph whose hash keys the cached findings, so after one
    page at 10k reviews 7,098 of 7,269 clusters were validated again (DECISIONS 55, 59).  The
    findings cannot depend on which integer from 1 the rank is: the one shape that reads
    ``cg:rank`` (``ontology/shapes.ttl``, RecurrenceClusterShape) asks for exactly one
    ``xsd:integer`` from 1, which any such rank meets, and no other constraint reads it.  A
    rank that is anything else, or a second rank, is validated as it is."""
    ranks = [t for t in triples if t.predicate == _RANK]
    if len(ranks) != 1:
        return triples
    rank = ranks[0].object
    if not (isinstance(rank, ox.Literal) and rank.datatype == _INTEGER
            and rank.value.isascii() and rank.value.isdigit() and int(rank.value) >= 1):
        return triples
    return [ox.Triple(t.subject, t.predicate, _ANY_RANK) if t.predicate == _RANK else t
            for t in triples]


def _quarantine(reviews: list[Review], triples_of: Callable[[str], list[ox.Triple]],
                report: Report) -> bytes | None:
    """``quarantine.ttl``: the left-out reviews' triples and the findings that sent them there."""
    if not reviews:
        return None
    slugs = {r.slug for r in reviews}
    findings = triples_to_ox(report.about(slugs).graph)
    return serialise_triples({x for s in slugs for x in triples_of(s)} | set(findings), "turtle")


def stderr_progress(message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r\033[K{message}", end="", file=sys.stderr, flush=True)
