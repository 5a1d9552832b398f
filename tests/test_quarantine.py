"""A review whose data breaks a shape is quarantined; every other review is still published.

The breakage is made the way it happens in practice: data that is wrong for a shape (here an
analyst's curation that sets an impossible age), not a patched validator.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from casegraph.cli.main import main
from casegraph.core.resources import default_sources

SEED = default_sources() / "nspcc-repository-2023-05.txt"
BAD = "https://w3id.org/casegraph/id/review/2023-child-f"


@pytest.fixture
def curations(tmp_path: Path) -> Path:
    d = tmp_path / "curations"
    d.mkdir()
    (d / "bad.yaml").write_text("# invented test curation\nreview: 2023-child-f\nset:\n  children:\n"
                                "    - {pseudonym: Child F, age_months: 300}\n", encoding="utf-8")
    return d


def test_the_bad_review_is_quarantined_and_the_rest_published(
        tmp_path: Path, curations: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["build", str(SEED), "--out", str(out), "--curations", str(curations), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert "1 of 6 reviews quarantined" in err
    published = Graph().parse(out / "casegraph.ttl")
    reviews = set(published.subjects(None, URIRef("https://w3id.org/casegraph/ontology#CaseReview")))
    assert len(reviews) == 5 and URIRef(BAD) not in reviews
    held = Graph().parse(out / "quarantine.ttl")
    assert (URIRef(BAD), None, None) in held
    assert "age in months" in (out / "quarantine.ttl").read_text(encoding="utf-8")
    assert "2023-child-f" in (out / "validation-report.txt").read_text(encoding="utf-8")


def test_strict_keeps_all_or_nothing(tmp_path: Path, curations: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["build", str(SEED), "--out", str(out), "--curations", str(curations), "-q",
                 "--strict"])
    assert code == 1
    assert "nothing was written" in capsys.readouterr().err
    assert not (out / "casegraph.ttl").exists() and not (out / "quarantine.ttl").exists()


def test_a_clean_rebuild_removes_the_old_quarantine(tmp_path: Path, curations: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out), "--curations", str(curations), "-q"]) == 1
    assert (out / "quarantine.ttl").exists()
    assert main(["build", str(SEED), "--out", str(out), "--no-curations", "-q"]) == 0
    assert not (out / "quarantine.ttl").exists()
