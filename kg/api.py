"""claimgraph from Python, with the names of the ``kg`` command.

``kg.extract`` is ``kg extract --jsonl``: records as dicts, without a store. ``kg.build``
is ``kg build``. ``kg.Graph(store)`` reads a store as ``kg query``, ``kg claims`` and
``kg export --format gexf`` do. ``from kg.match import match`` is ``kg match``.

>>> with Graph("memory") as graph:
...     graph.query("SELECT (COUNT(*) AS ?claims) WHERE { ?c a cg:Claim }")
[{'claims': 0}]
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import networkx as nx

from .ingest import Document, Warn, document_from_text, read_documents
from .ingest.document import ignore
from .ingest.metadata import set_date
from .match import embedding_ahead
from .query import QueryError, named_queries, resolve_actor, result_rows, run_named, run_query, within
from .records import Record, to_dict
from .store import env_store, open_store
from .tracking import Stage, claim_batch, track_records, unwatched

Input = str | Path | Document


def extract_records(documents: Iterable[Document], model: str | None = None, warn: Warn | None = None,
                    jobs: int = 1, progress: Callable[[Document], None] | None = None,
                    stage: Stage = unwatched) -> Iterator[Record]:
    """Every record of ``documents`` in ``kg extract --jsonl`` order: each document's
    document, mention, claim and triple records, then the actors, then the tracking of
    the claims (group and contradiction records), a batch of documents at a time as ``kg
    build`` tracks them (:func:`kg.pipeline.batched`), so both make the same groups.
    ``progress`` is called with each document as it is extracted, ``stage`` as tracking
    goes (:func:`kg.tracking.track_records`)."""
    from .pipeline import Pipeline, batched  # spaCy: imported only when extracting

    pipeline = Pipeline(model=model)
    tracked = []  # each batch's claims
    with embedding_ahead(jobs) as embedder:
        for batch in batched(pipeline.run(documents, warn=warn, progress=progress, processes=jobs)):
            for result in batch:
                yield from result.records()
            tracked.append(claim_batch(batch, embedder))
        yield from pipeline.actors()
        yield from track_records(tracked, stage)


def documents_of(inputs: Input | Iterable[Input], published: str | None = None,
                 warn: Warn | None = None) -> Iterator[Document]:
    """Documents from texts (ids ``text-1``, ``text-2``, ...), :class:`Document` objects and
    paths (files and folders, read as ``kg extract`` reads them).

    >>> [d.id for d in documents_of(["One text.", "Another."], published="2024-05-16")]
    ['text-1', 'text-2']
    >>> next(documents_of("One text.", published="2024-05-16")).meta["published"]
    '2024-05-16'
    """
    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    paths: list[Path] = []  # read together, so that a copy of another input is recognised
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Path):
            paths.append(item)
            continue
        if paths:
            yield from read_documents(paths, warn=warn or ignore, published=published)
            paths = []
        if isinstance(item, Document):
            yield item
        elif isinstance(item, str):
            meta: dict[str, str | None] = {}
            if published is not None and not set_date(meta, published):
                raise ValueError(f"published takes a date as YYYY-MM-DD, not {published!r}")
            yield document_from_text(f"text-{number}", item, meta)
        else:
            raise TypeError(f"extract reads texts, paths and kg.ingest.Document objects, not {type(item).__name__}")
    if paths:
        yield from read_documents(paths, warn=warn or ignore, published=published)


def extract(inputs: Input | Iterable[Input], model: str | None = None, published: str | None = None,
            jobs: int = 1, warn: Warn | None = None) -> list[dict[str, Any]]:
    """The records ``kg extract --jsonl`` writes, as dicts, for a text, a list of texts,
    :class:`~kg.ingest.Document` objects or paths (a ``str`` is always a text: pass a
    ``Path`` to read a file or folder). ``published`` dates the texts (YYYY-MM-DD).

    >>> records = extract("Putin said the talks had failed.", published="2024-05-16")
    >>> claim = next(r for r in records if r["type"] == "claim")
    >>> claim["speaker_text"], claim["cue"], claim["content"]
    ('Putin', 'said', 'the talks had failed')
    """
    documents = documents_of(inputs, published=published, warn=warn)
    return [to_dict(record) for record in extract_records(documents, model=model, warn=warn, jobs=jobs)]


def iso_day(value: str | dt.date | None) -> str | None:
    """A day as ``kg claims --since`` takes it.

    >>> iso_day(dt.date(2022, 3, 1)), iso_day("2022-03-01"), iso_day(None)
    ('2022-03-01', '2022-03-01', None)
    """
    return value.isoformat()[:10] if isinstance(value, dt.date) else value


class Graph:
    """A claimgraph store, opened for reading (a build may run meanwhile).

    ``store`` is a store URI as ``--store`` takes it: ``oxigraph:DIR``, ``memory`` or an
    http(s) SPARQL endpoint; by default ``$KG_STORE``, else ``oxigraph:out/store``
    (relative to the working folder). Rows come back as dicts of Python values, as
    ``kg query --format json`` prints them.
    """

    def __init__(self, store: str | None = None) -> None:
        self.store = store or env_store()
        self.dataset = open_store(self.store, create=False, read_only=True)

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.dataset.close()

    def query(self, sparql: str | None = None, name: str | None = None, params: dict[str, str] | None = None,
              timeout: float | None = None, limit: int | None = None, offset: int = 0
              ) -> list[dict[str, Any]] | bool | Any:
        """``kg query``: a SELECT's rows, an ASK's answer, or a CONSTRUCT's rdflib graph;
        ``name`` runs a named query (``kg query --list``) with its ``params``: every row,
        or ``limit`` rows from row ``offset + 1`` (a page costs what it holds). Updates
        are refused; ``timeout`` stops the query after that many seconds."""
        if (sparql is None) == (name is None):
            raise QueryError("give a SPARQL query or the name of a named query, not both")

        def run():  # the whole answer is read in the query's thread (oxigraph's results stay there)
            if name is not None:
                result = run_named(self.dataset, name, {k: str(v) for k, v in (params or {}).items()}, limit, offset)
            else:
                result = run_query(self.dataset, sparql)
            if result.type == "ASK":
                return bool(result.askAnswer)
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                return result.graph
            return result_rows(result)

        return within(timeout, run)

    def claims(self, speaker: str | None = None, about: str | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """``kg claims``: speaker, cue, content, kind, document and date of each claim,
        oldest first; only those by ``speaker``, about ``about`` (actor names, aliases or
        ids) and published within ``since`` and ``until`` (YYYY-MM-DD or dates); every
        claim, or ``limit`` of them from claim ``offset + 1``."""
        params = {"by": speaker, "about": about, "since": iso_day(since), "until": iso_day(until)}
        return self.query(name="claims", params={k: v for k, v in params.items() if v}, limit=limit, offset=offset)

    def groups(self, min_claims: int = 2) -> list[dict[str, Any]]:
        """``kg query --name groups``: the claim groups of at least ``min_claims`` claims,
        most reported first, with their first appearance."""
        return self.query(name="groups", params={"min_claims": min_claims})

    def actor(self, name: str) -> dict[str, Any]:
        """One actor (by name, alias or id): its id, label, kind and aliases, the claims it
        made and the claims about it. An unknown or ambiguous name raises ``ValueError``."""
        iri = resolve_actor(self.dataset, name)
        rows = result_rows(run_query(self.dataset, ACTOR, {"actor": iri}))
        kinds = [row["kind"] for row in rows if row["kind"] != "Actor"] or ["Actor"]
        claims = named_queries()["claims"].text
        return {"id": str(iri).rsplit("/", 1)[-1], "label": rows[0]["label"] if rows else name, "kind": kinds[0],
                "aliases": sorted({row["alias"] for row in rows if row["alias"]}),
                "claims": result_rows(run_query(self.dataset, claims, {"by": iri})),
                "about": result_rows(run_query(self.dataset, claims, {"about": iri}))}

    def to_networkx(self, which: str = "actors") -> nx.MultiDiGraph:
        """``kg export --format gexf``'s graphs as networkx graphs: ``actors`` (relations,
        claims about each other, co-mentions) or ``claims`` (claims, groups, contradictions)."""
        from .graphs import actor_graph, claim_graph

        if which not in ("actors", "claims"):
            raise ValueError(f"which is 'actors' or 'claims', not {which!r}")
        return actor_graph(self.dataset) if which == "actors" else claim_graph(self.dataset)


ACTOR = """
SELECT ?label ?kind ?alias WHERE {
  ?actor rdfs:label ?label ; a ?class .
  VALUES ?class { cg:Person cg:Organization cg:Country cg:Group cg:Actor }
  BIND(STRAFTER(STR(?class), "#") AS ?kind)
  OPTIONAL { ?actor skos:altLabel ?alias }
} ORDER BY ?kind
"""
