"""Reviews kept as data by the tools researchers and business units work in, read as records:

- an SPSS syntax file with its data inline (``.sps``: a coding pilot's ``DATA LIST`` and
  ``BEGIN DATA``), whose variable labels say what each column means and whose value labels
  say what each code stands for;
- a Neo4j database written out as Cypher (``.cypher``: APOC's ``export.cypher`` or hand-written
  ``CREATE`` statements), whose nodes carry the reviews' properties;
- a PDF form's filled-in fields (``.fdf``: Acrobat's form-data export of a board's publication
  summary form), a field's ``/Kids`` its numbered parts;
- a FileMaker database's XML export (the FMPXMLRESULT grammar: a register's rows of columns,
  named by its METADATA, a repeating field's values each a ``DATA``);
- a researcher's corpus after a tokenizer (CoNLL-U, ``.conllu``: UDPipe's output), whose
  ``# text`` comments hold each sentence as written: read as the page it was cut from;
- a SAS listing (``.lst``: a program's printed output, a coding team's record-check listing),
  whose pages' tables under rules of dashes hold the records;
- an R session's transcript (``.Rout``) and a Stata log (``.smcl``): a script's printed check
  sheet of coded records, read as what the session printed, without the code it echoed.

Why a module of their own: in each, the words are values inside a program or a PDF object
syntax (string literals, map literals, inline data rows), and the names beside them are a
tool's (variables, properties, field names).  These functions only unwrap the values into
records ``{"field": value}``; :func:`casegraph.ingest.sources.records_text` lays those out as
any export's records, so how a record becomes a page is decided in one place.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from casegraph.core.newlines import unify_line_ends
from casegraph.ingest.interchange import local_name

# ----------------------------------------------------------------- literals of a program's text


#: The escapes of a string literal in JavaScript and Cypher: "\n" a line break, "\u00e9" a
#: character; any other escaped character is itself ("\"", "\\", "\'").
_STRING_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)", re.S)
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "b": "", "f": ""}


def unescape_string(body: str) -> str:
    """A quoted literal's text without its escapes (``body`` is what stands between the quotes)."""
    def one(m: re.Match[str]) -> str:
        code = m[1]
        return chr(int(code[1:], 16)) if len(code) == 5 else _ESCAPED.get(code, code)
    return _STRING_ESCAPE.sub(one, body)


class ObjectLiteral:
    """A reader of a map or list literal as JavaScript (a Nunjucks macro's argument) and Cypher
    (a node's properties) write them: unquoted, quoted or backticked keys, single- or
    double-quoted strings that may run over lines, trailing commas, and calls such as Cypher's
    ``date('2023-06-14')``, which stand for their first argument.  A bare name is looked up in
    ``variables`` (a template's ``{% set %}`` values; "" if unknown).  What it cannot read ends
    the value there rather than failing the page: a half-read literal loses one value's words,
    not the page's."""

    _TOKEN = re.compile(r"""\s*(?:(?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?P<num>-?\d+(?:\.\d+)?)"""
                        r"""|(?P<tick>`[^`]*`)|(?P<name>[A-Za-z_$][\w$.]*)|(?P<punct>[{}\[\]():,]))""", re.S)

    def __init__(self, text: str, variables: dict[str, str] | None = None, start: int = 0) -> None:
        # (tokens are read from ``start`` as far as the literal goes, not to the text's end, and
        # the text is not copied: a Cypher script's thousand CREATE statements are each read
        # from where they start)
        self._tokens = self._TOKEN.finditer(text, start)
        self.tokens: list[tuple[str | None, str]] = []
        self.variables = variables or {}
        self.i = 0

    def parse(self) -> object:
        """The first value in the text (None if it holds none)."""
        try:
            return self._value()
        except IndexError:
            return None

    def _at(self, k: int) -> tuple[str | None, str]:
        """Token ``k`` (IndexError past the text's end)."""
        while len(self.tokens) <= k:
            m = next(self._tokens, None)
            if m is None:
                raise IndexError(k)
            self.tokens.append((m.lastgroup, m[m.lastgroup or "punct"]))
        return self.tokens[k]

    def _value(self) -> object:
        kind, token = self._at(self.i)
        self.i += 1
        if kind == "str":
            return unescape_string(token[1:-1])
        if kind == "num":  # (a count is "5", as the page shows it, not "5.0")
            return float(token) if "." in token else int(token)
        if kind == "name" and self._peek() == "(":
            return self._call()
        if kind == "name":
            return {"true": True, "false": False, "null": None}.get(token, self.variables.get(token, ""))
        if token == "{":
            return self._object()
        if token == "[":
            return self._sequence("]")
        return None

    def _peek(self) -> str:
        try:
            return self._at(self.i)[1]
        except IndexError:
            return ""

    def _call(self) -> object:
        """A function call's first argument (``date('2023-06-14')`` is that date)."""
        self.i += 1
        args = self._sequence(")")
        return args[0] if args else None

    def _object(self) -> dict[str, object]:
        out: dict[str, object] = {}
        while self._at(self.i)[1] != "}":
            kind, key = self._at(self.i)
            key = key[1:-1] if kind == "tick" else unescape_string(key[1:-1]) if kind == "str" else key
            self.i += 2  # the key and its colon
            out[key] = self._value()
            if self._at(self.i)[1] == ",":
                self.i += 1
        self.i += 1
        return out

    def _sequence(self, end: str) -> list[object]:
        out: list[object] = []
        while self._at(self.i)[1] != end:
            out.append(self._value())
            if self._at(self.i)[1] == ",":
                self.i += 1
        self.i += 1
        return out


