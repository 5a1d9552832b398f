"""Files saved by the tools a review team or a researcher works in, as the HTML (or Markdown) a
reader of the file in its own tool would see; :mod:`casegraph.ingest.sources` then reads it as
any page:

- a CherryTree notebook (``.ctd``: a researcher's reading notes, a node a review), whose node
  names are its headings and whose text is split into styled runs;
- a GanttProject plan (``.gan``: a business unit's review programme), whose tasks carry the
  summaries agreed for the website in their notes and the review's type and count of
  recommendations in custom columns;
- an annotation tool's document in UIMA CAS XMI (``.xmi``: INCEpTION's or WebAnno's export of
  summaries being coded), whose text is one attribute and whose annotations are offsets into it;
- an ELAN transcript (``.eaf``: a podcast or a recorded learning event), whose speakers' words
  are time-aligned annotations on tiers, and whose topic tier names each part of the talk;
- an Anki deck package (``.apkg``: a trainer's flash cards on local reviews), an SQLite
  collection in a zip whose notes keep their fields in one column, parted by a control byte;
- a Joplin export (``.jex``: a researcher's extraction notebook), a tar of Markdown notes each
  ending in a block of metadata, notebooks and tags among them as items of their own.

Why a module of their own: each keeps its words where a generic XML reader does not look (an
attribute, a node's name, a time slot's order), or beside bookkeeping that looks like words (a
plan's milestones, an annotation layer's labels, a transcript's media and time slots).  Read as
plain XML, the reviews' headings were lost and the words came out of order.
"""

from __future__ import annotations

import bisect
import html
import io
import json
import re
import sqlite3
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator

from casegraph.core.errors import one_line
from casegraph.ingest.binaries import PACKAGE_ERRORS, package_member, tar_members, zstd_unpacked
from casegraph.ingest.interchange import element_words, html_table, lines_html, local_name, trimmed_lines

ANKI_SUFFIXES = {".apkg", ".colpkg"}
JOPLIN_SUFFIXES = {".jex"}

# ------------------------------------------------------------------------------- CherryTree


def cherrytree_html(root: ET.Element) -> str | None:
    """A CherryTree notebook (``.ctd``) as HTML, or None for other XML: each node's name a
    heading one level below its parent's, over its tags and the node's own text, tables and code
    boxes, then the nodes under it.  A run of text styled as a heading (``scale="h2"``) is a
    heading under its node's; the other runs are one text, split into blocks at blank lines."""
    if root.tag != "cherrytree":
        return None
    return "\n".join(_cherry_node(node, 1) for node in root if node.tag == "node")


def _cherry_node(node: ET.Element, depth: int) -> str:
    """One node and the nodes under it (see :func:`cherrytree_html`)."""
    out = [_heading(node.get("name") or "", depth)]
    if tags := (node.get("tags") or "").split():  # (space-separated: "neglect rural home-education")
        out.append(f"<p>Tags: {html.escape(', '.join(tags))}</p>")
    for kind, words in _cherry_parts(node):
        if kind == "heading":
            out.append(_heading(words, depth + 1))
        elif kind == "text":
            out += [f"<div>{lines_html(block)}</div>" for block in _blocks(words)]
        else:  # (a table's or a code box's markup)
            out.append(words)
    out += [_cherry_node(child, depth + 1) for child in node if child.tag == "node"]
    return "\n".join(out)


def _cherry_parts(node: ET.Element) -> Iterator[tuple[str, str]]:
    """A node's own content in reading order, as ("heading" | "text" | "html", words).

    CherryTree saves a node's anchored objects (tables, code boxes, images) after its text runs,
    each with the offset in the node's text where it sits; each object takes one character of
    that text, so the n-th object's place in the runs' text is its offset less n."""
    runs: list[tuple[str, str]] = []
    for element in (e for e in node if e.tag == "rich_text"):
        kind = "heading" if re.fullmatch(r"h[1-6]", element.get("scale") or "") else "text"
        if kind == "text" and runs and runs[-1][0] == "text":  # (a bold or linked run: one text)
            runs[-1] = ("text", runs[-1][1] + (element.text or ""))
        else:
            runs.append((kind, element.text or ""))
    objects = sorted((int(e.get("char_offset") or 0), n, e) for n, e in enumerate(node)
                     if e.tag in ("table", "codebox"))
    placed = [(offset - n, _cherry_object(e)) for n, (offset, _, e) in enumerate(objects)]
    at = 0
    for kind, words in runs:
        while placed and placed[0][0] < at + len(words):  # (an object inside this run)
            cut = max(placed[0][0] - at, 0)
            yield kind, words[:cut]
            yield "html", placed.pop(0)[1]
            words, at = words[cut:], at + cut
        yield kind, words
        at += len(words)
    yield from (("html", markup) for _, markup in placed)


