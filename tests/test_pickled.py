"""A pandas DataFrame pickle read as data, never unpickled (``casegraph.ingest.pickled``).

The expected values below were read from the pickles' opcodes (``python -m pickletools FILE``)
or, for the fixtures, from the frames ``tests/fixtures/pickles/make_pickles.py`` builds; never
from the reader's own output.
"""

from __future__ import annotations

import ast
import pickle
import random
import sys
import time
from collections import OrderedDict
from pathlib import Path

import pytest

from casegraph.ingest import pickled
from casegraph.ingest.pickled import PICKLE_SUFFIXES, pickle_records

HERE = Path(__file__).parent
REAL = HERE / "validation38" / "pages" / "lcspr_extraction_2024-10.pkl"
FIXTURES = HERE / "fixtures" / "pickles"

# ------------------------------------------------------------------------ a real pandas pickle
#: The columns Index's data (opcodes at byte 4384-4518), in order.
REAL_COLUMNS = ["ref", "in_scope", "area", "review_type", "title", "published", "children", "summary",
                "learning", "recommendations", "recs_stated", "keywords"]


@pytest.fixture(scope="module")
def real() -> list[dict[str, object]]:
    return pickle_records(REAL.read_bytes())


def test_the_real_pickle_has_its_three_rows_and_known_columns(real):
    assert {".pkl", ".pickle"} == PICKLE_SUFFIXES
    assert len(real) == 3  # RangeIndex(start=0, stop=3, step=1), byte 4545
    assert all(set(record).issubset(REAL_COLUMNS) for record in real)
    # the columns come out in the frame's order (the first block is ref, the last keywords)
    assert [k for k in REAL_COLUMNS if k in real[0]] == list(real[0])


def test_the_real_pickle_string_columns(real):
    # StringArray blocks: ref at slice(0, 1), area at slice(2, 3), review_type at slice(3, 4)
    assert [r["ref"] for r in real] == ["E-2024-031", "N-2024-004", "RR-2024-019"]
    assert [r["area"] for r in real] == ["Norfolk", "Cornwall", "Norfolk"]  # BINGET 81 repeats Norfolk
    assert [r["review_type"] for r in real] == ["LCSPR", "National child safeguarding practice review",
                                                "Rapid review"]
    assert real[2]["title"] == "Rapid review - Child B (did not proceed to LCSPR)"
    # children: the third is '' (byte 1497), left out as an empty value
    assert real[0]["children"] == "Child S (boy, 2 years 3 months)"
    assert "children" not in real[2]
    assert real[2]["summary"] == "Rapid review completed within 15 working days; no LCSPR commissioned."


def test_the_real_pickle_bool_column(real):
    # _frombuffer(bytearray(b'\x01\x01\x00'), dtype('b1'), (1, 3), 'C') at slice(1, 2)
    assert [r["in_scope"] for r in real] == ["Yes", "Yes", "No"]


def test_the_real_pickle_dates_and_nat(real):
    # M8[us] int64s b'\x00\xc0\x97E\x0c\x14\x06\x00' = 1710892800000000 us, then
    # b'\x00\xc0\x16e8\x1c\x06\x00' = 1719878400000000 us, then 0x8000000000000000 (NaT)
    assert real[0]["published"] == "2024-03-20"
    assert real[1]["published"] == "2024-07-02"
    assert "published" not in real[2]


def test_the_real_pickle_list_columns(real):
    # a 2 x 3 object block (learning, recommendations) of lists, and keywords (1 x 3)
    assert real[0]["keywords"] == ["methadone", "safe storage", "accidental ingestion"]
    assert real[1]["keywords"] == ["criminal exploitation", "distant placements", "missing"]
    assert "keywords" not in real[2]  # an empty list
    assert len(real[0]["learning"]) == 3
    assert real[1]["learning"] == [
        "Distance from home removed the protective relationships Child N had.",
        "Missing episodes from a distant placement were not shared with the placing authority quickly "
        "enough."]
    assert len(real[0]["recommendations"]) == 4
    assert real[0]["recommendations"][3] == ("Community pharmacists should reinforce storage advice at "
                                             "each supervised collection.")
    assert real[1]["recommendations"] == [
        "The Panel recommends that the Department for Education sets national expectations for notifying "
        "placing authorities of missing episodes within 24 hours."]
    assert "learning" not in real[2] and "recommendations" not in real[2]