# ------------------------------------------------------------------------------ Neo4j Cypher
#: A node a statement creates with its properties written out: "CREATE (r:Review {ref: ...})".
_CYPHER_NODE = re.compile(r"\b(?:CREATE|MERGE)\s*\(\s*\w*\s*((?::\s*(?:`[^`]*`|\w+)\s*)+)\{", re.I)
#: APOC's batches: "UNWIND [{_id:3, properties:{...}}, ...] AS row CREATE (n:...) ... SET n:Review".
_CYPHER_UNWIND = re.compile(r"\bUNWIND\s*\[", re.I)
#: cypher-shell's own commands before a statement (":begin", ":commit", ":param x => 1"), and
#: comment lines.
_SHELL_COMMANDS = re.compile(r"^(?:\s*(?::\w+|//)[^\n]*\n)*\s*")


def cypher_records(raw: str) -> list[dict[str, object]]:
    """A Neo4j graph written as Cypher (``.cypher``) as its nodes' properties, one record per
    node in the file's order.  Relationships carry no words of a review (a review's link to its
    publisher, a theme's "strength") and are left out, as the constraints and indexes are."""
    records: list[dict[str, object]] = []
    for statement in _cypher_statements(raw):
        statement = _SHELL_COMMANDS.sub("", statement)
        if _CYPHER_UNWIND.match(statement):
            if re.search(r"\bMATCH\b", statement, re.I):
                continue  # a batch of relationships: their ends are matched, not created
            rows = ObjectLiteral(statement, start=statement.index("[")).parse()
            records += [row["properties"] for row in rows or []  # type: ignore[union-attr]
                        if isinstance(row, dict) and isinstance(row.get("properties"), dict)]
        for node in _CYPHER_NODE.finditer(statement):
            properties = ObjectLiteral(statement, start=node.end() - 1).parse()
            if isinstance(properties, dict) and "UNIQUE IMPORT ID" not in properties:
                records.append(properties)
    return [r for r in records if r]


def _cypher_statements(raw: str) -> list[str]:
    """A script's statements: split at the ";" that ends each, outside strings and comments."""
    out, start, i, n = [], 0, 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch in "\"'`":
            end = i + 1
            while end < n and raw[end] != ch:
                end += 2 if raw[end] == "\\" and ch != "`" else 1
            i = end + 1
        elif raw.startswith("//", i):
            end = raw.find("\n", i)
            i = n if end < 0 else end
        elif ch == ";":
            out.append(raw[start:i])
            start = i = i + 1
        else:
            i += 1
    out.append(raw[start:])
    return [s for s in out if s.strip()]


# ------------------------------------------------------------------------- SPSS syntax (.sps)
@dataclass
class _SpssDictionary:
    """What a syntax file says about its variables: their labels, and their values' labels
    and missing values (by variable name, lower-cased: SPSS names ignore case)."""

    labels: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    missing: dict[str, set[str]] = field(default_factory=dict)


#: A quoted string of SPSS syntax: "..." or '...', a doubled quote standing for one.
_SPSS_STRING = r"""(?:"(?:[^"]|"")*"|'(?:[^']|'')*')"""
_SPSS_TOKEN = re.compile(rf"""\s*({_SPSS_STRING}|/|\(|\)|,|[^\s/(),'"]+)""")
#: A variable name: a letter (or @, #, $) and then letters, digits and ". _ @ # $".
_SPSS_NAME = re.compile(r"^[A-Za-z@#$][\w.@#$]*$")


def spss_records(raw: str) -> list[dict[str, object]]:
    """An SPSS syntax file's inline data (``DATA LIST`` ... ``BEGIN DATA`` ... ``END DATA``) as
    its cases, each a record of its variables' values, named by their ``VARIABLE LABELS`` (what
    SPSS shows a reader; the variable's name without one) and coded values given as their
    ``VALUE LABELS`` ("2" of a "sex" variable is "Male").  ``MISSING VALUES`` and empty values
    are left out, as a page leaves out what it does not know.  Transformations, procedures and
    comments are the analyst's work on the data, not the data."""
    commands = _spss_commands(raw)
    dictionary = _SpssDictionary()
    for name, body in commands:
        if name == "VARIABLE LABELS":
            dictionary.labels.update(_spss_variable_labels(body))
        elif name == "VALUE LABELS":
            for variable, labels in _spss_value_labels(body):
                dictionary.values.setdefault(variable, {}).update(labels)
        elif name == "MISSING VALUES":
            for variable, values in _spss_missing(body):
                dictionary.missing.setdefault(variable, set()).update(values)
    records: list[dict[str, object]] = []
    layout: tuple[str, list[str]] | None = None
    for name, body in commands:
        if name == "DATA LIST":
            layout = _spss_layout(body)
        elif name == "BEGIN DATA" and layout is not None:
            for case in _spss_cases(body, *layout):
                records.append(_spss_record(case, dictionary))
    return [r for r in records if r]


