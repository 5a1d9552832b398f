"""Pages kept in an authoring tool's own source format, as Markdown (or, for an e-mail design,
HTML) that :mod:`casegraph.ingest.sources` then reads as any page:

- LyX (``.lyx``: a researcher's working paper), whose paragraphs are ``\\begin_layout`` blocks;
- Fountain (``.fountain``: the script of a learning film), whose lines are scene headings,
  action, character cues and dialogue;
- Twee (``.twee``: a Twine e-learning scenario), whose passages hold text, macros and links;
- MJML (``.mjml``: a newsletter built in an e-mail designer), whose ``mj-text`` blocks hold HTML;
- JSON Canvas (``.canvas``: an Obsidian board of notes), whose text nodes hold Markdown;
- a Roam Research graph's JSON export (a reading group's notes), whose pages are outlines of
  blocks, some of them ``Key:: value`` attributes.

Why a module of their own: none is markup the page reader can pass over.  Each puts the page's
words between the tool's own structure (LyX's layout commands, a script's cues, a story's
links), and each also holds words that are not the page's: LyX's notes, a script's scene
headings and synopses, a scenario's choices.  These functions keep the words a reader of the
finished paper, film, course or e-mail would read, and leave the rest out.
"""

from __future__ import annotations

import json
import re

from casegraph.ingest.markup import pipe_table

# ------------------------------------------------------------------------------------------ LyX

#: LyX layouts that are headings, by their Markdown depth (a paper's title the page's).
_LYX_HEADINGS = {"Title": 1, "Part": 2, "Chapter": 2, "Section": 2, "Section*": 2, "Subsection": 3,
                 "Subsection*": 3, "Subsubsection": 4, "Subsubsection*": 4, "Paragraph": 5}
#: LyX layouts that are list items.
_LYX_ITEMS = {"Itemize": "-", "Enumerate": "1.", "Description": "-", "List": "-"}
#: Insets whose words are not in the running text: notes (never printed), footnotes and margin
#: notes (asides that would otherwise split a paragraph), index entries, cross-references,
#: citations and labels (LyX's own commands), and maths.
_LYX_ASIDES = ("Note", "Foot", "Marginal", "Index", "CommandInset", "Formula", "ERT", "Info")
#: LyX's typographic quote insets ("Quotes eld": English left double) and special characters.
_LYX_QUOTE = re.compile(r"^\\begin_inset Quotes \w\w(?P<kind>[ds])")
_LYX_SPECIAL = {"ldots": "…", "menuseparator": " > ", "textcompwordmark": "", "nobreakdash": "-",
                "slash": "/", "LyX": "LyX", "TeX": "TeX", "LaTeX": "LaTeX", "LaTeX2e": "LaTeX2e"}


def lyx_markdown(raw: str) -> str:
    """A LyX document as Markdown: heading layouts headings, list layouts items, every other
    layout (standard text, abstract, author, date, quotation, caption) a paragraph, a table a
    pipe table.  LyX wraps a paragraph's words over lines that keep their trailing spaces, so
    lines are joined as they are; character styles (``\\emph on``) and asides are left out."""
    lines = raw.replace("\r\n", "\n").split("\n")
    start = lines.index("\\begin_body") + 1 if "\\begin_body" in lines else 0
    out: list[str] = []
    layouts: list[tuple[str, list[str]]] = []  # open layouts, innermost last, with their words
    insets: list[str] = []
    table: list[list[str]] | None = None
    cell: list[str] | None = None
    for line in lines[start:]:
        word = line.split(" ", 1)
        if line.startswith("\\begin_inset "):
            insets.append(word[1].split(" ", 1)[0] if len(word) > 1 else "")
            if (quote := _LYX_QUOTE.match(line)) and layouts and not _in_aside(insets[:-1]):
                layouts[-1][1].append('"' if quote["kind"] == "d" else "'")
            elif line.startswith("\\begin_inset Newline") and layouts:
                layouts[-1][1].append(" ")
        elif line == "\\end_inset":
            if insets and insets[-1] in _LYX_ASIDES and layouts:
                layouts[-1][1].append(" ")  # (an aside between two sentences leaves their space)
            insets = insets[:-1]
        elif _in_aside(insets):
            continue
        elif line.startswith("\\begin_layout "):
            layouts.append((line.split(" ", 1)[1].strip(), []))
        elif line == "\\end_layout" and layouts:
            name, words = layouts.pop()
            text = " ".join("".join(words).split())
            if cell is not None:
                cell.append(text)
            elif text:
                out += _lyx_block(name, text, out)
        elif line.startswith("<lyxtabular"):
            table = []
        elif line.startswith("<row") and table is not None:
            table.append([])
        elif line.startswith("<cell"):
            cell = []
        elif line.startswith("</cell>") and table and cell is not None:
            table[-1].append(" ".join(cell).replace("|", "/"))
            cell = None
        elif line.startswith("</lyxtabular>") and table is not None:
            out += ["", *_pipe_table(table), ""]
            table = None
        elif line.startswith("\\SpecialChar ") and layouts:
            layouts[-1][1].append(_LYX_SPECIAL.get(line.split(" ", 1)[1].strip(), ""))
        elif line.startswith("\\backslash") and layouts:
            layouts[-1][1].append("\\")
        elif line.startswith(("\\", "<")) or not layouts:
            continue  # a character style, a table's features, a header line
        else:
            layouts[-1][1].append(line)
    return "\n".join(out).strip() + "\n"


