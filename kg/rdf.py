"""Records -> RDF under the claimgraph ontology, one named graph per document.

Actors live in their own graph (``graph/actors``), the ontology in ``graph/ontology``,
and everything extracted from a document in ``graph/doc/<id>``, so rebuilding a
document replaces exactly its graph.

>>> from kg.records import Actor
>>> g = actor_graph([Actor(id="xi_jinping", label="Xi Jinping", kind="Person")])
>>> (actor_iri("xi_jinping"), RDFS.label, Literal("Xi Jinping")) in g
True
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from urllib.parse import quote, unquote

import rdflib.namespace
from rdflib import Graph, Literal, Namespace, URIRef

from . import __version__
from .ingest.copies import fingerprint
from .lexicons import lexicon
from .records import Actor, Claim, DocumentRecord, Mention, Triple


class Vocabulary(Namespace):
    """An rdflib ``Namespace`` that makes each of its terms once: a build looks up
    ``CG.content`` or ``RDF.type`` hundreds of thousands of times.

    >>> ex = Vocabulary("https://example.org/")
    >>> ex.name is ex.name, str(ex.name)
    (True, 'https://example.org/name')
    """

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


CG = Vocabulary("https://w3id.org/claimgraph/ontology#")
ID = "https://w3id.org/claimgraph/id/"
REL = Namespace("https://w3id.org/claimgraph/rel/")
GRAPH = "https://w3id.org/claimgraph/graph/"
SCHEMA = Vocabulary("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
RDF, RDFS, XSD, DCTERMS, OWL, PROV, SKOS = (Vocabulary(str(namespace)) for namespace in (
    rdflib.RDF, rdflib.RDFS, rdflib.XSD, rdflib.namespace.DCTERMS, rdflib.OWL, rdflib.namespace.PROV, rdflib.SKOS))
TRUE, FALSE = Literal(True), Literal(False)

ONTOLOGY_GRAPH = URIRef(GRAPH + "ontology")
ACTORS_GRAPH = URIRef(GRAPH + "actors")
TRACKING_GRAPH = URIRef(GRAPH + "tracking")
EXTRACTOR = f"claimgraph {__version__}"
EXTRACTOR_LITERAL = Literal(EXTRACTOR)
AGGREGATE_RANKS = {"relation": CG.relationRank, "relation-type": CG.relationTypeRank, "stance": CG.stanceRank,
                   "co-mention": CG.coMentionRank}
ACTOR_CLASSES = {"Person": CG.Person, "Organization": CG.Organization, "Country": CG.Country,
                 "Group": CG.Group}

PREFIXES = {name: Namespace(str(ns)) for name, ns in {
    "cg": CG, "rel": REL, "actor": ID + "actor/", "doc": ID + "doc/", "claim": ID + "claim/",
    "stmt": ID + "statement/", "prop": ID + "proposition/", "prov": PROV, "schema": SCHEMA, "dcterms": DCTERMS, "skos": SKOS,
    "owl": OWL, "wd": WD, "rdf": RDF, "rdfs": RDFS, "xsd": XSD}.items()}


def _part(value: str) -> str:
    return quote(value, safe="")


def id_of(iri) -> str:
    """The id at the end of one of our IRIs (the inverse of ``actor_iri``, ``claim_iri``...).

    >>> id_of(actor_iri("vladimir_putin"))
    'vladimir_putin'
    """
    return unquote(str(iri).rsplit("/", 1)[-1])


def actor_iri(actor_id: str) -> URIRef:
    return URIRef(f"{ID}actor/{_part(actor_id)}")


def doc_iri(doc_id: str) -> URIRef:
    return URIRef(f"{ID}doc/{_part(doc_id)}")


def doc_graph_iri(doc_id: str) -> URIRef:
    return URIRef(f"{GRAPH}doc/{_part(doc_id)}")


def claim_iri(claim_id: str) -> URIRef:
    return URIRef(f"{ID}claim/{_part(claim_id)}")


def statement_iri(triple_id: str) -> URIRef:
    return URIRef(f"{ID}statement/{_part(triple_id)}")


def proposition_iri(group_id: str) -> URIRef:
    return URIRef(f"{ID}proposition/{_part(group_id)}")


def stance_iri(claim_id: str, actor_id: str) -> URIRef:
    return URIRef(f"{ID}stance/{_part(claim_id)}/{_part(actor_id)}")


def contradiction_iri(claim_id: str, other_id: str) -> URIRef:
    return URIRef(f"{ID}contradiction/{_part(claim_id)}/{_part(other_id)}")


def tenure_iri(actor_id: str, tenure: dict) -> URIRef:
    """A term of office: holder, office, jurisdiction and start (stable across builds)."""
    parts = [actor_id, "_".join(tenure["office"].split()), tenure["of"], tenure.get("start") or "unknown"]
    return URIRef(f"{ID}tenure/" + "/".join(_part(p) for p in parts))


def aggregate_iri(kind: str, *parts: str) -> URIRef:
    """A count over the store (:mod:`kg.aggregates`), named by its kind and parts.

    >>> aggregate_iri("relation", "xi_jinping", "meet", "vladimir_putin").split("/id/")[1]
    'aggregate/relation/xi_jinping/meet/vladimir_putin'
    >>> aggregate_parts(aggregate_iri("stance", "a b", "opposes", "c/d"))
    ('stance', ['a b', 'opposes', 'c/d'])
    """
    return URIRef(f"{ID}aggregate/{kind}/" + "/".join(_part(p) for p in parts))


def aggregate_parts(iri) -> tuple[str, list[str]]:
    """The kind and parts of an :func:`aggregate_iri`."""
    kind, *parts = str(iri)[len(ID + "aggregate/"):].split("/")
    return kind, [unquote(p) for p in parts]


def mention_iri(doc_id: str, span: tuple[int, int]) -> URIRef:
    return URIRef(f"{ID}mention/{_part(doc_id)}/{span[0]}-{span[1]}")


def relation_iri(lemma: str) -> URIRef:
    """The predicate IRI minted from a relation lemma ("rely on" -> ``rel:rely_on``)."""
    return REL[_part("_".join(lemma.split()))]


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


@lru_cache(maxsize=1)
def ontology_text(name: str = "claimgraph.ttl") -> str:
    return resources.files("kg").joinpath("ontology", name).read_text("utf-8")


def ontology_graph(name: str = "claimgraph.ttl", identifier: URIRef = ONTOLOGY_GRAPH) -> Graph:
    """A file of ``ontology/`` parsed as a graph (named ``identifier``)."""
    return Graph(identifier=identifier).parse(data=ontology_text(name), format="turtle")


# --- records -> triples ------------------------------------------------------------


def _flag(value: bool) -> Literal:
    return TRUE if value else FALSE


def _add_span(g: Graph, node: URIRef, start_p: URIRef, end_p: URIRef, span: tuple[int, int] | None) -> None:
    if span is not None:
        g.add((node, start_p, Literal(span[0])))
        g.add((node, end_p, Literal(span[1])))


def _add_provenance(g: Graph, node: URIRef, doc: URIRef, confidence: float) -> None:
    g.add((node, CG.source, doc))
    g.add((node, CG.confidence, Literal(round(confidence, 3), datatype=XSD.decimal)))
    g.add((node, CG.extractor, EXTRACTOR_LITERAL))


def add_document(g: Graph, rec: DocumentRecord, text: str | None = None) -> None:
    """The document node: its metadata, ``cg:duplicateOf`` its first copy if it is a copy,
    its ``text`` (``schema:articleBody``, kept once: every span points into it by offsets)
    and the text's fingerprint (to find copies of it in later builds).

    >>> g = Graph()
    >>> add_document(g, DocumentRecord(doc="b", title="Talks resume", duplicate_of="a", chars=120))
    >>> (doc_iri("b"), CG.duplicateOf, doc_iri("a")) in g
    True
    """
    node = doc_iri(rec.doc)
    g.add((node, RDF.type, CG.Document))
    g.add((node, DCTERMS.identifier, Literal(rec.doc)))
    if rec.title:
        g.add((node, DCTERMS.title, Literal(rec.title)))
    if rec.publisher:
        g.add((node, DCTERMS.publisher, Literal(rec.publisher)))
    if rec.published:
        g.add((node, SCHEMA.datePublished, Literal(rec.published, datatype=XSD.date)))
    if rec.url:
        g.add((node, SCHEMA.url, Literal(rec.url, datatype=XSD.anyURI)))
    if rec.published_at:
        g.add((node, DCTERMS.issued, Literal(rec.published_at, datatype=XSD.dateTime)))
    if rec.author:
        g.add((node, SCHEMA.author, Literal(rec.author)))
    if rec.language:
        g.add((node, DCTERMS.language, Literal(rec.language)))
    if rec.duplicate_of:
        g.add((node, CG.duplicateOf, doc_iri(rec.duplicate_of)))
    if rec.input_key:
        g.add((node, CG.inputKey, Literal(rec.input_key)))
    if text is not None:
        g.add((node, SCHEMA.articleBody, Literal(text)))
        g.add((node, CG.fingerprint, Literal(fingerprint(text))))
    g.add((node, CG.characters, Literal(rec.chars)))


def add_mention(g: Graph, rec: Mention) -> None:
    node = mention_iri(rec.doc, rec.span)
    g.add((node, RDF.type, CG.Mention))
    g.add((node, CG.source, doc_iri(rec.doc)))
    _add_span(g, node, CG.start, CG.end, rec.span)
    g.add((node, CG.text, Literal(rec.text)))
    g.add((node, CG.how, Literal(rec.how)))
    if rec.actor:
        g.add((node, CG.mentionOf, actor_iri(rec.actor)))
    if rec.rule:
        g.add((node, CG.rule, Literal(rec.rule)))
    if rec.evidence:
        g.add((node, CG.evidence, Literal(rec.evidence)))
    if rec.place_of:
        g.add((node, CG.placeIn, actor_iri(rec.place_of)))


def add_claim(g: Graph, rec: Claim) -> None:
    node = claim_iri(rec.id)
    g.add((node, RDF.type, CG.Claim))
    if not rec.speaker and (rec.speaker_text or "").lower() not in lexicon("lone_pronouns.txt"):
        g.add((node, RDF.type, CG.UnnamedSourceClaim))  # "experts", "a US official", or no words at all
    _add_provenance(g, node, doc_iri(rec.doc), rec.confidence)
    if rec.speaker:
        g.add((node, CG.claimant, actor_iri(rec.speaker)))
    if rec.speaker_text:
        g.add((node, CG.speakerText, Literal(rec.speaker_text)))
    g.add((node, CG.cue, Literal(rec.cue)))
    g.add((node, CG.content, Literal(rec.content)))
    g.add((node, CG.kind, Literal(rec.kind)))
    if rec.rule:
        g.add((node, CG.rule, Literal(rec.rule)))  # tracking compares the cue too when the content completes it
    g.add((node, CG.negated, _flag(rec.negated)))
    g.add((node, CG.hedged, _flag(rec.hedged)))
    g.add((node, CG.contentNegated, _flag(rec.content_negated)))
    if not rec.proposition:
        g.add((node, CG.topicOnly, TRUE))
    for actor in rec.about:
        g.add((node, CG.about, actor_iri(actor)))
    if rec.subject:
        g.add((node, CG.contentSubject, actor_iri(rec.subject)))
    if rec.subject_text:
        g.add((node, CG.contentSubjectText, Literal(rec.subject_text)))
    if rec.predicate:
        g.add((node, CG.contentPredicate, Literal(rec.predicate)))
    _add_span(g, node, CG.speakerStart, CG.speakerEnd, rec.speaker_span)
    _add_span(g, node, CG.cueStart, CG.cueEnd, rec.cue_span)
    _add_span(g, node, CG.contentStart, CG.contentEnd, rec.content_span)
    _add_span(g, node, CG.sentenceStart, CG.sentenceEnd, rec.sentence_span)


def add_triple(g: Graph, rec: Triple) -> None:
    """A triple as a ``cg:Statement`` (reified, with its evidence). Only what the article
    states in its own voice, neither negated nor hedged, between two actors, is also
    asserted as a plain triple; a triple inside a claim's content is attributed to the
    claim (``cg:assertedIn``) and never stated in the document's voice."""
    node = statement_iri(rec.id)
    predicate = relation_iri(rec.predicate)
    subject = actor_iri(rec.subject) if rec.subject else Literal(rec.subject_text)
    named = rec.object or rec.object_actor
    obj = actor_iri(named) if named else Literal(rec.object_text)
    g.add((node, RDF.type, CG.Statement))
    _add_provenance(g, node, doc_iri(rec.doc), rec.confidence)
    g.add((node, RDF.subject, subject))
    g.add((node, RDF.predicate, predicate))
    g.add((node, RDF.object, obj))
    g.add((node, CG.subjectText, Literal(rec.subject_text)))
    if rec.predicate_text is not None:
        g.add((node, CG.predicateText, Literal(rec.predicate_text)))
    g.add((node, CG.predicateLemma, Literal(rec.predicate)))
    g.add((node, CG.objectText, Literal(rec.object_text)))
    g.add((node, CG.negated, _flag(rec.negated)))
    g.add((node, CG.hedged, _flag(rec.hedged)))
    g.add((node, CG.statementKind, Literal(rec.kind)))
    if rec.modal:
        g.add((node, CG.modal, Literal(rec.modal)))
    if rec.relation_type:
        g.add((node, CG.relationType, Literal(rec.relation_type)))
    _add_span(g, node, CG.subjectStart, CG.subjectEnd, rec.subject_span)
    _add_span(g, node, CG.predicateStart, CG.predicateEnd, rec.predicate_span)
    _add_span(g, node, CG.objectStart, CG.objectEnd, rec.object_span)
    _add_span(g, node, CG.sentenceStart, CG.sentenceEnd, rec.sentence_span)
    g.add((predicate, RDF.type, CG.Relation))
    g.add((predicate, RDFS.label, Literal(rec.predicate)))
    if rec.asserted_by:
        g.add((node, CG.assertedIn, claim_iri(rec.asserted_by)))
    elif rec.subject and rec.object and not rec.negated and not rec.hedged:
        g.add((subject, predicate, obj))  # stated in the article's own voice


