"""Pages kept in the source a publishing tool renders from, as the HTML a reader of the
finished page would see; :mod:`casegraph.ingest.sources` then reads that HTML as any page:

- XSL-FO (``.fo``: a document service's learning summary, typeset by Apache FOP), whose
  ``fo:block``, list and table elements hold the words, and whose page masters, running
  headers and bookmarks do not;
- AbiWord's native document (``.abw``), whose paragraphs carry a style ("Heading 2",
  "Bullet List") rather than a tag;
- an InCopy story (``.icml``: a magazine's article), whose paragraphs carry a style too;
- Editor.js's saved output (a page builder's ``blocks``: header, paragraph, list, table ...);
- (session 84) Notion's blocks (a page's "retrieve block children" response, or a converter's
  block list: headings, paragraphs, list items, tables, each with its rich text);
- a Nunjucks template (``.njk``: a GOV.UK Prototype Kit page), whose words sit partly in HTML
  and partly in the arguments of design-system macros (``govukSummaryList({...})``);
- a GOV.UK Content API response (the JSON www.gov.uk renders a publication's page from).
- a Google Docs API ``documents.get`` response (a shared document's paragraphs, each with its
  named style, its lists and tables), as the document reads in Docs.
- pandoc's JSON document (``pandoc -t json``: the abstract syntax tree a conversion passes
  through, saved by a team that converts its Word briefings), as the document pandoc writes;
- (session 80) an Applix Words document (``.aw``: an archived ACPC paper), whose paragraphs are
  ``<P>`` tags over ``<T "...">`` runs wrapped at a backslash, after a block of styles;
- (session 83) a KWord 1.x document (``.kwd``: an ACPC's papers kept in KOffice's format, or
  AbiWord's export of them), whose paragraphs are ``PARAGRAPH`` elements in frame sets, each
  with its style's name and list counter in its ``LAYOUT``;
- (session 83) a Uniform Office Format text (``.uot``: China's office standard, which LibreOffice
  writes), whose paragraphs carry a style reference and numbering in Chinese-named elements;
- Mozilla Readability's article (``title``, ``byline``, ``content`` HTML, ``textContent``: a
  scraper's reader-view copy of a page), alone or in the scraper's wrapper, as the article.

Why a module of their own: each is a page before rendering, so the structure a reader sees
(a heading, a list, a table's rows) is written in the tool's terms, and each holds words no
reader sees (a template's page title block, FO's running headers, AbiWord's list labels).
Read as plain XML, JSON or text, a review's heading and its learning list are lost among them.
"""

from __future__ import annotations

import html
import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

from casegraph.ingest.exports import ObjectLiteral
from casegraph.ingest.interchange import blocks_html, html_table, layout_block, local_name, printed_date

# ------------------------------------------------------------------------ Mozilla Readability
#: The fields that make a JSON object Readability's article (``Readability.parse()``'s result).
_READABILITY_KEYS = frozenset({"title", "content", "textContent"})
_READABILITY_SIGNS = frozenset({"byline", "excerpt", "siteName", "length", "publishedTime"})


def readability_html(data: object) -> str | None:
    """(session 64) Mozilla Readability's article (``Readability.parse()``'s object, as a
    scraper saves it, alone or under a key of its own wrapper beside the address and the time
    it was fetched) as the page a reader sees, or None for other data: the ``title`` as its
    heading (Readability takes the page's ``h1`` out of ``content`` when it repeats the title),
    the site's name and the publication time under it, then ``content``, the article's HTML.
    ``textContent`` and ``excerpt`` say the same words again without their structure: read as a
    record's fields, every review was told twice and its lists were lost."""
    article = data if _is_readability(data) else next(
        (v for v in data.values() if _is_readability(v)), None) if isinstance(data, dict) else None
    if article is None:
        return None
    out = [f"<h1>{html.escape(str(article.get('title') or ''))}</h1>"]
    if article.get("siteName"):
        out.append(f"<p>{html.escape(str(article['siteName']))}</p>")
    if published := printed_date(str(article.get("publishedTime") or "")):
        out.append(f"<p>Published: {published}</p>")
    return "<html><body>\n" + "\n".join([*out, str(article["content"])]) + "\n</body></html>"


def _is_readability(value: object) -> bool:
    """Whether a JSON value is Readability's article object."""
    return isinstance(value, dict) and value.keys() >= _READABILITY_KEYS \
        and isinstance(value.get("content"), str) and bool(_READABILITY_SIGNS & value.keys())


# ------------------------------------------------------------------------ pandoc's JSON AST
#: The inline elements whose content is their words (emphasis, a link's text, a span).
_PANDOC_WRAPPERS = frozenset({"Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript",
                              "SmallCaps", "Span", "Link"})


def pandoc_html(data: object) -> str | None:
    """(session 65) A pandoc JSON document (``{"pandoc-api-version": ..., "meta": ...,
    "blocks": [...]}``, pandoc 1.18 on) as the HTML pandoc would write from it, or None for
    other data: the metadata's title, author and date over the blocks, each heading at its
    level, lists as lists, tables as tables.  Read as records, every block was a record titled
    by its element type ("T: Para"), its words split into one value a word."""
    if not (isinstance(data, dict) and isinstance(data.get("pandoc-api-version"), list)
            and isinstance(data.get("blocks"), list)):
        return None
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    out = [f"<h1>{_pandoc_meta(meta['title'])}</h1>"] if meta.get("title") else []
    out += [f"<p>{_pandoc_meta(meta[key])}</p>" for key in ("subtitle", "author", "date") if meta.get(key)]
    out += [_pandoc_block(block) for block in data["blocks"]]
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def _pandoc_meta(value: dict) -> str:
    """A metadata value's words (MetaInlines, MetaString, MetaList of authors, MetaBlocks)."""
    kind, content = value.get("t"), value.get("c")
    if kind == "MetaList":
        return ", ".join(_pandoc_meta(v) for v in content or [])
    if kind == "MetaBlocks":
        return " ".join(_pandoc_block(b) for b in content or [])
    return html.escape(content) if isinstance(content, str) else _pandoc_inlines(content or [])


def _pandoc_inlines(inlines: list) -> str:
    """A run of inline elements as escaped HTML text: words, spaces, line breaks and the words
    inside emphasis, links, quotes and citations; a footnote and a picture's file are not read."""
    out = []
    for item in inlines:
        kind, content = item.get("t"), item.get("c")
        if kind == "Str":
            out.append(html.escape(content))
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "LineBreak":
            out.append("<br>")
        elif kind in _PANDOC_WRAPPERS:
            out.append(_pandoc_inlines(content[1] if kind in ("Span", "Link") else content))
        elif kind in ("Quoted", "Cite"):
            words = _pandoc_inlines(content[1])
            out.append(f"“{words}”" if kind == "Quoted" and content[0].get("t") == "DoubleQuote"
                       else f"‘{words}’" if kind == "Quoted" else words)
        elif kind in ("Code", "Math"):
            out.append(html.escape(content[1]))
        elif kind == "Image":
            out.append(_pandoc_inlines(content[1]))  # (its alternative text)
    return "".join(out)


def _pandoc_block(block: dict) -> str:
    """One block element as HTML (pandoc-types 1.17 to 1.23); a raw block in another format
    than HTML, and a horizontal rule, are nothing a reader reads."""
    kind, c = block.get("t"), block.get("c")
    if kind in ("Para", "Plain"):
        return f"<p>{_pandoc_inlines(c)}</p>"
    if kind == "Header":
        level = min(max(int(c[0]), 1), 6)
        return f"<h{level}>{_pandoc_inlines(c[2])}</h{level}>"
    if kind in ("BulletList", "OrderedList"):
        tag, items = ("ul", c) if kind == "BulletList" else ("ol", c[1])
        return f"<{tag}>" + "".join(f"<li>{_pandoc_blocks(item)}</li>" for item in items) + f"</{tag}>"
    if kind == "DefinitionList":
        return "<dl>" + "".join(f"<dt>{_pandoc_inlines(term)}</dt>"
                                + "".join(f"<dd>{_pandoc_blocks(d)}</dd>" for d in defs)
                                for term, defs in c) + "</dl>"
    if kind in ("BlockQuote", "Div", "Figure"):
        return f"<div>{_pandoc_blocks(c if kind == 'BlockQuote' else c[-1])}</div>"
    if kind == "LineBlock":
        return "<p>" + "<br>".join(_pandoc_inlines(line) for line in c) + "</p>"
    if kind == "CodeBlock":
        return f"<pre>{html.escape(c[1])}</pre>"
    if kind == "RawBlock":
        return c[1] if str(c[0]).lower() == "html" else ""
    if kind == "Table":
        return _pandoc_table(c)
    return ""


def _pandoc_blocks(blocks: list) -> str:
    return "\n".join(_pandoc_block(b) for b in blocks)