def _spss_commands(raw: str) -> list[tuple[str, str]]:
    """The file's commands as (name, the rest of the command): a command ends at a period that
    ends its line or at a blank line; the lines between BEGIN DATA and END DATA are one
    command's body, verbatim; comments ("*", "COMMENT") are none."""
    out: list[tuple[str, str]] = []
    lines = unify_line_ends(raw).split("\n")
    held: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not held and re.match(r"\s*BEGIN\s+DATA\b", line, re.I):
            start = i
            while i < len(lines) and not re.match(r"\s*END\s+DATA\b", lines[i], re.I):
                i += 1
            out.append(("BEGIN DATA", "\n".join(lines[start:i])))
            i += 1
            continue
        if line.strip():
            held.append(line)
        if held and (not line.strip() or line.rstrip().endswith(".")):
            text = " ".join(held).strip().removesuffix(".")
            held = []
            if not re.match(r"(?:\*|COMMENT\b)", text, re.I):
                words = text.split(None, 2)
                two = " ".join(words[:2]).upper()
                out.append((two, " ".join(words[2:])) if two in _SPSS_TWO_WORDS else
                           (words[0].upper(), text[len(words[0]):]))
    return out


#: Commands whose name is two words.
_SPSS_TWO_WORDS = {"DATA LIST", "VARIABLE LABELS", "VALUE LABELS", "MISSING VALUES", "BEGIN DATA",
                   "ADD DOCUMENT", "FILE LABEL"}


def _spss_tokens(text: str) -> list[str]:
    return [m[1] for m in _SPSS_TOKEN.finditer(text)]


def _spss_unquote(token: str) -> str | None:
    """A quoted token's text (None for a token that is not quoted)."""
    if len(token) >= 2 and token[0] in "\"'" and token[-1] == token[0]:
        return token[1:-1].replace(token[0] * 2, token[0])
    return None


def _spss_variable_labels(body: str) -> dict[str, str]:
    out: dict[str, str] = {}
    names: list[str] = []
    for token in _spss_tokens(body):
        if (label := _spss_unquote(token)) is not None:
            out.update({n.lower(): label for n in names})
            names = []
        elif _SPSS_NAME.match(token):
            names.append(token)
    return out


def _spss_groups(body: str) -> list[list[str]]:
    """A command's "/"-separated parts, each as its tokens."""
    groups: list[list[str]] = [[]]
    for token in _spss_tokens(body):
        if token == "/":
            groups.append([])
        else:
            groups[-1].append(token)
    return [g for g in groups if g]


def _spss_value_labels(body: str) -> list[tuple[str, dict[str, str]]]:
    """Each "/var1 var2 1 'label' 2 'label'" part: its variables, and their values' labels."""
    out = []
    for group in _spss_groups(body):
        names = []
        while group and _SPSS_NAME.match(group[0]) and _spss_unquote(group[0]) is None:
            names.append(group.pop(0).lower())
        labels = {}
        for value, label in zip(group[::2], group[1::2], strict=False):
            if (text := _spss_unquote(label)) is not None:
                labels[_spss_key(_spss_unquote(value) or value)] = text
        out += [(n, labels) for n in names]
    return out


def _spss_missing(body: str) -> list[tuple[str, set[str]]]:
    """Each "var1 var2 (-9, 99)" part: its variables, and the values that stand for "missing"."""
    out = []
    for group in _spss_groups(body):
        if "(" not in group:
            continue
        names = [t.lower() for t in group[:group.index("(")] if _SPSS_NAME.match(t)]
        values = {_spss_key(_spss_unquote(t) or t) for t in group[group.index("(") + 1:] if t not in ",()"}
        out += [(n, values) for n in names]
    return out


def _spss_key(value: str) -> str:
    """A value as its labels and missing values are looked up: "1", "1.0" and " 1" are one."""
    text = value.strip()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else str(number)


def _spss_layout(body: str) -> tuple[str, list[str]]:
    """A DATA LIST's layout ("FREE", "LIST" or "FIXED") and its variables' names in order; a
    format in brackets ("(A40)", "(F2.0)") or a FIXED variable's columns are not names."""
    head, _, variables = body.partition("/")
    kind = next((k for k in ("FREE", "LIST", "FIXED") if re.search(rf"\b{k}\b", head, re.I)), "FIXED")
    names = [t for t in _spss_tokens(re.sub(r"\([^)]*\)", " ", variables))
             if _SPSS_NAME.match(t) and t.upper() != "TO"]
    return kind, names


#: One value of free-field data: quoted (a doubled quote one quote), or up to a comma or blank.
_SPSS_DATUM = re.compile(rf"""{_SPSS_STRING}|,|\n|[^\s,]+""")


def _spss_cases(data: str, kind: str, names: list[str]) -> list[dict[str, str]]:
    """The inline data's cases: in FREE layout values fill the variables in order whatever the
    lines, a comma after a comma (or at a line's start) being an empty value; in LIST layout
    each line is one case.  FIXED data is laid out by columns the syntax states as numbers,
    which this reader does not follow: its values are read as LIST's."""
    cases: list[dict[str, str]] = []
    values: list[str] = []
    after_value = False

    def close() -> None:
        if values:
            cases.append(dict(zip(names, values, strict=False)))
            values.clear()

    for token in _SPSS_DATUM.findall(data):
        if token == "\n":
            after_value = False
            if kind != "FREE":
                close()
            continue
        if token == ",":
            if not after_value:
                values.append("")
            after_value = False
        else:
            text = _spss_unquote(token)
            values.append(token if text is None else text)
            after_value = True
        if kind == "FREE" and len(values) == len(names):
            close()
    close()
    return cases


