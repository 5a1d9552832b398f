"""From a parsed entry to facts: review type, children, harm, risk factors, agencies, items.

Every coded concept carries the exact quote it was read from.  Where the text does not say
something (sex, review type, area), the fact stays unknown: nothing is guessed from the year,
the site or the file name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from casegraph.core.iris import named_area, review_slug, slugify
from casegraph.core.model import Child, Coded, Evidence, ListItem, Mention, Review, SourceRef
from casegraph.core.places import board_letters, comma_names, default_gazetteer
from casegraph.core.textspan import Span
from casegraph.extract.context import (
    Sentence,
    assess,
    carried,
    injuries_attributed,
    name_words,
    names_its_person,
    rules,
    sentence_at,
    sentence_role,
    sentences,
)
from casegraph.extract.facts import precede, read
from casegraph.extract.stated import (
    MAX_CHILD_MONTHS,
    NUM,
    UNIT_MONTHS,
    num,
    stated_ages,
    stated_incident,
    stated_month,
    stated_sexes,
)
from casegraph.extract.vocab import Match, Vocabulary, tokens
from casegraph.ingest.document import FAMILY_NAME
from casegraph.ingest.parse import (
    _BULLET,
    MONTHS,
    TYPE_ABBREVIATIONS,
    Entry,
    Page,
    Section,
    month_num,
    name_words_cased,
)
from casegraph.ingest.sources import SourceText

_SEP = r"[\s-]+"
#: A birthday's ordinal ("his second birthday": 2 years).
_ORDINAL_BIRTHDAYS = {w: n for n, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"), start=1)}
# "4-year-8-month-old", "16-year-old", "aged 6-months-old", "8-day-old", "aged 15 years"
_AGE = re.compile(
    rf"\b(?:(?P<y>{NUM}){_SEP}years?{_SEP}(?:and{_SEP})?(?P<m>{NUM}){_SEP}months?{_SEP}old"
    rf"|(?P<n>{NUM}){_SEP}(?P<unit>day|week|month|year)s?{_SEP}old"
    rf"|aged{_SEP}(?P<ay>{NUM}){_SEP}years?,?{_SEP}(?:and{_SEP})?(?P<am>{NUM}){_SEP}months?"
    # ("aged 12 and over", "aged 16+": an audience or a service's range, nobody's age)
    rf"|aged{_SEP}(?P<an>{NUM})(?![\d\w]|\s*\+|\s+(?:and|or)\s+(?:over|above|under|older|younger|upwards)\b)"
    rf"(?:{_SEP}(?P<aunit>day|week|month|year)s?(?:{_SEP}old)?)?"
    # (session 81) "a boy aged two and a half": half a year more
    rf"(?P<half>\s+and\s+a\s+half\b)?"
    rf"(?P<and>\s+and\s+(?P<an2>{NUM}))?)"
    # "Ada was 15 when she ...", "a boy of 11 months"
    rf"|\bwas\s+(?P<wn>{NUM})(?:\s+years?\s+old)?\s+when\b"
    # (session 81) "Tomas, who is eleven, has cerebral palsy": in the present too
    rf"|\bwho\s+(?:was|is)\s+(?P<wn2>{NUM})\b(?![\s-]*(?:day|week|month|year|per|%|times)s?\b)"
    # (session 46) "Two weeks after his second birthday, V was found unresponsive": his years
    rf"|\bafter\s+(?:his|her|their)\s+(?P<bd>{'|'.join(_ORDINAL_BIRTHDAYS)})\s+birthday\b"
    rf"|\b(?:boy|girl|baby|child|infant|son|daughter)\s+of\s+(?P<on>{NUM})"
    rf"(?:{_SEP}(?P<ounit>day|week|month|year)s?"
    # (session 47) "a girl of 2 years 4 months": the months after the years
    rf"(?:,?{_SEP}(?:and{_SEP})?(?P<om>{NUM}){_SEP}months?)?)?\b"
    # "Sam was 17 and in care", "The child: a girl, 13.", "a boy, aged about 2": years alone
    # ("Z was 16, a young man": the years, then who the child was)
    # (session 46) "Orla was fifteen and had been living in foster care": in words too
    rf"|\bwas\s+(?P<wn3>\d{{1,2}}|(?!one\b){NUM})(?:\s+(?=and\b(?!\s+a\s+half\b)|at\s+the\s+time\b)"
    rf"|(?=,\s+an?\s+(?:young\s+(?:man|woman|person)|boy|girl|teenager)\b))"
    # ("Y was twelve, a boy with autism": the years in words, then who the child was)
    rf"|\bwas\s+(?P<wn4>{NUM})(?=,\s+an?\s+(?:young\s+(?:man|woman|person)|boy|girl|teenager)\b)"
    # (session 48) "Erin was 16.", "She was fifteen.": a sentence that only gives the age
    # (session 51) in the present too, as a team's notes write it: "Lowri is 13."
    # (session 82) or goes on about the child: "Lili is six and has cerebral palsy."
    rf"|(?:\b(?-i:[A-Z][a-z]{{1,15}})|\b(?-i:She|He))\s+(?:was|is)\s+(?P<wn5>\d{{1,2}}|(?!one\b){NUM})"
    r"(?=\.(?:\s|$)|\s+and\s+(?:has|had|is|was|lives|lived|uses|used|attends|attended)\b)"
    rf"|\b(?:boy|girl|young\s+person|teenager),\s+(?P<cn>\d{{1,2}})\b(?![\s-]*(?:day|week|month|year)s?\b)"
    # (session 81) "Child F (a boy, now six)": the years a newsletter gives him now
    rf"|\b(?:boy|girl),\s+now\s+(?P<cn3>\d{{1,2}}|(?!one\b){NUM})\b(?![\s-]*(?:day|week|month|year)s?\b)"
    # (session 77) "after Jayden, then 15, seriously injured another teenager", "Ellie, then
    # nine, and her brother Sam, then five,": the years the name's aside gives at the time
    # (not a parent's: "Mother, then aged 17, is referred ...")
    rf"|(?<=[A-Za-z])(?<!mother)(?<!father)(?<!partner)(?<!carer)(?<!parent),\s+then\s+(?:aged\s+)?"
    rf"(?P<tn>\d{{1,2}}|(?!one\b){NUM}),"
    # "(girl, two years and three months)": after the child's sex, years and months
    # (session 53) "(boy, 6 years 4 months)", "Child B, boy, 14 months": months without "and",
    # or months, weeks or days alone
    rf"|\b(?:boy|girl),\s+(?:(?P<by>{NUM})\s+years?(?:,?\s+(?:and\s+)?(?P<bm>{NUM})\s+months?)?"
    rf"|(?P<bn>{NUM})\s+(?P<bunit>day|week|month)s?\b)"
    # a tracker's shorthand: "14yo girl", "15 y/o"
    rf"|\b(?P<yo>\d{{1,2}})\s?(?:yo|y/o)\b"
    # (session 42) "admitted to hospital at seven months": the child's age at an event
    rf"|\b(?:admitted|taken|died)\b[^.,;]{{0,30}}?\bat\s+(?P<atn>{NUM}){_SEP}(?P<atunit>day|week|month)s?\b",
    re.I)
#: An age right after the child's name: "Child T (aged 4)", "Ellis (17, male)", "Rory, 14, was",
#: "Baby D (3 months)" (years unless it says months).
#: (session 81) in words between commas too: "Dylan, nine, was sexually abused"
_NAMED_AGE = (r"\s*(?:\(|,\s*)(?:aged\s+)?(?P<n>\d{1,2}|(?<=,\s)(?i:two|three|four|five|six|seven|eight|"
              r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?=,))"
              r"(?:\s+(?:years?|(?P<months>months?))(?:\s+old)?)?(?:\)|,)")
_NEWBORN = re.compile(r"\b(?:new[\s-]?born|neonate"
                      # (session 85) "... to a 17-year-old mother ... and died shortly after birth"
                      r"|died\s+(?:shortly|soon|within\s+hours|hours|minutes)\s+after\s+(?:(?:her|his|the)\s+)?birth)\b",
                      re.I)
#: (session 72) Two children a page names, each with an age in brackets, then says are
#: pseudonyms: "Ella (13) and her brother Sam (10), not their real names" under a heading that
#: names only the family ("Case Management Review - the B children (Lisburn and Castlereagh)").
_NOTED_PAIR = re.compile(r"\b(?P<a>(?-i:[A-Z][a-z]{1,15}))\s*\(\d{1,2}\)\s+and\s+(?:(?:her|his|their)\s+"
                         r"(?:(?:older|younger|elder|twin)\s+)?(?:half-|step-)?(?:brother|sister)\s+)?"
                         r"(?P<b>(?-i:[A-Z][a-z]{1,15}))\s*\(\d{1,2}\),?\s*[(–—-]?\s*not\s+their\s+real\s+names\b",
                         re.I)
def _family_members(letter: str, told: str) -> list[str]:
    """(session 79) The children of a review named for a family ("Family W – serious case
    review", document.FAMILY_NAME) that its account numbers with the family's letter ("Child W1
    (a girl of 11), Child W2 ...", "three siblings, referred to as Z1, Z2 and Z3"), as it first
    writes each ("Child W1", or "W1" alone), in their numbers' order; none unless there are two
    or more."""
    members: dict[int, str] = {}
    for m in re.finditer(rf"\b(?:(?-i:Child|Sibling)\s+)?{letter}(?P<n>\d)\b", told):
        members.setdefault(int(m["n"]), m.group())
    return [members[n] for n in sorted(members)] if len(members) >= 2 else []


#: (session 85) A family's children listed with their ages in brackets (after "children:", or
#: opening a sentence): "This serious case review concerns three children: Amy (9), Leo (6) and
#: their baby brother Sam (seven months).", "Ava (8), her brother Ben (5) and their sister Maya
#: (2) lived with domestic abuse ...".
_CHILD_IN_LIST = r"(?:(?:their|her|his)\s+(?:[a-z-]+\s+){0,2})?(?-i:[A-Z][a-z]{1,15})\s*\([^()]{1,20}\)"
_LISTED_CHILDREN = re.compile(rf"(?:\b(?:children|siblings)\s*:\s*)?\b(?P<list>{_CHILD_IN_LIST}"
                              rf"(?:\s*,\s*{_CHILD_IN_LIST})*,?\s+and\s+{_CHILD_IN_LIST})")


def _listed_children(told: str) -> list[str]:
    """The children a family's account lists by name, each with an age in brackets, in order."""
    m = _LISTED_CHILDREN.search(told)
    return re.findall(r"(?-i:[A-Z][a-z]{1,15})(?=\s*\()", m["list"]) if m else []


#: (session 47) A sibling introduced as another person, just before an age: "an older
#: half-sister, aged 6" ("her younger sister, an 11-year-old" may be a child of the review).
_ANOTHER_SIBLING = re.compile(r"\b(?:a|an)\s+(?:(?:older|younger|elder)\s+)?(?:half-|step-)?"
                              r"(?:brother|sister|sibling),[^.,;]{0,12}$")
#: (session 47) The children themselves, as siblings, before their ages: "... were brothers".
_THEMSELVES_SIBLINGS = re.compile(r"\b(?:were|are)\s+(?:\w+\s+)?(?:brothers|sisters|siblings)\s*$")
#: (session 47) A sibling's place by age right after the name: "Child P, the older of the two".
_ELDER = re.compile(r",?\s+(?:the\s+)?(?P<which>older|oldest|elder|eldest|younger|youngest)\b", re.I)
#: Another child named right before an age: "... that of Child Q, a 15-year-old boy".
_OTHER_CHILD = re.compile(r"\b(?P<name>(?:Child|Baby)\s+[A-Z]{1,3}\d?),\s+(?:an?\s+|aged\s+)?$")
#: Words before an age that make it a bound ("under 18-years-old", "over 16").
_BOUND = re.compile(r"\b(?:under|over|below|above|up\s+to|less\s+than|more\s+than|"
                    r"younger\s+than|older\s+than)\s*(?:the\s+age\s+of\s*)?$")
_UNDER_18 = re.compile(r"\bunder(?:\s+the\s+age\s+of)?\s+18\b|\bunder-18\b", re.I)
_FEMALE = re.compile(r"\b(girl|girls|daughter|sisters?|female|teenage girl|young woman)\b", re.I)
_MALE = re.compile(r"\b(boy|boys|son|brothers?|male|teenage boy|young man)\b", re.I)
#: Two children said to be twins ("twins", "her twin brother", "twin sisters").
_TWINS = re.compile(r"\btwins?\b", re.I)
_PLURAL_FEMALE = re.compile(r"\b(sisters|girls|daughters|twin girls)\b", re.I)
_PLURAL_MALE = re.compile(r"\b(brothers|boys|sons|twin boys)\b", re.I)
_POSS = re.compile(r"\b(his|her)\s+(?:\w+\s+)?(mother|father|parents?|mum|dad|stepfather|"
                   r"stepmother|carers?|family|grandparents?|birth|home|death|own)\b", re.I)
_PLURAL_COUNT = re.compile(
    rf"\b(?P<n>{NUM})\s+(?:\w+\s+){{0,2}}(?:siblings|children|babies|infants|brothers|sisters|"
    rf"cases|young people|girls|boys|twins)\b", re.I)
#: The most children one review is about (no development gold has more than four); a count
#: above it is a thematic review's cases (its labellers give it none).
_MOST_CHILDREN = 6
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)
_DATE = re.compile(
    rf"\b(?i:in|on|during|from|since|between|by|of|around|late|early|mid)\s+(?i:(?:early|late|mid)[\s-])?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH_RE}),?\s+"
    # (session 42) "in spring 2022", "in the summer of 2021": the year, no month
    rf"|(?i:(?:the\s+)?(?:spring|summer|autumn|winter)\s+(?:of\s+)?))?(?P<year>(?:19[4-9]\d|20\d\d))\b")
