"""The build's output directory: the one place that knows its file names, caches and commit step.

Layout of ``OUT/`` (default ``build/``)::

    casegraph.ttl                 the published graph (reviews + concept schemes)
    validation-report.ttl/.txt    the SHACL findings
    quarantine.ttl                reviews left out because their data broke a shape
    .casegraph-cache/             per-page extraction and per-review validation caches
    .casegraph.lock               held while a build writes here

Nothing else in casegraph writes into ``OUT/``.  Every file of a build is serialised first and
replaced together by :meth:`OutputDir.commit`; caches are written only by a build that commits,
so a failed build leaves the directory exactly as it was.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from casegraph.core.errors import CasegraphError
from casegraph.core.fsutil import write_all_atomic

DATA_FILE = "casegraph.ttl"
REPORT_FILE = "validation-report.ttl"
REPORT_TEXT = "validation-report.txt"
QUARANTINE_FILE = "quarantine.ttl"
CACHE_DIR = ".casegraph-cache"
LOCK_FILE = ".casegraph.lock"
#: Outputs that belong to one build and are replaced together.
BUILD_FILES = (DATA_FILE, REPORT_FILE, REPORT_TEXT, QUARANTINE_FILE)


class OutputDir:
    """``OUT/`` of one build; see the module docstring."""

    def __init__(self, root: Path):
        self.root = Path(root)

    @property
    def data(self) -> Path:
        return self.root / DATA_FILE

    @property
    def extract_cache(self) -> Path:
        return self.root / CACHE_DIR / "extract"

    @property
    def validation_cache(self) -> Path:
        return self.root / CACHE_DIR / "validation.json"

    def read_validation_cache(self) -> object:
        """The validation cache as JSON, or None when absent or unreadable (a miss, not an error)."""
        try:
            return json.loads(self.validation_cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold ``OUT/.casegraph.lock`` so two builds never write here at once; the second fails.

        A build that fails leaves no trace: if it created ``OUT/`` and wrote nothing else there,
        the directory is removed again.
        """
        created = not self.root.exists()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise CasegraphError(f"cannot use the output directory: {exc.strerror}", self.root) from None
        ok = False
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                created = False  # the other build owns it
                raise CasegraphError("another casegraph build is writing here; wait for it to "
                                     "finish", self.root) from None
            yield
            ok = True
        finally:
            os.close(fd)
            if created and not ok and [p.name for p in self.root.iterdir()] == [LOCK_FILE]:
                (self.root / LOCK_FILE).unlink(missing_ok=True)
                self.root.rmdir()

    def commit(self, files: Mapping[str, bytes | None], caches: Mapping[Path, bytes]) -> None:
        """Replace the build files together, then write the caches.

        ``files`` maps names of :data:`BUILD_FILES` to their bytes; ``None`` removes a file that
        this build does not produce (a quarantine file left from an earlier build).
        """
        unknown = set(files) - set(BUILD_FILES)
        if unknown:
            raise ValueError(f"not a build output: {sorted(unknown)}")
        write_all_atomic({self.root / name: data for name, data in files.items() if data is not None})
        for name, data in files.items():
            if data is None:
                (self.root / name).unlink(missing_ok=True)
        write_all_atomic(dict(caches))
