"""The build's output directory: the one place that knows its file names, caches and commit step.

Layout of ``OUT/`` (default ``build/``)::

    casegraph.ttl                 the published graph (reviews + concept schemes)
    validation-report.ttl/.txt    the SHACL findings
    quarantine.ttl                reviews left out because their data broke a shape (if any)
    search.sqlite                 the full-text index of casegraph.ttl (casegraph search)
    .casegraph-builds/<id>/       the files of one build; the names above are symbolic links
    .casegraph-builds/current     -> <id>: the build that OUT/ shows
    .casegraph-cache/             per-page extraction, per-review validation and search caches,
                                  each review's Turtle blocks (reviews/*.pack) and the
                                  merged reviews of the last build (snapshot.json)
    .casegraph.lock               held while a build writes here

Nothing else in casegraph writes into ``OUT/``.  A build writes its files into a new
``.casegraph-builds/<id>/`` and then switches ``current`` to it with one atomic rename, so a
reader, or a crash at any moment, sees all the files of the old build or all those of the new
one, never a mixture.  Leftovers of a build that was killed are removed by the next one.  Caches
are written only by a build that commits, so a failed build leaves the outputs as they were.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from pathlib import Path

from casegraph.core.errors import CasegraphError
from casegraph.core.fsutil import Content, sync_dir, umask, write_all_atomic
from casegraph.search import INDEX_FILE

DATA_FILE = "casegraph.ttl"
REPORT_FILE = "validation-report.ttl"
REPORT_TEXT = "validation-report.txt"
QUARANTINE_FILE = "quarantine.ttl"
SEARCH_FILE = INDEX_FILE  # its name is the search package's: searches look for it beside the data
CACHE_DIR = ".casegraph-cache"
LOCK_FILE = ".casegraph.lock"
BUILDS_DIR = ".casegraph-builds"
CURRENT = "current"
#: Folders in ``OUT/.casegraph-cache/`` where a build keeps the caches it will write (:class:`Spool`).
SPOOL_PREFIX = ".spool-"
#: Outputs that belong to one build and are replaced together.
BUILD_FILES = (DATA_FILE, REPORT_FILE, REPORT_TEXT, QUARANTINE_FILE, SEARCH_FILE)


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

    @property
    def review_cache(self) -> Path:
        return self.root / CACHE_DIR / "reviews"

    @property
    def search_cache(self) -> Path:
        return self.root / CACHE_DIR / "search.json"

    @property
    def recurrence_cache(self) -> Path:
        return self.root / CACHE_DIR / "recurrence.json"

    def read_recurrence_cache(self) -> bytes | None:
        """The last build's recurrence clusters (``pipeline/recurcache.py``), or None (a miss)."""
        return _bytes_or_none(self.recurrence_cache)

    @property
    def search_record(self) -> Path:
        """Which review subgraph each review's rows in ``search.sqlite`` are of (searchcache)."""
        return self.root / CACHE_DIR / "search-index.json"

    def read_search_index(self) -> tuple[bytes | None, bytes | None]:
        """The current build's ``search.sqlite`` and its record, each None when absent or
        unreadable (a miss: the index is then made afresh)."""
        return _bytes_or_none(self.root / SEARCH_FILE), _bytes_or_none(self.search_record)

    @property
    def snapshot(self) -> Path:
        return self.root / CACHE_DIR / "snapshot.json"

    def read_snapshot(self) -> bytes | None:
        """The previous build's review snapshot (``pipeline/snapshot.py``), or None (a miss)."""
        return _bytes_or_none(self.snapshot)

    def read_search_cache(self) -> bytes | None:
        """The search texts cache as bytes, or None when absent or unreadable (a miss)."""
        return _bytes_or_none(self.search_cache)

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
            self.recover()
            yield
            ok = True
        finally:
            os.close(fd)
            if created and not ok and [p.name for p in self.root.iterdir()] == [LOCK_FILE]:
                (self.root / LOCK_FILE).unlink(missing_ok=True)
                self.root.rmdir()

    def commit(self, files: Mapping[str, Content | None], caches: Mapping[Path, bytes]) -> Path:
        """Publish the build files as one unit (see the module docstring), then write the caches;
        return the new build's folder.

        ``files`` maps names of :data:`BUILD_FILES` to their bytes, or to a function that
        writes them to a file (``casegraph.ttl`` is streamed block by block, DECISIONS 64);
        ``None`` for a file this build does not produce (no quarantine).
        """
        unknown = set(files) - set(BUILD_FILES)
        if unknown:
            raise ValueError(f"not a build output: {sorted(unknown)}")
        builds = self.root / BUILDS_DIR
        try:
            builds.mkdir(parents=True, exist_ok=True)
            new = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
            new.chmod(0o777 & ~umask())  # mkdtemp makes it private; outputs are for readers
        except OSError as exc:
            raise CasegraphError(f"cannot write: {exc.strerror}", builds) from None
        write_all_atomic({new / name: data for name, data in files.items() if data is not None})
        self._switch(new)
        for name in BUILD_FILES:
            self._link(name, present=(new / name).exists())
        self.recover()  # the build that was current until now
        write_all_atomic(caches)  # one cache's bytes at a time when they are spooled
        return new

    def _switch(self, new: Path) -> None:
        """Point ``current`` at ``new`` with one rename: the moment the new build appears."""
        builds = new.parent
        tmp = builds / f".{CURRENT}-{secrets.token_hex(6)}"
        try:
            os.symlink(new.name, tmp)
            os.replace(tmp, builds / CURRENT)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise CasegraphError(f"cannot publish the build: {exc.strerror}", builds) from None
        sync_dir(builds)

    def _link(self, name: str, present: bool) -> None:
        """``OUT/name`` as a link into the current build (made once; earlier layouts migrate)."""
        path, target = self.root / name, Path(BUILDS_DIR) / CURRENT / name
        if not present:
            if path.is_symlink() or path.exists():
                path.unlink()
            return
        if path.is_symlink() and Path(os.readlink(path)) == target:
            return
        tmp = self.root / f".{name}.{secrets.token_hex(6)}.link"
        os.symlink(target, tmp)
        os.replace(tmp, path)

    def recover(self) -> None:
        """Remove what a killed build left behind: builds that are not current, temporary files."""
        builds = self.root / BUILDS_DIR
        current = builds / CURRENT
        keep = os.readlink(current) if current.is_symlink() else None
        if builds.is_dir():
            for entry in builds.iterdir():
                if entry.is_symlink() and entry.name != CURRENT:
                    entry.unlink(missing_ok=True)
                elif entry.is_dir() and not entry.is_symlink() and entry.name != keep:
                    shutil.rmtree(entry, ignore_errors=True)
        for folder in (self.root, self.root / CACHE_DIR, self.extract_cache, self.review_cache):
            if folder.is_dir():
                for leftover in folder.glob(".*.tmp"):
                    leftover.unlink(missing_ok=True)
                for leftover in folder.glob(".*.link"):
                    leftover.unlink(missing_ok=True)


    @contextmanager
    def spool(self) -> Iterator[Spool]:
        """A :class:`Spool` for this build's caches, removed when the build ends; a killed
        build's is removed here by the next one (call it holding the lock, :meth:`locked`)."""
        cache = self.root / CACHE_DIR
        created = not cache.exists()
        for leftover in cache.glob(f"{SPOOL_PREFIX}*") if not created else ():
            shutil.rmtree(leftover, ignore_errors=True)
        try:
            cache.mkdir(parents=True, exist_ok=True)
            folder = Path(tempfile.mkdtemp(prefix=SPOOL_PREFIX, dir=cache))
        except OSError as exc:
            raise CasegraphError(f"cannot write: {exc.strerror}", cache) from None
        spool = Spool(folder)
        try:
            yield spool
        finally:
            spool.close()
            shutil.rmtree(folder, ignore_errors=True)
            if created:  # a failed first build leaves no trace (see :meth:`locked`)
                with contextlib.suppress(OSError):
                    cache.rmdir()


