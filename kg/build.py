"""``kg build`` as a library call: ingest, extract, store, then write exports and views.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> (out / "a.txt").write_text("Putin said that Russia would win.", encoding="utf-8")
33
>>> summary = build([out / "a.txt"], store="memory", out=out / "out")
>>> summary.documents, summary.claims
(1, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Dataset

from .export import SUFFIXES, export
from .ingest import Document, Warn, read_documents
from .pipeline import Pipeline
from .rdf import actor_graph, document_graph
from .store import ensure_ontology, merge_graph, open_store, replace_graph
from .views import VIEWS, write_view

OUTPUT_FORMATS = ("ttl", "trig")


@dataclass
class BuildSummary:
    documents: int = 0
    actors: int = 0
    claims: int = 0
    relations: int = 0
    mentions: int = 0
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.documents} documents, {self.actors} actors, {self.mentions} mentions, "
                f"{self.claims} claims, {self.relations} relations")


def default_store(out: str | Path) -> str:
    """The on-disk store inside the output folder."""
    return f"oxigraph:{Path(out) / 'store'}"


def load_documents(ds: Dataset, documents: Iterable[Document], summary: BuildSummary, warn: Warn,
                   model: str | None = None, progress: Callable[[Document], None] | None = None) -> None:
    """Extract from ``documents`` and store each one's graph, replacing any earlier version."""
    pipeline = Pipeline(model=model)
    ensure_ontology(ds)
    for result in pipeline.run(documents, warn=warn, progress=progress):
        replace_graph(ds, document_graph(result.document, result.mentions, result.claims,
                                         result.triples, result.text))
        summary.documents += 1
        summary.mentions += len(result.mentions)
        summary.claims += len(result.claims)
        summary.relations += len(result.triples)
    actors = pipeline.actors()
    merge_graph(ds, actor_graph(actors))
    summary.actors = len(actors)


def write_outputs(ds: Dataset, out: Path) -> list[Path]:
    """Turtle and TriG exports and the two HTML views, written into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in OUTPUT_FORMATS:
        path = out / f"graph{SUFFIXES[fmt]}"
        path.write_text(export(ds, fmt), encoding="utf-8")
        written.append(path)
    for view in VIEWS:
        written.append(write_view(ds, view, out / f"{view}.html"))
    return written


def build(paths: Iterable[str | Path], store: str | None = None, out: str | Path = "out",
          model: str | None = None, warn: Warn | None = None,
          progress: Callable[[Document], None] | None = None, outputs: bool = True) -> BuildSummary:
    """Build (or add to) the graph from the documents under ``paths``.

    Problems with single documents are passed to ``warn`` (and kept in the summary's
    ``warnings``); the other documents go through.
    """
    out = Path(out)
    summary = BuildSummary()

    def report(message: str) -> None:
        summary.warnings.append(message)
        if warn:
            warn(message)

    documents = read_documents(paths, warn=report)
    ds = open_store(store or default_store(out))
    try:
        load_documents(ds, documents, summary, report, model=model, progress=progress)
        if outputs:
            summary.outputs = write_outputs(ds, out)
    finally:
        ds.close()
    return summary
