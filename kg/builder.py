"""``kg build`` as a library call: ingest, extract, store; exports and views on request.

A build costs what it adds: documents stream from extraction to the store in batches of
``BATCH`` documents or ``BATCH_CHARS`` characters (one transaction each, with the actors
they refer to), so memory is bounded by the batch and the longest document, not by the
corpus or the store. Exports and views are whole-store outputs, written only when asked
(``outputs=True``, ``kg build --outputs``, or ``kg export`` / ``kg view``).

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> (out / "a.txt").write_text("Putin said that Russia would win.", encoding="utf-8")
33
>>> summary = build([out / "a.txt"], store="memory", out=out / "out")
>>> summary.documents, summary.claims, summary.outputs
(1, 1, [])
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Dataset

from .aggregates import contributions, every_aggregate, stored_contributions, update_aggregates
from .executor import run_dask
from .export import SUFFIXES, write_export
from .graphs import plural
from .ingest import Document, Stored, Warn, read_documents
from .pipeline import DocumentResult, Pipeline, batched
from .records import Actor
from .query import plain_rows, run_query
from .rdf import actor_graph, document_triples, id_of
from .store import building, ensure_ontology, open_store, reopen, store_path, update_graph, write_graphs
from . import nlp
from .match import embedding_ahead
from .memory import give_back_free_memory
from .tracking import ClaimBatch, Stage, claim_batch, unwatched
from .tracking_store import count_tracking, track_batches, update_tracking
from .views import VIEWS, write_view

OUTPUT_FORMATS = ("ttl", "trig")
ACTORS_CHUNK = 1000  # actors written in one transaction when a build updates those it refers to

STORED_ACTORS = """
SELECT ?id ?label ?kind ?alias ?wikidata WHERE {
  ?actor a ?class ; dcterms:identifier ?id ; rdfs:label ?label .
  VALUES (?class ?kind) { (cg:Person "Person") (cg:Organization "Organization") (cg:Country "Country")
                          (cg:Group "Group") (cg:Actor "Actor") }
  OPTIONAL { ?actor skos:altLabel ?alias }
  OPTIONAL { ?actor owl:sameAs ?wikidata }
}
"""

REFERENCED_ACTORS = """
SELECT DISTINCT ?actor WHERE {
  { ?x cg:mentionOf ?actor } UNION { ?x cg:placeIn ?actor } UNION { ?x cg:claimant ?actor } UNION { ?x cg:about ?actor }
  UNION { ?x rdf:subject ?actor } UNION { ?x rdf:object ?actor } UNION { ?x cg:target ?actor }
  FILTER(isIRI(?actor))
}
"""

STORED_DOCUMENTS = """
SELECT ?id ?key ?fingerprint ?first WHERE {
  ?d a cg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d cg:inputKey ?key }
  OPTIONAL { ?d cg:fingerprint ?fingerprint }
  OPTIONAL { ?d cg:duplicateOf/dcterms:identifier ?first }
}
"""


@dataclass
class BuildSummary:
    documents: int = 0
    actors: int = 0
    claims: int = 0
    relations: int = 0
    mentions: int = 0
    groups: int = 0  # claim groups of two claims or more
    contradictions: int = 0
    undated: int = 0  # documents without a publication date
    tracking_seconds: float = 0.0  # matching the new claims against the stored ones
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    interrupted: bool = False  # the previous build of this store did not finish

    def line(self) -> str:
        """The summary ``kg build`` prints.

        >>> BuildSummary(documents=1, claims=2, contradictions=1).line()
        '1 document, 0 actors, 0 mentions, 2 claims, 0 relations; the store now holds 0 claim groups (of 2+ claims), 1 contradiction candidate'
        """
        return (f"{plural(self.documents, 'document')}, {plural(self.actors, 'actor')}, "
                f"{plural(self.mentions, 'mention')}, {plural(self.claims, 'claim')}, "
                f"{plural(self.relations, 'relation')}; the store now holds "
                f"{plural(self.groups, 'claim group')} (of 2+ claims), {plural(self.contradictions, 'contradiction candidate')}")


    def undated_line(self) -> str | None:
        """What missing dates cost, when some documents have none.

        >>> BuildSummary(documents=3, undated=1).undated_line()
        "1 of 3 documents has no date: its claims count in groups but are never 'first seen' (give a metadata.csv, --published or dated pages)"
        """
        if not self.undated:
            return None
        has = "has" if self.undated == 1 else "have"
        its = "its" if self.undated == 1 else "their"
        return (f"{self.undated} of {plural(self.documents, 'document')} {has} no date: {its} claims count in "
                "groups but are never 'first seen' (give a metadata.csv, --published or dated pages)")


def default_store(out: str | Path) -> str:
    """The on-disk store inside the output folder."""
    return f"oxigraph:{Path(out) / 'store'}"


def load_documents(ds: Dataset, documents: Iterable[Document], summary: BuildSummary, warn: Warn,
                   model: str | None = None, progress: Callable[[Document], None] | None = None,
                   processes: int = 1, bulk: bool = False, scheduler: str | None = None,
                   stage: Stage = unwatched) -> None:
    """Extract from ``documents`` and store each one's graph, replacing any earlier version.

    The actor resolver starts from the actors already in the store, so new mentions merge
    with them; each batch of documents is stored with the actors it refers to, and the
    counts they (and the versions they replace) add to are recounted (:mod:`kg.aggregates`;
    a first build counts once, after its last batch).
    After the last batch the new claims are tracked against the stored ones, a batch at a
    time (:mod:`kg.tracking_store`), and the actors the documents name are rewritten with
    the aliases they learnt (the whole actors graph when a document was replaced, since it
    may have been the last to name some actor).

    ``processes`` parse in that many processes (spaCy's own multiprocessing), and with more
    than one, another embeds each batch's claims for tracking (:func:`kg.match.embedding_ahead`);
    resolving actors and extracting stay in this one, in document order, so the records
    are the same whatever the number of processes. ``scheduler``: parse on the workers of that
    Dask cluster instead (:mod:`kg.executor`), with the same records. ``bulk``: the store
    was empty, load without transactions (see :func:`kg.store.building`). ``stage`` is told
    what the build does once the documents are stored, and of how many items ("counting
    totals", 207257), and hears each item done.
    """
    ensure_ontology(ds)
    pipeline = Pipeline(model=model)
    stored = stored_actors(ds)
    pipeline.resolver.learn(stored)
    stored_ids = {actor.id for actor in stored}
    referred: set[str] = set()  # the actors the documents refer to
    replaced = 0
    if scheduler:
        results = run_dask(pipeline, documents, scheduler, warn=warn, progress=progress)
    else:
        results = pipeline.run(documents, warn=warn, progress=progress, processes=processes)
    tracked: list[ClaimBatch] = []  # each batch's claims, tracked after the last batch
    with embedding_ahead(processes if not scheduler else 1) as embedder:
        for batch in batches(results, summary):
            replaced += store_batch(ds, batch, pipeline, referred, bulk)
            tracked.append(claim_batch(batch, embedder))
            give_back_free_memory()
        if bulk:  # a first build counts once, at its end, every total its documents add to
            totals = every_aggregate(ds)
            update_aggregates(ds, totals, bulk=True, progress=stage("counting totals", len(totals)))
        summary.actors = len(pipeline.actors())
        stage(f"updating {plural(len(referred), 'actor')}", 0)
        update_actors(ds, pipeline.resolver.actors, referred, stored_ids, replaced=replaced > 0)
        del results, pipeline  # tracking needs no parser: its memory goes back before the encoders load
        nlp.unload()
        reopen(ds)
        give_back_free_memory(collect=True)
        started = time.perf_counter()
        if replaced:  # a document rebuilt with other claims: its old claims leave their groups
            update_tracking(ds, stage=stage)
        else:
            track_batches(ds, tracked, bulk, stage)
        summary.tracking_seconds = time.perf_counter() - started
        summary.groups, summary.contradictions = count_tracking(ds)


def update_actors(ds: Dataset, known: dict[str, Actor], referred: set[str], stored: set[str],
                  replaced: bool) -> None:
    """Write the actors the build's documents refer to as the resolver now knows them (with
    the aliases they learnt), leaving the others as they are; when a document was replaced
    (it may have been the last to name some actor), or on a SPARQL server, rewrite the
    actors graph whole with the actors still referred to."""
    if replaced or getattr(ds, "graph_store", None):
        kept = {id_of(row.actor) for row in run_query(ds, REFERENCED_ACTORS)} if replaced else stored | referred
        update_graph(ds, actor_graph([known[i] for i in sorted(kept) if i in known]))
    else:  # ACTORS_CHUNK at a time: a long build refers to many thousands
        ids = [i for i in sorted(referred) if i in known]
        for start in range(0, len(ids), ACTORS_CHUNK):
            update_graph(ds, actor_graph([known[i] for i in ids[start:start + ACTORS_CHUNK]]), whole=False)


def batches(results: Iterable[DocumentResult], summary: BuildSummary) -> Iterator[list[DocumentResult]]:
    """``results`` in batches (:func:`kg.pipeline.batched`), counted into ``summary``."""
    for batch in batched(results):
        for result in batch:
            summary.documents += 1
            summary.mentions += len(result.mentions)
            summary.claims += len(result.claims)
            summary.relations += len(result.triples)
            summary.undated += result.document.published is None
        yield batch


def store_batch(ds: Dataset, batch: list[DocumentResult], pipeline: Pipeline, referred: set[str],
                bulk: bool = False) -> int:
    """Store a batch of documents' graphs, with the actors they refer to, in one go, then
    recount what they (and the versions they replace) add to; returns how many documents
    replaced an earlier version. ``referred`` gains the actors they refer to.

    A first build (into an empty store) passes ``bulk``: the batch is bulk-loaded and not
    counted, the totals are counted once after the last batch (each written once, and the
    store not read while documents are parsed, which keeps a long build's memory down)."""
    graphs = [document_triples(r.document, r.mentions, r.claims, r.triples, r.text) for r in batch]
    actor_ids = set().union(*(referenced_actors(r) for r in batch)) & pipeline.resolver.actors.keys()
    referred |= actor_ids
    actors = [actor_graph([pipeline.resolver.actors[i] for i in sorted(actor_ids)])]
    if bulk:
        return write_graphs(ds, graphs, actors, bulk=True)
    counted = contributions(graphs) | stored_contributions(ds, [g.identifier for g in graphs])
    replaced = write_graphs(ds, graphs, actors)
    update_aggregates(ds, counted)
    return replaced


def referenced_actors(result: DocumentResult) -> set[str]:
    """The ids of the actors a document's records refer to (as ``REFERENCED_ACTORS``)."""
    ids = {m.actor for m in result.mentions} | {m.place_of for m in result.mentions}
    for claim in result.claims:
        ids |= {claim.speaker, *claim.about, *(s["target"] for s in claim.stance)}
    for triple in result.triples:
        ids |= {triple.subject, triple.object, triple.object_actor}
    ids.discard(None)
    return ids


def stored_actors(ds: Dataset) -> list[Actor]:
    """The actors already in the store, with their aliases."""
    actors: dict[str, Actor] = {}
    rows = sorted(plain_rows(ds, STORED_ACTORS), key=lambda row: (row.id, row.alias or ""))  # texts sort fast here
    for row in rows:
        actor = actors.setdefault(row.id, Actor(id=row.id, label=row.label, kind=row.kind,
                                                wikidata=id_of(row.wikidata) if row.wikidata else None))
        if row.alias is not None and row.alias not in actor.aliases:
            actor.aliases.append(row.alias)
    return list(actors.values())


def stored_documents(ds: Dataset) -> dict[str, Stored]:
    """What ingest needs to know of the documents stored: input key, fingerprint, first copy."""
    return {str(row.id): Stored(*(str(value) if value is not None else None
                                  for value in (row.key, row.fingerprint, row.first)))
            for row in run_query(ds, STORED_DOCUMENTS)}


def write_outputs(ds: Dataset, out: Path) -> list[Path]:
    """Turtle and TriG exports and the two HTML views, written into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in OUTPUT_FORMATS:
        path = out / f"graph{SUFFIXES[fmt]}"
        with path.open("wb") as output:
            write_export(ds, fmt, output)
        written.append(path)
    for view in VIEWS:
        written.append(write_view(ds, view, out / f"{view}.html"))
    return written


def build(paths: Iterable[str | Path], store: str | None = None, out: str | Path = "out",
          model: str | None = None, warn: Warn | None = None,
          progress: Callable[[Document], None] | None = None, outputs: bool = False,
          jobs: int = 1, scheduler: str | None = None, published: str | None = None,
          fmt: str | None = None, stage: Stage = unwatched) -> BuildSummary:
    """Build (or add to) the graph from the documents under ``paths``.

    ``paths`` are files, folders, URLs or ``-``; ``published`` and ``fmt`` are passed to
    :func:`kg.ingest.read_documents`, with the documents already stored, so that a new
    input never takes the id of another one. Problems with single documents are passed
    to ``warn`` (and kept in the summary's ``warnings``); the other documents go
    through. ``outputs=True`` also writes the
    Turtle and TriG exports and the HTML views into ``out`` (they cost a pass over the
    whole store). ``jobs``: parse in that many processes; ``scheduler``: on the
    workers of that Dask cluster (the same records either way). ``progress`` is called
    with each document as it is extracted, ``stage`` with what follows the last one (see
    :func:`load_documents`).
    """
    out = Path(out)
    uri = store or default_store(out)
    summary = BuildSummary()

    def report(message: str) -> None:
        summary.warnings.append(message)
        if warn:
            warn(message)

    ds = open_store(uri)
    try:
        with building(ds, store_path(uri)) as state:
            documents = read_documents(paths, warn=report, published=published, fmt=fmt,
                                       stored=stored_documents(ds))
            summary.interrupted = state.interrupted
            if state.rolled_back:
                report("the last build of this store, its first, did not finish: the store was emptied and is built anew")
            elif state.interrupted:
                report("the last build of this store did not finish: its actors and claim groups are recomputed now")
            load_documents(ds, documents, summary, report, model=model, progress=progress, processes=jobs,
                           bulk=state.bulk, scheduler=scheduler, stage=stage)
        if outputs:
            summary.outputs = write_outputs(ds, out)
    finally:
        ds.close()
    return summary
