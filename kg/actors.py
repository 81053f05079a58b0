"""Mentions -> canonical actors: one node per real-world actor, every link explained.

:class:`ActorResolver` keeps a corpus-wide registry of actors, seeded from the gazetteer
(``ontology/actors.ttl``, :mod:`kg.gazetteer`) and extended by every document:
:meth:`ActorResolver.resolve` finds the mentions of one parsed document
(:mod:`kg.mentions`: names, titles, metonyms, groups, pronouns) and returns them as
:class:`DocActors`, the one view of actors that claims and triples read. Each mention
carries the ``rule`` that linked it and the ``evidence`` a person can check. Actors the
gazetteer does not know get a stable id from their name (:func:`slug`).

>>> slug("Russian President Vladimir Putin")
'russian_president_vladimir_putin'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from copy import deepcopy
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .gazetteer import Gazetteer, load_gazetteer
from .ingest import Document
from .mentions import DocumentMentions
from .names import DESCRIBED, family_name, first_last_name, looks_like_name, without_article
from .names import name_key, slug  # noqa: F401 (this module's API)
from .records import Actor, Mention

LOOK_BACK = 400  # characters: the longest mention span that :meth:`DocActors.at` looks back over


@dataclass
class DocActors:
    """The actor mentions of one document, sorted by offset, with span lookups.

    Mentions may nest ("China" inside "China's President Xi Jinping"); a mention of
    several actors ("the two leaders") is one record per actor with the same span. A
    mention with ``actor`` None is a place or an unnamed source: it hides the names
    inside it from :meth:`actor_in` ("a US official" is not the United States).
    """

    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    registry: dict[str, Actor] = field(default_factory=dict, repr=False, compare=False)
    genders: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # of people, where known

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.span)
        self._starts = [m.span[0] for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``."""
        i = bisect_left(self._starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].span[0] < end:
            if self.mentions[i].span[1] <= end:
                found.append(self.mentions[i])
            i += 1
        return found

    def outermost(self, start: int, end: int) -> list[Mention]:
        """Mentions inside ``[start, end)`` that no longer mention there contains."""
        found, reach = [], -1
        for mention in sorted(self.within(start, end), key=lambda m: (m.span[0], -m.span[1])):
            if mention.span[1] <= reach and mention.span != found[-1].span:
                continue
            found.append(mention)
            reach = max(reach, mention.span[1])
        return found

    def actor_in(self, start: int, end: int) -> Mention | None:
        """The first outermost mention with an actor inside ``[start, end)``, if any.

        "Russian President Vladimir Putin" gives Putin (not Russia); "a US official" gives
        None (the unnamed official hides "US").
        """
        return next((m for m in self.outermost(start, end) if m.actor), None)

    def actors_of(self, start: int, end: int) -> list[str]:
        """Every actor of the first outermost mention with an actor (both of "the two leaders")."""
        first = self.actor_in(start, end)
        if first is None:
            return []
        return [m.actor for m in self.outermost(start, end) if m.span == first.span and m.actor]

    def at(self, offset: int) -> Mention | None:
        """The innermost mention with an actor whose span contains character ``offset``."""
        i = bisect_left(self._starts, offset + 1) - 1
        best = None
        while i >= 0 and self.mentions[i].span[0] > offset - LOOK_BACK:
            mention = self.mentions[i]
            if mention.span[0] <= offset < mention.span[1] and mention.actor:
                if best is None or mention.span[1] - mention.span[0] < best.span[1] - best.span[0]:
                    best = mention
            i -= 1
        return best

    def actors_at(self, offset: int) -> list[str]:
        """Every actor of the innermost mention at ``offset``: one, or each of "the two leaders"."""
        inner = self.at(offset)
        if inner is None:
            return []
        return [m.actor for m in self.within(*inner.span) if m.span == inner.span and m.actor]

    def place_at(self, offset: int) -> str | None:
        """The state of a place mentioned at ``offset`` that is no actor there ("arrived in
        *Beijing*": China), if the place is known."""
        i = bisect_left(self._starts, offset + 1) - 1
        while i >= 0 and self.mentions[i].span[0] > offset - LOOK_BACK:
            mention = self.mentions[i]
            if mention.span[0] <= offset < mention.span[1] and mention.place_of:
                return mention.place_of
            i -= 1
        return None

    def actors_in(self, start: int, end: int) -> list[str]:
        """Distinct actor ids mentioned inside ``[start, end)``, in text order."""
        return list(dict.fromkeys(m.actor for m in self.within(start, end) if m.actor))

    def label(self, actor_id: str | None) -> str | None:
        """The actor's label in the registry these mentions were linked with."""
        actor = self.registry.get(actor_id) if actor_id else None
        return actor.label if actor is not None else None



