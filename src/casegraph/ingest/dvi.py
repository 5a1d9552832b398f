"""A TeX DVI file's text: the pages a LaTeX report was typeset into, before it became a PDF.

A national or Scottish chapter kept by a university team, or an old board report found in its
author's files, may be only ``report.dvi``: what ``latex`` writes.  A DVI file is a list of
typesetting commands (DVI format, D. Fuchs, TUGboat 3(2), 1982, and TeX: The Program §583-
§601): "set character 72 in font 3", "move right 218453 units", "move down 786432 units".
It holds no words as text: each character is a code in its font's own encoding, the spaces
between words are moves, and lines are moves down.  Read here, by hand, as data:

- characters are decoded by their font's encoding, told by its name: Computer Modern's
  OT1 (``cmr10``: "{" is an en dash, "\\" an opening double quote, code 12 the "fi"
  ligature), its typewriter fonts (ASCII), the symbol font (``cmsy``: the bullet), T1
  (``ec*``, ``*8t``: Latin-1 above 192) and the text companion TS1 (``tc*``, ``*8c``);
  an accent set before its letter (``\\'e``) is put on it, as Unicode composes it;
- a move right of more than a sixth of the font's size is a space (a word's own kerns are
  smaller), a move down to a new baseline is a new line, and more space between two lines
  than the page's usual one is a blank line, as a PDF's lines are read
  (:func:`casegraph.ingest.binaries.printed_text`).

Why by hand: no maintained Python library reads DVI without TeX's font metrics installed
(matplotlib's ``dviread`` asks ``kpsewhich`` for them); the text needs only the commands and
the fonts' names, and the format has not changed since 1982.  A character's width is in its
font's metrics, which are not in the file, so text is never placed by width: only the moves
the file makes are read.
"""

from __future__ import annotations

import itertools
import struct
import unicodedata

from casegraph.ingest.binaries import printed_text

DVI_SUFFIXES = {".dvi"}

#: The preamble's first two bytes: ``pre`` (247) and the format's identification, 2.
_DVI_MAGIC = b"\xf7\x02"

#: OT1 (Computer Modern roman, bold, italic, sans) codes 0-127 that are not ASCII's own:
#: Greek capitals, ligatures, dotless i and j, letters, quotes and dashes.  Accents are apart.
_OT1 = {0: "Γ", 1: "Δ", 2: "Θ", 3: "Λ", 4: "Ξ", 5: "Π", 6: "Σ", 7: "Υ", 8: "Φ", 9: "Ψ", 10: "Ω",
        11: "ff", 12: "fi", 13: "fl", 14: "ffi", 15: "ffl", 16: "ı", 17: "ȷ", 25: "ß", 26: "æ",
        27: "œ", 28: "ø", 29: "Æ", 30: "Œ", 31: "Ø", 32: "", 34: "”", 39: "’", 60: "¡", 62: "¿",
        92: "“", 96: "‘", 123: "–", 124: "—"}
#: OT1's accents, each the combining mark Unicode puts on the letter that follows it.
_OT1_ACCENTS = {18: "\u0300", 19: "\u0301", 20: "\u030c", 21: "\u0306", 22: "\u0304", 23: "\u030a",
                24: "\u0327", 94: "\u0302", 95: "\u0307", 125: "\u030b", 126: "\u0303", 127: "\u0308"}
#: T1 (the "European Computer Modern" encoding) where it is not ASCII or Latin-1.
_T1 = {16: "“", 17: "”", 18: "„", 19: "«", 20: "»", 21: "–", 22: "—", 23: "", 24: "", 27: "ff",
       28: "fi", 29: "fl", 30: "ffi", 31: "ffl", 32: "␣", 34: "”", 39: "’", 96: "‘", 127: "-",
       157: "İ", 158: "đ", 159: "§", 189: "¡", 190: "¿", 191: "£", 215: "Œ", 223: "SS", 247: "œ",
       255: "ß"}
