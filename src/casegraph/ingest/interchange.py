"""Files made to carry a document from one tool to another: a web archive (MHTML), a library
catalogue's records (MARC 21 XML or MODS), a translation job (XLIFF), a manual's source
(Texinfo or a troff man page or -ms paper), a mind map (FreeMind), a Lotus Notes database
export (DXL), spreadsheets (LibreOffice's flat .fods, SYLK, DIF), hand-written RDF (Turtle), a
wiki's tiddler (TiddlyWiki), an OCR engine's reading of a scanned page (hOCR), data a tool wrote
(an Apple property list, Clojure's EDN, protobuf's text format, PowerShell's Clixml, a Python
module of literals), a Gemini page (gemtext), a map's places (KML), a reference manager's refer
export, an XMind map's content, a web archive's capture (WARC) or a browser's (HAR), a JSON
Feed, a poster drawn as SVG, a draw.io diagram, an Excalidraw board, a Label Studio annotation
project, a PDF's annotations (XFDF), a ServiceNow unload, a Qualtrics survey's export, a
translation memory (TMX), a Scribus layout, a TaskPaper list, an Apple News article and a
Frictionless data package.

Why a module of their own: each is a container whose words are the page, wrapped in a format
made for a machine (MIME parts, numbered MARC fields, translation units, @-commands and
requests, nodes, Notes items, cells, triples, wiki fields, recognised lines and their boxes, shapes).
These functions only unwrap: they return HTML, records, rows or plain text, and
:mod:`casegraph.ingest.sources` reads those as it reads any page, so the unwrapping never
depends on the page reader.
"""

from __future__ import annotations

import bz2
import calendar
import contextlib
import csv
import gzip
import html
import io
import json
import lzma
import re
import struct
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any, cast

from casegraph.core.namespaces import BASE, RDF, RDF_TYPE, RDFS_LABEL
from casegraph.core.newlines import unify_line_ends
from casegraph.ingest.binaries import inflated, utf8_else, without_running_lines

#: The namespace of MARC 21 XML ("MARCXML"), as libraries export their catalogues.
MARC_NAMESPACE = "http://www.loc.gov/MARC21/slim"
#: The namespace of MODS (the Library of Congress's Metadata Object Description Schema), the
#: record a repository or a library's discovery layer exports beside MARC.
MODS_NAMESPACE = "http://www.loc.gov/mods/v3"


#: An ISO date, with a time after it or not: "2024-03-21", "2024-03-21T09:30:00.000+00:00".
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def printed_date(text: str) -> str | None:
    """An ISO date as a page prints it, "21 March 2024" (English: Python's C locale names the
    months); None for text that is no ISO date or names no month."""
    date = _ISO_DATE.match(text.strip())
    if date is None or not 1 <= int(date[2]) <= 12:
        return None
    return f"{int(date[3])} {calendar.month_name[int(date[2])]} {date[1]}"


def local_name(tag: object) -> str:
    """An XML element's name without its namespace, in lower case: "{http://...itunes...}keywords"
    is "keywords" (the one home of this, for every XML reader of casegraph.ingest)."""
    return str(tag).rpartition("}")[2].lower()


def element_words(element: ET.Element) -> str:
    """An element's words, its runs of white space made single spaces (the one home of this, for
    every XML reader of casegraph.ingest)."""
    return " ".join("".join(element.itertext()).split())


def xml_words(element: ET.Element, line_break: str = " ") -> str:
    """An element's words with its children's in place, a ``<br/>`` (as a caption file's TTML
    ends its lines) read as ``line_break``: "a review<br/>we published" is "a review we
    published", where itertext would run the two words together."""
    parts = [element.text or ""]
    for child in element:
        parts += [line_break if local_name(child.tag) == "br" else xml_words(child, line_break),
                  child.tail or ""]
    return "".join(parts)


def child_text(element: ET.Element, *names: str) -> str:
    """The text of the first child element with one of ``names`` (local names), else ""."""
    for name in names:
        for child in element:
            if local_name(child.tag) == name and (child.text or "").strip():
                return child.text.strip()
    return ""


def mhtml_part(raw: str) -> tuple[str, bool]:
    """A web archive's page (Word's or a browser's "Single File Web Page", ``.mht``): the
    text of its first HTML part, decoded from quoted-printable or base64 and its charset by the
    standard library's MIME parser, and True; with no HTML part, its first plain-text part and
    False.  Images and style sheets, the archive's other parts, are not the page's words."""
    import email
    from email import policy

    message = email.message_from_string(raw, policy=policy.default)
    parts = [p for p in message.walk() if not p.is_multipart()]
    for subtype in ("html", "plain"):
        part = next((p for p in parts if p.get_content_type() == f"text/{subtype}"), None)
        if part is not None and part.get_param("charset") is None:
            # (session 63) Chromium's "Save as MHTML" names no charset on the part (the page's
            # <meta> does); the MIME default, ASCII, would turn "›" into replacement marks
            return _undeclared_text(part.get_payload(decode=True) or b""), subtype == "html"
        if part is not None:
            return str(part.get_content()), subtype == "html"
    raise ValueError("no HTML or text part in the web archive")


#: A page's own charset, in its first bytes: ``<meta charset="utf-8">`` or the http-equiv form.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def _undeclared_text(raw: bytes) -> str:
    """A MIME part's bytes whose header names no charset: as the page's ``<meta>`` says, else
    UTF-8 when they are UTF-8, else Windows-1252 (a byte it leaves undefined replaced)."""
    import codecs

    if meta := _META_CHARSET.search(raw[:4096]):
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            return raw.decode(codecs.lookup(meta.group(1).decode("ascii")).name)
    return utf8_else(raw, "cp1252")


#: MARC 21 fields a catalogue's reader sees, by tag, as the keys a record's page is built from
#: (``sources._records_text`` labels "subjects" as Keywords, "coverage" as Area, "publisher"
#: as Partnership; a long "summary" is the record's account).
_MARC_FIELDS = {
    "245": "title", "246": "other title", "110": "publisher", "710": "publisher",
    "260": "published", "264": "published", "500": "general note", "520": "summary",
    "650": "subjects", "653": "subjects", "651": "coverage", "655": "type",
}
#: The subfields shown of a title (a: title, b: remainder, n/p: part), joined as a catalogue
#: displays them, and of a publication field (c: date).
_MARC_SUBFIELDS = {"245": "abnp", "246": "abnp", "260": "c", "264": "c"}
#: A subfield that holds a code, not words: a heading's source ("$2local"), an authority
#: record's number ($0, $1), a link ($6, $8); in a body's heading, its relator ("$eauthor").
_MARC_CODES = re.compile(r"^\d$")
#: The punctuation a cataloguer ends a subfield with, to join it to the next ("Review : Child R /").
_ISBD_END = " /:;,.="
#: A publication date as catalogued: "c2019.", "[2021]", "©2020".
_MARC_DATE = re.compile(r"^[\[c©p℗]*(?P<year>\d{4})\]?\.?$")


def marc_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A MARC 21 XML file's records as mappings of the fields a reader sees (title, publisher,
    date, notes, summary, subjects, place covered), or None when the file is not MARC XML.
    Control fields and codes (leader, 001, 008, indicators) are the catalogue's plumbing."""
    if not root.tag.startswith("{" + MARC_NAMESPACE + "}"):
        return None
    return [_marc_record(record) for record in _records_named(root, "record")]


def marc_mnemonic_records(raw: str) -> list[dict[str, object]]:
    """MARC records in MarcEdit's mnemonic form (``.mrk``: a library's new-titles list, one
    field a line, "=245  10$aChild P :$bserious case review /$c...", a blank line between
    records), read as :func:`marc_records` reads MARC XML: each line is written as the XML
    field it stands for, so that both forms share one reading of titles, dates and notes.
    A line that is no field ("=LDR" and control fields too are read, and left out there) is
    a ValueError naming its line."""
    collection = ET.Element(f"{{{MARC_NAMESPACE}}}collection")
    record: ET.Element | None = None
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            record = None
            continue
        field = _MNEMONIC_FIELD.match(line)
        if field is None:
            raise ValueError(f"line {n}: not a MARC field in MarcEdit's form (\"=245  10$a...\")")
        if record is None:
            record = ET.SubElement(collection, f"{{{MARC_NAMESPACE}}}record")
        _marc_datafield(record, field["tag"], field["body"][2:].replace("$", "\x1f").replace("{dollar}", "$"))
    return marc_records(collection) or []


def marc_transmission_records(raw: str) -> list[dict[str, object]]:
    """MARC 21 records in ISO 2709 transmission format (``.mrc``: a library system's export,
    Koha's or Alma's), read as :func:`marc_records` reads MARC XML.  Each record (ended by
    0x1D) is a 24-character leader, a directory of 12-character entries (tag, length, start)
    and its fields, each ended by 0x1E, subfields opened by 0x1F.  The fields are taken in the
    directory's order by their terminators, not by the directory's byte offsets: those count
    bytes, and the text here is decoded.  A record whose leader or directory is not MARC's is a
    ValueError naming the record."""
    collection = ET.Element(f"{{{MARC_NAMESPACE}}}collection")
    for number, chunk in enumerate(raw.split("\x1d"), start=1):
        chunk = chunk.strip("\r\n")
        if not chunk:
            continue
        leader = _ISO2709_LEADER.match(chunk)
        end = chunk.find("\x1e")
        directory = chunk[24:end] if leader and end > 24 else ""
        if not leader or not directory or len(directory) % 12:
            raise ValueError(f"record {number}: not a MARC 21 record (a 24-character leader, "
                             "then a directory)")
        record = ET.SubElement(collection, f"{{{MARC_NAMESPACE}}}record")
        fields = chunk[end + 1:].split("\x1e")
        for at, body in zip(range(0, len(directory), 12), fields, strict=False):
            _marc_datafield(record, directory[at:at + 3], body[2:])
    return marc_records(collection) or []


#: An ISO 2709 leader: the record's length, status / type / level codes, the indicator and
#: subfield-code counts ("22"), the base address of its data, and the entry map ("4500").
_ISO2709_LEADER = re.compile(r"^\d{5}[ -~]{5}22\d{5}[ -~]{3}4500")


def _marc_datafield(record: ET.Element, tag: str, subfields: str) -> None:
    """One data field into a MARC XML record, its subfields each opened by 0x1F and a code
    ("\x1faChild P :\x1fbserious case review"); the leader and control fields (below 010) are
    codes, and left out."""
    if not tag.isdigit() or tag < "010":
        return
    datafield = ET.SubElement(record, f"{{{MARC_NAMESPACE}}}datafield", tag=tag)
    for part in subfields.split("\x1f")[1:]:
        sub = ET.SubElement(datafield, f"{{{MARC_NAMESPACE}}}subfield", code=part[:1])
        sub.text = part[1:]


#: One field of MarcEdit's mnemonic MARC: "=" its tag, two spaces, its indicators and subfields.
_MNEMONIC_FIELD = re.compile(r"^=(?P<tag>LDR|\d{3})  (?P<body>.*)$")


EPRINTS_NAMESPACE = "http://eprints.org/ep2/data/2.0"


def eprints_records(root: ET.Element) -> list[dict[str, object]] | None:
    """An EPrints repository's XML export (a university's research archive) as the records its
    abstract pages show: title, corporate authors, date, publisher and place, keywords, the
    abstract and the "Additional information" note; None for other XML.  Its documents, files,
    hashes, directories and status fields are the repository's plumbing, no word of the page."""
    if root.tag != f"{{{EPRINTS_NAMESPACE}}}eprints":
        return None
    out = []
    for eprint in root.iter(f"{{{EPRINTS_NAMESPACE}}}eprint"):
        record: dict[str, object] = {}
        for field in eprint:
            key = _EPRINTS_FIELDS.get(local_name(field.tag))
            if key is None:
                continue
            items = [element_words(i) for i in field if local_name(i.tag) == "item"]
            value: object = (items[0] if len(items) == 1 else items) or "".join(field.itertext()).strip()
            if value:
                record[key] = value
        out.append(record)
    return out


#: The fields of an EPrints record that its abstract page shows, by the name a record's
#: reader knows ("publisher" and the corporate authors are who published it).
_EPRINTS_FIELDS = {"title": "title", "corp_creators": "publisher", "date": "date", "publisher": "publisher",
                   "place_of_pub": "place of publication", "keywords": "keywords", "abstract": "abstract",
                   "note": "additional information", "series": "series", "type": "item type"}


def _records_named(root: ET.Element, name: str) -> list[ET.Element]:
    """A catalogue export's records: the root itself when it is one record (a lone ``<record>``
    or ``<mods>``), else every element of that local name inside its collection."""
    if local_name(root.tag) == name:
        return [root]
    return [e for e in root.iter() if local_name(e.tag) == name]


def _marc_record(record: ET.Element) -> dict[str, object]:
    """One MARC record as a mapping (see :data:`_MARC_FIELDS`); repeated subjects are a list,
    repeated notes and summaries (500, 520) paragraphs of one text."""
    out: dict[str, object] = {}
    paragraphs: dict[str, list[str]] = {}
    for field in record:
        tag = field.get("tag", "")
        if local_name(field.tag) != "datafield" or tag not in _MARC_FIELDS:
            continue
        subfields = [(code, element_words(sub)) for sub in field
                     if not _MARC_CODES.match(code := sub.get("code", ""))
                     and not (tag in ("110", "710") and code in ("e", "4"))]
        if tag == "245" and (by := next((w for c, w in subfields if c == "c"), "")):
            out.setdefault("publisher", by.strip(_ISBD_END))  # its statement of responsibility
        key, text = _MARC_FIELDS[tag], _marc_text(tag, subfields)
        if key == "subjects":
            out.setdefault(key, []).append(text)  # type: ignore[union-attr]
        elif tag in ("500", "520") and text:
            if key not in paragraphs:
                paragraphs[key] = []
                out[key] = ""  # (its place among the fields, filled below)
            paragraphs[key].append(text)
        elif text:
            out.setdefault(key, text)
    for key, texts in paragraphs.items():
        out[key] = "\n\n".join(texts)
    return out


def _marc_text(tag: str, subfields: list[tuple[str, str]]) -> str:
    """A field's words as a catalogue displays them: a note or summary whole; a title's parts
    without the punctuation that joins them, its remainder after a colon; a date's year."""
    codes = _MARC_SUBFIELDS.get(tag)
    if codes is None:
        text = " ".join(w for _, w in subfields).strip()
        return text if tag in ("500", "520") else text.strip(_ISBD_END)
    parts = [(c, w.strip(_ISBD_END)) for c, w in subfields if c in codes and w.strip(_ISBD_END)]
    if tag in ("260", "264"):
        return next((m.group("year") for _, w in parts if (m := _MARC_DATE.match(w))),
                    parts[0][1] if parts else "")
    return "".join((": " if c == "b" else ". " if i else "") + w for i, (c, w) in enumerate(parts))


def ead_records(root: ET.Element) -> list[dict[str, object]] | None:
    """An archive's finding aid in EAD (Encoded Archival Description 2002 or EAD3, as AtoM,
    ArchivesSpace or CALM export it: a record office's catalogue of a former board's papers,
    its published reviews among them) as records, or None for other XML: each unit with no
    components under it (a collection or a series is described by its parts), in order, with
    its title, reference, date ("published" where the archive says the date is the
    publication's), extent, creator (the nearest one up the tree: the board whose papers these
    are), description (``scopecontent``), history and notes.  The header (the finding aid's own
    title, encoding and software) is the catalogue's plumbing, as a unit's level and access
    conditions are."""
    if local_name(root.tag) != "ead":
        return None
    top = next((e for e in root if local_name(e.tag) == "archdesc"), None)
    records: list[dict[str, object]] = []
    if top is not None:
        _ead_unit(top, "", records)
    return records


#: An EAD component's element: ``c`` or the numbered ``c01`` to ``c12``.
_EAD_COMPONENT = re.compile(r"c(?:0[1-9]|1[0-2])?")


def _ead_unit(unit: ET.Element, creator: str, records: list[dict[str, object]]) -> None:
    """A unit's record when it has no components, else its components' records."""
    did = next((e for e in unit if local_name(e.tag) == "did"), None)
    parts = {name: [e for e in (did if did is not None else []) if local_name(e.tag) == name]
             for name in ("unittitle", "unitid", "unitdate", "physdesc", "origination")}
    creator = next((w for e in parts["origination"] if (w := element_words(e))), creator)
    dated = parts["unitdate"][0] if parts["unitdate"] else None
    record: dict[str, object] = {
        "title": " ".join(element_words(e) for e in parts["unittitle"]),
        "reference": " ".join(element_words(e) for e in parts["unitid"]),
        "published" if dated is not None and dated.get("datechar") == "publication" else "covering dates":
            element_words(dated) if dated is not None else "",
        "extent": "; ".join(element_words(e) for e in parts["physdesc"]),
        "creator": creator,
        "summary": _ead_paragraphs(unit, "scopecontent"),
        "history": _ead_paragraphs(unit, "bioghist"),
        "notes": _ead_paragraphs(unit, "odd"),
        # (an index's terms, "Child death", "Domestic abuse": the unit's keywords)
        "subjects": [w for e in unit if local_name(e.tag) == "controlaccess" for s in e.iter()
                     if local_name(s.tag) in _EAD_TERMS and (w := element_words(s))],
    }
    held = [*unit, *(c for d in unit if local_name(d.tag) == "dsc" for c in d)]  # (dsc: a collection's)
    components = [c for c in held if _EAD_COMPONENT.fullmatch(local_name(c.tag))]
    if not components:  # (a collection or series is described by its parts: no record of its own)
        records.append({k: v for k, v in record.items() if v})
    for component in components:
        _ead_unit(component, creator, records)


#: The index terms of a unit's ``controlaccess``: subjects, and the people, bodies, places and
#: genres it is about.
_EAD_TERMS = frozenset({"subject", "persname", "corpname", "geogname", "genreform", "function", "occupation"})


def _ead_paragraphs(unit: ET.Element, name: str) -> str:
    """The paragraphs of a unit's own descriptive elements of one name, a blank line between; a
    list's items ("The report sets out learning in three areas:" and its ``item`` elements) a
    bulleted line each under the paragraph before them."""
    blocks: list[str] = []
    for e in (e for e in unit if local_name(e.tag) == name):
        for part in e.iter():
            if local_name(part.tag) == "p" and (words := element_words(part)):
                blocks.append(words)
            elif local_name(part.tag) == "item" and (words := element_words(part)):
                blocks.append(("\n" if blocks and blocks[-1].startswith("• ") else "\n\n") + "• " + words)
    return "".join(b if b.startswith("\n") or not k else "\n\n" + b for k, b in enumerate(blocks))


def mods_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A MODS file's records (a ``modsCollection`` or one ``mods``) as mappings of what a
    catalogue's page shows, keyed as :func:`marc_records` keys them, or None when the file is
    not MODS.  A record's typed notes are its parts: ``<note type="learning">`` under
    "Learning", ``"recommendation(s)"`` under "Recommendations"; identifiers, record
    information, language and physical description are the catalogue's plumbing."""
    if not root.tag.startswith("{" + MODS_NAMESPACE + "}"):
        return None
    return [_mods_record(record) for record in _records_named(root, "mods")]


def _mods_record(record: ET.Element) -> dict[str, object]:
    """One MODS record: title (with its subtitle), publisher (a corporate name, else the
    origin's publisher), genre as the review's type, the year issued, place covered, topics,
    abstract and notes by type, in the order a catalogue's page shows them."""
    words = element_words

    def each(name: str) -> list[ET.Element]:  # (a local name, lower-cased as local_name gives it)
        return [e for e in record.iter() if local_name(e.tag) == name]

    out: dict[str, object] = {}
    if title := next((t for t in each("titleinfo") if t.get("type") is None), None):
        main, sub = child_text(title, "title"), child_text(title, "subtitle")
        out["title"] = f"{main}: {sub}" if main and sub else main
    corporate = [child_text(n, "namepart") for n in each("name") if n.get("type") == "corporate"]
    publisher = [words(e) for e in each("publisher")]
    if found := next((p for p in corporate + publisher if p), None):
        out["publisher"] = found
    if genre := next((words(e) for e in each("genre") if words(e)), None):
        out["type"] = genre
    if issued := next((m[0] for e in each("dateissued") if (m := re.match(r"\d{4}", words(e)))), None):
        out["published"] = issued
    if places := [words(e) for e in each("geographic") if words(e)]:
        out["coverage"] = places[0]
    if topics := [words(e) for e in each("topic") if words(e)]:
        out["subjects"] = topics
    if abstracts := [words(e) for e in each("abstract") if words(e)]:
        out["summary"] = "\n\n".join(abstracts)
    for note in each("note"):
        kind = (note.get("type") or "general note").lower()
        key = ("learning" if kind.startswith("learn") else
               "recommendations" if kind.startswith("recommend") else kind)
        if text := words(note):
            out.setdefault(key, []).append(text)  # type: ignore[union-attr]
    return out


