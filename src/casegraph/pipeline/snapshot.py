"""The previous build's merged reviews, so a rebuild turns only the pages it must into objects.

A rebuild after one new page at 10,000 reviews read every cached page back into review objects
(JSON, then the model's constructors) and hashed every merged review's ``repr`` for the review
cache: about 45 of its 122 CPU-s (DECISIONS 51), for reviews that had not changed.  What the rest
of a rebuild needs of an unchanged review is small: its slug and review-cache key (its Turtle
blocks, validation findings and search texts are cached under them), its year, month and
sources (the dataset description), its items' texts and agencies (recurrence), and its warnings.
This module keeps exactly that, per merged review, as a :class:`ReviewView`.

*Why views are keyed by merge group.*  Merging is corpus-wide: entries of one identity (year
and name) on different pages become one review (``graph/merge.py``).  But the merged reviews of
one identity depend only on that identity's entries, in build order, and on nothing else.  A
page's entries are fixed by its extraction-cache key (the page's path and bytes, the extraction
code and the vocabulary), so a group whose sequence of (page key, entry) is what it was in the
previous build has the same merged reviews as then; every other group is merged again from its
entries' objects.  Only then are slugs told apart (``merge.break_ties``, which needs every
group's slug and heading in first-seen order); a view whose final slug changes, or that an
analyst's curation touches (now or in the previous build), is merged again as well.  A view is
never emitted: whatever needs a review's object (a cache miss, quarantine, ``BuildResult.
reviews``) merges its group again (:meth:`Merge.materialise`).

The snapshot is JSON (data, never code, as ``pipeline/cache.py``), tied to the review cache's
digest (code, vocabulary, reference tables) and checked whole (format, digest, a SHA-256 of the
body, every field's type).  Anything else is ignored and the build turns every page into objects
as a cold build does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from casegraph.core.model import Review, SourceRef
from casegraph.graph.merge import break_ties, merge_groups

FORMAT = "casegraph-snapshot/1"

Group = tuple[int | None, str]
#: An entry of a page: (the page's extraction-cache key, the entry's index on the page).
Member = tuple[str, int]


@dataclass(frozen=True)
class ItemView:
    """A learning point or recommendation as recurrence reads it (``recur.items_of``)."""

    text: str
    agencies: tuple[str, ...]


@dataclass
class ReviewView:
    """What a build needs of a merged review it does not turn into an object (module docstring).

    It has the attributes of :class:`Review` that recurrence (``recur.items_of``) and the dataset
    description (``graph.emit``) read, and no others, so code that needs more fails loudly.
    """

    group: Group
    slug: str  # final
    named: str  # before ties were broken
    heading: str
    key: str  # review cache key (pipeline/reviewcache.review_key)
    curated: bool
    publication_year: int | None
    publication_month: int | None
    sources: list[SourceRef]
    learning: list[ItemView]
    recommendations: list[ItemView]
    warnings: list[str]
    members: list[Member]
    merge_warnings: list[tuple[int, str]]  # (index into members, warning)
    #: The snapshot line it was read from (written back as it is: a view never changes).
    line: bytes | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class PageRecord:
    """A page of a build: its extraction-cache key, its entries' identities and its warnings."""

    key: str
    entries: tuple[Group, ...]
    warnings: tuple[str, ...]


@dataclass
class Snapshot:
    pages: list[PageRecord]
    reviews: list[ReviewView]  # every merged review, published or quarantined, first-seen order


def view_of(review: Review, named: str, key: str, curated: bool, members: list[Member],
            merge_warnings: list[tuple[int, str]]) -> ReviewView:
    """The view of a merged (and possibly curated) review, for the next build's snapshot."""
    def items(xs: Iterable[Any]) -> list[ItemView]:
        return [ItemView(i.text, tuple(i.agencies)) for i in xs]
    return ReviewView(review.key, review.slug, named, review.heading, key, curated,
                      review.publication_year, review.publication_month, list(review.sources),
                      items(review.learning), items(review.recommendations), list(review.warnings),
                      members, merge_warnings)


# --- the file ---------------------------------------------------------------------------------


def dumps(snapshot: Snapshot, digest: str) -> bytes:
    """The bytes that :func:`loads` reads back for the same ``digest``: a JSON header, the pages
    as one JSON line, then one line per review.  A view read from the last snapshot is written
    back as the line it was read from (at 10,000 reviews, encoding them all again cost seconds)."""
    pages = json.dumps([[p.key, [list(g) for g in p.entries], list(p.warnings)]
                        for p in snapshot.pages], ensure_ascii=False).encode("utf-8")
    body = b"\n".join([pages, *(v.line or _line(v) for v in snapshot.reviews)])
    head = json.dumps({"format": FORMAT, "digest": digest,
                       "body": hashlib.sha256(body).hexdigest()}).encode()
    return head + b"\n" + body


