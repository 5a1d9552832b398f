"""Every development page and the frozen validation pages build together, and every development
set scores at or above its floors.

The sets' evaluations read the every-page build's extraction (``build(extract_cache=...)``)
instead of extracting each page again: extracting every development page twice was ~300 of the
suite's CPU-seconds, and the suite must finish in six minutes on two cores (session 51).  The
evaluation reads a page exactly as the build does (``build.page_result``), so what is scored is
what is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_eval import DEV_SETS, check_floor, check_found, evaluated

TESTS = Path(__file__).parent
#: The development pages: the catalogue and partnership layouts (tests/corpus/) and the earlier
#: validation sets, now development data.
PAGES = [TESTS / "corpus", *sorted((p / "pages" for p in TESTS.glob("validation*") if p.is_dir()),
                                   key=lambda p: int(p.parent.name[10:] or 1))]


@pytest.fixture(scope="module")
def every_page(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One build of every development page, validated, not written; its extraction is kept."""
    from casegraph.pipeline.build import build

    cache = tmp_path_factory.mktemp("extract")
    return build(PAGES, None, extract_cache=cache), cache


@pytest.fixture(scope="module", params=sorted(DEV_SETS))
def dev_set(request, every_page):  # type: ignore[no-untyped-def]
    return evaluated(request.param, every_page[1])


def test_partnership_layouts_reviews_found(dev_set) -> None:  # type: ignore[no-untyped-def]
    check_found(*dev_set)


def test_partnership_layouts_regression_floor(dev_set) -> None:  # type: ignore[no-untyped-def]
    check_floor(*dev_set)