def servicenow_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A ServiceNow XML unload (``<unload>`` holding ``<table action="INSERT_OR_UPDATE">``
    records) as the records a form shows, or None when the file is no unload.

    A reference field shows its ``display_value`` (the partnership's name, not its sys_id);
    ``sys_*`` fields, raw choice values ("state", "active") and ids are the platform's plumbing.
    A record that refers to another (an action whose "u_review" holds a review's sys_id) is a
    part of that one: its short descriptions, in their "position" order, are a list under the
    related table's last word ("x_lcsp_review_action" gives "actions")."""
    if local_name(root.tag) != "unload":
        return None
    rows = [e for e in root if e.get("action")]
    ids = {child_text(row, "sys_id"): row for row in rows}
    parts: dict[int, list[tuple[float, str, dict[str, object]]]] = {}
    main: list[ET.Element] = []
    for row in rows:
        owner = next((ids[f.text.strip()] for f in row if local_name(f.tag) != "sys_id"
                      and (f.text or "").strip() in ids and ids[f.text.strip()] is not row), None)
        if owner is None:
            main.append(row)
            continue
        position = child_text(row, "u_position", "u_order", "order")
        key = local_name(row.tag).rpartition("_")[2] + "s"
        parts.setdefault(id(owner), []).append(
            (float(position) if re.fullmatch(r"\d+(?:\.\d+)?", position) else 0.0, key,
             _servicenow_fields(row, ids)))
    out = []
    for row in main:
        record = _servicenow_fields(row, ids)
        for _, key, part in sorted(parts.get(id(row), []), key=lambda p: p[0]):
            title = str(part.pop("title", ""))
            extra = "; ".join(f"{k}: {v}" for k, v in part.items())
            record.setdefault(key, []).append(f"{title} ({extra})" if extra else title)  # type: ignore[union-attr]
        out.append(record)
    return out


#: A ServiceNow record's fields that only the platform reads (named without the "u_" of a
#: custom field): its ids, audit fields, raw choice values and the position that orders a
#: related list.
_SERVICENOW_PLUMBING = re.compile(r"^(?:sys_.*|number|state|active|position|order|work_notes|.*_id)$")


def _servicenow_fields(row: ET.Element, ids: dict[str, ET.Element]) -> dict[str, object]:
    """A record's fields by their label's words ("u_age_at_incident" is "age at incident"), a
    reference field by its display value, the short description as the title; a reference to
    another record of the unload (an action's review) is the link, not a field."""
    out: dict[str, object] = {}
    for element in row:
        key = local_name(element.tag).removeprefix("u_")
        raw = (element.text or "").strip()
        value = element.get("display_value") or raw
        if _SERVICENOW_PLUMBING.match(key) or not value or raw in ids:
            continue
        out["title" if key == "short_description" else key.replace("_", " ")] = value
    return out


#: A Qualtrics export's third header row: each column's import id as JSON.
_QUALTRICS_ID = re.compile(r'^\{"ImportId":"(?P<id>[^"]+)"')
#: What a survey's question asks for, by the words of its text, as a record's keys (the first
#: that fits): a researcher's extraction form asks "Review title exactly as on the report
#: cover", "Commissioning area (local authority / partnership / board)", "Brief account of the
#: case", "Factors DOCUMENTED as present" and "Factors considered but NOT present".
_QUESTION_KEYS = (
    (r"\btitle\b", "title"), (r"\bnot\s+present\b|\bnot\s+(?:be\s+)?established\b|\babsent\b",
                                "factors not present"),
    (r"\bfactors?\b", "risk factors"), (r"\btype\s+of\s+review\b|\breview\s+type\b", "review type"),
    (r"\b(?:number\s+of|how\s+many)\s+recommendations\b", "number of recommendations"),
    (r"\brecommendations?\b", "recommendations"), (r"\blearning\b", "learning"),
    (r"\bpublished\b|\bpublication\b", "published"), (r"\bpseudonyms?\b", "pseudonym"),
    (r"\bage\b", "age"), (r"\baccount\b|\bsummary\b|\bcircumstances\b", "summary"),
    (r"\barea\b|\blocal\s+authority\b", "area"),
    # (session 53) SurveyMonkey's "Child or children (pseudonym, sex, age)", "Which partnership
    # or Child Protection Committee is submitting?"
    (r"^child(?:ren)?(?:\s+or\s+children)?$", "children"),
    (r"\bpartnership\b|\bcommittee\b|\bboard\b", "partnership"))
#: Responses a survey tool keeps that nobody gave: its owner's previews and tests, and spam.
_NOT_RESPONSES = frozenset({"survey preview", "survey test", "spam"})


def qualtrics_records(rows: list[list[str]]) -> list[dict[str, object]] | None:
    """A Qualtrics survey's CSV export (three header rows: column ids, question texts, import
    ids as JSON) as its responses' records, or None when the rows are no such export.

    A response is keyed by what its question asks (:data:`_QUESTION_KEYS`), so that a
    researcher's extraction form reads as a catalogue's record; the survey tool's own columns
    (dates, duration, recipient, location: no "QID" import id) are its plumbing, and previews,
    tests and spam are no one's answers.  A list question's lines ("one per line", "1. ...")
    are its items; "NONE GIVEN" is no answer."""
    cells = [c for c in rows[2] if c.strip()] if len(rows) >= 4 else []
    if not cells or not all(_QUALTRICS_ID.match(c) for c in cells):
        return None
    ids = [m["id"] if (m := _QUALTRICS_ID.match(c)) else "" for c in rows[2]]
    status = next((k for k, i in enumerate(ids) if i == "status"), None)
    out = []
    for row in rows[3:]:
        if status is not None and status < len(row) and row[status].strip().lower() in _NOT_RESPONSES:
            continue
        record: dict[str, object] = {}
        for k, (question, answer) in enumerate(zip(rows[1], row, strict=False)):
            answer = answer.strip()
            if not ids[k].startswith("QID") or not answer or answer.upper() in ("NONE GIVEN", "N/A"):
                continue
            _answered(record, question, re.sub(r",(?=\S)", "; ", answer))  # (ticks: bare commas)
        if record:
            out.append(record)
    return out


def _answered(record: dict[str, object], question: str, answer: str) -> None:
    """A survey's answer under its question's key (:func:`_question_key`; the first answer to a
    key wins); a list question's lines ("one per line", "1. ...") are its items."""
    key = _question_key(question)
    if key in ("learning", "recommendations") and "\n" in answer:
        record.setdefault(key, [re.sub(r"^\s*(?:\d{1,2}[.)]|[-•*])\s*", "", line)
                                for line in answer.split("\n") if line.strip()])
    else:
        record.setdefault(key, answer)


#: An answer that says the response is a try of the form, nobody's answer: "Test", "TEST -
#: please ignore".
_TEST_ANSWER = re.compile(r"^(?:test(?:ing)?|.*\bplease\s+ignore\b.*)$", re.I)
#: SurveyMonkey's own columns, before the questions: who answered, when, from where.
_SURVEYMONKEY_START = ["Respondent ID", "Collector ID"]
#: SurveyMonkey's second header row under a question of one column.
_SURVEYMONKEY_ANSWER = {"Response", "Open-Ended Response"}


def surveymonkey_records(rows: list[list[str]]) -> list[dict[str, object]] | None:
    """A SurveyMonkey export (two header rows: the questions, then under each its answer
    columns) as its responses' records, keyed by what each question asks, as a Qualtrics
    export's are; None when the rows are no such export.  A question of several columns (a
    multiple choice, a row of options named in the second header row) spans the empty
    first-row cells after it; its answer is the options ticked, each cell holding the option's
    text or what was typed under "Other".  The respondent's ids, dates, address and name are
    the tool's columns (no answer label under them) and are left out."""
    if len(rows) < 3 or [c.strip() for c in rows[0][:2]] != _SURVEYMONKEY_START \
            or not _SURVEYMONKEY_ANSWER & {c.strip() for c in rows[1]}:
        return None
    questions: list[tuple[str, list[int]]] = []
    for k, question in enumerate(rows[0]):
        if question.strip() or not questions:
            questions.append((question.strip(), [k]))
        else:
            questions[-1][1].append(k)
    asked = [(q, columns) for q, columns in questions
             if any(k < len(rows[1]) and rows[1][k].strip() for k in columns)]
    out = []
    for row in rows[2:]:
        if any(_TEST_ANSWER.match(cell.strip()) for cell in row):
            continue  # the form's owner trying it out ("TEST - please ignore")
        record: dict[str, object] = {}
        for question, columns in asked:
            ticked = [row[k].strip() for k in columns if k < len(row) and row[k].strip()]
            if ticked:
                _answered(record, question, "; ".join(ticked))
        if record:
            out.append(record)
    return out


def _question_key(question: str) -> str:
    """A question's key (:data:`_QUESTION_KEYS`), else its words without the guidance in
    brackets and Qualtrics's " - Selected Choice" / " - Text" suffixes."""
    words = re.sub(r"\s*\([^)]*\)|\s+-\s+(?:Selected Choice|Text|Other.*)$", "", question).strip()
    return next((key for pattern, key in _QUESTION_KEYS if re.search(pattern, words, re.I)), words)


def xliff_text(root: ET.Element) -> str | None:
    """An XLIFF translation file (1.2 or 2.x) as the page it was made from: each unit's source
    text, a paragraph each, in order; or None when the file is not XLIFF.  The targets are the
    same words in another language (read twice, they would be a second review), and notes are
    the translators' instructions."""
    if local_name(root.tag) != "xliff":
        return None
    blocks: list[str] = []

    def walk(element: ET.Element) -> None:
        for child in element:
            name = local_name(child.tag)
            if name == "source":
                if text := element_words(child):
                    blocks.append(text)
            elif name not in ("target", "note", "alt-trans", "header", "notes"):
                walk(child)

    walk(root)
    return "\n\n".join(blocks)


#: A Texinfo line that is only structure or metadata: a comment, the file's name, a node, a
#: list's start or end, an index entry, the closing "@bye".
_TEXI_DROPPED = re.compile(
    r"^(?:\\input\b.*|@(?:c|comment)\b.*|@(?:setfilename|node|bye|end|itemize|enumerate|table|"
    r"ftable|vtable|multitable|[a-z]*index|printindex|contents|shortcontents|paragraphindent|"
    r"firstparagraphindent|documentencoding|documentlanguage|setchapternewpage|finalout|"
    r"include|insertcopying|titlepage|page|vskip|menu|detailmenu|iftex|ifinfo|ifhtml|ifnottex|"
    r"ifnotinfo|ifnothtml|ifplaintext|direntry|dircategory|copying|cartouche|group|example|"
    r"smallexample|display|smalldisplay|format|quotation|noindent|sp|need)\b.*)$")
#: A sectioning command and its title: a heading of the page.
_TEXI_HEADING = re.compile(r"^@(?:top|chapter|section|subsection|subsubsection|unnumbered\w*|"
                           r"appendix\w*|chapheading|majorheading|heading|subheading|"
                           r"subsubheading|settitle|title|subtitle)\s+(?P<title>.+)$")
#: "@item" (a bullet or a numbered point) or "@itemx" (a table's further term).
_TEXI_ITEM = re.compile(r"^@itemx?\b\s*(?P<rest>.*)$")
#: An inline command around words ("@emph{...}", "@strong{...}"), its words kept.
_TEXI_INLINE = re.compile(r"@(?:[a-zA-Z]+)\{(?P<inner>[^{}]*)\}")
#: A link with its text ("@uref{https://..., the report}"): the text is what a reader sees.
_TEXI_LINK = re.compile(r"@(?:uref|url|email)\{[^{},]*,\s*(?P<text>[^{},]*)[^{}]*\}")
#: Texinfo's character commands.
_TEXI_GLYPHS = {"@@": "@", "@{": "{", "@}": "}", "@*": " ", "@.": ".", "@:": "", "@-": "",
                "@dots{}": "...", "@enddots{}": "....", "@tie{}": " ", "@minus{}": "-",
                "@bullet{}": "-", "@copyright{}": "(C)", "@registeredsymbol{}": "(R)"}


#: (session 84) GNU Info, what makeinfo writes from a Texinfo manual (``.info``: a committee's
#: practitioner guide read in Emacs or ``info``): nodes after a 0x1F byte, each under its
#: "File: ..., Node: ..., Next: ..." line; a menu of the node's children; a tag table at the end.
INFO_SUFFIXES = {".info"}
_INFO_HEADER = re.compile(r"\AFile:\s[^\n]*\bNode:\s[^\n]*\n")
#: A node's menu: "* Menu:" and its entries to the node's end (makeinfo writes it last).
_INFO_MENU = re.compile(r"(?ms)^\* Menu:\s*$.*")
#: A cross-reference: "*Note Baby Rosie::" or "*note the summary: Baby Rosie." as its words.
_INFO_NOTE = re.compile(r"\*[Nn]ote\s+([^:]+?)::|\*[Nn]ote\s+([^:]+?):\s*[^.,]+[.,]")
#: A heading's underline: a line of one of makeinfo's rule characters as long as its title.
_INFO_UNDERLINE = re.compile(r"(?m)^(?P<title>[^\n]+)\n(?P<rule>[*=\-.])(?P=rule)+[ \t]*$")


def info_to_text(raw: str) -> str:
    """A GNU Info file as its nodes' text one after another: the node lines, the menus, the tag
    table and the local variables left out (they are how a reader moves, not what it reads), a
    heading's underline too, and a cross-reference as its words.  The preamble before the first
    node (makeinfo's note, the directory entry, the copying text) is no part of the guide.  A
    file with no node line is read as the plain text it is (a ``.info`` may be any notes)."""
    parts = raw.replace("\r\n", "\n").split("\x1f")
    if len(parts) < 2 or not any(_INFO_HEADER.match(p.lstrip("\x0c\n")) for p in parts[1:]):
        return raw
    out: list[str] = []
    for part in parts[1:]:
        body = part.lstrip("\x0c\n")
        if not _INFO_HEADER.match(body):
            continue  # "Tag Table:", "End Tag Table", "Local Variables:", a split file's "Indirect:"
        body = _INFO_MENU.sub("", _INFO_HEADER.sub("", body, count=1))
        body = _INFO_NOTE.sub(lambda m: m[1] or m[2], body)
        body = _INFO_UNDERLINE.sub(_info_heading, body)
        out.append(body.strip("\n"))
    return "\n\n".join(out) + "\n"


def _info_heading(m: re.Match[str]) -> str:
    """A title over its underline as the title alone, when the rule is as long as the title (a
    shorter one is a line of the text: "-- " before a signature)."""
    rule = len(m.group()) - len(m["title"]) - 1
    return m["title"] if rule >= len(m["title"].rstrip()) - 1 else m.group()


def texinfo_to_text(raw: str) -> str:
    """A Texinfo manual (a ``.texi`` source) as the text its Info or HTML output shows: its
    sectioning titles as headings, "@itemize" points as "- " bullets and "@enumerate" points
    numbered, inline commands ("@emph{...}") as their words, and its comments, nodes and index
    entries left out."""
    out: list[str] = []
    numbered: list[int | None] = []  # an open list's next number (None: bullets)
    in_item = False  # a point's words go on its one line, however the source wraps them
    for line in raw.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        _open_or_close_list(stripped, numbered, out)
        if heading := _TEXI_HEADING.match(stripped):
            out += ["", _texi_inline(heading.group("title")), ""]
            in_item = False
        elif item := _TEXI_ITEM.match(stripped):
            number = numbered[-1] if numbered else None
            if numbered and number is not None:
                numbered[-1] = number + 1
            out.append((f"{number}. " if number is not None else "- ") + _texi_inline(item.group("rest")))
            in_item = True
        elif _TEXI_DROPPED.match(stripped) or not stripped:
            in_item = in_item and not stripped.startswith("@end") and bool(stripped)
            if not stripped:
                out.append("")
        elif in_item:
            out[-1] = out[-1] + ("" if out[-1].endswith(" ") else " ") + _texi_inline(stripped)
        else:
            out.append(_texi_inline(stripped))
    return "\n".join(out)


def _open_or_close_list(line: str, numbered: list[int | None], out: list[str]) -> None:
    """Keep the stack of open lists: "@enumerate" numbers its points, "@itemize" and the
    tables bullet them, and "@end ..." closes the innermost (a blank line after it)."""
    if re.match(r"^@enumerate\b", line):
        numbered.append(1)
    elif re.match(r"^@(?:itemize|table|ftable|vtable|multitable)\b", line):
        numbered.append(None)
    elif re.match(r"^@end\s+(?:itemize|enumerate|table|ftable|vtable|multitable)\b", line):
        if numbered:
            numbered.pop()
        out.append("")


def _texi_inline(text: str) -> str:
    """A line's words without its inline commands (innermost first, as they nest)."""
    for glyph, value in _TEXI_GLYPHS.items():
        text = text.replace(glyph, value)
    text = _TEXI_LINK.sub(lambda m: m.group("text"), text)
    while (undone := _TEXI_INLINE.sub(lambda m: m.group("inner"), text)) != text:
        text = undone
    return text


def mind_map_text(root: ET.Element) -> str | None:
    """A FreeMind or Freeplane mind map (``.mm``) as the outline it draws, or None when the file
    is not one: its central topic as the title, every topic with subtopics as a heading, and
    every last topic as a "- " point under it ("Child L - Concise Child Practice Review ..." >
    "Learning" > "- Frequent moves meant ...").  A topic's words are its TEXT attribute, or its
    rich content (HTML) when it has none; notes and icons are not the map's words."""
    if local_name(root.tag) != "map":
        return None
    topics = [e for e in root if local_name(e.tag) == "node"]
    if not topics:
        return None
    return _outline(topics, _topic_words, lambda n: [e for e in n if local_name(e.tag) == "node"])


def xmind_outline(data: object) -> str | None:
    """An XMind mind map's ``content.json`` (the file inside a ``.xmind``) as the outline it draws,
    as :func:`mind_map_text` reads a FreeMind map; a topic's plain-text note is a paragraph under
    it ("Report says 3 recommendations").  None when the data is no XMind content (sheets, each
    with a ``rootTopic``)."""
    sheets = data if isinstance(data, list) else [data]
    roots = [s["rootTopic"] for s in sheets if isinstance(s, dict) and isinstance(s.get("rootTopic"), dict)]
    if not roots or len(roots) != len(sheets):
        return None

    def children(topic: object) -> list[object]:
        held = topic.get("children") if isinstance(topic, dict) else None
        attached = held.get("attached") if isinstance(held, dict) else None
        return [t for t in attached if isinstance(t, dict)] if isinstance(attached, list) else []

    def words(topic: object) -> str:
        title = topic.get("title") if isinstance(topic, dict) else None
        return " ".join(title.split()) if isinstance(title, str) else ""

    def note(topic: object) -> str:
        notes = topic.get("notes") if isinstance(topic, dict) else None
        plain = notes.get("plain") if isinstance(notes, dict) else None
        content = plain.get("content") if isinstance(plain, dict) else None
        return content.strip() if isinstance(content, str) else ""

    return _outline(roots, words, children, note)


def opml_outline(root: ET.Element) -> str | None:
    """An outline saved as OPML (Workflowy's, Dynalist's or an outliner's export: a researcher's
    chapter notes) as the outline it shows, as :func:`mind_map_text` reads a mind map: an item
    with items under it or a note (``_note``, Workflowy's attribute; or ``note``) a heading,
    the note a paragraph under it, any other last item a "- " point.  The head (owner, dates,
    window) is the file's, not the notes' words.  None when the file is no OPML."""
    if local_name(root.tag) != "opml":
        return None
    body = next((e for e in root if local_name(e.tag) == "body"), None)

    def items(node: ET.Element) -> list[ET.Element]:
        return [e for e in node if local_name(e.tag) == "outline"]

    def words(node: ET.Element) -> str:
        return " ".join((node.get("text") or node.get("title") or "").split())

    def note(node: ET.Element) -> str:
        return (node.get("_note") or node.get("note") or "").strip()

    return _outline(items(body) if body is not None else [], words, items, note, noted_heading=True)


#: A DSpace item's metadata fields that are the repository's bookkeeping, not the item's words:
#: when it was deposited and made available, its handle and other identifiers, its language
#: code, the deposit's provenance note, the file's format and the rights statement.
_DSPACE_BOOKKEEPING = re.compile(
    r"^[a-z]+\.(?:date\.(?:accessioned|available)|identifier(?:\..*)?|language(?:\..*)?|"
    r"description\.provenance|format(?:\..*)?|rights(?:\..*)?|type)$")


def dspace_items(data: object) -> list[dict[str, object]] | None:
    """A DSpace 7 REST response (a repository's search, ``/discover/search/objects``, or its
    item list, ``/core/items``) as its items' records; None for other JSON.  The response is
    HAL: each item sits in ``_embedded`` (a key the reader of JSON treats as plumbing), its
    words in ``metadata``, a qualified Dublin Core field ("dc.date.issued") holding a list of
    values.  A field is named by its last part ("issued", "spatial", "abstract", "subject"), as
    the reader of JSON names such fields; one value is a text, several a list; the search's
    highlighted snippets repeat the item's words and are left out."""
    if not isinstance(data, dict) or not isinstance(data.get("_embedded"), dict):
        return None
    embedded = data["_embedded"]
    result = embedded.get("searchResult")
    if isinstance(result, dict) and isinstance(result.get("_embedded"), dict):
        objects = result["_embedded"].get("objects")
        items = [o.get("_embedded", {}).get("indexableObject") for o in objects
                 if isinstance(o, dict)] if isinstance(objects, list) else []
    else:
        items = embedded.get("items") if isinstance(embedded.get("items"), list) else []
    records = [_dspace_record(i["metadata"]) for i in items
               if isinstance(i, dict) and isinstance(i.get("metadata"), dict)]
    return records or None


def _dspace_record(metadata: dict[str, object]) -> dict[str, object]:
    record: dict[str, object] = {}
    for field, entries in metadata.items():
        if _DSPACE_BOOKKEEPING.match(field) or not isinstance(entries, list):
            continue
        values = [e["value"] for e in entries if isinstance(e, dict) and isinstance(e.get("value"), str)]
        name = field.rsplit(".", 1)[-1]
        if values:  # (an author, "dc.contributor.author", is the report's author: its creator)
            record.setdefault("creator" if name == "author" else name,
                              values[0] if len(values) == 1 else values)
    return record


#: A Zotero item's fields that are the library's bookkeeping or empty cataloguing slots, not
#: the work's words (Zotero Web API v3, "Item data"); ``extra`` is kept: people note there.
_ZOTERO_BOOKKEEPING = {"key", "version", "parentItem", "itemType", "relations", "collections",
                       "dateAdded", "dateModified", "accessDate", "libraryCatalog", "callNumber",
                       "archive", "archiveLocation", "rights", "language", "shortTitle", "pages",
                       "creators", "tags", "abstractNote", "institution", "reportType",
                       # where the publisher is (a report's "place"), not the area it covers
                       "place"}
#: Zotero item types that are no work of their own: a file's record, a note, a PDF highlight.
_ZOTERO_CHILD_TYPES = {"attachment", "note", "annotation"}


def zotero_items(data: object) -> list[dict[str, object]] | None:
    """A Zotero Web API v3 response (``/groups/<id>/items``: a reading group's or a team's
    library) as its works' records; None for other JSON.  Each work (a report, an article) is
    its title, type, publisher or authors, date, abstract (its account) and tags (keywords),
    with the notes attached to it (their HTML) as its notes.  Attachments (a PDF's file
    record), standalone notes (a meeting's agenda) and the library's bookkeeping are left out:
    they are the readers' papers, not the works'.  One item's response (``/items/<key>``) is
    one object, read as a list of one."""
    if isinstance(data, dict) and isinstance(data.get("data"), dict) and "key" in data:
        data = [data]
    if not isinstance(data, list) or not data or not all(
            isinstance(i, dict) and isinstance(i.get("data"), dict) and "itemType" in i["data"]
            and "key" in i and "version" in i for i in data):
        return None
    items = [i["data"] for i in data]
    notes: dict[str, list[str]] = {}
    for item in items:
        if item["itemType"] == "note" and isinstance(item.get("parentItem"), str):
            notes.setdefault(item["parentItem"], []).append(str(item.get("note", "")))
    return [_zotero_record(item, notes.get(str(item.get("key")), []))
            for item in items if item["itemType"] not in _ZOTERO_CHILD_TYPES]


def _zotero_record(item: dict[str, object], notes: list[str]) -> dict[str, object]:
    creators = [str(c.get("name") or " ".join(filter(None, (c.get("firstName"), c.get("lastName")))))
                for c in item.get("creators") or [] if isinstance(c, dict)]
    tags = [str(t["tag"]) for t in item.get("tags") or [] if isinstance(t, dict) and t.get("tag")]
    record: dict[str, object] = {
        "title": item.get("title"), "review type": item.get("reportType"),
        # (a report's author is its publisher, the Panel or a board; an article's are people)
        "publisher": item.get("institution")
        or ("; ".join(creators) if item.get("itemType") == "report" else ""),
        "authors": "; ".join(creators), "abstract": item.get("abstractNote"),
        **{k: v for k, v in item.items() if k not in _ZOTERO_BOOKKEEPING and k != "title"},
        "tags": tags, "notes": "\n".join(notes)}
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def omeka_items(data: object) -> list[dict[str, object]] | None:
    """An Omeka S REST API response (``/api/items?item_set_id=9``: a library's or archive's
    catalogue of reviews, as JSON-LD) as its items' records; None for other JSON.  An item's
    title is ``o:title``; each of its vocabulary's properties (``dcterms:abstract``,
    ``dcterms:spatial``) is a field named by the term's local name, as RDF's are (see
    :func:`turtle_records`), its values the literals' text, a linked resource's title or a
    URI's label.  The ``o:`` keys are Omeka's bookkeeping (owner, media, sites, dates the item
    was catalogued), and a value marked private is not shown to the public site's readers."""
    if isinstance(data, dict) and "o:id" in data:
        data = [data]
    if not isinstance(data, list) or not data or not all(
            isinstance(i, dict) and "o:id" in i and any(_omeka_values(v) is not None for v in i.values())
            for i in data):
        return None
    records = []
    for item in data:
        record: dict[str, object] = {"title": item.get("o:title")}
        for key, value in item.items():
            values = _omeka_values(value)
            if values and not key.startswith("o:") and values != [record["title"]]:
                record[key.rpartition(":")[2]] = values[0] if len(values) == 1 else values
        records.append({k: v for k, v in record.items() if v not in (None, "", [])})
    return records


def _omeka_values(value: object) -> list[str] | None:
    """A property's public values as text, or None when the value is no Omeka property's (each
    of whose values names its ``property_id``)."""
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) and "property_id" in v
                                                           for v in value):
        return None
    out = []
    for v in value:
        text = v.get("@value") or v.get("display_title") or v.get("o:label") or v.get("@id")
        if v.get("is_public") is not False and isinstance(text, (str, int, float)) and str(text).strip():
            out.append(str(text))
    return out


#: The namespace an InfoPath form's own fields are in (the designer's "my:" prefix), and XHTML,
#: which a rich-text field's paragraphs are written in.
_INFOPATH_FIELDS = "http://schemas.microsoft.com/office/infopath/"
_XHTML = "{http://www.w3.org/1999/xhtml}"


def infopath_record(root: ET.Element) -> dict[str, object] | None:
    """A filled-in InfoPath form (the ``.xml`` a SharePoint form library keeps, its fields in
    the form's ``my:`` namespace) as one record of its fields by name; None for other XML.
    A group of fields is nested; a repeating section ("Children" holding "Child" after
    "Child") is the list of its rows; a rich-text field's XHTML paragraphs are its text,
    a paragraph each; an empty field (``xsi:nil``) is no value."""
    if not root.tag.startswith("{" + _INFOPATH_FIELDS):
        return None
    value = _form_value(root)
    return value if isinstance(value, dict) else None


def _form_value(element: ET.Element) -> object:
    children = list(element)
    if not children:
        return (element.text or "").strip()
    if all(c.tag.startswith(_XHTML) for c in children):
        return "\n\n".join(filter(None, (element_words(c) for c in children)))
    out: dict[str, object] = {}
    for child in children:
        # (the field's name as the form's designer wrote it, "LocalAuthority": its words)
        name, value = child.tag.rpartition("}")[2], _form_value(child)
        held = out.get(name)
        out[name] = value if name not in out else [*held, value] if isinstance(held, list) else [held, value]
    # a repeating section: its rows, however many ("Children" of one "Child", "LearningPoints"
    # of "LearningPoint" after "LearningPoint")
    if len(out) == 1:
        [(name, rows)] = out.items()
        if isinstance(rows, list) or element.tag.rpartition("}")[2].lower().startswith(name.lower()):
            return rows if isinstance(rows, list) else [rows]
    return out


def label_studio_tasks(data: object) -> list[dict[str, object]] | None:
    """A Label Studio export (a researcher's annotation project saved as JSON) as the records it
    labelled: each task's ``data``, the text and fields that were imported.  The annotations,
    predictions and counts around them are the project's bookkeeping and a reader's labels, not
    the page's words.  None when the data is no such export (a list of tasks, each with a
    ``data`` object and ``annotations`` or ``predictions``)."""
    if not isinstance(data, list) or not data:
        return None
    if not all(isinstance(t, dict) and isinstance(t.get("data"), dict)
               and ("annotations" in t or "predictions" in t) for t in data):
        return None
    return [t["data"] for t in data]


def _outline(roots: list, words: Callable[[Any], str], children: Callable[[Any], list],
             note: Callable[[Any], str] = lambda _: "", noted_heading: bool = False) -> str:
    """A mind map's topics as an outline: its central topic as the title, every topic with
    subtopics as a heading (its note a paragraph under it), every last topic a "- " point;
    with ``noted_heading``, a last topic with a note is a heading too (an outliner's item
    whose note holds a review's summary is no point of the item above it)."""
    out: list[str] = []

    def walk(node: object, depth: int) -> None:
        said, below = words(node), children(node)
        if below or depth == 0 or (noted_heading and note(node)):
            out.extend(["", said, ""] if said else [])
            out.extend([note(node), ""] if note(node) else [])
        elif said:
            out.append(f"- {said}" + (f" ({note(node)})" if note(node) else ""))
        for child in below:
            walk(child, depth + 1)

    for topic in roots:
        walk(topic, 0)
    return "\n".join(out)


def _topic_words(node: ET.Element) -> str:
    """A mind map topic's words: its TEXT attribute, else its rich content's text."""
    if text := node.get("TEXT"):
        return " ".join(text.split())
    rich = next((e for e in node if local_name(e.tag) == "richcontent"
                 and (e.get("TYPE") or "NODE").upper() == "NODE"), None)
    return element_words(rich) if rich is not None else ""


#: A troff request that only lays out or describes the page: the man page's title line, spacing,
#: fonts set for what follows, macros, and the SYNOPSIS's command lines.  (Paragraph breaks and
#: indents end a paragraph, and are read before this; comments are told by their start.)
_TROFF_DROPPED = re.compile(r"^\.(?:TH|ne|ti|ll|nh|hy|ad|na|fi|nf|ft|ps|vs|so|ds|nr|de|ig|if|ie|el|"
                            r"UC|DT|PD|EX|EE|UR|UE|MT|ME|SY|YS|OP)\b")
#: A comment (".\\"", ".\\#") or a line of control with the no-break character ("'").
_TROFF_COMMENT = (".\\\"", ".\\#", "'")
#: A section or subsection heading: ".SH NAME", '.SS "Child H \- serious case review"'.
_TROFF_HEADING = re.compile(r"^\.(?:SH|SS)\s*(?P<title>.*)$")
#: A font request whose arguments are words of the running text (".B LEARNING", ".BR sgcode (1),").
_TROFF_FONT = re.compile(r"^\.(?P<request>B|I|R|SM|SB|BR|RB|BI|IB|IR|RI)\b\s*(?P<words>.*)$")
#: The font requests that alternate two fonts, setting their arguments without a space.
_TROFF_ALTERNATING = frozenset({"BR", "RB", "BI", "IB", "IR", "RI"})
#: troff's escapes for characters a reader sees, and its font changes (which show nothing).
_TROFF_GLYPHS = {r"\(bu": "-", r"\(em": "\u2014", r"\(en": "\u2013", r"\(aq": "'", r"\(lq": '"',
                 r"\(rq": '"', r"\(oq": "\u2018", r"\(cq": "\u2019", r"\*(lq": '"', r"\*(rq": '"',
                 r"\(co": "(C)", r"\-": "-", r"\e": "\\", r"\&": "", r"\ ": " ", r"\~": " ",
                 r"\|": "", r"\^": "", r"\:": "", r"\c": ""}
_TROFF_FONT_ESCAPE = re.compile(r"\\f(?:\(..|\[[^\]]*\]|.)|\\s[-+]?\d+")


#: A man page's sections about the tool, not the page's subject: how to call it, where its files
#: are, who wrote it, where else to look.
_TROFF_TOOL_SECTIONS = re.compile(r"^(?:SYNOPSIS|OPTIONS|FILES|ENVIRONMENT|EXIT STATUS|SEE ALSO|"
                                  r"(?:REPORTING )?BUGS|AUTHORS?|COPYRIGHT|HISTORY|COLOPHON)$")


def troff_to_text(raw: str) -> str:
    """A man page or other troff source (``.7``, ``.man``, ``.roff``) as the page ``man`` shows:
    ".SH"/".SS" titles as headings, paragraphs joined from their source lines, ".IP \\(bu" points
    as "- " bullets, a ".TP" point as its tag and its text on one line ("1. Self-harm ..."),
    font requests as their words; comments, layout requests and the sections about the tool
    ("SYNOPSIS", "SEE ALSO", "AUTHOR") are left out."""
    out: list[str] = []
    paragraph: list[str] = []
    tag_next = False  # after ".TP": the next line is the point's tag ("1.")
    skipping = False  # in a section about the tool ("SEE ALSO"), not the page's subject

    def flush(start: str = "") -> None:
        if paragraph:
            out.append(" ".join(paragraph))
            paragraph.clear()
        if start:
            paragraph.append(start)

    for line in _ms_as_man(raw.replace("\r\n", "\n").split("\n")):
        if heading := _TROFF_HEADING.match(line):
            flush()
            title = _troff_words(_troff_args(heading.group("title")))
            skipping = line.startswith(".SH") and bool(_TROFF_TOOL_SECTIONS.match(title.upper()))
            out += [] if skipping else ["", title, ""]
        elif skipping:
            continue
        elif re.match(r"^\.IP\b", line):
            flush()
            mark = _troff_args(line[3:])
            first = _troff_words(mark.split(" ")[0]) if mark else ""
            paragraph.append("- " if first in ("-", "\u2022", "*", "o") else f"{first} " if first else "")
        elif re.match(r"^\.TP\b", line):
            flush()
            tag_next = True
        elif re.match(r"^\.(?:RS|RE|br|in)\b", line):
            flush()  # (an indent's start or end, a break: a new line, no gap)
        elif re.match(r"^\.(?:PP|LP|P|HP|sp)\b", line) or not line.strip():
            flush()
            out.append("")  # (a paragraph's end: a blank line, as man shows it)
        elif _TROFF_DROPPED.match(line) or line.startswith(_TROFF_COMMENT):
            continue
        else:
            font = _TROFF_FONT.match(line)
            words = _troff_words(_troff_args(font["words"], font["request"] in _TROFF_ALTERNATING)
                                 if font else line)
            if tag_next:
                flush(f"{words} ")
                tag_next = False
            elif words:
                paragraph.append(words)
    flush()
    return "\n".join(re.sub(r" +", " ", ln) for ln in out)


#: The -ms (and man) requests whose heading is on the lines after them, up to the next request:
#: a paper's title (".TL"), a numbered or plain heading (".NH 2", ".SH" with no words).
_MS_HEADING = re.compile(r"^\.(?:TL|NH(?:\s+\S+)?|SH|SS)\s*$")
#: The -ms requests that start a paragraph of their own: an author, an institution, an
#: abstract's ends, a quoted or indented paragraph, a footnote.
_MS_PARAGRAPH = re.compile(r"^\.(?:AU|AI|AB|AE|QP|XP|LP|FS|FE|DS|DE|KS|KE|KF|ID|LD|CD|BD)\b")


def _ms_as_man(lines: list[str]) -> list[str]:
    """A paper written with the -ms macros (``.ms``) in the requests :func:`troff_to_text`
    reads: a heading's lines after ".TL"/".NH" as one ".SS" heading, the requests that start a
    block as a paragraph's end, and a tbl table (".TS" ... ".TE") as its rows, a line each
    with their cells apart (its format lines and rules left out).  A man page passes as it is."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if _MS_HEADING.match(line):
            words = []
            while i < len(lines) and lines[i].strip() and not lines[i].startswith("."):
                words.append(lines[i].strip().replace('"', '""'))
                i += 1
            # (a man page's bare ".SH" stays one, so that its tool sections are still left out)
            request = ".SH" if line.startswith(".SH") else ".SS"
            out.append(f'{request} "{" ".join(words)}"' if words else ".PP")
        elif _MS_PARAGRAPH.match(line):
            out.append(".PP")
        elif line.startswith(".TS"):
            i = _tbl_rows(lines, i, out)
        else:
            out.append(line)
    return out


def _tbl_rows(lines: list[str], i: int, out: list[str]) -> int:
    """A tbl table's rows from line ``i`` (after ".TS") into ``out``, each its cells apart on a
    line of its own; the index after ".TE".  Its options and format (up to the line ending in
    ".") and its rules ("_", "=") show no words."""
    end = next((j for j in range(i, len(lines)) if lines[j].startswith(".TE")), len(lines))
    start = next((j + 1 for j in range(i, end) if lines[j].rstrip().endswith(".")), i)
    out.append(".PP")
    for row in lines[start:end]:
        if row.strip() not in ("_", "=", "") and not row.startswith("."):
            out += [".br", "   ".join(c.strip() for c in row.split("\t"))]
    out.append(".PP")
    return end + 1


def _troff_args(args: str, alternating: bool = False) -> str:
    """A request's arguments as words: quoted arguments unquoted; the arguments of an
    alternating-font request (".BR sgcode (1),") joined without a space, as troff sets them."""
    parts = re.findall(r'"((?:[^"]|"")*)"|(\S+)', args.strip())
    return ("" if alternating else " ").join((quoted or bare).replace('""', '"') for quoted, bare in parts)


def _troff_words(text: str) -> str:
    """A line of troff as its words: character escapes as the characters, font changes dropped."""
    text = _TROFF_FONT_ESCAPE.sub("", text)
    for escape, char in _TROFF_GLYPHS.items():
        text = text.replace(escape, char)
    return text.strip()


#: The namespace of a Lotus Notes / Domino database exported as XML (DXL).
DXL_NAMESPACE = "http://www.lotus.com/dxl"


def notes_documents(root: ET.Element) -> list[dict[str, object]] | None:
    """A Lotus Notes database exported as DXL as its documents, each a record of its items by
    name ("Subject", "ReviewType", "Body"), or None when the file is not DXL.  A rich-text item
    is its paragraphs, a line each, list paragraphs as "- " bullets or numbered points; the
    note's bookkeeping (ids, who edited it, when) is not the document's words.  A Notes
    "Subject" is the document's title.  Documents of a form other than the one most of them
    use are left out (see below)."""
    if root.tag != f"{{{DXL_NAMESPACE}}}database":
        return None
    documents = list(root.iter(f"{{{DXL_NAMESPACE}}}document"))
    ranked = Counter(d.get("form") for d in documents).most_common(2)
    if len(ranked) == 2 and ranked[0][1] > ranked[1][1]:
        # a database keeps its records in one form; a document of another ("AdminNote", a
        # profile) is its keepers' note, not a record
        documents = [d for d in documents if d.get("form") == ranked[0][0]]
    records: list[dict[str, object]] = []
    for document in documents:
        record: dict[str, object] = {}
        for item in document.findall(f"{{{DXL_NAMESPACE}}}item"):
            name = item.get("name", "")
            key = "title" if name.lower() == "subject" else name
            if value := _notes_item(item):
                record[key] = value
        if record:
            records.append(record)
    return records


def _notes_item(item: ET.Element) -> object:
    """A Notes item's value: rich text as lines, a list of values as a list, else its text."""
    value = next(iter(item), None)
    if value is None:
        return ""
    name = local_name(value.tag)
    if name == "richtext":
        return _notes_richtext(value)
    if name.endswith("list"):
        return [element_words(v) for v in value]
    return element_words(value)


