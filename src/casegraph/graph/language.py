"""The language tag of a prose literal: ``cy`` for Welsh, ``en`` otherwise (DECISIONS #40).

casegraph reads English and Welsh pages (Welsh boards publish bilingually).  A language library
would be a large download for a two-way choice, so the rule is small and documented: Welsh
function words (``yr``, ``mae``, ``gyda``, ``wedi``, ...) and a few words of case reviews
(``adolygiad``, ``plentyn``, ``diogelu``) are counted against English function words; a text is
Welsh when it has at least two Welsh words and more Welsh than English ones.  Short English
texts with a Welsh place name ("Child A, Ynys Môn") stay English; a Welsh title such as
"Adolygiad Ymarfer Plant Estynedig: Plentyn C" is Welsh.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ENGLISH, WELSH = "en", "cy"

# Words that are common in Welsh and are not English words.  ("a", "i", "o", "am", "ar", "y"
# are Welsh function words too, but also English or initials, so they do not count.)
_WELSH = frozenset((
    "yr", "yn", "ac", "ei", "eu", "mae", "roedd", "oedd", "wedi", "gyda", "hefyd", "ond", "neu",
    "sy", "fod", "bod", "hyn", "hynny", "pan", "dros", "ein", "nad", "nid", "yw", "ydy", "ydi",
    "fel", "gyfer", "drwy", "trwy", "gan", "rhwng", "oherwydd", "ble", "pryd", "sut", "beth",
    "pwy", "ddim", "rhaid", "gallu", "cael", "sydd", "oes", "mewn", "efo", "hwn", "hon", "rhain",
    "dylai", "dylid", "ynghylch", "ynglyn", "ymhlith", "gael", "bydd", "byddai", "yng", "ym",
    "gofal", "cymorth", "adolygiad", "adolygiadau", "ymarfer", "plentyn", "diogelu", "bwrdd",
    "estynedig", "cryno", "argymhellion", "argymhelliad", "dysgu", "gwersi", "teulu", "teuluoedd",
    "rhiant", "rhieni", "asiantaethau", "gwasanaethau", "cymdeithasol", "iechyd", "heddlu",
    "ysgol", "mam", "tad", "babi", "marwolaeth",
))
_ENGLISH = frozenset((
    "the", "and", "of", "to", "in", "was", "is", "for", "with", "that", "on", "by", "be", "were",
    "had", "has", "her", "his", "their", "should", "not", "from", "this", "which", "who", "when",
    "after", "before", "about", "been", "are", "it", "as", "at", "or", "an", "they", "she", "he",
    "its", "into",
))
#: A word, its head captured: Welsh elides articles into the next word, and "i'r", "o'r",
#: "mae'r" count as their head.
_WORD = re.compile(r"([^\W\d_]+)(?:['\u2019][^\W\d_]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


@lru_cache(maxsize=65536)
def language_of(text: str) -> str:
    """``cy`` when ``text`` reads as Welsh by the rule of the module docstring, else ``en``."""
    words = _words(text)
    welsh = sum(w in _WELSH for w in words)
    english = sum(w in _ENGLISH for w in words)
    return WELSH if welsh >= 2 and welsh > english else ENGLISH
