"""Braille Ready Format (``.brf``) read back into print.

(session 74) A board publishes the braille edition of a review's summary beside its PDF: an
ASCII file, one character a braille cell in North American Braille ASCII, 40-cell lines and
25-line pages (a form feed between pages, the braille page number at the foot of each), in
contracted English braille (UEB grade 2, and the older English Braille American Edition many
transcribers' tables still write).  Its words exist nowhere else in the file, so they are read
back: the contractions expanded as the rules of the code place them (a sign means one thing
alone, another at a word's start, another inside it), capitals and numbers as their
indicators say.  The back-translation is a reader's, not a transcriber's: a rare contraction
can come out spelled wrong, but the account, the names ("Child J") and the figures survive.

No braille library is used: liblouis, the reference, is a C library that no wheel carries, and
the reading needs only the tables below (DECISIONS 118).
"""

from __future__ import annotations

import re

#: Braille Ready Format files, and the media type they are published under.
BRF_SUFFIXES = {".brf"}
BRF_MEDIA = "text/x-brf"

#: A cell's letter for the signs Braille ASCII writes in two ways (older files in capitals'
#: places: "{" for "[" and so on); read as one.
_FOLD = str.maketrans({"{": "[", "}": "]", "|": "\\", "~": "^", "`": "@"})

#: Alphabetic wordsigns and the strong wordsigns: a sign standing for a whole word when alone.
_WORDS = {
    "b": "but", "c": "can", "d": "do", "e": "every", "f": "from", "g": "go", "h": "have", "j": "just",
    "k": "knowledge", "l": "like", "m": "more", "n": "not", "p": "people", "q": "quite", "r": "rather",
    "s": "so", "t": "that", "u": "us", "v": "very", "w": "will", "x": "it", "y": "you", "z": "as",
    "*": "child", "%": "shall", "?": "this", ":": "which", "\\": "out", "/": "still",
    "&": "and", "=": "for", "(": "of", "!": "the", ")": "with",
    "2": "be", "5": "enough", "7": "were", "8": "his", "9": "in", "0": "was", "6": "to",
}
#: Shortforms: abbreviated words, read only as whole words (or with "'s" after them).
_SHORTFORMS = {
    "ab": "about", "abv": "above", "ac": "according", "acr": "across", "af": "after", "afn": "afternoon",
    "afw": "afterward", "ag": "again", "ag/": "against", "al": "also", "alm": "almost", "alr": "already",
    "alt": "altogether", "alth": "although", "alw": "always", "2c": "because", "2f": "before",
    "2h": "behind", "2l": "below", "2n": "beneath", "2s": "beside", "2t": "between", "2y": "beyond",
    "bl": "blind", "brl": "braille", "*n": "children", "cd": "could", "dcv": "deceive", "dcl": "declare",
    "ei": "either", "fr": "friend", "f/": "first", "gd": "good", "grt": "great", "h]": "her",
    "h]f": "herself", "hm": "him", "hmf": "himself", "imm": "immediate", "xs": "its", "xf": "itself",
    "lr": "letter", "ll": "little", "m*": "much", "m/": "must", "myf": "myself", "nec": "necessary",
    "nei": "neither", "pd": "paid", "p]cv": "perceive", "p]h": "perhaps", "qk": "quick",
    "rcv": "receive", "rjc": "rejoice", "sd": "said", "%d": "should", "s*": "such",
    "?mvs": "themselves", "td": "today", "tgr": "together", "tm": "tomorrow", "tn": "tonight",
    "wd": "would", "yr": "your", "yrf": "yourself", "yrvs": "yourselves", "\\rvs": "ourselves",
}
#: Initial-letter contractions: dots 5, 45 or 456 before a letter, anywhere in a word.
_INITIAL = {
    '"': {"d": "day", "e": "ever", "f": "father", "h": "here", "k": "know", "l": "lord", "m": "mother",
          "n": "name", "o": "one", "p": "part", "q": "question", "r": "right", "s": "some", "t": "time",
          "u": "under", "w": "work", "y": "young", "!": "there", "*": "character", "?": "through",
          ":": "where", "\\": "ought", "<": "(", ">": ")"},
    "^": {"u": "upon", "w": "word", "!": "these", "?": "those", ":": "whose"},
    "_": {"c": "cannot", "h": "had", "m": "many", "s": "spirit", "w": "world", "!": "their"},
    "@": {"l": "£", "s": "$", "e": "€", "c": "¢"},
}
#: Final-letter contractions: dots 46, 56 or 6 before a letter, inside a word only.
_FINAL = {
    ".": {"d": "ound", "e": "ance", "n": "sion", "s": "less", "t": "ount"},
    ";": {"e": "ence", "g": "ong", "l": "ful", "n": "tion", "s": "ness", "t": "ment", "y": "ity"},
    ",": {"n": "ation", "y": "ally"},
}
#: Groupsigns that mean the same wherever they stand in a word.
_GROUPS = {"&": "and", "=": "for", "(": "of", "!": "the", ")": "with", "*": "ch", "<": "gh", "%": "sh",
           "?": "th", ":": "wh", "$": "ed", "]": "er", "\\": "ou", "[": "ow", "/": "st", "+": "ing",
           ">": "ar", "5": "en", "9": "in"}
