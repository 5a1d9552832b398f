"""Pages about a review that have no entry headings: partnership statements, notices, briefings.

The NSPCC's catalogue pages list reviews under headings (:mod:`casegraph.ingest.parse`).  Local
partnerships and boards publish in their own styles: a press statement with the pseudonym only
in the prose ("Child FJ, as the review calls her"), a publication notice, a learning briefing
with ``The Incident`` / ``Safeguarding Concerns`` / ``The Review`` sections, or an index of
briefings with a short paragraph under each child's name.  This module reads such a page as

- several reviews, when short **name lines** each introduce a paragraph that names the child
  again ("Alvah" above "Baby Alvah, three months old, ..."); or else
- **one review**, whose pseudonym, publication year, area and type are found in the page's
  title or text, and whose sections are found by their labels or their role.

Page furniture ("Skip to content", "Toggle Contrast", "Updated on:"), quotations of officials
and generic text above the first review never become a review.  Nothing here guesses: a page
that names no child and no review is left alone (the build warns and skips it).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from casegraph.core.places import comma_names, default_gazetteer
from casegraph.core.textspan import Span
from casegraph.ingest.parse import (
    _BARE_LABEL,
    _BULLET,
    _COLUMN_HEADS,
    _EMAIL_HEADER,
    _FIELD_LINE,
    _FIRST_NAMES,
    _LABEL,
    _LETTER_DATED,
    _LINK_LINE,
    _PART_NUMBER,
    _PIPE_ROW,
    _TYPE_LABELLED,
    ABOUT_REVIEWS,
    BREADCRUMB,
    COUNT_WORD,
    COUNTS_RECOMMENDATIONS,
    DECIMAL_PART,
    ITEM_TABLE,
    MONTH_ABBREVIATION,
    MONTH_SHORT,
    PAGE_DATE,
    POST_DATE,
    PSEUDONYM_NOTE,
    PUBLISHER_LINE,
    QUOTED_NAME,
    RUNS_ON,
    TABLE_CAPTION,
    TOPIC_WORDS,
    TRUST_AREA,
    TYPE_ABBREVIATIONS,
    YEAR,
    Entry,
    Item,
    Line,
    Section,
    _continues,
    _label_kind,
    addressee_heading,
    alone_in_paragraph,
    bilingual_label,
    fill_sections,
    heading_date,
    month_num,
    name_words_cased,
    recommendations_heading,
    split_items,
)
from casegraph.ingest.sources import SourceText

#: Lines of site furniture that carry no content, beyond the catalogue parser's noise list.
_FURNITURE = re.compile(
    r"^(?:home|menu|search|toggle contrast|skip to (?:main )?content|updated on:?|print(?: this page)?|"
    r"back|next|previous|share|contents|related (?:pages|links)|training and resources.*|"
    r"[^.]{0,40}team|briefings|questions|(?:show|hide|reveal|check) (?:the )?answers?|show more|"
    r"read more|see more)$", re.I)
#: A quotation of an official ("The Chair ... said: "...", or a line opening a quotation).
#: A line of quoted speech ('"We are deeply sorry ..."', '... said: "...'), not a line that a
#: hard-wrapped paragraph opens with a quoted name ('"Child M" in July 2023. Child M was ...').
_QUOTE = re.compile(r"^[\"“”](?![^\"“”]{1,30}[\"”]\s+(?!said\b|says\b|added\b|told\b)(?-i:[a-z(]))"
                    r"|\bsaid:\s*[\"“]", re.I)
#: A child's pseudonym in running text.
_PSEUDONYM = re.compile(
    # (session 57: lower case too, "a learning review – brothers J and T")
    r"\b(?:Children|(?i:siblings|sisters|brothers|twins))\s+(?-i:[A-Z]{1,3}\d?)\s+and\s+(?-i:[A-Z]{1,3}\d?)\b"
    r"|\b(?:(?:Child|Baby|Infant|Young\s+[Pp]erson|Siblings?|Plentyn)\s+(?-i:[A-Z][A-Za-z0-9]{0,2}\d?)\b"
    # (session 58) twins the report numbers: "Twin 1 and Twin 2"
    r"|Twin\s+[1-9]\b"
    # (session 77) children the review numbers: "refers to the children as Child 1, Child 2 and
    # Child 3" (not a coding frame's field, "Child 1 age")
    r"|(?-i:Child|Baby)\s+[1-9]\b(?!\s*(?:age|sex|gender|pseudonym|name|['’]s\s+(?:age|sex))\b)"
    # (session 58) a first name after "Young Person" too: "Young Person Morven"
    rf"|(?:Child|Baby|Young\s+[Pp]erson)\s+(?!{TOPIC_WORDS}\b)(?-i:[A-Z][a-z]{{2,}}))")
_QUOTED_NAME = QUOTED_NAME  # one home: ingest.parse
_MONTHS_RE = "January|February|March|April|May|June|July|August|September|October|November|December"
_CALLED = re.compile(
    r"\b(?:(?:known|referred\s+to)(?:\s+in\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:report|review|judge?ment|summary|briefing))?\s+as|"
    # (session 41) "the review ... refers to the teenager as Kai", "calls the boy Sam"
    r"(?:refers\s+to|calls)\s+(?:him|her|the\s+(?:teenager|boy|girl|child|young\s+person|baby|infant|"
    # ((session 77) "refers to the children as Child 1, Child 2 and Child 3")
    r"toddler)|them|the\s+(?:children|siblings|twins|brothers|sisters))(?:\s+as)?|"
    r"called|"
    # (session 83) a statement's "To protect her privacy we call her Amelia in this statement"
    r"(?:we|I)\s+(?:have\s+|will\s+|shall\s+)?call(?:ed)?\s+(?:her|him|them|the\s+(?:girl|boy|child|baby))|"
    # "a young man the report calls 'Jay'", "whom the review calls him Jay"; (session 75) a
    # news story's "the care of a girl it calls Kirsty", the review named before
    r"(?:report|review|\bit)\s+calls(?:\s+(?:her|him|them))?)\s+[\"“‘']?"
    # ((session 86) and "known as Young Person Q", Northern Ireland's form of a pseudonym)
    r"(?P<name>(?-i:(?:Twin|Child|Baby)\s+[1-9])\b|(?:(?:Child|Baby|Young\s+[Pp]erson)\s+)?"
    r"(?-i:[A-Z][A-Za-z0-9]{0,15}))"
    r"|(?P<name2>(?:(?:Child|Baby)\s+)?(?-i:[A-Z][A-Za-z0-9]{0,15})),\s+as\s+(?:the\s+review\s+calls\s+"
    # (session 75) "Mia, as she is called in the local child safeguarding practice review"
    r"(?:her|him|them)|(?:she|he|they)\s+(?:is|are|was|were)\s+(?:called|known|referred\s+to)\s+in\s+the\b)"
    # "The review concerns S, a young person who ...": the child a review is about, by letter
    r"|\b(?:review|report)\s+(?:concern(?:s|ed)|(?:is|was)\s+about)\s+(?P<name3>(?-i:[A-Z]{1,2}))"
    r"(?=,\s+(?:a|an|the|who|aged)\b)"
    # "It is about Cai, a seven-year-old boy": a first name, told with the child's age
    r"|\b(?:[Ii]t|[Tt]his\s+(?:review|briefing|video|film))\s+(?:is|was)\s+about\s+"
    r"(?P<name4>(?-i:[A-Z][a-z]{1,15}))(?=,\s+(?:an?\s+[\w-]+[- ]old|aged\s+\w+)\b)"
    # (session 40) "the review ... looked at the care of a boy, Jamie, then aged four": the child
    # a review is about, named in apposition after what the review looked at
    r"|\b(?:care|death|case|experiences?|injuries|abuse|neglect)\s+of\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:boy|girl|baby|toddler|teenager|infant|child),\s+(?P<name5>(?-i:[A-Z][a-z]{1,15})),"
    # (session 48) "has today published the learning review about Kayla, who was two years old"
    # ("a concise Child Practice Review on 3 April 2024 about Ffion, a four-year-old girl", "a
    # Learning Review into the death of Megan, a 17-year-old girl")
    r"|\b(?:[Rr]eview|[Rr]eport)\b(?:\s+(?!about\b|into\b)[\w/]+){0,6}?\s+"
    r"(?:about|into\s+the\s+(?:death|care|case|injuries)\s+of)\s+"
    r"(?P<name6>(?-i:[A-Z][a-z]{1,15}))(?=,\s+(?:who|a|an|aged)\b"
    # ("published its local child safeguarding practice review about Kyle in February 2024")
    rf"|\s+(?:in|on)\s+(?:\d{{1,2}}\s+)?(?:{_MONTHS_RE}|(?:19|20)\d\d)\b)"
    # (session 49) a newspaper's "Finlay, not his real name, died in hospital in March 2022"
    # (session 57: and between dashes or in brackets, "the death of Lily – not her real name –")
    r"|\b(?P<name7>(?-i:[A-Z][a-z]{1,15}))\s*(?:,|[–—-]|\()\s*not\s+(?:his|her|their)\s+real\s+name\b")
#: "Learning Briefing: Ed – Non-accidental injury to infant": the name after the colon.
#: Nouns for a person that a headline uses in place of a name ("Inquest: Girl, 15, took ...").
_PERSON_NOUN = (r"(?!(?:Girl|Boy|Baby|Teenager|Teen|Toddler|Infant|Child|Mother|Father|Mum|Dad|Man|"
                r"Woman|Family|Parents?|Pupil|Student)\b)")
_TITLE_NAME = re.compile(rf":\s*{_PERSON_NOUN}(?P<name>(?-i:[A-Z][a-z]{{1,15}}))(?:\s+\(\d{{1,2}}\))?"
                         r"(?:\s+[–—-]\s|,\s)"
                         # "Episode 12: Learning from Eli (Oldham LCSPR)"
                         r"|\b(?:Learning|Lessons)\s+from\s+(?P<name2>(?-i:[A-Z][a-z]{1,15}))"
                         r"(?:\s*[(–—:-]|\s*$)")
_REVIEW_TYPE_WORDS = re.compile(
    # (session 71) a Part 8 review, England's and Wales's serious case review before 2006: "PART
    # 8 (SERIOUS CASE) REVIEW - CHILD 'D'" over an ACPC's executive summary
    r"\b(?:serious case review|part 8 (?:\(serious case\) )?review|"
    r"(?:local )?child safeguarding practice review|"
    r"(?:extended|concise) child practice review|child practice review|learning review|"
    r"multi-agency (?:learning )?review|case management review|significant case review|"
    # (session 78) Wales's multi-agency professional forum (RT-MAR)
    r"multi-agency professional forum)\b", re.I)
#: (session 49) A title that opens with the review's type abbreviated: "CMR – 'Ciara' (Fermanagh
#: and Omagh)" between a briefing's rules.
_TYPE_ABBREVIATED = re.compile(r"^(?:CMR|LCSPR|CSPR|SCR|CPR|ECPR|CCPR)\s*[–—:-]\s*\S")
_AREA_BODY = re.compile(
    # ("CHILDREN SAFEGUARDING ASSURANCE PARTNERSHIP" names no area, nor do "local safeguarding
    # partnerships"; (session 82) nor a footer's "Copyright")
    r"\b(?P<area>(?!(?-i:The|This|Our|Each|Every|Your|Their|Its|Copyright)\s|(?:Children|Child)\s"
    r"|(?:Local|Regional|National)\s+(?:Children['’]s\s+)?Safeguarding\b"
    # (session 82) nor a national body's, "The National Police Chiefs' Council should ..."
    r"|(?:(?:National\s+)?Police\s+)?Chiefs\b)"
    # ("Cornwall and the Isles of Scilly", "Blackburn with Darwen", "Hampshire and Isle of Wight")
    # ("of" only after a place's own word: "Summary of the Fife ..." names Fife)
    r"(?-i:(?:[A-Z][\w&'’-]*\s+(?:and\s+(?:the\s+)?|&\s+|(?<=Isle\s)of\s+|(?<=Isles\s)of\s+|"
    r"(?<=Vale\s)of\s+|(?<=City\s)of\s+|(?<=Borough\s)of\s+|with\s+|upon\s+)?){0,4}?"
    r"[A-Z][\w&'’-]+))\s+"
    # ("Cheshire East Safeguarding Children's Partnership": the possessive too)
    # (session 46) "Shropshire Safeguarding Community Partnership"
    r"(?:(?:Local\s+)?(?:Children['’]s\s+)?Safeguarding\s+(?:Children(?:['’]s)?\s+|Vulnerable\s+People\s+|"
    r"Community\s+)?"
    r"(?:Multi-Agency\s+|Assurance\s+)?(?:Board|Partnership|Together)|"
    r"(?:Child|Public)\s+Protection\s+"  # ((session 70) a Scottish public protection committee)
    # "Wiltshire Council" (a unitary council), "Kent County Council"
    r"Committee|(?:(?:County|City|Metropolitan\s+Borough|Borough)\s+)?Council\b|"
    r"Child\s+Death\s+Overview\s+Panel)"  # "Suffolk Child Death Overview Panel"
    r"|\bSafeguarding\s+(?:Children\s+)?(?:Board|Partnership)\s+for\s+"
    r"(?P<area2>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
    r"|\bKeeping\s+(?P<area3>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s+Safe\b", re.I)
#: Words of a body's name that are not part of the area ("Cardiff and Vale Regional"; (session
#: 70) "Sheffield Area Child Protection Committee", an ACPC before 2006).
#: (session 83) and "Strategic": "Trafford Strategic Safeguarding Partnership" is Trafford's
_AREA_TAIL = re.compile(
    r"(?:\s+(?:Regional|District|Area|Strategic|Children['’]?s?|Multi-Agency|Local|"
    r"Children\s+and\s+(?:Young\s+People|Families)))+$", re.I)


#: Where a heading's fields part: dashes and bars between spaces, commas, colons, brackets.
_HEADING_FIELDS = re.compile(r"\s+[–—|-]\s+|[,:;()\[\]|]")


def year_in_heading(title: str) -> int | None:
    """A year that is a heading's field of its own ("Review 2 - Baby G (SCR, Halton, 2019)",
    "Child Q – Learning Review – Glasgow (2023)"): a catalogue's year of the review, as every
    catalogue layout gives it; a year inside a phrase ("died in 2019") is none."""
    years = [int(f) for f in (f.strip(" .") for f in _HEADING_FIELDS.split(title)) if re.fullmatch(YEAR, f)]
    return years[0] if len(years) == 1 else None


def area_in_heading(title: str, name: str | None) -> str | None:
    """A field of a heading that is a place's name and nothing else ("Child M — Sunderland —
    LCSPR — published January 2024", "Review 1 - Child F (LCSPR, Cheshire East, 2024)",
    "Highland CPC - Learning Review: Young Person J"), as the gazetteer of local authorities
    knows it (exact, never fuzzy: casegraph.core.places); the child's own name is never one."""
    gazetteer = default_gazetteer()
    for field in (f.strip(" .'\"‘’“”") for f in _HEADING_FIELDS.split(title)):
        if (not field or len(field) > 50 or not field[0].isupper() or any(c.isdigit() for c in field)
                or field == name or _PSEUDONYM.search(field) or not gazetteer.lookup(field)):
            continue
        bare = _AREA_TAIL.sub("", re.sub(r"\s+(?:CPC|Child\s+Protection\s+Committee)$", "", field)).strip()
        return bare if bare and gazetteer.lookup(bare) else field
    return None


def area_of_body(text: str) -> str | None:
    """The area a body's name gives ("Norfolk Safeguarding Children Board" -> "Norfolk"), or
    None when the text names no body of that kind."""
    m = _AREA_BODY.search(text)
    return area_name(m) if m else None


def area_name(m: re.Match[str]) -> str:
    """The area a match of :data:`_AREA_BODY` names, without the body's own words.  (session 78)
    A name with a comma inside is taken whole ("The Bournemouth, Christchurch and Poole
    Safeguarding Children Partnership" was "Christchurch and Poole", which no table knows)."""
    area = _area_words(m)
    before = m.string[max(0, m.start() - 60):m.end()]
    return next((name for name in comma_names() if name.endswith(f", {area}") and name in before), area)


def _area_words(m: re.Match[str]) -> str:
    """The words of a match of :data:`_AREA_BODY` that name its area (see :func:`area_name`)."""
    named = (m["area"] or m["area2"] or m["area3"]).strip()
    area = _AREA_TAIL.sub("", named)
    if re.fullmatch(r"Northern|Southern|Eastern|Western", area) and named.startswith(f"{area} Area"):
        area += " Area"  # (session 76) Northern Ireland's old boards: "Southern Area CPC", no "Southern"
    # (session 73) a printout's columns: "RPT-114                 LANCASHIRE CHILDREN'S ...": the
    # words after the last wide gap are the body's name, those before it another field's
    area = re.split(r"\s{3,}", area)[-1]
    area = re.sub(r"['’]s$", "", area)  # "Bristol's Safeguarding Children Partnership"
    area = re.sub(r"^Pan[- ](?=[A-Z])", "", area)  # (session 83) "Pan-Dorset Safeguarding ...": Dorset's
    area = re.sub(r"^(?:[A-Z]{2,6}\s+)+(?=[A-Z][a-z])", "", area)  # "LSCP Leeds Safeguarding ..."
    # "Child K Fife", "Safeguarding Practice Review Bristol", "Chief Officers Group and Fife": the
    # area is what follows a pseudonym or the words of a review or a body's name
    # (session 82) and another agency's name before "and": "Police Scotland and Angus Council"
    area = re.sub(r"^.*\b(?:Child|Baby)\s+[A-Z]{1,3}\s+|^.*\b(?:Review|Group|Committee|Officers?)"
                  r"(?:\s+and)?\s+|^.*\b(?:Police(?:\s+Scotland)?|Constabulary|Trust|Board)\s+and\s+",
                  "", area)
    # "LANCASHIRE COUNTY COUNCIL"; ((session 70) "EAST LOTHIAN AND MIDLOTHIAN": its "and" small)
    return re.sub(r"\b(?:And|Of|The|Upon|With)\b(?!$)", lambda w: w.group().lower(), area.title()) \
        if area.isupper() else area
_AREA_TITLE = re.compile(
    # ((session 78) not a review's own word: "publication of the Local Child Safeguarding ...")
    r"\b(?:of|for)\s+(?:the\s+)?(?!Extended\b|Concise\b|Local\b|Serious\b|Child\b|National\b)(?P<area>(?-i:[A-Z][a-z]+(?:\s+(?!Extended|Concise)(?-i:[A-Z][a-z]+))?))\s+"
    r"(?:Extended\s+|Concise\s+)?(?:Child|Serious|Local)", re.I)
#: "Sami (13) | Gloucestershire Rapid Review and LCSPR", "Child K, 15 - Coventry Local Learning
#: Review": the area whose review it is, after a bar or a dash and before the review's type; or
#: in brackets before the year ("... review (Norfolk, 2021)").
_TYPE_OPENING = r"(?:Local|Serious|Rapid|Child|Extended|Concise|Multi-agency|Learning|Significant)\b"
_AREA_IN_HEADING = re.compile(rf"(?:\||\s[–—-])\s*(?!{_TYPE_OPENING})(?P<area>(?-i:[A-Z][a-z]+"
                             rf"(?:\s+(?!{_TYPE_OPENING})[A-Z][a-z]+)?))\s+(?={_TYPE_OPENING}[\w\s-]*"
                             rf"\b(?:[Rr]eview|LCSPR|CSPR|SCR)\b)"
                             rf"|\((?![^)]*\b(?:Review|SCR|LCSPR|CSPR|CPR)\b)"
                             rf"(?P<area2>(?-i:[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){{0,2}})"
                             # ((session 81) or a Northern Ireland trust: "(Belfast HSC Trust, 2024)")
                             r"|(?-i:(?:Belfast|Northern|Southern|South\s+Eastern|Western)\s+"
                             rf"(?:HSC|Health\s+and\s+Social\s+Care)\s+Trust)),\s*{YEAR}\)")
#: "Baby F – LCSPR, Thurrock (published 2021)", "Child I - extended child practice review, Cwm
#: Taf Morgannwg (published 2020)": the area after the review's kind and a comma.
_AREA_AFTER_TYPE = re.compile(r"\b(?:[Rr]eview|LCSPR|CSPR|SCR|CMR|CPR)\s*,\s*"
                              r"(?P<area>(?-i:[A-Z][a-z]+(?:[\s-]+(?:and\s+|upon\s+|on\s+)?[A-Z][a-z]+){0,3}))"
                              r"\s*(?:\(|$)")
#: 'Learning Review: "Child C", Moray (published August 2023)', '... "Erin", 16, Aberdeenshire (...)':
#: the area after the quoted name (and an age).
_AREA_AFTER_NAME = re.compile(r"[\"”’],\s+(?:\d{1,2},\s+)?(?P<area>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
                              r"\s*(?:\(|$)")
#: (session 59) "It's the significant case review from Angus that was published in 2019": the
#: place a review is from, said in speech (a gazetteer's area: the longest run of the words).
#: (a podcast's "The second review is from Fife, isn't it?", "the significant case review Highland
#: published in 2021")
_REVIEW_FROM = re.compile(r"\breview\s+(?:(?:is\s+|was\s+)?from\s+(?=[A-Z])"
                          r"|(?=[A-Z][\w\s]{0,40}\bpublished\b))(?P<area>(?-i:[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}))")


def _review_from(text: str) -> str | None:
    """The area :data:`_REVIEW_FROM` names in ``text``, or None."""
    for m in _REVIEW_FROM.finditer(text):
        words = m["area"].split()
        for n in range(len(words), 0, -1):
            if words[n - 1] != "and" and default_gazetteer().lookup(place := " ".join(words[:n])):
                return place
    return None


#: "a young child from the Ceredigion area": where the family lived, named by the page.
#: (session 82) The local safeguarding partners a national review worked with, by their area.
_PARTNERS_IN = re.compile(r"\b(?:local\s+)?safeguarding\s+partners(?:hip)?\s+(?:in|for|of)\s+(?:the\s+)?"
                          r"(?P<area>(?-i:[A-Z][a-z]+(?:(?:\s+and)?\s+[A-Z][a-z]+){0,3}))")
_AREA_FROM = re.compile(r"\bfrom\s+the\s+(?P<area>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s+area\b")
# ("the Regional Safeguarding Business Unit", "the National Safeguarding ...", "the Child
# Safeguarding Practice Review Panel": no place)
# (session 49: "through the Wales Safeguarding Procedures" names the nation's procedures)
_AREA_COMMITTEE = re.compile(r"\bthe\s+(?!(?:Regional|National|Local|Multi|Joint|Corporate|Child|Children|"
                             r"Wales|England|Scotland)\b)"
                             r"(?P<area>(?-i:[A-Z][a-z]+))\s+(?:Learning|Safeguarding)\b")
