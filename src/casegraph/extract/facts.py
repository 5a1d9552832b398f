"""From mentions to facts: the documented rules of issue "Facts, not phrases".

- A review has **risk factor** X as a fact if and only if an affirmed (or historical) mention of X
  stands in the account of the case with an experiencer that fits whose X is (``cg:concerns``).
- A review has **harm type** H as a fact if and only if the account of the case affirms that H
  happened to the child.
- A mention about another person than the concept presumes is first re-read
  (``cg:whenAboutChild``/``cg:whenAboutParent``): the 15-year-old's own cannabis use is child
  substance misuse; the mother's attempted suicide is parental mental health.
- A harm done to someone the text names right after it ("tried to strangle the mother") is
  that person's, never a harm of the child.
- An attempt codes the attempt's concept (``cg:whenAttempted``), never the completed act.
- A risk factor that names concerns before a harm (``cg:precedesHarm``: neglect concerns before
  neglect) is a fact, when the review's harm is that harm, only from a sentence that places it
  earlier ("concerns about neglect had been raised twice").
- Non-engagement that a later sentence of the account denies ("described as 'not engaging'"
  ... "the review does not accept that the family disengaged") is no fact: the review's own
  judgement overrules what professionals called the family.
- A sign of a risk factor that its own sentence goes on to deny ("a smell of cannabis, but the
  review found no evidence that the mother misused drugs") is no fact: the sentence concludes.
- Care the child entered after the harm ("taken into care after a long period of neglect",
  "has since made a good recovery in foster care") is the review's outcome, not a risk factor.
- A harm done to a parent as a child ("her mother had experienced neglect as a young child")
  is read as the parent's adverse childhood experience (RF-PACE), never the child's harm; a
  parent's own self-harm "as a teenager" stays the parent's mental health.
- (session 87) A parent's factor that its sentence, or the next, says had ended before the
  child was born ("used heroin until about two years before Lachlan was born") is the parent's
  past, no fact of the child's life.
- Everything else stays a mention: it is in the graph, searchable, never counted as present.

The rules themselves are data (``ontology/fact-rules.ttl``, and the words of the last three in
``context-rules.yaml``: ``concluding_denials``, ``afterwards``, ``own_childhood``); this module
applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from casegraph.core.model import Mention
from casegraph.extract.context import Context, rules, says_earlier
from casegraph.extract.vocab import Concept, Vocabulary

#: Assertions under which a mention of the case counts as present.
PRESENT = frozenset({"affirmed", "historical"})
#: Experiencers that fit a risk factor, by whose the factor is (``cg:concerns``).
FITS = {
    "parent": frozenset({"parent", "unstated"}),
    "child": frozenset({"child", "unstated"}),
    "unstated": frozenset({"child", "parent", "sibling", "unstated"}),
    # someone outside the family, such as the men nobody knew (RF-MEN): anyone named fits
    "other": frozenset({"child", "parent", "sibling", "other", "unstated"}),
}
#: Experiencers that fit a harm done to the child by someone (the person named may be the one
#: who harmed the child) and a self-directed harm (the person named is the one harmed).
HARM_FITS = frozenset({"child", "unstated", "parent", "other"})
SELF_HARM_FITS = frozenset({"child", "unstated"})


@dataclass(frozen=True)
class Reading:
    """What a mention means after the rules: its concept and scheme, and whether it is a fact."""

    notation: str
    scheme: str
    fact: bool


def read(notation: str, ctx: Context, section: str, vocab: Vocabulary) -> Reading:
    """Apply the fact rules to a mention of ``notation`` in ``section`` with context ``ctx``."""
    concept = vocab.concepts[notation]
    attempt_concept = False
    if ctx.assertion == "attempted" and concept.when_attempted:
        concept, attempt_concept = vocab.concepts[concept.when_attempted], True
    if ctx.childhood and ((concept.scheme == "harm-types" and not concept.self_directed)
                          or notation in rules().childhood_also):
        # a harm done to a parent as a child: the parent's adverse experience (RF-PACE); a
        # parent's illness, or self-harm, "as a teenager" is still the parent's (RF-PMH)
        concept = vocab.concepts[rules().childhood_concept]
    elif ctx.harmed_parent and concept.notation in rules().harmed_parent_harms:
        # (session 46) violence done to a parent ("tried to strangle the mother"): domestic abuse
        concept = vocab.concepts[rules().harmed_parent_concept]
    elif ctx.experiencer == "child" and concept.when_child:
        concept = vocab.concepts[concept.when_child]
    elif ctx.experiencer == "parent" and concept.when_parent:
        concept = vocab.concepts[concept.when_parent]
    fact = section == "case" and _asserted(ctx.assertion, concept, attempt_concept) and _fits(
        concept, ctx.experiencer) and not (concept.scheme == "harm-types" and ctx.harmed_other) \
        and not ctx.afterwards
    return Reading(concept.notation, concept.scheme, fact)


def _asserted(assertion: str, concept: Concept, attempt_concept: bool) -> bool:
    """Present, or an attempt where the concept is itself about the attempt (attempted homicide,
    a suicide attempt, which H-SUIC's definition includes, or a parent's attempt read as parental
    mental health)."""
    if assertion in PRESENT:
        return True
    return assertion == "attempted" and (attempt_concept or concept.self_directed
                                         or concept.scheme == "risk-factors")


def _fits(concept: Concept, experiencer: str) -> bool:
    if concept.scheme == "harm-types" or concept.done_by_others:
        return experiencer in (SELF_HARM_FITS if concept.self_directed else HARM_FITS)
    return experiencer in FITS.get(concept.concerns or "unstated", FITS["unstated"])


def _denied_after(m: Mention, mentions: list[Mention], vocab: Vocabulary) -> bool:
    """Whether the sentence of ``m`` goes on to deny its concept or a broader one ("noted a smell
    of cannabis, but the review found no evidence that the mother misused drugs"; "had used
    cocaine as a teenager but denied any current use; the review found no evidence of drug
    use"): what the sentence concludes is what it says of the family."""
    wider = {m.notation, *vocab.ancestors(m.notation)}
    sentence = m.evidence.sentence.lower()
    at = sentence.find(m.evidence.exact.lower())
    if at >= 0 and any(cue in sentence[at + len(m.evidence.exact):] for cue in rules().anaphoric_denials):
        return True  # (session 83) "... used drugs, but the review ... found no evidence of this"
    for n in mentions:
        if n.assertion == "negated" and n.section == m.section and n.notation in wider \
                and n.evidence.sentence == m.evidence.sentence and n.evidence.start > m.evidence.end:
            # the words between the two: a conclusion ("no evidence that"), not any "not"
            at = sentence.find(m.evidence.exact.lower())
            until = sentence.find(n.evidence.exact.lower(), at + len(m.evidence.exact))
            between = sentence[at + len(m.evidence.exact):until] if 0 <= at < until else ""
            if any(cue in between for cue in rules().concluding_denials):
                return True
    return False


def _overruled_later(m: Mention, mentions: list[Mention]) -> bool:
    """Whether the account, in a later sentence, denies a concept whose affirmation a review's
    own judgement may reverse (``overruled_later``: "described as 'not engaging'" ... "it does
    not accept that the family disengaged")."""
    return m.notation in rules().overruled_later and any(
        n.notation == m.notation and n.assertion == "negated" and n.section == m.section
        and n.evidence.start > m.evidence.end and n.evidence.sentence != m.evidence.sentence
        for n in mentions)


#: (session 87) What says a parent's factor had ended before the child was born: "used heroin
#: until about two years before Lachlan was born", "served a prison sentence ..., long before
#: Cathal was born" (in the factor's own sentence); "He told the review that he had stopped long
#: before Hollis was born", "She had not drunk for ten years before the pregnancy" (there, or in
#: the next sentence, whose verb of ending points back to it); (session 88) or over before the
#: period the review covers ("he left the family in 2022, a year before the period the review
#: covers": a father's violence then is the family's past, a mention).
_BIRTH = (r"before\s+(?:(?:(?:[A-Z][\w'-]*\s+){1,2}|he\s+|she\s+|the\s+baby\s+)was\s+born|"
          r"(?:his|her|the)\s+birth|(?:the|her)\s+pregnancy"
          # (session 88) or before the time the review looks at: "he left the family in 2022, a
          # year before the period the review covers"
          r"|the\s+(?:period|time|months?|years?)\s+(?:the\s+review\s+(?:covers|covered|looked\s+at|considered)|"
          r"under\s+review|of\s+the\s+review)|the\s+review(?:['’]s)?\s+period)")
_ENDED = r"(?:stopped|ended|gave\s+up|had\s+not\s+(?:drunk|used|taken)|drug[- ]free|abstinent)"
#: (session 88) a parent or partner gone from the household by then: in the factor's own
#: sentence, or in the next when it opens with the same person's pronoun ("... had convictions
#: for assault. He left the family in 2021, before the period the review covers"); never the
#: next sentence's other person ("Her father had left the family before her birth").
_LEFT = (r"left(?:\s+(?:the\s+family|the\s+(?:family\s+)?home|the\s+household)"
         # ("left in 2021, before Tadhg was born"; not "had left prison four months before the
         # birth", a father come back)
         r"|(?=\s+in\s+(?:19|20)\d\d\b|\s+before\b|,))")
_ENDED_BEFORE_BIRTH = re.compile(rf"\b{_ENDED}\b[^.;]{{0,80}}?\b{_BIRTH}"
                                 rf"|^\s*(?:He|She|They)\s+(?:had\s+)?{_LEFT}\b[^.;]{{0,80}}?\b{_BIRTH}")
_OVER_BEFORE_BIRTH = re.compile(rf"\b(?:(?:{_ENDED}|{_LEFT})\b[^.;]{{0,80}}?\b|until\b[^.;]{{0,80}}?\b"
                                rf"|long\s+){_BIRTH}")
#: (session 88) What says that the person whose factor it is had no part in the child's care (in
#: the factor's sentence, or the next, opening with that person's pronoun): "He played no part in
#: Percy's care", "She did not look after Mabel", "his mother has not cared for him since",
#: "Her mother, who did not have care of her, ...": a relative's factor, a mention.
_NO_CARE = (r"(?:played|had|took)\s+no\s+part\s+in\s+(?:(?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*|his|her|their)"
            r"(?:['’]s)?\s+care"
            r"|did\s+not\s+(?:look\s+after|care\s+for|have\s+care\s+of)\b"
            r"|ha(?:s|d)\s+not\s+cared\s+for\s+(?:him|her|them)\s+since")
_NO_CARE_OWN = re.compile(rf"\b(?:{_NO_CARE})")
_NO_CARE_NEXT = re.compile(rf"^\s*(?:He|She|They)\s+(?:{_NO_CARE})")


def _own_and_next(m: Mention, text: str) -> tuple[str, str]:
    """The rest of a mention's sentence after it, and the sentence after that, in the page."""
    rest = text[m.evidence.end:m.evidence.end + 400]
    ends = [k for k in range(len(rest)) if rest[k] == "." and rest[k + 1:k + 2] in (" ", "\n", "")]
    if not ends:
        return rest, ""
    return rest[:ends[0] + 1], rest[ends[0] + 1:ends[1] + 1 if len(ends) > 1 else None]


def _outside_the_childs_care(m: Mention, text: str, vocab: Vocabulary) -> bool:
    """(session 87) Whether a parent's factor is told as over before the child was born, in its
    own sentence or the next: the parent's past, a mention, not a factor of the child's life
    (every development page that says so labels it a mention); (session 88) or over before the
    period the review covers, or the factor of someone who had no part in the child's care then
    (a grandparent seen at Christmas, a mother who "has not cared for him since")."""
    if vocab.concepts[m.notation].concerns not in ("parent", "unstated") \
            or m.notation == rules().childhood_concept or not text:
        # (a parent's own childhood is before the child's birth by what it is; (session 88) a
        # household's factor too, domestic abuse or a sibling's plan for neglect; never the
        # child's own, nor a man unknown to professionals (RF-MEN), who is no one's past)
        return False
    own, after = _own_and_next(m, text)
    return bool(_OVER_BEFORE_BIRTH.search(own) or _ENDED_BEFORE_BIRTH.search(after)
                or _NO_CARE_OWN.search(own) or _NO_CARE_NEXT.search(after))


def precede(mentions: list[Mention], vocab: Vocabulary, text: str = "") -> list[Mention]:
    """The mentions with the rules that need the review's other mentions applied: a risk factor
    fact whose harm is also a fact of the review stays a fact only where its sentence places it
    before the harm (``cg:precedesHarm``), and one its own sentence goes on to deny, after a
    concluding cue, is none (:func:`_denied_after`), nor (session 87) a parent's that ended
    before the child was born, before the review's period, or of a relative with no part in the
    child's care (:func:`_outside_the_childs_care`, read in the page's ``text``).  Then
    (:func:`_the_harms_words`) such a factor that is no fact at all is no mention either where
    its words are the harm's."""
    harms = {m.notation for m in mentions if m.fact and m.scheme == "harm-types"}
    out = []
    for m in mentions:
        harm = vocab.concepts[m.notation].precedes_harm if m.fact else None
        if (harm in harms and m.assertion != "historical" and not says_earlier(m.evidence.sentence)) \
                or (m.fact and m.scheme == "risk-factors" and _denied_after(m, mentions, vocab)) \
                or (m.fact and _overruled_later(m, mentions)) \
                or (m.fact and m.scheme == "risk-factors"
                    and _outside_the_childs_care(m, text, vocab)):
            m = replace(m, fact=False)
        out.append(m)
    return _the_harms_words(out, harms, vocab)


def _the_harms_words(mentions: list[Mention], harms: set[str], vocab: Vocabulary) -> list[Mention]:
    """(session 70) The mentions without those of a ``cg:precedesHarm`` risk factor that is no
    fact of the review, read from words that are also read as the harm it precedes, that harm
    a fact ("Child U had been neglected over a long period": H-NEG, and no mention of neglect
    concerns, RF-NEG, too; the words stay the harm's mention).  Why: the labellers list the
    factor as mentioned in 13 of 461 development reviews with the harm a fact and the factor
    not; extracted, it was the commonest spurious mention (496 on the development sets, 328
    of them from the harm's own words)."""
    facts = {m.notation for m in mentions if m.fact}

    def the_harms(m: Mention) -> bool:
        harm = vocab.concepts[m.notation].precedes_harm if m.scheme == "risk-factors" else None
        return harm in harms and m.notation not in facts and any(
            n.notation == harm and n.evidence.start < m.evidence.end and m.evidence.start < n.evidence.end
            for n in mentions)

    return [m for m in mentions if not the_harms(m)]
