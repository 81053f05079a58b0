"""Claim-group precision on a real corpus: hand-judged pairs of grouped claims.

    mkdir c300 && ls ../shared/bench/polnear-train/text | tail -300 | \\
        xargs -I{} ln -s "$PWD/../shared/bench/polnear-train/text/{}" c300/
    kg extract --jsonl c300 > c300.jsonl
    python tests/bench/group_precision.py c300.jsonl

The tracking-dev gold scores grouping on its own claims only; this sample shows what a
reader meets among all the groups of 300 articles. ``tests/data/group-sample-polnear-train.tsv``
holds 263 pairs (a member and its group's first claim, from two articles) judged by hand:
``same`` (a fact-checker would check them as one claim), ``related`` (the same story or
position, another claim) or ``different``. For PRED it prints how many judged pairs are
still grouped and, of those, the share judged same, and same or related; and how many
grouped pairs of PRED are not judged (judge a sample of them after a change to grouping).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "group-sample-polnear-train.tsv"


def grouped_pairs(pred: str) -> set[tuple]:
    """(claim a, claim b) as (doc, start, end) for each member of a group and the group's
    first claim, when the two are in different articles."""
    rows = [json.loads(line) for line in open(pred, encoding="utf-8")]
    where = {r["id"]: (r["doc"], *r["content_span"]) for r in rows if r["type"] == "claim"}
    return {(where[g["first_claim"]], where[m]) for g in rows if g["type"] == "group"
            for m in g["members"] if where[m][0] != where[g["first_claim"]][0]}


def main(pred: str) -> None:
    grouped = grouped_pairs(pred)
    sample = csv.DictReader((line for line in SAMPLE.open(encoding="utf-8") if not line.startswith("#")),
                            delimiter="\t")
    judged, kept = set(), Counter()
    for row in sample:
        pair = ((row["doc_a"], int(row["start_a"]), int(row["end_a"])),
                (row["doc_b"], int(row["start_b"]), int(row["end_b"])))
        judged.add(pair)
        if pair in grouped:
            kept[row["judged"]] += 1
    total = sum(kept.values())
    print(f"judged pairs still grouped: {total}/{len(judged)}")
    if total:
        print(f"same:            {kept['same']}/{total} = {kept['same'] / total:.3f}")
        print(f"same or related: {kept['same'] + kept['related']}/{total} = "
              f"{(kept['same'] + kept['related']) / total:.3f}")
    print(f"grouped pairs not judged: {len(grouped - judged)} of {len(grouped)}")


if __name__ == "__main__":
    main(sys.argv[1])
