"""The file types of validation35 (session 52): a research team's SQLite coding database, an
SPSS system file (``.sav``), an Outlook message (``.msg``), a WACZ web archive collection and a
Moodle backup (``.mbz``); and a JISCMail (LISTSERV) digest saved as text.  Before, a folder
passed the five binary files over with a warning, and the digest's reviews were lost among its
list furniture.

The fixtures written here are invented test data about invented children, byte for byte in each
tool's layout; the ``.sav``, ``.msg``, ``.wacz`` and ``.mbz`` files read from ``validation35``
are that set's own (invented, written by pyreadstat, Outlook's format, ArchiveWeb.page's layout
and Moodle's backup layout by its labeller)."""

from __future__ import annotations

import gzip
import hashlib
import io
import sqlite3
import struct
import tarfile
import zipfile
from html import escape
from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.datasets import sav_records, sqlite_records
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation35" / "pages"
SAV = PAGES / "wave2_extraction_merged.sav"
MSG = PAGES / "Learning from two Case Management Reviews - please share with your teams.msg"
WACZ = PAGES / "welsh-board-reviews-pages-june-2024.wacz"
MBZ = PAGES / "backup-moodle2-activity-57-page57-20240529-1412-nu.mbz"


# ------------------------------------------------------------------------------------ SQLite
def _coding_database(path: Path) -> None:
    """A coding team's normalised database (invented): reviews, their children, findings of two
    kinds, tags, and a coding frame no review depends on."""
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE frame (field TEXT PRIMARY KEY, definition TEXT);
        CREATE TABLE reviews (ref TEXT PRIMARY KEY, title TEXT, area TEXT, review_type TEXT,
                              published TEXT);
        CREATE TABLE children (id INTEGER PRIMARY KEY AUTOINCREMENT,
                               ref TEXT REFERENCES reviews(ref), pseudonym TEXT, age_text TEXT);
        CREATE TABLE narrative (ref TEXT PRIMARY KEY REFERENCES reviews(ref), summary TEXT);
        CREATE TABLE findings (id INTEGER PRIMARY KEY AUTOINCREMENT, ref TEXT REFERENCES reviews(ref),
                               kind TEXT, seq INTEGER, text TEXT);
        CREATE TABLE tags (ref TEXT REFERENCES reviews(ref), tag TEXT, PRIMARY KEY (ref, tag));
        CREATE TABLE child_notes (id INTEGER PRIMARY KEY, child_id INTEGER REFERENCES children(id),
                                  note TEXT);
        INSERT INTO frame VALUES ('ref', 'Team reference (invented test data)');
        INSERT INTO reviews VALUES ('T-1', 'Child A: Local Child Safeguarding Practice Review',
                                    'Testshire', 'Local child safeguarding practice review', '2024-02-09');
        INSERT INTO children (ref, pseudonym, age_text) VALUES ('T-1', 'Child A', '7 months');
        INSERT INTO narrative VALUES ('T-1', 'Child A, an invented baby, was injured at home in May 2023.');
        INSERT INTO findings (ref, kind, seq, text) VALUES
          ('T-1', 'learning', 1, 'Practitioners should ask who lives in the home at every single contact.'),
          ('T-1', 'learning', 2, 'A bruise on a baby who is not yet mobile must always lead to a referral.'),
          ('T-1', 'recommendation', 1, 'The partnership to relaunch its bruising protocol with nurseries.');
        INSERT INTO tags VALUES ('T-1', 'bruising'), ('T-1', 'physical abuse');
        INSERT INTO child_notes (child_id, note) VALUES (1, 'Seen by the health visitor twice.');
    """)
    con.commit()
    con.close()


def test_an_sqlite_database_is_read_as_nested_records(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each review one record, its children (with their own notes), narrative, findings (by
    kind) and tags nested in it;
    row ids and references left out; the coding frame, which no review depends on, is no record
    of a review.  The file is opened read-only: its bytes do not change and no journal is left."""
    page = tmp_path / "coding.sqlite"
    _coding_database(page)
    before = hashlib.sha256(page.read_bytes()).hexdigest()
    text = read_source(page).text
    assert hashlib.sha256(page.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coding.sqlite"]
    assert "Child A: Local Child Safeguarding Practice Review\n" in text
    assert "Learning:\n- Practitioners should ask" in text and "Recommendation:\n- The partnership" in text
    assert "Ref: T-1" in text and "Id:" not in text
    # a child's own rows are nested in the child (the layout then shows children in one line)
    [child] = sqlite_records(page.read_bytes())["reviews"][0]["children"]  # type: ignore[misc]
    assert child == {"pseudonym": "Child A", "age_text": "7 months",
                     "child_notes": ["Seen by the health visitor twice."]}
    reviews, _, _ = extract_reviews([page], vocab)
    [review] = reviews
    assert (review.area, review.publication_year, len(review.learning), len(review.recommendations)) == \
        ("Testshire", 2024, 2, 1)
    assert [(c.pseudonym, c.age_months) for c in review.children] == [("Child A", 7)]


def test_an_sqlite_database_is_known_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    """A tool's ".db" (or no suffix at all) is an SQLite database by its first 16 bytes."""
    page = tmp_path / "export"
    _coding_database(page)
    assert read_source(page).media_type == "application/vnd.sqlite3"


# -------------------------------------------------------------------------------------- SPSS
def test_an_spss_file_is_read_by_its_labels_and_long_strings_joined(vocab: Vocabulary) -> None:
    """pyreadstat's .sav (validation35): variable labels name the fields, value labels give coded
    values ("Male"), a summary over 255 bytes, stored as three 255-byte variables, reads whole
    (its words across each part's end intact: checked against pyreadstat when written)."""
    records = sav_records(SAV.read_bytes())
    assert [r["Case identifier"] for r in records] == ["E-21", "E-22", "E-23"]
    assert records[0]["Sex of child"] == "Male" and records[0]["Year of publication"] == 2019
    assert "Sex of child" not in records[2]  # system-missing: left out
    summary = str(records[0]["Case summary (extracted)"])
    assert len(summary) > 255 and "  " not in summary and summary.endswith(".")
    reviews, _, _ = extract_reviews([SAV], vocab)
    assert [(r.heading, r.area, r.publication_year) for r in reviews] == [
        ("Serious Case Review: Baby L", "Warrington", 2019),
        ("Kai: national child safeguarding practice review", "Nottingham", 2024)]


def _sav(cases: list[tuple[float | None, str]], compressed: bool) -> bytes:
    """A minimal SPSS system file (invented): a numeric variable with value labels and an 8-byte
    string, uncompressed or bytecode-compressed, as SPSS writes them."""
    header = (b"$FL2" + b"@(#) SPSS DATA FILE - invented test".ljust(60) + struct.pack("<i", 2)
              + struct.pack("<iiii", 2, int(compressed), 0, len(cases)) + struct.pack("<d", 100.0)
              + b"05 Dec 2614:00:00" + b"Invented test file".ljust(64) + b"\0\0\0")
    assert len(header) == 176
    label = b"Sex of child"
    variables = (struct.pack("<iiiiii", 2, 0, 1, 0, 0x050802, 0x050802) + b"SEX     "
                 + struct.pack("<i", len(label)) + label.ljust(12)
                 + struct.pack("<iiiiii", 2, 8, 0, 0, 0x010800, 0x010800) + b"NAME    ")
    labels = struct.pack("<ii", 3, 1) + struct.pack("<d", 1.0) + bytes([4]) + b"Male\0\0\0"
    labels += struct.pack("<iii", 4, 1, 1)
    data = b""
    for sex, name in cases:
        if not compressed:
            number = -1.7976931348623157e308 if sex is None else sex  # system-missing: -DBL_MAX
            data += struct.pack("<d", number) + name.encode().ljust(8)
        else:
            code = 255 if sex is None else int(sex) + 100
            data += bytes([code, 253, 0, 0, 0, 0, 0, 0]) + name.encode().ljust(8)
    if compressed:
        data += bytes([252] + [0] * 7)
    return header + variables + labels + struct.pack("<ii", 999, 0) + data


@pytest.mark.parametrize("compressed", [False, True])
def test_spss_files_are_read_uncompressed_and_compressed(compressed: bool) -> None:
    records = sav_records(_sav([(1.0, "Child A"), (None, "Child B"), (2.0, "Child C")], compressed))
    assert records == [{"Sex of child": "Male", "NAME": "Child A"}, {"NAME": "Child B"},
                       {"Sex of child": 2, "NAME": "Child C"}]


# ------------------------------------------------------------------------------ Outlook .msg
def test_an_outlook_message_is_read_as_its_email(vocab: Vocabulary) -> None:
    """Its subject, sender and sent time (a FILETIME) as an e-mail's lines, then its text body;
    both reviews it forwards are found."""
    text = read_source(MSG).text
    assert text.startswith("From: Kerr, Gráinne\nSubject: Learning from two Case Management Reviews")
    assert "Date: Tue, 14 May 2024 09:32:11 +0000" in text
    reviews, _, _ = extract_reviews([MSG], vocab)
    assert [r.heading for r in reviews] == ["CMR – Baby S (Newry, Mourne and Down)",
                                            "CMR – Ciara (Ards and North Down)"]


# -------------------------------------------------------------------------------------- WACZ
def _warc_record(uri: str, html: str) -> bytes:
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html).encode()
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n")
    return gzip.compress(head.encode() + payload + b"\r\n\r\n")  # one gzip member a record


