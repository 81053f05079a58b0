"""Documents -> records: parse, resolve actors, extract claims and triples.

This is the library face of ``kg extract``: it runs the stages in order and hands back
plain records, never touching RDF.

>>> from kg.ingest import document_from_text
>>> pipeline = Pipeline()
>>> [result] = pipeline.run([document_from_text("d", "Putin said that Russia would win.")])
>>> [(c.speaker, c.cue, c.content) for c in result.claims]
[('vladimir_putin', 'said', 'that Russia would win')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import tee
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from . import nlp
from .components import ActorsComponent, ClaimsComponent, TriplesComponent
from .gazetteer import Gazetteer
from .ingest import Document, Warn
from .records import Actor, Claim, DocumentRecord, Mention, Record, Triple


@dataclass
class DocumentResult:
    """Everything extracted from one document."""

    document: DocumentRecord
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)

    def records(self) -> Iterator[Record]:
        yield self.document
        yield from self.mentions
        yield from self.claims
        yield from self.triples


def document_record(document: Document) -> DocumentRecord:
    meta = document.meta
    return DocumentRecord(doc=document.id, title=meta.get("title"), published=meta.get("published"),
                          publisher=meta.get("publisher"), url=meta.get("url"), chars=len(document.text),
                          author=meta.get("author"), language=meta.get("language"),
                          published_at=meta.get("published_at"), duplicate_of=meta.get("duplicate_of"),
                          source=document.path, input_key=meta.get("input_key"))


class Pipeline:
    """The spaCy parse, then claimgraph's components (:mod:`kg.components`) over each
    ``Doc``, then records. Each pipeline has its own actors component, so its own
    corpus-wide actor registry (``pipeline.resolver``)."""

    def __init__(self, model: str | None = None, gazetteer: Gazetteer | list[Actor] | None = None) -> None:
        """``gazetteer``: the known actors (default: ``ontology/actors.ttl`` and ``$KG_GAZETTEER``)."""
        self.model = model
        self.components = [ActorsComponent(gazetteer), ClaimsComponent(), TriplesComponent()]

    @property
    def resolver(self):
        """The corpus-wide actor registry (:class:`~kg.actors.ActorResolver`)."""
        return self.components[0].resolver

    def run(self, documents: Iterable[Document], warn: Warn | None = None,
            progress: Callable[[Document], None] | None = None, processes: int = 1) -> Iterator[DocumentResult]:
        """Extract from each document in turn; a document that fails is reported and skipped.

        ``processes`` > 1 parses in that many processes; extraction stays in this one, in order.
        """
        documents, texts = tee(within_limit(documents, warn))
        batch_size = nlp.BATCH_SIZE if processes == 1 else nlp.WORKER_BATCH_SIZE
        # texts, not (text, document) pairs: spaCy tokenises pairs here and sends the
        # tokens, whose features would miss what kg_plain_features sets in the workers
        parsed = nlp.load(self.model).pipe((d.text for d in texts), batch_size=batch_size, n_process=processes)
        yield from self.extract_parsed(zip(documents, parsed), warn, progress)

    def extract_parsed(self, parsed: Iterable[tuple[Document, Doc]], warn: Warn | None = None,
                       progress: Callable[[Document], None] | None = None) -> Iterator[DocumentResult]:
        """Extract from documents parsed elsewhere (here, or on a cluster's workers), in order;
        a document that fails is reported and skipped."""
        for document, doc in parsed:
            if progress:
                progress(document)
            try:
                yield self.extract(document, doc)
            except Exception as err:  # one bad document must not stop a corpus
                if warn is None:
                    raise
                warn(f"{document.id}: extraction failed ({err.__class__.__name__}: {err}); skipped")

    def extract(self, document: Document, doc: Doc) -> DocumentResult:
        """Run the components over one parsed document and collect their records."""
        doc._.document = document
        for component in self.components:
            doc = component(doc)
        return DocumentResult(document_record(document), document.text, doc._.mentions, doc._.claims, doc._.triples)

    def actors(self) -> list[Actor]:
        """Every actor mentioned so far (gazetteer entries never mentioned are left out)."""
        return self.components[0].actors()


BATCH = 32  # documents stored and tracked together, at most
BATCH_CHARS = 50_000  # and at most this many characters of text (a batch ends with the document that passes it)


def batched(results: Iterable[DocumentResult]) -> Iterator[list[DocumentResult]]:
    """``results`` in batches of ``BATCH`` documents or ``BATCH_CHARS`` characters (a run of
    long articles makes shorter batches): what ``kg build`` stores in one transaction, and
    what ``kg build`` and ``kg extract`` track at once, so both group claims alike."""
    batch: list[DocumentResult] = []
    chars = 0
    for result in results:
        batch.append(result)
        chars += len(result.text)
        if len(batch) >= BATCH or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


# --- per-document limit (kept apart from the stages above) ------------------------------

MAX_DOCUMENT_CHARS = 100_000  # spaCy's parser needs about 3.3 KB per character: ~330 MB


def within_limit(documents: Iterable[Document], warn: Warn | None = None) -> Iterator[Document]:
    """The documents short enough to parse; a longer one is skipped with a one-line reason
    (or stops the run with ``ValueError`` when there is no ``warn``), and the others go on.

    >>> from kg.ingest import document_from_text
    >>> docs = [document_from_text("long", "x " * MAX_DOCUMENT_CHARS), document_from_text("short", "Hi.")]
    >>> [d.id for d in within_limit(docs, warn=print)]
    long: 200,000 characters, over the limit of 100,000 per document; skipped
    ['short']
    """
    for document in documents:
        if len(document.text) <= MAX_DOCUMENT_CHARS:
            yield document
            continue
        reason = (f"{document.id}: {len(document.text):,} characters, over the limit of "
                  f"{MAX_DOCUMENT_CHARS:,} per document")
        if warn is None:
            raise ValueError(reason)
        warn(f"{reason}; skipped")