_T1_ACCENTS = {0: "\u0300", 1: "\u0301", 2: "\u0302", 3: "\u0303", 4: "\u0308", 5: "\u030b", 6: "\u030a",
               7: "\u030c", 8: "\u0306", 9: "\u0304", 10: "\u0307", 11: "\u0327", 12: "\u0328"}
#: T1's Latin Extended letters, codes 128-188 (then their small letters from 160).
_T1_EXTENDED = "ĂĄĆČĎĚĘĞĹĽŁŃŇŊŐŔŘŚŠŞŤŢŰŮŸŹŽŻĲİđ§ăąćčďěęğĺľłńňŋőŕřśšşťţűůÿźžżĳ¡¿£"
#: The text companion (TS1) characters a report uses: bullets, daggers, currency, marks.
_TS1 = {13: "‚", 18: "„", 21: "–", 22: "—", 39: "'", 42: "*", 45: "-", 60: "⟨", 61: "−", 62: "⟩",
        96: "`", 132: "†", 133: "‡", 135: "‰", 136: "•", 137: "℃", 151: "™", 153: "¶", 155: "№",
        158: "◦", 191: "€", 214: "×", 246: "÷"}
#: The symbol font's characters a report's text uses (a list's bullet, a minus, a dagger).
_CMSY = {0: "−", 1: "·", 2: "×", 3: "*", 14: "∘", 15: "•", 32: "←", 33: "→", 36: "↓", 102: "{",
         103: "}", 106: "|", 110: "\\", 120: "§", 121: "†", 122: "‡", 123: "¶"}

#: The commands that move by a register, by their first code (w0, x0, y0, z0).
_REGISTERS = {147: "w", 152: "x", 161: "y", 166: "z"}
#: A move right of more than this share of the font's size is a space between words.
_SPACE_SHARE = 1 / 6
#: A move down of more than this share of the font's size starts a new line (less: an accent
#: or a superscript, set a little above or below the line's baseline).
_LINE_SHARE = 0.6


def is_dvi(data: bytes) -> bool:
    """Whether a file's bytes are a DVI file as TeX writes it, whatever its name: ``pre``, format
    2, and the units every TeX engine gives (num 25400000, den 473628672: 10^-7 m)."""
    return data[:2] == _DVI_MAGIC and data[2:10] == _TEX_UNITS


_TEX_UNITS = struct.pack(">II", 25400000, 473628672)


def dvi_text(data: bytes) -> str:
    """A DVI file's pages as text (see the module's note); ValueError with the reason for a
    file that is no DVI, is cut short, or sets no character."""
    if data[:2] != _DVI_MAGIC or len(data) < 15:
        raise ValueError("not a TeX DVI file (it should start with the preamble, bytes 247 2)")
    try:
        pages = _Typesetter(data).pages()
    except (struct.error, IndexError):
        raise ValueError("the DVI file ends in the middle of a command (cut short?)") from None
    return printed_text([_page_lines(page) for page in pages],
                        "the DVI file sets no characters (a drawing?): typeset it to PDF, or save its text")


