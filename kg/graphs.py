"""Graphs read from the store with SPARQL, as networkx graphs for views, exports and analysis.

- :func:`actor_graph`: actors linked by **relation** edges (one per subject, predicate and
  object, negated or not) and **co-mention** edges (two actors named in the same
  document); every edge is weighted by the number of distinct source documents.
- :func:`claim_graph`: speakers -> the claims they made -> the actors each claim is about.
  It is built by a list of layers (:data:`CLAIM_LAYERS`), so that more kinds of node and
  edge (claim groups, contradictions) slot in as one more function.

Every node and edge has a ``kind`` (what it is, and the key of its style in the views)
and a ``label``; edges and claims carry their ``evidence``: the sentences, with the title
and date of the source. Nothing here touches spaCy: everything comes from the store.

To show more in the claim view (say claim groups), write a layer ``add_groups(g, ds)``
that queries the store and adds nodes and edges with kinds of their own, append it to
:data:`CLAIM_LAYERS`, and give the new kinds a colour and a legend name with
:func:`kg.views.register_style`; kinds without a style are drawn grey as "other".

>>> from kg.store import open_store
>>> g = actor_graph(open_store("memory"))
>>> g.number_of_nodes(), g.number_of_edges()
(0, 0)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from typing import Callable

import networkx as nx
from rdflib import Dataset

from .query import run_query


def graph_query(name: str) -> str:
    """The SPARQL of ``kg/queries/graph/<name>.rq`` (the queries behind the graph views)."""
    return resources.files("kg").joinpath("queries", "graph", f"{name}.rq").read_text("utf-8")


ACTOR_KINDS = ("Person", "Organization", "Country", "Group", "Actor")  # most specific first
UNNAMED = "Unnamed source"
RELATION, CO_MENTION, SAID, ABOUT = "relation", "co-mention", "said", "about"
GROUP, EXPRESSES, CONTRADICTS = "claim group", "expresses", "contradicts"

ACTORS_QUERY = graph_query("actors")
ACTOR_MENTIONS_QUERY = graph_query("actor-mentions")
ACTOR_CLAIMS_QUERY = graph_query("actor-claims")
RELATIONS_QUERY = graph_query("relations")
CLAIMS_QUERY = graph_query("claims")
CLAIMS_ABOUT_QUERY = graph_query("claims-about")


@dataclass(frozen=True, order=True)
class Evidence:
    """A sentence that is the evidence for a node or an edge, with its source document.

    >>> Evidence("Xi met Putin.", "doc:1", "Talks in Beijing", "2024-05-16").source
    'Talks in Beijing (2024-05-16)'
    """

    sentence: str
    doc: str
    title: str = ""
    date: str = ""
    note: str = ""

    @property
    def source(self) -> str:
        return f"{self.title or 'untitled'} ({self.date or 'undated'})"


def text(term) -> str:
    """A term's lexical form, or ``""`` for an unbound variable."""
    return "" if term is None else str(term)


def is_true(term) -> bool:
    return term is not None and str(term).lower() in ("true", "1")


def evidence(row, note: str = "") -> Evidence:
    """The evidence of a result row with ``?sentence ?doc ?title ?date``."""
    return Evidence(text(row.sentence), text(row.doc), text(row.title), text(row.date), note)


# --- actors ----------------------------------------------------------------------------


def actor_nodes(ds: Dataset) -> dict[str, dict]:
    """Every actor in the store: its label and its most specific kind."""
    actors: dict[str, dict] = {}
    rank = {kind: i for i, kind in enumerate(ACTOR_KINDS)}
    for row in run_query(ds, ACTORS_QUERY):
        iri, label, kind = str(row.actor), str(row.label), str(row.kind)
        known = actors.get(iri)
        if known is None or (rank[kind], label) < (rank[known["kind"]], known["label"]):
            actors[iri] = {"label": label, "kind": kind}
    return actors


