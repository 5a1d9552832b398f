"""Process pools whose workers die with the build.

``ProcessPoolExecutor`` workers outlive a parent killed with SIGKILL or stopped by SIGTERM
before it can shut the pool down: the fault probe found them running on with PPID 1, hundreds of
megabytes each, for over a minute.  On Linux a worker asks the kernel to send it SIGTERM when
its parent dies (``prctl(PR_SET_PDEATHSIG)``), and it also checks, in case the parent died
before the request was made.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Pool initializer: end this worker when the process that started it ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the check below still covers a parent that is already gone
    if os.getppid() != parent:
        os._exit(1)


def pool(workers: int) -> ProcessPoolExecutor:
    """A process pool of ``workers`` whose workers end when this process ends."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent,
                               initargs=(os.getpid(),))
