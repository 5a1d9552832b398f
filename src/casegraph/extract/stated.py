"""Ages, sexes and incident dates that a record states in a field of their own.

A tracker's export, a table or a key-facts list gives the child's age, sex and the date of the
incident as labelled values ("Child age at incident: 2y 3m", "Sex: F", "Date of incident:
07/2018") rather than in sentences.  Such a value is the page's own answer, so it is read
before the account's prose, in the shorthand trackers use.  A value that only bounds the age
("under 1", "0-1", "teenager") or does not say ("n/k", "not stated") gives nothing: nothing is
guessed.  The number words and units here are the ones every reading of an age shares.
"""

from __future__ import annotations

import re

from casegraph.core.model import NUMBER_WORDS, SEX_WORDS
from casegraph.ingest.parse import MONTH_SHORT, MONTHS, month_num

#: A number in figures or words ("3", "three"; "a" and "an" only where a unit follows).
NUM = r"(?:\d{1,3}|" + "|".join(k for k in NUMBER_WORDS if len(k) > 2) + ")"
#: Months in one of each unit (a month is the unit ages are recorded in).
UNIT_MONTHS = {"day": 1 / 30.4375, "week": 7 / 30.4375, "month": 1, "year": 12}
#: The oldest a child can be: 17 years and 11 months.
MAX_CHILD_MONTHS = 215


def num(word: str) -> int:
    """The value of a number in figures or words."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


# One age value in a tracker's shorthand or in words: "2y 3m", "0y 2m", "15y", "6 weeks",
# "4 years", "11 years and 6 months", "17", "15 yrs".
_UNITS = {"y": "year", "m": "month", "w": "week", "d": "day"}
_ORDER = ["year", "month", "week", "day"]
_PART = re.compile(rf"(?P<n>{NUM})\s*(?P<unit>y(?:rs?|ears?)?|m(?:ths?|onths?|os?)?|w(?:ks?|eeks?)?|"
                   r"d(?:ays?)?)\b\.?", re.I)
_AGE_VALUE = re.compile(rf"^(?:aged\s+)?(?:{_PART.pattern}(?:\s*,?\s*(?:and\s+)?)?)+(?:\s*old)?$", re.I)
_BARE_YEARS = re.compile(r"^(?:aged\s+)?(?P<n>\d{1,2})$")
_NEWBORN = re.compile(r"^(?:new[\s-]?born|neonate|(?:\d{1,2}\s+)?days?\s+old)$", re.I)
#: "AE 6y", "Child AE: 6y", "AE - 6y": a name in front of one child's value.
_NAMED = re.compile(r"^(?P<name>(?:(?:Child|Baby|Sibling)\s+)?[A-Z][A-Za-z0-9]{0,15})\s*[:\-–=]?\s+"
                    r"(?P<value>\S.*)$")
_PARTS = re.compile(r"\s*[;,/]\s*|\s+&\s+|\s+and\s+(?=(?:Child\s+|Baby\s+)?[A-Z])")


def age_months(value: str) -> int | None:
    """Months of one stated age, or None when the value is a bound, a range or says nothing."""
    text = value.strip(" .()")
    if _NEWBORN.match(text):
        return 0
    if (m := _BARE_YEARS.match(text)) is not None:
        months = int(m["n"]) * 12
    elif _AGE_VALUE.match(text):
        units = [_UNITS[p["unit"][0].lower()] for p in _PART.finditer(text)]
        if units != sorted(set(units), key=_ORDER.index):
            return None  # "6y, 9y": two ages, not one (units fall, each once, in one age)
        months = int(sum(num(p["n"]) * UNIT_MONTHS[u] for p, u in zip(_PART.finditer(text), units,
                                                                        strict=True)))
    else:
        return None
    return months if months <= MAX_CHILD_MONTHS else None


def _named_values(text: str, names: list[str]) -> list[tuple[str | None, str]]:
    """The value's parts, each with the child it names ("AE 6y; AF 9y") or None."""
    out: list[tuple[str | None, str]] = []
    for part in (p for p in _PARTS.split(text.strip()) if p.strip()):
        m = _NAMED.match(part.strip())
        name = None
        if m is not None and any(_same_name(m["name"], n) for n in names):
            name, part = next(n for n in names if _same_name(m["name"], n)), m["value"]
        out.append((name, part.strip()))
    return out