#: Lower signs, by where they stand: a word's start, its middle, its end (punctuation there).
_LOWER = {"1": (None, "ea", ","), "2": ("be", "bb", ";"), "3": ("con", "cc", ":"),
          "4": (None, "dd", "."), "6": ("to ", "ff", "!"), "7": (None, "gg", None),
          "8": ("“", None, "?"), "0": ("by ", None, "”"), "-": ("com", "-", "-")}
#: The signs that stand for "and", "for", "of", "the", "with" and "a": braille writes them
#: together without a space ("with a" as ")a").
_JOINED = re.compile(r"^[&=(!)]+a?$")
_DIGITS = dict(zip("abcdefghij", "1234567890", strict=True))
#: The braille page number at the foot of a page (right-aligned: "#b" is page 2), and the print
#: page's number at a line's right margin, after a gap of spaces.
_PAGE_NUMBER = re.compile(r"^\s{12,}#[a-j]+\s*$")
_MARGIN_NUMBER = re.compile(r"\s{2,}#[a-j]+\s*$")


def is_brf(text: str) -> bool:
    """Whether a text is Braille ASCII: only the 64 cells' characters, spaces and line ends."""
    return bool(text.strip()) and re.fullmatch(r"[\x20-\x7e\r\n\f]*", text) is not None


def brf_text(text: str) -> str:
    """A braille file as print: each paragraph (a line indented two cells or more, and the
    lines after it) on a line of its own, its words read back; page numbers left out."""
    if not is_brf(text):
        raise ValueError("not Braille ASCII (a character no braille cell is written as)")
    paragraphs: list[list[str]] = []
    for page in text.replace("\r", "").split("\f"):
        for line in page.split("\n"):
            if not line.strip() or _PAGE_NUMBER.match(line):
                continue
            if line.startswith("  ") or not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(_MARGIN_NUMBER.sub("", line).strip())
    return "\n".join(" ".join(word(w) for w in " ".join(p).split()) for p in paragraphs) + "\n"


def word(cells: str) -> str:
    """One braille word (the cells between spaces) in print."""
    cells = cells.lower().translate(_FOLD)  # (files in capitals' places mean the same cells)
    caps, core = _capitals(cells)
    out = _whole(core)
    if out is None:
        out = _spelled(core)
    if caps == 2:
        return out.upper()
    return out[:1].upper() + out[1:] if caps == 1 else out


def _capitals(cells: str) -> tuple[int, str]:
    """The word's capital indicator (0 none, 1 its first letter, 2 the whole word) and the rest."""
    if cells.startswith(",,"):
        return 2, cells[2:].lstrip(",")
    if cells.startswith(",") and len(cells) > 1:
        return 1, cells[1:]
    return 0, cells


def _whole(core: str) -> str | None:
    """A word written as one sign or a shortform (with any punctuation and "'s" after it), or
    "with a" written together; None for a word spelled out."""
    m = re.fullmatch(r"(?P<lead>8?)(?P<body>.+?)(?P<poss>'s)?(?P<tail>[1-468']*)", core)
    if not m:
        return None
    body = m["body"]
    text = _WORDS.get(body) or _SHORTFORMS.get(body)
    if text is None and _JOINED.match(body) and len(body) > 1:
        text = " ".join(_WORDS.get(c, c) for c in body)
    if text is None:
        return None
    return ("“" if m["lead"] else "") + text + (m["poss"] or "") + _punctuation(m["tail"])


def _punctuation(tail: str) -> str:
    return "".join(_LOWER[c][2] or "" if c in _LOWER else c for c in tail)


def _spelled(core: str) -> str:
    """A word spelled in letters and contractions, read cell by cell."""
    out: list[str] = []
    i, n = 0, len(core)
    number = literal = capital = False
    while i < n:
        c, nxt = core[i], core[i + 1] if i + 1 < n else ""
        start, end = not out, re.fullmatch(r"[1-468'0]*", core[i + 1:]) is not None
        if c == "#" and out and out[-1][-1:].isalpha():
            out.append("ble")  # ("availa#": the groupsign inside a word; the number sign begins one)
        elif c == "#":
            number = True
        elif number and c in _DIGITS:
            out.append(_DIGITS[c])
        elif number and c in "14" and nxt in _DIGITS:
            out.append("," if c == "1" else ".")
        elif c == ";" and nxt in _FINAL[";"] and out and out[-1][-1:].isalpha() and not literal:
            out.append(_FINAL[";"][nxt])
            i += 1
        elif c == ";":
            literal = True  # a letter as itself ("Child ;,j"), not a wordsign
        elif c == "," and nxt in _FINAL[","] and out and out[-1][-1:].isalpha():
            out.append(_FINAL[","][nxt])
            i += 1
        elif c == ",":
            capital = True
        elif c in _INITIAL and nxt in _INITIAL[c]:
            out.append(_INITIAL[c][nxt])
            i += 1
        elif c == "." and nxt in _FINAL["."] and out and out[-1][-1:].isalpha():
            out.append(_FINAL["."][nxt])
            i += 1
        elif c.isalpha():
            number = False
            out.append(c.upper() if capital else c)
            literal = capital = False
        elif c in _LOWER:
            number = False
            at_start, middle, at_end = _LOWER[c]
            piece = at_start if start else at_end if end else middle
            out.append(piece if piece is not None else middle or at_end or "")
        elif c in _GROUPS:
            number = False
            out.append(_GROUPS[c])
        elif c in "'":
            out.append(c)
        i += 1
    return "".join(out)
