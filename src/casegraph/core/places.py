"""Published area names to ONS codes of upper-tier local authorities (docs/DECISIONS.md, entry 40).

Why in ``core``: the graph links a review's area to its codes, and the page reader uses the same
names to tell a place among a heading's fields ("Child M — Sunderland — LCSPR — published
2024"): one home for what counts as a place's name.

A review's area, as its page prints it ("Brighton & Hove", "Bristol, City of", "Rotherham Local
Safeguarding Children Board", "Sir Ceredigion", "North Wales"), is matched to the upper-tier
(children's services) local authorities it stands for (in Northern Ireland, where trusts run
children's services, its council areas), and each gets the GSS code that was valid when the
review was published.  The tables are in ``data/reference/`` (see its README for the
sources, licences and dates); nothing here knows a code.

The matching rule is exact, never fuzzy, because a wrong link is worse than none:

1. the name is folded (accents, case, ``&`` for ``and``, punctuation) into words;
2. words that name a kind of body rather than a place ("Council", "Safeguarding Children
   Partnership", "London Borough of", Welsh "Cyngor Sir") are taken off the ends, one at a time,
   and each shorter name is looked up after the longer one failed;
3. a name of several authorities ("Bedford, Luton and Central Bedfordshire") is split at
   commas and "and" only if every part is itself a name of the tables, in exactly one way;
4. anything else is unmatched: a build warning names it and the review gets no link.

A name may stand for several codes over time ("Somerset" is the county to March 2023, the
unitary authority after): the codes valid in the publication month (or, without a month, at any
time in the publication year) are linked; an abolished authority's code is followed to its
successors only when the name itself has no code in that year.  A review without a year is
linked only when its name has one code and no successor.
"""

from __future__ import annotations

import calendar
import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from casegraph.core.errors import CasegraphError
from casegraph.core.iris import named_area, slugify
from casegraph.core.resources import reference_dir

AUTHORITIES = "upper-tier-authorities.csv"
HISTORY = "authority-code-history.csv"
NAMES = "authority-names.csv"
DISTRICTS = "lower-to-upper-tier-2021.csv"
PARTNERSHIPS = "partnerships.csv"

#: Words that name a kind of body, not a place; taken off the end of a name ("Kent County Council").
_TRAILING = frozenset((
    "council", "county", "city", "borough", "metropolitan", "district", "royal", "corporation",
    "ua", "safeguarding", "children", "childrens", "child", "young", "people", "partnership",
    "partnerships", "board", "boards", "local", "lscb", "lscp", "scp", "scb", "sb", "lsab",
    "multi", "agency", "arrangements", "together", "the",
    # (session 42) Scotland's bodies: "Highland CPC", "Falkirk Child Protection Committee"
    "cpc", "committee", "protection",
))
#: ... and off the start ("London Borough of Hackney", Welsh "Cyngor Sir Ceredigion").
_LEADING = frozenset((
    "the", "london", "royal", "borough", "city", "county", "metropolitan", "of", "cyngor", "sir",
))
_CONNECTORS = frozenset({",", "and"})


