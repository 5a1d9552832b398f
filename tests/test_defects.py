"""Regression tests: one per defect fixed in the review of the restructured package.

Each test names the defect it guards in its docstring and asserts what used to go wrong.
Builds into temporary directories start from a copy of the session build's caches
(extraction and validation, keyed by content), so only what a test changes is validated
again and the whole file stays fast.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from casegraph.cli.main import main
from casegraph.core.errors import CasegraphError, NonConformingError
from casegraph.extract.vocab import Vocabulary
from casegraph.pipeline import build as build_module
from casegraph.pipeline.build import BuildResult, build
from casegraph.store.queries import load_query
from casegraph.validate import shacl
from casegraph.validate.shacl import Finding, Report, Validation

SEED = Path("data") / "sources" / "nspcc-repository-2023-05.txt"
REVIEW_NS = "https://w3id.org/casegraph/id/review/"
CACHE = ".casegraph-cache"

CURATED_AGENCY_ASK = """
PREFIX cg: <https://w3id.org/casegraph/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
ASK {
  ?ev cg:annotates <https://w3id.org/casegraph/id/review/2023-child-b> ;
      oa:hasBody <https://w3id.org/casegraph/concept/agencies/ag-csc> ;
      cg:curated true .
}
"""


def _seed(root: Path) -> Path:
    return root / SEED


def _warm_out(built: BuildResult, out: Path) -> Path:
    """An output directory holding a copy of the session build's caches (speed only)."""
    assert built.out is not None
    shutil.copytree(built.out / CACHE, out / CACHE)
    return out


def _cli(argv: list[str]) -> int:
    """Run the CLI; an argparse refusal (SystemExit) is returned as its exit code."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_nonconforming_build_keeps_validation_cache(
        root: Path, vocab: Vocabulary, built: BuildResult, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect 1: a non-conforming build must not rewrite OUT/.casegraph-cache/validation.json
    (nor casegraph.ttl): the build fails and leaves the previous build's files untouched."""
    out = _warm_out(built, tmp_path / "out")
    build([_seed(root)], out, vocab=vocab, curations=None)
    cache_file = out / CACHE / "validation.json"
    data_file = out / "casegraph.ttl"
    cache_bytes, cache_mtime = cache_file.read_bytes(), cache_file.stat().st_mtime_ns
    data_bytes = data_file.read_bytes()

    invented = Finding(severity="Violation", review="2023-child-a", focus="review:2023-child-a",
                       path=None, value=None,
                       message="invented violation for a regression test",
                       focus_iri=f"{REVIEW_NS}2023-child-a")

    def nonconforming(*args: Any, **kwargs: Any) -> Validation:
        real = shacl.validate_reviews(*args, **kwargs)
        report = Report(conforms=False, findings=[*real.report.findings, invented])
        # A cache that differs from the one on disk, so writing it would show.
        cache = {**real.cache, "invented-entry": [asdict(invented)]}
        return Validation(report, real.counts, cache)

    monkeypatch.setattr(build_module, "validate_reviews", nonconforming)
    with pytest.raises(NonConformingError):  # all-or-nothing: the path that must write nothing
        build([_seed(root)], out, vocab=vocab, curations=None, strict=True)
    assert cache_file.read_bytes() == cache_bytes
    assert cache_file.stat().st_mtime_ns == cache_mtime
    assert data_file.read_bytes() == data_bytes


