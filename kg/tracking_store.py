"""Tracking over the store: match the claims of new documents against what is stored.

Each claim group lives in its own named graph (``.../graph/tracking/group/ID``), and
what tracking adds with a document — its claims' embeddings (``cg:embedding``, 384
half-precision numbers in base64) and the contradiction candidates found for them — in
another (``.../graph/tracking/doc/ID``). So a build embeds only the claims it adds,
matches them against the stored ones, and rewrites only the groups they join or start,
on any store (Oxigraph, memory, or a SPARQL server through the Graph Store Protocol).
Existing groups never reshuffle. When claims have left the store (a document rebuilt
with other claims), the next build tracks every claim again.
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
from .rdf import document_tracking_graph, group_graph, id_of
from .store import write_graphs
from .tracking import ClaimGroup, Contradiction, Stage, Tracker, TrackedClaim, appearance_order, closest, unwatched

CLAIMS = """
SELECT ?claim ?doc ?date ?copyOf ?speaker ?speakerText ?cue ?content ?negated ?contentNegated ?start ?end
       ?rule ?topic ?group ?label WHERE {
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
                        rule=row.rule or None, proposition=not _flag(row.topic), source=row.copyOf or None)


def update_tracking(ds: Dataset, added: Iterable[str] | None = None, bulk: bool = False,
                    stage: Stage = unwatched) -> tuple[int, int]:
    """Track the claims not tracked yet against those that are; returns how many groups of two claims
    or more and how many contradiction candidates the store holds. ``added``: the IRIs of
    the claims a build has just stored (those to track are the ones not tracked yet, topics
    aside); by default every stored claim is looked at. ``bulk``: the store holds no
    tracking yet (a first build, see :func:`kg.store.building`), so what tracking adds is
    bulk-loaded, ``WRITE_CHUNK`` graphs at a time (an interrupted first build is rolled
    back whole); otherwise it goes in one transaction, a claim with its group. ``stage``
    hears what tracking does and how far it is (:meth:`Tracker.add`).

    What is read costs what is added, but for one pass over the stored embeddings: the
    new claims are embedded first, and only their nearest stored claims and the groups
    those belong to are read whole. That is all :meth:`Tracker.add` looks at (a new
    claim meets its ``NEIGHBOURS`` nearest claims, and the groups they are in), so the
    groups and contradictions are those of reading every stored claim.
    """
    if run_query(ds, STALE).askAnswer:  # a document rebuilt with other claims: track everything again
        write_graphs(ds, [Graph(identifier=row.graph) for row in run_query(ds, TRACKING_GRAPHS)])
        added = None
    stored = {row.claim: row.embedding for row in plain_rows(ds, EMBEDDINGS)}
    if added is None:
        added = [row.claim for row in plain_rows(ds, ALL_CLAIMS)]
    new = [claim for claim in claims_among(ds, [iri for iri in added if iri not in stored])
           if not claim.is_topic()]  # topics are never tracked: they stand alone
    if new:
        embedded = stage("embedding new claims", len(new))
        prepared = dict(zip((c.id for c in new), match.prepare([c.matching_text() for c in new], progress=embedded)))
        tracker = Tracker()
        _load_neighbourhood(ds, tracker, stored, np.array([t.vector for t in prepared.values()]))
        touched, contradictions = tracker.add(new, prepared, stage)
        _write(ds, tracker, touched, contradictions, new, bulk)
    return _count(ds)


def _load_neighbourhood(ds: Dataset, tracker: Tracker, stored: dict[str, str], vectors: np.ndarray) -> None:
    """Load into ``tracker`` the stored claims nearest to ``vectors`` (new claims), with
    every claim of the groups they are in."""
    iris = list(stored)
    if not iris:
        return
    matrix = np.array([decode_vector(stored[iri]) for iri in iris], dtype=np.float32)
    near = {iris[i] for row in vectors @ matrix.T for i in closest(row)}
    wanted = {row.group for values in iri_values(sorted(near)) for row in plain_rows(ds, GROUPS_OF % values)}
    near |= {row.claim for values in iri_values(sorted(wanted)) for row in plain_rows(ds, MEMBERS_OF % values)}
    position = {iri: i for i, iri in enumerate(iris)}
    known, groups, rows_of = [], {}, []
    for claim, row in zip(*_claims_and_rows(ds, sorted(near))):
        known.append(claim)
        rows_of.append(position[row.claim])
        if row.group is not None:
            group = groups.setdefault(id_of(row.group), ClaimGroup(id=id_of(row.group), label=row.label))
            group.members.append(claim.id)
    by_id = {c.id: c for c in known}
    for group in groups.values():  # counts and first appearance from the members as stored
        members, group.members = group.members, []
        for claim in appearance_order(by_id[m] for m in members):
            group.add(claim)
    tracker.load(known, matrix[rows_of], groups.values())


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
    index = {c.id: i for i, c in enumerate(tracker.claims)}
    embeddings: dict[str, dict[str, str]] = defaultdict(dict)
    for claim in new:
        if claim.id in index:
            embeddings[claim.doc][claim.id] = encode_vector(tracker.texts[index[claim.id]].vector)
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


def _count(ds: Dataset) -> tuple[int, int]:
    rows = list(run_query(ds, """SELECT (COUNT(DISTINCT ?g) AS ?groups) (COUNT(DISTINCT ?c) AS ?contradictions) WHERE {
      { ?g a cg:Proposition ; cg:memberCount ?n FILTER(?n > 1) } UNION { ?c a cg:Contradiction } }"""))
    return int(rows[0].groups), int(rows[0].contradictions)
