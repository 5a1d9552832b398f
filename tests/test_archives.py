"""Files a researcher, an archive or a partnership keeps about its reviews in a tool's own format
(session 48, validation31): a map layer exported as GML, a bibliography biber wrote (``.bbl``),
an Apple Mail message (``.emlx``), an ARC web archive, an X archive's ``tweets.js``, a Facebook
page's posts and a task tracker's CSV whose subtasks are a review's recommendations.
Every fixture here is invented test data about invented children."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import discover, not_read, read_source
from casegraph.pipeline.build import extract_reviews

_ACCOUNT = ("Child P, aged 6 months, was taken to hospital in May 2022 with a fractured arm; the "
            "injury had been inflicted (invented test data).")


def test_a_gml_map_layer_is_read_as_its_features(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each feature member's attributes are a record; its extent, point and row number are the
    map's.  Before, ``.gml`` was no type casegraph read: the folder's reviews were lost."""
    page = tmp_path / "reviews_map.gml"
    page.write_text(
        '<?xml version="1.0" encoding="utf-8" ?>\n<ogr:FeatureCollection gml:id="c" '
        'xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml/3.2">\n'
        '<gml:boundedBy><gml:Envelope><gml:lowerCorner>190412.7 60233.1</gml:lowerCorner>'
        '</gml:Envelope></gml:boundedBy>\n<ogr:featureMember><ogr:reviews gml:id="reviews.0">'
        '<ogr:geometryProperty><gml:Point><gml:pos>190412.7 60233.1</gml:pos></gml:Point>'
        '</ogr:geometryProperty><ogr:fid>1</ogr:fid>'
        '<ogr:title>Child P – Local Child Safeguarding Practice Review</ogr:title>'
        '<ogr:area>Testshire</ogr:area><ogr:published>2023</ogr:published>'
        f'<ogr:summary>{_ACCOUNT}</ogr:summary></ogr:reviews></ogr:featureMember>\n'
        '<ogr:featureMember><ogr:reviews gml:id="reviews.1"><ogr:fid>2</ogr:fid>'
        '<ogr:title>Rapid review – infant, Testshire (no LCSPR)</ogr:title><ogr:summary>Partners '
        'agreed that the learning could be taken forward without a local review.</ogr:summary>'
        '</ogr:reviews></ogr:featureMember>\n</ogr:FeatureCollection>\n', encoding="utf-8")
    assert page in list(discover([tmp_path]))
    text = read_source(page).text
    assert "190412.7" not in text and "Fid" not in text
    (review,) = extract_reviews([page], vocab)[0]  # (the rapid review that ended there is none)
    assert review.children[0].pseudonym == "Child P" and review.publication_year == 2023
    assert review.area == "Testshire"


_BBL = r"""% $ biblatex auxiliary file $
% $ biblatex bbl format version 3.2 $
\refsection{0}
  \datalist[entry]{nyt/global//global/global}
    \entry{tsb2023p}{report}{}
      \name{author}{1}{}{%
        {{hash=0a2c}{%
           family={{Testshire Safeguarding Board}},
           familyi={T\bibinitperiod}}}%
      }
      \list{location}{1}{%
        {Testshire}%
      }
      \strng{namehash}{0a2c4e6f}
      \field{sortinit}{T}
      \field{abstract}{Child P, aged 6 months, had a fractured arm in May 2022 (invented test data).}
      \field{title}{Child Practice Review TSB 1/2023: Child P}
      \field{type}{Concise Child Practice Review}
      \field{year}{2023}
      \field{pages}{41\bibrangedash 63}
      \keyw{fractures,fathers}
    \endentry
    \entry{hmg2018}{book}{}
      \field{title}{Working Together to Safeguard Children}
      \field{annotation}{Statutory guidance; cited for the rapid review timescale.}
      \field{year}{2018}
    \endentry
  \enddatalist
\endrefsection
"""


def test_a_biber_bibliography_is_read_as_its_entries(tmp_path: Path, vocab: Vocabulary) -> None:
    """An entry's fields, lists and corporate author are its record, its keywords "\\keyw";
    biber's hashes and sort keys are none, and the statutory guidance cited beside the
    reviews is no review."""
    page = tmp_path / "chapter5.bbl"
    page.write_text(_BBL, encoding="utf-8")
    text = read_source(page).text
    assert "Partnership: Testshire Safeguarding Board" in text and "hash" not in text
    assert "Keywords: fractures; fathers" in text and "sortinit" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.publication_year == 2023


