"""Graph views: networkx graphs read from the store with SPARQL, rendered as standalone
HTML pages (pyvis for the network data, vis-network inlined so nothing is fetched).

- the **actor view**: actors (coloured by kind, sized by degree) linked by the relations
  the articles state between them;
- the **claim view**: speakers linked to their claims, claims linked to the actors they
  are about.

Every string shown comes from the articles and is escaped: labels and tooltips are plain
text for vis-network, and the data is embedded as JSON with ``<``, ``>`` and ``&``
escaped, so no article text can close the script or inject markup.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import Dataset

from .query import run_query

VIEWS = ("actors", "claims")
KIND_COLOURS = {
    "Person": "#4e79a7", "Organization": "#f28e2b", "Country": "#59a14f", "Group": "#b07aa1",
    "Actor": "#9c755f", "Unnamed": "#bab0ac",
    "direct": "#e15759", "indirect": "#76b7b2", "mixed": "#edc948",
}
MAX_LABEL = 60

ACTORS_QUERY = """
SELECT ?actor ?label ?kind (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?mention) AS ?mentions) WHERE {
  ?actor a ?class ; rdfs:label ?label .
  VALUES (?class ?kind) { (cg:Person "Person") (cg:Organization "Organization") (cg:Country "Country")
                          (cg:Group "Group") (cg:Actor "Actor") }
  OPTIONAL { ?claim cg:claimant ?actor }
  OPTIONAL { ?mention cg:mentionOf ?actor }
} GROUP BY ?actor ?label ?kind
"""

RELATIONS_QUERY = """
SELECT ?subject ?object ?lemma ?negated ?sentence ?title ?date WHERE {
  ?statement a cg:Statement ; rdf:subject ?subject ; rdf:object ?object ;
             cg:predicateLemma ?lemma ; cg:negated ?negated ; cg:source ?doc .
  ?subject rdfs:label ?sl . ?object rdfs:label ?ol .
  FILTER(isIRI(?subject) && isIRI(?object) && ?subject != ?object)
  OPTIONAL { ?statement cg:sentence ?sentence }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:datePublished ?date }
}
"""

CLAIMS_QUERY = """
SELECT ?claim ?speaker ?speakerLabel ?speakerText ?cue ?content ?kind ?title ?date
       (GROUP_CONCAT(DISTINCT STR(?about); separator=" ") AS ?abouts) WHERE {
  ?claim a cg:Claim ; cg:cue ?cue ; cg:content ?content ; cg:kind ?kind ; cg:source ?doc .
  OPTIONAL { ?claim cg:claimant ?speaker . ?speaker rdfs:label ?speakerLabel }
  OPTIONAL { ?claim cg:speakerText ?speakerText }
  OPTIONAL { ?claim cg:about ?about }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:datePublished ?date }
} GROUP BY ?claim ?speaker ?speakerLabel ?speakerText ?cue ?content ?kind ?title ?date
"""


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def source_line(title, date) -> str:
    parts = [str(title) if title else "untitled", str(date) if date else "undated"]
    return f"{parts[0]} ({parts[1]})"


def actor_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Actors and the relations between them; edges carry the evidence sentence."""
    g = nx.MultiDiGraph()
    for row in run_query(ds, ACTORS_QUERY):
        g.add_node(str(row.actor), label=str(row.label), kind=str(row.kind),
                   claims=int(row.claims), mentions=int(row.mentions))
    for row in run_query(ds, RELATIONS_QUERY):
        subject, obj = str(row.subject), str(row.object)
        if subject in g and obj in g:
            g.add_edge(subject, obj, label=str(row.lemma), negated=bool(row.negated.toPython()),
                       evidence=str(row.sentence or ""), source=source_line(row.title, row.date))
    return g