def _pandoc_table(c: list) -> str:
    """A table's rows as an HTML table, its head's cells as header cells: pandoc-types 1.21 on
    (head, bodies and foot of rows of cells of blocks) or before (a header of cells and rows
    of cells, each cell its blocks)."""
    if len(c) == 5:  # (before 1.21: caption, alignments, widths, header, rows)
        head = [[_pandoc_blocks(cell) for cell in c[3]]] if any(c[3]) else []
        body = [[_pandoc_blocks(cell) for cell in row] for row in c[4]]
    else:  # (attributes, caption, column specs, head, bodies, foot)
        head = [[_pandoc_blocks(cell[4]) for cell in row[1]] for row in c[3][1]]
        body = [[_pandoc_blocks(cell[4]) for cell in row[1]]
                for rows in [*(r for b in c[4] for r in (b[2], b[3])), c[5][1]] for row in rows]
    return "<table>" + "".join("<tr>" + "".join(f"<th>{x}</th>" for x in row) + "</tr>" for row in head) \
        + "".join("<tr>" + "".join(f"<td>{x}</td>" for x in row) + "</tr>" for row in body) + "</table>"


# ------------------------------------------------------------------------ GOV.UK Content API
def govuk_content_html(data: object) -> str | None:
    """A GOV.UK Content API response (``/api/content/<path>``: the JSON www.gov.uk renders a
    publication, a guide or a news story from) as the page it renders, or None for other data:
    its title, who it is from (its ``links.organisations``), when it was first published, its
    description (the summary under the title), its body (``details.body``, govspeak's HTML,
    escaped in the JSON), a guide's parts and its attached documents' titles.  The rest is the
    platform's bookkeeping (content IDs, publishing and rendering apps, taxons, change history):
    read as a record, it hid the body, the one part that tells the review."""
    if not (isinstance(data, dict) and isinstance(data.get("details"), dict)
            and isinstance(data.get("base_path"), str) and "schema_name" in data):
        return None
    details, links = data["details"], data.get("links") or {}
    out = [f"<h1>{html.escape(str(data.get('title') or ''))}</h1>"]
    organisations = [str(o["title"]) for o in links.get("organisations") or []
                     if isinstance(o, dict) and o.get("title")] if isinstance(links, dict) else []
    if organisations:
        out.append(f"<p>From: {html.escape('; '.join(organisations))}</p>")
    if published := printed_date(str(data.get("first_published_at") or details.get("first_public_at") or "")):
        out.append(f"<p>Published: {published}</p>")
    if data.get("description"):
        out.append(f"<p>{html.escape(str(data['description']))}</p>")
    if isinstance(details.get("body"), str):
        out.append(details["body"])
    for part in details.get("parts") or []:  # a guide's pages, each titled
        if isinstance(part, dict):
            out += [f"<h2>{html.escape(str(part.get('title') or ''))}</h2>", str(part.get("body") or "")]
    titles = [str(a["title"]) for a in details.get("attachments") or []
              if isinstance(a, dict) and a.get("title")]
    if titles:
        out.append("<p>Documents:</p><ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in titles) + "</ul>")
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def sphinx_json_html(data: object) -> str | None:
    """(session 85) A page of a Sphinx site built with its JSON builder (``.fjson``: what
    ``sphinx-build -b json`` writes for a site served by a web app) as the page it renders, or
    None for other data: its body (HTML, holding the page's own heading) under its title when
    the body has none.  The rest is the builder's context for a theme (neighbouring pages,
    sidebars, the source's name, the table of contents): read as a record, it came before the
    body and headed the page with "Rellinks"."""
    if not (isinstance(data, dict) and isinstance(data.get("body"), str)
            and isinstance(data.get("current_page_name"), str)):
        return None
    body = data["body"]
    title = "" if re.search(r"<h1\b", body, re.I) else f"<h1>{html.escape(str(data.get('title') or ''))}</h1>"
    return f"<html><body>\n{title}\n{body}\n</body></html>"


# ------------------------------------------------------------------------- IPTC ninjs items
def ninjs_html(data: object) -> str | None:
    """(session 73) A news agency's item in IPTC's ninjs (a wire story on a review, as a
    subscriber's feed delivers it) as the story a reader sees, or None for other data: its main
    headline, the place and date it is filed from, its summary, then its main body, HTML when
    the item has it (``bodies`` with ``contenttype`` text/html in ninjs 2, ``body_html`` in 1),
    else its plain text.  Read as a record, its headline (a list of role and value pairs) was
    lost and its body's "role: main" became a review of its own."""
    if not (isinstance(data, dict) and isinstance(data.get("uri"), str)
            and ("ninjs" in str(data.get("$schema", "")) or "bodies" in data or "body_html" in data)
            and ("headlines" in data or "headline" in data)):
        return None
    out = [f"<h1>{html.escape(_ninjs_text(data, 'headlines', 'headline'))}</h1>"]
    created = str(data.get("firstcreated") or data.get("versioncreated") or "")
    filed = [str(data.get("located") or ""), printed_date(created)]
    if any(filed):
        out.append(f"<p>{html.escape(', '.join(f for f in filed if f))}</p>")
    if summary := _ninjs_text(data, "descriptions", "description_text"):
        out.append(f"<p>{html.escape(summary)}</p>")
    out.append(_ninjs_body(data))
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def _ninjs_text(data: dict, plural: str, single: str) -> str:
    """An item's main headline or description: ninjs 2's role/value list (the "main" or first
    one), else ninjs 1's single field."""
    values = [v for v in data.get(plural) or [] if isinstance(v, dict) and isinstance(v.get("value"), str)]
    main = next((v for v in values if v.get("role") in ("main", "summary")), values[0] if values else None)
    return str(main["value"]) if main else str(data.get(single) or "")


def _ninjs_body(data: dict) -> str:
    bodies = [b for b in data.get("bodies") or [] if isinstance(b, dict) and isinstance(b.get("value"), str)]
    body = next((b for b in bodies if "html" in str(b.get("contenttype", ""))), None)
    if body is not None:
        return str(body["value"])
    if isinstance(data.get("body_html"), str):
        return str(data["body_html"])
    text = str(bodies[0]["value"]) if bodies else str(data.get("body_text") or "")
    return "".join(f"<p>{html.escape(p)}</p>" for p in re.split(r"\n\s*\n", text) if p.strip())


# ---------------------------------------------------------------------- SharePoint site pages

def sharepoint_page_html(data: object) -> str | None:
    """(session 67) A SharePoint modern page as Microsoft Graph returns it (``GET .../pages/{id}/
    microsoft.graph.sitePage?$expand=canvasLayout``) as the page a reader sees, or None for
    other data: its title, its description, when it was first published, then each text web
    part's HTML (``innerHtml``) in the order of the page's sections and columns.  Read as a
    record, every web part was a bullet "#microsoft.graph.textWebPart; ...", its headings lost
    in it; the rest (ids, layouts, reactions, a button's settings) is the site's bookkeeping."""
    if not (isinstance(data, dict) and isinstance(canvas := data.get("canvasLayout"), dict)):
        return None
    out = [f"<h1>{html.escape(str(data.get('title') or ''))}</h1>"]
    if data.get("description"):
        out.append(f"<p>{html.escape(str(data['description']))}</p>")
    first = data.get("firstPublishedDateTime") or data.get("createdDateTime") or ""
    if published := printed_date(str(first)):
        out.append(f"<p>Published: {published}</p>")
    sections = [*(canvas.get("horizontalSections") or []), canvas.get("verticalSection") or {}]
    # (a vertical section holds its web parts itself, a horizontal one in its columns)
    columns = [c for s in sections if isinstance(s, dict) for c in s.get("columns") or [s]
               if isinstance(c, dict)]
    out += [str(part["innerHtml"]) for c in columns for part in c.get("webparts") or []
            if isinstance(part, dict) and isinstance(part.get("innerHtml"), str)]
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


# -------------------------------------------------------------------------------------- XSL-FO

#: Formatting objects whose words are not the page's running text: page layout, metadata,
#: bookmarks, running headers and footers (``fo:static-content``), a footnote's body, markers.
_FO_ASIDES = frozenset({"layout-master-set", "declarations", "bookmark-tree", "static-content",
                        "footnote-body", "marker", "retrieve-marker", "page-number",
                        "page-number-citation", "page-number-citation-last"})
_FO_ROLE_HEADING = re.compile(r"^H(?P<level>[1-6])$", re.I)


def fo_html(root: ET.Element) -> str | None:
    """An XSL-FO document as HTML, or None when the XML is none (its root not ``fo:root``).
    A block tagged ``role="H2"`` is a heading of that level; an untagged bold block set larger
    than the document's type is one too (how a stylesheet without roles marks headings).
    Lists are lists (numbered when their labels are numbers), tables are tables."""
    if local_name(root.tag) != "root" or "XSL/Format" not in root.tag:
        return None
    base = _points(root.get("font-size")) or 11.0
    out: list[str] = []
    for element in root.iter():
        if local_name(element.tag) == "flow":
            _fo_blocks(element, base, out)
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def _fo_blocks(parent: ET.Element, base: float, out: list[str]) -> None:
    """The HTML of a flow's or a container's children, in order."""
    for element in parent:
        name = local_name(element.tag)
        if name in _FO_ASIDES:
            continue
        if name == "list-block":
            out.append(_fo_list(element))
        elif name == "table-and-caption" or name == "table":
            out.append(_fo_table(element))
        elif name == "block" and any(local_name(c.tag) in ("block", "list-block", "table", "block-container")
                                     for c in element):
            _fo_blocks(element, base, out)  # a block of blocks: a box around paragraphs
        elif name == "block":
            if text := _fo_text(element):
                level = _fo_heading(element, base)
                tag = f"h{level}" if level else "p"
                out.append(f"<{tag}>{html.escape(text)}</{tag}>")
        elif name in ("block-container", "wrapper", "float"):
            _fo_blocks(element, base, out)


def _fo_heading(block: ET.Element, base: float) -> int:
    """A block's heading level, 0 when it is a paragraph."""
    if role := _FO_ROLE_HEADING.match(block.get("role") or ""):
        return int(role["level"])
    size = _points(block.get("font-size")) or base
    if block.get("font-weight") not in ("bold", "700", "800", "900") or size <= base:
        return 0
    return 1 if size >= 1.6 * base else 2 if size >= 1.2 * base else 3


def _fo_text(element: ET.Element) -> str:
    """A block's words, its footnote bodies and page numbers left out."""
    return _words_without(element, _FO_ASIDES)


def _words_without(element: ET.Element, asides: frozenset[str]) -> str:
    """An element's words, those inside the elements named in ``asides`` left out (their tails,
    the words after them, kept), runs of space and line breaks one space."""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        if local_name(node.tag) not in asides:
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


def _fo_list(block: ET.Element) -> str:
    """A list-block as a list: numbered when its first label is a number or a letter with a
    full stop ("1.", "a)")."""
    items = [(_fo_text(label) if (label := _child(item, "list-item-label")) is not None else "",
              _fo_text(body) if (body := _child(item, "list-item-body")) is not None else "")
             for item in block if local_name(item.tag) == "list-item"]
    numbered = bool(items) and bool(re.match(r"^\(?\w{1,3}[.)]$", items[0][0]))
    tag = "ol" if numbered else "ul"
    return f"<{tag}>" + "".join(f"<li>{html.escape(text)}</li>" for _, text in items if text) + f"</{tag}>"


def _fo_table(table: ET.Element) -> str:
    """A table's rows as an HTML table, the header's cells header cells (XSL-FO writes the
    header first)."""
    def rows(*parts: str) -> list[list[str]]:
        return [[html.escape(_fo_text(cell)) for cell in row if local_name(cell.tag) == "table-cell"]
                for part in table.iter() if local_name(part.tag) in parts
                for row in part if local_name(row.tag) == "table-row"]

    head = rows("table-header")
    return html_table(head + rows("table-body", "table-footer"), header_rows=len(head))


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def _points(size: str | None) -> float | None:
    """A font size in points ("14pt", "12"), None when it is given otherwise ("larger", "120%")."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:pt)?\s*", size or "")
    return float(found[1]) if found else None


# -------------------------------------------------------------------------------- Applix Words
#: (session 80) An Applix Words document's first line, and its tags: ``<P "style" ...>`` opens a
#: paragraph, ``<T "words" ...>`` is a run of its text (``\"`` and ``\\`` escaped), every other
#: tag (styles, colours, page layout) says how it looks.
_APPLIX_MAGIC = "*BEGIN WORDS"
_APPLIX_TAG = re.compile(r'<(?P<name>[A-Za-z_]\w*)(?P<rest>(?:[^>"]|"(?:[^"\\]|\\.)*")*)>')
_APPLIX_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
#: A long line is continued on the next after a backslash, the next line indented one space.
_APPLIX_CONTINUED = re.compile(r"\\\r?\n ")


def applix_words_html(raw: str) -> str:
    """(session 80) An Applix Words document (``.aw``: an archived ACPC paper, written by Applix
    or by AbiWord's exporter) as HTML: the flow's paragraphs in order, each the text of its runs,
    a heading or list style's paragraph a heading or an item (interchange.layout_block).  The
    styles, colours and page layout before the flow are not the document's words; a file cut
    before its flow ends is refused rather than read in part."""
    if not raw.startswith(_APPLIX_MAGIC):
        raise ValueError("not an Applix Words document (no '*BEGIN WORDS' first line)")
    text = _APPLIX_CONTINUED.sub("", raw)
    start, end = text.find("<start_flow>"), text.find("<end_flow>")
    if start < 0 or end < start:  # (its last line: where a cut copy ends)
        raise ValueError(f"damaged Applix Words document (line {len(raw.splitlines())}: the file ends "
                         f"with no {'<end_flow>' if start >= 0 else '<start_flow>'} tag)")
    blocks: list[tuple[str, list[str]]] = []
    for tag in _APPLIX_TAG.finditer(text, start, end):
        strings = [re.sub(r"\\(.)", r"\1", s) for s in _APPLIX_STRING.findall(tag["rest"])]
        if tag["name"] == "P":
            blocks.append((strings[0] if strings else "", []))
        elif tag["name"] == "T" and strings and blocks:
            blocks[-1][1].append(strings[0])
    laid = [b for style, runs in blocks if (b := layout_block(style, "".join(runs)))]
    return "<html><body>\n" + blocks_html(laid) + "\n</body></html>"


# ------------------------------------------------------------------------------------- AbiWord

#: AbiWord's built-in paragraph styles that are headings, by level.
_ABW_HEADING = re.compile(r"^(?:Heading (?P<level>[1-6])|(?P<title>Title))$")
#: Inline elements whose words are not the paragraph's: a list's label field, a footnote's or
#: endnote's text, an annotation, a bookmark.
_ABW_ASIDES = frozenset({"field", "foot", "endnote", "annotate", "bookmark", "image"})


def abiword_html(root: ET.Element) -> str | None:
    """An AbiWord document as HTML, or None when the XML is none (its root not ``abiword``).
    A paragraph's style says what it is: "Heading N" a heading, a paragraph in a list (its
    ``listid``) a list's item (laid out by interchange.blocks_html, as Word's are); a table's
    cells are placed in rows by their ``top-attach`` property.  Metadata, history and styles
    are not the document's words."""
    if local_name(root.tag) != "abiword":
        return None
    blocks = [b for section in root if local_name(section.tag) == "section" for b in _abw_blocks(section)]
    return "<html><body>\n" + blocks_html(blocks) + "\n</body></html>"


