"""Files that keep a web site's content other than as its pages (a serialized Sitecore item, an
Umbraco node saved by uSync, a Scrapy crawl log, a calibre metadata record) and a Gephi graph
are read as the page or records a reader sees, and a Bluesky feed as its threads (session 47,
validation30).
Every fixture here is invented test data about invented children."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

_BODY = ("<h2>Concise Child Practice Review TSB 1/2023 – Testshire – Child P</h2>\r\n"
         "<p>Child P, aged 6 months, was admitted to hospital in May 2022 with a fractured arm "
         "(invented test data).</p>\r\n<h3>Learning</h3>\r\n<ul>\r\n<li>Bruising in a baby who "
         "does not move must be referred.</li>\r\n<li>Fathers should be seen.</li>\r\n</ul>\r\n"
         "<h3>Recommendations</h3>\r\n<ol><li>Train health visitors.</li><li>Record every adult.</li>"
         "<li>Audit referrals.</li></ol>")


def _sitecore_field(name: str, content: str, length: int | None = None) -> str:
    return (f"----field----\r\nfield: {{00000000-0000-0000-0000-00000000000{len(name) % 10}}}\r\n"
            f"name: {name}\r\nkey: {name.lower()}\r\ncontent-length: {length or len(content)}\r\n\r\n"
            f"{content}\r\n")


_SITECORE = ("----item----\r\nversion: 1\r\nid: {7C2E9A41-0000-0000-0000-000000000001}\r\n"
             "database: master\r\npath: /sitecore/content/Home/Reviews\r\nname: Reviews\r\n\r\n"
             + _sitecore_field("__Sortorder", "100")
             + "----version----\r\nlanguage: cy\r\nversion: 2\r\nrevision: {0}\r\n\r\n"
             + _sitecore_field("Page Title", "Adolygiadau")
             + "----version----\r\nlanguage: en\r\nversion: 1\r\nrevision: {0}\r\n\r\n"
             + _sitecore_field("Page Title", "An older title")
             + "----version----\r\nlanguage: en\r\nversion: 3\r\nrevision: {0}\r\n\r\n"
             + _sitecore_field("__Updated", "20240404T083517Z")
             + _sitecore_field("Page Title", "Learning from reviews")
             # (a length miscounted, as after its line endings were changed: the content is
             # still read to the next part)
             + _sitecore_field("Body", _BODY, length=40)
             + _sitecore_field("Meta Description", "Reviews published by the invented board."))


def test_a_sitecore_item_is_read_as_the_page_its_fields_render(tmp_path: Path, vocab: Vocabulary) -> None:
    """The latest English version's content fields in order, its title field the heading; the
    standard fields ("__Updated"), the metadata and the Welsh version are no words of the page.
    Before, read as text, the item's headers (ids, lengths) were the page and its review's
    heading was one line among them."""
    page = tmp_path / "reviews.item"
    page.write_text(_SITECORE, encoding="utf-8", newline="")
    text = read_source(page).text
    assert text.startswith("Learning from reviews\n")
    assert "Adolygiadau" not in text and "older title" not in text and "20240404" not in text
    assert "content-length" not in text and "invented board" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child P" and review.children[0].age_months == 6
    assert (len(review.learning), len(review.recommendations)) == (2, 3)


def test_an_item_or_log_file_of_another_tool_is_read_as_text(tmp_path: Path) -> None:
    """".item" and ".log" are other tools' suffixes too: a file whose content is no Sitecore
    item or Scrapy log is plain text, as before, and a folder's stray log is no error."""
    (tmp_path / "notes.item").write_text("Child K (invented): a note.\n", encoding="utf-8")
    (tmp_path / "build.log").write_text("2024-01-01 10:00:00 INFO started\n", encoding="utf-8")
    assert read_source(tmp_path / "notes.item").text == "Child K (invented): a note.\n"
    assert "INFO started" in read_source(tmp_path / "build.log").text
    assert {p.name for p in discover([tmp_path])} == {"notes.item", "build.log"}


_USYNC = """<?xml version="1.0" encoding="utf-8"?>
<Content Key="e5a1c3d7-9b2f-4e60-8a4c-1f3b5d7e9a02" Alias="Published reviews" Level="4">
  <Info><NodeName Default="Published reviews" /><SortOrder>1</SortOrder></Info>
  <Properties>
    <bodyText><Value><![CDATA[<p>The invented Testshire partnership publishes its reviews here.</p>]]>
    </Value></bodyText>
    <contentBlocks>
      <Value><![CDATA[{
  "layout": {"Umbraco.BlockList": [{"contentUdi": "umb://element/5e9b0c3d7a214f86b1d2e4a6c8f0b135"}]},
  "contentData": [
    {"contentTypeKey": "b8e24d06-71f3-4c9a-9d5e-0a6c3f1b7e28",
     "udi": "umb://element/5e9b0c3d7a214f86b1d2e4a6c8f0b135",
     "reviewTitle": "Child V – local child safeguarding practice review",
     "reviewType": "[\\"Local child safeguarding practice review\\"]",
     "published": "2024-02-06 00:00:00",
     "summary": "<p>Child V, aged 15, was stabbed in October 2022 (invented test data).</p>",
     "learning": "<ul><li>Exclusion removed a safe place.</li><li>Missing episodes matter.</li></ul>",
     "recommendations": "<ol><li>One tool.</li><li>Plan jointly.</li><li>Tell the council.</li></ol>",
     "style": "[\\"Grey panel\\"]",
     "report": "[{\\"mediaKey\\":\\"c2a8e5f1-6d3b-4097-b1e4-8a5c0d7f2b96\\"}]"}
  ],
  "settingsData": []
}]]></Value>
    </contentBlocks>
    <metaTitle><Value><![CDATA[Published reviews | Invented]]></Value></metaTitle>
  </Properties>
</Content>
"""


