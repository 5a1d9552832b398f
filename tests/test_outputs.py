"""Outputs are committed as one unit, and what a killed build leaves is cleaned up.

Probe finding 8: a kill at the third rename left a new casegraph.ttl beside the old reports, and
a kill between the two store renames left no store at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.core.errors import CasegraphError
from casegraph.core.resources import default_sources
from casegraph.pipeline import outputs
from casegraph.pipeline.build import build
from casegraph.store.engines import OxigraphEngine, fill_store

SEED = default_sources() / "nspcc-repository-2023-05.txt"
PAGE = ("Invented page for testing.\n\n2024 – Exampleshire – Child 1\n"
        "Child 1, aged 3, was neglected over several years.\n")


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in outputs.BUILD_FILES if (out / name).exists()}


def test_a_build_killed_before_its_switch_leaves_the_old_build_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build([SEED], out)
    before = _snapshot(out)
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")

    def killed(self: outputs.OutputDir, new: Path) -> None:
        raise KeyboardInterrupt  # the moment before the switch: every new file is written

    monkeypatch.setattr(outputs.OutputDir, "_switch", killed)
    with pytest.raises(KeyboardInterrupt):
        build([page], out)
    assert _snapshot(out) == before  # data and reports of one and the same build
    monkeypatch.undo()
    build([page], out)  # the next build publishes and removes the dead build's files
    builds = [p for p in (out / outputs.BUILDS_DIR).iterdir() if not p.is_symlink()]
    assert len(builds) == 1
    assert "Child 1" in (out / "casegraph.ttl").read_text(encoding="utf-8")


def test_outputs_are_links_into_one_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([SEED], out)
    for name in (outputs.DATA_FILE, outputs.REPORT_FILE, outputs.REPORT_TEXT):
        assert (out / name).is_symlink()
        assert (out / name).resolve().parent == (out / outputs.BUILDS_DIR / outputs.CURRENT).resolve()
    (out / ".casegraph.ttl.abc.tmp").write_text("left by a killed build")
    build([SEED], out)
    assert not (out / ".casegraph.ttl.abc.tmp").exists()


def test_the_store_is_never_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build([SEED], out)
    store = tmp_path / "store"
    n = fill_store(store, out / "casegraph.ttl")
    (tmp_path / ".store.dead.loading").mkdir()  # what a killed fill leaves

    import casegraph.store.engines as engines

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(engines.os, "replace", failing_replace)
    with pytest.raises(OSError):
        fill_store(store, out / "casegraph.ttl")
    monkeypatch.undo()
    assert len(OxigraphEngine(store, read_only=True)) == n  # the old store is still there
    fill_store(store, out / "casegraph.ttl")
    left = sorted(p.name for p in tmp_path.glob(".store.*"))
    assert len(left) == 1 and (tmp_path / left[0]).resolve() == store.resolve()


def test_a_path_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.txt").write_text("mine")
    with pytest.raises(CasegraphError, match="not an Oxigraph store"):
        fill_store(tmp_path / "notes", SEED)
