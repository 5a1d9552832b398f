"""Measure extraction against hand-annotated gold entries (``casegraph eval``).

Gold is JSON Lines, one object per review described on a page (format in the README).  Each gold
entry is matched to a review extracted from the same source file: by its heading, or, for pages
that have no heading per review (press statements, notices), by the child's pseudonym.  Extraction
is run per page without merging, so every entry is scored on its own text.

Concept sets are compared after rolling each side up to its broader concepts, so a gold "H-AHT"
and an extracted "H-AHT, H-PHYS" agree.  A gold file may name pages that are not given: those
entries are left out of the score, with a warning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from casegraph.core.errors import CasegraphError
from casegraph.core.model import Review
from casegraph.core.places import default_gazetteer
from casegraph.extract.extractor import Extractor
from casegraph.extract.vocab import Vocabulary, default_vocabulary
from casegraph.ingest.sources import discover
from casegraph.pipeline.build import page_result

SCALAR_FIELDS = ("title", "publication_year", "area", "review_type", "document_kind",
                 "incident_year", "incident_month", "learning_count", "recommendation_count")
COUNT_FIELDS = ("learning_count", "recommendation_count")
CHILD_FIELDS = ("pseudonym", "age_months", "sex")
SCHEME_FIELDS = {"harm_types": "harm-types", "risk_factors": "risk-factors", "agencies": "agencies",
                 "mentioned_harm_types": "harm-types", "mentioned_risk_factors": "risk-factors"}


def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


#: The words by which one Northern Ireland trust's area is named in several ways ("Southern
#: HSC Trust", "Southern Health and Social Care Trust", "Southern Trust area").
_TRUST_WORDS = re.compile(r"\b(?:hsc|health and social care)\b|\barea$")


def _same_area(gold: str, pred: str, year: int | None) -> bool:
    """Whether two names of an area name the same place: a trust's area in any of its forms, or
    names the gazetteer links to the same local authorities ("Brighton & Hove" and "Brighton and
    Hove", "Southend" and "Southend-on-Sea", "Gwent" and "South East Wales"): the graph records
    the place by its codes, so an analyst's query cannot tell them apart."""
    def trust(name: str) -> str:
        return re.sub(r"\s+", " ", _TRUST_WORDS.sub("", _norm(name))).strip()

    if "trust" in _norm(gold) and trust(gold) == trust(pred):
        return True
    gazetteer = default_gazetteer()
    codes = gazetteer.match(gold, year).codes
    return bool(codes) and codes == gazetteer.match(pred, year).codes


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class EvalReport:
    gold_entries: int = 0
    found: int = 0
    missed: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    field_total: dict[str, int] = field(default_factory=dict)
    field_correct: dict[str, int] = field(default_factory=dict)
    schemes: dict[str, Counts] = field(default_factory=dict)
    items_exact: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: One-line errors of the pages that could not be read: their gold entries count as missed
    #: (session 47: one unreadable page named among many had stopped the whole evaluation).
    unread: list[str] = field(default_factory=list)

    def accuracy(self, name: str | None = None) -> float:
        if name:
            total = self.field_total.get(name, 0)
            return self.field_correct.get(name, 0) / total if total else 1.0
        total = sum(self.field_total.values())
        return sum(self.field_correct.values()) / total if total else 1.0

    def as_dict(self) -> dict:
        return {
            "gold_entries": self.gold_entries, "found": self.found, "missed": self.missed,
            "noise": self.noise, "field_accuracy": self.accuracy(),
            "fields": {k: {"correct": self.field_correct.get(k, 0), "total": v,
                           "accuracy": self.accuracy(k)} for k, v in sorted(self.field_total.items())},
            "schemes": {k: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision,
                            "recall": c.recall} for k, c in self.schemes.items()},
            "item_counts_exact": self.items_exact, "mismatches": self.errors,
        }


def load_gold(path: Path) -> list[dict]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CasegraphError(f"cannot read gold file: {exc}", path) from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CasegraphError(f"invalid JSON: {exc.msg}", path, f"line {n}") from None
        if "source" not in obj:
            raise CasegraphError("gold entry lacks 'source'", path, f"line {n}")
        if not obj.get("heading") and not any(c.get("pseudonym") for c in obj.get("children") or []):
            raise CasegraphError("gold entry needs a 'heading' or a child's 'pseudonym'", path, f"line {n}")
        obj["__line__"] = n
        out.append(obj)
    return out