_PUBLISHED = re.compile(
    # ("We also published, in January 2024, a review ...": the date set off by commas; a
    # record's "| Published: 2019 Baby X, ..." run into its account)
    rf"\b(?i:published|publication|completed|released)[,:]?\s+(?:(?:the|a|an|this|its|[\w’'-]+)\s+){{0,7}}?"
    rf"(?:in\s+|on\s+)?(?:\d{{1,2}}\s+)?(?:(?:{_MONTHS_RE})\s+)?"
    # "Published 09/05/2023", (session 70) a repository's "Published 03/2025"
    rf"(?:(?:\d{{1,2}}[/.])?(?P<numeric_month>\d{{1,2}})[/.])?(?P<year>{YEAR})\b"
    rf"|\bIn\s+(?P<year2>{YEAR}),\s+the\s+[^.]{{0,80}}review[^.]{{0,120}}\bpublished\b"
    # "On 8 June 2022 the Board published ...", "In March 2023 the partnership published ..."
    # (session 49) "On Monday (12 Feb 2024) West Glamorgan Safeguarding Board published ..."
    rf"|\b(?:On|In)\s+(?:[A-Z][a-z]+day\s+)?\(?(?:\d{{1,2}}\s+)?(?:(?:{_MONTHS_RE}|{MONTH_SHORT})\s+)?"
    rf"(?P<year3>{YEAR})\b[^.]{{0,80}}?"
    rf"\bpublished\b"
    # "From: ... Local Child Safeguarding Practice Review (2021)": a review's year in brackets
    rf"|\b(?i:review|SCR|LCSPR|CSPR|CPR)(?:\s+[\"“‘'][^\"”’']{{1,30}}[\"”’'])?"
    rf"\s*\((?P<year4>{YEAR})\)"
    # (session 41) "published a local child safeguarding practice review about an 11-year-old
    # boy, Harry, in September 2023": the month and year closing the clause
    # (session 54: not "published a ... review into the death of a baby boy, known as Freddie,
    # in February 2023", the death's date)
    rf"|\bpublished\s+(?:a|an|the|its)\s+[^.]{{0,80}}?\breview\b"
    rf"(?![^.]{{0,60}}?\b(?:death|died|injur\w*|harm\w*|killed)\b)[^.]{{0,60}}?,\s+in\s+"
    rf"(?:{_MONTHS_RE})\s+(?P<year5>{YEAR})\b"
    # (session 47) a footer's "Published by Calderdale Safeguarding Children Partnership, May 2024"
    # (session 56) and "Published by the Safeguarding Board for Northern Ireland, September 2022"
    rf"|\b(?i:published|produced)\s+by\s+[^.,;]{{3,80}}?(?i:Partnership|Board|Committee|Council)"
    rf"(?:\s+for\s+(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+)?,\s+"
    rf"(?:\d{{1,2}}\s+)?(?:(?:{_MONTHS_RE})\s+)?(?P<year7>{YEAR})\b"
    # (session 70) a notice to partners: "... will publish the review about Child M on our
    # website at 10am on Thursday 14 March 2024"
    rf"|\b(?i:will\s+publish|will\s+be\s+published)\b[^.]{{0,120}}?\b(?:on|in)\s+(?:[A-Z][a-z]+day\s+)?"
    rf"(?:\d{{1,2}}\s+)?(?:{_MONTHS_RE})\s+(?P<year8>{YEAR})\b"
    # (session 47) "after the 2017 serious case review about 'Amber'": a review by its year
    rf"|\b(?i:the|our|its|their)\s+(?P<year6>{YEAR})\s+(?:(?i:serious\s+case|(?:local\s+)?child\s+safeguarding\s+practice|"
    rf"(?:concise\s+|extended\s+)?child\s+practice|significant\s+case|case\s+management|learning)\s+)"
    rf"review\b")
#: A review's own publication, told in a record about it: "a case management review published by
#: the Safeguarding Board for Northern Ireland in May 2023".
_REVIEW_PUBLISHED_BY = re.compile(rf"\b(?i:review|SCR|CMR|LCSPR|CSPR|CPR)\s+published\s+by\s+[^.;]{{3,100}}?"
                                  rf"\s+in\s+(?:(?P<month>{_MONTHS_RE})\s+)?(?P<year>{YEAR})\b")
#: Sentences of prose that state recommendations or learning ("recommends how agencies ...").
#: "recommends how agencies ...", "makes 7 recommendations, including that ...", "made
#: recommendations about ...", "Recommendations address how ...": what is recommended is said.
_PROSE_REC = re.compile(
    r"\brecommend(?:s|ed)\s+(?:how|that|ways|improvements)\b"
    # "The review recommends training for GPs ...": what a review recommends, named
    r"|\b(?:review|report|panel|reviewer)\s+recommends\s+(?!a\b|an\b)\w+"
    # ("The review made five recommendations; they focus on ...": the same after a semicolon)
    # ((session 73) "Its nine recommendations to the committee and its partners include a
    # protocol ...": what they include, after whom they are for)
    r"|\brecommendations\s+(?:to|for)\s+(?:[\w’']+\s+){1,6}?include[sd]?\s+(?:a|an|the|that|\w+ing)\b"
    # ((session 85) not the bodies they are for: "... to government and national bodies,
    # including the Department for Education and the Ministry of Justice")
    r"|\brecommendations?[,;]?\s+(?:[\w’']+,?\s+){0,4}?(?:including(?!\s+(?:the\s+)?(?-i:[A-Z][a-z]))|include|"
    r"which\s+cover|that\s+cover|"
    r"which\s+(?:concern|relate\s+to|focus\s+on|address)|"
    r"covering|about|on\s+how|for\s+how|that\s+(?!were|are|have|had)\w+|address(?:es)?\s+how|"
    # (session 73) "makes 8 recommendations, centred on ..."
    r"cent(?:red|ered|ring|ering)\s+on|"
    # "Five recommendations are made, focusing on ...", "The four recommendations focused on ..."
    r"focus(?:es|ed|ing)?\s+on|relat(?:es?|ed|ing)\s+to|concern(?:s|ed|ing)|regarding|"
    r"to\s+improve)\b"
    # "made three recommendations, for the GP federation and the housing team, about joint
    # working", "four recommendations, two of them to NHS England about managing risk"
    # ((session 73) "nine recommendations, mainly for Police Scotland and social work about ...",
    # "eight recommendations, addressed to the partnership, ..., covering ...", "four
    # recommendations, all directed to children's social work ..., on including dogs ...")
    r"|\brecommendations?(?:,\s+(?:\w+\s+of\s+(?:them|which)\s+)?|\s+(?:are|were|have\s+been)\s+made\s+)"
    r"(?:(?:mainly|mostly|largely|all)\s+)?(?:(?:addressed|directed|made)\s+)?"
    r"(?:for|to)\s+[^.]{2,100}?[\s,]\s*(?:covering|focusing\s+on|"
    r"about|on|around|regarding|relating\s+to|concerning)\s+\w+"
    # "We recommend that ...", "made a single recommendation: that the Partnership ..."
    r"|\bwe\s+recommend\s+(?:that|how)\b|\brecommendations?\s*:\s*that\b"
    # "Makes recommendations for schools on online safety education": for whom, then on what
    r"|\b(?:makes|made)\s+recommendations\s+for\s+[^.]{2,100}?\s(?:on|about|around|regarding)\s+\w+"
    # "made nine recommendations, on placement stability, ...": the subjects after a comma
    r"|\brecommendations,\s+(?:and\s+)?on\s+\w+"
    # (session 73) "makes three recommendations on access to mental health support"; not "on
    # the partnership's website", where they are
    r"|\b(?:makes|made|making)\s+(?:\w+\s+){0,2}recommendations\s+on\s+(?!(?:the|its|our|their)\s+"
    r"(?:[\w’']+\s+){0,2}(?:website|web\s*site|page|report|action\s+plan)\b)\w+"
    # "makes 7 recommendations to the Trust, the PSNI and the Education Authority, including a
    # protocol for ...": the addressees, then what they include
    # ((session 85) not more bodies: "..., including the Department for Education and ...")
    r"|\brecommendations\s+to\s+[^.]{2,120}?,\s+including\s+(?!(?:the\s+)?(?-i:[A-Z][a-z]))\w+"
    # (session 55) "made eight recommendations, which the Committee has accepted in full,
    # including that education and police share ...": a clause about them, then what they include
    r"|\brecommendations,\s+which\s+[^.]{2,80}?,\s+including\s+\w+"
    # (session 73) "Its recommendations, which the Committee accepted in full, called for ...";
    # "One of the review's 11 recommendations asks the council to ..."
    r"|\brecommendations,\s+which\s+[^.]{2,80}?,\s+(?:called|calls|call|asked|asks|ask)\s+(?:for|on)\s+\w+"
    r"|\bone\s+of\s+(?:the\s+(?:review|report|panel)['’]s\s+|its\s+|the\s+)?(?:\w+\s+)?recommendations\s+"
    r"(?:asks|asked|calls|called|requires|required|is\s+that|was\s+that)\b"
    # "One recommendation on multi-agency sharing of dangerous dog reports", "One
    # recommendation: the Board should publish ..."
    r"|\b(?:one|a\s+single)\s+recommendation(?:\s+(?:on|about|concerning|regarding)|\s*:)\s+\w+"
    # (session 40) a sentence that opens on the recommendations and says what or whom they
    # address: "Recommendations cover safe storage checks by prescribers ...", "Recommendations
    # address children's social care, police ...", "Recommendations were made to CAMHS and ..."
    # ((session 73) "Recommendations to the West Glamorgan Safeguarding Board concern ...",
    # "Recommendations (5) focus on ...")
    r"|^(?:The\s+|Its\s+)?recommendations\s+(?:\(\d{1,2}\)\s+|(?:to|for)\s+[^.]{2,80}?\s+(?=concern|focus))?"
    r"(?:cover(?:ed|s)?|address(?:ed|es)?|"
    r"(?:were|have\s+been)\s+made\s+(?:to|for)|focus(?:ed|es)?\s+on|concern(?:ed|s)?)\s+\w+"
    # (session 41) "made eight recommendations; the one for the ICB concerned the timeliness of
    # ...", "The review calls for better training for midwives ...", "makes recommendations to
    # the Trust and PSNI on missing episodes"
    r"|\bthe\s+one\s+(?:for|addressed\s+to)\s+[^.]{2,40}?\s+(?:concerned|was|is|asks|asked)\b"
    r"|\b(?:review|report|panel|reviewer)\s+calls\s+(?:for|on)\s+\w+"
    r"|\b(?:makes|made)\s+recommendations\s+to\s+[^.]{2,60}?\s(?:on|about|around|regarding)\s+\w+",
    re.I)
#: A sentence that only counts a review's recommendations ("The review identifies 5
#: recommendations for the Board"): not a statement of its learning.
_PROSE_LEARNING = re.compile(
    # ("... although the review had found he was ...", "The review said that each attendance ...")
    r"(?:^[“\"‘']?|,\s+|\b(?:although|while|whilst)\s+|\bsaid:?\s+[“\"‘'](?P<at>))(?:[Tt]he|[Tt]his)\s+"
    r"(?:review|report|reviewing team)(?:\s+|(?=,))"
    # ("The review (published September 2023) highlights", "The review, published in June
    # 2023, found that": the review's date between it and its finding)
    r"(?:\([^()]{1,60}\)\s+|,\s+published\s[^,]{1,40},\s+)?"
    # ("The review, which was commissioned as an LCSPR, found that ...", "The review considered
    # the role of universal services and concluded that ...": a clause before its finding)
    r"(?:,\s+which\s+[^,]{1,80},\s+|(?-i:[a-z]+ed)\s+(?:[\w’'-]+\s+){1,8}?and\s+)?"
    # ("found it was not": that the case had no such factor, no learning)
    r"(?:ha[sd]\s+)?(?:found(?!\s+no\s+evidence|\s+(?:that\s+)?(?:it|this|there)\s+(?:was|were)\s+(?:not|no)\b)|"
    r"concluded|identified|identifies|highlight(?:s|ed)|"
    r"points to|shows?|showed|"
    # (what it notes of the case's facts is no learning: "notes that it is possible that ...")
    # ((session 73) "The review sets out one main lesson: ...")
    r"sets\s+out\s+(?:one|a\s+single|its|the)\s+(?:main\s+|key\s+|central\s+)?(?:lesson|message)s?|"
    # ((session 84) nor what it says the case was: "The review says that what Freya lived
    # through over more than a year was emotional abuse.")
    r"criticised|sets out learning|(?:said|says|noted|notes|observed|recognised)\s+that"
    r"(?!\s+it\s+(?:is|was)\s+(?:possible|likely|unclear|not\s+known)|\s+what\s))\b"
    # "The review's main learning is that ...", "Learning focused on ...", "The key lessons were"
    r"|^(?:(?:[Tt]he|[Ii]ts|[Tt]his)\s+(?:review['’]s\s+)?)?(?:(?:[Mm]ain|[Kk]ey|[Cc]entral|[Ee]arly)\s+)?"
    # ("The review's message still stands: ...")
    # ((session 76) "The learning in this review is about curiosity: ...")
    r"(?:[Ll]earning|[Ll]essons?|(?<=review['’]s\s)messages?)(?:\s+(?:themes|points))?"
    r"(?:\s+(?:from|in|of)\s+(?:this|the)\s+review)?"
    # (session 40) "Learning highlighted that ...", "Learning identified so far is that ...",
    # "Learning points address ...", "The learning still stands: ..."
    # ((session 68) "The review's learning about 'hidden men' is still at the heart of ...")
    # ((session 73) "Learning identified by the review concerned ...")
    r"(?:\s+identified(?:\s+so\s+far|\s+by\s+the\s+(?:review|panel|reviewers?))?"
    r"|(?<=review['’]s\slearning)\s+about\s+[^.:;,]{1,40}?)?"
    # ((session 83) a news report's "The key learning, the report says, is that ...")
    r"(?:,\s+(?:the|this)\s+(?:review|report|panel)\s+(?:says|said|finds|found),)?\s+(?:is|was|are|were|"
    r"concerns|concerned|focus(?:es|ed)|centres|centred|covers|covered|relates|related|includes?|"
    r"included|highlighted|address(?:es|ed)?|still\s+stands)\b"
    # (session 56) a note's "Key learning (as I read it): nobody asked ..." inside its paragraph
    r"|^(?:[Kk]ey|[Mm]ain)\s+(?:[Ll]earning|[Ll]essons?)(?:\s+\([^()]{1,30}\))?:\s"
    # (session 73) the learning for whom, then what it is about: "Learning for the GP, the
    # school and the Education Authority centres on how ...", and run in after its owner:
    # "The Panel's learning for primary care: children with complex needs ...", and told in
    # apposition: "Its learning, that exploitation can look like ..., is still relevant"
    r"|^(?:[Tt]he\s+)?(?:[Ll]earning|[Ll]essons?)\s+for\s+[^.:;]{1,80}?\s+(?:centres|centred|concerns|concerned|"
    r"focus(?:es|ed)|covers|covered|relates|related)\s+(?:on|to|with)?\b"
    r"|^(?:[Tt]he\s+)?(?:[Rr]eview|[Pp]anel|[Rr]eport)['’]s\s+(?:main\s+|key\s+)?(?:learning|lessons?)"
    r"(?:\s+for\s+[^.:;]{1,60}?)?\s*:\s*\S"
    r"|^(?:[Ii]ts|[Tt]he\s+review['’]s)\s+(?:main\s+|key\s+)?learning,\s+that\b")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


#: What a review found, told of in a paragraph about it ("That review found that she had been
#: neglected"): the paragraph tells the review, not only names it.
_FOUND = re.compile(r"\b(?:found|concluded|identified|highlighted)\b", re.I)


def read_document(source: SourceText, lines: list[Line]) -> list[Entry]:
    """The reviews of a page without entry headings (see the module docstring)."""
    # ("Questions for your team" is a label of the briefing, not the site's "Contact the team")
    content = _completed_example([ln for ln in lines if not _FURNITURE.match(ln.text.strip(" :"))
                                  or _BARE_LABEL.match(ln.text.strip())])
    named = (_name_entries(source, content) or _prose_entries(source, content)
             or _mention_entries(source, content))
    if named:
        return named
    entry = _document_entry(source, content)
    if entry is None:
        return []
    # a paragraph of background about another, earlier review is that review's, not this one's
    rest, others = split_earlier_reviews(source, content, own=entry.name)
    if not others and entry.name:
        # (session 52) the page's only pseudonym was the earlier review's ("... examined the
        # death of a three-year-old girl, known as Child I"), which the page's entry took
        # (a paragraph that says the review is another's, "It is the second review in the
        # area", and tells what it found; one that only counts its recommendations, "... made 11
        # recommendations", mentions it: devlocal85)
        rest2, others2 = split_earlier_reviews(source, content, known=lambda: "")
        told = {id(ln) for ln in content} - {id(ln) for ln in rest2}
        if others2 and not any(re.search(rf"\b{re.escape(entry.name)}\b", ln.text) for ln in rest2) \
                and _FOUND.search(" ".join(ln.text for ln in content if id(ln) in told)):
            rest, others = rest2, others2
    if not others:
        return [entry]
    return [_document_entry(source, rest) or entry, *others]


#: (session 67) A template's "Completed example" heading, alone on its line, and a blank form's
#: placeholder ("[Numbered learning points.]") above it.
_COMPLETED_EXAMPLE = re.compile(r"(?:an?\s+)?(?:completed|worked|filled[- ]in)\s+example\b[^.]{0,40}", re.I)
_PLACEHOLDER = re.compile(r"\[[^\[\]]{3,200}\]")


def _completed_example(lines: list[Line]) -> list[Line]:
    """A template's lines from its completed example on, when the form above it is blank (its
    sections hold bracketed placeholders: "[Who was the child? Age, family, ...]"): the form's
    headings and instructions are no review's words.  Other pages' lines as they are."""
    start = next((k for k, ln in enumerate(lines) if _COMPLETED_EXAMPLE.fullmatch(ln.text.strip(" :"))), None)
    if start is None or not any(_PLACEHOLDER.fullmatch(ln.text.strip()) for ln in lines[:start]):
        return lines
    return lines[start + 1:]


#: A sentence that tells of another review the page's author refers to: "In 2020 it published a
#: serious case review into the death of Baby K", "the former partnership's 2020 'Child C'
#: practice review" (a news article's paragraph of background).
_EARLIER_REVIEW = re.compile(
    r"\b(?:published|commissioned|completed)\b[^.]{0,80}?\b(?:review|SCR|LCSPR)\b"
    # "a local child safeguarding practice review published by the partnership in 2022"
    # (and "A separate concise child practice review, published by the same board in March 2024";
    # "In 2023 a case management review was published into the death of ...")
    r"|\b(?:review|SCR|LCSPR),?\s+(?:(?:was|which\s+was)\s+)?(?:published|commissioned)\s+(?:by|in|into|about)\b"
    # "In 2022 a local child safeguarding practice review into the death of a three-month-old
    # boy, known as Baby G, found ...": a year, then a review into another child's case
    r"|\bIn\s+(?:19|20)\d\d,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?review\s+(?:into|of|about)\b"
    # (session 50) "In 2019, a serious case review in Poole found that a six-week-old baby girl,
    # known as Baby D, died ...": the review told by its place, then what it found
    # (session 52) "In 2016 a serious case review by the then Staffordshire Safeguarding
    # Children Board examined the death of a three-year-old girl, known as Child I"
    r"|\bIn\s+(?:19|20)\d\d,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?review\s+by\s+[^.]{0,80}?\b"
    r"(?:examined|looked\s+(?:at|into)|considered|reviewed)\b"
    # (session 55) "In 2016, a serious case review by Stockport Local Safeguarding Children Board
    # into the death of a two-year-old girl, known as Child X, found ..."
    r"|\bIn\s+(?:19|20)\d\d,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?review\s+by\s+[^.]{0,80}?\binto\s+"
    r"(?:the\s+)?(?:death|care|case|circumstances|experiences?)\s+of\b"
    r"|\bIn\s+(?:19|20)\d\d,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?review\s+in\s+(?-i:[A-Z][\w'-]+)"
    r"(?:\s+(?-i:[A-Z][\w'-]+|and|of)){0,4}\s+(?:found|concluded|said|looked)\b"
    # "the significant case review that Glasgow Child Protection Committee published in 2016"
    r"|\b(?:review|SCR|LCSPR|CMR)\s+(?:that|which)\s+[^.]{0,60}?\b(?:published|commissioned|completed)"
    r"\s+(?:in\s+)?(?:19|20)\d\d\b"
    # "The serious case review of Child U (2019) found ...", "review of Baby O (published 2022)"
    r"|\b(?:review|SCR|LCSPR)\s+(?:of|into|about|concerning)\s+(?:Child|Baby)\s+[A-Z]{1,3}\d?\s+"
    r"\((?:published\s+)?(?:19|20)\d\d\)"
    r"|\b(?:19|20)\d\d\s+['‘“\"]?(?:Child|Baby)\s+[A-Z]{1,3}\d?['’”\"]?\s+(?:[\w-]+\s+){0,3}review\b"
    # "The second learning review, Baby L (2023), considered ..."
    r"|\b(?:review|SCR|LCSPR|CMR),?\s+(?:Child|Baby)\s+[A-Z]{1,3}\d?\s+\((?:published\s+)?(?:19|20)\d\d\)"
    # "the Board's concise child practice review Child N, published in 2020, about ...", "the
    # serious case review into the death of another teenager, Child Q, which found ...", "the
    # review about 'Ellie', published in 2017"
    r"|\b(?:review|SCR|LCSPR|CMR)\s+(?:(?:into\s+the\s+death\s+of|about|concerning|of|into)\s+)?"
    r"(?:[^.,'‘“\"]{0,40},\s+)?['‘“\"]?(?:(?:Child|Baby)\s+[A-Z]{1,3}\d?|(?-i:[A-Z][a-z]{1,15}))['’”\"]?,\s+"
    r"(?:published|which|who|whose|about|a|an)\b")


#: Words that mark a review as another one than the page's own: "also", "earlier", "former",
#: "the partnership's predecessor", "the second review in Swindon in two years", "a separate review".
_ANOTHER_REVIEW = re.compile(r"\b(?:also|earlier|previous|former|another|other|follows|remember|"
                             r"reminder|too|predecessor|second|separate|"
                             # (session 55) "It is not the first time the area has examined ...",
                             # (session 57) "It is not the first review in the county to ..."
                             r"not\s+the\s+first\s+(?:time|review|such\s+review|case))\b", re.I)


def _earlier_reviews(lines: list[Line], known: Callable[[], str] | None = None, first: int = 1,
                     another_needed: bool = True) -> list[tuple[str, list[Line]]]:
    """Paragraphs after the first that tell of another review: their first two sentences speak
    of a review published or named with its year, and name a child the page has not named
    before that paragraph ("It is not the first time ... In 2020 it published a serious case
    review into the death of Baby K, a four-month-old girl ...").  ``known``: the page's words
    before these lines (another review's, a heading's), which name children already told of,
    built only when a paragraph names one (a catalogue has many headings); given, the paragraph
    must also say the review is another ("also", "earlier", "former"): a
    review's own statement under its heading may name its child late ("has today published a
    review ..., known in the report as Child R").  ``first``: the first paragraph that may tell
    of one (0 under a heading that is no review's: "5.4 Other reviews published").
    ``another_needed``: False for a press release's notes to editors, which tell of other reviews
    only ("2. In September 2021 the Board published a concise child practice review about Baby
    Iwan"): a child the release named is still its own."""
    paragraphs: list[list[Line]] = []
    for ln in lines:
        if not paragraphs or ln.blank_before:
            paragraphs.append([ln])
        else:
            paragraphs[-1].append(ln)
    out: list[tuple[str, list[Line]]] = []
    for k, para in enumerate(paragraphs[first:], start=first):
        text = " ".join(ln.text for ln in para)
        # a report's numbered paragraph ("23. This was a central finding of a review ...")
        opening = " ".join(m.group() for m in list(_SENTENCE.finditer(_PARAGRAPH_NO.sub("", text)))[:2])
        # (a short paragraph only when it says the review is another's: "In 2019 the Board
        # published a serious case review about another 16-year-old, Child H, who died in 2018.")
        shortest = 60 if _ANOTHER_REVIEW.search(opening) else 120
        if len(text) < shortest or not _EARLIER_REVIEW.search(opening) or (
                known is not None and another_needed and not _ANOTHER_REVIEW.search(opening)):
            continue
        # "... concerning a young person in care known as Kai"; "... review about 'Ellie', ..."
        m = _PSEUDONYM.search(opening) or _CALLED.search(opening) or _QUOTED_REVIEW_NAME.search(opening)
        if m is None:
            continue
        name = (called(m) if m.re is _CALLED else m["name"] if m.re is _QUOTED_REVIEW_NAME
                else m.group()).strip()
        before = (known() if known else "") + " " + " ".join(ln.text for p in paragraphs[:k] for ln in p)
        if not re.search(rf"\b{re.escape(name)}\b", before):
            out.append((name, para + [ln for p in _its_lists(paragraphs[k + 1:]) for ln in p]))
    return out


def _its_lists(paragraphs: list[list[Line]]) -> list[list[Line]]:
    """(session 83) The paragraphs right after a review's own that are a lead-in and its points
    ("What the review asks you to do:" over "- Use language that ..."): that review's learning,
    not the page's other review's."""
    out = []
    for para in paragraphs:
        if len(para) < 2 or not para[0].text.rstrip().endswith(":") \
                or not all(_LIST_ITEM.match(ln.text) for ln in para[1:]):
            break
        out.append(para)
    return out