def _abw_blocks(parent: ET.Element) -> Iterator[tuple[str, str]]:
    """(tag, words) for each paragraph and table of a section, as ``blocks_html`` lays them
    out: a paragraph in a list (its ``listid``) an item, a "Heading N" paragraph a heading."""
    for element in parent:
        name = local_name(element.tag)
        if name == "table":
            yield "table", _abw_table(element)
        elif name == "p" and (text := _abw_text(element)):
            heading = _ABW_HEADING.match(element.get("style") or "")
            if element.get("listid") not in (None, "", "0"):
                yield "li", text
            elif heading:
                yield f"h{1 if heading['title'] else int(heading['level'])}", text
            else:
                yield "p", text


def _abw_text(paragraph: ET.Element) -> str:
    """A paragraph's words: its runs' text, tabs and line breaks as spaces, asides left out."""
    return _words_without(paragraph, _ABW_ASIDES)


def _abw_table(table: ET.Element) -> str:
    """A table's cells as rows, by each cell's ``top-attach`` property."""
    rows: dict[int, list[str]] = {}
    for cell in (c for c in table if local_name(c.tag) == "cell"):
        top = re.search(r"top-attach:\s*(\d+)", cell.get("props") or "")
        words = " ".join(_abw_text(p) for p in cell.iter() if local_name(p.tag) == "p")
        rows.setdefault(int(top[1]) if top else len(rows), []).append(words)
    return html_table([html.escape(c) for c in cells] for _, cells in sorted(rows.items()))


# ------------------------------------------------------------------------------------- KWord
#: KWord's frame set kinds (``frameInfo``) by what a reader sees: the body text (0) and, before
#: it, the page headers (1-3) a publisher's name is printed in; footers (4-6) after it; a
#: footnote's frame set (7) is no part of the page's flow.
_KWORD_ORDER = {"1": 0, "2": 0, "3": 0, "0": 1, "4": 2, "5": 2, "6": 2}