def test_a_usync_content_node_is_read_as_its_text_and_blocks(tmp_path: Path, vocab: Vocabulary) -> None:
    """The Block List's JSON inside the CDATA is the page's blocks, each a record; a picker's
    JSON value is its words, Umbraco's ids and a block's look are none.  Before, read as plain
    XML, the JSON was one paragraph of braces and the review was not found."""
    page = tmp_path / "published-reviews.config"
    page.write_text(_USYNC, encoding="utf-8")
    text = read_source(page).text
    assert "Review type: Local child safeguarding practice review\nPublished: 6 February 2024" in text
    assert "umb://" not in text and "Grey panel" not in text and "mediaKey" not in text
    assert "| Invented" not in text and text.startswith("Published reviews\n")
    (review,) = extract_reviews([page], vocab)[0]
    assert review.review_type.notation == "RT-LCSPR" and review.publication_year == 2024
    assert (len(review.learning), len(review.recommendations)) == (2, 3)


_SCRAPY_ITEM = """{'area': 'Testshire',
 'body': 'Child G was 16 when she took an overdose in 2022 (invented test data).\\n'
         'Key learning\\n'
         '- Share disclosures.\\n'
         '- Name a professional.',
 'published': '12 March 2024',
 'title': 'Learning Review – Child G',
 'type': 'learning review'}
"""
_SCRAPY = ("2024-05-14 10:02:11 [scrapy.utils.log] INFO: Scrapy 2.11.1 started (bot: invented)\n"
           "2024-05-14 10:02:11 [scrapy.crawler] INFO: Overridden settings:\n"
           "{'BOT_NAME': 'invented', 'DOWNLOAD_DELAY': 3}\n"
           "2024-05-14 10:02:19 [scrapy.core.scraper] DEBUG: Scraped from <200 https://invented.example/g>\n"
           + _SCRAPY_ITEM
           + "2024-05-14 10:02:28 [scrapy.core.scraper] WARNING: Dropped: Duplicate item found\n"
           + _SCRAPY_ITEM
           + "2024-05-14 10:02:29 [scrapy.core.scraper] DEBUG: Scraped from <200 https://invented.example/g2>\n"
           + _SCRAPY_ITEM
           + "2024-05-14 10:02:54 [scrapy.statscollectors] INFO: Dumping Scrapy stats:\n"
           "{'finish_time': datetime.datetime(2024, 5, 14, 9, 2, 54), 'item_scraped_count': 2}\n")


def test_a_scrapy_log_is_read_as_the_items_it_scraped(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each item printed after "Scraped from" is a record, once however often the page was
    reached; a dropped item, the settings and the statistics are the crawl's, not pages.
    Before, as text, the settings were the page's first words and the item was Python."""
    page = tmp_path / "crawl.log"
    page.write_text(_SCRAPY, encoding="utf-8")
    text = read_source(page).text
    assert text.count("Learning Review – Child G") == 1
    assert "BOT_NAME" not in text and "DOWNLOAD_DELAY" not in text and "item_scraped_count" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].age_months == 16 * 12 and review.area == "Testshire"
    assert len(review.learning) == 2


def test_a_scrapy_log_whose_items_are_no_literals_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "crawl.log"
    page.write_text("2024-05-14 10:02:19 [scrapy.core.scraper] DEBUG: Scraped from <200 https://x.example>\n"
                    "{'title': open('/etc/passwd')}\n", encoding="utf-8")
    with pytest.raises(CasegraphError, match="no item a spider scraped") as error:
        read_source(page)
    assert "crawl.log" in str(error.value) and "\n" not in str(error.value)


_OPF = """<?xml version='1.0' encoding='utf-8'?>
<package xmlns="http://www.idpf.org/2007/opf" unique-identifier="uuid_id" version="2.0">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier opf:scheme="uuid" id="uuid_id">8e4b1d2f-6a3c-4f07-9b5e-2c7d0a1f3e96</dc:identifier>
    <dc:title>Child H: local child safeguarding practice review</dc:title>
    <dc:creator opf:role="aut">Testshire Safeguarding Children Partnership</dc:creator>
    <dc:contributor opf:role="bkp">calibre (7.10.0) [https://calibre-ebook.com]</dc:contributor>
    <dc:date>2024-03-14T00:00:00+00:00</dc:date>
    <dc:description>&lt;p&gt;Child H, aged 13, was neglected (invented test data).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Learning&lt;/b&gt;&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;Young carers can be neglected.&lt;/li&gt;&lt;/ul&gt;</dc:description>
    <dc:language>eng</dc:language>
    <dc:subject>young carers</dc:subject>
    <dc:subject>neglect</dc:subject>
    <meta name="calibre:user_metadata:#mynotes" content='{"#value#": "Ch. 4 candidate"}'/>
  </metadata>
</package>
"""


