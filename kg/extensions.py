"""The ``Doc`` and ``Span`` extension attributes claimgraph's components read and write.

========================  ===========================================================
``doc._.document``        the :class:`~kg.ingest.Document` (id, metadata, boilerplate
                          zones); made from ``doc.text`` when a component needs it
``doc._.actors``          :class:`~kg.actors.DocActors`, set by ``claimgraph_actors``
``doc._.mentions``        its :class:`~kg.records.Mention` records (read-only)
``doc._.claims``          :class:`~kg.records.Claim` records, set by ``claimgraph_claims``
``doc._.triples``         :class:`~kg.records.Triple` records, set by ``claimgraph_triples``
``span._.actor``          the actor id the span names (its first outermost mention), or None
``span._.actors``         every actor id mentioned inside the span, in text order
========================  ===========================================================

>>> from kg import nlp
>>> doc = nlp.load()("Putin met Xi.")
>>> document_of(doc).id, doc._.claims, doc._.mentions
('doc', None, [])
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .actors import ActorResolver, DocActors
from .ingest import Document, document_from_text

DEFAULT_DOC_ID = "doc"


def _span_actor(span: Span) -> str | None:
    actors: DocActors | None = span.doc._.actors
    mention = actors.actor_in(span.start_char, span.end_char) if actors is not None else None
    return mention.actor if mention is not None else None


def _span_actors(span: Span) -> list[str]:
    actors: DocActors | None = span.doc._.actors
    return actors.actors_in(span.start_char, span.end_char) if actors is not None else []


def _doc_mentions(doc: Doc) -> list:
    return doc._.actors.mentions if doc._.actors is not None else []


def register() -> None:
    """Declare the extension attributes (done on import; safe to call again)."""
    for name in ("document", "actors", "claims", "triples"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", getter=_doc_mentions)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=_span_actor)
    if not Span.has_extension("actors"):
        Span.set_extension("actors", getter=_span_actors)


def document_of(doc: Doc) -> Document:
    """``doc._.document``, made from the text (id ``"doc"``, boilerplate marked) when unset."""
    if doc._.document is None:
        doc._.document = document_from_text(DEFAULT_DOC_ID, doc.text)
    return doc._.document


def actors_of(doc: Doc) -> DocActors:
    """``doc._.actors``; on a bare ``Doc``, resolved with a fresh registry (the gazetteer only)."""
    if doc._.actors is None:
        doc._.actors = ActorResolver().resolve(document_of(doc), doc)
    return doc._.actors


register()