class Triples(list):
    """A named graph as a plain list of triples: what a build writes to the store, without
    the indexes of an rdflib ``Graph`` (a triple added twice is stored once).

    >>> g = Triples(ACTORS_GRAPH)
    >>> g.add((actor_iri("x"), RDFS.label, Literal("X")))
    >>> len(g), str(g.identifier).rsplit("/", 1)[-1]
    (1, 'actors')
    """

    def __init__(self, identifier: URIRef) -> None:
        super().__init__()
        self.identifier = identifier

    def add(self, triple: tuple) -> None:
        self.append(triple)

    def graph(self) -> Graph:
        """The same triples as an rdflib graph."""
        g = bind_prefixes(Graph(identifier=self.identifier))
        for triple in self:
            g.add(triple)
        return g


def document_graph(document: DocumentRecord, mentions: list[Mention], claims: list[Claim],
                   triples: list[Triple], text: str | None = None) -> Graph:
    """All the triples extracted from one document, for its named graph."""
    return document_triples(document, mentions, claims, triples, text).graph()


def document_triples(document: DocumentRecord, mentions: list[Mention], claims: list[Claim],
                     triples: list[Triple], text: str | None = None) -> Triples:
    """:func:`document_graph` as a plain list of triples (what a build writes)."""
    g = Triples(doc_graph_iri(document.doc))
    add_document(g, document, text)
    date = Literal(document.published, datatype=XSD.date) if document.published else None
    for mention in mentions:
        add_mention(g, mention)
        if mention.actor:
            key = sort_key(document.published, document.doc, mention.span[0])
            g.add((mention_iri(mention.doc, mention.span), CG.mentionKey, Literal(key)))
    for actor in sorted({m.actor for m in mentions if m.actor}):
        g.add((doc_iri(document.doc), CG.mentionsActor, actor_iri(actor)))
    for claim in claims:
        add_claim(g, claim)
        add_stances(g, claim)
        _add_id_and_date(g, claim_iri(claim.id), claim.id, date)
        key = sort_key(document.published, document.doc, claim.content_span[0])
        g.add((claim_iri(claim.id), CG.claimKey, Literal(key)))
    for triple in triples:
        add_triple(g, triple)
        _add_id_and_date(g, statement_iri(triple.id), triple.id, date)
    add_contributions(g, document.doc, mentions, claims, triples)
    return g


