"""Read source files (plain text, Markdown, saved HTML) into clean Unicode text, lines kept.

Why so careful: evidence quotes are offsets into this text, so decoding must be exact and
never silently lossy.  Anything unreadable is an error that names the file and the byte.
"""

from __future__ import annotations

import calendar
import contextlib
import csv
import datetime
import hashlib
import html
import io
import itertools
import json
import quopri
import re
import stat
import struct
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from casegraph.core.errors import CasegraphError, one_line
from casegraph.core.model import SEX_WORDS
from casegraph.core.newlines import unify_line_ends
from casegraph.ingest.arj import ARJ_SUFFIXES, arj_members, is_arj
from casegraph.ingest.authoring import (
    canvas_markdown,
    final_draft_fountain,
    fountain_markdown,
    lyx_markdown,
    mjml_html,
    roam_markdown,
    roam_pages,
    twee_markdown,
)
from casegraph.ingest.bambook import SNB_MEDIA, SNB_SUFFIXES, is_snb, snb_text
from casegraph.ingest.binaries import (
    BINARY_SUFFIXES,
    BSON_SUFFIXES,
    DATA_SUFFIXES,
    DJVU_SUFFIXES,
    GETTEXT_MO_SUFFIXES,
    ODS_MEDIA,
    OFFICE_SUFFIXES,
    PDF_SUFFIXES,
    POSTSCRIPT_SUFFIXES,
    RDS_SUFFIXES,
    STATA_SUFFIXES,
    WEBARCHIVE_SUFFIXES,
    XPS_SUFFIXES,
    bson_documents,
    djvu_text,
    is_djvu,
    is_office,
    is_pdf,
    is_postscript,
    office_media,
    office_xml,
    pdf_text,
    postscript_text,
    refuse_declarations,
    stata_records,
    webarchive_html,
    xps_text,
)
from casegraph.ingest.braille import BRF_MEDIA, BRF_SUFFIXES, brf_text
from casegraph.ingest.captures import (
    alert_items,
    archive_item,
    ckan_datasets,
    is_alert_digest,
    is_scrapy_log,
    is_sitecore_item,
    is_x_archive,
    mkdocs_search_html,
    opf_records,
    scrapy_items,
    sitecore_item_html,
    usync_content,
    x_archive_threads,
)
from casegraph.ingest.chm import CHM_SUFFIXES, chm_pages
from casegraph.ingest.columns import columns_as_text, runs_on
from casegraph.ingest.containers import CONTAINER_MEDIA, CONTAINER_SUFFIXES, container_kind, container_members
from casegraph.ingest.datasets import (
    AVRO_SUFFIXES,
    DBF_SUFFIXES,
    DUCKDB_SUFFIXES,
    FEATHER_SUFFIXES,
    FLATGEOBUF_SUFFIXES,
    HDF5_SUFFIXES,
    HYPER_SUFFIXES,
    ORC_SUFFIXES,
    PARADOX_SUFFIXES,
    PARQUET_SUFFIXES,
    PG_CUSTOM_SUFFIXES,
    POR_SUFFIXES,
    QVD_SUFFIXES,
    SAS7BDAT_SUFFIXES,
    SAV_SUFFIXES,
    SQLITE_SUFFIXES,
    XPORT_SUFFIXES,
    avro_records,
    dbf_records,
    duckdb_records,
    feather_records,
    flatgeobuf_records,
    hdf5_records,
    hyper_records,
    is_hdf5,
    is_paradox,
    is_pg_custom,
    is_sas7bdat,
    is_sqlite,
    orc_records,
    paradox_records,
    parquet_records,
    pg_custom_sql,
    pg_tar_sql,
    por_records,
    qvd_records,
    sas7bdat_records,
    sav_records,
    sqlite_records,
    xport_records,
)
from casegraph.ingest.dvi import DVI_SUFFIXES, dvi_text, is_dvi
from casegraph.ingest.exports import (
    conllu_text,
    cypher_records,
    fdf_records,
    filemaker_records,
    fixed_width_rows,
    is_sas_listing,
    r_transcript_text,
    sas_listing_records,
    sas_listing_text,
    smcl_text,
    spss_records,
)
from casegraph.ingest.fatdisk import FAT_SUFFIXES, fat_members, is_fat
from casegraph.ingest.hsqldb import ODB_MEDIA, ODB_SUFFIXES, odb_records
from casegraph.ingest.interchange import (
    EMF_SUFFIXES,
    INFO_SUFFIXES,
    MPX_SUFFIXES,
    OPENOFFICE_1,
    WMF_SUFFIXES,
    alto_text,
    apple_news_html,
    arc_pages,
    arff_records,
    bbl_records,
    bibtex_records,
    bluesky_threads,
    child_text,
    clixml_records,
    data_package,
    dataset_records,
    day_one_entries,
    dif_rows,
    drawio_html,
    dspace_items,
    ead_records,
    edn_data,
    element_words,
    emf_html,
    eprints_records,
    excalidraw_text,
    facebook_posts,
    gemtext_markdown,
    gexf_records,
    gml_records,
    gnumeric_sheets,
    graphml_html,
    h5p_html,
    har_pages,
    hocr_text,
    holds_html,
    info_to_text,
    infopath_record,
    is_emf,
    is_mpx,
    is_r_data,
    is_rich_text,
    is_wmf,
    isi_records,
    json_feed,
    kml_records,
    label_studio_tasks,
    local_name,
    marc_mnemonic_records,
    marc_records,
    marc_transmission_records,
    mastodon_statuses,
    mhtml_part,
    mind_map_text,
    mods_records,
    mpx_text,
    ms_project_text,
    n3_records,
    notes_documents,
    odata_records,
    odf_presentation_html,
    odf_text_html,
    omeka_items,
    opml_outline,
    pdf2xml_text,
    plist_data,
    printed_date,
    prismic_documents,
    pymupdf_html,
    python_data,
    qualtrics_records,
    r_data,
    rdf_xml_records,
    rds_data,
    rec_records,
    refer_records,
    refi_qda_texts,
    rich_text_html,
    ris_records,
    scribus_html,
    servicenow_records,
    slack_markdown,
    solr_records,
    sparql_json_records,
    sparql_xml_records,
    spreadsheet_sheets,
    surveymonkey_records,
    svg_html,
    sylk_rows,
    taskpaper_markdown,
    texinfo_to_text,
    textproto_data,
    tiddler_markdown,
    tiddlywiki_markdown,
    tmx_html,
    troff_to_text,
    ttml_cues,
    turtle_records,
    visio_html,
    warc_pages,
    wmf_html,
    wml_html,
    word_html,
    xfdf_paragraphs,
    xliff_text,
    xmind_outline,
    xml_words,
    xmp_records,
    xspf_html,
    zotero_items,
)
from casegraph.ingest.isobmff import is_mp4
from casegraph.ingest.lha import LHA_SUFFIXES, is_lha, lha_members
from casegraph.ingest.lit import LIT_SUFFIXES, is_lit, lit_html
from casegraph.ingest.lrf import LRF_SUFFIXES, is_lrf, lrf_html
from casegraph.ingest.markup import (
    asciidoc_markdown,
    mdx_markdown,
    mermaid_markdown,
    pml_markdown,
    typst_markdown,
)
from casegraph.ingest.media import (
    AIFF_MEDIA,
    AIFF_SUFFIXES,
    AUDIO_MEDIA,
    AVI_MEDIA,
    AVI_SUFFIXES,
    CAF_MEDIA,
    CAF_SUFFIXES,
    FFMETADATA_MEDIA,
    FFMETADATA_SUFFIXES,
    FLV_MEDIA,
    FLV_SUFFIXES,
    LRC_SUFFIXES,
    MATROSKA_SUFFIXES,
    MICRODVD_SUFFIXES,
    MP4_VIDEO_MEDIA,
    MXF_MEDIA,
    MXF_SUFFIXES,
    REALMEDIA_MEDIA,
    REALMEDIA_SUFFIXES,
    SAMI_SUFFIXES,
    SCC_SUFFIXES,
    TEXTGRID_SUFFIXES,
    WAV_MEDIA,
    WAV_SUFFIXES,
    WTV_MEDIA,
    WTV_SUFFIXES,
    aiff_described,
    aiff_text,
    audio_suffix,
    audio_text,
    avi_text,
    caf_described,
    caf_text,
    ffmetadata_described,
    ffmetadata_text,
    flv_described,
    flv_text,
    is_matroska,
    is_microdvd,
    is_mxf,
    is_wtv,
    lrc_captions,
    matroska_text,
    microdvd_captions,
    mp4_parts,
    mxf_described,
    mxf_text,
    realmedia_described,
    realmedia_text,
    sami_captions,
    scc_captions,
    textgrid_captions,
    wav_described,
    wav_text,
    wtv_described,
    wtv_text,
)
from casegraph.ingest.office import (
    LOTUS_SUFFIXES,
    NUMBERS_SUFFIXES,
    PPT_SUFFIXES,
    PPTX_SUFFIXES,
    SOCIALCALC_SUFFIXES,
    XLS_SUFFIXES,
    XLSB_SUFFIXES,
    XLSX_SUFFIXES,
    is_ppt,
    is_xls,
    lotus_sheets,
    numbers_sheets,
    ppt_html,
    pptx_html,
    socialcalc_sheets,
    xls_sheets,
    xlsb_sheets,
    xlsx_sheets,
)
from casegraph.ingest.packages import (
    ABIWORD_PACKED_SUFFIXES,
    ARCHIVE_SUFFIXES,
    CAB_MAGIC,
    CAB_SUFFIXES,
    CARTRIDGE_SUFFIXES,
    CBZ_SUFFIXES,
    DISC_MAGIC,
    DISC_MAGIC_AT,
    EPUB_SUFFIXES,
    GNUMERIC_SUFFIXES,
    H5P_SUFFIXES,
    HTMLZ_SUFFIXES,
    IDML_SUFFIXES,
    KMZ_SUFFIXES,
    KWORD_SUFFIXES,
    MAFF_SUFFIXES,
    MOBI_SUFFIXES,
    MOODLE_SUFFIXES,
    MSG_SUFFIXES,
    PACKAGE_SUFFIXES,
    PALM_SUFFIXES,
    PMLZ_SUFFIXES,
    QDPX_SUFFIXES,
    ROCKET_SUFFIXES,
    SEVENZIP_MAGIC,
    SIGNED_SUFFIXES,
    TCR_SUFFIXES,
    TXTZ_SUFFIXES,
    WACZ_SUFFIXES,
    XMIND_SUFFIXES,
    ZIP_MAGICS,
    abiword_xml,
    archive_members,
    cab_members,
    cartridge_pages,
    comic_text,
    compression_of,
    disc_members,
    epub_html,
    gnumeric_xml,
    gunzipped_file,
    h5p_package,
    htmlz_html,
    idml_html,
    is_msg,
    is_palm_book,
    is_rocket_book,
    is_tcr,
    kmz_kml,
    kword_xml,
    maff_pages,
    mobi_html,
    moodle_pages,
    msg_email,
    palm_book_page,
    pmlz_pml,
    qdpx_project,
    rocket_html,
    sevenzip_members,
    signed_members,
    tarred_members,
    tcr_text,
    txtz_text,
    wacz_warcs,
    xmind_content,
)
from casegraph.ingest.photo import (
    AVIF_MEDIA,
    AVIF_SUFFIXES,
    CAPTION_HEAD_BYTES,
    GIF_MEDIA,
    GIF_SUFFIXES,
    HEIC_MEDIA,
    HEIC_SUFFIXES,
    JP2_MEDIA,
    JP2_SUFFIXES,
    JPEG_MEDIA,
    JPEG_SUFFIXES,
    JXL_MEDIA,
    JXL_SUFFIXES,
    PNG_MEDIA,
    PNG_SUFFIXES,
    PSD_MEDIA,
    PSD_SUFFIXES,
    TIFF_MEDIA,
    TIFF_SUFFIXES,
    WEBP_MEDIA,
    WEBP_SUFFIXES,
    XCF_MEDIA,
    XCF_SUFFIXES,
    avif_described,
    avif_text,
    captioned,
    gif_described,
    gif_text,
    heic_described,
    heic_text,
    is_avif,
    is_gif,
    is_heic,
    is_jp2,
    is_jpeg,
    is_jxl,
    is_png,
    is_psd,
    is_tiff,
    is_webp,
    is_xcf,
    jp2_described,
    jp2_text,
    jxl_described,
    jxl_text,
    photo_text,
    png_described,
    png_text,
    psd_described,
    psd_text,
    tiff_described,
    tiff_text,
    webp_described,
    webp_text,
    xcf_described,
    xcf_text,
)
from casegraph.ingest.pickled import PICKLE_SUFFIXES, pickle_records
from casegraph.ingest.publishing import (
    FB2_SUFFIXES,
    abiword_html,
    applix_words_html,
    datocms_html,
    draftjs_html,
    editorjs_html,
    fictionbook_html,
    fo_html,
    google_doc_html,
    govuk_content_html,
    incopy_html,
    kword_html,
    lexical_html,
    ninjs_html,
    notion_html,
    nunjucks_html,
    pandoc_html,
    portable_text_html,
    readability_html,
    sharepoint_page_html,
    sphinx_json_html,
    uof_text_html,
)
from casegraph.ingest.workfiles import (
    ANKI_SUFFIXES,
    JOPLIN_SUFFIXES,
    anki_html,
    cas_xmi_text,
    cherrytree_html,
    elan_html,
    gantt_html,
    joplin_markdown,
)
from casegraph.ingest.zim import ZIM_SUFFIXES, is_zim, zim_members

if TYPE_CHECKING:
    import email.message

    from bs4 import BeautifulSoup, Tag  # imported where HTML is read: text-only runs need not load bs4

#: Binary files whose bytes go to their reader as Latin-1 text, one character a byte, so that
#: they go the way every other export goes (:data:`_READERS`): data sets and packages.
_BYTES_SUFFIXES = (DATA_SUFFIXES | SQLITE_SUFFIXES | SAV_SUFFIXES | POR_SUFFIXES | XPORT_SUFFIXES
                   | DBF_SUFFIXES | PARADOX_SUFFIXES | PARQUET_SUFFIXES | PICKLE_SUFFIXES | FEATHER_SUFFIXES
                   | ORC_SUFFIXES
                   | QVD_SUFFIXES | ODB_SUFFIXES
                   | FLATGEOBUF_SUFFIXES | HYPER_SUFFIXES
                   | PACKAGE_SUFFIXES | DUCKDB_SUFFIXES | HDF5_SUFFIXES | AVRO_SUFFIXES | ANKI_SUFFIXES
                   | JOPLIN_SUFFIXES
                   | XLSX_SUFFIXES | XLSB_SUFFIXES | LOTUS_SUFFIXES | XLS_SUFFIXES | PPTX_SUFFIXES
                   | PPT_SUFFIXES | NUMBERS_SUFFIXES
                   | CHM_SUFFIXES | LIT_SUFFIXES | LRF_SUFFIXES
                   | MATROSKA_SUFFIXES | set(AUDIO_MEDIA) | set(MP4_VIDEO_MEDIA) | PG_CUSTOM_SUFFIXES
                   | SAS7BDAT_SUFFIXES | MPX_SUFFIXES | EMF_SUFFIXES | JPEG_SUFFIXES | PNG_SUFFIXES
                   | WAV_SUFFIXES | TIFF_SUFFIXES | AVI_SUFFIXES | CAF_SUFFIXES | WEBP_SUFFIXES
                   | JP2_SUFFIXES | GIF_SUFFIXES | FLV_SUFFIXES | AIFF_SUFFIXES | AVIF_SUFFIXES
                   | REALMEDIA_SUFFIXES | WMF_SUFFIXES | MXF_SUFFIXES | JXL_SUFFIXES | SNB_SUFFIXES
                   | HEIC_SUFFIXES | PSD_SUFFIXES | WTV_SUFFIXES | XCF_SUFFIXES)


#: Files larger than this are refused before they are read (a summary page is ~10-200 kB).
MAX_SOURCE_BYTES = 20 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown"}
#: An analyst's R Markdown or Quarto document: Markdown whose code chunks are left out.
LITERATE_SUFFIXES = {".rmd", ".qmd"}
TEXT_SUFFIXES = {".txt"} | MARKDOWN_SUFFIXES
#: A page saved from a server's script keeps the script's suffix (SharePoint's "PublishedReviews.aspx",
#: a council's "reviews.php"): what was saved is the HTML the script sent.
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".aspx", ".asp", ".php", ".jsp", ".cfm", ".shtml"}
#: Spreadsheet exports: a header row, then a row per review (read as records, see table_to_text).
TABLE_SUFFIXES = {".csv", ".tsv"}
#: A web app's "Export to Excel" (an ASP.NET GridView, a CMS's register): an HTML table or
#: tab-separated text saved under ``.xls`` so that Excel opens it; read as the page or the TSV
#: it is.  A real Excel 97 workbook is binary, and refused as one.
EXCEL_EXPORT_SUFFIXES = {".xls"}
#: MediaWiki markup saved from an intranet or a wiki's edit box (see wikitext_to_text).
WIKI_SUFFIXES = {".wiki", ".mediawiki", ".wikitext"}
#: E-mail saved from a mail client (RFC 5322, MIME): a partnership's bulletin as it arrived.
EMAIL_SUFFIXES = {".eml"}
#: Apple Mail's message file (.emlx): a line giving the message's length in bytes, the message,
#: then Mail's own property list (flags, dates), which is no part of what was sent.
EMLX_SUFFIXES = {".emlx"}
#: A saved mailbox (mbox: messages one after another, each opening with a "From " line).
MBOX_SUFFIXES = {".mbox"}
#: (session 82) Emacs Rmail's Babyl file (``.babyl``: a business unit's archive of what it sent
#: partners, kept in Emacs): an options block, then messages, each after a ``\x1f\x0c`` line.
BABYL_SUFFIXES = {".babyl"}
#: (session 84) An MMDF mailbox (``.mmdf``: messages between lines of four Control-A bytes).
MMDF_SUFFIXES = {".mmdf"}
#: News and podcast feeds (RSS 2.0, Atom) saved from a partnership's site, other XML documents,
#: and an Evernote export of web clips (ENEX: each note's page is HTML inside the XML).
#: A word processor's flat OpenDocument text (.fodt) is XML too: its body is the page; so are
#: a library catalogue's MARC 21 records (.marcxml) and a translation job (XLIFF, .xlf), whose
#: source texts are the page it was made from, and a FreeMind mind map (.mm), whose topics are
#: an outline, a DITA topic (.dita), a Lotus Notes database export (.dxl, its documents
#: records), LibreOffice's flat spreadsheet (.fods, its sheets tables) and flat presentation
#: (.fodp, its slides' text), a map's places (.kml), PowerShell's saved objects (.clixml), a
#: poster drawn as SVG (its text elements), a video's captions in TTML, a draw.io diagram (its
#: shapes' labels), a PDF's annotations in XFDF and a qualitative-analysis project's source
#: texts (REFI-QDA .qde); a Microsoft Project plan saved as XML is read as its tasks' outline;
#: a translation memory (TMX) as its source-language page, a Scribus newsletter (.sla) as its
#: text frames and a text-to-speech script (SSML) as the words it speaks;
#: see casegraph.ingest.interchange.  A document service's XSL-FO, an AbiWord document and an
#: InCopy story (.icml) are read as the pages they render (casegraph.ingest.publishing); a
#: CherryTree notebook (.ctd), a GanttProject plan (.gan), a UIMA CAS document (.xmi) and an
#: ELAN transcript (.eaf) as their tools show them (casegraph.ingest.workfiles); an Umbraco
#: node saved by uSync (.config) and a calibre metadata record (.opf) as the page and record a
#: reader of the site or library sees (casegraph.ingest.captures), and a Gephi graph (.gexf) as
#: its nodes (interchange.gexf_records); a map layer exported as GML (.gml) as its features
#: (interchange.gml_records); a Visio XML drawing (.vdx) as its shapes' texts (interchange.visio_html);
#: an outliner's OPML export (.opml) as the outline it shows (interchange.opml_outline); a
#: DocBook article (.dbk: what pandoc, asciidoctor and technical writers' tools write) as its
#: titles, sections, paragraphs and lists, read as XML is; (session 79) so is a TEI P5 text
#: (.tei: an archive's or a researcher's transcription of slides or a report).
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".enex", ".fodt", ".fods", ".fodp", ".fodg", ".marcxml", ".xlf",
                 ".xliff",
                 ".mm", ".dita", ".dxl", ".kml", ".clixml", ".svg", ".ttml", ".dfxp", ".drawio",
                 ".xfdf", ".qde", ".tmx", ".sla", ".ssml", ".fo", ".xsl-fo", ".abw", ".xmp",
                 ".rdf", ".srx", ".graphml", ".ctd", ".gan", ".xmi", ".eaf", ".icml",
                 ".config", ".opf", ".gexf", ".gml", ".vdx", ".opml", ".dbk", ".tei",
                 # (session 81) a journal article in JATS as PubMed Central and repositories keep it
                 ".nxml",
                 # (session 83) a Uniform Office Format text, as LibreOffice writes it
                 ".uot",
                 # (session 82) a WAP deck (WML 1.x: an ACPC's news for phones of 2004) as its cards
                 ".wml",
                 # (session 86) a library's listening list of podcast episodes (XSPF playlist)
                 ".xspf"}
#: (session 69) An SVG drawing saved compressed (Inkscape's ``.svgz``: a "learning on a page"
#: poster): gunzipped, then read as the ``.svg`` it holds.
SVGZ_SUFFIXES = {".svgz"}
#: Plain-text markup an analyst keeps notes in (reStructuredText, Org) and a quiz bank
#: in Moodle's GIFT format: their words are the page, their
#: markup a few characters the parser passes over, so they are read as text.
ORG_SUFFIXES = {".org"}
#: (session 85) Emacs Muse (a library's reading list kept as a Muse project page, or pandoc's
#: ``-t muse`` output): its ``#title`` directive, starred headings and lists read as Org's are.
MUSE_SUFFIXES = {".muse"}
MARKUP_TEXT_SUFFIXES = {".rst", ".gift"}
#: AsciiDoc (a handbook chapter, an analysts' log): its block titles and labelled lists are a
#: page's headings and fields, so it is read as the Markdown it nearly is (markup.asciidoc_markdown).
ASCIIDOC_SUFFIXES = {".adoc", ".asciidoc"}  # (not ".asc": an armoured PGP signature's too)
#: LaTeX source (a paper, a Beamer slide deck): its words, its commands undone (latex_to_text).
LATEX_SUFFIXES = {".tex", ".latex"}
#: An analyst's Jupyter notebook: its Markdown cells (see notebook_to_text).
NOTEBOOK_SUFFIXES = {".ipynb"}
#: A database dump (MySQL, PostgreSQL, SQLite): its tables' rows as records (see sql_to_text).
SQL_SUFFIXES = {".sql"}
#: A site's API response or data export saved to a file (JSON, JSON-LD, JSON Lines, YAML), and
#: a map layer (GeoJSON: each feature's properties a record, its geometry a line of numbers),
#: a browser's capture (HAR: its pages) and an Excalidraw board (its notes).
JSON_SUFFIXES = {".json", ".jsonld", ".jsonl", ".ndjson", ".geojson", ".har", ".excalidraw", ".srj",
                 ".fjson"}  # (session 85: a Sphinx JSON builder's page, publishing.sphinx_json_html)
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}  # a record per line
YAML_SUFFIXES = {".yaml", ".yml"}
#: A video's captions (SubRip, WebVTT, YouTube's SubViewer): read as the words spoken (see
#: captions_as_text).
CAPTION_SUFFIXES = {".srt", ".vtt", ".sbv"}
#: A film's subtitles as Aegisub writes them (Advanced SubStation Alpha): the words on screen.
SUBTITLE_SUFFIXES = {".ass", ".ssa"}
#: A calendar of learning events saved from a partnership's site (iCalendar, RFC 5545).
CALENDAR_SUFFIXES = {".ics", ".ical", ".vcs"}
#: A word processor's Rich Text Format (a briefing note saved from WordPad or Word).
RTF_SUFFIXES = {".rtf"}
#: A static site's data file (TOML: Hugo's and Zola's "data/reviews.toml"), read as records.
TOML_SUFFIXES = {".toml"}
#: A site's translation catalogue (GNU gettext PO): its source strings are the page's words.
GETTEXT_SUFFIXES = {".po", ".pot"}
#: A wiki page in Textile (Redmine's, Textpattern's): read as its words (see textile_to_text).
TEXTILE_SUFFIXES = {".textile"}
#: A page saved by Word or a browser as a "Single File Web Page" (MHTML): its HTML part.
MHTML_SUFFIXES = {".mht", ".mhtml"}
#: A ".doc" that is no Word 97 binary: Confluence's "Export to Word" and Word's "Single File Web
#: Page" kept as ".doc" are MIME HTML; one saved as RTF under that name is RTF.  (A real Word 97
#: binary is refused in one line: see decode_bytes.)
WORD_EXPORT_SUFFIXES = {".doc"}
#: A manual written in Texinfo (GNU's documentation format): its text, its @-commands undone.
TEXINFO_SUFFIXES = {".texi", ".texinfo", ".txi"}
#: A man page or other troff source, by its manual section (".7") or its tool's name.
TROFF_SUFFIXES = {f".{n}" for n in range(1, 10)} | {".man", ".roff", ".troff", ".groff", ".ms", ".me"}
#: RDF someone wrote by hand in Turtle, or a triple store's export in N-Triples (Turtle's one
#: statement a line subset): its resources as records (see interchange.turtle_records).
TURTLE_SUFFIXES = {".ttl"}
NTRIPLES_SUFFIXES = {".nt"}
#: (session 80) RDF in Notation3, Turtle's superset (a library's records as rdflib writes them).
N3_SUFFIXES = {".n3"}
#: An RDF dataset's named graphs, in TriG (Turtle with graphs) or N-Quads (N-Triples with
#: graphs): read as Turtle is, the graphs as one (see interchange.dataset_records).
TRIG_SUFFIXES = {".trig"}
NQUADS_SUFFIXES = {".nq"}
#: Spreadsheets in the old interchange formats (SYLK, DIF), and a query tool's results saved as
#: text (SQL Server Management Studio's ".rpt"), their rows read as a CSV's are.
SHEET_SUFFIXES = {".slk", ".sylk", ".dif", ".rpt"}
#: A TiddlyWiki tiddler, and a scanned page's OCR output (hOCR).
TIDDLER_SUFFIXES = {".tid"}
HOCR_SUFFIXES = {".hocr"}
#: Data a tool wrote, read as an API's records are: an Apple property list (XML), Clojure's EDN,
#: protobuf's text format (see interchange.plist_data, edn_data, textproto_data).
PLIST_SUFFIXES = {".plist"}
EDN_SUFFIXES = {".edn"}
TEXTPROTO_SUFFIXES = {".textproto", ".txtpb", ".pbtxt", ".prototxt"}
#: A GNU recutils database (``.rec``): its records of the most-used type (see interchange.rec_records).
REC_SUFFIXES = {".rec"}
#: A Gemini page (gemtext), read as the Markdown it nearly is (see interchange.gemtext_markdown).
GEMINI_SUFFIXES = {".gmi", ".gemini"}
#: A reference manager's tagged export (EndNote's refer format, RIS), a bibliography biber wrote
#: for biblatex (.bbl) and a Python module holding a researcher's hand-entered records: records,
#: read without running any code.
REFER_SUFFIXES = {".enw"}
RIS_SUFFIXES = {".ris"}
#: (session 76) A library's export in the ISI tagged format (Web of Science's, bibutils').
ISI_SUFFIXES = {".isi"}
BBL_SUFFIXES = {".bbl"}
#: A BibTeX database (a researcher's reference list, kept in JabRef or Zotero).
BIB_SUFFIXES = {".bib"}
PYTHON_DATA_SUFFIXES = {".py"}
#: R's dput() of a researcher's coded data frame, read as its rows without running any code
#: (see interchange.r_data).
R_DATA_SUFFIXES = {".r"}
#: A web archive's capture (WARC, and ARC before it), a Typst document, an MDX page and a Mermaid
#: diagram: see the readers.
WARC_SUFFIXES = {".warc"}
ARC_SUFFIXES = {".arc"}
TYPST_SUFFIXES = {".typ"}
#: (session 78) Palm Markup Language, an eReader book's source (markup.pml_markdown).
PML_SUFFIXES = {".pml"}
#: (session 80) An Applix Words document (an archived ACPC paper; publishing.applix_words_html).
APPLIX_SUFFIXES = {".aw"}
MDX_SUFFIXES = {".mdx"}
MERMAID_SUFFIXES = {".mmd", ".mermaid"}
#: A TaskPaper list (a lead's plain-text reading list): its projects and tasks as an outline.
TASKPAPER_SUFFIXES = {".taskpaper"}
#: Authoring tools' own formats: a LyX paper, a learning film's Fountain script, a Twine
#: scenario (Twee), an e-mail newsletter's MJML design, an Obsidian board (JSON Canvas); see
#: casegraph.ingest.authoring.
AUTHORING_SUFFIXES = {".lyx", ".fountain", ".fdx", ".twee", ".tw", ".mjml", ".canvas"}
#: A prototype's Nunjucks page template (GOV.UK Prototype Kit), read as the HTML it renders
#: (casegraph.ingest.publishing), and a researcher's Weka dataset (ARFF), read as its rows.
TEMPLATE_SUFFIXES = {".njk", ".nunjucks"}
ARFF_SUFFIXES = {".arff"}
#: Reviews kept as data by a researcher's or a business unit's tool, read as records
#: (casegraph.ingest.exports): SPSS syntax with its data inline, a Neo4j graph written out as
#: Cypher, a PDF form's fields (FDF; read byte for byte, its strings carrying their own
#: encoding); a PDF's XMP metadata sidecar (its RDF: title, description, subjects) is read as
#: XML, whose reader knows it (interchange.xmp_records).
SPSS_SUFFIXES = {".sps"}
CYPHER_SUFFIXES = {".cypher", ".cql"}
FDF_SUFFIXES = {".fdf"}
#: A Sweave or knitr paper (LaTeX with R chunks): its LaTeX, without the chunks.
NOWEB_SUFFIXES = {".rnw", ".snw"}
#: A library's MARC records in MarcEdit's mnemonic form (interchange.marc_mnemonic_records) or
#: in ISO 2709, as a library system exports them (.mrc, interchange.marc_transmission_records), and
#: a researcher's tokenized corpus (CoNLL-U: its sentences as written, exports.conllu_text).
#: RDF/XML (".rdf", a Zotero library), SPARQL results (".srx") and GraphML diagrams are XML,
#: read by xml_to_text, which knows them.
MARC_MNEMONIC_SUFFIXES = {".mrk"}
MARC_TRANSMISSION_SUFFIXES = {".mrc"}
CONLLU_SUFFIXES = {".conllu"}
#: A serialized Sitecore item (its content fields) and a Scrapy crawl's log (the items it
#: scraped), read when the content says it is one (casegraph.ingest.captures); any other
#: ".item" or ".log" file is read as plain text, as an unknown type named on the command line is.
CAPTURE_SUFFIXES = {".item", ".log"}
#: An X (Twitter) archive's data file (``tweets.js``: its threads, casegraph.ingest.captures). A
#: folder's ``.js`` file is read only when its opening says it is one: a saved page's scripts
#: are none, and are passed over without a word.
X_ARCHIVE_SUFFIXES = {".js"}
#: The archives, packages and disk images whose members are read as files (:func:`_archive_source`).
_ARCHIVES = ARCHIVE_SUFFIXES | CONTAINER_SUFFIXES
#: A SAS listing (a program's printed output).  A folder's ``.lst`` file is read only when it
#: opens with a SAS page head: a list of files or a compiler's listing is passed over.
SAS_LISTING_SUFFIXES = {".lst"}
#: A statistics session's printed log: R's ``R CMD BATCH`` transcript and a Stata log in SMCL
#: (a researcher's check sheet of coded records), read as what the session printed.
R_TRANSCRIPT_SUFFIXES = {".rout"}
SMCL_SUFFIXES = {".smcl"}
#: (sessions 74, 75) Pictures and recordings read from a folder only when their metadata carries
#: words (a captioned news photo, a poster's alt text, a podcast master's show notes), by how
#: each is told: the others are a site's logos, charts and sound files, said apart by
#: :func:`not_read` (in the words here).  Named on the command line, each is read, or refused in
#: one line.
_WORDED_WHEN: dict[str, tuple[str, Callable[[BinaryIO], bool]]] = {
    **dict.fromkeys(JPEG_SUFFIXES, ("photo(s) not read, their metadata holding no caption (IPTC or XMP)",
                                    lambda handle: captioned(handle.read(CAPTION_HEAD_BYTES)))),
    **dict.fromkeys(PNG_SUFFIXES, ("PNG image(s) not read, their text chunks holding no description "
                                   "(alt text)", png_described)),
    **dict.fromkeys(TIFF_SUFFIXES, ("TIFF image(s) not read, their tags holding no description",
                                    tiff_described)),
    **dict.fromkeys(WEBP_SUFFIXES, ("WebP image(s) not read, their metadata holding no description",
                                    webp_described)),
    **dict.fromkeys(JP2_SUFFIXES, ("JPEG 2000 image(s) not read, their metadata holding no description",
                                   jp2_described)),
    **dict.fromkeys(JXL_SUFFIXES, ("JPEG XL image(s) not read, their metadata holding no description",
                                   jxl_described)),
    **dict.fromkeys(GIF_SUFFIXES, ("GIF image(s) not read, their metadata holding no comment or description",
                                   gif_described)),
    **dict.fromkeys(WAV_SUFFIXES, ("WAV recording(s) not read, their tags holding no comment or "
                                   "description", wav_described)),
    **dict.fromkeys(AVI_SUFFIXES, ("AVI video(s) not read, their tags holding no comment or "
                                   "description", wav_described)),
    **dict.fromkeys(CAF_SUFFIXES, ("CAF recording(s) not read, their info chunk holding no comment",
                                   caf_described)),
    # (session 79) a webcast, a podcast master, an infographic; and a ".sub" file that holds
    # MicroDVD captions (a DVD's VobSub pictures and SubViewer's are passed over, as before)
    **dict.fromkeys(FLV_SUFFIXES, ("Flash video(s) not read, their metadata holding no description or "
                                   "comment", flv_described)),
    **dict.fromkeys(AIFF_SUFFIXES, ("AIFF recording(s) not read, their tags holding no annotation or "
                                    "comment", aiff_described)),
    **dict.fromkeys(AVIF_SUFFIXES, ("AVIF image(s) not read, their metadata holding no description",
                                    avif_described)),
    # (session 85) a learning event's flipchart photographed
    **dict.fromkeys(HEIC_SUFFIXES, ("HEIC image(s) not read, their metadata holding no description",
                                    heic_described)),
    # and a poster's Photoshop master
    **dict.fromkeys(PSD_SUFFIXES, ("Photoshop document(s) not read, their metadata holding no caption",
                                   psd_described)),
    # and a news item recorded off air
    **dict.fromkeys(WTV_SUFFIXES, ("Windows TV recording(s) not read, their attributes holding no "
                                   "description", wtv_described)),
    # (session 80) an archived webcast
    **dict.fromkeys(REALMEDIA_SUFFIXES, ("RealMedia recording(s) not read, their header holding no comment",
                                         realmedia_described)),
    # (session 82) a learning film's master
    **dict.fromkeys(MXF_SUFFIXES, ("MXF file(s) not read, their user comments holding no description",
                                   mxf_described)),
    # (session 83) an episode's tags written out by ffmpeg
    **dict.fromkeys(FFMETADATA_SUFFIXES, ("FFmpeg metadata file(s) not read, their tags holding no "
                                          "description or comment", ffmetadata_described)),
    **dict.fromkeys(MICRODVD_SUFFIXES, ("'.sub' file(s) not read, not MicroDVD captions (a DVD's VobSub "
                                        "pictures, or SubViewer's)",
                                        lambda handle: is_microdvd(handle.read(4096).decode("latin-1")))),
    # (session 87) a poster's GIMP working file
    **dict.fromkeys(XCF_SUFFIXES, ("GIMP image(s) not read, their comment holding no words", xcf_described))}