def _predicted(review: Review) -> dict:
    return {
        "title": review.title,
        "publication_year": review.publication_year,
        "area": review.area,
        "review_type": review.review_type.notation if review.review_type else None,
        "document_kind": review.document_kind,
        "incident_year": review.incident_year,
        "incident_month": review.incident_month,
        "learning_count": len(review.learning),
        "recommendation_count": len(review.recommendations),
        "children": [{"pseudonym": c.pseudonym, "age_months": c.age_months, "sex": c.sex}
                     for c in review.children],
        "harm_types": sorted(c.notation for c in review.harms),
        "risk_factors": sorted(c.notation for c in review.risk_factors),
        "agencies": sorted(c.notation for c in review.agencies),
        "keywords": review.keywords,
        # Mentions that are not facts: a concept mentioned but never a fact of the review.
        "mentioned_harm_types": sorted({m.notation for m in review.mentions if m.scheme == "harm-types"}
                                       - {c.notation for c in review.harms}),
        "mentioned_risk_factors": sorted({m.notation for m in review.mentions
                                          if m.scheme == "risk-factors"}
                                         - {c.notation for c in review.risk_factors}),
    }


def _score(report: EvalReport, name: str, gold, pred, label: str,  # type: ignore[no-untyped-def]
           year: int | None = None) -> None:
    report.field_total[name] = report.field_total.get(name, 0) + 1
    ok = (_norm(gold) == _norm(pred)) if isinstance(gold, str) or isinstance(pred, str) else gold == pred
    if not ok and name == "area" and isinstance(gold, str) and isinstance(pred, str):
        ok = _same_area(gold, pred, year)
    if ok:
        report.field_correct[name] = report.field_correct.get(name, 0) + 1
    else:
        report.errors.append(f"{label}: {name}: gold {gold!r}, extracted {pred!r}")


def evaluate(gold_path: Path, sources: list[Path] | None = None,
             vocab: Vocabulary | None = None, cache_dir: Path | None = None) -> EvalReport:
    """Score the reviews extracted from ``sources`` (default: the pages the gold names, beside
    it) against the gold.  Each page is read as a build reads it (``build.page_result``), from
    ``cache_dir`` when a build with the project vocabulary left its extraction there (a build
    into OUT keeps it in OUT/.casegraph-cache/extract)."""
    vocab = vocab or default_vocabulary()
    gold = load_gold(gold_path)
    if sources is None:
        sources = sorted({gold_path.parent / g["source"] for g in gold})
    files = {p.name: p for p in discover(sources)}
    extractor = Extractor(vocab)
    report = EvalReport()
    absent = sorted({g["source"] for g in gold} - set(files))
    for name in absent:
        report.warnings.append(f"gold names page '{name}', which was not given: its entries are "
                               "not scored")
    gold = [g for g in gold if g["source"] in files]
    report.gold_entries = len(gold)
    report.schemes = {s: Counts() for s in SCHEME_FIELDS}
    by_source: dict[str, list[Review]] = {}
    for name in sorted({g["source"] for g in gold}):
        try:
            by_source[name] = page_result(files[name], extractor, cache_dir)[0]
        except CasegraphError as exc:  # (as the build does: the page left out, the rest scored)
            report.unread.append(str(exc))
            by_source[name] = []
    matched: set[int] = set()
    for g in gold:
        hit = _match(g, [r for r in by_source[g["source"]] if id(r) not in matched])
        label = f"{g['source']}: {g.get('heading') or _pseudonyms(g)}"
        if hit is None:
            report.missed.append(label)
            continue
        matched.add(id(hit))
        report.found += 1
        pred = _predicted(hit)
        for name in SCALAR_FIELDS:
            # a page with no heading line for a review (a table row, a press statement) has no
            # title to compare with: the graph still needs one, so the field is not scored
            if name in g and not (name == "title" and g[name] is None):
                want = (g[name] or 0) if name in COUNT_FIELDS else g[name]  # null and 0: no items
                _score(report, name, want, pred[name], label, g.get("publication_year"))
        if "keywords" in g:
            _score(report, "keywords", sorted(_norm(k) for k in g["keywords"]),
                   sorted(_norm(k) for k in pred["keywords"]), label)
        if "children" in g:
            _score(report, "child_count", len(g["children"]), len(pred["children"]), label)
            for i, (gc, pc) in enumerate(zip(g["children"], _paired(g["children"], pred["children"]),
                                             strict=True)):
                for f in CHILD_FIELDS:
                    if f in gc:
                        _score(report, f"child_{f}", gc[f], pc.get(f), f"{label} child {i + 1}")
        for key in SCHEME_FIELDS:
            if key not in g:
                continue
            if key.startswith("mentioned_"):  # mentions are scored as written: no roll-up
                gs, ps = set(g[key]), set(pred[key])
            else:
                gs, ps = _rolled_up(g[key], vocab), _rolled_up(pred[key], vocab)
            c = report.schemes[key]
            c.tp += len(gs & ps)
            c.fp += len(ps - gs)
            c.fn += len(gs - ps)
            for n in sorted(ps - gs):
                report.errors.append(f"{label}: {key}: extra {n}")
            for n in sorted(gs - ps):
                report.errors.append(f"{label}: {key}: missing {n}")
        if (g.get("learning_count") or 0) == pred["learning_count"] and \
                (g.get("recommendation_count") or 0) == pred["recommendation_count"]:
            report.items_exact += 1
    for name, reviews in by_source.items():
        for r in reviews:
            if id(r) not in matched:
                report.noise.append(f"{name}: {r.heading}")
    return report


