"""Where a build's memory goes: resident memory at each step of ``kg build``, and the peak
of each step (sampled every 20 ms), in one process.

    python tests/bench/stage_memory.py FOLDER [--out DIR] [-j N]

``make bench`` measures a build's peak from outside (``scale_bench.py``); this says which
step sets it (the documents, counting totals, updating actors, tracking claims ...), e.g.
on all 840 PolNeAR-train articles, where tracking does.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path

from kg.builder import build


def resident_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, help="where to build (default: a temporary folder, removed after)")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-stage-memory-"))
    started, step, peaks = time.perf_counter(), ["documents"], {}

    def sample() -> None:
        while True:
            peaks[step[0]] = max(peaks.get(step[0], 0.0), resident_mb())
            time.sleep(0.02)

    def stage(text: str, total: int):
        step[0] = text
        print(f"{time.perf_counter() - started:7.1f} s {resident_mb():6.0f} MB  -> {text}", flush=True)
        return lambda done: None

    threading.Thread(target=sample, daemon=True).start()
    try:
        build(sorted(args.folder.glob("*.txt")), store=f"oxigraph:{out / 'store'}", out=out, stage=stage, jobs=args.jobs)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)
    print(f"{time.perf_counter() - started:7.1f} s, peak by step (MB):")
    for text, peak in peaks.items():
        print(f"  {text:<40}{peak:8.0f}")
    print(f"  {'whole build (getrusage)':<40}{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f}")


if __name__ == "__main__":
    main()
