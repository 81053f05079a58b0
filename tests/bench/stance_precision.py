"""Stance precision on the hand-checked PolNeAR dev sample, by rule.

    python tests/bench/stance_precision.py PRED.jsonl

``tests/data/stance-sample-polnear-dev.tsv`` holds 50 supports/opposes stances judged by
hand. A stance counts when PRED (``kg extract --jsonl`` over PolNeAR dev) still gives it
(same claim, target and polarity); precision is the share of those judged right, overall
and by rule (an evaluative cue, or a portrayal inside the content).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "stance-sample-polnear-dev.tsv"


def main(pred: str) -> None:
    given = {(r["id"], s["target"]): s["stance"] for r in map(json.loads, open(pred, encoding="utf-8"))
             if r["type"] == "claim" for s in r["stance"]}
    rows = csv.DictReader((line for line in SAMPLE.open(encoding="utf-8") if not line.startswith("#")),
                          delimiter="\t")
    kept, right = Counter(), Counter()
    for row in rows:
        if given.get((row["claim"], row["target"])) == row["stance"]:
            for key in ("all", row["rule"]):
                kept[key] += 1
                right[key] += row["right"] == "yes"
    for key in sorted(kept, key=lambda k: k != "all"):
        print(f"{key:15} {right[key]}/{kept[key]} = {right[key] / kept[key]:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