class ActorResolver:
    """Links mentions to actors, document after document, keeping a corpus-wide registry.

    ``gazetteer`` is a :class:`~kg.gazetteer.Gazetteer` (default: the packaged one plus
    ``$KG_GAZETTEER``), or a plain list of actors to know.
    """

    def __init__(self, gazetteer: Gazetteer | list[Actor] | None = None) -> None:
        if gazetteer is None:
            gazetteer = load_gazetteer()
        elif not isinstance(gazetteer, Gazetteer):
            gazetteer = Gazetteer(actors={a.id: a for a in gazetteer})
        self.gazetteer = gazetteer
        self.actors: dict[str, Actor] = {}
        self.mentioned: set[str] = set()
        self._by_name: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}
        self._first_word: dict[str, list[tuple[str, str]]] = {}
        self._gender: dict[str, str] = dict(gazetteer.gender)
        self.place_kind: dict[str, str] = {}  # name_key(place) -> "capital" | "seat of government"
        self.gazetteer_families: dict[str, set[str]] = {}
        self._name_source: dict[str, str] = {}
        self._first_last: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
        self._loading_gazetteer = True
        for actor in gazetteer.actors.values():
            self._register(deepcopy(actor), from_gazetteer=True)
        self._loading_gazetteer = False
        for place, state, what in gazetteer.places:
            self._index(place, f"metonym:{state}")
            self.place_kind.setdefault(name_key(place), what)

    # registry ------------------------------------------------------------------------

    def learn(self, actors: list[Actor]) -> None:
        """Know these actors (for example those already in the store) before resolving;
        the words of a described actor (:meth:`described_actor`) are no name to find it by."""
        for actor in actors:
            if actor.id in self.actors:  # a gazetteer actor keeps the names it was found by
                known = self.actors[actor.id]
                new_names = [alias for alias in actor.aliases if alias != known.label and alias not in known.aliases]
                known.aliases.extend(new_names)
                self._add_names(known, new_names)
                continue
            if actor.id.startswith(DESCRIBED):
                self.actors[actor.id] = actor
            else:
                self._register(actor)

    def _register(self, actor: Actor, from_gazetteer: bool = False) -> None:
        self.actors[actor.id] = actor
        self._add_names(actor, [actor.label, *actor.aliases], from_gazetteer)
        if actor.kind == "Person":
            family = self.gazetteer.family_name.get(actor.id) or family_name(actor.label)
            if family:
                index = self.gazetteer_families if from_gazetteer else self._by_surname
                index.setdefault(name_key(family), set()).add(actor.id)

    def _add_names(self, actor: Actor, names: list[str], from_gazetteer: bool = False) -> None:
        for name in names:
            if not from_gazetteer and actor.kind == "Person" and name != actor.label and len(name.split()) == 1:
                continue  # a family name seen in some article ("Brown") is no name of its own
            self._add_name(name, actor.id)

    def _add_name(self, name: str, actor_id: str) -> None:
        """Register ``name`` as a name of the actor (descriptions such as "the Russian
        president" are never registered: they may mean someone else elsewhere)."""
        if not looks_like_name(name):
            return
        key = name_key(name)
        if key in self._by_name or key in self.gazetteer.by_metonym:
            return
        self._by_name[key] = actor_id
        self._name_source[key] = "the gazetteer" if self._loading_gazetteer else "an earlier document"
        self._index(without_article(name), actor_id)
        if self.actors[actor_id].kind == "Person":
            first_last, middle = first_last_name(name)
            if first_last:
                self._first_last.setdefault(first_last, []).append((actor_id, middle))

    def _index(self, name: str, target: str) -> None:
        """Index a name by its first word, to find it where the parser did not tag it."""
        if name[:1].isupper():
            entries = self._first_word.setdefault(re.split(r"[\s'’]", name)[0], [])
            entries.append((name, target))
            entries.sort(key=lambda e: -len(e[0]))

    def names_starting(self, word: str) -> list[tuple[str, str]]:
        """(name, actor id or ``metonym:<state>``) for names that start with ``word``, longest first."""
        return self._first_word.get(word, [])

    def first_last_candidates(self, first_last: tuple[str, str]) -> list[tuple[str, list[str]]]:
        """(actor, middle names) of the known person names with this given and family name."""
        return self._first_last.get(first_last, [])

    def name_source(self, key: str) -> str:
        """Where a known name comes from: "the gazetteer" or "an earlier document"."""
        return self._name_source.get(key, "an earlier document")

    def known(self, key: str) -> str | None:
        """The actor a name (in :func:`name_key` form) belongs to, if any."""
        return self._by_name.get(key)

    def surname_candidates(self, key: str) -> set[str]:
        """People named so far in the corpus whose family name is ``key``."""
        return self._by_surname.get(key, set())

    def mark_mentioned(self, actor_id: str) -> None:
        """Note that a document mentions the actor (a gazetteer person's family name then
        counts across the corpus, like a name first seen in a document)."""
        if actor_id in self.mentioned:
            return
        self.mentioned.add(actor_id)
        actor = self.actors[actor_id]
        if actor.kind == "Person" and actor_id in self.gazetteer.actors:
            family = self.gazetteer.family_name.get(actor_id) or family_name(actor.label)
            if family:
                self._by_surname.setdefault(name_key(family), set()).add(actor_id)

    def add_alias(self, actor_id: str, text: str, name: bool = True) -> None:
        """Keep ``text`` among the actor's aliases (and as a name, when it is one)."""
        actor = self.actors[actor_id]
        text = " ".join(text.split())
        if text != actor.label and text not in actor.aliases:
            actor.aliases.append(text)
        if name:
            self._add_name(without_article(text) if text.startswith("the ") else text, actor_id)

    def new_actor(self, name: str, kind: str) -> str:
        """A new actor with a stable id from its name (``_2``, ``_3`` ... when taken)."""
        actor_id = base = slug(name)
        n = 2
        while actor_id in self.actors:
            actor_id, n = f"{base}_{n}", n + 1
        self._register(Actor(id=actor_id, label=name, kind=kind))
        return actor_id

    def not_by_family_name(self, actor_id: str) -> None:
        """A person whom the family name alone does not stand for (named as someone's
        relative: "Roe and his son, Jo Roe")."""
        for people in self._by_surname.values():
            people.discard(actor_id)

    def make_body(self, actor_id: str, kind: str = "Organization") -> None:
        """An actor first taken for a person that the text shows to be a body ("Browns pass
        rusher X", then "the Browns"): of ``kind`` now, out of the family-name index."""
        self.actors[actor_id].kind = kind
        self._gender.pop(actor_id, None)
        self.not_by_family_name(actor_id)

    def make_person(self, actor_id: str) -> None:
        """An actor first taken for a body that the text shows to be a person (a name in a
        headline the parser tagged as an organisation, then "captain Jo Roe"): a person now,
        found by the family name."""
        actor = self.actors[actor_id]
        actor.kind = "Person"
        family = family_name(actor.label)
        if family:
            self._by_surname.setdefault(name_key(family), set()).add(actor_id)

    def forget(self, actor_id: str) -> None:
        """Take back an actor made from a name that turned out to be no actor (a place, a thing)."""
        actor = self.actors.pop(actor_id)
        self.mentioned.discard(actor_id)
        self._gender.pop(actor_id, None)
        for key in [k for k, v in self._by_name.items() if v == actor_id]:
            del self._by_name[key]
            self._name_source.pop(key, None)
        for name in [actor.label, *actor.aliases]:
            entries = self._first_word.get(re.split(r"[\s'’]", without_article(name))[0], [])
            entries[:] = [e for e in entries if e[1] != actor_id]
        self.not_by_family_name(actor_id)
        for entries in self._first_last.values():
            entries[:] = [e for e in entries if e[0] != actor_id]

    def described_actor(self, label: str, kind: str, doc_id: str) -> str:
        """An actor of one document that the text describes but does not name ("the
        authors"): its id holds the document's, and its words are no name to find it by.

        >>> resolver = ActorResolver([])
        >>> resolver.described_actor("the authors", "Group", "010_ab12")
        'described_the_authors_010_ab12'
        >>> resolver.known("the authors") is None
        True
        """
        actor_id = DESCRIBED + slug(f"{label} {doc_id}")
        self.actors.setdefault(actor_id, Actor(id=actor_id, label=label, kind=kind))
        return actor_id

    def group_actor(self, label: str) -> str:
        """The group actor called ``label`` ("Chinese companies"), created when new."""
        actor_id = slug(label)
        if actor_id in self.actors and self.actors[actor_id].kind == "Group":
            return actor_id
        return self.new_actor(label, "Group")

    def gender_of(self, actor_id: str) -> str | None:
        return self._gender.get(actor_id)

    def set_gender(self, actor_id: str, gender: str) -> None:
        self._gender.setdefault(actor_id, gender)

    # resolution ----------------------------------------------------------------------

    def resolve(self, document: Document, doc: Doc) -> DocActors:
        """Mentions of actors in one parsed document."""
        mentions = DocumentMentions(self, document, doc).run()
        return DocActors(document.id, mentions, self.actors, self._gender)
