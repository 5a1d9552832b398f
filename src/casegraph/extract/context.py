"""Mentions in context: which sentence, whether it happened, and whom it is about.

A phrase of the vocabulary found in a review is a *mention*.  Before it can count as a fact of
the case, three things must be known (issue "Facts, not phrases"):

- the **section** it stands in (the account of the case, the learning, a recommendation, the
  keywords or a label), given by the parser;
- its **assertion**: affirmed, negated ("no drug or alcohol problems were known"), possible
  ("at risk of exploitation", "if"), attempted ("attempted to smother him") or historical;
- its **experiencer**: the review's child, a parent or carer, a sibling, another person, or
  practice in general.

The method is ConText (Harkema et al. 2009): trigger terms whose scope runs to the end of their
clause.  Every trigger lives in one data file, ``context-rules.yaml``; this module only applies
them.  Sentences come from spaCy's rule-based sentencizer on a blank English pipeline (no model
is downloaded).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import yaml

from casegraph.ingest.parse import PSEUDONYM_NOTE

RULES_FILE = Path(__file__).with_name("context-rules.yaml")

# The notations of the small SKOS schemes in ontology/mention-*.ttl (one home: those files; these
# are the values the code produces, checked against them by tests/test_context.py).
SECTIONS = ("case", "learning", "recommendation", "keywords", "label")
ASSERTIONS = ("affirmed", "negated", "possible", "attempted", "historical")
EXPERIENCERS = ("child", "parent", "sibling", "other", "general", "unstated")

_WORD = re.compile(r"[\w][\w'’-]*|[;:]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section's text: its offsets in that text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Context:
    assertion: str
    experiencer: str
    #: the words right after the mention name the person it was done to, and it is not the child
    #: ("tried to strangle the mother"): a harm of someone else, never the child's
    harmed_other: bool = False
    #: the sentence tells what followed the harm ("taken into care in 2021 after a long period of
    #: neglect", "she has since made a good recovery in foster care"): an outcome, no risk factor
    afterwards: bool = False
    #: the sentence tells of a parent's own childhood ("her mother had experienced neglect as a
    #: child"): the parent's adverse experience, never the child's harm
    childhood: bool = False
    #: (session 46) the one it was done to is a parent or a parent's partner, now ("the partner
    #: had tried to strangle the children's mother", "his mother was assaulted by him"):
    #: violence in the household, never the child's harm
    harmed_parent: bool = False


@dataclass(frozen=True)
class _Trigger:
    words: tuple[str, ...]
    category: str
    direction: str  # "forward" | "backward"


@dataclass(frozen=True, eq=False)  # hashed by identity: one table per rules file (rules() caches)
class Rules:
    """The trigger table of ``context-rules.yaml``, ready to match."""

    window: int
    termination: dict[str, tuple[tuple[str, ...], ...]]  # by first word
    pseudo: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first
    triggers: dict[str, tuple[_Trigger, ...]]  # by first word, longest first
    experiencers: dict[tuple[str, ...], str]
    mention_persons: dict[tuple[str, ...], str]  # the above, and words naming a person only inside a mention
    before: int
    after: int
    after_links: frozenset[str]
    inflicted_concepts: frozenset[str]
    injury_words: frozenset[str]
    inflicted_cues: tuple[tuple[str, ...], ...]
    inflicting_acts: frozenset[str]  # "punched", "shook": next door to an injury, it was inflicted
    inflicting_phrases: tuple[tuple[str, ...], ...]  # "held in hot water": the same, in words
    injury_agents: frozenset[str]  # "injured by her mother's partner": a person did it
    injury_referring: frozenset[str]  # "the", "his": "caused the injuries" refers back to them
    injury_attributions: frozenset[str]  # "caused", "causing": the injuries were someone's doing
    sentence_roles: tuple[tuple[tuple[str, ...], str], ...]  # (opening words, section)
    link_within: int  # a link word ("by the father") must stand this close after a mention
    earlier_cues: frozenset[str]  # words that place a concern before the harm
    recommendation_form: re.Pattern[str]  # "The trust to introduce ..."
    pronoun_of: dict[tuple[str, ...], str]  # "mother" -> "she": whom a next "She" continues
    pronoun_verb_group: frozenset[str]  # "was", "had", "been": between "he" and the mention's verb
    narrative_form: re.Pattern[str]  # "In August 2021 ...": an event, in a learning section
    narrative_verbs: frozenset[str]  # "Child A was ...", "Child A died ..."
    finding_form: re.Pattern[str]  # "The review found that ...": a finding, maybe of the case
    finding_possessives: frozenset[str]  # "... that his medical needs ...": someone of the case
    finding_determiners: frozenset[str]  # "... that the partner ...": this family's own people
    finding_people: frozenset[str]  # "... that the children ...": this case's children
    trade_concepts: frozenset[str]  # substance use that a sale or supply nearby makes another's
    trade_words: frozenset[str]
    trade_window: int
    use_words: frozenset[str]  # "using ketamine ..., supplied by a boyfriend": her use after all
    ingestion_words: frozenset[str]  # "who swallowed methadone": not the child's use
    concern_concepts: frozenset[str]  # harms that a concern or a plan's category only worries about
    concern_cues: frozenset[str]
    concern_window: int
    harmed_determiners: frozenset[str]  # "the", "his": between an act and the person it was done to
    generic_form: re.Pattern[str]  # "Neglect is the most common reason ...": a harm in general
    criteria_form: re.Pattern[str]  # "... where a child has died or been seriously harmed": the law's
    negative_concepts: frozenset[str]  # concepts that a negation states rather than denies
    concluding_denials: tuple[str, ...]  # "no evidence", "denied": a sentence's conclusion
    anaphoric_denials: tuple[str, ...]  # "found no evidence of this": a conclusion on what it told
    overruled_later: frozenset[str]  # concepts a later denial in the account overrules
    person_concepts: dict[str, re.Pattern[str]]  # RF-MEN: the words that name such a person
    adult_concepts: frozenset[str]  # what no young child can be ("previous convictions")
    older_child_concepts: dict[str, int]  # concept -> age (months) below which it is no child's own
    care_leaver_concept: str  # what a care leaver in a young child's account is (RF-PACE)
    care_leaver_below: int  # the age (months) every child is under for that reading
    care_leaver_words: frozenset[str]  # "care leaver", "leaving care"
    teen_concepts: frozenset[str]  # a young person's own when no one is named ("was drinking")
    owned_concepts: dict[str, str]  # harms whose object a person's possessive owns: "all" or "after"
    sentence_cues: tuple[tuple[str, re.Pattern[str]], ...]  # (notation, the shape of a sentence)
    afterwards_concepts: frozenset[str]  # risk factors a sentence may tell as the harm's outcome
    childhood_concept: str  # what a harm told of a parent's own childhood is read as (RF-PACE)
    harmed_parent_concept: str  # what violence done to a parent is read as (RF-DA)
    harmed_parent_harms: frozenset[str]  # ... of these harms (not a parent's killing)
    childhood_phrases: tuple[tuple[str, ...], ...]  # "as a child", "by her own parents"
    childhood_reach: int  # words after the harm the phrase may come
    childhood_also: frozenset[str]  # risk factors read so besides every harm ("neglect" concerns)
    afterwards_cues: tuple[tuple[str, ...], ...]  # "taken into care", "has since"
    sentenced_concepts: frozenset[str]  # offending a sentence may tell as the harm's outcome
    sentenced_cues: tuple[tuple[str, ...], ...]  # "is serving a prison sentence", "later cautioned"
    elsewhere_concepts: frozenset[str]  # risk factors a sentence may place in another household
    elsewhere_cues: tuple[tuple[str, ...], ...]  # "previous relationship", "former partner"
    elsewhere_household: re.Pattern[str]  # a parent named in the mention: "towards his mother"
    out_of_contact_concepts: frozenset[str]  # a parent's drinking or drug use ...
    out_of_contact_cues: tuple[tuple[str, ...], ...]  # ... who "had no contact with them"
    absent_concepts: frozenset[str]  # concepts of a man in the child's life (RF-MEN)
    absent_cues: tuple[tuple[str, ...], ...]  # "played no part in her life": he is not
    contrary: dict[str, tuple[tuple[str, ...], ...]]  # "fluent English" says there is no RF-LANG


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


@cache
def rules(path: Path = RULES_FILE) -> Rules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = [
        _Trigger(_phrase(p), category, direction)
        for category, by_direction in data["assertion"].items()
        for direction, phrases in by_direction.items() for p in phrases]
    triggers.sort(key=lambda t: -len(t.words))  # longest first: "no history of" before "no"
    experiencers = {_phrase(p): who for who, phrases in data["experiencer"].items() for p in phrases}
    inflicted = data["inflicted"]
    return Rules(
        window=int(data["window"]),
        termination=_by_first(_phrase(p) for p in data["termination"]),
        pseudo=_by_first(_phrase(p) for p in data["pseudo"]),
        triggers={w: tuple(t for t in triggers if t.words[0] == w) for w in {t.words[0] for t in triggers}},
        experiencers=experiencers,
        mention_persons={**experiencers, **{_phrase(p): who for who, phrases in
                                            data["mention_experiencer"].items() for p in phrases}},
        before=int(data["experiencer_window_before"]), after=int(data["experiencer_window_after"]),
        link_within=int(data["experiencer_link_within"]),
        after_links=frozenset(data["experiencer_after_links"]),
        inflicted_concepts=frozenset(inflicted["concepts"]),
        injury_words=frozenset(inflicted["injury_words"]),
        inflicted_cues=tuple(_phrase(p) for p in inflicted["cues"]),
        inflicting_acts=frozenset(inflicted["acts"]),
        inflicting_phrases=tuple(_phrase(p) for p in inflicted["act_phrases"]),
        injury_agents=frozenset(inflicted["agents"]),
        injury_referring=frozenset(inflicted["referring"]),
        injury_attributions=frozenset(inflicted["attributions"]),
        sentence_roles=tuple((_phrase(p), role) for role, phrases in data["sentence_roles"].items()
                             for p in phrases),
        earlier_cues=frozenset(data["earlier_cues"]),
        recommendation_form=re.compile(data["recommendation_form"], re.I),
        pronoun_of={_phrase(p): pronoun for pronoun, people in data["pronoun_persons"].items()
                    for p in people},
        pronoun_verb_group=frozenset(data["pronoun_verb_group"]),
        narrative_form=re.compile(data["narrative_form"], re.I),
        narrative_verbs=frozenset(data["narrative_verbs"]),
        finding_form=re.compile(data["finding_form"], re.I),
        finding_possessives=frozenset(data["finding_possessives"]),
        finding_determiners=frozenset(data["finding_determiners"]),
        finding_people=frozenset(data["finding_people"]),
        trade_concepts=frozenset(data["trade"]["concepts"]),
        trade_words=frozenset(data["trade"]["words"]),
        trade_window=int(data["trade"]["window"]),
        use_words=frozenset(data["trade"]["use_words"]),
        ingestion_words=frozenset(data["trade"]["ingestion_words"]),
        concern_concepts=frozenset(data["concern_only"]["concepts"]),
        concern_cues=frozenset(data["concern_only"]["cues"]),
        concern_window=int(data["concern_only"]["window"]),
        harmed_determiners=frozenset(data["harmed_person"]["determiners"]),
        criteria_form=re.compile(data["criteria_form"], re.I),
        generic_form=re.compile(data["generic_form"], re.I),
        negative_concepts=frozenset(data["negative_concepts"]),
        concluding_denials=tuple(data["concluding_denials"]),
        anaphoric_denials=tuple(data["anaphoric_denials"]),
        overruled_later=frozenset(data["overruled_later"]),
        person_concepts={k: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in v) + r")s?\b", re.I)
                         for k, v in data["person_concepts"].items()},
        adult_concepts=frozenset(data["adult_concepts"]),
        older_child_concepts={str(k): int(v) for k, v in data["older_child_concepts"].items()},
        care_leaver_concept=str(data["care_leaver"]["concept"]),
        care_leaver_below=int(data["care_leaver"]["below_months"]),
        care_leaver_words=frozenset(w.lower() for w in data["care_leaver"]["words"]),
        teen_concepts=frozenset(data["teen_concepts"]),
        owned_concepts={str(k): str(v) for k, v in data["owned_concepts"].items()},
        afterwards_concepts=frozenset(data["afterwards"]["concepts"]),
        childhood_concept=str(data["own_childhood"]["concept"]),
        harmed_parent_concept=str(data["harmed_person"]["parent_concept"]),
        harmed_parent_harms=frozenset(data["harmed_person"]["parent_harms"]),
        childhood_phrases=tuple(_phrase(p) for p in data["own_childhood"]["phrases"]),
        childhood_reach=int(data["own_childhood"]["reach"]),
        childhood_also=frozenset(data["own_childhood"]["also"]),
        afterwards_cues=tuple(_phrase(p) for p in data["afterwards"]["cues"]),
        sentenced_concepts=frozenset(data["sentenced"]["concepts"]),
        sentenced_cues=tuple(_phrase(p) for p in data["sentenced"]["cues"]),
        elsewhere_concepts=frozenset(data["elsewhere"]["concepts"]),
        elsewhere_cues=tuple(_phrase(p) for p in data["elsewhere"]["cues"]),
        elsewhere_household=re.compile(
            r"\b(?:" + "|".join(map(re.escape, data["elsewhere"]["household_words"])) + r")\b", re.I),
        out_of_contact_concepts=frozenset(data["out_of_contact"]["concepts"]),
        out_of_contact_cues=tuple(_phrase(p) for p in data["out_of_contact"]["cues"]),
        absent_concepts=frozenset(data["absent"]["concepts"]),
        absent_cues=tuple(_phrase(p) for p in data["absent"]["cues"]),
        contrary={str(n): tuple(_phrase(p) for p in cues) for n, cues in data["contrary"].items()},
        sentence_cues=tuple((str(n), re.compile(str(x), re.I | re.X))  # (spaces are layout)
                            for n, xs in data.get("sentence_cues", {}).items() for x in xs))


def _by_first(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases indexed by their first word, longest first: matching looks up one word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(set(phrases), key=len, reverse=True):
        out.setdefault(p[0], []).append(p)
    return {w: tuple(ps) for w, ps in out.items()}


@cache
def _nlp():  # type: ignore[no-untyped-def]
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their offsets (spaCy's rule-based sentencizer).

    Remembered for the last texts split (session 52): a review's account is split by the
    reading of its mentions and again by the check that its injuries were inflicted, and the
    split was a fifth of extraction's time.

    A line break that ends a bullet or a list item also ends a sentence: items are written
    without full stops, and the sentencizer would otherwise join them.  A line wrapped at a
    width (a plain-text report's "His father, whose first language was" over "Arabic, spoke
    fluent English") goes on with the next: cut there, each half was read as a sentence.
    """
    return list(_sentences(text))


