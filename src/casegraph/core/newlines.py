"""Line ends made one: the readers of saved pages and exports split text into lines, and a file
written on Windows ("\\r\\n") or an old Mac ("\\r") must split as one written on Linux does.

One home for what every reader in :mod:`casegraph.ingest` did by hand; ``ingest.sources``'s
``normalise_newlines`` adds a form feed (a printed page's break) to it for plain-text pages."""

from __future__ import annotations


def unify_line_ends(text: str) -> str:
    """``text`` with every "\\r\\n" and lone "\\r" as "\\n", and nothing else changed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
