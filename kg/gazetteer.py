"""The gazetteer: well-known actors kept as data in ``ontology/actors.ttl``.

Each entry is an actor (id from its IRI, label, kind, aliases, Wikidata id) with what
resolution needs beyond names: demonyms ("Russian"), the capital and seat of government
that may stand for a state ("Moscow", "the Kremlin"), the office its "leader" holds, and,
for people, gender, family name and the offices held with their dates. More Turtle files
can be added without code: ``$KG_GAZETTEER`` lists them (separated by ``os.pathsep``).

>>> gaz = load_gazetteer()
>>> gaz.actors["russia"].label, gaz.by_demonym["Russian"], gaz.by_metonym["kremlin"]
('Russia', 'russia', 'russia')
>>> [t.holder for t in gaz.holders({"president"}, "russia", dt.date(2010, 1, 1))]
['dmitry_medvedev']
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from .names import name_key
from .records import Actor

CG = Namespace("https://w3id.org/claimgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
ACTOR_NS = "https://w3id.org/claimgraph/id/actor/"
KINDS = {CG.Person: "Person", CG.Organization: "Organization", CG.Country: "Country", CG.Group: "Group",
         CG.Actor: "Actor"}
ENV_VAR = "KG_GAZETTEER"


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used (with the entry at fault)."""


@dataclass(frozen=True)
class Tenure:
    """One term of office: ``holder`` was ``office`` of ``jurisdiction`` from ``start`` to ``end``."""

    holder: str
    office: str
    jurisdiction: str
    start: dt.date | None = None
    end: dt.date | None = None  # None: still in office

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def describe(self) -> str:
        """"since 2012-05-07" or "2008-05-07 to 2012-05-07"."""
        if self.end is None:
            return f"since {self.start}" if self.start else "in office"
        return f"{self.start or '?'} to {self.end}"

    def as_dict(self) -> dict:
        return {"office": self.office, "of": self.jurisdiction,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None}


@dataclass
class Gazetteer:
    """Actors and the indexes resolution looks them up by."""

    actors: dict[str, Actor] = field(default_factory=dict)
    tenures: list[Tenure] = field(default_factory=list)
    by_demonym: dict[str, str] = field(default_factory=dict)   # "Russian" -> "russia" (case kept)
    by_metonym: dict[str, str] = field(default_factory=dict)   # name_key("the Kremlin") -> "russia"
    places: list[tuple[str, str, str]] = field(default_factory=list)  # ("Moscow", "russia", "capital")
    leader_office: dict[str, str] = field(default_factory=dict)  # "russia" -> "president"
    gender: dict[str, str] = field(default_factory=dict)       # "angela_merkel" -> "female"
    family_name: dict[str, str] = field(default_factory=dict)  # "xi_jinping" -> "Xi"
    sources: list[str] = field(default_factory=list)

    def holders(self, offices: set[str] | frozenset[str], jurisdiction: str | None,
                day: dt.date | None) -> list[Tenure]:
        """Tenures of one of ``offices`` (of ``jurisdiction``, if given) covering ``day`` (any, if None)."""
        return [t for t in self.tenures if t.office in offices
                and (jurisdiction is None or t.jurisdiction == jurisdiction)
                and (day is None or t.covers(day))]

    def offices_of(self, actor_id: str) -> list[Tenure]:
        return [t for t in self.tenures if t.holder == actor_id]

    def jurisdictions(self, offices: set[str] | frozenset[str]) -> set[str]:
        """Every jurisdiction with a recorded holder of one of ``offices``."""
        return {t.jurisdiction for t in self.tenures if t.office in offices}

    def one_of_a_people(self, word: str) -> tuple[str, str | None] | None:
        """The state and gender of one person of a people, when ``word`` names one:
        "Spaniard" (the people are "Spaniards"), "Dutchman" ("Dutch" and "man"),
        "Italian"; None for any other word.

        >>> gaz = load_gazetteer()
        >>> gaz.one_of_a_people("Spaniard"), gaz.one_of_a_people("Dutchwoman"), gaz.one_of_a_people("Spain")
        (('spain', None), ('netherlands', 'female'), None)
        """
        if word + "s" in self.by_demonym:
            return self.by_demonym[word + "s"], None
        for ending, gender in (("woman", "female"), ("man", "male")):
            if word.endswith(ending) and word[:-len(ending)] in self.by_demonym:
                return self.by_demonym[word[:-len(ending)]], gender
        return None