def _notes_richtext(richtext: ET.Element) -> str:
    """Rich text's paragraphs, a line each; a paragraph whose definition ("pardef") is a bullet
    or numbered list is a "- " point or the list's next number."""
    kinds = {d.get("id"): d.get("list", "") for d in richtext.iter(f"{{{DXL_NAMESPACE}}}pardef")}
    lines: list[str] = []
    number = 0
    for par in richtext.iter(f"{{{DXL_NAMESPACE}}}par"):
        text = element_words(par)
        kind = kinds.get(par.get("def"), "")
        number = number + 1 if kind == "number" else 0
        if text:
            lines.append(f"{number}. {text}" if kind == "number" else f"- {text}" if kind else text)
    return "\n".join(lines)


#: The namespaces of a flat OpenDocument spreadsheet's tables and cells.
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def spreadsheet_sheets(body: ET.Element) -> list[list[list[str]]] | None:
    """A flat OpenDocument spreadsheet's sheets (LibreOffice's ``.fods``), each its rows of cell
    texts, or None when the body holds no spreadsheet (a ``.fodt`` text document).  A cell's
    paragraphs are its lines; a repeated empty cell ("number-columns-repeated") is one cell, as
    the sheet shows nothing there but trailing blanks."""
    sheet = next((e for e in body if local_name(e.tag) == "spreadsheet"), None)
    if sheet is None:
        return None
    sheets = []
    for table in sheet.iter(f"{{{_ODF_TABLE}}}table"):
        rows = []
        for row in table.iter(f"{{{_ODF_TABLE}}}table-row"):
            cells = []
            for cell in row:
                if local_name(cell.tag) not in ("table-cell", "covered-table-cell"):
                    continue
                text = "\n".join(element_words(p) for p in cell)
                repeat = int(cell.get(f"{{{_ODF_TABLE}}}number-columns-repeated", "1")) if text else 1
                cells += [text] * min(repeat, 64)
            while cells and not cells[-1]:
                cells.pop()
            rows.append(cells)
        sheets.append(rows)
    return sheets


#: Gnumeric's namespace, and its ValueType of a number (40) and of a formula's error (30).
_GNUMERIC = "{http://www.gnumeric.org/v10.dtd}"
_GNUMERIC_NUMBER, _GNUMERIC_ERROR = "40", "30"


def gnumeric_sheets(root: ET.Element) -> list[list[list[str]]] | None:
    """A Gnumeric workbook's visible sheets, each its rows of cell texts (a cell is kept by its
    row and column; the rows and columns between are empty cells), or None for other XML.  A
    number in a date format is the date the sheet shows, in ISO form; a formula with no value
    saved and an error ("#REF!") are no words."""
    if root.tag != f"{_GNUMERIC}Workbook":
        return None
    sheets = []
    for sheet in root.iter(f"{_GNUMERIC}Sheet"):
        if sheet.get("Visibility", "").endswith("HIDDEN"):
            continue
        grid: dict[int, dict[int, str]] = defaultdict(dict)
        for cell in sheet.iter(f"{_GNUMERIC}Cell"):
            text = _gnumeric_text(cell)
            row, col = cell.get("Row", ""), cell.get("Col", "")
            # (a cell past Gnumeric's own grid, 1,048,576 rows by 16,384 columns, is damage)
            if text and row.isdigit() and col.isdigit() and int(row) < 2**20 and int(col) < 2**14:
                grid[int(row)][int(col)] = text
        sheets.append(grid_rows(grid))
    return sheets


def grid_rows(grid: dict[int, dict[int, str]], first: int = 0) -> list[list[str]]:
    """A sheet's cells kept by row and column as its rows of cell texts, counted from ``first``
    (Gnumeric counts from 0, Excel's references from 1): the rows and columns between are empty
    cells, a row without cells an empty row (the one home of this, for every workbook reader)."""
    rows = []
    for number in range(first, max(grid, default=first - 1) + 1):
        cells = grid.get(number, {})
        rows.append([cells.get(c, "") for c in range(first, max(cells, default=first - 1) + 1)])
    return rows


#: Day 0 of a spreadsheet's serial dates as Excel, Gnumeric and LibreOffice count them (Excel's
#: phantom 29 February 1900 included).
SERIAL_EPOCH = date(1899, 12, 30)


def serial_date(text: str, epoch: date = SERIAL_EPOCH) -> str | None:
    """A spreadsheet's serial date number ("45366", "45366.5": days since ``epoch``) as the ISO
    date the sheet shows, or None for text that is no such number (past 31 December 9999, the
    last day a date can be, is none)."""
    if re.fullmatch(r"\d{1,7}(?:\.\d+)?", text) and float(text) < 2958466:
        return (epoch + timedelta(days=int(float(text)))).isoformat()
    return None


def _gnumeric_text(cell: ET.Element) -> str:
    text = (cell.text or "").strip()
    kind = cell.get("ValueType")
    if (kind is None and text.startswith("=")) or kind == _GNUMERIC_ERROR:
        return ""
    form = cell.get("ValueFormat", "")
    if kind == _GNUMERIC_NUMBER and re.search(r"[dy]", form) and (day := serial_date(text)):
        return day  # a date's serial number
    return text


def turtle_records(raw: str) -> list[dict[str, object]]:
    """Hand-written RDF in Turtle as records, in the order the file writes them: each resource
    with words of its own (a title, a summary) is a record of its properties by their local
    names ("title", "summary", "learning"), an RDF list ``( ... )`` or container (``rdf:Seq``,
    ``rdf:Alt``) as a list, a property given several values as a list, a linked resource as
    its label.  Its types are not words, and a resource that is only a label (a place another
    one links to) is no record.

    Oxigraph parses it: its parser streams triples in the file's order and says where a syntax
    error is.  casegraph's own graph is refused: it is what a build writes, not a page about a
    review, and read as pages it would make every review a second time."""
    return _rdf_records(raw, "turtle")


def dataset_records(raw: str, syntax: str) -> list[dict[str, object]]:
    """An RDF dataset of named graphs (``.trig``: a triple store's or a catalogue's export in
    TriG; ``.nq``: the same in N-Quads, a quad a line) as records, read as
    :func:`turtle_records` reads Turtle.  Which graph a statement is in says where the
    exporter kept it, not what it says of a review, so the graphs are read as one: a
    resource described in two graphs is one record."""
    return _rdf_records(raw, syntax)


def n3_records(raw: str) -> list[dict[str, object]]:
    """(session 80) Notation3 (``.n3``: a practice library's records, written by rdflib's N3
    serialiser) as records, read as :func:`turtle_records` reads Turtle, of which N3 is a
    superset.  A formula's statements (``{ ... }``, a rule's premise or a quoted claim) are not
    asserted by the file, so they are no record's values: only the default graph is read."""
    return _rdf_records(raw, "n3")


def xmp_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A PDF's XMP metadata (``.xmp``: the sidecar Adobe Bridge or an archive's cataloguing
    tool writes beside a digitised report) as the records of its RDF, read as
    :func:`turtle_records` reads Turtle: the document's title, description, subjects and an
    archive's own fields; None for other XML.  The packet wraps its RDF/XML (``x:xmpmeta``),
    so the ``rdf:RDF`` element is taken out and written again with the namespaces it uses.  A
    history of edits (``xmpMM:History``: nested resources without words) is no value."""
    if local_name(root.tag) != "xmpmeta":
        return None
    rdf = next((e for e in root.iter() if e.tag == f"{{{RDF}}}RDF"), None)
    if rdf is None:
        raise ValueError("no RDF (an XMP packet's rdf:RDF element)")
    return _rdf_records(ET.tostring(rdf, encoding="unicode"), "rdf/xml", _XMP_TOOLS)


def rdf_xml_records(root: ET.Element) -> list[dict[str, object]] | None:
    """An RDF/XML file (``.rdf``: a reference manager's export, Zotero's "Zotero RDF") as the
    records of its RDF, read as :func:`turtle_records` reads Turtle; None for other XML and for
    an RSS 1.0 feed, whose items are a feed's.  A Zotero item's note (``bib:Memo``, its
    ``rdf:value`` HTML) is a value of the item that links to it.

    Zotero writes an attachment's file as a property named ``rdf:resource``, which RDF/XML
    forbids and Oxigraph rightly refuses: those elements, a file path and no word of the page,
    are taken out before the RDF is parsed."""
    if root.tag != f"{{{RDF}}}RDF" or any(e.tag == f"{{{_RSS1}}}item" for e in root):
        return None
    for parent in list(root.iter()):
        for child in [c for c in parent if c.tag in (f"{{{RDF}}}resource", _ZOTERO_ATTACHMENT)]:
            parent.remove(child)  # (an attachment: a file's name, "Full Text PDF")
    return _rdf_records(ET.tostring(root, encoding="unicode"), "rdf/xml", _ZOTERO_PLUMBING)


_ZOTERO_ATTACHMENT = "{http://www.zotero.org/namespaces/export#}Attachment"
SPARQL_RESULTS = "http://www.w3.org/2005/sparql-results#"


def sparql_xml_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A SPARQL query's results saved as XML (``.srx``: a researcher's query of a knowledge
    graph, as Fuseki or Virtuoso return it) as records, one a result, keyed by the query's
    variables; None for other XML.  See :func:`_binding_record`."""
    if root.tag != f"{{{SPARQL_RESULTS}}}sparql":
        return None
    return [_binding_record({b.get("name", ""): (local_name(b[0].tag), "".join(b[0].itertext()))
                             for b in result if len(b)})
            for result in root.iter(f"{{{SPARQL_RESULTS}}}result")]


def sparql_json_records(data: object) -> list[dict[str, object]] | None:
    """A SPARQL query's results saved as JSON (``.srj``, or a ``.json`` file holding
    ``{"head": {"vars": ...}, "results": {"bindings": ...}}``) as :func:`sparql_xml_records`
    reads the XML form; None for other JSON."""
    if not (isinstance(data, dict) and isinstance(head := data.get("head"), dict) and "vars" in head
            and isinstance(results := data.get("results"), dict)
            and isinstance(bindings := results.get("bindings"), list)):
        return None
    return [_binding_record({name: (str(v.get("type", "")), str(v.get("value", "")))
                             for name, v in row.items() if isinstance(v, dict)})
            for row in bindings if isinstance(row, dict)]


def solr_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A Solr search response saved as XML (``/select?wt=xml``: a library's search over its
    case reviews) as its documents' records, or None for other XML.  Solr names each field in
    a ``name`` attribute of a typed element (``<str name="title">``, ``<int name="published">``,
    ``<arr name="learning">`` of values); the response header (status, query time, the query's
    parameters) and the facets are the server's, no word of the page."""
    if local_name(root.tag) != "response" or not any(local_name(e.tag) == "result" for e in root):
        return None
    out = []
    for doc in (d for e in root if local_name(e.tag) == "result" for d in e if local_name(d.tag) == "doc"):
        record: dict[str, object] = {}
        for field in doc:
            name = field.get("name")
            values = [element_words(v) for v in field] if len(field) \
                else [element_words(field)]
            values = [v for v in values if v]
            if name and values:
                record[name] = values[0] if len(values) == 1 and local_name(field.tag) != "arr" else values
        out.append(record)
    return out


#: How a query joins a group's values into one (``GROUP_CONCAT(?x; separator=" || ")``).
_GROUP_SEPARATOR = re.compile(r" \|\|? ")


def _binding_record(bindings: dict[str, tuple[str, str]]) -> dict[str, object]:
    """One result's bindings (kind, value) as a record: a literal's words, several joined by
    the query as a list; an IRI or a blank node is the graph's identifier, no word of the page
    (the query's label variables carry the words)."""
    record: dict[str, object] = {}
    for name, (kind, value) in bindings.items():
        if kind in ("literal", "typed-literal") and value.strip():
            parts = [p.strip() for p in _GROUP_SEPARATOR.split(value) if p.strip()]
            record[name] = parts[0] if len(parts) == 1 else parts
    return record


#: RSS 1.0 (RDF Site Summary): a feed written in RDF/XML, read as a feed.
_RSS1 = "http://purl.org/rss/1.0/"
#: Zotero's bookkeeping (item type, library catalogue, link mode, when it was added) and an
#: item's links to its attachments: no word of the document.
_ZOTERO_PLUMBING = ("http://www.zotero.org/namespaces/export#itemType",
                    "http://www.zotero.org/namespaces/export#libraryCatalog",
                    "http://www.zotero.org/namespaces/export#linkMode",
                    "http://www.zotero.org/namespaces/export#language",
                    "http://www.zotero.org/namespaces/export#numPages",
                    "http://purl.org/dc/terms/dateSubmitted", "http://purl.org/rss/1.0/modules/link/")


#: XMP's namespaces of the tools' own bookkeeping (which program wrote the file and when, its
#: document and instance IDs, its edit history, its PDF producer), which name no word of the
#: document; ``pdf:Keywords`` is the document's, and kept.
_XMP_TOOLS = ("http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/xap/1.0/mm/",
              "http://ns.adobe.com/xap/1.0/rights/Marked", "http://ns.adobe.com/pdf/1.3/Producer",
              "http://ns.adobe.com/pdf/1.3/PDFVersion", "http://ns.adobe.com/pdf/1.3/Trapped")


#: The RDF syntaxes casegraph reads pages in, by the name its readers give them.
_RDF_SYNTAXES = {"turtle": "TURTLE", "rdf/xml": "RDF_XML", "trig": "TRIG", "n-quads": "N_QUADS", "n3": "N3"}


def _rdf_records(raw: str, syntax: str, unsaid: tuple[str, ...] = ()) -> list[dict[str, object]]:
    """The records of RDF in Turtle, RDF/XML, TriG or N-Quads (see :func:`turtle_records`); the predicates
    under ``unsaid`` (a namespace, or one IRI) carry no words of the page and are left out."""
    import pyoxigraph as ox

    form = getattr(ox.RdfFormat, _RDF_SYNTAXES[syntax])
    try:
        triples = [(q.subject, q.predicate, q.object)
                   for q in ox.parse(raw.encode("utf-8"), format=form, base_iri="file:///page")
                   if syntax != "n3" or isinstance(q.graph_name, ox.DefaultGraph)]
    except SyntaxError as exc:  # ("Parser error at line 2 between columns 11 and 15: ...")
        reason = str(exc.msg).rpartition(": ")[2]
        where = f"line {exc.lineno}, column {exc.offset}: " if exc.lineno else ""
        raise ValueError(f"{where}{reason}") from None
    if any(isinstance(t, ox.NamedNode) and t.value.startswith(BASE) for triple in triples for t in triple):
        raise ValueError("this is casegraph's own graph (its namespace), not a page about reviews")
    by_subject: dict[object, dict[str, list[object]]] = {}
    for subject, predicate, obj in triples:  # (dicts keep the file's order)
        by_subject.setdefault(subject, {}).setdefault(predicate.value, []).append(obj)
    linked = {o for _, _, o in triples}
    members = Counter(o for _, p, o in triples if p.value in _PART_OF)
    records = []
    for subject, properties in by_subject.items():
        properties = {p: o for p, o in properties.items() if not _under(p, unsaid)}
        if _FIRST in properties or (isinstance(subject, ox.BlankNode) and subject in linked):
            continue  # (a list's cell, a nested node: its owner's value)
        if sum(o in by_subject for p in _PARTS for o in properties.get(p, [])) >= 2 \
                or members[subject] >= 2:
            continue  # a dataset of the records it has as parts ("dcterms:hasPart"), or (session
            # 80) that say they are its parts ("dcterms:isPartOf": a library's batch): no record
        record = _turtle_record(by_subject, properties)
        if set(record) - _WORDS_OF_A_LINK or (record and subject not in linked):
            # (a place's label alone, a type alone, a note another record holds, a person its
            # review is about, named and described: no record)
            records.append(record)
    return records


def _turtle_record(by_subject: dict[object, dict[str, list[object]]],
                   properties: dict[str, list[object]]) -> dict[str, object]:
    """A resource's properties by local name, each its one value or its list of values."""
    record: dict[str, object] = {}
    for predicate, objects in properties.items():
        objects = _in_position(by_subject, objects)
        values = [v for o in objects if (v := _turtle_value(by_subject, o)) not in (None, "", [])]
        if values and predicate != RDF_TYPE:
            record[_iri_name(predicate)] = values[0] if len(values) == 1 else values
    return record


def _in_position(by_subject: dict[object, dict[str, list[object]]], objects: list[object]) -> list[object]:
    """A property's values in the order their positions give (``schema:position 2``: a
    review's learning points as separate nodes, which an exporter writes in the order of their
    node ids), else as the file has them."""
    import pyoxigraph as ox

    positions = []
    for o in objects:
        given = [v for p in _POSITIONS for v in by_subject.get(o, {}).get(p, [])]
        number = given[0].value if given and isinstance(given[0], ox.Literal) else ""
        if not re.fullmatch(r"-?\d{1,9}", number):
            return objects
        positions.append(int(number))
    return [o for _, o in sorted(zip(positions, objects, strict=True), key=lambda pair: pair[0])]


#: The predicates that give an item's place among its owner's values.
_POSITIONS = ("http://schema.org/position", "https://schema.org/position", "http://www.w3.org/ns/shacl#order")


#: The predicates by which a dataset or a collection names its members.
_PARTS = ("http://purl.org/dc/terms/hasPart", "http://schema.org/hasPart", "http://www.w3.org/ns/dcat#dataset",
          "http://rdfs.org/ns/void#subset", "http://www.w3.org/2000/01/rdf-schema#member")

#: (session 80) The predicates by which a member names its collection.
_PART_OF = ("http://purl.org/dc/terms/isPartOf", "http://schema.org/isPartOf")

#: An RDF list's cells: its first item, the rest, and the empty list that ends it.
_FIRST, _REST, _NIL = str(RDF.first), str(RDF.rest), str(RDF.nil)


def _turtle_value(by_subject: dict[object, dict[str, list[object]]], node: object) -> object:
    """An object's value as a record holds it: a literal's text, an RDF list's items, a linked
    resource's label (None without one)."""
    import pyoxigraph as ox

    if isinstance(node, ox.Literal):
        return node.value
    if members := _container_members(by_subject.get(node, {})):  # an rdf:Seq, Bag or Alt
        items = [str(v) for o in members if (v := _turtle_value(by_subject, o))]
        return items[0] if len(items) == 1 else items
    items: list[str] = []
    seen: set[object] = set()  # (a list whose rest leads back into it would never end)
    while node in by_subject and _FIRST in by_subject[node] and node not in seen:
        seen.add(node)
        items += [str(v) for o in by_subject[node][_FIRST] if (v := _turtle_value(by_subject, o))]
        node = by_subject[node].get(_REST, [None])[0]
    if isinstance(node, ox.NamedNode) and node.value == _NIL:
        return items
    if seen:
        raise ValueError("an RDF list that does not end in rdf:nil")
    names = by_subject.get(node, {})
    labels = next((names[p] for p in _NAMES if p in names), [])
    if not labels or not isinstance(labels[0], ox.Literal):
        return None
    about = next((names[p][0].value for p in _DESCRIPTIONS
                  if p in names and isinstance(names[p][0], ox.Literal)), "")
    return f"{labels[0].value} – {about}" if about.strip() else labels[0].value


#: The properties that hold a linked resource's words, in the order they are preferred: its
#: label, its value (a Zotero note's HTML, a tag's word, a URI's text), a person's or an
#: organisation's name, a person's nickname (a review's child by the name it gives her).
_NAMES = (RDFS_LABEL, str(RDF.value), "http://xmlns.com/foaf/0.1/name", "http://schema.org/name",
          "https://schema.org/name", "http://xmlns.com/foaf/0.1/nick")
#: The properties that describe a linked resource in a sentence ("A girl aged 15 years at the
#: time of the review."): given after its name, so that its owner's record says it.
_DESCRIPTIONS = ("http://www.w3.org/2000/01/rdf-schema#comment", "http://purl.org/dc/terms/description", "http://schema.org/description",
                 "https://schema.org/description")
#: A linked resource's keys that are only its name and description: no record of its own.
_WORDS_OF_A_LINK = {"label", "value", "name", "nick", "comment", "description"}


def _under(iri: str, names: tuple[str, ...]) -> bool:
    """Whether an IRI is one of ``names`` or in one of them as a namespace (its local name,
    a word, after it)."""
    return any(iri == n or (iri.startswith(n) and re.fullmatch(r"\w+", iri[len(n):])) for n in names)


#: A container's members: rdf:_1, rdf:_2 ... (XMP's rdf:li), in their order.
_MEMBER = re.compile(re.escape(str(RDF)) + r"_(\d+)$")


def _container_members(properties: dict[str, list[object]]) -> list[object]:
    numbered = sorted((int(m[1]), objects) for p, objects in properties.items() if (m := _MEMBER.match(p)))
    return [o for _, objects in numbered for o in objects]


def _iri_name(iri: str) -> str:
    """An IRI's last part: "summary" of "https://example.org/reviewpilot#summary"."""
    return re.split(r"[#/:]", iri.rstrip("/#"))[-1]


# ------------------------------------------------ old spreadsheet interchange: SYLK and DIF
def sylk_rows(raw: str) -> list[list[str]]:
    """A SYLK spreadsheet (``.slk``, Multiplan's and Excel's "Symbolic Link") as its rows of cell
    texts.  Each "C" record is a cell: "Y" its row, "X" its column (either left out: the last
    one's), "K" its value, a string quoted and a doubled ";;" a semicolon in it.  Formats,
    options and formulas ("F", "O", "E") show nothing of their own."""
    lines = unify_line_ends(raw).split("\n")
    if not lines[0].startswith("ID;"):
        raise ValueError("a SYLK file starts with an ID record (\"ID;P...\")")
    cells: dict[tuple[int, int], str] = {}
    row = column = 1
    for number, line in enumerate(lines, start=1):
        fields = [f.replace("\0", ";") for f in line.replace(";;", "\0").split(";")]
        if fields[0] not in ("C", "F"):
            continue
        try:
            named = {f[:1]: f[1:] for f in fields[1:] if f}
            row, column = int(named.get("Y", row)), int(named.get("X", column))
        except ValueError:
            raise ValueError(f"line {number}: a cell's row or column is not a number") from None
        if fields[0] == "C" and "K" in named:
            cells[row, column] = _sylk_value(named["K"])
    return _grid(cells)


def _sylk_value(value: str) -> str:
    """A SYLK cell's shown value: a string without its quotes, a number as written."""
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


def dif_rows(raw: str) -> list[list[str]]:
    """A DIF spreadsheet (``.dif``, the Data Interchange Format of VisiCalc, still written by
    Excel and LibreOffice) as its rows of cell texts.  After the header's "DATA" section every
    value is two lines: "-1,0" then "BOT" starts a row ("EOD" ends the data), "0,<number>"
    then "V" is a number, "1,0" then a quoted string is text."""
    lines = unify_line_ends(raw).split("\n")
    if lines[0].strip() != "TABLE" or "DATA" not in (ln.strip() for ln in lines):
        raise ValueError('a DIF file starts with a "TABLE" section and has a "DATA" section')
    at = next(n for n, ln in enumerate(lines) if ln.strip() == "DATA") + 3  # (DATA, 0,0, "")
    rows: list[list[str]] = []
    for n in range(at, len(lines) - 1, 2):
        kind, _, number = lines[n].strip().partition(",")
        value = lines[n + 1].strip()
        if kind == "-1" and value == "EOD":
            break
        if kind == "-1" and value == "BOT":
            rows.append([])
        elif kind in ("0", "1") and rows:
            text = _sylk_value(value).replace('""', '"') if kind == "1" else (
                number if value == "V" else "" if value == "NA" else value)
            rows[-1].append(text)
        elif kind not in ("-1", "0", "1"):
            raise ValueError(f"line {n + 1}: {lines[n].strip()!r} is no DIF value's type")
    while rows and not any(rows[-1]):
        rows.pop()
    return [r[:max((k + 1 for k, c in enumerate(r) if c), default=0)] for r in rows]


def _grid(cells: dict[tuple[int, int], str]) -> list[list[str]]:
    """Cells by (row, column), counted from 1, as rows of texts (a missing cell empty)."""
    if not cells:
        return []
    rows = [[""] * max(c for _, c in cells) for _ in range(max(r for r, _ in cells))]
    for (r, c), text in cells.items():
        rows[r - 1][c - 1] = text
    return rows


# ------------------------------------------------------------------ TiddlyWiki and OCR output
#: A tiddler's wiki markup and the Markdown that says the same (after its numbered points,
#: :func:`_tiddly_numbers`): headings ("!!"), bullets ("*"), bold ("''"), italics ("//", not a
#: URL's), links ("[[words|target]]"); transclusions and macros ("{{...}}", "<<...>>", which
#: show another tiddler or a widget, not these words) are left out.
#: A tiddler's transclusions and macros ("{{...}}", "<<list-links ...>>"): another tiddler's
#: words or a widget, none of its own.
_TIDDLY_WIDGETS = re.compile(r"\{\{[^}]*\}\}|<<[^>]*>>")
_TIDDLY_MARKUP = [
    (re.compile(r"^(!{1,6})\s*", re.M), lambda m: "#" * len(m[1]) + " "),
    (re.compile(r"^(\*{1,4})(?=\s)", re.M), lambda m: "    " * (len(m[1]) - 1) + "-"),
    (re.compile(r"''(.+?)''"), lambda m: f"**{m[1]}**"),
    (re.compile(r"(?<![:/])//(.+?)(?<![:/])//"), lambda m: f"*{m[1]}*"),
    (re.compile(r"\[\[([^\]|]+)\|[^\]]*\]\]"), lambda m: m[1]),
    (re.compile(r"\[\[([^\]]+)\]\]"), lambda m: m[1]),
    (re.compile(r"^<<<.*$", re.M), lambda m: ""),  # (session 71) a block quote's fences
    (re.compile(r"(?<=\|)!"), lambda m: ""),  # a table's heading cell ("|!Date |")
    (re.compile(_TIDDLY_WIDGETS.pattern + r"|@@"), lambda m: ""),
]


def tiddler_markdown(raw: str) -> str:
    """A TiddlyWiki tiddler (``.tid``) as Markdown: its title as the page's heading (unless its
    text opens with a heading), then its text.  Its other fields (tags, who made it and when)
    are the wiki's bookkeeping, shown on no page, so they are left out.  A tiddler typed
    "text/x-markdown" is Markdown already."""
    head, _, body = raw.replace("\r\n", "\n").partition("\n\n")
    fields = dict(re.findall(r"^([\w.-]+):\s?(.*)$", head, re.M))
    if not fields or not head.strip() or any(not re.match(r"[\w.-]+:", ln) for ln in head.split("\n") if ln):
        raise ValueError("a tiddler starts with its fields (\"title: ...\"), then a blank line")
    return _tiddler_as_markdown(fields, body)


def _tiddler_as_markdown(fields: dict[str, str], body: str) -> str:
    """A tiddler's title and text as Markdown (:func:`tiddler_markdown`), wherever it was kept."""
    if fields.get("type", "text/vnd.tiddlywiki") in ("text/vnd.tiddlywiki", ""):
        body = _tiddly_numbers(body)
        for pattern, markdown in _TIDDLY_MARKUP:
            body = pattern.sub(markdown, body)
    # a tiddler whose text opens with a heading of its own ("! Child Q – ...") titles itself
    # there; its title field is then the wiki's name for it, a second heading for no part
    title = "" if re.match(r"\s*(?:[^\n]*\n\s*){0,3}#\s", body) else fields.get("title", "").strip()
    return (f"# {title}\n\n" if title else "") + body


#: A single-file TiddlyWiki's tiddler store: a JSON array in a script (TiddlyWiki 5.2 and
#: later), or the older store area of one ``<div title=...><pre>text</pre></div>`` a tiddler.
_TIDDLER_STORE = re.compile(r"<script\b[^>]*\bclass=[\"']tiddlywiki-tiddler-store[\"'][^>]*>(.*?)</script>",
                            re.S | re.I)
_STORE_AREA_TIDDLER = re.compile(r"<div\b([^>]*\btitle=[^>]*)>\s*<pre>(.*?)</pre>\s*</div>", re.S | re.I)
_HTML_ATTRIBUTE = re.compile(r"([\w.-]+)=\"([^\"]*)\"")


