"""IRIs: stable, short, only from published heading words."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_the_word_area_after_a_bodys_name_is_not_its_name() -> None:
    """"Testshire Trust area" is the Testshire Trust's: one area, one IRI (session 37)."""
    assert named_area("Testshire Trust area") == named_area("Testshire Trust") == "Testshire Trust"
    assert named_area("Testshire HSC Trust area") == "Testshire HSC Trust"
    assert named_area("Lake Area") == "Lake Area"  # (a place named so keeps its name)


def test_an_areas_one_name_whatever_its_case(tmp_path: Path) -> None:
    """Two pages that write one area in different cases ("Mid And West Wales", a heading in
    capitals title-cased, and "Mid and West Wales") give one IRI with one name (before: two
    rdfs:label values broke a shape outside any review, and the whole build stopped)."""
    from casegraph.core.iris import area_iri, area_label

    assert area_label("Mid And West Wales") == area_label("Mid and West Wales") == "Mid and West Wales"
    assert area_label("VALE OF GLAMORGAN") == "Vale of Glamorgan"
    assert area_label("Stoke-on-Trent") == "Stoke-on-Trent"
    # (session 51) a Markdown escape left at the end, or a sentence's full stop, is no part of it
    assert area_label("Fermanagh and Omagh\\") == area_label("Fermanagh and Omagh.") == "Fermanagh and Omagh"
    assert area_label("Newry, Mourne and Down") == "Newry, Mourne and Down"
    assert area_iri("Mid And West Wales") == area_iri("Mid and West Wales")
    text = _two_pages_built(tmp_path, "Child Practice Review", ["Mid And West Wales", "Mid and West Wales"])
    assert '"Mid and West Wales"' in text and '"Mid And West Wales"' not in text


def _two_pages_built(folder: Path, review_type: str, areas: list[str]) -> str:
    """Two invented pages, one review each, naming one area in two ways: built together with
    no review quarantined, the Turtle written."""
    from casegraph.pipeline.build import build

    for n, area in enumerate(areas):
        (folder / f"p{n}.txt").write_text(
            f"[Invented test page: not a real review]\n\n{review_type}: Child {'PQ'[n]}\n"
            f"Published: 2024\nArea: {area}\n\nChild {'PQ'[n]}, a child aged 3, was neglected.\n",
            encoding="utf-8")
    result = build([folder], folder / "out")
    assert len(result.reviews) == 2 and not result.quarantined
    return (folder / "out" / "casegraph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("published,area", [
    ("Bury Integrated", "Bury"), ("Rochdale Borough", "Rochdale"), ("Gwent Safeguarding", "Gwent"),
    ("Telford & Wrekin", "Telford and Wrekin"), ("Leeds | Published: 2021", "Leeds"),
    ("Local", None), ("Children", None), ("Practice", None),
])
def test_an_area_without_a_bodys_words_or_a_rows_next_field(published: str, area: str | None) -> None:
    """A body's own word after the place, "&" for "and", a table row's next field, and a word
    of a body's name where the place should be are no part of an area's name (before: "Bury
    Integrated", "Leeds | Published: 2021", "Local" were areas)."""
    assert named_area(published) == area


def test_two_spellings_of_one_slug_give_the_tables_one_name(tmp_path: Path) -> None:
    """"Newry Mourne and Down" and "Newry, Mourne and Down" share an IRI (one slug); the name it
    carries is the reference tables' ("Newry, Mourne and Down"), so both pages build (session 51
    noticed that the comma made two names and would stop the build)."""
    from casegraph.core.places import printed_name

    assert printed_name("Newry Mourne and Down") == printed_name("Newry, Mourne and Down") \
        == "Newry, Mourne and Down"
    assert printed_name("Testshire") == "Testshire"  # (a name the tables do not know stays)
    text = _two_pages_built(tmp_path, "Case Management Review", ["Newry Mourne and Down",
                                                                 "Newry, Mourne and Down"])
    assert '"Newry, Mourne and Down"' in text and '"Newry Mourne and Down"' not in text
