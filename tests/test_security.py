"""Fault and security suite: the probe's findings, each a regression test (SECURITY.md).

Marked ``server``: the push tests use the real Oxigraph server (``.ci/run`` starts one).  The
redirecting and echoing servers here are small hostile HTTP servers in front of nothing: they
stand for a misconfigured proxy or an attacker, which is exactly what the tests are about.
"""

from __future__ import annotations

import base64
import http.server
import secrets
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import oxigraph_server
import pytest
from oxigraph_server import Endpoint

from casegraph.cli.main import main
from casegraph.store.push import lock_graph

pytestmark = pytest.mark.server
shared_server = oxigraph_server.shared_server
ENV_VARS = ("CASEGRAPH_TOKEN", "CASEGRAPH_USER", "CASEGRAPH_PASSWORD")


class _Quiet(http.server.BaseHTTPRequestHandler):
    """A test server's handler: logs nothing; ``drain()`` reads the request body."""

    def log_message(self, *args: object) -> None:
        pass

    def drain(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))


class _Recorder(_Quiet):
    """Records every request it gets (the host a redirect would send credentials to)."""

    seen: ClassVar[list[dict[str, str]]] = []

    def do_POST(self) -> None:
        self.drain()
        type(self).seen.append(dict(self.headers))
        self.send_response(200)
        self.end_headers()

    do_GET = do_PUT = do_POST


