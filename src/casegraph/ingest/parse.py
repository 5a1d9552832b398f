"""Split a source page into review entries, and each entry into labelled sections and items.

Driven by the shape of headings and labels, never by which file or site a page came from:
the NSPCC has used numbered digests, ``YYYY – Area – Name`` yearly lists, ``Month YYYY - Area -
Name`` lists, name-only headings and citation headings, with labels spelt many ways.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from casegraph.core.errors import CasegraphError
from casegraph.core.model import NUMBER_WORDS
from casegraph.core.textspan import Span
from casegraph.ingest.interchange import printed_date
from casegraph.ingest.sources import PUBLISHED_BY, RECORD_MARK, RECORD_MEDIA, TABLE_MEDIA, SourceText

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)
#: The months' three-letter abbreviations ("Jan", "Feb", ...), as feeds and datelines write them.
MONTH_ABBREVIATION = "|".join(m[:3].capitalize() for m in MONTHS)
#: A month's short name as dates write it: "Mar", "Sep" and "Sept" (one home for the registers'
#: "Dec 2022" and a post's "12 Feb 2024").
MONTH_SHORT = rf"(?:{MONTH_ABBREVIATION})(?:t(?<=Sept))?"
#: The most items one section of an entry may have (the probe's entry of 100,000
#: recommendations ran for minutes); published summaries list a handful.
MAX_ITEMS = 2_000
_DASH = r"(?:\s*[–—]\s*|\s+--\s+|\s+-\s*|\s*-\s+)"  # ((session 70) a typewriter's " -- ")
YEAR = r"(?:19[4-9]\d|20\d\d)"

# ``2016 – Anonymous – Child BS``, ``2018 - Anonymous- Children F, G and H``,
# ``2012Ceredigion – Child J``, ``December 2013 - Derbyshire - BDS12``, ``2022 – Baby T``
_LIST_HEADING = re.compile(
    rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?={_MONTH_RE}))?(?:(?P<month>{_MONTH_RE})\s+)?"
    rf"(?P<year>{YEAR})(?:{_DASH}|\s*(?=[A-Z]))(?P<rest>\S.*?)\s*$")
#: ``03/03/2023 — Child O (LCSPR)``, ``2021-11-30 — Baby N``: a list of reviews by numeric date.
_NUMERIC_DATE_HEADING = re.compile(
    rf"^(?:\d{{1,2}}[/.](?P<month>\d{{1,2}})[/.](?P<year>{YEAR})|(?P<year2>{YEAR})-(?P<month2>\d\d)-\d\d)"
    rf"{_DASH}(?P<rest>\S.*?)\s*$")
#: "Baby E — Cardiff and Vale, Wales": a name, a dash, then where (and the nation after a comma).
_NAME_PLACE = re.compile(
    r"^(?:Child|Baby|Young\s+person|Children)\s+[A-Z][\w ]{0,20}?\s+[–—-]\s+"
    r"(?P<area>(?-i:[A-Z][a-z]+(?:\s+(?:and\s+|upon\s+|on\s+)?[A-Z][a-z]+){0,3}))(?:,\s*[A-Z][\w ]+)?$")
#: A Northern Ireland trust's area in a heading's closing bracket: "6.1 Baby H (Southern HSC Trust
#: area)", "CMR - Grace (Western HSC Trust)": the review's area, nearer than the board's nation.
TRUST_AREA = (r"(?P<area>(?:Belfast|Northern|Southern|South\s+Eastern|Western)\s+"
              r"(?:(?:HSC|Health\s+and\s+Social\s+Care)\s+)?Trust)(?:\s+area)?")
_TRUST_BRACKET = re.compile(rf"\({TRUST_AREA}\)\s*$")
_BRACKET_YEAR = re.compile(rf"^(?P<name>[^()]{{2,60}}?)\s*\((?P<year>{YEAR})\)$")
#: Documents about reviews in general ("5. Rapid Review Guidance for Partners") and a report's
#: own parts: headings that name reviews but are not one.
ABOUT_REVIEWS = re.compile(r"\b(?:guidance|procedures?|polic(?:y|ies)|protocols?|templates?|"
                           r"terms\s+of\s+reference|toolkit|handbook|leaflet)\b"
                           # a report's own part: "2. Circumstances leading to the review"
                           r"|\b(?:circumstances|events|background|reasons?)\s+(?:leading|that\s+led)\s+to\b"
                           # "1. Why a Learning Review was held", "Why this review was commissioned"
                           r"|^why\s+(?:a|an|the|this)\b.{0,40}\breview\s+was\s+"
                           r"(?:held|commissioned|undertaken|conducted|carried\s+out|needed)\b"
                           # (session 46) a briefing's "4. WHY WE DID A REVIEW"
                           r"|^why\s+(?:we|the\s+\w+)\s+(?:did|held|commissioned|carried\s+out|"
                           r"undertook|conducted)\s+(?:a|an|the|this)\b.{0,30}\breview\b"
                           r"|^(?:the\s+)?review\s+(?:process|methodology|team|panel)$"
                           # "review" as a verb: a recommendation ("1. The Committee to review
                           # the notification pathway"), not a review's heading
                           r"|\b(?:to|should|will|must|shall)\s+review\s+(?:the|its|their|all|how|whether)\b",
                           re.I)
_LINE_ENTRY = re.compile(rf"^(?P<name>[^()]{{2,60}}?)\s*\((?P<year>{YEAR})\)\s*{_DASH}\s*(?P<rest>\S.*)$")
_BRACKET_META = re.compile(r"^(?P<name>[^()]{2,60}?)\s*\((?P<meta>[^()]*,[^()]*)\)$")
_AREA_YEAR_HEADING = re.compile(
    rf"^(?P<area>[A-Z][^–—\d]{{1,50}}?){_DASH}(?P<year>{YEAR}){_DASH}(?P<rest>\S.*?)\s*$")
#: "Child W", "Baby Q", "Children D and G": a pseudonym of the catalogue kind, anywhere in a title.
# (Welsh "Plentyn"; session 42: "Siblings A and B", "Twins X and Y" name children too)
_CHILD_ID = re.compile(r"\b(?:Child|Baby|Children|Plentyn|Siblings?|Twins|Sisters|Brothers)\s+"
                       r"(?-i:[A-Z]{1,3}\d?)\b")
_CAPITAL_NAME_WORD = re.compile(r"\b(?:CHILD(?:REN)?|BABY|PLENTYN)(?=\s+[A-Z]{1,3}\d?\b)")
#: A pseudonym's letters in quotes after its name word: "Child 'D'", "CHILDREN 'E' AND 'F'".
_QUOTED_LETTER = re.compile(r"['‘’]([A-Z]{1,2})['’]")
_QUOTED_LETTERS = re.compile(r"\b(?i:child(?:ren)?|baby)\s+['‘’][A-Z]{1,2}['’]"
                             r"(?:(?:,\s*|\s+(?i:and)\s+)['‘’][A-Z]{1,2}['’])*")


def name_words_cased(text: str) -> str:
    """A pseudonym's name word in capitals as it is written in prose: a cover or a heading in
    capitals ("LEARNING REVIEW: CHILD K", "CHILD W – Local ... Review") names "Child K"; (session
    71) a pseudonym's letter in quotes is the letter ("REVIEW - CHILD 'D'", "CHILDREN 'E' AND
    'F'": a DOS-era summary's title names Child D, Children E and F)."""
    text = _QUOTED_LETTERS.sub(lambda m: _QUOTED_LETTER.sub(r"\1", m.group()), text)
    text = _CAPITAL_NAME_WORD.sub(lambda m: m.group().capitalize(), text)
    # (session 47) "CHILDREN A, B AND C", "CHILD A AND CHILD B": the list's "and" too
    return _CAPITAL_NAME_LIST.sub(lambda m: m.group().replace(" AND ", " and "), text)


#: A list of pseudonyms in capitals joined by "AND", once its name words are cased.
_CAPITAL_NAME_LIST = re.compile(r"\b(?:Children|Child|Baby)\s+[A-Z]{1,3}\d?(?:,\s*[A-Z]{1,3}\d?)*"
                                r"(?: AND (?:(?:Child|Baby)\s+)?[A-Z]{1,3}\d?\b)+")


#: (a report's section letter may stand before the number, "B2. Child T - ...", but not a
#: quiz's "Q2. What could have happened to Child G?")
_NUMBERED_HEADING = re.compile(r"^(?:(?:Learning\s+)?Box\s+|Case\s+study\s+|(?-i:[A-PR-Z])(?=\d))?"
                               # ((session 63) a repository listing's "[1] Theo: national ...";
                               # (session 69) a library's additions "#2  Child T | Concise ...",
                               # two spaces after: "#1 priority" is a hashtag's words)
                               # (session 70) a repository's "(1) Child J -- Local child ...")
                               # ((session 86) a typeset section's number set apart from its
                               # title by space alone: pdflatex's "1    CMR: Orla")
                               r"(?:(?P<open>\[)|(?P<paren>\()|(?P<hash>\#))?(?P<num>\d{1,3})"
                               r"(?(open)\]\s+|(?(paren)\)\s+|(?(hash)\s{2,}|(?:[.):]\s+|\s{3,}(?=[A-Z])))))"
                               r"(?P<title>\S.*?)\s*$")
#: A row of a paper's table of included reviews, numbered "B1." or "12.", ending "published 2020."
_APPENDIX_ROW = re.compile(rf"^(?:[A-Z])?(?P<num>\d{{1,3}})\.\s+(?P<title>[^:]{{10,200}}?,\s+published\s+"
                           rf"(?:in\s+)?(?:(?:{_MONTH_RE})\s+)?(?P<year>{YEAR}))\.?$")
# ``Child I. Northamptonshire: Northamptonshire Safeguarding Children Board. Smith, J (2014)``
_CITATION_HEADING = re.compile(
    rf"^(?P<name>[^.:]{{1,40}})\.\s+(?P<area>[^:.]{{2,60}}):\s*(?P<body>.*?)\(\s*(?P<year>{YEAR})\s*\)\.?$")
#: Words that make "Child ..." a topic, not a pseudonym: "Child Practice Reviews", "Child
#: Protection", "Baby Loss" (one home; ingest.document's pseudonym pattern uses it too).
TOPIC_WORDS = (r"(?:Practice|Protection|Safeguarding|Care|Death|Deaths|Review|Reviews|Services|"
               r"Social|Health|Mental|Sexual|Criminal|Exploitation|Abuse|Development|Loss|Poverty|"
               r"Sleep|Neglect|Welfare|Rights|Voice)")
_NAME_WORDS = (r"(?:Child(?:ren)?|Baby|Babies|Infant|Young (?:person|people)|Sibling(?:s)?|Plentyn|"
               r"Family|Families|Adolescent|Boy|Girl|Brothers|Sisters|Twins)")
_NAME_HEADING = re.compile(
    rf"^(?P<title>(?:{_NAME_WORDS})\b(?![’']s\b)(?!\s*[,:|])(?!\s+(?!group\b)[a-z])(?!\s+{TOPIC_WORDS}\b)"
    # (a long one only when dashes part its fields: "Child O and Child P – Case Management Review –
    # Western HSC Trust area – published February 2024"; a sentence wrapped at 90 characters is none);
    # a quoted name, its words capitalised ("'Henry'", "'Cal' and 'Dee'"): "'We owe it to him'",
    # a quotation used as a sub-heading, is not one
    rf"(?:[^.;!?]{{0,80}}|(?=[^.;!?]*\s[–—]\s)[^.;!?]{{81,120}})|['‘“\"][A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){{0,2}}['’”\"][^.;!?]{{0,60}})$")
# A lower-case word after the name word makes a topic, not a pseudonym ("Child exploitation:
# an introduction", "Children in care").
# A name-only heading ("Baby C") is believed only when the next line reads like the account of
# a case, so a navigation item such as "Children in care" above a paragraph is not an entry.
_CASE_ACCOUNT = re.compile(
    r"\d|\b(died|death|injur\w*|abus\w*|neglect\w*|harm\w*|assault\w*|killed|exploit\w*|"
    r"murder\w*|suicide|review)\b", re.I)
#: A case management review (Northern Ireland's) by its letters: not among _REVIEW_WORDS, whose
#: other users read "CMR" in a note's list line or a link as no review's title.
_CMR = re.compile(r"\bCMR\b")
_REVIEW_WORDS = re.compile(
    # ((session 79) Wales's multi-agency professional forum, a review of type RT-MAR)
    r"\b(review|SCR|LCSPR|CSPR|CPR|case management|learning lessons|professional forum)\b", re.I)
#: The date line of a news feed's item (RFC 822): "Tue, 05 Mar 2024 09:00:00 +0000" (the
#: feed reader writes an Atom entry's RFC 3339 date so too: sources._feed_date).
_FEED_DATE = re.compile(rf"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{{1,2}}\s+(?P<month>{MONTH_ABBREVIATION})\s+"
                        rf"(?P<year>{YEAR})\s+\d\d:\d\d(?::\d\d)?\s+(?:[+-]\d{{4}}|GMT|UTC)$")
#: The words a line that stops mid-sentence ends on ("... experiences of a", "His father, whose
#: first language was"): the one list of them, for _CUT_OFF and RUNS_ON.
_CUT_OFF_WORDS = (r"a|an|the|of|in|to|and|or|with|who|whose|that|which|by|for|from|her|his|"
                  r"was|were|is|are|had|has|have|been|their|its")
#: A line that ends in a word no heading ends in: a wrapped sentence's first line (those words,
#: and more a heading never ends on: "... assaulted her mother while").
RUNS_ON = re.compile(rf"\s(?:{_CUT_OFF_WORDS}|on|at|into|than|when|while|as|because|after|before|until|"
                     r"but|our)$")  # (lower case: "Child A" ends a heading)
#: A line that ends in a month's name, its year on the next line.
_ENDS_IN_MONTH = re.compile(rf"\s(?:{_MONTH_RE})$")
#: A pseudonym and a comma opening a sentence: "Baby R, a five-month-old girl, ...".
_APPOSITION = re.compile(rf"^(?:{_NAME_WORDS})\s+[A-Z]{{1,3}}\d?,\s")
#: A sentence that opens with a child's name and its verb: "Child V is a 16-year-old girl ...".
_NAME_SENTENCE = re.compile(rf"^(?:{_NAME_WORDS})\s+[A-Z]{{1,3}}\d?\s+(?:is|was|had|has|were|are|died|lived|"
                            r"suffered|sustained|became)\s")

#: The head of a label for where a review is from: a place, or the body that published it.
_AREA_HEAD = (r"location|(?:local\s+)?area(?:\s+name)?|local\s+government\s+district|"
              r"(?:hsc\s+)?trust(?:\s+area)?|partnership|local\s+authority|board|"
              r"region|(?:local\s+)?council(?:\s+area)?|"
              r"(?:local\s+)?safeguarding\s+(?:children\s+)?(?:board|partnership)|lscb|lscp|"
              r"cpc|child\s+protection\s+committee|"
              # (session 61) a catalogue's "Published by: Sefton Safeguarding Children Partnership"
              r"published\s+by|"
              # (session 54) a SAS listing's "LA", a data set's local authority
              r"(?-i:LA|La)")

#: How many, in a label that counts its list: "Five learning points", "3 recommendations".
_COUNT_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}"

#: (session 82) An e-mail's sign-off, a label whose section is the sender's signature.
_SIGN_OFF_WORDS = r"(?:with\s+)?(?:(?:kind|best|warm|many)\s+)?(?:regards|thanks|wishes)|thank\s+you"

# Section labels.  Heads are matched case-insensitively and may be followed by a qualifier
# ("to the partnership"), a verb ("include", "focuses on") and doubled colons.
_LABEL_HEADS: list[tuple[str, str]] = [
    # a thematic page's learning drawn from all its reviews, after the last of them: each
    # review's learning ("Common learning across the three reviews", parse._share_learning)
    (r"(?:common|shared)\s+(?:learning|lessons|themes)(?:\s+(?:across|from)\s+(?:the\s+|all\s+|"
     r"these\s+)*(?:\w+\s+)?(?:reviews|cases|CMRs|C?SPRs))?|learning\s+(?:across|common\s+to)\s+"
     r"(?:the\s+|all\s+|these\s+)*(?:\w+\s+)?(?:reviews|cases)", "shared-learning"),
    (r"learning\s+and\s+recommendations", "learning+recommendations"),
    (r"recommendations\s+and\s+learning", "learning+recommendations"),
    # "Key learning for DSLs", "Learning for NHS Grampian staff": learning, and whom it is for
    # ((session 71) a podcast's show notes, "Key learning from Child L:", the review's child)
    (r"key\s+learning(?:\s+points)?(?:\s+for\s+[^:;.?]{1,40}?|\s+from\s+(?-i:(?:Child|Baby)\s+[A-Z]{1,3}\d?"
     r"|[A-Z][a-z]{1,15}))?", "learning"),
    (r"learning\s+(?:themes|points|identified)", "learning"),
    # (session 83) an annual report's "Its learning, in one line: workers who know ... should ask"
    (r"(?:its|the\s+review['’]s)\s+learning(?:,\s+in\s+(?:one|a)\s+(?:line|sentence))?", "learning"),
    # (session 82) a newsletter's points for its readers under each review: "For GPs:"
    (r"for\s+(?:all\s+)?(?:GPs|general\s+practice|practice\s+(?:staff|nurses)|health\s+visitors|midwives|"
     r"teachers|DSLs|designated\s+safeguarding\s+leads|frontline\s+practitioners)", "learning"),
    # (session 51) a summary's "Five learning points", "Three recommendations" over its list
    (rf"(?:{_COUNT_WORDS})\s+(?:key\s+)?(?:learning\s+points|lessons(?:\s+learned)?)", "learning"),
    (rf"(?:{_COUNT_WORDS})\s+(?:key\s+)?recommendations", "recommendations"),
    # (session 41) "Learning agreed by the partnership:", "Learning shared with schools:"
    (r"learning\s+(?:agreed|shared|identified)\s+(?:by|with)\s+[^:;.?]{1,40}?", "learning"),
    # ("Key themes" over paragraphs, each opening with its theme: "Seeing the whole household.")
    (r"(?:key|main)\s+themes(?:\s+(?:identified|from\s+the\s+review))?", "learning"),
    # a deck's numbered learning slides: "Learning 2", "Learning point 3", "Learning 1 of 4"
    (r"learning\s+(?:point\s+)?\d{1,2}(?:\s+of\s+\d{1,2})?", "learning"),
    # ("Learning from case one"; never "Learning from Family M" or "Learning from a local
    # review: Child O", a review's own heading, nor (session 47) a page's title "Learning from
    # reviews", over the reviews)
    # "Learning - questions for practitioners": the learning, put as questions
    (r"learning\s+[–—-]\s+(?:questions|points|messages|themes)(?:\s+for\s+[^:;.?]{1,30}?)?", "learning"),
    # ((session 82) but "Learning from the review: nobody asked ..." is this review's own)
    (r"learning(?:\s+for\s+(?![^:;.?]*\breview)[^:;.?]{1,40}?|"
     r"\s+from\s+(?![^:;.?]*\breview)(?-i:[a-z])[^:;.?]{1,40}?|\s+from\s+(?:the|this)\s+review)?",
     "learning"),
    # (session 54) "Key lessons"; (session 71) a Part 8 summary's "LESSONS FOR AGENCIES"
    # (session 82) and its one "Lesson:" ("Lesson: the GP and the health visitor saw ...")
    (r"(?:key\s+|main\s+)?lessons?(?:\s+learn(?:ed|t))?(?:\s+for\s+(?:all\s+)?(?:agencies|practice|practitioners))?",
     "learning"),
    # (session 56) a newsletter writer's "What struck me:" / "What stood out:" over the points
    (r"what\s+(?:struck|stood\s+out\s+(?:to|for))\s+me|what\s+stood\s+out", "learning"),
    # (session 68) a podcast episode's show notes: "What we discuss:" over the learning points
    # ((session 86) or "Key points:")
    (r"what\s+we\s+(?:discuss|cover|talk\s+(?:about|through))|key\s+points", "learning"),
    # (session 73) a practice note's "What practitioners should take from it"
    (r"what\s+(?:practitioners|professionals|staff|we|you)\s+(?:should|can|must|need\s+to)\s+take\s+"
     r"(?:away\s+)?from\s+(?:it|this(?:\s+review)?|the\s+review)", "learning"),
    # (session 73) a podcast master's show notes: "Learning discussed in this episode"
    (r"learning\s+(?:discussed|covered|explored)(?:\s+in\s+(?:this|the)\s+(?:episode|session|podcast|"
     r"webinar|recording))?", "learning"),
    # (session 47) the national Panel's "The Panel's findings" over its points
    # (session 48) "The report's three findings are:" over its points
    (r"(?:the\s+)?(?:review|panel|report)['’]s\s+(?:(?:two|three|four|five|six|seven|\d{1,2})\s+)?"
     r"(?:key\s+|main\s+)?(?:learning|findings|lessons)(?:\s+(?:are|were))?", "learning"),
    # the Welsh child practice review report's template: "Practice and organisational learning"
    (r"(?:practice\s+and\s+)?organisational\s+learning", "learning"),
    # ((session 84) a board paper's "Key issues for the Trust:", and whom they are for)
    (r"key\s+issues(?:\s+for\s+[^:;.?]{1,40}?)?", "learning"),
    # (session 48) a page's own names for the learning: "Where the review landed", "Reflections"
    (r"where\s+the\s+review\s+landed|(?:key\s+)?reflections", "learning"),
    # "The review posed four questions for practitioners:" over them: its learning, as questions
    (r"(?:the\s+)?(?:review|report|panel)\s+(?:posed|poses|asks|asked|raised|raises|sets\s+out)\s+"
     r"(?:(?:two|three|four|five|six|\d{1,2})\s+)?(?:key\s+)?questions(?:\s+for\s+[^:;.?]{1,40}?)?",
     "learning"),
    (r"issues(?:\s+identified)?", "learning"),
    # one case's "Issue:" in a briefing's table of cases is what happened (its learning is
    # "Learning:"); "Issues identified" above are a review's findings
    (r"(?:presenting\s+)?issue", "summary"),
    # a record's "Child: "Baby O", a boy aged seven weeks": who the child was, and the account
    # that follows it; a GOV.UK summary list's "About: S, a 16-year-old boy" says the same
    # ("Children: Safeguarding", a parliamentary question's title, is none)
    # (session 55) a form's question "Child or children (pseudonym, sex and age as in the
    # report)", a coding frame's "Child 1 pseudonym"
    (r"child(?:\s+or\s+children)?|about|child\s+\d{1,2}\s+pseudonym", "summary"),
    # (session 47) an archive's description of a file (ISAD(G)'s "Scope and content")
    (r"scope\s+and\s+content", "summary"),
    # (session 51) a library catalogue record's "Abstract:", written by its staff from the report
    # ((session 86) and a headless CMS's entry's "Body:", its rich text: Contentful's)
    (r"abstract|body", "summary"),
    # (session 75) a practice hub's admonition box over a review's facts and account: "At a
    # glance" / "Published: February 2024 · Type: learning review" (never a review's title)
    (r"at\s+a\s+glance|(?:key|quick)\s+facts", "summary"),
    # and its "Place:", where the review was held (its "Corporate body:" may be a regional board)
    (r"place", "area"),
    # ("Our findings", the national panel's own heading on GOV.UK)
    (r"(?:our\s+)?(?:key\s+)?findings(?:\s+and\s+(?:key\s+)?learning)?|"
     r"(?:key\s+)?learning\s+and\s+(?:key\s+)?findings", "learning"),
    # (session 59) a briefing's "6. What this means for you" after its learning: what its reader
    # should do now, discussion of practice, not the review's learning a second time
    (r"what\s+(?:this|it)\s+means\s+for\s+(?:you|your\s+(?:practice|team|work))", "discussion"),
    (r"what\s+did\s+the\s+review\s+find\??|what\s+does\s+this\s+mean\s+for\s+practice\??|"
     r"what\s+(?:can|should)\s+we\s+learn\??|what\s+we\s+(?:can\s+|have\s+)?learn(?:ed|t)?|"
     r"what\s+(?:this|it)\s+(?:means|tells\s+us)(?:\s+for\s+[\w\s]{1,30}?)?|"
     # "Three key messages for officers": counted, and whom they are for
     r"(?:the\s+)?(?:(?:two|three|four|five|six|seven|\d{1,2})\s+)?(?:main|key)\s+(?:practice\s+)?messages?"
     r"(?:\s+for\s+[^:;.?]{1,30}?)?|"
     # "Messages for practice", "Practice messages": a briefing's learning under another name
     r"messages\s+for\s+(?:practice|practitioners|professionals|staff|managers)|practice\s+messages|"
     r"key\s+take-?aways?|(?:some\s+|three\s+|two\s+|four\s+)?(?:things|points)\s+to\s+take\s+away|"
     r"what\s+did\s+we\s+learn\??|"
     # (session 41) "What DSLs need to know:", "What are the key lessons?" (an FAQ's question)
     r"what\s+(?:[\w'’]+\s+){1,2}need\s+to\s+know\??|"
     # (session 43) "What the review says we all need to learn"
     r"what\s+(?:the\s+review\s+says\s+)?(?:we|you|agencies|professionals)\s+(?:all\s+)?need\s+to\s+learn\??|"
     r"what\s+we\s+(?:want|would\s+like)\s+you\s+to\s+(?:take\s+away|know|remember)(?:\s+from\s+this)?|"
     r"what\s+(?:are|were)\s+the\s+(?:key\s+|main\s+)?(?:lessons|learning\s+points)\??|"
     # (session 81) a recorded briefing's "So what is the learning?", and its "The learning, in a
     # sentence: ..." before the one point it makes
     r"(?:so\s+)?what\s+(?:is|was)\s+the\s+(?:key\s+|main\s+)?learning(?:\s+here)?\??|"
     r"(?:the\s+)?learning,?\s+in\s+(?:a|one)\s+(?:sentence|line)|"
     r"what\s+should\s+(?:practitioners|professionals|we|you|staff|managers)\s+do\??|"
     r"what\s+(?:we|they|agencies|services|professionals)\s+(?:should|could)\s+have\s+done\s+differently\??|"
     r"what\s+(?:should|could)\s+have\s+been\s+done\s+differently\??|"
     # (session 45) a 7-minute briefing's pair: "What went well" (good practice, no learning
     # point) and "What could have been better" (its learning)
     r"what\s+(?:could|should)\s+(?:have\s+been|be)\s+(?:done\s+)?better\??|"
     r"what\s+(?:should|could|would|might)\s+(?:we|they|agencies|services|professionals)\s+have\s+done\s+"
     r"differently\??|"
     r"what\s+the\s+review\s+(?:(?:told|tells|taught|teaches|showed|shows)\s+(?:us|me|them)|learn(?:ed|t|s))|"
     # (session 59) "What the review says to children's homes": the learning, and whom it is for
     r"what\s+the\s+review\s+(?:said|says)(?:\s+(?:about|to)\s+[^:;.?]{1,30})?", "learning"),
    (r"what\s+did\s+we\s+know\??", "background"),
    (r"improvement\s+actions|what\s+will\s+change\??|what\s+(?:needs\s+to|must)\s+change\??|"
     r"actions?\s+(?:agreed|taken)|actions|what\s+we\s+ask(?:\s+of\s+you)?|"
     r"actions?\s+from\s+the\s+review|next\s+steps|"
     r"what\s+(?:we|partners|agencies|the\s+(?:partnership|board|committee|panel|trust|council))\s+will\s+do"
     r"(?:\s+(?:next|now|differently))?|"
     r"improving\s+systems\s+and\s+practice|"  # (the Welsh template's actions)
     r"what\s+(?:the\s+(?:review|reviewers?|panel)|we)\s+(?:recommended|recommends|asked\s+for)|"
     # (session 41) an FAQ's question: "What does the review recommend?"
     r"what\s+(?:does|did)\s+the\s+(?:review|reviewers?|panel)\s+recommend\??|"
     r"(?:what\s+)?we\s+did", "recommendations"),  # "You said: ... / We did: ..." pages
    (r"you\s+said", "other"),
    # (session 83) a mind map's "Agencies in scope" branch under its recommendations: who was
    # involved, no recommendation
    (r"agencies\s+(?:in\s+scope|involved)", "other"),
    # (session 82) an e-mail's sign-off ("Thanks," over "LSCB Business Manager"): its signature,
    # no point of the learning above it
    (_SIGN_OFF_WORDS, "other"),
    # (session 64) a tracker's action plan status ("Action plan RAG: Amber"): the board's
    # progress on the recommendations, none of them
    (r"(?:action\s+plan\s+)?RAG(?:\s+(?:rating|status))?", "other"),
    # a briefing's closing part on what the board has done since ("What happens now?": "Since the
    # review the Board has already run a campaign ..."): no recommendation of the review
    # (session 67) and a seven-minute briefing's "What has changed" ("A new exploitation panel
    # meets every fortnight."), what was done since, not what the review recommended
    (r"what\s+happens\s+(?:now|next)\??|what\s+has\s+changed\??", "other"),
    # an FAQ's question about the report itself ("Where can I read the report?"): no learning
    (r"where\s+can\s+(?:i|you|we)\s+(?:read|find|get)\s+(?:the\s+|a\s+copy\s+of\s+the\s+)?"
     r"(?:full\s+)?(?:report|review|summary)\??", "other"),
    # a briefing note's own closing part, addressed to whoever reads it ("4. Action requested")
    (r"(?:actions?|decisions?)\s+(?:requested|required|sought)", "other"),
    # What went well in the case: text of the case, not its account of harm or its learning.
    (r"good\s+practice|what\s+went\s+well|strengths", "other"),
    # the Welsh template's closing parts: the reviewers' and the chair's signed statements
    (r"statement\s+by\s+(?:the\s+)?(?:reviewers?(?:\s*\(s\))?|chair)(?:\s+of\s+the\s+review\s+panel)?|"
     r"child\s+practice\s+review\s+process", "other"),
    # Briefings' general parts ("Why it matters", "Risks", "Questions"): discussion of practice,
    # read as learning (never the account of the case) but not counted as learning points.
    # (session 61: "Why this matters": "Across the UK, dog attacks have caused the deaths of
    # young children", no fact of the case)
    # (session 64) a summary's "For discussion": "Who lives with the children you work with?"
    (r"why\s+(?:it|this)\s+matters|research|discussion\s+questions|questions\s+for\s+discussion|"
     r"for\s+(?:discussion|reflection)|"
     # (session 77) a seven-minute briefing's "6. Reflect" over its questions
     r"reflect(?:ions?)?|"
     # (session 41) "7. QUESTIONS TO ASK YOURSELF" in a seven-minute briefing
     r"questions\s+to\s+ask(?:\s+(?:yourself|yourselves|your\s+team|ourselves))?|"
     r"(?:reflective\s+)?questions(?:\s+to\s+consider|"
     r"\s+for\s+(?:your|the)?\s*(?:next\s+)?(?:team(?:\s+meetings?)?|practice|practitioners|managers|you|"
     r"reflection))?|"
     r"things\s+to\s+consider", "discussion"),
    (r"(?:family|case|child['’]?s?)\s+background|background(?:\s+to\s+the\s+(?:case|review))?|the\s+family",
     "background"),
    # Partnership learning briefings: "The Incident", "Safeguarding Concerns", "The Review".
    # (session 62) a web page's "The children" over who the siblings were and what happened
    (r"the\s+incident|the\s+(?:children|siblings)", "summary"),
    # A report's account of why it was held is the account of the case ("1. Why a Learning
    # Review was held", "Reasons for the review").
    # ("Why a review?", "3. WHY A LEARNING REVIEW": a seven-minute briefing's third part)
    (r"why\s+(?:a|an|this)\s+(?:[\w\s]{0,30}?review|CMR|SCR|C?SPR|LCSPR|CPR)\??", "summary"),
    (r"why\s+(?:a|an|the|this)\s+(?:[\w\s]{0,30}?review|CMR|SCR|C?SPR|LCSPR|CPR)\s+was\s+(?:held|commissioned|undertaken|"
     r"conducted|carried\s+out|needed)|reasons?\s+for\s+(?:the|this)\s+review", "summary"),
    (r"safeguarding\s+concerns", "background"),
    # a briefing's dated account of the case: "Key dates", "Timeline of events", "Chronology"
    (r"key\s+(?:dates|events)|timeline(?:\s+of\s+(?:key\s+)?events)?|"
     r"chronology(?:\s+of\s+(?:key\s+)?events)?", "background"),
    # a tracker's "Factors identified", "Risk factors", "Concerns": what was found in the family
    (r"(?:risk\s+)?factors(?:\s+identified)?|concerns(?:\s+identified)?|vulnerabilities", "background"),
    # what the review found in this case ("Mr Z was never seen or assessed ..."): its account,
    # whose facts count; and, when the review gives no learning under another label, its
    # learning points too ("WHAT WE FOUND" over "- Fathers ... must be identified"): see
    # extract.extractor ("Key findings", general findings, stay learning)
    # (session 42) "The Panel found:" over its points
    # (session 54) "What the review highlights" over its bullets
    # (session 70) "What the Panel found" over its points (a national review's)
    (r"what\s+(?:the\s+review|we|the\s+reviewers?|the\s+panel)\s+(?:found|saw|noticed|highlight(?:s|ed)|identified)|"
     # (session 49) "4.3 The reviewers found that:" over its lettered points
     # (session 58) "The reviewer highlighted:" over its points
     r"the\s+(?:review|reviewers?|panel|CMR|SCR|LCSPR)\s+(?:found|highlighted|identified)(?:\s+that"
     # (session 85) "The Panel found four things:" over its numbered points
     # (not a caption's sentence, "The review found three things.", over "First, ...")
     r"|\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:things|issues|problems|themes)"
     r"(?!\s*\.))?",
     "findings"),
    (r"the\s+reasons\s+for\s+this", "background"),
    # (session 88) an annual report's "What the review did not find" over what it ruled out
    # ("any sign that alcohol or drugs played a part"): each concept there is denied
    (r"what\s+(?:the\s+review|the\s+reviewers?|the\s+panel|we)\s+(?:did\s+not|didn['’]t)\s+find|"
     r"what\s+(?:the\s+review|the\s+panel|we)\s+ruled\s+out|(?:not\s+found|ruled\s+out)",
     "not found"),
    # (session 88) a list of the services a family was offered: each concept there names a
    # service ("a domestic abuse outreach service"), no fact of the case
    # ("Services the family were offered in 2023 (none were taken up)")
    (r"(?:(?:services|support)\s+(?:that\s+)?(?:the\s+family|the\s+parents?|(?:she|he|they))\s+"
     r"(?:had\s+been|was|were)\s+offered|(?:services|support)\s+offered(?:\s+to\s+the\s+family)?)"
     r"(?:\s+in\s+\d{4})?(?:\s*\([^()]{1,60}\))?",
     "services offered"),
    (r"the\s+review|review\s+findings", "learning"),
    # ("Recommendations relevant to the Trust": a briefing's choice of a review's recommendations)
    # (a tracker's "Key recommendations": those it quotes of a review's)
    # ("Recommendations and progress", "Recommendations and actions": a tracker of them)
    # (a board's or a deck's numbered ones: "Recommendation 2", "Recommendation 1 of 3")
    (r"(?:(?:key|main)\s+)?(?:review\s+)?(?:recommendations?|recs)"
     r"(?:\s+\d{1,2}(?:\s+of\s+\d{1,2})?|\s+(?:to|for|relevant\s+to|applicable\s+to)\s+[^:;.]{1,60}?|"
     r"\s+and\s+(?:progress|actions?|responses?|status|updates?|"
     # (session 49) "Recommendations and the Board's response"
     r"(?:the\s+)?(?:partnership|board|committee|trust|panel)['’]?s\s+response)"
     # (session 48) a map layer's "Recs shown": those it quotes of a review's
     r"|\s+(?:shown|quoted|listed|highlighted|selected)"
     # (session 65) an Asciidoctor block title over a list, "Recommendations include", the
     # rest counted under it ("The review made 11 recommendations in total.")
     r"|\s+(?:include|including)"
     # (session 51) a note's "Recs (4) – the two relevant to us"
     r"|\s*\(\d{1,2}\)(?:\s*[–—-]\s*[^:;.]{1,40}?)?"
     # (session 55) a Stata case sheet's "Recommendations stated in report: 8" over the ones listed
     # (session 58) an RDF export's "Recommendation count: 6" (lv:recommendationCount)
     r"|\s+stated(?:\s+in\s+(?:the\s+)?report)?|\s+count)?",
     "recommendations"),
    # (session 82) a briefing's part in capitals, "6. THE REVIEW MADE THREE RECOMMENDATIONS:", over
    # its numbered ones (a sentence, "The review made 3 recommendations:", is a lead-in, no label)
    (r"(?:makes\s+recommendations(?:\s+(?:to|for|on)\s+[^:;.]{1,60}?)?|(?-i:THE\s+(?:REVIEW|PANEL|CMR|SCR|"
     r"LCSPR|CSPR)\s+(?:MAKES|MADE)\s+(?:[A-Z\d]+\s+)?RECOMMENDATIONS))", "recommendations"),
    # (session 47) an archive's description (ISAD(G), AtoM): its "Subject access points"
    # (session 51) a library catalogue's "Subjects:"; a coder's "Themes:" stay the case's text,
    # whose facts the labellers of devlocal58 and devlocal61 counted (as keywords, they were lost)
    (r"keywords?|key\s+words|tags|topics|subject\s+(?:access\s+points|headings?|terms)|subjects",
     "keywords"),
    (r"model|methodology|review\s+model|type\s+of\s+review|review\s+type|type", "model"),
    # (session 73) a log's reference column named for the review's type, "CMR ref: CMR 04/22"
    # (a Base table's CMR_REF): the type its value names
    (r"(?:SCR|CSPR|LCSPR|CPR|CMR|SILP|LR)\s+ref(?:erence)?(?:\s+(?:no\.?|number))?", "model"),
    # A record's own fields about the child and the harm (a tracker's columns, key facts):
    # read by extract.stated before the account's prose.
    # (session 55) a coding frame's "Child 1 age (years)", "Child 2 sex", "Child 1 pseudonym"
    (r"(?:(?:the\s+)?child(?:['’]s)?(?:\s+\d{1,2})?\s+)?age(?:\s+(?:at|of)\s+(?:the\s+)?(?:incident|death|"
     r"harm|injury|injuries|event|referral|time|child|children))?"
     # (session 52) a Covidence template's "Age at time of incident"
     r"(?:\s+of\s+(?:the\s+)?(?:incident|death|harm|injury|event))?|age\s+of\s+(?:the\s+)?child(?:ren)?"
     # a codebook's "Age of child in completed years"
     r"(?:\s+in\s+(?:completed\s+)?(?:years|months))?"
     # (session 53) a data set's "Age as stated"
     r"|age\s+as\s+(?:stated|given|reported|published)"
     # (session 54) a SAS listing's "AGE_TXT", the age as text beside a number
     r"|age[\s_]+(?:txt|text)",
     "age"),
    (r"(?:(?:the\s+)?child(?:['’]s)?(?:\s+\d{1,2})?\s+)?(?:sex|gender)(?:\s+of\s+(?:the\s+)?child)?", "sex"),
    (r"(?:date|month|year)\s+of\s+(?:the\s+)?(?:incident|death|harm|injury|injuries|event|"
     r"critical\s+incident|serious\s+incident)|incident\s+date|"
     # (session 53) a data set's "INCIDENT" (2022-02), "Incident yyyy-mm", "Incident month"
     r"incident(?:\s+(?:month|year|yyyy-mm|mm/yyyy|\((?:yyyy-mm|mm/yyyy)\)))?|date\s+of\s+death\s+or\s+(?:serious\s+)?"
     r"(?:injury|harm)|when\s+(?:the\s+)?(?:incident|harm)\s+(?:occurred|happened)", "incident"),
    # where a story or case study is taken from: "Source: ... Serious Case Review (2017)"
    (r"source|(?:taken|adapted)\s+from|from", "source"),
    # Record metadata of catalogues, search results and tables: read into the entry's fields.
    # ("Exec summary published:", a register's column for when its report came out)
    # ((session 71) an executive summary's own "Date of summary: May 1998", when it came out)
    (r"(?:exec(?:utive)?\s+)?summary\s+published|date\s+of\s+(?:the\s+)?(?:exec(?:utive)?\s+)?summary|"
     # (session 66) a Trust's briefing, "Published by the SBNI: March 2019"; (session 80) by
     # a body named in full, "Published by the Child Safeguarding Practice Review Panel: March
     # 2024" (a podcast's notes)
     # (session 82) a business unit's "Published to partners: March 2010"
     r"published(?:\s+by\s+(?:the\s+)?(?:[A-Z]{2,6}|(?-i:[A-Z][\w'’&-]*)"
     r"(?:\s+(?:(?-i:[A-Z][\w'’&-]*)|and|of|for|the)){0,8})|\s+to\s+(?:partners|practitioners|staff))?|"
     r"(?:date|year)\s+published|(?:publication|pub\.?)\s+(?:date|year)|"
     r"(?:date|year)\s+of\s+publication|date|year|"
     r"posted(?:\s+on)?|for\s+immediate\s+release|release\s+date|"
     # (session 53) a news release's "Issued: 4 July 2024"
     r"issued(?:\s+on)?|"
     # (session 55) a form's question: "When was it published? (month and year)"
     r"when\s+was\s+(?:it|the\s+(?:review|report|summary))\s+published\??", "published"),
    # (two names for one field: "Area / partnership:", "Local authority / partnership area:",
    # (session 55) a form's "Local authority or partnership area")
    # (session 57) "Local authority area:", an extraction's "Cpc area:" too
    (rf"(?:{_AREA_HEAD})(?:\s+area)?(?:(?:\s*/\s*|\s+or\s+)(?:{_AREA_HEAD})(?:\s+area)?)?", "area"),
    (r"brief\s+outline\s+of\s+(?:the\s+)?circumstances(?:\s+resulting\s+in\s+the\s+review)?|"  # Welsh
     # (session 55) a form's "Short summary of the case"
     r"(?:(?:short|brief)\s+)?(?:case\s+)?summary(?:\s+text|\s+of\s+(?:the\s+)?(?:case|events|incident|circumstances))?|overview|circumstances|what\s+happened|the\s+case|about\s+the\s+case|"
     # (session 58) a note's own heading "Case" over its account ("Case: Sam" names the child)
     r"case(?!\s*:)|about\s+the\s+(?:child|children|family)",
     "summary"),
    # (session 63: not a coding team's flag "Include: Yes", which says the row is in its sample)
    (r"includes?(?!\s*:\s*(?:yes|no|y|n|true|false|0|1)\s*$)", "learning"),
]
_VERB = r"(?:include[sd]?|focus(?:es)?\s+on|cover(?:s|ed)?|are|were|identified|relate\s+to|incl\.)"
_LABEL = re.compile(
    r"^(?P<label>(?P<head>" + "|".join(f"(?:{h})" for h, _ in _LABEL_HEADS) + r")"
    # "Circumstances (summary):": a bracketed note after the label's head
    # (session 55: a form's question's note to 48, "(pseudonym, sex and age as in the report)")
    rf"(?:\s*\([^()]{{1,48}}\))?(?:\s*:)?(?:\s*{_VERB})?\s*:)\s*", re.I)
_HEAD_KIND = [(re.compile(rf"^(?:{h})$", re.I), kind) for h, kind in _LABEL_HEADS]
#: The number of a briefing's part in front of its label ("6. Learning", "3) Risks").
#: "6. Learning", "4.3 Reflective questions", (session 63) an annual report's "6.2.2 Learning",
#: "5  RECOMMENDATIONS", a slide's "Slide 6:
#: Learning from case one", and the emoji that web briefings put where a number would be
#: ("💡 Learning", "✅ Actions")
_PART_NUMBER = re.compile(r"(?:\d{1,2}(?:[.)]\s+|\s{2,})|\d{1,2}\.\d{1,2}\.?\s+|"
                          # (a third level only before a heading alone: "6.2.2 Learning", "6.2.2
                          # The review found that:")
                          r"\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+(?=[A-Z][\w ]{0,40}:?$)|Slide\s+\d{1,2}:\s+|"
                          # (session 47) a seven-minute briefing's "[1] BACKGROUND", "[6] RECOMMENDATIONS"
                          r"\[\d{1,2}\]\s+|"
                          # (session 64) and its "(4) WHAT WE LEARNED"
                          r"\(\d{1,2}\)\s+|"
                          # (session 59) a plain-text briefing's "4 | WHAT WE LEARNED"; (session 71)
                          # a Markdown briefing's "### 3 · What did the review find?"
                          r"\d{1,2}\s+[|·]\s+|"
                          # (session 63) and its ">>> 5 :: WHAT WE LEARNED"
                          r"(?:>{2,3}\s+)?\d{1,2}\s+::\s+|"
                          # (session 67) and its "#4  WHAT WE LEARNED"
                          r"#\d{1,2}\s+|"
                          r"(?:Screen|Slide)\s+\d{1,2}\s+of\s+\d{1,2}\s*[:–—-]\s*|"
                          "[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50]\uFE0F?\\s+)(?=[A-Z])")


#: (session 66) A poster's numbered box heading: a number, one space and a short heading with no
#: stop ("4 Key learning", "6 What has changed"), a paragraph of its own (see :func:`_box_number`).
#: (Not a date, "12 June 2024": a heading of words, no digit in it.)
_BOX_NUMBER = re.compile(r"\d{1,2} (?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
                         r"(?=[A-Z][^.!?:;|\d]{1,40}$)")


def _box_number(body: list[Line], k: int) -> re.Match[str] | None:
    """The number of a seven-minute briefing's box heading on line ``k`` (:data:`_BOX_NUMBER`),
    a paragraph of its own: a blank line before it and after it.  Points numbered so ("1 Health
    visitors to ...") follow one another line by line, and keep their numbers here."""
    return _BOX_NUMBER.match(body[k].text) if alone_in_paragraph(body, k) else None


def alone_in_paragraph(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` is a paragraph of its own: a blank line before it and after it (or
    the text's end)."""
    return lines[k].blank_before and (k + 1 == len(lines) or lines[k + 1].blank_before)


def _underlined(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is underlined by the next ("====", "----"): a heading."""
    after = text[end:end + 200].split("\n", 2)
    return len(after) > 1 and re.fullmatch(r"\s*(?:={3,}|-{3,}|~{3,}|\^{3,})\s*", after[1]) is not None


#: An outliner's bullet (Logseq, Workflowy, an indented Markdown list): "- Learning" alone on
#: its line is the label of the points under it (their indentation is lost by then).
_OUTLINE_ITEM = re.compile(r"^[-*•+◦▪]\s+(?=\S)")
#: The point under such a label: a bullet that says something (five words or more), never a
#: contents list's next entry ("• CPC response").
_OUTLINE_POINT = re.compile(r"^[-*•+◦▪]\s+\S+(?:\s+\S+){4,}")
#: A label in Markdown's bold marks at a line's start: "**Learning**", "__Recommendations:__".
_BOLD_LABEL = re.compile(r"^(\*\*|__)(?=\S)[^*_\n]{2,60}?(?<=\S)\1")
#: A bracketed note after a label, not counted in its length ("Recommendations (the CMR made 8)").
_NOTE_AFTER = re.compile(r"\s*\([^()]*\)\s*$")
#: The line that says what kind of release a page is ("MEDIA STATEMENT", "Press release"),
#: above its date: the page's masthead, never a review's heading.
_RELEASE_GENRE = re.compile(r"^(?:joint\s+)?(?:media|press|news|partnership|board|committee)\s+"
                            # ((session 80) a partnership's "Partnership statement" over its date)
                            r"(?:statement|release|notice)s?"
                            # (session 53) "Media statement – for immediate release"
                            r"(?:\s*[–—:-]\s*for\s+immediate\s+release)?$", re.I)
#: A label written as a heading line of its own, without a colon ("The Incident", "Learning").
#: (session 53: a release's "For immediate release" alone on its line says when it may be
#: printed, and heads nothing; with its date after a colon it is the release's date.)
_BARE_LABEL = re.compile(r"^(?!for\s+immediate\s+release\s*$)"
                         # (session 65: nor the end of a sentence a line wrapped, "Published 2023 by
                         # West Glamorgan" over "Safeguarding Board.")
                         r"(?:(?=(?-i:[A-Z]))(?!(?:[\w'’-]+\s+){0,4}(?:Partnership|Board|Committee|Council|Area|"
                         r"Published|Type|Region|Trust|Model|Agency|Agencies)\.)|(?!.*\.\s*$))(?P<label>(?P<head>"
                         + "|".join(f"(?:{h})" for h, _ in _LABEL_HEADS)
                         # ("Recommendations (the CMR made 8; these are the ones for our Trust)",
                         # "Recommendations (4)")
                         # "What we learned (Beth a ddysgwyd)": the label in Welsh after it
                         # (session 42) "Learning (my summary)", "Key learning (from the report)"
                         # (session 45) "Key findings (as the Panel summarises them)"
                         # "Recommendations and progress (position at 31 March 2024)"
                         + r"))(?:\s+\((?:the|these|those|this|\d+|all|my|our|from|in|as|abridged|summar\w*|"
                         r"selected|edited|position|progress|status|updated?|"
                         # (session 87) "Recommendations (lead agency in brackets)": how it is set out
                         r"lead|owners?|with\s+(?:the\s+)?(?:lead|owners?|agenc)|"
                         # (session 54) "Recommendations (two of five)": those it quotes
                         rf"(?:{_COUNT_WORDS})\s+of)\b[^()]{{0,80}}\)|"
                         # (session 46) a briefing's "6. RECOMMENDATIONS - THE PARTNERSHIP WILL"
                         r"\s*[-–—]\s+(?:the|our|all|each)\s+[\w' ]{1,40}?\s+(?:will|should|must)|"
                         # (session 45) an analyst's run-in head alone on its line, "Learning."
                         # (capitalised, and a part's, not a field's: a wrapped sentence's last word,
                         # "recommendation.", "Partnership.", is none)
                         # (session 82) or an e-mail's sign-off, "Regards,"
                         r"\s+\((?-i:[A-Z])[^()]{0,30}\))?[.,]?\s*$", re.I)
# A known label that appears inside a paragraph after a sentence ends (``… died. Learning: …``).
_INLINE_LABEL = re.compile(
    # ((session 82) and "... in 2021. Key messages: methadone must be kept in a locked box, ...")
    # ((session 83) and "... was published in 2019. Its learning, in one line: workers ...")
    r"(?<=[.!?])\s+(?=(?:Learning(?:\s+\w+)?|Key learning|Key issues|Key messages|Key lessons|Lessons|"
    r"Its learning(?:, in (?:one|a) (?:line|sentence))?|"
    r"Issues identified|Background|"
    r"What we (?:can )?learn(?:ed|t)?|"
    r"Recommendations?(?:\s+\w+){0,4}|Keywords|Model)\s*(?::|\s" + _VERB + r"\s*:))")
_UNKNOWN_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z]+(?:\s[a-z]+){0,3}):\s+\S")
_LINK_LINE = re.compile(
    # (session 60) "• Full report (PDF)", a list's one link to the document
    r"^(?:[•*]\s+)?(?:full|summary|overview)\s+report\s*\((?:pdf|docx?|odt)\b[^)]*\)$|"
    # ((session 76) a tile's "➡️ Open briefing", its arrow first)
    r"^(?:>\s*|[➡→▶►»]\ufe0f?\s*)?(?:\d{1,2}[.)]\s+)?(?:Other resources\b|(?:Useful\s+)?resources\s*:?$|"
    r"Open\s+(?:the\s+)?(?:\w+\s+){0,2}(?:report|review|summary|briefing|pdf)\W*$|"
    r"Further\s+(?:reading|information)\b|"
    # ((session 68) a card's "Read more ›", "Find out more", alone on its line)
    r"(?:Read|Find\s+out)\s+more\W*$|Continue\s+reading\W*$|"
    r"Useful\s+links\b|Related\s+(?:documents|resources|reading)\b|Read\s+(?:the\s+)?(?:\w+\s+){0,3}"
    r"(?:report|review|summary|briefing|pdf)\b|Download\b|View\s+the\s+report|"
    # a link named after the document it opens: "Serious Case Review: Baby N – overview report"
    r".{0,100}\s[–—-]\s*(?:overview\s+report|executive\s+summary|full\s+report|"
    r"learning\s+briefing|(?:7|seven)[- ]minute\s+briefing)(?:\s*\(pdf[^)]*\))?$|"
    # (session 41) a document's link with its type and size: "Siblings A and B full report (PDF,
    # 820KB)", "Child L overview report (PDF, 1.1MB)"
    r"[^:]{0,100}\((?:pdf|docx?|odt)\s*,\s*[\d.]+\s*[KM]B\)$|"
    # (session 78) or with a note that it is a link: "Child D overview report (invented link)",
    # "Executive summary (opens in a new window)"
    r"[^:]{0,100}\b(?:overview\s+report|executive\s+summary|full\s+report|learning\s+briefing)\s*"
    r"\([^()]*\b(?:link|opens?\s+in\s+a\s+new\s+(?:window|tab)|external)\b[^()]*\)$)", re.I)
_GLYPHS = "-•*·▪◦–>"
_BULLET = re.compile(rf"^(?:[{_GLYPHS}]\s+|\(?(?:[ivx]{{1,4}}|[a-z0-9]{{1,2}})[.)]\s+)")  # "iii.", "> "
#: A point's number after its bullet ("• 1. ..."), which a list's bullet already marks.
_POINT_NUMBER = re.compile(r"^\(?\d{1,2}[.)]\s+")
#: A point numbered by its part inside a list of learning or recommendations ("4.2 Nobody asked
#: ..." under "4. What the review learned"); elsewhere such a number is a paragraph's.
_PART_POINT = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+(?=[A-Z])")
#: (session 71) A count of recommendations with one of them after a comma: "It makes six
#: recommendations, including better information sharing between ..." (a news report's; the
#: paragraphs after it are the report's, not more recommendations).
_INCLUDING_ONE = re.compile(
    r"\brecommendations,\s+including\s+(?:better|more|improved|clearer|earlier|new|that)\b", re.I)
#: A prose recommendation statement that says what is recommended, not only to whom or how many:
#: "recommendations that ...", "... about ...", "... to improve ...", "... for improving ...".
_PROSE_REC_CONTENT = re.compile(
    r"^(?:The\s+|Its\s+)?recommendations?\s+(?:ask(?:s|ed)?|call(?:s|ed)?\s+(?:on|for))\b|"
    r"\brecommendations?\s+(?:that|about|covering|including|on|regarding|around|concerning|"
    r"to\s+(?!the\b|a\b|an\b|all\b|each\b|(?-i:[A-Z]))\w+|for\s+\w+ing\b|,\s+summari[sz]ed\s+as\b)"
    # ((session 71) a news report's "It makes six recommendations, including better information
    # sharing between ...": what one of them asks, after a comma)
    r"|" + _INCLUDING_ONE.pattern +
    # "Recommendations for the Board and the youth justice service include making earlier use of
    # the National Referral Mechanism"
    r"|^(?:The\s+|Its\s+)?recommendations?\b[^.]{0,80}?\binclude[sd]?\s+(?:that\b|\w+ing\b)", re.I)
#: A paragraph that opens by saying what the review recommends ("The review recommends that
#: the LSCB and the Primary Care Trust make sure ..."): after a learning section's paragraphs,
#: the recommendation, not more learning.
_REVIEW_RECOMMENDS = re.compile(r"^(?:The\s+(?:review|report|panel|reviewers?|CMR|SCR)|It)\s+(?:also\s+)?"
                                r"recommends\s+(?:that|how)\b", re.I)
#: A short sentence ending in a colon that introduces learning or recommendations as a list.
#: ((session 81) not a line that says whom to contact: "Contact the learning and development team:")
_LEAD_IN = re.compile(
    r"^(?=[^:]{8,160}:$)(?!(?:please\s+)?contact\b)(?:(?P<rec>.*\b(?:recommend\w*|(?<!learning\s)actions))|.*\b(?:learn\w*|lessons?|take\s+(?:away\s+)?"
    r"from|takeaways?|key\s+messages?|messages?\s+for|points?\s+for\s+practice|"
    # (session 41) "I want to highlight three things from this review:", "The review ... draws
    # out three things:"
    r"(?:highlight\w*|(?:draw|bring|pick)s?\s+out)\s+(?:\w+\s+){0,2}things|"
    # (session 77) a bulletin's "What the review found for us:" over its points
    r"^what\s+the\s+(?:review|reviewers?|panel)\s+found(?:\s+for\s+(?:us|you|practice|practitioners))?|"
    # (session 83) a myth buster's "What the review asks you to do:" over its points
    r"^what\s+(?:the|this)\s+review\s+asks\s+(?:of\s+)?(?:you|us|practitioners)(?:\s+to\s+do)?)\b).*:$",
    re.I)
#: A sentence that says how many recommendations a review made ("The Panel made 6 recs in
#: total", "The review identifies five recommendations").
COUNTS_RECOMMENDATIONS = re.compile(
    r"\b(?:identifies|identified|makes|made|sets\s+out)\s+(?:\w+\s+){0,2}(?:recommendations?|recs)\b", re.I)
#: (session 76) A paragraph that tells of a review's recommendations without making them: "The
#: executive summary lists eight recommendations", "The recommendations are not summarised here".
_TELLS_RECOMMENDATIONS = re.compile(
    r"^[^.;:]{0,60}?\b(?:lists|listed|contains|contained|includes|included|sets\s+out)\s+(?:\w+\s+){0,2}"
    r"recommendations\b|^(?:The\s+|Its\s+)?recommendations\s+(?:are|were)\s+not\b", re.I)
#: (session 77) Where a review's recommendations are, not what they say: "The review's seven
#: recommendations are on the partnership website" (the one home of these words, for a pointer,
#: _POINTER, and for a line that ends a learning list, _RECOMMENDATIONS_ELSEWHERE).
_ELSEWHERE_WORDS = (r"(?:the\s+)?(?:review|report|panel|(?-i:[A-Z]{2,6}))['’]s\s+(?:\w+\s+)?"
                    r"recommendations\s+(?:are|can\s+be\s+(?:found|read))\s+(?:on|in|at)\b")
#: (session 77) Such a line in a learning list's text with no blank line before it: the list's
#: end (its words are no learning).
_RECOMMENDATIONS_ELSEWHERE = re.compile("^" + _ELSEWHERE_WORDS, re.I)
_PROSE_RECS = re.compile(r"^(?:It\s+)?(?:makes|made)\s+(?:\w+\s+){0,3}recommendations?\b"
                         # (session 41) "Recommendations asked the police, the health visiting
                         # service and the LSCB to improve ...": what they ask is the recommendation
                         r"|^(?:The\s+|Its\s+)?recommendations?\s+(?:ask(?:s|ed)?|call(?:s|ed)?\s+(?:on|for))\b"
                         # (session 44) "Recommendations for the Board ... include making ..."
                         r"|^(?:The\s+|Its\s+)?recommendations?\b[^.:]{0,80}?\binclude[sd]?\s+(?:that\b|\w+ing\b)",
                         re.I)
#: A social post's reactions under it, its end: "♥ 12   🔁 7   💬 0", "👍 8   💬 1".
_REACTIONS = re.compile(r"^\s*(?:[♥❤🔁💬↻👍⭐]\ufe0f?\s*\d{1,6}\s*){2,}$")
_NOISE_LINE = re.compile(
    r"(0808 800 5000|help@nspcc|share this page|back to top|"
    r"©|all rights reserved|skip to (?:main )?content|"
    r"if you(?:'|’)re worried about a child|if you are worried about a child|"
    # (session 85) a statement's help box and press contact as a table's rows: "| Worried about a
    # child? | Call ... |", "| Media enquiries | press@... |"
    r"^\|\s*(?:are\s+you\s+)?worried\s+about\s+a\s+child\b|^\|?\s*(?:media|press)\s+enquiries\b|"
    r"registered charity|charity (?:no|number)|company (?:no|number)|privacy (?:policy|notice)|"
    r"terms and conditions|accessibility statement|^quick links\b|^follow us\b|"
    # ("Related pages: Adult Practice Reviews | ..." is furniture; (session 72) "Related pages"
    # over its list of links is the aside :data:`_RELATED` makes of it, the links no items)
    r"^related pages\s*:\s*\S|"
    r"^last updated\b|"
    # (session 73) a quick-exit button, which sites on abuse give a page (it opens another site)
    r"^(?:leave|exit)\s+(?:this\s+)?(?:site|page|website)(?:\s+(?:quickly|now))?\s*$|^quick\s+exit\s*$|"
    r"^(?:slide|result|page)\s+\d+(?:\s+of\s+\d+)?$|^view record\b|"
    # (session 87) a news story's help box: "If you have been affected by this story, help is
    # available from your GP." (the GP is no agency of the review)
    r"^if\s+you\s+have\s+been\s+affected\s+by\s+(?:this|the\s+issues|anything)\b)", re.I)
#: Words of page furniture that a review's own sentences use too ("had twice called a national
#: domestic abuse helpline", "Helpline services hold information that could protect children"):
#: furniture only on a short line ("NSPCC Helpline", "Sign up to our newsletter").
#: (session 77: a newsletter's signing-up box, not its own title, "Newsletter - Autumn 2023 -
#: Powys Regional Safeguarding Board", whose date is the page's)
_NOISE_WORDS = re.compile(r"helpline|cookie|javascript|sign up to|subscribe\b[^.]{0,30}\bnewsletter|"
                          r"newsletter\s+(?:sign[- ]?up|subscription)|"
                          r"(?:our|the)\s+newsletter\b(?!\s*[–—-]\s)", re.I)
#: The longest line :data:`_NOISE_WORDS` make furniture of (session 57: a learning point of
#: 150 characters about helplines was lost as furniture).
_NOISE_WORDS_MAX = 100
#: A heading over a page's links to other pages: "Related content", "See also" ("Related
#: pages: ..." with its links on its line is page furniture, _NOISE_LINE).
_RELATED = re.compile(r"^(?:related\s+(?:content|pages?|links?|reviews|resources|articles|information|"
                      # (session 65) a practice guide's links to its other chapters
                      r"chapters?|sections?|guidance)|"
                      r"see\s+also|more\s+like\s+this|you\s+may\s+also\s+(?:like|be\s+interested\s+in)|"
                      r"further\s+reading|"
                      # (session 60) a CMS sidebar's "Upcoming training" / "• Neglect toolkit
                      # briefing", and its helpline box, "Need help now?"
                      r"upcoming\s+(?:training|events|courses)|need\s+help(?:\s+now)?\??|"
                      # (session 66) a staff briefing's closing "Training" / "Level 3 dates for 2019-20 ..."
                      r"training(?:\s+(?:dates|events|courses|opportunities))?|"
                      # (session 70) a monthly briefing's "Also this month" / "Level 3 training ..."
                      r"also\s+(?:this|in\s+this)\s+(?:month|week|issue|edition)|"
                      # (session 74) a braille edition's closing "Other formats" / "This summary is
                      # also available in Welsh, large print and easy read"
                      r"(?:other|alternative|accessible)\s+(?:formats?|versions?)(?:\s+and\s+languages)?|"
                      # (session 74) an NHS page's warning callout ("Important:" / "If you think a
                      # child is in immediate danger, call 999") and its "Getting support" box
                      r"important|getting\s+support|"
                      # (session 74) a reading group's own "Actions for the team" after the reviews
                      r"actions\s+for\s+(?:the|our)\s+(?:team|group|practice|service)|"
                      # (session 61) a blog theme's sidebar: Pelican's "links" and "social" lists
                      r"(?:useful\s+)?links|blogroll|social)\s*:?$", re.I)
#: (session 67) A newsletter's note of its next issue ("Next issue: learning from a thematic
#: review of neglect."): what a later issue will tell, beside the review above it (an aside);
#: (session 68) and a talk's sign-off, or its next event ("That's all for today. Our next
#: webinar is on the 12th of June, on neglect and the Welsh neglect toolkit.").
_NEXT_ISSUE = re.compile(r"^(?:(?:next\s+issue|in\s+(?:the\s+)?next\s+issue|coming\s+next)\s*[:,]"
                         r"|that['’]s\s+(?:all|it)\s+(?:from\s+us\s+)?for\s+"
                         r"(?:today|this\s+(?:week|episode|time))\b"
                         r"|our\s+next\s+(?:webinar|episode|session|issue|briefing|podcast)\s+(?:is|will)\b"
                         # (session 69) a film's sign-off, under its last learning point
                         r"|thank\s+you\s+(?:all\s+|so\s+much\s+)?for\s+(?:watching|listening)\b"
                         # (session 88) minutes' last item, numbered or not: "7. Date of next
                         # meeting" (not "Any other business", under which a board's minutes may
                         # record a new referral's account)
                         r"|(?:\d{1,2}\.?\s+)?date\s+of\s+(?:the\s+)?next\s+meeting\s*[:.]?\s*$)",
                         re.I)
#: A PDF's running header or footer: a protective marking ("OFFICIAL", "OFFICIAL-SENSITIVE"),
#: alone or spaced apart from a page number or the publisher's name.
_PROTECTIVE_MARKING = re.compile(
    r"^(?:OFFICIAL(?:[- ]SENSITIVE)?|NOT PROTECTIVELY MARKED|UNCLASSIFIED)(?:\s{3,}\S.*)?$")


#: A line of a PDF's text that ends, spaced apart, in its page's number: "... Page 2 of 3".
_RUNNING_HEADER = re.compile(r"^(?P<text>\S.*?)\s{3,}(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)


def _is_noise(text: str) -> bool:
    """Page furniture (helpline, cookies, footer), never a continuation of content: a line
    that starts in lower case carries on a sentence cut by a page break, so it is kept."""
    if _PROTECTIVE_MARKING.match(text.strip()):
        return True
    # (the cheap tests first: a paragraph's long line is never furniture, session 54)
    furniture = _NOISE_LINE.search(text) or (len(text) <= _NOISE_WORDS_MAX and _NOISE_WORDS.search(text))
    return len(text) < 300 and not text[:1].islower() and bool(furniture) and not _LABEL.match(text)


#: Welsh words common in a safeguarding board's prose and headings, and the English words that
#: rule a line out as Welsh.  A line mostly of the first is Welsh text, which the extractor
#: cannot read; a page that gives each part in Welsh and in English keeps the English only.
_WELSH_WORDS = frozenset((
    "yn", "y", "yr", "ym", "yng", "a", "ac", "o", "i", "mae", "roedd", "oedd", "nid", "nad", "ddim",
    "ei", "eu", "gan", "ar", "am", "wedi", "bod", "fod", "cafodd", "gyda", "mewn", "dros", "hi",
    "ef", "fe", "wnaeth", "dylai", "rhaid", "gwnaed", "ein", "eich", "hefyd", "neu", "ond", "pan",
    "dau", "ddau", "tri", "chwe", "sy'n", "i'r", "o'r", "a'r", "ôl", "iddi", "iddo", "fel", "hyn",
    "hon", "hwn", "rhwng", "ynghylch", "ymhell", "ymarferwyr", "plentyn", "plant", "adolygiad",
    "adolygiadau", "ymarfer", "cyhoeddwyd", "bwrdd", "tudalen", "adran", "dysgu", "allweddol",
    "argymhelliad", "argymhellion", "diogelu", "blynyddol", "adroddiad", "teulu", "teuluoedd",
    "mam", "tad", "cartref", "gofal", "ionawr", "chwefror", "mawrth", "ebrill", "mehefin",
    "gorffennaf", "awst", "medi", "hydref", "tachwedd", "rhagfyr"))
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "was", "were", "to", "with", "her", "his", "she", "he", "that", "had",
    "for", "is", "are", "by", "at", "from", "not", "this", "child", "children", "review",
    "reviews", "practice", "published", "learning", "recommendations", "baby", "young"))


def _is_welsh(text: str) -> bool:
    """Whether a line is Welsh: a quarter of its words Welsh ones, hardly any English ones."""
    words = re.findall(r"[\w’']+", text.lower().replace("’", "'"))
    if not words:
        return False
    welsh = sum(w in _WELSH_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    return welsh >= max(1, len(words) / 4) and english <= len(words) / 10


def _english_only(lines: list[Line]) -> list[Line]:
    """A page in Welsh and English line by line without its Welsh lines: a Welsh line whose
    next line is English and of about its length is taken for that line's twin, and dropped when
    the page has three such pairs at least.  A Welsh heading over English text is kept: it may
    be the only heading a review has."""
    twins = [i for i in range(len(lines) - 1)
             if _is_welsh(lines[i].text) and not _is_welsh(lines[i + 1].text)
             and 0.5 <= len(lines[i].text) / len(lines[i + 1].text) <= 2]
    if len(twins) < 3:
        return lines
    dropped = set(twins)
    return [line for i, line in enumerate(lines) if i not in dropped]


_TERMINAL = (".", "!", "?", ":", ")", "”", '"', "’")
#: The name of a document's part, not of a review ("Executive Summary" under the review's title).
_DOCUMENT_PART = re.compile(
    r"^(?:executive\s+summary|overview\s+report|summary\s+report(?:\s+for\s+[\w\s]{1,30})?|full\s+report|"
    r"(?:7|seven)[- ]minute\s+briefing|learning\s+(?:brief|briefing|summary))$", re.I)


@dataclass
class Section:
    """A labelled part of an entry: ``kind`` is normalised, ``label`` as published.  An
    "aside" is text beside the review on its page (related links, a helpline box, a sidebar's
    events), kept with the entry but never read for its concepts; (session 88) "not found" is
    what the review says it did not find, each concept there denied."""

    kind: str
    label: str | None
    line: int
    blocks: list[Span] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    label_span: Span | None = None
    addressee: str | None = None  # "Recommendations to the partnership include:" -> "the partnership"
    inline: bool = False  #: the label line carries the section's text ("Published: 2016")

    @property
    def span(self) -> Span:
        """The section's text; its lines stay lines, so a bullet ends a sentence."""
        return Span.concat(self.blocks, "\n")

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class Item:
    """One learning point or recommendation, in published order."""

    span: Span
    addressee: str | None = None

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class Entry:
    """One review as it appears on one page."""

    source: SourceText
    heading: str
    heading_kind: str
    line: int
    start: int
    title: str
    number: int | None = None
    year: int | None = None
    month: int | None = None
    area: str | None = None
    #: (session 48) the place the account says the child lived, or whose review it was
    #: (document._told_place): the area when nothing else, the page included, names one
    told_area: str | None = None
    name: str | None = None
    #: a record of an export with no title, its heading one of its fields ("User: U01AA"): its
    #: title is the child its text names, when it names one; (session 59) or a counter's ("REVIEW
    #: 1 OF 2"), its title the facts line under it: the title is then not the heading's line
    untitled: bool = False
    sections: list[Section] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def parts(self) -> list[str]:
        """Its heading and its sections' texts: what the entry says, for rules that read it all."""
        return [self.heading] + [s.span.text for s in self.sections]

    def section(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    @property
    def summary(self) -> Span:
        return Span.concat((s.span for s in self.section("summary")), " ")


@dataclass
class Page:
    source: SourceText
    title: str | None
    year: int | None
    month: int | None
    entries: list[Entry]
    warnings: list[str]
    #: The page's text above its first entry ("Three local child safeguarding practice reviews
    #: were published this year"): what it says holds for every entry that does not say otherwise.
    preamble: Span | None = None


@dataclass
class Line:
    text: str
    start: int
    number: int
    blank_before: bool
    #: (session 55) the line follows a rule drawn apart from the text above it (a blank line
    #: before the rule): where a page's furniture may begin after its last review
    after_rule: bool = False


#: A line drawn with rule characters ("=====", "-----", "+------+"): a blank line to the reader.
#: (a box's top, bottom and dividers too: "╔═══╗", "╠═══╣", "├───┤"; session 47: a row of dots,
#: ".......", "·······", as a digest's text editor draws one)
_RULE_LINE = re.compile(r"^\s*[┌└╔╚╠╟├]?(?:[-=_~*#+─━═]{5,}|[.·]{10,})[┐┘╗╝╣╢┤]?\s*$")
#: The quotation marks of a forwarded or replied e-mail ("> ", ">> ").
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")
_FORWARDED = re.compile(r"^-*\s*(?:Forwarded|Original)\s+message\s*-*$", re.I)
#: E-mail headers above a bulletin's text: never a review's heading.
_EMAIL_HEADER = re.compile(r"^(?:From|To|Cc|Bcc|Sent|Subject|Date|Reply-To):\s", re.I)


#: A line of text between a box's sides ("| WHAT HAPPENED      |"); a table's row has more bars.
_BOX_SIDES = re.compile(r"^\s*[|│║]\s(?P<text>[^|│║]*?)\s*[|│║]\s*$")


#: A heading drawn between rules in a text file: "--- 4. WHAT THE REVIEW LEARNED -------",
#: "=== Recommendations ===" (three rule characters at least on its right; its text opens with a
#: word, as a register's column rules "--- ------- ----" do not).  ("*** Invented page ***" is a
#: banner, not a heading.)
_RULED_HEADING = re.compile(r"^\s*[-=~─━═]{2,}[ \t]+(?P<text>\w.*?)[ \t]+[-=~─━═]{3,}\s*$")


#: How much text after the last review's closing rule may be the page's foot, not the review's.
_FOOT_MAX = 400


def _without_page_foot(body: list[Line]) -> list[Line]:
    """The last review's lines without the page's foot under a rule drawn apart ("_____" over
    "Adult Practice Reviews are listed on a separate page." and a copyright line): short text,
    no labelled part of a review, after the review's own text (session 55)."""
    k = next((k for k in range(len(body) - 1, 0, -1) if body[k].after_rule), None)
    if k is None or sum(len(ln.text) for ln in body[k:]) > _FOOT_MAX \
            or any(_LABEL.match(ln.text) or RECORD_MARK.match(ln.text) or _part_label(ln.text)
                   for ln in body[k:]):
        return body
    return body[:k]


def _part_label(text: str) -> bool:
    """(session 78) Whether a line is a seven-minute briefing's part, its number in brackets:
    "(5) RECOMMENDATIONS" between its rules is its last part, no page's foot (a report's "5.
    RECOMMENDATION TO THE BOARD" or a briefing's "What should practitioners do?" under a rule is
    the page's own)."""
    part = re.match(r"[\[(]\d{1,2}[\])]\s+", text)
    bare = _BARE_LABEL.match(text[part.end():]) if part else None
    return bool(bare) and _label_kind(bare["head"]) in ("learning", "recommendations")


def _lines(source: SourceText) -> list[Line]:
    out: list[Line] = []
    offset = 0
    blank = ruled_apart = False
    for n, raw in enumerate(source.text.split("\n"), start=1):
        quote = _QUOTE_MARK.match(raw)
        base = quote.end() if quote else 0  # a forwarded e-mail's "> " is not text
        body = raw[base:]
        if boxed := _BOX_SIDES.match(body):
            base += boxed.start("text")  # "| WHAT WE LEARNED   |": a text box's line, its text only
            body = boxed["text"]
        if stamp := _CHAPTER_STAMP.match(body):
            base += stamp.end()  # (session 79) "[19:45] Extended Child Practice Review ...": its text only
            body = body[stamp.end():]
        ruled = _RULED_HEADING.match(body)
        if ruled:  # "--- 4. WHAT THE REVIEW LEARNED -----": a heading between rules, its text only
            base += ruled.start("text")
            body = ruled["text"]
        if body.strip() and not _RULE_LINE.match(body) and not _FORWARDED.match(body.strip()):
            lead = base + len(body) - len(body.lstrip())
            out.append(Line(_dash_label(body.strip()), offset + lead, n, blank or bool(ruled), ruled_apart))
            blank = bool(ruled)  # (a heading between rules stands apart from the text under it)
            ruled_apart = False
        else:
            # (a rule under a blank line, not a heading's underline nor a forwarded message's line;
            # (session 77) or one of underscores, which underlines no heading: a text browser's
            # "<hr>", straight under a review's last line)
            underscores = set(body.strip()) == {"_"}
            ruled_apart = ruled_apart or bool((blank or underscores) and _RULE_LINE.match(body))
            blank = True
        offset += len(raw) + 1
    return out


#: (session 79) A podcast's show notes mark where each part starts: "[19:45] Extended Child
#: Practice Review ...", the time in square brackets.  The line is read without it, as the part's
#: heading (with it, the heading was no heading, and the second review ran into the first).
#: (session 81) A label before a colon is a speaker's unless it names a review ("[02:15] Learning
#: Review: Baby L (Highland, ...)" is a heading; a transcript's "[00:41] CALLUM: ..." is kept whole).
#: (session 83) Or the time bare with its hours ("00:19:45 Learning Review: Kyle ...", as a
#: producer types chapters into an episode's comment); a bare "10:30" is a programme's time,
#: and a saved chat's "09:58:03 From Sam (School Nurse) to Everyone:" a message's header.
_CHAPTER_STAMP = re.compile(r"^(?:\[(?:\d{1,2}:)?\d{1,2}:\d{2}\]|\d{1,2}:\d{2}:\d{2}(?!\s+From\s))"
                            r"\s+(?=[A-Z0-9])"
                            r"(?![A-Z](?:(?!(?i:review)\b)[\w ()]){0,30}:\s)")


#: A field written with a dash in place of a colon: "Published — June 2023" (a database export).
_DASH_FIELD = re.compile(r"^(?P<head>[A-Z][A-Za-z]*(?:\s[a-z]+){0,3})\s[—–]\s(?=\S)")


def _dash_label(text: str) -> str:
    """"Published — June 2023" as "Published:  June 2023" when the words before the dash are a
    known label (or "Child", a record's field of who the child was), the same length, so that
    every offset into the line still points at its source; "Review — Child H" stays a heading."""
    m = _DASH_FIELD.match(text)
    if m is None or not (m["head"] == "Child" or any(rx.match(m["head"]) for rx, _ in _HEAD_KIND)):
        return text
    return f"{m['head']}:  {text[m.end():]}"


#: A record's fields on one line, parted by slashes: "Case: Child K / Age: 15 / Issue: ...".
#: The field a record's name stands in: "Title: Child T", "Case: Sam" (the name is what follows).
#: A committee paper's cover field ("Presented by:", "Author:", "Agenda item:"): the block of
#: fields around a paper's "Title:" is its cover, not a record's.
_PAPER_FIELD = re.compile(r"^(?:Author|Presented\s+by|Report\s+(?:author|of|to)|Lead\s+officer|"
                          r"Classification|Purpose|Agenda\s+item|Meeting\s+date|Date\s+of\s+meeting|Paper\s+(?:ref\w*|number|no\.?)|"
                          r"Sponsor(?:ing)?\s+director|Responsible\s+director)\s*:", re.I)
_NAME_FIELD = re.compile(r"^(?:Title|Name|Case|Child|Pseudonym|Child\s+(?:[Pp]seudonym|[Nn]ame))\s*:\s*")
_SLASHED_RECORD = re.compile(r"^(?:Case|Child|Name|Pseudonym)\s*:\s*\S[^/]{0,40}\s/\s"
                             r"(?=[A-Z][A-Za-z ]{1,20}:\s)")
_SLASHED_FIELD = re.compile(r"\s/\s(?=[A-Z][A-Za-z ]{1,20}:\s)")
#: A field parted from the one before by a dot or a bar ("Published: 2023 · Area: Belfast"), or
#: (session 66) by the full stop after a post's date ("Published 20 February 2024. Area:
#: Carmarthenshire.", a plan's task notes: the sentence of its date, then its fields).
_DOTTED_FIELD = re.compile(r"(?:\s[·|•]\s+|(?<=\d{4}\.)\s+)(?=[A-Z][A-Za-z ]{1,20}:\s)")
#: (session 71) A short dateline's next field after a space alone, as a web page's text runs
#: them together ("Area: Bridgend Published: March 2023", inscriptis's).
_RUN_ON_FIELD = re.compile(r"(?<=\S)\s+(?=(?:Published|Area):\s)")
_RUN_ON_LINE = 80
#: A post's date without a colon, before its other fields ("Posted 19 June 2024 · ..."; (session
#: 71) a month alone too, "Published June 2023 · Area: Wrexham"), and the date alone once they
#: are parted from it (no record's title).
_POSTED = r"(?:Posted|Published|Updated)\s+(?:on\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}"
_POSTED_DATE, _POSTED_ALONE = re.compile(rf"^{_POSTED}(?:\s+[·|•]\s|\.\s)"), re.compile(rf"^{_POSTED}\.?$")


#: A report's paragraph number of two or three levels: "6.2.3 ", "4.1 ".
_REPORT_PARAGRAPH = re.compile(r"^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+")
#: A point's bullet glyph (not a number nor a letter: "a) Area: ..." is a list's own point).
_POINT_BULLET = re.compile(r"[-•*–▪]\s+")


def split_inline_labels(line: Line) -> list[Line]:
    """``Summary text. Learning: a; b. Recommendations: c`` becomes three logical lines, and so
    does a record whose fields are parted by slashes (``Case: Child K / Age: 15 / Issue: ...``)."""
    if (number := _REPORT_PARAGRAPH.match(line.text)) and (label := _LABEL.match(line.text[number.end():])) \
            and _label_kind(label["head"]) in ("learning", "recommendations", "learning+recommendations"):
        # (session 84) an annual report's numbered paragraph that is a review's label, "6.2.3
        # Learning: each referral was judged on its own, ...": the label, as it is unnumbered
        return split_inline_labels(Line(line.text[number.end():], line.start + number.end(), line.number,
                                        line.blank_before))
    bullet = _POINT_BULLET.match(line.text)
    rest = line.text[bullet.end():] if bullet else ""
    if bullet and (label := _LABEL.match(rest)) and _label_kind(label["head"]) in ("area", "published") \
            and any(_LABEL.match(rest[m.end():]) for m in _DOTTED_FIELD.finditer(rest)):
        # (session 84) a slide's point that is the review's facts line, "• Area: Newport |
        # Published: October 2022": its fields, as they are without the bullet
        return split_inline_labels(Line(rest, line.start + bullet.end(), line.number, line.blank_before))
    # (not after a list's own number: "1. Learning Review: Young Person L (2024)" is a heading)
    cuts = [m.end() for m in _INLINE_LABEL.finditer(line.text)
            if not re.fullmatch(r"\s*\d{1,3}\.\s*", line.text[:m.end()])]
    slashed = _SLASHED_RECORD.match(line.text) is not None
    dotted: list[int] = []
    if slashed:
        cuts = sorted(set(cuts) | {m.end() for m in _SLASHED_FIELD.finditer(line.text)})
    elif (_LABEL.match(line.text) or _POSTED_DATE.match(line.text)) and (
            dotted := [m.end() for m in _DOTTED_FIELD.finditer(line.text)
                       if _LABEL.match(line.text[m.end():])]
            or [m.end() for m in _RUN_ON_FIELD.finditer(line.text) if len(line.text) <= _RUN_ON_LINE]):
        # (session 58) a dateline of fields parted by a dot or a bar: "Published: 2023 · Area:
        # Belfast" is two fields, the area's own; (session 64) and so is "Posted 19 June 2024 ·
        # Local authority: Newport", its date without a colon; (session 71) "Area: Bridgend
        # Published: March 2023" too
        cuts = sorted(set(cuts) | set(dotted))
    if not cuts:
        return [line]
    out = []
    bounds = [0, *cuts, len(line.text)]
    for a, b in itertools.pairwise(bounds):
        piece = line.text[a:b]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if slashed:
            piece = piece.removesuffix("/").rstrip()  # the slash parts fields, it is no text
        if dotted:
            piece = piece.rstrip(" ·|•")  # (so does the dot or the bar)
        if piece:
            out.append(Line(piece, line.start + a + lead, line.number, line.blank_before and a == 0))
    return out


def month_num(name: str | None) -> int | None:
    """A month's number from its name or its abbreviation ("Mar", "Sept")."""
    if not name:
        return None
    name = name.lower().rstrip(".")
    return (MONTHS.index(name) if name in MONTHS else [m[:3] for m in MONTHS].index(name[:3])) + 1


def _split_dash(rest: str) -> list[str]:
    return [p.strip() for p in re.split(_DASH, rest) if p.strip()]


def _listing_heading(text: str) -> dict | None:
    """Headings of listings that are not catalogues: a timeline's year, "Review 1 of 3", a
    conference session, a review library's card, a Welsh reference ("CPR 03/2021 – ...")."""
    m = _YEAR_LINE.match(text)
    if m:
        # "=== 2023 ===": a timeline's year, the publication year of the reviews under it
        return {"kind": "boundary", "title": text, "year_context": int(m["year"])}
    m = _ORDINAL_HEADING.match(text)
    if m:
        # "Review 1 of 3": a page that numbers its reviews and names each child in the text;
        # what follows the number is the child's name or the area (told apart by the text)
        # (a rest in lower case is no name: "Case study B – complaint linked to ..." stays whole)
        title = text[m.start("rest"):].strip() if m["rest"] and m["rest"][:1].isupper() \
            and not m["typed_area"] else text
        rest = text[m.end("typed_area") + 2:] if m["typed_area"] else m["rest"] or ""
        rest = rest.strip().strip(_QUOTE_MARKS)
        lead = re.match(r"((?:Child|Baby|Young\s+person)\s+[A-Z]{1,3}\d?|[A-Z][a-z]{1,15})(?=,\s|\s+[–—-]\s)",
                        rest)
        meta = _BRACKET_META.match(rest)
        if lead:
            rest = lead[1]  # "Case 2: Child K, 15 - Coventry Local Learning Review (...)"
        elif meta:
            # 'CASE 3 - Child H (Serious Case Review, Bradford, published 2018)': the name, and the
            # year and area in brackets
            rest = meta["name"].strip().strip(_QUOTE_MARKS)
        quoted = bool(m["rest"]) and m["rest"][:1] in _QUOTE_MARKS  # 'CASE 1 - "Sister and Brother"'
        return {"kind": "ordinal", "title": title, **({"rest": rest} if rest else {}),
                **({"name": rest} if (quoted or m["typed_area"]) and rest else {}),
                # ((session 85) the type's bracket may date it too: "Serious Case Review (Cumbria,
                # 2017): Child K", its area "Cumbria")
                **({"area": m["typed_area"].strip(), **_bracket_fields(m["typed_area"])}
                   if m["typed_area"] else {}),
                **(_bracket_fields(meta["meta"]) if meta else {})}
    m = _SESSION_HEADING.match(text)
    if m and len(text) <= 180 and _REVIEW_WORDS.search(m["rest"]) and (
            _CHILD_ID.search(m["rest"]) or QUOTED_NAME.search(m["rest"])):
        # "10:00  Session 1 — "Jade": learning from a Leeds LCSPR (published 2023)": a
        # conference programme's session that presents a review
        quoted = QUOTED_NAME.search(m["rest"])
        child = _CHILD_ID.search(m["rest"])
        year = re.search(rf"\b{YEAR}\b", m["rest"])
        return {"kind": "session", "title": text,
                "name": (child.group() if child else quoted["name"]),
                **({"year": int(year.group())} if year else {})}
    m = _CARD_HEADING.match(text)
    if m and (_REVIEW_WORDS.search(m["type"]) or re.fullmatch(TYPE_ABBREVIATIONS, m["type"].strip(), re.I)):
        # "Leo | 2018 | SCR | Read more": a card of a review library
        return {"kind": "card", "title": text, "name": m["name"].strip(), "year": int(m["year"])}
    m = _REFERENCE_HEADING.match(text)
    if m and len(text) <= 160 and not text.endswith("."):
        # "• CPR 03/2021 – Concise – published 12.05.2022": a Welsh board's list by reference
        from casegraph.ingest.document import area_in_heading

        date = _DOTTED_DATE.search(text) or PAGE_DATE.search(text)
        # (session 55) "CPR 1/2024 - Child U (Vale of Glamorgan) - Extended ...": its area, over
        # the regional board the page is from
        return {"kind": "reference", "title": m["title"], "area": area_in_heading(m["title"], None),
                "year": int(date["year"]) if date else None,
                "month": (int(date["month"]) if date.re is _DOTTED_DATE else month_num(date["month"]))
                if date else None}
    return None


#: Quotation marks around a name in a heading, straight or curly.
_QUOTE_MARKS = "\"“”‘’'"


#: A heading's closing bracket of facts with a year in it: "(Norfolk, LCSPR, 2023)".
_FACTS_BRACKET = re.compile(rf"\((?P<meta>[^()]*,[^()]*\b{YEAR})\)\s*$")


def _bracket_fields(meta: str) -> dict:
    """Year and area of a heading's bracket of facts ("Kent, 2021, LCSPR", "Serious Case Review,
    Bradford, published 2018"): a year alone or "published" with one, and the first other
    capitalised part that is not the review's type."""
    info: dict = {}
    for part in (p.strip() for p in meta.split(",")):
        year = re.fullmatch(rf"(?:published\s+(?:in\s+)?)?(?:(?:{_MONTH_RE})\s+)?({YEAR})", part, re.I)
        if year:
            info["year"] = int(year[1])
        elif "area" not in info:
            from casegraph.ingest.document import area_of_body, place_in

            if not _REVIEW_WORDS.search(part) and part[:1].isupper():
                # "Safeguarding Board for Northern Ireland", "Leeds SCP"
                info["area"] = area_of_body(part) or place_in(part) or part
            elif place := place_in(part):
                info["area"] = place  # "Stockport LCSPR, published 2021"
    return info


def _name_ordinal(entry: Entry, rest: str | None) -> None:
    """The name or area of a numbered review ("Review 1 of 3", "Case vignette 1: Sam"): words
    after the number that its text repeats name the child ("Sam was ..."); words it does not
    repeat name the area ("Review 2 — Aberdeenshire" over "The child: a 16-year-old boy");
    with no words, the first pseudonym of its text ("Child W was nearly three ...")."""
    text = " ".join(sec.span.text for sec in entry.sections)
    first = entry.sections[0].span.text.strip().split("\n", 1)[0].strip() if entry.sections else ""
    if not rest and len(first) <= 200 and _REVIEW_WORDS.search(first) \
            and (QUOTED_NAME.match(first) or _CHILD_ID.match(first.lstrip(_QUOTE_MARKS))):
        # (session 59) "REVIEW 1 OF 2" over '"Child W" - local child safeguarding practice
        # review, Kent ..., May 2024': the line under the counter names the review
        entry.title, entry.untitled = first, True
        if entry.year is None and (dated := heading_date(first))[0]:
            entry.year, entry.month = dated  # (its date: "..., May 2024")
    if entry.name:
        return  # a name in quotation marks is a pseudonym whether or not the text repeats it
    if rest and _REVIEW_WORDS.search(rest):
        # "Review 1: LCSPR - Child T", "Review 4: Multi-agency learning review": the review's
        # type is neither a name nor an area; the part that is not a type may be the name
        rest = next((p for p in _split_dash(rest) if not _REVIEW_WORDS.search(p)), None)
    if rest and rest.isupper() and (cased := name_words_cased(rest.title())) in text:
        rest = cased  # "STORY 1: JAY" over "Jay was 13 ...": the name in capitals
    if rest:
        first = re.match(r"(?:(?:Child|Baby|Young\s+person)\s+)?(\w+)", rest, re.I)
        if _NAME_HEADING.match(rest) or (first and re.search(rf"\b{re.escape(first[1])}\b", text)):
            entry.name = rest
        else:
            # the area, and no child's name: the whole heading stays its title, so that two
            # reviews of one area on one page keep apart ("" says the heading names no child)
            entry.area = entry.area or rest
            entry.title, entry.name = entry.heading, ""
    elif child := _CHILD_ID.search(text):
        entry.name = child.group()
    else:
        from casegraph.ingest.document import called_name

        entry.name = called_name(text)  # "a young man the report calls 'Jay'"


#: A heading's fields parted by bars or middle dots ("England · Serious case review · Sophie and
#: Max · Stoke-on-Trent").
_HEADING_FIELDS = re.compile(r" [|·] ")


def _dash_area(heading: str) -> str | None:
    """The area a heading names among its dashed or comma'd parts, beside the review's type:
    "CASE 1 - "Lily" - Bradford local child safeguarding practice review (published 2023)",
    "Baby K - Medway LCSPR", "Child N - case management review, Belfast", "Child Z – LCSPR –
    Leicester (published June 2024)", "Ffion: an extended child practice review in Cardiff
    and Vale (2023)".  A part that is a place alone counts only last, right
    after a part that is the type, in a heading that names its child as "Child D" or "Baby O"
    (so that the part is no name: "Learning Review - Ryan"), or last of three or more fields
    parted by bars, one of them the type; words of a document's kind are no place ("Summary
    Report", "Local learning review")."""
    from casegraph.core.places import default_gazetteer
    from casegraph.ingest.document import place_in

    bare = re.sub(r"\s*\([^()]*\)\s*$", "", heading)
    fields = [p.strip() for p in _HEADING_FIELDS.split(bare)]
    if len(fields) >= 3 and any(_REVIEW_WORDS.search(f) for f in fields[:-1]) \
            and place_in(fields[-1]) == fields[-1] and default_gazetteer().lookup(fields[-1]):
        # (session 58) a heading of fields parted by bars, its last a place: "SEWSCB 02/2023 |
        # Concise Child Practice Review | Anwen (3) | Newport"; (session 71) or by middle dots, a
        # library's "[1] England · Serious case review · Sophie and Max · Stoke-on-Trent"
        return fields[-1]
    parts = [p.strip() for p in re.split(rf"{_DASH}|[,:]\s+", bare) if p.strip()]
    dashed = [p.strip() for p in re.split(_DASH, bare)]
    for k, part in enumerate(parts[1:], start=1):
        place = place_in(part.strip("\"“”'")) if not _CHILD_ID.search(part) else None
        place = re.sub(r"(?:\s*\b(?:Local|Regional|National|Summary|Report|Briefing))+$", "", place or "")
        if not place:
            continue
        # (session 70: or a name, the type and the place, parted by three dashes alone: "Kayla
        # -- Learning Review -- Glasgow", a repository's; not "Practitioner workshop: Learning
        # Review – Kai and Lila", whose last part is a name a place shares)
        if _REVIEW_WORDS.search(part) or (k == len(parts) - 1 and _REVIEW_WORDS.search(parts[k - 1])
                                          and place == part and (_CHILD_ID.search(bare) or (
                                              len(dashed) == 3 and dashed[1:] == parts[-2:]
                                              and not _REVIEW_WORDS.search(dashed[0])
                                              # (session 83: not "2025 – LCSPR – Zara", a
                                              # list's year, the type, then the child)
                                              and not re.fullmatch(YEAR, dashed[0])))):
            return place
    return None


#: A field of a heading that is a first name or two ("Sophie and Max").
_FIRST_NAME_FIELD = re.compile(r"(?-i:[A-Z][a-z]{1,15})(?:\s+and\s+(?-i:[A-Z][a-z]{1,15}))?")
#: A UK nation's name (a field of a library's heading but never a child's; a catalogue's
#: qualifier of a place; a dateline's first field): the one home of the form.
_NATION = r"(?:England|Scotland|Wales|Northern\s+Ireland)"


def _field_name(heading: str, entry: Entry) -> str | None:
    """(session 71) The child or children a heading of three or more fields, one of them the
    review's type, names by first name in a field of their own ("... · Sophie and Max · ..."),
    when the review's text names each of them again; no place ("Stoke-on-Trent") and no
    nation ("England") is a name."""
    from casegraph.core.places import default_gazetteer

    fields = [f.strip() for f in _HEADING_FIELDS.split(re.sub(r"^\[\d{1,2}\]\s*", "", heading))]
    if len(fields) < 3 or not any(_REVIEW_WORDS.search(f) for f in fields):
        return None
    text = " ".join(sec.span.text for sec in entry.sections)
    for field_ in fields:
        if _FIRST_NAME_FIELD.fullmatch(field_) and not default_gazetteer().lookup(field_) \
                and not re.fullmatch(_NATION, field_) and all(re.search(rf"\b{name}\b", text)
                                                    for name in field_.split(" and ")):
            return field_
    return None


def _place_part(heading: str) -> str | None:
    """(session 81) A part of a heading, between its dashes, bars or colon, that is a place the
    gazetteer knows once a review type is taken off it: "Child R - Hertfordshire - local child
    safeguarding practice review", "Powys: Concise Child Practice Review - Child G", "3) Devon
    SCR - Child C"; None when no part is one."""
    from casegraph.ingest.document import place_in

    for part in re.split(r"\s+[-–—|]\s+|:\s+|\(|\)", _LIST_NUMBER.sub("", heading)):
        place = place_in(part.strip(" ,.")) if part.strip() else None
        if place and _local_place(place):
            return place
    return None


_NATION_ONLY = re.compile(rf"(?:{_NATION}|UK|United\s+Kingdom)", re.I)


def _local_place(name: str) -> bool:
    """Whether a name is a place the gazetteer knows below a nation ("Sandwell", "Powys"): an
    area a review can have (a nation alone, "Wales", is none)."""
    from casegraph.core.places import default_gazetteer

    return not _NATION_ONLY.fullmatch(name) and bool(default_gazetteer().lookup(name))


def _title_area(title: str) -> str | None:
    """The area in a record's title's brackets ("(Oldham)", "(Lewisham, published 2017)")."""
    from casegraph.ingest.document import heading_fields

    return heading_fields(title).get("area")


def _not_a_name(name: str) -> bool:
    """(session 86) Whether a heading's first word is a section's or a field's, never a child's
    name: a section word (``document.NOT_NAMES``), or a field's label ("Review: Local child
    safeguarding practice review", a fields table's line; not among the section words, whose
    other readers take "Review ref: CYSUR 1/2024" under a heading for the review's field)."""
    from casegraph.ingest.document import NOT_NAMES

    return name.strip() in NOT_NAMES or name.strip() in _FIELD_WORDS


#: (session 86) Field labels that a "Name: type" heading's name never is.
_FIELD_WORDS = frozenset({"Review"})


def _bare_name(title: str) -> str | None:
    """A numbered title that is a name alone, maybe dated in brackets: "Jay", "Jay (published
    2023)", "M and N (2023)"; never a section word ("Welcome")."""
    bare = re.sub(r"\s*\([^()]*\)$", "", title).strip()
    if _not_a_name(bare):
        return None
    return bare if _NAME_ALONE.fullmatch(bare) else None


#: A first name, or names or letters joined by "and": "Jay", "Tia and Ellis", "M and N".
_NAME_ALONE = re.compile(r"(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?|"
                         r"[A-Z]{1,2}\d?(?:\s+and\s+[A-Z]{1,2}\d?)+)")


#: A review's type alone on its line, under its child's name: "Significant case review".
_REVIEW_TYPE_LINE = re.compile(
    r"(?:(?:local\s+)?child\s+safeguarding\s+practice|serious\s+case|significant\s+case|learning|"
    r"(?:extended|concise)\s+child\s+practice|child\s+practice|case\s+management|multi-agency\s+"
    r"(?:learning\s+)?)\s*review(?:\s*\([^()]{0,60}\))?", re.I)
#: (session 78) A slide's or card's box of a review's facts, by its label alone on its line over
#: them ("Review" over "Area: Southern Trust"): a part of the review, not its title.
_FACTS_BOX = re.compile(r"(?:the\s+|about\s+the\s+)?review(?:\s+(?:details|facts))?", re.I)
#: A question heading about a named child: "What happened to Mia and Leo?".
_WHAT_HAPPENED_TO = re.compile(r"^What\s+happened\s+to\s+(?P<name>(?-i:[A-Z][a-z]{1,15})"
                               r"(?:\s+and\s+(?-i:[A-Z][a-z]{1,15}))?)\s*\??$")
#: A first name (or two), a dash and the rest of a heading: "Kai – Serious Case Review (...)",
#: "Ellie and Jack – Multi-agency learning review (...)".
_FIRST_NAME_TYPED = re.compile(r"^(?P<name>(?-i:[A-Z][a-z]{1,15})"
                               r"(?:(?:,\s+(?-i:[A-Z][a-z]{1,15})){0,3},?\s+and\s+(?-i:[A-Z][a-z]{1,15}))?)"
                               r"(?:\s+\((?P<age>\d{1,2})\))?\s+[–—-]\s+(?P<rest>\S.{0,120})$")


def _numbered(line: Line | None, number: int) -> bool:
    """Whether a line is item ``number`` of a numbered list: beside a numbered heading, its
    neighbour in the same list ("3. Review published: Child H" over "4. Seven-minute briefing:
    Sam", a table of contents; a newspaper's "MOST READ", "2. Blyth ..." over "3. Review into
    ..."), so the heading is a list's item, not a review's heading."""
    m = _NUMBERED_HEADING.match(line.text) if line is not None else None
    return m is not None and int(m["num"]) == number


#: A bulleted review in a newsletter's round-up: "* Baby A - LCSPR (published January 2024)".
_LISTED_REVIEW = re.compile(
    rf"^[-•*·▪]\s+(?P<name>[^()]{{2,40}}?){_DASH}(?P<type>[^()]{{2,90}}?)\s*"
    rf"\(published\s+(?:(?P<month>{_MONTH_RE})\s+)?(?P<year>{YEAR})\)$", re.I)


def _shouted(text: str) -> bool:
    """A heading in capitals of two words or more: "TRAINING DATES", "POLICY UPDATES"."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) >= 2 and all(w.isupper() for w in words)


def _listed_review(text: str) -> dict | None:
    """A bulleted line that names a child and a review's type and publication ("* Sam -
    multi-agency learning review using the SILP model (published March 2024)"): the heading of
    the review told in the lines under it."""
    m = _LISTED_REVIEW.match(text)
    if m is None:
        return None
    named = _NAME_HEADING.match(m["name"]) or re.fullmatch(r"(?-i:[A-Z][a-z]{1,15})", m["name"])
    typed = _REVIEW_WORDS.search(m["type"]) or re.search(rf"\b{TYPE_ABBREVIATIONS}\b", m["type"], re.I)
    if not (named and typed):
        return None
    return {"kind": "line", "title": _BULLET.sub("", text, count=1), "name": m["name"].strip(),
            "year": int(m["year"]), "month": month_num(m["month"]), "whole": True}


def _timeline_line(text: str) -> dict | None:
    """A timeline's line, bulleted or not, as a review's heading: its year, child, type and what
    happened ("• 2018 - Baby D (3 months) - SCR - non-accidental head injury ..."); the
    account after the type is the review's own text, so the whole line is its title."""
    m = _LIST_HEADING.match(_BULLET.sub("", text, count=1))
    if m is None or len(text) > 220:
        return None
    parts = _split_dash(m["rest"])
    if len(parts) < 3 or not _NAME_HEADING.match(parts[0]) or not (
            _REVIEW_WORDS.search(parts[1]) or re.fullmatch(TYPE_ABBREVIATIONS, parts[1], re.I)):
        return None
    # (an archive's one-line entry: the line is the whole review)
    return {"kind": "line", "title": text, "name": parts[0], "year": int(m["year"]), "whole": True}


#: A child's name, the nation and place in brackets, the review's type, its year: "Callum
#: (Scotland, Fife) - Learning Review - published 2024".
_NAME_PLACE_TYPE = re.compile(
    r"^(?P<name>(?-i:[A-Z][a-z]{1,15})|(?:Child|Baby|Young\s+person)\s+(?-i:[A-Z]{1,3})\d?)\s+"
    r"\((?P<area>[^()]{2,60})\)\s+[–—-]\s+(?P<type>[^–—]{3,60}?)\s+[–—-]\s+"
    rf"published\s+(?:\w+\s+)?(?P<year>{YEAR})$", re.I)


#: A forum post's header in a thread saved raw: "a_user | 2024-09-03 14:37:09 UTC | #3".
_POST_HEADER = re.compile(r"^\S{2,40}\s*\|\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?\s*(?:UTC|GMT|Z)?"
                          r"\s*\|\s*#\d{1,5}$")


#: A link's note of the document it opens ("(PDF, 2.3 MB, 64 pages)"): no review's fields.
_DOCUMENT_LINK_NOTE = re.compile(r"\b(?:PDF|DOCX?|ODT|[KM]B|pages?)\b", re.I)


#: An email address or a UK telephone number: a contact line, never a review's heading.
_CONTACT_DETAILS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b")


#: (session 82) A part of one review that says what the review did: "THE REVIEW MADE THREE
#: RECOMMENDATIONS:", "What the review found".
_REVIEW_DID = re.compile(r"(?i)(?:what\s+)?(?:the|this)\s+(?:review|panel)\s+(?:made|makes|found|finds|"
                         r"recommend(?:s|ed)?|identified|concluded|heard)\b")


#: (session 86) An area field's value that names no local area: a national review's ("National"),
#: a nation's (the one home of their names: :data:`_NATION`) or the kingdom's.
_NO_AREA = re.compile(rf"(?:national|nationwide|{_NATION}|(?:the\s+)?(?:UK|United\s+Kingdom)|"
                      r"England\s+and\s+Wales)", re.I)
#: (session 86) A record's field that gives the review's type under a bare "Review" label.
_REVIEW_TYPE_FIELD = re.compile(r"review\s*:\s*(?=\S.*\breview\b)", re.I)
#: (session 86) A record's publisher field: "Publisher: ...", "Published by: ...".
_PUBLISHER_FIELD = re.compile(r"(?:publisher|published\s+by)\s*:\s*\S", re.I)


def _classify_heading(line: Line, nxt: Line | None) -> dict | None:
    """Heading fields if ``line`` is an entry heading, else None."""
    text = _BOLD_LINE.sub(r"\1", line.text)  # "**Child X - extended child practice review**"
    # (a line that stops on a word no heading ends on is a sentence wrapped onto the next line:
    # "Baby S's father had been looked after in foster care from the age of" over "11. Her ...")
    if len(text) > 220 or text.endswith((";", ",")) or _CUT_OFF.search(text):
        return None
    if line.blank_before and text.startswith("From: ") and nxt is not None and _EMAIL_HEADER.match(nxt.text):
        # (session 82) a mailbox's next message ("From: ..." over "Subject: ..."): another's
        return {"kind": "boundary", "title": text}
    if _CONTACT_DETAILS.search(text):
        return None  # (session 74) "Contact the Partnership Business Unit: 01642 000000 / unit@..."
    if _POST_HEADER.match(text):
        return {"kind": "boundary", "title": text}  # the next post is another's, not the review's
    if (typed := _TYPE_LABELLED.match(text)) and (m := _BRACKET_META.match(typed["rest"])) \
            and _NAME_HEADING.match(m["name"]) and not _DOCUMENT_LINK_NOTE.search(m["meta"]):
        # (session 50) "LCSPR: Baby X (Derbyshire, published March 2024)", "National review:
        # Child Y (...)": the review's type as a label over the child and the review's fields
        return {"kind": "name", "title": text, "name": m["name"].strip(), **_bracket_fields(m["meta"])}
    if typed and typed["year"] and (_NAME_HEADING.fullmatch(typed["rest"])
                                    or _FIRST_NAMES.fullmatch(typed["rest"])
                                    or (_LETTER_NAMES.fullmatch(typed["rest"]) and nxt is not None
                                        and nxt.text.startswith(typed["rest"][0] + ","))):
        # (session 81) "SCR (2019): Harvey": the review's type and year over its child; (session
        # 85) its area too, and children by letters, "... (East Surrey, 2019): B and C" over "B, a
        # boy aged three, and his sister C, ..."
        return {"kind": "name", "title": text, "name": typed["rest"], "year": int(typed["year"]),
                **({"area": typed["typed_place"].strip()} if typed["typed_place"] else {})}
    if typed and nxt is not None and (place := _PLACED_FIRST_NAME.match(typed["rest"])) and (
            (_FIRST_NAMES.fullmatch(place["name"]) and not _local_place(place["name"])
             and (_PUBLISHED_FIRST.match(nxt.text) or _AREA_THEN_PUBLISHED.match(nxt.text)))
            or (_LETTER_NAMES.fullmatch(place["name"]) and nxt.text.startswith(place["name"][0] + ","))):
        # (session 85) "CMR: Daniel (Western Area)" over "Published: June 2021": the review's
        # type by its letters, the child's first name and the place in brackets; or children by
        # letters, "Concise Child Practice Review: E and F (Swansea)" over "E, a seven-year-old ..."
        return {"kind": "name", "title": text, "name": place["name"], **_bracket_fields(place["meta"])}
    if nxt is not None and _FIRST_NAMES.fullmatch(text.strip()) and not _local_place(text.strip()) \
            and _TYPE_THEN_PUBLISHED.match(nxt.text):
        # (session 87) a podcast's show notes: "Kirsten" over "Learning review, published March
        # 2025.": the child's first name as the heading, the review's type and date under it
        return {"kind": "name", "title": text.strip(), "name": text.strip()}
    if typed and nxt is not None and (place := _PLACED_FIRST_NAME.match(typed["rest"])) \
            and _PUBLISHED_BY_IN.match(nxt.text) and _local_place(place["meta"]) \
            and (_NAME_HEADING.fullmatch(place["name"]) or _LETTERED_CHILD.fullmatch(place["name"])
                 or _FIRST_NAMES.fullmatch(place["name"])):
        # (session 87) "Significant Case Review: Young Person T (Dundee)" over "Published by
        # Dundee Child Protection Committee in 2019.": a podcast's show notes, review by review;
        # (session 88) or by a first name over "Published by Falkirk ... Committee, March 2024."
        return {"kind": "name", "title": text, "name": place["name"], "area": place["meta"]}
    if (placed := _PLACE_TYPE_NAME.match(text)) and nxt is not None and _local_place(placed["place"]) \
            and _DASHED_CHILD.fullmatch(placed["name"]) and nxt.text.startswith(placed["name"]):
        # (session 85) "Surrey LCSPR: Child F (published 2025)" over "Child F is a boy. ...": the
        # area and the type by its letters, the child, and its facts in brackets
        return {"kind": "name", "title": text, "name": placed["name"], "area": placed["place"],
                **_bracket_fields(placed["meta"])}
    if typed and nxt is not None and (_AREA_THEN_PUBLISHED.match(nxt.text) or (
            # (session 87) or by its publisher on a line of its own, "Fife Child Protection
            # Committee" over "Published: November 2020" (a USB stick's summary files, joined),
            # or with its area, "Safeguarding Board for Northern Ireland - Western Trust area"
            not nxt.blank_before and not re.search(r"[:\d]", nxt.text) and _masthead(nxt.text))) \
            and (_NAME_HEADING.fullmatch(typed["rest"]) or _FIRST_NAMES.fullmatch(typed["rest"])):
        # (session 78) "Extended Child Practice Review WGSB 2/2024: Jac" over "Neath Port Talbot
        # · Published June 2024": a bulletin's review by its type and reference, then its child;
        # (session 82) or by its type alone: "Learning Review: Baby Nell" over "Dundee Child
        # Protection Committee | Published: May 2024"
        return {"kind": "name", "title": text, "name": typed["rest"]}
    if (named := _NAME_THEN_TYPE.match(text)) and not _LABEL.match(text) and not _not_a_name(named["name"]) \
            and (named["meta"] or (nxt is not None and _PUBLISHED_FIRST.match(nxt.text))):
        # (session 59) "Jordan: multi-agency learning review (Wirral ..., signed off March 2024)";
        # (session 75) "Jack and Lily: multi-agency learning review" over its "Published: ..." line
        return {"kind": "name", "title": text, "name": named["name"],
                **(_bracket_fields(named["meta"]) if named["meta"] else {})}
    if (dashed := _TYPE_DASHED.match(text)) \
            and ((_NAME_HEADING.match(dashed["name"]) and not dashed["words"])
                 or _DASHED_CHILD.fullmatch(dashed["name"]) or _FIRST_NAMES.fullmatch(dashed["name"])) \
            and not _DOCUMENT_LINK_NOTE.search(dashed["meta"]):
        from casegraph.ingest.document import place_in

        info = {"kind": "name", "title": text, "name": dashed["name"].strip(),
                **_bracket_fields(dashed["meta"])}
        if dashed["area"] and (place := place_in(dashed["area"])):
            info.setdefault("area", place)
        if "year" in info:  # (not "(GSB 2/2024)", a board's reference, nor "(Sept 2023)")
            return info
    if _LABEL.match(text) or _LINK_LINE.match(text):
        return None
    part = _PART_NUMBER.match(text)
    if part and (_BARE_LABEL.match(text[part.end():]) or _LABEL.match(text[part.end():])):
        return None  # "7. Actions from the review": a numbered part of one review, not an entry
    listed = _listing_heading(text)
    if listed:
        return listed
    if (timeline := _timeline_line(text)) is not None:
        return timeline
    if (item := _listed_review(text)) is not None:
        return item
    m = _LIST_HEADING.match(text)
    if m and len(text) <= 160:
        parts = _split_dash(m["rest"])
        if len(parts) >= 2 or (parts and _NAME_HEADING.match(parts[0])):
            area = parts[0] if len(parts) >= 2 else None
            if area and (_REVIEW_WORDS.search(area) or re.fullmatch(TYPE_ABBREVIATIONS, area, re.I)):
                area = None  # (session 83) "2025 – LCSPR – Zara": the review's type, no area
            name = " - ".join(parts[1:]) if len(parts) >= 2 else parts[0]
            if len(name) <= 100 and not name.endswith("."):
                return {"kind": "dated-list", "year": int(m["year"]), "month": month_num(m["month"]),
                        "area": area, "title": name, "name": name}
    m = _NUMERIC_DATE_HEADING.match(text)
    if m and len(text) <= 160 and not text.endswith(".") and (
            _NAME_HEADING.match(m["rest"]) or _CHILD_ID.search(m["rest"])):
        month = int(m["month"] or m["month2"])
        return {"kind": "dated-list", "year": int(m["year"] or m["year2"]),
                "month": month if 1 <= month <= 12 else None, "area": None,
                "title": m["rest"], "name": m["rest"]}
    m = _AREA_YEAR_HEADING.match(text)
    if m and len(text) <= 160 and not text.endswith("."):
        # "Sheffield – 2021 – Local child safeguarding practice review – Child J"
        parts = _split_dash(m["rest"])
        return {"kind": "dated-list", "year": int(m["year"]), "month": None,
                "area": m["area"].strip(), "title": text, "name": parts[-1]}
    m = _NUMBERED_HEADING.match(text)
    # a numbered paragraph wrapped onto the next line ("32. The first, ... who died in a co-
    # sleeping" / "incident on a sofa ...") is prose, not a heading
    if m and len(text) <= 180 and not text.endswith(".") and not (nxt and nxt.text[:1].islower()) \
            and not _numbered(nxt, int(m["num"]) + 1) \
            and not ((m["open"] or m["paren"]) and m["title"].isupper()):
        # ("[3] WHAT THE LEARNING REVIEW IS", (session 70) "(4)  WHAT THE CMR FOUND": a
        # seven-minute briefing's part, in capitals)
        title = m["title"]
        from casegraph.ingest.document import labelled_name
        # "2. WHY DID IT HAPPEN? (contributory factors identified by the review)": a form's
        # question, a part of the one review it is about
        question = re.sub(r"\s*\([^()]*\)$", "", title).endswith("?")
        # ("6. CASE MANAGEMENT REVIEWS": a report's part about several, no review's heading)
        plural = _PLURAL_REVIEWS.search(title) and not _CHILD_ID.search(title)
        # (session 49) "1. ABOUT THIS REVIEW": a report's own first part, under its title;
        # (session 82) "6. THE REVIEW MADE THREE RECOMMENDATIONS:", a part saying what it did
        question = question or bool(re.fullmatch(r"about\s+(?:this|the)\s+review", title, re.I)
                                    or _REVIEW_DID.match(title))
        # (session 49: "2. CMR - 'CARA' (SOUTHERN TRUST AREA, ...)", a case management review by
        # its letters)
        if ((_REVIEW_WORDS.search(title) or _CMR.search(title)) and not ABOUT_REVIEWS.search(title)
                and not question and not plural) \
                or _NAME_HEADING.match(title) or _CHILD_ID.search(title) or _SHOUTED_CHILD.search(title) \
                or _NOTED_NAME.match(title) \
                or ((bare := _bare_name(title)) and nxt is not None  # "2. Jay (published 2023)"
                    and re.search(rf"\b{re.escape(bare.split()[0])}\b", nxt.text)) \
                or ((letter := _LETTER_DATED.fullmatch(title)) and nxt is not None  # "6.3 J (published
                    and re.match(rf"{letter['letter']}\s+(?:was|is|had|has)\b", nxt.text)) \
                or ((named := labelled_name(title)) and nxt is not None  # "4. Seven-minute
                    and re.search(rf"\b{named}\b", nxt.text)):  # briefing: Sam" over "... Sam"
            info = {"kind": "numbered", "number": int(m["num"]), "title": title}
            place = _NAME_PLACE.match(title) or _TRUST_BRACKET.search(title)
            if place and not _REVIEW_WORDS.search(place["area"]):
                info["area"] = place["area"]  # "Baby E — Cardiff and Vale, Wales"
            if facts := _FACTS_BRACKET.search(title):
                # "Box 1. Child A (Norfolk, local child safeguarding practice review, 2023)"
                info = {**_bracket_fields(facts["meta"]), **info}
            if year := re.search(rf"\s[–—-]\s+({YEAR})$", title):
                info.setdefault("year", int(year[1]))  # "[1] Child P - LCSPR - Wirral - 2024"
            return info
    m = _APPENDIX_ROW.match(text)
    if m and _REVIEW_WORDS.search(m["title"]):
        # "B1. Cwm Taf Morgannwg Safeguarding Board. Concise Child Practice Review CTMSB 3/2019,
        # published 2020.": a research appendix's row of included reviews, a sentence of its own
        return {"kind": "numbered", "number": int(m["num"]), "title": m["title"], "year": int(m["year"])}
    m = _CITATION_HEADING.match(text)
    if m:
        return {"kind": "citation", "year": int(m["year"]), "area": m["area"].strip(),
                "title": text, "name": m["name"].strip()}
    m = _REFERENCE_LIST_ENTRY.match(text)
    if m and _REVIEW_WORDS.search(m["title"]):
        # "Norfolk Safeguarding Children Board (2018) Serious case review: Sibling Group D.
        # Norwich: NSCB.": a reading list's reference, author (year) title. Place: publisher.
        from casegraph.ingest.document import area_of_body

        parts = [p.strip() for p in m["title"].split(":")]
        name = next((p for p in parts if not _REVIEW_WORDS.search(p)), parts[-1])
        return {"kind": "citation", "year": int(m["year"]), "area": area_of_body(m["body"]),
                "title": text, "name": name}
    if _EMAIL_HEADER.match(text):
        return None
    # (session 61: not a sentence, "... and it was awful.", a comment over its date)
    feed = _FEED_DATE.match(nxt.text) if nxt is not None and len(text) <= 160 \
        and not text.endswith((".", "!")) else None
    if feed:
        # a news feed's item: its title over its date ("Tue, 05 Mar 2024 09:00:00 +0000"); an
        # item about anything else (a training course) ends the one before it
        if not (_REVIEW_WORDS.search(text) or _CMR.search(text) or _CHILD_ID.search(text)
                or _NAME_HEADING.match(text)):
            return {"kind": "boundary"}
        return {"kind": "record", "title": text, "year": int(feed["year"]),
                "month": month_num(feed["month"])}
    if nxt is not None and len(text) <= 120 and not text.endswith((".", ":", ";")) \
            and _NATIONAL_HEADING.search(text) and _PUBLISHER_FIELD.match(nxt.text) \
            and not _CHILD_ID.search(text) and not _TYPE_LABELLED.match(text):
        # (session 86) a library's "Safe at home? National review of serious harm to infants
        # after hospital discharge" over "Publisher: Child Safeguarding Practice Review Panel": a
        # national review, which names no child, by its title (of any length) and its publisher
        return {"kind": "record", "title": text}
    if (nxt is not None and len(text) <= 120 and not text.endswith((".", ":", ";", "?"))
            and len(text.split()) <= 12  # a page's long title over its date is no record
            # "[Invented test page ...]", a note, is no record; (session 52) a list's number
            # is: "[1]  Niamh and Oisín - Case Management Review" over its district
            and (not text.startswith("[") or bool(_LIST_NUMBER.match(text)))
            # the last item of a list over the page's footer ("  - Training: ..." over
            # "Published: February 2024 | ..."): a labelled point, not a record's title
            and not ((bullet := _BULLET.match(text.lstrip())) and not line.blank_before
                     and (_UNTITLED_RECORD.match(text.lstrip()[bullet.end():])
                          # (session 56) or a list's last item, a blank line above the fields
                          # after it ("- The Board to audit ..." / "" / "Area: Armagh")
                          or nxt.blank_before))
            and not _DOCUMENT_PART.match(text) and " | " not in text  # not "News | Partnership"
            and not _FACTS_BOX.fullmatch(text.strip())  # (session 78) "Review" over "Area: ..."
            # (session 52) a form's part over its first field: "SECTION 1 - NOTIFYING CHILD
            # PROTECTION COMMITTEE" over "Child Protection Committee: Aberdeenshire ..."
            and not re.match(r"(?i)(?:section|part)\s+\d{1,2}\b", text)
            and not _FIELD_LINE.match(text)  # "Our ref: FOI/2022/1187", "Independent Reviewer: ..."
            # (session 86) nor a fields table's "Review: Local child safeguarding practice review"
            and not _REVIEW_TYPE_FIELD.match(text)
            and not _FEED_DATE.match(text)  # (session 60) a feed item's date over its "Area:" line
            and not _POSTED_ALONE.match(text)  # (session 64) nor a post's "Posted 19 June 2024"
            # (session 75) nor a box's summary label, "At a glance" over "Published: ..."
            and not ((bare := _BARE_LABEL.match(text)) and _label_kind(bare["head"]) == "summary")
            # "Number of recs: 5", (session 64) "Rapid review: 2022-11-03": a field, its value a
            # number or a date
            and not re.match(r"^[A-Z][\w .]{0,30}:\s*\d[\d/.-]*$", text)
            # (session 87) or a date in words: an event's "Starts at: 14 May 2025" over "Location: ..."
            and not ((field := re.match(r"^[A-Z][\w .]{0,30}:\s*(?P<value>.+)$", text))
                     and PAGE_DATE.fullmatch(field["value"].strip()))
            # (session 57) a heading's first field over its second ("Local authority area:
            # Conwy" over "Published: October 2023"): the review's details, not its title
            and not ((own := _LABEL.match(text)) and _label_kind(own["head"]) in ("area", "published"))
            # (session 87) nor one set apart by a gutter, not a colon: a jsPDF briefing's "Trust
            # area              Southern Trust" over "Published: March 2025"
            and not ((own := _SPACED_FIELD.match(text))
                     and _label_kind(own["head"]) in ("area", "published", "model"))
            # (session 67) nor its publisher and date: "Published by the Safeguarding Board for
            # Northern Ireland, February 2024" over "Area: Western Trust"
            and not re.match(rf"published\s+by\b[^:]{{3,100}}\b{YEAR}\.?$", text, re.I)
            # a partnership's name over its release's date is the page's masthead, not a record
            and not (_masthead(text) and not _CHILD_ID.search(text))
            and not _RELEASE_GENRE.match(text.strip())  # (session 47) "MEDIA STATEMENT" over its date
            # (session 83) nor a notice's signature over its date: "Signed: Head of Democratic
            # Services" over "Published: 19 April 2024"
            and not re.match(r"(?:signed|signature|approved\s+by|authori[sz]ed\s+by)\s*:", text, re.I)
            and (((lm := _LABEL.match(nxt.text))
                  and _label_kind(lm["head"]) in ("published", "area", "model")
                  # (session 53) a release's or briefing's "Issued: 21 May 2024" is the page's
                  # date, not a record's field: the line above it is the masthead's
                  and not _ISSUED.match(nxt.text))
                 # a CMS card: "Baby L: head injury to an infant" over "Type" alone on its
                 # line, then its value (the label's colon lost with the page's styling)
                 or ((bare := _BARE_LABEL.match(nxt.text))
                     and _label_kind(bare["head"]) in ("published", "model")
                     and (_CHILD_ID.search(text) or _NAME_HEADING.match(text)))
                 # "Title:  Learning Review: Young Person B" over "Nation:  Scotland"
                 # (not a committee paper's cover, "Title: Case Management Reviews - update" over
                 # "Presented by: ...": the paper's title, session 49)
                 or (re.match(r"(?:Title|Name)\s*:", text) and _FIELD_LINE.match(nxt.text)
                     and not _PAPER_FIELD.match(nxt.text))
                 # "Case: Child K" over "Age: 15": a briefing's table of cases, flattened
                 or (re.match(r"(?:Case|Pseudonym)\s*:\s*\S", text)
                     and (lm := _LABEL.match(nxt.text)) is not None
                     and _label_kind(lm["head"]) in ("age", "sex", "published", "area", "model"))
                 or ((_PUBLISHED_LINE.match(nxt.text) or _SHARED_LINE.match(nxt.text))
                     and (_CHILD_ID.search(text) or _REVIEW_WORDS.search(text)))
                 # a catalogue's "Serious case review: Children X and Y" over "Source: Norfolk
                 # Safeguarding Children Board. Published 2017."
                 or ((lm := _LABEL.match(nxt.text)) is not None and _label_kind(lm["head"]) == "source"
                     and _REVIEW_WORDS.search(text) and re.search(rf"\b{YEAR}\b", nxt.text)))):
        # "Title: Child T" above "Review type: ..." in a library's exported records
        # ("Case: Sam", the first column of a tracker's export, names the child)
        # ("CHILD R  [LS/21/03]": a register's reference after the name is no part of it)
        quoted = _QUOTED_PSEUDONYM.search(text)
        return {"kind": "record", "title": re.sub(r"\s+\[[A-Z]{1,5}[/ -]?\d[\w/ -]{0,12}\]$", "",
                                                  _NAME_FIELD.sub("", _LIST_NUMBER.sub("", text))),
                **({"name": quoted["name"]} if quoted else {})}
    if nxt is not None and len(text) <= 80 and "|" in nxt.text and _field_header(nxt.text) \
            and not text.endswith((".", ":")):
        # "Baby Q" above "Area | Year | Type" and its row of values: a library's record
        return {"kind": "record", "title": text}
    m = _LINE_ENTRY.match(text)
    if m and _NAME_HEADING.match(m["name"]) and _REVIEW_WORDS.search(m["rest"]):
        # "Child F (2017) – serious case review – neglect, parental substance misuse": an
        # archive's one-line entry, whole in itself (it may have no text under it)
        return {"kind": "line", "title": text, "name": m["name"].strip(), "year": int(m["year"]),
                "whole": True}
    if (m := _QUOTED_LINE_ENTRY.match(text)) and not _local_place(m["name"]):
        # (session 88) "CMR 'Darcy' (Belfast Trust, published 2022): neglect of a two-year-old
        # girl; 7 recommendations ...": a list's one-line review, its type, its child quoted
        return {"kind": "line", "title": text, "name": m["name"], **_bracket_fields(m["meta"]), "whole": True}
    m = _BRACKET_YEAR.match(text)
    if m and (_NAME_HEADING.match(m["name"])
              # "Tia and Ellis (2023)" over "Local learning review, published July 2023"
              or (_bare_name(m["name"]) and nxt is not None and _REVIEW_WORDS.search(nxt.text))):
        # "Child A (2021)": a board's list of its reviews by year
        return {"kind": "name", "title": text, "name": m["name"].strip(), "year": int(m["year"])}
    m = _NAME_PLACE_TYPE.match(text)
    if m and (_REVIEW_WORDS.search(m["type"]) or re.fullmatch(TYPE_ABBREVIATIONS, m["type"], re.I)):
        # "Callum (Scotland, Fife) - Learning Review - published 2024": an analyst's notes' heading
        return {"kind": "name", "title": text, "name": m["name"], "year": int(m["year"]),
                "area": m["area"].split(",")[-1].strip()}
    m = _BRACKET_META.match(text)
    if m and len(text) <= 120 and (_NAME_HEADING.match(m["name"]) or (
            # (session 83) "Harry (Leeds, 2021)" over "Local child safeguarding practice review,
            # published by ...": a first name alone, the review's type opening the line under it
            _bare_name(m["name"]) and nxt is not None and _REVIEW_TYPE_LINE.match(nxt.text))):
        # "Child T (Kent, 2021, LCSPR)": name, then area, year and review type in brackets
        return {"kind": "name", "title": text, "name": m["name"].strip(), **_bracket_fields(m["meta"])}
    m = _WHAT_HAPPENED_TO.match(text)
    if m and nxt is not None and re.match(rf"{m['name'].split()[0]}\b", nxt.text):
        # a page for children and families: "What happened to Jay" over "Jay is 12. ..."
        return {"kind": "name", "title": text, "name": m["name"]}
    m = _TYPE_THEN_NAME.match(text)
    if m and nxt is not None and ((m["name"][:1].isupper() and " " not in m["name"])
                                  or _PUBLISHER_DATE_LINE.match(nxt.text)
                                  # (session 78) "Child L" over "Child L is a girl who ...": the
                                  # account names the child the heading names, or over its box
                                  # of facts ("Review" over "Area: ...")
                                  or re.match(rf"{re.escape(m['name'])}\b", nxt.text)
                                  or _FACTS_BOX.fullmatch(nxt.text.strip())):
        # (session 49) "CMR – 'Ruairí' (Newry, Mourne and Down)" between a briefing's rules;
        # (session 72) a pseudonym or a family only over its publisher and date ("Published by
        # the Safeguarding Board for Northern Ireland, June 2016"): a seven-minute briefing's
        # title over its parts is the one review's title, not an entry of many
        area = m["area"] or m["area2"]
        return {"kind": "name", "title": text, "name": m["name"], **({"area": area} if area else {})}
    m = _FIRST_NAME_TYPED.match(text)
    # "Kacey (3) — local learning review, 2024": the child's age and the review's year say it
    # is a review's heading, whatever comes under it;
    # "Ryan - CMR, Causeway Coast and Glens (2024)": so do the review's type first and its year
    # in brackets last (a podcast's topic names the review, and its host speaks next)
    typed = m and re.match(rf"(?:(?:concise|extended)\s+)?{TYPE_ABBREVIATIONS}\b", m["rest"], re.I)
    year = re.search(rf"\b{YEAR}\b", m["rest"]) if m and (
        m["age"] or (typed and re.search(rf"\({YEAR}\)$", m["rest"]))
        # (session 49) "Jaden, Tyler and Ellis – Thematic review – published November 2023"
        or re.search(rf"\bpublished\s+(?:(?:{_MONTH_RE})\s+)?{YEAR}$", m["rest"], re.I)) else None
    if m and nxt is not None and (_REVIEW_WORDS.search(m["rest"]) or typed) and (year or (
            re.match(rf"{m['name'].split()[0]}\b", nxt.text) and _CASE_ACCOUNT.search(nxt.text))
            # (session 50) "Jac and Elis – Extended Child Practice Review (Pembrokeshire)" over
            # "Published November 2023": the review's own date under it
            or _PUBLISHED_MONTH_LINE.match(nxt.text)):
        # "Kai – Serious Case Review (the last SCR ...)" over "Kai, 15, was stabbed ...": a first
        # name and the review's type, the account naming the child again
        return {"kind": "name", "title": text, "name": m["name"], **({"year": int(year[0])} if year else {})}
    if (nxt is not None and len(text) <= 100 and not text.endswith((".", ":"))
            and _NAME_HEADING.match(text) and not _LABEL.match(nxt.text)
            and not _NAME_HEADING.match(nxt.text) and not nxt.text[:1].islower()
            # "Baby R, a five-month-old girl, suffered a serious head injury in July" over
            # "2022 which ...": the first line of a paragraph wrapped in a box, not a heading
            and not (_APPOSITION.match(text) and len(text.split()) >= 8)
            # (session 48) "Child V is a 16-year-old girl who has been in the care of Leeds City"
            # over "Council since ...": a sentence that opens with the name, wrapped
            and not _NAME_SENTENCE.match(text)
            # (session 47) "Child Q was 17 when she was found dead in a flat in March" over
            # "2023. An inquest ...": a sentence wrapped inside its date, or after a word that
            # cannot end one, runs on
            and not RUNS_ON.search(text)
            and not (_ENDS_IN_MONTH.search(text) and re.match(rf"{YEAR}\b", nxt.text))
            # ("Child P was ... found by police" / "officers in ...": a sentence runs on)
            and ((len(nxt.text) > 40 and _CASE_ACCOUNT.search(nxt.text))
                 # "Child V" over "Significant case review", its type alone on a line
                 or (len(nxt.text) <= 60 and _REVIEW_TYPE_LINE.fullmatch(nxt.text)))):
        # "Child V (2020) – full summary", "Child T — 2019 SCR"
        year = re.search(rf"\((?P<year>{YEAR})\)|\s[–—-]\s*(?P<year2>{YEAR})\b", text)
        return {"kind": "name", "title": text,
                **({"year": int(year["year"] or year["year2"])} if year else {})}
    if nxt is not None and _FIRST_NAME_ONLY.match(text) and (typed := _REVIEW_TYPE_LINE.match(nxt.text)) \
            and re.match(rf"\s*[·|,–—-]?\s*published\s+(?:\d{{1,2}}\s+)?(?:(?:{_MONTH_RE})\s+)?{YEAR}$",
                         nxt.text[typed.end():], re.I):
        # (session 57) "Sophie" over "Local child safeguarding practice review · Published 19
        # September 2023": a partnership's page of reviews, each a child's first name over its
        # type and date (as "Child H" over the same line is, by _NAME_HEADING)
        return {"kind": "name", "title": text, "name": text}
    cells = [c.strip() for c in text.split(" | ")]
    name = next((c for c in cells[1:] if _child_cell(c)), None)
    if nxt is not None and name and _PIPED_RECORD.match(text) and _REVIEW_WORDS.search(text) \
            and re.search(rf"\b{YEAR}\b", text) \
            and (lm := _LABEL.match(nxt.text)) is not None and _label_kind(lm["head"]) != "other":
        # "Edinburgh | Significant Case Review | Jordan | 2018" over "Published: ...": a
        # digest's record, its facts in one line of cells (one of them the child's name, after
        # the area), its fields under it; not a table's row under its header ("Lancashire |
        # 2019 | Serious case review")
        return {"kind": "record", "title": text, "name": name,
                **_bracket_fields(", ".join(c for c in cells if c != name))}
    return None


def _child_cell(cell: str) -> bool:
    """Whether a record line's cell is a child's name: "Child X", "Twin A and Twin B", or a first
    name alone ("Jordan")."""
    return bool(_CHILD_ID.search(cell) or re.fullmatch(r"(?:Twin|Young\s+[Pp]erson)\s+[A-Z]\b.*", cell)
                or re.fullmatch(r"(?-i:[A-Z][a-z]{2,15})", cell))


_PRESS_END = re.compile(r"^(?:-+\s*)?(?:ends|notes to editors?|note to editors?)\s*(?:-+)?:?$"
                        # (session 50) a bilingual release's "Nodiadau i olygyddion | Notes to editors"
                        r"|^[^|/]{3,40}\s[|/]\s+(?:ends|notes? to editors?)\s*:?$", re.I)
#: Heading kinds that only catalogues use: a page with two of them is a catalogue.
_CATALOGUE_KINDS = ("dated-list", "numbered", "citation")
#: A line that only says when the review above it was published: "Published 2022".
#: The words that label a publication date.
# ((session 87) "First published September 2019": a summary re-issued by a later partnership)
_PUBLISHED_WORDS = r"(?:(?:First\s+)?[Pp]ublished|Date of publication|Publication date)"
#: (session 88) The document's kind before its publication date on one line: "Public summary.
#: Published: December 2019" (a board's shared-drive summary under its heading).
_SUMMARY_KIND = r"(?:(?:[Pp]ublic|[Ee]xecutive|[Ss]hort)\s+summary[.:;,]\s+)?"
#: A line of three to six short cells parted by " | " (a digest's record heading).
_PIPED_RECORD = re.compile(r"^[^|]{2,60}(?:\s\|\s[^|]{1,60}){2,5}$")
# (Known, session 49: the months' alternation is not grouped, so "Published March 2024" is no
# such line, only "Published: 2024" or "... December 2024".  Grouped, four development pages'
# headings over such a line ("Learning Review summaries") became reviews of their own: the
# heading rules around it were tuned with the line as it is, and it is left so; the same slip
# in _APPENDIX_ROW and _bracket_fields was mended.)
_PUBLISHED_LINE = re.compile(rf"^{_SUMMARY_KIND}{_PUBLISHED_WORDS}\s*[:–-]?\s*"
                             rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH_RE}\s+|(?:spring|summer|autumn|winter)\s+)?"
                             rf"{YEAR}\.?$", re.I)  # ((session 80) "Published 2024." too)
#: "Published November 2023", "Published: 12 March 2024": the month grouped as it should be; used
#: only under a first name and a review's type (_FIRST_NAME_TYPED), apart from _PUBLISHED_LINE.
_PUBLISHED_MONTH_LINE = re.compile(rf"^{_PUBLISHED_WORDS}\s*[:–-]?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                                   rf"(?:{_MONTH_RE})\s+{YEAR}$", re.I)
#: A line in bold (Markdown's "**" kept in plain text): the marks are not the heading's words.
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*$")
#: A field of a letter or of a report's cover ("Our ref: ...", "Independent Reviewer: ..."),
#: never a review's name.
#: (A register's own reference column, "CMR ref: CMR 03/2019", is a field too.)
_FIELD_LINE = re.compile(r"^(?:Our|Your|[A-Z]{2,6})?\s*(?:ref|reference|version|status|classification|"
                         r"(?:independent|lead)?\s*(?:reviewer|author)s?|prepared by|chair|"
                         # (session 62) a coding sheet's "Nation of review: Scotland"
                         r"(?:nation|country)(?:\s+of\s+(?:the\s+)?review)?|"
                         r"(?:published|commissioned)\s+by|format|access|(?:record|review|case|item)\s+id|"
                         # (session 77) a library catalogue's "Publisher: Safeguarding Board for ..."
                         r"publisher|"
                         # (session 70) an SCR log's "Notification / decision: SCR agreed by chair ..."
                         r"(?:notification|referral)(?:\s*/\s*decision)?|decision|"
                         # (session 53) a form's own name: "Form title: Case Review Learning Record"
                         r"(?:form|template|document)\s+(?:title|name)|"
                         # (session 60) a CMS article's "Category: Learning reviews", "Hits: 318"
                         r"categor(?:y|ies)|hits|"
                         # "Region/Board: Safeguarding Board for Northern Ireland", a record's body
                         r"(?:region|board|partnership)(?:\s*/\s*(?:region|board|partnership|area))?|"
                         # "Date of inspection visit: 9 to 11 January 2024", an inspection's date
                         r"date\s+of\s+(?:inspection|visit|meeting|issue|hearing|decision|letter|event)"
                         r"[\w ]{0,20}?)\s*:\s"
                         # a record's fields aligned in a column ("Nation:           Scotland"); its
                         # "Title:" line is the record's heading
                         r"|^(?!(?:Title|Name|Case|Child|Pseudonym)\s*:)[A-Z][A-Za-z ]{1,25}:\s{2,}\S"
                         r"|^By\s+(?:our\s+)?(?-i:[A-Z]|[a-z]+\s+(?:reporter|correspondent|editor))",
                         re.I)  # a news article's byline: "By our court reporter", "By Sam Lee"
#: A line that stops mid-sentence, on a word that cannot end a heading ("... experiences of a").
_CUT_OFF = re.compile(rf"\b(?:{_CUT_OFF_WORDS})$")
#: A reference in a reading list: "Body (2018) Title: name. Place: Publisher."
_REFERENCE_LIST_ENTRY = re.compile(
    rf"^(?P<body>[A-Z][^().]{{3,100}}?)\s*\((?P<year>{YEAR})\)\s+(?P<title>[^.]+(?:\.\d[^.]*)?)\."
    r"\s+[A-Z][\w ,'’-]{1,40}:\s*[\w&.' -]{2,60}\.?$")
#: A record's publisher on a line of its own: "Fife Child Protection Committee", "Bradford
#: Safeguarding Children Board" (ingest.document reads a record's facts with it too).
PUBLISHER_LINE = re.compile(
    r"(?-i:[A-Z]).{0,70}\b(?:Safeguarding|Partnership|Board|Committee|Council)\b[^.]{0,20}")


def _masthead(text: str) -> bool:
    """Whether a line is a publisher's name (:data:`PUBLISHER_LINE`), alone or (session 87) with
    its area after a dash or comma: "Safeguarding Board for Northern Ireland - Western Trust area"."""
    text = text.strip()
    parts = re.split(r"\s+[–—-]\s+|,\s+", text, maxsplit=1)
    return bool(PUBLISHER_LINE.fullmatch(text)) or (
        len(parts) == 2 and bool(PUBLISHER_LINE.match(parts[0])) and len(parts[0]) <= 80
        and len(parts[1]) <= 40 and not re.search(r"[.:]", text))


#: A year alone on its line, maybe between rule marks: "=== 2023 ===", "## 2021", "2019".
_YEAR_LINE = re.compile(rf"^[=#*\s–—-]*(?P<year>{YEAR})[=#*\s–—-]*$")
#: A conference programme's timed session: "10:00  Session 1 — ...", "13:30 Workshop: ...".
_SESSION_HEADING = re.compile(r"^\d{1,2}[:.]\d{2}\s+(?:Session\s+\d+\s*[–—:-]\s*)?(?P<rest>\S.*)$")
#: A quoted first name: "Jade", ‘Jade’ (ingest.document uses it too); not a quotation's first
#: word before an apostrophe ("It's his dummy clip": the quote closes a word, not a name).
#: (session 74) "'Baby Ruby'": a baby's quoted name keeps its "Baby", as "Baby R" does
QUOTED_NAME = re.compile(r"(?<!\w)[‘'“\"](?P<name>(?-i:(?:Baby\s)?[A-Z][a-z]{1,15}))[’'”\"](?!\w)")
#: A review library's card: "Child M | 2022 | LCSPR | Read more" (name, year, type, then a link:
#: without the link it may be a row of a table, which ingest.table reads).
_CARD_HEADING = re.compile(rf"^(?P<name>[^|]{{2,40}}?)\s*\|\s*(?P<year>{YEAR})\s*\|\s*(?P<type>[^|]{{2,60}}?)"
                           r"\s*\|\s*(?:Read more|Read|More|View|Download|Open)\W*$", re.I)
#: Review types written short: "SCR", "LCSPR", "CSPR", "CPR", "CMR", "SILP", "MALR" (one home:
#: ingest.document's heading fields use it too).
TYPE_ABBREVIATIONS = r"(?:LCSPR|CSPR|SPR|SCR|CPR|CMR|SILP|MALR|LLR)"
#: (session 88) A one-line review in a list: its type by its letters, the child's first name
#: quoted, its area and year in brackets, then a colon and what happened.
_QUOTED_LINE_ENTRY = re.compile(rf"^(?:[•*·]\s+)?(?:{TYPE_ABBREVIATIONS})\s+"
                                r"[‘'\"“](?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)[’'\"”]"
                                rf"\s*\((?P<meta>[^()]*\b{YEAR}\b[^()]*)\):\s+\S")
#: A review's type by its letters, then the child's first name, quoted or not, and its area in
#: brackets: "CMR – 'Aoife' (Armagh City, Banbridge and Craigavon)".
_TYPE_THEN_NAME = re.compile(rf"^(?:(?:{TYPE_ABBREVIATIONS})\s*[–—:-]"
                             # (session 68) or its type in words before a dash (a colon's is a
                             # label, read as one): "Case Management Review – 'Callum' (Armagh
                             # City, Banbridge and Craigavon)" in an episode's show notes
                             r"|(?i:(?:(?:serious|significant)\s+case|case\s+management|(?:local\s+)?child\s+"
                             r"safeguarding\s+practice|(?:concise\s+|extended\s+)?child\s+practice"
                             # (session 78) Scotland's "Learning Review – Erin, Stirling" in a
                             # podcast's transcript
                             r"|learning)\s+review)"
                             r"\s+[–—-])\s*['‘“\"]?"
                             # ((session 72) or a pseudonym, "Child Q", or a family's letter, "the B
                             # children", over the review's publisher line in a trust's bulletin)
                             r"(?P<name>(?-i:[A-Z][a-zà-ÿ]{1,15}|(?:Child|Baby)\s+[A-Z]{1,2}\d?"
                             r"|the\s+[A-Z]\s+(?:children|family|siblings)))"
                             r"['’”\"]?(?:\s+\((?P<area>[^()\d]{2,60})\)"
                             # (session 78) or after a comma: "Learning Review – Child L, Falkirk"
                             r"|,\s+(?P<area2>(?-i:[A-Z])[\w'’.-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'’.-]*){0,4}))?$")
#: (session 72) A review's publisher and date under its heading: "Published by the Safeguarding
#: Board for Northern Ireland, June 2016", "Published June 2016".
_PUBLISHER_DATE_LINE = re.compile(rf"^{_PUBLISHED_WORDS}\b[^.:]{{0,100}}\b{YEAR}\.?$", re.I)
#: (session 81) A review's type and area as a label before its child's name: "Learning Review
#: (North Lanarkshire): Ruby".
_TYPED_AREA = r"[^.;:!?|()]{1,80}?\breview\s*\((?P<typed_area>[^()]{1,40})\):\s+"
#: A review's place in the page's own count: "Review 1 of 3", "Case study 2", with the child's
#: name or the area after it ("Case vignette 1: Sam", "Review 2 — Aberdeenshire").
_ORDINAL_HEADING = re.compile(
    # (after an e-learning screen's or a slide's own counter: "Screen 4 of 12 — Case study 1: ...")
    r"^(?:(?:Screen|Slide|Page)\s+\d{1,2}(?:\s+of\s+\d{1,2})?\s*[:–—-]\s*)?"
    # (session 47) a briefing's series: "Learning from reviews 1: 'Sam' (Surrey LCSPR, 2023)"
    r"(?:Review|Case(?:\s+(?:study|vignette|example|story|scenario))?|Vignette|Summary|Scenario|Story|"
    # (session 77) a briefing's "Learning review 1: Mia (aged 14)"
    r"Learning\s+from\s+(?:local\s+)?reviews?|(?:Local\s+)?learning\s+review)\s+"
    # ("Case study 4B": a chapter's fourth, second; "Case study 4.1": its first in chapter 4)
    r"(?:\d{1,2}(?:\.\d{1,2})?(?-i:[A-Z])?|(?-i:[A-Z]))"
    # (the rest in lower case only when it speaks of the review: "Case study B – complaint
    # linked to a serious case review"; a review's letters and a colon may open it: "CMR: Baby N")
    # ((session 81) or its type and area: "Case study 2 - Concise Child Practice Review (Powys): Dylan")
    rf"(?:\s+of\s+\d{{1,2}})?(?:\s*[:–—-]\s*(?P<rest>[\"“‘']?(?:{TYPE_ABBREVIATIONS}:\s+|{_TYPED_AREA})?"
    r"(?:(?-i:[A-Z])|(?=[^|]*\breview\b))[^.;:!?|]{1,120}?)"
    # "CASE STUDY B - Sami (13) | Gloucestershire Rapid Review and LCSPR, published June 2023":
    # the child, then the review's facts after a bar
    r"(?:\s*\((?:aged\s+)?\d{1,2}\)\s*)?(?:\s*\|\s*(?P<facts>[^|]{3,120}))?)?:?$", re.I)
#: A review's reference number as its heading, bulleted or not: "CPR 03/2021 – Concise – ...".
_REFERENCE_HEADING = re.compile(
    r"^(?:[•*·▪◦–-]\s+)?(?P<title>(?:CPR|C?SPR|LCSPR|SCR|CMR)\s?\d{1,4}/\d{2,4}\b.*?)\s*$")
#: "12.05.2022", "27/02/2023": a day, month and year in figures.
_DOTTED_DATE = re.compile(rf"\b\d{{1,2}}[./](?P<month>\d{{1,2}})[./](?P<year>{YEAR})\b")

#: A review's type written as a label before its child: "LCSPR: ", "National review: ",
#: "Serious case review: " (what follows is the child and the review's fields in brackets).
_TYPE_LABELLED = re.compile(rf"^(?:{TYPE_ABBREVIATIONS}|(?:(?:national|local|serious\s+case|"
                            # (session 88) "Local learning review: Nova"
                            r"significant\s+case|(?:local\s+)?learning|case\s+management|(?:concise|extended)\s+child\s+practice|"
                            r"child\s+safeguarding\s+practice|multi-agency(?:\s+learning)?)\s+review))"
                            # (session 78) and its board's reference: "... Review WGSB 2/2024: Jac";
                            # (session 87) or its number alone, "Case Management Review 2022/04: Cillian"
                            r"(?P<reference>\s+(?:(?-i:[A-Z]{2,6})\s?\d{1,3}/\d{2,4}|(?:19|20)\d\d/\d{1,3}))?"
                            # (session 81) or its year: "SCR (2019): Harvey"; (session 85) or its
                            # area and year: "Serious Case Review (East Surrey, 2019): B and C"
                            rf"(?:\s*\((?:(?P<typed_place>(?-i:[A-Z])[^(),]{{1,40}}),\s*)?(?P<year>{YEAR})\))?"
                            r"\s*:\s*(?P<rest>\S.*)$", re.I)
#: (session 78) A professional forum's date line, where a review's says "Published": "Shared
#: October 2023. Area: Cardiff." (a Welsh board's report: the forum's learning is shared);
#: (session 79) "Held: November 2024".
_SHARED_LINE = re.compile(rf"^(?:Shared|Held)\s*:?\s*(?:\d{{1,2}}\s+)?(?:{_MONTH_RE})\s+{YEAR}\b")
#: (session 78) The line under a review's heading that gives its area, then its date: "Swansea ·
#: Published April 2024" (a bulletin's line of facts under "... Review WGSB 1/2024: Child C").
_AREA_THEN_PUBLISHED = re.compile(rf"^(?-i:[A-Z])[\w'’ .-]{{1,60}}?\s*[·|,–—-]\s*{_PUBLISHED_WORDS}\s*:?\s*"
                                  rf"(?:\d{{1,2}}\s+)?(?:(?:{_MONTH_RE})\s+)?{YEAR}\b", re.I)

#: (session 59) The child's first name, then the review's type and its facts in brackets: "Jordan:
#: multi-agency learning review (Wirral Safeguarding Children Partnership, signed off March 2024)".
_NAME_THEN_TYPE = re.compile(r"^(?P<name>(?-i:[A-Z][a-z]{1,15}(?:\s+and\s+[A-Z][a-z]{1,15})?))\s*:\s*"
                             rf"(?:an?\s+)?(?:{TYPE_ABBREVIATIONS}|(?:(?:national|local|serious\s+case|significant\s+case|"
                             r"learning|case\s+management|(?:concise|extended)\s+child\s+practice|"
                             r"(?:local\s+)?child\s+safeguarding\s+practice|multi-agency(?:\s+learning)?)\s+review))"
                             r"(?:\s*\((?P<meta>[^()]*\d{4}[^()]*)\))?$", re.I)
#: (session 75) The line under a review's heading that opens with its publication date:
#: "Published: April 2024 · Area: Doncaster" (a Hugo post's facts line under "Jack and Lily:
#: multi-agency learning review"); (session 88) after the document's kind (_SUMMARY_KIND).
_PUBLISHED_FIRST = re.compile(rf"^{_SUMMARY_KIND}\**{_PUBLISHED_WORDS}\**\s*[:–-]?\**\s*(?:\d{{1,2}}\s+)?"
                              rf"(?:(?:{_MONTH_RE})\s+)?{YEAR}\b", re.I)

#: (session 51) A review's type by its letters, perhaps after its area, a dash, the child, and
#: the review's facts in brackets: "Concise CPR – Lowri (Ceredigion, CYSUR, published January
#: 2024)", "Cornwall LCSPR – Baby M (published November 2023)" (a team's meeting notes).
_TYPE_DASHED = re.compile(rf"^(?:(?P<area>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){{0,3}})\s+)?"
                          rf"(?:{TYPE_ABBREVIATIONS}|(?i:(?:concise|extended)\s+child\s+practice\s+review)"
                          # (session 85) or the words of a type those letters stand for: "Case
                          # Management Review - Baby N (Northern Area, 2019)" (a news archive's
                          # record); then the child's name must be all the name part
                          r"|(?P<words>(?i:(?:case\s+management|serious\s+case|(?:local\s+)?child\s+"
                          r"safeguarding\s+practice)\s+review)))"
                          r"\s+[–—-]\s+(?P<name>[^()]{2,60}?)\s*\((?P<meta>[^()]*\d{4}[^()]*)\)$")

#: (session 85) Children named by letters alone: "B and C", "A, B and C".
_LETTER_NAMES = re.compile(r"(?-i:[A-Z])(?:,\s*(?-i:[A-Z]))*\s+and\s+(?-i:[A-Z])")
#: (session 87) A field's label and its value set apart by a gutter of spaces, not a colon: a
#: PDF's fields table printed as text, "Trust area              Southern Trust".
_SPACED_FIELD = re.compile(r"^(?P<head>(?-i:[A-Z])[A-Za-z ]{1,30}?)\s{3,}\S.{0,60}$")
#: (session 87) A review's type and its publication under a child's name: "Learning review,
#: published March 2025."
_TYPE_THEN_PUBLISHED = re.compile(
    rf"^(?:[A-Za-z-]+\s+){{0,4}}review\s*[,–—-]\s*published\b[^.]{{0,30}}{YEAR}\.?$", re.I)
#: (session 87) A review's publisher and year in a sentence of their own: "Published by Glasgow
#: Child Protection Committee in 2024."; (session 88) or after a comma, "..., March 2024."
_PUBLISHED_BY_IN = re.compile(rf"^Published by\s+\S.{{2,100}}?(?:\s+in|,)\s+"
                              rf"(?:(?:{_MONTH_RE})\s+)?{YEAR}\.?$")
#: (session 85) A first name and a place in brackets after a type's label: "Daniel (Western Area)".
_PLACED_FIRST_NAME = re.compile(r"^(?P<name>[^()]{2,40}?)\s*\((?P<meta>[^()]{2,60})\)$")
#: (session 85) An area, a type by its letters, the child and facts: "Surrey LCSPR: Child F
#: (published 2025)".
_PLACE_TYPE_NAME = re.compile(rf"^(?P<place>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){{0,2}})\s+{TYPE_ABBREVIATIONS}"
                              r"\s*:\s*(?P<name>[^()]{2,40}?)\s*\((?P<meta>[^()]{2,60})\)$")
#: (session 85) The child a heading names after a type in words and a dash: "Baby N", "Child J
#: and Child K", "Isla" (not "Child W: Board learning session webcast", a recording's title).
_DASHED_CHILD = re.compile(r"(?:(?:Child|Baby)\s+)?[A-Z][\w'’-]*"
                           r"(?:\s+and\s+(?:(?:Child|Baby)\s+)?[A-Z][\w'’-]*)?")
#: A child's first name, or two ("Lowri", "Cal and Dee"), after a review's type by its letters.
_FIRST_NAMES = re.compile(r"[A-Z][a-zà-ÿ'’-]{1,15}(?:\s+and\s+[A-Z][a-zà-ÿ'’-]{1,15})?")

PAGE_DATE = re.compile(  # (session 54) a US-style blog's "June 11, 2024" too
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_RE})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,\s+)?(?P<year>{YEAR})\b")
_PAGE_YEAR = re.compile(rf"\b(?:published|publication|released)\s+(?:in\s+)?(?P<year>{YEAR})\b"
                        # (session 56) an annual report's lead-in to its reviews: "All three
                        # reports were published on the Board's website in 2023", "two child
                        # practice reviews published by the Board in 2024", "their executive
                        # summaries were published in March 2023"
                        rf"|\bpublished\s+(?:(?:by|on)\s+[^.;]{{3,40}}?\s+)?in\s+(?:(?i:{_MONTH_RE})\s+)?"
                        rf"(?P<year2>{YEAR})\b", re.I)


#: A bulletin's issue by its season: "Spring 2015", "Autumn/Winter 2023".
_SEASON = re.compile(rf"\b(?:Spring|Summer|Autumn|Winter)(?:\s*/\s*(?:Spring|Summer|Autumn|Winter))?\s+"
                     rf"(?:edition\s+|issue\s+)?(?P<year>{YEAR})\b")
#: (session 77) A briefing's byline, its publisher's name and date opening a longer paragraph:
#: "Somerset Safeguarding Children Partnership, April 2024. These reviews were carried out ...".
_BODY_DATELINE = re.compile(rf"^(?-i:[A-Z])[^.,]{{3,100}}\b(?:Partnership|Board|Committee)\s*,\s*"
                            rf"(?P<date>(?:\d{{1,2}}\s+)?(?:{_MONTH_RE})\s+{YEAR})\.(?:\s|$)")
#: A line that opens with the page's publication date: "Published: 22/10/2024".
_PUBLISHED_LABEL = re.compile(rf"^(?:{_PUBLISHED_WORDS}|Date)\s*[:–-]", re.I)


#: The date a heading gives its review: in brackets ("Child P (2020)", "(published June 2023)")
#: or last, after a dash ("Child K - Serious Case Review - June 2018", "... – published 09.11.2018").
_HEADING_DATE = re.compile(
    rf"\((?:published\s+)?(?:(?P<m1>{_MONTH_RE})\s+)?(?P<y1>{YEAR})\)"
    # "Child K - SCR - June 2018", "... | Bristol Local Child Safeguarding Practice Review, 2022"
    rf"|(?:\s[–—-]|,)\s*(?:pub(?:lished\s+|\.\s*))?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?:(?P<m2>{_MONTH_RE}|{MONTH_ABBREVIATION})\.?\s+)?"
    rf"(?P<y2>{YEAR})\s*$"  # (an analyst's note abbreviates: "Child AE – CMR – pub. Feb 2024")
    rf"|\bpublished\s+\d{{1,2}}[./](?P<m3>\d{{1,2}})[./](?P<y3>{YEAR})\b"
    # a case study's source after its name: "Baby U (Leeds LCSPR, 2021)"
    rf"|\([^()]*,\s*(?:published\s+)?(?:(?P<m4>{_MONTH_RE})\s+)?(?P<y4>{YEAR})\)", re.I)


def heading_date(heading: str) -> tuple[int | None, int | None]:
    """(year, month) of a review's heading, or (None, None) when it gives none."""
    m = _HEADING_DATE.search(heading)
    if not m:
        return None, None
    if m["y3"]:
        month = int(m["m3"])
        return int(m["y3"]), month if 1 <= month <= 12 else None
    return int(m["y1"] or m["y2"] or m["y4"]), month_num(m["m1"] or m["m2"] or m["m4"])


#: (session 82) A message's words for reviews it announces as just published ("The Board has
#: today published two child practice reviews", "Two summaries are now available").
_JUST_PUBLISHED = re.compile(r"\b(?:ha(?:s|ve)|(?:is|are)\s+now)\s+(?:today\s+|just\s+)?"
                             r"(?:published|available)\b|\bpublished\s+today\b", re.I)


def _message_date(lines: list[Line], heads: list[tuple[int, dict]], i: int) -> tuple[int | None, int | None]:
    """(session 82) The publication date of a review told in a mailbox's message, from the words
    above the message's first review: "(published February 2024)", or its "Date:" header when
    it announces them as just published.  (None, None) when it says neither."""
    start = max((k for k, h in heads if k <= i and h["kind"] == "boundary"
                 and h.get("title", "").startswith("From: ")), default=0)
    first = min((k for k, h in heads if k >= start and h["kind"] != "boundary"), default=i)
    sent = next((ln.text[5:].strip() for ln in lines[start:first] if ln.text.startswith("Date: ")), None)
    if sent is None:
        return None, None  # (no message: a page's own date is read by _page_date)
    intro = " ".join(ln.text for ln in lines[start:first])
    if (m := re.search(rf"\bpublished\s+(?:in\s+|on\s+)?{PAGE_DATE.pattern}", intro, re.I)):
        return int(m["year"]), month_num(m["month"])
    if _JUST_PUBLISHED.search(intro):
        from email.utils import parsedate

        if (date := parsedate(sent)) is not None:
            return date[0], date[1]
    return None, None


def _page_date(preamble: list[Line]) -> tuple[str | None, int | None, int | None]:
    """Title and publication date stated above the first entry (``NSPCC Repository – May 2023``)."""
    title = preamble[0].text if preamble else None
    for line in preamble:  # a labelled date first: "Published: 22/10/2024"
        two = _BILINGUAL.match(line.text)  # "Cyhoeddwyd / Published: 18/06/2024"
        if _PUBLISHED_LABEL.match(line.text[two.end():] if two else line.text) and (
                m := PAGE_DATE.search(line.text) or _DOTTED_DATE.search(line.text)):
            month = month_num(m["month"]) if m.re is PAGE_DATE else int(m["month"])
            return title, int(m["year"]), month if month and 1 <= month <= 12 else None
    for line in preamble:
        if len(line.text) <= 120:
            m = PAGE_DATE.search(line.text)
            if m and not line.text.lower().startswith("last updated"):
                return line.text, int(m["year"]), month_num(m["month"])
    for line in preamble:  # (session 87) a news item's byline, "By Courier Reporter | 8 February 2024 | ..."
        cells = [cell.strip() for cell in line.text.split(" | ")]
        dated = (m for c in cells[1:3] if (m := PAGE_DATE.fullmatch(c)))
        if cells[0].startswith("By ") and (m := next(dated, None)):
            return title, int(m["year"]), month_num(m["month"])
    for line in preamble:  # (session 77) "Somerset Safeguarding Children Partnership, April 2024. These ..."
        if (m := _BODY_DATELINE.match(line.text)) and (d := PAGE_DATE.match(m["date"])):
            return title, int(d["year"]), month_num(d["month"])
    for line in preamble:
        m = _PAGE_YEAR.search(line.text)
        if m:
            return title, int(m["year"] or m["year2"]), None
    for line in preamble:  # (session 71) a bulletin's season: "Learning Bulletin, Spring 2015"
        if len(line.text) <= 120 and (m := _SEASON.search(line.text)):
            return title, int(m["year"]), None
    # (session 41) "22.09.2022", "Posted 27/09/2022", "FOR IMMEDIATE RELEASE — 28.06.2022"
    for line in preamble:
        if len(line.text) <= 60 and _DATE_LINE.match(line.text) and (m := _DOTTED_DATE.search(line.text)):
            month = int(m["month"])
            return title, int(m["year"]), month if 1 <= month <= 12 else None
    for line in preamble:
        # (session 67) an ISO date or timestamp alone on its line, "2024-09-18T10:05:00+01:00" (a
        # NewsML item's "firstCreated", read as the XML's words), as the readers print one
        if (printed := printed_date(line.text)) and (m := PAGE_DATE.search(printed)):
            return title, int(m["year"]), month_num(m["month"])
    return title, None, None


#: (session 53) A release's date line: "Issued: 21 May 2024", "For immediate release: ...".
_ISSUED = re.compile(r"^(?:issued|for\s+immediate\s+release)\b", re.I)
#: A short line that is a page's date in figures: alone, or after "Posted", "Issued", a press
#: release's "FOR IMMEDIATE RELEASE —".
_DATE_LINE = re.compile(r"^(?:(?:posted|issued|released|date|for\s+immediate\s+release)\b[\s:—–-]*)?"
                        r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\s*$", re.I)


def _is_keyword_line(text: str) -> bool:
    """An unlabelled NSPCC keyword line: short comma-separated noun phrases, no sentence."""
    if ";" in text or len(text) > 250 or text.rstrip(".").count(".") or ":" in text:
        return False
    if text.startswith("[") and text.endswith("]"):
        return False  # "[OCR text, page 2 missing]": an editor's or a converter's note
    if text.count(")") > text.count("("):
        return False  # (session 84) "Safeguarding Board, police and schools).": a wrapped line's end
    if _OUTLINE_ITEM.match(text):
        return False  # (session 83) "- Think about the whole family, including ...": a list's last point
    if re.match(r"(?:We|I|They|It|This|These|Our|There)\b", text):
        return False  # "We received 212 compliments this year, up from 168": a sentence
    if re.search(r"\b(?:you|thanks|thank|everyone|everybody)\b", text, re.I):
        return False  # (session 59) a webinar's "Thanks everyone, and see you next month.": speech
    if PAGE_DATE.search(text):
        return False  # (session 76) "exploitation, 3 October 2024.": a training date, no keyword
    if PUBLISHED_BY.match(text) or re.match(r"(?:published|issued|updated|produced)\b", text, re.I):
        return False  # (session 47) "Published by Calderdale ... Partnership, May 2024": a footer
    parts = [p.strip() for p in text.rstrip(".").split(",")]
    if len(parts) < 2 or any(not p for p in parts):
        return False
    # ("The CMR made four recommendations, set out below.": a sentence, whose rows follow)
    verbs = re.compile(r"\b(was|were|is|are|had|has|died|been|did|should|must|needs?|made|makes)\b", re.I)
    if _LINK_WORDS.search(text):
        return False  # "For more information, contact the ...", "[14] Read the summary (PDF, 410KB)"
    return all(len(p.split()) <= 6 for p in parts) and not verbs.search(text)


#: A closing line's words about the page's links and contacts, never a review's keywords.
_LINK_WORDS = re.compile(r"\b(?:contact|read|download|visit|click|email|e-mail|phone|call)\b|"
                         r"\b(?:PDF|\d+\s*[KM]B)\b|\bfor\s+more\s+information\b", re.I)


def _continues(prev: Span | Line, line: Line, width: int = 0) -> bool:
    """A line that carries on the previous block across a page break or a wrapped line; with
    the ``width`` its text is wrapped at (its longest line's), a line that opens with a capital
    carries on a line its first word would not have fitted after (a hard-wrapped sentence,
    "... Carmarthenshire County" / "Council to review ..."): a line its writer ended by choice
    (an unpunctuated list's item) leaves room for the next one's first word."""
    if prev.text[-2:-1] in ("?", "!") and prev.text[-1:] in "’”\"'" and line.text[:1].islower() \
            and not _BULLET.match(line.text):
        # (session 58) a question quoted inside the sentence ("the question “who else lives
        # here?”" / "was rarely asked"): the sentence goes on
        return True
    return (bool(prev.text) and not prev.text.endswith((*_TERMINAL, ";")) and not _BULLET.match(line.text)
            # in lower case, or after a word no sentence ends with ("... closed the referral because
            # a doctor had confirmed that" / "D "has a medical condition"", "... Children's" / "social")
            and (line.text[:1].islower() or bool(_CUT_OFF.search(prev.text))
                 or prev.text.endswith(("'s", "’s"))
                 # (session 47) "... found dead in March" / "2023. An inquest ...": a date wrapped
                 or bool(_ENDS_IN_MONTH.search(prev.text) and re.match(rf"{YEAR}\b", line.text))
                 or _hard_wrapped(prev.text.rsplit("\n", 1)[-1], line, width)))


def _hard_wrapped(last: str, line: Line, width: int) -> bool:
    """(session 68) Whether ``line`` goes on a prose line ``last`` that its writer's editor
    wrapped at ``width`` (see :func:`_continues`): ``last`` ends in a word after a lower-case one
    and fills the width, so the next line's first word did not fit on it.  Only a width an
    editor wraps at (60 to 130 columns): a page whose paragraphs are each one line (HTML's) is
    never wrapped."""
    first = line.text.split(maxsplit=1)[0] if line.text.strip() else ""
    return (60 <= width <= 130 and not line.blank_before and len(last) >= 0.75 * width
            and len(last) + 1 + len(first) > width and bool(re.search(r"[a-z,]\s+[A-Z][\w'’-]*$", last))
            and bool(re.match(r"[A-Z][\w'’-]*\s+[a-z]", line.text)))


def _keywords_go_on(section: Section, prev: Span, text: str) -> bool:
    """(session 63) Whether a keywords list wrapped after its separator ("Keywords: domestic
    abuse; new partners;" / "homicide; early years") goes on in this line."""
    return section.kind == "keywords" and prev.text.rstrip().endswith((";", ",")) and not _LABEL.match(text)


_LEADING_CONNECTIVE = re.compile(r"^(?:and|or|also)\s+(?=\S)", re.I)
_SUBLABEL = re.compile(
    r"^(?P<addr>(?:[A-Z0-9][\w’'&-]*\s){0,4}(?:[Pp]artnerships?|[Bb]oards?|LSCBs?|[Aa]gencies|"
    r"[Ss]ervices|[Cc]ouncils?|[Tt]rusts?|[Pp]olice|[Ss]chools?)|[Bb]oth partnerships|"
    r"[Aa]ll agencies|[Tt]he [\w ]{1,30}(?:partnership|board)):\s*")


_QUALIFIER = re.compile(r"\s(?:to|for)\s+(?P<who>.+)$", re.I)


#: A list item's number inside a line, after a sentence: "... between areas. 2. Health ...",
#: "(2) ", or in small roman numerals in brackets: "... told. (ii) Repeated ...".
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[.;:]\s))"
                            r"(?:\(?(?P<n>\d{1,2})[.)]|\((?P<roman>i{1,3}|iv|vi{0,3}|ix|x)\))"
                            r"\s+(?=[A-Z])", re.M)
#: A sentence that opens with its point's ordinal: "First, ...", "Secondly, ...", "Finally, ...".
_INLINE_ORDINAL = re.compile(r"(?:^|(?<=[.;]\s))(?P<word>(?-i:First|Second|Third|Fourth|Fifth|Sixth)(?:ly)?|"
                             r"(?-i:Finally|Lastly)),\s"
                             # "Theme one: ... Theme two: ...": the points' own run-in heads
                             r"|(?:^|(?<=[.;]\s))(?-i:Theme|Lesson|Finding|Point|Message)\s+"
                             r"(?P<word2>one|1|two|2|three|3|four|4|five|5|six|6)\s*:\s")
#: A list item's number closed by a bracket inside a line, after any word: "... day one 2) going".
_INLINE_BRACKETED = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})\)\s+(?=\S)")
_INLINE_LETTERED = re.compile(r"(?:^|(?<=\s))\((?P<letter>[a-h])\)\s+(?=\S)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _inline_numbers(text: str) -> set[int]:
    """Where the items of a numbered list written on one line start: numbers counting 1, 2, 3
    ... in one line (two at least); a lone "3. " in a sentence is no list."""
    out: set[int] = set()
    for line in re.finditer(r"[^\n]+", text):
        found = [m for m in _INLINE_NUMBER.finditer(line.group())]
        run = [m for k, m in enumerate(found) if (int(m["n"]) if m["n"] else _ROMAN[m["roman"]]) == k + 1]
        if len(run) >= 2 and len(run) == len(found):
            out |= {line.start() + m.start() for m in run}
            continue
        # (session 47) a post's "1) young people ... 2) going missing ... 3) police ...": numbers
        # in brackets, unpunctuated between, counting 1, 2, 3 at least
        # (session 53) two when the line opens with the first: a data set's field "1) Nursery
        # escalation pathway 2) Household composition prompt ..."
        found = list(_INLINE_BRACKETED.finditer(line.group()))
        if (len(found) >= 3 or (len(found) == 2 and found[0].start() == 0)) \
                and all(int(m["n"]) == k + 1 for k, m in enumerate(found)):
            out |= {line.start() + m.start() for m in found}
            continue
        # (session 84) lettered points in brackets, the line opening with the first: "(a) "Father
        # not involved" should never be recorded ... (b) Midwives ... should offer ..."
        found = list(_INLINE_LETTERED.finditer(line.group()))
        if len(found) >= 2 and found[0].start() == 0 \
                and all(m["letter"] == "abcdefgh"[k] for k, m in enumerate(found)):
            out |= {line.start() + m.start() for m in found}
            continue
        # (session 47) "First, a disclosure ... Second, a young person ... Third, older ..."
        # under its label: points told in one paragraph, each sentence opening with its ordinal
        # (a line that opens with a lead-in, "The review identified three areas for learning.
        # First, ...", is _ordinal_points's: the lead-in is no point)
        found = list(_INLINE_ORDINAL.finditer(line.group()))
        if len(found) >= 2 and found[0].start() == 0 and (
                (found[0]["word"] or "").lower().startswith("first") or found[0]["word2"] in ("one", "1")):
            out |= {line.start() + m.start() for m in found[1:]}
    return out


def _row_goes_on(text: str, newline: int, first_row: int) -> bool:
    """Whether the line after ``newline`` carries on a text table's numbered row: it is below
    the table's first row, is not blank and opens no row of its own."""
    return (newline > first_row and text[newline + 1:newline + 2] != "\n"
            and not _TABLE_ROW.match(text, newline + 1))


def _on_numbered_line(text: str, at: int, numbers: set[int]) -> bool:
    """Whether the character at ``at`` is on a line that holds a numbered list written on one
    line (``numbers``: where its items start, :func:`_inline_numbers`)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return any(start <= n < (len(text) if end < 0 else end) for n in numbers)


def _wrapped_item(text: str, newline: int) -> bool:
    """Whether the line after ``newline`` carries on a bulleted item wrapped across lines ("- Treat
    exclusion ... plan the child's next education placement" / "before the exclusion takes
    effect."): it has no bullet of its own and starts in lower case; or it starts with a name
    ("1. The Committee to review the pathway from Police" / "Scotland to schools.") under a long
    bulleted line that stops short of any punctuation, as text wrapped at a width does."""
    following = text[newline + 1:].lstrip(" \t")
    if not following or _BULLET.match(following) or _PART_POINT.match(following):
        return False
    current = text[text.rfind("\n", 0, newline) + 1:newline].strip()
    return following[:1].islower() or (
        len(current) >= 60 and bool(_BULLET.match(current) or _PART_POINT.match(current))
        and not re.search(r"[.;:!?)\]\"”]$", current))


def _nested_points(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A bulleted list's pieces as its items: a sentence ending in a colon before the first bullet
    introduces the list ("... the review identified the following actions:") and is no item;
    bullets in lower case after an item that ends in a colon ("- The Board to issue a note, which
    should cover:" / "- the difference between ...;") are points of that item, not items."""
    def piece(cut: tuple[int, int]) -> str:
        return text[cut[0]:cut[1]].strip(" \t\n")

    if len(cuts) > 1 and not _BULLET.match(piece(cuts[0])) and piece(cuts[0]).endswith(":") \
            and any(_BULLET.match(piece(c)) for c in cuts[1:]):
        cuts = cuts[1:]
    out: list[tuple[int, int]] = []
    nested = False
    for cut in cuts:
        body = _BULLET.sub("", piece(cut), count=1)
        if out and body[:1].islower() and (nested or piece(out[-1]).endswith(":")):
            out[-1] = (out[-1][0], cut[1])
            nested = True
            continue
        nested = False
        out.append(cut)
    return out


#: (session 43) A numbered row of a table set out with spaces: the number, two spaces or more,
#: the row's first cell.
_TABLE_ROW = re.compile(r"^[ \t]*\d{1,2}[ \t]{2,}\S", re.M)
#: An HTML line break left in a Markdown table's cell.
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>\s*", re.I)


def split_items(span: Span, addressee: str | None = None) -> list[Item]:
    """Split a list on the published separators (``;`` outside brackets, or bullets per line).

    A sub-label (``LA1 partnership:``) at the start of an item names the addressee of that
    item and of the following items until the next sub-label.
    """
    text = span.text
    if not text.strip():
        return []
    if sum(bool(_PIPE_ROW.match(ln)) for ln in text.split("\n")) >= 2:
        return _table_items(span, addressee)
    cuts: list[tuple[int, int]] = []
    depth = 0
    start = 0
    # in a bulleted list each bullet is one item: a semicolon inside a bullet joins two clauses
    # of that item ("hold pieces of the picture; use them"), unless a bullet follows it ("...
    # robberies; (c) housing moves ...")
    points = sum(bool(_BULLET.match(ln.strip()) or _PART_POINT.match(ln.strip())) for ln in text.split("\n"))
    # so is a paragraph in a list of paragraphs, each a whole sentence or more, whose one
    # semicolon joins two clauses ("Exploitation is abuse. Child F was treated as an offender;
    # the language used shaped the response."; "A; B; C." is a list on a line)
    paragraphs = [ln.strip() for ln in text.split("\n") if ln.strip()]
    # (session 56) and a list of one bullet, a register's one learning point: "- Bruising ...
    # was explained away ...; the review found that practitioners were reassured ..." (not
    # "(i) ...; (ii) ...", points numbered on one line)
    inline = _inline_numbers(text)
    bulleted = points >= 2 or (len(paragraphs) == 1 and bool(re.match(r"[-•*–·]\s", paragraphs[0]))
                                and not inline)
    joins = _clause_joins(text) if len(paragraphs) >= 2 and all(
        _SENTENCE_END.search(ln) for ln in paragraphs) else set()
    # a text table's rows ("1    Share domestic abuse ...    Police Scotland    3 months" over
    # "     involving children under five ..."): a row runs on to the next numbered row
    table = list(_TABLE_ROW.finditer(text))
    first_row = table[0].start() if len(table) >= 2 else len(text)
    if text.lstrip().startswith("•") and " • " in text:
        # "• Safer sleep advice ... • The father's drinking ...": bullets run into one line
        # (a table cell's list saved as text), each one item as on lines of their own
        inline |= {m.start() + 1 for m in re.finditer(r" • ", text)}
        bulleted = True
    if breaks := list(_LINE_BREAK_TAG.finditer(text)):
        # "• Hearing the voice ...<br>• Asking who ...": a Markdown table cell's lines
        inline |= {m.start() for m in breaks}
        bulleted = True
    for i, ch in enumerate(text):
        if i in inline and i > start and text[start:i].strip():
            cuts.append((start, i))  # "1. Ensure ... 2. Health visitors to ...": one line, a list
            start = i
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        # (nor inside an item of a numbered list written on one line: "(i) ... progress; ... (ii)")
        elif (ch == ";" and depth == 0 and not _on_numbered_line(text, i, inline)
              and (not (bulleted or i in joins)
                   or _BULLET.match(text[i + 1:].lstrip(" ")))) \
                or (ch == "\n" and not (bulleted and _wrapped_item(text, i))
                    and not _row_goes_on(text, i, first_row)):
            cuts.append((start, i))
            start = i + 1
    cuts.append((start, len(text)))
    if bulleted:
        cuts = _nested_points(text, cuts)
    items: list[Item] = []
    for a, b in cuts:
        piece = span.slice(a, b).strip(" \t\n")
        if bulleted and piece.text.endswith(":") and not _BULLET.match(piece.text):
            continue  # "These are the changes:" introduces the bullets, it is none of them
        piece = piece.sub_prefix(_LINE_BREAK_TAG)
        glyph = piece.text[:1] in _GLYPHS
        piece = piece.sub_prefix(_BULLET).strip(" ")
        if glyph:  # (session 61) "• 1. Health visiting ...": a drawing's bullet over its own number
            piece = piece.sub_prefix(_POINT_NUMBER).strip(" ")
        m = _SUBLABEL.match(piece.text)
        if m:
            addressee = m["addr"].strip()
            piece = piece.slice(m.end(), len(piece.text))
        piece = piece.sub_prefix(_LEADING_CONNECTIVE).strip(" .;,")
        if len(re.sub(r"\W", "", piece.text)) >= 3 and not _says_nothing(piece.text) \
                and not _ITEM_NOTE.match(piece.text) and not _ABOUT_ITSELF.match(piece.text) \
                and not _wrapped_tail(text, a, text[a:b]):
            items.append(Item(piece, addressee))
    return items


def _wrapped_tail(text: str, a: int, piece: str) -> bool:
    """Whether a piece is the last word of a sentence wrapped onto its own line ("... the PSNI and
    the Education" / "Authority."): a word alone that ends the sentence the line above, as long
    as a page's wrapped lines, did not (session 49); no item of its own (a list's last short
    item, "Supervision.", under short ones, is one)."""
    above = text[:a].rstrip("\n").rsplit("\n", 1)[-1].rstrip()
    return (" " not in piece.strip() and piece.rstrip().endswith(".") and len(above) >= 60
            and above[-1:] not in ".;:!?" and above[-1:].isalnum())


#: (session 80) A line about the document itself after its last point ("This film is ... for
#: training use", "This summary was prepared by ..."): no point of the list above.
_ABOUT_ITSELF = re.compile(r"^this\s+(?:film|video|recording|webcast|podcast|episode|page|document|summary|"
                           r"briefing|leaflet|note|poster|handout|newsletter|bulletin)\s+"
                           r"(?:is|was|has\s+been|contains|uses)\b", re.I)


#: (session 49) A note under a recommendation on how it was taken up ("Board's response:
#: accepted; ...", "Progress: complete"): the item above's, no item of its own.
_ITEM_NOTE = re.compile(r"^(?:(?:the\s+)?(?:[\w’']+['’]s\s+)?(?:response|progress|update)|status|"
                        r"RAG(?:\s+rating)?|action\s+taken)\s*:", re.I)


def _clause_joins(text: str) -> set[int]:
    """Where a semicolon is its line's only one, joining two clauses that each say something
    ("The review makes 12 recommendations; see the full report" is two remarks, neither an
    item): found once per text, not once per semicolon."""
    joins: set[int] = set()
    at = 0
    for line in text.split("\n"):
        if line.count(";") == 1:
            k = line.index(";")
            if not (_says_nothing(line[:k].strip()) or _says_nothing(line[k + 1:].strip(" ."))):
                joins.add(at + k)
        at += len(line) + 1
    return joins


#: The end of a sentence, closing quotation marks or brackets after its stop allowed.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
#: A line of a pipe table ("| 1 | Re-launch the protocol ... | Designated Doctor |") and its
#: rule under the header ("| --- | :---: |", outer bars optional; ingest.table reads it too).
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _header_row(lines: list[str], n: int) -> bool:
    """Whether pipe row ``n`` is a table's header without a rule under it (an HTML table saved as
    text: "| No. | Recommendation | Lead |"): the first row, every cell a word or three, over rows
    that hold a sentence."""
    if n > 0 and _PIPE_ROW.match(lines[n - 1]):
        return False
    cells = [c.strip() for c in lines[n].strip().strip("|").split("|")]
    below = [c.strip() for ln in lines[n + 1:n + 3] if _PIPE_ROW.match(ln)
             for c in ln.strip().strip("|").split("|")]
    return all(len(c.split()) <= 3 for c in cells) and any(len(c.split()) >= 6 for c in below)


def _table_items(span: Span, addressee: str | None) -> list[Item]:
    """The items of a list that is (partly) a table of them: each row below the header is one
    item, its longest cell the item's words (the number and the lead agency are its columns);
    the lines around the table are split as usual."""
    items: list[Item] = []
    lines = span.text.split("\n")
    offset = 0
    prose_from = 0
    for n, line in enumerate(lines):
        end = offset + len(line)
        if _PIPE_ROW.match(line):
            items += split_items(span.slice(prose_from, offset), addressee) if offset > prose_from else []
            prose_from = end + 1
            header = n + 1 < len(lines) and PIPE_RULE.match(lines[n + 1])
            if not header and not PIPE_RULE.match(line) and not _header_row(lines, n):
                cells = [(m.start(1), m.end(1)) for m in re.finditer(r"\|\s*([^|]*?)\s*(?=\|)", line)]
                a, b = max(cells, key=lambda ab: ab[1] - ab[0])
                if b - a >= 3:
                    items.append(Item(span.slice(offset + a, offset + b), addressee))
        offset = end + 1
    if prose_from < len(span.text):
        items += split_items(span.slice(prose_from, len(span.text)), addressee)
    return items


#: (session 55) A coder's placeholder where a list was not copied: "[not extracted]", "[none]";
#: (session 72) a template's, "[add here after the partnership meeting]", "[insert ...]".
_CODER_PLACEHOLDER = re.compile(r"\[(?:not\s+(?:yet\s+)?(?:extracted|recorded|coded|listed|transcribed|"
                                r"available)|none|tbc|to\s+follow|n/?a|(?:add|insert|enter)\b[^\[\]]{0,80})\]",
                                re.I)


def _says_nothing(text: str) -> bool:
    """An item that only counts ("12 recommendations were made") or points to the report ("see
    the full report", "These are set out in full in the report"), or both in two sentences; or
    an export's field left empty ("Number of recs:" under a row's recommendations)."""
    if re.fullmatch(r"[A-Z][\w .()/'-]{0,40}:|(?:\.\.\s+)?_[\w-]+:|#{1,6}\s+\S.{0,80}", text.strip()):
        return True  # (and a reStructuredText link target, ".. _bruising-protocol:"; (session 81) and a
        # Markdown heading, "## Dudley", the next part's, read on after a list)
    # ((session 81) "Recommendations (6) are set out in the full report": its count in brackets)
    text = re.sub(r"^(recommendations?)\s*\(\d{1,2}\)", r"\1", text.strip(), flags=re.I)
    if _COLUMN_HEADS.fullmatch(text.strip()) or _CAPITALS_HEADING.fullmatch(text.strip()) \
            or _CODER_PLACEHOLDER.fullmatch(text.strip()):
        return True  # a text table's header row ("No.   Recommendation   Status"), a heading
    # (session 43) a report's paragraph number is not the words: "6.1 The review makes five
    # recommendations"
    text = _PARAGRAPH_NUMBER.sub("", text.strip())
    # ((session 77) or its clauses each: "Eight recommendations, all accepted by the Committee;
    # progress is reported quarterly.", a count, then what became of them, in one sentence)
    return all(_nothing_said(part) or all(_nothing_said(c) for c in re.split(r";\s+(?=[a-z])", part))
               for part in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if part)


def _nothing_said(part: str) -> bool:
    """A sentence that only counts, points to the report or says what became of the items."""
    return bool(_COUNT_ONLY.match(part) or _POINTER.match(part) or _FOLLOW_UP.match(part))


#: A question a list ran into ("How do you record the voice of the child?"): a briefing's
#: reflective question for its readers, no recommendation.
_QUESTION = re.compile(r"^(?:How|What|Why|When|Who|Where|Which|Do|Does|Did|Is|Are|Was|Were|Would|Could|"
                       r"Should|Can|Have|Has|Will)\b[^?]*\?[\"'”’)]*$")
#: (session 43) A short heading in capitals that a list ran into ("NEXT YEAR"), and a report's
#: paragraph number ("6.1 ").
_CAPITALS_HEADING = re.compile(r"(?-i:[A-Z][A-Z'’&-]+(?: [A-Z][A-Z'’&-]+){0,2}):?")
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+(?=[A-Z])")
#: (session 43) A table's header row, its columns' names alone ("No.  Recommendation  Lead
#: agency  Status"), set out with spaces in a text page or a PDF's text.
_COLUMN_HEADS = re.compile(
    r"(?:(?:No\.?|Ref\.?|Rec\.?|Number|#|Recommendations?|Learning(?:\s+points?)?|Lead(?:\s+agency)?|Agency|Owner|"
    r"Status|Progress|Timescales?|Due(?:\s+date)?|RAG|Actions?|Update|Target\s+date)(?:\s{2,}|\s*\|\s*|\s*$)){2,}",
    re.I)


#: What happens to the recommendations, not one of them: "an action plan will be monitored by
#: the Board's sub-group", "These have all been accepted and are being monitored".
_FOLLOW_UP = re.compile(
    # ((session 68) "the Trust's action plan is overseen by its Safeguarding Panel")
    # ((session 73) "The former board's action plan has been completed", "an improvement plan
    # is overseen by the CPC")
    r"^(?:(?:an?|the)\s+(?:[\w-]+\s+)?(?:[\w-]+['’]s\s+)?(?:multi-agency\s+)?(?:action|improvement)\s+plan\b"
    r"[^.;]{0,80}?\b(?:will\s+be|"
    r"is\s+being|has\s+been|was|is)\s+(?:monitored|overseen|agreed|developed|reviewed|put\s+in\s+place"
    # ((session 68) "The action plan was completed in 2020.")
    r"|completed|signed\s+off|closed"
    # ((session 74) "An action plan is in place.")
    r"|in\s+place)"
    # ((session 68) "The committee reported in 2021 that all of them had been completed.")
    # ((session 77) "progress is reported quarterly", "progress on them is monitored by the Board")
    # (not "Progress will be reported in June.", an action plan's own line, an item: test_genres)
    r"|progress(?:\s+(?:on|against)\s+(?:them|these|the\s+recommendations))?\s+is\s+"
    r"(?:reported|monitored|tracked|overseen)\b[^.;]{0,60}"
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?:reported|confirmed|said|says|reports)\s+(?:in\s+\d{4}\s+)?that\s+"
    r"all\s+(?:of\s+them|(?:the\s+|its\s+)?(?:recommendations|actions))\s+(?:had|have)\s+been\s+"
    r"(?:completed|implemented|met|signed\s+off)"
    # ((session 81) "the learning is being shared through briefings such as this")
    r"|(?:the\s+|this\s+|its\s+)?learning\s+(?:is\s+being|has\s+been|will\s+be|was)\s+(?:shared|"
    r"disseminated|circulated|taken\s+forward)\b"
    # ((session 79) "Recommendations are being taken forward through the CPC improvement plan")
    r"|(?:these|they|(?:the\s+)?recommendations|all\s+(?:of\s+them|(?:the\s+)?recommendations))"
    # (session 66) "All recommendations for the Trust have been completed."
    r"(?:\s+for\s+(?:the|this|our)\s+[\w'’-]+)?\s+(?:ha(?:ve|d)\s+(?:all\s+)?been|"
    r"are|were|will\s+be)\s+(?:all\s+)?(?:being\s+)?(?:accepted|monitored|overseen|agreed|"
    # (session 57) "They are being taken forward through the Board's action plan, and ..."
    r"taken\s+forward|implemented|tracked|completed|met|signed\s+off)"
    # (session 68) "The Partnership has accepted all of them."
    # ((session 69) "the board has accepted them in full")
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?:has|have)\s+accepted\s+(?:all\s+of\s+them|them\s+all|all\s+of\s+these"
    r"|them\s+in\s+full)"
    # (session 57) "The Board's Serious Case Review Sub-Group is monitoring the action plans"
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,6}(?:sub-?group|group|committee|board|partnership|panel)\s+"
    r"(?:is|are|will\s+be|has\s+been)\s+(?:monitoring|overseeing|tracking)\s+(?:the\s+)?"
    r"(?:progress|action\s+plans?|implementation)\b"
    # (session 42) "Each has an agreed lead and an action plan monitored by the SBNI"
    r"|each\s+(?:one\s+)?has\s+(?:an?\s+)?(?:agreed\s+|named\s+)?(?:lead|owner|action\s+plan)\b"
    # (session 43) "the learning was taken into the Trust's safer sleep action plan"
    r"|(?:the\s+)?(?:learning|recommendations|actions)\s+(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:taken|built|incorporated)\s+into\b"
    # (session 43) "The Child Protection Committee has agreed an action plan and will report ..."
    r"|(?:the\s+)?(?:[\w-]+\s+){0,3}(?:partnership|partners|board|committee|panel|(?-i:[A-Z]{2,6}))\s+(?:has\s+)?"
    r"(?:agreed|approved|developed)\s+(?:an?\s+|its\s+)?(?:multi-agency\s+)?action\s+plan\b"
    # ((session 71) "The review did not make formal recommendations; instead the partners
    # agreed an action plan.": none, then what was done instead)
    r"|(?:the\s+)?(?:review|panel|report|reviewers?)\s+did\s+not\s+make\s+(?:any\s+)?(?:formal\s+)?"
    r"recommendations\b"
    # (session 73) "The PSNI, the Trust and the Education Authority have each produced an action
    # plan in response", "The SBNI will monitor implementation through its ... Panel", "The SBNI
    # has asked the Trust ... to report on progress ...", "The Committee will publish a learning
    # briefing on each Learning Review ...", "... will publish its improvement plan later this year"
    # ((session 79) "The partnership has published an action plan alongside the review")
    r"|[^.;]{0,120}\b(?:has|have)\s+(?:each\s+)?(?:produced|prepared|written|drawn\s+up|published)\s+"
    r"(?:an?\s+|its\s+)?"
    r"action\s+plans?\b"
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,4}will\s+monitor\s+(?:the\s+)?(?:implementation|progress|action\s+plans?)\b"
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?:has|have)\s+asked\s+[^.;]{1,120}?\bto\s+report\s+on\s+"
    r"(?:their\s+|its\s+)?progress\b"
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,4}will\s+publish\s+(?:an?\s+|its\s+|the\s+)?(?:learning\s+)?"
    r"(?:briefing|improvement\s+plan|action\s+plan)\b"
    # (session 43) "the partnership will publish an update on progress in 2026"
    r"|(?:the\s+)?(?:partnership|board|committee|panel|(?-i:[A-Z]{2,6}))\s+will\s+publish\s+"
    r"(?:an?\s+)?(?:update|report)\s+on\s+(?:its\s+)?progress\b)"
    r"[^.;]{0,100}[.;]?\s*$",
    re.I)


#: An item that only points to the report: "see the full report", "These are set out in full in
#: the report", "Read the briefing".
_POINTER = re.compile(
    # (session 41) a text dump's link, "[14] Read the summary (PDF, 410KB)", and a closing "For
    # more information, contact the Regional Safeguarding Business Unit"
    # (session 56) "You can read the full report (PDF, 612 KB)."
    r"^(?:\[\d{1,3}\]\s*)?(?:(?:please\s+|you\s+can\s+)?(?:see|read|view|download)\b[^.;]{0,60}\b"
    r"(?:report|summary|briefing)\b"
    # (session 66) a plan's task notes, "Recommendations: see actions." (its tasks list them)
    r"|see\s+(?:the\s+)?(?:actions?(?:\s+(?:below|plan))?|below|overleaf)\s*\.?$"
    r"|for\s+more\s+information,?\s+(?:please\s+)?(?:contact|email|e-mail|call|visit)\b"
    # (session 63) a briefing's footer: "For the full report visit the Board's website."; a
    # page's "If you have a question about this page, contact ..."; and where the
    # recommendations went, not what they say: "Recommendations have been shared with the
    # agencies involved."
    # (session 64) a recorded briefing's sign-off: "Thank you for watching."
    r"|thank\s+you\s+for\s+(?:watching|listening|reading)\b"
    r"|if\s+you\s+have\s+(?:a|any)\s+(?:questions?|queries|query)\b[^.;]{0,60}?\b(?:contact|email|e-mail|call)\b"
    # (session 70) a lead-in to those chosen: "Those most relevant to primary care are:"
    r"|(?:those|the\s+ones?)\s+(?:most\s+)?(?:relevant|applicable|of\s+most\s+relevance)\s+to\s+[^.;:]{1,60}?"
    r"\s+(?:are|include)\s*:"
    r"|(?:the\s+|its\s+)?recommendations\s+(?:have\s+been|were|are)\s+(?:shared|sent|circulated|passed\s+on)"
    r"\s+(?:with|to)\b"
    r"|for\s+the\s+full\s+(?:report|review|summary),?\s+(?:please\s+)?(?:visit|see|go\s+to|read|contact)\b"
    r"|this\s+(?:note|briefing|summary|leaflet|bulletin)\s+(?:may|can)\s+be\s+shared\b"
    r"|(?:these|they|(?:the\s+)?(?:recommendations|actions))\s+are\s+(?:set\s+out|listed|given)\s+"
    # ((session 70) "The recommendations are set out in the full overview report, which will
    # not be published.")
    r"(?:in\s+full\s+)?in\s+(?:full\s+in\s+)?the\s+(?:full\s+)?(?:overview\s+|main\s+|final\s+)?report"
    # (session 42) a lead-in to the list under it: "The CMR made the recommendations below"
    r"|[^.;]{0,60}\b(?:recommendations|learning\s+points|lessons|actions)\s+(?:listed\s+|set\s+out\s+)?below"
    # (session 59) "The Committee accepted all five recommendations; three are summarised here."
    r"|[^.]{0,80}\brecommendations\b[^.]{0,40}?[;,]\s*(?:\w+\s+){0,3}(?:are|is)\s+"
    r"(?:summarised|listed|set\s+out|given|shown)\s+(?:here|below)\b"
    # (session 49) "The reviewer grouped the learning into two areas": the groups' lead-in
    r"|(?:the\s+)?(?:review(?:er)?s?|report|panel|authors?)\s+(?:has\s+)?(?:grouped|groups|set\s+out|sets\s+out)\s+"
    r"(?:the\s+|its\s+)?(?:learning|findings|lessons)\s+(?:into|under)\b"
    # (session 43) where the recommendations are, not what they say: "the full list is in the
    # report", "They are published in full with the Board's response", "The action plan is
    # available on request", "see the published action plan", "Contact the Business Unit: ..."
    r"|(?:the\s+)?full\s+(?:list|text|set)\s+(?:is|are)\s+(?:given\s+|set\s+out\s+)?in\s+the\s+(?:full\s+)?report"
    r"|(?:they|these|the\s+recommendations)\s+are\s+published\b"
    # (session 77) a recorded briefing's "The review's seven recommendations are on the partnership
    # website": where they are, not what they say
    r"|" + _ELSEWHERE_WORDS + r"\s+(?:the\s+|our\s+|its\s+)?[^.;]{1,40}?\b(?:website|site|report|page)\b"
    # (session 68) "The recommendations will be published with the Trust's action plan later in 2025."
    r"|(?:they|these|the\s+recommendations)\s+will\s+be\s+published\b"
    # (session 77) recommendations still to come: "Recommendations are being developed with the
    # agencies involved and will be published in the summer", "to follow, with the Committee's
    # response, in 2024-25"
    # (session 83) "The review's recommendations are being finalised with partner agencies"
    r"|(?:the\s+)?(?:(?:review|report|panel)['’]s\s+)?recommendations\s+are\s+(?:being|still\s+being|yet\s+to\s+be)\s+(?:developed|agreed|finalised|"
    r"drafted|written)\b[^.;]{0,60}"
    r"|to\s+follow\b[^.;]{0,80}"
    # (session 67) "These have not been published in full."
    r"|(?:they|these|the\s+recommendations)\s+(?:are|have)\s+not\s+(?:been\s+)?published\b"
    r"|(?:the|an|its)\s+(?:multi-agency\s+)?action\s+plan\s+is\s+(?:available|published)\b"
    # (session 77) "The partnership's action plan is on our website at https://..."
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,2}action\s+plan\s+is\s+on\s+(?:our|the|its)\s+(?:[\w-]+\s+)?website\b"
    r"(?:\s+at\s+\S+?(?=\.?\s*$))?"
    # ((session 70) an SCR log's "See separate action plan (approved by the Board July 2008).")
    r"|(?:please\s+)?see\s+(?:the\s+(?:published\s+)?|(?:the\s+)?separate\s+)action\s+plan\b"
    # ((session 73) "See SCR action plan (11 recommendations)"; "The full report is on our
    # website"; "The partnership's action plan and progress updates are published on our
    # website"; a catalogue's "not listed in the executive summary", "None listed - see full
    # report", "Not included in the published summary", "7 in the full report")
    r"|(?:please\s+)?see\s+(?:the\s+)?(?-i:[A-Z]{2,6})\s+action\s+plan\b"
    r"|(?:the\s+)?full\s+(?:report|review)\s+is\s+(?:available\s+)?on\s+(?:our|the)\b"
    r"|(?:the\s+)?(?:[\w'’-]+\s+){0,2}action\s+plan\b[^.;]{0,60}?\b(?:is|are)\s+(?:published|available)\b"
    r"|(?:none\s+)?(?:not\s+)?(?:listed|published|included|given|set\s+out)\s+(?:with|in)\s+(?:this|the)\s+"
    r"(?:[\w-]+\s+){0,2}(?:summary|record|report)\b"
    r"|none\s+listed\b"
    r"|\d{1,3}\s+in\s+the\s+(?:full\s+)?report\b"
    # (session 56) a tracker's task: "Recommendations: see checklist" (the checklist below)
    r"|(?:please\s+)?see\s+(?:the\s+)?(?:checklists?|attachments?|subtasks?)\b"
    r"|contact\s+(?:us|the\s+[^.;]{0,40}?\b(?:unit|team|office|officer|lead))\b[^.;]{0,100}"
    # (session 52) a coder's cell: "Not extracted - recommendations are listed in the full report
    # only", and the count field under it, "Number of recommendations stated in report: 8"
    r"|not\s+(?:extracted|applicable|stated|recorded|available|coded)\b"
    r"|(?:total\s+)?(?:number|no\.?)\s+of\s+[\w\s]{0,40}?:\s*\d{1,3}"
    # (session 49: "..., together with the partnership's response.": a pointer's tail to 60)
    r")[^.;]{0,60}[.;]?\s*$", re.I)
#: A count in figures or words ("12", "twelve", "fifteen", "none", "both"): how many items a
#: sentence says there are (ingest.document reads counts of recommendations with it too).
COUNT_WORD = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
               r"\w+teen|twenty|thirty|forty|fifty|no|none|both)")
#: An item that only says how many there were, or that there are none ("4 recommendations (see
#: full report)", "Two recommendations for health partners", "12 recommendations were made to
#: the board", "2 - Read more >", "None published yet"): it states no recommendation or lesson,
#: so it is no item.  What is asked ("... recommendations, including that ...") makes it one.
_COUNT_ONLY = re.compile(
    # (session 43) "The CMR panel made three recommendations": a panel named by its review's type
    # (session 46) "The Child Protection Committee accepted all five ...": its name's words too
    # (session 58) "There are five recommendations, for the Partnership, ...": a count and whom for
    rf"^(?:there\s+(?:are|were)\s+(?=\w+\s+recommendations))?"
    rf"(?:(?:the\s+)?(?:(?-i:[A-Z][\w'’-]+)\s+){{0,4}}(?:(?:{TYPE_ABBREVIATIONS})\s+(?=panel|review|report))?"
    # (session 57: "The overview report contains eleven recommendations")
    rf"(?:(?:overview|full|final)\s+)?"
    # ((session 73) "The serious case review made 8 recommendations", "The review panel made 6")
    rf"(?:(?:serious|significant|case|practice|learning|child|local|safeguarding|management)\s+){{0,4}}"
    rf"(?:review(?:\s+(?:team|panel))?|reviewers?|report|panel|committee|board|partnership|(?-i:[A-Z]{{2,6}})|"
    # (session 45) minutes' "The Executive accepted all six recommendations"
    rf"executive|(?:practice\s+review\s+|sub-?)?group|"
    rf"{TYPE_ABBREVIATIONS})\s+"
    r"(?:has\s+)?"
    # (session 43) "The Board accepted all six recommendations": a count, and what became of them
    r"(?:made|makes|agreed|sets?\s+out|contains|includes|has|gives|accepted|accepts)\s+"
    # ((session 68) "The SBNI has accepted the CMR's five recommendations")
    # ((session 72) "The Committee has accepted the six recommendations, which are set out in
    # the full report")
    # ((session 79) "The Board accepted the reviewer's four recommendations")
    rf"(?:an\s+action\s+plan\s+with\s+|all\s+|the\s+(?:review|reviewer|report|{TYPE_ABBREVIATIONS})['’]s\s+|its\s+"
    rf"|the\s+(?={COUNT_WORD}\s))?)?"
    r"(?:all\s+)?"
    # ((session 68) "The SBNI accepted all eight of the review's recommendations")
    rf"(?:{COUNT_WORD}\s+(?:of\s+(?:the\s+review['’]s|its|the)\s+)?(?:\w+\s+)?"
    r"(?:recommendations?|recs|actions?|action\s+points?|learning\s+points?)\b"
    # ((session 77) "Eight recommendations, among them a regional standard for ...": one named)
    # ((session 84) but not whom they are for: "4 recommendations, including to housing services")
    # ((session 85) nor the bodies among them: "... to government and national bodies, including
    # the Department for Education and the Ministry of Justice")
    r"(?![^.;]*\b(?:that|about|including(?!\s+to\b)(?!\s+(?:the\s+)?(?-i:[A-Z][a-z]))|include|on\s+(?!\d)\w+|"
    r"to\s+improve|covering|so\s+that|"
    r"summari[sz]ed\s+as|among\s+them|such\s+as)\b)[^.;:]{0,120}"
    r"|\d{1,3}(?:\s*\([^)]*\))?(?:\s*[-–]\s*read\s+more\W*)?"  # a count in figures, alone
    # (session 45) "Recommendations: the review makes three." (the word said by the label)
    rf"|(?<=\s){COUNT_WORD}"
    # a register's "RECS: 4 - SEE FULL REPORT", "2 - ACCEPTED BY THE PARTNERSHIP"
    r"|\d{1,3}\s*[-–]\s*(?:see\s+(?:the\s+)?(?:full\s+)?report|(?:all\s+)?accepted(?:\s+by\s+[^.;]{1,40})?)"
    # (session 43) an analyst's "Recommendations: 4 - to CAMHS, the health board, the school"
    r"|\d{1,3}\s*[-–]\s*(?:to|for)\s+[^.;]{1,100}"
    # (session 68) "Recommendations: Four, addressed to the partnership, the ICB and ...": a
    # count and whom for, no recommendation's words (FORMAT.md: 0 without recommendation text;
    # 7 development reviews made right, 4 made wrong whose gold counted the addressees), and a coder's
    # "three (not listed in the summary).", "5 - not listed in the summary."
    rf"|{COUNT_WORD},\s+(?:addressed\s+|made\s+)?(?:to|for)\s+[^.;]{{1,120}}"
    # ((session 77) a reading group's "8 - not copied yet")
    rf"|{COUNT_WORD}\s*(?:[-–,]\s*|\()not\s+(?:listed|given|published|set\s+out|included|copied|extracted|"
    r"transcribed|typed)\b[^.;]{0,60}"
    # ("eight, set out in the full report."; (session 77) a catalogue's "nine (see report).")
    rf"|{COUNT_WORD}\s*(?:[-–,]|\()\s*(?:see|(?:set\s+out|listed|given)\s+in|published\s+(?:in|with))\s+"
    r"(?:the\s+)?(?:full\s+)?"
    r"(?:report|action\s+plan)\b\)?"
    r"|none(?:\s+(?:published|made|yet)){0,2}"
    # (session 43) "None were given separately"
    r"|none\s+(?:was|were)\s+(?:given|made|published)(?:\s+separately)?"
    # (session 69) "the report does not list its recommendations separately"
    r"|(?:the\s+)?(?:report|review|summary)\s+does\s+not\s+(?:list|set\s+out|give|publish)\s+"
    r"(?:its|the|any)\s+recommendations\b[^.;]{0,60}"
    # "None additional to existing improvement plans", "None - the learning was accepted"
    r"|none\s+(?:additional|further|new|separate|specific)\b[^.;]{0,80}|none\s*[-–—]\s*[^.;]{0,100}"
    # (session 73) a group's minutes: "none directed at this group"
    r"|none\s+(?:directed|addressed)\s+(?:at|to)\b[^.;]{0,60}"
    # "4 made (see full report)": a count and where they are
    r"|\d{1,3}\s+made(?:\s*\([^)]*\))?"
    r"|(?:recommendations?|actions?)\s+(?:pending|to\s+follow|awaited)"
    # (session 46) a tracker's "See action plan - 5 recs"
    r"|see\s+(?:the\s+)?action\s+plan\b[^.;]{0,40})[.;]?\s*$", re.I)


#: A table's header that names learning or recommendations: a review's own list in a table
#: (ingest.document reads it too, so that such a table's rows never end the review).
ITEM_TABLE = re.compile(r"\b(?:learning|lessons?|recommend\w*|actions?)\b", re.I)


def _row_key(name: str) -> str:
    """A review's name as a table's row and its section both give it: "Aisha (2021)" in a table
    of the reviews is the "4.2 Aisha — Sunderland, 2021" section's Aisha (session 46)."""
    # (session 48) "Siblings B and C – local child safeguarding practice review": the name before
    # the dash and the review's type
    name = re.sub(r"\s+[–—-]\s+(?=[^–—]*\b(?:review|LCSPR|SCR|CPR|CMR)\b).*$", "", name, flags=re.I)
    return re.sub(rf"\s*\({YEAR}\)$", "", name).casefold()


def _rows_and_sections(source: SourceText, rows: list[Entry]) -> list[Entry]:
    """A page with a table of its reviews above a section for each ("| Child R | 2021 | LCSPR |"
    then "### Child R (2021)" with its account and learning): a row whose child a section names
    again gives way to that section, which says more (the row's year and type fill its gaps);
    the other rows, and sections of reviews the table does not list, stay."""
    starts = {r.start for r in rows}

    def blank(m: re.Match[str]) -> str:
        # a table of learning or recommendations inside a review's section ("| Theme | Learning
        # |") is that review's, kept; the table of the reviews, and any other, is blanked
        table = m.group().rstrip("\n").split("\n")
        if len(table) >= 3 and PIPE_RULE.match(table[1].strip()) and ITEM_TABLE.search(table[0]) \
                and not any(m.start() <= s < m.end() for s in starts):
            return m.group()
        return re.sub(r"[^\n]", " ", m.group())

    blanked = re.sub(r"(?m)(?:^[ \t]*\|.*(?:\n|$))+", blank, source.text)
    if blanked == source.text:
        return rows  # a table not drawn with bars (a CSV export, cells one per line): rows only
    try:
        sections = parse_page(replace(source, text=blanked)).entries
    except CasegraphError:
        return rows
    # (a section's numbered heading, "### 1. Child Y", names its review by its title)
    # (session 48) and a heading that is a name alone, "### Child Z", names its review
    # (session 49) and "### Child A (2022)" over its "**Type:**" and "**Published:**" fields
    by_name = {_row_key(e.name or e.title): e for e in sections
               if e.name or (e.title and e.heading_kind in ("numbered", "name", "record"))}
    out: list[Entry] = []
    for row in rows:
        entry = by_name.pop(_row_key(row.name or ""), None)
        if entry is None:
            out.append(row)
            continue
        # the row's date is its own cell's, or the page's; the section's may be a guess made on
        # the page with its tables blanked out
        entry.year, entry.month = row.year or entry.year, row.month or entry.month
        entry.area = entry.area or row.area
        for kind in ("model", "incident", "learning", "recommendations"):  # what only the row says
            if not entry.section(kind):
                entry.sections += row.section(kind)
        out.append(entry)
    out += [e for e in sections if e in by_name.values()]  # reviews the table does not list
    for e in out:
        e.source = source
    return sorted(out, key=lambda e: e.start)


def parse_page(source: SourceText) -> Page:
    """All entries on one page, in published order, each entry's findings told in prose read
    once its parts are all its own (:func:`_findings_in_prose`)."""
    page = _entries_of(source)
    for entry in page.entries:
        _points_after_lead_in(entry)
        _findings_in_prose(entry)
    return page


def _without_noise(raw: list[Line], noise: list[bool]) -> list[Line]:
    """A page's lines without its furniture (``noise``: a helpline, "Privacy | Accessibility",
    a running header).  (session 77) The rest of a furniture line wrapped onto the next one
    ("... call the children's" / "advice line on 0300 000 0000.") goes with it, and a rule
    drawn above a dropped line is kept as drawn above the next line kept, where the page's foot
    begins (:func:`_without_page_foot`).  (session 78) A page's number alone on its line
    ("Page 22" between a report's pages) stands apart from the line under it, as a blank line
    would: a heading straight under it is no wrapped line of the text above."""
    kept: list[Line] = []
    ruled = dropped = apart = False
    for line, furniture in zip(raw, noise, strict=True):
        wrapped = dropped and not line.blank_before and line.text[:1].islower()
        if furniture or wrapped:
            ruled = ruled or line.after_rule
            # (a furniture paragraph's first line: one inside an account, "... called the NSPCC
            # helpline in 2022 about ...", is dropped alone, the account going on under it)
            dropped = (line.blank_before or wrapped) and not re.search(r"[.!?:]\s*$", line.text)
            apart = apart or bool(line.blank_before and _PAGE_NUMBER_LINE.match(line.text))
            continue
        if ruled and not line.after_rule:
            line = replace(line, after_rule=True)
        kept.append(replace(line, blank_before=True) if apart and not line.blank_before else line)
        ruled = dropped = apart = False
    return kept


#: A page's number alone on its line, which the noise filter drops: "Page 22", "Page 3 of 8" (a
#: bare "22" or "- 22 -" is no furniture, and never reaches it).
_PAGE_NUMBER_LINE = re.compile(r"^Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)


def _entries_of(source: SourceText) -> Page:
    """All entries on one page, in published order (see :func:`parse_page`)."""
    raw = _lines(source)
    # a PDF's running header, repeated over each page's number ("Learning Review Child D -
    # Summary        Page 2 of 3"): page furniture, never a heading
    headers = [_RUNNING_HEADER.match(line.text) for line in raw]
    running = Counter(m["text"] for m in headers if m)
    kept = _english_only(_without_noise(raw, [bool(_is_noise(line.text) or (m and running[m["text"]] >= 2))
                                              for line, m in zip(raw, headers, strict=True)]))
    # A press release ends at "Ends"; notes to editors after it are boilerplate about reviews in
    # general ("when a child dies or is seriously harmed"), never the account of this case: they
    # may only name who commissioned it, or an earlier review ("3. In 2017 the former Board
    # published a serious case review about Child Q, ..."), read below
    end = next((n for n, line in enumerate(kept) if _PRESS_END.match(line.text)), len(kept))
    kept, notes = kept[:end], kept[end:]
    warnings: list[str] = list(source.warnings)
    from casegraph.ingest.document import page_area, section_heads
    from casegraph.ingest.table import read_tables

    tabled = read_tables(source, kept)  # rows are read whole, before labels split lines
    if tabled:
        # a table of reviews, one row each: the rows are the entries
        page_title, page_year, page_month = _page_date(kept)
        area = page_area(kept)
        for e in tabled:
            e.year = e.year or page_year
            e.area = e.area or area
            warnings.extend(e.warnings)
        return Page(source, page_title, page_year, page_month, _rows_and_sections(source, tabled),
                    warnings)
    lines = [piece for line in kept for cell in _key_and_value(line)
             for piece in split_inline_labels(cell)]
    heads: list[tuple[int, dict]] = []
    for i, line in enumerate(lines):
        info = _classify_heading(line, lines[i + 1] if i + 1 < len(lines) else None)
        # (not a reference, "FOI-2023-04187", nor a note, "[Invented test page ...]")
        if i and _record_title(source, lines, i) and RECORD_MARK.match(lines[i - 1].text) \
                and len(line.text) <= 160 and re.search(r"[a-z]", line.text) \
                and not line.text.startswith("["):
            # the title under "RECORD 3", which casegraph's readers of exports and API
            # responses put above each record (ingest.sources)
            info = {"kind": "record", "whole": True,
                    "title": _NAME_FIELD.sub("", line.text),
                    # "Learning Review: Child X (Highland)": the area its title names, unless
                    # its own "Area:" line names another (_apply_metadata)
                    "area": _title_area(line.text),
                    # a record with no title opens with one of its fields ("User: U01AA")
                    "untitled": bool(_UNTITLED_RECORD.match(line.text)
                                     and not _NAME_FIELD.match(line.text)
                                     and not _CHILD_ID.search(line.text)
                                     and not _REVIEW_WORDS.search(line.text))}
            # (session 48) and that field is read as its others are: a post's "Posted: 13 March
            # 2024" is when it was published
            info["inclusive"] = info["untitled"]
        elif source.media_type in TABLE_MEDIA and info and info["kind"] == "record" \
                and (_UNTITLED_RECORD.match(line.text) or line.text.startswith("#:")) \
                and not _ROW_CHILD.search(line.text) and not _NAME_FIELD.match(line.text):
            # a row's field ("Required Attendees: School DSLs", (session 55) a form's response
            # number "#: a1") over another field
            info = None
        elif i and not info and source.media_type in TABLE_MEDIA and RECORD_MARK.match(lines[i - 1].text):
            # a spreadsheet's row that names no review ("Prepare slides: neglect training"):
            # it ends the row before it, whose review it is no part of
            info = {"kind": "boundary", "title": line.text}
        if info and info["kind"] == "record" and not info.get("whole") and heads \
                and heads[-1][1].get("whole") and (_NAME_FIELD.match(line.text) or (
                    _UNTITLED_RECORD.match(line.text) and not _REVIEW_WORDS.search(line.text)
                    and not _CHILD_ID.search(line.text))) and not any(
                    RECORD_MARK.match(k.text) for k in lines[heads[-1][0]:i]):
            # "Pseudonym: J and K" among the fields of a titled export's record, and (session
            # 51) any field that names no review, "Case id: NI-11" under "CMR: Child P and Child Q"
            info = None
        if info and "year_context" in info and not line.blank_before and i > 0 \
                and PUBLISHER_LINE.fullmatch(lines[i - 1].text.strip()):
            continue  # "Fife Child Protection Committee" over "2022": a record's year, no timeline
        if info and "year_context" in info and not line.blank_before and i > 0 \
                and (bare := _BARE_LABEL.match(lines[i - 1].text.strip())) \
                and _label_kind(bare["head"]) == "published":
            continue  # (session 87) txt2tags' definition list, "Published" over "  2022": its value
        if info and info["kind"] == "numbered" and i and not line.blank_before \
                and _numbered(lines[i - 1], info["number"] - 1):
            info = None  # "3. Review into toddler's death ..." under "2. Blyth sign striker": a list
        if info:
            heads.append((i, info))
    heads = _without_contents(lines, _series_ends(lines, heads))
    if sum(h["kind"] in _CATALOGUE_KINDS for _, h in heads) < 2:
        # Not a catalogue: a bulletin, annual report or notice may describe several reviews
        # under headings of its own, among sections that are not reviews at all.
        known = {i for i, _ in heads}
        # a line right under a review's heading is its facts line ("Tia and Ellis (2023)" over
        # "*Local learning review, published July 2023*"), never a section of its own
        found: list[tuple[int, dict]] = []
        for i, h in section_heads(lines):
            # (a question about the child a heading above names, that heading found here too:
            # "Case Management Review: Child K" over "Who was Child K?"; (session 75) nor a
            # reader's "RECORD 2" mark, a section's heading in capitals and a number by its
            # shape: it had been a heading with no text, warned of)
            if RECORD_MARK.match(lines[i].text) and source.media_type in RECORD_MEDIA:
                continue
            if not (h["kind"] == "boundary" and i - 1 in known) \
                    and not (h["kind"] == "boundary" and source.media_type in TABLE_MEDIA
                             and _ROW_FIELD.match(lines[i].text)) \
                    and not _question_about(lines, i, h, heads + found) \
                    and not (h["kind"] == "boundary" and _part_above(lines, i, heads + found)):
                found.append((i, h))
        found = [(i, h) for i, h in found if not _named_above(i, h, heads)]
        found = [(i, h) for n, (i, h) in enumerate(found)
                 if not _browser_title(lines, i, h, found[n + 1:n + 2])]
        if sum(h["kind"] != "boundary" for _, h in found) >= 2:
            heads = sorted(heads + [(i, h) for i, h in found if i not in known],
                           key=lambda ih: ih[0])
        elif any(h["kind"] != "boundary" for _, h in heads):
            # a review whose heading has another form than its neighbours' ("MALR – Baby U
            # (2023)" after "Extended CPR – Child T" records): its own heading only, with no
            # boundaries, so that the other reviews keep their sub-headings; but a newsletter's
            # next part in capitals ("TRAINING DATES") after its round-up of reviews ends them
            heads = sorted(heads + [(i, h) for i, h in found
                                    if i not in known and (h["kind"] != "boundary" or (
                                        _shouted(h["title"]) and i > max(known)
                                        and all(k["kind"] == "line" for _, k in heads))
                                        or _next_part(lines, i, known))],
                           key=lambda ih: ih[0])
    # the page's own title and date stand above its first review (a heading that only ends a
    # section, such as the partnership's name over "Learning briefings published in 2024", is
    # still the page's own; (session 58) so is a news item's headline on several reviews over its
    # date, "Board publishes two child practice reviews" / "Posted: 21 September 2022")
    first = next((i for i, h in heads if h["kind"] != "boundary" and not (
        h["kind"] == "record" and _PLURAL_REVIEWS.search(h.get("title") or "")
        and not _CHILD_ID.search(h.get("title") or ""))), len(lines))
    preamble = lines[:first]
    page_title, page_year, page_month = _page_date(preamble)
    if heads and all(h["kind"] == "boundary" for _, h in heads):
        heads = []
    if not heads:
        # No entry headings: a partnership's statement, notice or briefing about its reviews.
        from casegraph.ingest.document import read_document

        entries = read_document(source, lines)
        for e in entries:
            if e.year is None:
                e.year, e.month = _file_date(e.links)  # "Jayden_LCSPR_published_July2024.pdf"
            e.year = e.year or page_year  # a statement's date line is its publication date
            warnings.extend(e.warnings)
        _page_area(entries, lines, publisher=source.publisher, tail=raw[-6:], notes=notes)
        entries += _noted_reviews(source, notes, entries, lines, raw)
        _narrowed_to_titles(entries)
        return Page(source, page_title, page_year, page_month, entries, warnings)
    entries: list[Entry] = []
    timeline_year = None
    group_area = None  # (session 82) a list's group heading that is a place: "## Sandwell"
    for n, (i, info) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        head = lines[i]
        if info["kind"] == "boundary":
            timeline_year = info.get("year_context", timeline_year)
            # a section that is not a review ends the one before it; a paragraph in it may still
            # tell of another review ("5.4 Other reviews published" / "We also published, in
            # January 2024, a ... review about Child M, a 13-year-old boy who ...")
            from casegraph.ingest.document import split_earlier_reviews

            told = split_earlier_reviews(source, lines[i + 1:end], lambda i=i: " ".join(
                [*(ln.text for ln in lines[:i + 1]), *(h.get("name") or "" for _, h in heads)]),
                first=0)[1]
            for e in told:  # "We have also published a ... review about Child E": the page's news
                if e.year is None and _NEWLY_PUBLISHED.search(" ".join(s.text for s in e.sections)):
                    e.year, e.month = page_year, page_month
            entries.extend(told)
            continue
        entry = Entry(
            source=source, heading=info.get("heading", head.text), heading_kind=info["kind"],
            line=head.number,
            start=head.start, title=info["title"], number=info.get("number"),
            year=info.get("year"), month=info.get("month"), area=info.get("area") or _dash_area(head.text),
            name=info.get("name"))
        # a paragraph that introduces its review ("Our latest review concerns Ada") is part of it;
        # the next record's mark ("RECORD 2", a reader's) is no part of any
        body = lines[i if info.get("inclusive") else i + 1 : end]
        if n == len(heads) - 1:
            body = _without_page_foot(body)
        # a paragraph about another, earlier review ("... refers to the partnership's 2019
        # serious case review into the death of another teenager, Child Q, which ...") is that
        # review's, told after this one
        from casegraph.ingest.document import split_earlier_reviews

        body, earlier = split_earlier_reviews(source, body, lambda i=i: " ".join(
            [*(ln.text for ln in lines[:i + 1]), *(h.get("name") or "" for _, h in heads)]))
        fill_sections(entry, [ln for ln in body if not (source.media_type in RECORD_MEDIA | TABLE_MEDIA
                                                         and RECORD_MARK.match(ln.text))])
        if info.get("untitled"):
            _name_from_text(entry)
        if not entry.sections and info.get("whole"):
            entries.append(entry)  # its heading is all it says
            continue
        if not entry.sections and n == len(heads) - 1:
            # The page ends right after a heading: it was cut off (saved or copied partially).
            raise CasegraphError(f"entry '{head.text}' has no text: the page ends after its "
                                 "heading (truncated file?)", source.path, f"line {head.number}")
        if not entry.sections:
            # (session 55: not "truncated page?", as it said: the page goes on, with the next
            # entry, as a log's "Excluded: ICR-WLO-2023-05 - Initial case review only" does)
            warnings.append(f"{source.path}:{head.number}: entry '{head.text}' has no text before "
                            "the next entry; skipped")
            continue
        if info["kind"] == "ordinal":
            _name_ordinal(entry, info.get("rest"))
        elif entry.name is None and (named := _field_name(head.text, entry)):
            entry.name = named
        if info["kind"] in ("name", "record", "section", "numbered", "ordinal", "reference", "line",
                            "card", "session", "dated-list"):
            # A board's own list ("Child R - Serious Case Review"): its year and area are in
            # its prose ("published in 2012 by Rotherham Local Safeguarding Children Board").
            from casegraph.ingest.document import complete

            complete(entry, lines[i:end])  # its own "published in March 2023" comes first
        if entry.area is None and (bracketed := _title_area(head.text)) \
                and re.search(rf"\(\s*{re.escape(bracketed)}", head.text) \
                and not _NATION_ONLY.fullmatch(bracketed):
            # (session 81) the area its heading gives in brackets, whatever form named the child:
            # "Case Management Review: Baby V (Belfast HSC Trust area)" (a nation is no area)
            entry.area = bracketed
        if entry.area is None and info["kind"] != "boundary":
            entry.area = _place_part(head.text)
        if entry.year is None:
            entry.year = _record_year(lines, i)  # a record's facts: "Fife ... Committee" / "2022"
        if entry.year is None:
            entry.year, entry.month = heading_date(head.text)  # "Child K - SCR - June 2018"
        if entry.year is None:
            entry.year, entry.month = _file_date(entry.links)  # "Jayden_LCSPR_published_July2024.pdf"
        if entry.year is None and timeline_year:
            entry.year = timeline_year  # listed under a timeline's "=== 2023 ==="
        above = lines[heads[n - 1][0] + 1 if n else 0:i]
        group_area = next((place for ln in reversed(above) if ln.text.startswith("#") or ln.blank_before
                           if (place := _group_place(ln.text))), group_area)
        if entry.area is None and group_area:
            entry.area = group_area  # listed under its partnership's "## Sandwell"
        if entry.year is None:
            entry.year, entry.month = _message_date(lines, heads, i)
        if entry.year is None:
            entry.year, entry.month = page_year, page_month  # else the page's date is its date
        warnings.extend(entry.warnings)
        entries.append(entry)
        entries.extend(earlier)
    _share_learning(entries)
    entries = _without_shells(_welsh_twins_merged(_parts_merged(
        [e for e in _without_containers(_records_merged(entries)) if not _not_a_child(e)])))
    # a partnership's own list names the partnership above its entries; a catalogue of many
    # areas (the NSPCC's) names none there
    catalogue = sum(h["kind"] in _CATALOGUE_KINDS for _, h in heads) >= 2
    # (its name may stand in a line taken for furniture: "The newsletter of the X Partnership")
    if not catalogue:
        _page_area(entries, lines, raw[:12], source.publisher, raw[-6:], notes)
        entries += _noted_reviews(source, notes, entries, lines, raw)
    else:  # (a list whose footer or chrome names a partnership is that partnership's own)
        _page_area(entries, preamble, publisher=source.publisher, tail=raw[-6:])
    _narrowed_to_titles(entries)
    # a partnership's page may say above its entries what kind of reviews they are; a
    # catalogue's introduction speaks of reviews in general
    first = next((i for i, h in heads if h["kind"] != "boundary"), 0)
    intro = lines[:first]  # boundary sections before the first review introduce the page too
    return Page(source, page_title, page_year, page_month, entries, warnings,
                None if not intro or (catalogue and not _partnership_list(intro))
                else Span.concat((Span.of(ln.text, ln.start) for ln in intro), "\n"))


def _partnership_list(intro: list[Line]) -> bool:
    """(session 83) Whether a numbered list's page is a partnership's own list of its reviews, not
    a catalogue of many areas: its breadcrumb or heading names one partnership or board
    ("Medway Safeguarding Children Partnership > Learning > Published reviews"), so what its
    title says of the reviews ("Published Local Child Safeguarding Practice Reviews") is theirs."""
    from casegraph.ingest.document import area_of_body

    return len({area for ln in intro if (area := area_of_body(ln.text))}) == 1


#: A review a page tells of as its own news: "We have also published", "The Board also published".
_NEWLY_PUBLISHED = re.compile(r"\balso\s+published\b|\bha(?:ve|s)\s+(?:also\s+)?published\b", re.I)


#: A table's row of two cells, a label and its text: "| 1. Background | Baby Ivy was ... |".
_KEY_VALUE_ROW = re.compile(r"^\|\s*(?P<key>[^|]{1,60}?)\s*\|\s*(?P<value>[^|\s][^|]*?)\s*\|$")


def _key_and_value(line: Line) -> list[Line]:
    """A briefing laid out as a table of two columns, each row a part's label and its text
    (a 7-minute briefing's "| 5. Learning | • ... |"), as the label's line and the text's line,
    each with its own offsets; any other line as it is."""
    m = _KEY_VALUE_ROW.match(line.text)
    if m is None or _COLUMN_HEADS.fullmatch(line.text.strip().strip("|").strip()):
        return [line]  # ((session 81) nor a table's header, "| Recommendation | Owner |")
    part = _PART_NUMBER.match(m["key"])
    label = _BARE_LABEL.match(m["key"][part.end():] if part else m["key"])
    if not label or _label_kind(label["head"]) in METADATA:
        return [line]  # ("| Date | Event |" heads a chronology's table: a field's name is no part)
    return [Line(m["key"], line.start + m.start("key"), line.number, line.blank_before),
            Line(m["value"], line.start + m.start("value"), line.number, False)]


#: A child's age told in an account: "aged 12", "a 3-month-old", "16 years old".
#: (session 56) an age in words too: "Baby Cian was nine months old" tells of a child
_SPELLED = "|".join(w for w, n in NUMBER_WORDS.items() if len(w) > 1 and n <= 17)
_CHILD_AGE = (rf"(?:1[0-7]|[1-9]|{_SPELLED})[- ]years?[- ]old|"
              rf"(?:\d{{1,2}}|{_SPELLED})[- ](?:months?|weeks?)[- ]old|aged\s+(?:1[0-7]|[0-9])")
_TOLD_AGE = re.compile(rf"\b(?:{_CHILD_AGE})\b", re.I)
#: Words that tell of a child: an entry with none of them, in its heading or its text, tells of
#: no child's case.
_CHILD_WORDS = re.compile(
    r"\b(?:child(?:ren)?|bab(?:y|ies)|infants?|toddlers?|girls?|boys?|sons?|daughters?|teenagers?|"
    rf"young\s+(?:person|people|man|woman)|pupils?|newborns?|siblings?|twins?|adolescents?|{_CHILD_AGE})\b",
    re.I)
#: Reviews of adults: a domestic homicide review, a safeguarding adults review, "Adult A".
ADULT_REVIEW = re.compile(r"\b(?:domestic\s+homicide\s+review|safeguarding\s+adults?\s+review|"
                           r"adult\s+practice\s+review|DHR|SAR|(?-i:Adult\s+[A-Z]\d?)|adults?)\b", re.I)


#: The kinds of review that are an adult's, by name: no child safeguarding review.
_ADULT_REVIEW_TYPE = re.compile(r"\b(?:domestic\s+homicide\s+review|safeguarding\s+adults?\s+review|"
                                r"adult\s+practice\s+review|domestic\s+abuse\s+related\s+death\s+review|"
                                r"(?-i:DHR|SAR|APR))\b", re.I)


#: A row or record that says it is no child's case: an HSC Trust's table of reviews with "Review
#: of discharge arrangements for an adult mental health inpatient. Not a child safeguarding
#: case; recorded in this table for ... governance" among its CMRs.
_NOT_A_CHILDS_CASE = re.compile(r"\bnot\s+a\s+child(?:ren)?(?:'s)?\s+(?:safeguarding\s+|protection\s+)?"
                                r"(?:case|review|matter)\b", re.I)


#: Names of services and bodies, whose "children" tells of no child ("Derby and Derbyshire
#: Safeguarding Children Partnership", "children's social care", "the child protection register").
_ORGANISATIONS = re.compile(
    r"\b(?:safeguarding\s+children|children['’]s\s+(?:social\s+care|services|hospital|"
    r"commissioner)|child\s+protection\s+(?:committee|register|procedures))\b", re.I)


#: A note about the page or record itself, whose words about reviews tell of none: one in square
#: brackets, "[Invented test page - not a real review]", or a record saying what it is not
#: ("Guidance for practitioners. Not a case review.").
_NOTE = re.compile(r"\[(?:Invented|Note|Editor['’]s\s+note)\b[^\]]*\]"
                   r"|\b(?:(?:this|it)\s+is\s+)?not\s+an?\s+(?:\w+\s+){0,2}review\b", re.I)


#: Reviews in the plural, in a heading: a data set's or a report's part about several of them.
_PLURAL_REVIEWS = re.compile(r"\breviews\b"
                             # (session 49) a committee paper's "Learning Review Update": news of
                             # the reviews since its last meeting
                             r"|\breview\s+(?:update|activity)\b", re.I)


#: A list's number in brackets before a record's title ("[1]  Niamh and Oisín - ...").
_LIST_NUMBER = re.compile(r"^\[\d{1,3}\]\s+(?=\S)")
#: (session 52) A review's heading that gives the child's name in quotation marks, as a list's
#: subject does: 'New publication: Shropshire multi-agency learning review - "Poppy"'.
_QUOTED_PSEUDONYM = re.compile(r"\breview\b[^\"“‘']{0,40}[\"“‘'](?P<name>(?-i:[A-Z][a-z]{1,15}))[\"”’']\s*$",
                               re.I)


#: (session 53) A rapid review named in a record: the first step towards a review, no review.
_RAPID_REVIEW_WORDS = re.compile(r"\brapid\s+review\b"
                                 # ((session 79) the review it led to: "Outcome: Multi-agency
                                 # professional forum", a review word since)
                                 r"|\boutcome\s*:[^\n]*", re.I)


#: (session 55) A coding team's flag that a row is not one of its reviews: "In scope: No",
#: "In scope (child review): 0", "include: FALSE", "Excluded: Yes" (a rapid review's row, an
#: adult's review logged in error).
_OUT_OF_SCOPE = re.compile(r"^\s*(?:(?:in\s+scope|include[ds]?|in\s+sample|eligible)(?:\s*\([^()]{1,40}\))?"
                           r":\s*(?:no|n|0|false)|exclude[ds]?(?:\s*\([^()]{1,40}\))?:\s*(?:yes|y|1|true))\s*$",
                           re.I | re.M)


#: A kind of document other than a review, as a record's title or type names it: a board's
#: annual report, a leaflet for families, a newsletter, guidance, a policy, a business plan.
_OTHER_DOCUMENT = re.compile(r"\b(?:annual\s+report|leaflet|newsletter|guidance|polic(?:y|ies)|"
                             # (session 66) a library's "Seven minute briefing template (editable)",
                             # its type "Learning Object"
                             r"business\s+plan|poster|template|learning\s+object)\b", re.I)


def _no_review_record(entry: Entry, text: str) -> bool:
    """Whether a record of an export or a feed tells of no single review: it names no child
    (no "Child T", no age, no title that is a name alone, "Kit"), and either speaks of reviews
    only in the plural (a data set of "learning reviews and significant case reviews", whose
    files are the reviews), of no review at all (a site's news, register statistics) or of a
    referral that led to none ("criteria ... not met").  A
    record that is a title alone, naming no child and no review ("Retention", a database's
    admin note), tells of none either: a one-word title is no child's name by itself."""
    if not any(s.span.text.strip() for s in entry.sections) and not _CHILD_ID.search(entry.heading) \
            and not _REVIEW_WORDS.search(entry.heading):
        return True
    if _GUIDANCE_TITLE.match(entry.heading.strip()) or _QUESTION_TITLE.match(entry.heading.strip()):
        # (session 48) statutory guidance cited beside the reviews; (session 56) a CMS's
        # explainer item, "What is a Child Practice Review?"
        return True
    said = _NOTE.sub("", text)  # ("[Invented test page: not a real review]" is a note)
    if entry.name or _CHILD_ID.search(text) or _bare_name(_NAME_FIELD.sub("", entry.heading)):
        return False
    if (typed := _TYPE_LABELLED.match(entry.heading.strip())) and _bare_name(typed["rest"]) \
            and re.search(rf"\b{re.escape(typed['rest'].split()[0])}\b", text[len(entry.heading):]):
        # (session 86) "Multi-agency learning review: Priya" over "Priya, aged fifteen, ...":
        # a review of its type about the child its text names, though it says that the
        # criteria for another type were not met (which is why it was held)
        return False
    quoted = QUOTED_NAME.search(entry.heading)
    if quoted and re.search(rf"\b{quoted['name']}\b", text[len(entry.heading):]):
        return False  # (session 66) "CMR – 'Niamh' (Armagh ...)" over "Niamh was 14 ...": her review
    if _TOLD_AGE.search(text) and not (_NOT_COMMISSIONED.search(said) and not any(
            s.items for s in entry.section("learning", "recommendations", "learning+recommendations"))):
        # a child's age tells of a child's case; (session 56) but a rapid review's record about
        # "a nine-month-old" whose "criteria ... were not met", with no learning, led to none
        return False
    if _OTHER_DOCUMENT.search(entry.heading) or any(_OTHER_DOCUMENT.match(s.span.text.strip())
                                                    for s in entry.section("model")):
        # (session 58) a catalogue's record of another kind of document, by its title or its
        # type ("... Annual Report 2022-23", "Type: Leaflet"), though it counts "case management
        # review notifications" and names no child
        return True
    said = _REVIEW_BODY.sub("", said)  # ("the Learning Review sub-group": a body, no review)
    # (session 47) review words only in the plural ("its work on case management reviews", an
    # annual report's record) tell of no single review
    singular = re.sub(r"(?:\b[\w-]+\s+){0,4}reviews\b", " ", said, flags=re.I)
    # (session 53) nor does a rapid review's record alone ("RR 6/2024", "Date of rapid review:
    # 29/02/2024", "Outcome: Multi-agency professional forum"): a review's first step, no review
    singular = _RAPID_REVIEW_WORDS.sub(" ", singular)
    return (bool(_PLURAL_REVIEWS.search(entry.heading)) or not _REVIEW_WORDS.search(singular)
            or bool(_NOT_COMMISSIONED.search(said)) or bool(_AGGREGATE.search(said)))


#: (session 55) A data set of counts, no case: "(aggregate counts)", "No individual case is
#: described" (a repository's statistics record beside its reviews' summaries).
_AGGREGATE = re.compile(r"\baggregate\s+(?:counts|data|figures|statistics)\b|"
                        r"\bno\s+individual\s+(?:case|child|review)\s+is\s+(?:described|identified)\b", re.I)


#: A record titled by a question (an FAQ's or explainer's): "What is a Child Practice Review?".
_QUESTION_TITLE = re.compile(r"^(?:what|how|why|when|who|where)\b[^?\n]{0,100}\?$", re.I)
#: The nations' statutory guidance on safeguarding children, which a bibliography or a reading
#: list cites beside the reviews: a record it titles is the guidance, no review.
_GUIDANCE_TITLE = re.compile(
    r"(?:Working\s+Together(?:\s+to\s+Safeguard\s+Children)?|Keeping\s+Children\s+Safe\s+in\s+Education|"
    r"National\s+Guidance\s+for\s+Child\s+Protection\s+in\s+Scotland|Co-operating\s+to\s+Safeguard\s+"
    r"Children|Wales\s+Safeguarding\s+Procedures|Social\s+Services\s+and\s+Well-being\s+\(Wales\)\s+Act)"
    r"(?:\s+\d{4})?(?:\s*[:(–—-]\s*[^\n]*)?$", re.I)


#: A referral a register keeps though no review followed: "Criteria for a Child Practice Review
#: not met", "did not meet the criteria", "not progressed to a review", a rapid review that
#: ended without one.
_NOT_COMMISSIONED = re.compile(r"\bcriteria\s+(?:for\s+[^.;]{1,60}?\s+)?(?:(?:was|were)\s+)?not\s+met\b|"
                               # (session 53) "did not meet CMR criteria"
                               r"\bdid\s+not\s+meet\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:criteria|threshold)\b|"
                               r"\bnot\s+progressed\b|"
                               # (session 66) a Scottish register's "Closed - learning review not required"
                               r"\breview\s+not\s+required\b|"
                               # (session 53) a council's row in a register: "No learning review or
                               # SCR published 2019-2024", "Joint ICR ...; no learning review."
                               # ("no further review was needed" after rapid reviews is no such row)
                               r"\bno\s+(?:(?:learning|case|significant\s+case|practice)\s+){1,2}review\b|"
                               # (a record's fields are joined by spaces: "Perth and Kinross No
                               # review published in period.", its capital the sentence's start)
                               r"(?:(?:^|[.;:]\s+|\n)no|(?-i:\bNo))\s+reviews?\s+(?:was\s+|were\s+)?published\b|"
                               # (session 54) "Learning review commissioned 2024 (in progress)":
                               # none published yet
                               r"\breview\s+(?:commissioned|begun|started|underway)\s+(?:in\s+)?(?:\d{4}\s+)?"
                               r"\(in\s+progress\)|"
                               # (session 48) a rapid review that ended there: "(no LCSPR)",
                               # "taken forward ... without a local review"
                               r"\(no\s+L?CSPR\)|\bwithout\s+a\s+local\s+(?:child\s+safeguarding\s+practice\s+)?"
                               r"review\b|"
                               # (session 50) "Rapid review - no LCSPR", "National panel agreed no
                               # LCSPR"
                               r"[-–—]\s*no\s+L?CSPR\b|\bagreed\s+(?:that\s+)?(?:there\s+should\s+be\s+)?no\s+"
                               r"L?CSPR\b", re.I)
#: A register's cell that holds nothing: "n/a", "none", "-" (no learning, no recommendation).
_NO_VALUE = re.compile(r"^\s*(?:n/?a|none|nil|[-–—])(?:\W|$)", re.I)


def not_commissioned(text: str) -> bool:
    """Whether a text says that no review followed (see :data:`_NOT_COMMISSIONED`): a table's
    type cell "Rapid review (no LCSPR)" is a row of no review."""
    return bool(_NOT_COMMISSIONED.search(text))


#: A referral that led to no review ("Referral – criteria for CPR not met"): with no learning or
#: recommendations a tracker's row for it tells of no review, though it names a child ("REF
#: 03/2023 – Child X").  (Not "in progress": a tracker's row for a review not finished, with
#: its account, is one; nor "criteria not met" alone: a non-statutory learning review says so.)
_REFERRAL_ONLY = re.compile(rf"\breferral\b.*?(?:{_NOT_COMMISSIONED.pattern})", re.I | re.S)
#: (session 49) A row headed as a notification or a rapid review ("CMR notification 2023/02 –
#: Baby S", "Rapid review – Child Q") whose text says no review followed is one such too.
_NOTIFIED_ONLY = re.compile(r"\b(?:notification|rapid\s+review|initial\s+case\s+review)\b", re.I)
#: (session 50) ... and so is a register's row whose type field says so ("Review type: Rapid
#: review - no LCSPR" over "the criteria for an LCSPR were not met").
#: (session 66: and Scotland's "Initial case review", which decides whether a learning review follows)
_NOTIFIED_TYPE = re.compile(r"\s*(?:rapid\s+review|notification|initial\s+case\s+review)\b", re.I)
#: (session 51) A rapid review whose decision is still awaited ("the Panel's view is awaited"):
#: no review yet, beside those that led to none.
_UNDECIDED = re.compile(r"\b(?:view|decision)\s+is\s+(?:awaited|pending)\b|\bawaiting\s+(?:a\s+|the\s+)?"
                        r"(?:decision|panel['’]s\s+(?:view|decision))\b", re.I)
#: (session 51) ... and a section headed as one ("3.1 Rapid review – Baby K", an agenda's item).
#: (session 81) ... unless another review follows it: "the criteria for a local child safeguarding
#: practice review were not met. A local learning review will be held" (a review of its own).
#: (session 84: "... agreed that a local learning review on the handling of infant injuries should
#: be held instead")
_LEARNING_REVIEW_FOLLOWS = re.compile(r"\b(?:local|multi-agency|single-agency)\s+(?:learning\s+)?review\s+"
                                      r"(?:(?:on|of|into)\s+[^.;]{1,60}?\s+)?"
                                      r"(?:will\s+be|should\s+be|is\s+being|has\s+been|was)\s+(?:held|carried\s+out|"
                                      r"undertaken|commissioned)\b", re.I)
_NOTIFIED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:rapid\s+review|notification)\b", re.I)


#: A body named after the reviews it handles: "the Learning Review sub-group", "the case review
#: group".  (Not a panel: "monitored through its Case Management Review Panel" tells of the
#: record's own review.)
_REVIEW_BODY = re.compile(r"\b(?:[\w-]+\s+){0,3}reviews?\s+(?:sub-?groups?|groups?|teams?|"
                          r"sub-?committees?|committees?)\b", re.I)


#: An audit named in a record's or a row's title: a tracker lists audits beside its reviews;
#: (session 52) so does a coding file its thematic reviews of many cases ("Thematic review:
#: adolescents on child protection plans for neglect"; one naming its children is a review's).
_AUDIT = re.compile(r"\baudits?\b|^thematic\s+review\b", re.I)


def an_audit(title: str) -> bool:
    """Whether a record's or a table row's title names an audit and no child ("Neglect
    multi-agency audit (12 cases)", "Audit of interpreter use in conferences"): no review."""
    return bool(_AUDIT.search(title)) and not _CHILD_ID.search(title)


def _record_title(source: SourceText, lines: list[Line], i: int) -> bool:
    """Whether the line under a RECORD mark titles its record: always in an export's records;
    in a spreadsheet's rows only when the name cell names a child and a review ("Child R – LCSPR
    – Rochdale (published May 2023)", an Asana task's name), or names a child in a row whose
    fields say it is a review's ("Review type: Concise Child Practice Review", "Review
    reference: CVRSB 2/2023"), as a row's name cell may be anything ("Admin", "Welcome" on a
    Padlet board) and is read by the parser's other rules."""
    text = lines[i].text
    if source.media_type in RECORD_MEDIA:
        return True
    if source.media_type not in TABLE_MEDIA or not (_ROW_CHILD.search(text) or _NAMED_REVIEW.match(text)
                                                    or _FIRST_NAME_ONLY.match(text)):
        return False
    return bool(_REVIEW_WORDS.search(text)) or any(
        _REVIEW_FIELD.match(ln.text) for ln in itertools.takewhile(
            lambda ln: not RECORD_MARK.match(ln.text), lines[i + 1:i + 40]))


#: (session 70) A spreadsheet row's field as its records are written ("Number of recs: 11",
#: "Action plan status: Complete"): never a part that ends the row's review.
_ROW_FIELD = re.compile(r"^[A-Z][\w .()/'’-]{0,40}:\s+\S")
#: A row's field that says the row is a review's: its type or reference, with a value.
_REVIEW_FIELD = re.compile(r"^(?:(?:review\s+(?:type|ref(?:erence)?|id|number|no\.?)|type\s+of\s+review)"
                           # (session 49) "Review type (as named locally): Learning Review"
                           r"(?:\s*\([^()]{1,40}\))?:\s*\S"
                           # (session 68) a tracker's "SCR commissioned: 03/03/2011", "Ref: SCR 11/01"
                           r"|(?-i:SCR|CSPR|LCSPR|CPR|CMR)\s+\w+:\s*\d"
                           r"|ref(?:erence)?:\s*(?-i:SCR|CSPR|LCSPR|CPR|CMR)\s*\d)", re.I)
#: A row's name cell that is a first name alone ("Jayden"), a review's only when its fields say so.
_FIRST_NAME_ONLY = re.compile(r"^(?-i:[A-Z][a-z]{1,15})(?:\s+and\s+(?-i:[A-Z][a-z]{1,15}))?$")


#: A child named in a row's name cell: "Child R", and "Siblings A and B", "Twin C".
_ROW_CHILD = re.compile(r"\b(?:Child|Baby|Children|Plentyn|Siblings?|Twins?|Young\s+[Pp]erson)\s+"
                        r"(?-i:[A-Z]{1,3}\d?)\b")
#: A child's first name over the review's kind in a row's name cell: "Mason: Local Child
#: Safeguarding Practice Review", "Tia and Ellis – learning review".
_NAMED_REVIEW = re.compile(r"^[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?\s*[:–—-]\s+(?:.*\s)?"
                           r"(?:review|SCR|LCSPR|CSPR|CPR)\b"
                           # (session 52) the type first: "Case Management Review: Shauna"
                           # (session 55) and its reference: "Concise Child Practice Review NWSB
                           # 4/2023 - Cai"
                           r"|^(?:[\w-]+\s+){0,5}(?:review|SCR|LCSPR|CSPR|CPR|CMR)"
                           r"(?:\s+(?-i:[A-Z]{2,8})\s*\d{1,3}/\d{2,4})?\s*[:–—-]\s+"
                           # (session 56) "CMR – Child Cara (Armagh City, Banbridge and Craigavon)"
                           r"(?:(?:Child|Baby|Young\s+Person)\s+)?"
                           r"(?-i:[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)(?:\s+\([^()]{2,60}\))?$", re.I)


def _not_a_child(entry: Entry) -> bool:
    """Whether an entry tells of no child at all: a police page's "Case 1: Misconduct meeting -
    failure to record a crime", or "Case 2: Domestic Homicide Review - Adult A" whose text names
    no child.  A review of a child's case names a child somewhere, in its heading or its text."""
    text = " ".join(entry.parts)
    if entry.heading_kind == "record" and _no_review_record(entry, text):
        return True
    if entry.heading_kind == "record" and any(_OUT_OF_SCOPE.search(s.span.text) for s in entry.sections):
        return True  # (session 55) a coding team's row it flagged as none of its reviews
    if entry.heading_kind == "record" and an_audit(entry.heading):
        return True
    if entry.heading_kind in ("record", "table") and (_REFERRAL_ONLY.search(text) or (
            (_NOTIFIED_ONLY.search(entry.heading)
             or any(_NOTIFIED_TYPE.match(s.text) for s in entry.section("model")))
            and (_NOT_COMMISSIONED.search(text) or _UNDECIDED.search(text)))) and not any(
            not _NO_VALUE.match(i.text) for s in entry.section("learning", "recommendations",
                                                              "learning+recommendations") for i in s.items):
        return True  # a tracker's row for a referral, a notification or a rapid review that led to none
    if entry.heading_kind == "section" and _NOTIFIED_HEADING.match(entry.heading) \
            and _NOT_COMMISSIONED.search(text) and not _LEARNING_REVIEW_FOLLOWS.search(text) and not any(
                s.items for s in entry.section("learning", "recommendations", "learning+recommendations")):
        return True  # (session 51) minutes' "3.1 Rapid review – Baby K": "criteria ... not met"
    if _of_reviews(entry, text) or _EDITORIAL.match(entry.heading.strip()) or (
            _EVENT.match(entry.heading) and not _CHILD_ID.search(entry.heading)):
        return True
    # (session 45) what the page links to ("Related links: Child exploitation: information for
    # parents") tells of no harm of the review's
    told = " ".join(sec.text for sec in entry.sections if not (sec.label and _RELATED.match(sec.label)))
    if _unfinished(entry.heading, text) and not _HARM_TOLD.search(told) and not any(
            s.items for s in entry.section("learning", "recommendations", "learning+recommendations")
            if not _ASKED.search(s.span.text)):
        # (session 42) "Child U – review in progress" over "A summary will be published when it
        # is complete", a table's "| Child C | LCSPR | In progress | - |": no review yet
        return True
    if _ADULT_REVIEW_TYPE.search(entry.heading) and not _CHILD_ID.search(entry.heading):
        # (session 48) "CYSUR APR 2/2023 – Adult Practice Review – Powys – Mr G": an adult's
        # review listed beside the children's, whatever its text says of children
        return True
    if _NOT_A_CHILDS_CASE.search(text) and not _CHILD_ID.search(entry.heading):
        return True  # (session 50) a register's row "Not a child safeguarding case; recorded ..."
    if _CHILD_WORDS.search(_ORGANISATIONS.sub("", text)) or _CHILD_ID.search(text):
        return False
    # (a numbered case named after a child, "STORY 1: JAY" over "Jay was 13 ...", is one)
    return bool(ADULT_REVIEW.search(entry.heading)) or (
        entry.heading_kind == "ordinal" and not entry.name)


#: A paper's own recommendation to the body it goes to ("4.1 The Committee is asked to NOTE
#: ..."), after a part about a review in progress: none of that review's (session 49).
_ASKED = re.compile(r"\b(?:Committee|Board|Panel|Partnership|Group|members)\s+(?:is|are)\s+asked\s+to\b",
                    re.I)


#: A review not finished ("review in progress", "under way", "not yet published"), said in its
#: heading ...
_UNFINISHED_REVIEW = re.compile(r"\b(?:in\s+progress|under\s*way|not\s+yet\s+(?:been\s+)?published)\b", re.I)
#: ... or of the review in its text ("This review is in progress"), or as a field's or a cell's
#: whole value ("| In progress |", "Status: In progress"): not an action plan's work under way.
_UNFINISHED_TEXT = re.compile(r"\b(?:review|it)\s+(?:is|remains)\s+(?:still\s+)?(?:in\s+progress|under\s*way|"
                              r"ongoing|not\s+yet\s+(?:been\s+)?published)\b"
                              r"|(?:^|[|:])\s*in\s+progress\s*(?:[|.]|$)", re.I | re.M)


def _unfinished(heading: str, text: str) -> bool:
    """Whether an entry says its review is not finished (see _UNFINISHED_REVIEW)."""
    return bool(_UNFINISHED_REVIEW.search(heading) or _UNFINISHED_TEXT.search(text))
#: ... and a harm told, which makes an account of a case of it all the same.
_HARM_TOLD = re.compile(r"\b(?:died|death|injur\w*|abus\w*|neglect\w*|harm\w*|assault\w*|killed|"
                        r"exploit\w*|murder\w*|suicide|fractur\w*|bruis\w*|shaken)\b", re.I)


#: A publication's own parts, never a review's heading: a newsletter's "Welcome", a report's
#: "Foreword" or "Introduction", "In this issue", "Contents".
_EDITORIAL = re.compile(r"^(?:\d{1,2}[.)]?\s+)?(?:welcome(?:\s+to\s+[\w\s'’-]{1,60})?|foreword|introduction|"
                        r"editorial|in\s+this\s+(?:issue|edition)|contents|about\s+us|contact\s+us)[.!:]?$",
                        re.I)


#: A heading that names an event ("Learning event: Learning from CMRs – 12 September 2024",
#: "Webinar: ...", a podcast's episode), whose text tells what it will cover, or the site's news
#: of its own staff; unless it names a child, no review.
_EVENT = re.compile(r"^(?:(?:learning|training|practice|online)\s+)?(?:events?|webinars?|conferences?|"
                    r"workshops?|seminars?|masterclass(?:es)?|podcasts?(?:\s+episode\s+\d{1,3})?|"
                    # (session 60) a feed's "Training: Child Practice Review learning events"
                    r"training|courses?|"
                    # (session 52) a list's messages: "Call for papers: child protection research
                    # symposium, November 2024"
                    r"call\s+for\s+(?:papers|abstracts|proposals|evidence))\s*[:–—-]\s"
                    # (session 48) a site's news of its own people: "We're recruiting: sessional
                    # Learning Review lead reviewers", "New Lead Officer for Child Protection",
                    # "Partnership welcomes new independent scrutineer"
                    r"|^(?:we['’]re\s+recruiting|we\s+are\s+recruiting|vacanc(?:y|ies)\b|jobs?\s*:|"
                    r"join\s+(?:our|the)\s+team|(?:[\w-]+\s+){0,2}welcomes\s+(?:a\s+|its\s+|our\s+)?new\s+|"
                    r"new\s+(?:[\w-]+\s+){0,3}(?:officer|chair|manager|lead|director|co-?ordinator|"
                    r"scrutineer)s?\b)", re.I)


def _of_reviews(entry: Entry, text: str) -> bool:
    """Whether an entry is a report's part about reviews in the plural ("6. CASE MANAGEMENT
    REVIEWS" over the panel's notifications and decisions, whose reviews follow as 6.2 and
    6.3): its heading says "reviews", and neither it nor its text names a child or an age."""
    return (bool(_PLURAL_REVIEWS.search(entry.heading)) and not entry.name
            and not _CHILD_ID.search(text) and not _TOLD_AGE.search(text))


#: A Welsh pseudonym: "Plentyn G" is "Child G", "Babi M" is "Baby M".
_WELSH_NAME = re.compile(r"^(?P<word>Plentyn|Babi)\s+(?P<id>[A-Z]{1,3}\d?)$")


#: A record's field line ("User: U01AA", "Published: 13 March 2024"): no title.
_UNTITLED_RECORD = re.compile(r"^[A-Z][\w ]{0,30}:\s+\S")


def _name_from_text(entry: Entry) -> None:
    """A record with no title (a chat message, a post) is named by the child its text names
    first ("The Learning Review about *Child J* is now on our website"), or (session 68) by the
    name it says is a pseudonym ("the significant case review about Liam (not his real name)"),
    its title that name (not its field "User: U01AA", "Partnership: ...")."""
    text = " ".join(sec.span.text for sec in entry.sections)
    m = _CHILD_ID.search(text) or _NOTED_NAME.search(text)
    if m:
        entry.name = entry.title = PSEUDONYM_NOTE.sub("", m.group()).strip()
        entry.untitled = True


#: A record's field that makes it a reply in a thread (Mastodon's "inReplyTo", Slack's
#: "thread_ts", Teams' "replyToId"), as the readers label it.
_REPLY_FIELD = re.compile(r"^(?:In reply to|Thread ts|Reply to id|Parent id)\s*:", re.I | re.M)


def _a_reply(entry: Entry) -> bool:
    """Whether an untitled record (its heading one of its fields) is a reply in a thread."""
    text = "\n".join(sec.span.text for sec in entry.sections)
    return bool(_UNTITLED_RECORD.match(entry.heading)
                and (_REPLY_FIELD.search(entry.heading) or _REPLY_FIELD.search(text)))


def _absorbed(entry: Entry, part: Entry) -> None:
    """``part`` read as more of ``entry``: its sections, links and warnings after entry's."""
    entry.sections += part.sections
    entry.links += part.links
    entry.warnings += part.warnings


def _records_merged(entries: list[Entry]) -> list[Entry]:
    """One entry per child within one record of an export: a Teams post titled "Child R LCSPR -
    summary for the website" whose HTML body opens "Child R - Local Child Safeguarding Practice
    Review" tells one review, not two.  Only inside a record (no RECORD mark between them): on a
    catalogue two entries in a row may be two reviews of children with one pseudonym."""
    def child(entry: Entry) -> str | None:
        if entry.name:
            return entry.name
        m = _CHILD_ID.search(entry.heading)
        return m.group() if m else None

    out: list[Entry] = []
    for entry in entries:
        prev = out[-1] if out else None
        if prev is None or entry.source.media_type not in RECORD_MEDIA:
            out.append(entry)
            continue
        # a thread's reply about the same child, or naming none ("2/3 The partner had moved in
        # ..."), goes on with the post it answers
        reply = _a_reply(entry) and child(entry) in (None, child(prev))
        same_record = bool(child(entry)) and child(entry) == child(prev) and not re.search(
            RECORD_MARK.pattern, entry.source.text[prev.start:entry.start], re.M)
        if reply or same_record:
            if _PART_HEADING.match(entry.heading or ""):
                _part_named(entry, entry.heading)  # "Child G: learning 2 of 4", a deck's slide
            _absorbed(prev, entry)
        else:
            out.append(entry)
    return out


#: A heading that names a review's child and then only a part of a review: "Child C — learning
#: and recommendations", "Child G: what happened", "Child G (continued)".
_PART_HEADING = re.compile(
    r"^(?P<child>.+?)\s*(?:[–—:-]\s*|\()(?:(?:(?:the|key|our|main|\d{1,2}|two|three|four|five|six|seven|"
    # (session 60) a deck's "Child T – the review makes 4 recommendations"
    r"review\s+(?:makes|made)|makes|made)\s+)*"
    r"(?:learning(?:\s+points?)?|lessons?(?:\s+learned)?|recommendations?|messages|findings|"
    r"what\s+happened|actions?|next\s+steps|questions|reflective\s+questions|continued|cont'?d|"
    # (session 66) a training deck's slide "Baby J – what we learned"
    r"what\s+we\s+(?:have\s+)?learn(?:ed|t))"
    # a slide of a series: "learning 1 of 4", "recommendations (6)", "key message 2"
    r"(?:\s+\d{1,2}(?:\s+of\s+\d{1,2})?)?(?:\s*\(\d{1,2}\))?(?:\s*(?:,|and|&)\s*)?)+\)?\s*$", re.I)


def _parts_merged(entries: list[Entry]) -> list[Entry]:
    """One entry per review on a page that tells it over several headings of its own: a slide
    deck's "Child C — Extended Child Practice Review (North Wales, 2023)" then "Child C — learning
    and recommendations" is one review, the second heading its part (the child's name then only
    a part's words), not a second review of the same child."""
    out: list[Entry] = []
    for entry in entries:
        prev = out[-1] if out else None
        m = _PART_HEADING.match(entry.heading or "")
        if prev is not None and m and prev.source is entry.source and _part_of(m, prev.name, prev.heading):
            _part_named(entry, m.group())
            _absorbed(prev, entry)
        else:
            out.append(entry)
    return out


def _part_of(m: re.Match[str], *names: str | None) -> bool:
    """Whether a part's heading (:data:`_PART_HEADING`) names the child of a review: "Child C",
    "Baby O", a first name alone, "Jay", or two, "Alys and Osian", that its name or heading
    (``names``) opens with, or (session 60) that its heading ends with after a dash or colon:
    "Concise Child Practice Review CTMSB 3/2023 – Child T" over "Child T – what happened"."""
    child = m["child"].strip()
    first = r"[A-Z][a-z]{1,15}"
    return bool(_CHILD_ID.search(child) or re.fullmatch(rf"{first}(?:\s+and\s+{first})?", child)) and any(
        re.match(rf"{re.escape(child)}\b", text or "")
        or re.search(rf"(?:[–—:]|\s-)\s*['‘’]?{re.escape(child)}['’]?\s*$", text or "") for text in names)


def _part_above(lines: list[Line], i: int, heads: list[tuple[int, dict]]) -> bool:
    """Whether line ``i`` is a part ("Child H: three key messages") of the review headed last
    above it: the review's own label then, not a boundary that ends it."""
    m = _PART_HEADING.match(lines[i].text)
    last = max((ih for ih in heads if ih[0] < i), key=lambda ih: ih[0], default=None)
    # (session 60) "Alys and Osian – what happened": the account's part too
    return bool(m and last and (_part_kind(lines[i].text) or re.search(r"what\s+happened", m.group(), re.I))
                and _part_of(m, last[1].get("name"), last[1].get("title")))


def _part_kind(heading: str) -> str | None:
    """The section a part's heading names: "learning 2 of 4", "recommendations (6)", both."""
    learning = re.search(r"\b(?:learning|lessons?|messages|findings|we\s+(?:have\s+)?learn(?:ed|t))\b",
                         heading, re.I)
    recommendations = _RECOMMENDATION_WORD.search(heading)
    return ("learning+recommendations" if learning and recommendations else "learning" if learning
            else "recommendations" if recommendations else None)


def _part_named(entry: Entry, heading: str) -> None:
    """A part's unlabelled opening text read as what its heading names it: "Child G — learning"
    over bullets is the review's learning, each bullet a point."""
    kind = _part_kind(heading)
    first = entry.sections[0] if entry.sections else None
    if kind and first is not None and first.kind == "summary" and first.label is None:
        first.kind = kind
        _read_items(entry, first)


def _welsh_twins_merged(entries: list[Entry]) -> list[Entry]:
    """One entry per review on a page that tells it in Welsh and again in English ("Adolygiad
    Ymarfer Plant Estynedig: Plentyn G" ... "English summary" ... "Extended Child Practice Review:
    Child G"): the first heading, the English pseudonym, and the sections of both (the English
    text is the one the vocabulary reads).  Two entries would be two reviews of one child."""
    merged: set[int] = set()
    for entry in entries:
        m = _WELSH_NAME.match(entry.name or "")
        if m is None:
            continue
        english = f"{'Child' if m['word'] == 'Plentyn' else 'Baby'} {m['id']}"
        twin = next((e for e in entries if e.name == english and e.start > entry.start
                     and id(e) not in merged), None)
        if twin is None:
            continue
        entry.name = english
        entry.sections += twin.sections
        entry.links += twin.links
        entry.year, entry.month = entry.year or twin.year, entry.month or twin.month
        entry.area = entry.area or twin.area
        merged.add(id(twin))
    return [e for e in entries if id(e) not in merged]


def _without_containers(entries: list[Entry]) -> list[Entry]:
    """The entries less an exported note that only holds reviews: a record titled by its
    author ("Case review reading - infants & teenagers", a Google Keep note), naming no child
    and no kind of review, whose text goes on to head the children's own reviews ("1) Child AE
    - CMR - ..."), is their container, not a review of its own."""
    from casegraph.ingest.document import CASE_WORDS, names_a_child, review_words

    def container(k: int) -> bool:
        e = entries[k]
        after = entries[k + 1] if k + 1 < len(entries) else None
        if len(named := set(_LETTERED_CHILD.findall(e.heading or ""))) >= 2:
            # a blog post titled "Four-minute read: learning from Child L, and a look back at Child
            # Y" whose next entries are Child L's and Child Y's reviews, one each: their container
            # (a catalogue's "Child A and Child B" over other areas' Child A and Child B, or any
            # entry that tells of harm itself, is none)
            parts = [set(_LETTERED_CHILD.findall(f"{x.name or ''} {x.heading}"))
                     for x in entries[k + 1:k + 1 + len(named)]]
            return (all(len(p) == 1 for p in parts) and set().union(*parts) == named
                    and not CASE_WORDS.search(" ".join(s.text for s in e.sections)))
        return (e.heading_kind == "record" and not e.name and not review_words(e.heading or "")
                and not names_a_child(e.heading or "") and after is not None
                and after.heading_kind != "record" and names_a_child(after.heading or ""))

    return [e for k, e in enumerate(entries) if not container(k)]


#: A child named by a letter: "Child L", "Baby Y", "Young Person R".
_LETTERED_CHILD = re.compile(r"\b(?:Child|Baby|Young\s+[Pp]erson)\s+[A-Z]{1,3}\b")


def _title_over_heading(entry: Entry, after: Entry | None) -> bool:
    """(session 79) Whether an entry is a saved page's title over the page's own heading about
    the same child: the page's first entry ("Statement: Child H review published | Barnsley
    ...") whose text is one short paragraph (a notice over the statement) before the entry
    that names the child again ("Statement on the publication of the ... Review: Child H")."""
    return (after is not None and bool(entry.name) and after.name == entry.name and entry.line <= 2
            and _one_short_line(entry))


def _one_short_line(entry: Entry) -> bool:
    """Whether an entry's text is at most one short line (a page title's notice or menu)."""
    text = "\n".join(s.span.text for s in entry.sections).strip()
    return len(text) < 300 and "\n" not in text


def _without_shells(entries: list[Entry]) -> list[Entry]:
    """The entries less those that say nothing of a child another entry names: a web page's
    title line ("Statement: Learning Review – Child J | Council") over its menu, before the
    statement's own heading about Child J.  Saying nothing: no line of a sentence's length
    ((session 81) its spaces collapsed: a spaced table's row, "Child E      March 2024      Learning
    Review", is three short cells, as a two-column pack's "At a glance" table sets them)."""
    def says_something(entry: Entry) -> bool:
        return any(len(" ".join(line.split())) >= 60 and not BREADCRUMB.match(line)  # "Home > News > ..."
                   for s in entry.sections for line in s.span.text.split("\n"))

    for above, e in itertools.pairwise(entries):
        if not e.name and above.name and e.heading.startswith(above.name + ":") and e.line - above.line <= 6:
            # (session 87) a saved page's title, "Baby Isaac - LCSAP kiosk", over its heading,
            # "Baby Isaac: serious case review (re-issued summary)": the heading names him too
            e.name = above.name
    texts = [" ".join(s.span.text for s in e.sections) for e in entries]
    # whether each entry's text names its child, or tells of a child of its own ("Ada, aged 12")
    names_child = [bool(e.name) and (e.name in text or _TOLD_AGE.search(text) is not None)
                   for e, text in zip(entries, texts, strict=True)]
    # "Learning Review findings" over the page's introduction, named after the Child A of the
    # heading below it: its text never names Child A, the next entry's does
    speaking = [says_something(e) and (names_child[k] or not any(
        o is not e and o.name == e.name and names_child[n] for n, o in enumerate(entries)))
        and not _title_over_heading(e, entries[k + 1] if k + 1 < len(entries) else None)
        for k, e in enumerate(entries)]
    for e, spoke in zip(entries, speaking, strict=True):
        if spoke or not e.name:
            continue
        # the page's title names the child ("Statement: Extended Child Practice Review - Child W |
        # Board") over its menu, and the statement's own heading does not ("Board publishes ...
        # concerning an infant"): the statement is Child W's review
        nameless = [o for o, talks in zip(entries, speaking, strict=True) if talks and not o.name
                    and any(e.name in sec.span.text for sec in o.sections)]
        if len(nameless) == 1:
            nameless[0].name = e.name
    names = {e.name for e, spoke in zip(entries, speaking, strict=True) if e.name and spoke}
    # (session 87) a saved page's title that names no child ("Statement: publication of a child
    # practice review | CYSUR ...", its "name" the word before the colon) over only its cookie
    # notice and menu, before the statement that speaks: no review of its own
    shell = len(entries) > 1 and entries[0].line <= 2 and " | " in entries[0].heading \
        and not speaking[0] and speaking[1] and entries[0].name not in names
    return [e for k, (e, spoke) in enumerate(zip(entries, speaking, strict=True))
            if (spoke or not e.name or e.name not in names) and not (k == 0 and shell)
            and not _nameless_title(e, entries[k + 1] if k + 1 < len(entries) else None)]


def _nameless_title(entry: Entry, after: Entry | None) -> bool:
    """(session 87) Whether an entry is a saved page's title over the page's own heading a few
    lines below, neither naming a child the parser knows ("CMR 2023/01 Fiadh - learning
    summary" over "CMR 2023/01: Fiadh", a Trust's share of summary files): every word of the
    heading is the title's, and the title's text is one short line (a notice) at most."""
    if after is None or entry.name or after.name or after.line - entry.line > 6:
        return False
    heading = set(re.findall(r"\w+", after.heading.lower()))
    return len(heading) >= 2 and heading <= set(re.findall(r"\w+", entry.heading.lower())) \
        and _one_short_line(entry)


def _share_learning(entries: list[Entry]) -> None:
    """The learning a page draws from all its reviews, under a heading of its own after the last
    one, is each review's learning: it is taken out of the entry it was read into and given to
    every entry as a learning section (the same text, so the same evidence offsets)."""
    shared = [s for e in entries for s in e.sections if s.kind == "shared-learning"]
    if not shared:
        return
    for entry in entries:
        entry.sections = [s for s in entry.sections if s.kind != "shared-learning"]
        entry.sections += [replace(s, kind="learning", items=s.items or split_items(s.span, s.addressee))
                           for s in shared]


def _named_above(i: int, head: dict, heads: list[tuple[int, dict]]) -> bool:
    """Whether a paragraph taken for a review's start ("Child H, a boy aged four, ...") tells
    of the child the record above it names in its title ("Learning Review: Child H" over
    "Published: ...", or a review's reference, "CMR 2/2023 – Child O" over its fields): it is
    that record's account, not another review."""
    above = [h for k, h in heads if k < i and h["kind"] in ("record", "reference")]
    name = head.get("name") or ""
    return bool(above and name and head["kind"] != "boundary"
                and re.search(rf"\b{re.escape(name)}\b", above[-1].get("title", "")))


def _browser_title(lines: list[Line], i: int, head: dict, after: list[tuple[int, dict]]) -> bool:
    """(session 82) Whether a heading is a page's browser title ("Statement: ... Review Child P |
    Cardiff and Vale Regional Safeguarding Board") over the page's own heading for the same
    child a few lines on: the page's title, not a review of its own."""
    if not after or " | " not in lines[i].text or head["kind"] != "section" or not head.get("name"):
        return False
    k, nxt = after[0]
    return nxt["kind"] == "section" and nxt.get("name") == head["name"] and k - i <= 6


#: A part's heading about the child of the review it is in: "About Child W", "What happened to L".
_ABOUT_PART = re.compile(r"(?:(?:more\s+)?about|what\s+happened\s+to)\s", re.I)


def _question_about(lines: list[Line], i: int, head: dict, heads: list[tuple[int, dict]]) -> bool:
    """An FAQ's question about the child a review heading above it names ("Child W: Frequently
    asked questions about the review" over "What happened to Child W?"), or (session 59) a part
    headed "About Child W" or "What happened to Child L" under it: a part of that review."""
    name = head.get("name")
    text = lines[i].text.strip()
    return bool(head["kind"] == "section" and name
                and (text.endswith("?") or _ABOUT_PART.match(text))
                # (the heading's line, or the facts line under a counter: "REVIEW 1 OF 2" over
                # '"Child W" - local child safeguarding practice review, ...')
                and any(j < i and h["kind"] != "boundary"
                        and re.search(rf"\b{re.escape(name)}\b",
                                      " ".join(ln.text for ln in lines[j:min(j + 2, i)]))
                        for j, h in heads))


#: A table's caption: "Table 6: Progress on recommendations, GWSB 2/2023" (a part of the text
#: it is in, never a heading of its own).
TABLE_CAPTION = re.compile(r"^Table\s+\d{1,2}(?:\.\d{1,2})?\s*[:.–—-]\s+(?P<what>.{3,120})$")
_RECOMMENDATION_WORD = re.compile(r"\brecommendations?\b", re.I)
#: A document's file name that says when it was published: "Jayden_LCSPR_published_July2024.pdf".
_FILE_PUBLISHED = re.compile(rf"published[_ -]?(?:(?P<month>{_MONTH_RE})[_ -]?)?(?P<year>{YEAR})\b", re.I)


def _file_date(links: list[str]) -> tuple[int | None, int | None]:
    """The publication year and month a review's document link's file name gives."""
    for link in links:
        if m := _FILE_PUBLISHED.search(link):
            return int(m["year"]), month_num(m["month"]) if m["month"] else None
    return None, None


def _record_year(lines: list[Line], i: int) -> int | None:
    """The year alone on a line of the block under heading ``i`` (a catalogue record's title,
    publisher and year, one per line): the record's publication year."""
    for line in lines[i + 1:i + 4]:
        if line.blank_before:
            return None
        if m := _YEAR_LINE.fullmatch(line.text.strip()):
            return int(m["year"])
    return None


#: A report's numbered part at its second level: "4.4 Reviews in progress", "6.5. Training" (the
#: one home of its shape: ingest.document ends a review at the next one too).
DECIMAL_PART = re.compile(r"(?P<chapter>\d{1,2})\.(?P<part>\d{1,2})\.?\s+(?=[A-Z])")


def _next_part(lines: list[Line], i: int, known: set[int]) -> bool:
    """(session 78) Whether line ``i`` is a report's next numbered part after a review's ("4.4
    Reviews in progress" after "4.2 Concise CPR - ... - Nia" and "4.3 Extended CPR - ..."): a
    part that names no review ends the one before it, which had run on into its text."""
    m = DECIMAL_PART.match(lines[i].text)
    return bool(m) and alone_in_paragraph(lines, i) and any(
        j < i and (k := DECIMAL_PART.match(lines[j].text)) and k["chapter"] == m["chapter"]
        and int(k["part"]) < int(m["part"]) for j in known)


def _without_contents(lines: list[Line], heads: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """(session 86) ``heads`` without a contents list's entries: two headings or more that the
    page gives again, word for word and in the same order, further down (groff's, Org's and
    Sphinx's contents at a digest's top, "1. ... Leo" and "2. ... Baby Rowan" over the reviews
    themselves).  The later ones are the reviews'; the second entry had been a review whose
    text was the page's masthead, and the review itself a second one of the same name.  (One
    heading said twice is no contents: a chat export's message gives its title in its text
    and again in its entities.)"""
    named = [(i, info) for i, info in heads if info["kind"] != "boundary"]  # (sections between)
    texts = [" ".join(lines[i].text.split()) + "\0" + info["kind"] for i, info in named]

    def listed(n: int) -> bool:
        for m in range(n + 2, len(named)):
            if texts[m] == texts[n] and ((m + 1 < len(named) and texts[n + 1] == texts[m + 1])
                                         or (n and texts[n - 1] == texts[m - 1])
                                         or said_above(named[n + 1][0], named[n][0])):
                return True
        return False

    def said_above(at: int, before: int) -> bool:
        """Whether the heading at line ``at`` is said before line ``before`` too (a contents
        entry that is not read as a heading: the first, taken for the page's title)."""
        words = " ".join(lines[at].text.split())
        return any(" ".join(line.text.split()) == words for line in lines[:before])

    contents = {named[n][0] for n in range(len(named)) if listed(n)}
    return [(i, info) for i, info in heads if i not in contents]


def _series_ends(lines: list[Line], heads: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """``heads`` with the ends of a numbered series of reviews in capitals: after "3. NATIONAL
    PANEL REVIEW: BABY ADA" and "4. FROM THE ARCHIVE: CHILD U", the series' next part, "5.
    TRAINING DATES", names no review but ends the one before it.  Only parts in capitals, as
    the reviews' own headings are: a review's numbered list under it ("3. Training for GPs")
    is its text; (session 71) or parts of an outline, each review's own parts numbered under
    its number ("2. Multi-agency learning review: Jacob" over "2.1. What happened" ..., then
    "3. Training": an Org mode export's next section)."""
    numbered = {h["number"]: i for i, h in heads if h["kind"] == "numbered"}
    shouted = {h["number"]: i for i, h in heads if h["kind"] == "numbered" and _shouted(h["title"])}
    outlined = len(numbered) >= 2 and all(
        any(re.match(rf"{n}\.1\.?\s+\S", ln.text) for ln in lines[i + 1:i + 40]) for n, i in numbered.items())
    series = numbered if outlined else shouted
    if len(series) < 2:
        return _plain_series_ends(lines, heads, numbered)
    known = {i for i, _ in heads}
    ends = [(i, {"kind": "boundary", "title": m["title"]}) for i, line in enumerate(lines)
            if i not in known and (m := _NUMBERED_HEADING.match(line.text))
            and (_shouted(m["title"]) or (outlined and alone_in_paragraph(lines, i) and len(line.text) <= 60))
            and i > series.get(int(m["num"]) - 1, len(lines))]
    return sorted(heads + ends, key=lambda ih: ih[0]) if ends else heads


def _plain_series_ends(lines: list[Line], heads: list[tuple[int, dict]], numbered: dict[int, int]
                       ) -> list[tuple[int, dict]]:
    """(session 83) ``heads`` with the end of a numbered series of reviews not in capitals: after
    "1. Serious Case Review: Child D" and "2. Serious Case Review: Children P and R", the series'
    next number, "3. Reviews not completed", a short line alone in its paragraph, names no
    review but ends the one before it.  Not when a list numbered the same way runs between
    (a review's own "1. ... 2. ... 3." points are its text)."""
    if len(numbered) < 2:
        return heads
    known = {i for i, _ in heads}
    ends = []
    for i, line in enumerate(lines):
        m = _NUMBERED_HEADING.match(line.text)
        before = numbered.get(int(m["num"]) - 1) if m and m["num"].isdigit() else None
        if before is None or i in known or i < before or len(line.text) > 60 \
                or line.text.rstrip().endswith((".", ":", ";")) or not alone_in_paragraph(lines, i):
            continue
        if not any(re.match(r"\(?\d{1,2}[.)]\s", ln.text) for ln in lines[before + 1:i]):
            ends.append((i, {"kind": "boundary", "title": m["title"]}))
    return sorted(heads + ends, key=lambda ih: ih[0]) if ends else heads


#: A page's note that a name is a pseudonym, "(not her real name)", "(not their real names)":
#: the one home of its form (the heading readers and casegraph.extract.context use it; session 60).
PSEUDONYM_NOTE = re.compile(r"\(\s*(?:these\s+are\s+)?not\s+(?:her|his|their|its|the\s+\w+['’]s?)\s+"
                            r"real\s+names?\s*\)", re.I)
#: A name with that note: "4.3 Callum (not his real name)", a child's name whatever follows it.
_NOTED_NAME = re.compile(r"(?-i:[A-Z][a-z]{1,15})(?:\s+and\s+(?-i:[A-Z][a-z]{1,15}))?\s*"
                         + PSEUDONYM_NOTE.pattern, re.I)
#: (session 83) A child by a letter alone, then the review's date in brackets: "6.3 J (published
#: February 2022)" over "J was a 17-year-old young man who died ..." (the account opening on it).
_LETTER_DATED = re.compile(rf"(?-i:(?P<letter>[A-Z]{{1,2}}))\s*\((?:published\s+)?[^()]*\b{YEAR}\)")
#: A heading in capitals that ends with its child: "4. FROM THE ARCHIVE: CHILD U" (in capitals
#: "2. ABOUT CHILD X AND HIS FAMILY", a part of Child X's briefing, names its child mid-line).
_SHOUTED_CHILD = re.compile(r"(?:^|:\s*)(?:CHILD|BABY)\s+[A-Z]{1,2}$")


def _noted_reviews(source: SourceText, notes: list[Line], entries: list[Entry], lines: list[Line],
                   raw: list[Line]) -> list[Entry]:
    """(session 83) The earlier reviews a release's notes tell of (:func:`_reviews_in_notes`), each
    the page's partnership's too where it names no other: "In 2021 the partnership published a
    serious case review about Baby E"."""
    noted = _reviews_in_notes(source, notes, entries, lines)
    _page_area(noted, lines, raw[:12], source.publisher, raw[-6:], notes)
    return noted


def _reviews_in_notes(source: SourceText, notes: list[Line], entries: list[Entry],
                      lines: list[Line]) -> list[Entry]:
    """Earlier reviews a press release's notes to editors tell of ("3. In 2017 the former Local
    Safeguarding Children Board published a serious case review about Child Q, a toddler who
    ..."), each an entry of its own, when the release told of a review of its own."""
    if not notes or not entries:
        return []
    from casegraph.ingest.document import split_earlier_reviews

    said = " ".join(ln.text for ln in lines)
    # (each numbered note is a paragraph of its own, whether or not a blank line parts them)
    parted = [replace(ln, blank_before=True) if re.match(r"\d{1,2}[.)]\s", ln.text) else ln
              for ln in notes]
    return split_earlier_reviews(source, parted, known=lambda: said, another_needed=False)[1]


#: A footer line that opens with the body that publishes the page, then the footer's separator:
#: "Cheshire East Safeguarding Children's Partnership · Last updated 2 May 2025 · Accessibility".
_FOOTER_BODY = re.compile(r"^\W{0,2}[A-Z][^·|]{3,100}?\b(?:Partnership|Board|Committee)\W{0,2}\s*[·|]")


def _footer_lines(tail: list[Line]) -> list[Line]:
    """A page's last lines that name its publisher: "Published by ...", "© 2024 ...", "Kirklees
    Safeguarding Children Partnership · Privacy"; (session 77) a copyright after the footer's
    links ("Privacy | Accessibility | © 2024 Norfolk Safeguarding Children" / "Partnership", as
    a text browser wraps it), from its sign on, with the line it wraps onto; (session 83) an
    e-mail's signature under its sign-off ("Kind regards," over "Business Unit" / "Wiltshire
    Safeguarding Vulnerable People Partnership")."""
    out: list[Line] = []
    signed = False
    for k, ln in enumerate(tail):
        if signed:
            out.append(ln)
            continue
        signed = bool(re.fullmatch(rf"(?:{_SIGN_OFF_WORDS})\s*[,.!]?", ln.text.strip(), re.I))
        cut = ln.text.find("©")
        if cut > 0 and re.search(r"[|·]\s*$", ln.text[:cut]) and re.search(r"[A-Za-z]{3}", ln.text[cut:]):
            ln = replace(ln, text=ln.text[cut:], start=ln.start + cut)
        if PUBLISHED_BY.match(ln.text) or _FOOTER_BODY.match(ln.text):
            out.append(ln)
            if cut > 0 and k + 1 < len(tail) and not tail[k + 1].blank_before:
                out.append(tail[k + 1])  # (its name wrapped onto the next line)
    return out


def _page_area(entries: list[Entry], lines: list[Line], top: list[Line] | None = None,
               publisher: str | None = None, tail: list[Line] | None = None,
               notes: list[Line] | None = None) -> None:
    """A partnership's own page is about its own reviews: its name is their area, unless an
    entry names another.  (A catalogue's entries come from many areas, so never there.)
    ``top`` is the page's first lines, furniture included, read when its content names none;
    then its footer's "© 2024 Kirklees Safeguarding Children Partnership" among ``tail``, its
    last lines, furniture included; then ``publisher``, the body its web page's chrome names
    (SourceText.publisher); then ``notes``, a press release's notes to editors, which name the
    partnership that commissioned the review when the release says only "the borough"."""
    from casegraph.ingest.document import area_of_body, page_area

    footer = _footer_lines((tail or [])[-6:])
    area = (page_area(lines) or page_area(top or []) or page_area(footer)
            or (area_of_body(publisher) if publisher else None) or page_area(notes or []))
    for e in entries:
        # (session 77) a national review a partnership's page tells of ("National child
        # safeguarding practice review: Leo and Mia (Child Safeguarding Practice Review Panel,
        # ...)") is the Panel's, of no one area: the page's is not its area
        e.area = e.area or (None if _NATIONAL_HEADING.search(e.heading or "") else area)
    if area is None and (body := _preamble_body_area(entries, lines)):
        for e in entries:  # (a heading that names its own place keeps it: "Child U (Moray, 2022)")
            if not e.area and not _names_a_place(e.heading or ""):
                e.area = body


def _names_a_place(text: str) -> bool:
    """Whether a heading names a local authority or board area anywhere in it, as up to four
    words the gazetteer knows ("Powys extended CPR - Child N", "Child U (Moray, 2022)")."""
    from casegraph.core.places import default_gazetteer

    words = re.findall(r"[\w'’-]+", text)
    return any(words[i][:1].isupper() and default_gazetteer().lookup(" ".join(words[i:j]))
               for i in range(len(words)) for j in range(i + 1, min(i + 5, len(words) + 1)))


def _preamble_body_area(entries: list[Entry], lines: list[Line]) -> str | None:
    """(session 57) The one body a page names anywhere above its first review, below a long
    menu: "Summaries of learning reviews published by West Lothian Child Protection Committee"
    (none when it names two: whose the reviews are is then unsaid)."""
    from casegraph.ingest.document import area_of_body

    if not entries:
        return None
    first = min(e.line for e in entries)
    areas = {area for ln in lines if ln.number < first and (area := area_of_body(ln.text))}
    return areas.pop() if len(areas) == 1 else None


#: A capitalised note in brackets after a label ("What we learned (Beth a ddysgwyd)").
_NAMED_NOTE = re.compile(r"\s\((?-i:[A-Z])[^()]{0,30}\)\s*$")
#: A label's own Welsh after it in brackets: "Recommendations (Argymhellion)", "Findings
#: (Canfyddiadau)".
_WELSH_NOTE = re.compile(r"\((?:argymhelli(?:on|ad)|dysgu|gwersi|canfyddiadau|cefndir|crynodeb)\)\s*$", re.I)
#: (session 49) A note that names what the label stands for: "6. WHAT THE PARTNERSHIP WILL DO
#: (RECOMMENDATIONS)".
_KIND_NOTE = re.compile(r"\((?:recommendations?|learning|lessons(?:\s+learned)?)\)\s*$", re.I)


#: (session 77) A paragraph's run-in heading ended by a full stop, as a newsletter sets it in
#: bold: "Learning. Perinatal mental health history ...", "Recommendations. Eight ...".
_RUN_IN = re.compile(r"^(?P<label>(?P<head>(?-i:[A-Z])[\w’' ]{2,30}?)\.)\s+(?=[A-Z\"“‘])")
#: The kinds a run-in heading may open: a review's account, learning and recommendations.
_RUN_IN_KINDS = frozenset({"summary", "background", "learning", "recommendations"})


def _run_in_label(text: str) -> re.Match[str] | None:
    """(session 77) A paragraph's run-in heading (:data:`_RUN_IN`) when its words are a known
    label of the account, the learning or the recommendations; any other opening word with a
    full stop ("Ruby. ...", "Yes. ...") is none."""
    m = _RUN_IN.match(text)
    return m if m and _label_kind(m["head"]) in _RUN_IN_KINDS else None


def _bare_label(text: str) -> re.Match[str] | None:
    """A label on a line of its own without its colon ("Findings"): short, or, for a review's
    learning or recommendations, as long as their longest labels ("Recommendations and the
    partnership's response")."""
    m = _BARE_LABEL.match(text)
    size = len(_NOTE_AFTER.sub("", text))
    if m is None or size > 60 or (size > 40 and _label_kind(m["head"]) not in (
            "learning", "recommendations", "learning+recommendations")):
        return None
    if _NAMED_NOTE.search(text) and _label_kind(m["head"]) != "learning" and not _WELSH_NOTE.search(text) \
            and not _KIND_NOTE.search(text):
        return None  # ("ACTIONS (Board)" in minutes: the board's own actions, not the review's;
        # "Recommendations (Argymhellion)" is the label in Welsh too)
    return m


def _outline_label(text: str, nxt: str) -> bool:
    """Whether an outline's point is a label: alone on its line ("Learning", "Learning (3):")
    over a point that says something (:data:`_OUTLINE_POINT`), or a review's learning or
    recommendations with their words after the colon ("Recommendations: 4 - to CAMHS, ...")."""
    if _bare_label(text) or ((m := _LABEL.match(text)) and not text[m.end():].strip()):
        return _OUTLINE_POINT.match(nxt) is not None
    return m is not None and _label_kind(m["head"]) in ("learning", "recommendations")


#: (session 69) A speaker's role as a transcript or captions name whoever speaks ("Host:",
#: "Reviewer:", "Speaker 2:"); a turn's words are the account, or the list, they go on with.
_SPEAKER_ROLE = re.compile(r"(?:co-?)?host|presenter|(?:lead\s+|independent\s+)?reviewer|interviewer|guest|"
                           r"speaker(?:\s+\d{1,2})?|narrator|chair|facilitator|moderator|panellist|voice-?over",
                           re.I)


def _speaker_turn(head: str, page: str) -> bool:
    """Whether a label is a speaker's turn: a role of :data:`_SPEAKER_ROLE` that opens three
    paragraphs or more of its page (once, "Lead reviewer: Professor A. Example" is a field)."""
    head = head.strip()
    return bool(_SPEAKER_ROLE.fullmatch(head)) and _turns(head, page) >= 3


@functools.lru_cache(maxsize=64)
def _turns(head: str, page: str) -> int:
    """How many lines of a page a label opens, counted once per page and label: every turn of
    a transcript asks (a page scan each time was quadratic in its turns)."""
    return len(re.findall(rf"^[ \t]*{re.escape(head)}:[ \t]+\S", page, re.M))


def _label_kind(head: str) -> str:
    head = re.sub(r"\s+", " ", head.strip())
    for rx, kind in _HEAD_KIND:
        if rx.match(head):
            return kind
    return "other"


#: The Welsh words in front of a bilingual label: "Cyhoeddwyd / Published:", "Dysgu / Learning:".
_BILINGUAL = re.compile(r"^(?-i:[A-Z])[\w’'-]*(?:\s[\w’'-]+){0,2}\s[/|]\s(?=[A-Z])")


def bilingual_label(text: str) -> re.Match[str] | None:
    """The first language's words of a label given in two ("Dysgu / Learning:", or on a line
    of its own, "Cefndir / Background", "DYSGU | LEARNING"), when what follows the slash or bar
    is a label read in English."""
    m = _BILINGUAL.match(text)
    if m is None or BREADCRUMB.match(text):
        return None  # "Home / Learning": a breadcrumb, not a label in two languages
    rest = text[m.end():]
    if "|" in m.group():  # ("BETH DDIGWYDDODD | WHAT HAPPENED": a heading alone, never a page's
        # running line, "Walsall Safeguarding Partnership | Independent Scrutineer's foreword: ...")
        return m if len(rest) <= 40 and _BARE_LABEL.match(rest) and ":" not in rest else None
    return m if _LABEL.match(rest) or (len(rest) <= 40 and _BARE_LABEL.match(rest)) else None


#: A site's breadcrumb trail: "Home > Learning Reviews > ...", "Hafan / Adolygiadau", "Home / Learning".
BREADCRUMB = re.compile(r"^(?:Home|Hafan|Back|Menu|Main\s+menu|Search|You\s+are\s+here:?)\s*[>/»›|]",
                        re.I)


def _field_header(text: str) -> list[str] | None:
    """The cells of a header row of record fields ("Area | Year | Type"), or None: two cells or
    more, every one a label that names a field of the record (published, area, model)."""
    cells = [c.strip() for c in text.strip("| ").split("|")]
    if len(cells) < 2 or not all(c and _label_kind(c) in ("published", "area", "model") for c in cells):
        return None
    return cells


def _field_row(entry: Entry, header: list[str], line: Line) -> None:
    """The value row under a header of record fields: each cell a labelled section of its own
    ("Lancashire | 2019 | Serious case review" under "Area | Year | Type")."""
    at = 0
    for label, cell in zip(header, line.text.split("|"), strict=False):
        start = line.text.index(cell, at)
        at = start + len(cell)
        value = cell.strip()
        if value:
            lead = cell.index(value)
            span = Span.of(value, line.start + start + lead)
            entry.sections.append(Section(_label_kind(label), label, line.number, [span], inline=True))


#: A line that only describes a picture or a control of the page it was saved from.
_DESCRIBED_MEDIA = re.compile(r"^\[(?:image|picture|photo|icon|illustration|graphic|button|audio|video)\b"
                              r"[^\]]*\](?:\s*(?:click|press|tap)\b.*)?$"
                              # (session 41) a news page's caption line, "IMAGE: Flowers left at the
                              # park (not shown)": its own line only, never a label over the article
                              r"|^(?:image|picture|photo|photograph|caption|video|graphic)(?:\s+caption)?:\s",
                              re.I)


def _lead_in_split(body: list[Line]) -> list[Line]:
    """A paragraph whose last sentence introduces the list under it ("... Our guests discuss the
    review's three learning points:" over bullets) as two lines: the paragraph's account, then
    the lead-in sentence, which :data:`_LEAD_IN` reads as the list's label."""
    out: list[Line] = []
    for k, line in enumerate(body):
        text = line.text
        nxt = body[k + 1].text if k + 1 < len(body) else ""
        cut = max(text.rfind(". "), text.rfind("! "), text.rfind("? ")) + 2
        if (cut > 1 and text.endswith(":") and _BULLET.match(nxt) and not _LEAD_IN.match(text)
                and (_LEAD_IN.match(text[cut:]) or _counted_lead_in(text[:cut], text[cut:], nxt))):
            out += [Line(text[:cut].rstrip(), line.start, line.number, line.blank_before),
                    Line(text[cut:], line.start + cut, line.number, False)]
        else:
            out.append(line)
    return out


#: A paragraph that opens by saying what a review recommended: "The review made six
#: recommendations.", "The reviewer recommends ...".
_OPENS_WITH_RECOMMENDATIONS = re.compile(
    rf"^(?:The|This|Our|Its)\s+(?:review|reviewer|panel|report|{TYPE_ABBREVIATIONS})\s+(?:(?:has\s+)?made|makes|"
    r"identified|identifies|sets\s+out|recommends|recommended|asks|asked)\b[^.]{0,80}?\brecommend", re.I)
#: A heading that names who the recommendations under it are for: "For the police", "For schools".
_ADDRESSEE_HEADING = re.compile(r"^For\s+(?P<who>(?:the\s+)?[A-Za-z][A-Za-z ,&'’-]{1,60})$")


def recommendations_heading(text: str, nxt: str | None) -> bool:
    """Whether a heading that is no label we know ("Six things we have been asked to do") stands
    over the review's recommendations: the paragraph under it opens by saying what the review
    recommended ("The review made six recommendations.")."""
    return (nxt is not None and len(text) <= 80 and not text.endswith((".", ":", ";", ","))
            and not re.search(r"recommend", text, re.I)  # ("**Recommendations**": a label's)
            and _OPENS_WITH_RECOMMENDATIONS.match(nxt) is not None)


#: (session 43) A heading that is an agency's name alone, over its recommendations
#: ("Children's social work services", "Police Service of Northern Ireland", "General practice"):
#: a short line with no sentence's punctuation that names a service, never a page's own links.
_AGENCY_HEADING = re.compile(
    r"^(?!(?:related|see\s+also|contact|further|more|read|find\s+out|useful|download|share)\b)"
    r"(?P<who>[A-Z][A-Za-z ,&'’()-]{2,60})$")
_AGENCY_NOUN = re.compile(
    r"\b(?:police|constabulary|health|social\s+(?:work|care)|services?|schools?|education|GPs?|general\s+practice|"
    r"NHS|trusts?|board|partnership|council|authority|probation|housing|CAMHS|midwifery|hospitals?|"
    r"ambulance|youth\s+justice|commissioners|ICB|practitioners|agencies)\b", re.I)


def addressee_heading(text: str, nxt: str | None = None) -> str | None:
    """Who a heading among recommendations names ("For the police" -> "the police"), else None;
    given the line under it, an agency's name alone over a list ("General practice" over
    "• Practices should ...") names it too."""
    if m := _ADDRESSEE_HEADING.match(text.strip()):
        return m["who"].strip()
    if nxt is not None and _BULLET.match(nxt) and (m := _AGENCY_HEADING.match(text.strip())) \
            and _AGENCY_NOUN.search(text):
        return m["who"].strip()
    return None


def _counted_lead_in(before: str, text: str, nxt: str) -> bool:
    """Whether a short sentence ending in a colon over a list introduces recommendations since
    the sentence before it, in the same paragraph, counts them ("The Panel made 6 recs in total.
    The two that land on us locally:", "The CMR made 12 recommendations ... These" / "are:")."""
    return (text.endswith(":") and len(text) <= 160
            and _BULLET.match(nxt) is not None and not _BULLET.match(text)
            and COUNTS_RECOMMENDATIONS.search(before) is not None)


#: The marks a pull quote opens with.
_QUOTE_MARKS = "\"“‘'"


#: A comment of a document's draft, as Google Docs writes it after the text: "[a]This is ..."
#: (not BBCode's "[b]bold[/b]", which closes its tag).
_DOC_COMMENT = re.compile(r"^\[[a-z]{1,2}\](?=\S)(?!.*\[/[a-z]{1,2}\])")


def _list_has_ended(section: Section, body: list[Line], k: int) -> bool:
    """Whether a list's section ends before the paragraph at line ``k``: after two points or
    more; (session 76) after a single point, when no point follows the paragraph (a news
    story's "The review makes 11 recommendations, including:" and its one point, then "Child L
    has since recovered"; a point with its explanation under it goes on)."""
    points = sum(bool(_BULLET.match(b.text)) for b in section.blocks)
    # (a point's words going on after a page break's blank line, "... open to youth" / "justice;",
    # end nothing)
    goes_on = body[k].text.lstrip()[:1].islower() and not section.blocks[-1].text.rstrip().endswith(_TERMINAL)
    return points >= 2 or (points == 1 and not _list_resumes(body, k) and not goes_on)


def _list_resumes(body: list[Line], k: int) -> bool:
    """Whether the paragraph after the one at line ``k`` is a list's point (a quote set between
    a list's points)."""
    after = next((ln for ln in body[k + 1:] if ln.blank_before), None)
    return after is not None and bool(_BULLET.match(after.text))


def fill_sections(entry: Entry, body: list[Line]) -> None:
    current: Section | None = None
    prev_line_span: Span | None = None
    header: list[str] | None = None
    skip = -1  # the line a heading took as its own (a count under a heading of recommendations)
    in_quote = False  # inside a pull quote that a list goes on after
    body = _lead_in_split(body)
    width = max((len(line.text) for line in body), default=0)  # (where a hard-wrapped text wraps)
    taken = 0  # (lines before this one already read into a block)
    for k, line in enumerate(body):
        if k < taken:
            continue
        text = line.text
        if header is not None and text.count("|") == len(header) - 1:
            _field_row(entry, header, line)  # "Lancashire | 2019 | Serious case review"
            header, current = None, None
            continue
        header = _field_header(text) if "|" in text else None
        if header is not None:
            continue  # "Area | Year | Type": the next line gives the values
        if _LINK_LINE.match(text) or (entry.links and current is None and _BULLET.match(text)
                                       and k and entry.links[-1] == body[k - 1].text):
            # (session 60) and the points of a list of links under its heading ("Related
            # resources" / "• SBNI learning event dates"): links, none of the review's words
            entry.links.append(text)
            current = None
            continue
        if _DESCRIBED_MEDIA.match(text):
            continue  # "[Image: a pram in a hallway]", "[Button] Click Next": no text of the review
        if _REACTIONS.match(text):
            current = None  # (session 71) "♥ 12   🔁 7   💬 0" under a social post: its end
            continue
        if _DOC_COMMENT.match(text):
            # (session 76) a draft's comment, as Google Docs' text download puts each at its end
            # ("[d]Should we call this attempted suicide? ..."): its reviewers' words, beside the
            # review, none of its own
            current = Section("aside", None, line.number, [Span.of(text, line.start)])
            entry.sections.append(current)
            prev_line_span = current.blocks[-1]
            continue
        if _RELATED.match(text) or _NEXT_ISSUE.match(text):
            # (session 42) "Related content", "See also": a page's links to other pages end
            # the review's list above them ("How to request a full case review report"); (session
            # 60) what follows is beside the review (an "aside"), none of its words: "Upcoming
            # training" / "• Neglect toolkit briefing" tells of no neglect in this case
            current = Section("aside", text, line.number, label_span=Span.of(text, line.start))
            entry.sections.append(current)
            prev_line_span = None
            continue
        if (part := _PART_HEADING.match(text)) and _part_of(part, entry.name, entry.heading) \
                and (kind := _part_kind(text)):
            # a deck's slide in its review's text: "Child H: three key messages", "Child H:
            # recommendations (6)" labels what follows it
            current = Section(kind, text, line.number, label_span=Span.of(text, line.start))
            entry.sections.append(current)
            prev_line_span = None
            continue
        # "6. Learning": a briefing's numbered parts; "Dysgu / Learning:": a bilingual label
        num = _PART_NUMBER.match(text) or bilingual_label(text) or _box_number(body, k)
        if not num and (item := _OUTLINE_ITEM.match(text)) and _outline_label(
                text[item.end():], body[k + 1].text if k + 1 < len(body) else ""):
            num = item  # (session 43) an outliner's "- Learning" over its indented points
        base = line.start + (num.end() if num else 0)
        ltext = text[num.end():] if num else text
        if bold := _BOLD_LABEL.match(ltext):
            # (session 42) "**Learning**", "**Recommendations** (4 in the report)" in a text
            # file's Markdown: the marks are blanked, so that every offset stays the page's
            base, ltext = base + 2, ltext[2:bold.end() - 2] + "  " + ltext[bold.end():]
        m = _LABEL.match(ltext) or _bare_label(ltext) or _run_in_label(ltext)
        if (not m and current is not None and current.kind in ("learning", "recommendations", "findings")
                and len(text) <= 60 and _underlined(entry.source.text, line.start + len(text))):
            # (session 42) a heading underlined ("Related guidance" over "====", reStructuredText's
            # and Markdown's setext form) that is no label ends the list above it
            current = Section("other", text, line.number, label_span=Span.of(text, line.start))
            entry.sections.append(current)
            prev_line_span = None
            continue
        if m and _label_kind(m["head"]) == "summary" and not any(
                x.kind == "summary" for x in entry.sections):
            # "Summary: A 3-year-old ..." is the account of what happened, labelled
            span = Span.of(ltext[m.end():], base + m.end())
            current = Section("summary", m["label"].strip(), line.number, [span],
                              label_span=Span.of(m["label"], base))
            entry.sections.append(current)
            prev_line_span = span
            continue
        if m:
            kind = _label_kind(m["head"])
            current = Section(kind, m["label"].strip(), line.number,
                              label_span=Span.of(m["label"], base))
            qual = _QUALIFIER.search(m["head"])
            if qual and kind == "recommendations":
                current.addressee = qual["who"].strip()
            entry.sections.append(current)
            rest = ltext[m.end():]
            current.inline = bool(rest.strip())
            if rest.strip():
                span = Span.of(rest, base + m.end())
                current.blocks.append(span)
                prev_line_span = span
            else:
                prev_line_span = None
            continue
        if (not m and num is not None and len(ltext) <= 60 and not ltext.rstrip().endswith(_TERMINAL)
                and ((num.re is _PART_NUMBER and ltext.isupper()) or num.re is _BOX_NUMBER)):
            # (session 47) a briefing's numbered part that is no label ("[2] BABY Q AND HER
            # FAMILY"): the account of the case, not more of the part above it ("WHY IT MATTERS");
            # (session 66) a poster's box heading so, "6 What has changed", ends the list above
            current = Section("background", ltext.strip(), line.number, label_span=Span.of(ltext, base))
            entry.sections.append(current)
            prev_line_span = None
            continue
        if _heads_recommendations(text, current):
            # a table's caption, "Table 6: Progress on recommendations, GWSB 2/2023", or a text
            # table's header row, "Recommendation    Lead    Status", under a paragraph that
            # counts them ("Its five recommendations and their status ... are:"): its rows are
            # the review's recommendations
            current = Section("recommendations", text.strip(), line.number,
                              label_span=Span.of(text, line.start))
            entry.sections.append(current)
            prev_line_span = None
            continue
        if line.blank_before and k + 1 < len(body) and not _BULLET.match(text) \
                and recommendations_heading(text, body[k + 1].text):
            # "Six things we have been asked to do" over "The review made six recommendations.
            # ...": the heading labels them; the count under it is no recommendation (what it
            # says is recommended, "The review made recommendations about ...", is one, and a
            # count over a list, "... Two are addressed to the Constabulary:", labels that list)
            current = Section("recommendations", text, line.number, label_span=Span.of(text, line.start))
            entry.sections.append(current)
            prev_line_span = None
            nxt = body[k + 1].text
            skip = k + 1 if not (_PROSE_REC_CONTENT.search(nxt) or nxt.endswith(":")) else -1
            continue
        if k == skip:
            continue
        if current is not None and current.kind == "recommendations" and line.blank_before \
                and (who := addressee_heading(text, body[k + 1].text if k + 1 < len(body) else None)):
            # "For the police" over the police's recommendations: theirs, as "Recommendations for
            # the police" would say
            current = Section("recommendations", text, line.number, label_span=Span.of(text, line.start),
                              addressee=who)
            entry.sections.append(current)
            prev_line_span = None
            continue
        lead = _LEAD_IN.match(text)
        counted = (not lead and 0 < k < len(body) - 1 and not line.blank_before
                   and _counted_lead_in(body[k - 1].text, text, body[k + 1].text))
        if (lead or counted) and not _BULLET.match(text):
            # "Three learning points stand out:", "What we learned:", "The review identifies
            # learning for agencies in four areas:": a sentence that introduces a list
            kind = "recommendations" if counted or lead["rec"] else "learning"
            if counted and current is not None and current.kind == "recommendations" and current.blocks \
                    and current.blocks[-1] is prev_line_span and prev_line_span is not None and all(
                        _says_nothing(s) for s in re.split(r"(?<=[.!?])\s+", prev_line_span.text)[:-1]):
                # (session 57) "The reviewers made ten recommendations. The three addressed to
                # the" / "committee are:": the line before is the lead-in's count and first
                # words under "Recommendations", no recommendation of its own
                current.blocks.pop()
            current = Section(kind, text, line.number, label_span=Span.of(text, line.start))
            entry.sections.append(current)
            prev_line_span = None
            continue
        if (current is not None and current.kind == "learning" and line.blank_before and current.blocks
                and not any(_BULLET.match(b.text) for b in current.blocks)
                and not _BULLET.match(text) and _REVIEW_RECOMMENDS.match(text)):
            # (session 54) "Key lessons" over a paragraph of learning, then "The review
            # recommends that the LSCB ...": the learning ends, and that paragraph is the
            # recommendation, an item with its text (after a list of learning points, such a
            # paragraph is read by the page's prose rules, document._prose_items)
            current = Section("recommendations", text, line.number, label_span=Span.of(text, line.start))
            span = Span.of(text, line.start)
            current.blocks.append(span)
            entry.sections.append(current)
            prev_line_span = span
            continue
        if _PROSE_RECS.match(text):
            # "Makes recommendations for the board on: a; b" lists items after the colon;
            # "Makes 3 recommendations for the youth justice service." lists none, but is kept
            # (as label text) so the agencies it names are still coded.
            idx = text.find(":")
            label_end = idx + 1 if 0 <= idx < 160 else len(text)
            current = Section("recommendations", text[:label_end], line.number,
                              label_span=Span.of(text[:label_end], line.start))
            entry.sections.append(current)
            if label_end < len(text):
                span = Span.of(text[label_end:], line.start + label_end)
                current.blocks.append(span)
                prev_line_span = span
            elif _PROSE_REC_CONTENT.search(text):
                # "Makes recommendations that agencies improve X and Y": the statement is the
                # recommendation, one item with its text kept.
                span = Span.of(text, line.start)
                # (session 71) a news report's count with one example: that paragraph is the one
                # recommendation, and the report's next paragraphs are its own
                one_paragraph = bool(_INCLUDING_ONE.search(text))
                if one_paragraph:
                    taken = next((j for j in range(k + 1, len(body)) if body[j].blank_before), len(body))
                    for wrapped in body[k + 1:taken]:
                        span = span.join(Span.of(wrapped.text, wrapped.start))
                current.blocks.append(span)
                prev_line_span = span
                if one_paragraph:
                    current, prev_line_span = None, None
            else:
                current = None
                prev_line_span = None
            continue
        if in_quote and not line.blank_before:
            continue  # (the pull quote's further lines)
        in_quote = False
        if (current is not None and current.kind in ("learning", "findings", "recommendations")
                and line.blank_before and text[:1] in _QUOTE_MARKS and current.blocks
                and _BULLET.match(current.blocks[-1].text) and _list_resumes(body, k)):
            # (session 45) a pull quote set inside a list ('"A dog that has bitten once is a risk
            # we can see." - reviewer' between recommendations 2 and 3): no item, and no end of it
            in_quote = True
            continue
        if (current is not None and current.kind in ("learning", "findings", "recommendations")
                and (line.blank_before or (current.kind != "recommendations"
                                           and (COUNTS_RECOMMENDATIONS.search(text)
                                                # (session 77) "The review's seven recommendations
                                                # are on the partnership website."
                                                or _RECOMMENDATIONS_ELSEWHERE.match(text))))
                and not _BULLET.match(text) and current.blocks
                and _BULLET.match(current.blocks[-1].text)
                and _list_has_ended(current, body, k)):
            # a paragraph after a bulleted list is not one more item of it (nor is a helpline's
            # "Are you worried about a child?" after an easy-read page's list of changes)
            current = None
        unnumbered = _REPORT_PARAGRAPH.sub("", text, count=1)  # ("4.2.3 No formal recommendations ...")
        if (current is not None and current.kind in ("learning", "findings") and line.blank_before
                and current.blocks and not _BULLET.match(text)
                and (COUNTS_RECOMMENDATIONS.search(text) or _TELLS_RECOMMENDATIONS.match(unnumbered)
                     or _NONE_MADE.match(unnumbered))):
            # (session 42) "The CMR made 11 recommendations, including that ..." in a paragraph of
            # its own after the learning: what was recommended, no more learning; (session 76)
            # "The executive summary lists eight recommendations; ...", "The recommendations are
            # not summarised in this digest." too; (session 84) and "4.2.3 No formal
            # recommendations were made.", an annual report's next numbered paragraph
            current = None
        span = Span.of(text, line.start)
        is_last_text = all(_LINK_LINE.match(x.text) for x in body[k + 1:])
        if (current is not None and prev_line_span is not None
                and (_continues(prev_line_span, line, width)
                     or _keywords_go_on(current, prev_line_span, text))):
            current.blocks[-1] = current.blocks[-1].join(span)
            prev_line_span = current.blocks[-1]
            continue
        if entry.sections and is_last_text and _is_keyword_line(text) and not (
                current and current.kind == "keywords") and not (  # (nor a signature's line)
                current and current.label and re.match(_SIGN_OFF_WORDS, current.label, re.I)):
            current = Section("keywords", None, line.number, [span])
            entry.sections.append(current)
            prev_line_span = span
            continue
        um = _UNKNOWN_LABEL.match(text)
        if um and _speaker_turn(um["label"], entry.source.text):
            # (session 69) "Reviewer: She had also been prescribed ...": a speaker's turn, its
            # label no word of what is said (the sentence opens with "She", who goes on from
            # the turn before), its words the text they go on with
            cut = len(um["label"]) + 1
            cut += len(text[cut:]) - len(text[cut:].lstrip())
            span, um = Span.of(text[cut:], line.start + cut), None
        if um and current is not None and current.kind in ("learning", "findings") \
                and _RUN_IN_POINT.fullmatch(um["label"]):
            # (session 47) "Theme: seeing the child. Professionals spoke ..." under "Learning":
            # a point of the list, its theme run in, not a part of no kind
            current.blocks.append(span)
            prev_line_span = span
            continue
        if um and not _NAME_HEADING.match(text) and len(um["label"]) <= 40 and entry.sections:
            entry.warnings.append(
                f"{entry.source.path}:{line.number}: unknown label '{um['label']}:' "
                f"in entry '{entry.heading}' kept as text")
            # (its value is on its line: _UNKNOWN_LABEL asks for one)
            current = Section("other", um["label"] + ":", line.number, [span], inline=True)
            entry.sections.append(current)
            prev_line_span = span
            continue
        if current is not None and not current.inline and current.kind in METADATA and line.blank_before \
                and len(current.blocks) == 1 and len(current.blocks[0].text.strip()) <= 80 \
                and "\n" not in current.blocks[0].text.strip():
            current = None  # (session 87) a definition list's "Published" over "  2022", then the account
        if current is not None and current.inline and (current.kind in METADATA or (
                # (session 57) an unknown field's line, "Themes: neglect; schools", then a
                # paragraph: the paragraph is no part of the field
                # ((session 86) nor of a field that counts the recommendations, "Recommendations:
                # 12" in a fields table over the account)
                (_inline_field(current) or _counted_field(current)) and line.blank_before)):
            current = None
        if current is None:
            # the first unlabelled text is the account, even after a record's metadata lines
            # (and after a field of a kind casegraph does not know, on its own line)
            # ("Additional information:" alone on its line, after them, labels a part of
            # another kind: no account)
            kind = "summary" if all(x.kind in METADATA or _header_only(x) or (
                (_inline_field(x) or _counted_field(x)) and not text.rstrip().endswith(":"))
                for x in entry.sections) else "other"
            summary = next((i for i in range(len(entry.sections) - 1, -1, -1)
                            if entry.sections[i].kind == "summary"), None)
            if kind == "other" and summary is not None and all(
                    x.kind in METADATA or (_inline_field(x) and not _counting_label(x))
                    for x in entry.sections[summary + 1:]):
                # (session 47) the account goes on after a metadata line inside it: a
                # statement's masthead, its dateline, then its first paragraph; (session 67)
                # and after a line of an unknown label, a video's title card said again
                # ("Learning from reviews: then and now.")
                current = entry.sections[summary]
                current.blocks.append(span)
            else:
                current = Section(kind, None, line.number, [span])
                entry.sections.append(current)
            prev_line_span = span
            continue
        # An unlabelled line inside a labelled section: a list item on its own line (HTML
        # lists, bullets) or a further paragraph of the summary.
        current.blocks.append(span)
        prev_line_span = span
    _account_after_field(entry)
    _change_before_actions(entry)
    _review_process(entry)
    _questions_for_discussion(entry)
    _account_told_first(entry)
    _apply_metadata(entry)
    for section in entry.sections:
        _read_items(entry, section)
    _joint_told_apart(entry)
    _ordinal_parts(entry)


def _joint_told_apart(entry: Entry) -> None:
    """(session 69) A part labelled "Learning and recommendations" whose paragraphs tell the two
    apart: those that say what the review recommends ("The review makes recommendations about
    joint housing ... assessments") are its recommendations, the others its learning.  Before,
    each paragraph was counted as both (DECISIONS 6: right for a list that does not say which).
    (session 70) A learning list closed by such a paragraph (:func:`_closed_by_a_recommendation`)
    is told apart the same way: the paragraph is no learning point."""
    from casegraph.ingest.document import says_it_recommends

    parts: list[Section] = []
    for section in entry.sections:
        if section.kind == "learning" and _closed_by_a_recommendation(section):
            # (session 70) "Learning includes:" over its points, then "The review recommends
            # that the committee works with ...": the paragraph after the list is the review's
            # recommendation (read as one from the page's prose), no more learning
            parts.append(replace(section, items=section.items[:-1]))
            continue
        if section.kind == "learning+recommendations":
            said = [says_it_recommends(item.text) for item in section.items]
            if any(said) and not all(said):
                parts += [replace(section, kind="learning",
                                  items=[i for i, rec in zip(section.items, said, strict=True) if not rec]),
                          replace(section, kind="recommendations",
                                  items=[i for i, rec in zip(section.items, said, strict=True) if rec])]
                continue
        parts.append(section)
    entry.sections = parts


def _closed_by_a_recommendation(section: Section) -> bool:
    """Whether a list of three points or more ends in a paragraph that opens by saying what the
    review recommends, none of the others saying so; not a last point that goes on to say so
    ("(3) a parent's disclosure ... The review made 9 recommendations, ...") nor one about
    earlier recommendations ("recommendations from the 2016 review ... had been only partly
    implemented", in lower case: a point of the list)."""
    from casegraph.ingest.document import says_it_recommends

    if len(section.items) < 3:
        return False
    last = section.items[-1].text
    return last[:1].isupper() and says_it_recommends(re.split(r"(?<=[.!?])\s+", last, maxsplit=1)[0]) \
        and not any(says_it_recommends(item.text) for item in section.items[:-1])


def _counting_label(section: Section) -> bool:
    """Whether a part's label is a speaker's count ("One:", "Second:"), read by :func:`_ordinal_parts`."""
    return (section.label or "").rstrip(":").strip().lower() in _COUNTED


def _counted_field(section: Section) -> bool:
    """(session 86) A recommendations field's one line that only counts them or points to them
    ("Recommendations: 12", "Recommendations: Six", "Recommendations: see text"): a record's
    field, not a part the next paragraph goes on in."""
    return (section.kind == "recommendations" and section.inline and len(section.blocks) == 1
            and _COUNT_OR_POINTER.fullmatch(section.blocks[0].text.strip()) is not None)


#: (session 86) A field's value that counts the recommendations or points to where they are.
_COUNT_OR_POINTER = re.compile(rf"(?:{COUNT_WORD}|see\s+(?:the\s+)?(?:text|below|above|(?:full\s+)?report)|"
                               r"none|n/?a|not\s+(?:known|published|stated))\.?", re.I)


def _inline_field(section: Section) -> bool:
    """An unknown label's one line with its value on it ("Themes: neglect; schools")."""
    return section.kind == "other" and section.inline and len(section.blocks) == 1


def _heads_recommendations(text: str, current: Section | None) -> bool:
    """Whether a line heads a table of the review's recommendations: a caption naming them, or
    (outside a list of them already) a text table's header row with a column for them."""
    if (caption := TABLE_CAPTION.match(text)) and _RECOMMENDATION_WORD.search(caption["what"]):
        return True
    return (current is None or current.kind != "recommendations") and bool(
        _RECOMMENDATION_WORD.search(text)) and _COLUMN_HEADS.fullmatch(text.strip()) is not None


#: A briefing's part headed "The Review", and the lines of a list.
_THE_REVIEW = re.compile(r"^\W*the\s+review\W*$", re.I)
_LIST_LINE = re.compile(r"^\s*(?:[-•*·▪◦]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)", re.M)


def _review_process(entry: Entry) -> None:
    """A briefing's "The Review" told in prose ("The Board commissioned a concise child practice
    review. The reviewer met ...") says how the review was done, not what it learned nor
    what happened to the family (the agencies that took part are no facts of the case): a
    discussion, no learning (a "The Review" of bullets, the shared Devon briefing's, is its findings; "The
    review: ..." with its text on the label's line is left as it is)."""
    for section in entry.sections:
        if section.kind == "learning" and _THE_REVIEW.match(section.label or "") and not section.inline \
                and section.blocks and not any(_LIST_LINE.search(b.text) for b in section.blocks):
            section.kind = "discussion"  # how the review was done: no fact of the case, no learning


def _questions_for_discussion(entry: Entry) -> None:
    """(session 72) A list of questions under a discussion's heading ("Questions for your team"
    over "• What would we have done differently?", "• Who do we need to tell ...?") is the
    discussion's, though its first question reads as a learning label: read as it, the other
    questions were two of the review's learning points."""
    for before, section in itertools.pairwise(entry.sections):
        if before.kind == "discussion" and not before.text.strip() and section.kind == "learning" \
                and (section.label or "").rstrip().endswith("?") and section.blocks \
                and all(b.text.rstrip().endswith("?") for b in section.blocks if b.text.strip()):
            section.kind = "discussion"


#: (session 64) A review's findings told in its account's prose: "The Learning Review found
#: that professionals did not consistently recognise ...", then "It also found that ...".
_FOUND_THAT = re.compile(r"^(?:The|This)\s+(?:independent\s+|lead\s+)?(?:(?:learning|practice|"
                         r"child\s+practice|serious\s+case|local\s+child\s+safeguarding\s+practice|significant\s+case|"
                         r"case\s+management)\s+)?"
                         rf"(?:review|reviewers?|report|{TYPE_ABBREVIATIONS})\s+(?:also\s+)?"
                         r"(?:(?:found|identified|concluded|highlighted)\s+that\b"
                         # (session 77) "The independent reviewer identified learning about the way
                         # agencies share information ..., and about how practitioners respond ..."
                         r"|(?:identified|identifies|highlighted|highlights)\s+(?:(?:key|important)\s+)?"
                         r"(?:learning|lessons)\s+(?:about|around|on|for)\b)", re.I)
_CLAUSE_STOP = re.compile(r";\s")
#: (session 77) A report's own paragraph number before a paragraph: "6.3.2 ".
_OWN_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\s+(?=[A-Z])")
#: (session 77) A sentence of an account that tells what the review's learning was about: "The
#: review's learning concerned contextual safeguarding, ...", "Learning focused on assessment of
#: new adults joining a kinship household".
_LEARNING_TOLD = re.compile(r"(?:^|(?<=[.!?]\s))(?:(?:The|Its)\s+(?:review|report|SCR|CMR|"
                            # ((session 81) "The forum's learning is that ...")
                            r"forum|panel|reviewer|reviewers)['’]s?\s+|Its\s+)?"
                            # ((session 78) "Emerging learning concerns the weight given to ...",
                            # "Learning from this review is that ...")
                            # ((session 79) "The review's learning, still relevant today, is that")
                            # ((session 79) "The review's main learning, the partnership said, is
                            # that", "Its key learning, according to the report, is that")
                            r"(?:(?:[Kk]ey|[Ee]merging|[Ee]arly|[Ii]nitial|[Mm]ain|[Cc]entral|[Pp]rincipal)\s+)?"
                            r"[Ll]earning(?:,\s[^,.]{3,40},)?\s+"
                            # ((session 81) "The review's learning for schools was that ...")
                            r"(?:for\s+(?:[\w'’-]+\s+){1,3}(?=was\s+that|is\s+that))?"
                            r"(?:from\s+(?:this|the)\s+review\s+)?(?:concerned|concerns|focused\s+on|focuses\s+on|"
                            r"centred\s+on|centres\s+on|was\s+about|is\s+about|related\s+to|relates\s+to|"
                            r"is\s+that|was\s+that)\b"
                            # "The main lesson, the independent reviewer says, is that ...", "Its
                            # central lesson, that fathers ... , ...", "Early findings are that ..."
                            r"|(?:^|(?<=[.!?]\s))(?:The|Its)\s+(?:main|central|key|chief|most\s+important)\s+"
                            r"(?:lesson|learning\s+point|finding|message)\b"
                            # (session 81) "The Committee's view in 2025 is that the central lesson
                            # still stands: professionals need to know ..."
                            r"|\b(?:the|its)\s+(?:main|central|key|chief)\s+lesson\s+(?:still\s+)?"
                            r"(?:stands|remains)\s*:"
                            # (session 78) "The independent reviewer summarised the learning: ...";
                            # a catalogue's abstract, "Identifies learning about elective home
                            # education, ..."
                            r"|(?:^|(?<=[.!?]\s))The\s+(?:independent\s+|lead\s+)?(?:reviewer|review|report|panel)"
                            # ((session 81) and "The panel chair summarised the key learning: ...")
                            r"(?:\s+chair)?\s+(?:summarised|summarises|summarized|summarizes)\s+(?:the|its)\s+"
                            r"(?:key\s+|main\s+)?learning\b"
                            r"|(?:^|(?<=[.!?]\s))(?:It\s+i|I)(?:dentifies|dentified)\s+"
                            r"(?:(?:key|important)\s+)?(?:learning|lessons)\s+(?:about|around|on|for)\b"
                            # (session 79) "The review, published by the North Wales Safeguarding
                            # Board in 2023, identified learning about ..."; "... review, published in
                            # autumn 2023, sets out one main lesson: ..."
                            r"|(?:^|(?<=[.!?]\s))(?:\d{1,2}\s+)?The\s+(?:review|report|panel)\b[^.!?]{0,80}?"
                            r"\bidentif(?:ies|ied)\s+(?:(?:key|important)\s+)?(?:learning|lessons)\s+(?:about|around|on|for)\b"
                            r"|(?:^|(?<=[.!?]\s))[^.!?]{0,100}?\bsets\s+out\s+(?:one|a|its)\s+(?:main|key|central|single)\s+"
                            r"lesson\b"
                            r"|(?:^|(?<=[.!?]\s))(?:Early\s+|Its\s+|The\s+review['’]s\s+)?findings\s+are\s+that\b")
_ALSO_FOUND = re.compile(r"(?<=[.!?]\s)(?:It|The\s+review|The\s+reviewers?|They)\s+also\s+"
                         r"(?:found|identified|concluded|highlighted)\s+that\b")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s+[A-Z\"“‘'(]|\s*$)")
#: ... but not one about the child or the family: "The review found that Child N had been
#: neglected for some time", "The reviewer found that Kai was well liked at school" (the case).
_FOUND_OF_THE_CASE = re.compile(r"(?:(?-i:(?:Child|Baby|Young\s+person|Infant|Sibling|Twin)s?\s+[A-Z]\w*)|"
                                r"he|she|they|his|her|their|the\s+(?:child|children|baby|boy|girl|family|mother|father|"
                                r"parents|couple)|(?-i:[A-Z][a-z]+)(?:['’]s)?\s+(?:was|were|had|is|did|"
                                r"mother|father|parents|family))\b", re.I)


#: The words a speaker counts points with, as labels: "One: ...", "Two: ..." or "First: ...".
_COUNTING = (("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
             ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"))


#: Every word of :data:`_COUNTING`.
_COUNTED = frozenset(w for words in _COUNTING for w in words)


def _ordinal_parts(entry: Entry) -> None:
    """(session 65) Points a speaker counts off as labels ("The review found three things." /
    "One: missing episodes were treated as separate events ..." / "Two: ..."; "So, the
    learning." / "First: ..." / "Second: ..."), as a webinar's captions tell them: a run of two
    or more such parts, counting from one, is one list of points, the recommendations when the
    words just before it speak of them, else the learning.  Read as parts of unknown labels,
    each was quarantined and none was counted."""
    i = 0
    while i < len(entry.sections):
        run = _counted_run(entry.sections, i)
        if len(run) < 2:
            i += 1
            continue
        before = entry.sections[i - 1].text[-200:] if i else ""
        kind = "recommendations" if re.search(r"\brecommend", before, re.I) else "learning"
        points = Section(kind, None, run[0].line, [s.span for s in run])
        points.items = [Item(s.span.slice(s.text.index(":") + 1, len(s.text)).strip(" \t\n").strip(" .;,"))
                        for s in run]
        labels = {f":{s.line}: unknown label '{s.label}'" for s in run}
        entry.warnings = [w for w in entry.warnings if not any(mark in w for mark in labels)]
        entry.sections[i:i + len(run)] = [points]
        i += 1


def _counted_run(sections: list[Section], i: int) -> list[Section]:
    """The parts from ``i`` on labelled "One:", "Two:", ... (or "First:", "Second:", ...) in order."""
    first = (sections[i].label or "").rstrip(":").strip().lower()
    words = next((w for w in _COUNTING if w[0] == first), None)
    run: list[Section] = []
    for section in sections[i:]:
        label = (section.label or "").rstrip(":").strip().lower()
        if words is None or len(run) >= len(words) or section.kind != "other" or not section.inline \
                or label != words[len(run)]:
            break
        run.append(section)
    return run


#: (session 67) A speaker's sentence that leads into the learning, told in the paragraphs after
#: it: "The review found three things.", "The review's learning was this."
_SPOKEN_LEAD_IN = re.compile(
    r"(?:The|This|Our)\s+(?:review|report)(?:['’]s\s+(?:key\s+)?(?:learning|lessons)\s+(?:was|were|is|are)\s+"
    r"(?:this|these|as\s+follows)|\s+(?:found|identified|highlighted)\s+(?P<count>two|three|four|five|six)\s+"
    r"(?:things|lessons|issues|themes|learning\s+points))\s*[.:]", re.I)
#: What ends such points: the recommendations spoken of, a sign-off.
_SPOKEN_LEAD_IN_END = re.compile(r"\brecommend|\bthank\s+you\b|\bquestions?\b", re.I)


def _points_after_lead_in(entry: Entry) -> None:
    """(session 67) Learning a speaker leads into and then tells, a paragraph a point, in an
    account with no other learning (a video's captions: "The review found three things." /
    "First, ..." / "Second, ..." / "Third, ..."): the paragraphs after the lead-in, as many as
    it counts, else up to the recommendations or the sign-off, at least two.  Before, the
    lead-in was the one learning point and the points stayed in the account.  Learning read
    from one unlabelled sentence of the account ("The review found that he had been neglected
    ...") gives way to them; a labelled part of learning keeps the rule away."""
    learned = [s for s in entry.sections if s.kind in ("learning", "learning+recommendations", "findings")]
    if any(s.label or "\n" in s.text.strip() for s in learned):
        return
    for section in entry.sections:
        if section.kind != "summary":
            continue
        for k, block in enumerate(section.blocks):
            lead = _SPOKEN_LEAD_IN.fullmatch(block.text.strip())
            if lead is None:
                continue
            after = section.blocks[k + 1:]
            if lead["count"]:
                points = after[:_COUNTING[0].index(lead["count"].lower()) + 1]
            else:
                points = list(itertools.takewhile(lambda b: not _SPOKEN_LEAD_IN_END.search(b.text),
                                                  after))[:8]
            if len(points) < 2 or any(_SPOKEN_LEAD_IN_END.search(b.text) for b in points):
                return
            learning = Section("learning", None, section.line, [])
            learning.items = [Item(b) for b in points]
            entry.sections = [s for s in entry.sections if all(s is not x for x in learned)]
            entry.sections.append(learning)
            return


def _findings_in_prose(entry: Entry) -> None:
    """(session 64) A page with no part for the learning (a statement, a news item) whose
    account has a paragraph opening "The review found that ...": that finding, and each "It also
    found that ..." after it in the paragraph, is a learning point (counted, one a sentence);
    a finding about the child or the family ("found that Child N had been neglected") is the
    case's, and the page's other learning (a part merged in later) is looked for first.
    The paragraph stays the account's too: what the review found is often the case's facts ("The
    review found that the father had misused alcohol for years")."""
    if any(s.kind in ("learning", "learning+recommendations", "findings") for s in entry.sections):
        return
    for section in entry.sections:
        if section.kind != "summary":
            continue
        for block in section.blocks:
            text = block.text.strip()
            lead = len(block.text) - len(block.text.lstrip())
            if number := _OWN_PARAGRAPH_NUMBER.match(text):  # (session 77) "6.3.2 The review found that"
                text, lead = text[number.end():], lead + number.end()
            if told := _LEARNING_TOLD.search(text):
                # (session 77) "The review's learning concerned contextual safeguarding, ...":
                # one learning point, that sentence (to its end, or to a clause on the
                # recommendations after a semicolon)
                stop = _SENTENCE_STOP.search(text, told.start())
                semi = _CLAUSE_STOP.search(text, told.start())
                end = min(stop.start() if stop else len(text), semi.start() if semi else len(text))
                learning = Section("learning", None, section.line, [])
                learning.items = [Item(block.slice(lead + told.start(), lead + end))]
                entry.sections.append(learning)
                return
            found = _FOUND_THAT.match(text)
            if not found or _FOUND_OF_THE_CASE.match(text, found.end() + 1):
                continue
            starts = [0, *(m.start() for m in _ALSO_FOUND.finditer(text))]
            items = []
            for a in starts:
                stop = _SENTENCE_STOP.search(text, a)
                items.append(Item(block.slice(lead + a, lead + (stop.start() if stop else len(text)))))
            learning = Section("learning", None, section.line, [])
            learning.items = items
            entry.sections.append(learning)
            return


#: A briefing's part on why its subject matters ("(1) WHY THIS MATTERS").
_WHY_IT_MATTERS = re.compile(r"\bwhy\s+(?:it|this)\s+matters\b", re.I)


#: (session 76) A field's value as its line's first sentence, the account of the case going on
#: after it: "Area: Western Trust. Maya (aged 7) and her brother Josh (aged 9) lived with ...".
_VALUE_THEN_ACCOUNT = re.compile(r"^\s*[^.\n]{2,60}?\.(?=\s+[A-Z])")
#: The fewest words the text after the value must have to be an account, not a second field.
_ACCOUNT_WORDS = 8


#: The child a heading names after its review's kind: "Case Management Review – Child N".
_HEADING_CHILD = re.compile(r"[:–—-]\s*(?P<name>(?:Child|Baby|Young\s+Person)\s+[A-Z]{1,2}\d?"
                            r"|[A-Z][a-z]{1,15})\s*$")


def _child_named_at(text: str, heading: str) -> int | None:
    """Where a field's text, its paragraph breaks lost, goes on into the account: at the child
    its heading names, a short value before it ("Belfast Child N is a 12-year-old girl ...",
    from a site's search index, which keeps no paragraphs)."""
    named = _HEADING_CHILD.search(heading)
    at = re.search(rf"(?<=\S)\s+(?={re.escape(named['name'])}\b)", text) if named else None
    return at.end() if at and len(text[:at.start()].split()) <= 5 else None


def _account_after_field(entry: Entry) -> None:
    """(session 76) An annual report's review told as one paragraph whose first sentence is its
    area or date ("Area: South Eastern Trust. Child H, a three-year-old boy, drowned ..."), or
    whose value runs into it where its child is named (:func:`_child_named_at`): the
    rest of the paragraph is the review's account, not the field's value, so that the child's
    age, sex and the date of the incident are read from it.  Only in an entry with no account
    of its own."""
    if any(s.kind == "summary" for s in entry.sections):
        return
    for n, section in enumerate(entry.sections):
        if section.kind not in ("area", "published") or not section.inline or len(section.blocks) != 1:
            continue
        block = section.blocks[0]
        m = _VALUE_THEN_ACCOUNT.match(block.text)
        cut = _child_named_at(block.text, entry.heading) or (m.end() if m else None)
        rest = block.slice(cut, len(block.text)) if cut else None
        if rest is not None and len(rest.text.split()) >= _ACCOUNT_WORDS:
            section.blocks[0] = block.slice(0, cut)
            start = len(rest.text) - len(rest.text.lstrip())
            entry.sections.insert(n + 1, Section("summary", None, section.line,
                                                 [rest.slice(start, len(rest.text))]))
            return


def _account_told_first(entry: Entry) -> None:
    """(session 64) A briefing whose first part, before any account of the case, is headed as
    general discussion ("(1) WHY THIS MATTERS") but tells the child's story ("Baby D was a
    ten-week-old boy who died ..."): that part is the account.  Further down ("(3) WHY IT
    MATTERS" after "(2) WHAT HAPPENED") it is the general discussion it says it is."""
    for section in entry.sections:
        if section.label and section.kind in ("summary", "background", "incident", "learning",
                                              "recommendations", "findings"):
            return  # (the page's own lines above its first part, a masthead, are no part)
        if section.kind == "discussion" and _WHY_IT_MATTERS.search(section.label or "") \
                and any(_TOLD_AGE.search(block.text) for block in section.blocks):
            section.kind = "summary"
            return


#: A heading that may head either what must change in practice (the learning) or the actions.
_WHAT_MUST_CHANGE = re.compile(r"^\W*what\s+(?:needs\s+to|must)\s+change\b", re.I)


def _change_before_actions(entry: Entry) -> None:
    """"What needs to change" above the review's own actions ("What the partnership will do")
    is its learning, what practice must change, not a second list of recommendations."""
    actions_after = False  # (read from the end: one pass, however many sections)
    for section in reversed(entry.sections):
        if section.kind != "recommendations":
            continue
        if not _WHAT_MUST_CHANGE.match(section.label or ""):
            actions_after = True
        elif actions_after:
            section.kind = "learning"


def no_recommendations(text: str) -> bool:
    """Whether a part's text under "Recommendations" says there are none (:data:`_NONE_MADE`)."""
    return bool(_NONE_MADE.match(text))


def keyword_items(span: Span) -> list[Item]:
    """A keyword line's or cell's terms, each an item."""
    return [Item(s) for s in _split_keywords(span)]


def _read_items(entry: Entry, section: Section) -> None:
    """A learning, recommendations, findings or keywords section's items, from its blocks (the
    one home of this, for a section read under its label and for a part its heading names)."""
    if section.kind not in ("learning", "recommendations", "learning+recommendations", "findings",
                            "keywords"):
        return
    joined = Span("", ())
    for block in section.blocks:
        joined = joined.join(block, "\n")
    if section.kind == "keywords":
        section.items = keyword_items(joined)
    elif section.kind == "recommendations" and re.fullmatch(rf"{COUNT_WORD}\.?", joined.text.strip(), re.I):
        section.items = []  # (session 84) "Recommendations: Six.": how many, not what
    elif section.kind == "recommendations" and no_recommendations(joined.text):
        # "None – the review did not make formal recommendations": what follows under it (a
        # wall map's next box, a board's own actions) is none of the review's
        section.items = []
    elif (entry.heading_kind not in ("dated-list", "citation")
          or (_REVIEW_WORDS.search(entry.heading) and _clauses_each(joined.text))) and (
            _one_point(section, joined) or (_NUMBERED_LABEL.match(section.label or "") and not any(
                _OWN_POINT.match(line) for line in joined.text.split("\n")[1:]))):
        # ("Learning 1: Seeing the impact ..." over its lettered points "(a) ...", "(b) ...": the
        # label numbers one point, whatever its parts)
        section.items = [Item(joined.strip(" \t\n").strip(" .;,"))]
    else:
        items = _bare_numbers_off(_lettered_points(_ordinal_points(split_items(joined, section.addressee))))
        if section.kind == "recommendations":
            # (a question a list of recommendations ran into, "How do you record the voice of the
            # child?", is a briefing's reflective question; learning is often told as one)
            # ((session 83) nor is the review's date, "Published in September 2025.", "The serious
            # case review was published in 2017.", after the count of them)
            # ((session 84) nor where the partnership's answer to them is: "...; the partnership's
            # response is published separately")
            items = [i for i in items if not _QUESTION.search(i.span.text)
                     and not _PUBLICATION_NOTE.match(i.span.text) and not _RESPONSE_NOTE.match(i.span.text)]
        elif section.kind == "learning":
            # (session 74) a line after a "Learning:" label's prose that counts the review's
            # recommendations ("Three recommendations were made, including ...") is none of it
            # ((session 85) nor one about them, "The review's recommendations are set out in the
            # full report.", "The panel recommended that the Trust ...", after a poster's or a
            # recording's learning)
            items = [i for i in items if not _RECOMMENDATIONS_COUNTED.match(i.span.text)
                     and not _ABOUT_RECOMMENDATIONS.match(i.span.text)]
        # ((session 88) nor a note wholly in brackets under them, "(Invented test data: ...)",
        # "(See the full report.)": the page's aside, no point of the review's)
        items = [i for i in items if not _BRACKETED_NOTE.match(i.span.text)]
        section.items = _prose_points(section, _themes(items, joined.text))
    if len(section.items) > MAX_ITEMS:
        raise CasegraphError(f"entry '{entry.heading}' has {len(section.items):,} items under "
                             f"one label, above the limit of {MAX_ITEMS:,}", entry.source.path,
                             f"line {section.line}")


#: (session 88) An item wholly in brackets: the page's note, "(This summary is invented test data.)".
_BRACKETED_NOTE = re.compile(r"^\s*\([^()]*\)\.?\s*$")
#: (session 83) A line that dates the review, not one of its points: "Published in September
#: 2025.", "The serious case review was published in 2017."
_PUBLICATION_NOTE = re.compile(rf"^\W*(?:published|the\s+(?:[\w-]+\s+){{0,4}}(?:review|report)\s+"
                               rf"(?:was|is)\s+published)\s+(?:(?:in|on)\s+)?(?:\d{{1,2}}\s+)?(?:(?:{_MONTH_RE})\s+)?{YEAR}\.?\s*$",
                               re.I)
#: (session 84) A note of where the response to the recommendations is: "the partnership's
#: response is published separately", "The Board's response to them will be published on its website."
_RESPONSE_NOTE = re.compile(r"^\W*(?:the\s+)?(?:[\w'’-]+\s+){0,3}response\s+(?:to\s+(?:[\w'’-]+\s+){1,3})?"
                            r"(?:is|was|has\s+been|will\s+be)\s+(?:published|available)\b[^.;]{0,80}\.?\s*$",
                            re.I)
#: A sentence that counts the review's recommendations: "Three recommendations were made, ...",
#: "The review makes five recommendations."
_RECOMMENDATIONS_COUNTED = re.compile(
    rf"^\W*(?:(?:the\s+)?(?:review|panel|report)\s+(?:makes|made)\s+{COUNT_WORD}\s+recommendations?\b"
    rf"|{COUNT_WORD}\s+recommendations?\s+(?:were|was|have\s+been)\s+made\b)", re.I)

#: (session 85) A sentence about the review's recommendations, not a lesson: "The review's
#: recommendations are set out in the full report", "The panel recommended that ...".
_ABOUT_RECOMMENDATIONS = re.compile(
    # (what became of this review's, or where they are: not a finding about others, "Previous
    # recommendations were not acted on")
    r"^\W*(?!(?:previous|earlier|past|prior|existing|older|other|national)\b)(?:the\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:recommendations?\s+(?:are|were|is|was|will\s+be)\s+(?:not\s+|now\s+|being\s+|to\s+be\s+)?"
    r"(?:set\s+out|published|listed|given|described|included|available|summari[sz]ed|reproduced|"
    r"finali[sz]ed|agreed|confirmed|shared|monitored|made|addressed|discussed|in\s+the)\b"
    r"|(?:review|panel|report|reviewers?|CMR|SCR|LCSPR)\s+(?:recommended|made\s+(?:\w+\s+)?recommendations?)\b)",
    re.I)

#: A recommendations part that opens by saying there were none: "None – the review did not
#: make formal recommendations", "None made."
_NONE_MADE = re.compile(r"^\s*none\b(?!\s+of\b)(?:\s*[-–—.,:;]|\s+(?:made|were|was|given|published)\b)"
                        # (session 84) "none specific to the Health Board (the review's 4 ... are
                        # for the Regional Safeguarding Board, police and schools)."
                        r"|^\s*none\s+(?:specific|directly\s+relevant|addressed)\s+to\s+(?:the\s+)?(?-i:[A-Z])"
                        # (session 76) a register's cell: "None recorded", "None", "N/A"
                        r"|^\s*(?:none(?:\s+(?:recorded|identified|listed))?|n/a|not\s+applicable)\s*\.?\s*$"
                        # (session 72) "No recommendations were made. The learning is being shared
                        # through the partnership's training programme."
                        r"|^\s*no\s+(?:formal\s+)?recommendations\s+(?:were|have\s+been|are|was)\s+made\b"
                        # (session 77) "This review did not make recommendations; its learning ..."
                        # (session 79) "A forum does not make recommendations; the agencies ..."
                        r"|^\s*(?:this|the|a)\s+(?:review|report|panel|forum)\s+(?:did\s+not|does\s+not|didn['’]t)\s+make\s+"
                        r"(?:any\s+)?(?:formal\s+)?recommendations\b"
                        # (session 88) "The CMR made no new recommendations; SBNI endorsed ..."
                        r"|^\s*(?:this|the)\s+(?:review|report|panel|CMR|SCR|CPR|LCSPR)\s+(?:made|makes)\s+no\s+"
                        r"(?:new\s+|further\s+|formal\s+)?recommendations\b"
                        # (session 70) a repository's "Recommendations: not published."
                        r"|^\s*not\s+(?:yet\s+)?published\.?\s*$"
                        # (session 75) a podcast's show notes: "Recommendations: to be published
                        # with the Committee's improvement plan later this year." (its captions
                        # after it had been read as 14 recommendations)
                        r"|^\s*(?:(?:they\s+)?(?:are\s+)?(?:to|yet\s+to)\s+be|will\s+be)\s+"
                        r"(?:published|agreed|finalised|confirmed|shared)\b", re.I)
#: A line that is a point of its own (a bullet or a number), not a lettered part of the one above.
_OWN_POINT = re.compile(r"^\s*(?:[-•*▪]|\d{1,2}[.)])\s")
#: A label that numbers one point of the learning or recommendations: "Learning 1:",
#: "Recommendation 3:", "Finding 2 –".
_NUMBERED_LABEL = re.compile(r"^(?:learning(?:\s+point)?|lesson|finding|recommendation)\s+\d{1,2}\s*[:.–-]?$",
                             re.I)


def _header_only(section: Section) -> bool:
    """A page's header lines read as its first "summary" ("NEWS | Rotherham ... Partnership" /
    "Statement on publication of review into the death of Ada"): no sentence, so the account
    still starts after the "Posted: 14/11/2023" line under them."""
    return section.kind == "summary" and not re.search(r"[.!?](?:\s|$)", section.text)


#: Where one sentence of a label's prose ends and the next begins ("... the full picture. The
#: school was not asked ..."): a full stop, then a capital (never "e.g. The", "Dr. Ahmed").
_NEXT_SENTENCE = re.compile(
    r"(?<![A-Z])(?<!e\.g)(?<!i\.e)(?<!\betc)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bNo)(?<!\bSt)[.!](?=\s+[A-Z])")


def _is_theme(text: str, ended: bool) -> bool:
    """A list item that names a theme rather than says a point: a few capitalised words with no
    sentence's end (``ended``: the list's text has one after it) ("Hearing the child", "New adults
    in the household")."""
    words = text.split()
    return 1 <= len(words) <= 7 and text[:1].isupper() and not ended


def _themes(items: list[Item], listed: str) -> list[Item]:
    """Learning given as themes, each over its points, the nesting lost in a flattened list ("•
    Hearing the child" / "• L's school attendance fell ..." / "• Her visits were held with her
    mother ..." / "• New adults in the household" / ...): each theme with its points one item,
    as a reader counts them (before: every line one).  Only when the list opens with a theme and
    every theme has points under it."""
    numbered = [k for k, item in enumerate(items) if _NUMBERED_THEME.match(item.text)]
    if len(numbered) >= 2 and len(numbered) < len(items) and all(
            _COUNT_LEAD.search(item.text) for item in items[:numbered[0]]):
        # (session 47) "Theme 1 - Seeing the child, not the behaviour." over its paragraph:
        # each numbered theme with what follows it one point; a lead-in that counts them ("The
        # review identified three learning themes.") goes with the first
        return _grouped(items, [0, *numbered[1:]])
    if any(re.match(r"\d", i.text) or "   " in i.text for i in items):
        return items  # a numbered list, a text table's rows ("1    Share ...   Police Scotland")
    ended, at = [], 0
    for item in items:  # (an item's own stop was stripped: the list's text still has it)
        at = max(listed.find(item.text, at), at) + len(item.text)
        ended.append(listed[at:at + 1] in (".", ":", ";", "?", "!"))
    themes = [k for k, item in enumerate(items) if _is_theme(item.text, ended[k])]
    if len(themes) < 2 or themes[0] != 0 or len(themes) == len(items) \
            or any(b - a < 2 for a, b in itertools.pairwise([*themes, len(items)])):
        return items
    return _grouped(items, themes)


def _grouped(items: list[Item], starts: list[int]) -> list[Item]:
    """Items joined into one at each of ``starts`` (the first of them 0): a theme with the
    points or paragraph under it is one point."""
    out: list[Item] = []
    for a, b in itertools.pairwise([*starts, len(items)]):
        span = items[a].span
        for item in items[a + 1:b]:
            span = span.join(item.span, "\n")
        out.append(Item(span, items[a].addressee))
    return out


#: The run-in head of a point in a list of learning: "Theme: seeing the child. ...".
_RUN_IN_POINT = re.compile(r"(?:key\s+)?(?:theme|issue|finding|lesson|point|message)"
                           r"(?:\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten))?", re.I)
#: A theme's own numbered heading in a list of learning: "Theme 1 - Seeing the child", "Learning
#: point 2:", "Finding 3 –".
_NUMBERED_THEME = re.compile(r"^(?:(?:learning\s+)?theme|learning\s+point|finding|lesson|key\s+message)\s+"
                             r"\d{1,2}\s*[-–—:.]\s*\S", re.I)
#: A lead-in that only counts what follows: "The review identified three learning themes."
_COUNT_LEAD = re.compile(r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?"
                         r"(?:themes|areas|points|lessons|findings|messages)\b", re.I)
#: The marks of a list run into one sentence: "(a) ..., (b) ..., and (c) ...", "(i) ... (ii) ...".
_LETTER_MARK = re.compile(r"(?:^|(?<=\s))\((?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s+")


def _lettered_points(items: list[Item]) -> list[Item]:
    """An item that runs a lettered list into one sentence ("The review recommends (a) that the
    school nursing service ..., (b) that the police ..., and (c) that the partnership ..."): each
    lettered part a point, the words before the first mark none (before: one point).  Only when
    the marks run in order from the first: "(a)", "(b)" ..."""
    out: list[Item] = []
    for item in items:
        marks = list(_LETTER_MARK.finditer(item.text))
        firsts = ("(a)", "(i)", "(1)")
        if len(marks) < 2 or not marks[0].group().strip().startswith(firsts) \
                or not marks[1].group().strip().startswith(("(b)", "(ii)", "(2)")):
            out.append(item)
            continue
        for a, b in zip(marks, [*marks[1:], None], strict=True):
            piece = item.span.slice(a.end(), b.start() if b else len(item.text))
            piece = piece.strip(" \t\n").strip(" .;,").sub_prefix(re.compile(r"^and\s+")).strip(" ")
            if piece.text:
                out.append(Item(piece, item.addressee))
    return out


#: A point's bare number, then a space and a capital: "1 Children's services should ...".
_BARE_NUMBER = re.compile(r"(\d{1,2}) +(?=[A-Z])")


def _bare_numbers_off(items: list[Item]) -> list[Item]:
    """(session 65) Points numbered by a bare number and a space ("1 Children's services should
    ...", "2 The Board should ...": a PDF's numbered list read without its numbers' stops, as
    pdftohtml and pypdf give it) without their numbers, as far as they count 1, 2, 3 ... in
    order from the first: the number is the list's, no word of the recommendation."""
    marks = [_BARE_NUMBER.match(item.span.text) for item in items]
    counted = next((n for n, m in enumerate(marks) if m is None or int(m[1]) != n + 1), len(items))
    if counted < 2:  # (one "1 recommendation was made" is a sentence, not a list)
        return items
    return [Item(item.span.slice(m.end(), len(item.span.text)), item.addressee) if n < counted and m
            else item for n, (item, m) in enumerate(zip(items, marks, strict=True))]


def _ordinal_points(items: list[Item]) -> list[Item]:
    """A paragraph under a label that lists its points in prose ("The review identified three
    areas for learning. First, ... Second, ... Third, ..."): each ordinal sentence a point, the
    sentence that announces them none (before: the paragraph was one point)."""
    from casegraph.ingest.document import counted_points, ordinal_sentences

    out: list[Item] = []
    for item in items:
        spans = ordinal_sentences(item.span) or counted_points(item.span)
        out += [Item(s, item.addressee) for s in spans] if spans else [item]
    return out


def _prose_points(section: Section, items: list[Item]) -> list[Item]:
    """A label with its points as prose on its own line ("Learning: Teams in different hospitals
    did not share information. The school was not asked ..."): each sentence is a point, as
    labellers count them, unless a sentence only counts ("The review makes 11 recommendations,
    including ..."), goes on with the one before ("This meant ...", "Her low mood ..."), or is
    under five words; prose begun in lower case or with a quotation stays one point.  Under a
    heading, a paragraph is split so only when its sentences all open alike (_same_opening)."""
    if len(items) != 1 or not items[0].text[:1].isupper():
        return items  # (a quotation, or a point begun in lower case after its label, is one)
    span = items[0].span
    cuts = [0] + [m.end() for m in _NEXT_SENTENCE.finditer(span.text)] + [len(span.text)]
    pieces = [span.slice(a, b).strip(" \t\n").strip(" .;,") for a, b in itertools.pairwise(cuts)]
    if not section.inline and not _same_opening(pieces):
        return items
    if len(pieces) < 2 or any(len(p.text.split()) < 5 or _GOES_ON.match(p.text) or _COUNTS_ONLY.search(p.text)
                              for p in pieces):
        return items
    return [Item(p, items[0].addressee) for p in pieces]


def _same_opening(pieces: list[Span]) -> bool:
    """Whether every sentence of a paragraph opens with the same three words ("We learned that
    moving ... We learned that his worker ... We learned that his drug use ..."): a list written
    as prose, a point a sentence, under a heading as after an inline label."""
    openings = {" ".join(p.text.lower().split()[:3]) for p in pieces}
    return len(pieces) >= 2 and len(openings) == 1 and len(next(iter(openings)).split()) == 3


#: A sentence that goes on with the one before it: part of the same point.
_GOES_ON = re.compile(r"(?:This|These|That|It|They|Their|Its|He|She|His|Her|As\s+a\s+result|However|"
                      r"But|And|So|"
                      r"In\s+particular|For\s+example|Instead|Also)\b")
#: A sentence that says how many there were, not what one is.
_COUNTS_ONLY = re.compile(rf"\b{COUNT_WORD}\s+(?:\w+\s+)?(?:recommendations|learning\s+points|actions)\b",
                          re.I)


#: The plain learning label :func:`_one_point` reads: "Learning:", "Key learning (one para in
#: report):", (session 84) a bold "Learning." run into its point.
_ONE_POINT_LABEL = re.compile(r"(?:key\s+)?learning(?:\s*\([^()]{1,40}\))?\s*[:.]", re.I)
#: (session 86) A learning label over one prose sentence whose one semicolon joins two long
#: clauses: "Learning" or "What we learned", inline or on its own line.
_PROSE_POINT_LABEL = re.compile(r"(?:(?:key\s+)?learning|what\s+we\s+learn(?:ed|t))\s*[:.]?", re.I)
#: (session 86) How many words each clause of that sentence has, at least.
_PROSE_CLAUSE_WORDS = 8


def _one_point(section: Section, joined: Span) -> bool:
    """A partnership's one-line "Learning: professionals must ask who lives in the home; unseen
    men need to be assessed." is one point: a plain label (no "includes", no "themes", which
    open lists) over one line whose one semicolon joins two clauses of it.  (A catalogue's
    entries, the NSPCC's, separate their points with semicolons: the caller keeps them apart.)"""
    text = joined.text.strip()
    # (session 42) "Learning (one para in report): ...": a note on the label; but not a line of
    # marked points ("(i) ...; (ii) ...") or of two sentences, each a point of its own (a
    # sentence that only counts the recommendations, "The review makes 5 ...", is none)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
                 if not (COUNTS_RECOMMENDATIONS.search(s) or _says_nothing(s))]
    if _prose_point(section, text, sentences):
        return True
    return (section.kind == "learning" and section.inline and section.label is not None
            and _ONE_POINT_LABEL.fullmatch(section.label.strip()) is not None
            and "\n" not in text and text.count(";") == 1 and len(sentences) == 1
            # ((session 76) a capitalised word after the semicolon opens a point of its own: "Ask
            # about dogs at every home visit; Share police reports of dog bites ..." (not "CAMHS"
            # or "Z's", a name after it))
            and not re.search(r";\s+(?-i:[A-Z][a-z]{2,})\b", text)
            and not _MARKED_POINTS.search(text))


#: Points marked on one line: "(i) ...; (ii) ...", "1) ... 2) ...", "• ... • ..." (a table
#: cell's bullets run into a line).
_MARKED_POINTS = re.compile(r"\((?:i|ii|a|b|1|2)\)|(?:^|\s)(?:[1-9]|i{1,3}|[a-c])\)\s|(?:^|\s)[•·▪◦]\s")


def _prose_point(section: Section, text: str, sentences: list[str]) -> bool:
    """(session 86) Whether a learning section is one prose sentence, on one line, whose one
    semicolon joins two clauses of :data:`_PROSE_CLAUSE_WORDS` words or more, the second not
    opening with "and" or "or" ("Dylan's school, his GP and CAMHS each saw his anxiety getting
    worse, but each thought another service was leading; nobody asked Dylan what help he
    wanted, and ..."): one point, as a prose paragraph of learning is one.  Read as two, the
    count was one too many wherever labellers took a paragraph as one (most of the 104
    development reviews that counted one point more than their gold, at session 86's start)."""
    if section.kind != "learning" or section.label is None or not _PROSE_POINT_LABEL.fullmatch(
            section.label.strip()) or "\n" in text or text.count(";") != 1 or len(sentences) != 1:
        return False
    before, after = (part.strip() for part in text.split(";"))
    return (not re.match(r"(?:and|or)\b", after, re.I) and not _inline_numbers(text)
            and not _MARKED_POINTS.search(text)
            and min(len(before.split()), len(after.split())) >= _PROSE_CLAUSE_WORDS)


def _clauses_each(text: str) -> bool:
    """(session 84) Whether each side of a line's one semicolon is a clause, with its own verb or
    six words at least ("ask every family with a young child about dogs in the home; a bite to a
    visitor is a warning ..."): a partnership's list under dated headings that name the review's
    type ("2025 – LCSPR – Zara") writes one point so; an NSPCC catalogue's entries, dated
    headings that name the area ("2020 – Elmstead - Child H9"), write two points so."""
    parts = text.split(";")
    return len(parts) == 2 and all(_FINITE_VERB.search(p) or len(p.split()) >= 6 for p in parts)


#: A verb that makes a clause of its words.
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|should|must|need|needs|can|could|did|does|"
                          r"do|will|would|may|might)\b", re.I)


#: Section kinds that are one-line record metadata ("Published: 2016", "Location: Leeds").
METADATA = ("published", "area", "model", "keywords", "age", "sex", "incident", "source")


#: Where an online event is held: no area ("Online (Teams)", "Zoom link to follow").
_ONLINE_PLACE = re.compile(r"\b(?:(?:Microsoft|MS)\s+Teams|Teams|Zoom|Google\s+Meet|Webex|online|virtual|"
                           r"webinar)\b", re.I)


def _apply_metadata(entry: Entry) -> None:
    """A record's own "Published:" and "Location:" lines give its year and area: they are
    more specific than a date at the top of the page."""
    for section in entry.section("published"):
        date = PAGE_DATE.search(section.text)
        year = re.search(YEAR, section.text)
        if date or year:
            entry.year = int(date["year"]) if date else int(year.group())  # type: ignore[union-attr]
            entry.month = month_num(date["month"]) if date else None
    from casegraph.ingest.document import area_of_body

    for section in entry.section("published"):
        # (session 59) "Published: 21/05/2024 | Coventry": the date, then where, after a bar
        parts = [p.strip(" .") for p in section.text.split("|")]
        # (a gazetteer's area only: "Published: 14 June 2023 | Print | Share" is a page's tools)
        if entry.area is None and len(parts) >= 2 and re.search(YEAR, parts[0]) \
                and (place := _known_place(parts[1])):
            entry.area = place

    # (a field ends where the line's next field starts: "Area: Swansea · Published: 22.11.2023")
    fields = [(s.label or "", _NATION_QUALIFIER.sub("", t)) for s in entry.section("area")
              if (t := _NEXT_FIELD.split(s.text, maxsplit=1)[0].strip(" .")) and len(t) <= 60]
    # "Partnership: Cumbria Safeguarding Children Partnership" names Cumbria; a field that names
    # the place ("Area:", "Location:") beats one that names a body with no place in its name
    # ("Partnership: Child Safeguarding Practice Review Panel" above "Area: Lincolnshire")
    # and a field that names the place beats a body's too, which may be a region's ("Board: Mid
    # and West Wales Safeguarding Board" above "Local authority: Powys")
    # (session 45) a national body ("Partnership: Child Safeguarding Practice Review Panel", a
    # Zotero item's publisher) names no place: no area, so that the account's place may be read
    fields = [(label, t) for label, t in fields if area_of_body(t) or not _NATIONAL_BODY.search(t)]
    # (session 76) an event's "Location: Microsoft Teams (link sent on booking)" is no place;
    # (session 86) nor is a national review's "Area: National" (nor "Area: England")
    fields = [(label, t) for label, t in fields if not _ONLINE_PLACE.search(t) and not _NO_AREA.fullmatch(t)]
    areas = [_narrowed_by_tail(t, area_of_body(t) or t) for _, t in fields]
    named = [a for (label, _), a in zip(fields, areas, strict=True)
             if _PLACE_LABEL.match(label) and not _NATION_FIRST.match(a)]  # ("Area: Wales, North")
    places = [a for (label, t), a in zip(fields, areas, strict=True)
              if a != t or _REGION_LABEL.match(label)]
    if named or places or areas:
        entry.area = (named or places or areas)[0]
    if entry.area is None:
        entry.area = _dateline_place(entry)
    if entry.year is None:
        entry.year = _byline_year(entry) or _post_date_year(entry)
    _narrowed_to_titles([entry])


#: (session 72) A repository listing's unlabelled dateline under a review's heading: its nation,
#: its area and its year, parted by bars ("Wales | Cardiff | published 2024").
_NATION_DATELINE = re.compile(rf"^{_NATION}\s+\|\s+"
                              rf"(?P<area>[^|]{{2,60}}?)\s+\|\s+(?:published\s+)?(?:(?:{_MONTH_RE})\s+)?{YEAR}$",
                              re.I)


def _dateline_place(entry: Entry) -> str | None:
    """The area of an entry's first line when that line is a nation's dateline (see
    :data:`_NATION_DATELINE`) and the gazetteer knows the place; else None."""
    first = entry.sections[0].text.lstrip().split("\n", 1)[0].strip() if entry.sections else ""
    m = _NATION_DATELINE.match(first)
    return _known_place(m["area"]) if m else None


def _byline_year(entry: Entry) -> int | None:
    """(session 84) The year of a catalogue's byline under a review's title, when the byline is
    fields parted by dots or bars of which one is a bare year: "Cumbria Safeguarding Children
    Partnership · Cumbria · England · 2024 · 38 pages" (a library's record of the report, whose
    year is the report's, not the page's month of new records); else None."""
    first = entry.sections[0].text.lstrip().split("\n", 1)[0].strip() if entry.sections else ""
    parts = re.split(r"\s+[·•|]\s+", first)
    years = [p for p in parts if re.fullmatch(YEAR, p.strip(" ."))]
    return int(years[0].strip(" .")) if len(parts) >= 3 and len(years) == 1 else None


#: (session 85) A blog post's date under its title, alone on its line: "2024-11-05 09:30"
#: (ingest.document reads it too: such a line is no heading).
POST_DATE = re.compile(rf"(?P<year>{YEAR})-\d{{2}}-\d{{2}}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?")


def _post_date_year(entry: Entry) -> int | None:
    """(session 85) The year of a post's date among the first lines under its title (Nikola's
    byline, date and comments link: "SBNI Communications" / "2024-11-05 09:30" / "Comments");
    else None."""
    first = entry.sections[0].text.lstrip().split("\n")[:3] if entry.sections else []
    return next((int(m["year"]) for line in first if (m := POST_DATE.fullmatch(line.strip()))), None)


def _group_place(title: str) -> str | None:
    """(session 82) The place a list's group heading is, all of it ("Sandwell", "Cheshire
    East"): the area of the reviews listed under it; a nation is none."""
    place = title.strip(" #:*")
    if not re.fullmatch(r"(?-i:[A-Z][\w'’-]+)(?:\s+(?:and\s+(?:the\s+)?)?(?-i:[A-Z][\w'’-]+)){0,3}", place) \
            or re.search(r"\b(?:Safeguarding|Children|Board|Partnership|Committee|Council|Panel|Reviews?)\b",
                         place):
        return None  # (a body's name, "Northamptonshire Safeguarding Children Board", is the page's title)
    return place if _local_place(place) else None


def _known_place(text: str) -> str | None:
    """The place a field names, when the gazetteer knows it (a field beside a date may be a
    page's tools, "Print"); else None."""
    from casegraph.core.places import default_gazetteer
    from casegraph.ingest.document import place_in

    place = place_in(text)
    return place if place and default_gazetteer().lookup(place) else None


def _narrowed_to_titles(entries: list[Entry]) -> None:
    """(session 56) A region's board as an entry's area ("Board: CYSUR – Mid and West Wales
    Regional Safeguarding Board", a regional board's page) narrowed to the one of its
    authorities the entry's title names in brackets ("... – Tomos (Ceredigion)")."""
    for entry in entries:
        titled = _title_area(entry.title or entry.heading)
        if entry.area and titled and titled != entry.area and _narrower(titled, entry.area):
            entry.area = titled


def _narrowed_by_tail(text: str, area: str) -> str:
    """(session 61) A region's board named with one of its authorities after a comma ("Published
    by: Mid and West Wales Safeguarding Board (CYSUR), Powys"): the authority is the area."""
    tail = text.rsplit(",", 1)[-1].strip(" .") if "," in text else ""
    return tail if tail and tail != area and _narrower(tail, area) else area


def _narrower(place: str, region: str) -> bool:
    """Whether ``place`` is one of the areas a wider ``region`` (a regional board's) covers."""
    from casegraph.core.places import default_gazetteer

    gazetteer = default_gazetteer()
    inner, outer = gazetteer.lookup(place), gazetteer.lookup(region)
    if not inner or not outer:
        return False
    within = frozenset().union(*(e.codes for e in inner))
    covers = frozenset().union(*(e.codes for e in outer))
    return within < covers


#: (session 77) A heading that names a national review: its type, or the Panel that wrote it.
_NATIONAL_HEADING = re.compile(r"\bnational\s+(?:child\s+safeguarding\s+practice\s+)?review\b|"
                               r"\bChild\s+Safeguarding\s+Practice\s+Review\s+Panel\b", re.I)
#: A national body, whose name is no review's area.
_NATIONAL_BODY = re.compile(r"\b(?:Child\s+Safeguarding\s+Practice\s+Review\s+Panel|"
                            r"Department\s+for\s+Education|Welsh\s+Government|Scottish\s+Government|"
                            r"Care\s+Inspectorate|Ofsted|NSPCC)\b", re.I)
#: A catalogue's qualifier of a place by its nation, as subject headings write it
#: ("Lincolnshire (England)", "Fife (Scotland)"): the area is the place.
_NATION_QUALIFIER = re.compile(rf"\s*\({_NATION}\)$")
#: A separator between two fields on one line: a middle dot, a bullet or a bar between spaces,
#: or (session 48) a full stop before the next field's word ("Area: Belfast. Published
#: February 2024.").
_NEXT_FIELD = re.compile(r"\s+[·•|]\s+|\.\s+(?=(?:Published|Publication|Commissioned|Completed|Date|Year|"
                         r"Type|Review)\b)")
#: Labels of a field that holds a place itself, not a body's name: the area of a review, and
#: a wider region, which a body's area named beside it narrows.
_PLACE_LABEL = re.compile(r"^\W*(?:location|area|local\s+authority|(?:local\s+)?council(?:\s+area)?|"
                          r"(?-i:LA|La))\b", re.I)
_REGION_LABEL = re.compile(r"^\W*region\b", re.I)
#: A catalogue's area that is a nation, or starts with one: no narrower than a body's place.
_NATION_FIRST = re.compile(rf"^(?:{_NATION}|United\s+Kingdom|UK)\b")


def _split_keywords(span: Span) -> list[Span]:
    out = []
    start = 0
    text = span.text
    for i, ch in enumerate(text + ","):
        if ch in ",;\n|":  # (session 47: an archive's "Serious case reviews|Child neglect")
            piece = span.slice(start, i).strip(" .\t")
            if piece.text:
                out.append(piece)
            start = i + 1
    return out
