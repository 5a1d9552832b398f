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