def tiddlywiki_markdown(page: str) -> str | None:
    """(session 71) A single-file TiddlyWiki (a committee's learning hub saved as one ``.html``:
    the wiki's whole program, its content kept as data inside it) as its tiddlers in Markdown,
    each as a ``.tid`` file is read (:func:`tiddler_markdown`), in the order they were written;
    None when the page is no TiddlyWiki.  The program's own tiddlers ("$:/...", its core and
    settings) are no content, nor is a tiddler that only lists others ("<<list-links ...>>")."""
    tiddlers: list[dict[str, str]] = []
    for store in _TIDDLER_STORE.findall(page):
        tiddlers += [t for t in json.loads(store) if isinstance(t, dict)]
    if not tiddlers and 'id="storeArea"' in page:
        for attributes, text in _STORE_AREA_TIDDLER.findall(page):
            fields = {k: html.unescape(v) for k, v in _HTML_ATTRIBUTE.findall(attributes)}
            tiddlers.append({**fields, "text": html.unescape(text)})
    if not tiddlers:
        return None
    shown = [t for t in tiddlers if not str(t.get("title", "")).startswith("$:/")
             and _TIDDLY_WIDGETS.sub("", str(t.get("text", ""))).strip()]
    shown.sort(key=lambda t: str(t.get("created", "")))
    return "\n\n".join(_tiddler_as_markdown({k: str(v) for k, v in t.items() if k != "text"},
                                            str(t.get("text", ""))) for t in shown)


def _tiddly_numbers(body: str) -> str:
    """A tiddler's numbered points ("# ...", "## ..." one deeper) numbered as the wiki shows
    them: "1.", "2." ..., each list from 1 again after a line that is no point of it."""
    out, counts = [], []
    for line in body.split("\n"):
        m = re.match(r"^(#{1,4})\s+", line)
        if not m:
            counts = [] if not line.startswith("*") else counts
            out.append(line)
            continue
        depth = len(m[1])
        counts = (counts + [0] * depth)[:depth]
        counts[-1] += 1
        out.append(f"{'    ' * (depth - 1)}{counts[-1]}. {line[m.end():]}")
    return "\n".join(out)


#: The hOCR classes of a line of text (a recogniser's line, a header's, a caption's ...).
_HOCR_LINES = frozenset({"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat",
                         "ocr_footer"})
#: A hyphen that breaks a word at a line's end ("re-" / "ports"): the next line goes on.
_BROKEN_WORD = re.compile(r"(?<=[a-z])-$")


def hocr_text(raw: str) -> str:
    """An OCR engine's hOCR output (``.hocr``: XHTML whose spans are the scanned page's lines)
    as the page's text, a line each, with a blank line where the page shows a gap: between its
    blocks and paragraphs, and where the lines' boxes say so (:func:`_hocr_gaps`: a heading's
    larger type, the space around it).  A word the printed page broke at a line's end is joined
    again ("re-" "ports": "reports"), as a reader reads it; the recogniser's boxes and
    confidences are not words."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    lines = soup.find_all(class_=lambda c: c in _HOCR_LINES) or soup.find_all(class_="ocr_par")
    owners = ("ocr_par", "ocr_carea", "ocr_page")
    out = _ocr_text([(line.get_text(" "), line.find_parent(class_=lambda c: c in owners),
                      _hocr_box(line.get("title", ""))) for line in lines])
    if not out:
        raise ValueError("no lines of text (no element of class \"ocr_line\" or \"ocr_par\")")
    return out


def _ocr_text(lines: list[tuple[str, object, tuple[int, int] | None]]) -> str:
    """A scanned page's recognised lines, each (its words, the block or paragraph it belongs to,
    its top and bottom), as the page's text: a line each, a blank line between blocks and where
    the boxes show a gap (:func:`_hocr_gaps`), a word broken at a line's end joined again."""
    gaps = _hocr_gaps([box for _, _, box in lines])
    out: list[str] = []
    for n, (text, owner, _) in enumerate(lines):
        # (a wide space inside a line parts two texts side by side: a running head, its page
        # number)
        parts = [" ".join(p.split()) for p in re.split(r"\s{3,}", text.strip())]
        words = parts[0]
        if out and out[-1] and (gaps[n] or (n and owner is not lines[n - 1][1])):
            out.append("")
        if out and out[-1] and _BROKEN_WORD.search(out[-1]) and words[:1].islower():
            out[-1] = out[-1][:-1] + words
        elif words:
            out.append(words)
        out += parts[1:]
    return "\n".join(out)


def pdf2xml_text(root: ET.Element) -> str | None:
    """(session 65) poppler's ``pdftohtml -xml`` output (``<pdf2xml>``: each page's lines of
    text, each at its top, left, width and height) as the PDF's text, read as a scanned page's
    lines are (:func:`_ocr_text`): lines in reading order, a gap or taller type a paragraph's
    edge, the running lines every page repeats dropped (as a PDF's are).  Read as XML, every
    printed line was a paragraph: a sentence wrapped over three lines was three paragraphs, and
    a numbered recommendation's number was one of its own.  None for other XML."""
    if root.tag != "pdf2xml":
        return None
    pages = []
    for page in root.iter("page"):
        placed = sorted((_pdf2xml_box(t), " ".join("".join(t.itertext()).split()))
                        for t in page.iter("text"))
        pages.append(_pdf2xml_lines([(box, words) for box, words in placed if words]))
    kept = without_running_lines([[words for words, _ in page] for page in pages])
    lines = []
    for page, words_kept in zip(pages, kept, strict=True):
        wanted = list(words_kept)
        for words, box in page:
            if wanted and words == wanted[0]:
                lines.append((words, page, box))
                wanted.pop(0)
    return _ocr_text(lines)


def _pdf2xml_box(text: ET.Element) -> tuple[int, int, int, int]:
    """A printed line's (top, left, width, height), in the page's units."""
    return tuple(int(float(text.get(k, "0") or 0)) for k in ("top", "left", "width", "height"))  # type: ignore[return-value]


def _pdf2xml_lines(placed: list[tuple[tuple[int, int, int, int], str]]) -> list[tuple[str, tuple[int, int]]]:
    """The texts of one page as its lines, each (its words, its top and bottom): texts at one
    height are one line, a bullet run on to its item, two texts far apart (a running head
    and the issue's date) kept apart by a wide space, which :func:`_ocr_text` splits on."""
    lines: list[tuple[str, tuple[int, int], int]] = []  # (words, (top, bottom), right edge)
    for (top, left, width, height), words in placed:
        if lines and abs(top - lines[-1][1][0]) <= height // 3:
            text, box, right = lines[-1]
            space = "   " if left - right > 4 * max(height, 1) else " "
            lines[-1] = (text + space + words, box, left + width)
        else:
            lines.append((words, (top, top + height), left + width))
    return [(words, box) for words, box, _ in lines]


def alto_text(root: ET.Element) -> str | None:
    """A scanned page's ALTO XML (what Tesseract, ABBYY and libraries' digitisation write: the
    Library of Congress's layout schema, any version) as its text, read as hOCR's is
    (:func:`_ocr_text`): each ``TextLine``'s ``String`` words, its ``TextBlock`` its paragraph,
    its ``VPOS`` and ``HEIGHT`` its box; a word the line broke ("HYP") joined to its rest.  None
    when the document is no ALTO."""
    if local_name(root.tag) != "alto":
        return None
    lines = []
    for block in root.iter():
        if local_name(block.tag) != "textblock":
            continue
        for line in block:
            if local_name(line.tag) != "textline":
                continue
            words = [w.get("CONTENT", "") for w in line if local_name(w.tag) == "string"]
            if any(local_name(w.tag) == "hyp" for w in line) and words:
                words[-1] += "-"  # (joined to the next line's first word by _ocr_text)
            lines.append((" ".join(words), block, _alto_box(line)))
    return _ocr_text(lines)


def _alto_box(line: ET.Element) -> tuple[int, int] | None:
    """A line's top and bottom from its ALTO position (``VPOS``, ``HEIGHT``)."""
    top, height = line.get("VPOS", ""), line.get("HEIGHT", "")
    try:
        return round(float(top)), round(float(top) + float(height))
    except ValueError:
        return None


def _hocr_box(title: str) -> tuple[int, int] | None:
    """A line's top and bottom from its hOCR properties ("bbox 190 160 2290 204; ...")."""
    m = re.search(r"\bbbox\s+-?\d+\s+(-?\d+)\s+-?\d+\s+(-?\d+)", title)
    return (int(m[1]), int(m[2])) if m else None


def _hocr_gaps(boxes: list[tuple[int, int] | None]) -> list[bool]:
    """For each line, whether the page shows a gap above it: a space between it and the line
    above half as large again as the page's usual one, or type taller than the usual line's
    (a heading), which stands apart from the lines on both sides of it."""
    spaces = [b[0] - a[1] for a, b in pairwise(boxes) if a and b and b[0] >= a[1]]
    heights = [b[1] - b[0] for b in boxes if b]
    if not spaces or not heights:
        return [False] * len(boxes)
    space, height = sorted(spaces)[len(spaces) // 2], sorted(heights)[len(heights) // 2]
    tall = [bool(b) and b[1] - b[0] > 1.1 * height for b in boxes]
    return [n > 0 and bool(a) and bool(b) and (b[0] - a[1] > 1.5 * space + 1 or tall[n] or tall[n - 1])
            for n, (a, b) in enumerate(zip([None, *boxes], boxes, strict=False))]


# ------------------------- data a tool wrote: an Apple property list, EDN, protobuf's text format
# Each is loaded into plain dicts, lists and strings, which sources reads as it reads JSON: the
# list of maps that holds most text is the file's records.

def plist_data(raw: str) -> object:
    """An Apple property list in XML (``.plist``: a browser's bookmarks and reading list, an
    app's saved notes) as its values, by the standard library's reader, which refuses entity
    declarations."""
    import plistlib
    from xml.parsers.expat import ExpatError

    try:
        return _plain(plistlib.loads(raw.encode("utf-8"), fmt=plistlib.FMT_XML))
    except ExpatError as exc:
        raise ValueError(f"line {exc.lineno}: {exc}") from None


def _plain(value: object) -> object:
    """Loaded values without their binary data (an icon, a bookmark's alias: nothing a page
    shows); a date stays one, printed as a page prints it by the records' reader, as YAML's."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return "" if isinstance(value, bytes) else value


#: EDN's tokens (https://github.com/edn-format/edn): whitespace (commas included) and ";"
#: comments, strings, openers (a set's "#{" too), closers, "#_" (the next form is discarded),
#: a tag ("#inst"), a character ("\\a") and an atom (a keyword, symbol, number, nil ...).
_EDN_TOKEN = re.compile(r"""(?P<skip>[\s,]+|;[^\n]*)|(?P<string>"(?:[^"\\]|\\.)*")|(?P<open>\#\{|[\[{(])
    |(?P<close>[\]})])|(?P<discard>\#_)|(?P<tag>\#[A-Za-z][\w.\-/]*)|(?P<char>\\(?:\w+|.))
    |(?P<atom>[^\s,;"\[\]{}()\\\#][^\s,;"\[\]{}()\\]*)""", re.X | re.S)
_EDN_CLOSE = {"{": "}", "#{": "}", "[": "]", "(": ")"}


def edn_data(raw: str) -> object:
    """A Clojure EDN data file (``.edn``: an analyst's hand-keyed extract) as its values: maps
    as dicts keyed by their keywords' names (":title" is "title"), vectors, lists and sets as
    lists, a keyword value as its name, a tagged value ("#inst ...") as the value, nil as None.
    A string's line breaks are the file's wrapping, not the text's: a single one is a space."""
    values, _ = _edn_forms(_tokens(_EDN_TOKEN, raw), 0, None)
    return values[0] if len(values) == 1 else values


def _tokens(pattern: re.Pattern[str], raw: str) -> list[tuple[str, str, int]]:
    """A data file's tokens as (kind, text, line), its whitespace and comments left out; a
    character no token starts with is an error naming its line."""
    tokens: list[tuple[str, str, int]] = []
    at, line = 0, 1
    while at < len(raw):
        m = pattern.match(raw, at)
        if not m:
            said = "a string opened here is never closed" if raw[at] in "\"'" else f"unexpected {raw[at]!r}"
            raise ValueError(f"line {line}: {said}")
        if m.lastgroup != "skip":
            tokens.append((m.lastgroup or "", m.group(), line))
        line += m.group().count("\n")
        at = m.end()
    return tokens


def _edn_forms(tokens: list[tuple[str, str, int]], i: int, closer: str | None) -> tuple[list, int]:
    """The forms from token ``i`` up to ``closer`` (the file's end for None), and the index after."""
    out: list = []
    discard = 0
    while i < len(tokens):
        kind, text, line = tokens[i]
        if kind == "close":
            if text != closer:
                raise ValueError(f"line {line}: unexpected {text!r}")
            return out, i + 1
        i += 1
        if kind in ("discard", "tag"):
            discard += kind == "discard"
            continue  # (a tag's value is read as the value itself)
        if kind == "open":
            value, i = _edn_forms(tokens, i, _EDN_CLOSE[text])
            if text == "{":
                if len(value) % 2:
                    raise ValueError(f"line {line}: a map with a key and no value")
                value = {_edn_key(k): v for k, v in zip(value[::2], value[1::2], strict=True)}
        else:
            value = _edn_atom(kind, text)
        if discard:
            discard -= 1
        else:
            out.append(value)
    if closer is not None:
        raise ValueError(f"the file ends inside an unclosed {closer!r}")
    return out, i


def _edn_key(key: object) -> str:
    return key if isinstance(key, str) else str(key)


def _edn_atom(kind: str, text: str) -> object:
    """A string, keyword, number or constant as a value."""
    if kind == "string":
        return _unwrapped(_unescaped(text[1:-1]))
    if kind == "char":
        return {"\\newline": "\n", "\\space": " ", "\\tab": "\t"}.get(text, text[1:])
    if text in ("nil", "true", "false"):
        return {"nil": None, "true": True, "false": False}[text]
    if re.fullmatch(r"[+-]?\d+N?", text):
        return int(text.rstrip("N"))
    return text[1:] if text.startswith(":") else text


#: A string's escapes, in EDN and in protobuf's text format ("\\u2019" too).
_ESCAPES = {"n": "\n", "t": "\t", "r": "", '"': '"', "'": "'", "\\": "\\"}


def _unescaped(text: str) -> str:
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: chr(int(m[1][1:], 16)) if len(m[1]) == 5
                  else _ESCAPES.get(m[1], m[1]), text, flags=re.S)


def _unwrapped(text: str) -> str:
    """A quoted string's text, the file's wrapping undone: a line break and the indent after
    it are a space; a blank line stays, a paragraph's end."""
    return re.sub(r"[ \t]*\n(?![ \t]*\n)[ \t]*", " ", re.sub(r"\n[ \t]*\n[ \t\n]*", "\n\n", text))


#: The tokens of protobuf's text format (a ``.textproto`` / ``.pbtxt`` dump): whitespace and "#"
#: comments, strings in either quote, a field's name (an extension's in brackets), ":",
#: openers and closers ("<" ">" are braces' old spelling), separators, and scalars.
_PROTO_TOKEN = re.compile(r"""(?P<skip>[\s,;]+|\#[^\n]*)|(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<colon>:)|(?P<open>[{<\[])|(?P<close>[}>\]])|(?P<atom>[\w.+\-/]+)""", re.X)


def textproto_data(raw: str) -> object:
    """A protobuf message in the text format (``.textproto``: a pipeline's debug dump) as its
    values: each message a dict, a field given more than once a list of its values (the
    repeated ``document {...}`` of a batch are its records), adjacent strings joined as the
    format joins them.  No schema is needed: a text dump names its fields."""
    message, _ = _proto_message(_tokens(_PROTO_TOKEN, raw), 0, None)
    return message


def _proto_message(tokens: list[tuple[str, str, int]], i: int, closer: str | None) -> tuple[dict, int]:
    """The fields from token ``i`` to ``closer`` (the end for None), and the index after it."""
    fields: dict[str, object] = {}
    while i < len(tokens):
        kind, text, line = tokens[i]
        if kind == "close" and closer is not None:
            if text != closer:
                raise ValueError(f"line {line}: {text!r} closes a message opened by another bracket")
            return fields, i + 1
        if kind != "atom":
            raise ValueError(f"line {line}: a field's name was expected, not {text!r}")
        i += 1 + (i + 1 < len(tokens) and tokens[i + 1][0] == "colon")
        value, i = _proto_value(tokens, i, line)
        _add_field(fields, text, value)
    if closer is not None:
        raise ValueError(f"the file ends inside a message not closed by {closer!r}")
    return fields, i


def _add_field(fields: dict[str, object], name: str, value: object) -> None:
    """A field's value into its record; a field given again is a list of its values (a
    repeated protobuf field, a recfile's repeated "Learning:"), a repeated list one list."""
    if name not in fields:
        fields[name] = value
        return
    held = fields[name]
    if isinstance(held, list):
        fields[name] = [*held, *value] if isinstance(value, list) else [*held, value]
    else:
        fields[name] = [held, value]


def _proto_value(tokens: list[tuple[str, str, int]], i: int, line: int) -> tuple[object, int]:
    """One field's value from token ``i``: a message, a list ``[...]``, or a scalar."""
    if i >= len(tokens):
        raise ValueError(f"line {line}: the file ends before a field's value")
    kind, text, _ = tokens[i]
    if kind == "open" and text in "{<":
        return _proto_message(tokens, i + 1, "}" if text == "{" else ">")
    if kind == "open":
        values: list[object] = []
        i += 1
        while i < len(tokens) and tokens[i][1] != "]":
            value, i = _proto_value(tokens, i, tokens[i][2])
            values.append(value)
        return values, i + 1
    if kind == "string":
        parts = []
        while i < len(tokens) and tokens[i][0] == "string":
            parts.append(_unescaped(tokens[i][1][1:-1]))
            i += 1
        return _unwrapped("".join(parts)), i
    if kind == "atom":
        return (int(text) if re.fullmatch(r"[+-]?\d+", text) else text), i + 1
    raise ValueError(f"line {tokens[i][2]}: a value was expected, not {text!r}")


#: The tokens of R's ``dput()`` output: whitespace and "#" comments, strings in either quote,
#: a backquoted name, a number ("3L", "-3L", "1e+05"), a name ("NA_character_", "row.names"),
#: and the punctuation of a call.
_R_TOKEN = re.compile(r"""(?P<skip>\s+|\#[^\n]*)|(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    |(?P<name>`[^`]*`|[A-Za-z.][\w.]*)|(?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?L?)
    |(?P<open>\()|(?P<close>\))|(?P<comma>,)|(?P<assign><<?-)|(?P<equals>=)""", re.X | re.S)
#: R's constants, as the values a record's reader knows.
_R_CONSTANTS = {"NA": None, "NA_character_": None, "NA_integer_": None, "NA_real_": None, "NULL": None,
                "TRUE": True, "FALSE": False, "T": True, "F": False}


def is_r_data(head: str) -> bool:
    """Whether an R file opens with the data ``dput()`` writes (``structure(``, ``list(``,
    ``c(``, perhaps assigned to a name, after any comments), not with code."""
    return bool(_R_DATA_OPENING.match(head))


#: The opening of ``dput()`` output: comments, an optional assignment, then a data call.
_R_DATA_OPENING = re.compile(r"\s*(?:#[^\n]*\n\s*)*(?:[A-Za-z.][\w.]*\s*(?:<<?-|=)\s*)?"
                             r"(?:structure|list|c)\s*\(")


def r_data(raw: str) -> object:
    """R's ``dput()`` of a data frame or tibble (``.R``: a researcher's coded reviews, pasted
    so that a colleague can load them) as its rows, each a dict by column: a data frame is
    written a column at a time (``structure(list(title = c(...), ...), class = "data.frame")``),
    so the rows are put back together here.  A list column's vectors are lists, a ``Date``
    column (days since 1970) ISO dates, a factor's codes its levels, ``NA`` None.  The value may
    be assigned (``reviews <- structure(...)``); several assigned values are a dict by name.
    Only data is read, nothing run: a call other than ``c``, ``list`` and ``structure`` is an
    error naming its line."""
    tokens = _tokens(_R_TOKEN, raw)
    values: dict[str, object] = {}
    i = 0
    while i < len(tokens):
        name = ""
        if i + 1 < len(tokens) and tokens[i][0] == "name" and tokens[i + 1][0] in ("assign", "equals"):
            name, i = tokens[i][1].strip("`"), i + 2
        values[name or f"value {len(values) + 1}"], i = _r_value(tokens, i)
    return next(iter(values.values())) if len(values) == 1 else values


def _r_value(tokens: list[tuple[str, str, int]], i: int) -> tuple[object, int]:
    """The value that starts at token ``i`` (a call, a string, a number or a constant), and
    the index after it."""
    if i >= len(tokens):
        raise ValueError("the file ends before a value")
    kind, text, line = tokens[i]
    if kind == "string":
        return _unescaped(text[1:-1]), i + 1
    if kind == "number":
        number = float(text.rstrip("L"))
        return (int(number) if number.is_integer() else number), i + 1
    if kind == "name" and i + 1 < len(tokens) and tokens[i + 1][0] == "open":
        if text.strip("`") not in ("c", "list", "structure"):
            raise ValueError(f"line {line}: {text.strip('`')}() is code, not data dput() writes")
        args, i = _r_arguments(tokens, i + 2, line)
        return _r_call(text.strip("`"), args, line), i
    if kind == "name" and text in _R_CONSTANTS:
        return _R_CONSTANTS[text], i + 1
    raise ValueError(f"line {line}: a value was expected, not {text!r}")


def _r_arguments(tokens: list[tuple[str, str, int]], i: int, line: int) -> tuple[list, int]:
    """A call's arguments from token ``i`` to its ")", as (name or None, value) pairs."""
    args: list[tuple[str | None, object]] = []
    while i < len(tokens) and tokens[i][0] != "close":
        name = None
        if tokens[i][0] in ("name", "string") and i + 1 < len(tokens) and tokens[i + 1][0] == "equals":
            name, i = tokens[i][1].strip("`\"'"), i + 2
        value, i = _r_value(tokens, i)
        args.append((name, value))
        if i < len(tokens) and tokens[i][0] == "comma":
            i += 1
        elif i < len(tokens) and tokens[i][0] != "close":
            raise ValueError(f"line {tokens[i][2]}: a ',' or ')' was expected, not {tokens[i][1]!r}")
    if i >= len(tokens):
        raise ValueError(f"line {line}: a call opened here is never closed")
    return args, i + 1


def _r_call(name: str, args: list[tuple[str | None, object]], line: int) -> object:
    """A call's value: ``c()`` and ``list()`` a list (a dict when every element is named),
    ``structure()`` its first argument as its attributes make it (see :func:`r_data`)."""
    if name in ("c", "list"):
        if args and all(key for key, _ in args):
            return {key: value for key, value in args}
        return [value for _, value in args]
    if not args:
        raise ValueError(f"line {line}: structure() without a value")
    return _r_structured(args[0][1], {key: value for key, value in args[1:] if key})


def _r_structured(value: object, attributes: dict[str, object]) -> object:
    """A value by its attributes: a data frame's columns as rows, a Date's days as ISO dates, a
    factor's codes as its levels."""
    classes = attributes.get("class")
    classes = classes if isinstance(classes, list) else [classes]
    values = value if isinstance(value, list) else [value]
    if "data.frame" in classes and isinstance(value, dict):
        rows = max((len(v) for v in value.values() if isinstance(v, list)), default=1)
        return [{key: (column[n] if isinstance(column, list) and n < len(column) else column)
                 for key, column in value.items()} for n in range(rows)]
    if "Date" in classes:
        epoch = date(1970, 1, 1)
        dated = [None if v is None else (epoch + timedelta(days=v)).isoformat() for v in values]
        return dated if isinstance(value, list) else dated[0]
    if "factor" in classes and isinstance(levels := attributes.get("levels"), list):
        return [None if v is None else levels[int(v) - 1] for v in values]
    return value


def rds_data(data: bytes) -> object:
    """An R object saved by ``saveRDS()`` (``.rds``: a researcher's extraction table, gzip- or
    bzip2- or xz-compressed XDR, serialisation version 2 or 3) as :func:`r_data` gives a
    ``dput()`` of it: a data frame's rows, each a dict by column, factors as their levels, Dates
    as ISO dates, NA as None.  An R workspace saved by ``save()`` (``.RData``: the same
    serialisation after an "RDX3" line) is its objects by name.  Only data is read: a
    function, an environment or code in the file is a ValueError (R's own ``readRDS`` would
    restore them, and run nothing either).
    Why by hand (DECISIONS 95): the readers (pyreadr, rdata) bring pandas and xarray for a
    format of a few dozen typed, length-prefixed layouts (R Internals, "Serialization Formats")."""
    for magic, unpack in ((b"\x1f\x8b", gzip.decompress), (b"BZh", bz2.decompress),
                          (b"\xfd7zXZ", lzma.decompress)):
        if data.startswith(magic):
            try:
                data = unpack(data)
            except (OSError, EOFError, ValueError, lzma.LZMAError, zlib.error) as exc:
                raise ValueError(f"damaged compressed R data ({exc})") from None
            break
    data = data.removeprefix(b"RDX3\n").removeprefix(b"RDX2\n")  # save()'s workspace: a pairlist
    if not data.startswith(b"X\n"):
        raise ValueError("not R data in XDR form (the default of saveRDS and save; ASCII and native "
                         "forms are not read)")
    reader = _RdsReader(data)
    try:
        return reader.value()
    except (struct.error, IndexError, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(f"damaged R data at byte {reader.i} ({type(exc).__name__})") from None


class _RdsReader:
    """R's XDR serialisation read as data (see :func:`rds_data`): big-endian integers and
    doubles, each item opened by a flags word giving its type and whether it has attributes
    and a tag; symbols kept for later references to them."""

    def __init__(self, data: bytes) -> None:
        self.data, self.i, self.refs = data, 2, []

    def value(self) -> object:
        version = self.int()
        self.int(), self.int()  # the R version that wrote it, the oldest that reads it
        if version == 3:
            self.take(self.int())  # the writer's native encoding
        elif version != 2:
            raise ValueError(f"R serialisation version {version} is not read (2 and 3 are)")
        return self.item()

    def int(self) -> int:
        return struct.unpack(">i", self.take(4))[0]

    def take(self, n: int) -> bytes:
        if n < 0 or self.i + n > len(self.data):
            raise ValueError(f"damaged R data: the file ends inside an item at byte {self.i}")
        self.i += n
        return self.data[self.i - n:self.i]

    def length(self, size: int) -> int:
        n = self.int()
        if n == -1:  # a long vector: two words
            n = (self.int() << 32) + self.int()
        if n * size > len(self.data) - self.i:
            raise ValueError(f"damaged R data: a vector longer than the file at byte {self.i}")
        return n

    def item(self) -> object:
        flags = self.int()
        kind, has_attr, has_tag = flags & 0xFF, bool(flags & 0x200), bool(flags & 0x400)
        if kind in (254, 251):  # NULL, a missing argument
            return None
        if kind == 255:  # a reference to a symbol read before
            return self.refs[(flags >> 8 or self.int()) - 1]
        if kind == 1:  # a symbol: its name
            name = self.item()
            self.refs.append(name)
            return name
        if kind == 2:  # a pairlist (attributes): attributes, tag, value, then the rest
            return self.pairlist(has_attr, has_tag)
        if kind == 9:  # one string: its bytes (-1: NA), UTF-8 or Latin-1 by its flags
            n = self.int()
            raw = b"" if n == -1 else self.take(n)
            return None if n == -1 else raw.decode("latin-1" if flags & (1 << 14) else "utf-8")
        if kind == 238:  # a compact vector ("ALTREP"): 1:n, a wrapped or deferred vector
            value: object = self.altrep()
        elif kind in _RDS_ATOMS:
            code, size = _RDS_ATOMS[kind]
            n = self.length(size)
            numbers = struct.unpack(f">{n}{code}", self.take(n * size))
            value = [None if v == _R_NA_INTEGER or v != v else (bool(v) if kind == 10 else v)
                     for v in numbers]
        elif kind in (16, 19, 20):  # strings, a list, an expression list
            value = [self.item() for _ in range(self.length(4))]
        else:
            raise ValueError(f"R type {kind} is code or an environment, not data")
        attributes = self.item() if has_attr else None
        return _rds_structured(value, attributes if isinstance(attributes, dict) else {})

    def pairlist(self, has_attr: bool, has_tag: bool) -> object:
        pairs: list[tuple[object, object]] = []
        while True:
            if has_attr:
                self.item()
            tag = self.item() if has_tag else None
            pairs.append((tag, self.item()))
            flags = self.int()
            if flags & 0xFF == 254:
                break
            if flags & 0xFF != 2:
                raise ValueError("damaged R data: a pairlist ends in another type")
            has_attr, has_tag = bool(flags & 0x200), bool(flags & 0x400)
        if all(isinstance(tag, str) for tag, _ in pairs):
            return {cast(str, tag): value for tag, value in pairs}
        return [value for _, value in pairs]

    def altrep(self) -> object:
        info, state = self.item(), self.item()
        self.item()  # (the attributes the wrapped vector had)
        kind = info[0] if isinstance(info, list) and info else info
        if kind in ("compact_intseq", "compact_realseq") and isinstance(state, list) and len(state) == 3:
            n, start, step = (int(v) for v in cast(list, state))
            return list(range(start, start + n * step, step)) if step else [start] * n
        if isinstance(kind, str) and kind.startswith("wrap_") and isinstance(state, list) and state:
            return state[0]
        if kind == "deferred_string" and isinstance(state, list) and state:
            first = state[0]
            return [None if v is None else str(int(v)) if isinstance(v, float) and v.is_integer()
                    else str(v) for v in (first if isinstance(first, list) else [first])]
        raise ValueError(f"a compact R vector of class {kind!r} is not read")


#: R's atomic vector types: logical, integer, double (their XDR codes and sizes).
_RDS_ATOMS = {10: ("i", 4), 13: ("i", 4), 14: ("d", 8)}
_R_NA_INTEGER = -2147483648


def _rds_structured(value: object, attributes: dict) -> object:
    """A vector by its attributes, as ``dput()``'s ``structure()`` is read: a named list a dict,
    then a data frame, a Date or a factor as :func:`_r_structured` makes them."""
    names = attributes.get("names")
    if isinstance(value, list) and isinstance(names, list) and len(names) == len(value) and all(names):
        value = dict(zip(names, value, strict=True))
    if isinstance(value, list) and len(value) == 1 and not isinstance(value[0], (list, dict)):
        value = value[0]  # (R has no scalars: dput() writes a vector of one as its value)
    return _r_structured(value, attributes) if attributes.get("class") else value


def rec_records(raw: str) -> list[dict[str, object]]:
    """A GNU recutils database (``.rec``: a plain-text register an analysts' group keeps) as its
    records: "Field: value" lines, a "+ " line going on with the field above, a field given
    more than once a list; records apart by blank lines, comments ("#") and the descriptors
    ("%rec: Review", "%type: ...") not the data.  A database holds several record types (a
    register's reviews, an audit's notes): the records of the type most of them are (the
    first type on a tie) are its records, the others another table's."""
    tables: dict[str, list[dict[str, object]]] = {}
    kind, record, field = "", {}, ""
    for number, line in enumerate([*raw.replace("\r\n", "\n").split("\n"), ""], start=1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if record and not any(k.startswith("%") for k in record):
                tables.setdefault(kind, []).append(record)
            elif record.get("%rec"):
                kind = str(record["%rec"]).split()[0]
            record, field = {}, ""
        elif line.startswith("+") and field:
            held = record[field]
            more = line[1:].removeprefix(" ")
            if isinstance(held, list):
                held[-1] = f"{held[-1]}\n{more}"
            else:
                record[field] = f"{held}\n{more}"
        elif m := re.match(r"^(%?[A-Za-z][\w]*):[ \t]?(.*)$", line):
            field = m[1]
            _add_field(record, field, m[2].strip())
        else:
            raise ValueError(f"line {number}: neither a field (\"Name: value\") nor a \"+\" line going on")
    if not tables:
        return []
    ranked = sorted(tables.values(), key=len, reverse=True)
    return [{k: _unwrapped(v) if isinstance(v, str) else [_unwrapped(x) for x in v]  # type: ignore[union-attr]
             for k, v in r.items()} for r in ranked[0]]


#: One value of an ARFF data row: quoted (single or double, backslash escapes) or bare, up to
#: the next comma.
_ARFF_VALUE = re.compile(r"""\s*(?:'(?P<single>(?:[^'\\]|\\.)*)'|"(?P<double>(?:[^"\\]|\\.)*)"|"""
                         r"""(?P<bare>[^,]*?))\s*(?:,|$)""")
_ARFF_ATTRIBUTE = re.compile(r"""^@attribute\s+(?:'(?P<quoted>[^']*)'|"(?P<dquoted>[^"]*)"|(?P<name>\S+))""",
                             re.I)


def arff_records(raw: str) -> dict[str, object]:
    """A Weka ARFF dataset (``.arff``: a researcher's text-classification data) as its rows,
    each a record of its attributes' values: ``@ATTRIBUTE`` lines name the columns, the lines
    after ``@DATA`` are rows (comma-separated, quoted or bare; "?" a missing value, left out;
    a sparse row ``{0 X, 3 Y}`` gives columns by number).  The relation's name comes with the
    records, as a data file's title does; "%" comments are the coder's notes, not the data."""
    names: list[str] = []
    rows: list[dict[str, object]] = []
    relation, in_data = "", False
    for number, line in enumerate(raw.replace("\r\n", "\n").split("\n"), start=1):
        text = line.strip()
        if not text or text.startswith("%"):
            continue
        if not in_data:
            if attribute := _ARFF_ATTRIBUTE.match(text):
                names.append(attribute["quoted"] or attribute["dquoted"] or attribute["name"])
            elif text.lower().startswith("@relation"):
                relation = text[len("@relation"):].strip().strip("'\"")
            in_data = text.lower() == "@data"
            continue
        values = _arff_row(text, len(names), number)
        rows.append({name: value for name, value in zip(names, values, strict=False)
                     if value not in ("?", "")})
    return {"dataset": relation, "records": rows}


def _arff_row(text: str, width: int, number: int) -> list[str]:
    """One data row's values, in column order."""
    if text.startswith("{") and text.endswith("}"):  # sparse: "index value" pairs
        values = [""] * width
        for pair in _arff_values(text[1:-1]):
            index, _, value = pair.partition(" ")
            if not index.isdigit() or int(index) >= width:
                raise ValueError(f"line {number}: a sparse row's column {index!r} is not one of {width}")
            values[int(index)] = _arff_values(value)[0] if value else ""
        return values
    return _arff_values(text)


def _arff_values(text: str) -> list[str]:
    values = []
    for match in _ARFF_VALUE.finditer(text):
        if match.end() == match.start():
            break
        quoted = match["single"] if match["single"] is not None else match["double"]
        values.append(re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else match["bare"])
        if match.end() >= len(text):
            break
    return values


#: A Gemini page's link line: "=> URL label" (the label is what the page shows).
_GEMINI_LINK = re.compile(r"^=>\s*(\S+)(?:\s+(.*))?$")


def gemtext_markdown(raw: str) -> str:
    """A Gemini page (``.gmi``, gemtext) as Markdown: each of its lines is a line of its own
    (gemtext does not wrap), a link line is its label (its address when it has none),
    headings, "*" items and "> " quotes are Markdown's already, and a preformatted block
    stays one, fenced."""
    out: list[str] = []
    fenced = False
    for line in raw.replace("\r\n", "\n").split("\n"):
        if line.startswith("```"):
            fenced = not fenced
            out.append("```")
            continue
        if fenced:
            out.append(line)
        elif m := _GEMINI_LINK.match(line):
            out += ["", (m[2] or m[1]).strip(), ""]
        elif line.startswith("* "):
            out.append(line)
        else:  # (a text line, heading or quote is a paragraph of its own)
            out += ["", line, ""] if line.strip() else [""]
    return "\n".join(out) + ("\n```\n" if fenced else "\n")


#: The namespace of the XML PowerShell's ``Export-Clixml`` writes.
CLIXML_NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04"
#: Clixml's escape of a character in a string ("_x000D__x000A_" is a line break).
_CLIXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def clixml_records(root: ET.Element) -> list[dict[str, object]] | None:
    """PowerShell objects saved with ``Export-Clixml`` (``.clixml``: a script's register of
    reviews) as their records: each top-level object's properties (``<S N="Title">``,
    ``<I32 N="Published">``) by name, a list property (``<LST>``) a list, a nested object a
    record of its own; type names (``<TN>``) and references are plumbing.  None when the
    document is no Clixml."""
    if root.tag != f"{{{CLIXML_NAMESPACE}}}Objs":
        return None
    return [v for v in (_clixml_value(obj) for obj in root if local_name(obj.tag) == "obj")
            if isinstance(v, dict)]


def _clixml_value(element: ET.Element) -> object:
    """One Clixml value: an object's properties as a dict (``MS`` holds the added ones, ``Props``
    a .NET type's own), a list (``LST``, ``IE``, ``STK``, ``QUE``) as a list, a dictionary
    (``DCT``) as its keys and values, a scalar as its text with escapes undone."""
    kind = local_name(element.tag)
    if kind != "obj":
        return _CLIXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), element.text or "").strip()
    fields: dict[str, object] = {}
    for part in element:
        name = local_name(part.tag)
        if name in ("ms", "props"):
            for prop in part:
                fields.setdefault(prop.get("N") or local_name(prop.tag), _clixml_value(prop))
        elif name in ("lst", "ie", "stk", "que"):
            return [_clixml_value(item) for item in part]
        elif name == "dct":
            return {str(_clixml_value(en[0])): _clixml_value(en[1]) for en in part if len(en) >= 2}
        elif name not in ("tn", "tnref", "tostring", "ref"):
            fields.setdefault(part.get("N") or name, _clixml_value(part))
    if not fields and (shown := element.find(f"{{{CLIXML_NAMESPACE}}}ToString")) is not None:
        return (shown.text or "").strip()  # an object kept only as it prints
    return fields


#: The namespace of KML, a map's places (Google My Maps, Google Earth, QGIS export it).
_KML = re.compile(r"^\{http://(?:www\.opengis\.net/kml/2\.2|earth\.google\.com/kml/[\d.]+)\}kml$")


def kml_records(root: ET.Element) -> dict[str, object] | None:
    """A map's places (``.kml``: a team's map of its reviews, a pin per review) as records: each
    placemark's name, its folder's name, its description (often HTML, in CDATA) and its
    ``ExtendedData`` fields by name; the map's own name and description come first.  Styles,
    coordinates and icons are the map's drawing, not its words.  None when the document is no
    KML."""
    if not _KML.match(root.tag):
        return None
    document = next((e for e in root if local_name(e.tag) in ("document", "folder")), root)
    places: list[dict[str, object]] = []
    _kml_places(document, "", places)
    # (the map's name and description under keys of their own: a map is no one record)
    return {"map": child_text(document, "name"), "about": child_text(document, "description"),
            "placemarks": places}


def _kml_places(parent: ET.Element, folder: str, out: list[dict[str, object]]) -> None:
    """The placemarks under ``parent``, in order, each with the name of the folder it is in."""
    for element in parent:
        kind = local_name(element.tag)
        if kind == "folder":
            _kml_places(element, child_text(element, "name"), out)
        elif kind == "placemark":
            record: dict[str, object] = {"name": child_text(element, "name")}
            if folder:
                record["folder"] = folder
            record["description"] = child_text(element, "description")
            for data in element.iter():
                if local_name(data.tag) in ("data", "simpledata") and data.get("name"):
                    value = child_text(data, "value") if local_name(data.tag) == "data" else data.text
                    record.setdefault(data.get("name") or "", (value or "").strip())
            out.append(record)


#: Geography Markup Language's namespaces (GML 2 to 3.2): a feature's geometry and extent are
#: drawn from them; its other elements are the layer's attributes.
_GML_NAMESPACE = re.compile(r"^\{http://www\.opengis\.net/gml(?:/[\d.]+)?\}")
#: The attributes GDAL writes for a feature's row number: the table's, not the review's.
_GML_ROW_ID = {"fid", "ogc_fid", "gml_id", "id", "objectid"}


def gml_records(root: ET.Element) -> list[dict[str, str]] | None:
    """A map layer exported as GML (QGIS or ``ogr2ogr``'s ``.gml``: a researcher's map of
    reviews, a point per review) as records, or None for other XML: each feature member's
    attributes by name, in the layer's order.  Its geometry, extent and row number are the map's,
    not the review's words; an attribute left empty is omitted, as GDAL omits it."""
    if local_name(root.tag) != "featurecollection":
        return None
    records = []
    for member in (e for e in root if local_name(e.tag) in ("featuremember", "featuremembers", "member")):
        for feature in member:
            record = {local_name(e.tag): (e.text or "").strip() for e in feature
                      if not _GML_NAMESPACE.match(e.tag) and len(e) == 0
                      and local_name(e.tag) not in _GML_ROW_ID}
            records.append({k: v for k, v in record.items() if v})
    return records


#: (session 69) The namespaces of a Timed Text document (TTML 1 and 2, and DFXP's drafts, as
#: caption tools such as pycaption still write them).
_TTML_NAMESPACES = ("http://www.w3.org/ns/ttml", "http://www.w3.org/2006/10/ttaf1",
                    "http://www.w3.org/2006/04/ttaf1")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: A TTML time expression: a clock time ("00:01:02.500", frames "00:01:02:12" left aside) or an
#: offset ("62.5s", "1500ms", "1.5m", "0.5h"; frames and ticks need a rate a cue's words do not).
_TTML_CLOCK = re.compile(r"(\d+):(\d{2}):(\d{2}(?:\.\d+)?)(?::\d+)?")
_TTML_OFFSET = re.compile(r"(\d+(?:\.\d+)?)(h|ms|m|s)")


def ttml_cues(root: ET.Element) -> str | None:
    """(session 69) A Timed Text (TTML / DFXP) caption file as WebVTT cues, so that it is read
    as any captions are (sources.captions_as_text: a cue that ends no sentence runs on into
    the next, each paragraph a sentence or more); None for other XML.  Each timed ``p`` is a
    cue, a ``<br/>`` a line of it; a file captioned in several languages gives its English
    cues.  Before, each cue was a paragraph of its own, sentences cut at every cue."""
    if local_name(root.tag) != "tt" or str(root.tag)[1:].split("}")[0] not in _TTML_NAMESPACES:
        return None
    cues = [(p, lang) for p, lang in _ttml_paragraphs(root, root.get(_XML_LANG) or "")
            if p.get("begin") is not None]
    if not cues:
        return None
    if any(lang.lower().startswith("en") for _, lang in cues):
        cues = [(p, lang) for p, lang in cues if lang.lower().startswith("en") or not lang]
    out = ["WEBVTT", ""]
    for p, _ in cues:
        words = [" ".join(line.split()) for line in xml_words(p, line_break="\n").split("\n")]
        out += [f"{_ttml_time(p.get('begin'))} --> {_ttml_time(p.get('end') or p.get('begin'))}",
                *(w for w in words if w), ""]
    return "\n".join(out)


def _ttml_paragraphs(element: ET.Element, lang: str) -> Iterator[tuple[ET.Element, str]]:
    """Every ``p`` under an element, in order, with the language it is in (its own ``xml:lang``
    or the nearest one above it)."""
    for child in element:
        own = child.get(_XML_LANG) or lang
        if local_name(child.tag) == "p":
            yield child, own
        else:
            yield from _ttml_paragraphs(child, own)


def _ttml_time(value: str | None) -> str:
    """A TTML time as WebVTT writes one ("00:01:02.500"); 0 when it cannot say (a cue's words
    are what is read: its time only marks where it starts)."""
    seconds = 0.0
    if value and (clock := _TTML_CLOCK.fullmatch(value.strip())):
        seconds = int(clock[1]) * 3600 + int(clock[2]) * 60 + float(clock[3])
    elif value and (offset := _TTML_OFFSET.fullmatch(value.strip())):
        seconds = float(offset[1]) * {"h": 3600, "m": 60, "s": 1, "ms": 0.001}[offset[2]]
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}.{int(seconds % 1 * 1000):03d}"


