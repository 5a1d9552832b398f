"""The one HTTP client of casegraph: ``query --endpoint`` and ``push`` both go through it.

What it guarantees (see ``SECURITY.md``):

- **Credentials** come from the environment only (``CASEGRAPH_TOKEN``, or ``CASEGRAPH_USER`` and
  ``CASEGRAPH_PASSWORD``), are checked before use (a control character, such as the newline a
  token read from a file keeps, is refused naming the variable, never the value), and are
  scrubbed from every message in every form we can foresee: raw, percent-encoded, base64
  (basic auth) and as the whole header value.
- **Redirects are refused** on every request, with one line naming the ``Location``: urllib
  would otherwise forward ``Authorization`` to the new host and turn a POST into a GET.
- **Timeouts bound the whole request**, not each read: a server trickling one byte at a time
  cannot keep a request alive past its deadline.
- URLs with ``user:password@`` are refused.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException
from typing import BinaryIO

from casegraph.core.errors import CasegraphError, PushError

ENV_TOKEN = "CASEGRAPH_TOKEN"
ENV_USER = "CASEGRAPH_USER"
ENV_PASSWORD = "CASEGRAPH_PASSWORD"

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]*@")
_CHUNK = 64 * 1024


# --------------------------------------------------------------------------- credentials


def _env(name: str) -> str:
    value = os.environ.get(name, "")
    if _CONTROL.search(value):
        # Name the variable, never the value: the value is the secret.
        raise CasegraphError(f"{name} contains a control character (a trailing newline or carriage "
                             "return?); remove it and try again")
    return value


def auth_headers() -> dict[str, str]:
    """The ``Authorization`` header from the environment (bearer token wins), or nothing.

    Raises :class:`CasegraphError` (exit 2, nothing sent) for a credential that no HTTP header
    can carry.
    """
    token = _env(ENV_TOKEN)
    if token:
        return {"Authorization": f"Bearer {token}"}
    user = _env(ENV_USER)
    if user:
        pair = f"{user}:{_env(ENV_PASSWORD)}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def _secrets() -> list[str]:
    """Every form in which a credential from the environment could appear in text."""
    raw = [os.environ.get(ENV_TOKEN, ""), os.environ.get(ENV_PASSWORD, "")]
    user, password = os.environ.get(ENV_USER, ""), os.environ.get(ENV_PASSWORD, "")
    if user:
        raw.append(base64.b64encode(f"{user}:{password}".encode()).decode("ascii"))
    forms: set[str] = set()
    for value in raw:
        for v in (value, value.strip()):
            forms.update({v, urllib.parse.quote(v, safe=""), urllib.parse.quote_plus(v),
                          urllib.parse.quote(v)})
            forms.update({f"Bearer {v}", f"Basic {v}", urllib.parse.quote(f"Bearer {v}"),
                          urllib.parse.quote(f"Basic {v}")})
    return sorted((s for s in forms if len(s.strip()) >= 3), key=len, reverse=True)


def redact(text: str) -> str:
    """``text`` with credentials removed: ``user:pass@`` in URLs and any secret from the env."""
    text = _USERINFO.sub(r"\1***@", text)
    for secret in _secrets():
        text = text.replace(secret, "***")
    return text


# --------------------------------------------------------------------------- URLs


def check_url(url: str, what: str) -> str:
    """``url`` if it is an http(s) URL with a host, a valid port and no credentials (else exit 2)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CasegraphError(f"{what} must be an http:// or https:// URL, got {redact(url)!r}")
    if parts.username or parts.password:
        raise CasegraphError(f"{what} must not contain credentials; set {ENV_TOKEN} or "
                             f"{ENV_USER}/{ENV_PASSWORD} instead")
    try:
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        raise CasegraphError(f"{what} has an invalid port: {redact(url)!r}") from None
    return url


@dataclass(frozen=True)
class Endpoints:
    """Where the three SPARQL 1.1 services of one server live."""

    query: str
    update: str
    store: str


def derive_endpoints(endpoint: str, query_url: str | None = None, update_url: str | None = None,
                     store_url: str | None = None) -> Endpoints:
    """The three service URLs: given ones as they are, the rest in Oxigraph's layout.

    ``endpoint`` is the server's base URL, in ``query`` and ``push`` alike.  For compatibility
    a base whose last path segment is ``query`` (Oxigraph's query service) is read as its parent.
    """
    check_url(endpoint, "--endpoint")
    base = endpoint.split("?", 1)[0].rstrip("/")
    if base.endswith("/query"):
        base = base[: -len("/query")]
    return Endpoints(check_url(query_url or base + "/query", "--query-url"),
                     check_url(update_url or base + "/update", "--update-url"),
                     check_url(store_url or base + "/store", "--store-url"))


