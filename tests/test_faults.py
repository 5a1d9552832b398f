"""Faults of the build process itself (fault and security probe, SECURITY.md)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casegraph import synthetic

pytestmark = pytest.mark.slow


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (read from /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_a_build_ends_its_workers(tmp_path: Path, sig: signal.Signals) -> None:
    """Probe finding 4: after kill -9 or SIGTERM, pool workers went on with PPID 1 for > 60 s."""
    pages = tmp_path / "pages"
    synthetic.write_corpus(synthetic.generate(600, 3), pages)
    env = {**os.environ, "CASEGRAPH_WORKERS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "casegraph.cli.main", "build", str(pages), "--out",
                             str(tmp_path / "out"), "-q", "--no-curations"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the build never started its pool"
    proc.send_signal(sig)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _alive(workers)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers outlived the build: {sorted(left)}"