def test_a_wacz_collection_is_read_as_its_archived_pages(tmp_path: Path, vocab: Vocabulary) -> None:
    """The WARC records inside (each its own gzip member) are read as a web archive is; the
    collection's page list, whose text repeats the pages, is not read a second time."""
    page_html = ("<html><body><h1>Concise Child Practice Review: Child D</h1><p>Published 3 March 2024 "
                 "by Testshire Safeguarding Board (invented test data).</p><p>Child D, aged 4, was "
                 "neglected at home in 2022.</p><h2>Learning</h2><ul><li>See the child every visit."
                 "</li><li>Share school absence with the social worker.</li></ul></body></html>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("archive/data.warc.gz", _warc_record("https://www.example.org/d", page_html))
        package.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n{"text": "Child D, aged 4"}\n')
        package.writestr("datapackage.json", "{}")
    page = tmp_path / "collection.wacz"
    page.write_bytes(buffer.getvalue())
    text = read_source(page).text
    assert text.count("Child D, aged 4") == 1
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, len(r.learning)) for r in reviews] == [("Concise Child Practice Review: Child D", 2)]


def test_validation35s_wacz_is_read(vocab: Vocabulary) -> None:
    reviews, _, _ = extract_reviews([WACZ], vocab)
    assert len(reviews) == 2 and all(r.area in ("Cardiff", "Vale of Glamorgan") for r in reviews)


