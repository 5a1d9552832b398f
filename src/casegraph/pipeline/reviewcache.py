"""What a build needs of each review's triples, cached so a rebuild does not emit them again.

A rebuild after one new page used to emit every review's triples again, hash them for the
validation cache, put them all in one set for the dataset counts and sort all of them to write
the Turtle: at 10,000 reviews (6.2 M triples) 166 of its 243 CPU-s (DECISIONS 48).  The triples
of a review depend only on the review itself (after merging and curation), the vocabulary, the
ONS reference tables and the code that emits and writes them.  So for each review this cache
keeps, under the hash of all of those (:func:`review_key`):

* its Turtle blocks (``rdfio.formats.TurtleBlocks``): the casegraph.ttl of a build is the
  prefix lines and every part's blocks merged by subject, byte for byte what sorting all
  triples gives;
* the hash of its validation subgraph (``Validation.keys``), under which the validation and
  search caches hold its findings and texts;
* what the dataset description counts of it: predicates and classes used, languages of its
  prose; its subjects and their triple counts are in the blocks;
* how its area was matched to ONS codes (for the build's warnings).

Entries are grouped in *packs*, one per source page (the first source of a review), named by
the hash of their entries' keys, so a cold build writes a few hundred files instead of one per
review, and a rebuild after one page writes one.  A pack is data (JSON header, then the blocks),
never code, and is checked whole: the format and digest, every length, and a SHA-256 of the
blocks.  A pack that is damaged, half-written, planted or from another version is ignored, and
its reviews are emitted again, as in a cold build.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import itertools
import json
import operator
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from casegraph import __version__
from casegraph.core.errors import CasegraphError
from casegraph.core.model import Review
from casegraph.core.namespaces import ID
from casegraph.core.places import Match
from casegraph.core.prefixes import PREFIXES
from casegraph.core.resources import reference_dir
from casegraph.extract.vocab import Vocabulary
from casegraph.graph.emit import Published
from casegraph.rdfio.formats import TurtleBlocks, turtle_blocks, write_turtle_blocks

FORMAT = "casegraph-review-cache/1"
SUFFIX = ".pack"


@dataclass(frozen=True)
class Entry:
    """One review's part of a build (see the module docstring)."""

    key: str
    vkey: str
    blocks: TurtleBlocks
    used: tuple[str, ...]
    languages: tuple[str, ...]
    match: Match | None


def summary_of(triples: Iterable[ox.Triple]) -> tuple[set[str], set[str]]:
    """The predicates and classes used, and the languages of tagged literals (as the dataset
    counts take them, ``graph.emit.Published``)."""
    p = Published.of(set(triples))
    return p.used, p.languages


def make_entry(key: str, vkey: str, triples: list[ox.Triple], match: Match | None) -> Entry:
    used, languages = summary_of(triples)
    return Entry(key, vkey, turtle_blocks(triples), tuple(sorted(used)), tuple(sorted(languages)),
                 match)


def _package_files() -> list[Path]:
    """The modules that emit, hash and write a review's triples (and what they import)."""
    package = Path(__file__).resolve().parent.parent
    return ([p for stage in ("core", "rdfio", "graph") for p in sorted((package / stage).glob("*.py"))]
            + [package / "validate" / "shacl.py"])


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The code and reference tables that a review's triples and blocks depend on."""
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{ox.__version__}|".encode())
    h.update(Path(__file__).read_bytes())
    for path in _package_files():
        h.update(path.read_bytes())
    ref = reference_dir()
    for path in sorted(ref.rglob("*")) if ref.is_dir() else []:
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


_VOCAB_DIGESTS: dict[int, tuple[Vocabulary, str]] = {}


def digest(vocab: Vocabulary) -> str:
    """Everything besides the review that an entry depends on: the code and the vocabulary's
    triples (a caller may build with a vocabulary of its own)."""
    hit = _VOCAB_DIGESTS.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        lines = sorted(str(t) for t in vocab.ox_triples())
        h = hashlib.sha256(_code_digest().encode())
        h.update("\n".join(lines).encode())
        hit = _VOCAB_DIGESTS[id(vocab)] = (vocab, h.hexdigest())
    return hit[1]


def review_key(review: Review, base: str) -> str:
    """The hash of one review's content.

    Its ``repr``: the model is dataclasses of lists, tuples, strings, numbers and None, whose
    generated ``repr`` shows every field (``tests/test_reviewcache.py`` checks that no field is
    hidden from it), so equal reprs are equal reviews.  It is twice as fast as the extraction
    cache's JSON (0.8 against 1.7 CPU-s for 1,000 reviews), and every build hashes every review.
    """
    return hashlib.sha256(base.encode() + repr(review).encode()).hexdigest()