def add_contributions(g: Graph, doc: str, mentions: list[Mention], claims: list[Claim], triples: list[Triple]) -> None:
    """What the document adds to the store's counts (``cg:countsIn``, see :mod:`kg.aggregates`):
    each relation it states between two actors in its own voice, not negated (and, for the
    relation's type, not hedged); each claimant's stance; each pair of actors it mentions."""
    for rec in triples:
        obj = rec.object or rec.object_actor
        if not (rec.subject and obj) or rec.subject == obj or rec.negated or rec.asserted_by:
            continue
        node = statement_iri(rec.id)
        g.add((node, CG.countsIn, aggregate_iri("relation", rec.subject, rec.predicate, obj)))
        if rec.relation_type and not rec.hedged:
            g.add((node, CG.countsIn, aggregate_iri("relation-type", rec.relation_type, rec.subject, obj)))
    for claim in claims:
        for stance in claim.stance if claim.speaker else ():
            g.add((claim_iri(claim.id), CG.countsIn,
                   aggregate_iri("stance", claim.speaker, stance["stance"], stance["target"])))
    actors = sorted({m.actor for m in mentions if m.actor})
    for i, first in enumerate(actors):
        for second in actors[i + 1:]:
            g.add((doc_iri(doc), CG.countsIn, aggregate_iri("co-mention", first, second)))


