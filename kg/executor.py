"""Parsing past one machine: a Dask cluster's workers parse, this process extracts.

The spaCy parse is most of the work and needs nothing but the text, so it is mapped over
the workers of a Dask ``distributed`` cluster in batches; the parsed ``Doc``s stream back
(as ``Doc.to_bytes``) in document order, a few batches ahead, and resolving actors,
extracting and storing stay in this one process, because actors are resolved across
documents. The records are therefore exactly those of a single process.

    kg build articles/ --executor dask --scheduler tcp://HOST:8786

A local cluster for trying it (``pip install distributed``)::

    from distributed import LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1)
    # kg build articles/ --executor dask --scheduler <cluster.scheduler_address>
"""

from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Callable, Iterable, Iterator

from . import nlp
from .ingest import Document, Warn
from .pipeline import DocumentResult, Pipeline, within_limit

EXECUTORS = ("local", "dask")
BATCH = 16  # documents a worker parses per task
AHEAD = 4  # tasks per worker in flight


class ExecutorError(RuntimeError):
    """The cluster cannot be reached or a worker failed."""


def parse_texts(texts: list[str], model: str | None) -> list[bytes]:
    """On a worker: parse ``texts`` with the pipeline (loaded once per worker process)."""
    return [doc.to_bytes() for doc in nlp.load(model).pipe(texts, batch_size=nlp.BATCH_SIZE)]


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def dask_parsed(documents: Iterable[Document], scheduler: str, model: str | None = None):
    """(document, Doc) pairs in document order, parsed by the workers of ``scheduler``."""
    try:
        from distributed import Client
    except ImportError:
        raise ExecutorError("--executor dask needs Dask: pip install 'distributed>=2026.8'") from None
    vocab = nlp.load(model).vocab
    try:
        client = Client(scheduler, timeout="5s")
    except (OSError, TimeoutError) as err:
        raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    try:
        window = AHEAD * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for batch in _batches(documents, BATCH):
            pending.append((batch, client.submit(parse_texts, [d.text for d in batch], model, pure=False)))
            if len(pending) >= window:
                yield from _collect(*pending.popleft(), vocab)
        while pending:
            yield from _collect(*pending.popleft(), vocab)
    finally:
        client.close()


def _collect(batch: list[Document], future, vocab):
    from spacy.tokens import Doc

    try:
        parsed = future.result()
    except Exception as err:  # a worker's error arrives as whatever it raised
        raise ExecutorError(f"a Dask worker failed: {err.__class__.__name__}: {err}") from None
    for document, data in zip(batch, parsed):
        yield document, Doc(vocab).from_bytes(data)


def run_dask(pipeline: Pipeline, documents: Iterable[Document], scheduler: str, warn: Warn | None = None,
             progress: Callable[[Document], None] | None = None) -> Iterator[DocumentResult]:
    """:meth:`Pipeline.run` with the parse on a Dask cluster: the same results, in order."""
    parsed = dask_parsed(within_limit(documents, warn), scheduler, pipeline.model)
    yield from pipeline.extract_parsed(parsed, warn, progress)