def _cherry_object(element: ET.Element) -> str:
    """A CherryTree table (its header row saved last) or code box, as HTML."""
    if element.tag == "codebox":
        return f"<div>{lines_html(element.text or '')}</div>"
    rows = [[html.escape(element_words(cell)) for cell in row if cell.tag == "cell"]
            for row in element if row.tag == "row"]
    return html_table(rows[-1:] + rows[:-1], header_rows=1) if rows else ""


# ----------------------------------------------------------------------------- GanttProject


def gantt_html(root: ET.Element) -> str | None:
    """A GanttProject plan (``.gan``) as HTML, or None for other XML: the project's name and
    description, then each task with notes a heading over its custom columns ("Review type:
    LCSPR", "Recs: 6") and its notes, the tasks under it one level down.  A task with no notes
    of its own or below it is a step of the schedule (a milestone, "terms of reference
    agreed"), not words about a review; dates, resources and allocations are the schedule."""
    if root.tag != "project" or root.find("tasks") is None:
        return None
    tasks = root.find("tasks")
    columns = {p.get("id"): p.get("name") or "" for p in tasks.iter("taskproperty")
               if p.get("type") == "custom"}
    out = [_heading(root.get("name") or "", 1)]
    out += [f"<div>{lines_html(b)}</div>" for b in _blocks(_kept_lines(root.find("description")))]
    out += [_gantt_task(task, columns, 2) for task in tasks if task.tag == "task"]
    return "\n".join(part for part in out if part)


def _gantt_task(task: ET.Element, columns: dict[str | None, str], depth: int) -> str:
    """One task and the tasks under it, or "" for a step of the schedule (see :func:`gantt_html`)."""
    inner = [_gantt_task(t, columns, depth + 1) for t in task if t.tag == "task"]
    notes = _kept_lines(task.find("notes"))
    if not notes and not any(inner):
        return ""
    fields = [f"<p>{html.escape(columns[p.get('taskproperty-id')])}: {html.escape(value)}</p>"
              for p in task if p.tag == "customproperty" and p.get("taskproperty-id") in columns
              and (value := (p.get("value") or "").strip())]
    blocks = [f"<div>{lines_html(b)}</div>" for b in _blocks(notes)]
    return "\n".join([_heading(task.get("name") or "", depth), *fields, *blocks, *filter(None, inner)])


# -------------------------------------------------------------------------------- UIMA CAS XMI

CAS = "http:///uima/cas.ecore"


def cas_xmi_text(root: ET.Element) -> str | None:
    """A UIMA CAS in XMI (``.xmi``: a document exported from INCEpTION, WebAnno or DKPro) as its
    text, or None for other XML: the ``sofaString`` of each text view (``cas:Sofa``).  Its
    annotations (sentences, tokens, a coder's labels and comments) are offsets into that text
    and words about it, not the document's words."""
    if local_name(root.tag) != "xmi":
        return None
    texts = [s.get("sofaString") or "" for s in root.iter(f"{{{CAS}}}Sofa")
             if (s.get("mimeType") or "text").startswith("text") and (s.get("sofaString") or "").strip()]
    return "\n\n".join(texts) if texts else None


# ------------------------------------------------------------------------------------- ELAN


