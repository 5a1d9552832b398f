"""``sh:severity`` separates warnings from violations: warnings are reported but never block a
build; a violation blocks it (exit 1) and nothing is written.  The report is Turtle on disk
and readable text grouped by review.  Pages are synthetic (``Child 17``, ``Child 18``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from casegraph.cli.main import main
from casegraph.core.namespaces import SH
from casegraph.validate.shacl import Finding, Report

# Child 17 is "injured" (no harm type can be coded): the shapes make that a *warning*.
PAGE = """Synthetic test page – May 2023

1. Local child safeguarding practice review: Child 17

Synthetic test entry, not a real case: a 3-year-old boy was injured in March 2021.

Learning includes: synthetic learning about information sharing; synthetic learning about \
supervision.

Recommendations include: synthetic recommendation about training; synthetic recommendation \
about escalation.

2. Serious case review: Child 18

Synthetic test entry, not a real case: death of a 6-month-old girl in 2020.

Learning includes: synthetic learning about safe sleep advice.

Recommendations include: synthetic recommendation to audit safe sleep guidance.
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    f = tmp_path / "src" / "page.txt"
    f.parent.mkdir()
    f.write_text(PAGE, encoding="utf-8")
    (tmp_path / "cur").mkdir()
    return f


def test_warning_only_graph_builds_and_reports_by_review(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["build", str(page), "--out", str(out), "--curations", str(tmp_path / "cur"), "-q"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "1 validation warning(s)" in captured.out
    text = (out / "validation-report.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "0 violation(s), 1 warning(s)"
    assert "review 2023-child-17:" in text
    assert "  Warning: " in text and "harm event with no harm type" in text
    report = Graph().parse(out / "validation-report.ttl", format="turtle")
    assert set(report.objects(None, SH.resultSeverity)) == {SH.Warning}
    assert (None, SH.conforms, None) in report
    assert (out / "casegraph.ttl").stat().st_size > 1000


def test_violation_blocks_the_build_and_writes_nothing(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", str(page), "--out", str(out), "--curations", str(tmp_path / "cur"),
                 "-q"]) == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()}
    capsys.readouterr()
    bad_cur = tmp_path / "bad-cur"
    bad_cur.mkdir()
    (bad_cur / "month.yaml").write_text(
        "# synthetic: an impossible month must be a violation\n"
        "review: 2023-child-17\nset:\n  incident_month: 13\n", encoding="utf-8")
    code = main(["build", str(page), "--out", str(out), "--curations", str(bad_cur), "-q",
                 "--strict"])
    err = capsys.readouterr().err
    assert code == 1
    assert "1 violation(s), 1 warning(s)" in err
    assert "review 2023-child-17:" in err
    assert "  Violation: " in err and "cg:incidentMonth" in err
    assert "nothing was written" in err
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()}
    assert after == before


@pytest.mark.slow
def test_validate_command_exit_codes_follow_severity(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", str(page), "--out", str(out), "--curations", str(tmp_path / "cur"),
                 "-q"]) == 0
    capsys.readouterr()
    data = out / "casegraph.ttl"
    assert main(["validate", str(data)]) == 0  # a warning does not fail validation
    assert "1 warning(s)" in capsys.readouterr().out
    broken = tmp_path / "broken.ttl"
    text = data.read_text(encoding="utf-8")
    broken.write_text(text + '\n<https://w3id.org/casegraph/id/harm/2023-child-17-h1> '
                      '<https://w3id.org/casegraph/ontology#incidentMonth> 13 .\n', encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    printed = capsys.readouterr().out
    assert "Violation:" in printed and "review 2023-child-17:" in printed


def test_report_counts_info_as_non_blocking() -> None:
    """Only sh:Violation blocks; sh:Info and sh:Warning are both reported and non-blocking."""
    findings = [Finding("Info", "r1", "f", None, None, "note"),
                Finding("Warning", "r1", "f", None, None, "check"),
                Finding("Violation", "r2", "g", "cg:p", "1", "bad")]
    report = Report(conforms=False, findings=findings)
    assert [f.severity for f in report.violations] == ["Violation"]
    assert {f.severity for f in report.warnings} == {"Info", "Warning"}
    text = report.text()
    assert text.index("review r1:") < text.index("review r2:")
    assert "  Violation: g cg:p: bad (value 1)" in text
