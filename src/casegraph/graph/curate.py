"""Analyst curations (``data/curations/*.yaml``): add, remove or correct facts of a review.

Curated facts win over extracted ones and are marked as curated in provenance (their evidence
names the curation file and line).  A curation naming an unknown review, field or concept is
an error with the file and line, so a typo never silently does nothing.

Format (one YAML document per review, or a list of them)::

    review: 2023-child-a            # the review id (slug) printed by 'casegraph build'
    set:                            # replace single-valued facts
      review_type: RT-LCSPR
      incident_year: 2019
      incident_month: 11
      document_kind: full-report
      children:                     # replaces the children list
        - {pseudonym: Child A, age_months: 192, sex: female}
    add:                            # add coded concepts: scheme → notations
      risk-factors: [RF-CMH]
    remove:
      agencies: [AG-EDU]
    note: why this correction was made
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from casegraph.core.errors import CasegraphError
from casegraph.core.model import Child, Coded, Evidence, Review, SourceRef
from casegraph.core.schemes import BY_NAME
from casegraph.core.schemes import NAMES as SCHEMES
from casegraph.extract.vocab import Vocabulary

_SET_FIELDS = {"review_type", "incident_year", "incident_month", "document_kind", "children",
               "area", "publication_year", "publication_month", "title"}
_KEYS = {"review", "set", "add", "remove", "note"}


@dataclass
class Curation:
    review: str
    path: Path
    line: int
    set: dict
    add: dict[str, list[str]]
    remove: dict[str, list[str]]
    note: str = ""


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _err(msg: str, path: Path, line: int) -> CasegraphError:
    return CasegraphError(msg, path, f"line {line}")


def _check_concepts(block: dict, path: Path, line: int, vocab: Vocabulary) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for scheme, notations in block.items():
        if scheme == "__line__":
            continue
        if scheme not in SCHEMES:
            raise _err(f"unknown scheme '{scheme}' (one of {', '.join(SCHEMES)})", path, line)
        if isinstance(notations, str):
            notations = [notations]
        for n in notations:
            concept = vocab.concepts.get(str(n))
            if concept is None or concept.scheme != scheme:
                raise _err(f"unknown concept '{n}' in scheme '{scheme}'", path, line)
        out[scheme] = [str(n) for n in notations]
    return out


def _refuse_lone_surrogates(value: object, path: Path, line: int) -> None:
    """YAML can spell a lone surrogate (``"\\ud800"``); no RDF syntax can carry it."""
    from casegraph.core.terms import TermError, check_unicode

    if isinstance(value, str):
        try:
            check_unicode(value)
        except TermError as exc:
            raise _err(f"text {exc}", path, line) from None
    elif isinstance(value, dict):
        for k, v in value.items():
            _refuse_lone_surrogates(k, path, line)
            _refuse_lone_surrogates(v, path, value.get("__line__", line))
    elif isinstance(value, list):
        for v in value:
            _refuse_lone_surrogates(v, path, line)


def load_curations(directory: Path, vocab: Vocabulary) -> list[Curation]:
    if not directory.exists():
        return []
    files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    out: list[Curation] = []
    for path in files:
        try:
            docs = list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=_LineLoader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise CasegraphError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path,
                                 f"line {mark.line + 1}" if mark else None) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CasegraphError(f"cannot read curation file: {exc}", path) from None
        items: list = []
        for doc in docs:
            if doc is None:
                continue
            items.extend(doc if isinstance(doc, list) else [doc])
        for item in items:
            if not isinstance(item, dict):
                raise CasegraphError("each curation must be a mapping with a 'review' key", path)
            line = item.get("__line__", 1)
            _refuse_lone_surrogates(item, path, line)
            unknown = set(item) - _KEYS - {"__line__"}
            if unknown:
                raise _err(f"unknown key(s) {sorted(unknown)} (allowed: {sorted(_KEYS)})", path, line)
            if not isinstance(item.get("review"), str):
                raise _err("curation needs 'review: <review id>'", path, line)
            sets = {k: v for k, v in (item.get("set") or {}).items() if k != "__line__"}
            bad = set(sets) - _SET_FIELDS
            if bad:
                raise _err(f"cannot set {sorted(bad)} (settable: {sorted(_SET_FIELDS)})", path, line)
            if "review_type" in sets and sets["review_type"] is not None:
                _check_concepts({"review-types": [sets["review_type"]]}, path, line, vocab)
            out.append(Curation(item["review"], path, line, sets,
                                _check_concepts(item.get("add") or {}, path, line, vocab),
                                _check_concepts(item.get("remove") or {}, path, line, vocab),
                                str(item.get("note") or "")))
    return out


def _curated_evidence(c: Curation) -> Evidence:
    ref = SourceRef(c.path.name, str(c.path), "", "application/yaml")
    return Evidence(ref, 0, 0, "", curated=f"{c.path.name}:{c.line}")


def apply_curations(reviews: list[Review], curations: list[Curation], vocab: Vocabulary) -> list[str]:
    """Apply every curation whose review is built; a warning (file and line) for each other one.

    A curation for a review that is not in this build is not an error: an analyst building a
    few pages still gets the curations of those pages, and is told which ones were skipped.
    """
    by_slug = {r.slug: r for r in reviews}
    warnings: list[str] = []
    for c in curations:
        review = by_slug.get(c.review)
        if review is None:
            warnings.append(f"{c.path}:line {c.line}: curation for review '{c.review}' not applied "
                            "(that review is not in this build)")
            continue
        ev = _curated_evidence(c)
        for key, value in c.set.items():
            if key == "review_type":
                review.review_type = Coded("review-types", value, [ev]) if value else None
            elif key == "children":
                if not isinstance(value, list):
                    raise _err("'children' must be a list", c.path, c.line)
                review.children = [Child(v.get("pseudonym"), v.get("age_months"), v.get("sex"))
                                   for v in value]
            else:
                setattr(review, key, value)
        for scheme, notations in c.remove.items():
            kept = [x for x in review.coded(scheme) if x.notation not in notations]
            review.coded(scheme)[:] = kept
        for scheme, notations in c.add.items():
            target = review.coded(scheme)
            for n in notations:
                if BY_NAME[scheme].single:
                    target[:] = [Coded(scheme, n, [ev])]
                    continue
                existing = next((x for x in target if x.notation == n), None)
                if existing:
                    existing.evidence.insert(0, ev)
                else:
                    target.append(Coded(scheme, n, [ev]))
            target.sort(key=lambda x: x.notation)
    return warnings
