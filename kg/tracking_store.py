"""Tracking over the store: match the claims of new documents against what is stored.

Each claim group lives in its own named graph (``.../graph/tracking/group/ID``), and
what tracking adds with a document — its claims' embeddings (``cg:embedding``, 384
half-precision numbers in base64) and the contradiction candidates found for them — in
another (``.../graph/tracking/doc/ID``). So a build embeds only the claims it adds, a
batch of documents at a time once they are stored (:class:`StoreTracking`), matches them
against the stored ones, and rewrites only the groups they join or start, on any store
(Oxigraph, memory, or a SPARQL server through the Graph Store Protocol). Existing groups
never reshuffle. When claims have left the store (a document rebuilt with other claims),
the build tracks every claim again at its end.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Iterable
from itertools import chain, islice

import numpy as np
from rdflib import Dataset, Graph

from .query import iri_values, plain_rows, run_query
from . import match
from .rdf import claim_iri, document_tracking_graph, group_graph, id_of
from .memory import give_back_free_memory
from .store import write_graphs
from .tracking import (ClaimBatch, ClaimGroup, Contradiction, Embeddings, Stage, Tracker, TrackedClaim,
                       matched_claims, nearest_rows, unwatched)

CLAIMS = """
SELECT ?claim ?doc ?date ?copyOf ?speaker ?speakerText ?cue ?content ?negated ?contentNegated ?start ?end
       ?rule ?topic ?subject ?subjectText ?predicate ?group ?label WHERE {
  VALUES ?claim { %s }
  ?claim a cg:Claim ; cg:source ?d ; cg:cue ?cue ; cg:content ?content ;
         cg:contentStart ?start ; cg:contentEnd ?end .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?d cg:duplicateOf/dcterms:identifier ?copyOf }
  OPTIONAL { ?claim cg:claimant ?speaker }
  OPTIONAL { ?claim cg:speakerText ?speakerText }
  OPTIONAL { ?claim cg:negated ?negated }
  OPTIONAL { ?claim cg:contentNegated ?contentNegated }
  OPTIONAL { ?claim cg:rule ?rule }
  OPTIONAL { ?claim cg:topicOnly ?topic }
  OPTIONAL { ?claim cg:contentSubject ?subject }
  OPTIONAL { ?claim cg:contentSubjectText ?subjectText }
  OPTIONAL { ?claim cg:contentPredicate ?predicate }
  OPTIONAL { ?claim cg:expresses ?group . ?group rdfs:label ?label }
}
"""
ALL_CLAIMS = "SELECT ?claim WHERE { ?claim a cg:Claim }"
EMBEDDINGS = "SELECT ?claim ?embedding WHERE { ?claim cg:embedding ?embedding }"
GROUPS_OF = "SELECT ?claim ?group WHERE { VALUES ?claim { %s } ?claim cg:expresses ?group }"
MEMBERS_OF = "SELECT ?claim ?group WHERE { VALUES ?group { %s } ?claim cg:expresses ?group }"
WRITE_CHUNK = 1000  # graphs bulk-loaded at once by a first build

STALE = """
ASK { ?claim cg:embedding ?e FILTER NOT EXISTS { ?claim a cg:Claim } }
"""

TRACKING_GRAPHS = """
SELECT DISTINCT ?graph WHERE { GRAPH ?graph { ?s cg:embedding|cg:memberCount ?o } }
"""


def encode_vector(vector: np.ndarray) -> str:
    """A compact literal for an embedding (base64 of half-precision numbers)."""
    return base64.b64encode(vector.astype("<f2").tobytes()).decode("ascii")


def decode_vector(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def _flag(value: str | None) -> bool:
    return value in ("true", "1")


def tracked_claim(row) -> TrackedClaim:
    """A stored claim, from a row of ``CLAIMS`` read by :func:`kg.query.plain_rows`."""
    return TrackedClaim(id=id_of(row.claim), doc=row.doc, date=row.date[:10] if row.date else None,
                        speaker=id_of(row.speaker) if row.speaker else None, speaker_text=row.speakerText or None,
                        cue=row.cue, content=row.content, negated=_flag(row.negated),
                        content_negated=_flag(row.contentNegated), offset=int(row.start), end=int(row.end),
                        rule=row.rule or None, proposition=not _flag(row.topic), source=row.copyOf or None,
                        subject=id_of(row.subject) if row.subject else None, subject_text=row.subjectText or None,
                        predicate=row.predicate or None)


def update_tracking(ds: Dataset, added: Iterable[str] | None = None, bulk: bool = False,
                    stage: Stage = unwatched) -> None:
    """Track the stored claims not tracked yet against those that are (how many groups
    and contradictions that makes: :func:`count_tracking`). ``added``: the IRIs of the
    claims to look at (by default every stored claim); when claims have left the store (a
    document rebuilt with other claims) every claim is tracked anew. ``bulk`` and
    ``stage``: as for :class:`StoreTracking`."""
    if run_query(ds, STALE).askAnswer:  # a document rebuilt with other claims: track everything again
        write_graphs(ds, [Graph(identifier=row.graph) for row in run_query(ds, TRACKING_GRAPHS)])
        added = None
    if added is None:
        added = [row.claim for row in plain_rows(ds, ALL_CLAIMS)]
    tracking = StoreTracking(ds, bulk)
    tracking.add(claims_among(ds, list(added)), stage)
    tracking.finish()


def track_batches(ds: Dataset, batches: list[ClaimBatch], bulk: bool = False,
                  stage: Stage = unwatched) -> None:
    """Track the claims a build stored, a batch at a time (as ``kg extract`` tracks them:
    :func:`kg.tracking.track_records`); ``stage`` hears how many claims there are and how
    many each batch tracked; ``bulk``: as for :class:`StoreTracking`."""
    tracking = StoreTracking(ds, bulk)
    tracked = stage("tracking claims", sum(len(batch.claims) for batch in batches))
    for batch in batches:
        tracking.add(batch.claims, prepared=batch.prepared())
        batch.release()
        tracked(len(batch.claims))
        give_back_free_memory()  # what the batch's encoding freed
    tracking.finish()


class StoreTracking:
    """Tracking into a store, a batch of claims at a time: ``kg build`` tracks the claims
    of each batch of documents it stored, as ``kg extract`` tracks each batch in memory.

    The claims tracked before (in the store) are known by their embeddings, read once and
    kept in half precision (768 bytes a claim); those tracked since are held by one
    :class:`Tracker`. Each batch's claims are embedded, and the stored claims nearest to
    them, with every claim of the groups those are in, are read into the tracker (that is
    all :meth:`Tracker.add` looks at, so the groups and contradictions are those of
    reading every stored claim); then they are matched, and written with the groups they
    join or start. ``bulk``: a first build (see :func:`kg.store.building`), which has no
    tracking stored to read: each batch's tracking graphs are bulk-loaded ``WRITE_CHUNK``
    at a time, and its groups once, at the end (:meth:`finish`: a group may change with
    every batch, and bulk-loading does not replace); otherwise a batch goes in one
    transaction, a claim with its group.
    """

    def __init__(self, ds: Dataset, bulk: bool = False) -> None:
        self.ds, self.bulk = ds, bulk
        self.stored = StoredEmbeddings(plain_rows(ds, EMBEDDINGS))
        self.tracker = Tracker()
        self.unwritten: set[str] = set()  # groups a first build has yet to write

    def add(self, claims: Iterable[TrackedClaim], stage: Stage = unwatched,
            prepared: dict[str, match.Text] | None = None) -> None:
        """Track ``claims`` (those not tracked yet; topics stand alone), embedded here unless
        ``prepared`` holds their texts by id; ``stage`` hears what tracking does and how far
        it is (:meth:`Tracker.add`)."""
        new = [claim for claim in matched_claims(claims) if claim.id not in self.tracker.index_of
               and str(claim_iri(claim.id)) not in self.stored]
        if not new:
            return
        if prepared is None:
            prepared = ClaimBatch(new).prepared(stage)
        prepared = {c.id: prepared[c.id] for c in new}
        _load_neighbourhood(self.ds, self.tracker, self.stored, np.array([t.vector for t in prepared.values()]))
        touched, contradictions = self.tracker.add(new, prepared, stage)
        if self.bulk:  # its groups are written once, at its end
            self.unwritten.update(group.id for group in touched)
            touched = []
        _write(self.ds, self.tracker, touched, contradictions, new, self.bulk)

    def finish(self) -> None:
        """Write the groups that a first build's batches started or changed, each once."""
        groups = (group_graph(self.tracker.groups[group]) for group in sorted(self.unwritten))
        while chunk := list(islice(groups, WRITE_CHUNK)):
            write_graphs(self.ds, chunk, bulk=True)
        self.unwritten.clear()