_WORDED_SUFFIXES = set(_WORDED_WHEN)
SUFFIXES = (SVGZ_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES | WIKI_SUFFIXES | EMAIL_SUFFIXES
            | EMLX_SUFFIXES | MBOX_SUFFIXES | BABYL_SUFFIXES | MMDF_SUFFIXES | LITERATE_SUFFIXES
            | FEED_SUFFIXES | JSON_SUFFIXES | YAML_SUFFIXES | CALENDAR_SUFFIXES | CAPTION_SUFFIXES
            | SOCIALCALC_SUFFIXES | MARKUP_TEXT_SUFFIXES | ORG_SUFFIXES | MUSE_SUFFIXES | LATEX_SUFFIXES
            | NOTEBOOK_SUFFIXES | SQL_SUFFIXES
            | RTF_SUFFIXES | TOML_SUFFIXES | GETTEXT_SUFFIXES | MHTML_SUFFIXES | TEXINFO_SUFFIXES
            | INFO_SUFFIXES
            | TEXTILE_SUFFIXES | TROFF_SUFFIXES | TURTLE_SUFFIXES | SHEET_SUFFIXES | TIDDLER_SUFFIXES
            | HOCR_SUFFIXES | PLIST_SUFFIXES | EDN_SUFFIXES | REC_SUFFIXES | TEXTPROTO_SUFFIXES
            | GEMINI_SUFFIXES | REFER_SUFFIXES | RIS_SUFFIXES | ISI_SUFFIXES | BBL_SUFFIXES | BIB_SUFFIXES
            | PYTHON_DATA_SUFFIXES
            | WARC_SUFFIXES | ARC_SUFFIXES
            | TYPST_SUFFIXES | MDX_SUFFIXES | MERMAID_SUFFIXES | NTRIPLES_SUFFIXES | TRIG_SUFFIXES
            | NQUADS_SUFFIXES | N3_SUFFIXES | SAMI_SUFFIXES | SCC_SUFFIXES | BRF_SUFFIXES | LRC_SUFFIXES
            | TEXTGRID_SUFFIXES | PML_SUFFIXES | APPLIX_SUFFIXES | FFMETADATA_SUFFIXES
            | DVI_SUFFIXES | FB2_SUFFIXES | ANKI_SUFFIXES | JOPLIN_SUFFIXES
            | TASKPAPER_SUFFIXES
            | AUTHORING_SUFFIXES | TEMPLATE_SUFFIXES | ARFF_SUFFIXES | ASCIIDOC_SUFFIXES | SPSS_SUFFIXES
            | CYPHER_SUFFIXES | FDF_SUFFIXES | NOWEB_SUFFIXES | MARC_MNEMONIC_SUFFIXES | CONLLU_SUFFIXES
            | CAPTURE_SUFFIXES | X_ARCHIVE_SUFFIXES | EXCEL_EXPORT_SUFFIXES | R_DATA_SUFFIXES
            | MARC_TRANSMISSION_SUFFIXES | WORD_EXPORT_SUFFIXES | BINARY_SUFFIXES | SUBTITLE_SUFFIXES
            | MAFF_SUFFIXES | _ARCHIVES | SAS_LISTING_SUFFIXES | R_TRANSCRIPT_SUFFIXES | SMCL_SUFFIXES
            | _BYTES_SUFFIXES) - _WORDED_SUFFIXES  # (read from a folder when worded: _named_as_read)

#: The line above each record that the readers of exports write ("RECORD 3"), which the page
#: parser reads as the start of a record (ingest.parse; see RECORD_MEDIA).
RECORD_MARK = re.compile(r"^RECORD \d+$")


def record_mark(number: int) -> str:
    return f"RECORD {number}"


_BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre", "figure",
    "figcaption", "body",
)
_NOISE_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe",
    "svg", "template", "button", "select",
)
#: A link that shares the page, not a link to words: a social site's share or post intent, an
#: e-mail with no addressee ("mailto:?subject=...").
_SHARE_LINK = re.compile(r"facebook\.com/sharer|(?:twitter|x)\.com/(?:intent|share)|"
                         r"linkedin\.com/(?:share|sharing)|api\.whatsapp\.com/send|//wa\.me/|"
                         r"reddit\.com/submit|bsky\.app/intent|^mailto:\?")
#: A page title's parts (the page's own words, then the site's name) and a rubric before them
#: ("Blog: ", "News - ").
_TITLE_PARTS = re.compile(r"\s+[|–—]\s+")
_TITLE_RUBRIC = re.compile(r"^(?:blog|news|article|story|opinion|press\s+release)\s*[:–—-]\s*", re.I)


def _plain_quotes(text: str) -> str:
    """Text with its typographic apostrophes and quotation marks as plain ones, for comparing."""
    return text.translate(str.maketrans("’‘“”", "''\"\"")).strip()


#: The marks a documentation generator links a heading to itself with (a pilcrow, a hash, a
#: section sign, a link symbol).
_PERMALINK_MARKS = frozenset({"¶", "#", "§", "🔗", "\uf0c1"})
#: What a form that holds the page's own text has in it: an ASP.NET page (SharePoint's, a
#: council's CMS) is one form around the whole body, its article among its inputs.
_PAGE_CONTENT = ("h1", "h2", "h3", "article", "main")


def _wraps_the_page(tag: Tag) -> bool:
    """Whether a form is the page's own wrapper (its headings and article inside), not a search
    box or a sign-up: its inputs are removed with the other noise, its text is the page's; or
    whether a header is a content element's own (:func:`_heads_content`)."""
    return (tag.name == "form" and tag.find(_PAGE_CONTENT) is not None) or _heads_content(tag)


def _heads_content(tag: Tag) -> bool:
    """(session 66) Whether a ``<header>`` heads a part of the content, not the site: a heading
    with no link or navigation in it, below the page's own header (TYPO3 gives every content
    element one: "<header><h2>Learning Review: Jay</h2><p class="date">..."; the site's header
    holds its logo link and menu).  (session 73) A header inside an ``<article>`` heads it even
    when its heading is a link: a blog's home page links each post's title to the post (Hexo's
    "<article><header><h1><a class="article-title" href="/2024/...">Learning Review: Jay")."""
    if tag.name != "header" or tag.find(_HEADINGS) is None or tag.find(["nav", "ul", "form"]) is not None:
        return False
    if tag.find_parent("article") is not None:
        return True
    return tag.find(["a", "img"]) is None and tag.find_parent(["main", "section", "div"]) is not None


_EMAIL_PROTECTED = re.compile(r"\[\s*email(?:&#160;|\s)protected\s*\]", re.I)


@dataclass(frozen=True)
class SourceText:
    """A decoded source document: the unit of provenance (one ``cg:SourceDocument``)."""

    path: Path
    text: str
    media_type: str
    encoding: str
    sha256: str = field(repr=False)
    warnings: tuple[str, ...] = ()
    url: str | None = None  # where the page is published: an HTML page's canonical link
    #: who publishes the page, as its chrome names it (an HTML page's site name, logo or footer),
    #: which the page's text without its chrome may no longer say
    publisher: str | None = None

    @property
    def name(self) -> str:
        return self.path.name

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return self.text.count("\n", 0, offset) + 1


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
#: The longest line a page may have: a saved web page or a text copy has lines of a paragraph;
#: megabytes on one line are a dump, and would make parsing and validation slow.
MAX_LINE_CHARS = 100_000


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM) or cp1252, never guessing silently.

    A file whose non-ASCII bytes are mostly valid UTF-8 but contain a broken sequence is an
    error (it is damaged UTF-8, and decoding it as cp1252 would garble every other character).
    A file with no valid UTF-8 multibyte sequence that decodes as cp1252 is cp1252.
    """
    if not data.strip():
        raise CasegraphError("file is empty", path)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise CasegraphError("a Word or Excel 97-2003 binary file (OLE2), which casegraph does not "
                             "read: save it as PDF, HTML or text", path, "byte 0")
    for bom, codec in _WIDE_BOMS:  # UTF-32 before UTF-16: their byte-order marks overlap
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as exc:
                raise CasegraphError(f"invalid {codec.upper()} text", path,
                                     f"byte {exc.start + len(bom)}") from None
    pos = data.find(b"\x00")  # anywhere in the file, not only near its ends
    if pos >= 0:
        raise CasegraphError("binary file (NUL byte), not a text or HTML page", path, f"byte {pos}")
    if data.startswith(b"\xef\xbb\xbf"):
        body = data[3:]
        try:
            return body.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise CasegraphError("invalid UTF-8 after a UTF-8 byte-order mark", path,
                                 f"byte {exc.start + 3}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    valid_multibyte = len(re.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}", data))
    if valid_multibyte:
        raise CasegraphError("invalid UTF-8 (the file mixes UTF-8 with other bytes)", path,
                             f"byte {utf8_error.start}")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise CasegraphError("not UTF-8 and not cp1252 text", path, f"byte {exc.start}") from None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    if controls > max(3, len(text) // 1000):
        raise CasegraphError("binary file (control bytes), not a text or HTML page", path)
    return text, "cp1252"


#: Terminal escape sequences (colours, cursor moves) and the single control characters that are
#: never text: C0 (tab and line feed aside) and C1.  Replaced by spaces of the same length, so
#: offsets into the text, and quotes of it, stay as they were.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Bidirectional overrides and isolates, and zero-width characters: invisible, and able to make
#: the same words look different (or different words look the same) in titles and names.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def strip_controls(text: str, path: Path) -> tuple[str, list[str]]:
    """``text`` without control characters and invisible format characters; a warning (file and
    line) for each line that had any."""
    warnings: list[str] = []
    if not (_ESCAPE_SEQUENCE.search(text) or _INVISIBLE.search(text)):
        return text, warnings
    lines = text.split("\n")
    for n, line in enumerate(lines, start=1):
        cleaned = _INVISIBLE.sub("", _ESCAPE_SEQUENCE.sub(lambda m: " " * len(m.group()), line))
        if cleaned != line:
            warnings.append(f"{path}:{n}: control or invisible characters removed")
            lines[n - 1] = cleaned
    return "\n".join(lines), warnings


def normalise_newlines(text: str) -> str:
    """Unified line ends, and nothing else: quotes of plain-text pages stay exact file text."""
    return unify_line_ends(text).replace("\f", "\n")


def tidy_text(text: str) -> str:
    """For text derived from markup: NFC, no NBSP/zero-width noise, single spaces, no trailing
    spaces, runs of blank lines collapsed to one (page breaks stay visible as one blank line)."""
    text = unicodedata.normalize("NFC", normalise_newlines(text))
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = _EMAIL_PROTECTED.sub("", text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


#: A line that lists a page's tags as links: "Topics: <a>Chatham</a> <a>Medway Council</a>".
#: (session 83) And a search result's "Subjects: <a>filicide</a> <a>domestic abuse</a>".
_TAG_LIST_LABEL = re.compile(r"^\s*(?:topics?|tags?|keywords?|subjects?|themes?|categories|filed\s+under)"
                             r"\s*:?\s*$", re.I)


def _article_footers_kept(soup: BeautifulSoup) -> None:
    """(session 85) What a blog theme puts in an article's own footer, before footers are
    dropped as the site's furniture: the article's tags (Hexo's ``<ul class="article-tag-list"
    itemprop="keywords">``) as a "Tags: head injury; significant case review" line, and its
    date (Pelican's ``<footer class="post-info"><abbr class="published" title="2025-11-18...">``,
    a ``<time>``, an ``itemprop="datePublished"``) as a "Published: ..." line, after that
    footer, as a page written in text gives them.  A site's tag cloud or footer outside any
    article is no article's."""
    for footer in soup.find_all("footer"):
        if footer.find_parent("article") is None and "post-info" not in (footer.get("class") or []):
            continue
        lines = []
        when = footer.find("abbr", class_="published") or footer.find(attrs={"itemprop": "datePublished"}) \
            or footer.find("time")
        if when is not None:
            words = " ".join(when.get_text(" ").split())
            words = re.sub(r"^(?:published|posted|date)\s*:?\s*", "", words, flags=re.I) \
                or str(when.get("datetime") or when.get("title") or "")[:10]
            lines.append(f"Published: {words}")
        for listing in footer.find_all(attrs={"itemprop": "keywords"}):
            words = [w for a in listing.find_all("a") if (w := " ".join(a.get_text(" ").split()))]
            if words:
                lines.append("Tags: " + "; ".join(words))
        for line in reversed(lines):
            kept = soup.new_tag("p")
            kept.string = line
            footer.insert_after(kept)


def _tag_links_apart(soup: object) -> None:
    """(session 56) A news page's "Topics: Chatham Medway Council Children", each a link set
    apart only by a space: a list of tags, so "; " goes between the links (read run together,
    the tags were one keyword, "chatham medway council children")."""
    for link in soup.find_all("a"):  # type: ignore[attr-defined]
        after = link.next_sibling
        if after is None or not isinstance(after, str) or after.strip() \
                or getattr(after.next_sibling, "name", None) != "a":
            continue
        lead = link.parent.contents[0] if link.parent is not None and link.parent.contents else None
        if isinstance(lead, str) and _TAG_LIST_LABEL.match(lead):
            after.replace_with("; ")


def _in_page_contents(tag: Tag) -> bool:
    """Whether an element is a table of contents of the page's own headings: named so by its
    id or class, holding no heading, and every link in it goes to a place on the same page.  A
    contents list that links to other pages (an index page's list of reviews) is the page's
    words, and stays; so does a page whose body is classed as having one (Asciidoctor's
    ``<body class="article toc2">``)."""
    names = {str(tag.get("id") or "").lower(), *(str(c).lower() for c in tag.get("class") or []),
             # (session 74) the ARIA role Org mode's export gives its contents ("text-table-of-contents")
             "toc" if str(tag.get("role") or "").lower() == "doc-toc" else ""}
    if not names & _CONTENTS_NAMES or tag.name in ("html", "body") or tag.find(_HEADINGS):
        return False
    links = tag.find_all("a", href=True)
    return bool(links) and all(str(a["href"]).startswith("#") for a in links)


#: The ids and classes of a generated table of contents (Asciidoctor, pandoc, MediaWiki, Hugo).
_CONTENTS_NAMES = frozenset({"toc", "toc2", "table-of-contents", "tableofcontents"})


def html_to_text(markup: str) -> str:
    """Visible text of a saved web page with block boundaries as line breaks."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "html.parser")
    _article_footers_kept(soup)
    for tag in soup.find_all(_NOISE_TAGS):
        if tag.name == "button" and tag.find_parent(_HEADINGS):
            # (session 55) an accordion's pane heading, "<h2><button aria-expanded>Child F ...":
            # the button is the heading's words, not a control's label
            tag.unwrap()
        elif not _wraps_the_page(tag):
            tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for link in soup.find_all("a", href=_SHARE_LINK):
        # (session 56) "Share on Facebook", "Share on X", "Email": a control, no words of the page
        item = link.find_parent("li")
        (item if item is not None and len(item.find_all("a")) == 1 else link).decompose()
    for link in soup.find_all("a", href=re.compile(r"^#")):
        if link.get_text().strip() in _PERMALINK_MARKS:
            # (session 59) a heading's permalink, "Learning review: Callum<a class="headerlink"
            # href="#...">¶</a>" (Sphinx, MkDocs, GitHub): a control, no word of the heading
            link.decompose()
    for tag in soup.find_all(attrs={"role": ["navigation", "banner", "contentinfo"]}):
        tag.decompose()
    for toc in soup.find_all(_in_page_contents):
        # (session 65) a generated table of contents (Asciidoctor's "div#toc", a wiki's): the
        # page's own headings again as links, each one a review's name with no text under it
        toc.decompose()
    _tag_links_apart(soup)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for term in soup.find_all("dt"):
        # a definition list's pair ("<dt>Published</dt><dd>August 2024</dd>") is one labelled
        # line, "Published: August 2024", as a page written in text gives a review's fields
        value = term.find_next_sibling(["dd", "dt"])
        if value is not None and value.name == "dd" and re.match(r"[^:]{1,40}:\s*\S", _words_of(value)) \
                and (after := value.find_next_sibling(["dd", "dt"])) is not None and after.name == "dd":
            # (session 60) a term over several values each labelled already (Joomla's article
            # info, "Details" over "Category: ..." and "Published: ..."): a caption, no label
            term.replace_with(f"\n\n{_words_of(term)}\n\n")
        elif value is not None and value.name == "dd":
            term.replace_with(f"\n\n{_words_of(term).rstrip(':')}: {_words_of(value)}\n\n")
            value.decompose()
    for table in soup.find_all("table"):
        if _field_table(table):
            # an infobox, "<tr><th>Published</th><td>July 2023</td></tr>": labelled lines too
            table.replace_with("".join(f"\n\n{_words_of(th).rstrip(':')}: {_words_of(td)}\n\n"
                                       for th, td in (tr.find_all(["th", "td"])
                                                      for tr in table.find_all("tr"))))
        elif fields := _record_under_names(table):
            # (session 79) "Published | Review type | Area" over one row of values: one review's
            # fields (an admonition's "Review details"), read as a table of reviews its row was a
            # review of its own, with no name
            table.replace_with("".join(f"\n\n{label}: {value}\n\n" for label, value in fields))
    for tabs in soup.find_all("div", class_="tabbed-set"):
        _tabs_in_order(soup, tabs)
    for tablist in soup.find_all(attrs={"role": "tablist"}):
        _aria_tabs_in_order(soup, tablist)
    for li in soup.find_all("li"):
        if "p" in (inside := {c.name for c in li.children if c.name}) and inside <= _ITEM_PARTS:
            # an item of two paragraphs ("<li><p>The SBNI should ...</p><p>The guidance should
            # ...</p></li>") is one item: its paragraphs run on in one line (an item holding a
            # heading, "<li><h3>Child A ...</h3><p>...</p></li>", is a review's block, kept)
            li.string = " ".join(li.get_text(" ").split())
        if li.contents and isinstance(first := li.contents[0], str) and first[:1].isspace():
            first.replace_with(first.lstrip())  # ("<li>\n The risk ...": the bullet's own line)
        if getattr(next((c for c in li.children if c.name or str(c).strip()), None), "name", None) \
                not in _HEADINGS:
            # (session 83) an item that opens with a heading is a record's block ("<li
            # class="record"><h3>Amir</h3>..."): no bullet before its heading, whose name it is
            li.insert(0, "• ")  # keeps list items apart from page-break continuation lines
    for table in soup.find_all("table"):
        if _layout_table(table):
            # an e-mail newsletter's or an old site's layout: its cells are the page's blocks
            for tag in table.find_all(["td", "th", "tr", "tbody", "thead", "tfoot"]):
                if tag.find_parent("table") is table:
                    tag.insert_after("\n")  # (two cells' words never run together)
                    tag.unwrap()
            table.unwrap()
    # a table row becomes one pipe-table line, as Markdown writes it, so a table of reviews
    # reads the same saved as HTML or copied as text (casegraph.ingest.table); innermost
    # tables first, so an outer row reads a nested table's rows as its cell's text
    for table in reversed(soup.find_all("table")):
        for tr, cells in _grid_rows(table):
            if cells:
                tr.replace_with(f"\n\n{_pipe_row(cells)}\n\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    root = soup.body or soup
    # the page's <title> often alone names the partnership ("Case reviews | Derby and Derbyshire
    # Safeguarding Children Partnership"): it is read as the page's first line
    title = _words_of(soup.title) if soup.title and soup.body else ""
    heading = _words_of(soup.body.find("h1")) if soup.body else ""
    if heading and title.startswith(heading):
        # "<title>Review published: Jamie – Fife CPC" over "<h1>Review published: Jamie": the
        # heading says the first part again, so only the site's name is kept (not a second review)
        title = title[len(heading):].strip(" –—-|:·")
    elif heading and heading.startswith(title):
        # (session 62) a help topic's "<title>SCR: Baby S" over "<h1>SCR: Baby S (published March
        # 2012)": the heading says it all again, and the short title would stand over its dateline
        title = ""
    elif heading and (parts := _TITLE_PARTS.split(title, maxsplit=1)) and len(parts) == 2 \
            and (short := _plain_quotes(_TITLE_RUBRIC.sub("", parts[0]))) \
            and _plain_quotes(heading).startswith(short):
        # (session 59) "<title>Blog: What Child L's learning review tells us | Families Together"
        # over "<h1>What Child L’s learning review tells us about ...": a shortened heading
        title = parts[1].strip()
    text = (title + "\n\n" if title else "") + root.get_text()
    return _LONE_BULLET.sub(r"\1 ", "\n".join(line.strip() for line in text.split("\n")))


#: (session 72) A bullet in a block of its own over its item's paragraph (MuPDF's XHTML of a
#: PDF's list: "<h3>•</h3>" then "<p>Self-harm should ...</p>"): the bullet is the item's.
#: Before, the item was a paragraph of prose, split at its semicolons into two points.
_LONE_BULLET = re.compile(r"(?m)^([•●▪■◦])\n+(?=[^\s•●▪■◦])")


#: What a list item made of paragraphs holds when it is one point: paragraphs and their words.
_ITEM_PARTS = frozenset({"p", "a", "b", "strong", "em", "i", "span", "br", "abbr", "sup", "sub"})


def _field_table(table: Tag) -> bool:
    """Whether a table is a record's fields: each row a header cell naming a field and one
    value cell ("Published | July 2023"), with no table inside.  A page builder's table has
    no header cells (Editor.js, a CMS's "key facts" block): two plain cells a row are fields
    too when every left cell is a field's name a catalogue gives (``_FACT_LABEL``,
    ``_NAME_LABEL``) or another of a summary's (``_DOCUMENT_LABEL``), one at least a fact's, so
    that a table of reviews ("Child A | 2019") is never read as one review's fields."""
    rows = table.find_all("tr")
    if not rows or table.find("table") is not None:
        return False
    shapes = [[c.name for c in tr.find_all(["th", "td"])] for tr in rows]
    if all(shape == ["th", "td"] for shape in shapes):
        return True
    labels = [_words_of(tr.find("td")) for tr in rows]
    return all(shape == ["td", "td"] for shape in shapes) and _record_labels(labels)


def _record_under_names(table: Tag) -> list[tuple[str, str]]:
    """(session 79) A table of one record, its fields' names over their values: a header row
    whose cells name a record's fields (:func:`_record_labels`) and one row of as many values
    (MkDocs' "Review details" box: "Published | Review type | Area" over "July 2023 | LCSPR |
    Hertfordshire"); else no fields.  A table of two reviews or more is a table of reviews."""
    rows = table.find_all("tr")
    if len(rows) != 2 or table.find("table") is not None:
        return []
    if rows[0].find("td") is not None or rows[1].find("th") is not None:
        return []
    return _named_fields(*([_words_of(c) for c in tr.find_all(["th", "td"])] for tr in rows))


def _named_fields(names: list[str], values: list[str]) -> list[tuple[str, str]]:
    """(session 79) A one-record table's fields, each name over its value, when there are two to
    eight names and they name a record's fields (:func:`_record_labels`); else none."""
    if len(names) != len(values) or not 2 <= len(names) <= 8 or not _record_labels(names):
        return []
    return [(name.rstrip(":"), value) for name, value in zip(names, values, strict=True) if value]


def _tabs_in_order(soup: BeautifulSoup, tabs: Tag) -> None:
    """(session 79) A set of content tabs (MkDocs Material's "Learning | Recommendations") with
    each tab's label over its own block, as a reader sees the tab opened: the theme writes the
    labels together first ("LearningRecommendations"), then the blocks, so a review's learning
    and recommendations ran on as one part under a run-together label."""
    labels = tabs.select(":scope > .tabbed-labels > label")
    blocks = tabs.select(":scope > .tabbed-content > .tabbed-block")
    if not labels or len(labels) != len(blocks):
        return
    for label, block in zip(labels, blocks, strict=True):
        heading = soup.new_tag("h4")
        heading.string = _words_of(label)
        block.insert(0, heading)
    tabs.select_one(":scope > .tabbed-labels").decompose()


def _aria_tabs_in_order(soup: BeautifulSoup, tablist: Tag) -> None:
    """(session 88) Tabs marked up as ARIA says (Docusaurus's ``<Tabs>``, Bootstrap's, most
    sites' own): each tab's label over the panel it opens (the one its ``aria-controls`` names,
    else the next panel in order), and the list of labels gone.  Read as written, the labels
    were a list of their own ("• Recommendations", "• Progress") counted among a review's
    recommendations."""
    tabs = tablist.find_all(attrs={"role": "tab"})
    following = tablist.find_all_next(attrs={"role": "tabpanel"}, limit=len(tabs))
    panels = [soup.find(id=tab.get("aria-controls")) if tab.get("aria-controls") else None for tab in tabs]
    panels = [panel or (following[k] if k < len(following) else None) for k, panel in enumerate(panels)]
    if not tabs or any(panel is None for panel in panels):
        return
    for tab, panel in zip(tabs, panels, strict=True):
        heading = soup.new_tag("h4")
        heading.string = _words_of(tab)
        panel.insert(0, heading)
    tablist.decompose()


def _record_labels(labels: list[str]) -> bool:
    """Whether the left cells of a two-column table with no header cells name a record's fields:
    every one a field's name a catalogue gives (``_FACT_LABEL``, ``_NAME_LABEL``) or another of
    a summary's (``_DOCUMENT_LABEL``), one at least a fact's (an HTML table's, a Markdown one's)."""
    named = [f"{label.rstrip(':')}: " for label in labels]
    return any(map(_FACT_LABEL.match, named)) and all(
        _FACT_LABEL.match(x) or _NAME_LABEL.match(x) or _DOCUMENT_LABEL.match(x) for x in named)


def _layout_table(table: Tag) -> bool:
    """Whether a table lays out a page rather than tabulating data: it says so
    (role="presentation"), holds the page's headings in its cells (in a table nested in them
    too: a Mailchimp template's ``templateContainer`` rows hold ``mcnTextBlock`` tables, whose
    cells hold the ``h2`` of each review), is one cell alone, or (session 86) is one row whose
    cell holds a list (Asciidoctor's admonition block: an icon's cell beside "Learning" over its
    points, which had been one pipe row, its points one line)."""
    if table.get("role") in ("presentation", "none"):
        return True
    cells = [c for c in table.find_all(["td", "th"]) if c.find_parent("table") is table]
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    return table.find(_HEADINGS) is not None or len(cells) == 1 \
        or (len(rows) == 1 and any(c.find(["ul", "ol"]) is not None for c in cells))


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _grid_rows(table: Tag) -> list[tuple[Tag, list[str]]]:
    """Each row of a table with its cells' text, a cell that spans rows or columns repeated in
    every place it covers: "Belfast" spanning three reviews' rows is each row's area, so no row
    loses its first column and shifts the others under the wrong headers."""
    spans = {"rowspan": 1, "colspan": 1}
    below: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still covers)
    out = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a nested table's row, already a line of text
        cells: list[str] = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            _fill_from_above(cells, below)
            text = _words_of(cell).replace("|", "/")
            rows, cols = (_span(cell.get(name), default) for name, default in spans.items())
            for _ in range(cols):
                if rows > 1:
                    below[len(cells)] = (text, rows - 1)
                cells.append(text)
        _fill_from_above(cells, below, trailing=True)
        out.append((tr, cells))
    return out


def _fill_from_above(cells: list[str], below: dict[int, tuple[str, int]],
                     trailing: bool = False) -> None:
    """Put the cells that span down from earlier rows into ``cells`` at the next column (every
    remaining such column when ``trailing``, at the row's end)."""
    while len(cells) in below or (trailing and any(col >= len(cells) for col in below)):
        col = len(cells)
        if col not in below:
            cells.append("")  # a gap before a spanning cell further right
            continue
        text, left = below.pop(col)
        if left > 1:
            below[col] = (text, left - 1)
        cells.append(text)


def _span(value: object, default: int) -> int:
    """A rowspan or colspan attribute as a count from 1 to 100 (a malformed one is 1)."""
    try:
        return min(max(int(str(value)), 1), 100) if value is not None else default
    except ValueError:
        return 1


def _pipe_row(cells: list[str]) -> str:
    """One row of a pipe table, as Markdown writes it and ``ingest.table`` reads it."""
    return "| " + " | ".join(cells) + " |"


def _pipe_lines(cells: list[str], header: bool) -> list[str]:
    """A row of a pipe table, with the rule under it when it is the header row."""
    return [_pipe_row(cells), *(["|" + " --- |" * len(cells)] if header else [])]


def _words_of(tag: Tag | None) -> str:
    """A tag's text as one line, its runs of white space made single spaces ("" for no tag)."""
    return " ".join(tag.get_text(" ").split()) if tag is not None else ""


#: A link or an image, with pandoc's attributes after it: "[text](url){.underline}", "![](a.png)".
_MD_LINK = re.compile(r"(?P<image>!)?\[(?P<text>[^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
#: A pandoc span with attributes: "[text]{.underline}".
_MD_SPAN = re.compile(r"\[(?P<text>[^\]]*)\]\{[^}]*\}")
#: A footnote's mark in the text ("review[^1]") and the start of its definition ("[^1]: ...").
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,20}\]")
_FOOTNOTE_DEFINITION = re.compile(r"^\s{0,3}\[\^[^\]\s]{1,20}\]:")
#: A grid table's rule ("+-----+------+", "+=====+") and one of its text lines ("| 1 | ... |").
_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_GRID_LINE = re.compile(r"^\s*\|.*\|\s*$")


#: A Markdown file's YAML front matter (Jekyll, Hugo, Eleventy): between "---" lines at its top.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
#: Front-matter keys that steer the site generator, not what the page says.
_SITE_KEYS = frozenset({"layout", "permalink", "slug", "draft", "template", "weight", "toc",
                        "menu", "type", "id", "url", "aliases", "sitemap", "published", "comments"})
#: Front-matter keys whose lists are the page's keywords.
_TAG_KEYS = frozenset({"tags", "keywords", "categories", "topics"})


def front_matter(text: str) -> tuple[list[str], str, list[str]]:
    """A Markdown page's YAML front matter as a reader of the built page sees it: its title
    above the text, and its fields ("Date: ...", "Keywords: a; b", other fields as labelled
    lines: a "partnership" is the area's label), which :func:`markdown_to_text` puts under
    the front matter's title or, where the text's own heading is the title, below the text,
    where a post shows its date and tags; either way they are read as the page's own review's.
    Keys that steer the site ("layout: review") are no words of the page; front matter that is
    not a YAML mapping is left as text."""
    import yaml

    m = _FRONT_MATTER.match(text)
    if m is None:
        return [], text, []
    try:
        fields = yaml.safe_load(m["yaml"])
    except yaml.YAMLError:
        return [], text, []
    if not isinstance(fields, dict):
        return [], text, []
    title: list[str] = []
    lines: list[str] = []
    for key, value in fields.items():
        name = str(key).strip().lower()
        if ((name in _SITE_KEYS and not (name == "published" and isinstance(value, datetime.date)))
                or value is None or isinstance(value, dict)):
            continue  # (Jekyll's "published: false" steers the site; "published: 2023-11-14" is a date)
        values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if name == "title":
            title = [" ".join(values), ""]
            # (session 56) a page whose first heading is its title made fuller ("... – Tomos"
            # over "# ... – Tomos (Ceredigion)") is titled by that heading, as the page shows it
            first = _MD_HEADING_LINE.search(text, m.end())
            heading = text[first.start():].split("\n", 1)[0] if first else ""
            if title[0] and heading.lstrip("#").strip().startswith(title[0]):
                title = []
        elif name in _TAG_KEYS:
            lines.append(f"Keywords: {'; '.join(values)}")
        else:
            lines.append(f"{name.replace('_', ' ').capitalize()}: {'; '.join(values)}")
    return title, text[m.end():], lines


def markdown_to_text(text: str) -> str:
    """Markdown syntax that is not content (heading marks, emphasis, link targets, quotes, a
    notes app's "[[wiki links]]"), as pandoc writes it too: a grid table becomes one pipe-table
    line per row (its cells' wrapped lines joined), a hard line break's backslash, images,
    attributes and footnote marks go, and footnote definitions (the document's references, not
    the review's account) are dropped."""
    out, text, fields = front_matter(text)
    # (the front matter's title is the page's heading: the text has no "# heading" of its own)
    titled = bool(out) and not re.search(r"^\s{0,3}#\s", text, re.M)
    # an HTML comment is not shown on the rendered page (its lines stay, blank)
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)
    in_footnote = False
    for line in _fields_tables_as_lines(_grid_tables_as_pipes(text.split("\n"))):
        if _FOOTNOTE_DEFINITION.match(line) or (in_footnote and line.startswith("    ")):
            in_footnote = True
            continue
        in_footnote = False
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        # (session 48) an image goes with its alt text, as a rendered page's does in HTML: a
        # figure's "Timeline of agency contact with Child W's family" is no heading of the page
        line = _MD_LINK.sub(lambda m: "" if m["image"] else m["text"], line)
        line = _WIKI_LINK.sub(r"\g<text>", line)  # a notes app's "[[Glasgow]]" (Obsidian, Logseq)
        line = _MD_SPAN.sub(r"\g<text>", _FOOTNOTE_MARK.sub("", line))
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", line)  # *italic*
        line = re.sub(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])", r"\1", line)  # _italic_
        line = re.sub(r"(?<=\S)\\$", "", line)  # pandoc's hard line break
        line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", line)
        out.append(line)
    if fields and titled:
        # (session 63) under the front matter's title, when it is the page's: below the text, a
        # page's fields were read as the next page's when an archive's pages were joined (a
        # site repository's reviews); a page whose own heading is its title keeps them below,
        # where they stay with a post's one review told under a heading of its own
        out[1:1] = fields
    elif fields:
        out += ["", *fields]
    return "\n".join(out)


def _fields_tables_as_text(text: str) -> str:
    """A text page's tables of a record's fields as field lines (:func:`_fields_tables_as_lines`)."""
    return "\n".join(_fields_tables_as_lines(text.split("\n")))