def kword_html(root: ET.Element) -> str | None:
    """(session 83) A KWord 1.x document as HTML, or None for other XML (its root not KWord's
    ``DOC``).  Its text frame sets are read headers first, then the body, then footers; a
    table's cells (frame sets of one ``grpMgr``) as rows by their ``row`` and ``col``.  A
    paragraph's layout says what it is: a "Head N" style a heading, a list ``COUNTER`` an item,
    as is a paragraph AbiWord's exporter indented behind a tab (its bullet dropped)."""
    if root.tag != "DOC" or "kword" not in f"{root.get('mime')} {root.get('editor')}".lower():
        return None
    sets = [s for s in root.iter("FRAMESET") if s.get("frameType", "1") == "1"
            and s.get("frameInfo", "0") in _KWORD_ORDER]
    blocks: list[tuple[str, str]] = []
    tables: dict[str, dict[tuple[int, int], str]] = {}
    for frames in sorted(sets, key=lambda s: _KWORD_ORDER[s.get("frameInfo", "0")]):
        if (table := frames.get("grpMgr")) is not None:
            if table not in tables:
                tables[table] = {}
                blocks.append(("table", table))
            tables[table][_kword_cell(frames)] = " ".join(w for _, w in _kword_blocks(frames))
        else:
            blocks.extend(_kword_blocks(frames))
    laid = [(tag, _kword_table(tables[words]) if tag == "table" else words) for tag, words in blocks]
    return "<html><body>\n" + blocks_html(laid) + "\n</body></html>"


def _kword_blocks(frames: ET.Element) -> list[tuple[str, str]]:
    """A frame set's paragraphs as (tag, words) blocks."""
    out = []
    for paragraph in frames.iter("PARAGRAPH"):
        text = paragraph.findtext("TEXT") or ""
        layout = paragraph.find("LAYOUT")
        style = (layout.find("NAME").get("value", "") if layout is not None
                 and layout.find("NAME") is not None else "")
        counter = layout.find("COUNTER") if layout is not None else None
        indents = layout.find("INDENTS") if layout is not None else None
        listed = (counter is not None and counter.get("type", "0") != "0") or (
            text.startswith("\t") and indents is not None and _number(indents.get("left")) > 0)
        if block := layout_block("List" if listed else style, text):
            out.append(block)
    return out


def _kword_cell(frames: ET.Element) -> tuple[int, int]:
    return int(_number(frames.get("row"))), int(_number(frames.get("col")))


def _kword_table(cells: dict[tuple[int, int], str]) -> str:
    rows: dict[int, list[str]] = {}
    for (row, _), words in sorted(cells.items()):
        rows.setdefault(row, []).append(html.escape(words))
    return html_table(rows.values())


def _number(value: str | None) -> float:
    """A KWord attribute's number ("12.7000"); none, not a number or not finite ("nan", "inf" in a
    damaged file) is 0."""
    try:
        number = float(value or 0)
    except ValueError:
        return 0.0
    return number if math.isfinite(number) and abs(number) < 1e9 else 0.0


# ------------------------------------------------------------------------- Uniform Office Format
_UOF = "{http://schemas.uof.org/cn/2003/uof}"
_UOF_TEXT = "{http://schemas.uof.org/cn/2003/uof-wordproc}"
#: How deep a style's chain of base styles is followed (a loop in a damaged file ends there).
_UOF_STYLE_DEPTH = 8


def uof_text_html(root: ET.Element) -> str | None:
    """(session 83) A Uniform Office Format text document (``.uot``) as HTML, or None for other
    XML.  Its body (``字:主体``) is read in order: a paragraph (``字:段落``) is the text of its runs
    (``字:文本串``; a footnote's or a field's left out), a heading when its style or a style it is
    based on is a heading's ("Heading 2") or it has an outline level, a list's item when it has
    numbering (``字:自动编号信息``); a table's cells are read as rows.  Styles, fonts and page
    settings are the document's settings, not its words."""
    if root.tag != f"{_UOF}UOF":
        return None
    body = next(root.iter(f"{_UOF_TEXT}主体"), None)
    if body is None:
        return None
    styles = {s.get(f"{_UOF_TEXT}标识符"): s for s in root.iter(f"{_UOF}段落式样")}
    blocks: list[tuple[str, str]] = []
    for element in body:
        name = element.tag.removeprefix(_UOF_TEXT)
        if name == "段落" and (block := _uof_paragraph(element, styles)):
            blocks.append(block)
        elif name == "文字表":
            rows = [[html.escape(" ".join(w for p in cell.iter(f"{_UOF_TEXT}段落") if (w := _uof_words(p))))
                     for cell in row.iter(f"{_UOF_TEXT}单元格")] for row in element.iter(f"{_UOF_TEXT}行")]
            blocks.append(("table", html_table(rows)))
    return "<html><body>\n" + blocks_html(blocks) + "\n</body></html>"


def _uof_paragraph(paragraph: ET.Element, styles: dict[str | None, ET.Element]) -> tuple[str, str] | None:
    """A paragraph as a (tag, words) block: a heading by its style's chain or its outline level,
    an item by its numbering."""
    words = _uof_words(paragraph)
    if not words:
        return None
    props = paragraph.find(f"{_UOF_TEXT}段落属性")
    if props is not None and props.find(f"{_UOF_TEXT}自动编号信息") is not None:
        return "li", words
    level = props.find(f"{_UOF_TEXT}大纲级别") if props is not None else None
    style = props.get(f"{_UOF_TEXT}式样引用") if props is not None else None
    if (level is not None and (level.text or "").strip().isdigit()) or _uof_heading_style(style, styles):
        depth = int(level.text.strip()) if level is not None and (level.text or "").strip().isdigit() else 2
        return f"h{min(max(depth, 1), 6)}", words
    return "p", words


def _uof_heading_style(style: str | None, styles: dict[str | None, ET.Element]) -> bool:
    """Whether a paragraph style, or one it is based on, is a heading's ("Heading_20_1")."""
    for _ in range(_UOF_STYLE_DEPTH):
        element = styles.get(style)
        if element is None:
            return False
        names = f"{element.get(f'{_UOF_TEXT}名称')} {element.get(f'{_UOF_TEXT}别名')}"
        if re.search(r"heading|title", names, re.I):
            return True
        style = element.get(f"{_UOF_TEXT}基式样引用")
    return False


def _uof_words(paragraph: ET.Element) -> str:
    """A paragraph's runs' text: its own runs only (a footnote's or endnote's paragraphs inside
    a run are no part of it)."""
    parts: list[str] = []
    for run in paragraph.findall(f"{_UOF_TEXT}句"):
        parts.extend(t.text or "" for t in run if t.tag == f"{_UOF_TEXT}文本串")
    return " ".join("".join(parts).split())


# ---------------------------------------------------------------------------------- FictionBook
#: A FictionBook 2 e-book (its XML, as pandoc and calibre write it).
FB2_SUFFIXES = {".fb2"}
#: FictionBook's elements whose words are not the text's: a footnote's link mark (its note is in
#: the notes body), an image's reference, a style's name.
_FB2_ASIDES = frozenset({"image", "binary"})


def fictionbook_html(root: ET.Element) -> str | None:
    """A FictionBook 2 e-book (``.fb2``: what pandoc or calibre write for a phone's reader, a
    compendium of review summaries to read on the move) as HTML, or None for other XML.  The
    book is its ``body`` elements (a second one, ``name="notes"``, holds the footnotes), each a
    tree of ``section`` elements: a section's ``title`` is a heading one level below its
    parent's, ``p`` a paragraph, ``subtitle`` a heading inside the section, ``poem``'s verses
    and a ``cite`` paragraphs, ``empty-line`` nothing.  The description (the book's title,
    author, date, the program that wrote it) is the catalogue's, not the text's; its title is
    the page's only when the body gives none.  Images are bytes in ``binary`` elements."""
    if local_name(root.tag) != "fictionbook":
        return None
    blocks: list[tuple[str, str]] = []
    for body in (e for e in root if local_name(e.tag) == "body"):
        _fb2_blocks(body, 1, blocks)
    if not any(tag == "h1" for tag, _ in blocks):
        book = next((e for e in root.iter() if local_name(e.tag) == "book-title"), None)
        if book is not None and (title := _words_without(book, _FB2_ASIDES)):
            blocks.insert(0, ("h1", title))
    return "<html><body>\n" + blocks_html(blocks) + "\n</body></html>"


def _fb2_blocks(parent: ET.Element, level: int, blocks: list[tuple[str, str]]) -> None:
    """A body's or a section's blocks, in order: its title a heading of ``level``, its
    subsections one level deeper (HTML's six at most)."""
    for element in parent:
        name = local_name(element.tag)
        if name == "title":
            title = " ".join(w for p in element if (w := _words_without(p, _FB2_ASIDES)))
            if title:
                blocks.append((f"h{min(level, 6)}", title))
        elif name == "section":
            _fb2_blocks(element, level + 1, blocks)
        elif name == "subtitle" and (words := _words_without(element, _FB2_ASIDES)):
            blocks.append((f"h{min(level + 1, 6)}", words))
        elif name in ("p", "v", "text-author") and (words := _words_without(element, _FB2_ASIDES)):
            blocks.append(("p", words))
        elif name in ("poem", "stanza", "cite", "epigraph", "annotation"):
            _fb2_blocks(element, level, blocks)
        elif name == "table":
            rows = [[html.escape(_words_without(c, _FB2_ASIDES)) for c in row] for row in element
                    if local_name(row.tag) == "tr"]
            blocks.append(("table", html_table(rows)))


