"""The review cache (pipeline/reviewcache.py): a rebuild writes casegraph.ttl from each unchanged
review's cached Turtle blocks, and a cache that is damaged, half-written, planted or from
another version never changes an output (DECISIONS 51).

Pages of tests/corpus (invented reviews).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from support import build_then_add, same_outputs

from casegraph.extract.vocab import default_vocabulary
from casegraph.graph.emit import Published
from casegraph.pipeline import reviewcache
from casegraph.pipeline.build import BuildResult, build
from casegraph.pipeline.outputs import OutputDir
from casegraph.rdfio.formats import join_turtle_blocks, serialise_triples, turtle_blocks

CORPUS = Path(__file__).parent / "corpus"
FIRST, NEW = "nspcc-repository-2023-05.txt", "yearly-2018-01.txt"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    """The first page built, the second added and rebuilt; both pages built cold elsewhere."""
    return build_then_add(tmp_path_factory.mktemp("reviewcache"), CORPUS / FIRST, CORPUS / NEW)


def _same_outputs(a: Path, b: Path) -> None:
    """Every file byte for byte, the search index query for query (DECISIONS 59)."""
    same_outputs(a, b)


def test_rebuild_emits_only_new_reviews(builds: dict[str, BuildResult]) -> None:
    first, rebuilt = builds["first"], builds["rebuilt"]
    kept = {r.slug for r in first.reviews}
    new = len({r.slug for r in rebuilt.reviews} - kept)
    assert new and first.emitted == {"emitted": len(first.reviews), "cached": 0}
    assert rebuilt.emitted == {"emitted": new, "cached": len(rebuilt.reviews) - new}
    assert builds["cold"].emitted["cached"] == 0


def test_the_triples_read_back_are_the_cold_builds(builds: dict[str, BuildResult]) -> None:
    """A rebuild holds no triples; read back from its Turtle they are the cold build's."""
    rebuilt, cold = builds["rebuilt"], builds["cold"]
    assert len(rebuilt) == len(cold) == len(set(cold.triples)) > 1000
    assert set(rebuilt.triples) == set(cold.triples)


def test_blocks_join_to_the_bytes_of_one_sort(builds: dict[str, BuildResult]) -> None:
    """Cutting into parts and joining their blocks gives what sorting everything gives, whatever
    the parts (here: the triples split in three by position, so subjects span parts)."""
    triples = sorted(set(builds["cold"].triples), key=str)
    thirds = [triples[0::3], triples[1::3], triples[2::3]]
    whole = reviewcache.Assembly()
    for part in thirds:
        whole.add(reviewcache.part(part))
    assert whole.turtle() == serialise_triples(triples, "turtle")
    assert whole.size == len(triples)


def test_counts_from_blocks_equal_counts_from_triples(builds: dict[str, BuildResult]) -> None:
    triples = set(builds["cold"].triples)
    whole = reviewcache.Assembly()
    whole.add(reviewcache.part(list(triples)))
    got, want = whole.published(), Published.of(triples)
    assert (got.used, got.languages, got.entities, got.size) == (
        want.used, want.languages, want.entities, want.size)
    some = next(iter(triples))
    assert got.contains(some)
    assert not got.contains(ox.Triple(some.subject, some.predicate, ox.Literal("Ada, invented")))


def test_one_subject_described_differently_by_two_parts_is_united() -> None:
    """Invented triples: two parts say different things of one page; the block holds both."""
    page = ox.NamedNode("https://w3id.org/casegraph/id/source/invented-page")
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    a = [ox.Triple(page, title, ox.Literal("Page about Child A", language="en"))]
    b = [ox.Triple(page, title, ox.Literal("Page about Ada", language="en"))]
    whole = reviewcache.Assembly()
    whole.add(reviewcache.part(a))
    whole.add(reviewcache.part(b))
    assert whole.turtle() == serialise_triples(a + b, "turtle")
    blocks = turtle_blocks(a + b)
    assert join_turtle_blocks(blocks.prefixes, [(s, x) for s, _, x in blocks.blocks]) == whole.turtle()