def sort_key(published: str | None, doc: str, offset: int) -> int:
    """Where a claim or a mention falls in a listing, oldest first, as one whole number (a
    store sorts numbers far faster than texts): the document's date as YYYYMMDD (0:
    undated, first), then 4 digits that keep each document's records together, then the
    offset.

    >>> sort_key("2024-05-16", "d7", 120)
    2024051669770000120
    >>> sort_key(None, "d7", 120) < sort_key("2024-05-16", "a", 0) < sort_key("2024-05-17", "a", 0)
    True
    """
    day = int(published[:10].replace("-", "")) if published else 0
    return (day * 10_000 + hash_digits(doc, 4)) * 10_000_000 + min(offset, 9_999_999)


def hash_digits(text: str, digits: int) -> int:
    """A stable number of ``digits`` digits drawn from ``text`` (the same on every machine).

    >>> hash_digits("d7", 4)
    6977
    """
    return int(hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest(), 16) % 10**digits


def _add_id_and_date(g: Graph, node: URIRef, identifier: str, date: Literal | None) -> None:
    """The record's id (to look it up) and its document's date (to select by time)."""
    g.add((node, DCTERMS.identifier, Literal(identifier)))
    if date is not None:
        g.add((node, DCTERMS.date, date))


def add_stances(g: Graph, claim: Claim) -> None:
    """The claimant's stance towards each actor the claim is about, with its evidence."""
    for stance in claim.stance:
        node = stance_iri(claim.id, stance["target"])
        g.add((claim_iri(claim.id), CG.stance, node))
        g.add((node, RDF.type, CG.Stance))
        g.add((node, CG.target, actor_iri(stance["target"])))
        g.add((node, CG.polarity, Literal(stance["stance"])))
        g.add((node, CG.evidence, Literal(stance["evidence"])))


