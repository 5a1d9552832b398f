"""Errors that carry the file and the place, so every message the CLI prints is one actionable line."""

from __future__ import annotations

import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069]")


def printable(text: str) -> str:
    """``text`` with control and invisible characters escaped (``\\n``, ``\\x1b``), so a file
    name holding a newline or a terminal escape cannot break a one-line error or the terminal."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def one_line(message: str) -> str:
    """A library's message on one line: each line break, and the spaces around it, as one space
    (tarfile lists every compression it tried on a line of its own)."""
    return re.sub(r"\s*\n\s*", " ", message.strip())


class CasegraphError(Exception):
    """A problem with the user's input or request (CLI exit code 2).

    ``where`` is a file path and ``place`` something a person can find in it
    ("line 12", "entry 'Child A'", "byte 4031").
    """

    def __init__(self, message: str, where: str | Path | None = None, place: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = str(where) if where is not None else None
        self.place = place

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # keep the file and place when the error crosses a process boundary (extraction pool)
        return (type(self), (self.message, self.where, self.place))

    def __str__(self) -> str:
        loc = ""
        if self.where:
            loc = printable(self.where) + (f":{self.place}" if self.place else "") + ": "
        elif self.place:
            loc = self.place + ": "
        return f"{loc}{self.message}"


class NonConformingError(Exception):
    """The graph does not pass SHACL validation (CLI exit code 1)."""

    def __init__(self, report_text: str, violations: int):
        super().__init__(f"{violations} SHACL violation(s)")
        self.report_text = report_text
        self.violations = violations


class QueryError(Exception):
    """A query failed to run (CLI exit code 1)."""


class PushError(Exception):
    """Publishing to a SPARQL server failed (CLI exit code 1).

    The message says what happened to the target graph; it never contains credentials.
    ``reached_server`` is False when the request provably never arrived (connection refused).
    """

    reached_server: bool = True
