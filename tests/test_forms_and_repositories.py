"""Exports whose records the reader of JSON, XML or CSV did not see as a page shows them
(session 53, from validation36's pages): a DSpace 7 repository's REST search, a filled-in
InfoPath form and a SurveyMonkey export with its two header rows; and the page rules written
with them (a release's masthead and date, a child's age after its sex, a spreadsheet's
"Oct-2022", a numbered list of two on one line, a rapid review's record).

Every fixture here is invented test data about invented children (neutral pseudonyms,
``example`` addresses), written in each tool's own layout; the values asserted are read off
the fixture by hand."""

from __future__ import annotations

import json
from pathlib import Path

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews


def _one(path: Path, vocab: Vocabulary):  # type: ignore[no-untyped-def]
    reviews, _, _ = extract_reviews([path], vocab)
    assert len(reviews) == 1, [r.heading for r in reviews]
    return reviews[0]


# ----------------------------------------------------------------------------- DSpace 7 REST
def _dspace_item(title: str, **fields: list[str]) -> dict[str, object]:
    metadata = {"dc.title": [title], "dc.date.accessioned": ["2018-02-14T10:22:41Z"],
                "dc.identifier.uri": ["https://repository.example.ac.uk/handle/1/1"], **{
                    k.replace("_", "."): v for k, v in fields.items()}}
    return {"id": "x", "name": title, "type": "item", "metadata": {
        k: [{"value": v, "language": None, "authority": None, "confidence": -1, "place": n}
            for n, v in enumerate(values)] for k, values in metadata.items()}}


