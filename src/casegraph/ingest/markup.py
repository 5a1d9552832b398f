"""Five source languages an analyst or a communications team writes pages in, as Markdown: a
Typst document (``.typ``: a digest typeset to PDF), a Mermaid diagram (``.mmd``: a review's
timeline or a pathway drawn for a briefing), an MDX page (``.mdx``: a documentation site's
page, Docusaurus's or Next.js's, Markdown with components in it), an AsciiDoc document
(``.adoc``: a handbook chapter, an analysts' log) and (session 78) Palm Markup Language
(``.pml``, and inside calibre's ``.pmlz``: a training handout made an eReader book).

Why a module of their own: none is markup the page reader passes over (as it passes over
Org's or reStructuredText's few characters): Typst wraps its words in function calls and
brackets (``#block(fill: ...)[...]``, ``#table(columns: 4, [a], [b], ...)``), Mermaid puts them
in a diagram's statements (``2019 : an event``, ``A[label] --> B``), MDX in components'
attributes (``<ReviewMeta published="2023-09-14" />``) between import lines, and AsciiDoc marks
a part's heading with a leading dot (``.Key learning``) and an ordered item with one
(``. See the child``), and PML writes every mark as a backslash code (``\\X0`` a chapter's
heading, ``\\B`` bold, ``\\a150`` an en dash), so read as text their headings and items are
lost.  These functions only unwrap, to Markdown, which
:func:`casegraph.ingest.sources.markdown_to_text` then reads as any page.
"""

from __future__ import annotations

import re

#: A Typst line that only sets up the document: a rule, an import, a variable, a comment.
_TYPST_SETUP = re.compile(r"^\s*(?:#(?:set|show|import|include|let|pagebreak|v|outline)\b|//)")
#: A Typst function called in the text: "#text(size: 20pt)", "#h(1fr)", "#strong".
_TYPST_CALL = re.compile(r"#([A-Za-z][\w.-]*)")