# --------------------------------------------------------------------------- requests


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: urllib would forward ``Authorization`` and turn a POST into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


_HTML = re.compile(r"(?is)^\s*(<!doctype html|<html)")
_PRE = re.compile(r"(?is)<(xmp|pre)>(.*?)</\1>")
_TAG = re.compile(r"(?s)<[^>]*>")


def _first_line(body: bytes, limit: int = 200) -> str:
    """The first line of an error body; of an HTML page, the text of its ``<pre>``/``<xmp>`` or
    its first line of text (Virtuoso's Graph Store answers errors with an HTML page whose first
    line is the doctype, which says nothing)."""
    text = body.decode("utf-8", "replace").strip()
    if _HTML.match(text):
        pre = _PRE.search(text)
        text = (pre.group(2) if pre else _TAG.sub("\n", text)).strip()
        text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _reason(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
    if isinstance(exc, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(exc, socket.gaierror):
        return "unknown host"
    if isinstance(exc, ConnectionError | HTTPException):
        return f"connection lost ({type(exc).__name__})"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _read_by(resp, deadline: float) -> bytes:  # type: ignore[no-untyped-def]
    """The whole body, or ``TimeoutError`` once ``deadline`` (monotonic) has passed."""
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline passed while reading")
        if resp.fp is not None and getattr(resp.fp, "raw", None) is not None:
            sock = getattr(resp.fp.raw, "_sock", None)
            if sock is not None:
                sock.settimeout(remaining)
        chunk = resp.read1(_CHUNK) if hasattr(resp, "read1") else resp.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


@dataclass(frozen=True)
class Response:
    """A successful answer: its body and headers (``X-SPARQL-MaxRows`` says a result was cut)."""

    body: bytes
    headers: Message


def request(method: str, url: str, what: str, timeout: float,
            body: bytes | BinaryIO | None = None, headers: dict[str, str] | None = None,
            length: int | None = None) -> bytes:
    """One HTTP request with auth; the answer's body (see :func:`exchange`)."""
    return exchange(method, url, what, timeout, body, headers, length).body


def exchange(method: str, url: str, what: str, timeout: float,
             body: bytes | BinaryIO | None = None, headers: dict[str, str] | None = None,
             length: int | None = None) -> Response:
    """One HTTP request with auth; the answer, or :class:`PushError` (one line).

    ``timeout`` bounds the whole request: connecting, sending and reading the answer.  A 3xx
    answer is refused with its ``Location``.  A 206 is refused too: we never ask for part of a
    resource, and Virtuoso answers 206 with a *partial* result when its "anytime" query limit
    strikes, which a count or a saved query must never take for the whole.  No message can
    carry a credential: URLs and server text pass through :func:`redact`.
    ``err.reached_server`` is False when the request provably never arrived (connection
    refused, unknown host).
    """
    all_headers = {**(headers or {}), **auth_headers()}
    if length is not None:
        all_headers["Content-Length"] = str(length)
    req = urllib.request.Request(url, data=body, method=method, headers=all_headers)
    deadline = time.monotonic() + timeout
    where = url.split("?", 1)[0]
    try:
        with _OPENER.open(req, timeout=timeout) as resp:
            data = _read_by(resp, deadline)
            if resp.status == 206:
                raise PushError(redact(f"{what}: HTTP 206 from {where}: the server sent a partial "
                                       "result (a query time limit?); nothing was taken from it"))
            return Response(data, resp.headers)
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            location = exc.headers.get("Location", "(no Location header)") if exc.headers else "?"
            detail = f"redirected to {location}; redirects are not followed, give the final URL"
        else:
            try:
                detail = _first_line(exc.read())
            except Exception:
                detail = ""
        raise PushError(redact(f"{what}: HTTP {exc.code} {exc.reason} from {where}"
                               + (f": {detail}" if detail else ""))) from None
    except (OSError, HTTPException, ValueError) as exc:
        err = PushError(redact(f"{what}: {_reason(exc, timeout)} ({where})"))
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        err.reached_server = not isinstance(reason, ConnectionRefusedError | socket.gaierror)
        raise err from None