def words(name: str) -> list[str]:
    """``Brighton & Hove, City of`` -> ``['brighton', 'and', 'hove', ',', 'city', 'of']``."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    folded = re.sub(r"['\u2019`]", "", folded.replace("&", " and "))
    folded = re.sub(r"\s*[,;/+|]\s*", " , ", folded)
    return re.sub(r"[^a-z0-9,]+", " ", folded).split()


def key(tokens: Iterable[str]) -> str:
    return " ".join(t for t in tokens if t != ",")


def name_keys(name: str) -> set[str]:
    """The keys a table name is found under: itself and, for ONS's inverted "Bristol, City of",
    "City of Bristol" and "Bristol"."""
    keys = {key(words(name))}
    inverted = re.fullmatch(r"(.+),\s*((?:city|county) of)", name.strip(), re.I)
    if inverted:
        keys |= {key(words(inverted[1])), key(words(f"{inverted[2]} {inverted[1]}"))}
    return keys


@dataclass(frozen=True)
class Authority:
    """One GSS code of an upper-tier authority, with the dates it was valid (None: open)."""

    code: str
    name: str
    valid_from: date | None = None
    valid_to: date | None = None
    successors: tuple[str, ...] = ()
    nation: str = ""

    def valid_during(self, start: date, end: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= end)
                and (self.valid_to is None or self.valid_to >= start))


@dataclass(frozen=True)
class Entry:
    """What a name stands for: one authority under several codes over time ("authority"), a
    district inside one authority ("district"), or several authorities ("partnership")."""

    kind: str
    codes: frozenset[str]


@dataclass(frozen=True)
class Match:
    """The codes an area is linked to, or why it is not (``reason``)."""

    area: str
    codes: tuple[str, ...] = ()
    reason: str | None = None


@dataclass
class Gazetteer:
    authorities: dict[str, Authority] = field(default_factory=dict)
    index: dict[str, Entry] = field(default_factory=dict)

    def names_in(self, nation: str) -> list[str]:
        """The names of a nation's authorities as the table gives them ("Mid and East Antrim")."""
        return sorted(a.name for a in self.authorities.values() if a.nation == nation)

    def nations_of(self, area: str) -> set[str]:
        """The nations of the authorities a published area name stands for ({"Scotland"} for
        "Argyll and Bute"; empty for a name the tables do not hold)."""
        return {self.authorities[c].nation for entry in self.lookup(area) or [] for c in entry.codes
                if c in self.authorities and self.authorities[c].nation}

    # -- matching ------------------------------------------------------------------------------
    def lookup(self, area: str) -> list[Entry] | None:
        """The entries a published area name stands for, or None (see the module docstring)."""
        candidates = list(_candidates(words(area)))
        for tokens in candidates:
            entry = self.index.get(key(tokens))
            if entry is not None:
                return [entry]
        for tokens in candidates:
            parts = self._split(tokens)
            if parts is not None:
                return parts
        return None

    def _split(self, tokens: list[str]) -> list[Entry] | None:
        """The one way to read ``tokens`` as two or more names joined by commas and "and"."""
        n = len(tokens)
        # ways[i]: the segmentations of tokens[i:] into names (at most two kept: one is enough
        # to use, two mean the split is ambiguous)
        ways: list[list[list[Entry]]] = [[] for _ in range(n + 1)]
        ways[n] = [[]]
        for i in range(n - 1, -1, -1):
            if tokens[i] in _CONNECTORS:
                continue
            for j in range(i + 1, n + 1):
                entry = self.index.get(key(tokens[i:j]))
                if entry is None or (j < n and tokens[j] not in _CONNECTORS):
                    continue
                k = j
                while k < n and tokens[k] in _CONNECTORS:
                    k += 1
                if j < n and k == n:
                    continue  # a name cannot end in a connector
                for rest in ways[k]:
                    ways[i].append([entry, *rest])
                    if len(ways[i]) > 2:
                        break
            ways[i] = sorted(ways[i], key=len)[:2]
        found = [w for w in ways[0] if len(w) >= 2]
        if not found or (len(found) > 1 and len(found[0]) == len(found[1])
                         and found[0] != found[1]):
            return None
        return found[0]

    def match(self, area: str, year: int | None, month: int | None = None) -> Match:
        """The GSS codes of ``area`` valid when a review was published (see the module docstring)."""
        if not named_area(area):
            return Match(area, reason="the page does not name the area")
        entries = self.lookup(area)
        if entries is None:
            return Match(area, reason="no upper-tier local authority or partnership of that name "
                                      "in data/reference/")
        codes: set[str] = set()
        for entry in entries:
            found = self._codes(entry, year, month)
            if isinstance(found, str):
                return Match(area, reason=found)
            codes |= found
        return Match(area, tuple(sorted(codes)))

    def _codes(self, entry: Entry, year: int | None, month: int | None) -> set[str] | str:
        if entry.kind == "partnership":
            out: set[str] = set()
            for code in entry.codes:
                found = self._codes(Entry("authority", frozenset({code})), year, month)
                if isinstance(found, str):
                    return found
                out |= found
            return out
        if year is None:
            lineage = self._lineage(entry.codes)
            if len(lineage) == 1:
                return set(lineage)
            return ("the page gives no publication year to choose between the codes "
                    + ", ".join(sorted(lineage)))
        start, end = _period(year, month)
        valid = {c for c in entry.codes if self.authorities[c].valid_during(start, end)}
        if valid:
            return valid
        return self._successors(entry, start, end)

    def _successors(self, entry: Entry, start: date, end: date) -> set[str] | str:
        """The codes that replaced an abolished authority, valid in the period.  A district's
        authority split in two is not followed: which half holds the district is not known."""
        frontier = {c for c in entry.codes if (self.authorities[c].valid_to or date.max) < start}
        found: set[str] = set()
        while frontier:
            code = frontier.pop()
            nxt = self.authorities[code].successors
            if entry.kind == "district" and len(nxt) > 1:
                return (f"the authority {code} of this district was split in "
                        f"{self.authorities[code].valid_to:%Y}; which successor holds it is not known")
            for s in nxt:
                (found if self.authorities[s].valid_during(start, end) else frontier).add(s)
        if found:
            return found
        return f"no code of this area was valid in {start:%Y}"

    def _lineage(self, codes: Iterable[str]) -> set[str]:
        out, todo = set(), list(codes)
        while todo:
            code = todo.pop()
            if code not in out:
                out.add(code)
                todo += self.authorities[code].successors
        return out