def _fields_tables_as_lines(lines: list[str]) -> list[str]:
    """(session 65) A Markdown table of a record's fields under a blank header row (MarkItDown
    writes a Word table with no header row so: "|  |  |", "| --- | --- |", "| Published |
    August 2023 |") as the field lines a page in text gives ("Published: August 2023"), when
    its rows pass the test of an HTML fields table's labels (:func:`_record_labels`).  Read
    as a table, its rows were a table's data and the review's date was lost.  (session 79) So
    is a table of one record under a header of its fields' names (:func:`_one_row_fields`)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if fields := _one_row_fields(lines[i:i + 4]):
            out += [line for label, value in fields for line in (f"{label}: {value}", "")][:-1]
            i += 3
            continue
        head, rule = _pipe_cells(lines[i]), _pipe_cells(lines[i + 1]) if i + 1 < len(lines) else None
        blank_head = head is not None and len(head) == 2 and not any(head)
        if not (blank_head and rule and all(re.fullmatch(r":?-{3,}:?", c) for c in rule)):
            out.append(lines[i])
            i += 1
            continue
        end = i + 2
        while end < len(lines) and (cells := _pipe_cells(lines[end])) is not None and len(cells) == 2:
            end += 1
        rows = [_pipe_cells(ln) or [] for ln in lines[i + 2:end]]
        if rows and _record_labels([label for label, _ in rows]):
            out += [f"{label.rstrip(':')}: {value}" for label, value in rows]
        else:
            out += lines[i:end]
        i = end
    return out


#: (session 70) Where a paragraph was glued to the one before it with no space, as docx2txt
#: writes a Word document's paragraphs ("... practice staff.National review: the deaths of ...",
#: "Those most relevant to primary care are:NHS England to ensure ..."): a sentence's end, or
#: a colon, right before a capital that starts a word.  No typed text in the development pages
#: has such a join.
_GLUED_PARAGRAPH = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}:)(?=[A-Z](?:[a-z]|[A-Z]+\b))")


def _glued_paragraphs_apart(text: str) -> str:
    """A text page whose paragraphs were run together (:data:`_GLUED_PARAGRAPH`), each on a line
    of its own again."""
    return _GLUED_PARAGRAPH.sub("\n", text)


def _wrapped_rows_joined(text: str) -> str:
    """A text page's tables with their wrapped rows joined: a regular grid's rows (see
    :func:`_regular_grids_as_pipes`), and a table of numbered items whose rows wrap ("| 1 |
    Agree a standard that |" over "|   | relatives are not used ... |"), each line whose first
    cell is empty, under a row whose first cell is a number, joined to that row cell by cell,
    so that an item is one row (a briefing's ASCII table of recommendations).  Other lines are
    left as they are."""
    if "|" not in text:
        return text
    out: list[str] = []
    row: list[str] | None = None  # the cells of the numbered row being continued
    for line in _regular_grids_as_pipes(text.split("\n")):
        cells = _pipe_cells(line)
        if cells and row is not None and len(cells) == len(row) and not cells[0]:
            row = [f"{a} {b}".strip() for a, b in zip(row, cells, strict=True)]
            out[-1] = line[:len(line) - len(line.lstrip())] + _pipe_row(row)
            continue
        row = cells if cells and _ROW_NUMBER.fullmatch(cells[0]) else None
        out.append(line)
    return "\n".join(out)


def _regular_grids_as_pipes(lines: list[str]) -> list[str]:
    """A text page's grid tables whose rules all draw the same columns (two or more) and part
    every row from the next (a forwarded e-mail's table of reviews, a row's cells wrapped over
    several lines: "| Twins L |" over "| and M |"), as pipe tables, a row a line.  A box of one
    column, a layout grid whose rules change, and a table whose rows stand unparted between two
    rules are left as they are (their lines are read as before)."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and (_GRID_RULE.match(lines[end]) or _GRID_LINE.match(lines[end])):
            end += 1
        block = lines[k:end]
        rules = {ln.strip() for ln in block if _GRID_RULE.match(ln)}
        if block and _GRID_RULE.match(block[0]) and len(rules) == 1 and next(iter(rules)).count("+") >= 3 \
                and sum(bool(_GRID_RULE.match(ln)) for ln in block) >= 4:
            out += _grid_tables_as_pipes(block)
            k = end
        else:
            out += block or [lines[k]]
            k = max(end, k + 1)
    return out


#: A numbered row's first cell: "1", "12.", "3)", "R4".
_ROW_NUMBER = re.compile(r"(?:R|Rec\s*)?\d{1,2}[.)]?", re.I)


def _pipe_cells(line: str) -> list[str] | None:
    """The stripped cells of a line that is a row of a pipe table ("| 1 | text |"), else None."""
    if not _GRID_LINE.match(line):
        return None
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def _grid_tables_as_pipes(lines: list[str]) -> list[str]:
    """Lines with each grid table ("+---+" rules between rows whose cells wrap over several
    "|" lines) written as a pipe table: a row per line, a "| --- |" rule under the header."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not (_GRID_RULE.match(lines[k]) and k + 1 < len(lines) and _GRID_LINE.match(lines[k + 1])):
            out.append(lines[k])
            k += 1
            continue
        cuts = [n for n, ch in enumerate(lines[k]) if ch == "+"]
        row: list[list[str]] = [[] for _ in cuts[1:]]
        k += 1
        while k < len(lines) and (_GRID_RULE.match(lines[k]) or _GRID_LINE.match(lines[k])):
            if _GRID_LINE.match(lines[k]):
                for n, (a, b) in enumerate(pairwise(cuts)):
                    row[n].append(lines[k][a + 1:b].strip())
            elif any(row):
                out += _pipe_lines([" ".join(w for w in cell if w) for cell in row],
                                   header="=" in lines[k])
                row = [[] for _ in cuts[1:]]
            k += 1
        out.append("")
    return out


def _fields(line: str) -> tuple[str, int]:
    """A line's separator and number of fields, if it reads as a row of a typed register:
    "; "-separated fields not ending a sentence, or a database's bare "|"-delimited export row
    ("CR-0412|Child B|7 months|..."; a pipe table's own rows open with "|"); else ("", 0)."""
    if line.count("|") >= 2 and not line.lstrip().startswith("|"):
        return "|", len(line.split("|"))  # (first: an exported cell may hold "; " lists)
    if line.count("; ") >= 2 and not line.rstrip().endswith("."):
        return "; ", len(line.split("; "))
    return "", 0


#: (session 79) A Markdown table's line under its header: "---|---|---", "|:---|---:|".
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


def _one_row_fields(lines: list[str]) -> list[tuple[str, str]]:
    """(session 79) The fields of a table of one record at the head of ``lines``: a header naming
    a record's fields (:func:`_record_labels`), a rule and one row ("Review type| Area|
    Published" / "---|---|---" / "Learning Review| City of Edinburgh| September 2023", as
    html2text writes an e-mail's table, outer pipes or none), then no further row; else none.
    Read as a table of reviews, its row was a review with no name, and the rule's dashes its
    area."""
    if len(lines) < 3 or "|" not in lines[0] or not _TABLE_RULE.match(lines[1]) \
            or (len(lines) > 3 and "|" in lines[3] and lines[3].strip()):
        return []
    head, row = ([c.strip() for c in ln.strip().strip("|").split("|")] for ln in (lines[0], lines[2]))
    return _named_fields(head, row)


#: (session 81) The header row of a table of items set out with spaces (a PDF's table, as
#: pdftotext lays it out): two to five cells three or more spaces apart, each a word or three,
#: one naming the items ("Recommendation      Owner", "No.   Action   Lead   Status").
_SPACED_HEAD_CELL = re.compile(r"\S+(?: \S+){0,2}")
_SPACED_ITEM_HEAD = re.compile(r"(?i:recommendations?|actions?|learning(?: points?)?|findings?)")
_SPACED_GAP = re.compile(r"\s{3,}")
#: How far a cell may start from its column's start in the header.
_SPACED_SLACK = 2


def _spaced_item_tables_as_pipes(text: str) -> str:
    """(session 81) A table of items set out with spaces, each row's cells wrapped over several
    lines and the rows apart by blank lines (pdftotext's layout of a briefing pack's table of
    recommendations and their owners), as a pipe table, a row a line: each cell's lines joined.
    Read line by line, an owner's wrapped "Committee" was an item of its own, and a row's words
    ran into its owner's.  The table ends at a line with a word outside its columns, or at a
    group of lines that fills one column only (the paragraph after it)."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        columns = _spaced_item_head(lines[k])
        if columns is None:
            out.append(lines[k])
            k += 1
            continue
        rows, end = _spaced_rows(lines, k + 1, columns)
        if not rows:
            out.append(lines[k])
            k += 1
            continue
        head = [c.group() for c in _SPACED_HEAD_CELL.finditer(lines[k])]
        out += [" " * columns[0] + line for line in [*_pipe_lines(head, header=True), *map(_pipe_row, rows)]]
        k = end
    return "\n".join(out)


def _spaced_item_head(line: str) -> list[int] | None:
    """The columns' starts of a spaced table's header row, or None for any other line."""
    cells = list(_SPACED_HEAD_CELL.finditer(line))
    if not 2 <= len(cells) <= 5 or any(_SPACED_GAP.fullmatch(line[a.end():b.start()]) is None
                                       for a, b in itertools.pairwise(cells)):
        return None
    if not any(_SPACED_ITEM_HEAD.fullmatch(c.group()) for c in cells) \
            or not all(c.group()[:1].isalpha() for c in cells):  # (no "5.    Recommendations")
        return None
    return [c.start() for c in cells]


def _spaced_rows(lines: list[str], k: int, columns: list[int]) -> tuple[list[list[str]], int]:
    """The rows under a spaced table's header from line ``k``, each its cells' words, and the
    line after the table."""
    rows: list[list[str]] = []
    after = k
    while k < len(lines):
        while k < len(lines) and not lines[k].strip():
            k += 1
        group: list[list[str]] = []
        end = k
        while end < len(lines) and lines[end].strip():
            cells = _spaced_cells(lines[end], columns)
            if cells is None:
                break
            group.append(cells)
            end += 1
        if not group or (end < len(lines) and lines[end].strip()) \
                or sum(any(row[c] for row in group) for c in range(len(columns))) < 2:
            break
        rows.append([" ".join(row[c] for row in group if row[c]) for c in range(len(columns))])
        k = after = end
    return rows, after


def _spaced_cells(line: str, columns: list[int]) -> list[str] | None:
    """A line's words by the column each starts in, or None when one starts outside them."""
    cells = [""] * len(columns)
    at = 0
    for part in re.split(r"(\s{2,})", line):
        if part.strip():
            column = next((n for n, start in enumerate(columns) if abs(at - start) <= _SPACED_SLACK), None)
            if column is None:
                return None
            cells[column] = f"{cells[column]} {part.strip()}".strip()
        at += len(part)
    return cells


def _delimited_rows_as_pipes(text: str) -> str:
    """A register typed into a text page as rows of "; "-separated fields ("Name; Type; Year;
    ..." over "Child K; LCSPR; 2023; ...") or exported from a database with bare "|" between
    them, written as a pipe table, which the table reader reads: three or more consecutive
    lines with the same separator and number (three or more) of fields, the first of them the
    header."""
    lines = text.split("\n")
    fields = [_fields(ln) for ln in lines]
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and fields[end][1] and fields[end] == fields[k]:
            end += 1
        if end - k >= 3:
            rows = [[c.strip() for c in ln.split(fields[k][0])] for ln in lines[k:end]]
            out += _pipe_lines(rows[0], header=True) + [_pipe_row(r) for r in rows[1:]]
            k = end
        else:
            out.append(lines[k])
            k += 1
    return "\n".join(out)


#: MediaWiki markup that is not content: a template (its parameters become "Key: value" lines),
#: a reference, a comment, a magic word, a file or category link.
_WIKI_TEMPLATE = re.compile(r"\{\{(?P<body>[^{}]*)\}\}", re.S)
_WIKI_DROPPED = re.compile(r"<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref>|<!--.*?-->|__[A-Z]+__|"
                           r"\[\[(?:File|Image|Category):[^\]]*\]\]", re.S | re.I)
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?(?P<text>[^\]]*)\]\]")
_WIKI_EXTERNAL = re.compile(r"\[(?:https?|mailto):[^\s\]]*\s*(?P<text>[^\]]*)\]")
_WIKI_HEADING = re.compile(r"^(?P<marks>={1,6})\s*(?P<text>.*?)\s*(?P=marks)\s*$")


def wikitext_to_text(text: str) -> str:
    """MediaWiki markup as the text a reader of the wiki sees: headings without their "=" marks,
    bold and italic quotes gone, links as their words, list marks as bullets, a table as pipe
    rows, and an infobox template's parameters as labelled lines ("| published = 2023" reads
    "Published: 2023", as a page written in text gives a review's fields); references,
    comments, files and categories are dropped."""
    text = _WIKI_DROPPED.sub("", text)
    while (templated := _WIKI_TEMPLATE.sub(lambda m: _template_fields(m["body"]), text)) != text:
        text = templated  # innermost templates first
    text = _WIKI_LINK.sub(r"\g<text>", _WIKI_EXTERNAL.sub(r"\g<text>", text))
    out: list[str] = []
    row: list[str] = []
    header = False  # the row's cells are header cells ("! Review !! Published")
    for line in text.split("\n"):
        line = re.sub(r"'{2,5}", "", line).rstrip()
        if line.startswith(("{|", "|-", "|}", "|+")):  # a table's start, row, end or caption
            if row:
                out += _pipe_lines(row, header)
                row, header = [], False
            if line.startswith("|+"):
                out.append(line[2:].strip())
            continue
        if line.startswith(("|", "!")):
            header = header or line.startswith("!")
            row += [c.split("|")[-1].strip() for c in re.split(r"\|\||!!", line[1:])]
            continue
        heading = _WIKI_HEADING.match(line)
        if heading:
            out += ["", heading["text"], ""]
            continue
        line = re.sub(r"^[*#]+\s*", "- ", line)  # "* item", "# item", "** sub-item"
        line = re.sub(r"^;\s*(?P<term>[^:]+?)\s*:\s*", r"\g<term>: ", line)  # "; Term : value"
        out.append(re.sub(r"<br\s*/?>", " ", line, flags=re.I))
    if row:
        out.append(_pipe_row(row))
    return "\n".join(out)


def _template_fields(body: str) -> str:
    """A template's named parameters as labelled lines; an unnamed one as its text."""
    parts = [p.strip() for p in body.split("|")[1:]]
    lines = []
    for part in parts:
        key, eq, value = part.partition("=")
        if eq and value.strip():
            label = " ".join(key.replace("_", " ").split())
            lines.append(f"{label[:1].upper()}{label[1:]}: {' '.join(value.split())}")
        elif not eq and part:
            lines.append(part)
    return "\n" + "\n".join(lines) + "\n" if lines else ""


#: The headers of a saved e-mail that a reader sees above its text (the rest is routing).
_SHOWN_HEADERS = ("From", "Subject", "Date")


def email_to_text(raw: str) -> str:
    """A saved e-mail as its reader sees it: the sender, subject and date lines, then the text
    of its body, decoded from quoted-printable or base64 and its charset by the standard
    library's MIME parser (``email``).  A body sent as HTML only is read as an HTML page; with
    both, the plain text is what the sender wrote for text readers, so it is kept."""
    import email
    from email import policy

    message = email.message_from_string(raw, policy=policy.default)
    lines = [f"{name}: {' '.join(str(message[name]).split())}" for name in _SHOWN_HEADERS
             if message[name]]
    body = message.get_body(preferencelist=("plain", "html"))
    text = _part_text(body) if body is not None else ""
    if body is not None and body.get_content_subtype() == "plain" \
            and (rich := message.get_body(preferencelist=("html",))) is not None \
            and len((richer := _part_text(rich)).split()) > 3 * len(text.split()) + 60:
        # (session 85) a plain part that only points to the HTML one ("This message is best
        # viewed as HTML. View it online: ..."), as a newsletter tool sends it: the HTML is the
        # message
        body, text = rich, richer
    # (a plain-text body's tables are a text page's: their wrapped rows joined, as read_source does)
    body_text = normalise_newlines(text)
    if body is not None and body.get_content_subtype() != "html":
        if str(body.get_param("format", "")).lower() == "flowed":
            body_text = unflowed(body_text, str(body.get_param("delsp", "")).lower() == "yes")
        body_text = _wrapped_rows_joined(body_text)
    return "\n".join(lines) + "\n\n" + body_text


def _part_text(part: email.message.EmailMessage) -> str:
    """A MIME part's text, decoded from quoted-printable or base64 and its charset; an HTML part
    as the page it is.  (A part sent as 8-bit text is the file's own text, decoded already: the
    MIME parser would escape its non-Latin-1 characters, "–" as "\\u2013", on decoding it again.)"""
    encoded = part.get("Content-Transfer-Encoding", "").lower() in ("base64", "quoted-printable")
    content = part.get_content() if encoded else str(part.get_payload())
    return html_to_text(content) if part.get_content_subtype() == "html" else content


def unflowed(text: str, delsp: bool = False) -> str:
    """A ``format=flowed`` body (RFC 3676: Thunderbird's and Apple Mail's plain text) as it was
    typed: a line that ends in a space was wrapped by the mail client and goes on in the next
    (with ``delsp=yes`` that space was added, and goes), a space stuffed in front of a line is
    taken out, and the signature's "-- " line and a change of quotation depth end a paragraph.
    (Unwrapped, "CHILD MIA - ... REVIEW (PUBLISHED" and "MAY 2024)" are one heading again.)"""
    out: list[str] = []
    joined = False
    depth_before = -1
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        body = body[1:] if body.startswith(" ") else body  # (space-stuffing, or a quote's space)
        if joined and depth == depth_before:
            out[-1] += body
        else:
            out.append((line[:depth] + " " if depth else "") + body)
        depth_before = depth
        joined = body.endswith(" ") and body != "-- "
        if joined and delsp:
            out[-1] = out[-1][:-1]
    return "\n".join(out)


def emlx_message(raw: str) -> str:
    """The message an Apple Mail ``.emlx`` file holds: the bytes its first line counts (Mail's
    property list after them is its bookkeeping: flags, dates, not what was sent)."""
    head, _, rest = raw.partition("\n")
    if not head.strip().isdigit():
        raise ValueError("line 1: no byte count (is this an Apple Mail .emlx file?)")
    message = rest.encode("utf-8")[:int(head)].decode("utf-8", errors="ignore")
    # (a file whose line ends were changed after Mail wrote it counts more bytes than remain)
    plist = re.search(r"\n<\?xml[^\n]*\n(?:<!DOCTYPE plist[^\n]*\n)?<plist\b", message)
    return message[:plist.start()] if plist else message


#: The line that opens each message of an mbox file ("From reviews@example.org Mon Mar 11
#: 09:14:02 2024"), at the start of the file or after a blank line.
_MBOX_FROM = re.compile(r"(?:\A|\n\n)From \S+ [^\n]*\d{4}\n")


def mbox_to_text(raw: str) -> str:
    """A mailbox as its messages one after another, each read as :func:`email_to_text` reads
    one saved e-mail (its sender, subject and date lines, then its text).  The messages are not
    records: a subject ("Two more for the register") rarely names a review, the headings in the
    text do.  A reply's quoted lines ("> ...") are left out, since the message it quotes is in
    the box already, and mbox's escaped ">From " is undone."""
    text = normalise_newlines(raw)
    starts = [m.end() for m in _MBOX_FROM.finditer(text)]
    if not starts:
        raise ValueError("no messages (no 'From ' line opens one)")
    ends = [text.rfind("\n\nFrom ", start, following) for start, following in pairwise(starts)]
    spans = zip(starts, [*ends, len(text)], strict=True)
    return _messages_text(re.sub(r"(?m)^>From ", "From ", text[start:end]) for start, end in spans)


def _messages_text(messages: Iterable[str]) -> str:
    """A mailbox's messages one after another, each as :func:`email_to_text` reads one e-mail; a
    reply's quoted lines ("> ...") left out, since the message it quotes is in the box already."""
    out: list[str] = []
    for message in messages:
        out += [ln for ln in email_to_text(message).split("\n") if not ln.startswith(">")] + [""]
    return "\n".join(out)


#: A Babyl file's parts: each message opens after a ``\x1f`` with a form feed line; the first part
#: is the file's options.  A message is its label line, its original header, a ``*** EOOH ***``
#: line, the header as Rmail shows it, and its body.
_BABYL_MESSAGE = re.compile(r"\x1f\x0c?\r?\n")
_BABYL_EOOH = re.compile(r"(?m)^\*\*\* EOOH \*\*\*\n")


def babyl_to_text(raw: str) -> str:
    """(session 82) An Emacs Rmail mailbox (Babyl) as its messages one after another, each read
    as :func:`mbox_to_text` reads a mailbox's: the original header (what was sent; the copy Rmail
    shows after ``*** EOOH ***`` may be pruned) over the body."""
    if not raw.startswith("BABYL OPTIONS:"):
        raise ValueError("line 1: no 'BABYL OPTIONS:' block (is this an Rmail file?)")
    if not raw.rstrip("\r\n ").endswith("\x1f"):  # (str.rstrip() would take 0x1F for a space)
        # (each message ends with the 0x1F byte: without one at the end, the last is cut)
        raise ValueError("the Rmail file is cut short (its last message has no closing 0x1F byte)")
    messages = []
    # (split before normalising: a form feed is a line end to normalise_newlines)
    for part in map(normalise_newlines, _BABYL_MESSAGE.split(raw)[1:]):
        part = part.split("\n", 1)[1] if "\n" in part else ""  # (the label line: "1, answered,, ...")
        original, shown = [*_BABYL_EOOH.split(part, 1), ""][:2]
        if original.strip() and shown:  # (the original header over the body, after the shown header)
            part = original.rstrip("\n") + "\n\n" + [*shown.split("\n\n", 1), ""][1]
        if part.strip():
            messages.append(part if original.strip() else shown)
    if not messages:
        raise ValueError("no messages after the Babyl options block")
    return _messages_text(messages)


#: An MMDF mailbox's delimiter line (four Control-A bytes), before and after each message.
_MMDF_DELIMITER = re.compile(r"(?m)^\x01\x01\x01\x01\r?$\n?")


def mmdf_to_text(raw: str) -> str:
    """(session 84) An MMDF mailbox (``.mmdf``: an LSCB sub-group's mail kept by an old Unix mail
    system, or Python's ``mailbox.MMDF``) as its messages one after another, each read as
    :func:`mbox_to_text` reads a mailbox's: each message sits between two delimiter lines of four
    Control-A bytes, after an envelope "From " line that some writers add."""
    delimiters = _MMDF_DELIMITER.findall(raw)
    if not delimiters:
        raise ValueError("no messages (no line of four Control-A bytes opens one)")
    if len(delimiters) % 2:
        raise ValueError("the MMDF mailbox is cut short (its last message has no closing delimiter)")
    parts = _MMDF_DELIMITER.split(normalise_newlines(raw) if "\r" in raw else raw)[1::2]
    messages = [re.sub(r"\AFrom [^\n]*\n", "", part) for part in parts if part.strip()]
    if not messages:
        raise ValueError("no messages between the MMDF delimiters")
    return _messages_text(messages)


#: A LISTSERV digest (JISCMail's, saved as text from a mail client): its count line, the
#: separators between its messages (30 dashes; 70 after the topics), its list footer (a rule of
#: hashes, then the unsubscribe text) and an Outlook reply's quoted original.
_DIGEST_COUNT = re.compile(r"(?m)^There (?:are|is) \d+ messages? totall?ing \d+ lines? in this issue\.\s*$")
_DIGEST_SEPARATOR = re.compile(r"(?m)^(?:-{70}|-{30})[ \t]*$")
_DIGEST_FOOTER = re.compile(r"(?m)^#{20,}[ \t]*$")
_QUOTED_ORIGINAL = re.compile(r"(?m)^-{3,}\s*Original Message\s*-{3,}[ \t]*$")
_DIGEST_HEADER = re.compile(r"^(Date|From|Subject):[ \t]+(.*)$")


def listserv_digest_as_text(text: str) -> str:
    """A mailing list's digest (LISTSERV, as JISCMail sends it) as its messages one after
    another: each message's subject as its heading (a list's subjects name what is shared:
    "Angus learning review - Rose"), its sender and date as label lines, then its text; a
    reply's subject ("Re: ...") stays a label line, as it names what the message above did.
    The "Topics of the day" list repeats the subjects, and each message's list footer and a
    reply's quoted original are the list's and the mail client's, not what was written.  Text
    that is no digest is returned as it is (session 52, validation35)."""
    if not _DIGEST_COUNT.search(text):
        return text
    head, *messages = _DIGEST_SEPARATOR.split(text)
    out = [head.split("Topics of the day:", 1)[0].rstrip(), ""]
    for message in messages:
        message = _QUOTED_ORIGINAL.split(_DIGEST_FOOTER.split(message, 1)[0], 1)[0].strip("\n")
        lines = [ln for ln in message.split("\n") if not ln.startswith(">")]
        fields = [m for ln in lines[:6] if (m := _DIGEST_HEADER.match(ln))]
        if not fields:
            out += [*lines, ""]
            continue
        subject = next((m[2].strip() for m in fields if m[1] == "Subject"), "")
        replied = bool(re.match(r"(?i)(?:re|fwd?|aw):", subject))
        out += (["", f"Subject: {subject}"] if replied else ["", subject, ""]) if subject else []
        out += [f"{m[1]}: {m[2].strip()}" for m in fields if m[1] != "Subject"]
        out += [*lines[len(fields):], ""]
    return "\n".join(out)


#: An executable code chunk of R Markdown or Quarto ("```{r counts}" ... "```").
_CODE_CHUNK = re.compile(r"^```+\s*\{[^}\n]*\}[^\n]*\n.*?^```+\s*$", re.M | re.S)


def literate_to_text(raw: str) -> str:
    """An R Markdown or Quarto document as the Markdown it is written in, without its code
    chunks: like a notebook's code, they are the analyst's own computations, not the page's
    words about a review (their rendered output is not in the source)."""
    return markdown_to_text(_CODE_CHUNK.sub("", normalise_newlines(raw)))


#: A Sweave/knitr code chunk: "<<name, options>>=" on a line of its own, to a line that starts
#: with "@" (the documentation chunk that follows it).
_NOWEB_CHUNK = re.compile(r"^<<[^\n]*>>=[ \t]*\n.*?(?:^@(?=[ \t\n]|$)|\Z)", re.S | re.M)


def noweb_latex(raw: str) -> str:
    """A Sweave or knitr paper (``.Rnw``) as its LaTeX: the R chunks go, as R Markdown's do
    (:func:`literate_to_text`), and so does inline R (``\\Sexpr{...}``), whose value is
    computed when the paper is woven: the source does not hold it."""
    text = _NOWEB_CHUNK.sub("", normalise_newlines(raw))
    out, at = [], 0
    for m in re.finditer(r"\\Sexpr\{", text):
        if m.start() < at:
            continue
        depth, i = 1, m.end()
        while i < len(text) and depth:
            if text[i] in "\"'":  # an R string: its braces are its own ('x == "{"')
                close = re.compile(rf"(?:[^{text[i]}\\\n]|\\.)*{text[i]}").match(text, i + 1)
                i = close.end() if close else i + 1
                continue
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        out.append(text[at:m.start()])
        at = i
    return "".join(out) + text[at:]


def xml_to_text(raw: str) -> str:
    """A saved XML file as a reader sees its content: a news or podcast feed (RSS 2.0 or Atom)
    as its items (:func:`_feed_items`); a harvest of records (OAI-PMH, a sitemap with
    descriptions, a register) as its records, read as an API's records are; XHTML with
    headings (Confluence's storage format) as a page; any other document (a journal article in
    JATS) as its titles and paragraphs, a line each.

    Declarations inside a document type are refused: a saved page never needs them, and
    entities are the one way XML makes a small file large ("billion laughs").  A DOCTYPE that
    only names its DTD ("<!DOCTYPE article PUBLIC ... .dtd>") is fine: the DTD is never fetched.
    A file that is not well-formed XML (a tag left open) is read leniently, by bs4's HTML parser,
    rather than lost."""
    refuse_declarations(raw, "an XML document")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError:
        import warnings

        from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

        with warnings.catch_warnings():  # (on purpose: the lenient parser is the HTML one)
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            return _markup_blocks(BeautifulSoup(raw, "html.parser"))
    if (marc := marc_records(root)) is not None:  # a library catalogue's records
        return _records_text(marc)
    if (mods := mods_records(root) or eprints_records(root) or ead_records(root)) is not None:
        # a repository's records, an archive's finding aid
        return _records_text(mods)
    if (tracker := servicenow_records(root)) is not None:  # a tracker's records (ServiceNow)
        return _records_text(tracker)
    if (register := filemaker_records(root)) is not None:  # a FileMaker database's rows
        return _records_text(register)
    if (register := access_records(root)) is not None:  # an Access table's or query's rows
        return _records_text(register)
    if (form := infopath_record(root)) is not None:  # a filled-in InfoPath form: its fields
        return _records_text([form])
    if (metadata := xmp_records(root)) is not None:  # a PDF's XMP metadata (its RDF)
        return _records_text(metadata)
    if (described := rdf_xml_records(root)) is not None:  # RDF/XML (a Zotero library)
        return _records_text(described)
    if (answers := sparql_xml_records(root) or solr_records(root)) is not None:  # a query's results
        return _records_text(answers)
    if (translated := xliff_text(root)) is not None:  # a translation job: its source page
        return translated
    if (outline := mind_map_text(root) or opml_outline(root)) is not None:  # a mind map, an outline
        return outline
    if (documents := notes_documents(root)) is not None:  # a Notes database: its documents
        return _records_text(documents)
    if (objects := clixml_records(root)) is not None:  # PowerShell's saved objects
        return _records_text(objects)
    if (places := kml_records(root)) is not None:  # a map's places
        return _records_text(places)
    if (features := gml_records(root)) is not None:  # a map layer's features
        return _records_text(features)
    if (content := usync_content(root)) is not None:  # a CMS's page: its text and its blocks
        return _records_text(content)
    if (described := opf_records(root) or gexf_records(root)) is not None:  # a book's, a graph's
        return _records_text(described)
    if (diagram := drawio_html(root) or graphml_html(root) or visio_html(root)) is not None:  # a diagram
        return html_to_text(diagram)
    if (playlist := xspf_html(root)) is not None:  # a listening list's episodes
        return html_to_text(playlist)
    if (cues := ttml_cues(root)) is not None:  # a video's captions in TTML: the words spoken
        return captions_as_text(cues, timed=True)
    if (poster := svg_html(root)) is not None:  # a poster's drawn texts
        return html_to_text(poster)
    if (deck := wml_html(root)) is not None:  # a WAP deck's cards
        return html_to_text(deck)
    if (notes := xfdf_paragraphs(root)) is not None:  # a PDF's highlights and notes
        return "\n\n".join(notes)
    if (plan := ms_project_text(root)) is not None:  # a project plan's tasks
        return plan
    if (memory := tmx_html(root)) is not None:  # a translation memory: its source page
        return html_to_text(memory)
    if (newsletter := scribus_html(root)) is not None:  # a Scribus layout's text frames
        return html_to_text(newsletter)
    if (document := word_html(root)) is not None:  # a Word document saved as XML
        return html_to_text(document)
    if (document := fo_html(root) or abiword_html(root) or incopy_html(root)
            or fictionbook_html(root) or kword_html(root) or uof_text_html(root)) is not None:
        return html_to_text(document)  # a typeset, word-processed or laid-out page, an e-book
    if (notes := cherrytree_html(root) or gantt_html(root) or elan_html(root)) is not None:
        return html_to_text(notes)  # a notebook's nodes, a plan's tasks, a transcript's words
    if (sheets := gnumeric_sheets(root)) is not None:  # a Gnumeric workbook: its sheets' tables
        return _sheets_text(sheets)
    if (scanned := alto_text(root)) is not None:  # a scanned page's recognised lines (ALTO)
        return scanned
    if (printed := pdf2xml_text(root)) is not None:  # a PDF's lines, as poppler's pdftohtml placed them
        return printed
    if (coded := cas_xmi_text(root)) is not None:  # a document being coded: its text
        return normalise_newlines(coded)
    if (texts := refi_qda_texts(root)) is not None:  # a research project's source texts
        return "\n\n".join(normalise_newlines(t) for t in texts)
    if ("opendocument" in root.tag or OPENOFFICE_1 in root.tag) and (body := next(
            (e for e in root if local_name(e.tag) == "body"), None)) is not None:
        # a flat OpenDocument file (LibreOffice's .fodt, .fods) or an OpenDocument or
        # OpenOffice.org 1.0 package's content: its body, without the metadata, settings and
        # styles around it; a spreadsheet's sheets are tables
        if (sheets := spreadsheet_sheets(body)) is not None:
            return _sheets_text(sheets)
        if (document := odf_text_html(body)) is not None:  # a text document: as it prints
            return html_to_text(document)
        if (slides := odf_presentation_html(root, body)) is not None:  # a deck: its slides
            return html_to_text(slides)
        return "\n\n".join(_xml_blocks(body))
    if local_name(root.tag) != "html" and any(re.fullmatch(r"h[1-6]", local_name(e.tag))
                                              for e in root.iter()):
        # XHTML kept in another XML (Confluence's storage format): a page, whose tables are
        # its own ("<tr><th>Published</th>..."), not a spreadsheet's rows.  (A whole XHTML
        # document, an EPUB's chapter, is read as XML: its sidebars are its case studies.)
        import warnings

        from bs4 import XMLParsedAsHTMLWarning

        with warnings.catch_warnings():  # (on purpose: XHTML's words, read as a page's)
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            return html_to_text(raw)
    items = [e for e in root.iter() if local_name(e.tag) in ("item", "entry")]
    if items and _a_feed(root, items):
        return _feed_items(root, items)
    rows = [e for e in root.iter() if local_name(e.tag) in ("row", "tr")]
    if len(rows) >= 2 and any(len(r) for r in rows):  # a spreadsheet saved as XML (SpreadsheetML)
        return _rows_table([[element_words(c) for c in row] for row in rows])
    data = {local_name(root.tag): _xml_value(root)}
    records = _json_records(data)
    if len(records) >= 2 and _RECORD_ELEMENT.match(_record_name(root, records)):
        return _records_text(data)
    blocks = _xml_blocks(root)
    if (rowset := _attribute_records(root)) and sum(map(len, blocks)) < sum(
            len(v) for r in rowset for v in r.values()):
        return _records_text(rowset)
    return "\n\n".join(blocks)


#: SharePoint's prefix of a list column in a rowset ("ows_Title") and its lookup values' ids
#: ("3;#Neglect"); a multi-value lookup separates its values with ";#".
_SHAREPOINT_COLUMN = re.compile(r"^ows_")
_SHAREPOINT_LOOKUP = re.compile(r"(?:^|;#)\d+;#")


def _attribute_records(root: ET.Element) -> list[dict[str, str]]:
    """Rows that keep their data in attributes, not text: an ADO rowset as SharePoint's list
    export writes it (``<z:row ows_Title="..." ows_Summary="..."/>``), each a record of its
    attributes by name ("ows_Review_x0020_Type" is "Review Type").  The most common element
    with three or more attributes and no content of its own is the row; [] with none."""
    rows = Counter(e.tag for e in root.iter() if len(e.attrib) >= 3 and not len(e)
                   and not (e.text or "").strip())
    if not rows:
        return []
    tag = rows.most_common(1)[0][0]
    records = []
    for row in root.iter(tag):
        records.append({_attribute_key(name): "; ".join(
            v for v in _SHAREPOINT_LOOKUP.sub(";#", value).split(";#") if v.strip())
            for name, value in row.attrib.items()})
    return records


def _attribute_key(name: str) -> str:
    """A rowset's attribute as a record's key: "ows_Review_x0020_Type" is "Review Type"."""
    return unescaped_name(_SHAREPOINT_COLUMN.sub("", local_name(name)))


def unescaped_name(key: str) -> str:
    """A Microsoft tool's XML name as its column's words: "_x0020_" is a space, "_" one too."""
    return _SHAREPOINT_ESCAPE.sub(lambda m: chr(int(m[1], 16)), key).replace("_", " ")


def _sheets_text(sheets: list[list[list[str]]]) -> str:
    """A workbook's sheets, each read as :func:`_rows_table` reads one."""
    return "\n\n".join(_rows_table(rows) for rows in sheets)


def _rows_table(rows: list[list[str]]) -> str:
    """A spreadsheet's rows of cell texts (from XML) read as a tab-separated export is; a sheet
    with no table (no row of three cells: a workbook's "How to use" sheet) its cells' words,
    as its reader sees them (no quotes added for a cell that holds some)."""
    import io

    if not any(sum(bool(c.strip()) for c in row) >= 3 for row in rows):
        return "\n".join("\t".join(row) for row in rows)
    sheet = io.StringIO()
    # (quotes round-trip; a carriage return inside a cell, which the writer leaves unquoted and
    # the reader refuses, is a line break: session 84's damaged Lotus label held one)
    rows = [[cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row] for row in rows]
    csv.writer(sheet, delimiter="\t", lineterminator="\n").writerows(rows)
    return table_to_text(sheet.getvalue(), "\t")


def _a_feed(root: ET.Element, items: list[ET.Element]) -> bool:
    """Whether a file's "item" or "entry" elements are a feed's (RSS, Atom, RDF Site Summary):
    in a TEI or DocBook document an ``<item>`` is a list's point and ``<entry>`` a table's cell,
    parts of the document's text."""
    return local_name(root.tag).lower() in ("rss", "feed", "rdf") or any(
        local_name(c.tag) in ("title", "link", "guid") for c in items[0])


#: Elements that are one record each in a harvest or register (OAI-PMH "record", a sitemap's
#: "url", a register's "row"), as opposed to a document's parts ("sec", "p").
_RECORD_ELEMENT = re.compile(r"^(?:record|item|entry|url|row|report|review|doc|result|hit|"
                             r"dataset|resource|publication|node|post|case)s?$", re.I)


def _record_name(root: ET.Element, records: list[dict]) -> str:
    """The element name of the records :func:`_json_records` chose (the name repeated most)."""
    names = Counter(local_name(e.tag) for e in root.iter() if len(e))
    return next((n for n, k in names.most_common() if k == len(records)), "")


def _xml_value(element: ET.Element) -> object:
    """An element as the value of an API's record: its text if it has no children or holds
    text among them (a paragraph with an <italic> inside), else a mapping of its children by
    local name, a name given more than once holding a list."""
    children = list(element)
    if not children:
        return (element.text or "").strip()
    if (element.text or "").strip() or any((c.tail or "").strip() for c in children):
        return element_words(element)
    out: dict[str, object] = {}
    for child in children:
        name, value = local_name(child.tag), _xml_value(child)
        if name in out:
            held = out[name]
            out[name] = [*held, value] if isinstance(held, list) else [held, value]
        else:
            out[name] = value
    return out


#: An XML declaration and document type before a page kept inside another document.
_XML_PROLOGUE = re.compile(r"^\s*<\?xml[^>]*\?>\s*(?:<!DOCTYPE[^>]*>\s*)?", re.I)


#: A document's lists (DITA's and XHTML's "ol"/"ul", DocBook's, TEI's "list"), by whether their
#: points are numbered (None: as the list's "type" says, TEI's "ordered").
_XML_LISTS = {"ol": True, "orderedlist": True, "ul": False, "itemizedlist": False, "sl": False,
              "list": None}
#: A list's points: "li", DocBook's "listitem", TEI's "item", DITA's simple-list "sli".
_XML_POINTS = {"li", "listitem", "item", "sli"}
#: A topic's metadata, not its words: DITA's "prolog" (author, dates, index keywords).
_XML_METADATA = {"prolog"}


def _xml_blocks(element: ET.Element) -> list[str]:
    """A document's text blocks in order: each element that holds text of its own (a title,
    a paragraph with its inline markup), whole, one block each; a list's points as "- " or
    numbered lines, so that a learning list reads as one (:func:`_xml_list`)."""
    name = local_name(element.tag)
    if name in _XML_METADATA:
        return []
    if name in _XML_LISTS and (points := [c for c in element if local_name(c.tag) in _XML_POINTS]):
        return [_xml_list(element, points)]
    own = (element.text or "").strip() or any((c.tail or "").strip() for c in element)
    if not len(element) and holds_html(element.text or ""):
        page = _XML_PROLOGUE.sub("", element.text or "")  # (ENEX: a page in CDATA)
        return [tidy_text(html_to_text(page)).strip()]
    if own or not len(element):
        text = " ".join(xml_words(element).split())
        return [text] if text else []
    return [b for child in element for b in _xml_blocks(child)]


def _xml_list(element: ET.Element, points: list[ET.Element]) -> str:
    """A list's points, a line each: numbered for an ordered list, else "- " bullets."""
    numbered = _XML_LISTS[local_name(element.tag)]
    if numbered is None:
        numbered = (element.get("type") or element.get("rend") or "").lower() in ("ordered", "numbered")
    lines = [" ".join(" ".join(_xml_blocks(p)).split()) for p in points]
    return "\n".join(f"{n}. {line}" if numbered else f"- {line}"
                      for n, line in enumerate((ln for ln in lines if ln), start=1))