def test_every_page_builds_together(every_page) -> None:  # type: ignore[no-untyped-def]
    """Every development page (catalogue and partnership layouts, and the earlier validation
    sets' pages) builds in one run: no page sinks the others.  Built and validated without writing (a third
    of the time, session 37): writing is tested by the build, output and CLI tests."""
    result = every_page[0]
    assert [p.parent.name for p in PAGES[1:4]] == ["validation", "validation2", "validation3"]
    # corpus and local, devlocal to devlocal24, the first six validation sets, then (session
    # 25) devlocal25, validation7 and devlocal26, then (session 26) validation8 and validation9,
    # then (session 27) devlocal27 to devlocal36, then (session 28) devlocal37 to devlocal44
    # and validation11, then (session 29) devlocal45 to devlocal48 and validation12, then
    # (session 30) devlocal49 to devlocal52 and validation13, then (session 31) validation14,
    # devlocal53 and devlocal54, then (session 32) validation15, devlocal55 and devlocal56, then
    # (session 33) validation16, devlocal57 and devlocal58, then (session 34) validation17,
    # devlocal59 and devlocal60, then (session 35) validation18, devlocal61 and devlocal62, then
    # (session 36) validation19 (13 pages read: its Graphviz .dot page is not a type we read),
    # devlocal63 and devlocal64, then (session 37) validation20, devlocal65 and devlocal66, then
    # (session 38) validation21, devlocal67 and devlocal68, then (session 39) validation22,
    # devlocal69 and devlocal70, then (session 40) validation23 (13 pages read: its PlantUML
    # diagram of the review pathway, which names no review, is not a type we read), devlocal71
    # and devlocal72, then (session 41) validation24, devlocal73 and devlocal74, then (session
    # 42) validation25 (every page read: its LyX, Fountain, Twee, MJML, JSON Canvas and .aspx
    # pages too), devlocal75 and devlocal76, then (session 43) validation26 (every page read: its
    # Nunjucks, ARFF, XSL-FO and AbiWord pages too), devlocal77 and devlocal78, then (session
    # 44) validation27 (every page read: its SPSS, FDF, Cypher, Sweave and XMP pages too),
    # devlocal79 and devlocal80, then (session 45) validation28 (every page read: its GraphML,
    # SPARQL results, CoNLL-U, MARC mnemonic and Zotero RDF pages too), devlocal81 and devlocal82,
    # then (session 46) validation29 (every page read: its CherryTree, GanttProject, UIMA CAS XMI,
    # ELAN and InCopy pages too), devlocal83 and devlocal84, then (session 47) validation30 (every
    # page read: its Sitecore, uSync, Scrapy, calibre and Gephi pages too), devlocal85 and
    # devlocal86, and devlocal87 and devlocal88, then (session 48) validation31 (every page read:
    # its QGIS GML, biber, Apple Mail, Heritrix ARC and X archive pages too), devlocal89,
    # devlocal90, devlocal91, devlocal92, devlocal93 and devlocal94, then (session 49)
    # validation32 (every page read: its SubViewer, .xls, R dput, ISO 2709 MARC and Visio pages too),
    # devlocal95, devlocal96, devlocal97, devlocal98, devlocal99 and devlocal100, then (session
    # 50) validation33 (every page read: its PDF, Confluence .doc, SSMS .rpt, vCalendar and
    # Safari web archive pages too), devlocal101 (PDFs), devlocal102 and devlocal103, then
    # (session 51) validation34 (every page read: its enscript PostScript, R saveRDS, mongodump
    # BSON, Aegisub subtitles and Stata pages too) and devlocal104 (Word and OpenDocument), then
    # (session 52) validation35 (every page read: its SQLite, SPSS, Outlook, WACZ and Moodle pages too),
    # then (session 53) validation36 (every page read: its Parquet, SAS transport, dBASE, Gnumeric
    # and XMind pages too), then (session 54) validation37 (every page read: its Feather, MAFF,
    # SAS listing, OpenOffice.org 1.0 and Common Cartridge pages too), then (session 55)
    # validation38 (every page read: its R transcript, Stata log, SPSS portable, pandas pickle
    # and XPS pages too), then (session 56) validation39 (every page read: its KMZ map, REFI-QDA
    # archive, OPML outline, R workspace and DuckDB pages too), then (session 57) validation40
    # (every page read: its IDML, H5P, GeoPackage, DjVu and Avro pages too), then (session 58)
    # validation41 (every page read: its Anki, TriG, FictionBook, DVI and Joplin pages too),
    # devlocal105 and devlocal106, then (session 59) validation42 (every page read: its Excel,
    # PowerPoint, EPUB and BibTeX pages too), devlocal107, then (session 60) validation43 (every
    # page read: its OpenDocument spreadsheet and presentation, DocBook and ORC pages too) and
    # devlocal108, then (session 61) validation44 (every page read: its Draw, Numbers,
    # FlatGeobuf and zip pages too), then (session 62) validation45 (every page read: its
    # PowerPoint 97, 7-Zip, compiled HTML help, .zsav and Kindle pages too), then (session 63)
    # validation46 (every page read: its gzipped tar, HDF5 and Kindle KF8 pages too), then (session 64)
    # validation47 (its disc image, video and JSON-LD pages too), then (session 65) validation48
    # (every page read: its MP3 podcast and SAMI captions pages too), then (session 66) validation49
    # (every page read: its pg_dump, MPX, SAS data set and EPS pages too), then (session 67)
    # validation50 (every page read: its Scenarist captions and MP4 video pages too), then
    # (session 68) validation51 (every page read: its Excel 97 template and WebM webinar too),
    # then (session 69) validation52 (every page read: its Zstandard backup and SVGZ poster too),
    # then (session 70) validation53 (every page read: its signed notice, floppy image, ZIM
    # library and Hyper extract too), then (session 71) validation54 (every page read: its
    # PowerPoint template, TiddlyWiki, ARJ disk, EMF poster and Reader booklet too), then
    # (session 72) validation55 (every page read: its Palm pocket guide, Windows Media
    # recording and "PKC-..." tar too), then (session 73) validation56 (every page read: its
    # QlikView tracker, Sony Reader pack, OpenDocument master and LibreOffice Base log too),
    # then (session 74) validation57 (every page read: its braille summary and captioned news
    # photo too), then (session 75) validation58 (every page read: its HTMLZ pack, WAV master
    # and PNG poster too), then (session 76) validation59 (every page read: its TXTZ digest and
    # TIFF scan too), then (session 77) validation60 (every page read: its CAF podcast, AVI
    # recording, WebP card, JPEG 2000 leaflet and lzip-packed BagIt bag too) and devlocal109,
    # then (session 78) validation61 (every page read: its WavPack master, PMLZ handout, GIF
    # graphic and LRC transcript too) and devlocal110, then (session 79) validation62 (every
    # page read: its Flash video, AIFF master, AVIF infographic and MicroDVD captions too) and
    # devlocal111, then (session 80) validation63 (every page read: its Ogg Theora film, AAC
    # podcast, RealAudio webcast, Applix paper and N3 records too) and devlocal112, then
    # (session 81) validation64 (every page read: its Rocket eBook, True Audio master, 3GP
    # edition, TextGrid and JATS article too) and devlocal113, then (session 82) validation65
    # (every page read: its Psion e-text, WAP deck, Windows Metafile, MXF master and Rmail too)
    # and devlocal114, then (session 83) validation66 (every page read: its JPEG XL poster,
    # Bambook e-book, FFmpeg metadata and KWord document too) and devlocal115, then (session
    # 84) validation67 (every page read: its Excel binary tracker, Lotus register, GNU Info
    # guide and MMDF mailbox too) and devlocal116, then (session 85) validation68 (every page
    # read: its HEIC photo, Photoshop master, Windows TV recording, Sphinx JSON page and Muse
    # list too), devlocal117, devlocal118 and devlocal119 (pages made by real publishing tools),
    # then (session 86) validation69 (every page read: its LHA disk, gettext catalogue, XSPF
    # playlist, Final Draft script and EtherCalc tracker too), devlocal120 (pages made by real
    # publishing tools) and devlocal121, then (session 87) validation70 (every page read: its
    # Musepack podcast, Cabinet pack, comic book archive and GIMP poster too) and devlocal122
    # (its DAR backup not read: 13 pages) and devlocal123, then (session 88) validation71 (every
    # page read: its Monkey's Audio master and Paradox register too), devlocal124 (its ZPAQ
    # archive not read: 13 pages) and devlocal125
    assert len(result.sources) == (7 + 6 + 10 + 10 + 10 + 10 + 10 + 10 + 9 + 10 + 8 + 9 + 8 + 8 + 7
                                   + 8 + 8 + 9 + 9 + 9 + 9 + 9 + 10 + 10 + 10 + 9 + 9 + 10 + 10 + 10
                                   + 11 + 11 + 10 + 12 + 10 + 12 + 12 + 12 + 12 + 12 + 12 + 12 + 12
                                   + 12 + 12 + 12 + 12 + 12 + 12 + 12 + 12 + 12 + 12 + 12 + 12
                                   + 14 + 12 + 12 + 12 + 12 + 14 + 8 + 7 + 7 + 7 + 14 + 14 + 6 + 7
                                   + 14 + 7 + 7 + 14 + 7 + 7 + 14 + 6 + 7 + 14 + 7 + 7 + 13 + 12
                                   + 12 + 14 + 12 + 12 + 14 + 12 + 12 + 14 + 12 + 12 + 13 + 12 + 12
                                   + 14 + 12 + 12 + 14 + 12 + 12 + 14 + 12 + 12 + 14 + 12 + 12 + 14 + 12 + 12
                                   + 14 + 12 + 12 + 14 + 12 + 12 + 12 + 12 + 14 + 12 + 14
                                   + 12 + 12 + 12 + 12 + 12 + 14 + 12 + 12 + 12 + 12 + 12 + 12
                                   + 14 + 12 + 12 + 12 + 14 + 12 + 14 + 14 + 14 + 14 + 14 + 14 + 14
                                   + 12 + 12 + 14 + 12 + 14 + 12 + 14 + 14 + 14 + 14 + 14 + 14
                                   + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14
                                   + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14
                                   + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 14 + 13 + 14
                                   + 14 + 13 + 14)
    assert result.failed == []  # a page left out (DECISIONS 68) would not fail the build
    # (session 75) and none is quarantined: the evaluation runs no shapes, so a rule that leaves
    # a review without a child (session 74: a thematic review's) scored well and was only seen
    # when the build quarantined it
    assert result.quarantined == [], [r.slug for r in result.quarantined]
    assert len(result.reviews) + len(result.quarantined) >= 17 + 9 + 28 + 22 + 23 + 28 + 22


def test_frozen_pages_build(tmp_path: Path) -> None:
    """The frozen validation pages (tests/frozen/: never tuned to, measured at a session's start
    and end) build in one run: a page casegraph reads never sinks the build, and one it cannot
    read (session 67: validation51's WebM webinar, "a video with no text subtitles") is left
    out with one line naming it, never a crash ("internal error") and never the build's end.
    (Until session 66 every frozen page was read or of a type left out; the set's pages are
    not read to make them pass: DECISIONS 111.)"""
    from casegraph.pipeline.build import build

    result = build([TESTS / "frozen"], tmp_path / "out")
    pages = {p.name for p in (TESTS / "frozen").glob("*/pages/*")}
    for failure in result.failed:
        assert "\n" not in failure and "internal error" not in failure, failure
        assert any(name in failure for name in pages), failure
    assert len(result.failed) <= 2
    assert len(result.reviews) + len(result.quarantined) >= 10