#: An SVG's parts that are not drawn: its metadata (RDF, often repeating the title), styles,
#: definitions and scripts; its ``<title>`` and ``<desc>`` are for tooltips and screen readers.
_SVG_UNDRAWN = {"metadata", "style", "defs", "script", "title", "desc", "namedview"}


#: A WAP deck's elements that are a phone's controls, not its words: soft keys, timers,
#: events and variables.
_WML_CONTROLS = {"do", "onevent", "timer", "setvar", "postfield", "head", "template"}


def wml_html(root: ET.Element) -> str | None:
    """(session 82) A WAP deck (WML 1.x: an ACPC's news for phones, exported by AbiWord or a
    CMS of 2004) as HTML, or None for other XML: each card a section under its title (the
    phone's title bar) when it has one, its paragraphs' words with their line breaks.  Soft
    keys ("Next", "Back") and other controls are left out."""
    if local_name(root.tag) != "wml":
        return None
    out = []
    for card in (e for e in root if local_name(e.tag) == "card"):
        out.append("<section>")
        if (title := (card.get("title") or "").strip()):
            out.append(f"<h2>{html.escape(title)}</h2>")
        for block in card:
            if local_name(block.tag) not in _WML_CONTROLS:
                out.append(f"<p>{html.escape(_wml_words(block))}</p>")
        out.append("</section>")
    return "\n".join(out)


def _wml_words(element: ET.Element) -> str:
    """An element's words, a ``<br/>`` a line break; its controls' words left out (walked without
    recursion: a crafted deck may nest elements deeper than Python's stack)."""
    for inner in element.iter():
        if local_name(inner.tag) == "br":
            inner.tail = "\n" + (inner.tail or "")
        elif local_name(inner.tag) in _WML_CONTROLS:
            for part in inner.iter():
                part.text = ""
                if part is not inner:
                    part.tail = ""
    return "".join(element.itertext())


def svg_html(root: ET.Element) -> str | None:
    """A poster drawn as SVG (Inkscape's or Illustrator's "learning on a page") as HTML, or None
    when the file is no SVG: each ``<text>`` a paragraph, in the order drawn.  A text's lines
    (``<tspan>``s, as a drawing program wraps a paragraph by hand) are one paragraph while they
    stand a line apart; a wider gap, or a line opening with a bullet or a number, starts the
    next ("• Any bruise ..." / "followed up ..." is one learning point)."""
    if local_name(root.tag) != "svg":
        return None
    import html

    out: list[str] = []
    for text in _drawn(root, "text"):
        paragraphs = _svg_paragraphs(text)
        out += [f"<p>{html.escape(p)}</p>" for p in paragraphs if p]
    return "\n".join(out)


def _drawn(element: ET.Element, name: str) -> list[ET.Element]:
    """The ``name`` elements under ``element`` in document order, outside the undrawn parts."""
    found: list[ET.Element] = []
    for child in element:
        kind = local_name(child.tag)
        if kind in _SVG_UNDRAWN:
            continue
        if kind == name:
            found.append(child)
        else:
            found += _drawn(child, name)
    return found


def _svg_paragraphs(text: ET.Element) -> list[str]:
    """A ``<text>``'s paragraphs (see :func:`svg_html`)."""
    lines = [(tspan.get("y"), element_words(tspan))
             for tspan in text if local_name(tspan.tag) == "tspan"]
    if not lines:
        return [element_words(text)]
    return _drawn_paragraphs([(_number(y), words) for y, words in lines])


def _drawn_paragraphs(lines: list[tuple[float | None, str]]) -> list[str]:
    """A drawn text's lines, (y, words) each, as its paragraphs: lines a line apart are one;
    a wider gap, or a line opening with a bullet or a number, starts the next."""
    ys = [y for y, _ in lines]
    steps = [b - a for a, b in pairwise(ys) if a is not None and b is not None and b > a]
    line_step = min(steps) if steps else None
    paragraphs: list[str] = []
    for k, (_, words) in enumerate(lines):
        gap = ys[k] - ys[k - 1] if k and ys[k] is not None and ys[k - 1] is not None else None
        new = (not paragraphs or re.match(r"^(?:[•▪·*-]|\d{1,2}[.)])\s", words)
               or (gap is not None and line_step is not None and gap > line_step * 1.25))
        if new:
            paragraphs.append(words)
        elif words:
            paragraphs[-1] = f"{paragraphs[-1]} {words}".strip()
    return paragraphs


#: (session 83) and its gzipped form, ``.emz`` (as Draw exports a compressed metafile)
EMF_SUFFIXES = {".emf", ".emz"}
#: Enhanced Metafile records ([MS-EMF] 2.1.1): the header, the end; a font made and an object
#: selected; a text drawn in UTF-16 (W) or in the ANSI code page (A).
_EMR_HEADER, _EMR_EOF, _EMR_CREATE_FONT, _EMR_SELECT = 1, 14, 82, 37
_EMR_TEXT_W, _EMR_TEXT_A = 84, 83
#: A text's option saying its characters are a font's glyph numbers, not letters.
_ETO_GLYPH_INDEX = 0x10
_EMF_SIGNATURE = b" EMF"


#: The most a compressed metafile (``.emz``, ``.wmz``) may unpack to: a poster is a few hundred KB.
_METAFILE_MAX = 32 * 2**20


def _metafile_unzipped(data: bytes, what: str) -> bytes:
    """(session 83) A metafile's bytes, gunzipped when they are gzip's (a ``.emz`` or ``.wmz``;
    Draw also writes those suffixes uncompressed), at most :data:`_METAFILE_MAX` of them."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        return inflated(data, _METAFILE_MAX, f"a compressed {what} of over {_METAFILE_MAX // 2**20} MB "
                        "unpacked", wbits=31)
    except zlib.error:
        raise ValueError(f"damaged compressed {what} (its gzip stream does not unpack)") from None


def is_emf(data: bytes) -> bool:
    """Whether a file's bytes are an Enhanced Metafile: a header record with " EMF" at byte 40."""
    return data[:4] == b"\x01\0\0\0" and data[40:44] == _EMF_SIGNATURE


def emf_html(data: bytes) -> str:
    """(session 71) An Enhanced Metafile (``.emf``: a committee's "learning on a page" poster
    exported from Draw or Visio) as HTML, as an SVG poster is read (:func:`svg_html`): its
    texts in the order drawn, each run of lines drawn at one left edge in one font a text whose
    lines are joined into paragraphs (a drawing program draws each wrapped line as a record of
    its own).  Raises ValueError for a file that is no metafile, is cut, or draws no letters."""
    data = _metafile_unzipped(data, "Enhanced Metafile")
    if not is_emf(data):
        raise ValueError("not an Enhanced Metafile (no EMF header)")
    return _drawn_html(_emf_texts(data))


def _drawn_html(texts: Iterable[tuple[tuple[int, ...], float, str]]) -> str:
    """A metafile's drawn texts (each its left edge and font, its baseline and its words) as
    paragraphs: a run of lines drawn at one left edge in one font is one text, its lines joined
    (:func:`_drawn_paragraphs`)."""
    runs: list[tuple[tuple[int, ...], list[tuple[float | None, str]]]] = []
    for key, y, words in texts:
        if runs and runs[-1][0] == key:
            runs[-1][1].append((y, words))
        else:
            runs.append((key, [(y, words)]))
    if not runs:
        raise ValueError("the metafile draws no text (or only as glyph numbers)")
    return "\n".join(f"<p>{html.escape(p)}</p>" for _, lines in runs for p in _drawn_paragraphs(lines) if p)


def _emf_texts(data: bytes) -> Iterator[tuple[tuple[int, int, int], float, str]]:
    """Each text record's (left edge, font height, font weight), baseline and words."""
    fonts: dict[int, tuple[int, int]] = {}
    font = (0, 0)
    at = 0
    while at + 8 <= len(data):
        kind, size = struct.unpack_from("<II", data, at)
        if size < 8 or size % 4 or at + size > len(data):
            raise ValueError(f"damaged metafile (a record of {size} bytes at byte {at})")
        if kind == _EMR_EOF:
            return
        if kind == _EMR_CREATE_FONT:
            handle, height = struct.unpack_from("<Ii", data, at + 8)
            fonts[handle] = (abs(height), struct.unpack_from("<i", data, at + 28)[0])
        elif kind == _EMR_SELECT:
            font = fonts.get(struct.unpack_from("<I", data, at + 8)[0], font)
        elif kind in (_EMR_TEXT_W, _EMR_TEXT_A):
            x, y, chars, offset, options = struct.unpack_from("<iiIII", data, at + 36)
            width = 2 if kind == _EMR_TEXT_W else 1
            raw = data[at + offset:at + offset + width * chars]
            if offset + width * chars > size:
                raise ValueError(f"damaged metafile (a text past its record at byte {at})")
            words = " ".join(raw.decode("utf-16-le" if width == 2 else "cp1252", "replace").split())
            if words and not options & _ETO_GLYPH_INDEX:
                yield (x, *font), float(y), words
        at += size
    raise ValueError("damaged metafile (it ends before its end record: is it cut short?)")


#: (session 83) and its gzipped form, ``.wmz``
WMF_SUFFIXES = {".wmf", ".wmz"}
#: (session 82) A Windows Metafile's placeable header (Aldus: its key, then a bounding box and
#: units) and its own header (in memory or on disk, 9 words, version 1 or 3).
_WMF_PLACEABLE, _WMF_PLACEABLE_SIZE = b"\xd7\xcd\xc6\x9a", 22
_WMF_HEADERS = (b"\x01\x00\x09\x00", b"\x02\x00\x09\x00")
#: Records ([MS-WMF] 2.1.1.1): the end; a text drawn with and without options; an object
#: selected and deleted; a font made.  Every other record that makes an object (a pen, a
#: brush, a palette, a region) takes a slot in the object table too, as a font does.
_META_EOF, _META_EXTTEXTOUT, _META_TEXTOUT = 0x0000, 0x0A32, 0x0521
_META_SELECTOBJECT, _META_DELETEOBJECT, _META_CREATEFONTINDIRECT = 0x012D, 0x01F0, 0x02FB
_META_CREATES = {0x00F7, 0x01F9, 0x0142, 0x02FA, 0x02FC, 0x06FF, _META_CREATEFONTINDIRECT}
#: An EXTTEXTOUT's options saying a clipping or opaquing rectangle comes before its string.
_ETO_RECTANGLE = 0x0002 | 0x0004


def is_wmf(data: bytes) -> bool:
    """Whether a file's bytes are a Windows Metafile: a placeable one (most files: LibreOffice,
    Office and clip-art libraries write that) or a bare one (its header's type and size)."""
    return data.startswith(_WMF_PLACEABLE) or (data[:4] in _WMF_HEADERS and data[4:6] in (b"\0\1", b"\0\3"))


def wmf_html(data: bytes) -> str:
    """(session 82) A Windows Metafile (``.wmf``: an ACPC's "learning on a page" of 2007, drawn
    in Draw or PowerPoint and kept as the clip art of its day) as HTML, as an Enhanced Metafile
    is read (:func:`emf_html`): each run of lines drawn at one left edge in one font a text whose
    lines are joined.  The strings are in the ANSI code page (Windows-1252).  A bullet drawn as
    a record of its own ("• ", then the item beside it) opens its item's line.  Raises
    ValueError for a file that is no metafile, is cut, or draws no letters."""
    data = _metafile_unzipped(data, "Windows Metafile")
    if not is_wmf(data):
        raise ValueError("not a Windows Metafile (no placeable or WMF header)")
    return _drawn_html(_wmf_texts(data))


def _wmf_texts(data: bytes) -> Iterator[tuple[tuple[int, ...], float, str]]:
    """Each text record's (left edge, font height, font weight), top and words, a bullet drawn
    alone joined to the text after it."""
    bullet: tuple[int, str] | None = None
    for x, y, font, words in _wmf_records(data):
        if bullet and bullet[0] == y:
            words = f"{bullet[1]} {words}"
        elif re.fullmatch(r"[•▪·\-*o]", words):
            bullet = (y, words)
            continue
        bullet = None
        yield (x, *font), float(y), words


def _wmf_records(data: bytes) -> Iterator[tuple[int, int, tuple[int, ...], str]]:
    """Each drawn text's left edge, top, selected font (height, weight) and words, in record
    order.  Objects take the lowest free slot of the object table, as GDI gives them."""
    at = _WMF_PLACEABLE_SIZE if data.startswith(_WMF_PLACEABLE) else 0
    at += 2 * int.from_bytes(data[at + 2:at + 4], "little")  # (the header's size, in words)
    # (a slot holds a font's height and weight, () for another object, None when free)
    table: list[tuple[int, ...] | None] = []
    font: tuple[int, ...] = (0, 0)
    while at + 6 <= len(data):
        words, kind = struct.unpack_from("<IH", data, at)
        if words < 3 or at + 2 * words > len(data):
            raise ValueError(f"damaged metafile (a record of {words} words at byte {at})")
        body = data[at + 6:at + 2 * words]
        if kind == _META_EOF:
            return
        if kind in _META_CREATES:
            made = (abs(struct.unpack_from("<h", body)[0]), struct.unpack_from("<h", body, 8)[0]) \
                if kind == _META_CREATEFONTINDIRECT and len(body) >= 10 else ()
            slot = next((n for n, held in enumerate(table) if held is None), len(table))
            table[slot:slot + 1] = [made]
        elif kind == _META_DELETEOBJECT and body and (n := body[0] | body[1] << 8) < len(table):
            table[n] = None
        elif kind == _META_SELECTOBJECT and body and (n := body[0] | body[1] << 8) < len(table):
            font = table[n] or font
        elif kind in (_META_EXTTEXTOUT, _META_TEXTOUT) and (drawn := _wmf_text(kind, body)):
            yield *drawn[:2], font, drawn[2]
        at += 2 * words
    raise ValueError("damaged metafile (it ends before its end record: is it cut short?)")


def _wmf_text(kind: int, body: bytes) -> tuple[int, int, str] | None:
    """A text record's left edge, top and words (its string in Windows-1252), or None when it
    draws only spaces; a string running past its record is damage."""
    try:
        if kind == _META_TEXTOUT:
            length = struct.unpack_from("<h", body)[0]
            raw = body[2:2 + length]
            y, x = struct.unpack_from("<hh", body, 2 + length + (length & 1))
        else:
            y, x, length, options = struct.unpack_from("<hhhH", body)
            start = 8 + (8 if options & _ETO_RECTANGLE else 0)
            raw = body[start:start + length]
    except struct.error:
        raise ValueError("damaged metafile (a text record is cut)") from None
    if length < 0 or len(raw) < length:
        raise ValueError("damaged metafile (a text past its record)")
    words = " ".join(raw.decode("cp1252", "replace").split())
    return (x, y, words) if words else None


def _number(value: str | None) -> float | None:
    """An SVG coordinate ("180", "200.5px"), or None when there is none."""
    m = re.match(r"^\s*(-?\d+(?:\.\d+)?)", value or "")
    return float(m[1]) if m else None


#: How much a compressed draw.io page may inflate to (its XML); a real diagram's page is a few
#: hundred kilobytes, and the cap keeps a crafted one from filling memory.
_DRAWIO_PAGE_LIMIT = 20_000_000


def drawio_html(root: ET.Element) -> str | None:
    """A draw.io / diagrams.net diagram (``.drawio``: a learning event's board, a "learning on a
    page" poster) as HTML, or None when the file is none: each page's shapes in the order they
    were drawn, a ``<div>`` per shape holding its label.  A label is HTML when the shape's style
    says ``html=1`` (draw.io's default), plain text with line breaks otherwise; a shape wrapped in
    an ``<object>`` (one with data fields) keeps its label there.  Connectors (``edge="1"``) are
    the diagram's drawing, not its words.  A page saved compressed (older draw.io's default) is
    inflated first: base64, raw deflate, then URI-encoded XML."""
    if local_name(root.tag) not in ("mxfile", "mxgraphmodel"):
        return None
    models = [root] if local_name(root.tag) == "mxgraphmodel" else []
    for page in (e for e in root if local_name(e.tag) == "diagram"):
        model = next((e for e in page if local_name(e.tag) == "mxgraphmodel"), None)
        if model is None and (page.text or "").strip():
            model = _inflated_page(page.text or "")
        if model is not None:
            models.append(model)
    return "\n".join(f"<div>{label}</div>" for model in models for label in _drawio_labels(model))


#: (session 86) An XSPF playlist's and track's elements that are words a listener reads, in the
#: order given: a title, who made it, its notes, the album (a podcast's series).  The rest is the
#: player's: addresses, identifiers, a duration, a date stamp, a licence, extensions.
_XSPF_WORDS = ("creator", "album", "annotation")