class _Typesetter:
    """The DVI machine's state as its commands run: position (h, v), the four move registers
    (w, x, y, z), the stack ``push`` saves them on, the current font, the page's lines."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.i = 15 + data[14]  # (pre: i[1] num[4] den[4] mag[4] k[1] comment[k])
        self.fonts: dict[int, tuple[str, int]] = {}  # number -> (encoding, size in DVI units)
        self.font = ("OT1", 655360)
        self.stack: list[tuple[int, int, int, int, int, int]] = []
        self.h = self.v = self.w = self.x = self.y = self.z = 0
        self.accent = ""
        self.lines: list[tuple[int, int, list[str]]] = []  # (v, font size, text)
        self.rule = -1  # (where the page's last rule was drawn: a footnote's rule)
        self.number = 0  # (the page's number, as TeX counted it)
        self.notes: list[tuple[int, int, str]] = []  # every page's footnotes

    def pages(self) -> list[list[tuple[int, int, str]]]:
        """Each page's lines (baseline, font size, text), in the order the pages were shipped
        out, and a last page of the footnotes (a footnote set at a page's foot would otherwise
        stand in the middle of a list that the page break cuts)."""
        out: list[list[tuple[int, int, str]]] = []
        data = self.data
        while self.i < len(data):
            op = data[self.i]
            self.i += 1
            if op == 139:  # bop: c0..c9 (c0 is TeX's \count0, the page's number) and a pointer
                self.number = self._signed(4)
                self.i += 40
                self.h = self.v = self.w = self.x = self.y = self.z = 0
                self.stack, self.lines, self.rule = [], [], -1
            elif op == 140:  # eop
                out.append(self._page())
            elif op == 248:  # post: the pages are over (its font definitions repeat the pages')
                return [*out, self.notes] if self.notes else out
            else:
                self._command(op)
        raise IndexError  # (no postamble: the file was cut short, and its last pages with it)

    def _page(self) -> list[tuple[int, int, str]]:
        """The page's lines, without its number and its footnotes (kept for the end): the lines
        below its last rule set smaller than the most of its text."""
        folio = {str(self.number), _roman(self.number), _roman(self.number).upper()}
        lines = [(v, size, unicodedata.normalize("NFC", "".join(t)).strip()) for v, size, t in self.lines]
        lines = [line for line in lines if line[2] and line[2] not in folio]
        sizes = [size for _, size, text in lines for _ in text]
        main = max(set(sizes), key=sizes.count) if sizes else 0
        notes = [line for line in lines if line[0] > self.rule >= 0 and line[1] < main]
        self.notes += notes
        return [line for line in lines if line not in notes]

    def _command(self, op: int) -> None:
        if op < 128:
            self._set(op)
        elif op <= 131:  # set1..set4
            self._set(self._unsigned(op - 127))
        elif op in (132, 137):  # set_rule, put_rule: a line drawn (a table's, a footnote's), no text
            self.i += 8
            self.rule = self.v
        elif op <= 136:  # put1..put4: a character set without moving on
            self._set(self._unsigned(op - 132))
        elif op == 141:
            self.stack.append((self.h, self.v, self.w, self.x, self.y, self.z))
        elif op == 142 and self.stack:
            self.h, self.v, self.w, self.x, self.y, self.z = self.stack.pop()
        elif 143 <= op <= 170:
            self._move(op)
        elif 171 <= op <= 234:
            self.font = self.fonts.get(op - 171, self.font)
        elif 235 <= op <= 238:
            self.font = self.fonts.get(self._unsigned(op - 234), self.font)
        elif 239 <= op <= 242:  # xxx: a \special (colour, a hyperlink's target): no text
            length = self._unsigned(op - 238)
            self.i += length
        elif 243 <= op <= 246:
            self._define_font(self._unsigned(op - 242))
        elif op == 138:  # nop
            pass
        elif op != 142:
            raise ValueError(f"byte {self.i - 1}: {op} is no DVI command")

    def _move(self, op: int) -> None:
        """right (143-146), w (147-151), x (152-156), down (157-160), y (161-165), z (166-170);
        a register's command with no argument (w0, x0, y0, z0) moves by the register."""
        if op <= 146:
            self._right(self._signed(op - 142))
        elif 157 <= op <= 160:
            self.v += self._signed(op - 156)
        else:
            base = max(b for b in _REGISTERS if b <= op)
            register = _REGISTERS[base]
            if op > base:
                setattr(self, register, self._signed(op - base))
            if register in ("w", "x"):
                self._right(getattr(self, register))
            else:
                self.v += getattr(self, register)

    def _right(self, amount: int) -> None:
        self.h += amount
        if amount > self.font[1] * _SPACE_SHARE and self.lines and self.lines[-1][2][-1:] != [" "]:
            self.lines[-1][2].append(" ")

    def _set(self, code: int) -> None:
        """A character set at (h, v): on the current line, or the first of a new one."""
        encoding, size = self.font
        text, accent = _character(encoding, code)
        if accent:
            self.accent = accent
            return
        if not text:
            return
        if self.accent:  # (an accent goes on the letter set after it)
            text, self.accent = text[0] + self.accent + text[1:], ""
        line = self.lines[-1] if self.lines else None
        if line is None or abs(self.v - line[0]) > size * _LINE_SHARE:
            self.lines.append((self.v, size, [text]))
        else:
            line[2].append(text)

    def _define_font(self, number: int) -> None:
        """fnt_def: checksum[4] scaled size[4] design size[4] and the font's area and name."""
        size = struct.unpack(">I", self.data[self.i + 4:self.i + 8])[0]
        area, length = self.data[self.i + 12], self.data[self.i + 13]
        name = self.data[self.i + 14 + area:self.i + 14 + area + length].decode("latin-1")
        self.i += 14 + area + length
        self.fonts[number] = (_encoding(name), size)

    def _unsigned(self, size: int) -> int:
        value = int.from_bytes(self.data[self.i:self.i + size], "big")
        if self.i + size > len(self.data):
            raise IndexError
        self.i += size
        return value

    def _signed(self, size: int) -> int:
        value = int.from_bytes(self.data[self.i:self.i + size], "big", signed=True)
        if self.i + size > len(self.data):
            raise IndexError
        self.i += size
        return value