def test_the_real_pickle_nullable_int_masked_values_are_left_out(real):
    # IntegerArray: _data int64 [1, 1, 1] (byte 4052) but _mask bytearray(b'\x01\x01\x01')
    # (byte 4143): every value is missing, so recs_stated is in no record (not 1, 1, 1)
    assert all("recs_stated" not in record for record in real)


# ---------------------------------------------------------------- pickles pandas itself wrote
MIXED = [
    {"case": "Case A", "children": 1, "score": 0.5, "closed": "Yes", "opened": "2021-03-04", "actions": 4,
     "agency": "Police"},
    {"case": "Case B", "children": 2, "closed": "No", "agency": "Health"},
    {"children": 3, "score": 2.25, "closed": "Yes", "opened": "2022-11-30 14:15:00", "actions": 7},
]


@pytest.mark.parametrize("name", ["mixed_protocol2.pkl", "mixed_protocol4.pkl"])
def test_pandas_pickles_of_each_column_kind(name):
    """object, int64, float64 (NaN), bool, datetime64[ns] (NaT), Int64 (NA), string (NA)."""
    records = pickle_records((FIXTURES / name).read_bytes())
    assert records == MIXED
    assert list(records[0]) == ["case", "children", "score", "closed", "opened", "actions", "agency"]


def test_a_pandas_pickle_of_2d_blocks_a_list_column_and_a_named_index():
    """The ints are one 3 x 4 block placed by an array [0, 2, 3], the floats one placed by
    slice(1, 7, 3); a nullable boolean, a Float64, a list column; the index named "ref"."""
    records = pickle_records((FIXTURES / "wide_protocol4.pkl").read_bytes())
    assert records == [
        {"ref": "R-1", "year": 2019, "weight": 1.5, "pages": 30, "visits": 5, "ratio": 0.1,
         "themes": ["neglect", "housing"], "published": "Yes", "cost": 1.25},
        {"ref": "R-2", "year": 2020, "weight": 2.0, "pages": 41, "visits": 0, "ratio": 0.2},
        {"ref": "R-3", "year": 2021, "pages": 12, "visits": 2, "ratio": 0.3, "themes": ["online harm"],
         "published": "No", "cost": 3.0},
        {"ref": "R-4", "year": 2022, "weight": 0.25, "pages": 8, "visits": 9, "published": "Yes",
         "cost": 4.5},
    ]
    assert list(records[0])[:3] == ["ref", "year", "weight"]  # the named index first


@pytest.mark.parametrize("name", ["dated_protocol5.pkl", "dated_protocol2.pkl"])
def test_pandas_pickles_of_a_fortran_block_dates_in_seconds_and_pandas_na(name):
    assert pickle_records((FIXTURES / name).read_bytes()) == [
        {"x": 1.0, "y": 2.0, "day": "2020-01-31", "name": "Ann"},
        {"x": 3.0, "y": 4.0},
        {"x": 5.0, "day": "1969-12-31", "name": "Bo"},
    ]


def test_the_fixtures_are_the_protocols_they_are_named_for():
    for name, protocol in [("mixed_protocol2.pkl", 2), ("mixed_protocol4.pkl", 4), ("wide_protocol4.pkl", 4),
                           ("dated_protocol5.pkl", 5), ("dated_protocol2.pkl", 2)]:
        assert (FIXTURES / name).read_bytes()[:2] == bytes([0x80, protocol])


# ---------------------------------------------------------------------------------- security
def _hostile(tmp_path: Path) -> list[bytes]:
    """Pickles that would run code when unpickled, each touching a file of its own."""
    system = f"cos\nsystem\n(S'touch {tmp_path / 'pwned'}'\ntR.".encode()
    evaled = f"cbuiltins\neval\n(S'open(\"{tmp_path / 'pwned_eval'}\", \"w\").close()'\ntR.".encode()
    # protocol 4: a DataFrame whose state calls os.system where its BlockManager should be
    inside = (b"\x80\x04\x8c\x06pandas\x8c\tDataFrame\x93)\x81}\x8c\x04_mgr\x8c\x02os\x8c\x06system\x93"
              + b"\x8c" + bytes([len(f"touch {tmp_path / 'pwned_inside'}")])
              + f"touch {tmp_path / 'pwned_inside'}".encode() + b"\x85Rsb.")
    # a module no one has imported: reading must not import it
    unknown = b"ccasegraph_no_such_module_42\nrun\n(tR."
    return [system, evaled, inside, unknown]