# -------------------------------------------------------------------------------------- InCopy


def incopy_html(root: ET.Element) -> str | None:
    """An Adobe InCopy story file (``.icml``: a magazine's article, exported for its writers
    from an InDesign layout) as HTML, or None for other XML: each ``Story`` in the order saved,
    each paragraph as its paragraph style's name says (a heading for "Headline", "Crosshead" or
    "Box head", a list's item for "Box bullet", else a paragraph: interchange.layout_block, one
    home with Scribus's).  A paragraph ends at a ``Br`` or at the end of its style's
    range.  The colours, swatches and styles' definitions before the stories are the layout's."""
    if root.tag != "Document" or not any(e.tag == "Story" for e in root):
        return None
    blocks = [b for story in root if story.tag == "Story" for b in _incopy_paragraphs(story)]
    return "<html><body>\n" + blocks_html(blocks) + "\n</body></html>"


def _incopy_paragraphs(story: ET.Element) -> Iterator[tuple[str, str]]:
    """A story's paragraphs as (tag, words): see :func:`incopy_html`."""
    for styled in story.iter("ParagraphStyleRange"):
        style = (styled.get("AppliedParagraphStyle") or "").rpartition("/")[2]
        runs: list[str] = []
        for element in styled.iter():
            if element.tag == "Content":
                runs.append(element.text or "")
            elif element.tag == "Br" and (block := layout_block(style, "".join(runs))):
                yield block
                runs = []
        if block := layout_block(style, "".join(runs)):
            yield block


# ------------------------------------------------------------------------------------ Editor.js

#: Editor.js block types that are not words a reader of the page reads (pictures, embeds, link
#: previews, files to download, code).
_EDITORJS_SILENT = frozenset({"image", "simpleImage", "embed", "linkTool", "attaches", "code", "raw"})


def editorjs_html(data: object) -> str | None:
    """Editor.js's saved output (``{"time", "blocks": [{"type", "data"}], "version"}``) as HTML,
    or None when the data is none.  Each block as its type says: a header its level, a list
    its items (nested ones in place), a table its rows, a quote, a warning or a checklist its
    words, a delimiter a rule.  The blocks' text is HTML already (Editor.js keeps ``<b>`` and
    links inline), so it is kept as it is."""
    if not (isinstance(data, dict) and isinstance(data.get("blocks"), list) and data["blocks"]
            and all(isinstance(b, dict) and "type" in b and isinstance(b.get("data"), dict)
                    for b in data["blocks"])):
        return None
    out = [part for block in data["blocks"] for part in _editorjs_block(str(block["type"]), block["data"])]
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def _editorjs_block(kind: str, data: dict) -> Iterator[str]:
    """The HTML of one block."""
    if kind in _EDITORJS_SILENT:
        return
    if kind == "header":
        level = data.get("level") if isinstance(data.get("level"), int) else 2
        yield f"<h{level}>{data.get('text') or ''}</h{level}>"
    elif kind in ("list", "nestedList", "checklist"):
        yield _editorjs_list(data.get("items") or [], data.get("style") == "ordered")
    elif kind == "table":
        rows = data.get("content") if isinstance(data.get("content"), list) else []
        yield html_table(row for row in rows if isinstance(row, list))
    elif kind == "delimiter":
        yield "<hr>"
    elif kind == "quote":
        caption = f" <cite>{data['caption']}</cite>" if data.get("caption") else ""
        yield f"<blockquote>{data.get('text') or ''}{caption}</blockquote>"
    elif kind == "warning":
        yield f"<p><b>{data.get('title') or ''}</b> {data.get('message') or ''}</p>"
    elif text := data.get("text"):  # a paragraph, and any plug-in's block that has text
        yield f"<p>{text}</p>"


def _editorjs_list(items: list, ordered: bool) -> str:
    """A list's items: plain strings (Editor.js 2.x's list), ``{"content", "items"}`` (the
    nested list) or ``{"text", "checked"}`` (a checklist)."""
    tag = "ol" if ordered else "ul"
    parts: list[str] = []
    for item in items:
        if isinstance(item, dict):
            inner = item.get("items")
            nested = _editorjs_list(inner, ordered) if isinstance(inner, list) and inner else ""
            parts.append(f"<li>{item.get('content') or item.get('text') or ''}{nested}</li>")
        else:
            parts.append(f"<li>{item}</li>")
    return f"<{tag}>" + "".join(parts) + f"</{tag}>"


# ------------------------------------------------------------------------------------ Notion

#: Notion block types read as a list's items, by the list's tag (a to-do is a checklist's item).
#: (session 85) Portable Text block styles as the tags they render to (Sanity's rich text).
_PORTABLE_STYLES = {"normal": "p", "h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5",
                    "h6": "h6", "blockquote": "blockquote"}
#: A Portable Text span's marks that say what a run of words is: a bold label, an emphasis.
_PORTABLE_MARKS = {"strong": "b", "em": "i"}
#: A document's own short fields shown under its title (a briefing's publisher and notice);
#: its identifiers, revision, dates and slug are the store's bookkeeping.
_PORTABLE_FIELDS = ("subtitle", "publisher", "author", "excerpt", "description", "summary", "notice")


def portable_text_html(data: object) -> str | None:
    """(session 85) Rich text in Portable Text (Sanity's: a committee's briefing fetched from its
    content store, as a query response ``{"query": ..., "result": {...}}``, a document, or a bare
    list of blocks) as the page it renders, or None for other data.  Each ``block`` as its style
    says (a heading its level, a paragraph, a quote), consecutive list items (``listItem``
    bullet or number, nested by ``level``) one list; spans keep their bold and emphasis; other
    block types (images, embeds) hold no words.  A document's title heads the page and its
    publisher and notice stand under it.  Read as records, the blocks' "Style: normal" and
    "Children:" had become reviews."""
    if isinstance(data, dict) and "result" in data and "query" in data:
        data = data["result"]
    document: dict = {}
    if isinstance(data, dict):
        document = data
        data = next((v for v in data.values() if _portable_blocks(v)), None)
    if not _portable_blocks(data):
        return None
    title = document.get("title")
    head = [f"<h1>{html.escape(title)}</h1>"] if isinstance(title, str) else []
    head += [f"<p>{html.escape(v)}</p>" for k in _PORTABLE_FIELDS if isinstance(v := document.get(k), str)]
    return "<html><body>\n" + "\n".join([*head, _portable_body(data)]) + "\n</body></html>"


def _portable_blocks(value: object) -> bool:
    """Whether a value is a list of Portable Text blocks: every item a typed object (``_type``),
    one of them at least a ``block`` with its spans (``children``)."""
    return (isinstance(value, list) and bool(value)
            and all(isinstance(b, dict) and "_type" in b for b in value)
            and any(b["_type"] == "block" and isinstance(b.get("children"), list) for b in value))


def _portable_body(blocks: list[dict]) -> str:
    """The blocks' HTML in order, a run of list items as nested lists by their level."""
    out: list[str] = []
    open_lists: list[str] = []
    for block in blocks:
        if block.get("_type") != "block":
            continue
        words = "".join(_portable_span(s) for s in block.get("children") or [] if isinstance(s, dict))
        kind = block.get("listItem")
        if kind in ("bullet", "number"):
            tag = "ol" if kind == "number" else "ul"
            level = block.get("level") if isinstance(block.get("level"), int) else 1
            while len(open_lists) > level or (len(open_lists) == level and open_lists[-1] != tag):
                out.append(f"</{open_lists.pop()}>")
            while len(open_lists) < level:
                open_lists.append(tag)
                out.append(f"<{tag}>")
            out.append(f"<li>{words}</li>")
            continue
        while open_lists:
            out.append(f"</{open_lists.pop()}>")
        tag = _PORTABLE_STYLES.get(str(block.get("style") or "normal"), "p")
        out.append(f"<{tag}>{words}</{tag}>")
    out += [f"</{tag}>" for tag in reversed(open_lists)]
    return "\n".join(out)


def _portable_span(span: dict) -> str:
    """A span's words, escaped, inside the tags of the marks that say what they are."""
    words = html.escape(str(span.get("text") or "")).replace("\n", "<br>")
    for mark in span.get("marks") or []:
        if (tag := _PORTABLE_MARKS.get(str(mark))) and words.strip():
            words = f"<{tag}>{words}</{tag}>"
    return words


