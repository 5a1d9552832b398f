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
#: (session 78) How far left of the column's edge a line's text may start and still be the
#: column's: a slide's box set a little further left than the boxes above it ("Questions for
#: your team" two places left of "Learning" and "Recommendations").
_SLACK = 3


def _column_starts(line: str) -> set[int]:
    """Where text starts after a gutter of spaces in a line laid out by pdftotext -layout: after
    leading spaces, or after a run of :data:`_GUTTER` spaces inside it."""
    return {m.end() for m in re.finditer(rf"(?:^ {{{_GUTTER},}}| {{{_GUTTER},}})(?=\S)", line)}


def _in_column(line: str, col: int, starts: set[int] | None = None) -> bool:
    """Whether a line has text at the column (or a list's indent into it, or a little left of
    its edge) after a gutter."""
    near = _near(line, _column_starts(line) if starts is None else starts, col)
    return bool(near) and (min(near) < col or not line[col - 1:col].strip())


def _near(line: str, starts: set[int], col: int) -> list[int]:
    """The starts of text that stand at the column: at its edge, indented into it, or a little
    left of it when that text is a word and the line's last (a page's foot, "SBNI slides
    Invented test data    2 / 3", has a third part to its right, and ends the block; a BibTeX
    entry's "= {" under its abstract's wrapped lines is no column's)."""
    return [c for c in starts if col <= c <= col + _INDENT
            or (col - _SLACK <= c < col and c == max(starts) and line[c:c + 1].isalnum())]


def _split_at(line: str, col: int) -> int:
    """Where a line of a two-column block parts: where its right column's text starts, when
    that is left of the column's edge, else at the edge."""
    near = [c for c in _near(line, _column_starts(line), col) if c < col]
    return min(near) if near else col


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
                others.update(c for c in here if not col - _SLACK <= c <= col + _INDENT)
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
        if without >= 4 and runs_on(lines[end - 1]):
            # (session 78) unless the left column's sentence runs on below the right one's end
            # (a bulletin's account beside a short sidebar): the column goes on to its end
            while end < len(lines) and len(lines[end].rstrip()) < col - 2:
                end += 1
        while end > at and not lines[end - 1].strip():
            end -= 1  # blank lines after the block are the page's, not its columns'
        halves = [(ln[:cut].strip(), ln[cut:].strip())
                  for ln in lines[at:end] for cut in [_split_at(ln, col)]]
        lefts = [left for left, _ in halves if left]
        rights = [right for _, right in halves if right]
        labels = sum(left.endswith(":") for left in lefts)  # "Date published:   2024-02-29"
        # both columns run prose on from line to line ("... boy aged" / "4 with cerebral"): a
        # table's cells ("Judgement ... Grade", "Good") do not
        prose = all(sum(part[:1].islower() for part in side) >= 2 for side in (lefts, rights))
        if at_col >= _MIN_COLUMN_LINES and not any(n * 2 >= at_col for n in others.values()) \
                and labels * 2 < len(lefts) and prose:
            return end, col, at_col
    return None


#: (session 85) A row of two section labels set side by side over a table's two cells (a w3m or
#: lynx dump of a summary's "Learning | Recommendations" table): the second label's column is
#: where every row below parts, even where a cell's text comes within one space of it.
_SECTION_LABEL = (r"(?:key\s+)?(?:learning(?:\s+points)?|findings|recommendations|actions|"
                  r"lessons(?:\s+learned)?|what\s+we\s+(?:learned|found)|what\s+happened|summary|background)")
_LABEL_ROW = re.compile(rf"^(?P<left>\s{{0,4}}{_SECTION_LABEL}:?)(?P<gap>\s{{3,}})"
                        rf"(?P<right>{_SECTION_LABEL}:?)\s*$", re.I)
#: (session 85) How many lines a heading set in a page's left margin may take, beside the text
#: column it heads (a WeasyPrint digest's "Significant Case" / "Review: Child P").
_MARGIN_HEADING_LINES = 3


