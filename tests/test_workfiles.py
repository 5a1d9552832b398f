"""Files saved by the tools a review team or a researcher works in (a CherryTree notebook, a
GanttProject plan, a UIMA CAS XMI document from INCEpTION, an ELAN transcript) and an InCopy
story are read as the page their tool shows (session 46, validation29's five unread types).
Every fixture here is invented test data about invented children."""

from __future__ import annotations

from pathlib import Path

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.sources import discover, read_source
from casegraph.pipeline.build import extract_reviews

_CHERRYTREE = """<?xml version="1.0" encoding="UTF-8"?>
<cherrytree>
  <bookmarks list="2"/>
  <node name="Reading notes (invented test data)" unique_id="1" prog_lang="custom-colors" tags="">
    <rich_text>Notes on reviews.</rich_text>
    <node name="Child Q – Testshire LCSPR (2023)" unique_id="2" prog_lang="custom-colors"
     tags="neglect home-education">
      <rich_text weight="heavy">Source:</rich_text>
      <rich_text> Testshire Safeguarding Children Partnership. Published 2023.

</rich_text>
      <rich_text scale="h2">What happened</rich_text>
      <rich_text>
Child Q, aged 9, was neglected in 2022: she was often hungry.
</rich_text>
      <rich_text scale="h2">Learning</rich_text>
      <rich_text>
1. Hunger at school is a signal.
2. Adults at home must be known.
</rich_text>
      <rich_text scale="h2">Searches</rich_text>
      <rich_text>
Hits before screening.

Screening rule: keep reviews.</rich_text>
      <table char_offset="254" col_min="40" col_max="400">
        <row><cell>Repository</cell><cell>214</cell></row>
        <row><cell>Source</cell><cell>Hits</cell></row>
      </table>
    </node>
  </node>
</cherrytree>
"""


def test_a_cherrytree_notebook_is_read_as_its_nodes(tmp_path: Path, vocab: Vocabulary) -> None:
    """A node's name is a heading over its tags and text; runs styled bold or linked are one
    text ("Source: Testshire ..."); a table sits where its offset says, its header row (saved
    last) first; before, read as generic XML, the table's rows were the page's only records."""
    page = tmp_path / "notes.ctd"
    page.write_text(_CHERRYTREE, encoding="utf-8")
    text = read_source(page).text
    assert "Child Q – Testshire LCSPR (2023)\n\nTags: neglect, home-education\n\nSource: Testshire" in text
    assert text.index("Hits before screening.") < text.index("| Source | Hits |") \
        < text.index("| Repository | 214 |") < text.index("Screening rule")
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child Q" and len(review.learning) == 2
    assert sorted(review.keywords) == ["home-education", "neglect"]


_GANTT = """<?xml version="1.0" encoding="UTF-8"?><project name="Review programme (invented test data)"
 company="Testshire Safeguarding Children Partnership" version="3.2.3240" locale="en_GB">
    <description><![CDATA[Plan for the partnership's reviews.]]></description>
    <calendars><date year="2023" month="12" date="25" type="HOLIDAY"/></calendars>
    <tasks empty-milestones="true">
        <taskproperties>
            <taskproperty id="tpd3" name="name" type="default" valuetype="text"/>
            <taskproperty id="tpc0" name="Review type" type="custom" valuetype="text"/>
            <taskproperty id="tpc1" name="Recs" type="custom" valuetype="int"/>
        </taskproperties>
        <task id="1" name="Child Q – LCSPR" meeting="false" start="2023-03-20" duration="182" complete="100">
            <notes><![CDATA[Child Q, aged 9, was neglected in 2022.

Learning:
1. Hunger at school is a signal.]]></notes>
            <customproperty taskproperty-id="tpc0" value="LCSPR"/>
            <customproperty taskproperty-id="tpc1" value="4"/>
            <task id="2" name="Q: terms of reference agreed" meeting="true" start="2023-03-20" duration="0"/>
        </task>
    </tasks>
    <resources><resource id="0" name="Independent Reviewer (Q)" function="Default:0"/></resources>
</project>
"""


