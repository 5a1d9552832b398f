"""Shared fixtures: the vocabulary, and one build of data/sources/ per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.core.resources import default_curations, default_sources, project_root
from casegraph.extract.vocab import Vocabulary, default_vocabulary
from casegraph.pipeline.build import BuildResult, build

TESTS = Path(__file__).parent
CORPUS = TESTS / "corpus"
GOLD = TESTS / "annotations" / "corpus.jsonl"
#: The modules that take longest (a minute or more each on two cores), run first: pytest-xdist
#: (with --no-loadscope-reorder, pyproject.toml) sends a module to one worker in the order
#: collected, and one of them left to the end ran alone while the other worker sat idle
#: (session 50: the suite must finish in six minutes).
SLOWEST_FIRST = ("test_eval_build.py", "test_validate_scale.py", "test_export_roundtrip.py",
                 "test_eval.py", "test_eval_sets.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest modules first, the rest in the order collected (a stable sort: every worker
    collects the same order, as pytest-xdist requires)."""
    items.sort(key=lambda item: SLOWEST_FIRST.index(item.path.name) if item.path.name in SLOWEST_FIRST
               else len(SLOWEST_FIRST))


@pytest.fixture(scope="session")
def root() -> Path:
    return project_root()


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return default_vocabulary()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The main job: data/sources/ built, validated and written to a temporary directory."""
    out = tmp_path_factory.mktemp("build")
    return build([default_sources()], out, curations=default_curations())


@pytest.fixture(scope="session")
def built_ttl(built: BuildResult) -> Path:
    assert built.out is not None
    return built.out / "casegraph.ttl"
