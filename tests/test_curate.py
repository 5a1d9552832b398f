"""Curations: corrections win, are marked as curated, and mistakes are errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import CG, OA
from casegraph.extract.vocab import Vocabulary
from casegraph.pipeline.build import build

REVIEW = URIRef("https://w3id.org/casegraph/id/review/2023-child-b")


def test_shipped_curation_is_applied_with_provenance(root: Path, tmp_path: Path) -> None:
    result = build([root / "data" / "sources"], tmp_path, curations=root / "data" / "curations")
    g = result.graph
    csc = URIRef("https://w3id.org/casegraph/concept/agencies/ag-csc")
    assert (REVIEW, CG.involvesAgency, csc) in g
    anns = set(g.subjects(OA.hasBody, csc)) & set(g.subjects(CG.annotates, REVIEW))
    assert any((a, CG.curated, Literal(True)) in g for a in anns)
    assert any(str(g.value(a, CG.curationSource)).startswith("2023-05-digest.yaml:") for a in anns)
    assert result.report.conforms


def test_without_curation_the_fact_is_absent(root: Path, tmp_path: Path) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    result = build([root / "data" / "sources"], None, curations=empty)
    csc = URIRef("https://w3id.org/casegraph/concept/agencies/ag-csc")
    assert (REVIEW, CG.involvesAgency, csc) not in result.graph


def test_set_and_remove(root: Path, tmp_path: Path) -> None:
    cur = tmp_path / "cur"
    cur.mkdir()
    (cur / "fix.yaml").write_text(
        "review: 2023-child-e\nset:\n  incident_month: 3\n  children:\n"
        "    - {pseudonym: Child E, age_months: 10, sex: male}\n"
        "remove:\n  risk-factors: [RF-PREV]\nadd:\n  risk-factors: [RF-DA]\n")
    result = build([root / "data" / "sources"], None, curations=cur)
    r = next(r for r in result.reviews if r.slug == "2023-child-e")
    assert r.incident_month == 3 and r.children[0].sex == "male"
    assert [c.notation for c in r.risk_factors] == ["RF-DA"]
    assert r.risk_factors[0].curated
    assert result.report.conforms


@pytest.mark.parametrize("content,message,line", [
    # A curation for a review that is not built is a warning since issue 9 (test_bad_input.py).
    ("- review: 2023-child-b\n- review: 2023-child-a\n  add:\n    agencies: [AG-NOPE]\n",
     "unknown concept 'AG-NOPE'", 2),
    ("review: 2023-child-b\nadd:\n  colours: [red]\n", "unknown scheme 'colours'", 1),
    ("review: 2023-child-b\nset:\n  eye_colour: blue\n", "cannot set ['eye_colour']", 1),
    ("review: 2023-child-b\nadd: [\n", "invalid YAML", 3),
])
def test_curation_errors_name_file_and_line(root: Path, tmp_path: Path, vocab: Vocabulary,
                                            content: str, message: str, line: int) -> None:
    cur = tmp_path / "cur"
    cur.mkdir()
    (cur / "bad.yaml").write_text(content)
    with pytest.raises(CasegraphError) as exc:
        build([root / "data" / "sources"], tmp_path / "out", vocab, curations=cur)
    text = str(exc.value)
    assert message in text and f"bad.yaml:line {line}" in text, text
    assert not (tmp_path / "out").exists()
