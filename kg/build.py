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
from urllib.parse import unquote

from rdflib import Dataset

from .export import SUFFIXES, export
from .graphs import plural
from .ingest import Document, Stored, Warn, read_documents
from .pipeline import Pipeline
from .records import Actor
from .query import run_query
from .rdf import actor_graph, document_graph, tracking_graph
from .store import ensure_ontology, open_store, replace_graph
from .tracking import TermSpace, TrackedClaim, find_contradictions, group_claims
from .views import VIEWS, write_view

OUTPUT_FORMATS = ("ttl", "trig")

STORED_ACTORS = """
SELECT ?id ?label ?kind ?alias ?wikidata WHERE {
  ?actor a ?class ; dcterms:identifier ?id ; rdfs:label ?label .
  VALUES (?class ?kind) { (cg:Person "Person") (cg:Organization "Organization") (cg:Country "Country")
                          (cg:Group "Group") (cg:Actor "Actor") }
  OPTIONAL { ?actor skos:altLabel ?alias }
  OPTIONAL { ?actor owl:sameAs ?wikidata }
} ORDER BY ?id ?alias
"""

REFERENCED_ACTORS = """
SELECT DISTINCT ?actor WHERE {
  { ?x cg:mentionOf ?actor } UNION { ?x cg:placeIn ?actor } UNION { ?x cg:claimant ?actor } UNION { ?x cg:about ?actor }
  UNION { ?x rdf:subject ?actor } UNION { ?x rdf:object ?actor } UNION { ?x cg:target ?actor }
  FILTER(isIRI(?actor))
}
"""

STORED_DOCUMENTS = """
SELECT ?id ?key ?fingerprint ?first WHERE {
  ?d a cg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d cg:inputKey ?key }
  OPTIONAL { ?d cg:fingerprint ?fingerprint }
  OPTIONAL { ?d cg:duplicateOf/dcterms:identifier ?first }
}
"""

STORED_CLAIMS = """
SELECT ?claim ?doc ?date ?speaker ?speakerText ?cue ?content ?negated ?contentNegated ?start ?end WHERE {
  ?claim a cg:Claim ; cg:source ?d ; cg:cue ?cue ; cg:content ?content ;
         cg:contentStart ?start ; cg:contentEnd ?end .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?claim cg:claimant ?speaker }
  OPTIONAL { ?claim cg:speakerText ?speakerText }
  OPTIONAL { ?claim cg:negated ?negated }
  OPTIONAL { ?claim cg:contentNegated ?contentNegated }
}
"""