# ---------------------------------------------------------------------------------- Lexical
#: (session 86) A Lexical node's type and the tag its words are in (a heading's is its ``tag``).
_LEXICAL_TAGS = {"paragraph": "p", "quote": "blockquote", "code": "pre"}
#: A Lexical text node's ``format`` bits that say what a run of words is: bold, italic.
_LEXICAL_MARKS = ((1, "b"), (2, "i"))


def lexical_html(data: object) -> str | None:
    """(session 86) Rich text kept as Lexical editor states (the editor of Payload CMS and of
    Meta's apps: a partnership's reviews served by its CMS's REST API, ``{"docs": [...]}``, one
    document, or a bare state) as the page it renders, or None for other data.  A document's
    title heads it unless its text's first heading says the same; each node as the editor shows
    it (a heading its ``tag``, a list numbered or bulleted, a line break a break); the API's
    paging, identifiers, slugs and times hold no words.  Read as records, "Type: text" and
    "Format: 1" stood between a review's words."""
    documents = data.get("docs") if isinstance(data, dict) and "docs" in data else [data]
    if not isinstance(documents, list):
        return None
    pages = [page for document in documents if (page := _lexical_document(document)) is not None]
    return "<html><body>\n" + "\n".join(pages) + "\n</body></html>" if pages else None


def _lexical_document(document: object) -> str | None:
    """One document's HTML: its title, then its (first) Lexical state; None without one."""
    if not isinstance(document, dict):
        return None
    state = document if _lexical_root(document) else next(
        (v for v in document.values() if isinstance(v, dict) and _lexical_root(v)), None)
    if state is None:
        return None
    nodes = state["root"]["children"]
    body = "\n".join(_lexical_node(node) for node in nodes if isinstance(node, dict))
    title = document.get("title")
    first = next((n for n in nodes if isinstance(n, dict)), {})
    if isinstance(title, str) and title.strip() and not (
            first.get("type") == "heading" and _lexical_words(first).strip() == title.strip()):
        body = f"<h2>{html.escape(title)}</h2>\n{body}"
    return body


def _lexical_root(value: dict) -> bool:
    """Whether a dict is a Lexical editor state: a ``root`` node holding its children."""
    root = value.get("root")
    return isinstance(root, dict) and root.get("type") == "root" and isinstance(root.get("children"), list)


def _lexical_node(node: dict) -> str:
    """A block node's HTML (a list's items each with its nested lists)."""
    kind = node.get("type")
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        items = (_lexical_node(n) for n in node.get("children") or [] if isinstance(n, dict))
        return f"<{tag}>" + "".join(items) + f"</{tag}>"
    if kind == "listitem":
        inner = [_lexical_node(n) if n.get("type") == "list" else _lexical_words(n)
                 for n in node.get("children") or [] if isinstance(n, dict)]
        return "<li>" + "".join(inner) + "</li>"
    tag = str(node.get("tag")) if kind == "heading" and node.get("tag") else _LEXICAL_TAGS.get(str(kind), "p")
    if kind in ("horizontalrule", "image", "upload", "relationship"):
        return ""
    return f"<{tag}>{_lexical_words(node)}</{tag}>"


def _lexical_words(node: dict) -> str:
    """An inline node's words, escaped: a text in its marks, a break, a link's words."""
    kind = node.get("type")
    if kind == "text":
        words = html.escape(str(node.get("text") or ""))
        format_bits = node.get("format") if isinstance(node.get("format"), int) else 0
        for bit, tag in _LEXICAL_MARKS:
            if format_bits & bit and words.strip():
                words = f"<{tag}>{words}</{tag}>"
        return words
    if kind == "linebreak":
        return "<br>"
    if kind == "tab":
        return " "
    return "".join(_lexical_words(n) for n in node.get("children") or [] if isinstance(n, dict))


# ---------------------------------------------------------------------------------- DatoCMS
#: (session 87) A DAST node's type and the tag its words are in (a heading's by its ``level``).
_DAST_TAGS = {"paragraph": "p", "blockquote": "blockquote", "code": "pre"}
_DAST_MARKS = {"strong": "b", "emphasis": "i"}
#: A record's fields that are the CMS's bookkeeping, not the page's words.
_DAST_BOOKKEEPING = {"id", "slug", "__typename", "locale", "position"}


def datocms_html(data: object) -> str | None:
    """(session 87) Records from DatoCMS's GraphQL API (``{"data": {"allReviewSummaries":
    [...]}}``) whose rich text is DatoCMS Structured Text (a ``"dast"`` document) as the pages
    they render, or None for other data: each record's title a heading, its other short text
    fields as "Review type: ..." lines (a date printed as a page prints one, a list of words
    joined by "; "), then its structured text.  Fields whose names start with "_" (status,
    times, SEO tags), identifiers and slugs are the CMS's bookkeeping.  Read as records, a
    list's items and its style ("bulleted") had run together with the headings' levels."""
    if not isinstance(data, dict) or not isinstance(data.get("data"), dict):
        return None
    records = [r for value in data["data"].values() for r in (value if isinstance(value, list) else [value])
               if isinstance(r, dict) and any(_dast_document(v) for v in r.values())]
    return "<html><body>\n" + "\n".join(map(_dast_record, records)) + "\n</body></html>" if records else None


def _dast_document(value: object) -> dict | None:
    """A structured text field's DAST root (``{"value": {"schema": "dast", "document": ...}}``,
    or the value itself), else None."""
    value = value.get("value", value) if isinstance(value, dict) else None
    if isinstance(value, dict) and value.get("schema") == "dast" and isinstance(value.get("document"), dict):
        return value["document"]
    return None


def _dast_record(record: dict) -> str:
    """One record's HTML: its title, its fields, its structured text."""
    out = [f"<h2>{html.escape(str(record.get('title') or ''))}</h2>"] if record.get("title") else []
    for key, value in record.items():
        if key == "title" or key.startswith("_") or key in _DAST_BOOKKEEPING:
            continue
        if (document := _dast_document(value)) is not None:
            out += [_dast_node(n) for n in document.get("children") or [] if isinstance(n, dict)]
        elif (line := _field_line(key, value)) is not None:
            out.append(line)
    return "\n".join(out)


def _field_line(key: str, value: object) -> str | None:
    """A CMS record's short text field as the line its page prints, "Review type: ...", or
    None for a long or empty one: a date printed as a page prints one, a list of words joined
    by "; ", and "publishedOn", "published_at" or "datePublished" as "Published"."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = "; ".join(value)
    if not (isinstance(value, str) and value.strip() and len(value) <= 300):
        return None
    label = "Published" if "published" in key.lower() else \
        re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key).replace("_", " ").capitalize()
    return f"<p>{html.escape(label)}: {html.escape(printed_date(value) or value)}</p>"


def _dast_node(node: dict) -> str:
    """A block node's HTML (a list's items, each with what it holds)."""
    kind = node.get("type")
    children = [n for n in node.get("children") or [] if isinstance(n, dict)]
    if kind == "list":
        tag = "ol" if node.get("style") == "numbered" else "ul"
        return f"<{tag}>" + "".join(_dast_node(n) for n in children) + f"</{tag}>"
    if kind == "listItem":
        return "<li>" + " ".join(_dast_node(n) if n.get("type") == "list" else _dast_words(n)
                                 for n in children) + "</li>"
    if kind == "heading":
        level = node.get("level") if node.get("level") in range(1, 7) else 2
        return f"<h{level}>{_dast_words(node)}</h{level}>"
    if kind not in _DAST_TAGS:
        return ""  # (a thematic break, an embedded block: no words of the text's own)
    return f"<{_DAST_TAGS[kind]}>{_dast_words(node)}</{_DAST_TAGS[kind]}>"


def _dast_words(node: dict) -> str:
    """An inline node's words, escaped: a span in its marks, a link's words."""
    if node.get("type") == "span":
        words = html.escape(str(node.get("value") or "")).replace("\n", "<br>")
        for mark in node.get("marks") or []:
            if (tag := _DAST_MARKS.get(str(mark))) and words.strip():
                words = f"<{tag}>{words}</{tag}>"
        return words
    return "".join(_dast_words(n) for n in node.get("children") or [] if isinstance(n, dict))


#: (session 88) Draft.js's block types (the raw content state its editors save: Facebook's
#: editor, and the CMSs built on it) as the tags a page renders them in; a list item's list
#: by its own type, an "atomic" block (an image, an embed) has no words of the text's own.
_DRAFT_TAGS = {"header-one": "h2", "header-two": "h2", "header-three": "h3", "header-four": "h4",
               "header-five": "h5", "header-six": "h6", "unstyled": "p", "paragraph": "p",
               "blockquote": "blockquote", "code-block": "pre"}
_DRAFT_LISTS = {"ordered-list-item": "ol", "unordered-list-item": "ul"}


def draftjs_html(data: object) -> str | None:
    """(session 88) Posts whose bodies are Draft.js raw content states (``{"blocks": [...],
    "entityMap": {}}``: an intranet's or a CMS's API) as the pages they render, or None for
    other data: each post's title a heading over its short fields ("Published: ...", tags as
    "Keywords: ...") and its blocks.  Read as records, every block had been one "- 0; ..."
    item, its type and depth and style ranges among its words."""
    posts = data.get("data", data) if isinstance(data, dict) else data
    posts = [p for p in (posts if isinstance(posts, list) else [posts]) if isinstance(p, dict)]
    pages = [_draft_post(p) for p in posts if any(_draft_state(v) for v in p.values()) or _draft_state(p)]
    return "<html><body>\n" + "\n".join(pages) + "\n</body></html>" if pages else None


def _draft_state(value: object) -> list[dict] | None:
    """A raw content state's blocks, else None."""
    if isinstance(value, dict) and "entityMap" in value and isinstance(blocks := value.get("blocks"), list) \
            and blocks and all(isinstance(b, dict) and "text" in b and "type" in b for b in blocks):
        return blocks
    return None


