"""The wheel works anywhere: built, installed into a fresh venv, run from a temporary directory.

This is the ordinary user's install (``pip install .``, not editable): the ontology and the
saved queries must come from inside the package, not from the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from casegraph.core.resources import checkout_root

pytestmark = pytest.mark.slow
ROOT = checkout_root()
SEED = "nspcc-repository-2023-05.txt"


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel of this checkout installed (not editable); its bin/."""
    assert ROOT is not None, "the tests run from a checkout"
    work = tmp_path_factory.mktemp("wheel")
    before = set((ROOT / "build").glob("lib*")) if (ROOT / "build").exists() else set()
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)],
                 cwd=work)
    assert built.returncode == 0, built.stderr
    after = set((ROOT / "build").glob("lib*")) if (ROOT / "build").exists() else set()
    assert after == before, "packaging wrote into build/, the default output folder"
    wheel, = work.glob("casegraph-*.whl")
    # No pip of its own (ensurepip cost more CPU than building the wheel): this run's pip
    # installs into the new venv with --python, running under the venv's interpreter.
    venv.create(work / "venv", with_pip=False)
    bin_dir = work / "venv" / "bin"
    # The wheel itself is installed as a user would; its dependencies are borrowed from this
    # test run's environment through a .pth line instead of being downloaded again (minutes of
    # CI). Only the new venv's own .pth files are processed, so the editable casegraph of this
    # environment never shadows the wheel's. That every import is a declared dependency is
    # checked apart, in test_wheel_declares_every_dependency_it_imports.
    site = next((work / "venv" / "lib").glob("python*/site-packages"))
    (site / "borrowed-deps.pth").write_text(
        "\n".join(p for p in sys.path if p.endswith("site-packages")) + "\n", encoding="utf-8")
    done = _run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "-q",
                 "--no-deps", str(wheel)], cwd=work)
    assert done.returncode == 0, done.stderr
    return bin_dir


def test_wheel_declares_every_dependency_it_imports(installed: Path) -> None:
    """Every third-party module the package imports belongs to a distribution the wheel
    declares in Requires-Dist, so a plain ``pip install`` brings everything it needs; a module
    imported only under ``except ImportError`` (Tableau's Hyper API, DECISIONS 114) belongs to
    one of its optional extras other than ``test``, which the refusal names."""
    import importlib.metadata as md
    import re

    meta = next((installed.parent / "lib").glob("python*/site-packages/casegraph-*.dist-info"))
    requires = md.PathDistribution(meta).requires or []

    def canonical(name: str) -> str:
        """A distribution's name as PEP 503 compares it ("dissect.evidence" is "dissect-evidence")."""
        return re.sub(r"[-_.]+", "-", name).lower()

    def names(rs: list[str]) -> set[str]:
        return {canonical(re.split(r"[ ;<>=!~\[]", r, maxsplit=1)[0]) for r in rs}

    declared = names([r for r in requires if "extra ==" not in r])
    optional = names([r for r in requires if "extra ==" in r and 'extra == "test"' not in r])
    unguarded, guarded = _third_party_imports()
    owners = md.packages_distributions()

    def undeclared(modules: set[str], wanted: set[str]) -> dict[str, list[str] | None]:
        return {m: owners.get(m) for m in modules
                if not {canonical(d) for d in owners.get(m, [])} & wanted}

    missing = undeclared(unguarded, declared)
    assert not missing, f"imported but not declared in pyproject dependencies: {missing}"
    assert guarded, "no optional import: the check of extras below would check nothing"
    missing = undeclared(guarded - unguarded, optional)
    assert not missing, f"imported under ImportError but in no optional extra: {missing}"


def _third_party_imports() -> tuple[set[str], set[str]]:
    """The third-party top-level modules the package imports unguarded, and those it imports
    inside a ``try`` whose handler catches ImportError."""
    import ast

    unguarded: set[str] = set()
    guarded: set[str] = set()
    for path in (ROOT / "src" / "casegraph").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.Try) and any(
                      isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                      for h in node.handlers)
                  for child in node.body for inner in ast.walk(child)}
        for node in ast.walk(tree):
            (guarded if id(node) in inside else unguarded).update(_modules(node))
    stdlib = set(sys.stdlib_module_names) | {"casegraph"}
    return unguarded - stdlib, guarded - stdlib


def _modules(node: object) -> set[str]:
    """The top-level modules an import statement names (none for any other node or a relative
    import)."""
    import ast

    if isinstance(node, ast.Import):
        return {a.name.split(".")[0] for a in node.names}
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        return {node.module.split(".")[0]}
    return set()


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CASEGRAPH_HOME"}
    env["PYTHONPATH"] = ""
    return env


def test_wheel_builds_queries_and_lists_from_any_directory(installed: Path, tmp_path: Path) -> None:
    page = tmp_path / SEED
    page.write_bytes((ROOT / "data" / "sources" / SEED).read_bytes())
    cg = str(installed / "casegraph")
    built = _run([cg, "build", str(page), "--out", "out", "-q"], cwd=tmp_path, env=_env())
    assert built.returncode == 0, built.stderr
    assert "6 reviews" in built.stdout
    assert (tmp_path / "out" / "casegraph.ttl").stat().st_size > 10_000
    listed = _run([cg, "queries"], cwd=tmp_path, env=_env())
    assert listed.returncode == 0 and "case-concepts" in listed.stdout
    cases = _run([cg, "query", "cases", "--data", "out/casegraph.ttl", "--format", "csv"],
                 cwd=tmp_path, env=_env())
    assert cases.returncode == 0, cases.stderr
    assert cases.stdout.count("https://w3id.org/casegraph/id/review/") == 6


def test_wheel_uses_its_own_resources(installed: Path, tmp_path: Path) -> None:
    where = _run([str(installed / "python"), "-c",
                  "from casegraph.core.resources import ontology_dir; print(ontology_dir())"],
                 cwd=tmp_path, env=_env())
    assert where.returncode == 0, where.stderr
    assert "site-packages" in where.stdout and str(ROOT) not in where.stdout


def test_wheel_without_sources_says_where_pages_go(installed: Path, tmp_path: Path) -> None:
    done = _run([str(installed / "casegraph"), "build"], cwd=tmp_path, env=_env())
    assert done.returncode == 2
    line, = done.stderr.strip().splitlines()
    assert "data/sources" in line and "casegraph build PAGE" in line
