"""Write outputs atomically: a temporary file in the same directory, then a rename.

A crash, a full disk or a failed validation can therefore never leave a half-written file in
place of a good one.  Several outputs that belong together (the data and its validation
report) are all written to temporary files first and renamed only when every one succeeded,
so a failure never leaves a new data file next to an old report.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from casegraph.core.errors import CasegraphError

Content = bytes | Callable[[BinaryIO], None]


def umask() -> int:
    """The process umask (read by setting and restoring it; there is no other portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """Permissions for the new file: those of the file it replaces, else 0666 minus the umask.

    ``mkstemp`` creates files 0600; without this every output would become private to the
    user who ran the build, unlike a file written with ``open()``.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~umask()


def _write_temp(path: Path, data: Content) -> str:
    """Write ``data`` to a synced temporary file beside ``path``; return its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CasegraphError(f"cannot write: {exc.strerror}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise CasegraphError(f"cannot write: {exc.strerror}", path) from None
        raise
    return tmp


def sync_dir(directory: Path) -> None:
    """Make the renames durable (best effort: not every platform can open a directory)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: Content) -> None:
    """Replace ``path`` with ``data`` (bytes, or a function that writes to a binary file)."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: Mapping[Path, Content]) -> None:
    """Replace every file in ``files``; if any cannot be written, none is replaced."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            temps.append((_write_temp(Path(path), data), Path(path)))
        for tmp, path in temps:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise CasegraphError(f"cannot write: {exc.strerror}", path) from None
    finally:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    for directory in {p.parent for _, p in temps}:
        sync_dir(directory)


def write_folder(out: Path, files: Mapping[str, bytes], marker: str) -> None:
    """Write a generated folder (``casegraph docs``) that replaces ``out`` only once complete.

    The files go into a fresh sibling folder, which then takes ``out``'s place; the old folder is
    removed only after that, so a failure leaves the old one whole.  ``out`` is replaced only when
    it is missing, empty or holds the file ``marker`` (a folder casegraph wrote): ``--out
    ~/Documents`` must never delete a user's folder.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CasegraphError("exists and is not a directory; choose another --out", out)
    if out.is_dir() and any(out.iterdir()) and not (out / marker).exists():
        raise CasegraphError("the directory is not empty and was not written by casegraph; "
                             "choose another --out", out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    except OSError as exc:
        raise CasegraphError(f"cannot write: {exc.strerror}", out) from None
    try:
        for rel, data in {**files, marker: f"written by casegraph: {out.name}\n".encode()}.items():
            path = staged / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for directory, _, _ in os.walk(staged):  # mkdtemp makes 0700; a site is read by others
            os.chmod(directory, 0o777 & ~umask())
        old = out.with_name(f".{out.name}.old-{os.getpid()}") if out.exists() else None
        if old is not None:
            os.rename(out, old)
        os.rename(staged, out)
    except OSError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        raise CasegraphError(f"cannot write: {exc.strerror}", out) from None
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    sync_dir(out.parent)