class StoredEmbeddings:
    """The stored claims' embeddings by IRI, in half precision, read in blocks.

    >>> vectors = np.eye(3, dtype=np.float32)
    >>> index = StoredEmbeddings()
    >>> index.extend(["a", "b"], vectors[:2])
    >>> "a" in index, "c" in index, index.nearest(vectors[1:2] + vectors[:1] * 0.5)
    (True, False, ['a', 'b'])
    >>> index.vectors(["b"])
    array([[0., 1., 0.]], dtype=float32)
    """

    BLOCK = 4096  # stored embeddings read at once

    def __init__(self, rows: Iterable = ()) -> None:
        """``rows``: of ``EMBEDDINGS`` (``.claim``, ``.embedding``)."""
        self.iris: list[str] = []
        self.place: dict[str, int] = {}
        self.embeddings = Embeddings()
        rows = iter(rows)
        while chunk := list(islice(rows, self.BLOCK)):
            self.extend([row.claim for row in chunk], np.array([decode_vector(row.embedding) for row in chunk]))

    def __contains__(self, iri: str) -> bool:
        return iri in self.place

    def extend(self, iris: list[str], vectors: np.ndarray) -> None:
        self.place.update((iri, len(self.iris) + i) for i, iri in enumerate(iris))
        self.iris.extend(iris)
        self.embeddings.append(vectors)

    def nearest(self, vectors: np.ndarray) -> list[str]:
        """The stored claims among the ``NEIGHBOURS`` nearest of any of ``vectors`` (as
        :func:`kg.tracking.nearest_rows` finds them)."""
        found = nearest_rows(vectors, self.embeddings.rows, len(self.embeddings))
        return [self.iris[p] for p in sorted({p for places in found for p in places})]

    def vectors(self, iris: list[str]) -> np.ndarray:
        """The embeddings of these claims, in single precision."""
        places = [self.place[iri] for iri in iris]
        return self.embeddings.half[places].astype(np.float32).reshape(len(places), -1)


