"""Where casegraph finds its own ontology, shapes and saved queries, and where data lives.

``ontology/`` and ``queries/`` are first-class source files at the top of the repository, reviewed
like code.  They are also copied into the wheel as ``casegraph/_data/`` (see ``pyproject.toml``), so
an ordinary ``pip install .`` works from any directory.  The order of precedence:

1. ``CASEGRAPH_HOME`` (a directory holding ``ontology/`` and ``queries/``), for other layouts;
2. the checkout this module lives in (an editable install, or running from the source tree);
3. the copy inside the installed package.

Data (``data/sources``, ``data/curations``) belongs to the user: in a checkout it is the
repository's ``data/``; elsewhere it is ``./data`` in the current directory.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

#: The top-level resource folders that ship with the code.
RESOURCE_DIRS = ("ontology", "queries")


def _has_resources(root: Path) -> bool:
    return all((root / name).is_dir() for name in RESOURCE_DIRS)


@cache
def checkout_root() -> Path | None:
    """The source checkout this package runs from, or None for an installed wheel."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and _has_resources(parent):
            return parent
    return None


def resource_root() -> Path:
    """The directory that holds ``ontology/`` and ``queries/`` (see the module docstring)."""
    env = os.environ.get("CASEGRAPH_HOME")
    if env:
        return Path(env)
    root = checkout_root()
    if root is not None:
        return root
    return Path(str(resources.files("casegraph") / "_data"))


def ontology_dir() -> Path:
    return resource_root() / "ontology"


def queries_dir() -> Path:
    return resource_root() / "queries"


def reference_dir() -> Path:
    """Reference tables that ship with the code (``data/reference/``: ONS authority codes and
    names, see its README).  Not the user's data: in a wheel they are ``_data/data/reference``.
    A ``CASEGRAPH_HOME`` without its own copy uses the checkout's or the installed package's."""
    roots = [resource_root(), checkout_root(), Path(str(resources.files("casegraph") / "_data"))]
    for root in roots:
        if root is not None and (root / "data" / "reference").is_dir():
            return root / "data" / "reference"
    return resource_root() / "data" / "reference"


def data_root() -> Path:
    """The user's ``data/`` folder: the checkout's, or ``./data`` outside a checkout."""
    env = os.environ.get("CASEGRAPH_HOME")
    if env:
        return Path(env) / "data"
    root = checkout_root()
    return (root if root is not None else Path.cwd()) / "data"


def default_sources() -> Path:
    return data_root() / "sources"


def default_curations() -> Path:
    return data_root() / "curations"


# Kept for callers that ask for the repository itself (tests, benchmarks).
def project_root() -> Path:
    return checkout_root() or Path.cwd()
