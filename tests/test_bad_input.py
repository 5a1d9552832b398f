"""Bad input never hurts: one-line error naming the file and the place, exit 2, outputs untouched.

Every case runs the real command line (``casegraph.cli.main``).  A good build is written to
``out/`` first; the bad run uses the same ``--out`` and the test checks that every file there
keeps its bytes and its modification time.  All pages are synthetic (``Child 17``, ``Child 18``)
and say so in their text.

Unreadable files: the tests run as root, for whom ``chmod 000`` changes nothing, so
unreadability is simulated twice: with a dangling symbolic link named like a source page, and
by monkeypatching ``Path.open`` to raise ``PermissionError`` for one file.
"""

from __future__ import annotations

import os
import pathlib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from casegraph.cli.main import main

PAGE = """Synthetic test page – May 2023

1. Local child safeguarding practice review: Child 17

Synthetic test entry, not a real case: a 3-year-old boy was injured in March 2021.

Learning includes: synthetic learning about information sharing between agencies; synthetic \
learning about supervision.

Recommendations include: synthetic recommendation to review training for health visitors; \
synthetic recommendation about escalation.

2. Serious case review: Child 18

Synthetic test entry, not a real case: death of a 6-month-old girl in 2020.

Learning includes: synthetic learning about safe sleep advice; synthetic learning about \
professional curiosity.

Recommendations include: synthetic recommendation to audit safe sleep guidance.
"""


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)
    return run


@pytest.fixture
def good(tmp_path: Path, cli) -> Path:  # type: ignore[no-untyped-def]
    """A good build in tmp/out (from tmp/good/page.txt, no curations); returns tmp."""
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "curations").mkdir()
    r = cli("build", str(tmp_path / "good"), "--out", str(tmp_path / "out"),
            "--curations", str(tmp_path / "curations"), "-q")
    assert r.code == 0, r.err
    assert (tmp_path / "out" / "casegraph.ttl").stat().st_size > 1000
    return tmp_path


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every file under ``directory`` (the cache included)."""
    return {str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(directory.rglob("*")) if p.is_file()}


def bad_build(tmp: Path, cli, *sources: Path, extra: tuple[str, ...] = ()) -> Run:  # type: ignore[no-untyped-def]
    """Build ``sources`` into the good build's out/ and check the contract for failures."""
    before = snapshot(tmp / "out")
    r = cli("build", *map(str, sources), "--out", str(tmp / "out"), "-q",
            *(extra or ("--curations", str(tmp / "curations"))))
    assert r.code == 2, (r.code, r.err)
    assert_one_line_error(r.err)
    assert snapshot(tmp / "out") == before, "a failed build changed existing outputs"
    assert not [p for p in (tmp / "out").rglob("*.tmp")], "temp file left"
    return r


def partial_build(tmp: Path, cli, source: Path, left_out: Path) -> Run:  # type: ignore[no-untyped-def]
    """Build ``source``, a folder in which the page ``left_out`` cannot be read (DECISIONS 68):
    with ``--strict`` the failure contract above holds; without it that page's one-line error
    is printed, every other page is published (the outputs are rewritten), and the exit is 1."""
    strict = bad_build(tmp, cli, source, extra=("--strict", "--curations", str(tmp / "curations")))
    before = snapshot(tmp / "out")
    r = cli("build", str(source), "--out", str(tmp / "out"), "-q", "--curations", str(tmp / "curations"))
    assert r.code == 1, (r.code, r.err)
    assert_one_line_error(r.err)
    assert r.err.rstrip().endswith("; page left out, the others were built"), r.err
    assert r.err.replace("; page left out, the others were built", "") == strict.err, r.err
    assert snapshot(tmp / "out")["casegraph.ttl"] != before["casegraph.ttl"]
    assert str(left_out) in r.err
    return r