# ----------------------------------------------------------------------------- Moodle backup
def _moodle_backup(activities: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as package:
        for name, xml in {"moodle_backup.xml": "<moodle_backup/>", **activities}.items():
            data = xml.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            package.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_a_moodle_backup_is_read_as_its_activities_html(tmp_path: Path, vocab: Vocabulary) -> None:
    """A page's name, intro and content, and a book's chapters under their titles, are the HTML
    Moodle keeps escaped in its XML; plain-text fields are shown as text; settings are not read."""
    html = escape("<h3>Learning Review: Child E</h3><p>Published by Testshire Child Protection "
                  "Committee, May 2024 (invented test data).</p><p>Child E was 3 when she was "
                  "neglected at home in 2023.</p><h4>What the review found</h4><ol><li>Nobody saw "
                  "Child E at home for months.</li><li>Nursery absences were not shared.</li></ol>")
    page = ("<activity modulename='page'><page id='1'><name>Learning from reviews</name><intro>"
            "&lt;p&gt;Read this summary.&lt;/p&gt;</intro><introformat>1</introformat><content>"
            f"{html}</content><contentformat>1</contentformat><display>5</display></page></activity>")
    book = ("<activity modulename='book'><book id='2'><name>Training notes</name><intro/>"
            "<introformat>1</introformat><chapters><chapter id='1'><title>Session plan</title>"
            "<content>Plain text &lt;not markup&gt;</content><contentformat>2</contentformat>"
            "</chapter></chapters></book></activity>")
    mbz = tmp_path / "backup.mbz"
    mbz.write_bytes(_moodle_backup({"activities/page_1/page.xml": page, "activities/page_1/grades.xml":
                                    "<activity_gradebook/>", "activities/book_2/book.xml": book}))
    text = read_source(mbz).text
    assert "Learning from reviews\n\nRead this summary." in text
    assert "Session plan\n\nPlain text <not markup>" in text and ">5<" not in text
    reviews, _, _ = extract_reviews([mbz], vocab)
    assert [(r.heading, len(r.learning)) for r in reviews] == [("Learning Review: Child E", 2)]


def test_validation35s_moodle_backup_is_read(vocab: Vocabulary) -> None:
    reviews, _, _ = extract_reviews([MBZ], vocab)
    assert [r.heading for r in reviews][:1] == ["Learning Review: Lily"]


# ------------------------------------------------------------------------------ damaged files
@pytest.mark.parametrize("name, data", [
    ("empty.sqlite", b"SQLite format 3\x00" + bytes(84)),
    ("zlib.sav", b"$FL3" + bytes(200)),
    ("text.sav", b"not an SPSS file at all"),
    ("cut.msg", MSG.read_bytes()[:3000]),
    ("notzip.wacz", b"PK\x03\x04 not really a zip"),
    ("nowarc.wacz", (lambda: (b := io.BytesIO(), zipfile.ZipFile(b, "w").close(), b.getvalue())[2])()),
    ("cut.mbz", MBZ.read_bytes()[:500]),
])
def test_a_damaged_package_or_data_set_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes) -> None:
    refused_in_one_line(tmp_path / name, data)


