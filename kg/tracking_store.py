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

import numpy as np
from rdflib import Dataset, Graph

from .query import plain_rows, run_query
from .rdf import document_tracking_graph, group_graph, id_of
from .store import write_graphs
from .tracking import ClaimGroup, Contradiction, Tracker, TrackedClaim, appearance_order

CLAIMS = """
SELECT ?claim ?doc ?date ?copyOf ?speaker ?speakerText ?cue ?content ?negated ?contentNegated ?start ?end
       ?rule ?topic ?embedding ?group ?label WHERE {
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
  OPTIONAL { ?claim cg:embedding ?embedding }
  OPTIONAL { ?claim cg:expresses ?group . ?group rdfs:label ?label }
}
"""

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


def update_tracking(ds: Dataset) -> tuple[int, int]:
    """Track the claims not tracked yet against those that are; returns how many groups of two claims
    or more and how many contradiction candidates the store holds."""
    if run_query(ds, STALE).askAnswer:  # a document rebuilt with other claims: track everything again
        write_graphs(ds, [Graph(identifier=row.graph) for row in run_query(ds, TRACKING_GRAPHS)])
    known, vectors, groups, new = [], [], {}, []
    for row in plain_rows(ds, CLAIMS):
        claim = tracked_claim(row)
        if row.embedding is not None:
            known.append(claim)
            vectors.append(decode_vector(row.embedding))
            if row.group is not None:
                group = groups.setdefault(id_of(row.group), ClaimGroup(id=id_of(row.group), label=row.label))
                group.members.append(claim.id)
        elif row.topic is None:
            new.append(claim)
    tracker = Tracker()
    by_id = {c.id: c for c in known}
    for group in groups.values():  # counts and first appearance from the members as stored
        members, group.members = group.members, []
        for claim in appearance_order(by_id[m] for m in members):
            group.add(claim)
    tracker.load(known, np.array(vectors, dtype=np.float32).reshape(len(known), 384), groups.values())
    touched, contradictions = tracker.add(new)
    _write(ds, tracker, touched, contradictions, new)
    return _count(ds)


def _write(ds: Dataset, tracker: Tracker, touched: list[ClaimGroup], contradictions: list[Contradiction],
           new: list[TrackedClaim]) -> None:
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
    write_graphs(ds, [group_graph(g) for g in touched]
                 + [document_tracking_graph(d, embeddings[d], found[d]) for d in docs])


def _count(ds: Dataset) -> tuple[int, int]:
    rows = list(run_query(ds, """SELECT (COUNT(DISTINCT ?g) AS ?groups) (COUNT(DISTINCT ?c) AS ?contradictions) WHERE {
      { ?g a cg:Proposition ; cg:memberCount ?n FILTER(?n > 1) } UNION { ?c a cg:Contradiction } }"""))
    return int(rows[0].groups), int(rows[0].contradictions)