def assert_one_line_error(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("casegraph: error: ")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- source files ----------------------------------------------------------------------------

def test_empty_file(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(good / "bad" / "empty.txt", b"")
    r = bad_build(good, cli, f)
    assert f"{f}: file is empty" in r.err


def test_whitespace_only_file_is_empty_too(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(good / "bad" / "blank.txt", b" \n\r\n\t\n")
    assert f"{f}: file is empty" in bad_build(good, cli, f).err


def test_binary_file(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    # (a BMP picture, which casegraph does not read: since session 78 a GIF is known by its
    # bytes, as a PNG is below)
    f = write(good / "bad" / "image.html", b"BMF\x01\x00\x00" + bytes(range(256)))
    r = bad_build(good, cli, f)
    assert re.search(rf"{re.escape(str(f))}:byte 4: binary file", r.err), r.err


def test_a_gif_under_a_page_s_name_is_refused_as_the_gif_it_is(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """(session 78) A GIF saved as ".html", damaged after its header, is known by its bytes and
    refused as a damaged GIF, in one line naming it and the byte."""
    f = write(good / "bad" / "image.html", b"GIF89a\x01\x00\x01\x00" + bytes(range(256)))
    (line,) = bad_build(good, cli, f).err.strip().splitlines()
    assert line.startswith(f"casegraph: error: {f}: ")
    assert "damaged GIF image" in line and "at byte 13" in line


def test_a_picture_under_a_page_s_name_is_refused_as_the_picture_it_is(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """(session 75) A PNG saved as ".html" is known by its bytes, and refused for what it lacks
    (a description), in one line naming it."""
    f = write(good / "bad" / "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    r = bad_build(good, cli, f)
    (line,) = r.err.strip().splitlines()
    assert line.startswith(f"casegraph: error: {f}: ") and "PNG image" in line and "no description" in line


def test_file_above_the_size_limit_is_refused_before_reading(
        good: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    f = write(good / "bad" / "huge.txt", PAGE * 20)
    real_open = pathlib.Path.open

    def guarded_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert self != f, "the oversized file was opened"
        return real_open(self, *args, **kwargs)

    real_read_bytes = pathlib.Path.read_bytes

    def guarded_read_bytes(self: Path) -> bytes:
        assert self != f, "the oversized file was read"
        return real_read_bytes(self)

    monkeypatch.setattr(pathlib.Path, "open", guarded_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", guarded_read_bytes)
    r = bad_build(good, cli, f, extra=("--max-bytes", "1000", "--curations",
                                       str(good / "curations")))
    assert f"{f}: file is {f.stat().st_size} bytes, above the 1000-byte limit" in r.err


def test_invalid_utf8(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    data = PAGE.replace("Child 18", "Child 18 – é").encode("utf-8")
    broken = data.replace("é".encode(), b"\xc3\x28", 1)  # a lead byte without its continuation
    f = write(good / "bad" / "broken.txt", broken)
    r = bad_build(good, cli, f)
    pos = broken.index(b"\xc3\x28")
    assert f"{f}:byte {pos}: invalid UTF-8" in r.err


def test_page_with_no_recognisable_entries(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(good / "bad" / "notes.txt", "Synthetic meeting notes.\n\nNothing here is a review.\n")
    r = bad_build(good, cli, f)
    assert f"{f}: no review entries recognised" in r.err


def test_truncated_entry(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cut = PAGE + "\n3. Serious case review: Child 19\n"  # the page stops after the heading
    f = write(good / "bad" / "cut.txt", cut)
    r = bad_build(good, cli, f)
    line = cut.splitlines().index("3. Serious case review: Child 19") + 1
    assert f"{f}:line {line}: entry '3. Serious case review: Child 19' has no text" in r.err


def test_same_entry_twice(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    entry = PAGE[PAGE.index("2. Serious"):]
    twice = PAGE + "\n" + entry.replace("2. Serious", "3. Serious")
    f = write(good / "bad" / "twice.txt", twice)
    r = bad_build(good, cli, f)
    first = twice.splitlines().index("2. Serious case review: Child 18") + 1
    second = twice.splitlines().index("3. Serious case review: Child 18") + 1
    assert f"{f}:line {second}: entry 'Serious case review: Child 18' appears twice" in r.err
    assert f"first at line {first}" in r.err


def test_dangling_symlink_in_a_source_directory(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    d = good / "bad"
    write(d / "page.txt", PAGE)
    (d / "gone.txt").symlink_to(d / "no-such-target.txt")
    r = partial_build(good, cli, d, d / "gone.txt")
    assert f"{d / 'gone.txt'}: cannot read: broken symbolic link" in r.err


def test_unreadable_file_in_a_source_directory(
        good: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    d = good / "bad"
    write(d / "a.txt", PAGE)
    locked = write(d / "locked.txt", PAGE.replace("Child 1", "Child 3"))
    real_open = pathlib.Path.open

    def open_(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", open_)
    r = partial_build(good, cli, d, locked)
    assert f"{locked}: cannot read: Permission denied" in r.err
    published = (good / "out" / "casegraph.ttl").read_text(encoding="utf-8")
    assert "Child 17" in published and "Child 37" not in published  # a.txt's, not locked.txt's


def test_a_directory_named_like_a_source_is_walked_not_read(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """``pages.txt/`` is a directory: its files are sources, the directory itself is not."""
    d = good / "src"
    write(d / "pages.txt" / "inner.txt", PAGE)
    r = cli("build", str(d), "--out", str(good / "out2"), "-q",
            "--curations", str(good / "curations"))
    assert r.code == 0, r.err
    assert "2 reviews" in r.out


# --- input that must succeed -----------------------------------------------------------------

def _literals(ttl: Path) -> set[str]:
    from casegraph.rdfio.formats import load_graph

    return {str(o) for o in load_graph(ttl).objects()}


def test_cp1252_page_builds_and_decodes(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    text = PAGE.replace("Child 17", "Child 17’s café").replace("escalation", "escalation – fast")
    f = write(good / "cp" / "page.txt", text.encode("cp1252"))
    r = cli("build", str(f), "--out", str(good / "cp-out"), "-q",
            "--curations", str(good / "curations"))
    assert r.code == 0, r.err
    values = "\n".join(_literals(good / "cp-out" / "casegraph.ttl"))
    assert "Child 17’s café" in values and "escalation – fast" in values
    assert "â€" not in values  # no mojibake


def test_bom_page_builds_without_the_bom(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(good / "bom" / "page.txt", b"\xef\xbb\xbf" + PAGE.encode("utf-8"))
    r = cli("build", str(f), "--out", str(good / "bom-out"), "-q",
            "--curations", str(good / "curations"))
    assert r.code == 0, r.err
    values = _literals(good / "bom-out" / "casegraph.ttl")
    assert "Synthetic test page – May 2023" in values
    assert not any("\ufeff" in v for v in values)


def test_html_script_and_style_never_reach_the_graph(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    body = "".join(f"<p>{line}</p>\n" for line in PAGE.splitlines() if line)
    html = ("<!DOCTYPE html><html><head><title>Synthetic</title>"
            "<style>.secret-style-rule { color: red }</style>"
            "<script>var secretScriptToken = 'Learning includes: leaked';</script></head><body>"
            "<script type='text/javascript'>document.write('SECRET_SCRIPT_TEXT')</script>"
            f"{body}<noscript>SECRET_NOSCRIPT</noscript></body></html>")
    f = write(good / "html" / "page.html", html)
    r = cli("build", str(f), "--out", str(good / "html-out"), "-q",
            "--curations", str(good / "curations"))
    assert r.code == 0, r.err
    ttl = (good / "html-out" / "casegraph.ttl").read_text(encoding="utf-8")
    assert "Child 17" in ttl
    for secret in ("secretScriptToken", "SECRET_SCRIPT_TEXT", "secret-style-rule", "SECRET_NOSCRIPT",
                   "leaked"):
        assert secret not in ttl


# --- curations -------------------------------------------------------------------------------

def _curation_run(good: Path, cli, yaml_text: str) -> tuple[Run, Path]:  # type: ignore[no-untyped-def]
    cur = good / "bad-curations"
    f = write(cur / "fix.yaml", yaml_text)
    r = bad_build(good, cli, good / "good", extra=("--curations", str(cur)))
    return r, f


def test_curation_yaml_syntax_error(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r, f = _curation_run(good, cli, "review: 2023-child-17\nadd:\n  themes: [TH-INFO\n  x: : y\n")
    assert re.search(rf"{re.escape(str(f))}:line \d+: invalid YAML", r.err), r.err


def test_curation_for_a_review_not_built_is_a_warning(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """Issue 9: a curation whose review is not in this build is named, not fatal (and not silent)."""
    f = write(good / "curations" / "c.yaml", "# synthetic\n\nreview: 2023-child-99\nnote: synthetic\n")
    r = cli("build", str(good / "good"), "--out", str(good / "out"), "--curations",
            str(good / "curations"), "-q")
    assert r.code == 0, r.err
    assert f"warning: {f}:line 3: curation for review '2023-child-99' not applied" in r.err


def test_a_page_without_reviews_beside_good_pages_is_skipped_with_a_warning(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: one unrecognised page no longer sinks the build of the others."""
    notes = write(good / "good" / "notes.txt", "Synthetic meeting notes.\n\nNothing here is a review.\n")
    r = cli("build", str(good / "good"), "--out", str(good / "out"), "--no-curations", "-q")
    assert r.code == 0, r.err
    assert f"warning: {notes}: no review entries recognised on this page" in r.err
    assert " reviews, " in r.out and (good / "out" / "casegraph.ttl").stat().st_size > 1000


def test_curation_unknown_concept(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r, f = _curation_run(good, cli, "review: 2023-child-17\nadd:\n  risk-factors: [RF-NOPE]\n")
    assert f"{f}:line 1: unknown concept 'RF-NOPE'" in r.err


def test_curation_with_a_lone_surrogate_is_refused(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """YAML can spell a lone surrogate ("\\ud800"); no RDF syntax can carry it."""
    r, _ = _curation_run(good, cli, 'review: 2023-child-17\nset:\n  title: "Child 17 \\ud800"\n')
    assert re.search(r"fix.yaml:line 3: text contains a lone surrogate U\+D800", r.err), r.err


# --- RDF files given to validate and query ---------------------------------------------------

BAD_TTL = """@prefix cg: <https://w3id.org/casegraph/ontology#> .
<https://w3id.org/casegraph/id/review/x> a cg:CaseReview .
<https://w3id.org/casegraph/id/review/x> cg:heading "unterminated .
"""


def test_validate_turtle_with_a_syntax_error(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(good / "bad.ttl", BAD_TTL)
    before = snapshot(good / "out")
    r = cli("validate", str(f))
    assert r.code == 2
    assert_one_line_error(r.err)
    assert f"{f}:line 3: not valid RDF" in r.err
    assert snapshot(good / "out") == before


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_data_with_a_syntax_error(good: Path, cli, engine: str) -> None:  # type: ignore[no-untyped-def]
    f = write(good / "bad.ttl", BAD_TTL)
    before = snapshot(good / "out")
    r = cli("query", "cases", "--data", str(f), "--engine", engine)
    assert r.code == 2
    assert_one_line_error(r.err)
    assert str(f) in r.err and "line 3" in r.err and "not valid RDF" in r.err
    assert snapshot(good / "out") == before


def test_export_does_not_replace_its_output_on_bad_data(good: Path, cli) -> None:  # type: ignore[no-untyped-def]
    target = good / "out" / "casegraph.nt"
    assert cli("export", "--format", "nt", "--data", str(good / "out" / "casegraph.ttl"),
               "--out", str(target)).code == 0
    before = snapshot(good / "out")
    f = write(good / "bad.ttl", BAD_TTL)
    r = cli("export", "--format", "nt", "--data", str(f), "--out", str(target))
    assert r.code == 2
    assert_one_line_error(r.err)
    assert snapshot(good / "out") == before


def test_control_characters_never_reach_the_data(tmp_path: Path) -> None:
    """Probe finding 7: ESC/BEL/BS and bidi overrides in a heading became the pseudonym
    'Child\\x1b[31m 1\\x07\\x08' and the slug '2024-child-31m-1'."""
    from casegraph.pipeline.build import build

    page = write(tmp_path / "p.txt", "Invented page for testing.\n\n"
                 "2024 – Exampleshire – Child\x1b[31m 1\x07\x08\u202e\n"
                 "Child 1, aged 3, was neglected over several years.\n")
    result = build([page], tmp_path / "out")
    review, = result.reviews
    assert review.slug == "2024-exampleshire-child-1"
    text = (tmp_path / "out" / "casegraph.ttl").read_text(encoding="utf-8")
    assert not any(ch in text for ch in "\x1b\x07\x08\u202e")
    assert any("control or invisible characters removed" in w and ":3:" in w for w in result.warnings)


# ------------------------------------------------------------- probe findings 5, 9, 10 (low)

def _one_line_error(tmp: Path, cli, *args: str):  # type: ignore[no-untyped-def]
    r = cli("build", *args, "--out", str(tmp / "o"), "-q", "--no-curations")
    assert r.code == 2, (r.code, r.err)
    assert_one_line_error(r.err)
    return r


def test_a_nul_byte_in_the_middle_is_binary(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "mid.txt", b"a" * 20_000 + b"\x00" + b"b" * 20_000)
    assert "byte 20000: binary file (NUL byte)" in _one_line_error(tmp_path, cli, str(f)).err


def test_utf16_and_utf32_pages_are_read(tmp_path: Path) -> None:
    from casegraph.ingest.sources import read_source

    text = "Invented page.\n\n2024 – Exampleshire – Child 1\nChild 1, aged 3, died in 2023.\n"
    for codec in ("utf-16", "utf-32"):
        f = write(tmp_path / f"{codec}.txt", text.encode(codec))
        src = read_source(f)
        assert src.text == text and src.encoding.startswith(codec)


def test_a_fifo_in_a_source_folder_is_named(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "src").mkdir()
    write(tmp_path / "src" / "good.txt", PAGE)
    os.mkfifo(tmp_path / "src" / "pipe.txt")
    r = cli("build", str(tmp_path / "src"), "--out", str(tmp_path / "o"), "-q", "--no-curations")
    assert r.code == 1, (r.code, r.err)  # never blocks on the pipe; good.txt is built
    assert_one_line_error(r.err)
    assert "pipe.txt" in r.err and "not a regular file" in r.err
    assert r.out.startswith("2 reviews") and (tmp_path / "o" / "casegraph.ttl").is_file()
    assert "from 2 source file(s) (1 left out)" in r.out
    assert _one_line_error(tmp_path, cli, str(tmp_path / "src" / "pipe.txt"), "--strict").err


def test_a_huge_line_is_refused_at_once(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "dump.txt", "2024 – Area – Child 1\n" + "word " * 60_000 + "\n")
    r = _one_line_error(tmp_path, cli, str(f))
    assert ":line 2: line is 300,000 characters long" in r.err


def test_an_entry_with_too_many_items_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    items = "".join(f"- invented recommendation {n}\n" for n in range(2_500))
    f = write(tmp_path / "many.txt", "2024 – Area – Child 1\nChild 1, aged 3, died in 2023.\n"
              "Recommendations:\n" + items)
    r = _one_line_error(tmp_path, cli, str(f))
    assert "2,500 items under one label" in r.err


def test_a_file_name_with_control_characters_is_printed_escaped(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "bad\nname\x1b[31m.txt", b"")
    r = _one_line_error(tmp_path, cli, str(f))
    assert "bad\\nname\\x1b[31m.txt" in r.err and "\x1b" not in r.err


def test_a_second_build_into_the_same_out_stops_at_once(tmp_path: Path) -> None:
    """Probe finding 9: two builds into one --out raced; now the second one is refused."""
    import fcntl

    from casegraph.core.errors import CasegraphError
    from casegraph.pipeline.build import build

    out = tmp_path / "out"
    out.mkdir()
    page = write(tmp_path / "p.txt", PAGE)
    with (out / ".casegraph.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another build is writing
        with pytest.raises(CasegraphError, match="another casegraph build is writing here"):
            build([page], out)
    assert not (out / "casegraph.ttl").exists()


def test_a_folders_readme_is_not_a_page(tmp_path: Path) -> None:
    """A sources folder's README describes the pages (the shared corpus has one); it is not read
    as a page about a review, and the page beside it still is. Named explicitly, it is read."""
    from casegraph.ingest.sources import discover

    (tmp_path / "README.md").write_text("# Corpus\nPages saved for testing; Welsh and English.\n",
                                        encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("Open Government Licence\n", encoding="utf-8")
    (tmp_path / "digest.txt").write_text("[Invented test page.]\n", encoding="utf-8")
    assert [p.name for p in discover([tmp_path])] == ["digest.txt"]
    assert [p.name for p in discover([tmp_path / "README.md"])] == ["README.md"]