def elan_html(root: ET.Element) -> str | None:
    """An ELAN transcript (``.eaf``) as HTML, or None for other XML: every time-aligned
    annotation in the order it was spoken, whatever its tier (a speaker each), a paragraph each.
    A tier whose every annotation spans two or more others' (a "Topic" or "Section" tier) names
    the parts of the talk: its annotations are headings over them.  Dependent tiers (a
    translation, a gloss: ``REF_ANNOTATION``) and speakers' names are left out: the one repeats
    words, the other is no part of what was said."""
    if root.tag != "ANNOTATION_DOCUMENT":
        return None
    times = {s.get("TIME_SLOT_ID"): int(s.get("TIME_VALUE") or 0) for s in root.iter("TIME_SLOT")
             if (s.get("TIME_VALUE") or "").isdigit()}
    tiers = [[(times.get(a.get("TIME_SLOT_REF1"), 0), times.get(a.get("TIME_SLOT_REF2"), 0),
               element_words(a))
              for a in tier.iter("ALIGNABLE_ANNOTATION")] for tier in root.iter("TIER")]
    starts = sorted(start for tier in tiers for start, _, _ in tier)
    topics = {n for n, tier in enumerate(tiers) if tier and _names_parts(tier, starts)}
    said = sorted((start, 0 if n in topics else 1, n, words)
                  for n, tier in enumerate(tiers) for start, _, words in tier if words)
    return "\n".join(_heading(words, 2) if heading == 0 else f"<p>{html.escape(words)}</p>"
                     for _, heading, _, words in said)


def _names_parts(tier: list[tuple[int, int, str]], starts: list[int]) -> bool:
    """Whether every annotation of a tier spans two or more annotations of the other tiers (see
    :func:`elan_html`): of every tier's sorted ``starts``, those in its time, less its own's."""
    own = sorted(start for start, _, _ in tier)

    def within(among: list[int], start: int, end: int) -> int:
        return bisect.bisect_left(among, end) - bisect.bisect_left(among, start)

    return all(within(starts, start, end) - within(own, start, end) >= 2 for start, end, _ in tier)


# --------------------------------------------------------------------------------- shared


def _kept_lines(element: ET.Element | None) -> str:
    """An element's text with its lines kept ("" for none): notes typed in a tool's box."""
    return "" if element is None else "".join(element.itertext())


def _blocks(text: str) -> list[str]:
    """Text's blocks, split at its blank lines, each block's lines trimmed."""
    return [b for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if (b := trimmed_lines(block))]


def _heading(words: str, level: int) -> str:
    """A heading at ``level`` (h1 to h6; deeper levels are h6), or "" for no words."""
    words = " ".join(words.split())
    tag = f"h{min(level, 6)}"
    return f"<{tag}>{html.escape(words)}</{tag}>" if words else ""


# ------------------------------------------------------------------------------------- Anki
#: A package's collection, newest format first: Anki 2.1.50 on compresses it with Zstandard
#: (``collection.anki21b``) and adds a ``collection.anki2`` that only asks for a newer Anki;
#: "Support older Anki versions" writes ``collection.anki21`` or ``collection.anki2``.
_ANKI_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
#: A cloze deletion in a field ("{{c1::rapid review::what kind?}}"): its answer is the text.
_ANKI_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.S)
#: A sound or a picture in a field ("[sound:intro.mp3]"): a file of the package, no words.
_ANKI_MEDIA = re.compile(r"\[sound:[^\]]*\]")


