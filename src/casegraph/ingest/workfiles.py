"""Files saved by the tools a review team or a researcher works in, as the HTML a reader of the
file in its own tool would see; :mod:`casegraph.ingest.sources` then reads that HTML as any page:

- a CherryTree notebook (``.ctd``: a researcher's reading notes, a node a review), whose node
  names are its headings and whose text is split into styled runs;
- a GanttProject plan (``.gan``: a business unit's review programme), whose tasks carry the
  summaries agreed for the website in their notes and the review's type and count of
  recommendations in custom columns;
- an annotation tool's document in UIMA CAS XMI (``.xmi``: INCEpTION's or WebAnno's export of
  summaries being coded), whose text is one attribute and whose annotations are offsets into it;
- an ELAN transcript (``.eaf``: a podcast or a recorded learning event), whose speakers' words
  are time-aligned annotations on tiers, and whose topic tier names each part of the talk.

Why a module of their own: each keeps its words where a generic XML reader does not look (an
attribute, a node's name, a time slot's order), or beside bookkeeping that looks like words (a
plan's milestones, an annotation layer's labels, a transcript's media and time slots).  Read as
plain XML, the reviews' headings were lost and the words came out of order.
"""

from __future__ import annotations

import bisect
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from casegraph.ingest.interchange import element_words, html_table, lines_html, local_name, trimmed_lines

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
