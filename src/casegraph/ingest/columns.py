"""Text laid out in two columns side by side, read as a reader reads it: the left column, then
the right one.

(Moved from :mod:`casegraph.ingest.sources` in session 76, so that a PDF's pages are undone one
by one, before its pages are joined: a digest whose every page holds one review in two columns
ran the first page's learning into the second page's review.)  ``pdftotext -layout`` and pypdf's
layout mode both write such a page line by line across both columns, which runs an account into
its learning mid-sentence.
"""

from __future__ import annotations

import re
from collections import Counter

#: A column's text starts after a gutter of at least this many spaces (a sentence's double
#: space after a full stop is no gutter).
_GUTTER = 3
#: Lines a two-column block needs with text at its right column, so that a few aligned lines
#: (a signature block, a table's two cells) are not taken for one.
_MIN_COLUMN_LINES = 6
#: (session 76) How far right of the column's edge a line's text may start and still be the
#: column's: a numbered or bulleted list's items and their wrapped lines are indented in it
#: ("Learning" at the edge, "1. Bruising ..." four places in, "should always ..." seven).
_INDENT = 10


def _column_starts(line: str) -> set[int]:
    """Where text starts after a gutter of spaces in a line laid out by pdftotext -layout: after
    leading spaces, or after a run of :data:`_GUTTER` spaces inside it."""
    return {m.end() for m in re.finditer(rf"(?:^ {{{_GUTTER},}}| {{{_GUTTER},}})(?=\S)", line)}


def _in_column(line: str, col: int, starts: set[int] | None = None) -> bool:
    """Whether a line has text at the column (or a list's indent into it) after a gutter."""
    starts = _column_starts(line) if starts is None else starts
    return any(col <= c <= col + _INDENT for c in starts) and not line[col - 1:col].strip()


def _two_column_block(lines: list[str], at: int) -> tuple[int, int, int] | None:
    """The two-column block that starts at line ``at``, as (end, column, lines at the column):
    a run of lines that each stay left of one column or start text there (or a list's indent
    into it) after a gutter, with enough lines at the column and no third column (a
    space-aligned table has several)."""
    starts = _column_starts(lines[at])
    for col in sorted(starts):
        if col < 15:
            continue
        end, at_col, others, without = at, 0, Counter(), 0
        while end < len(lines) and without < 4:
            line = lines[end].rstrip()
            here = _column_starts(line)
            if _in_column(line, col, here):
                # (a text box's right side, "... ║", is no column of words)
                at_col += bool(re.search(r"\w", line[col:]))
                others.update(c for c in here if not col <= c <= col + _INDENT)
                without = 0
            elif line.strip() and len(line) > col - 2:
                # text across the column: the block has ended, and the lines on the left just
                # above it at its indent, with no blank line between, are that text's heading
                # ("Dates for your diary" over the line across the page), not the column's
                indent = len(line) - len(line.lstrip())
                while end > at and lines[end - 1].strip() and not _in_column(lines[end - 1].rstrip(), col) \
                        and len(lines[end - 1]) - len(lines[end - 1].lstrip()) == indent:
                    end -= 1
                break
            else:
                without += bool(line.strip())  # four lines on the left only end it too
            end += 1
        while end > at and not lines[end - 1].strip():
            end -= 1  # blank lines after the block are the page's, not its columns'
        lefts = [ln[:col].strip() for ln in lines[at:end] if ln[:col].strip()]
        rights = [ln[col:].strip() for ln in lines[at:end] if ln[col:].strip()]
        labels = sum(left.endswith(":") for left in lefts)  # "Date published:   2024-02-29"
        # both columns run prose on from line to line ("... boy aged" / "4 with cerebral"): a
        # table's cells ("Judgement ... Grade", "Good") do not
        prose = all(sum(part[:1].islower() for part in side) >= 2 for side in (lefts, rights))
        if at_col >= _MIN_COLUMN_LINES and not any(n * 2 >= at_col for n in others.values()) \
                and labels * 2 < len(lefts) and prose:
            return end, col, at_col
    return None


def columns_as_text(text: str) -> str:
    """A page converted with ``pdftotext -layout`` whose text stands in two columns side by side
    (a poster, a briefing's two-column page): each block of two columns read as the left column
    and then the right one, as a reader reads it, instead of line by line across both (which
    runs the account into the learning mid-sentence).  Any other line stays as it is."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        block = _two_column_block(lines, i) if len(lines[i]) > 15 else None
        if block is None:
            out.append(lines[i])
            i += 1
            continue
        end, col, _ = block
        rows = [ln.rstrip() for ln in lines[i:end]]
        out += [ln[:col].rstrip() for ln in rows] + [""] + [ln[col:].strip() for ln in rows]
        i = end
    return "\n".join(out)