def xspf_html(root: ET.Element) -> str | None:
    """(session 86) An XSPF playlist (``.xspf``: a practice library's listening list of podcast
    episodes, as xspf-lib and media players write it) as a page: the playlist's title a
    heading over its creator and notes, each track's title a heading over its creator, album
    and notes (the show notes, whose line breaks are the episode's lists).  None when the
    file is no XSPF."""
    if local_name(root.tag) != "playlist" or "xspf.org" not in root.tag:
        return None

    def block(node: ET.Element, level: int) -> list[str]:
        fields = {local_name(e.tag): (e.text or "").strip() for e in node if len(e) == 0}
        out = [f"<h{level}>{html.escape(fields['title'])}</h{level}>"] if fields.get("title") else []
        for name in _XSPF_WORDS:
            if value := fields.get(name):
                lines = [html.escape(line.strip()) for line in value.splitlines()]
                out.append("<p>" + "<br/>".join(line for line in lines if line) + "</p>")
        return out

    tracks = [e for e in root.iter() if local_name(e.tag) == "track"]
    return "\n".join([*block(root, 1), *(line for track in tracks for line in block(track, 2))])


def visio_html(root: ET.Element) -> str | None:
    """A Visio XML drawing (``.vdx``, Visio 2003 to 2010: a partnership's "learning from reviews
    on a page" poster) as HTML, or None for other XML: each page's shapes that hold text, in the
    order they were drawn, a ``<div>`` per shape with its text's line breaks kept.  A shape's
    ``<cp/>`` / ``<pp/>`` / ``<tp/>`` elements mark where its character and paragraph formats
    change, not words; the masters' shapes (the stencil's) are the drawing's plumbing."""
    if local_name(root.tag) != "visiodocument":
        return None
    texts = []
    for page in (e for e in root.iter() if local_name(e.tag) == "page"):
        for shape in (e for e in page.iter() if local_name(e.tag) == "shape"):
            text = next((e for e in shape if local_name(e.tag) == "text"), None)
            if text is not None and (words := trimmed_lines("".join(text.itertext()))):
                texts.append(f"<div>{lines_html(words)}</div>")
    return "\n".join(texts)


GRAPHML = "http://graphml.graphdrawing.org/xmlns"


def graphml_html(root: ET.Element) -> str | None:
    """A GraphML diagram (``.graphml``: a learning event's wall map drawn in yEd, a researcher's
    network exported from Gephi) as HTML, or None for other XML: the graph's description, then
    each node in the order it was drawn, a group node as a heading over its own description and
    the nodes inside it, any other node as a block of its label's lines.  yEd keeps a node's
    words in the label of its shown realizer (a group draws two, open and closed, with the same
    label); other tools in ``data`` whose key names them ("label", "description").  Edges are
    the drawing's connectors, not its words."""
    if root.tag != f"{{{GRAPHML}}}graphml":
        return None
    keys = {k.get("id"): (k.get("attr.name") or "").lower() for k in root.iter(f"{{{GRAPHML}}}key")}
    graphs = [e for e in root if e.tag == f"{{{GRAPHML}}}graph"]
    return "\n".join(_graphml_blocks(g, keys, 2) for g in graphs)


def _graphml_blocks(graph: ET.Element, keys: dict[str | None, str], level: int) -> str:
    """A graph's description and its nodes as HTML (see :func:`graphml_html`)."""
    out = [f"<p>{html.escape(w)}</p>" for w in _graphml_data(graph, keys)]
    for node in (e for e in graph if e.tag == f"{{{GRAPHML}}}node"):
        label = _yed_label(node)
        data = _graphml_data(node, keys)
        inner = next((e for e in node if e.tag == f"{{{GRAPHML}}}graph"), None)
        words = [label] if label else data[:1]
        notes = data if label else data[1:]
        if inner is not None:  # a group: a heading over what it holds
            tag = f"h{min(level, 6)}"
            out += [f"<{tag}>{html.escape(w)}</{tag}>" for w in words]
            out += [f"<p>{html.escape(w)}</p>" for w in notes]
            out.append(_graphml_blocks(inner, keys, level + 1))
        else:
            out += [f"<div>{lines_html(w)}</div>" for w in words + notes]
    return "\n".join(out)


def gexf_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A Gephi graph (``.gexf``: a researcher's network of reviews and themes) as records, or
    None for other XML: each node that carries text of its own is a record, its label the
    title and its attributes' values under their titles; a node that is only a name (a theme,
    an agency, linked to the records by edges) is a field of the nodes it is linked to, under
    its class ("theme" nodes are its "themes", read as a record's themes are: its keywords).
    A node's class (an attribute named "kind", "type", "class" or "category" of one word) says
    what the node is in the drawing, not about the review, and is kept only as that field's
    name.  Positions, sizes and colours are the drawing's, not its words."""
    if local_name(root.tag) != "gexf":
        return None
    titles = {a.get("id"): a.get("title") or a.get("id") or "" for a in root.iter()
              if local_name(a.tag) == "attribute"}
    nodes: dict[str, dict[str, str]] = {}
    for node in (e for e in root.iter() if local_name(e.tag) == "node"):
        values = {titles.get(v.get("for"), v.get("for") or ""): (v.get("value") or "").strip()
                  for v in node.iter() if local_name(v.tag) == "attvalue"}
        nodes[node.get("id") or ""] = {"label": (node.get("label") or "").strip(), **values}
    links: dict[str, list[str]] = {key: [] for key in nodes}
    for edge in (e for e in root.iter() if local_name(e.tag) == "edge"):
        source, target = edge.get("source") or "", edge.get("target") or ""
        if source in links and target in links:
            links[source].append(target)
            links[target].append(source)
    named_only = {key for key, node in nodes.items()
                  if links[key] and all(len(v) <= 60 for k, v in node.items() if k != "label")}
    records = []
    for key, node in nodes.items():
        if key in named_only:
            continue
        record = {k: v for k, v in node.items() if v and not _gexf_class(k, v)}
        for other in links[key]:
            if other in named_only:
                kind = _gexf_kind(nodes[other])
                field = f"{kind}s" if kind else "linked"
                record.setdefault(field, []).append(nodes[other]["label"])  # type: ignore[union-attr]
        records.append(record)
    return records


def _gexf_class(key: str, value: str) -> bool:
    """Whether an attribute is a node's class in the drawing ("kind": "review")."""
    return key.lower() in ("kind", "type", "class", "category", "node type") and len(value.split()) == 1


def _gexf_kind(node: dict[str, str]) -> str:
    """A node's class (see :func:`_gexf_class`), "" with none."""
    return next((v.lower() for k, v in node.items() if _gexf_class(k, v)), "")


#: The ``data`` keys whose values are a GraphML node's or graph's words (yEd's "description",
#: Gephi's "label"); a URL, a colour or a weight is none.
_GRAPHML_WORDS = ("label", "name", "description", "text", "title", "note", "notes")


def _graphml_data(element: ET.Element, keys: dict[str | None, str]) -> list[str]:
    """The words of an element's own ``data`` (see :data:`_GRAPHML_WORDS`)."""
    return [text for d in element
            if d.tag == f"{{{GRAPHML}}}data" and keys.get(d.get("key")) in _GRAPHML_WORDS
            and (text := trimmed_lines("".join(d.itertext())))]


def _yed_label(node: ET.Element) -> str:
    """A yEd node's label: the first label of the realizer it shows (a group's open one)."""
    graphics = next((d for d in node if d.tag == f"{{{GRAPHML}}}data" and len(d)), None)
    if graphics is None:
        return ""
    realizers = next((e for e in graphics.iter() if local_name(e.tag) == "realizers"), None)
    if realizers is not None and len(realizers):
        active = realizers.get("active", "0")
        shown = realizers[min(int(active), len(realizers) - 1) if active.isdigit() else 0]
    else:
        shown = graphics
    label = next((e for e in shown.iter() if local_name(e.tag) == "nodelabel"), None)
    return trimmed_lines("".join(label.itertext())) if label is not None else ""


#: A tag that shows a value is HTML to be read as a page (an API's "body", a note's CDATA, a
#: search index's section): paragraphs, breaks, lists, headings, emphasis, links.
_HTML_TAG = re.compile(r"<(?:p|br|ul|li|div|h\d|strong|em|span|a)\b[^>]*>", re.I)


def holds_html(text: str) -> bool:
    """Whether a value is HTML to be read as a page (:data:`_HTML_TAG`), not text."""
    return _HTML_TAG.search(text) is not None


def lines_html(text: str) -> str:
    """Plain text of several lines (a diagram's label) as HTML that keeps its line breaks."""
    return html.escape(text).replace("\n", "<br>")


def trimmed_lines(text: str) -> str:
    """Text with its lines' ends tidied: no spaces at a line's ends, no empty lines at its ends."""
    return "\n".join(line.strip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def _inflated_page(packed: str) -> ET.Element:
    """A compressed draw.io page's model (see :func:`drawio_html`); ValueError names what failed."""
    import base64
    import binascii
    from urllib.parse import unquote

    try:
        data = inflated(base64.b64decode(packed.strip()), _DRAWIO_PAGE_LIMIT,
                        f"a compressed draw.io page larger than {_DRAWIO_PAGE_LIMIT:,} bytes", wbits=-15)
        return ET.fromstring(unquote(data.decode("utf-8")))
    except (binascii.Error, zlib.error, UnicodeDecodeError, ET.ParseError) as exc:
        raise ValueError(f"a compressed draw.io page that does not inflate: {exc}") from None


def _drawio_labels(model: ET.Element) -> list[str]:
    """The labels of a draw.io page's shapes, as HTML, in the order they were drawn."""
    labels = []
    for element in model.iter():
        kind = local_name(element.tag)
        if kind == "mxcell" and element.get("value") is not None:
            cell, label = element, element.get("value") or ""
        elif kind in ("object", "userobject"):  # a shape with data fields: the cell is inside
            cell = next((e for e in element if local_name(e.tag) == "mxcell"), element)
            label = element.get("label") or ""
        else:
            continue
        if cell.get("edge") == "1" or not label.strip():
            continue
        if "html=1" not in (cell.get("style") or ""):
            label = lines_html(label)
        labels.append(label)
    return labels


#: The refer / EndNote tags (``.enw``) a reference manager exports, as the keys a record's page
#: is built from (``sources._records_text`` labels "creator" as Partnership, "date" as Published,
#: "subjects" as Keywords, a long "abstract" as the record's account).  Other tags are notes.
_REFER_KEYS = {"T": "title", "A": "creator", "Q": "creator", "E": "editor", "I": "publisher",
               "D": "date", "8": "date", "C": "place", "9": "review type", "X": "abstract",
               "K": "subjects", "Z": "note", "B": "series", "J": "journal", "S": "series",
               "0": "_kind", "U": "_url", "R": "_doi", "@": "_isbn", "F": "_label", "~": "_database",
               "W": "_provider", "+": "address", "N": "number", "V": "volume", "P": "pages"}


def refer_records(raw: str) -> list[dict[str, object]]:
    """A reference manager's tagged export (EndNote's ``.enw``, the older ``refer`` format) as its
    records: each "%T Title" line a field by its tag, a line without a tag going on with the field
    above, a tag given again a list (keywords, authors), records apart by blank lines."""
    records: list[dict[str, object]] = []
    record: dict[str, object] = {}
    key = ""
    for number, line in enumerate([*raw.replace("\r\n", "\n").split("\n"), ""], start=1):
        if not line.strip():
            if record:
                records.append(record)
            record, key = {}, ""
        elif m := re.match(r"^%(\S)\s?(.*)$", line):
            key = _REFER_KEYS.get(m[1], "note")
            value = m[2].strip()
            if key in ("title", "abstract", "note", "date", "review type") and key in record:
                record[key] = f"{record[key]} {value}"  # (one text told over two tags)
            else:
                _add_field(record, key, [value] if key in ("subjects", "creator") else value)
        elif key:
            _go_on(record, key, line.strip())
        else:
            raise ValueError(f"line {number}: a record starts with a tag (\"%T Title\"), not with text")
    if not records:
        raise ValueError("no record (a tag such as \"%T Title\" at the start of a line)")
    return _references(records, lists=("subjects",))


def _go_on(record: dict[str, object], key: str, text: str) -> None:
    """A line of a tagged export without a tag of its own: it goes on with the field above (the
    last value of a field given as a list)."""
    held = record[key]
    record[key] = [*held[:-1], f"{held[-1]} {text}"] if isinstance(held, list) else f"{held} {text}"


def _references(records: list[dict[str, object]], lists: tuple[str, ...]) -> list[dict[str, object]]:
    """A reference export's records as records: a publisher that is the author left out (a
    partnership's own report), and a field given once a value, not a list of one, unless it is
    one of ``lists`` (keywords, notes)."""
    for r in records:
        if "publisher" in r and (r["publisher"] == r.get("creator") or [r["publisher"]] == r.get("creator")):
            del r["publisher"]
    return [{k: v[0] if isinstance(v, list) and len(v) == 1 and k not in lists else v
             for k, v in r.items()} for r in records]


#: RIS tags (Research Information Systems: the export of Zotero, EndNote, Mendeley, RefWorks)
#: by the field each holds; a tag not named here is the record's plumbing (its id, its URL,
#: its database).
_RIS_KEYS = {"TI": "title", "T1": "title", "CT": "title", "AU": "creator", "A1": "creator",
             "A2": "editor", "PY": "date", "Y1": "date", "DA": "date", "PB": "publisher",
             "CY": "place", "AB": "abstract", "N2": "abstract", "N1": "notes", "KW": "subjects",
             "T2": "series", "T3": "series", "JO": "journal", "M3": "review type"}
_RIS_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])  -(?: (?P<value>.*))?$")


def ris_records(raw: str) -> list[dict[str, object]]:
    """A reference manager's RIS export (``.ris``) as its records: each record from its "TY" to
    its "ER" line, a field by its tag, a tag given again a list (keywords, authors, notes), a
    line without a tag going on with the field above.  A report's notes ("N1") are what the
    library's keeper wrote about it: often its learning and its recommendations."""
    records: list[dict[str, object]] = []
    record: dict[str, object] | None = None
    key = ""
    for line in raw.replace("\r\n", "\n").split("\n"):
        m = _RIS_LINE.match(line.rstrip())
        if m and m["tag"] == "TY":
            record, key = {}, ""
        elif m and m["tag"] == "ER":
            if record:
                records.append(record)
            record, key = None, ""
        elif m and record is not None:
            key = _RIS_KEYS.get(m["tag"], "")
            if key == "date" and key in record:
                key = ""  # (a year, "PY", and a full date, "DA": the first is kept)
            elif key and (m["value"] or "").strip():
                _add_field(record, key, [m["value"].strip()] if key in ("subjects", "notes", "creator")
                           else m["value"].strip())
        elif record is not None and key and line.strip():
            _go_on(record, key, line.strip())
    if record:
        records.append(record)  # (an export cut off before its last "ER")
    if not records:
        raise ValueError('no record (a "TY  - " line opens each one)')
    return _references(records, lists=("subjects", "notes"))


#: (session 76) The ISI tagged format's fields (Web of Science's "plain text" export, which
#: bibutils' ``xml2isi`` and library systems write too) by the field each holds, named as RIS's
#: are (:data:`_RIS_KEYS`).  Full author names ("AF") stand before the short ones ("AU"); a tag
#: not named here (the record's accession number, its address, its counts) is plumbing.
_ISI_KEYS = {"TI": "title", "AF": "creator", "AU": "_short_creator", "PY": "date", "PU": "publisher",
             "PI": "place", "AB": "abstract", "DE": "subjects", "ID": "subjects", "SO": "journal",
             "SE": "series", "BS": "series"}
#: The tags whose every line is a value of its own (one author a line); the others' lines are
#: one text wrapped.
_ISI_LISTS = {"AF", "AU"}
_ISI_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])(?: (?P<value>.*))?$")


def isi_records(raw: str) -> list[dict[str, object]]:
    """(session 76) A library's or Web of Science's ISI tagged export (``.isi``) as its records:
    each from its "PT" line to its "ER" line, a two-letter tag then its value, a line that opens
    with three spaces going on with the tag above; keywords ("DE") apart at semicolons.  A
    record's abstract ("AB") is the catalogue's summary of the review."""
    records: list[dict[str, object]] = []
    fields: list[tuple[str, list[str]]] | None = None
    for line in raw.lstrip("\ufeff").replace("\r\n", "\n").split("\n"):
        m = _ISI_LINE.match(line.rstrip())
        if line.startswith("   ") and fields:
            fields[-1][1].append(line.strip())
        elif m and m["tag"] == "PT":
            fields = []
        elif m and m["tag"] == "ER":
            if fields:
                records.append(_isi_record(fields))
            fields = None
        elif m and fields is not None:
            fields.append((m["tag"], [(m["value"] or "").strip()]))
    if fields:
        records.append(_isi_record(fields))  # (an export cut off before its last "ER")
    if not records:
        raise ValueError('no record (a "PT" line opens each one, an "ER" line closes it)')
    return _references(records, lists=("subjects",))


def _isi_record(fields: list[tuple[str, list[str]]]) -> dict[str, object]:
    """One ISI record's tags as its fields: an author a line, keywords apart at semicolons,
    any other tag's lines one text."""
    record: dict[str, object] = {}
    for tag, lines in fields:
        key = _ISI_KEYS.get(tag)
        if not key or not any(lines):
            continue
        if tag in _ISI_LISTS:
            _add_field(record, key, [v for v in lines if v])
        elif key == "subjects":
            _add_field(record, key, [v.strip() for v in " ".join(lines).split(";") if v.strip()])
        elif key not in record:
            record[key] = " ".join(v for v in lines if v)
    short = record.pop("_short_creator", None)
    if "creator" not in record and short:
        record["creator"] = short
    return record


#: biblatex's fields (in a ``.bbl`` biber writes) by the field each holds, as RIS's are named
#: (:data:`_RIS_KEYS`); the others (sort keys, hashes, label sources) are biber's plumbing.
_BBL_KEYS = {"title": "title", "subtitle": "subtitle", "type": "review type", "year": "date",
             "date": "date", "institution": "publisher", "organization": "publisher",
             "publisher": "publisher", "location": "place", "abstract": "abstract",
             "annotation": "notes", "note": "notes", "addendum": "notes",
             "journaltitle": "journal", "series": "series", "author": "creator", "keyw": "subjects"}
_BBL_ENTRY = re.compile(r"\\entry\{[^}]*\}\{([^}]*)\}\{[^}]*\}(.*?)\\endentry", re.S)
_BBL_COMMAND = re.compile(r"\\(field|list|name|keyw)\{([^}]*)\}")
#: A name's parts in a ``\name`` block: "family={{HM Government}}", "given={Maeve}".
_BBL_NAME_PART = re.compile(r"\b(family|given)=\{((?:[^{}]|\{[^{}]*\})*)\}")


def bbl_records(raw: str) -> list[dict[str, object]]:
    """A bibliography as biber writes it for biblatex (``.bbl``: a thesis's or a report's list
    of the reviews it cites) as its entries' records, named as a RIS export's are: a field's
    words with LaTeX's few commands undone, a list (institution, location) its items, an
    author the names in its ``\name`` block (a corporate author in double braces whole).  An
    entry's ``annotation`` is what the writer noted about the review: often its learning.  Hashes,
    sort keys and URLs are biber's plumbing."""
    records: list[dict[str, object]] = []
    for entry in _BBL_ENTRY.finditer(raw):
        record: dict[str, object] = {}
        body = entry.group(2)
        for command in _BBL_COMMAND.finditer(body):
            kind, name = command.groups()
            key = _BBL_KEYS.get("keyw" if kind == "keyw" else name)
            if key is None:
                continue
            # ("\list{location}{1}{...}" counts its items, "\name{author}{2}{}{...}" its names
            # and options; "\keyw{a,b}" holds its words in its one argument)
            skip = {"field": 0, "keyw": 0, "list": 1, "name": 2}[kind]
            value = name if kind == "keyw" else _bbl_braced(body, _bbl_skip(body, command.end(), skip))[0]
            if kind == "list":
                values = [_bbl_words(v) for v in _bbl_items(value)]
            elif kind == "name":
                values = [" ".join(_bbl_words(v) for _, v in sorted(
                    _BBL_NAME_PART.findall(item), key=lambda part: part[0] != "given"))
                    for item in _bbl_items(value)]
            elif kind == "keyw":
                values = [w.strip() for w in _bbl_words(value).split(",") if w.strip()]
            else:
                values = [_bbl_words(value)]
            for v in filter(None, values):
                _add_field(record, key, [v] if key in ("subjects", "notes", "creator") else v)
        if record:
            record.setdefault("review type", entry.group(1))
            records.append(record)
    if not records:
        raise ValueError(r"no entry (a '\entry{key}{type}{}' line opens each one)")
    return _references(records, lists=("subjects", "notes"))


def _bbl_braced(text: str, pos: int) -> tuple[str, int]:
    """The words inside the balanced braces that open at ``pos`` (after blanks and ``%`` line
    ends), and where they close."""
    while pos < len(text) and text[pos] in " \t\r\n%":
        pos += 1
    if pos >= len(text) or text[pos] != "{":
        return "", pos
    depth = 0
    for end in range(pos, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0) if text[end - 1] != "\\" else 0
        if depth == 0:
            return text[pos + 1:end], end + 1
    return text[pos + 1:], len(text)


def _bbl_skip(text: str, pos: int, count: int) -> int:
    """Where the argument after ``count`` braced ones begins ("{2}{}" of a ``\name`` block)."""
    for _ in range(count):
        pos = _bbl_braced(text, pos)[1]
    return pos


def _bbl_items(value: str) -> list[str]:
    """A list's or name block's top-level braced items."""
    items, pos = [], 0
    while (item := _bbl_braced(value, pos))[1] > pos and item[1] <= len(value):
        if not value[pos:].strip(" \t\r\n%").startswith("{"):
            break
        items.append(item[0])
        pos = item[1]
    return items


def _bbl_words(value: str) -> str:
    """A field's words: LaTeX's accents on their letters ("{\\'e}" is "é"), biblatex's
    punctuation commands as their marks, other commands' words kept, braces dropped
    ("{{HM Government}}" is "HM Government")."""
    value = _LATEX_ACCENT.sub(lambda m: unicodedata.normalize("NFC", m[2] + _LATEX_ACCENTS[m[1]]), value)
    value = value.replace(r"\bibrangedash", "–").replace(r"\bibinitperiod", ".")
    value = value.replace("---", "—").replace("--", "–").replace("~", " ")
    value = re.sub(r"\\([&%$#_])", r"\1", value)
    value = re.sub(r"\\[a-zA-Z]+\*?\s*", "", value)
    return " ".join(value.replace("{", "").replace("}", "").split())


#: LaTeX's accent commands by the combining mark each puts on its letter, and an accented
#: letter as BibTeX files write it ("{\\'e}", "\\'{e}", "\\\"o", "\\c{c}").
_LATEX_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
                  "=": "\u0304", ".": "\u0307", "c": "\u0327", "u": "\u0306", "v": "\u030c"}
_LATEX_ACCENT = re.compile(r"\{?\\(['`^\"~=.]|[cuv](?=[{ ]))\s*\{?([A-Za-z])\}?\}?")

#: BibTeX's fields by the field each holds, named as a RIS export's are (:data:`_RIS_KEYS`);
#: the others (a URL, a DOI, an ISBN, a file link, JabRef's groups) are the library's plumbing.
_BIB_KEYS = {"title": "title", "subtitle": "subtitle", "type": "review type", "year": "date",
             "date": "date", "institution": "publisher", "organization": "publisher",
             "publisher": "publisher", "school": "publisher", "address": "place", "location": "place",
             "abstract": "abstract", "note": "notes", "annote": "notes", "annotation": "notes",
             "addendum": "notes", "journal": "journal", "journaltitle": "journal",
             "booktitle": "journal", "series": "series", "author": "creator", "editor": "creator",
             "keywords": "subjects"}
#: BibTeX's month macros ("month = jul"), as a date prints them.
_BIB_MONTHS = {m.lower()[:3]: m for m in calendar.month_name if m}
#: An entry's opening: "@techreport{" or "@misc(" (a comment, a preamble or a string too).
_BIB_OPEN = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_BIB_FIELD = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=\s*")


def bibtex_records(raw: str) -> list[dict[str, object]]:
    """A BibTeX database (``.bib``: a researcher's or a library's reference list, kept in
    JabRef, Zotero or by hand) as its entries' records, named as a RIS export's are: a value in
    braces or quotes, a number, a month or ``@string`` macro, or parts joined by ``#``; a
    field's words with LaTeX's accents and commands undone (:func:`_bbl_words`); authors and
    keywords their lists; a month joined to the year ("July 2024").  ``@comment`` and
    ``@preamble`` are no entries.  An entry's ``note`` or ``annote`` is what the keeper wrote
    about the review: often its findings and its recommendations.  Why by hand: the grammar is
    a handful of rules, and the maintained parsers bring a parsing library each for them."""
    macros = dict(_BIB_MONTHS)
    records: list[dict[str, object]] = []
    pos = 0
    while (at := raw.find("@", pos)) >= 0:
        opened = _BIB_OPEN.match(raw, at)
        if opened is None:
            pos = at + 1
            continue
        kind = opened[1].lower()
        body, pos = _bib_body(raw, opened.end() - 1)
        if kind == "string":
            macros.update(_bib_fields(body, macros))
        elif kind not in ("comment", "preamble") and (
                record := _bib_record(_bib_fields(body.partition(",")[2], macros))):
            records.append(record)
    if not records:
        raise ValueError('no entry (an "@type{key," line opens each one)')
    return _references(records, lists=("subjects", "notes"))


def _bib_body(raw: str, start: int) -> tuple[str, int]:
    """The text inside an entry's braces (or parentheses) that open at ``start``, and where
    they close (a backslash escapes the character after it); an entry never closed is refused
    with its line."""
    close = "}" if raw[start] == "{" else ")"
    depth, end = 0, start + 1
    while end < len(raw):
        char = raw[end]
        if char == "\\":
            end += 2
            continue
        if depth == 0 and char == close:
            return raw[start + 1:end], end + 1
        depth += {"{": 1, "}": -1}.get(char, 0)
        end += 1
    raise ValueError(f"line {raw.count(chr(10), 0, start) + 1}: an entry opened here is never closed")


def _bib_fields(body: str, macros: dict[str, str]) -> list[tuple[str, str]]:
    """An entry's fields after its key, as (lower-case name, value) in the entry's order."""
    fields: list[tuple[str, str]] = []
    pos = 0
    while (name := _BIB_FIELD.match(body, pos)) is not None:
        parts, pos = [], name.end()
        while pos < len(body):
            if body[pos] == "{":
                part, pos = _bib_body(body, pos)
            elif body[pos] == '"':
                end = pos + 1
                depth = 0
                while end < len(body) and not (body[end] == '"' and depth == 0):
                    depth += {"{": 1, "}": -1}.get(body[end], 0)
                    end += 2 if body[end] == "\\" else 1
                part, pos = body[pos + 1:end], end + 1
            else:
                word = re.match(r"[^\s,#]*", body[pos:])[0]
                part, pos = (word if word.isdigit() else macros.get(word.lower(), word)), pos + len(word)
            parts.append(part)
            rest = re.match(r"\s*#\s*", body[pos:])
            if rest is None:
                break
            pos += rest.end()
        fields.append((name[1].lower(), "".join(parts)))
        pos += len(re.match(r"[\s,]*", body[pos:])[0])
    return fields


def _bib_record(fields: list[tuple[str, str]]) -> dict[str, object]:
    """One entry's fields as a record (see :func:`bibtex_records`)."""
    record: dict[str, object] = {}
    month = next((_bbl_words(v) for k, v in fields if k == "month"), "")
    for name, value in fields:
        key = _BIB_KEYS.get(name)
        words = _bbl_words(value)
        if key is None or not words:
            continue
        if key == "creator":
            names = [" ".join(reversed([p.strip() for p in n.split(",", 1)])) if "," in n else n.strip()
                     for n in re.split(r"\s+and\s+", words)]
            _add_field(record, key, [n for n in names if n])
        elif key == "subjects":
            _add_field(record, key, [w.strip() for w in re.split(r"[,;]", words) if w.strip()])
        elif key == "date" and name == "year" and month:
            _add_field(record, key, f"{_BIB_MONTHS.get(month.lower()[:3], month)} {words}")
        else:
            _add_field(record, key, [words] if key == "notes" else words)
    return record


def python_data(raw: str) -> dict[str, object]:
    """A Python module that holds data (``reviews_data.py``: a researcher's hand-entered
    records) as that data: its docstring, then each top-level assignment whose value is a
    literal (a list of dicts, a string), by its name.  Nothing is run: the source is parsed
    (``ast``) and only literals are read (``ast.literal_eval``), so an import, a call or any other
    code is passed over, never executed.  A string's indent and line wrapping are undone."""
    import ast

    try:
        tree = ast.parse(raw)
    except SyntaxError as exc:  # (a one-line error naming the place, as for any other format)
        raise ValueError(f"line {exc.lineno}: {exc.msg}") from None
    data: dict[str, object] = {}
    if doc := ast.get_docstring(tree):
        data["description"] = doc
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if not names or node.value is None:  # type: ignore[union-attr]
            continue
        try:
            value = ast.literal_eval(node.value)  # type: ignore[union-attr, arg-type]
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue  # (a call, a name: code, not data)
        data[names[0].lower()] = _python_text(value)
    return data