# --- packs ------------------------------------------------------------------------------------


def pack_name(keys: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest() + SUFFIX


def dumps(entries: list[Entry], base: str) -> bytes:
    """A pack of ``entries`` (:func:`loads` reads it back)."""
    body = b"".join(block for e in entries for _, _, block in e.blocks.blocks)
    header = {"format": FORMAT, "digest": base, "body": hashlib.sha256(body).hexdigest(),
              "entries": [{"key": e.key, "vkey": e.vkey, "prefixes": list(e.blocks.prefixes),
                           "used": list(e.used), "languages": list(e.languages),
                           "match": None if e.match is None else [e.match.area, e.match.reason],
                           "subjects": [s for s, _, _ in e.blocks.blocks],
                           "counts": [n for _, n, _ in e.blocks.blocks],
                           "sizes": [len(b) for _, _, b in e.blocks.blocks]}
                          for e in entries]}
    return json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n" + body


_STR, _INT = {str}, {int}


def loads(data: bytes, base: str) -> list[Entry]:
    """The entries of a pack, or ``ValueError`` for anything :func:`dumps` did not write for
    ``base`` (the caller then ignores the whole pack)."""
    head, sep, body = data.partition(b"\n")
    if not sep:
        raise ValueError("no header")
    try:
        doc = json.loads(head)
        if doc["format"] != FORMAT or doc["digest"] != base:
            raise ValueError("another version")
        if hashlib.sha256(body).hexdigest() != doc["body"]:
            raise ValueError("damaged")
        out, at = [], 0
        for e in doc["entries"]:
            subjects, counts, sizes = e["subjects"], e["counts"], e["sizes"]
            # Checked and cut with C-level iteration: 1.1 M blocks at 10,000 reviews.
            if not (len(subjects) == len(counts) == len(sizes)
                    and set(map(type, subjects)) <= _STR and set(map(type, counts)) <= _INT
                    and set(map(type, sizes)) <= _INT
                    and (not counts or min(counts) > 0) and (not sizes or min(sizes) > 0)):
                raise ValueError("not a block list")
            ends = list(itertools.accumulate(sizes, initial=at))
            blocks = list(zip(subjects, counts,
                              map(body.__getitem__, map(slice, ends, itertools.islice(ends, 1, None))),
                              strict=True))
            at = ends[-1]
            match = e["match"]
            out.append(Entry(_str(e["key"]), _str(e["vkey"]),
                             TurtleBlocks(tuple(blocks), tuple(map(_str, e["prefixes"])), True),
                             tuple(map(_str, e["used"])), tuple(map(_str, e["languages"])),
                             None if match is None else _match(match)))
        if at != len(body):
            raise ValueError("wrong length")
        return out
    except (KeyError, TypeError, IndexError, AttributeError) as exc:
        raise ValueError(str(exc)) from None


def _match(m: list) -> Match:  # type: ignore[type-arg]
    area, reason = m
    if reason is not None and not isinstance(reason, str):
        raise TypeError("not a match")
    return Match(_str(area), (), reason)


def _str(v: object) -> str:
    if not isinstance(v, str):
        raise TypeError("expected a string")
    return v


def read_all(folder: Path, base: str) -> tuple[dict[str, Entry], set[str]]:
    """Every entry of every good pack in ``folder``, by review key, and the names of the good
    packs (a bad one is skipped, and written anew if the build needs its name)."""
    found: dict[str, Entry] = {}
    good: set[str] = set()
    if not folder.is_dir():
        return found, good
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            entries = loads(path.read_bytes(), base)
        except (OSError, ValueError):
            continue
        if path.name != pack_name(e.key for e in entries):
            continue  # renamed or planted: its name must say what it holds
        found.update((e.key, e) for e in entries)
        good.add(path.name)
    return found, good


# --- the published graph from parts ----------------------------------------------------------


def part(triples: list[ox.Triple]) -> Entry:
    """A part of the graph that is not a cached review (vocabulary, clusters, description)."""
    return make_entry("", "", triples, None)


_EVERY_PREFIX = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())).encode()


def _block_triples(block: bytes) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(_EVERY_PREFIX + block, format=ox.RdfFormat.TURTLE)}


