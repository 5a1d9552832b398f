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

Vectors are plain dicts, turned into one sparse matrix for clustering
(:mod:`casegraph.recur.cluster`).

Words alone miss paraphrases that share few content words ("dads" / "men in the household",
"a locked box" / "keep medicines out of reach"), so each text also has a dense vector
(:func:`embed`, docs/DECISIONS.md entry 49): the mean of the static token vectors of its
content words, from the WordLlama model whose weights ship inside the ``wordllama`` package
(256 dimensions, read from the package's own files; nothing is fetched, and the package's
Python code is never imported).  Two texts' similarity is the mean of their word cosine and
their dense cosine (:data:`WORDS`).  The dense vector of a text depends on that text alone.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import snowballstemmer
import yaml

from casegraph.core.errors import CasegraphError

if TYPE_CHECKING:
    import numpy as np

Vector = dict[str, float]
#: The share of the word cosine in a pair's similarity; the dense cosine has the rest.  Chosen
#: over 0.4-0.7 on the three labelled sets together (docs/DECISIONS.md, entry 49).
WORDS = 0.5
#: The static model's files inside the ``wordllama`` package (its tokenizer and token vectors).
MODEL_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
MODEL_WEIGHTS = ("weights", "l2_supercat_256.safetensors")

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
#: Recurring themes and the phrases that name them (a feature of the learned scorer, entry 56).
THEMES_FILE = Path(__file__).with_name("themes.yaml")


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


@lru_cache(maxsize=1)
def _themes() -> dict[str, list[tuple[list[str], str]]]:
    """Every phrase of ``themes.yaml`` as canonical words (synonym phrases made one token, as in
    a text), under its first word, with its theme."""
    try:
        table = yaml.safe_load(THEMES_FILE.read_text(encoding="utf-8"))
        pairs = [(tuple(_canonical(_WORD.findall(str(p).lower()))), str(theme))
                 for theme, phrases in table.items() for p in phrases]
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as exc:
        raise CasegraphError(f"cannot read themes: {exc}".splitlines()[0], THEMES_FILE) from None
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for phrase, theme in sorted(set(pairs)):
        if phrase:
            by_first.setdefault(phrase[0], []).append((list(phrase), theme))
    return by_first


@lru_cache(maxsize=65536)
def themes(text: str) -> frozenset[str]:
    """The themes of ``themes.yaml`` that one item names (any of a theme's phrases, whole words,
    after synonyms are made one token)."""
    table = _themes()
    words = _canonical(_WORD.findall(text.lower()))
    return frozenset(theme for k, w in enumerate(words) if w in table
                     for phrase, theme in table[w] if words[k:k + len(phrase)] == phrase)


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
    idf = idf_of(counts)
    vectors: list[Vector] = []
    for c in counts:
        v = {term: (1.0 + math.log(k)) * idf[term] for term, k in c.items()}
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        vectors.append({term: w / norm for term, w in v.items()})
    return vectors


def idf_of(counts: Sequence[Counter[str]]) -> dict[str, float]:
    """Smoothed IDF of each term over the texts whose term counts are ``counts`` (one home for
    the formula: the learned pair scorer weighs shared words by it too)."""
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    return {term: math.log((1 + n) / (1 + k)) + 1.0 for term, k in df.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def content(text: str) -> str:
    """The content words of ``text`` in order (stop words out, not stemmed), which is what the
    dense vector is made from: the static model knows "fathers" and "dads", not their stems."""
    return " ".join(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


@lru_cache(maxsize=1)
def _model() -> tuple[object, np.ndarray]:
    """The tokenizer and the token vectors, read once from the installed ``wordllama`` package.

    The package is located without importing it (its ``__init__`` configures the root logger
    and loads a client that would fetch a model from a hub); only its two data files are read."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise CasegraphError("the static model for recurrence is missing: install wordllama",
                             Path("wordllama"))
    root = Path(next(iter(spec.submodule_search_locations)))
    tokenizer = Tokenizer.from_file(str(root.joinpath(*MODEL_TOKENIZER)))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    vectors = load_file(str(root.joinpath(*MODEL_WEIGHTS)))["embedding.weight"]
    return tokenizer, vectors.astype("float32")


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit row (float32) per text: the mean of the static vectors of its content words'
    tokens (a text with none is a zero row, similar to nothing).

    The tokenizer splits at spaces first, so a text's tokens are its words' tokens, checked
    equal on every labelled and 2,400 synthetic items: each distinct word is tokenized and
    summed once, and a text's row is a sparse (text x word) count matrix times those sums.
    80,000 items have about 10,000 distinct words, so this takes about a second."""

    counts, words = content_counts(texts)
    return unit_rows(counts @ word_sums(words))


def unit_rows(rows) -> np.ndarray:  # type: ignore[no-untyped-def]
    """``rows`` as float32, each divided by its length (a zero row stays zero)."""
    import numpy as np

    out = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1)
    norms[norms == 0] = 1.0
    return out / norms[:, None]


def content_counts(texts: Sequence[str]):  # type: ignore[no-untyped-def]
    """A sparse (text x word) count matrix of the content words of ``texts`` (float32) and the
    words of its columns: a text's dense vector is this row times :func:`word_sums`."""
    import numpy as np
    from scipy import sparse

    words = [[w for w in _WORD.findall(t.lower()) if w not in STOPWORDS] for t in texts]
    index: dict[str, int] = {}
    cols = [index.setdefault(w, len(index)) for ws in words for w in ws]
    indptr = np.concatenate(([0], np.cumsum([len(ws) for ws in words])))
    counts = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), np.array(cols, dtype=np.int64),
                                indptr), shape=(len(texts), max(len(index), 1)))
    counts.sum_duplicates()
    return counts, list(index)


def word_sums(words: Sequence[str]) -> np.ndarray:
    """One row per word: the sum of the static vectors of its tokens (a zero row for no word)."""
    import numpy as np

    tokenizer, vectors = _model()
    sums = np.zeros((max(len(words), 1), vectors.shape[1]), dtype=np.float32)
    for k, enc in enumerate(tokenizer.encode_batch(list(words), add_special_tokens=False)):  # type: ignore[attr-defined]
        sums[k] = vectors[enc.ids].sum(axis=0)
    return sums