def _period(year: int, month: int | None) -> tuple[date, date]:
    """The publication month, or the whole year when the page gives no month."""
    if month:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def _candidates(tokens: list[str]) -> Iterable[list[str]]:
    """``tokens``, then shorter and shorter forms with words of :data:`_TRAILING` and
    :data:`_LEADING` taken off the ends (fewest taken first; the end before the start)."""
    lead = 0
    while True:
        trail = len(tokens)
        while trail > lead:
            yield tokens[lead:trail]
            if tokens[trail - 1] not in _TRAILING and tokens[trail - 1] != ",":
                break
            trail -= 1
        if lead < len(tokens) and tokens[lead] in _LEADING:
            lead += 1
        else:
            return


# -- loading the tables -------------------------------------------------------------------------

def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / name
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise CasegraphError(f"cannot read the reference table: {exc.strerror}", path) from None


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def load_gazetteer(folder: Path) -> Gazetteer:
    """The tables of ``folder`` (``data/reference/``) as one gazetteer."""
    gaz = Gazetteer()
    for row in _rows(folder, AUTHORITIES):
        gaz.authorities[row["gss_code"]] = Authority(row["gss_code"], row["name"], nation=row["nation"])
    for row in _rows(folder, HISTORY):
        gaz.authorities[row["gss_code"]] = Authority(
            row["gss_code"], row["name"], _date(row["valid_from"]), _date(row["valid_to"]),
            tuple(row["successor_codes"].split()))
    names: dict[str, set[str]] = {}
    for a in gaz.authorities.values():
        for k in name_keys(a.name):
            names.setdefault(k, set()).add(a.code)
    alt_short: dict[str, set[str]] = {}
    for row in _rows(folder, NAMES):
        for k in name_keys(row["name"]):
            names.setdefault(k, set()).add(row["gss_code"])
        # "Southend UA" also stands for "Southend": the name with its kind-of-body words taken off
        *_, shortest = _candidates(words(row["name"]))
        alt_short.setdefault(key(shortest), set()).add(row["gss_code"])
    for k, codes in alt_short.items():
        if k and k not in names and len(codes) == 1:
            names[k] = codes
    districts: dict[str, set[str]] = {}
    for row in _rows(folder, DISTRICTS):
        for k in name_keys(row["ltla_name"]):
            districts.setdefault(k, set()).add(row["utla_code"])
    for k, codes in districts.items():
        if k not in names and len(codes) == 1:
            gaz.index[k] = Entry("district", frozenset(codes))
    for row in _rows(folder, PARTNERSHIPS):
        for k in name_keys(row["name"]):
            if k not in names:
                gaz.index[k] = Entry("partnership", frozenset(row["gss_codes"].split()))
    for k, codes in names.items():
        gaz.index[k] = Entry("authority", frozenset(codes))
    unknown = {s for a in gaz.authorities.values() for s in a.successors} - set(gaz.authorities)
    unknown |= {c for e in gaz.index.values() for c in e.codes} - set(gaz.authorities)
    if unknown:
        raise CasegraphError(f"codes used but not listed: {', '.join(sorted(unknown))}", folder)
    return gaz