def typst_markdown(raw: str) -> str:
    """A Typst document as Markdown: "= Title" headings are "# Title", "- " and "+ " list items
    bullets, a function's content block (``#block(...)[words]``) its words, a table's cells a
    pipe table (its column count from ``columns:``), ``*strong*`` and ``_emphasis_`` their words;
    set-up lines, comments and calls with no content (``#h(1fr)``) are not the page's words."""
    body = "\n".join(line for line in raw.replace("\r\n", "\n").split("\n")
                     if not _TYPST_SETUP.match(line))
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)  # block comments
    text = _typst_content(body)
    out: list[str] = []
    for line in text.split("\n"):
        if m := re.match(r"^\s*(=+)\s+(.*)$", line):
            line = f"{'#' * len(m[1])} {m[2]}"
        elif m := re.match(r"^(\s*)\+\s+(.*)$", line):
            line = f"{m[1]}1. {m[2]}"
        line = re.sub(r"(?<![\w\\])[*_]([^*_\n]+)[*_](?!\w)", r"\1", line).replace("\\", "")
        if out and out[-1].strip() and line.strip() and not _TYPST_BLOCK_START.match(line) \
                and not re.match(r"^\s*(?:#|\|)", out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"  # (a line break in a paragraph is a space)
        else:
            out.append(line)
    return "\n".join(out) + "\n"


#: A line that starts a block of its own in Typst's output: a heading, a list's item, a table's row.
_TYPST_BLOCK_START = re.compile(r"^\s*(?:#|-\s|\d+\.\s|\|)")


def _typst_content(text: str) -> str:
    """``text`` with each function call replaced by the words it shows."""
    out: list[str] = []
    i = 0
    while (m := _TYPST_CALL.search(text, i)) is not None:
        if m.start() and text[m.start() - 1] == "\\":  # "\#": a hash sign of the text
            out.append(text[i:m.end()])
            i = m.end()
            continue
        out.append(text[i:m.start()])
        name, j = m[1], m.end()
        args = ""
        if j < len(text) and text[j] == "(":
            end = _closing(text, j, "(", ")")
            args, j = text[j + 1:end], end + 1
        shown = ""
        if name == "table":
            shown = _typst_table(args)
        elif name == "linebreak":
            shown = "\n"
        elif m2 := re.search(r'(?:^|,)\s*(?:body|title)?\s*:?\s*"([^"]*)"\s*$', args):
            shown = m2[1] if name in ("link", "text", "heading", "strong", "emph") else ""
        while j < len(text) and text[j] == "[":  # the content block(s) after the call
            end = _closing(text, j, "[", "]")
            shown += _typst_content(text[j + 1:end])
            j = end + 1
        out.append(shown)
        i = j
    out.append(text[i:])
    return "".join(out)


def _closing(text: str, at: int, opener: str, closer: str) -> int:
    """The index of the bracket closing the one at ``at`` (strings and nested brackets
    skipped); the text's end when it is never closed, so that a slip loses no words."""
    depth, i, quoted = 0, at, False
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == '"' and opener == "(":
            quoted = not quoted
        elif not quoted and ch == opener:
            depth += 1
        elif not quoted and ch == closer:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def _typst_table(args: str) -> str:
    """A Typst table's cells (``[a], [b], ...``) as a Markdown pipe table."""
    cells, i = [], 0
    while (at := args.find("[", i)) != -1:
        end = _closing(args, at, "[", "]")
        cells.append(" ".join(_typst_content(args[at + 1:end]).split()).replace("|", "/"))
        i = end + 1
    columns = re.search(r"columns:\s*(?:(\d+)|\(([^)]*)\))", args)
    width = (int(columns[1]) if columns and columns[1] else
             len([c for c in columns[2].split(",") if c.strip()]) if columns else 1) or 1
    rows = [cells[k:k + width] for k in range(0, len(cells), width)]
    if not rows:
        return ""
    return "\n\n" + "\n".join(pipe_table(rows, width)) + "\n\n"


def pipe_table(rows: list[list[str]], width: int) -> list[str]:
    """Rows of cell texts as a Markdown pipe table's lines, the first row its header (the one
    home of this layout, for every reader that turns a table into Markdown)."""
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return [lines[0], "|" + "---|" * width, *lines[1:]]


#: A Mermaid node's label in its shape: "A[label]", "B(label)", "C((label))", "D{label}",
#: 'E["label"]', "F>label]", "G[/label/]".
_MERMAID_NODE = re.compile(r"\b[\w-]+\s*(?:\(\(|\[\[|\[\(|\(\[|\{\{|\[/|\[\\|\(|\[|\{|>)\s*\"?"
                           r"(?P<label>[^\])}\"]+?)\"?\s*(?:\)\)|\]\]|\)\]|\]\)|\}\}|/\]|\\\]|\)|\]|\})")


def mermaid_markdown(raw: str) -> str:
    """A Mermaid diagram as Markdown: its title a heading, a timeline's or journey's sections
    headings and their events "- " points ("2019 : placed on the register" is "- 2019: placed on
    the register"), a mind map's topics an outline, a flowchart's node labels its lines; comments
    ("%%"), styles and arrows are the drawing, not its words."""
    lines = [line for line in raw.replace("\r\n", "\n").split("\n")
             if line.strip() and not line.strip().startswith("%%")]
    if not lines:
        return ""
    kind = lines[0].split()[0].lower()
    if kind == "mindmap":
        return _mermaid_mindmap(lines[1:])
    out: list[str] = []
    for line in lines[1:]:
        said = line.strip()
        if m := re.match(r"^(?:title|accTitle:?)\s+(.*)$", said):
            out += ["", f"# {m[1]}", ""]
        elif m := re.match(r"^section\s+(.*)$", said):
            out += ["", f"## {m[1]}", ""]
        elif re.match(r"^(?:classDef|class|style|linkStyle|click|direction|dateFormat|axisFormat|"
                      r"excludes|todayMarker|accDescr)\b", said) or said in ("end",):
            continue
        elif kind in ("timeline", "journey", "gantt") and ":" in said:
            head, _, rest = said.partition(":")
            events = [e.strip() for e in rest.split(":") if e.strip()]
            if kind != "timeline":  # a journey's score and actors, a gantt's dates: not words
                events = []
            out.append(f"- {head.strip()}: {'; '.join(events)}" if events else f"- {head.strip()}")
        elif kind == "timeline" and out and out[-1].startswith("- ") and said.startswith(":"):
            out[-1] += "; " + "; ".join(e.strip() for e in said.split(":") if e.strip())
        else:
            labels = [m["label"].strip() for m in _MERMAID_NODE.finditer(said)]
            labels += [t.strip() for t in re.findall(r"\|([^|]+)\|", said)]
            if m := re.match(r"^(?:note\s+\w+\s+of\s+\w+|[\w-]+\s*-[->x)]+\+?\s*[\w-]+)\s*:\s*(.*)$", said):
                labels.append(m[1])  # a sequence diagram's message, a note
            if labels:
                out += ["", *labels]
            elif kind not in ("flowchart", "graph", "sequencediagram", "statediagram",
                              "statediagram-v2", "classdiagram"):
                out += ["", said]
    return "\n".join(out).strip() + "\n"


def _mermaid_mindmap(lines: list[str]) -> str:
    """A Mermaid mind map (topics by indent) as an outline: its root the title, a topic with
    subtopics a heading, a last topic a "- " point."""
    def label(line: str) -> str:
        said = line.strip()
        m = _MERMAID_NODE.match(said)
        return m["label"].strip() if m else re.sub(r"^::icon\([^)]*\)\s*", "", said)

    depths = [len(line) - len(line.lstrip()) for line in lines]
    out: list[str] = []
    for k, line in enumerate(lines):
        said = label(line)
        if not said or said.startswith("::icon"):
            continue
        has_children = k + 1 < len(lines) and depths[k + 1] > depths[k]
        out += ["", f"# {said}" if k == 0 else f"## {said}", ""] if k == 0 or has_children \
            else [f"- {said}"]
    return "\n".join(out).strip() + "\n"


#: MDX's module lines ("import X from '...';", "export const meta = {...}"): code, not words.
_MDX_MODULE = re.compile(r"^(?:import|export)\b")
#: An MDX comment, "{/* ... */}".
_MDX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.S)
#: A component's tag (a capitalised name, as JSX tells components from HTML): "<Details
#: summary="Recommendations (4)">", "</Details>", "<ReviewMeta type="..." />".
_JSX_TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Z][\w.]*)(?P<attrs>(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|"
                      r"'[^']*'|\{[^{}]*\}))?)*)\s*/?>")
#: A component's attribute with words for a value: name="value", name='value', name={"value"}.
_JSX_ATTRIBUTE = re.compile(r"(?P<name>[\w:-]+)\s*=\s*(?:\"(?P<d>[^\"]*)\"|'(?P<s>[^']*)'|"
                            r"\{\s*[\"'`](?P<b>[^\"'`]*)[\"'`]\s*\})")
#: Attributes that steer a component rather than say something: links, styles, keys.
_JSX_STEERING = frozenset({"href", "src", "to", "id", "class", "classname", "style", "key", "icon",
                           "variant", "size", "color", "target", "rel", "alt", "open"})
#: The kinds of a callout box ("<Admonition type="info">", ":::note"): its look, not its words.
_ADMONITIONS = frozenset({"note", "tip", "info", "warning", "danger", "caution", "important", "success",
                          "secondary"})
#: Attributes whose value is the component's own caption, shown as a line of its own.
_JSX_CAPTION = ("summary", "title", "heading", "label")


def mdx_markdown(raw: str) -> str:
    """An MDX page as Markdown: its import and export lines and ``{/* comments */}`` go; a
    component's tag alone on its line becomes its caption ("<Details summary="Recommendations
    (4)">" is the line "**Recommendations (4)**") and its other attributes labelled lines
    ("Published: 2023-09-14"), as a rendered page shows them; a tag inside a line goes and its
    words stay; an admonition's ":::note" fences go, its title stays."""
    text = _MDX_COMMENT.sub("", raw.replace("\r\n", "\n"))
    out: list[str] = []
    depth = 0  # (inside a module line's braces: "export const meta = {" ... "}")
    for line in text.split("\n"):
        if depth or _MDX_MODULE.match(line):
            depth = max(0, depth + line.count("{") - line.count("}"))
            continue
        if m := re.match(r"^\s*:::\s*\w*\s*(?P<title>.*)$", line):  # (":::tip[Title]" too)
            title = m["title"].strip().strip("[]").strip()
            out.append(f"**{title}**" if title else "")
        elif (tag := _JSX_TAG.fullmatch(line.strip())) is not None:
            out += _component_lines(tag)
        else:
            out.append(_JSX_TAG.sub("", line))
    return "\n".join(out)


def _component_lines(tag: re.Match[str]) -> list[str]:
    """The lines a component's tag alone on its line shows: its caption, then its other
    attributes with words as labelled lines (none for a closing tag)."""
    if tag["close"]:
        return [""]
    values = {m["name"].lower(): (m["d"] if m["d"] is not None else m["s"] if m["s"] is not None
                                  else m["b"] or "").strip()
              for m in _JSX_ATTRIBUTE.finditer(tag["attrs"] or "")}
    words = {k: v for k, v in values.items() if k not in _JSX_STEERING and v.lower() not in _ADMONITIONS
             and re.search(r"[A-Za-z0-9]", v) and not re.match(r"^(?:/|https?:)", v)}
    caption = next((words[k] for k in _JSX_CAPTION if k in words), None)
    lines = [f"**{caption}**"] if caption else []
    lines += [f"{k.replace('_', ' ').capitalize()}: {v}" for k, v in words.items() if k not in _JSX_CAPTION]
    return ["", *lines, ""] if lines else [""]


# ------------------------------------------------------------------------------------ AsciiDoc

#: AsciiDoc lines that set a document up and are no words of it: attribute entries
#: (":toc: left"), block attribute lines ("[horizontal]", "[NOTE]", "[cols="1,3"]"), comments,
#: and block macros that draw a picture or include another file.
_ADOC_SETUP = re.compile(r"^(?::[\w-]+!?:.*|\[[^\]\n]*\]|//(?!/).*|(?:image|include|toc|video|audio)::.*)$")
#: The lines that open and close a delimited block (an example, a sidebar, a quote, a listing,
#: an open block): the block's words stay, its delimiters go.
_ADOC_DELIMITER = re.compile(r"^(?:={4,}|\*{4,}|_{4,}|-{4,}|\.{4,}|\+{4,}|--)$")
#: A block's title: "." then words ("\.Key learning"), not an ordered item (". See the child").
_ADOC_BLOCK_TITLE = re.compile(r"^\.(?=[^\s.])(?P<title>.+)$")
_ADOC_HEADING = re.compile(r"^(?P<level>={1,6})\s+(?P<title>.+?)\s*=*$")
_ADOC_ORDERED = re.compile(r"^(?P<dots>\.{1,5})\s+(?P<item>.+)$")
_ADOC_BULLET = re.compile(r"^(?P<stars>\*{1,5}|-)\s+(?P<item>.+)$")
#: A paragraph opening with a strong sentence of its own ("*What this tells us.* ..."): a run-in
#: heading, as a printed handbook sets its parts.
_ADOC_RUN_IN = re.compile(r"^\*(?P<head>[^*\n]{2,60}?)[.:]\*(?:\s+(?P<rest>.*))?$")
_ADOC_LABELLED = re.compile(r"^(?P<term>[^:\n]{1,60}?)(?::{2,4}|;;)(?:\s+(?P<value>.*))?$")
#: Inline macros and cross references, as the words a reader sees ("link:url[the report]",
#: "https://example.org[the report]", "<<ref,the report>>").
#: (A target is at most 500 characters: a long line of "https://" without a "[" is then read in
#: time that grows with its length, not its square.)
_ADOC_LINK = re.compile(r"(?:link:|mailto:|https?://)[^\s\[]{0,500}\[(?P<text>[^\]]*)\]"
                        r"|<<[^,>]{0,200},\s*(?P<xref>[^>]+)>>")


def asciidoc_markdown(raw: str) -> str:
    """An AsciiDoc document (``.adoc``: a handbook chapter, an analysts' log) as Markdown:
    headings ("== Infants") and block titles (".Key learning", ".Case study 4.1 – CMR: Baby N")
    are headings, ordered items (". See the child") numbered, nested bullets bullets, a
    labelled list's "Published:: September 2022" the line "Published: September 2022", a
    table's cells a pipe row each row; attribute entries, block attributes, comments, block
    delimiters and pictures are not the document's words.  Block comments (``////``) are left
    out whole."""
    out: list[str] = []
    in_comment = in_table = False
    for line in raw.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith("////"):
            in_comment = not in_comment
            continue
        if in_comment or _ADOC_SETUP.match(stripped):
            continue
        if stripped.startswith("|==="):
            in_table = not in_table
            out.append("")
            continue
        if in_table:
            cells = [c.strip() for c in stripped.split("|")[1:]] if stripped.startswith("|") else []
            out.append("| " + " | ".join(cells) + " |" if cells else "")
            continue
        out.append(_asciidoc_line(stripped, line))
    return "\n".join(out).strip() + "\n"


def _asciidoc_line(stripped: str, line: str) -> str:
    """One line of an AsciiDoc document's text as Markdown (see :func:`asciidoc_markdown`)."""
    if _ADOC_DELIMITER.match(stripped) or stripped == "+":
        return ""  # (a list item's continuation "+" and a block's fences)
    if m := _ADOC_HEADING.match(stripped):
        return f"{'#' * len(m['level'])} {_adoc_inline(m['title'])}"
    if m := _ADOC_BLOCK_TITLE.match(stripped):
        return f"\n### {_adoc_inline(m['title'])}\n"
    if m := _ADOC_ORDERED.match(stripped):
        return f"{'   ' * (len(m['dots']) - 1)}1. {_adoc_inline(m['item'])}"
    if m := _ADOC_BULLET.match(stripped):
        return f"{'  ' * (len(m['stars']) - 1)}- {_adoc_inline(m['item'])}"
    if m := _ADOC_RUN_IN.match(stripped):  # "*What happened.* Baby N ...": a run-in heading
        return f"{m['head']}: {_adoc_inline(m['rest'] or '')}".rstrip()
    if (m := _ADOC_LABELLED.match(stripped)) and not line.startswith(" "):
        value = _adoc_inline(m["value"] or "")
        return f"{m['term'].strip()}: {value}" if value else f"{m['term'].strip()}:"
    return _adoc_inline(line.rstrip())


def _adoc_inline(text: str) -> str:
    """A line's words: links their text, "*strong*" its Markdown, "_emphasis_" and "`code`"
    their words."""
    text = _ADOC_LINK.sub(lambda m: m["text"] or m["xref"] or "", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"**\1**", text)
    return re.sub(r"(?<![\w`])[_`](?=\S)([^_`\n]+?)(?<=\S)[_`](?!\w)", r"\1", text)


# ------------------------------------------------------------------- Palm Markup Language
#: Hidden text (``\v...\v``: a writer's note), a chapter heading (``\x...\x`` the chapter's
#: title, ``\X0...\X0`` to ``\X4...\X4`` its levels) and a character by its number (``\a150``
#: in Windows-1252, ``\U2014`` in Unicode).
_PML_HIDDEN = re.compile(r"\\v.*?\\v", re.S)
_PML_HEADING = re.compile(r"\\(?P<code>x|X[0-4])(?P<words>.*?)\\(?P=code)", re.S)
_PML_CHARACTER = re.compile(r"\\a(?P<windows>\d{3})|\\U(?P<unicode>[0-9A-Fa-f]{4})")
#: A horizontal rule (``\w="50%"``), and every other code: those with a value (an indent, an
#: image, a link's target, an anchor, a chapter's hidden title, a footnote's or sidebar's link)
#: and the formatting ones (page break, centring, italic, underline, sizes, small capitals, a
#: soft hyphen, superscript, subscript, a link's end).
_PML_RULE = re.compile(r'\\w="[^"\n]*"')
_PML_CODE = re.compile(r'\\(?:[TmqQ]|C[0-4]|Fn|Sd)="[^"\n]*"'
                       r"|\\(?:X[0-4]|C[0-4]|Sp|Sb|Fn|Sd|[pxcrtiuobBlnskq-])")
#: A footnote's or sidebar's block at the book's end.
_PML_NOTE_TAG = re.compile(r"</?(?:footnote|sidebar)\b[^>]*>")


def pml_markdown(raw: str) -> str:
    """(session 78) Palm Markup Language as Markdown: a chapter's ``\\x`` or ``\\Xn`` heading a
    "#" heading of its level, bold (``\\B``, a label: "Published:") strong, numbered characters
    themselves, every other code (italic, page breaks, centring, images, links' targets) gone,
    and hidden text with it.  Each line is a paragraph: PML breaks a line where its file does
    (calibre writes a paragraph a line)."""
    text = raw.replace("\r\n", "\n").replace("\\\\", "\0")  # (an escaped backslash, put back last)
    text = _PML_HIDDEN.sub("", text)
    text = _PML_CHARACTER.sub(_pml_character, text)
    text = _PML_HEADING.sub(_pml_heading, text)
    text = _PML_RULE.sub("\n\n---\n\n", text).replace("\\B", "**")
    text = _PML_NOTE_TAG.sub("\n", _PML_CODE.sub("", text)).replace("\0", "\\")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line and line != "****") + "\n"


def _pml_character(m: re.Match[str]) -> str:
    """A numbered character: ``\\a`` in Windows-1252 (PML's own), ``\\U`` in Unicode."""
    if m["unicode"]:
        return chr(int(m["unicode"], 16))
    return bytes([int(m["windows"]) % 256]).decode("cp1252", "replace")


def _pml_heading(m: re.Match[str]) -> str:
    """A chapter's heading as a Markdown heading of its level (``\\x`` and ``\\X0`` the top)."""
    level = 1 if m["code"] == "x" else int(m["code"][1]) + 1
    words = " ".join(_PML_CODE.sub("", m["words"]).split())  # (its bold, \\B, a code too)
    return f"\n\n{'#' * level} {words}\n\n" if words else "\n\n"