def _in_aside(insets: list[str]) -> bool:
    return any(kind in _LYX_ASIDES for kind in insets)


def _lyx_block(layout: str, text: str, out: list[str]) -> list[str]:
    """One finished LyX layout as Markdown lines (a list's items kept together)."""
    if (depth := _LYX_HEADINGS.get(layout)) is not None:
        return ["", f"{'#' * depth} {text}", ""]
    if (bullet := _LYX_ITEMS.get(layout)) is not None:
        if bullet == "1." and out and (m := re.match(r"^(\d+)\. ", out[-1])):
            bullet = f"{int(m[1]) + 1}."  # (LyX numbers a list's items itself)
        return [f"{bullet} {text}"]
    if out and out[-1] and re.match(r"^(?:-|\d+\.) ", out[-1]):
        return ["", text, ""]  # (a paragraph after a list is no item of it)
    return [text, ""]


def _pipe_table(rows: list[list[str]]) -> list[str]:
    """Rows as a Markdown pipe table (markup.pipe_table), the first row its header, the empty
    rows left out and the short ones padded to the widest."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    return pipe_table([row + [""] * (width - len(row)) for row in rows], width)


# ------------------------------------------------------------------------------------- Fountain

#: A Fountain title page's key ("Title:", "Draft date:") at a line's start.
_FOUNTAIN_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,30}):\s*(?P<value>.*)$")
#: A scene heading ("INT. HOUSE - NIGHT", "EXT/INT.", a forced ".GARDEN"): where, not what.
_SCENE = re.compile(r"^(?:(?:INT|EXT|EST|INT\.?/EXT|I/E)[. ]|\.(?=[A-Z]))", re.I)
#: A transition ("CUT TO:", "FADE IN:", "FADE OUT.", a forced "> FADE") or a character cue
#: ("NARRATOR (V.O.)", "POLICE OFFICER 1", a forced "@Mum").
_TRANSITION = re.compile(r"^(?:[A-Z ]+TO:|FADE (?:IN|OUT)[:.]?|>(?!.*<\s*$).*)$")
_CUE = re.compile(r"^(?:@\S.*|[A-Z][A-Z0-9 .'’-]*(?:\s*\([^)]*\))*\s*\^?)$")
#: Emphasis marks (``*italic*``, ``**bold**``, ``_underline_``) around words.
_FOUNTAIN_EMPHASIS = re.compile(r"(?<![\w\\])(\*{1,3}|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def fountain_markdown(raw: str) -> str:
    """A Fountain screenplay as Markdown: its title page's title a heading and its other keys
    lines ("Source: Based on the review about Child D ..."), sections headings, action and
    dialogue paragraphs, centred text (``> LEARNING 1 <``) its words.  Scene headings, synopses
    (``= ...``), transitions, character cues, parentheticals, notes (``[[...]]``) and the
    boneyard (``/* ... */``) are the film's directions, not what the audience hears or reads."""
    text = _without(_without(raw.replace("\r\n", "\n"), "/*", "*/"), "[[", "]]")
    title, body = _fountain_title_page(text)
    out = title
    for block in re.split(r"\n\s*\n", body):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if re.match(r"^#+\s", lines[0]):
            out += [f"#{lines[0]}", ""]
            lines = lines[1:]
        if lines and _CUE.match(lines[0]) and len(lines) > 1 and not _SCENE.match(lines[0]):
            lines = [line for line in lines[1:] if not re.match(r"^\(.*\)$", line)]
        words = [_fountain_line(line) for line in lines]
        if paragraph := " ".join(w for w in words if w):
            out += [paragraph, ""]
    return "\n".join(out).strip() + "\n"