def _paired(gold: list[dict], predicted: list[dict]) -> list[dict]:
    """For each gold child, the extracted child it is: the one of the same pseudonym, else the
    next one not yet paired, in order ({} when none is left).  A review's children are a set:
    "Children X and Z" listed Z first by the labeller (the elder) are the same two children,
    and each is scored against itself, not against its sibling (session 47)."""
    keys = [_name_key(c.get("pseudonym")) if c.get("pseudonym") else None for c in predicted]
    left = list(range(len(predicted)))
    pairs: list[int | None] = []
    for gc in gold:
        key = _name_key(gc.get("pseudonym")) if gc.get("pseudonym") else None
        hit = next((j for j in left if key is not None and keys[j] == key), None)
        if hit is not None:
            left.remove(hit)
        pairs.append(hit)
    for k, hit in enumerate(pairs):  # the unnamed and the unmatched, in order
        if hit is None and left:
            pairs[k] = left.pop(0)
    return [predicted[j] if j is not None else {} for j in pairs]


def _pseudonyms(g: dict) -> str:
    return " and ".join(c["pseudonym"] for c in g.get("children") or [] if c.get("pseudonym"))


def _match(g: dict, candidates: list[Review]) -> Review | None:
    """The extracted review a gold entry describes: same heading, else same child pseudonym."""
    if g.get("heading"):
        hit = next((r for r in candidates if _norm(r.heading) == _norm(g["heading"])), None)
        if hit is not None:
            return hit
    names = {_name_key(c.get("pseudonym")) for c in g.get("children") or [] if c.get("pseudonym")}
    return next((r for r in candidates
                 if names & {_name_key(c.pseudonym) for c in r.children if c.pseudonym}), None)


def _name_key(pseudonym: str | None) -> str:
    """A pseudonym for matching: "Child Y" and "Y" are one child (an ombudsman's decision calls
    him "Y", its page's note "Child Y"; "Twins A and B" are "A" and "B", a labeller's "Twin A"),
    and so are "Baby Isla" and "Isla"; the pseudonym field itself is still scored as written."""
    return re.sub(r"^(?:child|baby|young person|twin|sibling|sister|brother|infant) "
                  r"(?=[a-z][a-z'-]*\d?$)", "", _norm(pseudonym))


def _rolled_up(notations: list[str], vocab: Vocabulary) -> set[str]:
    """``notations`` with every broader concept of each (a known notation's ancestors)."""
    out = set(notations)
    for n in notations:
        if n in vocab.concepts:
            out.update(vocab.ancestors(n))
    return out


def format_report(r: EvalReport) -> str:
    out = [f"entries: {r.found}/{r.gold_entries} found, {len(r.missed)} missed, "
           f"{len(r.noise)} noise",
           f"field accuracy: {r.accuracy():.1%}",
           f"item counts exact: {r.items_exact}/{r.found}"]
    out.append("per field:")
    for name in sorted(r.field_total):
        out.append(f"  {name:24} {r.field_correct.get(name, 0):4}/{r.field_total[name]:<4} "
                   f"{r.accuracy(name):.1%}")
    out.append("per scheme:                precision  recall   tp   fp   fn")
    for name, c in r.schemes.items():
        out.append(f"  {name:24} {c.precision:9.2f} {c.recall:7.2f} {c.tp:4} {c.fp:4} {c.fn:4}")
    for w in r.warnings:
        out.append(f"warning: {w}")
    for e in r.unread:
        out.append(f"unread: {e}; its entries are scored as missed")
    for label in r.missed:
        out.append(f"missed: {label}")
    for label in r.noise:
        out.append(f"noise: {label}")
    for e in r.errors:
        out.append(f"mismatch: {e}")
    return "\n".join(out)