def _line(v: ReviewView) -> bytes:
    """One review's line (JSON escapes every line break inside its strings)."""
    return json.dumps([list(v.group), v.slug, v.named, v.heading, v.key, v.curated,
                       v.publication_year, v.publication_month,
                       [[s.name, s.path, s.sha256, s.media_type, s.page_title, s.url] for s in v.sources],
                       [[i.text, list(i.agencies)] for i in v.learning],
                       [[i.text, list(i.agencies)] for i in v.recommendations],
                       v.warnings, [list(m) for m in v.members], [list(w) for w in v.merge_warnings]],
                      ensure_ascii=False).encode("utf-8")


def loads(data: bytes | None, digest: str) -> Snapshot | None:
    """The snapshot :func:`dumps` wrote for ``digest``, or None for anything else."""
    if not data:
        return None
    head, sep, body = data.partition(b"\n")
    try:
        doc = json.loads(head)
        if (not sep or not isinstance(doc, dict) or doc.get("format") != FORMAT
                or doc.get("digest") != digest or doc.get("body") != hashlib.sha256(body).hexdigest()):
            return None
        pages, *lines = body.split(b"\n")
        return Snapshot([_page(p) for p in json.loads(pages)],
                        [_view(json.loads(line), line) for line in lines])
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError("expected a string")
    return v


def _opt_str(v: Any) -> str | None:
    return None if v is None else _str(v)


def _int(v: Any) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise TypeError("expected an integer")
    return v


def _opt_int(v: Any) -> int | None:
    return None if v is None else _int(v)


def _group(v: Any) -> Group:
    year, name = v
    return _opt_int(year), _str(name)


def _page(v: Any) -> PageRecord:
    key, entries, warnings = v
    return PageRecord(_str(key), tuple(_group(g) for g in entries), tuple(map(_str, warnings)))


def _items(v: Any) -> list[ItemView]:
    return [ItemView(_str(text), tuple(map(_str, agencies))) for text, agencies in v]


def _view(v: Any, line: bytes) -> ReviewView:
    (group, slug, named, heading, key, curated, year, month, sources, learning,
     recommendations, warnings, members, merge_warnings) = v
    if not isinstance(curated, bool):
        raise TypeError("expected a boolean")
    view = ReviewView(
        _group(group), _str(slug), _str(named), _str(heading), _str(key), curated, _opt_int(year),
        _opt_int(month),
        [SourceRef(_str(a), _str(b), _str(c), _str(d), _opt_str(e), _opt_str(f))
         for a, b, c, d, e, f in sources],
        _items(learning), _items(recommendations), list(map(_str, warnings)),
        [(_str(k), _int(j)) for k, j in members], [(_int(i), _str(w)) for i, w in merge_warnings],
        line)
    if not view.members or any(not 0 <= i < len(view.members) for i, _ in view.merge_warnings):
        raise ValueError("not a review view")
    return view


# --- merging only what changed ----------------------------------------------------------------


@dataclass
class Page:
    """A page of this build: its key, its entries' identities and warnings, and its entries'
    objects once loaded (a page that the previous build did not have is always loaded)."""

    key: str
    entries: tuple[Group, ...]
    warnings: list[str]
    reviews: list[Review] | None = None


@dataclass
class Slot:
    """A merged review of this build: its object, or the previous build's view of it."""

    review: Review | ReviewView
    named: str
    members: list[Member]
    merge_warnings: list[tuple[int, str]]
    first: tuple[int, int] = (0, 0)  # (page, entry) of its first entry: first-seen order