@cache
def default_gazetteer() -> Gazetteer:
    return load_gazetteer(reference_dir())


@cache
def comma_names() -> tuple[str, ...]:
    """The authorities' names with a comma inside ("Bournemouth, Christchurch and Poole", "Newry,
    Mourne and Down"): a reader that cuts a list of fields or of places at commas cuts these."""
    return tuple(sorted({a.name for a in default_gazetteer().authorities.values() if "," in a.name}))


@cache
def board_letters() -> dict[str, str]:
    """(session 79) Each regional safeguarding board of the tables by the letters of its name,
    as a board numbers its reviews ("CTMSB 4/2023" is Cwm Taf Morgannwg Safeguarding Board's,
    "NWSB 1/2024" North Wales's, "CVRSB 2/2023" Cardiff and Vale Regional Safeguarding
    Board's): the initials of its name's words but "and", then "SB" and "RSB".  Derived from
    the names, so no table of letters to keep; a name of one word ("CYSUR") has none."""
    out: dict[str, str] = {}
    for row in _rows(reference_dir(), PARTNERSHIPS):
        initials = "".join(w[0] for w in row["name"].split() if w.lower() != "and").upper()
        if len(initials) >= 2:
            for letters in (initials + "SB", initials + "RSB"):
                out.setdefault(letters, row["name"])
    return out


@cache
def _printed_names() -> dict[str, str]:
    """Each slug of an authority's or a partnership's name in the tables, and that name, where
    the tables print one name for it."""
    folder = reference_dir()
    seen: dict[str, set[str]] = {}
    for row in _rows(folder, AUTHORITIES) + _rows(folder, HISTORY) + _rows(folder, PARTNERSHIPS):
        seen.setdefault(slugify(row["name"]), set()).add(row["name"])
    return {slug: next(iter(names)) for slug, names in seen.items() if len(names) == 1}


def printed_name(area: str) -> str:
    """An area as the reference tables print it when its IRI's slug is one of theirs
    ("Newry Mourne and Down" is "Newry, Mourne and Down"), else as given.

    Why: an area's IRI is its name's slug, and an organisation has exactly one name in the
    shapes; two spellings of one slug (a comma dropped, session 51) gave the IRI two names, a
    violation outside any review, and the build stopped.  A function of the name and the
    shipped tables, so that a review's cached triples agree with a new review's."""
    return _printed_names().get(slugify(area), area)


def unmatched_warnings(matches: Iterable[tuple[str, Match]]) -> list[str]:
    """One build warning per unmatched area name, naming it, why, and the reviews left unlinked."""
    by_area: dict[tuple[str, str], list[str]] = {}
    for slug, m in matches:
        if m.reason is not None and named_area(m.area):
            by_area.setdefault((m.area, m.reason), []).append(slug)
    out = []
    for (area, reason), slugs in sorted(by_area.items()):
        slugs.sort()
        some = ", ".join(slugs[:3]) + (f" and {len(slugs) - 3} more" if len(slugs) > 3 else "")
        out.append(f"area {area!r} not linked to an ONS code ({reason}): {some}")
    return out