def split_earlier_reviews(source: SourceText, body: list[Line], known: Callable[[], str] | None = None,
                          own: str | None = None, first: int = 1, another_needed: bool = True
                          ) -> tuple[list[Line], list[Entry]]:
    """A review's lines without the paragraphs that tell of another, earlier review ("The review
    also refers to the partnership's 2019 serious case review into the death of another
    teenager, Child Q, which found ..."), and those reviews, each on its own.  ``known`` as for
    :func:`_earlier_reviews`, and ``another_needed``; ``own``: the review's own child, never
    another review's."""
    # (one of the review's own children, "Twin 1" of "Twin 1 and Twin 2", is never another's)
    others = [(name, para) for name, para in _earlier_reviews(body, known, first, another_needed)
              if name != own and name not in (own or "").split(" and ")]
    told = {id(ln) for _, para in others for ln in para}
    return ([ln for ln in body if id(ln) not in told],
            [_paragraph_entry(source, name, para) for name, para in others])


#: A first name in quotation marks after a review's words: "the serious case review about
#: 'Ellie', published in 2017".
_QUOTED_REVIEW_NAME = re.compile(r"\b(?:review|CMR|SCR|LCSPR)\s+(?:about|concerning|of|into)?\s*['‘“\"]"
                                 r"(?P<name>(?-i:[A-Z][a-z]{1,15}))['’”\"]")
#: The number of a report's paragraph: "23. ", "5.4.3 ".
_PARAGRAPH_NO = re.compile(r"^\d{1,3}(?:\.\s+|(?:\.\d{1,3}){1,3}\.?\s+)")


def _paragraph_entry(source: SourceText, name: str, para: list[Line]) -> Entry:
    """A review a paragraph tells of, on its own: its year and area from its words."""
    entry = Entry(source=source, heading=name, heading_kind="section", line=para[0].number,
                  start=para[0].start, title=name, name=name)
    fill_sections(entry, para)
    complete(entry, para)
    if entry.year is None and (m := _YEAR_OF_REVIEW.search(" ".join(ln.text for ln in para))):
        entry.year = int(m["year"])  # (not the page's date: another review's own year)
    return entry


#: (session 49) "In 2015 a serious case review into the sexual exploitation of ... made 12
#: recommendations": the year an earlier review is told of with, when no "published" says it.
_YEAR_OF_REVIEW = re.compile(r"\bIn\s+(?P<year>(?:19|20)\d\d),?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?"
                             r"(?:review|SCR|LCSPR|CMR)\b", re.I)


# --------------------------------------------------------------------------- name lines


def called(m: re.Match[str]) -> str:
    """The name a match of :data:`_CALLED` gives, whichever of its forms matched."""
    return m["name"] or m["name2"] or m["name3"] or m["name4"] or m["name5"] or m["name6"] or m["name7"]


def called_name(text: str) -> str | None:
    """The pseudonym a text introduces ("known as Ada", "the report calls 'Jay'"), if any."""
    m = _CALLED.search(text)
    return called(m) if m else None


#: First words of short capitalised lines that are section headings, never a child's name.
NOT_NAMES = frozenset({"The", "A", "An", "Our", "This", "These", "What", "Why", "How", "Key",
                        "Further", "Next", "About", "Contact", "Background", "Learning", "Summary",
                        "Welcome", "Introduction", "Foreword", "Contents", "Spotlight", "News",
                        "Update", "Updates", "Training", "Events", "Overview", "Editorial",
                        "Safeguarding", "Home"})


#: The word a newspaper's or a bulletin's name ends in ("Humber Evening Courier", "Kent
#: Messenger", "Practice Bulletin"), which no child's name does.
_MASTHEAD_WORD = re.compile(r"Courier|Chronicle|Gazette|Herald|Echo|Post|Times|Mail|Telegraph|Express|Argus|"
                            r"Mercury|Observer|Advertiser|Journal|Press|Examiner|Sentinel|Messenger|Bugle|"
                            # (session 61) "Down Evening News" over its dateline
                            r"News|Standard|Guardian|Leader|Reporter|Citizen|"
                            # (session 65) a partnership's own title over its one review, "Practice
                            # Bulletin" over "Concise Child Practice Review ... – Child K"
                            r"Bulletin|Newsletter|Briefing|Digest|Magazine")


def _name_line(line: Line, nxt: Line | None) -> str | None:
    """The name a short line introduces, if the next line is an account that names it again."""
    text = line.text.strip()
    words = text.split()
    if (nxt is None or not 1 <= len(words) <= 5 or text.endswith((".", ":", "?"))
            or not all(w[:1].isupper() or w in {"and", "&"} for w in words)
            or len(nxt.text) < 40):
        return None
    first = words[0]
    if any(len(w) >= 4 and w.isupper() for w in words):
        return None  # "LIVE", "COURT": a section word in capitals, never a name
    if first in NOT_NAMES or _BARE_LABEL.match(text):
        # "The Review", "Key Learning": a section heading, not a child's name; (session 75) nor
        # a poster's "Recommendations" over "Recommendations include that ... harming children"
        return None
    if len(words) > 1 and (default_gazetteer().lookup(first) or _MASTHEAD_WORD.fullmatch(words[-1])
                           or _BODY_NOUN.fullmatch(words[-1])):
        # (session 49) "Plymouth Evening Chronicle" over "Plymouth Evening Chronicle Thursday, 9
        # May 2024 ...": a paper's masthead, named after its place, over its dateline; (session
        # 58) one named after a region, "Humber Evening Courier", ends in a newspaper's word;
        # (session 85) a photo card's byline, "Scottish Borders Child Protection Committee", over
        # "Learning Review - Child K (Scottish Borders, 2024)", ends in a body's
        return None
    if re.search(rf"\b{re.escape(first)}\b", nxt.text) and re.search(
            r"\d|\b(?:died|death|injur\w*|abus\w*|neglect\w*|murder\w*|killed|harm\w*|life)\b",
            nxt.text, re.I):
        return text
    return None


