"""Incremental tracking (``make bench``): adding 5 articles to a large store costs what it adds.

    python tests/bench/tracking_bench.py [--base N] [--corpus DIR]

Builds the first N articles (default 100) of ../shared/bench/polnear-train/text into a
fresh store, then adds the next 5; and adds the same 5 to an empty store. Prints the
wall time of each build and of its tracking step (matching the new claims against the
stored ones), and the ratios large / empty. It also checks that the groups of the large
store did not change when the 5 arrived, except by gaining members.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg.builder import build
from kg.query import run_query
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "bench" / "polnear-train" / "text"
GROUPS = "SELECT ?g ?m WHERE { ?m cg:expresses ?g }"


def timed_build(paths: list[Path], store: str, out: Path):
    started = time.perf_counter()
    summary = build(paths, store=store, out=out)
    return time.perf_counter() - started, summary


def memberships(store: str) -> set[tuple[str, str]]:
    ds = open_store(store, create=False, read_only=True)
    try:
        return {(str(row.g), str(row.m)) for row in run_query(ds, GROUPS)}
    finally:
        ds.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    base, added = files[:args.base], files[args.base:args.base + 5]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        empty_store, large_store = f"oxigraph:{work / 'empty'}", f"oxigraph:{work / 'large'}"
        empty_time, empty = timed_build(added, empty_store, work / "out-empty")
        timed_build(base, large_store, work / "out-large")
        before = memberships(large_store)
        large_time, large = timed_build(added, large_store, work / "out-large")
        after = memberships(large_store)
    kept = before <= after
    print(f"add 5 articles to an empty store: {empty_time:.1f} s (tracking {empty.tracking_seconds:.1f} s)")
    print(f"add 5 articles to a {args.base}-article store: {large_time:.1f} s (tracking {large.tracking_seconds:.1f} s)")
    print(f"ratio large / empty: build {large_time / empty_time:.2f}, "
          f"tracking {large.tracking_seconds / max(empty.tracking_seconds, 1e-9):.2f}")
    print(f"existing group memberships kept: {'yes' if kept else 'NO'} ({len(before)} before, {len(after)} after)")


if __name__ == "__main__":
    main()