@contextmanager
def _serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """A small hostile server on 127.0.0.1 for the block; its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[dict[str, str]]]]:
    class Here(_Recorder):
        seen: ClassVar[list[dict[str, str]]] = []

    with _serving(Here) as url:
        yield url, Here.seen


@pytest.fixture
def redirector(elsewhere: tuple[str, list[dict[str, str]]]) -> Iterator[str]:
    """A server that answers every request with 302 to the recording server."""
    target = elsewhere[0]

    class Redirect(_Quiet):
        def do_POST(self) -> None:
            self.drain()
            self.send_response(302)
            self.send_header("Location", target + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PUT = do_POST

    with _serving(Redirect) as url:
        yield url


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("command", ["query", "push"])
def test_redirects_are_refused_and_credentials_stay_home(
        command: str, redirector: str, elsewhere: tuple[str, list[dict[str, str]]], built_ttl: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    token = "tok-" + secrets.token_hex(12)
    monkeypatch.setenv("CASEGRAPH_TOKEN", token)
    args = (["query", "cases", "--endpoint", redirector] if command == "query" else
            ["push", "--endpoint", redirector, "--graph", "https://example.org/g", "--data", str(built_ttl)])
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"redirected to {elsewhere[0]}" in err and "not followed" in err
    assert token not in err
    assert elsewhere[1] == [], "a request reached the host the redirect pointed at"


@pytest.mark.parametrize("command", ["query", "push"])
@pytest.mark.parametrize("ending", ["\n", "\r", "\r\n", "\x1b"])
def test_a_credential_with_a_control_character_is_refused_by_name(
        command: str, ending: str, built_ttl: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    token = "tok-" + secrets.token_hex(12)
    monkeypatch.setenv("CASEGRAPH_TOKEN", token + ending)
    base = "http://127.0.0.1:9"  # nothing listens: the refusal must come before any request
    args = (["query", "cases", "--endpoint", base] if command == "query" else
            ["push", "--endpoint", base, "--graph", "https://example.org/g", "--data", str(built_ttl)])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "CASEGRAPH_TOKEN" in err and "control character" in err
    assert token not in err and len(err.strip().splitlines()) == 1


def test_percent_encoded_and_base64_secrets_echoed_by_a_server_are_redacted(
        built_ttl: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class Echo(_Quiet):
        def do_POST(self) -> None:
            self.drain()
            auth = self.headers.get("Authorization", "")
            from urllib.parse import quote

            body = f"bad auth {quote(auth)} / {quote(auth, safe='')}".encode()
            self.send_response(500)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_PUT = do_POST

    with _serving(Echo) as url:
        password = "pw/" + secrets.token_hex(8) + "+&="
        monkeypatch.setenv("CASEGRAPH_USER", "analyst")
        monkeypatch.setenv("CASEGRAPH_PASSWORD", password)
        pair = base64.b64encode(f"analyst:{password}".encode()).decode()
        for args in (["query", "cases", "--endpoint", url],
                     ["push", "--endpoint", url, "--graph", "https://example.org/g", "--data",
                      str(built_ttl)]):
            assert main(args) == 1
            err = capsys.readouterr().err
            assert "HTTP 500" in err
            from urllib.parse import quote

            for form in (password, quote(password, safe=""), pair, quote(pair, safe="")):
                assert form not in err


def _dataset(path: Path, tag: str, n: int = 3000) -> Path:
    path.write_text("".join(f"<https://example.org/{tag}/s{i}> <https://example.org/p> \"{tag} {i}\" .\n"
                            for i in range(n)))
    return path


def test_concurrent_pushes_leave_exactly_one_build(shared_server: Endpoint, tmp_path: Path) -> None:
    """Five pushers onto one graph at once: the target is always exactly one of their builds."""
    target = f"https://w3id.org/casegraph/graph/race-{secrets.token_hex(6)}"
    files = [_dataset(tmp_path / f"d{k}.nt", f"d{k}") for k in range(5)]
    try:
        for trial in range(3):
            procs = [subprocess.Popen([sys.executable, "-m", "casegraph.cli.main", "push", "--endpoint",
                                       shared_server.base, "--graph", target, "--data", str(f)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for f in files]
            results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
            winners = [k for k, (code, _) in enumerate(results) if code == 0]
            assert winners, f"trial {trial}: no push succeeded: {results}"
            for code, err in results:
                assert code in (0, 1), err
                if code == 1:
                    assert "another push" in err or "lock" in err, err
            held = shared_server.graph_ntriples(target)
            tags = {line.split("/")[3] for line in held}
            assert len(tags) == 1 and len(held) == 3000, f"trial {trial}: mixture of {sorted(tags)}"
            assert f"d{winners[-1]}" in tags or len(winners) > 1
            assert shared_server.count(lock_graph(target)) == 0
            assert not [g for g in shared_server.named_graphs() if g.startswith(target + "-staging")]
    finally:
        shared_server.drop(target)
        shared_server.drop(lock_graph(target))


def test_timeout_bounds_the_whole_request(built_ttl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Probe finding 10: a server trickling one byte every 0.5 s kept --timeout 2 alive for long."""
    import time

    class Trickle(_Quiet):
        def do_POST(self) -> None:
            self.drain()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass

    with _serving(Trickle) as url:
        t0 = time.monotonic()
        assert main(["query", "cases", "--endpoint", url, "--timeout", "2"]) == 1
        assert time.monotonic() - t0 < 6
        assert "no answer within 2 s" in capsys.readouterr().err


def test_a_bad_port_is_a_usage_error(built_ttl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Probe finding 10: exit 1 and advice about a staging graph that never existed."""
    for args in (["query", "cases", "--endpoint", "http://localhost:notaport"],
                 ["push", "--endpoint", "http://localhost:notaport", "--graph", "https://example.org/g",
                  "--data", str(built_ttl)]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert "invalid port" in err and "staging" not in err


def test_a_404_is_named_as_such(built_ttl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Probe finding 10: a 404 was reported as 'unreachable'."""
    class Missing(_Quiet):
        def do_POST(self) -> None:
            self.drain()
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_PUT = do_POST

    with _serving(Missing) as url:
        assert main(["query", "cases", "--endpoint", url]) == 1
        err = capsys.readouterr().err
        assert "HTTP 404" in err and "unreachable" not in err


def test_table_output_escapes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Probe finding 7: table output printed raw terminal escapes found in (old or foreign) data."""
    data = tmp_path / "d.nt"
    data.write_text('<https://example.org/s> <https://example.org/p> "red\\u001B[31m alert\\u0007" .\n')
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?o WHERE { ?s ?p ?o }\n")
    assert main(["query", str(q), "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "red\\x1b[31m alert\\x07" in out