def _spss_record(case: dict[str, str], dictionary: _SpssDictionary) -> dict[str, object]:
    record: dict[str, object] = {}
    for name, value in case.items():
        key, text = name.lower(), value.strip()
        if not text or text == "." or _spss_key(text) in dictionary.missing.get(key, set()):
            continue
        text = dictionary.values.get(key, {}).get(_spss_key(text), text)
        record[dictionary.labels.get(key, name)] = text
    return record


# ------------------------------------------------------------------------ PDF form data (FDF)
def fdf_records(raw: str) -> list[dict[str, object]]:
    """A PDF form's filled-in fields exported as FDF (``.fdf``) as one record: each field's name
    (``/T``) and value (``/V``); a field with ``/Kids`` (a form's "Learning" with parts "1",
    "2", "3") is the list of its parts' values.  A checkbox's or radio button's value is a
    name: its export value when ticked ("Yes", "Female"), ``/Off`` when not (left out, as
    an unticked box says nothing).  ``raw`` is the file read byte for byte as
    Latin-1: a PDF's strings carry their own encoding (UTF-16 after a byte-order mark, or
    PDFDocEncoding), which :func:`_pdf_text` decodes."""
    document = _PdfObjects(raw).find_fields()
    if document is None:
        raise ValueError("no form fields (an FDF file's /Fields array)")
    record: dict[str, object] = {}
    for item in document:
        if isinstance(item, dict):
            _fdf_field(item, record)
    return [record] if record else []


def _fdf_field(item: dict[str, object], record: dict[str, object]) -> None:
    name = item.get("T")
    if not isinstance(name, _PdfString):
        return
    kids = item.get("Kids")
    if isinstance(kids, list):
        values = [v for kid in kids if isinstance(kid, dict) and (v := _fdf_value(kid.get("V")))]
        if values:
            record[name.text] = values
        return
    value = item.get("V")
    if isinstance(value, _PdfName):  # a box or a radio button: its export value, "Off" unticked
        if value.name != "Off":
            record[name.text] = value.name
        return
    if text := _fdf_value(value):
        record[name.text] = text


def _fdf_value(value: object) -> str:
    """A field's value as text: a string's words, a choice list's chosen items joined."""
    if isinstance(value, _PdfString):
        return value.text.strip()
    if isinstance(value, list):
        return "; ".join(v.text.strip() for v in value if isinstance(v, _PdfString) and v.text.strip())
    return ""


@dataclass(frozen=True)
class _PdfString:
    text: str


@dataclass(frozen=True)
class _PdfName:
    name: str


#: PDF's escapes in a literal string: \n \r \t \b \f, \( \) \\, up to three octal digits,
#: and a backslash before a line break (the string goes on, without the break).
_PDF_ESCAPE = re.compile(r"\\([0-7]{1,3}|\r\n|[\r\n]|.)", re.S)
_PDF_ESCAPED = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "\r\n": "", "\r": "", "\n": ""}
_PDF_DELIMITERS = "()<>[]{}/%"
#: The rest of an indirect reference after its object number: "12 0 R".
_PDF_REFERENCE = re.compile(r"\s+\d+\s+R\b")


