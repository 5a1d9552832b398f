"""Every input format gives the same facts, and one review read from two pages is one review."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import build, extract_reviews

PAGES = Path(__file__).parent / "pages"


def test_html_page_drops_noise_and_keeps_structure(vocab: Vocabulary) -> None:
    src = read_source(PAGES / "synthetic-monthly.html")
    assert "script-noise" not in src.text and "style-noise" not in src.text
    assert "Scriptshire" not in src.text and "protected]" not in src.text
    reviews, _, _ = extract_reviews([PAGES / "synthetic-monthly.html"], vocab)
    assert [r.slug for r in reviews] == ["2024-testshire-child-17", "2024-testshire-child-18"]
    a, b = reviews
    assert [(c.age_months, c.sex) for c in a.children] == [(3, "male")]
    assert (a.incident_year, a.incident_month) == (2022, 3)
    assert [i.text for i in a.learning] == [
        "health visitors should ask about the father’s role in caring for the baby",
        "professionals must treat a bruise on a non-mobile baby as a possible warning injury"]
    assert len(a.recommendations) == 2
    assert {"H-AHT"} <= {c.notation for c in a.harms}
    assert "RF-DA" in {c.notation for c in a.risk_factors}
    assert "AG-PART" in {c.notation for c in a.agencies}
    assert [(c.age_months, c.sex) for c in b.children] == [(192, "female")]
    assert {"RF-CSE", "RF-MISS"} <= {c.notation for c in b.risk_factors}
    assert b.keywords == ["child sexual exploitation", "missing children"]
    assert len(b.learning) == 2


def test_markdown_page(vocab: Vocabulary) -> None:
    reviews, _, _ = extract_reviews([PAGES / "synthetic-yearly.md"], vocab)
    (r,) = reviews
    assert r.slug == "2024-testshire-child-17"
    assert r.document_kind == "full-report"
    assert len(r.learning) == 2 and len(r.recommendations) == 2
    assert r.keywords == ["non-accidental head injuries", "fathers"]


# Invented test data: a spreadsheet export with quoted cells that hold commas and a line break.
_SHEET = (
    "# Invented test data, not real reviews. Export of a review tracker\n"
    "pseudonym,area,type,year,summary,learning\n"
    '"Child A","Testshire","Serious case review",2019,"Child A, a 2-year-old girl, was found '
    'with inflicted fractures.\nHer father used heroin.","Share information early; see the child"\n'
    '"Child B","Testshire","LCSPR",2022,"Child B, aged 14, went missing often.",""\n'
)


def test_a_spreadsheet_export_is_read_as_records(tmp_path: Path, vocab: Vocabulary) -> None:
    page = tmp_path / "tracker.csv"
    page.write_text(_SHEET, encoding="utf-8")
    src = read_source(page)
    assert src.media_type == "text/csv"
    assert "RECORD 1\nChild A\nArea: Testshire\n" in src.text
    assert "Summary: Child A, a 2-year-old girl, was found with inflicted fractures. Her" in src.text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.slug, r.review_type and r.review_type.notation) for r in reviews] == [
        ("2019-testshire-child-a", "RT-SCR"), ("2022-testshire-child-b", "RT-LCSPR")]
    a, b = reviews
    assert [(c.age_months, c.sex) for c in a.children] == [(24, "female")]
    assert "RF-DRG" in {c.notation for c in a.risk_factors}
    assert "RF-MISS" in {c.notation for c in b.risk_factors}


def test_same_review_on_two_pages_is_one_review(tmp_path: Path) -> None:
    result = build([PAGES / "synthetic-monthly.html", PAGES / "synthetic-yearly.md"], tmp_path)
    slugs = sorted(r.slug for r in result.reviews)
    assert slugs == ["2024-testshire-child-17", "2024-testshire-child-18"]
    merged = next(r for r in result.reviews if r.slug == "2024-testshire-child-17")
    assert sorted(s.name for s in merged.sources) == ["synthetic-monthly.html", "synthetic-yearly.md"]
    assert merged.document_kind == "full-report"  # only the Markdown page links the report
    assert "fathers" in merged.keywords  # only the Markdown page has keywords
    iri = URIRef("https://w3id.org/casegraph/id/review/2024-testshire-child-17")
    assert len(set(result.graph.objects(iri, DCTERMS.source))) == 2
    assert result.report.conforms