def test_packages_and_data_sets_damaged_anywhere_are_one_line_never_a_crash(tmp_path: Path) -> None:
    """Bytes changed at random (seeded) in each of validation35's five binary files: each is read
    or refused in one line naming it; nothing else is raised."""
    read_or_one_line_when_damaged([SAV, MSG, WACZ, MBZ, PAGES / "reviews_coding_2024.sqlite"], tmp_path,
                                  seed=52, rounds=40)


# --------------------------------------------------------------------------- a list's digest
_DIGEST = "\n".join([
    "Subject: TEST-LIST Digest - 1 Mar 2024 to 2 Mar 2024 (#2024-9)",
    "", "There are 3 messages totaling 40 lines in this issue.", "",
    "Topics of the day:", "", "  1. Testshire learning review - Ivy (2)", "  2. Job: Business manager", "",
    "-" * 70, "",
    "Date:    Fri, 1 Mar 2024 10:00:00 +0000",
    "From:    Lead Officer <lead@testshire.example.org>",
    "Subject: Testshire learning review - Ivy", "",
    "Testshire Child Protection Committee has published its learning review about Ivy "
    "(invented test data).", "",
    "Ivy was 2 when she was found alone at home in January 2023.", "",
    "The review identified two areas of learning:",
    "(1) practitioners should see where the child sleeps;",
    "(2) missed nursery sessions should be followed up the same day.", "",
    "#" * 72, "", "To unsubscribe from the TEST-LIST list, click the following link:", "",
    "-" * 30, "",
    "Date:    Sat, 2 Mar 2024 09:00:00 +0000",
    "From:    Researcher <r@uni.example.ac.uk>",
    "Subject: Re: Testshire learning review - Ivy", "",
    "Thanks - very useful.", "",
    "-----Original Message-----",
    "Ivy was 2 when she was found alone at home in January 2023.", "",
    "-" * 30, "",
])


def test_a_list_digest_is_read_as_its_messages(tmp_path: Path, vocab: Vocabulary) -> None:
    """Each message's subject heads its text; the topics list, the list's footer and a reply's
    quoted original are not read (the review is found once, with its own two points)."""
    page = tmp_path / "TEST-LIST digest 2024-9.txt"
    page.write_text(_DIGEST, encoding="utf-8")
    text = read_source(page).text
    assert "Topics of the day" not in text and "unsubscribe" not in text
    assert text.count("found alone at home") == 1 and "Subject: Re: Testshire learning review - Ivy" in text
    reviews, _, _ = extract_reviews([page], vocab)
    assert [(r.heading, r.area, len(r.learning)) for r in reviews] == [
        ("Testshire learning review - Ivy", "Testshire", 2)]