@dataclass
class Merge:
    """Every merged review of a build in first-seen order, objects only where needed."""

    pages: list[Page]
    load: Callable[[Page], list[Review]]
    slots: list[Slot] = field(default_factory=list)
    #: Merge groups merged from objects in this build.
    merged: set[Group] = field(default_factory=set)
    #: The slots by slug, for :meth:`release` (made on first use, forgotten by :meth:`_merge`).
    _by_slug: dict[str, Slot] | None = field(default=None, repr=False)

    def reviews(self) -> list[Review | ReviewView]:
        return [s.review for s in self.slots]

    def warnings(self) -> list[str]:
        """Merge warnings in the order of the entries that caused them (as ``merge_reviews``)."""
        index = {p.key: n for n, p in enumerate(self.pages)}
        found = [((index[s.members[i][0]], s.members[i][1]), w)
                 for s in self.slots for i, w in s.merge_warnings]
        return [w for _, w in sorted(found, key=lambda x: x[0])]

    def snapshot(self, keys: dict[str, str], curated: set[str]) -> Snapshot:
        """This build's snapshot, for the next build: ``keys`` are the review cache keys by slug,
        ``curated`` the slugs of the reviews curations changed."""
        pages = [PageRecord(p.key, p.entries, tuple(p.warnings)) for p in self.pages]
        return Snapshot(pages, [s.review if isinstance(s.review, ReviewView) else
                                view_of(s.review, s.named, keys[s.review.slug],
                                        s.review.slug in curated, s.members, s.merge_warnings)
                                for s in self.slots])

    def objects(self, slugs: list[str]) -> list[Review]:
        """The objects of these reviews, in this order."""
        self.materialise(slugs)
        by_slug = {s.review.slug: s.review for s in self.slots}
        return [by_slug[slug] for slug in slugs]  # type: ignore[misc]

    def materialise(self, slugs: Iterable[str]) -> dict[str, Review]:
        """The objects of these reviews (views are merged again from their groups' entries)."""
        wanted = set(slugs)
        groups = {s.review.group for s in self.slots
                  if isinstance(s.review, ReviewView) and s.review.slug in wanted}
        if groups:
            self._merge(groups)
        return {s.review.slug: s.review for s in self.slots
                if s.review.slug in wanted and isinstance(s.review, Review)}

    def release(self, slugs: Collection[str], keys: dict[str, str]) -> dict[str, ReviewView]:
        """Views in place of these reviews' objects, so that a build need not hold every
        review object at once (DECISIONS 62): ``keys`` are their review-cache keys.  Nothing
        else may hold the objects (the pages' entries are dropped by :meth:`drop_entries`); a
        released review that is needed whole again is merged again from its pages
        (:meth:`materialise`).  A review a curation changed must not be released: merging again
        would lose the curation."""
        if self._by_slug is None:
            self._by_slug = {s.review.slug: s for s in self.slots}
        views: dict[str, ReviewView] = {}
        for slug in slugs:
            s = self._by_slug[slug]
            r = s.review
            if isinstance(r, Review):
                s.review = views[slug] = view_of(r, s.named, keys[slug], False, s.members,
                                                 s.merge_warnings)
        return views

    def drop_entries(self) -> None:
        """Forget every page's entry objects; :attr:`load` reads them again when a group must
        be merged again."""
        for page in self.pages:
            page.reviews = None

    def _merge(self, groups: set[Group]) -> None:
        """Replace the slots of ``groups`` by their reviews merged from objects; slugs are those
        the views had (ties were broken over the whole build already) or, for groups merged for
        the first time here, left for :func:`merge` to set."""
        entries: list[tuple[int, int, Review]] = []
        for n, page in enumerate(self.pages):
            if any(g in groups for g in page.entries):
                objects = self.load(page)
                entries += [(n, j, objects[j]) for j, g in enumerate(page.entries) if g in groups]
        merged = merge_groups(r for _, _, r in entries)
        fresh = [Slot(r, r.slug, [(self.pages[entries[i][0]].key, entries[i][1]) for i in members],
                      [(members.index(i), w) for i, w in merged.warnings if i in members],
                      (entries[members[0]][0], entries[members[0]][1]))
                 for r, members in zip(merged.reviews, merged.members, strict=True)]
        old = {s.first: s for s in self.slots if _group_of(s) in groups}
        for s in fresh:
            view = old.get(s.first)
            if view is not None and isinstance(view.review, ReviewView):
                s.review.slug = view.review.slug  # type: ignore[union-attr]
        self.slots = sorted([s for s in self.slots if _group_of(s) not in groups] + fresh,
                            key=lambda s: s.first)
        self._by_slug = None
        self.merged |= groups


def _group_of(slot: Slot) -> Group:
    return slot.review.key if isinstance(slot.review, Review) else slot.review.group


def merge(pages: list[Page], old: Snapshot | None, load: Callable[[Page], list[Review]]) -> Merge:
    """The merged reviews of ``pages`` (in build order), reusing ``old``'s views for groups whose
    entries are unchanged; see the module docstring.  A view that was curated in the previous
    build is merged again (the caller materialises the reviews its curations name now)."""
    m = Merge(pages, load)
    sequence: dict[Group, list[Member]] = {}
    for p in pages:
        for j, g in enumerate(p.entries):
            sequence.setdefault(g, []).append((p.key, j))
    views: dict[Group, list[ReviewView]] = {}
    before: dict[Group, list[Member]] = {}
    if old is not None:
        for v in old.reviews:
            views.setdefault(v.group, []).append(v)
        for rec in old.pages:
            for j, g in enumerate(rec.entries):
                before.setdefault(g, []).append((rec.key, j))
    position = {p.key: n for n, p in enumerate(pages)}
    dirty = {g for g, seq in sequence.items() if g not in views or before.get(g) != seq}
    dirty |= {v.group for vs in views.values() for v in vs if v.curated}
    m.slots = sorted((Slot(v, v.named, v.members, v.merge_warnings,
                           (position[v.members[0][0]], v.members[0][1]))
                      for g, vs in views.items() if g in sequence and g not in dirty for v in vs),
                     key=lambda s: s.first)
    todo = dirty
    while True:  # ties are broken over every group; a view whose slug changes is merged again
        if todo:
            m._merge(todo)
        finals = break_ties((s.named, s.review.heading) for s in m.slots)
        todo = set()
        for s, slug in zip(m.slots, finals, strict=True):
            if isinstance(s.review, ReviewView):
                if s.review.slug != slug:
                    todo.add(s.review.group)
            else:
                s.review.slug = slug
        if not todo:
            return m