#: The keys a title page starts with (a script without one starts with its action).
_TITLE_KEYS = frozenset({"title", "credit", "author", "authors", "source"})


def _fountain_title_page(text: str) -> tuple[list[str], str]:
    """The title page's lines as Markdown, and the script after it (a script without one whole)."""
    head, _, rest = text.lstrip("\n").partition("\n\n")
    first = head.split("\n", 1)[0]
    if not (m := _FOUNTAIN_KEY.match(first)) or m["key"].lower() not in _TITLE_KEYS:
        return [], text
    out: list[str] = []
    for line in head.split("\n"):
        if (m := _FOUNTAIN_KEY.match(line)) and not line.startswith((" ", "\t")):
            value = _FOUNTAIN_EMPHASIS.sub(r"\2", m["value"]).strip()
            out.append(f"# {value}" if m["key"].lower() == "title" and value else f"{m['key']}: {value}")
        elif line.strip() and out:
            out[-1] = f"{out[-1]} {line.strip()}".replace(":  ", ": ")
    return [*(line for line in out for line in (line, "")), ""], rest


def _without(text: str, opening: str, closing: str) -> str:
    """``text`` without its spans from ``opening`` to ``closing`` (a script's boneyard and notes,
    a story's links), in one pass: a span left open keeps the rest of the text as it is, so that
    a page full of unclosed marks costs no more than its length."""
    out: list[str] = []
    at = 0
    while (start := text.find(opening, at)) != -1:
        end = text.find(closing, start + len(opening))
        if end == -1:
            break
        out.append(text[at:start])
        at = end + len(closing)
    out.append(text[at:])
    return "".join(out)


def _fountain_line(line: str) -> str:
    """One line of a script as the words the audience gets, or "" for a direction."""
    if line.startswith("=") and not line.startswith("==="):
        return ""  # a synopsis: the writer's note on a section
    if line == "===" or _SCENE.match(line) or _TRANSITION.match(line):
        return ""
    if m := re.match(r"^>\s*(.*?)\s*<$", line):
        line = m[1]  # centred text
    line = line.lstrip("!~").strip()
    return _FOUNTAIN_EMPHASIS.sub(r"\2", line)


#: (session 86) A Final Draft paragraph's types that are the film's directions, as a Fountain
#: script's scene headings and transitions are (:func:`fountain_markdown` leaves them out).
_FDX_DIRECTIONS = frozenset({"Scene Heading", "Transition", "Shot", "Cast List"})


def final_draft_fountain(raw: str) -> str:
    """(session 86) A Final Draft script (``.fdx``: a training team's learning film, as Final
    Draft, screenplain and Fade In write it) as the Fountain it says the same as, so that one
    set of rules reads every script (:func:`fountain_markdown`): a character's cue, its
    parentheticals and its dialogue one block, action a forced paragraph (``!``), centred
    action (a title card) centred text, directions left out.  Raises ValueError for XML that
    is no Final Draft document."""
    import xml.etree.ElementTree as ET

    from casegraph.ingest.binaries import refuse_declarations

    refuse_declarations(raw, "a Final Draft script")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from None
    content = root.find("Content")
    if root.tag != "FinalDraft" or content is None:
        raise ValueError("no FinalDraft document with a Content element")
    blocks: list[list[str]] = []
    for paragraph in content.iter("Paragraph"):
        kind = paragraph.get("Type", "Action")
        words = " ".join("".join(text.itertext()) for text in paragraph.iter("Text")).split()
        if not words or kind in _FDX_DIRECTIONS:
            continue
        line = " ".join(words)
        if kind in ("Dialogue", "Parenthetical") and blocks and blocks[-1][0] == "cue":
            blocks[-1].append(line)
        elif kind == "Character":
            blocks.append(["cue", f"@{line}"])  # (forced: a cue in any case is one)
        elif paragraph.get("Alignment") == "Center":
            blocks.append(["text", f"> {line} <"])
        else:
            blocks.append(["text", f"!{line}"])
    return "\n\n".join("\n".join(block[1:]) for block in blocks) + "\n"


