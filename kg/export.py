"""Serialise the store: Turtle (all graphs merged), TriG, N-Quads and JSON-LD; and the
actor or claim graph of :mod:`kg.graphs` as GEXF (Gephi) or GraphML (Cytoscape, yEd).

An on-disk store is written by Oxigraph's own serialisers, streaming: memory stays flat
whatever the size of the store. Other stores go through an rdflib copy.

>>> from kg.store import open_store
>>> export(open_store("memory"), "nq")
''
"""

from __future__ import annotations

import io
import re
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox
from rdflib import XSD, Dataset, Graph, Literal
from rdflib.term import Node

from .graphs import GRAPHS, flat_graph
from .rdf import PREFIXES, bind_prefixes
from .store import oxigraph

RDF_FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
GRAPH_FORMATS = {"gexf": nx.generate_gexf, "graphml": nx.generate_graphml}
SUFFIXES = {"ttl": ".ttl", "trig": ".trig", "nq": ".nq", "jsonld": ".jsonld", "gexf": ".gexf", "graphml": ".graphml"}


def plain(term: Node) -> Node:
    """``"x"^^xsd:string`` as the simple literal ``"x"`` (the same value in RDF 1.1)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph in one graph (Turtle cannot hold graph names)."""
    g = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, plain(o)))
    return g


def copy_dataset(ds: Dataset) -> Dataset:
    """An in-memory copy of the named graphs, with simple literals written plainly."""
    copy = bind_prefixes(Dataset())
    for s, p, o, graph in ds.quads((None, None, None, None)):
        name = getattr(graph, "identifier", graph)
        copy.graph(name).add((s, p, plain(o)))
    return copy


OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
              "jsonld": ox.RdfFormat.JSON_LD}


def export(ds: Dataset, fmt: str) -> str:
    """The store as text in format ``fmt`` (one of ``RDF_FORMATS``)."""
    buffer = io.BytesIO()
    write_export(ds, fmt, buffer)
    text = buffer.getvalue().decode("utf-8")
    return text if text.strip() else ""


def write_export(ds: Dataset, fmt: str, output: BinaryIO) -> None:
    """Write the store in format ``fmt`` to a binary file, streaming from Oxigraph when
    the store is on disk (Turtle merges all graphs into one)."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(RDF_FORMATS)}")
    inner = oxigraph(ds)
    if inner is None:
        source = union_graph(ds) if fmt == "ttl" else copy_dataset(ds)
        text = source.serialize(format=RDF_FORMATS[fmt])
        output.write(text.encode("utf-8") if text.strip() else b"")
        return
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    if fmt == "ttl":
        triples = (quad.triple for quad in inner.quads_for_pattern(None, None, None, None))
        ox.serialize(triples, output, OX_FORMATS[fmt], prefixes=prefixes)
    elif fmt == "nq":
        inner.dump(output, OX_FORMATS[fmt])
    else:
        inner.dump(output, OX_FORMATS[fmt], prefixes=prefixes)


def export_graph(ds: Dataset, fmt: str, which: str = "actors") -> str:
    """The ``actors`` or ``claims`` graph of the store as GEXF or GraphML text.

    Node ids are the IRIs; attributes are the graph's (kind, label, counts, weight), with
    the evidence sentences and their sources as text.

    >>> from kg.store import open_store
    >>> text = export_graph(open_store("memory"), "graphml")
    >>> text.startswith("<?xml") and "<graphml" in text
    True
    """
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}: choose one of {', '.join(GRAPH_FORMATS)}")
    if which not in GRAPHS:
        raise ValueError(f"unknown graph {which!r}: choose one of {', '.join(GRAPHS)}")
    text = "\n".join(GRAPH_FORMATS[fmt](xml_safe(flat_graph(GRAPHS[which](ds))))) + "\n"
    return text if text.startswith("<?xml") else '<?xml version="1.0" encoding="utf-8"?>\n' + text


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose ids and text attributes hold only characters XML 1.0 allows
    (and no terminal controls): an ESC or a ``\\x01`` from an article is removed.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a\x1b[31m", "b", label="said\x01 it")
    0
    >>> [(u, v, d["label"]) for u, v, d in xml_safe(g).edges(data=True)]
    [('a[31m', 'b', 'said it')]
    """
    clean = lambda value: NOT_XML.sub("", value) if isinstance(value, str) else value
    safe = nx.MultiDiGraph()
    safe.add_nodes_from((clean(node), {k: clean(v) for k, v in data.items()}) for node, data in graph.nodes(data=True))
    for u, v, key, data in graph.edges(keys=True, data=True):
        safe.add_edge(clean(u), clean(v), key=clean(key), **{k: clean(v2) for k, v2 in data.items()})
    return safe