def claim_graph(ds: Dataset) -> nx.DiGraph:
    """Speakers -> claims -> the actors each claim is about."""
    g = nx.DiGraph()
    for row in run_query(ds, CLAIMS_QUERY):
        claim = str(row.claim)
        if row.speaker is not None:
            speaker = str(row.speaker)
            g.add_node(speaker, label=str(row.speakerLabel), kind="Actor")
        else:
            speaker = f"unnamed:{row.speakerText or 'unknown'}"
            g.add_node(speaker, label=str(row.speakerText or "unknown source"), kind="Unnamed")
        g.add_node(claim, label=str(row.content), kind=str(row.kind), cue=str(row.cue),
                   speaker=str(row.speakerLabel or row.speakerText or "unknown source"),
                   source=source_line(row.title, row.date))
        g.add_edge(speaker, claim, label=str(row.cue))
        for about in str(row.abouts or "").split():
            if about != speaker:
                g.add_node(about, label=about.rsplit("/", 1)[-1].replace("_", " "), kind="Actor")
                g.add_edge(claim, about, label="about")
    for node, data in g.nodes(data=True):
        data.setdefault("kind", "Actor")
    return g


# --- rendering -------------------------------------------------------------------------


def _tooltip(data: dict) -> str:
    """A plain-text tooltip (vis-network shows strings as text, never as HTML)."""
    if data.get("cue"):
        return f"{data['speaker']} {data['cue']}:\n“{data['label']}”\n\n{data['source']}"
    lines = [data["label"], data.get("kind", "")]
    if data.get("claims"):
        lines.append(f"{data['claims']} claims")
    return "\n".join(lines)


def to_network(g: nx.Graph, title: str) -> Network:
    """A pyvis network with labels, colours, sizes and tooltips taken from ``g``."""
    net = Network(directed=True, heading=title, cdn_resources="in_line")
    degrees = dict(g.degree())
    for node, data in g.nodes(data=True):
        kind = data.get("kind", "Actor")
        net.add_node(node, label=shorten(data.get("label", node)), title=_tooltip(data), kind=kind,
                     color=KIND_COLOURS.get(kind, KIND_COLOURS["Actor"]),
                     value=1 + degrees.get(node, 0) + data.get("claims", 0))
    for u, v, data in g.edges(data=True):
        tooltip = data.get("label", "")
        if data.get("evidence"):
            tooltip = f"{data['label']}\n“{data['evidence']}”\n\n{data['source']}"
        net.add_edge(u, v, label=shorten(data.get("label", ""), 30), title=tooltip,
                     dashes=bool(data.get("negated")), arrows="to")
    return net


def _asset(path: str) -> str:
    return resources.files(pyvis).joinpath("templates", "lib", path).read_text("utf-8")


def render_html(g: nx.Graph, title: str) -> str:
    """A standalone HTML page drawing ``g``: every script and style inlined."""
    net = to_network(g, title)
    nodes, edges, *_ = net.get_network_data()
    kinds = sorted({n.get("kind", "Actor") for n in nodes})
    env = jinja2.Environment(loader=jinja2.PackageLoader("kg", "templates"), autoescape=True)
    return env.get_template("view.html").render(
        title=title, nodes=nodes, edges=edges,
        legend=[(k, KIND_COLOURS.get(k, KIND_COLOURS["Actor"])) for k in kinds],
        vis_js=_asset("vis-9.1.2/vis-network.min.js"), vis_css=_asset("vis-9.1.2/vis-network.css"),
    )


def build_view(ds: Dataset, which: str) -> str:
    """The HTML of the ``actors`` or ``claims`` view of the store."""
    if which == "actors":
        return render_html(actor_graph(ds), "claimgraph: actors and relations")
    if which == "claims":
        return render_html(claim_graph(ds), "claimgraph: who claimed what")
    raise ValueError(f"unknown view {which!r}: choose one of {', '.join(VIEWS)}")


def write_view(ds: Dataset, which: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_view(ds, which), encoding="utf-8")
    return path