def _python_text(value: object) -> object:
    """A literal with its strings as a page's text: a triple-quoted string's indent removed and
    its wrapped lines joined (a blank line stays a paragraph's end); tuples and sets as lists."""
    import inspect

    if isinstance(value, str):
        return _unwrapped(inspect.cleandoc(value)) if "\n" in value else value
    if isinstance(value, dict):
        return {str(k): _python_text(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_python_text(v) for v in value]
    return value


#: The line that starts a WARC record ("WARC/1.1"), the format web archives (the Internet
#: Archive's, a partnership's own capture tool) keep captured pages in.
_WARC_START = re.compile(r"(?:^|\n)WARC/1\.\d\r?\n")


def warc_pages(raw: str) -> list[tuple[str, bool]]:
    """The pages captured in a web archive (``.warc``): each "response" or "resource" record's
    payload, its HTTP headers removed, as (content, whether it is HTML).  Requests, metadata and
    the archive's own description are the capture's plumbing, not pages; so are a response's
    images, scripts and style sheets.  The records are found by their "WARC/1.x" lines, so a
    length miscounted when the file was saved in another encoding loses no words."""
    if not raw.lstrip().startswith("WARC/"):
        raise ValueError('no WARC record (the file should start with a "WARC/1.1" line)')
    pages: list[tuple[str, bool]] = []
    for record in _WARC_START.split(raw)[1:]:
        head, _, block = record.replace("\r\n", "\n").partition("\n\n")
        fields = {k.strip().lower(): v.strip() for k, _, v in
                  (line.partition(":") for line in head.split("\n")) if k}
        kind = fields.get("warc-type", "")
        media = fields.get("content-type", "")
        if kind == "response" and media.startswith("application/http"):
            http_head, _, block = block.partition("\n\n")
            media = next((line.partition(":")[2].strip() for line in http_head.split("\n")
                          if line.lower().startswith("content-type:")), "")
        elif kind != "resource":
            continue
        pages += _archived_page(block, media)
    return pages


def _archived_page(block: str, media: str) -> list[tuple[str, bool]]:
    """A web archive's captured payload as a page (content, whether it is HTML), or none when
    its media type is no page's (an image, a script, a style sheet)."""
    if media.split(";")[0].strip().lower() not in ("text/html", "application/xhtml+xml", "text/plain", ""):
        return []
    return [(block.strip(), "html" in media or bool(re.match(r"\s*<(?:!doctype|html)", block, re.I)))]


#: The line that opens each record of an ARC file (the Internet Archive's format before WARC,
#: written by Heritrix 1): "URL IP-address archive-date content-type length", at the file's
#: start or after the blank line that ends the record before it.
_ARC_RECORD = re.compile(r"(?:\A|\n\n)(\S+) (\d{1,3}(?:\.\d{1,3}){3}) (\d{14}) ([^\n]+?) (\d+)\n")


def arc_pages(raw: str) -> list[tuple[str, bool]]:
    """The pages captured in an ARC web archive (``.arc``, version 1): each HTTP record's page,
    its HTTP headers removed, as :func:`warc_pages` gives a WARC's.  The archive's own
    description ("filedesc://"), its DNS lookups, robots.txt and any response but a success are
    the crawl's plumbing.  Records are found by their header lines, not their lengths, so a
    length miscounted when the file was saved in another encoding loses no words."""
    raw = raw.replace("\r\n", "\n")
    heads = list(_ARC_RECORD.finditer(raw))
    if not heads or not heads[0].group(1).startswith("filedesc://"):
        raise ValueError('no ARC file header (the file should start with a "filedesc://" line)')
    pages: list[tuple[str, bool]] = []
    for head, after in zip(heads, [*heads[1:], None], strict=True):
        url = head.group(1)
        block = raw[head.end():after.start() if after else len(raw)]
        if not url.startswith(("http://", "https://")) or url.rstrip("/").endswith("/robots.txt"):
            continue
        http_head, _, body = block.partition("\n\n")
        if not re.match(r"HTTP/\d(?:\.\d)? 2\d\d\b", http_head):
            continue
        media = next((line.partition(":")[2].strip() for line in http_head.split("\n")
                      if line.lower().startswith("content-type:")), head.group(4))
        pages += _archived_page(body, media)
    return pages


#: The media types of a captured page a reader reads (a browser's or an archive's capture):
#: HTML, and plain text; images, scripts, style sheets and API responses are the page's plumbing.
_PAGE_MEDIA = ("text/html", "application/xhtml+xml", "text/plain")


def har_pages(data: object) -> list[tuple[str, bool]] | None:
    """The pages a browser's network capture (a HAR file, ``.har``: developer tools' "Save all
    as HAR") holds: each successful response whose content is HTML or text, decoded from base64
    when the capture encoded it, as (content, whether it is HTML); None when the data is no HAR
    (a ``log`` with ``entries``)."""
    log = data.get("log") if isinstance(data, dict) else None
    entries = log.get("entries") if isinstance(log, dict) else None
    if not isinstance(entries, list):
        return None
    pages: list[tuple[str, bool]] = []
    for entry in entries:
        response = entry.get("response") if isinstance(entry, dict) else None
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or not isinstance(content.get("text"), str):
            continue
        media = str(content.get("mimeType") or "").split(";")[0].strip().lower()
        status = response.get("status")  # (a number in HAR 1.2; anything else is no success)
        if media not in _PAGE_MEDIA or not (isinstance(status, int) and 200 <= status < 300):
            continue
        text = content["text"]
        if content.get("encoding") == "base64":
            import base64
            import binascii

            try:
                text = base64.b64decode(text).decode("utf-8", errors="replace")
            except (binascii.Error, ValueError):
                continue  # (a body the capture mangled: the other pages are still read)
        pages.append((text, media != "text/plain"))
    return pages


def excalidraw_text(data: object) -> str | None:
    """An Excalidraw board (``.excalidraw``: a workshop's whiteboard, a review's sticky notes)
    as text, or None when the data is none: each text element a paragraph, in the order drawn;
    its first line stands alone when it is a note's label ("Learning 1", "What happened"), and
    its other lines, wrapped by hand to fit the note, are joined, a bullet or a number starting
    a line of its own.  Deleted elements and the shapes around the texts are not words."""
    if not isinstance(data, dict) or data.get("type") != "excalidraw" \
            or not isinstance(data.get("elements"), list):
        return None
    paragraphs = []
    for element in data["elements"]:
        if not isinstance(element, dict) or element.get("type") != "text" or element.get("isDeleted"):
            continue
        said = element.get("originalText") or element.get("text")
        if isinstance(said, str) and said.strip():
            paragraphs.append("\n".join(_unwrapped_lines(said.split("\n"))))
    return "\n\n".join(paragraphs)


def _unwrapped_lines(lines: list[str]) -> list[str]:
    """A note's lines as written, its hand-wrapping undone: a short first line with no closing
    stop is its label, on a line of its own; a line opening with a bullet or a number starts a
    line; any other line goes on with the line before it."""
    out: list[str] = []
    labelled = False  # (the first line was the note's label: the next starts its text)
    for k, line in enumerate(line.strip() for line in lines):
        if not line:
            continue
        label = k == 0 and len(line.split()) <= 4 and not re.search(r"[.,;:!?]$", line)
        if not out or label or labelled or re.match(r"^(?:[•▪·*–-]|\d{1,2}[.)])\s", line):
            out.append(line)
        else:
            out[-1] = f"{out[-1]} {line}"
        labelled = label
    return out


#: The annotations of an XFDF file that carry words: a highlight's copied text, a note, a box.
_XFDF_WORDS = {"highlight", "underline", "strikeout", "squiggly", "text", "freetext", "caret"}


def xfdf_paragraphs(root: ET.Element) -> list[str] | None:
    """A PDF's annotations exported as XFDF (Adobe's, or a PDF reader's "Export comments") as
    the words a reader marked and wrote, or None when the file is none: each annotation's
    contents (its rich text's words when it has no plain contents), page by page in the order
    made.  A highlight's contents are the document's own words it covers; a note or a text box
    holds the reader's.  Form fields, appearance and popups are the PDF's plumbing."""
    if local_name(root.tag) != "xfdf":
        return None
    annotations = [e for e in root.iter() if local_name(e.tag) in _XFDF_WORDS]
    annotations.sort(key=lambda e: int(e.get("page") or 0) if (e.get("page") or "").isdigit() else 0)
    paragraphs = []
    for annotation in annotations:
        said = child_text(annotation, "contents")
        if not said:
            rich = next((e for e in annotation if local_name(e.tag) == "contents-richtext"), None)
            said = element_words(rich) if rich is not None else ""
        if said:
            paragraphs.append(said)
    return paragraphs


def refi_qda_texts(root: ET.Element) -> list[str] | None:
    """The texts a qualitative-analysis project holds (a REFI-QDA project file, ``.qde``, as
    NVivo, ATLAS.ti and MAXQDA exchange them): each text source's own words, in order; None when
    the file is no such project.  The codebook, the coded selections and the memos are the
    researchers' reading of the texts, not the texts' words, and are left out; a source kept
    outside the file (``plainTextPath``) has no words here, but a ``.qdpx`` archive's own
    sources are put inside by :func:`casegraph.ingest.packages.qdpx_project`."""
    if local_name(root.tag) != "project" or "QDA-XML" not in root.tag:
        return None
    sources = next((e for e in root if local_name(e.tag) == "sources"), None)
    texts = []
    for source in sources if sources is not None else []:
        content = next((e for e in source if local_name(e.tag) == "plaintextcontent"), None)
        if content is not None and (content.text or "").strip():
            texts.append(content.text.strip())
    return texts


#: A Dataverse (Dynamics 365, Power Apps) table's system columns: who and when a row was
#: created or edited, and its state, are the system's bookkeeping, not the record's words.
_DATAVERSE_SYSTEM = re.compile(r"^(?:created|modified|overriddencreated)(?:on|by)|^(?:state|status)code$|"
                               r"^versionnumber$|^importsequencenumber$|^timezoneruleversionnumber$|"
                               r"^utcconversiontimezonecode$")
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_FORMATTED = "@OData.Community.Display.V1.FormattedValue"


def odata_records(data: object) -> dict[str, object] | None:
    """An OData v4 service's answer (SharePoint's, Dataverse's, a Power Apps register's Web API
    saved as JSON) as its records the way the app shows them, or None when the data is none (an
    ``@odata.context`` beside a ``value`` list).  A coded field (an option set's number) takes
    its display form, its label; the ``@`` annotations, lookups' ids (``_ownerid_value``),
    identifiers and the system's columns are left out; a publisher's prefix shared by the
    columns (``wg_name``) is dropped, so that a record's ``name`` is its title."""
    if not isinstance(data, dict) or "@odata.context" not in data or not isinstance(data.get("value"), list):
        return None
    rows = [r for r in data["value"] if isinstance(r, dict)]
    keys = {k for r in rows for k in r if "@" not in k and not k.startswith("_")}
    prefixes = {k.split("_", 1)[0] for k in keys if "_" in k}
    prefix = f"{prefixes.pop()}_" if len(prefixes) == 1 else ""
    records = []
    for row in rows:
        record: dict[str, object] = {}
        for key, value in row.items():
            if "@" in key or key.startswith("_") or (isinstance(value, str) and _GUID.match(value)):
                continue
            name = key.removeprefix(prefix)
            if _DATAVERSE_SYSTEM.match(name):
                continue
            shown = row.get(key + _FORMATTED)  # (an option set's label; a date stays ISO)
            record[name] = shown if shown is not None and not isinstance(value, str) else value
        records.append(record)
    about = {k: v for k, v in data.items() if not k.startswith("@") and k != "value"}
    return {**about, "value": records}


#: A content type's parameters in H5P that are its player's words, not the author's: button
#: labels and translations, behaviour switches, accessibility texts, feedback ranges, metadata.
_H5P_PLUMBING = {"l10n", "behaviour", "a11y", "metadata", "overallFeedback", "UI", "library",
                 "subContentId", "confirmCheck", "confirmRetry", "hTag"}
_H5P_LIBRARY = re.compile(r"^H5P\.[\w.]+ \d+\.\d+$")


def h5p_html(data: object) -> str | None:
    """An H5P activity's ``content.json`` (e-learning built in Moodle, WordPress or Drupal: an
    accordion of panels, a column of texts, a slide deck) as a page, or None when the data is no
    such content (nothing in it names an H5P library, "H5P.AdvancedText 1.1").  A part's title
    is a heading over its content; texts are the author's HTML; the player's own words (button
    labels, translations, feedback) and the metadata are left out."""
    if not _names_h5p_library(data):
        return None
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            title = node.get("title")
            if isinstance(title, str) and title.strip() and any(
                    isinstance(node.get(k), (dict, list)) for k in ("content", "params")):
                out.append(f"<h2>{html.escape(title.strip())}</h2>")
            for key, value in node.items():
                if key in _H5P_PLUMBING or key == "title":
                    continue
                if isinstance(value, str) and key in ("text", "question", "description", "introduction"):
                    out.append(value if "<" in value else f"<p>{html.escape(value)}</p>")
                else:
                    walk(value)

    walk(data)
    return "\n".join(out)


def _names_h5p_library(node: object, depth: int = 0) -> bool:
    """Whether a JSON value holds an H5P part (``"library": "H5P.Accordion 1.0"``), a few levels in."""
    if depth > 6:
        return False
    if isinstance(node, dict):
        if isinstance(node.get("library"), str) and _H5P_LIBRARY.match(node["library"]):
            return True
        return any(_names_h5p_library(v, depth + 1) for v in node.values())
    if isinstance(node, list):
        return any(_names_h5p_library(v, depth + 1) for v in node[:50])
    return False


def ms_project_text(root: ET.Element) -> str | None:
    """A Microsoft Project plan saved as XML (an action plan's tasks) as the outline it shows,
    or None when the file is none: the plan's title, then each top-level task a heading over its
    notes, and the tasks under it its actions, one a point each.  Calendars, resources,
    assignments and every task's dates, durations and flags are the schedule, not its words."""
    if local_name(root.tag) != "project" or "schemas.microsoft.com/project" not in root.tag:
        return None
    tasks = next((e for e in root if local_name(e.tag) == "tasks"), None)
    return _plan_outline(child_text(root, "title") or child_text(root, "name"), "",
                         [(child_text(task, "outlinelevel"), child_text(task, "name"),
                           child_text(task, "notes")) for task in (tasks if tasks is not None else [])])


def _plan_outline(title: str, about: str, tasks: list[tuple[str, str, str]]) -> str:
    """A project plan's tasks, each (outline level, name, notes), as the outline Project shows:
    the plan's title and comments, then each top-level task a heading over its notes, and the
    tasks under it its actions, one a point each (the project's own summary task, level 0, and
    a task with no name are none)."""
    out = [title, "", *([about, ""] if about else [])]
    open_actions = False
    for level, name, notes in tasks:
        if not name or level in ("", "0"):
            continue
        if level == "1":
            out += ["", name, "", *([notes, ""] if notes else [])]
            open_actions = False
        else:
            if not open_actions:
                out += ["", "Actions:"]  # (a plan's tasks under a review are its actions)
                open_actions = True
            out.append(f"- {name}" + (f" ({notes})" if notes else ""))
    return "\n".join(out).strip() + "\n"


#: (session 66) A Microsoft Project exchange file: an action plan as MPXJ or Project 98 writes it.
MPX_SUFFIXES = {".mpx"}
#: An MPX file's first record ("MPX,Microsoft Project for Windows,4.0,ANSI"): its fourth byte
#: is the file's field separator, its last field the code page.
_MPX_CODE_PAGES = {"ANSI": "cp1252", "437": "cp437", "850": "cp850", "MAC": "mac_roman"}
#: MPX's task field numbers (record 61 lists those a file's task records hold, in order).
_MPX_TASK_NAME, _MPX_TASK_LEVEL = "1", "3"


def is_mpx(data: bytes) -> bool:
    """Whether a file's bytes are an MPX project exchange file (its first record "MPX,...")."""
    return data[:3] == b"MPX" and data[3:4] in (b",", b";", b"\t")


def mpx_text(data: bytes) -> str:
    """A Microsoft Project exchange file (``.mpx``, MPX 4.0: what MPXJ and older Project versions
    write for an action plan) as the outline its plan shows (as a plan saved as XML is, by
    :func:`ms_project_text`): the project's name and comments (record 30), then its tasks
    (record 70, their fields in the order record 61 numbers them) with their notes (record 71,
    MPX's 0x7F a line break).  Calendars, resources and assignments are the schedule."""
    if not is_mpx(data):
        raise ValueError("not an MPX file (it should start with 'MPX,')")
    first = data.split(b"\n", 1)[0].rstrip(b"\r").split(data[3:4])
    encoding = _MPX_CODE_PAGES.get(first[-1].decode("latin-1").strip().upper(), "cp1252")
    records = csv.reader(io.StringIO(data.decode(encoding, "replace"), newline=""),
                         delimiter=data[3:4].decode())
    try:
        return _mpx_outline(records)
    except csv.Error as exc:  # (a quoted field left open runs past csv's field size limit)
        raise ValueError(f"damaged MPX file ({exc})") from None


def _mpx_outline(records: Iterator[list[str]]) -> str:
    """The outline of an MPX file's records (see :func:`mpx_text`)."""
    title, about, fields = "", "", [_MPX_TASK_NAME, "2", _MPX_TASK_LEVEL]
    tasks: list[tuple[str, str, str]] = []
    for record in records:
        kind, values = (record[0].strip(), record[1:]) if record else ("", [])
        if kind == "30":
            header = values + [""] * 9
            title, about = header[0], header[8]  # (the project's name; its comments)
        elif kind == "61":
            fields = [v.strip() for v in values]
        elif kind == "70":
            task = dict(zip(fields, values, strict=False))
            level = task.get(_MPX_TASK_LEVEL, "1").strip() or "1"
            tasks.append((level, task.get(_MPX_TASK_NAME, "").strip(), ""))
        elif kind == "71" and tasks and values:
            level, name, _ = tasks[-1]
            tasks[-1] = (level, name, values[0].replace("\x7f", "\n").strip())
    if not any(name for _, name, _ in tasks):
        raise ValueError("the MPX file has no named tasks (record 70)")
    return _plan_outline(title.strip(), about.replace("\x7f", "\n").strip(), tasks)


def day_one_entries(data: object) -> list[dict[str, object]] | None:
    """A Day One journal's "Export JSON" (``Journal.json``: a researcher's reading notes) as its
    entries, each a record of its first heading (the title Day One shows), its date and tags,
    and the rest of its text, all still Markdown (Day One escapes "(", "." and "-" in it:
    ``sources.markdown_to_text`` undoes them); None for other data.  The editor's rich-text
    copy of each entry and the device it was written on are not the entry's words."""
    if not isinstance(data, dict) or not isinstance(data.get("metadata"), dict) \
            or not isinstance(entries := data.get("entries"), list) or not entries or not all(
                isinstance(e, dict) and "uuid" in e and isinstance(e.get("text"), str) for e in entries):
        return None
    records: list[dict[str, object]] = []
    for entry in entries:
        text = str(entry["text"])
        heading = re.match(r"#{1,6}\s+(.+)\n?", text)
        records.append({"title": heading[1] if heading else "",
                        "written": str(entry.get("creationDate") or "")[:10],
                        "tags": entry.get("tags") or [], "text": text[heading.end():] if heading else text})
    return records


def json_feed(data: object) -> dict[str, object] | None:
    """A JSON Feed (``feed.json``: a site's news as JSON, as RSS is XML) as the feed's name and
    description above its items, each a record (title, summary, content, date, tags); None when
    the data is no JSON Feed (its ``version`` names jsonfeed.org).  Under keys of their own, as
    a map's name is: a feed is no one record whose items are its parts."""
    if not isinstance(data, dict) or "jsonfeed.org/version" not in str(data.get("version") or ""):
        return None
    items = [i for i in data.get("items") or [] if isinstance(i, dict)]
    return {"feed": data.get("title") or "", "about": data.get("description") or "", "items": items}


#: An emoji that opens a line of a social-media post as a list's bullet ("▶️ say 'was not
#: brought'", "👉 Fathers who come and go ...").
_EMOJI_BULLET = re.compile(r"^[ \t]*(?:[▶➡►•✅🔹🔸👉]\ufe0f?|\d\ufe0f?\u20e3)[ \t]*", re.M)


def emoji_bullets(text: str) -> str:
    """A post's lines opened by an emoji bullet (:data:`_EMOJI_BULLET`) as a list's "- " items,
    as the post shows them: a list of learning points (the one home of this, for every reader
    of social-media posts)."""
    return _EMOJI_BULLET.sub("- ", text)


def facebook_posts(data: object) -> list[dict[str, object]] | None:
    """A Facebook page's posts from "Download your information" (``your_posts_1.json``: a list
    of items with a ``timestamp`` and ``data`` holding the ``post``) as records, or None for
    other data: each post's words and the day it was posted.  Facebook writes every character
    beyond ASCII as the escapes of its UTF-8 bytes ("\u00e2\u0080\u0093" for "–"), which are
    undone; the item's "... updated their status." title is the site's, not the post's."""
    if not isinstance(data, list) or not data or not all(
            isinstance(item, dict) and "timestamp" in item and isinstance(item.get("data"), list)
            for item in data):
        return None
    records: list[dict[str, object]] = []
    for item in data:
        words = [_facebook_text(str(d["post"])) for d in item["data"]
                 if isinstance(d, dict) and isinstance(d.get("post"), str)]
        if not words:
            continue
        stamp = item.get("timestamp")
        posted = (datetime.fromtimestamp(stamp, tz=UTC).date().isoformat()
                  if isinstance(stamp, int | float) else "")
        records.append({"posted": posted, "text": "\n\n".join(words)})
    return records or None  # (a list of timestamped data without posts is another tool's)


def _facebook_text(text: str) -> str:
    """A Facebook export's string with its bytes-as-characters undone (see
    :func:`facebook_posts`); a string that is not so garbled is kept as it is."""
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("latin-1").decode("utf-8")
    return emoji_bullets(text)


#: Slack's mrkdwn: a link or mention in angle brackets ("<https://x|the summary>", "<@U04>"),
#: an emoji's code (":tada:"), and bold words between single asterisks.
_SLACK_LINK = re.compile(r"<(?P<target>[^<>|\s]+)(?:\|(?P<label>[^<>]*))?>")
_SLACK_EMOJI = re.compile(r"(?<![\w:]):[a-z0-9][a-z0-9_+'-]*:(?![\w:])")
_SLACK_BOLD = re.compile(r"(?<![\w*])\*(?=\S)(?P<words>[^*\n]+?)(?<=\S)\*(?![\w*])")
#: Messages that are the workspace's notices, not anyone's words ("<@U06> has joined the channel").
_SLACK_NOTICES = frozenset({"channel_join", "channel_leave", "channel_topic", "channel_purpose",
                            "channel_name", "bot_add", "pinned_item"})


def slack_markdown(data: object) -> str | None:
    """A Slack workspace export's day of a channel (``<channel>/<YYYY-MM-DD>.json``: a list of
    message objects) as one Markdown page, or None for other data: each message's ``text`` in
    the order written, its mrkdwn as Markdown (bold between asterisks, a link its label, an
    emoji's code and a mention no words), the workspace's notices (a member joined) left out.
    The message's ``blocks`` say the text again as rich text, and its ``user_profile`` names a
    member of staff, which no review needs: neither is read."""
    if not isinstance(data, list) or not data or not all(
            isinstance(m, dict) and m.get("type") == "message" and isinstance(m.get("ts"), str)
            for m in data):
        return None
    messages = sorted((m for m in data if m.get("subtype") not in _SLACK_NOTICES
                       and isinstance(m.get("text"), str) and m["text"].strip()),
                      key=lambda m: float(m["ts"]) if re.fullmatch(r"\d+(?:\.\d+)?", m["ts"]) else 0.0)
    return "\n\n".join(_slack_text(m["text"]) for m in messages) + "\n"


def _slack_text(text: str) -> str:
    """A message's mrkdwn as Markdown (see :func:`slack_markdown`)."""
    text = _SLACK_LINK.sub(lambda m: m["label"] or ("" if m["target"][:1] in "@!#" else m["target"]), text)
    text = _SLACK_BOLD.sub(r"**\g<words>**", _SLACK_EMOJI.sub("", text))
    # (a line break in a message is a line the reader sees: in Markdown, a paragraph of its own)
    return re.sub(r"\n+", "\n\n", html.unescape(text))


def bluesky_threads(data: object) -> list[dict[str, object]] | None:
    """A Bluesky feed saved from its API (``app.bsky.feed.getAuthorFeed``, ``getTimeline``:
    ``feed`` of post views) as records, one per thread, or None for other data: the thread's
    posts in the order they were written, each once (a reply's view repeats its root and parent
    posts), their "1/4" counters dropped; the title and description of the link card a post
    carries (the review's page), the author's name and the day the thread was posted.  A
    thread told over four posts is one account, as it reads in the app."""
    feed = data.get("feed") if isinstance(data, dict) else None
    if not isinstance(feed, list) or not feed or not all(
            isinstance(f, dict) and str((f.get("post") or {}).get("uri", "")).startswith("at://")
            for f in feed):
        return None
    posts: dict[str, dict] = {}
    for item in feed:
        reply = item.get("reply") if isinstance(item.get("reply"), dict) else {}
        for view in (reply.get("root"), reply.get("parent"), item["post"]):
            if isinstance(view, dict) and isinstance(view.get("record"), dict) and view.get("uri"):
                posts.setdefault(str(view["uri"]), view)
    threads: dict[str, list[dict]] = {}
    for uri, view in posts.items():
        root = ((view["record"].get("reply") or {}).get("root") or {}).get("uri") or uri
        threads.setdefault(str(root), []).append(view)
    return [_bluesky_thread(sorted(views, key=lambda v: str(v["record"].get("createdAt") or "")))
            for views in threads.values()]


def _bluesky_thread(views: list[dict]) -> dict[str, object]:
    """One thread's posts as a record (see :func:`bluesky_threads`)."""
    cards = [card for v in views
             if isinstance(card := (v["record"].get("embed") or {}).get("external"), dict)]
    author = views[0].get("author") or {}
    return {"title": next((c["title"] for c in cards if c.get("title")), ""),
            "publisher": author.get("displayName") or author.get("handle") or "",
            "posted": str(views[0]["record"].get("createdAt") or "")[:10],
            "text": "\n\n".join(re.sub(r"^\s*\d{1,2}/\d{1,2}\s+", "", str(v["record"].get("text") or ""))
                                for v in views),
            "card": next((c["description"] for c in cards if c.get("description")), "")}


def mastodon_statuses(data: object) -> list[dict[str, object]] | None:
    """(session 68) An account's statuses saved from a Mastodon server's API
    (``/api/v1/accounts/:id/statuses``: a list of statuses, each with its ``uri``, ``created_at``,
    HTML ``content`` and ``account``) as records, or None for other data: one per thread, its
    statuses in the order they were written (a reply to one of the account's own statuses is
    that thread's, as the app shows it), with the title of the link card it carries (the
    review's page, its site's name after " | " left out), the author's name and the day it was
    posted; a boost is the boosted status, its own author's.  Hashtags stay in the words, as
    the reader sees them: the API's ``tags`` list repeats them and is no keyword list."""
    if not isinstance(data, list) or not data or not all(
            isinstance(s, dict) and "created_at" in s and "content" in s
            and isinstance(s.get("account"), dict) and str(s.get("uri", "")).startswith("http")
            for s in data):
        return None
    statuses = [s["reblog"] if isinstance(s.get("reblog"), dict)
                and isinstance(s["reblog"].get("account"), dict) else s for s in data]
    root_of = {str(s.get("id")): str(s.get("id")) for s in statuses}
    for status in sorted(statuses, key=_written):
        parent = str(status.get("in_reply_to_id"))
        if parent in root_of:
            root_of[str(status.get("id"))] = root_of[parent]
    threads: dict[str, list[dict]] = {}
    for status in statuses:
        threads.setdefault(root_of[str(status.get("id"))], []).append(status)
    return [_mastodon_thread(sorted(thread, key=_written)) for thread in threads.values()]


def _written(status: dict) -> tuple[str, int, str]:
    """When a status was written: its time, then its ID (Mastodon's IDs grow with time, and two
    statuses of a thread may share a second)."""
    ident = str(status.get("id"))
    return str(status.get("created_at")), len(ident), ident


def _mastodon_thread(statuses: list[dict]) -> dict[str, object]:
    """One thread's statuses as a record (see :func:`mastodon_statuses`)."""
    cards = [s["card"] for s in statuses if isinstance(s.get("card"), dict)]
    title = next((str(c["title"]) for c in cards if c.get("title")), "")
    author = statuses[0]["account"]
    return {"title": title.split(" | ")[0].strip(),
            "publisher": author.get("display_name") or author.get("acct") or "",
            "posted": str(statuses[0].get("created_at") or "")[:10],
            "text": "".join(str(s.get("spoiler_text") or "") + str(s.get("content") or "") for s in statuses),
            "card": next((str(c["description"]) for c in cards if c.get("description")), "")}


#: A Prismic rich-text block's kinds (its "structured text": a list of blocks, each its own
#: ``text`` with ``spans`` of styling over it) and the HTML element each renders as.
_PRISMIC_BLOCKS = {"heading1": "h1", "heading2": "h2", "heading3": "h3", "heading4": "h4",
                   "heading5": "h5", "heading6": "h6", "paragraph": "p", "preformatted": "pre",
                   "list-item": "li", "o-list-item": "li", "image": "", "embed": ""}
#: A Prismic document's plumbing, which no page of the site shows.
_PRISMIC_PLUMBING = frozenset({"id", "uid", "url", "href", "type", "slugs", "lang", "linked_documents",
                               "alternate_languages", "last_publication_date", "data", "tags"})


def prismic_documents(data: object) -> list[dict[str, object]] | None:
    """(session 69) A Prismic Document API v2 response (``documents/search``: ``results``, each a
    document with its ``data`` and ``first_publication_date``) as records, or None for other
    data: a document's title field as its title, its one-line fields as fields, its tags as
    its keywords, and its rich-text fields and slices as one page of HTML in their order, so
    that a "What we learned" list stays a list.  Before, each block's plumbing ("ltr", a span's
    offsets) was read as words and every slice as one bullet."""
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list) or not results or not all(
            isinstance(d, dict) and isinstance(d.get("data"), dict) and "first_publication_date" in d
            and "type" in d and "id" in d for d in results):
        return None
    return [_prismic_record(document) for document in results]


