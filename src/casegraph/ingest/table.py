"""Pages that list reviews as a table, one row per review (a partnership's "published reviews").

A row's cells are read by what their column header says (name, type, published, area, summary,
learning, recommendations); link columns are dropped.  Each cell keeps its offsets in the
source, so evidence found in a summary cell points at the page's own characters.  Pipe tables
(Markdown, or text copied from a web page) and tab-separated rows are both read.
"""

from __future__ import annotations

import re

from casegraph.core.places import default_gazetteer
from casegraph.core.textspan import Span
from casegraph.ingest.parse import (
    ADULT_REVIEW,
    PAGE_DATE,
    PIPE_RULE,
    YEAR,
    Entry,
    Item,
    Line,
    Section,
    an_audit,
    fill_sections,
    keyword_items,
    month_num,
    no_recommendations,
    not_commissioned,
    split_inline_labels,
    split_items,
)
from casegraph.ingest.sources import SourceText

#: Column header -> the field it fills.  The first header pattern that matches wins.
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("link", re.compile(r"^(?:link|links|report|download|documents?|files?|read)\b", re.I)),
    # (session 76) a register's "Keywords" (its "; "-separated subject terms)
    ("keywords", re.compile(r"^(?:key\s*words?|tags|subjects?|subject\s+terms)$", re.I)),
    # a count ("No. of recs", "Number of recommendations"): the items are not in the table
    ("count", re.compile(r"^(?:no\.?|number|count|total)\b(?:\s+of\b)?", re.I)),
    # the child's age, sex and the date of the harm (a tracker's columns: extract.stated)
    ("age", re.compile(r"\bage\b", re.I)),
    ("sex", re.compile(r"\b(?:sex|gender)\b", re.I)),
    ("incident", re.compile(r"\b(?:incident|death|harm|injury)\b.*\b(?:date|when|month)\b|"
                            r"\b(?:date|when|month)\b.*\b(?:incident|death|harm|injury)\b", re.I)),
    # (session 45) a register's "Ref" holds the review's type in its reference ("CMR 21/04")
    ("type", re.compile(r"\b(?:type|model|method)\b|^ref(?:erence)?\.?$", re.I)),
    ("published", re.compile(r"\b(?:pub|published|publication|date|year)\b", re.I)),
    ("area", re.compile(r"\b(?:area|location|partnership|local authority|board|region)\b", re.I)),
    ("learning", re.compile(r"\b(?:learn\w*|lessons?|findings)\b", re.I)),
    ("recommendations", re.compile(r"\brecommendations?\b", re.I)),
    ("summary", re.compile(r"\b(?:summary|description|details|about|overview|what happened)\b",
                           re.I)),
    # what the review found in the family ("Factors identified", "Concerns"): the account too
    ("background", re.compile(r"\b(?:factors|concerns|vulnerabilit\w*|background|history)\b",
                              re.I)),
    ("name", re.compile(r"\b(?:name|review|child|pseudonym|title|case)\b", re.I)),
]
#: A name cell that opens with the review's line, "Name – Area – type (year).", then a summary.
_DESCRIBED = re.compile(r"^(?P<head>[^.]{3,100}?\([^()]*\b\d{4}\)|[^.]{3,100}?)\.\s+(?=[A-Z])")
_BRACKETED = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\((?P<what>[^()]*\breview\b[^()]*)\)\s*$", re.I)
#: A name cell that goes on with the review's type or date after a dash:
#: "Child E — LCSPR, published July 2023".
_NAME_THEN_TYPE = re.compile(r"^(?P<name>[^–—|]{2,40}?)\s+[–—]\s+(?P<rest>[^–—]*\b(?:review|LCSPR|C?SPR|SCR|"
                             r"CPR|CMR|published)\b[^–—]*)$", re.I)
#: Columns whose cell is a section of the entry, by the section kind it is.
_SECTION_OF = {"type": "model", "learning": "learning", "recommendations": "recommendations",
               "background": "background", "age": "age", "sex": "sex", "incident": "incident",
               "keywords": "keywords"}
#: Kinds whose cell is split into items.
_LISTS = ("learning", "recommendations")


#: A name cell's own publication date: "CMR - Child F (SBNI, published May 2023)".
_PUBLISHED_IN_NAME = re.compile(r"\bpublished\s+(?:in\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b")


