"""What a person types into ``casegraph search``, as an FTS5 query that only ever means that.

FTS5 has a query language of its own (``AND``/``OR``/``NOT``, ``NEAR(...)``, ``column:``,
``^``, parentheses) and refuses malformed input with an error.  A search box must not expose
it: a review text that says "Child A: NEAR(...)" copied into a search must find words, not
crash.  So the input is split here into words and ``"quoted phrases"`` (a trailing ``*`` asks
for a prefix), and every term is written back as an FTS5 string, where nothing but ``"`` is
special; terms are joined with ``AND``.  A term without a single letter or digit would be an
empty phrase, which matches nothing and would empty the whole ``AND``: it is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from casegraph.core.errors import CasegraphError

#: More terms than anyone types; a bound on the work a pasted page can ask for.
MAX_TERMS = 64

# A quoted phrase (its closing quote optional: an unbalanced quote runs to the end), or a word.
_TERM = re.compile(r'"(?P<phrase>[^"]*)"?(?P<pstar>\*?)|(?P<word>[^\s"]+)')


@dataclass(frozen=True)
class Term:
    """One thing to find: a word or a phrase of words, optionally as a prefix."""

    text: str
    phrase: bool = False
    prefix: bool = False

    def fts(self) -> str:
        """The term as an FTS5 string (``""`` doubles a quote; nothing else is special there)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + " *" if self.prefix else quoted


def _has_token(text: str) -> bool:
    """Whether FTS5's unicode61 tokenizer finds a token: its token characters are the Unicode
    categories L*, N* and Co (everything else separates tokens)."""
    return any(unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co"
               for ch in text)


def _clean(text: str) -> str:
    """Control characters and lone surrogates (undecodable bytes of a command line) as spaces:
    they separate words anyway, and a surrogate cannot even be handed to SQLite."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def parse(text: str) -> list[Term]:
    """The terms of ``text``: ``"..."`` is a phrase, anything else between spaces a word.

    A hyphenated word (``information-sharing``) is a phrase of its parts, as the tokenizer
    splits it.  Raises :class:`CasegraphError` when nothing searchable is left.
    """
    terms: list[Term] = []
    for m in _TERM.finditer(_clean(text)):
        if m.group("word") is not None:
            word = m.group("word")
            body = word.rstrip("*")
            term = Term(body, prefix=body != word)
        else:
            term = Term(" ".join(m.group("phrase").split()), phrase=True, prefix=bool(m.group("pstar")))
        if _has_token(term.text):
            terms.append(term)
    if not terms:
        raise CasegraphError("nothing to search for: give one or more words, or a \"quoted "
                             "phrase\" (letters or digits)")
    if len(terms) > MAX_TERMS:
        raise CasegraphError(f"too many search terms ({len(terms)}); give at most {MAX_TERMS}")
    return terms


def to_match(text: str) -> str:
    """The FTS5 ``MATCH`` expression for ``text``: every term required (``AND``)."""
    return " AND ".join(t.fts() for t in parse(text))


def from_arguments(args: list[str]) -> str:
    """Command-line arguments as one query: an argument with a space in it and no quote of its
    own was quoted in the shell, so it is a phrase (``casegraph search "information sharing"``);
    separate arguments are separate words."""
    return " ".join(_argument(a) for a in args)


def _argument(arg: str) -> str:
    if len(arg.split()) < 2 or '"' in arg:
        return arg
    body = arg.rstrip("*")
    return f'"{body}"' + ("*" if body != arg else "")
