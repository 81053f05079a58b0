"""Tracking over the store: match the claims of new documents against what is stored.

The tracking graph keeps, besides the groups and contradiction candidates, each tracked
claim's embedding (``cg:embedding``, 384 half-precision numbers in base64), so a build
embeds only the claims it adds: they are matched against the stored claims and join
their groups or start new ones. Existing groups never reshuffle; groups and candidates
whose claims have left the store (a document rebuilt with other claims) make the next
build track every claim again.
"""

from __future__ import annotations

import base64
from urllib.parse import unquote

import numpy as np
from rdflib import Dataset, Literal, URIRef

from .query import run_query
from .rdf import CG, TRACKING_GRAPH, claim_iri, proposition_iri, tracking_graph
from .tracking import ClaimGroup, Tracker, TrackedClaim, appearance_order

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
ASK { GRAPH ?tracking { ?claim cg:embedding ?e } FILTER NOT EXISTS { ?claim a cg:Claim } }
"""


def encode_vector(vector: np.ndarray) -> str:
    """A compact literal for an embedding (base64 of half-precision numbers)."""
    return base64.b64encode(vector.astype("<f2").tobytes()).decode("ascii")


def decode_vector(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def _last(iri) -> str:
    return unquote(str(iri).rsplit("/", 1)[-1])


def _flag(value) -> bool:
    return bool(value is not None and value.toPython())


def tracked_claim(row) -> TrackedClaim:
    return TrackedClaim(id=_last(row.claim), doc=str(row.doc), date=str(row.date)[:10] if row.date else None,
                        speaker=_last(row.speaker) if row.speaker else None,
                        speaker_text=str(row.speakerText) if row.speakerText else None,
                        cue=str(row.cue), content=str(row.content), negated=_flag(row.negated),
                        content_negated=_flag(row.contentNegated), offset=int(row.start), end=int(row.end),
                        rule=str(row.rule) if row.rule else None, proposition=not _flag(row.topic),
                        source=str(row.copyOf) if row.copyOf else None)


def update_tracking(ds: Dataset) -> tuple[int, int]:
    """Track the claims not tracked yet against those that are; returns (groups, contradictions) in the store."""
    if run_query(ds, STALE).askAnswer:  # a document rebuilt with other claims: track everything again
        ds.remove_graph(TRACKING_GRAPH)
    known, vectors, groups, new = [], [], {}, []
    for row in run_query(ds, CLAIMS):
        claim = tracked_claim(row)
        if row.embedding is not None:
            known.append(claim)
            vectors.append(decode_vector(str(row.embedding)))
            if row.group is not None:
                group = groups.setdefault(_last(row.group), ClaimGroup(id=_last(row.group), label=str(row.label)))
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


def _write(ds: Dataset, tracker: Tracker, touched: list[ClaimGroup], contradictions, new: list[TrackedClaim]) -> None:
    graph = ds.graph(TRACKING_GRAPH)
    partial = tracking_graph(touched, contradictions)
    for group in touched:
        graph.remove((proposition_iri(group.id), None, None))
    graph.addN((s, p, o, graph) for s, p, o in partial)
    index = {c.id: i for i, c in enumerate(tracker.claims)}
    for claim in new:
        if claim.id in index:
            vector = tracker.texts[index[claim.id]].vector
            graph.add((claim_iri(claim.id), CG.embedding, Literal(encode_vector(vector))))


def _count(ds: Dataset) -> tuple[int, int]:
    rows = list(run_query(ds, """SELECT (COUNT(DISTINCT ?g) AS ?groups) (COUNT(DISTINCT ?c) AS ?contradictions) WHERE {
      { ?g a cg:Proposition } UNION { ?c a cg:Contradiction } }"""))
    return int(rows[0].groups), int(rows[0].contradictions)
