"""Counts kept up to date by each build, so that the listings ranked by them answer at once.

The relation network (how many sources state that one actor relates to another), the
relations by type, the claimants' stances and the actors mentioned together are counts
over the whole store: counting them at query time visits every statement, claim or
document. Instead each document's graph says what it adds (``<statement or claim or
document> cg:countsIn <aggregate>``, :func:`kg.rdf.add_contributions`), and each count
lives in its own named graph (:func:`kg.rdf.aggregate_graph`). A build recounts only
the aggregates that its documents, new or replaced, add to or took from: a few index
lookups each, whatever the store holds. The named queries page through the counts by
their rank (``cg:relationRank``...), one lookup per row shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rdflib import Dataset, Graph, URIRef

from .query import VALUES_CHUNK, iri_values, plain_rows, run_query
from .rdf import CG, aggregate_graph, aggregate_parts
from .store import write_graphs

# the least count an aggregate is kept at: a pair of actors mentioned together once is the
# bulk of all pairs (ten times those seen twice) and tells a reader little
LEAST = {"co-mention": 2}

CONTRIBUTORS = """
SELECT ?aggregate ?by ?doc ?lemma WHERE {
  VALUES ?aggregate { %s }
  ?by cg:countsIn ?aggregate .
  OPTIONAL { ?by cg:source ?doc }
  OPTIONAL { ?by cg:predicateLemma ?lemma }
}
"""
# what a count counts: relations the documents that state them, stances the claims that
# take them, pairs of actors the documents that mention both (the contributors themselves)
COUNTED = {"relation": "doc", "relation-type": "doc", "stance": "by", "co-mention": "by"}

STORED = """
SELECT DISTINCT ?aggregate WHERE {
  VALUES ?graph { %s }
  GRAPH ?graph { ?by cg:countsIn ?aggregate }
}
"""


EVERY = "SELECT DISTINCT ?aggregate WHERE { { ?by cg:countsIn ?aggregate } UNION { ?aggregate a cg:Aggregate } }"


def contributions(graphs: Iterable[Graph]) -> set[URIRef]:
    """The aggregates that these graphs (about to be written, or just written) add to."""
    return {o for g in graphs for _, p, o in g if p == CG.countsIn}


def stored_contributions(ds: Dataset, names: Iterable[URIRef]) -> set[URIRef]:
    """The aggregates that the stored versions of these graphs add to (read before the
    graphs are replaced: their counts change too)."""
    return {row.aggregate for values in iri_values(list(names)) for row in run_query(ds, STORED % values)}


def every_aggregate(ds: Dataset) -> list[str]:
    """Every aggregate stored or added to by a stored graph."""
    return [row.aggregate for row in plain_rows(ds, EVERY)]


def recount_all(ds: Dataset) -> int:
    """Recount every aggregate (after an interrupted build, whose documents may be stored
    without their counts); returns how many were rewritten."""
    return update_aggregates(ds, every_aggregate(ds))


def update_aggregates(ds: Dataset, touched: Iterable[URIRef | str], bulk: bool = False,
                      progress: Callable[[int], None] | None = None) -> int:
    """Recount ``touched`` aggregates and rewrite their graphs (a count of 0 is removed),
    ``VALUES_CHUNK`` at a time (memory stays bounded however many a build touches); returns
    how many were rewritten. A relation counts the documents that state it (a document
    stating it twice counts once), a stance the claims that take it, a pair of actors the
    documents that mention both (kept from two documents on, see ``LEAST``). ``bulk``:
    none of them is stored yet (a first build), so they are loaded without transactions.
    ``progress`` hears how many each chunk recounted."""
    touched = sorted(str(iri) for iri in touched)
    for start in range(0, len(touched), VALUES_CHUNK):
        chunk = touched[start:start + VALUES_CHUNK]
        write_graphs(ds, _recounted(ds, chunk), bulk=bulk)
        if progress:
            progress(len(chunk))
    return len(touched)


def _recounted(ds: Dataset, aggregates: list[str]) -> list[Graph]:
    kinds = {iri: aggregate_parts(iri)[0] for iri in aggregates}
    counted: dict[str, set] = defaultdict(set)
    lemmas: dict[str, set[str]] = defaultdict(set)
    for row in plain_rows(ds, CONTRIBUTORS % " ".join(iri_values(aggregates))):
        counted[row.aggregate].add(getattr(row, COUNTED[kinds[row.aggregate]]))
        if row.lemma is not None:
            lemmas[row.aggregate].add(row.lemma)
    graphs = []
    for aggregate in aggregates:
        count = len(counted[aggregate] - {None})
        count = count if count >= LEAST.get(kinds[aggregate], 1) else 0
        graphs.append(aggregate_graph(URIRef(aggregate), count, sorted(lemmas[aggregate])))
    return graphs