#: A date in figures: "14/02/2023", "3.5.2021".
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./](?P<month>\d{1,2})[./](?P<year>19[4-9]\d|20\d\d)\b")
#: A year however it is introduced ("over Easter 2021", "New Year's Day 2022"), with a month
#: name just before it if there is one.
_ANY_YEAR = re.compile(rf"(?:\b(?P<month>{_MONTH_RE})\s+)?\b(?P<year>19[4-9]\d|20\d\d)\b(?![/.-]\d)")


#: A day named by its festival, with the month it falls in: "New Year's Day 2020".
_HOLIDAY = re.compile(r"\b(?P<day>New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|"
                      r"Hallowe['’]?en|Bonfire\s+Night|Valentine['’]s\s+Day)"
                      r"\s+(?P<year>19[4-9]\d|20\d\d)\b")
_HOLIDAY_MONTH = {"new year's day": 1, "new year's eve": 12, "christmas": 12, "christmas day": 12,
                  "christmas eve": 12, "boxing day": 12, "halloween": 10, "hallowe'en": 10,
                  "bonfire night": 11, "valentine's day": 2}
#: A label that dates the page, not the incident, just before a date: "Posted 27/09/2022".
_POSTED = re.compile(r"\b(?:posted|updated|published|date|dated|issued)\W*$", re.I)


def _dates(sentence: str, loose: bool) -> list[tuple[int, int | None]]:
    """The dates of a sentence in order: introduced ones ("in March 2021", "on 3 May 2020") and
    dates in figures; in a sentence that tells of the harm (``loose``), any year at all."""
    return [(y, mo) for _, y, mo in _dated(sentence, loose)]


def _dated(sentence: str, loose: bool) -> list[tuple[int, int, int | None]]:
    """:func:`_dates` with each date's offset in the sentence."""
    found = [(m.start(), int(m["year"]), month_num(m["month"])) for m in _DATE.finditer(sentence)]
    found += [(m.start(), int(m["year"]), int(m["month"]) if 1 <= int(m["month"]) <= 12 else None)
              for m in _NUMERIC_DATE.finditer(sentence)
              if not _POSTED.search(sentence[:m.start()])]  # "Posted 27/09/2022": the page's date
    found += [(m.start(), int(m["year"]),
               _HOLIDAY_MONTH.get(re.sub(r"\s+", " ", m["day"].replace("’", "'")).lower()))
              for m in _HOLIDAY.finditer(sentence)]
    if loose and not found and not _NOT_INCIDENT.search(sentence):
        found = [(m.start(), int(m["year"]), month_num(m["month"])) for m in _ANY_YEAR.finditer(sentence)]
    return sorted(found)


#: A learning section's label that names lessons ("Learning for practitioners", "Lessons
#: learned", "What we learned") or findings ("Key findings", "Findings"); beside lessons, the
#: findings are what the review found in the case, not more learning.
_LESSONS_LABEL = re.compile(r"\b(?:learn\w*|lessons?)\b", re.I)
_FINDINGS_LABEL = re.compile(r"\bfindings?\b", re.I)