def _label_columns(lines: list[str], at: int) -> tuple[int, list[str]] | None:
    """The table under a row of two section labels at line ``at``, read as its left column and
    then its right one: (the line after it, its lines), or None.  The table ends at a line
    whose text crosses the second label's column, at two blank lines, or at a blank line before
    a line that starts at the margin (the page's next part)."""
    m = _LABEL_ROW.match(lines[at])
    if m is None:
        return None
    col = m.end("gap")
    lefts, rights = [m["left"].strip()], [m["right"].strip()]
    end = at + 1
    while end < len(lines):
        line = lines[end].rstrip()
        if not line.strip():
            after = lines[end + 1] if end + 1 < len(lines) else ""
            if not after.strip() or (after[:1].strip() and end > at + 1):
                break
        elif len(line) > col and line[col - 1] != " ":
            break  # text across the column: the page goes on below the table
        lefts.append(line[:col].rstrip())
        rights.append(line[col:].strip())
        end += 1
    if sum(bool(r) for r in rights) < 2 or sum(bool(left.strip()) for left in lefts) < 2:
        return None
    return end, [*_left_lines(lefts), "", *[r for r in rights if r]]


def _margin_headings(lines: list[str], at: int) -> tuple[int, list[str]] | None:
    """(session 85) A block whose headings stand in the page's left margin beside the text
    column they head, as WeasyPrint lays out a digest ("Significant Case" beside "Highland ...
    published 2018", then "Review: Child P" alone, then the account in the column): (the line
    after it, its lines, each heading a line of its own over its column's lines), or None.  The
    block starts at a heading beside the column's text (15 places in or more); it needs six of
    the column's lines, headings that wrap (two or three lines, the last alone in the margin)
    and start with a capital and end on no stop, and no text elsewhere.  It gives up at the
    first line or heading that is none of these, so a long table is never walked twice."""
    starts = _column_starts(lines[at])
    if not lines[at][:4].strip() or len(starts) != 1 or min(starts) < 15:
        return None
    col = min(starts)
    out: list[str] = []
    heading: list[str] = []
    beside: list[str] = []  # the column's lines beside the heading
    heads = 0
    end = at
    for end in range(at, len(lines) + 1):
        line = lines[end].rstrip() if end < len(lines) else None
        lead = len(line) - len(line.lstrip()) if line else 0
        margin = line is not None and line.strip() != "" and lead <= 3 and (
            len(line) < col - 2 or any(col - _SLACK <= c <= col + _INDENT for c in _column_starts(line)))
        if heading and not margin:
            # (a heading wraps: its last line stands alone in the margin, as a table's label,
            # a timeline's date and a sidebar's cell, one line beside their text, do not)
            if len(heading) < 2 or beside[-1]:
                return None
            heads += 1
            out += ["", " ".join(heading), "", *beside]
            heading, beside = [], []
        if line is None:
            break
        if margin:
            cut = _split_at(line, col) if len(line) >= col - 2 else len(line)
            left = line[:cut].strip()
            if "|" in left or len(heading) == _MARGIN_HEADING_LINES \
                    or (not heading and not left[:1].isupper()) \
                    or (left.endswith((".", ",", ";", ":")) and not left.endswith(("Review:", "review:"))):
                return None
            heading.append(left)
            beside.append(line[cut:].strip())
        elif not line.strip():
            out.append("")
        elif col - _SLACK <= lead <= col + _INDENT:
            out.append(line.strip())
        else:
            break
    while out and not out[-1]:
        out.pop()
    while end > at and not lines[end - 1].strip():
        end -= 1
    if not heads or sum(1 for ln in out if ln) - heads < _MIN_COLUMN_LINES:
        return None
    return end, out


#: (session 86) A printed spreadsheet's header row (a tracker printed to PDF by LibreOffice Calc
#: or Excel): five or more short column names set apart by gutters, three of them a review
#: register's ("Ref", "Review", "Type", "Area", "Published", "Learning", "Status", ...).
_HEADER_WORDS = re.compile(r"^(?:ref(?:erence)?|review|name|child|type|area|published|date|year|"
                           r"summary|what\s+happened|background|learning|lessons|findings|"
                           r"recommendations?|actions?|status|progress|outcome)$", re.I)
_MIN_TABLE_COLUMNS = 5
#: How far from its column's edge a cell's text may start (pdftotext's and pypdf's placing).
_CELL_SLACK = 2
#: Blank lines a printed table's rows may have between them (a tall row's padding).
_ROW_GAP = 4
#: A page's foot under a printed table: "Page 1 of 2".
_PAGE_FOOT = re.compile(r"^\s*(?:page\s+)?\d+\s*(?:of|/)\s*\d+\s*$", re.I)