# ----------------------------------------------------------------------------------------- Twee

#: A passage's header line: ":: Name [tags] {metadata}".
_PASSAGE = re.compile(r"^::\s*(?P<name>[^\[{\n]*?)\s*(?:\[(?P<tags>[^\]]*)\])?\s*(?:\{.*\})?\s*$", re.M)
#: Passages that are the story's machinery, not its text.
_TWEE_MACHINERY = {"storydata", "storyinit", "storymenu", "storycaption", "storybanner", "storysubtitle",
                   "storyauthor", "pagedone", "passagedone", "passageready", "passageheader",
                   "passagefooter", "storyinterface", "storysettings"}
_TWEE_MACHINE_TAGS = {"script", "stylesheet", "widget", "header", "footer", "startup", "debug-startup",
                      "Twine.private", "annotation"}


def twee_markdown(raw: str) -> str:
    """A Twine story in Twee 3 as Markdown: its StoryTitle the page's heading, every other
    passage's text a section in the order written.  Links (``[[choice->target]]``) are the
    player's choices, macros (``(set: ...)``, ``<<if ...>>``) the story's logic: neither is the
    page's words; a macro's hook (``(if: $x)[words]``) is.  Harlowe's and SugarCube's
    emphasis (``''bold''``, ``//italic//``) is left as its words."""
    text = raw.replace("\r\n", "\n")
    heads = list(_PASSAGE.finditer(text))
    out: list[str] = []
    for i, head in enumerate(heads):
        body = text[head.end():heads[i + 1].start() if i + 1 < len(heads) else len(text)].strip()
        name, tags = head["name"].strip(), set((head["tags"] or "").split())
        if name.lower() == "storytitle":
            out = [f"# {body.splitlines()[0].strip()}", "", *out] if body else out
        elif name.lower() not in _TWEE_MACHINERY and not tags & _TWEE_MACHINE_TAGS:
            out += [_twee_words(body), ""]
    return "\n".join(line for line in out if line is not None).strip() + "\n"


def _twee_words(body: str) -> str:
    """A passage's words without its links, macros and emphasis marks."""
    body = _without(_without(body, "[[", "]]"), "<<", ">>")  # links; SugarCube macros
    body = re.sub(r"\(link-goto:[^)]{0,500}\)", "", body)
    # (a macro's hook is its words; the spans are bounded, so that a macro left open costs little)
    body = re.sub(r"\([\w-]+:(?:[^()]|\([^()]{0,500}\)){0,500}\)\s*\[([^\]]{0,2000})\]", r"\1", body)
    body = re.sub(r"\([\w-]+:(?:[^()]|\([^()]{0,500}\)){0,500}\)", "", body)  # Harlowe macros
    body = re.sub(r"''(.+?)''|//(.+?)//", lambda m: m[1] or m[2], body)
    return "\n".join(line.rstrip() for line in body.split("\n")).strip()


# ----------------------------------------------------------------------------------------- MJML

#: MJML elements whose content is the e-mail's words, as HTML: a text block, a table, raw HTML,
#: an accordion's title and text.  Buttons are links, shown as their words.
_MJML_CONTENT = ("mj-text", "mj-table", "mj-raw", "mj-accordion-title", "mj-accordion-text")