def _draft_post(post: dict) -> str:
    """One post's HTML: its title, its short fields (tags as its keywords) and its blocks.  A
    post whose blocks hold their own headings ("Learning Review: Innes (...)" under the post's
    "New learning review published") has its title as a plain line and its fields after the
    blocks, as a blog shows its tags under the article: the title as a heading over the fields
    had been taken for a review of its own."""
    bodies = [blocks for value in (post, *post.values()) if (blocks := _draft_state(value)) is not None]
    headed = any(str(b.get("type")).startswith("header-") for blocks in bodies for b in blocks)
    title = html.escape(str(post["title"])) if isinstance(post.get("title"), str) else ""
    fields = [line for key, value in post.items()
              if key not in ("title", "type") and key not in _DAST_BOOKKEEPING and not key.startswith("_")
              and (line := _field_line("keywords" if key in ("tags", "tag_names") else key, value))]
    head = ([f"<p>{title}</p>"] if headed else [f"<h1>{title}</h1>", *fields]) if title else fields
    return "\n".join(head + [_draft_blocks(b) for b in bodies] + (fields if headed and title else []))


def _draft_blocks(blocks: list[dict]) -> str:
    """The blocks' HTML, list items of one type gathered into their list."""
    parts = []
    for block in blocks:
        kind = str(block.get("type"))
        words = html.escape(str(block.get("text") or "")).replace("\n", "<br>")
        if kind in _DRAFT_LISTS:
            parts.append((_DRAFT_LISTS[kind], f"<li>{words}</li>"))
        else:
            tag = _DRAFT_TAGS.get(kind)
            parts.append((None, f"<{tag}>{words}</{tag}>" if tag and words.strip() else ""))
    return "\n".join(_lists_gathered(parts))


def _lists_gathered(parts: Iterable[tuple[str | None, str]]) -> list[str]:
    """A document's blocks as HTML in order, each run of items of one list gathered into it:
    each part is (its list's tag, its ``<li>``) or (None, a block's HTML, which ends a run even
    when it is empty).  The one home of this for the editors' JSON read here (Draft.js,
    Notion, Google Docs), whose blocks are flat and say only which list each item is in."""
    out: list[str] = []
    for tag, run in itertools.groupby(parts, key=lambda part: part[0]):
        items = [piece for _, piece in run]
        out += [f"<{tag}>" + "".join(items) + f"</{tag}>"] if tag else [piece for piece in items if piece]
    return out


_NOTION_LISTS = {"bulleted_list_item": "ul", "numbered_list_item": "ol", "to_do": "ul"}
#: Block types whose words are a reader's: a heading's level by its type, or a paragraph's tag.
_NOTION_TAGS = {"heading_1": "h1", "heading_2": "h2", "heading_3": "h3", "paragraph": "p",
                "quote": "blockquote", "callout": "p", "toggle": "p", "template": "p"}
#: Block types that hold no words a reader reads as the page's text (their captions aside).
_NOTION_SILENT = frozenset({"code", "equation", "table_of_contents", "breadcrumb", "link_to_page",
                            "child_database", "unsupported"})


def notion_html(data: object) -> str | None:
    """Blocks of a Notion page as its HTML (session 84: a committee's learning hub, its blocks
    saved from the API's "retrieve block children" response, or a converter's block list), or
    None for other data.  Each block as its type says: a heading its level, consecutive list
    items one list (nested children in place), a table its rows, a divider a rule, a child
    page its title; rich text keeps its bold runs ("**Area:** Aberdeenshire") and line breaks,
    which say what a label is."""
    blocks = _notion_blocks(data)
    if blocks is None:
        return None
    return "<html><body>\n" + _notion_body(blocks) + "\n</body></html>"


def _notion_blocks(data: object) -> list[dict] | None:
    """The blocks of a response (``{"object": "list", "results": [...]}``) or of a bare list, or
    None when any item is not a block (``"object": "block"`` with its ``type``)."""
    if isinstance(data, dict) and data.get("object") == "list":
        data = data.get("results")
    if not (isinstance(data, list) and data and all(
            isinstance(b, dict) and b.get("object") == "block" and isinstance(b.get("type"), str)
            for b in data)):
        return None
    return data


def _notion_body(blocks: list[dict]) -> str:
    """Blocks' HTML in order, consecutive list items of one kind gathered in their list."""
    parts = []
    for block in blocks:
        kind = block["type"]
        body = block.get(kind) if isinstance(block.get(kind), dict) else {}
        tag = _NOTION_LISTS.get(kind)
        parts.append((tag, f"<li>{_notion_text(body.get('rich_text'))}{_notion_children(block, body)}</li>")
                     if tag else (None, _notion_block(kind, body, block)))
    return "\n".join(_lists_gathered(parts))


def _notion_block(kind: str, body: dict, block: dict) -> str:
    """The HTML of one block that is not a list's item (see :func:`notion_html`)."""
    children = _notion_children(block, body)
    if kind in _NOTION_SILENT:
        return ""
    if kind in _NOTION_TAGS:
        tag = _NOTION_TAGS[kind]
        return f"<{tag}>{_notion_text(body.get('rich_text'))}</{tag}>{children}"
    if kind == "divider":
        return "<hr>"
    if kind == "child_page":
        return f"<h2>{html.escape(str(body.get('title') or ''))}</h2>"
    if kind == "table":
        rows = _notion_child_blocks(block, body)
        return html_table([_notion_text(cell) for cell in row["table_row"].get("cells") or []]
                          for row in rows if isinstance(row.get("table_row"), dict))
    if caption := _notion_text(body.get("caption")):  # an image's, a file's, a bookmark's
        return f"<p>{caption}</p>"
    return children  # a column list, a column, a synced block: what they hold


def _notion_child_blocks(block: dict, body: dict) -> list[dict]:
    """A block's children as the page holds them: in its body (a converter's, an append
    request's) or beside it (a dump that fetched them)."""
    children = body.get("children") if isinstance(body.get("children"), list) else block.get("children")
    return [c for c in children or [] if isinstance(c, dict) and isinstance(c.get("type"), str)]


def _notion_children(block: dict, body: dict) -> str:
    """A block's children's HTML, or nothing."""
    children = _notion_child_blocks(block, body)
    return _notion_body(children) if children else ""


def _notion_text(rich: object) -> str:
    """Rich text as HTML: each run's words (``plain_text``, or the ``text`` a request gives),
    a bold run in ``<b>``, a line break ``<br>``."""
    out = []
    for run in rich if isinstance(rich, list) else []:
        if not isinstance(run, dict):
            continue
        words = run.get("plain_text")
        if not isinstance(words, str):
            text = run.get("text")
            words = text.get("content") if isinstance(text, dict) else ""
        words = html.escape(words if isinstance(words, str) else "").replace("\n", "<br>")
        annotations = run.get("annotations")
        bold = isinstance(annotations, dict) and annotations.get("bold") is True
        out.append(f"<b>{words}</b>" if bold and words.strip() else words)
    return "".join(out)


# ------------------------------------------------------------------------------------ Nunjucks

#: Blocks of a template that are not the page's body: the browser tab's title, the head's
#: links and the scripts.
_NJK_SILENT_BLOCKS = frozenset({"pageTitle", "head", "headIcons", "bodyEnd", "scripts", "footer", "header",
                                "skipLink"})
_NJK_OPENING = re.compile(r"{[%#{]")
_NJK_BLOCK = re.compile(r"^-?\s*block\s+(?P<name>\w+)")
_NJK_ENDBLOCK = re.compile(r"{%-?\s*endblock\b.*?%}")
_NJK_SET = re.compile(r"""^-?\s*set\s+(?P<name>\w+)\s*=\s*(?P<q>["'])(?P<value>.*?)(?P=q)""", re.S)
_NJK_CALL = re.compile(r"^-?\s*(?P<macro>\w+)\s*\((?P<args>.*)\)\s*-?$", re.S)
#: Design-system macros that are how a page is navigated, not what it says.
_NJK_CHROME = re.compile(r"^(?:govuk|moj|hmrc|nhsuk)?(?:PhaseBanner|Breadcrumbs|BackLink|SkipLink|Button"
                         r"|Pagination|CookieBanner|Header|Footer|ServiceNavigation|ExitThisPage)$", re.I)