def _cells(line: Line) -> list[Line] | None:
    """A row's cells as lines of their own (offsets kept), or None if the line is not a row."""
    text = line.text
    sep = "|" if text.startswith("|") and text.count("|") >= 3 else "\t" if "\t" in text else None
    if sep is None:
        return None
    out: list[Line] = []
    at = 0
    inner = text[1:-1] if sep == "|" and text.endswith("|") else text[1:] if sep == "|" else text
    base = 1 if sep == "|" else 0
    for raw in inner.split(sep):
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(raw.strip(), line.start + base + at + lead, line.number, False))
        at += len(raw) + 1
    return out


def _column(header: str) -> str | None:
    """The field a column fills, by its header's words (a database's "PubYear", "KeyLearning"
    and "AgeAtIncident" are read as "Pub Year", "Key Learning" and "Age At Incident")."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header)
    return next((field for field, rx in _COLUMNS if rx.search(words)), None)


def _preferred(fields: list[str | None], header: list[Line], first: list[Line] | None = None,
               ) -> list[str | None]:
    """Of several date columns ("Decision date", "Date published"), the one that says
    "publish" is the publication date; the others are dropped.  (Session 46) Beside a column
    that names the child ("| Ref | Child | What happened | Review | Published |"), a column
    headed "Review" whose ``first`` row's cell is a review's kind ("Local Child Safeguarding
    Practice Review") holds the kind; one that names the review ("Baby H") is its name."""
    dates = [i for i, f in enumerate(fields) if f == "published"]
    said = [i for i in dates if re.search(r"publi", header[i].text, re.I)]
    fields = [None if i in dates and said and i not in said else f for i, f in enumerate(fields)]
    named = any(f == "name" and re.fullmatch(r"child|case|pseudonym|name", c.text, re.I)
                for f, c in zip(fields, header, strict=True))
    return ["type" if named and re.fullmatch(r"review", c.text, re.I) and first is not None and k < len(first)
            and re.search(r"\breview\b", first[k].text, re.I) else f
            for k, (f, c) in enumerate(zip(fields, header, strict=True))]


#: A heading over a table of reviews not finished yet ("Reviews in progress", "Reviews under
#: way", "Not yet published"): its rows name reviews with nothing of them to read.
_UNFINISHED = re.compile(r"\b(?:in\s+progress|under\s*way|ongoing|being\s+(?:scoped|undertaken)|"
                         r"not\s+yet\s+published)\b", re.I)


def _unfinished(lines: list[Line], i: int) -> bool:
    """Whether the table at line ``i`` stands under a heading that says its reviews are not
    finished: a short line of its own just above it, not a row nor a sentence ("Some reviews
    cannot be published while proceedings are ongoing." over a status table is no heading)."""
    above = lines[i - 1] if i > 0 else None
    return (above is not None and len(above.text) < 80 and _cells(above) is None
            and not above.text.rstrip().endswith(".") and bool(_UNFINISHED.search(above.text)))


def read_tables(source: SourceText, lines: list[Line]) -> list[Entry]:
    """One entry per row of every table on the page whose header has a name column (none under
    a heading that says its reviews are not finished)."""
    entries: list[Entry] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        if header is None:
            i += 1
            continue
        if len(header) > 2 and len({c.text for c in header}) == 1 and i + 1 < len(lines) \
                and _cells(lines[i + 1]) is not None:
            i += 1  # a title cell spanning the table ("SBNI Case Management Reviews - tracker"), over
            continue  # its header: saved from a spreadsheet, its one cell is in every column
        j = i + 1
        while j < len(lines) and _cells(lines[j]) is not None:
            j += 1
        body = [ln for ln in lines[i + 1:j] if not PIPE_RULE.match(ln.text)]
        fields = _preferred([_column(c.text) for c in header], header, _cells(body[0]) if body else None)
        if not _unfinished(lines, i) and not _counts_only(fields, body):
            entries += _table_entries(source, lines[i], header, fields, body)
        i = j
    return entries or _flattened(source, lines)


def _table_entries(source: SourceText, head: Line, header: list[Line], fields: list[str | None],
                   body: list[Line]) -> list[Entry]:
    """The entries of one table: a column per review (a comparison), or a row per review when
    the header has a name column."""
    if _transposed(header, body):
        return _column_entries(source, head, header, body)
    fields = _source_named(fields, header)
    if "name" not in fields or not body:
        return []
    rows = [e for e in (_row_entry(source, row, fields) for row in _rows(body, fields)) if e is not None]
    return _spanned_rows_merged(rows)


def _source_named(fields: list[str | None], header: list[Line]) -> list[str | None]:
    """A register of lessons names each lesson's review in its "Source" column, a library's
    export its child in its "Subject" column: with no other column of names, that column is
    the name."""
    if "name" in fields:
        return fields
    return ["name" if re.fullmatch(r"source|subject", c.text, re.I) else f
            for f, c in zip(fields, header, strict=True)]


#: A row that says it is about no review ("Not a case review. Audit of 40 discharges").
_NO_REVIEW = re.compile(r"\bnot\s+a\s+(?:case\s+|practice\s+)?review\b", re.I)


def _spanned_rows_merged(entries: list[Entry]) -> list[Entry]:
    """One entry per review in a table whose review cell spans several rows (a register with a
    row per lesson: the cell is repeated in each row when the page is read), its sections those
    of all its rows; and no entry for a row that says it is not a review, or names an audit."""
    out: list[Entry] = []
    for entry in entries:
        if any(_NO_REVIEW.search(s.span.text) for s in entry.sections) or an_audit(entry.heading):
            continue
        if out and out[-1].heading == entry.heading:
            known = {s.span.text for s in out[-1].sections}
            out[-1].sections += [s for s in entry.sections if s.span.text not in known]
        else:
            out.append(entry)
    return out


def _transposed(header: list[Line], body: list[Line]) -> bool:
    """Whether a table compares reviews side by side: one column per review, named in the
    header over an empty corner cell, and one row per field ("Type of review", "Published",
    "What happened"), three known fields at least."""
    if len(header) < 3 or header[0].text or not all(c.text for c in header[1:]):
        return False
    if all(default_gazetteer().lookup(c.text) for c in header[1:]):
        return False  # (session 46) "| | Renfrewshire | East Renfrewshire |": areas' statistics
    labels = [(_cells(ln) or [Line("", 0, 0, False)])[0].text for ln in body]
    return sum(_column(label) not in (None, "link") for label in labels) >= 3


def _column_entries(source: SourceText, head: Line, header: list[Line],
                    body: list[Line]) -> list[Entry]:
    """The entries of a comparison table, one per column: the column's header cell is its
    name, and each row's cell its field by the row's label; a row about the child ("The
    child") is part of its account, and a row of no known field ("Agencies involved") part of
    its background (a list of agencies is no list of keywords)."""
    out: list[Entry] = []
    rows = [_cells(ln) or [] for ln in body]
    for k, name in enumerate(header[1:], start=1):
        parts: dict[str, list[Line]] = {"name": [name]}
        for row in rows:
            if k < len(row) and row[k].text:
                field = _column(row[0].text)
                field = ("summary" if field in ("name", "link")
                         else "background" if field is None else field)
                parts.setdefault(field, []).append(row[k])
        entry = _entry_of(source, head, parts)
        if entry is not None:
            out.append(entry)
    return out


#: A flattened table's header cell: one to three words, no bullet, no full stop.
_HEADER_CELL = re.compile(r"^[A-Z][A-Za-z]*(?:\s[A-Za-z]+){0,2}$")
#: A flattened table's name cell: a pseudonym ("Child AA", "Baby M", "Ada", "'Sam'").
_NAME_CELL = re.compile(r"^(?:(?:Child|Baby|Children|Siblings?|Young person)\s+[A-Z][\w ,]{0,30}|"
                        r"[A-Z][a-z]{1,15}|[‘'“\"][A-Z][a-z]{1,15}[’'”\"])$")


def _flattened(source: SourceText, lines: list[Line]) -> list[Entry]:
    """A table saved from a web page one cell per line: a run of short header lines ("Review",
    "Published", "Summary"), then each row's cells on as many lines.  Rows are read while their
    name cell looks like a name (short, no full stop), two rows at least."""
    for i in range(len(lines)):
        fields: list[str] = []
        for ln in lines[i:i + 6]:
            field = _column(ln.text) if _HEADER_CELL.match(ln.text) else None
            if field is None or field in fields:
                break
            fields.append(field)
        if len(fields) < 2 or "name" not in fields or not {"summary", "published"} & set(fields):
            continue
        if _repeated_labels(lines, i, len(fields)):
            continue  # cards of label and value lines ("Type" / "SCR" / "Published" / ...)
        k, at, rows = len(fields), i + len(fields), []
        while at + k <= len(lines):
            row = lines[at:at + k]
            name = row[fields.index("name")].text
            if not _NAME_CELL.match(name):
                break
            rows.append(row)
            at += k
        if len(rows) >= 2:
            out = [_entry_of(source, row[0], {f: [c] for f, c in zip(fields, row, strict=True)})
                   for row in rows]
            return [e for e in out if e is not None]
    return []


def _repeated_labels(lines: list[Line], i: int, k: int) -> bool:
    """Whether the ``k`` header lines from ``i`` come again further down: a table has its header
    once, while a page of cards repeats each label (title, "Type", its value, "Published", ...)
    in every card, which read as a table gives rows of labels and values out of step."""
    header = {ln.text for ln in lines[i:i + k]}
    return sum(ln.text in header for ln in lines[i + k:]) >= 2


def _rows(lines: list[Line], fields: list[str | None]) -> list[list[Line]]:
    """Table lines grouped into rows: a line whose name cell is empty continues the row above
    (a long cell wrapped onto the next table line when the page was saved as text)."""
    name_at = fields.index("name")
    rows: list[list[Line]] = []
    for line in lines:
        cells = _cells(line) or []
        empty_name = name_at >= len(cells) or not cells[name_at].text
        if empty_name and rows:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _row_cells(row: list[Line], fields: list[str | None]) -> dict[str, list[Line]]:
    """Each field's cells, one per table line of the row, in order (empty cells left out)."""
    by_field: dict[str, list[Line]] = {}
    for line in row:
        for field, cell in zip(fields, _cells(line) or [], strict=False):
            if field and cell.text:
                by_field.setdefault(field, []).append(cell)
    return by_field


def _counts_only(fields: list[str | None], body: list[Line]) -> bool:
    """Whether every row gives only figures beside its name ("| Child Q (2022) | 6 | 5 | 1 |"
    under "Review | Recommendations | Completed | In progress"): a tracker of earlier reviews'
    progress, whose rows tell of no review (session 47, devlocal88's annual report)."""
    rows = [cells for ln in body if (cells := _cells(ln)) is not None]
    if any(f not in (None, "name", "count", "recommendations", "learning") for f in fields):
        return False  # ("| Child A | 3 | 5 |" under "Name | Age | Recs": a review's age)
    return bool(rows) and len(fields) >= 3 and all(
        all(re.fullmatch(r"\d{1,3}\s*%?|[-–—]?", c.text.strip()) for c, f in zip(cells, fields, strict=False)
            if f != "name")
        for cells in rows)


def _no_child_review(parts: dict[str, list[Line]]) -> bool:
    """Whether a row names no child's published review: its type is an adult's review ("| Mr G
    | Adult Practice Review |", listed beside the children's), or its date column says it is
    not finished and no other cell tells of it ("| Child V | ... | In progress | – |"): nothing
    of it to read yet (a row whose summary says why it is delayed is kept, as the page's); or
    its type says none followed ("Rapid review (no LCSPR)", session 49); or (session 51) its
    type is a rapid review, with no date of publication and no learning or recommendation ("|
    RR-24-03 | Rapid review | – | ... the Panel's view is awaited. | – | – |")."""
    kinds, published = parts.get("type", []), next(iter(parts.get("published", [])), None)
    items = [ln for f in ("learning", "recommendations") for ln in parts.get(f, [])]
    # (a register with no such columns lists a rapid review's row as the labeller's review too)
    undecided = any(_RAPID_REVIEW.match(k.text) for k in kinds) and not (
        published is not None and re.search(YEAR, published.text)) and bool(items) and all(
        re.fullmatch(r"\W*", ln.text) for ln in items)
    return undecided or bool(any(ADULT_REVIEW.search(k.text) or not_commissioned(k.text) for k in kinds) or (
        published is not None and _UNFINISHED.search(published.text) and not re.search(YEAR, published.text)
        and "summary" not in parts))


#: A row's type that is a rapid review (or a notification), not a review that followed one.
_RAPID_REVIEW = re.compile(r"\s*(?:rapid\s+review|notification)\s*$", re.I)


def _row_entry(source: SourceText, row: list[Line], fields: list[str | None]) -> Entry | None:
    return _entry_of(source, row[0], _row_cells(row, fields))


def _cell_items(kind: str, span: Span) -> list[Item]:
    """A list column's cell as its points; (session 76) a "None recorded" recommendations cell as
    none, a keywords cell as its terms."""
    if kind == "recommendations" and no_recommendations(span.text):
        return []
    if kind == "keywords":
        return keyword_items(span)
    return split_items(span) if kind in _LISTS else []


def _entry_of(source: SourceText, row_line: Line, parts: dict[str, list[Line]]) -> Entry | None:
    """The entry of one table row from its cells by field (each cell keeps its offsets)."""
    by_field: dict[str, Line] = {f: cells[0] for f, cells in parts.items()}
    name = by_field.get("name")
    if name is None or _no_child_review(parts):
        return None
    body: list[Line] = []
    bracket = _BRACKETED.match(name.text)
    if bracket and "type" not in by_field:
        # "Child H (serious case review)": the name, and the review type in brackets
        parts["type"] = [Line(bracket["what"], name.start + bracket.start("what"), name.number,
                              False)]
        name = Line(bracket["name"], name.start, name.number, False)
    described = _DESCRIBED.match(name.text) if len(name.text) > 80 else None
    if described:
        # "Maya – Southampton – LCSPR (2023). Maya, 15, was admitted ...": a name cell that
        # begins with the review's line and goes on with its summary
        rest = described.end()
        parts.setdefault("summary", []).insert(
            0, Line(name.text[rest:].rstrip(), name.start + rest, name.number, False))
        bits = [b.strip() for b in re.split(r"\s+[–—-]\s+", described["head"])]
        if len(bits) >= 3 and "area" not in by_field:
            by_field["area"] = Line(bits[1], name.start + described["head"].index(bits[1]),
                                    name.number, False)
        if len(bits) >= 2 and "type" not in parts:
            at = described["head"].index(bits[-1])
            parts["type"] = [Line(bits[-1], name.start + at, name.number, False)]
        if "published" not in by_field and (year := re.search(YEAR, bits[-1])):
            by_field["published"] = Line(year.group(), name.start, name.number, False)
        name = Line(bits[0], name.start, name.number, False)
    said = _PUBLISHED_IN_NAME.search(name.text)
    if said and "published" not in by_field:
        # "CMR - Child F (SBNI, published May 2023)": the name cell gives the date
        by_field["published"] = Line(said.group(), name.start + said.start(), name.number, False)
    heading = name.text  # the cell as published is the heading and title
    typed = _NAME_THEN_TYPE.match(name.text) if not described else None
    if typed:
        # "Child E — LCSPR, published July 2023": the name, then the review's type and date
        rest = Line(typed["rest"], name.start + typed.start("rest"), name.number, False)
        parts.setdefault("type", [rest])
        by_field.setdefault("published", rest)
        name = Line(typed["name"], name.start, name.number, False)
    entry = Entry(source=source, heading=heading, heading_kind="table", line=row_line.number,
                  start=name.start, title=heading, name=name.text)
    for cell in parts.get("summary", []):
        body.extend(split_inline_labels(cell))
    fill_sections(entry, body)
    for field, kind in _SECTION_OF.items():
        # the column header is the cell's label: the cell is that section, offsets unchanged
        cells = parts.get(field, [])
        if cells:
            span = Span.concat((Span.of(c.text, c.start) for c in cells), " ")
            items = _cell_items(kind, span)
            entry.sections.append(Section(kind, None, cells[0].number, [span], items))
            body.extend(cells)
    published = by_field.get("published")
    if published is not None:
        date = PAGE_DATE.search(published.text)
        year = re.search(YEAR, published.text)
        entry.year = int(date["year"]) if date else int(year.group()) if year else None
        entry.month = month_num(date["month"]) if date else None
    if "area" in by_field:
        entry.area = by_field["area"].text
    from casegraph.ingest.document import complete

    complete(entry, body)
    return entry if entry.sections else None
