"""Graph views: the graphs of :mod:`kg.graphs` drawn as standalone HTML pages.

- the **actor view**: actors coloured by kind and sized by their relations and claims,
  linked by the relations the articles state between them and by co-mentions;
- the **claim view**: speakers -> their claims (coloured by kind of quotation) -> the
  actors each claim is about.

A page embeds vis-network (the copy shipped in the pyvis package), its own script and
the graph as JSON: it opens offline and fetches nothing. Its Content-Security-Policy
allows only those two scripts, by hash, and no network at all.

Safety: every string from the articles reaches the page as JSON data inside a
``<script type="application/json">`` block (with ``<``, ``>``, ``&`` and ``'`` escaped
by ``tojson``), and the page's script puts it in the document only as text
(``textContent``) or as canvas labels, never as HTML.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="<b>Ann</b>", kind="Person")
>>> html = render_html(g, "demo")
>>> "<b>Ann" in html, "Ann" in html
(False, True)
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from rdflib import Dataset

from .graphs import (ABOUT, CO_MENTION, CONTRADICTS, EXPRESSES, GRAPHS, GROUP, RELATION, SAID, UNNAMED,
                     Evidence, by_date, plural)

VIEWS = ("actors", "claims")
TITLES = {"actors": "claimgraph: actors and relations", "claims": "claimgraph: who claimed what"}
MAX_LABEL = 60
MAX_EVIDENCE = 4  # evidence sentences shown in one tooltip
VIS_DIR = "vis-9.1.2"
FOCUS_ABOVE = 120  # a graph with more nodes opens on its focus, and grows by expanding nodes
FOCUS_SEEDS = 10  # the most connected nodes a focused view opens on
NEIGHBOURS = 12  # the neighbours shown around a node of the focus, the strongest links first
LABELLED_EDGES = 40  # with more edges shown, an edge's label appears only on hover or selection
LABELLED_NODES = 50  # with more nodes shown, so does a claim's label


@dataclass(frozen=True)
class Style:
    """How one kind of node or edge looks, and its name in the legend."""

    kind: str
    label: str
    color: str
    shape: str = "dot"
    dashes: bool = False
    arrows: bool = True


NODE_STYLES = [
    Style("Person", "Person", "#4e79a7"),
    Style("Organization", "Organisation", "#f28e2b"),
    Style("Country", "Country", "#59a14f"),
    Style("Group", "Group", "#b07aa1"),
    Style("Actor", "Other actor", "#9c755f"),
    Style(UNNAMED, "Unnamed source", "#bab0ac"),
    Style("claim:direct", "Claim: direct quote", "#e15759", shape="diamond"),
    Style("claim:indirect", "Claim: reported speech", "#76b7b2", shape="diamond"),
    Style("claim:mixed", "Claim: mixed", "#edc948", shape="diamond"),
    Style(GROUP, "Claim group (the same claim, several times)", "#ff9da7", shape="hexagon"),
]
EDGE_STYLES = [
    Style(RELATION, "relation (label: verb)", "#555555", shape="line"),
    Style(CO_MENTION, "co-mentioned in a source", "#c8c8c8", shape="line", dashes=True, arrows=False),
    Style(SAID, "said (label: cue)", "#e15759", shape="line"),
    Style(ABOUT, "about", "#8cb4d2", shape="line", dashes=True),
    Style(EXPRESSES, "in claim group", "#ff9da7", shape="line"),
    Style(CONTRADICTS, "may contradict", "#d62728", shape="line", arrows=False),
]
FALLBACK_NODE = Style("other", "Other", "#9c9c9c")
FALLBACK_EDGE = Style("other", "Other link", "#9c9c9c", shape="line")
SIZE_NOTES = {"actors": "relations and claims of each actor",
              "claims": "number of claims made or received"}


def register_style(style: Style, edge: bool = False) -> None:
    """Add (or replace) the style of a node or edge kind, for graphs that add new kinds."""
    styles = EDGE_STYLES if edge else NODE_STYLES
    styles[:] = [s for s in styles if s.kind != style.kind] + [style]


def style_of(kind: str, edge: bool = False) -> Style:
    for style in EDGE_STYLES if edge else NODE_STYLES:
        if style.kind == kind:
            return style
    return FALLBACK_EDGE if edge else FALLBACK_NODE


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    """One line of at most ``limit`` characters.

    >>> shorten("a  very\\nlong   label", 10)
    'a very lo…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- graph -> vis-network data -----------------------------------------------------------