def _markup_blocks(soup: object) -> str:
    """The blocks of markup that is not well-formed XML, read leniently: each tag that holds
    text of its own, whole, one block each (as :func:`_xml_blocks`)."""
    from bs4 import NavigableString, Tag

    def blocks(tag: Tag) -> list[str]:
        kids = [k for k in tag.children if isinstance(k, (Tag, NavigableString))]
        own = any(isinstance(k, NavigableString) and k.strip() for k in kids)
        if own or not any(isinstance(k, Tag) for k in kids):
            text = " ".join(tag.get_text(" ").split())
            return [text] if text else []
        return [b for k in kids if isinstance(k, Tag) for b in blocks(k)]

    return "\n\n".join(blocks(soup))  # type: ignore[arg-type]


def _feed_items(root: ET.Element, items: list[ET.Element]) -> str:
    """A feed as its items read on the site: each item's title, its date line, its description
    or content (HTML, read as a page), and its categories or keywords as a "Keywords:" line."""
    channel = next((e for e in root.iter() if local_name(e.tag) == "channel"), root)
    out = [child_text(channel, "title"), ""]
    for item in items:
        body = child_text(item, "encoded", "content", "description", "summary")
        # (session 61) an Atom category's "label" is its words, its "term" an identifier ("cmr")
        keywords = [c.get("label") or c.get("term") or (c.text or "").strip()
                    for c in item if local_name(c.tag) == "category"]
        keywords += [k.strip() for k in child_text(item, "keywords").split(",") if k.strip()]
        title, fields = child_text(item, "title"), _issue_fields(item)
        if (key := child_text(item, "key")) and title.startswith(f"[{key}] "):
            # (session 60) a Jira issue: its title is "[CMR-12] " and its summary; its dates
            # are the ticket's (created, updated), and its custom fields the review's
            title, date = title[len(key) + 3:], ""
        else:
            date = _feed_date(child_text(item, "pubdate", "published", "updated"))
        out += ["", title, date, *fields, "", html_to_text(body) if "<" in body else body]
        if keywords := [k for k in keywords if k]:
            out.append(f"Keywords: {'; '.join(keywords)}")
    return "\n".join(out)


def _feed_date(date: str) -> str:
    """An item's date line as RSS writes it (RFC 822, "Tue, 14 May 2024 10:30:00 +0000"), which
    the page parser reads as a feed item's date under its title: (session 61) an Atom entry's
    RFC 3339 "2024-05-14T10:30:00+00:00" is written so too, since a bare ISO timestamp on a
    line of its own is common in other exports (a wiki's revision, a notebook's metadata), where
    it marks no item."""
    import datetime
    import email.utils

    try:
        moment = datetime.datetime.fromisoformat(date.strip())
    except ValueError:
        return date
    if moment.tzinfo is None or "T" not in date:
        return date  # (a date alone, or a time with no zone, is left as it is written)
    return email.utils.format_datetime(moment)


def _issue_fields(item: ET.Element) -> list[str]:
    """An issue tracker's custom fields on a feed's item (Jira's XML export: "Council area",
    "Date published", "Review type", each a ``customfieldname`` over its values) as labelled
    lines, "Council area: Derry City and Strabane", as a page shows them beside the issue."""
    out = []
    for custom in (e for e in item.iter() if local_name(e.tag) == "customfield"):
        name = child_text(custom, "customfieldname")
        values = [" ".join("".join(v.itertext()).split()) for v in custom.iter()
                  if local_name(v.tag) == "customfieldvalue"]
        if name and (values := [v for v in values if v]):
            out.append(f"{name}: {'; '.join(values)}")
    return out


#: Keys of an API's records that are plumbing, not what its page shows: identifiers, addresses,
#: revision and paging data, and the date a record was last edited (not its publication date).
_JSON_PLUMBING = re.compile(
    r"^(?:_.*|@(?:context|id|type)|id|nid|.*uuid|.*guid|slug|path|href|urls?|url_?string|links?|self|"
    r"(?:source|page|web)_?url|"  # (session 61) a map layer's "source_url" attribute
    # (session 61) a video platform's API fields (YouTube Data API's "kind", "etag", a
    # thumbnail's size, "contentDetails"), which say how the video is served, not what it tells
    r"kind|etag|width|height|(?:channel|category|playlist)_?id|live_?broadcast_?content|"
    # (session 80) a headless CMS entry's own id and locale (Strapi's "documentId", "locale")
    r"document_?id|locale|"
    r"default_?(?:audio_?)?language|dimension|definition|projection|"
    r"permalink|"
    r"type|content_?type|bundle|status|format|template|author|featured_?media|sticky|"
    r"comment_?status|ping_?status|.*_gmt|(?:date_?)?modified|updated(?:_?at|_?on)?|changed|"
    r"created(?:_?time)?|meta|paging|pagination|per_?page|page|total|count|sort|generated(?:_?at)?|"
    # (session 56) a headless CMS's own columns on every item (Directus's "user_created",
    # "date_updated"): who made or edited the item and when, not the review's dates
    r"(?:user|date)_(?:created|updated)|"
    r"lang(?:code)?|drupal_internal.*|revision.*|relationships|attachments|"
    r"site|(?:api_)?version|success|help|query|facets|search_facets|license.*|mime_?type|size|"
    # a harvest's and a sitemap's plumbing (OAI-PMH headers, <loc>, <changefreq>)
    r"identifier|datestamp|set_?spec|loc|lastmod|changefreq|priority|language|rights|"
    r"response_?date|request|resumption_?token|header|metadata_.*|state|num_.*|"
    # a remark about the data itself ("note": "exported for the annual report"), not its text
    r"note|comment|"
    # a notes app's own fields (Google Keep's "color", "userEditedTimestampUsec")
    r"colou?r|.*timestamp.*|"
    # (session 47) a page's navigation in its JSON-LD (schema.org's BreadcrumbList)
    r"item_?list_?element|breadcrumbs?)$",
    re.I)
#: Keys whose values a page shows under another label: the area a record covers, its topics.
_JSON_LABELS = {"issued": "Published", "pub year": "Published", "publication year": "Published",
                "coverage": "Area", "spatial": "Area", "subject": "Keywords", "subjects": "Keywords",
                "tags": "Keywords", "kwd": "Keywords", "creator": "Partnership",
                "publisher": "Partnership", "organisation": "Partnership",
                "organization": "Partnership", "date": "Published", "pub date": "Published",
                "published date": "Published", "date published": "Published",
                "publication date": "Published",
                # a Dataverse column's name is its words run together ("wg_publisheddate")
                "publisheddate": "Published", "publicationdate": "Published",
                "themes": "Keywords", "reviewtype": "Review type",
                # Dublin Core's link to a note about the item (a Zotero export's notes)
                "is referenced by": "Notes"}
#: A record's title among its keys (WordPress nests it: ``"title": {"rendered": ...}``).
_JSON_TITLE = re.compile(r"^(?:title|name|headline|heading|label)$", re.I)
#: A title under a qualified key ("display_title", "docTitle"), taken when a record has no plain one;
#: a form's or a codebook's longer name for it: "Title_of_review", "Title as given on the document";
#: an Access field's "Review Title" (its "Review_x0020_Title" unescaped); a Stata variable's label
#: "Review title as published" (session 51).
_QUALIFIED_TITLE = re.compile(r"^(?:(?:display|doc(?:ument)?|page|full|report|review|case)[_ ]?title"
                              r"(?:[_ ](?:as|in|on)[_ ].*)?|title[_ ](?:of|as)[_ ].*"
                              # (session 61) a map layer's "review_name" attribute
                              r"|(?:review|case|report)[_ ]?name)$", re.I)
#: A record's own text, its account: shown under "Summary:", whatever the key's name.
_JSON_BODY = re.compile(r"^(?:field_)?(?:excerpt|body|content|description|text|abstract|teaser|"
                        r"intro|lede|snippet|notes|article_?body|text_?content|(?:body_?)?paragraphs?)"
                        r"(?:_?(?:html|text|value))?$", re.I)


#: A parenthesised note after a field's name that says how a coder filled it ("(as stated)",
#: "(verbatim, one per line)", "(extracted)"), not what the field is: session 52, validation35's
#: SPSS and Covidence extractions.  Only such notes: a unit ("Age (months)") or a checkbox's
#: choice ("Agencies (choice=Police)", REDCap's) is what the field is, and stays.
_CODER_NOTE = re.compile(r"(?<=\S)\s+\((?:as\s+(?:named|stated|given|written|published|recorded)\b[^()]*|"
                         r"verbatim\b[^()]*|extracted|one\s+(?:item\s+)?per\s+line|free\s+text|"
                         r"report\s+or\s+[^()]*|if\s+(?:known|any|stated|given)|"
                         # (session 56) a tracker's custom field's kind, as ClickUp's export
                         # names it: "Publication date (date)", "Area (short text)"
                         r"(?:short|long)\s+text|text|drop\s?down|date|number|labels?|checkbox|"
                         r"people|rating|currency|location|url|e-?mail)\)\s*$"
                         # (session 62) the same note unbracketed: "Age of child as stated",
                         # "Review type as published" (an SPSS variable's label)
                         r"|(?<=\S)\s+as\s+(?:named|stated|given|written|published|recorded)"
                         r"(?:\s+in\s+(?:the\s+)?(?:report|review))?\s*$", re.I)


def _json_label(key: str) -> str:
    """A key as the label a page would show: "field_review_type" is "Review type",
    "publishedAt" is "Published", "summary_html" is "Summary", and a coder's note on how the
    field was filled, "Local area (as named in report)", is "Local area" (a unit, "Age
    (months)", stays: it says what the number is)."""
    key = _CODER_NOTE.sub("", key)
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key.removeprefix("field_")).replace("_", " ").split()
    while len(words) > 1 and words[-1].lower() in ("html", "text", "value", "rendered", "raw",
                                                   "label", "at", "on", "md", "markdown"):
        words.pop()
    label = " ".join(words).lower()
    label = _JSON_LABELS.get(label, label)  # "publication_date" is the page's "Published"
    return label[:1].upper() + label[1:]


def _json_scalar(value: object) -> str:
    """A scalar as a page prints it: an ISO date as "19 June 2024", HTML read as a page
    (paragraphs kept), other text with its line breaks."""
    if isinstance(value, bool) or value is None:
        return ""
    text = str(value).strip()
    if (printed := printed_date(text)) is not None:
        return printed
    if holds_html(text):
        return tidy_text(html_to_text(text)).strip()
    if _ENTITY.search(text):  # WordPress's rendered title: "Serious Case Review &#8211; Child A"
        import html

        text = html.unescape(text)
    return normalise_newlines(text)


#: A character reference in a value that holds no tag: "&#8211;", "&amp;", "&rsquo;".
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-f]{2,5}|[a-z]{2,8});", re.I)


def _json_words(value: object) -> str:
    """The text inside a nested value, for a field or a list item: ``{"rendered": "..."}`` or
    ``{"value": "<p>...", "format": "basic_html"}`` is its text; ``{"name": "neglect"}`` its name."""
    if isinstance(value, dict):
        parts = [_json_words(v) for k, v in value.items() if not _JSON_PLUMBING.match(k)]
        return "; ".join(p for p in parts if p)
    if isinstance(value, list):
        return "; ".join(p for p in (_json_words(v) for v in value) if p)
    return _json_scalar(value)


def _worded_status(key: str, value: object) -> bool:
    """(session 66) Whether a record's status is a register's words ("Status: Closed - learning
    review not required": that no review followed), not an API's flag ("status": "publish")."""
    return key.strip().lower() in ("status", "state") and isinstance(value, str) and len(value.split()) >= 3


def _json_field(key: str, value: object) -> list[str]:
    """One field of a record as the lines of a page: a short value as "Label: value", a long
    text or several paragraphs under a "Label" line of its own, a list as bullets, and a list of
    titled parts (``{"heading": ..., "text": ...}``) as headed paragraphs."""
    if _JSON_PLUMBING.match(key) and not _review_type(key, value) and not _worded_status(key, value):
        return []
    label = "Review type" if _review_type(key, value) else _json_label(key)
    if (rich := rich_text_html(value)) is not None:  # a CMS's rich text: a list stays a list
        text = html_to_text(rich).strip()
        return ["", f"{label}:", *text.split("\n"), ""] if text else []
    if isinstance(value, dict):
        if _wrapped(value):
            return _json_field(key, _wrapped(value)[0])  # type: ignore[index]
        out: list[str] = []
        for k, v in value.items():
            out += _json_field(k, v)
        return out
    if isinstance(value, list):
        items = [v for v in value if v not in (None, "", [], {})]
        if not items:
            return []
        if all(isinstance(v, dict) and "type" in v and "value" in v for v in items):
            # a CMS's StreamField (Wagtail): blocks a page shows in order, each as its type says
            return ["", *html_to_text(_stream_html(items)).split("\n"), ""]
        if all(isinstance(v, dict) and _json_titled(v) for v in items):
            out = []
            for part in items:
                title, body = _json_titled(part)  # type: ignore[misc]
                if isinstance(body, list):  # a part's points ("items": [...]): a list under it
                    out += ["", title, *(f"- {w}" for v in body if (w := _json_words(v))), ""]
                else:
                    out += ["", title, *_json_scalar(body).split("\n"), ""]
            return out
        if (children := [_child_words(v) for v in items]) and all(children):
            # (under "Children", whatever the key: a GraphQL API's "subjects" are no keywords)
            return [f"Children: {'; '.join(children)}"]  # type: ignore[arg-type]
        if label == "Keywords" and all(isinstance(v, int) and not isinstance(v, bool) for v in items):
            return []  # (session 48) WordPress's "tags": [31, 44]: ids of terms named elsewhere
        words = [_json_words(v) for v in items]
        if _JSON_BODY.match(key) and all(isinstance(v, str) for v in items):
            # (a dump's repeated "body_paragraph" fields: the record's text, paragraph by paragraph)
            return ["", "Summary:", *(line for w in words for line in (w, ""))]
        if all(len(w) <= 40 and not w.endswith(".") for w in words):  # tags, agencies: one line
            return [f"{label}: {'; '.join(w for w in words if w)}"]
        return ["", f"{label}:", *(f"- {w}" for w in words if w), ""]
    text = _json_scalar(value)
    if not text:
        return []
    if _CHILDREN_KEY.match(key) and (children := _children_cell(text)):
        return [f"Children: {'; '.join(children)}"]
    if _JSON_BODY.match(key) and len(text) > 20:
        return ["", "Summary:", *text.split("\n"), ""]  # the record's own text, its account
    if _ITEMS_KEY.search(key) and len(points := [w.strip() for w in text.split(" | ")]) >= 2 \
            and all(len(w.split()) >= 3 for w in points):
        # (session 48) a map layer's "learning": "Missing episodes are a signal | Return
        # discussions ... | Kinship carers ...": its points, one a line
        return ["", f"{label}:", *(f"- {w}" for w in points), ""]
    if "\n" in text or len(text) > 160:
        return ["", f"{label}:", *text.split("\n"), ""]
    return [f"{label}: {text}"]


def _stream_html(blocks: list[dict]) -> str:
    """A StreamField's blocks (``{"type": "heading", "value": "Background"}``, a paragraph's
    HTML, a list's items) as the HTML the page renders; a block of any other type (a call to
    action, an image) shows its words, if it has any."""
    out = []
    for block in blocks:
        kind, value = str(block.get("type") or "").lower(), block.get("value")
        if _ITEMS_KEY.search(kind) and "heading" not in kind:
            # (session 83) a block of a review's points ("learning", "recommendations") is
            # headed by its type, as the page's template heads it
            out.append(f"<h3>{html.escape(kind.replace('_', ' ').capitalize())}</h3>")
        if isinstance(value, str) and "heading" in kind:
            out.append(f"<h3>{html.escape(value)}</h3>")
        else:
            out.append(_block_value_html(value))
    return "\n".join(out)


def _block_value_html(value: object) -> str:
    """A StreamField block's value as HTML: a list its items, a rich-text block's HTML as it is,
    (session 83) a struct block's parts in order ("count_statement", then its "items")."""
    if isinstance(value, list):
        words = [_json_words(v) for v in value if v not in (None, "", [], {})]
        return "<ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in words) + "</ul>" if words else ""
    if isinstance(value, str):  # (a rich-text block's value is HTML already)
        return value if "<" in value else f"<p>{html.escape(value)}</p>" if value.strip() else ""
    if isinstance(value, dict):
        return "\n".join(part for v in value.values() if (part := _block_value_html(v)))
    return f"<p>{html.escape(words)}</p>" if (words := _json_words(value)) else ""


#: A record's key whose value is a review's points: its learning, recommendations, findings.
_ITEMS_KEY = re.compile(r"learning|lessons|recommend|findings|actions", re.I)
#: A child's fields in a record's list of children: the name, the age, the sex ("F", "male").
_CHILD_NAME_KEY = re.compile(r"^(?:pseudonym|name|alias|child)$", re.I)
_CHILD_AGE_KEY = re.compile(r"^age(?:[ _]?(?:at[ _]?(?:incident|death|harm)|years|months|text))?$", re.I)
_CHILD_SEX_KEY = re.compile(r"^(?:sex|gender)$", re.I)
#: A child's sex as a page describes the child.
_CHILD_NOUN = {"female": "a girl", "male": "a boy"}
#: A record's field of its children as one cell ("Child E; girl; 8 months", several joined by
#: "|"), as a study's table keeps them.
_CHILDREN_KEY = re.compile(r"^(?:children|child(?:ren)?[ _]?details|subjects)$", re.I)
_AGE_CELL = re.compile(r"^\d+(?:\.\d+)?(?:\s*(?:years?|yrs?|months?|weeks?|days?)(?:\s+old)?)?$", re.I)


def _children_cell(text: str) -> list[str] | None:
    """A cell of children ("A; girl; 6 years | B; boy; 4 years") as a page describes them ("A,
    a girl aged 6 years"); None unless every child's parts are a name and a sex or an age.
    (Read as one field, "Child E; girl; 8 months" named no age and no sex.)"""
    out = []
    for child in text.split("|"):
        parts = [p.strip() for p in child.split(";") if p.strip()]
        fields = {"pseudonym": parts[0] if parts else ""}
        for part in parts[1:]:
            if part.lower() in SEX_WORDS:
                fields["sex"] = part
            elif _AGE_CELL.match(part):
                fields["age"] = part
            else:
                return None
        if not (said := _child_words(fields)):
            return None
        out.append(said)
    return out


def _child_words(value: object) -> str | None:
    """A child in a record's list of children (``{"pseudonym": "Child T", "age": "3 years",
    "sex": "F"}``) as a page describes one, "Child T, a girl aged 3 years"; None for any
    other item.  (Joined as "Child T; 3 years; F", the age and the sex were lost: a letter
    or a bare "3 years" names neither.)"""
    if not isinstance(value, dict):
        return None
    fields = {k: _json_scalar(v) for k, v in value.items() if isinstance(v, (str, int, float))}
    name = next((v for k, v in fields.items() if _CHILD_NAME_KEY.match(k) and v), None)
    age = next((v for k, v in fields.items() if _CHILD_AGE_KEY.match(k) and v), None)
    sex = next((_CHILD_NOUN.get(SEX_WORDS.get(v.strip(" .").lower(), ""))
                for k, v in fields.items() if _CHILD_SEX_KEY.match(k)), None)
    if name is None or (age is None and sex is None):
        return None
    if age and age.isdigit():
        age += " years"  # ("age": 3)
    said = ", ".join(filter(None, [sex or "", f"aged {age}" if age else ""])).replace(", aged", " aged")
    return f"{name}, {said}"


#: Keys of a wrapper around one text: WordPress's "rendered", Drupal's "value" / "processed".
_WRAPPER_KEYS = ("rendered", "value", "processed")


def _wrapped(value: dict) -> tuple[object] | None:
    """The one text a wrapper holds (``{"rendered": "<p>..."}``, ``{"value": ..., "format":
    "basic_html"}``), as a 1-tuple, or None when the mapping is no wrapper."""
    key = next((k for k in _WRAPPER_KEYS if k in value), None)
    return (value[key],) if key else None


#: A key for a kind: "type", "@type", "doc_type", a codebook's "Type of review document".
_TYPE_KEY = re.compile(r"^@?type$|(?:^|[_\s])type(?:$|[_\s])|^doctype$|^kind$", re.I)


def _review_type(key: str, value: object) -> bool:
    """Whether a "type" field names the kind of review ("Learning review (Scotland)"), not the
    record's kind in the CMS ("node--case_review")."""
    return (_TYPE_KEY.search(key) is not None and isinstance(value, str) and "--" not in value
            and ((re.search(r"\breview\b", value, re.I) is not None and len(value.split()) > 1)
                 # (session 48) a map layer's "kind": "LCSPR", "Concise CPR": a type's letters
                 or re.search(r"(?-i:\b(?:LCSPR|CSPR|SCR|CPR|CMR)\b)", value) is not None))
    # ("review", a news site's category, names no kind)


def _json_titled(part: dict) -> tuple[str, object] | None:
    """A part with a heading and a text (``{"heading": "What happened", "text": "..."}``)."""
    titles = [v for k, v in part.items() if _JSON_TITLE.match(k) and isinstance(v, str)]
    bodies = [v for k, v in part.items() if k.lower() in ("text", "body", "content", "value",
                                                          "paragraphs", "html", "description",
                                                          "summary", "abstract", "excerpt",
                                                          "items", "points", "bullets")]
    return (titles[0], bodies[0]) if len(titles) == 1 and len(bodies) == 1 else None


def _json_records(data: object) -> list[dict]:
    """The records of an API response: the list of objects that holds the most text, wherever
    it is nested (``data``, ``items``, ``result.results``, ``@graph``, or the document itself)."""
    best: list[dict] = []
    best_size = 0
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict) and not is_rich_text(node):
            # ((session 80) a rich-text document's nodes are one field's text, never records:
            # a CMS entry's TipTap body was read as a record a paragraph, "Level: 2")
            stack += node.values()
        elif isinstance(node, list):
            records = [v for v in node if isinstance(v, dict)]
            if records and len(records) == len(node):
                size = len(json.dumps(records, default=str))  # (YAML gives dates)
                if size > best_size:
                    best, best_size = records, size
            stack += node
    return best


#: The field line that names a record with no title, the child's pseudonym (the parser reads
#: the name after it: parse._NAME_FIELD).
_NAME_LABEL = re.compile(r"^(?:(?:Child\s+)?[Pp]seudonym|Child|Child name|Case|Case name):\s")
#: The one-line fields a catalogue's record shows first under its title.
_FACT_LABEL = re.compile(r"^(?:Review type|Published|Area|Partnership|Trust|Board|Region|Location|"
                         r"(?:Council|Local authority|Trust|Board) area):")
#: (session 64) A fields table's other labels: an area named by its kind of body ("Council
#: area | Armagh City, ..."), and the fields of the summary's own making ("Summary prepared by
#: | Named Nurse", "Version | 2.1"): who wrote it and when; (session 86) and the review's kind
#: under a bare "Review" ("Review | Local child safeguarding practice review", a Word table).
_DOCUMENT_LABEL = re.compile(r"^(?:(?:Council|Local authority|Trust|Board) area|Review|Completed|"
                             r"(?:Number of )?[Rr]ecommendations|(?:Date of )?[Ii]ncident(?: date)?|"
                             r"(?:Summary |Briefing |Report )?(?:prepared|written|compiled) by|Author|"
                             r"Date (?:of )?(?:issue|publication)|Version|Ref(?:erence)?|Our ref):\s", re.I)


#: Keys that look like plumbing but hold the record's document: Elasticsearch's and
#: OpenSearch's "_source" (its siblings "_index", "_id", "_score" stay plumbing).
_DOCUMENT_KEYS = frozenset({"_source"})


def _flattened(record: dict) -> dict:
    """A record's fields, those of its nested groups brought up to its own level (Drupal's
    "attributes", OAI-PMH's "metadata" / "dc", a sitemap's "news", a search engine's
    "_source"); a value that is one text in a wrapper (``{"rendered": ...}``) or a rich-text
    document (:func:`rich_text_html`) stays, and the first of two fields of one name wins.
    (session 82) A Contentful entry is its ``fields``: its ``sys`` and ``metadata`` are the
    CMS's links (space, environment, content type, tags by their ids), which no reader sees."""
    out: dict = {}
    if isinstance(sys_part := record.get("sys"), dict) and sys_part.get("type") in ("Entry", "Asset") \
            and isinstance(record.get("fields"), dict):
        record = record["fields"]
    for key, value in record.items():
        if isinstance(value, dict) and (date := _date_of_parts(value)):
            out.setdefault(key, date)
        elif isinstance(value, dict) and not _wrapped(value) and (
                not _JSON_PLUMBING.match(key) or key in _DOCUMENT_KEYS) and not is_rich_text(value):
            for k, v in _flattened(value).items():
                out.setdefault(k, v)
        else:
            out.setdefault(key, value)
    return out


def _date_of_parts(value: dict) -> str | None:
    """A date given as its parts (``{year: 2021 month: 11}``, as a protobuf Date or a form
    writes it; (session 79) a CSL date's ``{"date-parts": [[2021, 11]]}``) as a page writes it,
    "November 2021"; None for any other group."""
    keys = {k.lower(): v for k, v in value.items()}
    parts = keys.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        # (session 79) a CSL date (Zotero's and citeproc's JSON): {"date-parts": [[2024, 5]]},
        # read as the year, month and day it holds ("Date-parts: 2024; 5" was no date)
        keys = dict(zip(("year", "month", "day"), parts[0], strict=False))
    year, month = keys.get("year"), keys.get("month")
    if not set(keys) <= {"year", "month", "day"} or not isinstance(year, int) or not 1000 < year < 3000:
        return None
    if isinstance(month, int) and 1 <= month <= 12:
        day = keys.get("day")
        return f"{day} " * (isinstance(day, int) and 1 <= day <= 31) + f"{calendar.month_name[month]} {year}"
    return str(year)


def _json_title_key(record: dict) -> str | None:
    """The key of a record's title; with none, a message's one-line "subject" (a Teams post's,
    an e-mail's), which in a library's record (a list, or beside a title) is its keywords."""
    titles = {k.lower(): k for k in record if _JSON_TITLE.match(k)}
    key = next((titles[t] for t in ("title", "headline", "heading", "name", "label") if t in titles),
               next((k for k in record if _QUALIFIED_TITLE.match(k)), None))
    if key is None:  # (session 53) a dBASE table's "REVIEW" field: the review's name
        key = next((k for k, v in record.items() if k.lower() in ("review", "review name")
                    and _one_line_title(v)), None)
    # ((session 63) "Subject" as a Padlet export heads its column)
    subject = next((k for k in record if k.lower() == "subject"), None)
    if key is None and subject and _one_line_title(record[subject]):
        return subject
    return key


def _one_line_title(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 150 and "\n" not in value


def _json_record(record: dict) -> tuple[str, list[str]]:
    """One record as a page shows it: its title ("" if it has none), and its lines: the title
    on a line, then its fields in their order (Drupal's ``attributes`` are its own fields)."""
    record = _flattened(record)
    title_key = _json_title_key(record) or _heading_in_text(record)
    title = _json_words(record[title_key]) if title_key else ""
    fields = [_json_field(k, v) for k, v in record.items()  # (a second name: a publisher's)
              if not _JSON_TITLE.match(k) and k != title_key]
    title = _without_site_name(title, fields)
    # a record's facts stand right under its title, as on a catalogue's page ("Published: ...",
    # "Review type: ..."), then its other one-line fields, then its text and lists
    # (one value under two keys, as XMP's dc:subject and pdf:Keywords: a page shows it once)
    short = [list(f) for f in dict.fromkeys(tuple(f) for f in fields if len(f) == 1)]
    short.sort(key=lambda f: not _FACT_LABEL.match(f[0]))
    if not title:  # a register's row named by its child ("Pseudonym: Child D"): that line first
        short.sort(key=lambda f: not _NAME_LABEL.match(f[0]))
    # (a scraped page's text repeats its title: once is the record's heading)
    return title, ([title] if title else []) + [line for f in short for line in f] + [
        line for f in fields if len(f) != 1 for line in f if not title or line.strip() != title]


def _without_site_name(title: str, fields: list[list[str]]) -> str:
    """A scraped page's title without its site's name after it ("Local Child Safeguarding
    Practice Review: Jade | Learning from reviews", "Learning Review: Baby Fraser – Dundee
    Protecting People"), when the page's text has the heading alone on a line; else as it is.
    (Before, the site's name, "Learning from reviews", made the record a list of reviews.)"""
    lines = {ln.strip() for f in fields for line in f for ln in line.split("\n")}
    for sep in (" | ", " – ", " — ", " - "):
        head = title.rsplit(sep, 1)[0].strip() if sep in title else ""
        if head and head in lines:
            return head
    return title


def _heading_in_text(record: dict) -> str | None:
    """For a record with no title of its own whose text opens with a heading line ("Extended
    Child Practice Review: Child W" above its account, as an annotation tool imports a page), the
    key of that text, now split into a "title" first and the rest under its own key; None
    otherwise.  A heading line is short and ends no sentence."""
    key = next((k for k, v in record.items() if _JSON_BODY.match(k) and isinstance(v, str)), None)
    if key is None:
        return None
    first, _, rest = str(record[key]).strip().partition("\n")
    if not rest.strip() or len(first) > 120 or len(first.split()) < 2 or re.search(r"[.,;:!?]\s*$", first):
        return None
    record["title"] = first.strip()
    record[key] = rest.strip()
    return "title"


def _json_lines(raw: str) -> list[object]:
    """The values of a JSON Lines file; an error names its place in the whole file."""
    values, at = [], 0
    for line in raw.splitlines(keepends=True):
        if line.strip():
            try:
                values.append(json.loads(line))
            except json.JSONDecodeError as exc:
                # (an error at the line's end is placed on it, not at the next line's start)
                pos = min(exc.pos, len(line.rstrip("\r\n")))
                raise json.JSONDecodeError(exc.msg, raw, at + pos) from None
        at += len(line)
    return values


#: A caption's timing line: "00:00:04,400 --> 00:00:08,900" (SubRip), "00:05.500 --> ..." (WebVTT),
#: "0:00:04.480,0:00:07.920" (SubViewer, as YouTube Studio downloads captions).
_CUE_TIME = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}.*$"
                       r"|^\s*\d{1,2}:\d{2}:\d{2}\.\d{3},\d{1,2}:\d{2}:\d{2}\.\d{3}\s*$")
#: A caption that is a sound, not words: "[MUSIC]", "(applause)".
_SOUND_CUE = re.compile(r"^\s*[\[(][A-Za-z ]{2,20}[\])]\s*$")
#: A sound or a pause tagged inside a caption's words: "... in return for sex. [pause]".
_SOUND_TAG = re.compile(r"\s*\[(?:pause|music|applause|laughter|inaudible|silence|crosstalk)\]", re.I)


def _mp4_page(data: bytes) -> str:
    """(session 67) An MP4 video's page: its tags, then each chapter's title as a heading over
    its part's captions, read as a captions file's words are."""
    head, parts = mp4_parts(data)
    said = [f"{title}\n\n{captions_as_text(srt, timed=True)}" if title else captions_as_text(srt, timed=True)
            for title, srt in parts]
    return "\n\n".join(part.strip("\n") for part in [head, *said] if part.strip()) + "\n"


def captions_as_text(text: str, timed: bool = False) -> str:
    """A video's captions as the words spoken: cue numbers, timing lines, WebVTT's header and
    sound cues ("[MUSIC]") dropped, a NOTE's text kept; the lines of a cue are one line, and a
    cue that does not end a sentence runs on into the next ("This is a Concise Child Practice
    Review," / "published by ... in 2023."), so that each paragraph is a sentence or more on
    one line, as prose.  The lines above the first cue (a title) stay as they are.  Text that
    is not captions (fewer than three timing lines, unless ``timed`` says it is: a video's
    chapter) is returned as it is."""
    lines = text.split("\n")
    cue_lines = [n for n, ln in enumerate(lines) if _CUE_TIME.match(ln)]
    if len(cue_lines) < (1 if timed else 3):
        return text
    first = cue_lines[0] - (1 if cue_lines[0] and lines[cue_lines[0] - 1].strip().isdigit() else 0)
    out = [re.sub(r"^NOTE\s+", "", ln) for ln in lines[:first]
           if ln.strip() not in ("WEBVTT",) and not re.match(r"^(?:Kind|Language):", ln)]
    said: list[str] = []
    for n, line in enumerate(lines[first:], start=first):
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        if _CUE_TIME.match(line) or _SOUND_CUE.match(line) or (
                line.strip().isdigit() and _CUE_TIME.match(nxt)):
            continue
        if line.strip():
            said.append(_SOUND_TAG.sub("", re.sub(r"^NOTE\s+", "", line.strip())))
        elif said and (said[-1].endswith((".", "?", "!")) or said[-1].isupper()
                       # (session 69) a colon ends a paragraph over what it introduces, but
                       # "... social care. Third:" / "information held by ..." runs on
                       or (said[-1].endswith(":") and not _next_cue(lines, n)[:1].islower())
                       or ((_title_card(" ".join(said)) or _NUMBERED_CUE.match(" ".join(said)))
                           and _CAPITAL_START.match(_next_cue(lines, n)))):
            out += ["", *_counted_apart(" ".join(said))]
            said = []
    if said:
        out += ["", *_counted_apart(" ".join(said))]
    return "\n".join(out) + "\n"


#: (session 69) A point a speaker counts off as a label after a sentence ends: "Five. Learning.
#: First: the health visitor's ...".
_COUNTED_POINT = re.compile(r"(?<=[.!?])\s+(?=(?:First|Second|Third|Fourth|Fifth|Sixth|One|Two|Three|Four|"
                            r"Five|Six):\s)")


def _counted_apart(paragraph: str) -> list[str]:
    """A paragraph of captions with each point a speaker counts off as a label ("First: ...",
    "Second: ...") a paragraph of its own, as a transcript sets the labels out; blank lines
    between."""
    parts = _COUNTED_POINT.split(paragraph)
    return [line for part in parts for line in ("", part)][1:]


#: (session 64) A caption that ends as a title card does, on a name, a number or a capitalised
#: word and no stop ("Concise Child Practice Review CTMSB 2/2024 – Child G", "1. Background"):
#: with the next cue starting a sentence, it is a paragraph of its own, not run into it.
_TITLE_END = re.compile(r"(?:^|\s)(?-i:[A-Z0-9])[\w/’'-]*$")
_CAPITAL_START = re.compile(r"(?-i:[A-Z0-9])")
#: ... and so does a numbered part's heading ("4. Questions for you"), and (session 69) a title
#: card's "Learning point 1", which TTML marks by its style alone.
_NUMBERED_CUE = re.compile(r"^\d{1,2}\.\s+(?-i:[A-Z])[^.!?]{0,40}$"
                           r"|^(?-i:[A-Z][a-z]+(?:\s+[a-z]+){0,2})\s+\d{1,2}$")


#: (session 67) The small words a title leaves in lower case ("Learning from reviews: then and
#: now" has others, and is a sentence's start as much as a title).
_TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the",
                                "to", "with"})


#: (session 79) A title card's closing note in brackets ("Learning Review: Jack (Fife, published
#: July 2022)"), which says where and when, in a sentence's lower case.
_CARD_NOTE = re.compile(r"\s*\([^()]{1,60}\)$")


def _title_card(words: str) -> bool:
    """Whether a cue's words read as a title card: a title's words (:func:`_title_like`) that
    end on a name or a number (:data:`_TITLE_END`), a closing note in brackets aside."""
    core = _CARD_NOTE.sub("", words)
    return bool(_TITLE_END.search(core)) and _title_like(core)


def _title_like(words: str) -> bool:
    """Whether captions read as a title card: no word in lower case but a title's small words.
    Pop-on captions break a sentence at any word ("This short film shares learning from a
    Learning" / "Review published in 2024 ..."), and a cue ending on a capital is not a title."""
    return all(not w[0].islower() or w.lower() in _TITLE_SMALL_WORDS for w in words.split())


def _next_cue(lines: list[str], n: int) -> str:
    """The first line of words after line ``n`` (the next cue's first), else ""."""
    for k, line in enumerate(lines[n + 1:], start=n + 1):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if line.strip() and not _CUE_TIME.match(line) \
                and not (line.strip().isdigit() and _CUE_TIME.match(nxt)):
            return line.strip()
    return ""


#: An override block in a subtitle's text ("{\\i1}", "{\\fad(300,300)}"): styling, not words.
_ASS_OVERRIDE = re.compile(r"\{[^{}]*\}")
#: A subtitle's line break (hard "\\N", soft "\\n").
_ASS_BREAK = re.compile(r"\\[Nn]")