def _prismic_record(document: dict) -> dict[str, object]:
    """One Prismic document as a record (see :func:`prismic_documents`)."""
    fields = document["data"]
    title_key = "title" if "title" in fields else next(  # (else the first heading field)
        (k for k, v in fields.items() if _prismic_text(v) and str(v[0]["type"]).startswith("heading")), None)
    record: dict[str, object] = {"title": _prismic_words(fields.get(title_key)) if title_key else ""}
    page: list[str] = []
    for key, value in fields.items():
        if key == title_key or value in (None, "", [], {}):
            continue
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            record[key] = value
        else:
            page.append(_prismic_html(value))
    record.update({"tags": document.get("tags") or [],
                   "posted": str(document.get("first_publication_date") or "")[:10],  # (when it went up)
                   "text": "".join(page)})
    return record


def _prismic_text(value: object) -> bool:
    """Whether a field's value is Prismic rich text (a list of blocks of its kinds)."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(b, dict) and b.get("type") in _PRISMIC_BLOCKS for b in value)


def _prismic_words(value: object) -> str:
    """A title field's words: its blocks' text (a plain string field as it is)."""
    if _prismic_text(value):
        return " ".join(str(b.get("text") or "").strip() for b in value).strip()  # type: ignore[union-attr]
    return str(value or "").strip()


def _prismic_html(value: object) -> str:
    """Rich text as the HTML it renders (list items grouped in their list, an image by its
    alternative text); a slice, or a group of fields, as its rich text and short words in
    order (a slice's ``primary`` then its ``items``); a link to a document or a file, and
    plumbing, as nothing."""
    if _prismic_text(value):
        return _prismic_blocks_html(value)  # type: ignore[arg-type]
    if isinstance(value, list):
        return "".join(_prismic_html(v) for v in value)
    if isinstance(value, dict):
        if "link_type" in value:
            return ""
        if "slice_type" in value:
            return _prismic_html(value.get("primary")) + _prismic_html(value.get("items"))
        return "".join(_prismic_html(v) if not isinstance(v, str) else f"<p>{html.escape(v)}</p>"
                       for k, v in value.items() if k not in _PRISMIC_PLUMBING and v)
    return ""


def _prismic_blocks_html(blocks: list[dict]) -> str:
    """Prismic blocks as HTML (see :func:`_prismic_html`)."""
    out, open_list = [], ""
    for block in blocks:
        kind = str(block["type"])
        wanted = "ol" if kind == "o-list-item" else "ul" if kind == "list-item" else ""
        if open_list != wanted:
            out.append((f"</{open_list}>" if open_list else "") + (f"<{wanted}>" if wanted else ""))
            open_list = wanted
        tag = _PRISMIC_BLOCKS[kind]
        words = html.escape(str(block.get("text") or block.get("alt") or ""))
        if tag and words:
            out.append(f"<{tag}>{words}</{tag}>")
        elif words:  # an image's alternative text
            out.append(f"<p>{words}</p>")
    return "".join(out) + (f"</{open_list}>" if open_list else "")


#: Block elements whose name a translation memory keeps as a unit's context (TMX ``x-Context``,
#: as SDL Trados and memoQ write it): the unit is that block of the page it was translated from.
_HTML_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd",
                          "blockquote", "caption", "title"})


def tmx_html(root: ET.Element) -> str | None:
    """A translation memory (TMX 1.4: a partnership's bilingual page sent to a translator) as the
    page in its source language, or None when the file is no TMX: each unit's source segment in
    order, as the block its ``x-Context`` property names (``h2``, ``p``, ``li``) or a paragraph.
    The other language's segments say the same again (read twice, a review would be two)."""
    if local_name(root.tag) != "tmx":
        return None
    header = next((e for e in root if local_name(e.tag) == "header"), None)
    source = (header.get("srclang") if header is not None else None) or ""
    blocks: list[tuple[str, str]] = []
    for unit in root.iter():
        if local_name(unit.tag) != "tu":
            continue
        variants = [v for v in unit if local_name(v.tag) == "tuv"]
        chosen = next((v for v in variants if _language(v).lower() == source.lower()),
                      variants[0] if variants else None)
        seg = next((s for s in chosen if local_name(s.tag) == "seg"), None) if chosen is not None else None
        words = element_words(seg) if seg is not None else ""
        context = next((p.text or "" for p in unit if local_name(p.tag) == "prop"
                        and p.get("type") == "x-Context"), "").strip().lower()
        if words:
            blocks.append((context if context in _HTML_BLOCKS else "p", words))
    return blocks_html(blocks)


#: Word's XML namespaces: WordprocessingML (a Flat OPC package or a document part, Word 2007
#: on) and Word 2003's XML document.
_WORD_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "http://schemas.microsoft.com/office/word/2003/wordml")
#: A paragraph style that is a heading by its name ("Heading1", "heading 2"), or the title.
_WORD_HEADING = re.compile(r"^heading\s*(?P<level>[1-6])$", re.I)


def word_html(root: ET.Element) -> str | None:
    """A Word document saved as XML ("Word XML Document": a Flat OPC package, or Word 2003's
    XML) as the HTML page it prints as, or None when the file is no Word document: its body's
    paragraphs in order, the Title style a first-level heading, "Heading N" styles (or an
    outline level) headings below it, numbered or bulleted paragraphs list items, tables
    tables.  The package's other parts (styles, numbering, properties) are not its words."""
    body = next((e for e in root.iter() if local_name(e.tag) == "body"
                 and e.tag.startswith(tuple(f"{{{ns}}}" for ns in _WORD_NAMESPACES))), None)
    return None if body is None else blocks_html(_word_blocks(body))


def _word_blocks(container: ET.Element) -> Iterator[tuple[str, str]]:
    """(tag, words) for each paragraph and table of a Word body, content controls and Word
    2003's sections unwrapped; a table's words are its HTML."""
    for element in container:
        name = local_name(element.tag)
        if name == "p":
            if words := _word_text(element):
                yield _word_tag(element), words
            for box in _word_boxes(element):  # a text box's paragraphs, after its anchor's
                yield from _word_blocks(box)
        elif name == "tbl":
            yield "table", html_table([html.escape(" ".join(w for _, w in _word_blocks(cell)))
                                        for cell in row if local_name(cell.tag) == "tc"]
                                       for row in element if local_name(row.tag) == "tr")
        elif name in ("sdt", "sdtcontent", "customxml", "smarttag", "sect", "sub-section"):
            yield from _word_blocks(element)


def _word_text(paragraph: ET.Element) -> str:
    """A paragraph's words: its runs' texts, a tab or a line break a space.  A text box's words
    are its own paragraphs' (see :func:`_word_blocks`), and the copy Word keeps of a drawing
    for older readers (``mc:Fallback``) is not read twice."""
    return " ".join(_word_runs(paragraph).split())


def _word_runs(element: ET.Element) -> str:
    """The words under ``element``, as written (spaces kept: see :func:`_word_text`)."""
    parts: list[str] = []
    for child in element:
        name = local_name(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name in ("tab", "br", "cr"):
            parts.append(" ")
        elif name not in _WORD_SKIPPED:
            parts.append(_word_runs(child))
    return "".join(parts)


#: Parts of a paragraph that are not its words: a drawing's copy for older readers, a text
#: box's paragraphs (blocks of their own), deleted text and a field's code ("PAGE").
_WORD_SKIPPED = {"fallback", "txbxcontent", "del", "instrtext", "deltext"}


def _word_boxes(paragraph: ET.Element) -> Iterator[ET.Element]:
    """The text boxes anchored in a paragraph (their first copy: not ``mc:Fallback``'s)."""
    for element in paragraph:
        name = local_name(element.tag)
        if name == "txbxcontent":
            yield element
        elif name != "fallback":
            yield from _word_boxes(element)


def _word_tag(paragraph: ET.Element) -> str:
    """The HTML block a paragraph's style makes of it."""
    props = next((e for e in paragraph if local_name(e.tag) == "ppr"), None)
    if props is None:
        return "p"
    values = {local_name(e.tag): _attribute(e, "val") for e in props.iter()}
    style = values.get("pstyle", "")
    if style.lower() == "title":
        return "h1"
    if (m := _WORD_HEADING.match(style)) or values.get("outlinelvl", "").isdigit():
        level = int(m["level"]) if m else int(values["outlinelvl"]) + 1
        return f"h{min(level + 1, 6)}"
    return "li" if "numpr" in values or "listparagraph" in style.lower() else "p"


# ------------------------------------------------------------------- a CMS's rich-text JSON
#: The HTML of each block of a rich-text document in JSON, by its node's type: ProseMirror's
#: (Storyblok, TipTap: snake_case or camelCase) and Contentful's (kebab-case, "heading-2").
_RICH_BLOCKS = {"paragraph": "p", "blockquote": "blockquote", "bullet_list": "ul", "bulletlist": "ul",
                "unordered-list": "ul", "ordered_list": "ol", "orderedlist": "ol", "ordered-list": "ol",
                "list_item": "li", "listitem": "li", "list-item": "li"}


def rich_text_html(node: object) -> str | None:
    """A rich-text field stored as JSON, the way headless CMSs keep it (Storyblok's and TipTap's
    ProseMirror document ``{"type": "doc", "content": [...]}``, Contentful's ``{"nodeType":
    "document", ...}``), as the HTML it renders; None for any other value.  Paragraphs,
    headings, lists and quotes keep their kinds, so that a list of learning points stays a list;
    a node of another kind (an embedded component, an image) shows the words it holds."""
    if not is_rich_text(node):
        return None
    return _rich_html(node["content"])  # type: ignore[index]


def is_rich_text(node: object) -> bool:
    """Whether a value is a rich-text document (ProseMirror's "doc", Contentful's "document"):
    one field's text, never a group of fields to flatten."""
    return isinstance(node, dict) and _rich_kind(node) in ("doc", "document") \
        and isinstance(node.get("content"), list)


def _rich_kind(node: dict) -> str:
    return str(node.get("type") or node.get("nodeType") or "").lower()


def _rich_html(nodes: list) -> str:
    out = []
    for node in nodes:
        if not isinstance(node, dict):
            continue
        kind = _rich_kind(node)
        children = node.get("content") or node.get("children") or []
        inner = _rich_html(children) if isinstance(children, list) else ""
        if kind == "text":
            out.append(html.escape(str(node.get("text") or node.get("value") or "")))
        elif kind in ("hard_break", "hardbreak"):
            out.append("<br>")
        elif kind.startswith("heading"):
            attrs = node.get("attrs") if isinstance(node.get("attrs"), dict) else {}
            level = str(attrs.get("level") or kind.rpartition("-")[2])
            out.append(f"<h{level}>{inner}</h{level}>" if level in "123456" and len(level) == 1
                       else f"<h3>{inner}</h3>")
        elif tag := _RICH_BLOCKS.get(kind):
            out.append(f"<{tag}>{inner}</{tag}>")
        else:
            out.append(inner)
    return "".join(out)


#: OpenOffice.org 1.0's office namespace (``.sxw``, 2002-2006), OpenDocument's forerunner: the
#: same body of headings, paragraphs, lists and tables, in namespaces of its own, its body's
#: paragraphs directly under ``office:body``, a heading's level ``text:level`` and lists
#: ``text:ordered-list`` / ``text:unordered-list``.
OPENOFFICE_1 = "http://openoffice.org/2000/office"


def odf_text_html(body: ET.Element) -> str | None:
    """An OpenDocument text's body (LibreOffice's ``.odt`` content, a ``.fodt``, an OpenOffice.org
    1.0 ``.sxw``'s) as the HTML page it prints as, or None when the body holds no text document:
    headings by their outline level (the Title style a first-level heading, as :func:`word_html`
    makes them), lists' paragraphs list items, tables tables.  Footnotes and comments are not
    the page's running text; a section's paragraphs are."""
    text = next((e for e in body if local_name(e.tag) == "text"), None)
    if text is None and OPENOFFICE_1 in body.tag and any(local_name(e.tag) in ("p", "h") for e in body):
        text = body
    return None if text is None else blocks_html(_odf_blocks(text))


def odf_presentation_html(document: ET.Element, body: ET.Element) -> str | None:
    """An OpenDocument presentation (LibreOffice Impress's ``.odp`` content, a ``.fodp``) or
    drawing (Draw's ``.odg``, its pages drawn as a deck's slides are) as a page, or None when
    the body holds neither: each slide's title frame a heading (the first slide's the page's
    ``h1``), its frames' lists, paragraphs and tables as a text's are (an outline's paragraph
    outside a list is a line, "Area: Bridgend", not an item), then the slide's speaker notes,
    which often tell what the slide only lists.  A slide its page style hides
    (``presentation:visibility="hidden"``, among ``document``'s automatic styles) is left out:
    the presenter does not show it.  A drawing's text boxes are read in the order it keeps
    them (the order they were drawn in)."""
    deck = next((e for e in body if local_name(e.tag) in ("presentation", "drawing")), None)
    if deck is None:
        return None
    hidden = {_attribute(style, "name") for style in document.iter() if local_name(style.tag) == "style"
              and any(_attribute(e, "visibility") == "hidden" for e in style)}
    blocks: list[tuple[str, str]] = []
    for slide in (e for e in deck if local_name(e.tag) == "page"):
        if _attribute(slide, "style-name") not in hidden:
            blocks += _odf_slide_blocks(slide, "h1" if not blocks else "h2")
    return blocks_html(blocks)


def _odf_slide_blocks(slide: ET.Element, title_tag: str) -> list[tuple[str, str]]:
    """One slide's (tag, words) blocks in the order it draws its frames, its notes after them."""
    blocks: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    for frame in (e for e in slide.iter() if local_name(e.tag) == "frame"):
        kind = _attribute(frame, "class")
        if kind == "title":
            if words := " ".join(w for _, w in _odf_blocks(frame)):
                blocks.append((title_tag, words))
        elif kind == "notes":
            notes += [("p", words) for _, words in _odf_blocks(frame)]
        elif kind not in ("page", "page-number", "date-time", "footer", "header"):
            blocks += _odf_blocks(frame)  # (an outline's lists are list items; its loose lines not)
    return blocks + notes


def _attribute(element: ET.Element, name: str) -> str:
    """An attribute of an element by its local name, whatever its namespace (Word's ``w:val``;
    OpenDocument's and OpenOffice.org 1.0's text namespaces differ); "" when it has none."""
    return next((value for key, value in element.attrib.items() if local_name(key) == name), "")


def _odf_blocks(container: ET.Element, listed: bool = False) -> Iterator[tuple[str, str]]:
    """(tag, words) for each heading, paragraph, list item and table of an ODF text."""
    for element in container:
        name = local_name(element.tag)
        if name in ("h", "p") and (words := _odf_words(element).strip()):
            style = _attribute(element, "style-name").lower()
            level = _attribute(element, "outline-level") or _attribute(element, "level") or "1"
            tag = ("h1" if style == "title" else f"h{min(int(level) + 1, 6) if level.isdigit() else 2}"
                   if name == "h" else "li" if listed else "p")
            yield tag, " ".join(words.split())
        elif name in ("list", "ordered-list", "unordered-list", "list-item", "list-header"):
            yield from _odf_blocks(element, True)
        elif name == "table":
            rows = [r for r in element.iter() if local_name(r.tag) == "table-row"]
            yield "table", html_table([html.escape(" ".join(w for _, w in _odf_blocks(cell)))
                                        for cell in row if local_name(cell.tag) == "table-cell"]
                                       for row in rows)
        elif name in ("section", "index-body", "frame", "text-box"):
            yield from _odf_blocks(element, listed)


def _odf_words(element: ET.Element) -> str:
    """A paragraph's words: spans and links read, ``text:s`` its spaces, a tab or a line break a
    space; a footnote, a comment and a change's record are not its running text."""
    parts = [element.text or ""]
    for child in element:
        name = local_name(child.tag)
        if name == "s":
            count = _attribute(child, "c")
            parts.append(" " * (min(int(count), 64) if count.isdigit() else 1))
        elif name in ("tab", "line-break"):
            parts.append(" ")
        elif name not in ("note", "annotation", "tracked-changes", "frame"):
            parts.append(_odf_words(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _language(element: ET.Element) -> str:
    """An element's ``xml:lang`` (TMX 1.4) or ``lang`` (TMX 1.1) attribute."""
    return element.get("{http://www.w3.org/XML/1998/namespace}lang") or element.get("lang") or ""


def html_table(rows: Iterable[Iterable[str]], header_rows: int = 0) -> str:
    """Rows of cells, each cell its HTML already, as an HTML table, the first ``header_rows``
    rows' cells header cells (the one home of this layout, for every reader that writes a
    document's table as HTML)."""
    out = []
    for n, row in enumerate(rows):
        tag = "th" if n < header_rows else "td"
        out.append("<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in row) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def blocks_html(blocks: Iterable[tuple[str, str]]) -> str:
    """(tag, words) blocks as HTML, neighbouring list items inside one ``<ul>``; a "table"
    block's words are its markup already (a Word document's table, see word_html)."""
    out: list[str] = []
    in_list = False
    for tag, words in blocks:
        if (tag == "li") != in_list:
            out.append("<ul>" if tag == "li" else "</ul>")
            in_list = tag == "li"
        out.append(words if tag == "table" else f"<{tag}>{html.escape(words)}</{tag}>")
    return "\n".join(out + (["</ul>"] if in_list else []))


def pymupdf_html(data: object) -> str | None:
    """(session 68) A PDF's text as PyMuPDF dumps it (``page.get_text("dict")`` for each page,
    saved as JSON by a team that extracted its reviews: pages of ``blocks``, each of ``lines``
    of ``spans`` with their font ``size``, ``flags`` and ``text``) as HTML, or None for other
    data.  A block is a paragraph, its wrapped lines joined; a line that stops well short of
    the block's right edge ends a paragraph of its own (a centred subtitle's lines).  A block
    in a bold or larger font than the body's, short and with no full stop at its end, is a
    heading (the largest on the page's first the page's ``h1``); one that opens with a bullet
    a list item; a line at a page's top or foot that repeats on another page (a running head,
    "Page 2 of 3") is left out, as a PDF's reader leaves it."""
    pages = [data] if isinstance(data, dict) else data
    if not isinstance(pages, list) or not pages or not all(
            isinstance(p, dict) and isinstance(p.get("blocks"), list) and "height" in p for p in pages):
        return None
    try:
        return _pymupdf_pages(pages)
    except (TypeError, AttributeError, ValueError, KeyError, IndexError):
        return None  # (not the shape PyMuPDF writes: the JSON is read as any other)


def _pymupdf_pages(pages: list[dict]) -> str | None:
    """The pages of a PyMuPDF dump as HTML (see :func:`pymupdf_html`)."""
    blocks = [(page, block) for page in pages for block in page["blocks"]
              if isinstance(block, dict) and isinstance(block.get("lines"), list)]
    spans = [s for _, b in blocks for ln in b["lines"] for s in ln.get("spans", [])
             if str(s.get("text", "")).strip()]
    if not blocks or not spans or not all("size" in s for s in spans):
        return None
    sizes = Counter(round(float(s["size"])) for s in spans for _ in str(s["text"]))
    body, largest = sizes.most_common(1)[0][0], max(sizes)
    running = _pymupdf_running(pages)
    out: list[tuple[str, str]] = []
    for page, block in blocks:
        out += _pymupdf_block(page, block, body, largest, running, not out)
    return blocks_html(out)


def _pymupdf_lines(block: dict) -> list[tuple[str, list[dict], list[float]]]:
    """A block's lines as (words, spans, bbox)."""
    lines = []
    for line in block["lines"]:
        spans = [s for s in line.get("spans", []) if isinstance(s, dict)]
        words = " ".join("".join(str(s.get("text", "")) for s in spans).split())
        if words:
            box = line.get("bbox", block.get("bbox", [0, 0, 0, 0]))
            lines.append((words, spans, [float(x) for x in box]))
    return lines


def _pymupdf_running(pages: list[dict]) -> set[str]:
    """The lines (figures as "#") in a page's top or bottom tenth that recur on another page."""
    seen: Counter[str] = Counter()
    for page in pages:
        height = float(page.get("height") or 0)
        seen.update({re.sub(r"\d+", "#", words) for b in page["blocks"]
                     if isinstance(b, dict) and b.get("lines")
                     for words, _, box in _pymupdf_lines(b) if _at_edge(box, height)})
    return {words for words, n in seen.items() if n > 1}


def _pymupdf_block(page: dict, block: dict, body: int, largest: int, running: set[str],
                   first: bool) -> list[tuple[str, str]]:
    """One text block's (tag, words) blocks (see :func:`pymupdf_html`)."""
    height = float(page.get("height") or 0)
    lines = [(w, s, box) for w, s, box in _pymupdf_lines(block)
             if not (re.sub(r"\d+", "#", w) in running and _at_edge(box, height))]
    if not lines:
        return []
    words = " ".join(w for w, _, _ in lines)
    marked = [s for _, spans, _ in lines for s in spans if str(s.get("text", "")).strip()]
    size = max(round(float(s.get("size", body))) for s in marked)
    bold = all(int(s.get("flags", 0)) & 16 for s in marked)  # (flag 16: a bold font)
    if (size >= body * 1.2 or bold) and len(words) <= 150 and not words.endswith("."):
        tag = "h1" if first and size == largest else "h2" if size > body else "h3"
        return [(tag, paragraph) for paragraph in _pymupdf_paragraphs(lines)]
    if (bullet := re.match(r"[•\u25aa\u25cf\u2013\-]\s*", words)) and len(lines[0][0]) > 1:
        return [("li", words[bullet.end():])]
    return [("p", paragraph) for paragraph in _pymupdf_paragraphs(lines)]


def _pymupdf_paragraphs(lines: list[tuple[str, list[dict], list[float]]]) -> list[str]:
    """A block's lines as paragraphs: wrapped lines joined; a line short of the block's right
    edge, or set in from its left (centred lines), ends its paragraph."""
    right = max(box[2] for _, _, box in lines)
    left = min(box[0] for _, _, box in lines)
    width = right - left
    out, paragraph = [], []
    for n, (words, _, box) in enumerate(lines):
        paragraph.append(words)
        if n + 1 < len(lines) and (box[2] < right - 0.25 * width or box[0] > left + 0.05 * width
                                   or lines[n + 1][2][0] > left + 0.05 * width):
            out.append(" ".join(paragraph))
            paragraph = []
    return [*out, " ".join(paragraph)]


def _at_edge(box: list[float], height: float) -> bool:
    """Whether a line lies in its page's top or bottom tenth (where running heads are)."""
    return bool(height) and (box[3] < height * 0.1 or box[1] > height * 0.9)


#: A layout tool's paragraph style that is a heading or a list's item, by the words of its name
#: (a Scribus or InCopy template's "Heading 2", "Headline", "Crosshead", "Box head"; "Bullet",
#: "List Number"): see layout_block.
_LAYOUT_HEADING_STYLE = re.compile(r"head|title|masthead|kicker", re.I)
_LAYOUT_ITEM_STYLE = re.compile(r"bullet|list|number", re.I)
#: A bullet typed into a Scribus run ("•" and a tab), which the list item's style does not say.
_TYPED_BULLET = re.compile(r"^\s*[•\u25aa\u2013-]\s+")


def scribus_html(root: ET.Element) -> str | None:
    """A Scribus document (``.sla``: a partnership's newsletter laid out for print) as HTML, or
    None when the file is none: its text frames in reading order (page, then top to bottom, then
    left to right), each paragraph as its paragraph style says (a heading, a list item, a
    paragraph).  In a frame's ``StoryText`` a paragraph's runs (``ITEXT CH=``) come first and a
    ``para``/``trail`` element ends it, naming its style; a frame without a style of its own
    takes the ``DefaultStyle``'s."""
    if local_name(root.tag) != "scribusutf8new":
        return None
    frames = [f for f in root.iter() if local_name(f.tag) == "pageobject"]
    frames.sort(key=lambda f: (_number(f.get("OwnPage")) or 0, _number(f.get("YPOS")) or 0,
                               _number(f.get("XPOS")) or 0))
    blocks: list[tuple[str, str]] = []
    for frame in frames:
        story = next((s for s in frame if local_name(s.tag) == "storytext"), None)
        if story is not None:
            blocks += _scribus_paragraphs(story)
    return blocks_html(blocks)


def _scribus_paragraphs(story: ET.Element) -> list[tuple[str, str]]:
    """A ``StoryText``'s paragraphs as (tag, words): see :func:`scribus_html`."""
    default = next((e.get("PARENT") or "" for e in story if local_name(e.tag) == "defaultstyle"), "")
    out: list[tuple[str, str]] = []
    runs: list[str] = []
    for element in story:
        name = local_name(element.tag)
        if name == "itext":
            runs.append(element.get("CH") or "")
        elif name in ("tab", "breakline", "breakcol", "breakframe"):
            runs.append(" ")
        elif name in ("para", "trail"):
            if block := layout_block(element.get("PARENT") or default, "".join(runs)):
                out.append(block)
            runs = []
    return out


def layout_block(style: str, text: str) -> tuple[str, str] | None:
    """A laid-out paragraph (a Scribus frame's, an InCopy story's) as a (tag, words) block, by
    its paragraph style's name and a bullet typed into its text; None for no words (the one
    home of this, for every reader of a print layout)."""
    words = " ".join(text.split())
    if not words:
        return None
    bullet = _TYPED_BULLET.match(words)
    tag = ("h2" if _LAYOUT_HEADING_STYLE.search(style) else
           "li" if bullet or _LAYOUT_ITEM_STYLE.search(style) else "p")
    return tag, _TYPED_BULLET.sub("", words)


#: A TaskPaper line: its tabs (depth), then a task ("- "), a project ("Name:") or a note, and
#: its tags ("@done(2024-01-16)", "@today"), which are the list's bookkeeping.
_TASKPAPER_TAG = re.compile(r"(?:^|\s)@[\w-]+(?:\([^)]*\))?")


def taskpaper_markdown(raw: str) -> str:
    """A TaskPaper list (``.taskpaper``: a lead's plain-text reading list) as Markdown: a project
    (a line ending ":") a heading; a task with notes under it a heading one level down, its
    notes the text beneath (a reading list's task is a review, its notes what the review says);
    a task without notes a list item.  Tags are dropped: they say when, not what."""
    lines = raw.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        depth = len(line) - len(line.lstrip("\t"))
        text = _TASKPAPER_TAG.sub("", line).strip()
        if not text:
            out.append("")
            continue
        following = next((n for n in lines[i + 1:] if n.strip()), "")
        deeper = len(following) - len(following.lstrip("\t")) > depth
        has_notes = deeper and not following.strip().startswith("- ")
        if text.startswith("- "):
            out += (["", f"{'#' * min(depth + 2, 6)} {text[2:]}", ""] if has_notes else [f"- {text[2:]}"])
        elif text.endswith(":") and depth == 0:
            out += ["", f"## {text[:-1]}", ""]
        else:
            out += [text, ""]  # (a note a paragraph: "1. Check who lives ..." a list's item)
    return "\n".join(out).strip() + "\n"


def data_package(data: object) -> dict[str, object] | None:
    """A Frictionless Data Package (``datapackage.json``: a study's coded reviews released as
    open data) as its name and description above the rows of its tables, each a record; None
    when the data is no package (a ``resources`` list, one of them holding inline rows).  A
    table is a resource with a Table Schema (or a "tabular" profile); a package's other
    resources (a coding log) and its own keywords are about the release, not about a review."""
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        return None
    resources = [r for r in data["resources"] if isinstance(r, dict) and isinstance(r.get("data"), list)
                 and all(isinstance(row, dict) for row in r["data"])]
    tables = [r for r in resources if "schema" in r or "tabular" in str(r.get("profile") or "")]
    if not resources:
        return None
    rows = [row for r in tables or resources for row in r["data"]]
    return {"package": data.get("title") or data.get("name") or "",
            "about": data.get("description") or "", "rows": rows}


#: Apple News Format component roles: headings (``heading``, ``heading1``..``heading6``), the
#: article's title, and roles that carry no words of the article (pictures, rules, ads).
_ANF_HEADING = re.compile(r"^heading(?P<level>[1-6])?$")
_ANF_SILENT = frozenset({"photo", "image", "figure", "gallery", "mosaic", "portrait", "logo",
                         "divider", "banner_advertisement", "medium_rectangle_advertisement",
                         "map", "place", "video", "audio", "music", "tweet", "instagram",
                         "facebook_post", "embedwebvideo", "link_button", "caption"})


def apple_news_html(data: object) -> str | None:
    """An Apple News Format article (``article.json``: a news site's story as its CMS exports
    it) as HTML, or None when the data is none (a ``components`` list beside a ``version``):
    the title a heading, the publication date (``metadata.datePublished``) a "Published" line,
    each component in order as its role says (a heading, a pull quote, a paragraph; a body's
    HTML as it is), pictures, rules and advertisements left out; a container's components in
    place."""
    if not (isinstance(data, dict) and isinstance(data.get("components"), list) and "version" in data):
        return None
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    out = [f"<h1>{html.escape(str(data.get('title') or ''))}</h1>"]
    if published := str(metadata.get("datePublished") or "")[:10]:  # type: ignore[union-attr]
        out.append(f"<p>Published: {html.escape(published)}</p>")
    out += _anf_components(data["components"], str(data.get("title") or ""))
    return "\n".join(out)


def _anf_components(components: list, title: str) -> list[str]:
    """The HTML of Apple News components: see :func:`apple_news_html`."""
    out: list[str] = []
    for part in components:
        if not isinstance(part, dict):
            continue
        role = str(part.get("role") or "").lower()
        if isinstance(part.get("components"), list):
            out += _anf_components(part["components"], title)
        text = part.get("text")
        if role in _ANF_SILENT or not isinstance(text, str) or not text.strip() or text == title:
            continue
        body = text if part.get("format") == "html" else html.escape(text)
        if heading := _ANF_HEADING.match(role):
            level = max(2, int(heading["level"] or 2))
            out.append(f"<h{level}>{body}</h{level}>")
        elif role in ("pullquote", "quote"):
            out.append(f"<blockquote>{body}</blockquote>")
        elif part.get("format") == "html":
            out.append(f"<div>{body}</div>")
        else:
            out.append(f"<p>{body}</p>")
    return out