class _PdfObjects:
    """A reader of PDF object syntax (dictionaries, arrays, strings, names, numbers) over a
    file's text read as Latin-1, enough to walk an FDF file to its ``/Fields``."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.i = 0

    def find_fields(self) -> list[object] | None:
        """The value of the first ``/Fields`` key in the file."""
        at = self.raw.find("/Fields")
        while at >= 0:
            self.i = at + len("/Fields")
            value = self.value()
            if isinstance(value, list):
                return value
            at = self.raw.find("/Fields", at + 1)
        return None

    def _skip(self) -> None:
        raw, n = self.raw, len(self.raw)
        while self.i < n:
            if raw[self.i] in " \t\r\n\f\0":
                self.i += 1
            elif raw[self.i] == "%":  # a comment, to the line's end
                while self.i < n and raw[self.i] not in "\r\n":
                    self.i += 1
            else:
                return

    def value(self) -> object:
        self._skip()
        raw = self.raw
        if self.i >= len(raw):
            raise ValueError("the file ends inside a form field")
        ch = raw[self.i]
        if raw.startswith("<<", self.i):
            return self._dictionary()
        if ch == "[":
            return self._array()
        if ch == "(":
            return _PdfString(_pdf_text(self._literal()))
        if ch == "<":
            end = raw.find(">", self.i)
            if end < 0:
                raise ValueError(f"byte {self.i}: a hex string that is never closed")
            digits = re.sub(r"\s", "", raw[self.i + 1:end])
            if re.search(r"[^0-9A-Fa-f]", digits):
                raise ValueError(f"byte {self.i}: a hex string with a character that is no hex digit")
            self.i = end + 1
            return _PdfString(_pdf_text(bytes.fromhex(digits + "0" * (len(digits) % 2)).decode("latin-1")))
        if ch == "/":
            return _PdfName(re.sub(r"#([0-9A-Fa-f]{2})", lambda m: chr(int(m[1], 16)), self._word(1)))
        word = self._word(0)
        if not word:
            raise ValueError(f"byte {self.i}: {ch!r} where a value was expected")
        if word.isdigit() and (reference := _PDF_REFERENCE.match(raw, self.i)):
            self.i = reference.end()
            return None  # an indirect reference ("12 0 R"): an FDF file keeps its fields inline
        return word

    def _word(self, start: int) -> str:
        raw, begin = self.raw, self.i + start
        end = begin
        while end < len(raw) and raw[end] not in _PDF_DELIMITERS and not raw[end].isspace():
            end += 1
        self.i = end
        return raw[begin:end]

    def _array(self) -> list[object]:
        self.i += 1
        out: list[object] = []
        while True:
            self._skip()
            if self.i < len(self.raw) and self.raw[self.i] == "]":
                self.i += 1
                return out
            out.append(self.value())

    def _dictionary(self) -> dict[str, object]:
        self.i += 2
        out: dict[str, object] = {}
        while True:
            self._skip()
            if self.raw.startswith(">>", self.i):
                self.i += 2
                return out
            key = self.value()
            if not isinstance(key, _PdfName):
                raise ValueError(f"byte {self.i}: a dictionary's key is not a /Name")
            out[key.name] = self.value()

    def _literal(self) -> str:
        """A "( ... )" string's bytes (as Latin-1 text): balanced brackets inside are its own."""
        raw, depth, start = self.raw, 0, self.i + 1
        i = start
        while i < len(raw):
            ch = raw[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    self.i = i + 1
                    return _PDF_ESCAPE.sub(_pdf_unescape, raw[start:i])
                depth -= 1
            i += 1
        raise ValueError(f"byte {self.i}: a string that is never closed")


def _pdf_unescape(m: re.Match[str]) -> str:
    code = m[1]
    if code[0] in "01234567":
        return chr(int(code, 8) & 0xFF)
    return _PDF_ESCAPED.get(code, code)


def _pdf_text(data: str) -> str:
    """A PDF string's text from its bytes (held as Latin-1 characters): UTF-16 after its
    byte-order mark, UTF-8 after its own (PDF 2.0), else UTF-8 if it decodes as such (as forms
    filled in by most tools are), else PDFDocEncoding, read as Windows-1252, which agrees with
    it on every letter a form's English or Welsh text uses.  Line ends are "\\n"."""
    raw = data.encode("latin-1")
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        text = raw.decode("utf-16")
    elif raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    return unify_line_ends(text)


# ---------------------------------------------------------------- FileMaker XML (FMPXMLRESULT)
def filemaker_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A FileMaker export in the FMPXMLRESULT grammar as its rows, each a record of its
    fields (named by ``METADATA``'s ``FIELD`` list, in column order): a repeating field
    (``MAXREPEAT`` above one) is the list of its filled repetitions, a date field is written
    as ISO (from the database's ``DATEFORMAT``, "D/m/yyyy" or the American "M/d/yyyy") so that
    it reads as a date on the page.  None for any other XML."""
    if local_name(root.tag) != "fmpxmlresult":
        return None
    names, kinds, repeats = [], [], []
    for f in root.iter():
        if local_name(f.tag) == "field":
            names.append(f.get("NAME", ""))
            kinds.append(f.get("TYPE", "TEXT"))
            repeats.append(f.get("MAXREPEAT", "1") != "1")
    database = next((e for e in root.iter() if local_name(e.tag) == "database"), None)
    order = _date_order(database.get("DATEFORMAT", "M/d/yyyy") if database is not None else "M/d/yyyy")
    records = []
    for row in (e for e in root.iter() if local_name(e.tag) == "row"):
        record: dict[str, object] = {}
        columns = [c for c in row if local_name(c.tag) == "col"]
        for name, kind, repeat, column in zip(names, kinds, repeats, columns, strict=False):
            values = [_filemaker_value("".join(d.itertext()), kind, order)
                      for d in column if local_name(d.tag) == "data"]
            values = [v for v in values if v]
            if values:
                record[name] = values if repeat else values[0]
        records.append(record)
    return records


def _date_order(pattern: str) -> tuple[int, int, int]:
    """Where the day, month and year stand in a FileMaker DATEFORMAT ("D/m/yyyy": 0, 1, 2)."""
    parts = [p.lower()[:1] for p in re.split(r"[^A-Za-z]+", pattern) if p]
    try:
        return parts.index("d"), parts.index("m"), parts.index("y")
    except ValueError:
        return 1, 0, 2  # (FileMaker's own default is the American month first)


def _filemaker_value(text: str, kind: str, order: tuple[int, int, int]) -> str:
    text = unify_line_ends(text).strip()
    if kind == "DATE" and len(parts := re.split(r"[/.-]", text)) == 3 and all(p.isdigit() for p in parts):
        day, month, year = (int(parts[i]) for i in order)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return text


# ------------------------------------------------------------------------- a tokenized corpus


#: A CoNLL-U comment: its name, and after " = " its value ("# text = Child J was 16 ...").
_CONLLU_COMMENT = re.compile(r"^#\s*(?P<name>[\w.-]+)(?:\s*=\s?(?P<value>.*)|\s.*)?$")
#: The MISC column's record of what followed a token: none, or the spaces as written.
_CONLLU_SPACES = re.compile(r"(?:^|\|)(?:SpaceAfter=No|SpacesAfter=(?P<spaces>[^|]*))(?:\||$)")
#: CoNLL-U's escapes inside SpacesAfter ("\n" a line break, "\s" a space).
_CONLLU_ESCAPES = {"\\n": "\n", "\\s": " ", "\\t": "\t", "\\r": "", "\\\\": "\\", "\\p": "|"}


def conllu_text(raw: str) -> str:
    """A CoNLL-U file (a tokenizer's or parser's output over a corpus of review summaries) as
    the text it was made from: each sentence's ``# text``, followed by what followed its last
    token in the original (``SpacesAfter=\\n\\n`` a paragraph's end, ``SpaceAfter=No`` nothing,
    otherwise one space); ``# newpar`` and ``# newdoc`` start a paragraph.  The token lines are
    the tool's analysis, no words beyond the sentence's.  A file with no ``# text`` line (tokens
    only) cannot be read back, and is a ValueError saying so."""
    out: list[str] = []
    after = ""  # what follows the sentence read last, once its tokens say
    sentences = inside = 0
    for line in raw.splitlines():
        if comment := _CONLLU_COMMENT.match(line):
            inside = 0  # (a comment opens a sentence: its tokens are numbered from 1)
            if comment["name"] in ("newpar", "newdoc") and out:
                after = "\n\n"
            elif comment["name"] == "text" and comment["value"] is not None:
                out += [after, comment["value"].strip()]
                after, sentences = " ", sentences + 1
        elif "\t" in line:  # a token: what follows it (the sentence's last one's is kept)
            ident = line.split("\t", 1)[0]
            if "." in ident or (ident.isdigit() and int(ident) <= inside):
                continue  # (an empty node; a word of a multiword token, whose line says it)
            inside = int(ident.partition("-")[2] or 0)  # ("3-4\tdon't": its words 3 and 4)
            spaces = _CONLLU_SPACES.search(line.rsplit("\t", 1)[-1])
            written = spaces["spaces"] if spaces else " "
            after = "" if written is None else re.sub(r"\\.", lambda m: _CONLLU_ESCAPES.get(m[0], ""),
                                                      written)
    if not sentences:
        raise ValueError("no '# text =' lines: a CoNLL-U file's tokens alone are not its text")
    return "".join(out).strip() + "\n"


# ------------------------------------------------------------- a query tool's results as text

#: The rule under a result set's column names: a run of dashes per column, one space between
#: (SQL Server Management Studio's "Results to File", sqlcmd's and isql's output).
_COLUMN_RULE = re.compile(r"^-+(?: -+)*\s*$")
#: The lines a query tool writes after a result set: "(4 rows affected)", "Completion time: ...".
_RESULT_TRAILER = re.compile(r"^\((?:\d+|one) rows? affected\)\s*$|^Completion time:", re.I)


def fixed_width_rows(raw: str) -> list[list[str]]:
    """A query tool's results saved as text (SSMS "Results to File", ``.rpt``): the column names
    over a rule of dashes whose runs give each column's width, then a row a line, each cell
    padded to its column's width; ``NULL`` is an empty cell.  Every result set in the file, the
    first one's column names heading them all (a register's query run once is one result set)."""
    lines = unify_line_ends(raw).split("\n")
    rows: list[list[str]] = []
    for k, line in enumerate(lines):
        if k == 0 or not _COLUMN_RULE.match(line) or not lines[k - 1].strip():
            continue
        spans = [(m.start(), m.end()) for m in re.finditer(r"-+", line)]
        # (the last column runs to the line's end: a cell wider than its rule is not cut)
        spans[-1] = (spans[-1][0], None)  # type: ignore[assignment]
        if not rows:
            rows.append(_cut(lines[k - 1], spans))
        for row in lines[k + 1:]:
            if not row.strip() or _RESULT_TRAILER.match(row) or _COLUMN_RULE.match(row):
                break
            rows.append(["" if c == "NULL" else c for c in _cut(row, spans)])
    if len(rows) < 2:
        raise ValueError("no result set (a header over a rule of dashes) in the file")
    return rows


def _cut(line: str, spans: list[tuple[int, int | None]]) -> list[str]:
    """A fixed-width line's cells, each stripped of its padding."""
    return [line[start:end].strip() for start, end in spans]


# ---------------------------------------------------------------------------- a SAS listing

#: A SAS listing's page head: the first title ("The SAS System" unless a TITLE statement set
#: one), then, with the DATE option, the session's start ("09:41 Wednesday, June 12, 2024"),
#: and the page number at the line's end.
_SAS_PAGE_HEAD = re.compile(r"^(?P<feed>\f)?(?P<indent>\s*)(?P<title>\S.*?)\s{2,}"
                            r"(?P<date>(?:\d{1,2}:\d{2}\s+)?[A-Z][a-z]+day,\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s+)?\d+\s*$")
#: A rule of dashes under a listing's column headers (PROC REPORT's HEADLINE, PROC SQL's).
_LISTING_RULE = re.compile(r"^\s*-{2,}(?:\s+-{2,})*\s*$")
#: The headers of a two-column listing of one record's fields and values (a record check).
_FIELD_HEADERS = re.compile(r"^(?:field|variable|name|item)$|^(?:value|contents?|response)$", re.I)
#: A wrapped cell's line that opens a list's point: kept on a line of its own.
_POINT = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-*\u2022])\s")


