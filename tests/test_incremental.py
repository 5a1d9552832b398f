"""Rebuilding after adding a page re-extracts and re-validates only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casegraph.pipeline.build import build
from casegraph.pipeline.outputs import CACHE_DIR

CORPUS = Path(__file__).parent / "corpus"


def test_adding_a_page_validates_only_its_reviews(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(CORPUS / "nspcc-repository-2023-05.txt", src)
    out = tmp_path / "out"
    first = build([src], out)
    assert first.validation == {"validated": 6, "cached": 0}
    extract_cache = sorted((out / CACHE_DIR / "extract").iterdir())
    assert len(extract_cache) == 1

    shutil.copy(CORPUS / "yearly-2018-01.txt", src)
    second = build([src], out)
    assert len(second.reviews) == 9
    assert second.validation == {"validated": 3, "cached": 6}
    assert len(list((out / CACHE_DIR / "extract").iterdir())) == 2
    assert extract_cache[0].exists()  # the unchanged page's extraction was reused

    again = build([src], out)
    assert again.validation == {"validated": 0, "cached": 9}
    assert (out / "casegraph.ttl").read_bytes() == build([src], tmp_path / "fresh").out.joinpath(
        "casegraph.ttl").read_bytes()


def test_a_changed_page_is_extracted_again(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    page = src / "page.txt"
    page.write_text((CORPUS / "monthly-2025-01.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert build([src], out).reviews[0].children[0].age_months == 0
    page.write_text(page.read_text(encoding="utf-8").replace("8-day-old", "5-month-old"),
                    encoding="utf-8")
    rebuilt = build([src], out)
    assert rebuilt.reviews[0].children[0].age_months == 5
    assert rebuilt.validation == {"validated": 1, "cached": 0}


@pytest.mark.slow
def test_many_pages_extract_in_parallel_with_the_same_result(tmp_path: Path,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    for page in sorted(CORPUS.glob("*.txt")):
        for copy in range(2):  # 14 pages: above the parallel threshold
            shutil.copy(page, src / f"{copy}-{page.name}")
    monkeypatch.setenv("CASEGRAPH_WORKERS", "2")
    parallel = build([src], None)
    monkeypatch.setenv("CASEGRAPH_WORKERS", "1")
    serial = build([src], None)
    assert [r.slug for r in parallel.reviews] == [r.slug for r in serial.reviews]
    assert sorted(map(str, parallel.triples)) == sorted(map(str, serial.triples))


def test_a_bad_page_in_a_parallel_build_is_named(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from casegraph.core.errors import CasegraphError

    src = tmp_path / "src"
    src.mkdir()
    for n in range(9):
        shutil.copy(CORPUS / "monthly-2025-01.txt", src / f"page-{n}.txt")
    (src / "page-5.txt").write_bytes(b"\x00\x01binary")
    monkeypatch.setenv("CASEGRAPH_WORKERS", "2")
    with pytest.raises(CasegraphError) as exc:
        build([src], tmp_path / "out")
    assert "page-5.txt" in str(exc.value) and "binary" in str(exc.value)
    assert not (tmp_path / "out").exists()
