"""Open the RDF store: in memory, on disk (Oxigraph) or a remote SPARQL 1.1 endpoint.

Store URIs:

- ``memory`` -- an rdflib in-memory dataset (gone when the process ends);
- ``oxigraph:DIR`` or a plain directory path -- an on-disk Oxigraph store used through
  rdflib (``oxrdflib``);
- ``http://host/path/query`` -- a SPARQL 1.1 endpoint, read-only;
- ``http://host:port`` (any other http(s) URI) -- a SPARQL 1.1 server that also speaks
  the Graph Store Protocol, read and written: queries go to ``URI/query`` and each
  named graph is written with ``PUT URI/store?graph=IRI`` (replacing it) or ``POST``
  (adding to it), as Oxigraph server (``oxigraph serve``) lays them out.

One process writes an on-disk store at a time (Oxigraph's lock); readers
(``read_only=True``) never take it, so any number of them run beside each other and
beside a build. While a build writes, readers read the snapshot the build took when it
started (``DIR.snapshot``, hard links, so quick and small); a build leaves a note in the
store (``DIR/kg-build.json``: who, since when) that it removes when it finishes, so the
next command knows when a build was interrupted: a reader then recomputes the claim
groups over the documents stored (see :func:`_repair`), the next build the actors too.

>>> ds = open_store("memory")
>>> len(ds)
0
"""

from __future__ import annotations

import io
import json
import os
import shutil
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import quote

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from .rdf import ACTORS_GRAPH, bind_prefixes, ontology_graph

BUILD_NOTE = "kg-build.json"


class StoreError(RuntimeError):
    """The store cannot be opened or written."""


def env_store() -> str:
    """The store read when none is given: ``$KG_STORE``, else ``oxigraph:out/store``
    (relative to the working folder, where ``kg build`` puts it by default)."""
    return os.environ.get("KG_STORE") or "oxigraph:out/store"