def test_a_calibre_opf_is_read_as_its_record(tmp_path: Path, vocab: Vocabulary) -> None:
    """The title, creator, date, description and subjects; calibre's identifiers, its own
    contributor line and a reader's custom-column notes are bookkeeping."""
    page = tmp_path / "metadata.opf"
    page.write_text(_OPF, encoding="utf-8")
    text = read_source(page).text
    assert "Published: 14 March 2024" in text and "Keywords: young carers; neglect" in text
    assert "calibre" not in text and "Ch. 4" not in text and "8e4b1d2f" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.publication_year == 2024 and review.children[0].pseudonym == "Child H"
    assert len(review.learning) == 1


_GEXF = """<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz">
  <meta><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="kind" type="string"/>
      <attribute id="1" title="area" type="string"/>
      <attribute id="2" title="summary" type="string"/>
    </attributes>
    <nodes>
      <node id="r1" label="Child Y – LCSPR – Testshire (2023)">
        <attvalues>
          <attvalue for="0" value="review"/>
          <attvalue for="1" value="Testshire"/>
          <attvalue for="2" value="Y, a girl of 2 years 4 months, was admitted to hospital in May 2022
            with a fractured skull (invented test data)."/>
        </attvalues>
        <viz:position x="512.4" y="-188.7" z="0.0"/>
      </node>
      <node id="t1" label="Head injury"><attvalues><attvalue for="0" value="theme"/></attvalues></node>
      <node id="t2" label="Unlinked theme"><attvalues><attvalue for="0" value="theme"/></attvalues></node>
    </nodes>
    <edges><edge id="0" source="r1" target="t1" weight="3.0"/></edges>
  </graph>
</gexf>
"""


def test_a_gephi_graph_is_read_as_its_nodes(tmp_path: Path, vocab: Vocabulary) -> None:
    """A node with words of its own is a record; a theme linked to it is its theme (its
    keywords); the node's class ("kind: review") and the drawing's positions are no words.
    Before, its words were all in attributes and a named .gexf stopped: "no visible text"."""
    page = tmp_path / "network.gexf"
    page.write_text(_GEXF, encoding="utf-8")
    text = read_source(page).text
    assert "Child Y – LCSPR – Testshire (2023)\nArea: Testshire\n" in text
    assert "\nKeywords: Head injury\n" in text
    assert "Unlinked theme" in text  # (a node linked to no record is a record of its own)
    assert "Kind" not in text and "512.4" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].age_months == 28 and review.keywords == ["Head injury"]


def _post(uri: str, text: str, at: str, root: str | None = None, card: str | None = None) -> dict:
    record: dict = {"$type": "app.bsky.feed.post", "createdAt": at, "text": text}
    if root:
        record["reply"] = {"root": {"uri": root}, "parent": {"uri": root}}
    if card:
        record["embed"] = {"external": {"title": card, "description": "Invented test data.",
                                        "uri": "https://invented.example/child-a"}}
    return {"uri": uri, "cid": "bafy", "record": record,
            "author": {"handle": "tscp.example", "displayName": "Testshire Child Protection Committee"}}


def test_a_bluesky_feed_is_read_as_its_threads(tmp_path: Path, vocab: Vocabulary) -> None:
    """A thread of posts is one record, each post once (a reply's view repeats its root), in the
    order written and without its "1/3" counters, titled by its link card; before, each post
    was a record of its own and the review's account was split over three."""
    import json

    root = "at://did:plc:x/app.bsky.feed.post/1"
    first = _post(root, "1/3 Today we publish the learning review about Child A.", "2024-06-18T09:00:00Z",
                  card="Learning Review: Child A – summary report")
    second = _post("at://did:plc:x/app.bsky.feed.post/2", "2/3 Child A was 13 when she was sexually "
                   "exploited in 2023 (invented test data).", "2024-06-18T09:01:00Z", root=root)
    third = _post("at://did:plc:x/app.bsky.feed.post/3", "3/3 What we learned: 1) a named worker "
                  "2) missing is harm 3) meet at once", "2024-06-18T09:02:00Z", root=root)
    feed = {"feed": [{"post": third, "reply": {"root": first, "parent": second}},
                     {"post": second, "reply": {"root": first, "parent": first}}, {"post": first}],
            "cursor": "2024-03-12T00:00:00Z"}
    page = tmp_path / "feed.json"
    page.write_text(json.dumps(feed), encoding="utf-8")
    text = read_source(page).text
    assert text.count("RECORD ") == 1 and text.count("Today we publish") == 1
    assert text.index("Today we publish") < text.index("Child A was 13") < text.index("What we learned")
    assert "1/3" not in text and "did:plc" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.title == "Learning Review: Child A – summary report" and len(review.learning) == 3
