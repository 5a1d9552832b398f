"""Extraction accuracy on the development corpus, measured against hand-written gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.cli.main import main
from casegraph.evaluate import evaluate

TESTS = Path(__file__).parent


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate(TESTS / "annotations" / "corpus.jsonl", [TESTS / "corpus"])


def test_every_entry_found_and_no_noise(report) -> None:  # type: ignore[no-untyped-def]
    assert report.gold_entries == 17
    assert report.found == 17 and not report.missed
    assert report.noise == []


def test_targets(report) -> None:  # type: ignore[no-untyped-def]
    assert report.accuracy() >= 0.95, report.errors
    rf = report.schemes["risk_factors"]
    assert rf.recall >= 0.90 and rf.precision >= 0.85, report.errors
    assert report.items_exact >= 0.9 * report.found


def test_eval_detects_a_wrong_gold(tmp_path: Path) -> None:
    gold = (TESTS / "annotations" / "corpus.jsonl").read_text().splitlines()
    broken = gold[0].replace('"age_months": 192', '"age_months": 100')
    assert broken != gold[0]
    path = tmp_path / "gold.jsonl"
    path.write_text(broken + "\n")
    r = evaluate(path, [TESTS / "corpus"])
    assert r.accuracy("child_age_months") == 0.0
    assert any("age_months" in e for e in r.errors)


def test_eval_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(TESTS / "annotations" / "corpus.jsonl"), str(TESTS / "corpus")]) == 0
    out = capsys.readouterr().out
    assert "entries: 17/17 found" in out and "risk_factors" in out
