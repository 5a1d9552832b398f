"""Files made to carry a document from one tool to another: a web archive (MHTML), a library
catalogue's records (MARC 21 XML), a translation job (XLIFF), a manual's source (Texinfo) and a
mind map (FreeMind).

Why a module of their own: each is a container whose words are the page, wrapped in a format
made for a machine (MIME parts, numbered MARC fields, translation units, @-commands, nodes).  These
functions only unwrap: they return HTML, records or plain text, and :mod:`casegraph.ingest.sources`
reads those as it reads any page, so the unwrapping never depends on the page reader.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

#: The namespace of MARC 21 XML ("MARCXML"), as libraries export their catalogues.
MARC_NAMESPACE = "http://www.loc.gov/MARC21/slim"


def local_name(tag: object) -> str:
    """An XML element's name without its namespace, in lower case: "{http://...itunes...}keywords"
    is "keywords" (the one home of this, for every XML reader of casegraph.ingest)."""
    return str(tag).rpartition("}")[2].lower()


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
        if part is not None:
            return str(part.get_content()), subtype == "html"
    raise ValueError("no HTML or text part in the web archive")


#: MARC 21 fields a catalogue's reader sees, by tag, as the keys a record's page is built from
#: (``sources._records_text`` labels "subjects" as Keywords, "coverage" as Area, "publisher"
#: as Partnership; a long "summary" is the record's account).
_MARC_FIELDS = {
    "245": "title", "246": "other title", "110": "publisher", "710": "publisher",
    "260": "published", "264": "published", "500": "general note", "520": "summary",
    "650": "subjects", "653": "subjects", "651": "coverage",
}
#: The subfields shown of a title (a: title, b: remainder, n/p: part), joined as a catalogue
#: displays them, and of a publication field (c: date).
_MARC_SUBFIELDS = {"245": "abnp", "246": "abnp", "260": "c", "264": "c"}
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
    records = [root] if local_name(root.tag) == "record" else [
        e for e in root.iter() if local_name(e.tag) == "record"]
    return [_marc_record(record) for record in records]


def _marc_record(record: ET.Element) -> dict[str, object]:
    """One MARC record as a mapping (see :data:`_MARC_FIELDS`); repeated subjects are a list."""
    out: dict[str, object] = {}
    for field in record:
        tag = field.get("tag", "")
        if local_name(field.tag) != "datafield" or tag not in _MARC_FIELDS:
            continue
        subfields = [(sub.get("code", ""), " ".join("".join(sub.itertext()).split())) for sub in field]
        if tag == "245" and (by := next((w for c, w in subfields if c == "c"), "")):
            out.setdefault("publisher", by.strip(_ISBD_END))  # its statement of responsibility
        key, text = _MARC_FIELDS[tag], _marc_text(tag, subfields)
        if key == "subjects":
            out.setdefault(key, []).append(text)  # type: ignore[union-attr]
        elif text:
            out.setdefault(key, text)
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
                if text := " ".join("".join(child.itertext()).split()):
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
    out: list[str] = []

    def walk(node: ET.Element, depth: int) -> None:
        words = _topic_words(node)
        children = [e for e in node if local_name(e.tag) == "node"]
        if children or depth == 0:
            out.extend(["", words, ""] if words else [])
        elif words:
            out.append(f"- {words}")
        for child in children:
            walk(child, depth + 1)

    for topic in topics:
        walk(topic, 0)
    return "\n".join(out)


def _topic_words(node: ET.Element) -> str:
    """A mind map topic's words: its TEXT attribute, else its rich content's text."""
    if text := node.get("TEXT"):
        return " ".join(text.split())
    rich = next((e for e in node if local_name(e.tag) == "richcontent"
                 and (e.get("TYPE") or "NODE").upper() == "NODE"), None)
    return " ".join("".join(rich.itertext()).split()) if rich is not None else ""
