"""A record's own fields about the child and the harm: "Age: 2y 3m", "Sex: F", "Date of
incident: 07/2018" (a tracker's columns, a key-facts list).  Invented records, neutral
pseudonyms; expected values are read off the invented text by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.core.model import Review
from casegraph.extract.extractor import Extractor
from casegraph.extract.stated import age_months, stated_ages, stated_incident, stated_sexes
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.parse import parse_page
from casegraph.ingest.sources import SourceText, read_source


@pytest.mark.parametrize("value,months", [
    ("2y 3m", 27), ("0y 2m", 2), ("15y", 180), ("17", 204), ("6 weeks", 1), ("4 years", 48),
    ("11 years and 6 months", 138), ("15 yrs", 180), ("newborn", 0), ("3 days old", 0),
    ("seven months", 7), ("aged 9", 108),
    # bounds, ranges and unknowns give nothing
    ("under 1", None), ("0-1", None), ("n/k", None), ("teenager", None), ("19y", None)])
def test_an_age_field_in_a_trackers_shorthand(value: str, months: int | None) -> None:
    assert age_months(value) == months


def test_an_age_field_names_each_child() -> None:
    assert stated_ages("AE 6y; AF 9y", ["Child AE", "Child AF"]) == [72, 108]
    assert stated_ages("AF 9y; AE 6y", ["Child AE", "Child AF"]) == [72, 108]
    assert stated_ages("6y, 9y", ["Child AE", "Child AF"]) == [72, 108]
    assert stated_ages("under 5", ["Child AE"]) is None


def test_a_sex_field_names_each_child() -> None:
    assert stated_sexes("AE F; AF M", ["Child AE", "Child AF"]) == ["female", "male"]
    assert stated_sexes("Male", ["Child B"]) == ["male"]
    assert stated_sexes("not recorded", ["Child B"]) is None


@pytest.mark.parametrize("value,date", [
    ("07/2018", (2018, 7)), ("2022-08", (2022, 8)), ("21/11/2020", (2020, 11)),
    ("March 2021", (2021, 3)), ("3rd March 2021", (2021, 3)), ("2019", (2019, None)),
    ("n/k (prolonged)", (None, None)), ("ongoing", (None, None))])
def test_an_incident_date_field(value: str, date: tuple[int | None, int | None]) -> None:
    assert stated_incident(value) == date


TRACKER = (
    "# [Invented test page: not a real tracker]\n"
    "Pseudonym\tReview type\tArea\tDate of incident\tDecision date\tChild age at incident\tSex\t"
    "Circumstances (summary)\tFactors identified\tNo. of recs\tDate published\n"
    "Child Q\tLCSPR\tTestshire\t03/2021\t12/05/2021\t0y 4m\tF\tFractured arm, non-accidental\t"
    "Father's cocaine use; DV incidents reported to police\t5\t10/10/2022\n"
    "Children R and S\tLCSPR\tTestshire\tn/k\t01/02/2022\tR 6y; S 9y\tR F; S M\tChronic neglect\t"
    "Own alcohol use by S; not brought to appointments\t4\t03/03/2023\n")


def _tracker_reviews(vocab: Vocabulary, tmp_path: Path) -> list[Review]:
    path = tmp_path / "tracker.tsv"
    path.write_text(TRACKER, encoding="utf-8")
    source: SourceText = read_source(path)
    page = parse_page(source)
    ex = Extractor(vocab)
    return [ex.extract(e, page) for e in page.entries]


def test_a_trackers_columns_give_age_sex_and_incident(vocab: Vocabulary, tmp_path: Path) -> None:
    """Issue 15: a tracker's export states the child's age and sex and the date of the incident in
    columns of their own; before session 24 all three were left unread."""
    q, rs = _tracker_reviews(vocab, tmp_path)
    assert [(c.pseudonym, c.age_months, c.sex) for c in q.children] == [("Child Q", 4, "female")]
    assert (q.incident_year, q.incident_month) == (2021, 3)
    # "Decision date" is not the publication date when a column says "published"
    assert q.key[0] == 2022
    assert [(c.age_months, c.sex) for c in rs.children] == [(72, "female"), (108, "male")]
    assert (rs.incident_year, rs.incident_month) == (None, None)  # the record says "n/k"


def test_a_trackers_factors_column_is_the_account(vocab: Vocabulary, tmp_path: Path) -> None:
    """"Factors identified" is what the review found in the family: its risk factors are facts."""
    q, _ = _tracker_reviews(vocab, tmp_path)
    assert {"RF-DRG", "RF-DA"} <= {c.notation for c in q.risk_factors}