def test_hostile_pickles_are_refused_and_run_nothing(tmp_path):
    before = set(sys.modules)
    for data in _hostile(tmp_path):
        with pytest.raises(ValueError, match=r"not a pandas DataFrame|where pandas keeps its BlockManager"):
            pickle_records(data)
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "pwned_eval").exists()
    assert not (tmp_path / "pwned_inside").exists()
    assert set(sys.modules) == before
    assert "casegraph_no_such_module_42" not in sys.modules


def test_the_refusals_name_what_the_pickle_holds(tmp_path):
    system, evaled, inside, _ = _hostile(tmp_path)
    with pytest.raises(ValueError, match=r"a pickle of os\.system, not a pandas DataFrame: export it as CSV"):
        pickle_records(system)
    with pytest.raises(ValueError, match=r"a pickle of builtins\.eval"):
        pickle_records(evaled)
    with pytest.raises(ValueError, match=r"a DataFrame holding os\.system where pandas keeps"):
        pickle_records(inside)
    with pytest.raises(ValueError, match="a pickle of a dict, not a pandas DataFrame"):
        pickle_records(pickle.dumps({"ref": "R-1"}))
    with pytest.raises(ValueError, match=r"a pickle of collections\.OrderedDict"):
        pickle_records(pickle.dumps(OrderedDict(ref="R-1")))


def test_the_reader_never_unpickles(monkeypatch):
    def forbidden(*_args, **_kwargs):
        raise AssertionError("unpickled")

    for name in ("load", "loads", "Unpickler", "_loads", "_load"):
        monkeypatch.setattr(pickle, name, forbidden, raising=False)
    assert len(pickle_records(REAL.read_bytes())) == 3
    # nor could it: its code imports no pickle, pandas or importlib and names none of their loaders
    tree = ast.parse(Path(pickled.__file__).read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported == {"__future__", "datetime", "math", "pickletools", "struct", "collections.abc",
                        "dataclasses", "casegraph.core.errors"}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert not names & {"load", "loads", "Unpickler", "read_pickle", "find_class", "__import__",
                        "import_module", "eval", "exec"}


# ------------------------------------------------------------------------------ damage, bounds
def test_damaged_bytes_give_one_short_reason():
    data = REAL.read_bytes()
    for damaged in (data[:100], data[:-1], b"", b"\x80\x05\xff.", b"not a pickle"):
        with pytest.raises(ValueError) as caught:
            pickle_records(damaged)
        assert len(str(caught.value)) <= 300 and "\n" not in str(caught.value)


def test_too_large_a_pickle_is_refused_unread():
    with pytest.raises(ValueError, match="MB"):
        pickle_records(b"\x80\x05" + bytes(pickled.PICKLE_MAX))


def test_the_opcodes_walked_are_bounded(monkeypatch):
    monkeypatch.setattr(pickled, "OPCODES_MAX", 1000)
    with pytest.raises(ValueError, match="opcodes"):
        pickle_records(b"\x80\x04" + b"N0" * 600 + b"N.")


def test_deeply_nested_lists_are_refused_not_a_crash():
    data = REAL.read_bytes()
    # the keywords list of the first row (EMPTY_LIST at byte 3863) holding lists 10,000 deep
    at = data.index(b"\x8c\x09methadone")
    nested = data[:at] + b"]" * 10_000 + b"a" * 10_000 + data[at:]
    with pytest.raises(ValueError):
        pickle_records(nested)


def test_seeded_fuzz_gives_records_or_a_reason():
    data = REAL.read_bytes()
    rng = random.Random(55)
    cases = [data[:rng.randrange(len(data))] for _ in range(50)]
    for _ in range(50):
        flipped = bytearray(data)
        flipped[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        cases.append(bytes(flipped))
    for case in cases:
        started = time.monotonic()
        try:
            records = pickle_records(case)
        except ValueError as exc:
            assert len(str(exc)) <= 300
        else:
            assert isinstance(records, list) and all(isinstance(r, dict) for r in records)
        assert time.monotonic() - started < 5