def _account_after(lines: list[Line], i: int) -> Line | None:
    """The line under line ``i``, or under the label or field that follows it ("Ada" / "What
    happened" / "Ada was a 15-year-old girl ...", or "Sophie" / "Reference: CTM-SUSR-2025-02" /
    "Sophie was 16 ...": the account names her again)."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and i + 2 < len(lines) and (
            _BARE_LABEL.match(nxt.text.strip(" :")) or _FIELD_LINE.match(nxt.text)):
        return lines[i + 2]
    return nxt


def _name_entries(source: SourceText, lines: list[Line]) -> list[Entry]:
    heads = [(i, name) for i, ln in enumerate(lines)
             if (name := _name_line(ln, _account_after(lines, i)))]
    entries = []
    for n, (i, name) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        head = lines[i]
        entry = Entry(source=source, heading=head.text, heading_kind="name", line=head.number,
                      start=head.start, title=head.text, name=name)
        body = [ln for ln in lines[i + 1:end] if not _QUOTE.search(ln.text)]
        fill_sections(entry, body)
        complete(entry, lines[i:end])
        if entry.sections:
            entries.append(entry)
    return entries


# --------------------------------------------------------------------------- told in turn

#: A child of a review by letter ("Child Z", "Baby Q"), as a speaker names each case in turn.
_LETTERED = re.compile(r"\b(?:Child|Baby)\s+(?-i:[A-Z])\b")


def _mention_entries(source: SourceText, lines: list[Line]) -> list[Entry]:
    """Reviews told one after another with no heading ("So, Child Z. Z was 16 ..." ... "So Baby
    Q. She was four months old ..." in a transcript): each child's part runs from the line that
    first names it to the line that first names the next.  Only when every part names its own
    child at least twice (by name or by letter), tells of harm, and never names another child of
    the page: a review of siblings names them together, and stays one review."""
    if not lines:
        return []  # (a page whose every line a table took: nothing told in turn)
    starts = [i for i, ln in enumerate(lines) if i == 0 or ln.blank_before]  # each paragraph's
    named = [set(m.group() for k in range(a, b) for m in _LETTERED.finditer(lines[k].text))
             for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    children = set().union(*named)
    if len(children) < 2 or any(_CHILDREN_GROUP.search(ln.text) for ln in lines):
        return []  # ("Thematic Review: Babies A, B and C": one review of several children)
    # each child's part starts with the paragraph that names it alone (an overview that names
    # every case first, "two cases: the review about Child Z, and ... Baby Q", is nobody's part)
    firsts = [(next((starts[p] for p, names in enumerate(named) if names == {name}), None), name)
              for name in children]
    heads = sorted((i, name) for i, name in firsts if i is not None)
    if len(heads) < len(children) or any(len(names) > 1 and starts[p] > heads[0][0]
                                         for p, names in enumerate(named)):
        return []  # (children named together after their parts began: one review of siblings)
    entries = []
    for n, (i, name) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        part = " ".join(ln.text for ln in lines[i:end])
        letter = name.split()[-1]
        others = [other for _, other in heads if other != name]
        if (len(re.findall(rf"\b(?:{re.escape(name)}|(?-i:{letter}))\b", part)) < 2
                or not CASE_WORDS.search(part) or any(other in part for other in others)):
            return []
        head = lines[i]
        entry = Entry(source=source, heading=name, heading_kind="document", line=head.number,
                      start=head.start, title=name, name=name)
        fill_sections(entry, lines[i:end])
        complete(entry, lines[i:end])
        entries.append(entry)
    return entries


# --------------------------------------------------------------------------- prose paragraphs

#: "The first, a local child safeguarding practice review, concerns Amira, a girl of 13 ...",
#: "The second review is about Theo, who was 5 months old ...": a news item's paragraphs.
#: A paragraph that introduces a review: "The first, a local child safeguarding practice review,
#: concerns Amira", "Our latest review concerns Ada", "A second review ... concerned a girl known
#: as Lily", "The third review ... was the serious case review about Baby N".  An ordinal or a
#: word of novelty is required: "The review considered Baby N's care" continues a review.
_INTRO_REVIEW = re.compile(
    # an inspection report's numbered paragraph ("34. The second review", "3.5 The second review")
    r"^(?:\d{1,3}(?:\.\d{1,2})*\.?\s+)?(?:"
    r"The\s+(?:first|second|third|fourth|fifth|other|last)(?:\s+review)?,?\s+"
    r"[‘'“\"](?P<quoted>(?-i:[A-Z][a-z]{1,15}|(?:Child|Baby)\s+[A-Z]{1,3}))[’'”\"]"
    # (session 52) minutes: "Members then considered the second review, ..., which concerned Jordan"
    r"|(?:(?:Members|Councillors|the\s+(?:committee|board|panel|meeting))\s+(?:then\s+)?"
    r"(?:considered|discussed|turned\s+to|received|heard\s+about)\s+)?"
    r"(?:(?:Our|The|A|This)\s+(?:latest|newest|new|most\s+recent|recently\s+published|next|"
    r"first|second|third|fourth|fifth|other|last|final)|Another)\b[^.]{0,120}?\breview\b"
    r"[^.]{0,120}?\b(?:concerns|concerned|concerning|is about|was about|about|looks at|looked at|considers|"
    r"considered|examines|examined|involves|involved|into the (?:death|case) of|focuses on|"
    r"focused on)\s+(?:[^.]{0,60}?\b(?:known as|called|referred to as)\s+"
    r"|(?:twins|siblings|two\s+(?:brothers|sisters|children)|brothers|sisters),?\s+)?"
    # ((session 86) "known as Young Person Q" too)
    r"[‘'“\"]?(?P<name>(?-i:(?:Child|Baby|Young\s+[Pp]erson)\s+[A-Z]{1,3}\d?"
    r"(?:\s+and\s+(?:Child|Baby)\s+[A-Z]{1,3}\d?)?|[A-Z][a-z]{1,15}))\b"
    # "The second was a local child safeguarding practice review published in 2022 by the
    # Partnership (Child J).": the child named in brackets after the review
    r"|The\s+(?:first|second|third|fourth|fifth|other|last)\s+(?:was|is)\s+an?\b[^.]{0,60}?\breview\b"
    r"[^.]{0,120}?\((?P<bracketed>(?-i:(?:Child|Baby)\s+[A-Z]{1,3}\d?))\))"
    # (session 83) a decision notice's "2.1 The Child H review, published in January 2024,
    # concerned a 13-year-old girl ...": the review by its child's name, then what it was about
    # (not "The Learning Review concerned a sister and brother": a word of the review's type)
    r"|^(?:\d{1,3}(?:\.\d{1,2})*\.?\s+)?The\s+(?!(?:learning|serious|significant|local|practice|case|national|"
    r"rapid|thematic|extended|concise|multi-agency|independent|full|overview|final|published)\b)"
    r"(?P<named>(?-i:(?:Child|Baby)\s+[A-Z]{1,3}\d?|[A-Z][a-z]{1,15}))"
    r"(?:['’]s)?\s+review\b(?:,[^.,]{1,60},)?\s+(?:concerned|concerns|was\s+about|is\s+about|related\s+to)\s+"
    r"(?:an?\s+|the\s+)", re.I)


def _intro_name(m: re.Match[str]) -> str:
    """The child a match of :data:`_INTRO_REVIEW` names, whichever of its forms matched."""
    return m["quoted"] or m["name"] or m["bracketed"] or m["named"]


#: A report's numbered paragraph that opens on a child as its subject: "5.2 Baby M was a boy who
#: died at 7 weeks old", "5.3 Child J was a 14-year-old girl" (a panel's annual report).
_CASE_PARAGRAPH = re.compile(
    r"^\d{1,2}(?:\.\d{1,2})+\s+(?P<name>(?-i:(?:Child|Baby)\s+[A-Z]{1,3}\d?))\s+(?:was|is|had|died)\b")
#: Any numbered paragraph of a report ("5.4 The Partnership's action plans ..."), or a section's
#: numbered heading ("6. Panel priorities"): where a case paragraph ends.
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S")


def _case_paragraph_end(lines: list[Line], i: int) -> int:
    """The index of the next numbered paragraph after line ``i`` (or the end of the page)."""
    return next((k for k in range(i + 1, len(lines)) if _NUMBERED_PARAGRAPH.match(lines[k].text)),
                len(lines))


def _section_end(lines: list[Line], i: int) -> int:
    """Where the last review's paragraphs end: at the next section of a report's numbered
    paragraphs ("3.5 The second review ..." runs to "4.0 FINANCIAL IMPLICATIONS"); a paragraph
    without a number (a news item's) is its line alone."""
    number = re.match(r"(\d{1,3})\.\d", lines[i].text)
    if number is None:
        return i + 1
    return next((k for k in range(i + 1, len(lines))
                 if (m := re.match(r"(\d{1,3})\.\d?", lines[k].text)) and m[1] != number[1]),
                len(lines))


#: (session 59) A review introduced in speech (a webinar's captions, a podcast's transcript):
#: "The first is a learning review from ...", "OK. The second review is older.", "[00:41]
#: CALLUM: Thanks, Morag. The first one is the significant case review ..." (a sentence of the
#: line, not only its start); the child is named after it, in the rest of its paragraph or the
#: next one (:func:`_spoken_heads`).
_SPOKEN_INTRO = re.compile(r"(?:^|(?<=[.!?:]\s))(?:The\s+(?:first|second|third|fourth|next|other|last)"
                           r"(?:\s+(?:one|review|case))?\s+(?:is|was)\b"
                           # (session 67) a news story's two reviews: "A learning review for the
                           # Aberdeen City Child Protection Committee, which calls the girl Child P,
                           # found ...", "In the second case, the ... Committee reviewed the care of a
                           # seven-month-old boy, known as Baby Q"
                           r"|In\s+the\s+(?:first|second|third|other|next|last)\s+(?:case|review)\b"
                           r"|An?\s+(?:[\w-]+\s+){0,4}?review\s+(?:for|by)\s+the\b)")
_SPOKEN_NAME = re.compile(r"\b(?:called|calls|named|names|known\s+as|referred\s+to\s+as|"
                          # (session 65) a webinar's "a young person we call Child M"
                          r"(?:we|I)(?:['’]ll|\s+will|\s+are)?\s+call(?:ing)?)"
                          # (session 67) "which calls the girl Child P"
                          r"(?:\s+the\s+(?:girl|boy|baby|child|teenager|infant|toddler))?\s+[‘'“\"]?"
                          r"(?P<name>(?-i:(?:Child|Baby|Young\s+[Pp]erson)\s+[A-Z]{1,3}\d?"
                          r"(?:\s+and\s+(?:Child|Baby)\s+[A-Z]{1,3}\d?)?|[A-Z][a-z]{1,15}|[A-Z](?![\w’'])))")
#: (session 65) The place a speaker gives after the child's name: "we call Child M, from Pembrokeshire."
_SPOKEN_PLACE = re.compile(r"^[,\s]+from\s+(?P<area>(?-i:[A-Z][a-z]+(?:[ -](?:and\s+)?[A-Z][a-z]+){0,3}))")


def _spoken_heads(lines: list[Line]) -> list[tuple[int, str, str | None]]:
    """The lines that introduce a review in speech (:data:`_SPOKEN_INTRO`), each with the child
    named after the introduction (in the rest of its paragraph or the next paragraph: the
    answer to a host's "The second review is from Fife, isn't it?") and the place said
    straight after the name ("we call Child M, from Pembrokeshire"), if any."""
    heads = []
    for i, line in enumerate(lines):
        if (intro := _SPOKEN_INTRO.search(line.text)) is None:
            continue
        after, paragraphs = [line.text[intro.end():]], 0
        for nxt in lines[i + 1:]:
            paragraphs += nxt.blank_before
            if paragraphs > 1:
                break
            after.append(nxt.text)
        if (named := _SPOKEN_NAME.search(said := " ".join(after))) is not None:
            place = _SPOKEN_PLACE.match(said[named.end():])
            heads.append((i, named["name"], place["area"] if place else None))
    return heads


def _prose_entries(source: SourceText, lines: list[Line]) -> list[Entry]:
    """Reviews introduced one paragraph each by an ordinal ("The first ... concerns Amira"), or
    told one numbered paragraph each ("5.2 Baby M was a boy who died ..."), or introduced in
    speech, each told until the next (:data:`_SPOKEN_INTRO`), when a page has at least two such
    paragraphs."""
    heads = [(i, _intro_name(m)) for i, ln in enumerate(lines)
             if (m := _INTRO_REVIEW.match(ln.text))]
    numbered = [(i, m["name"]) for i, ln in enumerate(lines) if (m := _CASE_PARAGRAPH.match(ln.text))]
    told = _spoken_heads(lines) if len(heads) < 2 else []
    spoken = [(i, name) for i, name, _ in told]
    if len(heads) < 2 and len({name for _, name in numbered}) >= 2:  # (one child's paragraphs: one review)
        heads = numbered
    elif len(heads) < 2 and len({name for _, name in spoken}) >= 2:
        heads = spoken
    if len(heads) < 2:
        return []
    entries = []
    for n, (i, name) in enumerate(heads):
        end = (_case_paragraph_end(lines, i) if heads is numbered
               else heads[n + 1][0] if n + 1 < len(heads) else len(lines) if heads is spoken
               else _section_end(lines, i))
        head = lines[i]
        entry = Entry(source=source, heading=name, heading_kind="document", line=head.number,
                      start=head.start, title=name, name=name)
        if heads is spoken and (place := told[n][2]) and default_gazetteer().lookup(place):
            entry.area = place
        fill_sections(entry, lines[i:end])
        complete(entry, lines[i:end])
        if entry.sections:
            entries.append(entry)
    return entries


# --------------------------------------------------------------------------- sectioned pages

#: A heading's number: "3.1 ", "4. ", "2) ", "Slide 6: ", or a memo's lettered item "(c) ".
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+|Slide\s+\d{1,2}:\s+|\((?-i:[a-h])\)\s+"
                             # (session 77) a recorded briefing's "Part 1 - Local child ..."
                             r"|Part\s+\d{1,2}\s+[:–—-]\s+(?=[A-Z])"
                             # a coder's number for a document in a batch of summaries ("[D1]
                             # Serious Case Review: Child T"; a reference list's "[1]" has no letter)
                             r"|\[(?-i:[A-Z]{1,3})\s?\d{1,3}\]\s+)")
#: A name at the start of a heading, before a dash or colon ("Bea — update", "Ivy: infant ...").
#: (session 60) or two, "Amber and Jade – neglect that was seen but not named"
_LEAD_NAME = re.compile(r"^(?:New:\s+)?(?P<name>(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?))"
                        r"\s*(?:[–—:-])\s")
#: One or two first names (in capitals too), the review's place in brackets, then a dash or
#: colon and the heading's words: "Lily (Wirral): an older review that still matters".
_NAME_BEFORE_PLACE = re.compile(r"^(?P<name>(?-i:(?:[A-Z][a-z]{1,15}|[A-Z]{2,15})(?:\s+(?:and|AND)\s+"
                                r"(?:[A-Z][a-z]{1,15}|[A-Z]{2,15}))?))\s*\((?P<place>[^()]{2,40})\)\s*[:–—-]\s")
_TYPE_ABBREVIATION = re.compile(rf"\b{TYPE_ABBREVIATIONS}\b|\bpublished\b.*$|\b(?:rapid\s+"
                                r"review|review)\b", re.I)


def review_words(text: str) -> bool:
    """Whether a text names a kind of review, in words or by its letters ("LCSPR")."""
    return bool(_REVIEW_TYPE_WORDS.search(text) or re.search(rf"\b{TYPE_ABBREVIATIONS}\b", text))


def names_a_child(text: str) -> bool:
    """Whether a text names a child by a pseudonym ("Child AE", "Baby Q")."""
    return _PSEUDONYM.search(text) is not None


#: (session 88) A first name, its place in brackets and perhaps when the review was published,
#: after a review's type: "Macy (Flintshire) - published October 2023".
_PLACED_PUBLISHED = re.compile(rf"(?P<name>{_FIRST_NAMES.pattern})\s*\([^()]{{2,60}}\)"
                               rf"(?:\s*[-–—,]\s*[Pp]ublished\s+(?:in\s+)?(?:\w+\s+)?{YEAR})?$")


def heading_fields(heading: str) -> dict:
    """Year and area a review's heading gives in brackets or after a dash: "Baby R
    (Stockton-on-Tees serious case review, 2019)", "... (Darlington), published 4 March 2024"."""
    out: dict = {}
    date = PAGE_DATE.search(heading)
    year = (date or re.search(rf"\((?:[^()]*\D)?(?P<year>{YEAR})\)", heading)
            or re.search(rf"\s[–—-]\s*(?P<year>{YEAR})\b", heading))  # "Child A – 2022 [+]"
    if year:
        out["year"] = int(year["year"])
        out["month"] = month_num(date["month"]) if date else None
    lead = _AREA_BEFORE_NAME.match(heading)
    if lead and not review_words(lead["area"]):  # (session 76) not "Local Learning Review: Baby Z"
        out["area"] = lead["area"]  # "Wiltshire: Child L (LCSPR, 2025)", "Kent | Child N | LCSPR"
        return out
    for inside in re.findall(r"\(([^()]*)\)", heading):
        for part in inside.split(","):
            if place := place_in(part):
                out["area"] = place
                return out
    return out


#: (session 85) A post's own metadata line: an ISO date, perhaps with its time, or its comments.
_POST_META = re.compile(rf"{POST_DATE.pattern}|(?:\d+\s+)?comments?", re.I)
#: A body's or a document's noun left alone once a review's type is taken from a bracket.
_BODY_NOUN = re.compile(r"(?:Panel|Board|Partnership|Committee|Group|Team|Report|Summary|Briefing)s?")


def place_in(part: str) -> str | None:
    """The place a part of a heading's bracket names once its review type is taken away
    ("Stockport LCSPR", "Leeds Safeguarding Children Partnership"), or None.  A part in capitals
    ("LEICESTER LCSPR", session 49) is read title-cased when that names a gazetteer area."""
    place = _TYPE_ABBREVIATION.sub("", _REVIEW_TYPE_WORDS.sub("", part)).strip(" -–")
    if place.isupper() and default_gazetteer().lookup(
            cased := re.sub(r"\b(And|Upon|On|Under|Le|In)\b", lambda m: m.group().lower(), place.title())):
        place = cased  # (not "SBNI", a board's letters)
    place = re.sub(r"\s+(?:L?SC[BP]|LSCP|SSCP|CSP)$", "", place)  # "Leeds SCP": a partnership's letters
    place = re.sub(r"^(?:(?:an?|the)\s+)?(?:in|from)\s+", "", place)  # "a learning review in Argyll and Bute"
    if trust := re.fullmatch(TRUST_AREA, place):
        return trust["area"]  # "Southern HSC Trust area": a Northern Ireland trust's
    if _BODY_NOUN.fullmatch(place):  # "(Child Safeguarding Practice Review Panel)": a body, no place
        return None
    if place.lower() in ("thematic", "joint", "national", "local", "concise", "extended", "rapid"):
        return None  # (session 49) "Thematic review": the review's kind, no place
    if re.fullmatch(r"(?-i:[A-Z][a-z]+(?:[- ](?:on|upon|under|le|in)?-?[A-Z]?[a-z]+){0,3})",
                    place) and not re.search(YEAR, place):
        return area_of_body(place) or place
    return None


#: An area before a catalogue pseudonym, after a colon or in a pipe-separated heading.
_AREA_BEFORE_NAME = re.compile(r"^(?!(?:New|Latest|Update|Updated|Featured|Spotlight|Focus|Case|"
                               r"Review|Briefing|Summary|Learning|Published|"
                               # a review's kind, not an area: "Serious Case Review: Baby H"
                               r"Serious|Significant|Extended|Concise|Rapid|Thematic|"
                               # (session 76) "Local Learning Review: Baby Z"
                               r"Local|National|Joint)\b)"
                               r"(?P<area>(?-i:[A-Z][a-z]+(?:[ -](?:and\s+)?[A-Z][a-z]+){0,2}))\s*[:|]\s*"
                               r"(?=(?:Child|Baby|Children|Siblings?)\s+(?-i:[A-Z]))")
#: An area, a colon, then the children's names and a dash: "Torbay: Ash and Rowan - LCSPR".
_AREA_LEAD = re.compile(r"^(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?):\s+"
                        r"(?P<name>(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?))\s+[–—-]\s")
#: A name after a review's kind and a colon or a dash, ending the heading: "Local child
#: safeguarding practice review: Kai", "Multi-agency learning review - Kian".
_LABELLED_NAME = re.compile(r"\b(?:review|briefing)"
                            # (session 78) its place and year first: "Case study 2 - Learning
                            # review, Dundee (2023): Kayla"
                            r"(?:,\s+[^,:()]{2,40}?\s*\(\d{4}\))?\s*(?::|\s[–—-])\s*"
                            # (session 49) "Case Management Review: Aoife and Ciaran"
                            r"(?P<name>(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?))"
                            # (session 49) "Learning Review – Kacey (published June 2024)"
                            r"\s*(?:\([^()]*\))?\s*$", re.I)
def labelled_name(heading: str) -> str | None:
    """The child's name that ends a heading after a review's kind (:data:`_LABELLED_NAME`)."""
    m = _LABELLED_NAME.search(heading)
    return m["name"] if m else None


#: A name before a bracket that says what review it is: "Sky (multi-agency learning review, 2021)".
_BRACKETED_NAME = re.compile(rf"^(?P<name>(?-i:[A-Z][a-z]{{1,15}}(?:\s+and\s+[A-Z][a-z]{{1,15}})?))"
                             rf"\s*\((?=[^)]*(?:\breview\b|(?-i:\b{TYPE_ABBREVIATIONS}\b)))",
                             re.I)  # "Harper (LCSPR)", "Ava and Mia (Lancashire SCR, 2018)"
#: Words that tell of a child's harm: text with none tells of no case (parse reads it too, so that
#: a post over its reviews, which tells of none itself, is their container).
CASE_WORDS = re.compile(
    r"\b(?:died|death|injur\w*|abus\w*|neglect\w*|harm\w*|assault\w*|killed|exploit\w*|"
    r"murder\w*|suicide|self-harm\w*|stabbed|fractur\w*|hospital|swallow\w*|ingest\w*|overdos\w*|"
    r"drown\w*|intensive care|sexual\w*|burn(?:s|ed)?|scald\w*|shaken|bruis\w*|malnourish\w*|"
    r"(?:took|taken|take|takes)\s+(?:his|her|their)\s+own\s+life|"
    # (session 85) "was shot in both legs in a paramilitary-style attack", "the family's dog
    # attacked them"
    r"shot\s+(?:in|dead)|attacked)\b",
    re.I)


#: A verb in the passive or perfect ("was commissioned", "has been"): a sentence's, not a heading's.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en)\b")


#: A line that is a post's byline or one of its fields, not a headline: "By our social affairs
#: reporter", "Announcement • Posted by ...", "Users: SSCP Business Unit" (a headline's rubric
#: is in capitals: "GLASGOW: Learning review into death of Megan").
_BYLINE = re.compile(r"^(?:By\s|Posted\b|Announcement\b|[A-Z][a-z][\w ]{0,30}:\s)|•")


def _paragraph_length(lines: list[Line], i: int) -> int:
    """The length of line ``i`` and the next, when it goes on the same paragraph (a news item
    hard-wrapped at 70 characters is as long as one written on a line)."""
    size = len(lines[i].text)
    if size >= 50 and i + 1 < len(lines) and not lines[i + 1].blank_before:  # (a wrapped line's)
        size += len(lines[i + 1].text) + 1
    return size


#: A line set between runs of asterisks, as a plain-text e-mail bulletin marks its headings.
_STARRED = re.compile(r"^\s*\*{3,}\s+\S.*?\s\*{3,}\s*$")


def _isolated(lines: list[Line], i: int) -> bool:
    """A line laid out as a heading: alone between blank lines, or, at the start of a block, in
    capitals ("TEAM NEWS") or short above a paragraph written as one long line (e-mail bulletins
    put no blank line under their headings)."""
    if not (i == 0 or lines[i].blank_before or _kicker(lines, i - 1)):
        return False
    if i + 1 >= len(lines) or lines[i + 1].blank_before:
        return True
    if _STARRED.match(lines[i].text):
        return True  # (session 48) "*** Training: dates for your diary ***" over its list
    below = lines[i + 1].text
    if (len(below) <= 80 and (re.search(r"\bpublished\b", below, re.I) or _REVIEW_TYPE_WORDS.search(below))
            and (i + 2 >= len(lines) or lines[i + 2].blank_before)):
        return True  # a heading over its own line of facts: "Local learning review | Published 2023"
    numbered = _PARAGRAPH_NUMBER.match(lines[i].text)
    if (len(below) <= 40 and re.match(r"\s*published\b", below, re.I) and numbered
            and (_REVIEW_TYPE_WORDS.search(lines[i].text) or _TYPE_ABBREVIATION.search(lines[i].text))):
        return True  # (session 67) "6.5  Multi-agency learning review - Dylan (Flintshire)" over
        # "Published January 2024." and its account: an annual report's numbered review
    if _over_record_facts(lines, i):
        return True
    text = lines[i].text
    if lines[i + 1].text[:1].islower():
        return False  # "... found alone by police" / "officers in November ...": a sentence runs on
    if len(text) >= 80 and _PASSIVE.search(text):
        return False  # "1.1 This ... Review (LCSPR) was commissioned by ...": a sentence runs on
    if (part := re.match(r"(\d{1,2})\.\s+\S", text)) and lines[i + 1].text.startswith(
            f"{part[1]}.1 "):
        return True  # "5. Financial implications" above "5.1 There are ...": a report's heading
    # an FAQ's question may run longer; words in brackets are the heading's facts
    short = len(re.sub(r"\([^)]*\)", "", text).split()) <= 14 or text.endswith("?")
    nxt = lines[i + 1].text
    # a heading over a hard-wrapped paragraph (lines of 60 to 100 characters): much shorter than
    # the line under it, with no sentence end, at the top of a block of several lines
    # (or numbered as a report's part, "2.3  Review 3: Twins T and U (...)", however long); a
    # heading that names a child and a review may be longer ("NATIONAL: Child Y and Child Z —
    # national panel review" over a paragraph wrapped at 75 characters)
    ratio = 0.85 if _PSEUDONYM.search(text) and re.search(r"\breview\b", text, re.I) else 0.7
    wrapped = (len(nxt) >= 60 and not text.endswith((".", ",", ";")) and not _LIST_ITEM.match(nxt)
               and not nxt.endswith((".", ":", ";", "!", "?"))  # a wrapped line stops mid-sentence
               # (its facts in brackets aside: "CMR A - "Child E" (published by SBNI, ...)")
               and (len(re.sub(r"\s*\([^)]*\)", "", text)) <= ratio * len(nxt)
                    or bool(_PARAGRAPH_NUMBER.match(text)))
               and i + 2 < len(lines) and not lines[i + 2].blank_before)
    # a heading over an account that opens with the name it gives ("CMR B - "Aoife" (...)" over
    # "Aoife was 15 years old when ...")
    first = re.match(r"[\"“‘']?((?:Child|Baby|Young\s+person)\s+[A-Z]{1,3}\b|[A-Z][a-z]{2,15}\b)", nxt)
    names_it = bool(first and first[1] not in NOT_NAMES and re.search(rf"\b{re.escape(first[1])}\b", text))
    return _capitals(text) or (short and (len(nxt) >= 100 or wrapped or names_it))


#: A short line of a catalogue record's facts under its title: the publisher, the year alone, or
#: "Item type: Report | Format: PDF".
_RECORD_FACT = re.compile(
    rf"^(?:(?:19|20)\d{{2}}|{PUBLISHER_LINE.pattern}|[A-Z][\w ]{{1,20}}:\s.{{1,60}}\|.*)$")


def _over_record_facts(lines: list[Line], i: int) -> bool:
    """A record's title over two or three short lines of its facts (publisher, year, format),
    then a blank line: a library catalogue's record laid out as a heading block."""
    facts = 0
    for ln in lines[i + 1:i + 4]:
        if ln.blank_before:
            break
        if len(ln.text) > 90 or not _RECORD_FACT.match(ln.text.strip()):
            return False
        facts += 1
    nxt = i + 1 + facts
    return facts >= 2 and (nxt >= len(lines) or lines[nxt].blank_before)


#: A bulleted or numbered item: the text under a heading such as "What we ask of you", which is
#: a part of one review, not a paragraph under a heading of its own.
_LIST_ITEM = re.compile(r"^(?:[-•*·▪◦–>]|\(?(?:[ivx]{1,4}|[a-z0-9]{1,2})[.)])\s")


def _kicker(lines: list[Line], i: int) -> bool:
    """A short line in capitals at the top of a block, over the heading proper: "CASE REVIEW
    SPOTLIGHT 1" over "Harmful sexual behaviour between pupils: learning from "Child P"."""
    return (i >= 0 and (i == 0 or lines[i].blank_before) and _capitals(lines[i].text)
            and len(lines[i].text.split()) <= 5)


def _capitals(text: str) -> bool:
    """A line written in capitals (a heading style), not an acronym alone."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def _heading_like(text: str) -> bool:
    halves = text.split(" / ")
    if len(halves) == 2 and all(len(h.split()) >= 4 for h in halves):
        # (session 49) a heading in English and Welsh ("Extended Child Practice Review GSB 2/2024 –
        # Siblings J and K / Adolygiad Ymarfer Plant Estynedig ..."): each half a heading's length
        text = halves[0]
    bare = re.sub(r"\([^)]*\)", "", text)  # "(serious case review using ...)" aside
    words = [w for w in bare.split() if w not in ("–", "—", "-", "|")]  # (separators are no words)
    # (session 47: up to 18 words when dashes part a heading's fields, "Child M and Child N –
    # Case Management Review – Derry City and Strabane – published September 2024")
    most = 18 if re.search(r"\s[–—]\s.+\s[–—]\s", bare) else 14
    return (1 <= len(words) <= most and len(bare) <= 110 and not text.endswith((".", ":", ";", ",", "?"))
            and (text[:1].isupper() or text[:1].isdigit()
                 # (session 49) a name in quotation marks first: "'Jodie' (LCSPR, published 2024)"
                 or (text[:1] in "'‘\"“" and text[1:2].isupper()))
            # "(Hull, LCSPR, 2023)" is one; a title with commas may still name its child, and a
            # headline's age between commas is no list ("... after boy, 15, seriously injured")
            and (re.sub(r",\s*(?:aged\s+)?\d{1,2},", " ", bare).count(",") < 2
                 or bool(_QUOTED_NAME.search(text)))
            and not text.startswith(("-", "•", "*", "|"))
            # (session 47) "In September 2023 Child K's father assaulted her mother while": a
            # sentence's first line, wrapped at the page's width
            and not (len(words) >= 8 and RUNS_ON.search(text)))


#: A review type's letters, a dash or a colon and a first name, after a section's number: "5.1
#: CMR - Ola (Southern Trust area)", "CMR: Ada (Belfast Trust area, 2023)".
#: (session 83) or with nothing between: minutes' "4.1 LCSPR Oscar - final report for sign-off"
#: (the text naming the child all the same).
#: ((session 83) its reference between: "5.1 CMR 2022/01 - Grace (Western HSC Trust)")
_TYPED_NAME = re.compile(rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*\s+)?{TYPE_ABBREVIATIONS}(?:\s+\d{{1,4}}/\d{{2,4}})?"
                         r"(?:\s+[–—-]|\s*:)?\s+"
                         # (session 46) the name in quotation marks: "6.3 CMR: 'Orla'"
                         r"['‘\"“]?(?P<name>(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?))\b")


#: (session 84) A heading's name after a colon at its end: "Local learning review - Blackburn
#: with Darwen: Amira".
_PLACED_NAME = re.compile(r":\s+(?P<name>(?-i:[A-Z][a-z]{1,15})(?:\s+and\s+(?-i:[A-Z][a-z]{1,15}))?)\s*$")


def _names_told(names: str, text: str) -> bool:
    """Whether each first name a heading gives ("Ada", "Aoife and Ciaran") is told again in the
    text, and none is a place ("– Cardiff and Vale": an area, session 49)."""
    return _each_told(names, text) and not any(default_gazetteer().lookup(n) for n in names.split(" and "))


def _each_told(names: str, text: str) -> bool:
    """Whether each name of "Ada" or "Aoife and Ciaran" is said again, as a word, in ``text``:
    the one check every heading reader makes before it takes a heading's names as the review's."""
    return all(re.search(rf"\b{re.escape(n)}\b", text) for n in names.split(" and "))


#: A second name in quotation marks after a first: "'Aoife' and 'Ciaran'".
_QUOTED_PAIR = re.compile(r"\s+and\s+[‘'“\"](?P<name>(?-i:[A-Z][a-z]{1,15}))[’'”\"](?!\w)")


#: A review named for a family, by its letter: "Family K", "Families A" (its name; (session 79)
#: the extractor gives it the children its account numbers with the letter, "Child K1", "K2").
FAMILY_NAME = re.compile(r"\bFamil(?:y|ies)\s+(?P<letter>(?-i:[A-Z]{1,2}))\b")


def _introduced_name(heading: str, following: str) -> str | None:
    """The pseudonym a heading introduces: in the heading itself, or, for a heading that names
    a review ("Publication of Extended Child Practice Review 01/2022"), in the text under it."""
    heading = name_words_cased(heading)  # (session 47) "... – CHILDREN A, B AND C"
    m = _PSEUDONYM.search(heading) or _QUOTED_NAME.search(heading)
    if m and m.re is _QUOTED_NAME and (pair := _QUOTED_PAIR.match(heading, m.end())):
        return f"{m['name']} and {pair['name']}"  # (session 49) "5.3 CMR: 'Aoife' and 'Ciaran'"
    if m:
        return (m["name"] if m.re is _QUOTED_NAME else m.group()).strip()
    m = _TITLE_NAME.search(heading) or _LABELLED_NAME.search(heading)
    if m and m["name"] and _names_told(m["name"], following):
        return m["name"]  # "BRIEFING 3: Ada – Multi-agency Learning Review"
    m = _LETTER_DATED.fullmatch(heading.strip())
    if m and re.match(rf"{m['letter']}\s+(?:was|is|had|has)\b", following):
        return m["letter"]  # (session 83) "6.3 J (published February 2022)" over "J was a 17-year-old ..."
    m = _AREA_LEAD.match(heading)
    if m and following.startswith(m["name"]):
        return m["name"]  # "Torbay: Ash and Rowan - Local Child Safeguarding Practice Review"
    m = _LEAD_NAME.match(heading) or _BRACKETED_NAME.match(heading)
    if m and _each_told(m["name"], following):
        return m["name"]  # "Bea — update", "Sky (multi-agency learning review, 2021)"
    m = _NAME_BEFORE_PLACE.match(heading)
    if m and (default_gazetteer().lookup(m["place"]) or _NI_TRUST.match(m["place"])):
        # (session 60) "Lily (Wirral): an older review ...", "RYAN AND CONOR (Southern Trust
        # area) - case management review ...": the child or children before the review's place
        name = " and ".join(n.capitalize() if n.isupper() else n
                            for n in re.split(r"\s+(?i:and)\s+", m["name"]))
        if _each_told(name, following):
            return name
    m = _TYPED_NAME.match(heading)
    if m and _each_told(m["name"], following):
        return m["name"]  # "5.1 CMR - Ola (Southern Trust area)", "5.2 CMR - Kit and Rowan"
    m = _PLACED_NAME.search(heading)
    if m and _REVIEW_TYPE_WORDS.search(heading[:m.start()]) and m["name"] not in NOT_NAMES \
            and not default_gazetteer().lookup(m["name"]) and _each_told(m["name"], following):
        # (session 84) a bulletin's "Multi-agency learning review – Torfaen: Kai" over "Kai is a
        # six-year-old boy": the name after the type and its place
        return m["name"]
    m = FAMILY_NAME.search(heading) or _CHILDREN_GROUP.search(heading)
    if m:
        return m.group()  # "Family K"; "Thematic Review: Babies A, B and C": one review of three
    if re.fullmatch(r"(?-i:[A-Z][a-z]{1,15})", heading) and following.startswith(heading):
        return heading  # "Finn" above "Finn, a 16-year-old with ...": a name line
    if re.fullmatch(r"(?-i:[A-Z][a-z]{1,15}\s+and\s+[A-Z][a-z]{1,15})", heading) and (
            re.search(rf"\b{heading}\b", following[:80])
            or _each_told(heading, following[:120])):
        # "Arthur and Star" above "In 2020 Arthur and Star, each aged 16 months", "Harry and
        # Poppy" above "Harry (aged 6) and his sister Poppy (aged 2 years 9 months)"
        return heading
    m = _REVIEW_OF_NAMES.search(heading)
    named = (m["name"] or m["owner"]) if m else ""
    if named and _each_told(named, following):
        return named  # (session 59) "learning from the review about Jade and Kyle", "Seren's review"
    if _REVIEW_TYPE_WORDS.search(heading):
        c = _CALLED.search(following) or _PSEUDONYM.search(following)
        if c:
            return (called(c) if c.re is _CALLED else c.group()).strip()
    return None


#: A heading that names a review by its children: "... learning from the review about Jade and
#: Kyle", "“Somewhere to stay ...” – Seren’s review" (first names only, the text naming them).
_REVIEW_OF_NAMES = re.compile(
    r"\breview\s+about\s+(?P<name>(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?))\s*$"
    r"|(?:^|\s)(?P<owner>(?-i:[A-Z][a-z]{1,15}))['’]s\s+review\s*$")


def section_heads(lines: list[Line]) -> list[tuple[int, dict]]:
    """Headings of a page laid out in sections (a bulletin, an annual report, a board's notices):
    a heading whose section tells of a named child's case starts a review (kind ``section``);
    any other heading (``Training dates``, ``4. Budget``) only ends the review before it.
    Reviews told in paragraphs with no heading at all come last (the caller sorts by line)."""
    out: list[tuple[int, dict]] = []
    item_rows = _item_table_rows(lines)  # (once: a table of a thousand rows is read once)
    for i, line in enumerate(lines):
        if (i == 0 or line.blank_before) and (intro := _INTRO_REVIEW.match(line.text)) \
                and CASE_WORDS.search(" ".join(ln.text for ln in lines[i:i + 3])):  # wrapped
            # "Our latest review concerns Ada, who ...": a paragraph that is its own heading
            name = _intro_name(intro)
            if out and out[-1][1].get("name") == name and i - out[-1][0] <= 6 \
                    and re.search(rf"\b{re.escape(name)}\b", lines[out[-1][0]].text):
                continue  # (session 67) "Significant Case Review: Baby A" a few lines above "Our
                # first review is the Significant Case Review about Baby A": the heading's review
            out.append((i, {"kind": "section", "title": name, "name": name,
                            "heading": name, "inclusive": True}))
            continue
        if out and out[-1][0] == i - 1 and out[-1][1]["kind"] == "section":
            continue  # a line straight under a review's heading ("Serious case review | 2018")
        head = _section_head(lines, i, item_rows) or _next_report_section(lines, i, out)
        if head and head["kind"] == "boundary" and _SLIDE.match(line.text) \
                and any(h["kind"] != "boundary" for _, h in out):
            continue  # a deck's next slide ("Slide 5: What our crews saw") goes on with its case
        if head and head["kind"] == "boundary" and (
                _tells_of_review_above(lines, i, out) or _part_in_review(lines, i, out, item_rows)
                or _recommendations_part(lines, i, out) or _points_group(lines, i, out)
                or _paragraph_list_goes_on(lines, i, out) or _numbered_part_goes_on(lines, i, out)
                # (session 81) a spaced table's row of column heads ("Recommendation      Owner")
                or ("|" not in line.text and _COLUMN_HEADS.fullmatch(line.text.strip()))):
            continue  # "What we found" over "• E's father ...": a part of Child E's review
        if head and not _in_group_above(head, out):
            out.append((i, head))
    return out + _paragraph_heads(lines, out)



def _next_report_section(lines: list[Line], i: int, above: list[tuple[int, dict]]) -> dict | None:
    """(session 67) A report's next numbered section after a review's ("6.5  Learning events"
    after "6.4  Multi-agency learning review - Dylan (Flintshire)"), laid out as a heading,
    ends the review, though its words are a label's ("Learning ...")."""
    text = lines[i].text.strip()
    if not above or above[-1][1]["kind"] != "section" or not lines[i].blank_before or len(text) > 60 \
            or text.endswith((".", ":", ";")):
        return None
    number, review = DECIMAL_PART.match(lines[i].text), DECIMAL_PART.match(lines[above[-1][0]].text)
    chapter = _FIRST_LEVEL_PART.match(lines[i].text)
    if number is None and chapter and review and int(chapter[1]) > int(review["chapter"]):
        # (session 84) a board paper's next chapter, "4. Recommendation" after "3.3 Multi-agency
        # learning review — Siblings H and J": the paper's own, not the review's
        return {"kind": "boundary", "title": _heading_text(lines[i].text)}
    if number is None or review is None or number["chapter"] != review["chapter"] \
            or number["part"] == review["part"]:
        return None
    return {"kind": "boundary", "title": _heading_text(lines[i].text)}


#: (session 87) An account that tells of its child without a name: "This review concerned a
#: 15-year-old boy", "a 15-year-old boy".
_UNNAMED_ACCOUNT = re.compile(r"\b(?:this|the)\s+review\s+(?:concerned|concerns|is\s+about|was\s+about)\b|"
                              r"\ban?\s+\d{1,2}-year-old\s+(?:boy|girl)\b", re.I)


#: (session 77) A short field line of a catalogue's record, "Nation: England", "Publisher:
#: Medway Safeguarding Children Partnership": a capitalised one-word label, then its value.
_SHORT_FIELD = re.compile(r"^(?-i:[A-Z])[a-z]{2,15}:\s+(?P<value>\S.{0,78})$")


def _record_field(lines: list[Line], i: int) -> bool:
    """(session 77) Whether line ``i`` is one of a run of a record's short field lines (a library
    catalogue's "Type:", "Nation:", "Publisher:", "Area:", "Year:" under its title): a field
    naming no child, with a field line straight above or below it, is none of its review's
    headings, nor the end of its review."""
    m = _SHORT_FIELD.match(lines[i].text.strip())
    if m is None or _PSEUDONYM.search(m["value"]) or _REVIEW_TYPE_WORDS.search(lines[i].text.split(":")[0]):
        return False
    return any(0 <= k < len(lines) and not _PSEUDONYM.search(lines[k].text)
               and (_SHORT_FIELD.match(lines[k].text.strip()) or _LABEL.match(lines[k].text))
               for k in (i - 1, i + 1))


#: (session 77) A first name right before a bracket of the review's facts, after a heading's
#: field: "Glasgow: Sam (significant case review, 2021)".
_NAME_BEFORE_FACTS = re.compile(r"(?:^|[:–—-]\s+)(?P<name>(?-i:[A-Z][a-z]{1,15}))\s*"
                                r"\((?=[^()]*\b(?:[Rr]eview|SCR|CMR|CPR|LCSPR|CSPR)\b"
                                # (session 85) or when it was published: "Northern Trust: Tiernan
                                # (published March 2025)" over "Tiernan, a 14-year-old boy, ..."
                                r"|\s*[Pp]ublished\s+(?:[A-Z][a-z]+\s+)?\d{4}\))")


#: A part of a document numbered at its first level: "1.  INTRODUCTION", "2. The family".
_FIRST_LEVEL_PART = re.compile(r"^(\d{1,2})\.\s+(?=[A-Z])")
#: How close under a review's heading its own numbering must begin.
_OWN_NUMBERING_WITHIN = 8
#: A field line under a heading: "Date of summary: May 1998", "Status: approved ...".
_HEADING_FIELD = re.compile(r"^(?-i:[A-Z])[A-Za-z]+(?:\s[a-z]+){0,3}:\s+\S")


def _numbered_part_goes_on(lines: list[Line], i: int, above: list[tuple[int, dict]]) -> bool:
    """(session 71) A review's own numbered parts, begun at "1." close under its heading ("PART
    8 (SERIOUS CASE) REVIEW - CHILD 'D'" / "EXECUTIVE SUMMARY" / "Date of summary: ..." / "1.
    INTRODUCTION" ... "2.  THE CHILDREN AND FAMILY"): each next number is a part of it, not the
    end of it.  A number out of its sequence ("7. Training" after a review told under "6.2") is
    the page's own next part, and ends it."""
    if not above or above[-1][1]["kind"] != "section" or not (m := _FIRST_LEVEL_PART.match(lines[i].text)):
        return False
    start = above[-1][0] + 1
    numbers = [(k, int(n[1])) for k in range(start, i) if (n := _FIRST_LEVEL_PART.match(lines[k].text))]
    if int(m[1]) == 1:  # (only a heading's own lines above: "EXECUTIVE SUMMARY", "Date of summary: ...")
        return not numbers and i - start < _OWN_NUMBERING_WITHIN and all(
            _HEADING_FIELD.match(ln.text) or _capitals(ln.text) for ln in lines[start:i])
    return bool(numbers) and numbers[0][1] == 1 and numbers[0][0] - start < _OWN_NUMBERING_WITHIN \
        and numbers[-1][1] == int(m[1]) - 1


def _paragraph_list_goes_on(lines: list[Line], i: int, above: list[tuple[int, dict]]) -> bool:
    """(session 66) A paragraph of one line with no stop after a lead-in and others like it ("The
    review made 9 recommendations, including:" / "The LSCB to publish a protocol ..." / "Health
    visiting records to record the name of every adult ..."): the list's next point (a slide's
    bullets, each a paragraph once their marks are gone), not a heading that ends the review."""
    def point(text: str) -> bool:  # one clause with no stop, no list's mark (lists are read so)
        return len(text.split()) >= 4 and not _LIST_ITEM.match(text) and not re.search(r"[.:?!;]", text)

    if not above or above[-1][1]["kind"] != "section" or len(lines[i].text.split()) < 6 \
            or not point(lines[i].text):
        return False
    k = i - 1
    while k > above[-1][0] and alone_in_paragraph(lines, k) and point(lines[k].text):
        k -= 1
    return k < i - 1 and k > above[-1][0] and lines[k].text.rstrip().endswith(":")


def _points_group(lines: list[Line], i: int, above: list[tuple[int, dict]]) -> bool:
    """A heading over a group of a review's learning points ("Learning" / "The reviewer grouped
    the learning into two areas." / "Seeing the baby's world" / "• Any bruise ..."): the points
    go on under it, so it is a part of the review, not the end of it (session 49).  The label
    above is the review's own, with nothing but prose, points and other groups' headings since."""
    if not above or above[-1][1]["kind"] != "section" or i + 1 >= len(lines) \
            or not _LIST_ITEM.match(lines[i + 1].text) or lines[i].text.rstrip().endswith("?"):
        return False
    since: list[str] = []
    for ln in reversed(lines[above[-1][0] + 1:i]):
        label = _BARE_LABEL.match(ln.text.strip())
        if label:
            # (the review says its learning is grouped: "... grouped the learning into two areas",
            # "set out under three themes"; a checklist or "What are we doing?" after the points
            # is no group of them)
            return _label_kind(label["head"]) in ("learning", "findings") and bool(
                _GROUPED.search(" ".join(since)))
        since.append(ln.text)
    return False


#: A sentence that says a review's learning comes in groups, each under its own heading.
_GROUPED = re.compile(r"\b(?:grouped|set\s+out\s+under|under\s+(?:\w+\s+)?(?:headings|themes))\b|"
                      r"\binto\s+(?:two|three|four|five|\d)\s+(?:areas|themes|groups)\b", re.I)


def _recommendations_part(lines: list[Line], i: int, above: list[tuple[int, dict]]) -> bool:
    """A heading inside a review over its recommendations ("Six things we have been asked to do"
    over "The review made six recommendations. ..."), or, among them, over those for one agency
    ("For the police"): a part of the review (parse.fill_sections reads it as their label)."""
    if not above or above[-1][1]["kind"] != "section":
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else None
    if recommendations_heading(lines[i].text, nxt):
        return True
    return addressee_heading(lines[i].text, nxt) is not None and any(
        recommendations_heading(ln.text, lines[k + 1].text if k + 1 < len(lines) else None)
        or _RECOMMENDATIONS_LABEL.fullmatch(ln.text)
        for k, ln in enumerate(lines[above[-1][0]:i], start=above[-1][0]))


#: A heading that is the recommendations' label alone ("Recommendations", "Our recommendations:"),
#: over which an agency's name heads that agency's part of them.
_RECOMMENDATIONS_LABEL = re.compile(r"(?:(?:our|the|its|key)\s+)?recommendations:?", re.I)


def _part_in_review(lines: list[Line], i: int, above: list[tuple[int, dict]],
                    item_rows: frozenset[int]) -> bool:
    """A question ("Q1. Which agency held information about the father's doses?") inside a
    review, with the review's learning or recommendations still to come under it before the
    next review's heading: a quiz's or an FAQ's part of that review, not the end of it (ending
    it there would lose its learning); so too a heading that tells of the review or its readers,
    with a label close under it."""
    if not above or above[-1][1]["kind"] != "section":
        return False
    if lines[i].text.rstrip().endswith("?"):
        return _labels_follow(lines, i, above, 40, item_rows)
    # (session 39) a heading that speaks of the review or of its readers ("What the review asks
    # of us" over "For practitioners:" and its points, then "Recommendations"), closer to them
    return bool(_OF_THE_REVIEW.search(lines[i].text)) and _labels_follow(lines, i, above, 16, item_rows)


def _item_table_rows(lines: list[Line]) -> frozenset[int]:
    """The lines that are rows of a table whose header (the first of the pipe rows they stand
    among, blank lines allowed between them) names recommendations, learning or actions."""
    rows: set[int] = set()
    header = None
    for k, line in enumerate(lines):
        if not _PIPE_ROW.match(line.text):
            header = None
            continue
        if header is None:
            header = bool(ITEM_TABLE.search(line.text))
        if header:
            rows.add(k)
    return frozenset(rows)


#: A newsletter's rubric before a review's heading: "Review spotlight: ", "From the archive: ",
#: "In focus: " (up to four words, the first capitalised, then a colon).
_RUBRIC = re.compile(r"^(?-i:[A-Z])[\w’'-]*(?:\s+[\w’'-]+){0,3}:\s+(?=\S)")
#: A heading's words that tell of the review or of those who learn from it.
_OF_THE_REVIEW = re.compile(r"\b(?:the\s+review|we|us|our|practitioners|practice)\b", re.I)


def _labels_follow(lines: list[Line], i: int, above: list[tuple[int, dict]], reach: int,
                   item_rows: frozenset[int]) -> bool:
    """Whether a learning or recommendations label comes within ``reach`` lines under line
    ``i``, before the next review's heading."""
    for k in range(i + 1, min(len(lines), i + reach)):
        text = lines[k].text
        text = text[num.end():] if (num := _PART_NUMBER.match(text)) else text  # "3. Learning"
        label = _LABEL.match(text) or (_BARE_LABEL.match(text) if len(text) <= 40 else None)
        if label and _label_kind(label["head"]) in ("learning", "recommendations"):
            return True
        if (head := _section_head(lines, k, item_rows)) and head["kind"] == "section" \
                and head.get("name") != above[-1][1].get("name"):
            return False  # the next review comes first (a question about this one's child,
            # "Q2. What could have happened to Child G?", goes on with it)
    return False


def _tells_of_review_above(lines: list[Line], i: int, above: list[tuple[int, dict]]) -> bool:
    """A heading that is no label we know ("What we found", "How the family was supported")
    inside a review, over lines that name that review's child: a part of the review, not the
    end of it (ending it there would lose the review's findings, learning and recommendations)."""
    if not above or above[-1][1]["kind"] != "section" or not (name := above[-1][1].get("name")):
        return False
    names = [re.escape(name)]
    if re.fullmatch(r"[A-Z][a-z]{1,15} and [A-Z][a-z]{1,15}", name):
        names += name.split(" and ")  # (session 60) "Oscar and Freya": either child named under it
    if m := re.fullmatch(r"(?:Child|Baby)\s+(?P<id>[A-Z]{1,3}\d?)", name):
        names.append(rf"{m['id']}(?=['’]s\b|\s+(?:was|had|is|has|did|and)\b)")  # "E's father", "F was"
    following = " ".join(ln.text for ln in lines[i + 1:i + 4])
    return re.search(rf"(?-i:\b(?:{'|'.join(names)}))", following) is not None


def _in_group_above(head: dict, above: list[tuple[int, dict]]) -> bool:
    """A section about one child of a group a review's heading above names ("The babies" telling
    of Baby A under "Thematic Review: Babies A, B and C"): a part of that one review."""
    name = head.get("name") or ""
    if head["kind"] != "section" or not re.fullmatch(r"(?:Child|Baby)\s+[A-Z]{1,3}\d?", name):
        return False
    return any(g and name.split()[-1] in re.findall(r"(?-i:[A-Z]{1,3}\d?)", g["ids"])
               for _, h in above if h["kind"] == "section"
               for g in [_CHILDREN_GROUP.search(h.get("name") or "")])


#: Two children's first names at a heading's end, after a colon or a dash, before a bracketed
#: place: ": Alaw and Deio (Gwynedd)".
_TAIL_PAIR = re.compile(r"(?:[:–—]|\s-)\s*(?P<names>(?-i:[A-Z][a-z]{1,15}\s+and\s+[A-Z][a-z]{1,15}))"
                        r"\s*(?:\([^()]*\))?\s*$")
#: A review's reference number: "CTMSB 03/2020", "CPR 2021/03".
_REVIEW_REFERENCE = re.compile(r"\b[A-Z]{2,6}\s?(?:\d{1,2}/\d{4}|\d{4}/\d{1,2})\b")
#: A heading's closing brackets with a year, maybe after a place: "(Nottinghamshire, 2023)".
_DATED_IN_BRACKETS = re.compile(
    r"\((?:[^()]{2,60},\s*)?(?:published\s+)?(?:[A-Z][a-z]{2,8}\s+)?(?:19|20)\d\d\)\s*$")
#: A heading's field, after a dash or a bar, that is one first name or two (an age or a place in
#: brackets after them): "... – Wrexham – Lili and Deio", "... | Anwen (3) | Newport", "... –
#: Osian and Mali (Denbighshire)" (the account must name them again).
_FIELD_NAMES = re.compile(
    r"\s[–—|-]\s+(?P<names>(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?))(?:\s+\([^()]{1,40}\))?"
    r"(?=\s+[–—|-]\s|\s*$)")
def _field_names(heading: str, further: str) -> str | None:
    """The child or children a heading's field names (:data:`_FIELD_NAMES`), the last such field
    first, when the text under it names them again; a field that is a place is none."""
    for m in reversed(list(_FIELD_NAMES.finditer(heading))):
        if not default_gazetteer().lookup(m["names"]) \
                and _each_told(m["names"], further):
            return m["names"]
    return None


#: A slide's title in a deck's transcript: "Slide 5: What our crews saw before".
_SLIDE = re.compile(r"^Slide\s+\d{1,2}:\s", re.I)


#: A heading's note that its name is a pseudonym: "Callum (not his real name)".
_PSEUDONYM_NOTE = re.compile(r"\s*" + PSEUDONYM_NOTE.pattern, re.I)


def _heading_text(text: str) -> str:
    """A heading without its section number and the marks around it: "| CASE STUDY 1 | Child H
    |" (a text box), "*** Devon: Child Y ***", "[+] What happened to Baby L?", an emoji."""
    bare = _MARKER.sub("", _SECTION_NUMBER.sub("", text.strip("| ")))
    # (session 48) a digest's "[2] Baby T - ..."; (session 67) a briefing's "#4  WHAT WE LEARNED"
    bare = re.sub(r"^(?:\[\d{1,2}\]|#\d{1,2})\s+", "", bare)
    return re.sub(r"\s*(?:[*#=~|<>]+|-{2,}|\[[+\-–]\])$", "", bare)  # "***", "--", "[+]"


#: Kinds of label whose short value is one of a record's facts, never a heading.
_FACT_KINDS = frozenset({"published", "age", "sex", "incident", "area", "model"})


def _item_above(lines: list[Line], i: int) -> Line | None:
    """The list item line ``i`` follows, if any: the line above, or (session 84) the item whose
    words a slide wrapped onto a line or two below it ("• The family's first language is
    Polish; no interpreter was used at" / "the child protection conference" over "• No sexual
    abuse was disclosed or found", the last point of its slide, not a heading)."""
    k = i - 1
    while k > 0 and i - k < 4 and not _LIST_ITEM.match(lines[k].text) and not lines[k].blank_before \
            and not lines[k].after_rule:
        k -= 1
    return lines[k] if k >= 0 and _LIST_ITEM.match(lines[k].text) else None


def _section_head(lines: list[Line], i: int, item_rows: frozenset[int]) -> dict | None:
    """Line ``i`` as a section heading (a review's, or a boundary), or None if it is not one;
    ``item_rows``: the rows of tables of learning or recommendations (:func:`_item_table_rows`)."""
    bare = _heading_text(lines[i].text)
    # an item of a list ("• Section 47 enquiries were not begun ..." over "• chances to ...",
    # and (session 60) its last item, under another, unless it names a review: "• Siblings CC -
    # Local Child Safeguarding Practice Review", the last of a list of reviews in progress) is
    # not a heading, however short
    listed = _LIST_ITEM.match(lines[i].text) and (
        (i + 1 < len(lines) and _LIST_ITEM.match(lines[i + 1].text))
        or ((above := _item_above(lines, i)) is not None and not _REVIEW_TYPE_WORDS.search(bare)
            # (the same bullet: "7. PRIORITIES" after "- GPs to ..." is the report's next part)
            and not (mark := lines[i].text.lstrip()[:1]).isalnum() and mark not in "(["
            and above.text.lstrip()[:1] == mark))
    # an FAQ's question is a heading too; a link ("Read the Child R overview report") is not
    if listed or not _isolated(lines, i) or not _heading_like(bare.removesuffix("?")) \
            or _BARE_LABEL.match(bare) or bilingual_label(bare) or _FURNITURE.match(bare.strip(" :")) \
            or BREADCRUMB.match(bare) or _LINK_LINE.match(bare):
        return None  # (a label, "Dysgu / Learning" too, is a part of the review, not a heading)
    if ABOUT_REVIEWS.search(bare):  # a report's own part ("1. Why a Learning Review was held")
        return None
    if lines[i].text.rstrip().endswith(("↩︎", "↩")):
        return None  # (session 46) a footnote, its link back to the text: "Panel (2023) Child V ↩︎"
    if TABLE_CAPTION.match(bare):  # "Table 6: Progress on recommendations": a part of its text
        return None
    if i in item_rows:
        return None  # "| No. | Recommendation | Lead |" and its rows: a review's own list, in a table
    if re.match(r"(?:from|source|taken\s+from|adapted\s+from)\s*:", bare, re.I):
        return None  # "From: Extended Child Practice Review ..., published March 2023": a story's source
    if (label := _LABEL.match(bare)) and (
            _label_kind(label["head"]) == "keywords"
            or (_label_kind(label["head"]) in _FACT_KINDS and len(bare[label.end():].split()) <= 6
                # "PUBLISHED: SERIOUS CASE REVIEW - CHILD W": a bulletin's heading, not a date
                and not (_label_kind(label["head"]) == "published" and not re.search(r"\d", bare)
                         and _REVIEW_TYPE_WORDS.search(bare[label.end():])))):
        # "Keywords: neglect; house fires", "Published: August 2024", "Age of child: 4 years":
        # a record's fields, inside its review
        return None
    if label and _label_kind(label["head"]) == "recommendations" \
            and re.fullmatch(rf"(?:{COUNT_WORD}|nil)\.?", bare[label.end():].strip(), re.I):
        # (session 80) "Recommendations: 6", a review's count of them over the next review's
        # heading: its last field, not a heading named by the child the next account introduces
        return None
    if _DATELINE.match(bare):
        return None  # "Posted 3rd March • Press office": a statement's dateline, inside it
    if _POST_META.fullmatch(bare.strip()):
        # (session 85) a blog post's date and time, or its comments link, under its title
        # (Nikola's "2024-11-05 09:30" / "Comments"): inside the post, no heading of its own
        return None
    if _record_field(lines, i):
        return None  # (session 77) "Nation: England" among "Type: ...", "Area: ...": a record's field
    if _EXPLAINER.match(bare) and not _PSEUDONYM.search(bare):
        # (session 51) "What is a local child safeguarding practice review?": a box that
        # explains reviews, about no child (its later paragraphs' names are the next review's)
        return {"kind": "boundary", "title": bare}
    if lines[i].text.lstrip().startswith("|") and len({m.group() for m in _PSEUDONYM.finditer(bare)}) >= 2:
        # (session 45) "| Theme | Child A | Child P | Baby R |": a comparison table's header, a
        # column per review, ends the review above and heads none of them
        return {"kind": "boundary", "title": bare}
    # (session 83) up to the next numbered heading of a review: a short part's "following" had
    # taken "6.3 Learning Review: Young Person C" under it for the child of "6.2 ...: Amy and Josh"
    own = list(itertools.takewhile(lambda ln: not (_SECTION_NUMBER.match(ln.text) and review_words(ln.text)),
                                   lines[i + 1:i + 6]))
    following = " ".join(ln.text for ln in own[:2])
    # a name that the text repeats a few lines on ("Jacob — LCSPR" over "Key facts", "• Age: 11",
    # "• What happened: Jacob, who ...")
    further = " ".join(ln.text for ln in own)
    # "LESSONS FROM ELSEWHERE: BABY J": names are read from a heading in capitals as if it were
    # written in title case (the heading itself is kept as published)
    probe = _title_case(bare) if _capitals(bare) else name_words_cased(bare)
    # (session 60) "Maisie (not her real name): when ...": the note that the name is a pseudonym
    # is no part of the heading's name (it stays in its title)
    noted, probe = bool(_PSEUDONYM_NOTE.search(probe)), _PSEUDONYM_NOTE.sub("", probe)
    name = _introduced_name(probe, following)
    if not name and noted and re.fullmatch(r"[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?", probe) \
            and _each_told(probe, further):
        name = probe  # "4.3 Callum (not his real name)" over "Learning review ... Callum was 11"
    by_rubric = None
    if not name and (rubric := _RUBRIC.match(probe)):
        # "Review spotlight: Harry (Staffordshire LCSPR)": a newsletter's rubric before the
        # review's own heading, which names the child
        name = _introduced_name(probe[rubric.end():], following)
        lead = re.match(r"(?-i:[A-Z][a-z]{1,15})(?=\s*(?:\(|$))", probe[rubric.end():])
        pair = re.match(r"(?-i:[A-Z][a-z]{1,15}\s+and\s+[A-Z][a-z]{1,15})(?=\s*(?:\(|$))",
                        probe[rubric.end():])
        if not name and pair and _each_told(pair.group(), further):
            # (session 47) "LEARNING FROM REVIEWS: MAX AND RUBY (WAKEFIELD)" over "... concerns a
            # half-brother and sister: Ruby, 3, and Max, 11 months": the two children it names
            name = by_rubric = pair.group()
        if not name and lead and _TYPE_ABBREVIATION.search(rubric.group()) \
                and following.startswith(lead.group()):
            # "CMR CORNER: Oisin (Fermanagh and Omagh)" over "Oisin was ...": a review's rubric,
            # then the child's name, which its account opens with
            name = by_rubric = lead.group()
    if not name and (later := _introduced_name(probe, further)) and later in probe:
        name = later  # only a name the heading itself gives
    if not name and (typed := _TYPE_LABELLED.match(probe)) and _FIRST_NAMES.fullmatch(typed["rest"]) \
            and _UNNAMED_ACCOUNT.search(following):
        # (session 87) "5.1 Learning Review: Innes" over "This review concerned a 15-year-old
        # boy. Because of the family's wishes ...": the review's type and the child's name, an
        # account that never names him
        name = typed["rest"]
    if not name and (typed := _TYPE_LABELLED.match(probe)) \
            and (placed := _PLACED_PUBLISHED.match(typed["rest"])) \
            and re.match(rf"{re.escape(placed['name'])}\b", following):
        # (session 88) "6.2 Extended Child Practice Review NWSB 2/2021: Macy (Flintshire) -
        # published October 2023" over "Macy was 13 when ...": an annual report's section
        name = placed["name"]
    if (not name and i > 0 and i + 1 < len(lines) and _paragraph_length(lines, i + 1) >= 80
            and CASE_WORDS.search(further) and not _BYLINE.search(bare) and not lines[i].text.endswith(":")):
        # a news headline ("Baby's brain injury") over a paragraph whose first sentence
        # introduces the child ("... into a baby boy, Baby G, who suffered ...")
        first = _SENTENCE.match(following)
        m = first and (_CALLED.search(first.group()) or _PSEUDONYM.search(first.group()))
        new = m and (called(m) if m.re is _CALLED else m.group()).strip()
        if new and not any(new.casefold() in ln.text.casefold() for ln in lines[:i]):
            name = new  # a child the page has not named yet: a page about one child names it early
            # (session 48) its account may tell the harm a line or two on, wrapped at 70
            by_rubric = by_rubric or name
    if not name and _REVIEW_TYPE_WORDS.search(probe) and (named := _field_names(probe, further)):
        # (session 48) "NWSB 1/2024 – Extended Child Practice Review – Wrexham – Lili and Deio"
        # over "Lili (9) and her brother Deio (5) lived ...": the children its last field names;
        # (session 58) or the last but a place, "SEWSCB 02/2023 | Concise Child Practice Review
        # | Anwen (3) | Newport" (a place's field, "Newport", is never the child's)
        name = named
    if not name and _REVIEW_TYPE_WORDS.search(probe) and (pair := _TAIL_PAIR.search(probe)) \
            and _each_told(pair["names"], further):
        # (session 59) "Extended Child Practice Review NWSB 4/2023: Alaw and Deio (Gwynedd)" over
        # "Alaw, who was 9, and her brother Deio, ...": the two children its heading ends with
        name = pair["names"]
    if not name and (bracketed := _NAME_BEFORE_FACTS.search(probe)) \
            and re.match(rf"\s*{bracketed['name']}\b", following) and bracketed["name"] not in NOT_NAMES:
        # (session 77) "Case study 2 - Glasgow: Sam (significant case review, 2021)" over "Sam was
        # fifteen when ...": the first name before the review's facts, which the account opens with
        name = bracketed["name"]
    if not name and _REVIEW_TYPE_WORDS.search(probe) and CASE_WORDS.search(further) \
            and (_REVIEW_REFERENCE.search(probe) or _DATED_IN_BRACKETS.search(probe)):
        # "CTMSB 03/2020 - Concise Child Practice Review (published April 2022)" over "A baby boy
        # aged 3 months was admitted ...": a review known by its reference, its child unnamed (or
        # by its type and its place and year: "Multi-agency learning review – the "F siblings"
        # (Nottinghamshire, 2023)")
        return {"kind": "section", "title": bare, "name": "", **heading_fields(bare)}
    if not name and _NATIONAL_LABEL.match(probe) and CASE_WORDS.search(further):
        # (session 82) "National review: children sexually abused by adults they met through online
        # games" over the Panel's line and its account: a review of many children, by its theme
        return {"kind": "section", "title": bare, "name": "", **heading_fields(bare)}
    # a child named in a heading that names a review, or above an account of harm, or above
    # text that names the child again ("Child A – 2022 [+]" over "Background", "Child A was ...")
    if not name or not (CASE_WORDS.search(following) or _REVIEW_TYPE_WORDS.search(probe) or by_rubric
                        or _BRACKETED_NAME.match(probe)  # "Ava and Mia (Lancashire SCR, 2018)"
                        or _TYPED_NAME.match(probe)  # "5.3 CMR - Sunny": a review's letters
                        # a heading over a line of its facts, then the account that names the
                        # child again ("Leah (14) – ..." / "Local learning review | ..." / "Leah is")
                        # "Rapid review – young person "Ellis"" over "Ellis (17, male) was ..."
                        or (re.search(r"\breview\b", probe, re.I)
                            and (re.search(rf"\b{re.escape(name)}\b", following)
                                 or CASE_WORDS.search(probe)))  # "... Babies A, B and C - injuries"
                        or (_REVIEW_TYPE_WORDS.search(lines[i + 1].text if i + 1 < len(lines) else "")
                            and re.search(rf"\b{re.escape(name)}\b", further))
                        or (_PSEUDONYM.search(probe) and re.search(  # "Child W" over "W is ..."
                            rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b",
                            " ".join(ln.text for ln in lines[i + 1:i + 4])))):
        return {"kind": "boundary", "title": bare}
    in_heading = list(dict.fromkeys(m.group().strip() for m in _PSEUDONYM.finditer(probe)))
    if not in_heading and name not in probe and re.search(r"\breviews\b", probe, re.I):
        # "Testshire Partnership – our case reviews" over "Child G: a 3-month-old boy ...": the
        # list's title, not Child G's heading (its paragraphs open each review)
        return {"kind": "boundary", "title": bare}
    return {"kind": "section", "title": bare,
            "name": " and ".join(in_heading) if in_heading else name, **heading_fields(bare)}


#: (session 82) A national review's label over its theme: "National review: children sexually
#: abused by adults they met through online games"; (session 84) or after it, as a library's
#: catalogue titles one: "Safeguarding babies from men they do not know: a national review".
_NATIONAL_LABEL = re.compile(r"^national\s+(?:child\s+safeguarding\s+practice\s+)?review\s*[:–—-]\s*\w"
                             r"|^\w[^:]{5,120}:\s+(?:an?\s+|the\s+)?national\s+"
                             r"(?:child\s+safeguarding\s+practice\s+)?review$", re.I)
#: A question that explains what a kind of review is ("What is a case management review?",
#: "What are rapid reviews?", "Why do we hold reviews?").
_EXPLAINER = re.compile(r"^(?:what\s+(?:is|are)|why\s+(?:do|does|is|are)|how\s+(?:do|does|is|are))\b"
                        r"[^?]{0,100}\breviews?\b[^?]{0,40}\?$", re.I)
#: A title that names a briefing or a review by its short type: "7 Minute Briefing: LCSPR Baby Ivy".
_BRIEFING_TITLE = re.compile(rf"\b(?:briefing|{TYPE_ABBREVIATIONS})\b", re.I)
#: A news item's or statement's dateline: "Posted 3rd March • Press office", "Updated on 4 May".
_DATELINE = re.compile(r"^(?:(?:Posted|Published|Updated|Last\s+updated)(?:\s+on)?\s+"
                       # a newspaper's "Wednesday, 13 November 2024, 6:00 am | Updated: ..."
                       r"|(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+[^|]*\b(?:19|20)\d\d\b)\w+day,?\s+)"
                       rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_ABBREVIATION})[a-z]*\b", re.I)


def _title_case(text: str) -> str:
    """A heading in capitals as title case, its small words in lower case: "CHILDREN L AND M"
    reads "Children L and M", so that the pseudonym pattern finds both children."""
    return re.sub(r"(?<=\s)(?:And|Of|The|In|For|To|On|At)(?=\s)", lambda m: m.group().lower(),
                  text.title())


#: Symbols in front of a heading: an accordion's "[+]", an emoji, an arrow or a bullet square.
_MARKER = re.compile(r"^(?:\[[+\-–]\]|[^\w\s'‘“\"(\[]+)\s*")
#: A report's numbered paragraph: "4.2 ".
_PARAGRAPH_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}\s+")
#: A paragraph that opens with a child's catalogue pseudonym and tells of its case: "Child M,
#: aged 4, died ...", "Baby K's mother ...".
_OPENING_NAME = re.compile(r"(?P<name>(?-i:(?:Child|Baby)\s+[A-Z]{1,3}\d?))(?:['’]s)?\b(?!\s*[–—-])"
                           # "Leon: Leon, 16, took his own life ...": a bold name over its account
                           r"|(?P<first>(?-i:[A-Z][a-z]{1,15})):\s+(?P=first)\b")


