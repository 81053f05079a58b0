"""Stance precision on hand-judged PolNeAR dev stances, by rule.

    python tests/bench/stance_precision.py PRED.jsonl

Two sets of supports/opposes stances judged by hand, in ``tests/data/``:

- ``stance-sample-polnear-dev.tsv``: 50 stances drawn at random from an early run;
- ``stance-census-polnear-dev.tsv``: every such stance of the stop-52 run (45).

A stance counts when PRED (``kg extract --jsonl`` over PolNeAR dev) still gives it (same
claim, target and polarity); precision is the share of those judged right, overall and by
rule (an evaluative cue, or a portrayal inside the content). Stances PRED gives that no
set judges are counted apart: a new census is due when they grow.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = ("stance-sample-polnear-dev.tsv", "stance-census-polnear-dev.tsv")


def judged(name: str) -> list[dict[str, str]]:
    lines = (line for line in (DATA / name).open(encoding="utf-8") if not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t"))


def main(pred: str) -> None:
    given = {(r["id"], s["target"]): s["stance"] for r in map(json.loads, open(pred, encoding="utf-8"))
             if r["type"] == "claim" for s in r["stance"] if s["stance"] != "neutral"}
    seen = set()
    for name in SETS:
        kept, right = Counter(), Counter()
        for row in judged(name):
            seen.add((row["claim"], row["target"]))
            if given.get((row["claim"], row["target"])) == row["stance"]:
                for key in ("all", row["rule"]):
                    kept[key] += 1
                    right[key] += row["right"] == "yes"
        print(f"{name} ({sum(1 for _ in judged(name))} judged)")
        for key in sorted(kept, key=lambda k: k != "all"):
            print(f"  {key:15} {right[key]}/{kept[key]} = {right[key] / kept[key]:.3f}")
    print(f"supports/opposes stances given: {len(given)}, of which judged in neither set: {len(given.keys() - seen)}")


if __name__ == "__main__":
    main(sys.argv[1])