def _same_name(said: str, name: str) -> bool:
    """"AE" names "Child AE"; "Child AE" names "AE"."""
    return bool(name.strip()) and said.split()[-1].lower() == name.split()[-1].lower()


def stated_ages(text: str, names: list[str]) -> list[int | None] | None:
    """One age per named child (in ``names``' order) or, unnamed, in the order given; None when
    the field states no age at all."""
    parts = _named_values(text, names)
    if len(parts) > 1 and all(n is None for n, _ in parts) and age_months(text) is not None:
        parts = [(None, text)]  # "11 years and 6 months" is one age, not two
    return _per_child([(n, age_months(v)) for n, v in parts], names)


def stated_sexes(text: str, names: list[str]) -> list[str | None] | None:
    """One sex per child from a sex or gender field ("F", "Male", "AE F; AF M")."""
    return _per_child([(n, SEX_WORDS.get(v.strip(" .").lower())) for n, v in _named_values(text, names)],
                      names)


def _per_child(values: list[tuple[str | None, object]],
               names: list[str]) -> list | None:  # type: ignore[type-arg]
    """The values in the children's order: by the name each part gives, else as listed."""
    if not any(v is not None for _, v in values):
        return None
    if any(n is not None for n, _ in values):
        by_name = {n: v for n, v in values if n is not None}
        return [by_name.get(n) for n in names]
    return [v for _, v in values]


_MONTH_NAME = "|".join(MONTHS)
#: "07/2018", "2022-08", "12/07/2018", "July 2018", "12 July 2018", "2018"; (session 49) a
#: register's "Dec 2022", "Sept 2021" and "Jan–Mar 2023".
_INCIDENT = [
    re.compile(r"^(?:\d{1,2}[./-])?(?P<month>\d{1,2})[./-](?P<year>(?:19|20)\d\d)$"),
    re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<month>\d{1,2})(?:-\d{1,2})?$"),
    # (session 53) and a spreadsheet's "Oct-2022" (Excel's mmm-yyyy); (session 54) SAS's
    # "NOV2022" and "15NOV2022" (its MONYY7. and DATE9. formats)
    re.compile(rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s*)?(?P<name>{_MONTH_NAME}|{MONTH_SHORT})\.?,?(?:\s+|-|(?<=[A-Z]))"
               r"(?P<year>(?:19|20)\d\d)$", re.I),
    # (session 49) "Jan–Mar 2023": a span of months, its year alone
    re.compile(rf"^(?:{_MONTH_NAME}|{MONTH_SHORT})\.?\s*[–—-]\s*(?:{_MONTH_NAME}|{MONTH_SHORT})\.?,?\s+"
               r"(?P<year>(?:19|20)\d\d)$", re.I),
    re.compile(r"^(?P<year>(?:19|20)\d\d)$"),
]


def stated_month(text: str) -> int | None:
    """A month stated in a field of its own ("Incident month: 8", "August"), or None."""
    value = text.strip(" .")
    if value.isdigit():
        return int(value) if 1 <= int(value) <= 12 else None
    return month_num(value) if re.fullmatch(rf"(?:{_MONTH_NAME}|{MONTH_SHORT})", value, re.I) else None


def stated_incident(text: str) -> tuple[int | None, int | None]:
    """The year and month of a stated incident date, or (None, None) ("n/k", "ongoing")."""
    value = text.strip(" .")
    for rx in _INCIDENT:
        m = rx.match(value)
        if m is None:
            continue
        groups = m.groupdict()
        month = int(groups["month"]) if groups.get("month") else month_num(groups.get("name"))
        return int(m["year"]), month if month is None or 1 <= month <= 12 else None
    return None, None
