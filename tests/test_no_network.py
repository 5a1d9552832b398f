"""Nothing casegraph parses may reach the network: no remote JSON-LD context, no DTD, no entity.

Every socket entry point (``socket.connect``, ``create_connection``, ``getaddrinfo``) is
replaced by a function that fails the test, then sources (including HTML that declares an
external DTD, external entities and remote links) are built, exported in every format, read
back and validated.  A JSON-LD input whose ``@context`` is a URL is *refused* with a clear
error (decision: casegraph never fetches; documents may inline the context or cite
``https://w3id.org/casegraph/context.jsonld``, which is served from ``ontology/context.jsonld``).
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from casegraph.cli.main import main
from casegraph.core.errors import CasegraphError
from casegraph.core.resources import default_sources
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import build
from casegraph.rdfio.formats import CONTEXT_URL, FORMATS, export, load_graph


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:200])
        raise NetworkUsed(f"network access attempted: {args!r}"[:300])

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_guard_really_blocks(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    assert no_network


HTML = """<?xml version="1.0"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [
  <!ENTITY ext SYSTEM "http://example.org/synthetic-entity.txt">
]>
<html><head><link rel="stylesheet" href="http://example.org/s.css">
<script src="http://example.org/x.js"></script></head><body>
<p>Synthetic test page &ext; – May 2023</p>
<h2>1. Local child safeguarding practice review: Child 17</h2>
<p>Synthetic test entry, not a real case: a 3-year-old boy was injured in March 2021.
<img src="http://example.org/pixel.gif"></p>
<p>Learning includes: synthetic learning about information sharing; synthetic learning.</p>
<p>Recommendations include: synthetic recommendation about training.</p>
<iframe src="http://example.org/frame"></iframe>
</body></html>
"""


def test_html_with_external_dtd_entities_and_links(tmp_path: Path, no_network: list[str]) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    source = read_source(f)
    assert "Child 17" in source.text
    assert "synthetic-entity" not in source.text  # the entity is neither fetched nor expanded
    result = build([f], tmp_path / "out", curations=tmp_path / "none")
    assert len(result.reviews) == 1
    assert no_network == []


@pytest.mark.slow
def test_build_export_reload_and_validate_offline(
        tmp_path: Path, no_network: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    result = build([default_sources()], tmp_path / "out")
    for fmt, (_, suffix) in FORMATS.items():
        path = tmp_path / f"export{suffix}"
        export(result.graph, fmt, path)
        assert len(load_graph(path)) == len(result.graph)
        assert main(["validate", str(path)]) == 0, capsys.readouterr().err
    assert no_network == []


def _jsonld(tmp_path: Path, context: object) -> Path:
    doc = {"@context": context, "@id": "https://w3id.org/casegraph/id/review/2023-child-17",
           "@type": "CaseReview", "title": "Synthetic Child 17"}
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("context", ["https://example.org/context.jsonld",
                                     ["https://example.org/a.jsonld", {"x": "http://x/"}],
                                     {"@import": "https://example.org/b.jsonld"}])
def test_remote_jsonld_context_is_refused_not_fetched(
        tmp_path: Path, no_network: list[str], context: object) -> None:
    path = _jsonld(tmp_path, context)
    with pytest.raises(CasegraphError, match="never fetches"):
        load_graph(path)
    assert no_network == []


@pytest.mark.parametrize("command", [["validate"], ["query", "cases", "--engine", "rdflib", "--data"],
                                     ["query", "cases", "--data"]])
def test_cli_refuses_remote_jsonld_context(
        tmp_path: Path, no_network: list[str], capsys: pytest.CaptureFixture[str],
        command: list[str]) -> None:
    path = _jsonld(tmp_path, "https://example.org/context.jsonld")
    assert main([*command, str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(path) in err and "remote" in err
    assert no_network == []


def test_our_published_context_url_is_served_locally(tmp_path: Path, no_network: list[str]) -> None:
    path = _jsonld(tmp_path, CONTEXT_URL)
    g = load_graph(path)
    titles = {str(o) for o in g.objects()}
    assert "Synthetic Child 17" in titles
    assert no_network == []


def test_rdflib_jsonld_parser_would_fetch(tmp_path: Path, no_network: list[str]) -> None:
    """Why casegraph never reads JSON-LD with rdflib: its parser goes to the network."""
    from rdflib import Graph

    path = _jsonld(tmp_path, "https://example.org/context.jsonld")
    with pytest.raises(Exception):  # noqa: B017 - whatever rdflib wraps our guard error in
        Graph().parse(path, format="json-ld")
    assert no_network, "rdflib did not try the network (then this test documents nothing)"
