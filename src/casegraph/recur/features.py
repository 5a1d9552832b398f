"""Item text to TF-IDF vectors over stemmed content words.

Why these features (docs/DECISIONS.md, entry 39): recommendations that say the same thing share
their content words far more than their wording ("professional interpreters" / "interpreting
services"), so Snowball stems carry most of the signal, and a small table of synonyms
(``synonyms.yaml``: "dads", "male carers" and "fathers" are one word) carries more.  Pairs of
adjacent words were measured too and lost recall on the development set (paraphrases rarely share
a pair), so they are not used.  Function words, the verbs every recommendation starts with
("ensure", "should") and the nouns every one names ("practitioners", "agencies", "partnership")
say nothing about what is recommended and are left out, so that two items never look alike
because both begin "ensure that practitioners ... should".  The child the review is about
("child", "children", "the girl", "her son") is named by nearly every item whatever it says, so
those words are left out too (entry 46: they joined "the girl missed her checks" to "domestic
abuse was harming the girl"); phrases that need them ("care for children") are made one token
by the synonym table first.

Vectors are plain dicts: the build clusters small corpora in pure Python (no numpy or
SciPy import, which costs more than the clustering), and large ones turn the same dicts
into one sparse matrix (:mod:`casegraph.recur.cluster`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import snowballstemmer
import yaml

from casegraph.core.errors import CasegraphError

Vector = dict[str, float]

_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("english")

#: English function words, and the verbs and nouns with which recommendations and learning points
#: are phrased whatever they are about.
_STOP_TEXT = """
a about above after again against all also am an and any are as at be been before being below
between both but by can could did do does doing during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more
most my no nor not of off on once only or other our ours out over own same she so some such than
that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours
should must shall may might need needs ensure ensures ensuring make makes sure consider
practitioners practitioner professionals staff agencies agency partnership partner local review
arrangements service services
child children girl boy son daughter young
"""
STOPWORDS = frozenset(_STOP_TEXT.split())
SYNONYMS_FILE = Path(__file__).with_name("synonyms.yaml")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, list[tuple[list[str], str]]]:
    """Every phrase of ``synonyms.yaml`` as words, under its first word, longest first, with its
    canonical token.  Matching word by word costs one dict look-up per word; a regular expression
    alternating over every phrase cost 0.3 ms a text (25 s for 80,000 texts)."""
    try:
        table = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CasegraphError(f"cannot read synonyms: {exc}".splitlines()[0], SYNONYMS_FILE) from None
    canon = {tuple(_WORD.findall(str(p).lower())): key for key, phrases in table.items() for p in phrases}
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for phrase in sorted(canon, key=lambda p: (-len(" ".join(p)), p)):
        by_first.setdefault(phrase[0], []).append((list(phrase), canon[phrase]))
    return by_first


def _canonical(words: list[str]) -> list[str]:
    """``words`` with each synonym phrase replaced by its token: leftmost, then longest first."""
    table = _synonyms()
    out: list[str] = []
    done = 0
    for k in [k for k, w in enumerate(words) if w in table]:
        if k < done:
            continue
        for phrase, token in table[words[k]]:
            if words[k:k + len(phrase)] == phrase:
                out += words[done:k]
                out.append(token)
                done = k + len(phrase)
                break
    return out + words[done:] if done else words


class _Terms(dict[str, str]):
    """Word -> its feature: the Snowball stem, or "" for a stop word; memoised (words are few,
    calls many) and read with one C-level look-up per word."""

    def __missing__(self, word: str) -> str:
        term = self[word] = "" if word in STOPWORDS else _stemmer.stemWord(word)
        return term


_TERMS = _Terms()


@lru_cache(maxsize=65536)
def terms(text: str) -> tuple[str, ...]:
    """The features of one item: its content words, synonyms made one word, stemmed."""
    return tuple(filter(None, map(_TERMS.__getitem__, _canonical(_WORD.findall(text.lower())))))


def normalised(text: str) -> str:
    """The key under which identical wordings are one point (case, punctuation and spacing apart)."""
    return " ".join(_WORD.findall(text.lower()))


def tfidf(texts: Sequence[str]) -> list[Vector]:
    """L2-normalised TF-IDF vectors: sublinear term frequency, smoothed IDF over ``texts``.

    The IDF is that of the build's own items (both kinds), so "partnership" counts for little in
    a corpus where every other item names the partnership.
    """
    counts = [Counter(terms(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    idf = {term: math.log((1 + n) / (1 + k)) + 1.0 for term, k in df.items()}
    vectors: list[Vector] = []
    for c in counts:
        v = {term: (1.0 + math.log(k)) * idf[term] for term, k in c.items()}
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        vectors.append({term: w / norm for term, w in v.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