def _load_neighbourhood(ds: Dataset, tracker: Tracker, stored: StoredEmbeddings, vectors: np.ndarray) -> None:
    """Load into ``tracker`` the stored claims nearest to ``vectors`` (new claims), with
    every claim of the groups they are in (those it does not hold yet)."""
    near = {iri for iri in stored.nearest(vectors) if id_of(iri) not in tracker.index_of}
    if not near:
        return
    wanted = {row.group for values in iri_values(sorted(near)) for row in plain_rows(ds, GROUPS_OF % values)
              if id_of(row.group) not in tracker.groups}
    near |= {row.claim for values in iri_values(sorted(wanted)) for row in plain_rows(ds, MEMBERS_OF % values)}
    groups: dict[str, ClaimGroup] = {}
    claims, rows = _claims_and_rows(ds, sorted(near))
    for claim, row in zip(claims, rows):
        if row.group is not None:
            groups.setdefault(id_of(row.group), ClaimGroup(id=id_of(row.group), label=row.label)).add(claim)
    tracker.load(claims, stored.vectors([row.claim for row in rows]), groups.values())


def claims_among(ds: Dataset, iris: list[str]) -> list[TrackedClaim]:
    """The stored claims with these IRIs, as tracking sees them."""
    return _claims_and_rows(ds, iris)[0]


def _claims_and_rows(ds: Dataset, iris: list[str]) -> tuple[list[TrackedClaim], list]:
    claims, rows = [], []
    for values in iri_values(iris):
        for row in plain_rows(ds, CLAIMS % values):
            claims.append(tracked_claim(row))
            rows.append(row)
    return claims, rows


def _write(ds: Dataset, tracker: Tracker, touched: list[ClaimGroup], contradictions: list[Contradiction],
           new: list[TrackedClaim], bulk: bool = False) -> None:
    """Write the groups ``touched``, and for each document of the ``new`` claims their
    embeddings and the contradiction candidates found for them."""
    embeddings: dict[str, dict[str, str]] = defaultdict(dict)
    for claim in new:
        if claim.id in tracker.index_of:
            embeddings[claim.doc][claim.id] = encode_vector(tracker.matrix[tracker.index_of[claim.id]])
    found: dict[str, list[Contradiction]] = defaultdict(list)
    doc_of = {c.id: c.doc for c in new}
    for pair in contradictions:
        found[doc_of.get(pair.claim) or doc_of[pair.other]].append(pair)
    docs = sorted(embeddings.keys() | found.keys())
    graphs = chain((group_graph(g) for g in touched),
                   (document_tracking_graph(d, embeddings[d], found[d]) for d in docs))
    if not bulk:  # one transaction: a claim is tracked with its group
        write_graphs(ds, list(graphs))
        return
    while chunk := list(islice(graphs, WRITE_CHUNK)):  # each graph made when written: memory stays flat
        write_graphs(ds, chunk, bulk=True)


def count_tracking(ds: Dataset) -> tuple[int, int]:
    """How many groups of two claims or more and how many contradiction candidates the store holds."""
    rows = list(run_query(ds, """SELECT (COUNT(DISTINCT ?g) AS ?groups) (COUNT(DISTINCT ?c) AS ?contradictions) WHERE {
      { ?g a cg:Proposition ; cg:memberCount ?n FILTER(?n > 1) } UNION { ?c a cg:Contradiction } }"""))
    return int(rows[0].groups), int(rows[0].contradictions)