def is_sas_listing(text: str) -> bool:
    """Whether a text opens as a SAS listing (``.lst``: a program's printed output): its first
    line with words is a page head carrying a page number."""
    first = next((line for line in text.replace("\r", "").split("\n") if line.strip()), "")
    return _page_head(first) is not None


def _page_head(line: str) -> re.Match[str] | None:
    """A listing's page head: after a form feed, or dated, or centred (a field's row, "AGE  16",
    has a number at its end too, but none of these)."""
    head = _SAS_PAGE_HEAD.match(line)
    return head if head and (head["feed"] or head["date"] or len(head["indent"]) >= 8) else None


def sas_listing_records(text: str) -> tuple[str, list[dict[str, str]]] | None:
    """A SAS listing's pages as records (None when no page holds a table under a rule of
    dashes): a page listing one record's fields and values ("Field  Value") is that record,
    titled by the page's last title line (a BY line, the record's name); any other table's rows
    are records of their columns.  A value wrapped over lines is joined (a line that opens a
    list's point kept on its own); SAS's missing value "." is no value.  Returned with the
    listing's first title, which heads the records as a page's title does ("" if none)."""
    pages = _sas_pages(text)
    records: list[dict[str, str]] = []
    for titles, lines in pages:
        for header, rows in _listing_tables(lines):
            if len(header) == 2 and all(_FIELD_HEADERS.match(h) for h in header):
                fields = {k: v for k, v in rows if v and k}
                records.append({"Title": titles[-1], **fields} if titles and fields else fields)
            else:
                records += [{h: v for h, v in zip(header, row, strict=False) if v} for row in rows]
    if not any(records):
        return None
    return next((titles[0] for titles, _ in pages if titles), ""), [r for r in records if r]