def tooltip(heading: str, facts: list[str], proofs: list[Evidence] | None = None) -> dict:
    """The data of a tooltip: plain strings only (the page writes them as text)."""
    proofs = list(proofs or [])
    shown = [{"sentence": p.sentence or "(no sentence recorded)", "source": p.source, "note": p.note}
             for p in proofs[:MAX_EVIDENCE]]
    more = f"and {len(proofs) - MAX_EVIDENCE} more" if len(proofs) > MAX_EVIDENCE else ""
    return {"heading": heading, "facts": [f for f in facts if f], "evidence": shown, "more": more}


def node_facts(data: dict) -> list[str]:
    """The lines under a node's heading: who said it (claims) or its kind and counts (actors).

    >>> node_facts({"kind": "Person", "mentions": 1, "claims": 30, "about": 2})
    ['Person', '1 mention, 30 claims made, 2 claims about it']
    """
    kind = data.get("kind", "")
    if "facts" in data:  # a layer that says what to show
        return list(data["facts"])
    if kind.startswith("claim:"):
        facts = [f"{data.get('speaker', 'unknown source')} {data.get('cue', 'said')} ({style_of(kind).label})"]
        return facts + (["negated"] if data.get("negated") else [])
    counts = [(data.get("mentions"), "mention", ""), (data.get("sources"), "source", ""),
              (data.get("claims"), "claim", " made"), (data.get("about"), "claim", " about it")]
    return [style_of(kind).label, ", ".join(plural(n, word) + tail for n, word, tail in counts if n)]


def node_evidence(g: nx.MultiDiGraph, node: str, data: dict) -> list[Evidence]:
    """A node's own evidence, else the sentences of its links and of the claims next to it,
    oldest first: an actor's tooltip shows what was said and done, not only counts."""
    if data.get("evidence"):
        return list(data["evidence"])
    found: set[Evidence] = set()
    for u, v, edge in [*g.out_edges(node, data=True), *g.in_edges(node, data=True)]:
        found.update(edge.get("evidence") or ())
        other = v if u == node else u
        if g.nodes[other].get("kind", "").startswith("claim:"):
            found.update(g.nodes[other].get("evidence") or ())
    return sorted(found, key=by_date)


def node_size(g: nx.MultiDiGraph, node: str, data: dict) -> int:
    """Actors grow with their links and claims; claims stay small."""
    if data.get("kind", "").startswith("claim:"):
        return 1
    links = sum(1 for *_, kind in g.edges(node, data="kind") if kind != CO_MENTION)
    links += sum(1 for *_, kind in g.in_edges(node, data="kind") if kind != CO_MENTION)
    return 1 + links + int(data.get("claims", 0))


def vis_node(g: nx.MultiDiGraph, node: str, data: dict) -> dict:
    style = style_of(data.get("kind", "other"))
    kind = style.kind  # a kind without a style is drawn, listed and filtered as "other"
    label = str(data.get("label", node))
    return {"id": node, "label": shorten(label, 40 if kind.startswith("claim:") else MAX_LABEL),
            "kind": kind, "color": style.color, "shape": style.shape, "value": node_size(g, node, data),
            "search": " ".join(label.lower().split()),
            "dates": dates_of(node_evidence(g, node, data)),
            "info": tooltip(label, node_facts(data), node_evidence(g, node, data))}


def dates_of(proofs: list[Evidence] | None) -> list[str]:
    """The days of some evidence, for the date slider.

    >>> dates_of([Evidence("s", "d", date="2024-05-16T10:00"), Evidence("t", "d"), Evidence("u", "e", date="2022-01-02")])
    ['2022-01-02', '2024-05-16']
    """
    return sorted({p.date[:10] for p in proofs or () if p.date})


def vis_edge(g: nx.MultiDiGraph, u: str, v: str, key, data: dict) -> dict:
    style = style_of(data.get("kind", "other"), edge=True)
    kind = style.kind
    weight = int(data.get("weight", 1))
    sources = f"{weight} source{'s' if weight != 1 else ''}"
    ends = (g.nodes[u].get("label", u), g.nodes[v].get("label", v))
    if kind == CO_MENTION:
        heading, facts = f"{ends[0]} and {ends[1]}: co-mention", [f"named together in {sources}"]
    else:
        heading = f"{ends[0]} → {ends[1]}: {data.get('label') or kind}"
        facts = data.get("facts") or ([f"in {sources}"] if data.get("evidence") else [])
    # edges thicken with the number of sources; co-mentions stay thin lines in the background
    width = 0.5 + 0.25 * min(weight, 6) if kind == CO_MENTION else min(weight, 6)
    return {"id": f"{u}\t{v}\t{key}", "from": u, "to": v, "label": shorten(data.get("label", ""), 30),
            "kind": kind, "weight": weight, "width": width,
            "color": {"color": style.color, "highlight": "#222222", "hover": "#222222"},
            "dashes": style.dashes or bool(data.get("negated")),
            "arrows": {"to": {"enabled": style.arrows and data.get("directed", True), "scaleFactor": 0.5}},
            "dates": dates_of(data.get("evidence")) or sorted(set(edge_end_dates(g, u, v))),
            "info": tooltip(heading, facts, data.get("evidence"))}