def test_a_dspace_search_is_read_as_its_items(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each item in ``_embedded`` is a record of its Dublin Core fields by their last part
    (issued, spatial, abstract, subject, the author as the creator); the repository's own
    fields (accessioned, identifier) and the search's highlights are left out."""
    item = _dspace_item("Serious Case Review – Child Q (invented)", dc_contributor_author=["Testshire LSCB"],
                        dc_coverage_spatial=["Testshire"], dc_date_issued=["2017-09"],
                        dc_subject=["Neglect", "Siblings"],
                        dc_description_abstract=["Child Q, an invented boy aged 22 months, was found in "
                                                 "a very poor state at home in January 2016."])
    response = {"type": "discover", "_embedded": {"searchResult": {"_embedded": {"objects": [
        {"hitHighlights": {"dc.title": ["Serious <em>Case</em> Review"]},
         "_embedded": {"indexableObject": item}}]}}}}
    page = tmp_path / "search-objects.json"
    page.write_text(json.dumps(response), encoding="utf-8")
    text = read_source(page).text
    assert "Serious Case Review – Child Q (invented)\nPartnership: Testshire LSCB\nArea: Testshire" in text
    assert "Keywords: Neglect; Siblings" in text
    assert "accessioned" not in text.lower() and "<em>" not in text and "handle/1/1" not in text
    review = _one(page, vocab)
    assert (review.area, review.publication_year, review.incident_year) == ("Testshire", 2017, 2016)


# -------------------------------------------------------------------------------- InfoPath
_INFOPATH = """<?xml version="1.0" encoding="UTF-8"?><?mso-infoPathSolution name="urn:x" ?>
<?mso-application progid="InfoPath.Document" versionProgid="InfoPath.Document.4"?>
<my:myFields xmlns:my="http://schemas.microsoft.com/office/infopath/2003/myXSD/2023-02-14T10:21:33"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<my:FormTitle>Case Review Learning Record</my:FormTitle>
<my:ReviewDetails><my:ReviewTitle>Concise Child Practice Review – Child R (invented)</my:ReviewTitle>
<my:LocalAuthority>Conwy</my:LocalAuthority><my:DatePublished>2024-02-22</my:DatePublished></my:ReviewDetails>
<my:Children><my:Child><my:Pseudonym>Child R</my:Pseudonym><my:Sex>Female</my:Sex><my:Age>6 years</my:Age>
</my:Child></my:Children>
<my:Summary><div xmlns="http://www.w3.org/1999/xhtml">Child R, an invented girl, was bruised in 2022.</div>
<div xmlns="http://www.w3.org/1999/xhtml">Her school saw the bruises.</div></my:Summary>
<my:LearningPoints><my:LearningPoint>Bruising needs to be seen as a pattern.</my:LearningPoint>
<my:LearningPoint>Records should follow a family that moves.</my:LearningPoint></my:LearningPoints>
<my:OtherReviews xsi:nil="true"></my:OtherReviews>
</my:myFields>"""


def test_an_infopath_form_is_read_as_one_record_of_its_fields(tmp_path: Path, vocab: Vocabulary) -> None:
    """The form's fields by their words ("LocalAuthority" is "Local authority"), a repeating
    section as its rows (two learning points), rich text as its paragraphs; an empty field says
    nothing."""
    page = tmp_path / "CRLR-invented.xml"
    page.write_text(_INFOPATH, encoding="utf-8")
    text = read_source(page).text
    assert "Local authority: Conwy" in text and "Form title: Case Review Learning Record" in text
    assert "Child R, an invented girl, was bruised in 2022.\n\nHer school saw the bruises." in text
    assert "Other reviews" not in text
    review = _one(page, vocab)
    assert (review.area, review.publication_year, len(review.learning)) == ("Conwy", 2024, 2)
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child R", 72)]


# ------------------------------------------------------------------------------ SurveyMonkey
_SURVEY = "\n".join([
    "Respondent ID,Collector ID,Start Date,End Date,IP Address,Which partnership is submitting?,"
    'Review title (as published),Type of review,,,"Child or children (pseudonym, sex, age)",'
    "Key learning (one per line),How many recommendations did the review make?",
    ",,,,,Response,Open-Ended Response,Learning review,Significant case review,Other (please specify),"
    "Open-Ended Response,Open-Ended Response,Response",
    "1,9,02/19/2024 09:02:11 AM,02/19/2024 09:04:40 AM,,TEST - please ignore,Test,,,,,,",
    '2,9,03/28/2024 02:15:37 PM,03/28/2024 02:41:03 PM,,Testshire Child Protection Committee,'
    'Learning Review: Child B (invented),Learning review,,,"Child B, boy, 14 months",'
    '"Earlier referrals were closed without the history.\nBath-time supervision needs a clear message.",4',
])


def test_a_surveymonkey_export_is_read_by_its_questions(tmp_path: Path, vocab: Vocabulary) -> None:
    """The second header row is the answers' row, not a response; a question of several
    columns (its options) is one answer; the form's owner's test is nobody's response; "How
    many recommendations" is the count, not a recommendation."""
    page = tmp_path / "submissions.csv"
    page.write_text(_SURVEY, encoding="utf-8")
    text = read_source(page).text
    assert "Open-Ended Response" not in text and "please ignore" not in text
    assert "Review type: Learning review" in text and "Number of recommendations: 4" in text
    assert "IP Address" not in text and "Start Date" not in text
    review = _one(page, vocab)
    assert [(c.pseudonym, c.age_months, c.sex) for c in review.children] == [("Child B", 14, "male")]
    assert len(review.learning) == 2


# ---------------------------------------------------------------------------- page rules
def test_a_release_with_its_masthead_date_and_headline(tmp_path: Path, vocab: Vocabulary) -> None:
    """"For immediate release" alone on its line heads nothing, "Issued:" is the release's
    date, a headline that names the child is the review's title, and "What the review found"
    over bullets is the learning listed (not the account's "The review found that ...")."""
    page = tmp_path / "news-release.txt"
    page.write_text("\n".join([
        "TESTSHIRE SAFEGUARDING CHILDREN PARTNERSHIP", "NEWS RELEASE", "", "Issued: 4 July 2024",
        "For immediate release", "",
        "Partnership publishes review into the death of four-year-old Robin", "",
        "Testshire Safeguarding Children Partnership has today published a local child safeguarding "
        "practice review following the death of a four-year-old boy, known in the review as Robin "
        "(invented test data).", "",
        "Robin died in a house fire in May 2023. The review found that the children had often been "
        "left alone at night, which it describes as neglect.", "",
        "What the review found", "",
        "* Health visitors did not book interpreters.", "* Nobody asked about childcare at night.", "",
        "ENDS"]), encoding="utf-8")
    review = _one(page, vocab)
    assert review.heading == "Partnership publishes review into the death of four-year-old Robin"
    assert (review.publication_year, review.incident_year, review.incident_month) == (2024, 2023, 5)
    assert review.review_type is not None and review.review_type.notation == "RT-LCSPR"
    assert [i.text.rstrip(".") for i in review.learning] == ["Health visitors did not book interpreters",
                                                             "Nobody asked about childcare at night"]


def test_a_data_sets_fields_read_as_its_facts(tmp_path: Path, vocab: Vocabulary) -> None:
    """A tracker's "Incident: Oct-2022" (Excel's month format), "Age as stated", a numbered
    list of two on one line; a rapid review's record and a notification that "did not meet
    CMR criteria" are no reviews."""
    page = tmp_path / "tracker.csv"
    page.write_text("\n".join([
        "Review,Area,Published,Incident,Age as stated,Summary,Recs",
        '"Learning Review: Child H (invented)",Dundee City,2023,Oct-2022,2 yrs 3 mths,'
        '"Child H, an invented girl, was admitted with a broken arm.",'
        '"1) Nursery escalation pathway 2) Household composition prompt"',
        "RR 6/2024,Bridgend,,,,Date of rapid review 29/02/2024. Outcome: multi-agency forum.,",
        '"Notification 11/22 - did not meet CMR criteria",Belfast,,,,Referred to the SBNI.,',
    ]), encoding="utf-8")
    review = _one(page, vocab)
    assert (review.incident_year, review.incident_month) == (2022, 10)
    assert [c.age_months for c in review.children] == [27]
    assert len(review.recommendations) == 2
