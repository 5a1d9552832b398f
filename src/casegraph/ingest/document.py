"""Pages about a review that have no entry headings: partnership statements, notices, briefings.

The NSPCC's catalogue pages list reviews under headings (:mod:`casegraph.ingest.parse`).  Local
partnerships and boards publish in their own styles: a press statement with the pseudonym only
in the prose ("Child FJ, as the review calls her"), a publication notice, a learning briefing
with ``The Incident`` / ``Safeguarding Concerns`` / ``The Review`` sections, or an index of
briefings with a short paragraph under each child's name.  This module reads such a page as

- several reviews, when short **name lines** each introduce a paragraph that names the child
  again ("Alvah" above "Baby Alvah, three months old, ..."); or else
- **one review**, whose pseudonym, publication year, area and type are found in the page's
  title or text, and whose sections are found by their labels or their role.

Page furniture ("Skip to content", "Toggle Contrast", "Updated on:"), quotations of officials
and generic text above the first review never become a review.  Nothing here guesses: a page
that names no child and no review is left alone (the build warns and skips it).
"""

from __future__ import annotations

import re
from collections import Counter

from casegraph.core.textspan import Span
from casegraph.ingest.parse import (
    PAGE_DATE,
    YEAR,
    Entry,
    Item,
    Line,
    Section,
    fill_sections,
    month_num,
)
from casegraph.ingest.sources import SourceText

#: Lines of site furniture that carry no content, beyond the catalogue parser's noise list.
_FURNITURE = re.compile(
    r"^(?:home|menu|search|toggle contrast|skip to (?:main )?content|updated on:?|print(?: this page)?|"
    r"back|next|previous|share|contents|related (?:pages|links)|training and resources.*|"
    r"[^.]{0,40}team|briefings|questions)$", re.I)
#: A quotation of an official ("The Chair ... said: "...", or a line opening a quotation).
_QUOTE = re.compile(r"^[\"“”]|\bsaid:\s*[\"“]", re.I)
#: A child's pseudonym in running text.
_PSEUDONYM = re.compile(
    r"\b(?:(?:Child|Baby|Infant|Young Person|Sibling)\s+(?-i:[A-Z][A-Za-z0-9]{0,2}\d?)\b"
    r"|(?:Child|Baby)\s+(?!(?:Practice|Protection|Safeguarding|Care|Death|Review|Services|Social|"
    r"Health|Mental|Sexual|Criminal|Exploitation|Abuse|Development)\b)(?-i:[A-Z][a-z]{2,}))")
_QUOTED_NAME = re.compile(r"[‘'“\"](?P<name>(?-i:[A-Z][a-z]{1,15}))[’'”\"]")
_CALLED = re.compile(
    r"\b(?:known as|referred to as|called)\s+(?P<name>(?:(?:Child|Baby)\s+)?(?-i:[A-Z][A-Za-z0-9]{0,15}))"
    r"|(?P<name2>(?:(?:Child|Baby)\s+)?(?-i:[A-Z][A-Za-z0-9]{0,15})),\s+as the review calls (?:her|him|them)")
#: "Learning Briefing: Ed – Non-accidental injury to infant": the name after the colon.
_TITLE_NAME = re.compile(r":\s*(?P<name>(?-i:[A-Z][a-z]{1,15}))\s+[–—-]\s")
_REVIEW_TYPE_WORDS = re.compile(
    r"\b(?:serious case review|(?:local )?child safeguarding practice review|"
    r"(?:extended|concise) child practice review|child practice review|learning review|"
    r"multi-agency (?:learning )?review|case management review|significant case review)\b", re.I)
_AREA_BODY = re.compile(
    r"\b(?:the\s+)?(?P<area>(?-i:[A-Z][\w&'’ -]{2,40}?))\s+(?:Local\s+)?Safeguarding\s+"
    r"(?:Children\s+)?(?:Board|Partnership)", re.I)
_AREA_TITLE = re.compile(
    r"\b(?:of|for)\s+(?:the\s+)?(?P<area>(?-i:[A-Z][a-z]+(?:\s+(?!Extended|Concise)(?-i:[A-Z][a-z]+))?))\s+"
    r"(?:Extended\s+|Concise\s+)?(?:Child|Serious|Local)", re.I)
_AREA_COMMITTEE = re.compile(r"\bthe\s+(?P<area>(?-i:[A-Z][a-z]+))\s+(?:Learning|Safeguarding)\b")
_PUBLISHED = re.compile(
    rf"\b(?:published|publication|completed|released)\s+(?:in\s+|on\s+)?(?:\d{{1,2}}\s+)?"
    rf"(?:[A-Z][a-z]+\s+)?(?P<year>{YEAR})\b|\bIn\s+(?P<year2>{YEAR}),\s+the\s+[^.]{{0,80}}review"
    rf"[^.]{{0,120}}\bpublished\b")
