"""Fit the pair model of claim matching (``kg/match.py``) and report its accuracy.

    python tests/bench/fit_match.py [--pairs DIR]

A logistic regression over ``kg.match.FEATURES``, fitted on the labelled news sentence
pairs of ``--pairs`` (default ``../shared/bench/msrp-train``: ``pairs.tsv`` +
``labels.txt``), is written to ``kg/data/match_weights.json``. Prints its 10-fold
cross-validated accuracy at the 0.5 threshold and that of always answering "same".
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "kg" / "data"


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """Newton's method for an L2-regularised logistic regression; returns (weights, bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        w -= np.linalg.solve(hess, grad)
    return w[:-1], float(w[-1])


def cross_validated_accuracy(x: np.ndarray, y: np.ndarray, folds: int = 10, same_cosine: float = 2.0) -> float:
    """Accuracy of the decision (pair model, or cosine >= ``same_cosine``) over held-out folds."""
    order = np.random.default_rng(0).permutation(len(y))
    right = 0
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        w, b = fit_logistic(x[train], y[train])
        decision = ((x[test] @ w + b) >= 0) | (x[test][:, 0] >= same_cosine)
        right += int((decision == y[test]).sum())
    return right / len(y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=SHARED / "bench" / "msrp-train")
    parser.add_argument("--reuse", action="store_true", help="Reuse the features of the last run (out/).")
    args = parser.parse_args()
    from kg import match
    pairs = [line.rstrip("\n").split("\t") for line in (args.pairs / "pairs.tsv").open(encoding="utf-8")]
    y = np.array([int(line) for line in (args.pairs / "labels.txt").open()])
    cache = ROOT / "out" / "match-features.npy"
    if args.reuse and cache.exists():
        x = np.load(cache)
    else:
        texts = match.prepare([text for pair in pairs for text in pair])
        x = np.array([match.features(texts[2 * i], texts[2 * i + 1]) for i in range(len(pairs))])
        cache.parent.mkdir(exist_ok=True)
        np.save(cache, x)
    print(f"{len(y)} pairs; always 'same': {y.mean():.3f}; 10-fold accuracy of the pair model: "
          f"{cross_validated_accuracy(x, y):.3f}, of kg match's decision (with cosine >= {match.SAME_COSINE}): "
          f"{cross_validated_accuracy(x, y, same_cosine=match.SAME_COSINE):.3f}")
    w, b = fit_logistic(x, y)
    (DATA / "match_weights.json").write_text(json.dumps(
        {"fitted_on": f"{args.pairs.name} ({len(y)} pairs)", "bias": round(b, 4),
         "weights": {name: round(float(v), 4) for name, v in zip(match.FEATURES, w)}}, indent=1) + "\n")
    print(f"wrote {DATA / 'match_weights.json'}")


if __name__ == "__main__":
    main()
