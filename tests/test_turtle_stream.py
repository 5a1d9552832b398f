"""A build writes ``casegraph.ttl`` to its file block by block and never holds it as one bytes
object, and keeps the new reviews' Turtle blocks on disk from their batch to the write stage
(DECISIONS 64): at 100,000 reviews joining the Turtle's blocks into one 3 GB object stopped a
build capped at 14 GB in its write stage, after the blocks had grown the rdf stage by 44 KB per
review (DECISIONS 62).

The seed page (6 reviews) built once; the writer the commit hands the file to records every
write.  Nothing here is timed or measures memory: the tests look at the sizes of the writes and
count the review-cache entries alive when the recurrence stage starts.
"""

from __future__ import annotations

import hashlib
import sqlite3
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
import pytest

from casegraph.core.fsutil import Content, write_all_atomic
from casegraph.core.resources import default_sources
from casegraph.extract.vocab import default_vocabulary
from casegraph.graph.emit import Published, dataset_triples
from casegraph.pipeline import build as build_module
from casegraph.pipeline import outputs, reviewcache
from casegraph.pipeline.build import BuildResult, build
from casegraph.pipeline.outputs import CACHE_DIR, DATA_FILE, SEARCH_FILE, SPOOL_PREFIX
from casegraph.rdfio.formats import join_turtle_blocks, serialise_triples, write_turtle_blocks

SEED = default_sources() / "nspcc-repository-2023-05.txt"
BAD = "2023-child-f"


