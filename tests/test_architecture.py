"""The package tree shows the data flow, and imports go one way (README, "Architecture").

A module may import its own stage and earlier stages, never a later one: ``ingest`` never
imports ``store``, and nothing but ``cli`` imports ``cli``.  The check reads every import
statement, including those inside functions, so a lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import casegraph

PACKAGE = Path(casegraph.__file__).parent
#: Stages in data-flow order; a stage may import only itself and those before it.
LAYERS = ("core", "rdfio", "ingest", "extract", "graph", "recur", "validate", "store", "search", "pipeline",
          "report", "evaluate",
          "synthetic", "cli")


def _stage(module: str) -> str:
    """``casegraph.store.push`` -> ``store``; ``casegraph`` itself belongs to ``core``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "core"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("casegraph"):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "relative"))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("casegraph")]
    return found


def _modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "_data" not in p.parts]


def test_every_module_belongs_to_a_known_stage() -> None:
    stages = {_stage("casegraph." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts))
              for p in _modules() if p.name != "__init__.py" or p.parent != PACKAGE}
    assert stages <= set(LAYERS), f"modules outside the known stages: {stages - set(LAYERS)}"
    assert len(_modules()) > 20  # the walk found the package, not an empty folder


def test_imports_go_one_way() -> None:
    bad = []
    for path in _modules():
        rel = path.relative_to(PACKAGE).with_suffix("")
        own = _stage("casegraph." + ".".join(rel.parts))
        for line, target in _imports(path):
            if target == "relative":
                bad.append(f"{rel}:{line}: relative import (use casegraph.<stage>...)")
                continue
            if LAYERS.index(_stage(target)) > LAYERS.index(own):
                bad.append(f"{rel}:{line}: {own} imports later stage {target}")
    assert not bad, "\n".join(bad)


def test_the_check_catches_a_backward_import(tmp_path: Path) -> None:
    """The checker itself can fail: a planted backward import is reported."""
    planted = tmp_path / "m.py"
    planted.write_text("def f():\n    from casegraph.cli.main import main\n")
    (line, target), = _imports(planted)
    assert (line, target) == (2, "casegraph.cli.main")
    assert LAYERS.index(_stage(target)) > LAYERS.index("ingest")