def actor_graph(actors: list[Actor]) -> Graph:
    """The actors graph: type, label, aliases, Wikidata link and offices of every actor.

    >>> tenure = {"office": "president", "of": "russia", "start": "2012-05-07", "end": None}
    >>> g = actor_graph([Actor(id="vladimir_putin", label="Vladimir Putin", kind="Person", offices=[tenure])])
    >>> [str(o) for o in g.objects(None, CG.office)]
    ['president']
    """
    g = bind_prefixes(Graph(identifier=ACTORS_GRAPH))
    for actor in actors:
        node = actor_iri(actor.id)
        g.add((node, RDF.type, ACTOR_CLASSES.get(actor.kind, CG.Actor)))
        g.add((node, DCTERMS.identifier, Literal(actor.id)))
        g.add((node, RDFS.label, Literal(actor.label)))
        for alias in actor.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        if actor.wikidata:
            g.add((node, OWL.sameAs, WD[actor.wikidata]))
        for tenure in actor.offices:
            add_tenure(g, node, tenure_iri(actor.id, tenure), tenure)
    return g


def add_tenure(g: Graph, holder: URIRef, node: URIRef, tenure: dict) -> None:
    """A term of office of the gazetteer: ``{"office", "of", "start", "end"}``."""
    g.add((holder, CG.held, node))
    g.add((node, RDF.type, CG.Tenure))
    g.add((node, CG.office, Literal(tenure["office"])))
    g.add((node, CG.jurisdiction, actor_iri(tenure["of"])))
    for key, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
        if tenure.get(key):
            g.add((node, prop, Literal(tenure[key], datatype=XSD.date)))