class _Recorder:
    """A binary file that forwards every write and remembers its size."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.sizes: list[int] = []

    def write(self, data: bytes) -> int:
        self.sizes.append(len(data))
        return self.fh.write(data)


class _Entries:
    """Counts the review-cache entries the rdf stage makes that are alive at one moment."""

    def __init__(self) -> None:
        self.alive: set[int] = set()
        self.made = 0
        self.at_recurrence: int | None = None
        self.spooled: list[str] = []

    def track(self, entry: reviewcache.Entry) -> reviewcache.Entry:
        self.made += 1
        self.alive.add(id(entry))
        weakref.finalize(entry, self.alive.discard, id(entry))
        return entry


@pytest.fixture(scope="module")
def curations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("curations")
    (d / "bad.yaml").write_text(f"# invented test curation\nreview: {BAD}\nset:\n  children:\n"
                                "    - {pseudonym: Child F, age_months: 300}\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def streamed(tmp_path_factory: pytest.TempPathFactory, curations: Path,
             ) -> tuple[BuildResult, list[object], _Entries]:
    """The seed page built in batches of 2 with an invented curation that quarantines one
    review, with the data file's content recorded as the commit gets it (a writer's list of
    write sizes, or the bytes object itself), no whole-Turtle join, and the entries alive when
    recurrence starts counted (with the spooled batch files there are then)."""
    seen: list[object] = []
    entries = _Entries()
    make_entry, recurrence = reviewcache.make_entry, build_module._recurrence

    def made(*args: object) -> reviewcache.Entry:
        return entries.track(make_entry(*args))  # type: ignore[arg-type]

    def recurring(*args: object) -> object:
        entries.at_recurrence = len(entries.alive)
        out = args[5]
        assert isinstance(out, outputs.OutputDir)
        entries.spooled = sorted(p.name for p in (out.root / CACHE_DIR).glob(f"{SPOOL_PREFIX}*/*/*"))
        return recurrence(*args)  # type: ignore[arg-type]

    def recording(files: Mapping[Path, Content]) -> None:
        def wrap(path: Path, data: Content) -> Content:
            if path.name != DATA_FILE:
                return data
            if not callable(data):
                seen.append(data)
                return data

            def write(fh: BinaryIO) -> None:
                recorder = _Recorder(fh)
                data(recorder)  # type: ignore[arg-type]
                seen.append(recorder.sizes)
            return write
        write_all_atomic({p: wrap(p, d) for p, d in files.items()})

    def joined(self: reviewcache.Assembly) -> bytes:
        raise AssertionError("the build joined the whole Turtle")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(outputs, "write_all_atomic", recording)
        mp.setattr(reviewcache.Assembly, "turtle", joined)
        mp.setattr(reviewcache, "make_entry", made)
        mp.setattr(build_module, "_recurrence", recurring)
        mp.setattr(build_module, "EMIT_BATCH", 2)
        result = build([SEED], tmp_path_factory.mktemp("stream") / "out", curations=curations)
    return result, seen, entries


def test_the_turtle_is_written_block_by_block(
        streamed: tuple[BuildResult, list[object], _Entries]) -> None:
    result, seen, _ = streamed
    assert result.out is not None
    written = (result.out / DATA_FILE).read_bytes()
    assert len(seen) == 1 and isinstance(seen[0], list), "casegraph.ttl given as one bytes object"
    sizes = seen[0]
    assert sum(sizes) == len(written) > 0
    # Every write is one subject's block or the prefix lines: far less than the file.
    assert len(sizes) > 100 and max(sizes) < len(written) / 20


def test_new_entries_wait_on_disk_until_the_write_stage(
        streamed: tuple[BuildResult, list[object], _Entries]) -> None:
    """Each batch's entries are made and put on disk (a pack and a run of its blocks per
    batch, and its search texts): when recurrence starts none is alive, every one of the 6 was
    made; the quarantined review is not published."""
    result, _, entries = streamed
    assert entries.made >= 6 and entries.at_recurrence == 0
    assert entries.spooled == sorted([*(f"batch-{n}.{kind}" for n in range(3) for kind in ("pack", "run")),
                                      *(f"texts-{n}.json" for n in range(3))])
    assert [r.slug for r in result.quarantined] == [BAD] and result.review_count == 5


def test_the_streamed_file_is_the_turtle_of_its_triples(
        streamed: tuple[BuildResult, list[object], _Entries]) -> None:
    """The bytes are what the one Turtle writer gives for the triples read back, and the search
    index records their hash (computed block by block, before the file is written)."""
    result, _, _ = streamed
    assert result.out is not None
    written = (result.out / DATA_FILE).read_bytes()
    triples = {q.triple for q in ox.parse(written, format=ox.RdfFormat.TURTLE)}
    assert serialise_triples(triples, "turtle") == written
    assert set(result.triples) == triples and len(result) == len(triples)
    conn = sqlite3.connect(result.out / SEARCH_FILE)
    try:
        (recorded,), = conn.execute("SELECT value FROM meta WHERE key = 'data_sha256'")
    finally:
        conn.close()
    assert recorded == hashlib.sha256(written).hexdigest()


def test_the_writer_gives_the_joined_bytes() -> None:
    """Invented blocks: the streamed pieces are the joined Turtle; no blocks, nothing at all."""
    blocks = [("<urn:x:b>", b"<urn:x:b> <urn:x:p> 2 .\n"), ("<urn:x:a>", b"<urn:x:a> <urn:x:p> 1 .\n")]
    pieces: list[bytes] = []
    write_turtle_blocks(pieces.append, ["dcterms", "cg"], (b for _, b in sorted(blocks)))
    assert len(pieces) == 3 and pieces[1:] == [blocks[1][1], blocks[0][1]]
    assert pieces[0].startswith(b"@prefix ")
    assert b"".join(pieces) == join_turtle_blocks(["cg", "dcterms"], blocks)
    pieces.clear()
    write_turtle_blocks(pieces.append, ["cg"], [])
    assert pieces == [] and join_turtle_blocks(["cg"], []) == b""


def test_runs_on_disk_merge_to_the_turtle_and_counts_of_one_sort(
        streamed: tuple[BuildResult, list[object], _Entries], tmp_path: Path) -> None:
    """The published triples cut in three by position (so most subjects span runs and their
    blocks are united on the way) as two runs on disk and one part in memory: the streamed
    Turtle, its hash and size are those of one sort, and the dataset description made from
    one pass over them is the one made from the triples themselves."""
    result, _, _ = streamed
    triples = sorted(set(result.triples), key=str)
    thirds = [triples[0::3], triples[1::3], triples[2::3]]
    memory = reviewcache.Assembly()
    memory.add(reviewcache.part(thirds[0]))
    runs = [reviewcache.write_run(tmp_path / f"{n}.run", [reviewcache.part(t)])
            for n, t in enumerate(thirds[1:])]
    whole = reviewcache.Streamed(memory, runs)
    vocab = default_vocabulary()
    reviews = result.reviews
    described = whole.describe(lambda published: dataset_triples(reviews, vocab, published))
    assert described == dataset_triples(reviews, vocab, Published.of(set(triples)))
    pieces: list[bytes] = []
    whole.write(pieces.append)
    expected = serialise_triples(triples, "turtle")
    assert b"".join(pieces) == expected and len(pieces) > 3
    assert whole.digest() == (hashlib.sha256(expected).hexdigest(), len(triples))
