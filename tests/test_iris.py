"""IRIs: stable, short, only from published heading words."""

from __future__ import annotations

import re

import pytest

from casegraph.core.iris import named_area, review_iri, review_slug, slugify


@pytest.mark.parametrize("year,area,name,slug", [
    (2023, None, "Child A", "2023-child-a"),
    (2016, "Anonymous", "Child BS", "2016-child-bs"),
    (2013, "Derbyshire", "BDS12", "2013-derbyshire-bds12"),
    (2018, "NSPCC on behalf of unnamed LSCB", "Child 17", "2018-child-17"),
    (None, None, "Baby C", "undated-baby-c"),
    (2020, "Brighton & Hove", "Child Ö", "2020-brighton-hove-child-o"),
])
def test_review_slugs(year: int | None, area: str | None, name: str, slug: str) -> None:
    assert review_slug(year, area, name) == slug
    assert review_iri(slug) == f"https://w3id.org/casegraph/id/review/{slug}"


def test_slugs_are_bounded_and_safe() -> None:
    long = "A very long published heading " * 5
    s = review_slug(2020, "Some Very Long Area Name Indeed Borough", long)
    assert len(s) <= 60 and re.fullmatch(r"[a-z0-9-]+", s)
    assert s == review_slug(2020, "Some Very Long Area Name Indeed Borough", long)
    assert slugify("!!!") == "unnamed"


def test_anonymous_areas_are_not_areas() -> None:
    assert named_area("Anonymous") is None
    assert named_area("anonymised") is None
    assert named_area("Testshire") == "Testshire"