def test_blocks_of_literals_that_share_a_beginning_sort_as_one_sort() -> None:
    """Invented triples whose N-Triples lines share a beginning ("Ada" and "Ada"@en, an IRI and
    a longer one, line and paragraph separators, accents): the blocks, cut from lines sorted as
    bytes, join to what sorting the triples by ``str`` gives."""
    ns = "https://w3id.org/casegraph/id/review/"
    name = ox.NamedNode("http://purl.org/dc/terms/title")
    values = [ox.Literal("Ada"), ox.Literal("Ada", language="en"), ox.Literal("Ada "),
              ox.Literal("Ada\u2028x"), ox.Literal("Adé"), ox.Literal('Ada "A"'),
              ox.Literal("Ada", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#token")),
              ox.NamedNode(ns + "2024-child-a"), ox.NamedNode(ns + "2024-child-a-b")]
    triples = [ox.Triple(ox.NamedNode(ns + s), name, v)
               for s in ("2024-child-a", "2024-child-a-b", "2024-child-a2") for v in values]
    blocks = turtle_blocks(triples + triples[:3])  # duplicates are dropped
    assert sum(n for _, n, _ in blocks.blocks) == len(triples)
    joined = join_turtle_blocks(blocks.prefixes, [(s, x) for s, _, x in blocks.blocks])
    assert joined == serialise_triples(triples, "turtle")


def _damage(pack: Path, how: str) -> None:
    data = pack.read_bytes()
    if how == "truncated":  # a half-written pack
        pack.write_bytes(data[: len(data) * 2 // 3])
    elif how == "flipped":  # same length, one byte of a block changed
        i = len(data) - 40
        pack.write_bytes(data[:i] + bytes([data[i] ^ 1]) + data[i + 1:])
    elif how == "other version":
        pack.write_bytes(data.replace(reviewcache.FORMAT.encode(), b"casegraph-review-cache/0", 1))
    elif how == "renamed":
        pack.rename(pack.with_name("0" * 64 + reviewcache.SUFFIX))
    elif how == "garbage":
        pack.write_bytes(b"\x00not a pack")


@pytest.mark.parametrize("how", ["truncated", "flipped", "other version", "renamed", "garbage"])
def test_a_bad_pack_is_ignored(builds: dict[str, BuildResult], tmp_path: Path, how: str) -> None:
    out, cold = builds["rebuilt"].out, builds["cold"].out
    assert out is not None and cold is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    folder = OutputDir(copy).review_cache
    packs = sorted(folder.glob(f"*{reviewcache.SUFFIX}"), key=lambda p: p.stat().st_size)
    assert packs
    base = reviewcache.digest(default_vocabulary())
    assert reviewcache.loads(packs[-1].read_bytes(), base)  # a good pack reads back
    _damage(packs[-1], how)
    if how != "renamed":
        with pytest.raises(ValueError):
            reviewcache.loads(packs[-1].read_bytes(), base)
    result = build([builds["rebuilt"].sources[0].parent], copy)
    assert 0 < result.emitted["emitted"] < len(result.reviews)  # that pack's reviews, only
    _same_outputs(copy, cold)
    assert not (folder / ("0" * 64 + reviewcache.SUFFIX)).exists()  # unused packs are removed
    again = build([builds["rebuilt"].sources[0].parent], copy)
    assert again.emitted == {"emitted": 0, "cached": len(again.reviews)}  # written anew


def test_without_validation_findings_a_review_is_emitted(builds: dict[str, BuildResult],
                                                         tmp_path: Path) -> None:
    """An entry is used only with its review's cached findings (the validation cache lost)."""
    out, cold = builds["rebuilt"].out, builds["cold"].out
    assert out is not None and cold is not None
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    OutputDir(copy).validation_cache.unlink()
    result = build([builds["rebuilt"].sources[0].parent], copy)
    assert result.emitted["cached"] == 0
    _same_outputs(copy, cold)


def test_every_field_of_the_model_is_in_its_repr() -> None:
    """The review cache keys a review by its ``repr`` (reviewcache.review_key): a field hidden
    from it, or a set (whose order varies between processes), would make two different reviews
    share a key, or one review miss its entry."""
    import dataclasses

    from casegraph.core import model

    classes = [c for c in vars(model).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == model.__name__]
    assert model.Review in classes and len(classes) > 5
    for cls in classes:
        assert cls.__dataclass_params__.repr, cls  # type: ignore[attr-defined]
        for f in dataclasses.fields(cls):
            assert f.repr, (cls, f.name)
            assert not any(word in str(f.type) for word in ("set", "dict", "float")), (cls, f.name)
