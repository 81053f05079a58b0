"""Mentions -> canonical actors.

Named-entity spans (people, organisations, places acting as states) become
:class:`~kg.records.Mention` records linked to corpus-wide :class:`~kg.records.Actor`
ids. Names are merged by exact name, then by surname within a document ("Vladimir
Putin" ... "Putin"), then across documents when the surname is unambiguous, and through
the gazetteer ``ontology/actors.ttl`` (labels and aliases). Personal pronouns are linked
to the nearest preceding person. Every link records the rule and the evidence behind it.

>>> slug("Russian President Vladimir Putin")
'russian_president_vladimir_putin'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .ingest import Document
from .records import Actor, Mention

ENTITY_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
NAME_PREFIXES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "the"}


def slug(name: str) -> str:
    """A stable, IRI-safe id from a name: ascii, lower case, words joined by ``_``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower().replace("'", "").replace("’", ""))
    return "_".join(words) or "actor"


def name_key(name: str) -> str:
    """The form names are compared in: casefolded, curly quotes and spaces normalised."""
    name = name.replace("’", "'").replace("‘", "'")
    return " ".join(name.split()).casefold()


def strip_name(span: Span) -> Span:
    """The entity span without a leading article or possessive ending."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and doc[start].lower_ in {"the"}:
        start += 1
    while end > start + 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end]


@dataclass
class DocActors:
    """The actor mentions of one document, sorted by offset, with span lookups."""

    doc_id: str
    mentions: list[Mention] = field(default_factory=list)

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

    def actor_in(self, start: int, end: int) -> Mention | None:
        """The first mention with an actor inside ``[start, end)``, if any."""
        return next((m for m in self.within(start, end) if m.actor), None)

    def at(self, offset: int) -> Mention | None:
        """The mention with an actor whose span contains character ``offset``."""
        i = bisect_left(self._starts, offset + 1) - 1
        while i >= 0 and self.mentions[i].span[0] > offset - 200:
            mention = self.mentions[i]
            if mention.span[0] <= offset < mention.span[1] and mention.actor:
                return mention
            i -= 1
        return None

    def actors_in(self, start: int, end: int) -> list[str]:
        """Distinct actor ids mentioned inside ``[start, end)``, in text order."""
        return list(dict.fromkeys(m.actor for m in self.within(start, end) if m.actor))


class ActorResolver:
    """Links mentions to actors, document after document, keeping a corpus-wide registry."""

    def __init__(self, gazetteer: list[Actor] | None = None) -> None:
        self.actors: dict[str, Actor] = {}
        self.mentioned: set[str] = set()
        self._by_name: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}
        for actor in gazetteer or []:
            self._register(actor)

    # registry ------------------------------------------------------------------------

    def learn(self, actors: list[Actor]) -> None:
        """Know these actors (for example those already in the store) before resolving."""
        for actor in actors:
            if actor.id not in self.actors:
                self._register(actor)

    def _register(self, actor: Actor) -> None:
        self.actors[actor.id] = actor
        for name in [actor.label, *actor.aliases]:
            self._by_name.setdefault(name_key(name), actor.id)
        if actor.kind == "Person" and " " in actor.label:
            self._by_surname.setdefault(name_key(actor.label.split()[-1]), set()).add(actor.id)

    def _add_alias(self, actor_id: str, text: str) -> None:
        actor = self.actors[actor_id]
        if text != actor.label and text not in actor.aliases:
            actor.aliases.append(text)
        self._by_name.setdefault(name_key(text), actor_id)

    def _new_actor(self, name: str, kind: str) -> str:
        actor_id = base = slug(name)
        n = 2
        while actor_id in self.actors:
            actor_id, n = f"{base}_{n}", n + 1
        self._register(Actor(id=actor_id, label=name, kind=kind))
        return actor_id

    # resolution ----------------------------------------------------------------------

    def _link_name(self, name: str, kind: str, local: dict[str, str]) -> tuple[str, str, str]:
        """(actor id, rule, evidence) for a name seen in the current document."""
        key = name_key(name)
        if key in local:
            return local[key], "same-name", f"same name earlier in the document: {name!r}"
        if key in self._by_name:
            actor_id = self._by_name[key]
            return actor_id, "known-name", f"name or alias of {self.actors[actor_id].label!r}"
        words = name.split()
        if kind == "Person" and len(words) == 1:
            in_doc = {a for k, a in local.items() if k.split()[-1] == key and " " in k}
            if len(in_doc) == 1:
                actor_id = in_doc.pop()
                return actor_id, "surname", f"surname of {self.actors[actor_id].label!r} in the same document"
            corpus = self._by_surname.get(key, set())
            if len(corpus) == 1 and not in_doc:
                actor_id = next(iter(corpus))
                return actor_id, "surname-corpus", f"the only known person with surname {name!r}: {self.actors[actor_id].label!r}"
        return self._new_actor(name, kind), "new-name", f"first mention of {name!r}"

    def resolve(self, document: Document, doc: Doc) -> DocActors:
        """Mentions of actors in one parsed document (names, then pronouns)."""
        local: dict[str, str] = {}
        mentions: list[Mention] = []
        ents = [e for e in doc.ents if e.label_ in ENTITY_KINDS
                and not document.is_skipped(e.start_char, e.end_char)]
        # Full names first, so that a surname before its full name still merges.
        for ent in sorted(ents, key=lambda e: -len(strip_name(e))):
            span = strip_name(ent)
            kind = ENTITY_KINDS[ent.label_]
            actor_id, rule, evidence = self._link_name(span.text, kind, local)
            local.setdefault(name_key(span.text), actor_id)
            self._add_alias(actor_id, span.text)
            how = "name" if name_key(span.text) == name_key(self.actors[actor_id].label) else "alias"
            mentions.append(Mention(doc=document.id, span=(span.start_char, span.end_char), text=span.text,
                                    actor=actor_id, how=how, rule=rule, evidence=evidence))
        mentions.extend(self._pronouns(document, doc, mentions))
        self.mentioned.update(m.actor for m in mentions if m.actor)
        return DocActors(document.id, mentions)

    def _pronouns(self, document: Document, doc: Doc, names: list[Mention]) -> list[Mention]:
        """He/she/his/her linked to the nearest person named before, in this or the last two sentences."""
        people = sorted((m for m in names if self.actors[m.actor].kind == "Person"), key=lambda m: m.span)
        starts = [m.span[0] for m in people]
        found = []
        for token in doc:
            if token.lower_ not in PERSON_PRONOUNS or token.pos_ != "PRON" or document.is_skipped(token.idx, token.idx + 1):
                continue
            i = bisect_left(starts, token.idx) - 1
            if i < 0:
                continue
            antecedent = people[i]
            window_start = _sentence_window_start(token, sentences_back=2)
            if antecedent.span[0] < window_start:
                continue
            found.append(Mention(doc=document.id, span=(token.idx, token.idx + len(token.text)), text=token.text,
                                 actor=antecedent.actor, how="pronoun", rule="nearest-person",
                                 evidence=f"nearest preceding person: {antecedent.text!r} at {antecedent.span[0]}"))
        return found


def _sentence_window_start(token: Token, sentences_back: int) -> int:
    sent = token.sent
    for _ in range(sentences_back):
        if sent.start == 0:
            break
        sent = sent.doc[sent.start - 1].sent
    return sent.start_char