def subtitles_to_text(raw: str) -> str:
    """A film's subtitles (``.ass``: Aegisub's Advanced SubStation Alpha) as what the viewer
    reads: the script's title first; the lines in the usual style (the narration) as prose, a
    line that does not end a sentence running on into the next, as captions do; a line in any
    other style (a title card, a lower third: "Learning Review: Child N", "Published 2018") its
    own paragraph, each of its screen lines a line.  Comments, styles and the editor's project
    settings are not on screen, nor the override blocks ("{\\i1}") inside a line."""
    title, fields, events, section = "", [], [], ""
    for line in normalise_newlines(raw).lstrip("\ufeff").split("\n"):
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line.lower()
            continue
        key, _, value = line.partition(":")
        if section == "[script info]" and key == "Title":
            title = value.strip()
        elif section == "[events]" and key == "Format":
            fields = [f.strip().lower() for f in value.split(",")]
        elif section == "[events]" and key == "Dialogue" and "text" in fields:
            event = dict(zip(fields, value.split(",", len(fields) - 1), strict=False))
            words = _ASS_OVERRIDE.sub("", event.get("text", "")).replace("\\h", " ")
            events.append((event.get("style", "").strip(), [w.strip() for w in _ASS_BREAK.split(words)
                                                            if w.strip()]))
    if not events:
        raise ValueError("no Dialogue lines under [Events]: not a subtitles file")
    styles = [style for style, _ in events]
    usual = max(set(styles), key=styles.count)
    out, said = [title] if title else [], []
    for style, lines in events:
        if style != usual:
            out += ["", " ".join(said)] if said else []
            out, said = [*out, "", *lines], []
            continue
        said.append(" ".join(lines))
        if said[-1].endswith((".", "?", "!", ":")):
            out, said = [*out, "", " ".join(said)], []
    return "\n".join(out + (["", " ".join(said)] if said else [])) + "\n"


#: A Kindle "My Clippings.txt" clipping's second line: "- Your Highlight on page 5 | Location
#: 61-66 | Added on Monday, 11 March 2024 08:58:44" (a Note or a Bookmark in place of Highlight).
_CLIPPING_META = re.compile(r"^-\s*Your\s+(?P<kind>Highlight|Note|Bookmark)\b(?P<where>[^|]*)(?:\|.*)?$",
                            re.I)
_CLIPPING_END = "=========="


def _clipping_place(where: str) -> tuple[int, ...]:
    """Where a clipping stands in its book, for putting a reader's clippings back in page order:
    the first page or location number its line gives ("on page 5", "Location 61-66")."""
    return tuple(int(n) for n in re.findall(r"\d+", where)[:1]) or (0,)


def clippings_as_text(text: str) -> str:
    """A Kindle "My Clippings.txt" file as the books its highlights come from: each book's title
    as a heading over its highlights, in page order (a reader clips out of order), each a
    paragraph.  The reader's own notes and bookmarks are left out: they are the reader's words
    ("cf. Baby J in Dudley"), not the publication's.  Other text is returned as it is."""
    clippings = text.split(_CLIPPING_END)
    if len(clippings) < 3:
        return text
    books: dict[str, list[tuple[tuple[int, ...], str]]] = {}
    for clip in clippings:
        lines = clip.strip("\n\ufeff").split("\n")
        meta = _CLIPPING_META.match(lines[1].strip()) if len(lines) > 1 else None
        if meta is None:
            if clip.strip():
                return text  # not a clippings file throughout
            continue
        body = " ".join(ln.strip() for ln in lines[2:] if ln.strip())
        if meta["kind"].lower() == "highlight" and body:
            books.setdefault(lines[0].strip(), []).append((_clipping_place(meta["where"]), body))
    out = []
    for title, highlights in books.items():
        out += [title, ""] + [p for _, body in sorted(highlights, key=lambda h: h[0])
                              for p in (body, "")]
    return "\n".join(out)


#: Org mode's outline heading ("** TODO Child H — serious case review   :neglect:"): its stars,
#: a to-do keyword and a priority before the words, and tags after them, are not its words.
_ORG_HEADING = re.compile(r"^(?P<stars>\*+)\s+(?:(?:TODO|DONE|NEXT|WAITING)\s+)?(?:\[#[A-C]\]\s+)?"
                          r"(?P<words>.*?)(?:\s+:[\w@#%:]+:)?\s*$")
#: A property in an Org drawer (":PUBLISHED: 2019"), or the drawer's own lines.
_ORG_PROPERTY = re.compile(r"^\s*:(?P<key>[A-Za-z][\w-]*):(?:\s+(?P<value>.*))?$")


def org_to_text(raw: str) -> str:
    """An Emacs Org file as the page it exports to: its title (``#+TITLE``) on the first line,
    each outline heading a Markdown heading (so the page parser finds the reviews under them),
    a property drawer's ``:AREA: Glasgow`` as the label ``Area: Glasgow``, and checkboxes,
    to-do keywords and their dates (``CLOSED: [2024-03-04 Mon]``) dropped.  Other ``#+``
    settings and ``#`` comments are not exported."""
    out: list[str] = []
    for line in normalise_newlines(raw).split("\n"):
        if m := re.match(r"^#\+TITLE:\s*(.*)$", line, re.I):
            out.append(m.group(1))
        elif re.match(r"^\s*#(?:\+|\s|$)", line) or re.match(
                r"^\s*(?:(?:CLOSED|SCHEDULED|DEADLINE):\s*[<\[][^>\]]*[>\]]\s*)+$", line):
            continue  # a setting ("#+STARTUP: overview"), a comment, or a to-do's dates
        elif m := _ORG_HEADING.match(line):
            out += ["", "#" * min(len(m["stars"]), 6) + " " + m["words"], ""]
        elif m := _ORG_PROPERTY.match(line):
            if m["key"].upper() not in ("PROPERTIES", "END", "LOGBOOK") and m["value"]:
                out.append(m["key"].replace("_", " ").capitalize() + ": " + m["value"].strip())
        else:
            out.append(re.sub(r"^(\s*(?:[-+]|\d+[.)]))\s+\[[ Xx-]\]\s+", r"\1 ", line))
    return markdown_to_text("\n".join(out))


#: (session 85) An Emacs Muse directive ("#title Reading list", "#notes Invented ..."): its value
#: runs on over the lines below it up to a blank line or the next directive.
_MUSE_DIRECTIVE = re.compile(r"^#(?P<name>[a-z]+)(?:\s+(?P<value>.*))?$")
#: The directives a page shows under its title: who wrote it, when, and its notes.
_MUSE_SHOWN = ("author", "date", "desc", "notes")
#: Muse's section heading ("** National review: Noah and Theo": one to five stars, a space),
#: its links ("[[https://example.org/x][the full report]]", "[[https://example.org/x]]") and
#: its block tags (``<example>``, ``<verse>``, ``<quote>``, ``<comment>``'s contents go).
_MUSE_HEADING = re.compile(r"^(?P<stars>\*{1,5}) (?P<words>\S.*)$")
_MUSE_LINK = re.compile(r"\[\[(?P<url>[^\]\n]+)\](?:\[(?P<words>[^\]\n]+)\])?\]")
_MUSE_BLOCK_TAG = re.compile(r"^\s*</?(?:example|verse|quote|center|right|literal|src)\b[^>]*>\s*$")
_MUSE_COMMENT = re.compile(r"<comment>.*?</comment>", re.S)
#: Muse's emphasis, which may wrap over a paragraph's lines ("*Cwm Taf ..., published\n2021.*"),
#: where Markdown's reader, line by line, would keep its stars.
_MUSE_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3})(?=\S)((?:(?!\n\s*\n)[^*])+?)(?<=\S)\1(?![\w*])")


def muse_to_text(raw: str) -> str:
    """(session 85) An Emacs Muse page as it publishes: its ``#title`` first, as the page's
    heading, then its author, date and notes as lines; each starred heading a Markdown heading
    (the page parser finds the reviews under them); links as their words; lines that open with
    "; " (Muse's comments) and other directives dropped.  Lists, emphasis and paragraphs are
    Markdown's already."""
    title, shown, body = "", [], []
    directive: list[str] | None = None
    for line in _MUSE_COMMENT.sub("", normalise_newlines(raw)).split("\n"):
        if (m := _MUSE_DIRECTIVE.match(line)) and not body:
            value = [(m["value"] or "").strip()]
            if m["name"] == "title":
                title, directive = value[0], None
            else:
                directive = value if m["name"] in _MUSE_SHOWN else []
                shown.append(directive)
        elif directive is not None and line.strip() and not body:
            directive.append(line.strip())  # a directive's value running on
        elif line.startswith("; ") or line == ";" or _MUSE_BLOCK_TAG.match(line):
            directive = None
        elif m := _MUSE_HEADING.match(line):
            body += ["", "#" * (len(m["stars"]) + 1) + " " + m["words"], ""]
        else:
            directive = None
            if line.strip() or body:
                body.append(_MUSE_LINK.sub(lambda k: k["words"] or k["url"], line))
    head = ([f"# {title}", ""] if title else []) + [" ".join(v) for v in shown if any(v)]
    return markdown_to_text(_MUSE_EMPHASIS.sub(r"\2", "\n".join([*head, "", *body])))


#: A commit of ``git log -p`` output ("commit 9e41c7a0d2b5..." on a line of its own).
_GIT_COMMIT = re.compile(r"^commit [0-9a-f]{7,40}\b", re.M)
#: A file's diff and a hunk's header within it.
_GIT_DIFF = re.compile(r"^diff --git a/(?P<old>\S+) b/(?P<path>\S+)$", re.M)
_GIT_HUNK = re.compile(r"^@@ -(?P<a>\d+)(?:,(?P<b>\d+))? \+(?P<c>\d+)(?:,(?P<d>\d+))? @@")


#: A report's field with dot leaders ("  TYPE ........ SERIOUS CASE REVIEW"), perhaps a second on
#: the same line after a wide gap ("   PUBLISHED ... MAY 2019"); its value may wrap onto lines
#: indented under it.
_DOT_LEADER = re.compile(r"^ {0,6}(?P<label>[A-Za-z][A-Za-z' /]{0,40}?) ?\.{3,} ?(?P<value>\S.*)$")
_DOT_LEADER_SECOND = re.compile(r"\s{3,}(?=[A-Za-z][A-Za-z' /]{0,40}? ?\.{3,} ?\S)")


#: A key/value table laid out in columns, as a PDF's text or ``pdftotext -layout`` shows it:
#: "Published                 12 March 2024", "Review type     Local child ... (LCSPR)".
_FIELD_LABELS = (r"(?:date\s+)?published|publication\s+date|(?:review\s+)?type(?:\s+of\s+review)?|"
                 r"area|(?:local\s+authority|council)(?:\s+area)?|partnership|board|committee|keywords|themes|tags|"
                 r"status|incident\s+date|date\s+of\s+incident|commissioned|reviewer|author|nation")
_SPACED_FIELD = re.compile(rf"^\s{{0,6}}(?P<label>{_FIELD_LABELS})"
                           r" {3,}(?P<value>[^\s=:{(].*)$", re.I)  # (not a BibTeX field's "= {...}")
#: (session 63) Two labelled fields side by side, spaced apart: "Published: June 2024    Local
#: authority: Wrexham" (a plain-text briefing's header line).
_FIELDS_SIDE_BY_SIDE = re.compile(
    rf"^(?P<first>(?:{_FIELD_LABELS}):[ \t]*\S[^\n]*?) {{3,}}(?=(?:{_FIELD_LABELS}):)", re.I | re.M)


#: (session 79) A summary's part laid out as a row of the same table, its name on the left and
#: its text wrapped in the value column: "What happened      Child S, a girl aged 14 months, ...".
_SPACED_PART = re.compile(r"^\s{0,6}(?P<label>what\s+happened|(?:key\s+)?learning(?:\s+points)?|"
                          r"recommendations?|summary|background|findings)\s{3,}(?P<value>\S.*)$", re.I)
#: How far left of a value's column, and how far right, its wrapped lines may start (a list's
#: items and a next page's lines stand a few places in).
_VALUE_SLACK, _VALUE_INDENT = 3, 10


def spaced_fields_as_labels(text: str) -> str:
    """A key/value table laid out in columns ("Published     12 March 2024" over "Area    Walsall")
    as labelled lines ("Published: 12 March 2024"), so that the parser reads them as it reads any
    "Label: value"; text with fewer than two such fields is returned as it is (a line of prose
    that opens with "Area" is not a table).  (session 79) A value wrapped onto lines in its
    column is joined to it ("Neath Port Talbot (West Glamorgan" / "region)"), and a part's row
    of the same table (:data:`_SPACED_PART`) is its name on a line over its text's lines: the
    wrapped lines were headings and entries of their own ("review)"), and a register's learning
    was no part."""
    lines = text.split("\n")
    if sum(bool(_SPACED_FIELD.match(ln)) for ln in lines) < 2:
        return text
    out: list[str] = []
    col, part = 0, False  # (the column of the value whose lines may follow, and whether a part's)
    for n, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if col and line.strip() and max(15, col - _VALUE_SLACK) <= indent <= col + _VALUE_INDENT:
            words = line.strip()
            if part and _LISTED.match(words):
                out.append(words)  # (a part's next point)
            else:  # (a value's or a point's wrapped line; a word the line's end broke, whole)
                out[-1] += ("" if out[-1].endswith("-") and words[:1].islower() else " ") + words
            continue
        if col and part and not line.strip() and _runs_on_to(lines, n, col) and runs_on(out[-1]):
            continue  # (a page's break inside a part's sentence)
        col, part = 0, False
        if m := _SPACED_FIELD.match(line):
            out.append(f"{m['label']}: {m['value'].strip()}")
            col = m.start("value")
        elif m := _SPACED_PART.match(line):
            out += [m["label"], m["value"].strip()]
            col, part = m.start("value"), True
        else:
            out.append(line)
    return "\n".join(out)


#: (session 80) A row of a table of two columns drawn in text with "|" and no rules between
#: rows (antiword's text of a Word table): a cell a line, wrapped inside its column.
_DRAWN_ROW = re.compile(r"^\|(?P<label>[^|]*)\|(?P<value>[^|]*)\|\s*$")


def _drawn_fields_undrawn(text: str) -> str:
    """(session 80) A record's fields drawn as a two-column table ("|Published   |July 2024   |",
    its wrapped values on lines whose label cell is empty) laid out as the spaced table
    :func:`spaced_fields_as_labels` reads, its bars taken away and its columns kept: the labels
    and values (wrapped ones joined, a part's points apart) are then read as a Word table's are.
    Read as drawn, every line was a pipe table's row and the review's date and learning were
    lost.  A run of rows is undrawn only when its label column stays put and two or more rows
    start a field, each label a capitalised word or few (not a number, nor a Markdown table's
    rule)."""
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        rows = list(_drawn_rows(lines, k))
        labels = [r["label"].strip() for r in rows if r["label"].strip()]
        if len(labels) >= 2 and all(len(label) <= 40 and label[:1].isupper() for label in labels):
            lines[k:k + len(rows)] = [(" " + r["label"] if r["label"].strip() else " " * r.end("label"))
                                      + "   " + r["value"].strip() for r in rows]
        k += max(len(rows), 1)
    return "\n".join(lines)


def _drawn_rows(lines: list[str], k: int) -> Iterator[re.Match[str]]:
    """The drawn rows from line ``k`` on whose label column ends where the first one's does."""
    first = _DRAWN_ROW.match(lines[k])
    for line in lines[k:] if first else []:
        row = _DRAWN_ROW.match(line)
        if row is None or row.end("label") != first.end("label"):  # type: ignore[union-attr]
            return
        yield row


#: A list's point: a bullet, or a number ("1.", "(2)", "3)").
_LISTED = re.compile(r"^(?:[•*▪◦–-]\s|\(?\d{1,2}[.)]\s)")


def _runs_on_to(lines: list[str], n: int, col: int) -> bool:
    """Whether the first line with words after line ``n`` stands in the value column ``col``."""
    after = next((ln for ln in lines[n + 1:] if ln.strip()), "")
    return col - _VALUE_SLACK <= len(after) - len(after.lstrip()) <= col + _VALUE_INDENT


def fields_side_by_side_as_lines(text: str) -> str:
    """Two labelled fields on one line, spaced apart, as two lines (see :data:`_FIELDS_SIDE_BY_SIDE`)."""
    return _FIELDS_SIDE_BY_SIDE.sub(lambda m: m["first"] + "\n", text)


def dot_leaders_as_labels(text: str) -> str:
    """A printed report's dot-leader fields as labelled lines ("TYPE: SERIOUS CASE REVIEW"),
    two fields on one line as two lines, and a value wrapped onto indented lines joined to it,
    so that the page's parser reads them as it reads any "Label: value".  A list item that
    starts a wrapped line ("(2) ...") starts a new line.  Text with fewer than three such
    fields is returned as it is."""
    lines = text.split("\n")
    if sum(bool(_DOT_LEADER.match(ln)) for ln in lines) < 3:
        return text
    out: list[str] = []
    in_field = False
    for line in lines:
        if _DOT_LEADER.match(line):
            for part in _DOT_LEADER_SECOND.split(line):
                m = _DOT_LEADER.match(part.strip())
                out.append(f"{m['label'].strip()}: {m['value'].strip()}" if m else part)
            in_field = True
        elif in_field and re.match(r"^ {8,}\S", line) and out:
            rest = line.strip()
            if re.match(r"\(\d{1,2}\)\s", rest):
                out.append(rest)  # the next item of a numbered list, on a line of its own
            else:
                out[-1] += " " + rest
        else:
            in_field = False
            out.append(line)
    return "\n".join(out)


#: Confluence's and Jira's wiki markup: "h2. Heading", a macro's opening or closing line
#: ("{panel:title=Case summary}", "{panel}"), a table's header row ("||No.||Recommendation||").
_WIKI_MARKUP_HEADING = re.compile(r"^h[1-6]\.\s+(\S.*)$")
_WIKI_MARKUP_MACRO = re.compile(r"^\s*\{[a-z]+(?::[^{}]*)?\}\s*$")
_WIKI_MARKUP_HEADER_ROW = re.compile(r"^\|\|(.*)\|\|\s*$")
_WIKI_MARKUP_BOLD = re.compile(r"(?<![\w*])\*(\S(?:[^*\n]*\S)?)\*(?![\w*])")
_WIKI_MARKUP_LINK = re.compile(r"\[([^|\]\n]+)\|[^\]\n]+\]")


def wiki_markup_as_text(text: str) -> str:
    """A Confluence or Jira page in its wiki markup, saved as text, as the page reads: "h2. "
    headings on lines of their own, macro lines ("{panel}", "{info}") gone, "*Learning*" a
    label, "*" and "#" lists as bullets, "||" header rows and "|" rows a pipe table, a link
    its words, an inline macro's words kept.  Text without two "hN. " headings and a macro, a
    rule or a table is returned as it is (a plain page's "h2. " would be a coincidence)."""
    lines = text.split("\n")
    if sum(bool(_WIKI_MARKUP_HEADING.match(ln)) for ln in lines) < 2 or not any(
            _WIKI_MARKUP_MACRO.match(ln) or _WIKI_MARKUP_HEADER_ROW.match(ln) or ln.strip() == "----"
            for ln in lines):
        return text
    return _wiki_markup_read(lines)


#: A DokuWiki heading: "====== Page ======" (six marks the top level) down to "== Minor ==".
_DOKU_HEADING = re.compile(r"^(?P<marks>={2,6})[ \t]*(?P<text>[^=\s].*?)[ \t]*(?P=marks)[ \t]*$")
#: What only DokuWiki writes: a tag macro, a plugin's block tag, a header row, an indented list item.
_DOKU_MARK = re.compile(r"\{\{tag>|^</?WRAP\b|^\^.*\^[ \t]*$|^ {2,}[*-] ", re.M)
#: DokuWiki's inline marks that are not words: a plugin's tag (<WRAP ...>, <note>), an image or
#: other media ("{{ :poster.png }}"), a forced line break ("\\ ").
_DOKU_TAG = re.compile(r"</?(?:WRAP|wrap|note|box|hidden|nowiki)\b[^>]*>")
_DOKU_MEDIA = re.compile(r"\{\{(?!tag>)[^{}\n]*\}\}")
#: Bold, italic (not a URL's "//"), underlined and monospaced words keep their words.
_DOKU_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<![:/])//(?=\S)(.+?)(?<![:\s])//|__(.+?)__|''(.+?)''")


#: (session 77) A text browser's dump of a page (``lynx -dump``, ``links -dump``): its links'
#: numbers in the text, "[5]Full report", and its list of their addresses at the end,
#: "References" over "   5. https://...".
_DUMP_REFERENCES = re.compile(r"\n[ \t]*(?:References|Visible links)[ \t]*\n(?:[ \t]*\n)?"
                              r"(?:[ \t]*\d{1,4}\.[ \t]+\S+[ \t]*\n?)+\s*$")
_DUMP_LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=\S)")


def browser_dump_as_text(text: str) -> str:
    """(session 77) A page a text browser dumped (Lynx's and links' ``-dump``), as its reader saw
    it: the list of link addresses at its end dropped, and each link's number before its words
    ("[5]Full report") gone.  Before, the addresses were the page's last lines, where its
    footer's "© 2024 Norfolk Safeguarding Children Partnership" names the reviews' area, and was
    not found.  Text without that list at its end is returned as it is."""
    references = _DUMP_REFERENCES.search(text)
    if references is None or len(_DUMP_LINK_NUMBER.findall(text[:references.start()])) < 2:
        return text
    return _DUMP_LINK_NUMBER.sub("", text[:references.start()]) + "\n"


#: (session 76) A forum's BBCode (phpBB, vBulletin, a post copied with "Quote" or saved from its
#: editor): a tag that opens, with its value ("[size=120]", "[url=https://...]", "[list=1]"), or
#: closes.  Text with fewer than three closing tags is no BBCode.
_BBCODE_TAG = re.compile(r"\[(?P<close>/)?(?P<name>b|i|u|s|size|color|colour|font|center|left|right|"
                         r"url|email|img|list|quote|code|spoiler|indent)(?:=[^\]\n]*)?\]", re.I)
_BBCODE_CLOSED = re.compile(r"\[/(?:b|i|u|s|size|colou?r|font|url|list|quote)\]", re.I)
_BBCODE_ITEM = re.compile(r"^\s*\[\*\]\s*")
_BBCODE_DROPPED = re.compile(r"\[img\b[^\]]*\].*?\[/img\]|\[quote\b[^\]]*\](?P<quoted>.*?)\[/quote\]",
                             re.I | re.S)


def bbcode_as_text(text: str) -> str:
    """(session 76) A forum thread in BBCode as its posts read: a list's "[*]" items bullets, a
    link its words, a picture nothing, every other tag (bold, size, colour) gone.  A quote of
    an earlier post ("[quote=...]...[/quote]") is dropped where its words stand elsewhere in the
    thread: said again, not new.  Before, "[size=120][b]Child Z – LCSPR, Stockport (published
    2023)[/b][/size]" was a heading with its tags, its area unread, and "[list]" and "[*]"
    were words of the lists.  Text with fewer than three closing tags is returned as it is."""
    if len(_BBCODE_CLOSED.findall(text)) < 3:
        return text
    flat = " ".join(text.split())  # (once: a long thread's quotes are each looked for in it)

    def dropped(m: re.Match[str]) -> str:
        quoted = m["quoted"]
        # (its words twice in the thread: the post quoted and the quote)
        said_twice = quoted is not None and flat.count(" ".join(quoted.split())[:200]) >= 2
        return "" if quoted is None or said_twice else quoted

    text = _BBCODE_DROPPED.sub(dropped, text)
    lines = [_BBCODE_ITEM.sub("- ", line) for line in text.split("\n")]
    return "\n".join(_BBCODE_TAG.sub("", line) for line in lines)


def dokuwiki_as_text(text: str) -> str:
    """A DokuWiki page's source as the page reads.  DokuWiki keeps every page as a ``.txt``
    file, so a page saved from its editor or its ``data/pages`` folder arrives as text: its
    "== Heading ==" lines become headings, "**What we learned**" a label line, indented "*" and
    "-" items bullets, "^" header rows and "|" rows a pipe table, a link its words, and the
    "{{tag>neglect dental_neglect}}" macro a "Tags:" line (the partnership's keywords).  Text
    without two such headings and a mark only DokuWiki writes is returned as it is."""
    lines = text.split("\n")
    if sum(bool(_DOKU_HEADING.match(ln)) for ln in lines) < 2 or not _DOKU_MARK.search(text):
        return text
    out: list[str] = []
    for line in lines:
        line = _DOKU_MEDIA.sub("", _DOKU_TAG.sub("", line)).replace("\\\\ ", " ")
        # ("[[:bu:reviews]]": a page's own name, after its namespaces; a URL stays whole)
        line = _WIKI_LINK.sub(lambda m: m["text"] if "|" in m[0] or "//" in m["text"]
                              else m["text"].split(":")[-1], line)
        line = re.sub(r"\{\{tag>([^}]*)\}\}",
                      lambda m: "Tags: " + ", ".join(t.replace("_", " ") for t in m[1].split()), line)
        line = _DOKU_EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), line)
        if heading := _DOKU_HEADING.match(line):
            out += ["", heading["text"], ""]
        elif line.startswith(("^", "|")):
            cells = [c.strip() for c in re.split(r"[|^]", line.strip())[1:-1]]
            out += _pipe_lines(cells, header=True) if line.startswith("^") else [_pipe_row(cells)]
        else:
            out.append(re.sub(r"^ {2,}[*-][ \t]+", "- ", line))
    return "\n".join(out)


#: Textile's block signature with its attributes ("p(note). ", "bq. ", "h2(#learning). "): the
#: block's kind, not its words (a heading's becomes "hN. ", as in Confluence's markup).
_TEXTILE_BLOCK = re.compile(r"^(?P<kind>h[1-6]|p|bq|div|pre|fn\d+)"
                            r"(?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\]|[<>=]+)*\.\s+")
#: Textile's _emphasis_ (its words kept).
_TEXTILE_EMPHASIS = re.compile(r"(?<![\w_])_(\S(?:[^_\n]*\S)?)_(?![\w_])")
#: Textile's link, "words":url; Redmine's macro "{{>toc}}".
_TEXTILE_LINK = re.compile(r'"(?P<text>[^"\n]+)":(?:https?://|/|#)\S*[^\s.,;:!?)]')
_TEXTILE_MACRO = re.compile(r"\{\{[^{}\n]*\}\}")


def textile_to_text(raw: str) -> str:
    """A Textile page (a Redmine or Textpattern wiki page's source) as it reads: Textile is the
    markup Confluence's wiki markup grew from, so after its block signatures ("p(note). ") and
    attributes are undone, its "hN. " headings, "*bold*" labels and "*"/"#" lists are read as
    :func:`wiki_markup_as_text` reads them; links are their words, Redmine's macros go."""
    lines = []
    for line in _TEXTILE_MACRO.sub("", normalise_newlines(raw)).split("\n"):
        if m := _TEXTILE_BLOCK.match(line):
            kind = m["kind"]
            line = (f"{kind}. " if kind.startswith("h") else "") + line[m.end():]
        lines.append(_TEXTILE_EMPHASIS.sub(r"\1", _TEXTILE_LINK.sub(r"\g<text>", line)))
    return _wiki_markup_read(lines)


def _wiki_markup_read(lines: list[str]) -> str:
    """Lines of Confluence or Textile markup as the page reads (see wiki_markup_as_text)."""
    out: list[str] = []
    for line in lines:
        if m := _WIKI_MARKUP_HEADING.match(line):
            out += ["", m[1].strip(), ""]
        elif _WIKI_MARKUP_MACRO.match(line) or line.strip() == "----":
            out.append("")
        elif m := _WIKI_MARKUP_HEADER_ROW.match(line):
            cells = [c.strip() for c in m[1].split("||")]
            out += [_pipe_row(cells), _pipe_row(["---"] * len(cells))]
        elif m := re.match(r"^[*#-]+\s+(\S.*)$", line):
            out.append(f"- {m[1]}")
        else:
            out.append(line)
    joined = _WIKI_MARKUP_LINK.sub(r"\1", "\n".join(out))
    joined = re.sub(r"\{[a-z]+(?::[^{}\n]*)?\}", "", joined)  # an inline macro ("{tip}...{tip}")
    return _WIKI_MARKUP_BOLD.sub(r"\1", joined)


def git_log_as_text(text: str) -> str:
    """The files a ``git log -p`` shows, each as it stands after the newest commit: a
    partnership's website kept in git, saved with its history, is its pages, not its commits.
    Commits are replayed oldest first (the log lists newest first); a file the log never
    created is its hunks' new lines, and commit messages (the editors' words) are left out.
    Text that is not a git log (fewer than two commits) is returned as it is."""
    commits = _GIT_COMMIT.split(text)
    if len(commits) < 3 or not _GIT_DIFF.search(text):
        return text
    files: dict[str, list[str]] = {}
    for commit in reversed(commits[1:]):
        for diff in re.split(r"(?m)^(?=diff --git )", commit)[1:]:
            head = _GIT_DIFF.match(diff)
            if head is None or "\nBinary files" in diff:
                continue
            lines = files.setdefault(head["path"], [])
            for hunk in re.split(r"(?m)^(?=@@ )", diff)[1:]:
                _apply_hunk(lines, hunk)
    blocks = ["\n".join(lines) for path, lines in files.items()
              if not path.endswith((".css", ".js", ".json", ".yml", ".yaml", ".toml"))]
    return "\n\n".join(markdown_to_text(b) for b in blocks if b.strip()) + "\n"


def _apply_hunk(lines: list[str], hunk: str) -> None:
    """Apply one unified-diff hunk to a file's lines in place: where its header says, else
    where its old lines stand (as ``patch`` allows an offset); a hunk of a file the log never
    showed before gives its new lines, and one that matches nothing is left out."""
    m = _GIT_HUNK.match(hunk)
    if m is None:
        return
    want_old, want_new = int(m["b"] or 1), int(m["d"] or 1)
    old: list[str] = []
    new: list[str] = []
    for ln in hunk.rstrip("\n").split("\n")[1:]:  # (a blank context line may have lost its space)
        if len(old) >= want_old and len(new) >= want_new:
            break
        mark, rest = (ln[:1], ln[1:]) if ln[:1] in ("+", "-", " ") else (" ", ln)
        if mark != "+":
            old.append(rest)
        if mark != "-":
            new.append(rest)
    at = max(int(m["a"]) - 1, 0)
    if lines[at:at + len(old)] != old:  # the hunk's lines elsewhere in the file, as patch finds them
        at = next((k for k in range(len(lines) - len(old) + 1) if lines[k:k + len(old)] == old), -1)
    if at >= 0 and (old or not lines or at == len(lines)):
        lines[at:at + len(old)] = new
    elif not lines:
        lines.extend(new)


def yaml_to_text(raw: str) -> str:
    """A YAML export as an API's records are read (:func:`json_to_text`), loaded safely (no
    Python objects).  Aliases are refused: a few lines of anchors and aliases can stand for a
    structure of billions of nodes, the "billion laughs" of YAML, and an export never needs them."""
    import yaml

    try:
        if any(isinstance(t, yaml.AliasToken) for t in yaml.scan(raw, Loader=yaml.SafeLoader)):
            raise ValueError("YAML aliases (*name), which an export never needs")
        return _records_text(yaml.safe_load(raw))
    except yaml.YAMLError as exc:
        raise ValueError(" ".join(str(exc).split())) from None


def toml_to_text(raw: str) -> str:
    """A TOML data file as an API's records are read (:func:`json_to_text`): a site's
    ``[[review]]`` tables are its records, and its dates print as a page prints them."""
    import tomllib

    try:
        return _records_text(tomllib.loads(raw))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(str(exc)) from None


#: An RTF list item's number or bullet (``{\pntext\f0 1.\tab}``, Word's ``{\listtext ...}``):
#: a destination that converters drop, though it is what makes the line an item.
#: (A control word holds no backslash, so each character has one reading: no backtracking.)
_RTF_LIST_LABEL = re.compile(r"\{\\(?:pntext|listtext)((?:\\[^{}\s\\]+ ?|[^{}\\])*)\}")


def _rtf_list_label(match: re.Match[str]) -> str:
    label = re.sub(r"\\(?:'[0-9a-f]{2}|[a-z]+-?\d* ?)", "", match[1], flags=re.I).strip()
    # (the space first ends a control word before it: "\pard1." would be "\pard" numbered 1)
    return f" {label} " if re.fullmatch(r"\(?\w{1,4}[.)]", label) else " - "


def rtf_to_text(raw: str) -> str:
    """Rich Text Format as the document reads, by striprtf (DECISIONS 75): control words and
    font, colour and info tables dropped, escapes ("\\rquote", "\\'e9", "\\u8217?") decoded,
    a paragraph a line, and a list item's number or bullet kept in front of it."""
    from striprtf.striprtf import rtf_to_text as strip

    if not raw.lstrip().startswith("{\\rtf"):
        raise ValueError("no {\\rtf header: not Rich Text Format")
    return strip(_RTF_LIST_LABEL.sub(_rtf_list_label, raw), errors="ignore")


def gettext_to_text(raw: str) -> str:
    """A GNU gettext catalogue (PO) as the page it translates, by polib (DECISIONS 75): each
    source string (``msgid``) a paragraph, in file order; the header, obsolete strings and the
    translations left out, since a translation says the same things again in another language
    and reading both would count every fact twice."""
    import polib

    try:
        catalogue = polib.pofile(raw)
    except (OSError, ValueError) as exc:  # polib raises OSError for a syntax error
        raise ValueError(" ".join(str(exc).split())) from None
    return "\n\n".join(e.msgid for e in catalogue if e.msgid and not e.obsolete) + "\n"


#: A compiled catalogue's first word, as little- or big-endian bytes.
_MO_MAGIC = 0x950412DE
#: A message's id that is a key, not words ("01_heading", "nav.home"): its translation is the text.
_MO_KEY = re.compile(r"[\w.\-]+")


def gettext_mo_text(data: bytes) -> str:
    """(session 86) A compiled GNU gettext catalogue (``.mo``: the strings a board's website is
    built from) as the page its strings make: each message a paragraph, in the catalogue's order
    (msgfmt sorts by context, so a context's messages stay together, and a blank line more
    parts contexts).  A message's words are its id when the id is words (a catalogue translated
    from English, whose English is the source as a PO's is read), else its translation (a
    key-based catalogue: "01_heading" is no words); a plural's first form; the header left out.
    Read from the string tables (the GNU format: a magic word, the count, two tables of length
    and offset), since Python's gettext keeps no order and drops contexts."""
    if len(data) < 20:
        raise ValueError("too short for a gettext catalogue (no header)")
    order = next((o for o in "<>" if struct.unpack_from(f"{o}I", data)[0] == _MO_MAGIC), None)
    if order is None:
        raise ValueError("no gettext catalogue's magic number (0x950412de) at its start")
    count, ids_at, strs_at = struct.unpack_from(f"{order}3I", data, 8)
    if count > len(data) // 16:
        raise ValueError(f"a catalogue of {count} messages in {len(data)} bytes")
    paragraphs, context = [], None
    for n in range(count):
        msgid, translation = (_mo_string(data, order, table + 8 * n) for table in (ids_at, strs_at))
        if not msgid:
            continue  # (the header: the catalogue's metadata, no page's words)
        here, _, key = msgid.rpartition("\x04")
        if paragraphs and here != context:
            paragraphs.append("")
        context = here
        first = key.split("\0")[0]
        words = translation.split("\0")[0] if _MO_KEY.fullmatch(first) else first
        paragraphs.append(normalise_newlines(words).strip())
    return "\n\n".join(paragraphs) + "\n"


def _mo_string(data: bytes, order: str, at: int) -> str:
    """The string a catalogue's table entry at ``at`` points to, as UTF-8 (what msgfmt writes
    from a PO declared in any charset but legacy ones, read as Latin-1 then)."""
    if at + 8 > len(data):
        raise ValueError(f"the catalogue ends inside its string tables (byte {at})")
    length, offset = struct.unpack_from(f"{order}2I", data, at)
    if offset + length > len(data):
        raise ValueError(f"a string at byte {offset} runs past the catalogue's end")
    raw = data[offset:offset + length]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


#: LaTeX commands whose argument is a heading of its own line: sections, a slide's title.
_LATEX_HEADING = re.compile(
    r"\\(?:(?:sub)*section|chapter|paragraph|frametitle|title|caption)\*?(?:\[[^\]]*\])?\{([^{}]*)\}")
_LATEX_FRAME = re.compile(r"\\begin\{frame\}(?:\[[^\]]*\])?\{([^{}]*)\}")
#: Commands that say nothing a reader sees (the preamble, environments, spacing).
_LATEX_SILENT = re.compile(
    r"\\(?:documentclass|usepackage|usetheme|usecolortheme|setbeameroption|begin|end|label|ref|"
    r"[a-z]*cite[a-z]?|vspace|hspace|includegraphics|titlepage|maketitle|tableofcontents|newpage|pause|"
    r"addbibresource|bibliography|bibliographystyle|printbibliography)(?![a-zA-Z])"
    r"\*?(?:\[[^\]]*\]|\{[^{}]*\})*")  # (options and arguments in any order: "{itemize}[nosep]")