def _paragraph_heads(lines: list[Line], heads: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """Reviews told one after another in plain paragraphs, each opening with its child's name.

    Only the first paragraph that opens with each name starts a review (a review's later
    paragraphs name its child again), a name that a heading already introduced is skipped, and
    at least two different names are needed: one name opening a paragraph is just its account.
    """
    seen = {h.get("name") for _, h in heads}
    # (session 77) "Children X and Z" over "Child X and Child Z, sisters aged eight and eleven,
    # ...": each child a heading names together is named already
    seen |= {f"{'Baby' if g.group().startswith('Babies') else 'Child'} {letter}"
             for _, h in heads for g in _CHILDREN_GROUP.finditer(h.get("name") or "")
             for letter in re.findall(r"(?-i:[A-Z]{1,3}\d?)", g["ids"])}
    found: list[tuple[int, dict]] = []
    for i, line in enumerate(lines):
        # a report's numbered paragraph ("4.2 Child Y was ...") is a paragraph of its own
        number = _PARAGRAPH_NUMBER.match(line.text)
        m = _OPENING_NAME.match(line.text, number.end() if number else 0)
        name = m and (m["name"] or m["first"])
        # ((session 77) nor a label's line, "Recommendations: Recommendations are made to ...")
        if not m or not (i == 0 or line.blank_before or number) or name in seen \
                or not CASE_WORDS.search(line.text) or _LABEL.match(line.text):
            continue
        seen.add(name)
        found.append((i, {"kind": "section", "title": name, "name": name,
                          "heading": name, "inclusive": True}))
    # two reviews at least: paragraphs with two names, or one beside a review a paragraph
    # introduces ("The second review concerned twins, Child G and Child H")
    if not found or len(found) + sum(bool(h.get("inclusive")) for _, h in heads) < 2:
        return []
    names = [h["name"] for _, h in found]
    above = " ".join(ln.text for ln in lines[:found[0][0]])
    grouped = {letter for g in _CHILDREN_GROUP.finditer(above)
               for letter in re.findall(r"(?-i:[A-Z]{1,3}\d?)", g["ids"])}
    if sum(bool(re.search(rf"\b{re.escape(n)}\b", above)) or n.split()[-1] in grouped
           for n in names) >= 2:
        # a title above names them together ("Child E and Child F", "National review: Children
        # J, P and W"): one review of several children
        return []
    return found


#: Children named together: "Children J, P and W", "Babies A, B and C".
_CHILDREN_GROUP = re.compile(
    r"\b(?:Children|Babies|Siblings|Twins|Young\s+people)\s+(?P<ids>(?-i:[A-Z]{1,3}\d?)(?:,\s*(?-i:[A-Z]{1,3}\d?))*,?\s+and\s+"
    r"(?-i:[A-Z]{1,3}\d?))\b")
#: (session 49) A one-review page's title that names its children each in full: "Extended
#: Child Practice Review CYSUR 2/2024 – Child X and Child Y".
_ONE_PSEUDONYM = r"(?:(?:Child|Baby)\s+(?-i:[A-Z]{1,3}\d?|[1-9]\b)|Twin\s+[1-9])"
_PSEUDONYMS_TOGETHER = re.compile(
    rf"\b{_ONE_PSEUDONYM}(?:,\s*{_ONE_PSEUDONYM})*,?\s+and\s+{_ONE_PSEUDONYM}\b")


# --------------------------------------------------------------------------- one review


#: (session 52) A news headline that reports a review's findings and names no child:
#: "Brothers left alone before fatal house fire were let down by agencies, review finds".
_REVIEW_HEADLINE = re.compile(r",\s+(?:review|report)\s+(?:finds|found|says|concludes|reveals|shows)\s*$",
                              re.I)
#: (session 53) A headline that opens on a review's findings or tells of its publication and
#: names the child: "Review finds 'missed chances' to protect toddler Maisie ...", "Partnership
#: publishes review into the death of four-year-old Ellis" ("... following the death of Baby
#: Freddie", session 54; session 84: after a colon, "Four-year-old Lili's death: review finds
#: ..."): the page's title, the name its
#: child's (one that names no child, "... of a nine-year-old girl", leaves the name to the text).
_NAMING_HEADLINE = re.compile(r"^(?:[\w'’-]+:?\s+){0,3}(?:review|report)\s+"
                              # (session 55) "Review into death of baby Isla finds ..."
                              r"(?:into\s+(?:the\s+)?(?:death|care|case)\s+of\s+[^.:;]{1,40}?\s+"
                              # (session 83) "National review into brothers' deaths says ..."
                              r"|into\s+(?:the\s+)?(?:[\w'’-]+\s+){1,2}deaths?\s+)?"
                              # (session 84) "... into toddler's death calls for change"
                              r"(?:finds|found|says|concludes|reveals|calls\s+for|warns)\b"
                              r"|\bpublish(?:es|ed)?\s+(?:\w+\s+){0,3}review\s+(?:into|following|after)\b"
                              # (session 74) "Review into the death of Jordan published"
                              r"|^review\s+into\s+(?:the\s+)?(?:death|care|case)\s+of\s+[^.:;]{1,40}?\s+"
                              r"published\s*$",
                              re.I)


#: A line that opens with a question's word: a section's heading ("What the review found").
_QUESTION_WORD = re.compile(r"(?:What|How|Why|Where|When|Who)\b")
#: A heading's words for a review, of whatever type: "the review into Child Ellis".
_NAMES_A_REVIEW = re.compile(r"\b(?:review|SCR|LCSPR|CSPR|CPR|CMR)\b", re.I)
#: A headline's words for the child's age ("... into 10-month-old's death"): facts of the account.
_HEADLINE_AGE = re.compile(r"\b\d{1,2}[- ](?:day|week|month|year)s?[- ]old|\baged\s+\d", re.I)
#: A report's section number before its heading: "7.2  ", "5.3 ", (session 57) "3B  ".
_DECIMAL_SECTION = re.compile(r"^\d{1,2}(?:(?:\.\d{1,2})+|(?-i:[A-H]))\s+")
#: A row of a table set with dot leaders: "ICRs progressed to a Learning Review ...... 1".
_DOT_LEADER_ROW = re.compile(r"(?:\.\s?){4,}\s*\d[\d,.%]*\s*$")


def _section_level(text: str) -> int:
    """How deep a report's section number is ("7.2  " 2, "7.2.1  " 3, "3B  " 2), 0 for none."""
    m = _DECIMAL_SECTION.match(text)
    return 0 if m is None else m.group().count(".") + 1 if "." in m.group() else 2


def _may_title(line: Line, runs_on: set[int]) -> bool:
    """Whether a line may be a page's title: short, not a sentence's end or its wrapped part,
    not a breadcrumb, a dateline, an e-mail's header or a table's dot-leader row."""
    text = line.text
    return (len(text) <= 120 and not text.endswith(".")
            # (session 46) "published a Local Child Safeguarding Practice Review about Tom, a":
            # a wrapped sentence's line, no title
            and not text.lstrip()[:1].islower() and not text.rstrip().endswith(",")
            and not BREADCRUMB.match(text)  # "Home > News > Learning Review published"
            and not _DATELINE.match(text)  # "Wednesday, 13 November 2024, 6:00 am | ..."
            and not _EMAIL_HEADER.match(text)  # "Subject: Bulletin - May 2024: ..."
            and not _DOT_LEADER_ROW.search(text)  # (session 56) a figure, no title
            # (session 83) a note in brackets, "(Invented test data for casegraph: Cai, ...)"
            and not (text.lstrip().startswith("(") and text.rstrip().endswith(")"))
            and line.number not in runs_on)


def _document_entry(source: SourceText, lines: list[Line]) -> Entry | None:
    """The one review a page is about, or None when it names no child and no review."""
    body = [ln for ln in lines if not _QUOTE.search(ln.text)]
    if not body:
        return None
    # (session 49) a line whose sentence goes on in the next, "The SBNI published the overview
    # report of this Case Management Review" over "in April 2024. ...", is no title
    runs_on = {a.number for a, b in itertools.pairwise(body)
               if b.number == a.number + 1 and b.text.lstrip()[:1].islower()}
    # a title that names the child ("Learning Briefing: Sam – ...") before one that only names
    # the kind of review ("Learning Briefing | Local Child Safeguarding Practice Review")
    titles = _wrapped_titles([_heading_it_lists(ln, body) for ln in body[:8] if _may_title(ln, runs_on)])
    # (session 56) an annual report's section that is the review, below its figures: "7.2
    # Significant Case Review - Child Skye (published 2020): closing report"
    section = next((ln for ln in body[8:40] if _may_title(ln, runs_on) and _DECIMAL_SECTION.match(ln.text)
                    and _REVIEW_TYPE_WORDS.search(ln.text) and _PSEUDONYM.search(ln.text)), None)
    # a report's cover in capitals: "LEARNING REVIEW" / "YOUNG PERSON S" / "EXECUTIVE SUMMARY"
    cover = next((ln for ln in titles if _capitals(ln.text)
                  and _PSEUDONYM.fullmatch(_title_case(ln.text.strip(" '‘’“”\"")))), None)
    # a headline that opens with the child's name: "Child T: Review finds 'missed chances' ..."
    headline, headline_name = next(((ln, m.group().strip()) for ln in titles
                                    if (m := _PSEUDONYM.match(ln.text))
                                    and ln.text[m.end():].lstrip().startswith(":")), (None, None))
    # a title in capitals that names the child: "BABY Q: LEARNING BRIEFING FOR PRACTITIONERS",
    # "LEARNING REVIEW: CHILD LB" (the name's letters kept as printed)
    body_text = " ".join(ln.text for ln in body)
    shouted, shouted_name = next(((ln, _caps_name(ln.text[m.start():m.end()], body_text)) for ln in titles
                                  if _capitals(ln.text) and ln is not cover
                                  and (m := _PSEUDONYM.search(_title_case(ln.text)))), (None, None))
    # "Thematic Review: Babies A, B and C - ...": one review of the children it names together
    # (session 47: in capitals too, "CONCISE CHILD PRACTICE REVIEW – CHILDREN A, B AND C")
    group = next(((ln, m.group()) for ln in titles
                  if (m := _CHILDREN_GROUP.search(name_words_cased(ln.text))
                          or _PSEUDONYMS_TOGETHER.search(name_words_cased(ln.text)))), None)
    # (session 82) a headline that names no child over a standfirst that does ("... each knew part
    # of Aoife's story, independent review says"), the text naming her again
    told, told_name = next(((ln, named) for ln, after in itertools.pairwise(titles)
                            if _NAMING_HEADLINE.match(ln.text) and " | " not in ln.text
                            and not ln.text.rstrip().endswith(":")
                            # (session 84) or the headline, "Four-year-old Lili's death: review finds ..."
                            and (named := _standfirst_name(ln.text, body_text)
                                 or _standfirst_name(after.text, body_text))), (None, None))
    title_line = (group[0] if group else None) or next(
        (ln for ln in titles if _TITLE_NAME.search(ln.text) or _tail_name(ln.text, body_text)),
        None) or cover or headline or shouted or next(
        # "7 Minute Briefing: LCSPR Baby Ivy" over "Local Child Safeguarding Practice Review ·
        # published June 2024": the line that names the child (a bracketed note is no title)
        (ln for ln in titles if _PSEUDONYM.search(ln.text) and _BRIEFING_TITLE.search(ln.text)
         and len(ln.text) <= 80), None) or next(
        # (session 47) of the lines naming the review's type, the one that names its child too:
        # the notice's own heading, not the browser title above it ("... GSB 2/2024 published |
        # Gwent Safeguarding" over "Extended Child Practice Review GSB 2/2024 – Blaenau Gwent –
        # Child T")
        (ln for ln in titles if _REVIEW_TYPE_WORDS.search(ln.text) and _PSEUDONYM.search(ln.text)),
        None) or section or next(
        # (session 56) a statement's heading that names its child and a review, though not its
        # type: "Statement on the publication of the review into Child Ellis"
        # (not a headline that tells the child's age, "... into 10-month-old's death": its facts
        # are the account's)
        (ln for ln in titles if _NAMES_A_REVIEW.search(ln.text) and _PSEUDONYM.search(ln.text)
         and len(ln.text) <= 100 and not _HEADLINE_AGE.search(ln.text) and " | " not in ln.text),
        None) or next(
        (ln for ln in titles if _REVIEW_TYPE_WORDS.search(ln.text) or _TYPE_ABBREVIATED.match(ln.text)),
        None) or next((ln for ln in titles if _REVIEW_HEADLINE.search(ln.text)), None) or next(
        (ln for ln in titles if _NAMING_HEADLINE.search(ln.text) and " | " not in ln.text
         and (named := _pseudonym(ln.text, body_text)) and named in ln.text), None) or next(
        # (session 58) a headline on what a review found that names no child ("Baby's broken
        # ribs review finds 'missed chances' ..."): the article's title all the same, its
        # child named by the text ("The boy, called Baby Nico in the review, ...")
        # (not a section's question, "What the review found", nor a lead-in, "... says:")
        (ln for ln in titles if _NAMING_HEADLINE.match(ln.text) and " | " not in ln.text
         and not _QUESTION_WORD.match(ln.text) and not ln.text.rstrip().endswith(":")
         and _pseudonym(ln.text, body_text)), None) or told
    name = (group[1] if group and title_line is group[0]
            else told_name if told is not None and title_line is told
            else _title_case(cover.text.strip(" '‘’“”\"")) if cover and title_line is cover
            else headline_name if headline is not None and title_line is headline
            else shouted_name if shouted is not None and title_line is shouted
            else _pseudonym(title_line.text if title_line else "", body_text))
    if name is None and title_line is not None:  # (a standfirst taken for the title names the child too)
        name = _standfirst_name(title_line.text, body_text)
    title_line, name, browser_area = _under_browser_title(titles, title_line, name)
    if name is None and title_line is None:
        return None
    head = title_line or body[0]
    if title_line is None:
        title = name or head.text
    elif title_line is section:
        title = _DECIMAL_SECTION.sub("", title_line.text)  # ("7.2  ": the report's number)
    else:
        title = title_line.text
    entry = Entry(source=source, heading=head.text if title_line else (name or head.text),
                  heading_kind="document", line=head.number, start=head.start, title=title, name=name)
    fill_sections(entry, _review_lines(body, title_line, runs_on))
    complete(entry, lines)  # quotations too: "the Chair of X Safeguarding Children Board said"
    if browser_area and not default_gazetteer().lookup(entry.area or ""):
        entry.area = browser_area
    if entry.year is None and title_line is not None:  # "Case study: Baby U (Leeds LCSPR, 2021)"
        fields = heading_fields(title_line.text)
        entry.year, entry.month = fields.get("year"), fields.get("month")
    return entry if entry.sections else None


def _wrapped_titles(titles: list[Line]) -> list[Line]:
    """Title lines with a title wrapped onto the next line joined to it, where only the two
    together name the review's type: a PDF's "7-minute briefing: Local Child Safeguarding" over
    "Practice Review – Leo" is one title (session 83), read from its first line's place."""
    out: list[Line] = []
    for line in titles:
        last = out[-1] if out else None
        if (last is not None and line.number == last.number + 1 and not line.blank_before
                and not last.text.rstrip().endswith((":", ".", ",", ";"))
                and len(last.text) + len(line.text) < 120
                and not _REVIEW_TYPE_WORDS.search(last.text) and not _REVIEW_TYPE_WORDS.search(line.text)
                and _REVIEW_TYPE_WORDS.search(f"{last.text} {line.text}")):
            out[-1] = dataclasses.replace(last, text=f"{last.text.rstrip()} {line.text.strip()}")
        else:
            out.append(line)
    return out


def _standfirst_name(text: str, body: str) -> str | None:
    """(session 82) The first name a news standfirst gives in the possessive ("Aoife's story"),
    when the article names her at least three times: the child, not a place or a body."""
    for m in re.finditer(r"\b(?-i:[A-Z][a-z]{2,15})(?=['’]s\b)", text):
        name = m.group()
        if name not in NOT_NAMES and not default_gazetteer().lookup(name) \
                and len(re.findall(rf"\b{name}\b", body)) >= 3:
            return name
    return None


def _caps_name(printed: str, text: str = "") -> str:
    """"BABY Q" as "Baby Q", "CHILD LB" as "Child LB": the word title-cased, the letters kept.
    A first name in capitals is written as the page's text writes it (session 54: "CHILD MIA"
    over "Mia was 12 ...": "Mia"; "Child Mia" where the text mostly says that)."""
    word, _, rest = printed.partition(" ")
    if len(rest) >= 3 and rest.isalpha() and text:
        whole = len(re.findall(rf"\b{word.title()} {rest.title()}\b", text))
        alone = len(re.findall(rf"\b{rest.title()}\b", text)) - whole
        if whole or alone:
            return f"{word.title()} {rest.title()}" if whole >= alone else rest.title()
    return f"{word.title()} {rest}".strip()


#: Two children introduced by name: "two children, Nia, aged 11, and her brother Rhys, aged 8".
_TWO_CHILDREN = re.compile(
    r"\b(?:two|both)\s+(?:children|siblings|sisters|brothers)\s*[,:(]\s*(?P<a>(?-i:[A-Z][a-z]{1,15}))"
    r"(?:,?\s*\(?(?:aged\s+)?\d{1,2}\)?,?)?\s+and\s+"
    r"(?:(?:her|his|their)\s+(?:(?:younger|older|twin)\s+)?(?:brother|sister)\s+)?"
    r"(?P<b>(?-i:[A-Z][a-z]{1,15}))\b")
#: (session 83) Two children introduced together at a sentence's start, each with an age: "Theo,
#: who was 20 months old, and his brother Alfie, who was three, were killed ...".
_SIBLING_PAIR = re.compile(
    r"(?:^|[.!?]\s+)(?P<a>(?-i:[A-Z][a-z]{1,15})),\s+(?:who\s+was|aged)\s+[^,.;]{1,30},\s+and\s+"
    r"(?:her|his|their)\s+(?:(?:younger|older|twin|baby)\s+)?(?:brother|sister)\s+"
    r"(?P<b>(?-i:[A-Z][a-z]{1,15})),\s+(?:who\s+was|aged)\b")
#: (session 84) A news story's account that opens with the child's death or harm and names a
#: sibling harmed too in the next sentence: "Ollie died in February 2025 from head injuries ...
#: His sister Mia was found to have fractured ribs ...".
_DEATH_THEN_SIBLING = re.compile(
    r"(?:^|[.!?]\s+)(?P<a>(?-i:[A-Z][a-z]{1,15}))\s+(?:died|was\s+(?:killed|found|admitted|taken))\b[^.!?]{0,200}"
    r"[.!?]\s+(?-i:His|Her)\s+(?:(?:younger|older|twin|baby)\s+)?(?:brother|sister)\s+(?P<b>(?-i:[A-Z][a-z]{1,15}))\b")
#: A name that ends a title after its colon: "Learning from Case Management Reviews: Erin".
_TAIL_NAME = re.compile(r":\s*(?P<name>(?-i:[A-Z][a-z]{1,15}))\s*$")


def _heading_it_lists(line: Line, body: list[Line]) -> Line:
    """(session 58) A newsletter's contents entry ("In this issue" / "- Case management review:
    Cormac") stands for the heading further down that says it again ("CASE MANAGEMENT REVIEW:
    CORMAC (ARDS AND NORTH DOWN)"): that heading is the title; any other line is itself."""
    if not _BULLET.match(line.text):
        return line
    listed = " ".join(_BULLET.sub("", line.text, count=1).split()).lower()
    start = body.index(line) + 1
    return next((ln for ln in body[start:start + 60] if len(ln.text) <= 120 and not _BULLET.match(ln.text)
                 and listed in " ".join(ln.text.split()).lower()), line)


def _under_browser_title(titles: list[Line], title_line: Line | None, name: str | None
                         ) -> tuple[Line | None, str | None, str | None]:
    """(session 57) The page's own heading in place of a browser title above it ("Statement:
    ... Review - Harvey | Sunderland Safeguarding Children Partnership" over "Statement following
    publication of the ... Review into the death of Harvey"): the heading that names the review
    and the same child titles the page; the site's name after the bar gives the area.  Returns
    the title line, the child's name and that area (None when nothing changes)."""
    if title_line is None or " | " not in title_line.text:
        return title_line, name, None
    child = name or _last_name_word(title_line.text.split(" | ")[0])
    own = next((ln for ln in titles if child and " | " not in ln.text and _NAMES_A_REVIEW.search(ln.text)
                and re.search(rf"\b{re.escape(child)}\b", ln.text)), None)
    if own is None:
        return title_line, name, None
    return own, child, area_of_body(title_line.text.split(" | ", 1)[1])


def _review_lines(body: list[Line], title_line: Line | None, runs_on: set[int]) -> list[Line]:
    """The lines of a page's one review, without its title line.  (session 57) A report's
    numbered section that titles it ("3B  Significant case review: Child V") is the review: from
    it to the next heading of its level ("3C  Learning review in progress"), not the parts about
    other work around it; its own deeper paragraphs ("7.2.1" under "7.2") stay within it."""
    if title_line is None or not (level := _section_level(title_line.text)):
        return [ln for ln in body if ln is not title_line]
    start = body.index(title_line)
    end = next((k for k in range(start + 1, len(body)) if 0 < _section_level(body[k].text) <= level
                and _may_title(body[k], runs_on)), len(body))
    return body[start + 1:end]


def _last_name_word(text: str) -> str | None:
    """The capitalised word a title ends with ("... Review - Harvey"), or None."""
    m = re.search(r"\b(?-i:[A-Z][a-z]{1,15})\s*$", text)
    return m.group().strip() if m else None


def _tail_name(title: str, text: str) -> str | None:
    """The name a title ends with after its colon, when the text then tells of that person
    ("Erin was a 14-year-old girl ... Erin lived with her mother"): twice at least, so that
    "Children: Safeguarding" over "Somerset Safeguarding Children Partnership" names nobody."""
    m = _TAIL_NAME.search(title)
    if m is None or m["name"] in NOT_NAMES:
        return None
    name = m["name"]
    said = len(re.findall(rf"\b{name}\b", text)) - len(re.findall(rf"\b{name}\b", title))
    # ... as the subject of its sentences ("Erin was", "Erin's mother"), not a word of a name
    # ("Somerset Safeguarding Children Partnership" under "Children: Safeguarding")
    told = re.search(rf"\b{name}(?:['’]s|\s+(?:was|had|is|has|lived|died|and|said|told))\b", text)
    return name if said >= 2 and told else None


#: A review said to be about a child by first name, then who the child is: "published a Local
#: Child Safeguarding Practice Review about Tom, a 15-year-old boy from Derby".
_REVIEW_ABOUT = re.compile(r"\breview\s+(?:about|concerning|(?:into|following|after)\s+the\s+"
                           # ((session 74) "... practice review following the death of Jordan, who
                           # was 17")
                           # ((session 75) "... review into the circumstances of Harry, an
                           # 11-year-old boy who died in a house fire")
                           r"(?:death|care|injur(?:y|ies)|circumstances|experiences?)\s+of)\s+"
                           r"(?P<name>(?-i:[A-Z][a-z]{1,15})),\s+"
                           r"(?:a|an|aged|who)\b", re.I)


#: A headline's child by the word for a child before the name: "baby Isla", "toddler Maisie"
#: (in lower case: "Baby Ivy" is a pseudonym whole).
_HEADLINE_CHILD = re.compile(r"\b(?:baby|toddler|infant|schoolboy|schoolgirl|teenager|teen|boy|girl)\s+"
                             r"(?P<name>[A-Z][a-z]{1,15})\b(?!\s+[A-Z])")


def _pseudonym(title: str, text: str) -> str | None:
    """The child's pseudonym: named in the title, introduced ("known as"), quoted, or "Child X"."""
    m = _TITLE_NAME.search(title)
    if m and (m["name"] or m["name2"]) not in NOT_NAMES:  # ("Safeguarding - learning from ...")
        return m["name"] or m["name2"]
    if name := _tail_name(title, text):
        return name
    if (pair := _TAIL_PAIR.search(title)) and _each_told(pair["names"], text):
        return pair["names"]  # (session 82) "National ... review: Ellis and Mia (Cheshire East)"
    if (m := _HEADLINE_CHILD.search(title)) and re.search(rf"\b{m['name']}\b", text):
        return m["name"]  # (session 55) a headline's "death of baby Isla", the text's "Isla was ..."
    if m := _CALLED.search(text):
        # (session 58) "referred to in the report as Twin 1 and Twin 2": both children; (session
        # 77) or all three, "as Child 1, Child 2 and Child 3"
        if m["name"] and (together := _PSEUDONYMS_TOGETHER.match(text, m.start("name"))):
            return " and ".join(p.group() for p in re.finditer(_ONE_PSEUDONYM, together.group()))
        pair = re.match(rf",?\s+and\s+(?P<other>{_ONE_PSEUDONYM})\b", text[m.end():])
        return f"{called(m)} and {pair['other']}" if pair else called(m)
    if m := _REVIEW_ABOUT.search(text):  # "... Practice Review about Tom, a 15-year-old boy"
        return m["name"]
    if (m := _TWO_CHILDREN.search(text) or _SIBLING_PAIR.search(text) or _DEATH_THEN_SIBLING.search(text)) \
            and not {m["a"], m["b"]} & NOT_NAMES:
        # "two children, Nia, aged 11, and her brother Rhys"; (session 83) "Theo, who was 20
        # months old, and his brother Alfie, who was three, were killed ..."; (session 84) "Ollie
        # died ... His sister Mia was found ..."
        return f"{m['a']} and {m['b']}"
    if (first := _PSEUDONYM.search(text)) and (together := _PSEUDONYMS_TOGETHER.match(text, first.start())):
        # (session 85) the account's first child named with another: "about two sisters, Child F
        # and Child G, who were three years old": both, one review
        return " and ".join(p.group() for p in re.finditer(_ONE_PSEUDONYM, together.group()))
    counts = Counter(m.group().strip() for m in _PSEUDONYM.finditer(f"{title} {text}"))
    counts.update(m["name"] for m in _QUOTED_NAME.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


# --------------------------------------------------------------------------- facts of the page


#: Northern Ireland's five health and social care trusts, as a page names them.
_NI_TRUST = re.compile(r"\b(?-i:Belfast|Northern|Southern|South\s+Eastern|Western)\s+"
                       r"(?:Health\s+and\s+Social\s+Care\s+)?Trust\b")


#: Words that name who published or commissioned a review just before that body's name: "published
#: this week by the Cardiff and Vale Regional Safeguarding Board", "commissioned by the ...".
_BY_BODY = re.compile(r"\b(?:published|commissioned|carried\s+out|undertaken|conducted)\b[^.]{0,40}?\bby\s+"
                      r"(?:the\s+)?")


@cache
def _ni_council(belfast: bool) -> re.Pattern[str]:
    """Northern Ireland's eleven council areas, by the names the gazetteer gives them (its one
    home), "&" for "and" too; Belfast never when it names the Belfast Trust, and only when
    ``belfast``: in an account's words "Belfast" is as often where a board sits or a hospital
    stands as where the child lived."""
    names = [n for n in default_gazetteer().names_in("Northern Ireland") if belfast or n != "Belfast"]
    spelled = "|".join(re.escape(n).replace(r"\ and\ ", r"\s+(?:and|&)\s+").replace(r"\ ", r"\s+")
                       for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{spelled})\b(?!\s+(?:Health|HSC|Trust)\b)")


def _publisher_body(text: str) -> re.Match[str] | None:
    """The body a text says published or commissioned its review (the review's area): before any
    other body its account names (the placing council: "placed ... by Powys County Council's
    children's services" above "published ... by the Cardiff and Vale Regional Safeguarding
    Board")."""
    for by in _BY_BODY.finditer(text):
        if m := _AREA_BODY.match(text, by.end()):
            return m
    return None


#: A review told of as published the day the page was: "a review published today says", "has
#: today published", "is published today".
#: (session 59) Or on a weekday of the same week: "On Tuesday the Fife Child Protection Committee
#: published its learning review" (a blog post dated "Posted 14 March 2024").
_PUBLISHED_TODAY = re.compile(r"\bpublish(?:ed|es)\s+today\b|\btoday\s+publish(?:ed|es)\b"
                              r"|\bOn\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b[^.]{0,80}?\bpublished\b"
                              r"|\byesterday\b[^.]{0,60}?\bpublished\b", re.I)
#: A review's dateline under its heading: its area, then when it was published ("Caerphilly ·
#: Published 20 June 2024 · Cyhoeddwyd 20 Mehefin 2024").
_PLACE_DATELINE = re.compile(r"^(?P<area>(?-i:[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,3}))\s+[·•|]\s+"
                             r"(?:Published|Pub\.)\b"
                             # (session 67) or after it: "Published September 2023 · Wiltshire"
                             r"|^(?:Published|Pub\.)\s+[\w ,/.]{4,30}?\s+[·•|]\s+"
                             r"(?P<after>(?-i:[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,3}))\s*$", re.I)


def _dateline_date(text: str) -> tuple[int | None, int | None]:
    """(year, month) of a byline or dateline: a heading's date ("06:00, 25 APR 2024"), or the
    date after "Posted" ("Posted 14 March 2024 by our policy manager · 6 minute read")."""
    dated = heading_date(text)
    if dated[0] is None and _DATELINE.match(text) and (m := PAGE_DATE.search(text)):
        return int(m["year"]), month_num(m["month"])
    return dated


def _published(text: str) -> re.Match[str] | None:
    """The first date :data:`_PUBLISHED` finds, unless it is a completion's and the same
    sentence gives the publication's next (session 73: "Completed November 2023; published
    February 2024." is published in 2024; "completed" alone is a report's date)."""
    m = _PUBLISHED.search(text)
    if m and m.group().lower().startswith("completed"):
        after = _PUBLISHED.search(text, m.end())
        if after and after.start() - m.end() <= 20 and not after.group().lower().startswith("completed") \
                and "." not in text[m.end():after.start()]:
            return after
    return m


def complete(entry: Entry, lines: list[Line]) -> None:
    """Year, area and prose statements of recommendations and learning, from the page's words."""
    text = " ".join(ln.text for ln in lines)
    if entry.year is None and _PUBLISHED_TODAY.search(text):
        # (session 58) a news article's "a review published today says": published the day its
        # byline or dateline gives ("By ... · 06:00, 25 APR 2024"); (session 60) before any
        # other year the page says was a publication's ("An earlier serious case review,
        # published in 2016, concerned Child N's older sister")
        entry.year, entry.month = next((dated for ln in lines[:8] if len(ln.text) <= 120
                                        and (dated := _dateline_date(ln.text))[0]), (None, None))
    m = _published(text)
    if m and entry.year is None:
        # (one alternative of _PUBLISHED matched: its one year group holds the year)
        entry.year = int(next(v for k, v in m.groupdict().items() if k.startswith("year") and v))
        date = PAGE_DATE.search(text[m.start():m.end() + 1])
        numeric = int(m["numeric_month"]) if m["numeric_month"] else None
        entry.month = month_num(date["month"]) if date else numeric if numeric and numeric <= 12 else None
    if entry.heading_kind == "record" and entry.year and (told := _REVIEW_PUBLISHED_BY.search(text)) \
            and int(told["year"]) < entry.year:
        # (session 55) a repository's record of a review's summary, deposited later: its
        # "Published: 19 February 2024" is the deposit's, "a learning review published by ... in
        # September 2023" the review's
        entry.year, entry.month = int(told["year"]), month_num(told["month"])
    # (session 49) "Blaenau Gwent · Published 2 May 2024"
    datelines = (m for ln in lines[:4] if (m := _PLACE_DATELINE.match(ln.text)))
    if entry.area is None and (dated := next((m for m in datelines
                                              if default_gazetteer().lookup(m["area"] or m["after"])), None)):
        told = dated["area"] or dated["after"]
        # (session 82) "Dundee Child Protection Committee | Published: May 2024": the body's place
        entry.area = area_of_body(told) or told
    body = _AREA_BODY.search(entry.title) or None
    # a body's name is looked for line by line: a heading above it ("Introduction") is not its name
    area = (_AREA_TITLE.search(entry.title) or _AREA_IN_HEADING.search(entry.title)
            or _AREA_AFTER_NAME.search(entry.title) or _AREA_AFTER_TYPE.search(entry.title)
            or _AREA_FROM.search(text) or _publisher_body(text)
            # ((session 82) a body named in a line of the account before one in a bar-separated
            # browser title: "... | BCP Safeguarding Children Partnership" over "The Bournemouth,
            # Christchurch and Poole Safeguarding Children Partnership has today published ...")
            or next((m for ln in lines if " | " not in ln.text and (m := _AREA_BODY.search(ln.text))), None)
            or next((m for ln in lines if (m := _AREA_BODY.search(ln.text))), None)
            or _AREA_COMMITTEE.search(text))
    if entry.area is None and (body or area):
        m = body or area
        # (a bracketed area, "(Norfolk, 2021)", is _AREA_IN_HEADING's second group)
        entry.area = (area_name(m) if m.re is _AREA_BODY
                      else (m["area"] or m.groupdict().get("area2") or "").strip())
    if entry.area is None:
        entry.area = area_in_heading(entry.title, entry.name) or area_in_heading(entry.heading, entry.name)
    if entry.area is None:
        entry.area = _review_from(text[:600])
    if entry.area is None and (partners := _PARTNERS_IN.search(text[:1500])) \
            and default_gazetteer().lookup(partners["area"]):
        # (session 82) a national review "with the local safeguarding partners in Lincolnshire":
        # the partners' area is where the children lived
        entry.area = partners["area"]
    if entry.year is None:
        entry.year = year_in_heading(entry.title) or year_in_heading(entry.heading)
    # (a place the account tells is the area only when nothing else, the page's own partnership
    # included, names one: extract.extractor reads it last)
    entry.told_area = _told_place(text[:1500])
    if (entry.area in (None, "Northern Ireland") and (council := _ni_council(True).search(entry.title)
                                                      or _ni_council(False).search(text[:1500]))) or (
            # (session 47) a record's "Trust: Western ... Trust" under a heading that names the
            # council area ("Child R – Case Management Review – Derry City and Strabane"): finer
            entry.area and _NI_TRUST.fullmatch(entry.area)
            and (council := _ni_council(True).search(entry.title))):
        # a case management review placed in its council area ("a boy who lived in the Mid and
        # East Antrim Borough Council area"): a place finer than the region or the trust
        entry.area = council.group()
    if entry.area in (None, "Northern Ireland") and (trust := _NI_TRUST.search(entry.title)
                                                     or _NI_TRUST.search(text[:1500])):
        # a case management review's local area is its health and social care trust ("Child F
        # (Belfast Trust area)", "the Southern Health and Social Care Trust"), not the region
        entry.area = trust.group()
    if entry.name is None and (pair := _LABELLED_NAME.search(entry.title)) and " and " in pair["name"] \
            and not _PSEUDONYM.search(entry.title) and _names_told(pair["name"], text):
        # (session 49) "Case Management Review: Aoife and Ciaran" (not "– Cardiff and Vale")
        entry.name = pair["name"]
    if entry.name is None and not (_PSEUDONYM.search(entry.title) or _QUOTED_NAME.search(entry.title)):
        # "Statement on publication of review into the death of Ada" over "... a three-year-old
        # girl, referred to as Ada": the name the account introduces
        entry.name = called_name(text[:800])
    # (a chair's quoted words may state what the review found: "... said: "The review found
    # that the GP ... each knew something""; other quoted words are no findings of the review)
    _prose_items(entry, lines)


#: A partnership's name as its web team brands it, a place and "Safeguarding" ("Warwickshire
#: Safeguarding: learning from local reviews"), at a line's start.
_BRAND = re.compile(r"^(?P<area>(?-i:[A-Z][a-z]+(?:[ -](?:and\s+)?[A-Z][a-z]+){0,3}))\s+Safeguarding\b"
                    r"(?!\s+(?:Children|Adults?|Board|Partnership|Practice|Vulnerable|Community))")


def _brand_area(text: str) -> str | None:
    """The place a partnership's brand names (:data:`_BRAND`), when the gazetteer knows it as an
    area: "Contextual Safeguarding" names none."""
    m = _BRAND.match(text)
    return m["area"] if m and default_gazetteer().lookup(m["area"]) else None


#: Where an account says the child lived ("an 11-year-old boy living in Cardiff", "who lived with
#: her grandmother in Swansea"), or whose review it was ("the Vale of Glamorgan extended Child
#: Practice Review"): a place, when the gazetteer knows it as an area.
_TOLD_PLACES = (
    re.compile(r"\b(?:living|lived|lives)\s+(?:with\s+[^.,;]{1,40}?\s+)?in\s+(?:the\s+)?"
               r"(?P<area>(?-i:[A-Z][a-z]+(?:\s+(?:and\s+|of\s+)?[A-Z][a-z]+){0,3}))"),
    re.compile(r"\bthe\s+(?P<area>(?-i:[A-Z][a-z]+(?:\s+(?:and\s+|of\s+)?[A-Z][a-z]+){0,3}))\s+"
               r"(?:extended\s+|concise\s+)?(?:child\s+practice|serious\s+case|local\s+child\s+safeguarding\s+"
               r"practice|learning|case\s+management|significant\s+case)\s+review\b", re.I))


def _told_place(text: str) -> str | None:
    """The first place an account tells (:data:`_TOLD_PLACES`) that the gazetteer knows (session
    48: a tweet's "living in Cardiff"); None else.  Read only when nothing else names the area."""
    gazetteer = default_gazetteer()
    for rx in _TOLD_PLACES:
        for m in rx.finditer(text):
            if gazetteer.lookup(m["area"]):
                return m["area"]
    return None


def page_area(lines: list[Line]) -> str | None:
    """The partnership or board a page belongs to, from its own name on the page; for the
    Safeguarding Board for Northern Ireland's reviews, the one trust the page's opening names
    ("Both concerned families living in the Southern Trust area"), a finer place than the region."""
    # line by line: "Introduction" above the body's name is not part of it
    area = next((area for ln in lines[:12] if (area := area_of_body(ln.text) or _brand_area(ln.text))), None)
    if area is None:
        # (session 59) a body's name wrapped over two lines of a text page: "... published by the
        # Cwm Taf Morgannwg" / "Safeguarding Board in the last year"
        area = next((area for a, b in pairwise(lines[:12]) if (area := area_of_body(f"{a.text} {b.text}"))),
                    None)
    if area == "Northern Ireland":
        trusts = {re.sub(r"\s+", " ", m.group()) for ln in lines[:20] for m in _NI_TRUST.finditer(ln.text)}
        return trusts.pop() if len(trusts) == 1 else area
    return area


#: (session 55) "Among them, the partnership will ask ..., and the council's housing team will
#: flag ...": some of the counted recommendations, told in prose (each its item: _among_them).
_AMONG_THEM = re.compile(r"^Among\s+(?:them|these|the\s+recommendations),\s+")
#: The sentence after a count that says what the recommendations are: "The review makes nine
#: recommendations. They cover information sharing ...", "These focus on how ...", or names
#: some of them ("Among them, ...").
_THEY_COVER = re.compile(
    _AMONG_THEM.pattern + "|"
    r"^(?:They|These|Those|The\s+recommendations|Its\s+recommendations)\s+(?:\w+\s+)?"
    r"(?:cover|covers|include|includes|focus|focuses|concern|concerns|address|addresses|relate|"
    r"relates|are\s+about|ask|asks|call|calls)\b"
    # (session 68) some of them named after a colon: "In the episode we discuss two of them: that
    # the SBNI produces ..., and that addiction services share ..."
    # ((session 69) or after "are that": "Two of them are that the partnership's safer sleep
    # guidance is rewritten ..., and that housing providers tell ...", "One of them is that ...")
    r"|^[^.:]{0,60}\b(?i:one|two|three|four|five|some|several|a\s+few)\s+of\s+them\s*"
    r"(?::\s*\S|(?:are|is|include)\s+that\b)"
    # (session 73) one of them told after the count: "One of them asks every agency to adopt
    # ...", "Above all, it asks the Committee to ...", "The one I quote most often is that ...",
    # "I'll just pick out the one I think matters most, which is that ...", "The outstanding
    # recommendation (number 6) concerns the refresh of ..."
    r"|^(?:One|Another)\s+of\s+(?:them|these|the\s+recommendations)\s+(?:asks|asked|calls|called|requires|"
    r"required|concerns|concerned|is\s+(?:for|about))\b"
    r"|^Above\s+all,\s+(?:it|they|the\s+review)\s+(?:asks|calls|recommends)\b"
    r"|^The\s+one\s+(?:I|we)\b[^.]{0,60}?\b(?:is|was)\s+(?:that|for|about)\b"
    r"|\bpick\s+out\s+(?:the\s+)?one\b[^.]{0,60}?\bwhich\s+is\s+that\b"
    r"|^The\s+(?:\w+\s+){0,2}recommendation(?:\s*\([^()]{1,30}\))?\s+(?:concerns|concerned|asks|asked|"
    r"calls\s+for|is\s+that|was\s+that)\s+\w+"
    # (session 73) "One was addressed to interpreting providers: that ...", and the first of them
    # told as what a body should do: "The LSCB should ensure that every pre-birth assessment ..."
    r"|^One\s+(?:was|is)\s+(?:addressed|directed|made)\s+to\b"
    r"|^The\s+(?:[\w'’-]+\s+){0,5}should\s+(?:ensure|make\s+sure|review|develop|introduce|provide)\b")


#: (session 73) A sentence that counts the recommendations in words COUNTS_RECOMMENDATIONS does
#: not read: "The partnership has accepted all seven of the reviewer's recommendations.", "Of its
#: nine recommendations, eight are complete.", "The report has five recommendations."
_COUNTED_OTHERWISE = re.compile(
    rf"\b(?:has|have|had|accepted|contains|includes)\s+(?:all\s+)?(?:the\s+)?{COUNT_WORD}\s+"
    r"(?:of\s+(?:the\s+|its\s+)?(?:[\w’']+\s+){0,2})?recommendations\b"
    rf"|^Of\s+(?:its|the|their)\s+{COUNT_WORD}\s+recommendations\b", re.I)
#: Where a sentence's finding gives way to its count of recommendations: ", and made six
#: recommendations", "; a single recommendation was made".
_AND_COUNTS = re.compile(r"(?:,\s+and|;)\s+(?:it\s+)?(?:made|makes|make)\s+(?:\w+\s+){0,2}"
                         r"recommendations?\b|;\s+(?:a\s+single|one|\w+)\s+recommendations?\s+"
                         r"(?:was|were)\s+made\b", re.I)
#: Where a sentence's finding gives way to what the review recommends: ", and recommends that".
_AND_RECOMMENDS = re.compile(r",?\s+and\s+(?=recommend(?:s|ed)\s+(?:that|how|ways|improvements)\b)")


#: "Among them, A will ..., and B will ...": where one chosen recommendation gives way to the next
#: (a subject of a few words, then what it will or should do).
_NEXT_CHOSEN = re.compile(r",\s+and\s+(?=(?:the\s+|all\s+)?[\w'’ -]{2,50}?\s+"
                          r"(?:will|should|must|is\s+to|are\s+to)\s"
                          # (session 67) the verb said once: "the Board will ask the Council to
                          # flag ..., and Hywel Dda University Health Board to check ..."
                          r"|(?-i:[A-Z])[\w'’ -]{2,60}?\s+to\s+(?-i:[a-z]))")


#: (session 56) "They include that the partnership produces ..., and that ...": the counted
#: recommendations' prose, after the count (one statement: tests/annotations/FORMAT.md).
_INCLUDE_THAT_IN = re.compile(r"(?<=[.!]\s)(?:They|These|The\s+recommendations|Its\s+recommendations)\s+"
                              r"include\s+that\s+")


def says_it_recommends(text: str) -> bool:
    """Whether a paragraph says what a review recommends, in prose (:data:`_PROSE_REC`)."""
    return _PROSE_REC.search(text) is not None


def _among_them(span: Span) -> list[Span]:
    """A prose sentence's recommendations: "Among them, A will ..., and B will ..." is two (its
    lead-in left out); any other sentence is one."""
    if not (lead := _AMONG_THEM.match(span.text)):
        return [span]
    nexts = _NEXT_CHOSEN.finditer(span.text, lead.end())
    cuts = [lead.end(), *(x for m in nexts for x in (m.start(), m.end())), len(span.text)]
    return [span.slice(a, b).strip(" ,.") for a, b in zip(cuts[::2], cuts[1::2], strict=True)]


def _prose_items(entry: Entry, lines: list[Line]) -> None:
    """Recommendations and learning stated in prose become items, when no labelled list gave any.
    A sentence may run over hard-wrapped lines ("Learning focused on" / "transferring ...")."""
    for section in entry.section("recommendations"):
        said = section.label_span
        if not section.items and said is not None and (lead := _INCLUDE_THAT_IN.search(said.text)):
            # (session 56) a count's paragraph taken as the label of its recommendations, "It
            # makes five recommendations. They include that A, and that B.": their statement
            told = said.slice(lead.start(), len(said.text)).strip(" .")
            section.items = [Item(told)]
    kinds = {s.kind for s in entry.sections}
    if "learning+recommendations" in kinds:
        kinds |= {"learning", "recommendations"}
    paragraphs = _paragraphs(lines)
    for number, para in paragraphs:
        if "learning" not in kinds and (points := counted_points(para) or lettered_points(para)):
            entry.sections.append(Section("learning", None, number, points, [Item(sp) for sp in points]))
            kinds.add("learning")
        if "recommendations" not in kinds and (points := counted_points(para, _COUNTED_RECOMMENDATIONS)):
            entry.sections.append(Section("recommendations", None, number, points,
                                          [Item(sp) for sp in points]))
            kinds.add("recommendations")
        kinds |= _ordinal_items(entry, number, para, kinds)
        kinds |= _enumerated_items(entry, number, para, kinds)
    kinds |= _ordinal_paragraphs(entry, paragraphs, kinds)
    kinds |= _self_named_points(entry, paragraphs, kinds)
    kinds |= _addressed_points(entry, paragraphs, kinds)
    told_count = False  # the paragraph before ended by counting them, in any words (subtitles'
    # "The review made five recommendations." / "One of them asks ...")
    for k, (number, para) in enumerate(paragraphs):
        counted = False  # the sentence counts the recommendations (as COUNTS_RECOMMENDATIONS reads it)
        carried, told_count = told_count, False  # (a colon after it opens no list across paragraphs)
        for s in _SENTENCE.finditer(para.text):
            sentence = s.group().strip()
            lead = len(s.group()) - len(s.group().lstrip())  # the spaces before it in its match
            if sentence.endswith("?"):
                continue  # "And no formal recommendations for that one, is that right?"
            # (after a count, "They cover ...", or a colon over the list: "Two of them are shown
            # here:")
            rec = _PROSE_REC.search(sentence) or (told_count and (_THEY_COVER.search(sentence)
                                                                  or sentence.endswith(":"))) \
                or (carried and _THEY_COVER.search(sentence))
            carried = False
            counted = bool(COUNTS_RECOMMENDATIONS.search(sentence))
            told_count = counted or bool(_COUNTED_OTHERWISE.search(sentence))
            finding = _PROSE_LEARNING.search(sentence)
            if finding and not counted and not kinds & {"learning", "recommendations"} \
                    and (joint := _AND_RECOMMENDS.search(sentence, finding.end())):
                # "The review found that X, and recommends that Y": a finding and a
                # recommendation in one sentence, each its own item
                for kind, a, b in (("learning", finding.start(), joint.start()),
                                   ("recommendations", joint.end(), len(sentence))):
                    span = para.slice(s.start() + lead + a, s.start() + lead + b).strip(" ,.")
                    entry.sections.append(Section(kind, None, number, [span], [Item(span)]))
                kinds |= {"learning", "recommendations"}
                continue
            if finding and counted and "learning" not in kinds \
                    and (made := _AND_COUNTS.search(sentence, finding.end())):
                # "The review identified learning on X, and made six recommendations to the
                # Trust": the learning is the clause before the count (the count is counted)
                span = para.slice(s.start() + lead + finding.start(),
                                  s.start() + lead + made.start()).strip(" ,.;")
                entry.sections.append(Section("learning", None, number, [span], [Item(span)]))
                kinds.add("learning")
                if not rec:
                    continue
            kind = ("recommendations" if "recommendations" not in kinds and rec
                    else "learning" if "learning" not in kinds and finding and not counted
                    else None)
            if kind:
                at = 0 if finding is None else finding.start(
                    "at" if finding.group("at") is not None else 0)
                if kind == "learning" and finding and at > 0:
                    # "The father, who lived apart, said that although the review had found he
                    # was not seen ...": the finding is the clause, the facts before it the case's
                    clause = sentence[at:].lstrip(", ")
                    lead += len(sentence) - len(clause)
                    sentence = clause
                span = para.slice(s.start() + lead, s.start() + lead + len(sentence))
                listed = _bullets_after(paragraphs[k + 1:]) \
                    if sentence.endswith(":") and not para.text[s.end():].strip() else []
                if listed:
                    # "The review recommended that:" over bullets: the bullets are the items
                    entry.sections.append(Section(kind, sentence, number, listed,
                                                  [i for b in listed for i in split_items(b)]))
                else:
                    items = [Item(sp) for sp in _among_them(span)]
                    entry.sections.append(Section(kind, None, number, [span], items))
                kinds.add(kind)


#: A sentence that opens one of a list told in prose: "First, ...", "Secondly, ...", "Finally, ...".
_ORDINAL = re.compile(r"^(?:And\s+)?(?:First|Second|Third|Fourth|Fifth|Sixth|Finally|Lastly)(?:ly)?,\s"
                      # ("So, three things we learned. One, ... Two, ... Three, ...": as said aloud)
                      r"|^(?:One|Two|Three|Four|Five|Six),\s"
                      # (session 49) "The first thing is that ...", "The second is that ...": a
                      # video's presenter
                      r"|^The\s+(?:first|second|third|fourth|fifth|sixth|last|final)(?:\s+(?:thing|lesson|point|"
                      r"message|finding))?\s+(?:is|was)\s+that\b", re.I)
#: What the sentence before such a list says it lists: recommendations, or learning ("three
#: lessons", "two areas of learning", "I would pick out three", "what I would ask you to take").
_LISTS_RECOMMENDATIONS = re.compile(r"\brecommend", re.I)
_LISTS_LEARNING = re.compile(r"\b(?:learn\w*|lessons?|messages?|areas|points|findings|pick\s+out|"
                             r"take\s+from)\b", re.I)


#: A count that opens a counted list, and its "key"/"main": "four", "three key", "2".
_COUNT_OPENING = r"\b(?P<n>two|three|four|five|six|seven|\d)\s+(?:key\s+|main\s+)?"
#: A sentence that counts the learning it then lists: "The review identified four areas of
#: learning: A; B; C; D", "Three learning themes emerged for the Trust: A; B; and C", "The
#: review's three key messages are about A, about B, and about C".
_COUNTED_LEARNING = re.compile(
    _COUNT_OPENING + r"(?:(?:learning\s+)?(?:messages|themes|"
    r"points|lessons|areas\s+(?:of|for)\s+learning)|areas\s+(?:of|for)\s+learning)\b"
    r"(?P<tail>[^:.]{0,60}?)(?P<open>:\s*|\s+(?:are|were)\s+(?=about\b|that\b))", re.I)


#: A sentence that counts the recommendations it then lists: "Two recommendations were made: a
#: schools protocol on peer-on-peer abuse, and joint strategy discussions", "The review made
#: three recommendations: A; B; C".
_COUNTED_RECOMMENDATIONS = re.compile(
    _COUNT_OPENING + r"recommendations"
    r"(?:\s+(?:were|was)\s+made)?(?P<tail>[^:.]{0,40}?)(?P<open>:\s*)", re.I)


#: A sentence that gives the learning as lettered points: "The CMR's learning was that (a)
#: clinicians each saw part of the picture; (b) ...; and (d) ...".
_LETTERED_LEARNING = re.compile(r"\b(?:learning|lessons?|findings?)\s+(?:was|were|is|are)\s+that\s+"
                                r"(?=\(a\)\s)", re.I)
_LETTER_MARK = re.compile(r"(?:;\s*(?:and\s+)?|,\s*(?:and\s+)?|\s)\((?P<l>[b-h])\)\s")


def lettered_points(para: Span) -> list[Span]:
    """The points a sentence gives after "learning was that", marked (a), (b), ... in order
    (session 48, devlocal91's SBAR paper); [] when the marks are not (a), (b), ... in turn."""
    m = _LETTERED_LEARNING.search(para.text)
    if m is None:
        return []
    end = _SENTENCE_END.search(para.text, m.end() + 4)
    stop = end.start() if end else len(para.text)
    marks = list(_LETTER_MARK.finditer(para.text, m.end(), stop))
    if not marks or [x["l"] for x in marks] != [chr(ord("b") + i) for i in range(len(marks))]:
        return []
    bounds = [m.end() + 4, *(x.start() for x in marks), stop]
    starts = [m.end() + 4, *(x.end() for x in marks)]
    spans = [para.slice(a, b).strip(" ;,.\n") for a, b in zip(starts, bounds[1:], strict=True)]
    return [s for s in spans if len(s.text.split()) >= 2]


def counted_points(para: Span, counting: re.Pattern[str] = _COUNTED_LEARNING) -> list[Span]:
    """The points a sentence lists after counting them ("The review identified four areas of
    learning: adapting ...; the cumulative impact ...; ..."), split at semicolons, or at commas
    before the word every part opens with ("about A, about B, and about C"), or at as many
    commas as the count wants, the last with "and" ("A, and B"): [] unless there are as many
    parts as the count says.  ``counting`` is the sentence's shape: learning's, or (session
    42) recommendations' (_COUNTED_RECOMMENDATIONS)."""
    from casegraph.core.model import NUMBER_WORDS

    m = counting.search(para.text)
    if m is None:
        return []
    want = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    end = _SENTENCE_END.search(para.text, m.end())
    stop = end.start() if end else len(para.text)
    body = para.text[m.end():stop]
    first = re.match(r"\s*(\w+)", body)
    if ";" in body:
        cuts = [c.end() for c in re.finditer(r";\s*", body)]
    elif first and first[1].lower() in ("about", "that", "the", "how", "seeing", "hearing"):
        opening = rf",\s+(?:and\s+)?(?={re.escape(first[1])}\b)"  # ", and about ..."
        cuts = [c.start() + 1 for c in re.finditer(opening, body, re.I)]
    elif body.count(",") == want - 1 and re.search(r",\s+and\s+[^,]*$", body):
        cuts = [c.start() + 1 for c in re.finditer(r",", body)]  # "A, B, and C"
    else:
        return []
    bounds = [0, *cuts, len(body)]
    spans = [para.slice(m.end() + a, m.end() + b) for a, b in itertools.pairwise(bounds)]
    spans = [s.strip(" ;,.\n").sub_prefix(_POINT_OPENING).strip(" ") for s in spans]
    spans = [s for s in spans if len(s.text.split()) >= 2]
    return spans if len(spans) == want else []


#: What opens a point of a counted list: "and", "(1)", "first,", "second,".
_POINT_OPENING = re.compile(r"^(?:and\s+)?(?:\(\d\)\s*|(?:first|second|third|fourth|fifth)(?:ly)?,\s*)?",
                            re.I)


def _ordinal_list(para: Span) -> tuple[str, list[Span]] | None:
    """A list told in prose in one paragraph ("The reviewer draws three lessons. First, ...
    Second, ... Third, ..."): the sentence before its first two ordinal sentences, and every
    ordinal sentence from there on; None when the paragraph holds no such list."""
    sents = [(m.start(), m.group().strip()) for m in _SENTENCE.finditer(para.text) if m.group().strip()]
    for k, (_, sentence) in enumerate(sents[:-2]):
        if not (_ORDINAL.match(sents[k + 1][1]) and _ORDINAL.match(sents[k + 2][1])):
            continue
        spans = []
        for at, said in sents[k + 1:]:
            if not _ORDINAL.match(said):
                break
            lead = len(para.text[at:]) - len(para.text[at:].lstrip())
            spans.append(para.slice(at + lead, at + lead + len(said)))
        return sentence, spans
    return None


def ordinal_sentences(para: Span) -> list[Span]:
    """The ordinal sentences of a paragraph that announces them as learning or recommendations
    ("... three areas for learning. First, ... Second, ... Third, ..."); [] for any other."""
    listed = _ordinal_list(para)
    if listed is None or not (_LISTS_RECOMMENDATIONS.search(listed[0]) or _LISTS_LEARNING.search(listed[0])):
        return []
    return listed[1]


def _ordinal_items(entry: Entry, number: int, para: Span, kinds: set[str]) -> set[str]:
    """A list told in prose ("The reviewer draws three lessons from Jay's story. First, ...
    Second, ... Third, ..."): each ordinal sentence an item of what the sentence before it
    says it lists, when no labelled section gave that kind; the kinds added."""
    listed = _ordinal_list(para)
    if listed is None:
        return set()
    sentence, spans = listed
    kind = ("recommendations" if _LISTS_RECOMMENDATIONS.search(sentence)
            else "learning" if _LISTS_LEARNING.search(sentence) else None)
    if kind is None or kind in kinds:
        return set()
    entry.sections.append(Section(kind, None, number, spans, [Item(sp) for sp in spans]))
    return {kind}


def _announcer(lead: Span) -> tuple[str, Span | None]:
    """The sentence of a paragraph that announces a list told a paragraph a point: its last, or,
    when the paragraph goes on with the first point ("So what did we learn? The first thing is
    that ..."), the sentence before that point, and the point (to the paragraph's end)."""
    sents = [m for m in _SENTENCE.finditer(lead.text) if m.group().strip()]
    for j, m in enumerate(sents[1:], start=1):
        said = m.group().lstrip()
        if _ORDINAL.match(said):
            at = m.start() + len(m.group()) - len(said)
            return sents[j - 1].group(), lead.slice(at, len(lead.text.rstrip()))
    return (sents[-1].group() if sents else ""), None


def _ordinal_paragraphs(entry: Entry, paragraphs: list[tuple[int, Span]], kinds: set[str]) -> set[str]:
    """A list told in prose a paragraph a point ("The review set out three findings ..." /
    "First, ..." / "Secondly, ..." / "Thirdly, ...", as a speech or a transcript gives them):
    each ordinal paragraph an item of what the paragraph before says it lists, when no
    labelled section gave that kind; the kinds added."""
    for k, (lead_number, lead) in enumerate(paragraphs[:-2]):
        if not all(_ORDINAL.match(p.text) for _, p in paragraphs[k + 1:k + 3]):
            continue
        announced, first = _announcer(lead)
        kind = ("recommendations" if announced and _LISTS_RECOMMENDATIONS.search(announced)
                else "learning" if announced and _LISTS_LEARNING.search(announced) else None)
        if kind is None or kind in kinds:
            continue
        points = [(lead_number, first)] if first is not None else []
        for number, para in paragraphs[k + 1:]:
            if not _ORDINAL.match(para.text):
                break
            points.append((number, para))
        spans = [p for _, p in points]
        entry.sections.append(Section(kind, None, points[0][0], spans, [Item(sp) for sp in spans]))
        return {kind}
    return set()


#: (session 84) A bullet that asks an agency to act, in a recommendation's own form: "• GP
#: practices to follow up every child who ...", "• The hospital to notify the GP ...".
_BULLETED_ASK = re.compile(r"^[-•*▪]\s+(?P<ask>(?:The\s+|All\s+|Each\s+|Every\s+)?(?:[\w'’&-]+\s+){0,3}?"
                           r"(?:practices|services?|settings|hospitals?|partnership|board|police|schools?|"
                           r"council|CAMHS|GPs?|trusts?|teams?|authority|ICB|health\s+visitors|midwives|"
                           r"nurses|commissioners|agencies|providers|departments?)\s+to\s+[a-z]+\b.*)", re.I)


def _addressed_points(entry: Entry, paragraphs: list[tuple[int, Span]], kinds: set[str]) -> set[str]:
    """A run of two or more bullets under no label that each ask an agency to act ("• GP
    practices to follow up ...", "• The hospital to notify ...", after a review's account and its
    learning told in prose): the review's recommendations, when no section gave any."""
    if "recommendations" in kinds:
        return set()
    # (a bullet of a part the page labels is that part's, "Learning:" over "• Schools to ...")
    taken = [(b.start, b.end) for s in entry.sections if s.kind != "summary" for b in s.blocks]
    run: list[tuple[int, Span]] = []
    for number, para in paragraphs:
        if _BULLETED_ASK.match(para.text) and not any(a <= para.start < b for a, b in taken):
            run.append((number, para))
        elif run and len(run) < 2:
            run = []
        elif run:
            break
    if len(run) < 2:
        return set()
    spans = [p.slice(m.start("ask"), len(p.text)).strip(" .") for _, p in run
             if (m := _BULLETED_ASK.match(p.text))]
    starts = {p.start for _, p in run}
    for section in entry.section("summary"):  # (no longer the account's words)
        section.blocks = [b for b in section.blocks if b.start not in starts]
    entry.sections.append(Section("recommendations", None, run[0][0], spans, [Item(sp) for sp in spans]))
    return {"recommendations"}


#: (session 84) A paragraph that names itself a point of a list by its ordinal: "15. The first
#: learning point is that ...", "The second recommendation is that ...".
_SELF_NAMED_POINT = re.compile(r"^(?:\d{1,3}\.\s+)?(?P<point>The\s+(?:first|second|third|fourth|fifth|sixth|"
                               r"seventh|eighth|last|final)\s+(?P<noun>learning\s+point|lesson|finding|"
                               r"recommendation)\s+(?:is|was)\s+that\b)", re.I)
#: ... and one that counts them, then gives the first: "The reviewer made two recommendations.
#: The first is that ...".
_COUNTED_THEN_FIRST = re.compile(r"^(?:\d{1,3}\.\s+)?[^.]{0,80}\b(?:made|makes|identified|sets?\s+out)\s+"
                                 r"\w+\s+(?P<noun>recommendations|learning\s+points|lessons|findings)\.\s+"
                                 r"(?P<point>The\s+first(?:\s+one)?\s+(?:is|was)\s+that\b)", re.I)


def _self_named_points(entry: Entry, paragraphs: list[tuple[int, Span]], kinds: set[str]) -> set[str]:
    """Paragraphs that each name themselves a point ("The first learning point is that ...",
    "The second learning point is that ...", a summary's numbered paragraphs): each an item of
    the kind its noun names, two at least, when no labelled section gave that kind; the kinds
    added."""
    found: dict[str, list[tuple[int, Span]]] = {}
    for number, para in paragraphs:
        if m := _SELF_NAMED_POINT.match(para.text):
            kind = "recommendations" if m["noun"].lower() == "recommendation" else "learning"
            found.setdefault(kind, []).append((number, para.slice(m.start("point"), len(para.text))))
        elif m := _COUNTED_THEN_FIRST.match(para.text):
            # "18. The reviewer made two recommendations. The first is that ...": its first point
            kind = "recommendations" if m["noun"].lower().startswith("rec") else "learning"
            found.setdefault(kind, []).append((number, para.slice(m.start("point"), len(para.text))))
    added = set()
    for kind, points in found.items():
        if kind in kinds or len(points) < 2:
            continue
        spans = [p for _, p in points]
        entry.sections.append(Section(kind, None, points[0][0], spans, [Item(sp) for sp in spans]))
        added.add(kind)
    return added


#: A list run into a sentence after a colon: "The CMR made three findings: (i) ...; (ii) ...;
#: (iii) ...", its points marked by bracketed numerals or letters, the first "(i)", "(1)" or "(a)".
_ENUMERATION = re.compile(r"(?P<lead>[^.:;]{8,200}):\s*(?=\((?:i|1|a)\)\s)")
#: Its colon and first point alone, looked for first: a scan that costs one pass of the text,
#: where the lead's 8 to 200 characters are tried at every position of every paragraph (1.5 s
#: of the every-page build's extraction, session 54).
_ENUMERATION_START = re.compile(r":\s*\((?:i|1|a)\)\s")
_ENUMERATED_POINT = re.compile(r"\((?:[ivx]{1,4}|\d{1,2}|[a-h])\)\s+")
#: Where the sentence that holds such a list ends: a full stop before a capital, or its end.
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z])|\.?\s*$")


