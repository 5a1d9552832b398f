"""casegraph search: whole stemmed words, phrases, BM25 order, kinds, hostile input, the index
the build writes beside the graph and when it is (not) used.

The small graph here is INVENTED test data (pseudonyms Child A, Child B, ...), not real reviews.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.cli.main import main
from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import CG, DCTERMS, RDF, SCHEMA, instance_namespace
from casegraph.core.resources import default_sources
from casegraph.pipeline.build import BuildResult
from casegraph.search import INDEX_FILE
from casegraph.search import index as search_index
from casegraph.search.index import KINDS, open_index, search
from casegraph.store.engines import fill_store

REVIEW = instance_namespace("review")
COLUMNS = ["review", "kind", "position", "score", "snippet", "text"]

# INVENTED reviews: title, summary, keywords, learning, recommendations, evidence sentences.
INVENTED = {
    "invented-a": {
        "title": "Invented review: Child A",
        "summary": "Child A lived with her mother. The interpreter was not booked.",
        "keywords": ["language", "interpreters"],
        "learning": ["the mental health of the mother was not assessed",
                     "management oversight was weak"],
        "recommendations": ["book an interpreter for every meeting where a parent asks for one",
                            "improve information sharing between schools and health visitors"],
        # the first sentence is a learning text again (not a new text); the second is not
        "evidence": ["the mental health of the mother was not assessed",
                     "Staff noted that the flat was cold and damp."],
    },
    "invented-b": {
        "title": "Invented review: Child B",
        "summary": "Two men in the household were not known to services.",
        "learning": ["sharing of information with the police was slow"],
        "recommendations": ["interpreters should be trained in safeguarding"],
    },
    # For the ranking test: "neglect" once in a short text, twice and once in two long texts
    # of the same length.
    "invented-c": {
        "title": "Invented review: Child C",
        "summary": "Child C was seen at school most days.",
        "learning": ["neglect of a baby",
                     "neglect was seen and neglect was recorded in notes of the team",
                     "neglect was seen and it was recorded in notes of the other team"],
    },
    "invented-d": {"title": "Invented review: Child D", "summary": "Child D moved house twice.",
                   "learning": ["the school nurse saw Child D each term"]},
    "invented-e": {"title": "Invented review: Child E", "summary": "Child E had a new carer.",
                   "recommendations": ["review the plan at every visit"]},
}


def _lit(text: str) -> str:
    return json.dumps(text)  # ASCII text: a JSON string is a valid Turtle string


def invented_turtle() -> str:
    lines = []
    for slug, r in INVENTED.items():
        node = f"<{REVIEW}{slug}>"
        lines += [f"{node} <{RDF.type}> <{CG.CaseReview}> .",
                  f"{node} <{DCTERMS.title}> {_lit(r['title'])} .",
                  f"{node} <{CG.summary}> {_lit(r['summary'])} ."]
        lines += [f"{node} <{SCHEMA.keywords}> {_lit(k)} ." for k in r.get("keywords", [])]
        for kind, link in (("learning", CG.hasLearning), ("recommendations", CG.hasRecommendation)):
            for pos, text in enumerate(r.get(kind, []), start=1):
                item = f"<{REVIEW}{slug}/{kind}-{pos}>"
                lines += [f"{node} <{link}> {item} .", f"{item} <{SCHEMA.position}> {pos} .",
                          f"{item} <{SCHEMA.text}> {_lit(text)} ."]
        for n, sentence in enumerate(r.get("evidence", []), start=1):
            note = f"<{REVIEW}{slug}/mention-{n}>"
            lines += [f"{node} <{CG.hasMention}> {note} .", f"{note} <{CG.sentence}> {_lit(sentence)} ."]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def invented(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("invented") / "invented.ttl"
    path.write_text(invented_turtle(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def conn(invented: Path) -> sqlite3.Connection:
    connection, note = open_index(invented)
    assert note is None  # no sidecar beside it: nothing stale to mention
    return connection


def rows(conn: sqlite3.Connection, text: str, kinds: list[str] | None = None) -> list[dict]:
    result = search(conn, text, kinds, limit=0)
    assert result.columns == COLUMNS
    return [dict(zip(COLUMNS, (None if v is None else str(v) for v in row), strict=True))
            for row in result.rows]


def hits(found: list[dict]) -> set[tuple[str, str, str | None]]:
    return {(r["review"].removeprefix(REVIEW), r["kind"], r["position"]) for r in found}


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_whole_words_only(conn: sqlite3.Connection) -> None:
    found = rows(conn, "men")
    assert hits(found) == {("invented-b", "summary", None)}
    # "mental" and "management" are in the invented texts, and are not hits
    assert any("mental" in t for t in INVENTED["invented-a"]["learning"])
    assert all(re.search(r"\bmen\b", r["text"]) for r in found)


def test_stemming_finds_other_forms(conn: sqlite3.Connection) -> None:
    found = hits(rows(conn, "interpreters"))
    assert {("invented-a", "summary", None), ("invented-a", "recommendation", "1"),
            ("invented-a", "keywords", None), ("invented-b", "recommendation", "1")} == found


def test_a_quoted_phrase_is_a_phrase(conn: sqlite3.Connection, invented: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert hits(rows(conn, '"information sharing"')) == {("invented-a", "recommendation", "2")}
    assert hits(rows(conn, "information sharing")) == {("invented-a", "recommendation", "2"),
                                                        ("invented-b", "learning", "1")}
    # On the command line, one argument holding a space was quoted in the shell: a phrase.
    code, out, _ = cli(capsys, "information sharing", "--data", str(invented), "--format", "json")
    assert code == 0 and [r["text"] for r in json.loads(out)] == [
        INVENTED["invented-a"]["recommendations"][1]]
    code, out, _ = cli(capsys, "information", "sharing", "--data", str(invented), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2


def test_bm25_order(conn: sqlite3.Connection) -> None:
    learning = INVENTED["invented-c"]["learning"]
    order = [r["text"] for r in rows(conn, "neglect")]
    assert sorted(order) == sorted(learning)
    # same length: two occurrences beat one; same count: the shorter text wins
    assert order.index(learning[1]) < order.index(learning[2])
    assert order.index(learning[0]) < order.index(learning[2])
    scores = [float(r["score"]) for r in rows(conn, "neglect")]
    assert all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)


def test_evidence_sentences_only_when_new(conn: sqlite3.Connection) -> None:
    assert hits(rows(conn, "damp")) == {("invented-a", "evidence", None)}
    # the sentence that repeats a learning point is found once, as that learning point
    assert hits(rows(conn, "assessed")) == {("invented-a", "learning", "1")}


def test_in_filters_kinds(conn: sqlite3.Connection, invented: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    assert {k for _, k, _ in hits(rows(conn, "interpreter", ["recommendation"]))} == {"recommendation"}
    code, out, _ = cli(capsys, "interpreter", "--data", str(invented), "--in", "summary,recommendations",
                       "--format", "csv")
    kinds = [line.split(",")[1] for line in out.splitlines()[1:]]
    assert code == 0 and sorted(kinds) == ["recommendation", "recommendation", "summary"]
    code, out, err = cli(capsys, "interpreter", "--data", str(invented), "--in", "summary,notes")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "notes" in err and all(k in err for k in KINDS)


def test_columns_snippet_and_formats(invented: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "interpreter", "--data", str(invented), "--format", "json", "--limit", "1")
    (row,) = json.loads(out)
    assert code == 0 and list(row) == COLUMNS
    assert re.search(r"\[interpreters?\]", row["snippet"]) and row["score"] > 0
    code, out, _ = cli(capsys, "weak", "--data", str(invented), "--format", "csv")
    header, line = out.splitlines()
    review, kind, position, score, snippet, text = line.split(",")
    assert header == ",".join(COLUMNS) and float(score) > 0
    assert (review, kind, position) == (f"{REVIEW}invented-a", "learning", "2")
    assert (snippet, text) == ("management oversight was [weak]", "management oversight was weak")


HOSTILE = ['"unbalanced phrase', 'NEAR(men interpreter', "text:men", "review:invented-a",
           "men OR NOT neglect", "(neglect", "neglect)", "^men", '""', '"" neglect', "*", "neg*",
           '"neglect of"*', "{text}: men", "AND", "men AND", "-", "neglect\x00men", "\udcff neglect",
           "NEAR(men, 2)", "'single quotes'", 'men"interpreter"', "a" * 5000, "x " * 100]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_gives_results_or_one_clean_line(text: str, invented: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, text, "--data", str(invented), "--format", "csv")
    assert (code == 0 and out.startswith("review,")) or (
        code == 2 and out == "" and err.startswith("casegraph: error:") and err.count("\n") == 1)


@functools.cache
def _tiny_index() -> sqlite3.Connection:
    return search_index.create(
        [search_index.Text("urn:x:invented", "summary", None, "Child A and men; neglect")], None)


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_any_text_searches_or_is_refused(text: str) -> None:
    try:
        search(_tiny_index(), text)
    except CasegraphError as exc:
        assert "\n" not in str(exc)


@pytest.mark.parametrize("text", ["", "   ", "!!! ...", '" "', "*"])
def test_an_empty_query_is_one_line(text: str, invented: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, text, "--data", str(invented))
    assert code == 2 and out == "" and err.startswith("casegraph: error: nothing to search for")
    assert err.count("\n") == 1


def test_build_writes_the_index_beside_the_graph(built: BuildResult, built_ttl: Path) -> None:
    sidecar = built_ttl.parent / INDEX_FILE
    assert sidecar.is_symlink() and sidecar.resolve().parent == built_ttl.resolve().parent
    db = sqlite3.connect(sidecar)
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta["data_sha256"] == hashlib.sha256(built_ttl.read_bytes()).hexdigest()
    reviews = {r for (r,) in db.execute("SELECT DISTINCT review FROM texts")}
    assert len(reviews) == len(built.reviews) > 0
    titles = db.execute("SELECT count(*) FROM texts WHERE kind = 'title'").fetchone()[0]
    assert titles == len(built.reviews)


def test_the_build_indexes_what_a_fresh_index_of_its_file_holds(built_ttl: Path,
                                                                tmp_path: Path) -> None:
    """The build indexes only the triples the texts query reads; nothing it needs is left out."""
    copy = tmp_path / "copy.ttl"  # no sidecar here: indexed afresh from the whole file
    shutil.copyfile(built_ttl, copy)
    fresh, note = open_index(copy)
    table = "SELECT review, kind, position, text FROM texts ORDER BY rowid"
    built_rows = sqlite3.connect(built_ttl.parent / INDEX_FILE).execute(table).fetchall()
    assert note is None and built_rows == fresh.execute(table).fetchall()
    assert {kind for _, kind, _, _ in built_rows} >= {"title", "summary", "learning", "recommendation"}


def _word_in_sources() -> str:
    word = "interpreter"
    text = "\n".join(p.read_text(encoding="utf-8") for p in default_sources().glob("*.txt"))
    assert re.search(rf"\b{word}\b", text), "pick another word: the seed no longer has it"
    return word


def test_search_on_the_default_build_uses_its_index(built_ttl: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    word = _word_in_sources()
    (tmp_path / "build").symlink_to(built_ttl.parent)  # build/ here is the session's build
    monkeypatch.chdir(tmp_path)

    def no_fresh_index(*_: object) -> None:
        raise AssertionError("indexed afresh although the build's index belongs to the data")

    monkeypatch.setattr(search_index, "read_texts", no_fresh_index)
    code, out, err = cli(capsys, word, "--format", "json", "--limit", "0")
    found = json.loads(out)
    assert code == 0 and err == "" and found
    assert all(re.search(rf"\b{word}", r["text"], re.I) for r in found)


def test_a_stale_sidecar_is_not_used(built_ttl: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "copy.ttl"
    shutil.copyfile(built_ttl, data)
    shutil.copyfile(built_ttl.parent / INDEX_FILE, tmp_path / INDEX_FILE)
    code, out, err = cli(capsys, "interpreter", "--data", str(data), "--format", "csv")
    assert code == 0 and err == ""  # the same bytes: the copied index is used, silently
    review = next(iter(sqlite3.connect(tmp_path / INDEX_FILE).execute("SELECT review FROM texts")))[0]
    with data.open("a", encoding="utf-8") as fh:  # an invented text added: other bytes now
        fh.write(f'<{review}> <{CG.summary}> "Invented extra summary about a quokka." .\n')
    code, out, err = cli(capsys, "quokka", "--data", str(data), "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 2 and "[quokka]" in out
    assert INDEX_FILE in err and err.startswith("casegraph: note:") and err.count("\n") == 1


def test_an_index_of_another_format_is_not_used(built_ttl: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "copy.ttl"
    shutil.copyfile(built_ttl, data)
    shutil.copyfile(built_ttl.parent / INDEX_FILE, tmp_path / INDEX_FILE)
    with sqlite3.connect(tmp_path / INDEX_FILE) as db:
        db.execute("UPDATE meta SET value = 'casegraph-search 0' WHERE key = 'format'")
    code, out, err = cli(capsys, "interpreter", "--data", str(data), "--format", "csv")
    assert code == 0 and "[interpreter]" in out and INDEX_FILE in err
    (tmp_path / INDEX_FILE).write_bytes(b"not a database")
    code, out, err = cli(capsys, "interpreter", "--data", str(data), "--format", "csv")
    assert code == 0 and "[interpreter]" in out and INDEX_FILE in err


def test_store_and_data_give_the_same_rows(built_ttl: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    fill_store(tmp_path / "store", built_ttl)
    _, from_data, _ = cli(capsys, "information", "sharing", "--data", str(built_ttl), "--format", "tsv")
    _, from_store, _ = cli(capsys, "information", "sharing", "--store", str(tmp_path / "store"),
                           "--format", "tsv")
    assert from_data == from_store and len(from_data.splitlines()) > 2