def edge_end_dates(g: nx.MultiDiGraph, u: str, v: str) -> list[str]:
    """An undated edge takes the dates of the claims at its ends ("said", "about")."""
    return [day for end in (u, v) if g.nodes[end].get("kind", "").startswith("claim:")
            for day in dates_of(g.nodes[end].get("evidence"))]


def merge_relations(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` where the relation edges from one actor to another are one edge:
    labelled with the relation stated in most sources (and how many more there are),
    weighted by the sources of all of them, with every relation in its tooltip.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("xi", "putin", key="relation:meet", kind=RELATION, label="meet", weight=2,
    ...            evidence=[Evidence("Xi met Putin.", "d1"), Evidence("They met.", "d2")])
    'relation:meet'
    >>> g.add_edge("xi", "putin", key="relation:praise", kind=RELATION, label="praise", weight=1,
    ...            evidence=[Evidence("Xi praised Putin.", "d1")])
    'relation:praise'
    >>> [(d["label"], d["weight"], d["facts"]) for *_, d in merge_relations(g).edges(data=True)]
    [('meet +1', 2, ['2 relations in 2 sources', 'meet: 2 sources', 'praise: 1 source'])]
    """
    merged = nx.MultiDiGraph()
    merged.add_nodes_from(g.nodes(data=True))
    relations: dict[tuple[str, str], list[dict]] = {}
    for u, v, key, data in g.edges(keys=True, data=True):
        if data.get("kind") == RELATION:
            relations.setdefault((u, v), []).append(data)
        else:
            merged.add_edge(u, v, key=key, **data)
    for (u, v), found in relations.items():
        found.sort(key=lambda d: (-int(d.get("weight", 1)), str(d.get("label", ""))))
        proofs = sorted({p for d in found for p in d.get("evidence") or ()}, key=by_date)
        sources = len({p.doc for p in proofs}) or max(int(d.get("weight", 1)) for d in found)
        label = str(found[0].get("label", "")) + (f" +{len(found) - 1}" if len(found) > 1 else "")
        facts = [f"{plural(len(found), 'relation')} in {plural(sources, 'source')}"] if len(found) > 1 else []
        facts += [f"{d.get('label', '')}: {plural(int(d.get('weight', 1)), 'source')}" for d in found]
        merged.add_edge(u, v, key=RELATION, kind=RELATION, label=label, weight=sources, facts=facts,
                        negated=all(d.get("negated") for d in found), evidence=proofs)
    return merged


def vis_data(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """The nodes and edges of ``g`` as vis-network items (with tooltip data in ``info``),
    the relations between two actors merged into one edge."""
    g = merge_relations(g)
    nodes = [vis_node(g, node, data) for node, data in g.nodes(data=True)]
    edges = [vis_edge(g, u, v, key, data) for u, v, key, data in g.edges(keys=True, data=True)]
    return nodes, edges


def strongest_weighted(g: nx.MultiDiGraph, kind: str, min_weight: int, per_node: int = 2 * NEIGHBOURS) -> nx.MultiDiGraph:
    """A copy of ``g`` keeping, of the edges of ``kind`` (co-mentions), those of at least
    ``min_weight`` among the ``per_node`` heaviest of a node: what a large view can show.

    >>> g = nx.MultiDiGraph()
    >>> for other, weight in [("b", 5), ("c", 1), ("d", 3)]:
    ...     _ = g.add_edge("a", other, kind="co-mention", weight=weight)
    >>> sorted(v for _, v in strongest_weighted(g, "co-mention", 2, per_node=1).edges())  # c: too weak
    ['b', 'd']
    """
    ranked: dict[str, list[tuple[int, tuple]]] = {}
    for u, v, key, weight in g.edges(keys=True, data="weight"):
        if g.edges[u, v, key].get("kind") == kind and int(weight or 1) >= min_weight:
            for end in (u, v):
                ranked.setdefault(end, []).append((int(weight or 1), (u, v, key)))
    kept = {edge for found in ranked.values() for _, edge in sorted(found, key=lambda e: -e[0])[:per_node]}
    trimmed = nx.MultiDiGraph()
    trimmed.add_nodes_from(g.nodes(data=True))
    trimmed.add_edges_from((u, v, key, data) for u, v, key, data in g.edges(keys=True, data=True)
                           if data.get("kind") != kind or (u, v, key) in kept)
    return trimmed


def focus_of(nodes: list[dict], seeds: int = FOCUS_SEEDS) -> list[str]:
    """The nodes a large view opens on: the most connected actors (claims are reached by expanding).

    >>> focus_of([{"id": "a", "kind": "Person", "value": 3}, {"id": "c", "kind": "claim:direct", "value": 9},
    ...           {"id": "b", "kind": "Country", "value": 5}], seeds=1)
    ['b']
    """
    actors = [n for n in nodes if not n["kind"].startswith("claim:") and n["kind"] != GROUP]
    ranked = sorted(actors, key=lambda n: (-n["value"], n["id"]))
    return [n["id"] for n in ranked[:seeds]]


# --- page -------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file of the page: ours from ``kg/templates``, vis-network's from the pyvis package."""
    if name.startswith("vis-network"):
        import pyvis  # only for its files: importing it loads IPython, which no command needs

        text = resources.files(pyvis).joinpath("templates", "lib", VIS_DIR, name).read_text("utf-8")
    else:
        text = resources.files("kg").joinpath("templates", name).read_text("utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{name} cannot be inlined: it contains a closing tag")
    return text


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_html(g: nx.MultiDiGraph, title: str, size_note: str = "number of links",
                hidden: tuple[str, ...] = (), weighted: str = CO_MENTION, min_weight: int = 2,
                hide_unlinked: bool = False) -> str:
    """A standalone HTML page drawing ``g``; every script, style and datum inlined.

    ``hidden`` lists kinds hidden at first (a legend tick box shows them); edges of kind
    ``weighted`` are shown only when their weight is at least ``min_weight`` (a box in
    the legend changes it); ``hide_unlinked`` hides, at first, the nodes that no shown
    edge links. A graph of more than :data:`FOCUS_ABOVE` nodes opens on its most
    connected actors and their strongest links; a double click shows a node's
    neighbours; of its ``weighted`` edges it carries those the legend can show (at least
    ``min_weight``, the strongest of each node). A date range keeps what is dated within it.
    """
    large = g.number_of_nodes() > FOCUS_ABOVE
    if large:  # weak co-mentions of a large graph would be most of the page, and never shown
        g = strongest_weighted(g, weighted, min_weight)
    nodes, edges = vis_data(g)
    data = {"nodes": nodes, "edges": edges, "hidden": list(hidden), "weighted": weighted,
            "weightFloor": min_weight if large else 1,
            "minWeight": min_weight, "hideUnlinked": hide_unlinked,
            "focus": focus_of(nodes) if large else [], "neighbours": NEIGHBOURS,
            "labelledEdges": LABELLED_EDGES, "labelledNodes": LABELLED_NODES, "dates": sorted({d for item in nodes + edges for d in item["dates"]}),
            "nodeStyles": [asdict(s) for s in [*NODE_STYLES, FALLBACK_NODE]],
            "edgeStyles": [asdict(s) for s in [*EDGE_STYLES, FALLBACK_EDGE]]}
    vis_js, view_js = asset("vis-network.min.js"), asset("view.js")
    env = jinja2.Environment(loader=jinja2.PackageLoader("kg", "templates"), autoescape=True)
    return env.get_template("view.html").render(
        title=title, data=data, weighted=weighted, size_note=size_note, vis_js=vis_js, view_js=view_js,
        vis_css=asset("vis-network.css"), view_css=asset("view.css"),
        script_hashes=f"{script_hash(vis_js)} {script_hash(view_js)}")


def iframe(page: str, height: int = 600) -> str:
    """``page`` inside a sandboxed ``<iframe>``, for showing a view inline in a notebook.

    >>> iframe("<p>a & b</p>", 100)
    '<iframe sandbox="allow-scripts" srcdoc="&lt;p&gt;a &amp; b&lt;/p&gt;" style="width: 100%; height: 100px; border: 1px solid #ddd"></iframe>'
    """
    return (f'<iframe sandbox="allow-scripts" srcdoc="{html.escape(page, quote=True)}" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe>')


@dataclass
class NotebookView:
    """A view page that shows itself inline in Jupyter (as a sandboxed frame).

    >>> NotebookView("<p>hi</p>", 80)._repr_html_()[:40]
    '<iframe sandbox="allow-scripts" srcdoc="'
    """

    page: str = field(repr=False)
    height: int = 600

    def _repr_html_(self) -> str:
        return iframe(self.page, self.height)


def build_view(ds: Dataset, which: str) -> str:
    """The HTML of the ``actors`` or ``claims`` view of the store."""
    if which not in VIEWS:
        raise ValueError(f"unknown view {which!r}: choose one of {', '.join(VIEWS)}")
    return render_html(GRAPHS[which](ds), TITLES[which], SIZE_NOTES[which], hide_unlinked=which == "actors")


def write_view(ds: Dataset, which: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_view(ds, which), encoding="utf-8")
    return path