def _segments(line: str) -> list[tuple[int, str]]:
    """A laid-out line's runs of words (parted by two spaces or more), with where each starts."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _printed_table(lines: list[str], at: int) -> tuple[int, list[str]] | None:
    """(session 86) A spreadsheet printed as a table at line ``at`` (its header row), read as
    its rows, one line each, cells parted by tabs (as a tab-separated export is, and read as
    one by the table reader): (the line after it, its lines), or None.  A row starts where its
    first column has words, and a cell's wrapped lines are joined.  The table ends at a line
    whose words start at no column's edge, at a page's foot or after :data:`_ROW_GAP` blank
    lines.  Read line by line across, a row's "What happened" had run into its "Learning"
    mid-sentence, and the rows were one entry."""
    header = _segments(lines[at])
    if len(header) < _MIN_TABLE_COLUMNS or sum(bool(_HEADER_WORDS.match(words)) for _, words in header) < 3 \
            or any(len(words.split()) > 3 or len(words) > 30 for _, words in header):
        return None
    edges = [start for start, _ in header]
    placed: list[list[tuple[int, str]] | None] = []  # each line's (column, words), None if blank
    end, blanks = at + 1, 0
    while end < len(lines) and blanks <= _ROW_GAP:
        line = lines[end]
        segments = _segments(line)
        columns = [next((k for k, e in enumerate(edges) if abs(start - e) <= _CELL_SLACK), -1)
                   for start, _ in segments]
        if _PAGE_FOOT.match(line) or -1 in columns:
            break  # (words at no column's edge: the page goes on below the table)
        blanks = 0 if segments else blanks + 1
        placed.append([(k, words) for k, (_, words) in zip(columns, segments, strict=True)] or None)
        end += 1
    rows = _table_rows(placed, edges)
    if rows is None or len(rows) < 2 or any(sum(bool(cell) for cell in row) < 3 for row in rows):
        return None
    return end - blanks, ["\t".join(words for _, words in header),
                          *("\t".join(" ".join(cell) for cell in row) for row in rows), ""]


def _table_rows(placed: list[list[tuple[int, str]] | None], edges: list[int]) -> list[list[list[str]]] | None:
    """A printed table's rows of cells (each its lines' words) from its lines' runs of words
    by the column each starts at; None when the first line starts no row.  A run longer than
    its column is two cells' words set one space apart (the layout writer joins runs that
    close): it is parted where the column's other lines end at the longest (:func:`_parted`)."""
    def fits(column: int, words: str) -> bool:
        return column + 1 == len(edges) or len(words) < edges[column + 1] - edges[column]

    widest = [max((len(words) for line in placed if line for k, words in line
                   if k == column and fits(k, words)), default=0) for column in range(len(edges))]
    rows: list[list[list[str]]] = []
    for line in placed:
        for column, words in line or []:
            if column == 0:
                rows.append([[] for _ in edges])
            elif not rows:
                return None
            for k, part in _parted(column, words, edges, widest):
                rows[-1][k].append(part)
    return rows


def _parted(column: int, words: str, edges: list[int], widest: list[int]) -> list[tuple[int, str]]:
    """A run of words at ``column`` as the columns' parts it holds: while it is longer than its
    column, the words that fit the column's widest other line are its, and the rest the next
    column's."""
    parts: list[tuple[int, str]] = []
    while column + 1 < len(edges) and len(words) >= edges[column + 1] - edges[column]:
        room = widest[column] or edges[column + 1] - edges[column] - 2
        cut = words.rfind(" ", 0, room + 1)
        if cut <= 0:
            break
        parts.append((column, words[:cut]))
        column, words = column + 1, words[cut + 1:]
    return [*parts, (column, words)]


