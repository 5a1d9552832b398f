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


#: The modules that take longest (measured, session 52: the every-page build's module 3 to 4.5
#: minutes, the others 1 to 2), run first.  With ``--dist loadfile`` each module runs on one
#: worker, taken in collection order: collected in name order, the every-page build started
#: late and the suite waited minutes for it at the end, the other worker idle.
SLOWEST_FIRST = ("test_eval_build.py", "test_params.py", "test_export_roundtrip.py",
                 "test_validate_scale.py", "test_shacl_compiled.py", "test_security.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Order the collected tests slowest module first (a stable sort: within a module, and among
    the other modules, the order stays as collected)."""
    rank = {name: n for n, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


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