def test_a_bbl_without_entries_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.bbl"
    page.write_text("% $ biblatex auxiliary file $\n\\endinput\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"empty\.bbl.*no entry"):
        read_source(page)


def test_an_apple_mail_message_is_read_without_its_property_list(tmp_path: Path) -> None:
    """The message the first line counts, decoded from quoted-printable; Mail's plist after it is
    no part of what was sent."""
    message = ("From: Business Unit <unit@example.org>\r\n"
               "Subject: Reviews update =?utf-8?Q?=E2=80=93?= June\r\n"
               "Content-Type: text/plain;\r\n\tcharset=utf-8\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n"
               "\r\n1. LCSPR =E2=80=93 Child P\r\n\r\nChild P was 6 months old when she was taken to hos=\r\n"
               "pital (invented test data).\r\n")
    plist = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
             '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'
             "<key>flags</key>\n<integer>8623489153</integer>\n</dict>\n</plist>\n")
    page = tmp_path / "48213.emlx"
    page.write_bytes(f"{len(message.encode())}      \n{message}{plist}".encode())
    text = read_source(page).text
    assert "Subject: Reviews update – June" in text and "1. LCSPR – Child P" in text
    assert "taken to hospital" in text and "plist" not in text and "8623489153" not in text


def test_an_emlx_without_its_byte_count_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "1.emlx"
    page.write_text("From: a@example.org\n\nHello\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"1\.emlx.*line 1: no byte count"):
        read_source(page)


def _arc_record(url: str, mime: str, body: str, status: str = "200 OK") -> str:
    block = f"HTTP/1.1 {status}\nContent-Type: {mime}\n\n{body}" if url.startswith("http") else body
    return f"{url} 192.0.2.87 20100316101505 {mime} {len(block)}\n{block}\n\n"


def test_an_arc_web_archive_is_read_as_its_pages(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each successful HTML capture is a page; the archive's description, its DNS lookups,
    robots.txt and a missing page are the crawl's plumbing."""
    page = tmp_path / "crawl.arc"
    page.write_text(
        _arc_record("filedesc://crawl.arc", "text/plain", "1 1 InternetArchive\nURL IP-address "
                    "Archive-date Content-type Archive-length\n<arcmetadata/>")
        + _arc_record("dns:www.example.org", "text/dns", "www.example.org. 3600 IN A 192.0.2.87")
        + _arc_record("http://www.example.org/robots.txt", "text/plain", "User-agent: *\nDisallow: /admin/")
        + _arc_record("http://www.example.org/gone.html", "text/html", "<p>Not found</p>", "404 Not Found")
        + _arc_record("http://www.example.org/scr.html", "text/html; charset=iso-8859-1",
                      "<html><body><h3>Serious Case Review &ndash; Child P</h3>"
                      f"<p>{_ACCOUNT}</p><p>Executive summary published March 2009.</p></body></html>"),
        encoding="utf-8")
    text = read_source(page).text
    assert "Serious Case Review – Child P" in text
    assert "Disallow" not in text and "Not found" not in text and "IN A" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.publication_year == 2009


def test_a_file_that_is_no_arc_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "notes.arc"
    page.write_text("An arc of learning over three years.\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match=r"notes\.arc.*filedesc"):
        read_source(page)


def _tweet(tid: str, text: str, reply_to: str | None = None) -> dict:
    tweet = {"id_str": tid, "created_at": "Wed Mar 13 10:02:11 +0000 2024", "full_text": text,
             "entities": {"urls": [{"url": "https://t.co/Qx3vP1kL9a", "indices": ["10", "33"]}]}}
    if reply_to:
        tweet["in_reply_to_status_id_str"] = reply_to
    return {"tweet": tweet}


def test_an_x_archive_is_read_as_its_threads(tmp_path: Path, vocab: Vocabulary) -> None:
    """A review told over a thread of replies is one record, its tweets in order, counters and
    t.co links dropped, "&amp;" undone, emoji bullets a list; the day posted is its date."""
    tweets = [_tweet("3", "It makes 4 recommendations &amp; more. https://t.co/Qx3vP1kL9a 3/3", "2"),
              _tweet("2", "Learning:\n▶️ see the baby\n▶️ ask who lives there 2/3", "1"),
              _tweet("1", "Today we publish Concise Child Practice Review TSB 1/2024 – Child P. "
                     f"{_ACCOUNT} 🧵1/3")]
    page = tmp_path / "tweets.js"
    page.write_text("window.YTD.tweets.part0 = " + json.dumps(tweets, indent=2), encoding="utf-8")
    text = read_source(page).text
    assert text.index("Today we publish") < text.index("Learning:") < text.index("4 recommendations")
    assert "t.co" not in text and "&amp;" not in text and "3/3" not in text and "- see the baby" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.publication_year == 2024
    assert len(review.learning) == 2


def test_a_folder_reads_an_x_archive_but_not_a_saved_pages_script(tmp_path: Path) -> None:
    """A ``.js`` file in a folder is read only when it is an X archive's; a site's script is
    passed over without a word (it is no page, and no "not read" warning is due)."""
    (tmp_path / "tweets.js").write_text("window.YTD.tweets.part0 = []", encoding="utf-8")
    (tmp_path / "jquery.min.js").write_text("!function(e){}(window);", encoding="utf-8")
    assert [p.name for p in discover([tmp_path])] == ["tweets.js"]
    assert not_read([tmp_path]) == []


def test_a_facebook_posts_export_is_read_with_its_characters_mended(tmp_path: Path,
                                                                     vocab: Vocabulary) -> None:
    """Facebook writes each non-ASCII character as its UTF-8 bytes' escapes ("\\u00e2\\u0080\\u0093"
    is "–"): undone, a post's words are its record and its timestamp its date."""
    post = (f"CASE MANAGEMENT REVIEW – CHILD P\n\nPublished today. {_ACCOUNT}\n\n"
            "What we learned:\n👉 one\n👉 two")
    garbled = post.encode("utf-8").decode("latin-1")
    page = tmp_path / "your_posts_1.json"
    item = {"timestamp": 1712745000, "data": [{"post": garbled}, {"update_timestamp": 1712745000}],
            "title": "Testshire Board updated their status."}
    page.write_text(json.dumps([item]), encoding="utf-8")
    text = read_source(page).text
    assert "CASE MANAGEMENT REVIEW – CHILD P" in text and "â€" not in text
    assert "updated their status" not in text and "- one" in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.publication_year == 2024 and len(review.learning) == 2


def test_a_trackers_subtasks_are_their_reviews_recommendations(tmp_path: Path, vocab: Vocabulary) -> None:
    """Rows whose "Parent task" names another row are that row's parts (Asana's subtasks), not
    records of their own; named "Rec 1 – ..." they are its recommendations."""
    page = tmp_path / "tracker.csv"
    page.write_text(
        "Task ID,Name,Section/Column,Notes,Parent task\n"
        f'1,LCSPR – Child P (published 2023),Open,"{_ACCOUNT}",\n'
        "2,Rec 1 – Health visitors to record every adult,,,LCSPR – Child P (published 2023)\n"
        "3,Rec 2 – Schools to escalate hunger,,,LCSPR – Child P (published 2023)\n"
        "4,Book a venue for the briefing,Training,,\n", encoding="utf-8")
    text = read_source(page).text
    assert "Recommendations:\n- Rec 1 – Health visitors" in text and "RECORD 2" in text
    assert "RECORD 3" not in text
    reviews = extract_reviews([page], vocab)[0]
    (review,) = [r for r in reviews if r.children and r.children[0].pseudonym == "Child P"]
    assert len(review.recommendations) == 2


def test_timestamped_data_without_posts_is_read_as_any_json(tmp_path: Path) -> None:
    """A list of {"timestamp", "data"} items with no "post" is another tool's data, read as any
    JSON records are, not an empty Facebook export."""
    page = tmp_path / "readings.json"
    page.write_text(json.dumps([{"timestamp": 1712745000, "data": [{"text": "Child P review meeting "
                                                                             "held (invented test data)"}]}]),
                    encoding="utf-8")
    assert "Child P review meeting held" in read_source(page).text


def test_a_layers_kind_is_its_review_type_and_a_shouted_area_is_title_cased(tmp_path: Path) -> None:
    """A map layer's "kind" of "LCSPR" or "Concise CPR" is the review's type (before: an unknown
    label, warned about); an area in capitals ("FERMANAGH AND OMAGH:") is named as written in
    title case, letters ("NHS") kept."""
    from casegraph.core.iris import named_area

    page = tmp_path / "layer.gml"
    page.write_text(
        '<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" '
        'xmlns:gml="http://www.opengis.net/gml/3.2"><ogr:featureMember><ogr:l gml:id="l.0">'
        "<ogr:title>Child P</ogr:title><ogr:kind>LCSPR</ogr:kind></ogr:l></ogr:featureMember>"
        "</ogr:FeatureCollection>", encoding="utf-8")
    assert "Review type: LCSPR" in read_source(page).text
    assert named_area("FERMANAGH AND OMAGH") == "Fermanagh and Omagh" and named_area("NHS") == "NHS"


def test_an_x_archive_whose_replies_turn_back_on_themselves_is_still_read(tmp_path: Path) -> None:
    """Two tweets each replying to the other (an edited export) are one thread, read once,
    rather than a reply chain followed for ever."""
    tweets = [_tweet("1", "Child P was six months old (invented test data).", "2"),
              _tweet("2", "The review made three recommendations.", "1")]
    page = tmp_path / "tweets.js"
    page.write_text("window.YTD.tweets.part0 = " + json.dumps(tweets), encoding="utf-8")
    text = read_source(page).text
    assert text.count("RECORD") == 1 and text.index("Child P") < text.index("three recommendations")
