"""The command line: documented commands, exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegraph.cli.main import main, make_parser


def commands() -> list[str]:
    parser = make_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)  # type: ignore[union-attr]


def test_required_commands_exist() -> None:
    assert {"build", "query", "queries", "validate", "export", "eval"} <= set(commands())


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help_with_an_example(command: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out and f"casegraph {command}" in out


@pytest.mark.parametrize("command", commands())
def test_every_command_is_in_the_readme(command: str, root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"casegraph {command}\b", readme), f"README does not document '{command}'"


def test_build_prints_counts_and_where(tmp_path: Path, root: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(root / "data" / "sources"), "--out", str(tmp_path), "-q"])
    out = capsys.readouterr().out
    assert code == 0
    assert re.search(r"^6 reviews, \d{4,} triples", out, re.M)
    assert f"wrote {tmp_path / 'casegraph.ttl'}" in out
    assert (tmp_path / "casegraph.ttl").stat().st_size > 10_000
    assert (tmp_path / "validation-report.ttl").exists()


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path, root: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["build", str(root / "data" / "sources"), "--out", str(tmp_path / "a")]) == 0
    assert "extract:" not in capsys.readouterr().err  # a pipe: quiet
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["build", str(root / "data" / "sources"), "--out", str(tmp_path / "b")]) == 0
    err = capsys.readouterr().err
    assert "\rextract: page 1/1, 6 reviews" in err.replace("\x1b[K", "") and "write:" in err


def test_query_formats(tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(root / "data" / "sources"), "--out", str(tmp_path), "-q"]) == 0
    capsys.readouterr()
    data = str(tmp_path / "casegraph.ttl")
    assert main(["query", "cases", "--data", data, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("review,title,pseudonym,review_type") and len(lines) == 7
    assert main(["query", "cases", "--data", data, "--format", "sparql-json"]) == 0
    assert '"vars"' in capsys.readouterr().out
    assert main(["query", "reviews-with-risk-factor", "--data", data, "--param", "factor=RF-LAC",
                 "--format", "sparql-tsv"]) == 0
    assert capsys.readouterr().out.startswith("?review\t?title")
    # DESIGN §3: plain TSV, and JSON as an array of objects with native numbers.
    assert main(["query", "cases", "--data", data, "--format", "tsv"]) == 0
    tsv = capsys.readouterr().out.splitlines()
    assert tsv[0].startswith("review\ttitle\tpseudonym") and len(tsv) == 7
    assert main(["query", "cases", "--data", data, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 6 and rows[0]["publication_year"] == 2023
    ages = sorted(r["child_age_months"] for r in rows)
    assert all(isinstance(a, int) for a in ages) and ages[-1] == 192  # Child A, 16 years
    assert main(["query", "learning", "--data", data]) == 0  # table: long text wrapped, not cut
    table = capsys.readouterr().out
    assert "…" not in table and max(len(line) for line in table.splitlines()) < 200


@pytest.mark.parametrize("argv,message", [
    (["query", "no-such-query"], "no saved query 'no-such-query'"),
    (["query", "reviews-with-risk-factor", "--param", "factor=RF-NOPE"], "is not a concept notation"),
    (["query", "reviews-with-risk-factor", "--param", "factor=AG-POL"], "is not a concept notation"),
    (["query", "cases", "--param", "x=1"], "has no parameter 'x'"),
    (["query", "cases", "--data", "/nonexistent/file.ttl"], "/nonexistent/file.ttl"),
    (["build", "/nonexistent/dir"], "/nonexistent/dir"),
])
def test_input_errors_exit_2_with_one_line(argv: list[str], message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_nonconforming_data_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix cg: <https://w3id.org/casegraph/ontology#> .\n"
                   "<https://w3id.org/casegraph/id/review/x> a cg:CaseReview .\n")
    assert main(["validate", str(bad)]) == 1
    assert "violation" in capsys.readouterr().out


def test_console_script_installed() -> None:
    exe = shutil.which("casegraph") or str(Path(sys.executable).parent / "casegraph")
    proc = subprocess.run([exe, "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "build" in proc.stdout
