"""Where casegraph finds its own ontology, shapes and saved queries.

They are first-class source files at the top of the repository (``ontology/``, ``queries/``),
not package data, so they are reviewed like code.  The package is installed editable
(``pip install -e .``); ``CASEGRAPH_HOME`` overrides the location for other layouts.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    env = os.environ.get("CASEGRAPH_HOME")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "ontology").is_dir() and (parent / "queries").is_dir():
            return parent
    return Path.cwd()


def ontology_dir() -> Path:
    return project_root() / "ontology"


def queries_dir() -> Path:
    return project_root() / "queries"


def default_sources() -> Path:
    return project_root() / "data" / "sources"


def default_curations() -> Path:
    return project_root() / "data" / "curations"