@dataclass
class BuildSummary:
    documents: int = 0
    actors: int = 0
    claims: int = 0
    relations: int = 0
    mentions: int = 0
    groups: int = 0
    contradictions: int = 0
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The summary ``kg build`` prints.

        >>> BuildSummary(documents=1, claims=2, contradictions=1).line()
        '1 document, 0 actors, 0 mentions, 2 claims, 0 relations; the store now holds 0 claim groups, 1 contradiction candidate'
        """
        return (f"{plural(self.documents, 'document')}, {plural(self.actors, 'actor')}, "
                f"{plural(self.mentions, 'mention')}, {plural(self.claims, 'claim')}, "
                f"{plural(self.relations, 'relation')}; the store now holds "
                f"{plural(self.groups, 'claim group')}, {plural(self.contradictions, 'contradiction candidate')}")


def default_store(out: str | Path) -> str:
    """The on-disk store inside the output folder."""
    return f"oxigraph:{Path(out) / 'store'}"


def load_documents(ds: Dataset, documents: Iterable[Document], summary: BuildSummary, warn: Warn,
                   model: str | None = None, progress: Callable[[Document], None] | None = None) -> None:
    """Extract from ``documents`` and store each one's graph, replacing any earlier version.

    The actor resolver starts from the actors already in the store, so new mentions merge
    with them; afterwards the actors graph keeps every actor some document refers to, and
    claim groups and contradictions are recomputed over the whole store.
    """
    ensure_ontology(ds)
    pipeline = Pipeline(model=model)
    pipeline.resolver.learn(stored_actors(ds))
    for result in pipeline.run(documents, warn=warn, progress=progress):
        replace_graph(ds, document_graph(result.document, result.mentions, result.claims,
                                         result.triples, result.text))
        summary.documents += 1
        summary.mentions += len(result.mentions)
        summary.claims += len(result.claims)
        summary.relations += len(result.triples)
    summary.actors = len(pipeline.actors())
    referenced = {_last_part(row.actor) for row in run_query(ds, REFERENCED_ACTORS)}
    known = pipeline.resolver.actors
    replace_graph(ds, actor_graph([known[i] for i in sorted(referenced) if i in known]))
    summary.groups, summary.contradictions = update_tracking(ds)


def stored_actors(ds: Dataset) -> list[Actor]:
    """The actors already in the store, with their aliases."""
    actors: dict[str, Actor] = {}
    for row in run_query(ds, STORED_ACTORS):
        actor = actors.setdefault(str(row.id), Actor(id=str(row.id), label=str(row.label), kind=str(row.kind),
                                                     wikidata=_last_part(row.wikidata) if row.wikidata else None))
        if row.alias is not None and str(row.alias) not in actor.aliases:
            actor.aliases.append(str(row.alias))
    return list(actors.values())


def stored_documents(ds: Dataset) -> dict[str, Stored]:
    """What ingest needs to know of the documents stored: input key, fingerprint, first copy."""
    return {str(row.id): Stored(*(str(value) if value is not None else None
                                  for value in (row.key, row.fingerprint, row.first)))
            for row in run_query(ds, STORED_DOCUMENTS)}


def _last_part(iri) -> str:
    return unquote(str(iri).rsplit("/", 1)[-1])


def stored_claims(ds: Dataset) -> list[TrackedClaim]:
    """Every claim in the store, as tracking sees it."""
    return [TrackedClaim(id=_last_part(row.claim), doc=str(row.doc), date=str(row.date) if row.date else None,
                         speaker=_last_part(row.speaker) if row.speaker else None,
                         speaker_text=str(row.speakerText) if row.speakerText else None,
                         cue=str(row.cue), content=str(row.content),
                         negated=bool(row.negated and row.negated.toPython()),
                         content_negated=bool(row.contentNegated and row.contentNegated.toPython()),
                         offset=int(row.start),
                         end=int(row.end))
            for row in run_query(ds, STORED_CLAIMS)]


def update_tracking(ds: Dataset) -> tuple[int, int]:
    """Regroup every stored claim and find contradiction candidates, corpus-wide.

    Runs after each build, so claims from new documents join existing groups. Returns
    (groups, contradictions).
    """
    claims = stored_claims(ds)
    space = TermSpace(claims)
    groups = group_claims(claims, space=space)
    contradictions = find_contradictions(claims, space=space)
    replace_graph(ds, tracking_graph(groups, contradictions))
    return len(groups), len(contradictions)


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
          progress: Callable[[Document], None] | None = None, outputs: bool = True,
          published: str | None = None, fmt: str | None = None) -> BuildSummary:
    """Build (or add to) the graph from the documents under ``paths``.

    ``paths`` are files, folders, URLs or ``-``; ``published`` and ``fmt`` are passed to
    :func:`kg.ingest.read_documents`, with the documents already stored, so that a new
    input never takes the id of another one. Problems with single documents are passed
    to ``warn`` (and kept in the summary's ``warnings``); the other documents go through.
    """
    out = Path(out)
    summary = BuildSummary()

    def report(message: str) -> None:
        summary.warnings.append(message)
        if warn:
            warn(message)

    ds = open_store(store or default_store(out))
    try:
        documents = read_documents(paths, warn=report, published=published, fmt=fmt, stored=stored_documents(ds))
        load_documents(ds, documents, summary, report, model=model, progress=progress)
        if outputs:
            summary.outputs = write_outputs(ds, out)
    finally:
        ds.close()
    return summary