def mjml_html(raw: str) -> str:
    """An MJML e-mail design as the HTML page it renders: its title, then each text block,
    table and button in order; a divider a rule.  The head's attributes and styles, the
    preview line (the inbox's preview of the first words) and images are not its words."""
    from bs4 import BeautifulSoup  # imported here: text-only runs need not load bs4

    soup = BeautifulSoup(raw, "html.parser")
    title = soup.find("mj-title")
    head = f"<title>{title.get_text(' ', strip=True)}</title>" if title else ""
    parts: list[str] = []
    for element in soup.find_all(["mj-divider", "mj-button", *_MJML_CONTENT]):
        if element.find_parent(_MJML_CONTENT):
            continue  # (words already taken with the block around them)
        if element.name == "mj-divider":
            parts.append("<hr>")
        elif element.name == "mj-button":
            parts.append(f"<p>{element.get_text(' ', strip=True)}</p>")
        elif element.name == "mj-accordion-title":
            parts.append(f"<h3>{element.decode_contents()}</h3>")
        else:
            parts.append(f"<div>{element.decode_contents()}</div>")
    return f"<html><head>{head}</head><body>\n" + "\n".join(parts) + "\n</body></html>"


# ---------------------------------------------------------------------------------- JSON Canvas


def canvas_markdown(raw: str) -> str:
    """A JSON Canvas board (``.canvas``: Obsidian's, and the open format's) as Markdown: each
    group's label a heading over the text notes inside it, every note its Markdown, read top to
    bottom then left to right, a rule between notes.  A note's first line, when short and alone
    above its text, is its title, so a heading.  Links, files and edges are how the board is
    drawn, not its words."""
    data = json.loads(raw)
    nodes = [n for n in data.get("nodes", []) if isinstance(n, dict)] if isinstance(data, dict) else []
    groups = sorted((n for n in nodes if n.get("type") == "group"), key=_place)
    notes = sorted((n for n in nodes if n.get("type") == "text" and str(n.get("text") or "").strip()),
                   key=_place)
    out: list[str] = []
    placed: set[int] = set()
    for group in groups:
        inside = [n for n in notes if id(n) not in placed and _within(n, group)]
        placed |= {id(n) for n in inside}
        if group.get("label"):
            out += [f"## {group['label']}", ""]
        out += [line for note in inside for line in (*_canvas_note(str(note["text"])), "---", "")]
    out += [line for note in notes if id(note) not in placed
            for line in (*_canvas_note(str(note["text"])), "---", "")]
    return "\n".join(out).strip() + "\n"


def _place(node: dict[str, object]) -> tuple[float, float]:
    return (_number(node.get("y")), _number(node.get("x")))


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def _within(node: dict[str, object], group: dict[str, object]) -> bool:
    """Whether a node's top-left corner lies inside a group's rectangle."""
    x, y = _number(node.get("x")), _number(node.get("y"))
    gx, gy = _number(group.get("x")), _number(group.get("y"))
    return gx <= x <= gx + _number(group.get("width")) and gy <= y <= gy + _number(group.get("height"))


#: A line that is a Markdown block of its own (a heading, an item, a table's row, a quote).
_CANVAS_BLOCK = re.compile(r"^(?:#|[-*+] |\d+[.)] |\||>)")


def _canvas_note(text: str) -> list[str]:
    """A note's Markdown, its lone short first line made its title."""
    first, sep, rest = text.strip().partition("\n\n")
    if sep and "\n" not in first and len(first) <= 150 and not _CANVAS_BLOCK.match(first) \
            and not first.rstrip().endswith((".", ":")):
        return [f"### {first.strip()}", "", rest.strip(), ""]
    return [text.strip(), ""]


# ------------------------------------------------------------------------------ Roam Research
#: Roam's inline markup around words: a page link "[[Case management review]]", a tag
#: "#[[care leavers]]" or "#fathers", a task's "{{[[TODO]]}}", a block reference "((uid))".
_ROAM_TAG = re.compile(r"#\[\[([^\]]+)\]\]|#([\w-]+)|\[\[([^\]]+)\]\]")
_ROAM_TASK = re.compile(r"\{\{\[\[(TODO|DONE)\]\]\}\}\s*")
_ROAM_REFERENCE = re.compile(r"\(\(([\w-]{6,12})\)\)")
#: An attribute block: "Published:: 2022".
_ROAM_ATTRIBUTE = re.compile(r"^([^:\n]{1,60})::\s*(.*)$", re.S)


