"""SHACL shapes: the valid fixture conforms; each invalid fixture breaks exactly the rule it names.

Invalid fixtures are SPARQL updates applied to ``shapes/valid/review.ttl`` (so each one reads as
the single change that makes the graph wrong), with ``#+ shape:`` and ``#+ message:`` headers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from casegraph.extract.vocab import Vocabulary
from casegraph.validate.shacl import validate_graph

SHAPES = Path(__file__).parent / "shapes"
INVALID = sorted((SHAPES / "invalid").glob("*.ru"))


def _header(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        if line.startswith("#+ "):
            key, _, value = line[3:].partition(":")
            out[key.strip()] = value.strip()
    return out


def _valid() -> Graph:
    g = Graph()
    g.parse(SHAPES / "valid" / "review.ttl")
    return g


def test_valid_fixture_conforms(vocab: Vocabulary) -> None:
    report = validate_graph(_valid(), vocab.graph)
    assert report.conforms, report.text()
    assert report.findings == []


def test_vocabulary_alone_conforms(vocab: Vocabulary) -> None:
    report = validate_graph(Graph(), vocab.graph)
    assert report.conforms, report.text()


def test_every_shape_has_an_invalid_fixture() -> None:
    shapes = {_header(p)["shape"] for p in INVALID}
    assert shapes >= {"CaseReviewShape", "ChildShape", "HarmEventShape", "ListItemShape",
                      "EvidenceShape", "SourceDocumentShape", "ConceptShape"}


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_is_caught(fixture: Path, vocab: Vocabulary) -> None:
    header = _header(fixture)
    data = _valid()
    edits_vocabulary = header["shape"] == "ConceptShape"
    if edits_vocabulary:
        data += vocab.graph
    before = set(data)
    data.update(fixture.read_text())
    assert set(data) != before, "fixture update changed nothing"
    report = validate_graph(data, None if edits_vocabulary else vocab.graph)
    assert not report.conforms, f"{fixture.name} was accepted"
    messages = [f.message for f in report.violations]
    assert any(header["message"] in m for m in messages), messages