class Spool(MutableMapping[Path, bytes]):
    """The cache files a build will write, by path, held on disk instead of in memory until
    :meth:`OutputDir.commit` writes them one at a time.

    Caches are written only by a build that commits, so a build used to hold every new cache's
    bytes until its end: at 100,000 reviews that was 3.4 GB of extraction cache and 4.3 GB of
    review packs (DECISIONS 62).  The spool is a folder inside ``OUT/.casegraph-cache/`` (the same
    disk as the caches); nothing in it is ever read as a cache.  Once the build has ended it is
    closed: empty, and what is still put in it is dropped (a build's result that makes its
    reviews' objects later, ``BuildResult.reviews``, reads the committed caches, or extracts a
    page again, and no build will write that cache entry any more)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: dict[Path, Path] = {}
        self.made = 0
        self.closed = False

    def __setitem__(self, path: Path, data: bytes) -> None:
        if self.closed:
            return
        file = self.files.get(path)
        if file is None:
            file, self.made = self.folder / str(self.made), self.made + 1
        try:
            file.write_bytes(data)
        except OSError as exc:
            raise CasegraphError(f"cannot write: {exc.strerror}", file) from None
        self.files[path] = file

    def __getitem__(self, path: Path) -> bytes:
        return self.files[path].read_bytes()

    def __delitem__(self, path: Path) -> None:
        self.files.pop(path).unlink(missing_ok=True)

    def __iter__(self) -> Iterator[Path]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def scratch(self, name: str) -> Path:
        """A folder in the spool for the build's own working files, which are never committed
        and go with the spool (the review cache's batches, DECISIONS 64)."""
        folder = self.folder / name
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise CasegraphError(f"cannot write: {exc.strerror}", folder) from None
        return folder

    def close(self) -> None:
        """The build has ended: the spool is empty from now on and takes nothing more."""
        self.closed = True
        self.files.clear()


def _bytes_or_none(path: Path) -> bytes | None:
    """A cache file's bytes, or None when it is absent or unreadable: a cache miss, never an
    error (the build then makes that piece afresh)."""
    try:
        return path.read_bytes()
    except OSError:
        return None