def roam_pages(data: object) -> list[dict[str, object]] | None:
    """The pages of a Roam Research JSON export (a list of ``{"title", "children": [{"string",
    "children", "heading"}]}``), or None for other data."""
    if not (isinstance(data, list) and data and all(isinstance(p, dict) and "title" in p for p in data)
            and any(isinstance(b, dict) and "string" in b for p in data for b in p.get("children") or [])):
        return None
    return data


def roam_markdown(pages: list[dict[str, object]]) -> str:
    """A Roam graph's pages as Markdown: each page with blocks a heading over its outline.  A
    top-level block is a paragraph (a heading if Roam made it one), an attribute ``Key::
    value`` a "Key: value" field, and a block's children its bullets (what is nested deeper
    part of its child's bullet); links and tags
    are their words ("#[[care leavers]]" is "care leavers"), an attribute of tags alone their
    list, a task marker its word, a block reference the block it points to.  The block's
    bookkeeping (uids, times, users) is not the page's.  A page without blocks (a tag's page,
    made by linking to it) is no page."""
    strings = {str(b.get("uid")): str(b.get("string", "")) for b in _roam_blocks(pages)}
    out: list[str] = []
    for page in pages:
        blocks = [b for b in page.get("children") or [] if isinstance(b, dict)]  # type: ignore[union-attr]
        if not blocks:
            continue
        out += [f"# {_roam_words(str(page['title']), strings)}", ""]
        for block in blocks:
            out += _roam_top(block, strings)
    return "\n".join(out) + "\n"


def _roam_blocks(blocks: object) -> list[dict[str, object]]:
    """Every block under pages or blocks, in the outline's order (each before its children)."""
    out: list[dict[str, object]] = []
    stack = [b for b in reversed(blocks) if isinstance(b, dict)] if isinstance(blocks, list) else []
    while stack:  # (a stack, not recursion: an outline nested thousands deep is still read)
        block = stack.pop()
        out.append(block)
        stack += [c for c in reversed(block.get("children") or []) if isinstance(c, dict)]  # type: ignore[arg-type]
    return out


def _roam_top(block: dict[str, object], strings: dict[str, str]) -> list[str]:
    text = _roam_words(str(block.get("string", "")), strings)
    if attribute := _ROAM_ATTRIBUTE.match(text):
        text = f"{attribute[1].strip()}: {attribute[2].strip()}"
    elif isinstance(block.get("heading"), int) and 1 <= block["heading"] <= 3:  # type: ignore[operator]
        text = "#" * (int(block["heading"]) + 1) + " " + text  # type: ignore[call-overload]
    lines = [text] if text.strip() else []
    lines += _roam_children(block, strings)
    return [*lines, ""]


def _roam_children(block: dict[str, object], strings: dict[str, str]) -> list[str]:
    """A block's children as bullets; what is nested under a child (a note on a learning point)
    is part of that child's item, not an item of its own."""
    out = []
    for child in block.get("children") or []:  # type: ignore[union-attr]
        if isinstance(child, dict):
            words = [_roam_words(str(b.get("string", "")), strings).replace("::", ":", 1)
                     for b in [child, *_roam_blocks(child.get("children"))]]
            out.append(f"- {' '.join(w for w in words if w.strip())}")
    return out


def _roam_words(text: str, strings: dict[str, str]) -> str:
    text = _ROAM_REFERENCE.sub(lambda m: strings.get(m[1], ""), text)
    text = _ROAM_TASK.sub(lambda m: f"{m[1].capitalize()}: ", text)
    if (attribute := _ROAM_ATTRIBUTE.match(text)) and re.fullmatch(
            rf"(?:\s*(?:{_ROAM_TAG.pattern}))+\s*", attribute[2]):
        tags = [next(g for g in m.groups() if g) for m in _ROAM_TAG.finditer(attribute[2])]
        return f"{attribute[1]}:: {', '.join(tags)}"  # "Tags:: #fathers #[[head injury]]"
    return _ROAM_TAG.sub(lambda m: next(g for g in m.groups() if g), text)
