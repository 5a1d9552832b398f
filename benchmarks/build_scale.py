"""One cold ``casegraph build`` of a synthetic corpus, then a rebuild after one new page, with
every stage's CPU seconds, the wall clock and the memory (issue 13: the 100k run).

``run.py --build-only`` times the same two builds but reports each stage's wall time only, and
says nothing until a build ends; at 100,000 reviews a build runs for hours on this shared
machine and may be stopped, so this script logs every progress message of the build with the
wall time, the CPU time (the process and its reaped pool workers), the resident memory and the
load average, and writes the figures it has after each build.  Stage CPU comes from the build's
own stage clock (``BuildResult.timings``), which is pointed at the CPU clock.

Usage (the corpus is generated into --cache if absent; run it capped and niced)::

    prlimit --as=14000000000 nice -n 19 python benchmarks/build_scale.py --reviews 100000 \\
        --json 100k.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

from run import extra_page  # the benchmark's own extra page of 40 new reviews

from casegraph import synthetic


def cpu() -> float:
    """CPU seconds of this process and its reaped children (the build's process pools)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def rss_mb() -> float:
    """Resident memory now (MB): what a stage holds, unlike the peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Log:
    """Progress lines on stderr and in the JSON: wall, CPU, RSS, peak, load."""

    def __init__(self) -> None:
        self.t0, self.c0 = time.perf_counter(), cpu()
        self.lines: list[dict[str, object]] = []

    def __call__(self, message: str) -> None:
        row = {"wall": round(time.perf_counter() - self.t0, 1), "cpu": round(cpu() - self.c0, 1),
               "rss_mb": round(rss_mb()), "peak_mb": round(peak_mb()),
               "load": os.getloadavg()[0], "message": message}
        self.lines.append(row)
        print(f"[{time.strftime('%H:%M:%S')}] {row['wall']:>8} s wall {row['cpu']:>8} CPU-s "
              f"{row['rss_mb']:>6} MB (peak {row['peak_mb']}) load {row['load']:.1f}  {message}",
              file=sys.stderr, flush=True)


def corpus(reviews: int, seed: int, cache: Path) -> Path:
    """The generated pages (cached by size, seed and generator version, as run.py does)."""
    out = cache / f"syn-{reviews}-seed{seed}-v{synthetic.GENERATOR_VERSION}"
    if not (out / "gold.jsonl").exists():
        subprocess.run([sys.executable, "-m", "casegraph.synthetic", "--reviews", str(reviews),
                        "--seed", str(seed), "--out", str(out)], check=True)
    return out


def timed_build(name: str, sources: list[Path], out: Path, log: Log, res: dict[str, object],
                save: callable) -> None:  # type: ignore[valid-type]
    from casegraph.pipeline import build as build_module

    log(f"{name}: start")
    t, c = time.perf_counter(), cpu()
    result = build_module.build(sources, out, progress=log)
    res[name] = {"wall_s": round(time.perf_counter() - t, 2), "cpu_s": round(cpu() - c, 2),
                 "stage_cpu_s": {k: round(v, 2) for k, v in result.timings.items()},
                 "reviews": result.review_count, "peak_rss_mb": round(peak_mb()),
                 "validation": result.validation, "clusters": result.clusters,
                 "emitted": result.emitted}
    log(f"{name}: done")
    save()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reviews", type=int, default=100000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "casegraph-bench-cache")
    p.add_argument("--out", type=Path, default=None, help="build directory (default: a new temp dir)")
    p.add_argument("--json", type=Path, required=True)
    args = p.parse_args()
    from casegraph.pipeline import build as build_module

    # The build's stage clock reads CPU time, so BuildResult.timings are CPU seconds per stage.
    build_module.time = types.SimpleNamespace(perf_counter=cpu)  # type: ignore[assignment]
    log = Log()
    res: dict[str, object] = {"reviews_requested": args.reviews, "seed": args.seed,
                              "git_head": subprocess.run(["git", "rev-parse", "HEAD"], text=True,
                                                         capture_output=True).stdout.strip()}

    def save() -> None:
        res["log"] = log.lines
        res["peak_rss_mb"] = round(peak_mb())
        args.json.write_text(json.dumps(res, indent=1))

    src = corpus(args.reviews, args.seed, args.cache)
    log(f"corpus: {src}")
    out = args.out or Path(tempfile.mkdtemp(prefix="casegraph-scale-"))
    timed_build("build_cold", [src], out / "build", log, res, save)
    timed_build("build_after_one_new_page", [src, extra_page(src, args.seed)], out / "build", log,
                res, save)
    return 0


if __name__ == "__main__":
    sys.exit(main())