def _enumerated_items(entry: Entry, number: int, para: Span, kinds: set[str]) -> set[str]:
    """A list run into one sentence ("The CMR made three findings: (i) information ... did not
    reach ...; (ii) the referral was closed ...; (iii) ..."): each point an item of what the lead
    says it lists, when no labelled section gave that kind; the kinds added.  The list ends
    with its sentence."""
    m = _ENUMERATION.search(para.text) if _ENUMERATION_START.search(para.text) else None
    if m is None:
        return set()
    kind = ("recommendations" if _LISTS_RECOMMENDATIONS.search(m["lead"])
            else "learning" if _LISTS_LEARNING.search(m["lead"]) else None)
    if kind is None or kind in kinds:
        return set()
    end = _SENTENCE_END.search(para.text, m.end())
    stop = end.start() if end else len(para.text)
    marks = list(_ENUMERATED_POINT.finditer(para.text, m.end(), stop))
    if len(marks) < 2:
        return set()
    spans = [para.slice(a.end(), b.start() if b else stop).strip(" ;,.")
             for a, b in zip(marks, [*marks[1:], None], strict=True)]
    spans = [sp for sp in spans if sp.text]
    entry.sections.append(Section(kind, None, number, spans, [Item(sp) for sp in spans]))
    return {kind}


def _bullets_after(paragraphs: list[tuple[int, Span]]) -> list[Span]:
    """The bulleted lines that follow a sentence ending in a colon: its list."""
    out = []
    for _, para in paragraphs:
        if not _BULLET.match(para.text):
            break
        out.append(para)
    return out


def _paragraphs(lines: list[Line]) -> list[tuple[int, Span]]:
    """Lines joined where a sentence runs on into the next line (which starts in lower case),
    with the first line's number: a hard-wrapped paragraph read as one text."""
    out: list[tuple[int, list[Line]]] = []
    for line in lines:
        prev = out[-1][1][-1] if out else None
        if prev is not None and _continues(prev, line):
            out[-1][1].append(line)
        else:
            out.append((line.number, [line]))
    return [(n, Span.concat((Span.of(ln.text, ln.start) for ln in group), " ")) for n, group in out]