def latex_to_text(raw: str) -> str:
    """LaTeX source as its reader sees it: comments and the preamble's commands dropped,
    sections and slide titles on lines of their own, "\\item" a bullet, other commands' words
    kept ("\\textbf{Child L}" is "Child L"), "--" a dash.  Not a TeX engine: macros are not
    expanded, which a summary or a slide deck does not need."""
    text = normalise_newlines(raw)
    text = re.sub(r"(?<!\\)%.*", "", text)  # a comment runs to the line's end ("\\%" is a %)
    # a slide's title is a label over its points ("Child L — what happened:"), not a heading:
    # the review's heading is its section's (one review's slides are its parts)
    text = _LATEX_FRAME.sub(lambda m: f"\n\n{m.group(1)}:\n" if m.group(1).strip() else "\n\n",
                            text)
    text = _LATEX_HEADING.sub(lambda m: f"\n\n{m.group(1)}\n\n", text)
    text = _LATEX_SILENT.sub("", text)
    text = re.sub(r"\\item\b\s*", "\n- ", text)
    text = re.sub(r"\\\\(?:\[[^\]]*\])?", "\n", text)  # "\\\\", a forced line break
    for _ in range(3):  # "\\textbf{\\emph{x}}": the words inside, nested
        text = re.sub(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\[a-zA-Z]+\*?", "", text)  # a command without an argument ("\\small")
    text = text.replace("---", "—").replace("--", "–").replace("~", " ").replace("\\%", "%")
    text = text.replace("``", "“").replace("''", "”")
    text = re.sub(r"[{}]", "", text).replace("\\&", "&")
    return re.sub(r"[ \t]+\n", "\n", text)


def notebook_to_text(raw: str) -> str:
    """A Jupyter notebook (nbformat 4) as its Markdown cells read as a page, in order.  Code
    cells and their outputs are left out: they are the analyst's own computations over files
    that are not here ("coded.groupby(...)" printing "[DRG, PMH]"), not words of a publication."""
    notebook = json.loads(raw)
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise ValueError("no list of 'cells' (is this a Jupyter notebook?)")
    parts = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            parts.append("".join(source) if isinstance(source, list) else str(source))
    return markdown_to_text("\n\n".join(parts))


#: One SQL value: a quoted string (MySQL's backslash escapes or the standard doubled quote), a
#: number, NULL or another bare word.
_SQL_VALUE = re.compile(r"'((?:[^'\\]|\\.|'')*)'|([^,()\s]+)", re.S)
_SQL_ESCAPES = {"n": "\n", "r": "", "t": "\t", "0": "", "Z": ""}
#: A table's name, after its schema if any ("public.case_reviews"), quoted or not.
_SQL_TABLE = r"(?:[`\"\[]?\w+[`\"\]]?\.)?[`\"\[]?(\w+)[`\"\]]?"
_SQL_INSERT = re.compile(rf"INSERT\s+INTO\s+{_SQL_TABLE}\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I)
#: PostgreSQL's pg_dump writes rows as COPY's data: a line per row, tab-separated, to "\.".
_SQL_COPY = re.compile(rf"^COPY\s+{_SQL_TABLE}\s*(?:\(([^)]*)\))?\s+FROM\s+stdin;\n(.*?)^\\\.$",
                       re.I | re.M | re.S)
_SQL_CREATE = re.compile(rf"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?{_SQL_TABLE}\s*\(", re.I)
_SQL_KEYWORDS = {"primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext"}


def _sql_string(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: _SQL_ESCAPES.get(m.group(1), m.group(1)),
                  body.replace("''", "'"))


def _sql_columns(raw: str) -> dict[str, list[str]]:
    """Each table's column names, from its CREATE TABLE statement (its first word per line)."""
    out: dict[str, list[str]] = {}
    for m in _SQL_CREATE.finditer(raw):
        names = []
        end = raw.find(";", m.end())  # (the statement's own lines, not the rest of the dump)
        for line in raw[m.end():end if end >= 0 else len(raw)].split("\n"):
            word = re.match(r"\s*[`\"\[]?(\w+)", line)
            if line.lstrip().startswith(")"):
                break
            if word and word.group(1).lower() not in _SQL_KEYWORDS:
                names.append(word.group(1))
        out[m.group(1)] = names
    return out


def _sql_rows(raw: str, start: int) -> tuple[list[list[str | None]], int]:
    """The tuples of one INSERT's VALUES list from ``start``: each a list of values (NULL is
    None), until something other than a tuple follows (the statement's semicolon)."""
    rows: list[list[str | None]] = []
    k = start
    while k < len(raw):
        while k < len(raw) and raw[k] in " \t\r\n,":
            k += 1
        if k >= len(raw) or raw[k] != "(":
            break
        k, row = k + 1, []
        while k < len(raw) and raw[k] != ")":
            m = _SQL_VALUE.match(raw, k)
            if not m:
                k += 1
                continue
            quoted, bare = m.group(1), m.group(2)
            row.append(_sql_string(quoted) if quoted is not None
                       else None if bare.upper() == "NULL" else bare)
            k = m.end()
            while k < len(raw) and raw[k] in " \t\r\n,":
                k += 1
        rows.append(row)
        k += 1
    return rows, k


def _sql_named(row: list[str | None], names: list[str]) -> dict[str, str | None]:
    """A row's values by their columns' names ("column 3" when the dump names none)."""
    return {(names[n] if n < len(names) else f"column {n + 1}"): v for n, v in enumerate(row)}


def _copy_value(value: str) -> str | None:
    """One value of COPY's text format: ``\\N`` is NULL, an array's items are listed as a
    catalogue lists keywords, and backslash escapes are undone."""
    if value == "\\N":
        return None
    if re.fullmatch(r"\{.*\}", value):  # an array, '{"bruising protocol",fathers}': its items
        return "; ".join(v.strip('"') for v in re.findall(r'"(?:[^"\\]|\\.)*"|[^,{}]+', value))
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "", "\\": "\\"}.get(m[1], m[1]), value)


def sql_to_text(raw: str) -> str:
    """A database dump as its tables' rows, read as an API's records are (:func:`json_to_text`):
    each INSERT's rows (or pg_dump's COPY data) named by the table's columns (from the INSERT,
    else its CREATE TABLE; "column 3" when neither names them).  Nothing is executed: the dump
    is only scanned."""
    columns = _sql_columns(raw)
    tables: dict[str, list[dict[str, object]]] = {}
    for m in _SQL_INSERT.finditer(raw):
        table = m.group(1)
        names = ([re.sub(r"[`\"\[\]\s]", "", c) for c in m.group(2).split(",")] if m.group(2)
                 else columns.get(table, []))
        rows, _ = _sql_rows(raw, m.end())
        tables.setdefault(table, []).extend(_sql_named(row, names) for row in rows)
    for m in _SQL_COPY.finditer(raw):
        names = ([c.strip(' "') for c in m.group(2).split(",")] if m.group(2)
                 else columns.get(m.group(1), []))
        tables.setdefault(m.group(1), []).extend(
            _sql_named([_copy_value(v) for v in line.split("\t")], names)
            for line in m.group(3).split("\n") if line)
    if not tables:
        raise ValueError("no INSERT statements or COPY data with rows")
    return _records_text(tables)


def calendar_to_text(raw: str) -> str:
    """An iCalendar file (RFC 5545) as its events read on the site: each event's summary as its
    title and its description as its text, long lines unfolded and escapes ("\\n", "\\,")
    undone; the calendar's name first.  Outlook's vCalendar 1.0 (".vcs") too: its values in
    quoted-printable, soft-wrapped with "=" at a line's end, in Windows-1252 unless a CHARSET
    parameter says otherwise."""
    unfolded = re.sub(r"\r?\n[ \t]", "", _quoted_printable_joined(normalise_newlines(raw)))
    events: list[dict[str, str]] = []
    calendar: dict[str, str] = {}
    for line in unfolded.split("\n"):
        name, _, value = line.partition(":")
        if re.search(r";\s*ENCODING=QUOTED-PRINTABLE\b", name, re.I):
            value = _quoted_printable_value(value, name)
        name = name.split(";")[0].upper()
        value = re.sub(r"\\([nN,;\\])", lambda m: "\n" if m[1] in "nN" else m[1], value)
        if name == "BEGIN" and value.strip().upper() == "VEVENT":
            events.append({})
        elif name in ("SUMMARY", "DESCRIPTION", "CATEGORIES"):
            (events[-1] if events else calendar).setdefault(name.lower(), value)
        elif name == "X-WR-CALNAME":
            calendar["title"] = value
    records = [{"title": e.pop("summary", ""), **e} for e in events]
    return _records_text({"calendar": calendar.get("title", ""), "events": records})


def _quoted_printable_joined(text: str) -> str:
    """A vCalendar's lines with each quoted-printable value's soft line breaks ("=" last on a
    line, the value going on at the next line's start, with no space to unfold) undone."""
    out: list[str] = []
    joining = False
    for line in text.split("\n"):
        if joining:
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
        head = out[-1].partition(":")[0]
        joining = out[-1].endswith("=") and bool(re.search(r"ENCODING=QUOTED-PRINTABLE", head, re.I))
    return "\n".join(out)


def _quoted_printable_value(value: str, params: str) -> str:
    """A quoted-printable property value decoded: its bytes in the CHARSET the property names,
    else UTF-8 when they are UTF-8, else Windows-1252 (what Outlook writes without saying)."""
    data = quopri.decodestring(value.encode("latin-1", errors="replace"))
    charset = re.search(r";\s*CHARSET=([\w-]+)", params, re.I)
    for codec in ([charset[1]] if charset else []) + ["utf-8", "cp1252"]:
        try:
            return normalise_newlines(data.decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
    return normalise_newlines(data.decode("latin-1"))


def json_to_text(raw: str, lines: bool) -> str:
    """A saved API response or data export as the pages its records came from: each record (the
    list of objects holding most text) is its title, then its fields, short ones as "Label:
    value" lines, HTML read as a page, lists as bullets; the fields around the records (a note,
    the site's name) come first.  ``lines``: JSON Lines, a record per line."""
    data = _json_ld_framed(_extended_json(_json_lines(raw) if lines else json.loads(raw)))
    data = _rows_as_records(data)
    if (outline := xmind_outline(data)) is not None:  # a mind map's topics: an outline
        return outline
    if (tasks := label_studio_tasks(data)) is not None:  # an annotation project: its texts
        return _records_text(tasks)
    if (items := dspace_items(data) or zotero_items(data) or omeka_items(data)) is not None:
        return _records_text(items)  # a repository's items (DSpace 7's REST), a Zotero library's, Omeka S's
    if (pages := har_pages(data)) is not None:  # a browser's capture: its pages
        return _pages_text(pages)
    if (journal := day_one_entries(data)) is not None:  # a journal's entries, each in Markdown
        return _records_text([{**e, "title": markdown_to_text(str(e["title"])).strip(),
                               "text": markdown_to_text(str(e["text"]))} for e in journal])
    if (chat := slack_markdown(data)) is not None:  # a day of a Slack channel: its messages
        return markdown_to_text(chat)
    if (feed := json_feed(data) or bluesky_threads(data) or facebook_posts(data)
            or mastodon_statuses(data) or prismic_documents(data)) is not None:
        # a site's news, a social feed, a page's posts, a headless CMS's documents
        return _records_text(feed)
    if (table := odata_records(data)) is not None:  # an app's register, through its Web API
        return _records_text(table)
    if (activity := h5p_html(data)) is not None:  # an e-learning activity's panels
        return html_to_text(activity)
    if (board := excalidraw_text(data)) is not None:  # a whiteboard's notes
        return board
    if (story := apple_news_html(data)) is not None:  # a news story in Apple News Format
        return html_to_text(story)
    if (page := editorjs_html(data)) is not None:  # a page builder's blocks (Editor.js)
        return html_to_text(page)
    if (page := notion_html(data)) is not None:  # a Notion page's blocks, from its API
        return html_to_text(page)
    if (page := portable_text_html(data)) is not None:  # a Sanity document's Portable Text
        return html_to_text(page)
    if (page := lexical_html(data)) is not None:  # a CMS's documents in Lexical (Payload's API)
        return html_to_text(page)
    if (page := datocms_html(data)) is not None:  # a CMS's records in DatoCMS's structured text
        return html_to_text(page)
    if (page := draftjs_html(data)) is not None:  # posts whose bodies are Draft.js content states
        return html_to_text(page)
    if (page := pandoc_html(data)) is not None:  # a document in pandoc's own syntax tree
        return html_to_text(page)
    if (page := readability_html(data)) is not None:  # a scraper's reader-view copy of a page
        return html_to_text(page)
    if (page := govuk_content_html(data)) is not None:  # a GOV.UK page's content, from its API
        return html_to_text(page)
    if (page := sphinx_json_html(data)) is not None:  # a Sphinx site's page, by its JSON builder
        return html_to_text(page)
    if (story := ninjs_html(data)) is not None:  # a news agency's item (IPTC ninjs)
        return html_to_text(story)
    if (page := sharepoint_page_html(data)) is not None:  # a SharePoint page, from Microsoft Graph
        return html_to_text(page)
    if (page := pymupdf_html(data)) is not None:  # a PDF's text as PyMuPDF dumps it
        return html_to_text(page)
    if (page := google_doc_html(data)) is not None:  # a shared document, from the Docs API
        return html_to_text(page)
    if (graph := roam_pages(data)) is not None:  # a Roam Research graph's pages
        return markdown_to_text(roam_markdown(graph))
    if (site := mkdocs_search_html(data)) is not None:  # a documentation site's search index
        return html_to_text(site)
    if (datasets := ckan_datasets(data)) is not None:  # an open-data portal's datasets (CKAN)
        return _records_text([{**d, "notes": markdown_to_text(str(d["notes"]))} for d in datasets])
    if (package := data_package(data) or archive_item(data)) is not None:
        return _records_text(package)  # an open-data release's rows, an archived item's record
    if (answers := sparql_json_records(data)) is not None:  # a SPARQL query's results
        return _records_text(answers)
    return _records_text(data)


#: (session 77) The keys of a table's rows given as arrays beside its "columns": Datasette's
#: table API ("rows"), pandas' ``to_json(orient="split")`` ("data").
_ROW_KEYS = ("rows", "data")


def _rows_as_records(data: object) -> object:
    """(session 77) A table sent as its column names and its rows as arrays of values (a
    Datasette register's ``/db/table.json``, pandas' "split" JSON) as records, each row an object
    of its column names: so that its rows are read as any API's records are, not lost as lists
    of bare values.  Any other data is returned as it is."""
    if isinstance(data, list):
        return [_rows_as_records(v) for v in data]
    if not isinstance(data, dict):
        return data
    columns = data.get("columns")
    key = next((k for k in _ROW_KEYS if isinstance(data.get(k), list) and data[k]), None)
    if key and isinstance(columns, list) and columns and all(isinstance(c, str) for c in columns) \
            and all(isinstance(row, list) and len(row) == len(columns) for row in data[key]):
        return {**{k: v for k, v in data.items() if k not in ("columns", key)},
                key: [dict(zip(columns, row, strict=True)) for row in data[key]]}
    return {k: _rows_as_records(v) for k, v in data.items()}


#: MongoDB's Extended JSON wrappers of one value (``mongoexport`` writes a date as
#: ``{"$date": "2022-11-03T00:00:00Z"}``, an id as ``{"$oid": ...}``, a number as
#: ``{"$numberInt": "3"}``).
_EXTENDED_JSON = frozenset({"$date", "$oid", "$numberInt", "$numberLong", "$numberDouble",
                            "$numberDecimal", "$uuid", "$symbol"})


def _extended_json(data: object) -> object:
    """Data with MongoDB's Extended JSON wrappers replaced by the values they wrap: a date its
    ISO text (a "$numberLong" of milliseconds its UTC date), a number its number.  Without
    this a record's "publishedOn" is a "$date" field of its own, and the year is lost."""
    if isinstance(data, list):
        return [_extended_json(v) for v in data]
    if not isinstance(data, dict):
        return data
    if len(data) == 1 and (key := next(iter(data))) in _EXTENDED_JSON:
        value = _extended_json(data[key])
        if key == "$date" and isinstance(value, (int, str)) and str(value).lstrip("-").isdigit():
            import datetime

            return datetime.datetime.fromtimestamp(int(value) / 1000, datetime.UTC).strftime("%Y-%m-%d")
        if key.startswith("$number") and isinstance(value, str):
            return float(value) if key in ("$numberDouble", "$numberDecimal") else int(value)
        return value
    return {k: _extended_json(v) for k, v in data.items()}


#: The fields of a JSON-LD node that hold its words, when another node has it as a part
#: (schema.org's ``text``, ``articleBody``, ``description``).
_LD_WORDS = ("text", "articleBody", "description")


def _json_ld_framed(data: object) -> object:
    """(session 64) A JSON-LD document's ``@graph`` with each node's references put in place, so
    that a review's record holds what its nodes hold: a part that is words under a name (a
    ``CreativeWork`` "Key learning" by its ``hasPart``) becomes the record's field of that name,
    a node that is only a name (its ``spatialCoverage``, its ``publisher``) that name, and a
    typed value (``{"@type": "xsd:date", "@value": "2024-02-27"}``) its value.  A node that is
    only a part or a name is no record of its own; a richer node referred to (a review listed by
    its collection page) stays one, and the reference to it is dropped.  Why not rdflib's
    JSON-LD parser: it gives triples, not the records and their order a page is read in, and the
    graph's few shapes (a node, a reference, a value) need no more than this."""
    if not (isinstance(data, dict) and "@context" in data and isinstance(data.get("@graph"), list)):
        return data
    nodes = [n for n in data["@graph"] if isinstance(n, dict)]
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    framed, absorbed = [], set()
    for node in nodes:
        record: dict = {}
        for key, value in node.items():
            if key != "@context":
                _ld_field(record, key, value, by_id, absorbed)
        framed.append(record)
    kept = [r for n, r in zip(nodes, framed, strict=True) if n.get("@id") not in absorbed]
    return {**{k: v for k, v in data.items() if k not in ("@context", "@graph")}, "@graph": kept}


def _ld_field(record: dict, key: str, value: object, by_id: dict[str, dict], absorbed: set[str]) -> None:
    """Put one field of a JSON-LD node into its record (see :func:`_json_ld_framed`)."""
    values = value if isinstance(value, list) else [value]
    if values and all(isinstance(v, dict) and set(v) == {"@id"} for v in values):
        targets = [by_id.get(v["@id"]) for v in values]
        if all(t is not None and _ld_part(t) for t in targets):
            for t in targets:
                words = next(t[w] for w in _LD_WORDS if isinstance(t.get(w), str))
                record.setdefault(str(t.get("name") or key), words)
                absorbed.add(t["@id"])
        elif all(t is not None and _ld_name_only(t) for t in targets):
            record[key] = "; ".join(str(t["name"]) for t in targets)
            absorbed.update(t["@id"] for t in targets)
        elif all(t is None for t in targets):
            record[key] = "; ".join(v["@id"] for v in values)  # a document's address
        return  # (a richer node, a record of its own, is not repeated here)
    record[key] = [_ld_value(v) for v in value] if isinstance(value, list) else _ld_value(value)


def _ld_value(value: object) -> object:
    """A JSON-LD value object as its value ("@value"), anything else as it is."""
    return value["@value"] if isinstance(value, dict) and "@value" in value else value


def _ld_part(node: dict) -> bool:
    """Whether a node is a part's words under a name and nothing more."""
    return any(isinstance(node.get(w), str) for w in _LD_WORDS) \
        and set(node) <= {"@id", "@type", "name", *_LD_WORDS}


def _ld_name_only(node: dict) -> bool:
    """Whether a node is a name and nothing more (a place, a publisher, its address aside)."""
    return isinstance(node.get("name"), str) and set(node) <= {"@id", "@type", "name", "url", "sameAs"}


def _records_text(data: object) -> str:
    """Loaded data (JSON, YAML, a calendar's events) as :func:`json_to_text` describes."""
    records = _json_records(data)
    if isinstance(data, dict) and _one_record(data, records):
        records = [data]  # one review saved alone: its sections are its own parts
    elif isinstance(data, dict) and not records and (entry := _enveloped(data)) is not data:
        # (session 80) one entry in an API's envelope ({"data": {"title", "body": {rich text}}}):
        # the entry is the record, its title and fields the page's
        data, records = entry, [entry]
    out: list[str] = []
    if isinstance(data, dict) and records != [data]:
        title = next((k for k, v in data.items() if _JSON_TITLE.match(k) and isinstance(v, str)), None)
        if title:  # (session 47) the page's own title, as its first line: the page's name
            out.append(_json_scalar(data[title]))
        for key, value in data.items():  # a note, the site's name: above the records
            out += [] if isinstance(value, (dict, list)) or key == title else _json_field(key, value)
    number, last_title = 0, ""
    for record in records:
        title, lines = _json_record(record)
        if not lines:
            continue  # (a record of plumbing only, a type and a comment: nothing a page shows)
        if title and title == last_title:
            # an annotation tool's export: several notes on one page, each record carrying the
            # page's title, are one page's record (its further notes under it), not several
            out += ["", *lines[1:]]
            continue
        number += 1
        out += ["", record_mark(number), *lines]
        last_title = title
    return "\n".join(re.sub(r"\n{3,}", "\n\n", "\n".join(out)).split("\n")) + "\n"


#: (session 80) The keys under which an API sends its one entry (Strapi's and Directus's "data",
#: Storyblok's "story", a CMS's "entry", "item", "page" or "document").
_ENVELOPE_KEYS = ("data", "story", "entry", "item", "page", "document", "result")


def _enveloped(data: dict) -> dict:
    """The one object an API's response wraps (``{"data": {...}, "meta": {...}}``), however many
    envelopes deep; the data itself when it wraps none."""
    while (key := next((k for k in _ENVELOPE_KEYS if isinstance(data.get(k), dict)), None)) is not None:
        data = data[key]
    return data


def _one_record(data: dict, records: list[dict]) -> bool:
    """Whether a document is itself one record: it has a title of its own, and the lists in it
    are only its titled parts (``"sections": [{"heading": ..., "text": ...}]``), not records."""
    titled = any(_JSON_TITLE.match(k) and isinstance(v, str) for k, v in data.items())
    return titled and all(_json_titled(r) for r in records)


#: A header cell that names the review or its child: the title of the row's record (SharePoint
#: numbers a renamed list's own column: "Title0"; a tracker's "Case" beside its "Ref").
_NAME_HEADER = re.compile(r"^(?:pseudonym|name|child|child'?s?\s+name|title|review(?:\s+(?:name|title))?|"
                          r"(?:task|card|item)\s+name|"
                          r"case(?:\s+name)?)\d?$", re.I)
#: SharePoint's escape of a character in a column's internal name: "_x0020_" is a space.
_SHAREPOINT_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def access_records(root: ET.Element) -> list[dict[str, str]] | None:
    """Microsoft Access's "Export - XML File" of a table or query (a ``dataroot`` of one element
    a row, named after the query, whose children are its fields), as records; None for any
    other XML.  A field's name has Access's escapes undone ("Review_x0020_Title" is "Review
    Title"), a date its midnight time taken off; a null field is not written, so not shown."""
    if local_name(root.tag) != "dataroot":
        return None
    rows = [row for row in root if local_name(row.tag) != "schema" and len(row)]
    if not rows:
        return None
    return [{unescaped_name(local_name(f.tag)):
             re.sub(r"^(\d{4}-\d\d-\d\d)T00:00:00$", r"\1", (f.text or "").strip()) for f in row}
            for row in rows]


_ID_HEADER = re.compile(r"^(?:ref(?:erence)?|(?:task\s+)?id|no\.?|number|row)$", re.I)


def _csv_delimiter(raw: str) -> str:
    """The delimiter of a ".csv" export: a comma, or the semicolon that spreadsheets in many
    locales write (the standard library's csv.Sniffer decides, from the first 4 kB)."""
    try:
        return csv.Sniffer().sniff(raw[:4096], delimiters=",;").delimiter
    except csv.Error:
        return ","


def table_to_text(text: str, delimiter: str) -> str:
    """A spreadsheet export as the records a library exports ("RECORD 1", "Child D",
    "Area: Rotherham", "Summary: ..."), which the page parser already reads: each row after the
    header is one record, its name cell first, every other cell as "Header: value".

    Lines before the header (a title, a "# generated ..." note) stay as text; the header is the
    first row with three or more cells.  Quoted cells may hold commas and line breaks (the
    ``csv`` module reads them); a cell of several lines (a form's "Learning points (one per
    line)") is a labelled list, a point a line, and a cell of one line one labelled line.
    """
    import io

    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if (survey := qualtrics_records(rows) or surveymonkey_records(rows)) is not None:  # a survey's answers
        return _records_text(survey)
    at = next((n for n, row in enumerate(rows) if sum(bool(c.strip()) for c in row) >= 3), None)
    if at is None:
        return text
    out = [delimiter.join(row) for row in rows[:at]]
    # "review_name"; SharePoint's "Pub_x0020_Date" ("_x0020_" is its escape of a space)
    # (session 47) an archive's "scopeAndContent", "subjectAccessPoints": its words apart
    header = [" ".join(re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", _SHAREPOINT_ESCAPE.sub(
        lambda m: chr(int(m[1], 16)), h)).replace("_", " ").split()) for h in rows[at]]
    # "No. of recs", "No. recs" as "Number of recs": a label line has no full stop in its label
    header = [re.sub(r"^No\.\s*(?:of\s+)?(?=\w)", "Number of ", h, flags=re.I) for h in header]
    header = [_CODER_NOTE.sub("", h) for h in header]  # "Local area (as named in report)"
    body = [r for r in rows[at + 1:] if any(c.strip() for c in r)]
    # the name column: of those whose header names the review or its child, the one filled in
    # most often (a form's respondent "Name", left empty, before its "Review title")
    named = [k for k, h in enumerate(header) if _NAME_HEADER.match(_UNQUALIFIED.sub("", h))]
    # ((session 63) with none, a post's "Subject", as a Padlet wall's export heads it: its title)
    named = named or [k for k, h in enumerate(header) if h.lower() == "subject"]
    name = max(named, key=lambda k: sum(k < len(r) and bool(r[k].strip()) for r in body), default=0)
    body, subtasks = _subtasks(header, _continued_rows(header, body, name), name)
    for number, row in enumerate(body, start=1):
        cells = ([[" ".join(line.split()) for line in c.splitlines() if line.strip()] for c in row]
                 + [[]] * len(header))[:len(header)]
        out += ["", record_mark(number), " ".join(cells[name])]
        fields = [(h, c) for k, (h, c) in enumerate(zip(header, cells, strict=True))
                  if k != name and h and not _FORM_PLUMBING.match(h)]
        # an identifier column ("ref", "ID") last: the name's record starts with its metadata
        fields.sort(key=lambda hc: bool(_ID_HEADER.match(hc[0])))
        for h, lines in _checkbox_fields(_checklist_fields(fields)):
            # (a form's question is the label of its answer: "...found NOT to be present?" is
            # written without its mark, which would end the sentence before the answer)
            label = f"{h[:1].upper()}{h[1:]}".rstrip("?")
            if len(lines) > 1:
                # a cell of plain lines is a list, a point a line; one that sets out its own parts
                # ("Learning:" over "1. ...") keeps its lines as they are
                shaped = any(_LIST_MARK.match(line) or line.endswith(":") for line in lines)
                out += ["", f"{label}:", *(lines if shaped else (f"- {line}" for line in lines)), ""]
            elif lines:  # (an empty cell says nothing: "Neglect:" alone would name it)
                out.append(f"{label}: {lines[0]}")
        if row_tasks := subtasks.get(row[name].strip() if name < len(row) else ""):
            out += ["", f"{_subtasks_label(row_tasks)}:", *(f"- {task}" for task in row_tasks), ""]
    return "\n".join(out) + "\n"


def _continued_rows(header: list[str], body: list[list[str]], name: int) -> list[list[str]]:
    """A register's rows with each continuation row joined to the cell it goes on: an old
    worksheet (session 84: a Lotus 1-2-3 Part 8 register of 1996-99) wraps a long cell over the
    rows below, each with only that column filled; read as rows, each would be a record of its
    own with no name, and the review's own record would lose the rest of its summary."""
    ids = {k for k, h in enumerate(header) if _ID_HEADER.match(h)} | {name}
    out: list[list[str]] = []
    for row in body:
        filled = [k for k, cell in enumerate(row) if cell.strip()]
        if out and len(filled) == 1 and filled[0] not in ids and filled[0] < len(out[-1]) \
                and out[-1][filled[0]].strip():
            k = filled[0]
            glue = "\n" if _CELL_PART.match(row[k].strip()) else " "
            out[-1][k] = f"{out[-1][k].rstrip()}{glue}{row[k].strip()}"
        else:
            out.append(list(row))
    return out


#: A task tracker's column naming a row's parent task (Asana's "Parent task", Jira's "Parent
#: summary", monday.com's "Parent item").
_PARENT_HEADER = re.compile(r"^parent(?:\s+(?:task|summary|item|name))?$", re.I)
#: A subtask's name that numbers a recommendation ("Rec 1 – ...", "Recommendation 3: ...").
_RECOMMENDATION_TASK = re.compile(r"^(?:rec(?:ommendation)?s?\.?|R)\s*\d{1,2}\b", re.I)


def _subtasks(header: list[str], body: list[list[str]],
              name: int) -> tuple[list[list[str]], dict[str, list[str]]]:
    """A tracker's rows without its subtasks, and each parent row's subtasks' names by its name:
    a row whose "Parent task" cell names another row is a part of that row's record (a review's
    recommendations tracked as its subtasks), not a record of its own."""
    parent = next((k for k, h in enumerate(header) if _PARENT_HEADER.match(h)), None)
    if parent is None:
        return body, {}
    names = {r[name].strip() for r in body if name < len(r)}
    subtasks: dict[str, list[str]] = {}
    kept = []
    for row in body:
        owner = row[parent].strip() if parent < len(row) else ""
        if owner and owner in names and name < len(row) and row[name].strip():
            subtasks.setdefault(owner, []).append(" ".join(row[name].split()))
        else:
            kept.append(row)
    return kept, subtasks


def _subtasks_label(tasks: list[str]) -> str:
    """The label of a row's subtasks: "Recommendations" when each names one, else "Subtasks"."""
    return "Recommendations" if all(_RECOMMENDATION_TASK.match(t) for t in tasks) else "Subtasks"


