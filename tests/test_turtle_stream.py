"""A build writes ``casegraph.ttl`` to its file block by block and never holds it as one bytes
object (DECISIONS 64): at 100,000 reviews joining the Turtle's blocks into one 3 GB object
stopped a build capped at 14 GB in its write stage (DECISIONS 62).

The seed page (6 reviews) built once; the writer the commit hands the file to records every
write.  Nothing here is timed or measures memory: the test looks at the sizes of the writes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
import pytest

from casegraph.core.fsutil import Content, write_all_atomic
from casegraph.core.resources import default_sources
from casegraph.pipeline import outputs, reviewcache
from casegraph.pipeline.build import BuildResult, build
from casegraph.pipeline.outputs import DATA_FILE, SEARCH_FILE
from casegraph.rdfio.formats import join_turtle_blocks, serialise_triples, write_turtle_blocks

SEED = default_sources() / "nspcc-repository-2023-05.txt"


class _Recorder:
    """A binary file that forwards every write and remembers its size."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.sizes: list[int] = []

    def write(self, data: bytes) -> int:
        self.sizes.append(len(data))
        return self.fh.write(data)


@pytest.fixture(scope="module")
def streamed(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, list[object]]:
    """The seed page built with the data file's content recorded as the commit gets it (a
    writer's list of write sizes, or the bytes object itself) and no whole-Turtle join."""
    seen: list[object] = []

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
        result = build([SEED], tmp_path_factory.mktemp("stream") / "out")
    return result, seen


def test_the_turtle_is_written_block_by_block(streamed: tuple[BuildResult, list[object]]) -> None:
    result, seen = streamed
    assert result.out is not None
    written = (result.out / DATA_FILE).read_bytes()
    assert len(seen) == 1 and isinstance(seen[0], list), "casegraph.ttl given as one bytes object"
    sizes = seen[0]
    assert sum(sizes) == len(written) > 0
    # Every write is one subject's block or the prefix lines: far less than the file.
    assert len(sizes) > 100 and max(sizes) < len(written) / 20


def test_the_streamed_file_is_the_turtle_of_its_triples(
        streamed: tuple[BuildResult, list[object]]) -> None:
    """The bytes are what the one Turtle writer gives for the triples read back, and the search
    index records their hash (computed block by block, before the file is written)."""
    result, _ = streamed
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