def default_sources() -> list[str]:
    """The packaged ``ontology/actors.ttl`` and any files named in ``$KG_GAZETTEER``."""
    extra = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    return ["package:actors.ttl", *extra]


def load_gazetteer(sources: list[str] | tuple[str, ...] | None = None) -> Gazetteer:
    """The gazetteer read from ``sources`` (default :func:`default_sources`); cached per source list."""
    return _load(tuple(sources if sources is not None else default_sources()))


@lru_cache(maxsize=8)
def _load(sources: tuple[str, ...]) -> Gazetteer:
    graph = Graph()
    for source in sources:
        try:
            if source.startswith("package:"):
                text = resources.files("kg").joinpath("ontology", source.removeprefix("package:")).read_text("utf-8")
                graph.parse(data=text, format="turtle")
            else:
                graph.parse(Path(source), format="turtle")
        except Exception as err:  # rdflib raises many kinds; say which file
            raise GazetteerError(f"cannot read the gazetteer {source}: {err}") from None
    gaz = gazetteer_from_graph(graph)
    gaz.sources = list(sources)
    return gaz


def _id(node) -> str:
    text = str(node)
    if not isinstance(node, URIRef) or not text.startswith(ACTOR_NS):
        raise GazetteerError(f"{text}: gazetteer actors are IRIs under {ACTOR_NS} (actor:...)")
    return unquote(text[len(ACTOR_NS):])


def _date(value, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise GazetteerError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def gazetteer_from_graph(graph: Graph) -> Gazetteer:
    """Read every typed actor of ``graph`` (see the header of ``ontology/actors.ttl``)."""
    gaz = Gazetteer()
    for cls, kind in KINDS.items():
        for node in sorted(graph.subjects(RDF.type, cls)):
            actor_id = _id(node)
            label = graph.value(node, RDFS.label)
            if label is None:
                raise GazetteerError(f"actor:{actor_id} has no rdfs:label")
            wikidata = graph.value(node, OWL.sameAs)
            gaz.actors[actor_id] = Actor(
                id=actor_id, label=str(label), kind=kind,
                aliases=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
                wikidata=str(wikidata).rsplit("/", 1)[-1] if wikidata is not None else None)
            _read_extras(graph, node, actor_id, gaz)
    for tenure in gaz.tenures:
        if tenure.jurisdiction not in gaz.actors:
            raise GazetteerError(f"actor:{tenure.holder}: cg:jurisdiction actor:{tenure.jurisdiction} is not in the gazetteer")
    gaz.tenures.sort(key=lambda t: (t.jurisdiction, t.office, t.start or dt.date.min))
    for actor in gaz.actors.values():
        actor.offices = [t.as_dict() for t in gaz.offices_of(actor.id)]
    return gaz


def _read_extras(graph: Graph, node, actor_id: str, gaz: Gazetteer) -> None:
    for demonym in graph.objects(node, CG.demonym):
        gaz.by_demonym.setdefault(str(demonym), actor_id)
    for prop, what in ((CG.capital, "capital"), (CG.seat, "seat of government")):
        for place in sorted(graph.objects(node, prop)):
            gaz.by_metonym.setdefault(name_key(str(place)), actor_id)
            gaz.places.append((str(place), actor_id, what))
    if (office := graph.value(node, CG.leaderOffice)) is not None:
        gaz.leader_office[actor_id] = str(office)
    if (gender := graph.value(node, SCHEMA.gender)) is not None:
        gaz.gender[actor_id] = str(gender).lower()
    if (family := graph.value(node, SCHEMA.familyName)) is not None:
        gaz.family_name[actor_id] = str(family)
    for held in graph.objects(node, CG.held):
        where = f"actor:{actor_id} cg:held"
        office, jurisdiction = graph.value(held, CG.office), graph.value(held, CG.jurisdiction)
        if office is None or jurisdiction is None:
            raise GazetteerError(f"{where}: a tenure needs cg:office and cg:jurisdiction")
        gaz.tenures.append(Tenure(holder=actor_id, office=str(office), jurisdiction=_id(jurisdiction),
                                  start=_date(graph.value(held, SCHEMA.startDate), where),
                                  end=_date(graph.value(held, SCHEMA.endDate), where)))