def test_query_store_with_rdflib_engine_and_refused_combinations(
        root: Path, built: BuildResult, built_ttl: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 2: `query cases --store DIR --engine rdflib` returns the same rows as Oxigraph
    (it printed only the header); --data with --store, --endpoint with --data, and
    --engine rdflib with --endpoint are refused with exit 2."""
    out = _warm_out(built, tmp_path / "out")
    store = tmp_path / "store"
    assert main(["build", str(_seed(root)), "--out", str(out), "--store", str(store), "-q"]) == 0
    capsys.readouterr()

    answers = {}
    for engine in ("oxigraph", "rdflib"):
        assert main(["query", "cases", "--store", str(store), "--engine", engine,
                     "--format", "csv"]) == 0
        answers[engine] = _csv_rows(capsys.readouterr().out)
    assert len(answers["oxigraph"]) > 1
    assert answers["rdflib"] == answers["oxigraph"]

    for argv in (["query", "cases", "--data", str(built_ttl), "--store", str(store)],
                 ["query", "cases", "--endpoint", "http://127.0.0.1:9", "--data", str(built_ttl)],
                 ["query", "cases", "--engine", "rdflib", "--endpoint", "http://127.0.0.1:9"]):
        assert _cli(argv) == 2, argv
        capsys.readouterr()


def test_curation_removes_review_type(root: Path, vocab: Vocabulary, built: BuildResult,
                                      tmp_path: Path) -> None:
    """Defect 3: a curation `remove: {review-types: [...]}` removes the review's type."""
    before = next(r for r in built.reviews if r.slug == "2023-child-a")
    assert before.review_type is not None
    assert before.review_type.notation == "RT-LCSPR"

    curations = tmp_path / "curations"
    curations.mkdir()
    (curations / "remove-type.yaml").write_text(
        "# Invented curation for a regression test.\n"
        "review: 2023-child-a\n"
        "remove: {review-types: [RT-LCSPR]}\n", encoding="utf-8")
    result = build([_seed(root)], _warm_out(built, tmp_path / "out"), vocab=vocab,
                   curations=curations)
    after = next(r for r in result.reviews if r.slug == "2023-child-a")
    assert after.review_type is None
    g = Graph().parse(tmp_path / "out" / "casegraph.ttl", format="turtle")
    rows = list(g.query("PREFIX cg: <https://w3id.org/casegraph/ontology#>\n"
                        f"SELECT ?t WHERE {{ <{REVIEW_NS}2023-child-a> cg:reviewType ?t }}"))
    assert rows == []


def test_build_of_named_sources_applies_default_curations(
        root: Path, built: BuildResult, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 4: `casegraph build SOURCE...` applies data/curations/ by default; a curation
    for a review not in the build is a warning naming its file ('not applied'), not an
    error; --no-curations applies none."""
    seed = str(_seed(root))

    out = _warm_out(built, tmp_path / "default")
    assert main(["build", seed, "--out", str(out), "-q"]) == 0
    capsys.readouterr()
    g = Graph().parse(out / "casegraph.ttl", format="turtle")
    assert g.query(CURATED_AGENCY_ASK).askAnswer is True

    curations = tmp_path / "curations"
    curations.mkdir()
    (curations / "elsewhere.yaml").write_text(
        "# Invented curation for a review that is not in this build.\n"
        "review: 2019-child-t\n"
        "add: {agencies: [AG-CSC]}\n", encoding="utf-8")
    out = _warm_out(built, tmp_path / "unknown")
    assert main(["build", seed, "--out", str(out), "--curations", str(curations), "-q"]) == 0
    err = capsys.readouterr().err
    warning = [line for line in err.splitlines() if "elsewhere.yaml" in line]
    assert warning and "not applied" in warning[0]

    out = _warm_out(built, tmp_path / "none")
    assert main(["build", seed, "--out", str(out), "--no-curations", "-q"]) == 0
    capsys.readouterr()
    g = Graph().parse(out / "casegraph.ttl", format="turtle")
    assert g.query(CURATED_AGENCY_ASK).askAnswer is False


def test_turtle_prefixed_names_paste_into_sparql(built_ttl: Path) -> None:
    """Defect 5: the Turtle uses prefixed names without backslash escapes, so a name copied
    from it (with its @prefix line) works in a SPARQL query."""
    text = built_ttl.read_text(encoding="utf-8")
    assert "\\/" not in text
    prefixes = dict(re.findall(r"^@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>\s*\.", text, re.M))
    names = [p for p, ns in prefixes.items() if ns == REVIEW_NS]
    assert names, "no @prefix for the review namespace"
    prefix = names[0]
    name = f"{prefix}:2023-child-f"
    assert re.search(rf"(^|\s){re.escape(name)}\s", text, re.M)

    g = Graph().parse(built_ttl, format="turtle")
    rows = list(g.query(f"PREFIX {prefix}: <{REVIEW_NS}>\nSELECT ?p WHERE {{ {name} ?p ?o }}"))
    assert len(rows) > 0


@pytest.mark.parametrize("filename", ["x.pdf", "x.txt"])
def test_pdf_source_is_refused_in_one_line(filename: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 6: a PDF given as a source that cannot be read (here a damaged one: PDFs are read
    since session 50) exits 2 with one stderr line saying it is a PDF and naming the file
    (whatever its extension)."""
    page = tmp_path / filename
    page.write_bytes(b"%PDF-1.7\n% invented bytes for a regression test\n1 0 obj\n")
    assert _cli(["build", str(page), "--out", str(tmp_path / "out"), "-q"]) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "PDF" in lines[0]
    assert filename in lines[0]
    assert not (tmp_path / "out" / "casegraph.ttl").exists()


def test_adhoc_query_needs_no_header_and_saved_header_errors_name_all_keys(
        built_ttl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 7: an ad-hoc .rq without a '#+' header runs; a saved query's header missing
    'description' and 'columns' is one error naming both."""
    adhoc = tmp_path / "adhoc.rq"
    adhoc.write_text("# invented ad-hoc query\n"
                     "SELECT ?review WHERE { ?review a <https://w3id.org/casegraph/ontology#CaseReview> }\n",
                     encoding="utf-8")
    assert main(["query", str(adhoc), "--data", str(built_ttl), "--format", "csv"]) == 0
    rows = _csv_rows(capsys.readouterr().out)
    assert rows[0] == ["review"]
    assert len(rows) > 1

    saved = tmp_path / "half-header.rq"
    saved.write_text("#+ title: Invented query with an incomplete header\n"
                     "SELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(CasegraphError) as exc:
        load_query(saved, saved=True)
    assert "description" in str(exc.value)
    assert "columns" in str(exc.value)


def test_review_parameter_accepts_id_or_iri(built_ttl: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 8: --param review=2023-child-f gives the same rows as the review's full IRI."""
    answers = []
    for value in ("2023-child-f", f"{REVIEW_NS}2023-child-f"):
        assert main(["query", "review-evidence", "--param", f"review={value}",
                     "--data", str(built_ttl), "--format", "csv"]) == 0
        answers.append(_csv_rows(capsys.readouterr().out))
    assert len(answers[1]) > 1
    assert answers[0] == answers[1]


def test_concept_parameter_accepts_any_case_or_label(
        built_ttl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 9: a concept parameter takes its notation in any case or its label; an unknown
    value exits 2 suggesting the nearest concept."""
    answers = {}
    # RF-LAC is a fact of Child A in the seed (since issue 10 only facts are counted).
    for value in ("RF-LAC", "rf-lac", "looked-after child"):
        assert main(["query", "reviews-with-risk-factor", "--param", f"factor={value}",
                     "--data", str(built_ttl), "--format", "csv"]) == 0
        answers[value] = _csv_rows(capsys.readouterr().out)
    assert len(answers["RF-LAC"]) > 1
    assert answers["rf-lac"] == answers["RF-LAC"]
    assert answers["looked-after child"] == answers["RF-LAC"]

    assert main(["query", "reviews-with-risk-factor", "--param", "factor=domestik",
                 "--data", str(built_ttl)]) == 2
    err = capsys.readouterr().err
    assert "did you mean" in err
    assert "Domestic abuse" in err


def test_repeated_param_is_refused(built_ttl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 10: a --param given twice is refused (exit 2) naming the parameter, instead of
    the last value silently winning."""
    assert main(["query", "reviews-with-risk-factor", "--param", "factor=RF-DA",
                 "--param", "factor=RF-PMH", "--data", str(built_ttl)]) == 2
    captured = capsys.readouterr()
    assert "factor" in captured.err
    assert captured.out == ""
