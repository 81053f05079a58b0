"""Open the RDF store: in memory, on disk (Oxigraph) or a remote SPARQL 1.1 endpoint.

Store URIs:

- ``memory`` -- an rdflib in-memory dataset (gone when the process ends);
- ``oxigraph:DIR`` or a plain directory path -- an on-disk Oxigraph store used through
  rdflib (``oxrdflib``);
- ``http://host/path/query`` -- a SPARQL 1.1 endpoint, read-only.

>>> ds = open_store("memory")
>>> len(ds)
0
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from .rdf import ACTORS_GRAPH, bind_prefixes, ontology_graph


class StoreError(RuntimeError):
    """The store cannot be opened or written."""


def is_remote(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def store_path(uri: str) -> Path | None:
    """The directory of an on-disk store URI, or None for memory and remote stores."""
    if uri == "memory" or is_remote(uri):
        return None
    return Path(uri.removeprefix("oxigraph:"))


def open_store(uri: str, create: bool = True) -> Dataset:
    """Open a dataset; ``create=False`` fails when an on-disk store does not exist yet."""
    if uri == "memory":
        return bind_prefixes(Dataset(default_union=True))
    if is_remote(uri):
        store = SPARQLStore(query_endpoint=uri, returnFormat="json")
        return bind_prefixes(Dataset(store=store, default_union=True))
    path = store_path(uri)
    if not create and not path.is_dir():
        raise StoreError(f"no store at {path}: run 'kg build' first or pass --store")
    try:
        path.mkdir(parents=True, exist_ok=True)
        ds = Dataset(store="Oxigraph", default_union=True)
        ds.open(str(path))
    except OSError as err:
        raise StoreError(f"cannot open the store at {path}: {err}") from None
    return bind_prefixes(ds)


def replace_graph(ds: Dataset, graph: Graph) -> None:
    """Put ``graph`` into the dataset under its identifier, replacing what was there."""
    name = graph.identifier
    ds.remove_graph(URIRef(name))
    target = ds.graph(URIRef(name))
    target.addN((s, p, o, target) for s, p, o in graph)


def ensure_ontology(ds: Dataset) -> None:
    """Load (or refresh) the ontology into its own named graph."""
    replace_graph(ds, ontology_graph())


def graph_names(ds: Dataset) -> list[URIRef]:
    """The named graphs present in the store."""
    rows = ds.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return sorted(row[0] for row in rows)


__all__ = ["ACTORS_GRAPH", "StoreError", "ensure_ontology", "graph_names", "open_store", "replace_graph"]
