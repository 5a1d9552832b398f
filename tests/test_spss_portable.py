"""SPSS portable files (``.por``): validation38's ReadStat-written coding frame, a small file
written here in the format's own layout, and files that are not portable files or are damaged.

The expected values of validation38's file were read by eye from its bytes (base-30 numbers
decoded by hand: ``27D/`` is 2 * 900 + 7 * 30 + 13 = 2023) and agree with pyreadstat's reading
of it (checked by hand when written; the test does not need pyreadstat)."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import pytest

from casegraph.ingest.datasets import por_records

POR = Path(__file__).parent / "validation38" / "pages" / "cmr_coding_v2.por"


# ----------------------------------------------------------------------- validation38's file
def test_validation38s_portable_file_is_read_by_its_labels() -> None:
    """Three cases of 20 variables, named by their labels; strings that run across the file's
    80-column lines read whole; blank strings (``1/ ``) and system-missing numbers (``*.``)
    left out; whole numbers as ints."""
    first, second, third = por_records(POR.read_bytes())
    assert (first["Case reference"], first["Council area"], first["Title as published"]) == (
        "CMR-21-07", "Armagh City, Banbridge and Craigavon", "Case Management Review: Child P and Child Q")
    assert (first["Child 1 pseudonym"], first["Child 1 sex"], first["Child 2 pseudonym"]) == \
        ("Child P", "F", "Child Q")
    assert (first["Year published"], first["Number of recommendations stated"], first["Incident year"],
            first["Incident month"]) == (2023, 4, 2021, 8)
    assert isinstance(first["Year published"], int)
    summary = str(first["Summary part 1"])
    # "2\n020" and "partner \nand" in the file: one line's end falls inside a word, one on a space
    assert len(summary) == 229 and "moved in during 2020. The partner" in summary
    assert "against a former partner and was never assessed by the Gateway team." in summary
    assert str(first["Summary part 2"]).startswith("In August 2021 the school saw belt-shaped bruising")
    assert str(first["Learning as listed"]).endswith("domestic abuse with schools promptly.")
    assert "Recommendations as listed" not in first  # "1/ ": blank

    assert (second["Case reference"], second["Council area"], second["Child 1 pseudonym"],
            second["Child 1 age (years)"], second["Year published"], second["Incident year"]) == (
        "CMR-22-02", "Mid Ulster", "Young Person R", "16", 2024, 2022)
    assert second["Number of recommendations stated"] == 5
    assert str(second["Recommendations as listed"]).startswith("1. The Trust should review CAMHS")
    assert not {"Child 2 pseudonym", "Child 2 sex", "Child 2 age (years)"} & second.keys()

    assert third == {"Case reference": "SAI-23-03", "In scope (child review)": 0,
                     "Nation": "Northern Ireland", "Review type as named": "Serious Adverse Incident",
                     "Title as published": "SAI review - adult inpatient fall",
                     "Summary part 1": "Level 2 SAI review of a fall on an adult ward. Logged in error; "
                                       "not a child review."}


# -------------------------------------------------------------------- a file written here
#: The portable character set from position 64; positions before it are written as "0", as
#: ReadStat writes them.
_CHARSET = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .<(+|&[]!$*);^-/|,%_>?`:#@'=\""
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRST"


def _base30(n: int) -> str:
    return _DIGITS[n] if n < 30 else _base30(n // 30) + _DIGITS[n % 30]


def _num(value: float | None) -> bytes:
    """A number as the format writes it: sign, base-30 whole part, a base-30 fraction (the test's
    values have a finite one), ``/``; ``*.`` for system-missing."""
    if value is None:
        return b"*."
    rest = abs(Fraction(value))
    text = ("-" if value < 0 else "") + _base30(int(rest))
    rest -= int(rest)
    if rest:
        text += "."
        while rest:
            rest *= 30
            text += _DIGITS[int(rest)]
            rest -= int(rest)
    return text.encode() + b"/"


def _str(text: str) -> bytes:
    raw = text.encode()
    return _num(len(raw)) + raw


def _variable(name: str, width: int, label: str | None, decimals: int = 0) -> bytes:
    """A variable record (7): width, name, print and write formats (F or A), then its label (C)."""
    form = _num(1 if width else 5) + _num(width or 8) + _num(decimals)
    return b"7" + _num(width) + _str(name) + form + form + (b"C" + _str(label) if label else b"")


def _portable(body: bytes) -> bytes:
    """Splash strings, translation table and signature, then ``body``, in 80-column lines whose
    trailing spaces are trimmed (as some writers do), each ended by LF alone."""
    table = b"0" * 64 + _CHARSET + b"0" * (256 - 64 - len(_CHARSET))
    stream = b"ASCII SPSS PORT FILE".ljust(40) * 5 + table + b"SPSSPORT" + body
    return b"".join(stream[k:k + 80].rstrip(b" ") + b"\n" for k in range(0, len(stream), 80))


def _invented_file() -> tuple[bytes, str]:
    """Invented test data: a reference, a coded sex with value labels and missing values (a range
    97 THRU 99 and 9), an age with a fraction, a score (negative; one written with exponents),
    and a note, one of whose spaces falls at a line's end (the writer trims it)."""
    dictionary = (b"A" + _str("20250101") + _str("120000") + b"1" + _str("invented writer")
                  + b"4" + _num(5) + b"5" + _num(11)
                  + _variable("REF", 8, "Case reference")
                  + _variable("SEX", 0, None) + b"B" + _num(97) + _num(99) + b"8" + _num(9)
                  + b"C" + _str("Sex of child")
                  + _variable("AGE", 0, "Age (years)", 2) + _variable("SCORE", 0, None)
                  + _variable("NOTE", 120, "Practitioner's note")
                  + b"D" + _num(1) + _str("SEX") + _num(2) + _num(1) + _str("Male") + _num(2) + _str("Female")
                  + b"E" + _num(2) + _str("Invented test data: no real child.") + _str("A second line.")
                  + b"F" + _str("T-1") + _num(1) + _num(2.5) + _num(-3.25) + _num(120))
    at = 464 + len(dictionary)  # the note's first character in the stream
    note = list("The invented note: seen at home by the health visitor, who spoke with her mother "
                "about safe sleep and the baby's cot.".ljust(120, "."))
    note[(79 - at) % 80] = " "  # the last column of a line, trimmed by the writer (already a space)
    text = "".join(note)
    data = (dictionary + text.encode()
            + _str("T-2") + b"*." + b"F-1/" + b"1+2/" + _str(" ")  # 15 / 30 = 0.5; 1 * 30 ** 2 = 900
            + _str("T-3") + _num(9) + _num(None) + _num(0) + _str("Seen.")
            + b"Z" * 10)
    return _portable(data), text