def anki_html(data: bytes) -> str:
    """An Anki deck package (``.apkg``) as HTML, as the deck's browser shows it: each deck's
    name a heading (its "::" path as " – "), and under it each note in the order it was made,
    its first field a heading, its second (a card's back) as written, its other fields with
    their names ("Source: ..."), its tags as a "Tags:" line.  Cards, reviews and scheduling
    are the learner's history, not the deck's words.  ValueError with the reason for a package
    with no collection or a damaged one."""
    collection = _anki_collection(data)
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(collection)
        con.execute("PRAGMA query_only = ON")
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        fields, decks = _anki_fields(con, tables), _anki_decks(con, tables)
        notes = con.execute("SELECT n.id, n.mid, n.tags, n.flds, MIN(c.did) FROM notes n "
                            "LEFT JOIN cards c ON c.nid = n.id GROUP BY n.id ORDER BY n.id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"damaged Anki collection ({exc})") from None
    finally:
        con.close()
    out: list[str] = []
    deck = None
    for _, model, tags, flds, did in notes:
        if decks.get(did) != deck and (deck := decks.get(did)):
            out.append(f"<h1>{html.escape(deck)}</h1>")
        out.append(_anki_note(fields.get(model, []), str(flds).split("\x1f"), str(tags).split()))
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def _anki_collection(data: bytes) -> bytes:
    """The package's SQLite collection, unpacked (a Zstandard one decompressed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            name = next((n for n in _ANKI_COLLECTIONS if n in names), None)
            if name is None:
                raise ValueError("no collection in the package (collection.anki2, .anki21 or .anki21b): "
                                 "is it an Anki deck?")
            collection = package_member(package, name)
    except PACKAGE_ERRORS as exc:
        raise ValueError(f"damaged Anki package ({one_line(str(exc))})") from None
    if name.endswith("b"):
        collection = zstd_unpacked(collection, "its collection")
    return collection


def _anki_fields(con: sqlite3.Connection, tables: set[str]) -> dict[int, list[str]]:
    """Each note type's field names in order: the ``fields`` table of a newer collection, else
    the note types' JSON in the ``col`` row of an older one."""
    if "fields" in tables:
        out: dict[int, list[str]] = {}
        for model, name in con.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
            out.setdefault(int(model), []).append(str(name))
        return out
    row = con.execute("SELECT models FROM col").fetchone()
    models = _anki_json(row[0] if row else "{}")
    return {int(k): [str(f.get("name", "")) for f in m.get("flds", []) if isinstance(f, dict)]
            for k, m in models.items() if isinstance(m, dict) and str(k).lstrip("-").isdigit()}


def _anki_decks(con: sqlite3.Connection, tables: set[str]) -> dict[int, str]:
    """Each deck's name, its path's parts ("Safeguarding::Local reviews") parted by " – "; the
    deck every collection has, "Default", has no name worth a heading."""
    if "decks" in tables:  # (a newer collection parts a path's names by the unit separator)
        named = {int(i): str(n).replace("\x1f", "::") for i, n in con.execute("SELECT id, name FROM decks")}
    else:
        row = con.execute("SELECT decks FROM col").fetchone()
        named = {int(k): str(d.get("name", "")) for k, d in _anki_json(row[0] if row else "{}").items()
                 if isinstance(d, dict) and str(k).lstrip("-").isdigit()}
    return {i: " – ".join(n.split("::")) for i, n in named.items() if n and n != "Default"}


def _anki_json(raw: object) -> dict[str, object]:
    try:
        value = json.loads(str(raw or "{}"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"damaged Anki collection (its note types or decks: {exc.msg})") from None
    return value if isinstance(value, dict) else {}


def _anki_note(names: list[str], values: list[str], tags: list[str]) -> str:
    """One note as HTML: its first field a heading, its second as written, the rest named."""
    values = [_ANKI_MEDIA.sub("", _ANKI_CLOZE.sub(r"\1", v)).strip() for v in values]
    parts = [f"<h2>{values[0]}</h2>"] if values and values[0] else []
    if len(values) > 1 and values[1]:
        parts.append(f"<div>{values[1]}</div>")
    for k, value in enumerate(values[2:], start=2):
        if value:
            name = names[k] if k < len(names) else ""
            parts.append(f"<p>{html.escape(name)}: {value}</p>" if name else f"<p>{value}</p>")
    if tags:
        parts.append(f"<p>Tags: {html.escape(', '.join(tags))}</p>")
    return "\n".join(parts)


# ------------------------------------------------------------------------------------ Joplin
#: An item's metadata line at a Joplin note's end ("parent_id: 5b1e...", "type_: 1").
_JOPLIN_FIELD = re.compile(r"^([a-z_]+): ?(.*)$")
#: Joplin's item types: a note, a notebook, a tag, a note's tag (the ones read here).
_JOPLIN_NOTE, _JOPLIN_NOTEBOOK, _JOPLIN_TAG, _JOPLIN_NOTE_TAG = "1", "2", "5", "6"


def joplin_markdown(data: bytes) -> str:
    """A Joplin export (``.jex``) as one Markdown page: each notebook's title a heading, its
    notebooks under it one level deeper, then its notes in the order they were written, each
    note's title a heading below its notebook's, its body's own headings moved below that, its
    tags as a "Tags:" line.  To-dos' state, resources (attachments) and the items' metadata are
    the app's.  ValueError with the reason for a damaged export or one with no note."""
    items = [item for item in _joplin_items(data) if item.get("encryption_applied") != "1"]
    by_type: dict[str, list[dict[str, str]]] = {}
    for item in items:
        by_type.setdefault(item.get("type_", ""), []).append(item)
    notes = sorted(by_type.get(_JOPLIN_NOTE, []), key=lambda n: (n.get("user_created_time", ""), n["title"]))
    if not notes:
        raise ValueError("no readable note in the export (encrypted notes are not read: export them "
                         "decrypted)" if items else "no note in the export (is it a Joplin .jex file?)")
    tag_names = {t.get("id"): t["title"] for t in by_type.get(_JOPLIN_TAG, [])}
    tags: dict[str, list[str]] = {}
    for link in by_type.get(_JOPLIN_NOTE_TAG, []):
        if link.get("tag_id") in tag_names:
            tags.setdefault(link.get("note_id", ""), []).append(tag_names[link["tag_id"]])
    notebooks = sorted(by_type.get(_JOPLIN_NOTEBOOK, []), key=lambda b: b["title"].lower())
    out: list[str] = []
    _joplin_notebook("", 0, notebooks, notes, tags, out, set())
    return "\n\n".join(out) + "\n"


def _joplin_notebook(parent: str, level: int, notebooks: list[dict[str, str]], notes: list[dict[str, str]],
                     tags: dict[str, list[str]], out: list[str], seen: set[str]) -> None:
    """A notebook's notes (``parent`` its id; "" the top, where a note whose notebook is not in
    the export is read too), then its notebooks, each under its title."""
    ids = {b.get("id") for b in notebooks}
    for note in notes:
        if note.get("parent_id", "") == parent or (not parent and note.get("parent_id") not in ids):
            out.append(_joplin_note(note, level + 1, tags.get(note.get("id", ""), [])))
    for book in notebooks:
        if book.get("parent_id", "") == parent and book.get("id", "") not in seen:
            seen.add(book.get("id", ""))
            out.append(f"{'#' * min(level + 1, 6)} {book['title']}")
            _joplin_notebook(book.get("id", ""), level + 1, notebooks, notes, tags, out, seen)


def _joplin_note(note: dict[str, str], level: int, tags: list[str]) -> str:
    """A note as Markdown: its title a heading of ``level``, its body's headings below it."""
    body = re.sub(r"^(#{1,6})(?=[ \t])", lambda m: "#" * min(len(m[1]) + level, 6), note["body"], flags=re.M)
    parts = [f"{'#' * min(level, 6)} {note['title']}" if note["title"] else "", body.strip()]
    if tags:
        parts.append("Tags: " + ", ".join(tags))
    return "\n\n".join(p for p in parts if p)


def _joplin_items(data: bytes) -> list[dict[str, str]]:
    """The export's items: each ``<id>.md`` member's title (its first line), body and metadata."""
    try:  # (resources/ holds the attachments: only the top's "<id>.md" items are read)
        members = tar_members(data, lambda name: name.endswith(".md") and "/" not in name, "notes")
    except (tarfile.TarError, *PACKAGE_ERRORS) as exc:
        raise ValueError(f"damaged Joplin export ({one_line(str(exc))})") from None
    return [_joplin_item(raw.decode("utf-8", "replace")) for _, raw in members]


def _joplin_item(text: str) -> dict[str, str]:
    """One item: the metadata lines after its last blank line, the title its first line, the
    body the lines between (a notebook or tag has only its title)."""
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    end = len(lines)
    while end and _JOPLIN_FIELD.match(lines[end - 1]):  # (a blank line parts the body from them)
        end -= 1
    item = {m[1]: m[2] for line in lines[end:] if (m := _JOPLIN_FIELD.match(line))}
    head = lines[:end]
    while head and not head[-1].strip():
        head.pop()
    item["title"] = head[0].strip() if head else ""
    item["body"] = "\n".join(head[1:]).strip("\n")
    return item