def nunjucks_html(raw: str) -> str:
    """A Nunjucks page template as the HTML it renders, as far as a reader needs: the values
    of ``{% set %}`` variables in place, template tags and comments out, the page-title block
    the page's ``<title>`` (it often alone names the partnership), the head's and scripts'
    blocks left out, and each design-system macro call written as the HTML it stands for
    (:func:`_macro_html`).  Conditions and loops cannot be run without the data the prototype
    was given, so their tags are dropped and what they hold is kept."""
    variables: dict[str, str] = {}
    title: list[str] = []
    body = _rendered(raw, variables, title)
    head = f"<head><title>{''.join(title).strip()}</title></head>" if title else ""
    return f"<html>{head}<body>\n{body}\n</body></html>"


def _rendered(raw: str, variables: dict[str, str], title: list[str]) -> str:
    """The HTML of a template's text (see :func:`nunjucks_html`); ``variables`` and ``title``
    are filled in as the text sets them.

    One pass from left to right: a tag left unclosed ends the template's markup there (the
    rest is kept as text), so no tag is searched for more than once."""
    out: list[str] = []
    at = 0
    endblocks = True  # (once no "{% endblock %}" is left, none is looked for again)
    while opening := _NJK_OPENING.search(raw, at):
        out.append(raw[at:opening.start()])
        kind = opening[0][1]
        close = _output_end(raw, opening.end()) if kind == "{" else raw.find(f"{kind}}}", opening.end())
        if close < 0:
            at = opening.start()
            break
        inner, at = raw[opening.end():close], close + 2
        if kind == "{":
            out.append(_output_html(inner, variables))
        elif kind == "%" and (assigned := _NJK_SET.match(inner)):
            variables[assigned["name"]] = assigned["value"]
        elif kind == "%" and endblocks and (block := _NJK_BLOCK.match(inner)) and (
                block["name"] in _NJK_SILENT_BLOCKS or block["name"] == "pageTitle"):
            if (end := _NJK_ENDBLOCK.search(raw, at)) is None:
                endblocks = False
                continue
            if block["name"] == "pageTitle":
                title.append(_rendered(raw[at:end.start()], variables, []))
            at = end.end()
    out.append(raw[at:])
    return "".join(out)


def _output_end(raw: str, start: int) -> int:
    """Where an output tag (``{{ ... }}``) that opens at ``start`` closes: the first "}}" not
    inside a string or an object literal of its own; -1 when it never closes."""
    depth, quote, i = 0, "", start
    while i < len(raw):
        char = raw[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif char == "}" and raw.startswith("}}", i):
            return i
        i += 1
    return -1


def _output_html(inner: str, variables: dict[str, str]) -> str:
    """What an output tag writes: a macro call its HTML, a variable its value."""
    if call := _NJK_CALL.match(inner):
        if _NJK_CHROME.match(call["macro"]):
            return ""
        return _macro_html(call["macro"], ObjectLiteral(call["args"], variables).parse())
    name = inner.strip(" -\n").split("|")[0].strip()  # (a filter, "| safe", changes no words)
    return html.escape(variables.get(name, ""))


def _macro_html(macro: str, args: object) -> str:
    """A design-system macro's arguments as the HTML it renders: a summary list's rows as a
    table of key and value, a details or accordion section's summary as a heading over its
    content, a table's head and rows, a panel's or banner's title over its text; any other
    macro as its texts, a paragraph each."""
    if not isinstance(args, dict):
        return ""
    if rows := args.get("rows"):
        if isinstance(rows, list) and all(isinstance(r, dict) for r in rows):  # a summary list
            return "<dl>" + "".join(f"<dt>{_words(r.get('key'))}</dt><dd>{_words(r.get('value'))}</dd>"
                                    for r in rows) + "</dl>"
        if isinstance(rows, list):  # a table: rows of cells
            head = args.get("head") if isinstance(args.get("head"), list) else []
            lines = [head, *rows] if head else rows
            return html_table([_words(c) for c in row] for row in lines if isinstance(row, list))
    if isinstance(items := args.get("items"), list) and items and isinstance(items[0], dict) \
            and ("heading" in items[0] or "panel" in items[0]):  # an accordion's or tabs' sections
        return "\n".join(f"<h3>{_words(i.get('heading') or i.get('label'))}</h3>"
                         f"<div>{_words(i.get('content') or i.get('panel'))}</div>"
                         for i in items if isinstance(i, dict))
    title = (_words(args.get("summaryText") or args.get("titleText"))
             or _html(args, "summaryHtml", "titleHtml"))
    body = _words(args)
    return (f"<h3>{title}</h3>" if title else "") + (f"<div>{body}</div>" if body else "")


def _html(args: dict, *names: str) -> str:
    """The first of a macro's HTML arguments it has."""
    return next((args[n] for n in names if isinstance(args.get(n), str)), "")


def _words(value: object) -> str:
    """The HTML of a macro argument: its ``html`` as written, its ``text`` escaped, a plain
    string escaped."""
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, dict):
        if isinstance(value.get("html"), str):
            return value["html"]
        if isinstance(value.get("text"), str):
            return html.escape(value["text"])
    return ""


# ------------------------------------------------------------------ Google Docs (documents.get)

#: A Docs paragraph's named style as the element a reader sees it as: the title above the
#: headings, each heading a level below it.
_DOCS_STYLES = {"TITLE": "h1", "HEADING_1": "h2", "HEADING_2": "h3", "HEADING_3": "h4",
                "HEADING_4": "h5", "HEADING_5": "h6", "HEADING_6": "h6"}


def google_doc_html(data: object) -> str | None:
    """A Google Docs API ``documents.get`` response as the document's HTML, or None when the data
    is none: each paragraph of ``body.content`` by its named style (TITLE, HEADING_n, a list's
    item by its ``bullet``), a table by its rows (each cell's paragraphs its text), a section
    break nothing.  The response's indices, styles, list glyphs and revision are bookkeeping:
    read as plain JSON they became "Start index: 396" records taken for reviews."""
    if not (isinstance(data, dict) and "documentId" in data and isinstance(data.get("body"), dict)):
        return None
    lists = data.get("lists") if isinstance(data.get("lists"), dict) else {}
    out = [f"<title>{html.escape(str(data.get('title') or ''))}</title>"]
    out += _docs_content(data["body"].get("content") or [], lists)
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def _docs_content(content: list, lists: dict) -> list[str]:
    """The HTML of a run of structural elements; a list's consecutive items one list."""
    parts: list[tuple[str | None, str]] = []
    for element in content:
        if not isinstance(element, dict):
            continue
        paragraph = element.get("paragraph")
        bullet = paragraph.get("bullet") if isinstance(paragraph, dict) else None
        kind = _docs_list_kind(bullet, lists) if isinstance(bullet, dict) else None
        if isinstance(paragraph, dict):
            text = html.escape(_docs_text(paragraph).strip())
            style = (paragraph.get("paragraphStyle") or {}).get("namedStyleType", "")
            tag = _DOCS_STYLES.get(style, "p")
            parts.append((kind, f"<li>{text}</li>") if kind
                         else (None, f"<{tag}>{text}</{tag}>" if text else ""))
        elif isinstance(element.get("table"), dict):
            parts.append((None, _docs_table(element["table"])))
        else:
            parts.append((None, ""))  # (a section break: no words, but a list before it ends)
    return _lists_gathered(parts)


def _docs_table(table: dict) -> str:
    """A table's HTML, each cell's paragraphs joined."""
    return html_table([[" ".join(_docs_text(p["paragraph"]).strip() for p in cell.get("content") or []
                                 if isinstance(p, dict) and isinstance(p.get("paragraph"), dict))
                        for cell in row.get("tableCells") or []]
                       for row in table.get("tableRows") or [] if isinstance(row, dict)])


def _docs_text(paragraph: dict) -> str:
    """A paragraph's words: its text runs (a vertical tab is a line break within it)."""
    return "".join(str((e.get("textRun") or {}).get("content") or "") for e in paragraph.get("elements") or []
                   if isinstance(e, dict)).replace("\v", "\n")


def _docs_list_kind(bullet: dict, lists: dict) -> str:
    """"ol" for a numbered list (its level's glyph is a number or letter type), else "ul"."""
    props = (lists.get(bullet.get("listId")) or {}).get("listProperties") or {}
    levels = props.get("nestingLevels") or [{}]
    level = levels[min(int(bullet.get("nestingLevel") or 0), len(levels) - 1)]
    glyph = level.get("glyphType", "") if isinstance(level, dict) else ""
    return "ol" if glyph and glyph not in ("GLYPH_TYPE_UNSPECIFIED", "NONE") else "ul"
