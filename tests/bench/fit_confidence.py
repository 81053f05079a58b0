"""Fit the triple confidence model on CaRB dev and show how well it ranks.

    python tests/bench/fit_confidence.py [--fit a|b|all] [--write]

Extracts triples from ``../shared/bench/carb-dev`` with the features each rests on,
scores every triple against the gold as CaRB's precision does (each gold tuple matched
to at most one triple, best precision first), and fits a logistic model of that
precision on the features (L2-regularised, plain gradient descent). It prints the CaRB
figures of each half (lines 1-320 and 321-641) with the fitted confidences, so a model
fitted on one half can be judged on the other. ``--write`` stores the weights in
``kg/data/triple_confidence.tsv``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CARB = SHARED / "bench" / "carb-dev"
WEIGHTS = ROOT / "kg" / "data" / "triple_confidence.tsv"
MIN_COUNT = 5  # features seen fewer times are left out of the model
sys.path.insert(0, str(SHARED / "eval"))

import evcarb  # noqa: E402

from kg import nlp  # noqa: E402
from kg.actors import ActorResolver  # noqa: E402
from kg.claims import extract_claims  # noqa: E402
from kg.ingest import document_from_text  # noqa: E402
from kg.triples import TripleExtractor  # noqa: E402


def extract(lines: list[str]) -> list[tuple[int, list, list[set[str]]]]:
    """(line number, triples, features) for every non-empty line."""
    documents = [document_from_text(f"sentences:{n}", line) for n, line in enumerate(lines, 1) if line.strip()]
    resolver = ActorResolver()
    found = []
    for document, doc in zip(documents, nlp.load().pipe([d.text for d in documents], batch_size=nlp.BATCH_SIZE)):
        actors = resolver.resolve(document, doc)
        doc._.document = document
        extractor = TripleExtractor(document, doc, actors, extract_claims(doc, actors))
        extractor.run()
        found.append((int(document.id.rpartition(":")[2]), extractor.triples, extractor.features))
    return found


def assigned_precision(gold_tuples: list, preds: list[tuple[str, list[str]]]) -> list[float]:
    """Each prediction's precision under CaRB's one-to-one matching (0 when unmatched)."""
    scores = [[evcarb.match_score(g, p)[0] for p in preds] for g in gold_tuples]
    pairs = sorted((-scores[i][j], i, j) for i in range(len(gold_tuples)) for j in range(len(preds)))
    used_g, used_p, value = set(), set(), [0.0] * len(preds)
    for negp, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        value[j] = -negp
    return value


def fit(samples: list[tuple[set[str], float]], l2: float = 1.0, steps: int = 600, rate: float = 0.5) -> dict[str, float]:
    counts = Counter(f for fs, _ in samples for f in fs)
    names = ["bias"] + sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: k for k, f in enumerate(names)}
    rows = [([0] + [index[f] for f in fs if f in index], y) for fs, y in samples]
    w = [0.0] * len(names)
    n = len(rows)
    for _ in range(steps):
        grad = [0.0] * len(names)
        for cols, y in rows:
            z = sum(w[c] for c in cols)
            err = 1 / (1 + math.exp(-z)) - y
            for c in cols:
                grad[c] += err
        for k in range(len(w)):
            w[k] -= rate * (grad[k] / n + (l2 * w[k] / n if k else 0.0))
    return dict(zip(names, w))


def confidence(weights: dict[str, float], features: set[str]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in sorted(features))
    return round(1 / (1 + math.exp(-z)), 3)


def score(gold: dict, lines: list[str], rows: list, weights: dict[str, float], part: str) -> dict:
    half = len([l for l in lines if l.strip()]) // 2
    keys = {evcarb.sentence_key(lines[n - 1]) for n, _, _ in rows if part == "all" or (n <= half) == (part == "a")}
    sub = {k: v for k, v in gold.items() if k in keys}
    preds, confs = {}, []
    for n, triples, features in rows:
        key = evcarb.sentence_key(lines[n - 1])
        if key not in sub:
            continue
        for t, fs in zip(triples, features):
            c = confidence(weights, fs)
            confs.append(c)
            preds.setdefault(key, []).append((t.predicate_text if t.predicate_text is not None else t.predicate,
                                              [t.subject_text, t.object_text], c))
    th, P, R = evcarb.carb_curve(sub, preds, confs)
    auc, best = evcarb.summarise(th, P, R)
    at = {}
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        ks = [k for k in range(len(th)) if th[k] >= t]
        if ks:
            at[t] = (P[ks[0]], R[ks[0]])
    return {"auc": auc, **best, "at": at}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", choices=["a", "b", "all"], default="a", help="the half to fit on (default: a)")
    parser.add_argument("--write", action="store_true", help=f"write the weights to {WEIGHTS.relative_to(ROOT)}")
    args = parser.parse_args()
    lines = evcarb.read_lines(str(CARB / "sentences.txt"))
    gold = evcarb.read_gold_tsv(str(CARB / "gold.tsv"))
    rows = extract(lines)
    half = len([l for l in lines if l.strip()]) // 2
    samples = []
    for n, triples, features in rows:
        key = evcarb.sentence_key(lines[n - 1])
        if key not in gold or not (args.fit == "all" or (n <= half) == (args.fit == "a")):
            continue
        preds = [(t.predicate_text if t.predicate_text is not None else t.predicate, [t.subject_text, t.object_text])
                 for t in triples]
        samples.extend(zip(features, assigned_precision(gold[key][1], preds)))
    weights = fit(samples)
    for name, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"  {w:+.2f} {name}")
    for part in ("a", "b", "all"):
        s = score(gold, lines, rows, weights, part)
        at = "  ".join(f">={t}: P {p:.3f} R {r:.3f}" for t, (p, r) in s["at"].items())
        print(f"{part:4s} AUC {s['auc']:.3f}  F1 {s['f1']:.3f} (P {s['p']:.3f} R {s['r']:.3f} at {s['threshold']})\n     {at}")
    if args.write:
        body = "\n".join(f"{name}\t{w:.4f}" for name, w in sorted(weights.items()))
        WEIGHTS.write_text(
            "# Weights of the triple confidence model (kg/triples.py): a logistic model of the\n"
            "# CaRB precision of a triple given the features it rests on, fitted on half of CaRB\n"
            f"# dev by tests/bench/fit_confidence.py --fit {args.fit}. feature <TAB> weight.\n" + body + "\n",
            encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