def test_a_portable_file_written_here_is_read() -> None:
    """Value labels (D) give a coded value's label; the missing-value records (B, 8) and the
    document (E) are read past (a user-missing 9 is kept, as ``sav_records`` keeps it); fractions
    and negative numbers in base 30; a variable without a label is named by its name; a line
    trimmed of its trailing space is padded back, so the note keeps the space."""
    data, note = _invented_file()
    lines = data.split(b"\n")
    assert b"\r" not in data and any(len(line) < 80 for line in lines[:-2])
    records = por_records(data)
    assert records == [
        {"Case reference": "T-1", "Sex of child": "Male", "Age (years)": 2.5, "SCORE": -3.25,
         "Practitioner's note": note.rstrip(" ")},
        {"Case reference": "T-2", "Age (years)": 0.5, "SCORE": 900},
        {"Case reference": "T-3", "Sex of child": 9, "SCORE": 0, "Practitioner's note": "Seen."}]
    assert isinstance(records[1]["SCORE"], int) and "  " not in note


def test_crlf_and_lf_line_ends_read_alike() -> None:
    data, _ = _invented_file()
    assert por_records(data.replace(b"\n", b"\r\n")) == por_records(data)


# -------------------------------------------------------------------------------- refusals
@pytest.mark.parametrize("data", [
    b"$FL2@(#) SPSS DATA FILE" + bytes(600),
    b"Case reference,Area\nCMR-21-07,Mid Ulster\n" * 20,
    POR.read_bytes()[:400],
    POR.read_bytes().replace(b"SPSSPORT", b"SPSSPART"),
])
def test_a_file_that_is_not_portable_is_refused_naming_the_signature(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"not an SPSS portable file .*'SPSSPORT'"):
        por_records(data)


@pytest.mark.parametrize("data, reason", [
    (POR.read_bytes()[:2000], "ends inside"),
    (POR.read_bytes()[:POR.read_bytes().rindex(b"*.*.") + 4], "end mark 'Z'"),
    (POR.read_bytes().replace(b"CE/Case reference", b"QE/Case reference"), "unknown record tag 'Q'"),
])
def test_a_damaged_portable_file_is_refused_with_its_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=r"^damaged SPSS portable file") as caught:
        por_records(data)
    assert reason in str(caught.value)


def test_a_portable_file_damaged_anywhere_is_read_or_refused_never_a_crash() -> None:
    """Cut at 50 places and one byte changed at 50 (seeded): each copy gives records or a
    ValueError of one line, at most 300 characters; nothing else is raised.  A copy cut before
    the data's end mark (``Z``) is refused."""
    good = POR.read_bytes()
    end_mark = good.rindex(b"*.*.Z") + 4
    rnd = random.Random(55)
    copies = [(good[:cut], cut <= end_mark) for cut in (rnd.randrange(len(good)) for _ in range(50))]
    for _ in range(50):
        data = bytearray(good)
        data[rnd.randrange(len(data))] ^= rnd.randrange(1, 256)
        copies.append((bytes(data), False))
    for data, cut_short in copies:
        try:
            records = por_records(data)
        except ValueError as exc:
            assert "\n" not in str(exc) and len(str(exc)) <= 300
        else:
            assert not cut_short and isinstance(records, list)