def test_a_ganttproject_plan_is_read_as_its_tasks_notes(tmp_path: Path, vocab: Vocabulary) -> None:
    """A task with notes is a heading over its custom columns and its notes; a milestone with
    none ("terms of reference agreed"), resources and holidays are the schedule."""
    page = tmp_path / "programme.gan"
    page.write_text(_GANTT, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Review programme (invented test data)\n\nPlan for the partnership's reviews.")
    assert "Child Q – LCSPR\n\nReview type: LCSPR\n\nRecs: 4\n\nChild Q, aged 9" in text
    assert "terms of reference" not in text and "Independent Reviewer" not in text
    (review,) = extract_reviews([page], vocab)[0]
    assert review.children[0].pseudonym == "Child Q" and len(review.learning) == 1


_XMI = """<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore"
 xmlns:type3="http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore"
 xmlns:custom="http:///webanno/custom.ecore" xmi:version="2.0">
  <cas:NULL xmi:id="0"/>
  <type3:Sentence xmi:id="4" sofa="1" begin="0" end="40"/>
  <custom:Coderflag xmi:id="5" sofa="1" begin="0" end="40" Flag="check" Comment="Coder's own remark."/>
  <cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text"
   sofaString="Serious Case Review: Child Q&#10;Invented test data. Published 2019.&#10;&#10;""" \
    """Child Q, aged 9, was neglected in 2017."/>
  <cas:View sofa="1" members="4 5"/>
</xmi:XMI>
"""


def test_a_uima_cas_document_is_read_as_its_text(tmp_path: Path) -> None:
    """The text is the view's ``sofaString`` (before, an attribute: no words at all); the
    annotations' labels and a coder's comments are words about it, not its words."""
    page = tmp_path / "batch.txt.xmi"
    page.write_text(_XMI, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Serious Case Review: Child Q\nInvented test data. Published 2019.\n\nChild Q,")
    assert "remark" not in text and "Coderflag" not in text


_EAF = """<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" FORMAT="3.0" VERSION="3.0">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///audio/episode.wav" MIME_TYPE="audio/x-wav"/>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="1000"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="2000"/><TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="3000"/>
        <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="4000"/>
    </TIME_ORDER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" PARTICIPANT="HOST" TIER_ID="Host">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
            <ANNOTATION_VALUE>Invented test data. Tell us about Sam.</ANNOTATION_VALUE>
        </ALIGNABLE_ANNOTATION></ANNOTATION>
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
            <ANNOTATION_VALUE>And the learning?</ANNOTATION_VALUE>
        </ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" PARTICIPANT="G1" TIER_ID="Guest">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts3">
            <ANNOTATION_VALUE>Sam was nine months old when he was injured in 2021.</ANNOTATION_VALUE>
        </ALIGNABLE_ANNOTATION></ANNOTATION>
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a4" TIME_SLOT_REF1="ts4" TIME_SLOT_REF2="ts5">
            <ANNOTATION_VALUE>A bruise on a baby is never minor.</ANNOTATION_VALUE>
        </ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="gloss" PARENT_REF="Guest" TIER_ID="Guest gloss">
        <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a6" ANNOTATION_REF="a2">
            <ANNOTATION_VALUE>GLOSS</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="topic" TIER_ID="Topic">
        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a5" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts5">
            <ANNOTATION_VALUE>Sam - CPR, Testshire (2023)</ANNOTATION_VALUE>
        </ALIGNABLE_ANNOTATION></ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>
</ANNOTATION_DOCUMENT>
"""


def test_an_elan_transcript_is_read_in_the_order_spoken(tmp_path: Path, vocab: Vocabulary) -> None:
    """The speakers' tiers interleave by time (before: each tier whole, the host's questions
    first, then each guest's answers); a tier whose annotations each span others' is the
    talk's topics, a heading each; a dependent tier (a gloss) and the media are left out."""
    page = tmp_path / "episode.eaf"
    page.write_text(_EAF, encoding="utf-8")
    text = read_source(page).text
    assert text == ("Sam - CPR, Testshire (2023)\n\nInvented test data. Tell us about Sam.\n\n"
                    "Sam was nine months old when he was injured in 2021.\n\nAnd the learning?\n\n"
                    "A bruise on a baby is never minor.\n")
    (review,) = extract_reviews([page], vocab)[0]
    assert (review.heading, review.publication_year) == ("Sam - CPR, Testshire (2023)", 2023)


_ICML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?aid SnippetType="InCopyInterchange"?>
<Document DOMVersion="18.5" Self="d">
  <Color Self="Color/Black" Model="Process" Name="Black" />
  <RootParagraphStyleGroup Self="u79"><ParagraphStyle Self="ParagraphStyle/Headline" Name="Headline" />
  </RootParagraphStyleGroup>
  <Story Self="u1">
    <ParagraphStyleRange AppliedParagraphStyle="ParagraphStyle/Headline">
      <CharacterStyleRange AppliedCharacterStyle="CharacterStyle/$ID/[No character style]">
        <Content>Committee publishes review (invented test data)</Content><Br />
      </CharacterStyleRange>
    </ParagraphStyleRange>
    <ParagraphStyleRange AppliedParagraphStyle="ParagraphStyle/Body">
      <CharacterStyleRange AppliedCharacterStyle="CharacterStyle/$ID/[No character style]">
        <Content>The review, published in 2024, </Content>
      </CharacterStyleRange>
      <CharacterStyleRange AppliedCharacterStyle="CharacterStyle/Bold">
        <Content>looks at a boy called Sam.</Content><Br />
      </CharacterStyleRange>
    </ParagraphStyleRange>
  </Story>
  <Story Self="u2">
    <ParagraphStyleRange AppliedParagraphStyle="ParagraphStyle/Box bullet">
      <CharacterStyleRange AppliedCharacterStyle="CharacterStyle/$ID/[No character style]">
        <Content>Hunger is a signal.</Content><Br /><Content>Adults at home must be known.</Content>
      </CharacterStyleRange>
    </ParagraphStyleRange>
  </Story>
</Document>
"""


def test_an_incopy_story_is_read_as_its_styled_paragraphs(tmp_path: Path) -> None:
    """A paragraph is what its style says (a "Headline" a heading, a "Box bullet" an item),
    its runs one paragraph until a ``Br``; swatches and styles' definitions are the layout's."""
    page = tmp_path / "spread.icml"
    page.write_text(_ICML, encoding="utf-8")
    text = read_source(page).text
    assert text.startswith("Committee publishes review (invented test data)\n\n"
                           "The review, published in 2024, looks at a boy called Sam.\n\n")
    assert "• Hunger is a signal.\n\n• Adults at home must be known." in text
    assert "Black" not in text


def test_the_work_tools_formats_are_read_from_a_folder(tmp_path: Path) -> None:
    names = ["a.ctd", "b.gan", "c.txt.xmi", "d.eaf", "e.icml"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(p.name for p in discover([tmp_path])) == names