def sas_listing_text(text: str) -> str:
    """A SAS listing with no table as the text it prints: each page's head left out."""
    return "\n\n".join("\n".join([*titles, "", *lines]) for titles, lines in _sas_pages(text))


def _sas_pages(text: str) -> list[tuple[list[str], list[str]]]:
    """A listing's pages as (their title lines, their other lines): a page opens at a page head
    (after a form feed, or not); its centred lines before its first indented-at-the-margin line
    are its titles."""
    pages: list[tuple[list[str], list[str]]] = []
    for line in unify_line_ends(text).split("\n"):
        if head := _page_head(line):
            title = head["title"].strip()
            pages.append(([] if title == "The SAS System" else [title], []))
            continue
        if not pages:
            pages.append(([], []))
        titles, lines = pages[-1]
        centred = len(line) - len(line.lstrip()) >= 8 and line.strip()
        if centred and not any(ln.strip() for ln in lines):
            titles.append(line.strip())
        else:
            lines.append(line.replace("\f", "").rstrip())
    return pages


def _listing_tables(lines: list[str]) -> list[tuple[list[str], list[list[str]]]]:
    """The tables of a page's lines: headers over a rule of dashes, whose runs give the columns'
    starts; a line whose first column is blank continues the row above."""
    tables = []
    for k, line in enumerate(lines):
        if k == 0 or not _LISTING_RULE.match(line) or not lines[k - 1].strip():
            continue
        starts = [m.start() for m in re.finditer(r"-+", line)]
        spans: list[tuple[int, int | None]] = list(zip(starts, [*starts[1:], None], strict=True))
        header = lines[k - 1].split()
        if len(header) != len(spans):  # (a header may stand a character off its rule)
            header = _cut(lines[k - 1], spans)
        rows: list[list[str]] = []
        for row in lines[k + 1:]:
            if not row.strip():
                break
            cells = _cut(row, spans)
            if rows and not cells[0]:
                rows[-1] = [_joined(old, new) for old, new in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(["" if c == "." else c for c in cells])
        tables.append((header, rows))
    return tables


def _joined(cell: str, more: str) -> str:
    """A wrapped cell's next line added: a list's point on a line of its own, else a space."""
    if not cell or not more:
        return cell or more
    return f"{cell}\n{more}" if _POINT.match(more) else f"{cell} {more}"


# ------------------------------------------------------ a statistics session's printed log

#: R's start-up banner (``R CMD BATCH`` writes it above the session): from "R version" to the
#: line before the first prompt.
_R_BANNER = re.compile(r"\A\s*R version \d[^\n]*\n(?:(?!>)[^\n]*\n)*")
#: A line R echoed from the script: the prompt "> ", or a continuation "+ " under it.
_R_PROMPT = re.compile(r"^>(?: |$)")
_R_CONTINUED = re.compile(r"^\+(?: |$)")


def r_transcript_text(raw: str) -> str:
    """What an R session printed (``R CMD BATCH``'s ``.Rout``: a researcher's check sheet of coded
    records), without the start-up banner and the script R echoed: each line after the prompt
    "> " and its "+ " continuations is code, not text a reader was meant to read."""
    text = _R_BANNER.sub("", unify_line_ends(raw), count=1)
    out: list[str] = []
    echoed = False
    for line in text.split("\n"):
        echoed = bool(_R_PROMPT.match(line) or (echoed and _R_CONTINUED.match(line)))
        if not echoed:
            out.append(line)
    return printed_sheet("\n".join(out))


#: A printed line of several fields, "Area: Wrexham | Type: ... | Published: 2023-06-14" (or
#: three spaces apart): each field's label, which opens the line or follows the separator.
_FIELD_ON_A_LINE = re.compile(r"(?:^|\s+\|\s+|\s{3,})(?=[A-Z][\w()/ -]{0,30}:\s)")
#: A record's heading as a script prints it, its identifier first: "W3-017: Concise Child ...".
_ID_HEADING = re.compile(r"^(?P<id>[A-Z][A-Z0-9]*(?:[-_/][A-Z0-9]+)+):\s+(?P<title>\S.*)$")
#: A printed rule of a script's sheet ("=" or "-" repeated).
_SHEET_RULE = re.compile(r"^\s*(?:={8,}|-{8,})\s*$")


def printed_sheet(text: str) -> str:
    """A script's printed check sheet as the page parser reads one: several fields on a line
    ("Area: Wrexham | Type: ... | Published: ...") a line each, and a record's heading under a
    rule that opens with its identifier ("W3-017: Concise Child Practice Review ...") as the
    heading without it: the identifier is the coding team's record number, not the review's."""
    out: list[str] = []
    for line in text.split("\n"):
        parts = [p for p in _FIELD_ON_A_LINE.split(line) if p.strip()]
        if len(parts) > 1 and all(re.match(r"[A-Z][\w()/ -]{0,30}:\s", p) for p in parts):
            out += parts
        elif (m := _ID_HEADING.match(line)) and out and _SHEET_RULE.match(out[-1]):
            out.append(m["title"])
        else:
            out.append(line)
    return "\n".join(out)


#: A Stata log's directives: ``{name}``, ``{name args}`` or ``{name args:text}`` (braces inside
#: the text are further directives, read when the text is).
_SMCL_DIRECTIVE = re.compile(r"\{(?P<name>[.\w-]+)(?P<args>[^{}:]*)(?::(?P<text>(?:[^{}]|\{[^{}]*\})*))?\}")
#: The modes of a log's lines: what Stata echoed as typed (a command, input) and what it printed.
_SMCL_ECHO = {"com", "inp", "input"}
_SMCL_PRINTED = {"txt", "text", "res", "result", "err", "error"}
#: ``{c -(}`` and the other characters SMCL writes by name (a brace has none of its own).
_SMCL_CHARS = {"-(": "{", ")-": "}", "|": "|", "-": "-", "+": "+", "'": "'", "`": "`"}
#: The log's own header and footer ("log:  /path/file.smcl", "opened on:  19 Mar 2024, ...").
_SMCL_LOG_LINE = re.compile(r"^\s*(?:name|log|log type|opened on|closed on):\s")


def smcl_text(raw: str) -> str:
    """What a Stata session printed (a log in SMCL, ``.smcl``: a researcher's case sheets), without
    the commands Stata echoed (``{com}``, and a loop's line numbers beside them) and the log's
    own header and footer; ``{p}`` paragraphs end at ``{p_end}``, rules print as dashes and
    ``{c -(}`` as the character it names.  Why by hand: SMCL is a few dozen brace directives,
    and Stata's own translator (``translate``) needs Stata."""
    out: list[str] = []
    mode = "txt"
    for line in unify_line_ends(raw).split("\n"):
        printed, echoed, mode = _smcl_line(line, mode)
        if echoed and not re.search(r"[^\W\d_]", printed):
            continue  # (a command, with a loop's line number before it)
        if not _SMCL_LOG_LINE.match(printed):
            out.append(printed.rstrip())
    return printed_sheet("\n".join(out))


def _smcl_line(line: str, mode: str) -> tuple[str, bool, str]:
    """A log line's printed text, whether any of it was echoed (words typed, not only a mode's
    switch), and the mode it ends in (a mode holds until a directive changes it, over lines)."""
    printed: list[str] = []
    echoed = False
    i = 0
    for m in [*_SMCL_DIRECTIVE.finditer(line), None]:
        between = line[i:m.start() if m else len(line)]
        if mode in _SMCL_ECHO:
            echoed = echoed or bool(between.strip())
        else:
            printed.append(between)
        if m is None:
            break
        i, name = m.end(), m["name"]
        if name in _SMCL_ECHO | _SMCL_PRINTED and m["text"] is None:
            mode = name
        elif mode not in _SMCL_ECHO:
            printed.append(_smcl_rendered(name, m["args"].strip(), m["text"]))
    return "".join(printed), echoed, mode


def _smcl_rendered(name: str, args: str, text: str | None) -> str:
    """What one directive prints: its text (``{bf:...}``, ``{it:...}``), a rule, a character, a
    paragraph's end, or nothing (a style, a paragraph's margins)."""
    if text is not None:
        if name == "dup" and args.isdigit():
            return text * min(int(args), 200)
        return _SMCL_DIRECTIVE.sub(lambda m: _smcl_rendered(m["name"], m["args"].strip(), m["text"]), text)
    if name in ("hline", ".-"):
        return "-" * min(int(args), 200) if args.isdigit() else "-" * 72
    if name in ("c", "char"):
        return _SMCL_CHARS.get(args, "")
    if name in ("p_end", "break", "newline"):
        return "\n"
    if name == "space" and args.isdigit():
        return " " * min(int(args), 200)
    return ""