@lru_cache(maxsize=2048)
def _sentences(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for run in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        start = run.start()
        for line in _soft_lines(run.group()):
            # (a wrapped line's break is read as a space: the offsets stay the text's)
            doc = _nlp()(line.replace("\n", " "))
            for sent in doc.sents:
                for a, b in _pseudonym_ends(text, start + sent.start_char, start + sent.end_char):
                    if text[a:b].strip():
                        out.append(Sentence(a, b, text[a:b]))
            start += len(line) + 1
    return tuple(out)


#: A sentence that ends on a pseudonym's letter ("... neglect of Child Z. Her older brother
#: ..."): spaCy's tokenizer keeps "Z." as one token, an initial, and ran the two sentences into
#: one (session 50: the brother's harm was read as Child Z's).
_PSEUDONYM_END = re.compile(r"\b(?:Child|Baby|Infant|Sibling|Twin|Young\s+[Pp]erson|Adult)\s+[A-Z]{1,2}\d?\."
                            r"(?=\s+[A-Z\"“‘'])")


def _pseudonym_ends(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The span [a, b) cut after each pseudonym that ends a sentence inside it."""
    cuts = [a + m.end() for m in _PSEUDONYM_END.finditer(text[a:b])]
    spans, at = [], a
    for cut in cuts:
        gap = len(text[cut:b]) - len(text[cut:b].lstrip())
        spans.append((at, cut))
        at = cut + gap
    return [*spans, (at, b)]


#: A line that opens a list's item ("- ", "• ", "3. ", "(b) "): never the rest of the line above.
_ITEM_START = re.compile(r"^\s*(?:[-•*·▪◦–>]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)")
#: A form's or a table's line, its columns set apart by spaces, tabs or dot leaders ("Looked
#: after? ........ [X] Yes   [ ] No"): a row of its own, never wrapped prose.
_COLUMNED = re.compile(r"\S(?: {3,}|\t|\.{4,})\S")
#: Ends of a line after which the text goes on as a new sentence, item or label.
_LINE_END = re.compile(r"[.!?:;]['’\"”)]*\s*$")


def _wrapped_at_width(line: str, following: str) -> bool:
    """Whether a line was cut at a text's width: 50 to 100 characters long, ending on a word in
    lower case or a comma, with a next line no longer than a width (a heading over a paragraph
    kept on one line, "‘We will listen harder’: committee responds to review", is none)."""
    end = line.rstrip()[-1:]
    return 50 <= len(line) <= 100 and len(following) <= 100 and (end == "," or end.islower())


def _soft_lines(block: str) -> list[str]:
    """A block's lines, each line wrapped at a width joined (newline kept) with the line it goes
    on into: the next opens in lower case or the line was cut at a width (:func:`_wrapped_at_width`),
    it ends on no stop, colon or semicolon, the next opens no list item, and neither is a form's
    or a table's row."""
    out: list[str] = []
    for line in block.split("\n"):
        if out and not _ITEM_START.match(line) and not _LINE_END.search(out[-1]) \
                and not _COLUMNED.search(line) and not _COLUMNED.search(out[-1]) and (
                line.lstrip()[:1].islower() or _wrapped_at_width(out[-1].rsplit("\n", 1)[-1], line)):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def sentence_at(sents: list[Sentence], offset: int) -> Sentence | None:
    return next((s for s in sents if s.start <= offset < s.end), None)


_AGE_PREFIX = re.compile(r"^\d+-")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-case words with offsets; "15-year-old's" is read as "year-old's" (remembered for
    the last sentences read: each is read by several rules)."""
    return list(_cached_tokens(text))


@lru_cache(maxsize=4096)
def _cached_tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((_AGE_PREFIX.sub("", m.group().lower().replace("’", "'")), m.start(), m.end())
                 for m in _WORD.finditer(text))


def _find(words: list[str], phrase: tuple[str, ...], i: int) -> bool:
    return tuple(words[i:i + len(phrase)]) == phrase


def _says_any(words: list[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether any of ``phrases`` stands anywhere among a sentence's ``words`` (a phrase is
    looked for only where its first word stands: a third of the time of reading contexts went
    to trying every phrase at every word)."""
    present = set(words)
    return any((p[0] in present if p else bool(words)) and any(
        _find(words, p, k) for k in range(len(words)) if not p or words[k] == p[0]) for p in phrases)


def _ends_at(words: list[str], k: int, r: Rules) -> int:
    """Length of a termination term starting at word ``k`` (0 if none)."""
    return next((len(p) for p in r.termination.get(words[k], ()) if _find(words, p, k)), 0)


def _clause(words: list[str], i: int, j: int, r: Rules) -> tuple[int, int]:
    """The clause around tokens [i, j): bounded by termination terms."""
    lo = 0
    for k in range(i - 1, -1, -1):
        n = _ends_at(words, k, r)
        if n and k + n <= i:
            lo = k + n
            break
    hi = next((k for k in range(j, len(words)) if _ends_at(words, k, r)), len(words))
    return lo, hi


#: Words that set one clause of a sentence against another ("his mother speaks fluent English,
#: but his father needed an interpreter"): each clause keeps its own facts.
_CONTRAST = frozenset({"but", "whereas", "while", "although", "though", "however", "yet"})


def _contrary_scope(words: list[str], i: int, j: int, r: Rules) -> tuple[int, int]:
    """Where words saying the opposite of a mention at [i, j) count: the whole sentence when it
    tells of one person ("His father, whose first language was Arabic, spoke fluent English";
    "Her first language is Polish; she speaks English well": the fluency is in another clause
    of the same person's sentence), else the mention's clause (a sentence that sets clauses
    against each other, or tells of two people: "The father spoke fluent English; the mother
    asked for an interpreter at every appointment")."""
    people = {w.removesuffix("'s").removesuffix("'").removesuffix("s") for w in words
              if r.experiencers.get((w,), "child") != "child"}
    return _clause(words, i, j, r) if _CONTRAST & set(words) or len(people) > 1 else (0, len(words))


def _pseudo_at(words: list[str], k: int, r: Rules) -> int:
    """Length of a pseudo-trigger starting at word ``k`` (0 if none).  (session 88) Not one
    known "for" something: "was not known to services for any drug or alcohol use of his own"
    denies that use, where "a conviction that was not known to services" only says who knew."""
    n = next((len(p) for p in r.pseudo.get(words[k], ()) if _find(words, p, k)), 0)
    return 0 if n and "for" in words[k + n:k + n + 3] and "known" in words[k:k + n] else n


#: Words before a month's name: "in May", "during May", "early May", "3 May".
#: ("and" and "that" are not: "the mother drank and may have used drugs", "injuries that may
#: have been inflicted" keep their hedge)
_BEFORE_MONTH = frozenset({"in", "during", "since", "until", "till", "from", "by", "of", "early",
                           "late", "mid", "end", "between", "to", "before", "after", "last",
                           "next", "this"})


def _the_month(words: list[str], k: int) -> bool:
    """Whether "may" at word ``k`` is the month: a year or a day next to it, or a word that
    introduces a date before it ("In May 2023", "during May", "on 3 May")."""
    before = words[k - 1] if k else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    return after.isdigit() or before.isdigit() or before in _BEFORE_MONTH


#: Words that join alternatives: "drugs or alcohol", "neither drink nor drugs".
_DISJUNCTIONS = frozenset({"or", "nor"})


def _list_start(words: list[str], i: int) -> int:
    """Where the list of alternatives that ends with the word at ``i`` begins: a forward
    trigger's scope reaches every alternative it reaches the first of ("Neither adult was known
    to have misused drugs or alcohol": the window counts to "drugs", and "alcohol" shares it)."""
    while i >= 2 and words[i - 1] in _DISJUNCTIONS:
        i -= 2
    return i


#: A backward trigger's words that point back at what it speaks of ("ruled it out").
_ANAPHORS = frozenset({"it", "them", "this"})
#: Words that open a new predicate after "and": "no relatives nearby and often cancelled visits".
_AUX_AFTER_AND = frozenset({"had", "has", "have", "was", "were", "is", "are", "did", "would",
                            "could", "often", "repeatedly", "regularly", "frequently", "later",
                            "then", "also", "sometimes",
                            # irregular past tenses: "could not sleep and began to self-harm"
                            "began", "became", "went", "took", "told", "ran", "left", "got",
                            "made", "came", "gave", "fell", "kept", "said", "felt", "spent"})


def _new_predicate(words: list[str], a: int, b: int) -> bool:
    """Whether words [a, b) hold "and" opening another predicate of the same subject ("The family
    had no relatives nearby and often cancelled visits"): a forward trigger before it denies or
    hedges only its own predicate, so the mention after it is not in its scope."""
    # (session 63) after "did not" a verb is bare, so a past tense after "and" is a predicate
    # of its own even where it opens the mention ("did not collect his inhalers and missed
    # eleven appointments"); after "was not" it may share the negation ("were not washed and fed")
    bare = a >= 1 and (words[a - 1] == "didn't" or (a >= 2 and words[a - 1] == "not"
                                                    and words[a - 2] in ("did", "does", "do")))
    for k in range(a, min(b, len(words) - 1)):
        # ("did not engage with the plan and repeatedly cancelled visits": the mention itself
        # may open the predicate, its adverb first)
        if words[k] == "and" and (words[k + 1] in _AUX_AFTER_AND
                                  or (words[k + 1].endswith("ed") and (k + 1 < b or bare))):
            return True
        if k > a and words[k] in ("she", "he", "they") and words[k + 1] in _AUX_AFTER_AND \
                and words[k - 1] not in ("that", "whether", "if") \
                and any(w in ("was", "were", "is", "are", "had", "has", "be", "been") for w in words[a:k]):
            # (session 82) "as no local placement was available, she was placed in ...": a clause
            # with its own subject and verb after the trigger's (the comma is no token); not the
            # trigger's own that-clause ("no evidence was found that he had been ...")
            return True
        if k == b - 1:
            break
        # "... no contact with relatives and his mother declined a referral": another subject,
        # then its own verb, opens another clause
        if words[k] == "and" and words[k + 1] in _SUBJECT_AFTER_AND and any(
                w.endswith("ed") or w in _AUX_AFTER_AND for w in words[k + 2:k + 5]):
            return True
    return False


#: Words that open another subject after "and": a pronoun, or a determiner of a noun phrase.
_SUBJECT_AFTER_AND = frozenset({"his", "her", "their", "the", "she", "he", "they"})


#: A form's or a spreadsheet's answer that a field's label does not hold: a checkbox left
#: unticked (REDCap's "Unchecked"), a flag column's 0, N or FALSE.  ("X" is left out: in a
#: checkbox column it is the tick.)
_NO_FLAGS = frozenset({"unchecked", "unticked", "0", "n", "false", "✗", "✘"})
#: ... and an answer that says it is not known ("NK", "Unknown", "Not known"), which states
#: nothing either way.
_UNKNOWN_FLAGS = frozenset({"nk", "unknown", "not known", "n/k", "don't know", "not recorded"})


def _label_says(words: list[str], i: int) -> str | None:
    """What a form's label says of every answer after it: a question or a column that lists
    what is absent ("Which factors were checked and found NOT to be present?: Domestic abuse;
    ...", "Ruled out: neglect") denies them, one that lists what is not known leaves them
    possible; None when the mention follows no such label (a colon among the words before it,
    the label short and first in the sentence)."""
    colon = next((k for k in range(i - 1, -1, -1) if words[k] == ":"), None)
    if colon is None or colon > 30 or words.index(":") != colon \
            or any(words[k] in _VERBS for k in range(colon + 1, len(words))):
        return None  # (no label: "The review ruled out neglect: domestic abuse was present")
    label = " ".join(words[:colon])
    if _ABSENT_LABEL.search(label):
        return "negated"
    if _UNKNOWN_LABEL.search(label):
        return "possible"
    return None


#: Verbs that make the words after a colon a clause, not a list of answers.
_VERBS = frozenset({"was", "were", "is", "are", "had", "has", "have", "been", "did", "does"})
#: A label that lists what was found absent, and one that lists what was not known.
_ABSENT_LABEL = re.compile(r"\b(?:not\s+(?:to\s+be\s+|be\s+)?(?:present|found|identified|evident|a\s+factor)|"
                           r"absent|ruled\s+out|no\s+evidence(?:\s+of)?|excluded)\b")
_UNKNOWN_LABEL = re.compile(r"\b(?:not\s+known|unknown|unclear|not\s+recorded)\b")


def assertion_of(words: list[str], i: int, j: int, r: Rules) -> str:
    """The assertion of the mention at tokens [i, j) of a sentence's ``words``."""
    lo, hi = _clause(words, i, j, r)
    if lo == 0 and i <= 3 and hi == j < len(words) - 1 and words[j] == ":":
        # a field's label and its answer: "Domestic abuse: none known", "Physical abuse: ruled
        # out by the paediatrician" (the colon ends no clause between them)
        hi = _clause(words, j + 1, j + 1, r)[1]
        answer = " ".join(words[j + 1:hi])
        if answer in _NO_FLAGS:
            return "negated"  # a form's flag column: "Neglect: Unchecked", "Physical abuse: 0"
        if answer in _UNKNOWN_FLAGS:
            return "possible"  # "Parental MH: NK": the report does not know
        if hi - (j + 1) <= 5 and any(t.category == "negated" and _find(words, t.words, j + 1)
                                     for t in r.triggers.get(words[j + 1], ())):
            return "negated"  # a short answer that denies it: "Neglect: no evidence", "Neglect: No"
    if (said := _label_says(words, i)) is not None:
        return said  # "Factors found NOT to be present: domestic abuse; ...": the label denies it
    first = _list_start(words, i)
    best: tuple[int, str] | None = None
    seen: set[str] = set()
    k = lo
    while k < hi:
        skip = _pseudo_at(words, k, r)
        if skip:
            k += skip
            continue
        if words[k] == "may" and _the_month(words, k):
            k += 1  # "in May 2023 after an overdose": the month, not a hedge
            continue
        for t in r.triggers.get(words[k], ()):
            if not _find(words, t.words, k):
                continue
            end = k + len(t.words)
            if (t.direction == "forward" and end <= i and first - end < r.window
                    and not _new_predicate(words, end, first)):
                distance = max(first - end, 0)
            elif (t.direction == "backward" and k >= j and k - j < r.window
                    and (_ANAPHORS & set(t.words) or not _new_predicate(words, j, k + 1))):
                # ("a conviction for violence and was not known to the school": "and was" opens
                # another predicate of the man, whose own "not known" does not deny it; but in
                # "considered neglect and ruled it out" the trigger's "it" is the mention)
                distance = k - j
            else:
                continue
            seen.add(t.category)
            if best is None or distance < best[0]:
                best = (distance, t.category)
            break
        k += 1
    if best is None and hi < len(words):
        # "the father drank heavily, but this was never confirmed": a hedge that opens with the
        # word ending the clause speaks of that clause
        for t in r.triggers.get(words[hi], ()):
            if t.direction == "backward" and _find(words, t.words, hi) and hi - j < r.window:
                return t.category
    if best and best[1] == "historical" and "negated" in seen:
        return "negated"  # "no known history of": when something happened does not undo "no"
    return best[1] if best else "affirmed"


def _doer_before_when(words: list[str], lo: int, i: int, phrase: tuple[str, ...],
                      table: dict[tuple[str, ...], str], longest: int, covered: set[int]) -> str | None:
    """(session 44) The person before "when <person> was <age> and <the mention>": "His mother's
    partner moved in when R was five and drank heavily every day" is the partner's drinking,
    not R's; the nearest person before the "when" clause, or None when the clause is not that."""
    at = max((k for k in range(lo, i) if tuple(words[k:k + len(phrase)]) == phrase), default=-1)
    end = at + len(phrase)
    if at < 1 or words[at - 1] != "when" or end >= i or words[end] not in ("was", "were") \
            or "and" not in words[end:i]:
        return None
    # ("when" ends a clause: the doer stands in the one before it)
    doer = _nearest_before(words, at - 1, max(0, at - 13), table, longest, covered)
    return doer[1] if doer and doer[1] != "child" else None


def experiencer_of(words: list[str], i: int, j: int, r: Rules, names: Iterable[tuple[str, ...]] = (),
                   default: str = "unstated", subject: str | None = None,
                   continues: tuple[str, str] | None = None, own_words: bool = True) -> str:
    """Whom the mention at tokens [i, j) is about: the nearest experiencer trigger in its clause.

    ``names`` are the review's pseudonyms as word tuples ("child", "a"): they name the child.
    Before the mention the nearest trigger wins; after it, only a trigger introduced by a link
    word ("misuse by the father") counts.
    """
    lo, hi = _clause(words, i, j, r)
    if words[lo:lo + 1] == ["own"] and i - lo <= 2:
        return "child"  # a record's "Own alcohol use; missing from home": its child's own
    table, longest = _experiencer_table(r, tuple(names))
    covered = {k + n for k in range(lo, hi) for n in range(_pseudo_at(words, k, r))}
    # ``own_words``: whether a person word inside the mention names whom it is about; in a
    # concept that says people are absent ("no friends or family nearby") they are not the person
    if (words[i] in _REFLEXIVE and i >= 2 and subject and words[i - 2] == subject
            and words[i - 1] in ("had", "has", "was") and not (continues and continues[0] == subject)):
        # (session 62) "he had himself been sexually abused by an uncle": "he" the account's
        # child (no one the sentence before named), whatever "by" names after it
        return "child"
    if subject and j - i == 3 and words[i] in _REPORTING and words[i + 1] == _OBJECT_PRONOUN.get(subject):
        # (session 83) "His mother had reported him missing": the one reported is "him", the
        # account's boy, whoever reported it
        return "child"
    # (session 62) a person after "by" in the mention is its doer: "killed by the mother's partner"
    upto = next((k for k in range(i, j) if words[k] == "by"), j)
    inside = own_words and _nearest_before(words, upto, i, r.mention_persons, longest, covered)
    if inside and inside[1] != "child":
        return inside[1]  # a label that names its person: "[mother had been in care] as a child"
    found = _nearest_before(words, i, max(lo, i - r.before), table, longest, covered)
    if found and found[1] != "child" and _agent_before_and(words, i, found[0]):
        found = None  # (session 81) "exploited by adult men and [went missing]": the men did the one
    pronoun = _pronoun_subject(words, i, lo, r)
    if not found and subject and pronoun and pronoun != subject and _OTHERS_OWN[subject] in [
            words[k] for k in range(i, j - 1) if words[k + 1] == "own"]:
        # (session 74) "... she was killed by her father; he then [took his own life]": a girl's
        # review, a clause of its own whose subject is "he", and the life is his
        return "other"
    person_pronoun = found and (r.pronoun_of.get(found[0]) or r.pronoun_of.get(found[0][-1:]))
    if found and pronoun and person_pronoun and person_pronoun != pronoun:
        # "his mum told the teacher [he was drinking] most weekends": the drinker is "he", not
        # the nearer "mum": the child when the account's pronoun is his, else nobody named
        return "child" if subject == pronoun else default
    if not found and "during" in words[max(lo, i - 5):i]:
        # (session 43) "his mother tried to smother him during an acute psychotic episode": a
        # state "during" which someone acted is the doer's, the person named before the act
        at = max(k for k in range(max(lo, i - 5), i) if words[k] == "during")
        doer = _nearest_before(words, at, max(lo, at - 12), table, longest, covered)
        if doer and doer[1] != "child" and not _SUBJECT_PRONOUNS.intersection(words[at:i]):
            return doer[1]  # (not "during the summer he became psychotic": his own)
    if found and (doer := _doer_before_when(words, lo, i, found[0], table, longest, covered)):
        return doer
    if found:
        phrase, who = found
        if phrase[-1] in _REFLEXIVE and (lo == 0 or words[lo - 1] in _RELATIVE):
            # "her own childhood", "was herself a looked after child": whose own is the
            # sentence's subject's ("Child L's mother spent her own childhood in care");
            # the child only when no one else opens the sentence
            return (_relative_subject(words, i, table, longest, covered)
                    or _subject_of(words, i, table, longest, covered) or who)
        at = max((k for k in range(lo, i) if words[k] == phrase[-1]), default=-1) \
            if phrase[-1] in _REFLEXIVE else -1
        if at > lo and words[at - 1] in _COPULAS:
            # (session 43) "her mother was 16 and was herself a looked-after child": who "was
            # herself" is the clause's person before it, not the account's girl
            person = _nearest_before(words, at, lo, table, longest, covered)
            return person[1] if person else who
        return who
    for k in range(j, min(hi, j + r.link_within)):
        if words[k - 1].endswith("ed") and (k > j or words[k] == "by"):
            # "neglect raised by the health visitor": the agent of another verb; (session 62)
            # "killed by the mother's partner", "exploited by adult men": the doer of a passive
            # mention, not whom it is about
            break
        if words[k] in ("and", "but", "or"):
            break  # "dependent on alcohol, and for several years Erin had ...": another clause
        if words[k] == "of" and words[k - 1] in ("because", "instead"):
            # (session 72) "a child in need plan because of her mother's alcohol misuse": a
            # cause, not whose the plan was
            break
        if words[k] == "by" and _REPORTING.intersection(words[i:j]):
            break  # (session 46) "he had been reported missing by his mother": she reported it
        if words[k] == "from" and words[k - 1] == "away":
            break  # (session 82) "placed ... in another Trust area, away from his friends": a distance
        if words[k] in r.after_links and k + 2 < len(words) and words[k + 2] == "own" \
                and lo > 1 and words[lo - 1] in _RELATIVE:
            break  # (session 56) "her mother, who had difficulties of her own": the mother's
        if words[k] in r.after_links:
            who = _named_after(words, k + 1, min(hi, k + 1 + r.after), table, longest)
            if who:
                return who
    if j < len(words) and words[j] in _REFLEXIVE and words[j] != "own":
        # "Her mother, who was 17, had been in care herself": the sentence's subject
        who = (_relative_subject(words, i, table, longest, covered)
               or _subject_of(words, i, table, longest, covered))
        if who:
            return who
    if lo > 1 and words[lo - 1] in _RELATIVE and default == "unstated":
        # "His mother, who has a learning disability, ...": in the account, a relative clause
        # is about the person just before it (in learning, "a child who is placed ..." is any child)
        found = _nearest_before(words, lo - 1, max(0, lo - 4), table, longest, covered)
        if found:
            return found[1]
    # the person the sentence opens with, and that person's pronoun ("Her mother": "she")
    opening = _opening_phrase(words, min(4, i), table, longest, covered) if default == "unstated" else None
    opener = opening and (r.pronoun_of.get(opening) or r.pronoun_of.get(opening[-1:]))
    if opening and table[opening] != "child" and opener and opener == _and_clause_pronoun(words, lo, i):
        # (session 83) "Child X's mother had herself been on a plan ..., and she spent two years
        # in foster care": the later clause's "she" goes on with the sentence's subject, the
        # mother, whether the account's child is a boy or a girl
        return table[opening]
    if lo > 0 and default == "unstated" and subject and words[lo] == subject \
            and _subject_of(words, lo, table, longest, covered) in (None, "child"):
        # "Callum was 16 when he died after taking street benzodiazepines": a clause whose
        # subject is the account's pronoun for the child, in a sentence about the child
        return "child"
    if lo > 0 and default == "unstated" and (who := _clause_subject(words, lo, i, table, longest, r,
                                                                   subject)):
        return who  # "...; his father had been detained under the Mental Health Act"
    if lo > 0 and default == "unstated" and words[lo - 1] in _SUBORDINATORS and words[lo].endswith("ing") \
            and (who := _subject_of(words, i, table, longest, covered)):
        # (session 50) "Baby M's half-sister had died suddenly in 2014, ..., while sharing a sofa
        # with her father": a clause of "while" and a verb in -ing has the sentence's subject
        return who
    if default != "unstated" or lo > 0:
        return default  # a subordinate clause ("..., who had been drinking") has its own subject
    if pronoun and pronoun == subject and opening and "and" in words[lo:i] and opener not in (None, pronoun):
        # (session 83) "His mother had reported him missing eleven times, and he was using
        # cannabis": a later clause's "he" is not the mother the sentence opens with, but the
        # account's boy
        return "child"
    who = _subject_of(words, i, table, longest, covered)
    if who:
        return who  # "Baby R's mother had spent most of her teenage years in foster care"
    pronoun_at = _opening_pronoun(words, i, table, longest)
    if continues and pronoun_at is not None and words[pronoun_at] == continues[0]:
        return continues[1]  # "Her mother used heroin. She had been depressed": the mother
    if subject and pronoun_at is not None and words[pronoun_at] == subject:
        # "She had been drinking ...", "By 14 he was using cannabis daily": in the account of a
        # girl's (a boy's) case, the sentence's subject pronoun is the child's
        return "child"
    if default == "unstated" and any(words[k:k + 2] == ["child", "protection"] or words[k:k + 3] == [
            "child", "in", "need"] for k in range(lo, i)):
        # (session 50) "He had been on a child protection plan under the category of neglect":
        # the plan is a child's, the account's, when the sentence names nobody else (its
        # "child" names no one: "Her older brother was on a child protection plan" is his)
        return "child"
    return default


def _and_clause_pronoun(words: list[str], lo: int, i: int) -> str | None:
    """The subject pronoun of the clause "and" opens before word ``i`` (", and she spent two years
    in [foster care]"): "he" or "she" straight after the last "and" before it, within eight words."""
    at = next((k for k in range(i - 1, max(lo, i - 9) - 1, -1) if words[k] == "and"), None)
    return words[at + 1] if at is not None and at + 1 < i and words[at + 1] in ("he", "she") else None


def _clause_subject(words: list[str], lo: int, i: int, table: dict[tuple[str, ...], str], longest: int,
                    r: Rules, subject: str | None) -> str | None:
    """Whom a later clause of a sentence is about when it opens with a person before the mention
    at ``i`` ("...; his father had been detained under the Mental Health Act"), or with "he" or
    "she" going on with the person the sentence opened with, when that is not also the child's
    pronoun ("The father had a history of self-harm; he had attempted suicide")."""
    start = lo + 1 if words[lo] in ("and", "but", "then", "so") else lo
    if start >= i:
        return None
    if words[start] in ("he", "she"):
        opener = _opening_person(words, table, longest, r)
        return opener[1] if opener and opener[0] == words[start] and subject != words[start] else None
    phrase = _opening_phrase(words[start:], min(4, i - start), table, longest)
    if phrase and start + len(phrase) < len(words) and table[phrase] != "child" \
            and any(w in _AUXILIARIES for w in words[start + len(phrase):start + len(phrase) + 2]):
        return table[phrase]
    return None


#: Words of an opening adverbial of time ("Over the same period", "On several occasions").
_TIME_NOUNS = frozenset({"period", "occasion", "occasions", "time", "times", "week", "weeks",
                         "month", "months", "year", "years", "summer", "autumn", "winter",
                         "spring", "term", "age", "following", "next", "weekend", "weekends"})
#: How many words of an opening adverbial may stand before a sentence's subject pronoun ("Over
#: the same period she ...", "On several of those occasions she ...").
_ADVERBIAL_WORDS = 6


def _opening_pronoun(words: list[str], i: int, table: dict[tuple[str, ...], str],
                     longest: int) -> int | None:
    """Where the sentence's subject pronoun ("he", "she") stands, when it opens the sentence or
    follows an opening adverbial that names nobody ("By 14 he was ..."), before the mention."""
    for k in range(min(i, _ADVERBIAL_WORDS + 1)):
        if words[k] in ("he", "she"):
            # (after "Probation noted", "he" is the subject of what was noted, not the sentence's;
            # after "In fact" a new turn, not a time of the child's account)
            return k if k == 0 or (words[0] in _OPENING_PREPOSITIONS and any(
                w.isdigit() or w in _TIME_NOUNS for w in words[1:k])) else None
        if any(tuple(words[k:k + n]) in table for n in range(1, longest + 1)):
            return None  # a person (or the child's name) opens the sentence: not a pronoun's
    return None


def _agent_before_and(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """(session 81) Whether ``phrase``, the person nearest before the mention at word ``i``, is
    the doer of a passive verb ("by" up to three words before it) and the mention's verb is
    joined to that verb by "and" ("she was exploited by adult men and went missing"): then the
    mention is the sentence's subject's, not the doer's."""
    n = len(phrase)
    end = next((k for k in range(i - 1, n - 2, -1) if tuple(words[k - n + 1:k + 1]) == phrase), None)
    if end is None:
        return False
    between = words[end + 1:i]
    return "by" in words[max(0, end - n - 2):end - n + 1] and between[:1] == ["and"] and len(between) <= 3


def _pronoun_subject(words: list[str], i: int, lo: int, r: Rules) -> str | None:
    """"he" or "she" as the subject of the verb group a mention at word ``i`` opens ("he was
    drinking"), with at most three auxiliaries or adverbs between, inside its clause."""
    k = i - 1
    while k >= lo and i - k <= 4 and words[k] in r.pronoun_verb_group:
        k -= 1
    return words[k] if k >= lo and k < i and words[k] in ("he", "she") else None


#: The object pronoun of the account's child's subject pronoun ("reported him missing").
_OBJECT_PRONOUN = {"he": "him", "she": "her"}
#: The possessive of the other sex than the account's child's pronoun ("his own" in a girl's).
_OTHERS_OWN = {"she": "his", "he": "her"}


#: Words that open a relative clause about the person before them.
_RELATIVE = frozenset({"who", "whose"})


def _relative_subject(words: list[str], i: int, table: dict[tuple[str, ...], str], longest: int,
                      covered: set[int]) -> str | None:
    """The person a relative clause before word ``i`` is about: "Child K lived with her mother,
    who ... had herself spent her adolescence in care" (a reflexive there is the mother's, not
    the sentence's subject's)."""
    w = next((k for k in range(i - 1, 0, -1) if words[k] in _RELATIVE), None)
    if w is None:
        return None
    found = _nearest_before(words, w, max(0, w - 4), table, longest, covered)
    return found[1] if found else None


def _nearest_before(words: list[str], k: int, stop: int, table: dict[tuple[str, ...], str],
                    longest: int, covered: set[int]) -> tuple[tuple[str, ...], str] | None:
    """The trigger phrase nearest before word ``k`` (ending at ``stop`` or later) and whom it
    names: the longest phrase ending at each word, words inside a pseudo-trigger ("with older
    friends") skipped."""
    for end in range(k - 1, stop - 1, -1):
        if end in covered:
            continue
        for n in range(min(longest, end + 1), 0, -1):
            phrase = tuple(words[end - n + 1:end + 1])
            if phrase in table:
                if table[phrase] == "child" and _marks_time(words, end - n + 1, end):
                    break  # "depression after R's birth": a time, not whom it is about
                return phrase, table[phrase]
    return None


#: Words after a child's name that make it a time ("since O's birth") and ordinals before "child"
#: that make it another one ("after her first child").
_TIME_AFTER = frozenset({"birth", "birthday", "arrival", "childhood", "infancy", "life"})
_ORDINALS = frozenset({"first", "second", "third", "previous", "next", "older", "younger",
                       "elder", "eldest", "youngest", "another"})
#: Words that open a time clause: "since she was a teenager", "when he was a child".
_TIME_CLAUSE = frozenset({"since", "when", "until", "while", "whilst"})


def _marks_time(words: list[str], start: int, end: int) -> bool:
    """Whether a child's words at [start, end] only date what the sentence says of someone else:
    "low mood after R's birth", "postnatal depression after her first child", "known to adult
    services since she was a teenager", "in care as a child"."""
    if end + 1 < len(words) and words[end + 1] in _TIME_AFTER:
        return True
    if start > 0 and words[start - 1] in _ORDINALS:
        return True
    before = words[max(0, start - 4):start]
    return before[-1:] in (["a"], ["an"]) and (
        before[-2:-1] == ["as"] or (len(before) == 4 and before[0] in _TIME_CLAUSE
                                    and before[2] in ("was", "were")))


#: Words that refer back to the subject of their sentence.
_REFLEXIVE = frozenset({"own", "herself", "himself", "themselves"})


def _named_after(words: list[str], start: int, stop: int, table: dict[tuple[str, ...], str],
                 longest: int) -> str | None:
    """The first person named in words [start, stop) after a link word ("misuse by the father").

    A possessive names its owner, not the person: in "the birth of Child A's younger brother" it
    is the brother, so a possessive followed closely by another person defers to that person.
    """
    for m in range(start, stop):
        for n in range(min(longest, stop - m), 0, -1):
            who = table.get(tuple(words[m:m + n]))
            if not who:
                continue
            if words[m + n - 1].endswith(("'s", "s'")):
                if m + n < len(words) and words[m + n] in _TIME_AFTER:
                    continue  # "prescribed antidepressants by her GP since Q's birth": a time
                head = _named_after(words, m + n, min(stop + 2, len(words), m + n + 3), table,
                                    longest)
                if head == "sibling" and who != "child":
                    return "other"  # "her stepfather's brother": his brother, not the child's
                return head or who
            return who
    return None


def _subject_of(words: list[str], i: int, table: dict[tuple[str, ...], str], longest: int,
                covered: set[int] | frozenset[int] = frozenset()) -> str | None:
    """Whom a sentence's opening noun phrase names, when it opens with one: the last trigger in
    its first four words ("Baby R's mother" is the mother), if that lies before the mention;
    words inside a pseudo-trigger ("The health visitor ...") name nobody."""
    told = next((k for k in range(2, min(6, i)) if words[k] == "that" and words[k - 1] in _TELLING), None)
    if told is not None:
        # (session 50) "The review notes that Baby E's older brother was taken into care ...
        # because of neglect": the subject is the reported clause's
        return _subject_of(words[told + 1:], i - told - 1, table, longest,
                           {k - told - 1 for k in covered if k > told})
    skip = next((k for k, w in enumerate(words) if not w.isdigit()), 0)
    if skip:  # "2.2 Baby Y's father had ...": a paragraph number is not the subject's words
        covered = set(covered) | set(range(skip))
    phrase = None
    if words and words[0] in _OPENING_PREPOSITIONS:
        # "After his father's death L was anxious": the person inside an opening adverbial is
        # not the subject when one with its verb follows it
        phrase = _subject_after_adverbial(words, i, table, longest, covered)
    phrase = phrase or _opening_phrase(words, min(4 + skip, i), table, longest, covered)
    return table[phrase] if phrase else None


#: Words that open a clause with no subject of its own before a verb in -ing ("while sharing").
_SUBORDINATORS = frozenset({"while", "whilst", "after", "when", "before"})
#: A report's verbs of telling before what it tells: "The review notes that ...".
_TELLING = frozenset({"notes", "noted", "found", "finds", "says", "said", "records", "recorded", "reports",
                      "reported", "explains", "explained", "describes", "described", "observes", "observed"})
#: Verbs before a predicative reflexive ("was herself a looked-after child").
_COPULAS = frozenset({"was", "were", "is", "are", "been", "had", "has"})
#: Pronouns that open a clause of their own ("during the summer he became ...").
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
#: Words that open an adverbial before a sentence's subject ("In the previous six months P had").
_OPENING_PREPOSITIONS = frozenset({"in", "from", "during", "over", "after", "before", "by", "on",
                                   "at", "within", "throughout", "for", "until", "since"})
#: Words after a subject that show it is one: "P had", "the father was".
_AUXILIARIES = frozenset({"had", "has", "was", "were", "is", "are", "would", "could", "did",
                          "told", "said", "became", "began", "started"})


def _subject_after_adverbial(words: list[str], i: int, table: dict[tuple[str, ...], str],
                             longest: int, covered: set[int] | frozenset[int]
                             ) -> tuple[str, ...] | None:
    """The subject after a sentence's opening adverbial, before the mention at ``i``: the first
    trigger in the next ten words that a verb follows ("In the previous six months P had been
    reported missing ... and was drinking alcohol": P's)."""
    for k in range(1, min(11, i)):
        if k in covered:
            continue
        for n in range(min(longest, i - k), 0, -1):
            if tuple(words[k:k + n]) in table and k + n < len(words) and words[k + n] in _AUXILIARIES:
                return tuple(words[k:k + n])
    return None


def _opening_phrase(words: list[str], limit: int, table: dict[tuple[str, ...], str], longest: int,
                    covered: set[int] | frozenset[int] = frozenset()) -> tuple[str, ...] | None:
    """The last trigger phrase among a sentence's first ``limit`` words: its opening noun
    phrase's person ("Baby R's mother" is "mother")."""
    found = None
    inside = 0  # (a phrase's own words name no one else: "mother's sister" is no sister)
    for k in range(limit):
        if k < inside or k in covered or words[k] in _REFLEXIVE:
            continue  # "His mother had herself ...": the reflexive names no one new
        for n in range(min(longest, limit - k), 0, -1):
            if tuple(words[k:k + n]) in table:
                found = tuple(words[k:k + n])
                inside = k + n
                break
    return found


@lru_cache(maxsize=256)
def _experiencer_table(r: Rules, names: tuple[tuple[str, ...], ...]
                       ) -> tuple[dict[tuple[str, ...], str], int]:
    """The trigger table with the review's pseudonyms as the child, and its longest phrase:
    built once per review, not once per mention."""
    table = {**r.experiencers, **{name: "child" for name in names}}
    return table, max(map(len, table))


def inflicted(words: list[str], r: Rules) -> bool:
    """Whether the sentence says an injury was inflicted: a cue of ``inflicted`` is present and
    is itself affirmed ("doctors suspected the injuries were non-accidental" says it may be)."""
    for k in range(len(words)):
        for cue in r.inflicted_cues:
            if cue and words[k] == cue[0] and _find(words, cue, k) and assertion_of(
                    words, k, k + len(cue), r) in ("affirmed", "historical"):
                return True
        if words[k] in r.injury_words and k + 1 < len(words) and words[k + 1] == "by" and any(
                w in r.injury_agents for w in words[k + 2:k + 6]) and assertion_of(
                words, k, k + 2, r) in ("affirmed", "historical"):
            return True  # "seriously injured by her mother's partner"
    return False


def injuries_attributed(text: str, r: Rules | None = None) -> bool:
    """Whether an account says, in any of its sentences, that the injuries it tells were
    inflicted: a sentence that refers back to them ("the injuries", "his fractures") and says
    they were inflicted or caused by someone ("His father was later convicted of causing the
    injuries", "The court found that the fractures were non-accidental")."""
    r = r or rules()
    lowered = text.lower().replace("’", "'")
    if not any(word in lowered for word in r.injury_words):
        return False  # (no injury word anywhere: no sentence to split; most accounts)
    for sent in sentences(text):
        words = [t[0] for t in _tokens(sent.text)]
        for k, word in enumerate(words):
            if word not in r.injury_words or k == 0 or words[k - 1] not in r.injury_referring:
                continue
            caused = [a for a in range(max(0, k - 5), k) if words[a] in r.injury_attributions]
            # (affirmed: "no one was ever found responsible for the injuries" says nobody was)
            if any(assertion_of(words, a, a + 1, r) in ("affirmed", "historical") for a in caused) \
                    or inflicted(words, r):
                return True
    return False


def _injuries_inflicted(sentence: str, r: Rules) -> bool:
    """Whether a sentence next to an injury's says it was inflicted: of injuries ("the injuries
    had been inflicted and were not consistent with the account given"), or by telling an act
    done to a person ("was punched in the face", "later admitted shaking him")."""
    words = [t[0] for t in _tokens(sentence)]
    if bool(r.injury_words & set(words)) and inflicted(words, r):
        return True
    return any((w in r.inflicting_acts or any(_find(words, p, k) for p in r.inflicting_phrases))
               and assertion_of(words, k, k + 1, r) in ("affirmed", "historical")
               for k, w in enumerate(words))


#: A page's note that a name is a pseudonym, "Mali and Elan (not their real names), were
#: sexually abused ...", "Ffion, not her real name, ...": no negation of what the sentence says
#: (blanked, offsets kept, before the sentence's context is read; session 60).
_PSEUDONYM_NOTE = re.compile(PSEUDONYM_NOTE.pattern
                             + r"|(?<=,)\s*not\s+(?:her|his|their)\s+real\s+names?\s*(?=,)", re.I)


def assess(sentence: str, start: int, end: int, notation: str, section: str,
           names: Iterable[tuple[str, ...]] = (), r: Rules | None = None,
           subject: str | None = None, continues: tuple[str, str] | None = None,
           following: str = "", preceding: str = "", attributed: bool = False) -> Context:
    """Context of the mention at ``sentence[start:end]`` of concept ``notation`` in ``section``.

    Outside the account of the case, a mention with no family member named is about practice
    in general.  ``subject`` is the pronoun of the review's one child ("she"): a sentence of the
    account that opens with it, and names nobody nearer the mention, is about the child, unless
    ``continues`` says the pronoun goes on with the previous sentence's subject (``carried``).
    ``following`` and ``preceding`` are the sentences around it: "... a skull fracture. The
    opinion was that the injuries had been inflicted." says the fracture was inflicted;
    ``attributed``, that the account says so elsewhere (:func:`injuries_attributed`).
    """
    r = r or rules()
    sentence = _PSEUDONYM_NOTE.sub(lambda m: " " * len(m.group()), sentence)
    toks = _tokens(sentence)
    words = [t[0] for t in toks]
    i = next((n for n, t in enumerate(toks) if t[2] > start), len(toks))
    j = next((n for n, t in enumerate(toks) if t[1] >= end), len(toks))
    j = max(j, i + 1)
    # a relative clause set off before the mention is no part of its clause: neither its people
    # (whom) nor, for a harm, its negation ("His mother's partner, who was never seen by the
    # health visitor, was convicted of his murder": the murder is affirmed).  A risk factor
    # keeps it: "A former partner, who had no contact with the family, had convictions" is
    # no fact of the household, and the clause's "no" is what says so (tried, session 42: the
    # out-of-contact cues for convictions and illness lost more than they kept)
    kept, ki, kj = _without_relative_clause(sentence[:start], toks, words, i, j)
    assertion = assertion_of(kept, ki, kj, r) if notation.startswith("H-") else assertion_of(words, i, j, r)
    if _UNTICKED.search(sentence[:start]):
        assertion = "negated"  # a form's box left empty: "[ ] Neglect   [X] Self-harm"
    if assertion == "negated" and notation in r.negative_concepts:
        assertion = "affirmed"  # "none of the agencies knew he was living there": what RF-MEN is
    if assertion == "negated" and _own_list_item(sentence[:end]):
        assertion = "affirmed"  # "a home with no heating, a broken cooker and very little food"
    if notation in r.absent_concepts and _says_any(words, r.absent_cues):
        assertion = "negated"  # "not known to services and played no part in her life"
    scope = _contrary_scope(words, i, j, r) if notation in r.contrary else (0, 0)
    if notation in r.contrary and _says_any(words[slice(*scope)], r.contrary[notation]):
        assertion = "negated"  # "both speak fluent English and no interpreter was needed"
    if assertion == "affirmed" and sentence.rstrip(" \"'”’)").endswith("?"):
        assertion = "possible"  # "Was she sexually exploited?": a question asserts nothing
    # (attributed elsewhere in the account, except an earlier injury the sentence tells as
    # noticed or known before, "the GP noticed a bruise": a sign then, not the harm reviewed)
    attributed = attributed and not r.earlier_cues & set(words)
    if (assertion == "affirmed" and notation in r.inflicted_concepts
            and set(words[i:j]) & r.injury_words and not inflicted(words, r) and not attributed
            and not _injuries_inflicted(following, r) and not _injuries_inflicted(preceding, r)):
        assertion = "possible"  # injuries the page does not say were inflicted
    if (assertion == "affirmed" and notation in r.concern_concepts
            and r.concern_cues & set(words[max(0, i - r.concern_window):j + 2])):
        assertion = "possible"  # "a plan under the category of neglect": a worry, not the account
    default = "unstated" if section == "case" else "general"
    if _another_reviews_child(sentence, words, names, preceding):
        # "... echo the review published in 2016 about Child K": that child's harm, not this one's
        return Context(assertion, "other", harmed_other=True)
    if notation in r.trade_concepts and _traded(words, i, j, r):
        return Context(assertion, "other")  # drugs sold or carried: others' use, not the family's
    if notation in r.trade_concepts and r.ingestion_words & set(words[max(0, i - 2):i]):
        # "who swallowed methadone": the ingestion is the harm; a parent's misuse is a fact only
        # where the sentence says whose the drug was ("prescribed to his mother", "his father's
        # methadone"), else it is no one's of the family ("cocaine left within reach")
        return Context(assertion, _drug_owner(words, i, r, names) or "other")
    if notation in r.elsewhere_concepts and _says_any(words, r.elsewhere_cues) \
            and not r.elsewhere_household.search(sentence[start:end]):
        # "abuse in a previous relationship": not this household; (session 67) but a mention that
        # names the mother ("his father was violent towards his mother; ... convictions for
        # assaulting a former partner") is this household's whatever else the sentence says
        return Context(assertion, "other")
    if notation in r.out_of_contact_concepts and _says_any(words, r.out_of_contact_cues):
        return Context(assertion, "other")  # "... drug use but had had no contact with them"
    # (read only for the concepts a parent's childhood re-reads: the harms, and ``also``)
    childhood = (notation.startswith("H-") or notation in r.childhood_also) and _parents_childhood(
        words, i, j, r, names, continues)
    harmed = (_done_to_other(sentence, toks, words, i, j, r, names)
              or _suffered_by_other(words, i, j, r, names, continues)
              or _done_to_her(words, i, j, r, subject))
    harmed_other = bool(harmed) or childhood
    if notation in r.owned_concepts:
        # "swallowed her mother's methadone", "an overdose of her mother's tablets": whose the
        # drug is, not who took it ("the mother's overdose" is still hers: before the mention,
        # only a substance's owner is masked)
        first = 0 if r.owned_concepts[notation] == "all" else i
        words = [w if k < first or not w.endswith("'s") or r.experiencers.get((w,), "child") == "child"
                 else "" for k, w in enumerate(words)]
        kept, ki, kj = _without_relative_clause(sentence[:start], toks, words, i, j)
    who = experiencer_of(kept, ki, kj, r, names, default, subject, continues,
                         own_words=notation not in r.negative_concepts)
    if (words[j:j + 1] == ["prescribed"] and words[j + 1:j + 2] in (["to"], ["for"])
            and not notation.startswith("H-")):  # (a child who swallowed them was still harmed)
        # "an overdose of antidepressants prescribed to her mother": the medicine is hers
        table, longest = _experiencer_table(r, tuple(names))
        who = _named_after(words, j + 2, min(len(words), j + 6), table, longest) or who
    if who == "sibling" and notation.startswith("H-") and _sibling_agent(words, i, j, r):
        who = default  # "was physically assaulted by her older brother": the agent of her harm
    if who == "sibling" and (_names_several(words, names) or _the_several(words, names)):
        who = "child"  # "Children A and B, a boy aged 6 and his sister aged 8, who lived with
        # long-term neglect": the sister is one of the review's own children
    afterwards = (notation in r.afterwards_concepts and _says_any(words, r.afterwards_cues)) or (
        notation in r.sentenced_concepts and _says_any(words, r.sentenced_cues))
    return Context(assertion, who, harmed_other=harmed_other, afterwards=afterwards, childhood=childhood,
                   harmed_parent=harmed == "parent" and not childhood)


#: A catalogue pseudonym in a sentence about a review: "the significant case review the committee
#: published in 2016 about Child K".
_OTHER_REVIEW_CHILD = re.compile(r"\breview\b[^.;]{0,80}?\b(?:about|of|into|concerning)\s+"
                                 r"(?P<name>(?:Child|Baby)\s+[A-Z]{1,2})\b")


#: A sentence that opens with another review told just before, not this one ("That review found
#: ...", "The earlier serious case review concluded ...").
_THAT_REVIEW = re.compile(r"\s*(?:That|The\s+(?:earlier|previous|former|first|older|other))\s+"
                          r"(?:(?:serious|significant|case|practice|learning|child|local|safeguarding)\s+)*"
                          r"(?:review|SCR|CSPR|LCSPR|CPR|CMR)\b", re.I)


def _another_reviews_child(sentence: str, words: list[str], names: Iterable[tuple[str, ...]],
                           preceding: str = "") -> bool:
    """Whether a sentence of a review's account tells of another review's child ("These findings
    echo the significant case review the committee published in 2016 about Child K, a
    nine-month-old boy who suffered fractures ..."), naming none of this review's children: its
    harms and factors are that child's, not facts of this review (session 60)."""
    names = [n for n in names if n]
    if _THAT_REVIEW.match(sentence):
        # (session 73) "In 2021 the committee published a significant case review into the death
        # of a 15-year-old girl ... That review found that she had been drinking and using
        # drugs": another review, unless it or the sentence before names this review's child
        # (a page telling "a separate review into the death of ... Child J. That review found
        # ...": in Child J's own entry, that review is this one)
        before = [t[0] for t in _tokens(preceding)]
        return not any(_find(said, n, k) for said in (words, before) for n in names for k in range(len(said)))
    m = _OTHER_REVIEW_CHILD.search(sentence)
    if not m or not names or _phrase(m["name"]) in names:
        return False
    return not any(_find(words, n, k) for n in names for k in range(len(words)))


#: A relative clause set off by commas before a mention's own clause: "His older brother, [who
#: lived with their father,] had been criminally exploited".
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose)\b[^,;]*,\s+(?=[^,;]*$)")


def _without_relative_clause(before: str, toks: list[tuple[str, int, int]], words: list[str], i: int,
                             j: int) -> tuple[list[str], int, int]:
    """A sentence's words without a relative clause that closes before the mention at [i, j),
    and the mention's new place: the clause's people are not whom the main clause is about
    ("His older brother, who lived with their father, had been criminally exploited" is the
    brother's, not the father's; the clause was the nearest person before the mention)."""
    m = next(reversed(list(_RELATIVE_CLAUSE.finditer(before))), None)  # (the last, nearest)
    if m is None:
        return words, i, j
    a = next((n for n, tok in enumerate(toks) if tok[1] >= m.start()), i)
    b = next((n for n, tok in enumerate(toks) if tok[1] >= m.end()), i)
    if not a < b <= i:
        return words, i, j
    return words[:a] + words[b:], i - (b - a), j - (b - a)


#: "no" or "without" before a thing that is not there ("no heating"), not before a finding's
#: noun ("no evidence of", "no history of", which deny every item of their list).
_BARE_NO = re.compile(r"\b(?:no|without)\s+(?!(?:evidence|history|indication|concerns?|record|"
                      r"suggestion|signs?|reports?|known|one|reason|previous|other)\b)\w+", re.I)
#: An item of a list with its own determiner or degree ("..., a broken cooker", "..., very
#: little food", "..., severely underweight"): the list's "no" does not reach it.
_OWN_ITEM = re.compile(r",\s+(?:a|an|little|very|some|several|many|severely|badly|dangerously)\b", re.I)


def _own_list_item(before: str) -> bool:
    """Whether the mention that ends ``before`` is a list's item of its own, beyond the reach
    of a "no" earlier in the list: "a home with no heating, a broken cooker and very little food"
    tells of the food that was there, little as it was."""
    found = list(_BARE_NO.finditer(before))
    return bool(found) and bool(_OWN_ITEM.search(before, found[-1].end()))


#: Words for a review's children together, when it has two or more ("Twin girls, aged 3 months,
#: were found to have fractures"; "the siblings were left alone"): not a sibling of the child.
_TOGETHER = frozenset({"twins", "siblings", "brothers", "sisters"})
_TWIN_NOUNS = frozenset({"girls", "boys", "babies", "sisters", "brothers"})


def _the_several(words: list[str], names: Iterable[tuple[str, ...]]) -> bool:
    """Whether a review of two or more children speaks of them together as siblings ("the
    twins", "twin girls"), so that the sentence is about its own children."""
    several = len({n[-1] for n in names if not n[-1].endswith("'s")}) >= 2
    return several and (bool(_TOGETHER & set(words)) or any(
        w == "twin" and nxt in _TWIN_NOUNS for w, nxt in pairwise(words)))


def _names_several(words: list[str], names: Iterable[tuple[str, ...]]) -> bool:
    """Whether a sentence names two or more of the review's children: each by its pseudonym, or
    together ("children a and b")."""
    names = [n for n in names if not n[-1].endswith("'s")]
    found = {n for n in names if any(tuple(words[k:k + len(n)]) == n for k in range(len(words)))}
    if len({n[-1] for n in found}) >= 2:
        return True
    ids = {n[-1] for n in names if len(n) == 2 and n[0] in ("child", "baby")}
    text = " ".join(words)
    return any(f"children {a} and {b}" in text or f"babies {a} and {b}" in text
               for a in ids for b in ids if a != b)


def _done_to_other(sentence: str, toks: list[tuple[str, int, int]], words: list[str], i: int, j: int,
                   r: Rules, names: Iterable[tuple[str, ...]]) -> str | None:
    """Who the words right after a mention name as whom the act was done to, when that person is
    not the child ("the father tried to strangle [the mother]": "parent"; "stabbed [his
    brother]": "sibling"), else None.  Not after a preposition ("assaulted by his father",
    "sharing a sofa with her father": the agent, a companion), not across punctuation, and not
    a possessive ("her mother's medication")."""
    if j >= len(words) or words[j - 1] in _PREPOSITIONS or sentence[toks[j - 1][2]:toks[j][1]].strip():
        return None
    if "by" in words[i:j]:
        return None  # "killed by her mother's boyfriend": the mention's own "by" names the agent
    k = j + 1 if words[j] in r.harmed_determiners or words[j] == "another" else j
    # (session 75) "sexually abused a younger child", "assaulted another boy": a child named as
    # any one ("a", "an", "another") is not the review's own, whom the account names or calls
    # "the child"
    anyone = words[j] in ("a", "an", "another")
    table, longest = _experiencer_table(r, tuple(names))
    starts = [k + 1, k] if k < len(words) and words[k].endswith("'s") else [k]
    for at in starts:  # "strangle Z's mother": the mother, whoever's she is
        while at < len(words) - 1 and words[at] in _KIN_ADJECTIVES:
            at += 1  # (session 58) "had bitten Ava's older brother": the brother
        for n in range(min(longest, len(words) - at), 0, -1):
            who = table.get(tuple(words[at:at + n]))
            if who:
                # ("head injuries his father inflicted": the person, then a verb, is who did it)
                agent = at + n < len(words) and words[at + n] in _AGENT_VERBS
                if who == "child" and anyone and not agent:
                    return "other"
                return who if who != "child" and not words[at + n - 1].endswith("'s") and not agent else None
    return None


def _done_to_her(words: list[str], i: int, j: int, r: Rules, subject: str | None) -> str | None:
    """(Session 46) "parent" when a harm's words are followed by "her" in a boy's account and a
    woman of the household is named before them ("The partner had threatened to kill the
    children's mother and had tried to strangle her"; "His mother's partner had tried to strangle
    her"): she, not the boy, is whom it was done to."""
    if subject != "he" or words[j:j + 1] != ["her"]:
        return None
    # ("His mother's partner had tried to strangle her": the woman need not be the nearest)
    women = {p for p, pronoun in r.pronoun_of.items()
             if pronoun == "she" and r.experiencers.get(p) == "parent"}
    return "parent" if any((w,) in women for w in words[:i]) else None


#: Words before a relative that say which one: "Ava's older brother", "his younger sister".
_KIN_ADJECTIVES = frozenset({"older", "younger", "elder", "eldest", "oldest", "youngest", "big", "little",
                             "baby", "twin", "infant", "teenage"})
#: Verbs after a person who follows a harm's words, making that person its doer: "head injuries
#: his father inflicted", "the fractures her partner caused".
_AGENT_VERBS = frozenset({"inflicted", "caused", "admitted"})


#: Words between a person and what was done to them: "the mother had herself been abused".
_PASSIVE = frozenset({"had", "has", "have", "was", "were", "is", "been", "herself", "himself",
                      "themselves", "also", "previously", "repeatedly", "sexually", "physically",
                      "emotionally", "seriously", "fatally"})
#: A form's empty tick box right before a mention: "[ ] Physical abuse", "☐ Neglect".
_UNTICKED = re.compile(r"(?:\[\s?\]|☐)\s*$")
#: Words of what happened to the one who harmed: "was convicted of his manslaughter".
_PERPETRATOR = frozenset({"convicted", "charged", "sentenced", "arrested", "jailed", "found",
                          "admitted", "pleaded", "cautioned", "prosecuted", "accused",
                          "suspected", "imprisoned", "guilty"})


def _sibling_agent(words: list[str], i: int, j: int, r: Rules) -> bool:
    """Whether the sibling a harm names is the one who did it ("assaulted by her older brother"),
    not the one it was done to ("Their older brother had been criminally exploited by a group")."""
    if "by" not in words[j:j + 2]:
        return False
    at = words.index("by", j)
    return (any(r.experiencers.get((w,)) == "sibling" for w in words[at + 1:at + 5])
            and not any(r.experiencers.get((w,)) == "sibling" for w in words[max(0, i - 8):i]))


def _suffered_by_other(words: list[str], i: int, j: int, r: Rules, names: Iterable[tuple[str, ...]],
                       continues: tuple[str, str] | None = None) -> str | None:
    """Who suffered the harm at words [i, j) when it is not the child, else None: the subject of
    a passive ("B's mother had herself been physically abused", "his mother was assaulted":
    "parent").  (A parent's own childhood: :func:`_parents_childhood`.)"""
    table, longest = _experiencer_table(r, tuple(names))
    # ("had been abusing her" is active; "was convicted of his murder" tells of the one who did it)
    k, passive = i, not (any(w.endswith("ing") for w in words[i:j]) or words[i] in _PERPETRATOR)
    while passive and k > 0 and words[k - 1] in _PASSIVE:
        k -= 1
    if passive and k < i and {"was", "were", "been"} & set(words[k:i]):
        for n in range(min(longest, k), 0, -1):
            who = table.get(tuple(words[k - n:k]))
            if who:
                return who if who != "child" else None
        if k and words[k - 1] in ("she", "he"):
            # (session 46) "The mother said she had been assaulted by him": the pronoun is the
            # parent the sentence named before it, when that parent's pronoun it is
            person = _nearest_before(words, k - 1, 0, table, longest, set())
            if person and person[1] == "parent" and r.pronoun_of.get(person[0][-1:]) == words[k - 1]:
                return person[1]
            if person is None and continues == (words[k - 1], "parent"):
                # (session 50) "Child L's mother has had depression. She told the reviewer that
                # she had been sexually abused ...": the pronoun goes on with the mother
                return "parent"
    return None


def _parents_childhood(words: list[str], i: int, j: int, r: Rules,
                       names: Iterable[tuple[str, ...]], continues: tuple[str, str] | None = None) -> bool:
    """Whether the harm at words [i, j) is told of a parent's own childhood: a parent named
    before it, and a phrase of childhood after it within ``own_childhood.reach`` words ("the
    mother told professionals that she had been sexually abused as a child herself", "had
    experienced serious neglect and a long period in residential care as a child")."""
    table, _ = _experiencer_table(r, tuple(names))
    # (session 50: or a pronoun that goes on with the parent the sentence before named)
    parent = any(table.get((w,)) == "parent" for w in words[:i]) or (
        continues is not None and continues[1] == "parent" and continues[0] in words[:i])
    return parent and (any(
        tuple(words[j + d:j + d + len(p)]) == p for p in r.childhood_phrases
        for d in range(r.childhood_reach)) or _childhood_because(words, i, r))


#: (session 86) Words that make the harm after a childhood phrase the reason for it: "known to
#: social services as a child because of neglect at home", "in care as a child after years of
#: neglect".
_CHILDHOOD_CAUSE = frozenset({"because", "after", "following", "through", "due"})


def _childhood_because(words: list[str], i: int, r: Rules) -> bool:
    """(session 86) Whether a phrase of childhood ends at most three words before the harm at
    word ``i`` and a word of cause stands between ("Q's mother had herself been known to
    social services as a child because of neglect at home"): the parent's childhood, told
    before its harm.  (Not "her mother, who was in care as a child, neglected him": no cause.)"""
    for p in r.childhood_phrases:
        for end in range(max(len(p), i - 3), i + 1):
            if tuple(words[end - len(p):end]) == p and _CHILDHOOD_CAUSE & set(words[end:i]):
                return True
    return False


#: A mention's verb of telling ("reported missing", "recorded as missing"): the person "by"
#: names after it is who told, never whom the mention is about.
_REPORTING = frozenset({"reported", "recorded", "raised", "noted", "referred", "identified"})
#: Words after which the person named is not the one an act was done to.
_PREPOSITIONS = frozenset({"by", "with", "of", "from", "for", "to", "at", "on", "in", "near",
                           "beside", "alongside", "and", "or"})


def _drug_owner(words: list[str], i: int, r: Rules, names: Iterable[tuple[str, ...]]) -> str | None:
    """Whose the swallowed substance at word ``i`` was, if the sentence says: a possessive just
    before it ("her mother's methadone") or "prescribed to" a person anywhere in the sentence."""
    table, longest = _experiencer_table(r, tuple(names))
    if i > 0 and words[i - 1].endswith("'s"):
        owner = table.get((words[i - 1][:-2],))
        if owner:
            return owner
    for k, w in enumerate(words[:-1]):
        if w == "prescribed" and words[k + 1] in ("to", "for"):
            return _named_after(words, k + 2, min(len(words), k + 6), table, longest)
    return None


def _traded(words: list[str], i: int, j: int, r: Rules) -> bool:
    """Whether the substance at tokens [i, j) is sold, supplied or carried rather than used: the
    nearest verb before it decides ("used to sell crack" is a sale, "using ketamine, supplied
    by ..." a use); with neither before it, a trade word just after it ("cannabis with intent to
    supply").  A mention that is itself a use ("drank heavily", "misused cannabis") is no trade,
    whatever follows it (session 67: "His father drank heavily, had grown up in care": "grown" is
    a cannabis farm's word, and the father's drinking had been no one's)."""
    if r.use_words & set(words[i:j]):
        return False
    for k in range(i - 1, max(0, i - r.trade_window) - 1, -1):
        if words[k] in r.trade_words:
            return True
        if words[k] in r.use_words:
            return False
    after = words[j:j + r.trade_window]
    # (session 49) only in the mention's own clause: "dependent on prescribed opioids and had
    # herself grown up in care" sells nothing ("cannabis and cash" is one phrase still)
    cut = next((k for k in range(len(after) - 1) if after[k] in ("and", "but", "or")
                and after[k + 1] in _CLAUSE_OPENERS), len(after))
    return bool(r.trade_words & set(after[:cut]))


#: The words that open a new clause after "and": "... opioids and had herself grown up ...".
_CLAUSE_OPENERS = frozenset({"had", "has", "have", "was", "were", "is", "are", "he", "she", "they", "her",
                             "his", "their", "then"})


def carried(sents: list[Sentence], names: Iterable[tuple[str, ...]] = (), r: Rules | None = None
            ) -> dict[int, tuple[str, str]]:
    """For each sentence (by start offset) that opens with "She"/"He" continuing the subject of
    the sentences before it, that pronoun and whom it names: "Her mother used heroin. She had
    been depressed for months." gives the second sentence ("she", "parent").  A pronoun goes on
    with the last person who opened a sentence, if the gender fits (``pronoun_persons``)."""
    r = r or rules()
    table, longest = _experiencer_table(r, tuple(names))
    out: dict[int, tuple[str, str]] = {}
    last: tuple[str, str] | None = None
    for s in sents:
        words = [t[0] for t in _tokens(s.text[:80])]
        if words and last and words[0] == last[0]:
            out[s.start] = last
            continue
        last = _opening_person(words, table, longest, r)
    return out


def _opening_person(words: list[str], table: dict[tuple[str, ...], str], longest: int, r: Rules
                    ) -> tuple[str, str] | None:
    """(pronoun, experiencer) of the person a sentence opens with ("Her mother ..." -> ("she",
    "parent")); None when it opens with nobody, with the child, or with someone of unknown
    gender ("Her mother's partner")."""
    found = _opening_phrase(words, min(4, len(words)), table, longest)
    if not found or table[found] == "child":
        return None
    pronoun = r.pronoun_of.get(found)
    return (pronoun, table[found]) if pronoun else None


def sentence_role(sentence: str, section: str, r: Rules | None = None,
                  names: Iterable[tuple[str, ...]] = ()) -> str:
    """The role of one sentence: a sentence of the account that opens as a recommendation ("We
    recommend that ...") or as general learning ("Practitioners should ...") has that role,
    wherever the page put it; a sentence of the learning that tells an event of the case ("In
    August 2021 Child A was admitted ...") is account.  Any other keeps its section's role."""
    r = r or rules()
    if section == "learning":
        return "case" if _tells_event(sentence, r, names) else section
    if section != "case":
        return section
    words = _phrase(sentence[:80])
    role = next((role for opening, role in r.sentence_roles if _find(words, opening, 0)), section)
    if role == section and r.recommendation_form.match(sentence.lstrip("•*-–· \t")):
        return "recommendation"  # "The hospital to notify the GP ...": a recommendation's form
    if role == section and (r.criteria_form.search(sentence)
                            or r.generic_form.match(sentence.lstrip("•*-–· \t"))):
        # "... a review is held where a child has died ...", "Neglect is the most common reason
        # ...": reviews or a harm in general
        return "learning"
    return role


def _tells_event(sentence: str, r: Rules, names: Iterable[tuple[str, ...]]) -> bool:
    """Whether a sentence opens by telling an event: its date, or a name of the review's child
    (``names``) and a verb of what happened."""
    opening = sentence.lstrip("•*-–· \t")
    if r.narrative_form.match(opening):
        return True
    finding = r.finding_form.match(opening)
    if finding:
        return _about_the_family(list(_phrase(opening[finding.end():][:60])), r, names)
    words = list(_phrase(sentence[:80]))
    return any(_find(words, n, 0) and len(words) > len(n) and words[len(n)] in r.narrative_verbs
               for n in names)


def _about_the_family(words: list[str], r: Rules, names: Iterable[tuple[str, ...]]) -> bool:
    """Whether a finding opens with the review's child by name, with a possessive that points
    back to someone of the case ("his medical needs"), or with one of this family's own people
    ("the partner"), not with people in general ("parents")."""
    if any(_find(words, n, 0) for n in names) or (words and words[0] in r.finding_possessives):
        return True
    return bool(words) and words[0] in r.finding_determiners and (
        (len(words) > 1 and words[1] in r.finding_people)
        or any(_find(words, person, 1) for person, who in r.experiencers.items()
               if who in ("parent", "child", "sibling")))


def names_its_person(notation: str, sentence: str, preceding: str = "", girl: bool = False,
                     r: Rules | None = None) -> bool:
    """Whether a mention of a concept about a kind of person (``person_concepts``: the men
    around a child) stands where that person is named: in its sentence or the one before, or,
    in a girl's account (``girl``), as "he" ("He was never seen by any professional")."""
    r = r or rules()
    person = r.person_concepts.get(notation)
    return person is None or bool(person.search(sentence) or person.search(preceding)) or (
        girl and re.search(r"\b(?:he|him|his)\b", sentence, re.I) is not None)


def says_earlier(sentence: str, r: Rules | None = None) -> bool:
    """Whether a sentence places what it tells before the harm ("concerns about neglect had been
    raised twice", "a referral in 2020"): see ``cg:precedesHarm``."""
    r = r or rules()
    return not r.earlier_cues.isdisjoint(_phrase(sentence))


def name_words(pseudonyms: Iterable[str | None]) -> list[tuple[str, ...]]:
    """The review's pseudonyms as word tuples, with their possessives.  "Child R" is also "R"
    ("R's mother"), as reports shorten it, unless the letter is also a word ("A", "I")."""
    out = []
    for p in pseudonyms:
        if p:
            words = _phrase(p)
            # a child called "A" alone ("Sisters A and B") is named by "A's", not by the article
            # ("their mother, a single parent, ..." is not about A)
            out += [words] if p not in _WORD_LETTERS else []
            out += [(*words[:-1], words[-1] + "'s")]
            if re.fullmatch(r"[A-Z]{1,3}\d?", p):  # "A" of "Twins A and B" is "Twin A" too
                letter = p.lower()
                out += [(noun, w) for noun in _LETTER_NOUNS for w in (letter, letter + "'s")]
            m = _LETTER_NAME.match(p)
            if m and m["id"] not in _WORD_LETTERS:
                out += [(m["id"].lower(),), (m["id"].lower() + "'s",)]
    return out


#: The nouns a letter pseudonym is written with ("Twin A", "Child A", "Baby A").
_LETTER_NOUNS = ("child", "baby", "twin", "sibling")
#: Letters that are also English words, so never a name on their own.
_WORD_LETTERS = frozenset({"A", "I"})
#: A catalogue pseudonym whose letters are used alone: "Child R", "Baby KP".
_LETTER_NAME = re.compile(r"^(?:Child|Baby)\s+(?P<id>[A-Z]{1,3})$")