def group_graph(group) -> Triples:
    """One claim group (a ``cg:Proposition``, :class:`kg.tracking.ClaimGroup`) in its own
    named graph, so a build rewrites only the groups it changed."""
    node = proposition_iri(group.id)
    g = Triples(URIRef(f"{TRACKING_GRAPH}/group/{_part(group.id)}"))
    g.add((node, RDF.type, CG.Proposition))
    g.add((node, RDFS.label, Literal(group.label)))
    g.add((node, CG.memberCount, Literal(len(group.members))))
    g.add((node, CG.sourceCount, Literal(len(group.sources))))
    g.add((node, CG.speakerCount, Literal(len(group.speakers))))
    g.add((node, CG.firstClaim, claim_iri(group.first_claim)))
    if group.first_date:  # an undated document is never "first seen"
        g.add((node, CG.firstSource, doc_iri(group.first_doc)))
        g.add((node, CG.firstSeen, Literal(group.first_date, datatype=XSD.date)))
    for member in group.members:
        g.add((claim_iri(member), CG.expresses, node))
    return g


def aggregate_graph(iri: URIRef, count: int, lemmas: list[str] = ()) -> Triples:
    """One count (:mod:`kg.aggregates`) in its own named graph, so a build rewrites only the
    counts it changed; with ``count`` 0 the graph is empty (writing it removes the count).
    Its rank (``cg:relationRank``...) is the count times 10^9 plus 9 digits of a hash of
    its name: a listing sorted by it, descending, has the most counted first, ties in a
    fixed order, and costs one lookup per row.

    >>> g = aggregate_graph(aggregate_iri("relation", "a", "meet", "b"), 3)
    >>> sorted(str(p).rsplit("#", 1)[-1] for _, p, _ in g)
    ['count', 'object', 'predicateLemma', 'relationRank', 'subject', 'type']
    """
    kind, parts = aggregate_parts(iri)
    g = Triples(URIRef(GRAPH + str(iri)[len(ID):]))
    if not count:
        return g
    g.add((iri, RDF.type, CG.Aggregate))
    g.add((iri, CG["count"], Literal(count)))  # CG.count is str.count
    g.add((iri, AGGREGATE_RANKS[kind], Literal(count * 10**9 + hash_digits(str(iri), 9))))
    if kind == "relation":
        subject, lemma, obj = parts
        g.add((iri, CG.predicateLemma, Literal(lemma)))
        g.add((iri, RDF.subject, actor_iri(subject)))
        g.add((iri, RDF.object, actor_iri(obj)))
    elif kind == "relation-type":
        relation_type, subject, obj = parts
        g.add((iri, CG.relationType, Literal(relation_type)))
        g.extend((iri, CG.predicateLemma, Literal(lemma)) for lemma in lemmas)
        g.add((iri, RDF.subject, actor_iri(subject)))
        g.add((iri, RDF.object, actor_iri(obj)))
    elif kind == "stance":
        who, polarity, whom = parts
        g.add((iri, CG.claimant, actor_iri(who)))
        g.add((iri, CG.polarity, Literal(polarity)))
        g.add((iri, CG.target, actor_iri(whom)))
    else:  # a pair of actors mentioned together: two of the same, no order
        g.extend((iri, CG.pairOf, actor_iri(actor)) for actor in parts)
    return g


def document_tracking_graph(doc_id: str, embeddings: dict[str, str], contradictions) -> Triples:
    """What tracking adds with a document: its claims' embeddings (``cg:embedding``) and
    the contradiction candidates (:class:`kg.tracking.Contradiction`) they were found in."""
    g = Triples(URIRef(f"{TRACKING_GRAPH}/doc/{_part(doc_id)}"))
    for claim_id, vector in embeddings.items():
        g.add((claim_iri(claim_id), CG.embedding, Literal(vector)))
    for found in contradictions:
        a, b = claim_iri(found.claim), claim_iri(found.other)
        node = contradiction_iri(found.claim, found.other)
        g.add((a, CG.contradicts, b))
        g.add((b, CG.contradicts, a))
        g.add((node, RDF.type, CG.Contradiction))
        g.add((node, CG.between, a))
        g.add((node, CG.between, b))
        g.add((node, CG.similarity, Literal(found.similarity, datatype=XSD.decimal)))
        g.add((node, CG.evidence, Literal(found.evidence)))
    return g
