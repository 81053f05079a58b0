"""Does a claim's confidence mean something? Precision by confidence, on gold.

    python tests/bench/calibration.py [seeds] [polnear] [--reuse]

Runs ``kg extract --jsonl`` (or, with ``--reuse``, takes the extraction ``make eval``
left in ``out/eval/``), then the shared scorer with ``--min-confidence X --json`` at
several thresholds, and prints for each threshold the claims kept and their linked
precision (content and speaker both right), and for each confidence band (between two
thresholds) the precision of the claims in it. Higher bands should be more often right.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from evaluate import OUT, ROOT, SCORER, TASKS, extract

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
SETS = {"seeds": "claims", "polnear": "polnear"}


def linked(pred: Path, scorer_args: list[str], extra: list[str]) -> tuple[int, int]:
    """(predicted items, linked hits) of the scorer on ``pred``."""
    cmd = [sys.executable, str(SCORER), "claims", "--pred", str(pred), *map(str, scorer_args), *extra, "--json"]
    result = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    return result["linked"]["pred"], result["linked"]["matched"]


def in_band(pred: Path, low: float, high: float, target: Path) -> Path:
    """A copy of ``pred`` with only the claims whose confidence is in ``[low, high)``."""
    with pred.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for line in src:
            record = json.loads(line)
            if record.get("type") != "claim" or low <= record.get("confidence", 1.0) < high:
                out.write(line)
    return target


def table(name: str, pred: Path, scorer_args: list[str]) -> None:
    print(f"\n== {name}: linked precision (content overlaps and speaker right) by confidence")
    print(f"{'min conf':>8} {'items':>6} {'P':>6}    {'band':<12} {'items':>6} {'P':>6}")
    bounds = [*THRESHOLDS, 1.01]
    for low, high in zip(bounds, bounds[1:]):
        items, hits = linked(pred, scorer_args, ["--min-confidence", str(low)])
        band_items, band_hits = linked(in_band(pred, low, high, OUT / "calibration-band.jsonl"), scorer_args, [])
        precision = f"{hits / items:.3f}" if items else "-"
        band = f"{band_hits / band_items:.3f}" if band_items else "-"
        print(f"{low:>8.2f} {items:>6} {precision:>6}    [{low:.2f}, {min(high, 1):.2f}{']' if high > 1 else ')'}"
              f" {band_items:>6} {band:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", metavar="SET", help="seeds, polnear (default: both)")
    parser.add_argument("--reuse", action="store_true", help="Use the extractions make eval left in out/eval/.")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"the scorer is not at {SCORER}: calibration needs ../shared")
    unknown = set(args.sets) - set(SETS)
    if unknown:
        parser.error(f"unknown set(s) {', '.join(sorted(unknown))}: choose from {', '.join(SETS)}")
    for name in args.sets or list(SETS):
        _, source, options, scorer_args = TASKS[SETS[name]]
        pred = OUT / f"{source.stem}.jsonl"
        if not (args.reuse and pred.exists()):
            pred = extract(source, options)
        table(f"{name} ({source.relative_to(ROOT.parent)})", pred, scorer_args)


if __name__ == "__main__":
    main()
