"""Quality figures (``make eval``): run ``kg extract --jsonl`` and the shared scorer.

    python tests/bench/evaluate.py [TASK ...] [--json]

Tasks: ``claims`` (seeds gold), ``actors`` (seeds gold), ``relations`` (seeds gold),
``polnear`` (claims on PolNeAR dev), ``carb`` (triples on CaRB dev), ``domains`` and
``domains-actors`` (claims and actors on ``tests/bench/domains-dev``, news beyond
politics), ``domains2`` and ``domains2-actors`` (the same on ``tests/bench/domains-dev-2``).
Default: all.
Extractions are written to ``out/eval/`` so they can be inspected or re-scored.
The scorer and the gold live in ``../shared`` (not part of this repository).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
OUT = ROOT / "out" / "eval"
DOMAINS = ROOT / "tests" / "bench" / "domains-dev"
DOMAINS2 = ROOT / "tests" / "bench" / "domains-dev-2"

# task -> (scorer command, input to extract, extract options, scorer arguments)
TASKS = {
    "claims": ("claims", ROOT / "seeds", [], ["--gold", SHARED / "gold" / "claims.jsonl", "--docs", ROOT / "seeds"]),
    "actors": ("actors", ROOT / "seeds", [], ["--gold", SHARED / "gold" / "actors.jsonl", "--docs", ROOT / "seeds"]),
    "relations": ("relations", ROOT / "seeds", [],
                  ["--gold", SHARED / "gold" / "relations.jsonl", "--docs", ROOT / "seeds"]),
    "polnear": ("claims", SHARED / "bench" / "polnear-dev" / "text", [],
                ["--gold", SHARED / "bench" / "polnear-dev"]),
    "domains": ("claims", DOMAINS / "texts", [], ["--gold", DOMAINS / "claims.jsonl", "--docs", DOMAINS / "texts"]),
    "domains-actors": ("actors", DOMAINS / "texts", [],
                       ["--gold", DOMAINS / "actors.jsonl", "--docs", DOMAINS / "texts"]),
    "domains2": ("claims", DOMAINS2 / "texts", [], ["--gold", DOMAINS2 / "claims.jsonl", "--docs", DOMAINS2 / "texts"]),
    "domains2-actors": ("actors", DOMAINS2 / "texts", [],
                        ["--gold", DOMAINS2 / "actors.jsonl", "--docs", DOMAINS2 / "texts"]),
    "carb": ("triples", SHARED / "bench" / "carb-dev" / "sentences.txt", ["--lines"],
             ["--gold", SHARED / "bench" / "carb-dev" / "gold.tsv"]),
}


def extract(source: Path, options: list[str]) -> Path:
    """Run ``kg extract --jsonl`` on ``source`` once per run and return the output file."""
    OUT.mkdir(parents=True, exist_ok=True)
    name = source.stem if source.stem != "texts" else source.parent.name  # domains-dev/texts: "domains-dev"
    target = OUT / f"{name}.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "kg", "extract", "--jsonl", *options, str(source)],
                       stdout=fh, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", nargs="*", metavar="TASK", help=f"one of {', '.join(TASKS)} (default: all)")
    parser.add_argument("--json", action="store_true", help="Also print the scorer's JSON line.")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"the scorer is not at {SCORER}: evaluation needs ../shared")
    done: dict[tuple[Path, tuple], Path] = {}
    unknown = set(args.tasks) - set(TASKS)
    if unknown:
        parser.error(f"unknown task(s) {', '.join(sorted(unknown))}: choose from {', '.join(TASKS)}")
    for task in args.tasks or list(TASKS):
        command, source, options, scorer_args = TASKS[task]
        key = (source, tuple(options))
        if key not in done:
            done[key] = extract(source, options)
        print(f"\n== {task}: {source.relative_to(ROOT.parent)}", flush=True)
        cmd = [sys.executable, str(SCORER), command, "--pred", str(done[key]), *map(str, scorer_args)]
        subprocess.run(cmd + (["--json"] if args.json else []), check=True)


if __name__ == "__main__":
    main()