# ------------------------------------------------------------------- dates told from others
#: A child's birth date in the account ("Baby T was born on 3 August 2020").
# (session 49) "born at full term at Stepping Hill Hospital on 12 August 2022": where, then when
_BORN_WHERE = r"(?:(?:at|in)\s+[^.;,\d]{0,60}?\s+(?=on\s|in\s))?"
_BORN = re.compile(rf"\bborn\s+{_BORN_WHERE}(?:on\s+|in\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                   rf"(?:(?P<month>{_MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)\b")
#: The words before a harm's name that make it a plan's category: "under the category of".
_PLAN_CATEGORY = re.compile(r"\b(?:under\s+the\s+)?categor(?:y|ies)\s+of\s+$", re.I)
#: The words just before a birth's date: "born in", "was born on".
_BORN_AT = re.compile(rf"\bborn\s+{_BORN_WHERE}(?:on\s+|in\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:\w+\s+)?$",
                      re.I)
_OFFSET = rf"(?:(?P<n>{NUM}|a)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>after|before)\s+)"
#: A harm dated from the child's birthday or age, given the birth date: "two weeks after her
#: first birthday", "when she was ten weeks old", "aged 7 months", "at three weeks old".
_FROM_BIRTH = re.compile(
    rf"{_OFFSET}?(?:her|his|their)\s+(?P<nth>{'|'.join(_ORDINAL_BIRTHDAYS)})\s+birthday"
    # (session 48) "when they were four months old" (twins), "At three weeks old he was ..."
    # (session 49) "Baby R, then four months old, was found ..."
    rf"|\b(?:when\s+(?:she|he|they)\s+(?:was|were)|aged|(?:at|then)(?=\s+\S+\s+\S+\s+old\b))\s+(?P<an>{NUM})\s+"
    rf"(?P<aunit>day|week|month|year)s?\b", re.I)
#: A harm dated from another dated event: "eight months after a child protection plan for him
#: was ended in October 2021" (the one date after the offset).
_AFTER_EVENT = re.compile(rf"\b{_OFFSET}", re.I)
#: A newspaper's "in December last year": a year before the page's own.
_LAST_YEAR = re.compile(rf"\b(?:in\s+)?(?:(?P<month>{_MONTH_RE})\s+)?last\s+year\b")


def _shifted(year: int, month: int | None, months: float) -> tuple[int, int | None]:
    """A (year, month) moved by a number of months (a month unknown moves by whole years)."""
    if month is None:
        return year + int(months // 12), None
    total = year * 12 + (month - 1) + round(months)
    return total // 12, total % 12 + 1


def _offset_months(m: re.Match[str]) -> float:
    """The months of an offset ("two weeks after": +0.46; "a year before": -12); 0 for none."""
    if not m["n"]:
        return 0.0
    n = 1 if m["n"].lower() == "a" else num(m["n"])
    return n * UNIT_MONTHS[m["unit"].lower()] * (-1 if m["dir"].lower() == "before" else 1)


def _relative_date(sentence: str, account: str, year: int | None) -> tuple[int, int | None] | None:
    """The date a sentence of the harm gives from another (session 46): from the child's birth
    date in ``account`` ("two weeks after her first birthday", "when she was ten weeks old"), an
    event's date in the sentence ("eight months after ... ended in October 2021"), or the page's
    ``year`` ("in December last year"); None when it gives none."""
    born = _BORN.search(account)
    if born and (m := _FROM_BIRTH.search(sentence)):
        months = (_ORDINAL_BIRTHDAYS[m["nth"].lower()] * 12 + _offset_months(m) if m["nth"]
                  else num(m["an"]) * UNIT_MONTHS[m["aunit"].lower()])
        return _shifted(int(born["year"]), month_num(born["month"]) if born["month"] else None, months)
    if (m := _AFTER_EVENT.search(sentence)) and m["unit"].lower() != "day" and (
            after := _dated(sentence[m.end():], loose=False)):
        return _shifted(after[0][1], after[0][2], _offset_months(m))
    if year is not None and (m := _LAST_YEAR.search(sentence)) and not _CONVICTED_AT.search(
            sentence[:m.start()]) and not _NOT_INCIDENT.search(sentence):
        # (not "jailed for life for her murder last year": a verdict's year)
        return year - 1, month_num(m["month"]) if m["month"] else None
    return None


#: Words just before a date that make it a publication's: "published in", "published".
_PUBLISHED_BEFORE = re.compile(r"\bpublished\s+(?:in\s+|on\s+)?$", re.I)


#: A sentence that dates a concern or a referral, not a harm: "Concerns were raised by a
#: paediatric consultant in 2016", "The school referred her in 2019".
_CONCERN_DATE = re.compile(r"\b(?:concerns?\s+(?:were|was|had\s+been)\s+(?:first\s+)?"
                           r"(?:raised|reported|noted)|referred(?!\s+to\s+(?:in\s+[^.]{0,40}?\s+)?as\b)|"
                           r"referral\s+(?:was|were)\s+made)\b", re.I)
#: (session 70) A family's event before a date, which dates no harm when no sentence dates one:
#: "Their parents separated in 2019", "a new partner moved into the home in 2014", "had joined
#: the household in 2015", "a conviction for indecent assault on a child in 1998".
#: (session 81) and a service's step: "made subject to child protection plans in 2022",
#: "supported under a child in need plan in 2021" (a court's is no incident's: _NOT_INCIDENT).
_FAMILY_EVENT_DATE = re.compile(r"\b(?:separated|split\s+up|divorced|moved\s+(?:in|into|to|out)|"
                                r"joined\s+the\s+(?:household|family)|convict(?:ed|ion)|cautioned|"
                                r"caution\s+for|arrived\s+in|"
                                r"(?:child\s+protection|child\s+in\s+need)\s+plans?)\b[^.;]{0,60}$", re.I)
#: (session 82) The harm's own verb just before a date: "who was seriously harmed in",
#: "who died on".
_HARMED_IN = re.compile(r"\bwho\s+(?:was\s+|were\s+)?(?:seriously\s+|fatally\s+)?"
                        r"(?:harmed|injured|hurt|died|killed)(?:\s+(?:in|on))?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$",
                        re.I)
#: A publication's verb after a date, in the date's clause: "In 2016 the former Board published a
#: serious case review into the death of Baby AB".
_PUBLISHED_AFTER = re.compile(r"[^.;]{0,80}?\b(?:published|commissioned)\b", re.I)


def _dates_publication(sentence: str, at: int, harm_at: list[int]) -> bool:
    """Whether the date at ``at`` opens its sentence and dates a publication told after it, with
    no harm's words between ("In 2016 the Board published a review into the death of ...")."""
    if sentence[:at].strip():
        return False  # (only a date that opens the sentence: "... killed in 2021 and whose
        # review was published in 2023" dates the killing)
    m = _PUBLISHED_AFTER.match(sentence, at)
    return m is not None and not any(at < h < m.end() for h in harm_at)


#: Sentences whose dates are about the justice process or the review itself, not the incident.
_NOT_INCIDENT = re.compile(
    # ((session 82) a forum's or meeting's own date: "The forum was held in June 2025")
    r"\b(convicted|sentenced|charged|trial|court|released|review\s+(?:was|is)|put\s+in\s+place|"
    r"(?:forum|meeting|panel|event)\s+was\s+held|"
    r"commissioned|recommended\s+on|published|completed)\b"
    # (session 58) another review told by its year: "In 2016, a serious case review by Stockport
    # ... examined", "In 2017 the then Local Safeguarding Children Board ..."
    r"|^\s*In\s+(?:19|20)\d\d,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:review|board|partnership|LSCB)\b"
    # (session 73) a statement's own date line: "Posted on 14 May 2024", "Last updated: ..."
    r"|^\s*(?:posted|(?:last\s+)?updated|date\s+posted)\b",
    re.I)
#: A sentence that dates what happened: "The abuse had happened in August 2021".
_HAPPENED = re.compile(r"\b(?:abuse|assault|attack|injury|injuries|incident|it|this|harm)\s+(?:had\s+)?"
                       r"(?:happened|taken\s+place|took\s+place|occurred)\b", re.I)
#: A disclosure's verb shortly before a date, in the same clause: "she told a teacher, in January
#: 2022, that ...", "disclosed in March 2023".
_DISCLOSED_AT = re.compile(r"\b(?:told|tells|disclosed|discloses|revealed|reveals)\b[^;.]*$", re.I)
#: The incident named and dated: "the review's trigger incident in October 2022", "the
#: incident on 3 May 2021".
_INCIDENT_AT = re.compile(r"\b(?:trigger(?:ing)?\s+|serious\s+|critical\s+)?incident\s+(?:in|on|of)\s+"
                          r"(?:(?:early|late|mid)[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Za-z]*\s*"
                          r"(?:19|20)\d\d\b", re.I)
#: A verdict's verb shortly before a date, in the same clause: "was convicted of his murder in
#: July 2023", "jailed for life in 2018".
_CONVICTED_AT = re.compile(r"\b(?:convicted|sentenced|jailed|imprisoned|found\s+guilty|pleaded\s+guilty)\b"
                           r"[^;.]*$", re.I)


def _verdict_date(sentence: str, at: int) -> bool:
    """Whether the date at ``at`` is a verdict's ("convicted of his murder in July 2023"), not
    the offence's it names ("convicted of sexual offences against her committed in October
    2024")."""
    window = sentence[max(0, at - 60):at]
    return (bool(_CONVICTED_AT.search(window)) and not re.search(
        r"\b(?:committed|took\s+place|happened|occurred)\b", window, re.I)
            ) or bool(_VERDICT_AFTER.match(sentence, at))


#: (session 47) A date that opens a verdict's clause: "In June 2023 the boyfriend was convicted
#: of Child J's murder", "On 3 May 2022, his father pleaded guilty".
_VERDICT_AFTER = re.compile(
    r"(?:\w+\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Za-z]+\s+)?(?:19|20)\d\d,?\s+"
    r"(?:the|his|her|their|a|an|[A-Z]\w*\s+\w+['’]s)\s+[\w'’ -]{1,40}?\s+"
    r"(?:(?:was|were|had\s+been)\s+(?:convicted|sentenced|jailed|imprisoned|found\s+guilty)|pleaded\s+guilty)\b")


#: A sentence in which a partnership tells of its own reviews ("we published", "summarised below").
#: (session 81) or a book's "This edition holds short summaries of three serious case reviews"
#: ((session 83) "Three Local Child Safeguarding Practice Reviews (LCSPRs) were commissioned or
#: concluded; summaries follow.", "the safeguarding partners ... commissioned three local child
#: safeguarding practice reviews")
_OWN_REVIEWS = re.compile(r"\b(?:we|our|published|completed|concluded|commissioned|below|following|"
                          r"summaries\s+(?:of|follow))\b", re.I)
#: A sentence; a dot between figures ("12.03.2021", "2.5 miles") ends none.
_SENTENCE = re.compile(r"(?:[^.!?]|(?<=\d)\.(?=\d))+(?:[.!?]+|$)")
#: A date that starts a period, not an event: "since 2017", "between 2014 and 2016", "from 2019".
_SPAN_START = re.compile(r"(?:since|between|from)\b", re.I)
#: A harm that went on: "over several years", "for two years", "between 2014 and 2016", "over
#: 2020 and 2021", "during 2022 and 2023", "over a period of months".
_LASTING = re.compile(
    r"\b(?:over|for|during|throughout)\s+(?:a\s+period\s+of\s+)?(?:several|many|two|three|four|"
    r"five|six|\d{1,2})\s+(?:years|months)\b|\bover\s+(?:a\s+period\s+of\s+)?(?:years|months)\b"
    r"|\b(?:between|over|during|throughout)\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b", re.I)
#: A date that tells when a harm was told, not when it happened: "disclosed in March 2022".
_DISCLOSED = re.compile(r"\b(?:disclosed|told\s+(?:a|her|his|the)\s+\w+)\s+(?:to\s+\w+(?:\s+\w+)?\s+)?in\b",
                        re.I)


def _lasting(sentence: str, harm_at: list[int], dated: list[tuple[int, int, int | None]]
             ) -> str | None:
    """The words of the period of a harm that went on (after the harm's words and nearer to them
    than any date, with the year just after it: "over several months in 2021"), "" for a
    sentence that dates only the harm's disclosure ("disclosed in 2019 that ..."), else None
    ("took an overdose in September 2021 and had been self-harming for several years" is dated)."""
    nearest = min(abs(at - h) for at, _, _ in dated for h in harm_at)
    for m in _LASTING.finditer(sentence):
        if any(0 <= m.start() - h < 80 and m.start() - h <= nearest for h in harm_at):
            after = re.match(r"\s+in\s+(?:the\s+\w+\s+of\s+)?(?:19|20)\d\d\b", sentence[m.end():])
            return m.group() + (after.group() if after else "")
    told = _DISCLOSED.search(sentence)
    return "" if told and told.start() < min(harm_at) and len(_dated(sentence, loose=True)) == 1 else None


#: A timeline's line opens with its date: "12.03.2021 - Baby Q is taken to hospital ...".
_LEAD_DATE = re.compile(rf"^\s*(?:\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)\d\d|(?:\d{{1,2}}\s+)?(?:{_MONTH_RE})"
                        r"\s+(?:19|20)\d\d)\s*[-–—:]")
_TITLE_NOISE = re.compile(
    r"\((?:[^)]*summary[^)]*|LCSPR|CSPR|SCR|CPR|SCR executive summary|overview report|"
    r"(?:published|updated|completed)\b[^)]*)\)", re.I)
#: A review type's letters before a name ("LCSPR 'Kieran'", "CMR – "Ruby"").
_TYPE_LEAD = re.compile(rf"^{TYPE_ABBREVIATIONS}\b\s*(?=\S)")
#: A type's letters after the name: "Child R LCSPR - summary for the website".
_TYPE_TAIL = re.compile(rf"(?<=\S)\s+{TYPE_ABBREVIATIONS}$")
#: First names in capitals, two or more, the last after "AND" ("MAYA AND LEO", "AMY, JOSH AND
#: KAI"); none of them a word a heading uses ("LEARNING AND RECOMMENDATIONS").
_SHOUTED_NAMES = re.compile(
    r"(?!.*\b(?:LEARNING|RECOMMENDATIONS?|REVIEWS?|FINDINGS|ACTIONS?|THEMES?|NEGLECT|ABUSE|HARM|"
    r"SAFEGUARDING|PRACTICE|CHILDREN|FAMILIES|PARENTS|CARERS|SUMMARY|BRIEFING|BACKGROUND|"
    r"LESSONS|MESSAGES|QUESTIONS|NEXT|STEPS|WHAT|WHY|HOW|WE|OUR|THE|OF|FOR|FROM|TO|IN)\b)"
    r"(?-i:[A-Z]{2,15})(?:,\s*(?-i:[A-Z]{2,15}))*\s+AND\s+(?-i:[A-Z]{2,15})")
#: Parts of a heading that are never a pseudonym: a type's letters alone, a reference number, a
#: date, a publication note ("CMR", "CPR 07/2020", "CV 3/2019", "5 October 2023", "Published"),
#: a part's counter ("Episode 14").
_NOT_A_NAME = re.compile(
    # (a reference, "CYSUR 2/2023", or (session 62) its number left after the type's letters,
    # "CMR 04/23 – ‘Niamh’": "04/23")
    rf"^{TYPE_ABBREVIATIONS}$|^(?:[A-Z]{{2,6}}\s?)?\d{{1,3}}/\d{{2,4}}$|\b(?:19|20)\d{{2}}\b|"
    r"^(?:published|updated|posted|date)\b|^(?:extended|concise|rapid|thematic)$|"
    # a part's own counter: "Episode 14", "Part 2", "Issue 41", "Module 3"
    r"^(?:episode|part|issue|module|chapter|section|item|week|day)\s+\d{1,3}$"
    # (session 40) a document's own kind before the name: "CMR Summary: Ruby", "7 MINUTE
    # BRIEFING: Learning Review - Young People E and F"
    r"|^(?:\d{1,2}[- ]minute\s+)?(?:summary|briefing|learning\s+briefing|executive\s+summary|overview|"
    r"update|newsletter|bulletin|statement|press\s+release|news)$", re.I)
_REVIEW_PHRASE = re.compile(
    r"^(?:an?\s+)?(?:(?:local|national|extended|concise|joint)\s+)*(?:child\s+)?"
    r"(?:(?:safeguarding\s+practice|serious\s+case|practice|multi-agency(?:\s+learning)?|"
    r"significant\s+case|case\s+management|learning|partnership|domestic\s+homicide)\s+review"
    # (session 80) Wales's multi-agency professional forum (RT-MAR): "... Forum – Cai and Mali"
    r"|multi-agency\s+professional\s+forum)"
    r"(?:\s+(?:in\s+respect\s+of|of|into(?:\s+the\s+death\s+of)?|concerning|regarding|for))?\s*",
    re.I)
#: A pseudonym before its review's type written out: "the Child Amber serious case review
#: (Suffolk, 2017)" (not a service's name: "the Child Protection ... review").
_NAME_THEN_TYPE = re.compile(
    r"^(?:the\s+)?(?P<name>(?:Child|Baby|Young\s+Person)\s+(?!(?:Protection|Care|Services?|Safeguarding|"
    r"Death|Practice|Exploitation|Abuse|Health|Sexual|Criminal|Neglect)\b)"
    r"(?-i:[A-Z][a-z]{1,15}|[A-Z]{1,3}\d?))\s+"
    r"(?:(?:local\s+)?(?:child\s+)?(?:safeguarding\s+practice|serious\s+case|significant\s+case|"
    r"case\s+management|learning|practice)\s+review)(?:\s*\([^()]*\))?$", re.I)
# (session 57: the kind in lower case too, "a learning review – brothers J and T")
# ((session 63) each letter may be quoted, as Northern Ireland's reviews write them: "Siblings 'P'
# and 'Q'", its last quote gone when the title's quotes are trimmed)
_LIST_ID = r"['‘]?[A-Z0-9]{1,3}['’]?"
_LIST_NAMES = re.compile(r"^(?P<kind>(?i:children|babies|siblings|sisters|brothers|twins))\s+"
                         rf"(?P<ids>{_LIST_ID}(?:\s*,\s*{_LIST_ID})*"
                         rf"(?:\s*(?:,\s*)?(?:and|&)\s+{_LIST_ID}))$")
#: The pseudonym each child of a list heading is published under: "Children F and G" are "Child F"
#: and "Child G" (the name word is part of the pseudonym); "Sisters M and N", "Siblings B and C"
#: are "M" and "N" (a relation, as the text then calls them: "M, aged 3, and her sister N").
_SINGULAR = {"Children": "Child ", "Babies": "Baby ", "Siblings": "", "Sisters": "",
             "Brothers": "", "Twins": ""}
_NAMED_IN_TEXT = re.compile(
    r"\b(?P<name>(?:Child|Baby|Infant|Sibling|Twin|Young\s+[Pp]erson)\s+[A-Z0-9]{1,3}\d?)\b")
#: A title about reviews from elsewhere ("Learning from national serious case reviews") is not
#: about the page's own.
_ELSEWHERE = re.compile(r"\b(?:national|elsewhere|other\s+areas?|across|UK|England|Wales)\b", re.I)
#: A heading that names a kind of review the vocabulary has no type for ("Initial Case Review",
#: "Rapid review"): its page's type is not its own.
_NOT_A_REVIEW_TYPE = re.compile(r"\b(?:initial\s+case|rapid)\s+review\b", re.I)
#: Reviews named in the plural by their type: a page's title over its own reviews.
#: (session 68) or a list of them: "Serious Case Review Tracker 2011-12" over a board's rows
#: (session 81) or a digest of them: "Serious case review summaries 2001-2002"
_PLURAL_REVIEWS = re.compile(r"\breviews\b|\breview\s+(?:tracker|register|log|summaries)\b", re.I)
#: ((session 70) not England's and Wales's Area Child Protection Committees before 2006: an
#: "ACPC" or "Sheffield Area Child Protection Committee")
_SCOTTISH = re.compile(r"\b(?:Scotland|Scottish|(?<!Area\s)Child\s+Protection\s+Committee|"
                       # (session 70) a Scottish council's committee for children and adults alike
                       r"Public\s+Protection\s+Committee|Care\s+Inspectorate|CPC)\b", re.I)
#: Words of the other nations' reviews: a page that uses them is not Scotland's alone.
_OTHER_NATION = re.compile(r"\b(?:England|Wales|Northern\s+Ireland|LSCBs?|LSCPs?|LCSPRs?|"
                           r"CSPRs?|Safeguarding\s+Children\s+(?:Board|Partnership)|(?i:serious\s+case\s+reviews?))\b")
_DOC_EXEC = re.compile(r"executive\s+summary", re.I)
#: The page's own counter before a review's title ("Case vignette 1: Sam", "Review 2 - Baby D,
#: Salford (...)", "LEARNING NOTE A: Kai, 16 - ...", "10:00  Session 1 — "Jade": ..."): the
#: page's numbering, not the review's title.
_COUNTER = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s+)?(?:(?:screen|slide)\s+\d{1,2}(?:\s+of\s+\d{1,2})?\s*[:–—-]\s*)?"
    # ((session 72) a briefing template's slide, "Example 2: Local learning review – Baby S")
    r"(?:case(?:\s+(?:study|vignette|example|story|scenario))?|example|review|briefing|scenario|"
    r"learning\s+note|panel|session|vignette|spotlight|rr|cmr|scr|c?pr|l?cspr)\s*(?:\d{1,2}|[A-Z])\b"
    r"(?:\s+of\s+\d{1,2})?"  # ("CMR 1:" counts; "CMR 4/2023:", a reference, stays in the title)
    r"\s*[:–—-]\s+(?=\S)", re.I)
#: (session 83) A handout's "Case study 1 - Learning Review (Fife): Callum" keeps its counter:
#: the labellers of six development sets kept "Case study N - " in the title (after a colon,
#: "Case study 1: Child W — LCSPR ...", they did not).
_KEPT_COUNTER = re.compile(r"case\s+study\s+\d{1,2}\s+-\s", re.I)
_DOC_FULL = re.compile(r"overview\s+report|practice\s+review|full\s+report|\breview\b|\breport\b", re.I)


def _in_scotland(entry: Entry, source: SourceText) -> bool:
    """Whether a review is Scotland's: its own words say so, its area is a Scottish council's
    ("a learning review in Argyll and Bute"), or its page is Scotland's alone."""
    return (any(_SCOTTISH.search(text) for text in entry.parts) or _scotland_only(source.text)
            or (bool(entry.area) and default_gazetteer().nations_of(entry.area or "") == {"Scotland"}))


def _scotland_alone(entry: Entry) -> bool:
    """Whether a review's own words are Scottish and name no other nation's reviews (a page of
    Scotland's words alone is not enough: a list of additions from the four nations may name
    one child protection committee and no other nation's body)."""
    text = " ".join([*entry.parts, entry.area or ""])
    return bool(_SCOTTISH.search(text)) and not _OTHER_NATION.search(text)


@lru_cache(maxsize=32)
def _scotland_only(page_text: str) -> bool:
    """Whether a page is Scotland's alone (a committee's or the Care Inspectorate's words and no
    other nation's): read once per page, not once per review on it."""
    return bool(_SCOTTISH.search(page_text)) and not _OTHER_NATION.search(page_text)


def _bulleted(section: Section) -> bool:
    """Whether a section's text is a list of two bullets or numbered points at least."""
    return sum(bool(_BULLET.match(line.strip())) for line in section.span.text.split("\n")) >= 2


def _months(m: re.Match[str]) -> int | None:
    if m["y"]:
        return num(m["y"]) * 12 + num(m["m"])
    if m["n"]:
        return int(num(m["n"]) * UNIT_MONTHS[m["unit"].lower()])
    if m["ay"]:
        return num(m["ay"]) * 12 + num(m["am"])
    if m["an"]:
        unit = (m["aunit"] or "year").lower()
        return int((num(m["an"]) + (0.5 if m["half"] else 0)) * UNIT_MONTHS[unit])
    if years := next((m[g] for g in ("wn", "wn2", "wn3", "wn4", "wn5", "cn", "cn3", "tn") if m[g]), None):
        return num(years) * 12
    if m["on"]:
        months = int(num(m["on"]) * UNIT_MONTHS[(m["ounit"] or "year").lower()])
        return months + (num(m["om"]) if m["om"] and (m["ounit"] or "year").lower() == "year" else 0)
    if m["by"]:
        return num(m["by"]) * 12 + (num(m["bm"]) if m["bm"] else 0)
    if m["bn"]:
        return int(num(m["bn"]) * UNIT_MONTHS[m["bunit"].lower()])
    if m["yo"]:
        return int(m["yo"]) * 12
    if m["atn"]:
        return int(num(m["atn"]) * UNIT_MONTHS[m["atunit"].lower()])
    if m["bd"]:
        return _ORDINAL_BIRTHDAYS[m["bd"].lower()] * 12
    return None


#: A name (or names) then lower-case words: "Children A and B revisited".
_NAMES_THEN_WORDS = re.compile(r"^(?P<names>.*?\b[A-Z0-9]{1,3})(?:\s+(?-i:[a-z]+))+$")


#: Under ten years: younger than the age of criminal responsibility (England, Wales, Northern
#: Ireland), so not the person of an offender's record (the rules' ``adult_concepts``).
YOUNG_MONTHS = 120
#: From twelve, a review's young people are the unnamed person of their own drinking and drug use
#: (the rules' ``teen_concepts``).
TEEN_MONTHS = 144


def _too_young(mentions: list[Mention], children: list[Child]) -> list[Mention]:
    """Mentions of what no child as young as every child of the review has of its own (substance
    use, going missing, exploitation, a mental health diagnosis: the rules'
    ``older_child_concepts``, each with its age) made mentions only, no facts."""
    limits = rules().older_child_concepts
    return [replace(m, fact=False) if m.fact and m.notation in limits
            and _every_child_under(children, limits[m.notation]) else m for m in mentions]


def _every_child_under(children: list[Child], months: int, babies: bool = False) -> bool:
    """Whether a review's every child is younger than ``months``: each of its ages known and
    below, or (``babies``) a child of unknown age named "Baby ..." (one home for the two rules
    that read a concept by how young the children are)."""
    return bool(children) and all(
        c.age_months < months if c.age_months is not None
        else babies and (c.pseudonym or "").startswith("Baby ") for c in children)


def _parent_care_leaver(mentions: list[Mention], children: list[Child]) -> list[Mention]:
    """(session 75) A care leaver's words ("leaving care", "care leaver") in the account of
    children all too young to be one (the rules' ``care_leaver``) read as the parent's care
    history (RF-PACE): a baby's review tells of the mother's leaving care adviser, never of the
    baby's time in care (RF-LAC).  A child of unknown age is young when named "Baby ..."."""
    r = rules()
    if not _every_child_under(children, r.care_leaver_below, babies=True):
        return mentions
    return [replace(m, notation=r.care_leaver_concept)
            if m.notation == "RF-LAC" and " ".join(m.evidence.exact.lower().split()) in r.care_leaver_words
            else m for m in mentions]


#: Three or more first names listed with commas, the last after "and".
_FIRST_NAME_LIST = re.compile(r"(?-i:[A-Z][a-z]{1,15})(?:,\s*(?-i:[A-Z][a-z]{1,15})){1,4},?\s+and\s+"
                              r"(?-i:[A-Z][a-z]{1,15})")


#: The words around a partnership's name that make it the review's publisher or commissioner
#: ("Published by SBNI:", "commissioned by the Angus Child Protection Committee", "the
#: partnership has published"), which labellers do not count among the agencies involved.
_PUBLISHED_BY = re.compile(r"\b(?:published|commissioned|produced|issued|undertaken)\s+(?:\w+\s+)?by\s+"
                           r"(?:the\s+)?(?:former\s+)?(?:[\w'’&-]+\s+){0,5}$", re.I)
_PUBLISHES = re.compile(r"^(?:\s+(?:for\s+Northern\s+Ireland|\([A-Z]{2,6}\)))?\s+(?:has\s+|have\s+|had\s+)?"
                        r"(?:today\s+|now\s+|also\s+)?(?:published|commissioned|publishes|commissions)\b"
                        # (session 78) "Dundee CPC, published 2018"
                        r"|^,\s+published\b", re.I)


#: (session 78) A partnership's own furniture after its name: its website, its annual report,
#: its programme or policy ("see the partnership website", "SBNI Annual Report 2023-2024 | 22",
#: "included in the SBNI's 2023-24 training programme").
_ITS_OWN = re.compile(r"^(?:['’]s?)?\s+(?:own\s+|new\s+)?(?:website|web\s*site|annual\s+report|"
                      r"(?:[\w-]+\s+){0,2}(?:training\s+)?programme|(?:core\s+)?(?:[\w-]+\s+){0,3}policy)\b",
                      re.I)
#: (session 78) A field's label before the name, on its line: "Source: Safeguarding Board for
#: Northern Ireland", "Partnership: Thurrock LSCB", "| Committee | Highland Child Protection
#: Committee |", "Published: August 2022 (SBNI)".
_FIELD_BEFORE = re.compile(r"(?:^|\n)[ \t|]*(?:Source|Partnership|Publisher|Published|Commissioned\s+by|"
                           r"Produced\s+by|Author|Committee|Board|Local\s+(?:safeguarding\s+)?partnership)"
                           r"\b[^\n:|]{0,30}[:|][^\n]{0,60}$", re.I)
#: A line that is a masthead or a foot: the partnership's name with at most its place and a
#: copyright mark beside it ("WEST LOTHIAN CHILD PROTECTION COMMITTEE", "(c) Somerset
#: Safeguarding Children Partnership").
_MASTHEAD_REST = re.compile(r"^(?:[(©c)\s]*|(?:[(]?c[)]\s*|©\s*)?(?:(?-i:[A-Z])[\w'’&.-]*\s*){1,4})$", re.I)


#: (session 88) A review's, a court's or a doctor's confirmation after a suspicion, in the same
#: sentence: "...; the review confirmed that it had been caused by a forceful twisting of the arm".
_CONFIRMED = re.compile(r"\b(?:the\s+)?(?:review|panel|court|doctors?|paediatrician|tests?|scan|post-mortem)"
                        r"\s+(?:later\s+)?confirmed\b(?!\s+(?:that\s+)?(?:there\s+(?:was|were)\s+)?no\b)",
                        re.I)


def _denied_or_offered(mentions: list[Mention], entry: Entry) -> list[Mention]:
    """(session 88) The mentions under "What the review did not find" denied, whatever their
    own sentence says ("any sign that alcohol or drugs played a part in the household", "that
    her mother's low mood ... was more than short-lived"): each is a concept the review ruled
    out, a mention, never a fact.  And those in a list of the services a family was offered
    ("a domestic abuse outreach service"): a service's name, no fact of the case."""
    denied = [r for s in entry.section("not found") for r in s.span.source_ranges()]
    offered = [r for s in entry.section("services offered") for block in _listed(s.blocks)
               for r in block.source_ranges()]
    return [replace(m, fact=False, assertion="negated") if _within(m, denied)
            else replace(m, fact=False) if _within(m, offered) else m for m in mentions]


def _listed(blocks: list[Span]) -> list[Span]:
    """A list's items at the head of a part: its blocks up to the first that is no item (the
    account goes on under a list of services with "The family lived eleven miles ...")."""
    return list(itertools.takewhile(lambda b: bool(_LIST_ITEM.match(b.text)), blocks))


#: A list item's opening: a bullet or a number.
_LIST_ITEM = re.compile(r"^\s*(?:[-•*▪·]|\d{1,2}[.)])\s")


def _within(m: Mention, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= m.evidence.start < b for a, b in ranges)


def _publisher_mention(text: str, start: int, end: int) -> bool:
    """Whether a partnership named at ``text[start:end]`` is told only as the review's publisher
    or commissioner (session 49: with Scotland's and Northern Ireland's bodies read as AG-PART,
    "Published by SBNI: February 2024" was read as the board's part in the case), (session 78)
    or as the page's own: its masthead or foot, a field naming whose review it is, its website."""
    if _PUBLISHED_BY.search(text[max(0, start - 80):start]) or _PUBLISHES.match(text[end:end + 60]) \
            or _ITS_OWN.match(text[end:end + 60]) or _FIELD_BEFORE.search(text[max(0, start - 100):start]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = len(text) if (nl := text.find("\n", end)) < 0 else nl
    rest = f"{text[line_start:start]} {text[end:line_end]}".strip(" -–—|·,")
    return bool(_MASTHEAD_REST.match(rest.strip()))


def _area_in_english(area: str | None) -> str | None:
    """An area given in two languages ("Sir Gâr / Carmarthenshire", a Welsh notice's field) as
    the half the gazetteer knows, so that it links to its authority (session 49)."""
    halves = (area or "").split(" / ")
    if len(halves) != 2:
        return area
    return next((h.strip() for h in reversed(halves) if default_gazetteer().lookup(h.strip())), area)


def _whole_place(area: str | None, heading: str) -> str | None:
    """An area cut at a comma inside its own name ("Newry" of "Thomas (Newry, Mourne and
    Down)", "Armagh City" of "... Banbridge and Craigavon)": a heading's fields are split at
    commas) as the whole name the heading gives, when the gazetteer knows that name (session 54).
    Two Northern Ireland councils and Bournemouth, Christchurch and Poole have a comma in their
    names."""
    if not area or "," in area:
        return area
    return next((name for name in comma_names() if name.startswith(f"{area},") and name in heading), area)


def _as_told(name: str, text: str) -> str:
    """A name a heading prints in capitals ("4. LEARNING REVIEW: RORY") or by its letter alone
    ("Siblings P and Q") as the account writes it ("It concerns Rory, who was 14 ...", "Child P,
    a girl aged 9"): the child's name, not the heading's typography (session 49)."""
    if re.fullmatch(r"[A-Z]{1,2}\d?", name):
        # (session 49) "Siblings P and Q" over "Child P, a girl aged 9, and her brother Child
        # Q": each child by the name the account gives, not its letter alone
        told = re.search(rf"\b(?:Child|Baby|Young\s+[Pp]erson)\s+{name}\b", text)
        return told.group() if told else name
    if not name.isupper() or not re.search(r"[A-Z]{3}", name):
        return name
    cased = name_words_cased(name.title())
    return cased if re.search(rf"\b{re.escape(cased)}\b", text) else name


def names_from_title(title: str) -> list[str]:
    """Published pseudonym(s) in a heading: ``…review (LCSPR): Child A`` → ["Child A"]."""
    # a heading's decoration is not its words: "=== Child J (SILP) ===", "## Baby E"
    text = _TITLE_NOISE.sub("", title).strip().strip("=#*>▶▼►|~ ").strip()
    text = name_words_cased(text)  # a cover's "CHILD K" is Child K
    # (session 50: a register's case cell "Child R; Child S" names two children; session 67: a
    # digest's "Child R :: LCSPR (Norfolk)" parts its fields with a double colon)
    parts = [p.strip() for p in re.split(r"\s*::\s*|:\s+|;\s+|\s+[–—-]\s+|\s*\|\s*", text) if p.strip()]
    candidates = []
    typed: set[str] = set()  # names read before a review's type written out
    for part in parts:
        # (session 49) "Plentyn W / Child W": a name in Welsh and in English is the English one
        part = re.sub(r"^(?:Plentyn|Babi)\s+(\S+)\s+/\s+((?:Child|Baby)\s+\1)$", r"\2", part)
        part = _TYPE_LEAD.sub("", part)  # "LCSPR 'Kieran'": the name after the type's letters
        part = _TYPE_TAIL.sub("", part)  # "Child R LCSPR": the name before them
        # (session 70) "Twins 'Finn' and 'Eva'": the quoted names, not the word before them;
        # (session 77) nor before two first names, "Twins Ruby and Sam"
        part = re.sub(r"^(?:the\s+)?(?:twins|siblings|brothers|sisters)\s+"
                      r"(?=['‘\"“]|(?-i:[A-Z][a-z]{1,15})\s+and\s+(?-i:[A-Z][a-z]{1,15})\b)", "", part,
                      flags=re.I)
        # (session 56) "the Child Amber serious case review (Suffolk, 2017)": the name before
        # the review's type written out
        if m := _NAME_THEN_TYPE.match(part):
            part = m["name"]
            typed.add(part)
        rest = _REVIEW_PHRASE.sub("", part).strip(" '‘’\"“”.")
        if (rest and rest != part.strip(" '‘’\"“”.")) or not _REVIEW_PHRASE.match(part):
            candidates.append(rest)
    candidates = [c for c in (re.sub(r"\s*\([^()]*\)$", "", c).strip(" '‘’\"“”") for c in candidates)
                  if not _NOT_A_NAME.search(c)]
    # (session 47) "... CYSUR 1/2024 – Ceredigion – Osian and Mali": of a heading's parts, a
    # local authority's name is the area, not the children's
    if len(candidates) > 1:
        candidates = [c for c in candidates if not default_gazetteer().lookup(c)] or candidates
    # (session 47) first names in a heading in capitals: "7 MINUTE BRIEFING: MAYA AND LEO"
    candidates = [_SHOUTED_NAMES.sub(lambda m: m.group().title().replace(" And ", " and "), c)
                  if _SHOUTED_NAMES.fullmatch(c) else c for c in candidates]
    # (session 47) "National review: Child D, Swindon": the place after a pseudonym's comma
    # (never another name: "Child A, Child B and Child C", "Child A, B and C")
    candidates = [re.sub(r"^((?:Child|Baby)\s+[A-Z]{1,3}\d?),\s+(?!(?:Child|Baby)\b|[A-Z]{1,3}\b)"
                         r"(?-i:[A-Z][a-z])[\w’' -]{1,40}$", r"\1", c) for c in candidates]
    # "'Kai's Story' - what a Learning Review found": the story is the child's, the name his
    candidates = [re.sub(r"^(?P<n>(?-i:[A-Z][a-z]{1,15}))['’]s\s+(?:story|life|journey|voice)$",
                         r"\g<n>", c, flags=re.I) for c in candidates]
    # "Children A and B revisited": the names before a headline's trailing words
    candidates = [m["names"] if (m := _NAMES_THEN_WORDS.match(c)) and (
        _LIST_NAMES.match(m["names"]) or _NAMED_IN_TEXT.fullmatch(m["names"])) else c
        for c in candidates]
    # "England: Child W (Medway ...)": a pseudonym of the catalogue kind wins over a place
    named = [c for c in candidates if _NAMED_IN_TEXT.fullmatch(c) or _LIST_NAMES.match(c) or c in typed
             or re.fullmatch(r"(?:Child|Baby|Twin)\s+[A-Z0-9]{1,3}\s+and\s+(?:Child|Baby|Twin)\s+"
                             r"[A-Z0-9]{1,3}", c)]
    name = next((c for c in named + candidates if c and not re.search(r"\breviews?\b", c, re.I)), None)
    if not name or (any(w[:1].islower() for w in name.split()) and _NAMED_IN_TEXT.search(name)):
        # "Statement on the publication of the Child E review": the pseudonyms a descriptive
        # title names, each of the catalogue kind
        return list(dict.fromkeys(m["name"] for m in _NAMED_IN_TEXT.finditer(text)))
    m = _LIST_NAMES.match(name)
    if m:
        ids = [i.strip("'‘’") for i in re.split(r"\s*(?:,|\band\b|&)\s*", m["ids"])]
        return [f"{_SINGULAR[m['kind'].capitalize()]}{i}" for i in ids if i]
    words = name.split()
    # A descriptive title ("Babies with injuries") is not a pseudonym: names are capitalised.
    if any(w[:1].islower() and w not in {"and", "&"} for w in words):
        return []
    if _FIRST_NAME_LIST.fullmatch(name):
        # (session 48) "Sophie, Ross, Mia and Ava": first names listed, the last after "and"
        return re.split(r",\s*|\s+and\s+", name)
    if " and " in name and len(words) <= 5:
        return [n.strip(" '‘’\"“”") for n in re.split(r"\s+and\s+|\s*&\s*", name)
                if n.strip(" '‘’\"“”")]
    return [name] if len(words) <= 5 else []


#: (session 79) Words that say a type is not the review's: "Multi-Agency Professional Forum
#: (learning review, not a child practice review)".
_DENIED = re.compile(r"\b(?:not|never)\s+(?:an?\s+)?$", re.I)
#: (session 81) A type whose criteria a rapid review found unmet: "the criteria for a local child
#: safeguarding practice review were not met" (its words before the type, then after it).
_CRITERIA_FOR = re.compile(r"\bcriteria\s+for\s+(?:an?\s+)?$", re.I)
_NOT_MET = re.compile(r"^\s+(?:were|was|are|is)\s+not\s+met\b", re.I)  # (session 84: "are not met")
#: (session 82) ... or before it: "the case does not meet the criteria for an LCSPR".
_NOT_MEETING = re.compile(r"\bnot\s+meet\s+(?:the\s+)?criteria\s+for\s+(?:an?\s+)?$", re.I)


#: (session 79) A Welsh board's number for one of its reviews: "CTMSB 4/2023", "NWSB 1/2024".
_BOARD_NUMBER = re.compile(r"\b(?P<letters>[A-Z]{4,7})\s?\d{1,3}/\d{2,4}\b")


def _board_of(heading: str) -> str | None:
    """The board whose review number a heading gives, when nothing else names the area: "CTMSB
    4/2023 - Concise Child Practice Review: Child P" is Cwm Taf Morgannwg's review."""
    m = _BOARD_NUMBER.search(heading)
    return board_letters().get(m["letters"]) if m else None


def _not_denied(coded: list[Coded]) -> list[Coded]:
    """The review types a record's type field names, without those it says the review is not
    (each quote of them just after "not a", or (session 84) after "did not meet the criteria
    for a": "Multi-agency learning review (did not meet the criteria for a Child Practice
    Review)"); all of them, when it denies every one."""
    kept = [c for c in coded if not all(_DENIED.search(e.prefix) or _NOT_MEETING.search(e.prefix)
                                        for e in c.evidence)]
    return kept or coded


def _met(coded: list[Coded]) -> list[Coded]:
    """(session 81) The review types an account names, without those whose criteria it says
    were not met (the type of review not held); none when that is every one."""
    return [c for c in coded if not all((_CRITERIA_FOR.search(e.prefix) and _NOT_MET.match(e.suffix))
                                        or _NOT_MEETING.search(e.prefix) for e in c.evidence)]


def _evidence(source: SourceRef, text: str, start: int, end: int, sentence: str = "") -> Evidence:
    return Evidence(source, start, end, text[start:end],
                    text[max(0, start - 32):start], text[end:end + 32], sentence=sentence)


#: The role of each parser section kind (a notation of the mention-sections scheme).
SECTION_ROLE = {"summary": "case", "background": "case", "findings": "case", "other": "case", "model": "case",
                "heading": "case", "learning": "learning", "learning+recommendations": "learning",
                "recommendations": "recommendation", "keywords": "keywords",
                "discussion": "learning", "not found": "case", "services offered": "case"}
#: Section kinds that tell the account of the case (its summary, or a briefing's Background):
#: where the child's age and sex and the date of the harm are read.
ACCOUNT_KINDS = ("summary", "background", "findings")
#: Schemes whose mentions are read in context and become facts only by the rules of facts.py.
FACTUAL = ("harm-types", "risk-factors")


def _kicker(entry: Entry) -> list[Span]:
    """The short line just above an entry's heading when it only names a kind of review (a
    newsletter's kicker, "Local child safeguarding practice review" over "1. Child R"): the
    entry's type, which its heading and account may not say again."""
    window = max(0, entry.start - 300)  # (a window, not the page's whole text before each entry)
    before = entry.source.text[window:entry.start].rstrip()
    start = before.rfind("\n") + 1
    line = before[start:]
    if not start or not line or "." in line or len(line.split()) > 8 or not _KICKER.fullmatch(line.strip()):
        return []
    return [Span.of(line, window + start)]


def _without_kicker(summary: Span) -> Span:
    """An account without its last line when that line is only a kind of review: the next
    review's kicker ("National review" over the next heading), not this one's type."""
    text = summary.text.rstrip()
    cut = text.rfind("\n")
    last = text[cut + 1:].strip()
    if cut > 0 and last and "." not in last and len(last.split()) <= 8 and _KICKER.fullmatch(last):
        return summary.slice(0, cut)
    return summary


#: A report's section number before a heading ("5.2 ", "6.2.1 ": never a year, it has a dot),
#: or a paper's field label ("TITLE:  Case Management Review – Child O").
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){1,2}\.?|(?:TITLE|Title|SUBJECT|Subject):"
                             # (session 43) a handbook's "Case study 4.1 – CMR: Baby N (...)"
                             r"|(?:Case\s+(?:study|example)|Vignette)\s+\d{1,2}(?:\.\d{1,2})?\s*[:–—-]"
                             # (session 57) an annual report's part and letter, set apart: "3B  "
                             r"|\d{1,2}(?-i:[A-H])(?=\s{2})"
                             # (session 59) a briefing's lettered part, set apart: "A.  Extended ..."
                             r"|(?-i:[A-H])\.(?=\s{2}))"
                             r"\s+(?=\S)")
#: A line that is only a kind of review: "Local child safeguarding practice review", "National
#: review", "Serious case review".
_KICKER = re.compile(r"(?:[A-Za-z-]+\s+){0,5}(?:review|LCSPR|CSPR|SCR|CPR|CMR)", re.I)


class Extractor:
    """Turns parsed entries into :class:`Review` facts using one vocabulary."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab

    # -- concept coding ------------------------------------------------------------------------
    def _code(self, spans: Iterable[Span], scheme: str, source: SourceText, ref: SourceRef
              ) -> list[Coded]:
        found: dict[str, Coded] = {}
        for span in spans:
            if not span.text:
                continue
            for m in self.vocab.match(span.text, scheme):
                if scheme == "agencies" and m.notation == "AG-PART" \
                        and _publisher_mention(span.text, m.start, m.end):
                    continue  # (session 49) the partnership as the review's publisher, not its agency
                a, b = span.source_offset(m.start), span.source_offset(m.end)
                coded = found.setdefault(m.notation, Coded(scheme, m.notation))
                if not coded.evidence:  # the first quote; one per source keeps graphs lean
                    coded.evidence.append(_evidence(ref, source.text, a, b))
        return sorted(found.values(), key=lambda c: c.notation)

    def _mentions(self, parts: list[tuple[str, Span]], names: list[str | None], source: SourceText,
                  ref: SourceRef, sex: str | None = None,
                  skip: list[tuple[int, int]] | None = None, young: bool = False,
                  teen: bool = False) -> list[Mention]:
        """Every mention of a harm type or risk factor, in context, with the fact rules applied.

        ``sex`` is that of the review's only child, when known: then "her own" / "his own" name
        the child, and so does a sentence that opens with "She" / "He" (``young``: the child is
        under ten, so not for what only an older person can be, the rules' ``adult_concepts``;
        ``teen``: every child is twelve or more, so the unnamed person of drinking or drug use
        is the young person, the rules' ``teen_concepts``).
        ``skip`` are the source ranges of learning and recommendation items: the account's own
        reading of those words is skipped, since each item is read under its own role."""
        words = name_words(names)
        subject = {"female": "she", "male": "he"}.get(sex or "")
        if subject:
            words.append(({"she": "her", "he": "his"}[subject], "own"))
        adult = rules().adult_concepts if young else frozenset()
        own_use = rules().teen_concepts if teen else frozenset()
        out: list[Mention] = []
        # the account says, somewhere, that the injuries it tells were inflicted
        attributed = any(role == "case" and injuries_attributed(span.text) for role, span in parts)
        told = False  # the part before was a learning item that tells an event of the case
        for role, span in parts:
            if not span.text.strip():
                continue
            # "In August 2021 Child A was admitted ...; the mother's partner was later convicted
            # of ...": a learning item cut at a semicolon that goes on telling the event is account
            goes_on = told and role == "learning" and span.text.lstrip()[:1].islower()
            told = role == "learning" and (goes_on or sentence_role(
                span.text, role, names=words) == "case")
            sents = sentences(span.text)
            continued = carried(sents, words)
            # each sentence's next and previous ones ("... a skull fracture. The injuries had
            # been inflicted.")
            nexts = {a.start: b.text for a, b in pairwise(sents)}
            prevs = {b.start: a.text for a, b in pairwise(sents)}
            for scheme in FACTUAL:
                for m in self.vocab.match(span.text, scheme) + self._cue_matches(sents, scheme):
                    if role == "case" and skip and any(
                            a <= span.source_offset(m.start) < b for a, b in skip):
                        continue
                    sent = sentence_at(sents, m.start)
                    s_start, s_text = (sent.start, sent.text) if sent else (0, span.text)
                    after = nexts.get(s_start, "") if sent else ""
                    before = prevs.get(s_start, "") if sent else ""
                    if not names_its_person(m.notation, s_text, before, girl=subject == "she"):
                        continue  # ("he was never assessed" of a boy: no hidden man)
                    s_role = "case" if goes_on else sentence_role(s_text, role, names=words)
                    pronoun = None if m.notation in adult else subject
                    ctx = assess(s_text, m.start - s_start, m.end - s_start, m.notation, s_role,
                                 words, subject=pronoun, continues=continued.get(s_start),
                                 following=after, preceding=before,
                                 attributed=attributed and s_role == "case")
                    if ctx.assertion == "possible" and _CONFIRMED.search(s_text[m.end - s_start:]):
                        # (session 88) "The social worker suspected that the fracture had been
                        # inflicted; the review confirmed that it had been caused by ...": a
                        # suspicion the review confirmed is its finding
                        ctx = replace(ctx, assertion="affirmed")
                    if (m.notation in own_use and ctx.experiencer == "unstated"
                            and not (subject and _other_sex(subject, s_text))):
                        # (not "he was drinking again" in a girl's account: a man's)
                        ctx = replace(ctx, experiencer="child")
                    reading = read(m.notation, ctx, s_role, self.vocab)
                    a, b = span.source_offset(m.start), span.source_offset(m.end)
                    out.append(Mention(reading.scheme, reading.notation, s_role, ctx.experiencer,
                                       ctx.assertion, _evidence(ref, source.text, a, b, s_text),
                                       matched=m.notation, fact=reading.fact))
        return out

    def _cue_matches(self, sents: list[Sentence], scheme: str) -> list[Match]:
        """Mentions told by a sentence's shape (``sentence_cues`` of the context rules: a man in
        the child's life, and professionals not knowing him), read in context like any other."""
        return [Match(notation, scheme, s.start + m.start(), s.start + m.end())
                for notation, rx in rules().sentence_cues
                if self.vocab.concepts[notation].scheme == scheme
                for s in sents for m in rx.finditer(s.text)]

    def _facts(self, mentions: list[Mention], scheme: str) -> list[Coded]:
        """The facts of one scheme: each concept with the evidence of its first fact mention."""
        found: dict[str, Coded] = {}
        for m in mentions:
            if m.fact and m.scheme == scheme and m.notation not in found:
                found[m.notation] = Coded(scheme, m.notation, [m.evidence])
        for notation in list(found):  # a fact of a narrower concept is one of its broader ones
            for broader in self.vocab.ancestors(notation):
                if broader not in found and self.vocab.concepts[broader].scheme == scheme:
                    found[broader] = Coded(scheme, broader, list(found[notation].evidence))
        return sorted(found.values(), key=lambda c: c.notation)

    def _item_codes(self, text: str, scheme: str) -> list[str]:
        toks = tokens(text)
        return sorted({m.notation for m in self.vocab.match(text, scheme, toks)})

    # -- children, harm, dates -----------------------------------------------------------------
    def _children(self, names: list[str], summary: str) -> list[Child]:
        ages: list[tuple[int | None, int, int]] = []
        for m in _AGE.finditer(summary):
            before = summary[max(0, m.start() - 40):m.start()].lower()
            if re.search(r"\((?:[^)]*)$", before) and re.search(r"sibling|brother|sister", before):
                continue  # "Sibling F3 (aged 4 years old)": not the subject of the review
            if _someone_elses(before, len(names)):
                continue  # "their sibling aged 1 year", "the mother, aged 19": someone else
            if _ADULT_AFTER_AGE.match(summary, m.end()):
                continue  # (session 85) "born ... to a 17-year-old mother": the mother's age
            if _BOUND.search(before):
                continue  # "under 18-years-old": a bound, not an age
            if (other := _OTHER_CHILD.search(summary[max(0, m.start() - 40):m.start()])) and names \
                    and not any(n.casefold() == other["name"].casefold()
                                or n.casefold().endswith(" " + other["name"].split()[-1].casefold())
                                for n in names):
                continue  # (session 48) "compare his experience with that of Child Q, a 15-year-old"
            if m["wn5"] and names and not any(m.group().startswith(n.split()[-1]) for n in names) \
                    and not m.group().startswith(("She", "He")):
                continue  # (session 48) "Jay was seventeen." in Child R's review: Jay's age
            months = _months(m)
            if months is not None and months > MAX_CHILD_MONTHS:
                continue  # "an 18-year-old brother", an adult's age: not the child's
            ages.append((_months(m), m.start(), m.end()))
            if m["an2"]:
                ages.append((int(num(m["an2"]) * 12), m.start("an2"), m.end()))
        if not ages:
            nb = _NEWBORN.search(summary)
            if nb:
                ages.append((0, nb.start(), nb.end()))
        count = len(names)
        if not names:
            named = list(dict.fromkeys(x["name"] for x in _NAMED_IN_TEXT.finditer(summary)))
            plural = _PLURAL_COUNT.search(summary)
            if plural and num(plural["n"]) > 1:
                count = num(plural["n"])
            elif re.search(r"\btwins\b", summary, re.I):
                count = 2
            elif len(ages) > 1 and re.search(r"\b(?:and|sisters?|brothers?|siblings?)\b",
                                              summary[: ages[-1][1]], re.I):
                count = len(ages)
            else:
                count = 1
            if len(named) == count:
                names = named
            if count > _MOST_CHILDREN:
                # (session 74) "The Panel looked at 19 children from across England": a thematic
                # review's cases, not 19 children of its own; the review is about children all
                # the same (a review has a child: shapes/), told as one child the page names not
                return [Child(pseudonym=None)]
        named_ages = {}
        for name in names:
            # "Sister R" is "R" in the text: "R (9) and S (6) lived with ..."
            for form in dict.fromkeys((name, name.split()[-1])):
                m = re.search(rf"\b{re.escape(form)}" + _NAMED_AGE, summary)
                if m:
                    named_ages[name] = (num(m["n"]) * (1 if m["months"] else 12), m.start(), m.end())
                    break
        if len(names) >= 2 and len(named_ages) < len(names):
            named_ages = {**_ages_in_clause(names, summary), **named_ages}
        if names and len(named_ages) == len(names):
            ages = [named_ages[n] for n in names]
        elif named_ages and {a[1] for a in ages} <= {a[1] for a in named_ages.values()}:
            # every age the text gives is one child's, by name ("Child C, a baby of seven weeks";
            # "Child A, a girl in Year 4" has none): the others' are not known
            ages = [named_ages.get(n, (None, 0, 0)) for n in names]
        elif len(names) == 2 and len(ages) == 2 and (elder := _elder(names, summary)) is not None:
            # "the children, aged 4 and 7 ... Child P, the older of the two": the older one's
            ages = sorted(ages, reverse=elder == 0)
        if max(count, 1) == 1 and len(ages) > 1:
            ages = [_finer_age(ages)]
        children = []
        for i in range(max(count, 1)):
            child = Child(pseudonym=names[i] if i < len(names) else None)
            if i < len(ages):
                child.age_months, a, b = ages[i]
                child.sex = _sex_near(summary, a, b) if child.age_months is not None else None
            elif ages and len(ages) == 1 and count > 1:
                child.age_months = ages[0][0]
            children.append(child)
        if len(children) == 2 and _TWINS.search(summary) \
                and [c.age_months is None for c in children].count(True) == 1:
            # (session 60) "Alys and her twin brother Osian (not their real names), aged eight
            # months": twins are the same age
            known = next(c.age_months for c in children if c.age_months is not None)
            for c in children:
                c.age_months = known if c.age_months is None else c.age_months
        if len(children) == 1 and children[0].sex is None:
            children[0].sex = (_sex_by_pronoun(summary, names[:1]) or _sex_of_text(summary)
                               or _sex_of_opening_subject(summary))
        elif len(children) > 1:
            # "sisters aged 12 and 11", "twin boys": a plural noun gives every child's sex
            plural = {"female" for _ in _PLURAL_FEMALE.finditer(summary)} | {
                "male" for _ in _PLURAL_MALE.finditer(summary)}
            if len(plural) == 1:
                for c in children:
                    c.sex = c.sex or next(iter(plural))
            for c in children:  # "Baby Caoimhe and her brother Oisín", "E, a girl of 12, and F"
                c.sex = c.sex or (_sex_by_name(summary, c.pseudonym) if c.pseudonym else None)
        if all(c.age_months is None for c in children) and _UNDER_18.search(summary):
            for c in children:
                c.minor = True
        return children

    def _incident_of(self, entry: Entry, harms: list[Coded]) -> tuple[int | None, int | None]:
        """When the harm happened: the date in the sentence that tells of a harm, read from the
        account (the summary, then a briefing's Background), else the account's first date."""
        if stated := entry.section("incident"):
            # the record's own "Date of incident" field is its answer, "n/k" included; (session
            # 55) a coding frame's "Incident year: 2021" with its "Incident month: 8" beside it
            year, month = stated_incident(stated[0].text)
            if year and month is None:
                month = next((m for s in stated[1:] if re.search(r"month", s.label or "", re.I)
                              and (m := stated_month(s.text))), None)
            return year, month
        first: tuple[int | None, int | None] = (None, None)
        # (session 48) the whole account, where a block's date told from the child's birth finds
        # the birth ("1. BACKGROUND": "born in November 2022"; "2. WHAT HAPPENED": "Aged four months")
        account = "\n".join(s.text for kind in ACCOUNT_KINDS for s in entry.section(kind))
        for section in (s for kind in ACCOUNT_KINDS for s in entry.section(kind)):
            for span in section.blocks:
                date, with_harm = self._incident(span.text, harms, span.start, entry.year, account)
                if with_harm:
                    return date
                first = first if first != (None, None) else date
        if entry.heading_kind == "line" and not entry.section(*ACCOUNT_KINDS):
            # an archive's one line is its whole account: "2018 - Baby D - SCR - non-accidental
            # head injury in March 2017" (its publication year, blanked, is no incident's)
            text = re.sub(rf"\b{entry.year}\b", "    ", entry.heading) if entry.year else entry.heading
            date, with_harm = self._incident(text, harms, entry.start)
            return date if with_harm else first
        return first

    def _incident(self, text: str, harms: list[Coded], offset: int, year: int | None = None,
                  account: str | None = None) -> tuple[tuple[int | None, int | None], bool]:
        """The date of the first sentence of ``text`` that tells of a harm (and True), or the
        first date that is not a publication or review date (and False); ``year``, the page's or
        the review's, dates "last year"; ``account`` (``text`` by default), the whole account,
        holds the child's birth date that an age dates from."""
        account = text if account is None else account
        harm_starts = [e.start - offset for c in harms for e in c.evidence]
        first: tuple[int | None, int | None] = (None, None)
        lead = _LEAD_DATE.match(text)
        before: list[tuple[int, int, int | None]] = []  # the dates of the sentence before
        told_before: tuple[int, int | None] | None = None  # its date told from another
        for s in _SENTENCE.finditer(text):
            if (named := _INCIDENT_AT.search(s.group())) and (at := _dated(named.group(), loose=False)):
                # (session 42) "the review's trigger incident in October 2022": the page dates
                # the incident itself, whatever harm its sentence tells as going on before
                return at[0][1:], True
            # (session 48) "subject to child protection plans in 2021 under the category of
            # physical abuse": a plan's category names no harm that happened then
            harm_at = [h - s.start() for h in harm_starts if s.start() <= h < s.end()
                       and not _PLAN_CATEGORY.search(text[max(0, h - 40):h])]
            # (session 41) "she told a teacher, in January 2022, that ... had abused her": the
            # date of a disclosure is not the harm's
            every = _dated(s.group(), loose=bool(harm_at))
            # (session 42) "convicted of his murder in July 2023": the verdict's date, not the
            # harm's; a sentence dated only so dates nothing (the harm's date may come before)
            every = [d for d in every if not _verdict_date(s.group(), d[0])]
            if harm_at and not every and _CONVICTED_AT.search(s.group()):
                harm_at = []
            dated = [d for d in every if not _DISCLOSED_AT.search(s.group()[max(0, d[0] - 60):d[0]])]
            if harm_at and every and not dated:
                # the harm's date, if any, is the next sentence's "The abuse had happened in
                # August 2021"; else the account does not date it
                after = _SENTENCE.search(text, s.end())
                told = after and _HAPPENED.search(after.group()) and _dated(after.group(), loose=True)
                return (told[0][1:] if told else (None, None)), True
            if harm_at and dated and (period := _lasting(s.group(), harm_at, dated)) is not None:
                # "disclosed in March 2022 that they had been abused over several years": a harm
                # that went on has no month, and no year unless its period names one year
                # ("abused over several months in 2021"); (session 64) a period of two years or
                # more ("neglected between 2016 and 2022", "exploited over 2015 and 2016") dates
                # no incident, as labellers code it (its first year had been taken: of the 22
                # development reviews this moved, 20 have none); a disclosure's date is not the
                # harm's
                years = set(re.findall(r"\b(?:19|20)\d\d\b", period))
                return ((int(min(years)), None) if len(years) == 1 else (None, None)), True
            if harm_at and (not dated or _AFTER_EVENT.search(s.group())) and (
                    told_from := _relative_date(s.group(), account, year)) is not None:
                # (session 46) a date told from another: the child's birthday or age, an earlier
                # event's date ("eight months after a plan ... ended in October 2021"), the page's
                return told_from, True
            if harm_at and not dated and told_before is not None:
                # (session 48) "Aged four months, in March, Baby R was admitted to hospital ...
                # Doctors found that she had been fed too little": the sentence before dates the
                # harm from the child's birth ("born in November 2022")
                return told_before, True
            # "the serious case review published in 2015 about Children A and B, who lived with
            # neglect": the review's date, never the harm's
            own = [d for d in dated if not _PUBLISHED_BEFORE.search(s.group()[:d[0]])
                   and not _dates_publication(s.group(), d[0], harm_at)]
            if harm_at and own:
                # of several ("recommended a review in January 2019 after Child LB was admitted
                # in the autumn of 2018 with scalds"), the date nearest the harm's words
                _, y, mo = min(own, key=lambda d: min(abs(d[0] - h) for h in harm_at))
                return (y, mo), True
            if harm_at and lead:
                # a timeline's line: its harm told sentences after the date that opens it
                return _dates(lead.group(), loose=True)[0], True
            if harm_at and before and before[-1][2] is not None:
                # "On 12 March 2021 police found S in a flat. She disclosed that she had been
                # exploited ...": the harm told in the sentence after the one that dates it (to
                # the month: "placed in a home in 2021. He went missing ..." is background)
                return before[-1][1:], True
            review_or_court = bool(_NOT_INCIDENT.search(s.group()))
            # (session 82) "has today published a review concerning a baby boy ... who was seriously
            # harmed in September 2022": the review's sentence dates the harm it is about, which
            # the next sentence tells
            before = [d for d in every if _HARMED_IN.search(s.group()[max(0, d[0] - 40):d[0]])] \
                if review_or_court else dated
            told_before = None if review_or_court or dated or not _FROM_BIRTH.search(s.group()) \
                else _relative_date(s.group(), account, year)
            if first == (None, None) and told_before is not None:
                first = told_before  # "At three weeks old he was taken to hospital"
            if first == (None, None) and review_or_court and before:
                first = before[0][1:]  # (the harm the review is about, dated in its sentence: above)
            if first == (None, None) and not review_or_court:
                # a period's start ("since 2017", "between 2014 and 2016") dates no incident;
                # (session 42) nor does a concern's ("Concerns were raised by a paediatric
                # consultant in 2016": when a worry was first voiced)
                # (session 48) nor a birth: "Baby R was born in November 2022" dates no harm
                first = next(((y, mo) for at, y, mo in dated if not _SPAN_START.match(s.group(), at)
                              and not _CONCERN_DATE.search(s.group()[max(0, at - 80):at])
                              and not _FAMILY_EVENT_DATE.search(s.group()[max(0, at - 80):at])
                              and not _BORN_AT.search(s.group()[max(0, at - 25):at])), first)
        return first, False

    def _page_review_type(self, page: Page, ref: SourceRef) -> list[Coded]:
        """The one review type a page's introduction gives its own reviews ("In 2023 we published
        three local child safeguarding practice reviews"), for entries that state none; nothing
        when it names none or several, or speaks of reviews in general."""
        if page.preamble is None:
            return []
        own = [page.preamble.slice(m.start(), m.end()) for m in _SENTENCE.finditer(
            page.preamble.text) if _OWN_REVIEWS.search(m.group())]
        # a title over the page's reviews: "Learning from local child safeguarding practice
        # reviews", "Published serious case reviews" (a short line, no sentence)
        own += [page.preamble.slice(m.start(), m.end()) for m in re.finditer(r"[^\n]+", page.preamble.text)
                if len(m.group().split()) <= 10 and "." not in m.group() and _PLURAL_REVIEWS.search(m.group())
                and not _ELSEWHERE.search(m.group())]
        said = self._code(own, "review-types", page.source, ref) if own else []
        return said if len(said) == 1 else []

    def _scottish_review(self, entry: Entry, source: SourceText, ref: SourceRef) -> list[Coded]:
        """A "learning review" of a Scottish child protection committee is Scotland's statutory
        review (RT-SIG, which replaced significant case reviews in 2021); bare "learning review"
        elsewhere names no statutory type, so the vocabulary cannot say this on its own."""
        spans = [Span.of(entry.heading, entry.start)] + [s.span for s in entry.sections]
        if not _in_scotland(entry, source):
            return []  # neither the entry nor its page (of Scotland alone) is Scottish
        # the entry's own words, else the page's title ("Learning from learning reviews")
        spans += [Span.of(source.text[:400], 0)]
        for sp in spans:
            m = re.search(r"\blearning\s+review\b", sp.text, re.I)
            if m:
                a, b = sp.source_offset(m.start()), sp.source_offset(m.end())
                return [Coded("review-types", "RT-SIG", [_evidence(ref, source.text, a, b)])]
        return []

    # -- the whole entry -----------------------------------------------------------------------
    def extract(self, entry: Entry, page: Page) -> Review:
        source = entry.source
        ref = SourceRef(source.name, str(source.path), source.sha256, source.media_type, page.title,
                        source.url)
        # a name of "" says the heading names no child ("Review 2 — Aberdeenshire")
        # (a report's section number, "5.2 Child K (...)" of a record's heading, is no name)
        bare_title = _SECTION_NUMBER.sub("", entry.title)
        names = [] if entry.name == "" else names_from_title(entry.name or bare_title)
        # (session 46) "WGSB 1/2022 – Concise Child Practice Review – Neath Port Talbot": the
        # title's last part is the review's area, no child's name
        if entry.name is None and entry.area:
            names = [n for n in names if n.casefold() != entry.area.casefold()]
        told = " ".join(s.span.text for s in entry.sections)
        names = [_as_told(n, told) for n in names]
        if not names and (pair := _NOTED_PAIR.search(told)):
            names = [pair["a"], pair["b"]]  # (the heading names the family, the account its children)
        if len(names) == 1 and (family := FAMILY_NAME.fullmatch(names[0])):
            names = _family_members(family["letter"], told) or _listed_children(told) or names
        key_name = entry.name or (" and ".join(names) if names else entry.title)
        area = _whole_place(_area_in_english(named_area(entry.area or entry.told_area)), entry.heading)
        area = area or _board_of(entry.heading)
        slug = review_slug(entry.year, area, key_name)
        # a section number ("3.1 Child D") is not part of a title; a catalogue heading is whole
        title = entry.title if entry.heading_kind in ("numbered", "section") or entry.untitled \
            else entry.heading
        if not _KEPT_COUNTER.match(title):
            title = _COUNTER.sub("", title, count=1) or entry.heading
            title = _SECTION_NUMBER.sub("", title) or title
        review = Review(key=(entry.year, slugify(key_name)), slug=slug, title=title,
                        heading=entry.heading, publication_year=entry.year,
                        publication_month=entry.month, area=area)
        summary = entry.summary
        all_spans = [s.span for s in entry.sections]
        heading_span = Span.of(entry.heading, entry.start)
        review.summary = summary.text

        # the heading, else the record's own type field ("Review type: Local learning review
        # (SILP)"), else the account ("NFA re LCSPR" in a summary names a review not held)
        rt = self._code([heading_span], "review-types", source, ref)
        if {c.notation for c in rt} >= {"RT-NCSPR", "RT-LCSPR"}:
            # "National review: Child T (Child Safeguarding Practice Review Panel)": the Panel's
            # name holds the local type's words, but a heading naming a national review is one
            rt = [c for c in rt if c.notation != "RT-LCSPR"]
        fielded_type = self._code([s.span for s in entry.section("model")], "review-types", source, ref)
        rt = (rt or _not_denied(fielded_type)
              or _met(self._code([_without_kicker(summary)], "review-types", source, ref))
              or self._code(_kicker(entry), "review-types", source, ref))
        if {c.notation for c in rt} >= {"RT-NCSPR", "RT-LCSPR"}:
            # (session 49) "The national Panel has today published its national review ...
            # rather than ask the partners to undertake a local child safeguarding practice
            # review": a national review told beside the local one it was not
            rt = [c for c in rt if c.notation != "RT-LCSPR"]
        if not rt and (cpr := re.search(r"\bCPR\b", entry.heading)) and area \
                and default_gazetteer().nations_of(area) == {"Wales"}:
            # (session 49) "Child U: CPR (Powys, 2024)": in a Welsh heading, "CPR" is a child
            # practice review (the vocabulary leaves it out: in an account it is resuscitation)
            a, b = entry.start + cpr.start(), entry.start + cpr.end()
            rt = [Coded("review-types", "RT-CPR", [_evidence(ref, source.text, a, b)])]
        if not rt and not _NOT_A_REVIEW_TYPE.search(entry.heading):
            rt = self._scottish_review(entry, source, ref) or self._page_review_type(page, ref)
        if [c.notation for c in rt] == ["RT-SCR"] and (_scotland_alone(entry) or (
                # (session 49) "SCR: Baby K (published 2019)" on a Perth and Kinross page: the
                # letters only (the words "serious case review" are England's type, whatever
                # area was read)
                area and default_gazetteer().nations_of(area) == {"Scotland"}
                and all(e.exact.isupper() for e in rt[0].evidence))):
            # (session 42) Scotland's "SCR" is its significant case review ("SCR – Baby D
            # (2019)" on a child protection committee's page): Scotland had no serious case reviews
            rt = [Coded("review-types", "RT-SIG", rt[0].evidence)]
        # a statutory type named with a method ("serious case review using the SILP model") is
        # the statutory type: a multi-agency review is only what no statutory type was
        review.review_type = min(rt, key=lambda c: c.notation == "RT-MAR") if rt else None
        labels = [s.label_span for s in entry.sections if s.label_span is not None]
        review.agencies = self._code(all_spans + labels, "agencies", source, ref)
        fielded = [s.span for s in entry.sections if s.kind != "area"]
        if any(c.notation == "AG-PART" for c in review.agencies) and not any(
                c.notation == "AG-PART" for c in self._code(fielded + labels, "agencies", source, ref)):
            # (session 58) a record's "Partnership: Norfolk Safeguarding Children Partnership"
            # says whose review it is, as a publisher's line does: no part it took in the case
            review.agencies = [c for c in review.agencies if c.notation != "AG-PART"]
        # the child's age and sex are told in the account: its summary, or a briefing's
        # "Background" when that is where the account stands
        account = " ".join(s.span.text for s in entry.section(*ACCOUNT_KINDS))
        if entry.heading_kind == "line" and not account:
            account = entry.heading  # an archive's one line is its whole account ("... (3 months)")
        review.children = self._children(names, account)
        if all(c.age_months is None for c in review.children) and entry.section("other"):
            # a report's "Introduction" may be the one place that gives the child's age (the
            # account's only ages being a sibling's or a parent's)
            account = " ".join([account] + [s.span.text for s in entry.section("other")])
            review.children = self._children(names, account)
        for child in review.children:
            # (session 56) a coder's title gives it: "Concise Child Practice Review – Efa (4)";
            # (session 58) each child's, "... review: Child P (7) and Child Q (4)", and a field's
            # between bars, "... | Anwen (3) | Newport"
            # ((session 77) a briefing's "Learning review 1: Mia (aged 14)", "Baby Z (7 months)")
            if child.age_months is None and child.pseudonym and (titled := re.search(
                    rf"\b{re.escape(child.pseudonym.split()[-1])}\s*\((?:aged\s+)?(?:(?P<n>1[0-7]|[0-9])"
                    r"(?:\s+years?(?:\s+old)?)?|(?P<m>[1-9]|1[0-9]|2[0-3])\s+months?(?:\s+old)?)\)"
                    r"(?=\s*(?:$|and\b|[,&|–—-]))", entry.heading)):
                child.age_months = int(titled["n"]) * 12 if titled["n"] else int(titled["m"])
        _apply_stated(entry, review.children)
        # Items are read one by one, so each mention's sentence lies inside its own item.
        parts = [("case", heading_span)] + [
            (SECTION_ROLE.get(s.kind, "case"), span) for s in entry.sections if s.kind != "aside"
            for span in ([i.span for i in s.items] or [s.span])]
        only = review.children[0].sex if len(review.children) == 1 else None
        # a prose recommendation inside the account ("The review recommends how ...") is an item:
        # its words are read there, under its own role, not a second time as the account
        item_ranges = [r for s in entry.sections
                       if SECTION_ROLE.get(s.kind) in ("learning", "recommendation")
                       for i in s.items for r in i.span.source_ranges()]
        age = review.children[0].age_months if len(review.children) == 1 else None
        teen = bool(review.children) and all(c.age_months is not None and c.age_months >= TEEN_MONTHS
                                             for c in review.children)
        review.mentions = precede(self._mentions(
            parts, [c.pseudonym for c in review.children] + names, source, ref, only,
            skip=item_ranges, young=age is not None and age < YOUNG_MONTHS, teen=teen),
            self.vocab, source.text)
        review.mentions = _parent_care_leaver(_too_young(review.mentions, review.children), review.children)
        review.mentions = _denied_or_offered(review.mentions, entry)
        review.harms = _with_survived_stabbing(self._facts(review.mentions, "harm-types"), review.mentions)
        review.risk_factors = self._facts(review.mentions, "risk-factors")
        # (session 48) every sentence that tells of a harm as a fact, not only each harm's first
        # quote: "under the category of physical abuse" (a plan's) before "In January 2023 R's
        # nursery found bruising ..."; a harm's first quote in each sentence, as before
        # ("took an overdose in September 2021 and had been self-harming for several months"
        # is dated by its overdose)
        firsts = {(m.notation, m.evidence.sentence): m for m in reversed(review.mentions)
                  if m.fact and m.scheme == "harm-types"}
        told = [Coded(m.scheme, m.notation, [m.evidence]) for m in firsts.values()]
        review.incident_year, review.incident_month = self._incident_of(entry, told or review.harms)

        item_spans: list[Span] = []
        # "What we found" is the account, and the learning too when no other part is ("WHAT WE
        # FOUND" over "- Fathers caring for a baby must be seen", then "WHAT WILL CHANGE")
        # (session 49: a learning label with no points of its own, "What did the review find?"
        # over "The review found that:" and its points, is no other part)
        findings = not any(s.items for s in entry.section("learning", "learning+recommendations"))
        # (session 53) ... and when the only learning is a sentence of the account ("The review
        # found that the children had regularly been left alone ...") beside a release's "What
        # the review found" over its bullets: the bullets are the learning listed
        prose = [s for s in entry.section("learning") if s.label is None and len(s.items) == 1]
        if not findings and prose == entry.section("learning") and not entry.section(
                "learning+recommendations") and any(_bulleted(s) for s in entry.section("findings")):
            findings, skipped = True, prose
        else:
            skipped = []
        # (session 46) "Key findings" beside "Learning for practitioners": the lessons are the
        # learning, the findings what the review found in the case (devlocal8's SCR, 4 + 3)
        lessons = [s for s in entry.section("learning") if s.label and _LESSONS_LABEL.search(s.label)]
        for section in entry.sections:
            if (lessons and section.kind == "learning" and section.label and _FINDINGS_LABEL.search(
                    section.label) and not _LESSONS_LABEL.search(section.label)) \
                    or any(section is s for s in skipped):
                continue
            targets = {"learning": [review.learning], "recommendations": [review.recommendations],
                       "learning+recommendations": [review.learning, review.recommendations],
                       "findings": [review.learning] if findings else []}
            for target in targets.get(section.kind, []):
                item_spans.extend(item.span for item in section.items)
                for item in section.items:
                    ev = _evidence(ref, source.text, item.span.start, item.span.end)
                    target.append(ListItem(
                        text=item.text, evidence=ev,
                        themes=self._item_codes(item.text, "themes"),
                        agencies=self._item_codes(
                            f"{item.text}. {item.addressee or ''}", "agencies"),
                        addressee=item.addressee))
            if section.kind == "keywords":  # (each once: two keyword lines may share one)
                review.keywords.extend(t for t in dict.fromkeys(i.text for i in section.items)
                                       if t not in review.keywords)
        review.themes = self._code(item_spans, "themes", source, ref)
        review.document_kind = _document_kind(entry)
        review.sources.append(ref)
        review.warnings.extend(entry.warnings)
        return review


def _document_kind(entry: Entry) -> str | None:
    if _DOC_EXEC.search(entry.title):
        return "executive-summary"
    for link in entry.links:
        if _DOC_EXEC.search(link):
            return "executive-summary"
        if _DOC_FULL.search(link):
            return "full-report"
    return None


def _apply_stated(entry: Entry, children: list[Child]) -> None:
    """A record's own "Age:" and "Sex:" fields (a tracker's columns, a key-facts list) give each
    child's age and sex before anything read from the account's prose."""
    names = [c.pseudonym or "" for c in children]
    for kind, read_values, attr in (("age", stated_ages, "age_months"), ("sex", stated_sexes, "sex")):
        for section in entry.section(kind):
            values = read_values(section.text, names)
            if values is None:
                continue
            for child, value in zip(children, values, strict=False):
                # ("Age of child in completed years: 0": under one, no age in months; the
                # account's "aged nine weeks" says it)
                if value is not None and not (value == 0 and re.search(r"\byears\b", section.label or "")):
                    setattr(child, attr, value)
            break


#: The word that may stand before a sibling's noun: "her older brother", "his half-sister".
_SIBLING_QUALIFIER = r"(?:(?:older|younger|twin|baby|little|big|half-)\s*)?"


def _sex_near(text: str, a: int, b: int) -> str | None:
    window = text[b:b + 30]
    # (session 48) "Lili (9) and her brother Deio (5)": the possessive is the child's own
    if m := re.match(rf"[\s,]*and\s+(her|his)\s+{_SIBLING_QUALIFIER}(?:brother|sister|sibling)s?\b",
                     window, re.I):
        return "female" if m[1].lower() == "her" else "male"
    head = re.match(r"[\s-]*(?:\w+[\s-]+)?(?P<noun>\w+)", window)
    noun = head["noun"].lower() if head else ""
    if _FEMALE.fullmatch(noun) or (head and _FEMALE.search(head.group())):
        return "female"
    if _MALE.fullmatch(noun) or (head and _MALE.search(head.group())):
        return "male"
    before = text[max(0, a - 30):a]
    # "Baby A, a boy aged three months", "Child S (girl, two years ...)": the noun just before
    just = re.search(r"\b(girl|daughter|boy|son)\W{0,3}$", before, re.I)
    if just:
        return "female" if just[1].lower() in ("girl", "daughter") else "male"
    if re.search(r"\bsister\b[^.]*$", before, re.I):
        return "female"
    if re.search(r"\bbrother\b[^.]*$", before, re.I):
        return "male"
    return None


_SIBLING_NOUNS = frozenset({"sister", "sisters", "brother", "brothers"})
_POSS_SIBLING = re.compile(r"\b(his|her|\w+['’]s)\s+(?:\w+\s+)?(?:brothers?|sisters?|sons?|daughters?|"
                           r"stepbrothers?|stepsisters?|half-brothers?|half-sisters?)\b", re.I)


_PRONOUNS = {"she": "female", "her": "female", "herself": "female", "he": "male", "him": "male",
             "his": "male", "himself": "male"}


def _other_sex(pronoun: str, sentence: str) -> bool:
    """Whether a sentence has a pronoun of the other sex than ``pronoun`` (the review's only
    child's): it may be about a man (or a woman) the account names before it."""
    sex = _PRONOUNS[pronoun]
    return any(_PRONOUNS.get(w, sex) != sex for w in re.findall(r"[a-z]+", sentence.lower()))


def _sex_by_name(text: str, name: str) -> str | None:
    """One child's sex among several, from the words right at its name: "her brother Oisín",
    "his sister F", "E, a girl of 12", "Mia (girl, 9)"; None when they say nothing, or both."""
    said = set()
    for form in dict.fromkeys((name, name.split()[-1])):
        at = re.escape(form)
        for m in re.finditer(rf"\b(?:her|his|their)\s+{_SIBLING_QUALIFIER}"
                             rf"(brother|sister|son|daughter)\s*,?\s+{at}\b", text):
            said.add("female" if m[1] in ("sister", "daughter") else "male")
        for m in re.finditer(rf"\b{at}\s+and\s+(her|his)\s+{_SIBLING_QUALIFIER}(?:brother|sister)\b", text):
            said.add("female" if m[1] == "her" else "male")  # (session 60) "Alys and her twin brother"
        for m in re.finditer(rf"\b{at}\s*(?:,\s*|\(\s*)(?:an?\s+)?(?:\d{{1,2}}[- ]year[- ]old\s+)?"
                             rf"(girl|boy|female|male)\b", text):
            said.add("female" if m[1] in ("girl", "female") else "male")
    return said.pop() if len(said) == 1 else None


def _sex_by_pronoun(text: str, names: list[str]) -> str | None:
    """The child's sex from the pronouns of the sentence that opens with its name ("Child M was
    found with her mother") and the next sentence's opening "She"/"He": the pronouns agree, or
    nothing is said.  A sentence opening with the possessive ("Child M's mother ...") is about
    someone else."""
    if not names or not names[0]:
        return None
    sentences = [m.group().strip() for m in _SENTENCE.finditer(text)]
    for n, sentence in enumerate(sentences):
        if not sentence.startswith(names[0]) or sentence[len(names[0]):].startswith(("'", "’")):
            continue
        words = re.findall(r"[a-z]+", sentence[len(names[0]):].lower())
        person = _PERSON_WORD.search(sentence, len(names[0]))
        before = re.findall(r"[a-z]+", sentence[len(names[0]):person.start()].lower()) if person else []
        if any(w in _PRONOUNS for w in before):
            # (session 74) "Child N was seven when she was killed by her father ...; he then took
            # his own life": a pronoun after another person is named may be theirs
            words = before
        if n + 1 < len(sentences):
            words += re.findall(r"^(?:she|he)\b", sentences[n + 1].lower())
        found = {_PRONOUNS[w] for w in words if w in _PRONOUNS}
        if not found and n + 1 < len(sentences):
            # "Rory, 14, was suspended ... Over the autumn he was missing ...": a sentence that
            # names the child and no one else is followed by one about the child
            found = {_PRONOUNS[w] for w in re.findall(r"[a-z]+", sentences[n + 1].lower())
                     if w in _PRONOUNS}
        return found.pop() if len(found) == 1 else None
    return None


#: (session 85) An adult named straight after an age ("a 17-year-old mother", "her 19-year-old
#: partner"): the age is that adult's, never the child's.  (A brother's or sister's may be one of
#: the review's children, so they are not here.)
_ADULT_AFTER_AGE = re.compile(r"\s+(?:mother|father|mum|dad|parent|partner|boyfriend|girlfriend|"
                              r"step-?(?:father|mother|parent)|man|woman|uncle|aunt|carer|lodger)\b", re.I)


#: Anyone the account may name before the child's pronoun: then the pronoun may be theirs.
_PERSON_WORD = re.compile(r"\b(?:mother|father|mum|dad|parents?|partner|boyfriend|girlfriend|"
                          r"step\w+|grand\w+|uncle|aunt|brother|sister|man|woman|men|women|adults?|"
                          r"carers?|teacher|officer|worker|nurse|doctor|GP)\b", re.I)


def _sex_of_opening_subject(text: str) -> str | None:
    """The child's sex from the account's first pronoun subject when nobody has been named
    before it: a record whose "Case: Child N" field names the child and whose account begins
    "He lived in a residential children's home" (or "Over several months she was groomed")."""
    first = _SENTENCE.match(text.strip())
    if first is None:
        return None
    sentence = first.group()
    pronoun = re.search(r"\b(she|he)\b", sentence, re.I)
    if pronoun is None:
        return None
    person = _PERSON_WORD.search(sentence)
    if person is not None and person.start() < pronoun.start():
        return None
    return _PRONOUNS[pronoun[1].lower()]


def _sex_of_text(text: str) -> str | None:
    """The child's sex from the summary's words, or None when they disagree or say nothing.

    A relative named with a possessive ("her older brother") says the child's sex through the
    possessive, not through the relative's noun.
    """
    sibling_poss = {m[1].lower() for m in _POSS_SIBLING.finditer(text)}
    text = _POSS_SIBLING.sub(" ", text)
    if sibling_poss == {"her"}:
        return "female"
    if sibling_poss == {"his"}:
        return "male"
    female = {m[1].lower() for m in _FEMALE.finditer(text)}
    male = {m[1].lower() for m in _MALE.finditer(text)}
    poss = {m[1].lower() for m in _POSS.finditer(text)}
    by_poss = {"her": "female", "his": "male"}.get(next(iter(poss))) if len(poss) == 1 else None
    if bool(female) != bool(male):
        by_noun = "female" if female else "male"
        if by_poss and by_poss != by_noun and (female | male) <= _SIBLING_NOUNS:
            # "living with his mother and younger sister": the sister is a relative, and "his"
            # says who the child is
            return by_poss
        return by_noun
    return by_poss


def _someone_elses(before: str, named: int) -> bool:
    """Whether the age after ``before`` (the 40 characters before it, in lower case) is another
    person's than the review's ``named`` children: a parent's, or a sibling's ("their sibling
    aged 1 year", "the mother, aged 19"; with one child named, "her brother, 9"; session 47: "an
    older half-sister, aged 6" however many are named).  "Child F and Child G were brothers aged
    3 and 5" are the children themselves."""
    return bool(
        (re.search(r"\b(?:sibling|brother|sister|mother|father|parent)s?\b[^.,;]{0,12}$", before)
         and not _THEMSELVES_SIBLINGS.search(before))
        or re.search(r"\b(?:mother|father|parent|partner|boyfriend),[^.,;]{0,12}$", before)
        or (named <= 1 and re.search(r"\b(?:brother|sister|sibling),[^.,;]{0,12}$", before))
        or _ANOTHER_SIBLING.search(before))


def _finer_age(ages: list[tuple[int | None, int, int]]) -> tuple[int | None, int, int]:
    """One child's age where the account gives it twice, as a headline's "a two-year-old girl"
    and then "two years and five months old": the later, finer one when it falls in the
    earlier's year (session 49); else the first, as before."""
    first = ages[0]
    if first[0] is None or first[0] % 12:
        return first
    return next((a for a in ages[1:] if a[0] is not None and first[0] < a[0] < first[0] + 12), first)


def _with_survived_stabbing(harms: list[Coded], mentions: list[Mention]) -> list[Coded]:
    """(session 58) A stabbing the child survived is physical harm too, beside the extra-familial
    harm "stabbed" codes ("stabbed in the arm by a girl of her own age ... has recovered"): the
    labellers of eight development sets coded both.  A fatal one stays homicide and death, as
    they code it, never physical harm (ontology/harm-types.ttl, H-PHYS's note)."""
    have = {c.notation for c in harms}
    if have & {"H-PHYS", "H-DEATH", "H-HOM"}:
        return harms
    stab = next((m for m in mentions if m.fact and m.notation == "H-EXT"
                 and re.search(r"\bstabbed\b", m.evidence.exact, re.I)), None)
    if stab is None:
        return harms
    return sorted([*harms, Coded("harm-types", "H-PHYS", [stab.evidence])], key=lambda c: c.notation)


def _ages_in_turn(names: list[str], summary: str) -> dict[str, tuple[int, int, int]]:
    """(session 71) Two children named together, then an age for each in the same clause, in
    their order: "Sophie and Max (not their real names), a girl aged six and her brother aged
    four" gives Sophie six years and Max four; {} when the clause has not two ages of its own."""
    first, second = (re.escape(n) for n in names)
    joined = re.search(rf"\b{first}\s+and\s+{second}\b", summary)
    if joined is None:
        return {}
    stop = re.compile(r"[.;]\s|\n").search(summary, joined.end())
    ages = [m for m in _AGE.finditer(summary, joined.end(), stop.start() if stop else len(summary))
            if not m["an2"] and (months := _months(m)) is not None and months <= MAX_CHILD_MONTHS]
    if len(ages) != 2:
        return {}
    return {name: (_months(m) or 0, m.start(), m.end()) for name, m in zip(names, ages, strict=True)}


def _ages_in_clause(names: list[str], summary: str) -> dict[str, tuple[int, int, int]]:
    """Each child's age told in the clause that opens with the child's name (session 47):
    "Child Y, the younger, was 18 months old; Child U, her half-brother, was a six-year-old"
    gives Y 18 months and U 6 years, whatever order the heading names them in.  The clause ends
    at a full stop, a semicolon, a line's end or another child's name."""
    if len(names) == 2 and (each := _ages_in_turn(names, summary)):
        return each
    out: dict[str, tuple[int, int, int]] = {}
    for name in names:
        others = [re.escape(o) for o in names if o != name]
        other_forms = [re.escape(f) for o in names if o != name for f in dict.fromkeys((o, o.split()[-1]))]
        # ("Young People E and F": the text's "E (a boy aged 14)"; "Sister R" is "R")
        form = "|".join(re.escape(f) for f in dict.fromkeys((name, name.split()[-1])))
        end = re.compile(r"[.;]\s|\n" + "".join(f"|\\b{o}\\b" for o in others))
        for occ in re.finditer(rf"\b(?:{form})\b", summary):
            stop = end.search(summary, occ.end())
            clause_end = min(stop.start() if stop else len(summary), occ.end() + 120)
            m = _AGE.search(summary, occ.end(), clause_end)
            months = _months(m) if m and not m["an2"] else None  # ("aged 3 and 5": each child's)
            if m and months is not None and months <= MAX_CHILD_MONTHS:
                out[name] = (months, m.start(), m.end())
                # "Twins T and U were four months old", "Jamie and Kit, both 18 months old": the
                # names joined before it share the age
                # ("Baby N, a girl, and Baby P, a boy, who were 3 months old" too)
                joint = re.search(rf"\b(?:{'|'.join(other_forms)})\b(?:[^.;]{{0,30}}?\band|\s*,)\s+$",
                                  summary[max(0, occ.start() - 80):occ.start()]) if others else None
                for other in names:
                    if joint and other != name and other not in out and re.search(
                            rf"\b(?:{re.escape(other)}|{re.escape(other.split()[-1])})\b", joint.group()):
                        out[other] = out[name]
                break
    return out


def _elder(names: list[str], summary: str) -> int | None:
    """Which of two children the text calls the older (0 or 1), None if it says neither."""
    for i, name in enumerate(names):
        for occ in re.finditer(rf"\b{re.escape(name)}\b", summary):
            if m := _ELDER.match(summary, occ.end()):
                older = m["which"].lower() in ("older", "oldest", "elder", "eldest")
                return i if older else 1 - i
    return None