#: Sentences of prose that state recommendations or learning ("recommends how agencies ...").
_PROSE_REC = re.compile(r"\brecommend(?:s|ed)\s+(?:how|that|ways|improvements)\b", re.I)
_PROSE_LEARNING = re.compile(
    r"^(?:The|This)\s+(?:review|report|reviewing team)\s+(?:found|concluded|identified|highlighted|"
    r"points to|shows?|showed|criticised)\b")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def read_document(source: SourceText, lines: list[Line]) -> list[Entry]:
    """The reviews of a page without entry headings (see the module docstring)."""
    content = [ln for ln in lines if not _FURNITURE.match(ln.text.strip(" :"))]
    named = _name_entries(source, content)
    if named:
        return named
    entry = _document_entry(source, content)
    return [entry] if entry is not None else []


# --------------------------------------------------------------------------- name lines


def _name_line(line: Line, nxt: Line | None) -> str | None:
    """The name a short line introduces, if the next line is an account that names it again."""
    text = line.text.strip()
    words = text.split()
    if (nxt is None or not 1 <= len(words) <= 5 or text.endswith((".", ":", "?"))
            or not all(w[:1].isupper() or w in {"and", "&"} for w in words)
            or len(nxt.text) < 40):
        return None
    first = words[0]
    if re.search(rf"\b{re.escape(first)}\b", nxt.text) and re.search(
            r"\d|\b(?:died|death|injur\w*|abus\w*|neglect\w*|murder\w*|killed|harm\w*|life)\b",
            nxt.text, re.I):
        return text
    return None


def _name_entries(source: SourceText, lines: list[Line]) -> list[Entry]:
    heads = [(i, name) for i, ln in enumerate(lines)
             if (name := _name_line(ln, lines[i + 1] if i + 1 < len(lines) else None))]
    entries = []
    for n, (i, name) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        head = lines[i]
        entry = Entry(source=source, heading=head.text, heading_kind="name", line=head.number,
                      start=head.start, title=head.text, name=name)
        body = [ln for ln in lines[i + 1:end] if not _QUOTE.search(ln.text)]
        fill_sections(entry, body)
        complete(entry, lines[i:end])
        if entry.sections:
            entries.append(entry)
    return entries


# --------------------------------------------------------------------------- one review


def _document_entry(source: SourceText, lines: list[Line]) -> Entry | None:
    """The one review a page is about, or None when it names no child and no review."""
    body = [ln for ln in lines if not _QUOTE.search(ln.text)]
    if not body:
        return None
    title_line = next((ln for ln in body[:4] if len(ln.text) <= 120 and not ln.text.endswith(".")
                       and (_REVIEW_TYPE_WORDS.search(ln.text) or _TITLE_NAME.search(ln.text))), None)
    name = _pseudonym(title_line.text if title_line else "", " ".join(ln.text for ln in body))
    if name is None and title_line is None:
        return None
    head = title_line or body[0]
    entry = Entry(source=source, heading=head.text if title_line else (name or head.text),
                  heading_kind="document", line=head.number, start=head.start,
                  title=title_line.text if title_line else (name or head.text), name=name)
    rest = [ln for ln in body if ln is not title_line]
    fill_sections(entry, rest)
    complete(entry, lines)  # quotations too: "the Chair of X Safeguarding Children Board said"
    return entry if entry.sections else None


def _pseudonym(title: str, text: str) -> str | None:
    """The child's pseudonym: named in the title, introduced ("known as"), quoted, or "Child X"."""
    m = _TITLE_NAME.search(title)
    if m:
        return m["name"]
    m = _CALLED.search(text)
    if m:
        return m["name"] or m["name2"]
    counts = Counter(m.group().strip() for m in _PSEUDONYM.finditer(f"{title} {text}"))
    counts.update(m["name"] for m in _QUOTED_NAME.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


# --------------------------------------------------------------------------- facts of the page


def complete(entry: Entry, lines: list[Line]) -> None:
    """Year, area and prose statements of recommendations and learning, from the page's words."""
    text = " ".join(ln.text for ln in lines)
    m = _PUBLISHED.search(text)
    if m and entry.year is None:
        entry.year = int(m["year"] or m["year2"])
        date = PAGE_DATE.search(text[m.start():m.end() + 1])
        entry.month = month_num(date["month"]) if date else None
    area = (_AREA_TITLE.search(entry.title) or _AREA_BODY.search(text) or _AREA_COMMITTEE.search(text))
    if area and entry.area is None:
        entry.area = area["area"].strip()
    _prose_items(entry, [ln for ln in lines if not _QUOTE.search(ln.text)])


def _prose_items(entry: Entry, lines: list[Line]) -> None:
    """Recommendations and learning stated in prose become items, when no labelled list gave any."""
    kinds = {s.kind for s in entry.sections}
    for line in lines:
        for s in _SENTENCE.finditer(line.text):
            sentence = s.group().strip()
            if "recommendations" not in kinds and _PROSE_REC.search(sentence):
                _add_item(entry, "recommendations", line, s.start(), sentence)
                kinds.add("recommendations")
            elif "learning" not in kinds and _PROSE_LEARNING.search(sentence):
                _add_item(entry, "learning", line, s.start(), sentence)
                kinds.add("learning")


def _add_item(entry: Entry, kind: str, line: Line, offset: int, sentence: str) -> None:
    lead = len(line.text[offset:]) - len(line.text[offset:].lstrip())
    span = Span.of(sentence, line.start + offset + lead)
    entry.sections.append(Section(kind, None, line.number, [span], [Item(span)]))