def _checklist_fields(fields: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A tracker's checklists cell as a field a checklist, its items a list: ClickUp's export
    writes a task's checklists as JSON, ``{"Recommendations (5)": {"The Board to ...": true}}``
    (each item and whether it is ticked); read as JSON text, the items would run together as
    one line of braces and "true"s.  A tick is the team's progress, not the item's words."""
    out: list[tuple[str, list[str]]] = []
    for header, lines in fields:
        cell = " ".join(lines)
        checklists = None
        if cell.startswith("{") and cell.endswith("}"):
            with contextlib.suppress(ValueError):
                checklists = json.loads(cell)
        if isinstance(checklists, dict) and checklists and all(
                isinstance(items, dict) and all(isinstance(v, bool) for v in items.values())
                for items in checklists.values()):
            out += [(str(name), [f"- {item}" for item in items]) for name, items in checklists.items()]
        elif cell not in ("{}", "[]"):  # (an empty object or list: no checklist, no words)
            out.append((header, lines))
    return out


def _checkbox_fields(fields: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A form's checkbox question as one field of the options ticked: REDCap's labelled export
    writes a column per option, "Agencies named (choice=Police)", each "Checked" or "Unchecked";
    read as "Agencies named: Police; GP", an unticked option is no word of the record (its
    column's name is, and would be read as said).  Other fields are as they were."""
    out: list[tuple[str, list[str]]] = []
    ticked: dict[str, list[str]] = {}
    for header, lines in fields:
        if option := _CHOICE_COLUMN.match(header):
            if option["question"] not in ticked:
                ticked[option["question"]] = []
                out.append((option["question"], ticked[option["question"]]))
            if " ".join(lines).strip().lower() == "checked":
                ticked[option["question"]].append(option["choice"])
        else:
            out.append((header, lines))
    return [(h, (["; ".join(lines)] if lines else []) if h in ticked else lines) for h, lines in out]


#: A checkbox option's column in REDCap's labelled export: "Agencies named (choice=Police)".
_CHOICE_COLUMN = re.compile(r"^(?P<question>.+?)\s*\(choice=(?P<choice>[^()]+)\)$")
#: A form tool's own columns (Google Forms', Microsoft Forms'): when and by whom a response
#: came, no word of the review (a timestamp's date would be read as the review's).
_FORM_PLUMBING = re.compile(r"^(?:timestamp|e-?mail(?:\s+address)?|start\s+time|completion\s+time|"
                            r"last\s+modified\s+time|ip\s+address|respondent\s+id|collector\s+id)$", re.I)
#: A line that is a point of a list already: "- ...", "• ...", "1) ...", "2. ...", "(a) ...".
_LIST_MARK = re.compile(r"^(?:[-•*–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
#: A continuation row's text that starts a part of its own (:func:`_continued_rows`): a list's
#: point, as :data:`_LIST_MARK` tells one, or a label ("Lessons: (a) ...").
_CELL_PART = re.compile(rf"{_LIST_MARK.pattern}|[A-Z][\w ]{{0,30}}:\s")
#: A header's note in brackets, which does not change what the column is: "Review title (as
#: published)" is the review's title.
_UNQUALIFIED = re.compile(r"\s*\([^()]*\)\s*$")


_CANONICAL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


#: Words of a body that publishes reviews, in a logo's alternative text or a site's name.
_PUBLISHING_BODY = re.compile(r"\b(?:Safeguarding|Partnership|Board|Committee|Council)\b")
#: A footer's line that names who publishes the site: "Published by ...", "© 2024 ...".
PUBLISHED_BY = re.compile(r"^\s*(?:Published\s+by|Produced\s+by|©|\(c\)|Copyright)\s*(?:(?:19|20)\d\d\s*)?"
                          r"(?P<body>[^.·|]{4,120})", re.I)


def publisher_of(markup: str) -> str | None:
    """Who publishes a saved web page, as its chrome says: the site's name (``og:site_name``),
    its logo's alternative text ("Stockport Safeguarding Children Partnership logo"), or its
    footer's "Published by ..." / "© ..." line; None if none names a body.  The page's text
    drops this chrome (ingest.markup), and with it, on a partnership's own list of reviews, the
    only place that names the area.  (Read with patterns, not a second parse of the page: a
    large page's parse is most of its reading time.)"""
    import html

    candidates = [m[1] for m in _SITE_NAME.finditer(markup)]
    candidates += [m[1] for m in itertools.islice(_IMG_ALT.finditer(markup), 5)]
    candidates = [html.unescape(c) for c in candidates if _PUBLISHING_BODY.search(html.unescape(c))]
    for footer in _FOOTER.finditer(markup):
        for line in html.unescape(re.sub(r"<[^>]+>", "\n", footer[1])).split("\n"):
            if m := PUBLISHED_BY.match(line) or _BODY_LINE.match(line):
                candidates.append(m["body"])
    return next((" ".join(c.split()) for c in candidates), None)


_SITE_NAME = re.compile(r"""<meta\b[^>]*\bproperty\s*=\s*["']og:site_name["'][^>]*"""
                        r"""\bcontent\s*=\s*["']([^"']*)""", re.I)
_IMG_ALT = re.compile(r"""<img\b[^>]*\balt\s*=\s*["']([^"']*)["']""", re.I)
_FOOTER = re.compile(r"<footer\b[^>]*>(.*?)</footer>", re.I | re.S)
#: (session 73) A footer's line that opens with a safeguarding body's name, then the site's
#: details: "Norfolk Safeguarding Children Partnership · Registered office: County Hall".
_BODY_LINE = re.compile(r"^\s*(?P<body>(?-i:[A-Z])[^.·|,]{2,80}?\bSafeguarding\s+(?:Children(?:['’]s)?\s+)?"
                        r"(?:Partnership|Board)|(?-i:[A-Z])[^.·|,]{2,60}?\bChild\s+Protection\s+Committee)\b",
                        re.I)


def canonical_url(markup: str) -> str | None:
    """The page's own address from ``<link rel="canonical">`` (or ``og:url``), when it is an
    absolute http(s) URL that is also a valid IRI; a relative or odd one is left out, never
    guessed at."""
    from bs4 import BeautifulSoup

    head = BeautifulSoup(markup, "html.parser")
    found = [tag.get("href") for tag in head.find_all("link", href=True)
             if "canonical" in [r.lower() for r in (tag.get("rel") or [])]]
    found += [tag.get("content") for tag in head.find_all("meta", attrs={"property": "og:url"})]
    for url in found:
        if isinstance(url, str) and _CANONICAL.match(url.strip()):
            return url.strip()
    return None


def _read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing anything that is not a regular file of at most
    ``max_bytes``, decided before the content is read (a 2 GB dump or ``/dev/zero`` never gets
    loaded into memory).  The read itself is bounded too, in case the file grows meanwhile.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise CasegraphError("cannot read: broken symbolic link (its target does not exist)",
                                 path) from None
        raise CasegraphError("cannot read: no such file", path) from None
    except OSError as exc:
        raise CasegraphError(f"cannot read: {exc.strerror}", path) from None
    if stat.S_ISDIR(st.st_mode):
        raise CasegraphError("is a directory, not a source file", path)
    if not stat.S_ISREG(st.st_mode):
        raise CasegraphError("not a regular file (device, pipe or socket)", path)
    if st.st_size > max_bytes:
        raise CasegraphError(f"file is {st.st_size} bytes, above the {max_bytes}-byte limit "
                             "(split the page or raise --max-bytes)", path)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise CasegraphError(f"cannot read: {exc.strerror}", path) from None
    if len(data) > max_bytes:
        raise CasegraphError(f"file grew above the {max_bytes}-byte limit while being read", path)
    return data


@dataclass(frozen=True)
class _Reader:
    """How a kind of file becomes text: its converter, its media type, and what could not be
    done when it fails ("cannot read as JSON: ...", "cannot decode the e-mail's text: ...")."""

    convert: Callable[[str, str], str]  # (raw text, suffix) -> text
    media: str
    what: str
    records: bool = False  # each record titled on the line under its RECORD_MARK


def _bytes(raw: str) -> bytes:
    """A binary data export's bytes again (:data:`binaries.DATA_SUFFIXES` are read as Latin-1)."""
    return raw.encode("latin-1")


def _table(raw: str, suffix: str) -> str:
    """A spreadsheet's rows: tab-separated under ``.tsv`` and when saved as text (``.txt``,
    ``.xls``, see :func:`_is_tab_table`), else by the delimiter a CSV's header uses."""
    table = normalise_newlines(raw)
    tabbed = suffix in (".tsv", ".txt", *EXCEL_EXPORT_SUFFIXES)
    return table_to_text(table, "\t" if tabbed else _csv_delimiter(table))


def _warc_to_text(raw: str) -> str:
    """A web archive's captured pages (see :func:`_pages_text`)."""
    return _pages_text(warc_pages(raw))


def _pages_text(pages: list[tuple[str, bool]]) -> str:
    """Captured pages (a web archive's, a browser's), each read as a saved page (HTML) or as
    text, in order."""
    return "\n\n".join(html_to_text(content) if html else normalise_newlines(content)
                       for content, html in pages)


def _word_export_text(raw: str) -> str:
    """A ".doc" written by a tool other than Word 97: RTF when it opens as RTF, else MIME HTML."""
    return rtf_to_text(raw) if raw.lstrip().startswith("{\\rtf") else _mhtml_to_text(raw)


def _mhtml_to_text(raw: str) -> str:
    """A web archive's page: its HTML part read as a saved page (or its text part as text)."""
    content, html = mhtml_part(raw)
    return html_to_text(content) if html else normalise_newlines(content)


#: The readers by suffix; every other suffix read as plain text (HTML is told by its markup).
_READERS: dict[str, _Reader] = {
    **dict.fromkeys(MARKDOWN_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(raw),
                                                 "text/markdown", "read as Markdown")),
    **dict.fromkeys(EMAIL_SUFFIXES, _Reader(lambda raw, _: email_to_text(raw), "message/rfc822",
                                            "decode the e-mail's text")),
    **dict.fromkeys(EMLX_SUFFIXES, _Reader(lambda raw, _: email_to_text(emlx_message(raw)),
                                           "message/rfc822", "decode the e-mail's text")),
    **dict.fromkeys(FEED_SUFFIXES, _Reader(lambda raw, _: xml_to_text(raw), "application/xml",
                                           "read as XML", records=True)),
    **dict.fromkeys(JSON_SUFFIXES, _Reader(
        lambda raw, sfx: json_to_text(raw, lines=sfx in JSON_LINES_SUFFIXES), "application/json",
        "read as JSON", records=True)),
    ".jsonld": _Reader(lambda raw, _: json_to_text(raw, lines=False), "application/ld+json", "read as JSON",
                       records=True),
    **dict.fromkeys(YAML_SUFFIXES, _Reader(lambda raw, _: yaml_to_text(raw), "application/yaml",
                                           "read as YAML", records=True)),
    **dict.fromkeys(CALENDAR_SUFFIXES, _Reader(lambda raw, _: calendar_to_text(raw), "text/calendar",
                                               "read as iCalendar", records=True)),
    **dict.fromkeys(WIKI_SUFFIXES, _Reader(lambda raw, _: wikitext_to_text(normalise_newlines(raw)),
                                           "text/x-wiki", "read as MediaWiki markup")),
    **dict.fromkeys(LATEX_SUFFIXES, _Reader(lambda raw, _: latex_to_text(raw), "application/x-tex",
                                            "read as LaTeX")),
    **dict.fromkeys(MBOX_SUFFIXES, _Reader(lambda raw, _: mbox_to_text(raw), "application/mbox",
                                           "read as a mailbox")),
    **dict.fromkeys(BABYL_SUFFIXES, _Reader(lambda raw, _: babyl_to_text(raw), "application/x-babyl",
                                            "read as an Rmail (Babyl) mailbox")),
    **dict.fromkeys(MMDF_SUFFIXES, _Reader(lambda raw, _: mmdf_to_text(raw), "application/x-mmdf",
                                           "read as an MMDF mailbox")),
    **dict.fromkeys(LITERATE_SUFFIXES, _Reader(lambda raw, _: literate_to_text(raw),
                                               "text/markdown", "read as R Markdown")),
    **dict.fromkeys(ORG_SUFFIXES, _Reader(lambda raw, _: org_to_text(raw), "text/org",
                                          "read as Org")),
    **dict.fromkeys(MUSE_SUFFIXES, _Reader(lambda raw, _: muse_to_text(raw), "text/x-muse",
                                           "read as Emacs Muse")),
    **dict.fromkeys(NOTEBOOK_SUFFIXES, _Reader(lambda raw, _: notebook_to_text(raw),
                                               "application/x-ipynb+json", "read as a notebook")),
    **dict.fromkeys(SQL_SUFFIXES, _Reader(lambda raw, _: sql_to_text(raw), "application/sql",
                                          "read as an SQL dump", records=True)),
    **dict.fromkeys(TOML_SUFFIXES, _Reader(lambda raw, _: toml_to_text(raw), "application/toml",
                                           "read as TOML", records=True)),
    **dict.fromkeys(BSON_SUFFIXES, _Reader(lambda raw, _: _records_text(bson_documents(_bytes(raw))),
                                           "application/bson", "read as BSON (mongodump)", records=True)),
    **dict.fromkeys(STATA_SUFFIXES, _Reader(lambda raw, _: _records_text(stata_records(_bytes(raw))),
                                            "application/x-stata-dta", "read as a Stata data set",
                                            records=True)),
    **dict.fromkeys(RDS_SUFFIXES, _Reader(lambda raw, _: _records_text(rds_data(_bytes(raw))),
                                          "application/x-r-data", "read as R data (saveRDS, save)",
                                          records=True)),
    **dict.fromkeys(SQLITE_SUFFIXES, _Reader(lambda raw, _: _records_text(sqlite_records(_bytes(raw))),
                                             "application/vnd.sqlite3", "read as an SQLite database",
                                             records=True)),
    **dict.fromkeys(SAV_SUFFIXES, _Reader(lambda raw, _: _records_text(sav_records(_bytes(raw))),
                                           "application/x-spss-sav", "read as an SPSS data file",
                                           records=True)),
    **dict.fromkeys(PICKLE_SUFFIXES, _Reader(lambda raw, _: _records_text(pickle_records(_bytes(raw))),
                                             "application/x-pandas-pickle",
                                             "read as a pandas DataFrame pickle (never unpickled)",
                                             records=True)),
    **dict.fromkeys(POR_SUFFIXES, _Reader(lambda raw, _: _records_text(por_records(_bytes(raw))),
                                          "application/x-spss-por", "read as an SPSS portable file",
                                          records=True)),
    **dict.fromkeys(XPORT_SUFFIXES, _Reader(lambda raw, _: _records_text(xport_records(_bytes(raw))),
                                            "application/x-sas-xport", "read as a SAS transport file",
                                            records=True)),
    **dict.fromkeys(SAS7BDAT_SUFFIXES, _Reader(lambda raw, _: _records_text(sas7bdat_records(_bytes(raw))),
                                               "application/x-sas-data", "read as a SAS data set",
                                               records=True)),
    **dict.fromkeys(PG_CUSTOM_SUFFIXES, _Reader(lambda raw, _: sql_to_text(pg_custom_sql(_bytes(raw))),
                                                "application/vnd.postgresql.custom-dump",
                                                "read as a PostgreSQL dump (pg_dump -Fc)", records=True)),
    **dict.fromkeys(MPX_SUFFIXES, _Reader(lambda raw, _: mpx_text(_bytes(raw)), "application/vnd.ms-project",
                                          "read as an MPX project file")),
    **dict.fromkeys(DBF_SUFFIXES, _Reader(lambda raw, _: _records_text(dbf_records(_bytes(raw))),
                                          "application/x-dbf", "read as a dBASE table", records=True)),
    **dict.fromkeys(PARADOX_SUFFIXES, _Reader(lambda raw, _: _records_text(paradox_records(_bytes(raw))),
                                              "application/x-paradox", "read as a Paradox table",
                                              records=True)),
    **dict.fromkeys(DUCKDB_SUFFIXES, _Reader(lambda raw, _: _records_text(duckdb_records(_bytes(raw))),
                                             "application/vnd.duckdb", "read as a DuckDB database",
                                             records=True)),
    **dict.fromkeys(HYPER_SUFFIXES, _Reader(lambda raw, _: _records_text(hyper_records(_bytes(raw))),
                                            "application/vnd.tableau.hyper",
                                            "read as a Tableau Hyper extract",
                                            records=True)),
    **dict.fromkeys(PARQUET_SUFFIXES, _Reader(lambda raw, _: _records_text(parquet_records(_bytes(raw))),
                                              "application/vnd.apache.parquet", "read as a Parquet file",
                                              records=True)),
    **dict.fromkeys(QVD_SUFFIXES, _Reader(lambda raw, _: _records_text(qvd_records(_bytes(raw))),
                                          "application/x-qlikview-data", "read as a QlikView data file",
                                          records=True)),
    **dict.fromkeys(ODB_SUFFIXES, _Reader(lambda raw, _: _records_text(odb_records(_bytes(raw))), ODB_MEDIA,
                                          "read as a LibreOffice Base database", records=True)),
    **dict.fromkeys(FEATHER_SUFFIXES, _Reader(lambda raw, _: _records_text(feather_records(_bytes(raw))),
                                              "application/vnd.apache.arrow.file",
                                              "read as a Feather (Arrow IPC) file", records=True)),
    **dict.fromkeys(FLATGEOBUF_SUFFIXES, _Reader(
        lambda raw, _: _titled_records(*flatgeobuf_records(_bytes(raw))), "application/flatgeobuf",
        "read as a FlatGeobuf file")),
    **dict.fromkeys(ORC_SUFFIXES, _Reader(lambda raw, _: _records_text(orc_records(_bytes(raw))),
                                          "application/vnd.apache.orc", "read as an ORC file", records=True)),
    **dict.fromkeys(XMIND_SUFFIXES, _Reader(lambda raw, _: _xmind_text(xmind_content(_bytes(raw))),
                                            "application/vnd.xmind.workbook", "read as an XMind map")),
    **dict.fromkeys(ABIWORD_PACKED_SUFFIXES, _Reader(lambda raw, _: xml_to_text(abiword_xml(_bytes(raw))),
                                                     "application/x-abiword", "read as an AbiWord document")),
    **dict.fromkeys(KWORD_SUFFIXES, _Reader(lambda raw, _: xml_to_text(kword_xml(_bytes(raw))),
                                            "application/x-kword", "read as a KWord document")),
    **dict.fromkeys(GNUMERIC_SUFFIXES, _Reader(lambda raw, _: xml_to_text(gnumeric_xml(_bytes(raw))),
                                               "application/x-gnumeric", "read as a Gnumeric workbook")),
    **dict.fromkeys(CBZ_SUFFIXES, _Reader(lambda raw, _: comic_text(_bytes(raw)),
                                          "application/vnd.comicbook+zip",
                                          "read as a comic book archive's ComicInfo")),
    **dict.fromkeys(KMZ_SUFFIXES, _Reader(lambda raw, _: xml_to_text(kmz_kml(_bytes(raw))),
                                          "application/vnd.google-earth.kmz", "read as a KMZ map",
                                          records=True)),
    **dict.fromkeys(HDF5_SUFFIXES, _Reader(lambda raw, _: _records_text(hdf5_records(_bytes(raw))),
                                           "application/x-hdf5", "read as an HDF5 file", records=True)),
    **dict.fromkeys(AVRO_SUFFIXES, _Reader(lambda raw, _: _records_text(avro_records(_bytes(raw))),
                                           "application/avro", "read as an Avro file", records=True)),
    **dict.fromkeys(IDML_SUFFIXES, _Reader(lambda raw, _: html_to_text(idml_html(_bytes(raw))),
                                           "application/vnd.adobe.indesign-idml-package",
                                           "read as an InDesign IDML package")),
    **dict.fromkeys(EPUB_SUFFIXES, _Reader(lambda raw, _: html_to_text(epub_html(_bytes(raw))),
                                           "application/epub+zip", "read as an EPUB e-book")),
    **dict.fromkeys(HTMLZ_SUFFIXES, _Reader(lambda raw, _: html_to_text(htmlz_html(_bytes(raw))),
                                            "application/zip", "read as an HTMLZ e-book")),
    **dict.fromkeys(TXTZ_SUFFIXES, _Reader(lambda raw, _: _txtz_page(_bytes(raw)), "application/zip",
                                           "read as a TXTZ e-book")),
    **dict.fromkeys(PMLZ_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(pml_markdown(pmlz_pml(
        _bytes(raw)))), "application/zip", "read as a PMLZ e-book")),
    **dict.fromkeys(CHM_SUFFIXES, _Reader(lambda raw, _: _pages_text([(page, True)
                                                                      for page in chm_pages(_bytes(raw))]),
                                          "application/vnd.ms-htmlhelp", "read as a compiled HTML help")),
    **dict.fromkeys(MATROSKA_SUFFIXES, _Reader(lambda raw, _: captions_as_text(matroska_text(_bytes(raw))),
                                               "video/x-matroska", "read as a Matroska video's subtitles")),
    **{suffix: _Reader(lambda raw, _: audio_text(_bytes(raw)), media, "read as an audio file's tags")
       for suffix, media in AUDIO_MEDIA.items()},
    **dict.fromkeys(SAMI_SUFFIXES, _Reader(lambda raw, _: captions_as_text(sami_captions(raw)),
                                           "application/x-sami", "read as SAMI captions")),
    **{suffix: _Reader(lambda raw, _: _mp4_page(_bytes(raw)), media,
                       "read as an MP4 video's captions, chapters and tags")
       for suffix, media in MP4_VIDEO_MEDIA.items()},
    **dict.fromkeys(BRF_SUFFIXES, _Reader(lambda raw, _: brf_text(raw), BRF_MEDIA,
                                          "read as a braille file (Braille ASCII)")),
    **dict.fromkeys(SCC_SUFFIXES, _Reader(lambda raw, _: captions_as_text(scc_captions(raw)),
                                          "text/x-scc", "read as Scenarist captions")),
    **dict.fromkeys(LIT_SUFFIXES, _Reader(lambda raw, _: html_to_text(lit_html(_bytes(raw))),
                                          "application/x-ms-reader", "read as a Microsoft Reader e-book")),
    **dict.fromkeys(JPEG_SUFFIXES, _Reader(lambda raw, _: photo_text(_bytes(raw)), JPEG_MEDIA,
                                           "read as a photograph's caption")),
    **dict.fromkeys(PNG_SUFFIXES, _Reader(lambda raw, _: png_text(_bytes(raw)), PNG_MEDIA,
                                          "read as a PNG image's text")),
    **dict.fromkeys(TIFF_SUFFIXES, _Reader(lambda raw, _: tiff_text(_bytes(raw)), TIFF_MEDIA,
                                           "read as a TIFF image's tags")),
    **dict.fromkeys(WEBP_SUFFIXES, _Reader(lambda raw, _: webp_text(_bytes(raw)), WEBP_MEDIA,
                                           "read as a WebP image's metadata")),
    **dict.fromkeys(GIF_SUFFIXES, _Reader(lambda raw, _: gif_text(_bytes(raw)), GIF_MEDIA,
                                          "read as a GIF image's metadata")),
    **dict.fromkeys(JP2_SUFFIXES, _Reader(lambda raw, _: jp2_text(_bytes(raw)), JP2_MEDIA,
                                          "read as a JPEG 2000 image's metadata")),
    **dict.fromkeys(JXL_SUFFIXES, _Reader(lambda raw, _: jxl_text(_bytes(raw)), JXL_MEDIA,
                                          "read as a JPEG XL image's metadata")),
    **dict.fromkeys(WAV_SUFFIXES, _Reader(lambda raw, _: wav_text(_bytes(raw)), WAV_MEDIA,
                                          "read as a WAV file's tags")),
    **dict.fromkeys(AVI_SUFFIXES, _Reader(lambda raw, _: avi_text(_bytes(raw)), AVI_MEDIA,
                                          "read as an AVI video's tags")),
    **dict.fromkeys(CAF_SUFFIXES, _Reader(lambda raw, _: caf_text(_bytes(raw)), CAF_MEDIA,
                                          "read as a CAF recording's tags")),
    **dict.fromkeys(FLV_SUFFIXES, _Reader(lambda raw, _: flv_text(_bytes(raw)), FLV_MEDIA,
                                          "read as a Flash video's metadata")),
    **dict.fromkeys(MXF_SUFFIXES, _Reader(lambda raw, _: mxf_text(_bytes(raw)), MXF_MEDIA,
                                          "read as an MXF master's user comments")),
    **{suffix: _Reader(lambda raw, _: realmedia_text(_bytes(raw)), media, "read as a RealMedia file's header")
       for suffix, media in REALMEDIA_MEDIA.items()},
    **dict.fromkeys(AIFF_SUFFIXES, _Reader(lambda raw, _: aiff_text(_bytes(raw)), AIFF_MEDIA,
                                           "read as an AIFF recording's tags")),
    **dict.fromkeys(AVIF_SUFFIXES, _Reader(lambda raw, _: avif_text(_bytes(raw)), AVIF_MEDIA,
                                           "read as an AVIF image's metadata")),
    **dict.fromkeys(HEIC_SUFFIXES, _Reader(lambda raw, _: heic_text(_bytes(raw)), HEIC_MEDIA,
                                           "read as a HEIC image's metadata")),
    **dict.fromkeys(PSD_SUFFIXES, _Reader(lambda raw, _: psd_text(_bytes(raw)), PSD_MEDIA,
                                          "read as a Photoshop document's metadata")),
    **dict.fromkeys(XCF_SUFFIXES, _Reader(lambda raw, _: xcf_text(_bytes(raw)), XCF_MEDIA,
                                          "read as a GIMP image's comment and text layers")),
    **dict.fromkeys(WTV_SUFFIXES, _Reader(lambda raw, _: wtv_text(_bytes(raw)), WTV_MEDIA,
                                          "read as a Windows TV recording's attributes")),
    **dict.fromkeys(LRF_SUFFIXES, _Reader(lambda raw, _: html_to_text(lrf_html(_bytes(raw))),
                                          "application/x-sony-bbeb", "read as a Sony Reader e-book")),
    **dict.fromkeys(ROCKET_SUFFIXES, _Reader(lambda raw, _: html_to_text(rocket_html(_bytes(raw))),
                                             "application/x-nuvomedia-rocket-ebook",
                                             "read as a Rocket eBook")),
    **dict.fromkeys(SNB_SUFFIXES, _Reader(lambda raw, _: _plain_text(snb_text(_bytes(raw)), ".txt"),
                                          SNB_MEDIA, "read as a Bambook e-book")),
    **dict.fromkeys(TCR_SUFFIXES, _Reader(lambda raw, _: _plain_text(tcr_text(_bytes(raw)), ".txt"),
                                          "application/x-psion-tcr", "read as a Psion TCR e-text")),
    **dict.fromkeys(PALM_SUFFIXES, _Reader(lambda raw, _: _palm_page(_bytes(raw)), "application/vnd.palm",
                                           "read as a Palm e-book")),
    **dict.fromkeys(MOBI_SUFFIXES, _Reader(lambda raw, _: html_to_text(mobi_html(_bytes(raw))),
                                           "application/x-mobipocket-ebook", "read as a Mobipocket e-book")),
    **dict.fromkeys(XLSX_SUFFIXES, _Reader(lambda raw, _: _sheets_text(xlsx_sheets(_bytes(raw))),
                                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                           "read as an Excel workbook")),
    **dict.fromkeys(SOCIALCALC_SUFFIXES, _Reader(lambda raw, _: _sheets_text(socialcalc_sheets(raw)),
                                                 "application/x-socialcalc", "read as a SocialCalc sheet")),
    **dict.fromkeys(LOTUS_SUFFIXES, _Reader(lambda raw, _: _sheets_text(lotus_sheets(_bytes(raw))),
                                            "application/vnd.lotus-1-2-3",
                                            "read as a Lotus 1-2-3 worksheet")),
    **dict.fromkeys(XLSB_SUFFIXES, _Reader(lambda raw, _: _sheets_text(xlsb_sheets(_bytes(raw))),
                                           "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
                                           "read as an Excel binary workbook")),
    **dict.fromkeys(XLS_SUFFIXES, _Reader(lambda raw, _: _sheets_text(xls_sheets(_bytes(raw))),
                                          "application/vnd.ms-excel", "read as an Excel 97-2003 workbook")),
    **dict.fromkeys(NUMBERS_SUFFIXES, _Reader(lambda raw, _: _sheets_text(numbers_sheets(_bytes(raw))),
                                              "application/vnd.apple.numbers", "read as a Numbers workbook")),
    **dict.fromkeys(PPTX_SUFFIXES, _Reader(lambda raw, _: html_to_text(pptx_html(_bytes(raw))),
                                           "application/vnd.openxmlformats-officedocument.presentationml"
                                           ".presentation", "read as a PowerPoint deck")),
    **dict.fromkeys(EMF_SUFFIXES, _Reader(lambda raw, _: html_to_text(emf_html(_bytes(raw))), "image/emf",
                                          "read as an Enhanced Metafile")),
    **dict.fromkeys(WMF_SUFFIXES, _Reader(lambda raw, _: html_to_text(wmf_html(_bytes(raw))), "image/wmf",
                                          "read as a Windows Metafile")),
    **dict.fromkeys(PPT_SUFFIXES, _Reader(lambda raw, _: html_to_text(ppt_html(_bytes(raw))),
                                          "application/vnd.ms-powerpoint",
                                          "read as a PowerPoint 97-2003 deck")),
    **dict.fromkeys(H5P_SUFFIXES, _Reader(lambda raw, _: _h5p_text(*h5p_package(_bytes(raw))),
                                          "application/zip", "read as an H5P package")),
    **dict.fromkeys(QDPX_SUFFIXES, _Reader(lambda raw, _: xml_to_text(qdpx_project(_bytes(raw))),
                                           "application/x-refi-qdpx", "read as a REFI-QDA project",
                                           records=True)),
    **dict.fromkeys(MSG_SUFFIXES, _Reader(lambda raw, _: email_to_text(msg_email(_bytes(raw))),
                                          "application/vnd.ms-outlook", "read as an Outlook message")),
    **dict.fromkeys(WACZ_SUFFIXES, _Reader(lambda raw, _: _warc_to_text(wacz_warcs(_bytes(raw))),
                                           "application/wacz", "read as a web archive collection (WACZ)")),
    **dict.fromkeys(CARTRIDGE_SUFFIXES, _Reader(
        lambda raw, _: _pages_text([(page, True) for page in cartridge_pages(_bytes(raw))]),
        "application/vnd.ims.imsccv1p1", "read as a Common Cartridge")),
    **dict.fromkeys(MOODLE_SUFFIXES, _Reader(
        lambda raw, _: _pages_text([(page, True) for page in moodle_pages(_bytes(raw))]),
        "application/x-moodle-backup", "read as a Moodle backup")),
    **dict.fromkeys(SUBTITLE_SUFFIXES, _Reader(lambda raw, _: subtitles_to_text(raw), "text/x-ssa",
                                               "read as subtitles (Advanced SubStation Alpha)")),
    **dict.fromkeys(RTF_SUFFIXES, _Reader(lambda raw, _: rtf_to_text(raw), "text/rtf",
                                          "read as Rich Text Format")),
    **dict.fromkeys(GETTEXT_SUFFIXES, _Reader(lambda raw, _: gettext_to_text(raw),
                                              "text/x-gettext-translation", "read as a gettext catalogue")),
    **dict.fromkeys(GETTEXT_MO_SUFFIXES, _Reader(lambda raw, _: gettext_mo_text(_bytes(raw)),
                                                 "application/x-gettext-translation",
                                                 "read as a compiled gettext catalogue (.mo)")),
    **dict.fromkeys(MHTML_SUFFIXES, _Reader(lambda raw, _: _mhtml_to_text(raw), "multipart/related",
                                            "read as a web archive (MHTML)")),
    **dict.fromkeys(TEXINFO_SUFFIXES, _Reader(lambda raw, _: texinfo_to_text(raw), "text/x-texinfo",
                                              "read as Texinfo")),
    **dict.fromkeys(INFO_SUFFIXES, _Reader(lambda raw, _: _plain_text(info_to_text(raw), ".txt"),
                                           "text/x-info", "read as a GNU Info file")),
    **dict.fromkeys(TEXTILE_SUFFIXES, _Reader(lambda raw, _: textile_to_text(raw), "text/x-textile",
                                              "read as Textile")),
    **dict.fromkeys(TROFF_SUFFIXES, _Reader(lambda raw, _: troff_to_text(raw), "text/troff",
                                            "read as troff")),
    **dict.fromkeys(TURTLE_SUFFIXES, _Reader(lambda raw, _: _records_text(turtle_records(raw)),
                                             "text/turtle", "read as Turtle", records=True)),
    **dict.fromkeys(NTRIPLES_SUFFIXES, _Reader(lambda raw, _: _records_text(turtle_records(raw)),
                                               "application/n-triples", "read as N-Triples", records=True)),
    **dict.fromkeys(N3_SUFFIXES, _Reader(lambda raw, _: _records_text(n3_records(raw)), "text/n3",
                                         "read as Notation3", records=True)),
    **dict.fromkeys(APPLIX_SUFFIXES, _Reader(lambda raw, _: html_to_text(applix_words_html(raw)),
                                             "application/x-applix-word", "read as Applix Words")),
    **dict.fromkeys(ANKI_SUFFIXES, _Reader(lambda raw, _: html_to_text(anki_html(_bytes(raw))),
                                           "application/vnd.anki", "read as an Anki deck package")),
    **dict.fromkeys(JOPLIN_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(joplin_markdown(_bytes(raw))),
                                             "application/x-tar", "read as a Joplin export")),
    **dict.fromkeys(FB2_SUFFIXES, _Reader(lambda raw, _: xml_to_text(raw), "application/x-fictionbook+xml",
                                          "read as a FictionBook e-book")),
    **dict.fromkeys(TRIG_SUFFIXES, _Reader(lambda raw, _: _records_text(dataset_records(raw, "trig")),
                                           "application/trig", "read as TriG", records=True)),
    **dict.fromkeys(NQUADS_SUFFIXES, _Reader(lambda raw, _: _records_text(dataset_records(raw, "n-quads")),
                                             "application/n-quads", "read as N-Quads", records=True)),
    **dict.fromkeys(TASKPAPER_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(taskpaper_markdown(raw)),
                                                "text/x-taskpaper", "read as a TaskPaper list")),
    **dict.fromkeys(TIDDLER_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(tiddler_markdown(raw)),
                                              "text/vnd.tiddlywiki", "read as a TiddlyWiki tiddler")),
    **dict.fromkeys(HOCR_SUFFIXES, _Reader(lambda raw, _: hocr_text(raw), "text/vnd.hocr+html",
                                           "read as OCR output (hOCR)")),
    **dict.fromkeys(PLIST_SUFFIXES, _Reader(lambda raw, _: _records_text(plist_data(raw)),
                                            "application/x-plist", "read as a property list", records=True)),
    **dict.fromkeys(EDN_SUFFIXES, _Reader(lambda raw, _: _records_text(edn_data(raw)), "application/edn",
                                          "read as EDN", records=True)),
    **dict.fromkeys(REC_SUFFIXES, _Reader(lambda raw, _: _records_text(rec_records(raw)), "text/x-recfile",
                                          "read as a recutils database", records=True)),
    **dict.fromkeys(TEXTPROTO_SUFFIXES, _Reader(lambda raw, _: _records_text(textproto_data(raw)),
                                                "text/x-protobuf", "read as protobuf text", records=True)),
    **dict.fromkeys(GEMINI_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(gemtext_markdown(raw)),
                                             "text/gemini", "read as a Gemini page")),
    **dict.fromkeys(REFER_SUFFIXES, _Reader(lambda raw, _: _records_text(refer_records(raw)),
                                            "application/x-endnote-refer", "read as a refer (EndNote) export",
                                            records=True)),
    **dict.fromkeys(RIS_SUFFIXES, _Reader(lambda raw, _: _records_text(ris_records(raw)),
                                         "application/x-research-info-systems", "read as a RIS export",
                                         records=True)),
    **dict.fromkeys(ISI_SUFFIXES, _Reader(lambda raw, _: _records_text(isi_records(raw)),
                                         "application/x-isi-export-format", "read as an ISI export",
                                         records=True)),
    **dict.fromkeys(BBL_SUFFIXES, _Reader(lambda raw, _: _records_text(bbl_records(raw)),
                                         "application/x-biblatex-bbl", "read as a biber bibliography",
                                         records=True)),
    **dict.fromkeys(BIB_SUFFIXES, _Reader(lambda raw, _: _records_text(bibtex_records(raw)),
                                         "application/x-bibtex", "read as a BibTeX database",
                                         records=True)),
    **dict.fromkeys(PYTHON_DATA_SUFFIXES, _Reader(lambda raw, _: _records_text(python_data(raw)),
                                                  "text/x-python", "read as a Python data module",
                                                  records=True)),
    **dict.fromkeys(R_DATA_SUFFIXES, _Reader(lambda raw, _: _records_text(r_data(raw)), "text/x-r",
                                             "read as R's dput() data", records=True)),
    **dict.fromkeys(X_ARCHIVE_SUFFIXES, _Reader(lambda raw, _: _records_text(x_archive_threads(raw)),
                                                "text/javascript", "read as an X archive's tweets",
                                                records=True)),
    **dict.fromkeys(ARC_SUFFIXES, _Reader(lambda raw, _: _pages_text(arc_pages(raw)),
                                          "application/x-internet-archive", "read as an ARC web archive")),
    **dict.fromkeys(WARC_SUFFIXES, _Reader(lambda raw, _: _warc_to_text(raw), "application/warc",
                                           "read as a web archive (WARC)")),
    **dict.fromkeys(TYPST_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(typst_markdown(raw)),
                                            "text/x-typst", "read as Typst")),
    **dict.fromkeys(PML_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(pml_markdown(raw)),
                                          "text/x-pml", "read as Palm Markup Language")),
    **dict.fromkeys(TEXTGRID_SUFFIXES, _Reader(lambda raw, _: captions_as_text(textgrid_captions(raw)),
                                               "text/x-praat-textgrid", "read as a Praat TextGrid")),
    **dict.fromkeys(FFMETADATA_SUFFIXES, _Reader(lambda raw, _: ffmetadata_text(raw), FFMETADATA_MEDIA,
                                                 "read as an FFmpeg metadata file")),
    **dict.fromkeys(LRC_SUFFIXES, _Reader(lambda raw, _: captions_as_text(lrc_captions(raw)), "text/x-lrc",
                                          "read as an LRC transcript")),
    # (session 79) a ".sub" file that is not MicroDVD (SubViewer's text) is read as plain text,
    # as it was before the suffix was known
    **dict.fromkeys(MICRODVD_SUFFIXES, _Reader(lambda raw, _: captions_as_text(microdvd_captions(raw))
                                               if is_microdvd(raw) else _plain_text(raw, ".txt"),
                                               "text/x-microdvd", "read as MicroDVD captions")),
    **dict.fromkeys(ASCIIDOC_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(asciidoc_markdown(raw)),
                                               "text/asciidoc", "read as AsciiDoc")),
    **dict.fromkeys(MDX_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(mdx_markdown(raw)),
                                          "text/mdx", "read as MDX")),
    **dict.fromkeys(MERMAID_SUFFIXES, _Reader(lambda raw, _: markdown_to_text(mermaid_markdown(raw)),
                                              "text/vnd.mermaid", "read as a Mermaid diagram")),
    ".lyx": _Reader(lambda raw, _: markdown_to_text(lyx_markdown(raw)), "application/x-lyx", "read as LyX"),
    ".fountain": _Reader(lambda raw, _: markdown_to_text(fountain_markdown(raw)), "text/x-fountain",
                         "read as a Fountain script"),
    ".fdx": _Reader(lambda raw, _: markdown_to_text(fountain_markdown(final_draft_fountain(raw))),
                    "application/x-final-draft", "read as a Final Draft script"),
    **dict.fromkeys((".twee", ".tw"), _Reader(lambda raw, _: markdown_to_text(twee_markdown(raw)),
                                             "text/x-twee", "read as a Twine story (Twee)")),
    ".mjml": _Reader(lambda raw, _: html_to_text(mjml_html(raw)), "text/x-mjml", "read as an MJML e-mail"),
    ".canvas": _Reader(lambda raw, _: markdown_to_text(canvas_markdown(raw)), "application/x-canvas+json",
                       "read as a JSON Canvas board"),
    **dict.fromkeys(TEMPLATE_SUFFIXES, _Reader(lambda raw, _: html_to_text(nunjucks_html(raw)),
                                               "text/x-nunjucks", "read as a Nunjucks template")),
    **dict.fromkeys(ARFF_SUFFIXES, _Reader(lambda raw, _: _records_text(arff_records(raw)),
                                           "text/x-arff", "read as a Weka dataset (ARFF)", records=True)),
    **dict.fromkeys(SPSS_SUFFIXES, _Reader(lambda raw, _: _records_text(spss_records(raw)),
                                           "application/x-spss-sps", "read as SPSS syntax", records=True)),
    **dict.fromkeys(CYPHER_SUFFIXES, _Reader(lambda raw, _: _records_text(cypher_records(raw)),
                                             "application/x-cypher-query", "read as Cypher", records=True)),
    **dict.fromkeys(FDF_SUFFIXES, _Reader(lambda raw, _: _records_text(fdf_records(raw)),
                                          "application/vnd.fdf", "read as form data (FDF)", records=True)),
    **dict.fromkeys(NOWEB_SUFFIXES, _Reader(lambda raw, _: latex_to_text(noweb_latex(raw)),
                                            "application/x-tex", "read as Sweave/knitr LaTeX")),
    **dict.fromkeys(MARC_MNEMONIC_SUFFIXES, _Reader(lambda raw, _: _records_text(marc_mnemonic_records(raw)),
                                                    "application/marc", "read as MARC (MarcEdit mnemonic)",
                                                    records=True)),
    **dict.fromkeys(MARC_TRANSMISSION_SUFFIXES, _Reader(
        lambda raw, _: _records_text(marc_transmission_records(raw)), "application/marc",
        "read as MARC 21 (ISO 2709)", records=True)),
    **dict.fromkeys(CONLLU_SUFFIXES, _Reader(lambda raw, _: conllu_text(raw), "text/x-conllu",
                                             "read as CoNLL-U")),
    ".slk": _Reader(lambda raw, _: _rows_table(sylk_rows(raw)), "application/x-sylk", "read as SYLK"),
    ".sylk": _Reader(lambda raw, _: _rows_table(sylk_rows(raw)), "application/x-sylk", "read as SYLK"),
    ".dif": _Reader(lambda raw, _: _rows_table(dif_rows(raw)), "application/x-dif", "read as DIF"),
    ".rpt": _Reader(lambda raw, _: _rows_table(fixed_width_rows(raw)), "text/x-sql-results",
                    "read as a query tool's results (fixed-width columns)"),
    **dict.fromkeys(WORD_EXPORT_SUFFIXES, _Reader(lambda raw, _: _word_export_text(raw), "application/msword",
                                                  "read as a Word export (MIME HTML or RTF)")),
    ".item": _Reader(lambda raw, _: html_to_text(sitecore_item_html(raw)), "application/x-sitecore-item",
                     "read as a Sitecore item"),
    ".log": _Reader(lambda raw, _: _records_text(scrapy_items(raw)), "text/x-scrapy-log",
                    "read as a Scrapy crawl log", records=True),
    ".csv": _Reader(_table, "text/csv", "read as CSV"),
    **dict.fromkeys(SAS_LISTING_SUFFIXES, _Reader(lambda raw, _: _sas_listing_text(raw), "text/x-sas-listing",
                                                  "read as a SAS listing", records=True)),
    **dict.fromkeys(R_TRANSCRIPT_SUFFIXES, _Reader(lambda raw, _: _plain_text(r_transcript_text(raw), ".txt"),
                                                   "text/x-r-transcript", "read as an R transcript")),
    **dict.fromkeys(SMCL_SUFFIXES, _Reader(lambda raw, _: _plain_text(smcl_text(raw), ".txt"),
                                           "application/x-stata-smcl", "read as a Stata log (SMCL)")),
    ".tsv": _Reader(_table, "text/tab-separated-values", "read as TSV"),
    **dict.fromkeys(EXCEL_EXPORT_SUFFIXES, _Reader(_table, "text/tab-separated-values",
                                                   "read as an Excel text export")),
}