class Assembly:
    """The published graph as the union of parts' Turtle blocks (see ``rdfio.formats``).

    A subject that several parts describe the same way (a source page, a partnership, shared
    by many reviews) has the same block in each and is written once; if two parts' blocks of
    one subject differ, their triples are read back and united into one block.

    Parts are only collected when added; their blocks are put in subject order once, by one sort
    of all of them (each part's blocks are in subject order already, so the sort merges runs).
    At 10,000 reviews (1.1 M blocks) a dictionary of subjects filled part by part, then sorted,
    cost several CPU-s more (DECISIONS 55).
    """

    def __init__(self) -> None:
        self.parts: list[tuple[tuple[str, int, bytes], ...]] = []
        self.prefixes: set[str] = set()
        self.used: set[str] = set()
        self.languages: set[str] = set()
        self.plain = True
        self._merged: list[tuple[str, int, bytes]] | None = None

    def add(self, entry: Entry) -> None:
        self.plain = self.plain and entry.blocks.plain
        self.prefixes.update(entry.blocks.prefixes)
        self.used.update(entry.used)
        self.languages.update(entry.languages)
        self.parts.append(entry.blocks.blocks)
        if self._merged is not None:  # a part added once the blocks were sorted (the description)
            for subject, n, block in entry.blocks.blocks:
                self._insert(self._merged, subject, n, block)

    def _insert(self, merged: list[tuple[str, int, bytes]], subject: str, n: int,
                block: bytes) -> None:
        at = bisect.bisect_left(merged, subject, key=operator.itemgetter(0))
        if at < len(merged) and merged[at][0] == subject:
            if merged[at][2] != block:
                merged[at] = (subject, *self._united(merged[at][2], block))
        else:
            merged.insert(at, (subject, n, block))

    @property
    def blocks(self) -> list[tuple[str, int, bytes]]:
        """Every subject's one block, in subject order: (subject, triples, bytes)."""
        if self._merged is None:
            merged: list[tuple[str, int, bytes]] = []
            for subject, n, block in sorted(itertools.chain.from_iterable(self.parts),
                                            key=operator.itemgetter(0)):
                if merged and merged[-1][0] == subject:  # shared by parts
                    if merged[-1][2] != block:
                        merged[-1] = (subject, *self._united(merged[-1][2], block))
                else:
                    merged.append((subject, n, block))
            self._merged = merged
        return self._merged

    @property
    def size(self) -> int:
        """The number of triples of the union."""
        return sum(n for _, n, _ in self.blocks)

    def _united(self, a: bytes, b: bytes) -> tuple[int, bytes]:
        union = _block_triples(a) | _block_triples(b)
        (_, n, block), = turtle_blocks(union).blocks
        return n, block

    def contains(self, triple: ox.Triple) -> bool:
        blocks, subject = self.blocks, str(triple.subject)
        at = bisect.bisect_left(blocks, subject, key=operator.itemgetter(0))
        return (at < len(blocks) and blocks[at][0] == subject
                and triple in _block_triples(blocks[at][2]))

    def published(self) -> Published:
        """What the dataset description counts of everything added so far."""
        instance = f"<{ID}"
        blocks = self.blocks
        entities = {s[1:-1] for s, _, _ in blocks if s.startswith(instance)}
        return Published(set(self.used), set(self.languages), entities, self.size, self.contains)

    def write(self, write: Callable[[bytes], object]) -> None:
        """Hand the Turtle of the union to ``write`` block by block: :meth:`turtle`'s bytes,
        never one object (at 100,000 reviews about 3 GB, DECISIONS 64)."""
        write_turtle_blocks(write, self.prefixes, (b for _, _, b in self.blocks))

    def turtle(self) -> bytes:
        """The Turtle of the union: what ``serialise_triples`` writes for its triples."""
        pieces: list[bytes] = []
        self.write(pieces.append)
        return b"".join(pieces)


# --- the published graph streamed from runs on disk ------------------------------------------

Block = tuple[str, int, bytes]


@dataclass(frozen=True)
class Run:
    """The blocks of a batch of entries, merged by subject (what an :class:`Assembly` of them
    holds), in a file: a cold build keeps every batch's blocks on disk instead of in memory
    until the write stage (at 100,000 reviews about 44 KB per review, DECISIONS 62 and 64), and
    reads them back one block at a time when it merges the runs into the Turtle."""

    path: Path
    prefixes: frozenset[str]
    used: frozenset[str]
    languages: frozenset[str]


def write_run(path: Path, entries: Iterable[Entry]) -> Run:
    """The run of ``entries`` (each with its blocks, :attr:`TurtleBlocks.plain`), written to
    ``path``: for each block a line ``subject TAB triples TAB bytes`` and then the block
    (a subject in N-Triples form holds no tab or line break)."""
    part = Assembly()
    for entry in entries:
        part.add(entry)
    try:
        with open(path, "wb") as fh:
            for subject, n, block in part.blocks:
                fh.write(b"%s\t%d\t%d\n" % (subject.encode(), n, len(block)))
                fh.write(block)
    except OSError as exc:
        raise CasegraphError(f"cannot write: {exc.strerror}", path) from None
    return Run(path, frozenset(part.prefixes), frozenset(part.used), frozenset(part.languages))