def actor_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Actors, with relation and co-mention edges weighted by their number of sources.

    Node attributes: ``label``, ``kind`` (Person, Organization, Country, Group, Actor),
    ``mentions``, ``claims`` (made by the actor) and ``sources`` (documents naming it).
    Relation edges (key ``relation:LEMMA`` or ``relation:not LEMMA``) have ``label``,
    ``negated``, ``weight`` and ``evidence``; a co-mention edge (key ``co-mention``) joins
    each pair of actors named in the same document, once, from the smaller id to the
    larger, with ``weight`` the number of documents naming both.
    """
    g = nx.MultiDiGraph()
    for iri, data in actor_nodes(ds).items():
        g.add_node(iri, **data, mentions=0, claims=0, sources=0)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for row in run_query(ds, ACTOR_MENTIONS_QUERY):
        actor = str(row.actor)
        if actor in g:
            docs_of[actor].add(str(row.doc))
            g.nodes[actor]["mentions"] += int(row.mentions)
    for row in run_query(ds, ACTOR_CLAIMS_QUERY):
        if str(row.actor) in g:
            g.nodes[str(row.actor)]["claims"] = int(row.claims)
    for actor, docs in docs_of.items():
        g.nodes[actor]["sources"] = len(docs)
    add_relations(g, ds)
    add_co_mentions(g, docs_of)
    return g


def add_relations(g: nx.MultiDiGraph, ds: Dataset) -> None:
    """One edge per (subject, predicate, object, negated) between actors of ``g``."""
    found: dict[tuple[str, str, str, bool], set[Evidence]] = defaultdict(set)
    for row in run_query(ds, RELATIONS_QUERY):
        subject, obj = str(row.subject), str(row.object)
        if subject in g and obj in g:
            note = f"according to {row.claimantLabel}" if row.claimantLabel else ""
            found[subject, str(row.lemma), obj, is_true(row.negated)].add(evidence(row, note))
    for (subject, lemma, obj, negated), proofs in sorted(found.items()):
        label = f"not {lemma}" if negated else lemma
        g.add_edge(subject, obj, key=f"{RELATION}:{label}", kind=RELATION, label=label, negated=negated,
                   weight=len({e.doc for e in proofs}), evidence=sorted(proofs, key=by_date))


def add_co_mentions(g: nx.MultiDiGraph, docs_of: dict[str, set[str]]) -> None:
    """A co-mention edge for each pair of actors named in at least one same document."""
    actors_in: dict[str, list[str]] = defaultdict(list)
    for actor, docs in docs_of.items():
        for doc in docs:
            actors_in[doc].append(actor)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for actors in actors_in.values():
        for a, b in combinations(sorted(actors), 2):
            shared[a, b] += 1
    for (a, b), weight in sorted(shared.items()):
        g.add_edge(a, b, key=CO_MENTION, kind=CO_MENTION, label="", weight=weight, directed=False)


def by_date(proof: Evidence) -> tuple[str, str, str]:
    return proof.date or "9999", proof.doc, proof.sentence


# --- claims ----------------------------------------------------------------------------

ClaimLayer = Callable[[nx.MultiDiGraph, Dataset], None]


def add_claims(g: nx.MultiDiGraph, ds: Dataset) -> None:
    """Speaker nodes, claim nodes (kind ``claim:direct`` ...) and ``said`` edges.

    A named speaker is its actor; an unnamed one ("officials") is a node of its own per
    document and wording, since two articles' "officials" need not be the same people.
    """
    actors = actor_nodes(ds)
    for row in run_query(ds, CLAIMS_QUERY):
        claim, doc = str(row.claim), text(row.doc)
        speaker_text = text(row.speakerText) or "unnamed source"
        if row.speaker is not None and str(row.speaker) in actors:
            speaker = str(row.speaker)
            g.add_node(speaker, **actors[speaker])
        else:
            speaker = f"unnamed:{doc}#{speaker_text.lower()}"
            g.add_node(speaker, label=speaker_text, kind=UNNAMED)
        kind = text(row.kind) or "indirect"
        g.add_node(claim, kind=f"claim:{kind}", label=text(row.content), content=text(row.content),
                   cue=text(row.cue), speaker=g.nodes[speaker]["label"], negated=is_true(row.negated),
                   evidence=[evidence(row)])
        g.add_edge(speaker, claim, key=SAID, kind=SAID, label=text(row.cue), weight=1)
    for row in run_query(ds, CLAIMS_ABOUT_QUERY):
        claim, about = str(row.claim), str(row.about)
        if claim in g and about in actors:
            if about not in g:
                g.add_node(about, **actors[about])
            g.add_edge(claim, about, key=ABOUT, kind=ABOUT, label="", weight=1)


def add_claim_counts(g: nx.MultiDiGraph, ds: Dataset) -> None:
    """``claims``: how many claims each speaker made, and each actor is the subject of."""
    for node, data in g.nodes(data=True):
        if not data["kind"].startswith("claim:") and data["kind"] != GROUP:
            data["claims"] = sum(1 for _, _, k in g.out_edges(node, data="kind") if k == SAID)
            data["about"] = sum(1 for _, _, k in g.in_edges(node, data="kind") if k == ABOUT)


GROUPS_QUERY = graph_query("groups")
CONTRADICTIONS_QUERY = graph_query("contradictions")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def add_groups(g: nx.MultiDiGraph, ds: Dataset) -> None:
    """A node per claim group of two or more claims, linked from its claims (``expresses``).

    The group's facts say how many claims, sources and speakers it has, and where and
    when it first appeared.
    """
    for row in run_query(ds, GROUPS_QUERY):
        claim, group = str(row.claim), str(row.group)
        if claim not in g:
            continue
        if group not in g:
            first = f"first seen {text(row.first) or 'undated'} in {text(row.title) or 'an untitled source'}"
            facts = [f"{plural(int(row.claims), 'claim')} in {plural(int(row.sources), 'source')} "
                     f"by {plural(int(row.speakers), 'speaker')}", first]
            g.add_node(group, kind=GROUP, label=text(row.label), facts=facts, claims=int(row.claims))
        g.add_edge(claim, group, key=EXPRESSES, kind=EXPRESSES, label="", weight=1)


def add_contradictions(g: nx.MultiDiGraph, ds: Dataset) -> None:
    """A ``contradicts`` edge between two claims that may contradict, with the reason."""
    for row in run_query(ds, CONTRADICTIONS_QUERY):
        a, b = str(row.a), str(row.b)
        if a in g and b in g:
            g.add_edge(a, b, key=CONTRADICTS, kind=CONTRADICTS, label="contradicts", weight=1,
                       directed=False, evidence=[Evidence(text(row.evidence), "", note="why")])


CLAIM_LAYERS: list[ClaimLayer] = [add_claims, add_groups, add_contradictions, add_claim_counts]


def claim_graph(ds: Dataset, layers: list[ClaimLayer] | None = None) -> nx.MultiDiGraph:
    """Speakers -> claims (edge ``said``, labelled with the cue) -> actors (edge ``about``).

    ``layers`` (default :data:`CLAIM_LAYERS`) are applied in order; each adds nodes and
    edges of its own kinds, so a new layer (claim groups, contradictions) adds to the view
    without changing the others.
    """
    g = nx.MultiDiGraph()
    for layer in CLAIM_LAYERS if layers is None else layers:
        layer(g, ds)
    return g


GRAPHS: dict[str, Callable[[Dataset], nx.MultiDiGraph]] = {"actors": actor_graph, "claims": claim_graph}


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` with only strings, numbers and booleans as attributes (for GEXF, GraphML).

    Evidence becomes ``evidence`` (the sentences joined by " | ") and ``sources`` (their
    titles and dates); the node id is kept as ``iri``.
    """
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        flat.add_node(node, iri=node, **flat_attributes(data))
    for u, v, key, data in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **flat_attributes(data))
    return flat


def flat_attributes(data: dict) -> dict:
    out = {}
    for name, value in data.items():
        if name == "evidence":
            out["evidence"] = " | ".join(e.sentence for e in value if e.sentence)
            out["source_titles"] = " | ".join(sorted({e.source for e in value}))
        elif isinstance(value, (str, int, float, bool)):
            out[name] = value
    return out
