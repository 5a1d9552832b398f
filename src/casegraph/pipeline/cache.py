"""The per-page extraction cache, stored as data (JSON), never as code.

A pickle at a predictable path runs whatever it holds when loaded, so anyone who can write into
``OUT/.casegraph-cache/`` could run code in the next build.  JSON cannot: an entry is read back
field by field into the model's dataclasses, and anything that is not exactly what this module
wrote (a damaged, planted or foreign file, or one from another version) is a cache miss that
only costs time.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from casegraph.core.model import Child, Coded, Evidence, ListItem, Mention, Review, SourceRef

FORMAT = "casegraph-extract-cache/2"  # 2: source documents have a url

PageResult = tuple[list[Review], list[str]]


class CacheMiss(Exception):
    """The cache entry is absent, damaged or not ours."""


def dumps(key: str, result: PageResult) -> bytes:
    """The JSON bytes of one page's reviews and warnings, tagged with the entry's key."""
    reviews, warnings = result
    doc = {"format": FORMAT, "key": key, "warnings": warnings,
           "reviews": [_plain(r) for r in reviews]}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


_NOT_A_DATACLASS = ()
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` gives for the model's dataclasses, as JSON writes it.

    ``asdict`` deep-copies every value and looks up the fields of every instance; for the
    ~900 objects of one review that was a third of a cold build's cache writing.  The model
    holds only dataclasses, lists, tuples and scalars, so a walk over the field names (looked up
    once per class) gives the same JSON.
    """
    cls = type(value)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = (tuple(f.name for f in dataclasses.fields(cls))
                                if dataclasses.is_dataclass(cls) else _NOT_A_DATACLASS)
    if names:
        return {name: _plain(getattr(value, name)) for name in names}
    if cls is list or cls is tuple:
        return [_plain(v) for v in value]
    if cls is dict:
        return {k: _plain(v) for k, v in value.items()}
    return value


def loads(key: str, data: bytes) -> PageResult:
    """The page result written by :func:`dumps` for ``key``, or :class:`CacheMiss`."""
    try:
        doc = json.loads(data)
        if doc["format"] != FORMAT or doc["key"] != key:
            raise CacheMiss("not this entry")
        warnings = [_str(w) for w in doc["warnings"]]
        return [_review(r) for r in doc["reviews"]], warnings
    except CacheMiss:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CacheMiss(str(exc)) from None


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError("expected a string")
    return v


def _opt(v: Any, kind: type) -> Any:
    if (v is not None and not isinstance(v, kind)) or (isinstance(v, bool) and kind is int):
        raise TypeError(f"expected {kind.__name__} or null")
    return v


def _source(d: dict) -> SourceRef:
    return SourceRef(_str(d["name"]), _str(d["path"]), _str(d["sha256"]), _str(d["media_type"]),
                     _opt(d["page_title"], str), _opt(d["url"], str))


def _evidence(d: dict) -> Evidence:
    return Evidence(_source(d["source"]), _opt(d["start"], int), _opt(d["end"], int), _str(d["exact"]),
                    _str(d["prefix"]), _str(d["suffix"]), _opt(d["curated"], str), _str(d["sentence"]))


def _coded(d: dict) -> Coded:
    return Coded(_str(d["scheme"]), _str(d["notation"]), [_evidence(e) for e in d["evidence"]])


def _item(d: dict) -> ListItem:
    return ListItem(_str(d["text"]), _evidence(d["evidence"]), [_str(x) for x in d["themes"]],
                    [_str(x) for x in d["agencies"]], _opt(d["addressee"], str))


def _mention(d: dict) -> Mention:
    return Mention(_str(d["scheme"]), _str(d["notation"]), _str(d["section"]), _str(d["experiencer"]),
                   _str(d["assertion"]), _evidence(d["evidence"]), _str(d["matched"]), bool(d["fact"]))


def _child(d: dict) -> Child:
    return Child(_opt(d["pseudonym"], str), _opt(d["age_months"], int), _opt(d["sex"], str),
                 bool(d["minor"]))


def _review(d: dict) -> Review:
    year, name = d["key"]
    return Review(
        key=(_opt(year, int), _str(name)), slug=_str(d["slug"]), title=_str(d["title"]),
        heading=_str(d["heading"]), publication_year=_opt(d["publication_year"], int),
        publication_month=_opt(d["publication_month"], int), area=_opt(d["area"], str),
        review_types=[_coded(c) for c in d["review_types"]],
        document_kind=_opt(d["document_kind"], str), children=[_child(c) for c in d["children"]],
        harms=[_coded(c) for c in d["harms"]], incident_year=_opt(d["incident_year"], int),
        incident_month=_opt(d["incident_month"], int),
        risk_factors=[_coded(c) for c in d["risk_factors"]],
        agencies=[_coded(c) for c in d["agencies"]], themes=[_coded(c) for c in d["themes"]],
        learning=[_item(i) for i in d["learning"]], recommendations=[_item(i) for i in d["recommendations"]],
        mentions=[_mention(m) for m in d["mentions"]], keywords=[_str(k) for k in d["keywords"]],
        summary=_str(d["summary"]), sources=[_source(s) for s in d["sources"]],
        warnings=[_str(w) for w in d["warnings"]])
