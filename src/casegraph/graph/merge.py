"""One review, several sources: entries with the same identity become one review.

Identity is (publication year, normalised name) as published in headings.  An entry whose
heading omits the area merges with the one entry of that year and name that states it; two
entries that state different areas are different reviews.  Facts are unioned, every source is
kept in provenance, and a conflict in a single-valued fact keeps the first (in source order)
with a warning, so nothing is silently dropped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from casegraph.core.iris import review_slug
from casegraph.core.model import Coded, Review
from casegraph.core.schemes import SCHEMES


def _merge_coded(into: list[Coded], more: list[Coded]) -> None:
    by = {c.notation: c for c in into}
    for c in more:
        if c.notation in by:
            have = by[c.notation].evidence
            for ev in c.evidence:
                if all(h.source != ev.source for h in have):
                    have.append(ev)
        else:
            into.append(c)
            by[c.notation] = c
    into.sort(key=lambda c: c.notation)


def _merge_into(a: Review, b: Review) -> None:
    for field in ("publication_month", "area", "document_kind", "incident_year",
                  "incident_month"):
        va, vb = getattr(a, field), getattr(b, field)
        if va is None:
            setattr(a, field, vb)
        elif vb is not None and va != vb:
            a.warnings.append(f"review {a.slug}: {field} differs between sources "
                              f"({va!r} in {a.sources[0].name}, {vb!r} in {b.sources[0].name}); "
                              "kept the first")
    for scheme in SCHEMES:
        if scheme.single:
            if not a.coded(scheme.name):
                a.coded(scheme.name)[:] = b.coded(scheme.name)
        else:
            _merge_coded(a.coded(scheme.name), b.coded(scheme.name))
    if len(b.learning) > len(a.learning):
        a.learning = b.learning
    if len(b.recommendations) > len(a.recommendations):
        a.recommendations = b.recommendations
    for child_a, child_b in zip(a.children, b.children, strict=False):
        for field in ("pseudonym", "age_months", "sex"):
            if getattr(child_a, field) is None:
                setattr(child_a, field, getattr(child_b, field))
    if len(b.children) > len(a.children):
        a.children.extend(b.children[len(a.children):])
    a.keywords.extend(k for k in b.keywords if k not in a.keywords)
    if len(b.summary) > len(a.summary):
        a.summary = b.summary
    a.sources.extend(s for s in b.sources if s not in a.sources)
    a.warnings.extend(b.warnings)


@dataclass
class Merged:
    """What :func:`merge_groups` made: the merged reviews in first-seen order (slugs not yet told
    apart, :func:`break_ties`), for each the input positions of the entries merged into it (its
    own first), and each warning with the input position of the entry that caused it.

    The positions let a rebuild merge only the groups a new page touches and reuse the others
    (``pipeline/snapshot.py``): a group's result depends only on its own entries, in order.
    """

    reviews: list[Review]
    members: list[list[int]]
    warnings: list[tuple[int, str]]


def merge_groups(reviews: Iterable[Review]) -> Merged:
    """Entries with the same identity merged into one review each (see the module docstring)."""
    out: list[Review] = []
    members: list[list[int]] = []
    by_key: dict[tuple[int | None, str], list[int]] = {}
    warnings: list[tuple[int, str]] = []
    for n, r in enumerate(reviews):
        candidates = by_key.setdefault(r.key, [])
        target = None
        for c in candidates:
            if out[c].area is None or r.area is None or out[c].area == r.area:
                target = c
                break
        if target is None:
            candidates.append(len(out))
            out.append(r)
            members.append([n])
            continue
        into = out[target]
        members[target].append(n)
        if r.sources[0] in into.sources:
            warnings.append((n, f"{r.sources[0].path}: entry '{r.heading}' appears twice on the "
                                "page; merged"))
        _merge_into(into, r)
        into.slug = review_slug(into.publication_year, into.area, into.key[1])
    return Merged(out, members, warnings)


def break_ties(named: Iterable[tuple[str, str]]) -> list[str]:
    """The final slugs of merged reviews given in first-seen order as (slug, heading): two
    different reviews whose headings give the same words are told apart by a hash of the later
    one's heading."""
    seen: set[str] = set()
    out = []
    for slug, heading in named:
        if slug in seen:
            slug = f"{slug[:52]}-{hashlib.sha256(heading.encode()).hexdigest()[:6]}"
        seen.add(slug)
        out.append(slug)
    return out


def merge_reviews(reviews: Iterable[Review]) -> tuple[list[Review], list[str]]:
    """Merged reviews in first-seen order, and warnings about duplicates and conflicts."""
    merged = merge_groups(reviews)
    for r, slug in zip(merged.reviews, break_ties((r.slug, r.heading) for r in merged.reviews),
                       strict=True):
        r.slug = slug
    return merged.reviews, [w for _, w in merged.warnings]