def read_run(path: Path) -> Iterator[Block]:
    """The blocks of a run, read one at a time (:func:`write_run`)."""
    with open(path, "rb", buffering=1 << 16) as fh:
        while line := fh.readline():
            subject, n, size = line.split(b"\t")
            yield subject.decode(), int(n), fh.read(int(size))


class _Probe(Collection[str]):
    """The entities of a dry run of the dataset description: records what it asks about."""

    def __init__(self, asked: set[str]) -> None:
        self.asked = asked

    def __contains__(self, iri: object) -> bool:
        self.asked.add(f"<{iri}>")
        return False

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Iterator[str]:
        return iter(())


class _Entities(Collection[str]):
    """The published entities as the dataset description uses them: their number, and which of
    the subjects it asks about are among them (it asks about its own subjects only)."""

    def __init__(self, count: int, known: set[str], asked: set[str]) -> None:
        self.count, self.known, self.asked = count, known, asked

    def __contains__(self, iri: object) -> bool:
        if f"<{iri}>" not in self.asked:
            raise ValueError(f"the description asked about {iri} only once")  # never seen
        return iri in self.known

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the published entities are counted, not listed")


class Streamed:
    """The published graph as an :class:`Assembly` in memory (cached reviews, clusters,
    schemes, the dataset description) and :class:`Run` files on disk, merged by subject on each
    pass, so the blocks of all fresh reviews are never in memory at once: the same blocks, in
    the same order, united the same way, as one Assembly of every part (DECISIONS 64)."""

    def __init__(self, memory: Assembly, runs: list[Run]) -> None:
        self.memory = memory
        self.runs = runs
        self.prefixes = set(memory.prefixes).union(*(r.prefixes for r in runs))

    @property
    def plain(self) -> bool:
        return self.memory.plain

    def add(self, entry: Entry) -> None:
        self.memory.add(entry)
        self.prefixes.update(entry.blocks.prefixes)

    def blocks(self) -> Iterator[Block]:
        """Every subject's one block, in subject order (one pass over the runs)."""
        streams = [iter(self.memory.blocks), *(read_run(r.path) for r in self.runs)]
        last: Block | None = None
        for item in heapq.merge(*streams, key=operator.itemgetter(0)):
            if last is not None and last[0] == item[0]:
                if last[2] != item[2]:  # shared by parts and described differently
                    last = (item[0], *self.memory._united(last[2], item[2]))
                continue
            if last is not None:
                yield last
            last = item
        if last is not None:
            yield last

    def describe(self, description: Callable[[Published], list[ox.Triple]]) -> list[ox.Triple]:
        """The dataset description of everything added so far: ``description`` called once
        with a probe to learn which subjects it asks about (they do not depend on the counts),
        then, after one pass that counts triples and entities and keeps those subjects' blocks,
        with the counts."""
        used = set(self.memory.used).union(*(r.used for r in self.runs))
        languages = set(self.memory.languages).union(*(r.languages for r in self.runs))
        asked: set[str] = set()

        def probe(triple: ox.Triple) -> bool:
            asked.add(str(triple.subject))
            return False

        description(Published(set(used), set(languages), _Probe(asked), 0, probe))
        instance, size, count = f"<{ID}", 0, 0
        found: dict[str, bytes] = {}
        for subject, n, block in self.blocks():
            size += n
            if subject.startswith(instance):
                count += 1
            if subject in asked:
                found[subject] = block

        def contains(triple: ox.Triple) -> bool:
            subject = str(triple.subject)
            if subject not in asked:
                raise ValueError(f"the description asked about {subject} only once")  # never seen
            return subject in found and triple in _block_triples(found[subject])

        entities = _Entities(count, {s[1:-1] for s in found}, asked)
        return description(Published(used, languages, entities, size, contains))

    def write(self, write: Callable[[bytes], object]) -> None:
        """Hand the Turtle to ``write`` block by block (:meth:`Assembly.write`)."""
        write_turtle_blocks(write, self.prefixes, (b for _, _, b in self.blocks()))

    def digest(self) -> tuple[str, int]:
        """The hex SHA-256 of the Turtle and its number of triples (one pass)."""
        h, size = hashlib.sha256(), 0

        def blocks() -> Iterator[bytes]:
            nonlocal size
            for _, n, block in self.blocks():
                size += n
                yield block

        write_turtle_blocks(h.update, self.prefixes, blocks())
        return h.hexdigest(), size