#: (session 75) A Google Alerts e-mail saved as text: its news stories, one record each
#: (:func:`casegraph.ingest.captures.alert_items`), known by its content whatever its name.
_ALERT_READER = _Reader(lambda raw, _: _records_text(alert_items(raw)), "text/x-google-alerts",
                        "read as a Google Alerts e-mail", records=True)

#: The media types whose records are titled on the line under their RECORD_MARK (a CSV's rows
#: are named by their cells, and read by the parser's rules for records).
RECORD_MEDIA = frozenset(r.media for r in [*_READERS.values(), _ALERT_READER] if r.records)
#: The media types of spreadsheets' exports (CSV, TSV, SYLK, DIF) and workbooks (Numbers, and
#: (session 68) Excel's, .xls and .xlsx), whose rows ``table_to_text`` lays out as records, each
#: named by its name cell; and (session 70) OpenDocument spreadsheets and their templates, read
#: as office packages (a board's SCR log kept as next year's ``.ots``).
TABLE_MEDIA = frozenset(_READERS[sfx].media for sfx in TABLE_SUFFIXES | SHEET_SUFFIXES | NUMBERS_SUFFIXES
                        | XLS_SUFFIXES | XLSX_SUFFIXES | XLSB_SUFFIXES | LOTUS_SUFFIXES
                        | SOCIALCALC_SUFFIXES) | {ODS_MEDIA}


def _converted(reader: _Reader, raw: str, suffix: str, path: Path) -> tuple[str, str]:
    """The text and media type of a file its reader converts; a file it cannot convert (bad
    JSON, an unknown charset, XML with entity declarations) is a one-line error naming it."""
    try:
        text = reader.convert(raw, suffix)
    except json.JSONDecodeError as exc:
        raise CasegraphError(f"cannot read as JSON: {exc.msg}", path,
                             f"line {exc.lineno}, column {exc.colno}") from None
    except (ET.ParseError, LookupError, UnicodeError, ValueError) as exc:
        # (one line whatever the reader's message: a library may list its attempts on lines)
        raise CasegraphError(f"cannot {reader.what}: {one_line(str(exc))}", path) from None
    except RecursionError:  # ("[[[[...": a file nested thousands deep is no page)
        raise CasegraphError(f"cannot {reader.what}: nested too deeply", path) from None
    # (a table's records are laid out already; tidying would join its lines)
    return (text if reader.convert is _table else tidy_text(text)), reader.media


def read_source(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> SourceText:
    """Read and decode one source file.  Raises :class:`CasegraphError` naming the file."""
    return _source_of(path, _read_limited(path, max_bytes))


def _source_of(path: Path, data: bytes) -> SourceText:
    """A file's bytes read as its type says (by its name, or by its first bytes): the one
    place each type's reader is chosen, for a file and for a zip archive's member alike."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES or is_pdf(data):  # (a PDF is one by its header, whatever its name)
        return _source(path, data, _plain_text(_opened(pdf_text, data, path, "read as a PDF"), ".pdf"),
                       "application/pdf", "pdf")
    if suffix in POSTSCRIPT_SUFFIXES or is_postscript(data):  # a text file printed to PostScript
        return _source(path, data, _plain_text(_opened(postscript_text, data, path, "read as PostScript"),
                                               ".ps"), "application/postscript", "postscript")
    if suffix in XPS_SUFFIXES:  # a document printed to XPS: its pages' lines, as a PDF's
        return _source(path, data, _plain_text(_opened(xps_text, data, path, "read as an XPS document"),
                                               ".pdf"), "application/oxps", "zip")
    if suffix in DJVU_SUFFIXES or is_djvu(data):  # a scan's OCR text layer, read as a PDF's text
        return _source(path, data, _plain_text(_opened(djvu_text, data, path, "read as a DjVu document"),
                                               ".pdf"), "image/vnd.djvu", "djvu")
    if suffix in DVI_SUFFIXES or is_dvi(data):  # a LaTeX report as TeX typeset it, read as a PDF's text
        return _source(path, data, _plain_text(_opened(dvi_text, data, path, "read as a TeX DVI file"),
                                               ".pdf"), "application/x-dvi", "dvi")
    if suffix in _ARCHIVES or data.startswith(SEVENZIP_MAGIC):  # a zip or 7z of pages: each
        # (an app's export, a web team's copy) read as its file is
        return _archive_source(path, data)
    if suffix in OFFICE_SUFFIXES or is_office(data):  # a Word or LibreOffice document: its body
        kind = ("an OpenDocument spreadsheet" if suffix in (".ods", ".ots")
                else "an OpenDocument presentation" if suffix in (".odp", ".otp")
                else "an OpenDocument drawing" if suffix in (".odg", ".otg")
                else "a word-processor document")
        text = tidy_text(_opened(_office_page, data, path, f"read as {kind}"))
        # (office_xml reads word/document.xml when the package has one, else content.xml)
        return _source(path, data, text, office_media(data), "zip")
    if suffix in SVGZ_SUFFIXES:  # a compressed drawing: the SVG it holds
        return _svgz_source(path, data)
    if suffix in MAFF_SUFFIXES:  # pages Firefox saved (MAF): each read as a saved page is
        return _maff_source(path, data)
    if suffix in WEBARCHIVE_SUFFIXES:  # a page Safari saved: its HTML, read as a saved page is
        html_page = _opened(webarchive_html, data, path, "read as a Safari web archive")
        return _source(path, data, tidy_text(html_to_text(html_page)), "application/x-webarchive",
                       "binary plist", canonical_url(html_page), publisher_of(html_page))
    # (a PDF form's data is PDF syntax: its bytes are read as they are, and each string it
    # holds is decoded as its own encoding says, by the reader; see exports.fdf_records)
    # (a binary data export's bytes go to its reader one character a byte: _BYTES_SUFFIXES)
    suffix = _binary_suffix(data) or suffix
    if suffix in PG_CUSTOM_SUFFIXES and not data.startswith(b"PGDMP"):
        suffix = ".sql"  # (session 66) "pg_dump db > db.dump": plain SQL under the archive's name
    if suffix in ROCKET_SUFFIXES and not is_rocket_book(data):
        suffix = ".txt"  # (session 81) a Ruby script, no Rocket eBook: its text, as before
    raw, encoding = (data.decode("latin-1"), "latin-1" if suffix in FDF_SUFFIXES else "binary") \
        if suffix in FDF_SUFFIXES | _BYTES_SUFFIXES and data.strip() else decode_bytes(data, path)
    looks_html = suffix in HTML_SUFFIXES or (suffix in EXCEL_EXPORT_SUFFIXES and raw.lstrip()[:1] == "<") or (
        suffix not in TEXT_SUFFIXES and re.match(r"\s*(<!doctype html|<html)", raw, re.I))
    url = publisher = None
    if looks_html:
        wiki = _tiddlywiki(raw, path)
        text, media = tidy_text(markdown_to_text(wiki) if wiki else html_to_text(raw)), "text/html"
        url, publisher = canonical_url(raw), publisher_of(raw)
    elif reader := _reader(suffix, raw):
        text, media = _converted(reader, raw, suffix, path)
    else:
        text, media = _plain_text(raw, suffix), "text/vtt" if suffix == ".vtt" else "text/plain"
    return _source(path, data, text, media, encoding, url, publisher)


def _tiddlywiki(page: str, path: Path) -> str | None:
    """A single-file TiddlyWiki's tiddlers as Markdown (its content is data in a script, which
    a web page's reading drops), None for any other page; a damaged tiddler store is a
    one-line error naming the file."""
    try:
        return tiddlywiki_markdown(page)
    except (ValueError, TypeError) as exc:
        raise CasegraphError(f"cannot read as a TiddlyWiki: {one_line(str(exc))}", path) from None


def _svgz_source(path: Path, data: bytes) -> SourceText:
    """A compressed SVG drawing read as the SVG it holds (named inside it, as an archive's member
    is, in an error), kept as the file it is: its own name, bytes and checksum."""
    drawing = _opened(gunzipped_file, data, path, "read as a compressed SVG drawing")
    inner = _source_of(path / f"{path.stem}.svg", drawing)
    return replace(inner, path=path, encoding="gzip", sha256=hashlib.sha256(data).hexdigest())


#: What a file whose text is empty once decoded is refused with (one home: an archive's XML
#: member with no words is left out by it, :func:`_member_source`).
_NO_VISIBLE_TEXT = "no visible text in the file"
#: (session 88) What stands between two files of an archive in the text read from it: a rule,
#: which the parser takes as a page's foot may begin under it (parse._without_page_foot).
_MEMBER_RULE = "\n\n" + "-" * 20 + "\n\n"


def _archive_source(path: Path, data: bytes) -> SourceText:
    """A zip or 7-Zip archive's pages, each member read as the file it is (its path inside the
    archive names it in an error), in the archive's order.  Left out, with a warning: an archive
    inside the archive and members of types casegraph does not read (images and the like are no pages,
    and pass without one); and a table that only indexes the archive's own pages (Notion's
    database CSV beside a page for each of its rows), whose rows the pages say in full."""
    members, kind, media, encoding = _archive_kind(path, data)
    listed = _opened(members, data, path, f"read as {_article(kind)} {kind}")
    if (sql := pg_tar_sql(dict(listed))) is not None:
        # (session 66) a database saved by "pg_dump -Ft": its restore script, each table's rows
        # put in place of the member its COPY names, read as the SQL dump it is
        restored = _source_of(path / "restore.sql", sql.encode("utf-8"))
        return replace(_source(path, data, restored.text, restored.media_type, encoding),
                       warnings=restored.warnings)
    candidates, skipped = [], []
    for name, content in listed:
        if not _offered(Path(name)):
            continue  # (the export's own README, as a folder's)
        if _member_is_page(Path(name), content):
            candidates.append((name, content))
        elif not _media_file(Path(name)):
            skipped.append(name)
    # the pages first, then a table only when it is no index of them (an index is never read)
    read = {name: source for name, content in candidates if Path(name).suffix.lower() not in TABLE_SUFFIXES
            if (source := _member_source(path, name, content, skipped)) is not None}
    candidates = [(name, content) for name, content in candidates if name not in skipped]
    titles = {_first_line(source.text) for source in read.values()}
    pages = [read.get(name) or _source_of(path / name, content) for name, content in candidates
             if not _indexes(Path(name), content, titles, set(read))]
    if not pages:
        raise CasegraphError(f"the {kind} holds no page of a type casegraph reads", path)
    warnings = [w for source in pages for w in source.warnings]
    if skipped:
        warnings.append(f"{path}: {len(skipped)} file(s) in the archive not read (a type casegraph "
                        f"does not read, an archive in the archive, or an XML file with no words): "
                        f"{', '.join(skipped[:3])}"
                        + (", ..." if len(skipped) > 3 else ""))
    texts = [source.text for source in pages]
    # (session 87) a site's chrome is a saved site's: a board's pack of summary files, each
    # opening with "Published: 2023" and ending on its recommendations, has none
    site = all("html" in source.media_type for source in pages)
    # (session 88) each file ends where a rule is drawn, as a page's foot is ruled off: a board's
    # training notes after its last summary file had been read as that review's recommendations
    text = _MEMBER_RULE.join(_without_site_chrome(texts) if site else texts)
    source = _source(path, data, text, media, encoding, publisher=pages[0].publisher)
    return replace(source, warnings=(*warnings, *source.warnings))


#: Letters whose names start with a vowel's sound: an initialism led by one takes "an".
_VOWEL_LETTERS = "AEFHILMNORSX"


def _article(kind: str) -> str:
    """"a" or "an" before a kind of archive: by its first letter's name for an initialism ("an
    LHA archive", "an ARJ archive"), else by its first letter ("a tar archive", "a 7-Zip ...")."""
    first = kind.split(" ", 1)[0]
    if len(first) > 1 and first.isupper() and first.isalpha():
        return "an" if first[0] in _VOWEL_LETTERS else "a"
    return "an" if kind[:1] in "AEIOUaeiou" else "a"


#: The lines at a page's top and foot looked at for a site's masthead, menu and footer.
_CHROME_LINES = 3


def _without_site_chrome(texts: list[str]) -> list[str]:
    """(session 64) An archive's pages without the masthead, the menu and the footer their site
    prints on every one ("Lincolnshire Safeguarding Children Board – Learning from ...", "Home |
    Family T | Child F | Training", "© ... This CD may be copied ..."), as a printed document's
    running lines are left out: a line among the first or last few of every page but one (of
    three pages at least).  The first page keeps them (its masthead names the publisher).
    Joined, a page's menu and masthead had been the last recommendations of the review on the
    page before."""
    if len(texts) < 3:
        return texts

    def edges(text: str) -> set[str]:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        return set(lines[:_CHROME_LINES] + lines[-_CHROME_LINES:])

    seen = Counter(line for text in texts for line in edges(text))
    chrome = {line for line, n in seen.items() if n >= max(3, len(texts) - 1)}
    return [texts[0], *(_trimmed(text, chrome) for text in texts[1:])]


def _trimmed(text: str, chrome: set[str]) -> str:
    """A page without the chrome lines among its first and last few lines with words (a saved
    page's own title stays above them: "Training 2013-14" over the masthead and the menu)."""
    lines = text.split("\n")
    worded = [n for n, line in enumerate(lines) if line.strip()]
    edges = set(worded[:_CHROME_LINES] + worded[-_CHROME_LINES:])
    return "\n".join(line for n, line in enumerate(lines) if n not in edges or line.strip() not in chrome)


#: How an archive's members are read: its reader, its kind for an error, its media type, its encoding.
_ArchiveKind = tuple[Callable[[bytes], list[tuple[str, bytes]]], str, str, str]


def _member_source(path: Path, name: str, content: bytes, skipped: list[str]) -> SourceText | None:
    """An archive's member read as the file it is; (session 88) an XML file with no words of its
    own (a package's plumbing: a NuGet package's ``[Content_Types].xml``, a JavaHelp
    ``toc.xml`` whose titles are attributes) is left out with the archive's warning, not taken
    for a broken page that sinks the archive's real ones."""
    try:
        return _source_of(path / name, content)
    except CasegraphError as exc:
        if Path(name).suffix.lower() == ".xml" and _NO_VISIBLE_TEXT in str(exc):
            skipped.append(name)
            return None
        raise


def _archive_kind(path: Path, data: bytes) -> _ArchiveKind:
    """How an archive is unpacked, by its first bytes (then its name): its members' reader, its
    kind for an error, and its media type and encoding for the source."""
    if data.startswith(SEVENZIP_MAGIC):
        return sevenzip_members, "7-Zip archive", "application/x-7z-compressed", "7z"
    if data[DISC_MAGIC_AT:DISC_MAGIC_AT + len(DISC_MAGIC)] == DISC_MAGIC:
        return disc_members, "disc image", "application/x-iso9660-image", "iso9660"
    if is_fat(data) or path.suffix.lower() in FAT_SUFFIXES:  # (session 70) a floppy's or a stick's FAT image
        return fat_members, "disk image", "application/x-fat-image", "fat"
    if is_zim(data) or path.suffix.lower() in ZIM_SUFFIXES:  # (session 70) an offline library's articles
        return zim_members, "ZIM archive", "application/x-zim", "zim"
    if is_arj(data) or path.suffix.lower() in ARJ_SUFFIXES:  # (session 71) a DOS-era archive disk
        return arj_members, "ARJ archive", "application/x-arj", "arj"
    if is_lha(data) or path.suffix.lower() in LHA_SUFFIXES:  # (session 86) another archiver's disk
        return lha_members, "LHA archive", "application/x-lzh-compressed", "lha"
    if data.startswith(CAB_MAGIC) or path.suffix.lower() in CAB_SUFFIXES:  # (session 87) a board's pack
        return cab_members, "Microsoft Cabinet", "application/vnd.ms-cab-compressed", "cab"
    if (kind := container_kind(data, path.suffix.lower())) is not None:
        # (session 87) a kiosk's Debian package, a records transfer's cpio archive, a USB
        # stick's EnCase image, an offline library's SquashFS image
        return (lambda raw: container_members(raw, kind), kind, *CONTAINER_MEDIA[kind])
    if path.suffix.lower() in SIGNED_SUFFIXES:  # (session 70) the file a signature wraps
        return (lambda raw: signed_members(raw, path.name), "signed file", "application/pkcs7-mime", "cms")
    if data.startswith(ZIP_MAGICS) or path.suffix.lower() == ".zip":
        return archive_members, "zip archive", "application/zip", "zip"
    name, media = compression_of(data) or ("tar", "application/x-tar")
    return (lambda raw: tarred_members(raw, path.name), "tar archive or compressed file", media, name)


def _member_is_page(member: Path, content: bytes) -> bool:
    """Whether an archive's member is read, as a folder's file would be (:func:`_named_as_read`):
    by its suffix, or by its opening for a suffix other tools use for code (a saved page's
    ``.js`` script is no page, and would have sunk the whole archive as code)."""
    suffix = member.suffix.lower()
    if suffix in _READ_FROM_A_FOLDER_WHEN:
        return _READ_FROM_A_FOLDER_WHEN[suffix](content[:2000].decode("utf-8", errors="ignore"))
    return suffix in SUFFIXES - _ARCHIVES


def _media_file(path: Path) -> bool:
    """Whether an archive's member is an image, a sound, a video or a font: a page's parts
    (Notion's exported images), never a page, left out without a word."""
    import mimetypes

    kind = mimetypes.guess_type(path.name)[0] or ""
    return kind.split("/")[0] in ("image", "audio", "video", "font") and path.suffix.lower() != ".svg"


def _first_line(text: str) -> str:
    """A page's first line with words: its title, as an index's row names it."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _indexes(member: Path, content: bytes, titles: set[str], paths: set[str]) -> bool:
    """Whether an archive's table is an index of the archive's own pages: every row's first
    cell the title of one of them (Notion's database export beside its pages), or (session 87)
    a cell of every row the path of one of them (an offline library's catalogue, "items/...")."""
    if member.suffix.lower() not in TABLE_SUFFIXES:
        return False
    delimiter = "\t" if member.suffix.lower() == ".tsv" else ","
    raw = content.decode("utf-8-sig", errors="replace")
    rows = [row for row in csv.reader(io.StringIO(raw), delimiter=delimiter) if any(c.strip() for c in row)]
    return len(rows) > 1 and (all(row[0].strip() in titles for row in rows[1:])
                               or all(any(c.strip() in paths for c in row) for row in rows[1:]))


def _titled_records(heads: list[str], records: list[dict]) -> str:
    """A data set's records under the lines that name it (a map layer's name, title and
    description), as a page lists them under its heading."""
    return "\n\n".join([*heads, _records_text(records)])


def _sas_listing_text(raw: str) -> str:
    """A SAS listing's tables as records (:func:`sas_listing_records`), else its pages' text;
    a ``.lst`` that is no SAS listing (a list of files, a compiler's) is read as plain text."""
    if not is_sas_listing(raw):
        return _plain_text(raw, ".txt")
    if listing := sas_listing_records(raw):
        title, records = listing
        return _titled_records([title] if title else [], records)
    return _plain_text(sas_listing_text(raw), ".txt")


def _maff_source(path: Path, data: bytes) -> SourceText:
    """A Mozilla archive's saved pages, read as saved pages are, in order; the first page's
    canonical address (else the address the MAF add-on recorded it was saved from) and
    publisher are the source's."""
    pages = _opened(maff_pages, data, path, "read as a Mozilla archive (MAFF)")
    first, saved_from = pages[0]
    url = canonical_url(first) or (saved_from if _CANONICAL.match(saved_from) else None)
    return _source(path, data, tidy_text(_pages_text([(html_page, True) for html_page, _ in pages])),
                   "application/x-maff", "zip", url, publisher_of(first))


def _h5p_text(title: str, content: object) -> str:
    """An H5P package's activity (:func:`h5p_html`) under the package's title, or the reason
    there is none."""
    activity = h5p_html(content)
    if activity is None:
        raise ValueError("its content/content.json names no H5P content type (no 'library' in it)")
    return html_to_text((f"<h1>{html.escape(title)}</h1>\n" if title.strip() else "") + activity)


def _xmind_text(content: object) -> str:
    """An XMind map's outline (:func:`xmind_outline`), or the reason there is none."""
    outline = xmind_outline(content)
    if outline is None:
        raise ValueError("its content.json holds no sheet with a central topic (rootTopic)")
    return outline


def _binary_suffix(data: bytes) -> str | None:
    """The suffix of a binary file known by its first bytes, whatever its name: an SQLite
    database (saved as ".db" by many tools), an Outlook message, an HDF5 file (".hdf" and
    ".nc4" files are HDF5 too), a Matroska video (a WebM is one) or an audio file with tags
    (an MP3's ID3, Ogg, FLAC), a SAS data set, a pg_dump archive, an MPX plan (its notes'
    line breaks are control bytes), an MP4 or QuickTime file (its ``ftyp`` box) or an Excel
    97-2003 workbook (an ``.xls`` may be one, or a text export: the bytes tell) or PowerPoint
    97-2003 deck (a ``.pot`` may be a template of one, or a gettext template), an Enhanced
    Metafile, a Microsoft Reader, Sony Reader or Palm e-book, a photo, a poster, (session 76) a
    scan, (session 77) a WebP card or JPEG 2000 master, (session 78) a GIF graphic or (session 79)
    an AVIF infographic (before MP4: the same box opens both), (session 82) a Psion e-text, a
    Windows Metafile or an MXF master, (session 83) a JPEG XL master or a Bambook e-book,
    (session 85) a HEIC photo (before MP4 too), a Photoshop master or a Windows TV recording,
    (session 87) a GIMP working file, (session 88) a Paradox table;
    recordings by media.audio_suffix; else None."""
    return ".sqlite" if is_sqlite(data) else ".msg" if is_msg(data) else ".h5" if is_hdf5(data) \
        else ".mkv" if is_matroska(data) else ".sas7bdat" if is_sas7bdat(data) \
        else ".dump" if is_pg_custom(data) else ".mpx" if is_mpx(data) else ".avif" if is_avif(data) \
        else ".heic" if is_heic(data) else ".mp4" if is_mp4(data) \
        else ".xlt" if is_xls(data) else ".ppt" if is_ppt(data) else ".emf" if is_emf(data) \
        else ".lit" if is_lit(data) else ".lrf" if is_lrf(data) else ".pdb" if is_palm_book(data) \
        else ".rb" if is_rocket_book(data) else ".tcr" if is_tcr(data) \
        else ".snb" if is_snb(data) else ".wmf" if is_wmf(data) \
        else ".mxf" if is_mxf(data) else ".wtv" if is_wtv(data) \
        else ".jpg" if is_jpeg(data) else ".png" if is_png(data) else ".tif" if is_tiff(data) \
        else ".webp" if is_webp(data) else ".jp2" if is_jp2(data) else ".jxl" if is_jxl(data) \
        else ".psd" if is_psd(data) else ".xcf" if is_xcf(data) \
        else ".gif" if is_gif(data) else ".db" if is_paradox(data) \
        else audio_suffix(data)


def _txtz_page(data: bytes) -> str:
    """(session 76) A TXTZ e-book's page: its text read as the markup its metadata names."""
    text, formatting = txtz_text(data)
    return markdown_to_text(text) if formatting == "markdown" else textile_to_text(text) \
        if formatting == "textile" else _plain_text(text, ".txt")


def _palm_page(data: bytes) -> str:
    """A Palm e-book's page: a Mobipocket book's HTML as a saved page is read, a PalmDOC's
    plain text as a text file is."""
    page, html = palm_book_page(data)
    return html_to_text(page) if html else _plain_text(page, ".txt")


def _office_page(data: bytes) -> str:
    """A word processor's package as its page: the page header first (it names the publisher,
    as a PDF's first running head does), then the body as the reader of XML reads it."""
    head, document = office_xml(data)
    return (head + "\n\n" if head else "") + xml_to_text(document)


#: (session 84) A line that cannot end a heading: a child's or children's word waiting for its
#: name, a small word, a dash or a colon ("Case Management Review - Baby" over "Grace (South
#: Eastern Trust area)", a narrow column's heading wrapped by the PDF's layout).
_DANGLING_END = re.compile(r"(?:\b(?:Baby|Child|Children|Siblings|Young\s+Person|and|of|the|for|into)"
                           r"|[-–—:])$")


def _wrapped_headings_joined(text: str) -> str:
    """A PDF's heading wrapped onto a second line, alone between blank lines, as one line: a first
    line that cannot end (:data:`_DANGLING_END`) and a second that starts in capitals and ends
    with no full stop, at most 100 characters together.  Read apart, the second line's name is
    taken for the heading and the review's type is lost."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        a = lines[i]
        b = lines[i + 1] if i + 1 < len(lines) else ""
        if a.strip() and b.strip() and (i == 0 or not lines[i - 1].strip()) \
                and (i + 2 >= len(lines) or not lines[i + 2].strip()) \
                and _DANGLING_END.search(a.rstrip()) and b.lstrip()[:1].isupper() \
                and not b.rstrip().endswith(".") and len(a.strip()) + len(b.strip()) <= 100:
            out.append(f"{a.rstrip()} {b.strip()}")
            i += 2
        else:
            out.append(a)
            i += 1
    return "\n".join(out)


def _plain_text(raw: str, suffix: str) -> str:
    """A plain-text page (or a PDF's text) as a reader sees it: a text browser's dump without its
    link numbers and addresses, a forum's BBCode and a list
    digest's messages apart, rows wrapped by a mail client joined, a git log's, a dot-leader
    table's, a wiki's, a clippings file's and a caption file's forms undone, two columns side by
    side read one after the other."""
    text = _delimited_rows_as_pipes(_fields_tables_as_text(columns_as_text(captions_as_text(clippings_as_text(
        wiki_markup_as_text(dokuwiki_as_text(fields_side_by_side_as_lines(spaced_fields_as_labels(
            _drawn_fields_undrawn(dot_leaders_as_labels(git_log_as_text(_wrapped_rows_joined(listserv_digest_as_text(
                bbcode_as_text(browser_dump_as_text(normalise_newlines(raw)))))))))))))))))
    text = _EMAIL_PROTECTED.sub(lambda m: " " * len(m.group()), text)
    text = _spaced_item_tables_as_pipes(text)
    # (a PDF's lines are its layout's: a join there is the page's own, but for a wrapped heading)
    text = _glued_paragraphs_apart(text) if suffix != ".pdf" else _wrapped_headings_joined(text)
    if suffix == ".rst":
        text = _RST_FIELD.sub(r" \g<name>:", text)  # (its offsets kept: a space for the first colon)
    return text


def _source(path: Path, data: bytes, text: str, media: str, encoding: str, url: str | None = None,
            publisher: str | None = None) -> SourceText:
    """The source a file's text makes, once its control characters are gone and its lines
    checked: a file with no visible text is refused."""
    text, warnings = strip_controls(text, path)
    _refuse_long_lines(text, path)
    if not text.strip():
        raise CasegraphError(_NO_VISIBLE_TEXT, path)
    return SourceText(path, text, media, encoding, hashlib.sha256(data).hexdigest(), tuple(warnings),
                      url, publisher)


#: What a binary file's reader gives (:func:`_opened`).
_Opened = TypeVar("_Opened")


def _opened(convert: Callable[[bytes], _Opened], data: bytes, path: Path, what: str) -> _Opened:
    """A binary file's text or HTML (:mod:`casegraph.ingest.binaries`), or what else its reader
    gives (an archive's members, a compressed file's bytes); one that cannot be opened is a
    one-line error naming the file and the reason."""
    if not data.strip():
        raise CasegraphError("file is empty", path)
    try:
        return convert(data)
    except ValueError as exc:
        raise CasegraphError(f"cannot {what}: {one_line(str(exc))}", path) from None


#: Whether a file of a suffix that other tools use too is the one casegraph reads under it
#: (:data:`CAPTURE_SUFFIXES`, :data:`X_ARCHIVE_SUFFIXES`).
_CAPTURED = {".item": is_sitecore_item, ".log": is_scrapy_log, ".js": is_x_archive}


def _reader(suffix: str, raw: str) -> _Reader | None:
    """A file's reader: by its suffix (a ".item", ".log" or ".js" file only when its content is
    what casegraph reads under that suffix), else, for a type casegraph does not know by its
    name, by its content (:func:`_sniffed`); None for plain text."""
    if suffix in _CAPTURED:
        return _READERS[suffix] if _CAPTURED[suffix](raw) else None
    if suffix == ".txt" and _is_tab_table(raw):
        return _READERS[".tsv"]
    if suffix == ".txt" and _is_markdown_text(raw):
        return _READERS[".md"]
    if suffix == ".txt" and is_alert_digest(raw):
        return _ALERT_READER
    if suffix == ".txt" and raw.lstrip("\ufeff").startswith("BEGIN:VCALENDAR"):
        return _READERS[".ics"]  # (session 76) a calendar saved as text: its events, not its lines
    return _READERS.get(suffix) or (_sniffed(raw) if suffix not in SUFFIXES else None)


#: Markdown's marks as a converter of HTML writes them (html2text, pandoc, a browser
#: extension's "copy as Markdown"): an ATX heading line, and a link with its target.
_MD_HEADING_LINE = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_INLINE_LINK = re.compile(r"\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)")


def _is_markdown_text(raw: str) -> bool:
    """Whether a ``.txt`` file is Markdown (a web page converted with html2text and saved as
    text): two or more heading lines and a link written as Markdown writes it.  Read as plain
    text, its "_italic_" date line and "  * " points would be the page's words as typed."""
    return len(_MD_HEADING_LINE.findall(raw, 0, 200_000)) >= 2 and bool(_MD_INLINE_LINK.search(raw))


def _is_tab_table(raw: str) -> bool:
    """Whether a ``.txt`` file is a spreadsheet saved as text (Excel's "Unicode Text" or "Text
    (Tab delimited)": a register with a header row): three or more columns, and every row,
    its quoted cells' line breaks inside it, as many tab-separated cells as the header has.
    Prose with a tab here and there is not one."""
    first = raw.lstrip("\r\n").split("\n", 1)[0]
    if first.count("\t") < 2:
        return False
    try:
        rows = [row for row in csv.reader(io.StringIO(normalise_newlines(raw)), delimiter="\t") if any(row)]
    except csv.Error:
        return False
    return len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)


#: A reStructuredText field list's line, ":Review type: Local ...", read as the field it is
#: ("Review type: Local ..."); before (session 47), the leading colon hid the label, and a
#: review headed by a first name alone over its fields was not found.
_RST_FIELD = re.compile(r"^:(?P<name>[A-Z][\w ]{0,40}):(?=\s)", re.M)


def _sniffed(raw: str) -> _Reader | None:
    """The reader for a file of a type casegraph does not know by its name (named on the command
    line: a notes app's ".ctd", a tool's ".foo"), when its content says what it is: XML (a
    declaration or a root element first) is read as XML, text that parses as JSON as JSON;
    anything else is read as plain text, as before.  Without this an XML file's tags and
    attributes were read as its words."""
    head = raw[:1000].lstrip("\ufeff \t\r\n")[:200]  # (not a copy of a 20 MB file)
    if head.startswith("<?xml") or re.match(r"<[A-Za-z][\w:.-]*[\s>/]", head):
        return _READERS[".xml"]
    if head[:1] in "{[":
        try:
            json.loads(raw)
        except ValueError:
            return None
        return _READERS[".json"]
    return None


def _refuse_long_lines(text: str, path: Path) -> None:
    """Refuse a page with a line above :data:`MAX_LINE_CHARS` (the probe's 19 MiB one-line page
    ran for minutes): a clear error naming the line instead of a cost that grows with its square."""
    for n, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise CasegraphError(f"line is {len(line):,} characters long, above the limit of "
                                 f"{MAX_LINE_CHARS:,} (is this a saved page, or a data dump?)", path,
                                 f"line {n}")


#: A folder's own files about its pages: its documentation, the hand-labelled answers for them
#: ("gold.jsonl", which ``casegraph eval`` and the synthetic corpus keep beside the pages), and
#: (session 63) a static site's settings, which steer the site and say nothing of a review.
_FOLDER_DOCS = re.compile(r"^(?:(?:read[ _-]?me|licen[cs]e|copying|changelog|contributing)(?:\.[a-z]+)?|"
                          # ((session 87) a Windows share's "READ ME.txt" too)
                          r"read[ _-]?me[ _-][^/]*\.(?:txt|md)|gold\.jsonl|"
                          # a static site's own settings (Jekyll's _config.yml, Hugo's, MkDocs')
                          r"(?:_config|config|hugo|mkdocs)\.(?:ya?ml|toml))$", re.I)


def _offered(path: Path) -> bool:
    """Whether a folder offers this file as a page: not hidden, and not the folder's own
    documentation (``README.md``, ``LICENSE.txt``) or gold answers (``gold.jsonl``), which
    describe the pages and are not one."""
    return not path.name.startswith(".") and not _FOLDER_DOCS.match(path.name)


#: The suffixes other tools use for code, read from a folder only when the file's opening is
#: what casegraph reads under them: an X archive's ``tweets.js`` (a saved page's scripts are
#: none), R's ``dput()`` data (an analysis script is none, and is never run).  Named on the
#: command line, such a file is read, and code is refused in one line.
_READ_FROM_A_FOLDER_WHEN = {".js": is_x_archive, ".r": is_r_data, ".lst": is_sas_listing}


def _named_as_read(path: Path) -> bool:
    """Whether a folder's file is of a type casegraph reads: by its suffix, or, for a suffix
    other tools use for something else (:data:`_READ_FROM_A_FOLDER_WHEN`), by its opening."""
    suffix = path.suffix.lower()
    if suffix in _WORDED_WHEN:  # (sessions 74, 75) a captioned photo or poster, a described recording
        return _file_says(path, _WORDED_WHEN[suffix][1])
    if suffix in _READ_FROM_A_FOLDER_WHEN:
        return _file_says(path, lambda handle: _member_is_page(path, handle.read(2000)))
    return suffix in SUFFIXES


def _file_says(path: Path, test: Callable[[BinaryIO], bool]) -> bool:
    """What ``test`` says of a file, open to read (it reads or walks only what it needs); True
    when it cannot be opened (an unreadable file named like a page is an error naming it, when
    read)."""
    try:
        with path.open("rb") as handle:
            return test(handle)
    except OSError:
        return True


def not_read(paths: Iterable[Path]) -> list[str]:
    """Warnings for the files that :func:`discover` leaves out of a directory for their type
    (an Outlook ".msg", a ".pages" file), one per directory: an analyst who saved a page in a
    form casegraph does not read is told so, instead of losing its reviews without a word."""
    out: list[str] = []
    for path in paths:
        if not path.is_dir():
            continue
        # (a ".js" file that is no X archive is a saved page's script: passed over, unread and
        # without a word, so no file is opened here)
        left = sorted(p for p in path.rglob("*") if _offered(p) and p.suffix.lower() not in SUFFIXES
                      and not any(part.startswith(".") for part in p.relative_to(path).parts)
                      and p.is_file())
        # (sessions 74, 75) a photo, a poster or a recording is read when its metadata carries
        # words (_named_as_read): the others are pictures and sounds, said apart
        worded = [p for p in left if p.suffix.lower() in _WORDED_WHEN]
        left = [p for p in left if p not in worded]
        if left:
            kinds = ", ".join(sorted({p.suffix.lower() or "(no suffix)" for p in left}))
            out.append(f"{path}: {len(left)} file(s) not read, of a type casegraph does not read "
                       f"({kinds}): {_some_names(left)}; name a file on the command line to read it "
                       "by its content (XML, JSON or text)")
        wordless = [p for p in worded if not _named_as_read(p)]
        for why in dict.fromkeys(_WORDED_WHEN[p.suffix.lower()][0] for p in wordless):
            mine = [p for p in wordless if _WORDED_WHEN[p.suffix.lower()][0] == why]
            # (session 76) or cut short, unreadable: named on its own, each says which
            out.append(f"{path}: {len(mine)} {why}, or damaged: {_some_names(mine)}; name one on "
                       "the command line to see why")
    return out


def _some_names(paths: list[Path]) -> str:
    """The first three files' names, and "..." for more."""
    return ", ".join(p.name for p in paths[:3]) + (", ..." if len(paths) > 3 else "")


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Source files under the given files/directories, sorted for reproducible builds.

    A directory contributes its files with known suffixes, except a folder's own documentation
    (``README.md``, ``LICENSE.txt``, ``CHANGELOG.md``), which describes the pages and is not one;
    a file named explicitly is always read.
    """
    for path in paths:
        if path.is_dir():
            # Everything named like a source is read, so an unreadable one (a broken symbolic
            # link, a file without permission) is an error naming it, never silently skipped.
            found = sorted(p for p in path.rglob("*") if _offered(p) and not p.is_dir()
                           and _named_as_read(p))
            yield from found  # a FIFO or device named like a page is refused when read, by name
        elif path.exists():
            yield path
        else:
            raise CasegraphError("no such file or directory", path)