def _roman(number: int) -> str:
    """A page number as LaTeX's ``\\pagenumbering{roman}`` prints it ("xiv")."""
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _encoding(font: str) -> str:
    """A font's encoding, told by its name as TeX's font naming schemes give it."""
    name = font.lower()
    if name.startswith(("ec", "t1-")) or name.endswith("8t") or name.startswith("ec-"):
        return "T1"
    if name.startswith(("tc", "ts1-")) or name.endswith("8c"):
        return "TS1"
    if name.startswith(("cmsy", "lmsy")):
        return "SY"
    if name.startswith(("cmtt", "cmsltt", "cmitt", "cmtex")) or "lmtt" in name:
        return "TT"
    return "OT1"


def _character(encoding: str, code: int) -> tuple[str, str]:
    """A character code's text in its font's encoding, or the combining mark of an accent
    (text empty)."""
    if encoding == "TT":
        return (chr(code) if 33 <= code <= 126 else ""), ""
    if encoding == "SY":
        return _CMSY.get(code, ""), ""
    if encoding == "TS1":
        return _TS1.get(code, chr(code) if 48 <= code <= 57 or 160 <= code <= 255 else ""), ""
    if encoding == "T1":
        if code in _T1_ACCENTS:
            return "", _T1_ACCENTS[code]
        if code in _T1:
            return _T1[code], ""
        if 128 <= code <= 190:
            return _T1_EXTENDED[code - 128], ""
        return (chr(code) if 33 <= code <= 126 or 192 <= code <= 255 else ""), ""
    if code in _OT1_ACCENTS:
        return "", _OT1_ACCENTS[code]
    return _OT1.get(code, chr(code) if 33 <= code <= 126 else ""), ""


def _page_lines(page: list[tuple[int, int, str]]) -> list[str]:
    """A page's lines in the order they were set, with a blank line where the space above a line
    is clearly more than the page's usual space between lines (a paragraph set apart, a heading,
    a list's item) or where a line is set higher than the one before it (a new column)."""
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(page) if b[0] > a[0]]
    usual = max(set(gaps), key=lambda g: (gaps.count(g), -g)) if gaps else 0
    lines: list[str] = []
    for k, (v, _, text) in enumerate(page):
        if k:
            above = v - page[k - 1][0]
            if above < 0 or (usual and above > usual * 1.3):
                lines.append("")
        lines.append(text)
    return lines