def is_remote(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def store_path(uri: str) -> Path | None:
    """The directory of an on-disk store URI, or None for memory and remote stores."""
    if uri == "memory" or is_remote(uri):
        return None
    return Path(uri.removeprefix("oxigraph:"))


def snapshot_path(path: Path) -> Path:
    """Where a build keeps the store as it was before the build, for readers."""
    return path.with_name(path.name + ".snapshot")


def open_store(uri: str, create: bool = True, read_only: bool = False,
               warn: Callable[[str], None] | None = None) -> Dataset:
    """Open a dataset; ``create=False`` fails when an on-disk store does not exist yet.

    ``read_only=True`` opens an on-disk store without its write lock (readers never block
    each other, nor a build); ``warn`` hears that the last build did not finish.
    """
    if uri == "memory":
        return bind_prefixes(Dataset(default_union=True))
    if is_remote(uri):
        base = uri.rstrip("/")
        query_endpoint = base if base.endswith("/query") else f"{base}/query"
        # queries go by POST: a build asks about hundreds of graphs at once, too long for a URL
        ds = bind_prefixes(Dataset(store=SPARQLStore(query_endpoint=query_endpoint, returnFormat="json", method="POST"),
                                   default_union=True))
        ds.graph_store = None if base.endswith("/query") or read_only else f"{base}/store"
        return ds
    path = store_path(uri)
    if not create and not path.is_dir():
        raise StoreError(f"no store at {path}: run 'kg build' first or pass --store")
    inner = _open_reader(path, warn) if read_only else _open_writer(path)
    ds = bind_prefixes(Dataset(store=OxigraphStore(store=inner), default_union=True))
    ds.store_path = None if read_only else path
    return ds


def reopen(ds: Dataset) -> None:
    """Write out an on-disk store, close it and open it again: its engine (RocksDB) gives
    back what reading and loading it took, which grows with the store (about 0.15 GB
    once the 840-article first build has counted its totals), before tracking takes its
    own arrays. Memory, remote and read-only stores are left as they are."""
    path = getattr(ds, "store_path", None)
    if oxigraph(ds) is None or path is None:
        return
    oxigraph(ds).flush()
    ds.store._store = None  # the last reference: the engine closes and lets go of its lock
    ds.store._store = _open_writer(path)


def _open_writer(path: Path) -> ox.Store:
    try:
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as err:
        if "lock" in str(err).lower():
            raise StoreError(f"the store {path} is being written by {writer_text(path)}: "
                             "wait for it to finish, or use another --store") from None
        raise StoreError(f"cannot open the store at {path}: {one_line(err)}") from None


def _open_reader(path: Path, warn: Callable[[str], None] | None) -> ox.Store:
    note = build_note(path)
    if note and process_alive(note.get("pid")):
        snapshot = snapshot_path(path)
        if not snapshot.is_dir():
            raise StoreError(f"the store {path} is being built by {writer_text(path)} and has no earlier "
                             "version to read yet: wait for the build to finish")
        path = snapshot
    elif note and _repair(path, note):
        if warn:
            warn(f"the last build of {path} (started {note.get('started', '?')}) did not finish: the documents "
                 "it stored are whole, and the counts and claim groups were recomputed over them now")
    elif note and warn:
        warn(f"the last build of {path} (started {note.get('started', '?')}) did not finish: the documents "
             "stored are whole, but counts and claim groups may miss the last ones; the next 'kg build' "
             + ("starts the store anew" if note.get("bulk") else "recomputes them"))
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise StoreError(f"cannot read the store at {path}: {one_line(err)}") from None


def _repair(path: Path, note: dict) -> bool:
    """Recompute the counts and claim groups of a store whose last build was interrupted:
    its documents were written in transactions, each batch with its actors, so they are
    whole and only the counts and groups lag. False when that cannot be done now: a first
    build loads without transactions and is rolled back by the next build, and a store
    this process may not write, or that another build holds, is left as it is.
    """
    if note.get("bulk"):
        return False
    try:
        ds = open_store(f"oxigraph:{path}")
    except StoreError:
        return False
    try:
        from .aggregates import recount_all
        from .tracking_store import update_tracking  # loads the sentence model: only in this rare case

        recount_all(ds)
        update_tracking(ds)
        oxigraph(ds).flush()
        (path / BUILD_NOTE).unlink()
    except (OSError, StoreError):
        return False
    finally:
        ds.close()
    shutil.rmtree(snapshot_path(path), ignore_errors=True)
    return True


def one_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else err.__class__.__name__


def build_note(path: Path) -> dict | None:
    """The note a build leaves in the store while it runs (None when no build is running
    and the last one finished)."""
    try:
        return json.loads((path / BUILD_NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def writer_text(path: Path) -> str:
    note = build_note(path)
    if not note:
        return "another process"
    return f"{note.get('command', 'kg build')} (pid {note.get('pid')}, started {note.get('started')})"


def process_alive(pid) -> bool:
    """Whether a process with this id runs (a pid read from a note may be anything)."""
    if not isinstance(pid, int):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def oxigraph(ds: Dataset) -> ox.Store | None:
    """The Oxigraph store under ``ds``, or None for memory and remote stores."""
    return ds.store._inner if isinstance(ds.store, OxigraphStore) else None


@dataclass
class BuildState:
    """What :func:`building` found: whether the previous build was interrupted, whether
    that left a half-loaded first build that was emptied (rolled back), and whether this
    build starts from an empty store (so it may bulk-load)."""

    interrupted: bool = False
    rolled_back: bool = False
    bulk: bool = False


@contextmanager
def building(ds: Dataset, path: Path | None, command: str = "kg build") -> Iterator[BuildState]:
    """Mark the store as being built while the block runs.

    Before writing, the store is copied to ``DIR.snapshot`` for readers; when the block
    ends normally the store is flushed (nothing left for the next command to replay), the
    snapshot and the note removed; a first build's store is also compacted. When the
    block fails the note stays, so the next build knows: documents written in
    transactions are whole, so it recomputes what depends on them; a first build
    bulk-loads (no transactions), so an interrupted one is rolled back: the store is
    emptied.
    """
    if path is None or oxigraph(ds) is None:
        yield BuildState()
        return
    previous = build_note(path)
    state = BuildState(interrupted=previous is not None)
    snapshot = snapshot_path(path)
    shutil.rmtree(snapshot, ignore_errors=True)
    try:
        if previous and previous.get("bulk"):
            oxigraph(ds).clear()
            state.rolled_back = True
        state.bulk = next(iter(oxigraph(ds).named_graphs()), None) is None
        if not state.bulk:
            oxigraph(ds).backup(str(snapshot))
        note = {"command": command, "pid": os.getpid(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                "bulk": state.bulk}
        (path / BUILD_NOTE).write_text(json.dumps(note), encoding="utf-8")
    except OSError as err:
        raise StoreError(f"cannot write the store at {path}: {one_line(err)}") from None
    yield state
    if not (path / BUILD_NOTE).is_file():
        raise StoreError(f"the store {path} was deleted or moved during the build: nothing was kept")
    try:
        oxigraph(ds).flush()  # the store of now: the block may have reopened it (:func:`reopen`)
        if state.bulk:
            oxigraph(ds).optimize()  # a first build's files, one per batch, merged: queries read fewer
    except OSError as err:
        raise StoreError(f"cannot write the store at {path}: {one_line(err)}") from None
    (path / BUILD_NOTE).unlink()
    shutil.rmtree(snapshot, ignore_errors=True)


# --- writing -------------------------------------------------------------------------------

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _ox_term(term, names: dict):
    if isinstance(term, URIRef):
        node = names.get(term)
        if node is None:
            node = names[term] = ox.NamedNode(term)
        return node
    if isinstance(term, Literal):
        datatype = term.datatype
        if datatype is None:
            language = term.language
            return ox.Literal(term, language=language) if language else ox.Literal(term)
        return ox.Literal(term) if datatype == XSD_STRING else ox.Literal(term, datatype=_ox_term(datatype, names))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_quads(graphs: Iterable[Graph]) -> list[ox.Quad]:
    """The triples of each graph as Oxigraph quads in the graph's name."""
    names: dict = {}
    quads = []
    for g in graphs:
        graph = _ox_term(g.identifier, names)
        quads.extend(ox.Quad(_ox_term(s, names), _ox_term(p, names), _ox_term(o, names), graph) for s, p, o in g)
    return quads


def write_graphs(ds: Dataset, graphs: list[Graph], additions: Iterable[Graph] = (), bulk: bool = False) -> int:
    """Put each of ``graphs`` into the store under its name, replacing what was there, and
    add the triples of ``additions`` to what their graphs hold; returns how many graphs
    were replaced. On Oxigraph the new triples go in one transaction, or with
    ``bulk=True`` (a first build, see :func:`building`) straight into new files, faster
    and with no transaction.
    """
    inner = oxigraph(ds)
    additions = list(additions)
    if getattr(ds, "graph_store", None):
        replaced = 0
        for graph in graphs:
            replaced += _send(ds.graph_store, "PUT", graph)
        for graph in additions:
            _send(ds.graph_store, "POST", graph)
        return replaced
    if inner is None:
        replaced = sum(1 for g in graphs if (None, None, None) in ds.graph(g.identifier))
        for graph in graphs:
            replace_graph(ds, graph)
        for graph in additions:
            target = ds.graph(graph.identifier)
            target.addN((s, p, o, target) for s, p, o in graph)
        return replaced
    replaced = 0
    try:
        for graph in [] if bulk else graphs:
            name = ox.NamedNode(graph.identifier)
            if inner.contains_named_graph(name):
                inner.remove_graph(name)
                replaced += 1
        quads = ox_quads([*graphs, *additions])
        inner.bulk_extend(quads) if bulk else inner.extend(quads)
    except OSError as err:
        raise StoreError(f"cannot write the store: {one_line(err)}") from None
    return replaced


def _send(endpoint: str, method: str, graph: Graph) -> bool:
    """``PUT`` (replace) or ``POST`` (add to) one named graph by the Graph Store Protocol,
    as N-Triples; True when the graph was there before (the server answers 200/204, not 201)."""
    body = io.BytesIO()
    ox.serialize([quad.triple for quad in ox_quads([graph])], body, ox.RdfFormat.N_TRIPLES)
    request = urllib.request.Request(f"{endpoint}?graph={quote(str(graph.identifier), safe='')}",
                                     data=body.getvalue(), method=method,
                                     headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status != 201
    except urllib.error.HTTPError as err:
        raise StoreError(f"the store at {endpoint} refused to write {graph.identifier}: "
                         f"HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, OSError) as err:
        raise StoreError(f"cannot reach the store at {endpoint}: {getattr(err, 'reason', err)}") from None


def replace_graph(ds: Dataset, graph: Graph) -> None:
    """Put ``graph`` into the dataset under its identifier, replacing what was there."""
    if oxigraph(ds) is not None or getattr(ds, "graph_store", None):
        write_graphs(ds, [graph])
        return
    name = graph.identifier
    ds.remove_graph(URIRef(name))
    target = ds.graph(URIRef(name))
    target.addN((s, p, o, target) for s, p, o in graph)


def update_graph(ds: Dataset, graph: Graph, whole: bool = True) -> None:
    """Make the stored graph ``graph``'s equal, or with ``whole=False`` only the triples of
    the subjects that ``graph`` holds (the other subjects' triples stay as they are). On
    Oxigraph only the triples that differ are removed and added (a build changes few of the
    actors graph's); a server's graph is replaced (``whole=False`` is not possible there).
    """
    inner = oxigraph(ds)
    name = URIRef(graph.identifier)
    subjects = set(graph.subjects())
    if inner is None and whole:
        replace_graph(ds, graph)
    elif inner is None and getattr(ds, "graph_store", None):
        raise StoreError("a graph on a SPARQL server is replaced whole")
    elif inner is None:
        target = ds.graph(name)
        for subject in subjects:
            target.remove((subject, None, None))
        target.addN((s, p, o, target) for s, p, o in graph)
    else:
        try:
            graph_node = ox.NamedNode(name)
            stored = (set(inner.quads_for_pattern(None, None, None, graph_node)) if whole else
                      {q for s in subjects for q in inner.quads_for_pattern(_ox_term(s, {}), None, None, graph_node)})
            wanted = set(ox_quads([graph]))
            for quad in stored - wanted:
                inner.remove(quad)
            inner.extend(wanted - stored)
        except OSError as err:
            raise StoreError(f"cannot write the store: {one_line(err)}") from None


def ensure_ontology(ds: Dataset) -> None:
    """Load (or refresh) the ontology into its own named graph."""
    replace_graph(ds, ontology_graph())


def graph_names(ds: Dataset) -> list[URIRef]:
    """The named graphs present in the store."""
    rows = ds.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return sorted(row[0] for row in rows)


__all__ = ["ACTORS_GRAPH", "StoreError", "building", "ensure_ontology", "graph_names", "open_store", "oxigraph",
           "replace_graph", "store_path", "write_graphs"]