def columns_as_text(text: str) -> str:
    """A page converted with ``pdftotext -layout`` whose text stands in two columns side by side
    (a poster, a briefing's two-column page): each block of two columns read as the left column
    and then the right one, as a reader reads it, instead of line by line across both (which
    runs the account into the learning mid-sentence).  Any other line stays as it is."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if (table := _label_columns(lines, i) or _margin_headings(lines, i)
                or _printed_table(lines, i) or _fact_box(lines, i)) is not None:
            out += table[1]
            i = table[0]
            continue
        block = _two_column_block(lines, i) if len(lines[i]) > 15 else None
        if block is not None and i + 1 < len(lines) and (later := _two_column_block(lines, i + 1)) \
                and later[0] > block[0]:
            # (session 80) a line across both columns just above them (a fact box's "Trust
            # area: ...   Published: ...") set the column's edge at its own second cell, and
            # the column ended at the first list item indented past that edge: the columns
            # start under it
            block = None
        if block is None:
            out.append(lines[i])
            i += 1
            continue
        end, col, _ = block
        rows = [ln.rstrip() for ln in lines[i:end]]
        cuts = [_split_at(ln, col) for ln in rows]
        out += _left_lines([ln[:cut].rstrip() for ln, cut in zip(rows, cuts, strict=True)]) + [""] \
            + [ln[cut:].strip() for ln, cut in zip(rows, cuts, strict=True)]
        i = end
    return "\n".join(out)


#: (session 87) A fact box set beside a review's account in a PDF (pdfmake's "At a glance"
#: column: "Type: ...", "Area: ...", "Published: ..."): its title, or one of its fields.
_BOX_TITLE = re.compile(r"^(?:at a glance|key facts|fast facts|quick facts|in brief|review details|"
                        r"about (?:the|this) review)$", re.I)
_BOX_FIELD = re.compile(r"^(?-i:[A-Z])[A-Za-z ]{1,25}:\s+\S")
#: The most lines a fact box and the account beside it span, and the longest of its lines.
_BOX_SPAN, _BOX_WIDTH = 24, 45


def _fact_box(lines: list[str], at: int) -> tuple[int, list[str]] | None:
    """(session 87) A narrow box of a review's fields printed beside its account, from line
    ``at`` where the box's title stands right of the account's first line: (the line after the
    account's paragraph beside it, the box's lines and then the account's), or None.  Read
    across, the box's "Area: Flintshire" had stood on the account's "What we learned" line,
    and no learning was found; read first, its fields are the review's, under its heading.  The
    box needs two fields; the account's lines beside it stop short of its column."""
    starts = _column_starts(lines[at])
    if len(starts) != 1 or (col := min(starts)) < 40 or not lines[at][:col].strip() \
            or not _BOX_TITLE.match(lines[at][col:].strip()):
        return None
    lefts, rights, last = [], [], at
    for n in range(at, min(len(lines), at + _BOX_SPAN)):
        line = lines[n].rstrip()
        if len(line) < col - 2:
            lefts.append(line)
            if sum(bool(ln.strip()) for ln in lefts[last + 1 - at:]) >= 4:
                break  # (four of the account's lines below the box's last: it has ended)
            continue
        near = [c for c in _column_starts(line) if col - _SLACK <= c <= col + 2]
        if not near or len(line[min(near):].strip()) > _BOX_WIDTH \
                or (n > at and _BOX_TITLE.match(line[min(near):].strip())):
            break  # (text across the box's column, or the next review's box: this one ended)
        lefts.append(line[:min(near)].rstrip())
        rights.append(line[min(near):].strip())
        last = n
    if sum(bool(_BOX_FIELD.match(r)) for r in rights) < 2:
        return None
    lefts, end = lefts[:last + 1 - at], last + 1
    # (the account's paragraph runs on below the box: "... when the" / "" / "family's ...")
    while end < len(lines) and (lines[end].strip() or (
            runs_on(lefts[-1]) and end + 1 < len(lines) and lines[end + 1].strip()[:1].islower())):
        lefts.append(lines[end].rstrip())
        end += 1
    return end, [*_box_lines(rights), "", *_left_lines(lefts)]


def _box_lines(rights: list[str]) -> list[str]:
    """A fact box's lines, a field's value that wrapped ("Type: Concise child practice" over
    "review") joined to its field."""
    out: list[str] = []
    for r in rights:
        if out and r and not _BOX_FIELD.match(r) and r[:1].islower():
            out[-1] += " " + r
        elif r:
            out.append(r)
    return out


def runs_on(line: str) -> bool:
    """Whether a line's sentence goes on to the next line: it ends on a word, not a stop."""
    return bool(line.strip()) and not line.rstrip().endswith((".", "!", "?", ":", ";"))


def _left_lines(lefts: list[str]) -> list[str]:
    """(session 78) A left column's lines without the blank rows that stand only for the right
    column's lines beside it, inside a sentence: "... admitted to hospital in May" and "2023
    with a spiral fracture ..." were a paragraph apart where a sidebar's heading stood."""
    out: list[str] = []
    for n, line in enumerate(lefts):
        if not line.strip() and out and runs_on(out[-1]):
            after = next((ln.strip() for ln in lefts[n + 1:] if ln.strip()), "")
            if after[:1].islower() or after[:1].isdigit():
                continue
        out.append(line)
    return out
